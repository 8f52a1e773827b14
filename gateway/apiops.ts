// An APIOps extractor folder (Azure/apiops) as the gateway's configuration: the layout the
// extractor writes today and its older one. Every information file is ARM JSON
// (`{"properties": {...}}`); references are relative ids (`/apiVersionSets/x`) or full ARM ids
// (older extractors), of which the last segment is the name. The folder becomes the same
// LoadedConfig a gateway.json gives (APIs with their operations from the specifications, products,
// subscriptions, backends, named values by display name, fragments), so building, routing, prebuilt
// builds and hot reload are the gateway.json ones. Every problem found is a diagnostic at the
// artifact's file, line and column; what the folder holds that apimc does not use is listed.
import type { ConfiguredSchema } from "../compiler/validation/configured-schema.js";
import { readApiopsApiSchemas, readApiopsSchemas, SchemaFiles } from "./xml-schemas.js";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { Codes, didYouMean, type Diagnostic } from "../compiler/diagnostics.js";
import type { FragmentResolver } from "../compiler/document.js";
import { fragmentsFromFiles } from "../compiler/index.js";
import type { NamedValueTable } from "../runtime/named-values.js";
import { samePathKey, type ApiConfig, type LoadedConfig, type OperationConfig, type ProductConfig, type SubscriptionConfig } from "./config.js";
import { checkLoggers, type LoggerConfig } from "./loggers.js";
import { loadSpecification, SpecificationError, type LoadedSpecification } from "./openapi.js";
import { DiagnosticError, diagnosticAt, escapePointer, parseSourceDocument, type SourceDocument } from "./source-document.js";
import { checkBackends, type BackendConfig, type CheckedBackend } from "./backend-config.js";

export interface ApiopsOptions {
  /**
   * A JSON file of values the folder does not hold: named values by display name (or folder name)
   * → a string or `{ "value", "secret" }` (as gateway.json's named values file), and
   * `"$subscriptions": { "<subscription>": { "primaryKey", "secondaryKey" } }`.
   */
  values?: string;
  /** Where `APIMC_NAMED_VALUE_<name>` and `APIMC_SUBSCRIPTION_<name>_PRIMARY_KEY` are looked up (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface LoadedApiops extends LoadedConfig {
  /** What the folder holds that apimc does not use, one line each (told once at start). */
  ignored: string[];
}

/** The folder cannot be served; `diagnostics` are every problem found (warnings too). */
export class ApiopsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(`the APIOps folder has ${errors.length} problem${errors.length === 1 ? "" : "s"}:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} - error ${d.code}: ${d.message}`).join("\n")}`);
  }
}

/** The artifact folders apimc reads, by the names the extractor gives them. */
export const FOLDERS = { apis: "apis", products: "products", subscriptions: "subscriptions", namedValues: "named values", fragments: "policy fragments", backends: "backends", versionSets: "version sets", schemas: "schemas" } as const;
const KNOWN = new Set<string>([...Object.values(FOLDERS), "policy.xml"]);
/** What the extractor writes that a gateway has no use for: listed, not read. */
const NOT_USED: Record<string, string> = {
  loggers: "loggers (Azure targets; map one for log-to-eventhub under \"$loggers\" in the values file)",
  diagnostics: "diagnostic settings",
  gateways: "self-hosted gateway assignments",
  tags: "tags",
  groups: "groups",
  "authorization servers": "authorization servers",
  "identity providers": "identity providers",
  workspaces: "workspaces",
  "service information": "service settings",
};
const UNSUPPORTED_SPEC = ["specification.wsdl", "specification.graphql", "specification.wadl", "specification.xml"];
/** A SOAP API's WSDL: served as one catch-all operation, its schemas what validate-content validate-as="soap" checks. */
const WSDL_SPEC = "specification.wsdl";
const SPEC_FILES = ["specification.yaml", "specification.yml", "specification.json"];
const REVISION = ";rev=";

/** Reads an APIOps folder; throws ApiopsError with every problem when it cannot be served. */
export function loadApiopsFolder(dir: string, opts: ApiopsOptions = {}): LoadedApiops {
  return new FolderReader(resolve(dir), opts).read();
}

/** The last segment of a relative or full ARM id: `/apiVersionSets/x`, `/subscriptions/…/apiVersionSets/x` → `x`. */
export function lastSegment(id: string): string {
  const parts = id.split("/").filter(Boolean);
  return parts[parts.length - 1] ?? "";
}

/** An environment variable's name for a named value or subscription: letters, digits and `_`. */
export function environmentName(prefix: string, name: string, suffix = ""): string {
  return `${prefix}${name.replace(/[^A-Za-z0-9_]/g, "_")}${suffix}`;
}

interface Info {
  file: string;
  doc: SourceDocument;
  props: Record<string, unknown>;
}

class FolderReader {
  private readonly diags: Diagnostic[] = [];
  /** Schema files (global and API schemas, WSDLs) and each API's XML schemas (xml-schemas.ts). */
  private readonly schemaFiles = new SchemaFiles();
  private readonly apiXmlSchemas = new Map<string, ConfiguredSchema>();
  private readonly ignored: string[] = [];
  private readonly sources = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly env: Readonly<Record<string, string | undefined>>;
  private values: Record<string, unknown> = {};
  private valuesDoc: SourceDocument | null = null;

  constructor(
    private readonly root: string,
    private readonly opts: ApiopsOptions,
  ) {
    this.env = opts.env ?? process.env;
  }

  read(): LoadedApiops {
    const { root } = this;
    if (!isDirectory(root)) throw new ApiopsError([diagnosticAt(Codes.ApiopsArtifactUnreadable, root, { line: 1, column: 1 }, "Not a folder: `--apiops` takes the folder the APIOps extractor wrote (with apis/, products/, named values/, ...).")]);
    this.folders.add(root);
    const entries = list(root);
    if (!entries.some((e) => KNOWN.has(e)))
      throw new ApiopsError([diagnosticAt(Codes.ApiopsArtifactUnreadable, root, { line: 1, column: 1 }, `No APIOps artifacts here (no ${[...KNOWN].map((k) => `'${k}'`).join(", ")}): give the extractor's output folder.`)]);
    for (const e of entries) {
      if (KNOWN.has(e) || e.startsWith(".")) continue;
      this.ignored.push(NOT_USED[e] ? `${e}/: ${NOT_USED[e]} are not used by apimc (${count(list(join(root, e)).length, "entry", "entries")})` : `${e}: not an artifact apimc reads`);
    }
    this.readValues();
    const versionSets = this.readVersionSets();
    const backendInfos = this.readBackends();
    const loggers = this.readLoggers();
    const namedValues = this.readNamedValues();
    const checkedBackends = this.checkBackends(backendInfos, namedValues.table);
    const backends: Record<string, BackendConfig> = Object.create(null);
    for (const id of checkedBackends.keys()) backends[id] = backendInfos.get(id)!.props as BackendConfig;
    const fragments = this.readFragments();
    // Global schemas (schemas/<id>/schemaInformation.json): what validate-content schema-id names.
    const schemas = readApiopsSchemas(root, this.schemaFiles, (file, message) => this.error(Codes.ApiopsArtifactInvalid, file, { line: 1, column: 1 }, `The schema ${message}.`, "warning"));
    this.schemaFiles.registered = schemas;
    if (Object.keys(schemas).length) this.folders.add(join(root, FOLDERS.schemas));
    const { apis, specifications } = this.readApis(versionSets);
    const products = this.readProducts(new Set(apis.map((a) => a.id)), new Set(this.skippedApis));
    // A product holds every revision of its APIs (their policies and subscriptions apply to each).
    for (const p of products) for (const a of apis) if (a.revision?.of && p.apis.includes(a.revision.of)) p.apis.push(a.id);
    const subscriptions = this.readSubscriptions(new Set(apis.map((a) => a.id)), new Set(products.map((p) => p.id)));
    const policy = existsSync(join(root, "policy.xml")) ? "policy.xml" : undefined;
    this.checkUnusedValues(namedValues.table);
    if (this.diags.some((d) => d.severity === "error")) throw new ApiopsError(this.diags);
    if (apis.length === 0) throw new ApiopsError([...this.diags, diagnosticAt(Codes.ApiopsArtifactUnreadable, join(root, FOLDERS.apis), { line: 1, column: 1 }, "The folder has no API apimc can serve.")]);
    return {
      config: { policy, apis, products, subscriptions, backends, ...(loggers ? { loggers } : null) },
      file: root,
      dir: root,
      namedValues: namedValues.table,
      specifications,
      fragments,
      sources: [...this.sources],
      folders: [...this.folders],
      diagnostics: this.diags,
      valuelessNamedValues: namedValues.valueless,
      backends: checkedBackends,
      ignored: this.ignored,
      schemas,
      apiXmlSchemas: this.apiXmlSchemas,
      schemaFiles: this.schemaFiles,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Files

  private error(code: string, file: string, at: { line: number; column: number; offset?: number }, message: string, severity: Diagnostic["severity"] = "error"): void {
    this.diags.push(diagnosticAt(code, file, at, message, severity));
  }

  /** `<folder>/<name>/` entries of an artifact folder (watched: a new one changes the configuration). */
  private children(folder: string): string[] {
    const dir = join(this.root, folder);
    if (!isDirectory(dir)) return [];
    this.folders.add(dir);
    return list(dir).filter((n) => !n.startsWith(".") && isDirectory(join(dir, n)));
  }

  /** An information file: ARM JSON with a `properties` object. Null (and a diagnostic) when unusable. */
  private info(file: string, required = true): Info | null {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      if (required || (e as NodeJS.ErrnoException).code !== "ENOENT") this.error(Codes.ApiopsArtifactUnreadable, file, { line: 1, column: 1 }, `Cannot read the artifact (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      return null;
    } finally {
      this.sources.add(file);
    }
    let doc: SourceDocument;
    try {
      doc = parseSourceDocument(text, file, true, Codes.ApiopsArtifactUnreadable);
    } catch (e) {
      if (e instanceof DiagnosticError) this.diags.push(e.diagnostic);
      else throw e;
      return null;
    }
    const v = doc.value as { properties?: unknown } | null;
    if (!isObject(v) || !isObject(v.properties)) {
      this.error(Codes.ApiopsArtifactInvalid, file, doc.locate(isObject(v) ? "/properties" : ""), 'An information file is ARM JSON: { "properties": { ... } }.');
      return null;
    }
    return { file, doc, props: v.properties };
  }

  private str(info: Info, key: string, required = false): string | undefined {
    const v = info.props[key];
    if (v === undefined || v === null) {
      if (required) this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate("/properties"), `'properties.${key}' is required.`);
      return undefined;
    }
    if (typeof v !== "string") {
      this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate(`/properties/${escapePointer(key)}`), `'properties.${key}' must be a string.`);
      return undefined;
    }
    return v;
  }

  private bool(info: Info, key: string): boolean | undefined {
    const v = info.props[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") {
      this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate(`/properties/${escapePointer(key)}`), `'properties.${key}' must be true or false.`);
      return undefined;
    }
    return v;
  }

  private url(info: Info, key: string): string | undefined {
    const v = this.str(info, key);
    if (v === undefined || v.trim() === "") return undefined;
    let ok = false;
    try {
      const u = new URL(v);
      ok = u.protocol === "http:" || u.protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate(`/properties/${escapePointer(key)}`), `'properties.${key}' must be an absolute http(s) URL, not '${v}'.`);
    return ok ? v : undefined;
  }

  private rel(file: string): string {
    return relative(this.root, file).split(sep).join("/");
  }

  // -------------------------------------------------------------------------------------------
  // Values the folder does not hold

  private readValues(): void {
    if (!this.opts.values) return;
    const file = resolve(this.opts.values);
    this.sources.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      this.error(Codes.ApiopsArtifactUnreadable, file, { line: 1, column: 1 }, `Cannot read the named values file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      return;
    }
    try {
      this.valuesDoc = parseSourceDocument(text, file, true, Codes.ApiopsArtifactUnreadable);
    } catch (e) {
      if (e instanceof DiagnosticError) this.diags.push(e.diagnostic);
      else throw e;
      return;
    }
    const v = this.valuesDoc.value;
    if (!isObject(v)) {
      this.error(Codes.ApiopsArtifactInvalid, file, { line: 1, column: 1 }, 'The named values file is a JSON object: name → value (or → { "value": ..., "secret": true }), and "$subscriptions": { name → { "primaryKey", "secondaryKey" } }.');
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === "$subscriptions" || k === "$loggers") continue;
      const text = isObject(x) ? x.value : x;
      // Never print a value: they are secrets.
      if (typeof text !== "string" || text === "" || (isObject(x) && x.secret !== undefined && typeof x.secret !== "boolean"))
        this.error(Codes.ApiopsArtifactInvalid, file, this.valuesDoc.locate(`/${escapePointer(k)}`), `The value of '${k}' must be a non-empty string, or { "value": a non-empty string, "secret": true }.`);
    }
    this.values = v;
  }

  /** A value given outside the folder: the values file (by display name, then folder name), then the environment. */
  private givenValue(displayName: string, folder: string): { value: string; secret?: boolean } | null {
    for (const k of [displayName, folder]) {
      const x = Object.prototype.hasOwnProperty.call(this.values, k) ? this.values[k] : undefined;
      if (typeof x === "string" && x !== "") return { value: x };
      if (isObject(x) && typeof x.value === "string" && x.value !== "") return { value: x.value, secret: x.secret === true };
    }
    for (const k of [displayName, folder]) {
      const name = environmentName("APIMC_NAMED_VALUE_", k);
      const v = this.env[name] ?? this.env[name.toUpperCase()];
      if (v !== undefined && v !== "") return { value: v };
    }
    return null;
  }

  private checkUnusedValues(table: NamedValueTable): void {
    if (!this.valuesDoc || !isObject(this.valuesDoc.value)) return;
    for (const k of Object.keys(this.valuesDoc.value))
      if (k !== "$subscriptions" && k !== "$loggers" && !Object.prototype.hasOwnProperty.call(table.values, k) && !this.namedValueFolders.has(k))
        this.error(Codes.ApiopsUnknownReference, this.valuesDoc.file, this.valuesDoc.locate(`/${escapePointer(k)}`), `The folder has no named value '${k}' (by display name or folder name); this value is not used.${didYouMean(k, Object.keys(table.values))}`, "warning");
  }

  // -------------------------------------------------------------------------------------------
  // Named values, fragments, backends, version sets

  private readonly namedValueFolders = new Set<string>();

  private readNamedValues(): { table: NamedValueTable; valueless: Map<string, string> } {
    const values: Record<string, string> = Object.create(null);
    const secrets = new Set<string>();
    const valueless = new Map<string, string>();
    const owners = new Map<string, string>();
    for (const folder of this.children(FOLDERS.namedValues)) {
      this.namedValueFolders.add(folder);
      const info = this.info(join(this.root, FOLDERS.namedValues, folder, "namedValueInformation.json"));
      if (!info) continue;
      const displayName = this.str(info, "displayName") ?? folder;
      const other = owners.get(displayName);
      if (other !== undefined) {
        this.error(Codes.ApiopsDuplicateName, info.file, info.doc.locate("/properties/displayName"), `The display name '${displayName}' is also the one of named value '${other}'; policies name a named value by its display name, so each needs its own.`);
        continue;
      }
      owners.set(displayName, folder);
      const keyVault = isObject(info.props.keyVault) ? info.props.keyVault : null;
      const secret = this.bool(info, "secret") === true || keyVault !== null;
      const given = this.givenValue(displayName, folder);
      const own = keyVault ? undefined : this.str(info, "value");
      const value = given?.value ?? own;
      if (value === undefined || value === "") {
        const why = keyVault ? "is a Key Vault reference" : secret ? "is secret (the extractor does not write secret values)" : "has no value";
        valueless.set(displayName, `The named value '${displayName}' (${this.rel(info.file)}) ${why}: give its value in the --named-values file (key '${displayName}') or in the environment variable ${environmentName("APIMC_NAMED_VALUE_", displayName)}.`);
        continue;
      }
      values[displayName] = value;
      if (secret || given?.secret) secrets.add(displayName);
    }
    return { table: { values, secrets }, valueless };
  }

  private readFragments(): FragmentResolver {
    const ids = new Set<string>();
    for (const id of this.children(FOLDERS.fragments)) {
      ids.add(id);
      this.info(join(this.root, FOLDERS.fragments, id, "policyFragmentInformation.json"), false);
      this.folders.add(join(this.root, FOLDERS.fragments, id));
    }
    const dir = join(this.root, FOLDERS.fragments);
    // A fragment folder made after this read is seen at the next reload (its parent is watched).
    return fragmentsFromFiles((id) => (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) ? join(dir, id, "policy.xml") : null));
  }

  /** Backend information files by id, checked once the named values (which credentials may use) are known. */
  private readBackends(): Map<string, Info> {
    const out = new Map<string, Info>();
    for (const id of this.children(FOLDERS.backends)) {
      const info = this.info(join(this.root, FOLDERS.backends, id, "backendInformation.json"));
      if (!info) continue;
      out.set(id, info);
    }
    return out;
  }

  /**
   * log-to-eventhub sinks: `"$loggers": { "<logger>": sink }` in the values file (as gateway.json
   * `loggers`; file paths relative to the values file). A logger id the folder's loggers/ does not
   * have is a warning (a policy may still name it).
   */
  private readLoggers(): Record<string, LoggerConfig> | undefined {
    const given = this.values.$loggers;
    if (given === undefined || !this.valuesDoc) return undefined;
    const file = this.valuesDoc.file;
    let bad: { path: string; message: string } | null = null;
    try {
      checkLoggers(given, "$loggers", (path, message) => {
        bad = { path, message };
        throw new Error(message);
      });
    } catch (e) {
      if (!bad) throw e;
      const { path, message } = bad as { path: string; message: string };
      this.error(Codes.ApiopsArtifactInvalid, file, this.valuesDoc.locate("/" + path.split(".").slice(0, 2).map(escapePointer).join("/")), `${path}: ${message}.`);
      return undefined;
    }
    const inFolder = new Set(this.children("loggers"));
    const out: Record<string, LoggerConfig> = {};
    for (const [id, c] of Object.entries(given)) {
      if (inFolder.size && !inFolder.has(id))
        this.error(Codes.ApiopsUnknownReference, file, this.valuesDoc.locate(`/$loggers/${escapePointer(id)}`), `The folder has no logger '${id}' (no loggers/${id}/); a policy may still name it.${didYouMean(id, inFolder)}`, "warning");
      out[id] = c.type === "file" ? { type: "file", path: resolve(dirname(file), c.path) } : c;
    }
    return out;
  }

  /** The backends checked (backend-config.ts), each problem at its place in its information file. */
  private checkBackends(infos: Map<string, Info>, table: NamedValueTable): Map<string, CheckedBackend> {
    const raw: Record<string, unknown> = Object.create(null);
    for (const [id, info] of infos) raw[id] = info.props;
    return checkBackends(raw, table, (id, pointer, code, message) => {
      const info = infos.get(id)!;
      this.error(code, info.file, info.doc.locate(`/properties${pointer}`), message);
    }, false);
  }

  private readVersionSets(): Map<string, { scheme: "Segment" | "Header" | "Query"; name?: string }> {
    const out = new Map<string, { scheme: "Segment" | "Header" | "Query"; name?: string }>();
    for (const id of this.children(FOLDERS.versionSets)) {
      const info = this.info(join(this.root, FOLDERS.versionSets, id, "versionSetInformation.json"));
      if (!info) continue;
      const scheme = this.str(info, "versioningScheme", true);
      if (scheme === undefined) continue;
      const s = ["Segment", "Header", "Query"].find((x) => x.toLowerCase() === scheme.toLowerCase()) as "Segment" | "Header" | "Query" | undefined;
      if (!s) {
        this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate("/properties/versioningScheme"), `'versioningScheme' is Segment, Header or Query, not '${scheme}'.`);
        continue;
      }
      const key = s === "Header" ? "versionHeaderName" : s === "Query" ? "versionQueryName" : null;
      const name = key ? this.str(info, key, true) : undefined;
      if (key && !name) continue;
      out.set(id.toLowerCase(), { scheme: s, name });
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // APIs

  private readonly skippedApis: string[] = [];

  private readApis(versionSets: Map<string, { scheme: "Segment" | "Header" | "Query"; name?: string }>): { apis: ApiConfig[]; specifications: Map<string, LoadedSpecification> } {
    const apis: ApiConfig[] = [];
    const specifications = new Map<string, LoadedSpecification>();
    const byRoot = new Map<string, string[]>();
    for (const folder of this.children(FOLDERS.apis)) {
      const root = folder.split(REVISION)[0]!;
      byRoot.set(root, [...(byRoot.get(root) ?? []), folder]);
    }
    const paths = new Map<string, { api: string; file: string; versionSet: string | null; version: string; scheme: string }[]>();
    for (const [rootName, folders] of byRoot) {
      const infos = folders.map((f) => ({ folder: f, info: this.info(join(this.root, FOLDERS.apis, f, "apiInformation.json")) }));
      // The current revision: the one marked isCurrent, else the folder without ';rev='.
      const current = infos.find((x) => x.info?.props.isCurrent === true) ?? infos.find((x) => x.folder === rootName) ?? infos[0]!;
      const { folder, info } = current;
      if (!info) continue;
      const api = this.readApi(rootName, folder, info, versionSets, specifications);
      if (!api) {
        this.skippedApis.push(rootName);
        continue;
      }
      const currentNumber = this.revisionNumber(current.folder, info) ?? "1";
      api.revision = { number: currentNumber, current: true };
      apis.push(api);
      apis.push(...this.readRevisions(rootName, api, current.folder, infos.filter((x) => x !== current), versionSets, specifications));
      const v = api.versioning;
      const prefix = samePathKey(v?.scheme === "Segment" && v.version ? `${api.path}/${v.version}` : api.path);
      const list = paths.get(prefix) ?? [];
      list.push({ api: rootName, file: info.file, versionSet: v && v.scheme !== "Segment" ? v.versionSetId : null, version: v?.version ?? "", scheme: v?.scheme ?? "" });
      paths.set(prefix, list);
    }
    // One path, one API; or the versions of one Header or Query version set, each its own version.
    for (const [prefix, list] of paths) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i]!;
        const clash = list.slice(0, i).find((b) => a.versionSet === null || b.versionSet !== a.versionSet || b.version.toLowerCase() === a.version.toLowerCase());
        if (clash)
          this.error(
            Codes.ApiopsDuplicatePath,
            a.file,
            { line: 1, column: 1 },
            `The API '${a.api}' answers the path '/${prefix.replace(/^\//, "")}'${a.version ? ` (version '${a.version}')` : ""} as the API '${clash.api}' does; two APIs need different paths, or different versions of one version set.`,
          );
      }
    }
    return { apis, specifications };
  }

  /**
   * The revision number of an API folder: the folder's `;rev=N` (the name APIM gives the revision),
   * else the information file's `apiRevision`; undefined if neither, null (and a diagnostic) if malformed.
   */
  private revisionNumber(folder: string, info: Info): string | undefined | null {
    const suffix = folder.includes(REVISION) ? folder.slice(folder.indexOf(REVISION) + REVISION.length) : undefined;
    const given = suffix ?? this.str(info, "apiRevision");
    if (given === undefined) return undefined;
    if (!/^[1-9][0-9]{0,8}$/.test(given)) {
      this.error(Codes.ApiopsArtifactInvalid, info.file, suffix === undefined ? info.doc.locate("/properties/apiRevision") : { line: 1, column: 1 }, `A revision number is a positive integer (APIM's ';rev=N'), not '${given}'${suffix === undefined ? "" : ` (folder apis/${folder})`}.`);
      return null;
    }
    return given;
  }

  /**
   * The non-current revisions of `api`: each is served at `<path>;rev=N` with its own service URL,
   * specification and policies; what APIM lets only the current revision change (path, version,
   * subscription requirement and key names, display name) is the current one's.
   */
  private readRevisions(root: string, api: ApiConfig, currentFolder: string, others: { folder: string; info: Info | null }[], versionSets: Map<string, { scheme: "Segment" | "Header" | "Query"; name?: string }>, specifications: Map<string, LoadedSpecification>): ApiConfig[] {
    const out: ApiConfig[] = [];
    const seen = new Map<string, string>([[api.revision!.number, currentFolder]]);
    for (const { folder, info } of others) {
      if (!info) continue;
      const number = this.revisionNumber(folder, info);
      if (number === null) continue;
      if (number === undefined) {
        this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate("/properties"), `apis/${folder} is not the current revision of '${root}' and has no revision number: name the folder '${root};rev=N' or give 'properties.apiRevision'.`);
        continue;
      }
      const id = `${root}${REVISION}${number}`;
      const clash = seen.get(number);
      if (clash !== undefined) {
        this.error(Codes.ApiopsDuplicateName, info.file, { line: 1, column: 1 }, `apis/${folder} is revision ${number} of '${root}', as apis/${clash} is: each revision needs its own number.`);
        continue;
      }
      seen.set(number, folder);
      const rev = this.readApi(id, folder, info, versionSets, specifications);
      if (!rev) continue;
      out.push({ ...rev, name: api.name, path: api.path, versioning: api.versioning, subscriptionRequired: api.subscriptionRequired, subscriptionKeyParameterNames: api.subscriptionKeyParameterNames, revision: { number, current: false, of: root } });
    }
    return out;
  }

  private readApi(name: string, folder: string, info: Info, versionSets: Map<string, { scheme: "Segment" | "Header" | "Query"; name?: string }>, specifications: Map<string, LoadedSpecification>): ApiConfig | null {
    const dir = join(this.root, FOLDERS.apis, folder);
    this.folders.add(dir);
    const type = (this.str(info, "type") ?? this.str(info, "apiType") ?? "http").toLowerCase();
    const files = list(dir);
    // A GraphQL API with its schema (specification.graphql): validate-graphql-request validates against it.
    const graphqlFile = type === "graphql" ? files.find((f) => f.toLowerCase() === "specification.graphql") : undefined;
    const wsdlFile = type === "soap" || type === "http" ? files.find((f) => f.toLowerCase() === WSDL_SPEC) : undefined;
    const unsupported = files.find((f) => UNSUPPORTED_SPEC.includes(f.toLowerCase()) && f !== graphqlFile && f !== wsdlFile);
    if ((type !== "http" && !graphqlFile && !wsdlFile) || unsupported) {
      const what = type !== "http" ? `a ${type} API` : `an API described by ${unsupported}`;
      this.error(Codes.ApiTypeNotSupported, info.file, info.doc.locate(type !== "http" ? (info.props.type !== undefined ? "/properties/type" : "/properties/apiType") : ""), `The API '${name}' is ${what}; apimc serves HTTP APIs with an OpenAPI specification. It is left out.`, "warning");
      return null;
    }
    for (const f of files) if (isDirectory(join(dir, f)) && f !== "operations" && f !== "schemas") this.ignored.push(`apis/${folder}/${f}/: not used by apimc`);
    // The API's XML schemas: its WSDL, else the XSDs among its API schemas (apis/<api>/schemas/).
    const apiSchemas = readApiopsApiSchemas(dir, this.schemaFiles, (file, message) => this.error(Codes.ApiopsArtifactInvalid, file, { line: 1, column: 1 }, `The API schema ${message}.`, "warning"));
    const xsdSources = apiSchemas.flatMap((x) => (x.kind === "xsd" ? (x.sources ?? []) : []));
    if (wsdlFile) this.apiXmlSchemas.set(name, this.schemaFiles.fromXml([join(dir, wsdlFile)]));
    else if (xsdSources.length) this.apiXmlSchemas.set(name, { kind: "xsd", file: xsdSources[0]!.file, sources: xsdSources, resolve: this.schemaFiles.resolve });
    const path = this.str(info, "path", true);
    if (path === undefined) return null;
    if (!/^[^?#\s]*$/.test(path)) {
      this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate("/properties/path"), `'properties.path' is the API's URL suffix, without query or spaces, not '${path}'.`);
      return null;
    }
    const serviceUrl = this.url(info, "serviceUrl");
    if (!serviceUrl && info.props.serviceUrl === undefined) this.ignored.push(`apis/${folder}: no serviceUrl (requests reach a backend only through set-backend-service)`);
    const subscriptionRequired = this.bool(info, "subscriptionRequired");
    const keyNames = isObject(info.props.subscriptionKeyParameterNames) ? info.props.subscriptionKeyParameterNames : null;
    let versioning: ApiConfig["versioning"];
    const versionSetRef = this.str(info, "apiVersionSetId");
    if (versionSetRef) {
      const id = lastSegment(versionSetRef);
      const set = versionSets.get(id.toLowerCase());
      if (!set) {
        this.error(Codes.ApiopsUnknownReference, info.file, info.doc.locate("/properties/apiVersionSetId"), `The version set '${id}' is not in the folder (no '${FOLDERS.versionSets}/${id}/versionSetInformation.json').`);
        return null;
      }
      versioning = { scheme: set.scheme, name: set.name, version: this.str(info, "apiVersion") ?? "", versionSetId: id };
    }
    const specFile = SPEC_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
    const opsDir = join(dir, "operations");
    const opFolders = isDirectory(opsDir) ? list(opsDir).filter((n) => isDirectory(join(opsDir, n))) : [];
    if (isDirectory(opsDir)) this.folders.add(opsDir);
    let operations: OperationConfig[] | undefined;
    let specification: string | undefined;
    if (wsdlFile) {
      // A SOAP API: its operations are chosen by SOAPAction, which apimc does not route; every request runs the API's policy.
      this.sources.add(join(dir, wsdlFile));
      const withPolicy = opFolders.filter((op) => existsSync(join(opsDir, op, "policy.xml")));
      this.error(
        Codes.ApiopsMissingSpecification,
        join(dir, wsdlFile),
        { line: 1, column: 1 },
        `The API '${name}' is a SOAP API: apimc does not route its operations by SOAPAction, so every request under its path runs the API's policy (one catch-all operation)${withPolicy.length ? `; the operation policies (${withPolicy.join(", ")}) are not used` : ""}. validate-content validate-as="soap" validates against the WSDL's schemas.`,
        "warning",
      );
    } else if (graphqlFile) {
      // A GraphQL API has one endpoint: every request runs the API's policy (the catch-all operation).
      for (const op of opFolders) if (existsSync(join(opsDir, op, "policy.xml"))) this.ignored.push(`apis/${folder}/operations/${op}: a GraphQL API has no operations`);
    } else if (specFile) {
      let spec: LoadedSpecification;
      try {
        spec = loadSpecification(specFile);
      } catch (e) {
        if (e instanceof SpecificationError) this.diags.push(e.diagnostic);
        else throw e;
        return null;
      }
      specifications.set(name, spec);
      specification = this.rel(specFile);
      operations = spec.operations.map((o) => ({ id: o.operationId, method: o.method, urlTemplate: o.urlTemplate }));
      for (const op of opFolders) {
        const policy = join(opsDir, op, "policy.xml");
        this.folders.add(join(opsDir, op));
        if (!existsSync(policy)) continue;
        const target = operations.find((o) => o.id === op) ?? operations.find((o) => o.id.toLowerCase() === op.toLowerCase());
        if (!target) {
          this.error(
            Codes.ApiopsUnknownOperation,
            policy,
            { line: 1, column: 1 },
            `The folder 'operations/${op}' names no operation of the API's specification (${this.rel(specFile)}): operation policies are matched by operationId (${operations.map((o) => o.id).join(", ") || "it has none"}).${didYouMean(op, operations.map((o) => o.id))}`,
          );
          continue;
        }
        target.policy = this.rel(policy);
      }
    } else {
      const withPolicy = opFolders.filter((op) => existsSync(join(opsDir, op, "policy.xml")));
      const message = `The API '${name}' has no specification (${SPEC_FILES.join(" or ")} in ${this.rel(dir)}/), so apimc does not know its operations`;
      if (withPolicy.length) {
        this.error(Codes.ApiopsMissingSpecification, join(opsDir, withPolicy[0]!, "policy.xml"), { line: 1, column: 1 }, `${message}: the operation policies (${withPolicy.join(", ")}) cannot be placed. Extract the API again with its specification.`);
        return null;
      }
      this.error(Codes.ApiopsMissingSpecification, info.file, { line: 1, column: 1 }, `${message}: every request under its path runs the API's policy (one catch-all operation).`, "warning");
    }
    return {
      id: name,
      name: this.str(info, "displayName") ?? name,
      path: path.replace(/^\/+/, "") === "" ? "" : `/${path.replace(/^\/+/, "")}`,
      serviceUrl: serviceUrl ?? "https://service-url-not-set.invalid",
      policy: existsSync(join(dir, "policy.xml")) ? this.rel(join(dir, "policy.xml")) : undefined,
      // APIM's default for an API is to require a subscription.
      subscriptionRequired: subscriptionRequired ?? true,
      subscriptionKeyParameterNames: keyNames ? { header: typeof keyNames.header === "string" ? keyNames.header : undefined, query: typeof keyNames.query === "string" ? keyNames.query : undefined } : undefined,
      specification,
      ...(graphqlFile ? { graphql: { schema: this.rel(join(dir, graphqlFile)) } } : {}),
      operations,
      versioning,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Products and subscriptions

  private readProducts(apiIds: Set<string>, skipped: Set<string>): ProductConfig[] {
    const out: ProductConfig[] = [];
    for (const id of this.children(FOLDERS.products)) {
      const dir = join(this.root, FOLDERS.products, id);
      this.folders.add(dir);
      const info = this.info(join(dir, "productInformation.json"));
      if (!info) continue;
      const apis: string[] = [];
      const add = (api: string, file: string, at: { line: number; column: number }) => {
        const root = api.split(REVISION)[0]!;
        if (apiIds.has(root)) apis.push(root);
        else if (!skipped.has(root)) this.error(Codes.ApiopsUnknownReference, file, at, `The product '${id}' lists the API '${root}', which is not in the folder (no apis/${root}/apiInformation.json).${didYouMean(root, apiIds)}`);
      };
      // Today: products/<p>/apis/<api>/productApiInformation.json; before: products/<p>/apis.json.
      const apisDir = join(dir, "apis");
      if (isDirectory(apisDir)) {
        this.folders.add(apisDir);
        for (const api of list(apisDir).filter((n) => isDirectory(join(apisDir, n)))) {
          const link = join(apisDir, api, "productApiInformation.json");
          this.sources.add(link);
          add(api, existsSync(link) ? link : join(apisDir, api), { line: 1, column: 1 });
        }
      }
      const old = join(dir, "apis.json");
      if (existsSync(old)) this.readOldProductApis(old, add);
      for (const f of list(dir)) if (isDirectory(join(dir, f)) && f !== "apis") this.ignored.push(`products/${id}/${f}/: not used by apimc`);
      out.push({
        id,
        name: this.str(info, "displayName") ?? id,
        policy: existsSync(join(dir, "policy.xml")) ? this.rel(join(dir, "policy.xml")) : undefined,
        // APIM's default for a product is to require a subscription.
        subscriptionRequired: this.bool(info, "subscriptionRequired") ?? true,
        apis: [...new Set(apis)],
      });
    }
    return out;
  }

  private readOldProductApis(file: string, add: (api: string, file: string, at: { line: number; column: number }) => void): void {
    this.sources.add(file);
    let doc: SourceDocument;
    try {
      doc = parseSourceDocument(readFileSync(file, "utf8"), file, true, Codes.ApiopsArtifactUnreadable);
    } catch (e) {
      if (e instanceof DiagnosticError) this.diags.push(e.diagnostic);
      else this.error(Codes.ApiopsArtifactUnreadable, file, { line: 1, column: 1 }, `Cannot read the artifact (${(e as Error).message}).`);
      return;
    }
    if (!Array.isArray(doc.value)) {
      this.error(Codes.ApiopsArtifactInvalid, file, { line: 1, column: 1 }, 'apis.json is an array of { "name": "<api>" }.');
      return;
    }
    doc.value.forEach((x, i) => {
      const name = isObject(x) ? x.name : undefined;
      if (typeof name !== "string" || name === "") this.error(Codes.ApiopsArtifactInvalid, file, doc.locate(`/${i}`), 'Each entry of apis.json is { "name": "<api>" }.');
      else add(lastSegment(name), file, doc.locate(`/${i}/name`));
    });
  }

  private readSubscriptions(apiIds: Set<string>, productIds: Set<string>): SubscriptionConfig[] {
    const out: SubscriptionConfig[] = [];
    const given = isObject(this.values.$subscriptions) ? this.values.$subscriptions : {};
    const keys = new Map<string, string>();
    for (const id of this.children(FOLDERS.subscriptions)) {
      const info = this.info(join(this.root, FOLDERS.subscriptions, id, "subscriptionInformation.json"));
      if (!info) continue;
      const state = this.str(info, "state");
      if (state !== undefined && state.toLowerCase() !== "active") {
        this.ignored.push(`subscriptions/${id}: ${state}, not active (its keys are refused, as APIM does)`);
        continue;
      }
      const scope = this.str(info, "scope", true);
      if (scope === undefined) continue;
      const parts = scope.split("/").filter(Boolean);
      let product = "*";
      let api: string | undefined;
      const last = parts[parts.length - 1] ?? "";
      const kind = parts[parts.length - 2] ?? "";
      if (kind.toLowerCase() === "products") {
        product = last;
        if (!productIds.has(product)) {
          this.error(Codes.ApiopsUnknownReference, info.file, info.doc.locate("/properties/scope"), `The subscription's product '${product}' is not in the folder (no products/${product}/productInformation.json).${didYouMean(product, productIds)}`);
          continue;
        }
      } else if (kind.toLowerCase() === "apis") {
        api = last.split(REVISION)[0]!;
        if (!apiIds.has(api)) {
          this.error(Codes.ApiopsUnknownReference, info.file, info.doc.locate("/properties/scope"), `The subscription's API '${api}' is not in the folder.${didYouMean(api, apiIds)}`);
          continue;
        }
      } else if (last.toLowerCase() !== "apis" && parts.length > 0 && !/^service$/i.test(kind)) {
        this.error(Codes.ApiopsArtifactInvalid, info.file, info.doc.locate("/properties/scope"), `'scope' is /products/<product>, /apis/<api> or /apis (all APIs), not '${scope}'.`);
        continue;
      }
      const fromFile = isObject(given[id]) ? (given[id] as Record<string, unknown>) : {};
      const key = (which: "primaryKey" | "secondaryKey", env: string) => {
        const v = fromFile[which] ?? this.env[environmentName("APIMC_SUBSCRIPTION_", id, env)] ?? this.env[environmentName("APIMC_SUBSCRIPTION_", id, env).toUpperCase()] ?? info.props[which];
        return typeof v === "string" && v !== "" ? v : undefined;
      };
      const primaryKey = key("primaryKey", "_PRIMARY_KEY");
      const secondaryKey = key("secondaryKey", "_SECONDARY_KEY");
      if (!primaryKey && !secondaryKey) {
        this.ignored.push(`subscriptions/${id}: no key given (the extractor does not write keys): set "$subscriptions": { "${id}": { "primaryKey": ... } } in the --named-values file or ${environmentName("APIMC_SUBSCRIPTION_", id, "_PRIMARY_KEY")}`);
        continue;
      }
      let clash = false;
      for (const k of [primaryKey, secondaryKey]) {
        if (!k) continue;
        const other = keys.get(k);
        if (other !== undefined) {
          this.error(Codes.ApiopsDuplicateName, info.file, { line: 1, column: 1 }, `The subscription '${id}' was given a key the subscription '${other}' has too; keys identify subscriptions.`);
          clash = true;
        }
        keys.set(k, id);
      }
      if (clash) continue;
      out.push({ id, name: this.str(info, "displayName") ?? id, primaryKey: (primaryKey ?? secondaryKey)!, secondaryKey: primaryKey ? secondaryKey : undefined, product, api });
    }
    return out;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

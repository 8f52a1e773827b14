// `apimc build`: one module per operation (and per product whose policy applies to it), with the
// effective policy composed at build time: global → product → API → operation, fragments inlined,
// named values substituted. Which documents make a module is decided here; compiling them is the
// compiler's one entry (`compileDocuments`).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { createHash } from "node:crypto";
import { Codes, type Diagnostic } from "../compiler/diagnostics.js";
import type { NamedValueTable } from "../compiler/named-values.js";
import { COMPILER_BUILD, COMPILER_VERSION, CompileSession, compileDocuments, fragmentsFromDirectory, recordingReads, type ApiSpecification, type ScopeDocument } from "../compiler/index.js";
import type { GatewayConfig, LoadedConfig, OperationConfig } from "./config.js";
import type { LoadedSpecification } from "./openapi.js";
import { buildSchema, isObjectType } from "graphql";

export interface BuiltModule {
  /** `<api>/<operation>/<product or ->`. */
  key: string;
  apiId: string;
  operationId: string;
  /** The product whose policy is in this module; null for requests without a product scope. */
  productId: string | null;
  code: string;
  /** The policy and fragment files this module was composed from (absolute paths). */
  sources: string[];
}

export interface GatewayBuild {
  modules: BuiltModule[];
  diagnostics: Diagnostic[];
  /** Every file read (config, policies, fragments, named values), for watching. */
  files: string[];
  ok: boolean;
}

/** A catch-all operation for APIs that list none: every method, every path. */
export const CATCH_ALL: OperationConfig = { id: "*", method: "*", urlTemplate: "/*" };

/**
 * A policy's "named value does not exist" for a named value the configuration has without a value
 * (an APIOps secret or Key Vault one): APIMC5015, saying where to give it (a warning for `check`).
 */
function valuelessNamedValue(d: Diagnostic, valueless: ReadonlyMap<string, string> | undefined, check: boolean): Diagnostic {
  if (!valueless || d.code !== Codes.UnknownNamedValue) return d;
  const name = /'\{\{(.+?)\}\}'/.exec(d.message)?.[1];
  const hint = name === undefined ? undefined : valueless.get(name);
  return hint ? { ...d, code: Codes.ApiopsNamedValueMissing, message: hint, severity: check ? "warning" : "error" } : d;
}

/** `check`: diagnostics are what is wanted; a named value without a value is a warning. */
export function buildGateway(loaded: LoadedConfig, format: "esm" | "function" = "esm", runtime = "apimc/runtime", check = false): GatewayBuild {
  const { config, dir, namedValues } = loaded;
  const files = new Set<string>([loaded.file]);
  if (typeof config.namedValues === "string") files.add(resolve(dir, config.namedValues));
  const reported = new Map<string, Diagnostic>();
  const report = (diags: readonly Diagnostic[]) => {
    for (const d0 of diags) {
      const d = valuelessNamedValue(d0, loaded.valuelessNamedValues, check);
      reported.set(`${d.file}:${d.offset}:${d.code}:${d.message}`, d);
    }
  };
  report(loaded.diagnostics ?? []);
  for (const f of loaded.sources ?? []) files.add(f);
  const fragmentDir = config.fragments ? resolve(dir, config.fragments) : null;
  const baseResolver = loaded.fragments ?? (fragmentDir ? fragmentsFromDirectory(fragmentDir) : undefined);
  const fragments = baseResolver && recordingReads(baseResolver, files);
  // Each policy file is read once, and parsed once for all the modules it is in (the session).
  const session = new CompileSession();
  const texts = new Map<string, Pick<ScopeDocument, "source" | "unreadable">>();
  const readDocument = (rel: string, scope: string): ScopeDocument => {
    const file = resolve(dir, rel);
    files.add(file);
    let text = texts.get(file);
    if (!text) {
      try {
        text = { source: readFileSync(file, "utf8") };
      } catch (e) {
        text = { source: null, unreadable: (e as Error).message };
      }
      texts.set(file, text);
    }
    return { file, scope, ...text };
  };
  const backends = Object.keys(config.backends ?? {});
  const loggers = Object.keys(config.loggers ?? {});

  const modules: BuiltModule[] = [];
  let ok = true;
  for (const api of config.apis) {
    const spec = loaded.specifications?.get(api.id);
    if (spec) files.add(spec.file);
    const products = (config.products ?? []).filter((p) => p.apis.includes(api.id));
    const graphqlSchema = api.graphql ? readGraphqlSchema(resolve(dir, api.graphql.schema), files) : undefined;
    // Requests without a product scope: all-APIs subscriptions and APIs that need no subscription.
    const variants: (string | null)[] = [null, ...products.filter((p) => p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL]) {
      for (const productId of variants) {
        const key = `${api.id}/${op.id}/${productId ?? "-"}`;
        const documents = moduleScopes(config, api, op, productId).map((s) => readDocument(s.rel, s.scope));
        // What the configuration fixes: rewrite-uri and set-backend-service literals are checked against them.
        const apiSpecification = spec && specificationFor(spec, op);
        const r = compileDocuments(documents, { name: key, hashSeed: key, baseDir: dir, file: loaded.file, format, runtime, namedValues, fragments, backends, loggers, urlTemplate: op.urlTemplate, session, apiSpecification, graphqlSchema, documentKind: "policy", graphqlManagedResolvers: !!api.graphql?.resolvers?.length, schemas: loaded.schemas, apiXmlSchemas: loaded.apiXmlSchemas?.get(api.id) });
        // The specification is a source of the module: a prebuilt build is stale when it changes.
        const extra = [...(spec ? [spec.file] : []), ...(graphqlSchema ? [graphqlSchema.file] : []), ...(loaded.schemaFiles?.files ?? [])];
        for (const f of loaded.schemaFiles?.files ?? []) files.add(f);
        if (r.code !== null) modules.push({ key, apiId: api.id, operationId: op.id, productId, code: r.code, sources: [...r.sources, ...extra] });
        else ok = false;
        report(r.diagnostics);
      }
    }
    // A synthetic GraphQL API's field resolvers: one module each (gateway/graphql-resolvers.ts runs them).
    for (const res of api.graphql?.resolvers ?? []) {
      const key = resolverModuleKey(api.id, res.type, res.field);
      const r = compileDocuments([readDocument(res.policy, "api")], { name: key, hashSeed: key, baseDir: dir, file: loaded.file, format, runtime, namedValues, fragments, backends, loggers, session, documentKind: "resolver" });
      if (r.code !== null) modules.push({ key, apiId: api.id, operationId: `graphql:${res.type}.${res.field}`, productId: null, code: r.code, sources: r.sources });
      else ok = false;
      report(r.diagnostics);
    }
    if (api.graphql?.resolvers?.length && graphqlSchema) report(unknownResolverFields(api.graphql.resolvers, graphqlSchema));
  }
  const diagnostics = [...reported.values()];
  // Says who compiles (`--workers`: only the primary should); tests and debugging count these lines.
  if (process.env.APIMC_DEBUG_COMPILES) process.stderr.write(`apimc compile (pid ${process.pid}): ${modules.length} modules\n`);
  return { modules, diagnostics, files: [...files], ok: ok && !diagnostics.some((d) => d.severity === "error") };
}

/** A resolver for a type.field the schema lacks would never run: an error naming the schema file. */
function unknownResolverFields(resolvers: readonly { type: string; field: string }[], schema: { file: string; source: string }): Diagnostic[] {
  let built;
  try {
    built = buildSchema(schema.source);
  } catch (e) {
    return [{ code: Codes.SpecificationProblem, severity: "error", message: `The GraphQL schema does not build: ${(e as Error).message}`, file: schema.file, line: 1, column: 1, offset: 0 }];
  }
  return resolvers.flatMap((r) => {
    const t = built.getType(r.type);
    if (isObjectType(t) && t.getFields()[r.field]) return [];
    const message = `graphql.resolvers names ${r.type}.${r.field}, which the schema does not have${t ? "" : ` (no type ${r.type})`}: fix the resolver's type/field or the schema.`;
    return [{ code: Codes.SpecificationProblem, severity: "error" as const, message, file: schema.file, line: 1, column: 1, offset: 0 }];
  });
}

/** The module key of a GraphQL field resolver (never an operation's: '/' cannot start a type name). */
export function resolverModuleKey(apiId: string, type: string, field: string): string {
  return `${apiId}/graphql:${type}.${field}/-`;
}

/** The policy files of one module, broadest scope first: global → product → API → operation (those the configuration names). */
export function moduleScopes(config: GatewayConfig, api: GatewayConfig["apis"][number], op: OperationConfig, productId: string | null): { rel: string; scope: string }[] {
  const product = productId ? (config.products ?? []).find((p) => p.id === productId && p.apis.includes(api.id)) : undefined;
  const scopes: { rel: string | undefined; scope: string }[] = [
    { rel: config.policy, scope: "global" },
    { rel: product?.policy, scope: "product" },
    { rel: api.policy, scope: "api" },
    { rel: op.policy, scope: "operation" },
  ];
  return scopes.flatMap((s) => (s.rel ? [{ rel: s.rel, scope: s.scope }] : []));
}

/** An API's GraphQL schema file (a file that cannot be read is an empty schema, which the policy reports). */
function readGraphqlSchema(file: string, files: Set<string>): { file: string; source: string; unreadable?: string } {
  files.add(file);
  try {
    return { file, source: readFileSync(file, "utf8") };
  } catch (e) {
    return { file, source: "", unreadable: (e as Error).message };
  }
}

/** What the compiler is told of an API's specification for one of its operations' modules. */
export function specificationFor(spec: LoadedSpecification, op: OperationConfig): ApiSpecification {
  const o = spec.operations.find((x) => x.operationId === op.id);
  return {
    file: spec.file,
    version: spec.version,
    document: spec.document,
    locate: spec.locate,
    operation: o ? { operationId: o.operationId, method: o.method, urlTemplate: o.urlTemplate, pointer: o.pointer } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Build directories: `apimc build` writes the modules and a manifest of what they were built from;
// the gateway starts from them (`createGateway({ prebuilt })`, `apimc serve --prebuilt`) only when
// nothing they were built from has changed.

/** What `apimc build` writes as `manifest.json`. */
export interface BuildManifest {
  manifestVersion: 1;
  /** `apimc <version>` of the compiler that wrote the modules. */
  compiler: string;
  /** "function": bodies over `rt` that the gateway loads; "esm": ES modules for other hosts. */
  format: "esm" | "function";
  /** The configuration file the build read (informational: the check is by content). */
  config: string;
  /** sha256 of the configuration as loaded (the JSON document, validated). */
  configHash: string;
  /** sha256 of the named values' names and non-secret values (inline or from their file); secret values are not hashed. */
  namedValuesHash: string;
  /** Every policy and fragment file read, relative to the configuration's folder → sha256 of its text. */
  sources: Record<string, string>;
  modules: ManifestModule[];
}

export interface ManifestModule {
  key: string;
  api: string;
  operation: string;
  product: string | null;
  /** File name in the build directory. */
  file: string;
  /** sha256 of the module file. */
  sha256: string;
  /** The module's `meta.hash` (of its composed policy sources). */
  hash: string;
  /** Keys of `sources` this module was composed from. */
  sources: string[];
}

export const MANIFEST = "manifest.json";
// The version and the build of the sources: two commits with the same version do not share builds.
const COMPILER = `apimc ${COMPILER_VERSION} (build ${COMPILER_BUILD})`;

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const sourceKey = (dir: string, file: string) => relative(dir, file).split(sep).join("/");
const configHash = (config: GatewayConfig) => sha256(JSON.stringify(config));
/**
 * Of the names and the values that are not secret: a secret is read when the module loads, so a new
 * secret value needs no new build, and a hash of it (guessable for a short secret) is not written.
 */
const namedValuesHash = (nv: NamedValueTable) => sha256(JSON.stringify(Object.keys(nv.values).sort().map((k) => (nv.secrets.has(k) ? [k, { secret: true }] : [k, nv.values[k]]))));

/** Refusal to start from a build directory; `code` is an APIMC4xxx code, `file` what is wrong. */
export class PrebuiltError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    readonly reason: string,
    outdir: string,
    config: string,
  ) {
    super(`${file} - error ${code}: ${reason} Run \`apimc build --config ${config} --outdir ${outdir}\` again (or start without --prebuilt to compile at start).`);
  }
}

/** Writes the modules of a successful build and its manifest (last, atomically) into `outdir`. */
export function writeBuild(loaded: LoadedConfig, build: GatewayBuild, outdir: string, format: "esm" | "function"): BuildManifest {
  mkdirSync(outdir, { recursive: true });
  const previous = readManifestQuietly(outdir);
  const sources: Record<string, string> = {};
  const used = new Set<string>();
  const modules = build.modules.map((m): ManifestModule => {
    const stem = m.key.replace(/[^A-Za-z0-9._-]+/g, "_");
    let file = `${stem}${format === "esm" ? ".mjs" : ".fn.js"}`;
    // Distinct keys may sanitize to one name ("a/b_c" and "a_b/c"): number the later ones.
    for (let i = 2; used.has(file); i++) file = `${stem}~${i}${format === "esm" ? ".mjs" : ".fn.js"}`;
    used.add(file);
    writeFileSync(join(outdir, file), m.code);
    const rels = m.sources.map((f) => {
      const rel = sourceKey(loaded.dir, f);
      sources[rel] ??= sha256(readFileSync(f));
      return rel;
    });
    return { key: m.key, api: m.apiId, operation: m.operationId, product: m.productId, file, sha256: sha256(m.code), hash: /hash: "([0-9a-f]+)"/.exec(m.code)?.[1] ?? "", sources: rels };
  });
  const manifest: BuildManifest = {
    manifestVersion: 1,
    compiler: COMPILER,
    format,
    config: loaded.file,
    configHash: configHash(loaded.config),
    namedValuesHash: namedValuesHash(loaded.namedValues),
    sources,
    modules,
  };
  const tmp = join(outdir, `.${MANIFEST}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 1) + "\n");
  renameSync(tmp, join(outdir, MANIFEST));
  // Module files of the previous build that this one does not have.
  for (const m of previous?.modules ?? []) if (typeof m?.file === "string" && isPlainName(m.file) && !used.has(m.file)) rmSync(join(outdir, m.file), { force: true });
  return manifest;
}

function readManifestQuietly(outdir: string): BuildManifest | null {
  try {
    return JSON.parse(readFileSync(join(outdir, MANIFEST), "utf8")) as BuildManifest;
  } catch {
    return null;
  }
}

const isPlainName = (f: string) => f !== "" && f === basename(f) && !f.includes("\\") && f !== "." && f !== "..";

/** The module keys a configuration has: per operation, one without a product and one per product with a policy. */
export function moduleKeys(config: GatewayConfig): string[] {
  const keys: string[] = [];
  for (const api of config.apis) {
    const products = (config.products ?? []).filter((p) => p.apis.includes(api.id) && p.policy);
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL]) {
      keys.push(`${api.id}/${op.id}/-`);
      for (const p of products) keys.push(`${api.id}/${op.id}/${p.id}`);
    }
    for (const res of api.graphql?.resolvers ?? []) keys.push(resolverModuleKey(api.id, res.type, res.field));
  }
  return keys;
}

/**
 * Loads a build directory for `loaded`, refusing (PrebuiltError) anything that may be stale: another
 * compiler version or format, a changed configuration, named values, policy or fragment file, a
 * module file that is missing or differs from what the build wrote, or modules that do not match
 * the configuration's operations. Returns the build as `buildGateway` would (no diagnostics).
 */
export function loadBuild(loaded: LoadedConfig, outdir: string): GatewayBuild {
  const manifestFile = resolve(outdir, MANIFEST);
  const fail = (code: string, file: string, reason: string): never => {
    throw new PrebuiltError(code, file, reason, outdir, loaded.file);
  };
  let text = "";
  try {
    text = readFileSync(manifestFile, "utf8");
  } catch (e) {
    fail(Codes.PrebuiltUnreadable, manifestFile, `Cannot read the build's manifest (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): this is not an \`apimc build\` output directory.`);
  }
  let m: BuildManifest;
  try {
    m = JSON.parse(text) as BuildManifest;
  } catch (e) {
    return fail(Codes.PrebuiltUnreadable, manifestFile, `The manifest is not valid JSON (${(e as Error).message}).`);
  }
  if (!m || typeof m !== "object" || m.manifestVersion !== 1 || !Array.isArray(m.modules) || !m.sources || typeof m.sources !== "object") {
    if (m && typeof m === "object" && typeof m.compiler === "string" && m.compiler !== COMPILER) fail(Codes.PrebuiltVersion, manifestFile, `The build was made by ${m.compiler}; this is ${COMPILER}.`);
    fail(Codes.PrebuiltUnreadable, manifestFile, "The manifest is not one this version of apimc writes (no manifestVersion 1, modules and sources).");
  }
  if (m.compiler !== COMPILER) fail(Codes.PrebuiltVersion, manifestFile, `The build was made by ${String(m.compiler)}; this is ${COMPILER}.`);
  if (m.format !== "function") fail(Codes.PrebuiltFormat, manifestFile, `The build's modules are in the "${String(m.format)}" format; the gateway loads builds made without --format esm.`);
  if (m.configHash !== configHash(loaded.config)) fail(Codes.PrebuiltStale, loaded.file, `The configuration changed since the build in ${outdir}.`);
  if (m.namedValuesHash !== namedValuesHash(loaded.namedValues)) fail(Codes.PrebuiltStale, loaded.file, `The named values changed since the build in ${outdir}.`);
  const files = new Set<string>([loaded.file]);
  if (typeof loaded.config.namedValues === "string") files.add(resolve(loaded.dir, loaded.config.namedValues));
  for (const [rel, hash] of Object.entries(m.sources)) {
    const file = resolve(loaded.dir, rel);
    let now: string;
    try {
      now = sha256(readFileSync(file));
    } catch (e) {
      return fail(Codes.PrebuiltStale, file, `A file the build read is gone (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
    if (now !== hash) fail(Codes.PrebuiltStale, file, `The file changed since the build in ${outdir}.`);
    files.add(file);
  }
  const expected = new Set(moduleKeys(loaded.config));
  const modules: BuiltModule[] = [];
  for (const e of m.modules) {
    if (!e || typeof e.key !== "string" || !expected.delete(e.key)) fail(Codes.PrebuiltTampered, manifestFile, `The manifest lists module ${JSON.stringify(e?.key)}, which the configuration does not have (or lists it twice).`);
    if (typeof e.file !== "string" || !isPlainName(e.file)) fail(Codes.PrebuiltTampered, manifestFile, `Module ${e.key} has the file name ${JSON.stringify(e.file)}, which is not a file in the build directory.`);
    const file = join(outdir, e.file);
    let code: string;
    try {
      code = readFileSync(file, "utf8");
    } catch (err) {
      return fail(Codes.PrebuiltUnreadable, resolve(file), `Module ${e.key} is missing from the build (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    if (sha256(code) !== e.sha256) fail(Codes.PrebuiltTampered, resolve(file), `Module ${e.key} is not the file the build wrote (its sha256 differs from the manifest's).`);
    modules.push({ key: e.key, apiId: e.api, operationId: e.operation, productId: e.product ?? null, code, sources: (e.sources ?? []).map((r) => resolve(loaded.dir, r)) });
  }
  if (expected.size) fail(Codes.PrebuiltTampered, manifestFile, `The manifest has no module for ${[...expected].slice(0, 3).join(", ")}${expected.size > 3 ? ` and ${expected.size - 3} more` : ""}.`);
  return { modules, diagnostics: [], files: [...files], ok: true };
}

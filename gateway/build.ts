// `apimc build`: one module per operation (and per product whose policy applies to it), with the
// effective policy composed at build time: global → product → API → operation, fragments inlined,
// named values substituted.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { createHash } from "node:crypto";
import { Codes, DiagnosticBag, LineMap, type Diagnostic } from "../compiler/diagnostics.js";
import { buildDocument, type BuildState, type FragmentResolver, type PolicyDocument } from "../compiler/document.js";
import { composeScopes } from "../compiler/compose.js";
import { emitSections } from "../compiler/emit.js";
import { ModuleBuilder } from "../compiler/codegen/module.js";
import { parseXml, type XElement } from "../compiler/xml/parse.js";
import { explainSecretMarkers, SecretRefs, SECRET_USE, substituteNamedValues, type NamedValueTable } from "../compiler/named-values.js";
import { verifyEmitted } from "../compiler/verify.js";
import { COMPILER_BUILD, COMPILER_VERSION, fragmentsFromDirectory, moduleMeta, reportUnresolvedSecrets } from "../compiler/index.js";
import type { GatewayConfig, LoadedConfig, OperationConfig } from "./config.js";
import { operationTemplateParameters } from "../runtime/traffic/uri.js";

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

export function buildGateway(loaded: LoadedConfig, format: "esm" | "function" = "esm", runtime = "apimc/runtime"): GatewayBuild {
  const { config, dir, namedValues } = loaded;
  const files = new Set<string>([loaded.file]);
  if (typeof config.namedValues === "string") files.add(resolve(dir, config.namedValues));
  const reported = new Map<string, Diagnostic>();
  const report = (bags: DiagnosticBag[]) => {
    for (const b of bags) for (const d of b.items) reported.set(`${d.file}:${d.offset}:${d.code}:${d.message}`, d);
  };
  const fragmentDir = config.fragments ? resolve(dir, config.fragments) : null;
  const baseResolver = fragmentDir ? fragmentsFromDirectory(fragmentDir) : undefined;
  const fragments = baseResolver && recordingReads(baseResolver, files);

  // Each policy file is read, parsed and substituted once (per marker variant, see SecretRefs); its
  // IR is rebuilt per module because policy table indices are per module.
  const secretRefs = [new SecretRefs(0), new SecretRefs(1)] as const;
  type Parsed = { root: XElement | null; diags: DiagnosticBag; source: string; secrets: boolean };
  const parsedBy = [new Map<string, Parsed>(), new Map<string, Parsed>()] as const;
  const parsed = parsedBy[0];
  const parseFile = (rel: string, variant: 0 | 1): Parsed => {
    const file = resolve(dir, rel);
    files.add(file);
    const cache = parsedBy[variant];
    let p = cache.get(file);
    if (!p) {
      let source = "";
      const diags = new DiagnosticBag(file, new LineMap(""));
      try {
        source = readFileSync(file, "utf8");
      } catch (e) {
        diags.error(Codes.XmlEmptyDocument, 0, `Cannot read policy file: ${(e as Error).message}`);
        p = { root: null, diags, source, secrets: false };
        cache.set(file, p);
        if (variant === 0) report([diags]);
        return p;
      }
      const bag = new DiagnosticBag(file, new LineMap(source));
      const root = parseXml(source, bag);
      const before = secretRefs[variant].refs.length;
      if (root) substituteNamedValues(root, namedValues, bag, false, secretRefs[variant]);
      p = { root, diags: bag, source, secrets: secretRefs[variant].refs.length > before };
      cache.set(file, p);
    }
    return p;
  };

  const modules: BuiltModule[] = [];
  let ok = true;
  for (const api of config.apis) {
    const products = (config.products ?? []).filter((p) => p.apis.includes(api.id));
    // Requests without a product scope: all-APIs subscriptions and APIs that need no subscription.
    const variants: (string | null)[] = [null, ...products.filter((p) => p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL]) {
      for (const productId of variants) {
        const product = productId ? products.find((p) => p.id === productId)! : null;
        const scopes: { rel: string | undefined; scope: string }[] = [
          { rel: config.policy, scope: "global" },
          { rel: product?.policy, scope: "product" },
          { rel: api.policy, scope: "api" },
          { rel: op.policy, scope: "operation" },
        ];
        const key = `${api.id}/${op.id}/${productId ?? "-"}`;
        const first = buildModule(key, scopes, op, 0);
        let code = first.code;
        if (code !== null && first.secrets) {
          // Secrets were used: the other marker variant shows whether a secret's text was used while compiling.
          const second = buildModule(key, scopes, op, 1);
          if (second.code !== code) {
            const refs = secretRefs[0].refs.filter((r) => first.sources.has(r.file));
            const ref = refs[0];
            const bag = first.bags.find((b) => b.file === ref?.file) ?? first.bags[0] ?? new DiagnosticBag(loaded.file, new LineMap(""));
            bag.error(Codes.SecretNamedValue, ref && bag.file === ref.file ? ref.offset : 0, `A secret named value ('{{${[...new Set(refs.map((r) => r.name))].join("}}', '{{")}}}') is used where apimc computes something from its text while compiling (an encoding, a length, a comparison); ${SECRET_USE}.`);
            code = null;
          }
        }
        if (code !== null) modules.push({ key, apiId: api.id, operationId: op.id, productId, code, sources: [...first.sources] });
        else ok = false;
        explainSecretMarkers(first.bags.flatMap((b) => b.items), secretRefs[0]);
        report(first.bags);
      }
    }
  }

  /** Composes and emits one module with one marker variant; `code` null on errors (in `bags`). */
  function buildModule(key: string, scopes: { rel: string | undefined; scope: string }[], op: OperationConfig, variant: 0 | 1): { code: string | null; bags: DiagnosticBag[]; sources: Set<string>; secrets: boolean } {
    const sources = new Set<string>();
    const moduleFragments = fragments && recordingReads(fragments, sources);
    const refs = secretRefs[variant];
    const refsBefore = refs.refs.length;
    const state: BuildState = {
      table: [],
      scope: "global",
      fragments: moduleFragments,
      namedValues,
      secretRefs: refs,
      allDiagnostics: [],
      // What the configuration fixes: rewrite-uri and set-backend-service literals are checked against them.
      backends: new Set(Object.keys(config.backends ?? {})),
      operation: { urlTemplate: op.urlTemplate, parameters: operationTemplateParameters(op.urlTemplate) },
    };
    const docs: PolicyDocument[] = [];
    let failed = false;
    let secrets = false;
    let lastBag: DiagnosticBag | null = null;
    for (const s of scopes) {
      if (!s.rel) continue;
      sources.add(resolve(dir, s.rel));
      const p = parseFile(s.rel, variant);
      secrets ||= p.secrets;
      state.allDiagnostics!.push(p.diags);
      if (!p.root) {
        failed = true;
        continue;
      }
      state.scope = s.scope;
      // A fresh bag per module keeps structural diagnostics from being counted twice.
      const bag = new DiagnosticBag(p.diags.file, p.diags.lines);
      state.allDiagnostics!.push(bag);
      docs.push(buildDocument(p.root, bag, { state }));
      lastBag = bag;
    }
    const bags = state.allDiagnostics!;
    const anyErrors = () => failed || bags.some((b) => b.hasErrors);
    secrets ||= refs.refs.length > refsBefore; // fragments substituted for this module
    if (anyErrors()) return { code: null, bags, sources, secrets };
    const builder = new ModuleBuilder();
    const sectionBag = lastBag ?? new DiagnosticBag(loaded.file, new LineMap(""));
    if (!lastBag) bags.push(sectionBag);
    const sections = emitSections(composeScopes(docs, sectionBag), builder, sectionBag);
    if (anyErrors()) return { code: null, bags, sources, secrets };
    const h = createHash("sha256").update(key);
    for (const s of scopes) if (s.rel) h.update(parsed.get(resolve(dir, s.rel))?.source ?? "");
    const meta = moduleMeta(key, h.digest("hex").slice(0, 16), state.table, builder.readsBody, dir);
    const { code, unresolvedSecrets } = builder.render({ sections, meta, runtimeSpecifier: runtime, format, file: key, lines: sectionBag.lines, sourceMap: false, secrets: refs });
    if (reportUnresolvedSecrets(unresolvedSecrets, refs, bags, sectionBag)) return { code: null, bags, sources, secrets };
    const v = verifyEmitted(code, format);
    if (!v.ok) {
      sectionBag.error(Codes.VerifyFailed, 0, `Internal compiler error: module ${key} failed verification (${v.errors.slice(0, 3).join("; ")}).`);
      return { code: null, bags, sources, secrets };
    }
    return { code, bags, sources, secrets };
  }
  for (const p of parsed.values()) report([p.diags]);
  const diagnostics = [...reported.values()];
  return { modules, diagnostics, files: [...files], ok: ok && !diagnostics.some((d) => d.severity === "error") };
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

/** The same fragment lookups, adding each file read to `into` (the manifest's and a module's sources). */
function recordingReads(resolver: FragmentResolver, into: Set<string>): FragmentResolver {
  const recording = (id: string) => {
    const f = resolver(id);
    if (f) into.add(f.file);
    return f;
  };
  return Object.assign(recording, { fileOf: resolver.fileOf });
}

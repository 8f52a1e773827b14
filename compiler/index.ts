// The compiler's public entry: policy XML text in, one verified ES module out.
import { Codes, DiagnosticBag, InternalCompilerError, LineMap, type Diagnostic } from "./diagnostics.js";
import { join as joinCode, js, type Code } from "./codegen/code.js";
import { ModuleBuilder } from "./codegen/module.js";
import type { SourceMapV3 } from "./codegen/sourcemap.js";
import { buildDocument, type BuildState, type FragmentResolver, type PolicyMeta } from "./document.js";
import { emitSections } from "./emit.js";
import { composeScopes } from "./compose.js";
import { explainSecretMarkers, normalizeNamedValues, SecretRefs, SECRET_USE, substituteNamedValues, type NamedValueInput, type NamedValueTable } from "./named-values.js";
import { parseXml } from "./xml/parse.js";
import { verifyEmitted } from "./verify.js";
import { operationTemplateParameters } from "../runtime/traffic/uri.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

export const COMPILER_VERSION = "0.1.0";
declare const __APIMC_BUILD__: string | undefined;
/**
 * Which build of the sources this is: a hash of compiler/, runtime/ and gateway/ set by scripts/build.mjs
 * (and the benchmarks' build), "source" when running the TypeScript directly (tests). A prebuilt
 * gateway build is only loaded by the same build.
 */
export const COMPILER_BUILD: string = typeof __APIMC_BUILD__ === "string" ? __APIMC_BUILD__ : "source";

/** 256 KiB: the policy document limit of APIM's dedicated tiers. */
export const MAX_DOCUMENT_SIZE = 256 * 1024;

export interface CompileOptions {
  /** File name used in diagnostics and the source map. */
  file?: string;
  /** Import specifier of the runtime in the generated module. */
  runtime?: string;
  sourceMap?: boolean;
  /**
   * Named values for `{{name}}`: name → text, or → `{ value, secret: true }` for a secret, which the
   * module reads when it loads instead of holding it. Without them a reference is an error, or a
   * warning with `checkOnly`.
   */
  namedValues?: Readonly<Record<string, NamedValueInput>> | NamedValueTable;
  /** Diagnostics are what is wanted (`apimc check`): unresolved named values are warnings, left as written. */
  checkOnly?: boolean;
  /** Finds `include-fragment` targets; see `fragmentsFromDirectory`. */
  fragments?: FragmentResolver;
  /** "esm" (default) or "function" (a function body over `rt`, for in-process loading). */
  format?: "esm" | "function";
  /** Compile a root other than <policies> as the inbound section (doc snippets), with a warning. */
  allowSnippets?: boolean;
  /**
   * Backend ids that exist (as a gateway configuration's `backends`): a literal
   * `set-backend-service backend-id` naming another is an error (APIMC2021). Unchecked when absent.
   */
  backends?: readonly string[];
  /**
   * The URL template of the operation the policy is for: a literal `rewrite-uri` template naming
   * a parameter it does not define is an error (APIMC2020). Unchecked when absent.
   */
  urlTemplate?: string;
}

export interface CompileResult {
  /** The module text; null when there are errors. */
  code: string | null;
  map: SourceMapV3 | null;
  diagnostics: Diagnostic[];
}

export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const file = options.file ?? "policy.xml";
  const diags = new DiagnosticBag(file, new LineMap(source));
  try {
    return compileInner(source, file, options, diags);
  } catch (e) {
    // The compiler never crashes on input: a bug becomes a diagnostic that says so.
    const msg = e instanceof InternalCompilerError ? e.message : (e as Error)?.stack ?? String(e);
    diags.error(Codes.Internal, 0, `Internal compiler error (a bug in apimc, please report it): ${msg}`);
    return { code: null, map: null, diagnostics: diags.items };
  }
}

function compileInner(source: string, file: string, options: CompileOptions, diags: DiagnosticBag): CompileResult {
  if (source.length > MAX_DOCUMENT_SIZE) {
    diags.error(Codes.DocumentTooLarge, 0, `The document is ${source.length} characters; APIM accepts policy documents up to 256 KiB.`);
    return { code: null, map: null, diagnostics: diags.items };
  }
  const namedValues = options.namedValues === undefined ? undefined : normalizeNamedValues(options.namedValues);
  const first = compileVariant(source, file, options, namedValues, diags, new SecretRefs(0));
  if (first.code === null || first.refs.refs.length === 0) return first;
  // Secrets were used: a second compile with other markers shows whether a secret's text was used while compiling.
  const second = compileVariant(source, file, options, namedValues, new DiagnosticBag(file, diags.lines), new SecretRefs(1));
  if (second.code !== first.code) {
    const ref = first.refs.refs[0]!;
    const d = diags.error(Codes.SecretNamedValue, ref.file === file ? ref.offset : 0, `A secret named value ('{{${[...new Set(first.refs.refs.map((r) => r.name))].join("}}', '{{")}}}') is used where apimc computes something from its text while compiling (an encoding, a length, a comparison); ${SECRET_USE}.`);
    return { code: null, map: null, diagnostics: [...first.diagnostics, d] };
  }
  return first;
}

function compileVariant(source: string, file: string, options: CompileOptions, namedValues: NamedValueTable | undefined, diags: DiagnosticBag, refs: SecretRefs): CompileResult & { refs: SecretRefs } {
  const root = parseXml(source, diags);
  if (!root) return { code: null, map: null, diagnostics: diags.items, refs };
  substituteNamedValues(root, namedValues, diags, options.checkOnly, refs);
  const state: BuildState = {
    table: [],
    scope: "operation",
    fragments: options.fragments,
    namedValues,
    secretRefs: refs,
    checkOnly: options.checkOnly,
    allDiagnostics: [diags],
    backends: options.backends ? new Set(options.backends) : undefined,
    operation: options.urlTemplate !== undefined ? { urlTemplate: options.urlTemplate, parameters: operationTemplateParameters(options.urlTemplate) } : undefined,
  };
  const all = () => {
    const items = state.allDiagnostics!.flatMap((b) => b.items);
    explainSecretMarkers(items, refs);
    return items;
  };
  const failed = () => state.allDiagnostics!.some((b) => b.hasErrors);
  const doc = buildDocument(root, diags, { allowSnippets: options.allowSnippets, state });
  if (failed()) return { code: null, map: null, diagnostics: all(), refs };

  const builder = new ModuleBuilder();
  const sections = emitSections(composeScopes([doc], diags), builder, diags);
  if (failed()) return { code: null, map: null, diagnostics: all(), refs };

  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const meta = moduleMeta(file, hash, doc.table, builder.readsBody);
  const { code, map, unresolvedSecrets } = builder.render({
    sections,
    meta,
    runtimeSpecifier: options.runtime ?? "apimc/runtime",
    format: options.format ?? "esm",
    file,
    lines: diags.lines,
    sourceMap: options.sourceMap ?? false,
    secrets: refs,
  });
  if (reportUnresolvedSecrets(unresolvedSecrets, refs, state.allDiagnostics!, diags)) return { code: null, map: null, diagnostics: all(), refs };
  const v = verifyEmitted(code, options.format);
  if (!v.ok) {
    diags.error(Codes.VerifyFailed, 0, `Internal compiler error: the generated module failed verification (${v.errors.slice(0, 3).join("; ")}). This is a bug in apimc.`);
    return { code: null, map: null, diagnostics: all(), refs };
  }
  return { code, map, diagnostics: all(), refs };
}

/** A diagnostic at each secret reference whose marker did not stay text in the module; true when there was one. */
export function reportUnresolvedSecrets(unresolved: readonly number[], refs: SecretRefs, bags: readonly DiagnosticBag[], fallback: DiagnosticBag): boolean {
  for (const i of unresolved) {
    const ref = refs.refs[i];
    const bag = (ref && bags.find((b) => b.file === ref.file)) ?? fallback;
    bag.error(
      Codes.SecretNamedValue,
      ref && bag.file === ref.file ? ref.offset : 0,
      ref ? `The secret named value '{{${ref.name}}}' is used here as code or as a value apimc computes with while compiling; ${SECRET_USE}.` : `A secret named value is used as code or as a value apimc computes with while compiling; ${SECRET_USE}.`,
    );
  }
  return unresolved.length > 0;
}

/**
 * `meta`: where the module came from, its policy table (for LastError and the trace) and whether it
 * reads bodies. Row files are relative to `baseDir` when given (a build stays movable).
 */
export function moduleMeta(source: string, hash: string, table: readonly PolicyMeta[], readsBody: boolean, baseDir?: string): Code {
  const fileOf = (f: string) => (baseDir && isAbsolute(f) ? relative(baseDir, f).split(sep).join("/") : f);
  // One object a row (runtime/contract.ts PolicyRow), one row a line.
  const rows = table.map((p) => js`\n{ name: ${p.name}, path: ${p.path}, id: ${p.id}, section: ${p.section}, scope: ${p.scope}, file: ${fileOf(p.file)}, line: ${p.line}, flags: ${p.flags} }`);
  return js`{\nsource: ${source},\nhash: ${hash},\ncompiler: ${`apimc ${COMPILER_VERSION}`},\nreadsBody: ${readsBody},\npolicies: [${joinCode(rows, ",")}${rows.length ? js`\n` : js``}],\n}`;
}

export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";

/** Fragments as `<dir>/<fragment-id>.xml`. Ids are APIM resource names: no path separators. */
export function fragmentsFromDirectory(dir: string): FragmentResolver {
  const fileOf = (id: string) => (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) && !id.includes("..") ? join(dir, `${id}.xml`) : null);
  const resolver = (id: string) => {
    const file = fileOf(id);
    if (!file) return null;
    try {
      return { file, source: readFileSync(file, "utf8") };
    } catch {
      return null;
    }
  };
  return Object.assign(resolver, { fileOf });
}

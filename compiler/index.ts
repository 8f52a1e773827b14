// The compiler's public entry: policy XML text in, one verified ES module out.
import { Codes, DiagnosticBag, InternalCompilerError, LineMap, type Diagnostic } from "./diagnostics.js";
import { join as joinCode, js, type Code } from "./codegen/code.js";
import { ModuleBuilder } from "./codegen/module.js";
import type { SourceMapV3 } from "./codegen/sourcemap.js";
import { buildDocument, type BuildState, type FragmentResolver, type PolicyMeta } from "./document.js";
import { emitSections } from "./emit.js";
import { composeScopes } from "./compose.js";
import { substituteNamedValues } from "./named-values.js";
import { parseXml } from "./xml/parse.js";
import { verifyEmitted } from "./verify.js";
import { operationTemplateParameters } from "../runtime/traffic/uri.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const COMPILER_VERSION = "0.1.0";
declare const __APIMC_BUILD__: string | undefined;
/**
 * Which build of the sources this is: a hash of compiler/ and runtime/ set by scripts/build.mjs
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
  /** Named values for `{{name}}`. Without them a reference is an error, or a warning with `checkOnly`. */
  namedValues?: Readonly<Record<string, string>>;
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
  const root = parseXml(source, diags);
  if (!root) return { code: null, map: null, diagnostics: diags.items };
  substituteNamedValues(root, options.namedValues, diags, options.checkOnly);
  const state: BuildState = {
    table: [],
    scope: "operation",
    fragments: options.fragments,
    namedValues: options.namedValues,
    checkOnly: options.checkOnly,
    allDiagnostics: [diags],
    backends: options.backends ? new Set(options.backends) : undefined,
    operation: options.urlTemplate !== undefined ? { urlTemplate: options.urlTemplate, parameters: operationTemplateParameters(options.urlTemplate) } : undefined,
  };
  const all = () => state.allDiagnostics!.flatMap((b) => b.items);
  const failed = () => state.allDiagnostics!.some((b) => b.hasErrors);
  const doc = buildDocument(root, diags, { allowSnippets: options.allowSnippets, state });
  if (failed()) return { code: null, map: null, diagnostics: all() };

  const builder = new ModuleBuilder();
  const sections = emitSections(composeScopes([doc], diags), builder, diags);
  if (failed()) return { code: null, map: null, diagnostics: all() };

  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const meta = moduleMeta(file, hash, doc.table, builder.readsBody);
  const { code, map } = builder.render({
    sections,
    meta,
    runtimeSpecifier: options.runtime ?? "apimc/runtime",
    format: options.format ?? "esm",
    file,
    lines: diags.lines,
    sourceMap: options.sourceMap ?? false,
  });
  const v = verifyEmitted(code, options.format);
  if (!v.ok) {
    diags.error(Codes.VerifyFailed, 0, `Internal compiler error: the generated module failed verification (${v.errors.slice(0, 3).join("; ")}). This is a bug in apimc.`);
    return { code: null, map: null, diagnostics: all() };
  }
  return { code, map, diagnostics: all() };
}

/** `meta`: where the module came from, its policy table (for LastError) and whether it reads bodies. */
export function moduleMeta(source: string, hash: string, table: readonly PolicyMeta[], readsBody: boolean): Code {
  const rows = table.map((p) => js`[${p.name}, ${p.path}, ${p.id}, ${p.section}, ${p.scope}]`);
  return js`{ source: ${source}, hash: ${hash}, compiler: ${`apimc ${COMPILER_VERSION}`}, readsBody: ${readsBody}, policies: [${joinCode(rows)}] }`;
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

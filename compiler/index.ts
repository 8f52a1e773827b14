// The compiler's public entry: policy XML text in, one verified ES module out.
import { Codes, DiagnosticBag, InternalCompilerError, LineMap, type Diagnostic } from "./diagnostics.js";
import { js } from "./codegen/code.js";
import { ModuleBuilder } from "./codegen/module.js";
import type { SourceMapV3 } from "./codegen/sourcemap.js";
import { buildDocument, type PolicyMeta } from "./document.js";
import { emitSections } from "./emit.js";
import { composeScopes } from "./compose.js";
import { substituteNamedValues } from "./named-values.js";
import { parseXml } from "./xml/parse.js";
import { verifyModule } from "./verify.js";
import { createHash } from "node:crypto";

export const COMPILER_VERSION = "0.1.0";

/** 256 KiB: the policy document limit of APIM's dedicated tiers. */
export const MAX_DOCUMENT_SIZE = 256 * 1024;

export interface CompileOptions {
  /** File name used in diagnostics and the source map. */
  file?: string;
  /** Import specifier of the runtime in the generated module. */
  runtime?: string;
  sourceMap?: boolean;
  /** Named values for `{{name}}`; without it, references stay as written (with a warning). */
  namedValues?: Readonly<Record<string, string>>;
  /** "esm" (default) or "function" (a function body over `rt`, for in-process loading). */
  format?: "esm" | "function";
  /** Compile a root other than <policies> as the inbound section (doc snippets), with a warning. */
  allowSnippets?: boolean;
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
  substituteNamedValues(root, options.namedValues, diags);
  const doc = buildDocument(root, diags, { allowSnippets: options.allowSnippets });
  if (diags.hasErrors) return { code: null, map: null, diagnostics: diags.items };

  const builder = new ModuleBuilder();
  const sections = emitSections(composeScopes([doc], diags), builder, diags);
  if (diags.hasErrors) return { code: null, map: null, diagnostics: diags.items };

  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const meta = js`{ source: ${file}, hash: ${hash}, compiler: ${`apimc ${COMPILER_VERSION}`}, policies: ${policyTable(doc.table)} }`;
  const { code, map } = builder.render({
    sections,
    meta,
    runtimeSpecifier: options.runtime ?? "apimc/runtime",
    format: options.format ?? "esm",
    file,
    lines: diags.lines,
    sourceMap: options.sourceMap ?? false,
  });
  const v = verifyModule(options.format === "function" ? `(function (rt) {\n${code}\n});` : code, options.format === "function" ? "script" : "module");
  if (!v.ok) {
    diags.error(Codes.VerifyFailed, 0, `Internal compiler error: the generated module failed verification (${v.errors.slice(0, 3).join("; ")}). This is a bug in apimc.`);
    return { code: null, map: null, diagnostics: diags.items };
  }
  return { code, map, diagnostics: diags.items };
}

function policyTable(table: readonly PolicyMeta[]) {
  return js`[${table.map((p) => js`[${p.name}, ${p.path}, ${p.id}, ${p.section}, ${p.scope}]`).reduce((a, c, i) => (i ? js`${a}, ${c}` : c), js``)}]`;
}

export { formatDiagnostic, type Diagnostic } from "./diagnostics.js";

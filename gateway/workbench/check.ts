// Checking an edited policy or fragment file before it is saved: the text is compiled in a module
// that uses it, the way the gateway would (its scopes, named values, fragments, backends, the
// operation's URL template and specification), and the diagnostics of that file come back, each
// with the reference page of the policy it is in.
import { resolve } from "node:path";
import { compileDocuments, type Diagnostic } from "../../compiler/index.js";
import { ALL_POLICY_NAMES } from "../../compiler/policies/registry.js";
import { LineMap } from "../../compiler/diagnostics.js";
import type { FragmentResolver } from "../../compiler/document.js";
import type { LoadedConfig } from "../config.js";
import { CATCH_ALL, moduleScopes } from "../build.js";
import { compileModule, fragmentResolver, moduleDocuments, relativePath, type ModuleRef } from "./effective.js";

/** A diagnostic as the workbench API answers it (file relative to the configuration's folder). */
export interface WorkbenchDiagnostic {
  code: string;
  severity: "error" | "warning";
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The reference page of the policy the diagnostic is in, when known. */
  docUrl?: string;
}

const REFERENCE = "https://learn.microsoft.com/azure/api-management/";
/** Elements whose page is another policy's. */
const PAGE_OF: Record<string, string> = { when: "choose", otherwise: "choose" };
const POLICY_NAMES = new Set(ALL_POLICY_NAMES);

/** The reference page of a policy (`set-header` → …/set-header-policy); undefined for a name that is not a policy. */
export function policyDocUrl(name: string): string | undefined {
  const n = PAGE_OF[name] ?? name;
  if (n === "base") return `${REFERENCE}api-management-howto-policies`;
  return POLICY_NAMES.has(n) ? `${REFERENCE}${n}-policy` : undefined;
}

/**
 * The innermost policy element around `offset` in `text` (a scan of tags, tolerant of text that
 * does not parse: an edit in progress); undefined when there is none.
 */
export function policyAt(text: string, offset: number): string | undefined {
  const stack: string[] = [];
  const re = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\/?([A-Za-z_][\w.-]*)((?:[^<>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index <= offset) {
    const name = m[1];
    if (!name) continue;
    const end = m.index + m[0].length;
    if (m[0].startsWith("</")) {
      const i = stack.lastIndexOf(name);
      if (i !== -1) stack.length = i;
    } else if (m[3] === "/") {
      // A self-closing element the offset is in.
      if (offset < end && POLICY_NAMES.has(PAGE_OF[name] ?? name)) return name;
    } else stack.push(name);
  }
  for (let i = stack.length - 1; i >= 0; i--) if (POLICY_NAMES.has(PAGE_OF[stack[i]!] ?? stack[i]!) || stack[i] === "base") return stack[i];
  return undefined;
}

/** A compiler diagnostic for the API: relative file, and the page of the policy when the file's text is at hand. */
export function toWorkbench(loaded: LoadedConfig, d: Diagnostic, texts: ReadonlyMap<string, string>): WorkbenchDiagnostic {
  const out: WorkbenchDiagnostic = { code: d.code, severity: d.severity, message: d.message, file: relativePath(loaded, d.file), line: d.line, column: d.column };
  const text = texts.get(d.file);
  if (text !== undefined) {
    const name = policyAt(text, d.offset);
    const url = name && policyDocUrl(name);
    if (url) out.docUrl = url;
    // To the end of the word at the offset, so an editor can underline it.
    const word = /^[^\s<>"'=/]+/.exec(text.slice(d.offset))?.[0].length ?? 0;
    if (word > 0) {
      const end = new LineMap(text).position(d.offset + Math.min(word, 200));
      out.endLine = end.line;
      out.endColumn = end.column;
    }
  }
  return out;
}

/** The modules a file is part of (as a scope document or, for a fragment, through include-fragment), first one first. */
function modulesUsing(loaded: LoadedConfig, file: string): ModuleRef[] {
  const out: ModuleRef[] = [];
  for (const api of loaded.config.apis) {
    const productIds = [null, ...(loaded.config.products ?? []).filter((p) => p.apis.includes(api.id) && p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL])
      for (const productId of productIds)
        if (moduleScopes(loaded.config, api, op, productId).some((s) => resolve(loaded.dir, s.rel) === file)) out.push({ api, op, productId });
  }
  return out;
}

/**
 * Diagnostics of `text` as the content of `file` (an absolute path the configuration uses). A
 * policy file is compiled in the first module it is part of; a fragment in the first module whose
 * compile reads it, else on its own inside `<policies><inbound>`.
 */
export function checkText(loaded: LoadedConfig, file: string, text: string): WorkbenchDiagnostic[] {
  const base = fragmentResolver(loaded);
  const texts = new Map([[file, text]]);
  const pick = (diags: readonly Diagnostic[]) => diags.filter((d) => d.file === file).map((d) => toWorkbench(loaded, d, texts));
  const users = modulesUsing(loaded, file);
  if (users.length) {
    const m = users[0]!;
    return pick(compileModule(loaded, m, moduleDocuments(loaded, m, { file, text }), base).diagnostics);
  }
  // A fragment: the edited text stands in for its file wherever it is included.
  const fragments: FragmentResolver = Object.assign((id: string) => {
    const f = base?.(id) ?? null;
    return f && f.file === file ? { file, source: text } : f;
  }, { fileOf: base?.fileOf });
  const id = base ? fragmentId(base, file) : null;
  for (const api of loaded.config.apis) {
    const productIds = [null, ...(loaded.config.products ?? []).filter((p) => p.apis.includes(api.id) && p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL])
      for (const productId of productIds) {
        const m = { api, op, productId };
        const r = compileModule(loaded, m, moduleDocuments(loaded, m), fragments);
        if (r.sources.includes(file)) return pick(r.diagnostics);
      }
  }
  // Included nowhere: compiled alone, as the only policy of an inbound section.
  const wrapper = `<policies><inbound><include-fragment fragment-id=${JSON.stringify(id ?? "")} /></inbound><backend><forward-request /></backend></policies>`;
  const r = compileDocuments([{ file: resolve(loaded.dir, ".workbench-check.xml"), scope: "operation", source: wrapper }], { format: "esm", namedValues: loaded.namedValues, fragments, baseDir: loaded.dir, checkOnly: true });
  return pick(r.diagnostics);
}

/** The fragment id whose file is `file`, when the resolver can say (a fragments folder names it `<id>.xml`). */
function fragmentId(resolver: FragmentResolver, file: string): string | null {
  const name = file.split(/[\\/]/).pop() ?? "";
  const candidates = [name.replace(/\.xml$/i, ""), file.split(/[\\/]/).at(-2) ?? ""];
  for (const c of candidates) if (c && (resolver.fileOf?.(c) === file || resolver(c)?.file === file)) return c;
  return null;
}

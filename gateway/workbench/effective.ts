// The effective policy of an operation as one text: the scopes composed (each `<base />` replaced by
// the parent scope's section, APIM's default `<forward-request />` above global) and fragments
// inlined, every line marked with the file and line it came from; the module the gateway compiles
// from the same files, and a source map from its lines to the composed text (through the policy
// index `ctx.$p = N` the generated code sets before each policy, and the policy table's file:line).
import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { DiagnosticBag, LineMap, type Diagnostic } from "../../compiler/diagnostics.js";
import { compileDocuments, fragmentsFromDirectory, type ScopeDocument } from "../../compiler/index.js";
import type { FragmentResolver } from "../../compiler/document.js";
import { lineSourceMap, type SourceMapV3 } from "../../compiler/codegen/sourcemap.js";
import { parseXml, type XElement } from "../../compiler/xml/parse.js";
import { CATCH_ALL, moduleScopes, specificationFor } from "../build.js";
import type { LoadedConfig, OperationConfig } from "../config.js";

/** Where a line of the composed text came from; file "" and line 0 for lines apimc wrote (the frame, APIM's default). */
export interface LineOrigin {
  file: string;
  line: number;
}

export interface PolicyFile {
  /** Relative to the configuration's folder, "/" separated. */
  path: string;
  scope: "global" | "product" | "api" | "operation" | "fragment";
  text: string;
}

export interface EffectivePolicy {
  xml: string;
  lines: LineOrigin[];
  files: PolicyFile[];
  js: string | null;
  sourceMap: SourceMapV3 | null;
  diagnostics: Diagnostic[];
}

const SECTIONS = ["inbound", "backend", "outbound", "on-error"] as const;
type SectionName = (typeof SECTIONS)[number];
/** Nesting of include-fragment followed (the compiler reports deeper nesting and cycles). */
const MAX_FRAGMENT_DEPTH = 16;

interface Line extends LineOrigin {
  text: string;
}

interface Doc {
  file: string;
  rel: string;
  source: string;
  lines: LineMap;
  root: XElement | null;
}

/** The fragment resolver of a configuration (an APIOps folder's, or gateway.json's `fragments` folder). */
export function fragmentResolver(loaded: LoadedConfig): FragmentResolver | undefined {
  if (loaded.fragments) return loaded.fragments;
  return loaded.config.fragments ? fragmentsFromDirectory(resolve(loaded.dir, loaded.config.fragments)) : undefined;
}

/** A path relative to the configuration's folder, "/" separated. */
export function relativePath(loaded: LoadedConfig, file: string): string {
  return relative(loaded.dir, file).split(sep).join("/");
}

export interface ModuleRef {
  api: LoadedConfig["config"]["apis"][number];
  op: OperationConfig;
  productId: string | null;
}

/** The module of (api, operation, product); null when the configuration has no such one. */
export function findModule(loaded: LoadedConfig, apiId: string, opId: string | undefined, productId: string | null): ModuleRef | null {
  const api = loaded.config.apis.find((a) => a.id === apiId);
  if (!api) return null;
  const ops = api.operations?.length ? api.operations : [CATCH_ALL];
  const op = opId === undefined ? ops[0]! : ops.find((o) => o.id === opId);
  if (!op) return null;
  if (productId !== null && !(loaded.config.products ?? []).some((p) => p.id === productId && p.apis.includes(api.id))) return null;
  return { api, op, productId };
}

/** The documents of a module as read now; `override` replaces one file's text (an edit not yet saved). */
export function moduleDocuments(loaded: LoadedConfig, m: ModuleRef, override?: { file: string; text: string }): ScopeDocument[] {
  return moduleScopes(loaded.config, m.api, m.op, m.productId).map((s) => {
    const file = resolve(loaded.dir, s.rel);
    if (override && override.file === file) return { file, scope: s.scope, source: override.text };
    try {
      return { file, scope: s.scope, source: readFileSync(file, "utf8") };
    } catch (e) {
      return { file, scope: s.scope, source: null, unreadable: (e as Error).message };
    }
  });
}

/** Compiles a module the way the gateway does (esm, with the policy table and `$p` markers). */
export function compileModule(loaded: LoadedConfig, m: ModuleRef, documents: ScopeDocument[], fragments: FragmentResolver | undefined) {
  const key = `${m.api.id}/${m.op.id}/${m.productId ?? "-"}`;
  const spec = loaded.specifications?.get(m.api.id);
  return compileDocuments(documents, {
    name: key,
    hashSeed: key,
    baseDir: loaded.dir,
    file: loaded.file,
    format: "esm",
    namedValues: loaded.namedValues,
    fragments,
    backends: Object.keys(loaded.config.backends ?? {}),
    urlTemplate: m.op.urlTemplate,
    apiSpecification: spec && specificationFor(spec, m.op),
  });
}

/** The effective policy of a module: composed text, origins, files, generated module and its map to the text. */
export function effectivePolicy(loaded: LoadedConfig, m: ModuleRef): EffectivePolicy {
  const documents = moduleDocuments(loaded, m);
  const fragments = fragmentResolver(loaded);
  const files: PolicyFile[] = [];
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for (const d of documents) {
    const rel = relativePath(loaded, d.file);
    if (!seen.has(d.file)) {
      seen.add(d.file);
      files.push({ path: rel, scope: d.scope as PolicyFile["scope"], text: d.source ?? "" });
    }
    docs.push(parse(d.file, rel, d.source ?? ""));
  }
  const composer = new Composer(loaded, fragments, files, seen);
  const out: Line[] = [{ text: "<policies>", file: "", line: 0 }];
  for (const section of SECTIONS) out.push(...composer.section(section, docs));
  out.push({ text: "</policies>", file: "", line: 0 });
  const xml = out.map((l) => l.text).join("\n") + "\n";
  const lines = out.map(({ file, line }) => ({ file, line }));

  const r = compileModule(loaded, m, documents, fragments);
  return { xml, lines, files, js: r.code, sourceMap: r.code ? moduleMap(r.code, xml, lines) : null, diagnostics: r.diagnostics };
}

function parse(file: string, rel: string, source: string): Doc {
  const lines = new LineMap(source);
  // A document that does not parse composes as nothing; its diagnostics come from the compile.
  const root = source ? parseXml(source, new DiagnosticBag(file, lines)) : null;
  return { file, rel, source, lines, root };
}

class Composer {
  constructor(
    readonly loaded: LoadedConfig,
    readonly fragments: FragmentResolver | undefined,
    readonly files: PolicyFile[],
    readonly seen: Set<string>,
  ) {}

  /** `<section>` … `</section>` with the effective content. */
  section(name: SectionName, docs: Doc[]): Line[] {
    // Above global: APIM's default policy (forward-request in backend, nothing elsewhere).
    let effective: Line[] = name === "backend" ? [{ text: "<forward-request />", file: "", line: 0 }] : [];
    let owner: { doc: Doc; el: XElement } | null = null;
    for (const doc of docs) {
      // A <fragment> document is compiled as the inbound section (compiler/document.ts).
      const el = doc.root?.name === "fragment" ? (name === "inbound" ? doc.root : undefined) : doc.root?.children.find((c): c is XElement => c.kind === "element" && c.name === name);
      if (!el) continue; // a missing section inherits the parent's as is
      effective = this.content(doc, el, effective, []);
      owner = { doc, el };
    }
    const at = (el: XElement | undefined): LineOrigin => (owner && el ? { file: owner.doc.rel, line: owner.doc.lines.position(el.offset).line } : { file: "", line: 0 });
    // A <fragment> root stands for inbound: the section's tags are apimc's.
    const own = owner && owner.el.name === name ? owner : null;
    const open = at(own?.el);
    // The end tag's own line (`</inbound>` starts where the content ends); a `<x />` has one line.
    const close: LineOrigin = own && own.doc.source.slice(own.el.contentStart - 2, own.el.contentStart) !== "/>" ? { file: own.doc.rel, line: own.doc.lines.position(own.el.contentEnd).line } : open;
    if (effective.length === 0) return close === open ? [{ text: `  <${name} />`, ...open }] : [{ text: `  <${name}>`, ...open }, { text: `  </${name}>`, ...close }];
    return [{ text: `  <${name}>`, ...open }, ...reindent(effective, "    "), { text: `  </${name}>`, ...close }];
  }

  /** An element's content as lines, `<base />` replaced by `parent` and include-fragment by the fragment's content. */
  content(doc: Doc, el: XElement, parent: Line[], fragmentStack: string[]): Line[] {
    const splices: XElement[] = [];
    const collect = (e: XElement) => {
      for (const c of e.children) {
        if (c.kind !== "element") continue;
        if (c.name === "base" || c.name === "include-fragment") splices.push(c);
        else collect(c);
      }
    };
    collect(el);
    const src = doc.source;
    const out: Line[] = [];
    let cur = el.contentStart;
    for (const s of splices) {
      const before = this.span(doc, cur, s.offset);
      // The text before the element on its line: kept when it holds something, else it is the indent.
      const last = before.pop();
      let indent = "";
      if (last) {
        if (last.text.trim() === "") indent = last.text;
        else {
          before.push(last);
          indent = /^\s*/.exec(last.text)![0];
        }
      }
      out.push(...before);
      const origin: LineOrigin = { file: doc.rel, line: doc.lines.position(s.offset).line };
      out.push(...reindent(this.replacement(doc, s, origin, parent, fragmentStack), indent));
      cur = elementEnd(src, s);
      // The rest of the element's line, when blank, goes with it.
      const nl = src.slice(cur, el.contentEnd).search(/\r?\n|\r/);
      if (nl !== -1 && src.slice(cur, cur + nl).trim() === "") cur += nl + (src.startsWith("\r\n", cur + nl) ? 2 : 1);
    }
    out.push(...this.span(doc, cur, el.contentEnd));
    while (out.length && out[0]!.text.trim() === "") out.shift();
    while (out.length && out.at(-1)!.text.trim() === "") out.pop();
    return out;
  }

  replacement(doc: Doc, s: XElement, origin: LineOrigin, parent: Line[], fragmentStack: string[]): Line[] {
    if (s.name === "base") return [{ text: `<!-- <base /> (${comment(doc.rel)}:${origin.line}): the enclosing scope's policies -->`, ...origin }, ...dedent(parent)];
    const attr = s.attrs.find((a) => a.name === "fragment-id")?.value;
    const id = attr?.kind === "literal" ? attr.text : null;
    const found = id !== null && this.fragments && fragmentStack.length < MAX_FRAGMENT_DEPTH && !fragmentStack.includes(id) ? this.fragments(id) : null;
    if (!found) return [{ text: `<!-- include-fragment ${comment(JSON.stringify(id ?? ""))}: not found (see the diagnostics) -->`, ...origin }];
    const rel = relativePath(this.loaded, found.file);
    if (!this.seen.has(found.file)) {
      this.seen.add(found.file);
      this.files.push({ path: rel, scope: "fragment", text: found.source });
    }
    const fdoc = parse(found.file, rel, found.source);
    const head: Line = { text: `<!-- include-fragment ${comment(JSON.stringify(id))} (${comment(rel)}) -->`, ...origin };
    if (!fdoc.root) return [head];
    return [head, ...dedent(this.content(fdoc, fdoc.root, [], [...fragmentStack, id!]))];
  }

  /** The text from `start` to `end` as lines, each with its origin (the first piece starts mid-line). */
  span(doc: Doc, start: number, end: number): Line[] {
    if (end <= start) return [];
    const pieces = doc.source.slice(start, end).split(/\r\n|\n|\r/);
    const first = doc.lines.position(start).line;
    return pieces.map((text, i) => ({ text, file: doc.rel, line: first + i }));
  }
}

/** Where an element ends: after `/>`, or after its end tag. */
function elementEnd(src: string, el: XElement): number {
  if (src.slice(el.contentStart - 2, el.contentStart) === "/>") return el.contentStart;
  const close = src.indexOf(">", el.contentEnd);
  return close === -1 ? src.length : close + 1;
}

/** Text safe inside an XML comment. */
function comment(s: string): string {
  return s.replace(/-(?=-)/g, "- ").replace(/-$/, "- ");
}

function dedent(lines: Line[]): Line[] {
  let min = Infinity;
  for (const l of lines) if (l.text.trim() !== "") min = Math.min(min, /^[ \t]*/.exec(l.text)![0].length);
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => ({ ...l, text: l.text.slice(Math.min(min, /^[ \t]*/.exec(l.text)![0].length)) }));
}

function reindent(lines: Line[], indent: string): Line[] {
  return dedent(lines).map((l) => ({ ...l, text: l.text.trim() === "" ? "" : indent + l.text }));
}

/**
 * A source map from the module's lines to the composed text: each line after `ctx.$p = N;` belongs
 * to policy N (until the next marker or the end of its function), found by its file:line in `lines`.
 */
export function moduleMap(js: string, xml: string, lines: readonly LineOrigin[]): SourceMapV3 {
  const rows = policyRows(js);
  const lineOf = new Map<string, number>();
  lines.forEach((o, i) => {
    const k = `${o.file}:${o.line}`;
    if (o.file !== "" && !lineOf.has(k)) lineOf.set(k, i);
  });
  const map = new LineMap(xml);
  const starts: number[] = [];
  for (let i = 0, off = 0; i < lines.length; i++) {
    starts.push(off);
    off = xml.indexOf("\n", off) + 1;
  }
  const marks: { line: number; offset: number }[] = [];
  let current: number | null = null;
  js.split("\n").forEach((text, i) => {
    if (/^\s*(export\s+)?(async\s+)?function\b/.test(text) || /^\s*export default\b/.test(text)) current = null;
    const m = /\bctx\.\$p = (\d+);/.exec(text);
    if (m) current = Number(m[1]);
    const row = current === null ? undefined : rows[current];
    const at = row ? lineOf.get(`${row.file}:${row.line}`) : undefined;
    if (at !== undefined) marks.push({ line: i, offset: starts[at]! });
  });
  return { ...lineSourceMap(marks, "effective.xml", map), file: "module.js" };
}

/** The policy table of a generated module (`meta.policies`): file and line per index. */
function policyRows(js: string): { file: string; line: number }[] {
  const rows: { file: string; line: number }[] = [];
  const re = /^\s*\{ name: .*?, file: ("(?:[^"\\]|\\.)*"), line: (\d+), flags: \d+ \},?$/gm;
  // One row a line (compiler/index.ts moduleMeta); strings in generated code never span lines.
  for (const m of js.matchAll(re)) rows.push({ file: JSON.parse(m[1]!) as string, line: Number(m[2]) });
  return rows;
}

// From the XML tree to the policy IR: sections, policy nodes with LastError paths, <base/>.
import { Codes, didYouMean, type DiagnosticBag } from "./diagnostics.js";
import { ALL_SECTIONS, type AttrSpec, type BuildState, type ParseContext, type PolicyMeta, type PolicyNode, type Section } from "./policies/types.js";
import { addPolicyRow } from "./policies/policy-table.js";
import { ALL_POLICY_NAMES, AZURE_ONLY, lookupPolicy, NOT_IMPLEMENTED, NOT_IMPLEMENTED_WHY } from "./policies/registry.js";
import type { XElement, XNode, XValue } from "./xml/parse.js";
import { checkLiteral } from "./policies/values.js";
import { ROW_MASKED } from "../runtime/contract.js";

export type { BuildState, FragmentResolver, PolicyMeta } from "./policies/types.js";
export { addPolicyRow, ROW_BRANCH, ROW_MASKED } from "./policies/policy-table.js";

/** Whether any value of the element or its children had secret named values substituted into it. */
function usesNamedValues(el: XElement): boolean {
  for (const a of el.attrs) if (a.value.secretNamedValues) return true;
  for (const c of el.children) if (c.kind === "element" ? usesNamedValues(c) : c.value.secretNamedValues) return true;
  return false;
}

export interface PolicyDocument {
  sections: Partial<Record<Section, PolicyNode[]>>;
  /** The module's policy table, indexed by PolicyNode.index. */
  table: PolicyMeta[];
}

/**
 * Where a document is used: "policy" (a global/product/API/operation policy: root <policies>),
 * "resolver" (a GraphQL field resolver of gateway.json graphql.resolvers: root a data source).
 * Absent (a standalone compile): either root is taken as it comes.
 */
export type DocumentKind = "policy" | "resolver";

/** The roots of a resolver document (APIM's resolver policy editor). */
export const DATA_SOURCES: readonly string[] = ["http-data-source", "sql-data-source", "cosmosdb-data-source"];

export interface DocumentOptions {
  /** Treat a root that is not <policies> as the inbound section (corpus snippets), with a warning. */
  allowSnippets?: boolean;
  /** Where the document is used; a root that does not belong there is an error (APIMC1004). */
  kind?: DocumentKind;
  /** Shared with the other scopes of the same module; a fresh one when compiling one document. */
  state?: BuildState;
}

export function buildDocument(root: XElement, diags: DiagnosticBag, opts: DocumentOptions = {}): PolicyDocument {
  const state: BuildState = opts.state ?? { table: [], scope: "operation" };
  const doc: PolicyDocument = { sections: {}, table: state.table };
  state.firstOfOnce = new Map(); // each document (scope) is its own policy definition
  if (misplacedRoot(root, opts.kind, state.scope, diags)) return doc;
  if (root.name === "policies") {
    checkNoAttributes(root, diags);
    const seen = new Set<string>();
    for (const child of root.children) {
      if (child.kind === "text") {
        reportText(child, diags);
        continue;
      }
      const name = child.name as Section;
      if (!ALL_SECTIONS.includes(name)) {
        diags.error(Codes.UnknownSection, child.offset, `Unknown section <${child.name}>: expected inbound, backend, outbound or on-error.${didYouMean(child.name, ALL_SECTIONS)}`);
        continue;
      }
      if (seen.has(name)) {
        diags.error(Codes.DuplicateSection, child.offset, `Section <${name}> appears more than once; merge them into one.`);
        continue;
      }
      seen.add(name);
      checkNoAttributes(child, diags);
      doc.sections[name] = parsePolicyList(child.children, name, "", diags, state);
    }
    return doc;
  }
  // A GraphQL resolver document's root is the data source itself (gateway.json graphql.resolvers).
  const dataSource = DATA_SOURCES.includes(root.name);
  if (root.name === "fragment" || dataSource || opts.allowSnippets) {
    const section: Section = ALL_SECTIONS.includes(root.name as Section) ? (root.name as Section) : snippetSection(root.name);
    if (root.name !== "fragment" && !dataSource)
      diags.warning(Codes.XmlSnippetRoot, root.offset, `The root element is <${root.name}>, not <policies>: compiled as a snippet of the ${section} section.`);
    const nodes: XNode[] = root.name === "fragment" || ALL_SECTIONS.includes(root.name as Section) ? root.children : [root];
    if (dataSource) state.resolverRoot = root;
    doc.sections[section] = parsePolicyList(nodes, section, "", diags, state);
    return doc;
  }
  diags.error(Codes.XmlSnippetRoot, root.offset, `The root element must be <policies>, not <${root.name}>.`);
  return doc;
}

/** A snippet is compiled in the inbound section, or in the first its root policy may be in (set-graphql-resolver: backend). */
function snippetSection(rootName: string): Section {
  const sections = lookupPolicy(rootName)?.sections;
  return !sections || sections.includes("inbound") ? "inbound" : sections[0]!;
}

/**
 * A document whose root does not belong where it is used: a resolver document as a scope's policy
 * (it would compile as an inbound snippet and call its data source on every request), a
 * <policies> or fragment document as a resolver, a fragment as a scope's policy. An error at the root.
 */
function misplacedRoot(root: XElement, kind: DocumentKind | undefined, scope: string, diags: DiagnosticBag): boolean {
  if (kind === "policy" && root.name !== "policies") {
    const why = DATA_SOURCES.includes(root.name)
      ? `<${root.name}> is a GraphQL field resolver's document: give it as the "policy" of an entry of the API's graphql.resolvers in gateway.json ({ "type", "field", "policy" }: README, "GraphQL resolvers"), or put it inside <set-graphql-resolver parent-type="..." field="..."> in a backend section`
      : root.name === "fragment"
        ? "a policy fragment is not a policy document: include it with <include-fragment fragment-id=\"...\"/> from a <policies> document (the fragment in the fragments folder)"
        : `a ${scope} policy document has the root <policies> with inbound, backend, outbound and on-error sections`;
    diags.error(Codes.XmlSnippetRoot, root.offset, `The root element of a ${scope} policy must be <policies>, not <${root.name}>: ${why}.`);
    return true;
  }
  if (kind === "resolver" && !DATA_SOURCES.includes(root.name)) {
    diags.error(
      Codes.XmlSnippetRoot,
      root.offset,
      `A GraphQL resolver's policy (gateway.json graphql.resolvers) is a data source document: its root must be <http-data-source> (or <sql-data-source>, <cosmosdb-data-source>), not <${root.name}>.${root.name === "policies" ? " A <policies> document is an API's policy: give it as the API's \"policy\"." : ""}`,
    );
    return true;
  }
  return false;
}

function checkNoAttributes(el: XElement, diags: DiagnosticBag): void {
  for (const a of el.attrs) diags.error(Codes.UnknownAttribute, a.offset, `<${el.name}> takes no attributes; remove '${a.name}'.`);
}

function reportText(t: Extract<XNode, { kind: "text" }>, diags: DiagnosticBag): void {
  if (t.value.kind === "expr" || t.value.text.trim() !== "")
    diags.error(Codes.UnexpectedText, t.offset + leadingWs(t.value), "Unexpected text here: only policy elements are allowed.");
}

function leadingWs(v: XValue): number {
  return v.kind === "literal" ? v.text.length - v.text.trimStart().length : 0;
}

/** Parses a list of policy elements; `parentPath` is the LastError path prefix. */
export function parsePolicyList(nodes: readonly XNode[], section: Section, parentPath: string, diags: DiagnosticBag, state: BuildState): PolicyNode[] {
  const out: PolicyNode[] = [];
  const counts = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind === "text") {
      reportText(n, diags);
      continue;
    }
    const k = (counts.get(n.name) ?? 0) + 1;
    counts.set(n.name, k);
    const path = `${parentPath ? `${parentPath}\\` : ""}${n.name}[${k}]`;
    if (n.name === "base" && parentPath !== "" && !state.inFragment) {
      diags.error(Codes.UnexpectedChild, n.offset, "<base/> must be a direct child of a section.");
      continue;
    }
    const node = parsePolicy(n, section, path, diags, state);
    if (node) out.push(node);
  }
  return out;
}

function parsePolicy(el: XElement, section: Section, path: string, diags: DiagnosticBag, state: BuildState): PolicyNode | null {
  const def = lookupPolicy(el.name);
  if (!def) {
    if (AZURE_ONLY.has(el.name))
      diags.error(Codes.NotSupportedOutsideAzure, el.offset, `<${el.name}> needs Azure itself (${AZURE_ONLY.get(el.name)}) and is not supported outside Azure.`);
    else if (NOT_IMPLEMENTED_WHY.has(el.name)) diags.error(Codes.NotImplemented, el.offset, `<${el.name}> is not implemented in apimc: ${NOT_IMPLEMENTED_WHY.get(el.name)}.`);
    else if (NOT_IMPLEMENTED.has(el.name))
      diags.error(Codes.NotImplemented, el.offset, `<${el.name}> is an APIM policy that apimc does not implement yet.`);
    else diags.error(Codes.UnknownPolicy, el.offset, `Unknown policy <${el.name}>.${didYouMean(el.name, ALL_POLICY_NAMES)}`);
    return null;
  }
  if (!def.sections.includes(section)) {
    diags.error(
      Codes.PolicyNotAllowedInSection,
      el.offset,
      `<${el.name}> is not allowed in the ${section} section (allowed in: ${def.sections.join(", ")}).`,
    );
    return null;
  }
  if (def.oncePerDefinition) {
    const first = (state.firstOfOnce ??= new Map()).get(el.name);
    if (first) {
      const where = first.file === diags.file ? `line ${first.line}` : `${first.file}:${first.line}:${first.column}`;
      diags.error(Codes.PolicyOncePerDefinition, el.offset, `<${el.name}> can be used only once per policy definition; the first is at ${where}.`);
      return null;
    }
    state.firstOfOnce.set(el.name, { file: diags.file, ...diags.lines.position(el.offset) });
  }
  const index = addPolicyRow(state, diags, el, el.name, path, section, usesNamedValues(el) ? ROW_MASKED : 0);
  const pc = makeParseContext(section, path, diags, state);
  const errorsBefore = diags.errorCount;
  const node = def.parse(el, pc, { policy: el.name, el, index, section, diags });
  return diags.errorCount > errorsBefore ? null : node;
}

function makeParseContext(section: Section, path: string, diags: DiagnosticBag, state: BuildState): ParseContext {
  return {
    diags,
    section,
    path,
    state,
    attrs: (el, spec) => readAttributes(el, spec, diags),
    policies: (children, parentPath) => parsePolicyList(children, section, parentPath, diags, state),
    policiesFrom: (nodes, parentPath, fileDiags) => parsePolicyList(nodes, section, parentPath, fileDiags, state),
    elements: (el) => {
      const out: XElement[] = [];
      for (const c of el.children) {
        if (c.kind === "element") out.push(c);
        else reportText(c, diags);
      }
      return out;
    },
    text: (el) => {
      const parts = el.children;
      if (parts.length === 0) return null;
      const firstEl = parts.find((c) => c.kind === "element");
      if (firstEl) {
        diags.error(Codes.UnexpectedChild, firstEl.offset, `<${el.name}> holds text, not elements.`);
        return null;
      }
      const exprs = parts.filter((c) => c.kind === "text" && c.value.kind === "expr");
      if (exprs.length > 0) {
        const other = parts.find((c) => c.kind === "text" && c.value.kind === "literal" && c.value.text.trim() !== "");
        if (exprs.length > 1 || other) {
          diags.error(Codes.MixedExpression, (other ?? exprs[1]!).offset, `The text of <${el.name}> mixes an expression with other text; an expression must be the whole value.`);
          return null;
        }
        return (exprs[0] as { value: XValue }).value;
      }
      const first = parts[0]!;
      return { kind: "literal", text: parts.map((p) => (p.kind === "text" && p.value.kind === "literal" ? p.value.text : "")).join(""), offset: first.offset };
    },
  };
}

const ALWAYS_ALLOWED: Readonly<Record<string, AttrSpec>> = { id: { expr: false } };

export function readAttributes(el: XElement, spec: Readonly<Record<string, AttrSpec>>, diags: DiagnosticBag): Record<string, XValue | undefined> {
  const out: Record<string, XValue | undefined> = Object.create(null);
  for (const a of el.attrs) {
    const s = spec[a.name] ?? ALWAYS_ALLOWED[a.name];
    if (!s) {
      diags.error(Codes.UnknownAttribute, a.offset, `<${el.name}> has no attribute '${a.name}'.${didYouMean(a.name, Object.keys(spec))}`);
      continue;
    }
    if (a.value.kind === "expr" && s.expr === false) {
      diags.error(Codes.ExpressionNotAllowed, a.value.offset, `The '${a.name}' attribute of <${el.name}> does not accept policy expressions; write a literal value.`);
      continue;
    }
    if (a.value.kind === "literal" && s.type) checkLiteral(a.value, s.type, `'${a.name}' of <${el.name}>`, diags);
    out[a.name] = a.value;
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.required && !out[name] && !el.attrs.some((a) => a.name === name))
      diags.error(Codes.MissingAttribute, el.offset, `<${el.name}> requires the '${name}' attribute.`);
  }
  return out;
}

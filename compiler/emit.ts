// From the policy IR to module code: one section function each, `ctx.$p` markers for LastError.
import { js, rt, type Code } from "./codegen/code.js";
import { ModuleBuilder, type SectionCode } from "./codegen/module.js";
import { simplify, stmtsOf, tree, type Stmt } from "./codegen/tree.js";
import { compileExpression, type ExpectedType } from "./csharp/index.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { SectionLists } from "./compose.js";
import { isAsyncNode, lookupPolicy } from "./policies/registry.js";
import { ALL_SECTIONS, type EmitContext, type MessageTarget, type PolicyNode, type Section } from "./policies/types.js";
import type { XElement, XValue } from "./xml/parse.js";
import { forwardCall, forwardOnlyCall, type ForwardNode } from "./policies/forward-request.js";

/** Policies that read bodies themselves (conservative until each declares readsBody). */
const BODY_READERS: ReadonlySet<string> = new Set(["find-and-replace", "json-to-xml", "xml-to-json", "cache-lookup", "cache-store", "validate-content", "retry", "set-body"]);

const CONTEXT_REQUEST: MessageTarget = { kind: "request", code: js`ctx.Request`, local: false };
const CONTEXT_RESPONSE: MessageTarget = { kind: "response", code: js`ctx.Response`, local: false };

/** Emits the composed sections (see compose.ts) as section functions. */
export function emitSections(sections: SectionLists, builder: ModuleBuilder, diags: DiagnosticBag): SectionCode[] {
  const out: SectionCode[] = [];
  for (const section of ALL_SECTIONS) {
    const nodes = sections[section];
    if (!nodes || nodes.length === 0) continue;
    const ec = makeEmitContext(builder, diags, section, CONTEXT_REQUEST, CONTEXT_RESPONSE, nodes);
    const only = nodes.length === 1 ? nodes[0]! : null;
    if (section === "backend" && only && (only.policy === "base" || only.policy === "forward-request")) {
      // The usual backend section: just the forward. Returned, not awaited: no async wrapper.
      const node = only.policy === "base" ? null : (only as ForwardNode);
      const call = forwardOnlyCall(node, ec) ?? forwardCall(node, ec);
      const stmts: Stmt[] = [{ k: "mark", offset: only.el.offset }];
      if (only.index >= 0) stmts.push({ k: "index", index: only.index });
      stmts.push({ k: "return", value: call });
      out.push({ name: section, body: tree(stmts, true), async: false });
      continue;
    }
    if (section === "backend") {
      builder.graphqlResolvers = false;
      const body = ec.policies(resolversFirst(nodes));
      // set-graphql-resolver declared resolvers (here or in a choose): the query is executed if no forward-request did.
      if (builder.graphqlResolvers) out.push({ name: section, body: js`${body}\nawait ${rt("graphqlAnswer")}(ctx);`, async: true });
      else if (!body.isEmpty) out.push({ name: section, body, async: nodes.some(isAsyncNode) });
      continue;
    }
    const body = ec.policies(nodes);
    if (body.isEmpty) continue;
    out.push({ name: section, body, async: nodes.some(isAsyncNode) });
  }
  return out;
}

/**
 * set-graphql-resolver declarations first (the page: a resolver is "invoked only when a matching
 * GraphQL query is executed", wherever it is written), so a forward-request before them in the
 * document still executes the query with them; a policy holding declarations (a choose) moves with them.
 */
function resolversFirst(nodes: readonly PolicyNode[]): readonly PolicyNode[] {
  const declares = nodes.map((n) => holdsResolver(n.el));
  if (!declares.some(Boolean)) return nodes;
  return [...nodes.filter((_, i) => declares[i]), ...nodes.filter((_, i) => !declares[i])];
}

function holdsResolver(el: XElement): boolean {
  return el.name === "set-graphql-resolver" || el.children.some((c) => c.kind === "element" && holdsResolver(c));
}

function makeEmitContext(builder: ModuleBuilder, diags: DiagnosticBag, section: Section, request: MessageTarget, response: MessageTarget, sectionNodes: readonly PolicyNode[]): EmitContext {
  const ec: EmitContext = {
    scope: builder,
    diags,
    section,
    request,
    response,
    sectionNodes,
    value: (v, expected) => emitValue(v, expected, ec),
    policies: (nodes) => emitPolicies(nodes, ec),
    withTargets: (t, f) => f(makeEmitContext(builder, diags, section, t.request ?? request, t.response ?? response, sectionNodes)),
  };
  return ec;
}

function emitPolicies(nodes: readonly PolicyNode[], ec: EmitContext): Code {
  const out: Stmt[] = [];
  for (const node of nodes) {
    const def = lookupPolicy(node.policy);
    if (!def) continue;
    // Expression diagnostics go to the file the policy came from (a parent scope, a fragment).
    const nec = node.diags === ec.diags ? ec : makeEmitContext(ec.scope as ModuleBuilder, node.diags, ec.section, ec.request, ec.response, ec.sectionNodes);
    const code = def.emit(node, nec);
    if (def.readsBody?.(node) || BODY_READERS.has(node.policy)) (ec.scope as ModuleBuilder).readsBody = true;
    const stmts = stmtsOf(code);
    if (stmts.length === 0) continue;
    // `ctx.$p` tells the pipeline which policy failed, for LastError (Source, Path, PolicyId).
    // It also drives the request trace (gateway/host.ts traceContext): every policy gets one.
    out.push({ k: "mark", offset: node.el.offset });
    if (node.index >= 0) out.push({ k: "index", index: node.index });
    out.push(...stmts);
  }
  return tree(simplify(out, ec.scope), true);
}

/** A literal converted to what the attribute expects, or the compiled expression. */
function emitValue(v: XValue, expected: ExpectedType, ec: EmitContext): Code {
  if (v.kind === "literal") {
    const t = v.text;
    switch (expected) {
      case "bool":
        return js`${t.trim().toLowerCase() === "true"}`;
      case "int":
        return js`${Number(t.trim())}`;
      default:
        return js`${t}`;
    }
  }
  const r = compileExpression({ source: v.source, offsets: v.offsets, expected, diagnostics: ec.diags, scope: ec.scope });
  if (!r) return js`${rt("unreachable")}()`;
  // The binder saw a body read: the gateway then buffers bodies for this module.
  if (r.readsBody) (ec.scope as ModuleBuilder).readsBody = true;
  return r.code;
}

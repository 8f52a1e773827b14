// From the policy IR to module code: one section function each, `ctx.$p` markers for LastError.
import { js, mark, rt, type Code } from "./codegen/code.js";
import { ModuleBuilder, type SectionCode } from "./codegen/module.js";
import { compileExpression, type ExpectedType } from "./csharp/index.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { PolicyDocument } from "./document.js";
import { isAsyncNode, lookupPolicy } from "./policies/registry.js";
import { ALL_SECTIONS, type EmitContext, type MessageTarget, type PolicyNode, type Section } from "./policies/types.js";
import type { XValue } from "./xml/parse.js";

const CONTEXT_REQUEST: MessageTarget = { kind: "request", code: js`ctx.Request`, local: false };
const CONTEXT_RESPONSE: MessageTarget = { kind: "response", code: js`ctx.Response`, local: false };

/** A standalone document's missing section behaves like `<section><base/></section>` ([OPEN] 1). */
const IMPLICIT_BASE: Readonly<Record<Section, boolean>> = { inbound: false, backend: true, outbound: false, "on-error": false };

export function emitDocument(doc: PolicyDocument, builder: ModuleBuilder, diags: DiagnosticBag): SectionCode[] {
  const out: SectionCode[] = [];
  for (const section of ALL_SECTIONS) {
    let nodes = doc.sections[section];
    if (!nodes) {
      if (!IMPLICIT_BASE[section]) continue;
      nodes = [{ policy: "base", el: { kind: "element", name: "base", attrs: [], children: [], offset: 0, contentStart: 0, contentEnd: 0 }, index: -1, section }];
    }
    if (nodes.length === 0) continue;
    const ec = makeEmitContext(builder, diags, section, CONTEXT_REQUEST, CONTEXT_RESPONSE);
    const body = ec.policies(nodes);
    if (body.isEmpty) continue;
    out.push({ name: section === "on-error" ? "on-error" : section, body, async: nodes.some(isAsyncNode) });
  }
  return out;
}

function makeEmitContext(builder: ModuleBuilder, diags: DiagnosticBag, section: Section, request: MessageTarget, response: MessageTarget): EmitContext {
  const ec: EmitContext = {
    scope: builder,
    diags,
    section,
    request,
    response,
    value: (v, expected) => emitValue(v, expected, ec),
    policies: (nodes) => emitPolicies(nodes, ec),
    withTargets: (t, f) => f(makeEmitContext(builder, diags, section, t.request ?? request, t.response ?? response)),
  };
  return ec;
}

function emitPolicies(nodes: readonly PolicyNode[], ec: EmitContext): Code {
  let out = js``;
  for (const node of nodes) {
    const def = lookupPolicy(node.policy);
    if (!def) continue;
    const code = def.emit(node, ec);
    if (code.isEmpty) continue;
    // `ctx.$p` tells the pipeline which policy failed, for LastError (Source, Path, PolicyId).
    const marker = node.index >= 0 ? js`ctx.$p = ${node.index}; ` : js``;
    out = js`${out}${mark(node.el.offset)}${marker}${code}\n`;
  }
  return out;
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
  return r.code;
}

// set-body: literal text, an expression (string, JToken or byte[]), or a Liquid template (not yet).
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import { type EmitContext, type MessageTarget, type ParseContext, type PolicyDef, type PolicyNode } from "./types.js";
import { defaultTarget } from "./set-header.js";

export interface SetBodyNode extends PolicyNode {
  body: XValue;
  target: "request" | "response";
}

const ATTRS = {
  template: { expr: false, type: { enum: ["liquid", "none"] } },
  "xsi-nil": { expr: false, type: { enum: ["blank", "null"] } },
  "parse-date": { expr: false, type: "bool" },
} as const;

export const setBody: PolicyDef<SetBodyNode> = {
  name: "set-body",
  // [OPEN] 3: on-error is absent from the reference page's usage; we allow it, as the overview
  // recommends set-body for error responses.
  sections: ["inbound", "backend", "outbound", "on-error"],
  attributes: ATTRS,
  parse(el, pc, base) {
    return parseSetBody(el, pc, base, defaultTarget(pc.section));
  },
  emit(node, ec) {
    return emitSetBody(node, node.target === "request" ? ec.request : ec.response, ec);
  },
};

export function parseSetBody(el: XElement, pc: ParseContext, base: PolicyNode, target: "request" | "response"): SetBodyNode | null {
  const a = pc.attrs(el, ATTRS);
  if (a.template?.kind === "literal" && a.template.text.trim() === "liquid") {
    pc.diags.error(Codes.NotImplemented, a.template.offset, "set-body template=\"liquid\" is not implemented yet by apimc.");
    return null;
  }
  let body: XValue;
  if (el.children.some((c) => c.kind === "element")) {
    // Child XML elements are literal template text (the SOAP example): keep the source as written.
    body = { kind: "literal", text: pc.diags.lines.text.slice(el.contentStart, el.contentEnd), offset: el.contentStart };
  } else body = pc.text(el) ?? { kind: "literal", text: "", offset: el.contentStart };
  return { ...base, body, target };
}

export function emitSetBody(node: SetBodyNode, target: MessageTarget, ec: EmitContext): Code {
  if (node.body.kind === "literal") return js`${target.code}.Body = ${rt("bodyOf")}(${ec.scope.constant(js`${node.body.text}`, "body")});`;
  return js`${target.code}.Body = ${rt("bodyOf")}(${ec.value(node.body, "body")});`;
}

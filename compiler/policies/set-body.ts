// set-body: literal text, an expression (string, JToken or byte[]), or a Liquid template
// (template="liquid": checked at build time, parsed once when the module loads, rendered per
// request by runtime/liquid/liquid.ts against the message's body and `context`).
import { js, rt, type Code } from "../codegen/code.js";
import { liquidParse, LiquidSyntaxError } from "../../runtime/liquid/liquid.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import { type EmitContext, type MessageTarget, type ParseContext, type PolicyDef, type PolicyNode } from "./types.js";
import { defaultTarget } from "./set-header.js";

export interface SetBodyNode extends PolicyNode {
  body: XValue;
  target: "request" | "response";
  /** template="liquid": the body is a Liquid template (literal text). */
  liquid?: boolean;
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
  const liquid = a.template?.kind === "literal" && a.template.text.trim() === "liquid";
  let body: XValue;
  if (el.children.some((c) => c.kind === "element")) {
    // Child XML elements are literal template text (the SOAP example): keep the source as written.
    body = { kind: "literal", text: pc.diags.lines.text.slice(el.contentStart, el.contentEnd), offset: el.contentStart };
  } else body = pc.text(el) ?? { kind: "literal", text: "", offset: el.contentStart };
  if (liquid) {
    if (body.kind !== "literal") {
      pc.diags.error(Codes.MixedExpression, body.offset, "A Liquid template (template=\"liquid\") is literal text; it cannot be a policy expression.");
      return null;
    }
    try {
      liquidParse(body.text);
    } catch (e) {
      if (!(e instanceof LiquidSyntaxError)) throw e;
      pc.diags.error(Codes.InvalidLiteral, liquidOffset(pc, body.offset, body.text, e.offset), `Liquid: ${e.message}`);
      return null;
    }
  }
  return { ...base, body, target, liquid };
}

/** Document offset of a template offset (exact unless entities in the text shifted it). */
function liquidOffset(pc: ParseContext, start: number, text: string, at: number): number {
  const src = pc.diags.lines.text;
  return src.slice(start, start + text.length) === text ? start + at : start;
}

export function emitSetBody(node: SetBodyNode, target: MessageTarget, ec: EmitContext): Code {
  if (node.liquid && node.body.kind === "literal") {
    const template = ec.scope.constant(js`${rt("liquidParse")}(${node.body.text})`, "liquid");
    // Liquid inside return-response / send-request renders against no body (apim-semantics §4.10).
    const source = target.local ? js`null` : target.code;
    return js`${target.code}.Body = ${rt("liquidRender")}(ctx, ${template}, ${source});`;
  }
  // A literal body is encoded once, at module load; each request wraps the shared bytes.
  if (node.body.kind === "literal") return js`${target.code}.Body = ${rt("bodyOfBytes")}(${ec.scope.constant(js`${rt("utf8Bytes")}(${node.body.text})`, "body")});`;
  return js`${target.code}.Body = ${rt("bodyOf")}(${ec.value(node.body, "body")});`;
}

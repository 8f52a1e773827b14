// xml-to-json: converts an XML body to JSON (the request in inbound, the response in outbound and
// on-error) and sets Content-Type: application/json. Attributes (no expressions):
// - kind (required): "direct" (Newtonsoft's SerializeXmlNode: "@attr", "#text", "?xml", prefixes
//   kept) or "javascript-friendly" (no declaration, no namespaces, attributes as plain properties).
// - apply (required): "always", or "content-type-xml" to convert only a body whose Content-Type is
//   XML (application/xml, text/xml, *+xml).
// - consider-accept-header (default true): convert only if the request's Accept header allows JSON
//   (absent, */*, or a JSON type).
// - always-array-child-elements (default false): child elements are always arrays.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { literalBool } from "./values.js";
import { defaultTarget } from "./set-header.js";
import { specConstant } from "./state-common.js";

export interface XmlToJsonNode extends PolicyNode {
  options: { kind: string; apply: string; considerAccept: boolean; alwaysArrayChildElements: boolean };
  target: "request" | "response";
}

export const xmlToJson: PolicyDef<XmlToJsonNode> = {
  name: "xml-to-json",
  sections: ["inbound", "outbound", "on-error"],
  attributes: {
    kind: { required: true, expr: false, type: { enum: ["javascript-friendly", "direct"] } },
    apply: { required: true, expr: false, type: { enum: ["always", "content-type-xml"] } },
    "consider-accept-header": { expr: false, type: "bool" },
    "always-array-child-elements": { expr: false, type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<xml-to-json> takes no child elements."));
    if (!a.kind || !a.apply || a.kind.kind !== "literal" || a.apply.kind !== "literal") return null;
    const options = {
      kind: a.kind.text.trim(),
      apply: a.apply.text.trim(),
      considerAccept: literalBool(a["consider-accept-header"], true),
      alwaysArrayChildElements: literalBool(a["always-array-child-elements"], false),
    };
    return { ...base, options, target: defaultTarget(pc.section) };
  },
  emit(node, ec) {
    return js`await ${rt("xmlToJsonBody")}(ctx, ${node.target}, ${specConstant(ec, node.options, "xmlToJson")});`;
  },
  isAsync: () => true,
  readsBody: () => true,
};

// json-to-xml: converts a JSON body to XML (the request in inbound, the response in outbound and
// on-error) and sets Content-Type: application/xml. Attributes (no expressions):
// - apply (required): "always", or "content-type-json" to convert only a body whose Content-Type
//   is JSON (application/json, text/json, *+json).
// - consider-accept-header (default true): convert only if the request's Accept header allows XML
//   (absent, */*, or an XML type) [infer: the page says "if XML is requested"].
// - parse-date (default true): ISO 8601 date-time strings are written as .NET writes a DateTime
//   (2024-01-02T03:04:05Z); false copies them as they are.
// - namespace-separator: in property names, separates a namespace prefix from the local name
//   ("ns:item" with ":" → <ns:item>); without it, such characters are encoded (_x003A_).
// - namespace-prefix: properties named <prefix><separator>p in an attribute block declare xmlns:p.
// - attribute-block-name: a property with this name holds the attributes of its parent element.
// The conversion is Newtonsoft's with a <Document> root (see runtime/transform/convert.ts).
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { literalBool } from "./values.js";
import { defaultTarget } from "./set-header.js";
import { specConstant } from "./state-common.js";

export interface JsonToXmlNode extends PolicyNode {
  options: { apply: string; considerAccept: boolean; parseDate: boolean; namespaceSeparator: string | null; namespacePrefix: string | null; attributeBlockName: string | null };
  target: "request" | "response";
}

export const jsonToXml: PolicyDef<JsonToXmlNode> = {
  name: "json-to-xml",
  sections: ["inbound", "outbound", "on-error"],
  attributes: {
    apply: { required: true, expr: false, type: { enum: ["always", "content-type-json"] } },
    "consider-accept-header": { expr: false, type: "bool" },
    "parse-date": { expr: false, type: "bool" },
    "namespace-separator": { expr: false },
    "namespace-prefix": { expr: false },
    "attribute-block-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<json-to-xml> takes no child elements."));
    const text = (k: string): string | null => {
      const v = a[k];
      if (!v || v.kind !== "literal") return null;
      if (v.text === "") pc.diags.error(Codes.InvalidLiteral, v.offset, `'${k}' of <json-to-xml> must not be empty.`);
      return v.text === "" ? null : v.text;
    };
    const options = {
      apply: a.apply?.kind === "literal" ? a.apply.text.trim() : "always",
      considerAccept: literalBool(a["consider-accept-header"], true),
      parseDate: literalBool(a["parse-date"], true),
      namespaceSeparator: text("namespace-separator"),
      namespacePrefix: text("namespace-prefix"),
      attributeBlockName: text("attribute-block-name"),
    };
    if (options.namespacePrefix && !options.namespaceSeparator)
      pc.diags.warning(Codes.InvalidLiteral, a["namespace-prefix"]!.offset, "'namespace-prefix' of <json-to-xml> has no effect without 'namespace-separator'.");
    if (!a.apply) return null;
    return { ...base, options, target: defaultTarget(pc.section) };
  },
  emit(node, ec) {
    return js`await ${rt("jsonToXmlBody")}(ctx, ${node.target}, ${specConstant(ec, node.options, "jsonToXml")});`;
  },
  isAsync: () => true,
  readsBody: () => true,
};

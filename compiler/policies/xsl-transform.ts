// xsl-transform: `<parameter parameter-name|name="...">value</parameter>`* then one
// `<xsl:stylesheet>` (or `<xsl:transform>`) in the XSLT namespace, applied to the request body
// (inbound) or the response body (outbound); see runtime/transform/xslt.ts. The stylesheet is the
// element's source text as written (a literal: expressions in it are not evaluated), checked here by
// parsing it with the runtime's XML parser.
import { js, rt, dataLiteral, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { xslStylesheet, type XslOutput } from "../../runtime/transform/xslt.js";

const XSLT_NS = "http://www.w3.org/1999/XSL/Transform";

export interface XslTransformNode extends PolicyNode {
  stylesheet: string;
  output: XslOutput;
  params: { name: string; value: XValue }[];
  target: "request" | "response";
}

/** The namespace declarations in scope at `el` from the policy document's ancestors are not carried: the stylesheet must declare its own. */
function declaresXslt(el: XElement, prefix: string): boolean {
  const attr = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  return el.attrs.some((a) => a.name === attr && a.value.kind === "literal" && a.value.text === XSLT_NS);
}

export const xslTransform: PolicyDef<XslTransformNode> = {
  name: "xsl-transform",
  sections: ["inbound", "outbound"],
  attributes: {},
  readsBody: () => true,
  parse(el, pc, base) {
    pc.attrs(el, this.attributes);
    const params: XslTransformNode["params"] = [];
    let sheet: XElement | null = null;
    for (const c of pc.elements(el)) {
      const [prefix, local] = c.name.includes(":") ? c.name.split(":", 2) as [string, string] : ["", c.name];
      if (c.name === "parameter") {
        if (sheet) pc.diags.warning(Codes.UnexpectedChild, c.offset, "<parameter> should come before the stylesheet (the order of the reference page).");
        const a = pc.attrs(c, { "parameter-name": { expr: false }, name: { expr: false } });
        const given = a["parameter-name"] ?? a.name;
        if (a["parameter-name"] && a.name) pc.diags.error(Codes.InvalidLiteral, c.offset, "<parameter> takes 'parameter-name' (or 'name', as the reference page's example writes it), not both.");
        if (!given) {
          pc.diags.error(Codes.MissingAttribute, c.offset, "<parameter> needs 'parameter-name': the name of the stylesheet's <xsl:param>.");
          continue;
        }
        const name = given.kind === "literal" ? given.text.trim() : "";
        if (name === "") {
          pc.diags.error(Codes.InvalidLiteral, given.offset, "The parameter's name cannot be empty.");
          continue;
        }
        const v = pc.text(c) ?? { kind: "literal" as const, text: "", offset: c.offset };
        params.push({ name, value: v as XValue });
      } else if ((local === "stylesheet" || local === "transform") && prefix !== "") {
        if (sheet) {
          pc.diags.error(Codes.DuplicateChild, c.offset, "<xsl-transform> takes one stylesheet.");
          continue;
        }
        if (!declaresXslt(c, prefix)) {
          pc.diags.error(Codes.InvalidLiteral, c.offset, `<${c.name}> must declare xmlns:${prefix}="${XSLT_NS}" (XSLT 1.0).`);
          continue;
        }
        sheet = c;
      } else pc.diags.error(Codes.UnexpectedChild, c.offset, `<xsl-transform> takes <parameter> elements and one <xsl:stylesheet>, not <${c.name}>.`);
    }
    if (!sheet) {
      if (!el.children.some((c) => c.kind === "element" && /(^|:)(stylesheet|transform)$/.test(c.name))) pc.diags.error(Codes.MissingChild, el.offset, `<xsl-transform> needs an <xsl:stylesheet version="1.0" xmlns:xsl="${XSLT_NS}">.`);
      return null;
    }
    const text = pc.diags.lines.text;
    const source = text.slice(sheet.offset, text.indexOf(">", sheet.contentEnd) + 1);
    try {
      xslStylesheet(source);
    } catch (e) {
      pc.diags.error(Codes.InvalidLiteral, sheet.offset, `The stylesheet cannot be read: ${(e as Error).message}`);
      return null;
    }
    const out = sheet.children.find((c): c is XElement => c.kind === "element" && c.name === `${sheet!.name.split(":")[0]}:output`);
    const attr = (n: string) => {
      const a = out?.attrs.find((x) => x.name === n)?.value;
      return a?.kind === "literal" ? a.text.trim() : null;
    };
    const output: XslOutput = { method: attr("method"), omitDeclaration: attr("omit-xml-declaration") === "yes", indent: attr("indent") === "yes" };
    return { ...base, stylesheet: source, output, params, target: pc.section === "inbound" ? "request" : "response" };
  },
  emit(node, ec) {
    const sheet = ec.scope.constant(js`${node.stylesheet}`, "stylesheet");
    const params = node.params.reduce<Code | null>((acc, p) => {
      const item = js`[${p.name}, ${ec.value(p.value, "string")}]`;
      return acc ? js`${acc}, ${item}` : item;
    }, null);
    return js`await ${rt("xslTransform")}(ctx, ${node.target}, ${sheet}, [${params ?? js``}], ${dataLiteral(node.output)});`;
  },
  isAsync: () => true,
};

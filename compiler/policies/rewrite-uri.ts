// rewrite-uri: the request's path and query become the template's, `{name}` taken from the
// operation's matched parameters; copy-unmatched-params (default true) keeps the query parameters
// the operation's URL template does not name. A literal template is parsed here, at compile time,
// and reaches the module as a hoisted constant; an expression template is parsed per request.
import { js, rt, dataLiteral } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { parseUriTemplate, uriTemplateParameters, type UriTemplate } from "../../runtime/traffic/uri.js";

export interface RewriteUriNode extends PolicyNode {
  template: XValue;
  parsed: UriTemplate | null;
  copyUnmatched: XValue | undefined;
}

export const rewriteUri: PolicyDef<RewriteUriNode> = {
  name: "rewrite-uri",
  sections: ["inbound"],
  attributes: {
    template: { required: true },
    "copy-unmatched-params": { type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<rewrite-uri> takes no child elements."));
    if (!a.template) return null;
    let parsed: UriTemplate | null = null;
    // A named value left as written (no value at build time, already a warning) is parsed at run time.
    if (a.template.kind === "literal" && !KNOWN_LATER.test(a.template.text)) {
      const r = parseUriTemplate(a.template.text);
      if ("error" in r) {
        pc.diags.error(Codes.InvalidLiteral, a.template.offset, `Invalid rewrite-uri template: ${r.error}`);
        return null;
      }
      parsed = r.template;
      // Known in gateway builds (and runPolicy given a urlTemplate): the reference's "You cannot add
      // extra template path parameters in the rewrite URL".
      const op = pc.state.operation;
      if (op)
        for (const name of new Set(uriTemplateParameters(parsed)))
          if (!op.parameters.has(name)) {
            const at = a.template.text.search(new RegExp(`\\{\\s*\\*?${name.replace(/[.\-]/g, "\\$&")}\\s*\\}`));
            const defined = [...op.parameters].map((p) => `{${p}}`).join(", ");
            pc.diags.error(
              Codes.UnknownTemplateParameter,
              a.template.offset + Math.max(0, at),
              `rewrite-uri names the template parameter '{${name}}', which the operation's URL template '${op.urlTemplate}' does not define (${defined ? `it defines ${defined}` : "it defines none"}). rewrite-uri can use only the operation's template parameters.`,
            );
          }
    }
    return { ...base, template: a.template, parsed, copyUnmatched: a["copy-unmatched-params"] };
  },
  emit(node, ec) {
    const c = node.copyUnmatched;
    const copy = !c ? js`true` : c.kind === "literal" ? js`${c.text.trim().toLowerCase() === "true"}` : js`${ec.value(c, "bool")} === true`;
    if (node.parsed) {
      const t = ec.scope.constant(js`Object.freeze(${dataLiteral(node.parsed)})`, "uriTemplate");
      return js`${rt("rewriteUri")}(ctx, ${t}, ${copy});`;
    }
    const t = node.template.kind === "literal" ? js`${node.template.text}` : ec.value(node.template, "string");
    return js`${rt("rewriteUriDynamic")}(ctx, ${t}, ${copy});`;
  },
};

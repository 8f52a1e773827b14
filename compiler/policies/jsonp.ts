// jsonp: wraps a JSON response in a call of the function named by the request's callback query
// parameter (see runtime/security/jsonp.ts). Outbound only; reads the response body.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface JsonpNode extends PolicyNode {
  parameter: XValue;
}

export const jsonp: PolicyDef<JsonpNode> = {
  name: "jsonp",
  sections: ["outbound"],
  attributes: { "callback-parameter-name": { required: true } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<jsonp> takes no child elements."));
    if (pc.state.table.some((m, i) => i < base.index && m.name === "jsonp" && m.section === pc.section && m.scope === pc.state.scope))
      pc.diags.warning(Codes.DuplicateChild, el.offset, "<jsonp> can only be used once in a policy section.");
    const p = a["callback-parameter-name"];
    if (!p) return null;
    if (p.kind === "literal") {
      p.text = p.text.trim();
      if (p.text === "") {
        pc.diags.error(Codes.InvalidLiteral, p.offset, "'callback-parameter-name' cannot be empty.");
        return null;
      }
    }
    return { ...base, parameter: p };
  },
  emit(node, ec) {
    return js`${rt("jsonp")}(ctx, ${ec.value(node.parameter, "string")});`;
  },
  readsBody: () => true,
};

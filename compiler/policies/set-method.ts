// set-method: the HTTP method of the request sent to the backend (element text; a literal is
// checked here, an expression's value at run time).
import { js, rt } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface SetMethodNode extends PolicyNode {
  method: XValue;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const setMethod: PolicyDef<SetMethodNode> = {
  name: "set-method",
  sections: ["inbound", "on-error"],
  attributes: {},
  parse(el, pc, base) {
    pc.attrs(el, this.attributes);
    const v = pc.text(el);
    if (!v || (v.kind === "literal" && v.text.trim() === "")) {
      pc.diags.error(Codes.MissingChild, el.offset, "<set-method> needs an HTTP method as its text, e.g. <set-method>POST</set-method>.");
      return null;
    }
    if (v.kind === "literal" && !KNOWN_LATER.test(v.text)) {
      v.text = v.text.trim();
      if (!TOKEN.test(v.text)) {
        pc.diags.error(Codes.InvalidLiteral, v.offset, `'${v.text}' is not an HTTP method.`);
        return null;
      }
      if (v.text !== v.text.toUpperCase())
        pc.diags.warning(Codes.InvalidLiteral, v.offset, `HTTP methods are case-sensitive: '${v.text}' is sent as written (did you mean '${v.text.toUpperCase()}'?).`);
    }
    return { ...base, method: v };
  },
  emit(node, ec) {
    const m = node.method;
    if (m.kind === "literal") m.text = m.text.trim();
    return m.kind === "literal" ? js`${ec.request.code}.Method = ${m.text};` : js`${ec.request.code}.Method = ${rt("httpMethodValue")}(${ec.value(m, "string")});`;
  },
};

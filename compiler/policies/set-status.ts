// set-status: the status code and reason of the response (the context's, or return-response's).
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type EmitContext, type PolicyDef, type PolicyNode } from "./types.js";

export interface SetStatusNode extends PolicyNode {
  code: XValue;
  reason: XValue | undefined;
}

export const setStatus: PolicyDef<SetStatusNode> = {
  name: "set-status",
  sections: ALL_SECTIONS,
  attributes: { code: { required: true, type: "int" }, reason: {} },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, `<set-status> takes no child elements.`));
    if (!a.code) return null;
    if (a.code.kind === "literal") {
      const n = Number(a.code.text.trim());
      if (Number.isInteger(n) && (n < 100 || n > 599)) pc.diags.error(Codes.InvalidLiteral, a.code.offset, `Status code ${n} is outside 100-599.`);
    }
    return { ...base, code: a.code, reason: a.reason };
  },
  emit(node, ec) {
    return emitSetStatus(node, ec);
  },
};

export function emitSetStatus(node: SetStatusNode, ec: EmitContext): Code {
  const r = ec.response.code;
  // A computed code is range-checked at run time; a literal one was checked at compile time.
  const code = node.code.kind === "literal" ? js`${Number(node.code.text.trim())}` : js`${rt("checkStatusCode")}(${ec.value(node.code, "int")})`;
  const reason = !node.reason ? js`""` : node.reason.kind === "literal" ? js`${node.reason.text}` : js`(${ec.value(node.reason, "string")} ?? "")`;
  return js`${r}.StatusCode = ${code}; ${r}.StatusReason = ${reason};`;
}

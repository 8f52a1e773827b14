// validate-status-code: the response's status code against the operation's responses in the
// API's specification (runtime/validation/status-code.ts). The specified codes are read at build
// time and emitted as data.
import { js, rt, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { ACTION, actionCode, contractFor, errorsVariableOf } from "../validation/specification.js";

export interface ValidateStatusCodeNode extends PolicyNode {
  unspecified: XValue;
  errorsVariable: string | null;
  codes: string[];
  overrides: [number, string][];
}

export const validateStatusCode: PolicyDef<ValidateStatusCodeNode> = {
  name: "validate-status-code",
  sections: ["outbound", "on-error"],
  attributes: {
    "unspecified-status-code-action": { required: true, type: ACTION },
    "errors-variable-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const overrides = new Map<number, string>();
    for (const c of pc.elements(el)) {
      if (c.name !== "status-code") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-status-code> takes <status-code> children, not <${c.name}>.`);
        continue;
      }
      const s = pc.attrs(c, { code: { required: true, expr: false, type: "int" }, action: { required: true, expr: false, type: ACTION } });
      pc.elements(c).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<status-code> takes no child elements."));
      if (s.code?.kind !== "literal" || s.action?.kind !== "literal") continue;
      const code = Number(s.code.text.trim());
      if (!Number.isInteger(code) || code < 100 || code > 599) {
        pc.diags.error(Codes.InvalidLiteral, s.code.offset, `'${s.code.text.trim()}' is not an HTTP status code (100-599).`);
        continue;
      }
      if (overrides.has(code)) pc.diags.warning(Codes.DuplicateChild, c.offset, `Status code ${code} is listed twice; the last <status-code> wins.`);
      overrides.set(code, s.action.text.trim());
    }
    const errorsVariable = errorsVariableOf(pc, a["errors-variable-name"]);
    const contract = contractFor(pc, el);
    const unspecified = a["unspecified-status-code-action"];
    if (!unspecified || !contract) return null;
    return { ...base, unspecified, errorsVariable, codes: Object.keys(contract.responses), overrides: [...overrides] };
  },
  emit(node, ec) {
    const contract = ec.scope.constant(js`${dataLiteral({ codes: node.codes })}`, "statusCodes");
    const overrides = ec.scope.constant(js`new Map(${dataLiteral(node.overrides)})`, "statusActions");
    return js`${rt("validateStatusCode")}(ctx, ${contract}, ${actionCode(node.unspecified, ec)}, ${overrides}, ${node.errorsVariable});`;
  },
};

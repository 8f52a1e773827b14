// check-header: the request must carry a header (with one of the listed values). A failure is a
// policy error with LastError.Reason HeaderNotFound / HeaderValueNotAllowed and the status
// failed-check-httpcode; it goes through on-error, and without one the client gets
// {"statusCode": code, "message": failed-check-error-message, ...} (see runtime checkHeader).
import { js, rt, type Code } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface CheckHeaderNode extends PolicyNode {
  name: XValue;
  code: XValue;
  message: XValue;
  ignoreCase: XValue;
  values: XValue[];
}

export const checkHeader: PolicyDef<CheckHeaderNode> = {
  name: "check-header",
  sections: ["inbound"],
  attributes: {
    name: { required: true },
    "failed-check-httpcode": { required: true, type: "int" },
    "failed-check-error-message": { required: true },
    "ignore-case": { required: true, type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const values: XValue[] = [];
    for (const child of pc.elements(el)) {
      if (child.name !== "value") {
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<check-header> takes only <value> children, not <${child.name}>.`);
        continue;
      }
      pc.attrs(child, {});
      const v = pc.text(child) ?? { kind: "literal" as const, text: "", offset: child.offset };
      if (v.kind === "literal") v.text = v.text.trim();
      values.push(v);
    }
    const code = a["failed-check-httpcode"];
    if (!a.name || !code || !a["failed-check-error-message"] || !a["ignore-case"]) return null;
    if (a.name.kind === "literal") {
      a.name.text = a.name.text.trim();
      if (!isToken(a.name.text) && !KNOWN_LATER.test(a.name.text)) pc.diags.error(Codes.InvalidLiteral, a.name.offset, `'${a.name.text}' is not a valid HTTP header name.`);
    }
    if (code.kind === "literal") {
      const n = Number(code.text.trim());
      if (Number.isInteger(n) && (n < 100 || n > 599)) pc.diags.error(Codes.InvalidLiteral, code.offset, `Status code ${n} is outside 100-599.`);
    }
    return { ...base, name: a.name, code, message: a["failed-check-error-message"], ignoreCase: a["ignore-case"], values };
  },
  emit(node, ec) {
    const lit = (v: XValue, t: "string" | "int" | "bool"): Code => ec.value(v, t);
    const values = node.values.every((v) => v.kind === "literal")
      ? ec.scope.constant(js`Object.freeze(${node.values.map((v) => (v.kind === "literal" ? v.text : ""))})`, "headerValues")
      : js`[${node.values.map((v) => lit(v, "string")).reduce<Code | null>((acc, c) => (acc ? js`${acc}, ${c}` : c), null) ?? js``}]`;
    const name = node.name.kind === "literal" ? js`${node.name.text}` : lit(node.name, "string");
    return js`${rt("checkHeader")}(ctx, ${name}, ${lit(node.code, "int")}, ${lit(node.message, "string")}, ${lit(node.ignoreCase, "bool")}, ${values});`;
  },
};

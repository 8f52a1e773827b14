// authentication-basic: sets the Authorization header of the backend request to Basic
// base64(username:password). Literal credentials compile to a hoisted header entry.
import { js, rt } from "../codegen/code.js";
import { headerOp } from "../codegen/names.js";
import { Codes } from "../diagnostics.js";
import { hasSecretMarker } from "../named-values.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface AuthenticationBasicNode extends PolicyNode {
  username: XValue;
  password: XValue;
}

export const authenticationBasic: PolicyDef<AuthenticationBasicNode> = {
  name: "authentication-basic",
  sections: ["inbound"],
  attributes: { username: { required: true }, password: { required: true } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<authentication-basic> takes no child elements."));
    // "This policy can only be used once in a policy section" (reference page): earlier entries of
    // this document's section in the module's policy table.
    if (pc.state.table.some((m, i) => i < base.index && m.name === "authentication-basic" && m.section === pc.section && m.scope === pc.state.scope))
      pc.diags.warning(Codes.DuplicateChild, el.offset, "<authentication-basic> can only be used once in a policy section; the last one wins.");
    if (!a.username || !a.password) return null;
    if (a.username.kind === "literal" && a.username.text.includes(":"))
      pc.diags.error(Codes.InvalidLiteral, a.username.offset, "A Basic username cannot contain ':' (the backend would split the credentials there).");
    return { ...base, username: a.username, password: a.password };
  },
  emit(node, ec) {
    const h = js`${ec.request.code}.Headers`;
    const { username: u, password: p } = node;
    if (u.kind === "literal" && p.kind === "literal" && (hasSecretMarker(u.text) || hasSecretMarker(p.text))) {
      // A secret named value is known when the module loads: the header entry is made then.
      const entry = ec.scope.constant(js`Object.freeze({ name: "Authorization", values: Object.freeze([${rt("basicAuthorization")}(${u.text}, ${p.text})]) })`, "authorization");
      return js`${headerOp(h, "set", js`"authorization"`, entry)};`;
    }
    if (u.kind === "literal" && p.kind === "literal") {
      const value = `Basic ${Buffer.from(`${u.text}:${p.text}`, "utf8").toString("base64")}`;
      const entry = ec.scope.constant(js`Object.freeze({ name: "Authorization", values: Object.freeze([${value}]) })`, "authorization");
      return js`${headerOp(h, "set", js`"authorization"`, entry)};`;
    }
    return js`${h}.setValues("Authorization", [${rt("basicAuthorization")}(${ec.value(u, "string")}, ${ec.value(p, "string")})]);`;
  },
};

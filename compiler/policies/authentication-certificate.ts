// authentication-certificate (inbound): the client certificate forward-request presents to the
// backend, by thumbprint or certificate-id (registered with the runtime's configureCertificates)
// or inline as a PKCS#12 `body` (byte[] or base64) with an optional password. The forwarding
// host then sends the request through that certificate's TLS agent, with the request body
// buffered (the module asks the gateway to buffer bodies) and without following redirects.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { KNOWN_LATER } from "./values.js";

export interface AuthenticationCertificateNode extends PolicyNode {
  thumbprint: XValue | undefined;
  certificateId: XValue | undefined;
  body: XValue | undefined;
  password: XValue | undefined;
}

export const authenticationCertificate: PolicyDef<AuthenticationCertificateNode> = {
  name: "authentication-certificate",
  sections: ["inbound"],
  attributes: { thumbprint: {}, "certificate-id": {}, body: {}, password: {} },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<authentication-certificate> takes no child elements."));
    const given = (["thumbprint", "certificate-id", "body"] as const).filter((n) => a[n]);
    if (given.length === 0) {
      if (!el.attrs.some((x) => x.name === "thumbprint" || x.name === "certificate-id" || x.name === "body"))
        pc.diags.error(Codes.MissingAttribute, el.offset, "<authentication-certificate> needs 'thumbprint', 'certificate-id' or 'body'.");
      return null;
    }
    if (given.length > 1) {
      pc.diags.error(Codes.InvalidLiteral, a[given[1]!]!.offset, `<authentication-certificate> takes one of 'thumbprint', 'certificate-id' and 'body', not both '${given[0]}' and '${given[1]}'.`);
      return null;
    }
    const t = a.thumbprint;
    if (t?.kind === "literal") {
      const hex = t.text.replace(/[\s:]/g, "");
      if (!KNOWN_LATER.test(t.text) && !/^[0-9A-Fa-f]{40}$/.test(hex))
        pc.diags.error(Codes.InvalidLiteral, t.offset, `'${t.text}' is not a certificate thumbprint (40 hexadecimal digits, the SHA-1 of the certificate).`);
    }
    for (const n of ["certificate-id", "body"] as const) {
      const v = a[n];
      if (v?.kind === "literal" && v.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, v.offset, `'${n}' cannot be empty.`);
    }
    const b = a.body;
    if (b?.kind === "literal" && !KNOWN_LATER.test(b.text) && !/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(b.text))
      pc.diags.error(Codes.InvalidLiteral, b.offset, "A literal 'body' must be the base64 of a PKCS#12 (PFX) certificate.");
    if (a.password && !b) pc.diags.warning(Codes.InvalidLiteral, a.password.offset, "'password' is used only with 'body'; it is ignored here.");
    return { ...base, thumbprint: a.thumbprint, certificateId: a["certificate-id"], body: b, password: a.password };
  },
  emit(node, ec) {
    const opt = (v: XValue | undefined, t: "string" | "any"): Code => (!v ? js`null` : v.kind === "literal" ? js`${v.text.trim()}` : ec.value(v, t));
    return js`${rt("authenticationCertificate")}(ctx, ${opt(node.thumbprint, "string")}, ${opt(node.certificateId, "string")}, ${opt(node.body, "any")}, ${!node.password ? js`null` : node.password.kind === "literal" ? js`${node.password.text}` : ec.value(node.password, "string")});`;
  },
  // Forwarding with a certificate sends a buffered request body.
  readsBody: () => true,
};

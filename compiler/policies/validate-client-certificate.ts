// validate-client-certificate: the certificate the client presented over TLS
// (context.Request.Certificate; gateway.json `listen.tls` with `requestClientCertificate`) must pass
// the top-level rules (trust against listen.tls.ca, not-before, not-after) and match every claim
// of at least one <identity>. Failure: 401 and on-error (runtime/security/client-certificate.ts),
// or, with ignore-error="true", the next policy. Attributes take no expressions (reference page).
import { dataLiteral, js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import type { CertificateIdentity, ClientCertificateRules } from "../../runtime/security/client-certificate.js";

export interface ValidateClientCertificateNode extends PolicyNode {
  rules: ClientCertificateRules;
}

const IDENTITY_ATTRIBUTES = ["thumbprint", "serial-number", "common-name", "subject", "dns-name", "issuer-subject", "issuer-thumbprint", "issuer-certificate-id"] as const;
const flag = { expr: false, type: "bool" } as const;

export const validateClientCertificate: PolicyDef<ValidateClientCertificateNode> = {
  name: "validate-client-certificate",
  sections: ["inbound"],
  attributes: { "validate-revocation": flag, "validate-trust": flag, "validate-not-before": flag, "validate-not-after": flag, "ignore-error": flag },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const on = (name: string, dflt: boolean) => {
      const v = a[name];
      return v?.kind === "literal" ? v.text.trim().toLowerCase() === "true" : dflt;
    };
    const identities: CertificateIdentity[] = [];
    let seenIdentities = false;
    for (const c of pc.elements(el)) {
      if (c.name !== "identities") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-client-certificate> takes one <identities> child, not <${c.name}>.`);
        continue;
      }
      if (seenIdentities) pc.diags.error(Codes.UnexpectedChild, c.offset, "<validate-client-certificate> takes one <identities> element.");
      seenIdentities = true;
      pc.attrs(c, {});
      for (const i of pc.elements(c)) {
        if (i.name !== "identity") {
          pc.diags.error(Codes.UnexpectedChild, i.offset, `<identities> takes <identity> children, not <${i.name}>.`);
          continue;
        }
        const ia = pc.attrs(i, Object.fromEntries(IDENTITY_ATTRIBUTES.map((n) => [n, { expr: false }])));
        pc.elements(i).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<identity> takes no child elements."));
        const id: CertificateIdentity = {};
        for (const n of IDENTITY_ATTRIBUTES) {
          const v = ia[n];
          if (v?.kind === "literal" && v.text.trim() !== "") (id as Record<string, string>)[n] = v.text.trim();
        }
        if (Object.keys(id).length === 0) pc.diags.error(Codes.MissingAttribute, i.offset, `<identity> needs at least one claim: ${IDENTITY_ATTRIBUTES.join(", ")}.`);
        if (id["issuer-certificate-id"] && (id["issuer-subject"] || id["issuer-thumbprint"]))
          pc.diags.error(Codes.InvalidLiteral, i.offset, "'issuer-certificate-id' excludes the other issuer claims (issuer-subject, issuer-thumbprint): the reference page makes them mutually exclusive.");
        identities.push(id);
      }
    }
    return {
      ...base,
      rules: {
        revocation: on("validate-revocation", true),
        trust: on("validate-trust", true),
        notBefore: on("validate-not-before", true),
        notAfter: on("validate-not-after", true),
        ignoreError: on("ignore-error", false),
        identities,
      },
    };
  },
  emit(node, ec) {
    const rules = ec.scope.constant(js`Object.freeze(${dataLiteral(node.rules)})`, "clientCertificateRules");
    return js`${rt("validateClientCertificate")}(ctx, ${rules});`;
  },
};

// validate-client-certificate at run time: context.Request.Certificate (set by the gateway for a
// TLS connection whose client sent a certificate: gateway/listen-tls.ts) against the top-level
// rules and the identities. Revocation is not checked (no online revocation lists here: README).
import { X509Certificate as NodeX509, createHash } from "node:crypto";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { configuredCertificate } from "../http.js";

/** What the TLS handshake told about a client certificate (kept on it as `$facts`). */
export interface ClientCertificateFacts {
  /** Its chain verified against listen.tls.ca (or the system's CAs). */
  trusted: boolean;
  trustError: string | null;
  /** Its issuer's certificate, DER, when the client sent the chain or the CA is known. */
  issuerDer: Buffer | null;
}

export interface CertificateIdentity {
  thumbprint?: string;
  "serial-number"?: string;
  "common-name"?: string;
  subject?: string;
  "dns-name"?: string;
  "issuer-subject"?: string;
  "issuer-thumbprint"?: string;
  "issuer-certificate-id"?: string;
}

export interface ClientCertificateRules {
  revocation: boolean;
  trust: boolean;
  notBefore: boolean;
  notAfter: boolean;
  ignoreError: boolean;
  identities: CertificateIdentity[];
}

type CertLike = { RawData: Uint8Array; $facts?: ClientCertificateFacts };

/** The facts of a certificate made from a TLS connection, or null for one made another way. */
export function certificateFacts(c: unknown): ClientCertificateFacts | null {
  return (c as { $facts?: ClientCertificateFacts } | null)?.$facts ?? null;
}

const hex = (s: string) => s.replace(/[^0-9a-f]/gi, "").toUpperCase();
const serial = (s: string) => hex(s).replace(/^0+(?=.)/, "");

/** A distinguished name as comparable parts: `CN=a, O="b, c"` (.NET, quoted values) or node's `CN=a\nO=b, c`. */
function dnParts(dn: string, nodeForm: boolean): string[] {
  const parts: string[] = [];
  if (nodeForm) parts.push(...dn.split("\n"));
  else {
    let cur = "";
    let quoted = false;
    for (const ch of dn) {
      if (ch === '"') quoted = !quoted;
      else if ((ch === "," || ch === ";") && !quoted) {
        parts.push(cur);
        cur = "";
        continue;
      }
      cur += ch;
    }
    parts.push(cur);
  }
  const alias: Record<string, string> = { s: "st", e: "emailaddress", email: "emailaddress" };
  return parts
    .map((p) => {
      const i = p.indexOf("=");
      if (i < 0) return p.trim().toLowerCase();
      const k = p.slice(0, i).trim().toLowerCase();
      const v = p.slice(i + 1).trim().replace(/^"(.*)"$/s, "$1").replace(/""/g, '"');
      return `${alias[k] ?? k}=${v.toLowerCase()}`;
    })
    .filter((p) => p !== "")
    .sort();
}
const sameDn = (written: string, nodeDn: string) => {
  const a = dnParts(written, false);
  const b = dnParts(nodeDn, true);
  return a.length === b.length && a.every((x, i) => x === b[i]);
};
const commonName = (nodeDn: string) => nodeDn.split("\n").find((l) => l.startsWith("CN="))?.slice(3) ?? null;
const dnsNames = (x: NodeX509) => (x.subjectAltName ?? "").split(/,\s*/).filter((e) => e.startsWith("DNS:")).map((e) => e.slice(4).toLowerCase());

/** Why this identity does not match, or null when every claim it has does. */
function mismatch(id: CertificateIdentity, x: NodeX509, facts: ClientCertificateFacts | null): string | null {
  if (id.thumbprint !== undefined && hex(id.thumbprint) !== hex(x.fingerprint)) return "thumbprint";
  if (id["serial-number"] !== undefined && serial(id["serial-number"]) !== serial(x.serialNumber)) return "serial-number";
  if (id["common-name"] !== undefined && commonName(x.subject)?.toLowerCase() !== id["common-name"].toLowerCase()) return "common-name";
  if (id.subject !== undefined && !sameDn(id.subject, x.subject)) return "subject";
  if (id["dns-name"] !== undefined && !dnsNames(x).includes(id["dns-name"].toLowerCase())) return "dns-name";
  if (id["issuer-subject"] !== undefined && !sameDn(id["issuer-subject"], x.issuer)) return "issuer-subject";
  if (id["issuer-thumbprint"] !== undefined) {
    const der = facts?.issuerDer;
    if (!der || hex(createHash("sha1").update(der).digest("hex")) !== hex(id["issuer-thumbprint"])) return "issuer-thumbprint";
  }
  if (id["issuer-certificate-id"] !== undefined) {
    const pem = configuredCertificate(id["issuer-certificate-id"]);
    if (!pem) return `issuer-certificate-id (no certificate '${id["issuer-certificate-id"]}' is configured with a PEM certFile)`;
    const issuer = new NodeX509(pem);
    if (!x.checkIssued(issuer) || !x.verify(issuer.publicKey)) return "issuer-certificate-id";
  }
  return null;
}

export function validateClientCertificate(ctx: Context, rules: ClientCertificateRules): void {
  const problem = check(ctx.Request.Certificate as CertLike | null, rules);
  if (problem === null || rules.ignoreError) return;
  throw new PolicyError(problem.reason, problem.message, 401, "validate-client-certificate");
}

/** [infer] The page names no error texts: reasons ClientCertificateMissing / ClientCertificateInvalid (README). */
function check(cert: CertLike | null, rules: ClientCertificateRules): { reason: string; message: string } | null {
  if (!cert) return { reason: "ClientCertificateMissing", message: "A client certificate is required and the client presented none." };
  const invalid = (why: string) => ({ reason: "ClientCertificateInvalid", message: `The client certificate is not valid: ${why}.` });
  const x = new NodeX509(Buffer.from(cert.RawData));
  const facts = cert.$facts ?? null;
  if (rules.trust && !facts?.trusted) return invalid(`its chain does not build up to a trusted CA${facts?.trustError ? ` (${facts.trustError})` : ""}`);
  const now = Date.now();
  if (rules.notBefore && now < Date.parse(x.validFrom)) return invalid(`it is not valid before ${new Date(x.validFrom).toISOString()}`);
  if (rules.notAfter && now > Date.parse(x.validTo)) return invalid(`it expired ${new Date(x.validTo).toISOString()}`);
  if (rules.identities.length === 0) return null;
  const why: string[] = [];
  for (const id of rules.identities) {
    const m = mismatch(id, x, facts);
    if (m === null) return null;
    why.push(m);
  }
  return invalid(`it matches none of the identities (${why.map((w, i) => `identity ${i + 1}: ${w}`).join("; ")})`);
}

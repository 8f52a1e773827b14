// validate-jwt: the token (header, query parameter or expression) must be a JWS signed by one of
// the configured keys (or a key of an OpenID configuration endpoint), unexpired, for an allowed
// audience and issuer, with the required claims. The configuration is one object: a hoisted
// constant when every part is literal, else built per request. Failures are policy errors with
// APIM's reasons and failed-validation-httpcode (401 by default); see runtime/security/jwt.ts.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import { rsaKeyValid } from "../../runtime/security/jwt.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { ParseContext, PolicyDef, PolicyNode } from "./types.js";
import { KNOWN_LATER, childOrder } from "./values.js";

interface KeyNode {
  id: string | null;
  text: XValue | null;
  cert: XValue | null;
  n: string | null;
  e: string | null;
}
export interface ClaimNode {
  name: string;
  match: "all" | "any";
  separator: string | null;
  values: XValue[];
}

export interface ValidateJwtNode extends PolicyNode {
  header: XValue | undefined;
  query: XValue | undefined;
  token: XValue | undefined;
  status: XValue | undefined;
  message: XValue | undefined;
  requireExp: XValue | undefined;
  scheme: XValue | undefined;
  requireSigned: XValue | undefined;
  skew: XValue | undefined;
  output: string | null;
  openid: string[];
  keys: KeyNode[];
  audiences: XValue[];
  issuers: XValue[];
  claims: ClaimNode[];
}

const ORDER = ["openid-config", "issuer-signing-keys", "decryption-keys", "audiences", "issuers", "required-claims"];
const B64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export const validateJwt: PolicyDef<ValidateJwtNode> = {
  name: "validate-jwt",
  sections: ["inbound"],
  attributes: {
    "header-name": {},
    "query-parameter-name": {},
    "token-value": {},
    "failed-validation-httpcode": { type: "int" },
    "failed-validation-error-message": {},
    "require-expiration-time": { type: "bool" },
    "require-scheme": {},
    "require-signed-tokens": { type: "bool" },
    "clock-skew": { type: "seconds" },
    "output-token-variable-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const sources = (["header-name", "query-parameter-name", "token-value"] as const).filter((n) => a[n]);
    if (sources.length === 0 && !el.attrs.some((x) => x.name === "header-name" || x.name === "query-parameter-name" || x.name === "token-value"))
      pc.diags.error(Codes.MissingAttribute, el.offset, "<validate-jwt> needs one of 'header-name', 'query-parameter-name' or 'token-value'.");
    if (sources.length > 1)
      pc.diags.error(Codes.InvalidLiteral, a[sources[1]!]!.offset, `<validate-jwt> takes only one of 'header-name', 'query-parameter-name' and 'token-value' (found '${sources[0]}' and '${sources[1]}').`);
    const header = a["header-name"];
    if (header?.kind === "literal") {
      header.text = header.text.trim();
      if (!isToken(header.text) && !KNOWN_LATER.test(header.text)) pc.diags.error(Codes.InvalidLiteral, header.offset, `'${header.text}' is not a valid HTTP header name.`);
    }
    const query = a["query-parameter-name"];
    if (query?.kind === "literal" && query.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, query.offset, "'query-parameter-name' cannot be empty.");
    const code = a["failed-validation-httpcode"];
    if (code?.kind === "literal") {
      const n = Number(code.text.trim());
      if (Number.isInteger(n) && (n < 100 || n > 599)) pc.diags.error(Codes.InvalidLiteral, code.offset, `Status code ${n} is outside 100-599.`);
    }
    const scheme = a["require-scheme"];
    if (scheme && header?.kind === "literal" && header.text.toLowerCase() !== "authorization" && !KNOWN_LATER.test(header.text))
      pc.diags.warning(Codes.InvalidLiteral, scheme.offset, `'require-scheme' applies only to the Authorization header; it is ignored for '${header.text}'.`);
    if (scheme && !header) pc.diags.warning(Codes.InvalidLiteral, scheme.offset, "'require-scheme' applies only to a token read from the Authorization header; it is ignored here.");
    const out = a["output-token-variable-name"];
    const output = out?.kind === "literal" ? out.text.trim() : null;
    if (out && output === "") pc.diags.error(Codes.InvalidLiteral, out.offset, "'output-token-variable-name' cannot be empty.");

    const node: ValidateJwtNode = {
      ...base,
      header,
      query,
      token: a["token-value"],
      status: code,
      message: a["failed-validation-error-message"],
      requireExp: a["require-expiration-time"],
      scheme,
      requireSigned: a["require-signed-tokens"],
      skew: a["clock-skew"],
      output: output || null,
      openid: [],
      keys: [],
      audiences: [],
      issuers: [],
      claims: [],
    };
    const inOrder = childOrder("validate-jwt", ORDER, pc, { repeatable: ["openid-config"] });
    for (const child of pc.elements(el)) {
      if (!inOrder(child)) continue;
      switch (child.name) {
        case "openid-config": {
          const c = pc.attrs(child, { url: { required: true, expr: false }, "validate-connectivity": { expr: false, type: "bool" } });
          pc.elements(child).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<openid-config> takes no child elements."));
          const url = c.url;
          if (url?.kind === "literal") {
            const t = url.text.trim();
            if (!KNOWN_LATER.test(t) && !/^https?:\/\/[^\s<>]+$/i.test(t)) pc.diags.error(Codes.InvalidLiteral, url.offset, `'${t}' is not an absolute http(s) URL.`);
            else node.openid.push(t);
          }
          break;
        }
        case "issuer-signing-keys":
          pc.attrs(child, {});
          node.keys = readKeys(child, pc);
          if (!child.children.some((c) => c.kind === "element")) pc.diags.error(Codes.MissingChild, child.offset, "<issuer-signing-keys> needs at least one <key>.");
          break;
        case "decryption-keys":
          pc.attrs(child, {});
          pc.diags.error(
            Codes.NotImplemented,
            child.offset,
            "<decryption-keys> is not supported: apimc does not decrypt encrypted tokens (JWE). Remove it to validate signed tokens only.",
          );
          break;
        case "audiences":
          pc.attrs(child, {});
          node.audiences = list(child, "audience", pc);
          if (node.audiences.length === 0) pc.diags.error(Codes.MissingChild, child.offset, "<audiences> needs at least one <audience>.");
          break;
        case "issuers":
          pc.attrs(child, {});
          node.issuers = list(child, "issuer", pc);
          if (node.issuers.length === 0) pc.diags.error(Codes.MissingChild, child.offset, "<issuers> needs at least one <issuer>.");
          break;
        case "required-claims":
          pc.attrs(child, {});
          node.claims = readClaims(child, pc);
          break;
      }
    }
    if (node.keys.length === 0 && node.openid.length === 0 && !(a["require-signed-tokens"]?.kind === "literal" && a["require-signed-tokens"].text.trim().toLowerCase() === "false") && !el.children.some((c) => c.kind === "element" && c.name === "openid-config"))
      pc.diags.warning(Codes.MissingChild, el.offset, "<validate-jwt> has no <issuer-signing-keys> and no <openid-config>: every signed token fails with TokenSignatureKeyNotFound.");
    if (sources.length === 0) return null;
    return node;
  },
  emit(node, ec) {
    const opt = (v: XValue | undefined, t: "string" | "int" | "bool"): Code => (v ? ec.value(v, t) : js`null`);
    const arr = (vs: readonly XValue[]): Code => joinCode(vs.map((v) => ec.value(v, "string")));
    const keys = joinCode(
      node.keys.map((k) => {
        if (k.n !== null && k.e !== null) return js`{ id: ${k.id}, n: ${k.n}, e: ${k.e} }`;
        if (k.cert) return js`{ id: ${k.id}, cert: ${ec.value(k.cert, "string")} }`;
        return js`{ id: ${k.id}, k: ${k.text ? ec.value(k.text, "string") : null} }`;
      }),
    );
    const claims = joinCode(node.claims.map((c) => js`{ name: ${c.name}, match: ${c.match}, separator: ${c.separator}, values: [${arr(c.values)}] }`));
    const cfg = js`{ header: ${opt(node.header, "string")}, query: ${opt(node.query, "string")}, hasToken: ${!!node.token}, token: ${opt(node.token, "string")}, status: ${opt(node.status, "int")}, message: ${opt(node.message, "string")}, requireExp: ${opt(node.requireExp, "bool")}, scheme: ${opt(node.scheme, "string")}, requireSigned: ${opt(node.requireSigned, "bool")}, skew: ${opt(node.skew, "int")}, openid: ${node.openid}, keys: [${keys}], audiences: [${arr(node.audiences)}], issuers: [${arr(node.issuers)}], claims: [${claims}], output: ${node.output} }`;
    const literal = allLiteral(node);
    const value = literal ? ec.scope.constant(js`Object.freeze(${cfg})`, "jwtConfig") : cfg;
    return node.openid.length > 0 ? js`await ${rt("validateJwtAsync")}(ctx, ${value});` : js`${rt("validateJwt")}(ctx, ${value});`;
  },
  isAsync: (node) => node.openid.length > 0,
};

export function joinCode(items: readonly Code[]): Code {
  return items.reduce<Code | null>((acc, c) => (acc ? js`${acc}, ${c}` : c), null) ?? js``;
}

function allLiteral(n: ValidateJwtNode): boolean {
  const vals: (XValue | undefined | null)[] = [n.header, n.query, n.token, n.status, n.message, n.requireExp, n.scheme, n.requireSigned, n.skew, ...n.audiences, ...n.issuers];
  for (const k of n.keys) vals.push(k.text, k.cert);
  for (const c of n.claims) vals.push(...c.values);
  return vals.every((v) => !v || v.kind === "literal");
}

/** Trimmed text children `<name>` (expressions allowed). */
export function list(el: XElement, name: string, pc: ParseContext): XValue[] {
  const out: XValue[] = [];
  for (const c of pc.elements(el)) {
    if (c.name !== name) {
      pc.diags.error(Codes.UnexpectedChild, c.offset, `<${el.name}> takes <${name}> children, not <${c.name}>.`);
      continue;
    }
    pc.attrs(c, {});
    const v = pc.text(c);
    if (!v || (v.kind === "literal" && v.text.trim() === "")) {
      pc.diags.error(Codes.InvalidLiteral, c.offset, `<${name}> cannot be empty.`);
      continue;
    }
    if (v.kind === "literal") v.text = v.text.trim();
    out.push(v);
  }
  return out;
}

function readKeys(el: XElement, pc: ParseContext): KeyNode[] {
  const out: KeyNode[] = [];
  for (const c of pc.elements(el)) {
    if (c.name !== "key") {
      pc.diags.error(Codes.UnexpectedChild, c.offset, `<issuer-signing-keys> takes <key> children, not <${c.name}>.`);
      continue;
    }
    const a = pc.attrs(c, { id: { expr: false }, "certificate-id": {}, n: { expr: false }, e: { expr: false } });
    const raw = pc.text(c);
    const text = raw && !(raw.kind === "literal" && raw.text.trim() === "") ? raw : null;
    if (text?.kind === "literal") text.text = text.text.trim();
    const id = a.id?.kind === "literal" ? a.id.text.trim() : null;
    const n = a.n?.kind === "literal" ? a.n.text.trim() : null;
    const e = a.e?.kind === "literal" ? a.e.text.trim() : null;
    const cert = a["certificate-id"] ?? null;
    const kinds = [text ? "a base64 key" : null, cert ? "'certificate-id'" : null, n !== null || e !== null ? "'n'/'e'" : null].filter((x) => x !== null);
    if (kinds.length === 0) {
      pc.diags.error(Codes.MissingChild, c.offset, "<key> needs a base64 key as its text, a 'certificate-id', or an RSA 'n' and 'e'.");
      continue;
    }
    if (kinds.length > 1) {
      pc.diags.error(Codes.InvalidLiteral, c.offset, `<key> takes one of a base64 key, 'certificate-id' or 'n'/'e', not ${kinds.join(" and ")}.`);
      continue;
    }
    if ((n === null) !== (e === null)) {
      pc.diags.error(Codes.MissingAttribute, c.offset, "<key> needs both the RSA modulus 'n' and the exponent 'e'.");
      continue;
    }
    if (n !== null && e !== null && !KNOWN_LATER.test(n + e) && !(/^[A-Za-z0-9_-]+$/.test(n) && /^[A-Za-z0-9_-]+$/.test(e) && rsaKeyValid(n, e))) {
      pc.diags.error(Codes.InvalidLiteral, a.n!.offset, "'n' and 'e' are not a valid base64url RSA modulus and exponent.");
      continue;
    }
    if (text?.kind === "literal" && !KNOWN_LATER.test(text.text) && !B64.test(text.text)) {
      pc.diags.error(Codes.InvalidLiteral, text.offset, "The signing key must be base64-encoded.");
      continue;
    }
    if (cert?.kind === "literal" && cert.text.trim() === "") {
      pc.diags.error(Codes.InvalidLiteral, cert.offset, "'certificate-id' cannot be empty.");
      continue;
    }
    out.push({ id, text, cert, n, e });
  }
  return out;
}

export function readClaims(el: XElement, pc: ParseContext): ClaimNode[] {
  const out: ClaimNode[] = [];
  for (const c of pc.elements(el)) {
    if (c.name !== "claim") {
      pc.diags.error(Codes.UnexpectedChild, c.offset, `<required-claims> takes <claim> children, not <${c.name}>.`);
      continue;
    }
    const a = pc.attrs(c, { name: { required: true, expr: false }, match: { expr: false, type: { enum: ["all", "any"] } }, separator: { expr: false } });
    const values = list(c, "value", pc);
    const name = a.name?.kind === "literal" ? a.name.text.trim() : "";
    if (!a.name) continue;
    if (name === "") {
      pc.diags.error(Codes.InvalidLiteral, a.name.offset, "The claim 'name' cannot be empty.");
      continue;
    }
    const match = a.match?.kind === "literal" && a.match.text.trim() === "any" ? "any" : "all";
    const sep = a.separator?.kind === "literal" && a.separator.text !== "" ? a.separator.text : null;
    out.push({ name, match, separator: sep, values });
  }
  return out;
}

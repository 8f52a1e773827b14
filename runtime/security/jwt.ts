// validate-jwt: reads a token from a header, a query parameter or an expression, verifies its JWS
// signature (HS256/384/512 with HMAC, RS256/384/512 and PS256/384/512 with RSA, ES256/384/512 with
// ECDSA) against the configured keys or the JWKS of OpenID configuration endpoints, then its
// lifetime, audience, issuer and required claims, in the order .NET's JwtSecurityTokenHandler
// (which APIM uses) checks them. Failures are PolicyErrors with APIM's reasons; the message is the
// policy's failed-validation-error-message when set, else "JWT not present." / "JWT Validation
// Failed: ...". Encrypted tokens (JWE) are not supported (the compiler rejects decryption-keys).
import { createPublicKey, createSecretKey, timingSafeEqual, createHmac, verify as cryptoVerify, constants, X509Certificate, type KeyObject } from "node:crypto";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { Jwt } from "../dotnet/jwt.js";
import { openIdKeys, type SigningKey } from "./openid.js";

/** One `<key>` of `<issuer-signing-keys>`: base64 symmetric key, certificate id, or RSA n/e. */
export interface JwtKeyConfig {
  id: string | null;
  /** Base64 symmetric key (the element's text). */
  k?: unknown;
  /** certificate-id. */
  cert?: unknown;
  /** RSA modulus and exponent (base64url). */
  n?: string;
  e?: string;
}

export interface JwtClaimConfig {
  name: string;
  match: "all" | "any";
  separator: string | null;
  values: readonly unknown[];
}

/** Everything validate-jwt needs, built by the generated code (a hoisted constant when literal). */
export interface JwtConfig {
  header: unknown;
  query: unknown;
  /** token-value was given (its value is `token`). */
  hasToken: boolean;
  token: unknown;
  status: unknown;
  message: unknown;
  requireExp: unknown;
  scheme: unknown;
  requireSigned: unknown;
  skew: unknown;
  openid: readonly string[];
  keys: readonly JwtKeyConfig[];
  audiences: readonly unknown[];
  issuers: readonly unknown[];
  claims: readonly JwtClaimConfig[];
  output: string | null;
}

interface Parsed {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

const SOURCE = "validate-jwt";

export class JwtFailure {
  constructor(
    readonly reason: string,
    readonly message: string,
  ) {}
}

/** validate-jwt without openid-config: synchronous. */
export function validateJwt(ctx: Context, cfg: JwtConfig): void {
  const status = statusOf(cfg.status);
  const r = extract(ctx, cfg);
  if (r instanceof JwtFailure) throw fail(cfg, r, status);
  const keys = staticKeys(cfg);
  const out = check(r, keys, [], cfg);
  if (out instanceof JwtFailure) throw fail(cfg, out, status);
  if (cfg.output) ctx.Variables.set(cfg.output, new Jwt(r.header, r.payload));
}

/** validate-jwt with openid-config: keys and issuers come from the endpoints (cached). */
export async function validateJwtAsync(ctx: Context, cfg: JwtConfig): Promise<void> {
  await validateWithOpenId(ctx, cfg, { urls: cfg.openid, source: SOURCE });
}

/**
 * What a validation with OpenID configuration endpoints takes besides the JwtConfig: the endpoints,
 * the issuers a token may have given the discovered ones (default: those), checks after the standard
 * ones, and the policy name for LastError.Source (validate-azure-ad-token uses this too).
 */
export interface OpenIdValidation {
  urls: readonly string[];
  source: string;
  issuers?(payload: Readonly<Record<string, unknown>>, discovered: readonly string[]): string[];
  extra?(payload: Readonly<Record<string, unknown>>): JwtFailure | null;
}

export async function validateWithOpenId(ctx: Context, cfg: JwtConfig, v: OpenIdValidation): Promise<void> {
  const status = statusOf(cfg.status, v.source);
  const r = extract(ctx, cfg);
  if (r instanceof JwtFailure) throw fail(cfg, r, status, v.source);
  const kid = typeof r.header.kid === "string" ? r.header.kid : null;
  const keys = staticKeys(cfg);
  const discovered: string[] = [];
  const problems: string[] = [];
  for (const url of v.urls) {
    try {
      const doc = await openIdKeys(url, kid);
      keys.push(...doc.keys);
      if (doc.issuer) discovered.push(doc.issuer);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (keys.length === 0 && problems.length > 0 && r.signature.length > 0)
    throw fail(cfg, new JwtFailure("TokenSignatureKeyNotFound", `JWT Validation Failed: Signing keys could not be retrieved: ${problems.join("; ")}`), status, v.source);
  const issuers = v.issuers ? v.issuers(r.payload, discovered) : discovered;
  const out = check(r, keys, issuers, cfg) ?? v.extra?.(r.payload) ?? null;
  if (out instanceof JwtFailure) throw fail(cfg, out, status, v.source);
  if (cfg.output) ctx.Variables.set(cfg.output, new Jwt(r.header, r.payload));
}

function statusOf(v: unknown, source = SOURCE): number {
  if (v === undefined || v === null) return 401;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 100 || v > 599)
    throw new PolicyError("ExpressionValueEvaluationFailure", `${source}: failed-validation-httpcode ${String(v)} is not an integer in 100-599.`);
  return v;
}

function fail(cfg: JwtConfig, f: JwtFailure, status: number, source = SOURCE): PolicyError {
  const custom = cfg.message === null || cfg.message === undefined ? null : String(cfg.message);
  return new PolicyError(f.reason, custom ?? f.message, status, source);
}

const NOT_PRESENT = new JwtFailure("TokenNotPresent", "JWT not present.");
const MALFORMED = new JwtFailure("JwtInvalid", "JWT Validation Failed: JWT is not well formed.");

function extract(ctx: Context, cfg: JwtConfig): Parsed | JwtFailure {
  let token: string | null = null;
  if (cfg.hasToken) {
    token = cfg.token === null || cfg.token === undefined ? null : String(cfg.token);
  } else if (cfg.header !== null && cfg.header !== undefined) {
    const name = String(cfg.header);
    const entry = ctx.Request.Headers.get(name);
    const raw = entry?.values[0];
    if (raw === undefined) return NOT_PRESENT;
    const value = raw.trim();
    const sp = value.search(/\s/);
    const scheme = cfg.scheme === null || cfg.scheme === undefined ? null : String(cfg.scheme);
    // require-scheme applies to the Authorization header only (reference page, usage notes).
    if (scheme !== null && scheme !== "" && name.toLowerCase() === "authorization") {
      if (sp === -1 || value.slice(0, sp).toLowerCase() !== scheme.toLowerCase()) return NOT_PRESENT;
      token = value.slice(sp).trim();
    } else token = sp === -1 ? value : value.slice(sp).trim(); // "<scheme> <token>": the token
  } else if (cfg.query !== null && cfg.query !== undefined) {
    token = queryParameter(ctx, String(cfg.query));
  }
  if (token === null || token.trim() === "") return NOT_PRESENT;
  return parse(token.trim());
}

/**
 * The query parameter holding the token. [infer] The name matches ignoring case: APIM matches query
 * parameter names case-insensitively (its operation templates' query parameters "are not
 * case-sensitive", Azure support), as the ASP.NET request query collections it is built on do. A
 * name written exactly as configured wins over other spellings; several values are one joined value
 * (as `GetValueOrDefault`), which is no token.
 */
function queryParameter(ctx: Context, name: string): string | null {
  const query = ctx.Request.Url.Query;
  const exact = query.GetValueOrDefault(name, null);
  if (exact !== null) return exact;
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const { Key, Value } of query) if (Key.toLowerCase() === lower) values.push(...Value);
  return values.length ? values.join(",") : null;
}

function b64url(s: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  return Buffer.from(s, "base64url");
}

function jsonObject(b: Buffer | null): Record<string, unknown> | null {
  if (!b) return null;
  try {
    const v = JSON.parse(b.toString("utf8")) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parse(token: string): Parsed | JwtFailure {
  const parts = token.split(".");
  if (parts.length === 5) return new JwtFailure("JwtInvalid", "JWT Validation Failed: Encrypted tokens (JWE) are not supported by apimc.");
  if (parts.length !== 3) return MALFORMED;
  const header = jsonObject(b64url(parts[0]!));
  const payload = jsonObject(b64url(parts[1]!));
  const signature = b64url(parts[2]!);
  if (!header || !payload || !signature) return MALFORMED;
  return { header, payload, signature, signingInput: Buffer.from(`${parts[0]}.${parts[1]}`, "ascii") };
}

// ---- keys ----------------------------------------------------------------------------------------

const symmetricCache = new Map<string, KeyObject | null>();
const rsaCache = new Map<string, KeyObject | null>();
const certificates = new Map<string, KeyObject>();

/**
 * Certificates `<key certificate-id="...">` refers to (APIM's uploaded certificates): id → PEM or
 * DER X.509 certificate, or a PEM public key.
 */
export function configureJwtCertificates(entries: Readonly<Record<string, string | Buffer>>): void {
  for (const [id, data] of Object.entries(entries)) {
    let key: KeyObject;
    try {
      key = new X509Certificate(data).publicKey;
    } catch {
      key = createPublicKey(data);
    }
    certificates.set(id, key);
  }
}

function symmetricKey(text: string): KeyObject | null {
  let k = symmetricCache.get(text);
  if (k === undefined) {
    const t = text.trim();
    k = /^[A-Za-z0-9+/_-]*={0,2}$/.test(t) && t.length > 0 ? createSecretKey(Buffer.from(t, /[-_]/.test(t) ? "base64url" : "base64")) : null;
    if (symmetricCache.size > 1000) symmetricCache.clear();
    symmetricCache.set(text, k);
  }
  return k;
}

function rsaKey(n: string, e: string): KeyObject | null {
  const id = `${n}.${e}`;
  let k = rsaCache.get(id);
  if (k === undefined) {
    try {
      k = createPublicKey({ key: { kty: "RSA", n, e }, format: "jwk" });
    } catch {
      k = null;
    }
    rsaCache.set(id, k);
  }
  return k;
}

/** The RSA key of n/e literals, for the compiler's check. */
export function rsaKeyValid(n: string, e: string): boolean {
  return rsaKey(n, e) !== null;
}

function staticKeys(cfg: JwtConfig): SigningKey[] {
  const out: SigningKey[] = [];
  for (const k of cfg.keys) {
    let key: KeyObject | null | undefined = null;
    if (k.n !== undefined && k.e !== undefined) key = rsaKey(k.n, k.e);
    else if (k.cert !== undefined && k.cert !== null) key = certificates.get(String(k.cert));
    else if (k.k !== undefined && k.k !== null) key = symmetricKey(String(k.k));
    if (key) out.push({ kid: k.id, key });
  }
  return out;
}

// ---- checks --------------------------------------------------------------------------------------

const HASH: Record<string, string> = { "256": "sha256", "384": "sha384", "512": "sha512" };
const CURVE: Record<string, string> = { ES256: "prime256v1", ES384: "secp384r1", ES512: "secp521r1" };

function usable(alg: string, key: KeyObject): boolean {
  const family = alg.slice(0, 2);
  if (family === "HS") return key.type === "secret";
  if (key.type !== "public") return false;
  if (family === "RS" || family === "PS") return key.asymmetricKeyType === "rsa" || key.asymmetricKeyType === "rsa-pss";
  if (family === "ES") return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === CURVE[alg];
  return false;
}

function verifyWith(alg: string, key: KeyObject, data: Buffer, sig: Buffer): boolean {
  const hash = HASH[alg.slice(2)]!;
  try {
    switch (alg.slice(0, 2)) {
      case "HS": {
        const mac = createHmac(hash, key).update(data).digest();
        return mac.length === sig.length && timingSafeEqual(mac, sig);
      }
      case "RS":
        return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, sig);
      case "PS":
        return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, sig);
      case "ES":
        return cryptoVerify(hash, data, { key, dsaEncoding: "ieee-p1363" }, sig);
    }
  } catch {
    return false;
  }
  return false;
}

const SUPPORTED = /^(HS|RS|PS|ES)(256|384|512)$/;

function checkSignature(t: Parsed, keys: readonly SigningKey[], requireSigned: boolean): JwtFailure | null {
  const alg = typeof t.header.alg === "string" ? t.header.alg : "";
  if (t.signature.length === 0 || alg === "none") {
    if (requireSigned) return new JwtFailure("TokenSignatureInvalid", "JWT Validation Failed: Unable to validate signature, token does not have a signature.");
    return null;
  }
  if (!SUPPORTED.test(alg)) return new JwtFailure("TokenSignatureInvalid", `JWT Validation Failed: Signature validation failed. Algorithm '${alg}' is not supported.`);
  if (keys.length === 0) return new JwtFailure("TokenSignatureKeyNotFound", "JWT Validation Failed: Signature validation failed. No security keys were provided to validate the signature.");
  const kid = typeof t.header.kid === "string" ? t.header.kid : null;
  const candidates = keys.filter((k) => usable(alg, k.key));
  // A kid selects the keys with that id; when none has it, every key is tried (.NET's
  // TryAllIssuerSigningKeys), keys with another id included.
  const matched = kid === null ? [] : candidates.filter((k) => k.kid === kid);
  const tried = matched.length > 0 ? matched : candidates;
  if (tried.length === 0)
    return new JwtFailure(
      "TokenSignatureKeyNotFound",
      `JWT Validation Failed: Signature validation failed. Unable to match key${kid !== null ? `: kid: '${kid}'` : ""} for algorithm '${alg}'.`,
    );
  for (const k of tried) if (verifyWith(alg, k.key, t.signingInput, t.signature)) return null;
  if (kid !== null && matched.length === 0 && keys.every((k) => k.kid !== null))
    return new JwtFailure("TokenSignatureKeyNotFound", `JWT Validation Failed: Signature validation failed. Unable to match key: kid: '${kid}'.`);
  return new JwtFailure("TokenSignatureInvalid", "JWT Validation Failed: Signature validation failed.");
}

function utc(seconds: number): string {
  const d = new Date(seconds * 1000);
  return Number.isNaN(d.getTime()) ? String(seconds) : d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function asBool(v: unknown, def: boolean): boolean {
  if (v === null || v === undefined) return def;
  if (typeof v === "boolean") return v;
  throw new PolicyError("ExpressionValueEvaluationFailure", `validate-jwt: '${String(v)}' is not a Boolean.`);
}

function checkLifetime(t: Parsed, requireExp: boolean, skew: number): JwtFailure | null {
  const now = Date.now() / 1000;
  const exp = t.payload.exp;
  const nbf = t.payload.nbf;
  if (exp !== undefined && typeof exp !== "number") return MALFORMED;
  if (nbf !== undefined && typeof nbf !== "number") return MALFORMED;
  if (exp === undefined && requireExp) return new JwtFailure("JwtInvalid", "JWT Validation Failed: Lifetime validation failed. The token is missing an Expiration Time.");
  if (typeof nbf === "number" && typeof exp === "number" && nbf > exp)
    return new JwtFailure("JwtInvalid", `JWT Validation Failed: Lifetime validation failed. ValidFrom: '${utc(nbf)}' is after ValidTo: '${utc(exp)}'.`);
  if (typeof nbf === "number" && nbf > now + skew)
    return new JwtFailure("JwtInvalid", `JWT Validation Failed: Lifetime validation failed. The token is not yet valid. ValidFrom: '${utc(nbf)}', Current time: '${utc(Math.floor(now))}'.`);
  if (typeof exp === "number" && exp < now - skew)
    return new JwtFailure("TokenExpired", `JWT Validation Failed: Lifetime validation failed. The token is expired. ValidTo: '${utc(exp)}', Current time: '${utc(Math.floor(now))}'.`);
  return null;
}

function strings(list: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of list) if (v !== null && v !== undefined) out.push(String(v));
  return out;
}

function claimText(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "boolean" ? (v ? "true" : "false") : JSON.stringify(v);
}

function check(t: Parsed, keys: readonly SigningKey[], discoveredIssuers: readonly string[], cfg: JwtConfig): JwtFailure | null {
  const skew = cfg.skew === null || cfg.skew === undefined ? 0 : cfg.skew;
  if (typeof skew !== "number" || !Number.isFinite(skew) || skew < 0)
    throw new PolicyError("ExpressionValueEvaluationFailure", `validate-jwt: clock-skew ${String(skew)} is not a non-negative number of seconds.`);
  const failure =
    checkSignature(t, keys, asBool(cfg.requireSigned, true)) ??
    checkLifetime(t, asBool(cfg.requireExp, true), skew) ??
    checkAudience(t, strings(cfg.audiences)) ??
    checkIssuer(t, [...strings(cfg.issuers), ...discoveredIssuers]) ??
    checkClaims(t, cfg.claims);
  return failure;
}

function checkAudience(t: Parsed, allowed: string[]): JwtFailure | null {
  if (allowed.length === 0) return null;
  const aud = t.payload.aud;
  const list = aud === undefined || aud === null ? [] : Array.isArray(aud) ? aud.map(claimText) : [claimText(aud)];
  if (list.some((a) => allowed.includes(a))) return null;
  return new JwtFailure("TokenAudienceNotAllowed", `JWT Validation Failed: Audience validation failed. Audiences: '${list.join(", ")}'. Did not match any of the allowed audiences.`);
}

function checkIssuer(t: Parsed, allowed: string[]): JwtFailure | null {
  if (allowed.length === 0) return null;
  const iss = t.payload.iss;
  if (typeof iss === "string" && allowed.includes(iss)) return null;
  return new JwtFailure(
    "TokenIssuerNotAllowed",
    typeof iss === "string"
      ? `JWT Validation Failed: Issuer validation failed. Issuer: '${iss}'. Did not match any of the allowed issuers.`
      : "JWT Validation Failed: Issuer validation failed. The token has no issuer.",
  );
}

function checkClaims(t: Parsed, claims: readonly JwtClaimConfig[]): JwtFailure | null {
  for (const c of claims) {
    const raw = t.payload[c.name];
    if (raw === undefined || raw === null) return new JwtFailure("TokenClaimNotFound", `JWT Validation Failed: Claim '${c.name}' was not found in the token.`);
    const wanted = strings(c.values);
    if (wanted.length === 0) continue;
    const have: string[] = [];
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      const s = claimText(v);
      if (c.separator) have.push(...s.split(c.separator).map((x) => x.trim()));
      else have.push(s);
    }
    const ok = c.match === "any" ? wanted.some((w) => have.includes(w)) : wanted.every((w) => have.includes(w));
    if (!ok) return new JwtFailure("TokenClaimValueNotAllowed", `JWT Validation Failed: Claim '${c.name}' does not have ${c.match === "any" ? "any" : "all"} of the required values.`);
  }
  return null;
}

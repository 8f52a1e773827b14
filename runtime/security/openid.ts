// OpenID Connect discovery for validate-jwt's <openid-config url>: the configuration document and
// its JWKS, fetched over HTTP with undici and cached per URL. As the reference page describes:
// kept for an hour; fetched again sooner (at most once per 5 minutes) when a token names a `kid`
// the cached set lacks or when the last retrieval failed; a failed refresh keeps the cached keys.
import { request } from "undici";
import { createPublicKey, X509Certificate, type KeyObject } from "node:crypto";

export interface SigningKey {
  kid: string | null;
  key: KeyObject;
}

export interface OpenIdDocument {
  issuer: string | null;
  keys: SigningKey[];
}

interface Entry {
  doc: OpenIdDocument | null;
  fetchedAt: number;
  lastAttempt: number;
  lastError: string | null;
  pending: Promise<OpenIdDocument> | null;
}

const settings = { ttlMs: 60 * 60 * 1000, refreshMs: 5 * 60 * 1000, timeoutMs: 10_000, maxBytes: 1024 * 1024 };
const cache = new Map<string, Entry>();

/** Cache lifetime, minimum interval between refreshes, and the HTTP timeout (tests shorten them). */
export function configureOpenIdCache(o: Partial<typeof settings>): void {
  Object.assign(settings, o);
}

/** Forgets every cached configuration. */
export function clearOpenIdCache(): void {
  cache.clear();
}

/** The issuer and signing keys of an OpenID configuration endpoint, from the cache when fresh. */
export async function openIdKeys(url: string, kid: string | null): Promise<OpenIdDocument> {
  let e = cache.get(url);
  if (!e) {
    e = { doc: null, fetchedAt: 0, lastAttempt: 0, lastError: null, pending: null };
    cache.set(url, e);
  }
  const now = Date.now();
  const mayRetry = now - e.lastAttempt >= settings.refreshMs;
  let fetch: boolean;
  if (e.pending) fetch = true;
  else if (e.doc === null) fetch = e.lastAttempt === 0 || mayRetry; // never fetched, or the last attempt failed a while ago
  else {
    const stale = now - e.fetchedAt >= settings.ttlMs;
    const kidMissing = kid !== null && !e.doc.keys.some((k) => k.kid === kid);
    fetch = (stale || kidMissing) && mayRetry;
  }
  if (fetch) {
    if (!e.pending) {
      const entry = e;
      entry.lastAttempt = now;
      entry.pending = load(url).then(
        (doc) => {
          entry.doc = doc;
          entry.fetchedAt = Date.now();
          entry.lastError = null;
          entry.pending = null;
          return doc;
        },
        (err: unknown) => {
          entry.lastError = (err as Error).message;
          entry.pending = null;
          throw err;
        },
      );
    }
    try {
      return await e.pending!;
    } catch (err) {
      if (e.doc) return e.doc;
      throw err;
    }
  }
  if (e.doc) return e.doc;
  throw new Error(`OpenID configuration ${url} is unavailable (${e.lastError ?? "not retrieved"}); next attempt in at most ${Math.ceil(settings.refreshMs / 1000)} s`);
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const u = new URL(url);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`${url} is not an http(s) URL`);
  const res = await request(u, { method: "GET", headers: { accept: "application/json" }, headersTimeout: settings.timeoutMs, bodyTimeout: settings.timeoutMs });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of res.body) {
    size += (c as Buffer).length;
    if (size > settings.maxBytes) {
      res.body.destroy();
      throw new Error(`${url} answered more than ${settings.maxBytes} bytes`);
    }
    chunks.push(c as Buffer);
  }
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Error(`${url} did not answer JSON`);
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error(`${url} did not answer a JSON object`);
  return v as Record<string, unknown>;
}

async function load(url: string): Promise<OpenIdDocument> {
  const conf = await getJson(url);
  const jwksUri = conf.jwks_uri;
  if (typeof jwksUri !== "string") throw new Error(`${url} has no jwks_uri`);
  const jwks = await getJson(new URL(jwksUri, url).href);
  return { issuer: typeof conf.issuer === "string" ? conf.issuer : null, keys: jwksKeys(jwks) };
}

/** The verification keys of a JWKS (keys marked `use: "enc"` and unreadable keys are skipped). */
export function jwksKeys(jwks: Record<string, unknown>): SigningKey[] {
  const out: SigningKey[] = [];
  const keys = Array.isArray(jwks.keys) ? (jwks.keys as unknown[]) : [];
  for (const k of keys) {
    if (k === null || typeof k !== "object") continue;
    const jwk = k as Record<string, unknown>;
    if (jwk.use === "enc") continue;
    const kid = typeof jwk.kid === "string" ? jwk.kid : null;
    let key: KeyObject | null = null;
    try {
      if (jwk.kty === "RSA" && typeof jwk.n === "string" && typeof jwk.e === "string")
        key = createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" });
      else if (jwk.kty === "EC" && typeof jwk.crv === "string" && typeof jwk.x === "string" && typeof jwk.y === "string")
        key = createPublicKey({ key: { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y }, format: "jwk" });
      else if (Array.isArray(jwk.x5c) && typeof jwk.x5c[0] === "string") key = new X509Certificate(Buffer.from(jwk.x5c[0], "base64")).publicKey;
    } catch {
      key = null;
    }
    if (key) out.push({ kid, key });
  }
  return out;
}

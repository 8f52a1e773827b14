// Backend entities in the configuration: gateway.json `backends.<id>` and APIOps
// `backends/<id>/backendInformation.json` `properties` have one shape, APIM's backend resource:
// `url`, `type` ("Single" | "Pool"), `pool.services` ({ id, priority, weight }) and
// `pool.sessionAffinity` ({ sessionId: { source: "Cookie", name } }), `circuitBreaker.rules`
// ({ name, failureCondition: { count | percentage, interval, statusCodeRanges, errorReasons },
// tripDuration, acceptRetryAfter }), `credentials` (header, query, authorization, certificate,
// certificateIds; values may be `{{named values}}`) and `tls` (validateCertificateChain,
// validateCertificateName) and `proxy` ({ url, username, password }: an HTTP forward proxy for
// the backend's forwards). Checked here into the runtime's entities (runtime/backends/entities.ts);
// every problem is reported with a JSON pointer inside the backend, which the caller turns into a
// file, line and column.
import { Codes } from "../compiler/diagnostics.js";
import type { NamedValueTable } from "../runtime/named-values.js";
import type { BackendEntity } from "../runtime/backends/entities.js";
import { FORWARD_ERROR_REASONS, isoDurationMs, type BreakerRule } from "../runtime/backends/circuit-breaker.js";
import type { PoolMember } from "../runtime/backends/pool.js";

/** A backend as gateway.json and APIM's backend resource (`properties`) write it. */
export interface BackendConfig {
  url?: string;
  type?: "Single" | "Pool";
  description?: string;
  protocol?: string;
  pool?: { services: { id: string; priority?: number; weight?: number }[]; sessionAffinity?: { sessionId: { source: "Cookie"; name: string } } };
  circuitBreaker?: { rules: CircuitBreakerRuleConfig[] };
  credentials?: {
    header?: Record<string, string[]>;
    query?: Record<string, string[]>;
    authorization?: { scheme: string; parameter: string };
    /** Client certificate thumbprints (certificates configured in gateway.json `certificates`). */
    certificate?: string[];
    /** Or their ids (`/certificates/<id>` or the id). */
    certificateIds?: string[];
  };
  tls?: { validateCertificateChain?: boolean; validateCertificateName?: boolean };
  /** An HTTP forward proxy the forwards to this backend go through (values may be {{named values}}). */
  proxy?: { url: string; username?: string; password?: string };
}

export interface CircuitBreakerRuleConfig {
  name?: string;
  failureCondition: {
    count?: number;
    percentage?: number;
    interval: string;
    statusCodeRanges?: { min: number; max: number }[];
    errorReasons?: string[];
  };
  tripDuration: string;
  acceptRetryAfter?: boolean;
}

/** The properties apimc reads; others of APIM's resource (title, resourceId, properties...) are not used. */
export const BACKEND_KEYS = ["url", "type", "description", "protocol", "pool", "circuitBreaker", "credentials", "tls", "proxy"];
/** APIM's limit. */
export const MAX_POOL_MEMBERS = 30;

/** A checked backend: the runtime entity, and the client certificate it names (found when the certificates are loaded). */
export interface CheckedBackend {
  entity: BackendEntity;
  certificate?: { thumbprint?: string; id?: string };
  tlsValidation?: { chain: boolean; name: boolean };
}

export type BackendReport = (id: string, pointer: string, code: string, message: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");
const lastSegment = (id: string) => id.split("/").filter(Boolean).pop() ?? "";

/** ARM templates write numbers as strings too ("3"): both are taken. */
function intOf(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

/**
 * Checks every backend and returns the usable ones by id. `namedValues` resolves `{{name}}` in
 * credential values (null: left as written, for a check that has no values).
 */
export function checkBackends(raw: Record<string, unknown>, namedValues: NamedValueTable | null, report: BackendReport, strict = true): Map<string, CheckedBackend> {
  const out = new Map<string, CheckedBackend>();
  const isPool = (b: unknown) => isObject(b) && ((b.pool !== undefined && b.pool !== null) || (typeof b.type === "string" && b.type.toLowerCase() === "pool"));
  for (const [id, b] of Object.entries(raw)) {
    const bad = (pointer: string, message: string, code: string = Codes.BackendInvalid) => {
      report(id, pointer, code, message);
      ok = false;
    };
    let ok = true;
    if (!isObject(b)) {
      bad("", `The backend '${id}' must be an object.`);
      continue;
    }
    // An APIOps file holds every property of APIM's resource; the gateway's own file only these.
    if (strict) for (const k of Object.keys(b)) if (!BACKEND_KEYS.includes(k) && k !== "$schema") bad(`/${esc(k)}`, `Unknown backend property '${k}' (apimc reads: ${BACKEND_KEYS.join(", ")}).`);
    if (b.type !== undefined && (typeof b.type !== "string" || !["single", "pool"].includes(b.type.toLowerCase()))) bad("/type", `'type' is "Single" or "Pool", not ${JSON.stringify(b.type)}.`);
    const entity: BackendEntity = { id, url: null };
    const checked: CheckedBackend = { entity };
    if (isPool(b)) {
      entity.pool = checkPool(b.pool, raw, isPool, bad);
      const affinity = isObject(b.pool) ? b.pool.sessionAffinity : undefined;
      if (affinity !== undefined && affinity !== null) {
        const cookie = checkSessionAffinity(affinity, bad);
        if (cookie) entity.affinity = { cookie };
      }
      for (const k of ["circuitBreaker", "credentials", "tls", "proxy"]) if (b[k] !== undefined && b[k] !== null) bad(`/${k}`, `A pool has no '${k}': give it to its member backends.`);
    } else {
      if (typeof b.url !== "string" || !isHttpUrl(b.url)) bad(b.url === undefined ? "" : "/url", b.url === undefined ? `The backend '${id}' needs 'url' (its runtime URL), or "type": "Pool" with 'pool'.` : `'url' must be an absolute http(s) URL, not ${JSON.stringify(b.url)}.`);
      else entity.url = b.url;
      if (b.circuitBreaker !== undefined && b.circuitBreaker !== null) entity.breaker = checkBreaker(b.circuitBreaker, bad) ?? undefined;
      if (b.credentials !== undefined && b.credentials !== null) checkCredentials(b.credentials, namedValues, checked, bad);
      if (b.proxy !== undefined && b.proxy !== null) checkProxy(b.proxy, namedValues, entity, bad);
      if (b.tls !== undefined && b.tls !== null) {
        if (!isObject(b.tls)) bad("/tls", "'tls' must be an object: { validateCertificateChain, validateCertificateName }.");
        else {
          for (const k of Object.keys(b.tls)) if (k !== "validateCertificateChain" && k !== "validateCertificateName") bad(`/tls/${esc(k)}`, `Unknown 'tls' property '${k}' (validateCertificateChain, validateCertificateName).`);
          for (const k of ["validateCertificateChain", "validateCertificateName"]) if (b.tls[k] !== undefined && typeof b.tls[k] !== "boolean") bad(`/tls/${k}`, `'${k}' must be true or false.`);
          const chain = b.tls.validateCertificateChain !== false;
          const name = b.tls.validateCertificateName !== false;
          if (!chain || !name) checked.tlsValidation = { chain, name };
        }
      }
    }
    if (ok) out.set(id, checked);
  }
  return out;
}

function checkPool(pool: unknown, raw: Record<string, unknown>, isPool: (b: unknown) => boolean, bad: (p: string, m: string, c?: string) => void): PoolMember[] {
  if (!isObject(pool) || !Array.isArray(pool.services)) {
    bad(pool === undefined ? "" : "/pool", 'A pool needs "pool": { "services": [ { "id": "<backend id>", "priority": 1, "weight": 1 }, ... ] }.');
    return [];
  }
  const services = pool.services as unknown[];
  if (services.length === 0) bad("/pool/services", "A pool needs at least one backend in 'services'.");
  if (services.length > MAX_POOL_MEMBERS) bad("/pool/services", `A pool holds at most ${MAX_POOL_MEMBERS} backends (APIM's limit); this one has ${services.length}.`);
  const members: PoolMember[] = [];
  const seen = new Set<string>();
  services.forEach((s, i) => {
    const at = `/pool/services/${i}`;
    if (!isObject(s) || typeof s.id !== "string" || s.id.trim() === "") return bad(at, "A pool member is { \"id\": \"<backend id>\" (or its ARM id), \"priority\": 0-100, \"weight\": 0-100 }.");
    for (const k of Object.keys(s)) if (!["id", "priority", "weight"].includes(k)) bad(`${at}/${esc(k)}`, `Unknown pool member property '${k}' (id, priority, weight).`);
    const id = lastSegment(s.id);
    const target = raw[id];
    if (target === undefined) return bad(`${at}/id`, `The pool member '${s.id}' is not a configured backend (configured: ${Object.keys(raw).join(", ")}).`, Codes.BackendUnknownReference);
    if (isPool(target)) return bad(`${at}/id`, `The pool member '${id}' is a pool itself; a pool holds single backends only (as in APIM).`);
    if (seen.has(id)) return bad(`${at}/id`, `The backend '${id}' is in this pool twice.`);
    seen.add(id);
    const num = (k: "priority" | "weight", dflt: number) => {
      if (s[k] === undefined || s[k] === null) return dflt;
      const n = intOf(s[k]);
      if (n === null || n < 0 || n > 100) {
        bad(`${at}/${k}`, `'${k}' is a whole number from 0 to 100, not ${JSON.stringify(s[k])}.`);
        return dflt;
      }
      return n;
    };
    members.push({ id, priority: num("priority", 0), weight: num("weight", 1) });
  });
  return members;
}

/** `pool.sessionAffinity`: { "sessionId": { "source": "Cookie", "name": "<cookie name>" } } (APIM's session awareness). */
function checkSessionAffinity(a: unknown, bad: (p: string, m: string, c?: string) => void): string | null {
  const at = "/pool/sessionAffinity";
  const shape = '\'sessionAffinity\' is { "sessionId": { "source": "Cookie", "name": "<cookie name>" } }.';
  if (!isObject(a)) return (bad(at, shape), null);
  for (const k of Object.keys(a)) if (k !== "sessionId") bad(`${at}/${esc(k)}`, `Unknown sessionAffinity property '${k}' (sessionId).`);
  const id = a.sessionId;
  if (!isObject(id)) return (bad(id === undefined ? at : `${at}/sessionId`, shape), null);
  for (const k of Object.keys(id)) if (k !== "source" && k !== "name") bad(`${at}/sessionId/${esc(k)}`, `Unknown sessionId property '${k}' (source, name).`);
  if (typeof id.source !== "string" || id.source.toLowerCase() !== "cookie") return (bad(id.source === undefined ? `${at}/sessionId` : `${at}/sessionId/source`, `The session id's 'source' is "Cookie" (APIM keeps sessions in a cookie), not ${JSON.stringify(id.source)}.`), null);
  if (typeof id.name !== "string" || !TOKEN.test(id.name)) return (bad(id.name === undefined ? `${at}/sessionId` : `${at}/sessionId/name`, `The session id needs 'name': the cookie's name (letters, digits and !#$%&'*+.^_\`|~-), not ${JSON.stringify(id.name)}.`), null);
  return id.name;
}

function checkBreaker(cb: unknown, bad: (p: string, m: string, c?: string) => void): BreakerRule | null {
  if (!isObject(cb) || !Array.isArray(cb.rules)) {
    bad("/circuitBreaker", "'circuitBreaker' is { \"rules\": [ { \"name\", \"failureCondition\": { \"count\", \"interval\", \"statusCodeRanges\" }, \"tripDuration\" } ] }.");
    return null;
  }
  if (cb.rules.length !== 1) {
    bad("/circuitBreaker/rules", `A circuit breaker has exactly one rule (APIM allows one); this one has ${cb.rules.length}.`);
    return null;
  }
  const r = cb.rules[0];
  const at = "/circuitBreaker/rules/0";
  if (!isObject(r)) {
    bad(at, "A circuit breaker rule must be an object.");
    return null;
  }
  for (const k of Object.keys(r)) if (!["name", "failureCondition", "tripDuration", "acceptRetryAfter"].includes(k)) bad(`${at}/${esc(k)}`, `Unknown circuit breaker rule property '${k}' (name, failureCondition, tripDuration, acceptRetryAfter).`);
  const fc = r.failureCondition;
  if (!isObject(fc)) {
    bad(r.failureCondition === undefined ? at : `${at}/failureCondition`, "The rule needs 'failureCondition': { \"count\" or \"percentage\", \"interval\", \"statusCodeRanges\" and/or \"errorReasons\" }.");
    return null;
  }
  const fat = `${at}/failureCondition`;
  let ok = true;
  const fail = (p: string, m: string) => {
    bad(p, m);
    ok = false;
  };
  for (const k of Object.keys(fc)) if (!["count", "percentage", "interval", "statusCodeRanges", "errorReasons"].includes(k)) fail(`${fat}/${esc(k)}`, `Unknown failure condition property '${k}' (count, percentage, interval, statusCodeRanges, errorReasons).`);
  const count = fc.count === undefined ? undefined : intOf(fc.count);
  const percentage = fc.percentage === undefined ? undefined : intOf(fc.percentage);
  if (count === null || (count !== undefined && count < 1)) fail(`${fat}/count`, `'count' is a whole number of failures, at least 1, not ${JSON.stringify(fc.count)}.`);
  if (percentage === null || (percentage !== undefined && (percentage < 1 || percentage > 100))) fail(`${fat}/percentage`, `'percentage' is a whole number from 1 to 100, not ${JSON.stringify(fc.percentage)}.`);
  if ((count === undefined) === (percentage === undefined)) fail(fat, "The failure condition needs one of 'count' (failures) and 'percentage' (of requests), not both or neither.");
  const intervalMs = typeof fc.interval === "string" ? isoDurationMs(fc.interval) : null;
  if (!intervalMs) fail(fc.interval === undefined ? fat : `${fat}/interval`, `'interval' is an ISO 8601 duration such as "PT1M" or "P1D" (over which failures are counted), not ${JSON.stringify(fc.interval)}.`);
  const ranges: [number, number][] = [];
  if (fc.statusCodeRanges !== undefined) {
    if (!Array.isArray(fc.statusCodeRanges)) fail(`${fat}/statusCodeRanges`, "'statusCodeRanges' is an array of { \"min\": 500, \"max\": 599 }.");
    else
      fc.statusCodeRanges.forEach((x, i) => {
        const min = isObject(x) ? intOf(x.min) : null;
        const max = isObject(x) ? intOf(x.max) : null;
        if (min === null || max === null || min < 200 || max > 599 || min > max) fail(`${fat}/statusCodeRanges/${i}`, `A status code range is { "min", "max" } with 200 <= min <= max <= 599, not ${JSON.stringify(x)}.`);
        else ranges.push([min, max]);
      });
  }
  let reasons: Set<string> | null = null;
  if (fc.errorReasons !== undefined) {
    if (!Array.isArray(fc.errorReasons) || fc.errorReasons.some((x) => typeof x !== "string")) fail(`${fat}/errorReasons`, "'errorReasons' is an array of strings.");
    else {
      // Known reasons filter forwarding errors; labels such as APIM's "Server errors" name none, and then every forwarding error counts.
      const known = (fc.errorReasons as string[]).map((x) => x.trim().toLowerCase()).filter((x) => FORWARD_ERROR_REASONS.some((k) => k.toLowerCase() === x));
      if (known.length) reasons = new Set(known);
    }
  }
  const tripMs = typeof r.tripDuration === "string" ? isoDurationMs(r.tripDuration) : null;
  if (!tripMs) fail(r.tripDuration === undefined ? at : `${at}/tripDuration`, `'tripDuration' is an ISO 8601 duration such as "PT30S" (how long the breaker stays open), not ${JSON.stringify(r.tripDuration)}.`);
  if (r.acceptRetryAfter !== undefined && typeof r.acceptRetryAfter !== "boolean") fail(`${at}/acceptRetryAfter`, "'acceptRetryAfter' must be true or false.");
  if (r.name !== undefined && typeof r.name !== "string") fail(`${at}/name`, "'name' must be a string.");
  if (!ok) return null;
  return {
    name: (r.name as string | undefined) ?? "rule",
    ...(count !== undefined ? { count: count! } : { percentage: percentage! }),
    intervalMs: intervalMs!,
    statusRanges: ranges,
    errorReasons: reasons,
    tripMs: tripMs!,
    acceptRetryAfter: r.acceptRetryAfter === true,
  };
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `{{name}}` in a backend's value replaced by the named value's text (an unknown one reported). */
function namedValueResolver(nv: NamedValueTable | null, bad: (p: string, m: string, c?: string) => void): (text: string, at: string) => string {
  return (text, at) =>
    nv === null
      ? text
      : text.replace(/\{\{([^{}]*)\}\}/g, (all, name: string) => {
          const key = name.trim();
          const found = Object.prototype.hasOwnProperty.call(nv.values, key) ? key : Object.keys(nv.values).find((k) => k.toLowerCase() === key.toLowerCase());
          if (found === undefined) {
            bad(at, `The named value '${key}' is not configured (a backend's credentials and proxy may use {{named values}}).`, Codes.BackendUnknownReference);
            return all;
          }
          return nv.values[found]!;
        });
}

/**
 * `proxy`: { url: "http://host:port", username, password } (APIM's backend proxy contract). Only
 * http:// between the gateway and the proxy, as for the <proxy> policy; Basic credentials.
 */
function checkProxy(p: unknown, nv: NamedValueTable | null, entity: BackendEntity, bad: (p: string, m: string, c?: string) => void): void {
  if (!isObject(p)) return bad("/proxy", "'proxy' must be an object: { \"url\": \"http://host:port\", \"username\", \"password\" }.");
  for (const k of Object.keys(p)) if (!["url", "username", "password"].includes(k)) bad(`/proxy/${esc(k)}`, `Unknown proxy property '${k}' (url, username, password).`);
  const resolve = namedValueResolver(nv, bad);
  const text = (k: "url" | "username" | "password"): string | null => {
    const v = p[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") {
      bad(`/proxy/${k}`, `'${k}' must be a string.`);
      return null;
    }
    return resolve(v, `/proxy/${k}`);
  };
  const url = text("url");
  const username = text("username");
  const password = text("password");
  if (url === null) return bad(p.url === undefined ? "/proxy" : "/proxy/url", "'proxy' needs 'url': the proxy's address, http://host:port.");
  let origin: string | null = null;
  try {
    const u = new URL(url.trim());
    if (u.protocol === "http:" && u.hostname !== "") origin = u.origin;
  } catch {
    origin = null;
  }
  // Never print the URL: a named value may have put credentials in it.
  if (origin === null) return bad("/proxy/url", "'proxy.url' must be an http:// URL (http://host:port): only HTTP is supported between the gateway and the proxy; https:// backends are reached through a CONNECT tunnel.");
  entity.proxy = { origin, authorization: username || password ? `Basic ${Buffer.from(`${username ?? ""}:${password ?? ""}`, "utf8").toString("base64")}` : null };
}

function checkCredentials(c: unknown, nv: NamedValueTable | null, checked: CheckedBackend, bad: (p: string, m: string, c?: string) => void): void {
  if (!isObject(c)) return bad("/credentials", "'credentials' must be an object: { header, query, authorization, certificate, certificateIds }.");
  for (const k of Object.keys(c)) if (!["header", "query", "authorization", "certificate", "certificateIds"].includes(k)) bad(`/credentials/${esc(k)}`, `Unknown credentials property '${k}' (header, query, authorization, certificate, certificateIds).`);
  const resolve = namedValueResolver(nv, bad);
  const pairs = (k: "header" | "query"): [string, string[]][] => {
    const v = c[k];
    if (v === undefined || v === null) return [];
    if (!isObject(v)) {
      bad(`/credentials/${k}`, `'${k}' is an object of name → array of values: { "x-key": ["{{key}}"] }.`);
      return [];
    }
    const out: [string, string[]][] = [];
    for (const [name, vals] of Object.entries(v)) {
      const at = `/credentials/${k}/${esc(name)}`;
      if (k === "header" ? !TOKEN.test(name) : name === "") bad(at, `'${name}' is not a valid ${k === "header" ? "header" : "query parameter"} name.`);
      const list = typeof vals === "string" ? [vals] : vals;
      if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== "string")) bad(at, `The values of '${name}' must be a non-empty array of strings.`);
      else out.push([name, list.map((x, i) => resolve(x as string, `${at}/${i}`))]);
    }
    return out;
  };
  const headers = pairs("header");
  const query = pairs("query");
  let authorization: string | null = null;
  if (c.authorization !== undefined && c.authorization !== null) {
    const a = c.authorization;
    if (!isObject(a) || typeof a.scheme !== "string" || !TOKEN.test(a.scheme) || (a.parameter !== undefined && typeof a.parameter !== "string"))
      bad("/credentials/authorization", "'authorization' is { \"scheme\": \"Bearer\", \"parameter\": \"{{token}}\" } (the Authorization header's scheme and value).");
    else authorization = a.parameter ? `${a.scheme} ${resolve(a.parameter as string, "/credentials/authorization/parameter")}` : a.scheme;
  }
  const certs: { thumbprint?: string; id?: string }[] = [];
  for (const k of ["certificate", "certificateIds"] as const) {
    const v = c[k];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || x.trim() === "")) {
      bad(`/credentials/${k}`, `'${k}' is an array of ${k === "certificate" ? "certificate thumbprints" : "certificate ids"}.`);
      continue;
    }
    for (const x of v as string[]) certs.push(k === "certificate" ? { thumbprint: x } : { id: lastSegment(x) });
  }
  if (certs.length > 1) bad("/credentials", "apimc presents one client certificate to a backend; give one in 'certificate' or 'certificateIds'.");
  if (certs.length === 1) checked.certificate = certs[0];
  if (headers.length || query.length || authorization !== null) checked.entity.credentials = { headers, query, authorization };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

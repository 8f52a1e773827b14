// cache-lookup-value / cache-store-value / cache-remove-value and cache-lookup / cache-store.
// Two caches per gateway environment: the internal one in memory, and the external one (Redis,
// runtime/state/redis-store.ts) when the gateway has shared state. caching-type: `internal` uses
// the memory cache; `external` and `prefer-external` (the default) use the external cache when
// there is one, else the memory cache (APIM: prefer-external "uses the external cache if configured").
import { store, ResponseMessage, type Context } from "../context.js";
import { HeaderMap } from "../headers.js";
import { MessageBody } from "../body.js";
import { PolicyError } from "../errors.js";
import { stateClock } from "./clock.js";
import type { MaybePromise } from "./limits.js";
import { traceCache } from "../trace.js";
import type { CachedResponse } from "./value-codec.js";

export interface CacheEntry {
  value: unknown;
  expiresAt: number;
}

export interface CacheStore {
  get(key: string, now: number): MaybePromise<CacheEntry | undefined>;
  /** `now`: the state clock's time (a store with its own expiry needs the time left). */
  set(key: string, value: unknown, expiresAt: number, now: number): MaybePromise<void>;
  delete(key: string): MaybePromise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly m = new Map<string, CacheEntry>();
  private ops = 0;
  get(key: string, now: number): CacheEntry | undefined {
    const e = this.m.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.m.delete(key);
      return undefined;
    }
    return e;
  }
  set(key: string, value: unknown, expiresAt: number, _now?: number): void {
    if (++this.ops % 1024 === 0) {
      const now = Date.now();
      for (const [k, e] of this.m) if (e.expiresAt <= now) this.m.delete(k);
    }
    this.m.delete(key); // keeps insertion order = recency for the size bound
    this.m.set(key, { value, expiresAt });
    if (this.m.size > MAX_ENTRIES) this.m.delete(this.m.keys().next().value as string);
  }
  delete(key: string): void {
    this.m.delete(key);
  }
  get size(): number {
    return this.m.size;
  }
}

/** Bound on entries so a cache keyed by caller input cannot grow without limit. */
const MAX_ENTRIES = 100_000;

export const CACHE_STORE = "state:cache";
/** The external cache's name in `ctx.$env.stores` (set by a gateway with shared state). */
export const EXTERNAL_CACHE_STORE = "state:cache-external";

export type CachingType = "internal" | "external" | "prefer-external";

function cache(ctx: Context, type: CachingType): CacheStore {
  if (type !== "internal") {
    const external = ctx.$env.stores.get(EXTERNAL_CACHE_STORE) as CacheStore | undefined;
    if (external) return external;
  }
  return store(ctx, CACHE_STORE, () => new MemoryCacheStore());
}

/** JToken values are mutable: the cache keeps its own copy and hands out copies. */
function copy(v: unknown): unknown {
  if (v !== null && typeof v === "object" && typeof (v as { DeepClone?: unknown }).DeepClone === "function") return (v as { DeepClone(): unknown }).DeepClone();
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

function keyText(key: unknown): string {
  if (key === null || key === undefined) throw new PolicyError("ExpressionValueEvaluationFailure", "The cache key is null.");
  return `v:${String(key)}`;
}

/**
 * cache-lookup-value. [OPEN] 11 (the reference page says both "null is assigned" and "the variable
 * will not be set" on a miss): with a `default-value` attribute, a miss stores that value; without
 * one, a miss leaves the variable unset, so the documented pattern
 * `!context.Variables.ContainsKey("name")` after the lookup detects the miss.
 */
export async function cacheGetValue(ctx: Context, key: unknown, variable: string, hasDefault: boolean, defaultValue: unknown, type: CachingType = "prefer-external"): Promise<void> {
  const e = await cache(ctx, type).get(keyText(key), stateClock(ctx).now());
  if (ctx.Tracing) traceCache(ctx, !!e);
  if (e) ctx.Variables.set(variable, copy(e.value));
  else if (hasDefault) ctx.Variables.set(variable, defaultValue);
}

/** cache-store-value: `duration` in seconds (positive). A null value removes the entry. */
export async function cacheSetValue(ctx: Context, key: unknown, value: unknown, duration: unknown, type: CachingType = "prefer-external"): Promise<void> {
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0)
    throw new PolicyError("ExpressionValueEvaluationFailure", `The cache duration must be a non-negative number of seconds, not ${String(duration)}.`);
  const k = keyText(key);
  const c = cache(ctx, type);
  if (value === null || value === undefined || duration === 0) return void (await c.delete(k));
  const now = stateClock(ctx).now();
  await c.set(k, copy(value), now + duration * 1000, now);
}

export async function cacheRemoveValue(ctx: Context, key: unknown, type: CachingType = "prefer-external"): Promise<void> {
  await cache(ctx, type).delete(keyText(key));
}

// ---------------------------------------------------------------------------------------------
// Whole-response caching

export interface CacheLookupSpec {
  varyByHeaders: readonly string[];
  varyByQuery: readonly string[];
  downstream: "none" | "private" | "public";
  mustRevalidate: boolean;
}

/** Requests that cache-lookup looked up and missed: the key and the cache cache-store writes to. */
const PENDING = new WeakMap<Context, { key: string; spec: CacheLookupSpec; cache: CacheStore }>();

/** Responses above this size are not cached (APIM's cached response limit, 2 MiB). */
export const MAX_CACHED_RESPONSE = 2 * 1024 * 1024;

/** Headers a cached response is not replayed with. */
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "set-cookie", "date", "age"]);

/**
 * The cache key: method, path, the query (only the vary-by-query-parameter names when some are
 * given, else the whole query, sorted), the vary-by-header values, and the user / groups when
 * vary-by-developer / vary-by-developer-groups.
 */
function responseKey(ctx: Context, spec: CacheLookupSpec, byDeveloper: boolean, byGroups: boolean): string {
  const rq = ctx.Request;
  const url = rq.Url;
  const q: string[] = [];
  if (spec.varyByQuery.length > 0) {
    for (const name of spec.varyByQuery) q.push(`${name}=${(url.Query.m.get(name) ?? []).join(",")}`);
  } else for (const [k, vs] of [...url.Query.m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) q.push(`${k}=${vs.join(",")}`);
  const h = spec.varyByHeaders.map((n) => `${n.toLowerCase()}:${rq.Headers.GetValueOrDefault(n, "") ?? ""}`);
  const dev = byDeveloper ? `|u:${ctx.User?.Id ?? ""}` : "";
  const groups = byGroups ? `|g:${(ctx.User?.Groups ?? []).map((g) => g.Id).sort().join(",")}` : "";
  return JSON.stringify([rq.Method, `${url.Scheme}://${url.Host}:${url.Port}${url.Path}`, q, h]) + dev + groups;
}

/**
 * cache-lookup: on a hit, the cached response becomes the response and the pipeline ends (returns
 * true). Only GET requests are cached; a request with an Authorization header is neither looked up
 * nor stored unless allow-private-response-caching is true.
 */
export async function cacheLookupResponse(ctx: Context, spec: CacheLookupSpec, byDeveloper: boolean, byGroups: boolean, allowPrivate: boolean, type: CachingType = "prefer-external"): Promise<boolean> {
  const rq = ctx.Request;
  if (rq.Method !== "GET") return false;
  if (!allowPrivate && rq.Headers.ContainsKey("Authorization")) return false;
  const key = `r:${responseKey(ctx, spec, byDeveloper, byGroups)}`;
  const now = stateClock(ctx).now();
  const target = cache(ctx, type);
  const e = await target.get(key, now);
  if (ctx.Tracing) traceCache(ctx, !!e);
  ctx.$cacheResult = e ? "hit" : "miss";
  if (!e) {
    PENDING.set(ctx, { key, spec, cache: target });
    return false;
  }
  const c = e.value as CachedResponse;
  const headers = new HeaderMap("response");
  for (const [n, vs] of c.headers) headers.setValues(n, vs);
  const res = new ResponseMessage(c.status, c.reason, headers, new MessageBody(Buffer.from(c.body)));
  downstreamHeaders(res, spec, Math.max(0, Math.floor((e.expiresAt - now) / 1000)));
  ctx.Response = res;
  ctx.Request.Body?.discard(); // a streamed request body is not read: let its connection go
  ctx.Request.Body = null;
  return true;
}

function downstreamHeaders(res: ResponseMessage, spec: CacheLookupSpec, maxAge: number): void {
  if (spec.downstream === "none") return;
  res.Headers.setValues("Cache-Control", [`${spec.downstream}, max-age=${maxAge}${spec.mustRevalidate ? ", must-revalidate" : ""}`]);
}

/**
 * cache-store: stores the current response under the key of this request's cache-lookup miss
 * (nothing without one). Only 200 responses unless cache-response is true; never a response
 * above 2 MiB or one marked `Cache-Control: no-store` / `private` by the backend.
 */
export async function cacheStoreResponse(ctx: Context, duration: unknown, cacheResponse: boolean): Promise<void> {
  const pending = PENDING.get(ctx);
  if (!pending) return;
  PENDING.delete(ctx);
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0)
    throw new PolicyError("ExpressionValueEvaluationFailure", `The cache duration must be a non-negative number of seconds, not ${String(duration)}.`);
  const res = ctx.Response;
  if (!cacheResponse && res.StatusCode !== 200) return;
  const cc = (res.Headers.GetValueOrDefault("Cache-Control", "") ?? "").toLowerCase();
  if (/\bno-store\b|\bprivate\b/.test(cc)) return;
  const body = res.Body ? res.Body.content() : Buffer.alloc(0);
  if (body.length > MAX_CACHED_RESPONSE || duration === 0) return;
  const headers: [string, string[]][] = [];
  for (const h of res.Headers) if (!NOT_REPLAYED.has(h.Key.toLowerCase())) headers.push([h.Key, h.Value.slice()]);
  const now = stateClock(ctx).now();
  const entry: CachedResponse = { status: res.StatusCode, reason: res.StatusReason, headers, body: Buffer.from(body), storedAt: now, durationS: duration };
  await pending.cache.set(pending.key, entry, now + duration * 1000, now);
  downstreamHeaders(res, pending.spec, Math.floor(duration));
}

/** downstream-caching-type given by an expression. */
export function cacheDownstreamType(v: unknown): "none" | "private" | "public" {
  if (v === "none" || v === "private" || v === "public") return v;
  throw new PolicyError("ExpressionValueEvaluationFailure", `downstream-caching-type must be none, private or public, not '${String(v)}'.`);
}

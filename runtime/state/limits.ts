// rate-limit, rate-limit-by-key, quota, quota-by-key and limit-concurrency. Counters live in
// stores behind small interfaces: in memory here, in Redis with runtime/state/redis-store.ts (which
// is why every operation may return a promise and the generated code awaits it). A check and its
// count are one store call (`take`), so a shared store can make them one atomic step. Stores are
// kept in the gateway environment (`ctx.$env.stores`) and use its clock.
import { store, type Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { stateClock } from "./clock.js";
import { stateOnFinish } from "./hooks.js";
import { traceLimit } from "../trace.js";

export type MaybePromise<T> = T | Promise<T>;

// ---------------------------------------------------------------------------------------------
// Stores

export interface WindowCheck {
  allowed: boolean;
  /** Calls counted in the window (before this request's own increment). */
  used: number;
  /** When not allowed: milliseconds until enough calls leave the window. */
  retryAfterMs: number;
}

/** One sliding-window counter a call is checked against. */
export interface RateCounter {
  key: string;
  limit: number;
  windowMs: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Per counter: calls counted in its window before this call (for a refused call: up to the one that refused). */
  used: number[];
  /** When not allowed: milliseconds until the refusing counter has room. */
  retryAfterMs: number;
  /** When not allowed: the limit of the counter that refused. */
  limit: number;
}

/** Sliding-window counters by key (rate-limit, rate-limit-by-key). */
export interface RateLimitStore {
  /**
   * Whether `count` more calls fit under every counter (count 0: whether none has reached its
   * limit); if they all do and count > 0, records the calls at `now` on each, in the same atomic step.
   */
  take(counters: readonly RateCounter[], count: number, now: number): MaybePromise<TakeResult>;
  /** Records `count` calls at `now` (deferred counting). */
  record(key: string, windowMs: number, count: number, now: number): MaybePromise<void>;
}

export interface QuotaUsage {
  calls: number;
  bytes: number;
  /** End of the current period (ms since epoch); Infinity for a lifetime quota. */
  periodEnd: number;
}

/** One quota counter a call is checked against: `calls` / `bytes` null when the quota has no such limit. */
export interface QuotaCounter {
  key: string;
  period: QuotaPeriod;
  calls: number | null;
  bytes: number | null;
  /** Calls this request adds to the counter when it is allowed (0: none, e.g. counted already). */
  add: number;
}

export interface QuotaTake {
  allowed: boolean;
  /** When not allowed: which limit, and the end of the refusing counter's period. */
  exceeded: "call volume" | "bandwidth" | null;
  periodEnd: number;
}

/** Fixed-window (period) counters by key (quota, quota-by-key). */
export interface QuotaStore {
  /**
   * Whether the call fits every counter (see `quotaRefusal`); if so, adds each counter's `add`
   * calls, in the same atomic step.
   */
  take(counters: readonly QuotaCounter[], inc: number, deferred: boolean, now: number): MaybePromise<QuotaTake>;
  usage(key: string, period: QuotaPeriod, now: number): MaybePromise<QuotaUsage>;
  add(key: string, period: QuotaPeriod, calls: number, bytes: number, now: number): MaybePromise<void>;
}

/**
 * The rule for one quota counter (the Redis script has the same): calls used + `inc` must stay
 * within `calls` (with deferred counting: used < calls, the count is known later); bandwidth used < bytes.
 */
export function quotaRefusal(c: QuotaCounter, usedCalls: number, usedBytes: number, inc: number, deferred: boolean): "call volume" | "bandwidth" | null {
  if (c.calls !== null && (deferred ? usedCalls >= c.calls : usedCalls + inc > c.calls)) return "call volume";
  if (c.bytes !== null && usedBytes >= c.bytes) return "bandwidth";
  return null;
}

export interface QuotaPeriod {
  /** Period length in ms; 0 = the quota never renews. */
  lengthMs: number;
  /** Start of the first period (first-period-start), ms since epoch. */
  firstStartMs: number;
}

/** Concurrency slots by key (limit-concurrency). */
export interface ConcurrencyStore {
  /** A slot under `key` if fewer than `max` are taken (what `leave` gives back), else null. */
  enter(key: string, max: number): MaybePromise<ConcurrencySlot | null>;
  leave(slot: ConcurrencySlot): MaybePromise<void>;
}

/** A taken slot: its key, and the store's own mark of it (a shared store tells slots apart). */
export interface ConcurrencySlot {
  key: string;
  token: string;
}

/** A sliding log: call times and counts in the window, oldest first. */
class SlidingLog {
  times: number[] = [];
  counts: number[] = [];
  head = 0;
  total = 0;
  windowMs = 0;
  prune(now: number, windowMs: number): void {
    this.windowMs = Math.max(this.windowMs, windowMs);
    const edge = now - windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= edge) {
      this.total -= this.counts[this.head]!;
      this.head++;
    }
    if (this.head > 32 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.counts = this.counts.slice(this.head);
      this.head = 0;
    }
  }
  get last(): number {
    return this.times.length > this.head ? this.times[this.times.length - 1]! : -Infinity;
  }
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly logs = new Map<string, SlidingLog>();
  private ops = 0;

  check(key: string, limit: number, windowMs: number, count: number, now: number): WindowCheck {
    this.sweep(now);
    const log = this.logs.get(key);
    if (!log) return { allowed: count <= limit && limit > 0, used: 0, retryAfterMs: count > limit || limit <= 0 ? windowMs : 0 };
    log.prune(now, windowMs);
    const used = log.total;
    const allowed = count > 0 ? used + count <= limit : used < limit;
    if (allowed) return { allowed, used, retryAfterMs: 0 };
    // Time until enough of the oldest calls leave the window for this request to fit.
    let need = used + Math.max(count, 1) - limit;
    let at = now + windowMs;
    for (let i = log.head; i < log.times.length; i++) {
      need -= log.counts[i]!;
      if (need <= 0) {
        at = log.times[i]! + windowMs;
        break;
      }
    }
    return { allowed, used, retryAfterMs: Math.max(0, at - now) };
  }

  take(counters: readonly RateCounter[], count: number, now: number): TakeResult {
    const used: number[] = [];
    for (const c of counters) {
      const r = this.check(c.key, c.limit, c.windowMs, count, now);
      used.push(r.used);
      if (!r.allowed) return { allowed: false, used, retryAfterMs: r.retryAfterMs, limit: c.limit };
    }
    if (count > 0) for (const c of counters) this.record(c.key, c.windowMs, count, now);
    return { allowed: true, used, retryAfterMs: 0, limit: 0 };
  }

  record(key: string, windowMs: number, count: number, now: number): void {
    if (count <= 0) return;
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = new SlidingLog()));
    log.prune(now, windowMs);
    log.times.push(now);
    log.counts.push(count);
    log.total += count;
  }

  /** Drops idle keys now and then, so a key per caller does not grow the map forever. */
  private sweep(now: number): void {
    if (++this.ops % 4096 !== 0) return;
    for (const [k, log] of this.logs) if (log.last <= now - log.windowMs) this.logs.delete(k);
  }

  get size(): number {
    return this.logs.size;
  }
}

export class MemoryQuotaStore implements QuotaStore {
  private readonly counters = new Map<string, { index: number; calls: number; bytes: number }>();

  take(counters: readonly QuotaCounter[], inc: number, deferred: boolean, now: number): QuotaTake {
    for (const c of counters) {
      const u = this.usage(c.key, c.period, now);
      const exceeded = quotaRefusal(c, u.calls, u.bytes, inc, deferred);
      if (exceeded) return { allowed: false, exceeded, periodEnd: u.periodEnd };
    }
    for (const c of counters) if (c.add > 0) this.add(c.key, c.period, c.add, 0, now);
    return { allowed: true, exceeded: null, periodEnd: 0 };
  }

  usage(key: string, period: QuotaPeriod, now: number): QuotaUsage {
    const { index, end } = periodOf(period, now);
    const c = this.counters.get(key);
    if (!c || c.index !== index) return { calls: 0, bytes: 0, periodEnd: end };
    return { calls: c.calls, bytes: c.bytes, periodEnd: end };
  }

  add(key: string, period: QuotaPeriod, calls: number, bytes: number, now: number): void {
    const { index } = periodOf(period, now);
    let c = this.counters.get(key);
    if (!c || c.index !== index) this.counters.set(key, (c = { index, calls: 0, bytes: 0 }));
    c.calls += calls;
    c.bytes += bytes;
  }
}

export function periodOf(p: QuotaPeriod, now: number): { index: number; end: number } {
  if (p.lengthMs <= 0) return { index: 0, end: Infinity };
  const index = Math.floor((now - p.firstStartMs) / p.lengthMs);
  return { index, end: p.firstStartMs + (index + 1) * p.lengthMs };
}

export class MemoryConcurrencyStore implements ConcurrencyStore {
  private readonly inFlight = new Map<string, number>();
  enter(key: string, max: number): ConcurrencySlot | null {
    const n = this.inFlight.get(key) ?? 0;
    if (n >= max) return null;
    this.inFlight.set(key, n + 1);
    return { key, token: "" };
  }
  leave({ key }: ConcurrencySlot): void {
    const n = (this.inFlight.get(key) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, n);
  }
  count(key: string): number {
    return this.inFlight.get(key) ?? 0;
  }
}

/** The stores' names in `ctx.$env.stores`; put another implementation there to replace one. */
export const STATE_STORES = { rateLimit: "state:rate-limit", quota: "state:quota", concurrency: "state:concurrency" } as const;

const rateStore = (ctx: Context): RateLimitStore => store(ctx, STATE_STORES.rateLimit, () => new MemoryRateLimitStore());
const quotaStore = (ctx: Context): QuotaStore => store(ctx, STATE_STORES.quota, () => new MemoryQuotaStore());
const concurrencyStore = (ctx: Context): ConcurrencyStore => store(ctx, STATE_STORES.concurrency, () => new MemoryConcurrencyStore());

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Header and variable names of a rate limit (rate-limit and rate-limit-by-key). */
export interface RateLimitNames {
  retryAfterHeader: string | null;
  retryAfterVariable: string | null;
  remainingHeader: string | null;
  remainingVariable: string | null;
  totalHeader: string | null;
}

/** Increment to apply at the end of the request (expressions in increment-condition / increment-count). */
export type DeferredIncrement = () => number;

function positiveInt(v: unknown, what: string, max = Number.MAX_SAFE_INTEGER, min = 1): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    throw new PolicyError("ExpressionValueEvaluationFailure", `${what} must be an integer between ${min} and ${max}, not ${String(v)}.`);
  return v;
}

function setResponseHeader(ctx: Context, name: string | null, value: string): void {
  if (name) ctx.Response.Headers.setValues(name, [value]);
}

const RATE_LIMIT_MESSAGE = "Rate limit is exceeded";

function rateLimited(ctx: Context, names: RateLimitNames, retryAfterMs: number, total: number): PolicyError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (names.retryAfterVariable) ctx.Variables.set(names.retryAfterVariable, retryAfter);
  if (names.remainingVariable) ctx.Variables.set(names.remainingVariable, 0);
  stateOnFinish(ctx, (c) => {
    setResponseHeader(c, names.retryAfterHeader ?? "Retry-After", String(retryAfter));
    setResponseHeader(c, names.remainingHeader, "0");
    setResponseHeader(c, names.totalHeader, String(total));
  });
  return new PolicyError("RateLimitExceeded", RATE_LIMIT_MESSAGE, 429);
}

// ---------------------------------------------------------------------------------------------
// rate-limit-by-key

/**
 * rate-limit-by-key. `inc` is the literal/immediate increment (0 when counting is deferred);
 * `deferred` gives the increment at the end of the request when increment-condition or
 * increment-count are expressions (the reference page: counting then happens after outbound, so a
 * 429 can come one call late). A request that is turned away is not counted.
 */
export async function rateLimitByKey(
  ctx: Context,
  names: RateLimitNames,
  key: unknown,
  calls: unknown,
  renewalPeriod: unknown,
  inc: number,
  deferred: DeferredIncrement | null,
): Promise<void> {
  const limit = positiveInt(calls, "calls", Number.MAX_SAFE_INTEGER, 0);
  const periodS = positiveInt(renewalPeriod, "renewal-period", 300);
  const k = `rlk:${key === null || key === undefined ? "" : String(key)}`;
  const windowMs = periodS * 1000;
  const st = rateStore(ctx);
  const clock = stateClock(ctx);
  const now = clock.now();
  const r = await st.take([{ key: k, limit, windowMs }], deferred ? 0 : inc, now);
  if (ctx.Tracing)
    traceLimit(ctx, r.allowed ? { policy: "rate-limit-by-key", key: k.slice(4), allowed: true, limit, remaining: Math.max(0, limit - (r.used[0] ?? 0) - (deferred ? 0 : inc)) } : { policy: "rate-limit-by-key", key: k.slice(4), allowed: false, limit, remaining: 0, retryAfterMs: r.retryAfterMs });
  if (!r.allowed) throw rateLimited(ctx, names, r.retryAfterMs, limit);
  const used = r.used[0] ?? 0;
  if (!deferred) return finishRateHeaders(ctx, names, limit, limit - used - inc);
  if (names.remainingVariable) ctx.Variables.set(names.remainingVariable, Math.max(0, limit - used));
  stateOnFinish(ctx, async (c) => {
    const n = deferred();
    if (typeof n === "number" && n > 0) await st.record(k, windowMs, n, clock.now());
    setResponseHeader(c, names.remainingHeader, String(Math.max(0, limit - used - (n > 0 ? n : 0))));
    setResponseHeader(c, names.totalHeader, String(limit));
  });
}

function finishRateHeaders(ctx: Context, names: RateLimitNames, total: number, remaining: number): void {
  remaining = Math.max(0, remaining);
  if (names.remainingVariable) ctx.Variables.set(names.remainingVariable, remaining);
  if (names.remainingHeader || names.totalHeader)
    stateOnFinish(ctx, (c) => {
      setResponseHeader(c, names.remainingHeader, String(remaining));
      setResponseHeader(c, names.totalHeader, String(total));
    });
}

// ---------------------------------------------------------------------------------------------
// rate-limit and quota (per subscription, with optional per-API and per-operation limits)

export interface ScopedLimit {
  calls: number | null;
  /** quota only: kilobytes. */
  bandwidthKb?: number | null;
  periodS: number;
}
export interface ApiLimit extends ScopedLimit {
  name: string | null;
  id: string | null;
  operations: (ScopedLimit & { name: string | null; id: string | null })[];
}
export interface SubscriptionLimitSpec extends ScopedLimit {
  /** The scope the policy is written at (global, product, api, operation): one counter per scope entity. */
  scope: string;
  apis: ApiLimit[];
}

function scopeEntity(ctx: Context, scope: string): string {
  switch (scope) {
    case "product":
      return `product/${ctx.Product?.Id ?? ""}`;
    case "api":
      return `api/${ctx.Api.Id}`;
    case "operation":
      return `op/${ctx.Api.Id}/${ctx.Operation.Id}`;
    default:
      return "global";
  }
}

/**
 * Whether an <api> or <operation> element names this API or operation: by `id` when it has one
 * (the reference pages: "If both attributes are provided, id will be used and name will be
 * ignored"), else by `name`.
 */
function refersTo(ref: { name: string | null; id: string | null }, entity: { Id: string; Name: string }): boolean {
  return ref.id !== null ? ref.id === entity.Id : ref.name === entity.Name;
}

/**
 * The counters that apply to this request (which has a subscription): the policy's own, plus the
 * matching <api> and, inside it, the matching <operation>.
 */
function applicableLimits(ctx: Context, spec: SubscriptionLimitSpec, prefix: string): { key: string; limit: ScopedLimit }[] {
  const base = `${prefix}:${scopeEntity(ctx, spec.scope)}:${ctx.Subscription!.Id}`;
  const out = [{ key: base, limit: spec as ScopedLimit }];
  for (const api of spec.apis) {
    if (!refersTo(api, ctx.Api)) continue;
    out.push({ key: `${base}:api/${ctx.Api.Id}`, limit: api });
    for (const op of api.operations) {
      if (!refersTo(op, ctx.Operation)) continue;
      out.push({ key: `${base}:api/${ctx.Api.Id}/op/${ctx.Operation.Id}`, limit: op });
    }
  }
  return out;
}

/**
 * rate-limit: every applicable counter must have room; then each counts the call. Calls without a
 * subscription are neither limited nor counted (usage notes: "only applied when an API is accessed
 * using a subscription key").
 */
export async function rateLimitSubscription(ctx: Context, spec: SubscriptionLimitSpec, names: RateLimitNames): Promise<void> {
  if (!ctx.Subscription) return;
  const st = rateStore(ctx);
  const now = stateClock(ctx).now();
  const counters = applicableLimits(ctx, spec, "rl").map((l) => ({ key: l.key, limit: l.limit.calls ?? 0, windowMs: l.limit.periodS * 1000 }));
  const r = await st.take(counters, 1, now);
  if (!r.allowed) {
    if (ctx.Tracing) traceLimit(ctx, { policy: "rate-limit", allowed: false, limit: r.limit, remaining: 0, retryAfterMs: r.retryAfterMs });
    throw rateLimited(ctx, names, r.retryAfterMs, r.limit);
  }
  let remaining = Infinity;
  let total = 0;
  counters.forEach((c, i) => {
    if (c.limit - (r.used[i] ?? 0) - 1 < remaining) {
      remaining = c.limit - (r.used[i] ?? 0) - 1;
      total = c.limit;
    }
  });
  if (ctx.Tracing) traceLimit(ctx, { policy: "rate-limit", allowed: true, limit: total, remaining: Math.max(0, remaining) });
  finishRateHeaders(ctx, names, total, remaining);
}

/** Counted keys of a request, so several quota policies on one key count a request once (reference page). */
const COUNTED = new WeakMap<Context, Set<string>>();

function counted(ctx: Context, key: string): boolean {
  return COUNTED.get(ctx)?.has(key) ?? false;
}

function markCounted(ctx: Context, key: string): void {
  let s = COUNTED.get(ctx);
  if (!s) COUNTED.set(ctx, (s = new Set()));
  s.add(key);
}

/** .NET TimeSpan "c" format: [d.]hh:mm:ss. */
export function timeSpanText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d > 0 ? `${d}.` : ""}${p(h)}:${p(m)}:${p(s)}`;
}

function quotaExceeded(ctx: Context, what: "call volume" | "bandwidth", periodEnd: number, now: number): PolicyError {
  const finite = Number.isFinite(periodEnd);
  if (finite) {
    const retryAfter = Math.max(1, Math.ceil((periodEnd - now) / 1000));
    stateOnFinish(ctx, (c) => setResponseHeader(c, "Retry-After", String(retryAfter)));
  }
  const message = finite ? `Out of ${what} quota. Quota will be replenished in ${timeSpanText(periodEnd - now)}.` : `Out of ${what} quota.`;
  return new PolicyError("QuotaExceeded", message, 403);
}

/** Bytes of the request and the response bodies, added to bandwidth quotas at the end of the request. */
function transferredBytes(ctx: Context, requestBytes: number): number {
  const res = ctx.Response.Body ? ctx.Response.Body.content().length : 0;
  return requestBytes + res;
}

interface ScopedQuota {
  key: string;
  limit: ScopedLimit;
  period: QuotaPeriod;
}

async function quotaRun(ctx: Context, counters: ScopedQuota[], inc: number, deferred: DeferredIncrement | null): Promise<void> {
  const st = quotaStore(ctx);
  const clock = stateClock(ctx);
  const now = clock.now();
  // Several quota policies on one key count a request once: only the first adds to it.
  const fresh = counters.filter((c) => !counted(ctx, c.key));
  const checks: QuotaCounter[] = counters.map((c) => {
    const kb = c.limit.bandwidthKb ?? null;
    const add = !deferred && inc > 0 && c.limit.calls !== null && fresh.includes(c) ? inc : 0;
    return { key: c.key, period: c.period, calls: c.limit.calls, bytes: kb === null ? null : kb * 1024, add };
  });
  const t = await st.take(checks, inc, deferred !== null, now);
  if (ctx.Tracing) {
    const key = counters[0]?.key.startsWith("qk:") ? counters[0].key.slice(3) : undefined;
    const policy = key === undefined ? "quota" : "quota-by-key";
    traceLimit(ctx, t.allowed ? { policy, key, allowed: true } : { policy, key, allowed: false, exceeded: t.exceeded ?? "call volume", retryAfterMs: Number.isFinite(t.periodEnd) ? Math.max(0, t.periodEnd - now) : undefined });
  }
  if (!t.allowed) throw quotaExceeded(ctx, t.exceeded ?? "call volume", t.periodEnd, now);
  for (const c of fresh) markCounted(ctx, c.key);
  if (fresh.length === 0) return;
  const needBytes = fresh.some((c) => (c.limit.bandwidthKb ?? null) !== null);
  if (!deferred && !needBytes) return;
  // Only bandwidth quotas look at bodies (such modules ask the gateway to buffer them: readsBody).
  const requestBytes = needBytes && ctx.Request.Body ? ctx.Request.Body.content().length : 0;
  stateOnFinish(ctx, async (x) => {
    const n = deferred ? deferred() : 0;
    const bytes = needBytes ? transferredBytes(x, requestBytes) : 0;
    const t = clock.now();
    for (const c of fresh) {
      const callsNow = deferred && c.limit.calls !== null && typeof n === "number" && n > 0 ? n : 0;
      const b = (c.limit.bandwidthKb ?? null) !== null && (!deferred || n > 0) ? bytes : 0;
      if (callsNow > 0 || b > 0) await st.add(c.key, c.period, callsNow, b, t);
    }
  });
}

/**
 * quota: per subscription, fixed periods starting at the first request's period boundary
 * (epoch-aligned). Like rate-limit, only calls with a subscription are counted and limited.
 */
export async function quotaSubscription(ctx: Context, spec: SubscriptionLimitSpec): Promise<void> {
  if (!ctx.Subscription) return;
  const counters = applicableLimits(ctx, spec, "q").map((l) => ({ key: l.key, limit: l.limit, period: { lengthMs: l.limit.periodS * 1000, firstStartMs: 0 } }));
  await quotaRun(ctx, counters, 1, null);
}

export interface QuotaByKeySpec {
  calls: number | null;
  bandwidthKb: number | null;
  periodS: number;
  firstStartMs: number;
}

/** quota-by-key: one counter per key value across all scopes. */
export async function quotaByKey(ctx: Context, spec: QuotaByKeySpec, key: unknown, inc: number, deferred: DeferredIncrement | null): Promise<void> {
  const k = `qk:${key === null || key === undefined ? "" : String(key)}`;
  await quotaRun(ctx, [{ key: k, limit: spec, period: { lengthMs: spec.periodS * 1000, firstStartMs: spec.firstStartMs } }], inc, deferred);
}

// ---------------------------------------------------------------------------------------------
// limit-concurrency

/** [infer] The reference page gives only the status (429); reason and message are ours. */
export async function concurrencyEnter(ctx: Context, key: unknown, max: number): Promise<ConcurrencySlot> {
  const k = key === null || key === undefined ? "" : String(key);
  const slot = await concurrencyStore(ctx).enter(k, max);
  if (ctx.Tracing) traceLimit(ctx, { policy: "limit-concurrency", key: k, allowed: !!slot, limit: max });
  if (!slot) throw new PolicyError("ConcurrencyLimitExceeded", "Too many concurrent requests: the concurrency limit is exceeded.", 429);
  return slot;
}

export async function concurrencyLeave(ctx: Context, slot: ConcurrencySlot): Promise<void> {
  await concurrencyStore(ctx).leave(slot);
}

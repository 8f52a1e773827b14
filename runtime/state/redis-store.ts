// The Redis state store: rate limits, quotas, concurrency slots and the external cache of every
// gateway that shares one Redis. Each limit operation is one Lua script (redis-scripts.ts), atomic
// in Redis. The store talks to Redis through `StateConnection` (the gateway adapts node-redis to it:
// gateway/shared-state.ts), so the runtime carries no client.
//
// When Redis does not answer (not connected, or no reply within the connection's timeout), the call
// fails open (limits not enforced, caches miss, writes skipped) or closed (the policy fails with
// 503 SharedStateUnavailable, which on-error sees), by `failMode`. While the connection is known to
// be down, calls fail at once instead of waiting for the timeout.
import { randomBytes } from "node:crypto";
import type { CacheEntry, CacheStore } from "./cache.js";
import type { ConcurrencySlot, ConcurrencyStore, QuotaCounter, QuotaPeriod, QuotaStore, QuotaTake, QuotaUsage, RateCounter, RateLimitStore, TakeResult } from "./limits.js";
import { CONCURRENCY_ENTER, QUOTA_ADD, QUOTA_TAKE, QUOTA_USAGE, RATE_RECORD, RATE_TAKE, type LuaScript } from "./redis-scripts.js";
import { stateUnavailable, type FailMode, type SharedState, type SharedStateListeners, type StateErrorEvent, type StateErrorKind } from "./shared.js";
import { decodeEntry, encodeEntry } from "./value-codec.js";

/** A failed call to the shared state, as the connection classifies it. */
export class StateCallError extends Error {
  constructor(
    readonly kind: StateErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** What the store needs from a Redis connection. */
export interface StateConnection {
  /** Where it is, without credentials. */
  readonly target: string;
  /**
   * One command; resolves with its reply (strings, integers, arrays). Rejects with a StateCallError:
   * "timeout" (no reply in time), "unavailable" (not connected), "error" (an error reply).
   */
  send(args: readonly string[]): Promise<unknown>;
  /** Connected and ready now. */
  isReady(): boolean;
  /** Connection changes: `up` true when (re)connected, false when lost (with the reason). */
  onChange(listener: (up: boolean, reason: string) => void): void;
  close(): Promise<void>;
}

export interface RedisStoreOptions {
  failMode?: FailMode;
  /** Prefix of every key (default "apimc:"), so several gateways' configurations can share a server. */
  prefix?: string;
  /** How long a limit-concurrency slot is held when its request never leaves (a gateway that died), ms. */
  leaseMs?: number;
  /** The call timeout the connection applies, ms (for messages). */
  timeoutMs?: number;
}

type Health = "connecting" | "up" | "down";

export class RedisStateStore implements RateLimitStore, ConcurrencyStore, CacheStore, SharedState {
  readonly kind = "redis";
  readonly target: string;
  readonly failMode: FailMode;
  readonly errors: Record<StateErrorKind, number> = { unavailable: 0, timeout: 0, error: 0 };
  private readonly prefix: string;
  private readonly leaseMs: number;
  private readonly timeoutMs: number;
  private health: Health = "connecting";
  private readonly listeners: { change: Set<NonNullable<SharedStateListeners["change"]>>; error: Set<NonNullable<SharedStateListeners["error"]>> } = { change: new Set(), error: new Set() };
  /** Unique call ids: this store's random part and a counter. */
  private readonly idPrefix = randomBytes(6).toString("base64url");
  private seq = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly conn: StateConnection,
    opts: RedisStoreOptions = {},
  ) {
    this.target = conn.target;
    this.failMode = opts.failMode ?? "open";
    this.prefix = opts.prefix ?? "apimc:";
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
    this.timeoutMs = opts.timeoutMs ?? 0;
    conn.onChange((up, reason) => this.setHealth(up ? "up" : "down", reason));
    if (conn.isReady()) this.setHealth("up", "connected");
  }

  // -------------------------------------------------------------------------------------------
  // SharedState

  ready(): boolean {
    return this.health === "up";
  }

  on<K extends keyof SharedStateListeners>(event: K, listener: NonNullable<SharedStateListeners[K]>): void {
    (this.listeners[event] as Set<typeof listener>).add(listener);
  }

  off<K extends keyof SharedStateListeners>(event: K, listener: NonNullable<SharedStateListeners[K]>): void {
    (this.listeners[event] as Set<typeof listener>).delete(listener);
  }

  whenReady(timeoutMs: number): Promise<void> {
    if (this.health === "up") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error(`the shared state (${this.target}) is not reachable after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  close(): Promise<void> {
    return this.conn.close();
  }

  private setHealth(h: Health, reason: string): void {
    if (h === this.health) return;
    const was = this.health;
    this.health = h;
    if (h === "up") {
      for (const w of this.waiters.splice(0)) w();
    }
    // Connecting → up is the normal start, not a change worth a log line.
    if (was === "connecting" && h === "up") return;
    for (const l of this.listeners.change) l({ up: h === "up", reason });
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  private id(): string {
    return `${this.idPrefix}.${(this.seq = (this.seq + 1) % 0x7fffffff)}`;
  }

  private key(k: string): string {
    return this.prefix + k;
  }

  /**
   * Runs `fn` against Redis; on failure counts and tells the error, then returns `fallback()`
   * (fail open) or throws 503 SharedStateUnavailable (fail closed).
   */
  private async call<T>(operation: string, fn: () => Promise<T>, fallback: () => T): Promise<T> {
    let failure: StateErrorEvent;
    if (this.health === "down" && !this.conn.isReady()) failure = { kind: "unavailable", operation, message: "not connected" };
    else
      try {
        const r = await fn();
        if (this.health !== "up") this.setHealth("up", "answering again");
        return r;
      } catch (e) {
        const kind: StateErrorKind = e instanceof StateCallError ? e.kind : "error";
        failure = { kind, operation, message: (e as Error).message };
        if (kind === "timeout") this.setHealth("down", `calls time out${this.timeoutMs ? ` after ${this.timeoutMs} ms` : ""}`);
        else if (kind === "unavailable") this.setHealth("down", (e as Error).message);
      }
    this.errors[failure.kind]++;
    for (const l of this.listeners.error) l(failure);
    if (this.failMode === "open") return fallback();
    throw stateUnavailable(failure, this.target);
  }

  private async eval(s: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    try {
      return await this.conn.send(["EVALSHA", s.sha, ...rest]);
    } catch (e) {
      // A server that restarted (or was flushed) has no scripts: send the source once.
      if (e instanceof StateCallError && e.kind === "error" && /NOSCRIPT/.test(e.message)) return this.conn.send(["EVAL", s.source, ...rest]);
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rate limits

  take(counters: readonly RateCounter[], count: number, now: number): Promise<TakeResult> {
    const keys: string[] = [];
    const args: (string | number)[] = [count, now, this.id()];
    for (const c of counters) {
      keys.push(this.key(c.key), this.key(`${c.key}:n`));
      args.push(c.limit, c.windowMs);
    }
    return this.call(
      "rate-limit",
      async () => {
        const r = (await this.eval(RATE_TAKE, keys, args)) as number[];
        const refused = Number(r[1]);
        return { allowed: Number(r[0]) === 1, used: r.slice(3).map(Number), retryAfterMs: Number(r[2]), limit: refused > 0 ? counters[refused - 1]!.limit : 0 };
      },
      () => ({ allowed: true, used: counters.map(() => 0), retryAfterMs: 0, limit: 0 }),
    );
  }

  record(key: string, windowMs: number, count: number, now: number): Promise<void> {
    if (count <= 0) return Promise.resolve();
    return this.call(
      "rate-limit",
      async () => void (await this.eval(RATE_RECORD, [this.key(key), this.key(`${key}:n`)], [count, now, this.id(), windowMs])),
      () => undefined,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Quotas

  quotaTake(counters: readonly QuotaCounter[], inc: number, deferred: boolean, now: number): Promise<QuotaTake> {
    const args: (string | number)[] = [inc, deferred ? 1 : 0, now];
    for (const c of counters) args.push(c.period.lengthMs, c.period.firstStartMs, c.calls ?? -1, c.bytes ?? -1, c.add);
    return this.call(
      "quota",
      async () => {
        const r = (await this.eval(
          QUOTA_TAKE,
          counters.map((c) => this.key(c.key)),
          args,
        )) as number[];
        const end = Number(r[2]);
        return { allowed: Number(r[0]) === 1, exceeded: Number(r[1]) === 1 ? "call volume" : Number(r[1]) === 2 ? "bandwidth" : null, periodEnd: end < 0 ? Infinity : end };
      },
      () => ({ allowed: true, exceeded: null, periodEnd: 0 }),
    );
  }

  usage(key: string, period: QuotaPeriod, now: number): Promise<QuotaUsage> {
    return this.call(
      "quota",
      async () => {
        const r = (await this.eval(QUOTA_USAGE, [this.key(key)], [period.lengthMs, period.firstStartMs, now])) as number[];
        const end = Number(r[2]);
        return { calls: Number(r[0]), bytes: Number(r[1]), periodEnd: end < 0 ? Infinity : end };
      },
      () => ({ calls: 0, bytes: 0, periodEnd: Infinity }),
    );
  }

  add(key: string, period: QuotaPeriod, calls: number, bytes: number, now: number): Promise<void> {
    return this.call(
      "quota",
      async () => void (await this.eval(QUOTA_ADD, [this.key(key)], [period.lengthMs, period.firstStartMs, now, calls, bytes])),
      () => undefined,
    );
  }

  // -------------------------------------------------------------------------------------------
  // limit-concurrency

  enter(key: string, max: number): Promise<ConcurrencySlot | null> {
    const token = this.id();
    const k = this.key(`lc:${key}`);
    return this.call<ConcurrencySlot | null>(
      "concurrency",
      async () => (Number(await this.eval(CONCURRENCY_ENTER, [k], [max, Date.now(), token, this.leaseMs])) === 1 ? { key, token } : null),
      // Fail open: the request runs; an empty token tells `leave` there is no slot to give back.
      () => ({ key, token: "" }),
    );
  }

  leave(slot: ConcurrencySlot): Promise<void> {
    if (slot.token === "") return Promise.resolve();
    // Never fails the request (its response is decided): a slot not given back ends with its lease.
    return this.call(
      "concurrency",
      async () => void (await this.conn.send(["ZREM", this.key(`lc:${slot.key}`), slot.token])),
      () => undefined,
    ).catch(() => undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Cache (keys "v:…" values, "r:…" whole responses)

  get(key: string, now: number): Promise<CacheEntry | undefined> {
    return this.call(
      "cache-get",
      async () => {
        const text = await this.conn.send(["GET", this.key(`c:${key}`)]);
        if (typeof text !== "string") return undefined;
        const e = decodeEntry(text, key.startsWith("r:"));
        return e.expiresAt > now ? e : undefined;
      },
      () => undefined,
    );
  }

  set(key: string, value: unknown, expiresAt: number, now: number): Promise<void> {
    const text = encodeEntry(value, expiresAt, key.startsWith("r:")); // an unstorable value fails the policy, Redis or not
    const ttl = Math.ceil(expiresAt - now);
    return this.call(
      "cache-set",
      async () => void (await this.conn.send(ttl > 0 ? ["SET", this.key(`c:${key}`), text, "PX", String(ttl)] : ["DEL", this.key(`c:${key}`)])),
      () => undefined,
    );
  }

  delete(key: string): Promise<void> {
    return this.call(
      "cache-delete",
      async () => void (await this.conn.send(["DEL", this.key(`c:${key}`)])),
      () => undefined,
    );
  }
}

/** The quota side of the store under QuotaStore's names (`take` is the rate-limit one on the store itself). */
export function quotaStoreOf(s: RedisStateStore): QuotaStore {
  return { take: (c, inc, deferred, now) => s.quotaTake(c, inc, deferred, now), usage: (k, p, now) => s.usage(k, p, now), add: (k, p, c, b, now) => s.add(k, p, c, b, now) };
}

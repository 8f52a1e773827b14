// The gateway's shared state: a Redis server (gateway.json "state", or --redis URL) that holds the
// rate limits, quotas, concurrency slots and the external cache of every gateway process using it.
// The client is node-redis (the `redis` package: Redis's own client, maintained with the server,
// RESP2/RESP3, reconnection with backoff and per-command timeouts built in); it is loaded only when
// Redis is configured (it takes a while to load). It is adapted here to the runtime's
// StateConnection, and the runtime's RedisStateStore goes into the environment's stores. Which
// policies need shared state (the --workers refusal) is gateway/shared-state-check.ts.
import { createRequire } from "node:module";
import { EXTERNAL_CACHE_STORE } from "../runtime/state/cache.js";
import { STATE_STORES } from "../runtime/state/limits.js";
import { RedisStateStore, StateCallError, quotaStoreOf, type StateConnection } from "../runtime/state/redis-store.js";
import type { FailMode, SharedState } from "../runtime/state/shared.js";

export interface StateConfig {
  /** redis://[user:password@]host:port[/db] or rediss:// (TLS). */
  redis: string;
  /** What state policies do when Redis does not answer: "open" (default: limits not enforced, caches miss) or "closed" (503). */
  failMode?: FailMode;
  /** Per-call timeout, ms (default 500). */
  timeoutMs?: number;
  /** Prefix of every key (default "apimc:"). */
  keyPrefix?: string;
}

export const DEFAULT_STATE_TIMEOUT_MS = 500;

/** A Redis URL as it may be printed: without user and password. */
export function redisTarget(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return "redis (invalid URL)";
  }
}

/** The smallest part of a node-redis client used here. */
interface NodeRedisClient {
  isReady: boolean;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  connect(): Promise<unknown>;
  sendCommand(args: readonly string[], options?: { timeout?: number; rejectInFlight?: boolean }): Promise<unknown>;
  close?(): Promise<void>;
  quit?(): Promise<unknown>;
  destroy?(): void;
}

/** Reconnection: 50 ms doubling up to 2 s between attempts, forever (a restarted Redis is found again). */
export const reconnectDelay = (retries: number): number => Math.min(50 * 2 ** Math.min(retries, 6), 2000);

/** Connects to Redis (in the background: calls made before it is up wait in the client's queue, within the timeout). */
export function connectRedis(cfg: StateConfig): StateConnection {
  const { createClient } = createRequire(import.meta.url)("redis") as { createClient(o: object): NodeRedisClient };
  const timeout = cfg.timeoutMs ?? DEFAULT_STATE_TIMEOUT_MS;
  const client = createClient({
    url: cfg.redis,
    socket: { reconnectStrategy: reconnectDelay, connectTimeout: Math.max(timeout, 1000) },
    disableClientInfo: true,
  });
  const target = redisTarget(cfg.redis);
  const listeners: ((up: boolean, reason: string) => void)[] = [];
  const tell = (up: boolean, reason: string) => listeners.forEach((l) => l(up, reason));
  let closed = false;
  client.on("ready", () => tell(true, "connected"));
  // Every failed attempt is an "error" event: the store logs changes, not attempts.
  client.on("error", (e) => tell(false, errorText(e)));
  client.on("end", () => {
    if (!closed) tell(false, "connection closed");
  });
  client.connect().catch((e: unknown) => tell(false, errorText(e)));
  const options = { timeout, rejectInFlight: true };
  return {
    target,
    isReady: () => client.isReady,
    onChange: (l) => void listeners.push(l),
    async send(args) {
      try {
        return await client.sendCommand(args, options);
      } catch (e) {
        throw classify(e);
      }
    },
    async close() {
      closed = true;
      try {
        if (client.close) await client.close();
        else await client.quit?.();
      } catch {
        client.destroy?.();
      }
    },
  };
}

function errorText(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err.code ? `${err.message ?? "error"} (${err.code})` : (err.message ?? String(e));
}

function classify(e: unknown): StateCallError {
  const name = (e as Error)?.constructor?.name ?? "";
  const message = errorText(e);
  if (/Timeout/.test(name)) return new StateCallError("timeout", message);
  if (/ErrorReply|SimpleError|BlobError/.test(name)) return new StateCallError("error", message);
  return new StateCallError("unavailable", message);
}

/**
 * Creates the Redis store for `cfg` and puts it into `stores` (rate limits, quotas, concurrency,
 * the external cache; the internal cache stays in memory). Returns it for readiness, logs and metrics.
 */
export function installSharedState(cfg: StateConfig, stores: Map<string, unknown>, connect: (cfg: StateConfig) => StateConnection = connectRedis): SharedState {
  const store = new RedisStateStore(connect(cfg), { failMode: cfg.failMode, prefix: cfg.keyPrefix, timeoutMs: cfg.timeoutMs ?? DEFAULT_STATE_TIMEOUT_MS });
  stores.set(STATE_STORES.rateLimit, store);
  stores.set(STATE_STORES.quota, quotaStoreOf(store));
  stores.set(STATE_STORES.concurrency, store);
  stores.set(EXTERNAL_CACHE_STORE, store);
  return store;
}

/** The log line of a change of the shared state's reachability. */
export function stateChangeLine(s: SharedState, up: boolean, reason: string): string {
  if (up) return `apimc: shared state ${s.target} is reachable again (${reason})`;
  const effect = s.failMode === "open" ? "limits are not enforced and the external cache misses until it is back (failMode open)" : "requests that use limits or the external cache get 503 until it is back (failMode closed)";
  return `apimc: shared state ${s.target} is not reachable (${reason}); ${effect}`;
}


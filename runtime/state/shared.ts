// The shared state a gateway may run with (Redis), as the rest of the gateway sees it: whether it
// is reachable now, its up/down changes, its errors (for readiness, logs and metrics), and what a
// state policy does when it is not reachable (fail open or closed). No Redis client here: the
// gateway adapts one to `StateConnection` (runtime/state/redis-store.ts) and hands the store over.
import { PolicyError } from "../errors.js";

/** What a state policy does when the shared state does not answer in time. */
export type FailMode = "open" | "closed";

/** Why a shared-state call failed: no connection, no answer within the timeout, or an error reply. */
export type StateErrorKind = "unavailable" | "timeout" | "error";

export interface StateErrorEvent {
  kind: StateErrorKind;
  /** The store operation: "rate-limit", "quota", "concurrency", "cache-get", "cache-set", "cache-delete". */
  operation: string;
  message: string;
}

/** A change of reachability, told once per change (not per request). */
export interface StateChangeEvent {
  up: boolean;
  /** e.g. "connection refused (ECONNREFUSED)", "calls time out after 250 ms", "reconnected". */
  reason: string;
}

export interface SharedStateListeners {
  change?: (e: StateChangeEvent) => void;
  error?: (e: StateErrorEvent) => void;
}

/**
 * The shared state's operations surface: `ready()` for a readiness check, `on("change")` to log
 * up/down once per change, `on("error")` and `errors` to count failures (metrics).
 */
export interface SharedState {
  readonly kind: "redis";
  /** Where it is, without credentials (for log lines): e.g. "redis://10.0.0.5:6379/0". */
  readonly target: string;
  readonly failMode: FailMode;
  /** Reachable now: connected, and the last call did not time out. */
  ready(): boolean;
  on<K extends keyof SharedStateListeners>(event: K, listener: NonNullable<SharedStateListeners[K]>): void;
  off<K extends keyof SharedStateListeners>(event: K, listener: NonNullable<SharedStateListeners[K]>): void;
  /** Failed calls since start, by kind. */
  readonly errors: Readonly<Record<StateErrorKind, number>>;
  /** Resolves when first connected (or at once when it is), rejects after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** LastError reason of a fail-closed state policy whose shared state did not answer. */
export const STATE_UNAVAILABLE = "SharedStateUnavailable";

export function stateUnavailable(e: StateErrorEvent, target: string): PolicyError {
  const why = e.kind === "timeout" ? "did not answer in time" : e.kind === "unavailable" ? "is not reachable" : `failed (${e.message})`;
  return new PolicyError(STATE_UNAVAILABLE, `The gateway's shared state (${target}) ${why}; the request is refused (state.failMode "closed").`, 503);
}

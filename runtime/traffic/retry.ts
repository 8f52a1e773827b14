// retry and wait at run time: the delay between attempts, and running wait's children concurrently.
import { PolicyError } from "../errors.js";
// Section functions and wait's children return this to end the pipeline (return-response, mock-response).
import { END_PIPELINE as END } from "../contract.js";

export interface RetrySettings {
  /** Seconds. */
  interval: number;
  /** Seconds, or null when absent. */
  maxInterval: number | null;
  /** Seconds, or null when absent. */
  delta: number | null;
  firstFastRetry: boolean;
}

/**
 * Milliseconds to wait before retry number `n` (1 = the first retry), per the retry reference page:
 * - only `interval`: fixed, `interval`;
 * - `interval` + `delta`: linear, `interval + (n - 1) * delta`;
 * - `interval` + `delta` + `max-interval`: exponential, `interval + 2^(n-1) * random(0.8*delta, 1.2*delta)`
 *   (the current page's formula; the older page had `2^n - 1`), capped by `max-interval`.
 * `max-interval` caps every strategy when present. With first-fast-retry, retry 1 does not wait.
 */
export function retryDelayMs(n: number, s: RetrySettings, random: () => number = Math.random): number {
  if (n === 1 && s.firstFastRetry) return 0;
  let seconds: number;
  if (s.delta === null) seconds = s.interval;
  else if (s.maxInterval === null) seconds = s.interval + (n - 1) * s.delta;
  else seconds = s.interval + 2 ** (n - 1) * (s.delta * (0.8 + 0.4 * random()));
  if (s.maxInterval !== null && seconds > s.maxInterval) seconds = s.maxInterval;
  return Math.max(0, Math.round(seconds * 1000));
}

/** Checks computed retry settings (literal ones were checked at compile time). */
export function retrySettings(count: unknown, interval: unknown, maxInterval: unknown, delta: unknown, firstFastRetry: unknown): RetrySettings & { count: number } {
  const num = (v: unknown, what: string): number => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new PolicyError("ExpressionValueEvaluationFailure", `retry: ${what} must be a non-negative number of seconds, not ${String(v)}.`);
    return v;
  };
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 50)
    throw new PolicyError("ExpressionValueEvaluationFailure", `retry: count must be an integer from 1 to 50, not ${String(count)}.`);
  return {
    count,
    interval: num(interval, "interval"),
    maxInterval: maxInterval === null || maxInterval === undefined ? null : num(maxInterval, "max-interval"),
    delta: delta === null || delta === undefined ? null : num(delta, "delta"),
    firstFastRetry: firstFastRetry === true,
  };
}

/** Waits before retry `n` (a real timer; resolves at once for a zero delay). */
export function retryWait(n: number, s: RetrySettings): Promise<void> | void {
  const ms = retryDelayMs(n, s);
  if (ms <= 0) return;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type Task = () => Promise<unknown>;

/** The policy-table index a failed wait child's error belongs to (see waitChildFailed). */
const FAILED_AT = new WeakMap<object, number>();

/**
 * Called by a wait child's catch: the children share `ctx.$p`, so when it no longer points into
 * this child's part of the policy table [lo, hi) (another child ran since), LastError falls back
 * to the child itself. Returns the error to rethrow.
 */
export function waitChildFailed(ctx: { $p: number }, e: unknown, lo: number, hi: number): unknown {
  const p = ctx.$p >= lo && ctx.$p < hi ? ctx.$p : lo;
  ctx.$p = p;
  if (typeof e === "object" && e !== null) FAILED_AT.set(e, p);
  return e;
}

function failWith(ctx: { $p: number }, e: unknown): never {
  if (typeof e === "object" && e !== null) {
    const p = FAILED_AT.get(e);
    if (p !== undefined) ctx.$p = p;
  }
  throw e;
}

/** wait for="all": every child runs concurrently; done when all are; the first error propagates. */
export async function waitAll(ctx: { $p: number }, tasks: readonly Task[]): Promise<number | undefined> {
  let results: unknown[];
  try {
    results = await Promise.all(tasks.map((t) => t()));
  } catch (e) {
    failWith(ctx, e);
  }
  return results.includes(END) ? END : undefined;
}

/**
 * wait for="any": every child runs concurrently; done when the first one completes successfully.
 * The others keep running to completion in the background (an in-flight HTTP call is not
 * aborted, so a late send-request may still set its variable) but are no longer awaited, and
 * their errors are dropped. When every child fails, the first child's error propagates.
 */
export async function waitAny(ctx: { $p: number }, tasks: readonly Task[]): Promise<number | undefined> {
  const started = tasks.map((t) => t());
  try {
    const r = await Promise.any(started);
    return r === END ? END : undefined;
  } catch (e) {
    const errors = (e as { errors?: unknown[] }).errors;
    failWith(ctx, errors && errors.length ? errors[0] : e);
  }
}

/** wait with a computed `for`. */
export function waitFor(ctx: { $p: number }, mode: unknown, tasks: readonly Task[]): Promise<number | undefined> {
  if (mode === "all") return waitAll(ctx, tasks);
  if (mode === "any") return waitAny(ctx, tasks);
  throw new PolicyError("ExpressionValueEvaluationFailure", `wait: 'for' must be 'all' or 'any', not '${String(mode)}'.`);
}

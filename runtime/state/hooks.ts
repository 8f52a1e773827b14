// Work a state policy leaves for the end of the request: response headers of rate limits and
// quotas (Retry-After, remaining calls), counting deferred to the end of outbound, bandwidth.
// `stateFinish(ctx)` runs it once the response is final (after outbound, or after on-error /
// the default error response); the pipeline calls it (see the state policies' notes).
import type { Context } from "../context.js";

type FinishFn = (ctx: Context) => unknown;

/** Registers work to run when the response of `ctx` is final. */
export function stateOnFinish(ctx: Context, fn: FinishFn): void {
  (ctx.$finish ??= []).push(fn);
}

/** True when the request has finishing work (lets a host skip the call cheaply: one field read). */
export function stateHasFinish(ctx: Context): boolean {
  return ctx.$finish !== null;
}

/**
 * Runs the finishing work of `ctx` once, in registration order. Never throws: a deferred
 * increment-condition that fails is skipped (the call is not counted), as a response is already decided.
 */
export async function stateFinish(ctx: Context): Promise<void> {
  const list = ctx.$finish;
  if (!list) return;
  ctx.$finish = null;
  for (const fn of list) {
    try {
      const r = fn(ctx);
      if (r !== undefined && r !== null && typeof (r as Promise<unknown>).then === "function") await r;
    } catch {
      // skipped; see above
    }
  }
}

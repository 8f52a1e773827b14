// emit-metric and the observer of a request (observer.ts): the gateway subscribes and turns what
// it is told into Prometheus metrics (gateway/metrics.ts). No observer, no cost beyond a null
// check: runPolicy and library users pay nothing.
import type { Context } from "./context.js";
import { DEFAULT_DIMENSIONS, type Observer } from "./observer.js";
import { PolicyError } from "./errors.js";
import { Decimal, decToNum } from "./dotnet/decimal.js";

export { DEFAULT_DIMENSIONS, type Observer };

/** The observer of this request's gateway, or null. */
export function observerOf(ctx: Context): Observer | null {
  return ctx.$env.observer ?? null;
}

/** The value of a default dimension for this request ("" when the request has none, e.g. no subscription). */
export function defaultDimension(ctx: Context, name: string): string {
  switch (name) {
    case "API ID":
      return ctx.Api.Id;
    case "Operation ID":
      return ctx.Operation.Id;
    case "Product ID":
      return ctx.Product?.Id ?? "";
    case "User ID":
      return ctx.User?.Id ?? "";
    case "Subscription ID":
      return ctx.Subscription?.Id ?? "";
    case "Location":
      return ctx.Deployment.Region;
    case "Gateway ID":
      return ctx.Deployment.GatewayId;
    case "Backend ID": {
      // The configured backend whose URL set-backend-service chose; "" for the API's own service URL.
      if (ctx.$backendUrl === null) return ctx.$backendPool ?? "";
      for (const [id, b] of ctx.$env.backends) if (b.url === ctx.$backendUrl) return id;
      return "";
    }
    default:
      return "";
  }
}

/**
 * emit-metric. `dims` holds [name, value] pairs; a null value takes the default dimension's value
 * (the compiler allows that only for a literal default dimension name; an expression name that
 * is not one gives "").
 */
export function emitMetric(ctx: Context, name: string, namespace: string, value: unknown, dims: readonly (readonly [unknown, unknown])[]): void {
  const v = metricValue(value);
  const o = ctx.$env.observer;
  if (!o) return;
  const out: [string, string][] = [];
  for (const [n, dv] of dims) {
    const dn = n === null || n === undefined ? "" : String(n);
    if (dn === "") throw new PolicyError("ExpressionValueEvaluationFailure", "emit-metric: a dimension name is empty.");
    out.push([dn, dv === null || dv === undefined ? defaultDimension(ctx, dn) : String(dv)]);
  }
  o.metric(name, namespace, v, out);
}

/** The metric value as a double: numbers, longs, decimals, and strings that parse as numbers. */
function metricValue(v: unknown): number {
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "bigint") n = Number(v);
  else if (typeof v === "boolean") n = NaN;
  else if (typeof v === "string") n = v.trim() === "" ? NaN : Number(v.trim());
  else if (v instanceof Decimal) n = decToNum(v);
  // A boxed number (an object-typed expression: NumBox, FloatBox).
  else if (v !== null && typeof v === "object" && typeof (v as { v?: unknown }).v === "number") n = (v as { v: number }).v;
  else n = NaN;
  if (!Number.isFinite(n)) throw new PolicyError("ExpressionValueEvaluationFailure", `emit-metric: the value '${String(v)}' is not a finite number.`);
  return n;
}

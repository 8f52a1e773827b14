// The observation hook a host subscribes to (gateway/metrics.ts): what runtime/ reports while
// requests run, without knowing who listens. No imports: context.ts, observe.ts and the compiler use it.

export interface Observer {
  /** A send-request or send-one-way-request finished: the URL's host, its status (null: no response), ms to the response headers. */
  callout(host: string, status: number | null, ms: number): void;
  /** emit-metric: one value of a custom metric with its dimensions (name → value, in the policy's order). */
  metric(name: string, namespace: string, value: number, dimensions: readonly (readonly [string, string])[]): void;
}

/** The dimension names emit-metric fills in when a `<dimension>` has no value (reference page). */
export const DEFAULT_DIMENSIONS: ReadonlySet<string> = new Set(["API ID", "Operation ID", "Product ID", "User ID", "Subscription ID", "Location", "Gateway ID", "Backend ID"]);

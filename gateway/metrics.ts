// Prometheus metrics of a gateway (served at /_apimc/metrics): requests, the gateway's own time and
// the backend's, callouts, limit rejections, Redis errors and emit-metric's custom metrics.
// prom-client's Registry formats them and aggregates them across cluster workers; the counting
// itself is plain fields and arrays here, because prom-client's own Counter/Histogram hash their
// label objects on every call (~2 µs for one inc + one observe, measured), which is per request.
import { Registry } from "prom-client";
import type { Observer } from "../runtime/observer.js";
import type { EventLoopWatch } from "./event-loop-watch.js";

/** Seconds; the gateway's own time is usually well under a millisecond. */
const GATEWAY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BACKEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Label sets a custom metric (emit-metric) may have; more are dropped (and counted). */
export const MAX_CUSTOM_SERIES = 10_000;
/** Reasons of the LastError of a limit policy's rejection. */
const LIMIT_REASONS = new Set(["RateLimitExceeded", "QuotaExceeded", "ConcurrencyLimitExceeded"]);

type Labels = Record<string, string>;
interface MetricValue {
  labels: Labels;
  value: number;
  metricName?: string;
}
/** What prom-client's Registry reads from a metric (its `get()`), the same shape its own metrics give. */
interface MetricJson {
  name: string;
  help: string;
  type: "counter" | "histogram" | "summary" | "gauge";
  values: MetricValue[];
  aggregator: "sum" | "max";
}

class Histo {
  readonly counts: Float64Array;
  sum = 0;
  count = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length);
  }
  observe(v: number): void {
    const b = this.bounds;
    for (let i = 0; i < b.length; i++)
      if (v <= b[i]!) {
        this.counts[i]!++;
        break;
      }
    this.sum += v;
    this.count++;
  }
  /** Cumulative buckets, +Inf, sum and count, as prom-client writes a histogram. */
  values(name: string, labels: Labels, out: MetricValue[]): void {
    let acc = 0;
    for (let i = 0; i < this.bounds.length; i++) {
      acc += this.counts[i]!;
      out.push({ labels: { le: String(this.bounds[i]), ...labels }, value: acc, metricName: `${name}_bucket` });
    }
    out.push({ labels: { le: "+Inf", ...labels }, value: this.count, metricName: `${name}_bucket` });
    out.push({ labels, value: this.sum, metricName: `${name}_sum` });
    out.push({ labels, value: this.count, metricName: `${name}_count` });
  }
}

/** The counters of one (API, operation): what a request touches, found once per route. */
export class OperationSeries {
  /** By status * 4 + cache index (none, hit, miss). */
  readonly requests = new Map<number, number>();
  readonly gateway = new Histo(GATEWAY_BUCKETS);
  readonly backend = new Histo(BACKEND_BUCKETS);
  /** By "policy\0reason". */
  readonly rejections = new Map<string, number>();
  constructor(
    readonly api: string,
    readonly operation: string,
  ) {}
}

const CACHE = ["none", "hit", "miss"] as const;

interface CustomMetric {
  name: string;
  /** Prometheus label names: namespace, then the first emit's dimensions (sanitized). */
  labelNames: string[];
  /** The dimension names as written, in labelNames' order (after namespace). */
  dimensionNames: string[];
  series: Map<string, { labels: Labels; sum: number; count: number }>;
  warned: boolean;
}

export interface GatewayMetricsOptions {
  /** Told once per custom metric about a problem (another dimension set, too many series). */
  onProblem?: (message: string) => void;
}

export class GatewayMetrics implements Observer {
  readonly registry = new Registry();
  private readonly ops = new Map<string, OperationSeries>();
  private readonly callouts = new Map<string, { statuses: Map<string, number>; time: Histo }>();
  private readonly redisErrors = new Map<string, number>();
  private readonly custom = new Map<string, CustomMetric>();
  private droppedCustom = 0;
  /** Set by the host when it watches the event loop (event-loop-watch.ts). */
  loop: EventLoopWatch | null = null;

  constructor(private readonly opts: GatewayMetricsOptions = {}) {
    const reg = (name: string, help: string, type: MetricJson["type"], values: () => MetricValue[], aggregator: MetricJson["aggregator"] = "sum") =>
      this.registry.registerMetric({ name, help, type, get: (): MetricJson => ({ name, help, type, values: values(), aggregator }) } as never);
    reg("apimc_requests_total", "Requests answered, by API, operation, status code and cache-lookup result (none, hit, miss).", "counter", () => {
      const out: MetricValue[] = [];
      for (const s of this.ops.values())
        for (const [k, n] of s.requests) out.push({ labels: { api: s.api, operation: s.operation, status: String(k >> 2), cache: CACHE[k & 3]! }, value: n });
      return out;
    });
    reg("apimc_gateway_duration_seconds", "The gateway's own time per request: from the request to the response written, minus the time waiting for the backend.", "histogram", () => {
      const out: MetricValue[] = [];
      for (const s of this.ops.values()) if (s.gateway.count) s.gateway.values("apimc_gateway_duration_seconds", { api: s.api, operation: s.operation }, out);
      return out;
    });
    reg("apimc_backend_duration_seconds", "Time waiting for the backend's response headers, per forwarded request.", "histogram", () => {
      const out: MetricValue[] = [];
      for (const s of this.ops.values()) if (s.backend.count) s.backend.values("apimc_backend_duration_seconds", { api: s.api, operation: s.operation }, out);
      return out;
    });
    reg("apimc_limit_rejections_total", "Requests a rate-limit, quota or limit-concurrency policy turned away, by API, operation, policy and reason.", "counter", () => {
      const out: MetricValue[] = [];
      for (const s of this.ops.values())
        for (const [k, n] of s.rejections) {
          const [policy, reason] = k.split("\0") as [string, string];
          out.push({ labels: { api: s.api, operation: s.operation, policy, reason }, value: n });
        }
      return out;
    });
    reg("apimc_callouts_total", "send-request and send-one-way-request calls, by host and status code (\"error\": no response).", "counter", () => {
      const out: MetricValue[] = [];
      for (const [host, c] of this.callouts) for (const [status, n] of c.statuses) out.push({ labels: { host, status }, value: n });
      return out;
    });
    reg("apimc_callout_duration_seconds", "Time to a callout's response headers, by host.", "histogram", () => {
      const out: MetricValue[] = [];
      for (const [host, c] of this.callouts) c.time.values("apimc_callout_duration_seconds", { host }, out);
      return out;
    });
    reg("apimc_redis_errors_total", "Failed calls to the shared state store (Redis), by kind (unavailable, timeout, error) and operation (rate-limit, quota, concurrency, cache-get, cache-set, cache-delete).", "counter", () =>
      [...this.redisErrors].map(([k, n]) => {
        const [kind, operation] = k.split("\0") as [string, string];
        return { labels: { kind, operation }, value: n };
      }),
    );
    reg("apimc_event_loop_delay_seconds", "Event-loop delay in the last window (1 s): p50, p99 and max (perf_hooks.monitorEventLoopDelay).", "gauge", () =>
      this.loop ? (["p50", "p99", "max"] as const).map((q) => ({ labels: { quantile: q }, value: this.loop!.last[q] })) : [],
      "max", // across cluster workers: the worst one
    );
    reg("apimc_event_loop_delay_max_seconds", "The longest event-loop delay since the gateway started.", "gauge", () => (this.loop ? [{ labels: {}, value: this.loop.maxSeconds }] : []), "max");
    reg("apimc_event_loop_stalls_total", "Windows (1 s) whose event-loop delay passed the threshold (each also logged once, with the longest request).", "counter", () => (this.loop ? [{ labels: {}, value: this.loop.stalls }] : []));
    reg("apimc_custom_metric_dropped_total", `emit-metric values not recorded because their metric already had ${MAX_CUSTOM_SERIES} label sets.`, "counter", () => [{ labels: {}, value: this.droppedCustom }]);
  }

  /** The series of an (API, operation): kept across reloads (same ids, same counters). */
  series(api: string, operation: string): OperationSeries {
    const key = `${api}\0${operation}`;
    let s = this.ops.get(key);
    if (!s) this.ops.set(key, (s = new OperationSeries(api, operation)));
    return s;
  }

  /**
   * One request answered. `gatewayMs` is the whole time minus `backendMs`; `reason`/`source` are
   * LastError's (a limit rejection is counted by them).
   */
  request(s: OperationSeries, status: number, cache: "hit" | "miss" | null, totalMs: number, backendMs: number, reason: string | null, source: string | null): void {
    const k = (status << 2) | (cache === null ? 0 : cache === "hit" ? 1 : 2);
    s.requests.set(k, (s.requests.get(k) ?? 0) + 1);
    s.gateway.observe(Math.max(0, totalMs - backendMs) / 1000);
    if (backendMs > 0) s.backend.observe(backendMs / 1000);
    if (reason !== null && LIMIT_REASONS.has(reason)) {
      const rk = `${source ?? ""}\0${reason}`;
      s.rejections.set(rk, (s.rejections.get(rk) ?? 0) + 1);
    }
  }

  callout(host: string, status: number | null, ms: number): void {
    let c = this.callouts.get(host);
    if (!c) this.callouts.set(host, (c = { statuses: new Map(), time: new Histo(BACKEND_BUCKETS) }));
    const st = status === null ? "error" : String(status);
    c.statuses.set(st, (c.statuses.get(st) ?? 0) + 1);
    c.time.observe(ms / 1000);
  }

  redisError(kind: string, operation: string): void {
    const k = `${kind}\0${operation}`;
    this.redisErrors.set(k, (this.redisErrors.get(k) ?? 0) + 1);
  }

  /**
   * emit-metric: a summary (`_sum` and `_count`, as Azure Monitor aggregates custom metrics) named
   * `apimc_custom_<name>`, labelled `namespace` and one label per dimension. One metric name has
   * one label set: the first emit's dimensions; a later emit with other dimension names fills the
   * missing ones with "" and drops the others (told once).
   */
  metric(name: string, namespace: string, value: number, dimensions: readonly (readonly [string, string])[]): void {
    const metricName = `apimc_custom_${sanitize(name)}`;
    let m = this.custom.get(metricName);
    if (!m) {
      const labelNames = ["namespace"];
      const dimensionNames: string[] = [];
      for (const [d] of dimensions) {
        const l = labelName(d);
        if (labelNames.includes(l)) continue;
        labelNames.push(l);
        dimensionNames.push(d);
      }
      m = { name: metricName, labelNames, dimensionNames, series: new Map(), warned: false };
      this.custom.set(metricName, m);
      const cm = m;
      const help = `emit-metric '${name}'`;
      this.registry.registerMetric({
        name: metricName,
        help,
        type: "summary",
        get: (): MetricJson => {
          const values: MetricValue[] = [];
          for (const s of cm.series.values()) {
            values.push({ labels: s.labels, value: s.sum, metricName: `${metricName}_sum` });
            values.push({ labels: s.labels, value: s.count, metricName: `${metricName}_count` });
          }
          return { name: metricName, help, type: "summary", values, aggregator: "sum" };
        },
      } as never);
    }
    const labels: Labels = { namespace };
    let keyText = namespace;
    let other = dimensions.length !== m.dimensionNames.length;
    for (let i = 0; i < m.dimensionNames.length; i++) {
      const want = m.dimensionNames[i]!;
      const d = dimensions[i]?.[0] === want ? dimensions[i] : dimensions.find((x) => x[0] === want);
      if (!d || dimensions[i]?.[0] !== want) other = true;
      const v = d ? d[1] : "";
      labels[m.labelNames[i + 1]!] = v;
      keyText += "\0" + v;
    }
    if (other && !m.warned) {
      m.warned = true;
      this.opts.onProblem?.(`emit-metric '${name}': emitted with dimensions ${dimensions.map((d) => `'${d[0]}'`).join(", ")} after ${m.dimensionNames.map((d) => `'${d}'`).join(", ")}; recorded under the first set (missing ones empty, others dropped)`);
    }
    let s = m.series.get(keyText);
    if (!s) {
      if (m.series.size >= MAX_CUSTOM_SERIES) {
        this.droppedCustom++;
        if (!m.warned) {
          m.warned = true;
          this.opts.onProblem?.(`emit-metric '${name}': more than ${MAX_CUSTOM_SERIES} dimension value combinations; further ones are dropped (apimc_custom_metric_dropped_total)`);
        }
        return;
      }
      m.series.set(keyText, (s = { labels, sum: 0, count: 0 }));
    }
    s.sum += value;
    s.count++;
  }

  /** The Prometheus text of this process's metrics. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** A Prometheus metric name part: letters, digits and _ (others become _). */
function sanitize(s: string): string {
  const t = s.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(t) ? `_${t}` : t;
}

/** A dimension name as a label name; never `namespace` or a reserved `__` name. */
function labelName(d: string): string {
  const l = sanitize(d);
  return l === "namespace" || l.startsWith("__") || l === "le" || l === "quantile" ? `dim_${l}` : l;
}

/** Whether a LastError reason is a limit policy's rejection. */
export function isLimitRejection(reason: string): boolean {
  return LIMIT_REASONS.has(reason);
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

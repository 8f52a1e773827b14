// Request traces. A traced request records, per policy run: where the policy is (file:line, path,
// section, scope), what it changed (variables, headers, URL, method, status, bodies; each with the
// value before where it had one), which branch a `choose` took and the value of each condition
// evaluated, cache hits and misses, rate limit, quota and concurrency decisions, outgoing requests
// (the backend's too) with their headers and bodies, and the error with every LastError field. Nothing here runs for a request that is not traced: the gateway watches `ctx.$p` (the
// policy index the generated code sets) only on traced contexts, and runtime helpers note things
// behind an `if (ctx.Tracing)` check.
import type { Context, ResponseMessage, TraceEntry } from "./context.js";
import type { HeaderEntry, HeaderMap } from "./headers.js";
import type { MessageBody } from "./body.js";
import type { LastErrorFields } from "./errors.js";
import { ROW_BRANCH, ROW_MASKED, type ModuleMeta, type PolicyRow } from "./contract.js";

/** What the trace reads of a policy module: its policy table (not the sections, so no import of the pipeline). */
export interface TracedModule {
  readonly meta: ModuleMeta;
}

export { ROW_BRANCH, ROW_MASKED };

/** Shown instead of a secret. */
export const MASK = "***";

/** Longest value the trace shows (longer ones are cut, with "…"). */
const MAX_VALUE = 256;
/** Longest body the trace shows (before/after a set-body, an outgoing exchange's bodies). */
export const MAX_BODY_VALUE = 4096;
/** A trace keeps at most this many entries (a retry loop can run policies many times). */
export const MAX_TRACE_ENTRIES = 10_000;

export interface TraceChange {
  kind: "variable" | "request-header" | "response-header" | "url" | "method" | "status" | "backend" | "response" | "request-body" | "response-body";
  name?: string;
  /** null: removed. */
  value: string | null;
  /** The value before (as the trace showed it); absent: it had none. */
  before?: string | null;
}

/** What an outgoing request carried (traced requests only): headers as sent and received, bodies cut at MAX_BODY_VALUE. */
export interface ExchangeDetails {
  requestHeaders?: [string, string][];
  requestBody?: string | null;
  responseHeaders?: [string, string][];
  responseBody?: string | null;
}

export interface OutgoingTrace extends ExchangeDetails {
  policy: string;
  method: string;
  url: string;
  status?: number;
  ms: number;
  error?: string;
}

/** A rate limit, quota or concurrency limit's decision for this request. */
export interface LimitDecision {
  policy: string;
  /** The counter's key (rate-limit-by-key, quota-by-key, limit-concurrency), `***` when the policy used a secret. */
  key?: string;
  allowed: boolean;
  /** calls (rate limits, call quotas), concurrent requests (limit-concurrency). */
  limit?: number;
  remaining?: number;
  /** Refused: when to try again, ms. */
  retryAfterMs?: number;
  /** quota: what ran out. */
  exceeded?: string;
}

/** A `when` of a choose that was evaluated: its condition's value (the first true one is taken). */
export interface ConditionValue {
  branch: string;
  value: boolean;
  line?: number;
}

export interface TraceError extends LastErrorFields {
  file?: string;
  line?: number;
}

/** One policy run (or one outgoing request, or the error) in a trace. */
export interface PolicyTraceEntry extends TraceEntry {
  policy?: string;
  path?: string;
  id?: string;
  section?: string;
  scope?: string;
  file?: string;
  line?: number;
  /** Since the request started, ms. */
  atMs?: number;
  /** Until the next policy started, ms. */
  durationMs?: number;
  /** choose: `when[k]`, `otherwise[1]`, `none`, or `failed` (a condition threw; its error entry follows). */
  branch?: string;
  /** choose: each condition evaluated, in order (false until the one taken, which is true). */
  conditions?: ConditionValue[];
  set?: TraceChange[];
  cache?: "hit" | "miss";
  limits?: LimitDecision[];
  requests?: OutgoingTrace[];
  /** The policy raised the error of the next `error` entry. */
  failed?: true;
  error?: TraceError;
}

/** What the trace leaves out: query parameter values and header values with these names. */
export interface Redaction {
  /** Query parameter names (compared as written and lower-cased). */
  query: ReadonlySet<string>;
  /** Lower-cased header names. */
  headers: ReadonlySet<string>;
}

const recorders = new WeakMap<Context, Recorder>();

/** Starts recording a traced request: call before the pipeline runs, `finishTrace` after. */
export function startTrace(ctx: Context, mod: TracedModule, redaction: Redaction): void {
  ctx.Tracing = true;
  const r = new Recorder(ctx, mod, redaction);
  recorders.set(ctx, r);
  let p = -1;
  Object.defineProperty(ctx, "$p", {
    get: () => p,
    set: (v: number) => {
      p = v;
      r.enter(v);
    },
    configurable: true,
  });
}

/** Records what the last policy changed; the trace is complete afterwards (one-way sends may still add to it). */
export function finishTrace(ctx: Context): void {
  recorders.get(ctx)?.enter(-1);
}

/** A cache lookup's outcome, on the running policy's entry. */
export function traceCache(ctx: Context, hit: boolean): void {
  const r = recorders.get(ctx);
  if (r) r.entryForNote("cache").cache = hit ? "hit" : "miss";
}

/** A limit's decision, on the running policy's entry (the key masked when the policy used a secret). */
export function traceLimit(ctx: Context, d: LimitDecision): void {
  const r = recorders.get(ctx);
  if (!r) return;
  if (d.key !== undefined) d.key = r.masked() ? MASK : describe(d.key);
  (r.entryForNote(d.policy).limits ??= []).push(d);
}

/** Outgoing headers and body for the trace: redacted names and a policy that used a secret show `***`. */
export type ExchangeRecorder = (status: number | null, error: unknown, details?: { requestHeaders?: HeaderMap; requestBody?: string | null; responseHeaders?: HeaderMap; responseBody?: MessageBody | null }) => void;

/**
 * An outgoing request (forward, send-request, send-one-way-request) starts: it goes on the running
 * policy's entry (or one of its own); the returned function records how it ended, and what it
 * carried when told.
 */
export function traceOutgoing(ctx: Context, method: string, url: string, source = "outgoing request"): ExchangeRecorder {
  const r = recorders.get(ctx);
  if (!r) return () => {};
  const entry = r.entryForNote(source);
  const masked = r.masked();
  const started = performance.now();
  const o: OutgoingTrace = { policy: entry.policy ?? source, method, url: masked ? MASK : redactUrl(url, r.redaction.query), ms: 0 };
  (entry.requests ??= []).push(o);
  return (status, error, details) => {
    o.ms = round(performance.now() - started);
    if (status !== null) o.status = status;
    if (error !== null && error !== undefined) o.error = String((error as Error)?.message ?? error);
    if (!details) return;
    const headers = (h: HeaderMap) => {
      const out: [string, string][] = [];
      for (const e of h.m.values()) out.push([e.name, masked || r.redaction.headers.has(e.name.toLowerCase()) ? MASK : describe(e.values.join(","))]);
      return out;
    };
    if (details.requestHeaders) o.requestHeaders = headers(details.requestHeaders);
    if (details.requestBody !== undefined) o.requestBody = masked ? MASK : details.requestBody;
    if (details.responseHeaders) o.responseHeaders = headers(details.responseHeaders);
    if (details.responseBody !== undefined) o.responseBody = bodyText(details.responseBody);
  };
}

/** A body as the trace shows it: its text up to MAX_BODY_VALUE characters; null when there is none. */
export function bodyText(b: MessageBody | null | undefined): string | null {
  if (!b) return null;
  if (b.isStream) return "(streamed through, not read)";
  if (b.isConsumed) return "(read by a policy without preserveContent)";
  const bytes = b.content();
  const s = bytes.subarray(0, MAX_BODY_VALUE * 4).toString("utf8");
  return s.length > MAX_BODY_VALUE ? `${s.slice(0, MAX_BODY_VALUE)}…` : s;
}

/** The error that ends the pipeline's normal flow (or on-error's), with every LastError field. */
export function traceError(ctx: Context, e: LastErrorFields, row: PolicyRow | undefined): void {
  const r = recorders.get(ctx);
  if (r) r.error(e, row);
  else if (ctx.Tracing) ctx.$trace.push(errorEntry(e, row));
}

function errorEntry(e: LastErrorFields, row: PolicyRow | undefined): PolicyTraceEntry {
  const error: TraceError = { ...e };
  if (row) {
    error.file = row.file;
    error.line = row.line;
  }
  return { source: e.Source, severity: "error", message: `${e.Reason}: ${e.Message}`, timeMs: Date.now(), error };
}

/** Lines up changes with the policy that made them by comparing snapshots at each `ctx.$p` change. */
class Recorder {
  readonly t0 = performance.now();
  current: PolicyTraceEntry | null = null;
  currentRow: PolicyRow | undefined;
  vars = new Map<string, unknown>();
  reqHeaders = new Map<string, HeaderEntry>();
  resHeaders = new Map<string, HeaderEntry>();
  response: ResponseMessage;
  url = "";
  method = "";
  status = 0;
  backend: string | null = null;
  reqBody: MessageBody | null = null;
  resBody: MessageBody | null = null;
  /** What the trace last showed for a name (`kind:name`): the `before` of its next change (masked stays masked). */
  shown = new Map<string, string | null>();
  count = 0;
  constructor(
    readonly ctx: Context,
    readonly mod: TracedModule,
    readonly redaction: Redaction,
  ) {
    this.response = ctx.Response;
    this.snapshot();
    // What the request came with: the first change of each shows it as `before` (redacted as the trace does).
    for (const [k, e] of this.reqHeaders) this.shown.set(`request-header:${k}`, redaction.headers.has(k) ? MASK : describe(e.values.join(",")));
    this.shown.set("request-body:", bodyText(this.reqBody));
    this.shown.set("url:", redactUrl(this.url, redaction.query));
    this.shown.set("method:", this.method);
  }

  /** Whether the running policy used a secret named value (its values are shown as `***`). */
  masked(): boolean {
    return ((this.currentRow?.flags ?? 0) & ROW_MASKED) !== 0;
  }

  enter(index: number): void {
    this.flush();
    const row = index >= 0 ? this.mod.meta.policies[index] : undefined;
    this.currentRow = row;
    if (!row) {
      this.current = null;
      return;
    }
    if (row.flags & ROW_BRANCH) {
      // The branch marker: the choose entry (the last one with the parent path) took this branch.
      const cut = row.path.lastIndexOf("\\");
      const parent = row.path.slice(0, cut);
      for (let i = this.ctx.$trace.length - 1; i >= 0; i--) {
        const e = this.ctx.$trace[i] as PolicyTraceEntry;
        if (e.path === parent && e.scope === row.scope && e.section === row.section && e.policy === "choose") {
          e.branch = row.path.slice(cut + 1);
          // The whens before the taken one were false, the taken one true, the rest not evaluated.
          if (e.conditions && e.branch.startsWith("when[")) {
            const k = e.conditions.findIndex((c) => c.branch === e.branch);
            if (k !== -1) {
              e.conditions[k]!.value = true;
              e.conditions.length = k + 1;
            }
          }
          this.current = e;
          return;
        }
      }
      this.current = null;
      return;
    }
    const entry: PolicyTraceEntry = {
      source: row.name,
      severity: "verbose",
      message: `${row.section}: ${row.path}${row.id ? ` (${row.id})` : ""}${row.file ? ` at ${row.file}:${row.line}` : ""}`,
      timeMs: Date.now(),
      policy: row.name,
      path: row.path,
      section: row.section,
      scope: row.scope,
      atMs: round(performance.now() - this.t0),
    };
    if (row.id) entry.id = row.id;
    if (row.file !== undefined) {
      entry.file = row.file;
      entry.line = row.line;
    }
    if (row.name === "choose") {
      entry.branch = "none";
      // Every `when` evaluated to false until a branch marker says which one was taken.
      const prefix = `${row.path}\\when[`;
      const conditions: ConditionValue[] = [];
      for (const b of this.mod.meta.policies)
        if (b.flags & ROW_BRANCH && b.scope === row.scope && b.section === row.section && b.path.startsWith(prefix) && !b.path.includes("\\", prefix.length)) conditions.push({ branch: b.path.slice(row.path.length + 1), value: false, line: b.line });
      if (conditions.length) entry.conditions = conditions;
    }
    this.push(entry);
    this.current = entry;
  }

  push(e: PolicyTraceEntry): void {
    if (++this.count > MAX_TRACE_ENTRIES) return;
    this.ctx.$trace.push(e);
  }

  /** The entry a note goes on: the running policy's, or a new one named after what noted it. */
  entryForNote(source: string): PolicyTraceEntry {
    if (this.current) return this.current;
    const e: PolicyTraceEntry = { source, severity: "verbose", message: source, timeMs: Date.now(), policy: source, atMs: round(performance.now() - this.t0) };
    this.push(e);
    return e;
  }

  error(e: LastErrorFields, row: PolicyRow | undefined): void {
    this.flush();
    const cur = this.current;
    if (cur && row && this.currentRow === row) {
      cur.failed = true;
      // A choose that failed before taking a branch: one of its conditions threw, which one is not
      // recorded (that would cost every request a store), so no condition's value is claimed.
      if (cur.policy === "choose" && cur.branch === "none") {
        cur.branch = "failed";
        delete cur.conditions;
      }
    }
    this.push(errorEntry(e, row));
    this.current = null;
    this.currentRow = undefined;
  }

  /** What changed since the last snapshot goes on the current entry. */
  flush(): void {
    const cur = this.current;
    if (cur) cur.durationMs = round(performance.now() - this.t0 - (cur.atMs ?? 0));
    const changes: TraceChange[] = [];
    const ctx = this.ctx;
    const masked = ((this.currentRow?.flags ?? 0) & ROW_MASKED) !== 0;
    const show = (v: unknown, secret: boolean) => (v === null || v === undefined ? null : masked || secret ? MASK : describe(v));
    const vars = ctx.Variables;
    for (const [k, v] of vars) if (!this.vars.has(k) || this.vars.get(k) !== v) changes.push({ kind: "variable", name: k, value: show(v, false) ?? "null" });
    for (const k of this.vars.keys()) if (!vars.has(k)) changes.push({ kind: "variable", name: k, value: null });
    diffHeaders(this.reqHeaders, ctx.Request.Headers.m, "request-header", changes, show, this.redaction.headers);
    if (ctx.Request.Body !== this.reqBody) changes.push({ kind: "request-body", value: masked ? MASK : bodyText(ctx.Request.Body) });
    const res = ctx.Response;
    if (res !== this.response) changes.push({ kind: "response", value: `${res.StatusCode} ${res.StatusReason}` });
    else {
      diffHeaders(this.resHeaders, res.Headers.m, "response-header", changes, show, this.redaction.headers);
      if (res.StatusCode !== this.status) changes.push({ kind: "status", value: String(res.StatusCode) });
      if (res.Body !== this.resBody) changes.push({ kind: "response-body", value: masked ? MASK : bodyText(res.Body) });
    }
    const url = ctx.Request.Url.href();
    if (url !== this.url) changes.push({ kind: "url", value: masked ? MASK : redactUrl(url, this.redaction.query) });
    if (ctx.Request.Method !== this.method) changes.push({ kind: "method", value: ctx.Request.Method });
    if (ctx.$backendUrl !== this.backend) changes.push({ kind: "backend", value: masked ? MASK : ctx.$backendUrl });
    if (changes.length) {
      // Each change with what the trace showed before it (a value it never showed has no `before`).
      for (const c of changes) {
        const key = `${c.kind}:${c.kind === "request-header" || c.kind === "response-header" ? c.name!.toLowerCase() : (c.name ?? "")}`;
        if (this.shown.has(key)) c.before = this.shown.get(key)!;
        this.shown.set(key, c.value);
      }
      // A new response (the backend's, return-response): its headers and body are what later changes start from.
      if (res !== this.response) {
        for (const k of [...this.shown.keys()]) if (k.startsWith("response-header:")) this.shown.delete(k);
        for (const [k, e] of res.Headers.m) this.shown.set(`response-header:${k}`, masked || this.redaction.headers.has(k) ? MASK : describe(e.values.join(",")));
        this.shown.set("response-body:", masked ? MASK : bodyText(res.Body));
      }
      if (cur) (cur.set ??= []).push(...changes);
      this.snapshot();
    }
  }

  snapshot(): void {
    const ctx = this.ctx;
    this.vars = new Map(ctx.Variables);
    this.reqHeaders = new Map(ctx.Request.Headers.m);
    this.response = ctx.Response;
    this.resHeaders = new Map(this.response.Headers.m);
    this.status = this.response.StatusCode;
    this.url = ctx.Request.Url.href();
    this.method = ctx.Request.Method;
    this.backend = ctx.$backendUrl;
    this.reqBody = ctx.Request.Body;
    this.resBody = this.response.Body;
  }
}

function diffHeaders(
  before: Map<string, HeaderEntry>,
  now: Map<string, HeaderEntry>,
  kind: "request-header" | "response-header",
  out: TraceChange[],
  show: (v: unknown, secret: boolean) => string | null,
  secret: ReadonlySet<string>,
): void {
  for (const [k, e] of now) if (before.get(k) !== e) out.push({ kind, name: e.name, value: show(e.values.join(","), secret.has(k)) });
  for (const [k, e] of before) if (!now.has(k)) out.push({ kind, name: e.name, value: null });
}

/** A value as the trace shows it: text, cut at MAX_VALUE characters. */
export function describe(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") s = String(v);
  else if (typeof v === "object" && v !== null) {
    const o = v as { ToString?: () => unknown; constructor?: { name?: string } };
    const type = o.constructor?.name ?? "Object";
    try {
      if (type === "Object" || type === "Array") s = JSON.stringify(v) ?? type;
      else if (typeof o.ToString === "function") s = String(o.ToString());
      else s = `[${type}]`;
    } catch {
      s = `[${type}]`;
    }
  } else s = String(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

/** The URL (or request target) with the values of the named query parameters replaced by `***`. */
export function redactUrl(url: string, names: ReadonlySet<string>): string {
  const q = url.indexOf("?");
  if (q === -1 || names.size === 0) return url;
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash === -1 ? undefined : hash);
  const parts = query.split("&").map((part) => {
    const eq = part.indexOf("=");
    if (eq === -1) return part;
    let name = part.slice(0, eq);
    try {
      name = decodeURIComponent(name.replace(/\+/g, " "));
    } catch {
      // a malformed escape: compare as written
    }
    return names.has(name) || names.has(name.toLowerCase()) ? `${part.slice(0, eq)}=${MASK}` : part;
  });
  return `${url.slice(0, q + 1)}${parts.join("&")}${hash === -1 ? "" : url.slice(hash)}`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// The whole trace of a request, kept by id, and the short summary that goes in the response header.

export interface TraceRecord {
  id: string;
  method: string;
  url: string;
  status: number;
  startedAt: string;
  elapsedMs: number;
  api: string | null;
  operation: string | null;
  /** The failure that on-error or the default error response answered, with the policy's file and line. */
  error: TraceError | null;
  entries: TraceEntry[];
  /** More than MAX_TRACE_ENTRIES entries: the rest were not kept. */
  truncated: boolean;
  /** The request's credentials, scrubbed from the trace when it is served (never serialized). */
  secrets?: string[];
}

/** The most recent traces, by id; the oldest go first when full. */
export class TraceRing {
  readonly #byId = new Map<string, TraceRecord>();
  constructor(readonly capacity = 200) {}
  add(r: TraceRecord): void {
    this.#byId.set(r.id, r);
    if (this.#byId.size > this.capacity) this.#byId.delete(this.#byId.keys().next().value!);
  }
  get(id: string): TraceRecord | undefined {
    return this.#byId.get(id);
  }
}

/**
 * Largest trace header value, characters. Node's client refuses a response whose header lines
 * together exceed 16 KiB (--max-http-header-size); the trace takes at most a quarter of that.
 */
export const TRACE_HEADER_LIMIT = 4096;
const MAX_SUMMARY_MESSAGE = 300;

/**
 * The trace header's value: JSON (non-ASCII escaped, so always a valid header value) with the id and
 * where to get the whole trace, the error, and one line per policy run as long as they fit;
 * `truncated: true` and `omitted` say when some did not.
 */
export function traceSummary(r: TraceRecord, href: string, limit = TRACE_HEADER_LIMIT): string {
  const error = r.error ? { ...r.error, Message: cut(r.error.Message, MAX_SUMMARY_MESSAGE) } : undefined;
  const lines: string[] = [];
  for (const e of r.entries as PolicyTraceEntry[]) {
    if (e.policy === undefined) continue;
    let line = `${e.section ?? ""} ${e.path ?? e.policy}`.trim();
    if (e.file) line += ` ${e.file}:${e.line}`;
    if (e.branch) line += ` -> ${e.branch}`;
    if (e.cache) line += ` cache ${e.cache}`;
    if (e.failed) line += " FAILED";
    lines.push(cut(line, 200));
  }
  const make = (n: number) => {
    const o: Record<string, unknown> = { id: r.id, href, status: r.status, elapsedMs: r.elapsedMs, entries: r.entries.length };
    if (error) o.error = error;
    o.policies = lines.slice(0, n);
    o.truncated = n < lines.length || r.truncated;
    if (n < lines.length) o.omitted = lines.length - n;
    return asciiJson(o);
  };
  let s = make(lines.length);
  if (s.length <= limit) return s;
  // Drop policy lines until it fits (binary search on how many are kept).
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (make(mid).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  s = make(lo);
  if (s.length <= limit) return s;
  // Even without policy lines it does not fit (a very long path or source): the bare minimum.
  return asciiJson({ id: r.id, href, status: r.status, entries: r.entries.length, truncated: true });
}

/** JSON with every character outside printable ASCII escaped: a valid HTTP header value. */
export function asciiJson(v: unknown): string {
  return JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

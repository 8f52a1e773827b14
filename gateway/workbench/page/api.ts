// The workbench API (/_apimc/api/, see README "Workbench"): one method per endpoint. State-changing
// calls carry `x-apimc-workbench: 1` (the server's CSRF guard); the trace key the page was opened
// with (`?key=`) goes along on every call.

/** Live updates: the first reconnection delay, doubled after each failure up to the last. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export interface Diag {
  code: string;
  severity: "error" | "warning";
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  help?: string;
  docUrl?: string;
}

export interface OperationInfo {
  id: string;
  method: string;
  urlTemplate: string;
}
export interface ApiInfo {
  id: string;
  name: string;
  path: string;
  operations: OperationInfo[];
  /** Products of this API that have a policy of their own (their scope composes in when a call uses them). */
  products?: string[];
}
export interface ConfigInfo {
  apis: ApiInfo[];
  traceHeader: string;
  version: string;
}

export interface PolicyFile {
  path: string;
  scope: "global" | "product" | "api" | "operation" | "fragment" | string;
  text: string;
}
export interface EffectivePolicy {
  xml: string;
  lines: { file: string; line: number }[];
  files: PolicyFile[];
  js: string;
  sourceMap: { mappings: string } | null;
  diagnostics: Diag[];
}

export interface Summary {
  id: string;
  at: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  api: string | null;
  operation: string | null;
  error?: string;
}

export type HeaderList = [string, string][];

export interface Exchange {
  method?: string;
  url?: string;
  status?: number;
  headers: HeaderList;
  body: string;
}

export interface TraceChange {
  kind: string;
  name?: string;
  value: string | null;
  before?: string | null;
}
export interface OutgoingTrace {
  policy?: string;
  method: string;
  url: string;
  status?: number;
  ms: number;
  error?: string;
  requestHeaders?: HeaderList;
  requestBody?: string | null;
  responseHeaders?: HeaderList;
  responseBody?: string | null;
  [more: string]: unknown;
}
/** A choose's condition evaluated (false until the one taken). */
export interface ConditionValue {
  branch: string;
  value: boolean;
  line?: number;
}
/** A rate limit, quota or concurrency limit's decision. */
export interface LimitDecision {
  policy: string;
  key?: string;
  allowed: boolean;
  limit?: number;
  remaining?: number;
  retryAfterMs?: number;
  exceeded?: string;
}
export interface TraceStep {
  source?: string;
  severity?: string;
  message?: string;
  policy?: string;
  path?: string;
  id?: string;
  section?: string;
  scope?: string;
  file?: string;
  line?: number;
  atMs?: number;
  durationMs?: number;
  branch?: string;
  condition?: unknown;
  conditions?: ConditionValue[];
  limits?: LimitDecision[];
  set?: TraceChange[];
  reads?: TraceChange[];
  cache?: string;
  requests?: OutgoingTrace[];
  failed?: boolean;
  error?: Record<string, unknown> & { file?: string; line?: number };
  [more: string]: unknown;
}
export interface TraceRecord {
  id: string;
  method: string;
  url: string;
  status: number;
  startedAt: string;
  elapsedMs: number;
  api: string | null;
  operation: string | null;
  error: (Record<string, unknown> & { file?: string; line?: number }) | null;
  entries: TraceStep[];
  truncated: boolean;
}
export interface RequestDetail {
  summary: Summary;
  request: Exchange & { method: string; url: string };
  response: Exchange & { status: number };
  trace: TraceRecord | null;
}
export interface SendRequest {
  method: string;
  path: string;
  headers: HeaderList;
  body: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class WorkbenchApi {
  readonly base: string;
  constructor(
    base = "/_apimc/api",
    readonly key: string | null = null,
  ) {
    this.base = base.replace(/\/$/, "");
  }

  url(path: string, query: Record<string, string | undefined> = {}): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v);
    if (this.key) q.set("key", this.key);
    const s = q.toString();
    return `${this.base}${path}${s ? `?${s}` : ""}`;
  }

  async call<T>(method: string, path: string, query: Record<string, string | undefined> = {}, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (method !== "GET") headers["x-apimc-workbench"] = "1";
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(this.url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
    } catch (e) {
      throw new ApiError(0, "WB_OFFLINE", `The gateway did not answer (${(e as Error).message}). Is it still running?`);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new ApiError(res.status, "WB_BAD_ANSWER", `The gateway answered ${res.status} with something that is not JSON.`);
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `The gateway answered ${res.status}.`);
    }
    return json as T;
  }

  config(): Promise<ConfigInfo> {
    return this.call("GET", "/config");
  }
  /** The effective policy of an operation (the first when none is given), through `product` when given. */
  policy(api: string, operation?: string, product?: string): Promise<EffectivePolicy> {
    return this.call("GET", "/policy", { api, operation, product });
  }
  check(path: string, text: string): Promise<{ diagnostics: Diag[] }> {
    return this.call("POST", "/check", {}, { path, text });
  }
  save(path: string, text: string): Promise<{ saved: boolean; diagnostics: Diag[] }> {
    return this.call("PUT", "/file", {}, { path, text });
  }
  requests(): Promise<{ requests: Summary[] }> {
    return this.call("GET", "/requests");
  }
  request(id: string): Promise<RequestDetail> {
    return this.call("GET", `/requests/${encodeURIComponent(id)}`);
  }
  send(req: SendRequest): Promise<{ id: string; status: number }> {
    return this.call("POST", "/send", {}, req);
  }
  /** Sends a request of the history again as it was first sent (its credentials too, which the history shows masked). */
  replay(id: string): Promise<{ id: string; status: number }> {
    return this.call("POST", "/send", {}, { replay: id });
  }
  /**
   * Live updates, when the server offers them; returns a function that stops listening. A gateway that
   * restarts (or a connection that drops) is reconnected with a growing delay, 0.5 s up to 10 s:
   * `connection(false)` is said once when the updates are lost, `connection(true)` when they are back
   * (the views then refresh, since events sent meanwhile were missed).
   */
  events(on: { request?: (s: Summary) => void; reload?: (data: unknown) => void; connection?: (up: boolean) => void }): () => void {
    if (typeof EventSource === "undefined") return () => {};
    const parse = (e: MessageEvent) => {
      try {
        return JSON.parse(String(e.data));
      } catch {
        return null;
      }
    };
    let es: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = RECONNECT_FIRST_MS;
    let lost = false;
    let stopped = false;
    const connect = () => {
      const source = new EventSource(this.url("/events"));
      es = source;
      source.onopen = () => {
        delay = RECONNECT_FIRST_MS;
        if (lost) on.connection?.(true);
        lost = false;
      };
      source.addEventListener("request", (e) => {
        const s = parse(e as MessageEvent);
        if (s) on.request?.(s as Summary);
      });
      source.addEventListener("reload", (e) => on.reload?.(parse(e as MessageEvent)));
      // The browser's own retry stops at the first refused connection or non-200 answer: ours goes on.
      source.onerror = () => {
        source.close();
        if (stopped) return;
        if (!lost) on.connection?.(false);
        lost = true;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      es?.close();
    };
  }
}


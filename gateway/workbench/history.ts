// The last requests that went through the gateway while the workbench is on (traced ones), in
// memory: what came in (method, URL, headers, body), what went out (status, headers, body), and the
// trace. Bodies are kept up to 64 KiB. What is served is masked as the trace is: values of the
// redacted headers and query parameters, the request's credentials and the secret named values are
// `***` wherever they appear. The original request stays here (never served) so a re-run sends it
// with its credentials.
import type { Readable } from "node:stream";
import type { TraceRecord } from "../../runtime/trace.js";
import { MASK, redactUrl, type Redaction } from "../../runtime/trace.js";
import { scrub } from "../access-log.js";

/** Largest body kept of a request or response. */
export const MAX_BODY_KEPT = 64 * 1024;

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

export interface KeptMessage {
  headers: [string, string][];
  body: string;
  /** The whole body's size, bytes (the kept text may be cut). */
  bodyBytes: number;
  truncated: boolean;
}

/** A request as it came in, to send again. */
export interface OriginalRequest {
  method: string;
  url: string;
  headers: [string, string][];
  /** null: none; "truncated": over MAX_BODY_KEPT, not kept whole. */
  body: Buffer | null | "truncated";
}

interface Entry {
  summary: Summary;
  original: OriginalRequest;
  request: KeptMessage;
  response: { status: number } & KeptMessage;
  trace: TraceRecord;
  redaction: Redaction;
  secrets: readonly string[];
}

/** Collects up to MAX_BODY_KEPT bytes of a body. */
export class BodyCapture {
  private chunks: Buffer[] = [];
  kept = 0;
  total = 0;
  add(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= MAX_BODY_KEPT) return;
    const part = chunk.length > MAX_BODY_KEPT - this.kept ? chunk.subarray(0, MAX_BODY_KEPT - this.kept) : chunk;
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
  }
  /** Watches a stream that is about to be piped (the listener sees each chunk, the pipe still controls the flow). */
  watch(stream: Readable): void {
    stream.on("data", (c: Buffer | string) => this.add(typeof c === "string" ? Buffer.from(c) : c));
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
  /** The whole body, when it was kept whole. */
  bytes(): Buffer | null | "truncated" {
    if (this.total > this.kept) return "truncated";
    return this.total === 0 ? null : Buffer.concat(this.chunks);
  }
}

export class RequestHistory {
  readonly #entries = new Map<string, Entry>();
  constructor(readonly capacity = 100) {}

  add(e: Omit<Entry, "request" | "response"> & { requestBody: BodyCapture; responseHeaders: [string, string][]; responseBody: BodyCapture; status: number }): void {
    const request = { headers: e.original.headers, get body() { return e.requestBody.text(); }, get bodyBytes() { return e.requestBody.total; }, get truncated() { return e.requestBody.total > e.requestBody.kept; } };
    const response = { status: e.status, headers: e.responseHeaders, get body() { return e.responseBody.text(); }, get bodyBytes() { return e.responseBody.total; }, get truncated() { return e.responseBody.total > e.responseBody.kept; } };
    this.#entries.set(e.summary.id, { summary: e.summary, original: e.original, trace: e.trace, redaction: e.redaction, secrets: e.secrets, request, response });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Newest first, masked. */
  summaries(): Summary[] {
    return [...this.#entries.values()].reverse().map((e) => maskSummary(e));
  }

  summary(id: string): Summary | undefined {
    const e = this.#entries.get(id);
    return e && maskSummary(e);
  }

  original(id: string): OriginalRequest | undefined {
    return this.#entries.get(id)?.original;
  }

  /** The whole entry as JSON text, masked (the text is scrubbed of every secret value after it is written). */
  json(id: string): string | undefined {
    const e = this.#entries.get(id);
    if (!e) return undefined;
    const { redaction: r } = e;
    const headers = (h: [string, string][]) => h.map(([n, v]): [string, string] => [n, r.headers.has(n.toLowerCase()) ? MASK : v]);
    const message = (m: KeptMessage) => ({ headers: headers(m.headers), body: m.body, bodyBytes: m.bodyBytes, truncated: m.truncated });
    const value = {
      summary: e.summary,
      request: { method: e.original.method, url: redactUrl(e.original.url, r.query), ...message(e.request) },
      response: { status: e.response.status, ...message(e.response) },
      trace: { ...e.trace, secrets: undefined },
    };
    return scrub(JSON.stringify(value), e.secrets);
  }
}

function maskSummary(e: Entry): Summary {
  return JSON.parse(scrub(JSON.stringify({ ...e.summary, url: redactUrl(e.summary.url, e.redaction.query) }), e.secrets)) as Summary;
}

/** Header pairs from node's rawHeaders. */
export function headerPairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

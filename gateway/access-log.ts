// The gateway's request log: one line per request, as text or as one JSON object. A response that
// on-error or the default error response produced says why: LastError's reason, message, source,
// section and path, and the file:line of the policy that failed. Secrets never reach it: the
// values of the subscription key parameter, of credential headers and of configured query
// parameters are replaced by `***`, in the URL and wherever they reappear in a message.
import type { LastErrorFields } from "../runtime/errors.js";
import type { HeaderMap } from "../runtime/headers.js";
import { MASK, redactUrl, type Redaction } from "../runtime/trace.js";

export type LogFormat = "text" | "json";

/** Always redacted: APIM's subscription key parameter and credential headers. */
export const DEFAULT_REDACTED_QUERY: readonly string[] = ["subscription-key"];
export const DEFAULT_REDACTED_HEADERS: readonly string[] = ["ocp-apim-subscription-key", "authorization", "proxy-authorization"];

/** The redaction for a configuration's extra names (added to the defaults). */
export function redaction(extra?: { queryParameters?: readonly string[]; headers?: readonly string[] } | null): Redaction {
  return {
    query: new Set([...DEFAULT_REDACTED_QUERY, ...(extra?.queryParameters ?? [])]),
    headers: new Set([...DEFAULT_REDACTED_HEADERS, ...(extra?.headers ?? [])].map((h) => h.toLowerCase())),
  };
}

export interface FailureFields extends LastErrorFields {
  /** The policy file (relative to the configuration) and line; absent for the gateway's own errors. */
  file?: string;
  line?: number;
}

export interface RequestLogFields {
  method: string;
  /** The request target as received; redacted here. */
  rawUrl: string;
  status: number;
  ms: number;
  requestId: string;
  api: string | null;
  operation: string | null;
  /** The failure on-error or the default error response answered. */
  error: FailureFields | null;
  /** The request's headers: where credential values come from, to scrub them from messages. */
  headers: HeaderMap;
}

/** One request log line (no newline); `secrets`: values never printed (the secret named values'). */
export function requestLogLine(format: LogFormat, f: RequestLogFields, r: Redaction, secrets: readonly string[] = []): string {
  const line = formatLine(format, f, r);
  return secrets.length ? scrub(line, secrets) : line;
}

function formatLine(format: LogFormat, f: RequestLogFields, r: Redaction): string {
  const url = redactUrl(f.rawUrl, r.query);
  let error = f.error;
  if (error) {
    const secrets = requestSecrets(f.rawUrl, f.headers, r);
    if (secrets.length) error = scrubAll(error, secrets);
  }
  if (format === "json") {
    const o: Record<string, unknown> = {
      time: new Date().toISOString(),
      method: f.method,
      url,
      status: f.status,
      ms: Math.round(f.ms * 100) / 100,
      requestId: f.requestId,
    };
    if (f.api !== null) o.api = f.api;
    if (f.operation !== null) o.operation = f.operation;
    if (error) {
      const e: Record<string, unknown> = { reason: error.Reason, message: error.Message, source: error.Source, section: error.Section, path: error.Path, scope: error.Scope };
      if (error.PolicyId) e.policyId = error.PolicyId;
      if (error.file) {
        e.file = error.file;
        e.line = error.line;
      }
      o.error = e;
    }
    return JSON.stringify(o);
  }
  let line = `${f.method} ${url} ${f.status} ${f.ms.toFixed(2)}ms ${f.requestId}`;
  if (error) {
    line += ` error reason=${field(error.Reason)} section=${field(error.Section)} source=${field(error.Source)}`;
    if (error.Path) line += ` path=${field(error.Path)}`;
    if (error.file) line += ` at=${field(`${error.file}:${error.line}`)}`;
    if (error.Scope) line += ` scope=${field(error.Scope)}`;
    if (error.PolicyId) line += ` policyId=${field(error.PolicyId)}`;
    line += ` message=${JSON.stringify(error.Message)}`;
  }
  return line;
}

/** A bare word when it has no spaces, quotes or control characters; otherwise JSON-quoted. */
function field(v: string): string {
  return /^[\w.:/\\[\]@+-]+$/.test(v) ? v : JSON.stringify(v);
}

/** The credential values a request carries (redacted header values and query values), to scrub from text. */
export function requestSecrets(rawUrl: string, headers: HeaderMap, r: Redaction): string[] {
  const out: string[] = [];
  for (const name of r.headers) {
    const e = headers.m.get(name);
    if (e) for (const v of e.values) add(out, v);
  }
  const q = rawUrl.indexOf("?");
  if (q !== -1)
    for (const part of rawUrl.slice(q + 1).split("&")) {
      const eq = part.indexOf("=");
      if (eq === -1) continue;
      const name = decodeSafe(part.slice(0, eq));
      if (!r.query.has(name) && !r.query.has(name.toLowerCase())) continue;
      add(out, part.slice(eq + 1));
      add(out, decodeSafe(part.slice(eq + 1)));
    }
  // Longest first: a secret that contains another is masked whole.
  return out.sort((a, b) => b.length - a.length);
}

function add(out: string[], v: string): void {
  // Also the token of `Bearer <token>` / `Basic <credentials>`: a message may quote it alone.
  const t = v.trim();
  if (t.length >= 4) out.push(t);
  const sp = t.indexOf(" ");
  if (sp !== -1 && t.length - sp > 4) out.push(t.slice(sp + 1).trim());
}

/** `text` with every occurrence of the secrets (as written, and as JSON or non-ASCII-escaped JSON would show them) replaced by `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  for (const v of secrets) {
    if (v === "") continue;
    const escaped = JSON.stringify(v).slice(1, -1);
    for (const form of new Set([v, escaped, escaped.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)]))
      if (text.includes(form)) text = text.split(form).join(MASK);
  }
  return text;
}

function scrubAll(e: FailureFields, secrets: string[]): FailureFields {
  return { ...e, Message: scrub(e.Message, secrets), Path: scrub(e.Path, secrets), Source: scrub(e.Source, secrets), PolicyId: scrub(e.PolicyId, secrets) };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

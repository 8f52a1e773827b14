// check-header, mock-response, trace and cors at run time.
import { PolicyError } from "../errors.js";
import { ResponseMessage, type Context } from "../context.js";
import { HeaderMap } from "../headers.js";
import { MessageBody } from "../body.js";
import { reasonPhrase } from "../http.js";
import { stateOnFinish } from "../state/hooks.js";
import { END_PIPELINE as END } from "../contract.js";

/**
 * check-header. Passes when the header is present and, if values are listed, one of its values
 * (or all of them comma-joined) equals one of them (ignoring case when `ignoreCase`).
 *
 * A failure is a policy error, so it goes through on-error like every predefined policy error
 * (the error-handling page lists check-header's reasons): LastError.Source is "check-header",
 * Reason is HeaderNotFound or HeaderValueNotAllowed, the status is failed-check-httpcode. The
 * message is failed-check-error-message, which is also what the client reads: without an on-error
 * that changes the response, the gateway's default error body applies, JSON
 * `{"statusCode": <code>, "message": "<failed-check-error-message>", "activityId": "..."}`
 * ([OPEN] 13: APIM's observed built-in error shape; for a 5xx code other than 504 that default
 * body hides the message as "Internal server error", as for every 5xx policy error).
 */
export function checkHeader(ctx: Context, name: unknown, status: unknown, message: unknown, ignoreCase: unknown, allowed: readonly unknown[]): void {
  if (typeof name !== "string" || name === "") throw new PolicyError("ExpressionValueEvaluationFailure", "check-header: the header name must be a non-empty string.");
  if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599)
    throw new PolicyError("ExpressionValueEvaluationFailure", `check-header: failed-check-httpcode ${String(status)} is not an integer in 100-599.`);
  const msg = message === null || message === undefined ? "" : String(message);
  const entry = ctx.Request.Headers.get(name);
  if (entry === undefined) throw new PolicyError("HeaderNotFound", msg, status, "check-header");
  if (allowed.length === 0) return;
  const fold = ignoreCase === true;
  const values = entry.values;
  for (let i = 0; i <= values.length; i++) {
    // Each value, then (for a header sent several times) all of them comma-joined.
    if (i === values.length && values.length < 2) break;
    const h = i < values.length ? values[i]! : values.join(",");
    for (const a of allowed) {
      if (a === null || a === undefined) continue;
      const w = String(a);
      if (fold ? w.toLowerCase() === h.toLowerCase() : w === h) return;
    }
  }
  throw new PolicyError("HeaderValueNotAllowed", msg, status, "check-header");
}

/**
 * mock-response: the operation's example for the status code (and content type; the first one
 * when none is given) from the gateway environment, else an empty body. Ends the pipeline.
 */
export function mockResponse(ctx: Context, status: number, contentType: string | null): number {
  const byType = ctx.$env.examples.get(status);
  let type = contentType;
  let body: string | null = null;
  if (byType) {
    if (type === null) {
      const first = byType.entries().next();
      if (!first.done) [type, body] = first.value;
    } else {
      body = byType.get(type) ?? null;
      if (body === null) {
        const lower = type.toLowerCase();
        for (const [k, v] of byType)
          if (k.toLowerCase() === lower) {
            body = v;
            break;
          }
      }
    }
  }
  const h = new HeaderMap("response");
  if (type !== null) h.setValues("Content-Type", [type]);
  ctx.Response = new ResponseMessage(status, reasonPhrase(status), h, body === null ? null : new MessageBody(body));
  return END;
}

/** The trace policy. */
export function traceWrite(ctx: Context, source: string, severity: "verbose" | "information" | "error", message: unknown, metadata: Readonly<Record<string, string>> | null): void {
  const entry: Context["$trace"][number] = { source, severity, message: message === null || message === undefined ? "" : String(message), timeMs: Date.now() };
  if (metadata) entry.metadata = { ...metadata };
  ctx.$trace.push(entry);
}

/** A cors policy's literal settings, prepared at compile time. */
export interface CorsConfig {
  /** Normalised `scheme://host:port`, lower case; null for `*`. */
  origins: string[] | null;
  /** Upper case; null for `*`. */
  methods: string[] | null;
  /** Lower case; null for `*`. */
  headers: string[] | null;
  /** As written; empty when none. */
  expose: string[];
}

/** `scheme://host:port` with the default port filled in, lower case (the compiler uses it too). */
export function corsNormalizeOrigin(origin: string): string {
  const o = origin.trim();
  try {
    const u = new URL(o);
    if (u.protocol !== "http:" && u.protocol !== "https:") return o.toLowerCase();
    const port = u.port || (u.protocol === "https:" ? "443" : "80");
    return `${u.protocol}//${u.hostname}:${port}`.toLowerCase();
  } catch {
    return o.toLowerCase();
  }
}

/**
 * cors. A preflight (OPTIONS with Origin and Access-Control-Request-Method) is answered here and
 * ends the pipeline: 200 with the Access-Control-Allow-* headers when it matches. Another request
 * with an Origin that matches continues and gets Access-Control-Allow-Origin (and -Credentials,
 * -Expose-Headers) on whatever response goes back to the client, including error responses.
 *
 * A request that does not match (origin, method or requested headers): with
 * terminate-unmatched-request it ends at once with an empty 200 OK and no CORS headers. Without, a
 * simple request continues and gets no CORS headers; a preflight is left to the next cors policy
 * that is a direct child of inbound (`laterCors`, known at compile time) and, when there is none,
 * ends with the empty 200 all the same (the reference page). [OPEN] 12: the default is true (the
 * prose of the current reference page and the APIM team's answers; the attribute table of some
 * versions says false).
 */
export function corsHandle(ctx: Context, cfg: CorsConfig, allowCredentials: unknown, terminate: unknown, maxAge: unknown, laterCors = false): number | undefined {
  const rq = ctx.Request;
  const origin = rq.Headers.GetValueOrDefault("Origin", null);
  if (origin === null || origin === "") return undefined;
  const credentials = allowCredentials === true;
  const norm = corsNormalizeOrigin(origin);
  const originOk = cfg.origins === null || cfg.origins.includes(norm);
  const requestedMethod = rq.Method === "OPTIONS" ? rq.Headers.GetValueOrDefault("Access-Control-Request-Method", null) : null;
  const allowOrigin = cfg.origins === null && !credentials ? "*" : origin;

  if (requestedMethod !== null) {
    const method = requestedMethod.trim().toUpperCase();
    const requestedHeaders = (rq.Headers.GetValueOrDefault("Access-Control-Request-Headers", "") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter((h) => h !== "");
    const methodOk = cfg.methods === null || cfg.methods.includes(method);
    const headersOk = cfg.headers === null || requestedHeaders.every((h) => cfg.headers!.includes(h.toLowerCase()));
    if (!originOk || !methodOk || !headersOk) return unmatched(ctx, terminate === false && laterCors ? false : true);
    const h = new HeaderMap("response");
    h.setValues("Access-Control-Allow-Origin", [allowOrigin]);
    if (credentials) h.setValues("Access-Control-Allow-Credentials", ["true"]);
    h.setValues("Access-Control-Allow-Methods", [method]);
    if (requestedHeaders.length) h.setValues("Access-Control-Allow-Headers", [requestedHeaders.join(",")]);
    const age = typeof maxAge === "number" && maxAge > 0 ? Math.floor(maxAge) : 0;
    if (age > 0) h.setValues("Access-Control-Max-Age", [String(age)]);
    if (allowOrigin !== "*") h.setValues("Vary", ["Origin"]);
    ctx.Response = new ResponseMessage(200, "OK", h, null);
    rq.Body = null;
    return END;
  }

  const methodOk = cfg.methods === null || cfg.methods.includes(rq.Method.toUpperCase());
  if (!originOk || !methodOk) return unmatched(ctx, terminate);
  const add: [string, string][] = [["Access-Control-Allow-Origin", allowOrigin]];
  if (credentials) add.push(["Access-Control-Allow-Credentials", "true"]);
  if (cfg.expose.length) add.push(["Access-Control-Expose-Headers", cfg.expose.join(",")]);
  // Added once the response is final (the backend's, return-response's, an error response), by
  // the pipeline's finishing hooks, so outbound cannot lose them by replacing the response.
  stateOnFinish(ctx, (c) => {
    const res = c.Response;
    for (const [n, v] of add) res.Headers.setValues(n, [v]);
    if (allowOrigin !== "*") {
      const vary = res.Headers.get("Vary");
      if (!vary || !vary.values.some((v) => /(^|,)\s*origin\s*(,|$)/i.test(v))) res.Headers.appendValues("Vary", ["Origin"]);
    }
  });
  return undefined;
}

function unmatched(ctx: Context, terminate: unknown): number | undefined {
  if (terminate === false) return undefined;
  ctx.Response = new ResponseMessage(200, "OK", new HeaderMap("response"), null);
  ctx.Request.Body = null;
  return END;
}

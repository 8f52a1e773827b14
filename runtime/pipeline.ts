// The pipeline runner: inbound → backend (forward) → outbound, and on-error with LastError.
import { DotNetException, PolicyError, toDotNetException, type LastErrorFields } from "./errors.js";
import { ResponseMessage, type Context } from "./context.js";
import { HeaderMap } from "./headers.js";
import { MessageBody } from "./body.js";
import { reasonPhrase as reasonOf } from "./http.js";
import { stateFinish, stateHasFinish } from "./state/hooks.js";
import { traceError } from "./trace.js";
import { END_PIPELINE, ROW_BRANCH, type ModuleMeta, type PolicyRow } from "./contract.js";

export { END_PIPELINE, type PolicyRow };

export interface PolicyModule {
  meta: ModuleMeta;
  inbound?: SectionFn | null;
  backend?: SectionFn | null;
  outbound?: SectionFn | null;
  onError?: SectionFn | null;
}
export type SectionFn = (ctx: Context) => unknown;

/** Sends the request on to the backend; supplied by the gateway or the test harness. */
export interface BackendHost {
  forward(ctx: Context, opts: ForwardOptions): Promise<ResponseMessage>;
}

/** forward-request's http-version other than "1": "2or1" prefers HTTP/2 and falls back to HTTP/1.1, "2" requires HTTP/2. */
export type HttpVersion = "2" | "2or1";

export interface ForwardOptions {
  timeoutMs: number;
  followRedirects: boolean;
  /** Hand the response body on as a stream (no policy reads it); the timeout then covers the headers only, as APIM's forward-request timeout does. */
  streamResponse?: boolean;
  /** Absent: HTTP/1.1 (http-version="1", the default). */
  httpVersion?: HttpVersion;
}

/** The backend host of a request (a field on the context: a WeakMap lookup cost ~160 ns a request). */
export function attachHost(ctx: Context, host: BackendHost): void {
  ctx.$host = host;
}

/**
 * forward-request (and <base/> in a standalone backend section). Not an async function: one
 * promise layer fewer on every proxied request.
 */
export function forwardRequest(ctx: Context, timeoutMs: number, followRedirects: boolean, failOnErrorStatusCode: boolean, httpVersion?: HttpVersion): Promise<void> {
  return forwardOnly(ctx, timeoutMs, followRedirects, httpVersion).then((res) => {
    ctx.Response = res;
    if (failOnErrorStatusCode && res.StatusCode >= 400)
      throw new PolicyError("BackendErrorStatusCode", `The backend answered ${res.StatusCode} ${res.StatusReason}.`, res.StatusCode, "forward-request");
  });
}

/**
 * A backend section that is only a forward (emit.ts): the host's promise of the response, which
 * runPipeline makes context.Response. No `.then` of its own: one promise and one closure fewer
 * on every proxied request.
 */
export function forwardOnly(ctx: Context, timeoutMs: number, followRedirects: boolean, httpVersion?: HttpVersion): Promise<ResponseMessage> {
  const host = ctx.$host as BackendHost | null;
  if (!host) return Promise.reject(new PolicyError("BackendConnectionFailure", "No backend is configured for this request.", 500, "forward-request"));
  return host.forward(ctx, httpVersion === undefined ? { timeoutMs, followRedirects, streamResponse: ctx.$streamBodies } : { timeoutMs, followRedirects, streamResponse: ctx.$streamBodies, httpVersion });
}

type Section = "inbound" | "backend" | "outbound" | "on-error";

const isPromise = (r: unknown): r is Promise<unknown> => r !== undefined && r !== null && typeof (r as Promise<unknown>).then === "function";

/**
 * Runs a compiled policy over a context. Never throws: every error ends in a response. Sections are
 * awaited only when they return a promise: a section without I/O is a plain call.
 */
export async function runPipeline(mod: PolicyModule, ctx: Context): Promise<void> {
  try {
    let section: Section = "inbound";
    try {
      let r: unknown;
      if (mod.inbound) {
        r = mod.inbound(ctx);
        if (isPromise(r)) r = await r;
        if (r === END_PIPELINE) return;
      }
      section = "backend";
      ctx.$p = -1;
      if (mod.backend) {
        r = mod.backend(ctx);
        if (isPromise(r)) r = await r;
        if (r === END_PIPELINE) return;
        // A forward-only backend section hands back the response (forwardOnly).
        if (r instanceof ResponseMessage) ctx.Response = r;
      }
      section = "outbound";
      ctx.$p = -1;
      if (mod.outbound) {
        r = mod.outbound(ctx);
        if (isPromise(r)) await r;
      }
    } catch (e) {
      const status = e instanceof PolicyError ? e.status : 500;
      ctx.LastError = lastErrorOf(e, mod, ctx.$p, section);
      if (ctx.Tracing) traceError(ctx, ctx.LastError, mod.meta.policies[ctx.$p]);
      ctx.Response.Body?.discard();
      ctx.Response = new ResponseMessage(status, reasonOf(status), new HeaderMap("response"), null);
      if (!mod.onError) {
        defaultErrorResponse(ctx, status);
        return;
      }
      try {
        ctx.$p = -1;
        const r = mod.onError(ctx);
        if (isPromise(r)) await r;
      } catch (e2) {
        // [OPEN] 14: an error inside on-error ends with the default error response; on-error is not re-entered.
        const s2 = e2 instanceof PolicyError ? e2.status : 500;
        ctx.LastError = lastErrorOf(e2, mod, ctx.$p, "on-error");
        if (ctx.Tracing) traceError(ctx, ctx.LastError, mod.meta.policies[ctx.$p]);
        ctx.Response = new ResponseMessage(s2, reasonOf(s2), new HeaderMap("response"), null);
        defaultErrorResponse(ctx, s2);
      }
    }
  } finally {
    // Work policies leave for when the response is final (rate-limit headers, deferred counting).
    if (stateHasFinish(ctx)) await stateFinish(ctx);
  }
}

export function lastErrorOf(e: unknown, mod: PolicyModule, p: number, section: Section): LastErrorFields {
  let row = p >= 0 ? mod.meta.policies[p] : undefined;
  // A choose branch marker is not a policy: its choose is (an error never happens there in practice).
  if (row && row.flags & ROW_BRANCH) row = { name: row.name, path: row.path.slice(0, row.path.lastIndexOf("\\")), id: null, section: row.section, scope: row.scope, flags: 0 };
  const scope = row?.scope ?? "operation";
  if (e instanceof PolicyError)
    return {
      Source: e.source ?? row?.name ?? section,
      Reason: e.reason,
      Message: e.message,
      Scope: scope,
      Section: row?.section ?? section,
      Path: row?.path ?? "",
      PolicyId: row?.id ?? "",
    };
  const ex: DotNetException = toDotNetException(e);
  return {
    Source: row?.name ?? section,
    Reason: "ExpressionValueEvaluationFailure",
    Message: `Expression evaluation failed. ${ex.message}`,
    Scope: scope,
    Section: row?.section ?? section,
    Path: row?.path ?? "",
    PolicyId: row?.id ?? "",
  };
}

/**
 * APIM's built-in error body (observed, not documented: [OPEN] 13): JSON with statusCode and
 * message; 500s hide the details, which stay in LastError and the trace.
 */
export function defaultErrorResponse(ctx: Context, status: number): void {
  const message = status >= 500 && status !== 504 ? "Internal server error" : (ctx.LastError?.Message ?? reasonOf(status));
  const body = JSON.stringify({ statusCode: status, message, activityId: ctx.RequestId });
  ctx.Response.Headers.setValues("Content-Type", ["application/json; charset=utf-8"]);
  ctx.Response.Body = new MessageBody(body);
}

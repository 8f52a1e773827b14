// Forwarding to a real backend over HTTP: the BackendHost the gateway and the test harness use.
// The hot path of every proxied request: one undici Pool per backend origin, the request path
// built by hand (no URL object), and undici's own headersTimeout (APIM's forward-request timeout
// is the wait for response headers) instead of a signal and a timer per call.
import { Pool, type Dispatcher } from "undici";
import { MessageBody } from "./body.js";
import type { Context } from "./context.js";
import { ResponseMessage } from "./context.js";
import { PolicyError } from "./errors.js";
import { HeaderMap, HOP_BY_HOP } from "./headers.js";
import { httpCall, readCapped, reasonPhrase } from "./http.js";
import type { BackendHost, ForwardOptions } from "./pipeline.js";
import { clientCertificateOf, forwardWithCertificate } from "./security/certificate.js";

/** Bytes up to which a response of known length is read whole rather than piped. */
const SMALL_BODY = 64 * 1024;

const pools = new Map<string, Pool>();
function poolFor(origin: string): Pool {
  let p = pools.get(origin);
  if (!p) {
    p = new Pool(origin, { connections: 256, keepAliveTimeout: 10_000, pipelining: 1 });
    pools.set(origin, p);
  }
  return p;
}

/** Not sent on: hop-by-hop headers and Host (the backend's own host is used). */
const NOT_FORWARDED: ReadonlySet<string> = new Set([...HOP_BY_HOP, "host"]);

interface Base {
  origin: string;
  /** Path of the service URL, without a trailing slash. */
  path: string;
}
const bases = new Map<string, Base>();
function parseBase(url: string): Base {
  let b = bases.get(url);
  if (!b) {
    const u = new URL(url);
    b = { origin: u.origin, path: u.pathname.replace(/\/$/, "") };
    bases.set(url, b);
  }
  return b;
}

/**
 * Forwards to `baseUrl` + the request's path (minus `apiPath`) + its query, as APIM does with the
 * API's service URL. `ctx.$backendUrl` (set-backend-service) overrides the base.
 */
export function httpBackend(baseUrl: string, apiPath = ""): BackendHost {
  parseBase(baseUrl); // a bad service URL fails at configuration time, not on a request
  return {
    async forward(ctx: Context, opts: ForwardOptions): Promise<ResponseMessage> {
      const base = parseBase(ctx.$backendUrl ?? baseUrl);
      let path = ctx.Request.Url.Path;
      if (apiPath && path.startsWith(apiPath)) path = path.slice(apiPath.length);
      const target = base.path + encodePath(path) + ctx.Request.Url.QueryString;
      const cert = clientCertificateOf(ctx); // authentication-certificate: through that certificate's TLS agent
      if (cert) return forwardWithCertificate(ctx, base.origin + target, cert, opts.timeoutMs);
      const body = ctx.Request.Body ? ctx.Request.Body.payload() : null;
      if (opts.followRedirects) {
        // Rare: the general client follows redirects across origins.
        const headers = ctx.Request.Headers.clone();
        for (const h of NOT_FORWARDED) headers.delete(h);
        return httpCall(new URL(base.origin + target), ctx.Request.Method, headers, body, opts.timeoutMs, poolFor(base.origin), true, "forward-request", opts.streamResponse);
      }
      let res: Dispatcher.ResponseData;
      try {
        res = await poolFor(base.origin).request({
          path: target || "/",
          method: ctx.Request.Method as Dispatcher.HttpMethod,
          headers: ctx.Request.Headers.toWire(NOT_FORWARDED),
          body: body === null || (Buffer.isBuffer(body) && body.length === 0 && (ctx.Request.Method === "GET" || ctx.Request.Method === "HEAD")) ? undefined : body,
          headersTimeout: opts.timeoutMs > 0 ? opts.timeoutMs : 0,
          // Buffered: the body within the timeout. Streamed: no gap between chunks longer than the
          // timeout (a stream may run for hours; a backend silent that long is gone).
          bodyTimeout: opts.timeoutMs > 0 ? opts.timeoutMs : 0,
        });
      } catch (e) {
        throw forwardError(e, base.origin, target, opts.timeoutMs);
      }
      const h = new HeaderMap("response");
      const raw = res.headers;
      for (const k in raw) {
        const v = raw[k];
        if (v !== undefined) h.m.set(k, { name: k, values: Array.isArray(v) ? v : [v] });
      }
      // Small bodies of known length are read whole even when streaming: one write to the client
      // instead of a pipe (most API responses are a few KB).
      const length = res.headers["content-length"];
      if (opts.streamResponse && !(typeof length === "string" && Number(length) <= SMALL_BODY))
        return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h, MessageBody.stream(res.body));
      let bytes: Buffer;
      try {
        bytes = await readCapped(res.body, res.headers["content-length"], base.origin);
      } catch (e) {
        if (e instanceof PolicyError) throw e;
        throw forwardError(e, base.origin, target, opts.timeoutMs);
      }
      return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h, new MessageBody(bytes));
    },
  };
}

function forwardError(e: unknown, origin: string, path: string, timeoutMs: number): PolicyError {
  const code = (e as { code?: string }).code ?? (e as Error).name;
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT")
    return new PolicyError("Timeout", `Request to ${origin}${path.split("?")[0]} did not complete within ${timeoutMs} ms.`, 504, "forward-request", e);
  return new PolicyError("BackendConnectionFailure", `Could not reach ${origin}: ${(e as Error).message}${code ? ` (${code})` : ""}.`, 500, "forward-request", e);
}

/** Percent-encodes what a path may not carry raw, keeping existing escapes. */
function encodePath(p: string): string {
  return /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(p) ? p : encodeURI(p).replace(/%25([0-9A-Fa-f]{2})/g, "%$1");
}

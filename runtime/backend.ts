// Forwarding to a real backend over HTTP: the BackendHost the gateway and the test harness use.
// The hot path of every proxied request: one undici Pool per backend origin, the request path
// built by hand (no URL object), and undici's own headersTimeout (APIM's forward-request timeout
// is the wait for response headers) instead of a signal and a timer per call.
import { Pool, buildConnector, type Dispatcher } from "undici";
import type { TLSSocket } from "node:tls";
import type { Context, ForwardProxy } from "./context.js";
import { ResponseMessage } from "./context.js";
import { PolicyError } from "./errors.js";
import { FRAMING, NOT_SENT, requestWire } from "./framing.js";
import { httpCall, onConnectOptionsChange, outgoingConnectOptions } from "./http.js";
import { ForwardResponse } from "./backend-response.js";
import type { BackendHost, ForwardOptions, HttpVersion } from "./pipeline.js";
import { closeProxyDispatchers, proxyDispatcher } from "./traffic/forward-proxy.js";
import { clientCertificateOf, forwardWithCertificate } from "./security/certificate.js";

/** HTTP/1.1 (http-version="1", the default): one pool per origin. */
const pools = new Map<string, Pool>();
function poolFor(origin: string, tls?: BackendTls): Pool {
  const key = tls ? `${tls.key} ${origin}` : origin;
  let p = pools.get(key);
  if (!p) {
    // configureDispatcher's options (a private CA, etc.), then a backend entity's own.
    const connect = tls ? { ...outgoingConnectOptions(), ...tls.connect } : outgoingConnectOptions();
    p = new Pool(origin, connect ? { connections: 256, keepAliveTimeout: 10_000, pipelining: 1, connect } : { connections: 256, keepAliveTimeout: 10_000, pipelining: 1 });
    pools.set(key, p);
  }
  return p;
}

/**
 * A backend entity's own TLS options (runtime/backends/entities.ts): certificate validation
 * switched off, a client certificate. `key` names them: connections are pooled per key and origin.
 */
export interface BackendTls {
  key: string;
  connect: Record<string, unknown>;
}

/**
 * http-version="2or1" and "2": pools of their own, per version and origin, made on first use.
 * - "2or1": undici's allowH2. Over TLS, ALPN offers h2 and http/1.1 and the backend picks: HTTP/2
 *   when it speaks it, HTTP/1.1 otherwise. (undici lists http/1.1 first, and cannot be told
 *   otherwise; servers usually choose by their own preference, which for one with HTTP/2 is h2.) Over cleartext there is nothing to negotiate with (no
 *   ALPN; undici does not do the `Upgrade: h2c` dance), so it is HTTP/1.1: the plain pool.
 *   One request at a time per connection (pipelining 1), as the connection may be HTTP/1.1.
 * - "2": HTTP/2 or nothing. Over TLS, undici always offers http/1.1 too (its connector puts the
 *   ALPN list after the caller's options), so the connector is wrapped: a connection whose ALPN
 *   outcome is not h2 is closed and the request fails. Over cleartext, HTTP/2 with prior knowledge
 *   (h2c, undici's useH2c), as .NET's RequestVersionExact allows. Streams are multiplexed, up to
 *   100 per connection (undici's default SETTINGS_MAX_CONCURRENT_STREAMS).
 */
const versionPools = new Map<string, Pool>();
function versionPoolFor(origin: string, version: HttpVersion, own?: BackendTls): Pool {
  const key = own ? `${version} ${own.key} ${origin}` : `${version} ${origin}`;
  let p = versionPools.get(key);
  if (!p) {
    const tls = origin.startsWith("https:");
    const connect = own ? { ...outgoingConnectOptions(), ...own.connect } : outgoingConnectOptions();
    p =
      version === "2or1" && !tls
        ? poolFor(origin, own)
        : version === "2or1"
        ? new Pool(origin, { connections: 256, keepAliveTimeout: 10_000, pipelining: 1, allowH2: true, ...(connect ? { connect } : null) })
        : new Pool(origin, { connections: 256, keepAliveTimeout: 10_000, pipelining: 100, allowH2: true, connect: h2OnlyConnector(connect, tls) });
    versionPools.set(key, p);
  }
  return p;
}

/** Raised by the "2" connector when the backend did not agree to HTTP/2. */
class Http2RequiredError extends Error {
  code = "APIMC_HTTP2_REQUIRED";
}

function h2OnlyConnector(connect: Record<string, unknown> | undefined, tls: boolean): buildConnector.connector {
  const base = buildConnector({ ...connect, allowH2: true, useH2c: !tls } as buildConnector.BuildOptions);
  return (opts, cb) =>
    base(opts, (err, socket) => {
      if (err || !socket) return cb(err ?? new Error("no connection"), null);
      const alpn = (socket as TLSSocket).alpnProtocol;
      if (alpn === "h2") return cb(null, socket);
      socket.destroy();
      cb(
        new Http2RequiredError(
          `http-version="2" requires HTTP/2, and the backend did not agree to it (TLS ALPN chose ${alpn ? alpn : "no protocol"}); use http-version="2or1" to fall back to HTTP/1.1`,
        ),
        null,
      );
    });
}

// New TLS options (configureDispatcher): new pools; the old ones finish what they carry.
onConnectOptionsChange(() => {
  closeProxyDispatchers();
  for (const p of pools.values()) p.close().catch(() => {});
  for (const p of versionPools.values()) p.close().catch(() => {});
  pools.clear();
  versionPools.clear();
});

/**
 * Not sent on: hop-by-hop headers and Expect (HOP_BY_HOP: the gateway's HTTP server has already
 * answered a client's `Expect: 100-continue`, and undici refuses to send the header), and Host
 * (the backend's own host is used); Content-Length and Transfer-Encoding are not copied either:
 * framing.ts derives them from the body sent.
 */
const NOT_FORWARDED: ReadonlySet<string> = new Set([...NOT_SENT, "host"]);

/**
 * A Host header a policy set (set-header name="Host", e.g. to keep the client's host) is sent, as
 * APIM sends it; the client's own is not. undici then takes the TLS SNI (and the name the
 * certificate is checked against) from it, as .NET's SocketsHttpHandler takes its TargetHost.
 */
function notForwarded(ctx: Context): ReadonlySet<string> {
  const host = ctx.Request.Headers.entryLower("host");
  return host !== undefined && host !== ctx.Request.$clientHost ? NOT_SENT : NOT_FORWARDED;
}

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
 * Where a forwarded request goes: `baseUrl` (or the base set-backend-service chose,
 * `ctx.$backendUrl`) + the request's path minus the API's `apiPath` + its query, as APIM does
 * with the API's service URL. `target` is the path and query on the base's origin.
 */
export function backendTarget(ctx: Context, baseUrl: string, apiPath = ""): { base: Base; target: string; url: string } {
  const base = parseBase(ctx.$backendUrl ?? baseUrl);
  let path = ctx.Request.Url.Path;
  if (apiPath && path.startsWith(apiPath)) path = path.slice(apiPath.length);
  if (ctx.$backendExact !== null && ctx.$backendExact === ctx.$backendUrl) path = "";
  // The API's root with a query (`/api?x=1`, service URL without a path) still needs its "/".
  const target = (base.path + encodePath(path) || "/") + ctx.Request.Url.QueryString;
  return { base, target, url: base.origin + target };
}

/** Forwards to the backend `backendTarget` names. */
export function httpBackend(baseUrl: string, apiPath = "", tls?: BackendTls, proxy?: ForwardProxy): BackendHost {
  parseBase(baseUrl); // a bad service URL fails at configuration time, not on a request
  return {
    // Not async: a synchronous failure (a bad set-backend-service URL) becomes a rejection here, and
    // a forward costs the handler's promise only.
    forward(ctx: Context, opts: ForwardOptions): Promise<ResponseMessage> {
      try {
        return forwardTo(ctx, opts, baseUrl, apiPath, tls, proxy);
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

function forwardTo(ctx: Context, opts: ForwardOptions, baseUrl: string, apiPath: string, tls: BackendTls | undefined, proxy: ForwardProxy | undefined): Promise<ResponseMessage> {
  const { base, target } = backendTarget(ctx, baseUrl, apiPath);
  const cert = clientCertificateOf(ctx); // authentication-certificate: through that certificate's TLS agent
  if (cert) {
    // The certificate's agent speaks HTTP/1.1: "2or1" falls back to it, "2" cannot be honoured.
    if (opts.httpVersion === "2")
      return Promise.reject(new PolicyError("BackendConnectionFailure", `Could not reach ${base.origin}: http-version="2" cannot be combined with authentication-certificate in apimc (a client-certificate connection is HTTP/1.1); use http-version="2or1" or "1".`, 500, "forward-request"));
    return forwardWithCertificate(ctx, base.origin + target, cert, opts.timeoutMs);
  }
  const body = ctx.Request.Body ? ctx.Request.Body.payload() : null;
  // <proxy>, else the backend entity's proxy: through the HTTP forward proxy (an absolute-form
  // request, or a CONNECT tunnel for https:// with the backend's TLS options inside it).
  const viaProxy = ctx.$forwardProxy ?? proxy;
  const pool: Dispatcher = viaProxy ? proxyDispatcher(viaProxy, tls) : opts.httpVersion === undefined ? poolFor(base.origin, tls) : versionPoolFor(base.origin, opts.httpVersion, tls);
  if (opts.followRedirects) {
    // Rare: the general client follows redirects across origins.
    const headers = ctx.Request.Headers.clone();
    for (const h of notForwarded(ctx)) if (!FRAMING.has(h)) headers.delete(h); // httpCall frames the body it sends
    return httpCall(new URL(base.origin + target), ctx.Request.Method, headers, body, opts.timeoutMs, pool, true, "forward-request", opts.streamResponse);
  }
  // Content-Length from the body sent now, never the client's (a policy may have replaced it).
  const wire = requestWire(ctx.Request.Headers, notForwarded(ctx), ctx.Request.Method, body);
  const timeout = opts.timeoutMs > 0 ? opts.timeoutMs : 0;
  return new Promise<ResponseMessage>((resolve, reject) => {
    const handler = new ForwardResponse(opts, base.origin, target, resolve, reject, wire.body !== undefined && !Buffer.isBuffer(wire.body) ? wire.body : null);
    pool.dispatch(
      {
        origin: base.origin,
        path: target || "/",
        method: ctx.Request.Method as Dispatcher.HttpMethod,
        headers: wire.headers,
        body: wire.body,
        headersTimeout: timeout,
        // Buffered: the body within the timeout. Streamed: no gap between chunks longer than the
        // timeout (a stream may run for hours; a backend silent that long is gone).
        bodyTimeout: timeout,
      },
      handler as unknown as Dispatcher.DispatchHandler,
    );
  });
}

/** Percent-encodes what a path may not carry raw, keeping existing escapes. */
function encodePath(p: string): string {
  return /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(p) ? p : encodeURI(p).replace(/%25([0-9A-Fa-f]{2})/g, "%$1");
}

// Outgoing HTTP for send-request, send-one-way-request and forwarding: undici `request` on shared
// keep-alive dispatchers, one timer per call (cleared on completion), and APIM's error mapping.
import type { Observer } from "./observer.js";
import { Agent, ProxyAgent, request, type Dispatcher } from "undici";
import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { readFileSync } from "node:fs";
import { STATUS_CODES } from "node:http";
import type { Readable } from "node:stream";
import { EventEmitter } from "node:events";
import { HeaderMap } from "./headers.js";
import { MessageBody } from "./body.js";
import { NOT_SENT, reflectBody, requestWire } from "./framing.js";
import { PolicyError } from "./errors.js";
import { ResponseMessage, type Context } from "./context.js";
import { bodyText, traceOutgoing } from "./trace.js";

/** The request a send-request / send-one-way-request builds (set-url, set-method, set-header, set-body). */
export class OutgoingRequest {
  url: string | null = null;
  Method = "GET";
  Headers = new HeaderMap("request");
  #body: MessageBody | null = null;
  get Body(): MessageBody | null {
    return this.#body;
  }
  /** A new body: Content-Length now describes it (framing.ts), as on context.Request. */
  set Body(b: MessageBody | null) {
    this.#body = b;
    reflectBody(this.Headers, b);
  }
  /** The traced request this one is made for (trace.ts); null when not traced. */
  $traced: Context | null = null;
  /** Who is told about this callout (the gateway's metrics); null when nobody watches. */
  $observer: Observer | null = null;
}

export interface SendOptions {
  timeoutMs: number;
  certificate: { thumbprint: string | null; certificateId: string | null; body: string | null; password: string | null } | null;
  proxy: { url: string | null; username: string | null; password: string | null } | null;
}

const sharedAgent = new Agent({ keepAliveTimeout: 10_000, connections: 256, pipelining: 1 });
const certAgents = new Map<string, Agent>();
const proxyAgents = new Map<string, ProxyAgent>();

export interface CertificateEntry {
  /** PEM certificate (its key in keyFile, or in the same file). */
  certFile?: string;
  keyFile?: string;
  /** Or a PKCS#12 file. */
  pfxFile?: string;
  passphrase?: string;
  /** The certificate-id policies may use (APIM's certificate resource name). */
  id?: string;
}

/** Client certificates by thumbprint and id, for `authentication-certificate`. */
const certificates = new Map<string, Record<string, unknown>>();

/**
 * Registers client certificates. The thumbprint is the SHA-1 of the certificate (what APIM shows),
 * read from the PEM or PFX itself.
 */
export function configureCertificates(entries: CertificateEntry[]): void {
  for (const e of entries) {
    let connect: Record<string, unknown>;
    let der: Buffer | string;
    if (e.pfxFile) {
      const pfx = readFileSync(e.pfxFile);
      connect = { pfx, passphrase: e.passphrase };
      // Opening a secure context is the way Node reads a PFX; it also proves the passphrase.
      der = (createSecureContext({ pfx, passphrase: e.passphrase }) as unknown as { context: { getCertificate(): Buffer } }).context.getCertificate();
    } else if (e.certFile) {
      const cert = readFileSync(e.certFile);
      connect = { cert, key: readFileSync(e.keyFile ?? e.certFile), passphrase: e.passphrase };
      der = cert;
    } else throw new Error("a certificate entry needs certFile or pfxFile");
    const thumb = new X509Certificate(der).fingerprint.replace(/:/g, "").toUpperCase();
    certificates.set(`thumb:${thumb}`, connect);
    if (e.id) certificates.set(`id:${e.id}`, connect);
    certAgents.clear();
  }
}

/**
 * The TLS options of a configured client certificate (by thumbprint, any case and separators, or
 * by id), for a backend entity's `credentials.certificate` / `certificateIds`; undefined when none.
 */
export function certificateConnect(ref: { thumbprint?: string; id?: string }): Record<string, unknown> | undefined {
  if (ref.thumbprint) return certificates.get(`thumb:${ref.thumbprint.replace(/[^0-9a-f]/gi, "").toUpperCase()}`);
  return ref.id ? certificates.get(`id:${ref.id}`) : undefined;
}

/** A configured certificate's PEM (certFile) by id, for validate-client-certificate's issuer-certificate-id. */
export function configuredCertificate(id: string): Buffer | undefined {
  const c = certificates.get(`id:${id}`)?.cert;
  return Buffer.isBuffer(c) ? c : undefined;
}

let extraAgent: Agent | undefined;
let extraConnect: Record<string, unknown> | undefined;
const connectListeners: (() => void)[] = [];
/**
 * TLS options for every outgoing call (a trusted CA for a private backend, etc.): send-request,
 * send-one-way-request and forwarding (runtime/backend.ts builds its pools from them).
 */
export function configureDispatcher(connect: Record<string, unknown>): void {
  extraConnect = connect;
  extraAgent = new Agent({ keepAliveTimeout: 10_000, connections: 256, connect });
  certAgents.clear();
  for (const f of connectListeners) f();
}
/** The options configureDispatcher set, if any. */
export function outgoingConnectOptions(): Record<string, unknown> | undefined {
  return extraConnect;
}
/** Called after every configureDispatcher (the forwarding pools are rebuilt with the new options). */
export function onConnectOptionsChange(f: () => void): void {
  connectListeners.push(f);
}

function dispatcherFor(opts: SendOptions | null): Dispatcher {
  if (opts?.proxy?.url) {
    const { url, username, password } = opts.proxy;
    const key = `${url}|${username ?? ""}|${password ?? ""}`;
    let p = proxyAgents.get(key);
    if (!p) {
      p = new ProxyAgent({ uri: url, token: username ? `Basic ${Buffer.from(`${username}:${password ?? ""}`).toString("base64")}` : undefined, requestTls: extraConnect });
      proxyAgents.set(key, p);
    }
    return p;
  }
  const c = opts?.certificate;
  if (c) {
    if (c.body) return inlineCertificateAgent(c.body, c.password);
    const key = c.thumbprint ? `thumb:${c.thumbprint.replace(/[^0-9a-f]/gi, "").toUpperCase()}` : c.certificateId ? `id:${c.certificateId}` : null;
    let agent = key ? certAgents.get(key) : undefined;
    const connect = key ? certificates.get(key) : undefined;
    if (!agent && connect && key) {
      agent = new Agent({ keepAliveTimeout: 10_000, connect: { ...extraConnect, ...connect } });
      certAgents.set(key, agent);
    }
    if (!agent)
      throw new PolicyError("CertificateNotFound", `No client certificate with ${c.thumbprint ? `thumbprint ${c.thumbprint}` : `id '${c.certificateId}'`} is configured.`, 500);
    return agent;
  }
  return extraAgent ?? sharedAgent;
}


/** `authentication-certificate body="<base64 PFX>" password="..."`: an agent per distinct certificate. */
function inlineCertificateAgent(body: string, password: string | null): Agent {
  const key = `body:${createHash("sha256").update(body).update("\0").update(password ?? "").digest("hex")}`;
  let agent = certAgents.get(key);
  if (!agent) {
    agent = new Agent({ keepAliveTimeout: 10_000, connect: { ...extraConnect, pfx: Buffer.from(body, "base64"), passphrase: password ?? undefined } });
    certAgents.set(key, agent);
  }
  return agent;
}

/** Starts the request a send-request builds: empty (`new`) or a copy of the current request. */
export function newOutgoingRequest(ctx: Context, mode: unknown, section: string): OutgoingRequest {
  const rq = new OutgoingRequest();
  if (ctx.Tracing) rq.$traced = ctx;
  const observer = ctx.$env.observer;
  if (observer) rq.$observer = observer;
  if (mode === "copy") {
    const src = ctx.Request;
    rq.url = src.Url.href();
    rq.Method = src.Method;
    rq.Headers = src.Headers.clone();
    // In outbound, mode="copy" does not carry the body (send-request reference page).
    if (section !== "outbound" && src.Body) rq.Body = new MessageBody(src.Body.content());
  } else if (mode !== "new" && mode !== null && mode !== undefined)
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${String(mode)}' is not a valid send-request mode (new, copy).`);
  return rq;
}

/** send-request: the IResponse, or a PolicyError (Timeout / BackendConnectionFailure). */
export function sendRequest(rq: OutgoingRequest, opts: SendOptions): Promise<ResponseMessage> {
  if (rq.$observer) return observed(rq, opts, rq.$observer);
  if (!rq.$traced) return send(rq, opts);
  return traced(rq, opts, rq.$traced);
}

function traced(rq: OutgoingRequest, opts: SendOptions, ctx: Context): Promise<ResponseMessage> {
  const done = traceOutgoing(ctx, rq.Method, rq.url ?? "");
  // What was sent, read before sending (the exchange may take the body).
  const sent = { requestHeaders: rq.Headers.clone(), requestBody: bodyText(rq.Body) };
  return send(rq, opts).then(
    (res) => (done(res.StatusCode, null, { ...sent, responseHeaders: res.Headers, responseBody: res.Body }), res),
    (e: unknown) => {
      done(null, e, sent);
      throw e;
    },
  );
}

/** The callout's host, status and time go to the observer (and to the trace when traced). */
function observed(rq: OutgoingRequest, opts: SendOptions, o: Observer): Promise<ResponseMessage> {
  const started = performance.now();
  const host = calloutHost(rq.url);
  const report = (status: number | null) => {
    try {
      o.callout(host, status, performance.now() - started);
    } catch {
      // An observer's failure is not the request's.
    }
  };
  return (rq.$traced ? traced(rq, opts, rq.$traced) : send(rq, opts)).then(
    (res) => (report(res.StatusCode), res),
    (e: unknown) => {
      report(null);
      throw e;
    },
  );
}

/** host[:port] of a callout URL; "" when it is not one (the call fails and says why). */
function calloutHost(url: string | null): string {
  if (!url) return "";
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

async function send(rq: OutgoingRequest, opts: SendOptions): Promise<ResponseMessage> {
  if (!rq.url) throw new PolicyError("ExpressionValueEvaluationFailure", "send-request has no URL.");
  let url: URL;
  try {
    url = new URL(rq.url);
  } catch {
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${rq.url}' is not a valid absolute URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new PolicyError("ExpressionValueEvaluationFailure", `'${rq.url}' is not an http(s) URL.`);
  return httpCall(url, rq.Method, rq.Headers, rq.Body?.content() ?? null, opts.timeoutMs, dispatcherFor(opts), false);
}

/** send-one-way-request: started, never awaited by the pipeline; the outcome goes to the trace. */
export function sendOneWay(ctx: Context, rq: OutgoingRequest, opts: SendOptions): void {
  const started = Date.now();
  const p = sendRequest(rq, opts).then(
    (res) => {
      // A traced request has the outcome on the policy's trace entry (sendRequest).
      if (!ctx.Tracing) ctx.$trace.push({ source: "send-one-way-request", severity: "information", message: `${rq.Method} ${rq.url} → ${res.StatusCode} in ${Date.now() - started} ms`, timeMs: Date.now() });
    },
    (e: unknown) => {
      if (!ctx.Tracing) ctx.$trace.push({ source: "send-one-way-request", severity: "error", message: `${rq.Method} ${rq.url} failed: ${(e as Error).message}`, timeMs: Date.now() });
    },
  );
  ctx.$oneWay.push(p);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The abort signal of one call, in the EventEmitter form undici accepts: ~70 ns to make and listen
 * to, against ~2.7 µs for an AbortController's signal and its listener.
 */
class TimeoutSignal extends EventEmitter {
  aborted = false;
  abort(): void {
    this.aborted = true;
    this.emit("abort");
  }
}

/**
 * One HTTP exchange with the whole response body read, within `timeoutMs` (one timer, cleared on
 * completion). Connection problems become BackendConnectionFailure; the timer, Timeout.
 */
export async function httpCall(
  url: URL,
  method: string,
  headers: HeaderMap,
  body: Buffer | Readable | null,
  timeoutMs: number,
  dispatcher: Dispatcher,
  followRedirects: boolean,
  source?: string,
  streamResponse = false,
): Promise<ResponseMessage> {
  const signal = timeoutMs > 0 && Number.isFinite(timeoutMs) ? new TimeoutSignal() : null;
  let timedOut = false;
  const timer =
    signal !== null
      ? setTimeout(() => {
          timedOut = true;
          signal.abort();
        }, timeoutMs)
      : null;
  try {
    let target = url;
    let m = method;
    let b = body;
    for (let hops = 0; ; hops++) {
      // Content-Length from the body sent now, never copied (mode="copy" copies the client's).
      const wire = requestWire(headers, NOT_SENT, m, b);
      const res = await request(target, {
        method: m as Dispatcher.HttpMethod,
        headers: wire.headers,
        body: wire.body,
        dispatcher,
        signal: signal ?? undefined,
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      if (followRedirects && REDIRECTS.has(res.statusCode) && res.headers.location && hops < 10) {
        await res.body.dump();
        target = new URL(String(res.headers.location), target);
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && m === "POST")) {
          m = "GET";
          b = null;
        }
        continue;
      }
      const h = new HeaderMap("response");
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.appendValues(k, Array.isArray(v) ? v : [v]);
      if (streamResponse) {
        // Headers are in: the timeout is over; the body streams to the client.
        if (timer) clearTimeout(timer);
        return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h, MessageBody.stream(res.body));
      }
      const bytes = await readCapped(res.body, res.headers["content-length"], url.origin);
      return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h, new MessageBody(bytes));
    }
  } catch (e) {
    if (timedOut) throw new PolicyError("Timeout", `Request to ${url.origin}${url.pathname} did not complete within ${timeoutMs} ms.`, 504, source, e);
    if (e instanceof PolicyError) throw e;
    const code = (e as { code?: string }).code ?? (e as Error).name;
    throw new PolicyError("BackendConnectionFailure", `Could not reach ${url.origin}: ${(e as Error).message}${code ? ` (${code})` : ""}.`, 500, source, e);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Largest response body read into memory (send-request, and forwarding when a policy reads the
 * body): 64 MiB. APIM buffers up to 500 MiB on dedicated tiers; a gateway process should not.
 */
export let maxResponseBodyBytes = 64 * 1024 * 1024;
export function configureResponseLimit(bytes: number): void {
  maxResponseBodyBytes = bytes;
}

/**
 * Reads a whole body, failing with a 502 policy error past maxResponseBodyBytes (the body is then
 * destroyed). Data events, not `for await`: async iteration costs promise turns per chunk.
 */
export function readCapped(body: Readable, contentLength: string | string[] | undefined, origin: string): Promise<Buffer> {
  const declared = typeof contentLength === "string" ? Number(contentLength) : 0;
  const tooLarge = () => new PolicyError("ResponseBodyTooLarge", `The response from ${origin} is larger than ${maxResponseBodyBytes} bytes, the most apimc reads into memory.`, 502);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Listening for errors before any destroy(): undici's body reports a destroy as an AbortError.
    body.on("error", reject);
    if (declared > maxResponseBodyBytes) {
      reject(tooLarge());
      body.destroy();
      return;
    }
    body.on("data", (c: Buffer) => {
      size += c.length;
      if (size > maxResponseBodyBytes) {
        body.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    let ended = false;
    body.once("end", () => {
      ended = true;
      resolve(Buffer.concat(chunks, size));
    });
    // Destroyed without an error (the request was aborted): never settles otherwise.
    body.once("close", () => {
      if (!ended) reject(new Error("The response body was closed before its end."));
    });
  });
}

/** Reason phrases (Node's table): undici does not expose the status line's own text. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? "";
}

// Reading a backend's response straight from undici's dispatch handler callbacks. `pool.request`
// wraps every response in an AsyncResource, a promise and a Readable stream (BodyReadable) that the
// gateway then drains through data/end/error/close listeners into one Buffer: ~5 µs of CPU on each
// proxied request. Here the headers go straight into a HeaderMap and a small body's chunks into an
// array; a Readable is made only for a body that really streams through.
import { Readable } from "node:stream";
import { util as undiciUtil } from "undici";
import { MessageBody } from "./body.js";
import { ResponseMessage } from "./context.js";
import { PolicyError } from "./errors.js";
import { HeaderMap } from "./headers.js";
import { maxResponseBodyBytes, reasonPhrase } from "./http.js";
import type { ForwardOptions, HttpVersion } from "./pipeline.js";

const headerName = undiciUtil.headerNameToString as (b: Buffer | string) => string;

/** Bytes up to which a response of known length is read whole rather than piped. */
export const SMALL_BODY = 64 * 1024;

const noop = () => {};
type Abort = (err?: Error) => void;

/** A response body streamed through to the client: undici's flow control, and an abort when dropped early. */
class StreamedBody extends Readable {
  constructor(
    private readonly handler: ForwardResponse,
    private readonly resumeReading: () => void,
  ) {
    super({ highWaterMark: SMALL_BODY });
  }
  override _read(): void {
    this.resumeReading();
  }
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    // Dropped before its end (the client went away, nobody forwards it): close the backend's connection.
    this.handler.cancel(err);
    cb(err);
  }
}

/**
 * An undici dispatch handler (the callback interface `Dispatcher.dispatch` takes) that settles
 * with the backend's ResponseMessage: the body read whole (up to maxResponseBodyBytes), or, with
 * `stream` and a body that is not known to be small, a Readable handed on as it arrives.
 */
export class ForwardResponse {
  private abort: Abort | null = null;
  /** Settled (resolved, rejected) or the exchange is over: later callbacks change nothing. */
  private settled = false;
  private finished = false;
  private status = 0;
  private headers: HeaderMap | null = null;
  private chunks: Buffer[] = [];
  private size = 0;
  private body: StreamedBody | null = null;

  private readonly stream: boolean;
  constructor(
    private readonly opts: ForwardOptions,
    private readonly origin: string,
    private readonly target: string,
    private readonly resolve: (r: ResponseMessage) => void,
    private readonly reject: (e: unknown) => void,
    /** The request body when it streams from the client: destroyed when the exchange fails, as `pool.request` does. */
    private readonly requestBody: Readable | null,
  ) {
    this.stream = opts.streamResponse === true;
  }

  onConnect(abort: Abort): void {
    this.abort = abort;
  }

  onHeaders(statusCode: number, raw: (Buffer | string | Buffer[])[], resume: () => void): boolean {
    if (statusCode < 200) return true; // 1xx: informational, the final response follows
    const h = new HeaderMap("response");
    const m = h.m;
    let length: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      const key = headerName(raw[i] as Buffer);
      const rv = raw[i + 1]!;
      const values = typeof rv === "string" ? [rv] : Array.isArray(rv) ? rv.map((x) => x.toString("latin1")) : [rv.toString("latin1")];
      const e = m.get(key);
      m.set(key, e === undefined ? { name: key, values } : { name: key, values: [...e.values, ...values] });
      // Two Content-Length lines: no declared length (llhttp refuses differing ones anyway).
      if (key === "content-length") length = e === undefined && values.length === 1 ? values[0] : undefined;
    }
    this.status = statusCode;
    this.headers = h;
    if (length !== undefined && Number(length) > maxResponseBodyBytes && !this.stream) {
      this.tooLarge();
      return false;
    }
    // Small bodies of known length are read whole even when streaming: one write to the client
    // instead of a pipe (most API responses are a few KB).
    if (this.stream && !(length !== undefined && Number(length) <= SMALL_BODY)) {
      this.body = new StreamedBody(this, resume);
      this.settled = true;
      this.resolve(new ResponseMessage(statusCode, reasonPhrase(statusCode), h, MessageBody.stream(this.body)));
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.body) return this.body.push(chunk);
    if (this.settled) return false;
    this.size += chunk.length;
    if (this.size > maxResponseBodyBytes) {
      this.tooLarge();
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.finished = true;
    if (this.body) {
      this.body.push(null);
      return;
    }
    if (this.settled) return;
    this.settled = true;
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.resolve(new ResponseMessage(this.status, reasonPhrase(this.status), this.headers!, new MessageBody(bytes)));
  }

  onError(err: Error): void {
    if (this.requestBody && !this.requestBody.destroyed) {
      this.requestBody.on("error", noop);
      this.requestBody.destroy(err);
    }
    if (this.finished) return;
    this.finished = true;
    if (this.body) {
      this.body.destroy(err);
      return;
    }
    if (this.settled) return;
    this.settled = true;
    this.reject(forwardError(err, this.origin, this.target, this.opts.timeoutMs, this.opts.httpVersion));
  }

  /** The streamed body was destroyed: stop the exchange unless it is already over. */
  cancel(err: Error | null): void {
    if (this.finished) return;
    this.finished = true;
    this.abort?.(err ?? new Error("The response body was closed before its end."));
  }

  private tooLarge(): void {
    this.settled = true;
    this.reject(new PolicyError("ResponseBodyTooLarge", `The response from ${this.origin} is larger than ${maxResponseBodyBytes} bytes, the most apimc reads into memory.`, 502));
    this.finished = true;
    this.abort?.(new Error("response body too large"));
  }
}

/** A transport failure of a forward as forward-request's policy error (Timeout or BackendConnectionFailure). */
export function forwardError(e: unknown, origin: string, path: string, timeoutMs: number, httpVersion?: HttpVersion): PolicyError {
  const code = (e as { code?: string }).code ?? (e as Error).name;
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT")
    return new PolicyError("Timeout", `Request to ${origin}${path.split("?")[0]} did not complete within ${timeoutMs} ms.`, 504, "forward-request", e);
  // h2c with prior knowledge against a backend that does not speak HTTP/2 ends in a protocol error: say why.
  const hint =
    httpVersion === "2" && origin.startsWith("http:") && (code.startsWith("ERR_HTTP2") || code === "UND_ERR_SOCKET" || code === "ECONNRESET")
      ? ` http-version="2" over http:// speaks HTTP/2 with prior knowledge (h2c), which a backend that only speaks HTTP/1.1 refuses; use "2or1" or "1" for it.`
      : "";
  return new PolicyError("BackendConnectionFailure", `Could not reach ${origin}: ${(e as Error).message}${code ? ` (${code})` : ""}.${hint}`, 500, "forward-request", e);
}

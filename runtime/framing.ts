// Message framing: Content-Length and Transfer-Encoding are never copied from the message a body
// came with when that body may have changed. They are derived from the body actually sent, at the
// moment it is sent (requests to backends and send-request targets, responses to clients), and a
// message whose body is replaced shows the new body's length to later policy expressions.
import type { Readable } from "node:stream";
import { HOP_BY_HOP, type HeaderMap } from "./headers.js";
import type { MessageBody } from "./body.js";

/** The framing headers: derived from the body, never passed on from another message. */
export const FRAMING: ReadonlySet<string> = new Set(["content-length", "transfer-encoding"]);

/** Hop-by-hop headers plus Content-Length: what toWire leaves out of any outgoing message. */
export const NOT_SENT: ReadonlySet<string> = new Set([...HOP_BY_HOP, ...FRAMING]);

/** Methods whose request carries a body by definition: an empty one is sent as `Content-Length: 0`. */
const PAYLOAD_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH"]);

/**
 * A message's body was replaced (set-body, a conversion, jsonp, ...): its headers now describe the
 * new body, as APIM's do (the new body's byte length in Content-Length, no Transfer-Encoding; no
 * body, neither). A streamed body is the original one, whose framing headers are already right.
 */
export function reflectBody(headers: HeaderMap, body: MessageBody | null): void {
  if (body === null) {
    headers.delete("content-length");
    headers.delete("transfer-encoding");
  } else if (!body.isStream) {
    headers.delete("transfer-encoding");
    headers.setValues("Content-Length", [String(body.byteLength)]);
  }
}

/**
 * The wire form of an outgoing request: its headers (without `skip`, hop-by-hop and framing ones)
 * and the body to send, with Content-Length describing exactly that body.
 * - Bytes: Content-Length is their length. An empty body of a method that carries none (GET,
 *   HEAD, DELETE, ...) is not sent at all; POST/PUT/PATCH send `Content-Length: 0`.
 * - A stream (a body no policy read, passed through as it came): its own Content-Length when it
 *   came with one, else none (sent chunked), so streaming keeps the client's framing.
 * - No body: no framing, except `Content-Length: 0` for POST/PUT/PATCH.
 */
export function requestWire(
  headers: HeaderMap,
  skip: ReadonlySet<string>,
  method: string,
  body: Buffer | Readable | null,
): { headers: Record<string, string | string[]>; body: Buffer | Readable | undefined } {
  const wire = headers.toWire(skip);
  if (body !== null && !Buffer.isBuffer(body)) {
    const declared = headers.get("content-length")?.values[0];
    if (declared !== undefined && headers.get("transfer-encoding") === undefined) wire["content-length"] = declared;
    return { headers: wire, body };
  }
  const length = body === null ? 0 : body.length;
  if (length > 0) {
    wire["content-length"] = String(length);
    return { headers: wire, body: body! };
  }
  if (PAYLOAD_METHODS.has(method)) wire["content-length"] = "0";
  return { headers: wire, body: undefined };
}

/**
 * The Content-Length of a response to the client, or undefined for none (Node then sends a
 * streamed body chunked):
 * - a streamed body: the backend's Content-Length, if it sent one;
 * - 1xx, 204, 304: none (no body is sent);
 * - the answer to HEAD: the header as the response carries it (the backend's length of the
 *   representation, or a replaced body's length), since no body is sent to compare with;
 * - otherwise the byte length of the body sent.
 */
export function responseLength(headers: HeaderMap, status: number, requestMethod: string | undefined, body: Buffer | Readable | null): string | undefined {
  if (body !== null && !Buffer.isBuffer(body)) return headers.get("transfer-encoding") === undefined ? headers.get("content-length")?.values[0] : undefined;
  if (status < 200 || status === 204 || status === 304) return undefined;
  if (requestMethod === "HEAD") return headers.get("content-length")?.values[0] ?? String(body === null ? 0 : body.length);
  return String(body === null ? 0 : body.length);
}

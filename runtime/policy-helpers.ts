// Small helpers the generated policy code calls (imported by name from apimc/runtime).
import { MessageBody } from "./body.js";
import { PolicyError } from "./errors.js";
import { ResponseMessage, type Context } from "./context.js";
import { HeaderMap } from "./headers.js";

/** set-body: a string, JToken (its JSON), byte[] or null becomes the message body. */
export function bodyOf(value: unknown): MessageBody | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return new MessageBody(value);
  if (value instanceof Uint8Array) return new MessageBody(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  const toString = (value as { ToString?: (f?: unknown) => string }).ToString;
  if (typeof toString === "function") return new MessageBody(toString.call(value));
  return new MessageBody(String(value));
}

/** A literal body's bytes, encoded once when the module loads. */
export function utf8Bytes(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

/** A message body over shared bytes (MessageBody never writes to them). */
export function bodyOfBytes(bytes: Buffer): MessageBody {
  return new MessageBody(bytes);
}

export function checkStatusCode(code: unknown): number {
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599)
    throw new PolicyError("ExpressionValueEvaluationFailure", `Status code ${String(code)} is not an integer in 100-599.`);
  return code;
}

export function secondsToMs(s: unknown): number {
  if (typeof s !== "number" || !Number.isFinite(s) || s < 0) throw new PolicyError("ExpressionValueEvaluationFailure", `Timeout ${String(s)} is not a non-negative number of seconds.`);
  return s * 1000;
}

/** ignore-error: a failed send-request stores null. */
export function toNull(): null {
  return null;
}

export function newResponse(): ResponseMessage {
  return new ResponseMessage(200, "OK", new HeaderMap("response"), null);
}

/**
 * return-response response-variable-name: the stored response (copied, so children edit the copy).
 * [OPEN] 10: a missing variable gives a new 200 response, as the reference page's placeholder example implies.
 */
export function responseFromVariable(ctx: Context, name: string): ResponseMessage {
  const v = ctx.Variables.get(name);
  if (v === undefined || v === null) return newResponse();
  if (!(v instanceof ResponseMessage)) throw new PolicyError("ExpressionValueEvaluationFailure", `Variable '${name}' does not hold a response.`);
  return new ResponseMessage(v.StatusCode, v.StatusReason, v.Headers.clone(), v.Body ? new MessageBody(v.Body.content()) : null);
}

/** return-response: this response goes to the client; the request body is dropped. */
export function endWithResponse(ctx: Context, res: ResponseMessage): void {
  if (ctx.Response !== res) ctx.Response.Body?.discard();
  ctx.Response = res;
  ctx.Request.Body = null;
}

/** Placed where an expression failed to compile; never reached because such modules are not written. */
export function unreachable(): never {
  throw new Error("unreachable");
}

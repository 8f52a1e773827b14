// authentication-certificate as an inbound policy: the client certificate forward-request presents
// to the backend. The choice is kept per request (on the context, under a symbol) and read by the
// forwarding host (runtime/backend.ts), which then sends the request through the certificate's
// TLS agent (runtime/http.ts, the same certificates send-request uses: registered with
// configureCertificates by thumbprint or id, or given inline as a PKCS#12 body).
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { OutgoingRequest, sendRequest, type SendOptions } from "../http.js";
import type { ResponseMessage } from "../context.js";
import { MessageBody } from "../body.js";
import { HOP_BY_HOP } from "../headers.js";

export type ClientCertificate = NonNullable<SendOptions["certificate"]>;

/** Kept on the context under a symbol: the forwarding hot path reads it for every request, and a
 * missing property is cheaper than a WeakMap lookup. */
const CERT = Symbol("apimc.clientCertificate");
type WithCert = { [CERT]?: ClientCertificate };

function text(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") throw new PolicyError("ExpressionValueEvaluationFailure", `authentication-certificate: ${what} must be a string.`);
  return v.trim() === "" ? null : v.trim();
}

/** The policy: one of thumbprint, certificate-id or body (byte[] or base64 PKCS#12), with its password. */
export function authenticationCertificate(ctx: Context, thumbprint: unknown, certificateId: unknown, body: unknown, password: unknown): void {
  let b64: string | null = null;
  if (body instanceof Uint8Array) b64 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("base64");
  else if (body !== null && body !== undefined) b64 = text(body, "body");
  const cert: ClientCertificate = { thumbprint: text(thumbprint, "thumbprint"), certificateId: text(certificateId, "certificate-id"), body: b64, password: password === null || password === undefined ? null : String(password) };
  if (!cert.thumbprint && !cert.certificateId && !cert.body)
    throw new PolicyError("ExpressionValueEvaluationFailure", "authentication-certificate: no thumbprint, certificate-id or body was given.");
  (ctx as unknown as WithCert)[CERT] = cert;
}

/** The client certificate the request's policies chose for forwarding, if any. */
export function clientCertificateOf(ctx: Context): ClientCertificate | undefined {
  return (ctx as unknown as WithCert)[CERT];
}

/**
 * Forwards through the certificate's TLS agent (send-request's transport). The request body is
 * buffered (the policy asks the gateway to buffer) and redirects are not followed.
 */
export function forwardWithCertificate(ctx: Context, url: string, cert: ClientCertificate, timeoutMs: number): Promise<ResponseMessage> {
  const rq = new OutgoingRequest();
  rq.url = url;
  rq.Method = ctx.Request.Method;
  rq.Headers = ctx.Request.Headers.clone();
  for (const h of HOP_BY_HOP) rq.Headers.delete(h);
  rq.Headers.delete("host");
  rq.Body = ctx.Request.Body ? new MessageBody(ctx.Request.Body.content()) : null;
  return sendRequest(rq, { timeoutMs, certificate: cert, proxy: null });
}

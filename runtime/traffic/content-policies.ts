// cross-domain and redirect-content-urls: the gateway answers Flash's /crossdomain.xml (and
// Silverlight's /clientaccesspolicy.xml) with the policy's document, and rewrites the backend's
// URLs in a body to the gateway's (outbound) or the gateway's to the backend's (inbound).
import type { Context, Url } from "../context.js";
import { ResponseMessage } from "../context.js";
import { HeaderMap } from "../headers.js";
import { MessageBody } from "../body.js";
import { END_PIPELINE } from "../contract.js";
import { endWithResponse } from "../policy-helpers.js";

/**
 * cross-domain: a GET or HEAD of `file` (`/crossdomain.xml` or `/clientaccesspolicy.xml`), at the
 * host's root or at the API's, is answered 200 with `document`; other requests go on.
 */
export function crossDomain(ctx: Context, file: string, contentType: string, document: string): number | undefined {
  const m = ctx.Request.Method;
  if (m !== "GET" && m !== "HEAD") return undefined;
  const path = ctx.Request.OriginalUrl.Path;
  const apiPath = ctx.Api.Path.replace(/\/+$/, "");
  if (path.toLowerCase() !== file && path.toLowerCase() !== `${apiPath}${file}`.toLowerCase()) return undefined;
  const res = new ResponseMessage(200, "OK", new HeaderMap("response"), new MessageBody(m === "HEAD" ? "" : document));
  res.Headers.setValues("Content-Type", [contentType]);
  endWithResponse(ctx, res);
  return END_PIPELINE;
}

/** scheme://host[:port]/path without a trailing slash (default ports left out, as a browser writes them). */
function baseOf(u: Url, path: string): string {
  const scheme = u.Scheme.toLowerCase();
  const port = (scheme === "http" && u.Port === 80) || (scheme === "https" && u.Port === 443) || u.Port < 0 ? "" : `:${u.Port}`;
  return `${scheme}://${u.Host}${port}${path.replace(/\/+$/, "")}`;
}

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|ecmascript|x-www-form-urlencoded)\b)/i;

/**
 * redirect-content-urls: outbound, the backend's base URL (the API's service URL, or the backend
 * the request went to when set-backend-service changed it) becomes the gateway's (the request's
 * original scheme, host and port and the API's path) in a textual response body; inbound, the
 * other way round in the request body. Ordinal, case-sensitive, as find-and-replace.
 */
export function redirectContentUrls(ctx: Context, target: "request" | "response"): void {
  const m = target === "request" ? ctx.Request : ctx.Response;
  const body = m.Body;
  if (!body || body.isStream) return;
  const type = m.Headers.m.get("content-type")?.values[0] ?? "";
  if (type !== "" && !TEXTUAL.test(type.trim())) return;
  const gateway = baseOf(ctx.Request.OriginalUrl, ctx.Api.Path);
  const service = ctx.Api.ServiceUrl;
  const backends = new Set<string>();
  if (service) backends.add(baseOf(service, service.Path));
  // A set-backend-service elsewhere: the backend the request was sent to, at the same base path.
  if (target === "response" && service && baseOf(ctx.Request.Url, "") !== baseOf(service, "")) backends.add(baseOf(ctx.Request.Url, service.Path));
  const text = body.content().toString("utf8");
  let out = text;
  if (target === "response") for (const b of backends) out = out.split(b).join(gateway);
  else for (const b of [...backends].slice(0, 1)) out = out.split(gateway).join(b);
  if (out !== text) m.Body = new MessageBody(out);
}

// forward-request: sends the current request to the backend and makes its answer context.Response.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { EmitContext, PolicyDef, PolicyNode } from "./types.js";
import { literalBool } from "./values.js";

export interface ForwardNode extends PolicyNode {
  timeout: XValue | undefined;
  timeoutMs: XValue | undefined;
  followRedirects: XValue | undefined;
  failOnErrorStatusCode: boolean;
  bufferRequestBody: boolean;
  bufferResponse: boolean;
  /** http-version: null for "1" (the default, HTTP/1.1). */
  httpVersion: "2" | "2or1" | null;
}

/** APIM's default forward-request timeout, seconds. */
export const DEFAULT_FORWARD_TIMEOUT_S = 300;

export const forwardRequest: PolicyDef<ForwardNode> = {
  name: "forward-request",
  sections: ["backend"],
  attributes: {
    timeout: { type: "seconds" },
    "timeout-ms": { type: "seconds" },
    "continue-timeout": { type: "seconds" },
    "http-version": { expr: false, type: { enum: ["1", "2", "2or1"] } },
    "follow-redirects": { type: "bool" },
    "buffer-request-body": { expr: false, type: "bool" },
    "buffer-response": { expr: false, type: "bool" },
    "fail-on-error-status-code": { expr: false, type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    if (a.timeout && a["timeout-ms"]) pc.diags.error(Codes.InvalidLiteral, a["timeout-ms"].offset, "Use either 'timeout' or 'timeout-ms', not both.");
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<forward-request> takes no child elements."));
    const ct = a["continue-timeout"];
    if (ct)
      pc.diags.warning(
        Codes.NotImplemented,
        ct.offset,
        "'continue-timeout' has no effect in apimc: the gateway never sends 'Expect: 100-continue' to a backend (its HTTP client, undici, does not support it over HTTP/1.1), so there is no 100 Continue to wait for. The body is sent with the request; 'timeout' bounds the wait for the response.",
      );
    const hv = a["http-version"]?.kind === "literal" ? a["http-version"].text.trim() : "1";
    return {
      ...base,
      timeout: a.timeout,
      timeoutMs: a["timeout-ms"],
      followRedirects: a["follow-redirects"],
      failOnErrorStatusCode: literalBool(a["fail-on-error-status-code"], false),
      bufferRequestBody: literalBool(a["buffer-request-body"], false),
      bufferResponse: literalBool(a["buffer-response"], true),
      httpVersion: hv === "2" || hv === "2or1" ? hv : null,
    };
  },
  emit(node, ec) {
    return emitForward(node, ec);
  },
  isAsync: () => true,
};

/** Also used by <base/> in the backend section of a standalone document (the default global policy). */
export function emitForward(node: ForwardNode | null, ec: EmitContext): Code {
  return js`await ${forwardCall(node, ec)};`;
}

/**
 * The forwarding call itself: a promise that sets context.Response (and fails on an error status
 * when asked).
 */
export function forwardCall(node: ForwardNode | null, ec: EmitContext): Code {
  return forwardCallOf(node, ec, false);
}

/**
 * A backend section that only forwards returns the host's promise of the response itself, which
 * the pipeline makes context.Response: no promise layer of its own on every request. Null when the
 * forward must also check the status (fail-on-error-status-code), which forwardCall does.
 */
export function forwardOnlyCall(node: ForwardNode | null, ec: EmitContext): Code | null {
  return node?.failOnErrorStatusCode ? null : forwardCallOf(node, ec, true);
}

function forwardCallOf(node: ForwardNode | null, ec: EmitContext, only: boolean): Code {
  const timeoutMs: Code = node?.timeoutMs
    ? ec.value(node.timeoutMs, "int")
    : node?.timeout
      ? node.timeout.kind === "literal"
        ? ec.scope.constant(js`${Number(node.timeout.text.trim()) * 1000}`, "FORWARD_TIMEOUT_MS", true)
        : js`(${ec.value(node.timeout, "int")}) * 1000`
      : ec.scope.constant(js`${DEFAULT_FORWARD_TIMEOUT_S * 1000}`, "FORWARD_TIMEOUT_MS", true);
  // Literal flags are named module constants, so the call reads as what it does.
  const flag = (name: string, v: boolean) => ec.scope.constant(js`${v}`, `${v ? "" : "NO_"}${name}`, true);
  const follow = node?.followRedirects ? (node.followRedirects.kind === "literal" ? flag("FOLLOW_REDIRECTS", literalBool(node.followRedirects, false)) : ec.value(node.followRedirects, "bool")) : flag("FOLLOW_REDIRECTS", false);
  // http-version="1" (the default) passes nothing: the HTTP/1.1 path is the one every request takes.
  if (only) {
    if (node?.httpVersion) return js`${rt("forwardOnly")}(ctx, ${timeoutMs}, ${follow}, ${node.httpVersion})`;
    return js`${rt("forwardOnly")}(ctx, ${timeoutMs}, ${follow})`;
  }
  const fail = flag("FAIL_ON_ERROR_STATUS", node?.failOnErrorStatusCode ?? false);
  if (node?.httpVersion) return js`${rt("forwardRequest")}(ctx, ${timeoutMs}, ${follow}, ${fail}, ${node.httpVersion})`;
  return js`${rt("forwardRequest")}(ctx, ${timeoutMs}, ${follow}, ${fail})`;
}

// Dapr over its sidecar's HTTP API (the address: gateway.json `dapr.url`, default
// http://127.0.0.1:3500, Dapr's DAPR_HTTP_PORT): set-backend-service backend-id="dapr" forwards to
// /v1.0/invoke/<app-id>[.<namespace>]/method/<method>; publish-to-dapr POSTs the message to
// /v1.0/publish/<pubsub>/<topic>; invoke-dapr-binding POSTs { data, metadata, operation } to
// /v1.0/bindings/<name>. The sidecar's answer goes to response-variable-name (an IResponse); an
// error answer or no answer fails the policy (on-error runs) unless ignore-error is true.
import { getGlobalDispatcher } from "undici";
import type { Context, ResponseMessage } from "../context.js";
import { PolicyError } from "../errors.js";
import { HeaderMap } from "../headers.js";
import { httpCall } from "../http.js";

export const DEFAULT_DAPR_URL = "http://127.0.0.1:3500";

function daprBase(ctx: Context): string {
  return (ctx.$env.dapr?.url ?? DEFAULT_DAPR_URL).replace(/\/+$/, "");
}

const str = (v: unknown, what: string, policy: string): string => {
  const s = v === null || v === undefined ? "" : String(v);
  if (s.trim() === "") throw new PolicyError("ExpressionValueEvaluationFailure", `${policy}: ${what} is empty.`, 500, policy);
  return s.trim();
};
const seg = (s: string) => encodeURIComponent(s);
const path = (s: string) => s.replace(/^\/+/, "").split("/").map(encodeURIComponent).join("/");

/**
 * set-backend-service backend-id="dapr": the URL the request is forwarded to, as the reference page
 * gives it (the request's own path is not appended; its query string is).
 */
export function daprInvokeUrl(ctx: Context, appId: unknown, method: unknown, namespace: unknown): string {
  const app = str(appId, "dapr-app-id", "set-backend-service");
  const ns = namespace === null || namespace === undefined || String(namespace).trim() === "" ? null : String(namespace).trim();
  const url = `${daprBase(ctx)}/v1.0/invoke/${seg(ns ? `${app}.${ns}` : app)}/method/${path(str(method, "dapr-method", "set-backend-service"))}`;
  ctx.$backendExact = url;
  return url;
}

export interface DaprCallSpec {
  policy: "publish-to-dapr" | "invoke-dapr-binding";
  ignoreError: boolean;
  responseVariable: string | null;
  contentType: string | null;
  /** invoke-dapr-binding's operation. */
  operation: string | null;
}

function timeoutMs(v: unknown, policy: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 240) throw new PolicyError("ExpressionValueEvaluationFailure", `${policy}: timeout must be 1 to 240 seconds, not ${String(v)}.`, 500, policy);
  return v * 1000;
}

async function call(ctx: Context, spec: DaprCallSpec, url: string, body: string, contentType: string | null, timeout: unknown): Promise<void> {
  const ms = timeoutMs(timeout, spec.policy);
  const headers = new HeaderMap("request");
  if (contentType) headers.setValues("Content-Type", [contentType]);
  let res: ResponseMessage;
  try {
    res = await httpCall(new URL(url), "POST", headers, Buffer.from(body, "utf8"), ms, getGlobalDispatcher(), false, spec.policy);
  } catch (e) {
    if (spec.ignoreError) return;
    if (e instanceof PolicyError) throw new PolicyError(e.reason, `${e.message} (the Dapr sidecar at ${daprBase(ctx)}; gateway.json "dapr": { "url": ... })`, e.status, spec.policy);
    throw e;
  }
  if (spec.responseVariable) ctx.Variables.set(spec.responseVariable, res);
  if (res.StatusCode >= 400 && !spec.ignoreError)
    // [infer] The pages say only that on-error runs; the reason and status are ours.
    throw new PolicyError("DaprError", `The Dapr sidecar answered ${res.StatusCode} ${res.StatusReason} to ${spec.policy}.`, 500, spec.policy);
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : String(v));

/** publish-to-dapr: `pubsub` null when the topic is "pubsub/topic". */
export async function daprPublish(ctx: Context, spec: DaprCallSpec, pubsub: unknown, topic: unknown, content: unknown, timeout: unknown): Promise<void> {
  let ps = pubsub === null ? null : str(pubsub, "pubsub-name", spec.policy);
  let t = str(topic, "topic", spec.policy);
  if (ps === null) {
    const slash = t.indexOf("/");
    if (slash <= 0 || slash === t.length - 1)
      throw new PolicyError("ExpressionValueEvaluationFailure", `publish-to-dapr: without pubsub-name, the topic must be "<pubsub-name>/<topic>", not '${t}'.`, 500, spec.policy);
    ps = t.slice(0, slash);
    t = t.slice(slash + 1);
  }
  await call(ctx, spec, `${daprBase(ctx)}/v1.0/publish/${seg(ps)}/${path(t)}`, text(content), spec.contentType, timeout);
}

/** invoke-dapr-binding: the data (JSON when content-type is application/json and it parses), metadata items, operation. */
export async function daprBinding(ctx: Context, spec: DaprCallSpec, name: unknown, data: unknown, metadata: readonly (readonly [string, unknown])[], timeout: unknown): Promise<void> {
  const d = text(data);
  let value: unknown = d;
  if (spec.contentType && /^application\/json/i.test(spec.contentType) && d.trim() !== "")
    try {
      value = JSON.parse(d);
    } catch {
      value = d;
    }
  const payload: Record<string, unknown> = { data: value };
  if (metadata.length) payload.metadata = Object.fromEntries(metadata.map(([k, v]) => [k, text(v)]));
  if (spec.operation) payload.operation = spec.operation;
  await call(ctx, spec, `${daprBase(ctx)}/v1.0/bindings/${seg(str(name, "name", spec.policy))}`, JSON.stringify(payload), "application/json", timeout);
}

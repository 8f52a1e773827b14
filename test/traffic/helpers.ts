// Shared by the traffic policy tests: documents, diagnostics, and a run with an operation context
// (matched parameters, URL template, API path) that runPolicy does not take.
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../gateway/testing.js";
import { Context, newEnvironment, RequestMessage, Url, type GatewayEnvironment } from "../../runtime/context.js";
import { HeaderMap } from "../../runtime/headers.js";
import { MessageBody } from "../../runtime/body.js";
import { attachHost, runPipeline } from "../../runtime/pipeline.js";
import { httpBackend } from "../../runtime/backend.js";

export const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound>${s.backend === undefined ? "" : `<backend>${s.backend}</backend>`}<outbound>${s.outbound ?? ""}</outbound>${s.onError === undefined ? "" : `<on-error>${s.onError}</on-error>`}</policies>`;

/** Error diagnostics of compiling `xml`, as `code@line:column` plus the message. */
export function errors(xml: string, opts: { checkOnly?: boolean } = {}): { code: string; line: number; column: number; message: string }[] {
  return compile(xml, { file: "p.xml", ...opts }).diagnostics.filter((d) => d.severity === "error");
}
export function warnings(xml: string): { code: string; message: string }[] {
  return compile(xml, { file: "p.xml" }).diagnostics.filter((d) => d.severity === "warning");
}
export function codeOf(xml: string): string {
  const r = compile(xml, { file: "p.xml" });
  if (r.code === null) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.code;
}

export interface OperationRun {
  request?: { method?: string; url?: string; headers?: Record<string, string | string[]>; body?: string };
  /** Operation URL template parameters (context.Request.MatchedParameters). */
  matched?: Record<string, string>;
  urlTemplate?: string;
  /** The API's path prefix (context.Api.Path); the backend host strips it. */
  apiPath?: string;
  /** Base URL of a real backend. */
  backend?: string;
  environment?: GatewayEnvironment;
}

/** Runs a policy with an operation context; returns the context after the pipeline. */
export async function runOperation(xml: string, o: OperationRun = {}): Promise<Context> {
  const mod = loadPolicy(xml);
  const rq = o.request ?? {};
  const url = Url.parse(new URL(rq.url ?? "/", "http://gateway.test").href);
  const ctx = new Context(new RequestMessage((rq.method ?? "GET").toUpperCase(), url, HeaderMap.from(rq.headers, "request"), rq.body !== undefined ? new MessageBody(rq.body) : null), {
    api: { Path: o.apiPath ?? "" },
    operation: { UrlTemplate: o.urlTemplate ?? "/*" },
  });
  for (const [k, v] of Object.entries(o.matched ?? {})) ctx.Request.MatchedParameters.set(k, v);
  ctx.$env = o.environment ?? newEnvironment();
  if (o.backend) attachHost(ctx, httpBackend(o.backend, o.apiPath ?? ""));
  await runPipeline(mod, ctx);
  return ctx;
}

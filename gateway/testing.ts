// `apimc/testing`: run a policy against a request, with a mocked or real backend, in process.
import { loadPolicy } from "./load.js";
import type { ConfiguredSchema } from "../compiler/validation/configured-schema.js";
import { specificationSource, type SpecificationInput } from "../compiler/validation/openapi.js";
import * as runtime from "../runtime/index.js";
import { applyCaller, Context, newEnvironment, RequestMessage, ResponseMessage, Url, type Caller, type GatewayEnvironment } from "../runtime/context.js";
import { HeaderMap } from "../runtime/headers.js";
import { MessageBody } from "../runtime/body.js";
import { attachHost, runPipeline, type BackendHost, type PolicyModule } from "../runtime/pipeline.js";
import { backendTarget, httpBackend } from "../runtime/backend.js";
import { compileTemplate } from "./routes.js";
import { NumBox } from "../runtime/dotnet/decimal.js";
import { normalizeNamedValues, secretValues, type NamedValueInput } from "../runtime/named-values.js";

export interface BackendRequest {
  method: string;
  url: string;
  headers: Record<string, string[]>;
  body: string;
}
export interface BackendResponse {
  status?: number;
  reason?: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}

export interface RunPolicyOptions {
  request?: { method?: string; url?: string; headers?: Record<string, string | string[]>; body?: string };
  /** Base URL of a real server, or a function answering in process. Default: 200 with an empty body. */
  backend?: string | ((req: BackendRequest) => BackendResponse | Promise<BackendResponse>);
  /** name → text, or → `{ value, secret: true }`: a secret is read when the module loads, never compiled into it. */
  namedValues?: Record<string, NamedValueInput>;
  variables?: Record<string, unknown>;
  /** The calling user, subscription and product (anonymous when absent). */
  caller?: Caller;
  /** Backends, examples and long-lived stores; share one between runs to keep state (rate limits, caches). Fresh by default. */
  environment?: GatewayEnvironment;
  /**
   * Backends by id, as gateway.json's `backends` (id → URL), for `set-backend-service backend-id`.
   * With a policy given as XML, a literal backend-id naming none of them is a compile error (APIMC2021).
   */
  backends?: Record<string, string>;
  /**
   * The operation's URL template (e.g. `/items/{id}?view={view}`): the request is matched against
   * it, giving `context.Request.MatchedParameters` and `context.Operation.UrlTemplate`. With a
   * policy given as XML, a literal rewrite-uri template naming a parameter it does not define is a
   * compile error (APIMC2020). Without it the operation is `/*`, which defines no parameters.
   */
  urlTemplate?: string;
  /**
   * The API's OpenAPI specification (parsed) and the operation (by operationId, or method and
   * path key; optional when the document has one operation): what validate-content,
   * validate-parameters, validate-headers and validate-status-code validate against.
   */
  specification?: SpecificationInput;
  /** Schemas registered by id (gateway.json `schemas`): what validate-content `schema-id` names. */
  schemas?: Readonly<Record<string, ConfiguredSchema>>;
  /** The API's XML schemas (a WSDL or XSD files): validate-content validate-as="xml"/"soap" without schema-id. */
  xmlSchemas?: ConfiguredSchema;
}

export interface RunPolicyResult {
  status: number;
  reason: string;
  headers: Record<string, string[]>;
  body: string;
  variables: Record<string, unknown>;
  backendRequest?: BackendRequest;
  lastError?: Record<string, string>;
  trace: unknown[];
  /** Settles when every send-one-way-request this run started has finished. */
  oneWay: Promise<void>;
}

export { loadPolicy } from "./load.js";

export async function runPolicy(policy: string | PolicyModule, options: RunPolicyOptions = {}): Promise<RunPolicyResult> {
  const backendIds = options.backends ? Object.keys(options.backends) : undefined;
  const mod = typeof policy === "string" ? loadPolicy(policy, { namedValues: options.namedValues, backends: backendIds, urlTemplate: options.urlTemplate, specification: options.specification, schemas: options.schemas, xmlSchemas: options.xmlSchemas }) : policy;
  const rq = options.request ?? {};
  const url = Url.parse(new URL(rq.url ?? "/", "http://localhost").href);
  const headers = HeaderMap.from(rq.headers, "request");
  const body = rq.body !== undefined ? new MessageBody(rq.body) : null;
  const ctx = new Context(new RequestMessage((rq.method ?? "GET").toUpperCase(), url, headers, body), options.urlTemplate !== undefined ? { operation: { UrlTemplate: options.urlTemplate } } : {});
  if (options.urlTemplate !== undefined) {
    const matched = compileTemplate({ urlTemplate: options.urlTemplate })(url.Path, () => new URLSearchParams(url.QueryString));
    if (!matched) throw new Error(`runPolicy: the request ${url.Path}${url.QueryString} does not match the urlTemplate '${options.urlTemplate}'.`);
    for (const [k, v] of matched) ctx.Request.MatchedParameters.set(k, v);
  }
  for (const [k, v] of Object.entries(options.variables ?? {})) ctx.Variables.set(k, v);
  applyCaller(ctx, options.caller);
  ctx.$env = options.environment ?? newEnvironment({ secrets: secretValues(normalizeNamedValues(options.namedValues)) });
  if (options.backends) ctx.$env = { ...ctx.$env, backends: new Map([...ctx.$env.backends, ...Object.entries(options.backends).map(([id, u]) => [id, { url: u }] as const)]) };

  let backendRequest: BackendRequest | undefined;
  const capture = (c: Context): BackendRequest => ({
    method: c.Request.Method,
    // Where the request goes: set-backend-service's base, else the real backend, else (mocked) the request's own URL.
    url: c.$backendUrl !== null || typeof options.backend === "string" ? backendTarget(c, c.$backendUrl ?? (options.backend as string)).url : c.Request.Url.href(),
    headers: c.Request.Headers.toRecord(),
    body: c.Request.Body ? c.Request.Body.content().toString("utf8") : "",
  });
  const fn = typeof options.backend === "function" ? options.backend : null;
  const real = typeof options.backend === "string" ? httpBackend(options.backend) : null;
  const host: BackendHost = {
    async forward(c, opts) {
      backendRequest = capture(c);
      if (real) return real.forward(c, opts);
      const r: BackendResponse = fn ? await fn(backendRequest) : {};
      const status = r.status ?? 200;
      return new ResponseMessage(status, r.reason ?? runtime.reasonPhrase(status), HeaderMap.from(r.headers, "response"), new MessageBody(r.body ?? ""));
    },
  };
  attachHost(ctx, host);
  await runPipeline(mod, ctx);
  const res = ctx.Response;
  return {
    status: res.StatusCode,
    reason: res.StatusReason,
    headers: res.Headers.toRecord(),
    body: res.Body ? res.Body.content().toString("utf8") : "",
    // Boxed numbers (long, float, integral double, ...) as plain JS values for assertions.
    variables: Object.fromEntries([...ctx.Variables].map(([k, v]) => [k, v instanceof NumBox ? v.v : v])),
    backendRequest,
    lastError: ctx.LastError ? { ...ctx.LastError } : undefined,
    trace: ctx.$trace,
    oneWay: Promise.all(ctx.$oneWay).then(() => undefined),
  };
}

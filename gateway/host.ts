// `apimc/gateway`: a node:http host that runs compiled policies in front of backends.
// Every request gets a response: unmatched requests, subscription failures and policy errors all
// end in APIM's error responses; a bug in the host itself still answers 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { createTlsListener, requestCertificate } from "./listen-tls.js";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { applyCaller, callerObjects, Context, RequestMessage, ResponseMessage, Url, newEnvironment, type Caller, type CallerObjects, type GatewayEnvironment } from "../runtime/context.js";
import { HeaderMap } from "../runtime/headers.js";
import { MessageBody } from "../runtime/body.js";
import { NOT_SENT, responseLength } from "../runtime/framing.js";
import { attachHost, defaultErrorResponse, runPipeline, type BackendHost, type PolicyModule } from "../runtime/pipeline.js";
import { asciiJson, bodyText, finishTrace, MAX_TRACE_ENTRIES, redactUrl, ROW_BRANCH, startTrace, traceError, traceOutgoing, traceSummary, TraceRing, type Redaction, type TraceRecord } from "../runtime/trace.js";
import { redaction, requestLogLine, requestSecrets, scrub, type FailureFields, type LogFormat } from "./access-log.js";
import { backendTarget, httpBackend } from "../runtime/backend.js";
import { loadPolicy } from "./load.js";
import { normalizeNamedValues, secretValues, type NamedValueInput } from "../runtime/named-values.js";
import { apiInfo, candidates, indexOperations, loadRoutes, type ApiRoute, type OperationRoute, type RouteTable, type SubscriptionRoute } from "./routes.js";
import { LOGGER_SINKS_STORE, type LoggerSinks } from "./loggers.js";
import { loadGatewayConfig, type LoadedConfig } from "./config.js";
import type { GatewayBuild } from "./build.js";
import { formatDiagnostic, type Diagnostic } from "../compiler/diagnostics.js";
import { readFileSync } from "node:fs";
import { SourceWatcher } from "./source-watcher.js";
import { GatewayMetrics } from "./metrics.js";
import { EventLoopWatch } from "./event-loop-watch.js";
import { sharedStatePolicies, sharedStateRefusal } from "./shared-state-check.js";
import { createAdminServer, isOpsPath, serveOps, type OpsSurface, type ReadyCheck } from "./ops-endpoints.js";
import { ApiopsError, loadApiopsFolder, type ApiopsOptions } from "./apiops.js";
import type { LastErrorFields } from "../runtime/errors.js";
import type { SharedState } from "../runtime/state/shared.js";
import { configureRegexMatchTimeout } from "../runtime/dotnet/regex-budget.js";
import { installSharedState, stateChangeLine, type StateConfig } from "./shared-state.js";
import { Workbench, WORKBENCH_PATH, type WorkbenchOptions } from "./workbench/server.js";
import { BodyCapture } from "./workbench/history.js";

/** The simple form: a path prefix, a backend and a policy, no operations or subscriptions. */
export interface GatewayApi {
  path: string;
  backend: string;
  /** A compiled module, or policy XML compiled in process. */
  policy: PolicyModule | string;
  name?: string;
  /** Who calls this API (every call is this caller). */
  caller?: Caller;
}

export interface GatewayOptions {
  /** A gateway.json path (or a loaded configuration): APIs, operations, products, subscriptions. */
  config?: string | LoadedConfig;
  /**
   * Or an APIOps extractor folder (see README, APIOps): its path, or the path with where the values
   * it does not hold come from (a named values file; the environment by default).
   */
  apiops?: string | ({ dir: string } & ApiopsOptions);
  /** With `apiops`: told once, at start, what the folder holds that apimc does not use. */
  onIgnored?: (lines: string[]) => void;
  /** Or APIs given directly. */
  apis?: GatewayApi[];
  /** For `apis` given as policy XML: name → text, or → `{ value, secret: true }` (see README, named values). */
  namedValues?: Record<string, NamedValueInput>;
  /** Called once per request after the response is written. */
  log?: (line: string) => void;
  /**
   * Event-loop watch (issue 17): a 1 s window whose worst event-loop delay passes this many ms is
   * logged once (to `onEventLoopStall`, else stderr; `apimc serve` says it with its other notices) with the request of the longest own
   * time. Default 100; 0 turns the watch (and its metrics) off.
   */
  eventLoopThresholdMs?: number;
  onEventLoopStall?: (line: string) => void;
  /**
   * "text" (default): `METHOD url status ms request-id`, and for a response that on-error or the
   * default error response produced, the failure (reason, section, source, path, file:line, scope,
   * message). "json": the same as one JSON object a line.
   */
  logFormat?: LogFormat;
  /** Extra query parameter and header names whose values the log and the trace hide (with `config`: added to gateway.json's `redact`). */
  redact?: { queryParameters?: string[]; headers?: string[] };
  /**
   * An `apimc build` output directory (its manifest.json and modules) to start from instead of
   * compiling every policy; `config` still gives the routes. Refused with a PrebuiltError (code
   * APIMC4xxx: run `apimc build` again) unless the build was made by this compiler version from this
   * configuration, these named values and these policy and fragment files, and its module files are
   * the ones it wrote. Reloads (watch, `reload()`) compile from the sources, as without it.
   */
  prebuilt?: string;
  /**
   * Rebuild when the configuration or a policy, fragment or named-values file changes, is saved by
   * renaming over it (editors, `sed -i`), deleted, moved or comes back. Their directories are watched.
   */
  watch?: boolean;
  /**
   * Told about the first build when it succeeds (with its warnings) and about every rebuild: ok, the
   * diagnostics, or the error that stopped it (a file that cannot be read, a configuration error). A
   * failed rebuild keeps the last good version. A failed first build is not told here: createGateway
   * throws it (a configuration error naming the file, a PrebuiltError, or a GatewayBuildError with the diagnostics).
   */
  onBuild?: (ok: boolean, diagnostics: Diagnostic[], error?: Error) => void;
  /** Every build that goes live (first and reloads), with what it was built from (`--workers`: the primary hands it to the workers). */
  onLiveBuild?: (loaded: LoadedConfig, build: GatewayBuild) => void;
  /**
   * gateway.json listen.tls: a changed certificate was taken (ok) or could not be (the old one
   * stays). Default: failures go to onWatchProblem.
   */
  onTlsReload?: (ok: boolean, message: string) => void;
  /** With `watch`: a directory could not be watched (deleted, moved); the gateway looks for it again. */
  onWatchProblem?: (message: string) => void;
  maxBodyBytes?: number;
  /**
   * Prometheus metrics (default: gateway.json `metrics`, else true). A GatewayMetrics instance:
   * count into that one (several gateways, one registry).
   */
  metrics?: boolean | GatewayMetrics;
  /** Where the operations paths are answered (default: gateway.json `admin`, else the gateway port); null: the gateway port. */
  admin?: { port: number; host?: string } | null;
  /** The text /_apimc/metrics answers with, instead of this gateway's own (a cluster worker asks the primary). */
  metricsText?: () => Promise<string>;
  /** More readiness checks for /_apimc/ready (the shared state store's connection), by name. */
  readyChecks?: Record<string, ReadyCheck>;
  /**
   * Shared state (Redis) for limits and the external cache, over gateway.json's `state` (e.g. `{
   * redis: url }` from --redis). Read when the gateway starts; a reload does not change it.
   */
  state?: Partial<StateConfig>;
  /** A change of the shared state's reachability (one call per change, not per request): a log line. */
  onStateChange?: (line: string, up: boolean) => void;
  /**
   * This many worker processes serve without a shared store: a configuration with policies that
   * keep state in memory (shared-state-check.ts) is refused, first build (thrown) and reloads
   * (told to onBuild, the last good version stays).
   */
  refuseSharedState?: number;
  /**
   * The workbench (README, "Workbench"): the page and its API at /_apimc/ on the gateway port, for
   * this machine (loopback) or with the trace key. Default: gateway.json `workbench`, else off.
   * With it, traced requests (trace header and key, sends from the page, or every request with
   * `traceAll`) are kept in its history.
   */
  workbench?: boolean | WorkbenchOptions;
}

export interface Gateway {
  server: Server;
  /** The shared state (Redis) when configured: `ready()`, up/down and error events (README, "Running several gateways"). */
  state: SharedState | null;
  /** Listens on the gateway port, and on the admin port when one is configured. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** The admin port's server (health, ready, metrics) when configured, else null; its address once listening. */
  adminServer: Server | null;
  adminAddress(): AddressInfo | null;
  /** This gateway's metrics, or null when they are off. */
  metrics: GatewayMetrics | null;
  /**
   * Rebuilds from the configuration, or loads it from `prebuilt` (a build directory of this
   * configuration as it is now: a cluster worker loading the primary's build); returns whether the
   * new version is live.
   */
  reload(prebuilt?: string): boolean;
  /** The route table now serving. */
  routes(): RouteTable;
  /** The workbench when it is on (its request history, its events), else null. */
  workbench: Workbench | null;
  /** Stops accepting, finishes requests in flight and one-way sends, then resolves. */
  close(): Promise<void>;
}

export function createGateway(opts: GatewayOptions): Gateway {
  const stores = new Map<string, unknown>();
  let table: RouteTable;
  const callers = new Map<ApiRoute, CallerObjects>();

  let watcher: SourceWatcher | null = null;
  // Decided by the first load (a reload cannot turn metrics on or off, or move the admin port).
  let metrics = null as GatewayMetrics | null;
  let admin = null as { port: number; host?: string } | null;
  let workbench = null as Workbench | null;
  // What the workbench shows: the configuration now serving and the files its last load read.
  let currentLoaded: LoadedConfig | null = null;
  let currentFiles: readonly string[] = [];
  const chooseSurface = (config: LoadedConfig["config"] | null) => {
    const on = opts.metrics ?? config?.metrics ?? true;
    metrics = on === false ? null : on === true ? new GatewayMetrics({ onProblem: opts.onWatchProblem }) : on;
    admin = opts.admin !== undefined ? opts.admin : (config?.admin ?? null);
    const wb = opts.workbench ?? config?.workbench ?? false;
    if (wb !== false)
      workbench = new Workbench(
        {
          table: () => table,
          loaded: () => currentLoaded,
          files: () => currentFiles,
          redaction: (t) => redactionOf(t),
          address: () => (server.listening ? (server.address() as AddressInfo) : null),
        },
        wb === true ? {} : wb,
      );
  };
  let firstConfig: LoadedConfig | undefined;
  const built = (ok: boolean, diagnostics: Diagnostic[], error?: Error) => {
    opts.onBuild?.(ok, diagnostics, error);
    workbench?.reloaded(ok, diagnostics, error);
  };

  // The first build throws (createGateway fails, onBuild is not told: one report of each problem);
  // a rebuild never throws: it keeps the last good version and tells onBuild why.
  const fromConfig = (prebuilt?: string): boolean => {
    const first = !table;
    let loaded: LoadedConfig | undefined;
    let result: ReturnType<typeof loadRoutes>;
    try {
      loaded = opts.apiops !== undefined ? loadApiops(opts.apiops, first ? opts.onIgnored : undefined) : typeof opts.config === "string" ? loadGatewayConfig(opts.config) : opts.config!;
      if (first) chooseSurface(loaded.config);
      firstConfig ??= loaded;
      // Only the first load comes from the build directory; a change afterwards is compiled.
      result = loadRoutes(loaded, stores, first ? opts.prebuilt : prebuilt, metrics);
    } catch (e) {
      if (e instanceof ApiopsError) {
        if (first) throw new GatewayBuildError(e.diagnostics);
        built(false, e.diagnostics);
        return false;
      }
      if (first) throw e;
      if (loaded) watchSources(loaded, []);
      built(false, [], e as Error);
      return false;
    }
    const { table: t, build } = result;
    if (!t) {
      if (first) throw new GatewayBuildError(build.diagnostics);
      watchSources(loaded, build.files);
      built(false, build.diagnostics);
      return false;
    }
    const uses = opts.refuseSharedState !== undefined ? sharedStatePolicies(t) : [];
    if (uses.length) {
      const refusal = new SharedStateRefusal(sharedStateRefusal(uses, opts.refuseSharedState!));
      if (first) throw refusal;
      watchSources(loaded, build.files);
      built(false, build.diagnostics, refusal);
      return false;
    }
    table = t; // atomic swap: requests in flight keep the modules they started with
    currentLoaded = loaded;
    currentFiles = build.files;
    if (t.regexMatchTimeoutMs !== undefined) configureRegexMatchTimeout(t.regexMatchTimeoutMs);
    watchSources(loaded, build.files);
    opts.onLiveBuild?.(loaded, build);
    built(true, build.diagnostics);
    return true;
  };
  // Re-resolved after every (re)load: a change can name policy files in other folders. A
  // configuration that could not be read keeps the last set (its own file is in it).
  const watchSources = (loaded: LoadedConfig, files: string[]) => {
    if (!opts.watch) return;
    watcher ??= new SourceWatcher(
      () => {
        try {
          fromConfig();
        } catch (e) {
          // fromConfig does not throw after the first build; this is the last line of defence.
          built(false, [], e as Error);
        }
      },
      { onProblem: (message) => opts.onWatchProblem?.(message) },
    );
    const { config, dir } = loaded;
    const sources = [loaded.file, ...files, ...(loaded.sources ?? []), ...[...(loaded.specifications?.values() ?? [])].map((s) => s.file)];
    if (typeof config.namedValues === "string") sources.push(resolve(dir, config.namedValues));
    for (const rel of [config.policy, ...(config.products ?? []).map((p) => p.policy), ...config.apis.flatMap((a) => [a.policy, ...(a.operations ?? []).map((o) => o.policy)])]) if (rel) sources.push(resolve(dir, rel));
    // A fragment that does not exist yet is in no build's file list: any *.xml there matters.
    const folders: [string, (name: string) => boolean][] = config.fragments ? [[resolve(dir, config.fragments), (n) => n.endsWith(".xml")]] : [];
    // An APIOps folder: an artifact folder added or removed changes the configuration.
    for (const f of loaded.folders ?? []) folders.push([f, () => true]);
    watcher.set(sources, folders);
  };

  if (opts.prebuilt !== undefined && !opts.config && opts.apiops === undefined) throw new Error("createGateway: `prebuilt` needs `config` (the gateway.json the build was made from) or `apiops`, which gives the routes");
  if (opts.config && opts.apiops !== undefined) throw new Error("createGateway: give `config` or `apiops`, not both");
  if (opts.config || opts.apiops !== undefined) fromConfig();
  else {
    chooseSurface(null);
    table = tableFromApis(opts.apis ?? [], opts, stores, callers, metrics);
  }
  const stateConfig = { ...firstConfig?.config.state, ...opts.state };
  let state: SharedState | null = null;
  if (stateConfig.redis) {
    state = installSharedState(stateConfig as StateConfig, stores);
    const s = state;
    s.on("change", (e) => opts.onStateChange?.(stateChangeLine(s, e.up, e.reason), e.up));
    const m = metrics;
    if (m) s.on("error", (e) => m.redisError(e.kind, e.operation));
  }
  let closing = false;
  const ops: OpsSurface = {
    checks: new Map<string, ReadyCheck>([
      ["configuration", () => (table ? true : "not loaded")],
      ["shutdown", () => (closing ? "shutting down: finishing requests in flight" : true)],
      ...(state ? [["sharedState", () => (state!.ready() ? true : `${state!.target} is not reachable`)] as [string, ReadyCheck]] : []),
      ...Object.entries(opts.readyChecks ?? {}),
    ]),
    metrics: metrics ? (opts.metricsText ?? (() => metrics!.text())) : null,
  };
  const opsOnGatewayPort = admin === null;
  const adminServer = admin ? createAdminServer(ops) : null;
  let adminAddress: AddressInfo | null = null;
  // Unmatched requests (no API or operation) count under api="" operation="".
  const unmatched = metrics?.series("", "") ?? null;
  const loopThreshold = opts.eventLoopThresholdMs ?? 100;
  const loopWatch =
    loopThreshold > 0
      ? new EventLoopWatch({ thresholdMs: loopThreshold, log: opts.onEventLoopStall ?? ((line) => process.stderr.write(`${line}\n`)) })
      : null;
  if (metrics) metrics.loop = loopWatch;

  // Requests in flight are counted (no promise bookkeeping per request); one-way sends are few.
  let inflight = 0;
  let drained: (() => void) | null = null;
  const done = () => {
    if (--inflight === 0 && drained) drained();
  };
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    p.finally(() => pending.delete(p)).catch(() => {});
  };

  // Traced requests, by id, for GET /_apimc/traces/<id>.
  const traces = new TraceRing();
  const redactions = new WeakMap<RouteTable, Redaction>();
  const redactionOf = (t: RouteTable): Redaction => {
    let r = redactions.get(t);
    if (!r) {
      r = redaction({ queryParameters: [...(t.redact?.queryParameters ?? []), ...(opts.redact?.queryParameters ?? [])], headers: [...(t.redact?.headers ?? []), ...(opts.redact?.headers ?? [])] });
      redactions.set(t, r);
    }
    return r;
  };
  const logFormat: LogFormat = opts.logFormat ?? "text";

  // gateway.json listen.tls: HTTPS on the gateway port, its certificate reloaded when the files change.
  const tlsConfig = firstConfig?.config.listen?.tls;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    inflight++;
    handle(req, res, table).then(done, (e) => {
      // Last line of defence: every request gets a response.
      if (!res.headersSent) {
        const body = Buffer.from(JSON.stringify({ statusCode: 500, message: "Internal server error" }));
        res.writeHead(500, { "content-type": "application/json; charset=utf-8", "content-length": String(body.length) });
        res.end(body);
      } else res.destroy(e as Error);
      done();
    });
  };
  const tlsListener = tlsConfig ? createTlsListener(handler, tlsConfig, firstConfig!.dir, firstConfig!.namedValues, (ok, message) => (opts.onTlsReload ? opts.onTlsReload(ok, message) : ok ? undefined : opts.onWatchProblem?.(message))) : null;
  const server: Server = tlsListener ? tlsListener.server : createServer(handler);
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse, t: RouteTable): Promise<void> {
    const started = performance.now();
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
    if (opsOnGatewayPort && rawPath.charCodeAt(1) === 95 /* "_" */ && isOpsPath(rawPath)) return serveOps(req, res, rawPath, ops);
    // Node's req.headers object is built on first use: the gateway reads rawHeaders once instead.
    const headers = HeaderMap.fromRaw(req.rawHeaders);
    const tlsSocket = tlsListener !== null ? (req.socket as TLSSocket) : null;
    const url = Url.fromRequest(tlsSocket ? "https" : "http", headers.get("host")?.values[0], rawUrl);
    const ctx = new Context(new RequestMessage(req.method ?? "GET", url, headers, null));
    ctx.Request.IpAddress = req.socket.remoteAddress ?? "";
    if (tlsSocket) ctx.Request.Certificate = requestCertificate(tlsSocket);

    const keyed = !!t.trace && headers.get(t.trace.header)?.values[0] === t.trace.key;
    if (t.trace && rawPath.startsWith(TRACES_PATH) && req.method === "GET") {
      req.resume();
      return serveTrace(res, keyed ? traces.get(decodeURIComponent(rawPath.slice(TRACES_PATH.length))) : undefined);
    }
    // The workbench's page and API; and whether it keeps this request (then it is traced).
    let mark: string | null = null;
    if (workbench !== null) {
      if (rawPath.startsWith(WORKBENCH_PATH)) return workbench.serve(req, res, rawUrl, headers);
      mark = workbench.mark(headers, keyed);
    }
    const tracing = keyed || mark !== null;
    const requestBody = mark !== null ? new BodyCapture() : null;
    if (tracing) ctx.Tracing = true;
    const fail = (status: number, source: string, reason: string, message: string) => {
      ctx.LastError = { Source: source, Reason: reason, Message: message, Scope: "", Section: "inbound", Path: "", PolicyId: "" };
      if (tracing) traceError(ctx, ctx.LastError, undefined);
      ctx.Response = new ResponseMessage(status, "");
      defaultErrorResponse(ctx, status);
      ctx.Response.StatusReason = status === 404 ? "Not Found" : status === 401 ? "Unauthorized" : ctx.Response.StatusReason;
      req.resume();
    };

    const api = t.apis.find((a) => (a.prefix === "" || rawPath === a.prefix || rawPath.startsWith(a.prefix + "/")) && (a.matchesVersion === undefined || a.matchesVersion(headers, rawUrl)));
    const opPath = api ? rawPath.slice(api.prefix.length) || "/" : "/";
    let op: OperationRoute | undefined;
    let params: Map<string, string> | null = null;
    if (api) {
      let parsedQuery: URLSearchParams | undefined;
      const query = () => (parsedQuery ??= new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1)));
      for (const o of candidates(api, opPath)) {
        if (o.method !== "*" && o.method !== ctx.Request.Method) continue;
        params = o.match(opPath, query);
        if (params) {
          op = o;
          break;
        }
      }
      // A CORS preflight needs no OPTIONS operation: it runs the policy of an operation on that
      // path, whose cors policy answers it (as APIM does).
      if (!op && ctx.Request.Method === "OPTIONS" && ctx.Request.Headers.has("access-control-request-method")) {
        for (const o of candidates(api, opPath)) {
          params = o.match(opPath, query);
          if (params) {
            op = o;
            break;
          }
        }
      }
    }
    let mod: PolicyModule | undefined;
    if (!api || !op) fail(404, "configuration", "OperationNotFound", "Unable to match incoming request to an operation.");
    else {
      const sub = subscriptionOf(ctx, api, t);
      if (typeof sub === "string") fail(401, "authorization", sub, sub === "SubscriptionKeyNotFound" ? "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." : "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.");
      else {
        mod = op.modules.get(sub?.product?.id ?? null) ?? op.modules.get(null);
        ctx.Api = api.info;
        ctx.Operation = op.info;
        ctx.Request.MatchedParameters = params!;
        ctx.$env = op.env;
        applyCaller(ctx, sub ? sub.caller : callers.get(api));
      }
    }

    if (mod) {
      // Bodies stream through unless a policy of this module reads one.
      if (mod.meta.readsBody === false && requestBody === null) {
        ctx.$streamBodies = true;
        if (hasBody(headers)) ctx.Request.receivedBody(MessageBody.stream(req));
      } else {
        const body = hasBody(headers) ? await readBody(req, t.maxBodyBytes) : null;
        if (body === "too-large") fail(413, "configuration", "RequestEntityTooLarge", `The request body is larger than ${t.maxBodyBytes} bytes.`);
        else if (body) {
          requestBody?.add(body);
          ctx.Request.receivedBody(new MessageBody(body));
        }
      }
    }
    if (mod && ctx.LastError === null) {
      if (tracing) startTrace(ctx, mod, redactionOf(t));
      attachHost(ctx, metrics ? (tracing ? timedHost(tracedHost(api!)) : (api!.timedBackend ??= timedHost(api!.backend))) : tracing ? tracedHost(api!) : api!.backend);
      await runPipeline(mod, ctx);
      if (tracing) finishTrace(ctx);
      for (const s of ctx.$oneWay) track(s);
      // A streamed request body nobody forwarded (return-response in inbound): drain it.
      ctx.Request.Body?.takeStream()?.resume();
    }
    const failure = ctx.LastError ? failureOf(ctx.LastError, mod) : null;
    if (tracing) {
      const record: TraceRecord = {
        id: ctx.RequestId,
        method: req.method ?? "GET",
        url: redactUrl(rawUrl, redactionOf(t).query),
        status: ctx.Response.StatusCode,
        startedAt: new Date(ctx.$timestampMs).toISOString(),
        elapsedMs: Math.round((performance.now() - started) * 1000) / 1000,
        api: mod ? ctx.Api.Id : null,
        operation: mod ? ctx.Operation.Id : null,
        error: failure,
        entries: ctx.$trace,
        truncated: ctx.$trace.length >= MAX_TRACE_ENTRIES,
      };
      // The request's own credentials and the secret named values: scrubbed wherever a policy copied them.
      record.secrets = [...requestSecrets(rawUrl, headers, redactionOf(t)), ...t.secrets].sort((a, b) => b.length - a.length);
      traces.add(record);
      if (keyed) ctx.Response.Headers.setValues("Apimc-Trace", [scrub(traceSummary(record, `${TRACES_PATH}${record.id}`), record.secrets)]);
      if (mark !== null) keep(req, ctx, record, requestBody!, mark, redactionOf(t));
    }
    // Shutting down: this connection ends with this response (else an idle keep-alive client holds close() up).
    if (closing) res.shouldKeepAlive = false;
    writeResponse(res, ctx.Response);
    if (metrics) {
      const e = ctx.LastError;
      metrics.request(op ? (op.series ??= metrics.series(api!.id, op.id)) : unmatched!, ctx.Response.StatusCode, ctx.$cacheResult, performance.now() - started, ctx.$backendMs, e ? e.Reason : null, e ? e.Source : null);
    }
    if (loopWatch) {
      const own = performance.now() - started - ctx.$backendMs;
      if (loopWatch.longest(own))
        loopWatch.hold({ method: req.method ?? "GET", url: redactUrl(rawUrl, redactionOf(t).query), requestId: ctx.RequestId, api: mod ? ctx.Api.Id : null, operation: mod ? ctx.Operation.Id : null, ownMs: own });
    }
    if (opts.log)
      opts.log(
        requestLogLine(
          logFormat,
          { method: req.method ?? "GET", rawUrl, status: ctx.Response.StatusCode, ms: performance.now() - started, requestId: ctx.RequestId, api: mod ? ctx.Api.Id : null, operation: mod ? ctx.Operation.Id : null, error: failure, headers },
          redactionOf(t),
          t.secrets,
        ),
      );
  }

  /** A request the workbench keeps: its history entry, with the response body captured as it is written. */
  function keep(req: IncomingMessage, ctx: Context, record: TraceRecord, requestBody: BodyCapture, mark: string, r: Redaction): void {
    const responseBody = new BodyCapture();
    const body = ctx.Response.Body;
    if (body?.isStream) {
      const stream = body.takeStream()!;
      responseBody.watch(stream);
      ctx.Response.Body = MessageBody.stream(stream);
    } else if (body) responseBody.add(body.content());
    const wire = ctx.Response.Headers.toWire(NOT_SENT);
    const responseHeaders: [string, string][] = [];
    for (const [n, v] of Object.entries(wire)) for (const x of Array.isArray(v) ? v : [v]) responseHeaders.push([n, String(x)]);
    workbench!.finished({ req, record, requestBody, responseBody, status: ctx.Response.StatusCode, responseHeaders, redaction: r, mark });
  }

  /** GET /_apimc/traces/<id> with the trace key: the whole trace; anything else: not found (nothing is revealed). */
  function serveTrace(res: ServerResponse, record: TraceRecord | undefined): void {
    const body = record ? scrub(asciiJson({ ...record, secrets: undefined }), record.secrets ?? []) : JSON.stringify({ statusCode: 404, message: "Resource not found" });
    res.writeHead(record ? 200 : 404, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
    res.end(body);
    if (opts.log) opts.log(requestLogLine(logFormat, { method: "GET", rawUrl: "/_apimc/traces/…", status: record ? 200 : 404, ms: 0, requestId: "-", api: null, operation: null, error: null, headers: new HeaderMap() }, redactionOf(table)));
  }

  const listenOn = (srv: Server, port: number, hostname: string) =>
    new Promise<AddressInfo>((resolve, reject) => {
      srv.once("error", reject);
      srv.listen(port, hostname, () => {
        srv.off("error", reject);
        resolve(srv.address() as AddressInfo);
      });
    });
  return {
    server,
    state,
    adminServer,
    adminAddress: () => adminAddress,
    metrics,
    workbench,
    async listen(port = 0, hostname = "127.0.0.1") {
      const addr = await listenOn(server, port, hostname);
      if (adminServer && admin) {
        try {
          adminAddress = await listenOn(adminServer, admin.port, admin.host ?? "127.0.0.1");
        } catch (e) {
          server.close();
          throw new Error(`cannot listen on the admin port ${admin.host ?? "127.0.0.1"}:${admin.port}: ${(e as Error).message}`);
        }
      }
      return addr;
    },
    reload: (prebuilt?: string) => (opts.config || opts.apiops !== undefined ? fromConfig(prebuilt) : false),
    routes: () => table,
    async close() {
      const step = shutdownSteps(server, () => inflight);
      // Not ready from now on; the admin port stays up (answering so) until the requests in flight are done.
      closing = true;
      step?.("close: stop accepting");
      watcher?.close();
      tlsListener?.close();
      workbench?.close();
      loopWatch?.close();
      // A response that was already being written when closing began keeps its keep-alive: once
      // it ends, its connection is idle and would hold server.close() up to keepAliveTimeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearInterval(sweep);
      step?.("close: every connection closed");
      if (inflight > 0) await new Promise<void>((resolve) => (drained = resolve));
      step?.("close: every request finished");
      await Promise.allSettled([...pending]);
      await (stores.get(LOGGER_SINKS_STORE) as LoggerSinks | undefined)?.close();
      step?.("close: one-way requests and log sinks done");
      if (adminServer?.listening)
        await new Promise<void>((resolve) => {
          adminServer.close(() => resolve());
          adminServer.closeIdleConnections();
        });
      await state?.close();
      step?.("close: done");
    },
  };
}

/**
 * APIMC_DEBUG_SHUTDOWN=1: each step of close() on stderr with the time, the requests and
 * connections still open and what keeps the event loop alive (to find what holds a shutdown up).
 */
function shutdownSteps(server: Server, inflight: () => number): ((step: string) => void) | null {
  if (!process.env.APIMC_DEBUG_SHUTDOWN) return null;
  const t0 = performance.now();
  return (step) => {
    const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().map((h) => h.constructor.name);
    const connections = (server as unknown as { _connections: number })._connections;
    process.stderr.write(`apimc shutdown (pid ${process.pid}) +${(performance.now() - t0).toFixed(0)} ms ${step}: ${inflight()} requests, ${connections} connections; active handles: ${handles.join(", ")}\n`);
  };
}

function loadApiops(spec: string | ({ dir: string } & ApiopsOptions), onIgnored: ((lines: string[]) => void) | undefined): LoadedConfig {
  const { dir, ...options } = typeof spec === "string" ? { dir: spec } : spec;
  const loaded = loadApiopsFolder(dir, options);
  if (onIgnored && loaded.ignored.length) onIgnored(loaded.ignored);
  return loaded;
}

/** Several workers without a shared store, and policies that keep state in memory (see refuseSharedState). */
export class SharedStateRefusal extends Error {}

/** The first build of a configuration has errors; `diagnostics` are all it found (warnings too). */
export class GatewayBuildError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`the gateway configuration does not compile:\n${diagnostics.map((d) => formatDiagnostic(d, safeRead(d.file))).join("\n")}`);
  }
}

/** The simple form: each API is one catch-all operation, no products or subscriptions. */
function tableFromApis(list: GatewayApi[], opts: GatewayOptions, stores: Map<string, unknown>, callers: Map<ApiRoute, CallerObjects>, observer: GatewayMetrics | null): RouteTable {
  const namedValues = normalizeNamedValues(opts.namedValues);
  const secrets = secretValues(namedValues);
  const apis = list.map((a): ApiRoute => {
    const prefix = a.path === "/" ? "" : a.path.replace(/\/$/, "");
    const mod = typeof a.policy === "string" ? loadPolicy(a.policy, { namedValues, file: a.name ?? prefix }) : a.policy;
    const op: OperationRoute = {
      id: "*",
      name: "*",
      method: "*",
      urlTemplate: "/*",
      match: () => new Map(),
      first: null,
      order: 0,
      modules: new Map([[null, mod]]),
      env: newEnvironment({ stores, secrets, observer }),
      info: Object.freeze({ Id: "*", Name: "*", Method: "*", UrlTemplate: "/*" }),
    };
    const name = a.name ?? (prefix || "root");
    const route: ApiRoute = { id: name, name, prefix, serviceUrl: a.backend, subscriptionRequired: false, operations: [op], index: indexOperations([op]), backend: httpBackend(a.backend, prefix), info: apiInfo(name, name, prefix, a.backend) };
    if (a.caller) callers.set(route, callerObjects(a.caller));
    return route;
  });
  apis.sort((x, y) => y.prefix.length - x.prefix.length);
  return { apis, subscriptions: new Map(), trace: null, maxBodyBytes: opts.maxBodyBytes ?? 64 * 1024 * 1024, secrets };
}

/** The caller's subscription, null when none is needed and none given, or the failure reason. */
function subscriptionOf(ctx: Context, api: ApiRoute, t: RouteTable): SubscriptionRoute | null | "SubscriptionKeyNotFound" | "SubscriptionKeyInvalid" {
  const names = api.info.SubscriptionKeyParameterNames;
  const url = ctx.Request.Url;
  const key = ctx.Request.Headers.GetValueOrDefault(names.Header, null) ?? (url.mayHaveQuery(names.Query) ? url.Query.GetValueOrDefault(names.Query, null) : null);
  if (key === null) return api.subscriptionRequired ? "SubscriptionKeyNotFound" : null;
  const sub = t.subscriptions.get(key);
  if (!sub) return api.subscriptionRequired ? "SubscriptionKeyInvalid" : null;
  if (sub.product && !sub.product.apis.has(api.id)) return "SubscriptionKeyInvalid";
  if (sub.api !== undefined && sub.api !== (api.revisionOf ?? api.id)) return "SubscriptionKeyInvalid";
  return sub;
}

function hasBody(h: HeaderMap): boolean {
  const len = h.get("content-length");
  return len !== undefined ? len.values[0] !== "0" : h.has("transfer-encoding");
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) return "too-large";
    chunks.push(c as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks) : null;
}

/** Where the whole trace of a traced request is (`<TRACES_PATH><id>`), with the trace header and key. */
const TRACES_PATH = "/_apimc/traces/";

/** The backend of a traced request: the outgoing URL, status and time go on the trace. */
function tracedHost(api: ApiRoute): BackendHost {
  return {
    forward(ctx, o) {
      let url: string;
      try {
        url = backendTarget(ctx, api.serviceUrl, api.prefix).url;
      } catch {
        url = ctx.$backendUrl ?? api.serviceUrl; // not a URL: the forward itself says so
      }
      const done = traceOutgoing(ctx, ctx.Request.Method, url, "forward-request");
      // The backend exchange: what the gateway sent (headers, body unless streamed) and got back.
      const sent = { requestHeaders: ctx.Request.Headers.clone(), requestBody: bodyText(ctx.Request.Body) };
      return api.backend.forward(ctx, o).then(
        (r) => (done(r.StatusCode, null, { ...sent, responseHeaders: r.Headers, responseBody: r.Body }), r),
        (e: unknown) => {
          done(null, e, sent);
          throw e;
        },
      );
    },
  };
}

/** The backend's time goes to `ctx.$backendMs` (the metrics split the gateway's own time from it). */
function timedHost(inner: BackendHost): BackendHost {
  return {
    forward(ctx, o) {
      const started = performance.now();
      return inner.forward(ctx, o).then(
        (r) => {
          ctx.$backendMs += performance.now() - started;
          return r;
        },
        (e: unknown) => {
          ctx.$backendMs += performance.now() - started;
          throw e;
        },
      );
    },
  };
}

/** LastError with the file and line of the policy that failed (found by its path, section and scope). */
function failureOf(e: LastErrorFields, mod: PolicyModule | undefined): FailureFields {
  const f: FailureFields = { ...e };
  if (mod && e.Path)
    for (const row of mod.meta.policies)
      if (row.path === e.Path && row.section === e.Section && row.scope === e.Scope && !(row.flags & ROW_BRANCH) && row.file !== undefined) {
        f.file = row.file;
        f.line = row.line;
        break;
      }
  return f;
}

/**
 * Writes an IResponse to the client with APIM's header joining rules; pipes a streamed body (the
 * server's close waits for open responses, so nothing here needs awaiting).
 */
export function writeResponse(res: ServerResponse, r: ResponseMessage): void {
  const headers = r.Headers.toWire(NOT_SENT);
  const stream = r.Body?.isStream ? r.Body.takeStream() : null;
  const content = stream ? null : r.Body ? r.Body.content() : null;
  // Framing from the body sent: its length (not chunked), or a streamed body's own framing.
  const length = responseLength(r.Headers, r.StatusCode, res.req?.method, stream ?? content);
  if (length !== undefined) headers["Content-Length"] = length;
  res.writeHead(r.StatusCode, r.StatusReason || undefined, headers);
  if (stream) {
    stream.on("error", (e) => res.destroy(e));
    // The client went away before the end: stop reading the backend (which closes its connection);
    // pipe() alone would leave a long stream (server-sent events) running with nobody to receive it.
    res.once("close", () => {
      if (!res.writableFinished) stream.destroy();
    });
    stream.pipe(res);
  } else res.end(content ?? undefined);
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export type { GatewayEnvironment };
export { PrebuiltError } from "./build.js";

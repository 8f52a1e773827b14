// The gateway's route table: APIs by path prefix, operations by method and URL template,
// subscriptions by key, and the compiled module for each (operation, product).
import type { LoadedConfig, OperationConfig } from "./config.js";
import { buildGateway, CATCH_ALL, loadBuild, resolverModuleKey, type GatewayBuild } from "./build.js";
import { graphqlBackend } from "./graphql-resolvers.js";
import { instantiateModule } from "./load.js";
import { loggerSinksOf } from "./loggers.js";
import { warmTokenizer } from "../runtime/ai/tokens.js";
import type { PolicyModule, BackendHost } from "../runtime/pipeline.js";
import type { Observer } from "../runtime/observer.js";
import type { OperationSeries } from "./metrics.js";
import { httpBackend } from "../runtime/backend.js";
import { certificateConnect, configureCertificates } from "../runtime/http.js";
import { entityBackend, hasRuntimeFeatures, type BackendEntity } from "../runtime/backends/entities.js";
import { checkBackends, type CheckedBackend } from "./backend-config.js";
import { ConfigError } from "./config.js";
import { createHash } from "node:crypto";
import { configureJwtCertificates } from "../runtime/security/jwt.js";
import { configureManagedIdentity } from "../runtime/security/managed-identity.js";
import { configureEntraId } from "../runtime/security/entra.js";
import { regexBudget } from "../runtime/dotnet/regex-budget.js";

/** The default match timeout of the backtracking engine (runtime/dotnet/regex-budget.ts). */
const DEFAULT_REGEX_MATCH_TIMEOUT_MS = regexBudget.defaultMatchTimeoutMs;
import { readFileSync } from "node:fs";
import { secretValues, withNamedValues } from "../runtime/named-values.js";
import { resolve } from "node:path";
import type { HeaderMap } from "../runtime/headers.js";
import { callerObjects, DEFAULT_API, Url, type ApiInfo, type CallerObjects, type GatewayEnvironment, type OperationInfo } from "../runtime/context.js";

export interface OperationRoute {
  id: string;
  name: string;
  method: string;
  urlTemplate: string;
  /** Returns the template parameters when the path and query match, else null (the query is parsed only if the template has one). */
  match(path: string, query: () => URLSearchParams): Map<string, string> | null;
  /** The first path segment when it is literal (for the index), else null. */
  first: string | null;
  /** Position in the configuration: the first operation that matches wins. */
  order: number;
  /** By product id; `null` is the module for requests without a product scope. */
  modules: Map<string | null, PolicyModule>;
  env: GatewayEnvironment;
  /** `context.Operation`, built once. */
  info: OperationInfo;
  /** Its metrics counters, found on first use (gateway/metrics.ts). */
  series?: OperationSeries;
}

export interface ApiRoute {
  id: string;
  name: string;
  prefix: string;
  serviceUrl: string;
  subscriptionRequired: boolean;
  operations: OperationRoute[];
  /** Operations by their literal first path segment, and those that start with a parameter. */
  index: { byFirst: Map<string, OperationRoute[]>; rest: OperationRoute[] };
  backend: BackendHost;
  /** `context.Api`, built once. */
  info: ApiInfo;
  /** `backend` timed for the metrics, made on first use. */
  timedBackend?: BackendHost;
  /** A version of a Header or Query version set: whether a request asks for this version. */
  matchesVersion?: (headers: HeaderMap, rawUrl: string) => boolean;
  /** A non-current revision (`<api>;rev=N`): the API whose subscriptions it takes. */
  revisionOf?: string;
}

/** Builds the operation index of an API. */
export function indexOperations(ops: readonly OperationRoute[]): ApiRoute["index"] {
  const byFirst = new Map<string, OperationRoute[]>();
  const rest: OperationRoute[] = [];
  for (const o of ops) {
    if (o.first === null) rest.push(o);
    else {
      const list = byFirst.get(o.first);
      if (list) list.push(o);
      else byFirst.set(o.first, [o]);
    }
  }
  return { byFirst, rest };
}

/** The operations that may match `path`, in configuration order (an index lookup, not a scan). */
export function candidates(api: ApiRoute, path: string): readonly OperationRoute[] {
  const slash = path.indexOf("/", 1);
  const seg = path.slice(1, slash === -1 ? undefined : slash);
  const a = api.index.byFirst.get(seg);
  const b = api.index.rest;
  if (!a) return b;
  if (b.length === 0) return a;
  const out: OperationRoute[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]!.order < b[j]!.order) ? a[i++]! : b[j++]!);
  return out;
}

export interface SubscriptionRoute {
  id: string;
  name: string;
  key: string;
  primaryKey: string;
  secondaryKey: string;
  product: { id: string; name: string; subscriptionRequired: boolean; apis: ReadonlySet<string> } | null;
  /** A subscription scoped to one API (not a product): the id of that API. */
  api?: string;
  /** context.Subscription, Product and User for this subscription's calls. */
  caller: CallerObjects;
}

export interface RouteTable {
  apis: ApiRoute[];
  subscriptions: Map<string, SubscriptionRoute>;
  trace: { header: string; key: string } | null;
  maxBodyBytes: number;
  /** gateway.json `regex.matchTimeoutMs`: the default Regex match timeout while this table serves. */
  regexMatchTimeoutMs?: number;
  /** The values of the secret named values (longest first): what log lines and traces mask. */
  secrets: readonly string[];
  /** Extra names whose values the request log and the trace hide (gateway.json `redact`). */
  redact?: { queryParameters?: string[]; headers?: string[] } | null;
}

/**
 * Compiles every module in process (or, with `prebuilt`, loads them from that `apimc build` output
 * directory, throwing PrebuiltError when it does not match the configuration) and builds the table;
 * `build.ok` false means: keep the old table.
 */
export function loadRoutes(loaded: LoadedConfig, stores: Map<string, unknown>, prebuilt?: string, observer?: Observer | null): { table: RouteTable | null; build: GatewayBuild } {
  const build = prebuilt ? loadBuild(loaded, prebuilt) : buildGateway(loaded, "function");
  if (!build.ok) return { table: null, build };
  const { config } = loaded;
  loadCertificates(loaded);
  loadManagedIdentity(loaded);
  configureEntraId(config.entraId ?? null);
  // Modules read their secret named values while they load (runtime/named-values.ts).
  const mods = withNamedValues(loaded.namedValues, () => new Map(build.modules.map((m) => [m.key, instantiateModule(m.code)])));
  const secrets = secretValues(loaded.namedValues);
  const backends = backendEntities(loaded);
  const withEntities = [...backends.values()].some(hasRuntimeFeatures);
  // The AI policies' tokenizer takes a second or two to load: started now, not on the first request.
  if (build.modules.some((m) => m.code.includes("llmTokenLimit") || m.code.includes("llmEmitTokenMetric"))) void warmTokenizer();
  const loggers = loggerSinksOf(stores).forConfig(config.loggers, loaded.dir);
  const dapr = config.dapr;
  const semanticCache = config.semanticCache;
  const products = config.products ?? [];
  const apis: ApiRoute[] = config.apis.flatMap((api) => {
    const v = api.versioning;
    const path = api.path === "/" ? "" : api.path.replace(/\/$/, "");
    const versioned = v?.scheme === "Segment" && v.version ? `${path}/${v.version}` : path;
    // A revision is asked for by `;rev=N` after the API's URL (`/customers;rev=3/leads`); the current
    // revision also answers without it.
    const rev = api.revision;
    const revisionPrefix = rev ? `${versioned || "/"};rev=${rev.number}` : null;
    const prefix = rev && !rev.current ? revisionPrefix! : versioned;
    const inProducts = products.filter((p) => p.apis.includes(api.id));
    const operations = (api.operations?.length ? api.operations : [CATCH_ALL]).map((op, order): OperationRoute => {
      const modules = new Map<string | null, PolicyModule>();
      for (const pid of [null, ...inProducts.map((p) => p.id)]) {
        const m = mods.get(`${api.id}/${op.id}/${pid ?? "-"}`);
        if (m) modules.set(pid, m);
      }
      return {
        id: op.id,
        name: op.name ?? op.id,
        method: op.method,
        urlTemplate: op.urlTemplate,
        match: compileTemplate(op),
        first: firstLiteral(op.urlTemplate),
        order,
        modules,
        env: { backends, examples: examplesOf(op), stores, secrets, observer: observer ?? null, loggers, dapr, semanticCache },
        info: Object.freeze({ Id: op.id, Name: op.name ?? op.id, Method: op.method, UrlTemplate: op.urlTemplate }),
      };
    });
    const passThroughBackend = (prefix: string): BackendHost =>
      withEntities ? entityBackend(httpBackend(api.serviceUrl, prefix), api.serviceUrl, prefix, backends, stores) : httpBackend(api.serviceUrl, prefix);
    const backendFor = (prefix: string): BackendHost =>
      api.graphql?.resolvers
        ? syntheticGraphql(loaded, api.graphql.schema, api.graphql.resolvers.map((r) => [`${r.type}.${r.field}`, mods.get(resolverModuleKey(api.id, r.type, r.field))!]))
        : api.graphql
          ? // A GraphQL API: its set-graphql-resolver policies make the gateway execute queries; else they pass through.
            syntheticGraphql(loaded, api.graphql.schema, [], passThroughBackend(prefix))
          : passThroughBackend(prefix);
    const id = rev?.of ?? api.id;
    const route: ApiRoute = {
      id: api.id,
      name: api.name ?? api.id,
      prefix,
      serviceUrl: api.serviceUrl,
      subscriptionRequired: api.subscriptionRequired ?? inProducts.some((p) => p.subscriptionRequired !== false),
      operations,
      index: indexOperations(operations),
      backend: backendFor(prefix),
      info: Object.freeze({ ...apiInfo(id, api.name ?? id, path, api.serviceUrl, api.subscriptionKeyParameterNames), Version: v ? v.version : null, ...(rev ? { Revision: rev.number, IsCurrentRevision: rev.current } : null) }),
      matchesVersion: v && v.scheme !== "Segment" ? versionMatcher(v.scheme, v.name!, v.version) : undefined,
      ...(rev?.of ? { revisionOf: rev.of } : null),
    };
    // The current revision by its number too: the same operations and modules, the longer prefix stripped.
    return rev?.current ? [route, { ...route, prefix: revisionPrefix!, backend: backendFor(revisionPrefix!) }] : [route];
  });
  apis.sort((a, b) => b.prefix.length - a.prefix.length);
  const subscriptions = new Map<string, SubscriptionRoute>();
  for (const s of config.subscriptions ?? []) {
    const p = s.product === "*" ? null : products.find((x) => x.id === s.product)!;
    for (const key of [s.primaryKey, s.secondaryKey]) {
      if (!key) continue;
      const product = p ? { id: p.id, name: p.name ?? p.id, subscriptionRequired: p.subscriptionRequired !== false, apis: new Set(p.apis) } : null;
      subscriptions.set(key, {
        api: s.api,
        id: s.id,
        name: s.name ?? s.id,
        key,
        primaryKey: s.primaryKey,
        secondaryKey: s.secondaryKey ?? "",
        product,
        caller: callerObjects({
          subscription: { Id: s.id, Name: s.name ?? s.id, Key: key, PrimaryKey: s.primaryKey, SecondaryKey: s.secondaryKey ?? "" },
          product: product ? { Id: product.id, Name: product.name, SubscriptionRequired: product.subscriptionRequired } : null,
          user: s.user ? { Id: s.user.id ?? s.id, Email: s.user.email ?? "", FirstName: s.user.firstName ?? "", LastName: s.user.lastName ?? "" } : null,
        }),
      });
    }
  }
  return {
    table: {
      apis,
      subscriptions,
      trace: config.trace ? { header: config.trace.header ?? "Apimc-Trace", key: config.trace.key } : null,
      maxBodyBytes: config.maxBodyBytes ?? 64 * 1024 * 1024,
      regexMatchTimeoutMs: config.regex?.matchTimeoutMs ?? DEFAULT_REGEX_MATCH_TIMEOUT_MS,
      secrets,
      redact: config.redact ?? null,
    },
    build,
  };
}

/**
 * Header scheme: the request's header `name` is `version` (ignoring case); Query scheme: its query
 * parameter is. The set's original version (empty) is asked for by leaving them out.
 */
function versionMatcher(scheme: "Header" | "Query", name: string, version: string): (headers: HeaderMap, rawUrl: string) => boolean {
  const wanted = version.toLowerCase();
  if (scheme === "Header")
    return (headers) => {
      const got = headers.get(name)?.values[0];
      return got === undefined ? wanted === "" : got.trim().toLowerCase() === wanted;
    };
  return (_headers, rawUrl) => {
    const q = rawUrl.indexOf("?");
    const got = q === -1 ? null : new URLSearchParams(rawUrl.slice(q + 1)).get(name);
    return got === null ? wanted === "" : got.toLowerCase() === wanted;
  };
}

/** `/items/{id}` → "items"; `/{id}` and `/*` → null. */
export function firstLiteral(urlTemplate: string): string | null {
  const path = urlTemplate.split("?", 1)[0]!;
  const slash = path.indexOf("/", 1);
  const seg = path.slice(1, slash === -1 ? undefined : slash);
  return seg === "" || seg.includes("{") || seg.includes("*") ? null : decodeURIComponentSafe(seg);
}

export function apiInfo(id: string, name: string, prefix: string, serviceUrl: string, keyNames?: { header?: string; query?: string }): ApiInfo {
  const names = keyNames ? Object.freeze({ Header: keyNames.header ?? DEFAULT_API.SubscriptionKeyParameterNames.Header, Query: keyNames.query ?? DEFAULT_API.SubscriptionKeyParameterNames.Query }) : DEFAULT_API.SubscriptionKeyParameterNames;
  return Object.freeze({ ...DEFAULT_API, Id: id, Name: name, Path: prefix, ServiceUrl: Url.parse(serviceUrl), SubscriptionKeyParameterNames: names });
}

function examplesOf(op: OperationConfig): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const [status, byType] of Object.entries(op.examples ?? {})) {
    const m = new Map<string, string>();
    for (const [type, body] of Object.entries(byType)) m.set(type, typeof body === "string" ? body : JSON.stringify(body));
    out.set(Number(status), m);
  }
  return out;
}

/**
 * `/items/{id}/parts/{part}?size={size}` → a matcher. Path parameters match one segment; query
 * template parameters must be present. `/*` matches everything.
 */
export function compileTemplate(op: Pick<OperationConfig, "urlTemplate">): OperationRoute["match"] {
  const [pathPart, queryPart] = op.urlTemplate.split("?", 2) as [string, string | undefined];
  if (pathPart === "/*") return () => new Map();
  const names: string[] = [];
  let pattern = "^";
  for (const piece of pathPart.split(/(\{[^}]+\})/)) {
    const m = /^\{([^}]+)\}$/.exec(piece);
    if (m) {
      const name = m[1]!.replace(/^\*/, "");
      names.push(name);
      pattern += m[1]!.startsWith("*") ? "(.*)" : "([^/]+)";
    } else pattern += piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  const re = new RegExp(pattern + "/?$");
  const queryParams: [string, string][] = [];
  for (const kv of (queryPart ?? "").split("&").filter(Boolean)) {
    const [k, v] = kv.split("=", 2) as [string, string | undefined];
    const m = /^\{([^}]+)\}$/.exec(v ?? "");
    if (m) queryParams.push([k, m[1]!]);
  }
  return (path, query) => {
    const r = re.exec(path);
    if (!r) return null;
    const out = new Map<string, string>();
    names.forEach((n, i) => out.set(n, decodeURIComponentSafe(r[i + 1]!)));
    const q = queryParams.length ? query() : null;
    for (const [k, name] of queryParams) {
      const v = q!.get(k);
      if (v === null) return null;
      out.set(name, v);
    }
    return out;
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Token sources for authentication-managed-identity (the token file path is relative to the configuration). */
function loadManagedIdentity({ config, dir }: LoadedConfig): void {
  const m = config.managedIdentity;
  if (!m) return configureManagedIdentity(null);
  const w = m.workloadIdentity;
  configureManagedIdentity({
    imds: m.imds ? { endpoint: m.imds.endpoint, arc: m.imds.arc } : null,
    workloadIdentity: w ? { ...w, tokenFile: w.tokenFile && resolve(dir, w.tokenFile) } : null,
    timeoutMs: m.timeoutSeconds !== undefined ? m.timeoutSeconds * 1000 : undefined,
  });
}

/**
 * The backends as the runtime uses them: checked (by loadGatewayConfig or the APIOps reader, else
 * here), with their TLS options (validation switched off, the client certificate's key and
 * certificate, which loadCertificates has registered by then).
 */
function backendEntities(loaded: LoadedConfig): Map<string, BackendEntity> {
  const checked: ReadonlyMap<string, CheckedBackend> =
    loaded.backends ??
    checkBackends(loaded.config.backends ?? {}, loaded.namedValues, (id, pointer, code, message) => {
      throw new ConfigError(loaded.file, `backends.${id}${pointer.replace(/\//g, ".")}`, `${code}: ${message}`);
    });
  const out = new Map<string, BackendEntity>();
  for (const [id, c] of checked) {
    const connect: Record<string, unknown> = {};
    if (c.tlsValidation) {
      connect.rejectUnauthorized = c.tlsValidation.chain;
      if (!c.tlsValidation.name) connect.checkServerIdentity = () => undefined;
    }
    if (c.certificate) {
      const cert = certificateConnect(c.certificate);
      if (!cert)
        throw new ConfigError(
          loaded.file,
          `backends.${id}.credentials`,
          `APIMC5031: no configured certificate has ${c.certificate.thumbprint ? `the thumbprint ${c.certificate.thumbprint}` : `the id '${c.certificate.id}'`} (gateway.json 'certificates' lists the client certificates: certFile/keyFile or pfxFile, with an id).`,
        );
      Object.assign(connect, cert);
    }
    const entity = { ...c.entity };
    if (Object.keys(connect).length) entity.tls = { key: `backend:${id}:${createHash("sha1").update(JSON.stringify({ ...c.tlsValidation, ...c.certificate })).digest("hex")}`, connect };
    out.set(id, entity);
  }
  return out;
}

/** The configuration's certificates: client certificates (by thumbprint and id) and JWT signing keys (by id). */
function loadCertificates({ config, dir, namedValues }: LoadedConfig): void {
  const list = config.certificates ?? [];
  if (list.length === 0) return;
  const passphrase = (p: string | undefined) => p?.replace(/^\{\{([A-Za-z0-9._-]+)\}\}$/, (m, name: string) => namedValues.values[name] ?? m);
  configureCertificates(
    list.map((c) => ({
      id: c.id,
      certFile: c.certFile && resolve(dir, c.certFile),
      keyFile: c.keyFile && resolve(dir, c.keyFile),
      pfxFile: c.pfxFile && resolve(dir, c.pfxFile),
      passphrase: passphrase(c.passphrase),
    })),
  );
  const pems: Record<string, Buffer> = {};
  for (const c of list) if (c.id && c.certFile) pems[c.id] = readFileSync(resolve(dir, c.certFile));
  configureJwtCertificates(pems);
}

/** A synthetic GraphQL API's backend: its schema file (read here, as the build read it) and its resolver modules. */
function syntheticGraphql(loaded: LoadedConfig, schemaFile: string, resolvers: [string, PolicyModule][], passThrough?: BackendHost): BackendHost {
  let source = "";
  try {
    source = readFileSync(resolve(loaded.dir, schemaFile), "utf8");
  } catch {
    // An unreadable schema: the executor answers every request with the schema's error.
  }
  return graphqlBackend(source, new Map(resolvers), passThrough);
}

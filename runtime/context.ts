// The APIM `context` object. Member names are the .NET ones, so the C# lowering maps a member
// access to a property access; `$`-prefixed members are the runtime's own and unreachable from C#.
import type { LogSink } from "./integration/sinks.js";
import { HeaderMap, type HeaderEntry } from "./headers.js";
import { MessageBody } from "./body.js";
import { reflectBody } from "./framing.js";
import { keyNotFound, type LastErrorFields } from "./errors.js";
import { expressionBudget } from "./budget.js";
import type { QueryOps } from "./contract.js";
import type { Observer } from "./observer.js";

/** IReadOnlyDictionary<string, string[]> over query parameters (names are case-sensitive). */
export class QueryMap implements Iterable<{ Key: string; Value: string[] }>, QueryOps {
  /** Generated code uses the operations below (contract.ts QUERY_OPS), never the map. */
  readonly m = new Map<string, string[]>();
  hasName(name: string): boolean {
    return this.m.has(name);
  }
  /** Replaces the values; the map owns `values` from now on. */
  setName(name: string, values: string[]): void {
    this.m.set(name, values);
  }
  deleteName(name: string): void {
    this.m.delete(name);
  }
  static parse(search: string): QueryMap {
    const q = new QueryMap();
    if (search.startsWith("?")) search = search.slice(1);
    if (search === "") return q;
    for (const part of search.split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const k = decodeQuery(eq === -1 ? part : part.slice(0, eq));
      const v = eq === -1 ? "" : decodeQuery(part.slice(eq + 1));
      const list = q.m.get(k);
      if (list) list.push(v);
      else q.m.set(k, [v]);
    }
    return q;
  }
  GetValueOrDefault(name: string, def: string | null = null): string | null {
    const v = this.m.get(name);
    return v === undefined ? def : v.join(",");
  }
  Item(name: string): string[] {
    const v = this.m.get(name);
    if (v === undefined) throw keyNotFound(name);
    return v.slice();
  }
  ContainsKey(name: string): boolean {
    return this.m.has(name);
  }
  TryGetValue(name: string): string[] | undefined {
    return this.m.get(name)?.slice();
  }
  get Count(): number {
    return this.m.size;
  }
  get Keys(): string[] {
    return [...this.m.keys()];
  }
  get Values(): string[][] {
    return [...this.m.values()].map((v) => v.slice());
  }
  *[Symbol.iterator](): Iterator<{ Key: string; Value: string[] }> {
    for (const [k, v] of this.m) yield { Key: k, Value: v.slice() };
  }
  clone(): QueryMap {
    const q = new QueryMap();
    for (const [k, v] of this.m) q.m.set(k, v.slice());
    return q;
  }
  /** `?a=1&b=2`, or "" when empty. */
  toSearch(): string {
    if (this.m.size === 0) return "";
    const parts: string[] = [];
    for (const [k, vs] of this.m) for (const v of vs) parts.push(`${encodeQuery(k)}=${encodeQuery(v)}`);
    return `?${parts.join("&")}`;
  }
}

function decodeQuery(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
function encodeQuery(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, "+");
}

/** IUrl. `Port` is an int ([OPEN] 18: the reference page's type). `QueryString` includes the `?`. */
export class Url {
  #query: QueryMap | null;
  /** The query as received (with "?"), used until a policy touches `Query`. */
  #search: string;
  constructor(
    public Scheme: string,
    public Host: string,
    public Port: number,
    public Path: string,
    query: QueryMap | string,
  ) {
    this.#query = typeof query === "string" ? null : query;
    this.#search = typeof query === "string" ? query : "";
  }
  static parse(href: string): Url {
    const u = new URL(href);
    const scheme = u.protocol.replace(/:$/, "");
    const port = u.port ? Number(u.port) : scheme === "https" ? 443 : 80;
    return new Url(scheme, u.hostname, port, decodePath(u.pathname), u.search);
  }
  /**
   * From a request line and Host header without a WHATWG URL parse (the gateway's per-request
   * path): the query is parsed only if a policy reads it.
   */
  static fromRequest(scheme: string, hostHeader: string | undefined, rawUrl: string): Url {
    let host = hostHeader ?? "localhost";
    let port = scheme === "https" ? 443 : 80;
    const colon = host.lastIndexOf(":");
    if (colon !== -1 && host.indexOf("]", colon) === -1) {
      const p = Number(host.slice(colon + 1));
      if (Number.isInteger(p)) port = p;
      host = host.slice(0, colon);
    }
    if (host.startsWith("[")) host = host.slice(1, -1);
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    return new Url(scheme, host.toLowerCase(), port, decodePath(path || "/"), q === -1 ? "" : rawUrl.slice(q));
  }
  /** The query parameters (parsed on first use). */
  get Query(): QueryMap {
    return (this.#query ??= QueryMap.parse(this.#search));
  }
  set Query(q: QueryMap) {
    this.#query = q;
  }
  /** With the leading "?", or "" without a query. */
  get QueryString(): string {
    return this.#query ? this.#query.toSearch() : this.#search.length > 1 ? this.#search : "";
  }
  /** Whether the raw query mentions `name` (a cheap test before parsing). */
  mayHaveQuery(name: string): boolean {
    return this.#query ? this.#query.m.has(name) : this.#search.includes(name);
  }
  ToString(): string {
    return this.href();
  }
  toString(): string {
    return this.href();
  }
  href(): string {
    const defaultPort = (this.Scheme === "https" && this.Port === 443) || (this.Scheme === "http" && this.Port === 80);
    const host = this.Host.includes(":") ? `[${this.Host}]` : this.Host;
    return `${this.Scheme}://${host}${defaultPort ? "" : `:${this.Port}`}${encodePath(this.Path)}${this.QueryString}`;
  }
  clone(): Url {
    return new Url(this.Scheme, this.Host, this.Port, this.Path, this.#query ? this.#query.clone() : this.#search);
  }
}

function decodePath(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}
function encodePath(p: string): string {
  return encodeURI(p).replace(/%25([0-9A-Fa-f]{2})/g, "%$1");
}

/** IRequest. */
export class RequestMessage {
  OriginalUrl: Url;
  MatchedParameters = new Map<string, string>();
  IpAddress = "127.0.0.1";
  Certificate: unknown = null;
  /** The method the client sent; `Method` may be changed by set-method. */
  readonly OriginalMethod: string;
  /** The client's own Host header entry: a Host a policy set is another entry (forward-request sends that one). */
  readonly $clientHost: HeaderEntry | undefined;
  #body: MessageBody | null;
  constructor(
    public Method: string,
    public Url: Url,
    public Headers: HeaderMap,
    body: MessageBody | null,
  ) {
    this.OriginalUrl = Url.clone();
    this.OriginalMethod = Method;
    this.$clientHost = Headers.entryLower("host");
    this.#body = body; // as received: its headers describe it
  }
  get Body(): MessageBody | null {
    return this.#body;
  }
  /** A replaced body: Content-Length now describes it (framing.ts). */
  set Body(b: MessageBody | null) {
    this.#body = b;
    reflectBody(this.Headers, b);
  }
  /** The body as the client sent it (read after routing): its own headers already describe it. */
  receivedBody(b: MessageBody | null): void {
    this.#body = b;
  }
}

/** IResponse: `context.Response` and what send-request stores in its variable. */
export class ResponseMessage {
  #body: MessageBody | null;
  constructor(
    public StatusCode = 200,
    public StatusReason = "OK",
    public Headers: HeaderMap = new HeaderMap("response"),
    body: MessageBody | null = null,
  ) {
    this.#body = body; // as received or built: framing is derived when it is sent
  }
  get Body(): MessageBody | null {
    return this.#body;
  }
  /** A replaced body: Content-Length now describes it (framing.ts). */
  set Body(b: MessageBody | null) {
    this.#body = b;
    reflectBody(this.Headers, b);
  }
}

/** `context.Variables`: a Dictionary<string, object> with ordinal (case-sensitive) keys ([OPEN] 7). */
export class VariableMap extends Map<string, unknown> {
  ContainsKey(name: string): boolean {
    return this.has(name);
  }
  Item(name: string): unknown {
    // One lookup: a stored value is never undefined (C# null is null).
    const v = this.get(name);
    if (v === undefined) throw keyNotFound(name);
    return v;
  }
  /** Raw lookup; the C# lowering adds the `<T>` conversion. */
  GetValueOrDefault(name: string, def: unknown = null): unknown {
    return this.has(name) ? this.get(name) : def;
  }
  TryGetValue(name: string): unknown {
    return this.get(name);
  }
  get Count(): number {
    return this.size;
  }
  get Keys(): string[] {
    return [...this.keys()];
  }
}

export interface NamedEntity {
  Id: string;
  Name: string;
}
export interface ApiInfo extends NamedEntity {
  Path: string;
  Protocols: string[];
  ServiceUrl: Url | null;
  IsCurrentRevision: boolean;
  Revision: string;
  Version: string | null;
  SubscriptionKeyParameterNames: { Header: string; Query: string };
}
export interface OperationInfo extends NamedEntity {
  Method: string;
  UrlTemplate: string;
}
export interface ProductInfo extends NamedEntity {
  ApprovalRequired: boolean;
  Groups: NamedEntity[];
  State: string;
  SubscriptionsLimit: number | null;
  SubscriptionRequired: boolean;
}
export interface SubscriptionInfo extends NamedEntity {
  Key: string;
  PrimaryKey: string;
  SecondaryKey: string;
  CreatedDateMs: number;
  StartDateMs: number | null;
  EndDateMs: number | null;
}
export interface UserInfo {
  Id: string;
  Email: string;
  FirstName: string;
  LastName: string;
  Note: string;
  Groups: NamedEntity[];
  Identities: { Id: string; Provider: string }[];
  RegistrationDateMs: number;
}
export interface DeploymentInfo {
  GatewayId: string;
  Region: string;
  ServiceId: string;
  ServiceName: string;
}

export interface TraceEntry {
  source: string;
  severity: "verbose" | "information" | "error";
  message: string;
  timeMs: number;
  metadata?: Record<string, string>;
}

/** Who is calling: null members are anonymous ([OPEN] 16: APIM gives null, hence `?.` in its examples). */
export interface Caller {
  user?: Partial<UserInfo> | null;
  subscription?: Partial<SubscriptionInfo> | null;
  product?: Partial<ProductInfo> | null;
}

/** The caller's context objects with every field filled in; built once per subscription, not per request. */
export interface CallerObjects {
  User: UserInfo | null;
  Subscription: SubscriptionInfo | null;
  Product: ProductInfo | null;
}

export function callerObjects(caller: Caller | undefined): CallerObjects {
  return {
    User: caller?.user ? { Id: "user", Email: "", FirstName: "", LastName: "", Note: "", Groups: [], Identities: [], RegistrationDateMs: 0, ...caller.user } : null,
    Subscription: caller?.subscription
      ? { Id: "subscription", Name: "subscription", Key: "", PrimaryKey: "", SecondaryKey: "", CreatedDateMs: 0, StartDateMs: null, EndDateMs: null, ...caller.subscription }
      : null,
    Product: caller?.product
      ? { Id: "product", Name: "product", ApprovalRequired: false, Groups: [], State: "Published", SubscriptionsLimit: null, SubscriptionRequired: false, ...caller.product }
      : null,
  };
}

export function applyCaller(ctx: Context, caller: Caller | CallerObjects | undefined): void {
  if (!caller) return;
  const o = "User" in caller ? caller : callerObjects(caller);
  ctx.User = o.User;
  ctx.Subscription = o.Subscription;
  ctx.Product = o.Product;
}

export const DEFAULT_API: ApiInfo = Object.freeze({
  Id: "api",
  Name: "api",
  Path: "",
  Protocols: ["https"],
  ServiceUrl: null,
  IsCurrentRevision: true,
  Revision: "1",
  Version: null,
  SubscriptionKeyParameterNames: Object.freeze({ Header: "Ocp-Apim-Subscription-Key", Query: "subscription-key" }),
});
const DEFAULT_OPERATION: OperationInfo = Object.freeze({ Id: "operation", Name: "operation", Method: "*", UrlTemplate: "/*" });
const DEFAULT_DEPLOYMENT: DeploymentInfo = Object.freeze({ GatewayId: "self-hosted", Region: "local", ServiceId: "apimc", ServiceName: "apimc" });

/** The `context` of one request. */
/** An HTTP forward proxy for forward-request (the <proxy> policy, runtime/traffic/forward-proxy.ts). */
export interface ForwardProxy {
  /** The proxy's origin, e.g. "http://10.0.0.1:8080". */
  readonly origin: string;
  /** "Basic ..." for Proxy-Authorization, or null without credentials. */
  readonly authorization: string | null;
}

/** A resolver set-graphql-resolver declared: the data source's code, run over the resolver's own context. */
export interface PolicyResolver {
  run: (ctx: Context) => Promise<void>;
  /** The set-graphql-resolver row of the module's policy table (LastError of a failure). */
  index: number;
}

/** What set-graphql-resolver leaves on the request for the GraphQL executor (runtime/graphql/resolvers.ts). */
export interface GraphqlRequestState {
  /** "Type.field" → resolver; a later declaration of the same field wins (as a later policy would). */
  resolvers: Map<string, PolicyResolver>;
  /** Set by the executor: the query has been executed (forward-request ran). */
  answered: boolean;
}

export class Context {
  #response: ResponseMessage | undefined;
  Api: ApiInfo;
  Operation: OperationInfo;
  Product: ProductInfo | null = null;
  Subscription: SubscriptionInfo | null = null;
  User: UserInfo | null = null;
  Deployment: DeploymentInfo;
  LastError: LastErrorFields | null = null;
  /** `context.GraphQL` inside a GraphQL field resolver (gateway/graphql-resolvers.ts), else null. */
  GraphQL: { Arguments: unknown; Parent: unknown } | null = null;
  /** `context.ParentResult` inside a set-graphql-resolver resolver: the parent object's value (a JObject), else null. */
  ParentResult: unknown = null;
  /** The resolvers set-graphql-resolver declared for this request (runtime/graphql/resolvers.ts); null when none. */
  $graphql: GraphqlRequestState | null = null;
  Tracing = false;
  #requestId: string | undefined;
  #variables: VariableMap | undefined;
  /** `context.Timestamp` as epoch milliseconds (UTC); the C# surface lowers it to a DateTime. */
  readonly $timestampMs: number;
  /** Trace entries of this request (trace policy, context.Trace, one-way request outcomes). */
  readonly $trace: TraceEntry[] = [];
  /** Loop iterations policy expressions may still run in this request (policy-helpers loopCheck). */
  $loops = expressionBudget.iterations;
  /** When loopCheck first ran (ms, performance.now()). */
  $loopStart: number | undefined = undefined;
  /** Index into the module's policy table of the policy now running, for LastError. */
  $p = -1;
  /** Base URL of the backend (set-backend-service changes it). */
  $backendUrl: string | null = null;
  /** A backend URL taken as it is (set-backend-service backend-id="dapr"): while $backendUrl is it, the request's path is not appended. */
  $backendExact: string | null = null;
  /** The HTTP forward proxy the <proxy> policy chose for forward-request, or null. */
  $forwardProxy: ForwardProxy | null = null;
  /** The backend pool set-backend-service backend-id chose (then `$backendUrl` is null): the pool picks the member. */
  $backendPool: string | null = null;
  /** Bodies stream through (set by the gateway when the module reads no body). */
  $streamBodies = false;
  /** Work state policies leave for when the response is final (state/hooks.ts), or null. */
  $finish: ((ctx: Context) => unknown)[] | null = null;
  /** Pending one-way sends, so a host can drain them at shutdown. */
  readonly $oneWay: Promise<unknown>[] = [];
  /** Forwards to the backend (pipeline.ts BackendHost); set by the gateway or the test harness. */
  $host: unknown = null;
  /** The gateway's backends, examples and stores (an empty one for runPolicy without a gateway). */
  $env: GatewayEnvironment = EMPTY_ENVIRONMENT;
  /** Milliseconds spent waiting for the backend (set by a host that measures it: the gateway's metrics). */
  $backendMs = 0;
  /** What cache-lookup found: "hit", "miss", or null when no cache-lookup looked (metrics). */
  $cacheResult: "hit" | "miss" | null = null;

  constructor(
    public Request: RequestMessage,
    init: { api?: Partial<ApiInfo>; operation?: Partial<OperationInfo>; deployment?: Partial<DeploymentInfo>; requestId?: string; timestampMs?: number } = {},
  ) {
    this.#requestId = init.requestId;
    this.$timestampMs = init.timestampMs ?? Date.now();
    // Shared defaults: a gateway sets per-route objects built once, not per request.
    this.Api = init.api ? { ...DEFAULT_API, ...init.api } : DEFAULT_API;
    this.Operation = init.operation ? { ...DEFAULT_OPERATION, ...init.operation } : DEFAULT_OPERATION;
    this.Deployment = init.deployment ? { ...DEFAULT_DEPLOYMENT, ...init.deployment } : DEFAULT_DEPLOYMENT;
  }

  /** Guid, as its "D" string form; made on first use, so a policy that never reads it pays nothing. */
  get RequestId(): string {
    return (this.#requestId ??= globalThis.crypto.randomUUID());
  }

  /** `context.Response`: the backend's answer once forwarded; an empty 200 until then (made on first use). */
  get Response(): ResponseMessage {
    return (this.#response ??= new ResponseMessage());
  }
  set Response(r: ResponseMessage) {
    this.#response = r;
  }

  /** `context.Variables`, made on first use. */
  get Variables(): VariableMap {
    return (this.#variables ??= new VariableMap());
  }

  /** `context.Trace(message)`. */
  Trace(message: string): void {
    this.$trace.push({ source: "context.Trace", severity: "information", message: String(message), timeMs: Date.now() });
  }

  /** `context.Elapsed` in milliseconds; the C# surface lowers it to a TimeSpan. */
  get $elapsedMs(): number {
    return Date.now() - this.$timestampMs;
  }
}

/**
 * What the gateway gives every request: its named backends, the current operation's response
 * examples, and long-lived stores (caches, counters) that policies keep between requests.
 */
export interface GatewayEnvironment {
  /** By id; `url` is null for a load-balanced pool (runtime/backends/entities.ts has the rest). */
  backends: ReadonlyMap<string, { url: string | null; pool?: unknown }>;
  /** status code → content type → example body, for mock-response. */
  examples: ReadonlyMap<number, ReadonlyMap<string, string>>;
  /** Long-lived stores by name; see `store()`. */
  stores: Map<string, unknown>;
  /** The values of the named values marked secret (longest first), for traces and logs to mask (`maskSecrets`). */
  secrets?: readonly string[];
  /** Who watches callouts and emit-metric (the gateway's metrics); none: nothing is recorded. */
  observer?: Observer | null;
  /** log-to-eventhub: the sinks gateway.json `loggers` maps logger ids to. */
  loggers?: ReadonlyMap<string, LogSink>;
  /** The Dapr sidecar (gateway.json `dapr`); default http://127.0.0.1:3500. */
  dapr?: { url: string };
  /** The semantic cache policies' embeddings requests (gateway.json `semanticCache`). */
  semanticCache?: { embeddingsModel?: string };
}

export function newEnvironment(init: Partial<GatewayEnvironment> = {}): GatewayEnvironment {
  return { backends: new Map(), examples: new Map(), stores: new Map(), ...init };
}

/** Until a host attaches its own: no backends, no examples; its stores are shared by every such context. */
const EMPTY_ENVIRONMENT: GatewayEnvironment = newEnvironment();

/** A long-lived store shared by every request of a gateway, created on first use. */
export function store<T>(ctx: Context, name: string, create: () => T): T {
  let s = ctx.$env.stores.get(name) as T | undefined;
  if (s === undefined) {
    s = create();
    ctx.$env.stores.set(name, s);
  }
  return s;
}

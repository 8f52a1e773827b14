// The gateway configuration (gateway.json): APIs, operations, products, subscriptions, backends,
// named values, fragments and policy files. Validated by hand against the shape below (the same
// shape is published as gateway.schema.json) so every error names the JSON path and what to do.
import type { ConfiguredSchema } from "../compiler/validation/configured-schema.js";
import { SchemaFiles } from "./xml-schemas.js";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { normalizeNamedValues, type NamedValueInput, type NamedValueTable } from "../runtime/named-values.js";
import type { FragmentResolver } from "../compiler/document.js";
import type { Diagnostic } from "../compiler/diagnostics.js";
import { loadSpecification, type LoadedSpecification } from "./openapi.js";
import { checkLoggers, type LoggerConfig } from "./loggers.js";
import { checkBackends, type BackendConfig, type CheckedBackend } from "./backend-config.js";
import { ListenTlsError, loadListenTls, type ListenTlsConfig } from "./listen-tls.js";
import { DiagnosticError, diagnosticAt, escapePointer, parseSourceDocument } from "./source-document.js";
import { Codes } from "../compiler/diagnostics.js";
import { checkRedisUrl } from "./redis-url.js";
export { checkRedisUrl };

export interface GatewayConfig {
  /**
   * Schemas for validate-content `schema-id`, by id: a file relative to this one (`.json`: a JSON
   * Schema; otherwise an XML Schema or a WSDL with schemas in its types).
   */
  schemas?: Record<string, string>;
  /** Where `apimc serve` listens; `tls`: HTTPS on the gateway port (README, "TLS at the gateway"). */
  listen?: { host?: string; port?: number; tls?: ListenTlsConfig };
  /**
   * Where /_apimc/health, /_apimc/ready and /_apimc/metrics are answered: without it on the
   * gateway's own port; with it only on this port (and host, default 127.0.0.1).
   */
  admin?: { host?: string; port: number };
  /** Prometheus metrics at /_apimc/metrics (default true); false: not counted, not served. */
  metrics?: boolean;
  /** The workbench page and its API at /_apimc/ (README, "Workbench"); default off (on with `apimc dev`). */
  workbench?: boolean;
  /** Global-scope policy file. */
  policy?: string;
  /** A JSON file of name → value (a string, or `{ "value": ..., "secret": true }`), or the values inline. */
  namedValues?: string | Record<string, NamedValueInput>;
  /** Folder of `<fragment-id>.xml` files. */
  fragments?: string;
  /**
   * Backend entities by id, as APIM's backend resource: a `url`, or `"type": "Pool"` with
   * `pool.services`; `circuitBreaker`, `credentials`, `tls` (README, "Backends").
   */
  backends?: Record<string, BackendConfig>;
  /** Requests with this header (value = key) get the trace of every policy in a response header. */
  trace?: { header?: string; key: string };
  /**
   * Names whose values the request log and the trace replace by `***`, besides the subscription key
   * (`subscription-key`, `Ocp-Apim-Subscription-Key`), `Authorization` and `Proxy-Authorization`.
   */
  redact?: { queryParameters?: string[]; headers?: string[] };
  products?: ProductConfig[];
  subscriptions?: SubscriptionConfig[];
  apis: ApiConfig[];
  /** Largest request body the gateway reads into memory when a policy needs it, bytes. */
  maxBodyBytes?: number;
  /**
   * Certificates policies refer to: client certificates for authentication-certificate (by
   * thumbprint or id) and validate-jwt's `certificate-id` signing keys. Paths are relative to the file.
   */
  certificates?: CertificateConfig[];
  /**
   * Token sources for authentication-managed-identity: an IMDS-compatible managed identity
   * endpoint and/or Microsoft Entra Workload ID. Without it the policy fails at run time with
   * ManagedIdentityNotConfigured.
   */
  managedIdentity?: ManagedIdentityOptions;
  /**
   * Shared state: a Redis server that holds rate limits, quotas, concurrency slots and the external
   * cache for every gateway using it (README, "Running several gateways"). Without it, in memory.
   */
  state?: { redis: string; failMode?: "open" | "closed"; timeoutMs?: number; keyPrefix?: string };
  /**
   * validate-azure-ad-token: the Microsoft Entra authority whose `<authority>/<tenant>/v2.0/.well-known/
   * openid-configuration` it reads when the policy has no authentication-endpoint (default
   * https://login.microsoftonline.com; a local server in tests).
   */
  entraId?: { authority?: string };
  /** log-to-eventhub outside Azure: logger id → the sink its messages go to (README, "Loggers"). */
  loggers?: Record<string, LoggerConfig>;
  /** The Dapr sidecar's HTTP API (set-backend-service backend-id="dapr", invoke-dapr-binding, publish-to-dapr); default http://127.0.0.1:3500. */
  dapr?: { url: string };
  /** The semantic cache policies (llm-/azure-openai-semantic-cache-lookup): a model name their embeddings requests carry. */
  semanticCache?: { embeddingsModel?: string };
  /**
   * Regular expressions: `matchTimeoutMs` is the match timeout of a Regex created without one
   * (default 100; 0 = none), the budget of patterns that run on the backtracking engine (README, Threat model).
   */
  regex?: { matchTimeoutMs?: number };
}

export interface ManagedIdentityOptions {
  /**
   * A managed identity endpoint speaking the IMDS protocol; `{}` for Azure IMDS itself. `arc`: it is
   * an Azure Arc-enabled server's (default http://localhost:40342/…), whose key file challenge is
   * answered (only from the agent's token directory).
   */
  imds?: { endpoint?: string; arc?: boolean };
  /** For authentication-provider="WorkloadIdentity"; each value defaults to its AZURE_* environment variable. */
  workloadIdentity?: { tenantId?: string; clientId?: string; tokenFile?: string; authorityHost?: string };
  /** Per token request (default 20). */
  timeoutSeconds?: number;
}

export interface CertificateConfig {
  id?: string;
  /** PEM certificate; its key in keyFile or in the same file. */
  certFile?: string;
  keyFile?: string;
  /** Or a PKCS#12 file. */
  pfxFile?: string;
  /** A passphrase, or `{{named-value}}`. */
  passphrase?: string;
}

export interface ProductConfig {
  id: string;
  name?: string;
  policy?: string;
  subscriptionRequired?: boolean;
  /** API ids this product contains. */
  apis: string[];
}

export interface SubscriptionConfig {
  id: string;
  name?: string;
  primaryKey: string;
  secondaryKey?: string;
  /** Product id; or "*" for an all-APIs subscription (product policies do not apply). */
  product: string;
  /** With product "*": the one API this subscription is for (an APIOps subscription scoped to `/apis/<api>`). */
  api?: string;
  user?: { id?: string; email?: string; firstName?: string; lastName?: string };
}

/** A synthetic GraphQL API's field resolver: the policy (an <http-data-source>) that resolves type.field. */
export interface GraphqlResolverConfig {
  type: string;
  field: string;
  policy: string;
}

export interface ApiConfig {
  id: string;
  name?: string;
  /** URL suffix, e.g. "/orders" ("" for the root). */
  path: string;
  serviceUrl: string;
  policy?: string;
  /** Default true for APIs in a product that requires subscriptions; see README. */
  subscriptionRequired?: boolean;
  /**
   * An OpenAPI 2.0 or 3.x file (YAML or JSON): the API's operations are its operations (by
   * operationId). `operations` may then list some of them by id to give a policy or examples.
   */
  specification?: string;
  /** A GraphQL API: its schema (SDL file), what validate-graphql-request validates requests against. */
  graphql?: { schema: string; resolvers?: GraphqlResolverConfig[] };
  /** The API's XML definitions (a WSDL, or XSD files): validate-content validate-as="xml"/"soap" without schema-id. */
  xmlSchemas?: string | string[];
  operations?: OperationConfig[];
  /** The request header and query parameter that carry the subscription key (APIM's defaults). */
  subscriptionKeyParameterNames?: { header?: string; query?: string };
  /**
   * The API is one version of a version set (APIOps folders): Segment adds `/<version>` to its path;
   * Header and Query select it by that header or query parameter (`name`). An empty version is the
   * set's original: Segment without a segment, Header and Query without the header or parameter.
   */
  versioning?: { scheme: "Segment" | "Header" | "Query"; name?: string; version: string; versionSetId: string };
  /**
   * A revision of an API (APIOps folders: `apis/<api>;rev=N/`). The current one answers the API's
   * path and `<path>;rev=N`; another answers only `<path>;rev=N` and has `of`, the API it is a
   * revision of (its products and subscriptions), as its id is `<api>;rev=N`.
   */
  revision?: { number: string; current: boolean; of?: string };
}

export interface OperationConfig {
  id: string;
  name?: string;
  method: string;
  /** e.g. "/items/{id}"; a query part `?a={b}` names query template parameters. */
  urlTemplate: string;
  policy?: string;
  /** status → content type → example body (a string, or JSON written as is). */
  examples?: Record<string, Record<string, unknown>>;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    message: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ""}${message}`);
  }
}

export interface LoadedConfig {
  config: GatewayConfig;
  file: string;
  /** Directory relative paths in the configuration are resolved against. */
  dir: string;
  /** The named values' text by name, and which of them are secret. */
  namedValues: NamedValueTable;
  /** The specifications of the APIs that have one, by API id (their operations are in `config`). */
  specifications?: ReadonlyMap<string, LoadedSpecification>;
  /** Finds fragments when they are not `<fragments>/<id>.xml` (an APIOps folder). */
  fragments?: FragmentResolver;
  /** Further files the configuration was read from (an APIOps folder's information files), for watching and builds. */
  sources?: readonly string[];
  /** Folders whose new or removed entries change the configuration (an APIOps folder's artifact folders). */
  folders?: readonly string[];
  /** Warnings found while reading the configuration (an APIOps folder's), reported with the build's. */
  diagnostics?: readonly Diagnostic[];
  /**
   * Named values that exist but have no value here (secret or Key Vault ones of an APIOps folder),
   * name → what to do: a policy that uses one gets APIMC5015 with it instead of "does not exist".
   */
  valuelessNamedValues?: ReadonlyMap<string, string>;
  /** The backends, checked (credentials' named values resolved); routes.ts checks `config.backends` itself when absent. */
  backends?: ReadonlyMap<string, CheckedBackend>;
  /** Schemas registered by id (gateway.json `schemas`, an APIOps folder's schemas): validate-content schema-id. */
  schemas?: Readonly<Record<string, ConfiguredSchema>>;
  /** Each API's XML schemas (gateway.json `xmlSchemas`, APIOps specification.wsdl / API schemas), by API id. */
  apiXmlSchemas?: ReadonlyMap<string, ConfiguredSchema>;
  /** The schema files read (sources of the modules that use them). */
  schemaFiles?: SchemaFiles;
}

export function loadGatewayConfig(file: string): LoadedConfig {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(file, "", `cannot read the configuration: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, "", `not valid JSON: ${(e as Error).message}`);
  }
  const config = validateConfig(raw, file);
  const dir = dirname(path);
  let namedValues: Record<string, NamedValueInput> = {};
  if (typeof config.namedValues === "string") {
    const nvFile = resolve(dir, config.namedValues);
    try {
      namedValues = JSON.parse(readFileSync(nvFile, "utf8"));
    } catch (e) {
      throw new ConfigError(file, "namedValues", `cannot read named values from ${config.namedValues}: ${(e as Error).message}`);
    }
    checkNamedValues(namedValues, config.namedValues);
  } else if (config.namedValues) namedValues = config.namedValues;
  const specifications = applySpecifications(config, dir, file);
  const table = normalizeNamedValues(namedValues);
  const tls = config.listen?.tls;
  if (tls) {
    // The files are read now so that a wrong path or a key that is not the certificate's is told at its place.
    try {
      loadListenTls(tls, dir, table);
    } catch (e) {
      if (!(e instanceof ListenTlsError)) throw e;
      const doc = parseSourceDocument(text, path, true, Codes.ListenTlsInvalid);
      throw new DiagnosticError(diagnosticAt(Codes.ListenTlsInvalid, path, doc.locate(`/listen/tls/${e.property}`), `listen.tls.${e.property}: ${e.message}`));
    }
  }
  const { schemas, apiXmlSchemas, schemaFiles } = loadConfigSchemas(config, dir);
  return { config, file: path, dir, namedValues: table, specifications, backends: checkConfigBackends(config, table, path, text), schemas, apiXmlSchemas, schemaFiles };
}

/** gateway.json `schemas` and each API's `xmlSchemas`, read (a file that cannot be read is a diagnostic where a policy uses it). */
export function loadConfigSchemas(config: GatewayConfig, dir: string): { schemas: Record<string, ConfiguredSchema>; apiXmlSchemas: Map<string, ConfiguredSchema>; schemaFiles: SchemaFiles } {
  const schemaFiles = new SchemaFiles();
  const schemas: Record<string, ConfiguredSchema> = {};
  for (const [id, f] of Object.entries(config.schemas ?? {})) schemas[id] = schemaFiles.fromFile(resolve(dir, f));
  schemaFiles.registered = schemas;
  const apiXmlSchemas = new Map<string, ConfiguredSchema>();
  for (const api of config.apis) if (api.xmlSchemas !== undefined) apiXmlSchemas.set(api.id, schemaFiles.fromXml((Array.isArray(api.xmlSchemas) ? api.xmlSchemas : [api.xmlSchemas]).map((f) => resolve(dir, f))));
  return { schemas, apiXmlSchemas, schemaFiles };
}

/** The backends checked; the first problem is thrown as a DiagnosticError at its place in gateway.json. */
function checkConfigBackends(config: GatewayConfig, namedValues: ReturnType<typeof normalizeNamedValues>, file: string, text: string): Map<string, CheckedBackend> {
  if (!config.backends) return new Map();
  return checkBackends(config.backends, namedValues, (id, pointer, code, message) => {
    const doc = parseSourceDocument(text, file, true, Codes.BackendInvalid);
    throw new DiagnosticError(diagnosticAt(code, file, doc.locate(`/backends/${escapePointer(id)}${pointer}`), message));
  });
}

/**
 * Loads each API's `specification` and makes its operations the API's: an operation listed in
 * gateway.json by the same id keeps its policy, name and examples (and may leave out method and
 * URL template). Throws SpecificationError (file, line, column) or ConfigError.
 */
function applySpecifications(config: GatewayConfig, dir: string, file: string): Map<string, LoadedSpecification> {
  const out = new Map<string, LoadedSpecification>();
  config.apis.forEach((api, i) => {
    if (api.specification === undefined) return;
    const spec = loadSpecification(resolve(dir, api.specification));
    out.set(api.id, spec);
    const listed = new Map((api.operations ?? []).map((o, j) => [o.id, j]));
    for (const [id, j] of listed)
      if (!spec.operations.some((o) => o.operationId === id))
        throw new ConfigError(file, `apis[${i}].operations[${j}].id`, `the specification ${api.specification} has no operation with operationId '${id}' (it has: ${spec.operations.map((o) => o.operationId).join(", ") || "none"})`);
    api.operations = spec.operations.map((o) => {
      const own = api.operations?.[listed.get(o.operationId) ?? -1];
      return { ...own, id: o.operationId, method: o.method, urlTemplate: o.urlTemplate };
    });
  });
  return out;
}

/** Named values: name → a string, or → `{ "value": string, "secret": boolean }`. */
export function checkNamedValues(nv: unknown, file: string): asserts nv is Record<string, NamedValueInput> {
  if (!nv || typeof nv !== "object" || Array.isArray(nv)) throw new ConfigError(file, "", 'named values must be a JSON object of name → string (or → { "value": string, "secret": true })');
  for (const [k, v] of Object.entries(nv)) {
    if (!/^[A-Za-z0-9._-]+$/.test(k)) throw new ConfigError(file, k, "a named value's name may hold only letters, digits, '.', '-' and '_'");
    let text: unknown = v;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const p of Object.keys(v)) if (p !== "value" && p !== "secret") throw new ConfigError(file, `${k}.${p}`, "unknown property (a named value object has 'value' and 'secret')");
      const o = v as { value?: unknown; secret?: unknown };
      if (o.secret !== undefined && typeof o.secret !== "boolean") throw new ConfigError(file, `${k}.secret`, "must be true or false");
      text = o.value;
    }
    // Never print a value: named values hold secrets.
    if (typeof text !== "string" || text.trim() === "" || text.length > 4096) throw new ConfigError(file, k, 'a named value must be a non-empty string of at most 4,096 characters, or { "value": such a string, "secret": true }');
  }
}

/**
 * When two API paths are the same one: compared without trailing slashes ("/" is the root, like
 * "") and ignoring case. [infer] APIM treats `resource` and `resource/` alike (its template docs)
 * and matches URL parts case-insensitively; the gateway routes by the longest prefix, so two APIs
 * with one path could not both be reached.
 */
export function samePathKey(path: string): string {
  return path.replace(/\/+$/, "").toLowerCase();
}

type Check = (v: unknown, path: string) => void;

/** A Redis URL: redis://[user:password@]host[:port][/db] or rediss:// (TLS). Never printed with its password. */
/** Validates the parsed JSON; throws ConfigError naming the first problem's path. */
export function validateConfig(raw: unknown, file: string): GatewayConfig {
  const fail = (path: string, msg: string): never => {
    throw new ConfigError(file, path, msg);
  };
  const obj = (v: unknown, path: string, allowed: string[]): Record<string, unknown> => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return fail(path, "must be an object");
    for (const k of Object.keys(v)) if (!allowed.includes(k) && k !== "$schema") fail(`${path}${path ? "." : ""}${k}`, `unknown property (expected one of: ${allowed.join(", ")})`);
    return v as Record<string, unknown>;
  };
  const str: (req: boolean) => Check = (req) => (v, path) => {
    if (v === undefined) {
      if (req) fail(path, "is required");
      return;
    }
    if (typeof v !== "string") fail(path, "must be a string");
  };
  const bool: Check = (v, path) => {
    if (v !== undefined && typeof v !== "boolean") fail(path, "must be true or false");
  };
  const int: Check = (v, path) => {
    if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < 0)) fail(path, "must be a non-negative integer");
  };
  const url: Check = (v, path) => {
    str(true)(v, path);
    let u: URL | null = null;
    try {
      u = new URL(v as string);
    } catch {
      fail(path, `'${String(v)}' is not an absolute URL`);
    }
    if (u && u.protocol !== "http:" && u.protocol !== "https:") fail(path, "must be an http(s) URL");
  };
  const arr = (v: unknown, path: string, each: (x: unknown, p: string) => void): void => {
    if (v === undefined) return;
    if (!Array.isArray(v)) fail(path, "must be an array");
    (v as unknown[]).forEach((x, i) => each(x, `${path}[${i}]`));
  };

  const c = obj(raw, "", ["listen", "admin", "metrics", "workbench", "policy", "namedValues", "fragments", "schemas", "backends", "trace", "redact", "products", "subscriptions", "apis", "maxBodyBytes", "certificates", "managedIdentity", "state", "entraId", "loggers", "dapr", "regex", "semanticCache"]);
  if (c.loggers !== undefined) checkLoggers(c.loggers, "loggers", fail);
  if (c.dapr !== undefined) url(obj(c.dapr, "dapr", ["url"]).url, "dapr.url");
  if (c.semanticCache !== undefined) str(false)(obj(c.semanticCache, "semanticCache", ["embeddingsModel"]).embeddingsModel, "semanticCache.embeddingsModel");
  if (c.regex !== undefined) {
    const r = obj(c.regex, "regex", ["matchTimeoutMs"]);
    const t = r.matchTimeoutMs;
    if (t !== undefined && (typeof t !== "number" || !Number.isInteger(t) || t < 0 || t > 2 ** 31 - 2)) fail("regex.matchTimeoutMs", "must be a whole number of milliseconds from 0 (no timeout) to 2147483646");
  }
  if (c.state !== undefined) {
    const s = obj(c.state, "state", ["redis", "failMode", "timeoutMs", "keyPrefix"]);
    checkRedisUrl(s.redis, "state.redis", fail);
    if (s.failMode !== undefined && s.failMode !== "open" && s.failMode !== "closed") fail("state.failMode", 'must be "open" (limits not enforced and caches miss while Redis is unreachable) or "closed" (503)');
    if (s.timeoutMs !== undefined && (typeof s.timeoutMs !== "number" || !Number.isInteger(s.timeoutMs) || s.timeoutMs < 1 || s.timeoutMs > 60_000)) fail("state.timeoutMs", "must be a whole number of milliseconds from 1 to 60000");
    if (s.keyPrefix !== undefined && (typeof s.keyPrefix !== "string" || s.keyPrefix.length > 200)) fail("state.keyPrefix", "must be a string of at most 200 characters");
  }
  if (c.managedIdentity !== undefined) {
    const m = obj(c.managedIdentity, "managedIdentity", ["imds", "workloadIdentity", "timeoutSeconds"]);
    if (m.imds === undefined && m.workloadIdentity === undefined) fail("managedIdentity", "needs 'imds' (a managed identity endpoint) or 'workloadIdentity', or both");
    if (m.imds !== undefined) {
      const i = obj(m.imds, "managedIdentity.imds", ["endpoint", "arc"]);
      if (i.endpoint !== undefined) url(i.endpoint, "managedIdentity.imds.endpoint");
      bool(i.arc, "managedIdentity.imds.arc");
    }
    if (m.workloadIdentity !== undefined) {
      const w = obj(m.workloadIdentity, "managedIdentity.workloadIdentity", ["tenantId", "clientId", "tokenFile", "authorityHost"]);
      for (const k of ["tenantId", "clientId", "tokenFile"]) {
        str(false)(w[k], `managedIdentity.workloadIdentity.${k}`);
        if (typeof w[k] === "string" && (w[k] as string).trim() === "") fail(`managedIdentity.workloadIdentity.${k}`, "cannot be empty (leave it out to use the environment variable)");
      }
      if (w.authorityHost !== undefined) url(w.authorityHost, "managedIdentity.workloadIdentity.authorityHost");
    }
    if (m.timeoutSeconds !== undefined && (typeof m.timeoutSeconds !== "number" || !Number.isFinite(m.timeoutSeconds) || m.timeoutSeconds <= 0 || m.timeoutSeconds > 600))
      fail("managedIdentity.timeoutSeconds", "must be a number of seconds above 0 and at most 600");
  }
  if (c.entraId !== undefined) {
    const e = obj(c.entraId, "entraId", ["authority"]);
    if (e.authority !== undefined) url(e.authority, "entraId.authority");
  }
  arr(c.certificates, "certificates", (x, p) => {
    const ce = obj(x, p, ["id", "certFile", "keyFile", "pfxFile", "passphrase"]);
    for (const k of ["id", "certFile", "keyFile", "pfxFile", "passphrase"]) str(false)(ce[k], `${p}.${k}`);
    if (!ce.certFile === !ce.pfxFile) fail(p, "needs exactly one of certFile and pfxFile");
  });
  if (c.listen !== undefined) {
    const l = obj(c.listen, "listen", ["host", "port", "tls"]);
    str(false)(l.host, "listen.host");
    int(l.port, "listen.port");
    if (l.tls !== undefined) {
      const t = obj(l.tls, "listen.tls", ["cert", "key", "ca", "requestClientCertificate", "passphrase"]);
      str(true)(t.cert, "listen.tls.cert");
      str(true)(t.key, "listen.tls.key");
      str(false)(t.ca, "listen.tls.ca");
      str(false)(t.passphrase, "listen.tls.passphrase");
      bool(t.requestClientCertificate, "listen.tls.requestClientCertificate");
    }
  }
  if (c.admin !== undefined) {
    const a = obj(c.admin, "admin", ["host", "port"]);
    str(false)(a.host, "admin.host");
    if (a.port === undefined) fail("admin.port", "is required (the port of /_apimc/health, /_apimc/ready and /_apimc/metrics)");
    int(a.port, "admin.port");
    if ((a.port as number) > 65535) fail("admin.port", "must be a port number (0-65535)");
  }
  bool(c.metrics, "metrics");
  bool(c.workbench, "workbench");
  str(false)(c.policy, "policy");
  str(false)(c.fragments, "fragments");
  if (c.schemas !== undefined) {
    const sc = obj(c.schemas, "schemas", Object.keys(c.schemas as object));
    for (const [id, f] of Object.entries(sc)) if (typeof f !== "string" || f.trim() === "") fail(`schemas.${id}`, "must be a schema file (.xsd, .wsdl, or a JSON Schema .json), relative to gateway.json");
  }
  int(c.maxBodyBytes, "maxBodyBytes");
  if (c.namedValues !== undefined && typeof c.namedValues !== "string") checkNamedValues(c.namedValues, `${file} namedValues`);
  // Each backend's own properties: checked with their line and column (backend-config.ts).
  if (c.backends !== undefined) obj(c.backends, "backends", Object.keys(c.backends as object));
  if (c.trace !== undefined) {
    const t = obj(c.trace, "trace", ["header", "key"]);
    str(false)(t.header, "trace.header");
    str(true)(t.key, "trace.key");
  }
  if (c.redact !== undefined) {
    const r = obj(c.redact, "redact", ["queryParameters", "headers"]);
    for (const k of ["queryParameters", "headers"])
      arr(r[k], `redact.${k}`, (n, p) => {
        if (typeof n !== "string" || n.trim() === "") fail(p, k === "headers" ? "must be a header name" : "must be a query parameter name");
        if (k === "headers" && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n as string)) fail(p, `'${String(n)}' is not a valid header name`);
      });
  }
  if (!Array.isArray(c.apis) || c.apis.length === 0) fail("apis", "must be a non-empty array of APIs");
  const apiIds = new Set<string>();
  const apiPaths = new Map<string, { path: string; at: string; id: string }>();
  arr(c.apis, "apis", (a, p) => {
    const api = obj(a, p, ["id", "name", "path", "serviceUrl", "policy", "subscriptionRequired", "subscriptionKeyParameterNames", "specification", "graphql", "xmlSchemas", "operations"]);
    if (api.xmlSchemas !== undefined && typeof api.xmlSchemas !== "string" && !(Array.isArray(api.xmlSchemas) && api.xmlSchemas.length > 0 && api.xmlSchemas.every((x) => typeof x === "string" && x !== "")))
      fail(`${p}.xmlSchemas`, "must be a file (a WSDL or an XSD) or a non-empty array of XSD files");
    str(true)(api.id, `${p}.id`);
    if (apiIds.has(api.id as string)) fail(`${p}.id`, `duplicate API id '${String(api.id)}'`);
    apiIds.add(api.id as string);
    str(false)(api.name, `${p}.name`);
    str(true)(api.path, `${p}.path`);
    if (!/^(\/[^?#\s]*)?$/.test(api.path as string)) fail(`${p}.path`, "must be empty or start with '/' (no query)");
    // An API path identifies the API: two with the same one would leave one unreachable.
    const key = samePathKey(api.path as string);
    const other = apiPaths.get(key);
    if (other)
      fail(
        `${p}.path`,
        `'${String(api.path)}' is the path of API '${other.id}' too (${other.at}.path '${other.path}'); each API needs its own path (paths are compared without trailing slashes and ignoring case)`,
      );
    apiPaths.set(key, { path: api.path as string, at: p, id: api.id as string });
    url(api.serviceUrl, `${p}.serviceUrl`);
    str(false)(api.policy, `${p}.policy`);
    bool(api.subscriptionRequired, `${p}.subscriptionRequired`);
    str(false)(api.specification, `${p}.specification`);
    if (api.graphql !== undefined) {
      const g = obj(api.graphql, `${p}.graphql`, ["schema", "resolvers"]);
      str(true)(g.schema, `${p}.graphql.schema`);
      const seen = new Set<string>();
      arr(g.resolvers, `${p}.graphql.resolvers`, (r, rp) => {
        const rc = obj(r, rp, ["type", "field", "policy"]);
        str(true)(rc.type, `${rp}.type`);
        str(true)(rc.field, `${rp}.field`);
        str(true)(rc.policy, `${rp}.policy`);
        const k = `${String(rc.type)}.${String(rc.field)}`;
        if (seen.has(k)) fail(`${rp}`, `a second resolver for ${k}`);
        seen.add(k);
      });
      if (api.specification !== undefined) fail(`${p}.graphql`, "an API has an OpenAPI 'specification' or a GraphQL schema, not both");
    }
    if (api.subscriptionKeyParameterNames !== undefined) {
      const k = obj(api.subscriptionKeyParameterNames, `${p}.subscriptionKeyParameterNames`, ["header", "query"]);
      if (k.header !== undefined && (typeof k.header !== "string" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k.header))) fail(`${p}.subscriptionKeyParameterNames.header`, "must be a header name");
      if (k.query !== undefined && (typeof k.query !== "string" || k.query === "")) fail(`${p}.subscriptionKeyParameterNames.query`, "must be a query parameter name");
    }
    const fromSpec = api.specification !== undefined;
    const opIds = new Set<string>();
    arr(api.operations, `${p}.operations`, (o, op) => {
      const oc = obj(o, op, ["id", "name", "method", "urlTemplate", "policy", "examples"]);
      str(true)(oc.id, `${op}.id`);
      if (opIds.has(oc.id as string)) fail(`${op}.id`, `duplicate operation id '${String(oc.id)}'`);
      opIds.add(oc.id as string);
      // With a specification, the operation's method and template are the specification's.
      if (fromSpec) {
        for (const k of ["method", "urlTemplate"]) if (oc[k] !== undefined) fail(`${op}.${k}`, "comes from the API's specification (an operation listed with a specification gives only its policy, name and examples)");
      } else {
        str(true)(oc.method, `${op}.method`);
        if (!/^([A-Z]+|\*)$/.test(oc.method as string)) fail(`${op}.method`, "must be an upper-case HTTP method or '*'");
        str(true)(oc.urlTemplate, `${op}.urlTemplate`);
        if (!(oc.urlTemplate as string).startsWith("/")) fail(`${op}.urlTemplate`, "must start with '/'");
      }
      str(false)(oc.policy, `${op}.policy`);
      if (oc.examples !== undefined) {
        const ex = obj(oc.examples, `${op}.examples`, Object.keys(oc.examples as object));
        for (const [status, byType] of Object.entries(ex)) {
          if (!/^[1-5]\d\d$/.test(status)) fail(`${op}.examples.${status}`, "keys must be HTTP status codes");
          obj(byType, `${op}.examples.${status}`, Object.keys(byType as object));
        }
      }
    });
  });
  const productIds = new Set<string>();
  arr(c.products, "products", (x, p) => {
    const pr = obj(x, p, ["id", "name", "policy", "subscriptionRequired", "apis"]);
    str(true)(pr.id, `${p}.id`);
    productIds.add(pr.id as string);
    str(false)(pr.policy, `${p}.policy`);
    bool(pr.subscriptionRequired, `${p}.subscriptionRequired`);
    arr(pr.apis, `${p}.apis`, (id, ap) => {
      if (typeof id !== "string" || !apiIds.has(id)) fail(ap, `unknown API id '${String(id)}'`);
    });
  });
  const keys = new Set<string>();
  arr(c.subscriptions, "subscriptions", (x, p) => {
    const s = obj(x, p, ["id", "name", "primaryKey", "secondaryKey", "product", "user"]);
    str(true)(s.id, `${p}.id`);
    str(true)(s.primaryKey, `${p}.primaryKey`);
    str(false)(s.secondaryKey, `${p}.secondaryKey`);
    for (const k of [s.primaryKey, s.secondaryKey]) {
      if (k === undefined) continue;
      if (keys.has(k as string)) fail(p, "subscription keys must be unique");
      keys.add(k as string);
    }
    str(true)(s.product, `${p}.product`);
    if (s.product !== "*" && !productIds.has(s.product as string)) fail(`${p}.product`, `unknown product id '${String(s.product)}'`);
    if (s.user !== undefined) {
      const u = obj(s.user, `${p}.user`, ["id", "email", "firstName", "lastName"]);
      for (const k of ["id", "email", "firstName", "lastName"]) str(false)(u[k], `${p}.user.${k}`);
    }
  });
  return raw as GatewayConfig;
}

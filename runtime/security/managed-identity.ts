// authentication-managed-identity outside Azure: an access token for `resource` from one of two
// token sources the gateway configuration names (gateway.json `managedIdentity`):
//
// - an IMDS-compatible endpoint (Azure VMs, local emulators): GET <endpoint>?api-version=2018-02-01&resource=…[&client_id=…] with `Metadata: true`,
//   answering { access_token, expires_on (epoch seconds) };
// - Azure Arc-enabled servers' endpoint (`imds.arc`): the same request (api-version 2019-11-01) is
//   answered 401 with `WWW-Authenticate: Basic realm=<key file>`; the key file, which only
//   privileged users can read, is sent back once as `Authorization: Basic <key>`. The realm comes
//   from the network, so it is followed only when Arc is configured, and only to a small `.key`
//   file directly inside the agent's token directory (opened without following links);
// - Microsoft Entra Workload ID (`authentication-provider="WorkloadIdentity"`): the federated token
//   file (re-read for every exchange: it is rotated) exchanged at
//   <authorityHost><tenantId>/oauth2/v2.0/token for { access_token, expires_in }.
//
// Tokens are cached per (provider, resource, client id) until shortly before they expire (5 minutes,
// or half the lifetime when that is shorter); concurrent requests share one fetch; a failed fetch is
// not cached (a still-valid token is used while a refresh fails). Failures are policy errors with
// Source "authentication-managed-identity", unless the policy says ignore-error.
import { Agent, type Dispatcher } from "undici";
import { constants as fsConstants } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, resolve as resolvePath, win32 } from "node:path";
import type { Context, ResponseMessage } from "../context.js";
import { PolicyError } from "../errors.js";
import { HeaderMap } from "../headers.js";
import { httpCall, sendRequest, type OutgoingRequest, type SendOptions } from "../http.js";

export const SOURCE = "authentication-managed-identity";
export const DEFAULT_IMDS_ENDPOINT = "http://169.254.169.254/metadata/identity/oauth2/token";
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Azure Arc-enabled servers: the agent's endpoint, API version and key file directory. */
export const DEFAULT_ARC_ENDPOINT = "http://localhost:40342/metadata/identity/oauth2/token";
export const ARC_API_VERSION = "2019-11-01";
export const ARC_KEY_MAX_BYTES = 4096;
export function defaultArcTokenDir(): string {
  return process.platform === "win32"
    ? win32.join(process.env.ProgramData || "C:\\ProgramData", "AzureConnectedMachineAgent", "Tokens")
    : "/var/opt/azcmagent/tokens";
}

export interface ManagedIdentityConfig {
  /** The IMDS-compatible endpoint (managed identity). Absent: policies without a provider fail with ManagedIdentityNotConfigured. */
  imds?: {
    endpoint?: string;
    /** Azure Arc-enabled servers: answer the endpoint's key file challenge (default endpoint http://localhost:40342/…). */
    arc?: boolean;
    /** Where Arc's key files must be (default: the platform's agent token directory). Runtime API only, for tests. */
    arcTokenDir?: string;
  } | null;
  /** Microsoft Entra Workload ID; each setting falls back to its AZURE_* environment variable. */
  workloadIdentity?: { clientId?: string; tenantId?: string; tokenFile?: string; authorityHost?: string } | null;
  /** Per token request, ms (default 20,000). */
  timeoutMs?: number;
}

/** What the policy asks for (a hoisted constant of the module). */
export interface ManagedIdentityPolicy {
  provider: "ManagedIdentity" | "WorkloadIdentity";
  clientId: string | null;
  output: string | null;
  ignoreError: boolean;
}

interface Token {
  value: string;
  expiresAt: number;
  refreshAt: number;
}

let config: ManagedIdentityConfig | null = null;
const cache = new Map<string, Token>();
const pending = new Map<string, Promise<Token>>();
const agent: Dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 16 });

/** Sets the token sources (null: none). Cached tokens are kept only when the settings did not change (a reload). */
export function configureManagedIdentity(c: ManagedIdentityConfig | null): void {
  if (JSON.stringify(c) === JSON.stringify(config)) return;
  config = c;
  cache.clear();
  pending.clear();
}

/** Forgets every cached token. */
export function clearManagedIdentityCache(): void {
  cache.clear();
  pending.clear();
}

const fail = (message: string, cause?: unknown): PolicyError => new PolicyError("ManagedIdentityTokenFailure", message, 500, SOURCE, cause);

/** A token for `resource`, from the cache while it is fresh. */
export async function managedIdentityToken(provider: ManagedIdentityPolicy["provider"], resource: string, clientId: string | null): Promise<string> {
  const key = `${provider}\u0000${resource}\u0000${clientId ?? ""}`;
  const now = Date.now();
  const cached = cache.get(key);
  if (cached && now < cached.refreshAt) return cached.value;
  let p = pending.get(key);
  if (!p) {
    const cfg = config;
    const fetched = provider === "WorkloadIdentity" ? workloadToken(cfg, resource) : imdsToken(cfg, resource, clientId);
    p = fetched.then(
      (t) => {
        if (pending.get(key) === p) {
          pending.delete(key);
          if (config === cfg) cache.set(key, t);
        }
        return t;
      },
      (e: unknown) => {
        if (pending.get(key) === p) pending.delete(key);
        throw e;
      },
    );
    pending.set(key, p);
  }
  try {
    return (await p).value;
  } catch (e) {
    // A refresh that fails while the cached token is still valid keeps it in use.
    if (cached && Date.now() < cached.expiresAt) return cached.value;
    throw e;
  }
}

/**
 * The policy: a token for `resource`; then `Authorization: Bearer <token>` on `headers` (the request
 * to the backend, or send-request's request), or the token in the `output` variable. With
 * ignore-error a failure leaves both untouched (and is written to the trace).
 */
export async function authenticationManagedIdentity(ctx: Context, headers: HeaderMap, p: ManagedIdentityPolicy, resource: unknown): Promise<void> {
  let token: string;
  try {
    if (typeof resource !== "string" || resource.trim() === "")
      throw new PolicyError("ExpressionValueEvaluationFailure", "authentication-managed-identity: 'resource' must be a non-empty string.", 500, SOURCE);
    token = await managedIdentityToken(p.provider, resource.trim(), p.clientId);
  } catch (e) {
    if (!p.ignoreError) throw e;
    ctx.$trace.push({ source: SOURCE, severity: "error", message: `No access token (ignore-error): ${(e as Error).message}`, timeMs: Date.now() });
    return;
  }
  if (p.output !== null) ctx.Variables.set(p.output, token);
  else headers.setValues("Authorization", [`Bearer ${token}`]);
}

/** send-one-way-request with an authentication-managed-identity child: the token is fetched off the pipeline too. */
export function sendOneWayWithIdentity(ctx: Context, rq: OutgoingRequest, opts: SendOptions, p: ManagedIdentityPolicy, resource: unknown): void {
  const started = Date.now();
  const run = async () => {
    await authenticationManagedIdentity(ctx, rq.Headers, p, resource);
    return sendRequest(rq, opts);
  };
  const done = run().then(
    (res) => {
      ctx.$trace.push({ source: "send-one-way-request", severity: "information", message: `${rq.Method} ${rq.url} → ${res.StatusCode} in ${Date.now() - started} ms`, timeMs: Date.now() });
    },
    (e: unknown) => {
      ctx.$trace.push({ source: "send-one-way-request", severity: "error", message: `${rq.Method} ${rq.url} failed: ${(e as Error).message}`, timeMs: Date.now() });
    },
  );
  ctx.$oneWay.push(done);
}

// ---- token sources --------------------------------------------------------------------------------

function notConfigured(what: string): PolicyError {
  return new PolicyError("ManagedIdentityNotConfigured", `authentication-managed-identity: ${what}`, 500, SOURCE);
}

function timeoutOf(cfg: ManagedIdentityConfig): number {
  return cfg.timeoutMs !== undefined && cfg.timeoutMs > 0 ? cfg.timeoutMs : DEFAULT_TIMEOUT_MS;
}

async function imdsToken(cfg: ManagedIdentityConfig | null, resource: string, clientId: string | null): Promise<Token> {
  if (!cfg?.imds)
    throw notConfigured(
      'no managed identity endpoint is configured. Set "managedIdentity": { "imds": { "endpoint": "…" } } in gateway.json (the endpoint defaults to Azure IMDS, http://169.254.169.254/metadata/identity/oauth2/token), or use authentication-provider="WorkloadIdentity" with "managedIdentity": { "workloadIdentity": { … } }.',
    );
  const arc = cfg.imds.arc === true;
  let url: URL;
  try {
    url = new URL(cfg.imds.endpoint || (arc ? DEFAULT_ARC_ENDPOINT : DEFAULT_IMDS_ENDPOINT));
  } catch {
    throw notConfigured(`the managed identity endpoint '${cfg.imds.endpoint}' is not an absolute URL.`);
  }
  // Arc-enabled servers have a system-assigned identity only.
  if (arc && clientId !== null) throw fail(`The managed identity endpoint ${url.origin} is Azure Arc's, which has no user-assigned identities: client-id cannot be used with it.`);
  url.searchParams.set("api-version", arc ? ARC_API_VERSION : "2018-02-01");
  url.searchParams.set("resource", resource);
  if (clientId !== null) url.searchParams.set("client_id", clientId);
  const headers = new HeaderMap("request");
  headers.setValues("Metadata", ["true"]);
  headers.setValues("Accept", ["application/json"]);
  const started = Date.now();
  const what = "the managed identity endpoint";
  const timeoutMs = timeoutOf(cfg);
  let res = await send(url, "GET", headers, null, timeoutMs, what);
  let secret: string | null = null;
  if (res.StatusCode === 401) {
    const challenge = res.Headers.TryGetValue("WWW-Authenticate");
    if (!arc) {
      if (challenge?.some((v) => /^\s*Basic\s+realm=/i.test(v)))
        throw fail(`The managed identity endpoint ${url.origin} answered 401 with an Azure Arc key file challenge, which is followed only when gateway.json sets "managedIdentity": { "imds": { "arc": true } }.`);
    } else {
      // One challenge round: the second answer is taken as it is (a second 401 is a failure).
      secret = await arcKey(challenge, cfg.imds.arcTokenDir || defaultArcTokenDir(), url.origin);
      headers.setValues("Authorization", [`Basic ${secret}`]);
      res = await send(url, "GET", headers, null, timeoutMs, what, secret);
    }
  }
  const body = parse(res, url, what, secret);
  const expiresOn = seconds(body.expires_on);
  const expiresIn = seconds(body.expires_in);
  if (expiresOn === null && expiresIn === null) throw fail(`The managed identity endpoint ${url.origin} answered without 'expires_on'.`);
  return token(body, url.origin, expiresOn !== null ? expiresOn * 1000 : started + expiresIn! * 1000, started);
}

async function workloadToken(cfg: ManagedIdentityConfig | null, resource: string): Promise<Token> {
  if (!cfg?.workloadIdentity)
    throw notConfigured(
      'authentication-provider="WorkloadIdentity" needs "managedIdentity": { "workloadIdentity": { … } } in gateway.json (tenantId, clientId, tokenFile and authorityHost; each defaults to AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST).',
    );
  const w = cfg.workloadIdentity;
  const env = process.env;
  const tenantId = w.tenantId || env.AZURE_TENANT_ID;
  const clientId = w.clientId || env.AZURE_CLIENT_ID;
  const tokenFile = w.tokenFile || env.AZURE_FEDERATED_TOKEN_FILE;
  let authority = w.authorityHost || env.AZURE_AUTHORITY_HOST || DEFAULT_AUTHORITY_HOST;
  const missing = [
    !tenantId && "tenantId (or AZURE_TENANT_ID)",
    !clientId && "clientId (or AZURE_CLIENT_ID)",
    !tokenFile && "tokenFile (or AZURE_FEDERATED_TOKEN_FILE)",
  ].filter((x): x is string => !!x);
  if (missing.length > 0) throw notConfigured(`workload identity needs ${missing.join(", ")} in gateway.json "managedIdentity.workloadIdentity".`);
  if (!authority.endsWith("/")) authority += "/";
  let url: URL;
  try {
    url = new URL(`${encodeURIComponent(tenantId!)}/oauth2/v2.0/token`, authority);
  } catch {
    throw notConfigured(`the authority host '${authority}' is not an absolute URL.`);
  }
  let assertion: string;
  try {
    assertion = (await readFile(tokenFile!, "utf8")).trim();
  } catch (e) {
    throw fail(`Cannot read the federated token file ${tokenFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`, e);
  }
  if (assertion === "") throw fail(`The federated token file ${tokenFile} is empty.`);
  const form = new URLSearchParams({
    client_id: clientId!,
    client_assertion: assertion,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    grant_type: "client_credentials",
    scope: `${resource}/.default`,
  });
  const headers = new HeaderMap("request");
  headers.setValues("Content-Type", ["application/x-www-form-urlencoded"]);
  headers.setValues("Accept", ["application/json"]);
  const started = Date.now();
  const body = await call(url, "POST", headers, Buffer.from(form.toString(), "utf8"), timeoutOf(cfg), "the Microsoft Entra token endpoint");
  const expiresIn = seconds(body.expires_in);
  if (expiresIn === null) throw fail(`The Microsoft Entra token endpoint ${url.origin} answered without 'expires_in'.`);
  return token(body, url.origin, started + expiresIn * 1000, started);
}

/**
 * Azure Arc's challenge: the key file named by `WWW-Authenticate: Basic realm=<path>`, read only
 * when the path, resolved, is a `.key` file directly inside `dir`, is a regular file (not a link)
 * and is at most ARC_KEY_MAX_BYTES. Messages name the path, never the key.
 */
async function arcKey(challenge: string[] | undefined, dir: string, origin: string): Promise<string> {
  const refuse = (why: string): never => {
    throw fail(`The Azure Arc endpoint ${origin} answered 401 with ${why}`);
  };
  if (!challenge || challenge.length === 0) refuse("no WWW-Authenticate challenge.");
  if (challenge!.length > 1) refuse("more than one WWW-Authenticate challenge.");
  const m = /^\s*Basic\s+realm=(.*)$/i.exec(challenge![0]!);
  if (!m) refuse("a WWW-Authenticate challenge that is not 'Basic realm=<key file>'.");
  let realm = m![1]!.trim();
  if (realm.length >= 2 && realm.startsWith('"') && realm.endsWith('"')) realm = realm.slice(1, -1);
  const shown = JSON.stringify(realm.length > 200 ? `${realm.slice(0, 200)}…` : realm);
  const windows = process.platform === "win32";
  const abs = windows ? win32.isAbsolute(realm) : isAbsolute(realm);
  if (realm === "" || realm.includes("\0") || !abs) refuse(`a key file path that is not absolute (${shown}); it was not read.`);
  const file = windows ? win32.resolve(realm) : resolvePath(realm);
  const parent = windows ? win32.dirname(file) : dirname(file);
  const tokenDir = windows ? win32.resolve(dir) : resolvePath(dir);
  const same = windows ? parent.toLowerCase() === tokenDir.toLowerCase() : parent === tokenDir;
  if (!same) refuse(`a key file outside the Azure Arc token directory ${tokenDir} (${shown}); it was not read.`);
  const name = windows ? win32.basename(file) : basename(file);
  if ((windows ? win32.extname(name).toLowerCase() : extname(name)) !== ".key") refuse(`a key file path that does not end in .key (${shown}); it was not read.`);
  let fh;
  try {
    // O_NOFOLLOW: a link in the token directory is not followed; O_NONBLOCK: a FIFO cannot hang the
    // open (neither flag exists on Windows).
    fh = await open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw fail(`Cannot open the Azure Arc key file ${shown} (${code === "ELOOP" ? "a symbolic link" : code}).`, e);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) refuse(`a key file that is not a regular file (${shown}); it was not read.`);
    if (st.size > ARC_KEY_MAX_BYTES) refuse(`a key file of ${st.size} bytes (more than ${ARC_KEY_MAX_BYTES}) (${shown}); it was not read.`);
    const buf = Buffer.alloc(ARC_KEY_MAX_BYTES + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead > ARC_KEY_MAX_BYTES) refuse(`a key file of more than ${ARC_KEY_MAX_BYTES} bytes (${shown}).`);
    const key = buf.subarray(0, bytesRead).toString("utf8").trim();
    // It goes into a header: visible ASCII only.
    if (key === "" || !/^[\x21-\x7e]+$/.test(key)) refuse(`a key file that is empty or not printable ASCII (${shown}).`);
    return key;
  } finally {
    await fh.close();
  }
}

/** One token request: the JSON object answered with a 2xx, or a policy error saying what went wrong. */
async function call(url: URL, method: string, headers: HeaderMap, body: Buffer | null, timeoutMs: number, what: string): Promise<Record<string, unknown>> {
  return parse(await send(url, method, headers, body, timeoutMs, what), url, what);
}

/** Sends a token request; a policy error when there is no answer. `secret` never appears in a message. */
async function send(url: URL, method: string, headers: HeaderMap, body: Buffer | null, timeoutMs: number, what: string, secret: string | null = null): Promise<ResponseMessage> {
  try {
    return await httpCall(url, method, headers, body, timeoutMs, agent, false, SOURCE);
  } catch (e) {
    const pe = e as PolicyError;
    if (pe.reason === "Timeout") throw fail(`${cap(what)} ${url.origin} did not answer within ${timeoutMs} ms.`, e);
    throw fail(scrub(`${cap(what)} ${url.origin} could not be reached: ${pe.message}`, secret), secret === null ? e : undefined);
  }
}

function scrub(message: string, secret: string | null): string {
  return secret === null ? message : message.split(secret).join("***");
}

/** The JSON object of a 2xx answer, or a policy error saying what went wrong. */
function parse(res: ResponseMessage, url: URL, what: string, secret: string | null = null): Record<string, unknown> {
  const text = res.Body ? res.Body.content().toString("utf8") : "";
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (res.StatusCode < 200 || res.StatusCode > 299) {
    // Entra and IMDS say why in { error, error_description }; nothing else of the body is repeated.
    const o = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
    const detail = [o.error, o.error_description].filter((x) => typeof x === "string").map((x) => String(x).slice(0, 300)).join(": ");
    throw fail(scrub(`${cap(what)} ${url.origin} answered ${res.StatusCode}${detail ? ` (${detail})` : ""}.`, secret));
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw fail(`${cap(what)} ${url.origin} did not answer a JSON object.`);
  return json as Record<string, unknown>;
}

function token(body: Record<string, unknown>, origin: string, expiresAt: number, now: number): Token {
  const value = body.access_token;
  // A bearer token goes into a header: visible ASCII only (JWTs are base64url and dots).
  if (typeof value !== "string" || !/^[\x21-\x7e]+$/.test(value)) throw fail(`The token endpoint ${origin} answered without a usable 'access_token'.`);
  const lifetime = expiresAt - now;
  if (!Number.isFinite(expiresAt) || lifetime <= 0) throw fail(`The token endpoint ${origin} answered a token that has already expired.`);
  return { value, expiresAt, refreshAt: expiresAt - Math.min(5 * 60_000, lifetime / 2) };
}

/** Epoch or duration seconds, as a JSON number or a string of digits; null when absent or not one. */
function seconds(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

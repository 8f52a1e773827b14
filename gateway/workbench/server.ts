// The workbench's HTTP surface under /_apimc/ on the gateway port: the page (index.html and its
// assets) and the JSON API the page uses (README, "Workbench"; the contract in
// /_apimc/api/*: config, policy, check, file, requests, send, events). Every answer of the API is
// JSON (`application/json`, `no-store`, `nosniff`): text from policies, headers and bodies only ever
// travels as JSON strings. Access is decided first (access.ts): from elsewhere than this machine
// without the trace key, every path here answers like a path that does not exist.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { request as undiciRequest } from "undici";
import type { HeaderMap } from "../../runtime/headers.js";
import type { Redaction, TraceRecord } from "../../runtime/trace.js";
import { COMPILER_VERSION, type Diagnostic } from "../../compiler/index.js";
import type { LoadedConfig } from "../config.js";
import type { RouteTable } from "../routes.js";
import { CSRF_HEADER, decideAccess } from "./access.js";
import { defaultAssetsDir, PAGE_SECURITY_HEADERS, readAsset, readIndex } from "./assets.js";
import { checkText, toWorkbench } from "./check.js";
import { effectivePolicy, findModule, relativePath } from "./effective.js";
import { FileRefused, policyFiles, resolvePolicyPath, saveFile } from "./files.js";
import { BodyCapture, headerPairs, RequestHistory, type Summary } from "./history.js";
import { WorkbenchEvents } from "./events.js";

export const WORKBENCH_PATH = "/_apimc/";
const API = "/_apimc/api/";
/** The header the workbench's own sends carry (a per-process token and a nonce); removed before the policies run. */
export const SEND_HEADER = "x-apimc-workbench-send";
/** Largest JSON body the API reads. */
const MAX_API_BODY = 2 * 1024 * 1024;
/** Headers a send does not pass on (the client sets its own framing). */
const NOT_SENT = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade", "te", "trailer", "proxy-connection", SEND_HEADER]);

export interface WorkbenchOptions {
  /** Trace every request (apimc dev), not only those with the trace header and key or sent from the workbench. */
  traceAll?: boolean;
  /** How many requests the history keeps (default 100). */
  history?: number;
  /** Where the page's files are (default: the package's dist/workbench). */
  assets?: string;
}

/** What the workbench needs of the gateway (kept narrow: the host owns the state). */
export interface WorkbenchHost {
  table(): RouteTable;
  /** The configuration now serving; null for a gateway of APIs given directly. */
  loaded(): LoadedConfig | null;
  /** Every file the last (re)load read. */
  files(): readonly string[];
  redaction(t: RouteTable): Redaction;
  address(): AddressInfo | null;
}

/** What the host tells the workbench about a traced request once its response is written (or streaming). */
export interface FinishedRequest {
  req: IncomingMessage;
  record: TraceRecord;
  requestBody: BodyCapture;
  responseBody: BodyCapture;
  status: number;
  responseHeaders: [string, string][];
  redaction: Redaction;
  /** The nonce of a workbench send ("" for other traced requests). */
  mark: string;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Workbench {
  readonly history: RequestHistory;
  readonly events = new WorkbenchEvents();
  readonly #token = randomBytes(18).toString("base64url");
  readonly #sent = new Map<string, string>();
  readonly #assets: string;
  constructor(
    readonly host: WorkbenchHost,
    readonly options: WorkbenchOptions = {},
  ) {
    this.history = new RequestHistory(options.history ?? 100);
    this.#assets = options.assets ?? defaultAssetsDir();
  }

  /**
   * Whether the workbench keeps this request (traced): "" when it does, the send's nonce for its own
   * sends (the header is removed), null when not. `keyed`: the request has the trace key.
   */
  mark(headers: HeaderMap, keyed: boolean): string | null {
    const sent = headers.get(SEND_HEADER);
    if (sent) {
      headers.delete(SEND_HEADER);
      const v = sent.values[0] ?? "";
      const dot = v.indexOf(".");
      if (dot !== -1 && v.slice(0, dot) === this.#token) return v.slice(dot + 1);
    }
    return keyed || this.options.traceAll ? "" : null;
  }

  /** A traced request is done (its response body may still be streaming into the capture). */
  finished(f: FinishedRequest): void {
    const r = f.record;
    const summary: Summary = { id: r.id, at: r.startedAt, method: r.method, url: f.req.url ?? "/", status: f.status, ms: r.elapsedMs, api: r.api, operation: r.operation };
    if (r.error) summary.error = `${r.error.Reason}: ${r.error.Message}`;
    this.history.add({
      summary,
      original: { method: f.req.method ?? "GET", url: f.req.url ?? "/", headers: headerPairs(f.req.rawHeaders).filter(([n]) => n.toLowerCase() !== SEND_HEADER), get body() { return f.requestBody.bytes(); } },
      requestBody: f.requestBody,
      responseBody: f.responseBody,
      responseHeaders: f.responseHeaders,
      status: f.status,
      trace: r,
      redaction: f.redaction,
      secrets: r.secrets ?? [],
    });
    if (f.mark) this.#sent.set(f.mark, r.id);
    const masked = this.history.summary(r.id);
    if (masked) this.events.send("request", masked);
  }

  /** A (re)load happened: told to the page. */
  reloaded(ok: boolean, diagnostics: readonly Diagnostic[], error?: Error): void {
    const loaded = this.host.loaded();
    const diags = loaded ? diagnostics.map((d) => toWorkbench(loaded, d, new Map())) : [];
    this.events.send("reload", { ok, diagnostics: diags, error: error?.message });
  }

  close(): void {
    this.events.close();
  }

  /** Answers a request under /_apimc/ (not the operations or traces paths, which the host answers). */
  serve(req: IncomingMessage, res: ServerResponse, rawUrl: string, headers: HeaderMap): void {
    const t = this.host.table();
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? "" : rawUrl.slice(q + 1));
    const key = (t.trace && headers.get(t.trace.header)?.values[0]) ?? query.get("key") ?? undefined;
    const access = decideAccess(
      { remoteAddress: req.socket.remoteAddress, method: req.method ?? "GET", host: headers.get("host")?.values[0] ?? "", key, csrf: headers.get(CSRF_HEADER)?.values[0] },
      t.trace?.key ?? null,
    );
    if (access === "not-found") {
      req.resume();
      return send(res, 404, "application/json; charset=utf-8", JSON.stringify({ statusCode: 404, message: "Resource not found" }));
    }
    if (access === "forbidden") {
      req.resume();
      return json(res, 403, { error: { code: "WB_CSRF", message: `A request that changes something needs the header ${CSRF_HEADER}: 1.` } });
    }
    this.route(req, res, path, query).catch((e: unknown) => {
      const err = e instanceof ApiError ? e : e instanceof FileRefused ? new ApiError(403, "WB_FILE_REFUSED", e.message) : new ApiError(500, "WB_INTERNAL", `The workbench failed: ${(e as Error)?.message ?? String(e)}`);
      if (!res.headersSent) json(res, err.status, { error: { code: err.code, message: err.message } });
      else res.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? "GET";
    if (!path.startsWith(API)) {
      req.resume();
      if (method !== "GET" && method !== "HEAD") throw new ApiError(405, "WB_METHOD", "The page is read with GET.");
      if (path === WORKBENCH_PATH || path === `${WORKBENCH_PATH}index.html`) {
        const page = readIndex(this.#assets);
        // Opened with ?key= (from another machine): the page's own asset URLs carry the key too.
        const key = query.get("key");
        const body = key ? Buffer.from(page.body.toString("utf8").replace(/(src|href)="(assets\/[^"?]+)"/g, (_m, attr: string, url: string) => `${attr}="${url}?key=${encodeURIComponent(key)}"`)) : page.body;
        return send(res, 200, page.type, body, PAGE_SECURITY_HEADERS, method === "HEAD");
      }
      if (path.startsWith(`${WORKBENCH_PATH}assets/`)) {
        const asset = readAsset(this.#assets, safeDecode(path.slice(`${WORKBENCH_PATH}assets/`.length)));
        if (asset) return send(res, 200, asset.type, asset.body, PAGE_SECURITY_HEADERS, method === "HEAD");
      }
      throw new ApiError(404, "WB_NOT_FOUND", "No such page.");
    }
    const name = path.slice(API.length);
    const expect = (m: string) => {
      if (method !== m) throw new ApiError(405, "WB_METHOD", `${path} answers ${m}.`);
    };
    if (name === "config") {
      expect("GET");
      req.resume();
      return json(res, 200, this.config());
    }
    if (name === "policy") {
      expect("GET");
      req.resume();
      return json(res, 200, this.policy(query));
    }
    if (name === "file" && method === "GET") {
      req.resume();
      const { loaded, file } = this.file(query.get("path"));
      return json(res, 200, { path: relativePath(loaded, file), text: readText(file) });
    }
    if (name === "check") {
      expect("POST");
      const body = await readJson(req);
      const { loaded, file } = this.file(body.path);
      return json(res, 200, { diagnostics: checkText(loaded, file, text(body.text)) });
    }
    if (name === "file") {
      expect("PUT");
      const body = await readJson(req);
      const { loaded, file } = this.file(body.path);
      const content = text(body.text);
      const diagnostics = checkText(loaded, file, content);
      saveFile(file, content);
      return json(res, 200, { saved: true, diagnostics });
    }
    if (name === "requests") {
      expect("GET");
      req.resume();
      return json(res, 200, { requests: this.history.summaries() });
    }
    if (name.startsWith("requests/")) {
      expect("GET");
      req.resume();
      const entry = this.history.json(safeDecode(name.slice("requests/".length)));
      if (entry === undefined) throw new ApiError(404, "WB_NO_REQUEST", "No such request in the history (it keeps the last ones only).");
      return send(res, 200, "application/json; charset=utf-8", entry, API_HEADERS);
    }
    if (name === "send") {
      expect("POST");
      return json(res, 200, await this.send(await readJson(req)));
    }
    if (name === "events") {
      expect("GET");
      req.resume();
      return this.events.open(res);
    }
    req.resume();
    throw new ApiError(404, "WB_NOT_FOUND", `No workbench API ${JSON.stringify(name)}.`);
  }

  private config() {
    const t = this.host.table();
    const loaded = this.host.loaded();
    const products = loaded?.config.products ?? [];
    const apis = loaded
      ? loaded.config.apis.map((a) => ({
          id: a.id,
          name: a.name ?? a.id,
          path: a.path,
          products: products.filter((p) => p.apis.includes(a.id) && p.policy).map((p) => p.id),
          operations: (a.operations?.length ? a.operations : [{ id: "*", method: "*", urlTemplate: "/*" }]).map((o) => ({ id: o.id, method: o.method, urlTemplate: o.urlTemplate })),
        }))
      : t.apis.map((a) => ({ id: a.id, name: a.name, path: a.prefix || "/", products: [], operations: a.operations.map((o) => ({ id: o.id, method: o.method, urlTemplate: o.urlTemplate })) }));
    const files = loaded ? [...policyFiles(this.host.files(), loaded.file)].map((f) => relativePath(loaded, f)).sort() : [];
    return { apis, traceHeader: t.trace?.header ?? "Apimc-Trace", version: COMPILER_VERSION, files, traceAll: !!this.options.traceAll };
  }

  private policy(query: URLSearchParams) {
    const loaded = this.requireLoaded();
    const api = query.get("api");
    if (!api) throw new ApiError(400, "WB_BAD_REQUEST", "api= is required (an API id of GET /_apimc/api/config).");
    const m = findModule(loaded, api, query.get("operation") ?? undefined, query.get("product") || null);
    if (!m) throw new ApiError(404, "WB_NO_POLICY", "No such API, operation or product in the running configuration.");
    const e = effectivePolicy(loaded, m);
    const texts = new Map(e.files.map((f) => [resolve(loaded.dir, f.path), f.text]));
    return { ...e, diagnostics: e.diagnostics.map((d) => toWorkbench(loaded, d, texts)) };
  }

  private requireLoaded(): LoadedConfig {
    const loaded = this.host.loaded();
    if (!loaded) throw new ApiError(404, "WB_NO_CONFIG", "This gateway was given its APIs directly: there are no policy files to show.");
    return loaded;
  }

  private file(path: unknown): { loaded: LoadedConfig; file: string } {
    const loaded = this.requireLoaded();
    return { loaded, file: resolvePolicyPath(loaded.dir, path, policyFiles(this.host.files(), loaded.file)) };
  }

  /** Sends a request to this gateway through a real HTTP client; the answer names its history entry. */
  private async send(body: Record<string, unknown>): Promise<{ id: string | null; status: number }> {
    let method: string;
    let target: string;
    let headers: [string, string][];
    let payload: Buffer | string | null;
    if (body.replay !== undefined) {
      const original = typeof body.replay === "string" ? this.history.original(body.replay) : undefined;
      if (!original) throw new ApiError(404, "WB_NO_REQUEST", "No such request in the history to send again.");
      ({ method, url: target, headers } = original);
      if (original.body === "truncated") throw new ApiError(400, "WB_BODY_TOO_LARGE", "The request's body was over 64 KiB: the history did not keep all of it to send again.");
      payload = original.body;
    } else {
      method = typeof body.method === "string" ? body.method : "GET";
      target = typeof body.path === "string" ? body.path : "";
      headers = Array.isArray(body.headers) ? body.headers.map((h) => (Array.isArray(h) && h.length === 2 ? [String(h[0]), String(h[1])] : ["", ""])) : [];
      payload = typeof body.body === "string" && body.body !== "" ? body.body : null;
    }
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(method)) throw new ApiError(400, "WB_BAD_REQUEST", "method is not an HTTP method token.");
    if (!target.startsWith("/") || target.startsWith("//") || /[\s\u0000-\u001f\u007f]/.test(target)) throw new ApiError(400, "WB_BAD_REQUEST", "path must be a path (and query) on this gateway, starting with one /.");
    if (target.startsWith(WORKBENCH_PATH)) throw new ApiError(400, "WB_BAD_REQUEST", "The workbench sends requests to the APIs, not to /_apimc/.");
    const sent: Record<string, string | string[]> = {};
    for (const [n, v] of headers) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n) || /[\r\n\u0000]/.test(v)) throw new ApiError(400, "WB_BAD_REQUEST", `Header ${JSON.stringify(n)} is not a valid header.`);
      const k = n.toLowerCase();
      if (NOT_SENT.has(k)) continue;
      const prev = sent[k];
      sent[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const nonce = randomBytes(12).toString("base64url");
    sent[SEND_HEADER] = `${this.#token}.${nonce}`;
    const addr = this.host.address();
    if (!addr) throw new ApiError(503, "WB_NOT_LISTENING", "The gateway is not listening.");
    const host = addr.address === "0.0.0.0" || addr.address === "" ? "127.0.0.1" : addr.address === "::" ? "[::1]" : addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
    let status: number;
    try {
      const r = await undiciRequest(`http://${host}:${addr.port}${target}`, { method, headers: sent, body: payload ?? undefined, headersTimeout: 120_000, bodyTimeout: 120_000 });
      status = r.statusCode;
      await r.body.dump({ limit: Number.MAX_SAFE_INTEGER });
    } catch (e) {
      throw new ApiError(502, "WB_SEND_FAILED", `The request could not be sent: ${(e as Error).message}`);
    }
    const id = this.#sent.get(nonce) ?? null;
    this.#sent.delete(nonce);
    return { id, status };
  }
}

const API_HEADERS: Record<string, string> = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = API_HEADERS, head = false): void {
  res.writeHead(status, { "content-type": type, "content-length": String(Buffer.byteLength(body)), ...extra });
  res.end(head ? undefined : body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value), API_HEADERS);
}

function text(v: unknown): string {
  if (typeof v !== "string") throw new ApiError(400, "WB_BAD_REQUEST", "text must be a string.");
  return v;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new ApiError(404, "WB_FILE_UNREADABLE", `The file cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_API_BODY) throw new ApiError(413, "WB_TOO_LARGE", `The request body is larger than ${MAX_API_BODY} bytes.`);
    chunks.push(c as Buffer);
  }
  let v: unknown;
  try {
    v = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (e) {
    throw new ApiError(400, "WB_BAD_JSON", `The body is not JSON: ${(e as Error).message}`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ApiError(400, "WB_BAD_JSON", "The body must be a JSON object.");
  return v as Record<string, unknown>;
}

// `apimc/gateway`: a node:http host that runs compiled policies in front of backends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { applyCaller, Context, RequestMessage, Url, type Caller } from "./context.js";
import { HeaderMap } from "./headers.js";
import { MessageBody } from "./body.js";
import { attachHost, defaultErrorResponse, runPipeline, type PolicyModule } from "./pipeline.js";
import { httpBackend } from "./backend.js";
import { ResponseMessage } from "./context.js";
import { loadPolicy } from "./testing.js";

export interface GatewayApi {
  /** Path prefix this API serves, e.g. "/orders" ("" or "/" for everything). */
  path: string;
  /** The backend's base URL (the API's service URL). */
  backend: string;
  /** A compiled module, or policy XML compiled in process. */
  policy: PolicyModule | string;
  name?: string;
  /** Who calls this API (until subscriptions are configured, every call is this caller). */
  caller?: Caller;
}

export interface GatewayOptions {
  apis: GatewayApi[];
  /** Named values for XML policies compiled in process. */
  namedValues?: Record<string, string>;
  /** Called once per request after the response is written. */
  log?: (line: string) => void;
  /** Largest request body read into memory, bytes (413 above). */
  maxBodyBytes?: number;
}

export interface Gateway {
  server: Server;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, waits for requests in flight and one-way sends, then resolves. */
  close(): Promise<void>;
}

interface LoadedApi {
  prefix: string;
  mod: PolicyModule;
  backend: ReturnType<typeof httpBackend>;
  name: string;
  caller?: Caller;
}

export function createGateway(opts: GatewayOptions): Gateway {
  const apis: LoadedApi[] = opts.apis
    .map((a) => {
      const prefix = a.path === "/" ? "" : a.path.replace(/\/$/, "");
      return {
        prefix,
        mod: typeof a.policy === "string" ? loadPolicy(a.policy, { namedValues: opts.namedValues, file: a.name ?? prefix }) : a.policy,
        backend: httpBackend(a.backend, prefix),
        name: a.name ?? (prefix || "root"),
        caller: a.caller,
      };
    })
    .sort((x, y) => y.prefix.length - x.prefix.length);
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const pending = new Set<Promise<unknown>>();

  const server = createServer((req, res) => {
    const p = handle(req, res).catch((e) => {
      // Last line of defence: every request gets a response.
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ statusCode: 500, message: "Internal server error" }));
      } else res.destroy(e as Error);
    });
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const host = req.headers.host ?? "localhost";
    const url = Url.parse(`http://${host}${req.url ?? "/"}`);
    const api = apis.find((a) => url.Path === a.prefix || url.Path.startsWith(a.prefix + "/") || a.prefix === "");
    const headers = new HeaderMap("request");
    const distinct = req.headersDistinct;
    for (const name of Object.keys(distinct)) headers.appendValues(name, distinct[name]!);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > maxBody) {
        res.writeHead(413, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ statusCode: 413, message: "Request body too large" }));
        return;
      }
      chunks.push(c as Buffer);
    }
    const body = chunks.length ? new MessageBody(Buffer.concat(chunks)) : null;
    const ctx = new Context(new RequestMessage(req.method ?? "GET", url, headers, body), { api: { Path: api?.prefix ?? "", Name: api?.name ?? "" } });
    ctx.Request.IpAddress = req.socket.remoteAddress ?? "";
    if (!api) {
      ctx.LastError = { Source: "configuration", Reason: "OperationNotFound", Message: "Unable to match incoming request to an operation.", Scope: "", Section: "inbound", Path: "", PolicyId: "" };
      ctx.Response = new ResponseMessage(404, "Not Found");
      defaultErrorResponse(ctx, 404);
    } else {
      applyCaller(ctx, api.caller);
      attachHost(ctx, api.backend);
      await runPipeline(api.mod, ctx);
      for (const s of ctx.$oneWay) {
        pending.add(s);
        s.finally(() => pending.delete(s));
      }
    }
    writeResponse(res, ctx.Response);
    opts.log?.(`${req.method} ${req.url} ${ctx.Response.StatusCode} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(2)}ms ${ctx.RequestId}`);
  }

  return {
    server,
    listen(port = 0, hostname = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, hostname, () => resolve(server.address() as AddressInfo));
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled([...pending]);
    },
  };
}

/** Writes an IResponse to the client with APIM's header joining rules. */
export function writeResponse(res: ServerResponse, r: ResponseMessage): void {
  const body = r.Body ? r.Body.content() : Buffer.alloc(0);
  const headers = r.Headers.toWire();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === "content-length") delete headers[k];
  res.writeHead(r.StatusCode, r.StatusReason || undefined, headers);
  res.end(body);
}

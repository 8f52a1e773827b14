// The operations surface: GET /_apimc/health (the process answers), /_apimc/ready (the
// configuration is loaded, the shared state is reachable when configured, not shutting down) and
// /_apimc/metrics (Prometheus text). On the gateway port, or on gateway.json's admin port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { METRICS_CONTENT_TYPE } from "./metrics.js";

export const HEALTH_PATH = "/_apimc/health";
export const READY_PATH = "/_apimc/ready";
export const METRICS_PATH = "/_apimc/metrics";

/** A readiness check: true when fine, else what is wrong (shown in /_apimc/ready's body). */
export type ReadyCheck = () => true | string;

export interface OpsSurface {
  /** Named checks; all must pass for ready. */
  checks: Map<string, ReadyCheck>;
  /** The metrics text (this process's, or the cluster's through the primary); null: metrics are off. */
  metrics: (() => Promise<string>) | null;
}

/** Whether `path` is one of the operations paths (the gateway port checks this before routing). */
export function isOpsPath(path: string): boolean {
  return path === HEALTH_PATH || path === READY_PATH || path === METRICS_PATH;
}

/** Answers an operations request (the path is one of isOpsPath's, or anything on the admin port). */
export function serveOps(req: IncomingMessage, res: ServerResponse, path: string, ops: OpsSurface): void {
  req.resume();
  const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": type, "content-length": String(Buffer.byteLength(body)), "cache-control": "no-store", ...extra });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  const json = (status: number, value: unknown, extra?: Record<string, string>) => send(status, "application/json; charset=utf-8", JSON.stringify(value), extra);
  if (!isOpsPath(path)) return json(404, { statusCode: 404, message: "Resource not found" });
  if (req.method !== "GET" && req.method !== "HEAD") return json(405, { statusCode: 405, message: "Method not allowed" }, { allow: "GET, HEAD" });
  if (path === HEALTH_PATH) return json(200, { status: "ok", pid: process.pid });
  if (path === READY_PATH) {
    const checks: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of ops.checks) {
      let r: true | string;
      try {
        r = check();
      } catch (e) {
        r = (e as Error).message;
      }
      checks[name] = r === true ? "ok" : r;
      if (r !== true) ready = false;
    }
    return json(ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
  }
  if (!ops.metrics) return json(404, { statusCode: 404, message: "Metrics are off (gateway.json \"metrics\": false)" });
  ops.metrics().then(
    (text) => send(200, METRICS_CONTENT_TYPE, text),
    (e: unknown) => json(503, { statusCode: 503, message: `Metrics are not available: ${(e as Error).message}` }),
  );
}

/** A server that answers only the operations paths (gateway.json `admin`). */
export function createAdminServer(ops: OpsSurface): Server {
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    serveOps(req, res, q === -1 ? url : url.slice(0, q), ops);
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

// Real HTTP servers on 127.0.0.1 for end-to-end tests; each test file starts and stops its own.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  port: number;
  server: Server;
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; rawHeaders: string[]; body: string }[];
  close(): Promise<void>;
}

export async function startServer(handler: (req: IncomingMessage & { body: string }, res: ServerResponse) => unknown): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, rawHeaders: req.rawHeaders, body });
    await handler(Object.assign(req, { body }), res);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A raw GET that returns every header line as sent (to see repeated lines vs comma-joined). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; rawHeaders: [string, string][]; body: string; elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    import("node:http").then(({ request }) => {
      const req = request(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
          resolve({ status: res.statusCode!, rawHeaders: pairs, body: Buffer.concat(chunks).toString("utf8"), elapsedMs: Date.now() - started });
        });
      });
      req.on("error", reject);
      req.end();
    }, reject);
  });
}

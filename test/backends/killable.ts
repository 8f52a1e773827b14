// A real backend on 127.0.0.1 that a test can kill (listener closed, connections destroyed) and
// revive on the same port, counting the requests it answered and answering what the test sets.
import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";

export interface KillableBackend {
  name: string;
  url: string;
  port: number;
  hits: number;
  /** What it answers: status, headers (default 200, `X-Backend: <name>`). */
  answer: { status: number; headers?: Record<string, string> };
  /** Requests' headers and URLs, last first. */
  seen: { url: string; headers: Record<string, string | string[] | undefined> }[];
  kill(): Promise<void>;
  revive(): Promise<void>;
  close(): Promise<void>;
}

export async function startKillable(name: string, tls?: { cert: string | Buffer; key: string | Buffer; requestCert?: boolean; ca?: string | Buffer }): Promise<KillableBackend> {
  const sockets = new Set<Socket>();
  const b: KillableBackend = {
    name,
    url: "",
    port: 0,
    hits: 0,
    answer: { status: 200 },
    seen: [],
    kill: async () => {},
    revive: async () => {},
    close: async () => {},
  };
  const make = (): Server => {
    const handler = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
      req.resume();
      req.on("end", () => {
        b.hits++;
        b.seen.unshift({ url: req.url ?? "", headers: req.headers });
        if (b.seen.length > 50) b.seen.length = 50;
        const peer = (req.socket as import("node:tls").TLSSocket).getPeerCertificate?.();
        res.writeHead(b.answer.status, { "x-backend": name, "content-type": "text/plain", ...(peer && peer.subject ? { "x-client-cn": String(peer.subject.CN) } : {}), ...b.answer.headers });
        res.end(name);
      });
    };
    const s = tls ? createHttpsServer({ cert: tls.cert, key: tls.key, requestCert: tls.requestCert ?? false, rejectUnauthorized: false, ca: tls.ca }, handler) : createServer(handler);
    s.on("connection", (c: Socket) => {
      sockets.add(c);
      c.on("close", () => sockets.delete(c));
    });
    s.keepAliveTimeout = 60_000;
    return s;
  };
  let server: Server | null = make();
  const listen = (s: Server, port: number) =>
    new Promise<void>((resolve, reject) => {
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        s.off("error", reject);
        resolve();
      });
    });
  await listen(server, 0);
  b.port = (server.address() as AddressInfo).port;
  b.url = `${tls ? "https" : "http"}://127.0.0.1:${b.port}`;
  b.kill = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      for (const c of sockets) c.destroy();
      s.close(() => resolve());
    });
  b.revive = async () => {
    if (server) return;
    server = make();
    // The port was ours a moment ago; if the system is slow to release it, try again briefly.
    for (let i = 0; ; i++) {
      try {
        await listen(server, b.port);
        return;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  b.close = b.kill;
  return b;
}

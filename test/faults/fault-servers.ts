// Misbehaving HTTP servers on 127.0.0.1, written on raw sockets so they can do what node:http won't:
// accept and never answer, answer slowly, reset mid-body, send garbage, send a huge body.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export type Fault =
  | { kind: "ok"; body?: string; contentType?: string }
  | { kind: "silent" }
  | { kind: "slow"; ms: number; body?: string }
  | { kind: "reset" }
  | { kind: "malformed" }
  | { kind: "huge"; bytes: number }
  | { kind: "badjson" }
  | { kind: "dribble"; chunkMs: number; chunks: number };

export interface FaultServer {
  url: string;
  port: number;
  /** Connections currently open on the server side. */
  open(): number;
  /** Requests whose head was received. */
  requests: number;
  close(): Promise<void>;
}

export function response(status: number, body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const b = typeof body === "string" ? Buffer.from(body) : body;
  const head = [`HTTP/1.1 ${status} ${status === 200 ? "OK" : "X"}`, `Content-Length: ${b.length}`, "Connection: close", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(head.join("\r\n") + "\r\n\r\n"), b]);
}

export async function faultServer(fault: Fault): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      f();
    }, ms);
    timers.add(t);
  };
  const state = { requests: 0 };
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    let head = "";
    let answered = false;
    s.on("data", (chunk) => {
      if (answered) return;
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      answered = true;
      state.requests++;
      answer(s);
    });
  });
  const answer = (s: Socket) => {
    switch (fault.kind) {
      case "ok":
        s.end(response(200, fault.body ?? '{"ok":true}', { "Content-Type": fault.contentType ?? "application/json" }));
        return;
      case "silent":
        return;
      case "slow":
        later(fault.ms, () => s.end(response(200, fault.body ?? "slow")));
        return;
      case "reset":
        s.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(1000));
        later(20, () => s.resetAndDestroy());
        return;
      case "malformed":
        s.end("HTTP/1.1 2OO NOT A STATUS\r\nthis is not a header line\r\n\r\n<html>");
        return;
      case "huge": {
        s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${fault.bytes}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let left = fault.bytes;
        const pump = () => {
          while (left > 0) {
            const n = Math.min(left, chunk.length);
            left -= n;
            if (!s.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
              s.once("drain", pump);
              return;
            }
          }
          s.end();
        };
        pump();
        return;
      }
      case "badjson":
        s.end(response(200, '{"a": 1, "b": [unterminated', { "Content-Type": "application/json" }));
        return;
      case "dribble": {
        s.write(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`);
        let n = 0;
        const tick = () => {
          if (s.destroyed) return;
          if (n++ >= fault.chunks) {
            s.end("0\r\n\r\n");
            return;
          }
          s.write("1\r\nx\r\n");
          later(fault.chunkMs, tick);
        };
        tick();
        return;
      }
    }
  };
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    open: () => sockets.size,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Active handles by type (sockets, servers, timers), for leak checks. */
export function handleCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of process.getActiveResourcesInfo()) out[t] = (out[t] ?? 0) + 1;
  return out;
}

/** stdio pipes and file system requests the test runner opens on its own. */
const IGNORED = new Set(["FSReqCallback", "PipeWrap", "TTYWrap", "FSReqPromise"]);

/** Waits (up to `ms`) until no handle type has more instances than in `before`; returns the excess left. */
export async function settleTo(before: Record<string, number>, ms = 3000): Promise<Record<string, number>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = handleCounts();
    const excess: Record<string, number> = {};
    for (const [k, v] of Object.entries(now)) if (v > (before[k] ?? 0) && !IGNORED.has(k)) excess[k] = v - (before[k] ?? 0);
    if (Object.keys(excess).length === 0 || Date.now() > deadline) return excess;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A real redis-server for tests: on a free 127.0.0.1 port, in its own temporary directory, without
// snapshots unless asked (`appendonly`: every write to an AOF, so a restart keeps the data). `stop()`
// and `start()` again (same port, same directory) simulate an outage; `close()` removes it all.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REDIS_SERVER = "/usr/bin/redis-server";

export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  running: boolean;
  start(): Promise<void>;
  /** SIGKILL when `hard` (no save, connections dropped at once), else SIGTERM. */
  stop(hard?: boolean): Promise<void>;
  /** One command over a plain socket (inline protocol), for checks: returns the raw reply. */
  command(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(opts: { appendonly?: boolean } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "apimc-redis-"));
  let proc: ChildProcess | null = null;
  let port = 0;
  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--daemonize", "no", "--loglevel", "notice"];
      if (opts.appendonly) args.push("--appendonly", "yes", "--appendfsync", "always");
      const p = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
      proc = p;
      let out = "";
      const onData = (d: Buffer) => {
        out += d.toString();
        if (out.includes("Ready to accept connections")) {
          p.stdout!.off("data", onData);
          p.stdout!.resume();
          resolve();
        }
      };
      p.stdout!.on("data", onData);
      p.stderr!.resume();
      p.once("exit", (code) => {
        if (proc === p) proc = null;
        reject(new Error(`redis-server exited (${code}) before it was ready: ${out.slice(-500)}`));
      });
    });
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (e) {
      if (attempt >= 4) throw e; // the port was taken between the check and the start: try another
    }
  }
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    dir,
    get running() {
      return proc !== null;
    },
    start: () => launch(),
    stop(hard = true) {
      const p = proc;
      if (!p) return Promise.resolve();
      return new Promise((resolve) => {
        p.once("exit", () => resolve());
        p.kill(hard ? "SIGKILL" : "SIGTERM");
      });
    },
    command(...args) {
      return new Promise((resolve, reject) => {
        const c = createConnection(port, "127.0.0.1");
        let data = "";
        c.on("data", (d) => {
          data += d.toString();
          if (data.endsWith("\r\n")) {
            c.end();
            resolve(data);
          }
        });
        c.on("error", reject);
        c.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`);
      });
    },
    async close() {
      await server.stop(true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

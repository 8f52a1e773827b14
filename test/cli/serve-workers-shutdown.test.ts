// Graceful shutdown of `apimc serve --workers 2` (dist/cli.js, a real primary and two workers),
// repeated: with idle keep-alive connections open, slow requests in flight (keep-alive and
// one-shot) and streamed responses half sent, SIGTERM must let every request finish with its whole
// body and the gateway exit 0 well within the 30 s grace period.
// A worker's process.exit can take seconds after its last request (it waits for V8's background
// compile jobs; measured 2-7 s at load 6, up to the 30 s kill at load 20). The workers here get a
// preloaded 'exit' listener that blocks 20 s, so a primary that waits for the worker's own exit
// fails this test on any machine; one that ends a worker which said it finished passes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, Client, request } from "undici";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const ROUNDS = 3;
/** The primary's grace period is 30 s; "promptly" is well inside it, with room for a loaded machine. */
const PROMPT_MS = 8_000;

describe("apimc serve --workers 2: SIGTERM with keep-alive clients and requests in flight", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-workers-shutdown-"));
  let backend: TestServer;
  const held: (() => void)[] = [];

  beforeAll(async () => {
    backend = await startServer(async (req, res) => {
      if (req.url?.startsWith("/slow")) {
        await new Promise<void>((r) => held.push(r));
        res.end(`slow ${req.url}`);
      } else if (req.url?.startsWith("/stream")) {
        // Headers and half the body now (the gateway starts its response), the rest when released.
        res.writeHead(200, { "content-type": "text/plain" });
        res.write(`first half of ${req.url};`);
        await new Promise<void>((r) => held.push(r));
        res.end(`second half`);
      } else res.end("quick");
    });
    writeFileSync(join(dir, "forward.xml"), `<policies><inbound /><backend><forward-request timeout="60" /></backend><outbound /></policies>`);
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({ apis: [{ id: "shop", path: "/shop", serviceUrl: backend.url, operations: [{ id: "any", method: "GET", urlTemplate: "/*", policy: "forward.xml" }] }] }),
    );
    // In the workers only: process.exit blocks for 20 s in an 'exit' listener (see the top).
    writeFileSync(
      join(dir, "slow-exit.mjs"),
      `import cluster from "node:cluster";\nif (cluster.isWorker) process.on("exit", () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20000));\n`,
    );
  });
  afterAll(async () => {
    for (const r of held) r();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`finishes every request and exits 0 promptly, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      held.length = 0;
      const child = spawn(process.execPath, [CLI, "serve", "--config", join(dir, "gateway.json"), "--port", "0", "--workers", "2", "--no-watch"], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, NODE_OPTIONS: `--import ${join(dir, "slow-exit.mjs")}` },
      });
      let err = "";
      child.stderr!.on("data", (d) => (err += d));
      const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      await until("listening", () => /listening on http:\/\/\S+ \(2 workers\)/.test(err), 30_000);
      const url = /listening on (http:\/\/\S+)/.exec(err)![1]!;
      // Keep-alive connections that stay open and idle (the pool keeps them far longer than the test).
      const keepAlive = new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000, connections: 8 });
      const quick = await Promise.all(Array.from({ length: 6 }, () => request(`${url}/shop/quick`, { dispatcher: keepAlive }).then((r) => r.body.text())));
      expect(quick).toEqual(Array(6).fill("quick"));
      const inFlight = [
        ...Array.from({ length: 4 }, (_, i) => ({ path: `/slow?i=${i}`, reset: i % 2 === 0, expected: `slow /slow?i=${i}` })),
        ...Array.from({ length: 2 }, (_, i) => ({ path: `/stream?i=${i}`, reset: false, expected: `first half of /stream?i=${i};second half` })),
      ].map(({ path, reset, expected }) => {
        // A streamed response goes over a connection of its own, to see when the gateway closes it.
        const client = path.startsWith("/stream") ? new Client(url, { keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000 }) : null;
        const closedAt = client ? new Promise<number>((r) => client.once("disconnect", () => r(performance.now()))) : null;
        return {
          expected,
          client,
          closedAt,
          answer: request(`${url}/shop${path}`, { dispatcher: client ?? keepAlive, reset }).then(
            async (r) => ({ status: r.statusCode, body: await r.body.text(), endedAt: performance.now() }),
            (e: Error) => ({ status: 0, body: e.message, endedAt: performance.now() }),
          ),
        };
      });
      await until("every request reached the backend", () => held.length === inFlight.length, 20_000);
      const t0 = performance.now();
      child.kill("SIGTERM");
      await until("the workers were told", () => err.includes("shutting down 2 workers"), 10_000);
      await new Promise((r) => setTimeout(r, 100));
      for (const r of held) r();
      for (const f of inFlight) {
        const { status, body, endedAt } = await f.answer;
        expect({ status, body }, `round ${round}`).toEqual({ status: 200, body: f.expected });
        // Its response began before the shutdown (keep-alive); once it ends, the idle connection is
        // closed at once, not after the keep-alive timeout (5 s) that would hold the exit up.
        if (f.closedAt) expect((await f.closedAt) - endedAt, `round ${round}: the streamed response's connection stayed open`).toBeLessThan(2_000);
      }
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 25_000))]);
      const ms = performance.now() - t0;
      if (code === "still running") child.kill("SIGKILL");
      await keepAlive.close();
      for (const f of inFlight) await f.client?.close();
      expect(code, `round ${round}:\n${err}`).toBe(0);
      expect(ms, `round ${round}: ${Math.round(ms)} ms from SIGTERM to exit:\n${err}`).toBeLessThan(PROMPT_MS);
      expect(err).not.toMatch(/did not finish within/);
    }
  }, 150_000);
});

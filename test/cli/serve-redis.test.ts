// `apimc serve --redis URL` (the built CLI, dist/cli.js): two real gateway processes sharing one
// real redis-server. A rate-limit-by-key of 20 lets exactly 20 of 60 concurrent calls through
// across both; each process writes one line when Redis goes away and one when it is back (none per
// request), answering every request meanwhile (failMode open); a bad URL is a usage error that
// never prints the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type TestServer } from "../helpers/servers.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

interface Served {
  url: string;
  err: () => string;
  stop: () => Promise<number | null>;
}

function serve(args: string[], workers = 1): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "serve", "--workers", String(workers), ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) resolve({ url: m[1]!, err: () => err, stop: () => new Promise((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM"))) });
    });
    child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
  });
}

const until = async (f: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !f() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 25));
};

describe("apimc serve --redis", () => {
  let backend: TestServer;
  let redis: RedisServer;
  const dir = mkdtempSync(join(tmpdir(), "apimc-cli-redis-"));
  const config = join(dir, "gateway.json");
  beforeAll(async () => {
    redis = await startRedis();
    backend = await startServer((_req, res) => res.end("ok"));
    writeFileSync(join(dir, "api.xml"), `<policies><inbound><base /><rate-limit-by-key calls="20" renewal-period="60" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;,&quot;&quot;))" /></inbound></policies>`);
    // A generous timeout (the machine running the tests may be loaded); --redis replaces the URL only.
    writeFileSync(config, JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: backend.url, policy: "api.xml" }], state: { redis: "redis://127.0.0.1:1/0", timeoutMs: 10_000 } }));
  });
  afterAll(async () => {
    await backend?.close();
    await redis?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a one-process gateway and a two-worker gateway share the limit exactly; one line per Redis outage and recovery per gateway; every request answered", async () => {
    const gws = await Promise.all([1, 2].map((workers) => serve(["--config", config, "--port", "0", "--no-watch", "--redis", redis.url], workers)));
    try {
      for (const g of gws) expect(g.err()).toContain(`apimc: shared state redis://127.0.0.1:${redis.port}/0 connected (failMode open)`);
      const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => fetch(`${gws[i % 2]!.url}/a/x`, { headers: { "X-Key": "cli" } }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40);

      await redis.stop();
      // Redis down: answered (fail open), many requests, one line per process
      const down = await Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`${gws[i % 2]!.url}/a/x`, { headers: { "X-Key": "down" } }).then((r) => r.status)));
      expect(new Set(down)).toEqual(new Set([200]));
      await until(() => gws.every((g) => g.err().includes("is not reachable")));
      await redis.start();
      await until(() => gws.every((g) => g.err().includes("is reachable again")));
      for (const g of gws) {
        const lines = g.err().split("\n");
        expect(lines.filter((l) => l.includes("is not reachable"))).toHaveLength(1);
        expect(lines.filter((l) => l.includes("is not reachable"))[0]).toMatch(/limits are not enforced and the external cache misses until it is back \(failMode open\)$/);
        expect(lines.filter((l) => l.includes("is reachable again"))).toHaveLength(1);
      }
      const after = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(`${gws[i % 2]!.url}/a/x`, { headers: { "X-Key": "after" } }).then((r) => r.status)));
      expect(after).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      for (const g of gws) expect(await g.stop()).toBe(0);
    }
  }, 90_000);

  it("a URL that is not redis:// is a usage error; the password is not printed", () => {
    for (const [url, msg] of [
      ["http://h:1", "--redis must be a redis:// or rediss:// URL, not http://"],
      ["redis://user:pw-9f8e7d@h:1/name", "--redis the path is the database number"],
    ] as const) {
      const r = spawnSync(process.execPath, [CLI, "serve", "--workers", "1", "--config", config, "--redis", url], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).not.toContain("pw-9f8e7d");
    }
  }, 60_000);
});

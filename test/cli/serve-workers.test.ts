// `apimc serve --workers 2` (dist/cli.js, a real primary process and two workers): health and ready
// from both workers, metrics summed across them (parsed, asserted after known traffic, the same
// from whichever worker answers the scrape), emit-metric values, hot reload of a policy saved the
// way editors save (temp file + rename) reaching every worker, a killed worker replaced (and
// serving the current configuration), graceful shutdown finishing a slow request in flight, and
// the refusal of --workers 2 for policies that keep state in memory.
// Every request below opens its own connection (reset: true), so the primary hands connections to
// the workers in turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { startServer, type TestServer } from "../helpers/servers.js";
import { parsePrometheus, sampleValue } from "../helpers/prometheus.js";
import { until } from "../helpers/until.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function serve(config: string, extra: string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "serve", "--config", config, "--port", "0", ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) resolve({ child, url: m[1]!, stderr: () => err, exited });
    });
    exited.then((c) => reject(new Error(`apimc serve exited with ${c}:\n${err}`)));
  });
}

/** A request on a connection of its own. */
async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const r = await request(url, { reset: true, headers });
  return { status: r.statusCode, body: await r.body.text(), headers: r.headers };
}

const pidsOf = async (url: string, n: number) => {
  const pids = new Set<number>();
  for (let i = 0; i < n; i++) pids.add(JSON.parse((await get(`${url}/_apimc/health`)).body).pid);
  return pids;
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const hello = (v: string) => `<policies><inbound><return-response><set-status code="200" /><set-body>${v}</set-body></return-response></inbound><backend /><outbound /></policies>`;

describe("apimc serve --workers 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-workers-"));
  let backend: TestServer;
  let gw: Served;
  let release: (() => void) | null = null;
  let slowArrived = 0;

  beforeAll(async () => {
    backend = await startServer(async (req, res) => {
      if (req.url?.startsWith("/slow")) {
        slowArrived++;
        await new Promise<void>((r) => (release = r));
      }
      res.end(`backend ${req.url}`);
    });
    writeFileSync(join(dir, "hello.xml"), hello("v1"));
    writeFileSync(join(dir, "slow.xml"), `<policies><inbound /><backend><forward-request timeout="60" /></backend><outbound /></policies>`);
    writeFileSync(
      join(dir, "metric.xml"),
      `<policies><inbound><emit-metric name="Greetings" value="1.5" namespace="test"><dimension name="Operation ID" /></emit-metric><return-response><set-status code="200" /></return-response></inbound><backend /><outbound /></policies>`,
    );
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        apis: [
          {
            id: "shop",
            path: "/shop",
            serviceUrl: backend.url,
            operations: [
              { id: "hello", method: "GET", urlTemplate: "/hello", policy: "hello.xml" },
              { id: "slow", method: "GET", urlTemplate: "/slow", policy: "slow.xml" },
              { id: "metric", method: "GET", urlTemplate: "/metric", policy: "metric.xml" },
            ],
          },
        ],
      }),
    );
    gw = await serve(join(dir, "gateway.json"), ["--workers", "2"]);
  }, 60_000);
  afterAll(async () => {
    release?.();
    if (gw && gw.child.exitCode === null) {
      gw.child.kill("SIGKILL");
      await gw.exited;
    }
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says it runs 2 workers; health and ready answer from both, neither is the primary", async () => {
    expect(gw.stderr()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(2 workers\)/);
    const pids = await pidsOf(gw.url, 8);
    expect(pids.size).toBe(2);
    expect(pids.has(gw.child.pid!)).toBe(false);
    for (let i = 0; i < 4; i++) {
      const r = await get(`${gw.url}/_apimc/ready`);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ status: "ready", checks: { configuration: "ok" } });
    }
  }, 30_000);

  it("sums the metrics of both workers, whichever worker answers the scrape", async () => {
    for (let i = 0; i < 20; i++) expect((await get(`${gw.url}/shop/hello`)).body).toBe("v1");
    for (let i = 0; i < 4; i++) expect((await get(`${gw.url}/shop/metric`)).status).toBe(200);
    // Four scrapes on four connections: both workers answer, every one gives the cluster's totals.
    for (let i = 0; i < 4; i++) {
      const r = await get(`${gw.url}/_apimc/metrics`);
      expect(r.status).toBe(200);
      const m = parsePrometheus(r.body);
      expect(sampleValue(m, "apimc_requests_total", { api: "shop", operation: "hello", status: "200", cache: "none" })).toBe(20);
      expect(sampleValue(m, "apimc_gateway_duration_seconds_count", { api: "shop", operation: "hello" })).toBe(20);
      expect(sampleValue(m, "apimc_custom_Greetings_sum", { namespace: "test", Operation_ID: "metric" })).toBe(6);
      expect(sampleValue(m, "apimc_custom_Greetings_count", { namespace: "test", Operation_ID: "metric" })).toBe(4);
    }
  }, 30_000);

  it("a policy saved as editors do (temp file + rename) reaches both workers", async () => {
    const tmp = join(dir, ".hello.xml.swp");
    writeFileSync(tmp, hello("v2"));
    renameSync(tmp, join(dir, "hello.xml"));
    await until("both workers reloaded", () => gw.stderr().includes("all 2 workers serve the changed configuration"), 30_000);
    const bodies = new Set<string>();
    for (let i = 0; i < 12; i++) bodies.add((await get(`${gw.url}/shop/hello`)).body);
    expect([...bodies]).toEqual(["v2"]);
    // Printed once by the primary (first build, this one), not once per worker.
    expect(gw.stderr().split("configuration compiled").length - 1).toBe(2);
  }, 40_000);

  it("a change that adds a policy keeping state in memory is refused; the workers keep the last good version", async () => {
    const save = (text: string) => {
      const tmp = join(dir, ".hello.xml.tmp");
      writeFileSync(tmp, text);
      renameSync(tmp, join(dir, "hello.xml"));
    };
    save(`<policies><inbound><rate-limit-by-key calls="5" renewal-period="60" counter-key="k" /><return-response><set-status code="200" /><set-body>v3</set-body></return-response></inbound><backend /><outbound /></policies>`);
    await until("the refusal", () => gw.stderr().includes("the changed configuration cannot be used: --workers 2"), 30_000);
    expect(gw.stderr()).toContain("still serving the last good version");
    for (let i = 0; i < 6; i++) expect((await get(`${gw.url}/shop/hello`)).body).toBe("v2");
    // Back to a good one: the workers follow again.
    const rounds = gw.stderr().split("all 2 workers serve the changed configuration").length;
    save(hello("v2"));
    await until("both workers reloaded again", () => gw.stderr().split("all 2 workers serve the changed configuration").length > rounds, 30_000);
  }, 60_000);

  it("a killed worker is replaced, logged, and the new one serves the current configuration", async () => {
    const before = await pidsOf(gw.url, 6);
    const victim = [...before][0]!;
    process.kill(victim, "SIGKILL");
    await until("the primary starts another worker", () => /worker \d \(pid \d+\) exited \(signal SIGKILL\) after [\d.]+ s; starting another in \d+ ms/.test(gw.stderr()), 20_000);
    let pids = new Set<number>();
    await until(
      "two workers again, without the killed one",
      async () => {
        pids = await pidsOf(gw.url, 6);
        return pids.size === 2 && !pids.has(victim);
      },
      40_000,
    );
    expect(alive(victim)).toBe(false);
    const bodies = new Set<string>();
    for (let i = 0; i < 8; i++) bodies.add((await get(`${gw.url}/shop/hello`)).body);
    expect([...bodies]).toEqual(["v2"]);
  }, 70_000);

  it("SIGTERM: the workers stop accepting, finish the slow request in flight, and everything exits 0", async () => {
    const workers = await pidsOf(gw.url, 6);
    const slow = get(`${gw.url}/shop/slow`);
    await until("the slow request reached the backend", () => slowArrived === 1, 10_000);
    gw.child.kill("SIGTERM");
    await until("shutting down", () => gw.stderr().includes("shutting down 2 workers"), 10_000);
    // New connections are refused while the one in flight is finishing.
    await until(
      "the port closed",
      async () => {
        try {
          await get(`${gw.url}/_apimc/health`);
          return false;
        } catch {
          return true;
        }
      },
      10_000,
    );
    expect(gw.child.exitCode).toBeNull();
    release!();
    const r = await slow;
    expect(r).toMatchObject({ status: 200, body: "backend /slow" });
    expect(await gw.exited).toBe(0);
    for (const pid of workers) await until(`worker ${pid} gone`, () => !alive(pid), 5_000);
  }, 40_000);
});

describe("apimc serve --workers without a shared store", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-workers-refuse-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const policies: [string, string][] = [
    ["rate-limit-by-key", `<rate-limit-by-key calls="5" renewal-period="60" counter-key="k" />`],
    ["quota", `<quota calls="5" renewal-period="60" />`],
    ["limit-concurrency", `<limit-concurrency key="k" max-count="1"><set-variable name="x" value="1" /></limit-concurrency>`],
    ["cache-lookup-value", `<cache-lookup-value key="k" variable-name="v" />`],
  ];
  for (const [policy, xml] of policies)
    it(`refuses --workers 2 for ${policy}: exit 1, says why and what to do`, async () => {
      writeFileSync(join(dir, `${policy}.xml`), `<policies><inbound>\n${xml}\n</inbound><backend /><outbound /></policies>`);
      writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", policy: `${policy}.xml` }] }));
      const child = spawn(process.execPath, [CLI, "serve", "--config", join(dir, "gateway.json"), "--port", "0", "--workers", "2"], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      expect(code, err).toBe(1);
      expect(err).toContain("--workers 2");
      expect(err).toContain(`${policy} (${policy}.xml:2)`);
      expect(err).toMatch(/limits would count per worker, caches would miss/);
      expect(err).toContain('"state": { "redis"');
      expect(err).toContain("--workers 1");
      expect(err).not.toContain("listening");
      expect(err).not.toMatch(/\n\s+at /);
    }, 30_000);

  it("without --workers such a configuration runs one process and says why", async () => {
    writeFileSync(join(dir, "q.xml"), `<policies><inbound><quota calls="5" renewal-period="60" /><return-response><set-status code="204" /></return-response></inbound><backend /><outbound /></policies>`);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", policy: "q.xml" }] }));
    const gw = await serve(join(dir, "gateway.json"), []);
    try {
      // One per core is the default: on a machine with one core there was nothing to refuse.
      if (availableParallelism() > 1) expect(gw.stderr()).toContain("serving with one process, not one per core: quota keep state in memory");
      expect(gw.stderr()).not.toContain("workers)");
      const pids = await pidsOf(gw.url, 3);
      expect([...pids]).toEqual([gw.child.pid]);
    } finally {
      gw.child.kill("SIGTERM");
      expect(await gw.exited).toBe(0);
    }
  }, 30_000);
});

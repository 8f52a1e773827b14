// `apimc serve --workers 2` (dist/cli.js): the primary compiles the configuration once and the
// workers load its compiled modules. Each compile writes a line under APIMC_DEBUG_COMPILES=1 with
// the compiling process's pid, so the test counts who compiled: at start, after a policy saved the
// way editors save (temp file + rename), after a change that does not compile (every worker keeps
// the last good modules), after the fix, and when a killed worker is replaced. A synthetic GraphQL
// API's resolver module travels the same way. Requests open their own connections (reset: true),
// so both workers answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

const hello = (v: string) => `<policies><inbound><return-response><set-status code="200" /><set-body>${v}</set-body></return-response></inbound><backend /><outbound /></policies>`;

async function get(url: string): Promise<{ status: number; body: string }> {
  const r = await request(url, { reset: true });
  return { status: r.statusCode, body: await r.body.text() };
}

describe("apimc serve --workers 2 compiles once, in the primary", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-workers-build-"));
  let backend: TestServer;
  let child: ChildProcess;
  let err = "";
  let url = "";
  const compiles = () => [...err.matchAll(/apimc compile \(pid (\d+)\): (\d+) modules/g)].map((m) => Number(m[1]));
  /**
   * The workers seen (pids from /_apimc/health) and every answer to `path`, each over a run of
   * one-shot connections (the primary hands them to the workers in turn, so both answer each run).
   */
  async function answers(path: string): Promise<{ pids: Set<number>; bodies: Set<string> }> {
    const pids = new Set<number>();
    const bodies = new Set<string>();
    for (let i = 0; i < 40 && (pids.size < 2 || i < 6); i++) pids.add(JSON.parse((await get(`${url}/_apimc/health`)).body).pid as number);
    for (let i = 0; i < 10; i++) bodies.add((await get(`${url}${path}`)).body);
    return { pids, bodies };
  }
  /** Saves `name` the way editors do: a temp file, then renamed over the old one. */
  const save = (name: string, text: string) => {
    const tmp = join(dir, `.${name}.swp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(dir, name));
  };

  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(JSON.stringify(`from ${req.url}`)));
    writeFileSync(join(dir, "hello.xml"), hello("v1"));
    writeFileSync(join(dir, "schema.graphql"), "type Query { greeting: String }\n");
    writeFileSync(join(dir, "greeting.xml"), `<http-data-source><http-request><set-method>GET</set-method><set-url>${backend.url}/greeting</set-url></http-request></http-data-source>`);
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        apis: [
          { id: "shop", path: "/shop", serviceUrl: backend.url, operations: [{ id: "hello", method: "GET", urlTemplate: "/hello", policy: "hello.xml" }] },
          { id: "gql", path: "/gql", serviceUrl: "http://unused.invalid", graphql: { schema: "schema.graphql", resolvers: [{ type: "Query", field: "greeting", policy: "greeting.xml" }] } },
        ],
      }),
    );
    child = spawn(process.execPath, [CLI, "serve", "--config", join(dir, "gateway.json"), "--port", "0", "--workers", "2"], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, APIMC_DEBUG_COMPILES: "1" },
    });
    child.stderr!.on("data", (d) => (err += d));
    await until("listening with 2 workers", () => /listening on http:\/\/\S+ \(2 workers\)/.test(err), 60_000);
    url = /listening on (http:\/\/\S+)/.exec(err)![1]!;
  }, 70_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("at start: one compile, in the primary; both workers serve its modules (the GraphQL resolver too)", async () => {
    expect(compiles()).toEqual([child.pid]);
    const seen = await answers("/shop/hello");
    expect(seen.pids.size).toBe(2);
    expect(seen.bodies).toEqual(new Set(["v1"]));
    const gql = await request(`${url}/gql`, { method: "POST", reset: true, headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ greeting }" }) });
    expect(await gql.body.json()).toEqual({ data: { greeting: "from /greeting" } });
  });

  it("a policy saved as editors do reaches both workers, compiled once", async () => {
    save("hello.xml", hello("v2"));
    await until("both workers reloaded", () => err.includes("all 2 workers serve the changed configuration"), 30_000);
    expect(compiles()).toEqual([child.pid, child.pid]);
    const seen = await answers("/shop/hello");
    expect(seen.pids.size).toBe(2);
    expect(seen.bodies).toEqual(new Set(["v2"]));
  }, 60_000);

  it("a change that does not compile: said once, no worker is told, every worker keeps the last good modules", async () => {
    const rounds = err.split("all 2 workers serve the changed configuration").length;
    save("hello.xml", `<policies><inbound><set-variable name="x" value="@(1 +)" /></inbound><backend /><outbound /></policies>`);
    await until("the primary says it cannot be used", () => err.includes("the changed configuration cannot be used"), 30_000);
    expect(compiles()).toEqual([child.pid, child.pid, child.pid]);
    expect(err.split("all 2 workers serve the changed configuration").length).toBe(rounds);
    const seen = await answers("/shop/hello");
    expect(seen.pids.size).toBe(2);
    expect(seen.bodies).toEqual(new Set(["v2"]));
    save("hello.xml", hello("v3"));
    await until("both workers reloaded again", () => err.split("all 2 workers serve the changed configuration").length > rounds, 30_000);
    expect(compiles()).toEqual([child.pid, child.pid, child.pid, child.pid]);
    expect((await answers("/shop/hello")).bodies).toEqual(new Set(["v3"]));
  }, 90_000);

  it("a worker that replaces a killed one loads the current modules without compiling", async () => {
    const victim = JSON.parse((await get(`${url}/_apimc/health`)).body).pid as number;
    process.kill(victim, "SIGKILL");
    await until("a replacement listens", () => new RegExp(`pid ${victim}\\) exited \\(signal SIGKILL\\)`).test(err), 20_000);
    await until(
      "two live workers again",
      async () => {
        const { pids } = await answers("/shop/hello");
        return pids.size === 2 && !pids.has(victim);
      },
      30_000,
    );
    expect(compiles()).toEqual([child.pid, child.pid, child.pid, child.pid]);
    expect((await answers("/shop/hello")).bodies).toEqual(new Set(["v3"]));
  }, 70_000);
});

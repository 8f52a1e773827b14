// `apimc check|build|serve --apiops DIR` with the built CLI (dist/cli.js): check's exit codes and
// formats, what is not used printed once, build then serve --prebuilt, serve answering through a
// real client, a folder with errors refused with every problem, and the usage errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { startServer, type TestServer } from "../helpers/servers.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../examples/apiops", import.meta.url));
const VALUES = fileURLToPath(new URL("../../examples/apiops.values.json", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, APIMC_NAMED_VALUE_inventory_api_key: "" } });

let backend: TestServer;
let dir: string;
beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url, key: req.headers["x-api-key"] ?? null }));
  });
  dir = join(mkdtempSync(join(tmpdir(), "apimc-cli-apiops-")), "apiops");
  cpSync(EXAMPLE, dir, { recursive: true });
  const rewrite = (folder: string) => {
    for (const n of readdirSync(folder)) {
      const p = join(folder, n);
      if (statSync(p).isDirectory()) rewrite(p);
      else if (/\.(json|ya?ml)$/.test(n)) writeFileSync(p, readFileSync(p, "utf8").split("http://127.0.0.1:8081").join(backend.url));
    }
  };
  rewrite(dir);
});
afterAll(async () => {
  await backend?.close();
});

describe("apimc --apiops", { timeout: 60_000 }, () => {
  it("check: exit 0 with the values; without them the secret a policy uses is a warning at its line", () => {
    const ok = run("check", "--apiops", dir, "--named-values", VALUES);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain("apimc: not used from the APIOps folder:\n  diagnostics/: diagnostic settings are not used by apimc (1 entry)");
    expect(ok.stderr).toContain("checked: no errors");
    const without = run("check", "--apiops", dir);
    expect(without.status).toBe(0);
    expect(without.stderr).toMatch(/apis\/inventory\/policy\.xml:\d+:\d+ - warning APIMC5015: The named value 'inventory-api-key'/);
    expect(without.stderr).not.toContain("inventory-demo-secret");
  });

  it("check --format json: the folder's problems with file, line and column; exit 1 on errors", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "apimc-cli-apiops-broken-")), "apiops");
    cpSync(dir, broken, { recursive: true });
    writeFileSync(join(broken, "apis/inventory/specification.json"), '{\n  "swagger": "2.0",\n  "paths": {,}\n}\n');
    cpSync(join(broken, "apis/petstore-v1/operations/getPetById"), join(broken, "apis/petstore-v1/operations/getPet"), { recursive: true });
    const json = run("check", "--apiops", broken, "--named-values", VALUES, "--format", "json");
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.diagnostics.map((d: { code: string; line: number; column: number }) => [d.code, d.line, d.column]).sort()).toEqual([
      ["APIMC5002", 3, 13],
      ["APIMC5013", 1, 1],
    ]);
    const text = run("serve", "--apiops", broken, "--named-values", VALUES, "--port", "0");
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/specification\.json:3:13 - error APIMC5002/);
    expect(text.stderr).toMatch(/operations\/getPet\/policy\.xml:1:1 - error APIMC5013: The folder 'operations\/getPet' names no operation/);
  });

  it("build, then serve --prebuilt from it, answering through a real client", async () => {
    const out = mkdtempSync(join(tmpdir(), "apimc-cli-apiops-out-"));
    const build = run("build", "--apiops", dir, "--named-values", VALUES, "--outdir", out);
    expect(build.stderr).toContain("manifest.json written");
    expect(build.status).toBe(0);
    const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", "--apiops", dir, "--named-values", VALUES, "--prebuilt", out, "--port", "0", "--no-watch"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let out2 = "";
    child.stdout.on("data", (d) => (out2 += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d) => {
        err += d;
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    try {
      const r = await request(`${url}/inventory/items`, { headers: { "X-Inventory-Key": "apiops-demo-key" } });
      expect(r.statusCode).toBe(200);
      expect(await r.body.json()).toEqual({ url: "/inventory/items", key: "inventory-demo-secret" });
      // Told once at start.
      expect(err.split("not used from the APIOps folder").length).toBe(2);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    expect(out2).not.toContain("inventory-demo-secret");
  });

  it("usage errors", () => {
    for (const [args, message] of [
      [["compile", "--apiops", dir], "--apiops is for serve, build and check"],
      [["serve", "--apiops", dir, "--config", "gateway.json"], "give --config or --apiops, not both"],
      [["check", "--apiops", dir, "policy.xml"], "--apiops takes no policy files (policy.xml)"],
      [["check", "--apiops", dir, "--fragments", "f"], "--fragments, --snippets, -o and --sourcemap are not for --apiops"],
      [["serve", "--config", "gateway.json", "--named-values", "v.json"], "--named-values with serve and build is for --apiops"],
      [["serve"], "serve needs --config gateway.json or --apiops DIR"],
    ] as const) {
      const r = run(...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toContain(message);
    }
  });
});

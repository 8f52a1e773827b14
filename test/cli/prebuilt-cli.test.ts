// `apimc build` then `apimc serve --prebuilt` with the built CLI (dist/cli.js): the served gateway
// runs the build, and a build that no longer matches its sources is refused with exit 1, the code
// and what to do, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

/** Starts `apimc serve ...`; resolves with its URL once it says it listens (or rejects with its stderr when it exits). */
function serve(args: string[]): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM"))) });
    });
    child.stdout.resume();
    child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
  });
}

describe("apimc build / serve --prebuilt", () => {
  let backend: TestServer;
  const dir = mkdtempSync(join(tmpdir(), "apimc-cli-prebuilt-"));
  const config = join(dir, "gateway.json");
  const out = join(dir, "build");
  const policy = (v: string) => `<policies><inbound><set-header name="X-Built" exists-action="override"><value>${v}</value></set-header></inbound><backend><forward-request/></backend></policies>`;
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(String(req.headers["x-built"])));
    writeFileSync(join(dir, "op.xml"), policy("v1"));
    writeFileSync(config, JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: backend.url, operations: [{ id: "get", method: "GET", urlTemplate: "/x", policy: "op.xml" }] }] }));
  });
  afterAll(() => backend.close());

  it("build writes function-format modules and a manifest; serve --prebuilt answers through them", async () => {
    const b = run("build", "--config", config, "--outdir", out);
    expect(b.stderr).toContain(`1 modules (function) and manifest.json written to ${out}`);
    expect(b.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ manifestVersion: 1, format: "function", modules: [{ key: "a/get/-", file: "a_get_-.fn.js", sources: ["op.xml"] }] });
    expect(existsSync(join(out, "a_get_-.fn.js"))).toBe(true);
    const gw = await serve(["--config", config, "--prebuilt", out, "--port", "0", "--no-watch"]);
    try {
      const r = await rawGet(gw.url + "/a/x");
      expect(r.status).toBe(200);
      expect(r.body).toBe("v1");
    } finally {
      expect(await gw.stop()).toBe(0);
    }
  });

  it("serve --prebuilt refuses a build older than its policy file: exit 1, APIMC4003, the file, run apimc build again", () => {
    expect(run("build", "--config", config, "--outdir", out).status).toBe(0);
    writeFileSync(join(dir, "op.xml"), policy("v2"));
    const r = spawnSync(process.execPath, [CLI, "serve", "--workers", "1", "--config", config, "--prebuilt", out, "--port", "0", "--no-watch"], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`apimc: ${join(dir, "op.xml")} - error APIMC4003: The file changed since the build`);
    expect(r.stderr).toContain(`Run \`apimc build --config ${config} --outdir ${out}\` again`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain("listening");
  });

  it("rejects --format other than function or esm, and --prebuilt outside serve, with usage (exit 2)", () => {
    expect(run("build", "--config", config, "--outdir", out, "--format", "cjs").status).toBe(2);
    const r = run("build", "--config", config, "--outdir", out, "--prebuilt", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--prebuilt is for serve");
    const esm = run("build", "--config", config, "--outdir", join(dir, "esm"), "--format", "esm");
    expect(esm.status).toBe(0);
    expect(readFileSync(join(dir, "esm", "a_get_-.mjs"), "utf8")).toContain(`from "apimc/runtime"`);
  });
});

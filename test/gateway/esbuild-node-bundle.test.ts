// A gateway bundled with the apimc/esbuild plugin runs under Node and serves, whatever the build
// options leave open: esbuild's defaults (browser platform; iife/cjs format) do not fit a Node gateway
// of ES modules, and undici bundled into an ES module needs `require`. Options the user gives win.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildOptions } from "esbuild";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apimcPlugin } from "../../gateway/esbuild-plugin.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A project that has this package installed as node_modules/apimc (its dist/, built before tests). */
const dir = mkdtempSync(join(tmpdir(), "apimc-esbuild-node-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(ROOT, join(dir, "node_modules", "apimc"), "dir");
writeFileSync(join(dir, "orders.policy.xml"), `<policies><inbound><set-header name="X-Tag" exists-action="override"><value>{{tag}}</value></set-header></inbound><backend><forward-request/></backend><outbound/><on-error/></policies>`);
writeFileSync(join(dir, "nv.json"), JSON.stringify({ tag: "v1" }));
const gatewaySource = (topLevelAwait: boolean) => `import { createGateway } from "apimc/gateway";
import orders from "./orders.policy.xml";
const gateway = createGateway({ apis: [{ path: "/orders", backend: process.env.BACKEND, policy: orders }] });
${topLevelAwait ? `const addr = await gateway.listen(0);\nconsole.log("listening " + addr.port);` : `gateway.listen(0).then((addr) => console.log("listening " + addr.port));`}
`;
writeFileSync(join(dir, "gateway.mjs"), gatewaySource(true));
writeFileSync(join(dir, "gateway-no-tla.mjs"), gatewaySource(false));

/** Runs a bundle with node; resolves with the port it listens on and a stop function. */
function start(file: string, backend: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [file], { env: { ...process.env, BACKEND: backend }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stop: () => child.kill() });
    });
    child.once("exit", (code) => reject(new Error(`the bundle exited with ${code}: ${err}`)));
  });
}

describe("apimc/esbuild: a bundled Node gateway", { timeout: 60_000 }, () => {
  let backend: TestServer;
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(`tag=${req.headers["x-tag"]}`));
  });
  afterAll(() => backend.close());

  const cases: [string, BuildOptions, string][] = [
    ["nothing but bundle (esbuild would pick the browser platform)", {}, "gateway.mjs"],
    ['platform "node" (esbuild would pick cjs and bundle undici)', { platform: "node" }, "gateway.mjs"],
    ['format "esm"', { format: "esm" }, "gateway.mjs"],
    ['platform "node", format "esm"', { platform: "node", format: "esm" }, "gateway.mjs"],
    ["a hashbang banner of the user's, kept first", { banner: { js: "#!/usr/bin/env node\n// mine" } }, "gateway.mjs"],
    ['format "cjs", given by the user', { format: "cjs" }, "gateway-no-tla.mjs"],
  ];
  it.each(cases)("%s: builds, starts and serves a request through the policy", async (_name, options, entry) => {
    const outfile = join(dir, "out", `${Object.entries(options).map(([k, v]) => `${k}-${typeof v === "string" ? v : "x"}`).join("_") || "defaults"}.${options.format === "cjs" ? "cjs" : "mjs"}`);
    await build({ entryPoints: [join(dir, entry)], bundle: true, outfile, logLevel: "silent", ...options, plugins: [apimcPlugin({ namedValues: join(dir, "nv.json") })] });
    const text = readFileSync(outfile, "utf8");
    if (options.banner) expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(text).not.toMatch(/from "undici"|require\("undici"\)/); // bundled, not left to node_modules
    const gw = await start(outfile, backend.url);
    try {
      const r = await rawGet(`http://127.0.0.1:${gw.port}/orders/1`);
      expect(r.status).toBe(200);
      expect(r.body).toBe("tag=v1");
    } finally {
      gw.stop();
    }
  });

  it('leaves a platform the user chose alone: "browser" still fails on Node built-ins', async () => {
    const err = await build({ entryPoints: [join(dir, "gateway.mjs")], bundle: true, write: false, platform: "browser", format: "esm", logLevel: "silent", plugins: [apimcPlugin({ namedValues: join(dir, "nv.json") })] }).catch((e) => e);
    expect(err.errors.map((e: { text: string }) => e.text).join("\n")).toContain('Could not resolve "node:http"');
  });
});

// Secret named values through the built CLI (dist/cli.js, real processes): `apimc compile` and
// `apimc build` (both formats) write no form of a secret into any file (modules, source maps,
// manifest) nor into their output; `apimc serve --prebuilt` of that build sends every request
// on exactly as a gateway with the values inlined does, and logs no secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, type TestServer } from "../helpers/servers.js";
import { FRAGMENTS, POSITIONS, findLeak, makeSecrets, namedValues, requestOf, type Secrets } from "./positions.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push({ file: p, text: readFileSync(p, "utf8") });
  }
  return out;
}

function expectNoLeak(dir: string, secrets: Secrets): void {
  const files = filesUnder(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect({ file: f.file, leak: findLeak(f.text, [secrets.s, secrets.jwtkey]) }).toEqual({ file: f.file, leak: null });
}

/** `apimc serve`; its URL once it listens, and everything it printed. */
function serve(args: string[]): Promise<{ url: string; output: () => string; stop: () => Promise<number | null> }> {
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--workers", "1", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, output: () => out, stop: () => new Promise((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM"))) });
    });
    child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${out}`)));
  });
}

function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: [string, string][]; body: string }> {
  return new Promise((resolve, reject) => {
    // node:http sends a body with Content-Length, as most clients do.
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) if (!/^(date|connection|keep-alive)$/i.test(res.rawHeaders[i]!)) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks).toString("utf8").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("secret named values through apimc compile / build / serve --prebuilt", () => {
  const secrets = makeSecrets();
  const dir = mkdtempSync(join(tmpdir(), "apimc-secret-cli-"));
  let backend: TestServer;

  /** A gateway.json with one operation per position (`/p/<id>`), named values from `nvFile`. */
  const writeConfig = (name: string, nvFile: string) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      JSON.stringify({
        namedValues: nvFile,
        fragments: "fragments",
        apis: [{ id: "p", path: "/p", serviceUrl: backend.url, operations: POSITIONS.map((p) => ({ id: p.id, method: requestOf(p, secrets).method, urlTemplate: `/${p.id}`, policy: `policies/${p.id}.xml` })) }],
      }),
    );
    return file;
  };

  beforeAll(async () => {
    backend = await startServer((req, res) => {
      res.sendDate = false;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ url: req.url, body: req.body }));
    });
    mkdirSync(join(dir, "policies"));
    mkdirSync(join(dir, "fragments"));
    for (const p of POSITIONS) writeFileSync(join(dir, "policies", `${p.id}.xml`), p.xml.replace(/BACKEND/g, backend.url));
    for (const [id, xml] of Object.entries(FRAGMENTS)) writeFileSync(join(dir, "fragments", `${id}.xml`), xml);
    writeFileSync(join(dir, "secret.json"), JSON.stringify(namedValues(secrets, true), null, 2));
    writeFileSync(join(dir, "plain.json"), JSON.stringify(namedValues(secrets, false), null, 2));
  });
  afterAll(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("apimc compile (ES modules and source maps) writes and prints no form of a secret", () => {
    const out = join(dir, "compiled");
    const files = POSITIONS.map((p) => join(dir, "policies", `${p.id}.xml`));
    const r = run("compile", ...files, "--outdir", out, "--sourcemap", "--named-values", join(dir, "secret.json"), "--fragments", join(dir, "fragments"));
    expect(r.stderr).toContain(`${POSITIONS.length} of ${POSITIONS.length} files compiled without errors`);
    expect(r.status).toBe(0);
    expect(findLeak(r.stdout + r.stderr, [secrets.s, secrets.jwtkey])).toBeNull();
    expect(readdirSync(out).filter((f) => f.endsWith(".mjs.map"))).toHaveLength(POSITIONS.length);
    expectNoLeak(out, secrets);
    // The same with the values not secret inlines them (so the scan above would see them).
    const plainOut = join(dir, "compiled-plain");
    expect(run("compile", files[0]!, "--outdir", plainOut, "--named-values", join(dir, "plain.json")).status).toBe(0);
    expect(findLeak(filesUnder(plainOut)[0]!.text, [secrets.s])).not.toBeNull();
  });

  it("apimc build (function and esm) writes no form of a secret into modules or manifest; a new secret value needs no new build", () => {
    const config = writeConfig("gateway.json", "secret.json");
    for (const format of ["function", "esm"]) {
      const out = join(dir, `build-${format}`);
      const r = run("build", "--config", config, "--outdir", out, "--format", format);
      expect(r.stderr).toContain(`${POSITIONS.length} modules (${format})`);
      expect(r.status).toBe(0);
      expect(findLeak(r.stdout + r.stderr, [secrets.s, secrets.jwtkey])).toBeNull();
      expectNoLeak(out, secrets);
    }
    // Another secret value: the same modules and the same manifest, byte for byte (nothing in it came from the value).
    const before = filesUnder(join(dir, "build-function")).map((f) => f.text);
    const other = makeSecrets();
    writeFileSync(join(dir, "secret.json"), JSON.stringify(namedValues(other, true)));
    try {
      const out2 = join(dir, "build-function-2");
      expect(run("build", "--config", config, "--outdir", out2).status).toBe(0);
      expect(filesUnder(out2).map((f) => f.text)).toEqual(before);
    } finally {
      writeFileSync(join(dir, "secret.json"), JSON.stringify(namedValues(secrets, true), null, 2));
    }
  });

  it("serve --prebuilt: every position sends what a gateway with the values inlined sends; no secret in its output", async () => {
    const out = join(dir, "build-serve");
    expect(run("build", "--config", writeConfig("gateway.json", "secret.json"), "--outdir", out).status).toBe(0);
    const secretGw = await serve(["--config", join(dir, "gateway.json"), "--prebuilt", out, "--port", "0", "--no-watch"]);
    const plainGw = await serve(["--config", writeConfig("gateway-plain.json", "plain.json"), "--port", "0", "--no-watch"]);
    try {
      for (const p of POSITIONS) {
        const rq = requestOf(p, secrets);
        const through = async (url: string) => {
          const before = backend.requests.length;
          const res = await send(`${url}/p/${p.id}`, rq.method, rq.headers, rq.body);
          const got = backend.requests.slice(before).map((q) => ({ method: q.method, url: q.url, headers: q.rawHeaders, body: q.body }));
          return { res, got };
        };
        const inlined = await through(plainGw.url);
        const viaSecret = await through(secretGw.url);
        expect({ id: p.id, ...viaSecret }).toEqual({ id: p.id, ...inlined });
        expect({ id: p.id, status: viaSecret.res.status }).toEqual({ id: p.id, status: p.id === "check-header-fail" ? 401 : p.id === "return-response" ? 201 : 200 });
      }
      // The backend got the secret where the policies put it (header, URL, body).
      const all = JSON.stringify(backend.requests);
      expect(all).toContain(JSON.stringify(["X-S", secrets.s]).slice(1, -1));
      expect(all).toContain(`/base/${secrets.s}`);
      expect(all).toContain(`payload ${secrets.s} end`);
    } finally {
      expect(await secretGw.stop()).toBe(0);
      await plainGw.stop();
    }
    expect(findLeak(secretGw.output(), [secrets.s, secrets.jwtkey])).toBeNull();
  });

  it("an ES module of `apimc compile` reads its secret from setNamedValues when imported", async () => {
    const runtimeUrl = pathToFileURL(new URL("../../dist/runtime.js", import.meta.url).pathname).href;
    const src = join(dir, "policies", "header-value.xml");
    const outFile = join(dir, "esm-host", "policy.mjs");
    const r = run("compile", src, "-o", outFile, "--named-values", join(dir, "secret.json"));
    expect(r.status).toBe(0);
    writeFileSync(outFile, readFileSync(outFile, "utf8").replace(`from "apimc/runtime"`, `from ${JSON.stringify(runtimeUrl)}`));
    const rt = await import(runtimeUrl);
    await expect(import(pathToFileURL(outFile).href + "?unset")).rejects.toThrow(/secret named value 's'.*setNamedValues/);
    rt.setNamedValues({ s: { value: secrets.s, secret: true } });
    try {
      const mod = (await import(pathToFileURL(outFile).href + "?set")).default;
      const { runPolicy } = await import(pathToFileURL(new URL("../../dist/testing.js", import.meta.url).pathname).href);
      const res = await runPolicy(mod, { backend: (q: { headers: Record<string, string[]> }) => ({ body: q.headers["x-s"]?.[0] ?? "none" }) });
      expect(res.body).toBe(secrets.s);
    } finally {
      rt.setNamedValues(null);
    }
  });
});

// `apimc dev` with the built CLI (a real process): it prints the gateway's and the workbench's URLs,
// keeps every request (no trace header) in the workbench's history with its trace, and a file saved
// through the workbench is reloaded: the next request runs the new policy. Options that do not fit
// (several workers, a prebuilt build, no watch, policy files) are usage errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { until } from "../helpers/until.js";

const execFileAsync = promisify(execFile);
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "apimc-dev-"));
const POLICY = (v: string) => `<policies>\n  <inbound>\n    <set-variable name="v" value="${v}" />\n    <return-response>\n      <set-status code="200" reason="OK" />\n      <set-body>@((string)context.Variables["v"])</set-body>\n    </return-response>\n  </inbound>\n</policies>\n`;

let child: ChildProcess;
let err = "";
let workbench = "";
let gateway = "";

beforeAll(async () => {
  mkdirSync(join(dir, "policies"));
  writeFileSync(join(dir, "policies/api.xml"), POLICY("first"));
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9/", policy: "policies/api.xml" }] }));
  // --config defaults to ./gateway.json.
  child = spawn(process.execPath, [CLI, "dev", "--port", "0"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.resume();
  child.stderr!.on("data", (d) => (err += d));
  await until("apimc dev prints the workbench URL", () => {
    if (child.exitCode !== null) throw new Error(`apimc dev exited: ${err}`);
    const w = /apimc workbench: (http:\/\/\S+\/_apimc\/)/.exec(err);
    const g = /listening on (http:\/\/\S+)/.exec(err);
    if (w && g) {
      workbench = w[1]!;
      gateway = g[1]!;
    }
    return !!w && !!g;
  }, 15_000);
}, 20_000);
afterAll(async () => {
  if (child.exitCode === null) await new Promise((r) => (child.once("exit", r), child.kill("SIGTERM")));
  rmSync(dir, { recursive: true, force: true });
});

describe("apimc dev", { timeout: 30_000 }, () => {
  it("prints the workbench URL on the loopback address, and it serves the page and the API", async () => {
    expect(workbench).toBe(`${gateway}/_apimc/`);
    expect(workbench.startsWith("http://127.0.0.1:")).toBe(true);
    const page = await request(workbench);
    expect(page.statusCode).toBe(200);
    await page.body.dump();
    const config = (await (await request(`${workbench}api/config`)).body.json()) as { apis: { id: string }[]; traceAll: boolean; files: string[] };
    expect(config.apis.map((a) => a.id)).toEqual(["a"]);
    expect(config.traceAll).toBe(true);
    expect(config.files).toEqual(["policies/api.xml"]);
  });

  it("keeps every request with its trace, without the trace header", async () => {
    const r = await request(`${gateway}/a/plain`);
    expect(await r.body.text()).toBe("first");
    const list = (await (await request(`${workbench}api/requests`)).body.json()) as { requests: { id: string; url: string; status: number }[] };
    const s = list.requests.find((x) => x.url === "/a/plain")!;
    expect(s.status).toBe(200);
    const entry = (await (await request(`${workbench}api/requests/${encodeURIComponent(s.id)}`)).body.json()) as { trace: { entries: { policy?: string; line?: number; file?: string }[] }; response: { body: string } };
    expect(entry.response.body).toBe("first");
    expect(entry.trace.entries.find((e) => e.policy === "set-variable")).toMatchObject({ file: "policies/api.xml", line: 3 });
  });

  it("a save through the workbench is reloaded: the next request runs the new policy", async () => {
    const saved = await request(`${workbench}api/file`, { method: "PUT", headers: { "x-apimc-workbench": "1", "content-type": "application/json" }, body: JSON.stringify({ path: "policies/api.xml", text: POLICY("second") }) });
    expect(saved.statusCode).toBe(200);
    expect(await saved.body.json()).toEqual({ saved: true, diagnostics: [] });
    expect(readFileSync(join(dir, "policies/api.xml"), "utf8")).toBe(POLICY("second"));
    await until("the new policy answers", async () => {
      const r = await request(`${gateway}/a/x`);
      return (await r.body.text()) === "second";
    });
  });

  it("apimc serve with gateway.json \"workbench\": true serves it as one process and prints its URL; traced requests only", async () => {
    writeFileSync(join(dir, "gateway-wb.json"), JSON.stringify({ workbench: true, trace: { key: "k-1" }, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9/", policy: "policies/api.xml" }] }));
    const serve = spawn(process.execPath, [CLI, "serve", "--config", "gateway-wb.json", "--port", "0", "--no-watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    serve.stdout!.resume();
    serve.stderr!.on("data", (d) => (out += d));
    try {
      await until("serve prints the workbench URL", () => /apimc workbench: http:\/\/127\.0\.0\.1:\d+\/_apimc\//.test(out), 15_000);
      const url = /apimc workbench: (\S+)/.exec(out)![1]!;
      const gw = url.replace(/\/_apimc\/$/, "");
      await (await request(`${gw}/a/untraced`)).body.dump();
      await (await request(`${gw}/a/traced`, { headers: { "Apimc-Trace": "k-1" } })).body.dump();
      const list = (await (await request(`${url}api/requests`)).body.json()) as { requests: { url: string }[] };
      expect(list.requests.map((r) => r.url)).toEqual(["/a/traced"]);
    } finally {
      await new Promise((r) => (serve.once("exit", r), serve.kill("SIGTERM")));
    }
  });

  it("refuses options that do not fit a single watching process", async () => {
    const cases = [["--workers", "2"], ["--no-watch"], ["policy.xml"]];
    const results = await Promise.all(
      cases.map((args) =>
        execFileAsync(process.execPath, [CLI, "dev", ...args], { cwd: dir }).then(
          () => ({ code: 0, stderr: "" }),
          (e: { code: number; stderr: string }) => e,
        ),
      ),
    );
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(" ")).not.toBe(0);
      expect(r.stderr, cases[i]!.join(" ")).toMatch(/dev|--config/);
    });
  });
});

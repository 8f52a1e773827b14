// `apimc serve --log-format text|json` (the built CLI, dist/cli.js, as a real process): one line a
// request on stdout; a failed request names the reason, section, path and the policy's file:line
// (relative to gateway.json, also when served from an `apimc build`); the subscription key in the
// query is never printed; a wrong --log-format is a usage error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type TestServer } from "../helpers/servers.js";
import { nodeRequest } from "../helpers/node-client.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const SECRET = "query-key-5f1e9c";

/** Starts `apimc serve ...`; collects stdout lines. */
function serve(args: string[]): Promise<{ url: string; out: string[]; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  const out: string[] = [];
  let partial = "";
  child.stdout.on("data", (d) => {
    const parts = (partial + d).split("\n");
    partial = parts.pop()!;
    out.push(...parts);
  });
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) resolve({ url: m[1]!, out, stop: () => new Promise((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM"))) });
    });
    child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
  });
}

const until = async (f: () => boolean) => {
  for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("apimc serve --log-format", () => {
  let backend: TestServer;
  const dir = mkdtempSync(join(tmpdir(), "apimc-cli-log-"));
  const config = join(dir, "gateway.json");
  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("ok"));
    writeFileSync(join(dir, "api.xml"), `<policies>\n<inbound>\n<base />\n<set-variable name="n" value="@(int.Parse(&quot;x&quot;))" />\n</inbound>\n</policies>\n`);
    writeFileSync(config, JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: backend.url, policy: "api.xml" }] }));
  });
  afterAll(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectFailureLogged = (line: string, format: "text" | "json") => {
    expect(line).not.toContain(SECRET);
    if (format === "json") {
      const o = JSON.parse(line);
      expect(o).toMatchObject({ method: "GET", url: "/a/x?subscription-key=***", status: 500 });
      expect(o.error).toMatchObject({ reason: "ExpressionValueEvaluationFailure", section: "inbound", source: "set-variable", path: "set-variable[1]", scope: "api", file: "api.xml", line: 4 });
    } else {
      expect(line).toMatch(/^GET \/a\/x\?subscription-key=\*\*\* 500 [\d.]+ms [0-9a-f-]{36} error reason=ExpressionValueEvaluationFailure section=inbound source=set-variable path=set-variable\[1\] at=api\.xml:4 scope=api message="/);
    }
  };

  for (const format of ["json", "text"] as const)
    it(`--log-format ${format}: the failure with file:line, no secret`, async () => {
      const gw = await serve(["--config", config, "--port", "0", "--no-watch", "--log-format", format]);
      try {
        const r = await nodeRequest(`${gw.url}/a/x?subscription-key=${SECRET}`);
        expect(r.status).toBe(500);
        await until(() => gw.out.length > 0);
        expect(gw.out).toHaveLength(1);
        expectFailureLogged(gw.out[0]!, format);
      } finally {
        expect(await gw.stop()).toBe(0);
      }
    });

  it("from an apimc build: the same file:line, relative to gateway.json", async () => {
    const outdir = join(dir, "build");
    expect(spawnSync(process.execPath, [CLI, "build", "--config", config, "--outdir", outdir], { encoding: "utf8" }).status).toBe(0);
    const gw = await serve(["--config", config, "--prebuilt", outdir, "--port", "0", "--no-watch", "--log-format", "json"]);
    try {
      await nodeRequest(`${gw.url}/a/x?subscription-key=${SECRET}`);
      await until(() => gw.out.length > 0);
      expectFailureLogged(gw.out[0]!, "json");
    } finally {
      expect(await gw.stop()).toBe(0);
    }
  });

  it("rejects another --log-format, and --log-format outside serve, with usage (exit 2)", () => {
    for (const args of [["serve", "--config", config, "--log-format", "xml"], ["build", "--config", config, "--outdir", join(dir, "b2"), "--log-format", "json"]]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("--log-format is text or json, for serve");
    }
  });
});

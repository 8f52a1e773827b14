// `apimc serve --host ADDR` with the built CLI: the gateway listens where it is told (the flag, else
// `listen.host` of gateway.json, else 127.0.0.1) and answers there; an address it cannot listen on is
// exit 1 with the address and the reason, a bad --port or --host on another command a usage error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

const execFileAsync = promisify(execFile);
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** The loopback addresses this machine has (127.0.0.1, and ::1 where IPv6 is on). */
const LOOPBACKS = [...new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => i.internal).map((i) => i.address)))].filter((a) => a === "127.0.0.1" || a === "::1");

/** Starts `apimc serve`; resolves with the address it says it listens on, or rejects with its stderr when it exits. */
function serve(args: string[]): Promise<{ host: string; url: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/(\[[^\]]+\]|[\d.]+):\d+)/.exec(err);
      if (m) resolve({ host: m[2]!.replace(/^\[|\]$/g, ""), url: m[1]!, stop: () => new Promise((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM"))) });
    });
    child.stdout.resume();
    child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
  });
}

describe("apimc serve --host", { timeout: 60_000 }, () => {
  let backend: TestServer;
  const dir = mkdtempSync(join(tmpdir(), "apimc-serve-host-"));
  const config = (listen?: { host?: string; port?: number }) => {
    const file = join(dir, `gateway-${listen?.host?.replace(/\W/g, "_") ?? "none"}.json`);
    writeFileSync(file, JSON.stringify({ ...(listen ? { listen } : {}), apis: [{ id: "a", path: "/a", serviceUrl: backend.url, operations: [{ id: "get", method: "GET", urlTemplate: "/x", policy: "op.xml" }] }] }));
    return file;
  };
  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("from the backend"));
    writeFileSync(join(dir, "op.xml"), `<policies><inbound/><backend><forward-request/></backend><outbound/><on-error/></policies>`);
  });
  afterAll(() => backend.close());

  /** Serves, checks the address and that a request through it reaches the backend. */
  async function servesOn(args: string[], expected: string): Promise<void> {
    const gw = await serve([...args, "--no-watch"]);
    try {
      expect(gw.host).toBe(expected);
      const r = await rawGet(gw.url + "/a/x");
      expect(r.status).toBe(200);
      expect(r.body).toBe("from the backend");
    } finally {
      expect(await gw.stop()).toBe(0);
    }
  }

  it("listens on 127.0.0.1 when neither the flag nor the configuration names a host (the default)", async () => {
    await servesOn(["--config", config(), "--port", "0"], "127.0.0.1");
  });

  it.each(LOOPBACKS)("--host %s: listens there and answers", async (host) => {
    await servesOn(["--config", config(), "--port", "0", "--host", host], host);
  });

  it.each(LOOPBACKS)("listen.host %s of the configuration is used without the flag; the flag wins over it", async (host) => {
    await servesOn(["--config", config({ host, port: 0 })], host);
    for (const other of LOOPBACKS.filter((a) => a !== host)) await servesOn(["--config", config({ host, port: 0 }), "--host", other], other);
  });

  it("an address it cannot listen on: exit 1, the address and the reason, no stack trace", async () => {
    // 192.0.2.1 is TEST-NET-1: never an address of this machine.
    const r = await execFileAsync(process.execPath, [CLI, "serve", "--workers", "1", "--config", config(), "--port", "0", "--host", "192.0.2.1", "--no-watch"], { timeout: 30_000 }).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => e);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("apimc: cannot listen on 192.0.2.1:0: ");
    expect(r.stderr).toContain("EADDRNOTAVAIL");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [["serve", "--config", "g.json", "--port", "http"], "--port needs a port number"],
    [["serve", "--config", "g.json", "--port", "70000"], "--port needs a port number"],
    [["serve", "--config", "g.json", "--host"], "--host needs a value"],
    [["check", "p.xml", "--host", "127.0.0.1"], "--host and --port are for serve"],
    [["build", "--config", "g.json", "--outdir", "o", "--port", "1"], "--host and --port are for serve"],
  ])("usage error (exit 2): %j", async (args, message) => {
    const r = await execFileAsync(process.execPath, [CLI, ...args]).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

// Circuit breakers with `apimc serve --workers 2` (dist/cli.js: a primary and two worker
// processes; new connections go to the workers in turn). A failure seen by one worker counts in
// the other, and a trip (with the backend's Retry-After) closes the backend in both: after the
// condition is met no worker calls the backend again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { startKillable, type KillableBackend } from "./killable.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("apimc serve --workers 2: breakers across workers", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-breaker-workers-"));
  let counted: KillableBackend;
  let retry: KillableBackend;
  let child: ChildProcess;
  let url = "";
  let stderr = "";

  beforeAll(async () => {
    counted = await startKillable("counted");
    retry = await startKillable("retry");
    counted.answer = { status: 500 };
    retry.answer = { status: 429, headers: { "retry-after": "60" } };
    const rule = (count: number, codes: [number, number], trip: string) => ({ rules: [{ name: "r", failureCondition: { count, interval: "PT5M", statusCodeRanges: [{ min: codes[0], max: codes[1] }] }, tripDuration: trip, acceptRetryAfter: true }] });
    const pol = (id: string) => `<policies><inbound><set-backend-service backend-id="${id}" /></inbound><backend><forward-request timeout="5" /></backend><outbound /></policies>`;
    writeFileSync(join(dir, "counted.xml"), pol("counted"));
    writeFileSync(join(dir, "retry.xml"), pol("retry"));
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        backends: { counted: { url: counted.url, circuitBreaker: rule(4, [500, 599], "PT1M") }, retry: { url: retry.url, circuitBreaker: rule(1, [429, 429], "PT1S") } },
        apis: [
          { id: "c", path: "/c", serviceUrl: counted.url, policy: "counted.xml" },
          { id: "r", path: "/r", serviceUrl: retry.url, policy: "retry.xml" },
        ],
      }),
    );
    child = spawn(process.execPath, [CLI, "serve", "--config", join(dir, "gateway.json"), "--port", "0", "--workers", "2", "--no-watch"], { stdio: ["ignore", "ignore", "pipe"] });
    url = await new Promise<string>((resolve, reject) => {
      child.stderr!.on("data", (d) => {
        stderr += d;
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (c) => reject(new Error(`apimc serve exited with ${c}:\n${stderr}`)));
    });
  }, 120_000);
  afterAll(async () => {
    child?.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
    await counted.close();
    await retry.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One request on a connection of its own (the primary gives each to the next worker). */
  const status = async (path: string) => {
    const r = await request(url + path, { reset: true });
    await r.body.text();
    return r.statusCode;
  };

  it("a count rule counts the failures of both workers: the 4th failure trips it in both", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(await status("/c"));
      await sleep(100); // time for the other worker to hear of it
    }
    expect(codes).toEqual([500, 500, 500, 500]);
    // Each worker saw two of the four; only together do they reach the count.
    const after: number[] = [];
    for (let i = 0; i < 8; i++) after.push(await status("/c"));
    expect(after).toEqual(Array(8).fill(503));
    expect(counted.hits).toBe(4);
  });

  it("a trip with Retry-After in one worker closes the backend in the other for that long", async () => {
    expect(await status("/r")).toBe(429);
    await sleep(1300); // past tripDuration (1 s): only the Retry-After (60 s) keeps it open
    const after: number[] = [];
    for (let i = 0; i < 8; i++) after.push(await status("/r"));
    expect(after).toEqual(Array(8).fill(503));
    expect(retry.hits).toBe(1);
  });
});

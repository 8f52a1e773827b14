// `npm run soak:shutdown [-- --iterations 10 --slow 8 --release-after 50 --keep-alive false]` (issue 14, the graceful-
// shutdown flake): starts `dist/cli.js serve --workers 2` against a backend that holds /slow requests,
// puts `slow` requests in flight (half on keep-alive connections, half on one-shot connections),
// sends SIGTERM once all reached the backend, releases them `release-after` ms later, and checks that
// every one got its 200 and the gateway exited 0 within 10 s. Repeats; exit code 1 when any
// iteration failed.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { request } from "undici";

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : [])));
const ITERATIONS = Number(args.iterations ?? 10);
const SLOW = Number(args.slow ?? 8);
const RELEASE_AFTER = Number(args["release-after"] ?? 50);
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "apimc-soak-shutdown-"));
const releases = [];
let arrived = 0;
const backend = createServer((req, res) => {
  if (req.url.startsWith("/slow")) {
    arrived++;
    releases.push(() => res.end(`backend ${req.url}`));
  } else res.end("ok");
});
await new Promise((r) => backend.listen(0, "127.0.0.1", r));
writeFileSync(join(dir, "slow.xml"), `<policies><inbound /><backend><forward-request timeout="60" /></backend><outbound /></policies>`);
writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "shop", path: "/shop", serviceUrl: `http://127.0.0.1:${backend.address().port}`, operations: [{ id: "slow", method: "GET", urlTemplate: "/slow", policy: "slow.xml" }] }] }));

let failures = 0;
for (let it = 0; it < ITERATIONS; it++) {
  arrived = 0;
  releases.length = 0;
  const child = spawn(process.execPath, [CLI, "serve", "--config", join(dir, "gateway.json"), "--port", "0", "--workers", "2", "--no-watch"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise((r) => child.once("exit", (c) => r(c)));
  while (!/listening on (http:\/\/\S+)/.test(err)) await new Promise((r) => setTimeout(r, 50));
  const url = /listening on (http:\/\/\S+)/.exec(err)[1];
  const slows = Array.from({ length: SLOW }, (_, i) => request(`${url}/shop/slow?i=${i}`, { reset: args["keep-alive"] === "false" || i % 2 === 0 }).then(async (r) => [r.statusCode, await r.body.text()], (e) => ["error", e.message]));
  while (arrived < SLOW) await new Promise((r) => setTimeout(r, 10));
  const t0 = performance.now();
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, RELEASE_AFTER));
  for (const f of releases) f();
  const results = await Promise.all(slows);
  const bad = results.filter(([s]) => s !== 200);
  const code = await exited;
  const ms = Math.round(performance.now() - t0);
  // the primary SIGKILLs a worker 30 s after SIGTERM and still exits 0: a drain that long is a failure too
  if (bad.length || code !== 0 || ms > 10_000) {
    failures++;
    console.log(`iteration ${it}: FAILED ${JSON.stringify(bad)} exit ${code} (${ms} ms) ${err.split("\n").slice(-4).join(" | ")}`);
  } else console.log(`iteration ${it}: ${SLOW} slow requests answered 200, exit 0 (${ms} ms after SIGTERM)`);
}
backend.close();
rmSync(dir, { recursive: true, force: true });
console.log(failures ? `FAIL: ${failures} of ${ITERATIONS} iterations` : `PASS: ${ITERATIONS} iterations`);
process.exit(failures ? 1 : 0);

// `npm run soak:hostile [-- --seconds 15 --clients 8 --scenario both|linear|backtracking --budget 100]`
// (issue 17): the gateway (this process, from dist/) serves a header-regex policy; a separate process
// runs `clients` ordinary clients and one hostile client sending catastrophic inputs (n a's + '!').
// - linear: `^(a+)+$` (runs on the linear-time engine), n from 16 to 2000: every answer is exact
//   ("no match"); exit code 1 when the ordinary p99 is 50 ms or more, or any answer is wrong.
// - backtracking: `^(a+)+\1$` (a backreference: V8's backtracking engine, under the match timeout
//   `--budget`, gateway.json regex.matchTimeoutMs), n from 30 to 2000: every hostile request must go
//   to on-error with RegexMatchTimeoutException within budget + 250 ms, ordinary answers exact;
//   exit code 1 when one does not, or the ordinary p99 reaches 2 x budget + 50 ms (the hostile
//   client holds the loop up to the budget on each of its requests, back to back: an ordinary
//   request can wait for the one in progress and the next).
// Prints each scenario's latencies (p50, p99, max), the event-loop stall lines and the regex helper's
// counters (matches run on it, timeouts, threads ended).
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : [])));
const PATTERNS = { linear: "^(a+)+$", backtracking: String.raw`^(a+)+\1$` };
const TIMEOUT = "The RegEx engine has timed out";
const policy = (pattern) => `<policies><inbound>
  <return-response><set-status code="200" reason="OK" />
    <set-body>@(Regex.IsMatch(context.Request.Headers.GetValueOrDefault("X-In",""), @"${pattern}") ? "match" : "no match")</set-body>
  </return-response></inbound><backend><base /></backend><outbound><base /></outbound>
  <on-error><return-response><set-status code="503" reason="Regex" /><set-body>@(context.LastError.Message)</set-body></return-response></on-error></policies>`;

if (process.argv.includes("--role-load")) await load();
else await main();

async function main() {
  const scenarios = (args.scenario ?? "both") === "both" ? ["linear", "backtracking"] : [args.scenario];
  const budget = Number(args.budget ?? 100);
  let ok = true;
  for (const scenario of scenarios) ok = (await run(scenario, budget)) && ok;
  console.log(ok ? "PASS" : "FAIL");
  process.exit(ok ? 0 : 1);
}

async function run(scenario, budget) {
  const { createGateway } = await import("../dist/gateway.js");
  const dir = mkdtempSync(join(tmpdir(), "apimc-soak-hostile-"));
  writeFileSync(join(dir, "api.xml"), policy(PATTERNS[scenario]));
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ regex: { matchTimeoutMs: budget }, apis: [{ id: "re", path: "", serviceUrl: "http://127.0.0.1:9", policy: "api.xml" }] }));
  const stalls = [];
  const gw = createGateway({ config: join(dir, "gateway.json"), watch: false, metrics: false, onEventLoopStall: (l) => stalls.push(l) });
  const { port } = await gw.listen(0, "127.0.0.1");
  const { regexHelperStats } = await import("../dist/runtime.js").catch(() => ({}));
  const child = fork(fileURLToPath(import.meta.url), ["--role-load", "--scenario", scenario, "--port", String(port), "--seconds", args.seconds ?? "15", "--clients", args.clients ?? "8"]);
  const result = await new Promise((resolve) => child.once("message", resolve));
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
  const report = { scenario, pattern: PATTERNS[scenario], budgetMs: scenario === "backtracking" ? budget : null, ...result, eventLoopStallLines: stalls.length, regexHelper: regexHelperStats ? { ...regexHelperStats } : undefined };
  console.log(JSON.stringify(report, null, 2));
  if (scenario === "linear") return result.wrong === 0 && result.ordinary.p99 < 50;
  return result.wrong === 0 && result.hostile.max < budget + 250 && result.ordinary.p99 < 2 * budget + 50;
}

async function load() {
  const { request, Agent } = await import("undici");
  const base = `http://127.0.0.1:${args.port}`;
  const backtracking = args.scenario === "backtracking";
  const dispatcher = new Agent({ connections: 64 });
  const until = performance.now() + Number(args.seconds) * 1000;
  const ordinary = [];
  const hostile = [];
  let wrong = 0;
  const ask = async (value, ok, into) => {
    const t = performance.now();
    const r = await request(`${base}/x`, { headers: { "X-In": value }, dispatcher });
    const body = await r.body.text();
    into.push(performance.now() - t);
    if (!ok(r.statusCode, body)) wrong++;
  };
  const ordinaryClient = async () => {
    for (let k = 0; performance.now() < until; k++) await ask("a".repeat(2 + (k % 30)), (s, b) => s === 200 && b === "match", ordinary);
  };
  const hostileClient = async () => {
    const expected = backtracking ? (s, b) => s === 503 && b.includes(TIMEOUT) : (s, b) => s === 200 && b === "no match";
    const low = backtracking ? 30 : 16;
    for (let k = 0; performance.now() < until; k++) await ask("a".repeat(low + ((k * 37) % (2001 - low))) + "!", expected, hostile);
  };
  await Promise.all([hostileClient(), ...Array.from({ length: Number(args.clients) }, ordinaryClient)]);
  const q = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
  };
  process.send({
    seconds: Number(args.seconds),
    clients: Number(args.clients),
    ordinary: { requests: ordinary.length, p50: q(ordinary, 50), p99: q(ordinary, 99), max: q(ordinary, 100) },
    hostile: { requests: hostile.length, p50: q(hostile, 50), p99: q(hostile, 99), max: q(hostile, 100) },
    wrong,
  });
  await dispatcher.close();
}

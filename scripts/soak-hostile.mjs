// `npm run soak:hostile [-- --seconds 20 --clients 8]` (issue 17): the gateway (this process, from
// dist/) serves a header-regex policy; a separate process runs `clients` ordinary clients and one
// hostile client sending catastrophic inputs (`^(a+)+$` on n a's + '!', n from 16 to 2000). Prints
// the ordinary clients' latency (p50, p99, max) and the hostile requests' (max); exit code 1 when the
// ordinary p99 is 50 ms or more, or any answer is wrong.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1]]] : [])));
const POLICY = `<policies><inbound>
  <return-response><set-status code="200" reason="OK" />
    <set-body>@(Regex.IsMatch(context.Request.Headers.GetValueOrDefault("X-In",""), "^(a+)+$") ? "match" : "no match")</set-body>
  </return-response></inbound><backend><base /></backend><outbound><base /></outbound></policies>`;

if (process.argv.includes("--role-load")) await load();
else await gateway();

async function gateway() {
  const { createGateway } = await import("../dist/gateway.js");
  const stalls = [];
  const gw = createGateway({ apis: [{ path: "/", backend: "http://127.0.0.1:9", policy: POLICY }], onEventLoopStall: (l) => stalls.push(l) });
  const { port } = await gw.listen(0, "127.0.0.1");
  const child = fork(fileURLToPath(import.meta.url), ["--role-load", "--port", String(port), "--seconds", args.seconds ?? "20", "--clients", args.clients ?? "8"]);
  const result = await new Promise((resolve) => child.once("message", resolve));
  await gw.close();
  console.log(JSON.stringify({ ...result, eventLoopStallLines: stalls.length }, null, 2));
  const ok = result.wrong === 0 && result.ordinary.p99 < 50;
  console.log(ok ? "PASS" : "FAIL");
  process.exit(ok ? 0 : 1);
}

async function load() {
  const { request, Agent } = await import("undici");
  const base = `http://127.0.0.1:${args.port}`;
  const dispatcher = new Agent({ connections: 64 });
  const until = performance.now() + Number(args.seconds) * 1000;
  const ordinary = [];
  const hostile = [];
  let wrong = 0;
  const ask = async (value, expected, into) => {
    const t = performance.now();
    const r = await request(`${base}/x`, { headers: { "X-In": value }, dispatcher });
    const body = await r.body.text();
    into.push(performance.now() - t);
    if (r.statusCode !== 200 || body !== expected) wrong++;
  };
  const ordinaryClient = async () => {
    for (let k = 0; performance.now() < until; k++) await ask("a".repeat(1 + (k % 30)), "match", ordinary);
  };
  const hostileClient = async () => {
    for (let k = 0; performance.now() < until; k++) await ask("a".repeat(16 + ((k * 37) % 1985)) + "!", "no match", hostile);
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

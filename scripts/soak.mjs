// `npm run soak [-- --seconds 600 --concurrency 32 --fault-rate 0.01]`: the gateway (this process)
// under sustained concurrent load from a separate process, which also runs the backend. A share of
// backend calls (fault-rate each) fails in each fault way: connection refused, accepts and never
// answers, answers slowly, resets mid-body, malformed HTTP, a huge body, invalid JSON. Every response
// is checked against its request (a per-request id goes through the policy and the backend and
// back); memory (RSS, heap after GC) and open file descriptors are sampled in the gateway process.
// Prints the figures; exit code 1 on any lost or mixed-up response or growth after warm-up.
import { fork } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]?.startsWith("--") ? "true" : all[i + 1]]] : acc), []),
);

const HUGE = 4 * 1024 * 1024;
export const FAULTS = ["refuse", "silent", "slow", "reset", "malformed", "huge", "badjson"];
/** What the client must see for each way a request can go (status, and the reason in the body). */
export const EXPECT = {
  ok: { status: 200 },
  slow: { status: 200 },
  huge: { status: 200 },
  refuse: { status: 502, reason: "BackendConnectionFailure" },
  silent: { status: 504, reason: "Timeout" },
  reset: { status: 502, reason: "BackendConnectionFailure" },
  malformed: { status: 502, reason: "BackendConnectionFailure" },
  badjson: { status: 502, reason: "ExpressionValueEvaluationFailure" },
};

if (process.argv.includes("--role-load")) await loadRole();
else await gatewayRole();

// ---------------------------------------------------------------------------------------------
async function gatewayRole() {
  const seconds = Number(args.seconds ?? 600);
  const concurrency = Number(args.concurrency ?? 32);
  const faultRate = Number(args["fault-rate"] ?? 0.01);
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const { createGateway } = await import("../dist/gateway.js");

  const closed = await closedPort();
  const child = fork(fileURLToPath(import.meta.url), ["--role-load"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const backendUrl = await new Promise((resolve) => child.once("message", (m) => resolve(m.backend)));

  const policy = `<policies>
  <inbound>
    <set-variable name="rid" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-req-id&quot;, &quot;&quot;))" />
    <set-header name="X-Forwarded-Id" exists-action="override"><value>@((string)context.Variables["rid"])</value></set-header>
    <choose>
      <when condition="@(context.Request.Headers.GetValueOrDefault(&quot;x-fault&quot;, &quot;&quot;) == &quot;refuse&quot;)">
        <set-backend-service base-url="http://127.0.0.1:${closed}" />
      </when>
    </choose>
  </inbound>
  <backend><forward-request timeout="2" /></backend>
  <outbound>
    <set-header name="X-Echo-Id" exists-action="override"><value>@((string)context.Variables["rid"])</value></set-header>
    <set-body>@{
      var b = context.Response.Body.As<JObject>();
      b["gw"] = (string)context.Variables["rid"];
      b["len"] = ((string)b["pad"] ?? "").Length;
      b.Remove("pad");
      return b.ToString();
    }</set-body>
  </outbound>
  <on-error>
    <return-response>
      <set-status code="@(context.LastError.Reason == &quot;Timeout&quot; ? 504 : 502)" reason="Gateway error" />
      <set-header name="X-Echo-Id" exists-action="override"><value>@((string)context.Variables["rid"])</value></set-header>
      <set-body>@(context.LastError.Reason + "|" + (string)context.Variables["rid"])</set-body>
    </return-response>
  </on-error>
</policies>`;
  const gw = createGateway({ apis: [{ path: "/api", backend: backendUrl, policy }] });
  const { port } = await gw.listen(0, "127.0.0.1");
  let unhandled = 0;
  process.on("unhandledRejection", (e) => {
    unhandled++;
    console.error("unhandled rejection in the gateway:", e);
  });

  const samples = [];
  const sample = () => {
    gc();
    const m = process.memoryUsage();
    samples.push({ t: (Date.now() - started) / 1000, rss: m.rss, heap: m.heapUsed, fds: readdirSync("/proc/self/fd").length });
  };
  const started = Date.now();
  sample();
  const every = Math.max(1, Math.min(10, seconds / 20));
  const timer = setInterval(sample, every * 1000);
  child.send({ start: { url: `http://127.0.0.1:${port}/api`, seconds, concurrency, faultRate } });
  const report = await new Promise((resolve) => {
    child.on("message", (m) => m.report && resolve(m.report));
    child.on("exit", (code) => {
      console.error(`soak: the load process exited (${code}) before reporting`);
      process.exit(1);
    });
  });
  child.removeAllListeners("exit");
  clearInterval(timer);
  sample();
  await gw.close();
  child.kill();

  // Figures
  const mb = (b) => `${(b / 1048576).toFixed(1)} MiB`;
  const warm = Math.max(10, seconds * 0.2);
  const after = samples.filter((s) => s.t >= warm);
  const half = Math.max(1, Math.floor(after.length / 2));
  const early = after.slice(0, half);
  const late = after.slice(-half);
  const avg = (xs, k) => xs.reduce((a, s) => a + s[k], 0) / Math.max(1, xs.length);
  const growth = (k) => (avg(late, k) - avg(early, k)) / Math.max(1, avg(early, k));
  console.log(`\nsoak: ${seconds} s, ${concurrency} concurrent, fault rate ${faultRate} per fault kind (${FAULTS.join(", ")})`);
  console.log(`requests: ${report.sent} sent, ${report.answered} answered, ${report.lost} lost, ${report.mismatched} mixed up or wrong, ${(report.answered / seconds).toFixed(0)} req/s`);
  console.log(`outcomes: ${Object.entries(report.byKind).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`latency (ok): p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms, max ${report.max.toFixed(0)} ms`);
  if (report.examples.length) console.log(`first problems:\n  ${report.examples.join("\n  ")}`);
  console.log(`gateway memory (after GC): rss ${mb(samples[0].rss)} at start → ${mb(avg(early, "rss"))} after warm-up (${warm.toFixed(0)} s) → ${mb(avg(late, "rss"))} at the end (${(100 * growth("rss")).toFixed(1)}%)`);
  console.log(`                           heap ${mb(samples[0].heap)} → ${mb(avg(early, "heap"))} → ${mb(avg(late, "heap"))} (${(100 * growth("heap")).toFixed(1)}%)`);
  console.log(`file descriptors: ${samples[0].fds} at start → ${avg(early, "fds").toFixed(0)} → ${avg(late, "fds").toFixed(0)}; max ${Math.max(...samples.map((s) => s.fds))}; ${samples.at(-1).fds} after the load stopped`);
  console.log(`unhandled rejections in the gateway: ${unhandled}`);
  const flat = growth("heap") < 0.2 && growth("rss") < 0.2 && avg(late, "fds") <= avg(early, "fds") * 1.2 + 10;
  const ok = report.lost === 0 && report.mismatched === 0 && unhandled === 0 && flat;
  console.log(ok ? "soak: PASS" : `soak: FAIL${flat ? "" : " (growth after warm-up)"}`);
  process.exit(ok ? 0 : 1);
}

function closedPort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The load generator and the backend, in a separate process.
async function loadRole() {
  const { Agent, request } = await import("undici");
  const backend = await startBackend();
  process.send({ backend: backend.url });
  const { start } = await new Promise((resolve) => process.on("message", (m) => m.start && resolve(m)));
  const { url, seconds, concurrency, faultRate } = start;
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 30_000 });
  const deadline = Date.now() + seconds * 1000;
  let seq = 0;
  let rnd = 12345;
  const random = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 4294967296);
  const stats = { sent: 0, answered: 0, lost: 0, mismatched: 0, byKind: {}, latencies: [], examples: [] };
  const problem = (s) => stats.examples.length < 10 && stats.examples.push(s);

  const one = async () => {
    const id = `${process.pid}-${++seq}-${Math.floor(random() * 1e9).toString(36)}`;
    const x = random();
    const fault = x < faultRate * FAULTS.length ? FAULTS[Math.floor(x / faultRate)] : "ok";
    stats.sent++;
    const t0 = performance.now();
    let res;
    let body;
    try {
      res = await request(`${url}/items/${id}?q=${id}`, { dispatcher: agent, headers: { "x-req-id": id, "x-fault": fault }, headersTimeout: 15_000, bodyTimeout: 15_000 });
      body = await res.body.text();
    } catch (e) {
      stats.lost++;
      problem(`${fault} ${id}: client error ${e.code ?? e.message}`);
      return;
    }
    stats.answered++;
    stats.byKind[fault] = (stats.byKind[fault] ?? 0) + 1;
    const want = EXPECT[fault];
    let good = res.statusCode === want.status && res.headers["x-echo-id"] === id;
    if (good && want.status === 200) {
      try {
        const j = JSON.parse(body);
        good = j.id === id && j.gw === id && j.path === `/items/${id}?q=${id}` && j.len === (fault === "huge" ? HUGE : 0);
      } catch {
        good = false;
      }
      if (good && fault === "ok") stats.latencies.push(performance.now() - t0);
    } else if (good) good = body === `${want.reason}|${id}`;
    if (!good) {
      stats.mismatched++;
      problem(`${fault} ${id}: ${res.statusCode} x-echo-id=${res.headers["x-echo-id"]} ${body.slice(0, 200)}`);
    }
  };
  const lane = async () => {
    while (Date.now() < deadline) await one();
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const l = stats.latencies.sort((a, b) => a - b);
  const q = (p) => l[Math.min(l.length - 1, Math.floor(p * l.length))] ?? 0;
  await agent.close();
  process.send({ report: { sent: stats.sent, answered: stats.answered, lost: stats.lost, mismatched: stats.mismatched, byKind: stats.byKind, p50: q(0.5), p99: q(0.99), max: l.at(-1) ?? 0, examples: stats.examples } });
}


/** A keep-alive HTTP/1.1 backend on raw sockets, so it can misbehave on request (x-fault). */
async function startBackend() {
  const server = createServer((s) => {
    s.on("error", () => {});
    let buf = "";
    let dead = false;
    s.on("data", (c) => {
      if (dead) return;
      buf += c.toString("latin1");
      for (let end = buf.indexOf("\r\n\r\n"); end !== -1 && !dead; end = buf.indexOf("\r\n\r\n")) {
        const head = buf.slice(0, end);
        buf = buf.slice(end + 4);
        const path = head.slice(head.indexOf(" ") + 1, head.indexOf(" HTTP/"));
        const h = (name) => new RegExp(`\r\n${name}: *([^\r\n]*)`, "i").exec(head)?.[1] ?? "";
        const id = h("x-forwarded-id");
        const fault = h("x-fault");
        const json = (obj) => {
          const b = Buffer.from(JSON.stringify(obj));
          return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${b.length}\r\n\r\n`), b]);
        };
        switch (fault) {
          case "silent":
            dead = true;
            break;
          case "slow":
            dead = true; // answer this one later; the gateway will not pipeline behind it
            setTimeout(() => {
              if (!s.destroyed) s.write(json({ id, path }));
              dead = false;
            }, 500);
            break;
          case "reset":
            dead = true;
            s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"id": "${id}", "pad": "`);
            setTimeout(() => s.resetAndDestroy(), 5);
            break;
          case "malformed":
            dead = true;
            s.end("HTTP/1.1 2x0 WHAT\r\nnot a header\r\n\r\n");
            break;
          case "huge":
            s.write(json({ id, path, pad: "a".repeat(HUGE) }));
            break;
          case "badjson": {
            const b = `{"id": "${id}", "path": `;
            s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${b.length}\r\n\r\n${b}`);
            break;
          }
          default:
            s.write(json({ id, path }));
        }
      }
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}` };
}

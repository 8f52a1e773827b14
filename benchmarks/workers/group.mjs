// Group "workers": `apimc serve --workers 1` against `--workers 2` (the built CLI, a real cluster)
// in front of the same backend, under wrk. Requests/s, p50, p99 and CPU µs per request of the
// gateway's process tree (primary and workers). On a 2-core machine wrk, the backend and the
// workers all share the two cores: see the note the group writes.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { BENCH_DIR, DIST, QUICK, fmt, fmtSpread, mdTable, startServer, stopChild, summary } from "../lib/util.mjs";
import { measureWrk, waitForPort } from "../gateway/group.mjs";

const TMP = join(BENCH_DIR, ".tmp", "workers");

/** `apimc serve --workers n` on a free port; resolves once it listens (its request log goes nowhere). */
async function serve(config, workers) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(DIST, "cli.js"), "serve", "--config", config, "--port", String(port), "--workers", String(workers), "--no-watch"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  await new Promise((resolve, reject) => {
    const t = setInterval(() => {
      if (/listening on/.test(err)) {
        clearInterval(t);
        resolve();
      }
    }, 50);
    child.once("exit", (c) => {
      clearInterval(t);
      reject(new Error(`apimc serve --workers ${workers} exited with ${c}: ${err}`));
    });
  });
  await waitForPort(port);
  return { info: { port, pid: child.pid }, stop: () => stopChild(child) };
}

export async function run() {
  mkdirSync(TMP, { recursive: true });
  const rounds = QUICK ? 1 : 3;
  const seconds = QUICK ? 2 : 5;
  const warmSeconds = QUICK ? 1 : 2;
  const connections = 64;
  const backend = await startServer(process.execPath, [join(BENCH_DIR, "servers", "http-server.mjs"), "backend"]);
  copyFileSync(join(BENCH_DIR, "gateway", "chain.xml"), join(TMP, "chain.xml"));
  const config = join(TMP, "gateway.json");
  writeFileSync(config, JSON.stringify({ apis: [{ id: "orders", path: "/", serviceUrl: `http://127.0.0.1:${backend.info.port}`, policy: "chain.xml", subscriptionRequired: false }] }, null, 2));
  const targets = [1, 2].map((n) => ({ name: `apimc serve --workers ${n}`, n }));
  const per = new Map(targets.map((t) => [t.name, { rps: [], p50: [], p99: [], cpu: [], errors: 0 }]));
  try {
    for (let r = 0; r < rounds; r++)
      for (const t of targets) {
        const srv = await serve(config, t.n);
        try {
          const url = `http://127.0.0.1:${srv.info.port}/orders/42?expand=lines`;
          const w = await measureWrk(url, srv.info.pid, { connections, seconds, warmSeconds });
          const p = per.get(t.name);
          p.rps.push(w.rps);
          p.p50.push(w.p50);
          p.p99.push(w.p99);
          p.cpu.push(w.cpuPerRequest);
          p.errors += w.non2xx + w.socketErrors;
          process.stderr.write(`  workers ${t.name}: ${fmt(w.rps)} req/s, p50 ${w.p50.toFixed(2)} ms, p99 ${w.p99.toFixed(2)} ms, ${fmt(w.cpuPerRequest, 1)} µs CPU/req\n`);
        } finally {
          await srv.stop();
        }
      }
  } finally {
    await backend.stop();
  }
  const res = Object.fromEntries(targets.map((t) => {
    const p = per.get(t.name);
    return [t.name, { rps: summary(p.rps), p50: summary(p.p50), p99: summary(p.p99), cpu: summary(p.cpu), errors: p.errors }];
  }));
  const one = res[targets[0].name];
  const two = res[targets[1].name];
  const ratio = two.rps.median / one.rps.median;
  const rows = targets.map((t) => {
    const x = res[t.name];
    return [t.name, fmtSpread(x.rps), fmtSpread(x.p50, 2), fmtSpread(x.p99, 2), fmtSpread(x.cpu, 1), `${(x.rps.median / one.rps.median).toFixed(2)}x`, x.errors ? String(x.errors) : ""];
  });
  const markdown = [
    mdTable(["gateway", "req/s", "p50 ms", "p99 ms", "CPU µs/req (primary + workers)", "req/s vs 1 worker", "errors"], rows),
    "",
    `wrk -t1 -c${connections}, ${warmSeconds} s warm-up then ${seconds} s measured, ${rounds} round(s) interleaved; the built CLI (\`apimc serve --no-watch\`, its per-request log line to /dev/null), chain.xml as in group 2, the backend a node:http process. ${availableParallelism()} cores.`,
    `--workers 2 gives ${ratio.toFixed(2)}x the requests/s of one worker here. What limits it: wrk (one thread), the backend (one Node process) and the gateway's processes all run on these ${availableParallelism()} cores, so a second worker mostly competes with wrk and the backend for CPU instead of adding a core of its own; the primary hands every connection to a worker (round-robin) but is not on the request path after that. On a machine with cores to spare (or with wrk and the backend elsewhere) the gain is bounded by the cores given to the workers.`,
  ].join("\n");
  return { results: res, ratio, markdown };
}

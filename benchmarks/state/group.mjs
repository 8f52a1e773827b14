// Group "state": the per-request cost of a rate-limit-by-key whose counters are in Redis against
// the same policy with its counters in memory (and against no limit). wrk (loopback) drives the
// apimc gateway (benchmarks/gateway/apimc-gateway.mjs, createGateway over a gateway.json) in front
// of the node:http backend; a redis-server on a free port holds the counters. CPU µs per request of
// the gateway process, and of redis-server, from /proc utime+stime over the measured run.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, QUICK, fmt, fmtSpread, mdTable, runChild, startServer, stopChild, summary } from "../lib/util.mjs";
import { measureWrk, waitForPort } from "../gateway/group.mjs";

const TMP = join(BENCH_DIR, ".tmp", "state");

async function startRedis() {
  const dir = join(TMP, "redis");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"], { stdio: ["ignore", "ignore", "inherit"] });
  await waitForPort(port);
  return { port, pid: child.pid, stop: () => stopChild(child) };
}

export async function run() {
  if (spawnSync("sh", ["-c", "command -v wrk && command -v redis-server"]).status !== 0) throw new Error("this group needs wrk and redis-server (apt-get install -y wrk redis-server)");
  mkdirSync(TMP, { recursive: true });
  const rounds = QUICK ? 1 : 3;
  const seconds = QUICK ? 2 : 5;
  const warmSeconds = QUICK ? 1 : 2;
  const connections = 32;
  const node = process.execPath;
  const backend = await startServer(node, [join(BENCH_DIR, "servers", "http-server.mjs"), "backend"]);
  const backendUrl = `http://127.0.0.1:${backend.info.port}`;
  const redis = await startRedis();
  copyFileSync(join(BENCH_DIR, "state", "rate-limit.xml"), join(TMP, "rate-limit.xml"));
  copyFileSync(join(BENCH_DIR, "gateway", "chain.xml"), join(TMP, "chain.xml"));
  const config = (name, policy, state) => {
    const file = join(TMP, `${name}.json`);
    writeFileSync(file, JSON.stringify({ apis: [{ id: "orders", path: "/", serviceUrl: backendUrl, policy, subscriptionRequired: false }], ...(state ? { state } : {}) }, null, 2));
    return file;
  };
  const targets = [
    { name: "no limit (chain.xml)", file: config("none", "chain.xml") },
    { name: "rate-limit-by-key in memory", file: config("memory", "rate-limit.xml") },
    { name: "rate-limit-by-key in Redis", file: config("redis", "rate-limit.xml", { redis: `redis://127.0.0.1:${redis.port}/0` }), redis: true },
  ];
  const per = new Map(targets.map((t) => [t.name, { rps: [], p50: [], p99: [], cpu: [], redisCpu: [], non2xx: 0, errors: 0 }]));
  const calls = { memoryCpu: [], redisCpu: [], memoryWall: [], redisWall: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      const c = await runChild(join(BENCH_DIR, "state", "store-calls.mjs"), [String(redis.port), String(QUICK ? 5000 : 20000)]);
      calls.memoryCpu.push(c.memory.cpuUs);
      calls.redisCpu.push(c.redis.cpuUs);
      calls.memoryWall.push(c.memory.wallUs);
      calls.redisWall.push(c.redis.wallUs);
      process.stderr.write(`  state store calls: memory ${fmt(c.memory.cpuUs, 2)} µs CPU/call, Redis ${fmt(c.redis.cpuUs, 1)} µs CPU/call (${fmt(c.redis.wallUs, 1)} µs wall/call, 32 in flight)\n`);
      for (const t of targets) {
        const srv = await startServer(node, [join(BENCH_DIR, "gateway", "apimc-gateway.mjs"), t.file]);
        try {
          const url = `http://127.0.0.1:${srv.info.port}/orders/42?expand=lines`;
          const w = await measureWrk(url, srv.info.pid, { connections, seconds, warmSeconds }, redis.pid);
          const p = per.get(t.name);
          p.rps.push(w.rps);
          p.p50.push(w.p50);
          p.p99.push(w.p99);
          p.cpu.push(w.cpuPerRequest);
          p.redisCpu.push(w.alsoCpuPerRequest);
          p.non2xx += w.non2xx;
          p.errors += w.socketErrors;
          process.stderr.write(`  state ${t.name}: ${fmt(w.rps)} req/s, p50 ${w.p50.toFixed(2)} ms, p99 ${w.p99.toFixed(2)} ms, ${fmt(w.cpuPerRequest, 1)} µs CPU/req (redis-server ${fmt(w.alsoCpuPerRequest, 1)})${w.non2xx ? `, ${w.non2xx} non-2xx` : ""}\n`);
        } finally {
          await srv.stop();
        }
      }
    }
  } finally {
    await backend.stop();
    await redis.stop();
  }
  const res = Object.fromEntries(
    targets.map((t) => {
      const p = per.get(t.name);
      return [t.name, { rps: summary(p.rps), p50: summary(p.p50), p99: summary(p.p99), cpu: summary(p.cpu), redisCpu: summary(p.redisCpu), non2xx: p.non2xx, errors: p.errors }];
    }),
  );
  const [none, mem, red] = targets.map((t) => res[t.name]);
  const extra = { memory: mem.cpu.median - none.cpu.median, redis: red.cpu.median - none.cpu.median };
  const rows = targets.map((t) => {
    const x = res[t.name];
    return [
      t.name,
      fmtSpread(x.rps),
      fmtSpread(x.p50, 2),
      fmtSpread(x.p99, 2),
      fmtSpread(x.cpu, 1),
      `${(x.cpu.median / mem.cpu.median).toFixed(2)}x`,
      t.redis ? fmtSpread(x.redisCpu, 1) : "",
      x.non2xx || x.errors ? `${x.non2xx} non-2xx, ${x.errors} socket errors` : "",
    ];
  });
  // Spread of a summary in % (fmtSpread's ± figure).
  const pct = (x) => (x.median ? (Math.max(x.median - x.min, x.max - x.median) / x.median) * 100 : 0);
  const spread = Math.max(...[none, mem, red].map((x) => pct(x.cpu)));
  const noisy = spread > 20 || extra.memory < 0 || extra.redis < 0;
  const sc = { memoryCpu: summary(calls.memoryCpu), redisCpu: summary(calls.redisCpu), memoryWall: summary(calls.memoryWall), redisWall: summary(calls.redisWall) };
  const markdown = [
    "Store calls alone (one process, no HTTP: `take` on one counter, 32 calls in flight):",
    "",
    mdTable(
      ["store", "CPU µs per call (this process)", "wall µs per call"],
      [
        ["memory (MemoryRateLimitStore)", fmtSpread(sc.memoryCpu, 2), fmtSpread(sc.memoryWall, 2)],
        ["Redis (RedisStateStore, node-redis, Lua script)", fmtSpread(sc.redisCpu, 1), fmtSpread(sc.redisWall, 1)],
      ],
    ),
    "",
    "Through the gateway (HTTP, wrk):",
    "",
    mdTable(["target", "req/s", "p50 ms", "p99 ms", "gateway CPU µs/req", "CPU vs memory", "redis-server CPU µs/req", "errors"], rows),
    "",
    `wrk -t1 -c${connections}, ${warmSeconds} s warm-up then ${seconds} s measured, ${rounds} round(s) interleaved (each gateway started fresh each round), one counter key (every call checks and counts it; the limit is never reached).`,
    noisy
      ? `The gateway CPU figures spread by up to ±${fmt(spread, 0)}% across rounds, more than the differences between the targets: this run cannot separate them through HTTP (the machine's load average is in the line above). The store-call figures are the measurement: a Redis-backed take costs the gateway ${fmt(sc.redisCpu.median, 1)} µs CPU against ${fmt(sc.memoryCpu.median, 2)} µs in memory, plus ${fmt(red.redisCpu.median, 1)} µs in redis-server.`
      : `The rate-limit-by-key itself costs the gateway ${fmt(extra.memory, 1)} µs per request in memory and ${fmt(extra.redis, 1)} µs with Redis (medians over "no limit"); with Redis, redis-server spends ${fmt(red.redisCpu.median, 1)} µs more per request running the Lua script.`,
    "wrk, the gateway, the backend and redis-server share the machine's cores, so req/s and latency are limited by all four; CPU per request is the steadiest figure of the HTTP runs.",
  ].join("\n");
  return { results: res, extra, storeCalls: sc, markdown };
}

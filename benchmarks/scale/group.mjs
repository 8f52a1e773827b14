// Group "scale": one API with N operations (each its own small policy file) in one gateway.json:
// build time, start time, memory after start, and per-request latency to the first, middle and
// last operation; and the start time and memory of the same gateway started from the build
// (`apimc serve --prebuilt`: the modules are loaded, not compiled).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Agent, request } from "undici";
import { BENCH_DIR, QUICK, fmt, mdTable, median, quantile, rssKB, runChild, startServer } from "../lib/util.mjs";

const TMP = join(BENCH_DIR, ".tmp", "scale");

function generate(n, backendUrl) {
  const dir = join(TMP, String(n));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "ops"), { recursive: true });
  const operations = [];
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, "ops", `op${i}.xml`),
      `<policies>
  <inbound>
    <base />
    <set-header name="X-Operation" exists-action="override"><value>op-${i}</value></set-header>
    <set-variable name="id" value="@(context.Request.MatchedParameters["id"])" />
    <set-header name="X-Item" exists-action="override"><value>@((string)context.Variables["id"])</value></set-header>
  </inbound>
  <backend><base /></backend>
  <outbound><base /><set-header name="X-Powered-By" exists-action="delete" /></outbound>
</policies>
`,
    );
    operations.push({ id: `op${i}`, method: "GET", urlTemplate: `/res${i}/{id}`, policy: `ops/op${i}.xml` });
  }
  writeFileSync(join(dir, "api.xml"), `<policies><inbound><base /><set-header name="X-Forwarded-Proto" exists-action="override"><value>https</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound></policies>\n`);
  const file = join(dir, "gateway.json");
  writeFileSync(file, JSON.stringify({ apis: [{ id: "big", path: "/big", serviceUrl: backendUrl, policy: "api.xml", subscriptionRequired: false, operations }] }));
  return file;
}

async function latency(agent, url, n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const r = await request(url, { dispatcher: agent });
    await r.body.dump();
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
    xs.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  return xs.sort((a, b) => a - b);
}

export async function run() {
  const sizes = QUICK ? [1, 100, 10000] : [1, 10, 100, 1000, 10000];
  const nreq = QUICK ? 200 : 500;
  const backend = await startServer(process.execPath, [join(BENCH_DIR, "servers", "http-server.mjs"), "backend"]);
  const backendUrl = `http://127.0.0.1:${backend.info.port}`;
  const out = [];
  try {
    for (const n of sizes) {
      const file = generate(n, backendUrl);
      const outdir = join(TMP, String(n), "build");
      const b = await runChild(join(BENCH_DIR, "scale", "child.mjs"), [file, outdir], { timeoutMs: 600_000 });
      const t0 = performance.now();
      const gw = await startServer(process.execPath, [join(BENCH_DIR, "gateway", "apimc-gateway.mjs"), file], { readyTimeoutMs: 600_000 });
      const wallStartMs = performance.now() - t0;
      const agent = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
      const row = { n, build: b, start: gw.info, wallStartMs };
      try {
        const base = `http://127.0.0.1:${gw.info.port}/big`;
        const targets = { first: 0, middle: n >> 1, last: n - 1 };
        for (const i of Object.values(targets)) await latency(agent, `${base}/res${i}/abc`, 100); // warm-up
        row.latency = {};
        for (const [k, i] of Object.entries(targets)) {
          const xs = await latency(agent, `${base}/res${i}/abc`, nreq);
          row.latency[k] = { p50: median(xs), p99: quantile(xs, 0.99) };
        }
        row.rssAfterKB = rssKB(gw.info.pid);
      } finally {
        await agent.close();
        await gw.stop();
      }
      // The same gateway started from the build just written (the machine is as warm as above).
      const t1 = performance.now();
      const pre = await startServer(process.execPath, [join(BENCH_DIR, "gateway", "apimc-gateway.mjs"), file, "0", outdir], { readyTimeoutMs: 600_000 });
      row.prebuilt = { start: pre.info, wallStartMs: performance.now() - t1 };
      try {
        const agent2 = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
        try {
          const r = await request(`http://127.0.0.1:${pre.info.port}/big/res${n - 1}/abc`, { dispatcher: agent2 });
          await r.body.dump();
          // The operation's outbound policy deletes the backend's X-Powered-By.
          if (r.statusCode !== 200 || r.headers["x-powered-by"] !== undefined) throw new Error(`started from the build, op${n - 1} answered ${r.statusCode} (X-Powered-By ${r.headers["x-powered-by"]})`);
        } finally {
          await agent2.close();
        }
        row.prebuilt.rssAfterKB = rssKB(pre.info.pid);
      } finally {
        await pre.stop();
      }
      out.push(row);
      process.stderr.write(`  scale ${n}: build ${fmt(b.buildMs)} ms, start ${fmt(wallStartMs)} ms (from the build ${fmt(row.prebuilt.wallStartMs)} ms), RSS ${fmt(gw.info.rss / 2 ** 20)} MB (from the build ${fmt(pre.info.rss / 2 ** 20)} MB), p50 first/last ${row.latency.first.p50.toFixed(0)}/${row.latency.last.p50.toFixed(0)} µs\n`);
    }
  } finally {
    await backend.stop();
  }
  rmSync(TMP, { recursive: true, force: true });
  const rows = out.map((r) => [
    fmt(r.n),
    fmt(r.build.buildMs),
    fmt(r.build.buildMs / r.n, 2),
    fmt(r.start.createMs),
    fmt(r.wallStartMs),
    fmt(r.start.rss / 2 ** 20),
    fmt(r.start.heapUsed / 2 ** 20),
    fmt(r.rssAfterKB / 1024),
    `${r.latency.first.p50.toFixed(0)} / ${r.latency.middle.p50.toFixed(0)} / ${r.latency.last.p50.toFixed(0)}`,
    `${r.latency.first.p99.toFixed(0)} / ${r.latency.last.p99.toFixed(0)}`,
  ]);
  const preRows = out.map((r) => [
    fmt(r.n),
    fmt(r.build.writeMs),
    `${fmt(r.start.createMs)} / ${fmt(r.prebuilt.start.createMs)}`,
    `${fmt(r.wallStartMs)} / ${fmt(r.prebuilt.wallStartMs)}`,
    `${fmt(r.start.rss / 2 ** 20)} / ${fmt(r.prebuilt.start.rss / 2 ** 20)}`,
    `${fmt(r.start.heapUsed / 2 ** 20)} / ${fmt(r.prebuilt.start.heapUsed / 2 ** 20)}`,
  ]);
  const big = out.find((r) => r.n === 10000);
  const markdown = [
    mdTable(["operations", "build ms", "build ms/op", "createGateway ms", "process start → listening ms", "RSS MB", "heap MB", "RSS after requests MB", "p50 µs first / middle / last op", "p99 µs first / last"], rows),
    "",
    "One API with N operations (`GET /resK/{id}`), each with its own 3-policy file (a literal set-header, a set-variable from MatchedParameters, a set-header from the variable) under an API policy; built in a fresh process with `buildGateway(config, \"function\")` (build ms), then started as a gateway process (createGateway compiles everything again and loads each module with `new Function`: createGateway ms; process start → listening: from spawn to the ready line, including Node's own start). RSS and heap right after listening. Latency: one keep-alive connection, sequential requests, to the first, middle and last operation in the configuration.",
    big ? `Target: 10,000 operations started in < 5 s and < 500 MB: ${fmt(big.wallStartMs / 1000, 1)} s, ${fmt(big.start.rss / 2 ** 20)} MB (${big.wallStartMs < 5000 && big.start.rss < 500 * 2 ** 20 ? "met" : "missed"}).` : "",
    "",
    "Start from the build (`apimc build`, then `apimc serve --prebuilt`): compiled at start / started from the build.",
    "",
    mdTable(["operations", "write build ms", "createGateway ms", "process start → listening ms", "RSS MB", "heap MB"], preRows),
    "",
    "The build is written once (`writeBuild`: the function-format modules and manifest.json; write build ms) by the build process above; the gateway process then loads it with `createGateway({ config, prebuilt })`: it checks the manifest (compiler version, hashes of the configuration, named values, every policy file and every module file) and loads each module with `new Function`, compiling nothing. The last operation is requested once to check it answers through its policy.",
    big ? `10,000 operations from the build: ${fmt(big.prebuilt.wallStartMs / 1000, 2)} s to listening (${fmt(big.wallStartMs / big.prebuilt.wallStartMs, 1)}x faster than compiling at start), ${fmt(big.prebuilt.start.rss / 2 ** 20)} MB RSS.` : "",
  ].join("\n");
  return { results: out, markdown };
}

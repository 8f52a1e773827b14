// Group "send": the compiled send-request path against a raw fetch and a raw undici.request to the
// same local server (another process), one call at a time.
import { join } from "node:path";
import { BENCH_DIR, QUICK, fmtSpread, mdTable, runChild, startServer, summary } from "../lib/util.mjs";

const MODES = ["compiled", "undici", "fetch"];

export async function run() {
  const rounds = QUICK ? 1 : 3;
  const calls = QUICK ? 1000 : 3000;
  const server = await startServer(process.execPath, [join(BENCH_DIR, "servers", "http-server.mjs"), "introspect"]);
  const per = Object.fromEntries(MODES.map((m) => [m, []]));
  try {
    for (let r = 0; r < rounds; r++)
      for (const m of MODES) per[m].push(await runChild(join(BENCH_DIR, "send", "child.mjs"), [m, `http://127.0.0.1:${server.info.port}`, String(calls)]));
  } finally {
    await server.stop();
  }
  const S = (m, k) => summary(per[m].map((x) => x[k]));
  const u = { p50: S("undici", "p50").median, cpu: S("undici", "cpuPerCall").median };
  const rows = MODES.map((m) => [
    m === "compiled" ? "compiled send-request" : m === "undici" ? "raw undici.request (Agent)" : "raw fetch",
    fmtSpread(S(m, "p50"), 0),
    fmtSpread(S(m, "p99"), 0),
    fmtSpread(S(m, "cpuPerCall"), 1),
    `${(S(m, "p50").median / u.p50).toFixed(2)}x`,
    `${(S(m, "cpuPerCall").median / u.cpu).toFixed(2)}x`,
  ]);
  const markdown = [
    mdTable(["client", "p50 µs", "p99 µs", "client CPU µs/call", "p50 vs undici", "CPU vs undici"], rows),
    "",
    `${calls} sequential POSTs per process after 500 warm-up calls, ${rounds} round(s) interleaved, each client in its own process; the server (node:http, another process) answers a 100-byte JSON. Client CPU: process.cpuUsage of the calling process over the measured calls. The compiled path includes a fresh Context per call and the response wrapped as IResponse.`,
  ].join("\n");
  return { results: per, markdown };
}

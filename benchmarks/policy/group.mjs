// Group "policy": every case, every side, each in its own process, several rounds interleaved.
import { join } from "node:path";
import { BENCH_DIR, QUICK, fmt, fmtSpread, mdTable, runChild, startServer, summary } from "../lib/util.mjs";
import { ALL_CASES } from "./cases.mjs";

const CHILD = join(BENCH_DIR, "policy", "child.mjs");
const SIDES = ["base", "compiled", "sections", "hand"];

export async function run({ filter } = {}) {
  const rounds = QUICK ? 1 : 3;
  const warmMs = QUICK ? 200 : 400;
  const measureMs = QUICK ? 300 : 700;
  const cases = ALL_CASES.filter((c) => !filter || filter.includes(c.name));
  let token = null;
  if (cases.some((c) => c.http)) token = await startServer(process.execPath, [join(BENCH_DIR, "servers", "http-server.mjs"), "introspect"]);
  const results = [];
  try {
    for (const c of cases) {
      const per = Object.fromEntries(SIDES.map((s) => [s, []]));
      const cpu = Object.fromEntries(SIDES.map((s) => [s, []]));
      let error = null;
      for (let r = 0; r < rounds && !error; r++)
        for (const side of SIDES) {
          try {
            const res = await runChild(CHILD, [c.name, side, String(warmMs), String(measureMs), token ? `http://127.0.0.1:${token.info.port}` : ""]);
            per[side].push(res.nsPerRequest);
            cpu[side].push(res.cpuNsPerRequest);
          } catch (e) {
            error = e.message;
            break;
          }
        }
      const s = Object.fromEntries(SIDES.map((k) => [k, per[k].length ? summary(per[k]) : null]));
      // Over loopback HTTP the wall time is mostly waiting (and the server's share of the two cores):
      // the target figure there is this process's CPU per request, as in the gateway group.
      const cpuOf = Object.fromEntries(SIDES.map((k) => [k, cpu[k].length ? summary(cpu[k]) : null]));
      const row = { name: c.name, title: c.title, error, http: Boolean(c.http), ...s, cpu: cpuOf };
      if (!error) {
        row.wallRatio = s.compiled.median / s.hand.median;
        row.cpuRatio = cpuOf.compiled.median / cpuOf.hand.median;
        row.ratio = row.http ? row.cpuRatio : row.wallRatio;
        row.netRatio = (s.compiled.median - s.base.median) / (s.hand.median - s.base.median);
        row.runner = s.compiled.median - s.sections.median;
      }
      results.push(row);
      process.stderr.write(
        error
          ? `  policy ${c.name}: ERROR ${error.split("\n")[0]}\n`
          : `  policy ${c.name}: compiled ${fmt(s.compiled.median)} ns, hand ${fmt(s.hand.median)} ns, base ${fmt(s.base.median)} ns → ${row.wallRatio.toFixed(2)}x wall, ${row.cpuRatio.toFixed(2)}x CPU (net ${row.netRatio.toFixed(2)}x)\n`,
      );
    }
  } finally {
    await token?.stop();
  }
  return { results, rounds, warmMs, measureMs, markdown: render(results, rounds) };
}

function render(results, rounds) {
  const rows = results.map((r) =>
    r.error
      ? [r.name, "error", "", "", "", "", "", "", "", r.error.split("\n")[0].slice(0, 120)]
      : [
          r.name,
          fmtSpread(r.base),
          fmtSpread(r.compiled),
          fmtSpread(r.sections),
          fmtSpread(r.hand),
          `${r.wallRatio.toFixed(2)}x`,
          `${fmt(r.cpu.compiled.median)} / ${fmt(r.cpu.hand.median)} = ${r.cpuRatio.toFixed(2)}x`,
          Number.isFinite(r.netRatio) && r.hand.median > r.base.median ? `${r.netRatio.toFixed(2)}x` : "n/a",
          fmt(r.runner),
          r.ratio <= 1.3 ? "met" : "missed",
        ],
  );
  return [
    mdTable(["case", "base ns", "compiled ns", "sections ns", "hand ns", "compiled/hand", "CPU ns compiled / hand", "net (minus base)", "runner ns", "≤1.3x"], rows),
    "",
    `ns per request, median of ${rounds} round(s) (each round: one fresh process per side, warm-up, then ~20 ms batches; the figure is the median batch), ± the spread of the rounds.`,
    "Every iteration builds a fresh Context (request line, 6-8 headers, URL, body if any): that cost is in every column.",
    "- base: the Context and the mocked backend forward only (what every side pays).",
    "- compiled: `attachHost` + `runPipeline(module, ctx)`, as the gateway runs a module.",
    "- sections: the compiled sections called directly, without runPipeline (runner ns = compiled − sections).",
    "- hand: the hand-written floor (benchmarks/policy/cases.mjs); before timing, each side's backend request, outgoing sends and response are compared with the other's and must be identical.",
    "- compiled/hand (wall) is the target figure; net = (compiled − base) / (hand − base), the policy work alone.",
    "- CPU: this process's user + system time per request (median batch). In-process cases spend all their time on the CPU, so it tracks the wall figure; for token-http (loopback HTTP to a server process sharing the two cores) most of the wall time is waiting, and the CPU ratio is the target figure.",
    "",
    ...results.map((r) => `- **${r.name}**: ${r.title}`),
  ].join("\n");
}

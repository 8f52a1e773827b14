// Group "compile": the whole corpus (allowSnippets), cold and warm, and the import time of a
// generated module.
import { join } from "node:path";
import { BENCH_DIR, QUICK, fmt, fmtSpread, mdTable, runChild, summary } from "../lib/util.mjs";

const CHILD = join(BENCH_DIR, "compile", "child.mjs");

export async function run() {
  const rounds = QUICK ? 1 : 3;
  const cold = [];
  const warm = [];
  const imp = [];
  for (let r = 0; r < rounds; r++) {
    cold.push(await runChild(CHILD, ["cold"]));
    warm.push(await runChild(CHILD, ["warm", QUICK ? "1.5" : "3"]));
  }
  const prep = await runChild(CHILD, ["prepare"]);
  for (let r = 0; r < rounds; r++) imp.push(await runChild(CHILD, ["import"]));
  const S = (xs, k) => summary(xs.map((x) => x[k]));
  const c0 = cold[0];
  const w = S(warm, "policiesPerSecond");
  const coldRate = summary(cold.map((x) => (x.docs * 1000) / x.firstPassMs));
  const rows = [
    ["import the compiler (fresh process)", `${fmtSpread(S(cold, "importMs"), 1)} ms`],
    ["first compile (one document, fresh process)", `${fmtSpread(S(cold, "firstDocMs"), 1)} ms`],
    [`first pass over the corpus (${c0.docs} documents, ${fmt(c0.bytes / 1024)} KiB; ${c0.compiled} compile clean, the rest end in diagnostics)`, `${fmtSpread(S(cold, "firstPassMs"), 0)} ms = ${fmtSpread(coldRate)} policies/s`],
    ["warm: policies/s (median pass after the first, ~3 s of passes)", `${fmtSpread(w)} policies/s (${fmtSpread(S(warm, "kbPerSecond"), 0)} KB/s)`],
    [`warm, only the ${warm[0].cleanDocs} documents that compile clean`, `${fmtSpread(S(warm, "cleanPerSecond"))} policies/s`],
    ["import the runtime (fresh process)", `${fmtSpread(S(imp, "runtimeMs"), 1)} ms`],
    ["import the first generated module (runtime loaded)", `${fmtSpread(S(imp, "firstModuleMs"), 2)} ms`],
    [`import each further generated module (${prep.modules} modules, ${fmt(prep.avgBytes)} bytes average)`, `${fmtSpread(S(imp, "restPerModuleMs"), 3)} ms`],
  ];
  const markdown = [
    mdTable(["measure", "figure"], rows),
    "",
    `Target: ≥ 1,000 policies/s warm: ${fmt(w.median)} (${w.median >= 1000 ? "met" : "missed"}). Every document counts, whether it compiles or ends in diagnostics (those may stop early, hence the clean-only row); ${rounds} round(s), each in fresh processes.`,
  ].join("\n");
  return { cold, warm, imp, prep, markdown };
}

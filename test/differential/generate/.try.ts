// scratch (untracked): node try.mjs file.json  — [[type, expr, block?], ...]
import { readFileSync } from "node:fs";
import { FUZZ_CLASS_CASES } from "../fuzz-classes-cases.js";
import { findReference } from "../csharp-harness.js";
import { evaluateWithApimc } from "../apimc-eval.js";
import { runBatch, shown, agreesWithDotNet } from "./fuzz.js";
export async function tryCases(file: string) {
  const cases = file === "fzc" ? FUZZ_CLASS_CASES : (JSON.parse(readFileSync(file, "utf8")) as [string, string, boolean?][]).map(([type, expr, block], i) => ({ id: `t${i}`, type, expr, block: !!block }));
  const { answers, rejected } = await runBatch(findReference(), cases as any, () => {});
  for (const c of cases) {
    const cs = answers.get(c.id);
    const a = await evaluateWithApimc(c as any);
    const ok = cs ? await agreesWithDotNet(c as any, cs, a) : false;
    console.log(`${ok ? "OK  " : "DIFF"} ${c.id} ${c.expr}\n   C#: ${cs ? shown(cs) : "REJECTED " + rejected.get(c.id)}\n   AP: ${shown(a)}`);
  }
}

// Records the fixed-seed generated set (fixed-set.ts) from the live C# reference, marking the cases
// apimc disagrees on as gaps; cases the reference cannot answer for .NET Framework are left out. Called by record.ts (`npm run record:csharp`).
import { relative } from "node:path";
import type { DiffCase } from "../cases.js";
import { evaluateWithApimc, type ApimcResult } from "../apimc-eval.js";
import { render } from "../canonical.js";
import { toReferenceResult, type Reference, type ReferenceResult } from "../csharp-harness.js";
import { agreesWithDotNet, mcsVariantAnswers, referenceCannotAnswer, runBatch, shown } from "./fuzz.js";
import { fixedCases, GENERATED_FILE, writeGenerated, FIXED_SEEDS, type GeneratedEntry } from "./fixed-set.js";

export async function recordGenerated(ref: Reference, versions: { mono: string; newtonsoft: string }, log: (s: string) => void): Promise<void> {
  const all = fixedCases();
  const entries: GeneratedEntry[] = [];
  let rejected = 0;
  for (let i = 0; i < all.length; i += 1000) {
    const part = all.slice(i, i + 1000);
    const { answers, rejected: rej } = await runBatch(ref, part.map((x) => x.c), log, true);
    rejected += rej.size;
    const differing: { c: DiffCase; a: ApimcResult; e: GeneratedEntry; cs: ReferenceResult }[] = [];
    for (const { c, area } of part) {
      const raw = answers.get(c.id);
      if (!raw || raw.kind === "type-mismatch") continue;
      const cs = toReferenceResult(raw);
      // (as in the fuzzer: an answer that is Mono's own, never .NET Framework's, is left out)
      if (referenceCannotAnswer(cs)) continue;
      const a = await evaluateWithApimc(c);
      const e: GeneratedEntry = { id: c.id, area, type: c.type, expr: c.expr, ...(c.block ? { block: true } : {}), answer: raw };
      if (!(await agreesWithDotNet(c, cs, a))) differing.push({ c, a, e, cs });
      entries.push(e);
    }
    // (where mcs reads the text differently from Roslyn, the variant's answer is C#'s: recorded as the answer)
    const variants = await mcsVariantAnswers(ref, differing);
    for (const { c, a, e, cs } of differing) {
      const v = variants.get(c.id);
      if (v) Object.assign(e, { answer: v.answer, mcsVariant: v.expr });
      else e.gap = `${e.area}: C# ${shown(cs).slice(0, 120)} / apimc ${shown(a).slice(0, 120)}`;
    }
  }
  writeGenerated({
    about: "The fixed-seed generated differential set (test/differential/generate/fixed-set.ts) with the C# reference's raw answers, written by `npm run record:csharp`; do not edit. `gap`: apimc differed when recorded; `mcsVariant`: the answer is that of this text, which mcs and Roslyn read alike (generate/mcs-variant.ts).",
    ...versions,
    recorded: new Date().toISOString(),
    seeds: FIXED_SEEDS,
    cases: entries,
  });
  const gaps = entries.filter((e) => e.gap).length;
  log(`generated: ${entries.length} cases (${rejected} rejected by mcs), ${gaps} known gaps -> ${relative(process.cwd(), GENERATED_FILE)}`);
  void render;
}

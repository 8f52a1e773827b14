// The fixed-seed generated differential set (generate/fixed-set.ts): a few thousand expressions and
// blocks written by the generator over the compiler's surface tables, with the C# reference's
// answers recorded in recorded/generated.json, so this needs no Mono. Every case must agree with C#,
// except the ones marked `gap` when recorded (apimc differed then), which must still differ: a
// closed gap fails here until `npm run record:csharp` re-marks the set.
import { describe, expect, it } from "vitest";
import { evaluateWithApimc } from "./apimc-eval.js";
import { toReferenceResult } from "./csharp-harness.js";
import { agreesWithDotNet, shown } from "./generate/fuzz.js";
import { entryCase, readGenerated } from "./generate/fixed-set.js";
import { RECORD_HINT } from "./recorded.js";

const file = readGenerated();

describe("generated differential set (recorded C# answers)", () => {
  it("is recorded", () => {
    expect(file, `test/differential/recorded/generated.json is missing: ${RECORD_HINT}`).not.toBeNull();
    expect(file!.cases.length).toBeGreaterThan(1000);
  });

  it("apimc agrees with C# on every case but the recorded gaps, and every gap still differs", async () => {
    const regressions: string[] = [];
    const closed: string[] = [];
    for (const e of file?.cases ?? []) {
      const cs = toReferenceResult(e.answer);
      const a = await evaluateWithApimc(entryCase(e));
      const ok = await agreesWithDotNet(entryCase(e), cs, a);
      if (!ok && !e.gap) regressions.push(`${e.id} [${e.area}] ${e.block ? "@{ " + e.expr + " }" : "@(" + e.expr + ")"}\n    static type ${e.type}\n    C#:    ${shown(cs)}\n    apimc: ${shown(a)}`);
      if (ok && e.gap) closed.push(`${e.id} [${e.area}] (was: ${e.gap})`);
    }
    const agreeing = (file?.cases.length ?? 0) - (file?.cases.filter((e) => e.gap).length ?? 0);
    console.log(`generated: apimc agrees with C# on ${agreeing}/${file?.cases.length ?? 0} recorded cases`);
    expect(regressions.slice(0, 20), `${regressions.length} generated cases no longer agree with C#`).toEqual([]);
    expect(closed.slice(0, 20), `${closed.length} recorded gaps now agree with C#: ${RECORD_HINT} to re-mark the set`).toEqual([]);
  }, 120_000);
});

// `npm run test:csharp`: the fuzzer tells the reference's own artefacts from apimc's mismatches
// (generate/fuzz.ts mcsArtefacts), live: a Mono JIT optimization (seed 34405: (1 << 31) >> 4 shifted
// logically when the operands came from unboxing) is explained by running the case unoptimized;
// a wrong answer to a case Mono answers right is not.
import { describe, expect, it } from "vitest";
import { findReference } from "./csharp-harness.js";
import { mcsArtefacts } from "./generate/fuzz.js";
import { evaluateWithApimc, type ApimcResult } from "./apimc-eval.js";

describe("fuzzer: the reference's own artefacts (live Mono)", () => {
  it("explains Mono's JIT optimization of a shift over unboxed operands, and not a wrong answer", async () => {
    const jit = { id: "jit", type: "int", expr: `(((short)(object)((short)1) << (int)(object)(0x3F)) >> (int)(object)(4))` };
    const plain = { id: "plain", type: "int", expr: `(1 << int.Parse("31")) >> 5` };
    const wrong: ApimcResult = { kind: "value", text: "123" };
    const explained = await mcsArtefacts(findReference(), [
      { c: jit, a: await evaluateWithApimc(jit) },
      { c: plain, a: wrong },
    ]);
    expect([...explained]).toEqual(["jit"]);
  }, 60_000);
});

// Bounded, seeded fuzzing of the compiler over mutated corpus documents and C# expressions (the
// long run with a worker and a hard time limit per input is `npm run fuzz`). The contract: compile()
// never throws, never reports an internal error (APIMC9001/9002), never takes 2 s on one input, and
// every module it emits verifies.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { verifyModule } from "../../compiler/verify.js";
// @ts-expect-error: plain JS shared with scripts/fuzz.mjs
import { checkResult, loadCorpus, makeInput } from "./fuzz-engine.mjs";

const CORPUS = new URL("../corpus/data/", import.meta.url).pathname;
const SEED = 20240606;
const COUNT = 8000;
const LIMIT_MS = 2000;

describe("fuzz", () => {
  it(`${COUNT} mutated inputs (seed ${SEED}) compile to a diagnostic or a verified module`, { timeout: 60_000 }, () => {
    const corpus = loadCorpus(CORPUS);
    expect(corpus.docs.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let slowest = 0;
    let compiled = 0;
    for (let i = 0; i < COUNT; i++) {
      const { xml, options } = makeInput(SEED, i, corpus);
      const t0 = performance.now();
      let result;
      try {
        result = compile(xml, options);
      } catch (e) {
        failures.push(`#${i}: compile threw ${(e as Error).stack}`);
        continue;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > LIMIT_MS) failures.push(`#${i}: took ${ms.toFixed(0)} ms`);
      if (result.code !== null) compiled++;
      const f = checkResult(result, options, verifyModule);
      if (f) failures.push(`#${i}: ${f}\n--- input ---\n${xml.slice(0, 2000)}`);
    }
    console.log(`fuzz: ${COUNT} inputs, ${compiled} compiled, slowest ${slowest.toFixed(1)} ms`);
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

// `npm run test:csharp`: runs the live C# reference (Mono's mcs/mono + Newtonsoft.Json) over every
// suite's cases and fails when an answer recorded in test/differential/recorded/ no longer matches
// it, or a case has none. Not part of `npm test` (vitest.config.ts leaves *.live.test.ts out);
// .ci/run runs both. Without mcs/mono every test here fails with the install hint.
import { beforeAll, describe, expect, it } from "vitest";
import { findReference, referenceVersions, runReference, type RawAnswer } from "./csharp-harness.js";
import { orphanAnswers, readRecorded, RECORD_HINT, recordedAnswer, SUITES } from "./recorded.js";
import { readGenerated, referenceEntryCase } from "./generate/fixed-set.js";

let referenceError: Error | null = null;
let versions = { mono: "", newtonsoft: "" };
const live = new Map<string, Map<string, RawAnswer>>();

beforeAll(async () => {
  try {
    const ref = findReference();
    versions = await referenceVersions(ref);
    for (const s of SUITES) live.set(s.name, await runReference(s.cases, ref));
  } catch (e) {
    referenceError = e as Error;
  }
}, 180_000);

describe.each(SUITES.map((s) => [s.name, s] as const))("recorded C# answers of '%s' vs the live reference", (_name, s) => {
  const rec = readRecorded(s);

  it("the C# reference is installed and answers every case", () => {
    if (referenceError) throw referenceError;
    expect(s.cases.filter((c) => !live.get(s.name)!.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("no recorded answer is left over from a case that no longer exists", () => {
    expect(orphanAnswers(s, rec), RECORD_HINT).toEqual([]);
  });

  it.each(s.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    if (referenceError) throw referenceError;
    const recorded = recordedAnswer(s, rec, c);
    if ("error" in recorded) throw new Error(recorded.error);
    const now = live.get(s.name)!.get(c.id);
    const where = `recorded with ${rec!.mono}; ${rec!.newtonsoft} (${rec!.recorded}); live: ${versions.mono}; ${versions.newtonsoft}`;
    expect(now, `the live C# answer of '${c.id}' differs from the recorded one (${where}): if the change is right, ${RECORD_HINT}`).toEqual(recorded.answer);
  });
});

// The fixed-seed generated set (recorded/generated.json) carries its cases: run them live (the mcs
// variant where the answer was recorded from one) and compare with the recorded answers.
describe("recorded C# answers of the generated set vs the live reference", () => {
  it("every recorded answer is the live reference's", async () => {
    const gen = readGenerated();
    expect(gen, RECORD_HINT).not.toBeNull();
    const ref = findReference();
    const cases = gen!.cases.map(referenceEntryCase);
    const differ: string[] = [];
    for (let i = 0; i < cases.length; i += 1000) {
      const answers = await runReference(cases.slice(i, i + 1000), ref);
      for (const e of gen!.cases.slice(i, i + 1000)) {
        if (JSON.stringify(answers.get(e.id)) !== JSON.stringify(e.answer)) differ.push(`${e.id}: recorded ${JSON.stringify(e.answer)}, live ${JSON.stringify(answers.get(e.id))}`);
      }
    }
    expect(differ.slice(0, 20), `${differ.length} generated answers differ from the live reference: ${RECORD_HINT}`).toEqual([]);
  }, 300_000);
});

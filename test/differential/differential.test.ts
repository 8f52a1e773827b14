// Differential tests: every case in cases.ts is evaluated by apimc and compared with the C# reference's
// answer (Mono's mcs/mono + Newtonsoft.Json), recorded in recorded/differential.json by
// `npm run record:csharp`, so this suite needs no Mono; `npm run test:csharp` (reference.live.test.ts)
// checks the recorded answers against the live reference. A case without a recorded answer, or edited
// since, fails with the command to run; it is never skipped. Cases listed in KNOWN_GAPS must still
// differ (remove them when fixed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, KNOWN_GAPS, type DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";
import { orphanAnswers, readRecorded, recordedReference, suite } from "./recorded.js";
import { apimcSource, evaluateWithApimc, type ApimcResult } from "./apimc-eval.js";
import { fromExpectation, render, type Outcome } from "./canonical.js";

const SUITE = suite("differential");
let reference: Map<string, ReferenceResult> = new Map();
let unrecorded: Map<string, string> = new Map();
const apimc = new Map<string, ApimcResult>();

/** What .NET gives for a case: the reference's answer, adjusted where Mono is known to differ. */
function expected(c: DiffCase): Outcome | { kind: "error"; message: string } {
  const r = reference.get(c.id);
  if (!r) return { kind: "error", message: unrecorded.get(c.id) ?? `no C# answer for '${c.id}'` };
  if (r.kind === "type-mismatch") {
    return { kind: "error", message: `cases.ts declares type '${c.type}' for '${c.id}' but C# infers ${r.actual}` };
  }
  if (c.expectDotNet !== undefined) return fromExpectation(c.expectDotNet);
  if (c.windowsNewline && r.kind === "value") return { kind: "value", text: r.text.replace(/\r?\n/g, "\r\n") };
  return r;
}

function actualText(a: ApimcResult): string {
  return a.kind === "compile-error" ? `<does not compile: ${a.codes.join(",") || "error"}>` : render(a);
}

function agrees(c: DiffCase): boolean {
  const e = expected(c);
  const a = apimc.get(c.id);
  return e.kind !== "error" && a !== undefined && a.kind !== "compile-error" && render(a) === render(e);
}

beforeAll(async () => {
  ({ results: reference, errors: unrecorded } = recordedReference(SUITE));
  for (const c of CASES) apimc.set(c.id, await evaluateWithApimc(c));
}, 120_000);

afterAll(() => {
  const pass = CASES.filter(agrees).length;
  const pct = ((100 * pass) / CASES.length).toFixed(1);
  console.log(
    `differential: apimc agrees with C# on ${pass}/${CASES.length} cases (${pct}%); ${Object.keys(KNOWN_GAPS).length} known gaps` +
      (unrecorded.size ? ` — ${unrecorded.size} cases without a usable recorded C# answer` : ""),
  );
});

describe("differential: apimc vs C# (answers recorded from mono)", () => {
  it("every case has a C# answer recorded for its current expression, and no answer is left over", () => {
    expect([...unrecorded.values()]).toEqual([]);
    expect(orphanAnswers(SUITE, readRecorded(SUITE)), "answers of cases that no longer exist: run `npm run record:csharp`").toEqual([]);
  });

  it("case ids are unique and KNOWN_GAPS lists only existing cases", () => {
    const ids = CASES.map((c) => c.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(Object.keys(KNOWN_GAPS).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("the declared C# types of the cases are right", () => {
    const wrong = CASES.flatMap((c) => {
      const r = reference.get(c.id);
      return r?.kind === "type-mismatch" ? [`${c.id}: declared ${c.type}, C# infers ${r.actual}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const e = expected(c);
    if (e.kind === "error") throw new Error(e.message);
    const a = apimc.get(c.id)!;
    const gap = KNOWN_GAPS[c.id];
    const detail =
      `C# expression: ${apimcSource(c)}\n  static type: ${c.type}\n  expected (C#): ${render(e)}\n  apimc:         ${actualText(a)}` +
      (a.kind === "compile-error" ? `\n${a.message}` : a.kind === "throw" && a.message ? ` (${a.message})` : "");
    if (gap !== undefined) {
      expect(agrees(c), `'${c.id}' is listed in KNOWN_GAPS (${gap}) but now passes: remove it from the list.\n  ${detail}`).toBe(false);
      return;
    }
    expect(a.kind !== "compile-error" && render(a) === render(e), detail).toBe(true);
  });
});

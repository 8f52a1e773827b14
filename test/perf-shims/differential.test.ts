// The shims made faster (String.Split/Replace/Trim/Join, Encoding, the JSON reader and writer)
// against the C# reference (Mono + Newtonsoft.Json, the harness of test/differential), on the shapes
// the fast paths take and the edges beside them (shim-cases.ts). The reference's answers are recorded
// in test/differential/recorded/perf-shims.json (`npm run record:csharp`; `npm run test:csharp`
// checks them against the live reference), so this suite needs no Mono.
import { beforeAll, describe, expect, it } from "vitest";
import type { ReferenceResult } from "../differential/csharp-harness.js";
import { orphanAnswers, readRecorded, recordedReference, suite } from "../differential/recorded.js";
import { evaluateWithApimc, type ApimcResult } from "../differential/apimc-eval.js";
import { render } from "../differential/canonical.js";
import { SHIM_CASES as CASES } from "./shim-cases.js";

const SUITE = suite("perf-shims");
let reference: Map<string, ReferenceResult> = new Map();
let unrecorded: Map<string, string> = new Map();
const apimc = new Map<string, ApimcResult>();

beforeAll(async () => {
  ({ results: reference, errors: unrecorded } = recordedReference(SUITE));
  for (const k of CASES) apimc.set(k.id, await evaluateWithApimc(k));
}, 120_000);

describe("fast-path shims vs C# (answers recorded from mono)", () => {
  it("no recorded answer is left over from a case that no longer exists", () => {
    expect(orphanAnswers(SUITE, readRecorded(SUITE)), "run `npm run record:csharp`").toEqual([]);
  });

  it.each(CASES.map((k) => [k.id, k] as const))("%s", (_id, k) => {
    const r = reference.get(k.id);
    if (!r) throw new Error(unrecorded.get(k.id) ?? `no C# answer for ${k.id}`);
    if (r.kind === "type-mismatch") throw new Error(`declared ${k.type}, C# infers ${r.actual}`);
    const e = k.windowsNewline && r.kind === "value" ? { kind: "value" as const, text: r.text.replace(/\r?\n/g, "\r\n") } : r;
    const a = apimc.get(k.id)!;
    const shown = a.kind === "compile-error" ? `<does not compile: ${a.message}>` : render(a);
    expect(shown, `C#: ${k.expr}`).toBe(render(e));
  });
});

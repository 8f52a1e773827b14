// The C# reference's answers, recorded next to the cases (test/differential/recorded/<suite>.json) so
// `npm test` compares apimc with them without Mono. `npm run record:csharp` (scripts/record-csharp.mjs)
// writes them from the live reference; `npm run test:csharp` (reference.live.test.ts) re-runs the
// reference and fails when a recorded answer no longer matches it.
//
// Each answer carries a fingerprint of what the C# program evaluated for its case (type, expression,
// block, context): editing a case without recording again is reported, never compared with a stale answer.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { CASES, type DiffCase } from "./cases.js";
import { toReferenceResult, type RawAnswer, type ReferenceResult } from "./csharp-harness.js";
import { SHIM_CASES } from "../perf-shims/shim-cases.js";

export interface Suite {
  name: string;
  cases: readonly DiffCase[];
  /** The recorded answers' file. */
  file: string;
}

const recordedFile = (name: string) => new URL(`./recorded/${name}.json`, import.meta.url).pathname;
/** The fixed-seed generated set with its answers (generate/fixed-set.ts); defined here, beside recorded/, so bundles find it too. */
export const GENERATED_FILE = recordedFile("generated");

/** Every case table compared with the C# reference. */
export const SUITES: readonly Suite[] = [
  { name: "differential", cases: CASES, file: recordedFile("differential") },
  { name: "perf-shims", cases: SHIM_CASES, file: recordedFile("perf-shims") },
];

export const suite = (name: string): Suite => SUITES.find((s) => s.name === name)!;

export const RECORD_HINT = "run `npm run record:csharp` (needs Mono: see the README's Tests section) and commit test/differential/recorded/";

export interface RecordedFile {
  about: string;
  /** First line of `mono --version`. */
  mono: string;
  /** The Newtonsoft.Json assembly the program was compiled against. */
  newtonsoft: string;
  recorded: string;
  answers: Record<string, { fingerprint: string; answer: RawAnswer }>;
}

/** What the C# program evaluates for a case; TS-side adjustments (expectDotNet, windowsNewline) excluded. */
export function fingerprint(c: DiffCase): string {
  const what = JSON.stringify([c.type, c.expr, c.block ?? false, c.context ?? null]);
  return createHash("sha256").update(what).digest("hex").slice(0, 16);
}

export function readRecorded(s: Suite): RecordedFile | null {
  return existsSync(s.file) ? (JSON.parse(readFileSync(s.file, "utf8")) as RecordedFile) : null;
}

/** The recorded answer of one case, or why there is none usable. */
export function recordedAnswer(s: Suite, rec: RecordedFile | null, c: DiffCase): { answer: RawAnswer } | { error: string } {
  if (!rec) return { error: `no recorded C# answers for suite '${s.name}' (${s.file} is missing): ${RECORD_HINT}` };
  const r = rec.answers[c.id];
  if (!r) return { error: `case '${c.id}' has no recorded C# answer: ${RECORD_HINT}` };
  if (r.fingerprint !== fingerprint(c)) {
    return { error: `case '${c.id}' changed since its C# answer was recorded (${rec.recorded}): ${RECORD_HINT}` };
  }
  return { answer: r.answer };
}

/**
 * The recorded reference for a suite in the shape the live harness gives (float tokens formatted),
 * and one error a case without a usable recorded answer (missing, stale).
 */
export function recordedReference(s: Suite): { results: Map<string, ReferenceResult>; errors: Map<string, string> } {
  const rec = readRecorded(s);
  const results = new Map<string, ReferenceResult>();
  const errors = new Map<string, string>();
  for (const c of s.cases) {
    const r = recordedAnswer(s, rec, c);
    if ("error" in r) errors.set(c.id, r.error);
    else results.set(c.id, toReferenceResult(r.answer));
  }
  return { results, errors };
}

/** Ids in the recorded file that no case has any more (left behind by a rename or removal). */
export function orphanAnswers(s: Suite, rec: RecordedFile | null): string[] {
  const ids = new Set(s.cases.map((c) => c.id));
  return Object.keys(rec?.answers ?? {}).filter((id) => !ids.has(id));
}

/** Writes a suite's answers in case order (stable diffs), with the versions they came from. */
export function writeRecorded(s: Suite, answers: Map<string, RawAnswer>, versions: { mono: string; newtonsoft: string }, date = new Date()): void {
  const out: RecordedFile = {
    about: `Answers of the C# reference (Mono + Newtonsoft.Json) for the '${s.name}' cases, written by \`npm run record:csharp\` (scripts/record-csharp.mjs); do not edit.`,
    mono: versions.mono,
    newtonsoft: versions.newtonsoft,
    recorded: date.toISOString(),
    answers: {},
  };
  for (const c of s.cases) {
    const a = answers.get(c.id);
    if (!a) throw new Error(`the C# program printed no answer for '${c.id}' (suite ${s.name})`);
    out.answers[c.id] = { fingerprint: fingerprint(c), answer: a };
  }
  // One line an answer: a changed answer is a one-line diff.
  const { answers: all, ...header } = out;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  const lines = Object.entries(all).map(([id, a]) => `    ${JSON.stringify(id)}: ${JSON.stringify(a)}`);
  writeFileSync(s.file, `${head},\n  "answers": {\n${lines.join(",\n")}\n  }\n}\n`);
}

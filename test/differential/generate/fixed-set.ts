// The fixed-seed set of generated cases that `npm test` checks without Mono (generated.test.ts).
// `npm run record:csharp` regenerates it from FIXED_SEEDS and writes recorded/generated.json: each
// case (its C# text, so a later change of the generator or of the surface tables does not make the
// recorded answers stale) with the C# reference's answer. Cases mcs rejects, or whose static type is
// not the one the generator declared, are left out (the fuzzer reports those).
//
// A case on which apimc disagrees with C# at recording time is kept and marked `gap` with what
// differs: generated.test.ts asserts that every other case agrees and that every gap still differs,
// so a fix shows as "gap closed" and a regression as a failure. Fixing a gap: fix apimc, then
// `npm run record:csharp` (which re-marks) and commit the smaller list.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { DiffCase } from "../cases.js";
import type { RawAnswer } from "../csharp-harness.js";
import { generateCases } from "./generator.js";

/** Seeds and counts of the fixed set: a few thousand cases, a few seconds in `npm test`. */
export const FIXED_SEEDS: readonly { seed: number; count: number }[] = [
  { seed: 101, count: 1000 },
  { seed: 202, count: 1000 },
  { seed: 303, count: 1000 },
];

export { GENERATED_FILE } from "../recorded.js";
import { GENERATED_FILE } from "../recorded.js";

export interface GeneratedEntry {
  id: string;
  area: string;
  type: string;
  expr: string;
  block?: boolean;
  answer: RawAnswer;
  /** apimc differed from C# when recorded: area and what differed. */
  gap?: string;
  /**
   * mcs compiles the text differently from Roslyn (generate/mcs-variant.ts): `answer` is the answer
   * to this variant of it, which both compilers read alike.
   */
  mcsVariant?: string;
}

export interface GeneratedFile {
  about: string;
  mono: string;
  newtonsoft: string;
  recorded: string;
  seeds: typeof FIXED_SEEDS;
  cases: GeneratedEntry[];
}

/** The fixed set's cases as generated now, with their areas. */
export function fixedCases(): { c: DiffCase; area: string }[] {
  return FIXED_SEEDS.flatMap(({ seed, count }) => {
    const { nodes, cases } = generateCases(seed, count, "g");
    return cases.map((c, i) => ({ c, area: nodes[i]!.area }));
  });
}

export function readGenerated(): GeneratedFile | null {
  return existsSync(GENERATED_FILE) ? (JSON.parse(readFileSync(GENERATED_FILE, "utf8")) as GeneratedFile) : null;
}

/** The case apimc runs: the generated text. */
export const entryCase = (e: GeneratedEntry): DiffCase => caseOf(e, e.expr);

/** The case the C# reference answered: the mcs variant when there is one (see `mcsVariant`). */
export const referenceEntryCase = (e: GeneratedEntry): DiffCase => caseOf(e, e.mcsVariant ?? e.expr);

const caseOf = (e: GeneratedEntry, expr: string): DiffCase => (e.block ? { id: e.id, type: e.type, expr, block: true } : { id: e.id, type: e.type, expr });

export function writeGenerated(f: GeneratedFile): void {
  const { cases, ...header } = f;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, "");
  writeFileSync(GENERATED_FILE, `${head},\n  "cases": [\n${cases.map((c) => `    ${JSON.stringify(c)}`).join(",\n")}\n  ]\n}\n`);
}

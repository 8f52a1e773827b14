// `npm run record:csharp`: runs the live C# reference (Mono + Newtonsoft.Json) over every suite's
// cases and writes the answers to test/differential/recorded/ (bundled and run by scripts/record-csharp.mjs).
import { relative } from "node:path";
import { findReference, referenceVersions, runReference } from "./csharp-harness.js";
import { fingerprint, orphanAnswers, readRecorded, SUITES, writeRecorded } from "./recorded.js";
import { recordGenerated } from "./generate/record-generated.js";
import { recordXsd } from "./xsd-reference.js";

export async function recordAll(log: (line: string) => void = console.log): Promise<void> {
  const ref = findReference();
  const versions = await referenceVersions(ref);
  log(`C# reference: ${versions.mono}; ${versions.newtonsoft}`);
  for (const s of SUITES) {
    const before = readRecorded(s);
    const answers = await runReference(s.cases, ref);
    const changed = s.cases.filter(
      (c) => before?.answers[c.id]?.fingerprint !== fingerprint(c) || JSON.stringify(before?.answers[c.id]?.answer) !== JSON.stringify(answers.get(c.id)),
    ).length;
    const same = before && changed === 0 && orphanAnswers(s, before).length === 0 && before.mono === versions.mono && before.newtonsoft === versions.newtonsoft;
    // Nothing new: the file (and its date) stays as it is, so a re-run makes no diff.
    if (!same) writeRecorded(s, answers, versions);
    const mismatches = s.cases.filter((c) => answers.get(c.id)?.kind === "type-mismatch").map((c) => c.id);
    log(`${s.name}: ${s.cases.length} answers, ${same ? "unchanged" : `${changed} new or changed`} -> ${relative(process.cwd(), s.file)}`);
    if (mismatches.length) log(`  declared type wrong (the tests will say so): ${mismatches.join(", ")}`);
  }
  // The XML Schema matrix (xsd-cases.ts): System.Xml.Schema's verdicts.
  await recordXsd(ref, versions.mono, log);
  // The fixed-seed generated set (generate/fixed-set.ts); `--no-generated` leaves it as it is.
  if (!process.argv.includes("--no-generated")) await recordGenerated(ref, versions, log);
}

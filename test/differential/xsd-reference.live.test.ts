// `npm run test:csharp`: the recorded System.Xml.Schema verdicts (recorded/xsd.json) against a live
// run of .NET's validator under Mono, so a recording that no longer matches it is caught.
import { describe, expect, it } from "vitest";
import { XSD_CASES } from "./xsd-cases.js";
import { readXsdRecorded, runXsdReference } from "./xsd-reference.js";

describe("XML Schema reference (live Mono)", () => {
  it("answers as recorded", { timeout: 180_000 }, async () => {
    const live = await runXsdReference(XSD_CASES);
    const recorded = readXsdRecorded();
    expect(recorded, "record with `npm run record:xsd`").not.toBeNull();
    const differences: string[] = [];
    for (const c of XSD_CASES) if (JSON.stringify(live[c.id]) !== JSON.stringify(recorded!.answers[c.id])) differences.push(`${c.id}: live ${JSON.stringify(live[c.id])}, recorded ${JSON.stringify(recorded!.answers[c.id])}`);
    expect(differences).toEqual([]);
  });
});

// apimc's XML Schema validation against .NET's (System.Xml.Schema through Mono, recorded in
// recorded/xsd.json by `npm run record:csharp`): every schema of xsd-cases.ts compiles in both,
// and every document gets the same verdict. Each document also says what it is meant to be, so
// the matrix keeps a conforming and a failing document for every construct.
import { describe, expect, it } from "vitest";
import { compileXsd } from "../../compiler/validation/xsd-compile.js";
import { validateXml } from "../../runtime/validation/xsd-validate.js";
import { XSD_CASES, type XsdCase } from "./xsd-cases.js";
import { readXsdRecorded, xsdFingerprint } from "./xsd-reference.js";

const HINT = "run `npm run record:csharp` (needs Mono) and commit test/differential/recorded/xsd.json";
const recorded = readXsdRecorded();

export function compileCase(c: XsdCase) {
  const [main, ...rest] = Object.entries(c.schemas);
  void rest;
  return compileXsd([{ file: main![0], text: main![1] }], (loc) => (c.schemas[loc] !== undefined ? { file: loc, text: c.schemas[loc]! } : `no schema '${loc}' in the case`));
}

describe("XML Schema differential (recorded System.Xml.Schema verdicts)", () => {
  it("has a current recording for every case", () => {
    expect(recorded, HINT).not.toBeNull();
    for (const c of XSD_CASES) expect(recorded!.answers[c.id]?.fingerprint, `${c.id}: ${HINT}`).toBe(xsdFingerprint(c));
  });

  it("every construct has a conforming and a failing document, as .NET judges them", () => {
    for (const c of XSD_CASES.filter((x) => !x.invalidSchema)) {
      const docs = Object.values(recorded!.answers[c.id]!.docs);
      expect(docs.some((d) => d.valid), `${c.id}: no valid document`).toBe(true);
      expect(docs.some((d) => !d.valid), `${c.id}: no invalid document`).toBe(true);
    }
  });

  for (const c of XSD_CASES) {
    it(`${c.id}: same verdicts as .NET`, () => {
      const answer = recorded!.answers[c.id]!;
      const r = compileCase(c);
      if (c.invalidSchema) {
        // Both refuse the schema.
        expect(answer.schemaError, `${c.id}: .NET accepts the schema`).not.toBeNull();
        expect(r.diagnostics.map((d) => d.code)).toContain("APIMC5040");
        return;
      }
      expect(r.diagnostics, c.id).toEqual([]);
      expect(answer.schemaError).toBeNull();
      const differences: string[] = [];
      for (const [docId, [meant, text]] of Object.entries(c.docs)) {
        const net = answer.docs[docId]!;
        const ours = validateXml(r.tables!, text);
        if ((ours === null) !== net.valid) differences.push(`${docId}: .NET ${net.valid ? "valid" : `invalid (${net.message})`}, apimc ${ours ? `invalid (${ours.message})` : "valid"}`);
        // The case says what it is meant to be: a wrong expectation is a wrong case.
        if (meant !== net.valid) differences.push(`${docId}: the case means it to be ${meant ? "valid" : "invalid"}, .NET says ${net.valid ? "valid" : `invalid: ${net.message}`}`);
      }
      expect(differences).toEqual([]);
    });
  }
});

// The XML Schema differential's C# side: writes each case of xsd-cases.ts to a folder (its schemas
// and documents), runs xsd/XsdReference.cs (compiled once with mcs, cached like the other C#
// programs) under Mono, and reads its verdicts. The answers are recorded in recorded/xsd.json
// (`npm run record:csharp`), so `npm test` compares apimc with .NET without Mono.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { compileProgram, findReference, type Reference } from "./csharp-harness.js";
import { XSD_CASES, type XsdCase } from "./xsd-cases.js";

const run = promisify(execFile);
export const XSD_RECORDED = new URL("./recorded/xsd.json", import.meta.url).pathname;
const SOURCE = new URL("./xsd/XsdReference.cs", import.meta.url).pathname;

export interface XsdDocAnswer {
  valid: boolean;
  line: number;
  position: number;
  message: string;
}
export interface XsdCaseAnswer {
  fingerprint: string;
  /** null: the schema set compiles; else .NET's error. */
  schemaError: string | null;
  docs: Record<string, XsdDocAnswer>;
}
export interface XsdRecorded {
  about: string;
  mono: string;
  recorded: string;
  answers: Record<string, XsdCaseAnswer>;
}

/** What the C# program reads for a case: a change means the answer must be recorded again. */
export function xsdFingerprint(c: XsdCase): string {
  return createHash("sha256").update(JSON.stringify([c.schemas, c.docs])).digest("hex").slice(0, 16);
}

export function readXsdRecorded(): XsdRecorded | null {
  return existsSync(XSD_RECORDED) ? (JSON.parse(readFileSync(XSD_RECORDED, "utf8")) as XsdRecorded) : null;
}

/** Runs .NET's validator (Mono) over the cases. */
export async function runXsdReference(cases: readonly XsdCase[] = XSD_CASES, ref: Reference = findReference()): Promise<Record<string, XsdCaseAnswer>> {
  const exe = await compileProgram(ref, readFileSync(SOURCE, "utf8"), [], "xsd-reference.exe");
  const dir = mkdtempSync(join(tmpdir(), "apimc-xsd-"));
  try {
    for (const c of cases) {
      const d = join(dir, c.id);
      mkdirSync(d);
      for (const [name, text] of Object.entries(c.schemas)) writeFileSync(join(d, name), text);
      for (const [id, [, text]] of Object.entries(c.docs)) writeFileSync(join(d, `${id}.xml`), text);
    }
    const { stdout } = await run(ref.mono, [exe, dir], { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" }, timeout: 120_000 });
    const out: Record<string, XsdCaseAnswer> = {};
    for (const c of cases) out[c.id] = { fingerprint: xsdFingerprint(c), schemaError: null, docs: {} };
    for (const line of stdout.split("\n")) {
      if (!line) continue;
      const f = line.split("\t");
      if (f[0] === "schema") out[f[1]!]!.schemaError = f[2] === "ok" ? null : f[3]!;
      else if (f[0] === "doc") out[f[1]!]!.docs[f[2]!] = { valid: f[3] === "valid", line: Number(f[4]), position: Number(f[5]), message: f[6] ?? "" };
      else throw new Error(`unexpected line from XsdReference: ${JSON.stringify(line)}`);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run record:csharp`'s XSD part: writes recorded/xsd.json when an answer changed. */
export async function recordXsd(ref: Reference, mono: string, log: (line: string) => void): Promise<void> {
  const answers = await runXsdReference(XSD_CASES, ref);
  const before = readXsdRecorded();
  const same = before && before.mono === mono && JSON.stringify(before.answers) === JSON.stringify(answers);
  if (!same)
    writeFileSync(
      XSD_RECORDED,
      `${JSON.stringify({ about: "System.Xml.Schema verdicts (Mono) for test/differential/xsd-cases.ts; written by npm run record:csharp", mono, recorded: new Date().toISOString().slice(0, 10), answers } satisfies XsdRecorded, null, 1)}\n`,
    );
  const docs = Object.values(answers).reduce((n, a) => n + Object.keys(a.docs).length, 0);
  log(`xsd: ${XSD_CASES.length} schemas, ${docs} documents, ${same ? "unchanged" : "recorded"} -> test/differential/recorded/xsd.json`);
}

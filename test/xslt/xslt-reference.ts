// Runs the cases through .NET's XslCompiledTransform (Mono): XsltReference.cs built with mcs once per
// run. Used by xslt.live.test.ts (`npm run test:csharp`), which also rewrites recorded.json with
// APIMC_RECORD=1.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findReference } from "../differential/csharp-harness.js";
import { XSLT_CASES, sheet } from "./cases.js";

export type XsltAnswer = { output: string } | { error: string };

export function referenceAnswers(): XsltAnswer[] {
  const ref = findReference();
  const exe = join(mkdtempSync(join(tmpdir(), "apimc-xslt-ref-")), "XsltReference.exe");
  const source = join(dirname(fileURLToPath(import.meta.url)), "XsltReference.cs");
  execFileSync(ref.mcs, [`-out:${exe}`, "-r:System.Xml.dll", `-r:${ref.newtonsoft}`, source], { stdio: "pipe" });
  const input = JSON.stringify(XSLT_CASES.map((c) => ({ xml: c.xml, xsl: sheet(c), params: c.params ?? {} })));
  const out = execFileSync(ref.mono, [exe], { input, env: { ...process.env, MONO_PATH: dirname(ref.newtonsoft) }, maxBuffer: 16 << 20 }).toString("utf8");
  return JSON.parse(out) as XsltAnswer[];
}

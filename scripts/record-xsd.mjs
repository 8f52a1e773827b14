// `npm run record:xsd`: records only the XML Schema differential (System.Xml.Schema's verdicts for
// test/differential/xsd-cases.ts, through Mono) into test/differential/recorded/xsd.json.
// `npm run record:csharp` records it too, with every other suite.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL("../test/differential/", import.meta.url));
const out = join(dir, `.record-xsd-${process.pid}.mjs`);
try {
  await build({
    stdin: { contents: `export { recordXsd } from "./xsd-reference.ts"; export { findReference, referenceVersions } from "./csharp-harness.ts";`, resolveDir: dir, loader: "ts" },
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  const { recordXsd, findReference, referenceVersions } = await import(pathToFileURL(out).href);
  const ref = findReference();
  const versions = await referenceVersions(ref);
  await recordXsd(ref, versions.mono, console.log);
} finally {
  rmSync(out, { force: true });
}

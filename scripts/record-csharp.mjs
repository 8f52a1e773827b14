// `npm run record:csharp`: records the C# reference's answers for the differential cases into
// test/differential/recorded/*.json (with the Mono and Newtonsoft.Json versions), which `npm test`
// compares apimc with. Needs mcs, mono and Newtonsoft.Json (README, Tests). The TypeScript of
// test/differential is bundled first, as scripts/fuzz.mjs does.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL("../test/differential/", import.meta.url));
// Beside its sources, so the paths they take from import.meta.url (recorded/, the exe cache) hold.
const out = join(dir, `.record-csharp-${process.pid}.mjs`);
try {
  await build({ entryPoints: [join(dir, "record.ts")], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  const { recordAll } = await import(pathToFileURL(out).href);
  await recordAll();
} finally {
  rmSync(out, { force: true });
}

// `npm run fuzz:csharp -- --count N --seed S [--batch 400] [--out fuzz-out] [--shrink-rounds 10] [--only regex]`:
// generated differential testing of apimc against the C# reference (Mono's mcs/mono +
// Newtonsoft.Json): test/differential/generate/fuzz.ts, bundled first as record-csharp.mjs does.
// Mismatches, shrunk, go to <out>/mismatches.json (with a line each to paste into cases.ts).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]?.startsWith("--") ? "true" : all[i + 1]]] : acc), []),
);
const dir = fileURLToPath(new URL("../test/differential/", import.meta.url));
const out = join(dir, `.record-csharp-fuzz-${process.pid}.mjs`);
try {
  await build({ entryPoints: [join(dir, "generate/fuzz.ts")], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  const { fuzz } = await import(pathToFileURL(out).href);
  await fuzz({
    count: Number(args.count ?? 1000),
    seed: Number(args.seed ?? 1),
    batch: Number(args.batch ?? 400),
    out: args.out ?? "fuzz-out",
    shrinkRounds: Number(args["shrink-rounds"] ?? 10),
    only: args.only,
  });
} finally {
  rmSync(out, { force: true });
}

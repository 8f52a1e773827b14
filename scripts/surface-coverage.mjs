// `npm run coverage:surface`: writes docs/surface-coverage.md, the table of APIM's allowed types and
// members and which of them apimc supports (scripts/surface-coverage/coverage.ts). `--check` exits 1
// when the committed file is out of date instead of writing it.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "scripts/surface-coverage", `.bundle-${process.pid}.mjs`);
try {
  await build({ entryPoints: [join(root, "scripts/surface-coverage/coverage.ts")], outfile: out, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  const { coverageMarkdown, namespaceTotals } = await import(pathToFileURL(out).href);
  const file = join(root, "docs/surface-coverage.md");
  const text = coverageMarkdown();
  if (process.argv.includes("--check")) {
    let old = "";
    try {
      old = readFileSync(file, "utf8");
    } catch {}
    if (old !== text) {
      console.error("docs/surface-coverage.md is out of date: run `npm run coverage:surface`");
      process.exit(1);
    }
  } else writeFileSync(file, text);
  for (const t of namespaceTotals()) console.log(`${t.namespace.padEnd(52)} ${String(t.supported).padStart(4)}/${String(t.members).padEnd(4)} ${((100 * t.supported) / t.members).toFixed(1)}%`);
} finally {
  rmSync(out, { force: true });
}

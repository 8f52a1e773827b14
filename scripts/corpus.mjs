// `npm run corpus`: compiles every document of the corpus (test/corpus/data) with the gateway's compiler and
// prints, per file, "compiled" or the diagnostic codes (errors first), then the totals.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { compile } from "../dist/index.js";

const root = new URL("../test/corpus/data/", import.meta.url).pathname;
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith(".xml") ? [join(d, n)] : []));
let ok = 0;
const files = walk(root).sort();
const started = performance.now();
for (const f of files) {
  const r = compile(readFileSync(f, "utf8"), { file: relative(root, f), allowSnippets: true, checkOnly: true });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.code !== null) ok++;
  const what = r.code !== null ? "compiled" : errors.map((d) => `${d.code}@${d.line}:${d.column}`).join(" ");
  console.log(`${relative(root, f).padEnd(90)} ${what}`);
}
console.log(`\n${ok} of ${files.length} documents compiled (${((100 * ok) / files.length).toFixed(1)}%) in ${(performance.now() - started).toFixed(0)} ms`);

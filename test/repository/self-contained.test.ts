// A clone is whole on its own: no source, test, script, benchmark or document of the repository reads
// or points at files beside the checkout (the corpus used to be read from the shared folder beside the checkout, which
// only the development machine has), and the corpus copy carries its origin and licences.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Not ours to scan: dependencies, build output, the third-party corpus itself. */
const SKIP_DIRS = new Set(["node_modules", "dist", ".dist", ".git", "out", "fuzz-out"]); // fuzz-out: npm run fuzz:csharp's local, gitignored output
const SKIP_PATHS = new Set([join("test", "corpus", "data"), relative(ROOT, fileURLToPath(import.meta.url))]); // this file's examples of bad references
const TEXT = /\.(ts|mts|mjs|cjs|js|json|md|sh|ya?ml)$|^\.ci\/run$/;

/**
 * The files a clone has or a commit could add: git's tracked and untracked-but-not-ignored files
 * (local output such as benchmarks/.tmp is ignored), or, outside a git checkout, every file.
 */
function repoFiles(): string[] {
  let listed: string[];
  try {
    listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  } catch {
    return walkFiles();
  }
  return listed
    .filter((rel) => existsSync(join(ROOT, rel)))
    .map((rel) => rel.split("/").join(sep))
    .filter((rel) => !rel.split(sep).some((part) => SKIP_DIRS.has(part)) && ![...SKIP_PATHS].some((skip) => rel === skip || rel.startsWith(skip + sep)))
    .filter((rel) => TEXT.test(rel.split(sep).join("/")));
}

function walkFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const rel = relative(ROOT, p);
    if (SKIP_DIRS.has(name) || SKIP_PATHS.has(rel)) return [];
    if (statSync(p).isDirectory()) return walkFiles(p);
    return TEXT.test(rel.split(sep).join("/")) ? [rel] : [];
  });
}

/** Mentions of the development machine's folders beside the checkout. */
const OUTSIDE_NAMES =
  /(?:\.\.\/)+shared\b|\bshared\/(?:corpus|spec)\b|["']\.\.["']\s*,\s*["']shared["']|\/work\/(?:shared|main|wt|notes)\b|(?:join|resolve)\(\s*(?:ROOT|root|repoRoot|REPO_ROOT)\s*,\s*["']\.\.\/?["']/g;
/** Relative paths resolved against the file's own location. */
const RELATIVE_TO_FILE = [
  /new URL\(\s*[`"'](\.{1,2}\/[^`"'$]*)/g, // new URL("../x", import.meta.url)
  /(?:join|resolve)\(\s*import\.meta\.dirname\s*,\s*((?:[`"'][^`"'$]*[`"']\s*,?\s*)+)/g, // join(import.meta.dirname, "..", "x")
];

/** Every way `text` (the file at `rel`) points outside the repository, as "line N: what". */
function outsideReferences(rel: string, text: string): string[] {
  const found: string[] = [];
  const lineOf = (i: number) => text.slice(0, i).split("\n").length;
  for (const m of text.matchAll(OUTSIDE_NAMES)) found.push(`line ${lineOf(m.index!)}: ${m[0]}`);
  const dir = join(ROOT, dirname(rel));
  for (const re of RELATIVE_TO_FILE) {
    for (const m of text.matchAll(re)) {
      const parts = [...m[1]!.matchAll(/[`"']([^`"'$]*)[`"']/g)].map((p) => p[1]!);
      const target = resolve(dir, ...(parts.length ? parts : [m[1]!]));
      if (target !== ROOT.replace(/\/$/, "") && !target.startsWith(ROOT)) found.push(`line ${lineOf(m.index!)}: ${m[0]} -> ${target}`);
    }
  }
  return found;
}

describe("the repository is whole on its own", () => {
  const files = repoFiles();

  it("scans the sources, tests, scripts, benchmarks and documents", () => {
    for (const dir of ["compiler", "runtime", "gateway", "test", "scripts", "benchmarks"]) {
      expect(files.some((f) => f.startsWith(`${dir}/`)), dir).toBe(true);
    }
    expect(files).toContain("README.md");
    expect(files).toContain("package.json");
  });

  it("no file reads or names a path outside the checkout", () => {
    const bad = files.flatMap((f) => outsideReferences(f, readFileSync(join(ROOT, f), "utf8")).map((r) => `${f} ${r}`));
    expect(bad).toEqual([]);
  });

  it("the scan catches each way a file can point outside (so the check above can fail)", () => {
    // The sibling folder's name is put together here so that this file does not itself name it.
    const S = ["shar", "ed"].join("");
    const cases: [string, string][] = [
      ["test/corpus/corpus.test.ts", `const ROOT = new URL("../../../${S}/corpus/", import.meta.url).pathname;`],
      ["test/csharp/corpus.test.ts", `const CORPUS = join(import.meta.dirname, "../../../${S}/corpus");`],
      ["test/x/y.test.ts", `readFileSync(new URL(\`../../../${S}/corpus/\${p}\`, import.meta.url))`],
      ["scripts/fuzz.mjs", `loadCorpus(join(root, "..", "shared", "corpus"))`],
      ["benchmarks/lib/util.mjs", `new URL("../../../other/", import.meta.url)`],
      ["scripts/x.mjs", `join(root, "..", "elsewhere")`],
      ["test/a.test.ts", `join(import.meta.dirname, "..", "..", "sibling")`],
      ["README.md", `see \`../${S}/spec/apim-semantics.md\``],
      ["test/b.test.ts", `readFileSync("/work/${S}/corpus/x.xml")`],
    ];
    for (const [rel, text] of cases) expect(outsideReferences(rel, text), `${rel}: ${text}`).not.toEqual([]);
    // Inside the repository: fine.
    expect(outsideReferences("test/corpus/corpus.test.ts", `new URL("./data/", import.meta.url)`)).toEqual([]);
    expect(outsideReferences("test/x/y.test.ts", `join(import.meta.dirname, "../corpus/data")`)).toEqual([]);
    expect(outsideReferences("scripts/corpus.mjs", `new URL("../test/corpus/data/", import.meta.url)`)).toEqual([]);
  });

  it("the corpus copy is complete, with its origin and licences", () => {
    const data = join(ROOT, "test/corpus/data");
    const index = readFileSync(join(data, "INDEX.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]!);
    expect(index.length).toBeGreaterThan(150);
    expect(index.filter((f) => !existsSync(join(data, f)))).toEqual([]);
    const sources = new Set(readFileSync(join(data, "SOURCES.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]));
    expect(readdirSync(join(data, "docs")).filter((d) => !sources.has(d))).toEqual([]);
    const licences = readFileSync(join(data, "LICENSES.md"), "utf8");
    expect(licences).toContain("Azure/api-management-policy-snippets");
    expect(licences).toContain("MicrosoftDocs/azure-docs");
    expect(licences).toContain("Copyright (c) Microsoft Corporation");
    expect(licences).toContain("Permission is hereby granted, free of charge");
    expect(licences).toContain("CC BY 4.0");
  });
});

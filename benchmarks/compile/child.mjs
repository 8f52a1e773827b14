// Compile speed, in a fresh process:  node child.mjs cold|warm|prepare|import [seconds]
//   cold:    import the compiler, then compile the corpus once: first document and whole pass times.
//   warm:    compile the corpus repeatedly for a few seconds; policies/s of the median pass.
//   prepare: write every corpus document that compiles as an ES module into .tmp/modules.
//   import:  import the runtime, then one generated module, then the rest: time of each step.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BENCH_DIR, CORPUS, DIST, median, reportFromChild } from "../lib/util.mjs";

const mode = process.argv[2];
const seconds = Number(process.argv[3] ?? 3);
const MODULES = join(BENCH_DIR, ".tmp", "modules");

function corpusFiles(dir = CORPUS) {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? corpusFiles(p) : n.endsWith(".xml") ? [p] : [];
    });
}

reportFromChild(async () => {
  const files = corpusFiles();
  const docs = files.map((f) => ({ file: f.slice(CORPUS.length + 1), src: readFileSync(f, "utf8") }));
  const bytes = docs.reduce((a, d) => a + d.src.length, 0);
  if (mode === "import") {
    const mods = readdirSync(MODULES).filter((n) => n.endsWith(".mjs")).sort();
    const t0 = performance.now();
    await import(pathToFileURL(join(DIST, "runtime.js")).href);
    const t1 = performance.now();
    await import(pathToFileURL(join(MODULES, mods[0])).href);
    const t2 = performance.now();
    for (const m of mods.slice(1)) await import(pathToFileURL(join(MODULES, m)).href);
    const t3 = performance.now();
    return { runtimeMs: t1 - t0, firstModuleMs: t2 - t1, restPerModuleMs: (t3 - t2) / Math.max(1, mods.length - 1), modules: mods.length };
  }
  const t0 = performance.now();
  const { compile } = await import(pathToFileURL(join(DIST, "index.js")).href);
  const tImport = performance.now() - t0;
  const pass = (list = docs) => {
    let ok = 0;
    const t = performance.now();
    for (const d of list) if (compile(d.src, { file: d.file, allowSnippets: true }).code !== null) ok++;
    return { ms: performance.now() - t, ok };
  };
  if (mode === "cold") {
    const t = performance.now();
    compile(docs[0].src, { file: docs[0].file, allowSnippets: true });
    const firstMs = performance.now() - t;
    const p = pass();
    return { importMs: tImport, firstDocMs: firstMs, firstPassMs: p.ms, docs: docs.length, compiled: p.ok, bytes };
  }
  if (mode === "warm") {
    const passes = [];
    let ok = 0;
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end || passes.length < 3) {
      const p = pass();
      passes.push(p.ms);
      ok = p.ok;
    }
    const ms = median(passes.slice(1));
    // The same over only the documents that compile clean (those that fail may stop early).
    const clean = docs.filter((d) => compile(d.src, { file: d.file, allowSnippets: true }).code !== null);
    const cleanPasses = [];
    const end2 = performance.now() + (seconds * 1000) / 2;
    while (performance.now() < end2 || cleanPasses.length < 3) cleanPasses.push(pass(clean).ms);
    const cleanMs = median(cleanPasses.slice(1));
    return { cleanPerSecond: (clean.length * 1000) / cleanMs, cleanDocs: clean.length, passMs: ms, policiesPerSecond: (docs.length * 1000) / ms, kbPerSecond: bytes / ms, passes: passes.length, docs: docs.length, compiled: ok };
  }
  if (mode === "prepare") {
    rmSync(MODULES, { recursive: true, force: true });
    mkdirSync(MODULES, { recursive: true });
    const runtimeUrl = pathToFileURL(join(DIST, "runtime.js")).href;
    let n = 0;
    let size = 0;
    for (const d of docs) {
      const r = compile(d.src, { file: d.file, allowSnippets: true, runtime: runtimeUrl });
      if (r.code === null) continue;
      writeFileSync(join(MODULES, `${String(n++).padStart(3, "0")}-${d.file.replace(/[^A-Za-z0-9.-]+/g, "_")}.mjs`), r.code);
      size += r.code.length;
    }
    return { modules: n, avgBytes: size / Math.max(1, n) };
  }
  throw new Error(`unknown mode ${mode}`);
});

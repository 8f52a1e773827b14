// `npm run fuzz [-- --seconds 300 --seed 1 --workers 2 --timeout-ms 5000]`: the long run of the
// compiler fuzzer (test/hostile/fuzz-engine.mjs). Each input is compiled in a worker thread with a
// hard time limit (a worker that exceeds it is terminated and the input recorded as a hang). Every
// failure (throw, APIMC9001/9002, unverifiable module, hang) is written to the output folder as
// <n>.xml + <n>.json so it can become a regression test. Exit code 1 when anything failed.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { loadCorpus, makeInput } from "../test/hostile/fuzz-engine.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]?.startsWith("--") ? "true" : all[i + 1]]] : acc), []),
);
const seconds = Number(args.seconds ?? 60);
const seed = Number(args.seed ?? Date.now() % 1_000_000);
const workers = Number(args.workers ?? 1);
const timeoutMs = Number(args["timeout-ms"] ?? 5000);
const outDir = args.out ?? join(tmpdir(), `apimc-fuzz-${seed}`);

// Bundle the compiler from source (no dependency on a stale dist/), next to node_modules so its
// packages resolve.
const cache = join(root, "node_modules", ".cache", "apimc-fuzz");
mkdirSync(cache, { recursive: true });
writeFileSync(join(cache, "entry.ts"), `export { compile } from "${join(root, "compiler/index.ts")}";\nexport { verifyModule } from "${join(root, "compiler/verify.ts")}";\n`);
await build({ entryPoints: [join(cache, "entry.ts")], outfile: join(cache, "compiler.mjs"), bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
writeFileSync(
  join(cache, "worker.mjs"),
  `import { parentPort } from "node:worker_threads";
import { compile, verifyModule } from "./compiler.mjs";
import { checkResult } from ${JSON.stringify(join(root, "test/hostile/fuzz-engine.mjs"))};
parentPort.on("message", ({ id, xml, options }) => {
  const t0 = performance.now();
  let failure;
  try {
    failure = checkResult(compile(xml, options), options, verifyModule);
  } catch (e) {
    failure = "compile threw: " + (e && e.stack || String(e));
  }
  parentPort.postMessage({ id, failure, ms: performance.now() - t0 });
});
`,
);

const corpus = loadCorpus(join(root, "test", "corpus", "data"));
console.log(`fuzz: seed ${seed}, ${seconds} s, ${workers} worker(s), ${timeoutMs} ms a input, corpus ${corpus.docs.length} documents / ${corpus.exprs.length} expressions`);

let next = 0;
let done = 0;
let failures = 0;
let slowest = 0;
const deadline = Date.now() + seconds * 1000;

function record(i, xml, options, failure) {
  failures++;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${i}.xml`), xml);
  writeFileSync(join(outDir, `${i}.json`), JSON.stringify({ seed, index: i, options, failure }, null, 2));
  console.log(`FAIL #${i}: ${failure.split("\n")[0]} (saved to ${join(outDir, `${i}.xml`)})`);
}

function runLane() {
  return new Promise((resolve) => {
    let worker;
    let pending = null;
    const spawn = () => {
      worker = new Worker(join(cache, "worker.mjs"));
      worker.on("message", (m) => {
        if (!pending || m.id !== pending.i) return;
        clearTimeout(pending.timer);
        const p = pending;
        pending = null;
        done++;
        slowest = Math.max(slowest, m.ms);
        if (m.failure) record(p.i, p.xml, p.options, m.failure);
        feed();
      });
      worker.on("error", (e) => {
        if (!pending) return;
        clearTimeout(pending.timer);
        const p = pending;
        pending = null;
        done++;
        record(p.i, p.xml, p.options, `worker crashed: ${e.stack ?? e}`);
        spawn();
        feed();
      });
    };
    const feed = () => {
      if (Date.now() >= deadline) {
        void worker.terminate().then(resolve);
        return;
      }
      const i = next++;
      const { xml, options } = makeInput(seed, i, corpus);
      pending = {
        i,
        xml,
        options,
        timer: setTimeout(() => {
          const p = pending;
          pending = null;
          done++;
          record(p.i, p.xml, p.options, `hang: no result within ${timeoutMs} ms`);
          void worker.terminate();
          spawn();
          feed();
        }, timeoutMs),
      };
      worker.postMessage({ id: i, xml, options });
    };
    spawn();
    feed();
  });
}

const started = Date.now();
const progress = setInterval(() => console.log(`  ${done} inputs, ${failures} failures, slowest ${slowest.toFixed(1)} ms`), 10_000);
await Promise.all(Array.from({ length: workers }, runLane));
clearInterval(progress);
console.log(`fuzz: ${done} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures} failures, slowest compile ${slowest.toFixed(1)} ms${failures ? `; inputs in ${outDir}` : ""}`);
process.exitCode = failures ? 1 : 0;

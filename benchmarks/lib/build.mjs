// Builds the compiler and runtime into benchmarks/.dist with the options of scripts/build.mjs.
//
// A private copy, built from a committed tree (HEAD by default; BENCH_SOURCE=worktree builds the
// working tree as it is): other work in this checkout edits sources and rebuilds dist/ (removing it
// first) at any moment, and a benchmark must not load half a build or half an edit.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, ROOT } from "./util.mjs";

export const BENCH_DIST = join(BENCH_DIR, ".dist");
const SRC = join(BENCH_DIR, ".tmp", "src");

/** Returns what was built: { source: "HEAD <sha>" | "worktree <sha>+changes" }. */
export async function buildDist() {
  const source = process.env.BENCH_SOURCE ?? "head";
  const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  let root = ROOT;
  let label = `HEAD ${sha}`;
  if (source === "head") {
    rmSync(SRC, { recursive: true, force: true });
    mkdirSync(SRC, { recursive: true });
    const tar = execFileSync("git", ["archive", "--format=tar", "HEAD", "compiler", "runtime", "gateway", "package.json", "tsconfig.json"], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync("tar", ["-x", "-C", SRC], { input: tar });
    root = SRC;
  } else {
    const dirty = execFileSync("git", ["status", "--porcelain", "compiler", "runtime", "gateway"], { cwd: ROOT, encoding: "utf8" }).trim();
    label = `working tree at ${sha}${dirty ? " with uncommitted changes" : ""}`;
  }
  rmSync(BENCH_DIST, { recursive: true, force: true });
  mkdirSync(BENCH_DIST, { recursive: true });
  await build({
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    packages: "external",
    logLevel: "warning",
    absWorkingDir: root,
    entryPoints: {
      index: "compiler/public.ts",
      runtime: "runtime/index.ts",
      testing: "gateway/testing.ts",
      gateway: "gateway/host.ts",
      "gateway-build": "gateway/build.ts",
      "gateway-config": "gateway/config.ts",
      cli: "gateway/cli-main.ts",
    },
    outdir: BENCH_DIST,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  });
  writeFileSync(join(BENCH_DIST, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(BENCH_DIST, "SOURCE"), label + "\n");
  return { source: label };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildDist());

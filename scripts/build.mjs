// Builds dist/ with esbuild: the CLI and the package entry points (what bin and exports point at),
// and their type declarations (dist/types, with tsc). `npm pack` runs this (prepack), so a tarball
// made from a fresh clone has all of it.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { buildWorkbench } from "./build-workbench.mjs";

/** A hash of the compiler's, runtime's and gateway's sources: builds of two different trees never match (prebuilt manifests). */
function sourceHash() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts") || p.endsWith(".json")) h.update(p).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk("compiler");
  walk("runtime");
  walk("gateway");
  return h.digest("hex").slice(0, 12);
}

rmSync("dist", { recursive: true, force: true });
// One build with shared chunks: the CLI reuses the compiler and runtime chunks of the package
// entry points instead of carrying its own copy. No source maps: they would triple the tarball and
// point at sources the package does not ship; the output is not minified.
await build({
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
  define: { __APIMC_BUILD__: JSON.stringify(sourceHash()) },
  entryPoints: {
    index: "compiler/public.ts",
    runtime: "runtime/index.ts",
    testing: "gateway/testing.ts",
    gateway: "gateway/host.ts",
    esbuild: "gateway/esbuild-plugin.ts",
    cli: "gateway/cli-main.ts", // keeps its #! line (esbuild preserves an entry's hashbang)
  },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
// `bin` runs it directly (npx apimc, ./dist/cli.js): npm sets the bit on install, but not in this checkout.
chmodSync("dist/cli.js", 0o755);
writeFileSync("dist/package.json", JSON.stringify({ type: "module" }));
// The workbench page (served at /_apimc/ by the gateway; README, "Workbench").
await buildWorkbench("dist/workbench");
// Declarations for every export (package.json `exports` → `types`), from tsconfig.types.json.
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.types.json"], { stdio: "inherit" });

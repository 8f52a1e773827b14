// Builds dist/ with esbuild: the CLI and the package entry points (what bin and exports point at).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A hash of the compiler's and runtime's sources: builds of two different trees never match (prebuilt manifests). */
function sourceHash() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) h.update(p).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  walk("compiler");
  walk("runtime");
  return h.digest("hex").slice(0, 12);
}

rmSync("dist", { recursive: true, force: true });
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  packages: "external",
  logLevel: "warning",
  define: { __APIMC_BUILD__: JSON.stringify(sourceHash()) },
};
await build({
  ...common,
  entryPoints: {
    index: "compiler/public.ts",
    runtime: "runtime/index.ts",
    testing: "runtime/testing.ts",
    gateway: "runtime/gateway.ts",
    esbuild: "compiler/esbuild-plugin.ts",
  },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});
await build({ ...common, entryPoints: { cli: "compiler/cli-main.ts" }, outdir: "dist", banner: { js: "#!/usr/bin/env node" } });
writeFileSync("dist/package.json", JSON.stringify({ type: "module" }));

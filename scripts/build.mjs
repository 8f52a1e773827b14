// Builds dist/ with esbuild: the CLI and the package entry points (what bin and exports point at).
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });
const common = { bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: true, packages: "external", logLevel: "warning" };
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

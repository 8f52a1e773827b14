// Builds the workbench page (gateway/workbench/page/, browser TypeScript + CodeMirror 6) into
// `outdir`: workbench.js (one minified ES module, every dependency bundled: the page loads nothing
// from elsewhere), workbench.css and index.html. `npm run build` puts them in dist/workbench/.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const PAGE = "gateway/workbench/page";

export async function buildWorkbench(outdir = "dist/workbench") {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { workbench: join(PAGE, "main.ts") },
    bundle: true,
    platform: "browser",
    format: "esm",
    target: ["chrome110", "firefox115", "safari16"],
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    outdir,
  });
  copyFileSync(join(PAGE, "workbench.css"), join(outdir, "workbench.css"));
  copyFileSync(join(PAGE, "index.html"), join(outdir, "index.html"));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await buildWorkbench(process.argv[2]);

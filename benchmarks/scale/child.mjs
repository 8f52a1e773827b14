// Build time of a gateway configuration, in a fresh process:  node child.mjs <gateway.json> [outdir]
// With an outdir, the build is also written there (modules + manifest.json, as `apimc build` does)
// for the "start from build" figure.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, reportFromChild } from "../lib/util.mjs";

reportFromChild(async () => {
  const t0 = performance.now();
  const { buildGateway, writeBuild } = await import(pathToFileURL(join(DIST, "gateway-build.js")).href);
  const { loadGatewayConfig } = await import(pathToFileURL(join(DIST, "gateway-config.js")).href);
  const t1 = performance.now();
  const loaded = loadGatewayConfig(process.argv[2]);
  const t2 = performance.now();
  const b = buildGateway(loaded, "function");
  const t3 = performance.now();
  if (!b.ok) throw new Error(`build failed: ${JSON.stringify(b.diagnostics.slice(0, 3))}`);
  if (process.argv[3]) writeBuild(loaded, b, process.argv[3], "function");
  const t4 = performance.now();
  return { importMs: t1 - t0, loadMs: t2 - t1, buildMs: t3 - t2, writeMs: process.argv[3] ? t4 - t3 : null, modules: b.modules.length, rss: process.memoryUsage().rss };
});

// The apimc gateway (createGateway over a gateway.json, the code `apimc serve` runs, without its
// per-request log line), compiling at start or, given a build directory, loading it as
// `apimc serve --prebuilt` does. Prints {"port", "pid", ...} when listening.
//   node apimc-gateway.mjs <gateway.json> [port] [build dir]
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "../lib/util.mjs";

const t0 = performance.now();
const { createGateway } = await import(pathToFileURL(join(DIST, "gateway.js")).href);
const tImported = performance.now();
const prebuilt = process.argv[4];
const gw = createGateway(prebuilt ? { config: process.argv[2], prebuilt } : { config: process.argv[2] });
const tCreated = performance.now();
const addr = await gw.listen(Number(process.argv[3] ?? 0), "127.0.0.1");
const tListening = performance.now();
const mem = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    port: addr.port,
    pid: process.pid,
    importMs: tImported - t0,
    createMs: tCreated - tImported,
    listenMs: tListening - tCreated,
    sinceProcessStartMs: performance.now(),
    rss: mem.rss,
    heapUsed: mem.heapUsed,
  }) + "\n",
);
process.on("SIGTERM", async () => {
  await gw.close();
  process.exit(0);
});

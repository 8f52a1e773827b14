// The apimc gateway started from a build directory (createGateway({ config, prebuilt }), what
// `apimc serve --prebuilt` runs, without its per-request log line). Prints {"port", "pid", ...}
// when listening, like ../gateway/apimc-gateway.mjs.
//   node gateway.mjs <gateway.json> <build dir>
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "../lib/util.mjs";

const t0 = performance.now();
const { createGateway } = await import(pathToFileURL(join(DIST, "gateway.js")).href);
const tImported = performance.now();
const gw = createGateway({ config: process.argv[2], prebuilt: process.argv[3] });
const tCreated = performance.now();
const addr = await gw.listen(0, "127.0.0.1");
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

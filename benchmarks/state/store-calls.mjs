// One process, no HTTP: `take` calls of a rate-limit-by-key counter against the memory store and
// against the Redis store (node-redis client, 32 calls in flight), CPU µs per call of this process
// (the gateway's side of the cost) and wall time.   node store-calls.mjs <redis port> <calls>
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, reportFromChild } from "../lib/util.mjs";

const { MemoryRateLimitStore, RedisStateStore } = await import(pathToFileURL(join(DIST, "runtime.js")).href);
const { createClient } = createRequire(join(ROOT, "package.json"))("redis");

async function measure(store, calls) {
  const counters = [{ key: "rlk:bench", limit: 1e9, windowMs: 10_000 }];
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await store.take(counters, 1, Date.now());
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker)); // warm-up round
  next = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 32 }, worker));
  const c = process.cpuUsage(c0);
  return { cpuUs: (c.user + c.system) / calls, wallUs: ((performance.now() - t0) * 1000) / calls };
}

await reportFromChild(async () => {
  const port = Number(process.argv[2]);
  const calls = Number(process.argv[3] ?? 20000);
  const client = createClient({ url: `redis://127.0.0.1:${port}/0`, disableClientInfo: true });
  client.on("error", () => {});
  await client.connect();
  const conn = { target: "bench", isReady: () => client.isReady, onChange() {}, send: (args) => client.sendCommand(args, { timeout: 10_000, rejectInFlight: true }), close: () => client.close() };
  const memory = await measure(new MemoryRateLimitStore(), calls);
  const redis = await measure(new RedisStateStore(conn, { prefix: `bench${process.pid}:` }), calls);
  await client.close();
  return { memory, redis, calls };
});

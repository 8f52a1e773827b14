// The Redis state store against a real redis-server: the same answers as the memory stores for
// generated sequences of calls (windows, retry intervals, quota periods, concurrency), values of
// every storable type through the external cache, and what happens when Redis goes away and comes
// back (fail open, fail closed, one change event each way, reconnection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { rng } from "../helpers/rng.js";
import { connectRedis } from "../../gateway/shared-state.js";
import { RedisStateStore, quotaStoreOf } from "../../runtime/state/redis-store.js";
import { MemoryConcurrencyStore, MemoryQuotaStore, MemoryRateLimitStore, type QuotaCounter, type RateCounter } from "../../runtime/state/limits.js";
import { MemoryCacheStore } from "../../runtime/state/cache.js";
import { NumBox, CharBox } from "../../runtime/dotnet/decimal.js";
import { parseJson } from "../../runtime/dotnet/json-reader.js";
import { JToken } from "../../runtime/dotnet/json-tokens.js";
import { PolicyError } from "../../runtime/errors.js";
import type { StateChangeEvent } from "../../runtime/state/shared.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
});

async function store(opts: { failMode?: "open" | "closed"; timeoutMs?: number; prefix?: string } = {}): Promise<RedisStateStore> {
  const s = new RedisStateStore(connectRedis({ redis: redis.url, timeoutMs: opts.timeoutMs ?? 500 }), { failMode: opts.failMode, prefix: opts.prefix ?? `t${Math.random().toString(36).slice(2)}:`, timeoutMs: opts.timeoutMs ?? 500 });
  await s.whenReady(5000);
  return s;
}

describe("Redis store = memory store", () => {
  it("rate limits: generated calls (counts, several counters, sliding windows) get the same answers and retry intervals", async () => {
    const s = await store();
    const mem = new MemoryRateLimitStore();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = rng(seed);
      let now = Date.UTC(2025, 0, 1) + seed * 1e7;
      const keys = ["a", "b", "c"].map((k) => `${seed}:${k}`);
      for (let i = 0; i < 120; i++) {
        now += Math.floor(r() * 3) === 0 ? Math.floor(r() * 4000) : Math.floor(r() * 300);
        const n = 1 + Math.floor(r() * 2);
        const counters: RateCounter[] = [];
        for (let j = 0; j < n; j++) counters.push({ key: keys[Math.floor(r() * keys.length)]!, limit: Math.floor(r() * 6), windowMs: [1000, 2000, 5000][j % 3]! });
        const unique = counters.filter((c, i2) => counters.findIndex((d) => d.key === c.key) === i2);
        const count = [0, 1, 1, 1, 2, 3][Math.floor(r() * 6)]!;
        const op = r() < 0.15 ? "record" : "take";
        if (op === "record") {
          const c = unique[0]!;
          mem.record(c.key, c.windowMs, count, now);
          await s.record(c.key, c.windowMs, count, now);
          continue;
        }
        const want = mem.take(unique, count, now);
        const got = await s.take(unique, count, now);
        expect(got, `seed ${seed} step ${i}: take(${JSON.stringify(unique)}, ${count})`).toEqual(want);
      }
    }
    await s.close();
  });

  it("quotas: generated calls over periods (first-period-start, lifetime, bandwidth, deferred) get the same answers", async () => {
    const s = await store();
    const q = quotaStoreOf(s);
    const mem = new MemoryQuotaStore();
    for (const seed of [11, 12, 13, 14]) {
      const r = rng(seed);
      let now = Date.UTC(2025, 0, 1) + seed * 1e8;
      for (let i = 0; i < 100; i++) {
        now += Math.floor(r() * 20_000);
        const counters: QuotaCounter[] = [`${seed}:x`, `${seed}:y`].slice(0, 1 + Math.floor(r() * 2)).map((key, j) => ({
          key,
          period: j === 0 ? { lengthMs: 60_000, firstStartMs: Date.UTC(2024, 5, 1, 0, 0, 7) } : { lengthMs: 0, firstStartMs: 0 },
          calls: r() < 0.2 ? null : 1 + Math.floor(r() * 8),
          bytes: r() < 0.5 ? null : 1000 + Math.floor(r() * 4000),
          add: Math.floor(r() * 3),
        }));
        const deferred = r() < 0.3;
        const inc = deferred ? 0 : Math.floor(r() * 3);
        if (r() < 0.25) {
          const c = counters[0]!;
          const calls = Math.floor(r() * 2);
          const bytes = Math.floor(r() * 900);
          mem.add(c.key, c.period, calls, bytes, now);
          await q.add(c.key, c.period, calls, bytes, now);
          expect(await q.usage(c.key, c.period, now)).toEqual(mem.usage(c.key, c.period, now));
          continue;
        }
        const want = mem.take(counters, inc, deferred, now);
        const got = await q.take(counters, inc, deferred, now);
        if (!want.allowed) expect(got).toEqual(want);
        else expect(got.allowed, `seed ${seed} step ${i}`).toBe(true);
      }
    }
    await s.close();
  });

  it("limit-concurrency: at most max slots per key; a slot given back is free again", async () => {
    const s = await store();
    const mem = new MemoryConcurrencyStore();
    const r = rng(21);
    const held: { m: ReturnType<MemoryConcurrencyStore["enter"]>; x: Awaited<ReturnType<RedisStateStore["enter"]>> }[] = [];
    for (let i = 0; i < 200; i++) {
      if (held.length && r() < 0.45) {
        const [h] = held.splice(Math.floor(r() * held.length), 1);
        mem.leave(h!.m!);
        await s.leave(h!.x!);
        continue;
      }
      const key = `k${Math.floor(r() * 2)}`;
      const max = 1 + Math.floor(r() * 3);
      const m = mem.enter(key, max);
      const x = await s.enter(key, max);
      expect(!!x, `step ${i}`).toBe(!!m);
      if (m) held.push({ m, x });
    }
    await s.close();
  });
});

describe("the external cache keeps values of each storable type", () => {
  it("round-trips strings, numbers, bools, longs, byte[], boxed numbers, chars and JSON tokens; refuses other types clearly", async () => {
    const s = await store();
    const now = Date.now();
    const values: unknown[] = ["text", "", 0, -1.5, 2 ** 53 - 1, Number.NaN, Infinity, true, false, 9223372036854775807n, new Uint8Array([0, 1, 255]), new NumBox(3, "long"), new CharBox("x")];
    for (const [i, v] of values.entries()) {
      await s.set(`v:${i}`, v, now + 10_000, now);
      const e = await s.get(`v:${i}`, now);
      expect(e?.value, `value ${i}`).toEqual(v);
      expect(e?.value?.constructor).toBe((v as object).constructor);
    }
    for (const json of [`{"a":1,"b":[true,null,"s",1.5],"c":{"d":"2024-01-02T03:04:05Z"}}`, `[1,2,3]`, `"x"`]) {
      const t = parseJson(json);
      await s.set("v:j", t, now + 10_000, now);
      const back = (await s.get("v:j", now))!.value as JToken;
      expect(back).toBeInstanceOf(JToken);
      expect(back.ToString()).toBe(t.ToString());
    }
    let thrown: unknown;
    try {
      await s.set("v:bad", new Map([["a", 1]]), now + 1000, now);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    expect((thrown as Error).message).toMatch(/cannot be stored in the external cache \(Redis\).*string, a number/);
    await s.close();
  });

  it("an entry expires by the store's clock and is gone from Redis after its time", async () => {
    const s = await store({ prefix: "exp:" });
    const mem = new MemoryCacheStore();
    const now = Date.now();
    await s.set("v:e", "x", now + 150, now);
    mem.set("v:e", "x", now + 150, now);
    expect((await s.get("v:e", now + 149))?.value).toBe("x");
    expect(await s.get("v:e", now + 150)).toBe(mem.get("v:e", now + 150));
    await new Promise((r) => setTimeout(r, 250));
    expect(await redis.command("EXISTS", "exp:c:v:e")).toBe(":0\r\n");
    await s.close();
  });
});

describe("when Redis goes away", () => {
  it("fail open: limits let calls through, caches miss, one 'down' and one 'up' event, and it reconnects", async () => {
    const s = await store({ failMode: "open" });
    const changes: StateChangeEvent[] = [];
    s.on("change", (e) => changes.push(e));
    const c = [{ key: "open", limit: 1, windowMs: 60_000 }];
    expect((await s.take(c, 1, Date.now())).allowed).toBe(true);
    expect((await s.take(c, 1, Date.now())).allowed).toBe(false);
    await s.set("v:k", "v", Date.now() + 60_000, Date.now());
    await redis.stop();
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      expect((await s.take(c, 1, Date.now())).allowed).toBe(true);
      expect(await s.get("v:k", Date.now())).toBeUndefined();
      expect(performance.now() - t0).toBeLessThan(1500);
    }
    expect(s.ready()).toBe(false);
    expect(s.errors.unavailable + s.errors.timeout).toBeGreaterThanOrEqual(40);
    await redis.start();
    await s.whenReady(10_000);
    expect(s.ready()).toBe(true);
    // the data is gone (no persistence in this server), the connection is back
    expect((await s.take(c, 1, Date.now())).allowed).toBe(true);
    expect(changes.map((e) => e.up)).toEqual([false, true]);
    await s.close();
  });

  it("fail closed: a 503 SharedStateUnavailable PolicyError that names the server, until it is back", async () => {
    const s = await store({ failMode: "closed" });
    await redis.stop();
    const c = [{ key: "closed", limit: 5, windowMs: 60_000 }];
    for (const call of [() => s.take(c, 1, Date.now()), () => s.get("v:x", Date.now()), () => s.enter("k", 1)]) {
      let e: unknown;
      try {
        await call();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(PolicyError);
      expect(e).toMatchObject({ reason: "SharedStateUnavailable", status: 503 });
      expect((e as Error).message).toContain(`redis://127.0.0.1:${redis.port}/0`);
    }
    await redis.start();
    await s.whenReady(10_000);
    expect((await s.take(c, 1, Date.now())).allowed).toBe(true);
    await s.close();
  });

  it("a Redis that does not answer (paused) times calls out after the timeout instead of hanging", async () => {
    const s = await store({ failMode: "open", timeoutMs: 100 });
    const pause = redis.command("CLIENT", "PAUSE", "1500", "ALL");
    await pause;
    const t0 = performance.now();
    const r = await s.take([{ key: "slow", limit: 1, windowMs: 1000 }], 1, Date.now());
    const took = performance.now() - t0;
    expect(r.allowed).toBe(true);
    expect(took).toBeLessThan(1000);
    expect(s.errors.timeout).toBe(1);
    expect(s.ready()).toBe(false);
    await new Promise((res) => setTimeout(res, 1600));
    await s.take([{ key: "slow2", limit: 1, windowMs: 1000 }], 1, Date.now());
    expect(s.ready()).toBe(true);
    await s.close();
  });
});

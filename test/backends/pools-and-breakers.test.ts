// Backend entities at run time, end to end: real backends on 127.0.0.1 behind a gateway.json
// with load-balanced pools and circuit breakers. Backends are killed and revived under load: the
// pool moves traffic to the members left (then to the next priority group), a breaker trips after
// its failure count and lets traffic through again after its trip duration or the backend's
// Retry-After, and a pool whose members are all tripped answers 503 without calling anyone.
import { afterEach, describe, expect, it } from "vitest";
import { request } from "undici";
import { startKillable, type KillableBackend } from "./killable.js";
import { policy, serveConfig, type Served } from "./gateway-setup.js";

const backends: KillableBackend[] = [];
let served: Served | null = null;
afterEach(async () => {
  await served?.close();
  served = null;
  for (const b of backends.splice(0)) await b.close();
});

async function start(...names: string[]): Promise<KillableBackend[]> {
  const list = await Promise.all(names.map((n) => startKillable(n)));
  backends.push(...list);
  return list;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `n` requests, `concurrency` at a time; returns who answered each (X-Backend) or the status. */
async function load(url: string, n: number, concurrency = 8): Promise<{ by: Map<string, number>; statuses: Map<number, number>; reasons: string[] }> {
  const by = new Map<string, number>();
  const statuses = new Map<number, number>();
  const reasons: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const r = await request(url);
      const text = await r.body.text();
      statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
      const who = r.headers["x-backend"];
      if (typeof who === "string") by.set(who, (by.get(who) ?? 0) + 1);
      if (r.statusCode === 503) reasons.push(text);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { by, statuses, reasons };
}

/** A breaker that trips at `count` connection failures or 5xx within 10 s, for `trip`. */
const breaker = (count: number, trip: string, extra: Record<string, unknown> = {}) => ({
  rules: [{ name: "r", failureCondition: { count, interval: "PT10S", statusCodeRanges: [{ min: 500, max: 599 }] }, tripDuration: trip, ...extra }],
});

describe("load-balanced pools", () => {
  it("weighted round-robin: every member gets its weight's share (exactly, over whole rounds)", async () => {
    const [a, b, c] = await start("a", "b", "c");
    served = await serveConfig(
      {
        backends: {
          a: { url: a!.url },
          b: { url: b!.url },
          c: { url: c!.url },
          pool: { type: "Pool", pool: { services: [{ id: "/backends/a", priority: 1, weight: 5 }, { id: "b", priority: 1, weight: 3 }, { id: "c", priority: 1, weight: 2 }] } },
        },
      },
      { "/p": policy(`<set-backend-service backend-id="pool" />`) },
      a!.url,
    );
    const r = await load(`${served.base}/p/x`, 500, 10);
    expect(r.statuses.get(200)).toBe(500);
    // Smooth weighted round-robin is deterministic: 50 rounds of 10 → exactly 250/150/100.
    expect(Object.fromEntries(r.by)).toEqual({ a: 250, b: 150, c: 100 });
    expect([a!.hits, b!.hits, c!.hits]).toEqual([250, 150, 100]);
  });

  it("round-robin without weights; a member without a breaker is never skipped", async () => {
    const [a, b] = await start("a", "b");
    served = await serveConfig({ backends: { a: { url: a!.url }, b: { url: b!.url }, pool: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }] } } } }, { "/p": policy(`<set-backend-service backend-id="pool" />`) }, a!.url);
    const r = await load(`${served.base}/p`, 101, 1);
    expect(Math.abs((r.by.get("a") ?? 0) - (r.by.get("b") ?? 0))).toBe(1);
    await b!.kill();
    // No breaker on b: it stays in the rotation, and its half of the requests fail (500, connection failure).
    const after = await load(`${served.base}/p`, 40, 4);
    expect(after.statuses.get(200)).toBe(20);
    expect(after.statuses.get(500)).toBe(20);
  });

  it("priority groups, killing and reviving members under load: traffic moves, trips, and comes back", async () => {
    const [a, b, c] = await start("a", "b", "c");
    // Long enough that the load below (160 requests on a busy machine) ends before a's trip does.
    const trip = 4000;
    served = await serveConfig(
      {
        backends: {
          a: { url: a!.url, circuitBreaker: breaker(2, `PT${trip / 1000}S`) },
          b: { url: b!.url, circuitBreaker: breaker(2, `PT${trip / 1000}S`) },
          c: { url: c!.url },
          pool: { type: "Pool", pool: { services: [{ id: "a", priority: 1 }, { id: "b", priority: 1 }, { id: "c", priority: 2 }] } },
        },
      },
      { "/p": policy(`<set-backend-service backend-id="pool" />`) },
      a!.url,
    );
    const url = `${served.base}/p`;
    const first = await load(url, 60, 6);
    expect(Object.fromEntries(first.by)).toEqual({ a: 30, b: 30 }); // the priority 2 member waits
    await a!.kill();
    // a fails until its breaker trips (2 failures), then b takes everything.
    const during = await load(url, 100, 6);
    expect(during.statuses.get(500) ?? 0).toBeLessThanOrEqual(2 + 6); // the trip count, plus requests already sent to a
    expect(during.by.get("b")).toBeGreaterThanOrEqual(90);
    expect(during.by.get("c") ?? 0).toBe(0);
    await b!.kill();
    const bTripped = Date.now();
    // Both priority 1 members tripped: the priority 2 group serves.
    const lower = await load(url, 60, 6);
    expect(lower.by.get("c")).toBeGreaterThanOrEqual(50);
    expect((lower.statuses.get(200) ?? 0) + (lower.statuses.get(500) ?? 0)).toBe(60); // every request answered
    // Revive both; after the trip duration the first group is back and c is idle again.
    await a!.revive();
    await b!.revive();
    await sleep(trip + 200 - (Date.now() - bTripped));
    const back = await load(url, 40, 4);
    expect(Object.fromEntries(back.by)).toEqual({ a: 20, b: 20 });
  });

  it("every member tripped: 503 from the gateway without calling anyone, until the trip ends", async () => {
    const [a, b] = await start("a", "b");
    a!.answer = { status: 500 };
    b!.answer = { status: 502 };
    served = await serveConfig(
      { backends: { a: { url: a!.url, circuitBreaker: breaker(1, "PT3S") }, b: { url: b!.url, circuitBreaker: breaker(1, "PT3S") }, lb: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }] } } } },
      { "/p": policy(`<set-backend-service backend-id="lb" />`) },
      a!.url,
    );
    const url = `${served.base}/p`;
    const r1 = await request(url);
    const r2 = await request(url);
    const tripped = Date.now(); // both breakers tripped before this moment
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([500, 502]);
    await r1.body.text();
    await r2.body.text();
    const hits = a!.hits + b!.hits;
    const r = await load(url, 20, 4);
    expect(r.statuses.get(503)).toBe(20);
    expect(a!.hits + b!.hits).toBe(hits); // nobody was called
    expect(JSON.parse(r.reasons[0]!)).toEqual({ statusCode: 503, message: "Backend pool lb is temporarily unavailable" });
    a!.answer = { status: 200 };
    b!.answer = { status: 200 };
    await sleep(3100 - (Date.now() - tripped));
    const again = await load(url, 10, 2);
    expect(again.statuses.get(200)).toBe(10);
  });
});

describe("circuit breakers on single backends", () => {
  it("trips at the failure count within the interval, answers 503 while open, resumes after tripDuration", async () => {
    const [a] = await start("a");
    a!.answer = { status: 503 };
    served = await serveConfig({ backends: { a: { url: a!.url, circuitBreaker: breaker(3, "PT2S") } } }, { "/s": policy(`<set-backend-service backend-id="a" />`) }, a!.url);
    const url = `${served.base}/s`;
    for (let i = 0; i < 3; i++) expect((await request(url)).statusCode).toBe(503);
    // The breaker tripped at the third failure, before this moment (a loaded machine can take long over the three).
    const tripped = Date.now();
    expect(a!.hits).toBe(3);
    const open = await fetch(url);
    expect(open.status).toBe(503);
    expect(open.statusText).toBe("Backend a is temporarily unavailable"); // the reason phrase APIM's samples test for
    expect(await open.json()).toEqual({ statusCode: 503, message: "Backend a is temporarily unavailable" });
    expect(a!.hits).toBe(3); // not called while open
    a!.answer = { status: 200 };
    await sleep(2100 - (Date.now() - tripped));
    expect((await request(url)).statusCode).toBe(200);
    expect(a!.hits).toBe(4);
  });

  it("statuses outside the ranges do not count; failures older than the interval do not count", async () => {
    const [a] = await start("a");
    served = await serveConfig(
      { backends: { a: { url: a!.url, circuitBreaker: { rules: [{ failureCondition: { count: 2, interval: "PT0.3S", statusCodeRanges: [{ min: 429, max: 429 }] }, tripDuration: "PT10S" }] } } } },
      { "/s": policy(`<set-backend-service backend-id="a" />`) },
      a!.url,
    );
    const url = `${served.base}/s`;
    a!.answer = { status: 500 };
    for (let i = 0; i < 5; i++) await (await request(url)).body.text();
    expect(a!.hits).toBe(5); // 500 is not a failure for this rule
    a!.answer = { status: 429 };
    await (await request(url)).body.text();
    await sleep(400); // the first 429 leaves the interval
    await (await request(url)).body.text();
    expect(a!.hits).toBe(7);
    await (await request(url)).body.text(); // two within 0.3 s: tripped
    const r = await request(url);
    expect(r.statusCode).toBe(503);
    await r.body.text();
    expect(a!.hits).toBe(8);
  });

  it("acceptRetryAfter: the backend's Retry-After is the trip duration (seconds and HTTP-date); without it, tripDuration", async () => {
    const [a, b, c] = await start("a", "b", "c");
    const rule = (accept: boolean) => ({ rules: [{ failureCondition: { count: 1, interval: "PT1M", statusCodeRanges: [{ min: 429, max: 429 }] }, tripDuration: "PT0.3S", acceptRetryAfter: accept }] });
    served = await serveConfig(
      { backends: { a: { url: a!.url, circuitBreaker: rule(true) }, b: { url: b!.url, circuitBreaker: rule(false) }, c: { url: c!.url, circuitBreaker: rule(true) } } },
      { "/a": policy(`<set-backend-service backend-id="a" />`), "/b": policy(`<set-backend-service backend-id="b" />`), "/c": policy(`<set-backend-service backend-id="c" />`) },
      a!.url,
    );
    a!.answer = { status: 429, headers: { "retry-after": "2" } };
    b!.answer = { status: 429, headers: { "retry-after": "2" } };
    // An HTTP-date has whole seconds: 3 s ahead is between 2 and 3 s away.
    c!.answer = { status: 429, headers: { "retry-after": new Date(Date.now() + 3000).toUTCString() } };
    for (const p of ["/a", "/b", "/c"]) expect((await request(served.base + p)).statusCode).toBe(429);
    for (const x of [a, b, c]) x!.answer = { status: 200 };
    await sleep(600); // past tripDuration, well before Retry-After
    const st = async (p: string) => {
      const r = await request(served!.base + p);
      await r.body.text();
      return r.statusCode;
    };
    expect(await st("/a")).toBe(503);
    expect(await st("/b")).toBe(200);
    expect(await st("/c")).toBe(503);
    await sleep(1600); // 2.2 s after the trip: a's Retry-After (2 s) is over
    expect(await st("/a")).toBe(200);
    await sleep(1000); // 3.2 s: c's date has passed
    expect(await st("/c")).toBe(200);
  });

  it("connection failures count (no errorReasons, or one that names them); a rule naming only Timeout ignores them", async () => {
    const [a, b] = await start("a", "b");
    const rule = (reasons?: string[]) => ({ rules: [{ failureCondition: { count: 2, interval: "PT1M", ...(reasons ? { errorReasons: reasons } : {}) }, tripDuration: "PT1M" }] });
    served = await serveConfig(
      { backends: { a: { url: a!.url, circuitBreaker: rule(["backendconnectionfailure"]) }, b: { url: b!.url, circuitBreaker: rule(["Timeout"]) } } },
      { "/a": policy(`<set-backend-service backend-id="a" />`), "/b": policy(`<set-backend-service backend-id="b" />`) },
      a!.url,
    );
    await a!.kill();
    await b!.kill();
    const st = async (p: string) => {
      const r = await request(served!.base + p);
      await r.body.text();
      return r.statusCode;
    };
    expect([await st("/a"), await st("/a"), await st("/a")]).toEqual([500, 500, 503]);
    expect([await st("/b"), await st("/b"), await st("/b")]).toEqual([500, 500, 500]);
  });

  it("the API's service URL is a backend entity's URL: its breaker applies without set-backend-service", async () => {
    const [a] = await start("a");
    a!.answer = { status: 500 };
    served = await serveConfig({ backends: { a: { url: `${a!.url}/`, circuitBreaker: breaker(2, "PT1M") } } }, { "/d": policy("") }, a!.url);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await request(`${served.base}/d/x`);
      await r.body.text();
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([500, 500, 503, 503]);
    expect(a!.hits).toBe(2);
  });

  it("percentage: trips when failures reach that share of the interval's requests", async () => {
    const [a] = await start("a");
    served = await serveConfig(
      { backends: { a: { url: a!.url, circuitBreaker: { rules: [{ failureCondition: { percentage: 50, interval: "PT1M", statusCodeRanges: [{ min: 500, max: 599 }] }, tripDuration: "PT1M" }] } } } },
      { "/s": policy(`<set-backend-service backend-id="a" />`) },
      a!.url,
    );
    const st = async () => {
      const r = await request(`${served!.base}/s`);
      await r.body.text();
      return r.statusCode;
    };
    for (let i = 0; i < 3; i++) expect(await st()).toBe(200);
    a!.answer = { status: 500 };
    expect(await st()).toBe(500); // 1 of 4
    expect(await st()).toBe(500); // 2 of 5
    expect(await st()).toBe(500); // 3 of 6 = 50%: tripped
    expect(await st()).toBe(503);
    expect(a!.hits).toBe(6);
  });
});

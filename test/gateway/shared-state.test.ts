// Two gateways sharing one real redis-server (gateway.json "state"): limits are exact across both
// under concurrent load, a cache stored through one is found through the other, a quota survives a
// gateway restart, and a Redis outage under load is answered as the failMode says, with one log
// line per change and reconnection. A third, memory-only gateway shows the difference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";

let redis: RedisServer;
let backend: TestServer;
let dir: string;
let backendCalls = 0;

const POLICY = `<policies>
  <inbound>
    <choose>
      <when condition="@(context.Operation.Id == &quot;limited&quot;)">
        <rate-limit-by-key calls="25" renewal-period="60" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;,&quot;&quot;))" remaining-calls-header-name="X-Remaining" />
      </when>
      <when condition="@(context.Operation.Id == &quot;quota&quot;)">
        <quota-by-key calls="4" renewal-period="3600" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;,&quot;&quot;))" />
      </when>
      <when condition="@(context.Operation.Id == &quot;value&quot;)">
        <cache-lookup-value key="@(&quot;v-&quot; + context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;,&quot;&quot;))" variable-name="cached" />
        <choose>
          <when condition="@(context.Variables.ContainsKey(&quot;cached&quot;))">
            <return-response><set-status code="200" /><set-header name="X-Cached" exists-action="override"><value>@((string)context.Variables[&quot;cached&quot;])</value></set-header></return-response>
          </when>
        </choose>
        <cache-store-value key="@(&quot;v-&quot; + context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;,&quot;&quot;))" value="@(context.RequestId.ToString())" duration="60" />
        <return-response><set-status code="201" /><set-header name="X-Stored" exists-action="override"><value>@(context.RequestId.ToString())</value></set-header></return-response>
      </when>
      <when condition="@(context.Operation.Id == &quot;internal&quot;)">
        <cache-lookup-value key="i" variable-name="cached" caching-type="internal" />
        <choose>
          <when condition="@(context.Variables.ContainsKey(&quot;cached&quot;))"><return-response><set-status code="200" /></return-response></when>
        </choose>
        <cache-store-value key="i" value="x" duration="60" caching-type="internal" />
        <return-response><set-status code="201" /></return-response>
      </when>
      <when condition="@(context.Operation.Id == &quot;page&quot;)">
        <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" caching-type="external" />
      </when>
    </choose>
  </inbound>
  <backend><forward-request /></backend>
  <outbound>
    <choose>
      <when condition="@(context.Operation.Id == &quot;page&quot;)"><cache-store duration="60" /></when>
    </choose>
  </outbound>
  <on-error>
    <set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>
  </on-error>
</policies>`;

function writeConfig(name: string, state: object | undefined): string {
  const file = join(dir, `${name}.json`);
  const ops = ["limited", "quota", "value", "internal", "page"].map((id) => ({ id, method: "GET", urlTemplate: `/${id}` }));
  writeFileSync(file, JSON.stringify({ policy: "policy.xml", apis: [{ id: "api", path: "/api", serviceUrl: backend.url, operations: ops }], ...(state ? { state } : {}) }));
  return file;
}

beforeAll(async () => {
  redis = await startRedis({ appendonly: true });
  backend = await startServer((_req, res) => {
    backendCalls++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`page ${backendCalls}`);
  });
  dir = mkdtempSync(join(tmpdir(), "apimc-shared-"));
  writeFileSync(join(dir, "policy.xml"), POLICY);
});
afterAll(async () => {
  await backend?.close();
  await redis?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function gatewayPair(state: object, n = 2): Promise<{ gateways: Gateway[]; urls: string[]; lines: string[]; close(): Promise<void> }> {
  const lines: string[] = [];
  const config = writeConfig(`g${Math.random().toString(36).slice(2)}`, state);
  const gateways: Gateway[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = createGateway({ config, onStateChange: (line) => lines.push(`${i}: ${line}`) });
    await g.state!.whenReady(5000);
    const a = await g.listen(0);
    gateways.push(g);
    urls.push(`http://127.0.0.1:${a.port}`);
  }
  return { gateways, urls, lines, close: async () => void (await Promise.all(gateways.map((g) => g.close()))) };
}

const get = (url: string, key: string) => fetch(url, { headers: { "X-Key": key } });

describe("two gateways, one Redis", () => {
  it("rate-limit-by-key of 25 calls lets exactly 25 through across both under concurrent load (memory: each lets 25)", async () => {
    const { urls, close } = await gatewayPair({ redis: redis.url, keyPrefix: "t1:", timeoutMs: 10_000 });
    const key = "exact";
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => get(`${urls[i % 2]}/api/limited`, key).then(async (r) => ({ status: r.status, remaining: r.headers.get("x-remaining"), retry: r.headers.get("retry-after") }))));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(25);
    expect(results.filter((r) => r.status === 429)).toHaveLength(55);
    // every remaining count from 24 down to 0 was handed out exactly once
    expect(ok.map((r) => Number(r.remaining)).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    for (const r of results.filter((x) => x.status === 429)) expect(Number(r.retry)).toBeGreaterThanOrEqual(59);
    await close();

    // The same configuration without state: each process counts alone.
    const memConfig = writeConfig("memory", undefined);
    const mems = [createGateway({ config: memConfig }), createGateway({ config: memConfig })];
    const memUrls = await Promise.all(mems.map(async (g) => `http://127.0.0.1:${(await g.listen(0)).port}`));
    const memResults = await Promise.all(Array.from({ length: 80 }, (_, i) => get(`${memUrls[i % 2]}/api/limited`, key).then((r) => r.status)));
    expect(memResults.filter((s) => s === 200)).toHaveLength(50);
    await Promise.all(mems.map((g) => g.close()));
  });

  it("a value cached through one gateway is found through the other; caching-type internal stays per gateway", async () => {
    const { urls, close } = await gatewayPair({ redis: redis.url, keyPrefix: "t2:", timeoutMs: 10_000 });
    const stored = await get(`${urls[0]}/api/value`, "k1");
    expect(stored.status).toBe(201);
    const id = stored.headers.get("x-stored");
    const found = await get(`${urls[1]}/api/value`, "k1");
    expect(found.status).toBe(200);
    expect(found.headers.get("x-cached")).toBe(id);
    // internal: each gateway has its own
    expect((await get(`${urls[0]}/api/internal`, "")).status).toBe(201);
    expect((await get(`${urls[0]}/api/internal`, "")).status).toBe(200);
    expect((await get(`${urls[1]}/api/internal`, "")).status).toBe(201);
    // whole responses (cache-lookup caching-type="external"): stored through one, served by the other
    // (behind one load balancer: the same Host, which is part of the key)
    const before = backendCalls;
    const page = async (url: string) => (await request(`${url}/api/page`, { headers: { host: "api.example.com" } })).body.text();
    const p1 = await page(urls[0]!);
    const p2 = await page(urls[1]!);
    expect(p2).toBe(p1);
    expect(backendCalls).toBe(before + 1);
    await close();
  });

  it("a quota survives a restart of the gateways (and of Redis, with its append-only file)", async () => {
    const state = { redis: redis.url, keyPrefix: "t3:", timeoutMs: 10_000 };
    let pair = await gatewayPair(state);
    expect((await get(`${pair.urls[0]}/api/quota`, "q")).status).toBe(200);
    expect((await get(`${pair.urls[1]}/api/quota`, "q")).status).toBe(200);
    await pair.close();
    pair = await gatewayPair(state);
    expect((await get(`${pair.urls[1]}/api/quota`, "q")).status).toBe(200);
    await pair.close();
    await redis.stop(false); // SIGTERM: the AOF is on disk (appendfsync always)
    await redis.start();
    pair = await gatewayPair(state);
    expect((await get(`${pair.urls[0]}/api/quota`, "q")).status).toBe(200);
    const over = await get(`${pair.urls[1]}/api/quota`, "q");
    expect(over.status).toBe(403);
    expect(over.headers.get("x-reason")).toBe("QuotaExceeded");
    await pair.close();
  });
});

describe("Redis stopped and restarted under load", () => {
  async function underLoad(urls: string[], ms: number, during: () => Promise<void>): Promise<{ statuses: number[]; reasons: (string | null)[]; failures: number }> {
    const statuses: number[] = [];
    const reasons: (string | null)[] = [];
    let failures = 0;
    let stop = false;
    const worker = async (i: number) => {
      for (let n = 0; !stop; n++) {
        try {
          // A key a request: the limit (25 a key) is never what answers, however fast the machine runs the loop.
          const r = await get(`${urls[(i + n) % urls.length]}/api/limited`, `load-${i}-${n}`);
          await r.arrayBuffer();
          statuses.push(r.status);
          reasons.push(r.headers.get("x-reason"));
        } catch {
          failures++;
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, i) => worker(i));
    await during();
    await new Promise((r) => setTimeout(r, ms));
    stop = true;
    await Promise.all(workers);
    return { statuses, reasons, failures };
  }

  it("fail open: every request is answered 200 while Redis is down; one 'not reachable' and one 'reachable again' line per gateway", async () => {
    const { gateways, urls, lines, close } = await gatewayPair({ redis: redis.url, keyPrefix: "t4:", failMode: "open", timeoutMs: 200 });
    const run = await underLoad(urls, 300, async () => {
      await new Promise((r) => setTimeout(r, 200));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 800));
      expect(gateways.every((g) => !g.state!.ready())).toBe(true);
      const notReady = await fetch(`${urls[0]}/_apimc/ready`);
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { checks: Record<string, string> }).checks.sharedState).toBe(`redis://127.0.0.1:${redis.port}/0 is not reachable`);
      await redis.start();
      await Promise.all(gateways.map((g) => g.state!.whenReady(10_000)));
      const ready = await fetch(`${urls[1]}/_apimc/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks.sharedState).toBe("ok");
    });
    expect(run.failures).toBe(0);
    expect(run.statuses.length).toBeGreaterThan(50);
    expect(new Set(run.statuses)).toEqual(new Set([200]));
    expect(lines.filter((l) => l.includes("is not reachable")).sort()).toEqual([expect.stringMatching(/^0: .*failMode open/), expect.stringMatching(/^1: .*failMode open/)]);
    expect(lines.filter((l) => l.includes("reachable again"))).toHaveLength(2);
    expect(lines).toHaveLength(4);
    expect(gateways.every((g) => g.state!.errors.unavailable + g.state!.errors.timeout > 0)).toBe(true);
    await close();
  });

  it("fail closed: requests get 503 SharedStateUnavailable through on-error while Redis is down, 200 again after", async () => {
    const { gateways, urls, close } = await gatewayPair({ redis: redis.url, keyPrefix: "t5:", failMode: "closed", timeoutMs: 200 });
    let downStatuses: number[] = [];
    const run = await underLoad(urls, 300, async () => {
      await new Promise((r) => setTimeout(r, 200));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 300));
      downStatuses = await Promise.all(urls.map((u) => get(`${u}/api/limited`, "down").then((r) => r.status)));
      await redis.start();
      await Promise.all(gateways.map((g) => g.state!.whenReady(10_000)));
    });
    expect(downStatuses).toEqual([503, 503]);
    expect(run.failures).toBe(0);
    expect(new Set(run.statuses)).toEqual(new Set([200, 503]));
    run.statuses.forEach((s, i) => {
      if (s === 503) expect(run.reasons[i]).toBe("SharedStateUnavailable");
    });
    // after the reconnection, the last requests passed
    expect(run.statuses.slice(-6)).toEqual([200, 200, 200, 200, 200, 200]);
    await close();
  });
});

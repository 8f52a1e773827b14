// The operations surface of one gateway process: /_apimc/health, /_apimc/ready and
// /_apimc/metrics on the gateway port (or only on gateway.json's admin port), and the metrics'
// values after known traffic: requests by API, operation, status and cache result, the gateway's
// and the backend's time, callouts by host, limit rejections, emit-metric. Real gateway, real
// backend and callout servers, undici client; the metrics text is parsed, not grepped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { parsePrometheus, sampleValue, type Sample } from "../helpers/prometheus.js";

const BACKEND_DELAY_MS = 250;
const forward = `<backend><forward-request timeout="10" /></backend>`;

describe("metrics, health and ready on the gateway port", () => {
  let backend: TestServer;
  let callee: TestServer;
  let gw: Gateway;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), "apimc-metrics-"));
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const r = await request(base + path, { headers });
    return { status: r.statusCode, headers: r.headers, body: await r.body.text() };
  };
  const scrape = async (): Promise<Sample[]> => {
    const r = await get("/_apimc/metrics");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("text/plain; version=0.0.4");
    return parsePrometheus(r.body);
  };

  beforeAll(async () => {
    backend = await startServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, BACKEND_DELAY_MS));
      res.setHeader("content-type", "text/plain");
      res.end("item");
    });
    callee = await startServer((_req, res) => res.end("pong"));
    const policies: Record<string, string> = {
      item: `<policies><inbound><cache-lookup vary-by-developer="false" vary-by-developer-groups="false" /></inbound>${forward}<outbound><cache-store duration="60" /></outbound></policies>`,
      limited: `<policies><inbound><rate-limit-by-key calls="2" renewal-period="60" counter-key="all" /></inbound>${forward}<outbound /></policies>`,
      quota: `<policies><inbound><quota-by-key calls="1" renewal-period="3600" counter-key="all" /></inbound>${forward}<outbound /></policies>`,
      callout: `<policies><inbound><send-request mode="new" response-variable-name="r" timeout="5"><set-url>${callee.url}/ping</set-url><set-method>GET</set-method></send-request><return-response><set-status code="200" /><set-body>@(((IResponse)context.Variables["r"]).Body.As&lt;string&gt;())</set-body></return-response></inbound><backend /><outbound /></policies>`,
      metric: `<policies><inbound><emit-metric name="Orders" value="@(2.5)" namespace="shop"><dimension name="API ID" /><dimension name="Operation ID" /><dimension name="Subscription ID" /><dimension name="Channel" value='@(context.Request.Headers.GetValueOrDefault("X-Channel", "web"))' /></emit-metric><return-response><set-status code="202" /></return-response></inbound><backend /><outbound /></policies>`,
    };
    for (const [n, x] of Object.entries(policies)) writeFileSync(join(dir, `${n}.xml`), x);
    const op = (id: string, urlTemplate: string) => ({ id, method: "GET", urlTemplate, policy: `${id}.xml` });
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        products: [{ id: "gold", apis: ["shop"], subscriptionRequired: false }],
        subscriptions: [{ id: "sub-a", primaryKey: "key-a", product: "gold" }],
        apis: [
          {
            id: "shop",
            path: "/shop",
            serviceUrl: backend.url,
            subscriptionRequired: false,
            operations: [{ ...op("item", "/items/{id}") }, op("limited", "/limited"), op("quota", "/quota"), op("callout", "/callout"), op("metric", "/metric")],
          },
        ],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    const a = await gw.listen(0);
    base = `http://127.0.0.1:${a.port}`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
    await callee.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers health and ready", async () => {
    const h = await get("/_apimc/health");
    expect(h.status).toBe(200);
    expect(JSON.parse(h.body)).toMatchObject({ status: "ok", pid: process.pid });
    const r = await get("/_apimc/ready");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: "ready", checks: { configuration: "ok", shutdown: "ok" } });
    const post = await request(base + "/_apimc/health", { method: "POST", body: "x" });
    expect(post.statusCode).toBe(405);
    await post.body.text();
  });

  it("counts known traffic exactly", async () => {
    const before = await scrape();
    // Cache: miss, hit, miss (another item).
    expect((await get("/shop/items/1")).status).toBe(200);
    expect((await get("/shop/items/1")).status).toBe(200);
    expect((await get("/shop/items/2")).status).toBe(200);
    // Rate limit 2: the third is rejected; quota 1: the second.
    const limited = [await get("/shop/limited"), await get("/shop/limited"), await get("/shop/limited")].map((r) => r.status);
    expect(limited).toEqual([200, 200, 429]);
    expect([(await get("/shop/quota")).status, (await get("/shop/quota")).status]).toEqual([200, 403]);
    // Callouts.
    for (let i = 0; i < 3; i++) expect((await get("/shop/callout")).body).toBe("pong");
    // emit-metric: 2.5 three times; once with a subscription and another channel.
    expect((await get("/shop/metric")).status).toBe(202);
    expect((await get("/shop/metric", { "X-Channel": "app" })).status).toBe(202);
    expect((await get("/shop/metric", { "Ocp-Apim-Subscription-Key": "key-a" })).status).toBe(202);
    // Unmatched.
    expect((await get("/nowhere")).status).toBe(404);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    const req = (operation: string, status: string, cache = "none") => delta("apimc_requests_total", { api: "shop", operation, status, cache });
    expect([req("item", "200", "miss"), req("item", "200", "hit"), req("item", "200", "none")]).toEqual([2, 1, 0]);
    expect([req("limited", "200"), req("limited", "429")]).toEqual([2, 1]);
    expect([req("quota", "200"), req("quota", "403")]).toEqual([1, 1]);
    expect(req("callout", "200")).toBe(3);
    expect(req("metric", "202")).toBe(3);
    expect(delta("apimc_requests_total", { api: "", operation: "", status: "404", cache: "none" })).toBe(1);

    expect(delta("apimc_limit_rejections_total", { api: "shop", operation: "limited", policy: "rate-limit-by-key", reason: "RateLimitExceeded" })).toBe(1);
    expect(delta("apimc_limit_rejections_total", { api: "shop", operation: "quota", policy: "quota-by-key", reason: "QuotaExceeded" })).toBe(1);
    expect(delta("apimc_limit_rejections_total")).toBe(2);

    // The backend was waited for twice for the items (the hit is answered from the cache), at least BACKEND_DELAY_MS each.
    const item = { api: "shop", operation: "item" };
    expect(delta("apimc_backend_duration_seconds_count", item)).toBe(2);
    expect(delta("apimc_backend_duration_seconds_sum", item)).toBeGreaterThanOrEqual((2 * BACKEND_DELAY_MS * 0.9) / 1000);
    // The gateway's own time excludes that wait: every item request is counted, and in total less
    // than the two waits (which alone would be 2 x BACKEND_DELAY_MS if they were not taken out).
    expect(delta("apimc_gateway_duration_seconds_count", item)).toBe(3);
    expect(delta("apimc_gateway_duration_seconds_sum", item)).toBeLessThan((2 * BACKEND_DELAY_MS) / 1000);
    // Histogram buckets are cumulative and end with +Inf = count.
    const buckets = after.filter((s) => s.name === "apimc_gateway_duration_seconds_bucket" && s.labels.operation === "item");
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    expect(buckets.at(-1)!.labels.le).toBe("+Inf");
    expect(buckets.at(-1)!.value).toBe(sampleValue(after, "apimc_gateway_duration_seconds_count", item));

    const host = new URL(callee.url).host;
    expect(delta("apimc_callouts_total", { host, status: "200" })).toBe(3);
    expect(delta("apimc_callout_duration_seconds_count", { host })).toBe(3);

    const custom = (labels: Record<string, string>) => [sampleValue(after, "apimc_custom_Orders_sum", labels), sampleValue(after, "apimc_custom_Orders_count", labels)];
    const dims = { namespace: "shop", API_ID: "shop", Operation_ID: "metric" };
    expect(custom({ ...dims, Subscription_ID: "", Channel: "web" })).toEqual([2.5, 1]);
    expect(custom({ ...dims, Subscription_ID: "", Channel: "app" })).toEqual([2.5, 1]);
    expect(custom({ ...dims, Subscription_ID: "sub-a", Channel: "web" })).toEqual([2.5, 1]);
    expect(custom(dims)).toEqual([7.5, 3]);
  });

  it("the operations paths are not routed to an API and not counted as requests", async () => {
    const before = sampleValue(await scrape(), "apimc_requests_total");
    await get("/_apimc/health");
    await get("/_apimc/ready");
    expect(sampleValue(await scrape(), "apimc_requests_total")).toBe(before);
  });
});

describe("admin port and metrics off", () => {
  let backend: TestServer;
  const dir = mkdtempSync(join(tmpdir(), "apimc-admin-"));
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(`backend saw ${req.url}`));
  });
  afterAll(async () => {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const text = async (url: string) => {
    const r = await request(url);
    return { status: r.statusCode, body: await r.body.text() };
  };

  it("with admin.port the operations paths are answered there only; the gateway port routes them to the API", async () => {
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ admin: { port: 0 }, apis: [{ id: "root", path: "", serviceUrl: backend.url }] }));
    const gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    try {
      const a = await gw.listen(0);
      const admin = gw.adminAddress()!;
      expect(admin.port).not.toBe(a.port);
      expect(await text(`http://127.0.0.1:${a.port}/_apimc/health`)).toEqual({ status: 200, body: "backend saw /_apimc/health" });
      expect((await text(`http://127.0.0.1:${admin.port}/_apimc/health`)).status).toBe(200);
      expect((await text(`http://127.0.0.1:${admin.port}/_apimc/ready`)).status).toBe(200);
      expect((await text(`http://127.0.0.1:${admin.port}/anything`)).status).toBe(404);
      const m = parsePrometheus((await text(`http://127.0.0.1:${admin.port}/_apimc/metrics`)).body);
      expect(sampleValue(m, "apimc_requests_total", { api: "root", operation: "*", status: "200" })).toBe(1);
    } finally {
      await gw.close();
    }
  });

  it('"metrics": false counts nothing and answers 404 at /_apimc/metrics; health and ready stay', async () => {
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ metrics: false, apis: [{ id: "api", path: "/api", serviceUrl: backend.url }] }));
    const gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    try {
      const a = await gw.listen(0);
      expect(gw.metrics).toBeNull();
      expect((await text(`http://127.0.0.1:${a.port}/api/x`)).status).toBe(200);
      expect((await text(`http://127.0.0.1:${a.port}/_apimc/metrics`)).status).toBe(404);
      expect((await text(`http://127.0.0.1:${a.port}/_apimc/health`)).status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it("ready turns 503 once shutdown begins; the admin port answers until the request in flight is done", async () => {
    let release!: () => void;
    const slow = await startServer(async (_req, res) => {
      await new Promise<void>((r) => (release = r));
      res.end("done");
    });
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ admin: { port: 0 }, apis: [{ id: "api", path: "/api", serviceUrl: slow.url }] }));
    const gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    const a = await gw.listen(0);
    const adminPort = gw.adminAddress()!.port;
    const inflight = text(`http://127.0.0.1:${a.port}/api/slow`);
    while (!release) await new Promise((r) => setTimeout(r, 10));
    const readyBefore = await text(`http://127.0.0.1:${adminPort}/_apimc/ready`);
    expect(readyBefore.status).toBe(200);
    const closing = gw.close();
    const readyDuring = await text(`http://127.0.0.1:${adminPort}/_apimc/ready`);
    expect(readyDuring.status).toBe(503);
    expect(JSON.parse(readyDuring.body).checks.shutdown).toMatch(/shutting down/);
    expect((await text(`http://127.0.0.1:${adminPort}/_apimc/health`)).status).toBe(200);
    release();
    expect(await inflight).toEqual({ status: 200, body: "done" });
    await closing;
    await slow.close();
  });

  it("Redis configured but not reachable: ready is 503 naming it, and each failed call is counted by kind and operation", async () => {
    const port = await closedPort();
    writeFileSync(join(dir, "limit.xml"), `<policies><inbound><rate-limit-by-key calls="5" renewal-period="60" counter-key="k" /></inbound><backend><forward-request /></backend><outbound /></policies>`);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ state: { redis: `redis://127.0.0.1:${port}`, timeoutMs: 100 }, apis: [{ id: "api", path: "/api", serviceUrl: backend.url, policy: "limit.xml" }] }));
    const gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    try {
      const a = await gw.listen(0);
      const ready = await text(`http://127.0.0.1:${a.port}/_apimc/ready`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body).checks.sharedState).toBe(`redis://127.0.0.1:${port} is not reachable`);
      // failMode open (the default): the limit is not enforced, the call goes through.
      for (let i = 0; i < 3; i++) expect((await text(`http://127.0.0.1:${a.port}/api/x`)).status).toBe(200);
      const m = parsePrometheus((await text(`http://127.0.0.1:${a.port}/_apimc/metrics`)).body);
      const failed = m.filter((x) => x.name === "apimc_redis_errors_total" && x.labels.operation === "rate-limit");
      expect(failed.reduce((n, x) => n + x.value, 0)).toBe(3);
      expect(failed.every((x) => ["unavailable", "timeout", "error"].includes(x.labels.kind!))).toBe(true);
    } finally {
      await gw.close();
    }
  });

  it("refuses an admin port that is not a port", () => {
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ admin: { host: "127.0.0.1" }, apis: [{ id: "api", path: "/api", serviceUrl: backend.url }] }));
    expect(() => createGateway({ config: join(dir, "gateway.json"), watch: false })).toThrow(/admin\.port: is required/);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ admin: { port: 70000 }, apis: [{ id: "api", path: "/api", serviceUrl: backend.url }] }));
    expect(() => createGateway({ config: join(dir, "gateway.json"), watch: false })).toThrow(/admin\.port: must be a port number/);
  });
});

// The gateway from a configuration file: scopes composed with <base/>, fragments, named values,
// operations and matched parameters, subscriptions and products, streaming, traces, hot reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-gw-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const header = (name: string, value: string) => `<set-header name="${name}" exists-action="append"><value>${value}</value></set-header>`;

describe("gateway from gateway.json", () => {
  let backend: TestServer;
  let gw: Gateway;
  let base: string;
  const builds: boolean[] = [];
  beforeAll(async () => {
    backend = await startServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ url: req.url, order: req.headers["x-order"] ?? null, bytes: req.body.length }));
    });
    write("policies/global.xml", `<policies><inbound>${header("X-Order", "global")}</inbound><backend><forward-request timeout="5"/></backend><outbound/></policies>`);
    write("policies/gold.xml", `<policies><inbound><base/>${header("X-Order", "product-gold")}</inbound></policies>`);
    write(
      "policies/orders.xml",
      `<policies><inbound><base/>${header("X-Order", "api")}<include-fragment fragment-id="stamp"/></inbound><outbound><base/><set-header name="X-Sub" exists-action="override"><value>@(context.Subscription?.Name ?? "anonymous")</value></set-header></outbound></policies>`,
    );
    write(
      "policies/get-order.xml",
      `<policies><inbound>${header("X-Order", "operation-first")}<base/><set-header name="X-Id" exists-action="override"><value>@(context.Request.MatchedParameters["id"])</value></set-header></inbound><outbound><base/><set-header name="X-Op" exists-action="override"><value>@(context.Operation.Id)</value></set-header></outbound></policies>`,
    );
    write(
      "policies/cors.xml",
      `<policies><inbound><cors><allowed-origins><origin>https://app.example</origin></allowed-origins><allowed-methods><method>GET</method></allowed-methods></cors><base/></inbound></policies>`,
    );
    write("fragments/stamp.xml", `<fragment><set-header name="X-Stamp" exists-action="override"><value>{{stamp}}</value></set-header></fragment>`);
    write("named-values.json", JSON.stringify({ stamp: "from-named-value" }));
    write(
      "gateway.json",
      JSON.stringify({
        policy: "policies/global.xml",
        namedValues: "named-values.json",
        fragments: "fragments",
        trace: { key: "let-me-see" },
        products: [{ id: "gold", policy: "policies/gold.xml", apis: ["orders"] }],
        subscriptions: [{ id: "s1", name: "Alice's", primaryKey: "key-alice", product: "gold", user: { email: "alice@example.com" } }],
        apis: [
          {
            id: "orders",
            path: "/orders",
            serviceUrl: backend.url + "/svc",
            policy: "policies/orders.xml",
            operations: [
              { id: "get-order", method: "GET", urlTemplate: "/{id}", policy: "policies/get-order.xml" },
              { id: "create-order", method: "POST", urlTemplate: "/" },
            ],
          },
          { id: "open", path: "/open", serviceUrl: backend.url, subscriptionRequired: false },
          {
            id: "web",
            path: "/web",
            serviceUrl: backend.url,
            subscriptionRequired: false,
            policy: "policies/cors.xml",
            operations: [{ id: "get-thing", method: "GET", urlTemplate: "/things/{id}" }],
          },
        ],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json"), watch: true, onBuild: (ok) => builds.push(ok) });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  it("composes global → product → API → operation with <base/>, fragments and named values", async () => {
    const r = await request(`${base}/orders/42?x=1`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice" } });
    const body = (await r.body.json()) as { url: string; order: string };
    expect(r.statusCode).toBe(200);
    expect(body.url).toBe("/svc/42?x=1");
    expect(body.order).toBe("operation-first,global,product-gold,api");
    expect(r.headers["x-op"]).toBe("get-order");
    expect(r.headers["x-sub"]).toBe("Alice's");
  });

  it("gives the operation's matched template parameters", async () => {
    const r = await request(`${base}/orders/a%20b`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice" } });
    await r.body.dump();
    expect(backend.requests.at(-1)!.headers["x-id"]).toBe("a b");
    expect(backend.requests.at(-1)!.headers["x-stamp"]).toBe("from-named-value");
  });

  it("answers 401 for a missing or wrong subscription key, with APIM's messages", async () => {
    const missing = await request(`${base}/orders/1`);
    expect(missing.statusCode).toBe(401);
    expect(((await missing.body.json()) as { message: string }).message).toContain("missing subscription key");
    const wrong = await request(`${base}/orders/1?subscription-key=nope`);
    expect(wrong.statusCode).toBe(401);
    expect(((await wrong.body.json()) as { message: string }).message).toContain("invalid subscription key");
  });

  it("answers 404 OperationNotFound for an unmatched method or path", async () => {
    const r = await request(`${base}/orders/1/2`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice" } });
    expect(r.statusCode).toBe(404);
    expect(((await r.body.json()) as { message: string }).message).toBe("Unable to match incoming request to an operation.");
    const none = await request(`${base}/nowhere`);
    expect(none.statusCode).toBe(404);
    await none.body.dump();
  });

  it("answers a CORS preflight through the cors policy of the operation on that path, with no OPTIONS operation", async () => {
    const before = backend.requests.length;
    const r = await request(`${base}/web/things/1`, { method: "OPTIONS", headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET" } });
    await r.body.dump();
    expect(r.statusCode).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(backend.requests.length).toBe(before);
    const plain = await request(`${base}/web/things/1`, { method: "OPTIONS" });
    await plain.body.dump();
    expect(plain.statusCode).toBe(404);
  });

  it("streams a large body no policy reads, in both directions", async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 97);
    const r = await request(`${base}/open/upload`, { method: "POST", body: big });
    expect(r.statusCode).toBe(200);
    expect(((await r.body.json()) as { bytes: number }).bytes).toBe(big.length);
  });

  it("returns the trace of every policy run to a request with the trace key", async () => {
    const r = await request(`${base}/orders/7`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice", "Apimc-Trace": "let-me-see" } });
    await r.body.dump();
    const summary = JSON.parse(String(r.headers["apimc-trace"])) as { href: string };
    const full = await request(`${base}${summary.href}`, { headers: { "Apimc-Trace": "let-me-see" } });
    const trace = ((await full.body.json()) as { entries: { source: string; message: string }[] }).entries;
    expect(trace.map((t) => t.source)).toContain("include-fragment");
    // Every policy, also those that cannot fail (a literal set-header at each scope).
    expect(trace.filter((t) => t.source === "set-header").length).toBeGreaterThanOrEqual(4);
    expect(trace.some((t) => t.message.includes("forward-request"))).toBe(true);
    const untraced = await request(`${base}/orders/7`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice", "Apimc-Trace": "guess" } });
    await untraced.body.dump();
    expect(untraced.headers["apimc-trace"]).toBeUndefined();
  });

  it("reloads a changed policy, and keeps the last good version when a change does not compile", async () => {
    const call = async () => {
      const r = await request(`${base}/orders/1`, { headers: { "Ocp-Apim-Subscription-Key": "key-alice" } });
      await r.body.dump();
      return r.headers["x-op"];
    };
    write(
      "policies/get-order.xml",
      `<policies><inbound><base/></inbound><outbound><base/><set-header name="X-Op" exists-action="override"><value>reloaded</value></set-header></outbound></policies>`,
    );
    await until("the gateway to answer from the reloaded policy", async () => (await call()) === "reloaded");
    const before = builds.length;
    write("policies/get-order.xml", `<policies><inbound><set-heder/></inbound></policies>`);
    await until("another build", async () => builds.length > before);
    expect(builds.at(-1)).toBe(false);
    expect(await call()).toBe("reloaded");
  });
});


// The traffic policies through the gateway built from a gateway.json: operations give matched
// parameters and URL templates (rewrite-uri), backends (set-backend-service backend-id), examples
// (mock-response); cors and check-header answer real clients.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-traffic-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

describe("traffic policies in the gateway", () => {
  let main: TestServer;
  let other: TestServer;
  let gw: Gateway;
  let base: string;
  beforeAll(async () => {
    main = await startServer((req, res) => res.end(`main ${req.method} ${req.url} ${req.headers.authorization ?? ""}`));
    other = await startServer((req, res) => res.end(`other ${req.url}`));
    write(
      "policies/api.xml",
      `<policies><inbound><cors><allowed-origins><origin>https://app.example</origin></allowed-origins><allowed-methods><method>GET</method><method>POST</method></allowed-methods></cors><base/></inbound><backend><forward-request timeout="5"/></backend><outbound/><on-error/></policies>`,
    );
    write("policies/get-item.xml", `<policies><inbound><base/><rewrite-uri template="/v2/items/{id}?source=gw" /><authentication-basic username="svc" password="pw" /></inbound></policies>`);
    write("policies/legacy.xml", `<policies><inbound><base/><set-backend-service backend-id="legacy" /><set-query-parameter name="api-version" exists-action="skip"><value>2020</value></set-query-parameter></inbound></policies>`);
    write("policies/mocked.xml", `<policies><inbound><base/><check-header name="X-Key" failed-check-httpcode="401" failed-check-error-message="Key required" ignore-case="false" /><mock-response status-code="200" content-type="application/json" /></inbound></policies>`);
    write(
      "gateway.json",
      JSON.stringify({
        backends: { legacy: { url: `${other.url}/old` } },
        apis: [
          {
            id: "shop",
            path: "/shop",
            serviceUrl: `${main.url}/svc`,
            subscriptionRequired: false,
            policy: "policies/api.xml",
            operations: [
              { id: "get-item", method: "GET", urlTemplate: "/items/{id}?view={view}", policy: "policies/get-item.xml" },
              { id: "legacy", method: "GET", urlTemplate: "/legacy/{*rest}", policy: "policies/legacy.xml" },
              { id: "any", method: "*", urlTemplate: "/any/{*rest}" },
              { id: "mocked", method: "GET", urlTemplate: "/mocked", policy: "policies/mocked.xml", examples: { "200": { "application/json": { id: 7, name: "example" } } } },
            ],
          },
        ],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    await main.close();
    await other.close();
  });

  it("rewrite-uri with matched parameters, unmatched query copied, Basic credentials, CORS headers", async () => {
    const r = await request(`${base}/shop/items/42?view=full&extra=1`, { headers: { Origin: "https://app.example" } });
    expect(r.statusCode).toBe(200);
    expect(await r.body.text()).toBe(`main GET /svc/v2/items/42?source=gw&extra=1 Basic ${Buffer.from("svc:pw").toString("base64")}`);
    expect(r.headers["access-control-allow-origin"]).toBe("https://app.example");
  });

  it("set-backend-service backend-id from the configuration; set-query-parameter", async () => {
    const r = await request(`${base}/shop/legacy/a/b`);
    expect(await r.body.text()).toBe("other /old/legacy/a/b?api-version=2020");
  });

  it("preflight is answered by cors without reaching the backend", async () => {
    // The gateway routes a request to an operation by method, so the preflight needs an operation
    // that takes OPTIONS here (method "*"); APIM runs cors for preflights without one.
    const before = main.requests.length;
    const r = await request(`${base}/shop/any/thing`, { method: "OPTIONS", headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" } });
    expect(r.statusCode).toBe(200);
    expect(await r.body.text()).toBe("");
    expect(r.headers["access-control-allow-origin"]).toBe("https://app.example");
    expect(r.headers["access-control-allow-methods"]).toBe("POST");
    expect(main.requests.length).toBe(before);
  });

  it("check-header and mock-response from the operation's examples", async () => {
    const denied = await request(`${base}/shop/mocked`);
    expect(denied.statusCode).toBe(401);
    expect(await denied.body.json()).toMatchObject({ statusCode: 401, message: "Key required" });
    const r = await request(`${base}/shop/mocked`, { headers: { "X-Key": "k" } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(await r.body.text())).toEqual({ id: 7, name: "example" });
  });
});

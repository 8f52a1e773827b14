// cors: preflight answered by the policy alone; actual cross-origin requests get Access-Control-*
// headers on the response (the backend's, and error responses); unmatched requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors, warnings } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    res.setHeader("X-Backend", "1");
    res.end(`backend ${req.method}`);
  });
});
afterAll(() => server.close());

const policy = (attrs = "", extra = "") =>
  doc({
    inbound: `<cors ${attrs}>
      <allowed-origins><origin>https://app.example</origin><origin>http://localhost:3000</origin></allowed-origins>
      <allowed-methods preflight-result-max-age="300"><method>GET</method><method>PUT</method></allowed-methods>
      <allowed-headers><header>Content-Type</header><header>X-Custom</header></allowed-headers>
      <expose-headers><header>X-Backend</header><header>X-Total</header></expose-headers>
    </cors>${extra}`,
    backend: "<forward-request/>",
  });

const preflight = (origin: string, method: string, headers?: string) => ({
  method: "OPTIONS",
  headers: { Origin: origin, "Access-Control-Request-Method": method, ...(headers ? { "Access-Control-Request-Headers": headers } : {}) },
});

describe("cors preflight", () => {
  it("is answered by cors alone: 200 with the Allow headers, no backend call, nothing after it runs", async () => {
    const before = server.requests.length;
    const r = await runPolicy(policy(`allow-credentials="true"`, `<set-variable name="after" value="1" />`), {
      backend: server.url,
      request: preflight("https://app.example", "PUT", "content-type, x-custom"),
    });
    expect(r.status).toBe(200);
    expect(r.body).toBe("");
    expect(r.headers).toMatchObject({
      "access-control-allow-origin": ["https://app.example"],
      "access-control-allow-credentials": ["true"],
      "access-control-allow-methods": ["PUT"],
      "access-control-allow-headers": ["content-type,x-custom"],
      "access-control-max-age": ["300"],
      vary: ["Origin"],
    });
    expect(r.variables).not.toHaveProperty("after");
    expect(server.requests.length).toBe(before);
  });

  it("normalises default ports when matching origins", async () => {
    const r = await runPolicy(policy(), { backend: server.url, request: preflight("https://APP.example:443", "GET") });
    expect(r.headers["access-control-allow-origin"]).toEqual(["https://APP.example:443"]);
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("an unmatched origin, method or header ends with an empty 200 without CORS headers (terminate default true)", async () => {
    for (const rq of [preflight("https://evil.example", "GET"), preflight("https://app.example", "DELETE"), preflight("https://app.example", "GET", "X-Other")]) {
      const before = server.requests.length;
      const r = await runPolicy(policy(), { backend: server.url, request: rq });
      expect(r.status).toBe(200);
      expect(r.body).toBe("");
      expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control"))).toEqual([]);
      expect(server.requests.length).toBe(before);
    }
  });

  it("with terminate-unmatched-request=false an unmatched preflight continues (a later cors may answer it)", async () => {
    const second = `<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods><method>*</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors>`;
    const r = await runPolicy(policy(`terminate-unmatched-request="false"`, second), { backend: server.url, request: preflight("https://other.example", "DELETE", "X-Any") });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toEqual(["*"]);
    expect(r.headers["access-control-allow-methods"]).toEqual(["DELETE"]);
    expect(r.headers["access-control-allow-headers"]).toEqual(["X-Any"]);
    expect(r.headers.vary).toBeUndefined();
  });

  it("default methods are GET and POST", async () => {
    const p = doc({ inbound: `<cors><allowed-origins><origin>*</origin></allowed-origins></cors>` });
    expect((await runPolicy(p, { request: preflight("https://x.example", "POST") })).headers["access-control-allow-methods"]).toEqual(["POST"]);
    expect((await runPolicy(p, { request: preflight("https://x.example", "PUT") })).headers["access-control-allow-methods"]).toBeUndefined();
  });
});

describe("cors on actual requests", () => {
  it("adds Allow-Origin, Allow-Credentials and Expose-Headers to the backend's response", async () => {
    const r = await runPolicy(policy(`allow-credentials="true"`), { backend: server.url, request: { method: "GET", headers: { Origin: "http://localhost:3000" } } });
    expect(r.body).toBe("backend GET");
    expect(r.headers).toMatchObject({
      "access-control-allow-origin": ["http://localhost:3000"],
      "access-control-allow-credentials": ["true"],
      "access-control-expose-headers": ["X-Backend,X-Total"],
      vary: ["Origin"],
      "x-backend": ["1"],
    });
  });

  it("a '*' origin gives Allow-Origin: * (without credentials)", async () => {
    const r = await runPolicy(doc({ inbound: `<cors><allowed-origins><origin>*</origin></allowed-origins></cors>`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { headers: { Origin: "https://any.example" } },
    });
    expect(r.headers["access-control-allow-origin"]).toEqual(["*"]);
    expect(r.headers.vary).toBeUndefined();
  });

  it("also on return-response and error responses", async () => {
    const rr = await runPolicy(policy("", `<return-response><set-status code="418" reason="teapot" /></return-response>`), { request: { headers: { Origin: "https://app.example" } } });
    expect(rr.status).toBe(418);
    expect(rr.headers["access-control-allow-origin"]).toEqual(["https://app.example"]);
    const err = await runPolicy(policy("", `<set-variable name="x" value="@(int.Parse("x"))" />`), { request: { headers: { Origin: "https://app.example" } } });
    expect(err.status).toBe(500);
    expect(err.headers["access-control-allow-origin"]).toEqual(["https://app.example"]);
    const mocked = await runPolicy(doc({ inbound: `<cors><allowed-origins><origin>https://app.example</origin></allowed-origins></cors>`, backend: "<forward-request/>", outbound: `<mock-response status-code="203" />` }), {
      backend: server.url,
      request: { headers: { Origin: "https://app.example" } },
    });
    expect(mocked.status).toBe(203);
    expect(mocked.headers["access-control-allow-origin"]).toEqual(["https://app.example"]);
  });

  it("no Origin header: not a CORS request, nothing added", async () => {
    const r = await runPolicy(policy(), { backend: server.url });
    expect(r.body).toBe("backend GET");
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("with terminate-unmatched-request=false and no later cors, an unmatched preflight still ends with an empty 200", async () => {
    for (const terminate of [`terminate-unmatched-request="false"`, `terminate-unmatched-request="@(false)"`]) {
      const before = server.requests.length;
      const r = await runPolicy(policy(terminate), { backend: server.url, request: preflight("https://evil.example", "GET") });
      expect(r).toMatchObject({ status: 200, body: "" });
      expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control"))).toEqual([]);
      expect(server.requests.length).toBe(before);
    }
    // A cors inside a choose is not a direct child of inbound: it does not count as a later cors.
    const nested = `<choose><when condition="@(true)"><cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods><method>*</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors></when></choose>`;
    const n = await runPolicy(policy(`terminate-unmatched-request="false"`, nested), { backend: server.url, request: preflight("https://evil.example", "GET") });
    expect(n).toMatchObject({ status: 200, body: "" });
    expect(n.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("an unmatched origin: empty 200 by default; passes through without CORS headers when not terminating", async () => {
    const before = server.requests.length;
    const t = await runPolicy(policy(), { backend: server.url, request: { headers: { Origin: "https://evil.example" } } });
    expect(t).toMatchObject({ status: 200, body: "" });
    expect(server.requests.length).toBe(before);
    const p = await runPolicy(policy(`terminate-unmatched-request="false"`), { backend: server.url, request: { headers: { Origin: "https://evil.example" } } });
    expect(p.body).toBe("backend GET");
    expect(p.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("attributes may be expressions", async () => {
    const r = await runPolicy(policy(`allow-credentials="@(context.Request.Headers.ContainsKey("Cookie"))"`), {
      backend: server.url,
      request: { headers: { Origin: "https://app.example", Cookie: "a=1" } },
    });
    expect(r.headers["access-control-allow-credentials"]).toEqual(["true"]);
  });
});

describe("cors diagnostics", () => {
  it("checks structure, literals and the section", () => {
    expect(errors(doc({ inbound: `<cors />` })).map((d) => d.code)).toEqual(["APIMC2005"]);
    expect(errors(doc({ inbound: `<cors><allowed-origins><origin>app.example/path</origin></allowed-origins></cors>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<cors><allowed-origins><origin>@("https://x")</origin></allowed-origins></cors>` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<cors allow-credentials="true"><allowed-origins><origin>*</origin></allowed-origins></cors>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods preflight-result-max-age="-1"><method>GET</method></allowed-methods></cors>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-origins><origin>*</origin></allowed-origins></cors>` })).map((d) => d.code)).toEqual(["APIMC2016"]);
    expect(errors(doc({ inbound: `<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods><verb>GET</verb></allowed-methods></cors>` })).map((d) => d.code)).toEqual(["APIMC2009"]);
    expect(errors(doc({ outbound: `<cors><allowed-origins><origin>*</origin></allowed-origins></cors>` })).map((d) => d.code)).toEqual(["APIMC2006"]);
    const c = `<cors><allowed-origins><origin>*</origin></allowed-origins></cors>`;
    expect(warnings(doc({ inbound: c + c })).map((d) => d.code)).toEqual(["APIMC2016"]);
  });
});

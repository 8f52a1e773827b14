// forward-request against real servers: timeout, timeout-ms, follow-redirects,
// fail-on-error-status-code, buffer-request-body with retry around it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors } from "./helpers.js";

let server: TestServer;
let flaky = 0;
beforeAll(async () => {
  server = await startServer(async (req, res) => {
    const u = new URL(req.url!, "http://x");
    switch (u.pathname) {
      case "/slow":
        await new Promise((r) => setTimeout(r, Number(u.searchParams.get("ms") ?? 2000)));
        if (!res.destroyed) res.end("slow");
        return;
      case "/redirect":
        res.writeHead(302, { Location: "/target?from=redirect" });
        res.end("moved");
        return;
      case "/redirect-post":
        res.writeHead(303, { Location: "/target" });
        res.end();
        return;
      case "/target":
        res.end(`target ${req.method} ${u.search}`);
        return;
      case "/status":
        res.statusCode = Number(u.searchParams.get("code"));
        res.end(`status ${res.statusCode}`);
        return;
      case "/flaky":
        if (flaky-- > 0) {
          res.statusCode = 503;
          res.end("busy");
        } else res.end(`got ${req.body}`);
        return;
      default:
        res.end(`${req.method} ${req.url} ${req.body}`);
    }
  });
});
afterAll(() => server.close());

describe("forward-request timeout", () => {
  it("timeout (seconds): a backend slower than it gives Timeout (504) and on-error", async () => {
    const r = await runPolicy(doc({ backend: `<forward-request timeout="1" />`, onError: `<set-variable name="reason" value="@(context.LastError.Reason)" /><set-variable name="source" value="@(context.LastError.Source)" />` }), {
      backend: server.url,
      request: { url: "/slow?ms=3000" },
    });
    expect(r.status).toBe(504);
    expect(r.variables).toMatchObject({ reason: "Timeout", source: "forward-request" });
    expect(r.lastError).toMatchObject({ Section: "backend", Path: "forward-request[1]" });
  });

  it("timeout-ms: milliseconds", async () => {
    const t = Date.now();
    const r = await runPolicy(doc({ backend: `<forward-request timeout-ms="150" />` }), { backend: server.url, request: { url: "/slow?ms=2000" } });
    expect(r.status).toBe(504);
    expect(r.lastError).toMatchObject({ Reason: "Timeout" });
    expect(Date.now() - t).toBeLessThan(1900);
  });

  it("a backend within the timeout answers normally; timeout from an expression", async () => {
    const r = await runPolicy(doc({ backend: `<forward-request timeout="@(5)" />` }), { backend: server.url, request: { url: "/slow?ms=50" } });
    expect(r).toMatchObject({ status: 200, body: "slow" });
    const ms = await runPolicy(doc({ backend: `<forward-request timeout-ms="@(2000)" />` }), { backend: server.url, request: { url: "/slow?ms=50" } });
    expect(ms).toMatchObject({ status: 200, body: "slow" });
  });

  it("diagnostics: timeout and timeout-ms are exclusive, non-negative integers", () => {
    expect(errors(doc({ backend: `<forward-request timeout="1" timeout-ms="100" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ backend: `<forward-request timeout="-1" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ backend: `<forward-request timeout-ms="fast" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
  });
});

describe("forward-request follow-redirects", () => {
  it("false (default): the redirect goes back to the client", async () => {
    const r = await runPolicy(doc({ backend: `<forward-request />` }), { backend: server.url, request: { url: "/redirect" } });
    expect(r.status).toBe(302);
    expect(r.headers.location).toEqual(["/target?from=redirect"]);
    expect(r.body).toBe("moved");
  });

  it("true: the gateway follows it and returns the target's answer", async () => {
    const r = await runPolicy(doc({ backend: `<forward-request follow-redirects="true" />` }), { backend: server.url, request: { url: "/redirect" } });
    expect(r).toMatchObject({ status: 200, body: "target GET ?from=redirect" });
  });

  it("a 303 after a POST is followed with GET; the flag may be an expression", async () => {
    const r = await runPolicy(doc({ backend: `<forward-request follow-redirects="@(true)" />` }), { backend: server.url, request: { url: "/redirect-post", method: "POST", body: "data" } });
    expect(r).toMatchObject({ status: 200, body: "target GET " });
  });
});

describe("forward-request fail-on-error-status-code", () => {
  it("true: a 4xx/5xx from the backend goes to on-error with the backend's status", async () => {
    const r = await runPolicy(
      doc({
        backend: `<forward-request fail-on-error-status-code="true" />`,
        outbound: `<set-header name="X-Outbound"><value>ran</value></set-header>`,
        onError: `<set-variable name="status" value="@(context.Response.StatusCode)" /><set-variable name="source" value="@(context.LastError.Source)" />`,
      }),
      { backend: server.url, request: { url: "/status?code=404" } },
    );
    expect(r.status).toBe(404);
    expect(r.variables).toMatchObject({ status: 404, source: "forward-request" });
    expect(r.headers["x-outbound"]).toBeUndefined();
  });

  it("true: a 2xx/3xx passes; false (default): a 500 is an ordinary response that reaches outbound", async () => {
    expect((await runPolicy(doc({ backend: `<forward-request fail-on-error-status-code="true" />` }), { backend: server.url, request: { url: "/status?code=201" } })).status).toBe(201);
    const r = await runPolicy(doc({ backend: `<forward-request />`, outbound: `<set-header name="X-Outbound"><value>ran</value></set-header>` }), { backend: server.url, request: { url: "/status?code=500" } });
    expect(r).toMatchObject({ status: 500, body: "status 500" });
    expect(r.headers["x-outbound"]).toEqual(["ran"]);
    expect(r.lastError).toBeUndefined();
  });

  it("does not accept an expression", () => {
    expect(errors(doc({ backend: `<forward-request fail-on-error-status-code="@(true)" />` })).map((d) => d.code)).toEqual(["APIMC2007"]);
  });
});

describe("forward-request buffer-request-body with retry", () => {
  it("the same request body is sent on every attempt", async () => {
    flaky = 2;
    const before = server.requests.length;
    const r = await runPolicy(
      doc({ backend: `<retry condition="@(context.Response.StatusCode == 503)" count="3" interval="0"><forward-request buffer-request-body="true" /></retry>` }),
      { backend: server.url, request: { url: "/flaky", method: "POST", body: `{"order":42}`, headers: { "Content-Type": "application/json" } } },
    );
    expect(r).toMatchObject({ status: 200, body: `got {"order":42}` });
    const attempts = server.requests.slice(before);
    expect(attempts).toHaveLength(3);
    expect(attempts.map((a) => [a.method, a.body, a.headers["content-type"]])).toEqual(Array(3).fill(["POST", `{"order":42}`, "application/json"]));
  });

  it("buffer-request-body does not accept an expression", () => {
    expect(errors(doc({ backend: `<forward-request buffer-request-body="@(true)" />` })).map((d) => d.code)).toEqual(["APIMC2007"]);
  });
});

describe("forward-request buffer-request-body with retry, through the gateway", () => {
  it("a streamed-capable gateway buffers the body when retry may re-send it", async () => {
    const { createGateway } = await import("../../gateway/host.js");
    const gw = createGateway({
      apis: [{ path: "/api", backend: server.url, policy: doc({ backend: `<retry condition="@(context.Response.StatusCode == 503)" count="3" interval="0"><forward-request buffer-request-body="true" /></retry>` }) }],
    });
    const addr = await gw.listen(0, "127.0.0.1");
    try {
      flaky = 1;
      const before = server.requests.length;
      const res = await fetch(`http://127.0.0.1:${addr.port}/api/flaky`, { method: "POST", body: "streamed body" });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("got streamed body");
      expect(server.requests.slice(before).map((q) => q.body)).toEqual(["streamed body", "streamed body"]);
    } finally {
      await gw.close();
    }
  });
});

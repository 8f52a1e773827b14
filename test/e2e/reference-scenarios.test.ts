// The three reference scenarios of the send-request, send-one-way-request and set-header pages,
// end to end: real servers on 127.0.0.1, the gateway, and a real HTTP client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { runPolicy } from "../../gateway/testing.js";
import { closedPort, rawGet, startServer, type TestServer } from "../helpers/servers.js";

const corpus = (p: string) => readFileSync(new URL(`../corpus/data/${p}`, import.meta.url), "utf8");

/** The send-request reference example, with its token server URL and timeout made local. */
function introspectionPolicy(url: string, opts: { timeout?: number; ignoreError?: boolean; onError?: string } = {}): string {
  let inbound = corpus("docs/send-request/01.xml")
    .replace(/https:\/\/microsoft-apiappec[^<]*/, url)
    .replace('timeout="20"', `timeout="${opts.timeout ?? 20}"`);
  if (opts.ignoreError === false) inbound = inbound.replace(' ignore-error="true"', "");
  return `<policies>${inbound}<backend><base/></backend><outbound><base/></outbound><on-error>${opts.onError ?? ""}</on-error></policies>`;
}

describe("send-request: token introspection", () => {
  let tokens: TestServer;
  let backend: TestServer;
  let silent: TestServer;
  beforeAll(async () => {
    tokens = await startServer((req, res) => {
      const token = new URLSearchParams(req.body).get("token");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ active: token === "good" }));
    });
    backend = await startServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization }));
    });
    silent = await startServer(() => {
      /* accepts and never answers */
    });
  });
  afterAll(async () => {
    await Promise.all([tokens.close(), backend.close(), silent.close()]);
  });

  it("forwards an active token to the backend, after asking the token server as the policy says", async () => {
    const gw = createGateway({ apis: [{ path: "/", backend: backend.url, policy: introspectionPolicy(`${tokens.url}/introspection`) }] });
    const { port } = await gw.listen();
    try {
      const r = await rawGet(`http://127.0.0.1:${port}/orders/1?x=y`, { Authorization: "Bearer good" });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body)).toEqual({ path: "/orders/1?x=y", auth: "Bearer good" });
      const call = tokens.requests.at(-1)!;
      expect(call.method).toBe("POST");
      expect(call.url).toBe("/introspection");
      expect(call.headers.authorization).toBe("basic dXNlcm5hbWU6cGFzc3dvcmQ=");
      expect(call.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(call.body).toBe("token=good");
    } finally {
      await gw.close();
    }
  });

  it("answers 401 with WWW-Authenticate for an inactive token, without calling the backend", async () => {
    const before = backend.requests.length;
    const gw = createGateway({ apis: [{ path: "/", backend: backend.url, policy: introspectionPolicy(`${tokens.url}/introspection`) }] });
    const { port } = await gw.listen();
    try {
      const r = await rawGet(`http://127.0.0.1:${port}/orders/1`, { Authorization: "Bearer bad" });
      expect(r.status).toBe(401);
      expect(r.rawHeaders).toContainEqual(["www-authenticate", 'Bearer error="invalid_token"']);
      expect(backend.requests.length).toBe(before);
    } finally {
      await gw.close();
    }
  });

  it("with ignore-error, a token server that is down leaves the variable null", async () => {
    const port = await closedPort();
    const xml = introspectionPolicy(`http://127.0.0.1:${port}/introspection`);
    const r = await runPolicy(xml, { request: { headers: { Authorization: "Bearer good" } } });
    expect(r.variables).toHaveProperty("tokenstate", null);
    // The reference policy then dereferences the null response: an expression failure, as in APIM.
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Source: "choose", Section: "inbound" });
  });

  it("with ignore-error, a token server slower than the timeout leaves the variable null", async () => {
    const started = Date.now();
    const r = await runPolicy(introspectionPolicy(`${silent.url}/introspection`, { timeout: 1 }), { request: { headers: { Authorization: "Bearer good" } } });
    expect(r.variables).toHaveProperty("tokenstate", null);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("without ignore-error, a token server that is down goes to on-error with BackendConnectionFailure", async () => {
    const port = await closedPort();
    const onError = `<return-response><set-status code="502" reason="Bad Gateway"/><set-header name="X-Reason"><value>@(context.LastError.Reason)</value></set-header><set-header name="X-Source"><value>@(context.LastError.Source + "|" + context.LastError.Path)</value></set-header></return-response>`;
    const r = await runPolicy(introspectionPolicy(`http://127.0.0.1:${port}/introspection`, { ignoreError: false, onError }), {
      request: { headers: { Authorization: "Bearer good" } },
    });
    expect(r.status).toBe(502);
    expect(r.headers["x-reason"]).toEqual(["BackendConnectionFailure"]);
    expect(r.headers["x-source"]).toEqual(["send-request|send-request[1]"]);
    expect(r.variables).not.toHaveProperty("tokenstate");
  });

  it("without ignore-error, a timeout goes to on-error with reason Timeout, within 100 ms of the timeout", async () => {
    const onError = `<set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header>`;
    const started = Date.now();
    const r = await runPolicy(introspectionPolicy(`${silent.url}/introspection`, { timeout: 1, ignoreError: false, onError }), {
      request: { headers: { Authorization: "Bearer good" } },
    });
    const elapsed = Date.now() - started;
    expect(r.lastError).toMatchObject({ Reason: "Timeout", Source: "send-request", Section: "inbound" });
    expect(r.headers["x-reason"]).toEqual(["Timeout"]);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1100);
  });
});

describe("send-one-way-request: alert on a 5xx", () => {
  let sink: TestServer;
  let failing: TestServer;
  let gw: Gateway;
  let port: number;
  let received: () => void;
  let sinkGot: Promise<void>;
  beforeAll(async () => {
    sinkGot = new Promise((r) => (received = r));
    sink = await startServer(async (_req, res) => {
      received();
      await new Promise((r) => setTimeout(r, 1500)); // a slow webhook
      res.end("ok");
    });
    failing = await startServer((req, res) => {
      res.statusCode = req.url!.startsWith("/ok") ? 200 : 503;
      res.end("backend says hi");
    });
    const outbound = corpus("docs/send-one-way-request/01.xml").replace(/https:\/\/hooks\.slack\.com[^<]*/, `${sink.url}/hook`);
    gw = createGateway({
      apis: [{ path: "/", backend: failing.url, policy: `<policies><inbound/><backend><base/></backend><outbound>${outbound}</outbound></policies>`, caller: { user: { Email: "dev@example.com" } } }],
    });
    port = (await gw.listen()).port;
  });
  afterAll(async () => {
    await gw.close();
    await Promise.all([sink.close(), failing.close()]);
  });

  it("does not call the sink for a 2xx", async () => {
    const r = await rawGet(`http://127.0.0.1:${port}/ok`);
    expect(r.status).toBe(200);
    expect(sink.requests.length).toBe(0);
  });

  it("posts the alert for a 5xx, and the client's response does not wait for the slow sink", async () => {
    const r = await rawGet(`http://127.0.0.1:${port}/fail/x?y=1`);
    expect(r.status).toBe(503);
    expect(r.body).toBe("backend says hi");
    expect(r.elapsedMs).toBeLessThan(1000);
    await sinkGot;
    const call = sink.requests[0]!;
    expect(call.method).toBe("POST");
    const alert = JSON.parse(call.body);
    expect(alert).toEqual({
      username: "APIM Alert",
      icon_emoji: ":ghost:",
      text: "GET /fail/x?y=1\nHost: 127.0.0.1\n503 Service Unavailable\n User: dev@example.com",
    });
  });
});

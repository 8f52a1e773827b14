// retry: delays, condition and count, real backends, errors in the children ([OPEN] 9), and the
// compiled shape (one loop; sync when nothing waits).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { retryDelayMs } from "../../runtime/traffic/retry.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { codeOf, doc, errors, warnings } from "./helpers.js";

/** Answers 500 to the first `failures` requests of each test (reset with `failures = n`), then 200. */
let server: TestServer;
let failures = 0;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (failures > 0) {
      failures--;
      res.statusCode = 500;
      res.end("fail");
    } else res.end(`ok ${req.body}`);
  });
});
afterAll(() => server.close());

describe("retryDelayMs", () => {
  const s = (interval: number, delta: number | null, maxInterval: number | null, firstFastRetry = false) => ({ interval, delta, maxInterval, firstFastRetry });
  it("fixed: only interval", () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, s(2, null, null)))).toEqual([2000, 2000, 2000]);
  });
  it("linear: interval + (n-1) * delta", () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, s(1, 2, null)))).toEqual([1000, 3000, 5000]);
  });
  it("exponential: interval + 2^(n-1) * random(0.8, 1.2) * delta, capped by max-interval", () => {
    const mid = () => 0.5; // random factor 1.0
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, s(10, 10, 100), mid))).toEqual([20000, 30000, 50000, 90000, 100000]);
    expect(retryDelayMs(1, s(10, 10, 100), () => 0)).toBe(18000);
    expect(retryDelayMs(1, s(10, 10, 100), () => 0.999999)).toBe(22000);
  });
  it("max-interval caps the other strategies too; first-fast-retry makes retry 1 immediate", () => {
    expect(retryDelayMs(5, s(1, 10, null))).toBe(41000);
    expect(retryDelayMs(1, s(5, null, 3))).toBe(3000);
    expect(retryDelayMs(1, s(5, 1, 10, true))).toBe(0);
    expect(retryDelayMs(2, s(5, null, null, true))).toBe(5000);
  });
});

describe("retry around forward-request (real backend)", () => {
  const xml = (attrs: string) =>
    doc({ backend: `<retry condition="@(context.Response.StatusCode >= 500)" ${attrs}><forward-request buffer-request-body="true" /></retry>` });

  it("re-runs the children while the condition holds, and stops when it does not", async () => {
    failures = 2;
    const before = server.requests.length;
    const r = await runPolicy(xml(`count="5" interval="0"`), { backend: server.url, request: { method: "POST", body: "payload" } });
    expect(r).toMatchObject({ status: 200, body: "ok payload" });
    expect(server.requests.length - before).toBe(3);
    expect(server.requests.slice(-3).map((q) => q.body)).toEqual(["payload", "payload", "payload"]);
  });

  it("stops after count retries (count + 1 executions) and keeps the last response", async () => {
    failures = 10;
    const before = server.requests.length;
    const r = await runPolicy(xml(`count="2" interval="0"`), { backend: server.url });
    expect(r).toMatchObject({ status: 500, body: "fail" });
    expect(server.requests.length - before).toBe(3);
    failures = 0;
  });

  it("evaluates the condition only after the first execution", async () => {
    failures = 0;
    const before = server.requests.length;
    const r = await runPolicy(xml(`count="3" interval="0"`), { backend: server.url });
    expect(r.status).toBe(200);
    expect(server.requests.length - before).toBe(1);
  });

  it("waits with real timers between attempts; first-fast-retry skips the first wait", async () => {
    failures = 1;
    let t = Date.now();
    await runPolicy(xml(`count="1" interval="1"`), { backend: server.url });
    expect(Date.now() - t).toBeGreaterThanOrEqual(950);
    failures = 1;
    t = Date.now();
    const r = await runPolicy(xml(`count="1" interval="5" first-fast-retry="true"`), { backend: server.url });
    expect(r.status).toBe(200);
    expect(Date.now() - t).toBeLessThan(4000);
  });

  it("takes expressions for count, interval, delta, max-interval and first-fast-retry", async () => {
    failures = 2;
    const before = server.requests.length;
    const r = await runPolicy(
      doc({ backend: `<retry condition="@(context.Response.StatusCode >= 500)" count="@((int)context.Variables["n"])" interval="@(0)" delta="@(0)" max-interval="@(0)" first-fast-retry="@(true)"><forward-request /></retry>` }),
      { backend: server.url, variables: { n: 5 } },
    );
    expect(r.status).toBe(200);
    expect(server.requests.length - before).toBe(3);
  });

  it("a computed count outside 1-50 is an ExpressionValueEvaluationFailure", async () => {
    const r = await runPolicy(doc({ inbound: `<retry condition="true" count="@(0)" interval="0"><set-variable name="a" value="1" /></retry>` }));
    expect(r.lastError).toMatchObject({ Source: "retry", Reason: "ExpressionValueEvaluationFailure" });
  });
});

describe("retry with send-request", () => {
  it("retries a failed send-request with ignore-error (the reference example's condition)", async () => {
    failures = 1;
    const r = await runPolicy(
      doc({
        inbound: `<retry condition="@(context.Variables["response"] == null || ((IResponse)context.Variables["response"]).StatusCode >= 500)" count="3" interval="0">
          <send-request mode="new" response-variable-name="response" ignore-error="true"><set-url>${server.url}/x</set-url><set-method>GET</set-method></send-request>
        </retry>
        <set-variable name="status" value="@(((IResponse)context.Variables["response"]).StatusCode)" />`,
      }),
    );
    expect(r.variables.status).toBe(200);
  });

  it("[OPEN] 9: an error inside the children is not retried; it goes to on-error at once", async () => {
    const port = await closedPort();
    const r = await runPolicy(
      doc({
        inbound: `<set-variable name="runs" value="@(0)" /><retry condition="true" count="5" interval="0">
          <set-variable name="runs" value="@((int)context.Variables["runs"] + 1)" />
          <send-request mode="new" response-variable-name="response"><set-url>http://127.0.0.1:${port}/</set-url><set-method>GET</set-method></send-request>
        </retry>`,
        onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />`,
      }),
    );
    expect(r.variables).toMatchObject({ runs: 1, reason: "BackendConnectionFailure" });
    expect(r.lastError).toMatchObject({ Source: "send-request", Path: "retry[1]\\send-request[1]", Section: "inbound" });
  });
});

describe("retry without I/O", () => {
  it("loops while the condition holds; a section with no waits stays synchronous", async () => {
    const xml = doc({
      inbound: `<retry condition="@((int)context.Variables["n"] < 5)" count="10" interval="0"><set-variable name="n" value="@((int)context.Variables["n"] + 1)" /></retry>`,
    });
    expect((await runPolicy(xml, { variables: { n: 0 } })).variables.n).toBe(5);
    expect((await runPolicy(xml, { variables: { n: 7 } })).variables.n).toBe(8);
    const code = codeOf(xml);
    expect(code).toMatch(/export function inbound/);
    expect(code).not.toContain("retryWait");
    expect(code.match(/ctx\.Variables\.set\("n"/g)).toHaveLength(1);
  });

  it("return-response inside ends the pipeline", async () => {
    const r = await runPolicy(doc({ inbound: `<retry condition="true" count="3" interval="0"><return-response><set-status code="202" reason="Accepted" /></return-response></retry><set-variable name="after" value="1" />` }));
    expect(r.status).toBe(202);
    expect(r.variables).not.toHaveProperty("after");
  });

  it("nests", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<retry condition="@((int)context.Variables["outer"] < 2)" count="5" interval="0"><set-variable name="outer" value="@((int)context.Variables["outer"] + 1)" />
          <retry condition="true" count="2" interval="0"><set-variable name="inner" value="@((int)context.Variables["inner"] + 1)" /></retry></retry>`,
      }),
      { variables: { outer: 0, inner: 0 } },
    );
    expect(r.variables).toMatchObject({ outer: 2, inner: 6 });
  });
});

describe("retry diagnostics", () => {
  it("checks required attributes, ranges and literal types", () => {
    expect(errors(doc({ inbound: `<retry count="1" interval="0"><set-variable name="a" value="1"/></retry>` })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: `<retry condition="true" count="0" interval="0"><set-variable name="a" value="1"/></retry>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<retry condition="true" count="51" interval="0"><set-variable name="a" value="1"/></retry>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<retry condition="true" count="1" interval="-1"><set-variable name="a" value="1"/></retry>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<retry condition="maybe" count="1" interval="0"><set-variable name="a" value="1"/></retry>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(warnings(doc({ inbound: `<retry condition="true" count="1" interval="0" />` })).map((d) => d.code)).toContain("APIMC2005");
  });
  it("rejects wait inside, also nested in choose", () => {
    const w = `<wait><send-request response-variable-name="r"><set-url>http://x/</set-url><set-method>GET</set-method></send-request></wait>`;
    expect(errors(doc({ inbound: `<retry condition="true" count="1" interval="0">${w}</retry>` })).map((d) => d.code)).toContain("APIMC2009");
    expect(errors(doc({ inbound: `<retry condition="true" count="1" interval="0"><choose><when condition="true">${w}</when></choose></retry>` })).map((d) => d.code)).toContain("APIMC2009");
  });
  it("children must be allowed in the section", () => {
    expect(errors(doc({ inbound: `<retry condition="true" count="1" interval="0"><forward-request/></retry>` })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

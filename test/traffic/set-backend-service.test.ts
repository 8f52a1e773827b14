// set-backend-service: base-url and backend-id change where forward-request goes (real servers).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { newEnvironment } from "../../runtime/context.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors, runOperation } from "./helpers.js";

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startServer((_req, res) => res.end("from a"));
  b = await startServer((req, res) => res.end(`from b ${req.url}`));
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe("set-backend-service", () => {
  it("base-url replaces the backend; path and query are kept", async () => {
    const r = await runPolicy(doc({ inbound: `<set-backend-service base-url="${b.url}/api/8.2/" />`, backend: "<forward-request />" }), {
      backend: a.url,
      request: { url: "/partners/15?version=2013-05" },
    });
    expect(r.body).toBe("from b /api/8.2/partners/15?version=2013-05");
  });

  it("without it, the configured backend is used", async () => {
    const r = await runPolicy(doc({ backend: "<forward-request />" }), { backend: a.url });
    expect(r.body).toBe("from a");
  });

  it("base-url from an expression, in the backend section", async () => {
    const r = await runPolicy(doc({ backend: `<set-backend-service base-url="@((string)context.Variables["target"])" /><forward-request />` }), {
      backend: a.url,
      variables: { target: b.url },
      request: { url: "/x" },
    });
    expect(r.body).toBe("from b /x");
  });

  it("an expression that is not an absolute URL is an ExpressionValueEvaluationFailure", async () => {
    const r = await runPolicy(doc({ inbound: `<set-backend-service base-url="@("not a url")" />`, backend: "<forward-request />" }), { backend: a.url });
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "set-backend-service", Reason: "ExpressionValueEvaluationFailure", Section: "inbound" });
  });

  it("backend-id resolves against the gateway's backends", async () => {
    const environment = newEnvironment({ backends: new Map([["orders", { url: `${b.url}/v1` }]]) });
    const r = await runPolicy(doc({ inbound: `<set-backend-service backend-id="orders" />`, backend: "<forward-request />" }), {
      backend: a.url,
      environment,
      request: { url: "/o/1" },
    });
    expect(r.body).toBe("from b /v1/o/1");
  });

  it("backend-id from an expression", async () => {
    const environment = newEnvironment({ backends: new Map([["blue", { url: b.url }]]) });
    const r = await runPolicy(doc({ inbound: `<set-backend-service backend-id="@("bl" + "ue")" />`, backend: "<forward-request />" }), { backend: a.url, environment });
    expect(r.body).toBe("from b /");
  });

  it("an unknown backend-id is a clear error that goes to on-error", async () => {
    const environment = newEnvironment({ backends: new Map([["orders", { url: b.url }]]) });
    const r = await runPolicy(
      doc({ inbound: `<set-backend-service id="sbs" backend-id="nope" />`, backend: "<forward-request />", onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />` }),
      { backend: a.url, environment },
    );
    expect(r.status).toBe(500);
    expect(r.variables.reason).toBe("BackendNotFound");
    expect(r.lastError).toMatchObject({ Source: "set-backend-service", PolicyId: "sbs" });
    expect(r.lastError!.Message).toContain("'nope'");
    expect(r.lastError!.Message).toContain("orders");
  });

  it("keeps the API prefix handling of the backend host", async () => {
    const ctx = await runOperation(doc({ inbound: `<set-backend-service base-url="${b.url}/svc" />`, backend: "<forward-request />" }), {
      backend: a.url,
      apiPath: "/shop",
      request: { url: "/shop/items?x=1" },
    });
    expect(ctx.Response.Body!.content().toString()).toBe("from b /svc/items?x=1");
  });
});

describe("set-backend-service diagnostics", () => {
  it("needs exactly one of base-url / backend-id", () => {
    expect(errors(doc({ inbound: "<set-backend-service />" })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: `<set-backend-service base-url="http://x" backend-id="y" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
  });
  it("checks a literal base-url", () => {
    const e = errors(doc({ inbound: `<set-backend-service base-url="ftp://x/" />` }));
    expect(e.map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(e[0]!.message).toContain("absolute http(s) URL");
    expect(errors(doc({ inbound: `<set-backend-service base-url="/relative" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
  });
  it("does not check a literal holding a named value left as written (no value at build time)", () => {
    expect(errors(doc({ inbound: `<set-backend-service base-url="{{backend-url}}" />` }), { checkOnly: true })).toEqual([]);
  });
  it("is allowed in inbound and backend only", () => {
    expect(errors(doc({ outbound: `<set-backend-service base-url="http://x" />` })).map((d) => d.code)).toEqual(["APIMC2006"]);
    expect(errors(doc({ backend: `<set-backend-service base-url="http://x" /><forward-request/>` }))).toEqual([]);
  });
  it("rejects Service Fabric attributes (Azure only)", () => {
    expect(errors(doc({ inbound: `<set-backend-service backend-id="sf" sf-partition-key="1" />` })).map((d) => d.code)).toEqual(["APIMC2014"]);
  });
});

// set-method: the method of the backend request (inbound, on-error).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors, warnings } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => res.end(`${req.method} ${req.body}`));
});
afterAll(() => server.close());

describe("set-method", () => {
  it("changes the method sent to the backend", async () => {
    const r = await runPolicy(doc({ inbound: `<set-method>POST</set-method>`, backend: "<forward-request/>" }), { backend: server.url, request: { method: "GET" } });
    expect(r.body).toBe("POST ");
    expect(server.requests.at(-1)!.method).toBe("POST");
  });
  it("takes an expression", async () => {
    const r = await runPolicy(doc({ inbound: `<set-method>@(context.Request.Headers.GetValueOrDefault("X-Method", "PUT"))</set-method>`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { method: "POST", body: "data", headers: { "X-Method": "PATCH" } },
    });
    expect(r.body).toBe("PATCH data");
  });
  it("a computed value that is not a method fails", async () => {
    const r = await runPolicy(doc({ inbound: `<set-method>@("NOT A METHOD")</set-method>` }));
    expect(r.lastError).toMatchObject({ Source: "set-method", Reason: "ExpressionValueEvaluationFailure" });
  });
  it("is visible to later expressions and allowed in on-error", async () => {
    const r = await runPolicy(doc({ inbound: `<set-method>DELETE</set-method><set-variable name="m" value="@(context.Request.Method)" /><set-variable name="fail" value="@(1 / int.Parse("0"))" />`, onError: `<set-method>PUT</set-method><set-variable name="m2" value="@(context.Request.Method)" />` }));
    expect(r.variables).toMatchObject({ m: "DELETE", m2: "PUT" });
  });
  it("diagnostics: empty, invalid, lower case, wrong section", () => {
    expect(errors(doc({ inbound: `<set-method></set-method>` })).map((d) => d.code)).toEqual(["APIMC2005"]);
    expect(errors(doc({ inbound: `<set-method>GE T</set-method>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(warnings(doc({ inbound: `<set-method>post</set-method>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ outbound: `<set-method>GET</set-method>` })).map((d) => d.code)).toEqual(["APIMC2006"]);
    expect(errors(doc({ inbound: `<set-method foo="1">GET</set-method>` })).map((d) => d.code)).toEqual(["APIMC2003"]);
  });
});

// mock-response: examples from the gateway environment, else an empty body; ends the pipeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { newEnvironment } from "../../runtime/context.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end("backend"));
});
afterAll(() => server.close());

const environment = () =>
  newEnvironment({
    examples: new Map([
      [200, new Map([["application/json", `{"id":1}`], ["application/xml", "<id>1</id>"]])],
      [404, new Map([["text/plain", "no such thing"]])],
    ]),
  });

describe("mock-response", () => {
  it("returns the example for the status and content type; no backend call, no outbound", async () => {
    const before = server.requests.length;
    const r = await runPolicy(doc({ inbound: `<mock-response status-code="200" content-type="application/xml" /><set-variable name="after" value="1" />`, backend: "<forward-request/>", outbound: `<set-header name="X-Out"><value>1</value></set-header>` }), {
      backend: server.url,
      environment: environment(),
    });
    expect(r).toMatchObject({ status: 200, reason: "OK", body: "<id>1</id>" });
    expect(r.headers["content-type"]).toEqual(["application/xml"]);
    expect(r.headers["x-out"]).toBeUndefined();
    expect(r.variables).not.toHaveProperty("after");
    expect(server.requests.length).toBe(before);
  });

  it("defaults to 200 and the first content type of the example", async () => {
    const r = await runPolicy(doc({ inbound: `<mock-response />` }), { environment: environment() });
    expect(r).toMatchObject({ status: 200, body: `{"id":1}` });
    expect(r.headers["content-type"]).toEqual(["application/json"]);
  });

  it("matches the content type case-insensitively and uses other statuses' examples", async () => {
    const r = await runPolicy(doc({ inbound: `<mock-response status-code="404" content-type="TEXT/plain" />` }), { environment: environment() });
    expect(r).toMatchObject({ status: 404, reason: "Not Found", body: "no such thing" });
  });

  it("without an example the body is empty", async () => {
    const r = await runPolicy(doc({ inbound: `<mock-response status-code="201" content-type="application/json" />` }), { environment: environment() });
    expect(r).toMatchObject({ status: 201, body: "" });
    expect(r.headers["content-type"]).toEqual(["application/json"]);
    const bare = await runPolicy(doc({ inbound: `<mock-response status-code="204" />` }));
    expect(bare).toMatchObject({ status: 204, body: "" });
    expect(bare.headers["content-type"]).toBeUndefined();
  });

  it("replaces the backend's response in outbound, and the error response in on-error", async () => {
    const out = await runPolicy(doc({ backend: "<forward-request/>", outbound: `<mock-response status-code="404" /><set-header name="X-After"><value>1</value></set-header>` }), {
      backend: server.url,
      environment: environment(),
    });
    expect(out).toMatchObject({ status: 404, body: "no such thing" });
    expect(out.headers["x-after"]).toBeUndefined();
    const err = await runPolicy(doc({ inbound: `<set-variable name="x" value="@(int.Parse("x"))" />`, onError: `<mock-response status-code="200" content-type="application/json" />` }), { environment: environment() });
    expect(err).toMatchObject({ status: 200, body: `{"id":1}` });
  });

  it("diagnostics: no expressions, literal checks, sections", () => {
    expect(errors(doc({ inbound: `<mock-response status-code="@(200)" />` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<mock-response content-type="@("a/b")" />` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<mock-response status-code="2xx" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<mock-response status-code="700" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<mock-response content-type="json" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ backend: `<mock-response />` })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

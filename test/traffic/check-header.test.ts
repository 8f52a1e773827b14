// check-header: presence and allowed values; failures are policy errors (HeaderNotFound /
// HeaderValueNotAllowed) with the configured status, through on-error, and a JSON body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { doc, errors } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end("backend"));
});
afterAll(() => server.close());

const check = (attrs: string, values = "") =>
  `<check-header name="Authorization" failed-check-httpcode="401" failed-check-error-message="Not authorized" ${attrs}>${values}</check-header>`;

describe("check-header", () => {
  it("passes when the header is present (no values listed)", async () => {
    const r = await runPolicy(doc({ inbound: check(`ignore-case="false"`), backend: "<forward-request/>" }), { backend: server.url, request: { headers: { Authorization: "anything" } } });
    expect(r).toMatchObject({ status: 200, body: "backend" });
  });

  it("a missing header ends with the status and the JSON body {statusCode, message}", async () => {
    const r = await runPolicy(doc({ inbound: check(`ignore-case="false"`) + `<set-variable name="after" value="1" />`, backend: "<forward-request/>" }), { backend: server.url });
    expect(r.status).toBe(401);
    expect(r.headers["content-type"]![0]).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toMatchObject({ statusCode: 401, message: "Not authorized" });
    expect(r.variables).not.toHaveProperty("after");
    expect(r.lastError).toMatchObject({ Source: "check-header", Reason: "HeaderNotFound", Section: "inbound", Path: "check-header[1]" });
  });

  it("checks the listed values, case-sensitively unless ignore-case", async () => {
    const values = "<value>Bearer a</value><value>Bearer b</value>";
    const xml = (ic: string) => doc({ inbound: check(`ignore-case="${ic}"`, values) });
    expect((await runPolicy(xml("false"), { request: { headers: { Authorization: "Bearer b" } } })).status).toBe(200);
    const wrongCase = await runPolicy(xml("false"), { request: { headers: { Authorization: "bearer B" } } });
    expect(wrongCase.status).toBe(401);
    expect(wrongCase.lastError).toMatchObject({ Reason: "HeaderValueNotAllowed" });
    expect((await runPolicy(xml("true"), { request: { headers: { Authorization: "bearer B" } } })).status).toBe(200);
    expect((await runPolicy(xml("true"), { request: { headers: { Authorization: "Basic x" } } })).lastError).toMatchObject({ Reason: "HeaderValueNotAllowed" });
  });

  it("header names are case-insensitive; a multi-valued header passes when one value is allowed", async () => {
    const r = await runPolicy(doc({ inbound: check(`ignore-case="false"`, "<value>b</value>").replace("Authorization", "x-list") }), { request: { headers: { "X-List": ["a", "b"] } } });
    expect(r.status).toBe(200);
  });

  it("goes through on-error, which sees LastError and the status, and may replace the response", async () => {
    const r = await runPolicy(
      doc({
        inbound: check(`ignore-case="false"`),
        onError: `<set-variable name="reason" value="@(context.LastError.Reason)" /><set-variable name="status" value="@(context.Response.StatusCode)" /><set-header name="X-Error" exists-action="override"><value>@(context.LastError.Source)</value></set-header>`,
      }),
    );
    expect(r.variables).toMatchObject({ reason: "HeaderNotFound", status: 401 });
    expect(r.status).toBe(401);
    expect(r.headers["x-error"]).toEqual(["check-header"]);
  });

  it("attributes may be expressions", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<check-header name="@("X-" + "Key")" failed-check-httpcode="@(400 + 3)" failed-check-error-message="@("bad " + "key")" ignore-case="@(true)"><value>@((string)context.Variables["key"])</value></check-header>`,
      }),
      { variables: { key: "SECRET" }, request: { headers: { "X-Key": "other" } } },
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ statusCode: 403, message: "bad key" });
    const ok = await runPolicy(
      doc({ inbound: `<check-header name="X-Key" failed-check-httpcode="403" failed-check-error-message="m" ignore-case="@(true)"><value>@((string)context.Variables["key"])</value></check-header>` }),
      { variables: { key: "SECRET" }, request: { headers: { "X-Key": "secret" } } },
    );
    expect(ok.status).toBe(200);
  });

  it("diagnostics: required attributes, literal types, children, section", () => {
    expect(errors(doc({ inbound: `<check-header name="a" failed-check-httpcode="401" failed-check-error-message="m" />` })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: check(`ignore-case="maybe"`) })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: check(`ignore-case="true"`).replace('"401"', '"four"') })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: check(`ignore-case="true"`).replace('"401"', '"99"') })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: check(`ignore-case="true"`, "<header>x</header>") })).map((d) => d.code)).toEqual(["APIMC2009"]);
    expect(errors(doc({ outbound: check(`ignore-case="true"`) })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

// set-query-parameter: override, skip, append, delete on the request's query (real backend).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { codeOf, doc, errors } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => res.end(req.url));
});
afterAll(() => server.close());

const run = async (policies: string, url: string, variables?: Record<string, unknown>) =>
  (await runPolicy(doc({ inbound: policies, backend: "<forward-request/>" }), { backend: server.url, request: { url }, variables })).body;

describe("set-query-parameter", () => {
  it("override replaces all values; several entries of one name give all their values", async () => {
    expect(await run(`<set-query-parameter name="a" exists-action="override"><value>1</value><value>2</value></set-query-parameter>`, "/p?a=0&b=x")).toBe("/p?a=1&a=2&b=x");
    expect(await run(`<set-query-parameter name="n"><value>v</value></set-query-parameter>`, "/p")).toBe("/p?n=v");
  });
  it("skip keeps an existing parameter and sets a missing one", async () => {
    expect(await run(`<set-query-parameter name="a" exists-action="skip"><value>new</value></set-query-parameter>`, "/p?a=old")).toBe("/p?a=old");
    expect(await run(`<set-query-parameter name="a" exists-action="skip"><value>new</value></set-query-parameter>`, "/p")).toBe("/p?a=new");
  });
  it("append adds values", async () => {
    expect(await run(`<set-query-parameter name="a" exists-action="append"><value>2</value></set-query-parameter>`, "/p?a=1")).toBe("/p?a=1&a=2");
    expect(await run(`<set-query-parameter name="a" exists-action="append"><value>2</value></set-query-parameter>`, "/p")).toBe("/p?a=2");
  });
  it("delete removes the parameter", async () => {
    expect(await run(`<set-query-parameter name="a" exists-action="delete" />`, "/p?a=1&b=2")).toBe("/p?b=2");
  });
  it("names are case-sensitive and values are encoded", async () => {
    expect(await run(`<set-query-parameter name="A"><value>x y&amp;z</value></set-query-parameter>`, "/p?a=1")).toBe("/p?a=1&A=x+y%26z");
  });
  it("takes expressions for name, action and values", async () => {
    const r = await run(
      `<set-query-parameter name="@((string)context.Variables["n"])" exists-action="@("append")"><value>@(context.Request.Method)</value><value>lit</value></set-query-parameter>`,
      "/p?q=0",
      { n: "q" },
    );
    expect(r).toBe("/p?q=0&q=GET&q=lit");
  });
  it("a computed exists-action that is not valid fails at run time", async () => {
    const r = await runPolicy(doc({ inbound: `<set-query-parameter name="a" exists-action="@("merge")"><value>1</value></set-query-parameter>` }));
    expect(r.lastError).toMatchObject({ Source: "set-query-parameter", Reason: "ExpressionValueEvaluationFailure" });
  });
  it("works in the backend section", async () => {
    const r = await runPolicy(doc({ backend: `<set-query-parameter name="b"><value>1</value></set-query-parameter><forward-request/>` }), { backend: server.url, request: { url: "/x" } });
    expect(r.body).toBe("/x?b=1");
  });
  it("is visible to later expressions", async () => {
    const r = await runPolicy(doc({ inbound: `<set-query-parameter name="k"><value>v</value></set-query-parameter><set-variable name="k" value="@(context.Request.Url.Query.GetValueOrDefault("k", "none"))" />` }));
    expect(r.variables.k).toBe("v");
  });
  it("literal entries compile to one map operation on a hoisted list", () => {
    const code = codeOf(doc({ inbound: `<set-query-parameter name="a"><value>1</value></set-query-parameter>` }));
    // No copy: QueryMap never changes a value list in place.
    expect(code).toContain(`ctx.Request.Url.Query.setName("a", QUERYVALUES);`);
  });
  it("the shared literal list is never changed by later policies or expressions", async () => {
    const xml = doc({
      inbound: `<set-query-parameter name="a"><value>1</value></set-query-parameter>
        <set-query-parameter name="a" exists-action="append"><value>2</value></set-query-parameter>
        <set-variable name="first" value="@{ var a = context.Request.Url.Query["a"]; a[0] = "changed"; return string.Join(",", context.Request.Url.Query["a"]); }" />`,
    });
    const first = await runPolicy(xml);
    const second = await runPolicy(xml);
    expect(first.variables.first).toBe("1,2");
    expect(second.variables.first).toBe("1,2");
  });
  it("a literal name with a computed value is one map operation; null values are dropped", async () => {
    const xml = doc({ inbound: `<set-query-parameter name="t" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("X-T", null))</value><value>x</value></set-query-parameter>
      <set-variable name="t" value="@(context.Request.Url.Query.GetValueOrDefault("t", "none"))" />` });
    expect(codeOf(xml)).toContain(`ctx.Request.Url.Query.setName("t", queryValues([`);
    expect((await runPolicy(xml)).variables.t).toBe("x");
    expect((await runPolicy(xml, { request: { headers: { "X-T": "h" } } })).variables.t).toBe("h,x");
  });
});

describe("set-query-parameter diagnostics", () => {
  it("checks name, action, values and sections", () => {
    expect(errors(doc({ inbound: `<set-query-parameter><value>1</value></set-query-parameter>` })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: `<set-query-parameter name="a" exists-action="merge"><value>1</value></set-query-parameter>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<set-query-parameter name="a" />` })).map((d) => d.code)).toEqual(["APIMC2005"]);
    expect(errors(doc({ inbound: `<set-query-parameter name="a"><val>1</val></set-query-parameter>` })).map((d) => d.code)).toContain("APIMC2009");
    expect(errors(doc({ outbound: `<set-query-parameter name="a"><value>1</value></set-query-parameter>` })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

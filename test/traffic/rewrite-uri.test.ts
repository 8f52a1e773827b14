// rewrite-uri: template with matched parameters and a query, copy-unmatched-params, OriginalUrl.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/servers.js";
import { codeOf, doc, errors, runOperation } from "./helpers.js";
import { parseUriTemplate } from "../../runtime/traffic/uri.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => res.end(req.url));
});
afterAll(() => server.close());

const body = (ctx: Awaited<ReturnType<typeof runOperation>>) => ctx.Response.Body!.content().toString();

describe("rewrite-uri", () => {
  it("fills {params} from the matched parameters and adds the template's query (reference example 1)", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="/v2/US/hardware/{storenumber}/{ordernumber}?City=city&amp;State=state" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { url: "/42/7" },
      urlTemplate: "/{storenumber}/{ordernumber}",
      matched: { storenumber: "42", ordernumber: "7" },
    });
    expect(body(ctx)).toBe("/v2/US/hardware/42/7?City=city&State=state");
    expect(ctx.Request.Url.Path).toBe("/v2/US/hardware/42/7");
    expect(ctx.Request.OriginalUrl.Path).toBe("/42/7");
  });

  it("copies unmatched query parameters by default (reference example 2)", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="/put" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { url: "/get?a=b&c=d" },
      urlTemplate: "/get?a={b}",
      matched: { b: "b" },
    });
    expect(body(ctx)).toBe("/put?c=d");
    expect(ctx.Request.OriginalUrl.QueryString).toBe("?a=b&c=d");
  });

  it("drops them with copy-unmatched-params=false (reference example 3)", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="/put" copy-unmatched-params="false" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { url: "/get?a=b&c=d" },
      urlTemplate: "/get?a={b}",
      matched: { b: "b" },
    });
    expect(body(ctx)).toBe("/put");
  });

  it("uses matched parameters in the query and does not repeat a parameter the template sets", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="/search?q={term}&amp;page=1" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      request: { url: "/find/hello%20world?page=3&sort=asc" },
      urlTemplate: "/find/{term}",
      matched: { term: "hello world" },
    });
    expect(body(ctx)).toBe("/search?q=hello+world&page=1&sort=asc");
  });

  it("keeps the API path prefix so the backend host strips it as before", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="/items/{id}" />`, backend: "<forward-request/>" }), {
      backend: `${server.url}/svc`,
      apiPath: "/shop",
      request: { url: "/shop/i/5" },
      urlTemplate: "/i/{id}",
      matched: { id: "5" },
    });
    expect(body(ctx)).toBe("/svc/items/5");
    expect(ctx.Request.Url.Path).toBe("/shop/items/5");
  });

  it("takes a template from an expression (parsed per request) and a computed copy flag", async () => {
    const ctx = await runOperation(
      doc({ inbound: `<rewrite-uri template="@("/v" + context.Request.Headers.GetValueOrDefault("X-Version", "1") + "/{id}")" copy-unmatched-params="@(false)" />`, backend: "<forward-request/>" }),
      { backend: server.url, request: { url: "/5?z=1", headers: { "X-Version": "3" } }, urlTemplate: "/{id}", matched: { id: "5" } },
    );
    expect(body(ctx)).toBe("/v3/5");
  });

  it("a bad computed template is an ExpressionValueEvaluationFailure", async () => {
    const ctx = await runOperation(doc({ inbound: `<rewrite-uri template="@("/x/{unclosed")" />`, backend: "<forward-request/>" }), { backend: server.url });
    expect(ctx.LastError).toMatchObject({ Source: "rewrite-uri", Reason: "ExpressionValueEvaluationFailure" });
  });

  it("a literal template is parsed at compile time into a hoisted constant", () => {
    const code = codeOf(doc({ inbound: `<rewrite-uri template="/a/{b}?c=d" />` }));
    expect(code).toMatch(/const URITEMPLATE = Object\.freeze\(\{ path: \[/);
    expect(code).toContain("rewriteUri(ctx, URITEMPLATE, true);");
    expect(code).not.toContain("rewriteUriDynamic");
  });
});

describe("rewrite-uri template parsing", () => {
  it("splits path and query into literal parts and parameter names", () => {
    expect(parseUriTemplate("/v2/{a}/x{b}?k={c}&flag")).toEqual({ template: { path: ["/v2/", "a", "/x", "b", ""], query: [[["k"], ["", "c", ""]], [["flag"], null]] } });
    expect(parseUriTemplate("items/{*rest}")).toEqual({ template: { path: ["/items/", "rest", ""], query: [] } });
  });
  it("reports bad templates", () => {
    expect(parseUriTemplate("/a/{b")).toHaveProperty("error");
    expect(parseUriTemplate("/a/b}")).toHaveProperty("error");
    expect(parseUriTemplate("/a/{b c}")).toHaveProperty("error");
    expect(parseUriTemplate("https://other/x")).toHaveProperty("error");
  });
});

describe("rewrite-uri diagnostics", () => {
  it("template is required and checked", () => {
    expect(errors(doc({ inbound: "<rewrite-uri />" })).map((d) => d.code)).toEqual(["APIMC2004"]);
    const e = errors(doc({ inbound: `<rewrite-uri template="/a/{b" />` }));
    expect(e.map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(e[0]!.message).toContain("Unclosed");
    expect(errors(doc({ inbound: `<rewrite-uri template="/a" copy-unmatched-params="yes" />` })).map((d) => d.code)).toEqual(["APIMC2008"]);
  });
  it("a template holding a named value left as written (apimc check without values) is not reported", () => {
    expect(errors(doc({ inbound: `<rewrite-uri template="/subscriptions/{{Subscription-Id}}/x" />` }), { checkOnly: true })).toEqual([]);
  });
  it("named values are substituted before the template is parsed", async () => {
    const { runPolicy } = await import("../../gateway/testing.js");
    const r = await runPolicy(doc({ inbound: `<rewrite-uri template="/subscriptions/{{sub}}/{id}" />`, backend: "<forward-request/>" }), {
      backend: server.url,
      namedValues: { sub: "s-1" },
      request: { url: "/items/7" },
      urlTemplate: "/items/{id}",
    });
    expect(r.body).toBe("/subscriptions/s-1/7");
  });
  it("is allowed in inbound only", () => {
    expect(errors(doc({ backend: `<rewrite-uri template="/a" />` })).map((d) => d.code)).toEqual(["APIMC2006"]);
  });
});

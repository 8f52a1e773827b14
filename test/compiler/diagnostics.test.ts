// Structural diagnostics: each has a stable code and points at the right line and column.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../gateway/load.js";

function diag(src: string, opts = {}) {
  const r = compile(src, opts);
  expect(r.code).toBeNull();
  return r.diagnostics.filter((d) => d.severity === "error");
}

describe("policy structure diagnostics", () => {
  it("unknown attribute, with did-you-mean", () => {
    const [d] = diag(`<policies><inbound>\n<set-header name="a" exist-action="override"><value>1</value></set-header></inbound></policies>`);
    expect(d).toMatchObject({ code: "APIMC2003", line: 2 });
    expect(d!.message).toContain("Did you mean 'exists-action'?");
  });

  it("a policy in a section where APIM does not allow it", () => {
    const [d] = diag(`<policies><inbound/><backend/><outbound>\n  <forward-request/></outbound></policies>`);
    expect(d).toMatchObject({ code: "APIMC2006", line: 2, column: 3 });
  });

  it("missing required attribute and missing required child", () => {
    expect(diag(`<policies><inbound><set-variable value="1"/></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2004" });
    expect(diag(`<policies><inbound><send-request response-variable-name="r"><set-method>GET</set-method></send-request></inbound></policies>`)[0]).toMatchObject({
      code: "APIMC2005",
    });
    expect(diag(`<policies><inbound><choose></choose></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2005" });
  });

  it("an expression where the reference page does not allow one (ignore-error, set-variable name)", () => {
    const src = `<policies><inbound><send-request response-variable-name="r" ignore-error="@(true)"><set-url>http://x/</set-url></send-request></inbound></policies>`;
    const [d] = diag(src);
    expect(d).toMatchObject({ code: "APIMC2007", column: src.indexOf("@(true)") + 1 });
    expect(diag(`<policies><inbound><set-variable name="@("x")" value="1"/></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2007" });
  });

  it("a literal of the wrong type", () => {
    expect(diag(`<policies><inbound><send-request response-variable-name="r" timeout="soon"><set-url>http://x/</set-url></send-request></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2008" });
    expect(diag(`<policies><inbound><send-request response-variable-name="r" ignore-error="yes"><set-url>http://x/</set-url></send-request></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2008" });
    expect(diag(`<policies><inbound><set-status code="42" reason="x"/></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2008" });
  });

  it("unknown section and unknown policy with did-you-mean", () => {
    const [a] = diag(`<policies><inbund/></policies>`);
    expect(a).toMatchObject({ code: "APIMC2001" });
    expect(a!.message).toContain("Did you mean 'inbound'?");
    const [b] = diag(`<policies><inbound><chose/></inbound></policies>`);
    expect(b!.message).toContain("Did you mean 'choose'?");
  });

  it("policies apimc does not implement yet, and Azure-only ones, say so", () => {
    expect(diag(`<policies><inbound><sql-data-source/></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2015" });
    expect(diag(`<policies><inbound><send-service-bus-message queue-name="x"><payload>m</payload></send-service-bus-message></inbound></policies>`)[0]).toMatchObject({ code: "APIMC2014" });
  });

  it("a root other than <policies> is an error, or a snippet of inbound with a warning when allowed", () => {
    expect(diag(`<set-header name="a"><value>1</value></set-header>`)[0]).toMatchObject({ code: "APIMC1004" });
    const r = compile(`<set-header name="a"><value>1</value></set-header>`, { allowSnippets: true });
    expect(r.code).not.toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: "APIMC1004", severity: "warning" });
  });

  it("an id attribute is accepted on any policy and reaches the policy table", () => {
    const mod = loadPolicy(`<policies><inbound><set-header id="h1" name="a"><value>1</value></set-header></inbound></policies>`);
    expect(mod.meta.policies).toEqual([
      { name: "set-header", path: "set-header[1]", id: "h1", section: "inbound", scope: "operation", file: "policy.xml", line: 1, flags: 0 },
    ]);
  });

  it("named values are substituted before classification; unknown ones are errors when a table is given", () => {
    const r = compile(`<policies><inbound><set-header name="{{h}}"><value>pre-{{v}}</value></set-header></inbound></policies>`, { namedValues: { h: "X-A", v: "val" } });
    expect(r.code).toContain(`"x-a"`);
    expect(r.code).toContain(`"pre-val"`);
    expect(diag(`<policies><inbound><set-header name="{{nope}}"><value>1</value></set-header></inbound></policies>`, { namedValues: {} })[0]).toMatchObject({ code: "APIMC2017" });
  });

  it("an unresolved named value: an error when generating code, a warning when only checking", () => {
    const src = `<policies><inbound><send-request response-variable-name="r" timeout="{{t}}"><set-url>http://x/</set-url><set-method>GET</set-method></send-request></inbound></policies>`;
    expect(diag(src)[0]).toMatchObject({ code: "APIMC2017" });
    const checked = compile(src, { checkOnly: true });
    expect(checked.diagnostics.map((d) => [d.code, d.severity])).toEqual([["APIMC2017", "warning"]]);
    expect(compile(src, { namedValues: { t: "soon" } }).diagnostics[0]).toMatchObject({ code: "APIMC2008" });
  });

  it("a document larger than APIM's 256 KiB limit", () => {
    expect(diag(`<policies><inbound>${" ".repeat(300 * 1024)}</inbound></policies>`)[0]).toMatchObject({ code: "APIMC1006" });
  });
});

describe("named values and Liquid", () => {
  it("inside a Liquid set-body, {{x}} is Liquid unless x is a named value", async () => {
    const { runPolicy } = await import("../../gateway/testing.js");
    const xml = `<policies><inbound><set-body template="liquid">{{body.name}}-{{greeting}}</set-body></inbound></policies>`;
    const r = await runPolicy(xml, { namedValues: { greeting: "hello" }, request: { method: "POST", body: '{"name":"ann"}', headers: { "content-type": "application/json" } } });
    expect(r.backendRequest!.body).toBe("ann-hello");
  });
});

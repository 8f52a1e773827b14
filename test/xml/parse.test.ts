import { describe, expect, it } from "vitest";
import { DiagnosticBag, LineMap } from "../../compiler/diagnostics.js";
import { parseXml, type XElement, type ExpressionValue } from "../../compiler/xml/parse.js";

function parse(src: string) {
  const diags = new DiagnosticBag("t.xml", new LineMap(src));
  const root = parseXml(src, diags);
  return { root, diags: diags.items, lines: diags.lines };
}
function attr(el: XElement, name: string) {
  return el.attrs.find((a) => a.name === name)!.value;
}
function child(el: XElement, i = 0): XElement {
  return el.children.filter((c) => c.kind === "element")[i] as XElement;
}

describe("rawxml front end", () => {
  it("takes raw expressions with quotes, generics and && out of attributes", () => {
    const src = `<policies><inbound><set-variable name="x" value="@(context.Variables["a"] != null && context.Request.Body.As<JObject>()["k"] > 1)" /></inbound></policies>`;
    const { root, diags } = parse(src);
    expect(diags).toEqual([]);
    const v = attr(child(child(root!)), "value") as ExpressionValue;
    expect(v.kind).toBe("expr");
    expect(v.source).toBe(`@(context.Variables["a"] != null && context.Request.Body.As<JObject>()["k"] > 1)`);
    expect(v.offsets[0]).toBe(src.indexOf("@("));
    expect(v.offsets[v.source.indexOf("JObject")]).toBe(src.indexOf("JObject"));
  });

  it("decodes the entity-escaped form to the same source, offsets pointing at the entities", () => {
    const src = `<policies><inbound><set-variable name="x" value="@(context.Variables[&quot;a&quot;] &lt; 3)" /></inbound></policies>`;
    const { root, diags } = parse(src);
    expect(diags).toEqual([]);
    const v = attr(child(child(root!)), "value") as ExpressionValue;
    expect(v.source).toBe(`@(context.Variables["a"] < 3)`);
    expect(v.offsets[v.source.indexOf("<")]).toBe(src.indexOf("&lt;"));
  });

  it("reads multi-line @{ } blocks in element text, with strings holding braces and </tags>", () => {
    const src = `<policies>\n<outbound>\n<set-body>@{\n  var s = "}</set-body>{";\n  var c = '}';\n  return $"{s}{{x}}" + @"a""b";\n}</set-body>\n</outbound>\n</policies>`;
    const { root, diags } = parse(src);
    expect(diags).toEqual([]);
    const body = child(child(root!));
    const t = body.children.find((c) => c.kind === "text")!;
    expect(t.value.kind).toBe("expr");
    expect((t.value as ExpressionValue).source.endsWith(`+ @"a""b";\n}`)).toBe(true);
  });

  it("keeps a bare & in literal values and single-quoted attributes", () => {
    const src = `<policies><inbound><rewrite-uri template="/a?x=1&y=2" x='@(1+1)' /></inbound></policies>`;
    const { root, diags } = parse(src);
    expect(diags).toEqual([]);
    const el = child(child(root!));
    expect(attr(el, "template")).toMatchObject({ kind: "literal", text: "/a?x=1&y=2" });
    expect(attr(el, "x")).toMatchObject({ kind: "expr", source: "@(1+1)" });
  });

  it("reports malformed XML with line and column", () => {
    const { root, diags } = parse(`<policies>\n  <inbound>\n    <set-header name="a">\n  </inbound>\n</policies>`);
    expect(root).toBeNull();
    expect(diags[0]).toMatchObject({ code: "APIMC1001", line: 4 });
  });

  it("reports an unterminated expression at its start", () => {
    const { root, diags } = parse(`<policies>\n<inbound>\n<set-variable name="a" value="@(context.Variables["x"]" />\n</inbound>\n</policies>`);
    expect(root).toBeNull();
    expect(diags[0]!.code).toBe("APIMC1002");
    expect(diags[0]!.line).toBe(3);
  });

  it("rejects text after an expression in the same value", () => {
    const { diags } = parse(`<policies><inbound><set-header name="a"><value>@("x") tail</value></set-header></inbound></policies>`);
    expect(diags[0]).toMatchObject({ code: "APIMC2013" });
  });

  it("records content offsets so set-body can keep child XML as written", () => {
    const src = `<set-body><soap:Envelope xmlns:soap="u"><a>1</a></soap:Envelope></set-body>`;
    const { root } = parse(src);
    expect(src.slice(root!.contentStart, root!.contentEnd)).toBe(`<soap:Envelope xmlns:soap="u"><a>1</a></soap:Envelope>`);
  });
});

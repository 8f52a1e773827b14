// set-body template="liquid": APIM's DotLiquid dialect (C# filter names), body binding, context.
import { describe, expect, it } from "vitest";
import { liquidParse, liquidRenderData, LiquidSyntaxError } from "../../runtime/liquid/liquid.js";
import { compileErrors, doc, run } from "./helpers.js";

const render = (t: string, data: Record<string, unknown> = {}) => liquidRenderData(liquidParse(t), data);

describe("Liquid templates", () => {
  it("outputs values, paths and indexes", () => {
    const data = { body: { name: "Ann", items: [{ id: 1 }, { id: 2 }], "odd key": "y" } };
    expect(render("Hi {{ body.name }}! {{body.items[1].id}} {{ body.items.size }} {{ body.items.first.id }} {{ body['odd key'] }} [{{ body.missing }}]", data)).toBe("Hi Ann! 2 2 1 y []");
  });

  it("if / elsif / else / unless / case with and, or, contains, empty", () => {
    const t = `{% if body.n > 5 and body.tag contains "x" %}big{% elsif body.n == 5 or body.force %}five{% else %}small{% endif %}`;
    expect(render(t, { body: { n: 7, tag: "xy" } })).toBe("big");
    expect(render(t, { body: { n: 5, tag: "" } })).toBe("five");
    expect(render(t, { body: { n: 1, force: true } })).toBe("five");
    expect(render(t, { body: { n: 1 } })).toBe("small");
    expect(render(`{% unless body.ok %}no{% endunless %}{% if body.list == empty %}E{% endif %}{% if body.s == blank %}B{% endif %}`, { body: { list: [], s: "  " } })).toBe("noEB");
    expect(render(`{% case body.c %}{% when "a", "b" %}AB{% when 3 %}three{% else %}other{% endcase %}`, { body: { c: "b" } })).toBe("AB");
    expect(render(`{% case body.c %}{% when "a" %}A{% else %}other{% endcase %}`, { body: { c: 3 } })).toBe("other");
  });

  it("for loops with forloop, limit, offset, reversed, ranges, else, break and continue", () => {
    const items = { body: { xs: [1, 2, 3, 4, 5] } };
    expect(render(`{% for x in body.xs %}{{ forloop.index }}:{{ x }}{% unless forloop.last %},{% endunless %}{% endfor %}`, items)).toBe("1:1,2:2,3:3,4:4,5:5");
    expect(render(`{% for x in body.xs limit:2 offset:1 %}{{x}}{% endfor %}|{% for x in body.xs reversed %}{{x}}{% endfor %}`, items)).toBe("23|54321");
    expect(render(`{% for i in (1..3) %}{{i}}{% endfor %}{% for x in body.none %}x{% else %}none{% endfor %}`, items)).toBe("123none");
    expect(render(`{% for x in body.xs %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{x}}{% endfor %}`, items)).toBe("13");
  });

  it("assign, capture, comment, raw and whitespace control", () => {
    expect(render(`{% assign n = body.a | Plus: 1 %}{% capture c %}[{{ n }}]{% endcapture %}{{ c }}{% comment %} {{ hidden }} {% endcomment %}{% raw %}{{ raw }}{% endraw %}`, { body: { a: 1 } })).toBe("[2]{{ raw }}");
    expect(render(`a  {%- if true -%}  b  {%- endif -%}  c`)).toBe("abc");
  });

  it("filters use C# names", () => {
    const cases: [string, string][] = [
      [`{{ "abc" | Upcase }}{{ "ABC" | Downcase }}{{ "abc" | Capitalize }}`, "ABCabcAbc"],
      [`{{ "a" | Append: "b" | Prepend: "c" }}`, "cab"],
      [`{{ -3 | Abs }} {{ 3 | AtLeast: 5 }} {{ 9 | AtMost: 5 }} {{ 7 | DividedBy: 2 }} {{ 7.0 | DividedBy: 2.5 }} {{ 3 | Times: 4 }} {{ 10 | Minus: 4 }} {{ 10 | Modulo: 4 }} {{ "3" | Plus: 2 }}`, "3 5 5 3 2.8 12 6 2 5"],
      [`{{ 2.5 | Round }} {{ 3.14159 | Round: 2 }}`, "2 3.14"],
      [`{{ "<b>x</b>" | Escape }} {{ "<b>x</b>" | StripHtml }} {{ "a&b" | H }}`, "&lt;b&gt;x&lt;/b&gt; x a&amp;b"],
      [`{{ "a,b,c" | Split: "," | Join: "-" }} {{ "a,b,c" | Split: "," | First }} {{ "a,b,c" | Split: "," | Last }} {{ "a,b,c" | Split: "," | Size }}`, "a-b-c a c 3"],
      [`{{ "hello world" | Replace: "o", "0" }} {{ "hello" | ReplaceFirst: "l", "L" }} {{ "hello" | Remove: "l" }} {{ "hello" | RemoveFirst: "l" }}`, "hell0 w0rld heLlo heo helo"],
      [`{{ "  x  " | Strip }}|{{ "  x" | Lstrip }}|{{ "x  " | Rstrip }}|{{ "a\nb" | StripNewlines }}|{{ "a\nb" | NewlineToBr }}`, "x|x|x|ab|a<br />\nb"],
      [`{{ "abcdef" | Slice: 1, 3 }} {{ "abcdef" | Slice: -2 }} {{ "abcdefghij" | Truncate: 6 }} {{ "one two three" | TruncateWords: 2 }}`, "bcd e abc... one two..."],
      [`{{ "a b&c" | UrlEncode }} {{ "a+b%26c" | UrlDecode }}`, "a+b%26c a b&c"],
      [`{{ nil | Default: "d" }} {{ "" | Default: "d" }} {{ "v" | Default: "d" }} {{ 1234.5 | Currency }}`, "d d v $1,234.50"],
      [`{{ body.xs | Sort | Join: "," }} {{ body.xs | Uniq | Join: "," }} {{ body.os | Map: "n" | Join: "," }} {{ body.ys | Compact | Size }}`, "1,2,2,3 3,1,2 a,b 1"],
      [`{{ "2024-03-05T10:20:30Z" | Date: "yyyy-MM-dd HH:mm" }}`, "2024-03-05 10:20"],
    ];
    const data = { body: { xs: [3, 1, 2, 2], os: [{ n: "a" }, { n: "b" }], ys: [null, 1] } };
    for (const [t, want] of cases) expect(render(t, data), t).toBe(want);
  });

  it("renders run-time errors in place, as DotLiquid does", () => {
    expect(render(`a{{ 1 | DividedBy: 0 }}b`)).toBe("aLiquid error: divided by 0b");
  });

  it("rejects syntax errors and unknown filters with a position", () => {
    expect(() => liquidParse("{{ x | upcase }}")).toThrow(/Unknown Liquid filter 'upcase'. APIM uses C# names: write 'Upcase'/);
    expect(() => liquidParse("{% if x %}")).toThrow(LiquidSyntaxError);
    expect(() => liquidParse("{% frobnicate %}")).toThrow(/Unknown Liquid tag/);
    expect(() => liquidParse("{{ x ")).toThrow(/not closed/);
  });
});

describe("set-body template=liquid", () => {
  // Written as {{ x }}: a bare {{name}} is a named value reference, substituted before Liquid runs
  // (see the note on named values in the report; compiler/named-values.ts owns that rule).
  it("binds a JSON body and context in outbound", async () => {
    const r = await run(
      doc({
        backend: "<forward-request />",
        outbound: `<set-body template="liquid">{"user": "{{ body.user.name | Upcase }}", "method": "{{ context.Request.Method }}", "status": {{ context.Response.StatusCode }}, "agent": "{{ context.Request.Headers["User-Agent"] }}", "q": "{{ context.Request.Url.Query.x }}", "path": "{{ context.Request.OriginalUrl.Path }}"}</set-body>`,
      }),
      {
        request: { method: "POST", url: "/api/items?x=1", headers: { "User-Agent": "curl" }, body: "{}" },
        backend: () => ({ status: 201, headers: { "Content-Type": "application/json; charset=utf-8" }, body: `{"user":{"name":"ann"}}` }),
      },
    );
    expect(JSON.parse(r.body)).toEqual({ user: "ANN", method: "POST", status: 201, agent: "curl", q: "1", path: "/api/items" });
  });

  it("binds an XML body by element names; other content types give no body", async () => {
    const x = doc({ inbound: `<set-body template="liquid">{{ body.envelope.body.price }}|{{ body.Envelope.Body.Price }}</set-body>`, backend: "<forward-request />" });
    const xml = await run(x, { request: { method: "POST", headers: { "Content-Type": "text/xml" }, body: `<soap:Envelope xmlns:soap="urn:s"><soap:Body><price>7</price></soap:Body></soap:Envelope>` } });
    expect(xml.backendRequest?.body).toBe("7|7");
    const plain = await run(x, { request: { method: "POST", headers: { "Content-Type": "text/plain" }, body: `{"envelope":1}` } });
    expect(plain.backendRequest?.body).toBe("|");
  });

  it("accepts child elements as template text (SOAP) and renders inside return-response with no body", async () => {
    const r = await run(
      doc({
        inbound: `<return-response><set-status code="200" reason="OK" /><set-body template="liquid"><Result><Method>{{ context.Request.Method }}</Method><B>{{ body.a }}</B></Result></set-body></return-response>`,
      }),
      { request: { method: "PUT", headers: { "Content-Type": "application/json" }, body: `{"a":1}` } },
    );
    expect(r.body).toBe("<Result><Method>PUT</Method><B></B></Result>");
  });

  it("reports template errors at build time, at the template's position", () => {
    expect(compileErrors(doc({ inbound: `<set-body template="liquid">{{ body.a | at_least: 1 }}</set-body>` }))).toMatch(/APIMC2008.*Liquid: Unknown Liquid filter 'at_least'. APIM uses C# names: write 'AtLeast'/);
    expect(compileErrors(doc({ inbound: `<set-body template="liquid">@(context.Request.Method)</set-body>` }))).toMatch(/APIMC2013/);
    const errs = compileErrors(`<policies><inbound>\n<set-body template="liquid">ok\n  {% endif %}</set-body></inbound></policies>`);
    expect(errs).toMatch(/policy\.xml:3:3 - error APIMC2008/);
  });
});

// The printed modules of a generated set of policies (every set-header form, constant and computed
// choose conditions, code after return-response, forward options, specs), reviewed like code: a
// change to the code tree or the printer shows up as a diff under __snapshots__/printer/. Plus
// properties every printed module has (corpus-wide): no doubled spaces, no JSON.parse of specs, no
// reaching into a HeaderMap's map, no bare pipeline sentinel.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { compile } from "../../compiler/index.js";
import { dataLiteral } from "../../compiler/codegen/code.js";

const doc = (inbound: string, outbound = "") => `<policies><inbound>${inbound}</inbound><backend><forward-request /></backend><outbound>${outbound}</outbound></policies>`;

const headerForms = (target: string) =>
  ["override", "skip", "append", "delete"]
    .flatMap((a) => [
      `<set-header name="X-${target}-${a}-lit" exists-action="${a}"><value>v</value></set-header>`,
      `<set-header name="X-${target}-${a}-expr" exists-action="${a}"><value>@(context.RequestId.ToString())</value></set-header>`,
    ])
    .join("");

const CASES: Record<string, string> = {
  "headers-merged": doc(headerForms("in"), headerForms("out")),
  "headers-computed-name": doc(`<set-header name="@(&quot;X-&quot; + context.Request.Method)" exists-action="override"><value>1</value></set-header><set-header name="X-A"><value>a</value></set-header>`),
  "choose-constant-true": doc(`<choose><when condition="@(1 &lt; 2)"><set-header name="X-T"><value>t</value></set-header></when><otherwise><set-header name="X-F"><value>f</value></set-header></otherwise></choose>`),
  "choose-constant-false": doc(`<choose><when condition="false"><set-header name="X-T"><value>t</value></set-header></when><when condition="@(context.Request.Method == &quot;GET&quot;)"><set-header name="X-G"><value>g</value></set-header></when><otherwise><set-header name="X-O"><value>o</value></set-header></otherwise></choose>`),
  "choose-computed": doc(`<choose><when condition="@(context.Request.Headers.ContainsKey(&quot;X-Block&quot;))"><return-response><set-status code="403" reason="Forbidden" /></return-response></when></choose><set-header name="X-After"><value>a</value></set-header>`),
  "after-return-response": doc(`<return-response><set-status code="200" reason="OK" /><set-header name="X-R"><value>r</value></set-header><set-header name="X-S"><value>s</value></set-header></return-response><set-header name="X-Dead"><value>never</value></set-header><set-variable name="dead" value="1" />`),
  "choose-all-branches-return": doc(`<choose><when condition="@(context.Request.Method == &quot;GET&quot;)"><return-response><set-status code="200" reason="OK" /></return-response></when><otherwise><return-response><set-status code="405" reason="Method Not Allowed" /></return-response></otherwise></choose><set-header name="X-Dead"><value>never</value></set-header>`),
  "forward-options": `<policies><inbound /><backend><forward-request timeout="20" follow-redirects="true" fail-on-error-status-code="true" /></backend><outbound /></policies>`,
  "specs-as-literals": doc(
    `<cors allow-credentials="true"><allowed-origins><origin>https://a.example</origin></allowed-origins><allowed-methods><method>GET</method></allowed-methods><allowed-headers><header>x-a</header></allowed-headers></cors><ip-filter action="allow"><address>10.0.0.1</address><address-range from="10.1.0.0" to="10.1.0.255" /></ip-filter><rewrite-uri template="/v2/{id}" />`,
  ),
  // build-time evaluation of pure helpers (codegen/fold.ts): folded where every input is known; not a
  // call that throws, reads the request, the clock, a random source or a secret named value
  "pure-helpers-folded": doc(
    `<set-header name="X-Hmac"><value>@(Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("k")).ComputeHash(Encoding.UTF8.GetBytes("m"))))</value></set-header><set-header name="X-Str"><value>@{ var a = "Abc"; var b = a.ToUpper().Replace("B", "x").PadLeft(5, '.'); return b + "|" + string.Join(",", "p;q".Split(';')); }</value></set-header><set-header name="X-Throws"><value>@(Convert.FromBase64String("!!").Length.ToString())</value></set-header><set-header name="X-Secret"><value>@(Convert.ToBase64String(Encoding.UTF8.GetBytes("{{key}}")))</value></set-header><set-header name="X-Runtime"><value>@(context.Request.Method.ToLower() + DateTime.UtcNow.ToString("yyyy") + Guid.NewGuid().ToString() + new Random(1).Next())</value></set-header><set-header name="X-Assigned"><value>@{ var s = "a"; s = s + context.Request.Method; return s.ToUpper(); }</value></set-header>`,
  ),
  "corpus-hmac-jwt": readFileSync(new URL("../corpus/data/snippets/examples/Create-HMAC-SHA256-Signed-JWT.policy.xml", import.meta.url), "utf8"),
  "literal-expressions": doc(`<set-header name="X-Sum"><value>@(1 + 2)</value></set-header><set-variable name="s" value="@(&quot;a&quot; + &quot;b&quot;)" /><set-query-parameter name="q" exists-action="override"><value>@((3 * 4).ToString())</value></set-query-parameter>`),
};

describe("printed modules (generated policy set)", () => {
  for (const [name, source] of Object.entries(CASES))
    it(name, async () => {
      const r = compile(source, { file: `${name}.xml`, urlTemplate: "/{id}", namedValues: { key: { value: "secret-value", secret: true }, "hashing-secret": { value: "s3cret", secret: true } }, allowSnippets: true });
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      await expect(r.code!.replace(/hash: "[0-9a-f]+"/, 'hash: "…"')).toMatchFileSnapshot(`__snapshots__/printer/${name}.mjs`);
    });
});

describe("dataLiteral", () => {
  it("gives exactly what JSON.parse(JSON.stringify(v)) gives, __proto__ as an own key", () => {
    const values: unknown[] = [
      { a: 1, "b-c": [1, -2, 0.5, -0, null, "x\u2028\"y"], __proto__x: true, nested: { "": "", if: 1, "1a": NaN, inf: Infinity, u: undefined } },
      JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "c"}'),
      [[], {}, [undefined], "</script>"],
    ];
    for (const v of values) {
      const text = dataLiteral(v).toString();
      expect(text).not.toContain("JSON");
      const got = new Function(`return ${text};`)() as unknown;
      expect(got).toStrictEqual(JSON.parse(JSON.stringify(v)));
      expect(JSON.stringify(got)).toBe(JSON.stringify(v));
    }
    const proto = new Function(`return ${dataLiteral(JSON.parse('{"__proto__": {"polluted": 1}}')).toString()};`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(["__proto__"]);
  });
});

describe("every printed corpus module", () => {
  const ROOT = new URL("../corpus/data/", import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : n.endsWith(".xml") ? [p] : [];
    });
  it("has no doubled spaces outside strings and indentation, no JSON.parse, no HeaderMap internals, no bare sentinel", () => {
    let checked = 0;
    for (const f of files(ROOT)) {
      const r = compile(readFileSync(f, "utf8"), { file: relative(ROOT, f), allowSnippets: true, checkOnly: true });
      if (r.code === null) continue;
      checked++;
      const code = r.code.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/(?:[^/\\\n]|\\.)+\/[gimsuy]*/g, "/re/");
      for (const line of code.split("\n")) expect(line.trimStart(), `${relative(ROOT, f)}: ${line}`).not.toMatch(/ {2}/);
      expect(code).not.toContain("JSON.parse(");
      expect(code).not.toMatch(/\.m\.(get|set|has|delete)\(/);
      expect(code).not.toMatch(/return 1;/);
    }
    expect(checked).toBeGreaterThan(80);
  });
});

// Lowerings that pick a cheaper helper when an argument is a compile-time constant or a known shape
// (compiler/csharp/surface: base64url, Split on one char; lower.ts: direct casts). Each one is
// checked against the general lowering of the same C# (forced by making the argument non-constant)
// over edge inputs, including the exceptions.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { compile, makeContext } from "./helpers.js";
import { HeaderMap, JArray, JObject, JProperty, JValue, ResponseMessage, castTo } from "../../runtime/index.js";

/** Runs the expression; the value, or the .NET exception's type and message. */
function outcome(src: string, variables: Record<string, unknown> = {}): unknown {
  const c = compile(src);
  if (!c.ok) throw new Error(`did not compile: ${c.diagnostics.map((d) => d.message).join("; ")}`);
  try {
    return { value: c.run(makeContext({ variables })) };
  } catch (e) {
    const x = e as { type?: string; message: string };
    return { error: x.type ?? (e as Error).name, message: x.message };
  }
}
const helpersOf = (src: string) => compile(src).helpers;

const TEXTS = ["", "a", "ab", "abc", "hé", "\u00fb\u00ff", "x\ud800y", "\ud834\udd1e", "?>?>", "~~~", "a".repeat(100)];

describe("base64url: Convert.ToBase64String(...).Replace(\"/\", \"_\").Replace(\"+\", \"-\").Replace(\"=\", \"\")", () => {
  const fused = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])).Replace("/", "_").Replace("+", "-").Replace("=", ""))`;
  const general = `@{ var slash = "/"; return Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])).Replace(slash, "_").Replace("+", "-").Replace("=", ""); }`;

  it("becomes one base64url encoding of the string, with the same result for every input", () => {
    expect(helpersOf(fused)).toContain("utf8ToBase64Url");
    expect(helpersOf(fused)).not.toContain("strReplace");
    expect(helpersOf(general)).toContain("strReplace");
    for (const s of TEXTS) expect(outcome(fused, { s }), JSON.stringify(s)).toEqual(outcome(general, { s }));
    expect(outcome(fused, { s: "\u00fb\u00ff" })).toEqual({ value: "w7vDvw" });
  });

  it("in any order of the three replacements; two of them stay string replacements", () => {
    const reordered = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])).Replace("=", "").Replace("/", "_").Replace("+", "-"))`;
    expect(helpersOf(reordered)).toContain("utf8ToBase64Url");
    for (const s of TEXTS) expect(outcome(reordered, { s })).toEqual(outcome(general, { s }));
    const partial = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])).Replace("/", "_").Replace("+", "-"))`;
    expect(helpersOf(partial)).toContain("strReplace");
    expect(outcome(partial, { s: "\u00fb\u00ff" })).toEqual({ value: "w7vDvw==" });
    const other = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])).Replace("/", "-").Replace("+", "_").Replace("=", ""))`;
    expect(helpersOf(other)).not.toContain("utf8ToBase64Url");
  });

  it("from a byte array, and the null argument throws as .NET does", () => {
    const bytes = `@(Convert.ToBase64String(new byte[] { 251, 255, 191, 0 }).Replace("/", "_").Replace("+", "-").Replace("=", ""))`;
    expect(helpersOf(bytes)).toContain("toBase64Url");
    expect(outcome(bytes)).toEqual({ value: "-_-_AA" });
    const nullBytes = `@(Convert.ToBase64String((byte[])context.Variables["b"]).Replace("/", "_").Replace("+", "-").Replace("=", ""))`;
    expect(outcome(nullBytes, { b: null })).toMatchObject({ error: "System.ArgumentNullException" });
    expect(outcome(fused, { s: null })).toMatchObject({ error: "System.ArgumentNullException" });
    expect(outcome(fused, { s: null })).toEqual(outcome(general, { s: null }));
  });

  it("Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) encodes straight from the string", () => {
    const direct = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes((string)context.Variables["s"])))`;
    const viaBytes = `@{ var bytes = Encoding.UTF8.GetBytes((string)context.Variables["s"]); return Convert.ToBase64String(bytes); }`;
    expect(helpersOf(direct)).toContain("utf8ToBase64");
    expect(helpersOf(viaBytes)).toContain("toBase64");
    for (const s of [...TEXTS, null]) expect(outcome(direct, { s })).toEqual(outcome(viaBytes, { s }));
    // Other encodings are not fused.
    expect(helpersOf(`@(Convert.ToBase64String(Encoding.ASCII.GetBytes("é")))`)).not.toContain("utf8ToBase64");
  });
});

describe("Split on one constant char", () => {
  const fast = `@(string.Join("|", ((string)context.Variables["s"]).Split(',')))`;
  const general = `@(string.Join("|", ((string)context.Variables["s"]).Split(new char[] { ',' })))`;
  it("is a plain split with .NET's pieces, and null throws NullReferenceException", () => {
    expect(helpersOf(fast)).toContain("strSplitOn");
    expect(helpersOf(general)).toContain("strSplit");
    for (const s of ["", ",", "a", "a,,b", ",a,", "a,b,c", null]) expect(outcome(fast, { s }), String(s)).toEqual(outcome(general, { s }));
    expect(outcome(fast, { s: "" })).toEqual({ value: "" });
    expect(outcome(fast, { s: null })).toMatchObject({ error: "System.NullReferenceException" });
  });
  it("Split(c, None) is the same; RemoveEmptyEntries and several separators keep the general helper", () => {
    const none = `@(string.Join("|", ((string)context.Variables["s"]).Split(',', StringSplitOptions.None)))`;
    expect(helpersOf(none)).toContain("strSplitOn");
    expect(outcome(none, { s: "a,,b" })).toEqual({ value: "a||b" });
    const remove = `@(string.Join("|", ((string)context.Variables["s"]).Split(',', StringSplitOptions.RemoveEmptyEntries)))`;
    expect(helpersOf(remove)).not.toContain("strSplitOn");
    expect(outcome(remove, { s: "a,,b" })).toEqual({ value: "a|b" });
    expect(helpersOf(`@("a,b;c".Split(',', ';').Length)`)).not.toContain("strSplitOn");
  });
});

describe("direct casts from object", () => {
  const cases: [string, string, unknown][] = [
    ["string", "castString", "x"],
    ["bool", "castBool", true],
    ["int", "castInt", 7],
  ];
  it("use a helper of their own and keep castTo's exceptions", () => {
    for (const [t, helper] of cases) expect(helpersOf(`@((${t})context.Variables["v"])`)).toContain(helper);
    expect(helpersOf(`@((long)context.Variables["v"])`)).toContain("castLong");
    // Right type: the value; wrong type: InvalidCastException; null to a value type: NullReferenceException.
    expect(outcome(`@((string)context.Variables["v"])`, { v: "x" })).toEqual({ value: "x" });
    expect(outcome(`@((string)context.Variables["v"])`, { v: null })).toEqual({ value: null });
    expect(outcome(`@((string)context.Variables["v"])`, { v: 5 })).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@((bool)context.Variables["v"])`, { v: "true" })).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@((bool)context.Variables["v"])`, { v: null })).toMatchObject({ error: "System.NullReferenceException" });
    expect(outcome(`@((int)context.Variables["v"])`, { v: 2.5 })).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@((int)context.Variables["v"])`, { v: 3000000000 })).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@((int)context.Variables["v"])`, { v: -5 })).toEqual({ value: -5 });
    expect(outcome(`@{ object o = 5L; return (long)o; }`)).toEqual({ value: 5 });
    expect(outcome(`@{ object o = 5; return (long)o; }`)).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@{ object o = 5L; return (int)o; }`)).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@{ object o = 9007199254740993L; return ((long)o).ToString(); }`)).toEqual({ value: "9007199254740993" });
  });
  it("reference casts to IResponse, JToken, JObject and JArray use their own helper and agree with castTo on every kind of value", () => {
    const response = new ResponseMessage(200, "OK", new HeaderMap("response"), null);
    const values: [string, unknown][] = [
      ["null", null],
      ["string", "x"],
      ["int", 5],
      ["bool", true],
      ["response", response],
      ["JObject", new JObject()],
      ["JArray", new JArray()],
      ["JValue", new JValue(8, "s")],
      ["JProperty", new JProperty("p", null)],
      ["map", new Map()],
    ];
    const types: [string, string, string][] = [
      ["IResponse", "castResponse", "IResponse"],
      ["JToken", "castJToken", "JToken"],
      ["JObject", "castJObject", "JObject"],
      ["JArray", "castJArray", "JArray"],
    ];
    const reference = (v: unknown, key: string) => {
      try {
        return { value: castTo(v, key) };
      } catch (e) {
        const x = e as { type?: string; message: string };
        return { error: x.type ?? (e as Error).name, message: x.message };
      }
    };
    for (const [t, helper, key] of types) {
      const src = `@((${t})context.Variables["v"])`;
      expect(helpersOf(src), t).toContain(helper);
      expect(helpersOf(src), t).not.toContain("castTo");
      for (const [kind, v] of values) {
        const got = outcome(src, { v });
        expect(got, `(${t}) ${kind}`).toEqual(reference(v, key));
        // the right class comes back as the same object, the others fail or give null
        if (v !== null && !(got as { error?: string }).error) expect((got as { value: unknown }).value).toBe(v);
      }
    }
  });
  it("GetValueOrDefault<string> and <bool> are strict; numeric T stays lenient", () => {
    expect(helpersOf(`@(context.Variables.GetValueOrDefault<string>("v"))`)).toContain("castString");
    expect(outcome(`@(context.Variables.GetValueOrDefault<string>("missing"))`)).toEqual({ value: null });
    expect(outcome(`@(context.Variables.GetValueOrDefault<string>("v", "d"))`, { v: 1 })).toMatchObject({ error: "System.InvalidCastException" });
    expect(outcome(`@(context.Variables.GetValueOrDefault<bool>("missing", true))`)).toEqual({ value: true });
    expect(outcome(`@(context.Variables.GetValueOrDefault<long>("v"))`, { v: 4 })).toEqual({ value: 4 });
  });
});

describe("LastError names the policy that failed, after literal header and query operations", () => {
  it("a failure after literal header and query operations still names its own policy", async () => {
    const r = await runPolicy(`<policies><inbound>
        <set-header name="X-A" exists-action="override"><value>a</value></set-header>
        <set-query-parameter name="q" exists-action="skip"><value>1</value></set-query-parameter>
        <set-variable name="x" value="@((string)context.Variables["missing"])" />
        <set-header name="X-B" exists-action="delete" />
      </inbound><on-error><set-variable name="path" value="@(context.LastError.Path)" /></on-error></policies>`);
    expect(r.lastError).toMatchObject({ Source: "set-variable", Path: "set-variable[1]" });
    expect(r.variables.path).toBe("set-variable[1]");
  });
  it("a computed header value with a line break fails in its own set-header", async () => {
    const r = await runPolicy(`<policies><inbound>
        <set-header name="X-A"><value>a</value></set-header>
        <set-header name="X-B"><value>@("x\\ny")</value></set-header>
      </inbound></policies>`);
    expect(r.lastError).toMatchObject({ Source: "set-header", Path: "set-header[2]", Reason: "ExpressionValueEvaluationFailure" });
  });
});

describe("hashing a UTF-8 string and reading the clock", () => {
  it("ComputeHash(Encoding.UTF8.GetBytes(s)) hashes the string's bytes, as through a byte[]", () => {
    const fused = `@(Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("k")).ComputeHash(Encoding.UTF8.GetBytes((string)context.Variables["s"]))))`;
    const viaBytes = `@{ var b = Encoding.UTF8.GetBytes((string)context.Variables["s"]); return Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("k")).ComputeHash(b)); }`;
    expect(compile(fused).text).toContain("ComputeHashUtf8(");
    expect(compile(viaBytes).text).not.toContain("ComputeHashUtf8(");
    for (const s of [...TEXTS, null]) expect(outcome(fused, { s }), String(s)).toEqual(outcome(viaBytes, { s }));
    expect(outcome(fused, { s: "abc" })).toEqual({ value: createHmac("sha256", "k").update("abc").digest("base64") });
    const sha = `@(BitConverter.ToString(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes("abc"))))`;
    expect(outcome(sha)).toEqual({ value: "BA-78-16-BF-8F-01-CF-EA-41-41-40-DE-5D-AE-22-23-B0-03-61-A3-96-17-7A-9C-B4-10-FF-61-F2-00-15-AD" });
  });
  it("the hash's byte[] is its own: changing it changes nothing else", () => {
    expect(outcome(`@{ var h = SHA256.Create(); var a = h.ComputeHash(Encoding.UTF8.GetBytes("abc")); a[0] = 0; var b = h.ComputeHash(Encoding.UTF8.GetBytes("abc")); return a[0] + "," + b[0] + "," + a.Length; }`)).toEqual({ value: "0,186,32" });
  });
  it("DateTime.UtcNow.Ticks reads the clock directly, in .NET ticks", () => {
    const c = compile(`@(DateTime.UtcNow.Ticks)`);
    expect(c.helpers).toContain("nowTicks");
    const before = BigInt(Date.now()) * 10000n + 621355968000000000n;
    const t = BigInt(c.run() as bigint);
    const after = BigInt(Date.now()) * 10000n + 621355968000000000n;
    expect(t >= before && t <= after).toBe(true);
    expect(outcome(`@(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks <= 0)`)).toEqual({ value: true });
    // 2024-01-15T10:30Z: 738,899 days since 0001-01-01 plus 10.5 hours, in 100 ns ticks.
    expect(outcome(`@(new DateTime(2024, 1, 15, 10, 30, 0, DateTimeKind.Utc).Ticks)`)).toEqual({ value: (738899n * 86400n + 37800n) * 10000000n });
  });
});

describe("String.Format with a constant format of plain items in order", () => {
  const ARGS = [`"x"`, `(string)null`, `42`, `-0.5`, `1.5f`, `true`, `'c'`, `2.50m`, `12345678901234L`, `DayOfWeek.Friday`, `new DateTime(2024, 1, 15, 10, 30, 0)`, `(object)null`, `new[] { 1 }`];
  it("is a concatenation with the same text as the general formatter, for every kind of argument", () => {
    for (const a0 of ARGS)
      for (const a1 of [`"y"`, `7`, `1.25`]) {
        const fast = `@(String.Format("<{0}/{1}> {{x}}", ${a0}, ${a1}))`;
        const general = `@{ var f = "<{0}/{1}> {{x}}"; return String.Format(f, ${a0}, ${a1}); }`;
        expect(compile(fast).helpers, fast).not.toContain("strFormat");
        expect(outcome(fast), fast).toEqual(outcome(general));
      }
    expect(outcome(`@(String.Format("{0}-{1}-{2}", "a", 1, 2.5))`)).toEqual({ value: "a-1-2.5" });
  });
  it("reordered, repeated, aligned or formatted items, unused arguments and bad formats keep the general formatter", () => {
    for (const f of [`"{1}{0}"`, `"{0}{0}"`, `"{0,5}{1}"`, `"{0:D3}{1}"`, `"{0}"`, `"{0}{1}{2}"`, `"{0} }"`, `"{ 0}{1}"`]) {
      const src = `@(String.Format(${f}, 1, 2))`;
      const general = `@{ var f = ${f}; return String.Format(f, 1, 2); }`;
      expect(compile(src).helpers, f).toContain("strFormat");
      expect(outcome(src), f).toEqual(outcome(general));
    }
    expect(outcome(`@(String.Format("{0}{1}{2}", 1, 2))`)).toMatchObject({ error: "System.FormatException" });
  });
  it("evaluates every argument once, left to right", () => {
    expect(outcome(`@{ var n = 0; var s = String.Format("{0},{1},{2}", ++n, ++n, ++n); return s + "|" + n; }`)).toEqual({ value: "1,2,3|3" });
  });
});

describe("an HMAC keyed with Encoding.UTF8.GetBytes(text)", () => {
  it("signs as with the key's bytes, and its Key reads back as those bytes", () => {
    const fused = `@(Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes((string)context.Variables["k"])).ComputeHash(Encoding.UTF8.GetBytes("msg"))))`;
    const viaBytes = `@{ var k = Encoding.UTF8.GetBytes((string)context.Variables["k"]); return Convert.ToBase64String(new HMACSHA256(k).ComputeHash(Encoding.UTF8.GetBytes("msg"))); }`;
    expect(compile(fused).helpers).toContain("newHmacUtf8Key");
    for (const k of ["", "k", "s3cr3t-é", "x\ud800y", "k".repeat(100), null]) expect(outcome(fused, { k }), String(k)).toEqual(outcome(viaBytes, { k }));
    expect(outcome(fused, { k: "key" })).toEqual({ value: createHmac("sha256", "key").update("msg").digest("base64") });
    expect(outcome(`@(BitConverter.ToString(new HMACSHA256(Encoding.UTF8.GetBytes("hé")).Key))`)).toEqual({ value: "68-C3-A9" });
    expect(outcome(`@{ var h = new HMACSHA256(Encoding.UTF8.GetBytes("a")); h.Key = Encoding.UTF8.GetBytes("key"); return Convert.ToBase64String(h.ComputeHash(Encoding.UTF8.GetBytes("msg"))); }`)).toEqual({
      value: createHmac("sha256", "key").update("msg").digest("base64"),
    });
  });
  it("digests of every size come back whole (MD5 to SHA-512)", () => {
    for (const [t, alg] of [["MD5", "md5"], ["SHA1", "sha1"], ["SHA256", "sha256"], ["SHA384", "sha384"], ["SHA512", "sha512"]])
      expect(outcome(`@(Convert.ToBase64String(${t}.Create().ComputeHash(new byte[] { 0, 255, 128 })))`)).toEqual({ value: createHash(alg).update(Buffer.from([0, 255, 128])).digest("base64") });
    const big = `@(Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('é', 100))))`;
    expect(outcome(big)).toEqual({ value: Buffer.from("é".repeat(100)).toString("base64") });
  });
});

describe("header values that are a number's or a Guid's text", () => {
  it("go on the header as they are, with the same text as the general path", async () => {
    const values = [`int.MinValue.ToString()`, `uint.MaxValue.ToString()`, `((short)-5).ToString()`, `((byte)200).ToString()`, `long.MinValue.ToString()`, `9007199254740993L.ToString()`, `(0.1 + 0.2).ToString()`, `double.NaN.ToString()`, `1.5f.ToString()`, `12.50m.ToString()`, `context.RequestId.ToString()`, `Guid.Empty.ToString()`];
    for (const v of values) {
      const fast = `<policies><inbound><set-header name="X-V"><value>@(${v})</value></set-header><set-variable name="v" value="@(context.Request.Headers.GetValueOrDefault("X-V", "none"))" /></inbound></policies>`;
      const general = `<policies><inbound><set-header name="X-V"><value>@{ string s = ${v}; return s; }</value></set-header><set-variable name="v" value="@(context.Request.Headers.GetValueOrDefault("X-V", "none"))" /></inbound></policies>`;
      const [a, b] = [await runPolicy(fast), await runPolicy(general)];
      if (v.startsWith("context.RequestId")) expect(a.variables.v).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      else expect(a.variables.v, v).toBe(b.variables.v);
      expect(a.variables.v, v).not.toBe("none");
    }
    const r = await runPolicy(`<policies><inbound><set-header name="X-V"><value>@((-7).ToString())</value></set-header><set-variable name="v" value="@(context.Request.Headers.GetValueOrDefault("X-V", "none"))" /></inbound></policies>`);
    expect(r.variables.v).toBe("-7");
  });
});

describe("s.Split(c)[0] and s.Split(c).Last()", () => {
  it("take the text before the first / after the last separator, as the array would give", () => {
    const first = `@(((string)context.Variables["s"]).Split(',')[0])`;
    const last = `@(((string)context.Variables["s"]).Split(' ').Last())`;
    const firstGeneral = `@{ var parts = ((string)context.Variables["s"]).Split(','); return parts[0]; }`;
    const lastGeneral = `@{ var parts = ((string)context.Variables["s"]).Split(' '); return parts.Last(); }`;
    expect(compile(first).helpers).toContain("strSplitFirst");
    expect(compile(last).helpers).toContain("strSplitLast");
    expect(compile(firstGeneral).helpers).not.toContain("strSplitFirst");
    for (const s of ["", ",", " ", "a", "a,b", "a b c", ",a", "a,", "Bearer x.y.z", "  ", null]) {
      expect(outcome(first, { s }), `first ${s}`).toEqual(outcome(firstGeneral, { s }));
      expect(outcome(last, { s }), `last ${s}`).toEqual(outcome(lastGeneral, { s }));
    }
    expect(outcome(first, { s: null })).toMatchObject({ error: "System.NullReferenceException" });
    // Through ?.: null stays null, the fused read still applies.
    expect(outcome(`@{ string s = null; return s?.Split(',')[0]; }`)).toEqual({ value: null });
    expect(outcome(`@{ string s = "a,b"; return s?.Split(',')[0]; }`)).toEqual({ value: "a" });
    expect(outcome(`@{ string s = "a b"; return s?.Split(' ').Last(); }`)).toEqual({ value: "b" });
    // Other indices and other separators keep the array.
    expect(compile(`@("a,b".Split(',')[1])`).helpers).toContain("arrItem");
    expect(outcome(`@("a,b".Split(',')[1])`)).toEqual({ value: "b" });
    expect(outcome(`@("a,b".Split(',')[2])`)).toMatchObject({ error: "System.IndexOutOfRangeException" });
  });
});

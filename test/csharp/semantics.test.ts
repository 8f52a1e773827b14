// Diagnostics (codes and document offsets) and .NET semantics of lowered expressions.
import { describe, expect, it } from "vitest";
import { compile, evaluate, makeContext } from "./helpers.js";

const diag = (src: string, expected: Parameters<typeof compile>[1] = "any", prefix = "") => {
  const c = compile(src, expected, prefix);
  expect(c.ok).toBe(false);
  return c.diagnostics[0]!;
};

describe("diagnostics", () => {
  it("points at the right document character", () => {
    const prefix = '<set-header name="x"><value>';
    const d = diag(`@(context.Request.Headrs.Count)`, "any", prefix);
    expect(d.code).toBe("APIMC3004");
    expect(d.offset).toBe(prefix.length + `@(context.Request.`.length);
    expect(d.message).toMatch(/Did you mean 'Headers'/);
  });
  it("reports syntax, too-new syntax, unknown names, forbidden types, mismatches, missing returns", () => {
    expect(diag(`@(1 +)`).code).toBe("APIMC3001");
    expect(diag(`@(x switch { _ => 1 })`).code).toBe("APIMC3002");
    expect(diag(`@{ string s = null; s ??= "a"; return s; }`).code).toBe("APIMC3002");
    expect(diag(`@(foo + 1)`).code).toBe("APIMC3003");
    const f = diag(`@(System.IO.File.ReadAllText("x"))`);
    expect(f.code).toBe("APIMC3005");
    expect(f.message).toBe("'System.IO.File' is not available in policy expressions.");
    expect(diag(`@("a")`, "bool").code).toBe("APIMC3006");
    expect(diag(`@{ if (context.Tracing) { return "a"; } }`).code).toBe("APIMC3007");
    expect(diag(`@("a".Substring("b"))`).code).toBe("APIMC3008");
    expect(diag(`@((int)"a")`).code).toBe("APIMC3010");
  });
});

describe("semantics", () => {
  it("integer arithmetic wraps and truncates; division by zero throws", () => {
    expect(evaluate(`@{ int a = int.MaxValue; return a + 1; }`)).toBe(-2147483648);
    expect(evaluate(`@{ int a = -7; return a / 2; }`)).toBe(-3);
    expect(evaluate(`@{ int a = -7; return a % 3; }`)).toBe(-1);
    expect(() => evaluate(`@{ int z = 0; return 1 / z; }`)).toThrow(/divide by zero/);
    expect(evaluate(`@(7 / 2.0)`)).toBe(3.5);
  });
  it("formats numbers and strings like .NET", () => {
    expect(evaluate(`@((1.0/3).ToString())`)).toBe("0.333333333333333");
    expect(evaluate(`@(1e15.ToString())`)).toBe("1E+15");
    expect(evaluate(`@(String.Format("{0,5}|{1:F2}|{2:X4}|{3}", "ab", 3.14159, 255, true))`)).toBe("   ab|3.14|00FF|True");
    expect(evaluate(`@($"{'c'}{1.5}{null}{42,-4}|")`)).toBe("c1.542  |");
    expect(evaluate(`@(string.Join(",", new[] { 1, 2, 3 }))`)).toBe("1,2,3");
  });
  it("null-conditional and coalescing", () => {
    const ctx = makeContext({ headers: { Authorization: "Bearer a.b.c" } });
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("X")?.Length ?? -1)`, ctx)).toBe(-1);
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization")?.Split(' ')?[1])`, ctx)).toBe("a.b.c");
    expect(evaluate(`@(context.User?.Email ?? "anonymous")`, ctx)).toBe("anonymous");
  });
  it("LINQ with lambdas and generic inference", () => {
    expect(evaluate(`@(new List<string> { "b", "a", "c" }.Where(x => x != "c").OrderBy(x => x).Select(x => x.ToUpper()).ToArray().Length)`)).toBe(2);
    expect(evaluate(`@(string.Join("-", new[] { 3, 1, 2 }.OrderByDescending(x => x)))`)).toBe("3-2-1");
    expect(evaluate(`@(context.Request.Url.Query.Any(q => q.Key == "y"))`)).toBe(true);
  });
  it("statements: locals, loops, switch, try/catch, out var", () => {
    expect(
      evaluate(`@{ var sum = 0; for (int i = 0; i < 5; i++) { if (i == 3) continue; sum += i; } foreach (var c in "ab") sum += c; return sum; }`),
    ).toBe(0 + 1 + 2 + 4 + 97 + 98);
    expect(evaluate(`@{ switch ("b") { case "a": return 1; case "b": return 2; default: return 3; } }`)).toBe(2);
    expect(evaluate(`@{ try { return int.Parse("x"); } catch (FormatException e) { return -1; } }`)).toBe(-1);
    expect(evaluate(`@(int.TryParse("12", out var n) ? n * 2 : 0)`)).toBe(24);
    const ctx = makeContext({ headers: { "X-Id": ["a", "b"] } });
    expect(evaluate(`@{ string[] v; return context.Request.Headers.TryGetValue("x-id", out v) ? v.Length : 0; }`, ctx)).toBe(2);
  });
  it("Newtonsoft: indexers, implicit conversions, compact and indented output", () => {
    expect(evaluate(`@{ var o = new JObject(); o["a"] = 1; o["b"] = 1.0; o["c"] = "x"; o["d"] = new JArray(1, "two"); return o.ToString(Newtonsoft.Json.Formatting.None); }`)).toBe(
      '{"a":1,"b":1.0,"c":"x","d":[1,"two"]}',
    );
    const ctx = makeContext({ body: '{"user":{"id":7,"tags":["x","y"]}}', method: "POST" });
    expect(evaluate(`@((int)context.Request.Body.As<JObject>(preserveContent: true)["user"]["id"])`, ctx)).toBe(7);
    expect(evaluate(`@((string)context.Request.Body.As<JObject>(true).SelectToken("user.tags[1]"))`, ctx)).toBe("y");
    expect(evaluate(`@(JObject.Parse("{\\"a\\":[]}").ToString())`)).toBe('{\r\n  "a": []\r\n}');
  });
  it("JWT and Basic helpers", () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ sub: "u1", aud: ["a", "b"], exp: 1700000000 })}.sig`;
    const ctx = makeContext({ headers: { Authorization: `Bearer ${jwt}` } });
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization","").Split(' ')[1].AsJwt()?.Subject)`, ctx)).toBe("u1");
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization","").Split(' ')[1].AsJwt().Audiences.Count())`, ctx)).toBe(2);
    const basic = makeContext({ headers: { Authorization: `Basic ${Buffer.from("ann:pw").toString("base64")}` } });
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization").AsBasic().UserId)`, basic)).toBe("ann");
  });
  it("string expected type converts with .NET ToString", () => {
    expect(compile(`@(context.Response.StatusCode)`, "string").run()).toBe("200");
    expect(compile(`@(context.Tracing)`, "string").run()).toBe("False");
    expect(compile(`@(new DateTime(2024, 1, 2, 3, 4, 5).ToString("yyyy-MM-ddTHH:mm:ss"))`, "string").run()).toBe("2024-01-02T03:04:05");
  });
});

// Local functions (C# 7): Mono's mcs, the differential reference, does not compile them, so the
// answers here are worked out by hand from the C# rules.
describe("local functions", () => {
  it("are callable before their declaration, recursive, and capture locals", () => {
    expect(evaluate(`@{ int Sq(int x) { return x * x; } return Sq(3) + Sq(4); }`)).toBe(25);
    expect(evaluate(`@{ var r = Twice("ab"); string Twice(string s) => s + s; return r; }`)).toBe("abab");
    expect(evaluate(`@{ long Fact(int n) => n <= 1 ? 1 : n * Fact(n - 1); return Fact(15); }`)).toBe(1307674368000);
    expect(evaluate(`@{ int total = 0; void Add(int x) { total += x; } Add(2); Add(5); return total; }`)).toBe(7);
    expect(evaluate(`@{ short Hi(short h) { return (short)((h >> 8) & 0xFF); } int Both(int v) => Hi((short)v) + Lo(v); int Lo(int v) => v & 0xFF; return (short)Both(0x1234); }`)).toBe(0x12 + 0x34);
    expect(evaluate(`@{ int Apply(Func<int, int> f, int x) { return f(x); } return Apply(v => v + 1, 41); }`)).toBe(42);
  });
  it("report a missing return and wrong arguments", () => {
    expect(compile(`@{ int F(int x) { if (x > 0) return 1; } return F(1); }`).ok).toBe(false);
    expect(compile(`@{ int F(int x) => x; return F("a"); }`).ok).toBe(false);
    expect(compile(`@{ int F(int x) => x; return F(1, 2); }`).ok).toBe(false);
  });
});

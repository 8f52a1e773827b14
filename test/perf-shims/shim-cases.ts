// The shims made faster (String.Split/Replace/Trim/Join, Encoding, the JSON reader and writer): the
// cases compared with the C# reference (differential.test.ts here; answers recorded in
// test/differential/recorded/perf-shims.json), on the shapes the fast paths take and the edges beside them.
import type { DiffCase } from "../differential/cases.js";

const c = (id: string, type: string, expr: string, opts: Partial<DiffCase> = {}): DiffCase => ({ id, type, expr, ...opts });
const q = (json: string) => JSON.stringify(json); // a C# string literal for JSON text

export const SHIM_CASES: DiffCase[] = [
  c("split.one.char", "string[]", `"a,,b,".Split(',')`),
  c("split.one.char.remove", "string[]", `"/v2/orders//42/".Split(new char[] { '/' }, StringSplitOptions.RemoveEmptyEntries)`),
  c("split.one.string", "string[]", `"a--b----c".Split(new[] { "--" }, StringSplitOptions.None)`),
  c("split.one.string.overlap", "string[]", `"aaaaa".Split(new[] { "aa" }, StringSplitOptions.None)`),
  c("split.one.char.count", "string[]", `"a,b,c,d".Split(new[] { ',' }, 2)`),
  c("split.one.char.empty", "string[]", `"".Split(',')`),
  c("split.one.char.nomatch", "string[]", `"abc".Split('/')`),
  c("split.last", "string", `"Bearer abc.def".Split(' ').Last()`),
  c("replace.nomatch", "string", `"abc".Replace("x", "y")`),
  c("replace.dollar", "string", `"a.b.c".Replace(".", "$&")`),
  c("replace.dollar.quote", "string", `"a.b".Replace(".", "$'$1$$")`),
  c("replace.remove", "string", `"YWI+Lw==".Replace("/", "_").Replace("+", "-").Replace("=", "")`),
  c("replace.overlap", "string", `"aaaa".Replace("aa", "a")`),
  c("trim.end.char", "string", `"/orders//".TrimEnd('/')`),
  c("trim.chars", "string", `"-_x_-".Trim('-', '_')`),
  c("trim.ws", "string", `"\\u00a0\\t x \\r\\n\\u2028".Trim()`),
  c("trim.nothing", "string", `"x".Trim()`),
  c("join.array", "string", `string.Join("-", new string[] { "apim", null, "v2" })`),
  c("utf8.bytes", "string", `Convert.ToBase64String(Encoding.UTF8.GetBytes("h\\u00e9llo \\ud83d\\ude00 \\u20ac"))`),
  c("utf8.lone.surrogate", "string", `Convert.ToBase64String(Encoding.UTF8.GetBytes("a\\ud800b\\udc00"))`),
  c("utf8.long", "string", `Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 70) + "\\u00e9"))`),
  c("utf8.roundtrip", "string", `Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("caf\\u00e9"))`),
  c("utf8.bom.kept", "int", `Encoding.UTF8.GetString(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }).Length`),
  c("ascii.bytes", "string", `Convert.ToBase64String(Encoding.ASCII.GetBytes("a\\u00e9\\ud83d\\ude00b"))`),
  c("latin1.bytes", "string", `Convert.ToBase64String(Encoding.GetEncoding("iso-8859-1").GetBytes("a\\u00e9\\u20ac\\ud83d\\ude00b"))`),
  c("json.numbers.none", "string", `JObject.Parse(${q('{"a":1.0,"b":1,"c":1e2,"d":0.0001,"e":123456.789,"f":1e-5,"g":-0.5,"h":1.5E+20,"i":0.30000000000000004}')}).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.numbers.types", "string", `string.Join(",", JObject.Parse(${q('{"a":1.0,"b":1,"c":1e2,"d":-7}')}).Properties().Select(p => p.Value.Type.ToString()))`),
  c("json.indented", "string", `JObject.Parse(${q('{ "a" : [1, {"b": "x\\"y"}, [] ], "c": {} , "d":null,"e":true }')}).ToString()`, { windowsNewline: true }),
  c("json.strings.escapes", "string", `JObject.Parse(${q('{"s":"tab\\tnl\\nq\\"bs\\\\ \\u00e9 \\u0001"}')}).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.lenient", "string", `JObject.Parse("{a:1, 'b':'x', /* c */ \\"c\\":[1,2,],}").ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.computed.double", "string", `var o = JObject.Parse(${q('{"items":[{"qty":2,"price":9.5},{"qty":3,"price":0.1}]}')}); o["total"] = o["items"].Sum(i => (int)i["qty"] * (double)i["price"]); return o.ToString(Newtonsoft.Json.Formatting.None);`, { block: true }),
  c("json.serialize.anon", "string", `JsonConvert.SerializeObject(new { typ = "JWT", alg = "HS256", n = 5, f = 2.5, t = true, s = (string)null })`),
  c("json.serialize.anon.nested", "string", `JsonConvert.SerializeObject(new { a = new { b = "x\\ny" }, c = new[] { 1, 2 } }, Newtonsoft.Json.Formatting.Indented)`, { windowsNewline: true }),
];

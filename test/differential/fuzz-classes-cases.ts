// Mismatch classes the generator found (npm run fuzz:csharp, seeds 9100 and 21000-21999), each with
// minimized regression cases and a small matrix over the class: boxed chars as Json.NET content,
// multi-content (sequences flattened by JContainer.AddInternal), ...
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr: body, block: true, ...opts });

/** Ways a char reaches Json.NET: as JValue(object) or container content (ArgumentException), FromObject/SerializeObject (a string), the JToken conversion (through ushort: an Integer). */
const CHAR_INTO_JSON = [
  `new JValue('a').ToString()`,
  `new JValue((object)'a').ToString()`,
  `new JArray('a').ToString(Formatting.None)`,
  `new JArray((object)('\\u00e9'), (object)1.5).ToString(Formatting.None)`,
  `new JProperty("p", 'a').ToString(Formatting.None)`,
  `new JProperty("", (object)'Z').Name`,
  `new JObject(new JProperty("p", (object)'a')).ToString(Formatting.None)`,
  `new JArray(new List<char> { 'a' }).ToString(Formatting.None)`,
  `new JArray("ab".ToCharArray()).ToString(Formatting.None)`,
  `new JArray("ab").ToString(Formatting.None)`,
  `JToken.FromObject('a').ToString(Formatting.None)`,
  `JArray.FromObject(new List<char> { 'a' }).ToString(Formatting.None)`,
  `JObject.FromObject(new { c = 'a', d = new[] { 'x' } }).ToString(Formatting.None)`,
  `JsonConvert.SerializeObject(new { c = 'a', d = new[] { 'x' } })`,
  `JsonConvert.SerializeObject("ab".ToCharArray())`,
  `JToken.FromObject(new Dictionary<string, char> { ["k"] = 'v' }).ToString(Formatting.None)`,
  `((JToken)'a').ToString(Formatting.None)`,
];

export const FUZZ_CLASS_CASES: DiffCase[] = [
  ...CHAR_INTO_JSON.map((e, i) => c(`json.char.${i}`, "string", e)),
  c("json.char.value", "object", `(new JValue((object)('\\n'))).Value`),
  b("json.char.jarray.add", "string", `var a = new JArray(); a.Add('x'); a.Insert(0, 'y'); JToken t = 'a'; a.Add(t); char? n = 'b'; a.Add(n); n = null; a.Add(n); return a.ToString(Formatting.None);`),
  b("json.char.indexer", "string", `var o = new JObject(); o["k"] = 'a'; return o.ToString(Formatting.None);`),
  b("json.char.addafter", "string", `var a = new JArray(1); a[0].AddAfterSelf('x'); return a.ToString(Formatting.None);`),
  // multi-content: a sequence (not a string, byte[] or token) adds its items; nested ones move the index by one per outer item
  b("json.content.add", "string", `var a = new JArray(); a.Add(new List<int> { 1 }); a.Add(new List<List<int>> { new List<int> { 2, 3 }, new List<int> { 4 } }); a.Add("s"); a.Add(new byte[] { 1 }); a.Add(new HashSet<string> { "h" }); a.Add(new[] { 1, 2 }.Select(x => x * 10)); return a.ToString(Formatting.None);`),
  b("json.content.beside", "string", `var a = new JArray(1, 2); a[0].AddAfterSelf(new List<int> { 7, 8 }); a[0].AddBeforeSelf(new object[] { "x", "y" }); return a.ToString(Formatting.None);`),
  b("json.content.object", "string", `var o = new JObject(); o.Add(new List<JProperty> { new JProperty("a", 1), new JProperty("b", 2) }); o.Property("a").AddAfterSelf(new[] { new JProperty("c", 3) }); return o.ToString(Formatting.None);`),
  b("json.content.object.value", "string", `var o = new JObject(); o.Add(1); return o.ToString(Formatting.None);`),
  c("json.content.nested", "string", `new JArray(new List<List<int>> { new List<int> { 2, 3 }, new List<int> { 4 } }).ToString(Formatting.None)`),
  b("json.content.addfirst", "string", `var a = new JArray(); a.AddFirst(new List<int> { 1, 2 }); a.AddFirst(null); a.AddFirst(new JArray(5)); return a.ToString(Formatting.None);`),
  b("json.content.token.nests", "string", `var i = new JArray(1, 2); return new JArray(0, i).ToString(Formatting.None) + new JArray(i).ToString(Formatting.None) + new JArray((object)i).ToString(Formatting.None);`),
  c("json.content.params", "string", `new JArray(new object[] { 1, new List<int> { 2, 3 }, new JArray(4) }).ToString(Formatting.None)`),
  c("json.content.fromobject.nested", "string", `JToken.FromObject(new List<List<int>> { new List<int> { 2, 3 }, new List<int> { 4 } }).ToString(Formatting.None)`),
];

// Json.NET's token reader and writer as expressions reach them (runtime/dotnet/json-io.ts):
// JToken.CreateReader() into JToken.Load/ReadFrom, JObject/JArray/JProperty.Load and JRaw.Create, and
// JContainer.CreateWriter() receiving JToken.WriteTo; matrices over JSON documents and token kinds,
// the reader's position after each Load, the writer's output into each container kind, `using`.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `jio.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `jio.${id}`, type, expr: body, block: true, ...opts });
const q = (s: string) => JSON.stringify(s);

/** Documents of every shape: containers, nesting, empties, each value kind, duplicate-free names. */
const DOCS = [
  `{"a":1,"b":[1,2.5,"x"],"c":{"d":null,"e":true}}`,
  `[1,[2,[3,[]]],{},{"k":"v"}]`,
  `{}`,
  `[]`,
  `{"n":{"m":{"o":[{"p":-0.0}]}}}`,
  `"2020-01-01T00:00:00Z"`,
  `12345678901234567890`,
  `1.0`,
  `null`,
  `"s"`,
  `[1e300,-1,0.1,true,false,null,"",{"":0}]`,
  `{"d":"2020-02-29T12:00:00+02:00","u":"http://a/b"}`,
];
/** Tokens made in code: kinds JSON text cannot carry (Guid, Uri, TimeSpan, bytes, comments, raw, undefined, float, decimal). */
const MADE = [
  `new JValue(Guid.Empty)`,
  `new JValue(new Uri("http://a/b?c=d"))`,
  `new JValue(TimeSpan.FromHours(1.5))`,
  `new JValue(new byte[] { 1, 2, 255 })`,
  `JValue.CreateComment("c")`,
  `new JRaw("[ 1 , 2 ]")`,
  `JValue.CreateUndefined()`,
  `new JValue(1.5f)`,
  `new JValue(1.50m)`,
  `new JValue(2.0)`,
  `new JValue(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))`,
  `new JValue(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)))`,
  `JValue.CreateNull()`,
  `new JValue(long.MaxValue)`,
  `new JArray(JValue.CreateComment("x"), 1, JValue.CreateUndefined())`,
  `new JObject(new JProperty("g", Guid.Empty), new JProperty("t", TimeSpan.Zero))`,
  `new JProperty("p", new JArray(1, 2))`,
  `new JProperty("p", 3)`,
  `new JArray(new JRaw("{}"))`,
];
/** A token's type and text, and each value's type below it: what a copy must keep. */
const show = (x: string) => `(${x}).Type + ":" + (${x}).ToString(Formatting.None) + ":" + string.Join(",", new JArray(${x}).Descendants().Select(d => d.Type.ToString()))`;
const showT = (x: string) => `${x}.Type + ":" + ${x}.ToString(Formatting.None)`;

export const JSON_IO_CASES: DiffCase[] = [
  // ---- Load/ReadFrom over a fresh reader: every document, every loader ----------------------------
  ...DOCS.flatMap((d, i) => [
    b(`readfrom.doc.${i}`, "string", `var r = JToken.Parse(${q(d)}).CreateReader(); var t = JToken.ReadFrom(r); return ${showT("t")};`),
    b(`load.doc.${i}`, "string", `var t = JToken.Load(JToken.Parse(${q(d)}).CreateReader()); return ${showT("t")};`),
    b(`load.object.${i}`, "string", `var t = JObject.Load(JToken.Parse(${q(d)}).CreateReader()); return t.ToString(Formatting.None);`),
    b(`load.array.${i}`, "string", `var t = JArray.Load(JToken.Parse(${q(d)}).CreateReader()); return t.ToString(Formatting.None);`),
    b(`load.property.${i}`, "string", `var t = JProperty.Load(JToken.Parse(${q(d)}).CreateReader()); return t.ToString(Formatting.None);`),
    // a second load from the same reader: where the first one left it
    b(`reload.${i}`, "string", `var r = JToken.Parse(${q(d)}).CreateReader(); var a = JToken.ReadFrom(r); var t = JToken.Load(r); return ${showT("t")};`),
    b(`rawcreate.doc.${i}`, "string", `var r = JToken.Parse(${q(d)}).CreateReader(); var raw = JRaw.Create(r); return raw.Type + ":" + raw.ToString();`),
    b(`rawcreate.after.${i}`, "string", `var r = JToken.Parse(${q(d)}).CreateReader(); JToken.ReadFrom(r); var raw = JRaw.Create(r); return raw.ToString();`),
  ]),
  // ---- readers over inner tokens: the subtree only; properties; loads one after another --------------
  ...[`{"a":[1,{"b":2}],"c":3}`, `{"x":{"y":{}},"z":[]}`].flatMap((d, i) => [
    b(`inner.first.${i}`, "string", `var o = JObject.Parse(${q(d)}); var t = JToken.ReadFrom(o.First.CreateReader()); return ${showT("t")};`),
    b(`inner.value.${i}`, "string", `var o = JObject.Parse(${q(d)}); var t = JToken.Load(o.First.First.CreateReader()); return ${showT("t")};`),
    b(`inner.property.${i}`, "string", `var o = JObject.Parse(${q(d)}); var r = o.Last.CreateReader(); var p = JProperty.Load(r); return p.Name + "=" + p.Value.ToString(Formatting.None);`),
    b(`inner.property.twice.${i}`, "string", `var o = JObject.Parse(${q(d)}); var r = o.First.CreateReader(); var p = JProperty.Load(r); var t = JToken.ReadFrom(r); return ${showT("t")};`),
    b(`inner.rawcreate.${i}`, "string", `var o = JObject.Parse(${q(d)}); var r = o.First.CreateReader(); var raw = JRaw.Create(r); return raw.ToString();`),
    b(`inner.detached.${i}`, "string", `var o = JObject.Parse(${q(d)}); var t = JToken.ReadFrom(o.First.CreateReader()); return (t.Parent == null) + ":" + (t != o.First) + ":" + t.Path;`),
    // the reader walks the live tree: a change before its first Read is seen
    b(`live.${i}`, "string", `var o = JObject.Parse(${q(d)}); var r = o.CreateReader(); o["new"] = 5; return JObject.Load(r).ToString(Formatting.None);`),
  ]),
  // ---- made tokens through the reader and the writer: which kinds survive ------------------------
  ...MADE.flatMap((m, i) => [
    b(`made.read.${i}`, "string", `var t = JToken.ReadFrom((${m}).CreateReader()); return ${show("t")};`),
    b(`made.read.inarray.${i}`, "string", `var t = JArray.Load(new JArray(${m}).CreateReader()); return ${show("t")};`),
    b(`made.write.${i}`, "string", `var a = new JArray(); var w = a.CreateWriter(); (${m}).WriteTo(w); return ${show("a")};`),
    b(`made.write.obj.${i}`, "string", `var o = new JObject(); var w = o.CreateWriter(); new JProperty("k", ${m}).WriteTo(w); return ${show("o")};`),
    b(`made.raw.${i}`, "string", `var raw = JRaw.Create(new JArray(${m}).CreateReader()); return raw.ToString();`),
  ]),
  // ---- the writer: each container kind × each token kind, and what follows a failed write ------------
  ...["new JArray()", "new JObject()", `new JArray(1, "x")`, `JObject.Parse("{\\"z\\":0}")`, `new JProperty("p", 1)`, `new JProperty("p", new JArray())`, `JObject.Parse("{\\"k\\":[1]}")["k"]`].flatMap((cont, i) =>
    [`JToken.Parse("{\\"a\\":{\\"b\\":[1,{}]}}")`, `JToken.Parse("[1,[2]]")`, `new JValue(7)`, `new JProperty("k", 1)`, `new JProperty("z", new JObject())`, `JValue.CreateComment("c")`].map((tok, j) =>
      b(`write.${i}.${j}`, "string", `var c = (JContainer)(${cont}); var w = c.CreateWriter(); (${tok}).WriteTo(w); return c.ToString(Formatting.None) + "|" + c.Count;`),
    ),
  ),
  b("write.sequence", "string", `var a = new JArray(); var w = a.CreateWriter(); new JArray(1).WriteTo(w); new JValue(2).WriteTo(w); JToken.Parse("{}").WriteTo(w); new JArray().WriteTo(w); return a.ToString(Formatting.None);`),
  b("write.properties", "string", `var o = new JObject(); var w = o.CreateWriter(); new JProperty("x", 1).WriteTo(w); new JProperty("y", new JArray(1)).WriteTo(w); JObject.Parse("{\\"q\\":{\\"r\\":2}}").First.WriteTo(w); return o.ToString(Formatting.None);`),
  b("write.duplicate", "string", `var o = new JObject(); var w = o.CreateWriter(); new JProperty("x", 1).WriteTo(w); new JProperty("x", 2).WriteTo(w); return o.ToString(Formatting.None);`),
  b("write.value.after.property", "string", `var o = new JObject(); var w = o.CreateWriter(); new JProperty("x", 1).WriteTo(w); new JValue(2).WriteTo(w); return o.ToString(Formatting.None);`),
  b("write.after.failure", "string", `var o = new JObject(); var w = o.CreateWriter(); try { new JArray(1).WriteTo(w); } catch (ArgumentException) { } new JProperty("a", 1).WriteTo(w); return o.ToString(Formatting.None);`),
  b("write.after.failure.value", "string", `var a = new JArray(); var w = a.CreateWriter(); try { new JProperty("a", 1).WriteTo(w); } catch (ArgumentException) { } new JValue(1).WriteTo(w); return a.ToString(Formatting.None);`),
  b("write.copies", "string", `var a = new JArray(); var w = a.CreateWriter(); var src = JObject.Parse("{\\"a\\":[1]}"); src.WriteTo(w); ((JArray)a[0]["a"]).Add(2); return src.ToString(Formatting.None) + "|" + a.ToString(Formatting.None) + "|" + (a[0]["a"].Parent.Parent == a[0]);`),
  b("write.two.writers", "string", `var a = new JArray(); var w = a.CreateWriter(); new JValue(1).WriteTo(w); var w2 = a.CreateWriter(); new JValue(2).WriteTo(w2); new JValue(3).WriteTo(w); return a.ToString(Formatting.None);`),
  b("write.null.writer", "string", `new JValue(1).WriteTo(null); return "x";`),
  b("write.nested.container", "string", `var o = JObject.Parse("{\\"a\\":{\\"b\\":[]}}"); var w = ((JContainer)o["a"]["b"]).CreateWriter(); new JValue(1).WriteTo(w); JToken.Parse("{\\"c\\":2}").WriteTo(w); return o.ToString(Formatting.None) + "|" + o.SelectToken("a.b[1].c").Path;`),
  // ---- using: Dispose closes; what a closed writer and reader still do ---------------------------------
  b("using.writer", "string", `var a = new JArray(); using (var w = a.CreateWriter()) { JToken.Parse("[1,{\\"x\\":[]}]").WriteTo(w); } return a.ToString(Formatting.None);`),
  b("using.writer.after", "string", `var a = new JArray(); var w = a.CreateWriter(); using (w) { new JValue(1).WriteTo(w); } new JValue(2).WriteTo(w); return a.ToString(Formatting.None);`),
  b("using.reader", "string", `JToken t; using (var r = JToken.Parse("{\\"a\\":[1]}").CreateReader()) { t = JToken.ReadFrom(r); } return t.ToString(Formatting.None);`),
  b("using.reader.closed", "string", `var r = JToken.Parse("[1,2]").CreateReader(); using (r) { } return JToken.ReadFrom(r).ToString();`),
  b("using.reader.closed.after", "string", `var r = JToken.Parse("[1,2]").CreateReader(); JToken.ReadFrom(r); using (r) { } return JToken.ReadFrom(r).ToString();`),
  b("using.rawcreate.closed", "string", `var r = JToken.Parse("[1,2]").CreateReader(); using (r) { } return JRaw.Create(r).ToString();`),
  // ---- nulls and the round trip --------------------------------------------------------------------
  c("load.null", "string", `JToken.Load(null).ToString()`),
  c("readfrom.null", "string", `JToken.ReadFrom(null).ToString()`),
  c("object.load.null", "string", `JObject.Load(null).ToString()`),
  c("rawcreate.null", "string", `JRaw.Create(null).ToString()`),
  b("createreader.null", "string", `JToken t = null; return JToken.Load(t.CreateReader()).ToString();`),
  b("createwriter.null", "string", `JArray a = null; new JValue(1).WriteTo(a.CreateWriter()); return "x";`),
  c("roundtrip.deepequals", "bool", `JToken.DeepEquals(JToken.Load(JToken.Parse("{\\"a\\":[1,2.5,{\\"b\\":null}],\\"c\\":\\"2020-01-01T00:00:00Z\\"}").CreateReader()), JToken.Parse("{\\"a\\":[1,2.5,{\\"b\\":null}],\\"c\\":\\"2020-01-01T00:00:00Z\\"}"))`),
  c("reader.tostring", "string", `((object)JToken.Parse("1").CreateReader()).ToString()`),
  c("writer.tostring", "string", `((object)new JArray().CreateWriter()).ToString()`),
  c("comparer.tostring", "string", `((object)JToken.EqualityComparer).ToString()`),
  // ---- JToken.EqualityComparer where an IEqualityComparer<JToken> goes: DeepEquals as the key equality ----
  ...[
    [`JToken.Parse("{\\"a\\":1,\\"b\\":2}")`, `JToken.Parse("{\\"b\\":2,\\"a\\":1}")`, `JToken.Parse("[1,2]")`, `JToken.Parse("[2,1]")`],
    [`new JValue(1)`, `new JValue(1L)`, `new JValue(1.0)`, `new JValue("1")`, `JValue.CreateNull()`, `new JValue((object)null)`],
    [`new JValue(new DateTime(2020, 1, 1))`, `JToken.Parse("\\"2020-01-01T00:00:00\\"")`, `new JValue(new byte[] { 1 })`, `new JValue(new byte[] { 1 })`, `new JValue(Guid.Empty)`, `new JValue(Guid.Empty.ToString())`],
    [`new JProperty("a", 1)`, `new JProperty("a", 1)`, `new JProperty("b", 1)`, `JToken.Parse("{}")`, `new JArray()`, `new JObject()`],
  ].map((ts, i) => c(`comparer.lookup.${i}`, "string", `string.Join(";", new JToken[] { ${ts.join(", ")} }.ToLookup(t => t, JToken.EqualityComparer).Select(g => g.Key.ToString(Formatting.None) + "x" + g.Count()))`)),
];

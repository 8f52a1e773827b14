// Newtonsoft.Json.Linq.JConstructor (session 24): every member APIM allows and every inherited
// member that behaves specially for a constructor, over a matrix of constructors (empty, unnamed,
// values, nested arrays/objects/constructors, comments, null, names with spaces and non-ASCII), and
// JSON text with constructors read by JToken.Parse and JsonConvert.DeserializeObject. Ids
// fzc.s24.jconstructor.*.
import type { DiffCase } from "./cases.js";

// (every case may print indented JSON or a "Parameter name" line: Environment.NewLine, "\r\n" on APIM)
const c = (id: string, type: string, expr: string): DiffCase => ({ id: `fzc.s24.jconstructor.${id}`, type, expr, windowsNewline: true });
const b = (id: string, type: string, body: string): DiffCase => ({ id: `fzc.s24.jconstructor.${id}`, type, expr: body, block: true, windowsNewline: true });

/**
 * Each expression's answer, `|`-separated; an exception as its type (an ArgumentException with the
 * first line of its message: Json.NET's own text), so one case shows a whole row of the matrix.
 */
const each = (setup: string, exprs: string[]): string =>
  `var r = ""; ${setup} ${exprs
    .map(
      (e) =>
        `try { r += (${e}) + "|"; } catch (ArgumentNullException) { r += "!AN|"; } catch (ArgumentOutOfRangeException) { r += "!AOOR|"; } catch (ArgumentException x) { r += "!A:" + x.Message.Split('\\n')[0].Trim() + "|"; } catch (InvalidCastException) { r += "!IC|"; } catch (InvalidOperationException) { r += "!IO|"; } catch (NullReferenceException) { r += "!NR|"; } catch (Exception) { r += "!E|"; }`,
    )
    .join(" ")} return r;`;

/** Constructors of every shape the members meet. */
const CONSTRUCTORS: [string, string][] = [
  ["unnamed", `new JConstructor()`],
  ["empty", `new JConstructor("D")`],
  ["values", `new JConstructor("V", 1, 2)`],
  ["mixed", `new JConstructor("a b", "x", null, true, 1.5, -0.0, 1e15, "")`],
  ["nested", `new JConstructor("N", new JArray(1, new JObject(new JProperty("k", 2))), new JObject(new JProperty("a", new JConstructor("E", 3))), new JConstructor("F"))`],
  ["comments", `new JConstructor("C", JValue.CreateComment("c"), 1, JValue.CreateComment("d"))`],
  ["parsed", `(JConstructor)JToken.Parse("new Date(1, [2, {b: new X()}], 'q')")`],
  ["nullcontent", `new JConstructor("D", (object)null)`],
  ["unicode", `new JConstructor("\\u00e99", new int[] { 1, 2 }, new List<string> { "s" })`],
  ["copy", `new JConstructor(new JConstructor("K", new JArray(7), new JConstructor("L", 8)))`],
];

/** What a constructor shows: its own members and the inherited ones that treat it specially. */
const MEMBERS: [string, string[]][] = [
  ["own", [`c.Name ?? "NULL"`, `c.Type`, `c.ToString(Formatting.None)`, `c.ToString()`, `c.Count`, `c.HasValues`, `c.Parent == null`, `c.Root == c`]],
  ["items", [`c[0].ToString(Formatting.None)`, `c[1].ToString(Formatting.None)`, `c[c.Count - 1].Type`, `c[c.Count]`, `c[-1]`, `((JToken)c)["a"]`, `((JToken)c)[1L]`, `c.First.ToString(Formatting.None)`, `c.Last.ToString(Formatting.None)`, `c.First.Next.Type`, `c.Last.Previous.Type`]],
  ["paths", [`string.Join(",", c.Children().Select(t => t.Path))`, `string.Join(",", c.Descendants().Select(t => t.Path))`, `new JObject(new JProperty("p", c)).SelectToken("p").Last.Path`, `new JArray(5, c)[1].First.Path`, `string.Join(",", new JProperty("a b", c).Value.Children().Select(t => t.Path))`]],
  ["equality", [`JToken.DeepEquals(c, c.DeepClone())`, `JToken.DeepEquals(c, new JConstructor(c))`, `JToken.DeepEquals(c, new JConstructor("D"))`, `JToken.DeepEquals(c, new JArray(c.Children()))`, `c.Equals(c.DeepClone())`, `new JToken[] { c, c.DeepClone(), new JConstructor("Z", c.Children()), new JArray(c.Children()) }.Distinct(JToken.EqualityComparer).Count()`, `c.DeepClone().ToString(Formatting.None)`, `new JConstructor(c).ToString(Formatting.None)`, `new JConstructor(c).First == c.First`]],
  ["children", [`string.Join(",", c.Children().Select(t => t.Type.ToString()))`, `string.Join(",", c.Values().Select(t => t.ToString(Formatting.None)))`, `c.Descendants().Count()`, `string.Join(",", c.DescendantsAndSelf().Select(t => t.Type.ToString()))`, `string.Join(",", new JArray(c).Children().Children().Select(t => t.Type.ToString()))`, `c.AfterSelf().Count()`, `c.Ancestors().Count()`, `new JArray(c)[0].Children().Select(t => t.Ancestors().Count()).Sum()`]],
  ["convert", [`(string)c`, `(int)c`, `(bool)c`, `(double)c`, `(decimal)c`, `(DateTime)c`, `(byte[])c`, `(Guid)c`, `(TimeSpan)c`, `(long?)c`, `(Uri)c`, `(char)c`, `c.ToObject<object>() ?? "NULL"`, `c.ToObject<int>()`, `new JObject(new JProperty("a", c)).Value<int>("a")`, `new JObject(new JProperty("a", c)).Value<JToken>("a").Type`]],
  ["io", [`JConstructor.Load(c.CreateReader()).ToString(Formatting.None)`, `JToken.ReadFrom(c.CreateReader()).ToString(Formatting.None)`, `JToken.Load(new JArray(c).CreateReader()).ToString(Formatting.None)`, `JArray.Load(c.CreateReader()).Count`, `JConstructor.Load(new JArray(c).CreateReader()).Count`, `JRaw.Create(c.CreateReader()).ToString()`, `JsonConvert.SerializeObject(c)`, `JsonConvert.SerializeObject(c, Formatting.Indented)`, `JToken.FromObject(c).ToString(Formatting.None)`, `JsonConvert.SerializeObject(new JObject(new JProperty("a", c), new JProperty("b", new JArray(c))), Formatting.Indented)`]],
  ["select", [`string.Join(",", c.SelectTokens("[*]").Select(t => t.Type.ToString()))`, `c.SelectToken("[0]") == null ? "none" : c.SelectToken("[0]").Type.ToString()`, `c.SelectToken("[9]") == null`, `c.SelectToken("[9]", true)`, `c.SelectToken("[0:1]", true)`, `string.Join(",", new JObject(new JProperty("o", c)).SelectTokens("$..k").Select(t => t.Path))`, `string.Join(",", new JObject(new JProperty("o", c)).SelectTokens("o[1]").Select(t => t.Path))`, `c.SelectToken("a", true)`]],
];

/** Edits, each on a fresh constructor: JContainer's and JToken's members where the parent is a constructor. */
const EDITS = [
  `c.Add(5);`, `c.Add(new int[] { 6, 7 });`, `c.AddFirst(new int[] { 6, 7 });`, `c.AddFirst(null);`, `c.Add(new JProperty("p", 1));`, `c.AddFirst(new JProperty("p", 1));`,
  `c.First.AddAfterSelf("x");`, `c.Last.AddBeforeSelf(new JArray(8));`, `c.First.AddAfterSelf(new JProperty("p", 1));`, `c.First.Remove();`, `c.Last.Replace(new JConstructor("R"));`,
  `c.Last.Replace(c.First);`, `c[0] = 9;`, `c[c.Count] = 9;`, `c[-1] = 9;`, `c[0] = null;`, `((JToken)c)["k"] = 9;`, `c.Merge(new JConstructor("M", 1));`, `c.Merge(new JConstructor());`,
  `c.Merge(new JArray(2));`, `c.ReplaceAll(new JArray(3));`, `c.ReplaceAll(4);`, `c.RemoveAll();`, `new JArray(c).Merge(new JArray(c));`, `c.Add(c);`,
];
const edits = (make: string): string =>
  `var r = ""; ${EDITS.map(
    (e) =>
      `try { var c = ${make}; ${e} r += c.ToString(Formatting.None) + "|"; } catch (ArgumentNullException) { r += "!AN|"; } catch (ArgumentOutOfRangeException) { r += "!AOOR|"; } catch (ArgumentException x) { r += "!A:" + x.Message.Split('\\n')[0].Trim() + "|"; } catch (InvalidOperationException) { r += "!IO|"; } catch (Exception) { r += "!E|"; }`,
  ).join(" ")} return r;`;

/** Writes through JContainer.CreateWriter() with JToken.WriteTo: into an array, an object's property, a constructor. */
const WRITES: [string, string][] = [
  ["array", `var a = new JArray(); var w = a.CreateWriter(); c.WriteTo(w); c.WriteTo(w); return a.ToString(Formatting.None);`],
  ["using", `var a = new JArray(1); using (var w = a.CreateWriter()) { new JProperty("p", c).Value.WriteTo(w); } return a.ToString(Formatting.None);`],
  ["object", `var o = new JObject(); var w = o.CreateWriter(); new JProperty("p", c).WriteTo(w); return o.ToString(Formatting.None);`],
  ["object.bare", `var o = new JObject(); var w = o.CreateWriter(); try { c.WriteTo(w); } catch (ArgumentException e) { return "A:" + e.Message; } return o.ToString(Formatting.None);`],
  ["into", `var k = new JConstructor("W"); var w = k.CreateWriter(); c.WriteTo(w); new JArray(1).WriteTo(w); JValue.CreateComment("m").WriteTo(w); try { new JProperty("p", 1).WriteTo(w); } catch (ArgumentException e) { return k.ToString(Formatting.None) + "|A:" + e.Message; } return k.ToString(Formatting.None);`],
];

/** JSON text with constructors: the reader's syntax (white space, names, commas, comments) and its errors. */
const TEXTS = [
  "new Date(1, 2)", "new  Date ( 1 , 2 )", "new D\\n(1)", "new\\nD(1)", "new\\tD(1)", "new\\u00a0D(1)", "new 1(2)", "new \\u00e9(1)", "new D9(1)",
  "new Date(1,)", "new Date(,)", "new Date(,1)", "new D(1,,2)", "new D( )", "new D(1,2,)",
  "new D(/*c*/1)", "new D(1/*c*/)", "new D(1, //c\\n 2)", "new D(/*a*/ /*b*/)",
  "new D(true, null, 'x', undefined, NaN, 1.5, -2, 1e3, \"2020-01-01T00:00:00Z\")",
  "[1,new D(),2]", "{a:new D(), b: new E(new F({c: [new G(1)]}))}", "new D(new E(new F()))", "new D({a:1}, [2])", "new D(1) ",
  "new D(1)//c",
  // errors: JsonReaderException, and an empty name the JConstructor constructor rejects (ArgumentException)
  "new Date", "new", "new ", "newDate(1)", "new(1)", "new (1)", "new a.b(1)", "new $x(1)", "new _x(1)", "new D-x(1)", "new 'D'(1)",
  "new D(1 2)", "new D(1", "new D(", "new D(1]", "new D(1}", "new D(){}", "new D()x", "new D(1),", "new D((1))", "nex D(1)",
];

/** JSON arrays as the same reader reads them: comments are items, a comma where a value belongs an Undefined item; objects drop comments. */
const ARRAY_TEXTS = ["[1,,2]", "[,1]", "[,]", "[1,]", "[1,,]", "[/*c*/1]", "[1/*c*/]", "[1,/*c*/2]", "[1 /*c*/, 2]", "[//x\\n1]", "{a:/*c*/1}", "{/*c*/a:1}", "{a:1/*c*/}", "{a:1,/*c*/b:2}", "[{a:[/*q*/]}]", "[1]/*c*/", "1/*c*/", "{a:[1,,2]}", "[[,]]", "[ /*a*/ /*b*/ ]", "[1,\\n//c\\n]"];

/** JsonConvert.DeserializeObject of constructors: `new Date(ms)` becomes a date where the serializer builds tokens, other constructors stay; a .NET target fails. */
const DESERIALIZE: [string, string, string][] = [
  ["object.obj", "string", `((JToken)JsonConvert.DeserializeObject("{a: new Date(1), b: new D(2), c: [new Date(-1000)]}")).ToString(Formatting.None)`],
  ["object.arr", "string", `((JToken)JsonConvert.DeserializeObject("[new Date(1), new Date(-62135596800000), new X(2), new Date(0)]")).ToString(Formatting.None)`],
  ["object.type", "string", `((JToken)JsonConvert.DeserializeObject("{a: new Date(1)}"))["a"].Type.ToString()`],
  ["object.top", "object", `JsonConvert.DeserializeObject("new D(1)")`],
  ["object.top.date", "object", `JsonConvert.DeserializeObject("new Date(1)")`],
  ["date.two", "object", `JsonConvert.DeserializeObject("[new Date(1, 2)]")`],
  ["date.none", "object", `JsonConvert.DeserializeObject("[new Date()]")`],
  ["date.string", "object", `JsonConvert.DeserializeObject("[new Date('x')]")`],
  ["date.float", "object", `JsonConvert.DeserializeObject("[new Date(1.5)]")`],
  ["date.comment", "object", `JsonConvert.DeserializeObject("[new Date(/*c*/1)]")`],
  ["jtoken", "string", `JsonConvert.DeserializeObject<JToken>("{a: new Date(1), b: new date(2)}").ToString(Formatting.None)`],
  ["jtoken.top", "string", `JsonConvert.DeserializeObject<JToken>("new Date(1)").ToString(Formatting.None)`],
  ["jtoken.top.other", "string", `JsonConvert.DeserializeObject<JToken>("new D(1, new Date(2))").ToString(Formatting.None)`],
  ["jobject", "string", `JsonConvert.DeserializeObject<JObject>("{a: new Date(1)}").ToString(Formatting.None)`],
  ["jarray", "string", `JsonConvert.DeserializeObject<JArray>("[new Date(1), new D(2)]").ToString(Formatting.None)`],
  ["jconstructor", "string", `JsonConvert.DeserializeObject<JConstructor>("new D(1)").ToString(Formatting.None)`],
  ["jconstructor.date", "string", `JsonConvert.DeserializeObject<JConstructor>("new Date(1)").ToString(Formatting.None)`],
  ["string", "string", `JsonConvert.DeserializeObject<string>("new D(1)")`],
  ["int", "int", `JsonConvert.DeserializeObject<int>("new D(1)")`],
  ["datetime", "DateTime", `JsonConvert.DeserializeObject<DateTime>("new Date(1)")`],
  ["dict.object", "int", `JsonConvert.DeserializeObject<Dictionary<string, object>>("{a: new Date(1)}").Count`],
  ["dict.object.nested", "string", `JsonConvert.DeserializeObject<Dictionary<string, object>>("{a: {b: new Date(1)}}")["a"].ToString()`],
  ["dict.string", "int", `JsonConvert.DeserializeObject<Dictionary<string, string>>("{a: new D(1)}").Count`],
  ["list.object", "int", `JsonConvert.DeserializeObject<List<object>>("[new D(2)]").Count`],
  ["list.string", "int", `JsonConvert.DeserializeObject<List<string>>("[new D(2)]").Count`],
  ["array.int", "int", `JsonConvert.DeserializeObject<int[]>("[new D(2)]").Length`],
  ["parse.kept", "string", `JObject.Parse("{a: new Date(1)}").ToString(Formatting.None)`],
  ["parse.jarray", "string", `JArray.Parse("new D(1)").ToString(Formatting.None)`],
  ["parse.jobject", "string", `JObject.Parse("new D(1)").ToString(Formatting.None)`],
  // ToObject<T>() and JRaw.Create copy through JsonWriter.WriteToken too (read integers are Int64, which WriteConstructorDate unboxes)
  ["toobject.jtoken", "string", `JToken.Parse("new Date(1)").ToObject<JToken>().ToString(Formatting.None)`],
  ["toobject.jarray", "string", `JToken.Parse("[new Date(2), new D(new Date(3))]").ToObject<JArray>().ToString(Formatting.None)`],
  ["toobject.jobject", "string", `JToken.Parse("{a: new Date(1, 2)}").ToObject<JObject>().ToString(Formatting.None)`],
  ["toobject.object", "string", `JToken.Parse("{a: new Date(1)}").ToObject<object>().ToString()`],
  ["toobject.copy", "bool", `JToken.Parse("[new D(1)]").ToObject<JArray>() == JToken.Parse("[new D(1)]")`],
  ["toobject.unnamed", "string", `new JArray(new JConstructor()).ToObject<JArray>().ToString()`],
  ["jraw.date", "string", `JRaw.Create(JToken.Parse("[1, new Date(1000), new D(new Date(-1))]").CreateReader()).ToString()`],
  ["jraw.date.bad", "string", `JRaw.Create(JToken.Parse("new Date('x')").CreateReader()).ToString()`],
  ["jraw.unnamed", "string", `JRaw.Create(new JArray(new JConstructor()).CreateReader()).ToString()`],
  // (seed 34490) the serializer's JTokenWriter makes an Undefined value Null (a text writer keeps it); an empty name fails there
  ["undefined.object", "string", `((JToken)JsonConvert.DeserializeObject("[new D(1,,2,)]")).ToString(Formatting.None)`],
  ["undefined.jtoken", "string", `JsonConvert.DeserializeObject<JToken>("[undefined, new D(undefined), {a: undefined}]").ToString(Formatting.None)`],
  ["undefined.jtoken.top", "string", `JsonConvert.DeserializeObject<JToken>("undefined").Type.ToString()`],
  ["undefined.jraw", "string", `JRaw.Create(JToken.Parse("[undefined, new D(undefined)]").CreateReader()).ToString()`],
  ["undefined.toobject", "string", `JToken.Parse("[undefined, new D()]").ToObject<JArray>().ToString(Formatting.None)`],
  ["emptyname.object", "string", `((JToken)JsonConvert.DeserializeObject("[new (1)]")).ToString(Formatting.None)`],
  ["emptyname.jtoken", "string", `JsonConvert.DeserializeObject<JToken>("new (1)").ToString(Formatting.None)`],
  ["emptyname.string", "string", `JsonConvert.DeserializeObject<string>("new ()")`],
  ["emptyname.list", "int", `JsonConvert.DeserializeObject<List<object>>("[new ()]").Count`],
  // (seed 34490) ToObject<Dictionary<string, object>>()/ToObject<List<T>>() read a constructor value as the serializer does
  ["toobject.dict.object", "int", `JObject.Parse("{b: new D(1, 2), c: {d: new E()}}").ToObject<Dictionary<string, object>>().Count`],
  ["toobject.dict.object.empty", "int", `JObject.Parse("{b: new D()}").ToObject<Dictionary<string, object>>().Count`],
  ["toobject.dict.nested", "string", `JObject.Parse("{c: {d: new Date(5)}}").ToObject<Dictionary<string, object>>()["c"].ToString()`],
  ["toobject.dict.string", "int", `JObject.Parse("{b: new D(1)}").ToObject<Dictionary<string, string>>().Count`],
  ["toobject.list.object", "int", `JArray.Parse("[1, new D(1)]").ToObject<List<object>>().Count`],
  ["toobject.list.int", "int", `JArray.Parse("[1, new D(1)]").ToObject<List<int>>().Count`],
  // comments in arrays are tokens now: the serializer passes over them into .NET collections
  ["comments.list.int", "string", `string.Join(",", JsonConvert.DeserializeObject<List<int>>("[1, /*c*/ 2 //d\\n]"))`],
  ["comments.array.string", "string", `string.Join(",", JsonConvert.DeserializeObject<string[]>("[/*c*/'a', 'b'/*d*/]"))`],
  ["comments.toobject", "string", `string.Join(",", JArray.Parse("[1, /*c*/ 2]").ToObject<List<long>>())`],
  ["comments.object", "string", `((JToken)JsonConvert.DeserializeObject("[1, /*c*/ 2]")).ToString(Formatting.None)`],
  ["comments.jtoken", "string", `JsonConvert.DeserializeObject<JArray>("[/*c*/]").Count.ToString()`],
];

/** The constructors of JConstructor over names and contents. */
const CTORS: [string, string][] = [
  ["none", `new JConstructor().ToString(Formatting.None)`],
  ["name", `new JConstructor("D").ToString(Formatting.None)`],
  ["name.null", `new JConstructor((string)null).ToString(Formatting.None)`],
  ["name.empty", `new JConstructor("").ToString(Formatting.None)`],
  ["name.space", `new JConstructor(" ", 1).ToString(Formatting.None)`],
  ["name.quote", `new JConstructor("a\\"b(", 1).ToString(Formatting.None)`],
  ["content.null.name", `new JConstructor(null, 1).ToString(Formatting.None)`],
  ["content.empty.name", `new JConstructor("", 1).ToString(Formatting.None)`],
  ["content.object", `new JConstructor("D", (object)new int[] { 1, 2 }).ToString(Formatting.None)`],
  ["content.params", `new JConstructor("D", new int[] { 1, 2 }, null, new string[0], new JArray()).ToString(Formatting.None)`],
  ["content.nested", `new JConstructor("D", new object[] { new int[] { 2, 3 }, new int[] { 4 } }).ToString(Formatting.None)`],
  ["content.nullarray", `new JConstructor("D", (object[])null).ToString(Formatting.None)`],
  ["content.char", `new JConstructor("D", 'c').ToString(Formatting.None)`],
  ["content.chars", `new JConstructor("D", 'c', 1).ToString(Formatting.None)`],
  ["content.property", `new JConstructor("D", new JProperty("a", 1)).ToString(Formatting.None)`],
  ["content.object.token", `new JConstructor("D", new JObject(new JProperty("a", 1))).ToString(Formatting.None)`],
  ["content.double", `new JConstructor("D", 1.0, 2.5f, 3m, 4L).ToString(Formatting.None)`],
  ["content.date", `new JConstructor("D", new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), TimeSpan.FromHours(1)).ToString(Formatting.None)`],
  ["content.parented", `new JConstructor("D", new JArray(new JConstructor("E", 1))[0]).ToString(Formatting.None)`],
  ["copy.null", `new JConstructor((JConstructor)null).ToString(Formatting.None)`],
  ["copy.unnamed", `new JConstructor(new JConstructor()).Name ?? "NULL"`],
  ["in.jobject", `new JObject(new JConstructor("D", 1)).ToString(Formatting.None)`],
  ["in.jarray", `new JArray(new JConstructor("D", 1), new JConstructor("E")).ToString()`],
  ["in.jproperty.params", `new JProperty("p", new JConstructor("D", 1), 2).ToString(Formatting.None)`],
  ["fromobject.jobject", `JObject.FromObject(new JConstructor("D", 1)).ToString()`],
  ["fromobject.jarray", `JArray.FromObject(new JConstructor("D", 1)).ToString()`],
  ["fromobject.list", `JToken.FromObject(new List<JToken> { new JConstructor("D", 1), new JConstructor("Date", 2) }).ToString(Formatting.None)`],
  ["serialize.anon", `JsonConvert.SerializeObject(new { a = new JConstructor("D", 1), b = new JConstructor() })`],
  ["cast.jtoken", `((JConstructor)JToken.Parse("[1]")).Name`],
  ["cast.ok", `((JConstructor)(JToken)new JConstructor("D")).Name`],
  ["is", `JToken.Parse("new D()") is JConstructor`],
  ["concat", `"x" + new JConstructor("D", 1)`],
  ["indented.deep", `new JObject(new JProperty("a", new JConstructor("D")), new JProperty("b", new JConstructor("E", 1, new JConstructor("F", JValue.CreateComment("k"))))).ToString()`],
  ["indented.comments", `new JConstructor("D", JValue.CreateComment("c"), 1, null, JValue.CreateComment("d"), 2, JValue.CreateComment("e")).ToString()`],
  ["raw", `new JConstructor("D", new JRaw("[ 1 ]"), 2).ToString(Formatting.None)`],
  ["reader.tokens", `JConstructor.Load(JObject.Parse("{a: new D(1)}").CreateReader()).Name`],
  ["reader.prop", `JProperty.Load(new JObject(new JProperty("a", new JConstructor("D", 1))).CreateReader()).ToString(Formatting.None)`],
  ["reader.null", `JConstructor.Load(null).Name`],
  ["reader.unnamed", `JConstructor.Load(new JConstructor().CreateReader()).Name`],
  ["reader.twice", `string.Join(",", new JArray(new JConstructor("D", 1), new JConstructor("E")).Children().Select(t => JConstructor.Load(t.CreateReader()).ToString(Formatting.None)))`],
  ["writer.unnamed", `new JArray(new JConstructor()).ToString(Formatting.None)`],
];
const CTOR_BLOCKS: [string, string][] = [
  // EnsureParentToken: a container added to itself (or to a token below it) goes in as a copy
  ["self.array", `var a = new JArray(1); a.Add(a); a.Add(a); return a.ToString(Formatting.None);`],
  ["self.object", `var o = new JObject(new JProperty("a", 1)); o["p"] = o; return o.ToString(Formatting.None);`],
  ["self.root", `var a = new JArray(1, new JArray(2)); ((JArray)a[1]).Add(a); return a.ToString(Formatting.None);`],
  ["self.constructor.root", `var c = new JConstructor("D", 1, new JConstructor("E")); ((JConstructor)c[1]).Add(c); return c.ToString(Formatting.None);`],
  ["merge.obj", `var o = new JObject(new JProperty("a", new JConstructor("D", 1))); o.Merge(new JObject(new JProperty("a", new JConstructor("E", 2)))); return o.ToString(Formatting.None);`],
  ["merge.obj.other", `var o = new JObject(new JProperty("a", new JConstructor("D", 1))); o.Merge(new JObject(new JProperty("a", new JArray(2)))); return o.ToString(Formatting.None);`],
  ["merge.arr", `var o = new JArray(new JConstructor("D", 1)); o.Merge(new JConstructor("E", 2)); o.Merge(new JArray(new JConstructor("F"))); return o.ToString(Formatting.None);`],
];

export const FUZZ_JCONSTRUCTOR_CASES: DiffCase[] = [
  ...CONSTRUCTORS.flatMap(([name, make]) => MEMBERS.map(([group, exprs]) => b(`${group}.${name}`, "string", each(`var c = ${make};`, exprs)))),
  ...CONSTRUCTORS.map(([name, make]) => b(`edit.${name}`, "string", edits(make))),
  ...CONSTRUCTORS.flatMap(([name, make]) => WRITES.map(([w, body]) => b(`write.${w}.${name}`, "string", `var c = ${make}; ${body}`))),
  ...TEXTS.map((t, i) => c(`parse.${i}`, "string", `JToken.Parse("${t.replace(/"/g, '\\"')}").ToString(Formatting.None)`)),
  ...TEXTS.slice(0, 26).map((t, i) => c(`parse.indented.${i}`, "string", `JToken.Parse("${t.replace(/"/g, '\\"')}").ToString()`)),
  ...ARRAY_TEXTS.map((t, i) => c(`array.${i}`, "string", `JToken.Parse("${t.replace(/"/g, '\\"')}").ToString(Formatting.None) + "|" + (JToken.Parse("${t.replace(/"/g, '\\"')}") is JContainer ? ((JContainer)JToken.Parse("${t.replace(/"/g, '\\"')}")).Count : -1)`)),
  ...ARRAY_TEXTS.slice(0, 10).map((t, i) => c(`array.indented.${i}`, "string", `JToken.Parse("${t.replace(/"/g, '\\"')}").ToString()`)),
  ...DESERIALIZE.map(([id, type, expr]) => c(`deserialize.${id}`, type, expr)),
  ...CTORS.map(([id, expr]) => c(`ctor.${id}`, id === "is" ? "bool" : "string", expr)),
  ...CTOR_BLOCKS.map(([id, body]) => b(`ctor.${id}`, "string", body)),
];

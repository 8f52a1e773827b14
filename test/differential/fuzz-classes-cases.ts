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

/** Clocks before and after 1970 (the runtime's millisecond origin), near MinValue and MaxValue. */
const CLOCKS = ["DateTime.MinValue.AddMonths(2)", "new DateTime(1969, 12, 31, 23, 59, 59)", "DateTime.MinValue.AddDays(1)", "DateTime.MaxValue.AddDays(-1)", "new DateTime(2020, 2, 29)"];
const TICKS = [-1, -9999, -10000, -10001, 1, 9999];

/** Token values × Values<T>() targets: Extensions.Convert is Convert.ChangeType (IConvertible's InvalidCastException, not the explicit operators' ArgumentException). */
const TOKENS = ["new JValue(65)", "new JValue(65.5)", "new JValue(65.5m)", "new JValue(\"65\")", "new JValue(\"0f8fad5b-d9cb-469f-a165-70867728950e\")", "new JValue(true)", "new JValue(new DateTime(2020, 1, 1))", "new JValue(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))", "new JValue(Guid.Empty)", "new JValue(TimeSpan.Zero)", "new JValue(new Uri(\"http://a/\"))", "new JValue(new byte[] { 1 })"];
const TARGETS = ["int", "char", "string", "DateTime", "Guid", "TimeSpan", "double", "bool", "decimal", "DateTimeOffset"];

export const FUZZ_CLASS_CASES: DiffCase[] = [
  // ---- Json.NET conversions: Values<T>/Value<T> (ChangeType), explicit casts (range checks) ----------
  ...TOKENS.flatMap((t, i) => TARGETS.map((k) => c(`json.values.${i}.${k}`, "string", `string.Join(",", new JArray(${t}).Values<${k}>())`))),
  c("json.convert.0", "string", "string.Join(\",\", JArray.Parse(\"[1, 2.5, \\\"3\\\", true]\").Values<int>())"),
  c("json.convert.1", "string", "string.Join(\",\", JArray.Parse(\"[1, {}]\").Values<int>())"),
  c("json.convert.2", "string", "string.Join(\",\", JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":{}}\").Values<int>())"),
  c("json.convert.3", "string", "string.Join(\",\", JObject.Parse(\"{\\\"a\\\":1,\\\"b\\\":[2]}\").Values<int>())"),
  c("json.convert.4", "string", "string.Join(\",\", JArray.Parse(\"[\\\"2020-01-01T00:00:00Z\\\"]\").Values<double>())"),
  c("json.convert.5", "string", "string.Join(\",\", JArray.Parse(\"[\\\"2020-01-01T00:00:00Z\\\"]\").Values<bool>())"),
  c("json.convert.6", "string", "string.Join(\",\", JArray.Parse(\"[\\\"2020-01-01T00:00:00Z\\\"]\").Values<char>())"),
  c("json.convert.7", "string", "string.Join(\",\", JArray.Parse(\"[\\\"2020-01-01T00:00:00Z\\\"]\").Values<string>())"),
  c("json.convert.8", "string", "string.Join(\",\", new JArray(Guid.Empty).Values<int>())"),
  c("json.convert.9", "string", "string.Join(\",\", new JArray(TimeSpan.Zero).Values<long>())"),
  c("json.convert.10", "string", "string.Join(\",\", new JArray(new byte[]{1}).Values<int>())"),
  c("json.convert.11", "string", "string.Join(\",\", new JArray(new Uri(\"http://a/\")).Values<int>())"),
  c("json.convert.12", "string", "string.Join(\",\", JArray.Parse(\"[null]\").Values<int>())"),
  c("json.convert.13", "string", "string.Join(\",\", JArray.Parse(\"[1e15]\").Values<int>())"),
  c("json.convert.14", "string", "string.Join(\",\", JArray.Parse(\"[1e15]\").Values<long>())"),
  c("json.convert.15", "string", "string.Join(\",\", JArray.Parse(\"[3000000000]\").Values<int>())"),
  c("json.convert.16", "string", "string.Join(\",\", JArray.Parse(\"[-1]\").Values<uint>())"),
  c("json.convert.17", "string", "string.Join(\",\", JArray.Parse(\"[2.5, 3.5]\").Values<int>())"),
  c("json.convert.18", "int", "(int)JToken.Parse(\"1e15\")"),
  c("json.convert.19", "int", "(int)JToken.Parse(\"3000000000\")"),
  c("json.convert.20", "uint", "(uint)JToken.Parse(\"-1\")"),
  c("json.convert.21", "byte", "(byte)JToken.Parse(\"256.0\")"),
  c("json.convert.22", "int", "JToken.Parse(\"[1e15]\")[0].Value<int>()"),
  c("json.convert.23", "double", "JToken.Parse(\"{\\\"a\\\":\\\"2020-01-01T00:00:00Z\\\"}\").Value<double>(\"a\")"),
  c("json.convert.24", "double", "(double)JToken.Parse(\"\\\"2020-01-01T00:00:00Z\\\"\")"),
  c("json.convert.25", "int", "JArray.Parse(\"[1, 2.5, \\\"x\\\"]\").Values<int>().First()"),
  c("json.convert.26", "int", "JArray.Parse(\"[1, 2.5, \\\"x\\\"]\").Values<int>().Single()"),

  // ---- sub-millisecond ticks before 1970 (a negative remainder once carried the wrong day) ----------
  ...CLOCKS.map((d, i) => c(`ticks.datetime.${i}`, "string", `string.Join(",", new long[] { ${TICKS.join(", ")} }.Select(t => ${d}.Add(TimeSpan.FromTicks(t)).ToString("o") + "/" + ${d}.AddTicks(t).Ticks))`)),
  ...CLOCKS.map((d, i) => c(`ticks.datetimeoffset.${i}`, "string", `string.Join(",", new long[] { ${TICKS.join(", ")} }.Select(t => new DateTimeOffset(${d}, TimeSpan.Zero).Add(TimeSpan.FromTicks(t)).ToString("o")))`)),
  // ToOffset adds the offset to the clock before it checks the offset (.NET's DateTime + TimeSpan: "t")
  ...["TimeSpan.FromTicks(-1)", "TimeSpan.FromTicks(1)", "TimeSpan.FromHours(-1)", "TimeSpan.FromMinutes(1)", "TimeSpan.FromHours(15)"].flatMap((o, i) => [
    c(`tooffset.min.${i}`, "string", `DateTimeOffset.MinValue.ToOffset(${o}).ToString("o")`),
    c(`tooffset.max.${i}`, "string", `DateTimeOffset.MaxValue.ToOffset(${o}).ToString("o")`),
    c(`tooffset.mid.${i}`, "string", `new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToOffset(${o}).ToString("o")`),
  ]),
  // new DateTimeOffset(DateTime, TimeSpan) and (long, TimeSpan): the kind's offset, ValidateOffset, ValidateDate in .NET's order
  c("dto.ctor.0", "string", "new DateTimeOffset(new DateTime(2020, 2, 29), TimeSpan.FromHours(2)).ToString(\"o\")"),
  c("dto.ctor.1", "string", "new DateTimeOffset(new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(2)).ToString(\"o\")"),
  c("dto.ctor.2", "string", "new DateTimeOffset(new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero).ToString(\"o\")"),
  c("dto.ctor.3", "string", "new DateTimeOffset(new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Local), TimeSpan.Zero).ToString(\"o\")"),
  c("dto.ctor.4", "string", "new DateTimeOffset(new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Local), TimeSpan.FromHours(1)).ToString(\"o\")"),
  c("dto.ctor.5", "string", "new DateTimeOffset(DateTime.MinValue, TimeSpan.FromHours(2)).ToString(\"o\")"),
  c("dto.ctor.6", "string", "new DateTimeOffset(DateTime.MinValue.AddTicks(3), TimeSpan.FromHours(-2)).ToString(\"o\")"),
  c("dto.ctor.7", "string", "new DateTimeOffset(DateTime.MinValue, TimeSpan.FromTicks(1)).ToString(\"o\")"),
  c("dto.ctor.8", "string", "new DateTimeOffset(DateTime.MinValue, TimeSpan.FromHours(15)).ToString(\"o\")"),
  c("dto.ctor.9", "string", "new DateTimeOffset(637000000000000001L, TimeSpan.FromHours(-5)).ToString(\"o\")"),
  c("dto.ctor.10", "string", "new DateTimeOffset(-1L, TimeSpan.FromHours(-5)).ToString(\"o\")"),
  c("dto.ctor.11", "string", "new DateTimeOffset(0L, TimeSpan.FromHours(1)).ToString(\"o\")"),
  c("dto.ctor.12", "string", "new DateTimeOffset(DateTime.MaxValue.Ticks, TimeSpan.FromHours(-1)).ToString(\"o\")"),
  // ---- interpolation: every hole is evaluated before any is formatted (string.Format's arguments) ----
  c("interp.order.peek", "string", `$"{(new DateTimeOffset(2020, 12, 31, 23, 0, 0, TimeSpan.FromHours(5.5))):K}{((new Stack<long>(2)).Peek())}!"`),
  c("interp.order.parse", "string", `$"{DateTime.MinValue:K}|{int.Parse("x")}"`),
  c("interp.order.last", "string", `$"{int.Parse("x")}|{DateTime.MinValue:K}"`),
  c("interp.order.aligned", "string", `$"={(0),-6:#,##0}|{(new DateTimeOffset(2020, 12, 31, 23, 0, 0, TimeSpan.FromHours(5.5))):K}|{(new DateTime(long.Parse("-9223372036854775808"), DateTimeKind.Unspecified)):f}!"`),
  b("interp.order.side.effects", "string", `int x = 5; return $"{x:D3}{x++}{x:X}|{x}";`),
  b("interp.order.list", "string", `var l = new List<int> { 1 }; return $"{l.Count:D2}-{l.Remove(1)}-{l.Count,4}";`),
  b("interp.order.nested", "string", `int x = 1; return $"{x:D2}{$"{x++:D3}{x}"}{x}";`),
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
  // ---- argument checks and evaluation order: null arguments of static members and constructors,
  // Regex statics (input before pattern), char.IsSurrogatePair (both arguments), Remove(startIndex)
  c("args.0", "string", "Regex.Escape((string)null)"),
  c("args.1", "string", "Regex.Unescape((string)null)"),
  c("args.2", "string", "(new XComment((string)null)).Value"),
  c("args.3", "string", "Encoding.GetEncoding((string)null).WebName"),
  c("args.4", "string", "BitConverter.ToString((byte[])null)"),
  c("args.5", "bool", "(new HMACSHA512((byte[])null)).ProduceLegacyHmacValues"),
  c("args.6", "string", "XElement.Parse(\"<a/>\").GetNamespaceOfPrefix(\"\").NamespaceName"),
  c("args.7", "string", "\"abc\".Remove(3)"),
  c("args.8", "string", "\"abc\".Remove(2)"),
  c("args.9", "bool", "Uri.IsHexEncoding((string)null, 3)"),
  c("args.10", "bool", "Uri.IsHexEncoding(\"abc\", -1)"),
  c("args.11", "bool", "Uri.IsHexEncoding(\"%41\", 0)"),
  c("args.12", "object", "(char.IsSurrogatePair('a', BitConverter.ToChar(new byte[0], 2)) ? \"\".Clone() : \"\".Clone())"),
  c("args.13", "bool", "char.IsSurrogatePair(char.MinValue, (char)(TimeSpan.Compare(TimeSpan.FromMilliseconds(1e15), TimeSpan.Zero)))"),
  c("args.14", "double", "double.Parse((string)null, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)"),
  c("args.15", "string", "new XElement(\"a\", new XAttribute(\"b\", checked((int)(-0.0)))).ToString(SaveOptions.DisableFormatting)"),
  c("args.16", "string", "checked((int)(-0.0)).ToString()"),
  c("args.17", "string", "((int)(-0.0)).ToString()"),
  c("args.18", "string", "WebUtility.UrlEncode(\"3.14\" + '\\uD83D')"),
  c("args.19", "string", "Uri.EscapeDataString(\"a\" + '\\uD83D')"),
  c("args.20", "string", "TimeSpan.Parse(\"1.12345678\").ToString()"),
  c("args.21", "string", "TimeSpan.FromMilliseconds(1e15).ToString()"),
  c("args.22", "string", "Regex.Replace((\"ab\"[5] + \"\"), (new Uri(\"\")).DnsSafeHost, \"\")"),
  c("args.23", "bool", "Regex.IsMatch((('a' != char.Parse(\"\u0130I\u0131i\")) ? \"\" : \"\"), (default(Capture)).Value)"),
  c("args.24", "int", "Convert.ToInt32(\"x=1&y=2\", 10)"),
  b("args.25", "string", "var s = \"\"; Func<string, string> f = x => { s += x; return x; }; return Regex.Replace(f(\"ab\"), f(\"b\"), f(\"c\")) + s;"),
  c("args.26", "bool", "Regex.IsMatch(\"ab\"[5] + \"\", \"(\")"),
  c("args.27", "string", "Regex.Split(((string)null), \"(\")[0]"),
  c("args.28", "string", "\"abc\".Remove(3, 0) + \"abc\".Remove(0)"),
  // ---- double.Equals(object): only a boxed double is equal (a boxed int 0 is not 0.0) ----------------
  c("double.equals.object.0", "string", "new { n = (0.0).Equals((object)(int.Parse(\"0\"))), v = 0L }.ToString()"),
  c("double.equals.object.1", "string", "string.Join(\",\", new object[] { 0, 0.0, -0.0, 1.5, 0L, 0m, 0f, double.NaN, double.PositiveInfinity, (object)null, \"0\" }.Select(o => (0.0).Equals(o) + \"/\" + double.NaN.Equals(o) + \"/\" + (1.5).Equals(o) + \"/\" + double.PositiveInfinity.Equals(o)))"),
  b("double.equals.object.2", "bool", "double x = 2.0; object o = x; return x.Equals(o);"),
  // ---- session 22 (seeds 32001-32003) -------------------------------------------------------------
  // Convert.ToDecimal(object) of a boxed double/float converts as the double (15 significant digits, OverflowException beyond decimal)
  b("s22.todecimal.object", "string", `var r = ""; foreach (var o in new object[] { double.MaxValue, 1.5, 5.0, 1e20, -1e29, 1e-30, 1.5f, float.MaxValue, double.NaN, 7, 7L, 1.0 / 3 }) { try { r += Convert.ToDecimal(o).ToString(CultureInfo.InvariantCulture) + ","; } catch (OverflowException) { r += "Overflow,"; } } return r;`),
  c("s22.todecimal.object.max", "string", `(Convert.ToDecimal((object)double.MaxValue)).ToString("", CultureInfo.InvariantCulture)`),
  // XText/XCData: null value is ArgumentNullException (before later arguments of an anonymous type run)
  c("s22.xtext.null.0", "string", `JsonConvert.SerializeObject(new { n = (new XText((string)null)).Value, v = (new List<int> { }).FindLastIndex(-1, -1, v0 => true) })`),
  c("s22.xtext.null.1", "string", `new XCData((string)null).Value`),
  b("s22.xtext.null.2", "string", `var t = new XText("a"); try { t.Value = null; } catch (ArgumentNullException) { return "ArgumentNullException|" + t.Value; } return "none";`),
  // JObject.GetValue(null): null (Json.NET's GetValue(name, comparison) answers null for a null name)
  c("s22.getvalue.null.0", "string", `(JObject.Parse("{\\"a\\":1}").GetValue((string)null) == null) + "|" + (JObject.Parse("{\\"a\\":1}").GetValue((string)null, StringComparison.OrdinalIgnoreCase) == null) + "|" + JObject.Parse("{\\"a\\":1}").GetValue("a")`),
  c("s22.getvalue.null.1", "JToken", `(JObject.Parse("{\\"a\\":1,\\"b\\":[1,2.5,\\"x\\",null,true],\\"c\\":{\\"d\\":\\"e\\"}}")).GetValue((string)null)`),
  // new Oid((string)null): the friendly-name lookup throws ArgumentNullException
  c("s22.oid.null", "int", `((new Oid((string)null)).Value).LastIndexOf("", int.Parse("1000000"))`),
  // Int16/SByte.ToString(format): a negative value and a format starting with x/X format the unsigned pattern
  c("s22.short.xformat", "string", `string.Join(",", new[] { "x", "X4", "x=1&y=2", "X0.0", "xyz#", "abc", "0", "#x" }.Select(f => short.MinValue.ToString(f, CultureInfo.InvariantCulture) + "/" + ((short)-1).ToString(f, CultureInfo.InvariantCulture) + "/" + ((short)5).ToString(f, CultureInfo.InvariantCulture) + "/" + sbyte.MinValue.ToString(f, CultureInfo.InvariantCulture) + "/" + ((sbyte)-5).ToString(f, CultureInfo.InvariantCulture) + "/" + (-5).ToString(f, CultureInfo.InvariantCulture)))`),
  c("s22.short.xformat.compare", "int", `string.CompareOrdinal(short.MinValue.ToString("x=1&y=2", CultureInfo.InvariantCulture), Uri.UriSchemeNetPipe)`),
  c("s22.short.xformat.interp", "string", `$"{(short)-2:x=#}|{(sbyte)-2:X}|{string.Format("{0:x4}", (short)-2)}"`),
  // mcs artefacts (generate/mcs-variant.ts): mcs leaves out array-initializer elements equal to zero (0.00m),
  // and compiles checked(0 - x) as an unchecked negation; Roslyn keeps the scale and throws
  c("s22.mcs.decimal.array.zero", "string", `new decimal[] { 0.00m, 1.50m % 1.50m, -2.5m % 0.0000000000000000000000000001m }[0] + "|" + new decimal[] { 0.00m, 1.50m % 1.50m }[1]`, {
    // Roslyn ConstantValue.Create(decimal): only a zero of scale 0 is the default constant; 0.00m is kept
    expectDotNet: "0.00|0.00",
  }),
  c("s22.mcs.decimal.array.zero.nonconstant", "string", `new decimal[] { (decimal)(object)0.00m, (decimal)(object)1.50m % (decimal)(object)1.50m }[0] + "|" + new decimal[] { (decimal)(object)0.00m, (decimal)(object)1.50m % (decimal)(object)1.50m }[1]`),
  c("s22.mcs.checked.zero.minus", "int", `checked(0 - int.Parse("-2147483648"))`, {
    // C# spec, subtraction: in a checked context a difference outside the result type throws OverflowException
    expectDotNet: "!OverflowException",
  }),
  c("s22.mcs.checked.zero.minus.nonconstant", "int", `checked(((int)(object)0) - int.Parse("-2147483648"))`),
  // XmlWriter refuses lone surrogates in text, attribute values, comments and CDATA (ArgumentException), a pair is fine
  c("s22.xml.surrogates.0", "string", `new XElement("a", "aaa\\uD83D").ToString()`),
  c("s22.xml.surrogates.1", "string", `new XElement("a", "aaa\\uDE00b").ToString()`),
  c("s22.xml.surrogates.2", "string", `new XElement("a", "\\uD83Dx").ToString()`),
  c("s22.xml.surrogates.3", "string", `new XElement("a", new XAttribute("b", "\\uD83D")).ToString()`),
  c("s22.xml.surrogates.4", "string", `new XElement("a", new XAttribute("b", "\\uDE00")).ToString()`),
  c("s22.xml.surrogates.5", "string", `new XElement("a", new XComment("\\uD83D")).ToString()`),
  c("s22.xml.surrogates.6", "string", `new XElement("a", new XCData("\\uD83D")).ToString()`),
  c("s22.xml.surrogates.7", "string", `new XDocument(new XElement("a", "\\uD83D")).ToString()`),
  c("s22.xml.surrogates.8", "string", `new XElement("a", "\\uD83D\\uDE00").ToString()`),
  c("s22.xml.surrogates.9", "string", `new XElement("a", "x\\uD83D").ToString(SaveOptions.DisableFormatting)`),
  c("s22.xml.surrogates.10", "string", `new XElement("a", "aaa\\uD83D").Value.Length.ToString()`),
  c("s22.xml.surrogate.min", "string", `new XElement("a", ("aaa" + '\\uD83D')).ToString()`),
  // double/float -> decimal as VarDecFromR8/R4: scaled to a 15 (7) digit integer in doubles, rounded half to even
  b("s22.double.to.decimal.matrix", "string", `var r = ""; foreach (var t in new[] { "999999999999998.5", "-9051.957804750426", "8.030210182298128e-17", "123456789012345.5", "123456789012346.5", "0.5", "2.5", "1e-28", "2.5e-28", "5e-29", "4.9e-29", "7.9228162514264337e28", "7.92281625142643e28", "0.1", "0.3", "1e15", "1e16", "12345678.5", "1234567.5", "3.4028234663852886e38" }) { var d = double.Parse(t, CultureInfo.InvariantCulture); try { r += ((decimal)d).ToString(CultureInfo.InvariantCulture); } catch (OverflowException) { r += "Overflow"; } r += "/"; try { r += new decimal((float)d).ToString(CultureInfo.InvariantCulture); } catch (OverflowException) { r += "Overflow"; } r += " "; } return r;`),
  c("s22.double.to.decimal.concat", "string", `("3.14" + (decimal)(double.Parse("1e15") - 1.5))`),
  // new Uri(base, "") is the base, fragment included
  c("s22.uri.resolve.empty", "string", `string.Join(" ; ", new[] { "", " ", "#g", "?q", "d", "." }.Select(r => new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), r) + " | " + new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), new Uri(r, UriKind.Relative)).AbsoluteUri))`),
  c("s22.uri.resolve.empty.min", "string", `(new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), "")).ToString()`),
  // HashSet comparisons read a deferred `other` only as far as .NET Framework's HashSet (CheckUniqueAndUnfoundElements, count shortcuts)
  b("s22.hashset.lazy.SetEquals", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.SetEquals(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.SetEquals(q) + ":" + n + " "; } return r;`),
  b("s22.hashset.lazy.IsSubsetOf", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSubsetOf(q) + ":" + n + " "; } return r;`),
  b("s22.hashset.lazy.IsSupersetOf", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsSupersetOf(q) + ":" + n + " "; } return r;`),
  b("s22.hashset.lazy.IsProperSubsetOf", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSubsetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSubsetOf(q) + ":" + n + " "; } return r;`),
  b("s22.hashset.lazy.IsProperSupersetOf", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSupersetOf(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.IsProperSupersetOf(q) + ":" + n + " "; } return r;`),
  b("s22.hashset.lazy.Overlaps", "string", `var r = ""; { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int>().Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int>().Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int>().Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 1, 2, 3, 4, 5 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 2, 3, 4 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 9, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int>().Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.Overlaps(q) + ":" + n + " "; } { int n = 0; var q = new List<int> { 1, 1, 2 }.Select(x => { n++; return x; }); r += new HashSet<int> { 9 }.Overlaps(q) + ":" + n + " "; } return r;`),
  c("s22.hashset.lazy.values", "bool", `(new HashSet<string> {  }).SetEquals((new List<JToken> { JToken.Parse("\\"s\\""), JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2}]}") }).Values<string>())`),
  c("s22.hashset.lazy.superset", "int", `Array.FindIndex<long>(new long[] { 42L }, v3 => (new HashSet<decimal> {  }).IsSupersetOf((((JContainer)JObject.Parse("{\\"n\\":1e15,\\"f\\":1.0,\\"s\\":\\"2020-01-01T00:00:00Z\\"}")).Descendants()).Values<decimal>()))`),
  // RSA.VerifyData/SignData(data, offset, count, ...): the range is checked before the signature, hash name and padding
  c("s22.rsa.verifydata.order", "string", `((RSA.Create()).VerifyData(Encoding.UTF8.GetBytes("h\u00e9llo"), 255, 2, new byte[0], new HashAlgorithmName("3.14"), RSASignaturePadding.Pss) ? "t" : "f")`),
  c("s22.rsa.verifydata.count", "bool", `RSA.Create().VerifyData(new byte[] { 1, 2 }, 1, 5, null, new HashAlgorithmName("x"), null)`),
  c("s22.rsa.signdata.order", "int", `RSA.Create().SignData(new byte[] { 1, 2 }, 3, 0, new HashAlgorithmName("x"), null).Length`),
  // Nullable<double/float/char>.ToString shows the value as the double, float or char does
  c("s22.nullable.tostring", "string", `((double?)1e15).ToString() + "|" + (new Nullable<double>(0.1 + 0.2)).ToString() + "|" + ((float?)1.5f).ToString() + "|" + ((char?)(char)97).ToString() + "|" + ((int?)null).ToString() + "|" + ((double?)null).ToString() + "|" + ((long?)5L).ToString() + "|" + ((decimal?)1.50m).ToString()`),
  c("s22.nullable.tostring.min", "string", `(new Nullable<double>(1e15)).ToString()`),
  // JToken.BeforeSelf() is an iterator: a parentless token throws when enumerated, not when called
  c("s22.json.beforeself.lazy.0", "long", `((JToken.Parse("{}")).BeforeSelf()).Values<long>((object)(new DateTime(2024, 6, 30))).ElementAtOrDefault(-1)`),
  c("s22.json.beforeself.lazy.1", "string", `(JToken.Parse("42").BeforeSelf() != null).ToString()`),
  b("s22.json.beforeself.lazy.2", "string", `var q = JToken.Parse("42").BeforeSelf(); try { return q.Count().ToString(); } catch (NullReferenceException) { return "NRE at enumeration"; }`),
  // RijndaelManaged (SymmetricAlgorithm.Create()) makes a random key and IV for null ones
  c("s22.rijndael.null.key", "string", `SymmetricAlgorithm.Create().CreateDecryptor((byte[])null, (byte[])null).InputBlockSize + "|" + SymmetricAlgorithm.Create().CreateEncryptor((byte[])null, (byte[])null).OutputBlockSize`),
  c("s22.rijndael.null.key.order", "decimal", `new decimal(((SymmetricAlgorithm.Create()).CreateDecryptor((new RSAParameters()).Modulus, (new RSAParameters()).Modulus)).TransformBlock(WebUtility.UrlEncodeToBytes(new byte[] { 0, 255, 128, 1 }, 7, 5), 0, 0, new byte[] { 0, 255, 128, 1 }, 0), 0, -1, true, byte.MinValue)`),
  // seed 32003: Uri.IsHexEncoding's room is int arithmetic; char.IsXxx(string, int) reads a surrogate pair as its code point;
  // ToBase64CharArray of an empty array writes nothing first; Enumerable.Range's last element must be an int; Average(long)
  // sums while enumerating; a relative URI with a colon in its first segment is not well formed; XAttribute.ToString makes up p0
  c("s22.uri.ishex.wrap", "double", `double.Parse((string.Concat<string>(((Enumerable.Repeat<double>(double.Epsilon, 2)).Select((v4, v5) => "")).TakeWhile(v6 => Uri.IsHexEncoding("ab", int.MinValue))) + 0), NumberStyles.Currency)`),
  c("s22.char.pair.categories", "string", `string.Join(",", new[] { "\\uD83D\\uDE00x", "\\uD835\\uDFCEy", "\\uD801\\uDC00z", "a\\uD83D", "\\uDE00" }.Select(s => char.IsSymbol(s, 0) + "/" + char.IsDigit(s, 0) + "/" + char.IsLetter(s, 0) + "/" + char.IsNumber(s, 0) + "/" + char.IsSeparator(s, 0) + "/" + (int)char.GetUnicodeCategory(s, 0) + "/" + char.IsSymbol(s, s.Length - 1)))`),
  c("s22.char.pair.anonymous", "string", `string.Join("|", new[] { new { n = true, v = 0 }, new { n = char.IsSymbol("\\uD83D\\uDE00x", 0), v = 0 } }.Select(o => o.n + ":" + o.v))`),
  c("s22.tobase64chars.empty", "string", `Convert.ToBase64CharArray(new byte[0], 0, 0, new char[] {  }, 1) + "|" + Convert.ToBase64CharArray(new byte[0], 0, 0, new char[0], 0)`),
  c("s22.range.overflow", "string", `string.Join(",", new[] { 0, 1, 2, 3 }.Select(n => { try { return Enumerable.Range(int.MaxValue - 1, n).Count().ToString(); } catch (ArgumentOutOfRangeException) { return "AOOR"; } }))`),
  c("s22.average.long.order", "bool", `(new List<double> { ((new List<long> { long.Parse("9007199254740993"), long.Parse("9223372036854775807") }).Union((new List<string> { "1e3" }).Cast<long>())).Average() }).Contains(0.0)`),
  c("s22.uri.wellformed.colon", "string", `string.Join(",", new[] { "2020-02-29T23:59:59Z", "a/b:c", "?x:y", "#a:b", "ab:c", "x" }.Select(s => Uri.IsWellFormedUriString(s, UriKind.Relative) + "/" + Uri.IsWellFormedUriString(s, UriKind.RelativeOrAbsolute)))`),
  c("s22.xattribute.p0", "string", `(new XAttribute((XElement.Parse("<n:a xmlns:n=\\"urn:n\\"><n:b>t</n:b></n:a>")).Name, (object)(1e21))).ToString() + "|" + XElement.Parse("<n:a xmlns:n=\\"urn:n\\" n:c=\\"1\\"/>").LastAttribute.ToString()`),
  // TimeSpan parts of a small negative span are 0, not -0 (printed "-0" once boxed into XML)
  c("s22.timespan.parts.zero", "string", `new XElement("a", new XAttribute("b", (TimeSpan.FromTicks(-1)).Minutes), new XAttribute("c", TimeSpan.FromTicks(-1).Days), new XAttribute("d", TimeSpan.FromTicks(-1).Hours), new XAttribute("e", TimeSpan.FromTicks(-1).Seconds), new XAttribute("f", TimeSpan.FromTicks(-1).Milliseconds), new XAttribute("g", TimeSpan.FromTicks(-10001).Milliseconds)).ToString(SaveOptions.DisableFormatting)`),
];

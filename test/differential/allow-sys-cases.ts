// Differential cases for the allow-list members of System, System.Collections.Generic and System.Text
// that apimc gained in session 23 (docs/surface-coverage.md): matrices over each member's interesting
// inputs (limits, zero, signs, nulls, surrogates, every TypeCode), generated here, not one case each.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `allowsys.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `allowsys.${id}`, type, expr: body, block: true, ...opts });
/** `a + "|" + b + ...` over C# expressions. */
const bar = (xs: string[]): string => xs.map((x) => `(${x})`).join(` + "|" + `);
/** The same for statements: "ok" when it runs through. */
const eachStmt = (xs: string[]): string =>
  `var r = new List<string>(); ${xs.map((x) => `try { ${x}; r.Add("ok"); } catch (Exception e) { r.Add(e.ToString().Split(':', '\\n')[0].Trim()); }`).join(" ")} return string.Join("|", r);`;
/** A block that runs each expression in its own try and joins the answers (an exception answers its full type name). */
const each = (xs: string[]): string =>
  `var r = new List<string>(); ${xs.map((x) => `try { r.Add("" + (${x})); } catch (Exception e) { r.Add(e.ToString().Split(':', '\\n')[0].Trim()); }`).join(" ")} return string.Join("|", r);`;

// values of every IConvertible primitive, as C# literals of that type
const PRIMS: [string, string[]][] = [
  ["bool", ["true", "false"]],
  ["char", ["'a'", "'\\0'", "'\\uffff'", "'\\ud83d'"]],
  ["sbyte", ["(sbyte)-128", "(sbyte)127"]],
  ["byte", ["(byte)0", "(byte)255"]],
  ["short", ["(short)-32768", "(short)1"]],
  ["ushort", ["(ushort)65535"]],
  ["int", ["0", "-1", "int.MaxValue"]],
  ["uint", ["4294967295u"]],
  ["long", ["long.MinValue", "5L"]],
  ["ulong", ["ulong.MaxValue"]],
  ["float", ["1.5f", "float.NaN"]],
  ["double", ["0.5", "-0.0", "double.PositiveInfinity", "3.0"]],
  ["decimal", ["1.10m", "decimal.MinValue"]],
];
const BOXED = [...PRIMS.flatMap(([, vs]) => vs), `"s"`, `""`, "(string)null", "DateTime.MinValue", "TimeSpan.Zero", "new[] { 1 }", "DayOfWeek.Friday", "Convert.DBNull", "new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero)", "Guid.Empty.ToString()"];
// TypeCode values, written as GetTypeCode() answers (TypeCode itself is not on the allow-list)
const CODES = ["true.GetTypeCode()", "'a'.GetTypeCode()", "((sbyte)1).GetTypeCode()", "((byte)1).GetTypeCode()", "((short)1).GetTypeCode()", "((ushort)1).GetTypeCode()", "1.GetTypeCode()", "1u.GetTypeCode()", "1L.GetTypeCode()", "1ul.GetTypeCode()", "1f.GetTypeCode()", "1d.GetTypeCode()", "1m.GetTypeCode()", `"".GetTypeCode()`, "Convert.GetTypeCode(null)", "Convert.GetTypeCode(new List<int>())", "Convert.GetTypeCode(Convert.DBNull)", "Convert.GetTypeCode(DateTime.MinValue)"];
// values ChangeType converts (or refuses to)
const CHANGE_VALUES = [`"12"`, `"-1"`, `"true"`, `"x"`, `"2020-01-02"`, "300", "-1", "2.5", "3.5", "1e20", "true", "'A'", "12.345m", "long.MaxValue", "(byte)7", "DateTime.MinValue", "(string)null", "Convert.DBNull", "TimeSpan.Zero", "double.NaN"];

const CHARS = ["'0'", "'9'", "'a'", "'\\u00bd'", "'\\u00b2'", "'\\u2155'", "'\\u216b'", "'\\u2460'", "'\\u0f33'", "'\\u0660'", "'\\uff19'", "'\\u4e00'", "'\\u3007'", "'\\u5146'", "'\\ud835'", "'\\u1372'", "'\\u2189'", "'\\u00bc'"];
const DECIMALS = ["0m", "1m", "-1m", "1.5m", "0.0001m", "0.00005m", "0.00015m", "-0.00005m", "1.23455m", "1.23445m", "-1.23455m", "12.95m", "100m", "1.10m", "922337203685477.5807m", "922337203685477.58075m", "-922337203685477.5808m", "-922337203685477.58085m", "decimal.MaxValue", "decimal.MinValue", "0.0000000000000000000000000001m", "100m / 3m", "1e-5m * 3"];
const CURRENCIES = ["0L", "1L", "-1L", "10L", "10000L", "129500L", "-129500L", "12345L", "100000000L", "long.MaxValue", "long.MinValue", "9007199254740993L", "-10L"];
const UTF7_TEXTS = [`""`, `"Hi Mom -+-!"`, `"A+B"`, `"+"`, `"++"`, `"a+-b"`, `"\\u263a"`, `"\\ud83d\\ude00."`, `"~!@#$%^&*()_{}[]"`, `"\\ud83d"`, `"x\\u00e9y"`, `"line\\r\\n\\ttab"`, `"\\u00e9\\u00e9\\u00e9-"`, `"abc\\u00e9"`, `"a\\\\b"`];
const UTF7_BYTES = ["new byte[] { 0x2b, 0x41, 0x47, 0x45, 0x2d }", "new byte[] { 0x2b, 0x2d }", "new byte[] { 0x2b, 0x41, 0x47, 0xff, 0x41 }", "new byte[] { 0x2b, 0x41, 0x47, 0x2e, 0x41 }", "new byte[] { 0x80, 0x41, 0xfe }", "new byte[] { 0x2b }", "new byte[] { 0x2b, 0x41, 0x47, 0x45 }", "new byte[] { 0x2b, 0x41, 0x47, 0x45, 0x2d, 0x2d }", "new byte[] { 0x2b, 0x5a, 0x5a, 0x5a, 0x2d, 0x41 }", "new byte[] { 0x41, 0x2b, 0x2b, 0x41 }"];

export const ALLOW_SYS_CASES: DiffCase[] = [
  // ---- GetTypeCode / Convert.GetTypeCode / ChangeType / DBNull ------------------------------------
  c("typecode.primitives", "string", bar(PRIMS.flatMap(([, vs]) => vs.map((v) => `(${v}).GetTypeCode().ToString()`)))),
  c("typecode.int", "string", bar(PRIMS.map(([, vs]) => `(int)(${vs[0]}).GetTypeCode()`))),
  c("typecode.compare", "string", bar([`1.GetTypeCode() == 2.GetTypeCode()`, `1.GetTypeCode() == 1L.GetTypeCode()`, `"a".GetTypeCode() != 'a'.GetTypeCode()`, `Convert.GetTypeCode(5) == 7.GetTypeCode()`, `1.5.GetTypeCode() > 1.GetTypeCode()`])),
  c("typecode.string.null", "string", `((string)null).GetTypeCode().ToString()`),
  c("typecode.convert.matrix", "string", bar(BOXED.map((v) => `Convert.GetTypeCode(${v}).ToString()`))),
  c("typecode.object", "string", `Convert.GetTypeCode((object)1.5f).ToString() + Convert.GetTypeCode((object)(short)1) + (int)Convert.GetTypeCode((object)3.0)`),
  b("changetype.matrix", "string", each(CHANGE_VALUES.flatMap((v) => CODES.map((k) => `Convert.ChangeType(${v}, ${k})`)))),
  b("changetype.types", "string", each(CHANGE_VALUES.slice(0, 12).flatMap((v) => CODES.slice(0, 14).map((k) => `Convert.GetTypeCode(Convert.ChangeType(${v}, ${k}))`)))),
  b("changetype.provider", "string", each(CHANGE_VALUES.slice(0, 10).map((v) => `Convert.ChangeType(${v}, 1.GetTypeCode(), CultureInfo.InvariantCulture)`))),
  c("dbnull.uses", "string", bar([`"[" + Convert.DBNull + "]"`, `Convert.DBNull.ToString()`, `Convert.IsDBNull(Convert.DBNull)`, `Convert.IsDBNull(null)`, `Convert.IsDBNull("")`, `Convert.DBNull == Convert.DBNull`, `Convert.DBNull.Equals(Convert.DBNull)`, `Convert.DBNull.Equals(null)`, `Convert.ToString(Convert.DBNull)`, `Convert.DBNull is string`])),
  b("dbnull.converts", "string", each(["Convert.ToInt32(Convert.DBNull)", "Convert.ToBoolean(Convert.DBNull)", "Convert.ToDouble(Convert.DBNull)", "Convert.ToDateTime(Convert.DBNull)", "(string)Convert.DBNull", "(int)Convert.DBNull"])),
  c("dbnull.json", "string", bar([`JsonConvert.SerializeObject(Convert.DBNull)`, `JsonConvert.SerializeObject(new object[] { Convert.DBNull, 1 }, Formatting.None)`, `JToken.FromObject(Convert.DBNull).Type.ToString()`, `new JArray(Convert.DBNull, 1).ToString(Formatting.None)`, `JsonConvert.SerializeObject(new { a = Convert.DBNull })`])),
  // ---- char.GetNumericValue -----------------------------------------------------------------------
  c("numericvalue.chars", "string", bar(CHARS.map((ch) => `char.GetNumericValue(${ch}).ToString("R")`))),
  c("numericvalue.all", "double", `Enumerable.Range(0, 65536).Select(i => char.GetNumericValue((char)i)).Where(v => v != -1).Sum()`),
  c("numericvalue.count", "int", `Enumerable.Range(0, 65536).Count(i => char.GetNumericValue((char)i) != -1)`),
  c("numericvalue.supplementary", "string", `string.Join(",", Enumerable.Range(0x10000, 0x100000).Where(i => i % 7 == 0 || (i >= 0x1D7CE && i <= 0x1D7FF) || (i >= 0x10107 && i <= 0x10133)).Select(i => char.GetNumericValue(char.ConvertFromUtf32(i), 0)).Where(v => v != -1).Select(v => v.ToString("R")))`),
  b("numericvalue.string", "string", each([`char.GetNumericValue("x\\ud835\\udfd9", 1)`, `char.GetNumericValue("x\\ud835\\udfd9", 2)`, `char.GetNumericValue("\\ud835", 0)`, `char.GetNumericValue("12", 1)`, `char.GetNumericValue("12", 2)`, `char.GetNumericValue("12", -1)`, `char.GetNumericValue((string)null, 0)`, `char.GetNumericValue("\\u216b", 0)`])),
  // ---- decimal.GetBits / ToOACurrency / FromOACurrency --------------------------------------------
  c("decimal.getbits", "string", bar(DECIMALS.map((d) => `string.Join(",", decimal.GetBits(${d}))`))),
  b("decimal.tooacurrency", "string", each(DECIMALS.map((d) => `decimal.ToOACurrency(${d})`))),
  c("decimal.fromoacurrency", "string", bar(CURRENCIES.map((l) => `decimal.FromOACurrency(${l}).ToString()`))),
  c("decimal.oacurrency.roundtrip", "string", bar(DECIMALS.slice(0, 14).map((d) => `decimal.FromOACurrency(decimal.ToOACurrency(${d})).ToString()`))),
  c("decimal.getbits.roundtrip", "string", bar(DECIMALS.map((d) => `(new decimal(decimal.GetBits(${d})[0], decimal.GetBits(${d})[1], decimal.GetBits(${d})[2], decimal.GetBits(${d})[3] < 0, (byte)((decimal.GetBits(${d})[3] >> 16) & 0xff)) == ${d})`))),
  // ---- Encoding.UTF7 / Clone ----------------------------------------------------------------------
  c("utf7.bytes", "string", bar(UTF7_TEXTS.map((s) => `BitConverter.ToString(Encoding.UTF7.GetBytes(${s}))`))),
  c("utf7.roundtrip", "string", bar(UTF7_TEXTS.map((s) => `Encoding.UTF7.GetString(Encoding.UTF7.GetBytes(${s})) == ${s}`))),
  c("utf7.decode", "string", bar(UTF7_BYTES.map((x) => `string.Join(",", Encoding.UTF7.GetString(${x}).Select(ch => (int)ch))`))),
  c("utf7.info", "string", bar(["Encoding.UTF7.WebName", "Encoding.UTF7.CodePage", "Encoding.UTF7.WindowsCodePage", "Encoding.UTF7.EncodingName", "Encoding.UTF7.BodyName", "Encoding.UTF7.HeaderName", "Encoding.UTF7.IsSingleByte", "Encoding.UTF7.IsBrowserDisplay", "Encoding.UTF7.IsBrowserSave", "Encoding.UTF7.IsMailNewsDisplay", "Encoding.UTF7.IsMailNewsSave", "Encoding.UTF7.GetPreamble().Length", "Encoding.UTF7.GetMaxByteCount(10)", "Encoding.UTF7.GetMaxCharCount(10)", "Encoding.UTF7.GetMaxCharCount(0)", "Encoding.UTF7.IsReadOnly", "Encoding.UTF7.GetByteCount(\"a\\u00e9b\")", "Encoding.UTF7.GetCharCount(new byte[] { 0x2b, 0x2d })", "Encoding.GetEncoding(\"utf-7\").CodePage", "Encoding.UTF7.Equals(Encoding.UTF8)"])),
  c("encoding.tostring", "string", bar(["UTF8", "ASCII", "Unicode", "UTF32", "UTF7", "BigEndianUnicode"].flatMap((e) => [`Encoding.${e}.ToString()`, `"" + Encoding.${e}.Clone()`, `(Encoding.${e}.Clone() is Encoding)`]).concat([`Encoding.GetEncoding("utf-7").ToString()`, `new StringWriter().Encoding.ToString()`]))),
  // (0: Mono answers UTF-8 as apimc's Encoding.Default does; .NET Framework on Windows the ANSI page)
  b("encoding.codepages", "string", each([0, 1, 2, 3, 42, -1, 65536, 1200, 1201, 12000, 65000, 65001, 20127, 28591, 5, 100, 65535, 2147483647, "int.MinValue", 50000, 999].map((cp) => `Encoding.GetEncoding(${cp}).WebName + " " + Encoding.GetEncoding(${cp}).CodePage`).concat([`new List<int> { 1 }.Cast<object>().OfType<int>().Select(v => Encoding.GetEncoding(v).IsBrowserDisplay).Count()`, `Encoding.GetEncoding(int.Parse("65000")).GetString(Encoding.UTF7.GetBytes("a+b"))`]))),
  c("encoding.clone", "string", bar(["UTF8", "ASCII", "Unicode", "UTF32", "UTF7", "BigEndianUnicode"].flatMap((e) => [`((Encoding)Encoding.${e}.Clone()).IsReadOnly`, `Encoding.${e}.IsReadOnly`, `((Encoding)Encoding.${e}.Clone()).WebName`, `Encoding.${e}.Clone().Equals(Encoding.${e})`, `Encoding.${e}.Equals(Encoding.${e}.Clone())`, `Encoding.${e}.Clone() == Encoding.${e}`, `((Encoding)Encoding.${e}.Clone()).GetString(Encoding.${e}.GetBytes("h\\u00e9"))`]))),
];

// ---- collections: AsReadOnly, IsReadOnly, Comparer, GetValue/SetValue, Capacity -------------------
const ARRAYS: [string, string][] = [
  ["int", "new int[] { 1, 2, 3 }"], ["string", `new string[] { "a", null, "c" }`], ["double", "new double[] { 1.5, 2, double.NaN }"], ["long", "new long[] { 1L, long.MaxValue, -1 }"],
  ["char", "new char[] { 'a', 'b', 'c' }"], ["decimal", "new decimal[] { 1.10m, 2, 3 }"], ["bool", "new bool[] { true, false, true }"], ["object", `new object[] { 1, "x", null }`],
  ["byte", "new byte[] { 1, 2, 255 }"], ["float", "new float[] { 1.5f, 2, 3 }"], ["DateTime", "new DateTime[] { DateTime.MinValue, DateTime.MaxValue, new DateTime(2020, 2, 29) }"], ["short", "new short[] { 1, -1, 3 }"],
];
const INDEXES = ["0", "2", "3", "-1", "1L", "5000000000L", "-3000000000L", "1, 2", "1L, 2L", "1, 2, 3", "1L, 2L, 3L", "new int[] { 1 }", "new long[] { 2 }", "new int[] { 1, 2 }", "new int[0]", "(int[])null", "(long[])null", "new long[] { 5000000000L }"];
const STORED = ["null", "5", "5L", "(short)5", "'a'", "1.5", "2.5f", "1.5m", `"s"`, "true", "(byte)200", "DateTime.MinValue", "(object)(-0.0)", "ulong.MaxValue", "(sbyte)-1", "(ushort)7", "4294967295u"];
const CAPACITY_BLOCKS: [string, string][] = [
  ["adds", `var l = new List<int>(); var caps = new List<int>(); for (int i = 0; i < 40; i++) { caps.Add(l.Capacity); l.Add(i); } return string.Join(",", caps) + "|" + l.Capacity;`],
  ["ctor", `return new List<int>().Capacity + "," + new List<int>(7).Capacity + "," + new List<int>(0).Capacity + "," + new List<int>(new[] { 1, 2, 3 }).Capacity + "," + new List<int>(new List<int> { 1, 2, 3, 4, 5 }).Capacity + "," + new List<string> { "a", "b", "c" }.Capacity + "," + new List<int>(new HashSet<int> { 1, 2, 3 }).Capacity;`],
  ["tolist", `return new[] { 1, 2, 3 }.ToList().Capacity + "," + new List<int> { 1, 2, 3, 4, 5 }.ToList().Capacity + "," + new[] { 1, 2, 3 }.Where(x => x > 0).ToList().Capacity + "," + new HashSet<int> { 1, 2, 3, 4, 5, 6 }.ToList().Capacity + "," + new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3 }.ToList().Capacity + "," + "abc".ToList().Capacity;`],
  ["ranges", `var r = new List<int> { 1 }; r.AddRange(new[] { 2, 3, 4, 5, 6, 7, 8, 9, 10 }); var a = r.Capacity; r.InsertRange(0, new List<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }); var b = r.Capacity; var s = new List<int> { 1, 2, 3 }; s.AddRange(new[] { 1, 2, 3 }.Where(x => true)); var c = s.Capacity; s.AddRange(new int[0]); var d = s.Capacity; var t = new List<int>(10); t.AddRange(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }); return a + "," + b + "," + c + "," + d + "," + t.Capacity;`],
  ["removes", `var l = new List<int> { 1, 2, 3, 4, 5 }; l.RemoveAt(0); var a = l.Capacity; l.Remove(2); var b = l.Capacity; l.Clear(); var c = l.Capacity; l.Add(1); var d = l.Capacity; var m = new List<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9 }; m.RemoveAll(x => x > 2); var e = m.Capacity; m.RemoveRange(0, 1); return a + "," + b + "," + c + "," + d + "," + e + "," + m.Capacity;`],
  ["trim", `var l = new List<int> { 1, 2, 3, 4, 5 }; l.TrimExcess(); var a = l.Capacity; l.Add(6); var b = l.Capacity; var m = new List<int>(10); for (int i = 0; i < 9; i++) m.Add(i); m.TrimExcess(); var c = m.Capacity; m.RemoveAt(0); m.RemoveAt(0); m.TrimExcess(); var d = m.Capacity; var e = new List<int>(); e.TrimExcess(); return a + "," + b + "," + c + "," + d + "," + e.Capacity;`],
  ["set", `var l = new List<int> { 1, 2, 3 }; l.Capacity = 3; var a = l.Capacity; l.Add(4); var b = l.Capacity; l.Capacity = 100; var c = l.Capacity; l.Insert(0, 1); var d = l.Capacity; l.Capacity = l.Count; return a + "," + b + "," + c + "," + d + "," + l.Capacity;`],
  ["set.small", `var l = new List<int> { 1, 2, 3 }; l.Capacity = 2; return l.Capacity;`],
  ["set.zero", `var l = new List<int>(); l.Capacity = 0; l.Add(1); return l.Capacity;`],
  ["getrange", `var l = new List<int> { 1, 2, 3, 4, 5, 6 }; return l.GetRange(1, 3).Capacity + "," + l.ConvertAll(x => x * 2).Capacity + "," + l.FindAll(x => x > 1).Capacity + "," + l.GetRange(0, 0).Capacity;`],
  ["negative", `return new List<int>(-1).Capacity;`],
];

ALLOW_SYS_CASES.push(
  b("readonly.view", "string", `var l = new List<int> { 1, 2 }; var r = l.AsReadOnly(); l.Add(3); var a = Array.AsReadOnly(new[] { "x", "y" }); return r.Count + "|" + r[2] + "|" + r.Contains(3) + "|" + r.IndexOf(2) + "|" + string.Join(",", r) + "|" + r.Sum() + "|" + r + "|" + a + "|" + a[1] + "|" + r.Select(x => x * 2).Last() + "|" + JsonConvert.SerializeObject(r);`),
  b("readonly.writes", "string", eachStmt(["((IList<int>)new List<int> { 1 }.AsReadOnly()).Add(1)", "((IList<int>)new List<int> { 1 }.AsReadOnly())[0] = 5", "((ICollection<int>)new List<int> { 1 }.AsReadOnly()).Clear()", "((IList<int>)Array.AsReadOnly(new[] { 1 })).RemoveAt(0)", "((ICollection<int>)Array.AsReadOnly(new[] { 1 })).Remove(1)", "var n2 = Array.AsReadOnly((int[])null).Count", "var n0 = ((List<int>)null).AsReadOnly().Count", "var n1 = new List<int> { 1 }.AsReadOnly()[1]", "((IList<int>)new List<int> { 1 }.AsReadOnly()).Insert(0, 1)"])),
  b("readonly.foreach", "string", `var l = new List<int> { 1, 2 }; var r = l.AsReadOnly(); try { foreach (var x in r) l.Add(x); return "no"; } catch (InvalidOperationException) { return "modified " + r.Count; }`),
  c("isreadonly", "string", bar(["((ICollection<int>)new int[1]).IsReadOnly", "((ICollection<int>)new List<int>()).IsReadOnly", "((ICollection<int>)new HashSet<int>()).IsReadOnly", "((ICollection<KeyValuePair<string, int>>)new Dictionary<string, int>()).IsReadOnly", "((ICollection<int>)new List<int>().AsReadOnly()).IsReadOnly", "((IList<string>)new string[0]).IsReadOnly", "((ICollection<byte>)new byte[2]).IsReadOnly", "((ICollection<int>)Array.AsReadOnly(new int[0])).IsReadOnly", "((ICollection<int>)new[] { 1 }.ToList()).IsReadOnly"])),
  b("isreadonly.null", "bool", `ICollection<int> c = null; return c.IsReadOnly;`),
  c("comparer.default", "string", bar(["new Dictionary<string, int>().Comparer", "new Dictionary<int, string>().Comparer", "new Dictionary<long, int>().Comparer", "new Dictionary<double, int>().Comparer", "new Dictionary<decimal, int>().Comparer", "new Dictionary<char, int>().Comparer", "new Dictionary<bool, int>().Comparer", "new Dictionary<DateTime, int>().Comparer", "new Dictionary<TimeSpan, int>().Comparer", "new Dictionary<Guid, int>().Comparer", "new Dictionary<byte, int>().Comparer", "new Dictionary<object, int>().Comparer", "new Dictionary<int?, int>().Comparer", "new Dictionary<DayOfWeek, int>().Comparer", "new HashSet<string>().Comparer", "new HashSet<double>().Comparer", "new HashSet<object>().Comparer", "new Dictionary<JToken, int>().Comparer", "new Dictionary<Uri, int>().Comparer", "new HashSet<int[]>().Comparer", "new HashSet<List<int>>().Comparer"].map((x) => `${x}.ToString()`))),
  c("comparer.identity", "string", bar(["new Dictionary<string, int>(StringComparer.Ordinal).Comparer == StringComparer.Ordinal", "new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase).Comparer == StringComparer.Ordinal", "new Dictionary<string, int>().Comparer == new HashSet<string>().Comparer", "new Dictionary<string, int>().Comparer.Equals(new Dictionary<string, int>().Comparer)", "new Dictionary<string, int>(StringComparer.InvariantCultureIgnoreCase).Comparer.Equals(StringComparer.InvariantCultureIgnoreCase)", "new Dictionary<string, int>((StringComparer)null).Comparer.ToString()", "HashSet<int>.CreateSetComparer().ToString()", "HashSet<string>.CreateSetComparer() == HashSet<string>.CreateSetComparer()", "HashSet<string>.CreateSetComparer().Equals(HashSet<string>.CreateSetComparer())", "new HashSet<int>().Comparer == null"])),
  b("getvalue.matrix", "string", each(ARRAYS.flatMap(([, arr]) => INDEXES.map((i) => `${arr}.GetValue(${i})`)))),
  b("getvalue.types", "string", each(ARRAYS.map(([, arr]) => `Convert.GetTypeCode(${arr}.GetValue(0))`).concat(ARRAYS.map(([, arr]) => `(${arr}.GetValue(1) is int)`)))),
  b("setvalue.matrix", "string", ARRAYS.map(([t, arr], k) => `var a${k} = ${arr}; var r${k} = new List<string>(); foreach (var v in new object[] { ${STORED.join(", ")} }) { try { a${k}.SetValue(v, 1); r${k}.Add("" + a${k}[1]); } catch (Exception e) { r${k}.Add(e.ToString().Split(':', '\\n')[0].Trim()); } }`).join(" ") + ` return ${ARRAYS.map((_, k) => `string.Join(",", r${k})`).join(` + "|" + `)};`),
  b("setvalue.indexes", "string", `var x = new int[3]; x.SetValue(7, 2L); x.SetValue(8, new int[] { 0 }); x.SetValue(9, new long[] { 1 }); var y = new string[2]; y.SetValue("q", 1L); return string.Join(",", x) + "|" + y[1] + "|" + x.GetValue(new long[] { 2 });`),
  b("setvalue.errors", "string", eachStmt(["new int[3].SetValue(1, 3)", "new int[3].SetValue(1, -1L)", "new int[3].SetValue(1, 5000000000L)", "new int[3].SetValue(1, 1, 2)", "new int[3].SetValue(1, 1L, 2L, 3L)", "new int[3].SetValue(1, (int[])null)", "new int[3].SetValue(1, new int[] { 1, 2 })", "((int[])null).SetValue(1, 0)", "var n3 = ((int[])null).GetValue(0)"])),
  ...CAPACITY_BLOCKS.map(([id, body]) => b(`capacity.${id}`, body.startsWith("return new List<int>(-1)") || id.startsWith("set.") ? "int" : "string", body)),
);

// ---- System.TimeZone (obsolete): the gateway's local zone is UTC -----------------------------------
const TZ_DATES = ["new DateTime(2020, 7, 1, 1, 2, 3, DateTimeKind.Utc)", "new DateTime(2020, 7, 1, 1, 2, 3, DateTimeKind.Local)", "new DateTime(2020, 7, 1, 1, 2, 3)", "DateTime.MinValue", "DateTime.MaxValue", "DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Local)", "DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc)", "new DateTime(2021, 3, 28, 2, 30, 0)", "new DateTime(2021, 10, 31, 2, 30, 0, DateTimeKind.Local)", "new DateTime(636000000000000001L)", "DateTime.Parse(\"2020-02-29T23:59:59.9999999Z\")"];
ALLOW_SYS_CASES.push(
  b("timezone.convert", "string", `var z = TimeZone.CurrentTimeZone; var r = new List<string>(); foreach (var d in new[] { ${TZ_DATES.join(", ")} }) r.Add(z.ToLocalTime(d).ToString("o") + " " + z.ToLocalTime(d).Kind + " " + z.ToUniversalTime(d).ToString("o") + " " + z.ToUniversalTime(d).Kind + " " + z.GetUtcOffset(d) + " " + z.IsDaylightSavingTime(d) + " " + (z.ToLocalTime(d) == d) + " " + z.ToUniversalTime(z.ToLocalTime(d)).Ticks); return string.Join("\\n", r);`),
  b("timezone.daylight", "string", each(["0", "1", "2020", "9999", "10000", "-1", "int.MaxValue"].flatMap((y) => [`TimeZone.CurrentTimeZone.GetDaylightChanges(${y}).Start.ToString("o")`, `TimeZone.CurrentTimeZone.GetDaylightChanges(${y}).End.Ticks`, `TimeZone.CurrentTimeZone.GetDaylightChanges(${y}).Delta`]).concat([
    "TimeZone.CurrentTimeZone.GetDaylightChanges(2020) == TimeZone.CurrentTimeZone.GetDaylightChanges(2020)", "TimeZone.CurrentTimeZone.GetDaylightChanges(2020) == TimeZone.CurrentTimeZone.GetDaylightChanges(2021)", "TimeZone.CurrentTimeZone.GetDaylightChanges(2020).ToString()",
    ...TZ_DATES.map((d) => `TimeZone.IsDaylightSavingTime(${d}, TimeZone.CurrentTimeZone.GetDaylightChanges(2020))`), "TimeZone.IsDaylightSavingTime(DateTime.MinValue, null)",
  ]))),
  c("timezone.identity", "string", bar(["TimeZone.CurrentTimeZone == TimeZone.CurrentTimeZone", "TimeZone.CurrentTimeZone.ToString()", `"" + TimeZone.CurrentTimeZone`, "TimeZone.CurrentTimeZone.Equals(TimeZone.CurrentTimeZone)", "TimeZone.CurrentTimeZone.GetUtcOffset(DateTime.MinValue).Ticks", "TimeZone.CurrentTimeZone.ToLocalTime(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)) == new DateTime(2020, 1, 1).ToLocalTime()"])),
  // .NET Framework on Windows names its UTC zone "Coordinated Universal Time" (standard and daylight);
  // Mono on Linux answers "UTC" and ""
  c("timezone.names", "string", `TimeZone.CurrentTimeZone.StandardName + "|" + TimeZone.CurrentTimeZone.DaylightName + "|" + TimeZone.CurrentTimeZone.StandardName.Length`, { expectDotNet: "Coordinated Universal Time|Coordinated Universal Time|26" }),
);

// ---- TimeZoneInfo.GetAmbiguousTimeOffsets / ClearCachedData (IANA zones: Mono on Linux knows them) --
const AMBIG_ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Europe/London", "Pacific/Chatham", "America/St_Johns"];
const AMBIG_TIMES = ["new DateTime(2021, 10, 31, 2, 30, 0)", "new DateTime(2021, 11, 7, 1, 30, 0)", "new DateTime(2021, 4, 4, 2, 30, 0)", "new DateTime(2021, 10, 31, 1, 30, 0)", "new DateTime(2021, 6, 1, 12, 0, 0)", "new DateTime(2021, 10, 31, 1, 30, 0, DateTimeKind.Utc)", "new DateTime(2021, 11, 7, 5, 30, 0, DateTimeKind.Utc)", "new DateTime(2021, 4, 3, 15, 30, 0, DateTimeKind.Utc)", "new DateTime(2021, 10, 31, 3, 0, 0)", "new DateTime(2021, 10, 31, 2, 0, 0)"];
ALLOW_SYS_CASES.push(
  b("tz.ambiguous.offsets", "string", `var r = new List<string>(); foreach (var id in new[] { ${AMBIG_ZONES.map((z) => `"${z}"`).join(", ")} }) { var z = TimeZoneInfo.FindSystemTimeZoneById(id); foreach (var d in new[] { ${AMBIG_TIMES.join(", ")} }) { try { r.Add(id + " " + d.ToString("o") + " " + string.Join(",", z.GetAmbiguousTimeOffsets(d))); } catch (ArgumentException) { r.Add(id + " " + d.ToString("o") + " not ambiguous"); } try { r.Add(string.Join(",", z.GetAmbiguousTimeOffsets(new DateTimeOffset(d.Ticks, TimeSpan.Zero)))); } catch (ArgumentException) { r.Add("-"); } } } return string.Join("\\n", r);`),
  b("tz.ambiguous.utc", "string", each(["string.Join(\",\", TimeZoneInfo.Utc.GetAmbiguousTimeOffsets(new DateTime(2021, 10, 31, 2, 30, 0)))", "TimeZoneInfo.Local.GetAmbiguousTimeOffsets(DateTime.MinValue).Length", "TimeZoneInfo.FindSystemTimeZoneById(\"Europe/Berlin\").GetAmbiguousTimeOffsets(new DateTime(2021, 10, 31, 2, 30, 0)).Length", "TimeZoneInfo.FindSystemTimeZoneById(\"Europe/Berlin\").GetAmbiguousTimeOffsets(new DateTime(2021, 10, 31, 2, 30, 0))[1]"])),
  b("tz.clearcacheddata", "string", `var u = TimeZoneInfo.Utc; var l = TimeZoneInfo.Local; var b = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); TimeZoneInfo.ClearCachedData(); return (TimeZoneInfo.Local == l) + "|" + TimeZoneInfo.Local.Equals(l) + "|" + (TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") == b) + "|" + TimeZoneInfo.ConvertTime(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc), b).ToString("o") + "|" + TimeZoneInfo.ConvertTime(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Local), l, b).ToString("o");`),
);

// ---- Tuple`8 (Rest) ------------------------------------------------------------------------------
ALLOW_SYS_CASES.push(
  c("tuple.rest", "string", bar([`Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8).ToString()`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8).Rest.ToString()`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8).Rest.Item1`, `Tuple.Create(1, "b", 3.5, 'd', 5L, 6m, true, 1e15).ToString()`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, "x").Item7`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8).Equals(Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8))`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8).Equals(Tuple.Create(1, 2, 3, 4, 5, 6, 7, 9))`, `new Tuple<int, int, int, int, int, int, int, Tuple<string, int>>(1, 2, 3, 4, 5, 6, 7, Tuple.Create("a", 9)).ToString()`, `new Tuple<int, int, int, int, int, int, int, Tuple<string, int>>(1, 2, 3, 4, 5, 6, 7, Tuple.Create("a", 9)).Rest.Item2`, `Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8.5f).Rest.Item1`])),
  c("tuple.rest.null", "string", `new Tuple<int, int, int, int, int, int, int, Tuple<int>>(1, 2, 3, 4, 5, 6, 7, null).ToString()`),
);

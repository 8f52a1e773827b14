// Interesting values of the generator's base types, as C# source text. Limits, signed zeros, NaN and
// infinities, empty and surrogate-pair strings, dates at month and year ends, offsets, nulls. Each
// value is well-typed on its own (its static C# type is the pool's key). A value that would make a
// constant expression overflow or divide by zero at compile time (CS0220, CS0020) is also offered in a
// run-time form (`int.Parse("...")`), which the generator picks half of the time.

export const STRINGS = [
  `""`,
  `"abc"`,
  `"Hello, World"`,
  `" padded  "`,
  `"a,b,,c"`,
  `"\\uD83D\\uDE00x"`, // a surrogate pair, then a letter
  `"ÄÖü straße"`,
  `"İIıi"`,
  `"123"`,
  `"-42"`,
  `"3.14"`,
  `"1e3"`,
  `"true"`,
  `"2020-02-29T23:59:59Z"`,
  `"a\\tb\\nc"`,
  `"%41%2Fb c+d"`,
  `"x=1&y=2"`,
  `"ABCabc"`,
  `"aaa"`,
  `"{\\"a\\":1}"`,
  `"<x>&amp;</x>"`,
  `"ab"`,
];

/** Values whose C# text is a constant; `runtime` gives a form that is not. */
interface Pooled {
  text: string;
  runtime?: string;
}
const p = (text: string, runtime?: string): Pooled => ({ text, runtime });

export const POOLS: Record<string, readonly Pooled[]> = {
  int: [
    p("0", `int.Parse("0")`),
    p("1"),
    p("-1", `int.Parse("-1")`),
    p("2"),
    p("7"),
    p("42"),
    p("-17"),
    p("255"),
    p("1000000", `int.Parse("1000000")`),
    p("int.MaxValue", `int.Parse("2147483647")`),
    p("int.MinValue", `int.Parse("-2147483648")`),
    p("65536", `int.Parse("65536")`),
  ],
  long: [
    p("0L", `long.Parse("0")`),
    p("1L"),
    p("-1L", `long.Parse("-1")`),
    p("42L"),
    p("4294967296L"),
    p("9007199254740993L", `long.Parse("9007199254740993")`),
    p("long.MaxValue", `long.Parse("9223372036854775807")`),
    p("long.MinValue", `long.Parse("-9223372036854775808")`),
  ],
  double: [
    p("0.0"),
    p("-0.0", `double.Parse("-0")`),
    p("1.5"),
    p("-2.5"),
    p("0.1"),
    p("2.675"),
    p("0.5"),
    p("1e15"),
    p("1e21"),
    p("1e-7"),
    p("123456.789"),
    p("double.NaN"),
    p("double.PositiveInfinity"),
    p("double.NegativeInfinity"),
    p("double.MaxValue"),
    p("double.Epsilon"),
    p("(1.0 / 3)", `double.Parse("0.333333333333333314829616256247")`),
  ],
  float: [p("0.1f"), p("1.5f"), p("-3.25f"), p("float.NaN"), p("float.MaxValue"), p("16777217f")],
  decimal: [
    p("0m", `decimal.Parse("0")`),
    p("1m"),
    p("1.50m"),
    p("-2.5m"),
    p("0.1m"),
    p("123.456m"),
    p("0.0000000000000000000000000001m"),
    p("decimal.MaxValue", `decimal.Parse("79228162514264337593543950335")`),
    p("decimal.MinValue", `decimal.Parse("-79228162514264337593543950335")`),
    p("1000000000000m"),
  ],
  bool: [p("true"), p("false")],
  char: [p("'a'"), p("'Z'"), p("'0'"), p("' '"), p("'\\u00e9'"), p("','"), p("'\\n'"), p("'\\uD83D'")],
  string: [...STRINGS.map((s) => p(s)), p("(string)null")],
  DateTime: [
    p("new DateTime(2020, 2, 29)"),
    p("new DateTime(2021, 12, 31, 23, 59, 59)"),
    p("new DateTime(1999, 12, 31, 23, 59, 59, 999)"),
    p("new DateTime(2020, 1, 31, 12, 0, 0, DateTimeKind.Utc)"),
    p("new DateTime(2019, 3, 31, 1, 30, 0, DateTimeKind.Local)"),
    p("new DateTime(2024, 6, 30)"),
    p("DateTime.MinValue"),
    p("DateTime.MaxValue"),
    p("new DateTime(637134336000000001)"),
  ],
  DateTimeOffset: [
    p("new DateTimeOffset(2020, 12, 31, 23, 0, 0, TimeSpan.FromHours(5.5))"),
    p("new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)"),
    p("new DateTimeOffset(2020, 2, 29, 22, 30, 15, TimeSpan.FromHours(-7))"),
    p("new DateTimeOffset(new DateTime(2019, 6, 30, 12, 0, 0, DateTimeKind.Utc))"),
    p(`DateTimeOffset.Parse("2020-06-30T12:00:00-07:00")`),
    p("DateTimeOffset.MinValue"),
  ],
  TimeSpan: [
    p("TimeSpan.Zero"),
    p("TimeSpan.FromHours(1.5)"),
    p("new TimeSpan(1, 2, 3, 4, 5)"),
    p("TimeSpan.FromTicks(-1)"),
    p("TimeSpan.FromMilliseconds(0.5)"),
    p("new TimeSpan(-3, 0, 0)"),
    p("TimeSpan.FromDays(400)"),
    p("TimeSpan.MaxValue"),
  ],
  Guid: [p(`new Guid("0f8fad5b-d9cb-469f-a165-70867728950e")`), p("Guid.Empty")],
  Uri: [
    p(`new Uri("https://example.com/a%20b/c?x=1&y=%41#frag")`),
    p(`new Uri("http://user@Example.COM:8080/p/./q/../r?")`),
    p(`new Uri("https://h/")`),
    p(`new Uri("x/y%41 z?q=%20#f", UriKind.Relative)`),
    p(`new Uri("http://b\\u00fccher.de:81/p%2Fq?k=%C3%A9#f%20")`),
    p(`new Uri(new Uri("http://u:p@h/a/b/c"), "../d e?f")`),
    p(`new Uri("ftp://[::1]/x/")`),
    // characters .NET escapes and WHATWG URL does not, a lone '%', trailing white space
    p(`new Uri("http://h/a|b^c{d}\`e?q='x'\\\\y|#f%")`),
    p(`new Uri(new Uri("http://h/a/b"), "c|d/%z?x={1}#%2")`),
    p(`new Uri("http://h/\u00e9%41 ")`),
    p(`new Uri(new Uri("file:///c:/d/"), "..\\\\e^f")`),
  ],
  JObject: [
    p(`JObject.Parse("{\\"a\\":1,\\"b\\":[1,2.5,\\"x\\",null,true],\\"c\\":{\\"d\\":\\"e\\"}}")`),
    p(`JObject.Parse("{\\"n\\":1e15,\\"f\\":1.0,\\"big\\":9223372036854775807,\\"s\\":\\"2020-01-01T00:00:00Z\\"}")`),
    p(`JObject.Parse("{\\"items\\":[{\\"p\\":5,\\"n\\":\\"a\\"},{\\"p\\":15,\\"n\\":\\"b\\"},{\\"p\\":25,\\"n\\":\\"c\\"}]}")`),
    p(`new JObject()`),
    p(`JObject.Parse("{\\"b\\":new D(1,2,3),\\"c\\":{\\"d\\":new E({\\"x\\":4})},\\"items\\":[new F(),{\\"p\\":12,\\"n\\":\\"b\\"}]}")`),
  ],
  JArray: [p(`JArray.Parse("[1,2.5,\\"x\\",null,true,{\\"k\\":[3]}]")`), p(`new JArray()`), p(`JArray.Parse("[3,1,2]")`)],
  JToken: [
    p(`JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2}]}")`),
    p(`JToken.Parse("42")`),
    p(`JToken.Parse("\\"s\\"")`),
    p(`JToken.Parse("null")`),
    p(`JToken.Parse("{\\"c\\":new D(1,[2],{\\"x\\":3}),\\"d\\":[new Date(0),new E()]}")`),
  ],
  // JSON constructors: built (never a Date from C# ints: Json.NET unboxes its argument as long) and read
  JConstructor: [
    p(`new JConstructor("D", 1, "x")`),
    p(`new JConstructor()`),
    p(`new JConstructor("a b", new JArray(1.5, null), new JObject(new JProperty("k", new JConstructor("E"))))`),
    p(`new JConstructor("C", JValue.CreateComment("c"), true)`),
    p(`(JConstructor)JToken.Parse("new Date(86400000)")`),
    p(`(JConstructor)JToken.Parse("new Date(1, [2, {b: new X()}], 'q')")`),
  ],
  XElement: [
    p(`XElement.Parse("<a x=\\"1\\"><b>2</b><b>3.5</b><c/></a>")`),
    p(`new XElement("root", new XAttribute("id", 7), "text")`),
    p(`XElement.Parse("<n:a xmlns:n=\\"urn:n\\"><n:b>t</n:b></n:a>")`),
  ],
  "byte[]": [p("new byte[] { 0, 255, 128, 1 }"), p(`Encoding.UTF8.GetBytes("h\\u00e9llo")`), p("new byte[0]")],
};

/** One form of a pooled value (the run-time one half of the time when there is one). */
export function valueText(v: Pooled, coin: number): string {
  return v.runtime && coin < 0.5 ? v.runtime : v.text;
}

/** Format specifiers an interpolation hole or ToString(format) may use, by type. */
export const FORMATS: Record<string, readonly string[]> = {
  int: ["D", "D5", "X", "x8", "N0", "N2", "F2", "E3", "P1", "G", "0000", "#,##0", "C"],
  long: ["D", "D20", "X", "N0", "F1", "E2", "G", "#,##0"],
  double: ["F2", "F0", "N2", "E3", "e2", "P1", "G", "G17", "R", "0.00", "#,##0.###", "0.0E+0", "C2"],
  decimal: ["F2", "F0", "N2", "E3", "P1", "G", "0.00", "#,##0.###", "C"],
  DateTime: ["yyyy-MM-dd", "o", "s", "u", "r", "HH:mm:ss.fff", "d", "D", "t", "T", "MMM dd, yyyy", "yyyyMMddTHHmmssZ", "dddd", "%d", "f", "g", "M", "Y"],
  DateTimeOffset: ["o", "s", "u", "r", "yyyy-MM-dd HH:mm zzz", "K", "d", "T"],
  TimeSpan: ["c", "g", "G", "hh\\\\:mm", "%d"],
  // (X of a negative narrow integer is its own width: (sbyte)-1 is "FF", (short)-1 "FFFF")
  short: ["D", "D6", "X", "x4", "N0", "G", "#,##0"],
  byte: ["D", "D4", "X", "x2", "N1", "G"],
  sbyte: ["D", "D4", "X", "x", "N0", "G"],
  ushort: ["D", "X", "N0", "0000"],
  uint: ["D", "D12", "X", "x8", "N0", "G", "#,##0"],
  ulong: ["D", "D22", "X", "N0", "E2", "G"],
  float: ["F2", "G", "R", "E3", "N1", "G9", "0.00"],
  DayOfWeek: ["G", "D", "X", "F", "d", "x"],
};

/** JSON text with constructors (white space, comments, empty slots, nesting, dates, and some errors). */
export const CONSTRUCTOR_TEXTS = [
  "new D(1, 2)", "new  Date ( 0 )", "new Date(-86400000)", "new Date(1, 2)", "new Date()", "new D(1,,2,)", "new D(/*c*/1 //d\n)",
  "{\"a\": new E([1, {\"b\": new F()}], 'x', null, true, 2.5)}", "[new D(), new Date(1000)]", "new \u00e99()", "new D(1 2)", "new (1)", "new a.b()",
];

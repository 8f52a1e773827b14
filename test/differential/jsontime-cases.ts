// Session 23 "jsontime" classes (issue 11): TimeZoneInfo conversions, Json.NET and XML over dates,
// boxed chars and Environment.NewLine. Each is a generated matrix over its class, ids fzc.s23.time.*
// and fzc.s23.json.*; answers recorded from Mono (`npm run record:csharp`), with `expectDotNet` where
// .NET Framework (what APIM runs) differs from Mono, with the reason.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.s23.${id}`, type, expr: body, block: true, ...opts });

// ---- TimeZoneInfo.ConvertTime* × Kind × zones × MinValue/MaxValue/ordinary dates ---------------------
// .NET Framework's TimeZoneInfo (reference source TimeZoneInfo.cs): ConvertTime(dateTime, destination)
// clears the cached data first when dateTime.Ticks == 0 ("a way clearing the cache without exposing
// ClearCachedData()"), so a Utc or Local zone object the caller evaluated before the call is no longer
// TimeZoneInfo.Utc/Local: GetCorrespondingKind gives Unspecified for it (no Utc->Utc shortcut, result
// Kind Unspecified). ConvertTimeBySystemTimeZoneId(dateTime, id) goes through the same method.
// Mono keeps one Utc object for the process (static), .NET Framework's CachedData makes a new one:
// where the destination is a Utc object taken before the clear, .NET's answer is Kind Unspecified
// (expectDotNet), Mono's Kind Utc.
const TZ_DATES: [string, string][] = [
  ["min", "0L"],
  ["one", "1L"],
  ["max", "DateTime.MaxValue.Ticks"],
  ["summer", "new DateTime(2021, 7, 1, 12, 0, 0).Ticks"],
  ["skipped", "new DateTime(2021, 3, 28, 2, 30, 0).Ticks"],
];
const TZ_KINDS = ["Unspecified", "Utc", "Local"];
/** Zones as arguments: Utc, Local, a fixed-offset named zone (no local mean time before 1900), a DST zone (ordinary dates only). */
const TZ_ZONES: [string, string, boolean][] = [
  ["utc", "TimeZoneInfo.Utc", true],
  ["local", "TimeZoneInfo.Local", true],
  ["gmt9", `TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT-9")`, true],
  ["berlin", `TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")`, false],
];
const TZ_IDS: [string, string, boolean][] = [
  ["utc", `"UTC"`, true],
  ["gmt9", `"Etc/GMT-9"`, true],
  ["berlin", `"Europe/Berlin"`, false],
];
const DOTNET_CLEARED_UTC = "0001-01-01T00:00:00.0000000 Unspecified";

function tzCalls(ordinary: boolean): { id: string; call: (d: string) => string; clearsIntoUtc: boolean }[] {
  const zones = TZ_ZONES.filter((z) => z[2] || ordinary);
  const ids = TZ_IDS.filter((z) => z[2] || ordinary);
  return [
    ...zones.map(([n, z]) => ({ id: `to.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTime(${d}, ${z})`, clearsIntoUtc: n === "utc" })),
    ...zones.flatMap(([s, sz]) => zones.filter((z) => z[0] !== "berlin" || s !== "gmt9").map(([n, z]) => ({ id: `from.${s}.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTime(${d}, ${sz}, ${z})`, clearsIntoUtc: false }))),
    ...ids.map(([n, z]) => ({ id: `byid.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTimeBySystemTimeZoneId(${d}, ${z})`, clearsIntoUtc: n === "utc" })),
    ...ids.flatMap(([s, sz]) => ids.map(([n, z]) => ({ id: `byids.${s}.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTimeBySystemTimeZoneId(${d}, ${sz}, ${z})`, clearsIntoUtc: false }))),
    ...zones.map(([n, z]) => ({ id: `fromutc.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTimeFromUtc(${d}, ${z})`, clearsIntoUtc: false })),
    { id: "toutc", call: (d: string) => `TimeZoneInfo.ConvertTimeToUtc(${d})`, clearsIntoUtc: false },
    ...zones.map(([n, z]) => ({ id: `toutc.${n}`, call: (d: string) => `TimeZoneInfo.ConvertTimeToUtc(${d}, ${z})`, clearsIntoUtc: false })),
  ];
}

const TZ_MATRIX: DiffCase[] = TZ_DATES.flatMap(([dn, ticks]) =>
  TZ_KINDS.flatMap((k) =>
    tzCalls(dn === "summer" || dn === "skipped").map((x) => {
      const d = `new DateTime(${ticks}, DateTimeKind.${k})`;
      const opts: Opts = x.clearsIntoUtc && dn === "min" ? { expectDotNet: DOTNET_CLEARED_UTC } : {};
      return b(`time.tz.convert.${x.id}.${dn}.${k.toLowerCase()}`, "string", `var r = ${x.call(d)}; return r.ToString("o") + " " + r.Kind;`, opts);
    }),
  ),
);

/** DateTimes of Ticks 0 (the cache-clearing special case) and next to it, as JSON and XML write them. */
const TICK0_DATES = ["DateTime.MinValue", "default(DateTime)", "new DateTime(0L, DateTimeKind.Utc)", "new DateTime(0L, DateTimeKind.Local)", "DateTime.MinValue.AddTicks(1)", "new DateTime(2020, 2, 29, 1, 2, 3, DateTimeKind.Local)"];
const TICK0_SINKS: [string, (v: string) => string][] = [
  ["json", (v) => `JsonConvert.SerializeObject(${v})`],
  ["xml", (v) => `(string)new XElement("a", ${v})`],
  ["jvalue", (v) => `new JValue(${v}).ToString(Formatting.None)`],
  ["o", (v) => `${v}.ToString("o")`],
];
const TICK0_MATRIX: DiffCase[] = TICK0_DATES.flatMap((d, i) =>
  ["TimeZoneInfo.Local", `TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT-9")`].flatMap((z, j) =>
    TICK0_SINKS.map(([n, sink]) => b(`time.tz.tick0.${n}.${i}.${j}`, "string", `var r = TimeZoneInfo.ConvertTime(${d}, ${z}); return ${sink("r")} + " " + r.Kind;`)),
  ),
);

// ---- JValue of a char: Json.NET keeps the boxed char as Value (Type String) ------------------------
// JValue(char) : this(value, JTokenType.String) (Json.NET source): Value is a System.Char, so
// Convert.ToX(Value) is IConvertible's Char conversion (integral types and Char only), the explicit
// operators call Convert.ToX(Value) after their token-type checks (a String token passes), Value<T>()
// is Convert.ChangeType(char, T), Equals/CompareTo compare Convert.ToString of both values, and a boxed
// char as container content is JValue(object): "Could not determine JSON object type for type System.Char.".
const CHAR_VALUES = ["'a'", "'\\u00e9'", "'7'", "'\\uffff'", "'\\0'"];
const CONVERT_TO = ["Boolean", "Char", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double", "Decimal", "DateTime", "String"];
const CAST_TO = ["int", "long", "uint", "ulong", "short", "ushort", "byte", "sbyte", "double", "float", "decimal", "bool", "char", "string", "DateTime", "DateTimeOffset", "Guid", "TimeSpan", "Uri", "byte[]", "int?", "char?", "double?"];
const VALUE_TO = ["int", "long", "ushort", "byte", "double", "decimal", "bool", "char", "string", "DateTime", "Guid", "TimeSpan", "object", "int?", "char?"];
const CHAR_OPS: [string, (v: string) => string][] = [
  ...CONVERT_TO.map((t): [string, (v: string) => string] => [`convert.${t}`, (v) => `"" + Convert.To${t}(${v}.Value)`]),
  ...CAST_TO.map((t): [string, (v: string) => string] => [`cast.${t.replace(/\W/g, "_")}`, (v) => `"" + (${t})${v}`]),
  ...VALUE_TO.map((t): [string, (v: string) => string] => [`value.${t.replace(/\W/g, "_")}`, (v) => `"" + ${v}.Value<${t}>() + "|" + string.Join(",", new JArray(${v}).Values<${t}>())`]),
  ["unbox.char", (v) => `"" + (char)${v}.Value`],
  ["unbox.string", (v) => `"" + (string)${v}.Value`],
  ["unbox.int", (v) => `"" + (int)${v}.Value`],
  ["is", (v) => `(${v}.Value is char) + "|" + (${v}.Value is string) + "|" + (${v}.Value as string == null) + "|" + ${v}.Value.ToString() + "|" + ${v}.Value.Equals('a') + "|" + ${v}.Value.Equals("a") + "|" + ${v}.Type`],
  ["text", (v) => `${v}.ToString() + "|" + ${v}.ToString(Formatting.None) + "|" + JsonConvert.SerializeObject(${v}) + "|" + new JArray(${v}, ${v}).ToString(Formatting.None) + "|" + new JObject(new JProperty("p", ${v})).ToString(Formatting.None) + "|" + new JValue(${v}).Value.GetHashCode().Equals(${v}.Value.GetHashCode())`],
  ["equals", (v) => `${v}.Equals(new JValue("a")) + "|" + new JValue("a").Equals(${v}) + "|" + JToken.DeepEquals(${v}, new JValue("a")) + "|" + JToken.DeepEquals(${v}, ${v}.DeepClone()) + "|" + ${v}.Equals(new JValue(97)) + "|" + ${v}.Equals((object)new JValue("7"))`],
  ["compare", (v) => `${v}.CompareTo(new JValue("a")) + "|" + ${v}.CompareTo(new JValue('b')) + "|" + new JValue("b").CompareTo(${v}) + "|" + ${v}.CompareTo(new JValue(97)) + "|" + new JValue(97).CompareTo(${v}) + "|" + new JValue(true).CompareTo(${v})`],
  ["compare.float", (v) => `"" + new JValue(97.5).CompareTo(${v})`],
  ["content.jarray", (v) => `new JArray(${v}.Value).ToString(Formatting.None)`],
  ["content.jarray.add", (v) => `"" + new JArray { 1 }.Count + new JArray { ${v}.Value }.Count`],
  ["content.jobject", (v) => `new JObject(${v}.Value).ToString(Formatting.None)`],
  ["content.jproperty", (v) => `new JProperty("p", ${v}.Value).ToString(Formatting.None)`],
  ["content.jvalue", (v) => `new JValue(${v}.Value).ToString(Formatting.None)`],
  ["content.fromobject", (v) => `JToken.FromObject(${v}.Value).ToString(Formatting.None) + "|" + JsonConvert.SerializeObject(${v}.Value)`],
];
// Extensions.Value<U>() and the explicit operators over token kinds × targets (Value<U> is
// Convert.ChangeType unless the value is a U already; the operators parse a String token's text for
// TimeSpan, Uri and Guid and check the token's type first)
const TOKENS_ALL = ["new JValue(65)", "new JValue(65.5)", "new JValue(\"65\")", "new JValue(\"01:02:03\")", "new JValue(\"http://a/b\")", "new JValue(\"0f8fad5b-d9cb-469f-a165-70867728950e\")", "new JValue(\"AQI=\")", "new JValue(true)", "new JValue(new DateTime(2020, 1, 1))", "new JValue(Guid.Empty)", "new JValue(TimeSpan.FromHours(1))", "new JValue(new Uri(\"http://a/\"))", "new JValue(new byte[] { 1 })", "JValue.CreateNull()", "JValue.CreateComment(\"01:00\")", "new JObject()", "new JArray(1)"];
const TARGETS_ALL = ["int", "double", "string", "bool", "char", "DateTime", "Guid", "TimeSpan", "Uri", "byte[]", "object", "int?", "TimeSpan?", "Guid?"];
const show = (t: string, x: string) => (t === "byte[]" ? `Convert.ToBase64String(${x})` : t === "object" ? `"" + ${x}` : `"" + ${x}`);
const TOKEN_MATRIX: DiffCase[] = TOKENS_ALL.flatMap((tok, i) =>
  TARGETS_ALL.flatMap((k) => {
    const id = k.replace(/\W/g, "_");
    return [
      // (Value<object>() of a container is the container: indented with Environment.NewLine)
      b(`json.token.value.${i}.${id}`, "string", `JToken t = ${tok}; return ${show(k, `t.Value<${k}>()`)};`, k === "object" ? { windowsNewline: true } : {}),
      ...(k === "object" ? [] : [b(`json.token.cast.${i}.${id}`, "string", `JToken t = ${tok}; return ${show(k, `((${k})t)`)};`)]),
    ];
  }),
);
const CHAR_MATRIX: DiffCase[] = CHAR_VALUES.flatMap((ch, i) => CHAR_OPS.map(([n, op]) => b(`json.jvalue.char.${n}.${i}`, "string", `var v = new JValue(${ch}); return ${op("v")};`)));

// ---- Environment.NewLine in indented JSON: .NET Framework on Windows writes "\r\n", Mono "\n" -------
// The .NET answer is computed here from the document (Json.NET's indented form is JSON.stringify's with
// two spaces for these documents) with "\r\n" lines, so positions, lengths and XML escapes are
// checked, not only texts that differ by CRLF (fuzz.ts monoNewline accepts Mono's own answers).
const NL_DOCS = [`{"x":{"x":1},"y":[{"x":2}]}`, `[1,[2,3],{"a":"b"}]`, `{"a":[],"b":{},"c":null}`, `{"k":"v","n":-1.5,"t":true}`];
const dotnetIndented = (doc: string) => JSON.stringify(JSON.parse(doc), null, 2).replace(/\n/g, "\r\n");
const xmlAttr = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\r/g, "&#xD;").replace(/\n/g, "&#xA;");
const csLit = (t: string) => `"${t.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const NL_OPS: [string, (t: string) => string, (dotnet: string) => string][] = [
  ["length", (t) => `${t}.Length.ToString()`, (d) => String(d.length)],
  ["indexof.nl", (t) => `${t}.IndexOf('\\n').ToString()`, (d) => String(d.indexOf("\n"))],
  ["lastindexof.comma", (t) => `${t}.LastIndexOf(',').ToString()`, (d) => String(d.lastIndexOf(","))],
  ["lastindexof.comma.from", (t) => `(${t}.Length > 20 ? ${t}.LastIndexOf(',', 20) : -2).ToString()`, (d) => String(d.length > 20 ? d.lastIndexOf(",", 20) : -2)],
  ["substring", (t) => `${t}.Substring(0, 12).Replace("\\r", "<r>").Replace("\\n", "<n>")`, (d) => d.slice(0, 12).replace(/\r/g, "<r>").replace(/\n/g, "<n>")],
  ["xattribute", (t) => `new XElement("a", new XAttribute("b", ${t})).ToString(SaveOptions.DisableFormatting)`, (d) => `<a b="${xmlAttr(d)}" />`],
  ["split", (t) => `${t}.Split('\\r').Length.ToString()`, (d) => String(d.split("\r").length)],
];
const NEWLINE_MATRIX: DiffCase[] = NL_DOCS.flatMap((doc, i) =>
  NL_OPS.flatMap(([n, op, dotnet]) =>
    [
      ["tostring", `JToken.Parse(${csLit(doc)}).ToString()`],
      ["serialize", `JsonConvert.SerializeObject(JToken.Parse(${csLit(doc)}), Formatting.Indented)`],
    ].map(([how, t]) => b(`json.newline.${how}.${n}.${i}`, "string", `var t = ${t}; return ${op("t")};`, { expectDotNet: dotnet(dotnetIndented(doc)) })),
  ),
);

// ---- TimeSpan.Parse: OverflowException or FormatException, whichever .NET's tokenizer meets first -------
// (TimeSpanParse: a number token above 0x0FFFFFFF overflows where it stands; a sixth number, seventh
// separator or twelfth token is a bad format; then the patterns and the ranges)
const TS_PREFIX = ["", "-", "a", "1:", "1:2:3:4:5:", "1:2:3:4:5:6:", " ", "{", "1.", "-42"];
const TS_NUMBER = ["268435455", "268435456", "10675199", "10675200", "99999999999", "1000000000000", "00000000001", "4.94065645841247E-324", "79228162514264337593543950335"];
const TS_SUFFIX = ["", ":0", "=ABC", ".5", " ", ":00:00.12345678"];
const TIMESPAN_MATRIX: DiffCase[] = TS_PREFIX.flatMap((p, i) =>
  TS_NUMBER.flatMap((n, j) => TS_SUFFIX.map((x, k) => b(`time.timespan.parse.${i}.${j}.${k}`, "string", `return TimeSpan.Parse(${JSON.stringify(p + n + x)}).Ticks.ToString();`))),
);

// ---- JValue.CompareTo across token types (Json.NET's Compare by the receiver's type) and null content ----
const CMP_VALUES = ["1", "1.5", "\"a\"", "\"2020-01-01\"", "true", "new DateTime(2020, 1, 1)", "new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(1))", "new byte[] { 1 }", "new Uri(\"http://a/\")", "TimeSpan.MaxValue", "(object)null"];
const COMPARE_MATRIX: DiffCase[] = CMP_VALUES.flatMap((x, i) =>
  CMP_VALUES.map((y, j) => b(`json.jvalue.compare.${i}.${j}`, "string", `return new JValue((object)(${x})).CompareTo(new JValue((object)(${y}))).ToString();`)),
);
const NULL_CONTENT = [
  `new JObject((object)null)`,
  `new JObject((object[])null)`,
  `new JObject(new object[] { null })`,
  `new JObject(new JProperty("a", 1), null)`,
  `new JArray((object)null)`,
  `new JArray((object[])null)`,
  `new JArray(null, null)`,
  `new JProperty("p", (object)null)`,
  // the name is checked before the content becomes a token
  `new JProperty((string)null, (object)'a')`,
  `new JProperty((string)null, new JValue(1))`,
  `new JProperty((string)null, 1.5)`,
];
const NULL_CONTENT_CASES: DiffCase[] = NULL_CONTENT.map((e, i) => b(`json.content.null.${i}`, "string", `return (${e}).ToString(Formatting.None);`));

export const JSONTIME_CASES: DiffCase[] = [
  ...COMPARE_MATRIX,
  ...NULL_CONTENT_CASES,
  ...TIMESPAN_MATRIX,
  ...NEWLINE_MATRIX,
  ...CHAR_MATRIX,
  ...TOKEN_MATRIX,
  // Value<U>() of what is not a token: null source, another sequence of tokens
  b("json.token.value.source.null", "string", `JToken t = null; return "" + t.Value<int>();`),
  b("json.token.value.source.nullstring", "string", `JToken t = null; return t.Value<string>();`),
  b("json.token.value.source.list", "string", `return "" + new List<JToken> { new JValue(1) }.Value<int>();`),
  b("json.token.value.source.children", "string", `return "" + JArray.Parse("[1]").Children().Value<int>();`),
  ...TZ_MATRIX,
  ...TICK0_MATRIX,
  // zone objects taken before a clearing call are neither Local nor Utc afterwards: a Local DateTime
  // from the old Local is a kind mismatch; to the old Utc is Kind Unspecified (Mono: Utc, static)
  b("time.tz.stale.local", "string", `var l = TimeZoneInfo.Local; var a = TimeZoneInfo.ConvertTime(DateTime.MinValue, l); string s; try { s = TimeZoneInfo.ConvertTime(new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Local), l, TimeZoneInfo.Utc).ToString("o"); } catch (ArgumentException) { s = "ArgumentException"; } return a.Kind + "|" + s + "|" + TimeZoneInfo.ConvertTime(new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Local), TimeZoneInfo.Local, TimeZoneInfo.Utc).Kind + "|" + (l == TimeZoneInfo.Local) + "|" + l.Equals(TimeZoneInfo.Local) + "|" + TimeZoneInfo.ConvertTime(DateTime.MinValue.AddTicks(1), l).Kind;`),
  b("time.tz.stale.utc", "string", `var u = TimeZoneInfo.Utc; var a = TimeZoneInfo.ConvertTime(new DateTime(0L, DateTimeKind.Utc), TimeZoneInfo.Local); var k = TimeZoneInfo.ConvertTime(new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Local), TimeZoneInfo.Local, u).Kind; return a.Kind + "|" + k + "|" + (u == TimeZoneInfo.Utc) + "|" + u.Equals(TimeZoneInfo.Utc) + "|" + TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2021, 1, 1), u).Kind;`, {
    expectDotNet: "Unspecified|Unspecified|False|True|Unspecified",
  }),
  // ConvertTime(DateTimeOffset, zone): a clock past either end is DateTimeOffset.MaxValue/MinValue (offset zero)
  ...["DateTimeOffset.MaxValue", "DateTimeOffset.MinValue", "DateTimeOffset.MaxValue.AddHours(-9)", "DateTimeOffset.MinValue.AddHours(9)", "new DateTimeOffset(9999, 12, 31, 20, 0, 0, TimeSpan.FromHours(-5))", "new DateTimeOffset(1, 1, 1, 3, 0, 0, TimeSpan.FromHours(5))"].flatMap((d, i) =>
    ["TimeZoneInfo.Utc", "TimeZoneInfo.Local", `TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT-9")`, `TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT+9")`].map((z, j) =>
      b(`time.tz.offset.${i}.${j}`, "string", `var r = TimeZoneInfo.ConvertTime(${d}, ${z}); return r.ToString("o") + " " + r.Offset + "|" + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(${d}, "Etc/GMT-9").ToString("o");`),
    ),
  ),
];

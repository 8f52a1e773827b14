// System.DateTime, DateTimeOffset, TimeSpan, DateTimeKind, DayOfWeek → runtime/dotnet/datetime.ts.
import { js, rt, shaped, type Code } from "../../codegen/code.js";
import { C, K, M, P, SM, SP, thenProvider, type } from "./dsl.js";
import { tryParse } from "./system.js";

const D = () => rt("DateTime");
const TS = () => rt("TimeSpan");
const DO = () => rt("DateTimeOffset");
const m = (name: string) => (r: Code, a: Code[]) => js`${r}.${rtName(name)}(${a.map((x, i) => (i ? js`, ${x}` : x)).reduce((p, c) => js`${p}${c}`, js``)})`;
import { ident } from "../../codegen/code.js";
const rtName = (n: string) => ident(n);
const p = (name: string) => (r: Code) => js`${r}.${rtName(name)}`;

const common = (T: string) => [
  P("int Year", p("Year")),
  P("int Month", p("Month")),
  P("int Day", p("Day")),
  P("int Hour", p("Hour")),
  P("int Minute", p("Minute")),
  P("int Second", p("Second")),
  P("int Millisecond", p("Millisecond")),
  P("int DayOfYear", p("DayOfYear")),
  P("DayOfWeek DayOfWeek", p("DayOfWeek")),
  // DateTime.UtcNow.Ticks: straight from the clock, no DateTime in between.
  P("long Ticks", (r) => (r.shape?.kind === "clock" ? js`${rt("nowTicks")}()` : js`${r}.Ticks`)),
  P("TimeSpan TimeOfDay", p("TimeOfDay")),
  // DateTimeOffset.Date is a DateTime (the clock's date)
  P(`${T === "DateTimeOffset" ? "DateTime" : T} Date`, p("Date")),
  M(`${T} Add(TimeSpan value)`, m("Add")),
  M(`${T} AddDays(double value)`, m("AddDays")),
  M(`${T} AddHours(double value)`, m("AddHours")),
  M(`${T} AddMinutes(double value)`, m("AddMinutes")),
  M(`${T} AddSeconds(double value)`, m("AddSeconds")),
  M(`${T} AddMilliseconds(double value)`, m("AddMilliseconds")),
  M(`${T} AddTicks(long value)`, m("AddTicks")),
  M(`${T} AddMonths(int months)`, m("AddMonths")),
  M(`${T} AddYears(int value)`, m("AddYears")),
  M(`TimeSpan Subtract(${T} value)`, m("Subtract")),
  M(`${T} Subtract(TimeSpan value)`, m("Subtract")),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("string ToString(string format)", (r, a) => js`${r}.ToString(${a[0]})`),
  M("string ToString(string format, IFormatProvider provider)", (r, a) => js`${r}.ToString(${thenProvider(a[0]!, a[1])})`),
  M("string ToString(IFormatProvider provider)", (r, a) => js`${thenProvider(r, a[0])}.ToString()`),
  M(`int CompareTo(${T} value)`, (r, a) => js`${rt("cmp")}(${r}, ${a[0]})`),
  M(`bool Equals(${T} value)`, (r, a) => js`${rt("valueEquals")}(${r}, ${a[0]})`),
  M(`string ToIsoString()`, (r) => js`${r}.ToString("o")`),
];

type("System", "DateTime", { valueType: true, test: (v) => js`(${v} instanceof ${D()})` }, [
  ...common("DateTime"),
  C("(long ticks)", (_r, a) => js`${D()}.fromTicks(${a[0]}, 0)`),
  C("(long ticks, DateTimeKind kind)", (_r, a) => js`${D()}.fromTicks(${a[0]}, ${a[1]})`),
  C("(int year, int month, int day)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, 0, 0, 0, 0, 0)`),
  C("(int year, int month, int day, int hour, int minute, int second)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, 0, 0)`),
  C("(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, 0, ${a[6]})`),
  C("(int year, int month, int day, int hour, int minute, int second, int millisecond)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, ${a[6]}, 0)`),
  C("(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, ${a[6]}, ${a[7]})`),
  P("DateTimeKind Kind", p("Kind")),
  M("DateTime ToUniversalTime()", m("ToUniversalTime")),
  M("DateTime ToLocalTime()", m("ToLocalTime")),
  M("string ToShortDateString()", (r) => js`${r}.ToString("d")`),
  M("string ToShortTimeString()", (r) => js`${r}.ToString("t")`),
  M("string ToLongDateString()", (r) => js`${r}.ToString("D")`),
  M("string ToLongTimeString()", (r) => js`${r}.ToString("T")`),
  M("long ToFileTimeUtc()", m("ToFileTimeUtc")),
  M("bool IsDaylightSavingTime()", () => js`false`),
  SP("DateTime Now", () => shaped(js`${D()}.now(2)`, { kind: "clock" })),
  SP("DateTime UtcNow", () => shaped(js`${D()}.now(1)`, { kind: "clock" })),
  SP("DateTime Today", () => js`${D()}.now(2).Date`),
  SP("DateTime MinValue", () => js`${D()}.MinValue`),
  SP("DateTime MaxValue", () => js`${D()}.MaxValue`),
  SP("DateTime UnixEpoch", () => js`${D()}.fromMs(0, 1)`),
  SM("DateTime Parse(string s)", (_r, a) => js`${D()}.Parse(${a[0]}, null)`),
  SM("DateTime Parse(string s, IFormatProvider provider)", (_r, a) => js`${D()}.Parse(${thenProvider(a[0]!, a[1])}, null)`),
  SM("DateTime Parse(string s, IFormatProvider provider, DateTimeStyles styles)", (_r, a) => js`${D()}.Parse(${thenProvider(a[0]!, a[1])}, ${a[2]})`),
  SM("DateTime ParseExact(string s, string format, IFormatProvider provider)", (_r, a) => js`${D()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, null)`),
  SM("DateTime ParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style)", (_r, a) => js`${D()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`),
  SM("bool TryParse(string s, out DateTime result)", (_r, a, x) => tryParse(js`${D()}.TryParse(${a[0]}, null)`, a[1]!, x, js`${D()}.MinValue`)),
  SM("bool TryParse(string s, IFormatProvider provider, DateTimeStyles styles, out DateTime result)", (_r, a, x) => tryParse(js`${D()}.TryParse(${thenProvider(a[0]!, a[1])}, ${a[2]})`, a[3]!, x, js`${D()}.MinValue`)),
  SM("bool TryParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style, out DateTime result)", (_r, a, x) =>
    tryParse(js`${D()}.TryParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`, a[4]!, x, js`${D()}.MinValue`),
  ),
  SM("bool IsLeapYear(int year)", (_r, a) => js`${D()}.IsLeapYear(${a[0]})`),
  SM("int DaysInMonth(int year, int month)", (_r, a) => js`${D()}.DaysInMonth(${a[0]}, ${a[1]})`),
  SM("DateTime SpecifyKind(DateTime value, DateTimeKind kind)", (_r, a) => js`${a[0]}.withKind(${a[1]})`),
  SM("DateTime FromFileTimeUtc(long fileTime)", (_r, a) => js`${D()}.fromFileTimeUtc(${a[0]})`),
]);

type("System", "DateTimeOffset", { valueType: true, test: (v) => js`(${v} instanceof ${DO()})` }, [
  ...common("DateTimeOffset"),
  C("(DateTime dateTime)", (_r, a) => js`${DO()}.fromDateTime(${a[0]})`),
  C("(DateTime dateTime, TimeSpan offset)", (_r, a) => js`${DO()}.fromDateTimeAt(${a[0]}, ${a[1]})`),
  C("(long ticks, TimeSpan offset)", (_r, a) => js`${DO()}.fromTicksAt(${a[0]}, ${a[1]})`),
  C("(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)", (_r, a) => js`${DO()}.fromParts(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, 0, ${a[6]})`),
  C("(int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan offset)", (_r, a) => js`${DO()}.fromParts(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, ${a[6]}, ${a[7]})`),
  P("DateTime UtcDateTime", p("UtcDateTime")),
  P("DateTime DateTime", p("DateTime")),
  P("TimeSpan Offset", p("Offset")),
  M("long ToUnixTimeSeconds()", m("ToUnixTimeSeconds")),
  M("long ToUnixTimeMilliseconds()", m("ToUnixTimeMilliseconds")),
  M("DateTimeOffset ToUniversalTime()", m("ToUniversalTime")),
  SP("DateTimeOffset Now", () => js`${DO()}.now()`),
  SP("DateTimeOffset UtcNow", () => js`${DO()}.now()`),
  SP("DateTimeOffset MinValue", () => js`${DO()}.fromDateTime(${D()}.MinValue)`),
  SP("DateTimeOffset MaxValue", () => js`${DO()}.fromDateTime(${D()}.MaxValue)`),
  SM("DateTimeOffset FromUnixTimeSeconds(long seconds)", (_r, a) => js`${DO()}.FromUnixTimeMilliseconds(Number(${a[0]}) * 1000)`),
  SM("DateTimeOffset FromUnixTimeMilliseconds(long milliseconds)", (_r, a) => js`${DO()}.FromUnixTimeMilliseconds(Number(${a[0]}))`),
  P("long UtcTicks", p("UtcTicks")),
  P("DateTime LocalDateTime", p("LocalDateTime")),
  M("bool EqualsExact(DateTimeOffset other)", m("EqualsExact")),
  M("long ToFileTime()", m("ToFileTime")),
  M("DateTimeOffset ToLocalTime()", m("ToLocalTime")),
  M("DateTimeOffset ToOffset(TimeSpan offset)", m("ToOffset")),
  SM("int Compare(DateTimeOffset first, DateTimeOffset second)", (_r, a) => js`${rt("cmp")}(${a[0]}, ${a[1]})`),
  SM("DateTimeOffset FromFileTime(long fileTime)", (_r, a) => js`${DO()}.FromFileTime(${a[0]})`),
  SP("DateTimeOffset UnixEpoch", () => js`${DO()}.UnixEpoch`),
  // parsing: the invariant culture whatever the provider (the provider is still evaluated)
  SM("DateTimeOffset Parse(string input)", (_r, a) => js`${DO()}.Parse(${a[0]}, 0)`),
  SM("DateTimeOffset Parse(string input, IFormatProvider formatProvider)", (_r, a) => js`${DO()}.Parse(${thenProvider(a[0]!, a[1])}, 0)`),
  SM("DateTimeOffset Parse(string input, IFormatProvider formatProvider, DateTimeStyles styles)", (_r, a) => js`${DO()}.Parse(${thenProvider(a[0]!, a[1])}, ${a[2]})`),
  SM("DateTimeOffset ParseExact(string input, string format, IFormatProvider formatProvider)", (_r, a) => js`${DO()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, 0)`),
  SM("DateTimeOffset ParseExact(string input, string format, IFormatProvider formatProvider, DateTimeStyles styles)", (_r, a) => js`${DO()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`),
  SM("DateTimeOffset ParseExact(string input, string[] formats, IFormatProvider formatProvider, DateTimeStyles styles)", (_r, a) => js`${DO()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`),
  SM("bool TryParse(string input, out DateTimeOffset result)", (_r, a, x) => tryParse(js`${DO()}.TryParse(${a[0]}, 0)`, a[1]!, x, js`${DO()}.fromDateTime(${D()}.MinValue)`)),
  SM("bool TryParse(string input, IFormatProvider formatProvider, DateTimeStyles styles, out DateTimeOffset result)", (_r, a, x) =>
    tryParse(js`${DO()}.TryParse(${thenProvider(a[0]!, a[1])}, ${a[2]})`, a[3]!, x, js`${DO()}.fromDateTime(${D()}.MinValue)`),
  ),
  ...["string format", "string[] formats"].map((f) =>
    SM(`bool TryParseExact(string input, ${f}, IFormatProvider formatProvider, DateTimeStyles styles, out DateTimeOffset result)`, (_r, a, x) =>
      tryParse(js`${DO()}.TryParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`, a[4]!, x, js`${DO()}.fromDateTime(${D()}.MinValue)`),
    ),
  ),
]);

type("System", "TimeSpan", { valueType: true, test: (v) => js`(${v} instanceof ${TS()})` }, [
  K("long TicksPerMillisecond", 10000, () => js`10000`),
  K("long TicksPerSecond", 10000000, () => js`10000000`),
  K("long TicksPerMinute", 600000000, () => js`600000000`),
  K("long TicksPerHour", 36000000000, () => js`36000000000`),
  K("long TicksPerDay", 864000000000, () => js`864000000000`),
  C("(long ticks)", (_r, a) => js`${TS()}.fromTicks(${a[0]})`),
  C("(int hours, int minutes, int seconds)", (_r, a) => js`${TS()}.create(0, ${a[0]}, ${a[1]}, ${a[2]}, 0)`),
  C("(int days, int hours, int minutes, int seconds)", (_r, a) => js`${TS()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, 0)`),
  C("(int days, int hours, int minutes, int seconds, int milliseconds)", (_r, a) => js`${TS()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
  P("int Days", p("Days")),
  P("int Hours", p("Hours")),
  P("int Minutes", p("Minutes")),
  P("int Seconds", p("Seconds")),
  P("int Milliseconds", p("Milliseconds")),
  P("long Ticks", p("Ticks")),
  P("double TotalDays", p("TotalDays")),
  P("double TotalHours", p("TotalHours")),
  P("double TotalMinutes", p("TotalMinutes")),
  P("double TotalSeconds", p("TotalSeconds")),
  P("double TotalMilliseconds", p("TotalMilliseconds")),
  M("TimeSpan Add(TimeSpan ts)", m("Add")),
  M("TimeSpan Subtract(TimeSpan ts)", m("Subtract")),
  M("TimeSpan Negate()", m("Negate")),
  M("TimeSpan Duration()", m("Duration")),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("string ToString(string format)", (r, a) => js`${r}.ToString(${a[0]})`),
  M("int CompareTo(TimeSpan value)", (r, a) => js`${rt("cmp")}(${r}, ${a[0]})`),
  SM("int Compare(TimeSpan t1, TimeSpan t2)", (_r, a) => js`${rt("cmp")}(${a[0]}, ${a[1]})`),
  M("bool Equals(TimeSpan obj)", (r, a) => js`${rt("valueEquals")}(${r}, ${a[0]})`),
  SM("TimeSpan FromDays(double value)", (_r, a) => js`${TS()}.interval(${a[0]}, 86400000)`),
  SM("TimeSpan FromHours(double value)", (_r, a) => js`${TS()}.interval(${a[0]}, 3600000)`),
  SM("TimeSpan FromMinutes(double value)", (_r, a) => js`${TS()}.interval(${a[0]}, 60000)`),
  SM("TimeSpan FromSeconds(double value)", (_r, a) => js`${TS()}.interval(${a[0]}, 1000)`),
  SM("TimeSpan FromMilliseconds(double value)", (_r, a) => js`${TS()}.interval(${a[0]}, 1)`),
  SM("TimeSpan FromTicks(long value)", (_r, a) => js`${TS()}.fromTicks(${a[0]})`),
  SM("TimeSpan Parse(string s)", (_r, a) => js`${TS()}.Parse(${a[0]})`),
  SM("bool TryParse(string s, out TimeSpan result)", (_r, a, x) => tryParse(js`${TS()}.TryParse(${a[0]})`, a[1]!, x, js`${TS()}.Zero`)),
  // ParseExact / TryParseExact: the invariant culture whatever the provider (the provider is still evaluated)
  ...["string format", "string[] formats"].flatMap((f) => [
    SM(`TimeSpan ParseExact(string input, ${f}, IFormatProvider formatProvider)`, (_r, a) => js`${TS()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, 0)`),
    SM(`TimeSpan ParseExact(string input, ${f}, IFormatProvider formatProvider, TimeSpanStyles styles)`, (_r, a) => js`${TS()}.ParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`),
    SM(`bool TryParseExact(string input, ${f}, IFormatProvider formatProvider, out TimeSpan result)`, (_r, a, x) =>
      tryParse(js`${TS()}.TryParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, 0)`, a[3]!, x, js`${TS()}.Zero`),
    ),
    SM(`bool TryParseExact(string input, ${f}, IFormatProvider formatProvider, TimeSpanStyles styles, out TimeSpan result)`, (_r, a, x) =>
      tryParse(js`${TS()}.TryParseExact(${a[0]}, ${thenProvider(a[1]!, a[2])}, ${a[3]})`, a[4]!, x, js`${TS()}.Zero`),
    ),
  ]),
  SP("TimeSpan Zero", () => js`${TS()}.Zero`),
  SP("TimeSpan MaxValue", () => js`${TS()}.MaxValue`),
  SP("TimeSpan MinValue", () => js`${TS()}.MinValue`),
]);

type("System", "DateTimeKind", { valueType: true }, [
  K("DateTimeKind Unspecified", 0, () => js`0`),
  K("DateTimeKind Utc", 1, () => js`1`),
  K("DateTimeKind Local", 2, () => js`2`),
]);
type("System.Globalization", "DateTimeStyles", { valueType: true }, [
  K("DateTimeStyles None", 0, () => js`0`),
  K("DateTimeStyles AdjustToUniversal", 16, () => js`16`),
  K("DateTimeStyles AssumeUniversal", 64, () => js`64`),
  K("DateTimeStyles AssumeLocal", 32, () => js`32`),
  K("DateTimeStyles RoundtripKind", 128, () => js`128`),
  K("DateTimeStyles NoCurrentDateDefault", 8, () => js`8`),
]);
type("System.Globalization", "TimeSpanStyles", { valueType: true }, [K("TimeSpanStyles None", 0, () => js`0`), K("TimeSpanStyles AssumeNegative", 1, () => js`1`)]);
type(
  "System",
  "DayOfWeek",
  { valueType: true },
  ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d, i) => K(`DayOfWeek ${d}`, i, () => js`${i}`)),
);

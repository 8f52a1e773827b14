// Differential cases for dates and times: DateTime, DateTimeOffset, TimeSpan, TimeZoneInfo's UTC
// zones, parsing and formatting. Matrices over the classes the fuzzer found (each row a kind, a value
// or a member), so one case covers the class, not one input. A case whose answer depends on today's
// date compares against DateTime.Today instead of printing the year, so the recorded answers stay
// true next year. Where Mono differs from .NET Framework (APIM), `expectDotNet` says so with a reason.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `dates.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `dates.${id}`, type, expr: body, block: true, ...opts });
/** The exception's type, short (an expression over `e`). */
const EX = `(e is ArgumentOutOfRangeException ? "!AOOR" : e is ArgumentNullException ? "!ANE" : e is ArgumentException ? "!AE" : e is FormatException ? "!FE" : e is OverflowException ? "!OE" : e is InvalidOperationException ? "!IOE" : "!other")`;
/** A block that runs `each` (a statement using `x`, appending to `sb`) over `items`, an exception printed as its type. */
const matrix = (items: string, each: string) =>
  `var sb = new StringBuilder(); foreach (var x in ${items}) { try { ${each} } catch (Exception e) { sb.Append(${EX}); } sb.Append("|"); } return sb.ToString();`;

const KINDS = `new[] { new DateTime(637134336000000001), new DateTime(637134336000000001, DateTimeKind.Utc), new DateTime(637134336000000001, DateTimeKind.Local) }`;

export const DATES_CASES: DiffCase[] = [
  // ---- TimeZoneInfo: the UTC zones ------------------------------------------------------------
  // .NET Framework on Windows (APIM) names the UTC zone from the registry: "(UTC) Coordinated Universal
  // Time" / "Coordinated Universal Time", and ToString() is DisplayName (TimeZoneInfo.ToString docs);
  // Mono on Linux says "UTC" (Local's DaylightName empty). The fuzzer learns exactly this (fuzz.ts tzNameArtefact).
  c("tz.names.utc.local", "string", `string.Join("|", new[] { TimeZoneInfo.Utc, TimeZoneInfo.Local }.Select(z => z.Id + ";" + z.DisplayName + ";" + z.StandardName + ";" + z.DaylightName + ";" + z))`, {
    expectDotNet:
      "UTC;(UTC) Coordinated Universal Time;Coordinated Universal Time;Coordinated Universal Time;(UTC) Coordinated Universal Time|UTC;(UTC) Coordinated Universal Time;Coordinated Universal Time;Coordinated Universal Time;(UTC) Coordinated Universal Time",
  }),
  c("tz.names.interpolated", "string", `$"{TimeZoneInfo.Utc}|{TimeZoneInfo.Local,-5}|" + string.CompareOrdinal("ftp", TimeZoneInfo.Utc.ToString())`, {
    expectDotNet: "(UTC) Coordinated Universal Time|(UTC) Coordinated Universal Time|62",
  }),
  // Local and Utc are two objects even when the machine runs in UTC: ConvertTime tells them apart by
  // reference (GetCorrespondingKind), so a Local DateTime from the Utc zone is a kind mismatch and a
  // conversion to Local gives Kind Local; the ticks are kept exactly.
  b("tz.local.utc.convert.matrix", "string", matrix(KINDS, `foreach (var s in new[] { TimeZoneInfo.Utc, TimeZoneInfo.Local }) foreach (var d in new[] { TimeZoneInfo.Utc, TimeZoneInfo.Local }) { try { var r = TimeZoneInfo.ConvertTime(x, s, d); sb.Append(r.Ticks % 1000 + r.Kind.ToString() + ","); } catch (Exception e) { sb.Append(${EX} + ","); } }`)),
  b("tz.local.utc.helpers.matrix", "string", matrix(KINDS, `foreach (var z in new[] { TimeZoneInfo.Utc, TimeZoneInfo.Local }) { try { var r = TimeZoneInfo.ConvertTimeToUtc(x, z); sb.Append(r.ToString("o") + r.Kind + ","); } catch (Exception e) { sb.Append(${EX} + ","); } try { var r = TimeZoneInfo.ConvertTimeFromUtc(x, z); sb.Append(r.ToString("o") + r.Kind + ","); } catch (Exception e) { sb.Append(${EX} + ","); } var q = TimeZoneInfo.ConvertTime(x, z); sb.Append(q.ToString("o") + q.Kind + ","); } var u = TimeZoneInfo.ConvertTimeToUtc(x); sb.Append(u.ToString("o") + u.Kind + "," + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(x, "UTC").Kind);`)),
  b("tz.local.utc.offsets", "string", matrix(KINDS, `foreach (var z in new[] { TimeZoneInfo.Utc, TimeZoneInfo.Local }) sb.Append(z.GetUtcOffset(x) + "," + z.IsDaylightSavingTime(x) + "," + z.IsAmbiguousTime(x) + "," + z.IsInvalidTime(x) + ",");`) ),
  c("tz.local.equals.utc", "string", `TimeZoneInfo.Local.Equals(TimeZoneInfo.Utc) + "|" + TimeZoneInfo.Local.HasSameRules(TimeZoneInfo.Utc) + "|" + (TimeZoneInfo.FindSystemTimeZoneById("utc") == TimeZoneInfo.Utc)`, {
    // Mono's Local is Etc/UTC (another id); .NET Framework's Local on a UTC machine is the "UTC" zone
    expectDotNet: "True|True|True",
  }),

  // ---- DateTime.AddX: .NET Framework's rounding to whole milliseconds --------------------------
  // Add(value, scale): (long)(value * scale + (value >= 0 ? 0.5 : -0.5)) milliseconds, then AddTicks
  // (so the DateTime's own sub-millisecond ticks stay); beyond ±MaxMillis ArgumentOutOfRangeException.
  b("add.scaled.matrix", "string", matrix(`new[] { 123456.789, -2.5, 2.5, 0.5, -0.5, 1.4999, 1e-7, -1e-7, 86399999.5, 0.49999999999999994, -1.5 }`, `foreach (var d in ${KINDS}) sb.Append(d.AddMilliseconds(x).Ticks % 100000000 + "," + d.AddSeconds(x / 1000).Ticks % 100000000 + "," + d.AddMinutes(x / 60000).Ticks % 100000000 + "," + d.AddHours(x / 3600000).Ticks % 100000000 + "," + d.AddDays(x / 86400000).Ticks % 100000000 + "," + d.AddMilliseconds(x).Kind + ";");`)),
  b("add.scaled.range", "string", matrix(`new[] { new { d = DateTime.MaxValue, v = 1.0, u = 0 }, new { d = DateTime.MaxValue, v = 0.4, u = 0 }, new { d = DateTime.MinValue, v = -0.4, u = 0 }, new { d = DateTime.MinValue, v = double.NaN, u = 3 }, new { d = DateTime.MinValue, v = 1e20, u = 1 }, new { d = DateTime.MinValue, v = 3652059.0, u = 3 }, new { d = DateTime.MinValue, v = 3652058.9999999, u = 3 }, new { d = DateTime.MaxValue, v = -87649415.99, u = 2 }, new { d = DateTime.MaxValue, v = double.PositiveInfinity, u = 1 } }`, `var r = x.u == 0 ? x.d.AddMilliseconds(x.v) : x.u == 1 ? x.d.AddSeconds(x.v) : x.u == 2 ? x.d.AddHours(x.v) : x.d.AddDays(x.v); sb.Append(r.Ticks);`)),
  // AddMonths / AddYears keep the time of day to the tick (DateTime.MaxValue.AddYears(-1) ends in .9999999)
  b("add.months.ticks", "string", matrix(`new[] { -120001, -13, -1, 1, 25, 120000, 120001 }`, `foreach (var d in new[] { DateTime.MaxValue, new DateTime(637134336000000001, DateTimeKind.Utc), new DateTime(2020, 1, 31, 23, 59, 59).AddTicks(9999999) }) { try { var r = d.AddMonths(x); sb.Append(r.ToString("o") + ","); } catch (Exception e) { sb.Append(${EX} + ","); } try { sb.Append(d.AddYears(x / 12).ToString("o") + ";"); } catch (Exception e) { sb.Append(${EX} + ";"); } }`)),
  c("add.years.max", "string", `$"{(DateTime.MaxValue.AddYears(-1)):o}|{DateTime.MaxValue.AddMonths(-1):o}|{new DateTimeOffset(DateTime.MaxValue.AddYears(-2)).AddYears(1):o}"`),

  // ---- TimeSpan totals: ticks times the reciprocal constants ---------------------------------
  b("timespan.totals.matrix", "string", matrix(`new[] { new TimeSpan(1, 2, 3, 4, 5), new TimeSpan(93784005), TimeSpan.FromMilliseconds(1), new TimeSpan(1), new TimeSpan(-7), TimeSpan.MaxValue, TimeSpan.MinValue, new TimeSpan(3, 0, 0), new TimeSpan(0, 0, 0, 0, 333), new TimeSpan(123456789012345) }`, `sb.Append(x.TotalMilliseconds.ToString("R") + "," + x.TotalSeconds.ToString("R") + "," + x.TotalMinutes.ToString("R") + "," + x.TotalHours.ToString("R") + "," + x.TotalDays.ToString("R"));`)),
];

// ---- DateTime.Parse: .NET's lenient DateTimeParse over the invariant culture ------------------
/** Inputs for the parse matrices: numbers with each separator, month and day names, AM/PM, offsets, ISO 8601, junk. */
export const PARSE_INPUTS = [
  "3.14", "3.14.15", "12/31", "12/31/99", "12/31/29", "1/2/3", "31/12/2020", "2020-06", "2020/6/7", "2020-02-30", "6/2020", "2020 6 7", "2020.06.07",
  "14 March", "March 14", "March 14, 2020", "14 March 2020", "Mar 2020", "2020 Mar", "2020 March 14", "March", "Sept 1", "Tue, 01 Jan 2020", "Wed, 01 Jan 2020", "Monday 1/6/2020",
  "5 PM", "5PM", "12 AM", "13 PM", "0 AM", "12:30", "12:30:45", "12:30:45.1234567", "12:30:45.12345678", "1:2:3", "24:00", "12:60", "12:30 PM", "12:30PM", "1/10 5 AM",
  "2020-02-29T23:59:59Z", "2020-02-29T23:59:59.9999999+14:00", "2020-02-29T23:59:59-14:01", "2020-02-29T12:00", "2020-02-29 12:00:00Z", "2020-02-29 12:00:00 +05:30", "2020-02-29 12:00 -0800", "2020-02-29 12:00 +8",
  "Sat, 29 Feb 2020 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "9999-12-31T23:59:59.9999999", "9999-12-31T23:59:59.9999999+00:00", "0001-01-01T00:00:00+01:00", "12:00 GMT", "12:00 Z",
  "", " ", "abc", "ÄÖü straße-42", "-42", "123", "1e3", "true", "3.14.15.92", "#2020-01-02#", "2020-01-02\\0", "1 2 3 4", "A.D. 2020-01-02", "2020-01-02 AD", "+05:00", "12:00 +05:00 +01:00", "123456789",
];
const cs = (list: string[]) => `new[] { ${list.map((x) => JSON.stringify(x)).join(", ")} }`;
/** A parsed DateTime, independent of today's date: "today", "Y-MM-dd" in this year, else the full date; the time and Kind. */
const SHOW = (d: string) => `(${d}.Date == DateTime.Today ? "today" : ${d}.Year == DateTime.Today.Year ? "Y-" + ${d}.ToString("MM-dd") : ${d}.ToString("yyyy-MM-dd")) + " " + ${d}.ToString("HH:mm:ss.fffffff") + " " + ${d}.Kind`;
// "Today" of a DateTimeOffset parsed without a date is today in its own offset (which may be
// tomorrow or yesterday in UTC): compared there, the answer does not depend on the hour of the run.
const SHOW_DTO = (d: string) => `(${d}.Date == DateTimeOffset.UtcNow.ToOffset(${d}.Offset).Date ? "today" : ${d}.Year == DateTime.Today.Year ? "Y-" + ${d}.ToString("MM-dd") : ${d}.ToString("yyyy-MM-dd")) + " " + ${d}.ToString("HH:mm:ss.fffffff zzz")`;

DATES_CASES.push(
  b("parse.lenient.matrix", "string", matrix(cs(PARSE_INPUTS), `var d = DateTime.Parse(x, CultureInfo.InvariantCulture); sb.Append(${SHOW("d")});`)),
  b("parse.lenient.styles", "string", matrix(cs(PARSE_INPUTS.slice(40, 56)), `foreach (var st in new[] { DateTimeStyles.None, DateTimeStyles.AdjustToUniversal, DateTimeStyles.AssumeUniversal, DateTimeStyles.AssumeLocal, DateTimeStyles.RoundtripKind }) { DateTime d; sb.Append(DateTime.TryParse(x, CultureInfo.InvariantCulture, st, out d) ? ${SHOW("d")} : "no"); sb.Append(";"); }`)),
  b("parse.offset.matrix", "string", matrix(cs(PARSE_INPUTS), `var d = DateTimeOffset.Parse(x); sb.Append(${SHOW_DTO("d")});`)),
  b("parse.tryparse.matrix", "string", matrix(cs(PARSE_INPUTS), `DateTime d; DateTimeOffset o; sb.Append(DateTime.TryParse(x, out d) + "," + DateTimeOffset.TryParse(x, out o));`)),
  // the invariant ToString() texts read back ("MM/dd/yyyy HH:mm:ss" and DateTimeOffset's "... +05:30")
  b("parse.roundtrip.tostring", "string", matrix(`new[] { new DateTimeOffset(2020, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(330)), new DateTimeOffset(2021, 12, 31, 0, 0, 0, TimeSpan.FromHours(-14)), DateTimeOffset.MaxValue, DateTimeOffset.MinValue, new DateTimeOffset(new DateTime(637134336000000001, DateTimeKind.Utc)) }`, `foreach (var f in new[] { "o", "r", "u", "s", "G", "" }) { try { var t = f == "" ? x.ToString() : x.ToString(f); var p = DateTimeOffset.Parse(t); sb.Append(p.ToString("o") + ","); } catch (Exception e) { sb.Append(${EX} + ","); } } var d = DateTime.Parse(x.DateTime.ToString()); sb.Append(d.ToString("o"));`)),
  c("parse.null", "string", `DateTime.Parse(null).ToString()`),
);

// ---- ParseExact: .NET's DoStrictParse over the invariant culture ----------------------------
/** [input, format] pairs: standard and custom formats, time-only formats (today's date), names, offsets, misfits. */
export const EXACT_PAIRS: [string, string][] = [
  ["12:30", "HH:mm"], ["5 PM", "h tt"], ["05:07:09 AM", "hh:mm:ss tt"], ["12:00 AM", "hh:mm tt"], ["13:00 PM", "HH:mm tt"], ["13", "hh"], ["7", "%H"], ["3", "%d"], ["3/4", "M/d"], ["2020", "yyyy"], ["99", "yy"], ["29", "yy"], ["30", "y"],
  ["Mon, 01 Jan 0001 00:00:00 GMT", "r"], ["Sat, 29 Feb 2020 23:59:59 GMT", "R"], ["Sun, 29 Feb 2020 23:59:59 GMT", "r"], ["sat, 29 feb 2020 23:59:59 GMT", "r"], ["Sat, 29 Feb 2020 23:59:59 gmt", "r"],
  ["9999-12-31T23:59:59.9999999+00:00", "o"], ["9999-12-31T23:59:59.9999999Z", "o"], ["2020-02-29T12:00:00.0000000", "O"], ["2020-02-29T12:00:00.0000000+05:30", "o"], ["2020-02-29T12:00:00.000+05:30", "o"],
  ["2020-02-29T12:00:00", "s"], ["2020-02-29 12:00:00Z", "u"], ["02/29/2020", "d"], ["02/29/2020 13:05", "g"], ["02/29/2020 13:05:06", "G"], ["February 29", "M"], ["2020 February", "y"], ["13:05", "t"], ["13:05:06", "T"],
  ["Saturday, 29 February 2020", "D"], ["Saturday, 29 February 2020 13:05:06", "F"], ["Saturday, 29 February 2020 13:05:06", "U"],
  ["29 Feb 2020", "dd MMM yyyy"], ["29 February 2020", "dd MMMM yyyy"], ["Sat 29 Feb 2020", "ddd dd MMM yyyy"], ["Sun 29 Feb 2020", "ddd dd MMM yyyy"], ["2020-02-29 12:00:00.5", "yyyy-MM-dd HH:mm:ss.FFF"], ["2020-02-29 12:00:00", "yyyy-MM-dd HH:mm:ss.FFF"],
  ["2020-02-29 12:00:00.123", "yyyy-MM-dd HH:mm:ss.ff"], ["12:00 +05:30", "HH:mm zzz"], ["12:00 +5", "HH:mm z"], ["12:00 -08", "HH:mm zz"], ["2020-02-29 12:00 Z", "yyyy-MM-dd HH:mm K"], ["2020-02-29 12:00 ", "yyyy-MM-dd HH:mm K"],
  ["2020-02-29T12:00", "yyyy-MM-dd'T'HH:mm"], ["2020-02-29 12:00 GMT", "yyyy-MM-dd HH:mm GMT"], [" 2020", "yyyy"], ["2020 ", "yyyy"], ["2020-02-30", "yyyy-MM-dd"], ["2020-13-01", "yyyy-MM-dd"], ["2020-2-3", "yyyy-M-d"],
  ["2020-02-03", "yyyy-M-d"], ["20200203", "yyyyMMdd"], ["x2020", "'x'yyyy"], ["x2020", "\\xyyyy"], ["2020", "'x"], ["2020", ""], ["2020", "Q"], ["2020", "%"], ["12 12", "HH hh"], ["12 13", "HH HH"],
];
const csPairs = (list: [string, string][]) => `new[] { ${list.map(([a, f]) => `new[] { ${JSON.stringify(a)}, ${JSON.stringify(f)} }`).join(", ")} }`;

DATES_CASES.push(
  b("parseexact.matrix", "string", matrix(csPairs(EXACT_PAIRS), `var d = DateTime.ParseExact(x[0], x[1], CultureInfo.InvariantCulture); sb.Append(${SHOW("d")});`)),
  b("parseexact.offset.matrix", "string", matrix(csPairs(EXACT_PAIRS), `var d = DateTimeOffset.ParseExact(x[0], x[1], CultureInfo.InvariantCulture); sb.Append(${SHOW_DTO("d")});`)),
  b("parseexact.styles", "string", matrix(csPairs(EXACT_PAIRS.slice(13, 30)), `foreach (var st in new[] { DateTimeStyles.None, DateTimeStyles.AdjustToUniversal, DateTimeStyles.AssumeUniversal, DateTimeStyles.AssumeLocal, DateTimeStyles.RoundtripKind }) { DateTime d; sb.Append(DateTime.TryParseExact(x[0], x[1], CultureInfo.InvariantCulture, st, out d) ? ${SHOW("d")} : "no"); sb.Append(";"); }`)),
  b("parseexact.nulls", "string", matrix(`new[] { new string[] { null, "yyyy" }, new string[] { "2020", null }, new string[] { null, null }, new[] { "", "yyyy" }, new[] { "", "" } }`, `foreach (var k in new[] { 0, 1, 2 }) { try { sb.Append(k == 0 ? DateTime.ParseExact(x[0], x[1], CultureInfo.InvariantCulture).Year.ToString() : k == 1 ? DateTimeOffset.ParseExact(x[0], x[1], CultureInfo.InvariantCulture).Year.ToString() : DateTime.ParseExact(x[0], x[1], CultureInfo.InvariantCulture, DateTimeStyles.None).Year.ToString()); } catch (Exception e) { sb.Append(${EX}); } sb.Append(","); } DateTime d; sb.Append(DateTime.TryParseExact(x[0], x[1], CultureInfo.InvariantCulture, DateTimeStyles.None, out d));`)),
  b("parse.styles.conflict", "string", matrix(`new[] { DateTimeStyles.AssumeLocal | DateTimeStyles.AssumeUniversal, DateTimeStyles.RoundtripKind | DateTimeStyles.AdjustToUniversal, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeLocal, (DateTimeStyles)256 }`, `DateTime d; try { sb.Append(DateTime.Parse("2020-01-01", CultureInfo.InvariantCulture, x).Kind); } catch (Exception e) { sb.Append(${EX}); } try { sb.Append(DateTime.TryParse("2020-01-01", CultureInfo.InvariantCulture, x, out d)); } catch (Exception e) { sb.Append(${EX}); } try { sb.Append(DateTime.ParseExact("2020", "yyyy", CultureInfo.InvariantCulture, x).Kind); } catch (Exception e) { sb.Append(${EX}); }`)),
);

// ---- TimeSpan.ParseExact: TimeSpanParse over the invariant culture ---------------------------
export const TS_EXACT: [string, string][] = [
  ["1.02:03:04.5", "c"], ["02:03", "c"], ["02:03:04", "t"], [" -1.02:03 ", "T"], ["1", "c"], ["10675199", "c"], ["10675200", "c"], ["24:00", "c"], ["23:60", "c"], ["1.24:00", "c"], ["01:02:03.12345678", "c"], ["01:02:.5", "c"], ["-", "c"], ["1:2", "c"], ["1.2", "c"], ["", "c"],
  ["1:02:03", "g"], ["-1:2:03:04.5", "g"], ["1:02:03:04.5000000", "G"], ["1:02:03", "G"], ["02:03", "x"],
  ["02:03", "hh\\:mm"], ["2:3", "h\\:m"], ["02:03", "hh:mm"], ["1.02:03:04", "d\\.hh\\:mm\\:ss"], ["123.02", "ddd\\.hh"], ["1.02", "ddd\\.hh"], ["5", "%d"], ["5", "%h"], ["5", "%"], ["05", "ss"], ["60", "ss"], ["24", "hh"],
  ["03.123", "ss\\.fff"], ["03.12", "ss\\.fff"], ["03.12", "ss\\.FFF"], ["03.", "ss\\.FFF"], ["03.0012345", "ss\\.fffffff"], ["03.00123456", "ss\\.ffffffff"], ["1 day 2 h", "d' day 'h' h'"], ["1 day", "d' day"], ["1h", "h\\h"], ["12:34", "hh\\:mm\\:ss"], ["1234", "hhmm"], ["1:1", "h\\:h"],
];
DATES_CASES.push(
  b("timespan.parseexact.matrix", "string", matrix(csPairs(TS_EXACT), `foreach (var st in new[] { TimeSpanStyles.None, TimeSpanStyles.AssumeNegative }) { try { sb.Append(TimeSpan.ParseExact(x[0], x[1], CultureInfo.InvariantCulture, st).ToString() + ","); } catch (Exception e) { sb.Append(${EX} + ","); } TimeSpan t; sb.Append(TimeSpan.TryParseExact(x[0], x[1], null, st, out t) + t.ToString() + ";"); }`)),
  b("timespan.parseexact.formats", "string", matrix(`new[] { new[] { "c", "hh\\\\:mm" }, new[] { "hh\\\\:mm", "c" }, new[] { "x", "c" }, new[] { "hh", "mm" }, new string[] { null, "c" }, new[] { "c", "" }, new string[0] }`, `foreach (var s in new[] { "02:03", "07", "1.02:03", "25" }) { try { sb.Append(TimeSpan.ParseExact(s, x, null).ToString() + ","); } catch (Exception e) { sb.Append(${EX} + ","); } TimeSpan t; sb.Append(TimeSpan.TryParseExact(s, x, null, out t) + ";"); }`)),
  c("timespan.parseexact.nulls", "string", `new[] { 0, 1, 2 }.Select(k => { try { return (k == 0 ? TimeSpan.ParseExact(null, "c", null) : k == 1 ? TimeSpan.ParseExact("1", (string)null, null) : TimeSpan.ParseExact("1", (string[])null, null)).ToString(); } catch (ArgumentNullException) { return "ANE"; } }).Aggregate((a, b2) => a + "," + b2) + TimeSpan.TryParseExact(null, "c", null, out var t)`),
);

// ---- Guid: ParseExact / TryParseExact and the "X" format -------------------------------------
const G = "6F9619FF-8B86-D011-B42D-00CF4FC964FF";
export const GUID_TEXTS = [
  G, G.toLowerCase(), ` ${G} `, `{${G}}`, `(${G})`, `{${G})`, `(${G}}`, G.replace(/-/g, ""), `{${G.replace(/-/g, "")}}`, G.slice(1), `${G}0`, G.replace("-8B86", "8B86-"),
  "{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64,0xff}}", "{ 0x6f9619ff , 0x8b86, 0xd011, { 0xb4, 0x2d, 0x0, 0xcf, 0x4f, 0xc9, 0x64, 0xff } }", "{0X6F9619FF,0X8B86,0XD011,{0XB4,0X2D,0X00,0XCF,0X4F,0XC9,0X64,0XFF}}",
  "{0x1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}", "{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x100,0xcf,0x4f,0xc9,0x64,0xff}}", "{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64}}", "{6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64,0xff}}",
  "{0x6f9619ff,0x8b86,0xd011,{0xb4,0x2d,0x00,0xcf,0x4f,0xc9,0x64,0xff}}x", "", "   ", "6F9619FF-8B86-D011-B42D-00CF4FC964FG", "zz",
];
DATES_CASES.push(
  b("guid.parseexact.matrix", "string", matrix(cs(GUID_TEXTS), `foreach (var f in new[] { "D", "d", "N", "B", "P", "X", "x", "", "DD", "Q" }) { try { sb.Append(Guid.ParseExact(x, f).ToString("N").Substring(0, 6) + ","); } catch (Exception e) { sb.Append(${EX} + ","); } Guid g; sb.Append(Guid.TryParseExact(x, f, out g) + ";"); } Guid p; sb.Append(Guid.TryParse(x, out p) + p.ToString("N").Substring(0, 6));`)),
  c("guid.format.x", "string", `string.Join("|", new[] { "X", "x" }.Select(f => Guid.Parse("${G}").ToString(f) + "," + Guid.Empty.ToString(f) + "," + string.Format("{0:" + f + "}", Guid.Parse("${G}")))) + "|" + Guid.ParseExact(Guid.Parse("${G}").ToString("X"), "X")`),
  c("guid.parseexact.nulls", "string", `new[] { 0, 1 }.Select(k => { try { return (k == 0 ? Guid.ParseExact(null, "D") : Guid.ParseExact("${G}", null)).ToString(); } catch (ArgumentNullException) { return "ANE"; } }).Aggregate((a, b2) => a + "," + b2) + Guid.TryParseExact(null, "D", out var g) + Guid.TryParseExact("${G}", null, out g)`),
);

// ---- DateTimeOffset members ----------------------------------------------------------------
const DTOS = `new[] { new DateTimeOffset(2020, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(330)), new DateTimeOffset(2020, 2, 29, 18, 29, 59, TimeSpan.Zero), new DateTimeOffset(new DateTime(637134336000000001, DateTimeKind.Utc)), DateTimeOffset.MaxValue, DateTimeOffset.MinValue, new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.FromHours(-1)), DateTimeOffset.UnixEpoch }`;
DATES_CASES.push(
  b("dto.members.matrix", "string", matrix(DTOS, `sb.Append(x.UtcTicks + "," + x.LocalDateTime.ToString("o") + "," + x.LocalDateTime.Kind + "," + x.ToLocalTime().ToString("o") + ","); try { sb.Append(x.ToFileTime() + ","); } catch (Exception e) { sb.Append(${EX} + ","); } foreach (var o in new[] { TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromHours(-14), TimeSpan.FromMinutes(-90), TimeSpan.FromHours(15), TimeSpan.FromSeconds(30) }) { try { sb.Append(x.ToOffset(o).ToString("o") + ","); } catch (Exception e) { sb.Append(${EX} + ","); } } foreach (var y in ${DTOS}) sb.Append(DateTimeOffset.Compare(x, y) + (x.EqualsExact(y) ? "E" : x.Equals(y) ? "e" : "") + " ");`)),
  b("dto.fromfiletime", "string", matrix(`new[] { 0L, 1L, 132223104000000001L, -1L, 2650467743999999999L, 2650467744000000000L }`, `var d = DateTimeOffset.FromFileTime(x); sb.Append(d.ToString("o") + "," + d.ToFileTime());`)),
  b("dto.parse.overloads", "string", matrix(cs(["2020-02-29T12:00:00+05:30", "2020-02-29 12:00", "12:00", "3.14", "Feb 29 2020 5 PM -03:00", "x"]), `foreach (var st in new[] { DateTimeStyles.None, DateTimeStyles.AdjustToUniversal, DateTimeStyles.AssumeUniversal, DateTimeStyles.AssumeLocal, DateTimeStyles.RoundtripKind, DateTimeStyles.AssumeLocal | DateTimeStyles.AssumeUniversal }) { try { var d = DateTimeOffset.Parse(x, CultureInfo.InvariantCulture, st); sb.Append(${SHOW_DTO("d")} + ","); } catch (Exception e) { sb.Append(${EX} + ","); } DateTimeOffset o; try { sb.Append(DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, st, out o) + ";"); } catch (Exception e) { sb.Append(${EX} + ";"); } } sb.Append(${SHOW_DTO("DateTimeOffset.Parse(x, CultureInfo.InvariantCulture)")});`)),
  b("dto.parseexact.overloads", "string", matrix(csPairs([["2020-02-29T12:00:00+05:30", "yyyy-MM-dd'T'HH:mm:sszzz"], ["2020-02-29 12:00", "yyyy-MM-dd HH:mm"], ["12:00", "HH:mm"], ["12:00 Z", "HH:mm K"], ["x", "yyyy"]]), `foreach (var st in new[] { DateTimeStyles.None, DateTimeStyles.AdjustToUniversal, DateTimeStyles.AssumeUniversal, DateTimeStyles.NoCurrentDateDefault }) { try { var d = DateTimeOffset.ParseExact(x[0], x[1], CultureInfo.InvariantCulture, st); sb.Append(${SHOW_DTO("d")} + ","); } catch (Exception e) { sb.Append(${EX} + ","); } DateTimeOffset o; try { sb.Append(DateTimeOffset.TryParseExact(x[0], x[1], CultureInfo.InvariantCulture, st, out o) + ","); } catch (Exception e) { sb.Append(${EX} + ","); } foreach (var fs in new[] { new[] { "yyyy", x[1] }, new[] { x[1], null }, new string[] { null, x[1] }, new string[0] }) { try { sb.Append(DateTimeOffset.ParseExact(x[0], fs, CultureInfo.InvariantCulture, st).Minute + ","); } catch (Exception e) { sb.Append(${EX} + ","); } try { sb.Append(DateTimeOffset.TryParseExact(x[0], fs, CultureInfo.InvariantCulture, st, out o) + ","); } catch (Exception e) { sb.Append(${EX} + ","); } } sb.Append(";"); }`)),
);
DATES_CASES.push(
  b("parse.nocurrentdatedefault", "string", matrix(cs(["12:00", "5 PM", "2020-02-29", "3.14", "12:00 +05:00"]), `DateTime d; sb.Append(DateTime.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out d) ? ${SHOW("d")} : "no"); sb.Append(DateTime.TryParseExact(x, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out d) ? ${SHOW("d")} : "no");`)),
);

// ---- custom format strings: every specifier length, %, quotes, escapes, unknown letters --------
export const FORMATS = ["%d", "%4", "%41%2Fb c+d", "%%", "%", "\\", "'abc", "yyyyyy", "yyyyy", "yyy", "y", "%y", "MMMMM", "MMM", "ddddd", "fffffff", "FFFFFFF", "ffffffff", "FFFFFFFF", "hhh", "HHH", "mmm", "sss", "ttt", "t", "%t", "zzzz", "zzz", "zz", "%z", "KK", "%K", "gg", "ggg", "%g", ":", "/", "%:", "F.F", "s.FFF", "s.fff", "s\\.FFF", "\"q\"", "\\\\", "abc", "Q", "e", "R", "x", "HH:mm:ss.FFFFFFF"];
DATES_CASES.push(
  b("format.custom.matrix", "string", matrix(cs(FORMATS), `foreach (var d in new[] { new DateTime(2020, 2, 9, 13, 5, 7).AddTicks(1230000), new DateTime(5, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue }) { try { sb.Append(d.ToString(x) + ","); } catch (Exception e) { sb.Append(${EX} + ","); } } foreach (var o in new[] { new DateTimeOffset(2020, 2, 9, 13, 5, 7, TimeSpan.FromMinutes(-330)), DateTimeOffset.MinValue }) { try { sb.Append(o.ToString(x) + ","); } catch (Exception e) { sb.Append(${EX} + ","); } }`)),
);
DATES_CASES.push(
  // DateTimeStyles are checked before the text (a null text with conflicting styles is an ArgumentException)
  b("parse.styles.before.null", "string", matrix(`new[] { DateTimeStyles.None, DateTimeStyles.NoCurrentDateDefault, DateTimeStyles.AssumeLocal | DateTimeStyles.AssumeUniversal, DateTimeStyles.RoundtripKind | DateTimeStyles.AdjustToUniversal }`, `foreach (var k in new[] { 0, 1, 2, 3 }) { try { sb.Append(k == 0 ? DateTime.Parse(null, CultureInfo.InvariantCulture, x).Year : k == 1 ? DateTime.ParseExact(null, "yyyy", CultureInfo.InvariantCulture, x).Year : k == 2 ? DateTimeOffset.Parse(null, CultureInfo.InvariantCulture, x).Year : DateTimeOffset.ParseExact(null, new[] { "yyyy" }, CultureInfo.InvariantCulture, x).Year); } catch (Exception e) { sb.Append(${EX}); } sb.Append(","); }`)),
);
DATES_CASES.push(
  // Convert.ToDateTime of null (an object or a string) is DateTime.MinValue, not null
  c("convert.todatetime.null", "string", `Convert.ToDateTime((object)null).ToString("o") + "|" + Convert.ToDateTime((string)null).Ticks + "|" + Convert.ToDateTime(JValue.CreateNull().Value).Kind + "|" + Convert.ToDateTime("3.14").ToString("MM-dd")`),
);
DATES_CASES.push(
  // a DateTime before 1601 has no Win32 file time
  b("filetime.range", "string", matrix(`new[] { DateTime.MinValue, new DateTime(1600, 12, 31, 23, 59, 59, DateTimeKind.Utc), new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue }`, `sb.Append(x.ToFileTimeUtc() + "," + DateTime.FromFileTimeUtc(x.ToFileTimeUtc()).ToString("o"));`)),
);

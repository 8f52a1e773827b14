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

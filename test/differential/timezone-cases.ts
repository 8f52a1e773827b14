// Differential cases for System.TimeZoneInfo. Mono on Linux knows IANA ids, so conversions,
// offsets, daylight saving, ambiguous and invalid times are compared on IANA zones around their
// transitions; Windows ids (what APIM's Windows gateways know) are checked with `expectDotNet`
// against the same instants, since Mono on Linux does not know them.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `tz.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `tz.${id}`, type, expr: body, block: true, ...opts });

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Tokyo", "America/St_Johns", "Pacific/Chatham", "America/Sao_Paulo", "Europe/London", "Pacific/Apia"];
// UTC instants around transitions of 2021 (northern spring/autumn, southern, half-hour and 45-minute zones)
const INSTANTS = ["2021-01-15T12:00:00", "2021-03-14T06:59:59", "2021-03-14T07:00:00", "2021-03-28T00:59:59", "2021-03-28T01:00:00", "2021-04-03T16:00:00", "2021-07-01T00:00:00", "2021-10-31T00:59:59", "2021-10-31T01:00:00", "2021-11-07T06:00:00", "2021-12-31T23:59:59"];
// wall-clock times: ordinary, skipped (spring forward) and repeated (fall back) in Berlin, New York, Sydney
const WALLS = ["2021-06-01T12:00:00", "2021-03-28T02:30:00", "2021-10-31T02:30:00", "2021-03-14T02:30:00", "2021-11-07T01:30:00", "2021-04-04T02:30:00", "2021-10-03T02:30:00"];

const zs = JSON.stringify(ZONES).replace(/^\[/, "new[] {").replace(/\]$/, "}");
const parse = (list: string[]) => `new[] {${list.map((s) => `"${s}"`).join(", ")}}`;

export const TIMEZONE_CASES: DiffCase[] = [
  b("fromutc.matrix", "string", `var sb = new StringBuilder(); foreach (var id in ${zs}) { var z = TimeZoneInfo.FindSystemTimeZoneById(id); foreach (var s in ${parse(INSTANTS)}) { var u = DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc); var l = TimeZoneInfo.ConvertTimeFromUtc(u, z); sb.Append(id + " " + s + " " + l.ToString("yyyy-MM-dd HH:mm:ss") + " " + l.Kind + " " + z.GetUtcOffset(u) + " " + z.IsDaylightSavingTime(u) + " " + z.GetUtcOffset(new DateTimeOffset(u)) + "\\n"); } } return sb.ToString();`),
  b("toutc.matrix", "string", `var sb = new StringBuilder(); foreach (var id in ${zs}) { var z = TimeZoneInfo.FindSystemTimeZoneById(id); foreach (var s in ${parse(WALLS)}) { var w = DateTime.Parse(s, CultureInfo.InvariantCulture); string r; try { r = TimeZoneInfo.ConvertTimeToUtc(w, z).ToString("yyyy-MM-dd HH:mm:ss"); } catch (ArgumentException) { r = "invalid"; } sb.Append(id + " " + s + " " + r + " " + z.IsAmbiguousTime(w) + " " + z.IsInvalidTime(w) + " " + z.IsDaylightSavingTime(w) + " " + z.GetUtcOffset(w) + "\\n"); } } return sb.ToString();`),
  b("convert.between", "string", `var b = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); var n = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"); var w = new DateTime(2021, 7, 1, 12, 0, 0);
    return TimeZoneInfo.ConvertTime(w, b, n).ToString("o") + "|" + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(w, "Europe/Berlin", "Asia/Tokyo").ToString("o") + "|" + TimeZoneInfo.ConvertTime(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc), n).ToString("o") + "|" + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc), "Asia/Kolkata").ToString("o") + "|" + TimeZoneInfo.ConvertTime(w, b, TimeZoneInfo.Utc).ToString("o");`),
  b("convert.offset", "string", `var n = TimeZoneInfo.FindSystemTimeZoneById("America/New_York"); var d = new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.FromHours(2));
    return TimeZoneInfo.ConvertTime(d, n).ToString("o") + "|" + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(d, "Australia/Sydney").ToString("o") + "|" + TimeZoneInfo.ConvertTime(d, TimeZoneInfo.Utc).ToString("o") + "|" + n.IsDaylightSavingTime(d) + "|" + n.IsAmbiguousTime(new DateTimeOffset(2021, 11, 7, 1, 30, 0, TimeSpan.FromHours(-4)));`),
  b("convert.invalid", "string", `var b = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); return TimeZoneInfo.ConvertTime(new DateTime(2021, 3, 28, 2, 30, 0), b, TimeZoneInfo.Utc).ToString("o");`),
  b("convert.kind.mismatch", "string", `var b = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); return TimeZoneInfo.ConvertTimeToUtc(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc), b).ToString("o");`),
  b("properties", "string", `var s = new List<string>(); foreach (var id in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney", "America/St_Johns", "Pacific/Chatham", "America/Sao_Paulo", "Europe/London", "Pacific/Apia" }) { var z = TimeZoneInfo.FindSystemTimeZoneById(id); s.Add(z.Id + " " + z.BaseUtcOffset + " " + z.SupportsDaylightSavingTime); } var u = TimeZoneInfo.Utc; s.Add(u.BaseUtcOffset + " " + u.SupportsDaylightSavingTime); return string.Join("|", s);`),
  b("equality", "string", `var a = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); var b2 = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); var c = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"); return a.Equals(b2) + "|" + a.Equals(c) + "|" + a.Equals((object)null) + "|" + (a.GetHashCode() == b2.GetHashCode()) + "|" + a.HasSameRules(b2);`),
  c("find.unknown", "string", `TimeZoneInfo.FindSystemTimeZoneById("Nowhere/City").Id`),
  c("find.null", "string", `TimeZoneInfo.FindSystemTimeZoneById(null).Id`),
  c("utc.toutc", "string", `TimeZoneInfo.ConvertTimeToUtc(new DateTime(2021, 5, 6, 7, 8, 9, DateTimeKind.Utc)).ToString("o") + "|" + TimeZoneInfo.ConvertTimeToUtc(new DateTime(2021, 5, 6, 7, 8, 9)).Kind`),
  // ---- Windows ids, as APIM's Windows gateways know them (Mono on Linux does not: TimeZoneNotFoundException) --
  // instants from the IANA cases above; names are Windows' English names (tzutil /l)
  b("windows.berlin", "string", `var z = TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time"); return z.Id + "|" + z.DisplayName + "|" + z.StandardName + "|" + z.DaylightName + "|" + TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2021, 7, 1, 12, 0, 0, DateTimeKind.Utc), z).ToString("o") + "|" + TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2021, 1, 1, 12, 0, 0, DateTimeKind.Utc), z).ToString("o");`, {
    expectDotNet: "W. Europe Standard Time|(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna|W. Europe Standard Time|W. Europe Daylight Time|2021-07-01T14:00:00.0000000|2021-01-01T13:00:00.0000000",
  }),
  b("windows.eastern", "string", `return TimeZoneInfo.ConvertTimeBySystemTimeZoneId(new DateTime(2021, 11, 7, 6, 0, 0, DateTimeKind.Utc), "Eastern Standard Time").ToString("o") + "|" + TimeZoneInfo.ConvertTimeBySystemTimeZoneId(new DateTime(2021, 11, 7, 5, 59, 59, DateTimeKind.Utc), "eastern standard time").ToString("o") + "|" + TimeZoneInfo.FindSystemTimeZoneById("India Standard Time").BaseUtcOffset;`, {
    expectDotNet: "2021-11-07T01:00:00.0000000|2021-11-07T01:59:59.0000000|05:30:00",
  }),
  // .NET Framework's UTC zone on Windows: Id "UTC", English names "Coordinated Universal Time"
  c("windows.utc", "string", `TimeZoneInfo.Utc.Id + "|" + TimeZoneInfo.Utc.DisplayName + "|" + TimeZoneInfo.Utc.StandardName + "|" + TimeZoneInfo.Utc + "|" + TimeZoneInfo.FindSystemTimeZoneById("UTC").Id`, {
    expectDotNet: "UTC|(UTC) Coordinated Universal Time|Coordinated Universal Time|(UTC) Coordinated Universal Time|UTC",
  }),
  // APIM's gateways run in UTC: Local is the UTC zone (Mono here: Etc/UTC)
  c("windows.local", "string", `TimeZoneInfo.Local.Id + "|" + TimeZoneInfo.Local.BaseUtcOffset`, { expectDotNet: "UTC|00:00:00" }),
  // Windows' India and Tokyo zones have no daylight saving rules (their DST ended in the 1940s and 1950s);
  // Mono's IANA zones count those years
  c("windows.nodst", "string", `TimeZoneInfo.FindSystemTimeZoneById("India Standard Time").SupportsDaylightSavingTime + "|" + TimeZoneInfo.FindSystemTimeZoneById("Tokyo Standard Time").SupportsDaylightSavingTime + "|" + TimeZoneInfo.FindSystemTimeZoneById("Pacific Standard Time").SupportsDaylightSavingTime`, { expectDotNet: "False|False|True" }),
  c("windows.count", "bool", `TimeZoneInfo.GetSystemTimeZones().Count > 100 && TimeZoneInfo.GetSystemTimeZones().Any(z => z.Id == "Pacific Standard Time")`, { expectDotNet: "true" }),
];

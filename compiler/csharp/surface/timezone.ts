// System.TimeZoneInfo: Windows (and IANA) zones over Node's ICU data, lowered to runtime/dotnet/timezone.ts.
import { js, rt } from "../../codegen/code.js";
import { M, P, SM, SP, type } from "./dsl.js";

type("System", "TimeZoneInfo", { test: (v) => js`(${v} instanceof ${rt("TimeZoneInfo")})` }, [
  SP("TimeZoneInfo Utc", () => js`${rt("tzUtc")}`),
  SP("TimeZoneInfo Local", () => js`${rt("tzLocal")}`),
  SM("TimeZoneInfo FindSystemTimeZoneById(string id)", (_r, a) => js`${rt("tzFind")}(${a[0]})`),
  SM("IReadOnlyList<TimeZoneInfo> GetSystemTimeZones()", () => js`${rt("tzSystemZones")}()`),
  SM("DateTime ConvertTime(DateTime dateTime, TimeZoneInfo destinationTimeZone)", (_r, a) => js`${rt("tzConvertTo")}(${a[0]}, ${a[1]})`),
  SM("DateTime ConvertTime(DateTime dateTime, TimeZoneInfo sourceTimeZone, TimeZoneInfo destinationTimeZone)", (_r, a) => js`${rt("tzConvert")}(${a[0]}, ${a[1]}, ${a[2]})`),
  SM("DateTimeOffset ConvertTime(DateTimeOffset dateTimeOffset, TimeZoneInfo destinationTimeZone)", (_r, a) => js`${rt("tzConvertOffset")}(${a[0]}, ${a[1]})`),
  SM("DateTime ConvertTimeFromUtc(DateTime dateTime, TimeZoneInfo destinationTimeZone)", (_r, a) => js`${rt("tzFromUtc")}(${a[0]}, ${a[1]})`),
  SM("DateTime ConvertTimeToUtc(DateTime dateTime)", (_r, a) => js`${rt("tzToUtc")}(${a[0]})`),
  SM("DateTime ConvertTimeToUtc(DateTime dateTime, TimeZoneInfo sourceTimeZone)", (_r, a) => js`${rt("tzToUtc")}(${a[0]}, ${a[1]})`),
  SM("DateTime ConvertTimeBySystemTimeZoneId(DateTime dateTime, string destinationTimeZoneId)", (_r, a) => js`${rt("tzConvertTo")}(${a[0]}, ${rt("tzFind")}(${a[1]}))`),
  SM("DateTime ConvertTimeBySystemTimeZoneId(DateTime dateTime, string sourceTimeZoneId, string destinationTimeZoneId)", (_r, a) =>
    js`${rt("tzConvert")}(${a[0]}, ${rt("tzFind")}(${a[1]}), ${rt("tzFind")}(${a[2]}))`,
  ),
  SM("DateTimeOffset ConvertTimeBySystemTimeZoneId(DateTimeOffset dateTimeOffset, string destinationTimeZoneId)", (_r, a) => js`${rt("tzConvertOffset")}(${a[0]}, ${rt("tzFind")}(${a[1]}))`),
  P("string Id", (r) => js`${r}.Id`),
  P("string DisplayName", (r) => js`${r}.DisplayName`),
  P("string StandardName", (r) => js`${r}.StandardName`),
  P("string DaylightName", (r) => js`${r}.DaylightName`),
  P("TimeSpan BaseUtcOffset", (r) => js`${r}.BaseUtcOffset`),
  P("bool SupportsDaylightSavingTime", (r) => js`${r}.SupportsDaylightSavingTime`),
  M("TimeSpan GetUtcOffset(DateTime dateTime)", (r, a) => js`${r}.GetUtcOffset(${a[0]})`),
  M("TimeSpan GetUtcOffset(DateTimeOffset dateTimeOffset)", (r, a) => js`${r}.GetUtcOffset(${a[0]})`),
  M("bool IsDaylightSavingTime(DateTime dateTime)", (r, a) => js`${r}.IsDaylightSavingTime(${a[0]})`),
  M("bool IsDaylightSavingTime(DateTimeOffset dateTimeOffset)", (r, a) => js`${r}.IsDaylightSavingTime(${a[0]})`),
  M("bool IsAmbiguousTime(DateTime dateTime)", (r, a) => js`${r}.IsAmbiguousTime(${a[0]})`),
  M("bool IsAmbiguousTime(DateTimeOffset dateTimeOffset)", (r, a) => js`${r}.IsAmbiguousTime(${a[0]})`),
  M("bool IsInvalidTime(DateTime dateTime)", (r, a) => js`${r}.IsInvalidTime(${a[0]})`),
  M("bool HasSameRules(TimeZoneInfo other)", (r, a) => js`${r}.HasSameRules(${a[0]})`),
  M("bool Equals(TimeZoneInfo other)", (r, a) => js`${r}.Equals(${a[0]})`),
  M("bool Equals(object obj)", (r, a) => js`${r}.Equals(${a[0]})`),
  M("int GetHashCode()", (r) => js`${r}.GetHashCode()`),
  M("string ToString()", (r) => js`${r}.ToString()`),
]);

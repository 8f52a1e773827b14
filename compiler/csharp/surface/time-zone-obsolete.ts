// System.TimeZone (obsolete; TimeZone.CurrentTimeZone, the gateway's UTC zone) and the DaylightTime
// its GetDaylightChanges answers, lowered to runtime/dotnet/current-time-zone.ts.
import { js, rt } from "../../codegen/code.js";
import { M, P, SM, SP, type } from "./dsl.js";

type("System", "TimeZone", { test: (v) => js`(${v} === ${rt("currentTimeZone")}())` }, [
  SP("TimeZone CurrentTimeZone", () => js`${rt("currentTimeZone")}()`),
  P("string StandardName", (r) => js`${r}.StandardName`),
  P("string DaylightName", (r) => js`${r}.DaylightName`),
  M("TimeSpan GetUtcOffset(DateTime time)", (r, a) => js`${r}.GetUtcOffset(${a[0]})`),
  M("bool IsDaylightSavingTime(DateTime time)", (r, a) => js`${r}.IsDaylightSavingTime(${a[0]})`),
  SM("bool IsDaylightSavingTime(DateTime time, DaylightTime daylightTimes)", (_r, a) => js`${rt("isDaylightSavingTimeIn")}(${a[0]}, ${a[1]})`),
  M("DateTime ToLocalTime(DateTime time)", (r, a) => js`${r}.ToLocalTime(${a[0]})`),
  M("DateTime ToUniversalTime(DateTime time)", (r, a) => js`${r}.ToUniversalTime(${a[0]})`),
  M("DaylightTime GetDaylightChanges(int year)", (r, a) => js`${r}.GetDaylightChanges(${a[0]})`),
  M("string ToString()", (r) => js`${r}.ToString()`),
]);
type("System.Globalization", "DaylightTime", { test: (v) => js`(${v} instanceof ${rt("DaylightTime")})` }, [
  P("DateTime Start", (r) => js`${r}.Start`),
  P("DateTime End", (r) => js`${r}.End`),
  P("TimeSpan Delta", (r) => js`${r}.Delta`),
  M("string ToString()", (r) => js`${r}.ToString()`),
]);

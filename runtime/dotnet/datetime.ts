// System.DateTime / DateTimeOffset / TimeSpan. A DateTime is milliseconds since the Unix epoch (may be
// fractional: ticks below 1 ms are kept as far as a double allows, plus an exact tick correction `tk`
// after FromTicks/AddTicks; Ticks is a long: a BigInt beyond 2^53) plus a Kind (0 Unspecified,
// 1 Utc, 2 Local). The gateway's local time zone is taken to be UTC, and formatting uses the
// invariant culture (DateTime.ToString() → "MM/dd/yyyy HH:mm:ss").
import { argumentError, argumentNull, argumentOutOfRange, formatError, overflow } from "../errors.js";
import { registerTypeCheck } from "./core.js";
import { registerDateParser } from "./convert.js";
import { parseDateTime, parseExactDateTime, STANDARD_DATE_FORMATS } from "./datetime-parse.js";
import { parseTimeSpanExact, timeSpanTokenError } from "./timespan-parse.js";
import { lnum, type Long } from "./long.js";
import { registerDateTimeOps } from "./newtonsoft.js";

const MIN_MS = -62135596800000;
/** 10000-01-01T00:00:00: the first millisecond past DateTime.MaxValue. */
const END_MS = 253402300800000;
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const p2 = (n: number) => String(n).padStart(2, "0");
/** Date.UTC without its two-digit-year rule (Date.UTC(1, 0, 1) is 1901): years 1..99 stay themselves. */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo, d);
  dt.setUTCHours(h, mi, s, 0);
  return dt.getTime();
}

export class TimeSpan {
  readonly $typeName = "System.TimeSpan";
  constructor(
    readonly ticks: number,
    /** The exact ticks when |ticks| >= 2^53 (TimeSpan.MaxValue...), which the double cannot hold. */
    readonly exact?: bigint,
  ) {}
  /** Ticks as a bigint, exact when known. */
  big(): bigint {
    return this.exact ?? BigInt(Math.round(this.ticks));
  }
  /** A TimeSpan of `t` ticks, checked against the Int64 range (OverflowException beyond). */
  static ofBig(t: bigint): TimeSpan {
    if (t > 9223372036854775807n || t < -9223372036854775808n) throw overflow("TimeSpan overflowed because the duration is too long.");
    const n = Number(t);
    return Math.abs(n) >= 2 ** 53 ? new TimeSpan(n, t) : new TimeSpan(n);
  }
  /** Sign and clock parts of the duration (exact for big ones). */
  parts(): { neg: boolean; d: number; h: number; m: number; s: number; f: number } {
    if (this.exact === undefined) {
      const t = Math.abs(this.ticks);
      return { neg: this.ticks < 0, d: Math.trunc(t / 8.64e11), h: Math.trunc(t / 3.6e10) % 24, m: Math.trunc(t / 6e8) % 60, s: Math.trunc(t / 1e7) % 60, f: Math.round(t % 1e7) };
    }
    const neg = this.exact < 0n;
    const t = neg ? -this.exact : this.exact;
    return { neg, d: Number(t / 864000000000n), h: Number((t / 36000000000n) % 24n), m: Number((t / 600000000n) % 60n), s: Number((t / 10000000n) % 60n), f: Number(t % 10000000n) };
  }
  static fromMs(ms: number): TimeSpan {
    return new TimeSpan(Math.round(ms * 10000));
  }
  /** TimeSpan.FromDays/Hours/Minutes/Seconds/Milliseconds on .NET Framework: rounded to the millisecond. */
  static interval(value: number, scaleMs: number): TimeSpan {
    if (Number.isNaN(value)) throw argumentError("TimeSpan does not accept floating point Not-a-Number values.");
    const ms = value * scaleMs + (value >= 0 ? 0.5 : -0.5);
    if (ms > 922337203685477 || ms < -922337203685477) throw overflow("TimeSpan overflowed because the duration is too long.");
    const whole = Math.trunc(ms);
    // whole milliseconds times 10,000 pass 2^53 above ~28.5 years: ticks in BigInt, exact
    return Math.abs(whole) < 2 ** 53 / 10000 ? new TimeSpan(whole * 10000) : TimeSpan.ofBig(BigInt(whole) * 10000n);
  }
  static fromTicks(t: Long): TimeSpan {
    return typeof t === "bigint" ? TimeSpan.ofBig(t) : new TimeSpan(Number(t));
  }
  static create(d: number, h: number, m: number, s: number, ms: number): TimeSpan {
    const total = (((d * 24 + h) * 60 + m) * 60 + s) * 1000 + ms;
    if (Math.abs(total) < 2 ** 53 / 10000) return TimeSpan.fromMs(total);
    // beyond a double's exact ticks: in BigInt, with the constructor's range check
    const big = BigInt(d) * 86400000n + BigInt(h) * 3600000n + BigInt(m) * 60000n + BigInt(s) * 1000n + BigInt(ms);
    if (big > 922337203685477n || big < -922337203685477n) throw argumentOutOfRange("milliseconds", "TimeSpan overflowed because the duration is too long.");
    return TimeSpan.ofBig(big * 10000n);
  }
  static readonly Zero = new TimeSpan(0);
  static readonly MaxValue = new TimeSpan(9223372036854775807, 9223372036854775807n);
  static readonly MinValue = new TimeSpan(-9223372036854775808, -9223372036854775808n);
  /** A long (number, or bigint beyond 2^53). */
  get Ticks(): number {
    if (this.exact !== undefined) return this.exact as unknown as number;
    if (this.ticks >= 9223372036854775807) return 9223372036854775807n as unknown as number;
    return lnum(this.ticks) as number;
  }
  // .NET multiplies the ticks by the reciprocal constants (SecondsPerTick = 1.0 / TicksPerSecond ...),
  // which is not always the quotient: new TimeSpan(1, 2, 3, 4, 5).TotalSeconds is 93784.00499999999.
  /** Clamped to ±922337203685477 as .NET's is (TimeSpan.MaxValue.TotalMilliseconds). */
  get TotalMilliseconds(): number {
    const ms = this.ticks * (1 / 10000);
    return ms > 922337203685477 ? 922337203685477 : ms < -922337203685477 ? -922337203685477 : ms;
  }
  get TotalSeconds(): number {
    return this.ticks * (1 / 1e7);
  }
  get TotalMinutes(): number {
    return this.ticks * (1 / 6e8);
  }
  get TotalHours(): number {
    return this.ticks * (1 / 3.6e10);
  }
  get TotalDays(): number {
    return this.ticks * (1 / 8.64e11);
  }
  // (beyond 2^53 ticks the parts come from the exact ticks: (MaxValue - MinValue).Days is 3652058;
  // `+ 0`: a part of a negative span under one unit is 0, not JS's -0, which would print "-0" once boxed)
  get Days(): number {
    return (this.exact === undefined ? Math.trunc(this.ticks / 8.64e11) : this.signed((p) => p.d)) + 0;
  }
  get Hours(): number {
    return (this.exact === undefined ? Math.trunc(this.ticks / 3.6e10) % 24 : this.signed((p) => p.h)) + 0;
  }
  get Minutes(): number {
    return (this.exact === undefined ? Math.trunc(this.ticks / 6e8) % 60 : this.signed((p) => p.m)) + 0;
  }
  get Seconds(): number {
    return (this.exact === undefined ? Math.trunc(this.ticks / 1e7) % 60 : this.signed((p) => p.s)) + 0;
  }
  get Milliseconds(): number {
    return (this.exact === undefined ? Math.trunc(this.ticks / 1e4) % 1000 : this.signed((p) => Math.trunc(p.f / 10000))) + 0;
  }
  private signed(f: (p: ReturnType<TimeSpan["parts"]>) => number): number {
    const p = this.parts();
    const v = f(p);
    return p.neg && v !== 0 ? -v : v;
  }
  Add(t: TimeSpan): TimeSpan {
    const r = this.ticks + t.ticks;
    return Math.abs(r) < 2 ** 53 && this.exact === undefined && t.exact === undefined ? new TimeSpan(r) : TimeSpan.ofBig(this.big() + t.big());
  }
  Subtract(t: TimeSpan): TimeSpan {
    const r = this.ticks - t.ticks;
    return Math.abs(r) < 2 ** 53 && this.exact === undefined && t.exact === undefined ? new TimeSpan(r) : TimeSpan.ofBig(this.big() - t.big());
  }
  Negate(): TimeSpan {
    if (this.exact === -9223372036854775808n) throw overflow("Negating the minimum value of a twos complement number is invalid.");
    return this.exact === undefined ? new TimeSpan(-this.ticks) : new TimeSpan(-this.ticks, -this.exact);
  }
  Duration(): TimeSpan {
    if (this.exact === -9223372036854775808n) throw overflow("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
    return this.ticks >= 0 ? this : this.Negate();
  }
  Equals(o: unknown): boolean {
    return o instanceof TimeSpan && o.ticks === this.ticks && o.exact === this.exact;
  }
  CompareTo(o: TimeSpan): number {
    return Math.sign(this.ticks - o.ticks);
  }
  /** "c" format: [-][d.]hh:mm:ss[.fffffff]. */
  ToString(format?: string | null): string {
    const { d, h, m, s, f } = this.parts();
    if (format === "g") {
      let out = `${this.ticks < 0 ? "-" : ""}${d ? `${d}:` : ""}${h}:${p2(m)}:${p2(s)}`;
      if (f) out += `.${String(f).padStart(7, "0").replace(/0+$/, "")}`;
      return out;
    }
    if (format === "G") return `${this.ticks < 0 ? "-" : ""}${d}:${p2(h)}:${p2(m)}:${p2(s)}.${String(f).padStart(7, "0")}`;
    if (format && format !== "c" && format !== "t" && format !== "T") {
      // "%d": a one-specifier custom format (the % only marks it as custom)
      return customTimeSpan(this, format.length === 2 && format[0] === "%" ? format[1]! : format);
    }
    let out = `${this.ticks < 0 ? "-" : ""}${d ? `${d}.` : ""}${p2(h)}:${p2(m)}:${p2(s)}`;
    if (f) out += `.${String(f).padStart(7, "0")}`;
    return out;
  }
  static Parse(s: string): TimeSpan {
    if (s === null || s === undefined) throw argumentNull("input");
    const r = parseTimeSpan(s);
    if (r === "overflow") throw overflow("The TimeSpan could not be parsed because at least one of the numeric components is out of range or contains too many digits.");
    if (r === "format") throw formatError("String was not recognized as a valid TimeSpan.");
    return r;
  }
  static TryParse(s: string | null): TimeSpan | undefined {
    if (s === null || s === undefined) return undefined;
    const r = parseTimeSpan(s);
    return typeof r === "string" ? undefined : r;
  }
  /** TimeSpan.ParseExact with one format or several (the first that reads the text); styles 1: AssumeNegative. */
  static ParseExact(s: string | null, formats: string | (string | null)[] | null, styles: number | null): TimeSpan {
    if (s === null || s === undefined) throw argumentNull("input");
    if (formats === null || formats === undefined) throw argumentNull("format");
    const r = TimeSpan.exact(s, formats, styles);
    if (r === "overflow") throw overflow("The TimeSpan could not be parsed because at least one of the numeric components is out of range or contains too many digits.");
    if (r === "format") throw formatError("String was not recognized as a valid TimeSpan.");
    if (r === "badformat") throw formatError("Input string was not in a correct format.");
    return r;
  }
  static TryParseExact(s: string | null, formats: string | (string | null)[] | null, styles: number | null): TimeSpan | undefined {
    if (s === null || s === undefined || formats === null || formats === undefined) return undefined;
    const r = TimeSpan.exact(s, formats, styles);
    return typeof r === "string" ? undefined : r;
  }
  private static exact(s: string, formats: string | (string | null)[], styles: number | null): TimeSpan | "format" | "overflow" | "badformat" {
    if ((styles ?? 0) & ~1) throw argumentError("An undefined TimeSpanStyles value is being used.\r\nParameter name: styles");
    const list = typeof formats === "string" ? [formats] : formats;
    if (list.length === 0) return "badformat";
    const general = (x: string) => {
      const r = parseTimeSpan(x);
      return typeof r === "string" ? r : r.big();
    };
    let last: "format" | "overflow" | "badformat" = "format";
    for (const f of list) {
      if (f === null || f === undefined || f.length === 0) return "badformat";
      const r = parseTimeSpanExact(s, f, ((styles ?? 0) & 1) === 1, general);
      if (typeof r === "bigint") return TimeSpan.ofBig(r);
      if (typeof formats === "string") return r;
      last = r === "badformat" ? "format" : r;
    }
    return typeof formats === "string" ? last : "format";
  }
}
/** [ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm:ss[.fffffff] }[ws] (invariant TimeSpan.Parse). */
function parseTimeSpan(input: string): TimeSpan | "format" | "overflow" {
  const early = timeSpanTokenError(input);
  if (early) return early;
  let t = input.trim();
  let neg = false;
  if (t.startsWith("-")) {
    neg = true;
    t = t.slice(1);
  }
  const num = (x: string | undefined) => (x !== undefined && /^\d+$/.test(x) ? Number(x) : NaN);
  let d = 0;
  let h: number;
  let m: number;
  let sec = 0;
  let frac = "";
  if (/^\d+$/.test(t)) {
    d = Number(t);
    if (d > 10675199) return "overflow";
    return new TimeSpan((neg ? -1 : 1) * d * 8.64e11);
  }
  const parts = t.split(":");
  if (parts.length < 2 || parts.length > 4) return "format";
  let first = parts[0]!;
  if (parts.length === 4) {
    d = num(first);
    parts.shift();
    first = parts[0]!;
  } else if (first.includes(".")) {
    const [dd, hh] = first.split(".");
    d = num(dd);
    first = hh!;
  }
  h = num(first);
  m = num(parts[1]);
  if (parts.length >= 3) {
    const sp = parts[2]!.split(".");
    if (sp.length > 2) return "format";
    sec = num(sp[0]);
    if (sp.length === 2) {
      frac = sp[1]!;
      if (!/^\d+$/.test(frac)) return "format";
    }
  }
  if ([d, h, m, sec].some((x) => Number.isNaN(x))) return "format";
  if (h > 23 || m > 59 || sec > 59 || frac.length > 7 || d > 10675199) return "overflow";
  const ticks = (((d * 24 + h) * 60 + m) * 60 + sec) * 1e7 + Number(frac.padEnd(7, "0") || 0);
  return new TimeSpan(neg ? -ticks : ticks);
}
function customTimeSpan(t: TimeSpan, f: string): string {
  // Custom TimeSpan formats know only d, h, m, s, f, F, quoted text and \-escapes: any other
  // character (even ':' or '.') is a FormatException, unlike DateTime's.
  const { d, h, m, s, f: frac } = t.parts();
  return f.replace(/\\(.)|'([^']*)'|"([^"]*)"|%|d{1,8}|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|[\s\S]/g, (tok, esc, lit, lit2) => {
    if (esc !== undefined) return esc;
    if (lit !== undefined) return lit;
    if (lit2 !== undefined) return lit2;
    if (tok === "%") return "";
    switch (tok[0]) {
      case "d":
        return String(d).padStart(tok.length, "0");
      case "h":
        return String(h).padStart(tok.length, "0");
      case "m":
        return String(m).padStart(tok.length, "0");
      case "s":
        return String(s).padStart(tok.length, "0");
      case "f":
        return String(frac).padStart(7, "0").slice(0, tok.length);
      case "F":
        return String(frac).padStart(7, "0").slice(0, tok.length).replace(/0+$/, "");
    }
    throw formatError("Input string was not in a correct format.");
  });
}

/** The ticks (since 0001-01-01) of a ms-since-1970 double, exactly. */
function msTicks(ms: number): bigint {
  // Whole milliseconds (every clock reading) below 1.4e13 (year 2413): ms × 10000 = ms × 625 × 16 is
  // exact in a double, so one BigInt conversion instead of three and a multiplication.
  if (Number.isInteger(ms) && ms < 1.4e13 && ms > -1.4e13) return BigInt(ms * 10000) + 621355968000000000n;
  const whole = Math.floor(ms);
  return BigInt(whole) * 10000n + BigInt(Math.round((ms - whole) * 10000)) + 621355968000000000n;
}

/** `DateTime.UtcNow.Ticks` (and `Now`: the same clock here) without making the DateTime. */
export function nowTicks(): number {
  const ms = Date.now();
  // One clock reading's ticks serve every read within the same millisecond (a BigInt is an
  // immutable value): a busy gateway reads the clock many times a millisecond.
  if (ms !== lastNowMs) {
    const t = msTicks(ms);
    lastNowTicks = (t <= 9007199254740991n ? Number(t) : t) as unknown as number;
    lastNowMs = ms;
  }
  return lastNowTicks;
}
let lastNowMs = Number.NaN;
let lastNowTicks = 0;

export class DateTime {
  readonly $typeName = "System.DateTime";
  constructor(
    /** Milliseconds since 1970-01-01T00:00:00 in the DateTime's own clock (UTC for Utc/Local here). */
    readonly ms: number,
    readonly kind: number = 0,
    /**
     * Ticks the double `ms` cannot hold (set by FromTicks/AddTicks: a 2020 date's ms has a resolution
     * of ~2.4 ticks): exact Ticks = the ticks of `ms` + tk. Other arithmetic starts again from `ms`.
     */
    readonly tk: number = 0,
  ) {
    if (!(ms >= MIN_MS && ms < END_MS)) throw argumentOutOfRange("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
  }
  static fromMs(ms: number, kind: number): DateTime {
    return new DateTime(ms, kind);
  }
  static fromMsOrNull(ms: number | null | undefined, kind: number): DateTime | null {
    return ms === null || ms === undefined ? null : new DateTime(ms, kind);
  }
  /** DateTime.FromFileTimeUtc: a negative file time is not a valid Win32 FileTime. */
  static fromFileTimeUtc(ft: Long): DateTime {
    if (BigInt(ft) < 0n) throw argumentOutOfRange("fileTime", "Not a valid Win32 FileTime.");
    return DateTime.fromTicks(BigInt(ft) + 504911232000000000n, 1);
  }
  static fromTicks(ticks: Long, kind: number): DateTime {
    const exact = BigInt(ticks);
    if (exact < 0n || exact > 3155378975999999999n) throw argumentOutOfRange("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
    const t = exact - 621355968000000000n;
    // (floored: before 1970 the sub-millisecond ticks still count forward from a whole millisecond)
    let q = t / 10000n;
    let r = t % 10000n;
    if (r < 0n) {
      q -= 1n;
      r += 10000n;
    }
    const whole = Number(q);
    let ms = whole + Number(r) / 10000;
    // A fraction the double cannot hold next to a large `whole` must not round up into the next
    // millisecond (DateTime.MaxValue would become 10000-01-01): keep the whole ms, tk holds the rest.
    if (ms - whole >= 1) ms = whole;
    let d = new DateTime(ms, kind);
    let tk = Number(exact - msTicks(d.ms));
    if (tk < 0) {
      d = new DateTime(whole, kind);
      tk = Number(r);
    }
    return tk === 0 ? d : new DateTime(d.ms, kind, tk);
  }
  static now(kind: number): DateTime {
    return new DateTime(Date.now(), kind);
  }
  static create(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, kind: number): DateTime {
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0 || ms > 999)
      throw argumentOutOfRange("year", "Year, Month, and Day parameters describe an un-representable DateTime.");
    const dt = new Date(0);
    dt.setUTCFullYear(y, mo - 1, d);
    dt.setUTCHours(h, mi, s, ms);
    return new DateTime(dt.getTime(), kind);
  }
  static readonly MinValue = new DateTime(MIN_MS, 0);
  static readonly MaxValue = DateTime.fromTicks(3155378975999999999n as unknown as Long, 0);
  static IsLeapYear(y: number): boolean {
    if (y < 1 || y > 9999) throw argumentOutOfRange("year", "Year must be between 1 and 9999.");
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  }
  static DaysInMonth(y: number, m: number): number {
    if (m < 1 || m > 12) throw argumentOutOfRange("month", "Month must be between one and twelve.");
    if (y < 1 || y > 9999) throw argumentOutOfRange("year", "Year must be between 1 and 9999.");
    return [31, DateTime.IsLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  }
  private get d(): Date {
    return new Date(Math.floor(this.ms));
  }
  get Year(): number {
    return this.d.getUTCFullYear();
  }
  get Month(): number {
    return this.d.getUTCMonth() + 1;
  }
  get Day(): number {
    return this.d.getUTCDate();
  }
  get Hour(): number {
    return this.d.getUTCHours();
  }
  get Minute(): number {
    return this.d.getUTCMinutes();
  }
  get Second(): number {
    return this.d.getUTCSeconds();
  }
  get Millisecond(): number {
    return this.d.getUTCMilliseconds();
  }
  get DayOfWeek(): number {
    return this.d.getUTCDay();
  }
  get DayOfYear(): number {
    const start = utcMs(this.Year, 0, 1, 0, 0, 0);
    return Math.floor((Math.floor(this.ms) - start) / 86400000) + 1;
  }
  /** A long (a bigint: ticks since year 1 are beyond 2^53); sub-millisecond ticks as far as the double ms keeps them. */
  get Ticks(): number {
    const t = this.tk === 0 ? msTicks(this.ms) : msTicks(this.ms) + BigInt(this.tk);
    return (t <= 9007199254740991n ? Number(t) : t) as unknown as number;
  }
  get Kind(): number {
    return this.kind;
  }
  get Date(): DateTime {
    return new DateTime(Math.floor(this.ms / 86400000) * 86400000, this.kind);
  }
  get TimeOfDay(): TimeSpan {
    const t = TimeSpan.fromMs(this.ms - Math.floor(this.ms / 86400000) * 86400000);
    return this.tk ? new TimeSpan(t.ticks + this.tk) : t;
  }
  withKind(k: number): DateTime {
    return new DateTime(this.ms, k, this.tk);
  }
  Add(t: TimeSpan): DateTime {
    // whole milliseconds on a whole-millisecond clock stay in the double; anything else in exact ticks
    if (this.tk === 0 && t.exact === undefined && t.ticks % 10000 === 0 && Number.isInteger(this.ms)) return new DateTime(this.ms + t.ticks / 10000, this.kind);
    return this.plusTicks(t.big());
  }
  /** This + `t` ticks exactly; beyond the DateTime range ArgumentOutOfRangeException as Add/Subtract throw it. */
  private plusTicks(t: bigint): DateTime {
    const r = BigInt(this.Ticks) + t;
    if (r < 0n || r > 3155378975999999999n) throw argumentOutOfRange("value", "The added or subtracted value results in an un-representable DateTime.");
    return DateTime.fromTicks(r, this.kind);
  }
  /**
   * AddDays/Hours/Minutes/Seconds/Milliseconds as .NET Framework's Add(value, scale): the double
   * rounded half away from zero to whole milliseconds ((long)(value * scale ± 0.5): AddMilliseconds(-2.5)
   * is -3 ms, 123456.789 is 123457 ms), beyond ±MaxMillis ArgumentOutOfRangeException, then AddTicks.
   */
  private addScaled(v: number, scale: number): DateTime {
    const ms = Math.trunc(v * scale + (v >= 0 ? 0.5 : -0.5));
    if (!(ms > -315537897600000 && ms < 315537897600000)) throw argumentOutOfRange("value", "Value to add was out of range.");
    if (this.tk === 0 && Number.isInteger(this.ms)) {
      const r = this.ms + ms;
      if (!(r >= MIN_MS && r < END_MS)) throw argumentOutOfRange("value", "The added or subtracted value results in an un-representable DateTime.");
      return new DateTime(r, this.kind);
    }
    return this.plusTicks(BigInt(ms) * 10000n);
  }
  AddDays(v: number): DateTime {
    return this.addScaled(v, 86400000);
  }
  AddHours(v: number): DateTime {
    return this.addScaled(v, 3600000);
  }
  AddMinutes(v: number): DateTime {
    return this.addScaled(v, 60000);
  }
  AddSeconds(v: number): DateTime {
    return this.addScaled(v, 1000);
  }
  AddMilliseconds(v: number): DateTime {
    return this.addScaled(v, 1);
  }
  AddTicks(v: Long): DateTime {
    return this.plusTicks(BigInt(v));
  }
  /** The same day-of-month (clamped), the time of day kept to the tick; beyond years 1..9999 ArgumentOutOfRangeException. */
  AddMonths(n: number): DateTime {
    if (n < -120000 || n > 120000) throw argumentOutOfRange("months", "Months value must be between +/-120000.");
    const y0 = this.Year;
    const m0 = this.Month - 1 + n;
    const y = y0 + Math.floor(m0 / 12);
    const m = ((m0 % 12) + 12) % 12;
    if (y < 1 || y > 9999) throw argumentOutOfRange("months", "The added or subtracted value results in an un-representable DateTime.");
    const day = Math.min(this.Day, DateTime.DaysInMonth(y, m + 1));
    const dt = new Date(0);
    dt.setUTCFullYear(y, m, day);
    if (this.tk === 0 && Number.isInteger(this.ms)) return new DateTime(dt.getTime() + (this.ms - Math.floor(this.ms / 86400000) * 86400000), this.kind);
    return DateTime.fromTicks(msTicks(dt.getTime()) + (BigInt(this.Ticks) % 864000000000n), this.kind);
  }
  AddYears(n: number): DateTime {
    if (n < -10000 || n > 10000) throw argumentOutOfRange("years", "The added or subtracted value results in an un-representable DateTime.");
    return this.AddMonths(12 * n);
  }
  Subtract(x: DateTime | TimeSpan): DateTime | TimeSpan {
    if (x instanceof TimeSpan) {
      if (this.tk === 0 && x.exact === undefined && x.ticks % 10000 === 0 && Number.isInteger(this.ms)) return new DateTime(this.ms - x.ticks / 10000, this.kind);
      return this.plusTicks(-x.big());
    }
    // ticks exact: a difference of whole milliseconds under 2^53 ticks in the double, else in BigInt
    const d = this.ms - x.ms;
    if (this.tk === 0 && x.tk === 0 && Number.isInteger(d) && Math.abs(d) < 9e11) return TimeSpan.fromMs(d);
    return TimeSpan.ofBig(BigInt(this.Ticks) - BigInt(x.Ticks));
  }
  ToUniversalTime(): DateTime {
    return new DateTime(this.ms, 1, this.tk);
  }
  ToLocalTime(): DateTime {
    return new DateTime(this.ms, 2, this.tk);
  }
  /** Ticks since 1601-01-01; before 1601 ArgumentOutOfRangeException (not a valid Win32 file time). */
  ToFileTimeUtc(): number {
    const t = BigInt(this.Ticks) - 504911232000000000n;
    if (t < 0n) throw argumentOutOfRange("fileTime", "Not a valid Win32 FileTime.");
    return (t <= 9007199254740991n ? Number(t) : t) as unknown as number;
  }
  // .NET compares Ticks. Whole-ms clocks without extra ticks (every clock reading) compare as doubles;
  // others (FromTicks, AddTicks, fractions of a ms) by their exact ticks.
  Equals(o: unknown): boolean {
    if (!(o instanceof DateTime)) return false;
    return this.tk === 0 && o.tk === 0 && Number.isInteger(this.ms) && Number.isInteger(o.ms) ? o.ms === this.ms : this.exactTicks() === o.exactTicks();
  }
  CompareTo(o: DateTime): number {
    if (this.tk === 0 && o.tk === 0 && Number.isInteger(this.ms) && Number.isInteger(o.ms)) return Math.sign(this.ms - o.ms);
    const a = this.exactTicks();
    const b = o.exactTicks();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  private exactTicks(): bigint {
    return this.tk === 0 ? msTicks(this.ms) : msTicks(this.ms) + BigInt(this.tk);
  }
  ToString(format?: string | null): string {
    return formatDate(this, format || "G", this.kind === 1 ? "Z" : this.kind === 2 ? "+00:00" : "", "+00:00");
  }
  toString(): string {
    return this.ToString();
  }
  static Parse(s: string | null, styles: number | null): DateTime {
    checkStyles(styles);
    if (s === null || s === undefined) throw argumentNull("s");
    const r = DateTime.TryParse(s, styles);
    if (!r) throw formatError(`String '${s}' was not recognized as a valid DateTime.`);
    return r;
  }
  /** .NET's lenient DateTimeParse with the invariant culture (datetime-parse.ts). */
  static TryParse(s: string | null, styles: number | null): DateTime | undefined {
    if (s === null || s === undefined) return undefined;
    checkStyles(styles);
    const p = parseDateTime(s, styles ?? 0, false);
    return p ? DateTime.fromTicks(p.ticks, p.kind) : undefined;
  }
  static ParseExact(s: string | null, format: string | null, styles: number | null): DateTime {
    checkStyles(styles);
    if (s === null || s === undefined) throw argumentNull("s");
    if (format === null || format === undefined) throw argumentNull("format");
    const r = DateTime.TryParseExact(s, format, styles);
    if (!r) throw formatError("String was not recognized as a valid DateTime.");
    return r;
  }
  /** .NET's DoStrictParse with the invariant culture (datetime-parse.ts); a time-only format gives today's date. */
  static TryParseExact(s: string | null, format: string | null, styles: number | null): DateTime | undefined {
    checkStyles(styles);
    if (s === null || s === undefined || format === null || format === undefined) return undefined;
    const p = parseExactDateTime(s, format, styles ?? 0, false);
    return p ? DateTime.fromTicks(p.ticks, p.kind) : undefined;
  }
}

/** "+05:30" for an offset in minutes. */
function offsetText(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? "-" : "+"}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}
/** DateTimeOffset's ValidateStyles: DateTime's conflicts and NoCurrentDateDefault refused; RoundtripKind and AssumeLocal ignored. */
function dtoStyles(styles: number | null): number {
  const st = styles ?? 0;
  if (st & ~255) throw argumentError("An undefined DateTimeStyles value is being used.\r\nParameter name: styles");
  if (st & 32 && st & 64) throw argumentError("The DateTimeStyles values AssumeLocal and AssumeUniversal cannot be used together.\r\nParameter name: styles");
  if (st & 8) throw argumentError("The DateTimeStyles value 'NoCurrentDateDefault' is not allowed when parsing DateTimeOffset.\r\nParameter name: styles");
  return st & ~(128 | 32);
}
/** DateTimeStyles a DateTime parse accepts (ValidateStyles): AssumeLocal with AssumeUniversal, or RoundtripKind with either or AdjustToUniversal, conflict. */
function checkStyles(styles: number | null): void {
  const st = styles ?? 0;
  if (st & ~255) throw argumentError("An undefined DateTimeStyles value is being used.\r\nParameter name: style");
  if (st & 32 && st & 64) throw argumentError("The DateTimeStyles values AssumeLocal and AssumeUniversal cannot be used together.\r\nParameter name: style");
  if (st & 128 && st & (16 | 32 | 64)) throw argumentError("The DateTimeStyles value RoundtripKind cannot be used with the values AssumeLocal, AssumeUniversal or AdjustToUniversal.\r\nParameter name: style");
}

/**
 * DateTimeOffset: the UTC instant `dt` and the offset in minutes; its clock (Year, Hour, ToString,
 * Date, Ticks) is the instant plus the offset, as .NET's ClockDateTime.
 */
export class DateTimeOffset {
  readonly $typeName = "System.DateTimeOffset";
  constructor(
    readonly dt: DateTime,
    readonly off: number = 0,
  ) {}
  /** new DateTimeOffset(y, m, d, h, min, s, ms, offset): the local time with its offset. */
  static fromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: TimeSpan): DateTimeOffset {
    const off = DateTimeOffset.offsetMinutes(offset);
    const local = DateTime.create(y, mo, d, h, mi, s, ms, 0);
    return DateTimeOffset.fromClock(local, off);
  }
  /** The offset's clock time `local` (kind ignored) with `off` minutes. */
  static fromClock(local: DateTime, off: number): DateTimeOffset {
    const utc = local.ms - off * 60000;
    if (!(utc >= MIN_MS && utc < END_MS)) throw argumentOutOfRange("offset", "The UTC time represented when the offset is applied must be between year 0 and 10,000.");
    return new DateTimeOffset(new DateTime(utc, 1, local.tk), off);
  }
  /** new DateTimeOffset(dateTime, offset): a Utc (or Local: UTC here) dateTime needs its own offset; then the offset's and the UTC time's checks. */
  static fromDateTimeAt(d: DateTime, offset: TimeSpan): DateTimeOffset {
    if (d.kind === 2 && offset.ticks !== 0) throw argumentError("The UTC Offset of the local dateTime parameter does not match the offset argument.\r\nParameter name: offset");
    if (d.kind === 1 && offset.ticks !== 0) throw argumentError("The UTC Offset for Utc DateTime instances must be 0.\r\nParameter name: offset");
    return DateTimeOffset.fromClock(d, DateTimeOffset.offsetMinutes(offset));
  }
  /** new DateTimeOffset(ticks, offset). */
  static fromTicksAt(ticks: Long, offset: TimeSpan): DateTimeOffset {
    const off = DateTimeOffset.offsetMinutes(offset);
    return DateTimeOffset.fromClock(DateTime.fromTicks(ticks, 0), off);
  }
  /** .NET's ValidateOffset: whole minutes within ±14 hours. */
  private static offsetMinutes(offset: TimeSpan): number {
    // (in exact ticks beyond 2^53: the double of 2518193663999999999 ticks is a whole number of minutes)
    if (offset.exact !== undefined ? offset.exact % 600000000n !== 0n : offset.ticks % 600000000 !== 0)
      throw argumentError("Offset must be specified in whole minutes.\r\nParameter name: offset");
    if (Math.abs(offset.ticks) > 14 * 36000000000) throw argumentOutOfRange("offset", "Offset must be within plus or minus 14 hours.");
    return offset.ticks / 600000000;
  }
  static fromDateTime(d: DateTime): DateTimeOffset {
    return new DateTimeOffset(new DateTime(d.ms, 1, d.tk));
  }
  static now(): DateTimeOffset {
    return new DateTimeOffset(DateTime.now(1));
  }
  static FromUnixTimeMilliseconds(ms: number): DateTimeOffset {
    return new DateTimeOffset(new DateTime(ms, 1));
  }
  /** A parse's clock ticks and offset as a DateTimeOffset. */
  private static ofParsed(p: { ticks: bigint; offset: number }): DateTimeOffset {
    return DateTimeOffset.fromClock(DateTime.fromTicks(p.ticks, 0), p.offset);
  }
  /** DateTimeOffset.Parse: the clock time and the offset the text states (none: the local zone, UTC here). */
  static Parse(s: string | null, styles: number | null = 0): DateTimeOffset {
    const st = dtoStyles(styles);
    if (s === null || s === undefined) throw argumentNull("input");
    const p = parseDateTime(s, st, true);
    if (!p) throw formatError("String was not recognized as a valid DateTime.");
    return DateTimeOffset.ofParsed(p);
  }
  static TryParse(s: string | null, styles: number | null = 0): DateTimeOffset | undefined {
    const st = dtoStyles(styles);
    if (s === null || s === undefined) return undefined;
    const p = parseDateTime(s, st, true);
    return p ? DateTimeOffset.ofParsed(p) : undefined;
  }
  /**
   * DateTimeOffset.ParseExact with one format or several (ParseExactMultiple: the first that reads the
   * text): the format's offset (K, z, "o", "r"'s GMT, "u"'s Z) when it has one, else the local zone (UTC here).
   */
  static ParseExact(s: string | null, formats: string | (string | null)[] | null, styles: number | null = 0): DateTimeOffset {
    const st = dtoStyles(styles);
    if (s === null || s === undefined) throw argumentNull("input");
    if (formats === null || formats === undefined) throw argumentNull("format");
    if (Array.isArray(formats) && (formats.length === 0 || formats.some((f) => f === null || f === undefined || f === ""))) {
      // a null or empty format is a bad format, unless an earlier one reads the text
      for (const f of formats) {
        if (f === null || f === undefined || f === "") break;
        const p = parseExactDateTime(s, f, st, true);
        if (p) return DateTimeOffset.ofParsed(p);
      }
      throw formatError("Format specifier was invalid.");
    }
    for (const f of typeof formats === "string" ? [formats] : (formats as string[])) {
      const p = parseExactDateTime(s, f, st, true);
      if (p) return DateTimeOffset.ofParsed(p);
    }
    throw formatError("String was not recognized as a valid DateTime.");
  }
  static TryParseExact(s: string | null, formats: string | (string | null)[] | null, styles: number | null): DateTimeOffset | undefined {
    const st = dtoStyles(styles);
    if (s === null || s === undefined || formats === null || formats === undefined) return undefined;
    for (const f of typeof formats === "string" ? [formats] : formats) {
      if (f === null || f === undefined || f === "") return undefined;
      const p = parseExactDateTime(s, f, st, true);
      if (p) return DateTimeOffset.ofParsed(p);
    }
    return undefined;
  }
  static Compare(a: DateTimeOffset, b: DateTimeOffset): number {
    return a.CompareTo(b);
  }
  /** DateTimeOffset.FromFileTime: the file time as local time (UTC here), offset zero. */
  static FromFileTime(ft: Long): DateTimeOffset {
    if (BigInt(ft) < 0n || BigInt(ft) > 3155378975999999999n - 504911232000000000n) throw argumentOutOfRange("fileTime", "Not a valid Win32 FileTime.");
    return DateTimeOffset.fromDateTime(DateTime.fromFileTimeUtc(ft));
  }
  static readonly UnixEpoch = new DateTimeOffset(new DateTime(0, 1));
  /** The same instant and the same offset (Equals compares instants only). */
  EqualsExact(o: DateTimeOffset): boolean {
    return this.Equals(o) && this.off === o.off && this.dt.tk === o.dt.tk;
  }
  get UtcTicks(): number {
    return this.dt.Ticks;
  }
  get LocalDateTime(): DateTime {
    return new DateTime(this.dt.ms, 2, this.dt.tk);
  }
  ToFileTime(): number {
    const t = BigInt(this.dt.Ticks) - 504911232000000000n;
    if (t < 0n) throw argumentOutOfRange("fileTime", "Not a valid Win32 FileTime.");
    return (t <= 9007199254740991n ? Number(t) : t) as unknown as number;
  }
  /** The same instant at the local zone's offset (UTC here). */
  ToLocalTime(): DateTimeOffset {
    return this.off === 0 ? this : new DateTimeOffset(this.dt, 0);
  }
  /** The same instant at `offset` (whole minutes within ±14 hours; the clock time must stay in range). */
  ToOffset(offset: TimeSpan): DateTimeOffset {
    // (the UTC time plus the offset first, as .NET adds them before it checks the offset)
    // (in exact ticks: a tick off MinValue is below the double ms's resolution)
    const clock = BigInt(this.dt.Ticks) + offset.big();
    if (clock < 0n || clock > 3155378975999999999n) throw argumentOutOfRange("t", "The added or subtracted value results in an un-representable DateTime.");
    return new DateTimeOffset(this.dt, DateTimeOffset.offsetMinutes(offset));
  }
  /** The clock time (the instant plus the offset), kind Unspecified. */
  get clock(): DateTime {
    return this.off === 0 ? new DateTime(this.dt.ms, 0, this.dt.tk) : new DateTime(this.dt.ms + this.off * 60000, 0, this.dt.tk);
  }
  get Offset(): TimeSpan {
    return new TimeSpan(this.off * 600000000);
  }
  get UtcDateTime(): DateTime {
    return new DateTime(this.dt.ms, 1, this.dt.tk);
  }
  get DateTime(): DateTime {
    return this.clock;
  }
  ToUniversalTime(): DateTimeOffset {
    return this.off === 0 ? this : new DateTimeOffset(this.dt, 0);
  }
  ToUnixTimeSeconds(): number {
    return Math.floor(this.dt.ms / 1000);
  }
  ToUnixTimeMilliseconds(): number {
    return Math.floor(this.dt.ms);
  }
  get Year(): number {
    return this.clock.Year;
  }
  get Month(): number {
    return this.clock.Month;
  }
  get Day(): number {
    return this.clock.Day;
  }
  get Hour(): number {
    return this.clock.Hour;
  }
  get Minute(): number {
    return this.clock.Minute;
  }
  get Second(): number {
    return this.clock.Second;
  }
  get Millisecond(): number {
    return this.clock.Millisecond;
  }
  get DayOfYear(): number {
    return this.clock.DayOfYear;
  }
  get DayOfWeek(): number {
    return this.clock.DayOfWeek;
  }
  get Ticks(): number {
    return this.clock.Ticks;
  }
  get TimeOfDay(): TimeSpan {
    return this.clock.TimeOfDay;
  }
  get Date(): DateTime {
    return this.clock.Date.withKind(0);
  }
  get ms(): number {
    return this.dt.ms;
  }
  /** Arithmetic on the clock, the offset kept (as .NET: new DateTimeOffset(ClockDateTime.AddX(v), Offset)). */
  private w(d: DateTime | TimeSpan): DateTimeOffset {
    return DateTimeOffset.fromClock(d as DateTime, this.off);
  }
  Add(t: TimeSpan): DateTimeOffset {
    return this.w(this.clock.Add(t));
  }
  AddDays(v: number): DateTimeOffset {
    return this.w(this.clock.AddDays(v));
  }
  AddHours(v: number): DateTimeOffset {
    return this.w(this.clock.AddHours(v));
  }
  AddMinutes(v: number): DateTimeOffset {
    return this.w(this.clock.AddMinutes(v));
  }
  AddSeconds(v: number): DateTimeOffset {
    return this.w(this.clock.AddSeconds(v));
  }
  AddMilliseconds(v: number): DateTimeOffset {
    return this.w(this.clock.AddMilliseconds(v));
  }
  AddTicks(v: number): DateTimeOffset {
    return this.w(this.clock.AddTicks(v));
  }
  AddMonths(v: number): DateTimeOffset {
    return this.w(this.clock.AddMonths(v));
  }
  AddYears(v: number): DateTimeOffset {
    return this.w(this.clock.AddYears(v));
  }
  Subtract(x: DateTimeOffset | TimeSpan): DateTimeOffset | TimeSpan {
    if (x instanceof TimeSpan) return this.w(this.clock.Subtract(x) as DateTime);
    return this.dt.Subtract(x.dt) as TimeSpan;
  }
  /** The same instant (UtcTicks), whatever the offsets. */
  Equals(o: unknown): boolean {
    return o instanceof DateTimeOffset && o.dt.ms === this.dt.ms && o.dt.tk === this.dt.tk;
  }
  CompareTo(o: DateTimeOffset): number {
    return Math.sign(this.dt.ms - o.dt.ms) || Math.sign(this.dt.tk - o.dt.tk);
  }
  ToString(format?: string | null): string {
    // "u" and "r" print the UTC time (DateTimeOffset formats them from UtcDateTime)
    if (format === "u" || format === "r" || format === "R") return formatDate(this.UtcDateTime, format, "Z", "+00:00");
    const z = offsetText(this.off);
    return formatDate(this.clock, format || "G zzz", z, z);
  }
  /** The ISO text Newtonsoft and XmlConvert write: clock time, fraction without trailing zeros, offset. */
  isoText(zulu: boolean): string {
    const s = formatDate(this.clock, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", "", "");
    return s + (zulu && this.off === 0 ? "Z" : offsetText(this.off));
  }
}

/** Standard and custom DateTime format strings, invariant culture. */
export function formatDate(d: DateTime, format: string, kText: string, zText: string): string {
  let f = format;
  if (f.length === 1) {
    const s = STANDARD_DATE_FORMATS[f];
    if (!s) throw formatError("Input string was not in a correct format.");
    f = s;
  } else if (f === "G zzz") f = "MM/dd/yyyy HH:mm:ss zzz";
  return formatCustom(d, f, kText, zText);
}

/** A custom format as .NET's DateTimeFormat.FormatCustomized reads it (repeat counts, quotes, %x, \x, literals). */
function formatCustom(d: DateTime, f: string, kText: string, zText: string): string {
  const bad = () => formatError("Input string was not in a correct format.");
  let out = "";
  for (let i = 0; i < f.length; ) {
    const ch = f[i]!;
    let n = 1;
    if ("ghHmsfFtdMyz".includes(ch)) while (f[i + n] === ch) n++;
    switch (ch) {
      case "g":
        out += "A.D.";
        break;
      case "h":
        out += String(d.Hour % 12 || 12).padStart(Math.min(n, 2), "0");
        break;
      case "H":
        out += String(d.Hour).padStart(Math.min(n, 2), "0");
        break;
      case "m":
        out += String(d.Minute).padStart(Math.min(n, 2), "0");
        break;
      case "s":
        out += String(d.Second).padStart(Math.min(n, 2), "0");
        break;
      case "f":
      case "F": {
        if (n > 7) throw bad();
        const ticksInSecond = d.tk ? Number(BigInt(d.Ticks) % 10000000n) : Math.round((d.ms - Math.floor(d.ms / 1000) * 1000) * 10000);
        const digits = String(ticksInSecond).padStart(7, "0").slice(0, n);
        if (ch === "f") out += digits;
        else {
          const trimmed = digits.replace(/0+$/, "");
          // all zeros: nothing, and (as .NET) a '.' just written goes too
          if (trimmed) out += trimmed;
          else if (out.endsWith(".")) out = out.slice(0, -1);
        }
        break;
      }
      case "t": {
        const am = d.Hour < 12 ? "AM" : "PM";
        out += n === 1 ? am[0] : am;
        break;
      }
      case "d":
        out += n <= 2 ? String(d.Day).padStart(n, "0") : n === 3 ? DAYS[d.DayOfWeek]!.slice(0, 3) : DAYS[d.DayOfWeek]!;
        break;
      case "M":
        out += n <= 2 ? String(d.Month).padStart(n, "0") : n === 3 ? MONTHS[d.Month - 1]!.slice(0, 3) : MONTHS[d.Month - 1]!;
        break;
      case "y":
        out += n === 1 ? String(d.Year % 100) : n === 2 ? p2(d.Year % 100) : String(d.Year).padStart(n, "0");
        break;
      case "z": {
        // zText: "+hh:mm" (the DateTimeOffset's offset, or the local zone's: UTC)
        const sign = zText[0] ?? "+";
        const hh = Number(zText.slice(1, 3) || 0);
        out += n === 1 ? `${sign}${hh}` : n === 2 ? `${sign}${p2(hh)}` : `${sign}${p2(hh)}:${zText.slice(4, 6) || "00"}`;
        break;
      }
      case "K":
        out += kText;
        break;
      case "'":
      case '"': {
        // a quoted literal; \ escapes inside it; an unterminated quote is a FormatException
        let j = i + 1;
        let lit = "";
        while (j < f.length && f[j] !== ch) {
          if (f[j] === "\\") {
            if (j + 1 >= f.length) throw bad();
            j++;
          }
          lit += f[j];
          j++;
        }
        if (j >= f.length) throw bad();
        out += lit;
        n = j - i + 1;
        break;
      }
      case "%":
        if (i + 1 >= f.length || f[i + 1] === "%") throw bad();
        out += formatCustom(d, f[i + 1]!, kText, zText);
        n = 2;
        break;
      case "\\":
        if (i + 1 >= f.length) throw bad();
        out += f[i + 1];
        n = 2;
        break;
      default:
        out += ch;
    }
    i += n;
  }
  return out;
}

registerTypeCheck("DateTime", (v) => v instanceof DateTime);
registerTypeCheck("TimeSpan", (v) => v instanceof TimeSpan);
registerTypeCheck("DateTimeOffset", (v) => v instanceof DateTimeOffset);
registerDateTimeOps({
  parse: (s) => DateTime.Parse(s, null),
  parseTimeSpan: (s) => TimeSpan.Parse(s),
  format: (d) => (d as DateTime).ToString(),
  iso: (d) => {
    if (d instanceof DateTimeOffset) return d.isoText(false);
    const x = d as DateTime;
    const s = formatDate(x, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", x.kind === 1 ? "Z" : x.kind === 2 ? "+00:00" : "", "+00:00");
    return s.replace(/\.(?=Z|\+|$)/, "");
  },
});
registerDateParser((s) => DateTime.Parse(s, null), DateTime.MinValue);

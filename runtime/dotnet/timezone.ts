// System.TimeZoneInfo over the ICU time zone data Node carries (Intl): Windows ids as .NET Framework
// on APIM's Windows gateways knows them (windows-zones.ts), and IANA ids too (an apimc extension:
// APIM's Windows gateways do not know them). Local is UTC, as on APIM. Ambiguous local times are
// standard time and invalid ones (skipped by a forward jump) are errors, as in .NET.
import { argumentError, argumentNull, DotNetException } from "../errors.js";
import { DateTime, DateTimeOffset, TimeSpan } from "./datetime.js";
import { WINDOWS_ZONES } from "./windows-zones.js";

const BY_WINDOWS = new Map(WINDOWS_ZONES.map(([id, iana, display]) => [id.toLowerCase(), { id, iana, display }]));
const notFound = (id: string) => new DotNetException("System.TimeZoneNotFoundException", `The time zone ID '${id}' was not found on the local computer.`);

/** 1000-01-01T00:00:00Z, and 400 Gregorian years (146,097 days) in ms. */
const YEAR_1000 = -30610224000000,
  GREGORIAN_CYCLE = 146097 * 86400000;
const UTC_KIND = 1,
  LOCAL_KIND = 2;

/**
 * Mono on Linux names the UTC zones after the tz database ("UTC" for every name; Local's DaylightName
 * is empty) where .NET Framework on Windows (APIM) says "(UTC) Coordinated Universal Time". apimc gives
 * .NET Framework's names; the differential fuzzer (test/differential/generate/fuzz.ts tzNameArtefact)
 * turns this switch on to check that a difference is exactly this one. Never on in a gateway.
 */
export const monoTzNames = { on: false };

export class TimeZoneInfo {
  readonly $typeName = "System.TimeZoneInfo";
  readonly #fmt: Intl.DateTimeFormat | null;
  readonly #cache = new Map<number, number>();
  constructor(
    readonly Id: string,
    private readonly iana: string,
    private readonly display: string,
    private readonly standard: string,
    private readonly daylight: string,
    /** Mono/Linux's DaylightName of this UTC zone (monoTzNames): "UTC", or "" for Local. */
    private readonly monoDaylight: string | null = null,
  ) {
    this.#fmt =
      iana === "Etc/UTC"
        ? null
        : new Intl.DateTimeFormat("en-US", { timeZone: iana, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  }
  get DisplayName(): string {
    return monoTzNames.on && this.monoDaylight !== null ? "UTC" : this.display;
  }
  get StandardName(): string {
    return monoTzNames.on && this.monoDaylight !== null ? "UTC" : this.standard;
  }
  get DaylightName(): string {
    return monoTzNames.on && this.monoDaylight !== null ? this.monoDaylight : this.daylight;
  }
  /** The offset in ms at UTC instant `ms` (whole-minute instants are cached: hours repeat). */
  offsetAt(ms: number): number {
    if (!this.#fmt) return 0;
    const key = Math.floor(ms / 60000);
    const hit = this.#cache.get(key);
    if (hit !== undefined) return hit;
    const p: Record<string, number> = {};
    // Before the year 1000 the zone is on its local mean time (the tz data's first rule is centuries
    // later): ask 400-year cycles later (same calendar), which keeps the formatter off era BC and
    // Date.UTC's two-digit years.
    let at = key * 60000;
    while (at < YEAR_1000) at += GREGORIAN_CYCLE;
    for (const part of this.#fmt.formatToParts(new Date(at))) if (part.type !== "literal") p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    const off = Math.round((wall - at) / 60000) * 60000;
    if (this.#cache.size > 4096) this.#cache.clear();
    this.#cache.set(key, off);
    return off;
  }
  /** The standard offset this year: the smaller of January's and July's. */
  get baseMs(): number {
    const y = new Date().getUTCFullYear();
    return Math.min(this.offsetAt(Date.UTC(y, 0, 1)), this.offsetAt(Date.UTC(y, 6, 1)));
  }
  get BaseUtcOffset(): TimeSpan {
    return TimeSpan.fromMs(this.baseMs);
  }
  #dst: boolean | undefined;
  /** Whether the zone has had daylight saving time since 1970 (Windows' zones carry rules that far back at most). */
  get SupportsDaylightSavingTime(): boolean {
    if (this.#dst === undefined) {
      this.#dst = false;
      for (let y = 1970; y <= 2037 && !this.#dst; y++) this.#dst = this.offsetAt(Date.UTC(y, 0, 15)) !== this.offsetAt(Date.UTC(y, 6, 15));
    }
    return this.#dst;
  }
  /** The UTC instants a wall-clock time of this zone can be: none (skipped), one, or two (repeated). */
  instantsOf(wall: number): number[] {
    const out: number[] = [];
    for (const off of new Set([this.offsetAt(wall - 86400000), this.offsetAt(wall + 86400000), this.offsetAt(wall)])) {
      const utc = wall - off;
      if (this.offsetAt(utc) === off && !out.includes(utc)) out.push(utc);
    }
    return out.sort((a, b) => a - b);
  }
  /** A wall-clock time to UTC: ambiguous → standard time (the later instant), invalid → ArgumentException. */
  wallToUtc(wall: number): number {
    const c = this.instantsOf(wall);
    if (c.length === 0) throw argumentError("The supplied DateTime represents an invalid time.  For example, when the clock is adjusted forward, any time in the period that is skipped is invalid.\r\nParameter name: dateTime");
    return c[c.length - 1]!;
  }
  /** The UTC instant a DateTime stands for when read as this zone's time (Utc and Local kinds as themselves). */
  #instant(d: DateTime): number | null {
    if (d.kind === UTC_KIND || d.kind === LOCAL_KIND) return d.ms;
    const c = this.instantsOf(d.ms);
    return c.length ? c[c.length - 1]! : null;
  }
  GetUtcOffset(d: DateTime | DateTimeOffset): TimeSpan {
    if (d instanceof DateTimeOffset) return TimeSpan.fromMs(this.offsetAt(d.dt.ms));
    const t = this.#instant(d);
    return TimeSpan.fromMs(t === null ? this.baseMs : this.offsetAt(t));
  }
  IsDaylightSavingTime(d: DateTime | DateTimeOffset): boolean {
    if (d instanceof DateTimeOffset) return this.offsetAt(d.dt.ms) !== this.baseMs;
    if (d.kind === 0 && this.instantsOf(d.ms).length !== 1) return false;
    const t = this.#instant(d);
    return t !== null && this.offsetAt(t) !== this.baseMs;
  }
  IsAmbiguousTime(d: DateTime | DateTimeOffset): boolean {
    const wall = d instanceof DateTimeOffset ? d.dt.ms + this.offsetAt(d.dt.ms) : d.kind === 0 ? d.ms : d.ms + this.offsetAt(d.ms);
    return this.instantsOf(wall).length > 1;
  }
  /**
   * GetAmbiguousTimeOffsets: the two offsets an ambiguous time has (standard and daylight), in
   * ascending order; a time that is not ambiguous is ArgumentException, as .NET's.
   */
  GetAmbiguousTimeOffsets(d: DateTime | DateTimeOffset): TimeSpan[] {
    if (d === null || d === undefined) throw argumentNull("dateTime");
    const wall = d instanceof DateTimeOffset ? d.dt.ms + this.offsetAt(d.dt.ms) : d.kind === 0 ? d.ms : d.ms + this.offsetAt(d.ms);
    const c = this.instantsOf(wall);
    if (c.length < 2) throw argumentError(`The supplied DateTime is not in an ambiguous time range.\r\nParameter name: ${d instanceof DateTimeOffset ? "dateTimeOffset" : "dateTime"}`);
    return c.map((t) => wall - t).sort((x, y) => x - y).map((ms) => TimeSpan.fromMs(ms));
  }
  IsInvalidTime(d: DateTime): boolean {
    return d.kind === 0 && this.instantsOf(d.ms).length === 0;
  }
  HasSameRules(o: TimeZoneInfo | null): boolean {
    if (o === null || o === undefined) throw argumentNull("other");
    return o.iana === this.iana;
  }
  Equals(o: unknown): boolean {
    return o instanceof TimeZoneInfo && o.Id.toLowerCase() === this.Id.toLowerCase();
  }
  GetHashCode(): number {
    let h = 0;
    for (const ch of this.Id.toUpperCase()) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    return h;
  }
  ToString(): string {
    return this.DisplayName;
  }
  toString(): string {
    return this.DisplayName;
  }
}

const makeUtc = () => new TimeZoneInfo("UTC", "Etc/UTC", "(UTC) Coordinated Universal Time", "Coordinated Universal Time", "Coordinated Universal Time", "UTC");
const makeLocal = () => new TimeZoneInfo("UTC", "Etc/UTC", "(UTC) Coordinated Universal Time", "Coordinated Universal Time", "Coordinated Universal Time", "");
/**
 * Mono keeps one TimeZoneInfo.Utc for the process (a static field) where .NET Framework's
 * CachedData makes a new one when the cache is cleared (reference source TimeZoneInfo.cs: CachedData
 * holds m_utcTimeZone and m_localTimeZone; ClearCachedData replaces s_cachedData). The differential
 * fuzzer (test/differential/generate/fuzz.ts monoEmulationArtefact) turns this on to check that a
 * difference is exactly this one. Never on in a gateway.
 */
export const monoStaticUtc = { on: false };

/**
 * .NET Framework's TimeZoneInfo.CachedData: Utc and Local (the Windows "UTC" zone, names as .NET
 * Framework gives them in English; APIM's gateways run in UTC, so Local has the same rules and names
 * but is another object) and the zones FindSystemTimeZoneById made. Conversions tell Utc and Local
 * apart by reference against the current cache (CachedData.GetCorrespondingKind): a Local DateTime
 * with source zone Utc is a kind mismatch, converting to Local gives Kind Local, and a zone object
 * taken before the cache was cleared is neither.
 */
let cache = { utc: makeUtc(), local: makeLocal(), byId: new Map<string, TimeZoneInfo>() };
/** TimeZoneInfo.Utc. */
export const tzUtcZone = (): TimeZoneInfo => cache.utc;
/** TimeZoneInfo.Local. */
export const tzLocalZone = (): TimeZoneInfo => cache.local;
/**
 * TimeZoneInfo.ClearCachedData, which ConvertTime(dateTime, destinationTimeZone) calls for a
 * DateTime of Ticks 0 ("Special case to give a way clearing the cache without exposing
 * ClearCachedData()", reference source): Utc, Local and the found zones become new objects.
 */
export function clearCachedData(): void {
  cache = { utc: monoStaticUtc.on ? cache.utc : makeUtc(), local: makeLocal(), byId: new Map() };
}

export function tzFind(id: string | null): TimeZoneInfo {
  if (id === null || id === undefined) throw argumentNull("id");
  const key = id.toLowerCase();
  const byId = cache.byId;
  const hit = byId.get(key);
  if (hit) return hit;
  let z: TimeZoneInfo;
  const w = BY_WINDOWS.get(key);
  if (key === "utc") return cache.utc; // FindSystemTimeZoneById's special case: TimeZoneInfo.Utc
  else if (w) z = new TimeZoneInfo(w.id, w.iana, w.display, w.id, w.id.replace("Standard Time", "Daylight Time"));
  else {
    if (id.length === 0 || id.length > 255 || /\0/.test(id)) throw notFound(id);
    let iana: string;
    try {
      iana = new Intl.DateTimeFormat("en-US", { timeZone: id }).resolvedOptions().timeZone;
    } catch {
      throw notFound(id);
    }
    if (!id.includes("/") && iana !== id) throw notFound(id); // abbreviations ("EST") are not ids
    z = new TimeZoneInfo(id, iana, id, id, id);
  }
  if (byId.size < 1024) byId.set(key, z);
  return z;
}
/** GetSystemTimeZones: the Windows zones, ordered by offset then display name as .NET Framework lists them. */
export function tzSystemZones(): TimeZoneInfo[] {
  return WINDOWS_ZONES.map(([id]) => tzFind(id)).sort((a, b) => a.baseMs - b.baseMs || (a.DisplayName < b.DisplayName ? -1 : a.DisplayName > b.DisplayName ? 1 : 0));
}

function nz(z: TimeZoneInfo | null, name: string): TimeZoneInfo {
  if (z === null || z === undefined) throw argumentNull(name);
  return z;
}
const kindOf = (z: TimeZoneInfo): number => (z === cache.utc ? UTC_KIND : z === cache.local ? LOCAL_KIND : 0);
const kindMismatch = () =>
  argumentError(
    "The conversion could not be completed because the supplied DateTime did not have the Kind property set correctly.  For example, when the Kind property is DateTimeKind.Local, the source time zone must be TimeZoneInfo.Local.\r\nParameter name: sourceTimeZone",
  );

/** `d` moved by `offMs` (a whole number of minutes) with Kind `kind`, its ticks exact, clamped to the DateTime range as ConvertUtcToTimeZone clamps. */
function shifted(d: DateTime, offMs: number, kind: number): DateTime {
  if (offMs === 0 && d.kind === kind) return d;
  if (d.tk === 0 && Number.isInteger(d.ms)) {
    const ms = d.ms + offMs;
    if (ms < DateTime.MinValue.ms) return DateTime.MinValue.withKind(kind);
    if (ms > DateTime.MaxValue.ms) return DateTime.MaxValue.withKind(kind);
    return new DateTime(ms, kind);
  }
  const t = BigInt(d.Ticks) + BigInt(offMs) * 10000n;
  return t < 0n ? DateTime.MinValue.withKind(kind) : t > 3155378975999999999n ? DateTime.MaxValue.withKind(kind) : DateTime.fromTicks(t, kind);
}

/**
 * TimeZoneInfo.ConvertTime(dateTime, source, destination) as .NET Framework's: a Utc or Local DateTime
 * must come from the zone object of that kind (Utc and Local are told apart by reference), an invalid
 * wall time of the source is an ArgumentException, Utc→Utc and Local→Local give the DateTime back,
 * and the result is clamped to the DateTime range; the ticks are kept exactly.
 */
export function tzConvert(d: DateTime, src: TimeZoneInfo | null, dst: TimeZoneInfo | null): DateTime {
  const s = nz(src, "sourceTimeZone"),
    t = nz(dst, "destinationTimeZone");
  const sk = kindOf(s);
  if (d.kind !== 0 && d.kind !== sk) throw kindMismatch();
  const utc = sk !== 0 ? d.ms : s.wallToUtc(d.ms);
  const tk = kindOf(t);
  if (d.kind !== 0 && sk !== 0 && sk === tk) return d;
  const clampedUtc = Math.min(Math.max(utc, DateTime.MinValue.ms), DateTime.MaxValue.ms);
  return shifted(d, utc - d.ms + t.offsetAt(clampedUtc), tk);
}
/** ConvertTime(dateTime, destination): from Utc for a Utc DateTime, else from Local; a DateTime of Ticks 0 clears the cache first. */
export function tzConvertTo(d: DateTime, dst: TimeZoneInfo | null): DateTime {
  const t = nz(dst, "destinationTimeZone");
  if (d.tk === 0 && d.ms === DateTime.MinValue.ms) clearCachedData();
  return tzConvert(d, d.kind === UTC_KIND ? cache.utc : cache.local, t);
}
/** ConvertTimeBySystemTimeZoneId(dateTime, source, destination): a source id naming the DateTime's own kind's zone is that zone. */
export function tzConvertByIds(d: DateTime, srcId: string | null, dstId: string | null): DateTime {
  if (srcId !== null && srcId !== undefined) {
    const same = (id: string) => srcId.toLowerCase() === id.toLowerCase();
    if (d.kind === LOCAL_KIND && same(cache.local.Id)) return tzConvert(d, cache.local, tzFind(dstId));
    if (d.kind === UTC_KIND && same(cache.utc.Id)) return tzConvert(d, cache.utc, tzFind(dstId));
  }
  return tzConvert(d, tzFind(srcId), tzFind(dstId));
}
/** ConvertTime(DateTimeOffset, destination): a clock past either end of the range is DateTimeOffset.MaxValue/MinValue (offset zero). */
export function tzConvertOffset(d: DateTimeOffset, dst: TimeZoneInfo | null): DateTimeOffset {
  const t = nz(dst, "destinationTimeZone");
  const offMs = t.offsetAt(d.dt.ms);
  const clock = d.dt.ms + offMs;
  if (clock > DateTime.MaxValue.ms) return DateTimeOffset.fromDateTime(DateTime.MaxValue);
  if (clock < DateTime.MinValue.ms) return DateTimeOffset.fromDateTime(DateTime.MinValue);
  return new DateTimeOffset(d.dt, offMs / 60000);
}
/** ConvertTimeFromUtc: ConvertTime from the Utc zone (a Local DateTime is a kind mismatch). */
export function tzFromUtc(d: DateTime, dst: TimeZoneInfo | null): DateTime {
  return tzConvert(d, cache.utc, dst);
}
/** ConvertTimeToUtc(dateTime[, source]): a Utc DateTime as it is; else ConvertTime from Local (or the source) to Utc. */
export function tzToUtc(d: DateTime, src?: TimeZoneInfo | null): DateTime {
  if (src === undefined) return d.kind === UTC_KIND ? d : tzConvert(d, cache.local, cache.utc);
  return tzConvert(d, src, cache.utc);
}

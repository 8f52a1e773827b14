// System.TimeZone (obsolete since .NET 3.5; TimeZone.CurrentTimeZone is the only instance a policy
// can reach) as .NET Framework's CurrentSystemTimeZone answers for the gateway's local zone, UTC
// (README): no offset, no daylight saving, Windows' names for the UTC zone. ToLocalTime gives the same
// ticks as Kind Local, ToUniversalTime as Kind Utc (a value of that Kind is returned as it is).
import { argumentOutOfRange, nullReference } from "../errors.js";
import { DateTime, TimeSpan } from "./datetime.js";
import { monoTzNames } from "./timezone.js";

/** System.Globalization.DaylightTime: what GetDaylightChanges answers. */
export class DaylightTime {
  readonly $typeName = "System.Globalization.DaylightTime";
  constructor(
    readonly Start: DateTime,
    readonly End: DateTime,
    readonly Delta: TimeSpan,
  ) {}
  ToString(): string {
    return this.$typeName;
  }
}

const nn = <T>(v: T | null | undefined): T => {
  if (v === null || v === undefined) throw nullReference();
  return v;
};

class CurrentSystemTimeZone {
  readonly $typeName = "System.CurrentSystemTimeZone";
  /** Windows' name of its UTC zone (Mono on Linux says "UTC" and "": the fuzzer's monoTzNames switch). */
  get StandardName(): string {
    return monoTzNames.on ? "UTC" : "Coordinated Universal Time";
  }
  get DaylightName(): string {
    return monoTzNames.on ? "" : "Coordinated Universal Time";
  }
  /** GetDaylightChanges caches one DaylightTime a year, as CurrentSystemTimeZone's table does. */
  private readonly years = new Map<number, DaylightTime>();
  ToString(): string {
    return this.$typeName;
  }
  GetUtcOffset(time: DateTime): TimeSpan {
    nn(time);
    return TimeSpan.Zero;
  }
  IsDaylightSavingTime(time: DateTime): boolean {
    nn(time);
    return false;
  }
  ToLocalTime(time: DateTime): DateTime {
    return time.Kind === 2 ? time : time.withKind(2);
  }
  ToUniversalTime(time: DateTime): DateTime {
    return time.Kind === 1 ? time : time.withKind(1);
  }
  GetDaylightChanges(year: number): DaylightTime {
    if (year < 1 || year > 9999) throw argumentOutOfRange("year", "Valid values are between 1 and 9999, inclusive.");
    let d = this.years.get(year);
    if (!d) this.years.set(year, (d = new DaylightTime(DateTime.MinValue, DateTime.MinValue, TimeSpan.Zero)));
    return d;
  }
}
const CURRENT = new CurrentSystemTimeZone();
export const currentTimeZone = (): CurrentSystemTimeZone => CURRENT;

/**
 * TimeZone.IsDaylightSavingTime(time, daylightTimes): whether TimeZone.CalculateUtcOffset is not zero.
 * It is zero for no rules (null) and for a UTC time; the one DaylightTime a policy can get
 * (GetDaylightChanges of the UTC zone: Start = End = MinValue, Delta zero) holds no time either.
 */
export function isDaylightSavingTimeIn(time: DateTime, daylightTimes: DaylightTime | null): boolean {
  nn(time);
  if (daylightTimes === null || daylightTimes === undefined || time.Kind === 1) return false;
  return !daylightTimes.Delta.Equals(TimeSpan.Zero) && time.CompareTo(daylightTimes.Start) >= 0 && time.CompareTo(daylightTimes.End) < 0;
}

// A backend's circuit breaker (APIM's backend `circuitBreaker.rules[0]`): failures counted over the
// rule's interval trip it; while tripped nothing is sent to the backend (the gateway answers 503);
// after the trip duration (or the tripping response's Retry-After, with acceptRetryAfter) it closes
// and its counts start afresh. APIM has no half-open state: traffic simply resumes.

/** The rule as the runtime uses it (gateway/backend-config.ts builds it from the configuration). */
export interface BreakerRule {
  name: string;
  /** Trip at this many failures within `intervalMs` (APIM `failureCondition.count`). */
  count?: number;
  /** Or at this percentage of the interval's requests failing (`failureCondition.percentage`). */
  percentage?: number;
  intervalMs: number;
  /** Response status ranges that count as failures, [min, max] inclusive. */
  statusRanges: readonly (readonly [number, number])[];
  /**
   * Forwarding errors (no response) that count, as lower-case LastError reasons
   * ("backendconnectionfailure", "timeout"); null: every forwarding error counts.
   */
  errorReasons: ReadonlySet<string> | null;
  tripMs: number;
  acceptRetryAfter: boolean;
}

/** Reasons a forward fails with when no response came back (runtime/backend.ts forwardError). */
export const FORWARD_ERROR_REASONS = ["BackendConnectionFailure", "Timeout"] as const;

/** Buckets of the percentage window: the window is exact to 1/PERCENT_BUCKETS of the interval. */
const PERCENT_BUCKETS = 20;

export class CircuitBreaker {
  /** Epoch ms until which the breaker is open; 0: closed. */
  openUntil = 0;
  /** The last `count` failure times (ring), for a count rule: exact. */
  private readonly times: Float64Array;
  private next = 0;
  private filled = 0;
  /** Percentage rule: per bucket, its epoch index, requests and failures. */
  private readonly epochs: Float64Array;
  private readonly totals: Uint32Array;
  private readonly fails: Uint32Array;

  constructor(readonly rule: BreakerRule) {
    this.times = new Float64Array(rule.count ?? 0);
    const n = rule.percentage !== undefined ? PERCENT_BUCKETS : 0;
    this.epochs = new Float64Array(n).fill(-1);
    this.totals = new Uint32Array(n);
    this.fails = new Uint32Array(n);
  }

  /** Open now? An open breaker whose time has passed closes here, with its counts cleared. */
  isOpen(now: number): boolean {
    if (this.openUntil === 0) return false;
    if (now < this.openUntil) return true;
    this.reset();
    return false;
  }

  /** Whether a response with this status is a failure. */
  failsOn(status: number): boolean {
    for (const [min, max] of this.rule.statusRanges) if (status >= min && status <= max) return true;
    return false;
  }

  /** Whether a forwarding error with this LastError reason is a failure. */
  failsOnError(reason: string): boolean {
    return this.rule.errorReasons === null || this.rule.errorReasons.has(reason.toLowerCase());
  }

  /** Percentage rules count every request; a count rule needs only failures. */
  get countsSuccesses(): boolean {
    return this.rule.percentage !== undefined;
  }

  /**
   * Records one outcome at `now`. A failure that meets the condition trips the breaker for the
   * trip duration, or for `retryAfterMs` (the response's Retry-After) when the rule accepts it.
   * Returns the epoch ms it is open until when this call tripped it, else 0.
   */
  record(now: number, failed: boolean, retryAfterMs?: number | null): number {
    // Answers of requests sent before the breaker tripped do not count again while it is open.
    if (this.openUntil !== 0 && this.isOpen(now)) return 0;
    let trip = false;
    if (this.rule.count !== undefined && failed) {
      const n = this.times.length;
      this.times[this.next] = now;
      this.next = (this.next + 1) % n;
      if (this.filled < n) this.filled++;
      // Full ring: its oldest entry is the count-th most recent failure.
      if (this.filled === n && now - this.times[this.next % n] <= this.rule.intervalMs) trip = true;
    }
    if (this.rule.percentage !== undefined) {
      const width = this.rule.intervalMs / PERCENT_BUCKETS;
      const epoch = Math.floor(now / width);
      const i = epoch % PERCENT_BUCKETS;
      if (this.epochs[i] !== epoch) {
        this.epochs[i] = epoch;
        this.totals[i] = 0;
        this.fails[i] = 0;
      }
      this.totals[i]++;
      if (failed) {
        this.fails[i]++;
        let total = 0;
        let bad = 0;
        for (let j = 0; j < PERCENT_BUCKETS; j++)
          if (this.epochs[j] > epoch - PERCENT_BUCKETS) {
            total += this.totals[j];
            bad += this.fails[j];
          }
        if (total > 0 && (bad * 100) / total >= this.rule.percentage) trip = true;
      }
    }
    if (!trip) return 0;
    return this.trip(now, this.rule.acceptRetryAfter && retryAfterMs !== null && retryAfterMs !== undefined ? retryAfterMs : this.rule.tripMs);
  }

  /** Opens the breaker for `ms` from `now` (never shortens an open breaker); the counts start afresh. */
  trip(now: number, ms: number): number {
    const until = now + Math.max(0, ms);
    this.reset();
    this.openUntil = Math.max(this.openUntil, until);
    return this.openUntil;
  }

  /** Opens it until `until` (a trip another worker saw). */
  openTill(until: number): void {
    if (until > this.openUntil) this.openUntil = until;
  }

  private reset(): void {
    this.openUntil = 0;
    this.next = 0;
    this.filled = 0;
    this.epochs.fill(-1);
  }
}

/**
 * A Retry-After value in ms from `now`: delay-seconds or an HTTP-date (RFC 9110 10.2.3); null when
 * absent or not one of those.
 */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** ISO 8601 duration (`PT1H`, `P1D`, `PT0.5S`, `P1DT2H30M`) in ms; null when not one. Years and months are not durations of fixed length: refused. */
export function isoDurationMs(text: string): number | null {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase() === "P" || /T$/i.test(text.trim())) return null;
  const [, w, d, h, min, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return Math.round(((((w as number) * 7 + (d as number)) * 24 + (h as number)) * 60 + (min as number)) * 60_000 + (s as number) * 1000);
}

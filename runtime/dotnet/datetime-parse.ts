// DateTime.Parse / DateTimeOffset.Parse of the invariant culture, as .NET's DateTimeParse reads a
// string: a lexer (numbers with the separator after them, month and day names, AM/PM, era, "GMT"/"Z",
// offsets, ignorable '.' and ','), the date parsing state machine (dateParsingStates) and its
// terminal actions (GetDayOfNN, ...), ISO 8601 after "yyyy-MM-ddT", defaults for missing parts
// (CheckDefaultDateTime: no date → today; no year → this year) and the time zone adjustment. So
// "3.14" is March 14 of this year, "14 March" is March 2014, "Mar 2020" is 2020-03-01, "5 PM" is
// today at 17:00, "Tue, 01 Jan 2020" fails (a wrong day of week). The result is ticks (exact), not a
// DateTime, so this module needs nothing of datetime.ts.

// Token types (the regular ones) and separators, as DateTimeParse's TokenType.
const enum Tok {
  Number = 1,
  YearNumber = 2,
  Am = 3,
  Pm = 4,
  Month = 5,
  End = 6,
  DayOfWeek = 7,
  TimeZone = 8,
  Era = 9,
  Unknown = 11,
  Ignorable = 15,
}
const enum Sep {
  End = 0x200,
  Space = 0x300,
  Am = 0x400,
  Pm = 0x500,
  Date = 0x600,
  Time = 0x700,
  LocalTimeMark = 0xe00,
  DateOrOffset = 0xf00,
}
// DTT: the token the state machine sees.
const enum DTT {
  End,
  NumEnd,
  NumAmpm,
  NumSpace,
  NumDatesep,
  NumTimesep,
  MonthEnd,
  MonthSpace,
  MonthDatesep,
  NumDatesuff,
  NumTimesuff,
  DayOfWeek,
  YearSpace,
  YearDateSep,
  YearEnd,
  TimeZone,
  Era,
  NumUTCTimeMark,
  Unk,
  NumLocalTimeMark,
}
// DS: the parsing states; above ERROR the terminal ones.
const enum DS {
  BEGIN,
  N,
  NN,
  D_Nd,
  D_NN,
  D_NNd,
  D_M,
  D_MN,
  D_NM,
  D_MNd,
  D_NDS,
  D_Y,
  D_YN,
  D_YNd,
  D_YM,
  D_YMd,
  D_S,
  T_S,
  T_Nt,
  T_NNt,
  ERROR,
  DX_NN,
  DX_NNN,
  DX_MN,
  DX_NM,
  DX_MNN,
  DX_DS,
  DX_DSN,
  DX_NDS,
  DX_NNDS,
  DX_YNN,
  DX_YMN,
  DX_YN,
  DX_YM,
  TX_N,
  TX_NN,
  TX_NNN,
  TX_TS,
  DX_NNY,
}
// The next state for each state (rows) and token (columns End .. NumUTCTimeMark), as .NET's table.
// prettier-ignore
const STATES: readonly (readonly DS[])[] = [
  /* BEGIN */ [DS.BEGIN, DS.ERROR, DS.TX_N, DS.N, DS.D_Nd, DS.T_Nt, DS.ERROR, DS.D_M, DS.D_M, DS.D_S, DS.T_S, DS.BEGIN, DS.D_Y, DS.D_Y, DS.ERROR, DS.BEGIN, DS.BEGIN, DS.ERROR],
  /* N */ [DS.ERROR, DS.DX_NN, DS.ERROR, DS.NN, DS.D_NNd, DS.ERROR, DS.DX_NM, DS.D_NM, DS.D_MNd, DS.D_NDS, DS.ERROR, DS.N, DS.D_YN, DS.D_YNd, DS.DX_YN, DS.N, DS.N, DS.ERROR],
  /* NN */ [DS.DX_NN, DS.DX_NNN, DS.TX_N, DS.DX_NNN, DS.ERROR, DS.T_Nt, DS.DX_MNN, DS.DX_MNN, DS.ERROR, DS.ERROR, DS.T_S, DS.NN, DS.DX_NNY, DS.ERROR, DS.DX_NNY, DS.NN, DS.NN, DS.ERROR],
  /* D_Nd */ [DS.ERROR, DS.DX_NN, DS.ERROR, DS.D_NN, DS.D_NNd, DS.ERROR, DS.DX_NM, DS.D_MN, DS.D_MNd, DS.ERROR, DS.ERROR, DS.D_Nd, DS.D_YN, DS.D_YNd, DS.DX_YN, DS.ERROR, DS.D_Nd, DS.ERROR],
  /* D_NN */ [DS.DX_NN, DS.DX_NNN, DS.TX_N, DS.DX_NNN, DS.ERROR, DS.T_Nt, DS.DX_MNN, DS.DX_MNN, DS.ERROR, DS.DX_DS, DS.T_S, DS.D_NN, DS.DX_NNY, DS.ERROR, DS.DX_NNY, DS.ERROR, DS.D_NN, DS.ERROR],
  /* D_NNd */ [DS.ERROR, DS.DX_NNN, DS.DX_NNN, DS.DX_NNN, DS.ERROR, DS.ERROR, DS.DX_MNN, DS.DX_MNN, DS.ERROR, DS.DX_DS, DS.ERROR, DS.D_NNd, DS.DX_NNY, DS.ERROR, DS.DX_NNY, DS.ERROR, DS.D_NNd, DS.ERROR],
  /* D_M */ [DS.ERROR, DS.DX_MN, DS.ERROR, DS.D_MN, DS.D_MNd, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_M, DS.D_YM, DS.D_YMd, DS.DX_YM, DS.ERROR, DS.D_M, DS.ERROR],
  /* D_MN */ [DS.DX_MN, DS.DX_MNN, DS.DX_MNN, DS.DX_MNN, DS.ERROR, DS.T_Nt, DS.ERROR, DS.ERROR, DS.ERROR, DS.DX_DS, DS.T_S, DS.D_MN, DS.DX_YMN, DS.ERROR, DS.DX_YMN, DS.ERROR, DS.D_MN, DS.ERROR],
  /* D_NM */ [DS.DX_NM, DS.DX_MNN, DS.DX_MNN, DS.DX_MNN, DS.ERROR, DS.T_Nt, DS.ERROR, DS.ERROR, DS.ERROR, DS.DX_DS, DS.T_S, DS.D_NM, DS.DX_YMN, DS.ERROR, DS.DX_YMN, DS.ERROR, DS.D_NM, DS.ERROR],
  /* D_MNd */ [DS.ERROR, DS.DX_MNN, DS.ERROR, DS.DX_MNN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_MNd, DS.DX_YMN, DS.ERROR, DS.DX_YMN, DS.ERROR, DS.D_MNd, DS.ERROR],
  /* D_NDS */ [DS.DX_NDS, DS.DX_NNDS, DS.DX_NNDS, DS.DX_NNDS, DS.ERROR, DS.T_Nt, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_NDS, DS.T_S, DS.D_NDS, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_NDS, DS.ERROR],
  /* D_Y */ [DS.ERROR, DS.DX_YN, DS.ERROR, DS.D_YN, DS.D_YNd, DS.ERROR, DS.DX_YM, DS.D_YM, DS.D_YMd, DS.D_YM, DS.ERROR, DS.D_Y, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_Y, DS.ERROR],
  /* D_YN */ [DS.DX_YN, DS.DX_YNN, DS.DX_YNN, DS.DX_YNN, DS.ERROR, DS.ERROR, DS.DX_YMN, DS.DX_YMN, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YN, DS.ERROR],
  /* D_YNd */ [DS.ERROR, DS.DX_YNN, DS.DX_YNN, DS.DX_YNN, DS.ERROR, DS.ERROR, DS.DX_YMN, DS.DX_YMN, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YN, DS.ERROR],
  /* D_YM */ [DS.DX_YM, DS.DX_YMN, DS.DX_YMN, DS.DX_YMN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YM, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YM, DS.ERROR],
  /* D_YMd */ [DS.ERROR, DS.DX_YMN, DS.DX_YMN, DS.DX_YMN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YM, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_YM, DS.ERROR],
  /* D_S */ [DS.DX_DS, DS.DX_DSN, DS.TX_N, DS.T_Nt, DS.ERROR, DS.T_Nt, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_S, DS.T_S, DS.D_S, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_S, DS.ERROR],
  /* T_S */ [DS.TX_TS, DS.TX_TS, DS.TX_TS, DS.T_Nt, DS.D_Nd, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.D_S, DS.T_S, DS.T_S, DS.ERROR, DS.ERROR, DS.ERROR, DS.T_S, DS.T_S, DS.ERROR],
  /* T_Nt */ [DS.ERROR, DS.TX_NN, DS.TX_NN, DS.TX_NN, DS.ERROR, DS.T_NNt, DS.DX_NM, DS.D_NM, DS.ERROR, DS.ERROR, DS.T_S, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.T_Nt, DS.T_Nt, DS.TX_NN],
  /* T_NNt */ [DS.ERROR, DS.TX_NNN, DS.TX_NNN, DS.TX_NNN, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.ERROR, DS.T_S, DS.T_NNt, DS.ERROR, DS.ERROR, DS.ERROR, DS.T_NNt, DS.T_NNt, DS.TX_NNN],
];

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
interface Word {
  text: string;
  regular?: Tok;
  sep?: Sep;
  value: number;
}
/** The invariant culture's token table (DateTimeFormatInfo.CreateTokenHashTable), lower case. */
const WORDS: Word[] = [
  { text: ",", regular: Tok.Ignorable, value: 0 },
  { text: ".", regular: Tok.Ignorable, value: 0 },
  { text: ":", sep: Sep.Time, value: 0 },
  { text: "am", regular: Tok.Am, sep: Sep.Am, value: 0 },
  { text: "pm", regular: Tok.Pm, sep: Sep.Pm, value: 1 },
  { text: "-", sep: Sep.DateOrOffset, value: 0 },
  { text: "/", sep: Sep.Date, value: 0 },
  ...MONTHS.flatMap((m, i) => [
    { text: m, regular: Tok.Month, value: i + 1 },
    { text: m.slice(0, 3), regular: Tok.Month, value: i + 1 },
  ]),
  ...DAYS.flatMap((d, i) => [
    { text: d, regular: Tok.DayOfWeek, value: i },
    { text: d.slice(0, 3), regular: Tok.DayOfWeek, value: i },
  ]),
  { text: "a.d.", regular: Tok.Era, value: 1 },
  { text: "ad", regular: Tok.Era, value: 1 },
  { text: "t", sep: Sep.LocalTimeMark, value: 0 },
  { text: "gmt", regular: Tok.TimeZone, value: 0 },
  { text: "z", regular: Tok.TimeZone, value: 0 },
];

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/** Char.IsWhiteSpace. */
const isWhite = (c: string | undefined) => c !== undefined && (/[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(c));
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** The parsing cursor (__DTString): `i` is the index of the current character. */
class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  get cur(): string | undefined {
    return this.s[this.i];
  }
  atEnd(): boolean {
    return this.i >= this.s.length;
  }
  /** dtfi.Tokenize: the word at the cursor of the wanted kind (a letter word not followed by a letter), consumed. */
  tokenize(kind: "regular" | "sep"): Word | null {
    const rest = this.s.slice(this.i, this.i + 12).toLowerCase();
    for (const w of WORDS) {
      if ((kind === "regular" ? w.regular : w.sep) === undefined) continue;
      if (!rest.startsWith(w.text)) continue;
      if (isLetter(this.s[this.i]) && isLetter(this.s[this.i + w.text.length])) continue;
      this.i += w.text.length;
      return w;
    }
    return null;
  }
  /** GetSeparatorToken: whitespace skipped, then a separator word, else SEP_Space (nothing consumed). */
  separator(): { sep: Sep; before: number } {
    const before = this.i;
    while (isWhite(this.cur)) this.i++;
    if (this.atEnd()) return { sep: Sep.End, before };
    if (isDigit(this.cur)) return { sep: Sep.Space, before };
    const w = this.tokenize("sep");
    return { sep: w ? w.sep! : Sep.Space, before };
  }
  /** GetSubString: a run of digits (up to 8) or one other character at the cursor. */
  sub(): { digits: boolean; value: number; length: number } | null {
    if (this.atEnd()) return null;
    if (!isDigit(this.cur)) return { digits: false, value: 0, length: 1 };
    let n = 0;
    while (isDigit(this.s[this.i + n])) n++;
    if (n > 8) return null;
    return { digits: true, value: Number(this.s.slice(this.i, this.i + n)), length: n };
  }
}

/** ParseTimeZone: "+8", "+08", "+08:00", "+0800" at the cursor → minutes, or null (the cursor then undefined). */
function parseOffset(c: Cursor): number | null {
  const sign = c.cur;
  if (sign !== "+" && sign !== "-") return null;
  c.i++;
  const a = c.sub();
  if (!a || !a.digits) return null;
  let h: number;
  let m = 0;
  if (a.length <= 2) {
    h = a.value;
    c.i += a.length;
    if (c.cur === ":") {
      c.i++;
      const b = c.sub();
      if (!b || !b.digits || b.length > 2) return null;
      m = b.value;
      c.i += b.length;
    }
  } else if (a.length <= 4) {
    h = Math.floor(a.value / 100);
    m = a.value % 100;
    c.i += a.length;
  } else return null;
  if (m >= 60) return null;
  return (sign === "-" ? -1 : 1) * (h * 60 + m);
}

/** ParseFraction: the digits after the '.' at the cursor, summed as .NET sums them (decimalBase *= 0.1). */
function parseFraction(c: Cursor): number {
  let r = 0;
  let base = 0.1;
  c.i++;
  while (isDigit(c.cur)) {
    r += (c.cur!.charCodeAt(0) - 48) * base;
    base *= 0.1;
    c.i++;
  }
  return r;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const validDay = (y: number, m: number, d: number) => y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
/** GregorianCalendar.ToFourDigitYear with TwoDigitYearMax 2029. */
const fourDigit = (y: number) => (y < 100 ? (y > 29 ? 1900 : 2000) + y : y);
/** Ticks of a (valid) date at midnight. */
function dateTicks(y: number, m: number, d: number): bigint {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  dt.setUTCHours(0, 0, 0, 0);
  return BigInt(dt.getTime()) * 10000n + 621355968000000000n;
}
/** Math.Round (to even) of a non-negative double. */
function roundEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

export interface ParsedDate {
  /** The DateTime's ticks (for a DateTimeOffset: its clock time). */
  ticks: bigint;
  /** DateTimeKind of the DateTime. */
  kind: number;
  /** The DateTimeOffset's offset in minutes (captureOffset only). */
  offset: number;
}

const MAX_TICKS = 3155378975999999999n;
const TICKS_PER_DAY = 864000000000n;
const enum Style {
  NoCurrentDateDefault = 8,
  AdjustToUniversal = 16,
  AssumeLocal = 32,
  AssumeUniversal = 64,
  RoundtripKind = 128,
}

/**
 * DateTimeParse.TryParse with the invariant culture (the gateway's local zone is UTC). `captureOffset`:
 * DateTimeOffset.Parse (the offset is kept, not applied). Null when .NET would throw FormatException.
 */
export function parseDateTime(s: string, styles: number, captureOffset: boolean, nowMs: number = Date.now()): ParsedDate | null {
  if (s.length === 0) return null;
  const c = new Cursor(s);
  const raw = { nums: [] as number[], year: -1, month: -1, dayOfWeek: -1, timeMark: -1, fraction: 0 };
  const r = { year: -1, month: -1, day: -1, hour: -1, minute: -1, second: -1, haveDate: false, haveTime: false, tzUsed: false, tzUtc: false, offset: 0, yearDefault: false };
  const fail = () => null;
  const nowYear = () => {
    // GetDateTimeNow: DateTimeOffset.Parse with an offset in the text takes "now" at that offset
    const ms = captureOffset && r.tzUsed ? nowMs + r.offset * 60000 : nowMs;
    return new Date(ms).getUTCFullYear();
  };
  const defaultYear = () => {
    r.year = nowYear();
    r.yearDefault = true;
  };
  const setDate = (y: number, m: number, d: number): boolean => {
    if (!validDay(y, m, d)) return false;
    r.year = y;
    r.month = m;
    r.day = d;
    return true;
  };
  const dated = (ok: boolean): boolean => {
    if (ok) r.haveDate = true;
    return ok;
  };
  const terminal = (dps: DS): boolean => {
    const n = raw.nums;
    const dateAgain = dps <= DS.DX_NNY && dps !== DS.TX_N && dps !== DS.TX_NN && dps !== DS.TX_NNN && dps !== DS.TX_TS;
    if (dateAgain && r.haveDate && dps !== DS.DX_DS) return false;
    let ok = true;
    switch (dps) {
      case DS.DX_NN: // month/day of this year (MonthDayPattern "MMMM dd")
        defaultYear();
        ok = dated(setDate(r.year, n[0]!, n[1]!));
        break;
      case DS.DX_NNN: // MDY (ShortDatePattern "MM/dd/yyyy")
        ok = dated(setDate(fourDigit(n[2]!), n[0]!, n[1]!));
        break;
      case DS.DX_MN: // "March 14": a day of this year
        defaultYear();
        ok = setDate(r.year, raw.month, n[0]!);
        break;
      case DS.DX_NM: // "14 March": YearMonthPattern "yyyy MMMM" makes the number a year (March 2014)
        ok = setDate(fourDigit(n[0]!), raw.month, 1);
        break;
      case DS.DX_MNN:
        ok = dated(setDate(fourDigit(n[1]!), raw.month, n[0]!) || setDate(fourDigit(n[0]!), raw.month, n[1]!));
        break;
      case DS.DX_YNN:
        ok = dated(setDate(raw.year, n[0]!, n[1]!));
        break;
      case DS.DX_NNY:
        ok = dated(setDate(raw.year, n[0]!, n[1]!));
        break;
      case DS.DX_YMN:
        ok = dated(setDate(raw.year, raw.month, n[0]!));
        break;
      case DS.DX_YN:
        ok = dated(setDate(raw.year, n[0]!, 1));
        break;
      case DS.DX_YM:
        ok = dated(setDate(raw.year, raw.month, 1));
        break;
      case DS.TX_N:
        if (r.haveTime || raw.timeMark === -1) return false;
        r.hour = n[0]!;
        r.haveTime = true;
        break;
      case DS.TX_NN:
        if (r.haveTime) return false;
        r.hour = n[0]!;
        r.minute = n[1]!;
        r.haveTime = true;
        break;
      case DS.TX_NNN:
        if (r.haveTime) return false;
        r.hour = n[0]!;
        r.minute = n[1]!;
        r.second = n[2]!;
        r.haveTime = true;
        break;
      default:
        // date/time suffixes (CJK cultures) do not occur in the invariant culture
        return false;
    }
    if (!ok) return false;
    raw.nums = [];
    return true;
  };
  /** HandleTimeZone: an offset after "12:01" (whitespace allowed before it). */
  const handleTimeZone = (): boolean => {
    if (c.i < s.length - 1) {
      let k = c.i;
      while (isWhite(s[k]) && k < s.length - 1) k++;
      if (s[k] === "+" || s[k] === "-") {
        c.i = k;
        if (r.tzUsed) return false;
        r.tzUsed = true;
        const off = parseOffset(c);
        if (off === null) return false;
        r.offset = off;
      }
    }
    return true;
  };

  let dps = DS.BEGIN;
  let reached = false;
  let dtt: DTT;
  do {
    // ---- Lex ----
    dtt = DTT.Unk;
    while (isWhite(c.cur)) c.i++;
    if (c.atEnd()) dtt = DTT.End;
    else if (isDigit(c.cur)) {
      const start = c.i;
      while (isDigit(c.cur)) c.i++;
      const len = c.i - start;
      if (len > 8 || raw.nums.length === 3) return fail();
      const num = Number(s.slice(start, c.i));
      if (dps === DS.T_NNt && c.i < s.length - 1 && c.cur === ".") raw.fraction = parseFraction(c);
      if ((dps === DS.T_NNt || dps === DS.T_Nt) && c.i < s.length - 1 && !handleTimeZone()) return fail();
      const { sep, before } = c.separator();
      if (len >= 3) {
        // a year
        if (raw.year !== -1) return fail();
        raw.year = num;
        if (sep === Sep.End) dtt = DTT.YearEnd;
        else if (sep === Sep.Am || sep === Sep.Pm) {
          if (raw.timeMark !== -1) return fail();
          raw.timeMark = sep === Sep.Am ? 0 : 1;
          dtt = DTT.YearSpace;
        } else if (sep === Sep.Space) dtt = DTT.YearSpace;
        else if (sep === Sep.Date) dtt = DTT.YearDateSep;
        else if (sep === Sep.DateOrOffset) {
          if (STATES[dps]![DTT.YearDateSep] === DS.ERROR && STATES[dps]![DTT.YearSpace]! > DS.ERROR) {
            c.i = before;
            dtt = DTT.YearSpace;
          } else dtt = DTT.YearDateSep;
        } else return fail();
      } else {
        switch (sep) {
          case Sep.End:
            dtt = DTT.NumEnd;
            raw.nums.push(num);
            break;
          case Sep.Am:
          case Sep.Pm:
            if (raw.timeMark !== -1) return fail();
            raw.timeMark = sep === Sep.Am ? 0 : 1;
            dtt = DTT.NumAmpm;
            // "1/10 5 AM": the two numbers before are a date
            if (dps === DS.D_NN && !terminal(DS.DX_NN)) return fail();
            raw.nums.push(num);
            if ((dps === DS.T_NNt || dps === DS.T_Nt) && !handleTimeZone()) return fail();
            break;
          case Sep.Space:
            dtt = DTT.NumSpace;
            raw.nums.push(num);
            break;
          case Sep.Date:
            dtt = DTT.NumDatesep;
            raw.nums.push(num);
            break;
          case Sep.DateOrOffset:
            if (STATES[dps]![DTT.NumDatesep] === DS.ERROR && STATES[dps]![DTT.NumSpace]! > DS.ERROR) {
              c.i = before;
              dtt = DTT.NumSpace;
            } else dtt = DTT.NumDatesep;
            raw.nums.push(num);
            break;
          case Sep.Time:
            dtt = DTT.NumTimesep;
            raw.nums.push(num);
            break;
          case Sep.LocalTimeMark:
            dtt = DTT.NumLocalTimeMark;
            raw.nums.push(num);
            break;
          default:
            return fail();
        }
      }
    } else {
      const w = c.tokenize("regular");
      if (!w) {
        // UnknownToken: a letter is a word .NET does not know; a sign may start an offset
        if (isLetter(c.cur)) return fail();
        if ((c.cur === "-" || c.cur === "+") && !r.tzUsed) {
          const at = c.i;
          const off = parseOffset(c);
          if (off !== null) {
            r.tzUsed = true;
            r.offset = off;
            continue;
          }
          c.i = at;
        }
        if (!validPunctuation(c)) return fail();
        continue;
      }
      switch (w.regular) {
        case Tok.DayOfWeek:
          if (raw.dayOfWeek !== -1) return fail();
          raw.dayOfWeek = w.value;
          dtt = DTT.DayOfWeek;
          break;
        case Tok.Month: {
          if (raw.month !== -1) return fail();
          const { sep, before } = c.separator();
          if (sep === Sep.End) dtt = DTT.MonthEnd;
          else if (sep === Sep.Space) dtt = DTT.MonthSpace;
          else if (sep === Sep.Date) dtt = DTT.MonthDatesep;
          else if (sep === Sep.DateOrOffset) {
            if (STATES[dps]![DTT.MonthDatesep] === DS.ERROR && STATES[dps]![DTT.MonthSpace]! > DS.ERROR) {
              c.i = before;
              dtt = DTT.MonthSpace;
            } else dtt = DTT.MonthDatesep;
          } else return fail();
          raw.month = w.value;
          break;
        }
        case Tok.Era:
          dtt = DTT.Era;
          break;
        case Tok.TimeZone:
          if (r.tzUsed) return fail();
          dtt = DTT.TimeZone;
          r.tzUsed = true;
          r.tzUtc = true;
          r.offset = 0;
          break;
        case Tok.Am:
        case Tok.Pm:
          if (raw.timeMark !== -1) return fail();
          raw.timeMark = w.value;
          break;
        case Tok.Ignorable:
          break;
      }
    }
    // ---- the state machine ----
    if (dtt === DTT.Unk) continue;
    if (dtt === DTT.NumLocalTimeMark) {
      if (dps === DS.D_YNd || dps === DS.D_YN) return iso8601(c, raw, r, styles, captureOffset, nowMs);
      return fail();
    }
    dps = STATES[dps]![dtt]!;
    if (dps === DS.ERROR) return fail();
    if (dps > DS.ERROR) {
      if (!terminal(dps)) return fail();
      reached = true;
      dps = DS.BEGIN;
    }
  } while (dtt !== DTT.End && dtt !== DTT.NumEnd && dtt !== DTT.MonthEnd);
  if (!reached) return fail();
  // AdjustHour
  if (raw.timeMark !== -1) {
    if (raw.timeMark === 0) {
      if (r.hour < 0 || r.hour > 12) return fail();
      if (r.hour === 12) r.hour = 0;
    } else {
      if (r.hour < 0 || r.hour > 23) return fail();
      if (r.hour < 12) r.hour += 12;
    }
  }
  return finish(r, raw.fraction, raw.dayOfWeek, styles, captureOffset, nowMs);
}

interface Fields extends R {
  yearDefault: boolean;
}
/** CheckDefaultDateTime (missing date parts from today), the calendar check, the fraction, the day of week, the zone. */
function finish(r: Fields, fraction: number, dayOfWeek: number, styles: number, captureOffset: boolean, nowMs: number): ParsedDate | null {
  const fail = () => null;
  const nowYear = () => new Date(captureOffset && r.tzUsed ? nowMs + r.offset * 60000 : nowMs).getUTCFullYear();
  const timeOnly = r.year === -1 && r.month === -1 && r.day === -1;
  if (captureOffset && (r.month !== -1 || r.day !== -1) && (r.year === -1 || r.yearDefault) && r.tzUsed) return fail();
  if (r.year === -1 || r.month === -1 || r.day === -1) {
    if (r.month === -1 && r.day === -1) {
      if (r.year === -1) {
        if (styles & Style.NoCurrentDateDefault) r.year = r.month = r.day = 1;
        else {
          const now = new Date(captureOffset && r.tzUsed ? nowMs + r.offset * 60000 : nowMs);
          r.year = now.getUTCFullYear();
          r.month = now.getUTCMonth() + 1;
          r.day = now.getUTCDate();
        }
      } else r.month = r.day = 1;
    } else {
      if (r.year === -1) r.year = nowYear();
      if (r.month === -1) r.month = 1;
      if (r.day === -1) r.day = 1;
    }
  }
  if (r.hour === -1) r.hour = 0;
  if (r.minute === -1) r.minute = 0;
  if (r.second === -1) r.second = 0;
  if (!validDay(r.year, r.month, r.day) || r.hour > 23 || r.minute > 59 || r.second > 59) return fail();
  let ticks = dateTicks(r.year, r.month, r.day) + BigInt(((r.hour * 60 + r.minute) * 60 + r.second) * 1e7);
  if (fraction > 0) ticks += BigInt(roundEven(fraction * 1e7));
  if (ticks > MAX_TICKS) return fail();
  if (dayOfWeek !== -1) {
    const dow = Number((ticks / TICKS_PER_DAY + 1n) % 7n);
    if (dow !== dayOfWeek) return fail();
  }
  return zoneAdjust(ticks, r, styles, captureOffset, timeOnly);
}

/** VerifyValidPunctuation: "#...#" around the date, or trailing NULs. */
function validPunctuation(c: Cursor): boolean {
  const s = c.s;
  if (c.cur === "#") {
    let start = false;
    let end = false;
    for (const ch of s) {
      if (ch === "#") {
        if (start) {
          if (end) return false;
          end = true;
        } else start = true;
      } else if (ch === "\0") {
        if (!end) return false;
      } else if (!isWhite(ch) && (!start || end)) return false;
    }
    if (!end) return false;
    c.i++;
    return true;
  }
  if (c.cur === "\0") {
    for (let k = c.i; k < s.length; k++) if (s[k] !== "\0") return false;
    c.i = s.length;
    return true;
  }
  return false;
}

type R = { year: number; month: number; day: number; hour: number; minute: number; second: number; tzUsed: boolean; tzUtc: boolean; offset: number };

/** ParseISO8601: "yyyy-MM-ddT" read, now HH:mm[:ss[.fffffff]][Z|offset]. */
function iso8601(c: Cursor, raw: { nums: number[]; year: number }, r: R, styles: number, captureOffset: boolean, nowMs: number): ParsedDate | null {
  void nowMs;
  const s = c.s;
  const skip = () => {
    while (isWhite(s[c.i])) c.i++;
  };
  const two = (): number | null => {
    if (!isDigit(s[c.i]) || !isDigit(s[c.i + 1])) return null;
    const v = Number(s.slice(c.i, c.i + 2));
    c.i += 2;
    return v;
  };
  skip();
  const hour = two();
  if (hour === null) return null;
  skip();
  if (s[c.i] !== ":") return null;
  c.i++;
  skip();
  const minute = two();
  if (minute === null) return null;
  skip();
  let second = 0;
  let frac = 0;
  if (s[c.i] === ":") {
    c.i++;
    skip();
    const sec = two();
    if (sec === null) return null;
    second = sec;
    if (s[c.i] === ".") {
      if (!isDigit(s[c.i + 1])) return null;
      frac = parseFraction(c);
    }
    skip();
  }
  if (c.i < s.length) {
    const ch = s[c.i];
    if (ch === "+" || ch === "-") {
      r.tzUsed = true;
      const off = parseOffset(c);
      if (off === null) return null;
      r.offset = off;
    } else if (ch === "Z" || ch === "z") {
      r.tzUsed = true;
      r.tzUtc = true;
      r.offset = 0;
      c.i++;
    }
    skip();
    if (s[c.i] === "#") {
      if (!validPunctuation(c)) return null;
      skip();
    }
    if (s[c.i] === "\0" && !validPunctuation(c)) return null;
    if (c.i < s.length) return null;
  }
  const [m, d] = raw.nums;
  if (!validDay(raw.year, m!, d!) || hour > 23 || minute > 59 || second > 59) return null;
  let ticks = dateTicks(raw.year, m!, d!) + BigInt(((hour * 60 + minute) * 60 + second) * 1e7);
  ticks += BigInt(roundEven(frac * 1e7));
  if (ticks > MAX_TICKS) return null;
  return zoneAdjust(ticks, r, styles, captureOffset, false);
}

/** DetermineTimeZoneAdjustments: the offset applied (DateTime: to local time, UTC here) or kept (DateTimeOffset). */
function zoneAdjust(ticks: bigint, r: R, styles: number, captureOffset: boolean, timeOnly: boolean): ParsedDate | null {
  void timeOnly;
  const off = BigInt(r.offset) * 600000000n;
  if (captureOffset) {
    let offset = r.tzUsed ? r.offset : 0;
    const utc = ticks - BigInt(offset) * 600000000n;
    if (utc < 0n || utc > MAX_TICKS) return null;
    if (Math.abs(offset) > 14 * 60) return null;
    if (styles & Style.AdjustToUniversal) {
      ticks = utc;
      offset = 0;
    }
    return { ticks, kind: 0, offset };
  }
  if (Math.abs(r.offset) > 14 * 60) return null;
  let tzUsed = r.tzUsed;
  if (!tzUsed) {
    if (styles & Style.AssumeLocal) {
      if (!(styles & Style.AdjustToUniversal)) return { ticks, kind: 2, offset: 0 };
      tzUsed = true; // the local offset: zero
    } else if (styles & Style.AssumeUniversal) {
      if (styles & Style.AdjustToUniversal) return { ticks, kind: 1, offset: 0 };
      tzUsed = true;
    } else return { ticks, kind: 0, offset: 0 };
  }
  if (styles & Style.RoundtripKind && r.tzUtc) return { ticks, kind: 1, offset: 0 };
  let t = ticks - off;
  if (styles & Style.AdjustToUniversal) {
    if (t < 0n) t += TICKS_PER_DAY;
    if (t < 0n || t > MAX_TICKS) return null;
    return { ticks: t, kind: 1, offset: 0 };
  }
  // AdjustTimeZoneToLocal: through UTC to the local zone (UTC)
  if (ticks < TICKS_PER_DAY && t < 0n) t += TICKS_PER_DAY;
  if (t < 0n || t > MAX_TICKS) return null;
  return { ticks: t, kind: 2, offset: 0 };
}

/** The invariant culture's standard formats, as ToString and ParseExact expand them. */
export const STANDARD_DATE_FORMATS: Readonly<Record<string, string>> = {
  d: "MM/dd/yyyy",
  D: "dddd, dd MMMM yyyy",
  f: "dddd, dd MMMM yyyy HH:mm",
  F: "dddd, dd MMMM yyyy HH:mm:ss",
  g: "MM/dd/yyyy HH:mm",
  G: "MM/dd/yyyy HH:mm:ss",
  m: "MMMM dd",
  M: "MMMM dd",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: "HH:mm",
  T: "HH:mm:ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: "dddd, dd MMMM yyyy HH:mm:ss",
  y: "yyyy MMMM",
  Y: "yyyy MMMM",
};

/**
 * DateTimeParse.DoStrictParse (DateTime.ParseExact, DateTimeOffset.ParseExact) with the invariant
 * culture: the format read specifier by specifier against the input, no whitespace allowed beyond the
 * format's. Missing date parts come from today (a time-only format parses as today's date). "FormatSpec"
 * when the format itself is bad (.NET throws FormatException either way), null when the text does not match.
 */
export function parseExactDateTime(s: string, format: string, styles: number, captureOffset: boolean, nowMs: number = Date.now()): ParsedDate | null {
  if (s.length === 0 || format.length === 0) return null;
  let f = format;
  let rfc = false;
  let zulu = false;
  if (f.length === 1) {
    const std = STANDARD_DATE_FORMATS[f];
    if (!std) return null;
    rfc = f === "r" || f === "R";
    zulu = f === "u";
    // "U" is universal time: read as UTC (DateTimeOffset refuses the format)
    if (f === "U" && captureOffset) return null;
    f = std;
  }
  const r: Fields = { year: -1, month: -1, day: -1, hour: -1, minute: -1, second: -1, tzUsed: format === "U", tzUtc: false, offset: 0, yearDefault: false };
  let i = 0; // input index
  let twoDigitYear = false;
  let hour12 = false;
  let timeMark = -1;
  let dayOfWeek = -1;
  let fraction = 0;
  const set = (k: "year" | "month" | "day" | "hour" | "minute" | "second", v: number): boolean => {
    if (r[k] !== -1 && r[k] !== v) return false;
    r[k] = v;
    return true;
  };
  const digits = (min: number, max: number): number | null => {
    let n = 0;
    while (n < max && isDigit(s[i + n])) n++;
    if (n < min) return null;
    const v = Number(s.slice(i, i + n));
    i += n;
    return v;
  };
  const word = (words: string[]): number => {
    // the longest name that matches, case-insensitively
    let best = -1;
    let len = 0;
    words.forEach((w, k) => {
      if (w.length > len && s.slice(i, i + w.length).toLowerCase() === w) {
        best = k;
        len = w.length;
      }
    });
    if (best >= 0) i += len;
    return best;
  };
  const offset = (n: number): number | null => {
    const sign = s[i];
    if (sign !== "+" && sign !== "-") return null;
    i++;
    let h: number | null;
    let m = 0;
    if (n <= 2) {
      h = digits(n, 2);
      if (h === null) return null;
    } else {
      h = digits(1, 2);
      if (h === null) return null;
      if (s[i] === ":") i++;
      const mm = digits(2, 2);
      if (mm === null) return null;
      m = mm;
    }
    if (m >= 60) return null;
    return (sign === "-" ? -1 : 1) * (h * 60 + m);
  };
  for (let k = 0; k < f.length; ) {
    const ch = f[k]!;
    let n = 1;
    while (f[k + n] === ch && "yMdhHmsfFtzK".includes(ch)) n++;
    switch (ch) {
      case "y": {
        const v = n <= 2 ? digits(n, 2) : digits(n, n);
        if (v === null) return null;
        if (n <= 2) twoDigitYear = true;
        if (!set("year", v)) return null;
        break;
      }
      case "M": {
        const v = n <= 2 ? digits(n, 2) : word(n === 3 ? MONTHS.map((m) => m.slice(0, 3)) : MONTHS) + 1;
        if (v === null || v < 1 || v > 12 || !set("month", v)) return null;
        break;
      }
      case "d": {
        if (n <= 2) {
          const v = digits(n, 2);
          if (v === null || v < 1 || v > 31 || !set("day", v)) return null;
        } else {
          const v = word(n === 3 ? DAYS.map((d) => d.slice(0, 3)) : DAYS);
          if (v < 0 || (dayOfWeek !== -1 && dayOfWeek !== v)) return null;
          dayOfWeek = v;
        }
        break;
      }
      case "h":
      case "H": {
        if (ch === "h") hour12 = true;
        const v = digits(n < 2 ? 1 : 2, 2);
        if (v === null || !set("hour", v)) return null;
        break;
      }
      case "m":
      case "s": {
        const v = digits(n < 2 ? 1 : 2, 2);
        if (v === null || v > 59 || !set(ch === "m" ? "minute" : "second", v)) return null;
        break;
      }
      case "f":
      case "F": {
        if (n > 7) return null;
        let d = 0;
        while (d < n && isDigit(s[i + d])) d++;
        if (ch === "f" && d < n) return null;
        if (d > 0) {
          fraction = Number(s.slice(i, i + d)) / 10 ** d;
          i += d;
        }
        break;
      }
      case "t": {
        const a = s.slice(i, i + (n === 1 ? 1 : 2)).toLowerCase();
        const am = n === 1 ? "a" : "am";
        const pm = n === 1 ? "p" : "pm";
        if (a === am) timeMark = 0;
        else if (a === pm) timeMark = 1;
        else return null;
        i += am.length;
        break;
      }
      case "z": {
        if (r.tzUsed) return null;
        const o = offset(n);
        if (o === null) return null;
        r.tzUsed = true;
        r.offset = o;
        break;
      }
      case "K":
        if (s[i] === "Z") {
          if (r.tzUsed) return null;
          r.tzUsed = true;
          r.tzUtc = true;
          r.offset = 0;
          i++;
        } else if (s[i] === "+" || s[i] === "-") {
          if (r.tzUsed) return null;
          const o = offset(3);
          if (o === null) return null;
          r.tzUsed = true;
          r.offset = o;
        }
        break;
      case ":":
      case "/":
        if (s[i] !== ch) return null;
        i++;
        break;
      case "'":
      case '"': {
        const end = f.indexOf(ch, k + 1);
        if (end < 0) return null; // an unterminated quote: a bad format
        const lit = f.slice(k + 1, end);
        if (s.slice(i, i + lit.length) !== lit) return null;
        i += lit.length;
        if (captureOffset && ((rfc && lit === "GMT") || (zulu && lit === "Z"))) {
          r.tzUsed = true;
          r.offset = 0;
        }
        n = end - k + 1;
        break;
      }
      case "%":
        // "%d": one specifier alone; "%" at the end or "%%" is a bad format
        if (k + 1 >= f.length || f[k + 1] === "%") return null;
        n = 1;
        break;
      case "\\":
        if (k + 1 >= f.length || s[i] !== f[k + 1]) return null;
        i++;
        n = 2;
        break;
      case ".":
        if (s[i] !== ".") {
          // ".F": an optional fraction, dot and all
          if (f[k + 1] === "F") {
            n = 1;
            while (f[k + n] === "F") n++;
            break;
          }
          return null;
        }
        i++;
        break;
      default:
        if (f.startsWith("GMT", k)) {
          if (s.slice(i, i + 3).toLowerCase() !== "gmt") return null;
          r.tzUsed = true;
          r.offset = 0;
          i += 3;
          n = 3;
        } else {
          if (s[i] !== ch) return null;
          i++;
        }
    }
    k += n;
  }
  if (i < s.length) return null;
  if (twoDigitYear && r.year !== -1) r.year = fourDigit(r.year);
  if (r.hour !== -1 || hour12 || timeMark !== -1) {
    if (hour12) {
      if (timeMark === -1) timeMark = 0;
      if (r.hour > 12) return null;
      if (timeMark === 0) {
        if (r.hour === 12) r.hour = 0;
      } else if (r.hour < 12) r.hour += 12;
    } else if ((timeMark === 0 && r.hour >= 12) || (timeMark === 1 && r.hour < 12)) return null;
  }
  return finish(r, fraction, dayOfWeek, styles, captureOffset, nowMs);
}

// TimeSpan.ParseExact / TryParseExact as .NET's TimeSpanParse reads them with the invariant culture:
// "c"/"t"/"T" by the constant-format StringParser ([ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] }[ws]),
// "g"/"G" as TimeSpan.Parse reads text ("G" wants every part), and custom formats specifier by
// specifier (d..dddddddd, h/hh, m/mm, s/ss, f/F up to 7, quoted and \-escaped literals; any other
// character, even ':', is a bad format). Results are ticks, or "format"/"overflow"/"badformat" for the
// FormatException / OverflowException .NET throws.

export type TimeSpanParse = bigint | "format" | "overflow";

const MAX = 9223372036854775807n;

/** The constant ("c") format: TimeSpanParse.StringParser. */
function parseConstant(s: string): TimeSpanParse {
  let pos = 0;
  const ch = () => s[pos];
  const blanks = () => {
    while (ch() === " " || ch() === "\t") pos++;
  };
  const int = (max: number): number | "format" | "overflow" => {
    const start = pos;
    let v = 0;
    while (ch() !== undefined && ch()! >= "0" && ch()! <= "9") {
      if (v >= 0x10000000) return "overflow";
      v = v * 10 + (s.charCodeAt(pos) - 48);
      pos++;
    }
    if (pos === start) return "format";
    return v > max ? "overflow" : v;
  };
  const time = (): bigint | "format" | "overflow" => {
    const h = int(23);
    if (typeof h === "string") return h;
    if (ch() !== ":") return "format";
    pos++;
    const m = int(59);
    if (typeof m === "string") return m;
    let t = BigInt(h) * 36000000000n + BigInt(m) * 600000000n;
    if (ch() === ":") {
      pos++;
      if (ch() !== ".") {
        const sec = int(59);
        if (typeof sec === "string") return sec;
        t += BigInt(sec) * 10000000n;
      }
      if (ch() === ".") {
        pos++;
        let f = 10000000;
        while (f > 1 && ch() !== undefined && ch()! >= "0" && ch()! <= "9") {
          f /= 10;
          t += BigInt((s.charCodeAt(pos) - 48) * f);
          pos++;
        }
      }
    }
    return t;
  };
  blanks();
  let neg = false;
  if (ch() === "-") {
    neg = true;
    pos++;
  }
  let k = pos;
  while (s[k] !== undefined && s[k]! >= "0" && s[k]! <= "9") k++;
  let t: bigint;
  if (s[k] === ":") {
    const r = time();
    if (typeof r === "string") return r;
    t = r;
  } else {
    const d = int(10675199);
    if (typeof d === "string") return d;
    t = BigInt(d) * 864000000000n;
    if (ch() === ".") {
      pos++;
      const r = time();
      if (typeof r === "string") return r;
      t += r;
    }
  }
  if (t > MAX) return "overflow";
  blanks();
  if (pos < s.length) return "format";
  return neg ? -t : t;
}

/** A custom format (TimeSpanParse.TryParseByFormat); "badformat" when the format itself is wrong. */
function parseCustom(s: string, f: string, negative: boolean): TimeSpanParse | "badformat" {
  let pos = 0;
  let dd = 0,
    hh = 0,
    mm = 0,
    ss = 0,
    ff = 0,
    ffDigits = 0;
  const seen = new Set<string>();
  /** Up to `max` digits at the input position, at least `min`. */
  const digits = (min: number, max: number): { v: number; n: number } | null => {
    let n = 0;
    while (n < max && s[pos + n] !== undefined && s[pos + n]! >= "0" && s[pos + n]! <= "9") n++;
    const v = n ? Number(s.slice(pos, pos + n)) : 0;
    pos += n;
    return n < min ? null : { v, n };
  };
  for (let i = 0; i < f.length; ) {
    const c = f[i]!;
    let n = 1;
    while (f[i + n] === c && "hmsfFd".includes(c)) n++;
    switch (c) {
      case "h":
      case "m":
      case "s": {
        if (n > 2 || seen.has(c)) return "format";
        const r = digits(n, n === 1 ? 2 : n);
        if (!r) return "format";
        seen.add(c);
        if (c === "h") hh = r.v;
        else if (c === "m") mm = r.v;
        else ss = r.v;
        break;
      }
      case "f":
      case "F": {
        if (n > 7 || seen.has("f")) return "format";
        const r = digits(c === "f" ? n : 0, n);
        if (!r) return "format";
        seen.add("f");
        ff = r.v;
        ffDigits = r.n;
        break;
      }
      case "d": {
        if (n > 8 || seen.has("d")) return "format";
        const r = digits(n < 2 ? 1 : n, n < 2 ? 8 : n);
        if (!r) return "format";
        seen.add("d");
        dd = r.v;
        break;
      }
      case "'":
      case '"': {
        const end = f.indexOf(c, i + 1);
        if (end < 0) return "badformat";
        const lit = f.slice(i + 1, end).replace(/\\(.)/g, "$1");
        if (s.slice(pos, pos + lit.length) !== lit) return "format";
        pos += lit.length;
        n = end - i + 1;
        break;
      }
      case "%":
        if (i + 1 >= f.length || f[i + 1] === "%") return "format";
        n = 1;
        break;
      case "\\":
        if (i + 1 >= f.length || s[pos] !== f[i + 1]) return "format";
        pos++;
        n = 2;
        break;
      default:
        return "format";
    }
    i += n;
  }
  if (pos < s.length) return "format";
  if (hh > 23 || mm > 59 || ss > 59 || dd > 10675199) return "overflow";
  const frac = ffDigits ? BigInt(ff) * 10n ** BigInt(7 - ffDigits) : 0n;
  const t = ((BigInt(dd) * 24n + BigInt(hh)) * 60n + BigInt(mm)) * 600000000n + BigInt(ss) * 10000000n + frac;
  if (t > MAX) return "overflow";
  return negative ? -t : t;
}

/**
 * One format: "c"/"t"/"T" constant, "g"/"G" as TimeSpan.Parse reads (through `general`), else custom.
 * `assumeNegative`: TimeSpanStyles.AssumeNegative (custom formats only, as in .NET).
 */
export function parseTimeSpanExact(s: string, format: string, assumeNegative: boolean, general: (s: string) => bigint | "format" | "overflow"): TimeSpanParse | "badformat" {
  if (format.length === 0) return "badformat";
  if (format.length === 1) {
    switch (format) {
      case "c":
      case "t":
      case "T":
        return parseConstant(s);
      case "g":
        return general(s);
      case "G": {
        // the full form only: [-]d:hh:mm:ss.fffffff
        if (!/^\s*-?\d+:\d{1,2}:\d{1,2}:\d{1,2}[.]\d+\s*$/.test(s)) return "format";
        return general(s);
      }
      default:
        return "badformat";
    }
  }
  return parseCustom(s, format, assumeNegative);
}

/**
 * The errors .NET's TimeSpanParse finds while it reads the text token by token (TimeSpanTokenizer and
 * TimeSpanRawInfo.ProcessToken), before it matches the parts against the patterns: a number token
 * above 0x0FFFFFFF is OverflowException where it stands, a sixth number (or a seventh separator, or a
 * twelfth token) a FormatException. A separator is every run of non-digits; a leading number counts an
 * empty separator before it. Null when the tokens read through.
 */
export function timeSpanTokenError(s: string): "format" | "overflow" | null {
  let nums = 0,
    seps = 0,
    tokens = 0;
  for (let pos = 0; pos < s.length; ) {
    const c = s.charCodeAt(pos);
    if (c >= 48 && c <= 57) {
      let v = 0;
      while (pos < s.length && s.charCodeAt(pos) >= 48 && s.charCodeAt(pos) <= 57) {
        v = v * 10 + (s.charCodeAt(pos++) - 48);
        if (v > 0x0fffffff) return "overflow";
      }
      if (tokens === 0) seps = tokens = 1;
      if (nums >= 5 || tokens >= 11) return "format";
      nums++;
      tokens++;
    } else {
      while (pos < s.length && !(s.charCodeAt(pos) >= 48 && s.charCodeAt(pos) <= 57)) pos++;
      if (seps >= 6 || tokens >= 11) return "format";
      seps++;
      tokens++;
    }
  }
  return null;
}

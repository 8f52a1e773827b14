// Parsing numbers (int.Parse, double.Parse, decimal.Parse with NumberStyles), bools and chars, and
// char classification (char.IsDigit & co.).
import { argumentError, argumentNull, formatError, overflow } from "../errors.js";
import { Decimal, decParseParts } from "./decimal.js";
import { intDigits } from "./number-format.js";
import { INT_RANGES, typeLabel } from "./core.js";
import { netNumberToDouble } from "./number-to-double.js";

// Number parsing under the invariant culture with .NET's NumberStyles: Integer (7) for integral types,
// Float | AllowThousands (231) for double/float, Number (111) for decimal.
const S_LEAD_WS = 1;
const S_TRAIL_WS = 2;
const S_LEAD_SIGN = 4;
const S_TRAIL_SIGN = 8;
const S_PARENS = 16;
const S_DECIMAL = 32;
const S_THOUSANDS = 64;
const S_EXPONENT = 128;
const S_CURRENCY = 256;
const S_HEX = 512;

function defaultStyle(type: string): number {
  return type === "double" || type === "float" ? 231 : type === "decimal" ? 111 : 7;
}
function isWhite(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

type ParseResult = number | Decimal | "format" | "overflow";

function parseCore(s: string, type: string, style: number): ParseResult {
  const integral = type in INT_RANGES;
  const n = s.length;
  let i = 0;
  let end = n;
  if (style & S_LEAD_WS) while (i < n && isWhite(s.charCodeAt(i))) i++;
  if (style & S_TRAIL_WS) while (end > i && isWhite(s.charCodeAt(end - 1))) end--;
  while (end > i && s.charCodeAt(end - 1) === 0) end--;
  if (style & S_HEX) {
    const t = s.slice(i, end);
    if (!/^[0-9a-fA-F]+$/.test(t)) return "format";
    if (!integral) return "format";
    const big = BigInt(`0x${t}`);
    const canon = (b: bigint): number => (b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : (b as unknown as number));
    const bits = type === "long" || type === "ulong" ? 64 : type === "short" || type === "ushort" ? 16 : type === "byte" || type === "sbyte" ? 8 : 32;
    if (big >= 1n << BigInt(bits)) return "overflow";
    const signed = type === "int" || type === "long" || type === "short" || type === "sbyte";
    return canon(signed ? BigInt.asIntN(bits, big) : big);
  }
  if (!integral && (type === "double" || type === "float")) {
    const t = s.slice(i, end);
    if (t === "NaN") return NaN;
    if (t === "Infinity" || t === "+Infinity") return Infinity;
    if (t === "-Infinity") return -Infinity;
  }
  let neg = false;
  let signSeen = false;
  let parens = false;
  const at = (k: number) => (k < end ? s[k]! : "");
  if ((style & S_LEAD_SIGN) && (at(i) === "+" || at(i) === "-")) {
    neg = at(i) === "-";
    signSeen = true;
    i++;
  } else if ((style & S_PARENS) && at(i) === "(") {
    parens = true;
    neg = true;
    signSeen = true;
    i++;
  }
  if ((style & S_CURRENCY) && at(i) === "¤") i++;
  let intDigits = "";
  let fracDigits = "";
  let decimalSeen = false;
  let digits = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (decimalSeen) fracDigits += s[i];
      else intDigits += s[i];
    } else if (c === 46 && (style & S_DECIMAL) && !decimalSeen) decimalSeen = true;
    else if (c === 44 && (style & S_THOUSANDS) && digits > 0 && !decimalSeen) continue;
    else break;
  }
  if (digits === 0) return "format";
  let exp = 0;
  if ((style & S_EXPONENT) && (at(i) === "e" || at(i) === "E")) {
    let j = i + 1;
    let eneg = false;
    if (at(j) === "+" || at(j) === "-") {
      eneg = at(j) === "-";
      j++;
    }
    let ed = "";
    while (j < end && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) ed += s[j++];
    if (ed) {
      exp = Math.min(Number(ed), 100000) * (eneg ? -1 : 1);
      i = j;
    }
  }
  if ((style & S_TRAIL_SIGN) && !signSeen && (at(i) === "+" || at(i) === "-")) {
    neg = at(i) === "-";
    i++;
  }
  if ((style & S_CURRENCY) && at(i) === "¤") i++;
  if (parens) {
    if (at(i) !== ")") return "format";
    i++;
  }
  if (i !== end) return "format";
  if (type === "decimal") {
    // exact: digits × 10^-(fraction digits - exponent), the scale kept ("1.50" → 1.50)
    const r = decParseParts(neg, (intDigits + fracDigits).replace(/^0+(?=\d)/, ""), fracDigits.length - exp);
    return r ?? "overflow";
  }
  // significant digits and decimal scale: value = 0.D × 10^scale
  let all = intDigits + fracDigits;
  let scale = intDigits.length + exp;
  const lead = all.length - all.replace(/^0+/, "").length;
  all = all.slice(lead);
  scale -= lead;
  all = all.replace(/0+$/, "");
  if (all === "") return 0;
  if (integral) {
    if (scale > 20) return "overflow";
    if (all.length > scale) return "overflow"; // a non-zero fraction
    const v = BigInt(all.padEnd(scale, "0")) * (neg ? -1n : 1n);
    const [lo, hi] = INT_RANGES[type]!;
    if (v < BigInt(lo === -9223372036854775808 ? "-9223372036854775808" : lo) || v > BigInt(hi === 9223372036854775807 ? "9223372036854775807" : hi === 18446744073709551615 ? "18446744073709551615" : hi)) return "overflow";
    return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : (v as unknown as number);
  }
  // .NET Framework's own (not correctly rounded) conversion: number-to-double.ts
  let v = netNumberToDouble(all, scale, neg);
  if (type === "float") v = Math.fround(v);
  if (!Number.isFinite(v)) return "overflow";
  if (type === "decimal") {
    if (Math.abs(v) >= 79228162514264337593543950336) return "overflow";
    if (scale < -28) return neg ? -0 : 0;
  }
  return v;
}

/** int.Parse & co (invariant culture). */
export function parseNum(s: string | null, type: string, style = -1): number {
  // (decimal: returns a Decimal)
  // NumberStyles.AllowHexSpecifier (0x200) is for integral types only (checked before the string)
  if (style !== -1 && style & 0x200 && (type === "double" || type === "float" || type === "decimal"))
    throw argumentError("The number style AllowHexSpecifier is not supported on floating point data types.");
  if (s === null || s === undefined) throw argumentNull("s");
  const r = parseCore(s, type, style === -1 ? defaultStyle(type) : style);
  if (r === "format") throw formatError();
  if (r === "overflow") throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
  return r as number;
}
export function tryParseNum(s: string | null, type: string, style = -1): number | undefined {
  if (s === null || s === undefined) return undefined;
  const r = parseCore(s, type, style === -1 ? defaultStyle(type) : style);
  return typeof r === "number" ? r : r instanceof Decimal ? (r as unknown as number) : undefined;
}
export function parseBool(s: string | null): boolean {
  if (s === null) throw argumentNull("value");
  const r = tryParseBool(s);
  if (r === undefined) throw formatError("String was not recognized as a valid Boolean.");
  return r;
}
export function tryParseBool(s: string | null): boolean | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : undefined;
}
export function parseChar(s: string | null): number {
  if (s === null) throw argumentNull("s");
  if (s.length !== 1) throw formatError("String must be exactly one character long.");
  return s.charCodeAt(0);
}
export function charIs(kind: string, c: number): boolean {
  const s = String.fromCodePoint(c);
  switch (kind) {
    case "digit":
      return /\p{Nd}/u.test(s);
    case "letter":
      return /\p{L}/u.test(s);
    case "letterOrDigit":
      return /[\p{L}\p{Nd}]/u.test(s);
    case "space":
      return /[\s\u0085]/.test(s);
    case "upper":
      return /\p{Lu}/u.test(s);
    case "lower":
      return /\p{Ll}/u.test(s);
    case "punct":
      return /\p{P}/u.test(s);
  }
  return false;
}

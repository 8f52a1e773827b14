// .NET Framework number formatting under the invariant culture: ToString() of double (15 significant
// digits), float (7) and decimal, the standard formats (G, F, N, E, P, C, D, X, R) and custom ones.
import { formatError } from "../errors.js";
import { decDigits, Decimal, decStr, NumBox } from "./decimal.js";
import { netNumberToDouble } from "./number-to-double.js";

// .NET Framework number formatting (invariant culture). Values are first converted to a decimal
// digit buffer — 15 significant digits for double, 7 for float (17/9 when a format asks for more),
// exact digits for integers — and every format then rounds that buffer half away from zero, as the
// Framework's Number.Formatting does (so 1.005.ToString("F2") is "1.01": its 15-digit form is 1.005).

interface NumBuf {
  neg: boolean;
  /** Significant digits, no trailing zeros; "" for zero. */
  d: string;
  /** Decimal exponent: value = 0.d × 10^scale. */
  scale: number;
  kind: "int" | "float" | "decimal";
}

const FLOATING = new Set(["double", "float", "decimal"]);

function digitsOf(x: number, precision: number): NumBuf {
  if (x === 0) return { neg: false, d: "", scale: 0, kind: "float" };
  const s = Math.abs(x).toExponential(precision - 1);
  const e = s.indexOf("e");
  const d = (s[0]! + s.slice(2, e)).replace(/0+$/, "");
  return { neg: x < 0, d, scale: Number(s.slice(e + 1)) + 1, kind: "float" };
}
export function intDigits(x: number): NumBuf {
  if (typeof x === "bigint") {
    const b = x as bigint;
    const s = (b < 0n ? -b : b).toString();
    return { neg: b < 0n, d: s.replace(/0+$/, ""), scale: s.length, kind: "int" };
  }
  const a = Math.abs(x);
  const s = a < 2 ** 53 ? String(a) : a >= 9223372036854775807 ? (x < 0 ? "9223372036854775808" : "9223372036854775807") : BigInt(a).toString();
  if (s === "0") return { neg: false, d: "", scale: 0, kind: "int" };
  return { neg: x < 0, d: s.replace(/0+$/, ""), scale: s.length, kind: "int" };
}
function decimalDigits(x: number): NumBuf {
  if (x === 0) return { neg: false, d: "", scale: 0, kind: "decimal" };
  const s = Math.abs(x).toExponential();
  const e = s.indexOf("e");
  const d = (s[0]! + s.slice(2, e).replace(".", "")).replace(/0+$/, "");
  return { neg: x < 0, d, scale: Number(s.slice(e + 1)) + 1, kind: "decimal" };
}

/** Rounds the buffer to `pos` digits, half away from zero (Framework RoundNumber). */
function roundBuf(n: NumBuf, pos: number): void {
  const d = n.d;
  let i = 0;
  while (i < pos && i < d.length) i++;
  let out: string;
  if (i === pos && i < d.length && d.charCodeAt(i) >= 53) {
    while (i > 0 && d[i - 1] === "9") i--;
    if (i > 0) out = d.slice(0, i - 1) + String.fromCharCode(d.charCodeAt(i - 1) + 1);
    else {
      n.scale++;
      out = "1";
    }
  } else {
    out = d.slice(0, i).replace(/0+$/, "");
  }
  n.d = out;
  if (out === "") {
    n.scale = 0;
    n.neg = false;
  }
}

function bufFor(x: number, type: string, precision: number): NumBuf {
  if ((x as unknown) instanceof Decimal) return { ...decDigits(x as unknown as Decimal), kind: "decimal" };
  if (type === "decimal") return decimalDigits(x);
  if (!FLOATING.has(type)) return intDigits(x);
  return digitsOf(x, precision);
}

function fmtExponent(e: number, ch: string, minDigits: number, plus: boolean): string {
  const s = String(Math.abs(e)).padStart(minDigits, "0");
  return ch + (e < 0 ? "-" : plus ? "+" : "") + s;
}

function fmtGeneral(n: NumBuf, maxDigits: number, expCh: string): string {
  let digPos = n.scale;
  let scientific = false;
  if (digPos > maxDigits || digPos < -3) {
    digPos = 1;
    scientific = true;
  }
  const d = n.d;
  let k = 0;
  let out = "";
  if (digPos > 0) {
    do {
      out += k < d.length ? d[k++] : "0";
    } while (--digPos > 0);
  } else out += "0";
  if (k < d.length || digPos < 0) {
    out += ".";
    while (digPos < 0) {
      out += "0";
      digPos++;
    }
    out += d.slice(k);
  }
  if (scientific) out += fmtExponent(n.scale - 1, expCh, 2, true);
  return out;
}

function fmtFixed(n: NumBuf, maxDigits: number, group: boolean): string {
  const d = n.d;
  let digPos = n.scale;
  let k = 0;
  let ip = "";
  if (digPos > 0) {
    do {
      ip += k < d.length ? d[k++] : "0";
    } while (--digPos > 0);
  } else ip = "0";
  if (group && ip.length > 3) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (maxDigits <= 0) return ip;
  let fp = "";
  if (digPos < 0) {
    const z = Math.min(-digPos, maxDigits);
    fp += "0".repeat(z);
    maxDigits -= z;
  }
  while (maxDigits-- > 0) fp += k < d.length ? d[k++] : "0";
  return `${ip}.${fp}`;
}

function fmtScientific(n: NumBuf, maxDigits: number, expCh: string): string {
  const d = n.d;
  let out = d.length ? d[0]! : "0";
  if (maxDigits !== 1) {
    out += ".";
    for (let k = 1; k < maxDigits; k++) out += k < d.length ? d[k] : "0";
  }
  const e = d.length === 0 ? 0 : n.scale - 1;
  return out + fmtExponent(e, expCh, 3, true);
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return null;
}

/** double.ToString() on .NET Framework: 15 significant digits ("G"). */
export function fmtDouble(x: number): string {
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  const n = digitsOf(x, 15);
  return (n.neg ? "-" : "") + fmtGeneral(n, 15, "E");
}
/** float.ToString() on .NET Framework: 7 significant digits. */
export function fmtFloat(x: number): string {
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  const n = digitsOf(x, 7);
  return (n.neg ? "-" : "") + fmtGeneral(n, 7, "E");
}
/** The "R" format: 15 (float: 7) digits when they round-trip, else 17 (9). */
export function fmtRoundTrip(x: number, type = "double"): string {
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  const float = type === "float";
  // .NET Framework "R": G15 (float: G7) when that round-trips, else G17 (G9); the precision also
  // decides where the exponent form starts (1e15.ToString("R") is "1E+15").
  let precision = float ? 7 : 15;
  let n = digitsOf(x, precision);
  // parsed back as .NET Framework parses (number-to-double.ts), not correctly rounded
  const back = netNumberToDouble(n.d, n.scale, n.neg);
  if ((float ? Math.fround(back) : back) !== x) n = digitsOf(x, (precision = float ? 9 : 17));
  return (n.neg ? "-" : "") + fmtGeneral(n, precision, "E");
}

export function numToString(x: number, type: string): string {
  if (typeof x === "bigint") return String(x);
  if (type === "double") return fmtDouble(x);
  if (type === "float") return fmtFloat(x);
  if (type === "decimal") return (x as unknown) instanceof Decimal ? decStr(x as unknown as Decimal) : fmtDecimal(x);
  if (Math.abs(x) >= 2 ** 53 && type === "long") return x > 0 ? (x >= 9223372036854775807 ? "9223372036854775807" : BigInt(x).toString()) : x <= -9223372036854775808 ? "-9223372036854775808" : BigInt(x).toString();
  if (Math.abs(x) >= 2 ** 53 && type === "ulong") return x >= 18446744073709551615 ? "18446744073709551615" : BigInt(x).toString();
  return String(x);
}
function fmtDecimal(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return BigInt(x).toString();
  const n = decimalDigits(x);
  return (n.neg ? "-" : "") + fmtGeneral(n, 1000, "E");
}

const INV = { group: ",", decimal: ".", currency: "¤", negative: "-" };

/** `x.ToString(format)` for numbers (standard and custom numeric format strings, invariant culture). */
export function numFormat(x: number, format: string | null, type: string): string {
  // (a format ends at its first '\0', as .NET's number formatting reads it: "\0" is "G", "D\0x" is "D")
  const end = format === null ? -1 : format.indexOf("\0");
  if (end >= 0) format = format!.slice(0, end);
  if (format === null || format === "") return numToString(x, type);
  // Int16/SByte.ToString: a negative value with a format that starts with x/X is formatted as the
  // unsigned 16/8-bit pattern (FormatUInt32), whether the format is hex or a custom one ("x=1" has no sign)
  if ((type === "short" || type === "sbyte") && x < 0 && (format[0] === "x" || format[0] === "X")) return numFormat(x & (type === "short" ? 0xffff : 0xff), format, "uint");
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  const standard = standardFormatSpecifier(format);
  if (!standard) return customFormat(x, format, type);
  const { spec, digits } = standard;
  const floating = FLOATING.has(type);
  const isFloat = type === "float";
  const basePrec = isFloat ? 7 : 15;
  const neg = (n: NumBuf, s: string) => (n.neg ? "-" : "") + s;
  switch (spec) {
    case "D":
    case "d": {
      if (floating) throw formatError("Format specifier was invalid.");
      if (typeof x === "bigint") {
        const b = x as bigint;
        return (b < 0n ? "-" : "") + (b < 0n ? -b : b).toString().padStart(digits < 0 ? 0 : digits, "0");
      }
      const s = numToString(Math.abs(x), type === "ulong" ? "ulong" : "long");
      return (x < 0 ? "-" : "") + s.padStart(digits < 0 ? 0 : digits, "0");
    }
    case "X":
    case "x": {
      if (floating) throw formatError("Format specifier was invalid.");
      let v = x;
      let s: string;
      if (v < 0) {
        const bits = type === "long" ? 64 : type === "short" ? 16 : type === "sbyte" ? 8 : 32;
        s = BigInt.asUintN(bits, BigInt(v)).toString(16);
      } else s = typeof v === "bigint" || Math.abs(v) >= 2 ** 53 ? BigInt(v).toString(16) : v.toString(16);
      void v;
      if (spec === "X") s = s.toUpperCase();
      return s.padStart(digits < 0 ? 0 : digits, "0");
    }
    case "F":
    case "f":
    case "N":
    case "n": {
      const n = bufFor(x, type, basePrec);
      const dd = digits < 0 ? 2 : digits;
      roundBuf(n, n.scale + dd);
      return neg(n, fmtFixed(n, dd, spec === "N" || spec === "n"));
    }
    case "P":
    case "p": {
      const n = bufFor(x, type, basePrec);
      const dd = digits < 0 ? 2 : digits;
      if (n.d) n.scale += 2;
      roundBuf(n, n.scale + dd);
      return neg(n, `${fmtFixed(n, dd, true)} %`);
    }
    case "C":
    case "c": {
      const n = bufFor(x, type, basePrec);
      const dd = digits < 0 ? 2 : digits;
      roundBuf(n, n.scale + dd);
      const s = `${INV.currency}${fmtFixed(n, dd, true)}`;
      return n.neg ? `(${s})` : s;
    }
    case "E":
    case "e": {
      const prec = floating && type !== "decimal" && digits > (isFloat ? 6 : 14) ? (isFloat ? 9 : 17) : basePrec;
      const n = bufFor(x, type, prec);
      const dd = (digits < 0 ? 6 : digits) + 1;
      roundBuf(n, dd);
      return neg(n, fmtScientific(n, dd, spec));
    }
    case "G":
    case "g": {
      const prec = floating && type !== "decimal" && digits > basePrec ? (isFloat ? 9 : 17) : basePrec;
      const n = bufFor(x, type, prec);
      let maxDigits = digits;
      if (maxDigits < 1) {
        if (type === "decimal") return numToString(x, type);
        maxDigits = floating ? prec : type === "long" || type === "ulong" ? 19 : 10;
        if (!floating) return numToString(x, type);
      }
      roundBuf(n, maxDigits);
      return neg(n, fmtGeneral(n, maxDigits, spec === "G" ? "E" : "e"));
    }
    case "R":
    case "r":
      // decimal has no round-trip format in .NET Framework's NumberToString
      if (type === "double" || type === "float") return fmtRoundTrip(x, type);
      throw formatError("Format specifier was invalid.");
    default:
      throw formatError("Format specifier was invalid.");
  }
}

/**
 * .NET Framework's ParseFormatSpecifier (number.cpp): a letter and a precision whose digit loop stops once
 * the value reaches 10, so "F12" and "F012" are standard and "F123" is a custom format (literal text).
 */
function standardFormatSpecifier(format: string): { spec: string; digits: number } | null {
  const c = format.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return null;
  let i = 1;
  let digits = -1;
  const isDigit = (k: number) => k < format.length && format.charCodeAt(k) >= 48 && format.charCodeAt(k) <= 57;
  if (isDigit(i)) {
    digits = format.charCodeAt(i++) - 48;
    while (isDigit(i)) {
      digits = digits * 10 + format.charCodeAt(i++) - 48;
      if (digits >= 10) break;
    }
  }
  return i === format.length ? { spec: format[0]!, digits } : null;
}

/** Custom numeric format strings (port of the Framework's NumberToStringFormat). */
function customFormat(x: number, format: string, type: string): string {
  const n = bufFor(x, type, type === "float" ? 7 : 15);
  const findSection = (which: number): number => {
    if (which === 0) return 0;
    let src = 0;
    for (;;) {
      if (src >= format.length) return 0;
      const ch = format[src++];
      if (ch === "'" || ch === '"') {
        while (src < format.length && format[src++] !== ch);
      } else if (ch === "\\") {
        if (src < format.length) src++;
      } else if (ch === ";") {
        if (--which !== 0) continue;
        if (src < format.length && format[src] !== ";") return src;
        return 0;
      }
    }
  };
  let section = findSection(n.d === "" ? 2 : n.neg ? 1 : 0);
  let digitCount = 0;
  let decimalPos = -1;
  let firstDigit = 0x7fffffff;
  let lastDigit = 0;
  let scientific = false;
  let thousandPos = -1;
  let thousandCount = 0;
  let thousandSeps = 0;
  let scaleAdjust = 0;
  let src = 0;
  for (;;) {
    digitCount = 0;
    decimalPos = -1;
    firstDigit = 0x7fffffff;
    lastDigit = 0;
    scientific = false;
    thousandPos = -1;
    thousandCount = 0;
    thousandSeps = 0;
    scaleAdjust = 0;
    src = section;
    let ch: string;
    while (src < format.length && (ch = format[src++]!) !== ";") {
      switch (ch) {
        case "#":
          digitCount++;
          break;
        case "0":
          if (firstDigit === 0x7fffffff) firstDigit = digitCount;
          digitCount++;
          lastDigit = digitCount;
          break;
        case ".":
          if (decimalPos < 0) decimalPos = digitCount;
          break;
        case ",":
          if (digitCount > 0 && decimalPos < 0) {
            if (thousandPos >= 0) {
              if (thousandPos === digitCount) {
                thousandCount++;
                break;
              }
              thousandSeps = 1;
            }
            thousandPos = digitCount;
            thousandCount = 1;
          }
          break;
        case "%":
          scaleAdjust += 2;
          break;
        case "\u2030":
          scaleAdjust += 3;
          break;
        case "'":
        case '"':
          while (src < format.length && format[src++] !== ch);
          break;
        case "\\":
          if (src < format.length) src++;
          break;
        case "E":
        case "e":
          if (format[src] === "0" || ((format[src] === "+" || format[src] === "-") && format[src + 1] === "0")) {
            while (++src < format.length && format[src] === "0");
            scientific = true;
          }
          break;
      }
    }
    if (decimalPos < 0) decimalPos = digitCount;
    if (thousandPos >= 0) {
      if (thousandPos === decimalPos) scaleAdjust -= thousandCount * 3;
      else thousandSeps = 1;
    }
    if (n.d !== "") {
      n.scale += scaleAdjust;
      const pos = scientific ? digitCount : n.scale + digitCount - decimalPos;
      roundBuf(n, pos);
      if (n.d === "") {
        const s2 = findSection(2);
        if (s2 !== section) {
          section = s2;
          continue;
        }
      }
    } else {
      n.neg = false;
      n.scale = 0;
    }
    break;
  }
  firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
  lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
  let digPos: number;
  let adjust: number;
  if (scientific) {
    digPos = decimalPos;
    adjust = 0;
  } else {
    digPos = n.scale > decimalPos ? n.scale : decimalPos;
    adjust = n.scale - decimalPos;
  }
  src = section;
  const sepPos: number[] = [];
  let sepCtr = -1;
  if (thousandSeps !== 0) {
    let total = 3;
    const totalDigits = digPos + (adjust < 0 ? adjust : 0);
    const numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
    while (numDigits > total) {
      sepPos[++sepCtr] = total;
      total += 3;
    }
  }
  let out = "";
  let decimalWritten = false;
  const d = n.d;
  let cur = 0;
  let ch: string;
  while (src < format.length && (ch = format[src++]!) !== ";") {
    if (adjust > 0 && (ch === "#" || ch === "0" || ch === ".")) {
      while (adjust > 0) {
        out += cur < d.length ? d[cur++] : "0";
        if (thousandSeps !== 0 && digPos > 1 && sepCtr >= 0 && digPos === sepPos[sepCtr]! + 1) {
          out += INV.group;
          sepCtr--;
        }
        digPos--;
        adjust--;
      }
    }
    switch (ch) {
      case "#":
      case "0": {
        let c: string;
        if (adjust < 0) {
          adjust++;
          c = digPos <= firstDigit ? "0" : "";
        } else c = cur < d.length ? d[cur++]! : digPos > lastDigit ? "0" : "";
        if (c) {
          out += c;
          if (thousandSeps !== 0 && digPos > 1 && sepCtr >= 0 && digPos === sepPos[sepCtr]! + 1) {
            out += INV.group;
            sepCtr--;
          }
        }
        digPos--;
        break;
      }
      case ".":
        if (digPos !== 0 || decimalWritten) break;
        if (lastDigit < 0 || (decimalPos < digitCount && cur < d.length)) {
          out += INV.decimal;
          decimalWritten = true;
        }
        break;
      case "\u2030":
        out += "‰";
        break;
      case "%":
        out += "%";
        break;
      case ",":
        break;
      case "'":
      case '"':
        while (src < format.length && format[src] !== ch) out += format[src++];
        if (src < format.length) src++;
        break;
      case "\\":
        if (src < format.length) out += format[src++];
        break;
      case "E":
      case "e": {
        let plus = false;
        let i = 0;
        if (scientific) {
          if (format[src] === "0") i++;
          else if (format[src] === "+" && format[src + 1] === "0") plus = true;
          else if (format[src] === "-" && format[src + 1] === "0") {
            /* E-0 */
          } else {
            out += ch;
            break;
          }
          while (++src < format.length && format[src] === "0") i++;
          if (i > 10) i = 10;
          const e = d === "" ? 0 : n.scale - decimalPos;
          out += fmtExponent(e, ch, i, plus);
          scientific = false;
        } else {
          out += ch;
          if (src < format.length) {
            if (format[src] === "+" || format[src] === "-") out += format[src++];
            while (src < format.length && format[src] === "0") out += format[src++];
          }
        }
        break;
      }
      default:
        out += ch;
    }
  }
  if (n.neg && section === 0 && out.length > 0) out = INV.negative + out;
  return out;
}

/**
 * Decimal's and NumBox's ToString(format): installed here so that decimal.ts, which number formatting
 * builds on, does not import it back.
 */
Decimal.prototype.ToString = function (this: Decimal, format?: string | null): string {
  return format ? numFormat(this as unknown as number, format, "decimal") : decStr(this);
};
NumBox.prototype.ToString = function (this: NumBox, format?: string | null): string {
  if (format) return numFormat(this.v, format, this.t);
  return this.t === "float" ? fmtFloat(this.v) : this.t === "double" ? fmtDouble(this.v) : String(this.v);
};

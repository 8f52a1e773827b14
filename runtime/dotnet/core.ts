// Core .NET semantics for lowered policy expressions: ToString of boxed values, number formatting
// (.NET Framework: 15 significant digits for double, invariant culture), composite formatting
// (String.Format), integer arithmetic, casts and unboxing, parsing.
import {
  DotNetException,
  argumentError,
  argumentNull,
  argumentOutOfRange,
  divideByZero,
  formatError,
  indexOutOfRange,
  invalidCast,
  invalidOperation,
  nullReference,
  overflow,
  toDotNetException,
} from "../errors.js";

import { cultureCompare } from "./collation.js";
import { ladd, lsub, lmul, ldiv, lmod, lnum, lbit } from "./long.js";
import { BIG_RANGES, Decimal, NumBox, decStr, decDigits, decToIntegral, decOp, decParseParts, toDec, decToNum, decRound } from "./decimal.js";

export { toDotNetException, DotNetException };

// ---- ToString ----------------------------------------------------------------------------------

/** `obj.ToString()` of a boxed value; null → "" (as in concatenation). */
export function toStr(v: unknown): string {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "True" : "False";
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? String(v) : fmtDouble(v);
    case "bigint":
      return String(v);
    case "object": {
      const o = v as { ToString?: () => string; $typeName?: string };
      if (typeof o.ToString === "function") return o.ToString();
      if (o.$typeName) return o.$typeName;
      if (v instanceof Uint8Array) return "System.Byte[]";
      if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? "System.String[]" : "System.Object[]";
      if (v instanceof DotNetException) return v.toString();
      if (v instanceof Map) return "System.Collections.Generic.Dictionary`2[System.String,System.Object]";
      if (v instanceof Set) return "System.Collections.Generic.HashSet`1[System.Object]";
      if ("Key" in (v as object) && "Value" in (v as object)) {
        const kv = v as { Key: unknown; Value: unknown };
        return `[${toStr(kv.Key)}, ${toStr(kv.Value)}]`;
      }
      return String(v);
    }
    default:
      return String(v);
  }
}
/** Records the CLR type name of a collection boxed to object (its ToString() and GetType() name). */
export function tagType<T>(v: T, name: string): T {
  if (v !== null && typeof v === "object" && !Object.prototype.hasOwnProperty.call(v, "$typeName")) {
    Object.defineProperty(v, "$typeName", { value: name, enumerable: false, writable: true });
  }
  return v;
}
/** An enum value's name (the number when no member has that value). */
export function enumStr(v: number | null, names: Record<number, string>): string {
  if (v === null || v === undefined) return "";
  return names[v] ?? String(v);
}
/** A float boxed for composite formatting (formats with 7 digits, not a double's 15). */
export class FloatBox {
  constructor(readonly v: number) {}
  ToString(format?: string | null): string {
    return format ? numFormat(this.v, format, "float") : fmtFloat(this.v);
  }
}
export function boxFloat(v: number | null): FloatBox | null {
  return v === null || v === undefined ? null : new FloatBox(v);
}
/** An enum value boxed for composite formatting: G = name, D = number, X = hex. */
export class EnumBox {
  constructor(
    readonly v: number,
    readonly names: Record<number, string>,
  ) {}
  ToString(format?: string | null): string {
    switch (format) {
      case "D":
      case "d":
        return String(this.v);
      case "X":
      case "x":
        return (this.v >>> 0).toString(16).toUpperCase().padStart(8, "0");
      default:
        return enumStr(this.v, this.names);
    }
  }
}
export function boxEnum(v: number | null, names: Record<number, string>): EnumBox | null {
  return v === null || v === undefined ? null : new EnumBox(v, names);
}
/** Like toStr, but null stays null (string-typed policy attributes). */
export function toStrOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : toStr(v);
}
/** Convert.ToString(object): null → "". */
export function toStrOrEmpty(v: unknown): string {
  return toStr(v);
}
/** A nullable char boxed: code unit → 1-char string. */
export function boxChar(c: number | null | undefined): string | null {
  return c === null || c === undefined ? null : String.fromCharCode(c);
}

// ---- numbers -------------------------------------------------------------------------------------

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
function intDigits(x: number): NumBuf {
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
  const back = Number(`${n.neg ? "-" : ""}0.${n.d || "0"}e${n.scale}`);
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
  if (format === null || format === "") return numToString(x, type);
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  const m = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (!m) return customFormat(x, format, type);
  const spec = m[1]!;
  const digits = m[2] === "" ? -1 : Number(m[2]);
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
      if (type === "double" || type === "float") return fmtRoundTrip(x, type);
      if (floating) return numToString(x, type);
      throw formatError("Format specifier was invalid.");
    default:
      throw formatError("Format specifier was invalid.");
  }
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

/** Formats a boxed value with a format string (interpolation holes, String.Format items). */
export function fmtValue(v: unknown, format: string | null): string {
  if (v === null || v === undefined) return "";
  if (format === null || format === undefined || format === "") return toStr(v);
  if (typeof v === "number") return numFormat(v, format, Number.isInteger(v) ? (v >= -2147483648 && v <= 2147483647 ? "int" : "long") : "double");
  if (typeof v === "bigint") return numFormat(v as unknown as number, format, "long");
  const o = v as { ToString?: (f?: string) => string };
  if (typeof o === "object" && typeof o.ToString === "function" && o.ToString.length >= 0) return o.ToString(format);
  if (typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return guidFormatRaw(v, format);
  return toStr(v);
}
function guidFormatRaw(g: string, f: string): string {
  switch (f) {
    case "N":
    case "n":
      return g.replace(/-/g, "");
    case "B":
    case "b":
      return `{${g}}`;
    case "P":
    case "p":
      return `(${g})`;
    default:
      return g;
  }
}

/** Alignment of an interpolation/format item: positive pads left, negative pads right. */
export function align(s: string, n: number): string {
  // (an int's text arrives as the number itself: `"" + x` is its text)
  const t = typeof s === "string" ? s : String(s);
  return n >= 0 ? t.padStart(n) : t.padEnd(-n);
}

/** String.Format composite formatting. */
type FormatPart = string | { idx: number; align: number | null; fmt: string | null };

/** Parsed composite format strings: policies format the same literal on every request. */
const formatCache = new Map<string, FormatPart[] | "invalid">();

function parseFormat(format: string): FormatPart[] | "invalid" {
  const parts: FormatPart[] = [];
  let lit = "";
  let i = 0;
  const n = format.length;
  while (i < n) {
    const c = format[i]!;
    if (c === "{") {
      if (format[i + 1] === "{") {
        lit += "{";
        i += 2;
        continue;
      }
      const close = format.indexOf("}", i);
      if (close < 0) return "invalid";
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(format.slice(i + 1, close));
      if (!m) return "invalid";
      if (lit) parts.push(lit);
      lit = "";
      parts.push({ idx: Number(m[1]), align: m[2] !== undefined ? Number(m[2]) : null, fmt: m[3] ?? null });
      i = close + 1;
      continue;
    }
    if (c === "}") {
      if (format[i + 1] === "}") {
        lit += "}";
        i += 2;
        continue;
      }
      return "invalid";
    }
    const next = format.slice(i).search(/[{}]/);
    const end = next === -1 ? n : i + next;
    lit += format.slice(i, end);
    i = end;
  }
  if (lit) parts.push(lit);
  return parts;
}

export function strFormat(format: string | null, args: readonly unknown[] | null): string {
  if (format === null) throw argumentNull("format");
  if (args === null) throw argumentNull("args");
  let parts = formatCache.get(format);
  if (parts === undefined) {
    parts = parseFormat(format);
    if (formatCache.size >= 512) formatCache.clear();
    formatCache.set(format, parts);
  }
  if (parts === "invalid") throw formatError();
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    if (p.idx >= args.length) throw formatError("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
    const s = fmtValue(args[p.idx], p.fmt);
    out += p.align !== null ? align(s, p.align) : s;
  }
  return out;
}

// ---- integer arithmetic -------------------------------------------------------------------------
export function idiv(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return Math.trunc(a / b);
}
/** int division: int.MinValue / -1 overflows (always, as on .NET). */
export function idiv32(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  if (b === -1 && a === -2147483648) throw overflow();
  return (a / b) | 0;
}
export function imod32(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  if (b === -1) {
    if (a === -2147483648) throw overflow();
    return 0;
  }
  return a % b;
}
/** Checked integral arithmetic result: OverflowException when out of the type's range. */
export function chk(v: number, type: string): number {
  const r = INT_RANGES[type]!;
  if (!(v >= r[0] && v <= r[1])) throw overflow();
  return v === 0 ? 0 : v;
}
/** Checked explicit numeric conversion to an integral type (truncates floating values). */
export function chkConv(v: number, type: string): number {
  if (typeof v === "bigint" || type === "long" || type === "ulong") {
    if (typeof v === "number" && !Number.isFinite(v)) throw overflow();
    const b = typeof v === "bigint" ? (v as bigint) : BigInt(Math.trunc(v));
    const r = BIG_RANGES[type]!;
    if (b < r[0] || b > r[1]) throw overflow();
    return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : (b as unknown as number);
  }
  const t = Math.trunc(v);
  const r = INT_RANGES[type]!;
  if (!(t >= r[0] && t <= r[1])) throw overflow();
  return t === 0 ? 0 : t;
}
/** Math.Abs of an int/long: the minimum value has no absolute value. */
export function iabs(v: number, type: string): number {
  if (typeof v === "bigint") {
    if (v === -9223372036854775808n) throw overflow("Negating the minimum value of a twos complement number is invalid.");
    return (v < 0n ? -v : v) as unknown as number;
  }
  if (v === INT_RANGES[type]![0]) throw overflow("Negating the minimum value of a twos complement number is invalid.");
  return Math.abs(v);
}
export function imod(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return a % b;
}
export function ddiv(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return a / b;
}
/** Unchecked double → int32 conversion (truncation; NaN/out of range give int.MinValue as on x86). */
export function dblToInt(x: number): number {
  if (!Number.isFinite(x) || x >= 2147483648 || x < -2147483648) return -2147483648;
  return Math.trunc(x);
}
/** Explicit decimal → integral conversion: truncates; out of range throws OverflowException. */
export function decimalToInt(x: number, type: string): number {
  if ((x as unknown) instanceof Decimal) return decToIntegral(x as unknown as Decimal, type);
  const t = Math.trunc(x);
  const r = INT_RANGES[type];
  if (r && (t < r[0] || t > r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
  return t;
}
/** The range of each integral C# type (shared with the compiler's constant checks). */
export const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  sbyte: [-128, 127],
  byte: [0, 255],
  short: [-32768, 32767],
  ushort: [0, 65535],
  int: [-2147483648, 2147483647],
  uint: [0, 4294967295],
  long: [-9223372036854775808, 9223372036854775807],
  ulong: [0, 18446744073709551615],
  char: [0, 65535],
};
function typeLabel(t: string): string {
  return (
    { double: "a Double", float: "a Single", decimal: "a Decimal", sbyte: "a signed byte", byte: "an unsigned byte", short: "an Int16", ushort: "a UInt16", int: "an Int32", uint: "a UInt32", long: "an Int64", ulong: "a UInt64", char: "a character" } as Record<string, string>
  )[t] ?? t;
}

/** Lifted numeric operators on nullable operands: null if either is null (comparisons: false). */
export function liftNum(op: string, type: string, a: number | null | undefined, b: number | null | undefined): number | boolean | null {
  const cmp = op === "<" || op === ">" || op === "<=" || op === ">=";
  if (a === null || a === undefined || b === null || b === undefined) return cmp ? false : null;
  if (type === "decimal") return decOp(op, a, b) as unknown as number;
  if (type === "long" || type === "ulong") {
    const u = type === "ulong";
    switch (op) {
      case "+":
        return ladd(a, b, u) as number;
      case "-":
        return lsub(a, b, u) as number;
      case "*":
        return lmul(a, b, u) as number;
      case "/":
        return ldiv(a, b, u) as number;
      case "%":
        return lmod(a, b, u) as number;
      case "&":
      case "|":
      case "^":
        return lbit(op, a, b, u) as number;
    }
  }
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "+":
      return wrap(a + b, type);
    case "-":
      return wrap(a - b, type);
    case "*":
      return type === "int" ? Math.imul(a, b) : wrap(a * b, type);
    case "/":
      return INT_RANGES[type] ? wrap(idiv(a, b), type) : type === "decimal" ? ddiv(a, b) : a / b;
    case "%":
      return INT_RANGES[type] ? imod(a, b) : a % b;
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
  }
  throw invalidOperation(`operator ${op}`);
}
function wrap(v: number, type: string): number {
  if (type === "int") return v | 0;
  if (type === "uint") return v >>> 0;
  return v;
}
export function liftBool(op: string, a: boolean | null, b: boolean | null): boolean | null {
  if (op === "&") {
    if (a === false || b === false) return false;
    return a === null || b === null ? null : true;
  }
  if (op === "|") {
    if (a === true || b === true) return true;
    return a === null || b === null ? null : false;
  }
  return a === null || b === null ? null : a !== b;
}
export function liftNot(a: boolean | null): boolean | null {
  return a === null || a === undefined ? null : !a;
}
export function lshift(a: number, n: number, type: string): number {
  if (type === "uint") return (a << (n & 31)) >>> 0;
  const r = BigInt(a) << BigInt(n & 63);
  return lcanon(type === "ulong" ? BigInt.asUintN(64, r) : BigInt.asIntN(64, r));
}
export function rshift(a: number, n: number, type: string): number {
  if (type === "ulong") return lcanon(BigInt.asUintN(64, BigInt(a)) >> BigInt(n & 63));
  return lcanon(BigInt.asIntN(64, BigInt(a)) >> BigInt(n & 63));
}
/** A 64-bit result in the canonical long form (number when safe, else bigint); typed as number. */
function lcanon(x: bigint): number {
  return (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x) as unknown as number;
}

export function nullableValue<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw invalidOperation("Nullable object must have a value.");
  return v;
}

// ---- casts and type tests ---------------------------------------------------------------------------

/** The .NET type name of a boxed value, for InvalidCastException messages. */
export function runtimeTypeName(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return "System.String";
    case "boolean":
      return "System.Boolean";
    case "number":
      return Number.isInteger(v) ? "System.Int32" : "System.Double";
    case "bigint":
      return "System.Int64";
  }
  if (v instanceof Uint8Array) return "System.Byte[]";
  if (Array.isArray(v)) return "System.Object[]";
  if ((v as object).constructor?.name === "ResponseMessage") return "Microsoft.Azure.ApiManagement.Response";
  const n = (v as { $typeName?: string }).$typeName;
  if (n) return n;
  return (v as object).constructor?.name ?? "System.Object";
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(v: unknown): boolean {
  return typeof v === "string" && GUID_RE.test(v);
}

type Checker = (v: unknown) => boolean;
const isInt = (lo: number, hi: number): Checker => (v) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
/** A boxed long/short/float/... is a NumBox carrying its type (int, double: plain numbers). */
const isBox = (t: string): Checker => (v) => v instanceof NumBox && v.t === t;
const NUMERIC_KEYS = new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "double", "float", "decimal"]);
const CHECKS: Record<string, Checker> = {
  object: () => true,
  string: (v) => typeof v === "string",
  bool: (v) => typeof v === "boolean",
  sbyte: isBox("sbyte"),
  byte: isBox("byte"),
  short: isBox("short"),
  ushort: isBox("ushort"),
  int: isInt(-2147483648, 2147483647),
  uint: isBox("uint"),
  long: isBox("long"),
  ulong: isBox("ulong"),
  // An integral double is boxed as NumBox(v, "double") (boxDouble): a plain integer is a boxed int.
  double: (v) => (typeof v === "number" && !Number.isInteger(v)) || (v instanceof NumBox && v.t === "double"),
  float: isBox("float"),
  decimal: (v) => v instanceof Decimal,
  char: (v) => typeof v === "string" && v.length === 1,
  Guid: isGuid,
  "byte[]": (v) => v instanceof Uint8Array,
};
const CLASS_CHECKS = new Map<string, Checker>();
/** Registers a type test for castTo/isOfType (runtime classes register themselves). */
export function registerTypeCheck(name: string, f: Checker): void {
  CLASS_CHECKS.set(name, f);
}

export function isOfType(v: unknown, key: string): boolean {
  if (v === null || v === undefined) return false;
  const k = key.endsWith("?") ? key.slice(0, -1) : key;
  const c = CHECKS[k] ?? CLASS_CHECKS.get(k);
  if (c) return c(v);
  if (k.endsWith("[]")) return Array.isArray(v) && v.every((x) => x === null || isOfType(x, k.slice(0, -2)));
  return true;
}

const VALUE_TYPES = new Set(["bool", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "double", "float", "decimal", "char", "Guid", "DateTime", "TimeSpan", "DateTimeOffset"]);

/** `(T)obj`: reference casts and unboxing, with InvalidCastException / NullReferenceException. */
export function castTo(v: unknown, key: string, _lenient = false): unknown {
  // The casts policies write most: (string)context.Variables["x"], (bool)...
  if (key === "string" && (typeof v === "string" || v === null)) return v;
  if (key === "bool" && typeof v === "boolean") return v;
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  if (v === null || v === undefined) {
    if (!nullable && VALUE_TYPES.has(k)) throw nullReference();
    return null;
  }
  if (!isOfType(v, k)) {
    // context.Variables.GetValueOrDefault<T>: a plain number (a default, a runtime-set value) converts
    if (_lenient && NUMERIC_KEYS.has(k) && (typeof v === "number" || v instanceof NumBox || v instanceof Decimal)) {
      const n = v instanceof NumBox ? v.v : v;
      return k === "decimal" ? toDec(n as number) : n instanceof Decimal ? decToNum(n) : n;
    }
    throw invalidCast(runtimeTypeName(v), displayName(k));
  }
  if (k === "char") return (v as string).charCodeAt(0);
  if (v instanceof NumBox) return v.v;
  return v;
}
/**
 * `(T)obj` for the types policies cast to most, emitted instead of `castTo(v, "T")`: small enough
 * to inline, the common case without the key dispatch; anything else goes through castTo for its
 * exception.
 */
export function castString(v: unknown): string | null {
  return typeof v === "string" || v === null ? v : (castTo(v, "string") as string | null);
}
export function castBool(v: unknown): boolean {
  return typeof v === "boolean" ? v : (castTo(v, "bool") as boolean);
}
export function castInt(v: unknown): number {
  return typeof v === "number" && (v | 0) === v ? v : (castTo(v, "int") as number);
}
export function castLong(v: unknown): number {
  return v instanceof NumBox && v.t === "long" ? v.v : (castTo(v, "long") as number);
}
function displayName(k: string): string {
  const m: Record<string, string> = {
    string: "System.String",
    bool: "System.Boolean",
    int: "System.Int32",
    long: "System.Int64",
    double: "System.Double",
    float: "System.Single",
    decimal: "System.Decimal",
    char: "System.Char",
    byte: "System.Byte",
    short: "System.Int16",
    Guid: "System.Guid",
    DateTime: "System.DateTime",
    TimeSpan: "System.TimeSpan",
    IResponse: "Microsoft.Azure.ApiManagement.IResponse",
    JObject: "Newtonsoft.Json.Linq.JObject",
    JToken: "Newtonsoft.Json.Linq.JToken",
    JArray: "Newtonsoft.Json.Linq.JArray",
  };
  return m[k] ?? k;
}

export function objEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && a !== a) return typeof b === "number" && b !== b; // boxed NaN equals NaN
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const e = (a as { Equals?: (x: unknown) => boolean }).Equals;
  if (typeof a === "object" && typeof e === "function") return e.call(a, b);
  return false;
}
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return (a as { Equals(x: unknown): boolean }).Equals(b);
}
/** Ordering for IComparable values (numbers, strings ordinal, DateTime/TimeSpan via CompareTo). */
export function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    // double.CompareTo: NaN is less than every number and equal to itself
    if (a !== a) return b !== b ? 0 : -1;
    if (b !== b) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return (a ? 1 : 0) - (b ? 1 : 0);
  const c = (a as { CompareTo?: (x: unknown) => number }).CompareTo;
  if (typeof c === "function") return c.call(a, b);
  throw argumentError("At least one object must implement IComparable.");
}
/** IComparable.CompareTo: as cmp, but strings compare culture-sensitively, as string.CompareTo(object) does. */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return Math.sign(cultureCompare(a, b, false));
  return cmp(a, b);
}
/**
 * An anonymous-type instance: the plain object of its members, with .NET's generated members as
 * non-enumerable properties (JSON and reflection-like code see only the members): ToString gives
 * `{ a = 1, b = x }`, Equals compares member by member, GetHashCode combines the members'.
 * `fmt` is, by member, how a number prints ("double", "float", "char" or null).
 */
export function anon<T extends object>(o: T, fmt: readonly (string | null)[]): T {
  // The methods live on a shared prototype: copying two or three fields onto a new object costs
  // tens of nanoseconds, defining three methods on each object a microsecond (policies such as JWT
  // builders make anonymous objects on every request).
  const r = Object.create(anonProto(fmt)) as Record<string, unknown>;
  for (const k of Object.keys(o)) r[k] = (o as Record<string, unknown>)[k];
  return r as T;
}
type AnonObject = Record<string, unknown> & { $fmt: readonly (string | null)[] };
function anonShow(v: unknown, f: string | null | undefined): string {
  return v === null || v === undefined ? "" : f === "char" && typeof v === "number" ? String.fromCharCode(v) : (f === "double" || f === "float") && typeof v === "number" ? numToString(v, f) : toStr(v);
}
function anonToString(this: AnonObject): string {
  const names = Object.keys(this);
  return names.length ? `{ ${names.map((n, i) => `${n} = ${anonShow(this[n], this.$fmt[i])}`).join(", ")} }` : "{ }";
}
function anonEquals(this: AnonObject, other: unknown): boolean {
  if (other === this) return true;
  if (other === null || typeof other !== "object" || typeof (other as { Equals?: unknown }).Equals !== "function") return false;
  const names = Object.keys(this);
  if (Object.keys(other).join(",") !== names.join(",")) return false;
  return names.every((n) => {
    const a = this[n];
    const b = (other as Record<string, unknown>)[n];
    return a === b || (a !== a && b !== b) || objEquals(a, b);
  });
}
function anonHashCode(this: AnonObject): number {
  return Object.keys(this).reduce((h, n) => (Math.imul(h, -1521134295) + hashCode(this[n])) | 0, 0);
}
/** The prototype of anonymous objects whose members need no special formatting (most of them). */
const ANON_PROTO: object = Object.create(Object.prototype, {
  ToString: { value: anonToString },
  Equals: { value: anonEquals },
  GetHashCode: { value: anonHashCode },
  $fmt: { value: [] },
});
/** One prototype per member-format list that has a format (double, float, char members). */
const anonProtos = new Map<string, object>();
function anonProto(fmt: readonly (string | null)[]): object {
  if (fmt.every((f) => f === null)) return ANON_PROTO;
  const key = fmt.join(",");
  let p = anonProtos.get(key);
  if (p === undefined) anonProtos.set(key, (p = Object.create(ANON_PROTO, { $fmt: { value: fmt.slice() } }) as object));
  return p;
}
/** An object literal's or an anonymous type's value: what JSON writes and reads as an object. */
export function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === ANON_PROTO || (p !== null && Object.getPrototypeOf(p) === ANON_PROTO);
}
/** `new List<T>(capacity)` and the other collections' capacity: negative is ArgumentOutOfRange. */
export function capacity(n: number, message = "Non-negative number required."): number {
  if (n < 0) throw argumentOutOfRange("capacity", message);
  return n;
}
/** A collection changed while a foreach walked it. */
export function collectionModified(): Error {
  return invalidOperation("Collection was modified; enumeration operation may not execute.");
}
/** `collection.ToString()`: the type's name, known statically (null: NullReferenceException). */
export function typeNameOf(v: unknown, name: string): string {
  if (v === null || v === undefined) throw nullReference();
  return name;
}
/** double.Equals(double): `==`, except that NaN equals NaN. */
export function dblEquals(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "number" && a !== a && typeof b === "number" && b !== b);
}

export function hashCode(v: unknown): number {
  if (v instanceof Decimal) return v.GetHashCode();
  const s = toStr(v);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

// ---- exceptions ---------------------------------------------------------------------------------------
const EXCEPTION_PARENTS: Record<string, string> = {
  "System.ArgumentNullException": "System.ArgumentException",
  "System.ArgumentOutOfRangeException": "System.ArgumentException",
  "System.Globalization.CultureNotFoundException": "System.ArgumentException",
  "System.ArgumentException": "System.SystemException",
  "System.FormatException": "System.SystemException",
  "System.InvalidOperationException": "System.SystemException",
  "System.NullReferenceException": "System.SystemException",
  "System.InvalidCastException": "System.SystemException",
  "System.NotSupportedException": "System.SystemException",
  "System.NotImplementedException": "System.SystemException",
  "System.OverflowException": "System.ArithmeticException",
  "System.DivideByZeroException": "System.ArithmeticException",
  "System.ArithmeticException": "System.SystemException",
  "System.IndexOutOfRangeException": "System.SystemException",
  "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
  "Newtonsoft.Json.JsonReaderException": "Newtonsoft.Json.JsonException",
  "Newtonsoft.Json.JsonException": "System.Exception",
  "System.SystemException": "System.Exception",
};
export function isException(e: unknown, full: string): boolean {
  if (!(e instanceof DotNetException)) return false;
  if (full === "System.Exception") return true;
  for (let t: string | undefined = e.type; t; t = EXCEPTION_PARENTS[t]) if (t === full) return true;
  return false;
}
export function newException(type: string, message: string | null, inner?: unknown): DotNetException {
  return new DotNetException(type, message ?? `Exception of type '${type}' was thrown.`, inner ?? null);
}
/** `throw x;` — null throws NullReferenceException, as in .NET. */
export function throwable(e: unknown): unknown {
  return e === null || e === undefined ? nullReference() : e;
}
/** `throw` expressions (`x ?? throw new ...`). */
export function throwValue(e: unknown): never {
  throw throwable(e);
}

// ---- parsing ------------------------------------------------------------------------------------------
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
  let v = Number(`${neg ? "-" : ""}0.${all}e${scale}`);
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
  if (s === null || s === undefined) throw argumentNull("s");
  // NumberStyles.AllowHexSpecifier (0x200) is for integral types only
  if (style !== -1 && style & 0x200 && (type === "double" || type === "float" || type === "decimal"))
    throw argumentError("The number style AllowHexSpecifier is not supported on floating point data types.");
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
  const s = String.fromCharCode(c);
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

// ---- Math ----------------------------------------------------------------------------------------------
/** Math.Round(x, digits, mode): mode 0 = ToEven (banker's, the .NET default), 1 = AwayFromZero. */
export function mathRound(x: number, digits: number, mode: number): number {
  if (digits < 0 || digits > 15) throw argumentOutOfRange("digits", "Rounding digits must be between 0 and 15, inclusive.");
  if (!Number.isFinite(x)) return x;
  const p = 10 ** digits;
  const y = x * p;
  if (Math.abs(y) >= 2 ** 52) return x;
  const f = Math.floor(y);
  const diff = y - f;
  let r: number;
  const eps = 1e-9 * Math.max(1, Math.abs(y));
  if (Math.abs(diff - 0.5) <= (digits > 0 ? eps : 0)) r = mode === 1 ? (y >= 0 ? f + 1 : f) : f % 2 === 0 ? f : f + 1;
  else r = Math.round(y);
  if (mode === 1 && Math.abs(diff - 0.5) <= (digits > 0 ? eps : 0) && y < 0) r = f;
  return digits === 0 ? r : r / p;
}
export function mathSign(x: number): number {
  if (Number.isNaN(x)) throw new DotNetException("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.");
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

export class Random {
  readonly $typeName = "System.Random";
  Next(min = 0, max = 2147483647): number {
    if (min > max) throw argumentOutOfRange("minValue", "'minValue' cannot be greater than maxValue.");
    return min + Math.floor(Math.random() * (max - min));
  }
  NextDouble(): number {
    return Math.random();
  }
  NextBytes(b: Uint8Array): void {
    globalThis.crypto.getRandomValues(b);
  }
}
export function newRandom(): Random {
  return new Random();
}

let dateParser: ((s: string) => unknown) | null = null;
export function registerDateParser(f: (s: string) => unknown): void {
  dateParser = f;
}

// ---- Convert --------------------------------------------------------------------------------------------
/** Convert.ToXxx(object): IConvertible semantics (strings parsed, doubles rounded to even, bools 1/0). */
export function convertTo(v: unknown, type: string): unknown {
  if (v === null || v === undefined) {
    if (type === "DateTime") return null;
    return type === "bool" ? false : type === "char" ? 0 : 0;
  }
  if (type === "bool") {
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    if (v instanceof NumBox) return v.v !== 0;
    if (v instanceof Decimal) return v.m !== 0n;
    if (typeof v === "string") return parseBool(v);
    throw invalidCast(runtimeTypeName(v), "System.Boolean");
  }
  if (type === "DateTime") {
    if (typeof v === "string" && dateParser) return dateParser(v);
    // only a DateTime converts (a boxed long, a TimeSpan or a DateTimeOffset is InvalidCastException)
    if (typeof v === "object" && (v as { $typeName?: string }).$typeName === "System.DateTime") return v;
    throw invalidCast(runtimeTypeName(v), "System.DateTime");
  }
  if (type === "char") {
    if (typeof v === "string") return parseChar(v);
    if (typeof v === "number") return checkRange(v, "char");
    throw invalidCast(runtimeTypeName(v), "System.Char");
  }
  if (v instanceof NumBox) v = v.v;
  if (typeof v === "bigint") {
    // a long beyond 2^53
    if (type === "decimal") return toDec(v as unknown as number);
    if (type === "double" || type === "float") return type === "float" ? Math.fround(Number(v)) : Number(v);
    const r = BIG_RANGES[type];
    if (r && (v < r[0] || v > r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
    return v;
  }
  if (type === "decimal") {
    if (typeof v === "boolean") return toDec(v ? 1 : 0);
    if (typeof v === "string") return parseNum(v, type);
    if (typeof v === "number") return toDec(v);
    if (v instanceof Decimal) return v;
  }
  if (v instanceof Decimal) {
    if (type in INT_RANGES) return decToIntegral(decRound(v, 0, 0), type);
    return type === "float" ? Math.fround(decToNum(v)) : decToNum(v);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNum(v, type);
  if (typeof v === "number") {
    if (type === "long" || type === "ulong") {
      if (!Number.isFinite(v) || v >= 2 ** 64 || v < -(2 ** 63)) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
      return checkRange(lnum(Math.abs(v) >= 2 ** 52 ? v : mathRound(v, 0, 0)) as number, type);
    }
    if (type in INT_RANGES) return checkRange(mathRound(v, 0, 0), type);
    return type === "float" ? Math.fround(v) : v;
  }
  throw invalidCast(runtimeTypeName(v), displayName(type));
}
function checkRange(v: number, type: string): number {
  if (typeof v === "bigint") {
    const b = BIG_RANGES[type]!;
    if (v < b[0] || v > b[1]) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
    return v;
  }
  const r = INT_RANGES[type]!;
  if (!(v >= r[0] && v <= r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
  return v;
}
export function parseBase(s: string | null, base: number, type: string): number {
  if (s === null) return 0;
  if (![2, 8, 10, 16].includes(base)) throw argumentError("Invalid Base.");
  let t = s;
  if (base === 16 && /^0x/i.test(t)) t = t.slice(2);
  const re = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 10 ? /^-?\d+$/ : /^[0-9a-fA-F]+$/;
  if (!re.test(t)) throw formatError("Could not find any recognizable digits.");
  if (type === "long") {
    let b = base === 10 ? BigInt(t) : BigInt((base === 16 ? "0x" : base === 8 ? "0o" : "0b") + t);
    if (base !== 10) {
      if (b >= 1n << 64n) throw overflow();
      b = BigInt.asIntN(64, b);
    }
    return checkRange(b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : (b as unknown as number), type);
  }
  let v = parseInt(t, base);
  const bits = type === "long" ? 64 : type === "byte" ? 8 : type === "short" ? 16 : 32;
  if (base !== 10 && v >= 2 ** bits) throw overflow();
  if (base !== 10 && type !== "byte" && v >= 2 ** (bits - 1)) v -= 2 ** bits;
  return checkRange(v, type);
}
export function intToBase(v: number, base: number): string {
  if (![2, 8, 10, 16].includes(base)) throw argumentError("Invalid Base.");
  if (base === 10) return String(v);
  if (typeof v === "bigint") return BigInt.asUintN(64, v).toString(base);
  if (v < 0) return v >= -2147483648 ? (v >>> 0).toString(base) : BigInt.asUintN(64, BigInt(v)).toString(base);
  return v.toString(base);
}

// ---- arrays and argument checks ----------------------------------------------------------------------
export function newArray(n: number, def: unknown, bytes: boolean): unknown[] | Uint8Array {
  if (n < 0) throw overflow();
  if (bytes) return new Uint8Array(n);
  return new Array(n).fill(def);
}
export function arrItem<T>(a: ArrayLike<T>, i: number): T {
  if (a === null || a === undefined) throw nullReference();
  if (i < 0 || i >= a.length || !Number.isInteger(i)) throw indexOutOfRange();
  return a[i]!;
}
export function arrSet<T>(a: T[] | Uint8Array, i: number, v: T): T {
  if (a === null || a === undefined) throw nullReference();
  if (i < 0 || i >= a.length) throw indexOutOfRange();
  (a as T[])[i] = v;
  return v;
}
/** A member call's receiver that the member's lowering would not dereference itself: null is a NullReferenceException. */
export function recvNotNull<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw nullReference();
  return v;
}
export function notNull<T>(v: T | null | undefined, name: string): T {
  if (v === null || v === undefined) throw argumentNull(name);
  return v;
}
export function nonNeg(v: number, name: string): number {
  if (v < 0) throw argumentOutOfRange(name, "Non-negative number required.");
  return v;
}

/** The end of a `using` block: Dispose() when the value has one. */
export function dispose(v: unknown): void {
  const d = (v as { Dispose?: () => void } | null)?.Dispose;
  if (typeof d === "function") d.call(v);
}

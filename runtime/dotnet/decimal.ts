// System.Decimal, exact: a 96-bit mantissa (a signed BigInt, |m| < 2^96) and a scale 0–28, value =
// m / 10^scale. Arithmetic follows .NET: + and - keep the larger scale (1.10m + 1 = 2.10), * adds the
// scales (1.50m * 2 = 3.00), / gives the exact quotient at the smallest scale ≥ max(s1 - s2, 0) when
// there is one, else as many digits as fit (28 decimals or 96 bits) rounded half to even; a result
// that does not fit is rounded to fewer decimals (half to even), and one that does not fit at scale 0
// throws OverflowException. Operands may be plain JS numbers (an int/long operand promoted to decimal).
//
// Also the boxes of value types that are not int/double/bool/char (NumBox): `(object)5L` keeps its
// type so `is int` and unboxing casts behave as in C# (see compiler/csharp/lower.ts).
import { EnumBox } from "./enums.js";
import { GuidBox } from "./guid.js";
import { DotNetException, divideByZero, overflow, argumentOutOfRange, invalidOperation, nullReference as nullReferenceErr } from "../errors.js";

const MAX_M = (1n << 96n) - 1n;
const POW10: bigint[] = [1n];
for (let i = 1; i <= 60; i++) POW10.push(POW10[i - 1]! * 10n);
function p10(n: number): bigint {
  return n <= 60 ? POW10[n]! : 10n ** BigInt(n);
}
function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}
function decOverflow(): DotNetException {
  return overflow("Value was either too large or too small for a Decimal.");
}

/** ToString(format) of Decimal and NumBox: installed by number-format.ts (which imports this module). */
export interface Decimal {
  ToString(format?: string | null): string;
}
export class Decimal {
  constructor(
    /** Signed mantissa, |m| ≤ 2^96 - 1. */
    readonly m: bigint,
    /** Scale 0–28. */
    readonly s: number,
  ) {}
  static readonly Zero = new Decimal(0n, 0);
  static readonly One = new Decimal(1n, 0);
  static readonly MinusOne = new Decimal(-1n, 0);
  static readonly MaxValue = new Decimal(MAX_M, 0);
  static readonly MinValue = new Decimal(-MAX_M, 0);
  /** A zero with the sign bit set at scale s (NegZero), else a plain zero. */
  static zero(neg: boolean, s: number): Decimal {
    return neg ? new NegZero(s) : s === 0 ? Decimal.Zero : new Decimal(0n, s);
  }
  /** The invariant text: all the scale's digits ("1.10"). */
  toString(): string {
    return decStr(this);
  }
  /** Numeric coercion (`+d`, `d < 1`) gives the nearest double. */
  valueOf(): number {
    return decToNum(this);
  }
  CompareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    return decCmp(this, o as Decimal);
  }
  Equals(o: unknown): boolean {
    return o instanceof Decimal && decCmp(this, o) === 0;
  }
  GetHashCode(): number {
    return hashOf(decStr(decNormalize(this)));
  }
}
Object.defineProperty(Decimal.prototype, "$typeName", { value: "System.Decimal", enumerable: false });

/**
 * A decimal zero with its sign bit set. .NET's decimal keeps the sign of a zero (decimal.GetBits shows
 * it, (double) gives -0.0): runtime negation of 0, a zero product or quotient of operands of unlike
 * sign, a zero sum whose first operand is negative, a negative value rounded or truncated to zero, a
 * zero remainder of a negative dividend (oleaut32's VarDec* arithmetic, which corefx ports). It
 * prints, compares, hashes and serializes as 0; only the operations above read or make the sign.
 */
export class NegZero extends Decimal {
  constructor(s: number) {
    super(0n, s);
  }
}
/**
 * A decimal constant as the C# compiler emits it: one of scale 0 in int/long range goes through
 * new decimal(int/long), so a folded -0 (0m * -1m) is 0; other constants keep their sign (-0.0m).
 */
export function decConst(d: Decimal): Decimal {
  return d instanceof NegZero && d.s === 0 ? Decimal.Zero : d;
}
/** The sign bit of a decimal (set for a NegZero). */
export function decIsNeg(d: Decimal): boolean {
  return d.m < 0n || d instanceof NegZero;
}

function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** A decimal operand: a Decimal, or a JS number of an integral/floating type promoted to decimal. */
export function toDec(x: Decimal | number): Decimal {
  if (x instanceof Decimal) return x;
  if (typeof x === "number") return Number.isInteger(x) ? decFromInt(x) : decFromDouble(x, 15);
  if (typeof x === "bigint") return fit(x, 0);
  return x as Decimal;
}

/** Rounds m / 10^k half to even (k ≥ 0). */
function roundDiv(m: bigint, k: number, away = false): bigint {
  if (k === 0) return m;
  const d = p10(k);
  const q = m / d;
  const r = abs(m % d);
  const twice = r * 2n;
  if (twice > d || (twice === d && (away || (q & 1n) !== 0n))) return m < 0n ? q - 1n : q + 1n;
  return q;
}

/** m × 10^-s made to fit (scale ≤ 28, |m| < 2^96) by rounding off decimals; OverflowException if it cannot. */
function fit(m: bigint, s: number): Decimal {
  if (s < 0) {
    m *= p10(-s);
    s = 0;
  }
  if (s <= 28 && abs(m) <= MAX_M) return new Decimal(m, s);
  let k = Math.max(s - 28, 0);
  const a = abs(m);
  while (k < s && a / p10(k) > MAX_M) k++;
  for (; k <= s; k++) {
    const q = roundDiv(m, k);
    if (abs(q) <= MAX_M) return new Decimal(q, s - k);
  }
  throw decOverflow();
}

export function decFromInt(n: number): Decimal {
  return new Decimal(BigInt(n), 0);
}
/** Hoisted decimal literal: "1.10" → 110 × 10^-2 (more than 28 decimals are rounded off). */
export function decLit(text: string): Decimal {
  const [mant, exp] = text.toLowerCase().split("e") as [string, string | undefined];
  const dot = mant.indexOf(".");
  const scale = (dot < 0 ? 0 : mant.length - dot - 1) - Number(exp ?? 0);
  const r = decParseParts(false, mant.replace(".", ""), scale);
  if (!r) throw decOverflow();
  return r;
}
/** digits × 10^-scale (null: does not fit in a decimal). */
export function decParseParts(neg: boolean, digits: string, scale: number): Decimal | null {
  const m = BigInt(digits || "0");
  try {
    // a negative zero with decimals keeps its sign ("-0.0"), as Number.NumberToDecimal does; "-0" does not
    if (m === 0n && neg && scale > 0 && scale <= 28) return new NegZero(scale);
    return fit(neg ? -m : m, scale);
  } catch {
    return null;
  }
}
/** 10^0..10^80 as doubles (the s_doublePowers10 table of VarDecFromR8/R4). */
const DBL_POW10_80 = Array.from({ length: 81 }, (_, i) => Number(`1e${i}`));
const EXP_VIEW = new DataView(new ArrayBuffer(8));
/**
 * Explicit double/float → decimal as OleAut's VarDecFromR8/VarDecFromR4 (ported to corefx as
 * DecCalc.VarDecFromR8/R4): the value is scaled by a power of ten in double arithmetic to a 15-digit
 * (float: 7-digit) integer, rounded half to even on the double remainder, and trailing zeros are
 * factored out; 999999999999998.5 is 999999999999998 (not the round-half-up of the exact value).
 */
export function decFromDouble(x: number, digits = 15): Decimal {
  if (!Number.isFinite(x)) throw decOverflow();
  const r4 = digits === 7;
  let exp: number;
  if (r4) {
    EXP_VIEW.setFloat32(0, x);
    exp = ((EXP_VIEW.getUint32(0) >>> 23) & 0xff) - 126;
  } else {
    EXP_VIEW.setFloat64(0, x);
    exp = ((EXP_VIEW.getUint32(0) >>> 20) & 0x7ff) - 1022;
  }
  if (exp < -94) return Decimal.Zero;
  if (exp > 96) throw decOverflow();
  const lim = r4 ? 1e7 : 1e15;
  let dbl = Math.abs(x);
  let power = (r4 ? 6 : 14) - ((exp * 19728) >> 16);
  if (power >= 0) {
    if (power > 28) power = 28;
    dbl *= DBL_POW10_80[power]!;
  } else if (power !== -1 || dbl >= lim) dbl /= DBL_POW10_80[-power]!;
  else power = 0;
  if (dbl < lim / 10 && power < 28) {
    dbl *= 10;
    power++;
  }
  let mant = Math.trunc(dbl);
  const rest = dbl - mant;
  if (rest > 0.5 || (rest === 0.5 && mant % 2 === 1)) mant++;
  if (mant === 0) return Decimal.Zero;
  let m = BigInt(mant);
  if (power < 0) return fit(x < 0 ? -m * p10(-power) : m * p10(-power), 0);
  // factor out up to 14 (float: 6) trailing zeros, never below scale 0
  let lmax = Math.min(power, r4 ? 6 : 14);
  while (lmax > 0 && m % 10n === 0n) {
    m /= 10n;
    power--;
    lmax--;
  }
  return new Decimal(x < 0 ? -m : m, power);
}
export function decFromFloat(x: number): Decimal {
  return decFromDouble(x, 7);
}
/** A JSON number (Newtonsoft reads integers as Int64, others as Double) → decimal. */
export function decFromNum(x: number | Decimal | null | undefined): Decimal | null {
  if (x === null || x === undefined) return null;
  return toDec(x);
}
/** 10^0..10^28 as doubles (fnDblPower10's table: the nearest double to each). */
const DBL_POW10 = Array.from({ length: 29 }, (_, i) => Number(`1e${i}`));
/**
 * decimal → double as .NET Framework's VarR8FromDec: (low 64 bits + high 32 bits × 2^64) / 10^scale in
 * doubles, not the nearest double to the exact value ((double)0.0000000000000000000000000001m is
 * 1.0000000000000001E-28).
 */
export function decToNum(d: Decimal | number): number {
  if (typeof d === "number") return d;
  if (d.m === 0n) return d instanceof NegZero ? -0 : 0;
  if (d.s === 0) return Number(d.m);
  const neg = d.m < 0n;
  const m = neg ? -d.m : d.m;
  const v = (Number(m & 0xffffffffffffffffn) + Number(m >> 64n) * 18446744073709551616) / DBL_POW10[d.s]!;
  return neg ? -v : v;
}
export function decToFloat(d: Decimal): number {
  return Math.fround(decToNum(d));
}
/** Explicit decimal → integral type: truncates; out of the type's range throws OverflowException. */
export function decToIntegral(d: Decimal | number, type: string): number {
  const x = toDec(d);
  const t = x.s === 0 ? x.m : x.m / p10(x.s);
  const r = BIG_RANGES[type];
  if (r && (t < r[0] || t > r[1])) throw overflow(`Value was either too large or too small for ${LABEL[type] ?? type}.`);
  // a long beyond 2^53 stays a BigInt (the canonical long form, runtime/dotnet/long.ts)
  return (t >= -9007199254740991n && t <= 9007199254740991n ? Number(t) : t) as unknown as number;
}
/** The range of each integral C# type as BigInts (core.ts uses it for long conversions too). */
export const BIG_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  sbyte: [-128n, 127n],
  byte: [0n, 255n],
  short: [-32768n, 32767n],
  ushort: [0n, 65535n],
  int: [-2147483648n, 2147483647n],
  uint: [0n, 4294967295n],
  long: [-9223372036854775808n, 9223372036854775807n],
  ulong: [0n, 18446744073709551615n],
  char: [0n, 65535n],
};
const LABEL: Record<string, string> = {
  sbyte: "a signed byte", byte: "an unsigned byte", short: "an Int16", ushort: "a UInt16", int: "an Int32", uint: "a UInt32", long: "an Int64", ulong: "a UInt64", char: "a character",
};

export function decStr(d: Decimal): string {
  const neg = d.m < 0n;
  let digits = abs(d.m).toString();
  if (d.s === 0) return neg ? `-${digits}` : digits;
  if (digits.length <= d.s) digits = digits.padStart(d.s + 1, "0");
  const cut = digits.length - d.s;
  return `${neg ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}
/** The digit buffer of a decimal for number formatting: value = 0.d × 10^scale, d without trailing zeros. */
export function decDigits(d: Decimal): { neg: boolean; d: string; scale: number } {
  if (d.m === 0n) return { neg: false, d: "", scale: 0 };
  const s = abs(d.m).toString();
  return { neg: d.m < 0n, d: s.replace(/0+$/, ""), scale: s.length - d.s };
}
/** The same value with trailing zeros removed (for hashing). */
function decNormalize(d: Decimal): Decimal {
  let m = d.m;
  let s = d.s;
  while (s > 0 && m % 10n === 0n) {
    m /= 10n;
    s--;
  }
  return new Decimal(m, s);
}

// ---- operators ----------------------------------------------------------------------------------
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.s === b.s) return [a.m, b.m, a.s];
  if (a.s > b.s) return [a.m, b.m * p10(a.s - b.s), a.s];
  return [a.m * p10(b.s - a.s), b.m, b.s];
}
export function decAdd(x: Decimal | number, y: Decimal | number): Decimal {
  const d = toDec(x);
  const e = toDec(y);
  const [a, b, s] = align(d, e);
  const r = fit(a + b, s);
  return r.m === 0n ? zeroSum(d, decIsNeg(e), e.s, r.s) : r;
}
export function decSub(x: Decimal | number, y: Decimal | number): Decimal {
  const d = toDec(x);
  const e = toDec(y);
  const [a, b, s] = align(d, e);
  const r = fit(a - b, s);
  return r.m === 0n ? zeroSum(d, !decIsNeg(e), e.s, r.s) : r;
}
/**
 * The sign of a zero sum x + y (x - y adds -y): VarDecAdd works from the operand of the larger scale
 * (x when the scales are equal), whose sign the zero keeps: -1m + 1m and -0m + 0m are -0, 0m + -0.0m
 * is -0.0, 0m - 0.00m is -0.00.
 */
function zeroSum(x: Decimal, yNeg: boolean, yScale: number, s: number): Decimal {
  return Decimal.zero(yScale > x.s ? yNeg : decIsNeg(x), s);
}
const U32 = 0xffffffffn;
/**
 * .NET's VarDecMul: two 32-bit mantissas multiply at scale s1 + s2 (rounded to 28 decimals, zero when
 * more than 47); otherwise a zero product is a plain 0 (scale 0): 0m * 0.333…m prints "0", 0m * 1.5m "0.0".
 */
export function decMul(x: Decimal | number, y: Decimal | number): Decimal {
  const a = toDec(x);
  const b = toDec(y);
  const s = a.s + b.s;
  // a zero product's sign is the operands' signs XOR-ed (0m * -1m is -0)
  if (a.m === 0n || b.m === 0n) {
    const neg = decIsNeg(a) !== decIsNeg(b);
    return abs(a.m) <= U32 && abs(b.m) <= U32 && s <= 47 ? (s <= 28 ? Decimal.zero(neg, s) : Decimal.zero(neg, 28)) : Decimal.zero(neg, 0);
  }
  const neg = (a.m < 0n) !== (b.m < 0n);
  // (scales adding past 47: VarDecMul answers a plain 0, whatever the signs)
  if (abs(a.m) <= U32 && abs(b.m) <= U32 && s > 47) return Decimal.Zero;
  // a product too small for 28 decimals is a zero that keeps the sign
  const r = fit(a.m * b.m, s);
  return r.m === 0n ? Decimal.zero(neg, r.s) : r;
}
export function decDiv(x: Decimal | number, y: Decimal | number): Decimal {
  const a = toDec(x);
  const b = toDec(y);
  if (b.m === 0n) throw divideByZero();
  const base = a.s - b.s;
  // a zero dividend: a zero quotient with the operands' signs XOR-ed (0m / -1m is -0)
  if (a.m === 0n) return Decimal.zero(decIsNeg(a) !== decIsNeg(b), Math.max(base, 0));
  // quotient at scale sc: a.m × 10^(sc - base) / b.m
  const at = (sc: number): [bigint, bigint, bigint] => {
    const e = sc - base;
    const num = e >= 0 ? a.m * p10(e) : a.m;
    const den = e >= 0 ? b.m : b.m * p10(-e);
    return [num / den, num % den, den];
  };
  let sc = Math.max(base, 0);
  let last = -1;
  for (; sc <= 28; sc++) {
    const [q, r] = at(sc);
    if (abs(q) > MAX_M) break;
    if (r === 0n) return new Decimal(q, sc);
    last = sc;
  }
  if (last < 0) last = Math.max(base, 0) - 1;
  for (let s = last; s >= 0; s--) {
    const [q, r, den] = at(s);
    const twice = abs(r) * 2n;
    const ad = abs(den);
    const neg = (a.m < 0n) !== (b.m < 0n);
    let v = q;
    if (twice > ad || (twice === ad && (q & 1n) !== 0n)) v = neg ? q - 1n : q + 1n;
    // an inexact quotient loses its trailing zeros (VarDecDiv's "unscale"): 1m / 2.0…01m = 0.5, 1m / MaxValue = 0
    // (a quotient that underflows to zero keeps the sign: 1m / -MaxValue is -0)
    if (v === 0n) return Decimal.zero(neg, 0);
    if (abs(v) <= MAX_M) return decNormalize(new Decimal(v, s));
  }
  throw decOverflow();
}
/**
 * x % y as .NET's VarDecMod: a zero dividend, or one smaller in magnitude than the divisor, is returned
 * as it is (0m % 1.50m = 0, -2.5m % 123.456m = -2.5); else the exact remainder at the larger scale.
 */
export function decMod(x: Decimal | number, y: Decimal | number): Decimal {
  const d1 = toDec(x);
  const d2 = toDec(y);
  if (d2.m === 0n) throw divideByZero();
  const [a, b, s] = align(d1, d2);
  if (a === 0n || abs(a) < abs(b)) return d1;
  const r = a % b;
  // a zero remainder keeps the dividend's sign (-4m % 2m is -0)
  return r === 0n ? Decimal.zero(decIsNeg(d1), s) : new Decimal(r, s);
}
/**
 * Unary minus: a zero's sign flips (-x of a 0m is -0). `constant`: the negation of a literal, as the
 * C# compiler emits the folded constant (a scale-0 value in int range through new decimal(int), which
 * has no sign: -0m is 0, -0.0m keeps its sign).
 */
export function decNeg(x: Decimal | number, constant = false): Decimal {
  const a = toDec(x);
  if (a.m === 0n) return constant && a.s === 0 ? Decimal.Zero : Decimal.zero(!(a instanceof NegZero), a.s);
  return new Decimal(-a.m, a.s);
}
export function decCmp(x: Decimal | number, y: Decimal | number): number {
  const [a, b] = align(toDec(x), toDec(y));
  return a < b ? -1 : a > b ? 1 : 0;
}
/** `==` on decimals (and on decimal? operands: null == null). */
export function decEq(x: Decimal | number | null | undefined, y: Decimal | number | null | undefined): boolean {
  if (x === null || x === undefined || y === null || y === undefined) return (x ?? null) === (y ?? null);
  return decCmp(x, y) === 0;
}
/** Binary operators on decimals by name (lifted nullable operators go through here). */
export function decOp(op: string, a: Decimal | number, b: Decimal | number): Decimal | boolean {
  switch (op) {
    case "+":
      return decAdd(a, b);
    case "-":
      return decSub(a, b);
    case "*":
      return decMul(a, b);
    case "/":
      return decDiv(a, b);
    case "%":
      return decMod(a, b);
    case "<":
      return decCmp(a, b) < 0;
    case ">":
      return decCmp(a, b) > 0;
    case "<=":
      return decCmp(a, b) <= 0;
    case ">=":
      return decCmp(a, b) >= 0;
  }
  throw new DotNetException("System.InvalidOperationException", `Operator '${op}' cannot be applied to decimal operands.`);
}

// ---- Math / decimal statics ----------------------------------------------------------------------
/** Math.Round(decimal, decimals, mode): mode 0 = ToEven, 1 = AwayFromZero; a smaller scale is kept. */
export function decRound(x: Decimal | number, decimals: number, mode: number): Decimal {
  const d = toDec(x);
  if (decimals < 0 || decimals > 28) throw argumentOutOfRange("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
  if (d.s <= decimals) return d;
  return signed(d, roundDiv(d.m, d.s - decimals, mode === 1), decimals);
}
/** A rounding's result: a negative value rounded to zero keeps its sign (Math.Round(-0.4m) is -0). */
function signed(d: Decimal, q: bigint, s: number): Decimal {
  return q === 0n ? Decimal.zero(decIsNeg(d), s) : new Decimal(q, s);
}
export function decFloor(x: Decimal | number): Decimal {
  const d = toDec(x);
  if (d.s === 0) return d;
  const q = d.m / p10(d.s);
  return signed(d, d.m < 0n && q * p10(d.s) !== d.m ? q - 1n : q, 0);
}
export function decCeiling(x: Decimal | number): Decimal {
  const d = toDec(x);
  if (d.s === 0) return d;
  const q = d.m / p10(d.s);
  return signed(d, d.m > 0n && q * p10(d.s) !== d.m ? q + 1n : q, 0);
}
export function decTruncate(x: Decimal | number): Decimal {
  const d = toDec(x);
  return d.s === 0 ? d : signed(d, d.m / p10(d.s), 0);
}
export function decAbs(x: Decimal | number): Decimal {
  const d = toDec(x);
  return d.m < 0n ? new Decimal(-d.m, d.s) : d instanceof NegZero ? new Decimal(0n, d.s) : d;
}
export function decMax(x: Decimal | number, y: Decimal | number): Decimal {
  return decCmp(x, y) >= 0 ? toDec(x) : toDec(y);
}
export function decMin(x: Decimal | number, y: Decimal | number): Decimal {
  return decCmp(x, y) < 0 ? toDec(x) : toDec(y);
}
export function decSign(x: Decimal | number): number {
  const d = toDec(x);
  return d.m < 0n ? -1 : d.m > 0n ? 1 : 0;
}
/** new decimal(lo, mid, hi, isNegative, scale). */
export function decFromBits(lo: number, mid: number, hi: number, neg: boolean, scale: number): Decimal {
  if (scale < 0 || scale > 28) throw argumentOutOfRange("scale", "Decimal's scale value must be between 0 and 28, inclusive.");
  const m = (BigInt(hi >>> 0) << 64n) | (BigInt(mid >>> 0) << 32n) | BigInt(lo >>> 0);
  if (m === 0n) return Decimal.zero(neg, scale);
  return new Decimal(neg ? -m : m, scale);
}
/** Enumerable.Sum over decimals. */
export function decSum(xs: Iterable<Decimal | number | null>): Decimal {
  let s = Decimal.Zero;
  for (const x of xs) if (x !== null && x !== undefined) s = decAdd(s, x);
  return s;
}
/** Enumerable.Average(IEnumerable<decimal>): the decimal sum divided by the count. */
export function decAverage(xs: Iterable<Decimal | number>): Decimal {
  let s = Decimal.Zero;
  let n = 0;
  for (const x of xs) {
    s = decAdd(s, x);
    n++;
  }
  if (n === 0) throw invalidOperation("Sequence contains no elements");
  return decDiv(s, n);
}

// ---- boxes of value types other than int, double, bool, char, decimal ----------------------------
const BOX_NAMES: Record<string, string> = {
  long: "System.Int64",
  ulong: "System.UInt64",
  uint: "System.UInt32",
  short: "System.Int16",
  ushort: "System.UInt16",
  byte: "System.Byte",
  sbyte: "System.SByte",
  float: "System.Single",
  double: "System.Double",
};
/** A boxed long/ulong/uint/short/ushort/byte/sbyte/float (or integral double): the value and its C# type. */
export interface NumBox {
  ToString(format?: string | null): string;
}
export class NumBox {
  constructor(
    readonly v: number,
    readonly t: string,
  ) {}
  get $typeName(): string {
    return BOX_NAMES[this.t] ?? "System.Object";
  }
  toString(): string {
    return this.ToString();
  }
  valueOf(): number {
    return this.v;
  }
  toJSON(): number {
    return this.v;
  }
  Equals(o: unknown): boolean {
    // (float.Equals: a NaN equals NaN, as double's does)
    return o instanceof NumBox && o.t === this.t && (o.v === this.v || (this.v !== this.v && o.v !== o.v));
  }
  CompareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    const w = o instanceof NumBox ? o.v : (o as number);
    // double/float CompareTo: NaN is below every number and equal to itself
    if (this.v !== this.v || w !== w) return this.v !== this.v ? (w !== w ? 0 : -1) : 1;
    return this.v < w ? -1 : this.v > w ? 1 : 0;
  }
  /** The unboxed value's hash (core.ts hashCode hashes the text): a box hashes as its value does. */
  GetHashCode(): number {
    return hashOf(this.ToString());
  }
}
/**
 * A boxed char: an object holding the one character, so it is not a string (`o is string` is
 * false, `(string)o` throws, Convert.ToDouble(o) is InvalidCastException) yet prints, concatenates,
 * compares and serializes as its character (valueOf/toString/toJSON).
 * Not `extends String`: declaring any subclass of String makes V8 give up its fast paths for every
 * string's methods in the process (charCodeAt 5x slower, JSON reading 3x; see benchmarks/NOTES.md).
 */
export class CharBox {
  constructor(private readonly c: string) {}
  get $typeName(): string {
    return "System.Char";
  }
  valueOf(): string {
    return this.c;
  }
  toString(): string {
    return this.c;
  }
  charCodeAt(i: number): number {
    return this.c.charCodeAt(i);
  }
  ToString(): string {
    return this.c;
  }
  toJSON(): string {
    return this.c;
  }
  Equals(o: unknown): boolean {
    return o instanceof CharBox && o.c === this.c;
  }
  CompareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    return this.c.charCodeAt(0) - (o as CharBox).charCodeAt(0);
  }
  GetHashCode(): number {
    return hashOf(this.c);
  }
}
/**
 * The identity of a boxed value as a dictionary key: boxes are new objects each time, yet equal boxes
 * are one key (.NET hashes keys by Equals/GetHashCode). null for any other value (keyed as itself).
 */
export function boxedKey(v: object): string | null {
  if (v instanceof CharBox) return `c${v.valueOf()}`;
  if (v instanceof NumBox) return `${v.t}:${v.v}`;
  if (v instanceof Decimal) return `m:${decStr(decNormalize(v))}`;
  if (v instanceof GuidBox) return `g:${v.g}`;
  if (v instanceof EnumBox) return `e:${v.names.$t}:${v.v}`;
  return null;
}
/** `(object)c` for a char (or char?: null stays null). */
export function boxChar(c: number | null | undefined): CharBox | null {
  return c === null || c === undefined ? null : new CharBox(String.fromCharCode(c));
}
/**
 * A boxed double: a plain number when it has a fraction (it cannot be an int), a NumBox when it is
 * integral, so `(int)(object)5.0` and `(double)(object)5` throw InvalidCastException as in C#.
 */
export function boxDouble(v: number | null | undefined): number | NumBox | null {
  return v === null || v === undefined ? null : Number.isInteger(v) ? new NumBox(v, "double") : v;
}
export function boxNum(v: number | null | undefined, t: string): NumBox | null {
  return v === null || v === undefined ? null : new NumBox(v, t);
}
/** A boxed value as a plain JS value for JSON (NumBox → number, Decimal → nearest double, a boxed enum its number, a Guid its text). */
export function unboxJson(v: unknown): unknown {
  if (v instanceof NumBox) return v.v;
  if (v instanceof EnumBox) return v.v;
  if (v instanceof GuidBox) return v.g;
  if (v instanceof CharBox) return v.valueOf();
  if (v instanceof Decimal) return decToNum(v);
  return v;
}
/** `JValue.Value`: a JSON integer is a boxed Int64 in Newtonsoft (`(long)v.Value` works, `(int)v.Value` throws). */
export function jvalueObject(t: { Type: number; Value: unknown } | null): unknown {
  if (t === null || t === undefined) throw nullReferenceErr();
  const v = t.Value;
  const long = typeof v === "number" || (typeof v === "bigint" && v >= -9223372036854775808n && v <= 9223372036854775807n);
  if (t.Type === 15 && typeof v === "string") return new GuidBox(v);
  // a JValue made from a boxed enum (json-tokens.ts JEnum) gives the boxed enum back
  const names = (t as { names?: EnumBox["names"] }).names;
  if (t.Type === 6 && names && typeof v === "number") return new EnumBox(v, names);
  return t.Type === 6 && long ? new NumBox(v as number, "long") : t.Type === 7 && typeof v === "number" ? boxDouble(v) : v;
}

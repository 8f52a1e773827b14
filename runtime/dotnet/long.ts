// long/ulong, exact over the whole 64-bit range. A long is a JS number while it is a safe integer
// (|v| ≤ 2^53 - 1) and a BigInt beyond (the canonical form: `===`, Map keys and `<` work across the
// two). Operators take a fast path on two numbers (one add and a range check) and fall back to BigInt,
// wrapping to 64 bits like C#'s unchecked arithmetic. Non-canonical inputs (an integral double beyond
// 2^53, e.g. from an older shim) are accepted: BigInt() of an integral double is exact.
import { divideByZero, invalidOperation, overflow } from "../errors.js";

export type Long = number | bigint;
const SAFE = 9007199254740991;
const BSAFE = 9007199254740991n;

function big(x: Long): bigint {
  return typeof x === "bigint" ? x : BigInt(x);
}
/** The canonical form of a 64-bit value. */
function canon(x: bigint): Long {
  return x >= -BSAFE && x <= BSAFE ? Number(x) : x;
}
function wrap(x: bigint, u: boolean): Long {
  // Most results (a difference of two clock readings) are small: no 64-bit wrap needed.
  if (x <= BSAFE && (u ? x >= 0n : x >= -BSAFE)) return Number(x);
  return canon(u ? BigInt.asUintN(64, x) : BigInt.asIntN(64, x));
}
export const LONG_MAX = 9223372036854775807n;
export const LONG_MIN = -9223372036854775808n;
export const ULONG_MAX = 18446744073709551615n;
/** A long constant beyond 2^53 (hoisted): "9223372036854775807". */
export function lconst(text: string): Long {
  return canon(BigInt(text));
}
/** An integral double as a long (canonical; beyond 2^53 the double's exact value). */
export function lnum(x: number): Long {
  return x <= SAFE && x >= -SAFE ? x : BigInt(x);
}
/** long → double (nearest). */
export function l2d(x: Long): number {
  return typeof x === "number" ? x : Number(x);
}
/** long/ulong → a narrower integral type's bits (then wrapped by the caller): the low 32 bits. */
export function l2i(x: Long): number {
  return typeof x === "number" ? (x <= 2147483647 && x >= -2147483648 ? x : Number(BigInt.asIntN(32, big(x)))) : Number(BigInt.asIntN(32, x));
}
/** long ↔ ulong reinterpretation, and any integral → long/ulong (unchecked). */
export function lconv(x: Long, u: boolean): Long {
  if (typeof x === "number" && x <= SAFE && (u ? x >= 0 : x >= -SAFE)) return x;
  return wrap(big(x), u);
}
/** (long)double / (ulong)double, unchecked: truncates; NaN and out of range give long.MinValue (x64). */
export function d2l(x: number, u: boolean): Long {
  const t = Math.trunc(x);
  if (t <= SAFE && t >= (u ? 0 : -SAFE)) return t;
  if (!Number.isFinite(t) || (u ? t >= 18446744073709551616 || t < 0 : t >= 9223372036854775808 || t < -9223372036854775808)) return u ? 0 : -9223372036854775808n;
  return BigInt(t);
}

export function ladd(a: Long, b: Long, u = false): Long {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= SAFE && r >= (u ? 0 : -SAFE)) return r;
  }
  return wrap(big(a) + big(b), u);
}
export function lsub(a: Long, b: Long, u = false): Long {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= SAFE && r >= (u ? 0 : -SAFE)) return r;
  }
  return wrap(big(a) - big(b), u);
}
export function lmul(a: Long, b: Long, u = false): Long {
  if (monoLongMulMin.on && !u && (b === -2147483648 || b === -2147483648n)) b = 2147483648;
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= SAFE && r >= (u ? 0 : -SAFE)) return r === 0 ? 0 : r;
  }
  return wrap(big(a) * big(b), u);
}
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono's x86-64 JIT
 * multiplies a long by a right operand of -2147483648 (as a 32-bit immediate) as by +2147483648
 * (measured with mono 6.8: 3L * -2147483648L is 6442450944, x *= (long)int.MinValue too; the operand
 * on the left and checked(...) are right). .NET's answer is the product.
 */
export const monoLongMulMin = { on: false };
export function ldiv(a: Long, b: Long, u = false): Long {
  if (b === 0 || b === 0n) throw divideByZero();
  if (typeof a === "number" && typeof b === "number" && a <= 4503599627370496 && a >= -4503599627370496) {
    const r = Math.trunc(a / b);
    return r === 0 ? 0 : r;
  }
  const x = big(a);
  const y = big(b);
  if (!u && y === -1n && x === -9223372036854775808n) throw overflow();
  return wrap(x / y, u);
}
export function lmod(a: Long, b: Long, u = false): Long {
  if (b === 0 || b === 0n) throw divideByZero();
  // + 0: an integral zero has no sign (JS gives -0 for -4 % 2)
  if (typeof a === "number" && typeof b === "number") return a % b + 0;
  const x = big(a);
  const y = big(b);
  // long.MinValue % -1 overflows as long.MinValue / -1 does (the x64 idiv traps)
  if (!u && y === -1n && x === -9223372036854775808n) throw overflow();
  return wrap(x % y, u);
}
export function lneg(a: Long, u = false): Long {
  if (typeof a === "number" && !u) return a === 0 ? 0 : -a;
  return wrap(-big(a), u);
}
export function lnot(a: Long, u = false): Long {
  return wrap(~big(a), u);
}
/** 64-bit & | ^. */
export function lbit(op: string, a: Long, b: Long, u = false): Long {
  const x = BigInt.asIntN(64, big(a));
  const y = BigInt.asIntN(64, big(b));
  return wrap(op === "&" ? x & y : op === "|" ? x | y : x ^ y, u);
}
/** Checked long/ulong + - * (OverflowException instead of wrapping). */
export function lchk(op: string, a: Long, b: Long, u = false): Long {
  const x = big(a);
  const y = big(b);
  const r = op === "+" ? x + y : op === "-" ? x - y : x * y;
  if (u ? r < 0n || r > 18446744073709551615n : r < -9223372036854775808n || r > 9223372036854775807n) throw overflow();
  return canon(r);
}
/** Math.Max / Math.Min on longs. */
export function lmax(a: Long, b: Long): Long {
  return a >= b ? a : b;
}
export function lmin(a: Long, b: Long): Long {
  return a <= b ? a : b;
}
/** Enumerable.Sum over longs (checked, as in .NET). */
export function lsum<T>(xs: Iterable<T>, f?: (x: T) => Long): Long {
  let s: Long = 0;
  for (const x of xs) {
    const v = f ? f(x) : (x as unknown as Long);
    if (v === null || v === undefined) continue;
    const r: number = typeof s === "number" && typeof v === "number" ? s + v : NaN;
    s = r <= SAFE && r >= -SAFE ? r : lchk("+", s, v);
  }
  return s;
}
/** Enumerable.Average(IEnumerable<long>): a checked long sum (OverflowException) over the count. */
export function lAverage(xs: Iterable<Long>): number {
  // summed while enumerating, so an overflow comes at its element (before a later element's exception)
  let n = 0;
  const s = lsum(xs, (x) => {
    n++;
    return x;
  });
  if (!n) throw invalidOperation("Sequence contains no elements");
  return Number(s) / n;
}
/** BitConverter.GetBytes(long). */
export function longBytes(v: Long): Uint8Array {
  const b = new Uint8Array(8);
  let x = BigInt.asUintN(64, big(v));
  for (let i = 0; i < 8; i++) {
    b[i] = Number(x & 255n);
    x >>= 8n;
  }
  return b;
}

// Constant folding of binary operators on numbers, as the C# compiler folds constants: integer
// results wrapped to their type, divisions by zero left to run time, 64-bit bit operations exact.
import { INT_RANGES as INT_RANGE } from "../../runtime/dotnet/core.js";
import type { ConstValue } from "./types.js";

export function foldNum(op: string, a: number, c: number, t: string): number | boolean | null {
  switch (op) {
    case "+":
      return wrapConst(a + c, t);
    case "-":
      return wrapConst(a - c, t);
    case "*":
      return t === "int" ? Math.imul(a, c) : wrapConst(a * c, t);
    case "/":
      if (INT_RANGE[t]) return c === 0 ? null : wrapConst(Math.trunc(a / c), t);
      return a / c;
    case "%":
      if (INT_RANGE[t]) return c === 0 ? null : a % c + 0;
      return a % c;
    case "<":
      return a < c;
    case ">":
      return a > c;
    case "<=":
      return a <= c;
    case ">=":
      return a >= c;
    case "==":
      return a === c;
    case "!=":
      return a !== c;
    case "&":
    case "|":
    case "^":
    case "<<":
    case ">>":
      return foldBits(op, a, c, t);
  }
  return null;
}
/** Bitwise operators and shifts of int and uint constants (C# folds them: `const int k = 255 >> 1`); long and ulong go through foldLong. */
function foldBits(op: string, a: number, c: number, t: string): number | null {
  if (t !== "int" && t !== "uint") return null;
  // the shift count is masked to 5 bits (C# spec 12.11)
  const v = op === "&" ? a & c : op === "|" ? a | c : op === "^" ? a ^ c : op === "<<" ? a << (c & 31) : t === "uint" ? a >>> (c & 31) : a >> (c & 31);
  return t === "uint" ? v >>> 0 : v | 0;
}
function wrapConst(v: number, t: string): number | null {
  if (t === "int") return v | 0;
  if (t === "uint") return v >>> 0;
  // an integral zero has no sign (Math.trunc(-1 / 2) is -0)
  return INT_RANGE[t] ? v + 0 : v;
}

/** The exact integer a constant holds (its `big`, or a safe integer `v`), or null (a fraction, a string, beyond 2^53 without `big`). */
export function exactInt(cv: ConstValue | undefined): bigint | null {
  if (!cv) return null;
  if (cv.big !== undefined) return cv.big;
  return typeof cv.v === "number" && Number.isSafeInteger(cv.v) ? BigInt(cv.v) : null;
}
/** A value of type long or ulong wrapped to its 64 bits. */
export function wrap64(v: bigint, t: string): bigint {
  return t === "ulong" ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v);
}
/** The constant value a 64-bit result has: a number while safe, else the nearest double with the exact `big`. */
export function constOf64(v: bigint): ConstValue {
  const n = Number(v);
  return Number.isSafeInteger(n) ? { v: n } : { v: n, big: v };
}
/** Binary operators on long/ulong constants, exact (C# folds them with 64-bit wrapping outside checked code). */
export function foldLong(op: string, a: bigint, c: bigint, t: string): bigint | boolean | null {
  const x = wrap64(a, t);
  switch (op) {
    case "+":
      return wrap64(x + c, t);
    case "-":
      return wrap64(x - c, t);
    case "*":
      return wrap64(x * c, t);
    case "/":
      return c === 0n ? null : wrap64(x / wrap64(c, t), t);
    case "%":
      return c === 0n ? null : wrap64(x % wrap64(c, t), t);
    case "&":
      return wrap64(x & wrap64(c, t), t);
    case "|":
      return wrap64(x | wrap64(c, t), t);
    case "^":
      return wrap64(x ^ wrap64(c, t), t);
    case "<<":
      return wrap64(x << BigInt(Number(c) & 63), t);
    case ">>":
      return x >> BigInt(Number(c) & 63);
    case "<":
      return x < wrap64(c, t);
    case ">":
      return x > wrap64(c, t);
    case "<=":
      return x <= wrap64(c, t);
    case ">=":
      return x >= wrap64(c, t);
    case "==":
      return x === wrap64(c, t);
    case "!=":
      return x !== wrap64(c, t);
  }
  return null;
}

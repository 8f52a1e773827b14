// Constant checks: mcs rejects what C# makes a compile-time error (a constant out of its target's
// range, an integral division by a constant zero), so the generator reads such values at run time.
import { text, type Node } from "./node.js";

/** The value of a literal leaf (a number with a suffix, a type's constant field, negated or in parentheses); null when it is not one. */
function constValue(n: Node): number | null {
  if (!n.leaf) return null;
  let s = text(n).trim();
  let sign = 1;
  for (;;) {
    if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
    else if (s.startsWith("-")) {
      sign = -sign;
      s = s.slice(1).trim();
    } else break;
  }
  const lit = /^(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?:[uU]?[lL]?|[lL][uU]|[mMdDfF])$/.exec(s);
  if (lit) return sign * Number(lit[1]);
  const FIELDS: Record<string, number> = {
    "int.MaxValue": 2147483647, "int.MinValue": -2147483648, "long.MaxValue": 9223372036854775807, "long.MinValue": -9223372036854775808,
    "short.MaxValue": 32767, "short.MinValue": -32768, "sbyte.MaxValue": 127, "sbyte.MinValue": -128, "byte.MaxValue": 255, "ushort.MaxValue": 65535,
    "uint.MaxValue": 4294967295, "ulong.MaxValue": 18446744073709551615, "char.MaxValue": 65535, "char.MinValue": 0,
    "double.MaxValue": Number.MAX_VALUE, "double.MinValue": -Number.MAX_VALUE, "double.Epsilon": Number.MIN_VALUE, "double.NaN": NaN,
    "double.PositiveInfinity": Infinity, "double.NegativeInfinity": -Infinity, "float.MaxValue": 3.4028234663852886e38, "float.MinValue": -3.4028234663852886e38,
    "float.NaN": NaN, "float.PositiveInfinity": Infinity, "float.NegativeInfinity": -Infinity, "float.Epsilon": 1.401298464324817e-45,
    "decimal.MaxValue": 7.922816251426434e28, "decimal.MinValue": -7.922816251426434e28, "decimal.Zero": 0, "decimal.One": 1, "decimal.MinusOne": -1,
  };
  return s in FIELDS ? sign * FIELDS[s]! : null;
}
export const isConstZero = (n: Node): boolean => constValue(n) === 0;
const RANGES: Record<string, [number, number]> = {
  int: [-2147483648, 2147483647], long: [-9223372036854775808, 9223372036854775807], char: [0, 65535], short: [-32768, 32767],
  sbyte: [-128, 127], byte: [0, 255], ushort: [0, 65535], uint: [0, 4294967295], ulong: [0, 18446744073709551615], decimal: [-7.9228162514264337e28, 7.9228162514264337e28],
};
/** A literal leaf whose value the conversion to `t` cannot hold (a compile-time error in C#). */
export function outOfRangeConstant(n: Node, t: string): boolean {
  const v = constValue(n);
  const r = RANGES[t];
  if (v === null || !r) return false;
  // (long's and ulong's limits are not exact doubles: their neighbourhood counts as out of range)
  return Number.isNaN(v) || v < r[0] || v > r[1] || (t !== "decimal" && (v <= -9.2e18 || v >= 9.2e18) && (t === "long" || t === "ulong"));
}

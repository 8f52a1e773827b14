// decimal.GetBits and the OLE Automation currency conversions (Decimal.ToOACurrency /
// FromOACurrency): a currency is a long counting ten-thousandths.
import { overflow } from "../errors.js";
import { Decimal, decIsNeg, toDec } from "./decimal.js";
import type { Long } from "./long.js";

const i32 = (x: bigint): number => Number(BigInt.asIntN(32, x));

/** decimal.GetBits: lo, mid, hi of the 96-bit magnitude, then the scale (bits 16-23) and sign (bit 31) as signed ints. */
export function decGetBits(x: Decimal | number): number[] {
  const d = toDec(x);
  const m = d.m < 0n ? -d.m : d.m;
  return [i32(m), i32(m >> 32n), i32(m >> 64n), (d.s << 16) | (decIsNeg(d) ? 0x80000000 : 0)];
}

const CY_MIN = -(1n << 63n);
const CY_MAX = (1n << 63n) - 1n;
/** Decimal.ToOACurrency (VarCyFromDec): the value in ten-thousandths, rounded half to even; OverflowException past a long. */
export function decToOACurrency(x: Decimal | number): Long {
  const d = toDec(x);
  let v: bigint;
  if (d.s <= 4) v = d.m * 10n ** BigInt(4 - d.s);
  else {
    const p = 10n ** BigInt(d.s - 4);
    const neg = d.m < 0n;
    const a = neg ? -d.m : d.m;
    let q = a / p;
    const r2 = (a % p) * 2n;
    if (r2 > p || (r2 === p && q % 2n === 1n)) q++;
    v = neg ? -q : q;
  }
  if (v < CY_MIN || v > CY_MAX) throw overflow("Value was either too large or too small for a Currency.");
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/**
 * Decimal.FromOACurrency: the long in ten-thousandths as a decimal of scale 4, less one for each
 * trailing zero (12.95, not 12.9500); zero keeps scale 4 ("0.0000").
 */
export function decFromOACurrency(cy: Long): Decimal {
  let m = BigInt(cy);
  let s = 4;
  if (m !== 0n) {
    while (s > 0 && m % 10n === 0n) {
      m /= 10n;
      s--;
    }
  }
  return new Decimal(m, s);
}

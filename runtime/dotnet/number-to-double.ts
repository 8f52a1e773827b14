// .NET Framework's NumberToDouble (clr/src/classlibnative/bcltype/number.cpp, the portable version
// that x64 .NET Framework and Mono both run): decimal digits → double. It is not correctly rounded:
// it reads at most 18 digits, multiplies with a lossy 64-bit product, and shifts denormals without
// rounding. double.Parse and the "R" format's round-trip test both go through it, so
// (2 * double.Epsilon).ToString("R") is "9.8813129168249309E-324": the 15-digit text parses back
// to a different (truncated) denormal, so "R" falls back to 17 digits.

const M64 = (1n << 64n) - 1n;

// Normalized 64-bit mantissas of 10^1..10^15 and 0.1^1..0.1^15, with their binary exponents.
const POW10 = [
  0xa000000000000000n, 0xc800000000000000n, 0xfa00000000000000n, 0x9c40000000000000n, 0xc350000000000000n, 0xf424000000000000n, 0x9896800000000000n, 0xbebc200000000000n,
  0xee6b280000000000n, 0x9502f90000000000n, 0xba43b74000000000n, 0xe8d4a51000000000n, 0x9184e72a00000000n, 0xb5e620f480000000n, 0xe35fa931a0000000n,
  0xcccccccccccccccdn, 0xa3d70a3d70a3d70bn, 0x83126e978d4fdf3cn, 0xd1b71758e219652en, 0xa7c5ac471b478425n, 0x8637bd05af6c69b7n, 0xd6bf94d5e57a42ben, 0xabcc77118461ceffn,
  0x89705f4136b4a599n, 0xdbe6fecebdedd5c2n, 0xafebff0bcb24ab02n, 0x8cbccc096f5088cfn, 0xe12e13424bb40e18n, 0xb424dc35095cd813n, 0x901d7cf73ab0acdcn,
];
const POW10_EXP = [4, 7, 10, 14, 17, 20, 24, 27, 30, 34, 37, 40, 44, 47, 50];
// (10^16)^1..21 and (0.1^16)^1..21.
const POW10_16 = [
  0x8e1bc9bf04000000n, 0x9dc5ada82b70b59en, 0xaf298d050e4395d6n, 0xc2781f49ffcfa6d4n, 0xd7e77a8f87daf7fan, 0xefb3ab16c59b14a0n, 0x850fadc09923329cn, 0x93ba47c980e98cden,
  0xa402b9c5a8d3a6e6n, 0xb616a12b7fe617a8n, 0xca28a291859bbf90n, 0xe070f78d39275566n, 0xf92e0c3537826140n, 0x8a5296ffe33cc92cn, 0x9991a6f3d6bf1762n, 0xaa7eebfb9df9de8an,
  0xbd49d14aa79dbc7en, 0xd226fc195c6a2f88n, 0xe950df20247c83f8n, 0x81842f29f2cce373n, 0x8fcac257558ee4e2n,
  0xe69594bec44de160n, 0xcfb11ead453994c3n, 0xbb127c53b17ec165n, 0xa87fea27a539e9b3n, 0x97c560ba6b0919b5n, 0x88b402f7fd7553abn, 0xf64335bcf065d3a0n, 0xddd0467c64bce4c4n,
  0xc7caba6e7c5382edn, 0xb3f4e093db73a0b7n, 0xa21727db38cb0053n, 0x91ff83775423cc29n, 0x8380dea93da4bc82n, 0xece53cec4a314f00n, 0xd5605fcdcf32e217n, 0xc0314325637a1978n,
  0xad1c8eab5ee43ba2n, 0x9becce62836ac5b0n, 0x8c71dcd9ba0b495cn, 0xfd00b89747823938n, 0xe3e27a444d8d991an,
];
const POW10_16_EXP = [54, 107, 160, 213, 266, 319, 373, 426, 479, 532, 585, 638, 691, 745, 798, 851, 904, 957, 1010, 1064, 1117];

const bits = new DataView(new ArrayBuffer(8));
function fromBits(v: bigint, neg: boolean): number {
  bits.setBigUint64(0, neg ? v | (1n << 63n) : v);
  return bits.getFloat64(0);
}

/** The high 64 bits of a × b from three 32 × 32 partial products (the low × low one is dropped), renormalized. */
function mul64Lossy(a: bigint, b: bigint, exp: { v: number }): bigint {
  const ah = a >> 32n;
  const al = a & 0xffffffffn;
  const bh = b >> 32n;
  const bl = b & 0xffffffffn;
  let val = (ah * bh + ((ah * bl) >> 32n) + ((al * bh) >> 32n)) & M64;
  if (!(val >> 63n)) {
    val = (val << 1n) & M64;
    exp.v -= 1;
  }
  return val;
}

/**
 * value = 0.digits × 10^scale, as .NET Framework computes it. `digits` are the significant digits
 * (leading zeros allowed; only the first 18 after them count).
 */
export function netNumberToDouble(digits: string, scale: number, neg: boolean): number {
  // up to 15 digits the value is an exact double: the same steps without BigInt
  if (digits.length <= 15) {
    const v = +digits;
    return v === 0 ? (neg ? -0 : 0) : netIntegerToDouble(v, scale - digits.length, neg);
  }
  return netNumberToDoubleBig(digits, scale, neg);
}

/** The BigInt form of the algorithm, for any number of digits (and what netIntegerToDouble must equal). */
export function netNumberToDoubleBig(digits: string, scale: number, neg: boolean): number {
  const d = digits.replace(/^0+/, "");
  const total = digits.length;
  let remaining = d.length;
  if (remaining === 0) return neg ? -0 : 0;
  let count = Math.min(remaining, 9);
  remaining -= count;
  let val = BigInt(d.slice(0, count));
  if (remaining > 0) {
    count = Math.min(remaining, 9);
    remaining -= count;
    val = val * 10n ** BigInt(count) + BigInt(d.slice(9, 9 + count));
  }
  const sc = scale - (total - remaining);
  const abs = Math.abs(sc);
  if (abs >= 22 * 16) return sc > 0 ? (neg ? -Infinity : Infinity) : neg ? -0 : 0;
  const exp = { v: 64 };
  // normalize: the top bit set
  const width = val.toString(2).length;
  val <<= BigInt(64 - width);
  exp.v -= 64 - width;
  let index = abs & 15;
  if (index) {
    const multexp = POW10_EXP[index - 1]!;
    exp.v += sc < 0 ? -multexp + 1 : multexp;
    val = mul64Lossy(val, POW10[index + (sc < 0 ? 15 : 0) - 1]!, exp);
  }
  index = abs >> 4;
  if (index) {
    const multexp = POW10_16_EXP[index - 1]!;
    exp.v += sc < 0 ? -multexp + 1 : multexp;
    val = mul64Lossy(val, POW10_16[index + (sc < 0 ? 21 : 0) - 1]!, exp);
  }
  return roundToDouble(val, exp.v, neg);
}

/** The normalized 64-bit mantissa `val` (binary exponent `exp`) rounded at bit 11 to a double, denormals truncated. */
export function roundToDouble(val: bigint, exp: number, neg: boolean): number {
  if (val & (1n << 10n)) {
    // round half to even at bit 11
    let tmp = val + ((1n << 10n) - 1n) + ((val >> 11n) & 1n);
    if (tmp > M64) {
      tmp = ((tmp & M64) >> 1n) | (1n << 63n);
      exp += 1;
    }
    val = tmp;
  }
  const e = exp + 0x3fe;
  let out: bigint;
  if (e <= 0) {
    // X with Epsilon > X >= 2.4703282292062327E-324 rounds up to Epsilon; below, zero; else a denormal, truncated
    if (e === -52 && val >= 0x8000000000000058n) out = 1n;
    else if (e <= -52) out = 0n;
    else out = val >> BigInt(-e + 11 + 1);
  } else if (e >= 0x7ff) out = 0x7ff0000000000000n;
  else out = (BigInt(e) << 52n) + ((val >> 11n) & 0x000fffffffffffffn);
  return fromBits(out, neg);
}

// ---- the same algorithm for an integer below 2^53, in doubles holding 32-bit halves --------------

const TWO32 = 4294967296;
const TWO31 = 2147483648;
/** The 64-bit constants above as [high 32 bits, low 32 bits]. */
const halves = (xs: bigint[]): number[] => xs.flatMap((x) => [Number(x >> 32n), Number(x & 0xffffffffn)]);
const POW10_H = halves(POW10);
const POW10_16_H = halves(POW10_16);

/**
 * The 64-bit product of two 32-bit numbers, exactly, into PRODUCT as [high half, low half] (16-bit
 * pieces keep every partial product below 2^53; a Float64Array holds the halves unboxed).
 */
const PRODUCT = new Float64Array(2);
function mul32(a: number, b: number): void {
  const a1 = Math.floor(a / 65536);
  const a0 = a - a1 * 65536;
  const b1 = Math.floor(b / 65536);
  const b0 = b - b1 * 65536;
  const mid = a0 * b1 + a1 * b0;
  const midHi = Math.floor(mid / 65536);
  let lo = a0 * b0 + (mid - midHi * 65536) * 65536;
  let carry = 0;
  if (lo >= TWO32) {
    lo -= TWO32;
    carry = 1;
  }
  PRODUCT[0] = a1 * b1 + midHi + carry;
  PRODUCT[1] = lo;
}

/**
 * value = v × 10^sc as netNumberToDoubleBig computes it, for an integer 0 < v < 2^53: the same
 * normalization, lossy products (mul64Lossy: high × high plus the high halves of the two cross
 * products), rounding at bit 11 and denormal truncation, on 32-bit halves held in doubles.
 */
export function netIntegerToDouble(v: number, sc: number, neg: boolean): number {
  const abs = sc < 0 ? -sc : sc;
  if (abs >= 22 * 16) return sc > 0 ? (neg ? -Infinity : Infinity) : neg ? -0 : 0;
  // normalize: the top bit of 64 set (v has at most 53 bits: the shift is exact)
  const width = v >= TWO32 ? 64 - Math.clz32(Math.floor(v / TWO32)) : 32 - Math.clz32(v);
  const shifted = v * 2 ** (64 - width);
  let hi = Math.floor(shifted / TWO32);
  let lo = shifted - hi * TWO32;
  let exp = 64 - (64 - width);
  for (let step = 0; step < 2; step++) {
    const index = step === 0 ? abs & 15 : abs >> 4;
    if (index === 0) continue;
    let bh: number;
    let bl: number;
    if (step === 0) {
      const k = 2 * (index + (sc < 0 ? 15 : 0) - 1);
      bh = POW10_H[k]!;
      bl = POW10_H[k + 1]!;
      const multexp = POW10_EXP[index - 1]!;
      exp += sc < 0 ? -multexp + 1 : multexp;
    } else {
      const k = 2 * (index + (sc < 0 ? 21 : 0) - 1);
      bh = POW10_16_H[k]!;
      bl = POW10_16_H[k + 1]!;
      const multexp = POW10_16_EXP[index - 1]!;
      exp += sc < 0 ? -multexp + 1 : multexp;
    }
    // mul64Lossy: hi:lo × bh:bl, keeping ah·bh + (ah·bl >> 32) + (al·bh >> 32)
    mul32(hi, bl);
    const cross1 = PRODUCT[0]!;
    mul32(lo, bh);
    const cross2 = PRODUCT[0]!;
    mul32(hi, bh);
    let rl = PRODUCT[1]! + cross1 + cross2;
    let rh = PRODUCT[0]!;
    while (rl >= TWO32) {
      rl -= TWO32;
      rh += 1;
    }
    if (rh < TWO31) {
      rh = rh * 2 + (rl >= TWO31 ? 1 : 0);
      rl = rl >= TWO31 ? rl * 2 - TWO32 : rl * 2;
      exp -= 1;
    }
    hi = rh;
    lo = rl;
  }
  return roundHalvesToDouble(hi, lo, exp, neg);
}

/** roundToDouble for the mantissa as two 32-bit halves held in doubles. */
export function roundHalvesToDouble(hi: number, lo: number, exp: number, neg: boolean): number {
  if (lo & 0x400) {
    // round half to even at bit 11
    lo += 0x3ff + ((lo >>> 11) & 1);
    if (lo >= TWO32) {
      lo -= TWO32;
      hi += 1;
    }
    if (hi >= TWO32) {
      // past 2^64 (hi was all ones): (tmp mod 2^64) >> 1 with the top bit set, tmp mod 2^64 being lo
      lo = Math.floor(lo / 2);
      hi = TWO31;
      exp += 1;
    }
  }
  const e = exp + 0x3fe;
  const sign = neg ? TWO31 : 0;
  if (e <= 0) {
    let out: number;
    // X with Epsilon > X >= 2.4703282292062327E-324 rounds up to Epsilon; below, zero; else a denormal, truncated
    if (e === -52 && (hi > 0x80000000 || (hi === 0x80000000 && lo >= 0x58))) out = 1;
    else if (e <= -52) out = 0;
    else {
      const shift = -e + 12;
      out = shift >= 32 ? Math.floor(hi / 2 ** (shift - 32)) : hi * 2 ** (32 - shift) + Math.floor(lo / 2 ** shift);
    }
    const oh = Math.floor(out / TWO32);
    return fromHalves(sign + oh, out - oh * TWO32);
  }
  if (e >= 0x7ff) return neg ? -Infinity : Infinity;
  // mantissa: bits 62..11 of hi:lo
  return fromHalves(sign + e * 1048576 + ((hi >>> 11) & 0xfffff), ((hi & 0x7ff) * 2097152 + Math.floor(lo / 2048)));
}
function fromHalves(h: number, l: number): number {
  bits.setUint32(0, h);
  bits.setUint32(4, l);
  return bits.getFloat64(0);
}

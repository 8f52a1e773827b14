// Mono's Math.Sin and Math.Cos on x86-64 are the x87 FSIN/FCOS instructions (Math.Tan is not: Mono's
// answers for Tan are libm's, measured). The x87 reduces the argument by multiples of pi/2 using a
// 66-bit approximation of pi, so the reduced argument is off by k * (pi - P66) / 2, which grows with
// the argument (Math.Cos(1e15): -0.51319484273953742 on Mono, -0.51319373778697019 correctly
// reduced); an argument of 2^63 or more is left as it is (the instruction sets C2 and Mono returns the
// operand). .NET Framework calls the CRT, which reduces correctly: apimc's answer.
// This is the emulation the fuzzer re-runs a differing case with (fuzz.ts x87TrigArtefact): the
// reduction by P66/2 done exactly with BigInt, the reduced argument's sine/cosine by JavaScript.

// the correctly rounded functions, kept: the fuzzer swaps Math.sin/Math.cos for these emulations
const { sin, cos } = Math;

/** pi * 2^66 with x87's 66 significant bits (0xC90FDAA2 2168C234 C: pi's next bits are 0 0 1 ...). */
const PI66 = 0xc90fdaa22168c234cn;

/** The x87 reduction: x = k * (P66 / 2) + r, |r| <= P66 / 4, with r rounded to a double once. */
function reduce(x: number): { k: number; r: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (biased ? 1n << 52n : 0n);
  const exp = (biased || 1) - 1075; // x = ±mantissa * 2^exp
  // in units of 2^-s (s >= 67 so that P66 / 2 = PI66 * 2^-67 is whole)
  const s = 67 + Math.max(0, -exp);
  const X = (bits >> 63n ? -1n : 1n) * mantissa * (1n << BigInt(s + exp));
  const half = PI66 << BigInt(s - 67);
  let k = X / half;
  const rest = X - k * half;
  if (2n * (rest < 0n ? -rest : rest) > half) k += rest < 0n ? -1n : 1n;
  return { k: Number(((k % 4n) + 4n) % 4n), r: Number(X - k * half) / 2 ** s };
}
export function x87Sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) >= 2 ** 63) return x;
  const { k, r } = reduce(x);
  return [sin(r), cos(r), -sin(r), -cos(r)][k]!;
}
export function x87Cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) >= 2 ** 63) return x;
  const { k, r } = reduce(x);
  return [cos(r), -sin(r), -cos(r), sin(r)][k]!;
}

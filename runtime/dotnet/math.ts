// Math members JS lacks.

/** Math.IEEERemainder as the .NET Framework reference source computes it. */
export function ieeeRemainder(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  const regularMod = x % y;
  if (Number.isNaN(regularMod)) return NaN;
  if (regularMod === 0 && (x < 0 || Object.is(x, -0))) return -0;
  const alternativeResult = regularMod - Math.abs(y) * Math.sign(x);
  if (Math.abs(alternativeResult) === Math.abs(regularMod)) {
    const divisionResult = x / y;
    const roundedResult = roundHalfEven(divisionResult);
    return Math.abs(roundedResult) > Math.abs(divisionResult) ? alternativeResult : regularMod;
  }
  return Math.abs(alternativeResult) < Math.abs(regularMod) ? alternativeResult : regularMod;
}
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Math.Log(a, newBase) as the .NET Framework reference source computes it (the special cases first). */
/**
 * Math.Pow as .NET Framework's COMDouble::Pow: a NaN argument gives NaN (Pow(NaN, 0) and Pow(1, NaN)
 * too), Pow(1, ±∞) is 1 and Pow(-1, ±∞) NaN, before the C runtime's pow (the Math.Pow docs: "1 (NaN on
 * .NET Framework)"); JS's Math.pow gives Pow(NaN, 0) = 1 and Pow(1, ±∞) = NaN.
 */
export function mathPow(x: number, y: number): number {
  if (x !== x || y !== y) return monoPow.on && (y === 0 || x === 1) ? 1 : NaN;
  if ((y === Infinity || y === -Infinity) && (x === 1 || x === -1)) return x === 1 || monoPow.on ? 1 : NaN;
  return Math.pow(x, y);
}
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono calls
 * glibc's pow, which follows C99 (pow(1, y) and pow(x, 0) are 1 for any y and x, NaN included, and
 * pow(-1, ±∞) is 1).
 */
export const monoPow = { on: false };

export function mathLogBase(a: number, newBase: number): number {
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(newBase)) return newBase;
  if (newBase === 1) return NaN;
  if (a !== 1 && (newBase === 0 || newBase === Infinity)) return NaN;
  return Math.log(a) / Math.log(newBase);
}
/**
 * Math.Max(double, double) / Max(float, float) of the .NET Framework reference source: a NaN first
 * argument wins, and of two equal values (0.0 and -0.0) the second is returned.
 */
export function fmax(a: number, b: number): number {
  if (a > b) return a;
  if (Number.isNaN(a)) return a;
  return b;
}
/** Math.Min(double, double) / Min(float, float): as fmax, mirrored. */
export function fmin(a: number, b: number): number {
  if (a < b) return a;
  if (Number.isNaN(a)) return a;
  return b;
}

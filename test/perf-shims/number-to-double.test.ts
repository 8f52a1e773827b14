// .NET Framework's NumberToDouble (runtime/dotnet/number-to-double.ts) has two forms: the BigInt one
// for any number of digits, and netIntegerToDouble for up to 15 digits in doubles (32-bit halves),
// which the JSON writer and netNumberToDouble use. They must give the same bits for every input:
// checked here over generated integers and scales across every branch (no product, one, two;
// renormalization; rounding, its carry past 2^64; denormals, Epsilon's threshold, zero, overflow).
import { describe, expect, it } from "vitest";
import { rng } from "../helpers/rng.js";
import { netIntegerToDouble, netNumberToDouble, netNumberToDoubleBig, roundHalvesToDouble, roundToDouble } from "../../runtime/dotnet/number-to-double.js";
import { JValue } from "../../runtime/dotnet/newtonsoft.js";
import { fmtRoundTrip } from "../../runtime/dotnet/number-format.js";

const bitsOf = (x: number) => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  return b.getBigUint64(0).toString(16);
};

/** The BigInt form on v's digits: value = 0.digits × 10^(scale) = v × 10^sc. */
const reference = (v: number, sc: number, neg: boolean) => netNumberToDoubleBig(String(v), sc + String(v).length, neg);

/** Integers below 10^15 of every length, powers of two and their neighbours, and 5^m·2^j (exact dyadic values once scaled). */
function integers(r: () => number): number[] {
  const out: number[] = [1, 9, 10, 99, 999999999999999, 2 ** 49, 2 ** 49 - 1, 2 ** 49 + 1];
  for (let len = 1; len <= 15; len++)
    for (let k = 0; k < 40; k++) {
      let s = String(1 + Math.floor(r() * 9));
      for (let i = 1; i < len; i++) s += String(Math.floor(r() * 10));
      out.push(Number(s));
    }
  for (let k = 0; k < 50; k++) for (const d of [-1, 0, 1]) if (2 ** k + d > 0 && 2 ** k + d < 1e15) out.push(2 ** k + d);
  for (let m = 0; m <= 21; m++) for (let j = 0; 5 ** m * 2 ** j < 1e15; j += 3) out.push(5 ** m * 2 ** j);
  return out;
}

describe("netIntegerToDouble (doubles) equals netNumberToDoubleBig (BigInt)", () => {
  it("for every scale from -360 to 360 over integers of 1-15 digits, both signs", () => {
    const r = rng(4242);
    const vs = integers(r);
    let checked = 0;
    for (let sc = -360; sc <= 360; sc++)
      for (let k = 0; k < vs.length; k += 1 + (Math.abs(sc) > 30 ? 3 : 0)) {
        const v = vs[k]!;
        const neg = (k + sc) % 2 === 0;
        const got = netIntegerToDouble(v, sc, neg);
        const want = reference(v, sc, neg);
        if (bitsOf(got) !== bitsOf(want)) expect(bitsOf(got), `${neg ? "-" : ""}${v}e${sc}`).toBe(bitsOf(want));
        checked++;
      }
    expect(checked).toBeGreaterThan(100000);
  });
  it("around the denormal thresholds and the top of the range", () => {
    const r = rng(99);
    for (let k = 0; k < 40000; k++) {
      const len = 1 + Math.floor(r() * 15);
      let s = String(1 + Math.floor(r() * 9));
      for (let i = 1; i < len; i++) s += String(Math.floor(r() * 10));
      const v = Number(s);
      // decimal exponents where the value is near 4.9e-324 / 2.5e-324 / 2.2e-308 / 1.8e308
      const target = [-324, -323, -308, -307, 308, 309][k % 6]!;
      const sc = target - (len - 1) + Math.floor(r() * 3) - 1;
      expect(bitsOf(netIntegerToDouble(v, sc, false)), `${v}e${sc}`).toBe(bitsOf(reference(v, sc, false)));
    }
    // 15-digit neighbours of Epsilon's threshold, 2.4703282292062327E-324, and of Epsilon
    for (let d = -30; d <= 30; d++) {
      expect(bitsOf(netIntegerToDouble(247032822920623 + d, -338, false))).toBe(bitsOf(reference(247032822920623 + d, -338, false)));
      expect(bitsOf(netIntegerToDouble(494065645841246 + d, -338, true))).toBe(bitsOf(reference(494065645841246 + d, -338, true)));
    }
    for (const [v, sc] of [[49406564584124654, -340], [24703282292062327, -340], [5, -324], [247, -326], [25, -325], [18, 307], [17976931348623157, 292]] as const) {
      const digits = String(v);
      expect(bitsOf(netNumberToDouble(digits, sc + digits.length, false))).toBe(bitsOf(netNumberToDoubleBig(digits, sc + digits.length, false)));
    }
  });
  it("netNumberToDouble takes the double form up to 15 digits, leading zeros and zero included", () => {
    const r = rng(7);
    for (let k = 0; k < 20000; k++) {
      const zeros = "0".repeat(Math.floor(r() * 3));
      const len = Math.floor(r() * 16 - zeros.length);
      let s = zeros;
      for (let i = 0; i < len; i++) s += String(Math.floor(r() * 10));
      const scale = Math.floor(r() * 700) - 350;
      const neg = r() < 0.5;
      expect(bitsOf(netNumberToDouble(s, scale, neg)), `${neg ? "-" : ""}0.${s}e${scale}`).toBe(bitsOf(netNumberToDoubleBig(s, scale, neg)));
    }
  });
});

describe("the rounding step on 32-bit halves equals the BigInt one", () => {
  it("for normalized mantissas near every rounding case (ties, all ones: the carry past 2^64) at every exponent from denormal to overflow", () => {
    const r = rng(12);
    const r32 = () => Math.floor(r() * 2 ** 32);
    const his = [0x80000000, 0xffffffff, 0x80000001, 0xfffffffe];
    const los = [0, 0x3ff, 0x400, 0x401, 0x7ff, 0x800, 0xbff, 0xc00, 0x57, 0x58, 0x59, 0xfffffbff, 0xfffffc00, 0xfffffdff, 0xfffffe00, 0xffffffff];
    let checked = 0;
    for (let exp = -1100; exp <= 1060; exp++) {
      const e = exp + 0x3fe;
      const dense = e <= 0 ? e >= -60 : e >= 0x7f0 || e < 8;
      const pairs: [number, number][] = [];
      for (const hi of his) for (const lo of los) pairs.push([hi, lo]);
      for (let k = 0; k < (dense ? 40 : 3); k++) pairs.push([0x80000000 + Math.floor(r() * 2 ** 31), r() < 0.5 ? r32() : ((r32() & ~0x7ff) | pick11(r)) >>> 0]);
      if (!dense && exp % 7 !== 0) continue;
      for (const [hi, lo] of pairs)
        for (const neg of [false, true]) {
          const want = roundToDouble((BigInt(hi) << 32n) | BigInt(lo), exp, neg);
          const got = roundHalvesToDouble(hi, lo, exp, neg);
          if (bitsOf(got) !== bitsOf(want)) expect(bitsOf(got), `${hi.toString(16)}:${lo.toString(16)} exp ${exp}`).toBe(bitsOf(want));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(20000);
  });
});
/** Low 11 bits around the rounding point (0x400) and its neighbours. */
function pick11(r: () => number): number {
  return [0x3ff, 0x400, 0x401, 0x7ff, 0, 0x200][Math.floor(r() * 6)]!;
}

describe("a decimal that is a double exactly, .NET reads back exactly (the writer's shortcut)", () => {
  it("holds for every such decimal of up to 15 digits in the writer's range (1e-4 to 1e15): dyadic fractions and integers", () => {
    const r = rng(2718);
    let checked = 0;
    for (let k = 0; k < 60000; k++) {
      // m / 2^j: a finite decimal with j fraction digits (exact); integers when j is 0
      const j = Math.floor(r() * 40);
      const m = Math.floor(r() * 2 ** Math.floor(1 + r() * 52));
      const x = m / 2 ** j;
      if (!(x >= 1e-4 && x < 1e15)) continue;
      const s = String(x);
      // the significant digits as the writer passes them: no leading or trailing zeros
      const digits = s.replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
      if (digits.length > 15) continue;
      // value = 0.digits × 10^scale
      const dot = s.indexOf(".");
      const intDigits = dot < 0 ? s.length : dot;
      const scale = s.startsWith("0.") ? -(s.slice(2).length - s.slice(2).replace(/^0+/, "").length) : intDigits;
      expect(netNumberToDoubleBig(digits, scale, false), s).toBe(x);
      expect(netNumberToDoubleBig(digits, scale, true), s).toBe(-x);
      checked++;
    }
    expect(checked).toBeGreaterThan(10000);
  });
});

describe("the JSON writer's doubles", () => {
  it("are the R format's text (with .0 when integral) for short decimals, dyadic values and random doubles", () => {
    const r = rng(31);
    const xs: number[] = [0.5, 0.25, 1.5, 43.75, 9.5, 20.25, 19.99, 0.1, 0.3, 1e-4, 0.00011, 999999999999999, 123456789012345.6, 4300, 1e14, 0.30000000000000004];
    for (let k = 0; k < 40000; k++) {
      const kind = k % 4;
      if (kind === 3) xs.push(Math.floor(r() * 2 ** Math.floor(1 + r() * 52)) / 2 ** Math.floor(r() * 40));
      else if (kind === 0) xs.push(Math.round(r() * 10 ** (1 + Math.floor(r() * 9))) / 10 ** Math.floor(r() * 9));
      else if (kind === 1) xs.push((5 ** Math.floor(r() * 10) * 2 ** Math.floor(r() * 20)) / 2 ** Math.floor(r() * 40));
      else xs.push((r() - 0.5) * 10 ** Math.floor(r() * 22 - 6));
    }
    for (const x of xs) {
      const want = fmtRoundTrip(x);
      expect(new JValue(7, x).ToString(0), String(x)).toBe(/[.eE]/.test(want) ? want : `${want}.0`);
    }
  });
});

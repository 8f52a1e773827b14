// The fuzzer's learned difference for the C runtime's transcendental functions (fuzz.ts
// crtMathArtefact): Math.Sin & co. may differ by an ulp between libms; any other difference is a mismatch.
import { describe, expect, it } from "vitest";
import { crtMathArtefact } from "./generate/fuzz.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";
import { evaluateWithApimc, type ApimcResult } from "./apimc-eval.js";

const value = (text: string) => ({ kind: "value", text }) as ReferenceResult & ApimcResult;
const c = (expr: string): DiffCase => ({ id: "t", type: "string", expr });
const next = (x: number, k = 1) => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  b.setBigUint64(0, b.getBigUint64(0) + BigInt(k));
  return b.getFloat64(0);
};

describe("CRT math artefacts (fuzz.ts)", () => {
  const sin = Math.sin(-2.5);
  it("accepts a 1-ulp difference in R (17-digit) text of a Math.Sin/Cos/Pow/Log result", () => {
    for (const f of ["Math.Sin(-2.5)", "Math.Cos(x)", "Math.Pow(10, -307)", "Math.Log(3, 7)", "Math . Atan2(1, 2)"])
      for (const k of [1, -1, 3]) expect(crtMathArtefact(c(`${f}.ToString("R")`), value(sin.toPrecision(17)), value(next(sin, k).toPrecision(17))), `${f} ${k}`).toBe(true);
  });
  it("accepts one unit of the last printed digit (ToString()'s 15 digits) inside other text", () => {
    expect(crtMathArtefact(c(`"s=" + Math.Sin(x) + "|" + 1`), value("s=-0.598472144103957|1"), value("s=-0.598472144103956|1"))).toBe(true);
    expect(crtMathArtefact(c(`Math.Exp(700)`), value("1.01423205791393E+304"), value("1.01423205791394E+304"))).toBe(true);
  });
  it("accepts Mono's unreduced argument (x87) for Sin/Cos/Tan of a magnitude of 2^63 or more", () => {
    // (Mono's text is the argument as .NET prints it; apimc's is the reduced value)
    for (const [f, x, mono] of [["Sin", 1e21, "1E+21"], ["Cos", -9.3e18, "-9.3E+18"], ["Tan", 2 ** 70, "1.18059162071741E+21"]] as const)
      expect(crtMathArtefact(c(`Math.${f}((${x} - double.Parse("-0")))`), value(mono), value(String(Math[f.toLowerCase() as "sin" | "cos" | "tan"](x)))), f).toBe(true);
    // below 2^63, an argument outside [-1, 1] for Sin/Cos, or another function: a mismatch
    expect(crtMathArtefact(c(`Math.Sin(1e18)`), value("1E+18"), value("-0.9929693207404051"))).toBe(false);
    expect(crtMathArtefact(c(`Math.Sin(1e21)`), value("1E+21"), value("2.5"))).toBe(false);
    expect(crtMathArtefact(c(`Math.Exp(1e21)`), value("1E+21"), value("0.5"))).toBe(false);
  });
  it("rejects every other difference", () => {
    const sinCase = c(`Math.Sin(-2.5) + "|" + x`);
    // no CRT call in the case
    expect(crtMathArtefact(c(`Math.Sqrt(2.0).ToString("R")`), value(sin.toPrecision(17)), value(next(sin).toPrecision(17)))).toBe(false);
    expect(crtMathArtefact(c(`MySin(-2.5)`), value(sin.toPrecision(17)), value(next(sin).toPrecision(17)))).toBe(false);
    // more than 4 ulps, or two units of the last printed digit
    expect(crtMathArtefact(sinCase, value(sin.toPrecision(17)), value(next(sin, 5).toPrecision(17)))).toBe(false);
    expect(crtMathArtefact(sinCase, value("-0.598472144103957"), value("-0.598472144103955"))).toBe(false);
    // the non-numeric text, the sign, the count of numbers, NaN/Infinity, non-values
    expect(crtMathArtefact(sinCase, value("-0.598472144103957|a"), value("-0.598472144103956|b"))).toBe(false);
    expect(crtMathArtefact(sinCase, value("0"), value("-0"))).toBe(false);
    expect(crtMathArtefact(sinCase, value("1|2"), value("1|2|3"))).toBe(false);
    expect(crtMathArtefact(sinCase, value("NaN"), value("Infinity"))).toBe(false);
    expect(crtMathArtefact(sinCase, value("1"), { kind: "throw", type: "System.OverflowException", message: "" } as ApimcResult)).toBe(false);
    expect(crtMathArtefact(sinCase, value("12"), value("13"))).toBe(false);
  });
});

describe("answers that hang on the last bit of a C runtime function (crtIllConditioned)", () => {
  const c = (expr: string): DiffCase => ({ id: "t", type: "double", expr });
  it("sets aside a periodic function of a huge product of a CRT result", async () => {
    const { crtIllConditioned } = await import("./generate/fuzz.js");
    const e = c(`Math.Tan((double.MaxValue * Math.Cos(1e15)))`);
    const a = await evaluateWithApimc(e);
    expect(await crtIllConditioned(e, { kind: "value", text: "-0.58597401567091345" }, a)).toBe(true);
  });
  it("keeps well-conditioned cases, cases without a CRT call, and exceptions", async () => {
    const { crtIllConditioned } = await import("./generate/fuzz.js");
    for (const expr of [`Math.Cos(1e15)`, `Math.Sin(0.5) * 2`, `Math.Pow(2.5, 3.5)`, `Math.Sqrt(2) * 1e300`]) {
      const e = c(expr);
      expect(await crtIllConditioned(e, { kind: "value", text: "1" }, await evaluateWithApimc(e)), expr).toBe(false);
    }
    const t = c(`Math.Tan(double.MaxValue * Math.Cos(1e15)) + int.Parse("x")`);
    expect(await crtIllConditioned(t, { kind: "throw", type: "FormatException" }, await evaluateWithApimc(t))).toBe(false);
  });
});

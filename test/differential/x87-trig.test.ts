// Mono's x87 Math.Sin/Math.Cos (generate/x87-trig.ts) and the fuzzer's rule built on it
// (fuzz.ts x87TrigArtefact): the emulation reproduces Mono's recorded answers, and the rule accepts a
// differing case only when the emulated run gives Mono's answer.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { x87Cos, x87Sin } from "./generate/x87-trig.js";
import { x87TrigArtefact } from "./generate/fuzz.js";
import { evaluateWithApimc, type ApimcResult } from "./apimc-eval.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";

const MONO: { rows: [string, string, string][] } = JSON.parse(readFileSync(new URL("./data/x87-trig-mono.json", import.meta.url), "utf8"));
function ulps(a: number, b: number): number {
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  const ordered = (i: bigint) => (i < 0n ? -(i & 0x7fffffffffffffffn) : i);
  const d = ordered(v.getBigInt64(0)) - ordered(v.getBigInt64(8));
  return Number(d < 0n ? -d : d);
}
const c = (expr: string, type = "string"): DiffCase => ({ id: "t", type, expr });
const value = (text: string) => ({ kind: "value", text }) as ReferenceResult & ApimcResult;

describe("x87 FSIN/FCOS emulation against Mono's recorded answers", () => {
  it("is within 4 ulps of Mono for every recorded argument (2^0..2^64)", () => {
    const off = MONO.rows.flatMap(([x, s, co]) => [
      ...(ulps(x87Sin(Number(x)), Number(s)) > 4 ? [`Sin(${x}) ${x87Sin(Number(x))} vs ${s}`] : []),
      ...(ulps(x87Cos(Number(x)), Number(co)) > 4 ? [`Cos(${x}) ${x87Cos(Number(x))} vs ${co}`] : []),
    ]);
    expect(off).toEqual([]);
  });
  it("differs from the correctly reduced value where the recorded answers do (the data can tell them apart)", () => {
    const large = MONO.rows.filter(([x]) => Math.abs(Number(x)) >= 2 ** 24);
    expect(large.length).toBeGreaterThan(300);
    const plainOff = large.filter(([x, s]) => ulps(Math.sin(Number(x)), Number(s)) > 4).length;
    expect(plainOff / large.length).toBeGreaterThan(0.95);
  });
});

describe("fuzz.ts x87TrigArtefact", () => {
  it("accepts Mono's x87 answers where apimc's CRT-style value differs", async () => {
    const cos = c(`Math.Cos((new List<double> { 1e15 }).First())`, "double");
    const a = await evaluateWithApimc(cos);
    expect(a).toEqual(value("-0.51319373778697019"));
    expect(await x87TrigArtefact(cos, value("-0.51319484273953742"), a)).toBe(true);
    const sin = c(`"s=" + Math.Sin(123456789012.5).ToString("R") + "|" + Math.Cos(-3e17)`);
    const mono = `s=${x87Sin(123456789012.5).toPrecision(17)}|${Number(x87Cos(-3e17).toPrecision(15))}`;
    expect(await x87TrigArtefact(sin, value(mono), await evaluateWithApimc(sin))).toBe(true);
    // 2^63 and more: the operand itself
    const big = c(`Math.Sin(1e21)`, "double");
    expect(await x87TrigArtefact(big, value("1E+21"), await evaluateWithApimc(big))).toBe(true);
  });
  it("rejects answers the emulation does not give", async () => {
    const cos = c(`Math.Cos((new List<double> { 1e15 }).First())`, "double");
    const a = await evaluateWithApimc(cos);
    // 100 ulps away from the x87 value, another sign, a thrown exception
    const far = x87Cos(1e15) + 100 * 2 ** -53;
    expect(await x87TrigArtefact(cos, value(String(far)), a)).toBe(false);
    expect(await x87TrigArtefact(cos, value("0.51319484273953742"), a)).toBe(false);
    expect(await x87TrigArtefact(cos, { kind: "throw", type: "OverflowException", message: "" } as ReferenceResult, a)).toBe(false);
    // Tan is libm's on Mono (not emulated); no Sin/Cos call; apimc failed to compile
    const tan = c(`Math.Tan(1e15)`, "double");
    expect(await x87TrigArtefact(tan, value(String(Math.tan(1e15) + 1e-9)), await evaluateWithApimc(tan))).toBe(false);
    expect(await x87TrigArtefact(c(`Math.Sqrt(1e15)`, "double"), value("1"), value("2"))).toBe(false);
    expect(await x87TrigArtefact(cos, value("-0.51319484273953742"), { kind: "compile-error", message: "", codes: [] })).toBe(false);
  });
  it("leaves Math.sin and Math.cos as they were", async () => {
    const { sin, cos } = Math;
    await x87TrigArtefact(c(`Math.Sin(1e15)`, "double"), value("0"), value("1"));
    expect([Math.sin, Math.cos]).toEqual([sin, cos]);
  });
});

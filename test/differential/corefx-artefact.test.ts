// The fuzzer's one learned Mono-vs-.NET Framework LINQ difference (fuzz.ts corefxArtefact): Mono's
// corefx LINQ skips key selectors / selectors that .NET Framework runs. It accepts a case only when
// apimc, emulating exactly those shortcuts, reproduces Mono's answer; anything else stays a mismatch.
import { describe, expect, it } from "vitest";
import { evaluateWithApimc } from "./apimc-eval.js";
import { corefxArtefact } from "./generate/fuzz.js";
import type { DiffCase } from "./cases.js";
import type { ReferenceResult } from "./csharp-harness.js";

const value = (text: string): ReferenceResult => ({ kind: "value", text }) as ReferenceResult;
const c = (expr: string, type = "int"): DiffCase => ({ id: "t", type, expr });

describe("corefx LINQ artefacts (fuzz.ts)", () => {
  // [expression, Mono's answer]: .NET Framework (and apimc) throw instead
  const known: [string, string, string][] = [
    ["new List<double> { 0.0 }.OrderByDescending(v0 => new List<string>().FindIndex(3, v1 => true)).Count()", "int", "1"],
    ["new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).Skip(5).Count()", "int", "0"],
    ["new[] { 1, 2 }.Select(x => 10 / (x - 1)).Skip(1).Count()", "int", "1"],
    ["new List<double>().GroupJoin(new List<string> { \"-42\" }, v0 => 0.0, v1 => new Queue<double>().Peek(), (v2, v3) => 0L).LongCount()", "long", "0"],
    ["new List<int>().Join(new[] { 1 }, a => a, b => 10 / (b - 1), (a, b) => a).Count()", "int", "0"],
    // Join computes no outer keys when the inner lookup is empty
    ["new[] { 1, 2 }.Join(new List<int>(), a => 10 / (a - 1), b => b, (a, b) => a).Count()", "int", "0"],
    // Single(predicate) stops at the second match (.NET Framework tests every element)
    ["new[] { 1, 2, 0 }.Single(x => 10 / x > 0)", "int", "!InvalidOperationException"],
    // ElementAt(i) of a Select over a list runs only the i-th selector
    ["new List<int> { 0, 1 }.Select(x => 10 / x).ElementAt(1)", "int", "10"],
    ["new List<int> { 0 }.Select(x => 10 / x).ElementAtOrDefault(2)", "int", "0"],
    // Reverse() of an ordered sequence counts its source without keys
    ["new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).Reverse().Count()", "int", "2"],
    // Min over double/float (nullable too) returns at a NaN after the first value (.NET Framework reads on)
    ["new List<double> { 5, double.NaN, 0 }.Min(v => v == 0 ? 10 / (int)v : v)", "double", "NaN"],
    ["new List<double> { 5, double.NaN, 0 }.Select(v => v == 0 ? 10 / (int)v : v).Min()", "double", "NaN"],
    ["new List<float> { 5, float.NaN, 0 }.Select(v => v == 0 ? 10 / (int)v : v).Min()", "float", "NaN"],
    ["new List<double?> { null, 5, double.NaN, 0 }.Min(v => v == 0 ? 10 / (int)v.Value : v)", "double?", "NaN"],
    ["new List<float?> { 5, float.NaN, 0 }.Min(v => v == 0 ? 10 / (int)v.Value : v)", "float?", "NaN"],
    // partitions (linq-corefx.ts): Take(2).Skip(3) is empty at once; Skip of a Select over a list or a partition runs no skipped selector
    ["new List<int> { 1 }.Select((v, i) => 10 / (v - 1)).Take(2).Skip(3).Count()", "int", "0"],
    ["new List<int> { 1 }.Where(v => 10 / (v - 1) > 0).Take(2).Skip(3).LongCount()", "long", "0"],
    ["new[] { 1, 2, 3 }.Skip(2).Select(x => 10 / (x - 3)).Skip(3).Count()", "int", "0"],
    ["new[] { 0, 1, 2 }.Select(x => 10 / x).Skip(2).Single()", "int", "5"],
    ["new List<object> { \"a\" }.Cast<int>().Take(3).ElementAtOrDefault(5)", "int", "0"],
    // ordered partitions and picks: no keys when nothing is left, keys only for the compared elements
    ["new[] { 1, 2, 3 }.OrderBy(x => 10 / (x - 1)).Skip(2).Skip(3).Count()", "int", "0"],
    ["new[] { 1, 2, 3 }.OrderBy(x => 10 / (x - 1)).Take(2).Count()", "int", "2"],
    ["new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).OrderByDescending(x => x).Count()", "int", "2"],
    ["new[] { 1 }.OrderBy(x => 10 / (x - 1)).ElementAtOrDefault(5)", "int", "0"],
    ["new[] { 1 }.OrderBy(x => 10 / (x - 1)).ElementAt(5)", "int", "!ArgumentOutOfRangeException"],
    ["new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).First(x => x == 2)", "int", "2"],
    ["new[] { 1, 2 }.OrderByDescending(x => 10 / (x - 1)).LastOrDefault(x => false)", "int", "0"],
    ["new[] { 1, 3 }.OrderBy(x => x > 1).ThenBy(x => 10 / (x - 3)).First()", "int", "1"],
    // GroupBy with a result selector counts its groups without the result selector (seed 34416)
    ["new List<string> { \"-42\" }.GroupBy(v => 0m, v => true, (k, g) => checked((int)(double)(object)(1e15)), new HashSet<decimal>().Comparer).Count()", "int", "1"],
    ["new[] { 1, 2 }.GroupBy(v => v, (k, g) => 10 / (k - 1)).Count()", "int", "2"],
    // Concat/Append/Prepend count their parts with Count(): an ordered part without keys
    ["new List<int>().Concat(new[] { 1 }.OrderBy(x => 10 / (x - 1))).Count()", "int", "1"],
    ["new[] { 1 }.OrderBy(x => 10 / (x - 1)).Append(5).Count()", "int", "2"],
  ];
  for (const [expr, type, mono] of known)
    it(`accepts Mono's ${mono} for ${expr.slice(0, 60)}…`, async () => {
      const a = await evaluateWithApimc(c(expr, type));
      expect(a.kind).toBe("throw");
      const cs = mono.startsWith("!") ? ({ kind: "throw", type: mono.slice(1), message: "" } as ReferenceResult) : value(mono);
      expect(await corefxArtefact(c(expr, type), cs, a)).toBe(true);
    });
  it("accepts Mono's other exception when corefx's Join pulls the outer sequence before the inner keys", async () => {
    const e = c(`new[] { 1 }.SkipWhile(v => ((string)null).Length > 0).Join(new[] { "x" }, v => v, w => new List<int>().Single(), (v, w) => v).Count()`);
    const a = await evaluateWithApimc(e);
    expect(a.kind === "throw" && a.type).toBe("InvalidOperationException");
    const mono = { kind: "throw", type: "NullReferenceException", message: "" } as ReferenceResult;
    expect(await corefxArtefact(e, mono, a)).toBe(true);
    expect(await corefxArtefact(e, { kind: "throw", type: "FormatException", message: "" } as ReferenceResult, a)).toBe(false);
  });
  it("accepts Mono's null answer the same way, and rejects null where the emulation gives a value (seed 34411: GroupJoin with a comparer over an empty outer)", async () => {
    const nul = { kind: "null" } as ReferenceResult;
    const e = c(`new List<string> { "x" }.Find(x => new List<long>().GroupJoin(new[] { 1m }, v => true, w => new[] { true, true }.Single(v3 => true), (v, ws) => 0, new HashSet<bool>().Comparer).Any())`, "string");
    const a = await evaluateWithApimc(e);
    expect(a.kind === "throw" && a.type).toBe("InvalidOperationException");
    expect(await corefxArtefact(e, nul, a)).toBe(true);
    const other = c(`new List<long>().GroupJoin(new[] { 1m }, v => true, w => new[] { true, true }.Single(v3 => true), (v, ws) => 0, new HashSet<bool>().Comparer).Count()`);
    expect(await corefxArtefact(other, nul, await evaluateWithApimc(other))).toBe(false);
  });
  it("rejects a throw the emulation does not explain, and a wrong value", async () => {
    const bug = c(`int.Parse("x") + new[] { 1 }.OrderBy(x => x).Count()`);
    expect(await corefxArtefact(bug, value("1"), await evaluateWithApimc(bug))).toBe(false);
    const wrong = c("new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).Count()");
    expect(await corefxArtefact(wrong, value("3"), await evaluateWithApimc(wrong))).toBe(false);
  });
  it("rejects Min's NaN as the first value, Max's NaN and a NaN of object type (corefx reads on there too)", async () => {
    for (const [expr, type] of [
      ["new List<double> { double.NaN, 0 }.Min(v => v == 0 ? 10 / (int)v : v)", "double"],
      ["new List<double?> { null, double.NaN, 0 }.Min(v => v == 0 ? 10 / (int)v.Value : v)", "double?"],
      ["new List<double> { 5, double.NaN, 0 }.Max(v => v == 0 ? 10 / (int)v : v)", "double"],
      ["new List<double> { 5, double.NaN, 0 }.Select(v => v == 0 ? 10 / (int)v : v).Min(v => (object)v)", "object"],
    ]) {
      const a = await evaluateWithApimc(c(expr!, type));
      expect(a.kind, expr).toBe("throw");
      expect(await corefxArtefact(c(expr!, type), value("NaN"), a), expr).toBe(false);
    }
  });
  it("rejects the partition neighbours corefx does not shortcut (a range that reaches an element, Where, indexed Select, a compared key)", async () => {
    for (const [expr, type, claimed] of [
      ["new List<int> { 1, 2, 3 }.Select((v, i) => 10 / (v - 3)).Take(3).Skip(2).Count()", "int", "1"],
      ["new[] { 0, 1 }.Where(x => 10 / x > 0).Skip(1).Count()", "int", "1"],
      ["new[] { 0, 1 }.Select((x, i) => 10 / x).Skip(1).Count()", "int", "1"],
      ["new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).First(x => x == 1)", "int", "1"],
      ["new[] { 1, 2, 3 }.OrderBy(x => 10 / (x - 1)).Skip(2).Sum()", "int", "3"],
      ["new[] { 1 }.OrderBy(x => 10 / (x - 1)).ElementAtOrDefault(0)", "int", "1"],
      ["new[] { 1 }.Concat(new[] { 1 }.Select((x, i) => 10 / (x - 1))).Count()", "int", "2"],
      // a key selector's exception still comes (corefx builds the lookup to count it)
      ["new[] { 1, 2 }.GroupBy(v => 10 / (v - 1), (k, g) => k).Count()", "int", "2"],
    ]) {
      const a = await evaluateWithApimc(c(expr!, type));
      expect(a.kind, expr).toBe("throw");
      expect(await corefxArtefact(c(expr!, type), value(claimed!), a), expr).toBe(false);
    }
  });
  it("leaves the runtime in .NET Framework mode afterwards", async () => {
    const e = c("new[] { 1, 2 }.OrderBy(x => 10 / (x - 1)).Count()");
    await corefxArtefact(e, value("2"), await evaluateWithApimc(e));
    expect((await evaluateWithApimc(e)).kind).toBe("throw");
  });
});

// The value representations of decimal (exact Decimal), long (number while safe, BigInt beyond) and
// boxed value types (NumBox) — see compiler/csharp/lower.ts. The differential suite compares these
// with C#; here: the generated code of the common paths stays plain JS, and realistic policy
// patterns over the new representations run (no BigInt/number mixing errors).
import { describe, expect, it } from "vitest";
import { compile, evaluate, makeContext } from "./helpers.js";

describe("common paths stay plain JS", () => {
  it("int, double, string and bool operators emit no runtime helper", () => {
    for (const src of [
      `@{ int a = int.Parse("3"); int b = a * 2 + 1; return b > 5; }`,
      `@{ double d = double.Parse("1.5"); return d * 2 + 0.5 < 4; }`,
      `@{ string s = "a"; return s + "b" == "ab" && true; }`,
    ]) {
      const c = compile(src);
      expect(c.ok).toBe(true);
      expect([...c.helpers].filter((h) => /^(l|dec)[A-Z]|^(ladd|lsub|lmul|ldiv|lmod|decAdd|boxNum)$/.test(h))).toEqual([]);
    }
  });
  it("int and fractional double values stored in context.Variables stay plain numbers; an integral double is a boxed double", () => {
    const ctx = makeContext();
    const c = compile(`@(1 + 2)`, "variable");
    expect(c.run(ctx)).toBe(3);
    expect(compile(`@(1.5 * 3)`, "variable").run(ctx)).toBe(4.5);
    expect(compile(`@(1.5 * 2)`, "variable").run(ctx)).toMatchObject({ v: 3, t: "double" });
  });
});

describe("DateTime compares its ticks", () => {
  it("==, !=, <, <=, >, >=, Equals and CompareTo see a difference of one tick, at every sub-millisecond position", () => {
    // Dates a tick apart around MinValue, 1970, 2020 and MaxValue, with the tick before, at and after a whole ms.
    const bases = ["0L", "621355968000000000L", "637134336000000000L", "3155378975999990000L"];
    for (const b of bases)
      for (const at of [0, 1, 4999, 9998]) {
        const x = `new DateTime(${b} + ${at}L)`;
        const y = `new DateTime(${b} + ${at + 1}L)`;
        const got = evaluate(`@($"{${x} == ${y}}|{${x} != ${y}}|{${x} < ${y}}|{${x} <= ${y}}|{${x} > ${y}}|{${y} >= ${x}}|{${x}.Equals(${y})}|{${x}.CompareTo(${y})}|{${y}.CompareTo(${x})}|{${x}.CompareTo(new DateTime(${x}.Ticks))}")`);
        expect(got, `${b} + ${at}`).toBe("False|True|True|True|False|True|False|-1|1|0");
      }
    expect(evaluate(`@(DateTime.MinValue >= new DateTime(1L, DateTimeKind.Unspecified))`)).toBe(false);
    expect(evaluate(`@(new[] { new DateTime(637134336000000002L), new DateTime(637134336000000001L) }.Min().Ticks)`)).toBe(637134336000000001n);
  });
});

describe("long beyond 2^53", () => {
  it("DateTime ticks arithmetic, formatting and conversions", () => {
    expect(evaluate(`@(new DateTime(2020, 1, 1).Ticks)`)).toBe(637134336000000000n);
    expect(evaluate(`@((new DateTime(2020, 1, 1, 0, 0, 1).Ticks - new DateTime(2020, 1, 1).Ticks) / TimeSpan.TicksPerMillisecond)`)).toBe(1000);
    expect(evaluate(`@(new DateTime(2020, 1, 1).Ticks.ToString("x"))`)).toBe("8d78e4d8b7c0000");
    expect(evaluate(`@($"{new DateTime(2020, 1, 1).Ticks,22}|{new DateTime(2020, 1, 1).Ticks:N0}")`)).toBe("    637134336000000000|637,134,336,000,000,000");
    expect(evaluate(`@((int)(new DateTime(2020, 1, 1).Ticks % 1000))`)).toBe(0);
    expect(evaluate(`@((double)new DateTime(2020, 1, 1).Ticks / 1e7)`)).toBe(63713433600);
    expect(evaluate(`@(new TimeSpan(new DateTime(2020, 1, 2).Ticks - new DateTime(2020, 1, 1).Ticks).TotalHours)`)).toBe(24);
    expect(evaluate(`@(Math.Max(new DateTime(2020, 1, 1).Ticks, 0) > 0)`)).toBe(true);
    expect(evaluate(`@(new[] { new DateTime(2021, 1, 1), new DateTime(2020, 1, 1) }.OrderBy(d => d.Ticks).First().Year)`)).toBe(2020);
  });
  it("ticks stored in a variable and read back", () => {
    const ctx = makeContext();
    ctx.Variables.set("start", compile(`@(new DateTime(2020, 1, 1).Ticks)`, "variable").run(ctx));
    expect(evaluate(`@((long)context.Variables["start"] + 1)`, ctx)).toBe(637134336000000001n);
    expect(evaluate(`@(context.Variables.GetValueOrDefault<long>("start") % 10)`, ctx)).toBe(0);
    expect(evaluate(`@(context.Variables.GetValueOrDefault<long>("missing", 5L))`, ctx)).toBe(5);
    expect(evaluate(`@(context.Variables["start"].ToString())`, ctx)).toBe("637134336000000000");
    expect(evaluate(`@(context.Variables["start"] is long)`, ctx)).toBe(true);
    expect(() => evaluate(`@((int)context.Variables["start"])`, ctx)).toThrow(/cast/i);
  });
  it("JSON of a long and of a decimal does not throw", () => {
    expect(evaluate(`@(new JObject { ["t"] = 5L, ["p"] = 1.5m }.ToString(Newtonsoft.Json.Formatting.None))`)).toBe(`{"t":5,"p":1.5}`);
    expect(evaluate(`@(JsonConvert.SerializeObject(new { n = 5L, d = 2.5m }))`)).toMatch(/"n":5/);
  });
});

describe("decimal", () => {
  it("is exact and keeps its scale", () => {
    expect(String(evaluate(`@(0.1m + 0.2m)`))).toBe("0.3");
    expect(String(evaluate(`@(1.50m * 2)`))).toBe("3.00");
    expect(evaluate(`@((1.10m).ToString("F3") + "|" + 2.5m)`)).toBe("1.100|2.5");
    expect(evaluate(`@(new List<decimal> { 1.5m, 2.25m }.Sum().ToString())`)).toBe("3.75");
  });
  it("decimal variables round-trip through context.Variables", () => {
    const ctx = makeContext();
    ctx.Variables.set("price", compile(`@(decimal.Parse("19.90"))`, "variable").run(ctx));
    expect(evaluate(`@(((decimal)context.Variables["price"] * 2).ToString())`, ctx)).toBe("39.80");
    expect(evaluate(`@(context.Variables.GetValueOrDefault<decimal>("price").ToString())`, ctx)).toBe("19.90");
    expect(evaluate(`@($"{context.Variables["price"]}")`, ctx)).toBe("19.90");
  });
});

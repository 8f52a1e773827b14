// mcs-variant.ts for checked(0 - x): every constant-zero literal form mcs compiles without the
// overflow check becomes a non-constant of the literal's own type; nothing else is touched.
import { describe, expect, it } from "vitest";
import { mcsVariant } from "./generate/mcs-variant.js";

describe("mcs variant of a constant-zero left operand of a subtraction", () => {
  it("makes each literal form non-constant with the type of its suffix", () => {
    const cases: [string, string][] = [
      ["0", "int"], ["00", "int"], ["0x0", "int"], ["0X00", "int"],
      ["0L", "long"], ["0l", "long"], ["0x0L", "long"],
      ["0u", "uint"], ["0U", "uint"],
      ["0UL", "ulong"], ["0ul", "ulong"], ["0LU", "ulong"], ["0lu", "ulong"], ["0Ul", "ulong"],
    ];
    for (const [lit, type] of cases) expect(mcsVariant(`checked(${lit} - x)`), lit).toBe(`checked(((${type})(object)${lit}) - x)`);
  });
  it("rewrites a parenthesized zero, a cast zero and a zero after unary minus", () => {
    expect(mcsVariant(`checked((0) - i)`)).toBe(`checked((((int)(object)0)) - i)`);
    expect(mcsVariant(`checked((0L) - l)`)).toBe(`checked((((long)(object)0L)) - l)`);
    expect(mcsVariant(`checked((long)0 - l)`)).toBe(`checked((long)((int)(object)0) - l)`);
    expect(mcsVariant(`(0 - x) + (0u-y)`)).toBe(`(((int)(object)0) - x) + (((uint)(object)0u)-y)`);
  });
  it("leaves other numbers, operators, call arguments and string text alone", () => {
    for (const e of [`10 - x`, `0.0 - x`, `0e0 - x`, `x - 0`, `x - 0L`, `f(0) - x`, `(a, 0) - x`, `a[0] - x`, `0 + x`, `"0 - 1" + '0'`, `v0 - x`, `x.0`, `0 -= 1`, `0 --x`])
      expect(mcsVariant(e), e).toBeNull();
  });
  it("makes a constant false after && and a negative zero in an initializer non-constant", () => {
    expect(mcsVariant(`(s.Overlaps(t) && false) ? "a" : "b"`)).toBe(`(s.Overlaps(t) && ((bool)(object)(false))) ? "a" : "b"`);
    expect(mcsVariant(`new double[] { -0.0 }[0]`)).toBe(`new double[] { ((double)(object)-0.0) }[0]`);
    expect(mcsVariant(`new float[] { 1f, -0f }`)).toBe(`new float[] { 1f, ((float)(object)-0f) }`);
    expect(mcsVariant(`(d.ContainsValue("a") && !true) ? "" : s.Peek()`)).toBe(`(d.ContainsValue("a") && ((bool)(object)(!true))) ? "" : s.Peek()`);
    expect(mcsVariant(`(f() & false) ? 1 : 2`)).toBe(`(f() & ((bool)(object)(false))) ? 1 : 2`);
    expect(mcsVariant(`x && (!true)`)).toBe(`x && ((bool)(object)((!true)))`);
    // named constants: enum members and the numeric limits
    expect(mcsVariant(`(s.SequenceEqual(t) && (Formatting.Indented != Formatting.Indented)) ? 1 : 2`)).toBe(`(s.SequenceEqual(t) && ((bool)(object)((Formatting.Indented != Formatting.Indented)))) ? 1 : 2`);
    expect(mcsVariant(`(f() && (int.MaxValue < 0)) ? 1 : 2`)).toBe(`(f() && ((bool)(object)((int.MaxValue < 0)))) ? 1 : 2`);
    expect(mcsVariant(`(f() && (x.Indented != Formatting.Indented)) ? 1 : 2`)).toBeNull();
    // a conditional of constants is a constant (seed 34407)
    expect(mcsVariant(`(f() && (true ? false : true)) ? 1 : 2`)).toBe(`(f() && ((bool)(object)((true ? false : true)))) ? 1 : 2`);
    expect(mcsVariant(`(h.CanTransformMultipleBlocks && ("" == "abc")) ? "3.14" : "123"`)).toBe(`(h.CanTransformMultipleBlocks && ((bool)(object)(("" == "abc")))) ? "3.14" : "123"`);
    expect(mcsVariant(`(f() & 1 == 2) | g()`)).toBe(`(f() & ((bool)(object)(1 == 2))) | g()`);
    expect(mcsVariant(`a && 1.5 > 2 || b && (long)3 != 3L ? x : y`)).toBe(`a && ((bool)(object)(1.5 > 2)) || b && ((bool)(object)((long)3 != 3L)) ? x : y`);
    for (const e of [`x && falsey`, `x && y.false`, `x || false`, `x &= true`, `x && y > 2`, `n & 3`, `x && s.Length == 0`, `x & f(1 == 2)`, `1 -0.0`, `new double[] { -0.5 }`, `"&& false"`]) expect(mcsVariant(e), e).toBeNull();
  });
});

describe("mcs variant of a zero or false operand of &", () => {
  it("makes a zero literal on either side of & and a false on its left non-constant", () => {
    expect(mcsVariant(`checked(0 & (int)(long)(object)long.MaxValue)`)).toBe(`checked(((int)(object)0) & (int)(long)(object)long.MaxValue)`);
    expect(mcsVariant(`(1 / z) & 0L`)).toBe(`(1 / z) & ((long)(object)0L)`);
    expect(mcsVariant(`false & (1 / z == 1)`)).toBe(`((bool)(object)false) & (1 / z == 1)`);
  });
  it("leaves &&, &=, other numbers and names alone", () => {
    for (const e of [`0 && x`, `x &= 0`, `1 & x`, `x & 10`, `x & 0.5`, `v0 & x`, `x & a0`]) expect(mcsVariant(e), e).toBeNull();
  });
});

describe("mcs variant of a lambda in a checked region", () => {
  it("wraps expression bodies in checked(...) and block bodies in a checked block, nested ones too", () => {
    expect(mcsVariant(`checked(a.GroupJoin(b, x => x, y => y, (x, g) => (long)(double)(object)1e21).Single())`)).toBe(
      `checked(a.GroupJoin(b, x => checked(x), y => checked(y), (x, g) => checked((long)(double)(object)1e21)).Single())`,
    );
    expect(mcsVariant(`{ checked { var f = new Func<int, int>(x => { return x + 1; }); return f(2).ToString(); } }`)).toBe(
      `{ checked { var f = new Func<int, int>(x => { checked { return x + 1; } }); return f(2).ToString(); } }`,
    );
    expect(mcsVariant(`checked(a.Select(x => b.Select(y => y + x).First()).First())`)).toBe(
      `checked(a.Select(x => checked(b.Select(y => checked(y + x)).First())).First())`,
    );
  });
  it("ends a body at its own comma or bracket, not at one in a string, a char or a generic argument list", () => {
    expect(mcsVariant(`checked(a.ToDictionary(x => new Dictionary<string, int>(), y => "a,)" + ',' + $"{y}),"))`)).toBe(
      `checked(a.ToDictionary(x => checked(new Dictionary<string, int>()), y => checked("a,)" + ',' + $"{y}),")))`,
    );
    expect(mcsVariant(`checked(a.Select(x => y => { return x; }))`)).toBe(`checked(a.Select(x => y => { checked { return x; } }))`);
  });
  it("leaves lambdas outside checked regions, or in an unchecked region inside one, alone", () => {
    for (const e of [`a.Select(x => x + 1).First()`, `unchecked(a.Select(x => x + 1).First())`, `checked(unchecked(a.Select(x => x).First()) + 1)`, `checked(1 + x) + a.Select(x => x).First()`, `"checked(a.Select(x => x))"`])
      expect(mcsVariant(e), e).toBeNull();
  });
});

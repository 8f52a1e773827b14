// Which expressions are C# constants (C# spec, "Constant expressions"): only constants are folded and
// checked for overflow at compile time, and only they may initialise a `const` or label a `case`.
import { describe, expect, it } from "vitest";
import { compile, evaluate } from "./helpers.js";

const rejects = (src: string) => {
  const c = compile(src, "any");
  expect(c.ok, src).toBe(false);
  return c.diagnostics[0]!.message;
};

describe("constant expressions", () => {
  const OPS = ["*", "+", "-"];
  it("a conditional whose branches are all constants is a constant: overflow is a compile-time error", () => {
    for (const op of OPS) {
      const big = op === "-" ? "int.MinValue" : "int.MaxValue";
      expect(rejects(`@(${big} ${op} (true ? 2 : 3))`)).toMatch(/overflows at compile time/);
      expect(rejects(`@(${big} ${op} (false ? 2 : 3))`)).toMatch(/overflows at compile time/);
      expect(rejects(`@{ const int k = true ? 2 : 3; return ${big} ${op} k; }`)).toMatch(/overflows at compile time/);
    }
  });
  it("a conditional with a non-constant branch is not a constant, even when its test is: it wraps at run time", () => {
    for (const op of OPS) {
      const big = op === "-" ? "int.MinValue" : "int.MaxValue";
      const wrap = (v: number) => v | 0;
      const ref = op === "*" ? wrap(2147483647 * 3) : op === "+" ? wrap(2147483647 + 3) : wrap(-2147483648 - 3);
      expect(evaluate(`@{ int x = 5; return ${big} ${op} (false ? x : 3); }`)).toBe(ref);
      expect(evaluate(`@{ int x = 5; return ${big} ${op} (true ? 3 : x); }`)).toBe(ref);
      expect(evaluate(`@{ int x = 5; return ${big} ${op} -(-(false ? x : 3)); }`)).toBe(ref);
      expect(rejects(`@{ int x = 5; const int k = false ? x : 3; return k; }`)).toMatch(/must be constant/);
    }
  });
  it("static readonly fields and `null ?? x` are not constants", () => {
    expect(evaluate(`@(int.MaxValue * (BitConverter.IsLittleEndian ? 2 : 3))`)).toBe(-2);
    expect(rejects(`@{ const string s = bool.TrueString; return s; }`)).toMatch(/must be constant/);
    expect(rejects(`@{ const int n = (null ?? "ab").Length; return n; }`)).toMatch(/must be constant/);
    expect(rejects(`@(null ?? 5)`)).toMatch(/Operator '\?\?' cannot be applied to operands of type '<null>' and 'int'/);
    expect(evaluate(`@(null ?? "ab")`)).toBe("ab");
  });
});

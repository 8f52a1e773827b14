// The binder on its own: implicit numeric conversions generated over every pair of numeric types and
// compared with the C# spec's table (ECMA-334 §10.2.3), overload resolution generated over argument
// type pairs over the surface's own overload sets (Math.Max/Min) and compared with the spec's
// better-conversion rules (§12.6.4), no single best member being APIMC3013 (CS0121), and diagnostics with their
// codes and positions.
import { describe, expect, it } from "vitest";
import { compile } from "../csharp/helpers.js";
import { lookupType, primName, signatureOf } from "../../compiler/csharp/types.js";

const NUMERIC = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char", "float", "double", "decimal"] as const;
type Num = (typeof NUMERIC)[number];

// ECMA-334 §10.2.3 Implicit numeric conversions (written out from the spec, not from the binder).
const IMPLICIT: Record<Num, Num[]> = {
  sbyte: ["short", "int", "long", "float", "double", "decimal"],
  byte: ["short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
  short: ["int", "long", "float", "double", "decimal"],
  ushort: ["int", "uint", "long", "ulong", "float", "double", "decimal"],
  int: ["long", "float", "double", "decimal"],
  uint: ["long", "ulong", "float", "double", "decimal"],
  long: ["float", "double", "decimal"],
  ulong: ["float", "double", "decimal"],
  char: ["ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
  float: ["double"],
  double: [],
  decimal: [],
};
const implicit = (s: Num, t: Num) => s === t || IMPLICIT[s].includes(t);

describe("binder: implicit numeric conversions over every pair of numeric types", () => {
  it.each(NUMERIC.flatMap((s) => NUMERIC.map((t) => [s, t] as const)))("%s → %s", (s, t) => {
    // `a` is a local, not a constant: the constant-expression conversions (§10.2.11) do not apply.
    const src = `@{ ${s} a = default(${s}); ${t} b = a; return b.ToString(); }`;
    const r = compile(src);
    if (implicit(s, t)) {
      expect(r.diagnostics.filter((d) => d.severity === "error"), src).toEqual([]);
    } else {
      const d = r.diagnostics.find((x) => x.severity === "error");
      expect(d, src).toBeDefined();
      expect(d!.code).toBe("APIMC3006");
      expect(d!.column).toBe(src.indexOf("= a;") + 3);
      expect(d!.message).toContain(`'${s}' to '${t}'`);
    }
  });

  it("constant expressions convert to smaller integral types when the value fits (§10.2.11)", () => {
    expect(compile(`@{ byte b = 255; return b; }`).ok).toBe(true);
    expect(compile(`@{ byte b = 256; return b; }`).diagnostics[0]?.code).toBe("APIMC3006");
    expect(compile(`@{ sbyte b = -128; return b; }`).ok).toBe(true);
    expect(compile(`@{ ushort b = -1; return b; }`).diagnostics[0]?.code).toBe("APIMC3006");
  });
});

describe("binder: overload resolution over generated argument type pairs", () => {
  const SIGNED_OVER_UNSIGNED: Partial<Record<Num, Num[]>> = { sbyte: ["byte", "ushort", "uint", "ulong"], short: ["ushort", "uint", "ulong"], int: ["uint", "ulong"], long: ["ulong"] };
  /** §12.6.4.7 better conversion target. */
  const betterTarget = (a: Num, b: Num) => (implicit(a, b) && !implicit(b, a)) || (SIGNED_OVER_UNSIGNED[a]?.includes(b) ?? false);
  /** §12.6.4.6 better conversion from an expression of type s: identity wins, then the better target. */
  const betterConv = (s: Num, a: Num, b: Num) => a !== b && (s === a || (s !== b && betterTarget(a, b)));
  /** C#'s pick among `candidates` (the element type of each two-parameter overload) for arguments of types s1, s2. */
  function best(candidates: Num[], s1: Num, s2: Num): Num | "ambiguous" | "none" {
    const app = candidates.filter((c) => implicit(s1, c) && implicit(s2, c));
    if (!app.length) return "none";
    const better = (u: Num, v: Num) => !betterConv(s1, v, u) && !betterConv(s2, v, u) && (betterConv(s1, u, v) || betterConv(s2, u, v));
    const wins = app.filter((u) => app.every((v) => u === v || better(u, v)));
    return wins.length === 1 ? wins[0]! : "ambiguous";
  }
  const pairs = NUMERIC.flatMap((s) => NUMERIC.map((t) => [s, t] as const));

  // The overload sets come from the surface tables (whatever overloads apimc offers, C#'s rules must pick among them).
  for (const method of ["Max", "Min"]) {
    const overloads = lookupType("Math", 0)!.members.get(method)!.map((m) => signatureOf(m).params.map((p) => primName(p.type)));
    const candidates = overloads.filter((ps) => ps.length === 2 && ps[0] === ps[1] && NUMERIC.includes(ps[0] as Num)).map((ps) => ps[0] as Num);
    it(`Math.${method}'s surface overloads are the numeric pairs`, () => {
      expect(candidates.length).toBeGreaterThanOrEqual(4);
    });
    it.each(pairs)(`Math.${method}(%s, %s)`, (a, b) => {
      const src = `@{ ${a} x = default(${a}); ${b} y = default(${b}); var m = Math.${method}(x, y); return m; }`;
      const want = best(candidates, a, b);
      // array elements, not constants: the constant-expression conversions (§10.2.11) do not apply
      const r = compile(`@(Math.${method}((new ${a}[1])[0], (new ${b}[1])[0]))`);
      const r2 = compile(src);
      const at = src.indexOf(`${method}(x`) + 1;
      if (want === "none") {
        expect(r2.diagnostics[0]?.code, src).toBe("APIMC3008");
        expect(r2.diagnostics[0]?.column, src).toBe(at);
      } else if (want === "ambiguous") {
        // CS0121: no single best member
        expect(r2.diagnostics[0]?.code, src).toBe("APIMC3013");
        expect(r2.diagnostics[0]?.column, src).toBe(at);
        expect(r2.diagnostics[0]?.message, src).toMatch(/ambiguous between .*'\w+ \w+\(\w+ val1, \w+ val2\)' and '/);
      } else {
        expect(r.type, src).toBe(want);
        expect(r2.ok, src).toBe(true);
      }
    });
  }

  it("identity beats widening, and a more specific parameter type beats object", () => {
    expect(compile(`@(Math.Abs((long)1))`).type).toBe("long");
    expect(compile(`@(Math.Abs(1))`).type).toBe("int");
    expect(compile(`@(Math.Abs(1.5f))`).type).toMatch(/^(float|double)$/);
    expect(compile(`@(string.Concat("a", "b"))`).type).toBe("string");
  });
});

describe("binder: diagnostics carry the code and the position of the offending name", () => {
  const prefix = "<policies>\n  <x v=\"";
  const cases: [string, string, string][] = [
    ["@(nope + 1)", "APIMC3003", "nope"],
    ["@(context.Request.Nope)", "APIMC3004", "Nope"],
    ["@(\"a\".Lenght)", "APIMC3004", "Lenght"],
    ["@{ int a = \"x\"; return a; }", "APIMC3006", "\"x\""],
    ["@{ return; }", "APIMC3007", "return"],
    ["@(Math.Max(\"a\", 1))", "APIMC3008", "Max"],
    ["@(System.IO.File.ReadAllText(\"x\"))", "APIMC3005", "System.IO.File"],
    ["@{ int a = 1; int a = 2; return a; }", "APIMC3012", "a = 2"],
  ];
  it.each(cases)("%s → %s", (src, code, at) => {
    const r = compile(src, "any", prefix);
    const d = r.diagnostics.find((x) => x.severity === "error");
    expect(d, src).toBeDefined();
    expect(d!.code).toBe(code);
    expect({ line: d!.line, column: d!.column }).toEqual({ line: 2, column: 9 + src.lastIndexOf(at) });
  });
});

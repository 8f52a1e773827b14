// The C# parser on its own. Precedence and associativity are checked by GENERATING random operator
// trees over the C# operator table (ECMA-334 §12.4.2), printing each fully parenthesised and with the
// fewest parentheses the table allows, parsing both and comparing with the generated tree. Then the
// ambiguities (casts vs parenthesised expressions, generic names vs less-than), lambdas, statements,
// and syntax errors with their codes and positions.
import { describe, expect, it } from "vitest";
import { Parser, ParseError, parseExpressionSource } from "../../compiler/csharp/parser.js";
import { typeNodeText, type Expr, type Stmt } from "../../compiler/csharp/ast.js";
import { compile } from "../csharp/helpers.js";
import { rng } from "../helpers/rng.js";


/** Parses one expression that must span the whole source. */
function parse(src: string): Expr {
  const p = new Parser(src);
  const e = p.expression();
  p.expectEnd();
  return e;
}

/** The tree as an S-expression, parentheses dropped: what precedence decided. */
function sx(e: Expr): string {
  switch (e.k) {
    case "name":
      return e.typeArgs ? `${e.name}<${e.typeArgs.map(typeNodeText).join(",")}>` : e.name;
    case "lit":
      return String(e.value);
    case "paren":
      return sx(e.expr);
    case "binary":
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case "unary":
      return `(${e.op}u ${sx(e.operand)})`;
    case "postfix":
      return `(${e.op}p ${sx(e.operand)})`;
    case "cond":
      return `(?: ${sx(e.test)} ${sx(e.then)} ${sx(e.else)})`;
    case "assign":
      return `(${e.op} ${sx(e.target)} ${sx(e.value)})`;
    case "cast":
      return `(cast ${typeNodeText(e.type)} ${sx(e.expr)})`;
    case "member":
      return `(. ${sx(e.target)} ${e.name}${e.typeArgs ? `<${e.typeArgs.map(typeNodeText).join(",")}>` : ""})`;
    case "call":
      return `(call ${sx(e.target)}${e.args.map((a) => " " + sx(a.expr)).join("")})`;
    case "index":
      return `(idx ${sx(e.target)}${e.args.map((a) => " " + sx(a.expr)).join("")})`;
    case "lambda":
      return `(=> (${e.params.map((p) => (p.type ? typeNodeText(p.type) + " " : "") + p.name).join(",")}) ${"k" in e.body && isExpr(e.body) ? sx(e.body) : "{}"})`;
    case "is":
      return `(is ${sx(e.expr)} ${e.type ? typeNodeText(e.type) : sx(e.constant!)}${e.designation ? " " + e.designation : ""})`;
    case "as":
      return `(as ${sx(e.expr)} ${typeNodeText(e.type)})`;
    default:
      return `<${e.k}>`;
  }
}
function isExpr(x: Expr | Stmt): x is Expr {
  return !["block", "expr", "return", "if", "local"].includes(x.k);
}

// ---- generated operator trees -------------------------------------------------------------------

type Node = { op: string; kind: "leaf" } | { op: string; kind: "bin" | "un"; kids: Node[] } | { op: "?:"; kind: "cond"; kids: Node[] } | { op: string; kind: "assign"; kids: Node[] };

// Precedence levels of ECMA-334 §12.4.2, higher binds tighter.
const LEVELS: [number, string[], "left" | "right"][] = [
  [12, ["*", "/", "%"], "left"],
  [11, ["+", "-"], "left"],
  [10, ["<<", ">>"], "left"],
  [9, ["<", ">", "<=", ">="], "left"],
  [8, ["==", "!="], "left"],
  [7, ["&"], "left"],
  [6, ["^"], "left"],
  [5, ["|"], "left"],
  [4, ["&&"], "left"],
  [3, ["||"], "left"],
  [2, ["??"], "right"],
];
const PREC = new Map<string, number>();
const ASSOC = new Map<string, "left" | "right">();
for (const [p, ops, a] of LEVELS) for (const o of ops) PREC.set(o, p), ASSOC.set(o, a);
const UNARY = ["-", "+", "!", "~"];
const ASSIGN = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="];
const UNARY_PREC = 13;
const COND_PREC = 1;
const ASSIGN_PREC = 0;

function prec(n: Node): number {
  switch (n.kind) {
    case "leaf":
      return 99;
    case "un":
      return UNARY_PREC;
    case "bin":
      return PREC.get(n.op)!;
    case "cond":
      return COND_PREC;
    case "assign":
      return ASSIGN_PREC;
  }
}

function gen(r: () => number, depth: number): Node {
  if (depth <= 0 || r() < 0.15) return { op: "abcdefgh"[Math.floor(r() * 8)]!, kind: "leaf" };
  const x = r();
  if (x < 0.6) {
    const [, ops] = LEVELS[Math.floor(r() * LEVELS.length)]!;
    return { op: ops[Math.floor(r() * ops.length)]!, kind: "bin", kids: [gen(r, depth - 1), gen(r, depth - 1)] };
  }
  if (x < 0.75) return { op: UNARY[Math.floor(r() * UNARY.length)]!, kind: "un", kids: [gen(r, depth - 1)] };
  if (x < 0.9) return { op: "?:", kind: "cond", kids: [gen(r, depth - 1), gen(r, depth - 1), gen(r, depth - 1)] };
  // Assignment targets are names (what the binder accepts); the value is any tree.
  return { op: ASSIGN[Math.floor(r() * ASSIGN.length)]!, kind: "assign", kids: [{ op: "xyz"[Math.floor(r() * 3)]!, kind: "leaf" }, gen(r, depth - 1)] };
}

function expected(n: Node): string {
  switch (n.kind) {
    case "leaf":
      return n.op;
    case "un":
      return `(${n.op}u ${expected(n.kids[0]!)})`;
    case "cond":
      return `(?: ${n.kids.map(expected).join(" ")})`;
    default:
      return `(${n.op} ${expected(n.kids[0]!)} ${expected(n.kids[1]!)})`;
  }
}

function full(n: Node): string {
  switch (n.kind) {
    case "leaf":
      return n.op;
    case "un":
      return `(${n.op} ${full(n.kids[0]!)})`;
    case "cond":
      return `(${full(n.kids[0]!)} ? ${full(n.kids[1]!)} : ${full(n.kids[2]!)})`;
    default:
      return `(${full(n.kids[0]!)} ${n.op} ${full(n.kids[1]!)})`;
  }
}

/** Parentheses only where the operator table needs them. */
function minimal(n: Node): string {
  const wrap = (c: Node, need: boolean) => (need ? `(${minimal(c)})` : minimal(c));
  switch (n.kind) {
    case "leaf":
      return n.op;
    case "un": {
      const k = n.kids[0]!;
      const inner = wrap(k, prec(k) < UNARY_PREC);
      // "- -a", not "--a" (a decrement).
      return (inner.startsWith(n.op) && (n.op === "-" || n.op === "+") ? `${n.op} ` : n.op) + inner;
    }
    case "cond": {
      const [t, a, b] = n.kids as [Node, Node, Node];
      // test: a null-coalescing expression; branches: any expression (right-associative).
      return `${wrap(t, prec(t) <= COND_PREC)} ? ${minimal(a)} : ${minimal(b)}`;
    }
    case "assign":
      return `${minimal(n.kids[0]!)} ${n.op} ${minimal(n.kids[1]!)}`;
    case "bin": {
      const p = prec(n);
      const [l, r] = n.kids as [Node, Node];
      const right = ASSOC.get(n.op) === "right";
      let ls = wrap(l, right ? prec(l) <= p : prec(l) < p);
      const rs = wrap(r, right ? prec(r) < p : prec(r) <= p);
      // `a < b > (c)` is a generic invocation in C# (§6.2.5): keep `(a < b) > ...` unambiguous.
      if (n.op === ">" && !ls.startsWith("(") && l.kind === "bin" && l.op === "<") ls = `(${ls})`;
      return `${ls} ${n.op} ${rs}`;
    }
  }
}

describe("C# parser: precedence and associativity over generated operator trees", () => {
  it("fully and minimally parenthesised prints of 3,000 random trees parse to the generated tree", () => {
    const r = rng(2024);
    let minimalChars = 0;
    let fullChars = 0;
    for (let i = 0; i < 3000; i++) {
      const tree = gen(r, 2 + (i % 4));
      const want = expected(tree);
      const f = full(tree);
      const m = minimal(tree);
      fullChars += f.length;
      minimalChars += m.length;
      expect(sx(parse(f)), f).toBe(want);
      expect(sx(parse(m)), m).toBe(want);
    }
    // The minimal printer really drops parentheses (otherwise the test would prove nothing).
    expect(minimalChars).toBeLessThan(fullChars * 0.9);
  });

  it("each pair of binary levels, both orders: the tighter operator groups first; equal levels group by associativity", () => {
    for (const [pa, opsA, assoc] of LEVELS)
      for (const [pb, opsB] of LEVELS)
        for (const a of opsA)
          for (const b of opsB) {
            const got = sx(parse(`x ${a} y ${b} z`));
            const leftFirst = pa > pb || (pa === pb && assoc === "left");
            expect(got, `x ${a} y ${b} z`).toBe(leftFirst ? `(${b} (${a} x y) z)` : `(${a} x (${b} y z))`);
          }
  });

  it("binary node positions: opPos points at the operator, pos..end covers the operands", () => {
    const src = "a  *  b +c<<d";
    const e = parse(src) as Extract<Expr, { k: "binary" }>;
    expect([e.op, src.slice(e.opPos, e.opPos + 2), e.pos, e.end]).toEqual(["<<", "<<", 0, src.length]);
    const l = e.left as Extract<Expr, { k: "binary" }>;
    expect([l.op, l.opPos, src.slice(l.pos, l.end)]).toEqual(["+", 8, "a  *  b +c"]);
  });

  it("unary, postfix, member access and calls bind tighter than every binary operator", () => {
    expect(sx(parse("-a.b(c)[d] * e++"))).toBe("(* (-u (idx (call (. a b) c) d)) (++p e))");
    expect(sx(parse("!a && !b"))).toBe("(&& (!u a) (!u b))");
    expect(sx(parse("~a ^ -b"))).toBe("(^ (~u a) (-u b))");
  });

  it("is/as bind at the relational level", () => {
    expect(sx(parse("a is string == b"))).toBe("(== (is a string) b)");
    expect(sx(parse("a + b as string"))).toBe("(as (+ a b) string)");
    expect(sx(parse("a as string ?? b"))).toBe("(?? (as a string) b)");
    expect(sx(parse("a is int n && n > 0"))).toBe("(&& (is a int n) (> n 0))");
  });
});

describe("C# parser: casts vs parenthesised expressions, generics vs less-than", () => {
  it("(T)x is a cast for predefined types whatever follows that can start an operand; for other names only before an operand", () => {
    const cases: [string, string][] = [
      ["(int)-x", "(cast int (-u x))"],
      ["(int)+x", "(cast int (+u x))"],
      ["(x)-y", "(- x y)"],
      ["(x)+y", "(+ x y)"],
      ["(T)y", "(cast T y)"],
      ["(T)(y)", "(cast T y)"],
      ["(T)!y", "(cast T (!u y))"],
      ["(int)x.y", "(cast int (. x y))"],
      ["(x).y", "(. x y)"],
      ["(string)null ?? y", "(?? (cast string null) y)"],
      ["(int?)x", "(cast int? x)"],
      ["(int[])x", "(cast int[] x)"],
      ["(a.B)x", "(cast a.B x)"],
      ["(List<int>)x", "(cast List<int> x)"],
      ["(a < b)", "(< a b)"],
      ["(x) * y", "(* x y)"],
      ["(int)x * y", "(* (cast int x) y)"],
      ["(x) is T", "(is x T)"],
    ];
    for (const [src, want] of cases) expect(sx(parse(src)), src).toBe(want);
  });

  it("a < b > c is a comparison; a<b>(c) and a<b>.c are generic (ECMA-334 §6.2.5)", () => {
    const cases: [string, string][] = [
      ["a < b > c", "(> (< a b) c)"],
      ["a < b > (c)", "(call a<b> c)"],
      ["a<b>.c", "(. a<b> c)"],
      ["F(a < b, c > d)", "(call F (< a b) (> c d))"],
      ["F(a < b, c > (d))", "(call F (call a<b,c> d))"],
      ["a < b >> c", "(< a (>> b c))"],
      ["x.Get<List<int>>()", "(call (. x Get<List<int>>))"],
      ["a < b == c > d", "(== (< a b) (> c d))"],
    ];
    for (const [src, want] of cases) expect(sx(parse(src)), src).toBe(want);
  });
});

describe("C# parser: lambdas and the conditional", () => {
  it("lambda forms: one name, parenthesised names, typed parameters, block bodies; the body takes everything to its right", () => {
    expect(sx(parse("x => x + 1"))).toBe("(=> (x) (+ x 1))");
    expect(sx(parse("(x, y) => x ?? y"))).toBe("(=> (x,y) (?? x y))");
    expect(sx(parse("(int x, string y) => y"))).toBe("(=> (int x,string y) y)");
    expect(sx(parse("() => a ? b : c"))).toBe("(=> () (?: a b c))");
    expect(sx(parse("x => { return x; }"))).toBe("(=> (x) {})");
    expect(sx(parse("F(x => x, (a) => a == b)"))).toBe("(call F (=> (x) x) (=> (a) (== a b)))");
    expect(sx(parse("x => y => x + y"))).toBe("(=> (x) (=> (y) (+ x y)))");
  });

  it("the conditional is right-associative, its test is a ?? expression, its branches may assign", () => {
    expect(sx(parse("a ? b : c ? d : e"))).toBe("(?: a b (?: c d e))");
    expect(sx(parse("a ? b ? c : d : e"))).toBe("(?: a (?: b c d) e)");
    expect(sx(parse("a ?? b ? c : d"))).toBe("(?: (?? a b) c d)");
    expect(sx(parse("x = a ? b : c"))).toBe("(= x (?: a b c))");
    expect(sx(parse("a ? x = b : c"))).toBe("(?: a (= x b) c)");
  });

  it("'?' after a type in a pattern vs the conditional; '?.' and '?[' are null-conditional", () => {
    expect(sx(parse("a is int ? b : c"))).toBe("(?: (is a int) b c)");
    expect(sx(parse("a?.b ?? c"))).toBe("(?? (. a b) c)");
    expect((parse("a?.b") as Extract<Expr, { k: "member" }>).cond).toBe(true);
    expect((parse("a?[0]") as Extract<Expr, { k: "index" }>).cond).toBe(true);
    expect(sx(parse("a ? b[0] : c"))).toBe("(?: a (idx b 0) c)");
  });
});

describe("C# parser: statements", () => {
  const block = (body: string) => {
    const r = parseExpressionSource(`@{${body}}`);
    if (r.kind !== "block") throw new Error("not a block");
    return r.stmts;
  };

  it("each statement kind parses to its node", () => {
    const cases: [string, string][] = [
      ["var a = 1;", "local"],
      ["int a = 1, b;", "local"],
      ["const int a = 1;", "local"],
      ["a = 2;", "expr"],
      ["if (a) return 1; else return 2;", "if"],
      ["while (a) { break; }", "while"],
      ["do { continue; } while (a);", "do"],
      ["for (var i = 0; i < 3; i++) { }", "for"],
      ["for (;;) break;", "for"],
      ["foreach (var x in xs) { }", "foreach"],
      ["switch (a) { case 1: case 2: return 1; default: return 2; }", "switch"],
      ["try { } catch (Exception e) when (e != null) { } finally { }", "try"],
      ["throw new Exception();", "throw"],
      ["return;", "return"],
      [";", "empty"],
      ["{ }", "block"],
      ["using (var s = x) { }", "using"],
      ["int F(int y) { return y; }", "localFunc"],
      ["int G(int y) => y;", "localFunc"],
    ];
    for (const [src, kind] of cases) {
      const s = block(src);
      expect(s.length, src).toBe(1);
      expect(s[0]!.k, src).toBe(kind);
    }
  });

  it("a dangling else binds to the nearest if", () => {
    const [s] = block("if (a) if (b) return 1; else return 2;") as [Extract<Stmt, { k: "if" }>];
    expect(s.else).toBeNull();
    expect((s.then as Extract<Stmt, { k: "if" }>).else?.k).toBe("return");
  });

  it("a generic local declaration is a declaration, a comparison statement is an expression", () => {
    expect(block("List<int> a = null;")[0]!.k).toBe("local");
    expect(block("Dictionary<string, List<int>> d = null;")[0]!.k).toBe("local");
    const [e] = block("a < b;");
    expect(e!.k).toBe("expr");
  });
});

describe("C# parser: syntax errors carry APIMC3001/3002 and the position of the offending token", () => {
  // [expression, code, 0-based index (in the expression) the error points at]
  const cases: [string, string, number][] = [
    ["@(a +)", "APIMC3001", 5],
    ["@(a b)", "APIMC3001", 4],
    ["@(F(a,))", "APIMC3001", 6],
    ["@((a)", "APIMC3001", 4],
    ["@(a ? b)", "APIMC3001", 7],
    ["@(x switch { _ => 1 })", "APIMC3002", 4],
    ["@(a ??= b)", "APIMC3002", 4],
    ["@(a..b)", "APIMC3002", 3],
    ["@(x is not null)", "APIMC3002", 7],
    ["@{ var a = 1 }", "APIMC3001", 13],
    ["@{ if a { } }", "APIMC3001", 6],
    ["@{ return 1; ", "APIMC3001", 12],
  ];
  it.each(cases)("%s → %s at %i", (src, code, index) => {
    // Two lines of document before the expression: the diagnostic's line and column are document ones.
    const prefix = "<policies>\n  <x v=\"";
    const r = compile(src, "any", prefix);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === "error")!;
    expect(d.code).toBe(code);
    expect({ line: d.line, column: d.column }).toEqual({ line: 2, column: 9 + index });
  });

  it("ParseError positions are source indices", () => {
    try {
      parseExpressionSource("@(1 + * 2)");
      throw new Error("parsed");
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).pos).toBe(6);
    }
  });
});

// The C# parser's binary-operator precedence and associativity, on generated operator trees: each
// random tree is printed twice (with only the parentheses C#'s precedence needs, and fully
// parenthesized), both texts are parsed, and the parsed tree must be the generated one. The table
// below is the C# specification's (§12.4.2), written out here, not read from the parser.
import { describe, expect, it } from "vitest";
import type { Expr } from "../../compiler/csharp/ast.js";
import { parseExpressionSource } from "../../compiler/csharp/parser.js";
import { rng } from "../helpers/rng.js";

/** Precedence (higher binds tighter) and associativity of C#'s binary operators. */
const OPS: Record<string, { prec: number; right?: boolean }> = {
  "*": { prec: 13 }, "/": { prec: 13 }, "%": { prec: 13 },
  "+": { prec: 12 }, "-": { prec: 12 },
  "<<": { prec: 11 }, ">>": { prec: 11 },
  "<": { prec: 10 }, ">": { prec: 10 }, "<=": { prec: 10 }, ">=": { prec: 10 },
  "==": { prec: 9 }, "!=": { prec: 9 },
  "&": { prec: 8 },
  "^": { prec: 7 },
  "|": { prec: 6 },
  "&&": { prec: 5 },
  "||": { prec: 4 },
  "??": { prec: 3, right: true },
};
const OP_NAMES = Object.keys(OPS);

type Tree = number | { op: string; l: Tree; r: Tree };

function gen(r: () => number, depth: number): Tree {
  // integer literals as leaves: `1 < 2 > 3` cannot be read as a generic name (`a<b>c`)
  if (depth === 0 || r() < 0.25) return 1 + Math.floor(r() * 9);
  return { op: OP_NAMES[Math.floor(r() * OP_NAMES.length)]!, l: gen(r, depth - 1), r: gen(r, depth - 1) };
}
/** The text with only the parentheses precedence and associativity require. */
function printMinimal(t: Tree): string {
  if (typeof t === "number") return String(t);
  const { prec, right } = OPS[t.op]!;
  const side = (c: Tree, isRight: boolean): string => {
    if (typeof c === "number") return String(c);
    const cp = OPS[c.op]!.prec;
    const needs = cp < prec || (cp === prec && isRight !== !!right);
    return needs ? `(${printMinimal(c)})` : printMinimal(c);
  };
  return `${side(t.l, false)} ${t.op} ${side(t.r, true)}`;
}
function printFull(t: Tree): string {
  return typeof t === "number" ? String(t) : `(${printFull(t.l)} ${t.op} ${printFull(t.r)})`;
}
/** The parsed expression as a Tree (parentheses dropped), or a description of what it is not. */
function toTree(e: Expr): Tree | string {
  if (e.k === "paren") return toTree(e.expr);
  if (e.k === "lit" && e.type === "int") return Number(e.value);
  if (e.k === "binary") {
    const l = toTree(e.left);
    const r = toTree(e.right);
    return typeof l === "string" ? l : typeof r === "string" ? r : { op: e.op, l, r };
  }
  return `unexpected ${e.k}`;
}
/** Offsets in the AST are into the whole policy expression source, `@(` included. */
const OFF = 2;
function parse(text: string): Expr {
  const p = parseExpressionSource(`@(${text})`);
  if (p.kind !== "expr") throw new Error(`not an expression: ${text}`);
  return p.expr;
}

describe("C# parser: binary operator precedence and associativity (generated trees)", () => {
  it("parses 2,000 random operator trees back to the tree they were printed from", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) {
      const tree = gen(rng(seed), 1 + (seed % 5));
      for (const text of [printMinimal(tree), printFull(tree)]) {
        let got: Tree | string;
        try {
          got = toTree(parse(text));
        } catch (e) {
          got = `error: ${(e as Error).message}`;
        }
        if (JSON.stringify(got) !== JSON.stringify(tree)) failures.push(`seed ${seed}: ${text} → ${JSON.stringify(got)}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("a binary node spans its operands and the operator's position is where the printed text has it", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = printMinimal(gen(rng(seed), 3));
      const walk = (e: Expr): void => {
        if (e.k === "paren") return walk(e.expr);
        if (e.k !== "binary") return;
        expect(text.startsWith(e.op, e.opPos - OFF)).toBe(true);
        expect(e.pos).toBeLessThanOrEqual(e.left.pos);
        expect(e.end).toBeGreaterThanOrEqual(e.right.end);
        walk(e.left);
        walk(e.right);
      };
      const root = parse(text);
      expect(root.pos).toBe(OFF);
      expect(root.end).toBe(OFF + text.length);
      walk(root);
    }
  });

  it("the checks can fail: a tree printed without its needed parentheses parses to another tree", () => {
    const tree: Tree = { op: "*", l: { op: "+", l: 1, r: 2 }, r: 3 };
    expect(toTree(parse("1 + 2 * 3"))).not.toEqual(tree);
    expect(toTree(parse(printMinimal(tree)))).toEqual(tree);
    // ?? is right-associative: a ?? b ?? c is a ?? (b ?? c)
    expect(toTree(parse("1 ?? 2 ?? 3"))).toEqual({ op: "??", l: 1, r: { op: "??", l: 2, r: 3 } });
  });
});

// The generated expression tree (Node) and its printing helpers; the scope an expression is
// generated in (Env) and what the area templates ask of the generator (GeneratorCore).
import type { Callable } from "./surface-index.js";

/** A generated expression: its exact static C# type, the area it exercises, children and printer. */
export interface Node {
  t: string;
  area: string;
  kids: Node[];
  out: (k: string[]) => string;
  /** A leaf without children (a literal or a variable). */
  leaf?: boolean;
  /** The root is a statement block (`return` inside). */
  block?: boolean;
  /** The printer joins the children as a list: the shrinker may drop one. */
  variadic?: boolean;
}

export const text = (n: Node): string => n.out(n.kids.map(text));
export const size = (n: Node): number => 1 + n.kids.reduce((s, k) => s + size(k), 0);

export const vary = (n: Node): Node => ({ ...n, variadic: true });
export const leaf = (t: string, s: string, area = "literal"): Node => ({ t, area, kids: [], out: () => s, leaf: true });
export const node = (t: string, area: string, kids: Node[], out: (k: string[]) => string, isBlock = false): Node => (isBlock ? { t, area, kids, out, block: true } : { t, area, kids, out });

/** `@{ ... }` body as one child text (blocks print their body; the root is marked `block`). */
export function block(body: string): string {
  return body;
}

export const csStr = (s: string): string => JSON.stringify(s);

/** Parenthesizes anything that is not a simple token, so member access binds as written. */
export function paren(s: string): string {
  return /^[A-Za-z_][\w.]*$/.test(s) || /^"([^"\\]|\\.)*"$/.test(s) || /^\(.*\)$/.test(s) && balanced(s.slice(1, -1)) ? s : `(${s})`;
}
function balanced(s: string): boolean {
  let d = 0;
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === "\\") i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === "(") d++;
    else if (c === ")" && --d < 0) return false;
  }
  return d === 0;
}

/** The variables in scope (lambda parameters, a block's variable) and how deep lambdas nest. */
export interface Env {
  vars: { name: string; t: string }[];
  lambdaDepth: number;
}
/** A scope with no variables, outside any lambda. */
export const emptyEnv = (): Env => ({ vars: [], lambdaDepth: 0 });

/** What the area templates ask of the generator: its random draws and type-directed expressions. */
export interface GeneratorCore {
  chance(p: number): boolean;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** A new variable name (v0, v1, ...). */
  fresh(): string;
  /** An expression of exactly type `t`. */
  gen(t: string, depth: number, env: Env): Node;
  /** A surface member call, its receiver and arguments generated. */
  call(c: Callable, depth: number, env: Env): Node | null;
  /** Whether values of `t` can be built directly (literals, collections of them). */
  canMake(t: string | undefined): boolean;
}

// Integral types (sbyte .. ulong, char): their values, constant and not, and the shift and bitwise
// operators over them. Session 25 found apimc typing `uint << n` as long and adding adjacent integer
// holes; the neighbourhood is every left-operand type, counts at the masks' edges (0, 31, 32, 33, 63,
// 64, -1), hex literals whose type is uint or ulong, and the same expressions where C# needs a constant
// (a `const` local, a `case` label). A small evaluator (C#'s rules, in BigInt) knows each expression's
// type and value, so a switch gets distinct labels and const locals get a type that holds their value.
import { block, leaf, node, paren, vary, type Env, type GeneratorCore, type Node } from "./node.js";

export const INTEGRAL = ["sbyte", "byte", "short", "ushort", "char", "int", "uint", "long", "ulong"] as const;
const WIDTH: Record<string, [number, boolean]> = { sbyte: [8, true], byte: [8, false], short: [16, true], ushort: [16, false], char: [16, false], int: [32, true], uint: [32, false], long: [64, true], ulong: [64, false] };
const SMALL = new Set(["sbyte", "byte", "short", "ushort", "char"]);

/** The value of `v` converted (unchecked) to integral type `t`. */
export const wrap = (v: bigint, t: string): bigint => (WIDTH[t]![1] ? BigInt.asIntN(WIDTH[t]![0], v) : BigInt.asUintN(WIDTH[t]![0], v));
/** Unary numeric promotion: the types below int compute in int. */
const promote = (t: string): string => (SMALL.has(t) ? "int" : t);

/** Values at each type's ends and a few inside (the extremes are where shifts and masks differ). */
const VALUES: Record<string, bigint[]> = {
  sbyte: [-128n, 127n, -3n, 0n, 1n],
  byte: [255n, 5n, 0n, 128n],
  short: [-32768n, 32767n, -3n, 1n],
  ushort: [65535n, 5n, 32768n],
  char: [65535n, 97n, 0n, 32768n],
  int: [-2147483648n, 2147483647n, -3n, 5n, 0n, -1n, 1073741824n, 255n],
  uint: [4294967295n, 2147483648n, 5n, 0n],
  long: [-9223372036854775808n, 9223372036854775807n, -3n, 140737488355327n, 1n],
  ulong: [18446744073709551615n, 9223372036854775808n, 5n, 0n],
};
const MIN: Record<string, bigint> = { sbyte: -128n, short: -32768n, int: -2147483648n, long: -9223372036854775808n };
const MAX: Record<string, bigint> = { sbyte: 127n, byte: 255n, short: 32767n, ushort: 65535n, char: 65535n, int: 2147483647n, uint: 4294967295n, long: 9223372036854775807n, ulong: 18446744073709551615n };
const SUFFIX: Record<string, string> = { int: "", uint: "u", long: "L", ulong: "UL" };

/** The type C# gives a hex literal without suffix: the first of int, uint, long, ulong that holds it. */
const hexType = (v: bigint): string => (v <= MAX.int! ? "int" : v <= MAX.uint! ? "uint" : v <= MAX.long! ? "long" : "ulong");

/** An integral expression the templates compose: its text, exact C# type, value, and whether it is a constant. */
export interface IExpr {
  text: string;
  t: string;
  v: bigint;
  isConst: boolean;
}

/** A constant of type `t`: a name (int.MaxValue), a literal (with suffix, or hex when hex has that type), or a cast. */
function constantOf(g: GeneratorCore, t: string, v: bigint): string {
  if (v === MAX[t] && g.chance(0.5)) return `${t}.MaxValue`;
  if (v === MIN[t] && g.chance(0.5)) return `${t}.MinValue`;
  if (t === "char") return v >= 32n && v < 127n && v !== 39n && v !== 92n ? `'${String.fromCharCode(Number(v))}'` : `'\\u${v.toString(16).padStart(4, "0")}'`;
  if (t in SUFFIX) {
    if (v >= 0n && hexType(v) === t && g.chance(0.4)) return `0x${v.toString(16).toUpperCase()}`;
    // (int.MinValue's literal is the one int literal that needs its minus: -2147483648)
    return `${v}${SUFFIX[t]}`;
  }
  return `(${t})${v < 0n ? `(${v})` : v}`;
}

/** A value of integral type `t`: a constant, or the same value read at run time. */
export function integralOperand(g: GeneratorCore, t: string, constant: boolean, v = g.pick(VALUES[t]!)): IExpr {
  if (constant) return { text: constantOf(g, t, v), t, v, isConst: true };
  const forms = [
    t === "char" ? `(char)int.Parse("${v}")` : `${t}.Parse("${v}")`,
    `new ${t}[] { ${constantOf(g, t, v)} }[0]`,
    `(${t})(object)${paren(constantOf(g, t, v))}`,
  ];
  return { text: g.pick(forms), t, v, isConst: false };
}

/** A value of integral type `t` as a generated node (interpolation holes, operands). */
export function integralValue(g: GeneratorCore, t: string): Node {
  return leaf(t, integralOperand(g, t, g.chance(0.4)).text, "integral");
}

const COUNTS = [0n, 1n, 4n, 31n, 32n, 33n, 63n, 64n, 65n, -1n, 7n, 8n, 15n, 16n];

/** `l << n` or `l >> n`: the type is l's promoted type; the count is masked to 5 bits (6 for long, ulong). */
export function shiftOf(l: IExpr, op: "<<" | ">>", n: IExpr): IExpr {
  const t = promote(l.t);
  const bits = t === "long" || t === "ulong" ? 63n : 31n;
  const c = wrap(n.v, "int") & bits;
  const v = wrap(op === "<<" ? l.v << c : l.v >> c, t);
  return { text: `(${l.text} ${op} ${n.text})`, t, v, isConst: l.isConst && n.isConst };
}

/** The type of `a op b` for & | ^ (null: C# has no operator, e.g. a long with a ulong). */
export function bitwiseType(a: IExpr, b: IExpr): string | null {
  const [pa, pb] = [promote(a.t), promote(b.t)];
  if (pa === pb) return pa;
  // an unsigned operand converts to uint/ulong, and so does an int literal that is not negative (a
  // computed constant too in C#, but mcs refuses 5UL | (1 ^ 2) and 5UL & 3L: CS0019; not generated)
  const literal = (x: IExpr) => /^(?:\d+|0x[0-9A-F]+)$/.test(x.text);
  const unsignedTo = (x: IExpr) => ["byte", "ushort", "char", "uint"].includes(x.t) || (literal(x) && x.t === "int");
  for (const [x, y] of [[a, b], [b, a]] as const) {
    if ((y.t === "ulong" || y.t === "uint") && x.isConst && !literal(x) && (x.t === "int" || x.t === "long")) return null;
    if (y.t === "ulong") return unsignedTo(x) ? "ulong" : null;
    if (y.t === "uint" && promote(x.t) === "int") return unsignedTo(x) ? "uint" : "long";
  }
  return pa === "long" || pb === "long" ? "long" : null;
}

function bitwiseOf(a: IExpr, op: "&" | "|" | "^", b: IExpr): IExpr | null {
  const t = bitwiseType(a, b);
  if (!t) return null;
  const [x, y] = [wrap(a.v, t), wrap(b.v, t)];
  const v = wrap(op === "&" ? x & y : op === "|" ? x | y : x ^ y, t);
  return { text: `(${a.text} ${op} ${b.text})`, t, v, isConst: a.isConst && b.isConst };
}

/** A shift count: an int (constant or not), sometimes a smaller type that converts to int. */
function countOf(g: GeneratorCore, constant: boolean): IExpr {
  const v = g.pick(COUNTS);
  if (g.chance(0.1) && v >= 0n) return integralOperand(g, g.pick(["byte", "short"]), constant, v);
  return integralOperand(g, "int", constant, v);
}

/** An integral expression of shifts, masks, complements and unchecked casts, `depth` operators deep. */
export function integralExpr(g: GeneratorCore, depth: number, constant: boolean, t: string = g.pick(INTEGRAL)): IExpr {
  const leafE = integralOperand(g, t, constant);
  if (depth <= 0) return leafE;
  switch (g.int(0, 5)) {
    case 0:
    case 1:
      return shiftOf(integralExpr(g, depth - 1, constant, t), g.pick(["<<", ">>"] as const), countOf(g, constant));
    case 2: {
      const a = integralExpr(g, depth - 1, constant, t);
      const op = g.pick(["&", "|", "^"] as const);
      for (let i = 0; i < 4; i++) {
        const made = bitwiseOf(a, op, integralExpr(g, depth - 1, constant || g.chance(0.3)));
        if (made) return made;
      }
      return shiftOf(a, "<<", countOf(g, constant));
    }
    case 3: {
      const a = integralExpr(g, depth - 1, constant, t);
      const pt = promote(a.t);
      return { text: `~${a.text}`, t: pt, v: wrap(~a.v, pt), isConst: a.isConst };
    }
    case 4: {
      // a narrowing or sign-changing cast: unchecked, since a constant out of range is an error (CS0221)
      const a = integralExpr(g, depth - 1, constant);
      const to = g.pick(INTEGRAL);
      return { text: `unchecked((${to})${paren(a.text)})`, t: to, v: wrap(a.v, to), isConst: a.isConst };
    }
    default:
      return leafE;
  }
}

/** An integral expression as a node of its type (a case root, or an operand of the generator's operators). */
export function shiftNode(g: GeneratorCore, want?: string): Node | null {
  for (let i = 0; i < 6; i++) {
    const e = integralExpr(g, g.int(1, 3), g.chance(0.4), want === "int" ? g.pick(["sbyte", "byte", "short", "ushort", "char", "int"]) : want);
    if (!want || e.t === want) return leaf(e.t, e.text, "shift");
  }
  return null;
}

/**
 * A block with shifts as constants: `const` locals (the compiler folds them; their type is the
 * expression's), the same expressions at run time, a compound shift or mask on a narrow local, and a
 * switch whose case labels are constant shifts (distinct values, or mcs rejects CS0152).
 */
export function shiftBlock(g: GeneratorCore): Node {
  const parts: string[] = [];
  const n = g.int(1, 3);
  for (let i = 0; i < n; i++) {
    const e = integralExpr(g, g.int(1, 2), true);
    const same = sameShape(g, e.text);
    parts.push(`const ${e.t} k${i} = ${e.text}; var r${i} = ${same};`);
  }
  // a compound assignment narrows back to the local's type (byte b <<= 3 is b = (byte)(b << 3))
  const nt = g.pick(INTEGRAL);
  const op = g.pick(["<<=", ">>=", "&=", "|=", "^="]);
  // (the right operand of &= converts implicitly to the local's type: no byte into an sbyte or a char)
  const widerThanByte = ["short", "ushort", "int", "uint", "long", "ulong"].includes(nt);
  const rt = nt === "ulong" ? g.pick(["uint", "ulong", "byte"]) : nt === "uint" ? g.pick(["uint", "byte", "char"]) : widerThanByte && g.chance(0.4) ? "byte" : nt;
  const rhs = op.length === 3 ? integralOperand(g, "int", g.chance(0.5), g.pick(COUNTS)).text : integralOperand(g, rt, g.chance(0.5)).text;
  parts.push(`${nt} m = ${integralOperand(g, nt, g.chance(0.5)).text}; m ${op} ${rhs};`);
  // case labels: constant expressions of types that convert to long, with distinct values
  const labels: IExpr[] = [];
  for (let i = 0; i < 8 && labels.length < 3; i++) {
    const e = integralExpr(g, g.int(1, 2), true, g.pick(["sbyte", "byte", "short", "ushort", "char", "int", "uint", "long"]));
    if (e.t !== "ulong" && !labels.some((l) => l.v === e.v)) labels.push(e);
  }
  const on = g.chance(0.7) && labels.length ? sameShape(g, g.pick(labels).text) : integralExpr(g, 1, false, g.pick(["int", "long", "short"])).text;
  const cases = labels.map((l, i) => `case ${l.text}: s = "c${i}"; break;`).join(" ");
  parts.push(`string s; switch ((long)${paren(on)}) { ${cases} default: s = "d"; break; }`);
  // one child a statement, so the shrinker can drop statements; the result shows the locals left
  const stmts = parts.map((p) => leaf("void", p, "shift"));
  const declared = (st: string) => [...st.matchAll(/(?:^|; )(?:const )?\w+ (k\d+|r\d+|m|s)(?= =|;)/g)].map((x) => x[1]!);
  return vary(node("string", "shift", stmts, (k) => block(`${k.join(" ")} return "" + ${k.flatMap(declared).join(` + "|" + `) || `""`};`), true));
}

/** The same expression with its named constants and some literals read at run time (so the compiler does not fold it). */
function sameShape(g: GeneratorCore, text: string): string {
  const named = text.replace(/\b(sbyte|byte|short|ushort|char|int|uint|long|ulong)\.(MaxValue|MinValue)\b/g, (_m, t: string, w: string) => `new ${t}[] { ${t}.${w} }[0]`);
  // (not inside a char literal, not a literal after a minus: -2147483648 is int only as written)
  return named
    .split(/('(?:\\u[0-9a-fA-F]{4}|[^'])')/)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<![-\w])(0x[0-9A-F]+|\d+)(UL|u|L)?\b(?!\])/g, (m) => (g.chance(0.5) ? `new[] { ${m} }[0]` : m))))
    .join("");
}

/** Shifts and masks as the root: a typed expression (the evaluator's type), or the const/case block. */
export function shifts(g: GeneratorCore, _env?: Env): Node {
  return g.chance(0.4) ? shiftBlock(g) : shiftNode(g)!;
}

// A deterministic generator of well-typed C# policy expressions and statement blocks for the
// differential suite (`npm run fuzz:csharp`, and the recorded fixed-seed set in generated.test.ts).
//
// Type-directed: `gen(type, depth)` builds an expression tree whose static C# type is exactly `type`.
// Producers of a type are
//   - literals from values.ts (limits, NaN, ±0, surrogate pairs, month/year ends, offsets, null),
//   - every member of the compiler's surface tables (compiler/csharp/surface) whose signature, with
//     generic owners instantiated over a few element types, uses only types the generator can
//     produce: instance and static methods, properties, constructors, indexers, LINQ extension
//     methods (lambdas for Func parameters). The generator grows with the table.
//   - operators (arithmetic, comparison, bitwise, checked/unchecked, casts, ternary, ??, concat),
//   - templates for the issue-11 areas: anonymous types, string interpolation with format
//     specifiers, JSON and XML round trips, JSONPath, collection mutation blocks, checked blocks.
// A tree keeps its children so the fuzzer can shrink a mismatch (shrink.ts).
// Here: the generator's core (random draws, `gen` and its producers) and the entry point,
// generateCases. Elsewhere: the tree (node.ts), type texts (type-text.ts), the surface index
// (surface-index.ts), constant checks (constant-checks.ts), the area templates (area-templates.ts,
// collection-templates.ts, and session 25's: integral-templates.ts, inference-templates.ts,
// uri-templates.ts, identity-templates.ts).
import "../../../compiler/csharp/index.js";
import { pick, rng } from "../../helpers/rng.js";
import type { DiffCase } from "../cases.js";
import { POOLS, valueText } from "./values.js";
import { regexNodes } from "./regex-gen.js";
import { BASE, NUM, splitType } from "./type-text.js";
import { areaOf, enumValues, needsExplicitTypeArgs, staticName, surfaceIndex, type Callable } from "./surface-index.js";
import { isConstZero, outOfRangeConstant } from "./constant-checks.js";
import { leaf, node, paren, text, vary, type Env, type GeneratorCore, type Node } from "./node.js";
import { anonymous, boxing, checkedBlock, dateOffset, doubleSemantics, interpolation, interpolationOf, jsonTemplate, stringCompare, xmlTemplate } from "./area-templates.js";
import { collectionToString, comparer, linqChain, mutationBlock } from "./collection-templates.js";
import { shiftNode, shifts } from "./integral-templates.js";
import { inference } from "./inference-templates.js";
import { uriStrings } from "./uri-templates.js";
import { referenceEquality } from "./identity-templates.js";

/** Types a case may have at its root, with weights (the areas the issue lists get more). */
const ROOTS: [string, number][] = [
  ["string", 10],
  ["int", 5],
  ["long", 2],
  ["double", 4],
  ["decimal", 3],
  ["bool", 4],
  ["char", 1],
  ["DateTime", 1],
  ["DateTimeOffset", 1],
  ["TimeSpan", 1],
  ["int[]", 1],
  ["List<string>", 1],
  ["List<int>", 1],
  ["double[]", 1],
  ["JToken", 1],
  ["object", 1],
];

/** The seeded generator: every draw comes from one random stream, so a seed always gives the same cases. */
export class Generator implements GeneratorCore {
  private r: () => number;
  private n = 0;
  constructor(seed: number) {
    this.r = rng(seed);
  }

  chance(p: number): boolean {
    return this.r() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return pick(this.r, xs);
  }
  fresh(): string {
    return `v${this.n++}`;
  }

  /** One random case: an expression or a block, with its exact type. */
  generate(id: string): { node: Node; case: DiffCase } {
    this.n = 0;
    const areas: [() => Node, number][] = [
      [() => this.gen(this.weighted(ROOTS), this.int(2, 4), { vars: [], lambdaDepth: 0 }), 40],
      [() => anonymous(this), 6],
      [() => interpolation(this), 6],
      [() => jsonTemplate(this), 7],
      [() => xmlTemplate(this), 4],
      [() => linqChain(this), 10],
      [() => mutationBlock(this), 8],
      [() => checkedBlock(this), 4],
      [() => doubleSemantics(this), 6],
      [() => stringCompare(this), 4],
      [() => collectionToString(this), 3],
      [() => dateOffset(this), 3],
      [() => boxing(this), 4],
      // session 25's classes: integral shifts and masks (const, case), mixed-type inference, URI escaping, boxed identity
      [() => shifts(this), 5],
      [() => inference(this), 5],
      [() => uriStrings(this), 4],
      [() => referenceEquality(this), 3],
    ];
    const n = this.weighted(areas)();
    return { node: n, case: toCase(id, n) };
  }

  private weighted<T>(xs: readonly [T, number][]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let x = this.r() * total;
    for (const [v, w] of xs) {
      if ((x -= w) < 0) return v;
    }
    return xs[xs.length - 1]![0];
  }

  /** An expression of exactly type `t`. */
  gen(t: string, depth: number, env: Env): Node {
    const vars = env.vars.filter((v) => v.t === t);
    if (vars.length && this.chance(0.5)) {
      const v = this.pick(vars);
      return leaf(t, v.name, "var");
    }
    if (depth <= 0 || this.chance(0.25)) {
      const l = this.literal(t, env);
      if (l) return l;
    }
    const producers: [() => Node | null, number][] = [
      [() => this.member(t, depth, env), 6],
      [() => this.operator(t, depth, env), NUM.includes(t) || t === "bool" || t === "string" ? 4 : 0],
      [() => this.conversion(t, depth, env), NUM.includes(t) || t === "object" || t === "char" ? 2 : 0],
      [() => (t === "string" ? interpolationOf(this, depth, env) : null), t === "string" ? 1 : 0],
      [() => this.ternary(t, depth, env), 1],
      [() => this.enumUse(t, depth, env), t === "string" || t === "int" || t === "bool" ? 1 : 0],
    ];
    for (let tries = 0; tries < 4; tries++) {
      const made = this.weighted(producers)();
      if (made) return made;
    }
    return this.literal(t, env) ?? this.constructed(t, depth, env) ?? leaf(t, `default(${t})`);
  }

  /** A literal or a simple constructed value of `t`; null when there is none. */
  literal(t: string, env: Env): Node | null {
    const pool = POOLS[t];
    if (pool) return leaf(t, valueText(this.pick(pool), this.r()));
    return this.constructed(t, 1, env);
  }

  /** Collections, nullables, enums, lambdas-free composite values built directly. */
  private constructed(t: string, depth: number, env: Env): Node | null {
    const [head, args] = splitType(t);
    const items = (elem: string) => {
      const n = this.int(0, 4);
      return Array.from({ length: n }, () => this.gen(elem, Math.min(depth - 1, 1), env));
    };
    switch (head) {
      case "[]":
        if (!this.canMake(args[0]!)) return null;
        return vary(node(t, "collections", items(args[0]!), (k) => `new ${args[0]}[] { ${k.join(", ")} }`));
      case "List":
      case "HashSet":
      case "IEnumerable":
      case "ICollection":
      case "IList":
      case "IReadOnlyList":
      case "IReadOnlyCollection": {
        // the non-generic IEnumerable (Cast, OfType): any sequence
        if (!args.length) return head === "IEnumerable" ? this.constructed(`List<${this.pick(["int", "string", "object", "double"])}>`, depth, env) : null;
        if (!this.canMake(args[0]!)) return null;
        const concrete = head === "HashSet" ? "HashSet" : "List";
        const made = vary(node(t, "collections", items(args[0]!), (k) => `new ${concrete}<${args[0]}> { ${k.join(", ")} }`));
        return head === concrete ? made : node(t, "collections", [made], (k) => `(${t})${k[0]}`);
      }
      case "Dictionary":
      case "IDictionary":
      case "IReadOnlyDictionary": {
        const [kt, vt] = args as [string, string];
        if (!this.canMake(kt) || !this.canMake(vt)) return null;
        const n = this.int(0, 3);
        const kids: Node[] = [];
        for (let i = 0; i < n; i++) kids.push(this.nonNull(kt, env), this.gen(vt, 1, env));
        const made = node(t, "collections", kids, (k) => {
          const parts: string[] = [];
          for (let i = 0; i < k.length; i += 2) parts.push(`[${k[i]}] = ${k[i + 1]}`);
          return `new Dictionary<${kt}, ${vt}> { ${parts.join(", ")} }`;
        });
        return head === "Dictionary" ? made : node(t, "collections", [made], (k) => `(${t})${k[0]}`);
      }
      case "KeyValuePair":
        return node(t, "collections", [this.gen(args[0]!, 1, env), this.gen(args[1]!, 1, env)], (k) => `new KeyValuePair<${args[0]}, ${args[1]}>(${k[0]}, ${k[1]})`);
      case "?":
        if (!this.canMake(args[0]!)) return null;
        return this.chance(0.3) ? leaf(t, `(${t})null`) : node(t, "nullable", [this.gen(args[0]!, depth - 1, env)], (k) => `(${t})${paren(k[0]!)}`);
      case "Func":
        return this.lambda(args, depth, env);
      case "object": {
        const inner = this.pick(BASE);
        return node("object", "object", [this.gen(inner, depth - 1, env)], (k) => `(object)${paren(k[0]!)}`);
      }
      case "IFormatProvider":
      case "CultureInfo":
        return leaf(t, "CultureInfo.InvariantCulture");
      case "StringComparer":
        return leaf(t, this.pick(["StringComparer.Ordinal", "StringComparer.OrdinalIgnoreCase", "StringComparer.InvariantCultureIgnoreCase"]));
      case "IEqualityComparer":
        return args.length === 1 ? comparer(this, args[0]!) : null;
      // reader, writer and comparer types off the allow-list: only their making members name them (never default(T))
      case "JsonReader":
        return node(t, "json", [this.gen("JToken", 0, env)], (k) => `${paren(k[0]!)}.CreateReader()`);
      case "JsonWriter":
        return leaf(t, this.pick(["new JArray().CreateWriter()", "new JObject().CreateWriter()"]), "json");
      case "JTokenEqualityComparer":
        return leaf(t, "JToken.EqualityComparer", "json");
      case "XmlReader":
        return node(t, "xml", [this.gen("XElement", 0, env)], (k) => `${paren(k[0]!)}.CreateReader()`);
      case "XmlWriter":
      case "TextWriter":
      case "TextReader":
        // (a writer from CreateWriter shows nothing outside a using block; a TextReader/TextWriter is a StringReader/StringWriter)
        return t === "TextReader" ? node(t, "xml", [this.gen("XElement", 0, env)], (k) => `new StringReader(${paren(k[0]!)}.ToString())`) : leaf(t, t === "XmlWriter" ? "new XElement(\"w\").CreateWriter()" : "new StringWriter()", "xml");
      case "JToken":
      case "JValue":
      case "JContainer":
        if (POOLS[head]) return null;
        return node(t, "json", [this.gen("JObject", 0, env)], (k) => `(${t})${k[0]}`);
      case "char[]":
        return null;
    }
    const en = enumValues(head);
    if (en) return leaf(t, `${head}.${this.pick(en)}`, "enum");
    return null;
  }

  private nonNull(t: string, env: Env): Node {
    if (t === "string") return leaf(t, this.pick(POOLS.string!.filter((v) => !v.text.includes("null")).map((v) => v.text)));
    return this.gen(t, 0, env);
  }

  canMake(t: string | undefined): boolean {
    if (t === undefined) return false;
    if (POOLS[t] || t === "object") return true;
    const [head, args] = splitType(t);
    if (["[]", "List", "HashSet", "IEnumerable", "?"].includes(head)) return args.every((a) => this.canMake(a));
    if (head === "Dictionary" || head === "KeyValuePair") return args.every((a) => this.canMake(a));
    return false;
  }

  /** A lambda for Func<A.., R>: parameters in scope in its body. */
  private lambda(args: string[], depth: number, env: Env): Node | null {
    const ret = args[args.length - 1]!;
    const ps = args.slice(0, -1);
    if (env.lambdaDepth > 1 || !ps.every((p) => this.canMake(p) || POOLS[p])) return null;
    if (!this.canMake(ret) && !POOLS[ret] && !enumValues(ret)) return null;
    const names = ps.map(() => this.fresh());
    const inner: Env = { vars: [...env.vars, ...ps.map((p, i) => ({ name: names[i]!, t: p }))], lambdaDepth: env.lambdaDepth + 1 };
    const body = this.gen(ret, Math.max(1, depth - 1), inner);
    const head = names.length === 1 ? names[0]! : `(${names.join(", ")})`;
    return node(`Func<${args.join(", ")}>`, "lambda", [body], (k) => `${head} => ${k[0]}`);
  }

  /** A surface member returning `t`, with receiver and arguments generated. */
  private member(t: string, depth: number, env: Env): Node | null {
    const list = surfaceIndex().get(t);
    if (!list?.length) return null;
    for (let tries = 0; tries < 5; tries++) {
      const c = this.pick(list);
      const made = this.call(c, depth, env);
      if (made) return made;
    }
    return null;
  }

  call(c: Callable, depth: number, env: Env): Node | null {
    const m = c.m;
    const kids: Node[] = [];
    if (c.recv) {
      const r = this.gen(c.recv, depth - 1, env);
      kids.push(r);
    }
    // optional parameters: sometimes left out
    let params = c.params;
    while (params.length && params[params.length - 1]!.optional && this.chance(0.5)) params = params.slice(0, -1);
    const argForms: ((k: string) => string)[] = [];
    for (const p of params) {
      if (p.mod === "params") {
        const elem = p.type.slice(0, -2);
        if (!this.canMake(elem) && !POOLS[elem]) return null;
        const n = this.int(0, 3);
        // expanded form: n arguments; kept as one child (an array printer) for shrinking simplicity
        const arr = vary(node(p.type, "params", Array.from({ length: n }, () => this.gen(elem, depth - 1, env)), (k) => k.join(", ")));
        kids.push(arr);
        argForms.push((k) => k);
        continue;
      }
      const small = (p.type === "int" || p.type === "long") && smallFor(p.name);
      // counts and widths always small (Enumerable.Repeat(x, int.MaxValue) would only measure memory)
      const a = small && (this.chance(0.85) || /count|width|capacity/i.test(p.name)) ? leaf(p.type, `${this.pick(small)}${p.type === "long" ? "L" : ""}`) : this.arg(p.type, depth - 1, env);
      if (!a) return null;
      kids.push(a);
      argForms.push((k) => k);
    }
    const owner = c.owner.name;
    const targs = c.typeArgs.length && !c.ext ? `<${c.typeArgs.join(", ")}>` : "";
    const area = areaOf(c.owner);
    const hasRecv = c.recv !== null;
    const out = (k: string[]): string => {
      const recv = hasRecv ? paren(k[0]!) : "";
      const args = (hasRecv ? k.slice(1) : k).filter((x, i) => !(params[i]?.mod === "params" && x === "") || true);
      const argList = args.filter((x, i) => !(params[i]?.mod === "params" && x === "")).join(", ");
      switch (m.kind) {
        case "ctor":
          return `new ${c.ret}(${argList})`;
        case "prop":
        case "field":
          return hasRecv ? `${recv}.${m.name}` : `${staticName(owner)}.${m.name}`;
        case "indexer":
          return `${recv}[${argList}]`;
        case "method":
          if (c.ext) {
            // extension: first argument is the receiver
            const [first, ...rest] = args;
            const restList = rest.filter((x, i) => !(params[i + 1]?.mod === "params" && x === "")).join(", ");
            return `${paren(first!)}.${m.name}${c.typeArgs.length && needsExplicitTypeArgs(m) ? `<${c.typeArgs.join(", ")}>` : ""}(${restList})`;
          }
          return hasRecv ? `${recv}.${m.name}${targs}(${argList})` : `${staticName(owner)}.${m.name}${targs}(${argList})`;
      }
    };
    // A culture-sensitive string comparison is -1/0/1 on .NET Framework but any magnitude on Mono:
    // compare signs (ordinal differences are tested by the stringCompare template).
    const cultureCompare = (owner === "string" || owner === "StringComparer") && (m.name === "Compare" || m.name === "CompareTo");
    // Mono's JIT folds Math.Round of a constant double with C's round() (Math.Round(0.5) is 1 there; .NET
    // and Mono's Math.Round at run time give 0): the argument goes through an array element, which the
    // JIT does not fold (it does fold a box and unbox).
    const roundConst = owner === "Math" && m.name === "Round" && params[0]?.type === "double";
    if (roundConst) return node(c.ret, area, kids, (k) => out([`new double[] { ${k[0]!} }[0]`, ...k.slice(1)]));
    return node(c.ret, area, kids, cultureCompare ? (k) => `Math.Sign(${out(k)})` : out);
  }

  /**
   * A member answering an enum (DayOfWeek, TypeCode from GetTypeCode(), UnicodeCategory, ...) used as
   * expressions use one: its name (ToString()), its value (a cast to int), or == with another.
   */
  private enumUse(t: string, depth: number, env: Env): Node | null {
    const types = [...surfaceIndex().keys()].filter((k) => enumValues(k));
    if (!types.length) return null;
    const et = this.pick(types);
    const m = this.member(et, depth - 1, env);
    if (!m) return null;
    if (t === "string") return node(t, "enum", [m], (k) => `${paren(k[0]!)}.ToString()`);
    if (t === "int") return node(t, "enum", [m], (k) => `(int)${paren(k[0]!)}`);
    const other = this.member(et, depth - 1, env) ?? this.constructed(et, 1, env);
    const eq = this.pick(["==", "!="]);
    return other ? node(t, "enum", [m, other], (k) => `(${k[0]} ${eq} ${k[1]})`) : null;
  }

  /** An argument for a parameter of type `t` (an exact value, or a value convertible to an interface). */
  private arg(t: string, depth: number, env: Env): Node | null {
    if (POOLS[t] || t === "object") return this.gen(t, depth, env);
    const [head] = splitType(t);
    if (head === "Func") return this.constructed(t, depth, env);
    const viaMember = surfaceIndex().get(t);
    if (viaMember?.length && this.chance(0.5)) {
      const m = this.member(t, depth, env);
      if (m) return m;
    }
    return this.constructed(t, depth, env) ?? (viaMember?.length ? this.member(t, depth, env) : null);
  }

  private ternary(t: string, depth: number, env: Env): Node | null {
    if (!this.canMake(t) && !POOLS[t]) return null;
    return node(t, "operators", [this.gen("bool", depth - 1, env), this.gen(t, depth - 1, env), this.gen(t, depth - 1, env)], (k) => `(${k[0]} ? ${k[1]} : ${k[2]})`);
  }

  /** Binary and unary operators whose result is exactly `t`. */
  private operator(t: string, depth: number, env: Env): Node | null {
    const d = depth - 1;
    const bin = (a: string, b: string, op: string, area = "operators") => {
      let right = this.gen(b, d, env);
      // mcs rejects an integral or decimal division by a constant zero (CS0020): the zero is read at run time
      if ((op === "/" || op === "%") && b !== "double" && isConstZero(right)) right = leaf(b, `${b}.Parse("0")`);
      return node(t, area, [this.gen(a, d, env), right], (k) => `(${k[0]} ${op} ${k[1]})`);
    };
    switch (t) {
      case "int":
      case "long": {
        // shifts and masks over every integral left operand (a short, a char, a uint, ...) of this result type
        if (this.chance(0.15)) {
          const made = shiftNode(this, t);
          if (made) return made;
        }
        const op = this.pick(["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]);
        if (op === "<<" || op === ">>") return bin(t, "int", op);
        if (this.chance(0.15)) return node(t, "checked", [bin(t, t, op)], (k) => `checked${k[0]}`);
        if (this.chance(0.1)) return node(t, "checked", [bin(t, t, op)], (k) => `unchecked${k[0]}`);
        if (this.chance(0.1)) {
          const un = this.pick(["-", "~"]);
          return node(t, "operators", [this.gen(t, d, env)], (k) => `${un}${paren(k[0]!)}`);
        }
        return bin(t, t, op);
      }
      case "double":
      case "decimal":
        if (this.chance(0.1)) return node(t, "operators", [this.gen(t, d, env)], (k) => `-${paren(k[0]!)}`);
        return bin(t, t, this.pick(["+", "-", "*", "/", "%"]), t === "double" ? "double" : "decimal");
      case "bool": {
        const kind = this.int(0, 4);
        if (kind === 0) return bin("bool", "bool", this.pick(["&&", "||", "==", "!=", "^"]));
        if (kind === 1) return node(t, "operators", [this.gen("bool", d, env)], (k) => `!${paren(k[0]!)}`);
        const ct = this.pick(["int", "long", "double", "decimal", "char", "DateTime", "TimeSpan", "string", "double"]);
        const ops = ct === "string" ? ["==", "!="] : ["==", "!=", "<", "<=", ">", ">="];
        return bin(ct, ct, this.pick(ops), ct === "double" ? "double" : "operators");
      }
      case "string": {
        const other = this.pick(["string", "string", "int", "double", "char", "bool", "decimal", "object"]);
        if (this.chance(0.15)) return bin("string", "string", "??");
        return this.chance(0.5) ? bin("string", other, "+", "strings") : bin(other, "string", "+", "strings");
      }
    }
    return null;
  }

  /** Explicit and implicit numeric conversions, boxing. */
  private conversion(t: string, depth: number, env: Env): Node | null {
    // (no float → decimal: Mono converts with 15 digits where .NET Framework uses 7, cases.ts dec.from.float)
    const from = this.pick(t === "char" ? ["int"] : t === "object" ? BASE : t === "decimal" ? ["int", "long", "double", "char"] : ["int", "long", "double", "decimal", "char", "float"]);
    if (from === t) return null;
    const inner = this.gen(from, depth - 1, env);
    const wrap = this.chance(0.2) && t !== "object" && from !== "decimal" && t !== "decimal" ? "checked" : "";
    // a constant outside the target's range is a compile error (CS0221/CS0266/CS0031): convert it at run time
    const runtime = outOfRangeConstant(inner, t);
    const operand = (k: string) => (runtime ? `(${from})(object)${paren(k)}` : paren(k));
    return node(t, wrap ? "checked" : "conversions", [inner], (k) => (wrap ? `checked((${t})${operand(k[0]!)})` : `(${t})${operand(k[0]!)}`));
  }
}

/** Small, meaningful integers for parameters that are counts, sizes, indexes or date parts. */
function smallFor(name: string): readonly number[] | null {
  const n = name.toLowerCase();
  if (/year/.test(n)) return [1, 2020, 2024, 9999, 0];
  if (/month/.test(n)) return [1, 2, 12, 13, 0];
  if (/day/.test(n)) return [1, 28, 29, 31, 0, 32];
  if (/hour|minute|second|milli/.test(n)) return [0, 1, 23, 59, 60, -1];
  if (/base/.test(n)) return [2, 8, 10, 16, 3];
  if (/count|width|length|capacity|index|start|digits|decimals/.test(n)) return [0, 1, 2, 3, 5, -1];
  return null;
}

/** A root node as a DiffCase. */
export function toCase(id: string, n: Node): DiffCase {
  return n.block ? { id, type: n.t, expr: text(n), block: true } : { id, type: n.t, expr: text(n) };
}

/** `count` cases from `seed`, ids `<prefix><seed>-<n>`. */
export function generateCases(seed: number, count: number, prefix = "gen"): { nodes: Node[]; cases: DiffCase[] } {
  const g = new Generator(seed);
  const nodes: Node[] = [];
  const cases: DiffCase[] = [];
  for (let i = 0; i < count; i++) {
    const { node: n, case: c } = g.generate(`${prefix}${seed}-${i}`);
    nodes.push(n);
    cases.push(c);
  }
  // regular expressions (regex-gen.ts): one case in ten more, from their own stream
  regexNodes(seed, Math.ceil(count / 10)).forEach((n, i) => {
    nodes.push(n);
    cases.push(toCase(`${prefix}${seed}-re${i}`, n));
  });
  return { nodes, cases };
}

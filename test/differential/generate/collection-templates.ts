// Area templates over collections, each a function of the generator: LINQ chains ending in comparer
// overloads, mutation blocks, collection ToString; and the lists, arrays and comparers they build on.
import { NUM } from "./type-text.js";
import { surfaceIndex, type Callable } from "./surface-index.js";
import { block, emptyEnv, leaf, node, paren, vary, type Env, type GeneratorCore, type Node } from "./node.js";

/** Values comparers tell apart differently (comparerSource). */
const COMPARER_VALUES: Record<string, string[]> = {
  string: ["\"a\"", "\"A\"", "\"b\"", "\"\\u00df\"", "\"ss\"", "\"SS\"", "\"\\u00e9\"", "\"e\\u0301\"", "\"\\u00c9\"", "\"i\"", "\"I\"", "\"\\u0130\"", "\"\\u0131\"", "\"\"", "null", "\"a\\u00adb\"", "\"ab\""],
  double: ["double.NaN", "-0.0", "0.0", "1.5", "0.0 / 0.0", "-1.5"],
};

/** An IEqualityComparer<elem> a policy can reach (fuzz-comparer-cases.ts lists the same), null among them. */
export function comparer(g: GeneratorCore, elem: string): Node | null {
  const t = `IEqualityComparer<${elem}>`;
  const any = [`(${t})null`, `new HashSet<${elem}>().Comparer`, `new Dictionary<${elem}, int>().Comparer`];
  if (elem === "string") {
    const named = ["Ordinal", "OrdinalIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase", "CurrentCulture", "CurrentCultureIgnoreCase"].map((n) => `StringComparer.${n}`);
    const made = [`StringComparer.Create(CultureInfo.InvariantCulture, ${g.chance(0.5)})`, `new HashSet<string>(${g.pick(named)}).Comparer`, `new Dictionary<string, int>(${g.pick(named)}).Comparer`];
    return leaf(t, g.chance(0.7) ? g.pick(named) : g.pick([...any, ...made]), "comparer");
  }
  if (elem === "JToken") return leaf(t, g.chance(0.8) ? "JToken.EqualityComparer" : g.pick(any), "comparer");
  const set = /^HashSet<(.+)>$/.exec(elem);
  if (set) return leaf(t, g.chance(0.8) ? `HashSet<${set[1]}>.CreateSetComparer()` : g.pick(any), "comparer");
  if (!g.canMake(elem)) return null;
  return leaf(t, g.pick(any), "comparer");
}

/** A sequence for a comparer to tell apart: case variants, culture-equal spellings, nulls (strings); NaN, -0 (doubles). */
function comparerSource(g: GeneratorCore, elem: string, e: Env): Node {
  const pool = COMPARER_VALUES[elem];
  if (!pool || g.chance(0.3)) return g.chance(0.5) ? list(g, elem, e) : array(g, elem, e);
  const n = g.int(0, 6);
  const items = Array.from({ length: n }, () => g.pick(pool));
  if (g.chance(0.5)) return leaf(`List<${elem}>`, `new List<${elem}> { ${items.join(", ")} }`, "collections");
  return leaf(`${elem}[]`, `new ${elem}[] { ${items.join(", ")} }`, "collections");
}

/** A List<elem> initializer of up to five generated elements. */
export function list(g: GeneratorCore, elem: string, e: Env): Node {
  const n = g.int(0, 5);
  const kids = Array.from({ length: n }, () => g.gen(elem, 1, e));
  return vary(node(`List<${elem}>`, "collections", kids, (k) => `new List<${elem}> { ${k.join(", ")} }`));
}

/** An elem[] initializer of up to five generated elements. */
function array(g: GeneratorCore, elem: string, e: Env): Node {
  const n = g.int(0, 5);
  const kids = Array.from({ length: n }, () => g.gen(elem, 1, e));
  return vary(node(`${elem}[]`, "collections", kids, (k) => `new ${elem}[] { ${k.join(", ")} }`));
}

/** Longer LINQ chains over lists and arrays. */
export function linqChain(g: GeneratorCore): Node {
  const e = emptyEnv();
  const elem = g.pick(["int", "string", "double", "decimal", "long"]);
  const src = g.chance(0.25) ? comparerSource(g, elem, e) : g.chance(0.5) ? list(g, elem, e) : array(g, elem, e);
  let cur: Node = src;
  let curElem = elem;
  /** The comparer argument of an overload that takes one: sometimes left out (the default overload). */
  const cmp = (t: string, p = 0.6): Node | null => (g.chance(p) ? comparer(g, t) : null);
  const withCmp = (kids: Node[], c: Node | null): Node[] => (c ? [...kids, c] : kids);
  const cmpText = (k: string[], c: Node | null): string => (c ? `, ${k[k.length - 1]}` : "");
  const steps = g.int(1, 3);
  for (let i = 0; i < steps; i++) {
    const x = g.fresh();
    const inner: Env = { vars: [{ name: x, t: curElem }], lambdaDepth: 1 };
    const kind = g.int(0, 7);
    const prev = cur;
    if (kind === 0) {
      const pred = g.gen("bool", 2, inner);
      cur = node(`IEnumerable<${curElem}>`, "linq", [prev, pred], (k) => `${paren(k[0]!)}.Where(${x} => ${k[1]})`);
    } else if (kind === 1) {
      const key = g.pick(["int", "string", "double"]);
      const sel = g.gen(key, 2, inner);
      cur = node(`IEnumerable<${key}>`, "linq", [prev, sel], (k) => `${paren(k[0]!)}.Select(${x} => ${k[1]})`);
      curElem = key;
    } else if (kind === 2) {
      const c = cmp(curElem, 0.5);
      cur = node(`IEnumerable<${curElem}>`, "linq", withCmp([prev], c), (k) => `${paren(k[0]!)}.Distinct(${c ? k[1] : ""})`);
    } else if (kind === 7) {
      const op = g.pick(["Union", "Intersect", "Except"]);
      const c = cmp(curElem);
      cur = node(`IEnumerable<${curElem}>`, "linq", withCmp([prev, comparerSource(g, curElem, e)], c), (k) => `${paren(k[0]!)}.${op}(${k[1]}${cmpText(k, c)})`);
    } else if (kind === 3) {
      const key = g.pick(["int", "string", "double"]);
      const sel = g.gen(key, 1, inner);
      const dir = g.pick(["OrderBy", "OrderByDescending"]);
      cur = node(`IEnumerable<${curElem}>`, "linq", [prev, sel], (k) => `${paren(k[0]!)}.${dir}(${x} => ${k[1]}).AsEnumerable()`);
    } else if (kind === 4) {
      const n = g.int(-1, 3);
      const op = g.pick(["Skip", "Take"]);
      cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}.${op}(${n})`);
    } else if (kind === 5) {
      // (List<T>.Reverse() is the void instance method: through IEnumerable<T> for LINQ's)
      const asSeq = prev.t.startsWith("List<") ? ".AsEnumerable()" : "";
      cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}${asSeq}.Reverse()`);
    } else {
      cur = node(`IEnumerable<${curElem}>`, "linq", [prev], (k) => `${paren(k[0]!)}.Cast<object>().OfType<${curElem}>()`);
    }
  }
  const fin = g.int(0, 13);
  const ce = curElem;
  if (fin >= 10) return comparerFinal(g, cur, ce, fin - 10, e);
  if (fin === 0) return node(`List<${ce}>`, "linq", [cur], (k) => `${paren(k[0]!)}.ToList()`);
  if (fin === 1) return node("int", "linq", [cur], (k) => `${paren(k[0]!)}.Count()`);
  if (fin === 2) return node("string", "linq", [cur], (k) => `string.Join(",", ${k[0]})`);
  if (fin === 3 && NUM.includes(ce)) return node(ce, "linq-aggregate", [cur], (k) => `${paren(k[0]!)}.Sum()`);
  if (fin === 4 && NUM.includes(ce)) return node(ce === "decimal" ? "decimal" : "double", "linq-aggregate", [cur], (k) => `${paren(k[0]!)}.Average()`);
  if (fin === 5) {
    const which = g.pick(["Min", "Max", "First", "Last", "FirstOrDefault", "LastOrDefault", "Single"]);
    return node(ce, "linq", [cur], (k) => `${paren(k[0]!)}.${which}()`);
  }
  if (fin === 6) {
    // GroupBy's shapes: key, key + element, key + result, key + element + result, each with or without a comparer
    const c = cmp(ce);
    const shape = g.int(0, 3);
    const call = ["v => v", "v => v, v => 1", "v => v, (k, g) => k + \":\" + g.Count()", "v => v, v => v, (k, g) => k + \":\" + string.Join(\"+\", g)"][shape]!;
    const tail = shape === 0 ? `.Select(g => g.Key + ":" + g.Count())` : shape === 1 ? `.Select(g => g.Key + ":" + g.Sum())` : "";
    return node("string", "linq", withCmp([cur], c), (k) => `string.Join(",", ${paren(k[0]!)}.GroupBy(${call}${cmpText(k, c)})${tail})`);
  }
  if (fin === 7) {
    const c = cmp(ce, 0.4);
    return node("bool", "linq", withCmp([cur, g.gen(ce, 1, e)], c), (k) => `${paren(k[0]!)}.Contains(${k[1]}${cmpText(k, c)})`);
  }
  if (fin === 8) return node(`${ce}[]`, "linq", [cur], (k) => `${paren(k[0]!)}.ToArray()`);
  const c = cmp("string", 0.4);
  return node("string", "linq", withCmp([cur], c), (k) => `string.Join(",", ${paren(k[0]!)}.ToDictionary(v => v.ToString(), v => v${cmpText(k, c)}).Keys)`);
}

/** The comparer overloads that end a chain: SequenceEqual, ToLookup, ToHashSet, Join/GroupJoin, ToDictionary by element. */
function comparerFinal(g: GeneratorCore, cur: Node, ce: string, which: number, e: Env): Node {
  const c = comparer(g, ce);
  const kids = c ? [cur, comparerSource(g, ce, e), c] : [cur, comparerSource(g, ce, e)];
  const ct = (k: string[]) => (c ? `, ${k[2]}` : "");
  if (which === 0) return node("bool", "linq", kids, (k) => `${paren(k[0]!)}.SequenceEqual(${k[1]}${ct(k)})`);
  if (which === 1) return node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.ToLookup(v => v${ct(k)}).Select(g => g.Key + ":" + g.Count())) + "/" + ${paren(k[0]!)}.ToLookup(v => v${ct(k)}).Contains(${k[1]}.FirstOrDefault())`);
  if (which === 2) return node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.ToHashSet(${c ? k[2] : ""})) + "/" + string.Join(",", ${paren(k[0]!)}.ToDictionary(v => v${ct(k)}).Keys)`);
  return g.chance(0.5)
    ? node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.Join(${k[1]}, x => x, y => y, (x, y) => x + "~" + y${ct(k)}))`)
    : node("string", "linq", kids, (k) => `string.Join(",", ${paren(k[0]!)}.GroupJoin(${k[1]}, x => x, y => y, (x, ys) => x + "~" + ys.Count()${ct(k)}))`);
}

/** A mutable collection, a few surface members applied as statements, then a result. */
export function mutationBlock(g: GeneratorCore): Node {
  const e = emptyEnv();
  const kind = g.int(0, 6);
  if (kind === 0) {
    // changing a collection inside foreach
    const l = list(g, "int", e);
    const op = g.pick(["l.Add(x)", "l.Remove(x)", "l.Clear()", "l[0] = x", "l.Insert(0, x)"]);
    return node("int", "foreach-mutation", [l], (k) => block(`var l = ${k[0]}; int n = 0; foreach (var x in l) { n++; if (n == 2) ${op}; } return n;`), true);
  }
  if (kind === 1) {
    const d = g.gen("Dictionary<string, int>", 1, e);
    return node(
      "string",
      "dictionary-order",
      [d],
      (k) => block(`var d = ${k[0]}; d["k1"] = 1; d["k2"] = 2; d.Remove("k1"); d["k3"] = 3; d["k1"] = 4; return string.Join(",", d.Keys);`),
      true,
    );
  }
  if (kind === 2) {
    const l = list(g, g.pick(["int", "string", "double"]), e);
    const cmp = g.pick(["(a, b) => b.CompareTo(a)", "(a, b) => 0", "(a, b) => a.ToString().Length - b.ToString().Length"]);
    return node("string", "sort", [l], (k) => block(`var l = ${k[0]}; l.Sort(${cmp}); return string.Join(",", l);`), true);
  }
  if (kind === 3) {
    const t = g.pick(["int", "string"]);
    const a = list(g, t, e);
    const b = list(g, t, e);
    const op = g.pick(["UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"]);
    return node("string", "hashset", [a, b], (k) => block(`var s = new HashSet<${t}>(${k[0]}); s.${op}(${k[1]}); return string.Join(",", s) + "|" + s.Count;`), true);
  }
  if (kind === 4) {
    const t = g.pick(["int", "string", "DateTime"]);
    const l = list(g, t, e);
    return node(t, "list-find", [l, g.gen(t, 0, e)], (k) => block(`var l = ${k[0]}; var f = ${k[1]}; return l.Find(x => x.Equals(f) && false);`), true);
  }
  // surface members as statements on a List<T> / Dictionary / StringBuilder
  const recvT = g.pick(["List<int>", "List<string>", "Dictionary<string, int>", "StringBuilder"]);
  const v = g.fresh();
  const init = recvT === "StringBuilder" ? leaf(recvT, `new StringBuilder("ab")`) : g.gen(recvT, 1, e);
  const inner: Env = { vars: [{ name: v, t: recvT }], lambdaDepth: 0 };
  const calls = (surfaceIndex().get("void") ?? []).filter((c) => c.recv === recvT);
  const more = [...surfaceIndex().values()].flat().filter((c) => c.recv === recvT && c.m.kind === "method");
  const stmts: Node[] = [];
  const n = g.int(1, 3);
  for (let i = 0; i < n; i++) {
    const c = g.pick(calls.length && g.chance(0.6) ? calls : more);
    if (!c) break;
    const made = callOn(g, c, v, inner);
    if (made) stmts.push(made);
  }
  const result = recvT === "StringBuilder" ? `${v}.ToString()` : recvT.startsWith("Dictionary") ? `string.Join(",", ${v}.Select(p => p.Key + "=" + p.Value))` : `string.Join(",", ${v})`;
  return node("string", "mutation", [init, ...stmts], (k) => block(`var ${v} = ${k[0]}; ${k.slice(1).map((s) => `${s};`).join(" ")} return ${result};`), true);
}

/** A call on a variable, as a statement. */
function callOn(g: GeneratorCore, c: Callable, v: string, env: Env): Node | null {
  const made = g.call({ ...c, recv: null }, 2, env);
  if (!made) return null;
  const name = c.m.name;
  if (c.m.kind !== "method") return null;
  return node("void", made.area, made.kids, (k) => `${v}.${name}(${k.join(", ")})`);
}

/** ToString of arrays, lists, dictionaries (the .NET type names). */
export function collectionToString(g: GeneratorCore): Node {
  const e = emptyEnv();
  const t = g.pick(["int[]", "List<int>", "List<string>", "Dictionary<string, int>", "string[]", "HashSet<int>"]);
  return node("string", "collection-tostring", [g.gen(t, 1, e)], (k) => `${paren(k[0]!)}.ToString()`);
}

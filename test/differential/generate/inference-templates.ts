// Generic type inference over mixed types (session 25: Join keys int and double did not compile in
// apimc; a lambda's int result was not converted to its delegate's decimal). C# fixes a type
// parameter with several bounds to the one the others convert to, and converts a lambda's result to
// the delegate's return type; the templates give it those choices. Only what C# compiles: value-type
// sequences are not covariant (int[] is no IEnumerable<long>), so Concat/Union/SequenceEqual mix
// reference element types, and numbers mix through lambdas (Zip, Join keys, Aggregate seeds).
import { block, node, type GeneratorCore, type Node } from "./node.js";

/** Array elements of each type: equal values across types (1, 1.0, 1m, '\u0001'), ends, duplicates. */
const ELEMENTS: Record<string, string[]> = {
  int: ["1", "2", "3", "-1", "0", "97", "int.MaxValue", "2"],
  long: ["1L", "2L", "4294967296L", "-1L", "97L", "long.MaxValue"],
  double: ["1.0", "2.5", "2", "-0.0", "0.1", "97", "double.NaN", "3"],
  decimal: ["1m", "1.0m", "2.00m", "0.1m", "-1m", "97m"],
  short: ["1", "2", "-1", "short.MaxValue", "97"],
  char: ["'a'", "'b'", "'\\u0001'", "'\\u0002'", "'1'"],
  "int?": ["1", "null", "2", "97", "null", "0"],
  float: ["1f", "2.5f", "0.1f", "16777217f"],
  byte: ["1", "2", "255", "97"],
};
const arrayOf = (g: GeneratorCore, t: string): string => {
  const n = g.int(0, 4);
  return `new ${t}[] { ${Array.from({ length: n }, () => g.pick(ELEMENTS[t]!)).join(", ")} }`;
};

/** [outer, inner] element types whose keys meet at one type (the wider, or the Nullable). */
const JOIN_PAIRS: [string, string][] = [
  ["int", "double"], ["double", "int"], ["int", "long"], ["long", "int"], ["int", "decimal"], ["decimal", "int"], ["short", "int"], ["int", "short"],
  ["char", "int"], ["int", "char"], ["int", "int?"], ["int?", "int"], ["byte", "long"], ["float", "double"], ["char", "double"], ["long", "decimal"],
];
/** Key selectors: the element itself, or arithmetic that keeps (or promotes) its type. */
const keyOf = (g: GeneratorCore, t: string, x: string): string => (t === "int?" ? g.pick([x, `${x} % 3`]) : g.pick([x, x, `${x} % 3`, `${x} * 2`, `${x} / 2`]));

/** Join/GroupJoin whose outer and inner keys have different numeric types. */
function mixedJoin(g: GeneratorCore): Node {
  const [a, b] = g.pick(JOIN_PAIRS);
  const outer = arrayOf(g, a);
  const inner = arrayOf(g, b);
  const ok = keyOf(g, a, "x");
  const ik = keyOf(g, b, "y");
  const text = g.chance(0.5)
    ? `string.Join(",", ${outer}.Join(${inner}, x => ${ok}, y => ${ik}, (x, y) => x + "~" + y))`
    : `string.Join(",", ${outer}.GroupJoin(${inner}, x => ${ok}, y => ${ik}, (x, ys) => x + ":" + string.Join("+", ys)))`;
  return node("string", "inference", [], () => text);
}

/** Zip, Aggregate and ternaries: a result type from two element types. */
function mixedZip(g: GeneratorCore): Node {
  const [a, b] = g.pick(JOIN_PAIRS.filter(([x, y]) => !x.endsWith("?") && !y.endsWith("?")));
  const xs = arrayOf(g, a);
  const ys = arrayOf(g, b);
  switch (g.int(0, 3)) {
    case 0: {
      const body = g.pick(["x + y", "x * y", "x / y", "x + \"\" + y", "x == y", "x > y ? x : y"]);
      return node("string", "inference", [], () => `string.Join(",", ${xs}.Zip(${ys}, (x, y) => ${body}))`);
    }
    case 1: {
      // the seed fixes TAccumulate: the sum is in the seed's type
      // (acc + x must convert back to the seed's type: no double seed over decimals, no long seed over doubles)
      const seeds = ["\"\"", ...(a === "decimal" ? [] : ["0.5", "1.0"]), ...(["double", "float"].includes(a) ? [] : ["0m"]), ...(["double", "float", "decimal"].includes(a) ? [] : ["0L", "0.0f"])];
      const seed = g.pick(seeds);
      return node("string", "inference", [], () => `${xs}.Aggregate(${seed}, (acc, x) => acc + x).ToString()`);
    }
    case 2: {
      const [cmp, other] = [g.pick([">", "=="]), g.pick(ELEMENTS[b]!.filter((e) => e !== "null"))];
      return node("string", "inference", [], () => `string.Join(",", ${xs}.Select(x => x ${cmp} 1 ? x : ${other}))`);
    }
    default: {
      // best common type of an implicitly typed array
      const arr = `new[] { ${g.pick(ELEMENTS[a]!.filter((e) => e !== "null"))}, ${g.pick(ELEMENTS[b]!)} }`;
      return node("string", "inference", [], () => `string.Join(",", ${arr}) + "|" + ${arr}.Sum(v => (double)v)`);
    }
  }
}

/** Sequences of reference types of different element types (covariance: string[] is an IEnumerable<object>). */
const REF_SEQUENCES: [string, string[]][] = [
  ["string", [`new[] { "a", "b", null }`, `new List<string> { "1", "a" }`, `new string[0]`]],
  ["object", [`new object[] { 1, "a", 1L, 1.0, null, 'a' }`, `new object[] { "a", 1 }`, `new List<object> { 1, 2m }`, `new[] { 1, 2 }.Cast<object>()`]],
  ["JToken", [`new JToken[] { 1, "a", JValue.CreateNull() }`, `new JValue[] { new JValue(1), new JValue("a") }`]],
];

function mixedSequences(g: GeneratorCore): Node {
  const [ta, as] = g.pick(REF_SEQUENCES);
  const same = g.chance(0.3);
  const [tb, bs] = same ? [ta, as] : g.pick(REF_SEQUENCES.filter(([t]) => t !== "JToken" || ta === "JToken"));
  const a = g.pick(as);
  const b = g.pick(bs);
  // (string with JToken: no common type, C# rejects; so JToken only with its own kind or object)
  if ((ta === "JToken") !== (tb === "JToken") && ta !== "object" && tb !== "object") return mixedZip(g);
  const op = g.pick(["Concat", "Union", "Intersect", "Except", "SequenceEqual", "Zip"]);
  const call = op === "Zip" ? `${a}.Zip(${b}, (x, y) => x + "=" + y)` : `${a}.${op}(${b})`;
  return node("string", "inference", [], () => (op === "SequenceEqual" ? `${call}.ToString()` : `string.Join(",", ${call}.Select(v => v == null ? "null" : v.ToString()))`));
}

/** [parameter type, return type, argument] of a Func whose lambda body's type converts to the return type. */
const CONVERTED: [string, string, string[]][] = [
  ["int", "decimal", ["3", "int.MaxValue", "-7"]], ["int", "double", ["3", "int.MaxValue", "-7"]], ["int", "long", ["3", "int.MaxValue", "int.MinValue"]],
  ["int", "object", ["3", "0"]], ["int", "int?", ["3", "0"]], ["char", "int", ["'a'", "'\\uffff'"]], ["char", "object", ["'x'"]], ["long", "double", ["long.MaxValue", "9007199254740993L"]],
  ["long", "decimal", ["long.MinValue", "3L"]], ["short", "int", ["(short)-3", "short.MaxValue"]], ["byte", "int", ["(byte)200"]], ["float", "double", ["0.1f", "16777217f"]],
  ["int", "float", ["16777217", "3"]], ["long", "float", ["long.MaxValue"]], ["uint", "long", ["uint.MaxValue", "3u"]], ["string", "object", ["\"s\"", "null"]],
];
/** Lambda bodies over x: the arithmetic happens in the parameter's type, then converts (x * 2 wraps in int first). */
const BODIES = ["x", "x", "x * 2", "x / 2", "x + 1", "x % 3"];

/** A Func local whose lambda's result converts to the delegate's return type, invoked. */
function convertedLambda(g: GeneratorCore): Node {
  const [p, r, args] = g.pick(CONVERTED);
  const body = p === "string" ? g.pick(["x", "x + 1", "x ?? \"n\""]) : p === "char" ? g.pick(["x", "x + 1", "x / 2"]) : g.pick(BODIES);
  const lambda = g.pick([`x => ${body}`, `(x) => ${body}`, `(${p} x) => ${body}`, `x => { return ${body}; }`]);
  const make = g.chance(0.3) ? `new Func<${p}, ${r}>(${lambda})` : lambda;
  const arg = g.pick(args);
  const use = r === "decimal" || r === "double" || r === "float" ? g.pick(["f(a) / 8", "f(a) / 3", "f(a)"]) : r === "object" ? g.pick(["f(a)", "f(a).Equals(a)", "(f(a) is int) + \",\" + (f(a) is long)"]) : g.pick(["f(a)", "f(a) + 1", "f(a) * 1000"]);
  const show = r === "object" ? `(f(a) == null ? "null" : (${use}).ToString())` : `(${use}).ToString()`;
  return node("string", "inference", [], () => block(`${p} a = ${arg}; Func<${p}, ${r}> f = ${make}; return ${show};`), true);
}

/** Two-parameter lambdas whose int arithmetic converts (int division assigned to a double delegate). */
function convertedTwo(g: GeneratorCore): Node {
  const r = g.pick(["double", "decimal", "long", "object", "float"]);
  const op = g.pick(["/", "*", "-", "%"]);
  const [a, b] = [g.pick(["7", "int.MaxValue", "-7", "1"]), g.pick(["2", "3", "-1", "int.MaxValue"])];
  return node("string", "inference", [], () => block(`Func<int, int, ${r}> h = (a, b) => a ${op} b; return h(${a}, ${b}).ToString() + "|" + new[] { ${a} }.Select(x => h(x, ${b})).First();`), true);
}

/** Generic inference with mixed types: one of the shapes above. */
export function inference(g: GeneratorCore): Node {
  switch (g.int(0, 5)) {
    case 0:
    case 1:
      return mixedJoin(g);
    case 2:
      return mixedZip(g);
    case 3:
      return mixedSequences(g);
    case 4:
      return convertedLambda(g);
    default:
      return convertedTwo(g);
  }
}

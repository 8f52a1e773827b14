// Reference equality of boxed values: each conversion of a value to object boxes anew (so
// ReferenceEquals(x, x) of an int is false), a Nullable without a value boxes to null (true with
// another null), a boxed local is one object (true with itself, false once unboxed and boxed again),
// and string literals are interned (the same literal, and a constant concatenation, are one object).
// Strings built at run time (new string(...), string.Copy, a Substring of part, a concatenation of
// non-empty run-time parts) are new objects in .NET, but JS strings have no identity: apimc compares
// their text (README, known differences), so those pairs are not generated.
import { block, node, paren, type Env, type GeneratorCore, type Node } from "./node.js";
import { integralValue } from "./integral-templates.js";

/** A value-type expression of a type the generator makes; a Nullable with or without a value. */
function valueOperand(g: GeneratorCore, env: Env): Node {
  const t = g.pick(["int", "long", "double", "decimal", "bool", "char", "DateTime", "TimeSpan", "Guid", "DayOfWeek", "byte", "uint", "int?", "int?", "double?", "float"]);
  if (t === "byte" || t === "uint") return integralValue(g, t);
  if (t.endsWith("?") && g.chance(0.5)) {
    const none = g.pick([`(${t})null`, `new ${t.slice(0, -1)}?()`, `default(${t})`]);
    return node(t, "refeq", [], () => none);
  }
  return g.gen(t, 1, env);
}

/** Strings: the same literal twice (interned), a constant concatenation, and members that return the same object. */
const STRING_PAIRS: [string, string][] = [
  [`"ab"`, `"ab"`], [`"ab"`, `"a" + "b"`], [`""`, `string.Empty`], [`(string)null`, `(string)null`], [`"x"`, `"x".ToString()`],
  [`"x"`, `string.Intern(new string('x', 1))`], [`"ab"`, `"ab".Substring(0)`], [`"ab"`, `string.Concat("ab", "")`],
];

/** Three answers side by side: ReferenceEquals, == on object, and Equals (value equality, for contrast). */
const compare = (x: string, y: string): string => `object.ReferenceEquals(${x}, ${y}) + "," + ((object)${paren(x)} == (object)${paren(y)}) + "," + object.Equals(${x}, ${y})`;

export function referenceEquality(g: GeneratorCore): Node {
  const env: Env = { vars: [], lambdaDepth: 0 };
  switch (g.int(0, 4)) {
    case 0: {
      // two value expressions, or one expression twice (boxed twice: two objects)
      const a = valueOperand(g, env);
      const b = g.chance(0.4) ? a : valueOperand(g, env);
      return node("string", "refeq", [a, b], (k) => compare(k[0]!, k[1]!));
    }
    case 1: {
      const [x, y] = g.pick(STRING_PAIRS);
      return node("string", "refeq", [], () => compare(x, y));
    }
    case 2: {
      // an object local assigned once: the same box each time it is read; unboxed and boxed again, another
      const a = valueOperand(g, env);
      const t = a.t;
      const other = g.pick([`o`, `(object)(${t})o`, `(object)o`, `p`, `(object)p`]);
      return node("string", "refeq", [a], (k) => block(`object o = ${k[0]}; object p = o; return ${compare("o", other)} + "|" + (o == p);`), true);
    }
    case 3: {
      // a local of value type read twice; a Nullable local with and without a value
      const t = g.pick(["int", "int?", "double?", "bool", "long"]);
      const v = t.endsWith("?") && g.chance(0.5) ? "null" : g.pick(t.startsWith("double") ? ["1.5", "double.NaN"] : t === "bool" ? ["true"] : ["1", "0"]);
      return node("string", "refeq", [], () => block(`${t} x = ${v}; return ${compare("x", "x")} + "|" + (x == x);`), true);
    }
    default: {
      // strings from a string local: the local itself, and ToString()/(object) of it, are the same object
      const s = g.gen("string", 1, env);
      const other = g.pick(["s", "s.ToString()", "(object)s", "(string)(object)s", "s + \"\"", "string.Concat(s, null)"]);
      return node("string", "refeq", [s], (k) => block(`string s = ${k[0]}; object o = s; return ${compare("o", other)};`), true);
    }
  }
}

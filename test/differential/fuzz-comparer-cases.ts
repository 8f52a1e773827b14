// The IEqualityComparer<T> overloads (issue 11: Distinct(comparer) and its kin), as matrices: each
// LINQ operator and each collection constructor that takes a comparer x each comparer a policy can
// reach (the StringComparers, null, a collection's .Comparer, StringComparer.Create) x inputs with
// case variants, nulls and culture-equal spellings ("ß"/"ss", "é"/"e\u0301", a soft hyphen);
// JToken.EqualityComparer, HashSet<T>.CreateSetComparer() and the default comparer over doubles
// (NaN, -0). Ids fzc.s24.comparer.*.
import type { DiffCase } from "./cases.js";

const b = (id: string, body: string): DiffCase => ({ id: `fzc.s24.comparer.${id}`, type: "string", expr: body, block: true });

/** Every comparer of strings a policy can name. */
export const STRING_COMPARERS = [
  "StringComparer.Ordinal",
  "StringComparer.OrdinalIgnoreCase",
  "StringComparer.InvariantCulture",
  "StringComparer.InvariantCultureIgnoreCase",
  "StringComparer.CurrentCulture",
  "StringComparer.CurrentCultureIgnoreCase",
  "null",
  "new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase).Comparer",
  "new HashSet<string>().Comparer",
  "StringComparer.Create(CultureInfo.InvariantCulture, true)",
];
/** Sequences with case variants, duplicates, nulls and culture-equal spellings. */
const INPUTS = [
  `new List<string> { "a", "A", "b", "a", "B", "c" }`,
  `new[] { "\\u00df", "ss", "SS", "Ss", "\\u1e9e" }`,
  `new[] { "\\u00e9", "e\\u0301", "E\\u0301", "\\u00c9", "e" }`,
  `new[] { null, "x", null, "X", "" }`,
  `new[] { "i", "I", "\\u0130", "\\u0131", "a\\u00adb", "ab", "-ab", "a-b" }`,
  `new string[0]`,
];
const SECONDS = [`new[] { "A", "SS", "e\\u0301", null }`, `new List<string> { "b", "x", "\\u00c9" }`];
const PROBES = [`"a"`, `"A"`, `"ss"`, `"\\u00e9"`, `"E\\u0301"`, `null`, `""`, `"ab"`];

const show = (e: string) => `string.Join("|", ${e}.Select(x => x ?? "<null>"))`;
/** Each expression's answer per input, newline-separated; an entry in braces is statements that r.Add their answer. */
const perInput = (exprs: readonly string[]) =>
  `var r = new List<string>(); foreach (var xs in new IEnumerable<string>[] { ${INPUTS.join(", ")} }) { ${exprs.map((e) => `try { ${e.startsWith("{") ? e.slice(1, -1) : `r.Add(${e});`} } ${CATCHES}`).join(" ")} } return string.Join("\\n", r);`;
/** An exception as !Type (so one throwing expression does not hide the rest). */
const CATCHES = ["ArgumentNullException", "ArgumentException", "InvalidOperationException", "NullReferenceException", "Exception"].map((t) => `catch (${t}) { r.Add("!${t}"); }`).join(" ");

const stringOps = (c: string): string[] => [
  show(`xs.Distinct(${c})`),
  PROBES.map((p) => `xs.Contains(${p}, ${c})`).join(` + "," + `),
  ...SECONDS.flatMap((s) => [show(`xs.Union(${s}, ${c})`), show(`xs.Intersect(${s}, ${c})`), show(`xs.Except(${s}, ${c})`), `xs.SequenceEqual(${s}, ${c}).ToString()`]),
  `xs.SequenceEqual(xs.Select(x => x == null ? null : x.ToUpperInvariant()), ${c}).ToString()`,
  show(`xs.GroupBy(x => x, ${c}).Select(g => (g.Key ?? "<null>") + ":" + g.Count())`),
  show(`xs.GroupBy(x => x, x => x == null ? -1 : x.Length, ${c}).Select(g => (g.Key ?? "<null>") + ":" + string.Join("+", g))`),
  show(`xs.GroupBy(x => x, (k, g) => (k ?? "<null>") + ":" + string.Join("+", g.Select(y => y ?? "-")), ${c})`),
  show(`xs.GroupBy(x => x, x => x + "!", (k, g) => (k ?? "<null>") + ":" + string.Join("+", g), ${c})`),
  show(`xs.ToLookup(x => x, ${c}).Select(g => (g.Key ?? "<null>") + ":" + g.Count())`),
  `string.Join(",", new[] { "a", "A", "SS", "\\u00e9", "" }.Select(k => xs.ToLookup(x => x, ${c})[k].Count() + "/" + xs.ToLookup(x => x, ${c}).Contains(k)))`,
  show(`xs.Where(x => x != null).ToDictionary(x => x, ${c}).Select(p => p.Key)`),
  show(`xs.Where(x => x != null).Distinct(${c}).ToDictionary(x => x, x => x.Length, ${c}).Select(p => p.Key + "=" + p.Value)`),
  show(`xs.ToDictionary(x => x, ${c}).Keys`),
  show(`xs.Join(${SECONDS[0]}, x => x, y => y, (x, y) => x + "~" + y, ${c})`),
  show(`xs.GroupJoin(${SECONDS[1]}, x => x, y => y, (x, ys) => (x ?? "<null>") + "~" + string.Join("+", ys), ${c})`),
  show(`xs.ToHashSet(${c})`),
];

/** Dictionary and HashSet made with the comparer: lookups, duplicates, set operations. */
const collectionOps = (c: string): string[] => [
  `{ var d = new Dictionary<string, int>(${c}); foreach (var y in xs) if (y != null) d[y] = d.ContainsKey(y) ? d[y] + 1 : 1; r.Add(string.Join(",", xs.Where(x => x != null).Select(x => x + "=" + d[x] + "/" + d.Count))); }`,
  show(`new HashSet<string>(xs, ${c})`),
  `new HashSet<string>(xs, ${c}).Count.ToString()`,
  `string.Join(",", new[] { ${PROBES.join(", ")} }.Select(p => new HashSet<string>(xs, ${c}).Contains(p)))`,
  `{ var acc = ""; foreach (var p in new[] { ${PROBES.join(", ")} }) { var h = new HashSet<string>(${c}); foreach (var y in xs) h.Add(y); acc += h.Add(p) + ":" + h.Count + ","; } r.Add(acc); }`,
  ...SECONDS.flatMap((s) => [
    `{ var h = new HashSet<string>(xs, ${c}); h.UnionWith(${s}); r.Add(${show("h")}); }`,
    `{ var h = new HashSet<string>(xs, ${c}); h.IntersectWith(${s}); r.Add(${show("h")}); }`,
    `{ var h = new HashSet<string>(xs, ${c}); h.ExceptWith(${s}); r.Add(${show("h")}); }`,
    `{ var h = new HashSet<string>(xs, ${c}); h.SymmetricExceptWith(${s}); r.Add(${show("h")}); }`,
    `{ var h = new HashSet<string>(xs, ${c}); r.Add(h.SetEquals(${s}) + "," + h.IsSubsetOf(${s}) + "," + h.IsSupersetOf(${s}) + "," + h.Overlaps(${s})); }`,
  ]),
  `(new Dictionary<string, int>(${c}).Comparer == null).ToString()`,
  `(new HashSet<string>(${c}).Comparer == null).ToString()`,
];

/** Comparers of two collections that meet (HashSet set operations take the shortcuts only for equal comparers). */
const PAIR_COMPARERS = ["StringComparer.Ordinal", "StringComparer.OrdinalIgnoreCase", "StringComparer.InvariantCultureIgnoreCase", "(IEqualityComparer<string>)null"];
const SET_OPS = ["UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"];
const SET_TESTS = ["SetEquals", "IsSubsetOf", "IsSupersetOf", "IsProperSubsetOf", "IsProperSupersetOf", "Overlaps"];
const mixed = (a: string, o: string) =>
  `var r = new List<string>(); var xs = new[] { "a", "B", "\u00df" }; var ys = new[] { "A", "b", "ss", "c" }; ` +
  SET_OPS.map((op) => `{ var h = new HashSet<string>(xs, ${a}); h.${op}(new HashSet<string>(ys, ${o})); r.Add(string.Join("|", h)); }`).join(" ") +
  ` { var h = new HashSet<string>(xs, ${a}); var o = new HashSet<string>(ys, ${o}); r.Add(string.Join(",", new[] { ${SET_TESTS.map((t) => `h.${t}(o)`).join(", ")} })); }` +
  ` { var h = new HashSet<string>(new[] { "a", "B" }, ${a}); var o = new HashSet<string>(new[] { "A", "b" }, ${o}); r.Add(string.Join(",", new[] { ${SET_TESTS.map((t) => `h.${t}(o)`).join(", ")} })); }` +
  ` { var d = new Dictionary<string, int>(new Dictionary<string, int>(${o}) { ["a"] = 1, ["b"] = 2, ["ss"] = 3 }, ${a}); r.Add(string.Join("|", d.Keys) + "/" + d.ContainsKey("A") + d.ContainsKey("\u00df")); }` +
  ` try { var d = new Dictionary<string, int>(new Dictionary<string, int> { ["a"] = 1, ["A"] = 2 }, ${a}); r.Add(d.Count.ToString()); } catch (ArgumentException) { r.Add("!ArgumentException"); }` +
  ` { var c = HashSet<string>.CreateSetComparer(); var p = new HashSet<string>(new[] { "a" }, ${a}); var q = new HashSet<string>(new[] { "A" }, ${o}); var q2 = new HashSet<string>(new[] { "a" }, ${o}); r.Add(new[] { p, q }.Distinct(c).Count() + "," + new[] { p, q2 }.Distinct(c).Count() + "," + new[] { q2, p }.Distinct(c).Count() + "," + new[] { p, q, q2 }.Distinct(c).Count()); }` +
  ` return string.Join("\\n", r);`;

export const FUZZ_COMPARER_CASES: DiffCase[] = [
  // a HashSet or Dictionary with one comparer meeting one with another (or the default)
  ...PAIR_COMPARERS.flatMap((a, i) => PAIR_COMPARERS.map((o, j) => b(`mixed.${i}.${j}`, mixed(a, o)))),
  ...STRING_COMPARERS.map((c, i) => b(`linq.string.${i}`, perInput(stringOps(c)))),
  // (a bare null would be ambiguous between the comparer and the collection constructors)
  ...STRING_COMPARERS.map((c, i) => b(`collections.string.${i}`, perInput(collectionOps(c === "null" ? "(IEqualityComparer<string>)null" : c)))),
  // the default comparer over doubles: NaN equals NaN and -0 equals 0 (double.Equals)
  ...["null", "new HashSet<double>().Comparer", "new Dictionary<double, int>().Comparer"].map((c, i) =>
    b(
      `double.${i}`,
      `var xs = new[] { double.NaN, -0.0, 0.0, 1.5, double.NaN, 0.0 / 0.0, -1.5 }; var ys = new List<double> { 0.0, double.NaN }; ` +
        `return string.Join("\\n", new[] { ${[
          `string.Join("|", xs.Distinct(${c}))`,
          `xs.Contains(double.NaN, ${c}) + "," + xs.Contains(0.0, ${c}) + "," + xs.Contains(2.0, ${c})`,
          `string.Join("|", xs.Union(ys, ${c}))`,
          `string.Join("|", xs.Intersect(ys, ${c}))`,
          `string.Join("|", xs.Except(ys, ${c}))`,
          `string.Join("|", xs.GroupBy(x => x, ${c}).Select(g => g.Key + ":" + g.Count()))`,
          `xs.SequenceEqual(xs.Reverse().Reverse(), ${c}).ToString()`,
          `string.Join("|", new HashSet<double>(xs, ${c}))`,
          `string.Join("|", xs.ToHashSet(${c}))`,
        ].join(", ")} });`,
    ),
  ),
  // JToken.EqualityComparer: JToken.DeepEquals, hashed by GetDeepHashCode
  b(
    "jtoken",
    `var xs = new JToken[] { new JValue(1), JToken.Parse("1"), new JValue(1.0), JToken.Parse("{\\"a\\":1,\\"b\\":2}"), JToken.Parse("{\\"b\\":2,\\"a\\":1}"), JToken.Parse("[1,2]"), JToken.Parse("[2,1]"), new JValue("1"), JValue.CreateNull(), null }; ` +
      `var c = JToken.EqualityComparer; var ys = new[] { JToken.Parse("[1,2]"), new JValue("1") }; ` +
      `return string.Join("\\n", new[] { ${[
        `string.Join("|", xs.Distinct(c).Select(x => x == null ? "<null>" : x.ToString(Formatting.None)))`,
        `string.Join("|", xs.GroupBy(x => x, c).Select(g => (g.Key == null ? "<null>" : g.Key.ToString(Formatting.None)) + ":" + g.Count()))`,
        `string.Join("|", xs.Intersect(ys, c).Select(x => x.ToString(Formatting.None)))`,
        `string.Join("|", xs.Except(ys, c).Select(x => x == null ? "<null>" : x.ToString(Formatting.None)))`,
        `xs.Contains(JToken.Parse("{\\"b\\":2,\\"a\\":1}"), c) + "," + xs.Contains(new JValue(2), c)`,
        `xs.Take(3).SequenceEqual(new[] { JToken.Parse("1"), new JValue(1), JToken.Parse("1") }, c).ToString()`,
        `string.Join("|", new HashSet<JToken>(xs, c).Select(x => x == null ? "<null>" : x.ToString(Formatting.None)))`,
      ].join(", ")} });`,
  ),
  // the capacity constructors (a negative capacity throws; the comparer applies)
  ...["-1", "0", "5"].map((n, i) =>
    b(
      `capacity.${i}`,
      `var r = new List<string>(); ` +
        [
          `{ var d = new Dictionary<string, int>(${n}); d["a"] = 1; d["A"] = 2; r.Add(string.Join("|", d.Keys)); }`,
          `{ var d = new Dictionary<string, int>(${n}, StringComparer.OrdinalIgnoreCase); d["a"] = 1; d["A"] = 2; d["\u00df"] = 3; d["SS"] = 4; r.Add(string.Join("|", d) + "/" + d.ContainsKey("Ss")); }`,
          `{ var d = new Dictionary<string, int>(${n}, StringComparer.InvariantCulture); d["e\u0301"] = 1; d["\u00e9"] = 2; r.Add(string.Join("|", d)); }`,
          `{ var h = new HashSet<string>(${n}); h.Add("a"); h.Add("A"); r.Add(string.Join("|", h)); }`,
          `{ var h = new HashSet<string>(${n}, StringComparer.OrdinalIgnoreCase); h.Add("a"); h.Add("A"); h.Add("b"); h.Remove("B"); h.Add("c"); r.Add(string.Join("|", h)); }`,
          `{ var h = new HashSet<double>(${n}, null); h.Add(double.NaN); h.Add(0.0 / 0.0); h.Add(-0.0); h.Add(0.0); r.Add(string.Join("|", h)); }`,
        ]
          .map((x) => `try ${x} catch (ArgumentOutOfRangeException e) { r.Add("!ArgumentOutOfRangeException " + e.Message.Contains("capacity")); }`)
          .join(" ") +
        ` return string.Join("\\n", r);`,
    ),
  ),
  // KeyValuePair<K, V> under the default comparer: ValueType.Equals, field by field (Equals of each field)
  ...[`"a", 1`, `"a", double.NaN`, `(string)null, -0.0`].map((kv, i) => {
    const t = i === 0 ? "KeyValuePair<string, int>" : "KeyValuePair<string, double>";
    const same = `new ${t}(${kv})`;
    const other = i === 0 ? `new ${t}("A", 1)` : `new ${t}("a", 0.0)`;
    return b(
      `kvp.${i}`,
      `var xs = new[] { ${same}, ${same}, ${other} }; return string.Join(",", new object[] { ${[
        `${same}.Equals(${same})`,
        `${same}.Equals(${other})`,
        `xs.Distinct().Count()`,
        `xs.Distinct(null).Count()`,
        `xs.Contains(${same})`,
        `xs.Contains(${same}, null)`,
        `xs.ToList().Contains(${same})`,
        `xs.ToList().IndexOf(${same})`,
        `new HashSet<${t}>(xs).Count`,
        `xs.GroupBy(x => x).Count()`,
        `xs.Intersect(new[] { ${same} }).Count()`,
        `xs.Except(new[] { ${same} }).Count()`,
        `xs.SequenceEqual(new[] { ${same}, ${same}, ${other} })`,
        `xs.ToLookup(x => x)[${same}].Count()`,
      ].join(", ")} });`,
    );
  }),
  // XNode.EqualityComparer / new XNodeEqualityComparer(): XNode.DeepEquals (attributes in order, <a/> is not <a></a>)
  b(
    "xnode",
    `var xs = XElement.Parse("<r><a x='1'>t</a><a x='1'>t</a><a>t</a><a/><a></a><!--c--><!--c--><b><c/></b><b><c/></b>text</r>").Nodes().ToList(); xs.Add(null); ` +
      `var ys = new List<XNode> { XElement.Parse("<a/>"), new XComment("c"), new XText("other") }; ` +
      `var r = new List<string>(); foreach (var c in new XNodeEqualityComparer[] { XNode.EqualityComparer, new XNodeEqualityComparer() }) { ` +
      [
        `string.Join("|", xs.Distinct(c).Select(n => n == null ? "<null>" : n.ToString(SaveOptions.DisableFormatting)))`,
        `string.Join("|", xs.GroupBy(n => n, c).Select(g => g.Count()))`,
        `string.Join("|", xs.Intersect(ys, c).Select(n => n.ToString(SaveOptions.DisableFormatting)))`,
        `string.Join("|", xs.Except(ys, c).Count())`,
        `string.Join("|", xs.Union(ys, c).Count())`,
        `xs.Contains(XElement.Parse("<b><c/></b>"), c) + "," + xs.Contains(XElement.Parse("<b><c></c></b>"), c) + "," + xs.Contains(null, c)`,
        `new HashSet<XNode>(xs, c).Count.ToString()`,
        `xs.Take(2).SequenceEqual(new XNode[] { XElement.Parse("<a x='1'>t</a>"), XElement.Parse("<a x='1'>t</a>") }, c).ToString()`,
        `string.Join("|", xs.ToLookup(n => n, c).Select(g => g.Count()))`,
      ].map((e) => `r.Add(${e});`).join(" ") +
      ` } r.Add(XNode.EqualityComparer.ToString()); return string.Join("\\n", r);`,
  ),
  // HashSet<T>.CreateSetComparer(): sets equal by their items
  b(
    "sets",
    `var xs = new List<HashSet<int>> { new HashSet<int> { 1, 2 }, new HashSet<int> { 2, 1 }, new HashSet<int>(), new HashSet<int> { 1 }, null, new HashSet<int> { 1, 2, 3 }, new HashSet<int>(), null }; ` +
      `var c = HashSet<int>.CreateSetComparer(); ` +
      `return string.Join("\\n", new[] { ${[
        `string.Join("|", xs.Distinct(c).Select(s => s == null ? "<null>" : "{" + string.Join(",", s) + "}"))`,
        `string.Join("|", xs.GroupBy(s => s, c).Select(g => g.Count()))`,
        `xs.Contains(new HashSet<int> { 2, 1 }, c) + "," + xs.Contains(new HashSet<int> { 4 }, c) + "," + xs.Contains(null, c)`,
        `string.Join("|", new HashSet<HashSet<int>>(xs, c).Count)`,
        `string.Join("|", xs.ToLookup(s => s, c).Select(g => g.Count()))`,
      ].join(", ")} });`,
  ),
];

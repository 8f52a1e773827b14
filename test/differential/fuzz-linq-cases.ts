// LINQ and evaluation-order classes the generator found (session 23, seeds 33100/34100/35000-35099):
// matrices over each class. Where Mono (corefx's System.Linq) differs from .NET Framework's
// System.Core, which APIM runs, the case carries .NET's answer (expectDotNet) with the reason.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `fzc.s23.linq.${id}`, type, expr, ...opts });

/**
 * Min/Max over double/float (and nullables) with a NaN, then an element whose selector throws.
 * .NET Framework's Enumerable.Min reads to the end (`if (x < value || Double.IsNaN(x)) value = x`, no
 * early return: referencesource System.Core/System/Linq/Enumerable.cs), so the exception comes;
 * corefx (Mono) returns at a NaN that is not the first value. Max reads to the end in both.
 */
function minMaxNaN(): DiffCase[] {
  const out: DiffCase[] = [];
  const types = [
    ["double", "double.NaN"],
    ["float", "float.NaN"],
    ["double?", "(double?)double.NaN"],
    ["float?", "(float?)float.NaN"],
  ] as const;
  // the elements before the throwing one (10 / 0): NaN first, NaN after a value, a null before NaN, no NaN
  const heads = [
    ["first", (nan: string) => [nan, "5"]],
    ["later", (nan: string) => ["5", nan]],
    ["null.first", (nan: string, t: string) => (t.endsWith("?") ? ["null", nan] : null)],
    ["none", () => ["5", "7"]],
  ] as const;
  for (const [t, nan] of types)
    for (const [hname, head] of heads) {
      const h = head(nan, t);
      if (!h) continue;
      const list = `new List<${t}> { ${h.join(", ")}, 0 }`;
      const f = `(${t})(10 / (int)${t.endsWith("?") ? "v.Value" : "v"})`;
      for (const [op, sel] of [
        ["Min", ""],
        ["Min.selector", `v => v == 0 ? ${f} : v`],
        ["Max", ""],
        ["Max.selector", `v => v == 0 ? ${f} : v`],
      ] as const) {
        const m = op.split(".")[0];
        // without a selector the throwing element comes from a Select over the list
        const src = sel ? list : `${list}.Select(v => v == 0 ? ${f} : v)`;
        const expr = `${src}.${m}(${sel})`;
        const corefxStops = m === "Min" && hname === "later";
        out.push(c(`minmax.nan.${t.replace("?", "n")}.${hname}.${op}`, t, expr, corefxStops ? { expectDotNet: "!DivideByZeroException", note: "Mono's corefx Min returns at a NaN after the first value; .NET Framework's reads on (Enumerable.cs Min(IEnumerable<double>))" } : {}));
      }
    }
  return out;
}

/**
 * Buffering operators (OrderBy, ThenBy, Reverse, GroupBy, ...) are iterators: GetEnumerator does
 * nothing and the first MoveNext reads the source. Zip pulls the first sequence before the second,
 * so the first's exception comes before the second's keys.
 */
const BUFFERING_SECONDS = [
  `new List<int> { 1, 2 }.OrderBy(v => checked(int.MaxValue + v))`,
  `new List<int> { 1, 2 }.OrderByDescending(v => checked(int.MaxValue + v))`,
  `new List<int> { 1, 2 }.OrderBy(v => v).ThenBy(v => checked(int.MaxValue + v))`,
  `new List<int> { 1, 2 }.Select(v => checked(int.MaxValue + v)).Reverse()`,
  `new List<int> { 1, 2 }.GroupBy(v => checked(int.MaxValue + v)).Select(g => g.Key)`,
  `new List<int> { 1, 2 }.Select(v => checked(int.MaxValue + v)).Distinct()`,
  `new List<int> { 1, 2 }.Intersect(new List<int> { 1 }.Select(v => checked(int.MaxValue + v)))`,
  `JToken.Parse("[1]").BeforeSelf().Select(t => 1)`,
];
function zipOrder(): DiffCase[] {
  return BUFFERING_SECONDS.flatMap((second, i) => [
    c(`zip.first.throws.${i}`, "int", `new List<string> { "a" }.SkipWhile(s => ((string)null).Length > 0).Zip(${second}, (a, b) => 1).Count()`),
    // the second's own exception when the first is fine
    c(`zip.second.throws.${i}`, "int", `new List<string> { "a" }.Zip(${second}, (a, b) => 1).Count()`),
  ]);
}

/**
 * C# evaluates a call's receiver, then its arguments left to right, whatever order a lowering reads
 * them in (Prepend's element went first). The receiver throws FormatException, the argument
 * OverflowException: C# throws the FormatException.
 */
const RECV = `new List<int> { int.Parse("x") }`;
const ARG = `checked(int.MaxValue + int.Parse("1"))`;
const ORDER_CALLS: [string, string][] = [
  ["int", `${RECV}.Prepend(${ARG}).Count()`],
  ["int", `${RECV}.Append(${ARG}).Count()`],
  ["bool", `${RECV}.Contains(${ARG})`],
  ["int", `${RECV}.ElementAtOrDefault(${ARG})`],
  ["int", `${RECV}.Skip(${ARG}).Count()`],
  ["int", `${RECV}.Take(${ARG}).Count()`],
  ["int", `${RECV}.DefaultIfEmpty(${ARG}).Count()`],
  ["int", `${RECV}.Concat(new List<int> { ${ARG} }).Count()`],
  ["bool", `${RECV}.SequenceEqual(new List<int> { ${ARG} })`],
  ["int", `${RECV}.Aggregate(${ARG}, (a, b) => a)`],
  ["int", `${RECV}.Union(new List<int> { ${ARG} }).Count()`],
  ["int", `${RECV}.Zip(new List<int> { ${ARG} }, (a, b) => a).Count()`],
  ["int", `new Dictionary<string, int> { ["a"] = int.Parse("x") }.Values.Prepend(${ARG}).Count()`],
  ["int", `new Dictionary<string, int> { ["a"] = int.Parse("x") }.GetValueOrDefault("a", ${ARG})`],
  ["string", `string.Join(int.Parse("x").ToString(), ${ARG})`],
  ["bool", `Regex.IsMatch(int.Parse("x").ToString(), ${ARG}.ToString())`],
  ["int", `Math.Max(int.Parse("x"), ${ARG})`],
  ["string", `int.Parse("x").ToString().PadLeft(${ARG})`],
  ["int", `string.Compare(int.Parse("x").ToString(), ${ARG}.ToString())`],
  ["string", `new List<string> { int.Parse("x").ToString() }.Aggregate(${ARG}.ToString(), (a, b) => a)`],
];
const order = (): DiffCase[] => ORDER_CALLS.map(([type, expr], i) => c(`order.recv.args.${i}`, type, expr));

/**
 * Newtonsoft's Extensions.Values<T, U>(source, key): a null key is no key (a JValue is itself, another
 * token gives its children, each through Extensions.Convert: "Cannot cast {type} to JToken."), and
 * Value<U>(IEnumerable<JToken>) wants the sequence to be a token ("Source value must be a JToken.").
 */
const TOKENS = [`JToken.Parse("42")`, `JToken.Parse("null")`, `JToken.Parse("{\\"a\\":1,\\"b\\":[2]}")`, `JToken.Parse("[1,\\"x\\",null]")`, `new JProperty("p", 5)`, `JValue.CreateNull()`];
const VALUES_CALLS = [
  (t: string) => `string.Join(",", new List<JToken> { ${t} }.Values<long>((object)null))`,
  (t: string) => `string.Join(",", new List<JToken> { ${t} }.Values<string>((object)null))`,
  (t: string) => `string.Join(",", new List<JToken> { ${t} }.Values<int?>((object)null))`,
  (t: string) => `string.Join("|", new List<JToken> { ${t} }.Values<JToken>((object)null).Select(x => x.ToString(Formatting.None)))`,
  (t: string) => `string.Join("|", new List<JToken> { ${t} }.Values((object)null).Select(x => x.ToString(Formatting.None)))`,
  (t: string) => `string.Join(",", new List<JToken> { ${t} }.Values<long>())`,
  (t: string) => `new List<JToken> { ${t} }.Value<long>().ToString()`,
  (t: string) => `(${t}).Value<string>()`,
  (t: string) => `new List<JToken> { ${t} }.Values().Value<string>()`,
];
const values = (): DiffCase[] => TOKENS.flatMap((t, i) => VALUES_CALLS.map((f, j) => c(`values.nullkey.${i}.${j}`, "string", f(t))));

/**
 * corefx's partition shortcuts (runtime linq-corefx.ts, test-only): Mono answers without running the
 * selector/key of element 1 (10 / 0) where .NET Framework's System.Core (Enumerable.cs: TakeIterator,
 * SkipIterator, ElementAt's walk, OrderedEnumerable's full sort, First/Last's foreach) reaches it and
 * throws. The matrix covers partitions (Select over a list, OrderBy, Skip of a list) and non-partitions
 * (indexed Select, Where), where Mono throws too.
 */
const PARTITION_SOURCES = [
  `new[] { 1, 2, 3 }.Select(x => 10 / (x - 1))`,
  `new List<int> { 1, 2, 3 }.Select((x, i) => 10 / (x - 1))`,
  `new[] { 1, 2, 3 }.Where(x => 10 / (x - 1) > 0)`,
  `new[] { 1, 2, 3 }.OrderBy(x => 10 / (x - 1))`,
  `new[] { 1, 2, 3 }.OrderByDescending(x => x > 1).ThenBy(x => 10 / (x - 1))`,
  `new[] { 0, 1, 2, 3 }.Skip(1).Select(x => 10 / (x - 1))`,
  `new List<object> { 1, "a", 3 }.Cast<int>().Select(x => 10 / (x - 1))`,
];
const PARTITION_OPS = [".Take(2).Skip(3).Count()", ".Skip(1).Skip(5).Count()", ".Skip(2).Take(1).Count()", ".Take(1).ElementAtOrDefault(5)", ".ElementAtOrDefault(5)", ".Skip(2).FirstOrDefault()", ".LastOrDefault(x => false)", ".FirstOrDefault(x => x == 3)", ".Count()", ".Skip(1).Take(5).Count()", ".Concat(new List<int>()).Count()", ".Append(7).Count()"];
const partitions = (): DiffCase[] =>
  PARTITION_SOURCES.flatMap((src, i) =>
    PARTITION_OPS.map((op, j) =>
      c(`corefx.partition.${i}.${j}`, "int", `${src}${op}`, {
        expectDotNet: "!DivideByZeroException",
        note: ".NET Framework's System.Core enumerates from the first element (no partitions): element 1's selector or key runs; Mono's corefx may skip it",
      }),
    ),
  );

/** Newtonsoft's Extensions over token sequences are SelectMany iterators: nothing runs until enumerated. */
const JSEQ = [
  ["Ancestors", `new List<int> { 0 }.Select(i => JToken.Parse("[" + (10 / i) + "]"))`],
  ["AncestorsAndSelf", `new List<int> { 0 }.Select(i => JToken.Parse("[" + (10 / i) + "]"))`],
  ["Children", `new List<int> { 0 }.Select(i => JToken.Parse("[" + (10 / i) + "]"))`],
  ["Descendants", `new List<int> { 0 }.Select(i => (JContainer)JToken.Parse("[" + (10 / i) + "]"))`],
  ["DescendantsAndSelf", `new List<int> { 0 }.Select(i => (JContainer)JToken.Parse("[" + (10 / i) + "]"))`],
  ["Properties", `new List<int> { 0 }.Select(i => (JObject)JToken.Parse("{\\"a\\":" + (10 / i) + "}"))`],
] as const;
const jsonSequences = (): DiffCase[] =>
  JSEQ.flatMap(([m, src]) => [
    // the static form: mcs finds System.Xml.Linq.Extensions' Ancestors/Descendants ambiguous (CS0121) despite their XNode constraint
    c(`json.extensions.lazy.${m}`, "string", `var q = Newtonsoft.Json.Linq.Extensions.${m}(${src}); return "made";`, { block: true }),
    c(`json.extensions.enumerated.${m}`, "int", `Newtonsoft.Json.Linq.Extensions.${m}(${src}).Count()`),
  ]);

export const FUZZ_LINQ_CASES: DiffCase[] = [
  ...jsonSequences(),
  ...partitions(),
  ...values(),
  ...minMaxNaN(),
  ...zipOrder(),
  ...order(),
  c("min.nan.fz", "double", `(((new List<decimal> { decimal.MaxValue }).Zip((new Dictionary<int, string> { [int.Parse("65536")] = "a,b,,c" }).Values, (v0, v1) => 0.0)).Concat(((JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2}]}")).BeforeSelf()).Values<double>((object)(DateTimeOffset.Parse("2020-06-30T12:00:00-07:00"))))).Min(v2 => (v2 % v2))`),
  c("min.boxed.nan", "object", `new List<int> { 1, 5 }.Select(v => v == 5 ? double.NaN : 10 / v).Min(v => (object)v)`),
  c("zip.orderbydesc.fz", "bool", `(0.0).Equals((((new List<double> { double.Parse("0.333333333333333314829616256247") }).SkipWhile(v5 => (default(ISet<int>)).IsSupersetOf(new List<int> {  }))).Zip(((new List<int> { int.Parse("65536"), int.Parse("2147483647"), 255 }).Select(v8 => "")).OrderByDescending(v9 => (decimal.Parse("-79228162514264337593543950335") * -2.5m)), (v10, v11) => v10)).FirstOrDefault(v12 => true))`),
  c("values.nullkey.fz", "string", `var l = new List<double> { ((new List<JToken> { JToken.Parse("42"), JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2}]}") }).Values<long>((object)((string)null))).Average() }; l.Sort((a, b) => b.CompareTo(a)); return string.Join(",", l);`, { block: true }),
  // string.ToString(IFormatProvider): the receiver, then the provider, then the null check
  c("string.tostring.provider.0", "string", `"ab".ToString(CultureInfo.InvariantCulture)`),
  c("string.tostring.provider.1", "string", `((string)null).ToString(CultureInfo.InvariantCulture)`),
  c("string.tostring.provider.2", "string", `((string)null).ToString(CultureInfo.GetCultureInfo("xx-bad-name"))`),
  c("string.tostring.provider.3", "string", `(new List<string> { int.Parse("x").ToString() }[0]).ToString(CultureInfo.GetCultureInfo("xx-bad-name"))`),
  c("string.tostring.provider.fz", "List<string>", `(((new long[] {  }).Cast<object>().OfType<string>()).Select(v1 => ("" ?? v1.ToString(CultureInfo.InvariantCulture)))).ToList()`),
  c("prepend.order.fz", "List<int>", `new List<int>(((new Dictionary<string, int> { ["123"] = int.Parse("2147483647"), [" padded  "] = 0, ["1e3"] = (default(Array)).GetUpperBound(-17) }).Values).Prepend(checked((int)(float.Parse("")))))`),
];

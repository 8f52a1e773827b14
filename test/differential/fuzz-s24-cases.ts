// Mismatch classes the generator found in session 24 (seeds 34300-34399), each a small matrix over
// the class, ids fzc.s24.*.
import type { DiffCase } from "./cases.js";
import { mcsVariant } from "./generate/mcs-variant.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr: body, block: true, ...opts });

/** Each expression's answer (an exception as its type name), comma-separated. */
const each = (setup: string, exprs: string[]): string =>
  `var r = ""; ${setup} ${exprs.map((e) => `try { r += (${e}) + ","; } catch (ArgumentNullException) { r += "ArgumentNull,"; } catch (ArgumentException) { r += "Argument,"; } catch (FormatException) { r += "Format,"; }`).join(" ")} return r;`;

/** Separators of every Split overload whose null/empty entries are skipped (whitespace only for a null or empty array). */
const SPLIT_SEPARATORS = [`(string)null`, `""`, `","`, `new string[] { null }`, `new string[] { null, "" }`, `new string[] { "", "," }`, `new string[0]`, `(string[])null`, `new char[0]`, `(char[])null`];
const SPLIT_TEXTS = [`"a\\tb\\nc"`, `""`, `" a ,b "`, `"\\u2028,"`];

/** Enumerable.Contains on collections whose ICollection<T>.Contains is not a scan with EqualityComparer<T>.Default. */
const CONTAINS = [
  `d.Keys.Contains("a")`, `d.Keys.Contains("A")`, `d.Keys.Contains(null)`, `((IEnumerable<string>)d.Keys).Contains(null)`,
  `d.Values.Contains(null)`, `d.Values.Contains("1")`,
  `d.Contains(new KeyValuePair<string, string>("a", "1"))`, `d.Contains(new KeyValuePair<string, string>("A", "1"))`,
  `d.Contains(new KeyValuePair<string, string>("a", "2"))`, `d.Contains(new KeyValuePair<string, string>(null, "1"))`,
  `d.Keys.Select(k => k).Contains(null)`, `d.Keys.ToList().Contains(null)`, `((IDictionary<string, string>)d).Keys.Contains(null)`,
];

/** A container's tree as node names, attribute counts and IsEmpty (it cannot be serialized once it holds an xmlns-namespace element). */
const SHOW_TREE = `string.Join(" ", c.DescendantNodes().Select(n => n is XElement ? ((XElement)n).Name.LocalName + "[" + ((XElement)n).Attributes().Count() + "," + ((XElement)n).IsEmpty + "]" : n.NodeType.ToString()))`;
const XMLNS_N = `(XNamespace.Xmlns + "n")`;
/** Writes through XContainer.CreateWriter() that meet an element in the xmlns namespace (root, nested, in a document, after other writes). */
const XMLNS_WRITES: [string, string][] = [
  [`new XElement("r")`, `new XElement(${XMLNS_N}, new XAttribute("p", 1), "v").WriteTo(w);`],
  [`new XElement("r")`, `new XElement("a", new XElement("b"), new XElement("c", new XAttribute("q", 1), new XElement(${XMLNS_N}, new XAttribute("p", 1), new XElement("e")), new XElement("d")), "t").WriteTo(w);`],
  [`new XElement("r")`, `new XText("t").WriteTo(w); new XElement("a", new XElement(${XMLNS_N})).WriteTo(w); new XElement("z").WriteTo(w);`],
  [`new XDocument()`, `new XDocument(new XComment("k"), new XElement("a", new XElement(${XMLNS_N}))).WriteTo(w);`],
  [`new XDocument()`, `new XElement("a", new XElement("b", new XElement(${XMLNS_N}))).Save(w);`],
  [`new XElement("r")`, `XElement.Parse("<a xmlns:n='urn:n'><n:b>t</n:b></a>").FirstAttribute.Name.ToString(); new XElement(XElement.Parse("<a xmlns:n='urn:n'/>").FirstAttribute.Name, 1).WriteTo(w);`],
];
const xmlnsWrite = ([container, writes]: [string, string], dispose: boolean): string =>
  `var c = ${container}; var r = ""; try { ${dispose ? `using (var w = c.CreateWriter()) { ${writes} }` : `var w = c.CreateWriter(); ${writes}`} } catch (InvalidOperationException e) { r += "I:" + e.Message; } catch (ArgumentException e) { r += "A:" + e.Message; } r += "|" + ${SHOW_TREE}; try { r += "|" + c.ToString(); } catch (ArgumentException e) { r += "|A:" + e.Message; } return r;`;

/** ReadOnlyCollection<T>.IndexOf over arrays holding null: Mono throws NullReferenceException for a non-null value (runtime monoArrayIndexOf). */
const RO_INDEX_OF = [`new string[] { null, "x" }, "x"`, `new string[] { "a", null, "x" }, "x"`, `new object[] { null, 1 }, 2`, `new string[] { "a", null }, null`];

/** Property names for JToken.Path: plain, with each character BuildPath brackets, and others it leaves alone. */
const PATH_NAMES = ["a", "1e3", "a-b", "a b", "a.b", "", "\u00e9", "a'b", "[x]", "a(b", "b)", "$x", "0", "a/b", "a\tb", "*"];
/** Tokens at each kind of place: under properties of objects, under a parentless property, in arrays, the property itself. */
const pathShapes = (n: string): string[] => [
  `new JObject(new JProperty("p", new JObject(new JProperty(${n}, new JArray(1, new JObject(new JProperty("q", 2)))))))["p"][${n}][1]["q"].Path`,
  `new JProperty(${n}, 1).Value.Path`,
  `new JProperty(${n}, new JArray(new JArray(3), new JArray(4))).Value[1][0].Path`,
  `new JArray(new JProperty(${n}, 1).Value).First.Path`,
  `new JObject(new JProperty(${n}, 1)).Property(${n}).Path`,
  `new JProperty(${n}, 1).Path`,
  `new JObject(new JProperty(${n}, new JObject())).First.First.Path`,
];

/** Numeric format strings holding '\0' (standard, custom, empty before it) and the types that format them. */
const NUL_FORMATS = [`"\0"`, `"D\0"`, `"X4\0z"`, `"0.00\0#"`, `"\0N2"`, `"#\0#"`, `"E2\0"`, `"G\0" + "x"`, `"R\0"`, `"0\0;(0)"`];
const NUL_VALUES = [`short.MinValue`, `-1234`, `9876543210L`, `(byte)200`, `-1.5`, `1.5f`, `-2.25m`, `ulong.MaxValue`];

/** A constant false right operand of && or & in a branch condition, whose left operand throws. */
const AND_CONSTANT_SHAPES = [
  `(s.Peek() == "" && !true) ? "a" : "b"`, `(s.Peek() == "" & false) ? "a" : "b"`, `(s.Peek() == "" && (!true)) ? "a" : "b"`, `(s.Peek() == "" && false) ? "a" : "b"`,
  `(s.Peek() == "" && !!false) ? "a" : "b"`, `(s.Peek() == "" && ("" == "abc")) ? "a" : "b"`, `(s.Peek() == "" && 1.5 > 2) ? "a" : "b"`, `(s.Peek() == "" & (long)1 == 2L) ? "a" : "b"`,
];
const andConstantBody = (shapes: string[]) =>
  `var r = ""; var s = new Stack<string>(); ${shapes.map((e) => `try { r += (${e}) + ","; } catch (InvalidOperationException) { r += "Empty,"; }`).join(" ")} try { if (s.Peek() == "" & !true) r += "a;"; else r += "b;"; } catch (InvalidOperationException) { r += "Empty;"; } return r;`;

/** Math.Pow's special operands: NaN, ±0, ±1, ±∞ and an ordinary value, each pair. */
const POW_OPERANDS = [`double.NaN`, `0.0`, `-0.0`, `1.0`, `-1.0`, `double.PositiveInfinity`, `double.NegativeInfinity`, `2.5`, `-0.5`];
/** Each result as N (NaN), 1 (one) or o (other): the special cases apart from the CRT's last bits. */
const POW_BODY = `var r = ""; var v = new[] { ${POW_OPERANDS.join(", ")} }; foreach (var x in v) { foreach (var y in v) { var p = Math.Pow(x, y); r += double.IsNaN(p) ? "N" : p == 1 ? "1" : "o"; } r += ";"; } return r;`;
/** .NET Framework's answers: C99's pow (Mono's), except NaN for a NaN argument and for Pow(-1, ±∞). */
const powDotNet = (): string => {
  const v = [NaN, 0, -0, 1, -1, Infinity, -Infinity, 2.5, -0.5];
  const show = (d: number) => (Number.isNaN(d) ? "N" : d === 1 ? "1" : "o");
  const c99 = (x: number, y: number) => (x === 1 || y === 0 ? 1 : (y === Infinity || y === -Infinity) && x === -1 ? 1 : Math.pow(x, y));
  return v.map((x) => v.map((y) => show(x !== x || y !== y ? NaN : (y === Infinity || y === -Infinity) && x === -1 ? NaN : c99(x, y))).join("") + ";").join("");
};

/** Regex.Replace(input, pattern, replacement) whose replacement throws: C# evaluates it before the pattern is checked. */
const REGEX_REPLACE_ORDER = [`Regex.Replace("", (string)null, Convert.ToSByte("x=1", 2).ToString())`, `Regex.Replace(null, "(", int.Parse("x").ToString())`, `Regex.Replace(null, (string)null, "")`, `Regex.Replace(null, "a", (string)null)`, `Regex.Replace("a", "(", (string)null)`];

/** JSONPath indexers opened by '(' (as '[') and indexers that never close, with and without a character ParseArrayIndexer cannot read. */
const PATHS_WITH_PARENS = [`(Infinity)`, `(0)`, `x(0)`, `y(0).x`, `y(*)`, `(1:2)`, `y(?(@.x > 1))`, `('x')`, `[a`, `[0`, `[0,a`, `(a`, `x[`, `x(`, `a(b`, `[ 1`, `['x'`, `y[-1:`];

/** Sequences read by operators that take both enumerators first, against a GroupBy whose element selector throws. */
const GROUPBY_EAGER = [
  `new[] { 1 }.Select(x => x / z).SequenceEqual(g)`, `new[] { 1 }.Select(x => x / z).Zip(g, (a, b2) => a + b2).Count()`, `new[] { 1 }.Select(x => x / z).Concat(g).Count()`,
  `g.SequenceEqual(new[] { 1 }.Select(x => x / z))`, `new[] { 1 }.Select(x => x / z).Union(g).Count()`, `new[] { 1 }.Select(x => x / z).Except(g).Count()`,
];

/** `0 & x`, `x & 0`, `false & x` whose x is a checked conversion or a division that throws. */
const ZERO_AND_SHAPES = [`checked(0 & (int)(long)o)`, `checked((int)(long)o & 0)`, `0 & (1 / (int)z)`, `0L & (1L / (long)(int)z)`, `(1 % (int)z) & 0`, `false & (1 / (int)z == 1)`];
const zeroAndBody = (shapes: string[]) =>
  `var r = ""; object o = long.MaxValue; object z = 0; ${shapes.map((e) => `try { r += (${e}) + ","; } catch (OverflowException) { r += "Overflow,"; } catch (DivideByZeroException) { r += "Zero,"; }`).join(" ")} return r;`;

export const FUZZ_S24_CASES: DiffCase[] = [
  // mcs folds `0 & x` and drops an x that looks pure but throws (seed 34311); C# evaluates it. The
  // variant, with the zero or false made non-constant, is what the fuzzer runs.
  b("s24.mcs.zero.and", "string", zeroAndBody(ZERO_AND_SHAPES), { expectDotNet: "Overflow,Overflow,Zero,Zero,Zero,Zero," }),
  b("s24.mcs.zero.and.variant", "string", mcsVariant(zeroAndBody(ZERO_AND_SHAPES))!),
  // GroupBy builds its lookup at GetEnumerator (seed 34309: SequenceEqual met the element selector's exception first).
  // .NET Framework's Concat is one iterator over first then second (Count meets 1 / z first); corefx's
  // Concat2Iterator counts the GroupBy first (Mono: Empty)
  b(
    "s24.linq.groupby.eager.enumerator",
    "string",
    `var r = ""; int z = int.Parse("0"); var g = new[] { 1, 2 }.GroupBy(x => x, x => new int[0].Max(), (k, e) => k); ${GROUPBY_EAGER.map((e) => `try { r += (${e}) + ","; } catch (InvalidOperationException) { r += "Empty,"; } catch (DivideByZeroException) { r += "Zero,"; }`).join(" ")} return r;`,
    { expectDotNet: "Empty,Empty,Zero,Empty,Zero,Empty," },
  ),
  // JSONPath: '(' opens an indexer closed by ')', and an unclosed indexer reports its first unreadable
  // character before its end (JPath.ParseArrayIndexer; seed 34417: SelectTokens("(Infinity)"))
  b(
    "s24.jsonpath.paren.indexers",
    "string",
    `var j = JToken.Parse("{\\"x\\":{\\"x\\":1},\\"y\\":[{\\"x\\":2},{\\"x\\":3}]}"); var r = ""; foreach (var p in new[] { ${PATHS_WITH_PARENS.map((x) => JSON.stringify(x)).join(", ")} }) { try { r += string.Join("|", j.SelectTokens(p).Select(t => t.ToString(Formatting.None))) + ";"; } catch (JsonException e) { r += "!" + e.Message + ";"; } } return r;`,
  ),
  // the arguments of Regex.Replace run before the pattern is parsed (seed 34308: apimc checked the null pattern first)
  b("s24.regex.replace.argument.order", "string", `var r = ""; ${REGEX_REPLACE_ORDER.map((e) => `try { r += ${e} + ","; } catch (FormatException) { r += "Format,"; } catch (ArgumentNullException x) { r += "Null:" + x.Message.Replace("\\r", "").Replace("\\n", " ") + ","; } catch (ArgumentException) { r += "Argument,"; }`).join(" ")} return r;`),
  // long * -2147483648: the product (-6442450944 for 3); Mono's JIT multiplies by +2147483648 when that
  // value is the right operand (runtime long.ts monoLongMulMin; seed 34306)
  b(
    "s24.long.multiply.int.min",
    "string",
    `long x = long.Parse("3"); long a = x * -2147483648L; long b2 = x; b2 *= (long)int.MinValue; long c2 = x * (long)(object)(-2147483648L); long d = -2147483648L * x; long e = checked(x * -2147483648L); return a + "," + b2 + "," + c2 + "," + d + "," + e;`,
    { expectDotNet: "-6442450944,-6442450944,-6442450944,-6442450944,-6442450944" },
  ),
  // Math.Pow: NaN for a NaN argument and Pow(-1, ±∞) on .NET Framework (the Math.Pow docs); glibc (Mono) gives
  // 1 for Pow(1, NaN), Pow(NaN, 0) and Pow(-1, ±∞), JS NaN for Pow(1, ±∞) (seed 34305, and the old fixed-set gap)
  b("s24.math.pow.special", "string", POW_BODY, { expectDotNet: powDotNet() }),
  // mcs drops the left operand of `x && !true`, `x & false`... in a branch condition (generate/mcs-variant.ts);
  // C# evaluates it (seed 34305). The variant, with the literal made non-constant, is what the fuzzer runs.
  b("s24.mcs.and.constant", "string", andConstantBody(AND_CONSTANT_SHAPES), { expectDotNet: "Empty,".repeat(AND_CONSTANT_SHAPES.length) + "Empty;" }),
  b("s24.mcs.and.constant.variant", "string", mcsVariant(andConstantBody(AND_CONSTANT_SHAPES))!),
  // a numeric format string ends at its first '\0' (seed 34304: short.MinValue.ToString("\0") is "-32768")
  ...NUL_VALUES.map((v, i) => b(`s24.number.format.nul.${i}`, "string", each(``, [...NUL_FORMATS.map((f) => `(${v}).ToString(${f})`), `string.Format("{0:D\0x}|{0:\0}", ${v})`]))),
  // DateTimeOffset's offset checks: whole minutes before the ±14 hours range, in exact ticks beyond 2^53 (seed 34304)
  b(
    "s24.datetimeoffset.offset.checks",
    "string",
    `var r = ""; foreach (var o in new[] { DateTime.MaxValue.Subtract(new DateTime(2020, 2, 29)), TimeSpan.MaxValue, TimeSpan.MinValue, TimeSpan.FromTicks(9007199254740993L), TimeSpan.FromHours(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(-841) }) { try { r += new DateTimeOffset(0L, o).Offset + ","; } catch (ArgumentOutOfRangeException) { r += "Range,"; } catch (ArgumentException) { r += "Argument,"; } try { r += new DateTimeOffset(2020, 1, 1, 0, 0, 0, o).Offset + ","; } catch (ArgumentOutOfRangeException) { r += "Range,"; } catch (ArgumentException) { r += "Argument,"; } try { r += DateTimeOffset.MinValue.AddYears(5000).ToOffset(o).Offset + ";"; } catch (ArgumentOutOfRangeException) { r += "Range;"; } catch (ArgumentException) { r += "Argument;"; } } return r;`,
  ),
  // JToken.Path as Json.NET 6 builds it: a parentless property still names its value, '.' before a
  // bracketed name, brackets only for . space [ ] ( ) (seed 34302: new JProperty("1e3", 1).Value.Path)
  ...PATH_NAMES.map((name, i) => b(`s24.json.path.${i}`, "string", each(``, pathShapes(JSON.stringify(name))))),
  // IList<T>.IndexOf of an array is Array.IndexOf on .NET Framework (SZArrayHelper): a null element is
  // skipped; Mono's InternalArray__IndexOf calls Equals on it (NullReferenceException; seed 34200)
  b(
    "s24.readonly.array.indexof.null",
    "string",
    `var r = ""; ${RO_INDEX_OF.map((p) => { const [arr, v] = p.split(/, (?=[^,]*$)/); return `try { r += Array.AsReadOnly(${arr}).IndexOf(${v}) + ","; } catch (NullReferenceException) { r += "NullReference,"; }`; }).join(" ")} return r;`,
    { expectDotNet: "1,2,-1,1," },
  ),
  // XmlWriter.WriteStartElement of an element in the xmlns namespace passes it on, then throws
  // ArgumentException; XContainer.CreateWriter's tree keeps it bare and Close adds what was written
  // (seed 34301: apimc's writer took it)
  ...XMLNS_WRITES.flatMap((w, i) => [true, false].map((d) => b(`s24.xml.writer.xmlns.${i}.${d ? "disposed" : "open"}`, "string", xmlnsWrite(w, d)))),
  // String.Split: a separator array of only null/empty strings does not split; (string)null is such a
  // separator (seed 34300: apimc split on whitespace)
  ...SPLIT_TEXTS.map((t, i) =>
    b(`s24.split.null.separators.${i}`, "string", each(``, SPLIT_SEPARATORS.flatMap((s) => ["None", "RemoveEmptyEntries"].map((o) => `string.Join("|", ${t}.Split(${s}, StringSplitOptions.${o})).Replace("\\t", "<t>").Replace("\\n", "<n>")`)))),
  ),
  // Enumerable.Contains asks ICollection<T>.Contains first: a Dictionary's Keys are ContainsKey (a null
  // key throws, the comparer applies) and the Dictionary finds a pair by its key (seed 34300)
  ...["", "StringComparer.OrdinalIgnoreCase"].map((cmp, i) =>
    b(`s24.contains.dictionary.${i}`, "string", each(`var d = new Dictionary<string, string>(${cmp}) { ["a"] = "1", ["b"] = null };`, CONTAINS)),
  ),
];

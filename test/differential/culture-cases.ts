// Culture-sensitive comparison, sorting and casing (runtime/dotnet/collation.ts, sorting.ts): whole
// matrices against the C# reference, so that one case covers a class (every pair of ~90 strings of
// punctuation, symbols, digits, letters with diacritics, expansions, surrogates, word-sort
// characters), not one input.
import type { DiffCase } from "./cases.js";

const c = (id: string, type: string, expr: string): DiffCase => ({ id, type, expr });
const b = (id: string, type: string, body: string): DiffCase => ({ id, type, expr: body, block: true });

/** C# array initializer of the strings the sorts order (C# source text). */
const WORDS = `new[] { "", "a", "A", "b", "B", "-", "a-b", "ab", "a-c", "ac", "co-op", "coop", "'a", "a'", "ab-", "-ab", "a--b", "a'b",
  "1", "10", "2", "-1", "-42", "1.5", "1,5", "1e3", " a", "a ", "\\t", "\\n", "a\\tb", "_", "~", "{", "}", "\\"", "<", ">", "&", "%", "+", "=",
  "\\u00e9", "e\\u0301", "E", "e", "\\u00e4", "\\u00c4", "ae", "\\u00e6", "\\u00c6", "ss", "\\u00df", "stra\\u00dfe", "strasse", "Strasse",
  "\\u0130", "\\u0131", "i", "I", "\\uD83D\\uDE00", "x\\uD83D\\uDE00", "\\u00a4", "$", "\\u20ac", "\\u00b5", "0", "9", "a1", "A1",
  "aB", "Ab", "abc", "ABC", "true", "True", "2020-02-29T23:59:59Z", "x=1&y=2", "%41%2Fb c+d", "Hello, World", "{\\"a\\":1}",
  "<x>&amp;</x>", "\\u00a0", "\\u2013", "\\u2014", "\\u00ad", "\\u0001", "\\u00c5", "\\u212b", "\\uff21", "\\u00bd", "\\u00b2" }`;

/** The matrices also compare a lone surrogate (which the C# reference cannot print). */
const MATRIX_WORDS = WORDS.replace(/ }$/, ', "\\uD83D", "\\uDC00x" }');

/** Strings searched in, and searched for (C# source text). */
const HAYSTACK_LIST = `"straße", "strasse", "ÄÖü straße", "a-b", "co-op", "e\\u0301te", "Æther", "x\\u00adyz", "a\\u0000b", "Hello, World", "abc", "ABC", "İIıi", "-42", "2020-02-29"`;
const HAYSTACKS = `new[] { ${HAYSTACK_LIST} }`;
const NEEDLES = `"ss", "ß", "ab", "a-b", "é", "e", "ae", "AE", "xy", "b", "B", "o", "I", "i", "ı", "-", "\\u00ad", "-4", "02", "r"`;
/** Every (haystack, needle) result of `op` (over h and n), one row per haystack. */
const search = (op: string, hs: string, more = "") =>
  `var hs = ${hs}; var ns = new[] { ${NEEDLES}${more} }; return string.Join("|", hs.Select(h => string.Join(",", ns.Select(n => ${op}))));`;

/** Every ordered pair's sign as '<', '=' or '>', one row per left string. */
const matrix = (cmp: string) =>
  `var w = ${MATRIX_WORDS}; return string.Join("|", w.Select(x => new string(w.Select(y => "<=>"[Math.Sign(${cmp}) + 1]).ToArray())));`;

export const CULTURE_CASES: DiffCase[] = [
  b("culture.compare.matrix", "string", matrix("string.Compare(x, y)")),
  b("culture.compare.ignorecase.matrix", "string", matrix("string.Compare(x, y, StringComparison.InvariantCultureIgnoreCase)")),
  b("culture.compareto.matrix", "string", matrix("x.CompareTo(y)")),
  b("culture.comparer.currentignorecase.matrix", "string", matrix("StringComparer.CurrentCultureIgnoreCase.Compare(x, y)")),
  b("culture.sort.default", "string", `var l = new List<string>(${WORDS}); l.Sort(); return string.Join("|", l);`),
  b("culture.orderby.default", "string", `var w = ${WORDS}; return string.Join("|", w.OrderByDescending(x => x).ThenBy(x => x.Length));`),
  b("culture.orderby.comparer", "string", `var w = ${WORDS}; return string.Join("|", w.OrderBy(x => x, StringComparer.InvariantCultureIgnoreCase));`),
  b("culture.minmax", "string", `var w = ${WORDS}; return w.Min() + "|" + w.Max() + "|" + w.Where(x => x.Length == 2).Min() + "|" + w.Where(x => x.Length == 2).Max();`),
  b("culture.array.sort", "string", `var w = ${WORDS}; Array.Sort(w); return string.Join("|", w);`),
  b("culture.sort.comparison.desc", "string", `var l = new List<string>(${WORDS}); l.Sort((x, y) => y.CompareTo(x)); return string.Join("|", l);`),
  // culture-sensitive search: expansions (ß ~ ss, Æ ~ AE), combining sequences, ignorable NUL, word-sort
  // '-' and soft hyphen. Left out where Mono is inconsistent with itself: "e\u0301te".IndexOf("e") is 0
  // but -1 ignoring case, LastIndexOf("é") is -1 while IndexOf finds it; and "ae" equals "Æther"
  // ignoring case (its comparison forgets the rest of a string after an expansion).
  b("culture.indexof.matrix", "string", search("h.IndexOf(n)", HAYSTACKS.replace('"e\\u0301te", ', ""))),
  b("culture.indexof.ignorecase.matrix", "string", search("h.IndexOf(n, StringComparison.InvariantCultureIgnoreCase)", HAYSTACKS.replace('"e\\u0301te", ', ""))),
  b("culture.lastindexof.matrix", "string", search("h.LastIndexOf(n)", HAYSTACKS.replace('"e\\u0301te", ', ""))),
  b("culture.startswith.endswith.matrix", "string", search(`(h.StartsWith(n) ? "S" : "") + (h.EndsWith(n, StringComparison.CurrentCultureIgnoreCase) ? "E" : "")`, HAYSTACKS, `, "st", "stra", "Æ", "e\\u0301", "a\\u0000", ""`)),
  b("culture.equals.matrix", "string", `var w = new[] { ${HAYSTACK_LIST.replace('"Æther", ', "")}, "ss", "ß", "ab", "é", "e\\u0301", "ae", "Æ" }; return string.Join("|", w.Select(h => new string(w.Select(n => (string.Equals(h, n, StringComparison.InvariantCulture) ? 'Y' : string.Equals(h, n, StringComparison.CurrentCultureIgnoreCase) ? 'i' : StringComparer.InvariantCultureIgnoreCase.Equals(h, n) ? '?' : '.')).ToArray())));`),
  // casing: the invariant culture leaves İ, ı, µ, ſ ... alone; a specific culture maps them; tr-TR pairs i/İ, ı/I
  c("culture.casing.invariant", "string", `"İIıi µſǅ ß Σς ΐ ﬁ Ǆǆ".ToUpper() + "|" + "İIıi µſǅ ẞ Σς ΐ ﬁ Ǆǆ K Å".ToLower() + "|" + "İIıi µ".ToUpperInvariant() + "|" + "İIıi K".ToLowerInvariant()`),
  c("culture.casing.culture", "string", `"İIıi µſǅ".ToUpper(CultureInfo.InvariantCulture) + "|" + "İIıi".ToLower(CultureInfo.CurrentCulture) + "|" + "İIıi µſǅ".ToUpper(CultureInfo.GetCultureInfo("en-US")) + "|" + "İIıi ǅ K".ToLower(CultureInfo.GetCultureInfo("de-DE")) + "|" + "İIıi".ToUpper(CultureInfo.GetCultureInfo("tr-TR")) + "|" + "İIıi".ToLower(CultureInfo.GetCultureInfo("tr-TR")) + "|" + "İIıi".ToLower(CultureInfo.GetCultureInfo("az"))`),
  c("culture.casing.char", "string", `char.ToUpper('ı') + "|" + char.ToLower('İ') + "|" + char.ToUpperInvariant('µ') + "|" + char.ToLowerInvariant('K')`),
  // culture names: unknown names throw CultureNotFoundException, evaluated where C# evaluates the argument
  c("culture.getcultureinfo.unknown", "string", `"".ToLower(CultureInfo.GetCultureInfo("abc"))`),
  c("culture.getcultureinfo.unknown.order", "string", `((string)null).ToUpper(CultureInfo.GetCultureInfo("x=1&y=2"))`),
  c("culture.getcultureinfo.null", "string", `"a".ToUpper(CultureInfo.GetCultureInfo((string)null))`),
  c("culture.getcultureinfo.known", "string", `"a".ToUpper(CultureInfo.GetCultureInfo("")) + "b".ToUpper(CultureInfo.GetCultureInfo("EN-us")) + "c".ToUpper(CultureInfo.GetCultureInfo("fr"))`),
  c("culture.stringcomparer.create.unknown", "int", `StringComparer.Create(CultureInfo.GetCultureInfo("Hello, World"), false).Compare("a", "b")`),
  c("culture.stringcomparer.create.order", "int", `Math.Sign(StringComparer.Create(CultureInfo.GetCultureInfo("abc"), true).Compare("", new List<string>()[0]))`),
  c("culture.stringcomparer.equals.order", "bool", `StringComparer.Create(CultureInfo.GetCultureInfo("x=1&y=2"), false).Equals(new List<string>()[0], "")`),
  c("culture.stringcomparer.create", "string", `StringComparer.Create(CultureInfo.GetCultureInfo("en-US"), true).Compare("a", "A") + "|" + Math.Sign(StringComparer.Create(CultureInfo.InvariantCulture, false).Compare("a", "A"))`),
  // sorting: .NET's introspective sort (unstable past 16 elements) and its wrapped comparer exceptions
  b("sort.unstable.large", "string", `var l = Enumerable.Range(0, 40).Select(i => i * 7 % 40).ToList(); l.Sort((x, y) => (x % 3).CompareTo(y % 3)); return string.Join(",", l);`),
  b("sort.unstable.small", "string", `var l = Enumerable.Range(0, 16).Select(i => i * 5 % 16).ToList(); l.Sort((x, y) => (x % 2).CompareTo(y % 2)); return string.Join(",", l);`),
  b("sort.unstable.three", "string", `var l = new List<int> { 4, 2, 1 }; l.Sort((x, y) => (x % 2).CompareTo(y % 2)); return string.Join(",", l);`),
  b("sort.unstable.large.desc", "string", `var l = Enumerable.Range(0, 100).Select(i => i * 37 % 100).ToList(); l.Sort((x, y) => (y / 10).CompareTo(x / 10)); return string.Join(",", l);`),
  b("sort.null.receiver.throws", "string", `var l = new List<string> { "ab", (string)null }; l.Sort((x, y) => y.CompareTo(x)); return string.Join(",", l);`),
  b("sort.null.argument.ok", "string", `var l = new List<string> { "ab", (string)null }; l.Sort((x, y) => x.CompareTo(y)); return string.Join(",", l);`),
  b("sort.null.pattern", "string", `var r = ""; for (int n = 2; n < 22; n++) for (int k = 0; k < n; k += 3) { var l = Enumerable.Range(0, n).Select(i => i == k ? null : "s" + (i * 7 % n)).ToList(); try { l.Sort((x, y) => x.Length.CompareTo(y.Length) * 0 + x.CompareTo(y)); r += "."; } catch (InvalidOperationException) { r += "X"; } } return r;`),
  b("sort.default.null", "string", `var l = new List<string> { "b", null, "a", null }; l.Sort(); return string.Join(",", l.Select(x => x ?? "null"));`),
  b("sort.default.incomparable", "string", `var l = new List<object> { 1, "a" }; l.Sort(); return "" + l.Count;`),
  b("sort.throwing.comparison", "string", `var l = new List<int> { 3, 1, 2 }; l.Sort((x, y) => int.Parse("z")); return string.Join(",", l);`),
  b("sort.orderby.not.wrapped", "string", `var l = new List<string> { "ab", null }; return string.Join(",", l.OrderBy(x => x.Length));`),
];

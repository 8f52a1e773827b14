// Cases found by the generator (npm run fuzz:csharp, issue 11) in the object, JSON, XML, URI,
// encoding, regex, hashing and tuple areas, and the classes around them. Same shape and conventions
// as cases.ts.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id, type, expr: body, block: true, ...opts });

// ---- a null receiver: NullReferenceException, after the arguments are evaluated ----------------------
// Members of object, of interfaces and of Enum/Array lower to runtime helpers that take any value; the
// receiver is checked. [static type of the receiver, result type, member call].
const NULL_RECEIVERS: [string, string, string][] = [
  ["object", "string", "ToString()"],
  ["object", "bool", "Equals(1)"],
  ["object", "int", "GetHashCode()"],
  ["Enum", "string", "ToString()"],
  ["Enum", "bool", "Equals(null)"],
  ["Array", "string", "ToString()"],
  ["Array", "int", "GetHashCode()"],
  ["IComparable", "int", "CompareTo(null)"],
  ["IComparable", "int", `CompareTo((object)"x")`],
  ["ISet<int>", "bool", "Add(1)"],
  ["ISet<int>", "bool", "IsSubsetOf(null)"],
  ["ISet<int>", "bool", "Overlaps(new int[0])"],
  ["ICollection<int>", "int", "Count"],
  ["ICollection<int>", "bool", "Contains(1)"],
  ["IList<int>", "int", "IndexOf(1)"],
  ["IList<int>", "int", "[0]"],
  ["IReadOnlyList<int>", "int", "[0]"],
  ["IReadOnlyCollection<int>", "int", "Count"],
  ["IDictionary<string, int>", "int", "Count"],
  ["IDictionary<string, int>", "bool", "ContainsKey(null)"],
  ["IReadOnlyDictionary<string, int>", "int", `["a"]`],
  ["IEnumerable<int>", "string", "ToString()"],
  ["IEnumerable<int>", "bool", "Equals(null)"],
  ["IComparer<int>", "int", "Compare(1, 2)"],
  ["IFormatProvider", "string", "ToString()"],
  ["string", "int", "GetHashCode()"],
  ["List<int>", "int", "GetHashCode()"],
  ["List<int>", "bool", "Equals(null)"],
  ["int[]", "bool", "Equals(null)"],
  ["int[]", "int", "GetHashCode()"],
  ["JToken", "bool", "Equals(null)"],
  ["Regex", "string", "ToString()"],
  ["Encoding", "string", "ToString()"],
  ["CultureInfo", "string", "ToString()"],
];
const receiverCases = NULL_RECEIVERS.map(([t, r, call], i) => c(`fz.null.receiver.${i}`, r, `(default(${t}))${call.startsWith("[") ? "" : "."}${call}`));
// the arguments run first: a throwing argument wins over the null receiver
const receiverOrder = [
  c("fz.null.receiver.args.first.set", "bool", `(default(ISet<int>)).Add(int.Parse("x"))`),
  c("fz.null.receiver.args.first.overlaps", "bool", `(default(ISet<int>)).Overlaps(new List<int> { int.Parse("x") })`),
  c("fz.null.receiver.args.first.equals", "bool", `((object)null).Equals(int.Parse("x"))`),
  b("fz.null.receiver.args.order", "string", `var s = ""; try { ((IComparable)null).CompareTo((object)(s += "a")); } catch (NullReferenceException) { s += "!"; } return s;`),
  // Nullable<T> receivers are value types: null is a value with these members
  c("fz.null.receiver.nullable", "string", `((int?)null).ToString() + "|" + ((int?)null).GetHashCode() + "|" + ((int?)null).Equals(null)`),
  c("fz.null.receiver.jvalue.value", "string", `((JValue.CreateNull()).Value).ToString()`),
  c("fz.receiver.new.tostring", "string", `new JObject(new JProperty("a", 1)).ToString(Formatting.None) + new List<int> { 1 }.ToString() + new { a = 1 }.ToString()`),
];

// ---- JToken indexers: the key's boxed type --------------------------------------------------------
// JArray takes only a boxed int, JObject only a string; any other key is an ArgumentException (null:
// ArgumentNullException); JValue and JProperty have no children (InvalidOperationException).
const KEYS = ["(object)1", "(object)1.0", "(object)1.5", "(object)double.NaN", "(object)1L", "(object)long.Parse(\"9007199254740993\")", "(object)1000000000000m", "(object)'a'", "(object)(short)1", "(object)true", `"a"`, "(object)null"];
const HOLDERS: [string, string][] = [
  ["jarray", `JArray.Parse("[1,2]")`],
  ["jobject", `JObject.Parse("{\\"a\\":1,\\"1\\":2}")`],
  ["jvalue", `(JToken)new JValue(1)`],
  ["jproperty", `(JToken)new JProperty("a", 1)`],
];
const keyCases = HOLDERS.flatMap(([name, holder]) =>
  KEYS.flatMap((k, i) => [
    c(`fz.jtoken.key.${name}.get.${i}`, "JToken", `((JToken)${holder})[${k}]`),
    b(`fz.jtoken.key.${name}.set.${i}`, "string", `var t = (JToken)${holder}; t[${k}] = 3; return t.ToString(Formatting.None);`),
  ]),
);

// ---- Encoding members with (array, index, count): null, negative, past the end; decoding's replacement --
const ENCODINGS = ["UTF8", "ASCII", "Unicode", "BigEndianUnicode", "UTF32"];
const RANGES: [number, number][] = [[0, 0], [1, 2], [2, 3], [-1, 0], [0, -1], [4, 1], [0, 5]];
const encodingCases = ENCODINGS.flatMap((e) => [
  ...RANGES.flatMap(([i, n]) => [
    c(`fz.encoding.${e}.getstring.${i}.${n}`, "string", `Encoding.${e}.GetString(new byte[] { 65, 0, 66, 0 }, ${i}, ${n})`),
    c(`fz.encoding.${e}.getchars.${i}.${n}`, "char[]", `Encoding.${e}.GetChars(new byte[] { 65, 0, 66, 0 }, ${i}, ${n})`),
    c(`fz.encoding.${e}.getcharcount.${i}.${n}`, "int", `Encoding.${e}.GetCharCount(new byte[] { 65, 0, 66, 0 }, ${i}, ${n})`),
    c(`fz.encoding.${e}.getbytes.chars.${i}.${n}`, "byte[]", `Encoding.${e}.GetBytes("abcd".ToCharArray(), ${i}, ${n})`),
    c(`fz.encoding.${e}.getbytecount.chars.${i}.${n}`, "int", `Encoding.${e}.GetByteCount("abcd".ToCharArray(), ${i}, ${n})`),
  ]),
  c(`fz.encoding.${e}.getstring.null`, "string", `Encoding.${e}.GetString(null, 0, 0)`),
  c(`fz.encoding.${e}.getbytes.chars.null`, "byte[]", `Encoding.${e}.GetBytes((char[])null)`),
  c(`fz.encoding.${e}.getbytecount.chars`, "int", `Encoding.${e}.GetByteCount("h\u00e9\uD83D\uDE00".ToCharArray())`),
  // odd lengths, lone surrogates, values past U+10FFFF: U+FFFD
  c(`fz.encoding.${e}.decode.invalid`, "string", `Encoding.${e}.GetString(new byte[] { 0x00, 0xD8, 0x41, 0x00, 0xFF, 0xFF, 0x11, 0x00, 0x41 })`),
  c(`fz.encoding.${e}.encode.lone.surrogate`, "byte[]", `Encoding.${e}.GetBytes("a\uD800b\uDC00")`),
]);
// ---- HashAlgorithm.ComputeHash(buffer, offset, count) --------------------------------------------
const hashCases = [[0, 3], [1, 2], [-1, 1], [0, -1], [1, 3], [0, 4], [3, 0]].map(([o, n]) =>
  c(`fz.hash.computehash.range.${o}.${n}`, "string", `Convert.ToBase64String(SHA256.Create().ComputeHash(new byte[] { 1, 2, 3 }, ${o}, ${n}))`),
);
hashCases.push(c("fz.hash.computehash.range.null", "byte[]", `MD5.Create().ComputeHash((byte[])null, 0, 0)`));
// ---- Match.Empty (every failed match): group 0 is the match, named "0" -------------------------------
const regexCases = [
  c("fz.regex.empty.group0.name", "string", `(Match.Empty.Groups[0]).Name`),
  c("fz.regex.empty.groups", "string", `Match.Empty.Groups[1].Name + "|" + Match.Empty.Groups["0"].Name + "|" + Match.Empty.Groups["0"].Success + "|" + Match.Empty.NextMatch().Groups[0].Name + "|" + Match.Empty.Groups.Count`),
  c("fz.regex.failed.groups", "string", `Regex.Match("x", "(a)(?<n>b)").Groups[0].Name + "|" + Regex.Match("x", "(a)(?<n>b)").Groups.Count + "|" + Regex.Match("x", "(a)(?<n>b)").Groups[1].Name + "|" + Regex.Match("x", "(a)(?<n>b)").Groups["n"].Name`),
  c("fz.regex.groups.names", "string", `Regex.Match("ab", "(a)(?<n>b)").Groups[0].Name + "|" + Regex.Match("ab", "(a)(?<n>b)").Groups.Count + "|" + Regex.Match("ab", "(a)(?<n>b)").Groups[2].Name + "|" + Regex.Match("ab", "(a)(?<n>b)").Groups["zz"].Name + "|" + Regex.Match("ab", "(a)(?<n>b)").Groups[7].Success`),
];
// ---- Uri.IsWellFormedUriString over kinds and characters ----------------------------------------
const URI_STRINGS = [
  "", "abc", "a b", "\u00e9", "\u0130I\u0131i", "a%20b", "a%2", "a%41", "a<b", "a|b", "a\\\\b", "a^b", "a{b}", "a#b#c", "/a?b=c&d=[1]", "?a=1", "3.14", "x=1&y=2", "a:b",
  "http://x/\u00e9", "http://x/a b", "http://x/a%2", "http://x/a|b", "http://x/a^b", "http://x\\\\y", "http://\u0130/", "http://[::1]:80/a", "http:x", "HTTP://X.COM/", "http://x/./a/../b",
  "https://example.com/a%20b/c?x=1&y=%41#frag", "http://x/a%2Fb%3F", "http://x/%7e", "http://x/a#b#c", "https://user:pw@example.com:8080/a", "ftp://x", "mailto:a@b", "urn:a:b", "//x/y",
];
const uriCases = URI_STRINGS.flatMap((u, i) =>
  (["RelativeOrAbsolute", "Absolute", "Relative"] as const).map((k) => c(`fz.uri.wellformed.${i}.${k}`, "bool", `Uri.IsWellFormedUriString("${u}", UriKind.${k})`)),
);
// Mono on Unix reads a string starting with "/" as an absolute file path; .NET Framework (Windows, as
// APIM runs) makes it a relative URI (https://learn.microsoft.com/dotnet/api/system.uri#implicit-file-paths).
// Either way it is not well formed: a relative URI's check (UriExt.InternalIsWellFormedOriginalString,
// CheckCanonical up to c_EOL) counts a '#' as needing escaping, as Mono answers for UriKind.Relative.
uriCases.push(c("fz.uri.wellformed.rooted.relative", "bool", `Uri.IsWellFormedUriString("/a/b?c=d#e", UriKind.RelativeOrAbsolute)`));
uriCases.push(c("fz.uri.wellformed.rooted.relative.kind", "string", `Uri.IsWellFormedUriString("/a/b?c=d#e", UriKind.Relative) + "/" + Uri.IsWellFormedUriString("/a/b?c=d", UriKind.Relative)`));
uriCases.push(
  c("fz.uri.ctor.empty", "bool", `(new Uri("")).IsAbsoluteUri`),
  c("fz.uri.ctor.relative", "bool", `(new Uri("abc")).IsAbsoluteUri`),
  b("fz.uri.null.isabsolute", "string", `var u = (Uri)null; try { return u.IsAbsoluteUri.ToString(); } catch (NullReferenceException) { return "nre"; }`),
);
// ---- XName.Get: "{namespace}local" up to the last '}' ---------------------------------------------
const xnameCases = ["{\\\"a\\\":1}", "", "{}a", "{a}", "{a}b}c", "{a}b", "{a", "a}"].map((n, i) => c(`fz.xname.expanded.${i}`, "string", `XName.Get("${n}").LocalName + "|" + XName.Get("${n}").NamespaceName`));
// ---- Tuple.ToString shows items by their static type (1E+15, a char as a char) ----------------------
const tupleCases = [
  c("fz.tuple.tostring.double", "string", `(Tuple.Create<double>(1e15)).ToString()`),
  c("fz.tuple.tostring.mixed", "string", `Tuple.Create(1.5, 'a', 1e15f, (double?)null, "s", 0.1 + 0.2).ToString()`),
  c("fz.tuple.tostring.ctor", "string", `new Tuple<double, int, char>(2, 3, 'x').ToString()`),
  c("fz.tuple.item.double", "double", `Tuple.Create(1e15, 2).Item1`),
  c("fz.tuple.equals.char", "bool", `Tuple.Create('a', 1.0).Equals(Tuple.Create('a', 1.0))`),
];

// ---- JSONPath whitespace (Newtonsoft's JPath): a space ends the path; leading spaces belong to the first name --
const JSON_PATHS = ["a b", "a .b", "a. b", " a", "a ", "   ", "", "  $.a  ", "$.a.b ", "$..b ", "$..b x", "a[1] ", "a [0]", "$.a[?(@ > 1)]", "$.a[ ?(@ > 1)]", "['a'][0]", "[ 'a' ][0]", "[ 0 ]"];
const jsonPathCases = JSON_PATHS.map((q, i) =>
  c(`fz.jsonpath.space.${i}`, "string", `string.Join(",", JToken.Parse("{\\"a\\":[1,2],\\"a b\\":3,\\" a\\":4,\\"c\\":{\\"b\\":5}}").SelectTokens("${q}").Select(t => t.ToString(Formatting.None)))`),
);
jsonPathCases.push(c("fz.jsonpath.space.null", "JToken", `JToken.Parse("null").SelectToken("x y", false)`));

// StringBuilder.CopyTo with a negative count: .NET Framework checks count first (ArgumentOutOfRangeException
// "count"; referencesource StringBuilder.CopyTo), Mono's own implementation reports an ArgumentException.
const stringBuilderCases = [
  b("fz.stringbuilder.copyto.negative.count", "string", `var v0 = new StringBuilder("ab"); v0.CopyTo(5, new char[] { }, 5, -1); return v0.ToString();`, { expectDotNet: "!ArgumentOutOfRangeException" }),
];

/**
 * Calls on a null receiver of every member kind (methods, indexer get/set, compound assignment,
 * interface members, extension methods): C# evaluates the receiver, then the arguments (each logs
 * its name), then the call throws NullReferenceException.
 */
const NULL_RECEIVER_CALLS: [string, string][] = [
    ["string", `s.Substring(I("a"), I("b"))`],
    ["string", `s.Replace(S("a"), S("b"))`],
    ["string", `s.IndexOf(S("a"), I("b"))`],
    ["string", `s.Equals(S("a"))`],
    ["string", `s.CompareTo(S("a"))`],
    ["string", `s.PadLeft(I("a"), 'x')`],
    ["string", `s.Insert(I("a"), S("b"))`],
    ["List<int>", `s.Add(I("a"))`],
    ["List<int>", `s.Insert(I("a"), I("b"))`],
    ["List<int>", `s.IndexOf(I("a"))`],
    ["List<int>", `s.GetRange(I("a"), I("b"))`],
    ["List<int>", `s.Contains(I("a"))`],
    ["List<int>", `s[I("a")].ToString()`],
    ["List<int>", `s[I("a")] = I("b")`],
    ["List<int>", `s[I("a")] += I("b")`],
    ["List<int>", `s.RemoveAt(I("a"))`],
    ["Dictionary<string, int>", `s.Add(S("a"), I("b"))`],
    ["Dictionary<string, int>", `s.ContainsKey(S("a"))`],
    ["Dictionary<string, int>", `s[S("a")].ToString()`],
    ["Dictionary<string, int>", `s[S("a")] = I("b")`],
    ["Dictionary<string, int>", `s[S("a")]++`],
    ["Dictionary<string, int>", `s.Remove(S("a"))`],
    ["StringBuilder", `s.Append(S("a"))`],
    ["StringBuilder", `s.Insert(I("a"), S("b"))`],
    ["StringBuilder", `s.Replace(S("a"), S("b"))`],
    ["StringBuilder", `s.AppendFormat(S("a"), I("b"))`],
    ["HashSet<string>", `s.Add(S("a"))`],
    ["HashSet<string>", `s.Contains(S("a"))`],
    ["HashSet<string>", `s.UnionWith(new[] { S("a") })`],
    ["Queue<int>", `s.Enqueue(I("a"))`],
    ["Stack<int>", `s.Push(I("a"))`],
    ["int[]", `s[I("a")] = I("b")`],
    ["int[]", `s[I("a")]++`],
    ["ICollection<int>", `s.Contains(I("a"))`],
    ["JObject", `s.Add(S("a"), I("b"))`],
    ["JObject", `s[S("a")] = I("b")`],
    ["JObject", `s.GetValue(S("a"))`],
    ["JObject", `s.Property(S("a"))`],
    ["JArray", `s.Add(I("a"))`],
    ["JToken", `s.SelectToken(S("a"))`],
    ["JToken", `s.Value<int>(S("a"))`],
    ["Regex", `s.Match(S("a"))`],
    ["Regex", `s.Replace(S("a"), S("b"))`],
    ["Regex", `s.IsMatch(S("a"))`],
    ["XElement", `s.Element(S("a"))`],
    ["XElement", `s.SetAttributeValue(S("a"), I("b"))`],
    ["XElement", `s.Add(S("a"))`],
    ["Uri", `s.IsBaseOf(new Uri(S("http://a/")))`],
    ["object", `s.Equals(S("a"))`],
    ["IList<int>", `s.Add(I("a"))`],
    ["IDictionary<string, int>", `s[S("a")] = I("b")`],
    ["IEnumerable<int>", `s.Contains(I("a"))`],

];
const nullReceiverCall = (t: string, call: string) =>
  `var log = new List<string>(); Func<string, int> I = x => { log.Add(x); return 1; }; Func<string, string> S = x => { log.Add(x); return x; }; ${t} s = null; try { ${call}; } catch (NullReferenceException) { log.Add("NRE"); } return string.Join(",", log);`;
// Extensions.Values<U> over every kind of token: deferred, Newtonsoft's Convert<T, U> ("Cannot cast
// JObject to JToken.", a null value to a value type); an empty HashSet's IsSubsetOf/Overlaps/
// IsProperSupersetOf never enumerate it
const valuesCases = [b("fz.json.values.convert.matrix", "string", `var toks = new[] { "{\\"a\\":1,\\"b\\":null}", "[1,null,\\"s\\"]", "null", "\\"s\\"", "42", "1.5", "true", "{\\"a\\":{\\"x\\":2}}", "[[1],[2]]" }; var r = new List<string>(); foreach (var s in toks) for (int k = 0; k < 10; k++) { var one = new List<JToken> { JToken.Parse(s) }; string v; try { switch (k) { case 0: v = string.Join("|", one.Values<string>()); break; case 1: v = string.Join("|", one.Values<int>()); break; case 2: v = string.Join("|", one.Values<decimal>()); break; case 3: v = string.Join("|", one.Values<bool>()); break; case 4: v = string.Join("|", one.Values<int?>()); break; case 5: v = string.Join("|", one.Values<JToken>()).Replace("\\r", "").Replace("\\n", " "); break; case 6: v = string.Join("|", one.Values<double>("a")); break; case 7: v = one.Values<int>().Any() ? "any" : "none"; break; case 8: v = new HashSet<int>().IsSubsetOf(one.Values<int>("zz")) + ""; break; default: v = new HashSet<int>().Overlaps(one.Values<int>("zz")) + "" + new HashSet<int>().IsProperSupersetOf(one.Values<int>("zz")); break; } } catch (InvalidCastException) { v = "cast"; } catch (FormatException) { v = "format"; } catch (OverflowException) { v = "overflow"; } catch (InvalidOperationException) { v = "op"; } catch (ArgumentException) { v = "arg"; } r.Add(v); } return string.Join(",", r);`)];

// receiver, arguments, then NullReferenceException
const nullReceiverCases = NULL_RECEIVER_CALLS.map(([t, call], i) => b(`fz.null.receiver.args.${i}`, "string", nullReceiverCall(t, call)));

export const OBJECT_JSON_CASES: DiffCase[] = [...stringBuilderCases, ...jsonPathCases, ...receiverCases, ...receiverOrder, ...keyCases, ...encodingCases, ...hashCases, ...regexCases, ...uriCases, ...xnameCases, ...tupleCases, ...nullReceiverCases, ...valuesCases];

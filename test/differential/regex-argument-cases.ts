// System.Text.RegularExpressions' argument checks, as a matrix: every Regex / Match / Group /
// GroupCollection / CaptureCollection / MatchCollection member on the surface × null, negative,
// too-large and odd arguments (group names that look like numbers, options .NET refuses, timeouts out
// of range), each compared with the C# reference (exception type and message, or the value).
// Found by the generator (fuzz seed 34100: Groups[(string)null] is ArgumentNullException "name").
import type { DiffCase } from "./cases.js";

const c = (id: string, type: string, expr: string): DiffCase => ({ id: `re.args.${id}`, type, expr });
const b = (id: string, type: string, body: string): DiffCase => ({ id: `re.args.${id}`, type, expr: body, block: true });
const verbatim = (s: string) => `@"${s.replace(/"/g, '""')}"`;

/** What a Group shows, in one string (a block case). */
const show = (g: string) => `var g = ${g}; return g.Success + ":" + g.Name + ":" + g.Index + ":" + g.Value + ":" + g.Captures.Count;`;

/** Patterns: unnamed groups only, named ones (capnames), explicit numbers (sparse slots), none; inputs that match and fail. */
const PATTERNS = [String.raw`(a)(b)?`, String.raw`(a)(?<n>b)?`, String.raw`(?<5>a)(?<x>b)?`, String.raw`(?<2>a)b`, "a", String.raw`(?<1>a)(?<3>b)?(c)?`];
/** The same patterns on .NET's own engine (a lookbehind takes it): the group table comes from its parser, not the JS translation. */
const NET_PATTERNS = PATTERNS.map((p) => `(?<=^|.)${p}`);
const MATCHES = PATTERNS.concat(NET_PATTERNS).flatMap((p) => [`Regex.Match("ab", ${verbatim(p)})`, `Regex.Match("zz", ${verbatim(p)})`]).concat(["Match.Empty", `Regex.Match("ab", "a", RegexOptions.ExplicitCapture)`]);
/** Group names: null, empty, numbers written oddly (leading zero, sign, space, overflowing int), names, case. */
const NAMES = ["(string)null", `""`, `"0"`, `"1"`, `"01"`, `"001"`, `"2"`, `"3"`, `"5"`, `"-1"`, `" 1"`, `"1 "`, `"+1"`, `"n"`, `"N"`, `"x"`, `"4294967297"`, `"2147483648"`, `"99999999999999999999"`, `"١"`];
const NUMBERS = ["-1", "0", "1", "2", "3", "4", "5", "int.MaxValue", "int.MinValue"];
/** Indexes for the collections: before the start, the first, the last, one past, far past. */
const INDEXES = ["-1", "0", "int.MaxValue", "int.MinValue"];

const OPTIONS = ["(RegexOptions)(-1)", "(RegexOptions)1024", "(RegexOptions)128", "(RegexOptions)2047", "(RegexOptions)(1 << 30)", "RegexOptions.ECMAScript | RegexOptions.Singleline", "RegexOptions.ECMAScript | RegexOptions.ExplicitCapture", "RegexOptions.ECMAScript | RegexOptions.IgnorePatternWhitespace", "RegexOptions.ECMAScript | RegexOptions.RightToLeft", "RegexOptions.ECMAScript | RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.Compiled | RegexOptions.CultureInvariant", "(RegexOptions)(256 | 128)", "(RegexOptions)(512 | 128 | 64 | 32 | 16 | 8 | 4 | 2 | 1)"];
const TIMEOUTS = ["TimeSpan.Zero", "TimeSpan.FromTicks(-1)", "TimeSpan.FromMilliseconds(-1)", "TimeSpan.FromMilliseconds(-2)", "TimeSpan.FromMilliseconds(int.MaxValue - 1)", "TimeSpan.FromMilliseconds(int.MaxValue)", "TimeSpan.FromDays(30)", "TimeSpan.FromTicks(1)"];

/** The static and instance operations, each with (input, pattern) as C# text. */
const OPS: [string, string, (i: string, p: string, tail: string) => string][] = [
  ["ismatch", "bool", (i, p, t) => `Regex.IsMatch(${i}, ${p}${t})`],
  ["match", "string", (i, p, t) => `Regex.Match(${i}, ${p}${t}).Value`],
  ["matches", "int", (i, p, t) => `Regex.Matches(${i}, ${p}${t}).Count`],
  ["replace", "string", (i, p, t) => `Regex.Replace(${i}, ${p}, "x"${t})`],
  ["replace.eval", "string", (i, p, t) => `Regex.Replace(${i}, ${p}, m => "x"${t})`],
  ["split", "string", (i, p, t) => `string.Join("/", Regex.Split(${i}, ${p}${t}))`],
];
const ARG_PAIRS: [string, string][] = [
  [`"ab"`, "(string)null"],
  ["(string)null", `"a"`],
  ["(string)null", "(string)null"],
  ["(string)null", `"("`],
  [`"ab"`, `"("`],
  [`"ab"`, `"a{2,1}"`],
];

/** Members read on a null receiver: NullReferenceException (fuzz seed 35401: default(MatchCollection)[1] was ArgumentNullException). */
const NULL_RECEIVERS: [string, string][] = [
  ["int", "default(MatchCollection)[0].Index"],
  ["int", "default(MatchCollection)[-1].Index"],
  ["int", "default(MatchCollection).Count"],
  ["int", "default(GroupCollection)[0].Index"],
  ["int", `default(GroupCollection)["a"].Index`],
  ["int", "default(GroupCollection)[(string)null].Index"],
  ["int", "default(GroupCollection).Count"],
  ["int", "default(CaptureCollection)[0].Index"],
  ["int", "default(CaptureCollection).Count"],
  ["int", "default(Match).Groups.Count"],
  ["int", "default(Match).NextMatch().Index"],
  ["string", `default(Match).Result("x")`],
  ["string", "default(Match).Result(null)"],
  ["string", "default(Match).Value"],
  ["int", "default(Group).Captures.Count"],
  ["bool", "default(Group).Success"],
  ["string", "default(Group).Name"],
  ["int", "default(Capture).Index"],
  ["string", "default(Capture).ToString()"],
  ["bool", `default(Regex).IsMatch("a")`],
  ["bool", "default(Regex).IsMatch(null)"],
  ["int", `default(Regex).Match("a").Index`],
  ["int", `default(Regex).Matches("a").Count`],
  ["string", `default(Regex).Replace("a", "b")`],
  ["int", `default(Regex).Split("a").Length`],
];
/** foreach over a null collection: C#'s GetEnumerator() call throws NullReferenceException (apimc's walk threw ArgumentNullException). */
const FOREACH_NULL = ["MatchCollection", "GroupCollection", "CaptureCollection", "IEnumerable<int>", "Dictionary<string, int>", "HashSet<int>", "string", "int[]", "List<int>", "JArray", "Queue<int>", "IEnumerable<char>"];

/** Replacement patterns (RegexParser.ScanReplacement): $+ (last group), $_ (whole input), $$, a lone or unknown $, ${ unclosed, names and numbers with and without braces, numbers past int (ArgumentException, parsed before any match). */
const REPLACEMENTS = ["$+", "$_", "$$", "$", "$x", "${", "${n", "${n}", "${1}", "${01}", "$01", "$10", "$1a", "${ n}", "${-1}", "$-1", "$0", "${0}", "${99999999999}", "$99999999999", "a$", "$$1", "$&$`$'", "${x}", "$2", "$3", "$2147483647", "${2147483648}"];
const REPLACEMENT_PATTERNS = [String.raw`(a)(?<n>b)?`, String.raw`(a)(b)?(c)?`, "a", String.raw`(?<2>a)(b)`, String.raw`(?<=x)(a)(?<n>b)?`];

export const REGEX_ARGUMENT_CASES: DiffCase[] = [
  ...REPLACEMENT_PATTERNS.flatMap((p, i) => REPLACEMENTS.map((r, j) => c(`replacement.${i}.${j}`, "string", `Regex.Replace("xabcx", ${verbatim(p)}, ${JSON.stringify(r)})`))),
  ...REPLACEMENTS.map((r, j) => c(`replacement.ecmascript.${j}`, "string", `Regex.Replace("xabcx", @"(a)(b)?", ${JSON.stringify(r)}, RegexOptions.ECMAScript)`)),
  ...REPLACEMENTS.map((r, j) => c(`replacement.result.${j}`, "string", `Regex.Match("xabcx", @"(a)(?<n>b)?").Result(${JSON.stringify(r)})`)),
  ...REPLACEMENTS.map((r, j) => c(`replacement.nomatch.${j}`, "string", `Regex.Replace("zzz", "a", ${JSON.stringify(r)})`)),
  ...NULL_RECEIVERS.map(([t, e], i) => c(`null.receiver.${i}`, t, e)),
  ...FOREACH_NULL.map((t, i) => b(`foreach.null.${i}`, "int", `int n = 0; foreach (var x in new List<${t}> { null }[0]) n++; return n;`)),
  // GroupCollection[string] (Regex.GroupNumberFromName) and GroupCollection[int] (GetGroup: the slot map)
  ...MATCHES.flatMap((m, i) => NAMES.map((n, j) => b(`groups.name.${i}.${j}`, "string", show(`${m}.Groups[${n}]`)))),
  ...MATCHES.flatMap((m, i) => NUMBERS.map((n, j) => b(`groups.number.${i}.${j}`, "string", show(`${m}.Groups[${n}]`)))),
  ...MATCHES.map((m, i) => c(`groups.count.${i}`, "int", `${m}.Groups.Count`)),
  ...MATCHES.map((m, i) => c(`groups.names.${i}`, "string", `string.Join(",", ${m}.Groups.Cast<Group>().Select(g => g.Name))`)),
  // the groups in slot order (GroupCollection's enumerator), Split's groups (IsMatched(slot) read back as Groups[slot]), $n and ${name}
  ...PATTERNS.concat(NET_PATTERNS).flatMap((p, i) => [
    c(`groups.enumerate.${i}`, "string", `string.Join(",", Regex.Match("abc", ${verbatim(p)}).Groups.Cast<Group>().Select(g => g.Name + "=" + g.Success + g.Value))`),
    c(`groups.split.${i}`, "string", `string.Join("/", Regex.Split("xabcx", ${verbatim(p)}))`),
    c(`groups.replace.${i}`, "string", `Regex.Replace("xabcx", ${verbatim(p)}, "<$0|$1|$2|$3|$5|$6|\${x}|\${n}|\${5}|$01|\${01}>")`),
  ]),
  // CaptureCollection[int]: ArgumentOutOfRangeException "i" outside [0, Count)
  ...MATCHES.flatMap((m, i) => [...INDEXES, "1"].map((n, j) => c(`captures.${i}.${j}`, "string", `${m}.Groups[1].Captures[${n}].Value`))),
  ...MATCHES.flatMap((m, i) => INDEXES.map((n, j) => c(`captures.match.${i}.${j}`, "string", `${m}.Captures[${n}].Value`))),
  // MatchCollection[int]
  ...["ab", "", "aaa"].flatMap((s, i) => [...INDEXES, "1", "3"].map((n, j) => c(`matchcollection.${i}.${j}`, "string", `Regex.Matches(${JSON.stringify(s)}, "a")[${n}].Value`))),
  // Match.Result: null replacement, a failed match, Match.Empty
  ...MATCHES.flatMap((m, i) => ["(string)null", `"<$1>"`, `"$$"`].map((r, j) => c(`result.${i}.${j}`, "string", `${m}.Result(${r})`))),
  ...MATCHES.map((m, i) => b(`nextmatch.${i}`, "string", show(`${m}.NextMatch()`))),
  // constructors: null pattern, options and timeouts .NET refuses
  c("ctor.null", "string", `new Regex((string)null).ToString()`),
  c("ctor.null.options", "string", `new Regex((string)null, (RegexOptions)(-1)).ToString()`),
  c("ctor.null.timeout", "string", `new Regex((string)null, RegexOptions.None, TimeSpan.Zero).ToString()`),
  c("ctor.bad.pattern.options", "string", `new Regex("(", (RegexOptions)(-1)).ToString()`),
  c("ctor.bad.options.timeout", "string", `new Regex("a", (RegexOptions)(-1), TimeSpan.Zero).ToString()`),
  ...OPTIONS.map((o, i) => c(`ctor.options.${i}`, "bool", `new Regex("a", ${o}).IsMatch("A")`)),
  ...TIMEOUTS.map((t, i) => c(`ctor.timeout.${i}`, "bool", `new Regex("a", RegexOptions.None, ${t}).IsMatch("a")`)),
  // static and instance operations: null input, null or bad pattern, bad options and timeout, in .NET's order
  ...OPS.flatMap(([name, type, f]) => ARG_PAIRS.map(([i, p], j) => c(`static.${name}.${j}`, type, f(i, p, "")))),
  ...OPS.flatMap(([name, type, f]) => OPTIONS.slice(0, 6).map((o, j) => c(`static.${name}.options.${j}`, type, f(`"ab"`, `"a"`, `, ${o}`)))),
  ...OPS.flatMap(([name, type, f]) => [`"ab"`, "(string)null"].map((i, j) => c(`static.${name}.null.options.${j}`, type, f(i, "(string)null", ", (RegexOptions)(-1)")))),
  ...OPS.flatMap(([name, type, f]) => TIMEOUTS.slice(0, 6).map((t, j) => c(`static.${name}.timeout.${j}`, type, f(`"ab"`, `"a"`, `, RegexOptions.None, ${t}`)))),
  ...OPS.flatMap(([name, type, f]) => [`"ab"`, "(string)null"].map((i, j) => c(`static.${name}.null.timeout.${j}`, type, f(i, "(string)null", ", (RegexOptions)(-1), TimeSpan.Zero")))),
  c("static.replace.null.replacement", "string", `Regex.Replace("ab", "a", (string)null)`),
  c("static.replace.null.all", "string", `Regex.Replace((string)null, (string)null, (string)null)`),
  c("static.replace.null.replacement.nomatch", "string", `Regex.Replace("zz", "a", (string)null)`),
  c("static.replace.null.input.replacement", "string", `Regex.Replace((string)null, "a", (string)null)`),
  c("instance.ismatch.null", "bool", `new Regex("a").IsMatch((string)null)`),
  c("instance.match.null", "string", `new Regex("a").Match((string)null).Value`),
  c("instance.matches.null", "int", `new Regex("a").Matches((string)null).Count`),
  c("instance.replace.null", "string", `new Regex("a").Replace((string)null, "x")`),
  c("instance.replace.null.replacement", "string", `new Regex("a").Replace("ab", (string)null)`),
  c("instance.replace.null.both", "string", `new Regex("a").Replace((string)null, (string)null)`),
  c("instance.split.null", "string", `string.Join("/", new Regex("a").Split((string)null))`),
  c("instance.rtl.match.null", "string", `new Regex("a", RegexOptions.RightToLeft).Match((string)null).Value`),
  c("instance.rtl.ismatch.null", "bool", `new Regex("a", RegexOptions.RightToLeft).IsMatch((string)null)`),
  c("escape.null", "string", `Regex.Escape((string)null)`),
  c("unescape.null", "string", `Regex.Unescape((string)null)`),
];

// Mismatch classes the generator found in session 25 (seeds 34400-34499), each a matrix over the
// class, ids fzc.s25.*.
import type { DiffCase } from "./cases.js";

const b = (id: string, body: string): DiffCase => ({ id: `fzc.s25.${id}`, type: "string", expr: body, block: true });
/** A C# string literal (JSON's escapes are C#'s; controls and non-ASCII as \uXXXX). */
const q = (s: string) => JSON.stringify(s).replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const arr = (xs: readonly string[]) => `new[] { ${xs.map(q).join(", ")} }`;
/** Each URI's answers joined, an exception as !Type (so one throwing URI does not hide the rest). */
const each = (uris: string, make: string, outputs: readonly string[]) =>
  `var r = new List<string>(); foreach (var s in ${uris}) { try { var u = ${make}; r.Add(${outputs.map((o) => (o.startsWith("string.") ? o : `u.${o}`)).join(` + " | " + `)}); } catch (FormatException) { r.Add("!Format"); } } return string.Join("\\n", r);`;

/** A '%' that starts no %XX escape: alone, before a non-hex character, one hex digit, another '%' or an escape. */
const LONE_PERCENTS = ["%", "%=", "%z", "%2", "%%", "%%20", "% ", "%g1", "%2G"];
const PERCENT_OUT = [
  "ToString()", "OriginalString", "AbsoluteUri", "AbsolutePath", "PathAndQuery", "Query", "Fragment", "LocalPath", `string.Join("/", u.Segments)`,
  ...["PathAndQuery", "Fragment"].flatMap((c) => ["UriEscaped", "Unescaped", "SafeUnescaped"].map((f) => `GetComponents(UriComponents.${c}, UriFormat.${f})`)),
];
/** The lone '%' in the path, query or fragment of web URIs (ftp has no query), and at the end. */
const PERCENT_URIS = LONE_PERCENTS.flatMap((p) => [
  `http://h/a${p}b?q#f`, `https://h/a?q${p}r#f`, `http://h/a?q#f${p}g`, `http://h/${p}`, `https://h:8080/x/y${p}`, `ftp://h/a${p}/b?c${p}`, `ws://h/${p}q`, `http://h/a%41${p}`,
]);

/** Absolute URIs .NET IRI-normalizes (non-ASCII, an escaped unreserved character) or not, before trailing whitespace. */
const TRAILING_URIS = ["http://h/a%41", "http://h/\u00e9", "http://h/a?%41", "http://h/a#%41", "http://b\u00fccher.de/p", "https://h/x", "http://h/a%41%", "http://h/%41/"].flatMap((u) =>
  [" ", "  ", "\t", " \t", "\r\n", "%20 ", "x "].flatMap((end) => [u + end, ` ${u}${end}`]),
);

/** Non-constant values of each type a hole can print (the integer types print as JS numbers). */
const HOLE_VALUES: [string, string][] = [
  ["int", `int.Parse("3")`], ["short", `short.Parse("-4")`], ["byte", `byte.Parse("5")`], ["sbyte", `sbyte.Parse("-6")`], ["ushort", `ushort.Parse("7")`],
  ["uint", `uint.Parse("8")`], ["long", `long.Parse("9")`], ["ulong", `ulong.Parse("10")`], ["char", `char.Parse("c")`], ["bool", `bool.Parse("true")`],
  ["double", `double.Parse("1.5")`], ["float", `float.Parse("2.5")`], ["decimal", `decimal.Parse("3.50")`], ["string", `"s".Trim()`], ["DayOfWeek", `(DayOfWeek)int.Parse("1")`], ["int?", `(int?)int.Parse("11")`],
];
/** Adjacent holes: every pair, then triples starting with two integers, then integer holes with constants between. */
const ADJACENT_HOLES = [
  ...HOLE_VALUES.flatMap(([, a]) => HOLE_VALUES.map(([, b]) => `$"{${a}}{${b}}"`)),
  ...HOLE_VALUES.map(([, c]) => `$"{int.Parse("1")}{byte.Parse("2")}{${c}}"`),
  `$"{int.Parse("1")}"`, `$"{(255 >> 1)}{int.Parse("2")}"`, `$"{int.Parse("1")}{2}{int.Parse("3")}"`, `$"{int.Parse("1")}{""}{int.Parse("3")}"`, `$"{int.Parse("1"),2}{int.Parse("3")}"`, `$"{int.Parse("1"):D2}{int.Parse("3")}"`,
];

/** Each integral type with values at its ends and in between. */
const SHIFT_OPERANDS: [string, string[]][] = [
  ["sbyte", ["sbyte.MinValue", "sbyte.MaxValue", "(sbyte)-3"]], ["byte", ["byte.MaxValue", "(byte)5"]], ["short", ["short.MinValue", "(short)-3"]],
  ["ushort", ["ushort.MaxValue"]], ["char", ["char.MaxValue", "'a'"]], ["int", ["int.MinValue", "int.MaxValue", "-3", "5"]],
  ["uint", ["uint.MaxValue", "0xFFFFFFFF", "4294967295", "0x80000000", "5u"]], ["long", ["long.MinValue", "long.MaxValue", "-3L", "0x7FFFFFFFFFFFL"]], ["ulong", ["ulong.MaxValue", "0x8000000000000000", "5ul"]],
];
const SHIFT_COUNTS = ["0", "1", "4", "31", "32", "33", "63", "64", "65", "-1"];
/** Shifts and bitwise operators of each type, folded by the compiler (const) and at run time (a local), side by side. */
const shiftBody = (t: string, values: string[]): string =>
  `var r = new List<string>(); ${values.map((v, i) => `const ${t} c${i} = ${v}; ${t} x${i} = c${i}; ${SHIFT_COUNTS.map((n) => `r.Add((c${i} << ${n}) + "/" + (x${i} << int.Parse("${n}")) + " " + (c${i} >> ${n}) + "/" + (x${i} >> int.Parse("${n}")));`).join(" ")} r.Add((c${i} & 0xF0F0) + "/" + (x${i} & 0xF0F0) + " " + (c${i} | 1) + "/" + (x${i} | 1) + " " + (c${i} ^ 0x55) + "/" + (x${i} ^ (${t})int.Parse("85")) + " " + (~c${i}) + "/" + (~x${i}));`).join(" ")} ` +
  `${t} y = ${values[0]}; y <<= 3; ${t} z = ${values[0]}; z >>= 33; r.Add(y + " " + z); return string.Join(",", r);`;

/** Every printable ASCII character written raw in the path, query or fragment of an absolute URI. */
const RAW_ASCII_URIS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => c !== "#" && c !== "?" && c !== "%")
  .flatMap((c) => [`http://h/a${c}b/c`, `https://h/p?q${c}r`, `http://h/p#f${c}g`, `http://h/a${c}%41`]);
const RAW_OUT = [...PERCENT_OUT, "GetLeftPart(UriPartial.Path)", "GetLeftPart(UriPartial.Query)", "IsWellFormedOriginalString()"];

/** Key types of the outer and inner sequences of a join: TKey is fixed to the one the other converts to. */
const JOIN_KEYS: [string, string, string, string][] = [
  ["int", "1, 2, 3", "double", "1.0, 2.5, 3"], ["double", "1.0, 2.5", "int", "1, 2"], ["int", "1, 2", "decimal", "1m, 2.0m"], ["decimal", "1.00m, 2m", "int", "1, 2"],
  ["int", "1, 2", "long", "1L, 2L"], ["long", "1L, 2L", "int", "2, 1"], ["short", "1, 2", "int", "1, 2"], ["char", "'a', 'b'", "int", "97, 98"], ["int", "1, 2", "int?", "1, null, 2"],
];
/** Lambdas whose result converts to the delegate's return type (decimal, double, long, object, a Nullable): [delegate type, lambda, call]. */
const CONVERTED_LAMBDAS: [string, string, string][] = [
  ["Func<int, decimal>", "new Func<int, decimal>(x => x)", "f(3) / 8"], ["Func<int, double>", "x => x", "f(3) / 8"], ["Func<int, long>", "x => x * 1000000", "f(3000) * 1000"],
  ["Func<int, object>", "x => x", "f(3)"], ["Func<char, object>", "c => c", "f('x')"], ["Func<int, object>", "x => (DayOfWeek)x", "f(2)"],
  ["Func<double, object>", "d => d", "JsonConvert.SerializeObject(f(2.0))"], ["Func<int, int?>", "x => x", "f(4)"], ["Func<int, decimal>", "x => { if (x > 0) return x; return 0.5m; }", "f(3) / 8"],
  ["Func<long, double>", "x => x", "f(long.MaxValue)"], ["Func<int, float>", "x => x", "f(16777217)"],
];
const CONVERTED_CALLS = [
  `string.Join(",", new[] { 1, 2 }.Select<int, decimal>(x => x).Select(d => d / 8))`, `string.Join(",", new[] { 1, 2 }.Select<int, object>(x => x * 1.0))`, `new[] { 1, 2 }.Sum(x => (decimal)x / 3)`,
  `string.Join(",", new[] { 1, 2 }.ToDictionary<int, decimal, decimal>(x => x, x => x / 4m))`, `string.Join(",", new[] { 3, 1 }.OrderBy<int, double>(x => x).Select(x => x / 2))`, `string.Join(",", new[] { 'a', 'b' }.Select<char, int>(c => c))`,
];

/** JSON texts whose first token is not the container asked for, with comments before and after the content. */
const JSON_PARSE_TEXTS = [
  "1 2", "{} x", "[1] ]", "1 /*c*/ 2", "{}/*a*/{}", "\"s\" 1", "1 //c", "[]\n\n  {}", "true", "\"2020-01-01T00:00:00\"", "'x'", "new Date(1)", "NaN", "-1.5e3", "undefined", "  null",
  "/*c*/1", "1/*c*/", "/*c*/{\"a\":1}", "{\"a\":1}/*c*/", "[1,/*c*/2]", "//x\n1", "/*c*/", " /*a*/ /*b*/ 2", "", "  ", "// only", "\n\n  [1]x", "1\r\n 2",
];

/** Broken JSON: truncated containers, bad values and names at every depth, names that need brackets in a path. */
const JSON_BROKEN_TEXTS = [
  "[1, oops", "{\"a\": 1", "[oops", "{\"a\": oops}", "{\"a\": 1, oops", "{\"a\": {\"b\": [1, 2, x]}}", "{\"a\": [1, {\"c\": }]}", "[[1], [2, ]", "{\"a\":1,\"b\":",
  "{\"a\" 1}", "[1 2]", "{\"x.y\": [1, z]}", "{'a b': [0, ?]}", "[\"s\", \"unterminated", "{\"a\": tru}", "[1,]x", "{\"a\":[1,2],\"b\":{\"c\":nul}}", "{\"a\": fals}",
  "[[[1]], [[2], [3, ", "{", "[", "{\"a\":}", "{\"a\":1 \"b\":2}", "{\"a\": [{}, {\"b\": [1, {\"c\": 1 2}]}]}", "{\"a\": 1,", "[1,\n 2,\n x]", "{\"a\": [1, /*c*/ q]}",
];

export const FUZZ_S25_CASES: DiffCase[] = [
  // adjacent holes that print as numbers were added, not concatenated (seed 34401: $"{(255 >> 1)}{x.Count}|…" gave "127|…")
  b("interpolation.adjacent.holes", `return string.Join("\\n", new string[] { ${ADJACENT_HOLES.join(", ")} });`),
  // a shift has its left operand's type (uint << n is uint, not long: `const uint u = 0xFFFFFFFF >> 4`
  // did not compile); shifts and bitwise operators of constants are constants (`case 255 >> 1:`)
  ...SHIFT_OPERANDS.map(([t, values]) => b(`shift.${t}`, shiftBody(t, values))),
  b("shift.constants", `const int a = 255 >> 1; const long l = 1L << 40; const uint u = 0xFFFFFFFF >> 4; const int m = 5 & 3 | 8 ^ 1; const ulong q = 1UL << 63; switch (int.Parse("127")) { case 255 >> 1: return a + " " + l + " " + u + " " + m + " " + q; default: return "none"; }`),
  // characters written raw: escaped as .NET escapes them in each part (seed 34401: '|' in a path stayed raw in GetLeftPart)
  b("uri.raw.ascii", each(arr(RAW_ASCII_URIS), "new Uri(s)", RAW_OUT)),
  b("uri.raw.ascii.combined", each(arr(Array.from({ length: 95 }, (_, i) => `x${String.fromCharCode(32 + i)}y`)), `new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), s)`, RAW_OUT)),
  // a DOS path ("c:\\a", "c:/a", "c|/a") is the file URI file:///c:/a; "x|y" is an unrooted one (FormatException)
  b("uri.dos.path", each(arr(["c:\\a b", "c:/a", "C|/x/y.txt", "x|/y", "x|y", "x:y", "c:\\a\\b.txt", " d:\\x ", "c:\\a%41", "c:\\\u00e9"]), "new Uri(s)", ["AbsoluteUri", "ToString()", "LocalPath", "IsFile + \"\"", "AbsolutePath", "Host", `string.Join("|", u.Segments)`])),
  b("uri.file.drive.combined", each(arr(["/abs|p", "../x<y", "{z}/w", "/", "\\a\\b", "x?y#z"]), `new Uri(new Uri("file:///c:/dir/"), s)`, ["AbsoluteUri", "PathAndQuery", "GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)", "GetComponents(UriComponents.Path, UriFormat.Unescaped)", "LocalPath", "ToString()"])),
  // a file URI with a host is a UNC path: LocalPath \\host\path (seed 34405)
  b("uri.file.unc.localpath", each(arr(["file://other/h^st", "file://srv/share/a b.txt", "file://srv/", "file://h/%41/x"]), "new Uri(s)", ["LocalPath", "Host", "AbsolutePath", "AbsoluteUri"])),
  b("uri.file.unc.combined", each(arr(["//other/h^st", "//srv/share/f.txt"]), `new Uri(new Uri("file:///c:/dir/"), s)`, ["LocalPath", "Host", "AbsoluteUri"])),
  b("uri.dos.path.query.chars", each(arr(["c:\\dir\\f^1.txt", "C:/x?y#z", "d:\\a b?c"]), "new Uri(s)", ["AbsoluteUri", "PathAndQuery", "Query", "Fragment", "LocalPath", "ToString()", "AbsolutePath"])),
  b("uri.dos.path.relative.or.absolute", each(arr(["c:\\a b", "C|/x/y.txt", "x|y", "x|", "xy|z", "|y"]), "new Uri(s, UriKind.RelativeOrAbsolute)", ["IsAbsoluteUri + \"\"", "ToString()"])),
  b("uri.dos.path.combined", each(arr(["c:\\a b", "C|/x/y.txt", "x|/y", "x|y", "x|", "xy|z", "|y", "x|\\y"]), `new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), s)`, ["AbsoluteUri", "ToString()", "LocalPath"])),
  // Join/GroupJoin keys of two types: TKey is the one the other converts to (seed 34401: int and double
  // keys did not compile), and each key selector's result converts to it (int keys against decimal ones)
  ...JOIN_KEYS.map(([ot, ov, it, iv], i) =>
    b(`linq.join.key.types.${i}`, `var o = new List<${ot}> { ${ov} }; var n = new List<${it}> { ${iv} }; return string.Join(",", o.Join(n, a => a, c => c, (a, c) => a + ":" + c)) + " | " + string.Join(",", o.GroupJoin(n, a => a, c => c, (a, cs) => a + ":" + cs.Count())) + " | " + string.Join(",", n.Join(o, c => c, a => a, (c, a) => c + "=" + a));`),
  ),
  b("lambda.result.converted", `var r = new List<object>(); ${CONVERTED_LAMBDAS.map(([t, l, call]) => `{ ${t} f = ${l}; r.Add(${call}); }`).join(" ")} r.AddRange(new object[] { ${CONVERTED_CALLS.join(", ")} }); return string.Join(" | ", r);`),
  // -2147483648 is an int and -9223372036854775808 a long (not the negation of a uint/ulong); a
  // negative constant as ulong wraps; new int?() is null (the generator's integral templates)
  b(
    "literal.min.values",
    `const int k1 = -2147483648; const long k2 = -9223372036854775808; const long k3 = -9223372036854775808L; const ulong k4 = unchecked((ulong)(-3)); ` +
      `return k1 + "|" + k2 + "|" + k3 + "|" + k4 + "|" + unchecked((short)(new int[] { -2147483648 }[0])) + "|" + (-2147483648 >> 33) + "|" + (int)(object)(-2147483648) + "|" + ~(long)(object)(-9223372036854775808L) + "|" + (-0x80000000) + "|" + unchecked((ulong)(~0x0 >> 64)) + "|" + unchecked((ulong)(-1L)) + "|" + (k4 == 18446744073709551613UL) + "|" + (-2147483648 - 1L) + "|" + unchecked(-2147483648 - 1);`,
  ),
  b("nullable.new", `object o = new int?(); int? n = new int?(); int? m = new int?(5); long? l = new long?(3); return (o == null) + "|" + n.HasValue + "|" + new int?() + "|" + object.ReferenceEquals(new int?(), new int?()) + "|" + m + "|" + (m + l) + "|" + new DateTime?() + "|" + new bool?(true);`),
  // a boxed float NaN Equals another (float.Equals), as a double's does (seed 34404)
  b("float.nan.boxed.equals", `float n = float.NaN; object a = n, c = float.Parse("NaN"); return object.Equals(float.NaN, float.NaN) + "," + a.Equals(c) + "," + object.Equals(a, (object)n) + "," + ((object)n).Equals(float.NaN) + "," + new List<object> { a }.Contains(c) + "," + new object[] { a }.Distinct().Count() + "," + new HashSet<object> { a, c }.Count + "," + object.Equals((object)1f, (object)1.0) + "," + object.Equals(double.NaN, double.NaN);`),
  // JObject.Parse/JArray.Parse read the first token and name it when it does not start the container
  // (StartArray, Integer, None, ... at its end); JToken.Parse loads a leading comment as a Comment
  // token; after the content one more token is read, and a comment ends it
  b("json.parse.first.token", `var r = new List<string>(); foreach (var s in ${arr(JSON_PARSE_TEXTS)}) { string a; try { a = JToken.Parse(s).Type + " " + JToken.Parse(s).ToString(Formatting.None); } catch (Exception e) { a = "E: " + e.Message; } try { a += " | " + JObject.Parse(s).Count; } catch (Exception e) { a += " | E: " + e.Message; } try { a += " | " + JArray.Parse(s).Count; } catch (Exception e) { a += " | E: " + e.Message; } r.Add(a); } return string.Join("\\n", r);`),
  // GetLeftPart of a URI without an authority: no "//", an empty Authority part (seed 34407: a scheme of its own)
  b("uri.getleftpart.schemes", each(arr(["mailto:a@b.c?x#y", "urn:x:y", "news:a.b", "a4294967296400.00:00:00 3/31/2019", "http://u@h:81/p?q#f", "file:///c:/x", "tel:+1-234", "ftp://h/d/f", "https://h"]), "new Uri(s)", ["GetLeftPart(UriPartial.Scheme)", "GetLeftPart(UriPartial.Authority)", "GetLeftPart(UriPartial.Path)", "GetLeftPart(UriPartial.Query)"])),
  // a URI without an authority: .NET escapes space, '"', '<', '>', '`', '{', '}', '|', '^' and '\\' in every part; ToString shows them raw
  b("uri.opaque.escapes", each(arr(["urn:a b<c>?d e#f g", "x1:p{q}|r\\s^t`u\"v", "tag:a'b?c'd"]), "new Uri(s)", ["AbsoluteUri", "ToString()", "AbsolutePath", "Query", "Fragment", "GetLeftPart(UriPartial.Path)"])),
  // a reader error names the reader's Path (the property read last, the index of the value read last or
  // of the container being read), and an end inside a container is "Unexpected end of content while loading"
  b("json.parse.error.path", `var r = new List<string>(); foreach (var s in ${arr(JSON_BROKEN_TEXTS)}) { try { JToken.Parse(s); r.Add("ok"); } catch (Exception e) { r.Add(e.Message); } try { JObject.Parse(s); r.Add("ok"); } catch (Exception e) { r.Add(e.Message); } } return string.Join("\\n", r);`),
  // XmlWriter's CheckCharacters refuses a C0 control (but tab, LF, CR), U+FFFE and U+FFFF, as it refuses a lone surrogate (seed 34409)
  b("xml.invalid.characters", `var r = new List<string>(); foreach (var s in new[] { "\\uFFFF", "\\uFFFE", "\\u0001", "\\u0008", "\\u000B", "\\u000C", "\\u001F", "\\uD800", "a\\uDC00", "\\uD83D\\uDE00", "\\u0085", "\\u007F", "\\t\\n\\r", "ok\\uFFFD" }) { string a; try { a = new XElement("a", s).ToString().Length + ""; } catch (ArgumentException e) { a = e.Message; } try { a += " | " + new XElement("a", new XAttribute("b", s)).ToString().Length; } catch (ArgumentException e) { a += " | " + e.Message; } try { a += " | " + new XComment(s).ToString().Length + " | " + new XCData(s).ToString().Length; } catch (ArgumentException e) { a += " | " + e.Message; } r.Add(a); } return string.Join("\\n", r);`),
  // a '%' that starts no escape is written %25 in the path, query and fragment (WHATWG URL left it;
  // seed 34400: new Uri(base, " 267.5 %=") showed "%=" where .NET shows "%25=")
  b("uri.lone.percent", each(arr(PERCENT_URIS), "new Uri(s)", PERCENT_OUT)),
  // .NET IRI-normalizes before it trims the end: trailing whitespace stays, escaped (seed 34400's
  // shrink: "http://h/a%41% " kept its %20)
  b("uri.iri.trailing.whitespace", each(arr(TRAILING_URIS), "new Uri(s)", PERCENT_OUT)),
  b("uri.iri.trailing.whitespace.copied", each(arr(TRAILING_URIS), `new Uri(new Uri("https://b/"), new Uri(s))`, PERCENT_OUT)),
  b("uri.lone.percent.combined", each(arr(LONE_PERCENTS.flatMap((p) => [`a${p}b`, ` ${p}`, `x/${p}?${p}#${p}`, `?${p}`, `#${p}`, `/${p}`])), `new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), s)`, PERCENT_OUT)),
];

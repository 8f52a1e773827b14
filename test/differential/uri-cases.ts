// System.Uri members of APIM's allow-list (docs/surface-coverage.md): GetComponents over every
// component and format, Compare, CheckHostName, HostNameType/IdnHost/DnsSafeHost, HexUnescape,
// IsWellFormedOriginalString, MakeRelativeUri/MakeRelative, Equals/==, relative URIs (UriKind) and the
// constructors and TryCreate overloads that make them. Matrices over URIs with user info, ports,
// escapes of every class (unreserved, reserved, space, UTF-8, controls), empty query and fragment.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `uri.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `uri.${id}`, type, expr: body, block: true, ...opts });
const q = (s: string) => JSON.stringify(s);

const URIS = [
  "https://user:pw@Example.COM:8080/a%20b/c/./d?x=1&y=%41#frag",
  "http://h/p%2Fq%25r%3Fs%23t%26u%3Dv%20w%C3%A9xA%7E%00%7F%5C?k%2F=%25%26%3D%20%C3%A9%23%3F#f%20%23%25",
  "http://h/a%3Bb%3Ac%40d%2Be%24f%2Cg%5Bh%5Di%21j%2Ak%27l%28m%29n%3Co%3Ep%22q%7Br%7Ds%7Ct%5Eu%60v%09w?z",
  "https://h/",
  "http://u@h:81/p?q#f",
  "http://h/p?#",
  "ftp://f.example/x/y.txt",
  "http://[::1]:8080/v6",
  "http://127.0.0.1/",
];
const COMPONENTS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 127, 132, 134, 13, 61, 48, 5, 3, 6, 12, 17, 20, 33, 9, 80, 112, 0, 512];
const KEEP = 1073741824;

const getComponents = URIS.map((u, i) =>
  b(
    `getcomponents.${i}`,
    "string",
    `var u = new Uri(${q(u)}); var r = ""; foreach (var c in new[] { ${[...COMPONENTS, ...COMPONENTS.map((x) => x | KEEP)].join(", ")} }) foreach (var f in new[] { UriFormat.UriEscaped, UriFormat.Unescaped, UriFormat.SafeUnescaped }) r += c + "/" + f + "=[" + u.GetComponents((UriComponents)c, f) + "] "; return r;`,
  ),
);

const HOST_NAMES = ["example.com", "1.2.3.4", "::1", "[::1]", "", "a_b", "b\u00fccher.de", "-a.com", "a..b", "1.2.3", "a.", "xn--bcher-kva.de", "123", "0x7f.1", "256.1.1.1", "1.2.3.4.", "fe80::1%4", "[1:2]", "a b", "_a", "a-", "0777.1.1.1", "08.1.1.1", "a".repeat(64) + ".com"];

const MAKE_RELATIVE_TARGETS = [
  "http://h/a/b/d.html", "http://h/a/x/y", "http://h/a/b/c.html", "http://h/", "http://H/a/b/", "https://h/a/b/", "http://h/a/b/c.html?q=1#f",
  "http://h/a%20b/c", "http://h:81/a/", "http://h:80/a/b/x:y", "http://h/a/b/c.html/more", "http://h/A/B/c.html", "http://user@h/a/b/e", "http://h/a/bb/",
];
const MAKE_RELATIVE_BASES = ["http://h/a/b/c.html", "http://h/a/b/", "http://h/", "http://h/a"];

export const URI_CASES: DiffCase[] = [
  ...getComponents,
  c("getcomponents.format.zero", "string", `new Uri("https://h/").GetComponents(UriComponents.Path, (UriFormat)0)`),
  c("getcomponents.format.four", "string", `new Uri("https://h/").GetComponents(UriComponents.Path, (UriFormat)4)`),
  c("getcomponents.serialization.combined", "string", `new Uri("https://h/").GetComponents(UriComponents.SerializationInfoString | UriComponents.Path, UriFormat.UriEscaped)`),
  c("getcomponents.serialization", "string", `new Uri("https://u@h:8/a%20b?c#d").GetComponents(UriComponents.SerializationInfoString, UriFormat.UriEscaped) + "|" + new Uri("https://u@h:8/a%20b?c#d").GetComponents(UriComponents.SerializationInfoString, UriFormat.Unescaped)`),
  c("getcomponents.relative.serialization", "string", `new Uri("a%41 b%20", UriKind.Relative).GetComponents(UriComponents.SerializationInfoString, UriFormat.Unescaped) + "|" + new Uri("a%41 b%20", UriKind.Relative).GetComponents(UriComponents.SerializationInfoString, UriFormat.UriEscaped) + "|" + new Uri("a%41 b%20", UriKind.Relative).GetComponents(UriComponents.SerializationInfoString, UriFormat.SafeUnescaped)`),
  c("getcomponents.relative.path", "string", `new Uri("x/y", UriKind.Relative).GetComponents(UriComponents.Path, UriFormat.Unescaped)`),
  c("getcomponents.null", "string", `((Uri)null).GetComponents(UriComponents.Path, UriFormat.Unescaped)`),
  // ---- Compare ------------------------------------------------------------------------------
  c("compare.matrix", "string", `string.Join(",", new[] { UriComponents.AbsoluteUri, UriComponents.Path, UriComponents.Host, UriComponents.Fragment }.SelectMany(p => new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase, StringComparison.InvariantCulture }.Select(k => Uri.Compare(new Uri("http://A/B?x#f"), new Uri("http://a/b?x#g"), p, UriFormat.UriEscaped, k))))`),
  c("compare.escapes", "string", `Uri.Compare(new Uri("http://a/%41%20"), new Uri("http://a/A "), UriComponents.Path, UriFormat.UriEscaped, StringComparison.Ordinal) + "|" + Uri.Compare(new Uri("http://a/%7E%20"), new Uri("http://a/~ "), UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal)`),
  c("compare.nulls.relative", "string", `Uri.Compare(null, null, UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) + "|" + Uri.Compare(null, new Uri("http://a/"), UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) + "|" + Uri.Compare(new Uri("http://a/"), null, UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) + "|" + Uri.Compare(new Uri("b", UriKind.Relative), new Uri("a", UriKind.Relative), UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) + "|" + Uri.Compare(new Uri("b", UriKind.Relative), new Uri("http://a/"), UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal) + "|" + Uri.Compare(new Uri("http://a/"), new Uri("b", UriKind.Relative), UriComponents.Path, UriFormat.Unescaped, StringComparison.Ordinal)`),
  // ---- CheckHostName, HostNameType, IdnHost, DnsSafeHost ------------------------------------
  c("checkhostname.matrix", "string", `string.Join(",", new[] { ${HOST_NAMES.map(q).join(", ")} }.Select(n => Uri.CheckHostName(n).ToString())) + "|" + Uri.CheckHostName(null)`),
  c("hosts.matrix", "string", `string.Join(",", new[] { "http://b\\u00fccher.de/", "http://B\\u00dcCHER.de/", "http://xn--bcher-kva.de/", "http://[::1]/", "http://127.0.0.1/", "http://a_b/", "http://0x7f.1/", "http://Example.COM:81/", "file:///c:/x", "file://h/s" }.Select(s => new Uri(s)).Select(u => u.Host + " " + u.DnsSafeHost + " " + u.IdnHost + " " + u.HostNameType + " " + u.Authority + " " + u.ToString()))`),
  c("hostnametype.compare", "bool", `new Uri("http://1.2.3.4/").HostNameType == UriHostNameType.IPv4 && Uri.CheckHostName("h") == UriHostNameType.Dns`),
  c("idnhost.absoluteuri", "string", `new Uri("http://b\\u00fccher.de/a b").AbsoluteUri + "|" + new Uri("http://b\\u00fccher.de:81/x?y").GetLeftPart(UriPartial.Authority)`),
  // ---- HexUnescape --------------------------------------------------------------------------
  b("hexunescape.walk", "string", `var s = "%41b%2%zz%e9%C3%A9%"; var r = ""; int i = 0; while (i < s.Length) { char ch = Uri.HexUnescape(s, ref i); r += (int)ch + "@" + i + " "; } return r;`),
  b("hexunescape.range", "char", `int i = 3; return Uri.HexUnescape("%41", ref i);`),
  b("hexunescape.negative", "char", `int i = -1; return Uri.HexUnescape("%41", ref i);`),
  b("hexunescape.null", "char", `int i = 0; return Uri.HexUnescape(null, ref i);`),
  c("hexescape.roundtrip", "string", `string.Join(",", new[] { 'A', ' ', '%', '\\u00ff', '\\0' }.Select(ch => { var e = Uri.HexEscape(ch); int i = 0; return e + ":" + (int)Uri.HexUnescape(e, ref i) + ":" + i + ":" + Uri.IsHexEncoding(e, 0); }))`),
  // ---- IsWellFormedOriginalString -----------------------------------------------------------
  c("wellformedoriginal.matrix", "string", `string.Join(",", new[] { "http://a/b c", "http://a/b%20c", "http://a/b\\\\c", "http://a/b/../c", "HTTP://A/b", "http://a/x?q#f", "http://a:80/x", "http://a/b\\u00e9", "http://a", "http://a/b#x#y", "http://a/b[c]", "http://a/b?%zz", "http://[::1]/x", "ftp://a/b", "http://a/%7e" }.Select(s => new Uri(s).IsWellFormedOriginalString()))`),
  c("wellformedoriginal.relative", "string", `new Uri("x/y", UriKind.Relative).IsWellFormedOriginalString() + "|" + new Uri("x y", UriKind.Relative).IsWellFormedOriginalString() + "|" + new Uri("a%41", UriKind.Relative).IsWellFormedOriginalString() + "|" + new Uri(new Uri("http://a/b/"), "c d").IsWellFormedOriginalString()`),
  // ---- MakeRelativeUri / MakeRelative -------------------------------------------------------
  ...MAKE_RELATIVE_BASES.map((base, i) =>
    c(
      `makerelative.${i}`,
      "string",
      `string.Join(" ; ", new[] { ${MAKE_RELATIVE_TARGETS.map(q).join(", ")} }.Select(s => { var r = new Uri(${q(base)}).MakeRelativeUri(new Uri(s)); return "[" + r + "] " + r.IsAbsoluteUri + " [" + r.OriginalString + "] [" + new Uri(${q(base)}).MakeRelative(new Uri(s)) + "]"; }))`,
    ),
  ),
  c("makerelativeuri.null", "string", `new Uri("http://h/").MakeRelativeUri(null).ToString()`),
  c("makerelative.null", "string", `new Uri("http://h/").MakeRelative(null)`),
  c("makerelativeuri.relative", "string", `new Uri("http://h/").MakeRelativeUri(new Uri("x", UriKind.Relative)).ToString()`),
  c("makerelativeuri.resolve", "string", `new Uri(new Uri("http://h/a/b/c"), new Uri("http://h/a/b/c").MakeRelativeUri(new Uri("http://h/x/y?z#w"))).ToString()`),
  // ---- relative URIs --------------------------------------------------------------------------
  c("relative.text", "string", `string.Join(" ; ", new[] { "a%20b", "a b", "a%41", "a%C3%A9", "\\u00e9%20", "\\u00e9%41", "?q=%20", "a%2F", "\\u00e9%2F%25", "a%zz", "\\u00e9 x", "", "../x/./y" }.Select(s => new Uri(s, UriKind.Relative)).Select(u => "[" + u + "|" + u.OriginalString + "|" + u.IsAbsoluteUri + "|" + u.UserEscaped + "]"))`),
  c("relative.host", "string", `new Uri("x", UriKind.Relative).Host`),
  c("relative.absolutepath", "string", `new Uri("x", UriKind.Relative).AbsolutePath`),
  c("relative.isfile", "bool", `new Uri("x", UriKind.Relative).IsFile`),
  c("relative.leftpart", "string", `new Uri("x", UriKind.Relative).GetLeftPart(UriPartial.Path)`),
  c("relative.isbaseof", "string", `new Uri("x", UriKind.Relative).IsBaseOf(new Uri("http://a/")) + "|" + new Uri("http://a/").IsBaseOf(new Uri("x", UriKind.Relative)) + "|" + new Uri("http://a/b/").IsBaseOf(new Uri("../x", UriKind.Relative))`),
  c("relative.kind.absolute", "string", `new Uri("http://x/", UriKind.Relative).ToString()`),
  c("relative.absolute.kind", "string", `new Uri("x/y", UriKind.Absolute).ToString()`),
  c("relative.kind.invalid", "string", `new Uri("x", (UriKind)5).ToString()`),
  c("relative.kind.null", "string", `new Uri(null, UriKind.Relative).ToString()`),
  c("relative.orabsolute", "string", `new Uri("http://x/%41", UriKind.RelativeOrAbsolute) + "|" + new Uri("a%41b", UriKind.RelativeOrAbsolute) + "|" + new Uri("a%41b", UriKind.RelativeOrAbsolute).IsAbsoluteUri + "|" + new Uri("http://x/", UriKind.Absolute).IsAbsoluteUri`),
  c("ctor.uri.uri", "string", `new Uri(new Uri("http://a/b/c"), new Uri("../d?e", UriKind.Relative)) + "|" + new Uri(new Uri("http://a/b/c"), new Uri("http://z/d"))`),
  c("ctor.relative.base", "string", `new Uri(new Uri("b", UriKind.Relative), "d").ToString()`),
  c("ctor.uri.null", "string", `new Uri(new Uri("http://a/"), (Uri)null).ToString()`),
  b("trycreate.kinds", "string", `Uri u; var r = ""; foreach (var s in new[] { "x/a", "http://a/b", "x y", "" }) foreach (var k in new[] { UriKind.Relative, UriKind.Absolute, UriKind.RelativeOrAbsolute }) r += Uri.TryCreate(s, k, out u) + ":" + u + " "; return r;`),
  b("trycreate.base", "string", `Uri u; var r = Uri.TryCreate(new Uri("http://a/b/"), "c?d", out u) + " " + u; r += " " + Uri.TryCreate(new Uri("http://a/b/"), new Uri("c?d", UriKind.Relative), out u) + " " + u; r += " " + Uri.TryCreate(new Uri("c", UriKind.Relative), "d", out u) + " " + (u == null); r += " " + Uri.TryCreate(null, "d", out u) + " " + (u == null); r += " " + Uri.TryCreate(new Uri("http://a/"), (string)null, out u) + " " + (u == null); return r;`),
  // ---- Equals, ==, GetHashCode ----------------------------------------------------------------
  c("equals.matrix", "string", `string.Join(",", new[] { "http://a/b", "HTTP://A/b#frag", "http://a/B", "http://a:80/b", "http://a/%62", "http://u@a/b", "http://a/b?", "http://a/b/" }.Select(s => new Uri("http://a/b").Equals(new Uri(s)) + "/" + (new Uri("http://a/b") == new Uri(s)) + "/" + (new Uri("http://a/b") != new Uri(s))))`),
  c("equals.relative", "string", `new Uri("x", UriKind.Relative).Equals(new Uri("x", UriKind.Relative)) + "|" + new Uri("x", UriKind.Relative).Equals(new Uri("X", UriKind.Relative)) + "|" + new Uri("x", UriKind.Relative).Equals(new Uri("http://a/x")) + "|" + (new Uri("x", UriKind.Relative) == null) + "|" + ((Uri)null == (Uri)null)`),
  c("equals.string", "string", `new Uri("http://a/b").Equals("http://A/b#x") + "|" + new Uri("http://a/b").Equals("nope") + "|" + new Uri("http://a/b").Equals((object)null) + "|" + new Uri("http://a/b").Equals(5)`),
  c("gethashcode.equal", "bool", `new Uri("http://a/b#x").GetHashCode() == new Uri("HTTP://A/b").GetHashCode()`),
  c("distinct", "int", `new[] { new Uri("http://a/b"), new Uri("http://A/b#f"), new Uri("http://a/c") }.Distinct().Count()`),
  c("port.ftp", "string", `new Uri("ftp://f/x").Port + "|" + new Uri("ftp://f/x").IsDefaultPort + "|" + new Uri("ftp://f:2121/x").Port`),
];

// System.Uri mismatch classes the generator found (session 23, seeds 23100-34100: relative
// ToString, combined and copied URIs, controls, ftp, Uri.Compare), as matrices over each class:
// every ASCII character escaped and raw in relative and absolute URIs, every base of the
// generator's pool with RFC 3986's resolution examples and the generator's strings, controls at
// the start, middle and end of each part, copies of absolute URIs ending in %20.
import type { DiffCase } from "./cases.js";

const b = (id: string, body: string): DiffCase => ({ id: `fzc.s23.uri.${id}`, type: "string", expr: body, block: true });
/** A C# string literal (JSON's escapes are C#'s; controls and non-ASCII as \uXXXX). */
const q = (s: string) => JSON.stringify(s).replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const arr = (xs: readonly string[]) => `new[] { ${xs.map(q).join(", ")} }`;
const hex = (i: number) => `%${i.toString(16).toUpperCase().padStart(2, "0")}`;
const ASCII = Array.from({ length: 128 }, (_, i) => i);
const CATCHES = ["FormatException", "InvalidOperationException", "ArgumentOutOfRangeException", "ArgumentException", "NullReferenceException", "Exception"].map((t) => `catch (${t}) { r.Add("!${t}"); }`).join(" ");
/** Each URI's answers joined, an exception as !Type (so one throwing URI does not hide the rest). */
const each = (uris: string, make: string, outputs: readonly string[]) =>
  `var r = new List<string>(); foreach (var s in ${uris}) { try { var u = ${make}; r.Add(${outputs.map((o) => (o.startsWith("string.") ? o : `u.${o}`)).join(` + " | " + `)}); } ${CATCHES} } return string.Join("\\n", r);`;

const RELATIVE_OUT = ["ToString()", "OriginalString", ...["UriEscaped", "Unescaped", "SafeUnescaped"].map((f) => `GetComponents(UriComponents.SerializationInfoString, UriFormat.${f})`)];
const ABSOLUTE_OUT = [
  "ToString()", "OriginalString", "AbsoluteUri", "AbsolutePath", "Query", "Fragment", "LocalPath",
  ...["PathAndQuery", "Fragment"].flatMap((c) => ["Unescaped", "SafeUnescaped"].map((f) => `GetComponents(UriComponents.${c}, UriFormat.${f})`)),
  `string.Join("/", u.Segments)`,
];
/** The generator's Uri pool (values.ts) and some more bases. */
const BASES = [
  "https://example.com/a%20b/c?x=1&y=%41#frag", "http://user@Example.COM:8080/p/./q/../r?", "https://h/", "http://b\u00fccher.de:81/p%2Fq?k=%C3%A9#f%20",
  "ftp://[::1]/x/", "http://u:p@h/a/b/c", "http://h/a/b/c/d;p?q", "http://h",
];
/** RFC 3986 5.4's examples, the generator's strings and escapes, whitespace, backslashes, colons. */
const RELATIVES = [
  "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
  "../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h", "http:g", "https:g", "http:", "x:y", "ab:c",
  "%41%2Fb c+d", "a\tb\nc", " x ", "x/y%41 z?q=%20#f", "\u00e9 %C3%A9", "?a%41 b#c%41 d", "#a%41 b", "a?b?c#d#e", "\\g", "a\\b", "1e3", "\u00c4\u00d6\u00fc stra\u00dfe",
];

/** IsWellFormedUriString over the strings, "1"/"0" a string and kind. */
const wellFormed = (strings: readonly string[], kinds: readonly string[]) =>
  `var r = new List<string>(); foreach (var s in ${arr(strings)}) r.Add(${kinds.map((k) => `(Uri.IsWellFormedUriString(s, UriKind.${k}) ? "1" : "0")`).join(" + ")}); return string.Join(" ", r);`;
/** A character raw and escaped in the path, query or fragment of an absolute URI whose other parts hold `ctx` (host, path, query, fragment). */
const absoluteWith = (ctx: readonly [string, string, string, string]) =>
  ASCII.flatMap((i) =>
    [String.fromCharCode(i), hex(i)].flatMap((c) =>
      [0, 1, 2].map((pos) => {
        const parts = [ctx[1], ctx[2], ctx[3]];
        parts[pos] += `x${c}y`;
        return `http://${ctx[0]}/a${parts[0]}?q${parts[1]}#f${parts[2]}`;
      }),
    ),
  );
const WELL_FORMED_CONTEXTS: [string, string, string, string][] = [
  ["h", "", "", ""], ["b\u00fccher.de", "", "", ""], ["h", "\u00e4", "", ""], ["h", "", "\u00e4", ""], ["h", "", "", "\u00e4"], ["h", "%41", "", ""], ["h", "", "%41", ""], ["h", "", "", "%41"],
];
const MAKE_RELATIVE = [
  ...BASES.slice(0, 5), "http://h/a/b/c.html", "http://h/a/x:y?q#f", "http://h/a/b/", "http://h/a%41/\u00e4 b?\u00e4#\u00e4", "http://h/a/d%20e/f g?x y#z w", "https://example.com/a%20b/x",
];

export const URI_FUZZ_CLASS_CASES: DiffCase[] = [
  // a relative URI's ToString is its text IRI-normalized (escaped unreserved or non-ASCII text: %XX of
  // ASCII but gen-delims and unsafe characters unescaped, UTF-8 in IRI's range decoded), else the text
  b("relative.escapes", each(arr(ASCII.map((i) => `x/a${hex(i)}b?q${hex(i)}#f${hex(i)}`)), "new Uri(s, UriKind.Relative)", RELATIVE_OUT)),
  b("relative.escapes.unreserved", each(arr(ASCII.map((i) => `x/a${hex(i)}b%41`)), "new Uri(s, UriKind.Relative)", RELATIVE_OUT)),
  b("relative.raw", each(arr([...ASCII.slice(32, 127).map((i) => `x/a${String.fromCharCode(i)}b%41`), "x/%C3%A9%E2%82%AC%F0%9F%98%80?%C3%A9#%C3%A9", "x/\u00e9\u200e\ue000?\ue000#\ue000", "%FF%C3", "a%2", "%", "x%41 y\t z", "\u00e9%20", "a%E2%82b", "x/a%b%41", "x/a%bc", "\ud83d\ude00x", "a\tb\nc"]), "new Uri(s, UriKind.RelativeOrAbsolute)", RELATIVE_OUT)),
  // absolute URIs: every ASCII character escaped in path, query and fragment; ToString unescapes what SafeUnescaped does
  b("absolute.escapes", each(arr(ASCII.map((i) => `http://h/a${hex(i)}b?q${hex(i)}#f${hex(i)}`)), "new Uri(s)", ABSOLUTE_OUT)),
  // controls written raw: escaped in AbsoluteUri (WHATWG URL drops tabs and newlines), raw in ToString; an ftp URI has no query
  b("controls", each(arr(["\t", "\n", "\r", "\u0001", " "].flatMap((c) => ["http://h/a{c}b?q{c}r#f{c}g", "{c}http://h/p{c}", "http://h/p?q{c}", "http://h/p#f{c}", "ftp://h/a{c}b?q{c}#f{c}"].map((t) => t.replaceAll("{c}", c)))), "new Uri(s)", ABSOLUTE_OUT)),
  b("ftp.query", each(arr(["ftp://h/x?y#z", "ftp://h/x?y%3F?z", "ftp://[::1]/x/?a%41 b", "ftp://h/?"]), "new Uri(s)", ABSOLUTE_OUT)),
  // new Uri(base, relative): the combined string (.NET's CombineUri) is the OriginalString and what is parsed
  ...BASES.map((base, i) =>
    b(`combine.${i}`, each(arr(RELATIVES), `new Uri(new Uri(${q(base)}), s)`, ["OriginalString", "AbsoluteUri", "ToString()", "Fragment", "Query", `string.Join("/", u.Segments)`])),
  ),
  ...BASES.map((base, i) =>
    b(`combine.uri.${i}`, each(arr(RELATIVES), `new Uri(new Uri(${q(base)}), new Uri(s, UriKind.RelativeOrAbsolute))`, ["OriginalString", "AbsoluteUri", "PathAndQuery", "Fragment"])),
  ),
  // new Uri(base, absoluteUri) parses the other's IRI-normalized string again: its trailing %20s are gone
  b("copy.trailing", each(arr(["h", "b\u00fccher.de"].flatMap((h) => ["/p%20", "/p%20%20", "/p?q%20", "/p#f%20", "/p%41#f%20", "/p%41?q%20", "/p#f%20%41", "/%41%20", "/p?%41#%20", "/p%09", "/p#f%20x%20", "/p#%20", "/p?%C3%A9%20"].map((t) => `http://${h}${t}`))), `new Uri(new Uri("https://b/"), new Uri(s))`, ["AbsoluteUri", "Fragment", "Query", "ToString()", "OriginalString", "AbsolutePath"])),
  // "x:y" is an unrooted DOS path (UriFormatException), "http:g" a relative URI
  b("scheme.colon", each(arr(["x:y", "a:b/c", "g:h", "c:", "http:g", "http:", "https:/g", "ftp:x", "ab:c", "mailto:x", "2020-02-29T23:59:59Z"]), "new Uri(s, UriKind.RelativeOrAbsolute)", ["IsAbsoluteUri + \"\"", "ToString()"])),
  // IsWellFormedOriginalString/IsWellFormedUriString: .NET's CheckCanonical part by part over the IRI-normalized text; a
  // part that needs escaping fails the URI unless some part is both not canonical and IRI canonical (.NET 4.x's test)
  ...WELL_FORMED_CONTEXTS.map((ctx, i) => b(`wellformed.absolute.${i}`, wellFormed(absoluteWith(ctx), ["Absolute", "RelativeOrAbsolute"]))),
  b("wellformed.absolute.misc", wellFormed(["http://h/a b", "http://h/a b?\u00e4", "http://h/\u00e4 b", "http://h/a?q b#\u00e4", "http://b\u00fccher.de/p#f ", "http://b\u00fccher.de:81/p%2Fq?k=\u00e9#f ", "http://h/p#f ", "http://h/p ", "http://h/\ud83d\ude00", "ftp://h/a?b", "ftp://h/\u00e4?b", "http://u@h/", "http://u \u00e4@h/", "http://h:81/", ...BASES, "HTTP://h/", "http:\\\\h/", "http://h\\p", "http://h/p\\q", "http://h/./p", "http://h/%2E/p", "http://h//p", "mailto:a@b", "urn:x:y", "ab:c d", "ab:\u00e4"], ["Absolute", "RelativeOrAbsolute"])),
  // a relative URI: its text all escaped, '#' never (CheckCanonical has no fragment for it), no colon in the first segment
  b("wellformed.relative", wellFormed(ASCII.flatMap((i) => [String.fromCharCode(i), hex(i)].flatMap((c) => ["a{c}b", "a/b{c}?q", "a?q{c}", "a#f{c}", "a{c}b%41", "a{c}b%C3%A4", "{c}", "a%41?q{c}"].map((t) => t.replace("{c}", c)))), ["Relative", "RelativeOrAbsolute"])),
  b("makerelativeuri", `var us = new[] { ${MAKE_RELATIVE.map((x) => `new Uri(${q(x)})`).join(", ")} };
    return string.Join("\\n", us.SelectMany(a => us.Select(c => a.MakeRelativeUri(c).ToString() + " | " + a.MakeRelativeUri(c).OriginalString + " | " + a.MakeRelativeUri(c).IsWellFormedOriginalString() + " | " + a.MakeRelative(c))));`),
  // CheckHostName: DomainNameHelper.IsValidByIri takes any character above U+007F (symbols, marks, surrogates, NBSP) and
  // the ideographic/fullwidth dots; a label with non-ASCII is measured as "xn--" + its length; "0x" is no IPv4 part (seed 35100)
  b("checkhostname.iri", `var r = new List<string>(); foreach (var s in ${arr([
    ...["\ud83d\ude00", "\ud83d", "\ude00", "\u00e4", "\u00c4", "\u00df", "\u0131", "\u0130", "\u00a0", "\u00a9", "\u00b2", "\u0301", "\u3002", "\uff0e", "\uff61", "\u4e2d", "\u200e", "\u2028", "\u00ff", "\u0100", "\uff21", "\u0660", "\ufffd", "\ue000", "\u00bf", "\u00d7", "_", "-", "~", "!", "%", " ", "*", "+", ".", "0"].flatMap((ch) =>
      ["{c}", "x{c}", "{c}x", "a.{c}", "{c}.a", "x{c}y"].map((t) => t.replace("{c}", ch)),
    ),
    ...["", "a.", ".a", "a..b", "-a", "a-", "_a", "1a", "a".repeat(63), "a".repeat(64), "\u00e4".repeat(59), "\u00e4".repeat(60), "\u0100".repeat(29), "\u0100".repeat(30), "0x", "0x1", "0x.1", "xn--bcher-kva.de", "0x7f.1"],
  ])}) r.Add(Uri.CheckHostName(s).ToString()); return string.Join(" ", r);`),
  // Uri.Compare is string.Compare of the parts: OrdinalIgnoreCase gives the difference, not the sign
  b("compare", `var us = new[] { ${BASES.map((x) => `new Uri(${q(x)})`).join(", ")}, new Uri("x/y%41 z?q=%20#f", UriKind.Relative) };
    var parts = new[] { UriComponents.Fragment, UriComponents.Path, UriComponents.Host, UriComponents.AbsoluteUri, UriComponents.Query };
    var kinds = new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase, StringComparison.InvariantCulture, StringComparison.InvariantCultureIgnoreCase };
    return string.Join(",", us.SelectMany(a => us.SelectMany(c => parts.SelectMany(p => kinds.Select(k => Uri.Compare(a, c, p, UriFormat.SafeUnescaped, k))))));`),
  b("compare.string.ordinalignorecase", `var xs = new[] { "frag", "", "abc", "ABD", "a{", "A[", "x", "xyz", "\u00e9", "E", "\\u00c9b", "\\u0131", "I", "\\u00df", "ss" };
    return string.Join(",", xs.SelectMany(a => xs.Select(c => string.Compare(a, c, StringComparison.OrdinalIgnoreCase))));`),
  // a lone surrogate cannot be escaped: UriFormatException from every escaping member (seed 34104)
  b("escape.lone.surrogate", `var r = new List<string>(); foreach (var s in new[] { "\\uD83D", "a\\uDE00b", "\\uD83D\\uDE00", "\\uDE00\\uD83D", "x\\uDBFF" }) { try { r.Add(Uri.EscapeUriString(s)); } catch (FormatException e) { r.Add("F:" + e.Message); } try { r.Add(Uri.EscapeDataString(s)); } catch (FormatException e) { r.Add("F:" + e.Message); } } return string.Join("|", r);`),
];

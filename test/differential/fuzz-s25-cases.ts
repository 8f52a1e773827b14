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

export const FUZZ_S25_CASES: DiffCase[] = [
  // a '%' that starts no escape is written %25 in the path, query and fragment (WHATWG URL left it;
  // seed 34400: new Uri(base, " 267.5 %=") showed "%=" where .NET shows "%25=")
  b("uri.lone.percent", each(arr(PERCENT_URIS), "new Uri(s)", PERCENT_OUT)),
  // .NET IRI-normalizes before it trims the end: trailing whitespace stays, escaped (seed 34400's
  // shrink: "http://h/a%41% " kept its %20)
  b("uri.iri.trailing.whitespace", each(arr(TRAILING_URIS), "new Uri(s)", PERCENT_OUT)),
  b("uri.iri.trailing.whitespace.copied", each(arr(TRAILING_URIS), `new Uri(new Uri("https://b/"), new Uri(s))`, PERCENT_OUT)),
  b("uri.lone.percent.combined", each(arr(LONE_PERCENTS.flatMap((p) => [`a${p}b`, ` ${p}`, `x/${p}?${p}#${p}`, `?${p}`, `#${p}`, `/${p}`])), `new Uri(new Uri("https://example.com/a%20b/c?x=1&y=%41#frag"), s)`, PERCENT_OUT)),
];

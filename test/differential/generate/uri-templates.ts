// URI strings .NET escapes where WHATWG URL does not (session 25: '|' '^' '{' '}' '`' '\\' raw in a
// path, query or fragment; a lone '%'; whitespace after an escape or a non-ASCII character), made
// absolute, relative, or combined with a base, and read through the members that show the escaping
// (ToString unescapes, AbsoluteUri does not, Query and Fragment keep their '?' and '#'). No DOS paths
// (c:\a): Mono on Linux reads them as Unix paths in places (GetLeftPart, a DOS base combined), so
// the reference's answers are not .NET's; fzc.s25.uri.dos.path* test them by hand.
import { csStr, node, type GeneratorCore, type Node } from "./node.js";

/** Characters written raw, each where it changes the escaping: path, query, fragment. */
const RAW = ["|", "^", "{", "}", "`", "'", "\\", "%", "%z", "%2", "%%41", " ", "\u00e9", "<", "\""];
const ABSOLUTE = [
  "http://h/a|b/c", "http://h/a^b", "http://h/{x}/y", "http://h/a`b", "http://h/it's", "http://h/a\\b\\c", "http://h/a%", "http://h/a%z", "http://h/a%2",
  "http://h/p?q=%", "http://h/p?x={y}|z^", "https://h/p#f`g'h", "http://h/p#%2", "http://h/a?q#f|{}", "http://h/%41 ", "http://h/\u00e9 ", "http://h/a%41\t",
  "http://h/p?%41 \t", "file:///c:/a b|c", " http://h/a{b} ", "https://h:8443/x/%7B%7D/y",
];
const RELATIVE = [
  "a|b", "../x^y", "{z}/w", "`q`", "it's?x='1'", "a\\b\\c", "%", "%z", "%2", "?q=|", "#f{g}", "x %41 ", "\u00e9 ", "/abs|p",
  "//other/h^st", "", "?", "#", "./a/../b%", "..\\up", "?a=%41%", "#%", "x?y#z%7C|",
];
// (no implicit DOS path as a base: Mono on Linux combines c:\dir\f.txt with "p?q" into "/c:/dir/p?q",
// a Unix file path, escaping '?' and '#' and prefixing LocalPath with '/'; .NET on Windows does not)
const BASES = ["http://h/a/b", "https://u@h:8443/p/q?x#y", "http://h/", "file:///c:/dir/", "http://h/a|b/c^d/", "http://h/%7B/x"];

/** A string of the pools, or one with a raw character put in the path, query or fragment. */
function uriString(g: GeneratorCore, absolute: boolean): string {
  if (g.chance(0.7)) return g.pick(absolute ? ABSOLUTE : RELATIVE);
  const c = g.pick(RAW);
  const where = g.int(0, 2);
  const head = absolute ? g.pick(["http://h/", "https://h/p/", "ftp://h/d/"]) : g.pick(["", "a/", "../"]);
  return where === 0 ? `${head}x${c}y` : where === 1 ? `${head}p?q${c}r` : `${head}p#f${c}g`;
}

/** The members that show the escaping; GetComponents over the parts and formats (not IsUnc: Mono on Linux has no UNC paths, so file://host/… is never one there). */
const MEMBERS = [
  "ToString()", "AbsoluteUri", "PathAndQuery", "Query", "Fragment", "LocalPath", "AbsolutePath", "OriginalString", "GetLeftPart(UriPartial.Path)", "GetLeftPart(UriPartial.Query)",
  "IsWellFormedOriginalString()", "IsFile", "Host",
  ...["Path", "Query", "Fragment", "PathAndQuery", "HttpRequestUrl", "SerializationInfoString"].flatMap((c) => ["UriEscaped", "Unescaped", "SafeUnescaped"].map((f) => `GetComponents(UriComponents.${c}, UriFormat.${f})`)),
];
/** Members a relative URI answers (the others throw InvalidOperationException). */
const RELATIVE_MEMBERS = ["ToString()", "OriginalString", "IsWellFormedOriginalString()", "IsAbsoluteUri"];

/** A Uri: absolute, relative, or a base combined with a relative string or Uri. */
function uriExpr(g: GeneratorCore): { text: string; absolute: boolean } {
  switch (g.int(0, 4)) {
    case 0:
      return { text: `new Uri(${csStr(uriString(g, true))})`, absolute: true };
    case 1:
      return { text: `new Uri(${csStr(uriString(g, false))}, UriKind.Relative)`, absolute: false };
    case 2:
      return { text: `new Uri(new Uri(${csStr(g.pick(BASES))}), new Uri(${csStr(uriString(g, false))}, UriKind.RelativeOrAbsolute))`, absolute: true };
    default:
      return { text: `new Uri(new Uri(${csStr(g.pick(BASES))}), ${csStr(uriString(g, g.chance(0.15)))})`, absolute: true };
  }
}

/** Two or three members of one Uri, joined (one throwing member answers for the case). */
export function uriStrings(g: GeneratorCore): Node {
  const u = uriExpr(g);
  const ms = Array.from({ length: g.int(1, 3) }, () => g.pick(u.absolute ? MEMBERS : RELATIVE_MEMBERS));
  const text = ms.length === 1 ? `${u.text}.${ms[0]}.ToString()` : `${ms.map((m) => `${u.text}.${m}`).join(` + " | " + `)}`;
  return node("string", "uri-strings", [], () => text);
}

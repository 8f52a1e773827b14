// .NET Framework System.Uri's text algorithms that WHATWG URL does not share (reference source
// UriExt.cs, UriHelper.cs, URI.cs): IRI normalization of a relative URI's text (EscapeUnescapeIri),
// the "has unicode" test that triggers it, the combined string new Uri(base, relative) parses
// (ResolveHelper, GetCombinedString, CombineUri, Compress), and the whitespace .NET trims or keeps.

/** Uri.IsLWS: the whitespace .NET trims from both ends of a URI string (' ', \t, \r, \n). */
export function trimLws(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
}

/**
 * C0 controls inside an absolute URI's text: .NET keeps them (escaped as %XX in AbsoluteUri, raw in
 * ToString and OriginalString), WHATWG URL strips tabs and newlines. Before the URL parses the text,
 * each becomes a noncharacter U+FDD0 + code, which the URL escapes (%EF%B7%90..%EF%B7%AF) and
 * `controlsEscaped` turns back (ToString shows them raw again).
 */
export function hideControls(s: string): string {
  return s.replace(/[\x00-\x1f]/g, (c) => String.fromCharCode(0xfdd0 + c.charCodeAt(0)));
}
const HIDDEN_ESCAPED = /%EF%B7%(9[0-9A-F]|A[0-9A-F])/gi;
/** A URL part with the hidden controls as .NET escapes them (%09). */
export function controlsEscaped(s: string): string {
  return s.indexOf("%EF%B7%") < 0 && s.indexOf("%ef%b7%") < 0 ? s : s.replace(HIDDEN_ESCAPED, (_m, h: string) => `%${(parseInt(h, 16) - 0x90).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * A web URI's parts as .NET escapes them where WHATWG URL does not (UriHelper.EscapeString over the
 * Http syntax): '^' and '|' in the path; '\\', '^', '`', '{', '|', '}' in the query; '\\', '^', '{',
 * '|', '}' in the fragment. Two characters differ the other way, so they are marked (noncharacters
 * U+FFFE/U+FFFF, escaped by the URL as %EF%BF%BE/%EF%BF%BF) and `rawMarks` turns them back: a raw
 * "'" in a query (WHATWG escapes it, .NET does not) and a raw '\\' in a query or fragment (escaped
 * in AbsoluteUri, raw in ToString and the unescaped formats).
 */
export function webEscapes(s: string): string {
  if (s.includes("\uFFFE") || s.includes("\uFFFF")) return s;
  const m = /^((?:https?|wss?|ftp|file):[\\/]{2}[^/?#\\]*)([^?#]*)(\?[^#]*)?(#[^]*)?$/i.exec(s);
  if (!m) return opaqueEscapes(s);
  const esc = (re: RegExp) => (part: string) => part.replace(re, (c) => (c === "'" ? "\uFFFE" : c === "\\" ? "\uFFFF" : `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  // (an ftp URI has no query: its '?' is part of the path)
  const ftp = /^ftp:/i.test(m[1]!);
  return m[1]! + esc(/[\^|]/g)(ftp ? m[2]! + (m[3] ?? "") : m[2]!) + (ftp ? "" : esc(/['\\^`{|}]/g)(m[3] ?? "")) + esc(/[\\^{|}]/g)(m[4] ?? "");
}
/**
 * A URI without an authority (urn:, a scheme of its own): WHATWG URL keeps its path as written, .NET
 * escapes space, '"', '<', '>', '`', '{', '}', '|', '^' and '\\' (marked: ToString shows it raw) in
 * every part.
 */
function opaqueEscapes(s: string): string {
  const m = /^([a-z][a-z0-9+.-]*:)(?![\\/]{2})([^]*)$/i.exec(s);
  if (!m) return s;
  return m[1]! + m[2]!.replace(/[ "<>`{}|^\\]/g, (c) => (c === "\\" ? "\uFFFF" : `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}
/** The '%' of an escape .NET copies as it is after a lone '%' (escapeLonePercents): the URL writes it %F0%9F%BF%BE. */
export const VERBATIM_PERCENT = "\u{1FFFE}";
/** A URL part with webEscapes' and escapeLonePercents' marks as .NET shows them: "'" raw; '\\' escaped, or raw when `shown` (ToString, the unescaped formats); a verbatim '%'. */
export function rawMarks(s: string, shown: boolean): string {
  if (s.indexOf("%EF%BF%B") < 0 && s.indexOf("%F0%9F%BF%BE") < 0) return s;
  return s.replace(/%EF%BF%BE/g, "'").replace(/%EF%BF%BF/g, shown ? "\\" : "%5C").replace(/%F0%9F%BF%BE/g, "%");
}
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const isHex = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** Uri.CheckForEscapedUnreserved: a %XX of an RFC 3986 unreserved character (%41 for "A"). */
export function hasEscapedUnreserved(s: string): boolean {
  return [...s.matchAll(/%([0-7][0-9A-Fa-f])/g)].some((m) => UNRESERVED.test(String.fromCharCode(parseInt(m[1]!, 16))));
}
/** Uri.CheckForUnicode: the text, every %XX unescaped (UTF-8), holds a character above U+007F. */
export function hasUnicode(s: string): boolean {
  if (/[^\x00-\x7f]/.test(s)) return true;
  for (const run of s.match(/(?:%[89A-Fa-f][0-9A-Fa-f])+/g) ?? []) {
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g)!.map((x) => parseInt(x.slice(1), 16));
    if (/[^\x00-\x7f\ufffd]/.test(new TextDecoder("utf-8").decode(new Uint8Array(bytes)))) return true;
  }
  return false;
}
/** The condition under which .NET IRI-normalizes a URI's text (m_Flags HasUnicode). */
export function iriNormalizes(s: string): boolean {
  return hasUnicode(s) || hasEscapedUnreserved(s);
}

/** UriHelper.IsNotSafeForUnescape (.NET Framework 4.x): controls, RFC 2396 reserved but ':', and % \ #. */
function notSafeForUnescape(c: number): boolean {
  if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
  return ";/?@&=+$,%\\#".includes(String.fromCharCode(c));
}
/** Uri.IsGenDelim: the reserved characters a relative URI's IRI normalization keeps escaped. */
const GEN_DELIMS = ":/?#[]@";

/** Uri.CheckIriUnicodeRange: the characters IRI lets stand unescaped (RFC 3987 ucschar, iprivate in a query). */
function inIriRange(cp: number, isQuery: boolean): boolean {
  if ((cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xf900 && cp <= 0xfdcf) || (cp >= 0xfdf0 && cp <= 0xffef)) return true;
  if (isQuery && cp >= 0xe000 && cp <= 0xf8ff) return true;
  if (cp >= 0x10000 && cp <= 0xefffd) return (cp & 0xffff) <= 0xfffd;
  return isQuery && cp >= 0xf0000 && cp <= 0x10fffd && (cp & 0xffff) <= 0xfffd;
}
/** A character IRI lets stand unescaped outside a query. */
export function iriAllows(cp: number): boolean {
  return inIriRange(cp, false);
}
/** Uri.IsBidiControlCharacter: stripped by IRI normalization. */
const isBidiControl = (c: number) => c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e);

const utf8Escape = (s: string) =>
  [...new TextEncoder().encode(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");

/** The part of a URI EscapeUnescapeIri normalizes ("relative": a relative URI's whole text, UriComponents 0). */
export type IriComponent = "relative" | "user" | "path" | "query" | "fragment";
/**
 * Uri.EscapeUnescapeIri for a relative URI (component 0) or one part of an absolute one: %XX of an ASCII character that is neither
 * a gen-delim nor unsafe to unescape becomes the character, %XX runs of UTF-8 that decode to
 * characters in IRI's range become those characters, non-ASCII characters outside the range are
 * escaped and bidi controls dropped.
 */
export function escapeUnescapeIri(s: string, component: IriComponent = "relative"): string {
  const isQuery = component === "query";
  // reserved characters kept escaped: a relative URI's gen-delims, '[' ']' in a part (CheckIsReserved)
  const reserved = component === "relative" ? GEN_DELIMS : "[]";
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "%") {
      if (i + 2 < s.length) {
        if (!isHex(s[i + 1]) || !isHex(s[i + 2])) {
          out += s.slice(i, i + 3);
          i += 2;
          continue;
        }
        const b = parseInt(s.slice(i + 1, i + 3), 16);
        if (b < 0x80) {
          const c = String.fromCharCode(b);
          out += b === 0x25 || reserved.includes(c) || notSafeForUnescape(b) ? s.slice(i, i + 3) : c;
          i += 2;
          continue;
        }
        // a run of %XX bytes of 0x80 and above: decoded as UTF-8 where it can be
        const start = i;
        const bytes: number[] = [];
        while (i + 2 < s.length && s[i] === "%" && isHex(s[i + 1]) && isHex(s[i + 2])) {
          const v = parseInt(s.slice(i + 1, i + 3), 16);
          if (bytes.length > 0 && v < 0x80) break;
          bytes.push(v);
          i += 3;
        }
        out += matchUtf8(s.slice(start, i), bytes, isQuery);
        i--;
        continue;
      }
      out += ch;
      continue;
    }
    const c = ch.charCodeAt(0);
    if (c <= 0x7f) {
      out += ch;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff && inIriRange(cp, isQuery)) out += s.slice(i, i + 2);
      else out += utf8Escape(cp > 0xffff ? s.slice(i, i + 2) : "\ufffd");
      if (cp > 0xffff) i++;
      continue;
    }
    if (inIriRange(c, isQuery)) {
      if (!isBidiControl(c)) out += ch;
    } else out += utf8Escape(c >= 0xd800 && c <= 0xdfff ? "\ufffd" : ch);
  }
  return out;
}
/** UriHelper.MatchUTF8Sequence (IRI): each character the bytes decode to stands unescaped if IRI allows it; other bytes stay escaped. */
function matchUtf8(escaped: string, bytes: number[], isQuery: boolean): string {
  let out = "";
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k]!;
    const n = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    let text: string | null = null;
    if (n > 0 && k + n <= bytes.length) {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes.slice(k, k + n)));
      } catch {
        text = null;
      }
    }
    if (text !== null && inIriRange(text.codePointAt(0)!, isQuery) && !isBidiControl(text.codePointAt(0)!)) {
      out += text;
      k += n;
    } else {
      const m = text !== null ? n : 1;
      out += escaped.slice(k * 3, (k + m) * 3);
      k += m;
    }
  }
  return out;
}

/**
 * Uri.Compress for a combined path (starts with '/'): "./" segments dropped, "seg/../" removed, a ".."
 * above the root dropped; a last "." or ".." segment works like one ending in '/'.
 */
export function compressPath(path: string): string {
  const out: string[] = [];
  const segs = path.split("/");
  // segs[0] is "" (the path starts with '/')
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    if (seg === ".") {
      if (last) out.push("");
      continue;
    }
    if (seg === "..") {
      out.pop();
      if (last) out.push("");
      continue;
    }
    out.push(seg);
  }
  return `/${out.join("/")}`;
}

/** What Uri.CheckCanonical finds in one part of a URI's text. */
interface Canonical {
  /** Nothing needs escaping (EscapedCanonical). */
  escaped: boolean;
  /** No escaping found either (DisplayCanonical). */
  display: boolean;
  nonAscii: boolean;
  /** A character above 'z' that IRI does not allow ('{', '|', '}', a surrogate: .NET 4.x checks each half). */
  notIri: boolean;
  backslash: boolean;
  /** A control, or a '?' in a path whose scheme has no query (ReservedFound). */
  reserved: boolean;
}
/** Uri.CheckCanonical over a part's text (IRI parsing on). */
export function checkCanonical(text: string, pathWithoutQuery = false): Canonical {
  let needsEscaping = false;
  let foundEscaping = false;
  const r = { escaped: false, display: false, nonAscii: false, notIri: false, backslash: false, reserved: false };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
      needsEscaping = foundEscaping = r.reserved = true;
    } else if (c > 0x7a && c !== 0x7e) {
      r.nonAscii = true;
      if (!inIriRange(c, true)) r.notIri = true;
      needsEscaping = true;
    } else if (c === 0x3f && pathWithoutQuery) {
      needsEscaping = foundEscaping = r.reserved = true;
    } else if (c === 0x23) {
      needsEscaping = true;
    } else if (c === 0x5c) {
      r.backslash = true;
    } else if (c === 0x25) {
      foundEscaping = true;
      if (isHex(text[i + 1]) && isHex(text[i + 2])) i += 2;
      else needsEscaping = true;
    } else if ((c <= 0x22 && c !== 0x21) || (c >= 0x5b && c <= 0x5e) || c === 0x3e || c === 0x3c || c === 0x60) {
      needsEscaping = true;
    }
  }
  if (!foundEscaping) r.display = true;
  r.escaped = !needsEscaping;
  return r;
}
/** Parts of an absolute URI with an authority: userinfo, host and port, path, query, fragment. */
const AUTHORITY_URI = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/|\\\\)(?:([^/\\?#@]*)@)?([^/\\?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s;
/**
 * Uri.InternalIsWellFormedOriginalString for an absolute URI with an authority (null for another
 * form). The text is what .NET keeps as m_String: IRI-normalized part by part when it holds
 * non-ASCII or an escaped unreserved character (trailing whitespace then kept), else trimmed.
 * A part is "not canonical" when something in it needs escaping, "IRI canonical" when it has
 * non-ASCII characters IRI allows and no escapes; .NET 4.x's test lets the whole URI through when
 * any one part is both (so "http://h/a b?ä" is well formed and "http://h/a b" is not).
 */
export function wellFormedWithAuthority(original: string): boolean | null {
  const iri = iriNormalizes(original);
  const text = iri ? original.replace(/^[ \t\r\n]+/, "") : trimLws(original);
  const m = AUTHORITY_URI.exec(text);
  if (!m) return null;
  const [, scheme, slashes, user, hostPort, path, query, fragment] = m;
  if (slashes !== "//") return false;
  const noQuery = /^ftp$/i.test(scheme!);
  const norm = (t: string | undefined, c: IriComponent) => (t === undefined ? undefined : iri ? escapeUnescapeIri(t, c) : t);
  const parts: (Canonical | null)[] = [
    user === undefined ? null : checkCanonical(norm(user, "user")!),
    checkCanonical(norm(noQuery ? path! + (query ?? "") : path!, "path")!, noQuery),
    query === undefined || noQuery ? null : checkCanonical(norm(query.slice(1), "query")!),
    fragment === undefined ? null : checkCanonical(norm(fragment.slice(1), "fragment")!),
  ];
  // a backslash in the path is never well formed (BackslashInPath); elsewhere it only makes its part not canonical
  if (parts[1]!.backslash) return false;
  const notCanonical = (p: Canonical | null) => p !== null && (!p.escaped || p.backslash);
  const iriCanonical = (p: Canonical | null) => p !== null && p.display && p.nonAscii && !p.notIri && !p.backslash;
  if (parts.some(notCanonical) && !parts.some((p) => notCanonical(p) && iriCanonical(p))) return false;
  // the authority (user info, host, port) is checked as one (an IPv6 host aside)
  const authority = (user === undefined ? "" : `${user}@`) + hostPort!;
  if (!/^\[/.test(hostPort!)) {
    const a = checkCanonical(authority);
    if ((a.reserved || a.backslash || !a.escaped) && !(a.display && a.nonAscii && !a.notIri)) return false;
  }
  return true;
}

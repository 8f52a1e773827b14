// System.Uri on WHATWG URL (with .NET's canonicalization) and Uri's static helpers (escaping, hex, well-formedness).
import { isIP } from "node:net";
import { domainToUnicode } from "node:url";
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, invalidOperation, nullReference } from "../errors.js";
import { strCompare } from "./string.js";
import { registerTypeCheck } from "./core.js";
import { checkCanonical, iriAllows, wellFormedWithAuthority, compressPath, controlsEscaped, escapeUnescapeIri, hideControls, iriNormalizes, rawMarks, trimLws, VERBATIM_PERCENT, webEscapes } from "./uri-text.js";

/** UriComponents flags (System.UriComponents). */
const C_SCHEME = 1, C_USERINFO = 2, C_HOST = 4, C_PORT = 8, C_PATH = 16, C_QUERY = 32, C_FRAGMENT = 64, C_STRONGPORT = 128, C_NORMALIZEDHOST = 256;
const C_KEEPDELIMITER = 0x40000000, C_SERIALIZATION = -0x80000000;
const relativeOp = () => invalidOperation("This operation is not supported for a relative URI.");
/**
 * Test-only (the fuzzer's Mono comparison, test/differential/generate/fuzz.ts uriUnixPathArtefact): Mono
 * on Unix reads a string starting with one '/' as a file path, so new Uri("/a") is file:///a where .NET
 * Framework on Windows throws UriFormatException (UriKind.Absolute) or makes a relative URI
 * (RelativeOrAbsolute). With this on, such a string throws MonoUnixFilePath, marking the case as one
 * whose answer Mono cannot give for .NET.
 */
export const monoUnixPath = { on: false };
function refuseUnixPath(s: string): void {
  const t = s.replace(/^[\s\u0000-\u0020]+/, "");
  if (t.startsWith("/") && !t.startsWith("//")) throw new DotNetException("MonoUnixFilePath", `Mono reads "${s}" as a Unix file path`);
}
const formatFail = (msg = "Invalid URI: The format of the URI could not be determined.") => new DotNetException("System.UriFormatException", msg);

export class Uri {
  readonly $typeName = "System.Uri";
  private constructor(
    /** null for a relative URI (UriKind.Relative, MakeRelativeUri). */
    private readonly url: URL | null,
    /** The text it was made from (OriginalString); a combined URI's is its absolute form, unescaped as ToString() shows it. */
    private readonly original: string | null = null,
    /** The text wrote the host in Unicode: Host and ToString show it so (IdnHost has the punycode the URL keeps). */
    private readonly idn: boolean = original !== null && hostIsUnicode(original),
  ) {}
  /** The absolute URL; a relative URI throws, as .NET's members that need one do. */
  private get u(): URL {
    if (this.url === null) throw relativeOp();
    return this.url;
  }
  static parse(s: string | null): Uri {
    if (s === null) throw argumentNull("uriString");
    if (unrootedDosPath(s)) throw formatFail(DOS_PATH);
    if (monoUnixPath.on) refuseUnixPath(s);
    const url = absoluteUrl(s, false);
    if (url === null) throw formatFail();
    return new Uri(url, s);
  }
  /** new Uri(string, UriKind): Absolute as parse(); Relative refuses an absolute URI; RelativeOrAbsolute takes either. */
  static create(s: string | null, kind: number): Uri {
    if (s === null || s === undefined) throw argumentNull("uriString");
    if (kind !== 0 && kind !== 1 && kind !== 2) throw argumentError(`The value '${kind}' passed for the UriKind parameter is invalid.`);
    if (unrootedDosPath(s)) throw formatFail(DOS_PATH);
    if (monoUnixPath.on && kind !== 2) refuseUnixPath(s);
    const abs = absoluteUrl(s);
    if (kind === 1) {
      if (!abs) throw formatFail();
      return new Uri(abs, s);
    }
    if (abs) {
      if (kind === 2) throw formatFail("A relative URI cannot be created because the 'uriString' parameter represents an absolute URI.");
      return new Uri(abs, s);
    }
    return new Uri(null, s);
  }
  /** new Uri(Uri baseUri, string relativeUri) and new Uri(Uri baseUri, Uri relativeUri) (`rel` a Uri: an absolute one wins). */
  static resolve(base: Uri | null, rel: string | Uri | null, relIsUri = false): Uri {
    if (base === null || base === undefined) throw argumentNull("baseUri");
    if (base.url === null) throw argumentOutOfRange("baseUri");
    if (relIsUri && (rel === null || rel === undefined)) throw nullReference();
    if (rel instanceof Uri && rel.url !== null) return rel.copied();
    const text = rel instanceof Uri ? rel.original! : rel ?? "";
    if (!(rel instanceof Uri)) {
      if (unrootedDosPath(text)) throw formatFail(DOS_PATH);
      // the string is parsed first: an absolute URI is the result itself
      const abs = absoluteUrl(text);
      if (abs) return new Uri(abs, text);
    }
    const combined = base.combine(text);
    // an empty (or blank) reference is the base itself, fragment included (.NET's ResolveHelper; RFC
    // 3986 and WHATWG URL drop the fragment)
    if (combined === null) return new Uri(new URL(base.url.href), base.GetComponents(C_SCHEME | C_USERINFO | C_HOST | C_PORT | C_PATH | C_QUERY | C_FRAGMENT, 3), base.idn);
    const url = absoluteUrl(combined, false);
    if (url === null) throw formatFail();
    return new Uri(url, combined, hostIsUnicode(combined));
  }
  /**
   * The string new Uri(base, relative) parses (ResolveHelper, GetCombinedString, CombineUri): a
   * fragment or query replaces the base's; a path starting with '/' (or '\\') its path; another
   * path goes after the base path's last '/', dot segments compressed. The base's parts come
   * SafeUnescaped, the relative text as written. null: the base itself.
   */
  private combine(text: string): string | null {
    text = trimLws(text);
    if (text === "") return null;
    const u = this.url!;
    const mayHaveQuery = u.protocol !== "ftp:";
    if (text[0] === "#") return this.GetComponents(C_SCHEME | C_USERINFO | C_HOST | C_PORT | C_PATH | C_QUERY, 1) + text;
    if (text[0] === "?" && mayHaveQuery) return this.GetComponents(C_SCHEME | C_USERINFO | C_HOST | C_PORT | C_PATH, 1) + text;
    // "http:x" with the base's scheme is the relative "x" (GetCombinedString)
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(text);
    if (scheme) {
      // another scheme: the text is an absolute URI to parse (which fails, as it did not parse before)
      if (scheme[1]!.toLowerCase() !== this.Scheme) return text;
      text = text.slice(scheme[0].length);
      if (text === "") return this.OriginalString;
    }
    if (text[0] === "\\") text = `/${text.slice(1)}`;
    const server = this.GetComponents(C_SCHEME | C_USERINFO | C_HOST | C_PORT, 3);
    // (a rooted path keeps a file URI's drive: file:///c:/dir/ with /x is file:///c:/x)
    if (text[0] === "/" || text[0] === "\\") return text[1] === "/" ? `${this.Scheme}:${text}` : this.isDrivePath ? `${server}${this.u.pathname.slice(0, 3)}${text}` : server + text;
    const basePath = this.GetComponents(C_PATH | C_KEEPDELIMITER, 3);
    const dir = basePath.slice(0, basePath.lastIndexOf("/") + 1);
    const cut = text.search(mayHaveQuery ? /[?#]/ : /#/);
    // Compress turns '\\' into '/' in the path (the http, https, ftp and file syntaxes' ConvertPathSlashes)
    const relPath = (cut < 0 ? text : text.slice(0, cut)).replace(/\\/g, "/");
    const extra = cut < 0 ? "" : text.slice(cut);
    return server + compressPath((dir || "/") + relPath) + extra;
  }
  /**
   * new Uri(base, absoluteUri) is a copy that parses the original's string again; when .NET had
   * IRI-normalized that string (non-ASCII or an escaped unreserved character), the whitespace at
   * its end (raw, or a %20 it decoded; not a %09, nor the two characters after a lone '%', which
   * it copies as they are) is trimmed by the new parse.
   */
  private copied(): Uri {
    const href = this.url!.href;
    const original = this.original ?? href;
    const ends = iriNormalizes(original) ? /[ \t\r\n]*$/.exec(escapeUnescapeIri(original.replace(/^[ \t\r\n]+/, "")))![0].length : 0;
    const trimmed = ends ? href.replace(new RegExp(`(?:%20|%EF%B7%9[9AD]){0,${ends}}$`, "i"), "") : href;
    return new Uri(new URL(trimmed), this.original, this.idn);
  }
  static tryParse(s: string | null, kind: number): Uri | undefined {
    if (s === null || s === undefined || (kind !== 0 && kind !== 1 && kind !== 2) || unrootedDosPath(s)) return undefined;
    const abs = absoluteUrl(s);
    if (abs) return kind === 2 ? undefined : new Uri(abs, s);
    return kind === 1 ? undefined : new Uri(null, s);
  }
  /** Uri.TryCreate(Uri baseUri, string|Uri relativeUri, out Uri): a relative or missing base fails. */
  static tryResolve(base: Uri | null, rel: string | Uri | null): Uri | undefined {
    if (base === null || base === undefined || base.url === null || rel === null || rel === undefined) return undefined;
    try {
      return Uri.resolve(base, rel);
    } catch {
      return undefined;
    }
  }
  get IsAbsoluteUri(): boolean {
    return this.url !== null;
  }
  get Scheme(): string {
    return this.u.protocol.replace(/:$/, "");
  }
  /** The host as .NET shows it: an internationalized name in Unicode (IdnHost has the punycode). */
  get Host(): string {
    return this.shownHost(this.u.hostname);
  }
  get UserInfo(): string {
    return this.u.username + (this.u.password ? `:${this.u.password}` : this.u.href.includes(`${this.u.username}:@`) ? ":" : "");
  }
  get Port(): number {
    return this.u.port ? Number(this.u.port) : this.Scheme === "https" ? 443 : this.Scheme === "http" ? 80 : this.Scheme === "ftp" ? 21 : -1;
  }
  /** The path as .NET's Uri canonicalizes it: escaped unreserved characters (%41 → A) unescaped. */
  private get path(): string {
    return this.pathOf(false);
  }
  private pathOf(shown: boolean): string {
    return controlsEscaped(rawMarks(unescapeUnreserved(this.u.pathname), shown));
  }
  /** The query, likewise; an empty one ("…/r?") keeps its "?" as .NET's Query does. */
  private get search(): string {
    return this.searchOf(false);
  }
  private searchOf(shown: boolean): string {
    if (this.u.search) return controlsEscaped(rawMarks(unescapeUnreserved(this.u.search), shown));
    return this.u.href.split("#")[0]!.endsWith("?") ? "?" : "";
  }
  /** The fragment; an empty one ("…#") keeps its "#". */
  private get hash(): string {
    return this.hashOf(false);
  }
  private hashOf(shown: boolean): string {
    return controlsEscaped(rawMarks(unescapeUnreserved(this.u.hash), shown)) || (this.u.href.endsWith("#") ? "#" : "");
  }
  private get hostPort(): string {
    const h = this.Host;
    return this.u.port ? `${h}:${this.u.port}` : h;
  }
  /** userinfo@host:port, as GetLeftPart(Authority) gives it. */
  private get authority(): string {
    const ui = this.UserInfo;
    return `${ui ? `${ui}@` : ""}${this.hostPort}`;
  }
  get AbsolutePath(): string {
    // a file URI's drive path has no leading '/' (c:/a)
    return this.isDrivePath ? this.path.slice(1) : this.path;
  }
  private get isDrivePath(): boolean {
    return this.u.protocol === "file:" && this.u.hostname === "" && /^\/[A-Za-z]:/.test(this.u.pathname);
  }
  get AbsoluteUri(): string {
    const u = this.u;
    return u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ftp:" || u.protocol === "file:" ? `${u.protocol}//${this.authority}${this.path}${this.search}${this.hash}` : controlsEscaped(rawMarks(unescapeUnreserved(u.href), false));
  }
  get PathAndQuery(): string {
    return this.AbsolutePath + this.search;
  }
  get Query(): string {
    return this.search;
  }
  get Fragment(): string {
    return this.hash;
  }
  get Authority(): string {
    return this.hostPort;
  }
  get Segments(): string[] {
    const parts = this.path.split("/");
    return parts.slice(0, -1).map((p) => `${p}/`).concat(parts[parts.length - 1] ? [parts[parts.length - 1]!] : []);
  }
  GetLeftPart(part: number): string {
    const u = this.u;
    // a URI without an authority (mailto:, urn:, a scheme of its own) has no "//" and an empty Authority part
    const hierarchical = /^[a-z][a-z0-9+.-]*:\/\//i.test(u.href);
    if (part === 0) return hierarchical ? `${u.protocol}//` : u.protocol;
    const left = hierarchical ? `${u.protocol}//${this.authority}` : u.protocol;
    if (part === 1) return hierarchical && this.authority !== "" ? left : "";
    if (part === 2) return `${left}${this.path}`;
    return `${left}${this.path}${this.search}`;
  }
  ToString(): string {
    if (this.url === null) return this.relativeString;
    const h = this.url.hostname;
    const href = this.idn ? this.url.href.replace(h, this.shownHost(h)) : this.url.href;
    // the controls written raw show raw (hideControls), those written %XX stay escaped
    return v1Unescape(rawMarks(href, true).replace(/%EF%B7%(9[0-9A-F]|A[0-9A-F])/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16) - 0x90)));
  }
  /** A relative URI's m_String: its text, IRI-normalized when it holds non-ASCII or an escaped unreserved character (UriExt.InitializeUri). */
  private get relativeString(): string {
    return iriNormalizes(this.original!) ? escapeUnescapeIri(this.original!) : this.original!;
  }
  get OriginalString(): string {
    return this.original ?? this.ToString();
  }
  /** LocalPath: the path, unescaped; a file URI's drive or UNC path as Windows writes it (c:\\a, \\\\host\\a). */
  get LocalPath(): string {
    const path = unescapeDataString(controlsEscaped(rawMarks(this.u.pathname, true)));
    // a file URI with a host is a UNC path (\\host\share\file)
    if (this.u.protocol === "file:" && this.u.hostname !== "") return `\\\\${this.Host}${path.replace(/\//g, "\\")}`;
    return this.isDrivePath ? path.slice(1).replace(/\//g, "\\") : path;
  }
  get IsDefaultPort(): boolean {
    return this.u.port === "";
  }
  get IsFile(): boolean {
    return this.Scheme === "file";
  }
  get IsUnc(): boolean {
    return this.Scheme === "file" && this.u.hostname !== "";
  }
  /** A host that names this machine: localhost, 127.x.x.x, [::1] (and a file URI without host). */
  get IsLoopback(): boolean {
    const h = this.u.hostname.toLowerCase();
    return h === "localhost" || h === "[::1]" || /^127\./.test(h) || (this.Scheme === "file" && h === "");
  }
  /** The host usable with DNS: an IPv6 address without its brackets. */
  get DnsSafeHost(): string {
    return this.Host.replace(/^\[(.*)\]$/, "$1");
  }
  /** The host for DNS with an internationalized name in punycode (xn--…), an IPv6 address without brackets. */
  get IdnHost(): string {
    return this.u.hostname.replace(/^\[(.*)\]$/, "$1");
  }
  /** UriHostNameType: Unknown 0, Basic 1, Dns 2, IPv4 3, IPv6 4. */
  get HostNameType(): number {
    const h = this.u.hostname;
    if (h === "") return this.Scheme === "file" ? 1 : 0;
    if (h.startsWith("[")) return 4;
    if (isIPv4Canonical(h)) return 3;
    return isDnsName(h, true) ? 2 : 1;
  }
  /** IsBaseOf: this URI's scheme and authority match and the path up to its last '/' is a prefix of the other's (a relative one is first resolved against this). */
  IsBaseOf(other: Uri | null): boolean {
    if (other === null || other === undefined) throw argumentNull("uri");
    if (this.url === null) return false;
    if (other.url === null) other = Uri.resolve(this, other);
    const a = this.url;
    const b = other.url!;
    if (a.protocol !== b.protocol || a.host.toLowerCase() !== b.host.toLowerCase() || a.username !== b.username) return false;
    const base = a.pathname.slice(0, a.pathname.lastIndexOf("/") + 1);
    return b.pathname.startsWith(base);
  }
  /** Equals: absolute URIs by scheme, host, port, path and query (not the fragment), relative ones by their text; a string compares as the Uri it makes. */
  Equals(other: unknown): boolean {
    if (other === this) return true;
    if (typeof other === "string") other = Uri.tryParse(other, 0);
    if (!(other instanceof Uri)) return false;
    if (this.url === null || other.url === null) return this.url === other.url && this.original === other.original;
    // .NET compares without the user info and the fragment
    const parts = C_SCHEME | C_HOST | C_PORT | C_PATH | C_QUERY;
    return this.GetComponents(parts, 3) === other.GetComponents(parts, 3);
  }
  GetHashCode(): number {
    const s = this.url === null ? this.original! : this.GetComponents(C_SCHEME | C_HOST | C_PORT | C_PATH | C_QUERY, 3);
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
  }
  /**
   * GetComponents(UriComponents, UriFormat): the parts asked for, with their delimiters when more than one
   * is asked for or KeepDelimiter is set; UriEscaped as AbsoluteUri escapes, Unescaped decodes every
   * %XX, SafeUnescaped all but those that would change the meaning (reserved characters, '%', controls).
   */
  GetComponents(components: number, format: number): string {
    components |= 0;
    if ((components & C_SERIALIZATION) !== 0 && components !== C_SERIALIZATION) throw argumentOutOfRange("components", "UriComponents.SerializationInfoString must not be combined with other UriComponents.");
    if (format < 1 || format > 3) throw argumentOutOfRange(format === 0 ? "uriFormat" : "format");
    if (this.url === null) {
      if (components === C_SERIALIZATION) {
        const text = this.relativeString;
        if (format === 1) return escapeRelative(text);
        // SafeUnescaped escapes the controls written raw (UnescapeMode.EscapeUnescape)
        return format === 2 ? unescapeWith(text, 2) : unescapeWith(text.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"), 3).replace(/[\x00-\x1f\x7f]/g, (c) => uriHexEscape(c.charCodeAt(0)));
      }
      throw relativeOp();
    }
    if (components === C_SERIALIZATION) components = C_SCHEME | C_USERINFO | C_HOST | C_PORT | C_PATH | C_QUERY | C_FRAGMENT;
    const keep = (components & C_KEEPDELIMITER) !== 0;
    const parts = components & 0x1ff & ~C_NORMALIZEDHOST | (components & C_NORMALIZEDHOST ? C_HOST : 0);
    const single = !keep && [C_SCHEME, C_USERINFO, C_HOST, C_PORT, C_PATH, C_QUERY, C_FRAGMENT, C_STRONGPORT].includes(parts);
    const u = this.url;
    const fmt = (s: string) => (format === 1 ? s : unescapeWith(s, format));
    let out = "";
    if (parts & C_SCHEME) out += single ? this.Scheme : `${this.Scheme}:${u.host || u.protocol === "file:" || /^[a-z][a-z0-9+.-]*:\/\//i.test(u.href) ? "//" : ""}`;
    const ui = this.UserInfo;
    if (parts & C_USERINFO && ui) out += single ? fmt(ui) : `${fmt(ui)}@`;
    if (parts & C_HOST) out += this.Host;
    const explicitPort = u.port !== "";
    if ((parts & C_STRONGPORT) || ((parts & C_PORT) && explicitPort)) {
      const port = this.Port;
      if (port >= 0) out += single ? String(port) : `:${port}`;
    }
    if (parts & C_PATH) {
      const p = fmt(this.pathOf(format !== 1));
      out += single ? p.replace(/^\//, "") : p;
    }
    if (parts & C_QUERY) {
      const q = this.searchOf(format !== 1);
      out += single ? fmt(q.slice(1)) : q && `?${fmt(q.slice(1))}`;
    }
    if (parts & C_FRAGMENT) {
      const f = this.hashOf(format !== 1);
      out += single ? fmt(f.slice(1)) : f && `#${fmt(f.slice(1))}`;
    }
    return out;
  }
  /** IsWellFormedOriginalString: the text it was made from needs no escaping (as IsWellFormedUriString of that text). */
  IsWellFormedOriginalString(): boolean {
    return uriIsWellFormed(this.OriginalString, this.url === null ? 2 : 1);
  }
  /** MakeRelativeUri: the relative URI from this one to `uri` when scheme, host and port match; `uri` itself otherwise. */
  MakeRelativeUri(uri: Uri | null): Uri {
    if (uri === null || uri === undefined) throw argumentNull("uri");
    if (this.url === null || uri.url === null) throw relativeOp();
    if (!this.sameServer(uri)) return uri;
    let rel = pathDifference(this.AbsolutePath, uri.AbsolutePath, this.Scheme !== "file");
    // a relative URI cannot have a colon in its first path segment
    const delim = /[:\\/?#]/.exec(rel);
    if (delim && delim[0] === ":") rel = `./${rel}`;
    rel += uri.GetComponents(C_QUERY | C_FRAGMENT, 1);
    return new Uri(null, rel);
  }
  /** MakeRelative (obsolete): the path difference alone, or the other URI's text. */
  MakeRelative(toUri: Uri | null): string {
    if (toUri === null || toUri === undefined) throw argumentNull("toUri");
    if (this.url === null || toUri.url === null) throw relativeOp();
    return this.sameServer(toUri) ? pathDifference(this.AbsolutePath, toUri.AbsolutePath, this.Scheme !== "file") : toUri.ToString();
  }
  private shownHost(h: string): string {
    return this.idn ? domainToUnicode(h) || h : h;
  }
  private sameServer(o: Uri): boolean {
    return this.Scheme === o.Scheme && this.Host === o.Host && this.Port === o.Port;
  }
  /** Uri.Compare(uri1, uri2, partsToCompare, compareFormat, comparisonType): null first, then relative before absolute, then the parts as strings. */
  static compare(a: Uri | null, b: Uri | null, parts: number, format: number, comparison: number): number {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    if (a.url === null || b.url === null) {
      if (a.url !== null) return 1;
      return b.url === null ? strCompare(a.original, b.original, comparison) : -1;
    }
    return strCompare(a.GetComponents(parts, format), b.GetComponents(parts, format), comparison);
  }
  /** Uri.CheckHostName: what kind of host name a string is (UriHostNameType: Unknown 0, Dns 2, IPv4 3, IPv6 4). */
  static checkHostName(name: string | null): number {
    if (name === null || name === undefined || name.length === 0 || name.length > 32767) return 0;
    if (name.startsWith("[") && name.endsWith("]") && isIPv6(name.slice(1, -1))) return 4;
    if (isIPv4NonCanonical(name)) return 3;
    if (isDnsName(name, false) || isDnsName(name, true)) return 2;
    return isIPv6(name) ? 4 : 0;
  }
  /** Uri.HexUnescape(pattern, ref index): the character at index, or the one a %XX there escapes; [char, new index]. */
  static hexUnescape(pattern: string | null, index: number): [number, number] {
    if (pattern === null || pattern === undefined) throw nullReference();
    if (index < 0 || index >= pattern.length) throw argumentOutOfRange("index");
    if (pattern[index] === "%" && pattern.length - index >= 3 && uriIsHexDigit(pattern.charCodeAt(index + 1)) && uriIsHexDigit(pattern.charCodeAt(index + 2))) {
      return [parseInt(pattern.slice(index + 1, index + 3), 16), index + 3];
    }
    return [pattern.charCodeAt(index), index + 1];
  }
}
/**
 * The URL a string makes as an absolute URI (a scheme of two or more characters), or null. .NET trims
 * the whitespace at both ends, keeps the controls inside (hideControls) and reads '?' in an ftp URI
 * as part of the path (the ftp syntax has no query).
 */
function absoluteUrl(s: string, needScheme = true): URL | null {
  // .NET IRI-normalizes such a text (non-ASCII, an escaped unreserved character) before it trims
  // the end: the trailing whitespace stays, escaped (WHATWG URL would strip spaces)
  const iri = iriNormalizes(s);
  s = iri ? s.replace(/^[ \t\r\n]+/, "") : trimLws(s);
  const dos = DOS_PATH_START.exec(s);
  // (in a DOS path '?' and '#' are file name characters)
  if (dos) s = `file:///${dos[1]}:${dos[2]!.replace(/\\/g, "/").replace(/\?/g, "%3F").replace(/#/g, "%23")}`;
  if (needScheme && !/^[a-z][a-z0-9+.-]+:/i.test(s)) return null;
  // these schemes must have an authority: "http:g" is a relative URI to .NET (WHATWG reads http://g/)
  if (/^(?:https?|ftp|wss?):(?![\\/]{2})/i.test(s)) return null;
  s = webEscapes(escapeLonePercents(hideControls(s)));
  // (after the lone '%'s: a trailing space is not an escape a '%' could start)
  if (iri) s = s.replace(/[ \uFDD9\uFDDA\uFDDD]+$/, (end) => end.replace(/ /g, "%20"));
  const ftp = /^(ftp:\/\/[^/?#]*)([^#]*)/i.exec(s);
  if (ftp) s = ftp[1] + ftp[2]!.replace(/\?/g, "%3F") + s.slice(ftp[0].length);
  try {
    return new URL(s);
  } catch {
    return null;
  }
}
/**
 * A '%' that does not start a %XX escape is written %25 in the path, query and fragment (.NET's
 * EscapeString keeps valid escapes and escapes the rest; WHATWG URL leaves the '%'). The scheme,
 * and the authority, where .NET reads userinfo apart, are left as they are.
 */
function escapeLonePercents(s: string): string {
  if (s.indexOf("%") < 0) return s;
  const head = /^[a-z][a-z0-9+.-]*:(?:[\\/]{2}[^/?#\\]*)?/i.exec(s)?.[0] ?? "";
  const rest = s.slice(head.length);
  let out = head;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== "%" || /^[0-9A-Fa-f]{2}/.test(rest.slice(i + 1, i + 3))) {
      out += rest[i];
      continue;
    }
    out += "%25";
    // .NET's IRI normalization copies the two characters after a lone '%' as they are: an escape
    // starting there is not decoded (a%%41 keeps %41), so its '%' is marked (rawMarks)
    if (i + 2 < rest.length) {
      // (a copied '%' that starts no escape is escaped later, as any other)
      for (const k of [1, 2]) out += rest[i + k] !== "%" ? rest[i + k]! : /^[0-9A-Fa-f]{2}/.test(rest.slice(i + k + 1, i + k + 3)) ? VERBATIM_PERCENT : "%25";
      i += 2;
    }
  }
  return out;
}
/** ToString's unescaping of an absolute URI (V1ToStringUnescape): %XX runs decoded (UTF-8) but for reserved characters, '%' and controls. */
function v1Unescape(s: string): string {
  return unescapeWith(s, 3);
}
const DOS_PATH = "Invalid URI: A Dos path must be rooted, for example, 'c:\\'.";
/** "x:y": one letter and a colon is a DOS path to .NET, which must go on with '\\' or '/' (ParseScheme's MustRootedPath; "c:" alone is relative). */
function unrootedDosPath(s: string): boolean {
  return /^[A-Za-z][:|][^\\/]/.test(trimLws(s));
}
/** "c:\\a", "c:/a", "c|/a": a rooted DOS path, which .NET reads as the file URI file:///c:/a (ParseScheme's DOS path). */
const DOS_PATH_START = /^([A-Za-z])[:|]([\\/].*)$/s;
/** Whether an absolute URI's text writes its host with non-ASCII characters. */
function hostIsUnicode(s: string): boolean {
  const authority = /^[ \t\r\n]*[a-z][a-z0-9+.-]*:\/\/([^/?#\\]*)/i.exec(s)?.[1];
  return authority !== undefined && /[^\x00-\x7f]/.test(authority);
}
/** Uri.PathDifference (referencesource): "../" for each directory of path1 past the common prefix, then the rest of path2. */
function pathDifference(path1: string, path2: string, compareCase: boolean): string {
  let i = 0;
  let si = -1;
  for (; i < path1.length && i < path2.length; ++i) {
    if (path1[i] !== path2[i] && (compareCase || path1[i]!.toLowerCase() !== path2[i]!.toLowerCase())) break;
    else if (path1[i] === "/") si = i;
  }
  if (i === 0) return path2;
  if (i === path1.length && i === path2.length) return "";
  let rel = "";
  for (; i < path1.length; ++i) if (path1[i] === "/") rel += "../";
  if (rel.length === 0 && path2.length - 1 === si) return "./";
  return rel + path2.slice(si + 1);
}
/** Characters SafeUnescaped leaves escaped: those whose unescaping would change what the URI means, and controls. */
const SAFE_KEEP = new Set([..."%;/?:@&=+$,#\\"].filter((c) => c !== ":").map((c) => c.charCodeAt(0)));
/** %XX sequences decoded (as UTF-8 where they form one); SafeUnescaped (format 3) leaves SAFE_KEEP and controls escaped. */
function unescapeWith(s: string, format: number): string {
  if (s.indexOf("%") < 0) return s;
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = run.match(/%[0-9A-Fa-f]{2}/g)!.map((x) => parseInt(x.slice(1), 16));
    let out = "";
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i]!;
      if (b < 0x80) {
        out += format === 3 && (b < 0x20 || b === 0x7f || SAFE_KEEP.has(b)) ? run.slice(i * 3, i * 3 + 3) : String.fromCharCode(b);
        i++;
        continue;
      }
      const n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      const seq = bytes.slice(i, i + n);
      const text = n > 1 && seq.length === n ? utf8OrNull(seq) : null;
      if (text === null || (format === 3 && !iriAllows(text.codePointAt(0)!))) {
        // a byte that starts no UTF-8 sequence stays escaped, in upper case
        out += run.slice(i * 3, i * 3 + 3).toUpperCase();
        i++;
      } else {
        out += text;
        i += n;
      }
    }
    return out;
  });
}
function utf8OrNull(bytes: number[]): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}
/** A relative URI's SerializationInfoString escaped: spaces and characters a URI may not hold as %XX. */
function escapeRelative(s: string): string {
  const esc = (c: string) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return "%EF%BF%BD"; // a lone surrogate
    }
  };
  return s.replace(/[^\x21-\x7e]|["<>\\^`{|}]/gu, esc).replace(/%(?![0-9A-Fa-f]{2})/g, "%25");
}
function isIPv6(s: string): boolean {
  return isIP(s.replace(/%.*$/, "")) === 6;
}
/** Four decimal parts 0-255, as a URL's host shows an IPv4 address. */
function isIPv4Canonical(s: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s);
}
/** IPv4AddressHelper.ParseNonCanonical: one to four parts, decimal, octal (0…) or hex (0x…), the last filling the remaining bytes. */
function isIPv4NonCanonical(s: string): boolean {
  const parts = s.split(".");
  if (parts.length > 4) return false;
  const values: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9A-Fa-f]+$/.test(p)) v = parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9]\d*$/.test(p)) v = Number(p);
    else return false;
    if (!Number.isFinite(v) || v > 0xffffffff) return false;
    values.push(v);
  }
  for (let i = 0; i < values.length - 1; i++) if (values[i]! > 255) return false;
  return values[values.length - 1]! < 2 ** (8 * (5 - values.length));
}
/**
 * DomainNameHelper.IsValid (ASCII labels of letters, digits, '-' and '_', not starting with '-' or '_') or,
 * with `iri`, IsValidByIri: any character above U+007F counts as a letter, U+3002, U+FF0E and U+FF61 are
 * dots too, and a label with one is measured as its punycode would start ("xn--" + a char above U+00FF
 * counted twice) against the 63 limit.
 */
function isDnsName(s: string, iri: boolean): boolean {
  if (!iri) {
    const name = s.endsWith(".") ? s.slice(0, -1) : s;
    if (name.length === 0 || s.length > 255) return false;
    return name.split(".").every((l) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(l));
  }
  const labels = s.split(/[.\u3002\uff0e\uff61]/);
  if (labels.length > 1 && labels[labels.length - 1] === "") labels.pop();
  if (labels.length === 0 || s.length > 255) return false;
  return labels.every((l) => {
    let count = 0;
    let unicode = false;
    for (const ch of l) {
      for (let k = 0; k < ch.length; k++) {
        const c = ch.charCodeAt(k);
        count += c > 0xff ? 2 : 1;
        if (c > 0x7f) unicode = true;
      }
    }
    return l.length > 0 && (unicode ? count + 4 : count) <= 63 && /^[A-Za-z0-9\u0080-\uffff][A-Za-z0-9_\u0080-\uffff-]*$/.test(l);
  });
}
/** %XX of an unreserved character (A-Z a-z 0-9 - . _ ~) becomes the character, as .NET's Uri canonicalizes. */
function unescapeUnreserved(s: string): string {
  return s.indexOf("%") < 0 ? s : s.replace(/%([0-9A-Fa-f]{2})/g, (m, h: string) => {
    const c = String.fromCharCode(parseInt(h, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : m;
  });
}
export function uriCheckSchemeName(s: string | null): boolean {
  return s !== null && s !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(s);
}
export function uriIsHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
export function uriFromHex(c: number): number {
  if (!uriIsHexDigit(c)) throw argumentError("Invalid hex digit.");
  return c <= 57 ? c - 48 : (c | 0x20) - 87;
}
export function uriHexEscape(c: number): string {
  if (c > 255) throw argumentOutOfRange("character");
  return `%${c.toString(16).toUpperCase().padStart(2, "0")}`;
}
export function uriIsHexEncoding(s: string | null, i: number): boolean {
  // .NET reads pattern.Length and pattern[index] unchecked: null is a NullReferenceException, a negative index an IndexOutOfRangeException
  if (s === null || s === undefined) throw nullReference();
  // (pattern.Length - index is int arithmetic: it wraps for index near int.MinValue)
  const room = (s.length - i) | 0;
  if (room >= 3 && i < 0) throw new DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
  return room >= 3 && s[i] === "%" && uriIsHexDigit(s.charCodeAt(i + 1)) && uriIsHexDigit(s.charCodeAt(i + 2));
}
/** An absolute URI without authority (mailto:, urn:): RFC 3986 characters, %XX escapes and non-ASCII, one '#'. */
const WELL_FORMED_IRI = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u00a0-\uffff]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\u00a0-\uffff]|%[0-9A-Fa-f]{2})*)?$/;
/**
 * Uri.IsWellFormedUriString (UriKind RelativeOrAbsolute 0, Absolute 1, Relative 2): it parses as that
 * kind and its text needs no escaping. An absolute URI (a scheme of two or more letters; http, https,
 * ftp and file with "//") may hold non-ASCII characters (IRI), a relative one may not; "c:x" is a
 * DOS path, not a relative URI.
 */
export function uriIsWellFormed(s: string | null, kind: number): boolean {
  if (s === null) return false;

  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(s);
  if (scheme) {
    if (kind === 2) return false;
    if (/^(?:https?|ftp|file)$/i.test(scheme[1]!) && !s.startsWith("//", scheme[0].length)) return false;
    if (absoluteUrl(s) === null) return false;
    const withAuthority = wellFormedWithAuthority(s);
    if (withAuthority !== null) return withAuthority;
    // an IPv6 host in brackets is the only place '[' ']' may appear
    return WELL_FORMED_IRI.test(s.replace(/^([a-z][a-z0-9+.-]+:\/\/(?:[^@/]*@)?)\[[0-9A-Fa-f:.]+\]/i, "$1h"));
  }
  if (kind === 1 || /^[a-z]:/i.test(s)) return false;
  // a relative URI with a colon in its first path segment is not well formed (.NET's
  // CheckForColonInFirstPathSegment: it would read as a scheme)
  if (/^[^/?]*:/.test(s)) return false;
  // the text all escaped ('#' included: a relative URI has no fragment to .NET's CheckCanonical)
  const c = checkCanonical(s);
  return c.escaped && !c.backslash;
}
/**
 * .NET's escaping (UriHelper.EscapeString): a high surrogate without its low one is UriFormatException;
 * a lone low surrogate goes through UTF-8's replacement fallback (U+FFFD, %EF%BF%BD).
 */
function refuseLoneSurrogate(s: string): string {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(s)) throw new DotNetException("System.UriFormatException", "Invalid URI: There is an invalid sequence in the string.");
  return s.replace(/(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
/** Uri.EscapeDataString: RFC 3986 unreserved characters stay. */
export function escapeDataString(s: string | null): string {
  if (s === null) throw argumentNull("stringToEscape");
  return encodeURIComponent(refuseLoneSurrogate(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
export function unescapeDataString(s: string | null): string {
  if (s === null) throw argumentNull("stringToUnescape");
  return s.replace(/(%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** Uri.EscapeUriString (obsolete in .NET 6, still allowed). */
export function escapeUriString(s: string | null): string {
  if (s === null) throw argumentNull("stringToEscape");
  return encodeURI(refuseLoneSurrogate(s));
}

registerTypeCheck("Uri", (v) => v instanceof Uri);

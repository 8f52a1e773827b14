// System.Uri on WHATWG URL (with .NET's canonicalization) and Uri's static helpers (escaping, hex, well-formedness).
import { DotNetException, argumentError, argumentNull, argumentOutOfRange } from "../errors.js";
import { registerTypeCheck } from "./core.js";

export class Uri {
  readonly $typeName = "System.Uri";
  private constructor(
    private readonly u: URL,
    /** The text it was made from (OriginalString); a combined URI's is its absolute form, unescaped as ToString() shows it. */
    private readonly original: string | null = null,
  ) {}
  static parse(s: string | null): Uri {
    if (s === null) throw argumentNull("uriString");
    try {
      return new Uri(new URL(s), s);
    } catch {
      throw new DotNetException("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
    }
  }
  static resolve(base: Uri | null, rel: string | null): Uri {
    if (base === null || base === undefined) throw argumentNull("baseUri");
    try {
      return new Uri(new URL(rel ?? "", base.u));
    } catch {
      throw new DotNetException("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
    }
  }
  static tryParse(s: string | null, _kind: number): Uri | undefined {
    try {
      return s === null ? undefined : new Uri(new URL(s), s);
    } catch {
      return undefined;
    }
  }
  get Scheme(): string {
    return this.u.protocol.replace(/:$/, "");
  }
  get Host(): string {
    return this.u.hostname;
  }
  get UserInfo(): string {
    return this.u.username + (this.u.password ? `:${this.u.password}` : this.u.href.includes(`${this.u.username}:@`) ? ":" : "");
  }
  get Port(): number {
    return this.u.port ? Number(this.u.port) : this.Scheme === "https" ? 443 : this.Scheme === "http" ? 80 : -1;
  }
  /** The path as .NET's Uri canonicalizes it: escaped unreserved characters (%41 → A) unescaped. */
  private get path(): string {
    return unescapeUnreserved(this.u.pathname);
  }
  /** The query, likewise; an empty one ("…/r?") keeps its "?" as .NET's Query does. */
  private get search(): string {
    if (this.u.search) return unescapeUnreserved(this.u.search);
    return this.u.href.split("#")[0]!.endsWith("?") ? "?" : "";
  }
  /** userinfo@host:port, as GetLeftPart(Authority) gives it. */
  private get authority(): string {
    const ui = this.UserInfo;
    return `${ui ? `${ui}@` : ""}${this.u.host}`;
  }
  get AbsolutePath(): string {
    return this.path;
  }
  get AbsoluteUri(): string {
    return this.u.protocol === "http:" || this.u.protocol === "https:" ? `${this.u.protocol}//${this.authority}${this.path}${this.search}${this.u.hash}` : this.u.href;
  }
  get PathAndQuery(): string {
    return this.path + this.search;
  }
  get Query(): string {
    return this.search;
  }
  get Fragment(): string {
    return this.u.hash;
  }
  get Authority(): string {
    return this.u.host;
  }
  get Segments(): string[] {
    const parts = this.u.pathname.split("/");
    return parts.slice(0, -1).map((p) => `${p}/`).concat(parts[parts.length - 1] ? [parts[parts.length - 1]!] : []);
  }
  GetLeftPart(part: number): string {
    if (part === 0) return `${this.u.protocol}//`;
    if (part === 1) return `${this.u.protocol}//${this.authority}`;
    if (part === 2) return `${this.u.protocol}//${this.authority}${this.path}`;
    return `${this.u.protocol}//${this.authority}${this.path}${this.search}`;
  }
  ToString(): string {
    return decodeURI(this.u.href);
  }
  get OriginalString(): string {
    return this.original ?? this.ToString();
  }
  /** LocalPath of a web URI: the path, unescaped. */
  get LocalPath(): string {
    return unescapeDataString(this.u.pathname);
  }
  get IsDefaultPort(): boolean {
    return this.u.port === "";
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
    return this.u.hostname.replace(/^\[(.*)\]$/, "$1");
  }
  /** IsBaseOf: this URI's scheme and authority match and the path up to its last '/' is a prefix of the other's. */
  IsBaseOf(other: Uri | null): boolean {
    if (other === null || other === undefined) throw argumentNull("uri");
    if (this.u.protocol !== other.u.protocol || this.u.host.toLowerCase() !== other.u.host.toLowerCase() || this.u.username !== other.u.username) return false;
    const base = this.u.pathname.slice(0, this.u.pathname.lastIndexOf("/") + 1);
    return other.u.pathname.startsWith(base);
  }
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
  if (s === null || s === undefined) return false;
  return s.length - i >= 3 && s[i] === "%" && uriIsHexDigit(s.charCodeAt(i + 1)) && uriIsHexDigit(s.charCodeAt(i + 2));
}
/** URI text with nothing that must be escaped: RFC 3986 characters, %XX escapes, one '#'; `iri` also lets non-ASCII through. */
const WELL_FORMED = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;
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
    try {
      new URL(s);
    } catch {
      return false;
    }
    // an escaped letter or digit (%41 for "A") is not in an absolute URI's canonical form
    if (/%(?:3[0-9]|4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A])/i.test(s)) return false;
    // an IPv6 host in brackets is the only place '[' ']' may appear
    return WELL_FORMED_IRI.test(s.replace(/^([a-z][a-z0-9+.-]+:\/\/(?:[^@/]*@)?)\[[0-9A-Fa-f:.]+\]/i, "$1h"));
  }
  if (kind === 1 || /^[a-z]:/i.test(s)) return false;
  return WELL_FORMED.test(s);
}
/** Uri.EscapeDataString: RFC 3986 unreserved characters stay. */
export function escapeDataString(s: string | null): string {
  if (s === null) throw argumentNull("stringToEscape");
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
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
  return encodeURI(s);
}

registerTypeCheck("Uri", (v) => v instanceof Uri);

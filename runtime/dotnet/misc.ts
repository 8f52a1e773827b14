// Guid, Convert (base64/hex), Encoding, Uri, WebUtility, Regex (.NET pattern → JS), BitConverter,
// hashing/HMAC and random on node:crypto, APIM helpers (AsJwt, AsBasic, Encrypt/Decrypt, form).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes as nodeRandomBytes, randomUUID, type Hash, type Hmac } from "node:crypto";
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, formatError, nullReference } from "../errors.js";
import { registerTypeCheck, toStr } from "./core.js";
import { DateTime } from "./datetime.js";

// ---- Guid (a Guid is its lower-case "D" string) --------------------------------------------------
const ZERO_GUID = "00000000-0000-0000-0000-000000000000";
export function newGuid(): string {
  return randomUUID();
}
export function guidTryParse(s: string | null): string | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.trim();
  const m = /^[{(]?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})[})]?$/.exec(t);
  if (!m) return undefined;
  const braces = t[0] === "{" ? "}" : t[0] === "(" ? ")" : "";
  if (braces && t[t.length - 1] !== braces) return undefined;
  const dashed = t.includes("-");
  if (!dashed && t.replace(/[{}()]/g, "").length !== 32) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
}
export function guidParse(s: string | null): string {
  if (s === null) throw argumentNull("input");
  const g = guidTryParse(s);
  if (g === undefined) throw formatError("Unrecognized Guid format.");
  return g;
}
export function guidFormat(g: string, f: string | null): string {
  switch (f ?? "D") {
    case "":
    case "D":
    case "d":
      return g;
    case "N":
    case "n":
      return g.replace(/-/g, "");
    case "B":
    case "b":
      return `{${g}}`;
    case "P":
    case "p":
      return `(${g})`;
    default:
      throw formatError("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
  }
}
/** Guid.ToByteArray(): the first three groups little-endian. */
export function guidToBytes(g: string): Uint8Array {
  const h = g.replace(/-/g, "");
  const b = Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
  const swap = (i: number, n: number) => b.subarray(i, i + n).reverse();
  swap(0, 4);
  swap(4, 2);
  swap(6, 2);
  return b;
}
export function guidFromBytes(b: Uint8Array): string {
  if (!b || b.length !== 16) throw argumentError("Byte array for GUID must be exactly 16 bytes long.");
  const c = Uint8Array.from(b);
  c.subarray(0, 4).reverse();
  c.subarray(4, 6).reverse();
  c.subarray(6, 8).reverse();
  const h = Buffer.from(c).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- Convert -----------------------------------------------------------------------------------------
export function toBase64(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64");
}
/**
 * A Buffer over a byte[]'s bytes, to encode them. Small arrays are copied (V8 keeps them on its
 * heap, and reading `.buffer` would move them off it: dearer than the copy); large ones are viewed.
 */
function bufferOf(b: Uint8Array): Buffer {
  return b.byteLength <= 64 ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
/** `Convert.ToBase64String(Encoding.UTF8.GetBytes(s))` in one step (Buffer's UTF-8 replaces lone surrogates with U+FFFD, as .NET does). */
export function utf8ToBase64(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64");
}
/** The same, then `.Replace("/", "_").Replace("+", "-").Replace("=", "")`: unpadded base64url. */
export function utf8ToBase64Url(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64url");
}
/** `Convert.ToBase64String(b)` with the three base64url replacements. */
export function toBase64Url(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64url");
}
export function fromBase64(s: string | null): Uint8Array {
  if (s === null || s === undefined) throw argumentNull("s");
  const t = s.replace(/[\s]/g, "");
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t))
    throw formatError("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
  return new Uint8Array(Buffer.from(t, "base64"));
}
export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex").toUpperCase();
}
export function fromHex(s: string): Uint8Array {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw formatError("The input is not a valid hex string.");
  return new Uint8Array(Buffer.from(s, "hex"));
}
export function bitConverterToString(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, "0")).join("-");
}
export function bitConverterGetBytes(v: number, n: number): Uint8Array {
  const b = Buffer.alloc(n);
  if (n === 4) b.writeInt32LE(v | 0);
  else b.writeBigInt64LE(BigInt(Math.trunc(v)));
  return new Uint8Array(b);
}
export function bitConverterToInt32(b: Uint8Array, i: number): number {
  if (b === null || b === undefined) throw argumentNull("value");
  if (i < 0 || i >= b.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (i > b.length - 4) throw argumentError("Destination array is not long enough to copy all the items in the collection. Check array index and length.\r\nParameter name: value");
  return Buffer.from(b).readInt32LE(i);
}

// ---- Encoding --------------------------------------------------------------------------------------
class Enc {
  readonly $typeName = "System.Text.Encoding";
  constructor(
    readonly WebName: string,
    private readonly enc: (s: string) => Uint8Array,
    private readonly dec: (b: Uint8Array) => string,
  ) {}
  GetBytes(s: string | null): Uint8Array {
    if (s === null || s === undefined) throw argumentNull("s");
    return this.enc(s);
  }
  GetString(b: Uint8Array | null): string {
    if (b === null || b === undefined) throw argumentNull("bytes");
    return this.dec(b);
  }
}
// ignoreBOM: GetString keeps a leading EF BB BF as U+FEFF (only StreamReader-style readers drop it).
const utf8Dec = new TextDecoder("utf-8", { ignoreBOM: true });
/** UTF-8 bytes of a string; lone surrogates become U+FFFD (EF BF BD), as .NET's replacement fallback does. */
function utf8Bytes(s: string): Uint8Array {
  const n = s.length;
  if (n <= 64) {
    // Short ASCII strings: a plain copy is cheaper than a Buffer round trip.
    const a = new Uint8Array(n);
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) break;
      a[i] = c;
    }
    if (i === n) return a;
  }
  // Buffer.from encodes like TextEncoder (WHATWG UTF-8, U+FFFD for lone surrogates); the copy makes
  // a plain Uint8Array that owns its memory (not a view into Buffer's shared pool).
  return new Uint8Array(Buffer.from(s, "utf8"));
}
/** Bytes 0-127 as chars, anything else as `?` (ASCIIEncoding's replacement fallback). */
function asciiString(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    out += x < 128 ? String.fromCharCode(x) : "?";
  }
  return out;
}
/**
 * One byte per UTF-16 unit: below `limit` as is, anything else as `?`. A surrogate pair gives "??":
 * EncoderReplacementFallbackBuffer replaces a pair with the replacement string twice (.NET Framework
 * and .NET Core alike; Mono agrees).
 */
function singleByte(s: string, limit: number): Uint8Array {
  const n = s.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < limit ? c : 63;
  }
  return out;
}
export const Encoding = {
  UTF8: new Enc("utf-8", utf8Bytes, (b) => utf8Dec.decode(b)),
  ASCII: new Enc("us-ascii", (s) => singleByte(s, 128), asciiString),
  Unicode: new Enc("utf-16", (s) => new Uint8Array(Buffer.from(s, "utf16le")), (b) => Buffer.from(b).toString("utf16le")),
  BigEndianUnicode: new Enc("utf-16BE", (s) => new Uint8Array(Buffer.from(s, "utf16le").swap16()), (b) => Buffer.from(b).swap16().toString("utf16le")),
  UTF32: new Enc(
    "utf-32",
    (s) => {
      const cps = Array.from(s, (c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4));
      return new Uint8Array(b);
    },
    (b) => {
      let s = "";
      const buf = Buffer.from(b);
      for (let i = 0; i + 3 < buf.length; i += 4) s += String.fromCodePoint(buf.readUInt32LE(i));
      return s;
    },
  ),
  Latin1: new Enc("iso-8859-1", (s) => singleByte(s, 256), (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1")),
  GetEncoding(name: string): Enc {
    const n = name.toLowerCase();
    if (n === "utf-8" || n === "utf8") return Encoding.UTF8;
    if (n === "us-ascii" || n === "ascii") return Encoding.ASCII;
    if (n === "utf-16" || n === "unicode") return Encoding.Unicode;
    if (n === "iso-8859-1" || n === "latin1") return Encoding.Latin1;
    throw argumentError(`'${name}' is not a supported encoding name.`);
  },
};

// ---- Uri / WebUtility ----------------------------------------------------------------------------
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
export function uriIsWellFormed(s: string | null, kind: number): boolean {
  if (s === null) return false;
  if (kind === 2) return !/^[a-z][a-z0-9+.-]*:/i.test(s) && !/[\s]/.test(s);
  try {
    new URL(s);
    return !/[\s]/.test(s) && (kind !== 1 || /^[a-z][a-z0-9+.-]*:\/\//i.test(s));
  } catch {
    return kind === 0 && !/[\s]/.test(s);
  }
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
/** WebUtility.UrlEncode: spaces → '+', upper-case hex; unreserved -_.!*() stay. */
export function urlEncode(s: string | null): string | null {
  if (s === null) return null;
  return encodeURIComponent(s)
    .replace(/%20/g, "+")
    .replace(/'/g, "%27")
    .replace(/~/g, "%7E");
}
export function urlEncodeLower(s: string | null): string | null {
  const e = urlEncode(s);
  return e === null ? null : e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}
export function urlDecode(s: string | null): string | null {
  if (s === null) return null;
  return unescapeDataString(s.replace(/\+/g, " "));
}
export function htmlEncode(s: string | null): string | null {
  if (s === null) return null;
  // .NET Framework also writes U+00A0..U+00FF and surrogate pairs as numeric references
  return s.replace(/[&<>"'\u00a0-\u00ff]|[\ud800-\udbff][\udc00-\udfff]/g, (c) =>
    c.length === 2 ? `&#${c.codePointAt(0)};` : c.charCodeAt(0) >= 0xa0 ? `&#${c.charCodeAt(0)};` : ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}
/** The HTML 4 named character references (WebUtility.HtmlDecode's table), name:code. */
const HTML_ENTITIES_SRC =
  "nbsp:160 iexcl:161 cent:162 pound:163 curren:164 yen:165 brvbar:166 sect:167 uml:168 copy:169 ordf:170 laquo:171 not:172 shy:173 reg:174 macr:175 deg:176 plusmn:177 sup2:178 sup3:179 acute:180 micro:181 para:182 middot:183 cedil:184 sup1:185 ordm:186 raquo:187 frac14:188 frac12:189 frac34:190 iquest:191 Agrave:192 Aacute:193 Acirc:194 Atilde:195 Auml:196 Aring:197 AElig:198 Ccedil:199 Egrave:200 Eacute:201 Ecirc:202 Euml:203 Igrave:204 Iacute:205 Icirc:206 Iuml:207 ETH:208 Ntilde:209 Ograve:210 Oacute:211 Ocirc:212 Otilde:213 Ouml:214 times:215 Oslash:216 Ugrave:217 Uacute:218 Ucirc:219 Uuml:220 Yacute:221 THORN:222 szlig:223 agrave:224 aacute:225 acirc:226 atilde:227 auml:228 aring:229 aelig:230 ccedil:231 egrave:232 eacute:233 ecirc:234 euml:235 igrave:236 iacute:237 icirc:238 iuml:239 eth:240 ntilde:241 ograve:242 oacute:243 ocirc:244 otilde:245 ouml:246 divide:247 oslash:248 ugrave:249 uacute:250 ucirc:251 uuml:252 yacute:253 thorn:254 yuml:255 Alpha:913 Beta:914 Gamma:915 Delta:916 Epsilon:917 Zeta:918 Eta:919 Theta:920 Iota:921 Kappa:922 Lambda:923 Mu:924 Nu:925 Xi:926 Omicron:927 Pi:928 Rho:929 Sigma:931 Tau:932 Upsilon:933 Phi:934 Chi:935 Psi:936 Omega:937 alpha:945 beta:946 gamma:947 delta:948 epsilon:949 zeta:950 eta:951 theta:952 iota:953 kappa:954 lambda:955 mu:956 nu:957 xi:958 omicron:959 pi:960 rho:961 sigmaf:962 sigma:963 tau:964 upsilon:965 phi:966 chi:967 psi:968 omega:969 quot:34 amp:38 apos:39 lt:60 gt:62 OElig:338 oelig:339 Scaron:352 scaron:353 Yuml:376 fnof:402 circ:710 tilde:732 thetasym:977 upsih:978 piv:982 ensp:8194 emsp:8195 thinsp:8201 zwnj:8204 zwj:8205 lrm:8206 rlm:8207 ndash:8211 mdash:8212 lsquo:8216 rsquo:8217 sbquo:8218 ldquo:8220 rdquo:8221 bdquo:8222 dagger:8224 Dagger:8225 bull:8226 hellip:8230 permil:8240 prime:8242 Prime:8243 lsaquo:8249 rsaquo:8250 oline:8254 frasl:8260 euro:8364 image:8465 weierp:8472 real:8476 trade:8482 alefsym:8501 larr:8592 uarr:8593 rarr:8594 darr:8595 harr:8596 crarr:8629 lArr:8656 uArr:8657 rArr:8658 dArr:8659 hArr:8660 forall:8704 part:8706 exist:8707 empty:8709 nabla:8711 isin:8712 notin:8713 ni:8715 prod:8719 sum:8721 minus:8722 lowast:8727 radic:8730 prop:8733 infin:8734 ang:8736 and:8743 or:8744 cap:8745 cup:8746 int:8747 there4:8756 sim:8764 cong:8773 asymp:8776 ne:8800 equiv:8801 le:8804 ge:8805 sub:8834 sup:8835 nsub:8836 sube:8838 supe:8839 oplus:8853 otimes:8855 perp:8869 sdot:8901 lceil:8968 rceil:8969 lfloor:8970 rfloor:8971 lang:9001 rang:9002 loz:9674 spades:9824 clubs:9827 hearts:9829 diams:9830";
let htmlEntities: Map<string, string> | null = null;
export function htmlDecode(s: string | null): string | null {
  if (s === null) return null;
  if (!s.includes("&")) return s;
  htmlEntities ??= new Map(HTML_ENTITIES_SRC.split(" ").map((e) => {
    const i = e.indexOf(":");
    return [e.slice(0, i), String.fromCharCode(Number(e.slice(i + 1)))];
  }));
  const table = htmlEntities;
  return s.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));/g, (m, d?: string, h?: string, name?: string) => {
    if (d !== undefined || h !== undefined) {
      const n = d !== undefined ? Number(d) : parseInt(h!, 16);
      return n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : m;
    }
    return table.get(name!) ?? m;
  });
}

// ---- Regex -----------------------------------------------------------------------------------------
class Capture {
  constructor(
    readonly Value: string,
    readonly Index: number,
  ) {}
  get Length(): number {
    return this.Value.length;
  }
  ToString(): string {
    return this.Value;
  }
}
export class Group extends Capture {
  constructor(
    value: string,
    index: number,
    readonly Success: boolean,
    readonly Name: string,
  ) {
    super(value, index);
  }
}
class GroupCollection implements Iterable<Group> {
  constructor(private readonly groups: Group[]) {}
  Item(k: string | number): Group {
    if (typeof k === "number") return this.groups.find((g) => g.Name === String(k)) ?? this.groups[k] ?? EMPTY_GROUP;
    return this.groups.find((g) => g.Name === k) ?? EMPTY_GROUP;
  }
  get Count(): number {
    return this.groups.length;
  }
  [Symbol.iterator](): Iterator<Group> {
    return this.groups[Symbol.iterator]();
  }
}
const EMPTY_GROUP = new Group("", 0, false, "");
export class Match extends Group {
  constructor(
    value: string,
    index: number,
    success: boolean,
    readonly Groups: GroupCollection,
    private readonly next: (() => Match) | null,
  ) {
    super(value, index, success, "0");
  }
  NextMatch(): Match {
    return this.next ? this.next() : Regex.EmptyMatch;
  }
  Result(repl: string): string {
    if (repl === null || repl === undefined) throw argumentNull("replacement");
    if (!this.Success) throw new DotNetException("System.NotSupportedException", "Result cannot be called on a failed Match.");
    return expandReplacement(repl, this);
  }
}
function expandReplacement(repl: string, m: Match): string {
  return repl.replace(/\$(\$|\d+|\{(\w+)\}|&|`|')/g, (tok, x: string, name?: string) => {
    if (x === "$") return "$";
    if (x === "&") return m.Value;
    const g = name !== undefined ? m.Groups.Item(/^\d+$/.test(name) ? Number(name) : name) : m.Groups.Item(Number(x));
    return g.Success ? g.Value : g === EMPTY_GROUP ? tok : "";
  });
}

// .NET character classes (Unicode-aware unless RegexOptions.ECMAScript).
const W_CLASS = "\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}";
const SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);

interface Translated {
  source: string;
  flags: string;
  /** .NET groups in .NET numbering order: name ("1", "2", ..., then named) → JS group indexes. */
  groups: { name: string; js: number[] }[];
}

/**
 * Translates a .NET pattern to a JS (`u` flag) RegExp source: Unicode \w \d \b, `$` before a final
 * newline, \A \Z \z, (?'n') and duplicate group names, .NET group numbering (unnamed groups first,
 * then named ones), escapes JS rejects in `u` mode, `.` not matching \n only, (?#...) comments.
 */
function translatePattern(p: string, opts: number): Translated {
  let flags = "u";
  let ignoreCase = (opts & 1) !== 0;
  let multiline = (opts & 2) !== 0;
  let singleline = (opts & 16) !== 0;
  let ignoreWs = (opts & 32) !== 0;
  let explicit = (opts & 4) !== 0;
  const ecma = (opts & 256) !== 0;
  let src = p;
  const lead = /^\(\?([imsxn]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === "i") ignoreCase = true;
      else if (f === "m") multiline = true;
      else if (f === "s") singleline = true;
      else if (f === "x") ignoreWs = true;
      else if (f === "n") explicit = true;
    }
    src = src.slice(lead[0].length);
  }
  if (ignoreCase) flags += "i";
  if (multiline) flags += "m";
  flags += "s"; // `.` is translated explicitly
  const W = ecma ? "A-Za-z0-9_" : W_CLASS;
  const D = ecma ? "0-9" : "\\p{Nd}";
  let out = "";
  let jsGroup = 0;
  const unnamed: number[] = [];
  const named = new Map<string, number[]>();
  let inClass = false;
  let classStart = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (ignoreWs && !inClass) {
      if (/\s/.test(c)) continue;
      if (c === "#") {
        while (i < src.length && src[i] !== "\n") i++;
        continue;
      }
    }
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) throw argumentError(`Invalid pattern '${p}': Illegal \\ at end of pattern.`);
      i++;
      switch (n) {
        case "w":
          out += inClass ? W : `[${W}]`;
          continue;
        case "W":
          out += inClass ? "\\W" : `[^${W}]`;
          continue;
        case "d":
          out += inClass ? D : `[${D}]`;
          continue;
        case "D":
          out += inClass ? "\\D" : `[^${D}]`;
          continue;
        case "b":
          out += inClass ? "\\x08" : `(?:(?<=[${W}])(?![${W}])|(?<![${W}])(?=[${W}]))`;
          continue;
        case "B":
          out += `(?:(?<=[${W}])(?=[${W}])|(?<![${W}])(?![${W}]))`;
          continue;
        case "A":
          out += "(?<![\\s\\S])";
          continue;
        case "Z":
          out += "(?=\\n?(?![\\s\\S]))";
          continue;
        case "z":
          out += "(?![\\s\\S])";
          continue;
        case "G":
          out += "";
          continue;
        case "k": {
          const m = /^k(?:<(\w+)>|'(\w+)')/.exec(src.slice(i));
          if (m) {
            const name = m[1] ?? m[2]!;
            const js = /^\d+$/.test(name) ? null : named.get(name);
            out += js && js.length ? `\\k<${jsName(name, 0)}>` : `\\${name}`;
            i += m[0].length - 1;
            continue;
          }
          out += "k";
          continue;
        }
        case "e":
          out += "\\x1B";
          continue;
        case "a":
          out += "\\x07";
          continue;
        case "p":
        case "P": {
          const m = /^[pP]\{(\w+)\}/.exec(src.slice(i));
          if (m) {
            const cat = m[1]!.startsWith("Is") ? `Script=${m[1]!.slice(2)}` : m[1]!;
            out += `\\${n}{${cat}}`;
            i += m[0].length - 1;
            continue;
          }
          out += `\\${n}`;
          continue;
        }
        default:
          if (/[0-9]/.test(n)) {
            // backreference by number: .NET numbering → JS group
            let num = n;
            while (/[0-9]/.test(src[i + 1] ?? "")) num += src[++i];
            if (inClass || num === "0") out += `\\x${Number.parseInt(num, 8).toString(16).padStart(2, "0")}`;
            else out += `\\${num}`; // fixed up after numbering is known
            continue;
          }
          if (/[A-Za-z]/.test(n)) {
            out += `\\${n}`; // \t \n \r \f \v \s \S \x \u \c ...
            continue;
          }
          if (SYNTAX.has(n) || (inClass && n === "-")) out += `\\${n}`;
          else out += n;
          continue;
      }
    }
    if (inClass) {
      if (c === "]" && !classStart) inClass = false;
      else if (c === "[" ) {
        out += "\\[";
        classStart = false;
        continue;
      }
      classStart = false;
      out += c;
      continue;
    }
    switch (c) {
      case "[":
        inClass = true;
        classStart = true;
        out += c;
        if (src[i + 1] === "^") {
          out += "^";
          i++;
        }
        if (src[i + 1] === "]") {
          out += "\\]";
          i++;
          classStart = false;
        }
        continue;
      case ".":
        out += singleline ? "[\\s\\S]" : "[^\\n]";
        continue;
      case "$":
        out += multiline ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
        continue;
      case "^":
        out += multiline ? "(?<![^\\n])" : "(?<![\\s\\S])";
        continue;
      case "{": {
        const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
        if (m) {
          out += m[0];
          i += m[0].length - 1;
        } else out += "\\{";
        continue;
      }
      case "}":
        out += "\\}";
        continue;
      case "]":
        out += "\\]";
        continue;
      case "(": {
        const rest = src.slice(i);
        if (rest.startsWith("(?#")) {
          const end = src.indexOf(")", i);
          i = end < 0 ? src.length : end;
          continue;
        }
        const m = /^\(\?(?:<(\w+)>|'(\w+)'|P<(\w+)>)/.exec(rest);
        if (m) {
          const name = m[1] ?? m[2] ?? m[3]!;
          jsGroup++;
          if (/^\d+$/.test(name)) {
            out += "(";
            const list = named.get(name) ?? [];
            list.push(jsGroup);
            named.set(name, list);
          } else {
            const list = named.get(name) ?? [];
            out += `(?<${jsName(name, list.length)}>`;
            list.push(jsGroup);
            named.set(name, list);
          }
          i += m[0].length - 1;
          continue;
        }
        if (rest.startsWith("(?")) {
          // (?: (?= (?! (?<= (?<! (?> and inline option groups
          if (rest.startsWith("(?>")) {
            out += "(?:";
            i += 2;
            continue;
          }
          const opt = /^\(\?([imsxn-]+)(:|\))/.exec(rest);
          if (opt) {
            out += opt[2] === ":" ? "(?:" : "";
            if (opt[2] === ")") out += "";
            i += opt[0].length - 1;
            continue;
          }
          out += "(";
          continue;
        }
        if (explicit) {
          out += "(?:";
          continue;
        }
        jsGroup++;
        unnamed.push(jsGroup);
        out += "(";
        continue;
      }
      default:
        out += c;
    }
  }
  // .NET numbering: unnamed groups 1..k, then named groups in order of first appearance
  const groups: { name: string; js: number[] }[] = [{ name: "0", js: [0] }];
  unnamed.forEach((g, k) => groups.push({ name: String(k + 1), js: [g] }));
  for (const [name, js] of named) {
    if (/^\d+$/.test(name)) {
      const existing = groups.find((g) => g.name === name);
      if (existing) existing.js.push(...js);
      else groups.push({ name, js });
    } else groups.push({ name, js });
  }
  // numbered backreferences: .NET number → JS index
  out = out.replace(/\\(\d+)/g, (tok, num: string, off: number) => {
    if (out[off - 1] === "\\") return tok;
    const g = groups.find((x) => x.name === num);
    return g ? `\\${g.js[g.js.length - 1]}` : tok;
  });
  return { source: out, flags, groups };
}
function jsName(name: string, k: number): string {
  return k === 0 ? name : `${name}__${k}`;
}

const regexCache = new Map<string, Regex>();
export class Regex {
  readonly $typeName = "System.Text.RegularExpressions.Regex";
  private readonly re: RegExp;
  private readonly groups: { name: string; js: number[] }[];
  static readonly EmptyMatch = new Match("", 0, false, new GroupCollection([EMPTY_GROUP]), null);
  constructor(pattern: string, opts: number) {
    if (pattern === null || pattern === undefined) throw argumentNull("pattern");
    let t: Translated;
    try {
      t = translatePattern(pattern, opts);
      this.re = new RegExp(t.source, `${t.flags}gd`);
    } catch (e) {
      if (e instanceof DotNetException) throw e;
      throw argumentError(`Invalid pattern '${pattern}': ${(e as Error).message}`);
    }
    this.groups = t.groups;
  }
  static get(pattern: string, opts: number): Regex {
    const key = `${opts}:${pattern}`;
    let r = regexCache.get(key);
    if (!r) {
      r = new Regex(pattern, opts);
      if (regexCache.size > 500) regexCache.clear();
      regexCache.set(key, r);
    }
    return r;
  }
  private exec(input: string, from: number): Match {
    if (input === null || input === undefined) throw argumentNull("input");
    const re = this.re;
    re.lastIndex = from;
    const m = re.exec(input);
    if (!m) return Regex.EmptyMatch;
    const ind = (m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices;
    const groups: Group[] = [];
    for (const g of this.groups) {
      // the last participating capture of the group's JS groups (duplicate names)
      let best = -1;
      for (const j of g.js) if (m[j] !== undefined && (best < 0 || (ind?.[j]?.[0] ?? 0) >= (ind?.[best]?.[0] ?? 0))) best = j;
      if (best < 0) groups.push(new Group("", 0, false, g.name));
      else groups.push(new Group(m[best]!, ind?.[best]?.[0] ?? 0, true, g.name));
    }
    // A unicode-mode RegExp started inside a surrogate pair backs up to the pair's start: an empty
    // match there is (as in .NET, which matches UTF-16 code units) at `from`, and the scan moves on
    // (else Matches/Replace would find the same empty match forever).
    const index = m[0].length === 0 && m.index < from ? from : m.index;
    const next = m[0].length === 0 ? index + 1 : index + m[0].length;
    return new Match(m[0], index, true, new GroupCollection(groups), next <= input.length ? () => this.exec(input, next) : null);
  }
  IsMatch(input: string): boolean {
    if (input === null || input === undefined) throw argumentNull("input");
    this.re.lastIndex = 0;
    return this.re.test(input);
  }
  Match(input: string): Match {
    return this.exec(input, 0);
  }
  Matches(input: string): Match[] {
    const out: Match[] = [];
    for (let m = this.exec(input, 0); m.Success; m = m.NextMatch()) out.push(m);
    return out;
  }
  Replace(input: string, repl: string | ((m: Match) => string)): string {
    if (input === null || input === undefined) throw argumentNull("input");
    if (repl === null || repl === undefined) throw argumentNull(typeof repl === "function" ? "evaluator" : "replacement");
    let out = "";
    let last = 0;
    for (const m of this.Matches(input)) {
      out += input.slice(last, m.Index) + (typeof repl === "function" ? (repl(m) ?? "") : expandReplacement(repl, m));
      last = m.Index + m.Length;
    }
    return out + input.slice(last);
  }
  /** .NET Split: the pieces between matches, with each match's captured groups (in group order) in between. */
  Split(input: string): string[] {
    if (input === null || input === undefined) throw argumentNull("input");
    const out: string[] = [];
    let last = 0;
    for (const m of this.Matches(input)) {
      out.push(input.slice(last, m.Index));
      let k = 0;
      for (const g of m.Groups) if (k++ > 0 && g.Success) out.push(g.Value);
      last = m.Index + m.Length;
    }
    out.push(input.slice(last));
    return out;
  }
}
export function regexEscape(s: string): string {
  return s.replace(/[\\*+?|{[()^$.#\s]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\f" ? "\\f" : c === " " ? "\\ " : `\\${c}`));
}
export function regexUnescape(s: string): string {
  if (s === null || s === undefined) throw argumentNull("str");
  return s.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|[0-7]{1,3}|.)/gs, (_m, e: string) => {
    switch (e[0]) {
      case "t":
        return "\t";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "f":
        return "\f";
      case "v":
        return "\v";
      case "a":
        return "\x07";
      case "e":
        return "\x1b";
      case "b":
        return "\b";
      case "x":
      case "u":
        return e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      case "c":
        return e.length > 1 ? String.fromCharCode(e.toUpperCase().charCodeAt(1) - 64) : e;
      default:
        return /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

// ---- hashing / HMAC / random ----------------------------------------------------------------------
class HashAlg {
  readonly $typeName = "System.Security.Cryptography.HashAlgorithm";
  Hash: Uint8Array | null = null;
  /** The HMAC key: bytes, or the text whose UTF-8 bytes it is (`new HMACSHA256(Encoding.UTF8.GetBytes(k))`, fused). */
  #key: Uint8Array | string | null;
  constructor(
    private readonly alg: string,
    key: Uint8Array | string | null,
  ) {
    this.#key = key;
  }
  get Key(): Uint8Array | null {
    const k = this.#key;
    return typeof k === "string" ? utf8Bytes(k) : k;
  }
  set Key(v: Uint8Array | null) {
    this.#key = v;
  }
  ComputeHash(b: Uint8Array | null): Uint8Array {
    if (b === null || b === undefined) throw argumentNull("buffer");
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    h.update(b);
    return (this.Hash = digestBytes(h));
  }
  /** Hash size in bits. */
  get HashSize(): number {
    return HASH_BITS[this.alg]!;
  }
  /** HMAC.HashName: "SHA256" for HMACSHA256. */
  get HashName(): string {
    return this.alg.toUpperCase();
  }
  #pending: Uint8Array[] = [];
  /** TransformBlock: hashes input[offset, offset+count), copies it to output when given; returns count. */
  TransformBlock(input: Uint8Array | null, offset: number, count: number, output: Uint8Array | null, outputOffset: number): number {
    const part = blockArgs(input, offset, count);
    if (output) output.set(part, outputOffset);
    this.#pending.push(part.slice());
    return count;
  }
  /** TransformFinalBlock: the last bytes; Hash is then the digest of every block since the last reset. Returns a copy of them. */
  TransformFinalBlock(input: Uint8Array | null, offset: number, count: number): Uint8Array {
    const part = blockArgs(input, offset, count).slice();
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    for (const p of this.#pending) h.update(p);
    h.update(part);
    this.#pending = [];
    this.Hash = digestBytes(h);
    return part;
  }
  Initialize(): void {
    this.#pending = [];
  }
  /** `ComputeHash(Encoding.UTF8.GetBytes(s))` (the compiler fuses the two): the same bytes hashed. */
  ComputeHashUtf8(s: string | null): Uint8Array {
    if (s === null || s === undefined) throw argumentNull("s");
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    h.update(s, "utf8");
    return (this.Hash = digestBytes(h));
  }
}
/**
 * The digest as a byte[] of its own. Read as a latin1 string (one char a byte) into a fresh array:
 * a digest is at most 64 bytes, and a Buffer result costs a new off-heap allocation that is
 * several times the price of this copy.
 */
function digestBytes(h: Hash | Hmac): Uint8Array {
  const s = h.digest("binary"); // latin1
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
const HASH_BITS: Record<string, number> = { md5: 128, sha1: 160, sha256: 256, sha384: 384, sha512: 512 };
function blockArgs(input: Uint8Array | null, offset: number, count: number): Uint8Array {
  if (input === null || input === undefined) throw argumentNull("inputBuffer");
  if (offset < 0) throw argumentOutOfRange("inputOffset", "Non-negative number required.");
  if (count < 0 || count > input.length) throw argumentError("Value was invalid.");
  if (input.length - count < offset) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
  return input.subarray(offset, offset + count);
}
/** HashAlgorithm.Create(name) / HMAC.Create(name): the algorithm by its .NET name, null when unknown. */
export function hashCreate(name: string | null, hmac: boolean): HashAlg | null {
  if (name === null || name === undefined) throw argumentNull("hashName");
  const n = name.toUpperCase().replace(/^SYSTEM\.SECURITY\.CRYPTOGRAPHY\./, "");
  const base = hmac ? (/^HMAC(MD5|SHA1|SHA256|SHA384|SHA512)$/.exec(n)?.[1] ?? null) : /^(MD5|SHA1|SHA256|SHA384|SHA512)$/.test(n) ? n : n === "SHA" ? "SHA1" : /^(SHA-?256|SHA256MANAGED)$/.test(n) ? "SHA256" : null;
  if (!base) return null;
  return new HashAlg(base.toLowerCase(), hmac ? randomBytes(64) : null);
}
export function newHash(alg: string, key: Uint8Array | null): HashAlg {
  return new HashAlg(alg, key);
}
/** `new HMACSHA256(Encoding.UTF8.GetBytes(key))` (fused by the compiler): the key kept as text, encoded by the HMAC. */
export function newHmacUtf8Key(alg: string, key: string | null): HashAlg {
  if (key === null || key === undefined) throw argumentNull("s");
  return new HashAlg(alg, key);
}
export function randomBytes(n: number): Uint8Array {
  return new Uint8Array(nodeRandomBytes(n));
}
export function newRng(): { GetBytes(b: Uint8Array): void } {
  return { GetBytes: (b: Uint8Array) => void globalThis.crypto.getRandomValues(b) };
}

// ---- APIM helpers -----------------------------------------------------------------------------------
function b64urlDecode(s: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) return null;
  return Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}
export class Jwt {
  readonly $typeName = "Microsoft.Azure.ApiManagement.Jwt";
  constructor(
    private readonly header: Record<string, unknown>,
    private readonly payload: Record<string, unknown>,
  ) {}
  private str(k: string, o: Record<string, unknown> = this.payload): string | null {
    const v = o[k];
    return v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v);
  }
  private date(k: string): DateTime | null {
    const v = this.payload[k];
    return typeof v === "number" ? DateTime.fromMs(v * 1000, 1) : null;
  }
  get Algorithm(): string | null {
    return this.str("alg", this.header);
  }
  get Type(): string | null {
    return this.str("typ", this.header);
  }
  get Id(): string | null {
    return this.str("jti");
  }
  get Issuer(): string | null {
    return this.str("iss");
  }
  get Subject(): string | null {
    return this.str("sub");
  }
  get Audiences(): string[] {
    const a = this.payload.aud;
    return a === undefined || a === null ? [] : Array.isArray(a) ? a.map((x) => toStr(x)) : [toStr(a)];
  }
  get ExpirationTime(): DateTime | null {
    return this.date("exp");
  }
  get IssuedAt(): DateTime | null {
    return this.date("iat");
  }
  get NotBefore(): DateTime | null {
    return this.date("nbf");
  }
  /** Claims: name → values (arrays as several values; objects as JSON text). */
  get Claims(): ClaimMap {
    const m = new ClaimMap();
    for (const [k, v] of Object.entries(this.payload)) {
      const vals = Array.isArray(v) ? v : [v];
      m.set(k, vals.map((x) => (typeof x === "string" ? x : typeof x === "boolean" ? (x ? "true" : "false") : JSON.stringify(x))));
    }
    return m;
  }
}
/** Jwt.Claims: IReadOnlyDictionary<string, string[]> with GetValueOrDefault returning comma-joined values. */
export class ClaimMap extends Map<string, string[]> {
  Item(k: string): string[] {
    const v = this.get(k);
    if (v === undefined) throw new DotNetException("System.Collections.Generic.KeyNotFoundException", `The given key '${k}' was not present in the dictionary.`);
    return v;
  }
  ContainsKey(k: string): boolean {
    return this.has(k);
  }
  TryGetValue(k: string): string[] | undefined {
    return this.get(k);
  }
  GetValueOrDefault(k: string, def: unknown = null): unknown {
    const v = this.get(k);
    return v === undefined ? def : v.join(",");
  }
  get Count(): number {
    return this.size;
  }
  get Keys(): string[] {
    return [...this.keys()];
  }
  get Values(): string[][] {
    return [...this.values()];
  }
}
export function asJwt(s: string | null): Jwt | null {
  if (s === null || s === undefined) return null;
  const parts = s.trim().split(".");
  if (parts.length !== 3 && parts.length !== 5) return null;
  try {
    const h = b64urlDecode(parts[0]!);
    const p = b64urlDecode(parts[1]!);
    if (!h || !p) return null;
    const header = JSON.parse(h.toString("utf8")) as unknown;
    const payload = JSON.parse(p.toString("utf8")) as unknown;
    if (!header || typeof header !== "object" || !payload || typeof payload !== "object") return null;
    return new Jwt(header as Record<string, unknown>, payload as Record<string, unknown>);
  } catch {
    return null;
  }
}
export function asBasic(s: string | null): { UserId: string; Password: string } | null {
  if (s === null || s === undefined) return null;
  const m = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(s);
  if (!m) return null;
  const text = Buffer.from(m[1]!, "base64").toString("utf8");
  const i = text.indexOf(":");
  if (i < 0) return null;
  return { UserId: text.slice(0, i), Password: text.slice(i + 1) };
}
const SYM: Record<string, string> = { aes: "aes", rijndael: "aes", tripledes: "des-ede3", des: "des" };
function symAlg(alg: string, key: Uint8Array): string {
  const base = SYM[alg.toLowerCase().replace(/[^a-z]/g, "")] ?? SYM[alg.toLowerCase()];
  if (!base) throw new DotNetException("System.Security.Cryptography.CryptographicException", `Algorithm '${alg}' is not supported.`);
  return base === "aes" ? `aes-${key.length * 8}-cbc` : `${base}-cbc`;
}
export function symEncrypt(input: Uint8Array, alg: string, key: Uint8Array, iv: Uint8Array): Uint8Array {
  if (!input) throw nullReference();
  const c = createCipheriv(symAlg(alg, key), key, iv);
  return new Uint8Array(Buffer.concat([c.update(input), c.final()]));
}
export function symDecrypt(input: Uint8Array, alg: string, key: Uint8Array, iv: Uint8Array): Uint8Array {
  if (!input) throw nullReference();
  const d = createDecipheriv(symAlg(alg, key), key, iv);
  try {
    return new Uint8Array(Buffer.concat([d.update(input), d.final()]));
  } catch {
    throw new DotNetException("System.Security.Cryptography.CryptographicException", "Padding is invalid and cannot be removed.");
  }
}
function formPairs(form: Iterable<{ Key: string; Value: string[] }>): string[] {
  const out: string[] = [];
  for (const e of form) for (const v of e.Value) out.push(`${encodeURIComponent(e.Key)}=${encodeURIComponent(v)}`);
  return out;
}
export function formToQueryString(form: Iterable<{ Key: string; Value: string[] }>): string {
  const p = formPairs(form);
  return p.length ? `?${p.join("&")}` : "";
}
export function formToContent(form: Iterable<{ Key: string; Value: string[] }>): string {
  return formPairs(form).join("&");
}
/** Client certificate validation is not available outside Azure: a certificate object may supply `verify()`. */
export function certVerify(c: { verify?: () => boolean } | null): boolean {
  if (c === null || c === undefined) throw nullReference();
  return typeof c.verify === "function" ? c.verify() : false;
}

registerTypeCheck("Uri", (v) => v instanceof Uri);
registerTypeCheck("Regex", (v) => v instanceof Regex);
registerTypeCheck("Jwt", (v) => v instanceof Jwt);
void ZERO_GUID;

/** Uri.EscapeUriString (obsolete in .NET 6, still allowed). */
export function escapeUriString(s: string | null): string {
  if (s === null) throw argumentNull("stringToEscape");
  return encodeURI(s);
}

/** Convert.FromBase64CharArray(chars, offset, length). */
export function fromBase64Chars(chars: number[] | null, offset: number, length: number): Uint8Array {
  if (chars === null || chars === undefined) throw argumentNull("inArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offset < 0) throw argumentOutOfRange("offset", "Value must be positive.");
  if (offset > chars.length - length) throw argumentOutOfRange("offset", "Offset and length must refer to a position in the string.");
  return fromBase64(String.fromCharCode(...chars.slice(offset, offset + length)));
}
/** Convert.ToBase64CharArray(bytes, offsetIn, length, chars, offsetOut): the number of chars written. */
export function toBase64Chars(b: Uint8Array | null, offsetIn: number, length: number, out: number[] | null, offsetOut: number): number {
  if (b === null || b === undefined) throw argumentNull("inArray");
  if (out === null || out === undefined) throw argumentNull("outArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offsetIn < 0) throw argumentOutOfRange("offsetIn", "Value must be positive.");
  if (offsetOut < 0) throw argumentOutOfRange("offsetOut", "Value must be positive.");
  if (offsetIn > b.length - length) throw argumentOutOfRange("offsetIn", "Offset and length must refer to a position in the string.");
  const s = toBase64(b.subarray(offsetIn, offsetIn + length));
  if (offsetOut > out.length - s.length) throw argumentOutOfRange("offsetOut", "Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
  for (let i = 0; i < s.length; i++) out[offsetOut + i] = s.charCodeAt(i);
  return s.length;
}
/**
 * WebUtility's byte-range arguments, checked as .NET checks them: a null array with count 0 is a
 * null result (false), otherwise ArgumentNull; offset and count must lie within the array.
 */
function checkedByteRange(b: Uint8Array | null, offset: number, count: number, name: string): b is Uint8Array {
  if (b === null || b === undefined) {
    if (count === 0) return false;
    throw argumentNull(name);
  }
  if (offset < 0 || offset > b.length) throw argumentOutOfRange("offset");
  if (count < 0 || offset + count > b.length) throw argumentOutOfRange("count");
  return true;
}
/** WebUtility.UrlEncodeToBytes(bytes, offset, count): unreserved bytes kept, space as '+', the rest %XX. */
export function urlEncodeToBytes(b: Uint8Array | null, offset: number, count: number): Uint8Array | null {
  if (!checkedByteRange(b, offset, count, "value")) return null;
  const out: number[] = [];
  const hex = "0123456789ABCDEF";
  for (const x of b.subarray(offset, offset + count)) {
    const safe = (x >= 48 && x <= 57) || (x >= 65 && x <= 90) || (x >= 97 && x <= 122) || x === 45 || x === 95 || x === 46 || x === 33 || x === 42 || x === 40 || x === 41;
    if (safe) out.push(x);
    else if (x === 32) out.push(43);
    else out.push(37, hex.charCodeAt(x >> 4), hex.charCodeAt(x & 15));
  }
  return new Uint8Array(out);
}
/** WebUtility.UrlDecodeToBytes(bytes, offset, count): '+' as space, %XX as its byte, anything else kept. */
export function urlDecodeToBytes(b: Uint8Array | null, offset: number, count: number): Uint8Array | null {
  if (!checkedByteRange(b, offset, count, "encodedValue")) return null;
  const h = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  const out: number[] = [];
  for (let i = offset; i < offset + count; i++) {
    const x = b[i]!;
    if (x === 43) out.push(32);
    else if (x === 37 && i + 2 < offset + count && h(b[i + 1]!) >= 0 && h(b[i + 2]!) >= 0) {
      out.push((h(b[i + 1]!) << 4) | h(b[i + 2]!));
      i += 2;
    } else out.push(x);
  }
  return new Uint8Array(out);
}

// System.Text.Encoding: UTF8, ASCII, Unicode (UTF-16 LE/BE), UTF32, Latin1 with .NET's replacement fallbacks.
import { argumentError, argumentNull, argumentOutOfRange, DotNetException } from "../errors.js";
import { utf7Bytes, utf7String } from "./utf7.js";

/** The runtime class of each encoding, by WebName (its ToString() and type name). */
const CLASS_NAMES: Readonly<Record<string, string>> = {
  "utf-8": "System.Text.UTF8Encoding", "us-ascii": "System.Text.ASCIIEncoding", "utf-16": "System.Text.UnicodeEncoding", "utf-16BE": "System.Text.UnicodeEncoding",
  "utf-32": "System.Text.UTF32Encoding", "utf-7": "System.Text.UTF7Encoding", "iso-8859-1": "System.Text.Latin1Encoding",
};
class Enc {
  constructor(
    readonly WebName: string,
    private readonly enc: (s: string) => Uint8Array,
    private readonly dec: (b: Uint8Array) => string,
    /** The shared instances (Encoding.UTF8, ...) are read-only; a Clone() is not. */
    readonly IsReadOnly = true,
    /** false for an encoding made without a byte order mark (new UnicodeEncoding(false, false), StringWriter's) */
    readonly $preamble = true,
  ) {}
  /** The same encoding without a byte order mark (its GetPreamble() is empty; not Equal to the one with it). */
  withoutPreamble(): Enc {
    return new Enc(this.WebName, this.enc, this.dec, true, false);
  }
  get $typeName(): string {
    return CLASS_NAMES[this.WebName] ?? "System.Text.Encoding";
  }
  ToString(): string {
    return this.$typeName;
  }
  /** Encoding.Clone(): a writable copy, equal to the original. */
  Clone(): Enc {
    return new Enc(this.WebName, this.enc, this.dec, false, this.$preamble);
  }
  /** Encoding.Equals: the same code page (and fallbacks, which apimc's encodings share). */
  Equals(o: unknown): boolean {
    return o instanceof Enc && o.WebName === this.WebName && o.$preamble === this.$preamble;
  }
  GetBytes(s: string | null): Uint8Array {
    if (s === null || s === undefined) throw argumentNull("s");
    return this.enc(s);
  }
  GetString(b: Uint8Array | null): string {
    if (b === null || b === undefined) throw argumentNull("bytes");
    return this.dec(b);
  }
  /** GetString(bytes, index, count), with .NET's argument checks. */
  GetStringRange(b: Uint8Array | null, index: number, count: number): string {
    return this.dec(range(b, index, count, "bytes"));
  }
  /** GetBytes(chars[, index, count]). */
  GetCharsBytes(chars: number[] | null, index?: number, count?: number): Uint8Array {
    const cs = index === undefined ? notNullArg(chars, "chars") : range(chars, index, count!, "chars");
    let s = "";
    for (let i = 0; i < cs.length; i++) s += String.fromCharCode(cs[i]!);
    return this.enc(s);
  }
}

/** `v is Encoding`. */
export const isEncoding = (v: unknown): boolean => v instanceof Enc;

function notNullArg<T>(a: T | null | undefined, name: string): T {
  if (a === null || a === undefined) throw argumentNull(name);
  return a;
}
/** `a[index..index+count]` with the checks every Encoding member with (array, index, count) makes, in its order. */
function range<T extends { length: number; slice(a: number, b: number): T }>(a: T | null, index: number, count: number, name: string): T {
  if (a === null || a === undefined) throw argumentNull(name);
  if (index < 0 || count < 0) throw argumentOutOfRange(index < 0 ? "index" : "count", "Non-negative number required.");
  if (a.length - index < count) throw argumentOutOfRange(name, "Index and count must refer to a location within the buffer.");
  return a.slice(index, index + count);
}
/** Lone surrogates replaced by U+FFFD (String.prototype.toWellFormed, which ES2023's types lack). */
const wellFormed = (s: string): string => (s as unknown as { toWellFormed(): string }).toWellFormed();
/**
 * UTF-16 code units of `b` (little- or big-endian) as .NET's UnicodeEncoding decodes them: a lone
 * surrogate and a trailing odd byte each become U+FFFD (the replacement fallback).
 */
function utf16Decode(b: Uint8Array, bigEndian: boolean): string {
  const n = b.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = bigEndian ? (b[2 * i]! << 8) | b[2 * i + 1]! : b[2 * i]! | (b[2 * i + 1]! << 8);
  let out = "";
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
      out += String.fromCharCode(u, units[++i]!);
    } else out += u >= 0xd800 && u <= 0xdfff ? "\ufffd" : String.fromCharCode(u);
  }
  return b.length & 1 ? out + "\ufffd" : out;
}
/** UTF-32 LE as UTF32Encoding decodes it: a value past U+10FFFF or a surrogate, and trailing bytes, become U+FFFD. */
function utf32Decode(b: Uint8Array): string {
  let s = "";
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let i = 0;
  for (; i + 3 < buf.length; i += 4) {
    const cp = buf.readUInt32LE(i);
    s += cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? "\ufffd" : String.fromCodePoint(cp);
  }
  return i < buf.length ? s + "\ufffd" : s;
}
// ignoreBOM: GetString keeps a leading EF BB BF as U+FEFF (only StreamReader-style readers drop it).
const utf8Dec = new TextDecoder("utf-8", { ignoreBOM: true });
/** UTF-8 bytes of a string; lone surrogates become U+FFFD (EF BF BD), as .NET's replacement fallback does. */
export function utf8Bytes(s: string): Uint8Array {
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
  // a lone surrogate encodes as U+FFFD (the replacement fallback)
  Unicode: new Enc("utf-16", (s) => new Uint8Array(Buffer.from(wellFormed(s), "utf16le")), (b) => utf16Decode(b, false)),
  BigEndianUnicode: new Enc("utf-16BE", (s) => new Uint8Array(Buffer.from(wellFormed(s), "utf16le").swap16()), (b) => utf16Decode(b, true)),
  UTF32: new Enc(
    "utf-32",
    (s) => {
      const cps = Array.from(wellFormed(s), (c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => b.writeUInt32LE(cp, i * 4));
      return new Uint8Array(b);
    },
    utf32Decode,
  ),
  UTF7: new Enc("utf-7", utf7Bytes, utf7String),
  Latin1: new Enc("iso-8859-1", (s) => singleByte(s, 256), (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1")),
  GetEncoding(name: string): Enc {
    if (name === null || name === undefined) throw argumentNull("name");
    const n = name.toLowerCase();
    if (n === "utf-8" || n === "utf8") return Encoding.UTF8;
    if (n === "us-ascii" || n === "ascii") return Encoding.ASCII;
    if (n === "utf-16" || n === "unicode") return Encoding.Unicode;
    if (n === "iso-8859-1" || n === "latin1") return Encoding.Latin1;
    if (n === "utf-7") return Encoding.UTF7;
    throw argumentError(`'${name}' is not a supported encoding name.`);
  },
  /**
   * GetEncoding(int codepage) as .NET Framework's: 0 is Default; 1, 2, 3 and 42 (the OEM/MAC/thread/
   * symbol pseudo pages) ArgumentException; outside 0-65535 ArgumentOutOfRange; a page .NET has no
   * data for NotSupportedException. apimc has the Unicode encodings, ASCII and Latin-1: the Windows
   * and ISO code pages beyond them are NotSupportedException that says so.
   */
  GetEncodingCp(cp: number): Enc {
    if (cp < 0 || cp > 65535) throw argumentOutOfRange("codepage", "Valid values are between 0 and 65535, inclusive.");
    const e = CODE_PAGES[cp];
    if (e) return e();
    if (cp === 1 || cp === 2 || cp === 3 || cp === 42) throw argumentError(`${cp} is not a supported code page.\r\nParameter name: codepage`);
    if (KNOWN_ELSEWHERE.has(cp)) throw new DotNetException("System.NotSupportedException", `apimc does not support code page ${cp} (it has UTF-8, UTF-16, UTF-32, UTF-7, US-ASCII and ISO-8859-1).`);
    throw new DotNetException("System.NotSupportedException", `No data is available for encoding ${cp}. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method.`);
  },
};

const CODE_PAGES: Readonly<Record<number, () => Enc>> = {
  0: () => Encoding.UTF8, 65001: () => Encoding.UTF8, 20127: () => Encoding.ASCII, 1200: () => Encoding.Unicode, 1201: () => Encoding.BigEndianUnicode,
  12000: () => Encoding.UTF32, 65000: () => Encoding.UTF7, 28591: () => Encoding.Latin1,
};
/** Code pages .NET Framework (and Mono's I18N) know that apimc lacks: Windows ANSI/OEM, ISO-8859-x, EBCDIC, CJK, KOI8, Mac. */
const KNOWN_ELSEWHERE = new Set([
  37, 437, 500, 708, 720, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 866, 869, 870, 874, 875, 932, 936, 949, 950, 1026, 1047,
  1140, 1141, 1142, 1143, 1144, 1145, 1146, 1147, 1148, 1149, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 1361, 10000, 10079, 12001,
  20866, 21866, 28592, 28593, 28594, 28595, 28596, 28597, 28598, 28599, 28603, 28605, 38598, 50220, 50221, 50222, 51932, 51936, 51949, 52936, 54936,
]);

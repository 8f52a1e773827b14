// Encoding's descriptive members (CodePage, EncodingName, preamble, size bounds) for the encodings
// apimc has, keyed by WebName, with .NET Framework's values.
import { argumentNull, argumentOutOfRange } from "../errors.js";

interface Info {
  codePage: number;
  /** The Windows code page closest to it (1200 for the Unicode encodings). */
  windows: number;
  name: string;
  bodyName: string;
  headerName: string;
  singleByte: boolean;
  preamble: number[];
  /** Bytes a char can take at most, and chars a byte at most (GetMaxByteCount / GetMaxCharCount). */
  maxBytes: (n: number) => number;
  maxChars: (n: number) => number;
  /** IsBrowserDisplay, IsBrowserSave, IsMailNewsDisplay, IsMailNewsSave, IsAlwaysNormalized() (form C). */
  flags: [boolean, boolean, boolean, boolean, boolean];
}
const INFO: Record<string, Info> = {
  "utf-8": { flags: [true, true, true, true, false], codePage: 65001, windows: 1200, name: "Unicode (UTF-8)", bodyName: "utf-8", headerName: "utf-8", singleByte: false, preamble: [0xef, 0xbb, 0xbf], maxBytes: (n) => (n + 1) * 3, maxChars: (n) => n + 1 },
  "us-ascii": { flags: [false, false, true, true, false], codePage: 20127, windows: 1252, name: "US-ASCII", bodyName: "us-ascii", headerName: "us-ascii", singleByte: true, preamble: [], maxBytes: (n) => n + 1, maxChars: (n) => n },
  "utf-16": { flags: [false, true, false, false, false], codePage: 1200, windows: 1200, name: "Unicode", bodyName: "utf-16", headerName: "utf-16", singleByte: false, preamble: [0xff, 0xfe], maxBytes: (n) => (n + 1) * 2, maxChars: (n) => (n >> 1) + (n & 1) + 1 },
  "utf-16BE": { flags: [false, false, false, false, false], codePage: 1201, windows: 1200, name: "Unicode (Big-Endian)", bodyName: "utf-16BE", headerName: "utf-16BE", singleByte: false, preamble: [0xfe, 0xff], maxBytes: (n) => (n + 1) * 2, maxChars: (n) => (n >> 1) + (n & 1) + 1 },
  "utf-32": { flags: [false, false, false, false, false], codePage: 12000, windows: 1200, name: "Unicode (UTF-32)", bodyName: "utf-32", headerName: "utf-32", singleByte: false, preamble: [0xff, 0xfe, 0, 0], maxBytes: (n) => (n + 1) * 4, maxChars: (n) => (n >> 1) + 2 },
  "utf-7": { flags: [false, false, true, true, false], codePage: 65000, windows: 1200, name: "Unicode (UTF-7)", bodyName: "utf-7", headerName: "utf-7", singleByte: false, preamble: [], maxBytes: (n) => n * 3 + 2, maxChars: (n) => n || 1 },
  "iso-8859-1": { flags: [true, true, true, true, true], codePage: 28591, windows: 1252, name: "Western European (ISO)", bodyName: "iso-8859-1", headerName: "iso-8859-1", singleByte: true, preamble: [], maxBytes: (n) => n + 1, maxChars: (n) => n },
};
const info = (e: { WebName: string } | null): Info => {
  if (e === null || e === undefined) throw new TypeError("null");
  return INFO[e.WebName]!;
};
export const encCodePage = (e: { WebName: string }) => info(e).codePage;
export const encWindowsCodePage = (e: { WebName: string }) => info(e).windows;
export const encName = (e: { WebName: string }) => info(e).name;
export const encBodyName = (e: { WebName: string }) => info(e).bodyName;
export const encHeaderName = (e: { WebName: string }) => info(e).headerName;
export const encIsSingleByte = (e: { WebName: string }) => info(e).singleByte;
/** Encoding.IsBrowserDisplay (0), IsBrowserSave (1), IsMailNewsDisplay (2), IsMailNewsSave (3), IsAlwaysNormalized() (4). */
export const encFlag = (e: { WebName: string }, i: number) => info(e).flags[i]!;
/** Encoding.Convert(src, dst, bytes[, index, count]): the text the bytes hold in src, in dst's bytes. */
export function encConvert(
  src: { GetString(b: Uint8Array): string; GetStringRange(b: Uint8Array, i: number, n: number): string } | null,
  dst: { GetBytes(s: string): Uint8Array } | null,
  bytes: Uint8Array | null,
  index?: number,
  count?: number,
): Uint8Array {
  if (src === null || src === undefined) throw argumentNull("srcEncoding");
  if (dst === null || dst === undefined) throw argumentNull("dstEncoding");
  if (bytes === null || bytes === undefined) throw argumentNull("bytes");
  return dst.GetBytes(index === undefined ? src.GetString(bytes) : src.GetStringRange(bytes, index, count!));
}
export const encPreamble = (e: { WebName: string; $preamble?: boolean }) => new Uint8Array(e.$preamble === false ? [] : info(e).preamble);
export function encMaxByteCount(e: { WebName: string }, n: number): number {
  const i = info(e);
  if (n < 0) throw argumentOutOfRange("charCount", "Non-negative number required.");
  return i.maxBytes(n);
}
export function encMaxCharCount(e: { WebName: string }, n: number): number {
  const i = info(e);
  if (n < 0) throw argumentOutOfRange("byteCount", "Non-negative number required.");
  return i.maxChars(n);
}
/** GetChars(bytes[, index, count]): the decoded text as a char[]. */
export function encGetChars(e: { GetString(b: Uint8Array): string; GetStringRange(b: Uint8Array, i: number, n: number): string }, b: Uint8Array | null, index?: number, count?: number): number[] {
  if (b === null || b === undefined) throw argumentNull("bytes");
  const s = index === undefined ? e.GetString(b) : e.GetStringRange(b, index, count!);
  return Array.from({ length: s.length }, (_v, i) => s.charCodeAt(i));
}

// char members over UTF-16 code units (a char is its code unit number): surrogates, code points,
// Unicode categories beyond core.ts's charIs.
import { DotNetException, argumentNull, argumentOutOfRange, argumentError } from "../errors.js";

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** The char at s[index] for the (string s, int index) overloads, with their argument checks. */
export function charAtArg(s: string | null, index: number): number {
  if (s === null || s === undefined) throw argumentNull("s");
  if (index < 0 || index >= s.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
  return s.charCodeAt(index);
}
/**
 * The character at s[index] for char.IsDigit/IsLetter/IsNumber/IsSeparator/IsSymbol/GetUnicodeCategory
 * (string, int): .NET Framework reads a surrogate pair there as its code point
 * (CharUnicodeInfo.GetUnicodeCategory(s, index)), so "\uD83D\uDE00" at 0 is a symbol.
 */
export function charCodePointAtArg(s: string | null, index: number): number {
  charAtArg(s, index);
  return s!.codePointAt(index)!;
}
/** char.IsSurrogatePair(high, low): both arguments evaluated (a helper, not a short-circuit `&&`). */
export function charIsSurrogatePair(high: number, low: number): boolean {
  return isHigh(high) && isLow(low);
}
export function charIsSurrogatePairAt(s: string | null, index: number): boolean {
  const c = charAtArg(s, index);
  return index + 1 < s!.length && isHigh(c) && isLow(s!.charCodeAt(index + 1));
}
export function charCategory(kind: "number" | "separator" | "symbol", c: number): boolean {
  const t = String.fromCodePoint(c);
  return kind === "number" ? /\p{N}/u.test(t) : kind === "separator" ? /\p{Z}/u.test(t) : /\p{S}/u.test(t);
}
export function charConvertFromUtf32(cp: number): string {
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw argumentOutOfRange("utf32", "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).");
  return String.fromCodePoint(cp);
}
export function charConvertToUtf32(high: number, low: number): number {
  if (!isHigh(high)) throw argumentOutOfRange("highSurrogate", "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
  if (!isLow(low)) throw argumentOutOfRange("lowSurrogate", "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
  return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}
export function charConvertToUtf32At(s: string | null, index: number): number {
  const c = charAtArg(s, index);
  if (isLow(c)) throw argumentError(`Found a low surrogate char without a preceding high surrogate at index: ${index}. The input may not be in this encoding, or may not contain valid surrogate pairs.`);
  if (!isHigh(c)) return c;
  const d = index + 1 < s!.length ? s!.charCodeAt(index + 1) : -1;
  if (!isLow(d)) throw argumentError(`Found a high surrogate char without a following low surrogate at index: ${index}. The input may not be in this encoding, or may not contain valid surrogate pairs.`);
  return charConvertToUtf32(c, d);
}
/** char.TryParse: exactly one character. */
export function charTryParse(s: string | null): number | undefined {
  return s !== null && s !== undefined && s.length === 1 ? s.charCodeAt(0) : undefined;
}

/** string.CopyTo(sourceIndex, destination, destinationIndex, count) into a char[]. */
export function strCopyTo(s: string, sourceIndex: number, dest: number[] | null, destIndex: number, count: number): void {
  if (s === null || s === undefined) throw new TypeError("null");
  if (dest === null || dest === undefined) throw argumentNull("destination");
  if (count < 0) throw argumentOutOfRange("count", "Count cannot be less than zero.");
  if (sourceIndex < 0) throw argumentOutOfRange("sourceIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (count > s.length - sourceIndex) throw argumentOutOfRange("sourceIndex", "Index and count must refer to a location within the string.");
  if (destIndex > dest.length - count || destIndex < 0) throw argumentOutOfRange("destinationIndex", "Index and count must refer to a location within the string.");
  for (let i = 0; i < count; i++) dest[destIndex + i] = s.charCodeAt(sourceIndex + i);
}

// .NET's UnicodeCategory order, by general category.
const CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"].map(
  (c) => new RegExp(`^\\p{${c}}$`, "u"),
);
/** char.GetUnicodeCategory: the UnicodeCategory value (OtherNotAssigned, 29, when none matches). */
export function charUnicodeCategory(c: number): number {
  const s = String.fromCodePoint(c);
  const i = CATEGORIES.findIndex((re) => re.test(s));
  return i < 0 ? 29 : i;
}

/**
 * Test-only (the fuzzer's Mono artefact rule, test/differential/generate/fuzz.ts): StringBuilder.CopyTo
 * in Mono's order. .NET Framework's reference source (StringBuilder.cs) checks count < 0 before the
 * destination range; Mono checks the destination range first.
 */
export const monoSbCopyTo = { on: false };
/** StringBuilder.CopyTo: .NET Framework checks the destination first, and too-long ranges are ArgumentExceptions. */
export function sbCopyTo(s: string, sourceIndex: number, dest: number[] | null, destIndex: number, count: number): void {
  if (dest === null || dest === undefined) throw argumentNull("destination");
  if (monoSbCopyTo.on) {
    // Mono (corefx's Span-based CopyTo) checks the destination range before the count
    if (destIndex < 0) throw argumentOutOfRange("destinationIndex", "'destinationIndex' must be non-negative.");
    if (destIndex > dest.length - count) throw argumentError("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
    if (destIndex > dest.length) throw new DotNetException("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values.");
  }
  if (count < 0) throw argumentOutOfRange("count", "Count cannot be less than zero.");
  if (destIndex < 0) throw argumentOutOfRange("destinationIndex", "'destinationIndex' must be non-negative.");
  if (destIndex > dest.length - count) throw argumentError("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
  if (sourceIndex < 0 || sourceIndex > s.length) throw argumentOutOfRange("sourceIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (sourceIndex > s.length - count) throw argumentError("Source string was not long enough. Check sourceIndex and count.");
  for (let i = 0; i < count; i++) dest[destIndex + i] = s.charCodeAt(sourceIndex + i);
}

// System.String members with .NET semantics (ordinal unless a StringComparison says otherwise).
import { argumentError, argumentNull, argumentOutOfRange, indexOutOfRange, nullReference } from "../errors.js";
import { cultureCompare, cultureEndsWith, cultureIndexOf, cultureLastIndexOf, cultureStartsWith, searchIsOrdinal, lowerCase, lowerCharInvariant, upperCase, upperCharInvariant } from "./collation.js";
import { numToString } from "./number-format.js";
import { toStr } from "./text-format.js";
import { envNewline } from "./newline.js";

const nn = (s: string | null): string => {
  if (s === null || s === undefined) throw nullReference();
  return s;
};
/** A string receiver of an instance member: null is a NullReferenceException. */
export const strRecv = nn;

export function strCharAt(s: string, i: number): number {
  nn(s);
  if (i < 0 || i >= s.length) throw indexOutOfRange();
  return s.charCodeAt(i);
}

/** `s.Split(c)` for one constant char and no options: the compiler passes the character. */
export function strSplitOn(s: string, sep: string): string[] {
  return nn(s).split(sep);
}

/** `s.Split(c)[0]` (fused by the compiler): the text before the first separator. */
export function strSplitFirst(s: string, sep: string): string {
  const i = nn(s).indexOf(sep);
  return i === -1 ? s : s.slice(0, i);
}
/** `s.Split(c).Last()` (fused by the compiler): the text after the last separator. */
export function strSplitLast(s: string, sep: string): string {
  return nn(s).slice(s.lastIndexOf(sep) + 1);
}

/** Split with char/string separators; options bit 1 = RemoveEmptyEntries. Empty/null separators split on whitespace. */
export function strSplit(s: string, seps: readonly (number | string)[] | null, options = 0, count = 2147483647): string[] {
  nn(s);
  if (count < 0) throw argumentOutOfRange("count", "Count cannot be less than zero.");
  const removeEmpty = (options & 1) !== 0;
  if (seps !== null && seps !== undefined && seps.length === 1 && count > 0) {
    // One separator (the common `s.Split('/')`): an indexOf loop; the same pieces as the general loop below.
    const x = seps[0];
    const sep = typeof x === "number" ? String.fromCharCode(x) : x;
    if (typeof sep === "string" && sep !== "") return splitOne(s, sep, removeEmpty, count);
  }
  const strs = (seps ?? []).map((x) => (typeof x === "number" ? String.fromCharCode(x) : x)).filter((x) => x !== null && x !== "");
  const parts: string[] = [];
  if (count === 0) return [];
  let start = 0;
  let i = 0;
  // (whitespace only for a null or empty separator array: null and "" entries are skipped, so
  // Split(new string[] { null }) or Split((string)null) does not split, as MakeSeparatorList)
  const ws = seps === null || seps === undefined || seps.length === 0;
  while (i < s.length) {
    let matchLen = 0;
    if (ws) {
      const c = s.charCodeAt(i);
      if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(s[i]!)) matchLen = 1;
    } else {
      for (const sep of strs) if (s.startsWith(sep, i)) {
        matchLen = sep.length;
        break;
      }
    }
    if (matchLen > 0) {
      const piece = s.slice(start, i);
      if (!(removeEmpty && piece === "")) {
        if (parts.length === count - 1) break;
        parts.push(piece);
      }
      i += matchLen;
      start = i;
    } else i++;
  }
  const last = s.slice(start);
  if (!(removeEmpty && last === "")) parts.push(last);
  else if (parts.length === 0 && !removeEmpty) parts.push("");
  return parts;
}
function splitOne(s: string, sep: string, removeEmpty: boolean, count: number): string[] {
  if (!removeEmpty && count === 2147483647) return s.split(sep);
  const parts: string[] = [];
  const w = sep.length;
  let start = 0;
  let j: number;
  while ((j = s.indexOf(sep, start)) !== -1) {
    if (!(removeEmpty && j === start)) {
      if (parts.length === count - 1) break;
      parts.push(s.slice(start, j));
    }
    start = j + w;
  }
  if (!(removeEmpty && start === s.length)) parts.push(s.slice(start));
  return parts;
}

export function strSubstring(s: string, start: number, length?: number): string {
  nn(s);
  if (start < 0 || start > s.length) throw argumentOutOfRange("startIndex", "startIndex cannot be larger than length of string.");
  if (length === undefined) return s.slice(start);
  if (length < 0 || start + length > s.length) throw argumentOutOfRange("length", "Index and length must refer to a location within the string.");
  return s.substr(start, length);
}

const ignoreCase = (cmp: number) => cmp === 1 || cmp === 3 || cmp === 5;
const fold = (s: string) => upperInv(s);

// Invariant casing maps one UTF-16 code unit to one (collation.ts has .NET's table): no ß → SS, no
// ligature expansion, no final sigma, and İ, ı, µ, ſ stay as they are.
export function upperInv(s: string): string {
  return upperCase(nn(s));
}
export function lowerInv(s: string): string {
  return lowerCase(nn(s));
}
export const charUpper = upperCharInvariant;
export const charLower = lowerCharInvariant;
export function strLen(s: string | null): number {
  return nn(s).length;
}
export function strPad(s: string, width: number, c: number, left: boolean): string {
  nn(s);
  if (width < 0) throw argumentOutOfRange("totalWidth", "Non-negative number required.");
  const ch = String.fromCharCode(c);
  return left ? s.padStart(width, ch) : s.padEnd(width, ch);
}

export function strIndexOf(s: string, v: string | null, start = 0, cmp = 0): number {
  nn(s);
  if (v === null) throw argumentNull("value");
  if (start < 0 || start > s.length) throw argumentOutOfRange("startIndex", "Index was out of range.");
  if (cmp < 4 && v.length > 0 && !searchIsOrdinal(s, v)) return cultureIndexOf(s, v, start, s.length, ignoreCase(cmp));
  return ignoreCase(cmp) ? fold(s).indexOf(fold(v), start) : s.indexOf(v, start);
}
export function strIndexOfAny(s: string, chars: number[]): number {
  nn(s);
  for (let i = 0; i < s.length; i++) if (chars.includes(s.charCodeAt(i))) return i;
  return -1;
}
export function strLastIndexOf(s: string, v: string | null, cmp = 0): number {
  nn(s);
  if (v === null) throw argumentNull("value");
  // .NET Framework: an empty value is found at the last index (Length - 1), not at Length
  if (v.length === 0) return s.length === 0 ? 0 : s.length - 1;
  if (cmp < 4 && !searchIsOrdinal(s, v)) return cultureLastIndexOf(s, v, 0, s.length, ignoreCase(cmp));
  return ignoreCase(cmp) ? fold(s).lastIndexOf(fold(v)) : s.lastIndexOf(v);
}
/**
 * `s.LastIndexOf(value, startIndex[, comparisonType])`: the last match that ends at or before
 * startIndex, as .NET Framework's String.LastIndexOf(String, Int32, Int32, StringComparison) with
 * count = startIndex + 1 (an empty string: startIndex 0 or -1 only; startIndex == Length allowed).
 */
export function strLastIndexOfFrom(s: string, v: string | null, start: number, cmp = 0): number {
  nn(s);
  if (v === null) throw argumentNull("value");
  if (s.length === 0 && (start === -1 || start === 0)) return v.length === 0 ? 0 : -1;
  if (start < 0 || start > s.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  let count = start + 1;
  if (start === s.length) {
    start--;
    if (count > 0) count--;
    if (v.length === 0 && start - count + 1 >= 0) return start;
  }
  if (v.length === 0) return start;
  const hay = ignoreCase(cmp) ? fold(s) : s;
  const needle = ignoreCase(cmp) ? fold(v) : v;
  const i = hay.lastIndexOf(needle, start - needle.length + 1);
  return i >= 0 && i >= start - count + 1 && i + needle.length - 1 <= start ? i : -1;
}
/** `s.LastIndexOf(char, startIndex)`: searches s[0..startIndex] backwards. */
export function strLastIndexOfCharFrom(s: string, c: number, start: number): number {
  nn(s);
  if (s.length === 0) return -1;
  if (start < 0 || start >= s.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  return s.lastIndexOf(String.fromCharCode(c), start);
}
/**
 * Ordinal comparison as .NET Framework returns it: the difference of the first differing UTF-16
 * code units (an empty string's "first char" is its terminating NUL), else the length difference.
 */
function ordinalDiff(a: string, b: string): number {
  const d0 = (a.charCodeAt(0) || 0) - (b.charCodeAt(0) || 0);
  if (d0 !== 0) return d0;
  // .NET Framework's CompareOrdinalHelper compares two chars at a time, reading the terminating NUL
  // past the end of the shorter string: "-42" vs "-42A…" is 0 - 'A', while "ab" vs "abcd" is -2.
  const at = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : 0);
  for (let i = 0, n = Math.min(a.length, b.length); n > 0; i += 2, n -= 2) {
    const a0 = at(a, i);
    const b0 = at(b, i);
    if (a0 !== b0) return a0 - b0;
    const a1 = at(a, i + 1);
    const b1 = at(b, i + 1);
    if (a1 !== b1) return a1 - b1;
  }
  return a.length - b.length;
}
/**
 * OrdinalIgnoreCase comparison as string.Compare returns it: the difference of the first differing
 * code units after invariant upper-casing, else the length difference (reference source
 * CompareOrdinalIgnoreCaseHelper for ASCII strings; Mono's TextInfo.CompareOrdinalIgnoreCase answers
 * non-ASCII strings the same way).
 */
function ordinalIgnoreCaseDiff(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  for (let i = 0, n = Math.min(x.length, y.length); i < n; i++) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
export function strStartsWith(s: string, v: string | null, cmp = 0): boolean {
  nn(s);
  if (v === null) throw argumentNull("value");
  if (cmp < 4 && !searchIsOrdinal(s, v)) return cultureStartsWith(s, v, ignoreCase(cmp));
  return ignoreCase(cmp) ? fold(s).startsWith(fold(v)) : s.startsWith(v);
}
export function strEndsWith(s: string, v: string | null, cmp = 0): boolean {
  nn(s);
  if (v === null) throw argumentNull("value");
  if (cmp < 4 && !searchIsOrdinal(s, v)) return cultureEndsWith(s, v, ignoreCase(cmp));
  return ignoreCase(cmp) ? fold(s).endsWith(fold(v)) : s.endsWith(v);
}
/** which: 1 start, 2 end, 3 both; chars null/empty = white space. */
export function strTrim(s: string, chars: number[] | null, which: number): string {
  nn(s);
  const set = chars && chars.length ? chars : null;
  let a = 0;
  let b = s.length;
  if (set === null) {
    if (which & 1) while (a < b && isTrimWs(s.charCodeAt(a))) a++;
    if (which & 2) while (b > a && isTrimWs(s.charCodeAt(b - 1))) b--;
  } else if (set.length === 1) {
    const t = set[0];
    if (which & 1) while (a < b && s.charCodeAt(a) === t) a++;
    if (which & 2) while (b > a && s.charCodeAt(b - 1) === t) b--;
  } else {
    if (which & 1) while (a < b && set.includes(s.charCodeAt(a))) a++;
    if (which & 2) while (b > a && set.includes(s.charCodeAt(b - 1))) b--;
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
const TRIM_WS = /[\s\u0085\u00a0\ufeff]/;
function isTrimWs(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : TRIM_WS.test(String.fromCharCode(c));
}
export function strReplace(s: string, oldValue: string | null, newValue: string | null): string {
  nn(s);
  if (oldValue === null) throw argumentNull("oldValue");
  if (oldValue === "") throw argumentError("String cannot be of zero length.\r\nParameter name: oldValue");
  let j = s.indexOf(oldValue);
  if (j === -1) return s;
  // Ordinal, left to right, non-overlapping; the replacement is literal (no `$&` patterns).
  const nv = newValue ?? "";
  const w = oldValue.length;
  let out = "";
  let from = 0;
  do {
    out += s.slice(from, j) + nv;
    from = j + w;
  } while ((j = s.indexOf(oldValue, from)) !== -1);
  return out + s.slice(from);
}
export function strInsert(s: string, i: number, v: string | null): string {
  nn(s);
  if (v === null) throw argumentNull("value");
  if (i < 0 || i > s.length) throw argumentOutOfRange("startIndex", "Index was out of range.");
  return s.slice(0, i) + v + s.slice(i);
}
export function strRemove(s: string, i: number, count?: number): string {
  nn(s);
  // (Remove(startIndex) needs startIndex < Length; Remove(startIndex, 0) may stand at the end)
  if (i < 0 || i > s.length || (count === undefined && i === s.length)) throw argumentOutOfRange("startIndex", "startIndex must be less than length of string.");
  if (count === undefined) return s.slice(0, i);
  if (count < 0 || i + count > s.length) throw argumentOutOfRange("count", "Index and count must refer to a location within the string.");
  return s.slice(0, i) + s.slice(i + count);
}
export function strEquals(a: string | null, b: string | null, cmp = 4): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b || (a == null && b == null);
  if (cmp < 4) return a === b || cultureCompare(a, b, ignoreCase(cmp)) === 0;
  return ignoreCase(cmp) ? fold(a) === fold(b) : a === b;
}
/** Compare by StringComparison: ordinal for Ordinal*, otherwise .NET's culture-sensitive order (collation.ts). */
export function strCompare(a: string | null, b: string | null, cmp = 0): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (cmp === 4) return ordinalDiff(a, b);
  if (cmp === 5) return ordinalIgnoreCaseDiff(a, b);
  return Math.sign(cultureCompare(a, b, ignoreCase(cmp)));
}
export function toCharArray(s: string): number[] {
  nn(s);
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
/** `char.IsX(string s, int index)`: the char, with ArgumentNull/ArgumentOutOfRange as char's methods check. */
export function charArgAt(s: string | null, i: number): number {
  if (s === null || s === undefined) throw argumentNull("s");
  if (i < 0 || i >= s.length) throw argumentOutOfRange("index");
  return s.charCodeAt(i);
}
/** `new string(char[] value, int startIndex, int length)`, with its argument checks. */
export function charsRangeToString(chars: number[] | null, start: number, len: number): string {
  if (chars === null || chars === undefined) throw argumentNull("value");
  if (start < 0) throw argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
  if (len < 0) throw argumentOutOfRange("length", "Length cannot be less than zero.");
  if (start > chars.length - len) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  return charsToString(chars.slice(start, start + len));
}
export function charsToString(chars: number[] | null): string {
  if (!chars) return "";
  let s = "";
  for (const c of chars) s += String.fromCharCode(c);
  return s;
}
export function isNullOrEmpty(s: string | null): boolean {
  return s === null || s === undefined || s === "";
}
export function isNullOrWhiteSpace(s: string | null): boolean {
  return s === null || s === undefined || /^[\s\u0085\u00a0\ufeff]*$/.test(s);
}
/** String.Join / Concat over any sequence (null items → ""). */
/**
 * String.Join / Concat. `fmt` is how the elements of a generic IEnumerable<T> print when T's values
 * are JS numbers that toStr cannot tell apart: "double"/"float" (1E+15) or "char" (a code unit).
 */
export function strJoin(sep: string | null, values: Iterable<unknown> | null, fmt?: string): string {
  if (values === null || values === undefined) throw argumentNull("values");
  if (fmt) {
    const show = (v: unknown) => (typeof v !== "number" ? toStr(v) : fmt === "char" ? String.fromCharCode(v) : numToString(v, fmt));
    return Array.from(values as Iterable<unknown>, show).join(sep ?? "");
  }
  if (Array.isArray(values)) {
    const n = values.length;
    if (n === 0) return "";
    const sp = sep ?? "";
    let out = toStr(values[0]);
    for (let i = 1; i < n; i++) out += sp + toStr(values[i]);
    return out;
  }
  const parts: string[] = [];
  const src = typeof values === "string" ? Array.from(values as string) : values;
  for (const v of src as Iterable<unknown>) parts.push(toStr(v));
  return parts.join(sep ?? "");
}

export class StringBuilder {
  readonly $typeName = "System.Text.StringBuilder";
  private s: string;
  /**
   * Capacity as .NET Framework's chunked StringBuilder has it: 16 or the initial text's length, then,
   * each time text overflows, a new chunk of max(overflow, min(capacity, 8000)); never less on removal.
   */
  private cap: number;
  constructor(init: string | null = "", capacity = 16) {
    this.s = init ?? "";
    this.cap = Math.max(capacity || 16, this.s.length);
  }
  /** After text grew past the capacity: the new chunk ExpandByABlock adds. */
  private grown(): void {
    const over = this.s.length - this.cap;
    if (over > 0) this.cap += Math.max(over, Math.min(this.cap, 8000));
  }
  Append(v: string | null): this {
    this.s += v ?? "";
    if (this.s.length > this.cap) this.grown();
    return this;
  }
  get Capacity(): number {
    return this.cap;
  }
  set Capacity(v: number) {
    if (v < 0) throw argumentOutOfRange("value", "Capacity must be positive.");
    if (v < this.s.length) throw argumentOutOfRange("value", "Capacity cannot be less than the current size.");
    this.cap = v;
  }
  setCapacity(v: number): number {
    this.Capacity = v;
    return v;
  }
  EnsureCapacity(n: number): number {
    if (n < 0) throw argumentOutOfRange("capacity", "Capacity must be positive.");
    if (this.cap < n) this.cap = n;
    return this.cap;
  }
  /** sb[i]: IndexOutOfRangeException outside the text (.NET Framework's getter). */
  charAt(i: number): number {
    if (i < 0 || i >= this.s.length) throw indexOutOfRange();
    return this.s.charCodeAt(i);
  }
  /** sb[i] = c: ArgumentOutOfRangeException "index" outside the text; the assignment's value is c. */
  setCharAt(i: number, c: number): number {
    if (i < 0 || i >= this.s.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
    this.s = this.s.slice(0, i) + String.fromCharCode(c) + this.s.slice(i + 1);
    return c;
  }
  /** `sb.Length = n`: truncates, or pads with '\0'. */
  setLength(n: number): number {
    if (n < 0) throw argumentOutOfRange("value", "Length cannot be less than zero.");
    this.s = n <= this.s.length ? this.s.slice(0, n) : this.s.padEnd(n, "\0");
    if (this.s.length > this.cap) this.grown();
    return n;
  }
  AppendLine(v: string | null): this {
    return this.Append(v).Append(envNewline.text);
  }
  Insert(i: number, v: string | null): this {
    const n = (v ?? "").length;
    this.s = strInsert(this.s, i, v ?? "");
    // MakeRoom: a chunk of max(count, 16) when the text no longer fits
    if (this.s.length > this.cap) this.cap += Math.max(n, 16, this.s.length - this.cap);
    return this;
  }
  Replace(a: string, b: string | null): this {
    this.s = strReplace(this.s, a, b);
    if (this.s.length > this.cap) this.grown();
    return this;
  }
  Remove(i: number, n: number): this {
    this.s = strRemove(this.s, i, n);
    return this;
  }
  Clear(): this {
    this.s = "";
    return this;
  }
  get Length(): number {
    return this.s.length;
  }
  ToString(): string {
    return this.s;
  }
}
/** LastIndexOfAny(anyOf[, startIndex[, count]]): searches backward from startIndex over count chars. */
export function strLastIndexOfAny(s: string, chars: number[] | null, start?: number, count?: number): number {
  nn(s);
  if (chars === null || chars === undefined) throw argumentNull("anyOf");
  if (s.length === 0) return -1;
  const from = start ?? s.length - 1;
  if (from < 0 || from >= s.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  const n = count ?? from + 1;
  if (n < 0 || n - 1 > from) throw argumentOutOfRange("count", "Count must be positive and count must refer to a location within the string/array/collection.");
  for (let i = from; i > from - n; i--) if (chars.includes(s.charCodeAt(i))) return i;
  return -1;
}

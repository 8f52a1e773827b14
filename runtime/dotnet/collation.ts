// Culture-sensitive string comparison and casing as .NET Framework does them (invariant and en-US
// order alike): string.Compare / CompareTo / StringComparer.*Culture* and the default string
// comparer of OrderBy, List.Sort, Min/Max. JavaScript's localeCompare (ICU/UCA) orders punctuation,
// symbols, digits and surrogates differently from Windows' NLS weights that .NET Framework uses.
//
// The weights are Mono's managed collator's (MSCompatUnicodeTable, built to match NLS), dumped by
// scripts/gen-collation.mjs into collation-table.ts; the walk below follows how that collator
// compares two strings, quirks included (the fuzzer checks apimc against Mono):
// - ignorable characters are skipped;
// - each character gives (category, level 1) primary weights, compared at once; a level-2
//   (diacritic) or level-3 (case/width) difference is remembered and only decides when no primary
//   difference follows (a later level-2 difference outranks an earlier level-3 one);
// - combining marks (category 1) add their level-2 weight to the character before them;
// - "word sort": characters of category 6 ('-', '\'', control characters, soft hyphen, dashes)
//   weigh nothing at levels 1-4; the first unmatched one decides last (its position, then weight);
// - Æ, ß, Œ, ligatures ... compare as their expansions ("AE", "ss", ...);
// - a string that is a prefix of the other (at level 1) sorts first.
// Not modelled: Japanese kana extenders (U+3005, U+309D ...) and the CJK tables of zh/ja/ko cultures.
import { inflateRawSync } from "node:zlib";
import { EXPANSIONS, LOWER_CULTURE, UPPER_CULTURE, WEIGHTS } from "./collation-table.js";

const N = 0x10000;
const F_IGNORABLE = 1;
const F_NONSPACING = 2;
const F_KANA = 4;
const F_SMALL_KANA = 8;
const F_HIRAGANA = 16;
const F_HALF_WIDTH = 32;
const F_EXPANSION = 64; // set at load: compares as a sequence (EXPANSIONS)
const F_PLAIN = 128; // set at load: neither ignorable, combining, word-sort nor expanding

interface Tables {
  cat: Uint8Array;
  l1: Uint8Array;
  l2: Uint8Array;
  l3: Uint8Array;
  flags: Uint8Array;
  /** category << 8 | level 1: the primary weight as one number. */
  primary: Uint16Array;
  lower: Uint16Array;
  upper: Uint16Array;
  expansions: Map<number, string>;
}
let tables: Tables | null = null;

/** Decoded on first use (about 0.6 MB of typed arrays from 13 KB of text). */
function load(): Tables {
  if (tables) return tables;
  const raw = new Uint8Array(inflateRawSync(Buffer.from(WEIGHTS, "base64")));
  const map = (at: number): Uint16Array => {
    const m = new Uint16Array(N);
    for (let c = 0; c < N; c++) m[c] = (c + raw[at + 2 * c]! + (raw[at + 2 * c + 1]! << 8)) & 0xffff;
    return m;
  };
  const cat = raw.subarray(0, N);
  const l1 = raw.subarray(N, 2 * N);
  const flags = raw.subarray(4 * N, 5 * N);
  const primary = new Uint16Array(N);
  for (const [c] of EXPANSIONS) flags[c]! |= F_EXPANSION;
  for (let c = 0; c < N; c++) {
    primary[c] = (cat[c]! << 8) | l1[c]!;
    if (cat[c] !== 1 && cat[c] !== 6 && !(flags[c]! & (F_IGNORABLE | F_EXPANSION))) flags[c]! |= F_PLAIN;
  }
  tables = {
    cat,
    l1,
    l2: raw.subarray(2 * N, 3 * N),
    l3: raw.subarray(3 * N, 4 * N),
    flags,
    primary,
    lower: map(5 * N),
    upper: map(7 * N),
    expansions: new Map(EXPANSIONS.map(([c, s]) => [c, String.fromCharCode(...s)])),
  };
  return tables;
}

/** Where a string's walk resumes after the expansion it is inside. */
interface Resume {
  s: string;
  start: number;
  index: number;
  end: number;
}

/**
 * Culture-sensitive comparison of two non-null strings (CompareOptions.None or IgnoreCase): the sign
 * is what matters (callers normalize it); magnitudes are arbitrary, as .NET's.
 */
export function cultureCompare(a: string, b: string, ignoreCase: boolean): number {
  if (a === b) return 0;
  const t = tables ?? load();
  const { cat, flags, primary } = t;
  const lower = ignoreCase ? t.lower : null;
  // Skip the common prefix: walking identical text in lockstep changes no state. Resume at a
  // character that starts a unit (not a combining mark) in both strings.
  const m = a.length < b.length ? a.length : b.length;
  let p = 0;
  while (p < m && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && (markAt(cat, a, p) || markAt(cat, b, p))) {
    p--;
    while (p > 0 && cat[a.charCodeAt(p)] === 1) p--;
  } else if (p < m) {
    // The usual case: the first difference is between two plain characters whose primary weights
    // differ, and no combining mark follows either; that decides.
    let x = a.charCodeAt(p), y = b.charCodeAt(p);
    if (lower !== null) {
      x = lower[x]!;
      y = lower[y]!;
    }
    if (flags[x]! & flags[y]! & F_PLAIN && primary[x] !== primary[y] && !markAt(cat, a, p + 1) && !markAt(cat, b, p + 1)) return primary[x]! - primary[y]!;
  }
  return walk(t, a, b, p, lower);
}

/** The general comparison, from position p (a unit start in both strings, with nothing pending). */
function walk(t: Tables, a: string, b: string, p: number, lower: Uint16Array | null): number {
  const { cat, l1, l2, l3, flags } = t;
  let s1 = a, i1 = p, st1 = 0, e1 = a.length;
  let s2 = b, i2 = p, st2 = 0, e2 = b.length;
  let r1: Resume | null = null;
  let r2: Resume | null = null;
  let final = 0;
  let level = 5; // the levels still compared: 5 all, 4 below word sort, 3 .. 1
  let at1 = -1, at2 = -1, w1 = 0, w2 = 0; // the pending word-sort character: position, weight
  let k1l2 = 0, k2l2 = 0;

  for (;;) {
    while (i1 < e1 && flags[s1.charCodeAt(i1)]! & F_IGNORABLE) i1++;
    while (i2 < e2 && flags[s2.charCodeAt(i2)]! & F_IGNORABLE) i2++;
    if (i1 >= e1) {
      if (r1 === null) break;
      ({ s: s1, start: st1, index: i1, end: e1 } = r1);
      r1 = null;
      continue;
    }
    if (i2 >= e2) {
      if (r2 === null) break;
      ({ s: s2, start: st2, index: i2, end: e2 } = r2);
      r2 = null;
      continue;
    }
    const cur1 = i1, cur2 = i2;
    let c1 = s1.charCodeAt(i1), c2 = s2.charCodeAt(i2);
    if (lower !== null) {
      c1 = lower[c1]!;
      c2 = lower[c2]!;
    }
    const cat1 = cat[c1]!, cat2 = cat[c2]!;
    if (cat1 === 6) {
      if (level === 5) {
        at1 = r1 ? r1.index - r1.start : cur1 - st1;
        w1 = l1[c1]! << ((8 + l3[c1]!) & 31);
      }
      i1++;
    }
    if (cat2 === 6) {
      if (level === 5) {
        at2 = r2 ? r2.index - r2.start : cur2 - st2;
        w2 = l1[c2]! << ((8 + l3[c2]!) & 31);
      }
      i2++;
    }
    if (cat1 === 6 || cat2 === 6) {
      if (level === 5) {
        if (w1 === w2) {
          at1 = at2 = -1;
          w1 = w2 = 0;
        } else level = 4;
      }
      continue;
    }
    const x1 = r1 === null && flags[s1.charCodeAt(i1)]! & F_EXPANSION ? t.expansions.get(s1.charCodeAt(i1)) : undefined;
    if (x1 !== undefined) {
      r1 = { s: s1, start: st1, index: cur1 + 1, end: e1 };
      s1 = x1;
      i1 = st1 = 0;
      e1 = x1.length;
      continue;
    }
    const x2 = r2 === null && flags[s2.charCodeAt(i2)]! & F_EXPANSION ? t.expansions.get(s2.charCodeAt(i2)) : undefined;
    if (x2 !== undefined) {
      r2 = { s: s2, start: st2, index: cur2 + 1, end: e2 };
      s2 = x2;
      i2 = st2 = 0;
      e2 = x2.length;
      continue;
    }
    i1++;
    i2++;
    if (level > 1) {
      k1l2 = l2[c1]!;
      k2l2 = l2[c2]!;
    }
    // combining marks add their diacritic weight to the character before them
    while (i1 < e1 && cat[s1.charCodeAt(i1)] === 1) k1l2 = ((k1l2 || 2) + l2[s1.charCodeAt(i1++)]!) & 255;
    while (i2 < e2 && cat[s2.charCodeAt(i2)] === 1) k2l2 = ((k2l2 || 2) + l2[s2.charCodeAt(i2++)]!) & 255;

    const primary = cat1 - cat2 || l1[c1]! - l1[c2]!;
    if (primary !== 0) return primary;
    if (level === 1) continue;
    if (k1l2 !== k2l2) {
      final = k1l2 - k2l2;
      level = 1;
      continue;
    }
    if (level === 2) continue;
    if (l3[c1] !== l3[c2]) {
      final = l3[c1]! - l3[c2]!;
      level = 2;
      continue;
    }
    if (level === 3) continue;
    const kana1 = (flags[c1]! & F_KANA) !== 0;
    if (kana1 !== ((flags[c2]! & F_KANA) !== 0)) {
      final = kana1 ? 1 : -1;
      level = 3;
      continue;
    }
    if (kana1) {
      // small before normal kana, katakana before hiragana, half width before full width
      const f1 = flags[c1]!, f2 = flags[c2]!;
      const k = flagOrder(f1, f2, F_SMALL_KANA, true) || flagOrder(f1, f2, F_HIRAGANA, false) || flagOrder(f1, f2, F_HALF_WIDTH, true);
      if (k !== 0) {
        final = k;
        level = 3;
      }
    }
  }
  // The string that did not end may be at the end of an expansion with text after it. (Mono
  // forgets that text here, so that "æ" equals "æs"; .NET sorts the prefix first.)
  if (i1 >= e1 && r1 !== null) ({ s: s1, index: i1, end: e1 } = r1);
  if (i2 >= e2 && r2 !== null) ({ s: s2, index: i2, end: e2 } = r2);
  while (i1 < e1 && flags[s1.charCodeAt(i1)]! & F_IGNORABLE) i1++;
  while (i2 < e2 && flags[s2.charCodeAt(i2)]! & F_IGNORABLE) i2++;
  if (level === 1 && final !== 0) {
    while (i1 < e1 && flags[s1.charCodeAt(i1)]! & F_NONSPACING) i1++;
    while (i2 < e2 && flags[s2.charCodeAt(i2)]! & F_NONSPACING) i2++;
  }
  if (final === 0) {
    if (at1 < 0 && at2 >= 0) final = -1;
    else if (at2 < 0 && at1 >= 0) final = 1;
    else final = at1 - at2 || w1 - w2;
  }
  return i1 !== e1 ? 1 : i2 === e2 ? final : -1;
}

/** Whether s[i] is a combining mark (false past the end: a typed array read out of range is slow). */
function markAt(cat: Uint8Array, s: string, i: number): boolean {
  return i < s.length && cat[s.charCodeAt(i)] === 1;
}
/** Ordering by one flag: set sorts after unset, or before it when `setFirst`. */
function flagOrder(f1: number, f2: number, bit: number, setFirst: boolean): number {
  const a = (f1 & bit) !== 0;
  if (a === ((f2 & bit) !== 0)) return 0;
  return a === setFirst ? -1 : 1;
}

// ---- casing ------------------------------------------------------------------------------------

const ASCII = /^[\x00-\x7f]*$/;
let cultureLower: Map<number, number> | null = null;
let cultureUpper: Map<number, number> | null = null;
const pairs = (a: readonly number[]) => {
  const m = new Map<number, number>();
  for (let i = 0; i < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
  return m;
};

/**
 * How a culture cases: "invariant" (CultureInfo.InvariantCulture, and the current culture, which is
 * invariant here), "turkic" (tr, az: i ↔ İ, ı ↔ I) or "specific" (every other named culture, which
 * also maps İ → i, ı → I, µ → Μ ... as Windows' default casing does).
 */
export type Casing = "invariant" | "turkic" | "specific";

function mapChars(s: string, m: Uint16Array, extra: Map<number, number> | null, turkic: number): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const turkicI = turkic !== 0 && (c === 0x69 || c === 0x49 || c === 0x130 || c === 0x131);
    out += String.fromCharCode(turkicI ? turkicMap(c, turkic) : (extra?.get(c) ?? m[c]!));
  }
  return out;
}
/** Turkish/Azeri casing of the four i's; `dir` 1 lower, 2 upper. */
function turkicMap(c: number, dir: number): number {
  if (dir === 1) return c === 0x49 ? 0x131 : c === 0x130 ? 0x69 : c;
  return c === 0x69 ? 0x130 : c === 0x131 ? 0x49 : c;
}

/** ToLower of a non-null string under a culture's casing. */
export function lowerCase(s: string, casing: Casing = "invariant"): string {
  if (ASCII.test(s) && casing !== "turkic") return s.toLowerCase();
  const extra = casing === "invariant" ? null : (cultureLower ??= pairs(LOWER_CULTURE));
  return mapChars(s, load().lower, extra, casing === "turkic" ? 1 : 0);
}
/** ToUpper of a non-null string under a culture's casing. */
export function upperCase(s: string, casing: Casing = "invariant"): string {
  if (ASCII.test(s) && casing !== "turkic") return s.toUpperCase();
  const extra = casing === "invariant" ? null : (cultureUpper ??= pairs(UPPER_CULTURE));
  return mapChars(s, load().upper, extra, casing === "turkic" ? 2 : 0);
}
/** char.ToLowerInvariant / ToUpperInvariant of one UTF-16 code unit. */
export function lowerCharInvariant(c: number): number {
  return load().lower[c & 0xffff]!;
}
export function upperCharInvariant(c: number): number {
  return load().upper[c & 0xffff]!;
}

// ---- culture-sensitive search --------------------------------------------------------------------

// ASCII without the characters the collator ignores or weighs specially (NUL, controls, '\'', '-'):
// there, equal under the culture is equal code unit by code unit (or after ASCII case folding).
const PLAIN_ASCII = /^[\t-\r\x20-\x26\x28-\x2c\x2e-\x7e]*$/;
/** Whether culture-sensitive search over these strings is ordinal search (after folding case when ignoring it). */
export function searchIsOrdinal(s: string, v: string): boolean {
  return PLAIN_ASCII.test(s) && PLAIN_ASCII.test(v);
}

/**
 * Whether s[i .. k) can be a match: it starts at neither an ignorable character nor a combining mark
 * and does not end inside a combining sequence ("e\u0301" does not contain "e").
 */
function boundary(t: Tables, s: string, i: number, k: number): boolean {
  if (i < s.length && (t.cat[s.charCodeAt(i)] === 1 || t.flags[s.charCodeAt(i)]! & F_IGNORABLE)) return false;
  return !(k < s.length && t.cat[s.charCodeAt(k)] === 1);
}
/** Whether some s[i .. k), i fixed, k up to end, compares equal to v. */
function matchesAt(s: string, v: string, i: number, end: number, ignoreCase: boolean): boolean {
  const t = tables ?? load();
  const w = s.length <= 512 ? s.length : 4 * v.length + 16; // expansions and ignorables make a match's length differ from v's
  for (let k = i + 1; k <= end && k - i <= w; k++) if (boundary(t, s, i, k) && cultureCompare(s.slice(i, k), v, ignoreCase) === 0) return true;
  return false;
}

/** Culture-sensitive IndexOf of a non-empty `v` in s[start .. end) ("straße" contains "ss", "e\u0301" contains "é"). */
export function cultureIndexOf(s: string, v: string, start: number, end: number, ignoreCase: boolean): number {
  for (let i = start; i < end; i++) if (matchesAt(s, v, i, end, ignoreCase)) return i;
  return -1;
}
/** Culture-sensitive LastIndexOf of a non-empty `v` within s[start .. end). */
export function cultureLastIndexOf(s: string, v: string, start: number, end: number, ignoreCase: boolean): number {
  for (let i = end - 1; i >= start; i--) if (matchesAt(s, v, i, end, ignoreCase)) return i;
  return -1;
}
/** Culture-sensitive StartsWith / EndsWith: some prefix (suffix) of s compares equal to v. */
export function cultureStartsWith(s: string, v: string, ignoreCase: boolean): boolean {
  if (cultureCompare("", v, ignoreCase) === 0) return true;
  const t = tables ?? load();
  for (let k = 1; k <= s.length; k++) if (boundary(t, s, 0, k) && cultureCompare(s.slice(0, k), v, ignoreCase) === 0) return true;
  return false;
}
export function cultureEndsWith(s: string, v: string, ignoreCase: boolean): boolean {
  if (cultureCompare("", v, ignoreCase) === 0) return true;
  const t = tables ?? load();
  for (let k = s.length - 1; k >= 0; k--) if (boundary(t, s, k, s.length) && cultureCompare(s.slice(k), v, ignoreCase) === 0) return true;
  return false;
}

// Character classes of the .NET regex engine (regex-net-*.ts), shaped as .NET's RegexCharClass: ranges
// and Unicode categories, a negation flag, and a subtracted class ([a-z-[aeiou]]). Membership is
// (ranges ∪ categories), negated when asked, minus the subtraction — CharInClassRecursive's order.
// Under IgnoreCase the parser lowercases the class (single characters are replaced by their lower
// case, ranges gain it: .NET's AddLowercase) and the matcher lowercases each input character.

import { lowerCharInvariant } from "./collation.js";

export interface CharSet {
  negate: boolean;
  /** Inclusive [first, last] pairs of UTF-16 code units. */
  ranges: number[];
  /** Unicode general categories (`Lu`, `L`, ...) or the engine's own W (word), S (space), D (digit); `neg` for \P / \W / \S / \D. */
  cats: { name: string; neg: boolean }[];
  sub: CharSet | null;
}

export const newSet = (): CharSet => ({ negate: false, ranges: [], cats: [], sub: null });
/** The set of the characters lo..hi (one character: lo = hi). */
export const rangeSet = (lo: number, hi: number): CharSet => ({ negate: false, ranges: [lo, hi], cats: [], sub: null });

/** .NET's general category names (the ones \p{..} accepts besides block names). */
const CATEGORIES = new Set("L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn".split(" "));
export const isCategoryName = (name: string): boolean => CATEGORIES.has(name);

// Per-category answers, computed on first use of each code unit (0 unknown, 1 in, 2 out).
const catCache = new Map<string, Uint8Array>();
const catRegex: Record<string, RegExp> = {
  // .NET's \w: [\p{L}\p{Mn}\p{Nd}\p{Pc}]; \s: [\f\n\r\t\v\x85\p{Z}]; \d: \p{Nd}
  W: /^[\p{L}\p{Mn}\p{Nd}\p{Pc}]$/u,
  S: /^[\f\n\r\t\v\x85\p{Z}]$/u,
  D: /^\p{Nd}$/u,
};
function inCategory(name: string, c: number): boolean {
  let cache = catCache.get(name);
  if (!cache) {
    cache = new Uint8Array(65536);
    catCache.set(name, cache);
    catRegex[name] ??= new RegExp(`^\\p{${name}}$`, "u");
  }
  const v = cache[c]!;
  if (v !== 0) return v === 1;
  const r = catRegex[name]!.test(String.fromCharCode(c));
  cache[c] = r ? 1 : 2;
  return r;
}

export function isWordChar(c: number): boolean {
  // .NET's IsWordChar: \w plus ZERO WIDTH JOINER / NON-JOINER (UTS #18 word boundaries)
  return inCategory("W", c) || c === 0x200d || c === 0x200c;
}
export function isEcmaWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0x61 && c <= 0x7a);
}

export function charInSet(c: number, s: CharSet): boolean {
  let r = false;
  const rg = s.ranges;
  for (let i = 0; i < rg.length; i += 2) {
    if (c >= rg[i]! && c <= rg[i + 1]!) {
      r = true;
      break;
    }
  }
  if (!r) {
    for (const k of s.cats) {
      if (inCategory(k.name, c) !== k.neg) {
        r = true;
        break;
      }
    }
  }
  if (s.negate) r = !r;
  if (r && s.sub) r = !charInSet(c, s.sub);
  return r;
}

/** The current culture's TextInfo.ToLower of one UTF-16 code unit (the current culture is invariant here). */
export function lowerChar(c: number): number {
  if (c < 0x41) return c;
  if (c <= 0x5a) return c + 32;
  return c < 0x80 ? c : lowerCharInvariant(c);
}

/** .NET's AddLowercase: a single character becomes its lower case, a range gains its lower cases. */
export function addLowercase(s: CharSet): void {
  const out: number[] = [];
  const extra: number[] = [];
  for (let i = 0; i < s.ranges.length; i += 2) {
    const a = s.ranges[i]!;
    const b = s.ranges[i + 1]!;
    if (a === b) {
      const l = lowerChar(a);
      out.push(l, l);
      continue;
    }
    out.push(a, b);
    for (let c = a; c <= b; c++) {
      const l = lowerChar(c);
      if (l !== c && (l < a || l > b)) extra.push(l);
    }
  }
  extra.sort((x, y) => x - y);
  for (let i = 0; i < extra.length; ) {
    let j = i;
    while (j + 1 < extra.length && extra[j + 1]! <= extra[j]! + 1) j++;
    out.push(extra[i]!, extra[j]!);
    i = j + 1;
  }
  s.ranges = out;
}

/** A class of one character and nothing else ([a]); RegexNode turns it into a One node. */
export const isSingleton = (s: CharSet): boolean => !s.negate && s.cats.length === 0 && !s.sub && s.ranges.length === 2 && s.ranges[0] === s.ranges[1];
/** [^a]: a Notone node. */
export const isSingletonInverse = (s: CharSet): boolean => s.negate && s.cats.length === 0 && !s.sub && s.ranges.length === 2 && s.ranges[0] === s.ranges[1];
/** Alternation may merge it with a neighbour (not negated, no subtraction). */
export const isMergeable = (s: CharSet): boolean => !s.negate && !s.sub;

export function mergeSets(a: CharSet, b: CharSet): CharSet {
  return { negate: false, ranges: [...a.ranges, ...b.ranges], cats: [...a.cats, ...b.cats], sub: null };
}

/** The classes \w \d \s (and their negations) in .NET and ECMAScript flavours. */
export function classEscape(letter: string, ecma: boolean): CharSet {
  const neg = letter === letter.toUpperCase();
  const k = letter.toLowerCase();
  const s = newSet();
  if (ecma) {
    if (k === "w") s.ranges.push(0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a);
    else if (k === "d") s.ranges.push(0x30, 0x39);
    else s.ranges.push(0x09, 0x0d, 0x20, 0x20);
    s.negate = neg;
    return s;
  }
  // .NET's \W and \S are negated classes (NotWordClass, NotSpaceClass have the negation flag), but
  // \D is a class of one negated category (NotDigitClass "\0\0\x01\uFFF7", as \P{Nd}): that matters
  // to what may merge with them (alternation, first characters: [a]|\D merges, [a]|\W does not);
  // inside [...] all three are negated categories
  if (k === "d") {
    s.cats.push({ name: "D", neg });
    return s;
  }
  s.cats.push({ name: k === "w" ? "W" : "S", neg: false });
  s.negate = neg;
  return s;
}

/** Adds \w \d \s (or negations) inside a bracket class. ECMAScript's negated forms are ranges' complements. */
export function addClassEscape(s: CharSet, letter: string, ecma: boolean): void {
  const e = classEscape(letter, ecma);
  if (!ecma) {
    s.cats.push({ name: e.cats[0]!.name, neg: e.negate || e.cats[0]!.neg });
    return;
  }
  if (!e.negate) {
    s.ranges.push(...e.ranges);
    return;
  }
  // complement of the sorted ranges
  let next = 0;
  for (let i = 0; i < e.ranges.length; i += 2) {
    if (e.ranges[i]! > next) s.ranges.push(next, e.ranges[i]! - 1);
    next = e.ranges[i + 1]! + 1;
  }
  if (next <= 0xffff) s.ranges.push(next, 0xffff);
}

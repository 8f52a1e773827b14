// XML Schema regular expressions (XSD 1.0 Appendix F) as RE2 sources (runtime/validation/
// xsd-datatypes.ts matches them with re2js, in time linear in the input). The two dialects differ:
// an XSD pattern is implicitly anchored (`^` and `$` are anchors too, as .NET's validator has them), `.` excludes \r and \n,
// \s \d \w \i \c are XML's classes, `\p{IsBlock}` names a Unicode block, and a character class may
// subtract another ([a-z-[aeiou]]). A construct this translator cannot express exactly in RE2
// (a block it does not know, subtraction of a class escape) is refused, with the reason.

export class XsdRegexError extends Error {}

const NAME_START = "A-Z_a-z:\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2FF}\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}";
const NAME_CHAR = `${NAME_START}\\-.0-9\\x{B7}\\x{300}-\\x{36F}\\x{203F}-\\x{2040}`;

/** Unicode blocks by XSD name (\p{IsBasicLatin}): the common ones. */
const BLOCKS: Record<string, [number, number]> = {
  BasicLatin: [0x0000, 0x007f],
  "Latin-1Supplement": [0x0080, 0x00ff],
  "LatinExtended-A": [0x0100, 0x017f],
  "LatinExtended-B": [0x0180, 0x024f],
  IPAExtensions: [0x0250, 0x02af],
  SpacingModifierLetters: [0x02b0, 0x02ff],
  CombiningDiacriticalMarks: [0x0300, 0x036f],
  Greek: [0x0370, 0x03ff],
  Cyrillic: [0x0400, 0x04ff],
  Armenian: [0x0530, 0x058f],
  Hebrew: [0x0590, 0x05ff],
  Arabic: [0x0600, 0x06ff],
  Devanagari: [0x0900, 0x097f],
  Thai: [0x0e00, 0x0e7f],
  LatinExtendedAdditional: [0x1e00, 0x1eff],
  GreekExtended: [0x1f00, 0x1fff],
  GeneralPunctuation: [0x2000, 0x206f],
  CurrencySymbols: [0x20a0, 0x20cf],
  LetterlikeSymbols: [0x2100, 0x214f],
  NumberForms: [0x2150, 0x218f],
  Arrows: [0x2190, 0x21ff],
  MathematicalOperators: [0x2200, 0x22ff],
  Hiragana: [0x3040, 0x309f],
  Katakana: [0x30a0, 0x30ff],
  CJKUnifiedIdeographs: [0x4e00, 0x9fff],
  HangulSyllables: [0xac00, 0xd7a3],
  PrivateUse: [0xe000, 0xf8ff],
  HalfwidthandFullwidthForms: [0xff00, 0xffef],
};

const CATEGORIES = new Set("L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po Z Zs Zl Zp S Sm Sc Sk So C Cc Cf Co".split(" "));

const hex = (cp: number) => `\\x{${cp.toString(16).toUpperCase()}}`;

/** One item of a character class: a range of code points, or an escape RE2 writes itself (`\p{L}`). */
type ClassItem = { lo: number; hi: number } | { esc: string };

/** The RE2 source of an XSD pattern (anchoring is the matcher's: re2js `matches`). */
export function xsdRegexToRe2(pattern: string): string {
  let i = 0;
  const cps = Array.from(pattern);
  const peek = () => cps[i];
  const fail = (why: string): never => {
    throw new XsdRegexError(`${why} (at character ${i + 1} of the pattern)`);
  };

  const regExp = (): string => {
    const branches = [branch()];
    while (peek() === "|") {
      i++;
      branches.push(branch());
    }
    return branches.join("|");
  };
  const branch = (): string => {
    let out = "";
    while (i < cps.length && peek() !== "|" && peek() !== ")") out += piece();
    return out;
  };
  const piece = (): string => {
    const a = atom();
    const q = peek();
    if (q === "?" || q === "*" || q === "+") {
      i++;
      return `${a}${q}`;
    }
    if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(cps.slice(i).join(""));
      if (!m) fail("a '{' that does not start a quantifier {n}, {n,} or {n,m}");
      i += Array.from(m![0]).length;
      const lo = Number(m![1]);
      const hi = m![3] ? Number(m![3]) : null;
      if (lo > 1000 || (hi !== null && hi > 1000)) fail("a repetition count over 1000 (RE2's limit)");
      if (hi !== null && hi < lo) fail("a quantifier {n,m} with m < n");
      return `${a}${m![0]}`;
    }
    return a;
  };
  const atom = (): string => {
    const c = peek();
    if (c === undefined) return fail("an unexpected end");
    if (c === "(") {
      i++;
      const inner = regExp();
      if (peek() !== ")") fail("a '(' without its ')'");
      i++;
      return `(?:${inner})`;
    }
    if (c === "[") return classText(charClassExpr());
    if (c === ".") {
      i++;
      return "[^\\n\\r]";
    }
    if (c === "\\") return escapeAtom();
    // XSD makes ^ and $ plain characters; .NET's validator (which APIM runs) keeps them anchors.
    if (c === "^" || c === "$") {
      i++;
      return c === "^" ? "(?:^)" : "(?:$)";
    }
    if ("?*+{}|)]".includes(c)) fail(`a '${c}' where a character is expected (escape it with '\\')`);
    i++;
    return literal(c.codePointAt(0)!);
  };
  const literal = (cp: number): string => (/[A-Za-z0-9 _,:;'"=!@#%&~`<>/-]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp));

  /** An escape outside a class: a single character, or a class. */
  const escapeAtom = (): string => {
    const items = escapeItems();
    if (items.negated) return `[^${items.items.map(itemText).join("")}]`;
    if (items.items.length === 1 && "lo" in items.items[0]! && items.items[0].lo === items.items[0].hi) return literal(items.items[0].lo);
    if (items.items.length === 1 && "esc" in items.items[0]! && /^\\[pP]\{\w+\}$/.test(items.items[0].esc)) return items.items[0].esc;
    return `[${items.items.map(itemText).join("")}]`;
  };

  /** The escape at `i` ('\\' included) as class items, possibly negated (\S, \I, \C, \W). */
  const escapeItems = (): { items: ClassItem[]; negated: boolean } => {
    i++;
    const e = cps[i++];
    const single: Record<string, number> = { n: 10, r: 13, t: 9 };
    if (e === undefined) fail("a '\\' at the end");
    if (single[e!] !== undefined) return { items: [{ lo: single[e!]!, hi: single[e!]! }], negated: false };
    if ("\\|.-^?*+{}()[]".includes(e!)) return { items: [{ lo: e!.codePointAt(0)!, hi: e!.codePointAt(0)! }], negated: false };
    switch (e) {
      case "s":
      case "S":
        return { items: [" ", "\t", "\n", "\r"].map((x) => ({ lo: x.charCodeAt(0), hi: x.charCodeAt(0) })), negated: e === "S" };
      case "d":
        return { items: [{ esc: "\\p{Nd}" }], negated: false };
      case "D":
        return { items: [{ esc: "\\P{Nd}" }], negated: false };
      case "i":
      case "I":
        return { items: [{ esc: NAME_START }], negated: e === "I" };
      case "c":
      case "C":
        return { items: [{ esc: NAME_CHAR }], negated: e === "C" };
      case "w":
        return { items: [{ esc: "\\p{P}\\p{Z}\\p{C}" }], negated: true };
      case "W":
        return { items: [{ esc: "\\p{P}\\p{Z}\\p{C}" }], negated: false };
      case "p":
      case "P": {
        if (cps[i] !== "{") fail(`'\\${e}' without '{name}'`);
        const end = cps.indexOf("}", i);
        if (end < 0) fail(`'\\${e}{' without '}'`);
        const name = cps.slice(i + 1, end).join("");
        i = end + 1;
        if (name.startsWith("Is")) {
          const b = BLOCKS[name.slice(2)];
          if (!b) fail(`the Unicode block '${name}' is not supported by apimc (it knows ${Object.keys(BLOCKS).length} common blocks)`);
          return { items: [{ lo: b![0], hi: b![1] }], negated: e === "P" };
        }
        if (!CATEGORIES.has(name)) fail(`the Unicode category '${name}' is not supported`);
        return { items: [{ esc: `\\${e}{${name}}` }], negated: false };
      }
      default:
        return fail(`the escape '\\${e}' is not an XML Schema escape`);
    }
  };

  interface ClassExpr {
    negated: boolean;
    items: ClassItem[];
    minus: ClassExpr | null;
  }
  const charClassExpr = (): ClassExpr => {
    i++; // '['
    const negated = peek() === "^";
    if (negated) i++;
    const items: ClassItem[] = [];
    let minus: ClassExpr | null = null;
    let first = true;
    for (;;) {
      const c = peek();
      if (c === undefined) fail("a '[' without its ']'");
      if (c === "]" && !first) {
        i++;
        break;
      }
      if (c === "-" && cps[i + 1] === "[") {
        i++;
        minus = charClassExpr();
        if (peek() !== "]") fail("a class subtraction that is not last in its class");
        i++;
        break;
      }
      first = false;
      if (c === "\\") {
        const e = escapeItems();
        if (e.negated) {
          if (items.length === 0 && peek() === "]" && !negated) {
            i++;
            return { negated: true, items: e.items, minus: null };
          }
          fail("a negated class escape (\\S, \\I, \\C, \\w) inside a character class with other members");
        }
        items.push(...e.items);
        continue;
      }
      if (c === "[") fail("a '[' inside a character class (escape it)");
      i++;
      let lo = c!.codePointAt(0)!;
      if (peek() === "-" && cps[i + 1] !== "]" && cps[i + 1] !== "[") {
        i++;
        let hiCh = cps[i++]!;
        if (hiCh === "\\") {
          i--;
          const e = escapeItems();
          const only = e.items[0]!;
          if (e.negated || e.items.length !== 1 || !("lo" in only) || only.lo !== only.hi) fail("a range ending in a class escape");
          hiCh = String.fromCodePoint((only as { lo: number }).lo);
        }
        const hi = hiCh.codePointAt(0)!;
        if (hi < lo) fail("a range whose end is before its start");
        items.push({ lo, hi });
      } else items.push({ lo, hi: lo });
      void lo;
      lo = 0;
    }
    return { negated, items, minus };
  };

  const classText = (c: ClassExpr): string => {
    if (!c.minus) return `[${c.negated ? "^" : ""}${c.items.map(itemText).join("")}]`;
    const set = (x: ClassExpr): [number, number][] => {
      if (x.items.some((it) => "esc" in it)) fail("a class subtraction with a class escape (\\d, \\p{..}, \\i, \\c) on either side");
      let ranges = normalize(x.items.map((it) => [(it as { lo: number }).lo, (it as { hi: number }).hi]));
      if (x.negated) ranges = complement(ranges);
      if (x.minus) ranges = subtract(ranges, set(x.minus));
      return ranges;
    };
    const r = set(c);
    return r.length ? `[${r.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("")}]` : "[^\\x{0}-\\x{10FFFF}]";
  };

  const out = regExp();
  if (i < cps.length) fail(`an unmatched '${peek()}'`);
  return out;
}

function itemText(it: ClassItem): string {
  if ("esc" in it) return it.esc;
  return it.lo === it.hi ? hex(it.lo) : `${hex(it.lo)}-${hex(it.hi)}`;
}

function normalize(r: [number, number][]): [number, number][] {
  const s = [...r].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of s) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(r: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of r) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

function subtract(a: [number, number][], b: [number, number][]): [number, number][] {
  const nb = complement(normalize(b));
  const out: [number, number][] = [];
  for (const [alo, ahi] of a) for (const [blo, bhi] of nb) {
    const lo = Math.max(alo, blo);
    const hi = Math.min(ahi, bhi);
    if (lo <= hi) out.push([lo, hi]);
  }
  return normalize(out);
}

// The .NET regex parser (structure of .NET's RegexParser + RegexNode): a pattern and RegexOptions
// become a RegexNode tree with .NET's group numbering, lookbehind content marked right-to-left,
// IgnoreCase applied to literals and classes, and RegexNode's reductions (nested loops, one-character
// loops, merged strings and alternated sets), so the code regex-net-code.ts writes is the code .NET
// runs. Used for the patterns whose JS translation would not behave as .NET (regex-net.ts decides).
import { type CharSet, newSet, rangeSet, addLowercase, addClassEscape, classEscape, isCategoryName, isWordChar, lowerChar, isSingleton, isSingletonInverse, isMergeable, mergeSets } from "./regex-net-sets.js";

export const enum Opt {
  IgnoreCase = 1,
  Multiline = 2,
  ExplicitCapture = 4,
  Singleline = 16,
  IgnorePatternWhitespace = 32,
  RightToLeft = 64,
  ECMAScript = 256,
}

// Node types (RegexNode's numbers; the leaves share RegexCode's).
export const enum N {
  Oneloop = 3,
  Notoneloop = 4,
  Setloop = 5,
  Onelazy = 6,
  Notonelazy = 7,
  Setlazy = 8,
  One = 9,
  Notone = 10,
  Set = 11,
  Multi = 12,
  Ref = 13,
  Bol = 14,
  Eol = 15,
  Boundary = 16,
  Nonboundary = 17,
  Beginning = 18,
  Start = 19,
  EndZ = 20,
  End = 21,
  Nothing = 22,
  Empty = 23,
  Alternate = 24,
  Concatenate = 25,
  Loop = 26,
  Lazyloop = 27,
  Capture = 28,
  Group = 29,
  Require = 30,
  Prevent = 31,
  Greedy = 32,
  Testref = 33,
  Testgroup = 34,
  ECMABoundary = 41,
  NonECMABoundary = 42,
}

export interface RNode {
  type: number;
  opts: number;
  children: RNode[] | null;
  str: string;
  ch: number;
  set: CharSet | null;
  m: number;
  n: number;
}

const INF = 2147483647;

function node(type: number, opts: number, m = 0, n = 0): RNode {
  return { type, opts, children: null, str: "", ch: 0, set: null, m, n };
}

/** A pattern this parser cannot take (or .NET would reject): the caller keeps the JS translation's answer. */
export class NetParseError extends Error {
  /** .NET rejects the pattern for this reason too (a reference to an undefined group), so the Regex constructor throws it. */
  definite = false;
}

export interface ParsedRegex {
  root: RNode;
  /** Group numbers in slot order (slot i holds group numbers[i]). */
  numbers: number[];
  /** Group number → name ("1", "2", ... or the group's name). */
  names: string[];
  /** A backreference to a group that may not have captured before it, a lookbehind, conditional, balancing group, RightToLeft, or a loop that can match empty. */
  needsNet: boolean;
  /** A capture inside a repeating loop: only .NET's engine knows all its captures (Group.Captures). */
  loopCapture: boolean;
}

// ---- reductions (RegexNode.Reduce) -----------------------------------------------------------------

function addChild(parent: RNode, child: RNode): void {
  (parent.children ??= []).push(reduce(child));
}

function reduce(x: RNode): RNode {
  switch (x.type) {
    case N.Alternate:
      return reduceAlternation(x);
    case N.Concatenate:
      return reduceConcatenation(x);
    case N.Loop:
    case N.Lazyloop:
      return reduceRep(x);
    case N.Group: {
      let u = x;
      while (u.type === N.Group) u = u.children![0]!;
      return u;
    }
    case N.Set:
    case N.Setloop:
      return reduceSet(x);
    default:
      return x;
  }
}

function stripEnation(x: RNode, emptyType: number): RNode {
  const k = x.children?.length ?? 0;
  return k === 0 ? node(emptyType, x.opts) : k === 1 ? x.children![0]! : x;
}

function reduceRep(x: RNode): RNode {
  let u = x;
  const type = x.type;
  let min = x.m;
  let max = x.n;
  for (;;) {
    if (!u.children?.length) break;
    const child = u.children[0]!;
    if (child.type !== type) {
      const ct = child.type;
      if (!((ct >= N.Oneloop && ct <= N.Setloop && type === N.Loop) || (ct >= N.Onelazy && ct <= N.Setlazy && type === N.Lazyloop))) break;
    }
    if ((u.m === 0 && child.m > 1) || child.n < child.m * 2) break;
    u = child;
    if (u.m > 0) u.m = min = Math.floor((INF - 1) / u.m) < min ? INF : u.m * min;
    if (u.n > 0) u.n = max = Math.floor((INF - 1) / u.n) < max ? INF : u.n * max;
  }
  return min === INF ? node(N.Nothing, x.opts) : u;
}

function reduceSet(x: RNode): RNode {
  const s = x.set!;
  if (isSingleton(s)) {
    x.ch = s.ranges[0]!;
    x.set = null;
    x.type += N.One - N.Set;
  } else if (isSingletonInverse(s)) {
    x.ch = s.ranges[0]!;
    x.set = null;
    x.type += N.Notone - N.Set;
  }
  return x;
}

function reduceAlternation(x: RNode): RNode {
  if (!x.children) return node(N.Nothing, x.opts);
  const kids = x.children;
  let wasLastSet = false;
  let lastCannotMerge = false;
  let optsLast = 0;
  let i = 0;
  let j = 0;
  for (; i < kids.length; i++, j++) {
    const at = kids[i]!;
    if (j < i) kids[j] = at;
    if (at.type === N.Alternate) {
      kids.splice(i + 1, 0, ...at.children!);
      j--;
    } else if (at.type === N.Set || at.type === N.One) {
      const optsAt = at.opts & (Opt.RightToLeft | Opt.IgnoreCase);
      if (at.type === N.Set) {
        if (!wasLastSet || optsLast !== optsAt || lastCannotMerge || !isMergeable(at.set!)) {
          wasLastSet = true;
          lastCannotMerge = !isMergeable(at.set!);
          optsLast = optsAt;
          continue;
        }
      } else if (!wasLastSet || optsLast !== optsAt || lastCannotMerge) {
        wasLastSet = true;
        lastCannotMerge = false;
        optsLast = optsAt;
        continue;
      }
      j--;
      const prev = kids[j]!;
      const prevSet = prev.type === N.One ? rangeSet(prev.ch, prev.ch) : prev.set!;
      const atSet = at.type === N.One ? rangeSet(at.ch, at.ch) : at.set!;
      prev.type = N.Set;
      prev.set = mergeSets(prevSet, atSet);
    } else if (at.type === N.Nothing) {
      j--;
    } else {
      wasLastSet = false;
      lastCannotMerge = false;
    }
  }
  if (j < i) kids.splice(j, i - j);
  return stripEnation(x, N.Nothing);
}

function reduceConcatenation(x: RNode): RNode {
  if (!x.children) return node(N.Empty, x.opts);
  const kids = x.children;
  let wasLastString = false;
  let optsLast = 0;
  let i = 0;
  let j = 0;
  for (; i < kids.length; i++, j++) {
    const at = kids[i]!;
    if (j < i) kids[j] = at;
    if (at.type === N.Concatenate && (at.opts & Opt.RightToLeft) === (x.opts & Opt.RightToLeft)) {
      kids.splice(i + 1, 0, ...at.children!);
      j--;
    } else if (at.type === N.Multi || at.type === N.One) {
      const optsAt = at.opts & (Opt.RightToLeft | Opt.IgnoreCase);
      if (!wasLastString || optsLast !== optsAt) {
        wasLastString = true;
        optsLast = optsAt;
        continue;
      }
      const prev = kids[--j]!;
      if (prev.type === N.One) {
        prev.type = N.Multi;
        prev.str = String.fromCharCode(prev.ch);
      }
      const add = at.type === N.One ? String.fromCharCode(at.ch) : at.str;
      prev.str = (optsAt & Opt.RightToLeft) === 0 ? prev.str + add : add + prev.str;
    } else if (at.type === N.Empty) {
      j--;
    } else {
      wasLastString = false;
    }
  }
  if (j < i) kids.splice(j, i - j);
  return stripEnation(x, N.Empty);
}

function makeQuantifier(x: RNode, lazy: boolean, min: number, max: number): RNode {
  if (min === 0 && max === 0) return node(N.Empty, x.opts);
  if (min === 1 && max === 1) return x;
  if (x.type === N.One || x.type === N.Notone || x.type === N.Set) {
    x.type += (lazy ? N.Onelazy : N.Oneloop) - N.One;
    x.m = min;
    x.n = max;
    return x;
  }
  const loop = node(lazy ? N.Lazyloop : N.Loop, x.opts, min, max);
  addChild(loop, x);
  return loop;
}

// ---- the parser (RegexParser) ---------------------------------------------------------------------

interface Frame {
  group: RNode;
  alternation: RNode;
  concatenation: RNode;
}

const SPECIAL = new Set([..."\\[()|.^${*+?"]);
const SPECIAL_X = new Set([..."\\[()|.^${*+? \t\n\v\f\r#"]);
const isSpaceX = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isWord = (c: string | undefined): boolean => c !== undefined && isWordChar(c.charCodeAt(0));

class Parser {
  pos = 0;
  opts: number;
  optStack: number[] = [];
  frames: Frame[] = [];
  group!: RNode;
  alternation!: RNode;
  concatenation!: RNode;
  unit: RNode | null = null;
  ignoreNextParen = false;
  /** Capture numbers → position of their "(" (for ECMAScript's \N rule); names → numbers. */
  caps = new Map<number, number>();
  capnames = new Map<string, number>();
  capnameOrder: string[] = [];
  autocap = 1;
  captop = 1;
  needsNet = false;
  loopCapture = false;
  hasRef = false;

  constructor(
    readonly p: string,
    opts: number,
  ) {
    this.opts = opts;
    if (opts & Opt.RightToLeft) this.needsNet = true;
  }

  private err(what: string): never {
    const e = new NetParseError(`parsing "${this.p}" - ${what}`);
    e.definite = /^Reference to undefined group (number|name) /.test(what);
    throw e;
  }
  private right(k = 0): string {
    return this.p[this.pos + k]!;
  }
  private left(): number {
    return this.p.length - this.pos;
  }
  private next(): string {
    return this.p[this.pos++]!;
  }
  private useI(): boolean {
    return (this.opts & Opt.IgnoreCase) !== 0;
  }
  private useE(): boolean {
    return (this.opts & Opt.ECMAScript) !== 0;
  }
  private useX(): boolean {
    return (this.opts & Opt.IgnorePatternWhitespace) !== 0;
  }
  private useN(): boolean {
    return (this.opts & Opt.ExplicitCapture) !== 0;
  }
  private isCaptureSlot(i: number): boolean {
    return this.caps.has(i);
  }
  private noteSlot(i: number, pos: number): void {
    if (!this.caps.has(i)) {
      this.caps.set(i, pos);
      if (this.captop <= i) this.captop = i === INF ? i : i + 1;
    }
  }

  // -- capture counting (RegexParser.CountCaptures): numbers and names before the real parse --
  countCaptures(): void {
    this.noteSlot(0, 0);
    const saved = this.opts;
    const optStack: number[] = [];
    let unnamed = 1;
    let ignoreParenAt = -1;
    while (this.pos < this.p.length) {
      const pos = this.pos;
      const c = this.next();
      switch (c) {
        case "\\":
          if (this.pos < this.p.length) this.pos++;
          break;
        case "#":
          if (this.useX()) while (this.pos < this.p.length && this.right() !== "\n") this.pos++;
          break;
        case ")":
          if (optStack.length) this.opts = optStack.pop()!;
          break;
        case "(":
          if (this.left() >= 2 && this.right(1) === "#" && this.right() === "?") {
            while (this.pos < this.p.length && this.right() !== ")") this.pos++;
            this.pos++;
            break;
          }
          optStack.push(this.opts);
          if (pos === ignoreParenAt) break; // a conditional's (expression) does not capture
          if (this.right() === "?" && this.right(1) === "(") {
            ignoreParenAt = pos + 2;
          } else if (this.right() === "?") {
            const c1 = this.right(1);
            if ((c1 === "<" || c1 === "'") && this.right(2) !== "=" && this.right(2) !== "!") {
              const m = /^(\d+|[\p{L}\p{Mn}\p{Nd}\p{Pc}]+)/u.exec(this.p.slice(this.pos + 2));
              if (m) {
                if (/^\d/.test(m[1]!)) this.noteSlot(Number(m[1]), pos);
                else if (!this.capnames.has(m[1]!)) {
                  this.capnames.set(m[1]!, pos);
                  this.capnameOrder.push(m[1]!);
                }
              }
            } else {
              const o = /^\?([imnsx+-]*)(\)|:)/.exec(this.p.slice(this.pos));
              if (o) {
                this.applyOptions(o[1]!);
                if (o[2] === ")") {
                  optStack.pop();
                  this.pos += o[0].length;
                  // options without a group last to the end of the enclosing group
                }
              }
            }
          } else if (!this.useN()) this.noteSlot(unnamed++, pos);
          break;
        case "[":
          // skip the class (a ] first is literal; \ escapes)
          if (this.right() === "^") this.pos++;
          if (this.right() === "]") this.pos++;
          while (this.pos < this.p.length && this.right() !== "]") {
            if (this.right() === "\\") this.pos++;
            else if (this.right() === "[" && this.right(-1) === "-") {
              // a subtracted class: skip to its end (one level)
            }
            this.pos++;
          }
          this.pos++;
          break;
      }
    }
    // named groups take the numbers after the unnamed ones, skipping numbers in use (AssignNameSlots)
    let auto = unnamed;
    for (const name of this.capnameOrder) {
      while (this.caps.has(auto)) auto++;
      const pos = this.capnames.get(name)!;
      this.capnames.set(name, auto);
      this.noteSlot(auto, pos);
      auto++;
    }
    this.opts = saved;
    this.pos = 0;
  }

  private applyOptions(spec: string): void {
    let off = false;
    for (const c of spec) {
      if (c === "-") off = true;
      else if (c === "+") off = false;
      else {
        const bit = c === "i" ? Opt.IgnoreCase : c === "m" ? Opt.Multiline : c === "n" ? Opt.ExplicitCapture : c === "s" ? Opt.Singleline : c === "x" ? Opt.IgnorePatternWhitespace : 0;
        if (off) this.opts &= ~bit;
        else this.opts |= bit;
      }
    }
  }

  // -- the scan (RegexParser.ScanRegex) --
  parse(): RNode {
    this.startGroup(node(N.Capture, this.opts, 0, -1));
    while (this.pos < this.p.length) {
      let wasPrevQuantifier = false;
      this.scanBlank();
      const start = this.pos;
      const special = this.useX() ? SPECIAL_X : SPECIAL;
      while (this.pos < this.p.length && (!special.has(this.right()) || (this.right() === "{" && !this.isTrueQuantifier()))) this.pos++;
      const end = this.pos;
      this.scanBlank();
      let ch: string;
      let isQuantifier = false;
      if (this.pos >= this.p.length) ch = "!";
      else if (special.has(this.right())) {
        ch = this.right();
        isQuantifier = ch === "*" || ch === "+" || ch === "?" || ch === "{";
        this.pos++;
      } else ch = " ";
      if (start < end) {
        const cch = end - start - (isQuantifier ? 1 : 0);
        wasPrevQuantifier = false;
        if (cch > 0) this.addLiteral(this.p.slice(start, start + cch));
        if (isQuantifier) this.addUnitOne(this.p.charCodeAt(end - 1));
      }
      if (ch === "!") break;
      if (ch === " ") continue;
      switch (ch) {
        case "[": {
          const s = this.scanCharClass(this.useI());
          this.unit = node(N.Set, this.opts);
          this.unit.set = s;
          break;
        }
        case "(": {
          this.optStack.push(this.opts);
          const g = this.scanGroupOpen();
          if (g === null) this.optStack.pop();
          else {
            this.frames.push({ group: this.group, alternation: this.alternation, concatenation: this.concatenation });
            this.startGroup(g);
          }
          continue;
        }
        case "|":
          this.addAlternate();
          continue;
        case ")":
          if (!this.frames.length) this.err("Too many )'s.");
          this.addGroup();
          this.popGroup();
          this.opts = this.optStack.pop()!;
          if (this.unit === null) continue;
          break;
        case "\\":
          if (this.pos >= this.p.length) this.err("Illegal \\ at end of pattern.");
          this.unit = this.scanBackslash();
          break;
        case "^":
          this.unit = node(this.opts & Opt.Multiline ? N.Bol : N.Beginning, this.opts);
          break;
        case "$":
          this.unit = node(this.opts & Opt.Multiline ? N.Eol : N.EndZ, this.opts);
          break;
        case ".":
          if (this.opts & Opt.Singleline) {
            this.unit = node(N.Set, this.opts);
            this.unit.set = rangeSet(0, 0xffff);
          } else {
            this.unit = node(N.Notone, this.opts);
            this.unit.ch = 10;
          }
          break;
        case "{":
        case "*":
        case "+":
        case "?":
          if (this.unit === null) this.err(wasPrevQuantifier ? "Nested quantifier." : "Quantifier following nothing.");
          this.pos--;
          break;
        default:
          this.err("Internal error in ScanRegex.");
      }
      this.scanBlank();
      if (this.pos >= this.p.length || !this.isTrueQuantifier()) {
        this.addConcatenate();
        continue;
      }
      const q = this.next();
      let min: number;
      let max: number;
      if (q === "*") [min, max] = [0, INF];
      else if (q === "?") [min, max] = [0, 1];
      else if (q === "+") [min, max] = [1, INF];
      else {
        const sp = this.pos;
        min = max = this.scanDecimal();
        if (this.right() === ",") {
          this.pos++;
          max = this.pos >= this.p.length || this.right() === "}" ? INF : this.scanDecimal();
        }
        if (sp === this.pos || this.pos >= this.p.length || this.next() !== "}") this.err("internal: quantifier");
      }
      this.scanBlank();
      let lazy = false;
      if (this.pos < this.p.length && this.right() === "?") {
        this.pos++;
        lazy = true;
      }
      if (min > max) this.err("Illegal {x,y} with x > y.");
      this.checkEmptyLoop(this.unit!, max);
      this.concatenation.children ??= [];
      addChild(this.concatenation, makeQuantifier(this.unit!, lazy, min, max));
      this.unit = null;
    }
    if (this.frames.length) this.err("Not enough )'s.");
    this.addGroup();
    return this.unit!;
  }

  /** A general loop whose body can match empty: .NET's empty-iteration checks differ from JS's. */
  private checkEmptyLoop(body: RNode, max: number): void {
    if (body.type === N.One || body.type === N.Notone || body.type === N.Set) return;
    // (X)? where X can match empty: .NET takes the empty iteration (the group captures ""), JS refuses it
    if (max === 1) {
      if (minLength(body) === 0 && hasCapture(body)) this.needsNet = true;
      return;
    }
    if (optionalCapture(body, true)) this.loopCapture = true;
    // JS also clears a loop body's captures at each iteration, .NET keeps the last one: they differ
    // when an iteration can end without the group capturing
    if (minLength(body) === 0 || optionalCapture(body, false)) this.needsNet = true;
  }

  private startGroup(g: RNode): void {
    this.group = g;
    this.alternation = node(N.Alternate, this.opts);
    this.concatenation = node(N.Concatenate, this.opts);
  }
  private reverseLeft(c: RNode): RNode {
    if (c.opts & Opt.RightToLeft && c.children) c.children.reverse();
    return c;
  }
  private addAlternate(): void {
    if (this.group.type === N.Testgroup || this.group.type === N.Testref) addChild(this.group, this.reverseLeft(this.concatenation));
    else addChild(this.alternation, this.reverseLeft(this.concatenation));
    this.concatenation = node(N.Concatenate, this.opts);
  }
  private addGroup(): void {
    if (this.group.type === N.Testgroup || this.group.type === N.Testref) {
      addChild(this.group, this.reverseLeft(this.concatenation));
      const k = this.group.children!.length;
      if ((this.group.type === N.Testref && k > 2) || k > 3) this.err("Too many | in (?()|).");
    } else {
      addChild(this.alternation, this.reverseLeft(this.concatenation));
      addChild(this.group, this.alternation);
    }
    this.unit = this.group;
  }
  private popGroup(): void {
    const f = this.frames.pop()!;
    this.group = f.group;
    this.alternation = f.alternation;
    this.concatenation = f.concatenation;
    // the first () inside a Testgroup is its condition
    if (this.group.type === N.Testgroup && !this.group.children?.length) {
      if (this.unit === null) this.err("Illegal conditional (?(...)) expression.");
      addChild(this.group, this.unit);
      this.unit = null;
    }
  }
  private addConcatenate(): void {
    if (this.unit) addChild(this.concatenation, this.unit);
    this.unit = null;
  }
  private addLiteral(s: string): void {
    const str = this.useI() ? [...s].map((c) => String.fromCharCode(lowerChar(c.charCodeAt(0)))).join("") : s;
    let x: RNode;
    if (str.length === 1) {
      x = node(N.One, this.opts);
      x.ch = str.charCodeAt(0);
    } else {
      x = node(N.Multi, this.opts);
      x.str = str;
    }
    addChild(this.concatenation, x);
  }
  private addUnitOne(c: number): void {
    this.unit = node(N.One, this.opts);
    this.unit.ch = this.useI() ? lowerChar(c) : c;
  }

  private scanBlank(): void {
    for (;;) {
      if (this.useX()) {
        while (this.pos < this.p.length && isSpaceX(this.right())) this.pos++;
        if (this.pos >= this.p.length) return;
        if (this.right() === "#") {
          while (this.pos < this.p.length && this.right() !== "\n") this.pos++;
          continue;
        }
      }
      if (this.left() >= 3 && this.right() === "(" && this.right(1) === "?" && this.right(2) === "#") {
        while (this.pos < this.p.length && this.right() !== ")") this.pos++;
        if (this.pos >= this.p.length) this.err("Unterminated (?#...) comment.");
        this.pos++;
        continue;
      }
      return;
    }
  }

  private isTrueQuantifier(): boolean {
    const c = this.right();
    if (c === "*" || c === "+" || c === "?") return true;
    if (c !== "{") return false;
    return /^\{\d+(,\d*)?\}/.test(this.p.slice(this.pos));
  }

  private scanDecimal(): number {
    let i = 0;
    while (isDigit(this.right())) {
      const d = this.next().charCodeAt(0) - 48;
      if (i > (INF - d) / 10) this.err("Capture group numbers must be less than or equal to Int32.MaxValue.");
      i = i * 10 + d;
    }
    return i;
  }

  private scanCapname(): string {
    const s = this.pos;
    while (this.pos < this.p.length && isWord(this.right())) this.pos++;
    return this.p.slice(s, this.pos);
  }

  private scanGroupOpen(): RNode | null {
    if (this.pos >= this.p.length || this.right() !== "?") {
      if (this.useN() || this.ignoreNextParen) {
        this.ignoreNextParen = false;
        return node(N.Group, this.opts);
      }
      return node(N.Capture, this.opts, this.autocap++, -1);
    }
    this.pos++;
    if (this.pos >= this.p.length) this.err("Unrecognized grouping construct.");
    let type: number;
    let close = ">";
    let ch = this.next();
    switch (ch) {
      case ":":
        type = N.Group;
        break;
      case "=":
        this.opts &= ~Opt.RightToLeft;
        type = N.Require;
        break;
      case "!":
        this.opts &= ~Opt.RightToLeft;
        type = N.Prevent;
        break;
      case ">":
        type = N.Greedy;
        break;
      case "'":
      case "<": {
        if (ch === "'") close = "'";
        if (this.pos >= this.p.length) this.err("Unrecognized grouping construct.");
        ch = this.next();
        if ((ch === "=" || ch === "!") && close === ">") {
          this.opts |= Opt.RightToLeft;
          this.needsNet = true; // lookbehind: .NET matches it right to left
          type = ch === "=" ? N.Require : N.Prevent;
          break;
        }
        this.pos--;
        let capnum = -1;
        let uncapnum = -1;
        let proceed = false;
        if (isDigit(ch)) {
          capnum = this.scanDecimal();
          if (!this.isCaptureSlot(capnum)) capnum = -1;
          if (this.pos < this.p.length && !(this.right() === close || this.right() === "-")) this.err("Invalid group name: Group names must begin with a word character.");
          if (capnum === 0) this.err("Capture number cannot be zero.");
        } else if (isWord(ch)) {
          const name = this.scanCapname();
          if (this.capnames.has(name)) capnum = this.capnames.get(name)!;
          if (this.pos < this.p.length && !(this.right() === close || this.right() === "-")) this.err("Invalid group name: Group names must begin with a word character.");
        } else if (ch === "-") proceed = true;
        else this.err("Invalid group name: Group names must begin with a word character.");
        if ((capnum !== -1 || proceed) && this.pos < this.p.length && this.right() === "-") {
          this.pos++;
          this.needsNet = true; // balancing group
          const c2 = this.right();
          if (isDigit(c2)) {
            uncapnum = this.scanDecimal();
            if (!this.isCaptureSlot(uncapnum)) this.err(`Reference to undefined group number ${uncapnum}.`);
          } else if (isWord(c2)) {
            const un = this.scanCapname();
            if (!this.capnames.has(un)) this.err(`Reference to undefined group name ${un}.`);
            uncapnum = this.capnames.get(un)!;
          } else this.err("Invalid group name: Group names must begin with a word character.");
          if (this.pos < this.p.length && this.right() !== close) this.err("Invalid group name: Group names must begin with a word character.");
        }
        if ((capnum !== -1 || uncapnum !== -1) && this.pos < this.p.length && this.next() === close) {
          // a group inside another of the same name or number: .NET's last capture is the last made
          // (the outer one), the JS translation's renamed duplicates pick by position
          if (capnum !== -1 && [this.group, ...this.frames.map((f) => f.group)].some((g) => g.type === N.Capture && g.m === capnum)) this.needsNet = true;
          return node(N.Capture, this.opts, capnum, uncapnum);
        }
        this.err("Unrecognized grouping construct.");
      }
      // falls through (err throws)
      case "(": {
        this.needsNet = true; // conditional
        const parenPos = this.pos;
        if (this.pos < this.p.length) {
          const c = this.right();
          if (isDigit(c)) {
            const capnum = this.scanDecimal();
            if (this.pos < this.p.length && this.next() === ")") {
              if (this.isCaptureSlot(capnum)) return node(N.Testref, this.opts, capnum);
              this.err(`(?(${capnum}) ) reference to undefined group.`);
            }
            this.err("Malformed (?(...)) reference.");
          } else if (isWord(c)) {
            const name = this.scanCapname();
            if (this.capnames.has(name) && this.pos < this.p.length && this.next() === ")") return node(N.Testref, this.opts, this.capnames.get(name)!);
          }
        }
        type = N.Testgroup;
        this.pos = parenPos - 1;
        this.ignoreNextParen = true;
        if (this.left() >= 3 && this.right(1) === "?") {
          const r2 = this.right(2);
          if (r2 === "#") this.err("Alternation conditions cannot be comments.");
          if (r2 === "'" || (this.left() >= 4 && r2 === "<" && this.right(3) !== "!" && this.right(3) !== "=")) this.err("Alternation conditions do not capture and cannot be named.");
        }
        break;
      }
      default: {
        this.pos--;
        type = N.Group;
        if (this.group.type !== N.Testgroup) {
          const m = /^[imnsx+-]*/.exec(this.p.slice(this.pos))![0];
          // RegexParser.ScanOptions stops at the first letter that is not an inline option
          this.applyOptions(m);
          this.pos += m.length;
        }
        if (this.pos >= this.p.length) this.err("Unrecognized grouping construct.");
        ch = this.next();
        if (ch === ")") return null;
        if (ch !== ":") this.err("Unrecognized grouping construct.");
        break;
      }
    }
    return node(type, this.opts);
  }

  private scanBackslash(): RNode {
    const ch = this.right();
    switch (ch) {
      case "b":
      case "B":
      case "A":
      case "G":
      case "Z":
      case "z": {
        this.pos++;
        const t = ch === "b" ? (this.useE() ? N.ECMABoundary : N.Boundary) : ch === "B" ? (this.useE() ? N.NonECMABoundary : N.Nonboundary) : ch === "A" ? N.Beginning : ch === "G" ? N.Start : ch === "Z" ? N.EndZ : N.End;
        if (t === N.Start) this.needsNet = true; // \G: the JS translation has no form for it
        return node(t, this.opts);
      }
      case "w":
      case "W":
      case "s":
      case "S":
      case "d":
      case "D": {
        this.pos++;
        const x = node(N.Set, this.opts);
        x.set = classEscape(ch, this.useE());
        return x;
      }
      case "p":
      case "P": {
        this.pos++;
        const s = newSet();
        s.cats.push({ name: this.parseProperty(), neg: ch === "P" });
        if (this.useI()) addLowercase(s);
        const x = node(N.Set, this.opts);
        x.set = s;
        return x;
      }
      default:
        return this.scanBasicBackslash();
    }
  }

  private parseProperty(): string {
    const m = /^\{([\w-]+)\}/.exec(this.p.slice(this.pos));
    if (!m) this.err("Incomplete \\p{X} character escape.");
    if (!isCategoryName(m[1]!)) throw new NetParseError(`unsupported \\p{${m[1]}}`); // Unicode blocks: the JS translation keeps them
    this.pos += m[0].length;
    return m[1]!;
  }

  private ref(capnum: number): RNode {
    this.hasRef = true; // parseNetRegex decides once the tree is whole (refsAnswerAsJs)
    return node(N.Ref, this.opts, capnum);
  }

  private scanBasicBackslash(): RNode {
    let angled = false;
    let close = "\0";
    const backpos = this.pos;
    let ch = this.right();
    if (ch === "k") {
      if (this.left() >= 2) {
        this.pos++;
        ch = this.next();
        if (ch === "<" || ch === "'") {
          angled = true;
          close = ch === "'" ? "'" : ">";
        }
      }
      if (!angled || this.pos >= this.p.length) this.err("Malformed \\k<...> named back reference.");
      ch = this.right();
    } else if ((ch === "<" || ch === "'") && this.left() > 1) {
      angled = true;
      close = ch === "'" ? "'" : ">";
      this.pos++;
      ch = this.right();
    }
    if (angled && isDigit(ch)) {
      const capnum = this.scanDecimal();
      if (this.pos < this.p.length && this.next() === close) {
        if (this.isCaptureSlot(capnum)) return this.ref(capnum);
        this.err(`Reference to undefined group number ${capnum}.`);
      }
    } else if (!angled && ch >= "1" && ch <= "9") {
      if (this.useE()) {
        let capnum = -1;
        let newcap = ch.charCodeAt(0) - 48;
        const pos = this.pos - 1;
        while (newcap <= this.captop) {
          if (this.isCaptureSlot(newcap) && this.caps.get(newcap)! < pos) capnum = newcap;
          this.pos++;
          if (this.pos >= this.p.length || !isDigit(this.right())) break;
          newcap = newcap * 10 + (this.right().charCodeAt(0) - 48);
        }
        if (capnum >= 0) return this.ref(capnum);
      } else {
        const capnum = this.scanDecimal();
        if (this.isCaptureSlot(capnum)) return this.ref(capnum);
        if (capnum <= 9) this.err(`Reference to undefined group number ${capnum}.`);
      }
    } else if (angled && isWord(ch)) {
      const name = this.scanCapname();
      if (this.pos < this.p.length && this.next() === close) {
        if (this.capnames.has(name)) return this.ref(this.capnames.get(name)!);
        this.err(`Reference to undefined group name ${name}.`);
      }
    }
    this.pos = backpos;
    // \N read as an octal escape (ECMAScript before group N, or no such group past 9): the JS translation reads a backreference
    if (isDigit(ch) && ch !== "0") this.needsNet = true;
    let c = this.scanCharEscape();
    if (this.useI()) c = lowerChar(c);
    const x = node(N.One, this.opts);
    x.ch = c;
    return x;
  }

  private scanCharEscape(): number {
    const ch = this.next();
    if (ch >= "0" && ch <= "7") {
      this.pos--;
      return this.scanOctal();
    }
    switch (ch) {
      case "x":
        return this.scanHex(2);
      case "u":
        return this.scanHex(4);
      case "a":
        return 7;
      case "b":
        return 8;
      case "e":
        return 27;
      case "f":
        return 12;
      case "n":
        return 10;
      case "r":
        return 13;
      case "t":
        return 9;
      case "v":
        return 11;
      case "c": {
        if (this.pos >= this.p.length) this.err("Missing control character.");
        let c = this.next().charCodeAt(0);
        if (c >= 97 && c <= 122) c -= 32;
        c -= 64;
        if (c >= 0 && c < 32) return c;
        this.err("Unrecognized control character.");
      }
      // falls through (err throws)
      default:
        if (ch === undefined) this.err("Illegal \\ at end of pattern.");
        if (!this.useE() && isWord(ch)) this.err(`Unrecognized escape sequence \\${ch}.`);
        return ch.charCodeAt(0);
    }
  }
  private scanOctal(): number {
    let i = 0;
    let c = 3;
    while (c > 0 && this.pos < this.p.length && this.right() >= "0" && this.right() <= "7") {
      i = i * 8 + (this.next().charCodeAt(0) - 48);
      if (this.useE() && i >= 0x20) break;
      c--;
    }
    return i & 0xff;
  }
  private scanHex(n: number): number {
    const m = new RegExp(`^[0-9A-Fa-f]{${n}}`).exec(this.p.slice(this.pos));
    if (!m) this.err("Insufficient hex digits.");
    this.pos += n;
    return parseInt(m[0], 16);
  }

  private scanCharClass(caseInsensitive: boolean): CharSet {
    const cc = newSet();
    let chPrev = 0;
    let inRange = false;
    let firstChar = true;
    let closed = false;
    if (this.pos < this.p.length && this.right() === "^") {
      this.pos++;
      cc.negate = true;
    }
    for (; this.pos < this.p.length; firstChar = false) {
      let translated = false;
      let ch = this.next();
      let code = ch.charCodeAt(0);
      if (ch === "]") {
        if (!firstChar) {
          closed = true;
          break;
        }
      } else if (ch === "\\" && this.pos < this.p.length) {
        ch = this.next();
        switch (ch) {
          case "D":
          case "d":
          case "S":
          case "s":
          case "W":
          case "w":
            if (inRange) this.err(`A subtraction must be the last element in a character class.`);
            addClassEscape(cc, ch, this.useE());
            continue;
          case "p":
          case "P":
            if (inRange) this.err(`Cannot include class \\${ch} in character range.`);
            cc.cats.push({ name: this.parseProperty(), neg: ch === "P" });
            continue;
          case "-":
            cc.ranges.push(45, 45);
            continue;
          default:
            this.pos--;
            code = this.scanCharEscape();
            ch = String.fromCharCode(code);
            translated = true;
        }
      } else if (ch === "[") {
        // [:name:] is skipped as .NET does (Posix syntax it does not implement)
        if (this.pos < this.p.length && this.right() === ":" && !inRange) {
          const save = this.pos;
          this.pos++;
          this.scanCapname();
          if (this.left() < 2 || this.next() !== ":" || this.next() !== "]") this.pos = save;
        }
      }
      if (inRange) {
        inRange = false;
        if (ch === "[" && !translated && !firstChar) {
          cc.ranges.push(chPrev, chPrev);
          cc.sub = this.scanCharClass(caseInsensitive);
          if (this.pos < this.p.length && this.right() !== "]") this.err("A subtraction must be the last element in a character class.");
        } else {
          if (chPrev > code) this.err("[x-y] range in reverse order.");
          cc.ranges.push(chPrev, code);
        }
      } else if (this.left() >= 2 && this.right() === "-" && this.right(1) !== "]") {
        chPrev = code;
        inRange = true;
        this.pos++;
      } else if (this.left() >= 1 && ch === "-" && !translated && this.right() === "[" && !firstChar) {
        this.pos++;
        cc.sub = this.scanCharClass(caseInsensitive);
        if (this.pos < this.p.length && this.right() !== "]") this.err("A subtraction must be the last element in a character class.");
      } else cc.ranges.push(code, code);
    }
    if (!closed) this.err("Unterminated [] set.");
    if (caseInsensitive) addLowercase(cc);
    return cc;
  }
}

function hasCapture(x: RNode): boolean {
  return x.type === N.Capture || (x.children?.some(hasCapture) ?? false);
}

/** A capture that an iteration of the enclosing loop may skip (under an alternation, an optional loop, a conditional). */
function optionalCapture(x: RNode, optional: boolean): boolean {
  switch (x.type) {
    case N.Capture:
      if (optional) return true;
      break;
    case N.Alternate:
    case N.Testref:
    case N.Testgroup:
      optional = true;
      break;
    case N.Loop:
    case N.Lazyloop:
      if (x.m === 0) optional = true;
      break;
    case N.Prevent:
      return false; // its captures never survive, in either engine
  }
  return x.children?.some((c) => optionalCapture(c, optional)) ?? false;
}

/** The shortest text a node can match (RegexNode's computed minimum; zero-width nodes are 0). */
export function minLength(x: RNode): number {
  switch (x.type) {
    case N.One:
    case N.Notone:
    case N.Set:
      return 1;
    case N.Multi:
      return x.str.length;
    case N.Oneloop:
    case N.Notoneloop:
    case N.Setloop:
    case N.Onelazy:
    case N.Notonelazy:
    case N.Setlazy:
      return x.m;
    case N.Loop:
    case N.Lazyloop:
      return x.m * minLength(x.children![0]!);
    case N.Concatenate:
      return x.children!.reduce((a, c) => a + minLength(c), 0);
    case N.Alternate:
      return Math.min(...x.children!.map(minLength));
    case N.Capture:
    case N.Group:
    case N.Greedy:
      return minLength(x.children![0]!);
    case N.Testref:
    case N.Testgroup:
      return 0;
    default:
      return 0; // Ref (may be empty), anchors, lookaround, Empty, Nothing
  }
}

/** Parses a .NET pattern into RegexNode form with .NET's group numbering. Throws NetParseError. */
export function parseNetRegex(pattern: string, opts: number): ParsedRegex {
  const p = new Parser(pattern, opts);
  p.countCaptures();
  const root = p.parse();
  const numbers = [...p.caps.keys()].sort((a, b) => a - b);
  const byNumber = new Map<number, string>();
  for (const [name, num] of p.capnames) byNumber.set(num, name);
  const names = numbers.map((n) => byNumber.get(n) ?? String(n));
  return { root, numbers, names, needsNet: p.needsNet || (p.hasRef && !refsAnswerAsJs(root)), loopCapture: p.loopCapture };
}

// ---- backreferences a JS RegExp answers as .NET does ------------------------------------------------

/**
 * True when every backreference refers to a group that has certainly captured before it: JS and .NET
 * then agree (they differ on a group that has not taken part: .NET fails, JS matches empty), and V8,
 * far faster on backtracking than this interpreter, keeps the pattern. Not under IgnoreCase (the two
 * fold case differently) nor for a number two groups share.
 */
function refsAnswerAsJs(root: RNode): boolean {
  const groups = new Map<number, number>();
  const count = (x: RNode): void => {
    if (x.type === N.Capture) groups.set(x.m, (groups.get(x.m) ?? 0) + 1);
    for (const c of x.children ?? []) count(c);
  };
  count(root);
  const walk = (x: RNode, path: RNode[]): boolean => {
    if (x.type === N.Ref) return (x.opts & Opt.IgnoreCase) === 0 && groups.get(x.m) === 1 && capturedBefore(x.m, path, x);
    path.push(x);
    const ok = (x.children ?? []).every((c) => walk(c, path));
    path.pop();
    return ok;
  };
  return walk(root, []);
}

/** Whether a sequence on the way from the root to `at` has, before it, an element that always captures `capnum`. */
function capturedBefore(capnum: number, path: RNode[], at: RNode): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const a = path[i]!;
    if (a.type !== N.Concatenate) continue;
    const k = a.children!.indexOf(i + 1 < path.length ? path[i + 1]! : at);
    for (let j = 0; j < k; j++) if (alwaysCaptures(a.children![j]!, capnum)) return true;
  }
  return false;
}

/** Whether every match of `x` captures group `capnum` (lookarounds and alternations are not followed). */
function alwaysCaptures(x: RNode, capnum: number): boolean {
  switch (x.type) {
    case N.Capture:
      return (x.m === capnum && x.n === -1) || alwaysCaptures(x.children![0]!, capnum);
    case N.Group:
    case N.Greedy:
      return alwaysCaptures(x.children![0]!, capnum);
    case N.Concatenate:
      return x.children!.some((c) => alwaysCaptures(c, capnum));
    case N.Loop:
    case N.Lazyloop:
      return x.m >= 1 && alwaysCaptures(x.children![0]!, capnum);
    default:
      return false;
  }
}

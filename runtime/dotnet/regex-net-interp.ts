// The .NET regex interpreter (structure of .NET's RegexRunner + RegexInterpreter + Match's capture
// bookkeeping): runs a program from regex-net-code.ts over UTF-16 code units with .NET's backtracking
// stack, grouping stack and capture "crawl" stack, so that group participation, backreferences to a
// group that did not participate (they fail, unless ECMAScript), lookbehind matched right to left,
// empty-iteration checks in loops, balancing groups and per-group capture stacks (Group.Captures)
// behave as .NET's. The stacks are sized and grown as .NET's runner sizes them, and an access .NET
// would make outside an array throws IndexOutOfRangeException as it does there.
//
// The match budget: like .NET, the interpreter looks at the clock every 1,000 steps and throws
// RegexMatchTimeoutException once past its deadline, so a hostile pattern holds the thread no longer
// than its match timeout (it needs no helper thread: it is interruptible by itself).
import { DotNetException, indexOutOfRange } from "../errors.js";
import { type CharSet, charInSet, isEcmaWordChar, isWordChar, lowerChar } from "./regex-net-sets.js";
import { C, type NetProgram } from "./regex-net-code.js";
import { Anchor } from "./regex-net-fcd.js";

/** The captures of one match after .NET's Match.Tidy: per slot, [start, length] pairs and their count. */
export interface NetMatchData {
  index: number;
  length: number;
  /** Where the scan stopped (NextMatch starts there). */
  textpos: number;
  counts: Int32Array;
  caps: Int32Array[];
}

/** Thrown past the deadline; regex.ts turns it into RegexMatchTimeoutException. */
export class NetTimeout extends Error {}

const TIMEOUT_CHECK_EVERY = 1000;
/** A backtracking or grouping stack this long stops the match as a timeout would (memory bound). */
const MAX_STACK = 1 << 25;

/** Match's capture arrays (_matches / _matchcount), kept between scans as .NET's runner keeps its Match. */
class MatchState {
  counts: Int32Array;
  caps: (Int32Array | null)[];
  balancing = false;
  constructor(capsize: number) {
    this.counts = new Int32Array(capsize);
    this.caps = new Array(capsize).fill(null);
    this.caps[0] = new Int32Array(2);
  }
  reset(): void {
    this.counts.fill(0);
    this.balancing = false;
  }
  add(cap: number, start: number, len: number): void {
    let a = this.caps[cap] ?? (this.caps[cap] = new Int32Array(2));
    const n = this.counts[cap]!;
    if (n * 2 + 2 > a.length) {
      const b = new Int32Array(n * 8);
      b.set(a.subarray(0, n * 2));
      this.caps[cap] = a = b;
    }
    a[n * 2] = start;
    a[n * 2 + 1] = len;
    this.counts[cap] = n + 1;
  }
  balance(cap: number): void {
    this.balancing = true;
    const a = this.caps[cap]!;
    let target = this.counts[cap]! * 2 - 2;
    const v = at(a, target);
    if (v < 0) target = -3 - v;
    target -= 2;
    if (target >= 0 && at(a, target) < 0) this.add(cap, a[target]!, at(a, target + 1));
    else this.add(cap, -3 - target, -4 - target);
  }
  remove(cap: number): void {
    this.counts[cap]!--;
  }
  isMatched(cap: number): boolean {
    const n = this.counts[cap];
    return n !== undefined && n > 0 && at(this.caps[cap]!, n * 2 - 1) !== -3 + 1;
  }
  index(cap: number): number {
    const a = this.caps[cap]!;
    const i = at(a, this.counts[cap]! * 2 - 2);
    return i >= 0 ? i : at(a, -3 - i);
  }
  length(cap: number): number {
    const a = this.caps[cap]!;
    const i = at(a, this.counts[cap]! * 2 - 1);
    return i >= 0 ? i : at(a, -3 - i);
  }
  /** Match.Tidy: group 0's interval, and balancing entries compacted away. */
  tidy(textpos: number): NetMatchData {
    if (this.balancing) {
      for (let cap = 0; cap < this.counts.length; cap++) {
        const limit = this.counts[cap]! * 2;
        const a = this.caps[cap];
        if (!a) continue;
        let i = 0;
        for (; i < limit; i++) if (a[i]! < 0) break;
        let j = i;
        for (; i < limit; i++) {
          if (a[i]! < 0) j--;
          else {
            if (i !== j) a[j] = a[i]!;
            j++;
          }
        }
        this.counts[cap] = j >> 1;
      }
      this.balancing = false;
    }
    const caps = this.caps.map((a, k) => (a ? a.slice(0, this.counts[k]! * 2) : new Int32Array(0)));
    return { index: caps[0]![0]!, length: caps[0]![1]!, textpos, counts: this.counts.slice(), caps };
  }
}

/** An array read .NET would bounds-check. */
function at(a: Int32Array, i: number): number {
  if (i < 0 || i >= a.length) throw indexOutOfRange();
  return a[i]!;
}

/** One runner per Regex, reused between scans as .NET reuses its RegexRunner (stack sizes carry over). */
export class NetRunner {
  private text = "";
  private textbeg = 0;
  private textend = 0;
  private textstart = 0;
  private textpos = 0;
  private track: Int32Array | null = null;
  private trackpos = 0;
  private stack!: Int32Array;
  private stackpos = 0;
  private crawl!: Int32Array;
  private crawlpos = 0;
  private match: MatchState | null = null;
  private codepos = 0;
  private operator = 0;
  private rtl = false;
  private ci = false;
  private deadline = Infinity;
  private checks = TIMEOUT_CHECK_EVERY;
  private readonly codes: Int32Array;

  constructor(
    private readonly prog: NetProgram,
    private readonly ecma: boolean,
  ) {
    this.codes = prog.codes;
  }

  /**
   * RegexRunner.Scan: the first match from `textstart` (after an empty previous match, one further),
   * or null. `quick` (IsMatch) keeps no match data. `deadline`: performance.now() limit.
   */
  scan(text: string, textstart: number, prevlen: number, quick: boolean, deadline: number): NetMatchData | null | true {
    const bump = this.prog.rightToLeft ? -1 : 1;
    this.text = text;
    this.textbeg = 0;
    this.textend = text.length;
    this.textstart = textstart;
    const stoppos = this.prog.rightToLeft ? 0 : text.length;
    this.textpos = textstart;
    // (the step count carries over between the scans of one operation: a scan that ends in fewer
    // than 1,000 steps must not hide a Matches/Replace that never ends from the clock)
    this.deadline = deadline;
    if (prevlen === 0) {
      if (this.textpos === stoppos) return null;
      this.textpos += bump;
    }
    let initted = false;
    for (;;) {
      if (this.findFirstChar()) {
        this.checkTimeout();
        if (!initted) {
          this.initMatch();
          initted = true;
        }
        this.go();
        if (this.match!.counts[0]! > 0) {
          if (quick) return true;
          const m = this.match!;
          this.match = null;
          return m.tidy(this.textpos);
        }
        this.trackpos = this.track!.length;
        this.stackpos = this.stack.length;
        this.crawlpos = this.crawl.length;
      }
      if (this.textpos === stoppos) return null;
      this.textpos += bump;
      // a scan started outside the text (after a lookbehind-made match .NET ends beyond it) never
      // meets stoppos: .NET runs until its timeout, or forever without one; stop it as a timeout
      if (this.textpos < -64 || this.textpos > text.length + 64) throw new NetTimeout();
    }
  }

  /** RegexInterpreter.FindFirstChar: moves to the next position a match can start at (false: none left). */
  private findFirstChar(): boolean {
    const { anchors: a, prefix, first } = this.prog.start;
    const rtl = this.prog.rightToLeft;
    if (a & (Anchor.Beginning | Anchor.Start | Anchor.EndZ | Anchor.End)) {
      if (!rtl) {
        if ((a & Anchor.Beginning && this.textpos > this.textbeg) || (a & Anchor.Start && this.textpos > this.textstart)) {
          this.textpos = this.textend;
          return false;
        }
        if (a & Anchor.EndZ && this.textpos < this.textend - 1) this.textpos = this.textend - 1;
        else if (a & Anchor.End && this.textpos < this.textend) this.textpos = this.textend;
      } else {
        if (
          (a & Anchor.End && this.textpos < this.textend) ||
          (a & Anchor.EndZ && (this.textpos < this.textend - 1 || (this.textpos === this.textend - 1 && this.charAt(this.textpos) !== 10))) ||
          (a & Anchor.Start && this.textpos < this.textstart)
        ) {
          this.textpos = this.textbeg;
          return false;
        }
        if (a & Anchor.Beginning && this.textpos > this.textbeg) this.textpos = this.textbeg;
      }
      return prefix ? this.prefixAt(this.textpos, prefix.str, prefix.ci) : true;
    }
    if (prefix) {
      const at = this.prefixScan(prefix.str, prefix.ci);
      if (at === -1) {
        this.textpos = rtl ? this.textbeg : this.textend;
        return false;
      }
      this.textpos = at;
      return true;
    }
    if (!first) return true;
    this.rtl = rtl;
    this.ci = first.ci;
    for (let i = this.forwardchars(); i > 0; i--) {
      if (charInSet(this.forwardcharnext(), first.set)) {
        this.backwardnext();
        return true;
      }
    }
    return false;
  }
  /** The leading literal at `pos` (ending there, right to left): RegexBoyerMoore.IsMatch. */
  private prefixAt(pos: number, str: string, ci: boolean): boolean {
    const start = this.prog.rightToLeft ? pos - str.length : pos;
    if (start < this.textbeg || start + str.length > this.textend) return false;
    for (let k = 0; k < str.length; k++) {
      const c = this.text.charCodeAt(start + k);
      if ((ci ? lowerChar(c) : c) !== str.charCodeAt(k)) return false;
    }
    return true;
  }
  /** The next position with the leading literal (RegexBoyerMoore.Scan's answer, found by a plain search), or -1. */
  private prefixScan(str: string, ci: boolean): number {
    if (!this.prog.rightToLeft) {
      for (let p = Math.max(this.textpos, this.textbeg); p + str.length <= this.textend; p++) if (this.prefixAt(p, str, ci)) return p;
    } else {
      for (let p = Math.min(this.textpos, this.textend); p - str.length >= this.textbeg; p--) if (this.prefixAt(p, str, ci)) return p;
    }
    return -1;
  }

  private initMatch(): void {
    if (this.match === null) this.match = new MatchState(this.prog.capsize);
    else this.match.reset();
    if (this.track !== null) {
      this.trackpos = this.track.length;
      this.stackpos = this.stack.length;
      this.crawlpos = this.crawl.length;
      return;
    }
    const size = this.prog.trackcount * 8;
    this.track = new Int32Array(Math.max(size, 32));
    this.trackpos = this.track.length;
    this.stack = new Int32Array(Math.max(size, 16));
    this.stackpos = this.stack.length;
    this.crawl = new Int32Array(32);
    this.crawlpos = 32;
  }

  private checkTimeout(): void {
    if (--this.checks === 0) this.clockCheck();
  }
  private clockCheck(): void {
    this.checks = TIMEOUT_CHECK_EVERY;
    if (this.deadline !== Infinity && performance.now() >= this.deadline) throw new NetTimeout();
  }

  // ---- stacks (RegexInterpreter's helpers) ----
  private ensureStorage(): void {
    const t = this.prog.trackcount * 4;
    if (this.stackpos < t) {
      const a = this.stack;
      if (a.length * 2 > MAX_STACK) throw new NetTimeout();
      const b = new Int32Array(a.length * 2);
      b.set(a, a.length);
      this.stackpos += a.length;
      this.stack = b;
    }
    if (this.trackpos < t) {
      const a = this.track!;
      if (a.length * 2 > MAX_STACK) throw new NetTimeout();
      const b = new Int32Array(a.length * 2);
      b.set(a, a.length);
      this.trackpos += a.length;
      this.track = b;
    }
  }
  private goto(newpos: number): void {
    if (newpos < this.codepos) this.ensureStorage();
    this.setOperator(at(this.codes, newpos));
    this.codepos = newpos;
  }
  private advance(i: number): void {
    this.codepos += i + 1;
    this.setOperator(at(this.codes, this.codepos));
  }
  private setOperator(op: number): void {
    this.ci = (op & C.Ci) !== 0;
    this.rtl = (op & C.Rtl) !== 0;
    this.operator = op & ~(C.Rtl | C.Ci);
  }
  private trackTo(newpos: number): void {
    this.trackpos = this.track!.length - newpos;
  }
  private trackPosition(): number {
    return this.track!.length - this.trackpos;
  }
  private tpush(v: number): void {
    if (this.trackpos <= 0) throw indexOutOfRange();
    this.track![--this.trackpos] = v;
  }
  // Fixed-arity pushes (no rest-parameter array per step): values, then the code position — positive
  // to come back in the Back state, negative (.NET's TrackPush2) for the Back2 state.
  private trackPush0(): void {
    this.tpush(this.codepos);
  }
  private trackPush1(a: number): void {
    this.tpush(a);
    this.tpush(this.codepos);
  }
  private trackPush2(a: number, b: number): void {
    this.tpush(a);
    this.tpush(b);
    this.tpush(this.codepos);
  }
  private trackPush3(a: number, b: number, c: number): void {
    this.tpush(a);
    this.tpush(b);
    this.tpush(c);
    this.tpush(this.codepos);
  }
  private trackPushBack2_1(a: number): void {
    this.tpush(a);
    this.tpush(-this.codepos);
  }
  private trackPushBack2_2(a: number, b: number): void {
    this.tpush(a);
    this.tpush(b);
    this.tpush(-this.codepos);
  }
  private trackPop(n = 1): void {
    this.trackpos += n;
  }
  private trackPeek(i = 0): number {
    return at(this.track!, this.trackpos - i - 1);
  }
  private stackPush1(a: number): void {
    if (this.stackpos <= 0) throw indexOutOfRange();
    this.stack[--this.stackpos] = a;
  }
  private stackPush2(a: number, b: number): void {
    this.stackPush1(a);
    this.stackPush1(b);
  }
  private stackPop(n = 1): void {
    this.stackpos += n;
  }
  private stackPeek(i = 0): number {
    return at(this.stack, this.stackpos - i - 1);
  }
  private backtrack(): void {
    let newpos = at(this.track!, this.trackpos++);
    if (newpos < 0) {
      newpos = -newpos;
      this.setOperator(at(this.codes, newpos) | C.Back2);
    } else this.setOperator(at(this.codes, newpos) | C.Back);
    if (newpos < this.codepos) this.ensureStorage();
    this.codepos = newpos;
  }
  private operand(i: number): number {
    return this.codes[this.codepos + i + 1]!;
  }

  // ---- text ----
  private charAt(i: number): number {
    if (i < 0 || i >= this.text.length) throw indexOutOfRange();
    return this.text.charCodeAt(i);
  }
  private forwardchars(): number {
    return this.rtl ? this.textpos - this.textbeg : this.textend - this.textpos;
  }
  private forwardcharnext(): number {
    const c = this.rtl ? this.charAt(--this.textpos) : this.charAt(this.textpos++);
    return this.ci ? lowerChar(c) : c;
  }
  private backwardnext(): void {
    this.textpos += this.rtl ? 1 : -1;
  }
  private bumpDir(): number {
    return this.rtl ? -1 : 1;
  }
  private stringmatch(s: string): boolean {
    let c = s.length;
    let pos: number;
    if (!this.rtl) {
      if (this.textend - this.textpos < c) return false;
      pos = this.textpos + c;
    } else {
      if (this.textpos - this.textbeg < c) return false;
      pos = this.textpos;
    }
    while (c !== 0) {
      const t = this.charAt(--pos);
      if (s.charCodeAt(--c) !== (this.ci ? lowerChar(t) : t)) return false;
    }
    if (!this.rtl) pos += s.length;
    this.textpos = pos;
    return true;
  }
  private refmatch(index: number, len: number): boolean {
    let pos: number;
    if (!this.rtl) {
      if (this.textend - this.textpos < len) return false;
      pos = this.textpos + len;
    } else {
      if (this.textpos - this.textbeg < len) return false;
      pos = this.textpos;
    }
    let cmpos = index + len;
    let c = len;
    while (c-- !== 0) {
      const a = this.charAt(--cmpos);
      const b = this.charAt(--pos);
      if (this.ci ? lowerChar(a) !== lowerChar(b) : a !== b) return false;
    }
    if (!this.rtl) pos += len;
    this.textpos = pos;
    return true;
  }
  private isBoundary(index: number, ecma: boolean): boolean {
    const w = ecma ? isEcmaWordChar : isWordChar;
    return (index > this.textbeg && w(this.charAt(index - 1))) !== (index < this.textend && w(this.charAt(index)));
  }
  private set(i: number): CharSet {
    return this.prog.strings[i] as CharSet;
  }

  // ---- captures (RegexRunner.Capture / TransferCapture / Uncapture) ----
  private crawlPush(i: number): void {
    if (this.crawlpos === 0) {
      const a = this.crawl;
      const b = new Int32Array(a.length * 2);
      b.set(a, a.length);
      this.crawlpos += a.length;
      this.crawl = b;
    }
    this.crawl[--this.crawlpos] = i;
  }
  private crawlPosition(): number {
    return this.crawl.length - this.crawlpos;
  }
  private capture(capnum: number, start: number, end: number): void {
    if (end < start) [start, end] = [end, start];
    this.crawlPush(capnum);
    this.match!.add(capnum, start, end - start);
  }
  private transferCapture(capnum: number, uncapnum: number, start: number, end: number): void {
    if (end < start) [start, end] = [end, start];
    const m = this.match!;
    const start2 = m.index(uncapnum);
    const end2 = start2 + m.length(uncapnum);
    if (start >= end2) {
      end = start;
      start = end2;
    } else if (end <= start2) start = start2;
    else {
      if (end > end2) end = end2;
      if (start2 > start) start = start2;
    }
    this.crawlPush(uncapnum);
    m.balance(uncapnum);
    if (capnum !== -1) {
      this.crawlPush(capnum);
      m.add(capnum, start, end - start);
    }
  }
  private uncapture(): void {
    const capnum = at(this.crawl, this.crawlpos++);
    this.match!.remove(capnum);
  }

  // ---- RegexInterpreter.Go ----
  private go(): void {
    this.goto(0);
    for (;;) {
      // (the countdown inline: one call fewer per step before the optimizing compiler inlines it)
      if (--this.checks === 0) this.clockCheck();
      if (this.step()) return;
    }
  }

  /** One opcode; true at Stop. Falls back to backtrack() where .NET's `break` does. */
  private step(): boolean {
    const m = this.match!;
    switch (this.operator) {
      case C.Stop:
        return true;
      case C.Nothing:
        break;
      case C.Goto:
        this.goto(this.operand(0));
        return false;
      case C.Testref:
        if (!m.isMatched(this.operand(0))) break;
        this.advance(1);
        return false;
      case C.Lazybranch:
        this.trackPush1(this.textpos);
        this.advance(1);
        return false;
      case C.Lazybranch | C.Back:
        this.trackPop();
        this.textpos = this.trackPeek();
        this.goto(this.operand(0));
        return false;
      case C.Setmark:
        this.stackPush1(this.textpos);
        this.trackPush0();
        this.advance(0);
        return false;
      case C.Nullmark:
        this.stackPush1(-1);
        this.trackPush0();
        this.advance(0);
        return false;
      case C.Setmark | C.Back:
      case C.Nullmark | C.Back:
        this.stackPop();
        break;
      case C.Getmark:
        this.stackPop();
        this.trackPush1(this.stackPeek());
        this.textpos = this.stackPeek();
        this.advance(0);
        return false;
      case C.Getmark | C.Back:
        this.trackPop();
        this.stackPush1(this.trackPeek());
        break;
      case C.Capturemark: {
        const un = this.operand(1);
        if (un !== -1 && !m.isMatched(un)) break;
        this.stackPop();
        if (un !== -1) this.transferCapture(this.operand(0), un, this.stackPeek(), this.textpos);
        else this.capture(this.operand(0), this.stackPeek(), this.textpos);
        this.trackPush1(this.stackPeek());
        this.advance(2);
        return false;
      }
      case C.Capturemark | C.Back:
        this.trackPop();
        this.stackPush1(this.trackPeek());
        this.uncapture();
        if (this.operand(0) !== -1 && this.operand(1) !== -1) this.uncapture();
        break;
      case C.Branchmark: {
        this.stackPop();
        const matched = this.textpos - this.stackPeek();
        if (matched !== 0) {
          this.trackPush2(this.stackPeek(), this.textpos);
          this.stackPush1(this.textpos);
          this.goto(this.operand(0));
        } else {
          this.trackPushBack2_1(this.stackPeek());
          this.advance(1);
        }
        return false;
      }
      case C.Branchmark | C.Back:
        this.trackPop(2);
        this.stackPop();
        this.textpos = this.trackPeek(1);
        this.trackPushBack2_1(this.trackPeek());
        this.advance(1);
        return false;
      case C.Branchmark | C.Back2:
        this.trackPop();
        this.stackPush1(this.trackPeek());
        break;
      case C.Lazybranchmark: {
        this.stackPop();
        const oldMark = this.stackPeek();
        if (this.textpos !== oldMark) {
          if (oldMark !== -1) this.trackPush2(oldMark, this.textpos);
          else this.trackPush2(this.textpos, this.textpos);
        } else {
          this.stackPush1(oldMark);
          this.trackPushBack2_1(this.stackPeek());
        }
        this.advance(1);
        return false;
      }
      case C.Lazybranchmark | C.Back: {
        this.trackPop(2);
        const pos = this.trackPeek(1);
        this.trackPushBack2_1(this.trackPeek());
        this.stackPush1(pos);
        this.textpos = pos;
        this.goto(this.operand(0));
        return false;
      }
      case C.Lazybranchmark | C.Back2:
        this.stackPop();
        this.trackPop();
        this.stackPush1(this.trackPeek());
        break;
      case C.Setcount:
        this.stackPush2(this.textpos, this.operand(0));
        this.trackPush0();
        this.advance(1);
        return false;
      case C.Nullcount:
        this.stackPush2(-1, this.operand(0));
        this.trackPush0();
        this.advance(1);
        return false;
      case C.Setcount | C.Back:
      case C.Nullcount | C.Back:
        this.stackPop(2);
        break;
      case C.Branchcount: {
        this.stackPop(2);
        const mark = this.stackPeek();
        const count = this.stackPeek(1);
        const matched = this.textpos - mark;
        if (count >= this.operand(1) || (matched === 0 && count >= 0)) {
          this.trackPushBack2_2(mark, count);
          this.advance(2);
        } else {
          this.trackPush1(mark);
          this.stackPush2(this.textpos, count + 1);
          this.goto(this.operand(0));
        }
        return false;
      }
      case C.Branchcount | C.Back:
        this.trackPop();
        this.stackPop(2);
        if (this.stackPeek(1) > 0) {
          this.textpos = this.stackPeek();
          this.trackPushBack2_2(this.trackPeek(), this.stackPeek(1) - 1);
          this.advance(2);
          return false;
        }
        this.stackPush2(this.trackPeek(), this.stackPeek(1) - 1);
        break;
      case C.Branchcount | C.Back2:
        this.trackPop(2);
        this.stackPush2(this.trackPeek(), this.trackPeek(1));
        break;
      case C.Lazybranchcount: {
        this.stackPop(2);
        const mark = this.stackPeek();
        const count = this.stackPeek(1);
        if (count < 0) {
          this.trackPushBack2_1(mark);
          this.stackPush2(this.textpos, count + 1);
          this.goto(this.operand(0));
        } else {
          this.trackPush3(mark, count, this.textpos);
          this.advance(2);
        }
        return false;
      }
      case C.Lazybranchcount | C.Back: {
        this.trackPop(3);
        const mark = this.trackPeek();
        const textpos = this.trackPeek(2);
        if (this.trackPeek(1) < this.operand(1) && textpos !== mark) {
          this.textpos = textpos;
          this.stackPush2(textpos, this.trackPeek(1) + 1);
          this.trackPushBack2_1(mark);
          this.goto(this.operand(0));
          return false;
        }
        this.stackPush2(this.trackPeek(), this.trackPeek(1));
        break;
      }
      case C.Lazybranchcount | C.Back2:
        this.trackPop();
        this.stackPop(2);
        this.stackPush2(this.trackPeek(), this.stackPeek(1) - 1);
        break;
      case C.Setjump:
        this.stackPush2(this.trackPosition(), this.crawlPosition());
        this.trackPush0();
        this.advance(0);
        return false;
      case C.Setjump | C.Back:
        this.stackPop(2);
        break;
      case C.Backjump:
        this.stackPop(2);
        this.trackTo(this.stackPeek());
        while (this.crawlPosition() !== this.stackPeek(1)) this.uncapture();
        break;
      case C.Forejump:
        this.stackPop(2);
        this.trackTo(this.stackPeek());
        this.trackPush1(this.stackPeek(1));
        this.advance(0);
        return false;
      case C.Forejump | C.Back:
        this.trackPop();
        while (this.crawlPosition() !== this.trackPeek()) this.uncapture();
        break;
      case C.Bol:
        if (this.textpos - this.textbeg > 0 && this.charAt(this.textpos - 1) !== 10) break;
        this.advance(0);
        return false;
      case C.Eol:
        if (this.textend - this.textpos > 0 && this.charAt(this.textpos) !== 10) break;
        this.advance(0);
        return false;
      case C.Boundary:
        if (!this.isBoundary(this.textpos, false)) break;
        this.advance(0);
        return false;
      case C.Nonboundary:
        if (this.isBoundary(this.textpos, false)) break;
        this.advance(0);
        return false;
      case C.ECMABoundary:
        if (!this.isBoundary(this.textpos, true)) break;
        this.advance(0);
        return false;
      case C.NonECMABoundary:
        if (this.isBoundary(this.textpos, true)) break;
        this.advance(0);
        return false;
      case C.Beginning:
        if (this.textpos - this.textbeg > 0) break;
        this.advance(0);
        return false;
      case C.Start:
        if (this.textpos !== this.textstart) break;
        this.advance(0);
        return false;
      case C.EndZ: {
        const r = this.textend - this.textpos;
        if (r > 1 || (r === 1 && this.charAt(this.textpos) !== 10)) break;
        this.advance(0);
        return false;
      }
      case C.End:
        if (this.textend - this.textpos > 0) break;
        this.advance(0);
        return false;
      case C.One:
        if (this.forwardchars() < 1 || this.forwardcharnext() !== this.operand(0)) break;
        this.advance(1);
        return false;
      case C.Notone:
        if (this.forwardchars() < 1 || this.forwardcharnext() === this.operand(0)) break;
        this.advance(1);
        return false;
      case C.Set:
        if (this.forwardchars() < 1 || !charInSet(this.forwardcharnext(), this.set(this.operand(0)))) break;
        this.advance(1);
        return false;
      case C.Multi:
        if (!this.stringmatch(this.prog.strings[this.operand(0)] as string)) break;
        this.advance(1);
        return false;
      case C.Ref: {
        const capnum = this.operand(0);
        if (m.isMatched(capnum)) {
          if (!this.refmatch(m.index(capnum), m.length(capnum))) break;
        } else if (!this.ecma) break;
        this.advance(1);
        return false;
      }
      case C.Onerep:
      case C.Notonerep:
      case C.Setrep: {
        let c = this.operand(1);
        if (this.forwardchars() < c) break;
        const op = this.operator;
        const ch = this.operand(0);
        const s = op === C.Setrep ? this.set(ch) : null;
        let ok = true;
        while (c-- > 0) {
          const x = this.forwardcharnext();
          if (op === C.Onerep ? x !== ch : op === C.Notonerep ? x === ch : !charInSet(x, s!)) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
        this.advance(2);
        return false;
      }
      case C.Oneloop:
      case C.Notoneloop:
      case C.Setloop: {
        let c = this.operand(1);
        if (c > this.forwardchars()) c = this.forwardchars();
        const op = this.operator;
        const ch = this.operand(0);
        const s = op === C.Setloop ? this.set(ch) : null;
        let i: number;
        for (i = c; i > 0; i--) {
          const x = this.forwardcharnext();
          if (op === C.Oneloop ? x !== ch : op === C.Notoneloop ? x === ch : !charInSet(x, s!)) {
            this.backwardnext();
            break;
          }
        }
        if (c > i) this.trackPush2(c - i - 1, this.textpos - this.bumpDir());
        this.advance(2);
        return false;
      }
      case C.Oneloop | C.Back:
      case C.Notoneloop | C.Back:
      case C.Setloop | C.Back: {
        this.trackPop(2);
        const i = this.trackPeek();
        const pos = this.trackPeek(1);
        this.textpos = pos;
        if (i > 0) this.trackPush2(i - 1, pos - this.bumpDir());
        this.advance(2);
        return false;
      }
      case C.Onelazy:
      case C.Notonelazy:
      case C.Setlazy: {
        let c = this.operand(1);
        if (c > this.forwardchars()) c = this.forwardchars();
        if (c > 0) this.trackPush2(c - 1, this.textpos);
        this.advance(2);
        return false;
      }
      case C.Onelazy | C.Back:
      case C.Notonelazy | C.Back:
      case C.Setlazy | C.Back: {
        this.trackPop(2);
        const pos = this.trackPeek(1);
        this.textpos = pos;
        const x = this.forwardcharnext();
        const op = this.operator & C.Mask;
        const ch = this.operand(0);
        if (op === C.Onelazy ? x !== ch : op === C.Notonelazy ? x === ch : !charInSet(x, this.set(ch))) break;
        const i = this.trackPeek();
        if (i > 0) this.trackPush2(i - 1, pos + this.bumpDir());
        this.advance(2);
        return false;
      }
      default:
        // a frame .NET's interpreter bugs left (a stale code position) names a state it has no case for
        throw new DotNetException("System.NotImplementedException", "Unimplemented state.");
    }
    this.backtrack();
    return false;
  }
}

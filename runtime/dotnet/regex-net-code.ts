// The .NET regex code writer (structure of .NET's RegexWriter): a RegexNode tree (regex-net-parse.ts)
// becomes the flat opcode program the interpreter (regex-net-interp.ts) runs, with the same opcodes,
// operands and jump layout as .NET's, so backtracking, loop and capture behaviour follow .NET's.
import type { CharSet } from "./regex-net-sets.js";
import { N, Opt, type RNode } from "./regex-net-parse.js";
import { scanStart, type ScanStart } from "./regex-net-fcd.js";

// RegexCode's opcodes (the leaves share the node numbers).
export const enum C {
  Onerep = 0,
  Notonerep = 1,
  Setrep = 2,
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
  Lazybranch = 23,
  Branchmark = 24,
  Lazybranchmark = 25,
  Nullcount = 26,
  Setcount = 27,
  Branchcount = 28,
  Lazybranchcount = 29,
  Nullmark = 30,
  Setmark = 31,
  Capturemark = 32,
  Getmark = 33,
  Setjump = 34,
  Backjump = 35,
  Forejump = 36,
  Testref = 37,
  Goto = 38,
  Stop = 40,
  ECMABoundary = 41,
  NonECMABoundary = 42,
  Mask = 63,
  Rtl = 64,
  Back = 128,
  Back2 = 256,
  Ci = 512,
}

const INF = 2147483647;
const BEFORE = 64;
const AFTER = 128;

export interface NetProgram {
  codes: Int32Array;
  /** Multi strings and Set classes, by operand. */
  strings: (string | CharSet)[];
  /** How many emitted opcodes backtrack (sizes the stacks as .NET's runner does). */
  trackcount: number;
  /** Slots: group number → slot index. */
  slotOf: Map<number, number>;
  capsize: number;
  rightToLeft: boolean;
  /** Where a scan may start (anchors, leading literal, first characters). */
  start: ScanStart;
}

function backtracks(op: number): boolean {
  switch (op & C.Mask) {
    case C.Oneloop:
    case C.Notoneloop:
    case C.Setloop:
    case C.Onelazy:
    case C.Notonelazy:
    case C.Setlazy:
    case C.Lazybranch:
    case C.Branchmark:
    case C.Lazybranchmark:
    case C.Nullcount:
    case C.Setcount:
    case C.Branchcount:
    case C.Lazybranchcount:
    case C.Setmark:
    case C.Capturemark:
    case C.Getmark:
    case C.Setjump:
    case C.Backjump:
    case C.Forejump:
    case C.Goto:
      return true;
    default:
      return false;
  }
}

class Writer {
  codes: number[] = [];
  strings: (string | CharSet)[] = [];
  stringIndex = new Map<string, number>();
  ints: number[] = [];
  trackcount = 0;
  constructor(readonly slotOf: Map<number, number>) {}

  emit(op: number, ...operands: number[]): void {
    if (backtracks(op)) this.trackcount++;
    this.codes.push(op, ...operands);
  }
  patch(at: number, dest: number): void {
    this.codes[at + 1] = dest;
  }
  map(capnum: number): number {
    return capnum === -1 ? -1 : this.slotOf.get(capnum)!;
  }
  stringCode(s: string | CharSet): number {
    if (typeof s !== "string") {
      this.strings.push(s);
      return this.strings.length - 1;
    }
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.stringIndex.set(s, i);
      this.strings.push(s);
    }
    return i;
  }

  walk(x: RNode): void {
    if (!x.children) {
      this.fragment(x.type, x, 0);
      return;
    }
    for (let i = 0; i < x.children.length; i++) {
      this.fragment(x.type | BEFORE, x, i);
      this.walk(x.children[i]!);
      this.fragment(x.type | AFTER, x, i);
    }
  }

  fragment(t: number, x: RNode, cur: number): void {
    let bits = 0;
    if (t <= N.Ref) {
      if (x.opts & Opt.RightToLeft) bits |= C.Rtl;
      if (x.opts & Opt.IgnoreCase) bits |= C.Ci;
    }
    const pos = () => this.codes.length;
    switch (t) {
      case N.Concatenate | BEFORE:
      case N.Concatenate | AFTER:
      case N.Empty:
      case N.Group | BEFORE:
      case N.Group | AFTER:
        return;
      case N.Alternate | BEFORE:
        if (cur < x.children!.length - 1) {
          this.ints.push(pos());
          this.emit(C.Lazybranch, 0);
        }
        return;
      case N.Alternate | AFTER:
        if (cur < x.children!.length - 1) {
          const lb = this.ints.pop()!;
          this.ints.push(pos());
          this.emit(C.Goto, 0);
          this.patch(lb, pos());
        } else for (let i = 0; i < cur; i++) this.patch(this.ints.pop()!, pos());
        return;
      case N.Testref | BEFORE:
        if (cur === 0) {
          this.emit(C.Setjump);
          this.ints.push(pos());
          this.emit(C.Lazybranch, 0);
          this.emit(C.Testref, this.map(x.m));
          this.emit(C.Forejump);
        }
        return;
      case N.Testref | AFTER:
        if (cur === 0) {
          const bp = this.ints.pop()!;
          this.ints.push(pos());
          this.emit(C.Goto, 0);
          this.patch(bp, pos());
          this.emit(C.Forejump);
          if (x.children!.length > 1) return;
        }
        this.patch(this.ints.pop()!, pos());
        return;
      case N.Testgroup | BEFORE:
        if (cur === 0) {
          this.emit(C.Setjump);
          this.emit(C.Setmark);
          this.ints.push(pos());
          this.emit(C.Lazybranch, 0);
        }
        return;
      case N.Testgroup | AFTER:
        if (cur === 0) {
          this.emit(C.Getmark);
          this.emit(C.Forejump);
          return;
        }
        if (cur === 1) {
          const bp = this.ints.pop()!;
          this.ints.push(pos());
          this.emit(C.Goto, 0);
          this.patch(bp, pos());
          this.emit(C.Getmark);
          this.emit(C.Forejump);
          if (x.children!.length > 2) return;
        }
        this.patch(this.ints.pop()!, pos());
        return;
      case N.Loop | BEFORE:
      case N.Lazyloop | BEFORE:
        if (x.n < INF || x.m > 1) this.emit(x.m === 0 ? C.Nullcount : C.Setcount, x.m === 0 ? 0 : 1 - x.m);
        else this.emit(x.m === 0 ? C.Nullmark : C.Setmark);
        if (x.m === 0) {
          this.ints.push(pos());
          this.emit(C.Goto, 0);
        }
        this.ints.push(pos());
        return;
      case N.Loop | AFTER:
      case N.Lazyloop | AFTER: {
        const startJump = pos();
        const lazy = t - (N.Loop | AFTER);
        if (x.n < INF || x.m > 1) this.emit(C.Branchcount + lazy, this.ints.pop()!, x.n === INF ? INF : x.n - x.m);
        else this.emit(C.Branchmark + lazy, this.ints.pop()!);
        if (x.m === 0) this.patch(this.ints.pop()!, startJump);
        return;
      }
      case N.Capture | BEFORE:
        this.emit(C.Setmark);
        return;
      case N.Capture | AFTER:
        this.emit(C.Capturemark, this.map(x.m), this.map(x.n));
        return;
      case N.Require | BEFORE:
        this.emit(C.Setjump);
        this.emit(C.Setmark);
        return;
      case N.Require | AFTER:
        this.emit(C.Getmark);
        this.emit(C.Forejump);
        return;
      case N.Prevent | BEFORE:
        this.emit(C.Setjump);
        this.ints.push(pos());
        this.emit(C.Lazybranch, 0);
        return;
      case N.Prevent | AFTER:
        this.emit(C.Backjump);
        this.patch(this.ints.pop()!, pos());
        this.emit(C.Forejump);
        return;
      case N.Greedy | BEFORE:
        this.emit(C.Setjump);
        return;
      case N.Greedy | AFTER:
        this.emit(C.Forejump);
        return;
      case N.One:
      case N.Notone:
        this.emit(x.type | bits, x.ch);
        return;
      case N.Notoneloop:
      case N.Notonelazy:
      case N.Oneloop:
      case N.Onelazy:
        if (x.m > 0) this.emit((x.type === N.Oneloop || x.type === N.Onelazy ? C.Onerep : C.Notonerep) | bits, x.ch, x.m);
        if (x.n > x.m) this.emit(x.type | bits, x.ch, x.n === INF ? INF : x.n - x.m);
        return;
      case N.Setloop:
      case N.Setlazy:
        if (x.m > 0) this.emit(C.Setrep | bits, this.stringCode(x.set!), x.m);
        if (x.n > x.m) this.emit(x.type | bits, this.stringCode(x.set!), x.n === INF ? INF : x.n - x.m);
        return;
      case N.Multi:
        this.emit(x.type | bits, this.stringCode(x.str));
        return;
      case N.Set:
        this.emit(x.type | bits, this.stringCode(x.set!));
        return;
      case N.Ref:
        this.emit(x.type | bits, this.map(x.m));
        return;
      case N.Nothing:
      case N.Bol:
      case N.Eol:
      case N.Boundary:
      case N.Nonboundary:
      case N.ECMABoundary:
      case N.NonECMABoundary:
      case N.Beginning:
      case N.Start:
      case N.EndZ:
      case N.End:
        this.emit(x.type);
        return;
      default:
        throw new Error(`regex writer: unexpected node ${t}`);
    }
  }
}

/** Writes the program for a parsed tree; `numbers` are the group numbers in slot order. */
export function writeProgram(root: RNode, numbers: number[], opts: number): NetProgram {
  const slotOf = new Map(numbers.map((n, i) => [n, i] as const));
  const w = new Writer(slotOf);
  w.emit(C.Lazybranch, 0);
  w.walk(root);
  w.patch(0, w.codes.length);
  w.emit(C.Stop);
  return { codes: Int32Array.from(w.codes), strings: w.strings, trackcount: w.trackcount, slotOf, capsize: numbers.length, rightToLeft: (opts & Opt.RightToLeft) !== 0, start: scanStart(root) };
}

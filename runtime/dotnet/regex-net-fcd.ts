// Where a scan may start (structure of .NET's RegexFCD and FindFirstChar): the leading anchors, the
// leading literal (a Boyer-Moore search in .NET, a plain search here: the same positions) and the set
// of characters a match can begin with. The scan runs the interpreter only at those positions, as
// .NET's does; that matters beyond speed where .NET's interpreter bugs leave stale entries on its
// stacks, which then depend on where it ran before.
import { type CharSet, mergeSets, isMergeable, addLowercase, newSet, rangeSet } from "./regex-net-sets.js";
import { N, Opt, type RNode } from "./regex-net-parse.js";

export const enum Anchor {
  Beginning = 0x1,
  Bol = 0x2,
  Start = 0x4,
  Eol = 0x8,
  EndZ = 0x10,
  End = 0x20,
  Boundary = 0x40,
  ECMABoundary = 0x80,
}

export interface ScanStart {
  anchors: number;
  /** The leading literal (lowercased under IgnoreCase) or null. */
  prefix: { str: string; ci: boolean } | null;
  /** The class of first characters, or null (the pattern can match empty there). */
  first: { set: CharSet; ci: boolean } | null;
}

function anchorOf(type: number): number {
  switch (type) {
    case N.Bol:
      return Anchor.Bol;
    case N.Eol:
      return Anchor.Eol;
    case N.Boundary:
      return Anchor.Boundary;
    case N.ECMABoundary:
      return Anchor.ECMABoundary;
    case N.Beginning:
      return Anchor.Beginning;
    case N.Start:
      return Anchor.Start;
    case N.EndZ:
      return Anchor.EndZ;
    case N.End:
      return Anchor.End;
    default:
      return 0;
  }
}

/** RegexFCD.Anchors and RegexFCD.Prefix walk the same leading path. */
function leading(root: RNode, want: "anchors" | "prefix"): number | { str: string; ci: boolean } | null {
  let cur = root;
  let concat: RNode | null = null;
  let next = 0;
  for (;;) {
    switch (cur.type) {
      case N.Concatenate:
        if (cur.children?.length) {
          concat = cur;
          next = 0;
        }
        break;
      case N.Greedy:
      case N.Capture:
        cur = cur.children![0]!;
        concat = null;
        continue;
      case N.Bol:
      case N.Eol:
      case N.Boundary:
      case N.ECMABoundary:
      case N.Beginning:
      case N.Start:
      case N.EndZ:
      case N.End:
        if (want === "anchors") return anchorOf(cur.type);
        break;
      case N.Empty:
      case N.Require:
      case N.Prevent:
        break;
      case N.Oneloop:
      case N.Onelazy:
        if (want === "anchors") return 0;
        return cur.m > 0 && cur.m < 1_000_000 ? { str: String.fromCharCode(cur.ch).repeat(cur.m), ci: (cur.opts & Opt.IgnoreCase) !== 0 } : null;
      case N.One:
        if (want === "anchors") return 0;
        return { str: String.fromCharCode(cur.ch), ci: (cur.opts & Opt.IgnoreCase) !== 0 };
      case N.Multi:
        if (want === "anchors") return 0;
        return { str: cur.str, ci: (cur.opts & Opt.IgnoreCase) !== 0 };
      default:
        return want === "anchors" ? 0 : null;
    }
    if (concat === null || next >= concat.children!.length) return want === "anchors" ? 0 : null;
    cur = concat.children![next++]!;
  }
}

interface FC {
  set: CharSet;
  nullable: boolean;
  ci: boolean;
}

const ANY: CharSet = rangeSet(0, 0xffff);

/** RegexFCD.FirstChars: the first-character class, or null when a match can start empty. */
function firstChars(root: RNode): { set: CharSet; ci: boolean } | null {
  const stack: FC[] = [];
  let failed = false;
  let skipAll = false;
  let skipChild = false;
  const add = (into: FC, fc: FC, concatenate: boolean): boolean => {
    if (!isMergeable(into.set) || !isMergeable(fc.set)) return false;
    if (concatenate) {
      if (!into.nullable) return true;
      if (!fc.nullable) into.nullable = false;
    } else if (fc.nullable) into.nullable = true;
    into.ci ||= fc.ci;
    into.set = mergeSets(into.set, fc.set);
    return true;
  };
  const char = (ch: number, not: boolean, nullable: boolean, ci: boolean): FC => {
    const ranges: number[] = [];
    if (not) {
      if (ch > 0) ranges.push(0, ch - 1);
      if (ch < 0xffff) ranges.push(ch + 1, 0xffff);
    } else ranges.push(ch, ch);
    return { set: { negate: false, ranges, cats: [], sub: null }, nullable, ci };
  };
  const copy = (s: CharSet): CharSet => ({ negate: s.negate, ranges: [...s.ranges], cats: [...s.cats], sub: s.sub });
  const calc = (t: number, x: RNode, cur: number, before: boolean, after: boolean): void => {
    const ci = !before && !after && t <= N.Ref && (x.opts & Opt.IgnoreCase) !== 0;
    const rtl = !before && !after && t <= N.Ref && (x.opts & Opt.RightToLeft) !== 0;
    if (before) {
      if (t === N.Testgroup && cur === 0) skipChild = true;
      if (t === N.Require || t === N.Prevent) {
        skipChild = true;
        stack.push({ set: newSet(), nullable: true, ci: false });
      }
      return;
    }
    if (after) {
      switch (t) {
        case N.Concatenate:
          if (cur !== 0) {
            const child = stack.pop()!;
            failed = !add(stack[stack.length - 1]!, child, true);
          }
          if (!stack[stack.length - 1]!.nullable) skipAll = true;
          return;
        case N.Testgroup:
          if (cur > 1) {
            const child = stack.pop()!;
            failed = !add(stack[stack.length - 1]!, child, false);
          }
          return;
        case N.Alternate:
        case N.Testref:
          if (cur !== 0) {
            const child = stack.pop()!;
            failed = !add(stack[stack.length - 1]!, child, false);
          }
          return;
        case N.Loop:
        case N.Lazyloop:
          if (x.m === 0) stack[stack.length - 1]!.nullable = true;
          return;
        default:
          return;
      }
    }
    switch (t) {
      case N.Empty:
        stack.push({ set: newSet(), nullable: true, ci: false });
        return;
      case N.One:
      case N.Notone:
        stack.push(char(x.ch, t === N.Notone, false, ci));
        return;
      case N.Oneloop:
      case N.Onelazy:
        stack.push(char(x.ch, false, x.m === 0, ci));
        return;
      case N.Notoneloop:
      case N.Notonelazy:
        stack.push(char(x.ch, true, x.m === 0, ci));
        return;
      case N.Multi:
        if (x.str.length === 0) stack.push({ set: newSet(), nullable: true, ci: false });
        else stack.push(char(x.str.charCodeAt(rtl ? x.str.length - 1 : 0), false, false, ci));
        return;
      case N.Set:
        stack.push({ set: copy(x.set!), nullable: false, ci });
        return;
      case N.Setloop:
      case N.Setlazy:
        stack.push({ set: copy(x.set!), nullable: x.m === 0, ci });
        return;
      case N.Ref:
        stack.push({ set: copy(ANY), nullable: true, ci: false });
        return;
      default:
        // Nothing and the anchors
        stack.push({ set: newSet(), nullable: true, ci: false });
    }
  };
  const visit = (x: RNode): void => {
    if (!x.children) {
      calc(x.type, x, 0, false, false);
      return;
    }
    for (let i = 0; i < x.children.length && !skipAll; i++) {
      calc(x.type, x, i, true, false);
      if (skipChild) {
        skipChild = false;
        continue;
      }
      visit(x.children[i]!);
      if (failed) return;
      skipAll = false;
      calc(x.type, x, i, false, true);
      if (failed) return;
    }
    skipAll = false;
  };
  visit(root);
  if (failed || !stack.length) return null;
  const fc = stack.pop()!;
  if (fc.nullable) return null;
  if (fc.ci) addLowercase(fc.set);
  return { set: fc.set, ci: fc.ci };
}

export function scanStart(root: RNode): ScanStart {
  const p = leading(root, "prefix") as { str: string; ci: boolean } | null;
  return { anchors: leading(root, "anchors") as number, prefix: p && p.str.length > 0 ? p : null, first: firstChars(root) };
}

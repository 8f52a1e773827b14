// System.Text.RegularExpressions: Regex/Match/Group over a JS RegExp, with a .NET → JS pattern translator
// (Unicode classes, .NET group numbering, inline options, anchors JS lacks).
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, nullReference } from "../errors.js";
import { registerTypeCheck } from "./core.js";
import { LinearRegex } from "./regex-linear.js";
import { regexBudget, runWithBudget, prepareRegexHelper, RegexMatchTimeoutException, type V8Exec } from "./regex-budget.js";
import { NetEngine, NetTimeout, memorySlice, netSubstring, type NetMatchData } from "./regex-net.js";
import { TimeSpan } from "./datetime.js";
import { GroupTable } from "./regex-groups.js";
import { LAST_GROUP, LEFT_PORTION, RIGHT_PORTION, WHOLE_STRING, parseReplacement, type ReplacementPiece } from "./regex-replacement.js";

export class Capture {
  constructor(
    /** The input the capture is in (Value is a slice of it, taken when asked, as .NET's Substring). */
    readonly text: string,
    readonly Index: number,
    readonly Length: number,
  ) {}
  get Value(): string {
    return netSubstring(this.text, this.Index, this.Length);
  }
  ToString(): string {
    return this.Value;
  }
  /** The text a replacement pattern's $n gives (.NET Core slices it as a span: a bad interval names `start`). */
  spanValue(): string {
    return memorySlice(this.text, this.Index, this.Length);
  }
}
export class Group extends Capture {
  constructor(
    text: string,
    index: number,
    length: number,
    readonly Success: boolean,
    readonly Name: string,
    /**
     * Every capture of the group, first to last, as [index, length] pairs (.NET's Group.Captures), or
     * a function that finds them (a JS-engine match of a pattern with a capture in a loop asks the
     * .NET engine), or null: the group captured at most once.
     */
    private readonly caps: ArrayLike<number> | (() => ArrayLike<number> | null) | null = null,
  ) {
    super(text, index, length);
  }
  get Captures(): CaptureCollection {
    const caps = typeof this.caps === "function" ? this.caps() : this.caps;
    if (caps === null) return new CaptureCollection(this.Success ? [new Capture(this.text, this.Index, this.Length)] : []);
    const out: Capture[] = [];
    for (let i = 0; i + 1 < caps.length; i += 2) out.push(new Capture(this.text, caps[i]!, caps[i + 1]!));
    return new CaptureCollection(out);
  }
}
/** System.Text.RegularExpressions.CaptureCollection: a group's captures, first to last. */
export class CaptureCollection implements Iterable<Capture> {
  constructor(private readonly caps: Capture[]) {}
  get Count(): number {
    return this.caps.length;
  }
  Item(i: number): Capture {
    if (!(i >= 0 && i < this.caps.length)) throw argumentOutOfRange("i");
    return this.caps[i]!;
  }
  [Symbol.iterator](): Iterator<Capture> {
    return this.caps[Symbol.iterator]();
  }
}
class GroupCollection implements Iterable<Group> {
  /** `table`: the regex's group numbers and names; null for Match.Empty's, which has no regex (every name gives the empty group). */
  constructor(
    /** The groups by slot. */
    private readonly groups: Group[],
    private readonly table: GroupTable | null,
    /** The regex's parsed replacement patterns (Match.Result). */
    readonly replacement: ((repl: string) => ReplacementPiece[]) | null = null,
  ) {}
  /** this[int groupnum] (a group number, mapped to its slot) and this[string groupname] (Regex.GroupNumberFromName: null throws). */
  Item(k: string | number): Group {
    if (!this.table) return k === 0 ? this.groups[0]! : EMPTY_GROUP;
    const slot = this.table.slotOf(typeof k === "number" ? k : this.table.numberFromName(k));
    return slot >= 0 ? this.groups[slot]! : EMPTY_GROUP;
  }
  /** The group in a slot (Match.IsMatched's index). */
  slot(i: number): Group {
    return this.groups[i]!;
  }
  get Count(): number {
    return this.groups.length;
  }
  /** .NET's enumerator reads this[i] for i below Count: a group number, so with gaps a slot's group can be missed. */
  *[Symbol.iterator](): Iterator<Group> {
    for (let i = 0; i < this.groups.length; i++) yield this.Item(i);
  }
}
const EMPTY_GROUP = new Group("", 0, 0, false, "");
export class Match extends Group {
  constructor(
    text: string,
    index: number,
    length: number,
    success: boolean,
    readonly Groups: GroupCollection,
    private readonly next: (() => Match) | null,
  ) {
    super(text, index, length, success, "0");
  }
  NextMatch(): Match {
    return this.next ? this.next() : Regex.EmptyMatch;
  }
  Result(repl: string): string {
    if (repl === null || repl === undefined) throw argumentNull("replacement");
    if (!this.Success) throw new DotNetException("System.NotSupportedException", "Result cannot be called on a failed Match.");
    return expandReplacement(this.Groups.replacement!(repl), this);
  }
}
/** A parsed replacement applied to a match (RegexReplacement.ReplacementImpl). */
function expandReplacement(pieces: readonly ReplacementPiece[], m: Match): string {
  let out = "";
  for (const p of pieces) {
    if (typeof p === "string") out += p;
    else if (p >= 0) {
      const g = m.Groups.slot(p);
      if (g.Success) out += g.spanValue();
    } else if (p === LEFT_PORTION) out += m.text.slice(0, m.Index);
    else if (p === RIGHT_PORTION) out += m.text.slice(m.Index + m.Length);
    else if (p === WHOLE_STRING) out += m.text;
    else if (p === LAST_GROUP) {
      const g = m.Groups.slot(m.Groups.Count - 1);
      if (g.Success) out += g.spanValue();
    }
  }
  return out;
}

// .NET character classes (Unicode-aware unless RegexOptions.ECMAScript).
const W_CLASS = "\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}";
// .NET's \s: [\f\n\r\t\v\x85\p{Z}] (JS's adds \uFEFF and lacks \x85); ECMAScript's: [ \f\n\r\t\v].
const S_CLASS = "\\f\\n\\r\\t\\v\\x85\\p{Z}";
const SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);

interface Translated {
  source: string;
  flags: string;
  /** .NET groups in .NET numbering order: name ("1", "2", ..., then named) → JS group indexes. */
  groups: { name: string; js: number[] }[];
}

/**
 * Translates a .NET pattern to a JS (`u` flag) RegExp source: Unicode \w \d \b, `$` before a final
 * newline, \A \Z \z, (?'n') and duplicate group names, .NET group numbering (unnamed groups first,
 * then named ones), escapes JS rejects in `u` mode, `.` not matching \n only, (?#...) comments.
 */
function translatePattern(p: string, opts: number): Translated {
  let flags = "u";
  let ignoreCase = (opts & 1) !== 0;
  let multiline = (opts & 2) !== 0;
  let singleline = (opts & 16) !== 0;
  let ignoreWs = (opts & 32) !== 0;
  let explicit = (opts & 4) !== 0;
  const ecma = (opts & 256) !== 0;
  let src = p;
  const lead = /^\(\?([imsxn]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === "i") ignoreCase = true;
      else if (f === "m") multiline = true;
      else if (f === "s") singleline = true;
      else if (f === "x") ignoreWs = true;
      else if (f === "n") explicit = true;
    }
    src = src.slice(lead[0].length);
  }
  if (ignoreCase) flags += "i";
  if (multiline) flags += "m";
  flags += "s"; // `.` is translated explicitly
  const W = ecma ? "A-Za-z0-9_" : W_CLASS;
  const D = ecma ? "0-9" : "\\p{Nd}";
  const S = ecma ? " \\f\\n\\r\\t\\v" : S_CLASS;
  let out = "";
  let jsGroup = 0;
  const unnamed: number[] = [];
  const named = new Map<string, number[]>();
  let inClass = false;
  let classStart = false;
  // .NET quantifies zero-width assertions ((?=x)*, \b+, ^{2}); a `u`-mode RegExp refuses a quantified
  // lookaround. Repeating a zero-width atom is the atom once, so the quantifier becomes: min >= 1 →
  // the atom; max 0 → never run (its groups keep their numbers); else optional, tried first when greedy (.NET runs one empty iteration,
  // so groups inside capture; a JS loop would reject it), last when lazy. `zeroWidth`: where the
  // atom just emitted starts in `out`.
  let zeroWidth: number | null = null;
  const opened: { start: number; lookaround: boolean }[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (ignoreWs && !inClass) {
      if (/\s/.test(c)) continue;
      if (c === "#") {
        while (i < src.length && src[i] !== "\n") i++;
        continue;
      }
    }
    const lastZeroWidth = zeroWidth;
    zeroWidth = null;
    const q = !inClass && lastZeroWidth !== null ? /^(?:[*+?]|\{(\d+)(,(\d*))?\})(\?)?/.exec(src.slice(i)) : null;
    if (q) {
      const min = q[0][0] === "+" ? 1 : q[1] !== undefined ? Number(q[1]) : 0;
      const max = q[1] !== undefined && q[2] === undefined ? min : q[3] ? Number(q[3]) : Infinity;
      const atom = out.slice(lastZeroWidth!);
      out = out.slice(0, lastZeroWidth!) + (max === 0 ? `(?:${atom}){0}` : min >= 1 ? `(?:${atom})` : q[4] ? `(?:|${atom})` : `(?:${atom}|)`);
      i += q[0].length - 1;
      continue;
    }
    const atomStart = out.length;
    if (!inClass && (c === "^" || c === "$" || (c === "\\" && /[bBAZzG]/.test(src[i + 1] ?? "")))) zeroWidth = atomStart;
    if (!inClass && c === ")") {
      const g = opened.pop();
      if (g?.lookaround) zeroWidth = g.start;
    }
    if (!inClass && c === "(" && !src.startsWith("(?#", i) && !/^\(\?[imsxn-]+\)/.test(src.slice(i))) opened.push({ start: atomStart, lookaround: /^\(\?(?:=|!|<=|<!)/.test(src.slice(i)) });
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) throw argumentError(`Invalid pattern '${p}': Illegal \\ at end of pattern.`);
      i++;
      switch (n) {
        case "w":
          out += inClass ? W : `[${W}]`;
          continue;
        case "W":
          out += inClass ? "\\W" : `[^${W}]`;
          continue;
        case "d":
          out += inClass ? D : `[${D}]`;
          continue;
        case "D":
          out += inClass ? "\\D" : `[^${D}]`;
          continue;
        case "s":
          out += inClass ? S : `[${S}]`;
          continue;
        case "S":
          out += inClass ? "\\S" : `[^${S}]`;
          continue;
        case "b":
          out += inClass ? "\\x08" : `(?:(?<=[${W}])(?![${W}])|(?<![${W}])(?=[${W}]))`;
          continue;
        case "B":
          out += `(?:(?<=[${W}])(?=[${W}])|(?<![${W}])(?![${W}]))`;
          continue;
        case "A":
          out += "(?<![\\s\\S])";
          continue;
        case "Z":
          out += "(?=\\n?(?![\\s\\S]))";
          continue;
        case "z":
          out += "(?![\\s\\S])";
          continue;
        case "G":
          out += "";
          continue;
        case "k": {
          const m = /^k(?:<(\w+)>|'(\w+)')/.exec(src.slice(i));
          if (m) {
            const name = m[1] ?? m[2]!;
            const js = /^\d+$/.test(name) ? null : named.get(name);
            out += js && js.length ? `\\k<${jsName(name, 0)}>` : `\\${name}`;
            i += m[0].length - 1;
            continue;
          }
          out += "k";
          continue;
        }
        case "e":
          out += "\\x1B";
          continue;
        case "a":
          out += "\\x07";
          continue;
        case "p":
        case "P": {
          const m = /^[pP]\{(\w+)\}/.exec(src.slice(i));
          if (m) {
            const cat = m[1]!.startsWith("Is") ? `Script=${m[1]!.slice(2)}` : m[1]!;
            out += `\\${n}{${cat}}`;
            i += m[0].length - 1;
            continue;
          }
          out += `\\${n}`;
          continue;
        }
        default:
          if (/[0-9]/.test(n)) {
            // backreference by number: .NET numbering → JS group
            let num = n;
            while (/[0-9]/.test(src[i + 1] ?? "")) num += src[++i];
            if (inClass || num === "0") out += `\\x${Number.parseInt(num, 8).toString(16).padStart(2, "0")}`;
            else out += `\\${num}`; // fixed up after numbering is known
            continue;
          }
          if (/[A-Za-z]/.test(n)) {
            out += `\\${n}`; // \t \n \r \f \v \s \S \x \u \c ...
            continue;
          }
          if (SYNTAX.has(n) || (inClass && n === "-")) out += `\\${n}`;
          else out += n;
          continue;
      }
    }
    if (inClass) {
      if (c === "]" && !classStart) inClass = false;
      else if (c === "[" ) {
        out += "\\[";
        classStart = false;
        continue;
      }
      classStart = false;
      out += c;
      continue;
    }
    switch (c) {
      case "[":
        inClass = true;
        classStart = true;
        out += c;
        if (src[i + 1] === "^") {
          out += "^";
          i++;
        }
        if (src[i + 1] === "]") {
          out += "\\]";
          i++;
          classStart = false;
        }
        continue;
      case ".":
        out += singleline ? "[\\s\\S]" : "[^\\n]";
        continue;
      case "$":
        out += multiline ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
        continue;
      case "^":
        out += multiline ? "(?<![^\\n])" : "(?<![\\s\\S])";
        continue;
      case "{": {
        const m = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
        if (m) {
          out += m[0];
          i += m[0].length - 1;
        } else out += "\\{";
        continue;
      }
      case "}":
        out += "\\}";
        continue;
      case "]":
        out += "\\]";
        continue;
      case "(": {
        const rest = src.slice(i);
        if (rest.startsWith("(?#")) {
          const end = src.indexOf(")", i);
          i = end < 0 ? src.length : end;
          continue;
        }
        const m = /^\(\?(?:<(\w+)>|'(\w+)'|P<(\w+)>)/.exec(rest);
        if (m) {
          const name = m[1] ?? m[2] ?? m[3]!;
          jsGroup++;
          if (/^\d+$/.test(name)) {
            out += "(";
            const list = named.get(name) ?? [];
            list.push(jsGroup);
            named.set(name, list);
          } else {
            const list = named.get(name) ?? [];
            out += `(?<${jsName(name, list.length)}>`;
            list.push(jsGroup);
            named.set(name, list);
          }
          i += m[0].length - 1;
          continue;
        }
        if (rest.startsWith("(?")) {
          // (?: (?= (?! (?<= (?<! (?> and inline option groups
          if (rest.startsWith("(?>")) {
            out += "(?:";
            i += 2;
            continue;
          }
          const opt = /^\(\?([imsxn-]+)(:|\))/.exec(rest);
          if (opt) {
            out += opt[2] === ":" ? "(?:" : "";
            if (opt[2] === ")") out += "";
            i += opt[0].length - 1;
            continue;
          }
          out += "(";
          continue;
        }
        if (explicit) {
          out += "(?:";
          continue;
        }
        jsGroup++;
        unnamed.push(jsGroup);
        out += "(";
        continue;
      }
      default:
        out += c;
    }
  }
  // .NET numbering: unnamed groups 1..k, then named groups in order of first appearance
  const groups: { name: string; js: number[] }[] = [{ name: "0", js: [0] }];
  unnamed.forEach((g, k) => groups.push({ name: String(k + 1), js: [g] }));
  for (const [name, js] of named) {
    if (/^\d+$/.test(name)) {
      const existing = groups.find((g) => g.name === name);
      if (existing) existing.js.push(...js);
      else groups.push({ name, js });
    } else groups.push({ name, js });
  }
  // numbered backreferences: .NET number → JS index
  out = out.replace(/\\(\d+)/g, (tok, num: string, off: number) => {
    if (out[off - 1] === "\\") return tok;
    const g = groups.find((x) => x.name === num);
    return g ? `\\${g.js[g.js.length - 1]}` : tok;
  });
  return { source: out, flags, groups };
}
function jsName(name: string, k: number): string {
  return k === 0 ? name : `${name}__${k}`;
}

const regexCache = new Map<string, Regex>();
/** Regex.InfiniteMatchTimeout: -1 ms. */
const INFINITE = TimeSpan.fromMs(-1);
/** .NET's largest match timeout: Int32.MaxValue - 1 milliseconds. */
const MAX_TIMEOUT_TICKS = (2 ** 31 - 2) * 10000;

/** The V8 engine's match from `from` (the g + d flags give lastIndex and group starts). */
function v8Exec(re: RegExp, input: string, from: number): V8Exec | null {
  re.lastIndex = from;
  const x = re.exec(input);
  if (!x) return null;
  const ind = (x as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices;
  return { values: x, starts: x.map((_, j) => ind?.[j]?.[0] ?? 0), index: x.index };
}

export class Regex {
  readonly $typeName = "System.Text.RegularExpressions.Regex";
  private readonly re: RegExp;
  /** The linear-time engine when the pattern has no backreference or lookaround (issue 17), else null. */
  private readonly linear: LinearRegex | null;
  /** The translated pattern's groups by .NET slot: name and JS group indexes. */
  private readonly groups: { name: string; js: number[] }[];
  /** Group numbers and names by slot, as .NET's Regex has them. */
  private readonly table: GroupTable;
  /** .NET's own engine, for the patterns whose JS translation would answer differently (regex-net.ts), else null. */
  private readonly net: NetEngine | null;
  /** For Group.Captures of JS-engine matches: the .NET engine of a pattern with a capture in a loop (false: none; undefined: not built yet). */
  private capturesEngine: NetEngine | false | undefined;
  /** Replacement patterns parsed for this regex (RegexReplacement, cached as .NET caches its last one). */
  private readonly replacements = new Map<string, ReplacementPiece[]>();
  private readonly replacementOf = (repl: string): ReplacementPiece[] => {
    let r = this.replacements.get(repl);
    if (!r) {
      r = parseReplacement(repl, this.table, (this.opts & 256) !== 0);
      if (this.replacements.size > 100) this.replacements.clear();
      this.replacements.set(repl, r);
    }
    return r;
  };
  /** The timeout given to the constructor, or null: apimc's default (read at each match). */
  private readonly timeout: TimeSpan | null;
  /** Match.Empty (also every failed match): one group, group 0, which is the match itself (named "0"). */
  static readonly EmptyMatch = new Match("", 0, 0, false, new GroupCollection([new Group("", 0, 0, false, "0")], null), null);
  static readonly InfiniteMatchTimeout = INFINITE;
  constructor(
    private readonly pattern: string,
    private readonly opts: number,
    matchTimeout?: TimeSpan,
  ) {
    if (pattern === null || pattern === undefined) throw argumentNull("pattern");
    // .NET: no bit above RegexOptions' ten; ECMAScript only with IgnoreCase, Multiline, Compiled, CultureInvariant
    if (opts < 0 || opts >> 10 !== 0 || (opts & 256 && opts & ~(256 | 1 | 2 | 8 | 512))) throw argumentOutOfRange("options");
    if (matchTimeout !== undefined) {
      // .NET: InfiniteMatchTimeout, or more than zero and at most Int32.MaxValue - 1 ms
      const t = matchTimeout.ticks;
      if (t !== INFINITE.ticks && !(t > 0 && t <= MAX_TIMEOUT_TICKS)) throw argumentOutOfRange("matchTimeout");
    }
    this.timeout = matchTimeout ?? null;
    let t: Translated;
    this.net = NetEngine.tryCompile(pattern, opts);
    try {
      t = translatePattern(pattern, opts);
      this.re = new RegExp(t.source, `${t.flags}gd`);
    } catch (e) {
      // balancing groups and conditionals have no JS form: the .NET engine alone runs them
      if (this.net) {
        this.groups = [];
        this.table = new GroupTable(this.net.numbers, this.net.names);
        this.re = /(?!)/;
        this.linear = null;
        return;
      }
      if (e instanceof DotNetException) throw e;
      throw argumentError(`Invalid pattern '${pattern}': ${(e as Error).message}`);
    }
    if (this.net) {
      this.table = new GroupTable(this.net.numbers, this.net.names);
      this.groups = t.groups;
    } else {
      const { table, order } = GroupTable.fromNames(t.groups.map((g) => g.name));
      this.table = table;
      this.groups = order.map((i) => t.groups[i]!);
    }
    this.linear = this.net ? null : LinearRegex.tryCompile(t.source, t.flags);
    if (this.net === null && this.linear === null && this.budget() !== null) prepareRegexHelper();
  }
  static get(pattern: string, opts: number, matchTimeout?: TimeSpan): Regex {
    const key = `${opts}:${matchTimeout === undefined ? "" : matchTimeout.ticks}:${pattern}`;
    let r = regexCache.get(key);
    if (!r) {
      r = new Regex(pattern, opts, matchTimeout);
      if (regexCache.size > 500) regexCache.clear();
      regexCache.set(key, r);
    }
    return r;
  }
  /** Regex.MatchTimeout: the constructor's, else apimc's default (InfiniteMatchTimeout when off). */
  get MatchTimeout(): TimeSpan {
    if (this.timeout) return this.timeout;
    const ms = regexBudget.defaultMatchTimeoutMs;
    return ms > 0 ? TimeSpan.fromMs(ms) : INFINITE;
  }
  /** The match budget in force, or null for none (infinite). */
  private budget(): TimeSpan | null {
    const t = this.MatchTimeout;
    return t.ticks === INFINITE.ticks ? null : t;
  }
  /** True when this input goes to the linear engine (no budget needed: linear time). */
  private isLinear(input: string): boolean {
    return this.linear !== null && this.linear.handles(input);
  }
  /** A V8 match operation: on the helper thread under the budget, or here when there is none. */
  private v8<O extends "test" | "exec" | "all">(op: O, input: string, from: number): O extends "test" ? boolean : O extends "exec" ? V8Exec | null : V8Exec[] {
    type R = O extends "test" ? boolean : O extends "exec" ? V8Exec | null : V8Exec[];
    const budget = this.budget();
    if (budget) return runWithBudget(op, this.re.source, this.re.flags, input, from, budget, this.pattern) as R;
    if (op === "test") {
      this.re.lastIndex = 0;
      return this.re.test(input) as R;
    }
    if (op === "exec") return v8Exec(this.re, input, from) as R;
    throw new Error("the whole-input scan runs only under a budget"); // Matches() walks exec itself otherwise
  }
  private exec(input: string, from: number): Match {
    if (input === null || input === undefined) throw argumentNull("input");
    if (this.net) return this.netMatch(input, from, -1, this.deadline());
    const r = this.isLinear(input) ? this.linear!.exec(input, from) : this.v8("exec", input, from);
    return r ? this.toMatch(input, from, r) : Regex.EmptyMatch;
  }
  private toMatch(input: string, from: number, r: V8Exec): Match {
    const m = r.values;
    const starts = r.starts;
    const groups: Group[] = [];
    for (let slot = 0; slot < this.groups.length; slot++) {
      // the last participating capture of the group's JS groups (duplicate names)
      let best = -1;
      for (const j of this.groups[slot]!.js) if (m[j] !== undefined && (best < 0 || starts[j]! >= starts[best]!)) best = j;
      const caps = this.capturesEngine === false ? null : () => this.capturesOf(input, from, slot);
      const name = this.table.slotName(slot);
      if (best < 0) groups.push(new Group(input, 0, 0, false, name, caps));
      else groups.push(new Group(input, starts[best]!, m[best]!.length, true, name, caps));
    }
    // A unicode-mode RegExp started inside a surrogate pair backs up to the pair's start: an empty
    // match there is (as in .NET, which matches UTF-16 code units) at `from`, and the scan moves on
    // (else Matches/Replace would find the same empty match forever).
    const m0 = m[0]!;
    const index = m0.length === 0 && r.index < from ? from : r.index;
    const next = m0.length === 0 ? index + 1 : index + m0.length;
    return new Match(input, index, m0.length, true, new GroupCollection(groups, this.table, this.replacementOf), next <= input.length ? () => this.exec(input, next) : null);
  }
  /** The .NET engine's deadline for one operation (.NET: the timeout in whole milliseconds, from the start). */
  private deadline(): number {
    const b = this.budget();
    return b ? performance.now() + Math.floor(b.ticks / 10000 + 0.5) : Infinity;
  }
  /** One .NET scan; its timeout becomes RegexMatchTimeoutException. */
  private netScan(input: string, startat: number, prevlen: number, deadline: number): NetMatchData | null {
    try {
      return this.net!.scan(input, startat, prevlen, false, deadline);
    } catch (e) {
      if (e instanceof NetTimeout) throw new RegexMatchTimeoutException(input, this.pattern, this.MatchTimeout);
      throw e;
    }
  }
  /** Regex.Run: the match from `startat` (Match.Empty when none); NextMatch continues where it stopped. */
  private netMatch(input: string, startat: number, prevlen: number, deadline: number): Match {
    const d = this.netScan(input, startat, prevlen, deadline);
    return d ? this.fromNet(input, d) : Regex.EmptyMatch;
  }
  private fromNet(input: string, d: NetMatchData): Match {
    const net = this.net!;
    const groups: Group[] = [];
    for (let slot = 0; slot < net.names.length; slot++) {
      const n = d.counts[slot]!;
      const caps = d.caps[slot]!;
      const name = this.table.slotName(slot);
      groups.push(n > 0 ? new Group(input, caps[(n - 1) * 2]!, caps[n * 2 - 1]!, true, name, caps) : new Group(input, 0, 0, false, name, caps));
    }
    return new Match(input, d.index, d.length, true, new GroupCollection(groups, this.table, this.replacementOf), () => this.netMatch(input, d.textpos, d.length, this.deadline()));
  }
  /** Every match of the input under one deadline (MatchCollection's walk: each scan from where the last stopped). */
  private netAll(input: string): { m: Match; d: NetMatchData }[] {
    return [...this.netEach(input)];
  }
  /** The matches one at a time (Replace and Split use each before looking for the next, as .NET does). */
  private *netEach(input: string): Generator<{ m: Match; d: NetMatchData }> {
    const deadline = this.deadline();
    for (let d = this.netScan(input, this.net!.rightToLeft ? input.length : 0, -1, deadline); d; d = this.netScan(input, d.textpos, d.length, deadline)) yield { m: this.fromNet(input, d), d };
  }
  IsMatch(input: string): boolean {
    if (input === null || input === undefined) throw argumentNull("input");
    if (this.net) {
      try {
        return this.net.scan(input, this.net.rightToLeft ? input.length : 0, -1, true, this.deadline()) !== null;
      } catch (e) {
        if (e instanceof NetTimeout) throw new RegexMatchTimeoutException(input, this.pattern, this.MatchTimeout);
        throw e;
      }
    }
    return this.isLinear(input) ? this.linear!.test(input) : this.v8("test", input, 0);
  }
  Match(input: string): Match {
    if (this.net && this.net.rightToLeft && input !== null && input !== undefined) return this.netMatch(input, input.length, -1, this.deadline());
    return this.exec(input, 0);
  }
  Matches(input: string): Match[] {
    if (input === null || input === undefined) throw argumentNull("input");
    if (this.net) return this.netAll(input).map((x) => x.m);
    // under a budget, one helper round trip scans the whole input (.NET times Replace/Split as one operation)
    if (!this.isLinear(input) && this.budget()) return this.v8("all", input, 0).map((r) => this.toMatch(input, r.index, r));
    const out: Match[] = [];
    for (let m = this.exec(input, 0); m.Success; m = m.NextMatch()) out.push(m);
    return out;
  }
  Replace(input: string, repl: string | ((m: Match) => string)): string {
    if (input === null || input === undefined) throw argumentNull("input");
    if (repl === null || repl === undefined) throw argumentNull(typeof repl === "function" ? "evaluator" : "replacement");
    // the replacement pattern is parsed before the scan (.NET: RegexReplacement.GetOrCreate)
    const pieces = typeof repl === "string" ? this.replacementOf(repl) : null;
    if (this.net) return this.netReplace(input, repl, pieces);
    let out = "";
    let last = 0;
    for (const m of this.Matches(input)) {
      out += input.slice(last, m.Index) + (typeof repl === "function" ? (repl(m) ?? "") : expandReplacement(pieces!, m));
      last = m.Index + m.Length;
    }
    return out + input.slice(last);
  }
  /** .NET Split: the pieces between matches, with each match's captured groups (in group order) in between. */
  /** A group's captures in the match from `from`, by the .NET engine (its other answers equal the JS engine's here). */
  private capturesOf(input: string, from: number, slot: number): ArrayLike<number> | null {
    this.capturesEngine ??= NetEngine.tryCompile(this.pattern, this.opts, true) ?? false;
    if (this.capturesEngine === false) return null;
    const engine = this.capturesEngine;
    let d: NetMatchData | null;
    try {
      d = engine.scan(input, from, -1, false, this.deadline());
    } catch (e) {
      if (e instanceof NetTimeout) throw new RegexMatchTimeoutException(input, this.pattern, this.MatchTimeout);
      throw e;
    }
    return d && slot < engine.names.length ? d.caps[slot]! : [];
  }
  /** .NET Core's Replace: the input's pieces between matches (sliced as it slices them) and the replacements; right to left, built from the end. */
  private netReplace(input: string, repl: string | ((m: Match) => string), pieces: readonly ReplacementPiece[] | null): string {
    const all = this.netEach(input);
    const piece = (m: Match) => (typeof repl === "function" ? (repl(m) ?? "") : expandReplacement(pieces!, m));
    const parts: string[] = [];
    if (!this.net!.rightToLeft) {
      let prevat = 0;
      for (const { m } of all) {
        parts.push(memorySlice(input, prevat, m.Index - prevat));
        prevat = m.Index + m.Length;
        parts.push(piece(m));
      }
      if (!parts.length) return input;
      if (prevat < input.length) parts.push(memorySlice(input, prevat, input.length - prevat));
      return parts.join("");
    }
    let prevat = input.length;
    for (const { m } of all) {
      parts.push(memorySlice(input, m.Index + m.Length, prevat - m.Index - m.Length));
      prevat = m.Index;
      parts.push(piece(m));
    }
    if (!parts.length) return input;
    if (prevat > 0) parts.push(memorySlice(input, 0, prevat));
    return parts.reverse().join("");
  }
  /** .NET's Split over the .NET engine's matches: pieces by Substring, then each participating group (IsMatched) in slot order. */
  private netSplit(input: string): string[] {
    const all = this.netEach(input);
    const out: string[] = [];
    let any = false;
    const rtl = this.net!.rightToLeft;
    let prevat = rtl ? input.length : 0;
    for (const { m, d } of all) {
      any = true;
      if (!rtl) {
        out.push(netSubstring(input, prevat, m.Index - prevat));
        prevat = m.Index + m.Length;
      } else {
        out.push(netSubstring(input, m.Index + m.Length, prevat - m.Index - m.Length));
        prevat = m.Index;
      }
      for (let i = 1; i < d.counts.length; i++) {
        const n = d.counts[i]!;
        if (n > 0 && d.caps[i]![n * 2 - 1] !== -2) out.push(m.Groups.Item(i).Value);
      }
    }
    if (!any) return [input];
    if (!rtl) out.push(netSubstring(input, prevat, input.length - prevat));
    else {
      out.push(netSubstring(input, 0, prevat));
      out.reverse();
    }
    return out;
  }
  Split(input: string): string[] {
    if (input === null || input === undefined) throw argumentNull("input");
    if (this.net) return this.netSplit(input);
    const out: string[] = [];
    let last = 0;
    for (const m of this.Matches(input)) {
      out.push(input.slice(last, m.Index));
      // .NET: each slot that matched, read back through Groups[slot] (the indexer takes a group number)
      for (let i = 1; i < m.Groups.Count; i++) if (m.Groups.slot(i).Success) out.push(m.Groups.Item(i).Value);
      last = m.Index + m.Length;
    }
    out.push(input.slice(last));
    return out;
  }
}
/** MatchCollection[i] (a MatchCollection is the array of its matches): ArgumentOutOfRangeException "i" outside it. */
export function matchCollectionItem(mc: readonly Match[] | null, i: number): Match {
  if (mc === null || mc === undefined) throw nullReference();
  if (!(i >= 0 && i < mc.length)) throw argumentOutOfRange("i");
  return mc[i]!;
}
export function regexEscape(s: string): string {
  if (s === null || s === undefined) throw argumentNull("str");
  return s.replace(/[\\*+?|{[()^$.#\s]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\f" ? "\\f" : c === " " ? "\\ " : `\\${c}`));
}
export function regexUnescape(s: string): string {
  if (s === null || s === undefined) throw argumentNull("str");
  return s.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|[0-7]{1,3}|.)/gs, (_m, e: string) => {
    switch (e[0]) {
      case "t":
        return "\t";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "f":
        return "\f";
      case "v":
        return "\v";
      case "a":
        return "\x07";
      case "e":
        return "\x1b";
      case "b":
        return "\b";
      case "x":
      case "u":
        return e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      case "c":
        return e.length > 1 ? String.fromCharCode(e.toUpperCase().charCodeAt(1) - 64) : e;
      default:
        return /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

registerTypeCheck("Regex", (v) => v instanceof Regex);

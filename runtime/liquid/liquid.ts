// APIM's Liquid dialect for set-body template="liquid": DotLiquid in "C#" naming mode, so filters
// are PascalCase (`Upcase`, `AtLeast`) and dates use .NET format strings. Templates are parsed once
// (the compiler checks them at build time; the module parses each literal template once at load)
// and rendered per request against `body` (the parsed body, bound only for JSON and XML content
// types) and `context` (apim-semantics §4.10).
//
// Supported: {{ expr | Filter: arg, ... }}, {%- -%} / {{- -}} whitespace control, if / elsif /
// else / unless / case / when, for (limit:, offset:, reversed, ranges, else, forloop.*), break,
// continue, assign, capture, comment, raw. Errors while rendering (e.g. DividedBy: 0) render as
// "Liquid error: ..." in place, as DotLiquid does.
import type { Context } from "../context.js";
import { MessageBody } from "../body.js";
import { DateTime } from "../dotnet/datetime.js";
import { isJsonContentType, isXmlContentType, jsonToPlain, parseJsonTree, elementValue } from "../transform/convert.js";
import { parseXmlDocument } from "../transform/xml.js";

export class LiquidSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset in the template text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

type Expr =
  | { k: "lit"; v: unknown }
  | { k: "path"; root: string; parts: (string | Expr)[] }
  | { k: "range"; from: Expr; to: Expr };
type Cond = { k: "and" | "or"; l: Cond; r: Cond } | { k: "cmp"; l: Expr; op: string; r: Expr } | { k: "expr"; e: Expr } | { k: "not"; c: Cond };
interface Filter {
  name: string;
  args: Expr[];
}
interface Output {
  e: Expr;
  filters: Filter[];
}
type LNode =
  | { k: "text"; s: string }
  | { k: "out"; o: Output }
  | { k: "if"; branches: { cond: Cond | null; body: LNode[] }[] }
  | { k: "for"; name: string; coll: Expr; limit: Expr | null; offset: Expr | null; reversed: boolean; body: LNode[]; otherwise: LNode[] }
  | { k: "case"; e: Expr; whens: { values: Expr[]; body: LNode[] }[]; otherwise: LNode[] }
  | { k: "assign"; name: string; o: Output }
  | { k: "capture"; name: string; body: LNode[] }
  | { k: "break" }
  | { k: "continue" };

export interface LiquidTemplate {
  readonly nodes: readonly LNode[];
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Tok {
  kind: "text" | "out" | "tag";
  text: string;
  offset: number;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const o = src.indexOf("{{", i);
    const t = src.indexOf("{%", i);
    const start = o < 0 ? t : t < 0 ? o : Math.min(o, t);
    if (start < 0) {
      pushText(src.slice(i), i);
      break;
    }
    const isTag = start === t;
    const close = isTag ? "%}" : "}}";
    const end = src.indexOf(close, start + 2);
    if (end < 0) throw new LiquidSyntaxError(`'${isTag ? "{%" : "{{"}' is not closed with '${close}'.`, start);
    let inner = src.slice(start + 2, end);
    const trimLeft = inner.startsWith("-");
    const trimRight = inner.endsWith("-");
    if (trimLeft) inner = inner.slice(1);
    if (trimRight) inner = inner.slice(0, -1);
    let text = src.slice(i, start);
    if (trimLeft) text = text.replace(/\s+$/, "");
    pushText(text, i);
    if (isTag && /^\s*raw\s*$/.test(inner)) {
      const m = /\{%-?\s*endraw\s*-?%\}/.exec(src.slice(end + 2));
      if (!m) throw new LiquidSyntaxError("'raw' is not closed with 'endraw'.", start);
      toks.push({ kind: "text", text: src.slice(end + 2, end + 2 + m.index), offset: end + 2 });
      i = end + 2 + m.index + m[0].length;
      trimNext = m[0].includes("-%}");
      continue;
    }
    toks.push({ kind: isTag ? "tag" : "out", text: inner.trim(), offset: start });
    i = end + 2;
    trimNext = trimRight;
  }
  return toks;

  function pushText(s: string, offset: number): void {
    if (trimNext) s = s.replace(/^\s+/, "");
    trimNext = false;
    if (s) toks.push({ kind: "text", text: s, offset });
  }
}

type ETok = { t: "str"; v: string } | { t: "num"; v: number } | { t: "id"; v: string } | { t: "op"; v: string };

function lexExpr(s: string, offset: number): ETok[] {
  const out: ETok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const e = s.indexOf(c, i + 1);
      if (e < 0) throw new LiquidSyntaxError("Unterminated string.", offset + i);
      out.push({ t: "str", v: s.slice(i + 1, e) });
      i = e + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(s.slice(i));
    if (num && !(c === "-" && out.length && out[out.length - 1]!.t !== "op")) {
      // `1..5` is a range: the number stops before `..`
      const text = num[0].endsWith(".") ? num[0].slice(0, -1) : num[0];
      out.push({ t: "num", v: Number(text) });
      i += text.length;
      continue;
    }
    const id = /^[A-Za-z_][\w-]*\??/.exec(s.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(==|!=|<>|<=|>=|\.\.|[<>|:,.[\]()=])/.exec(s.slice(i));
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new LiquidSyntaxError(`Unexpected character '${c}'.`, offset + i);
  }
  return out;
}

/** The filters APIM documents (apim-semantics §4.10), by their C#-mode names. */
export const LIQUID_FILTERS: readonly string[] = [
  "Abs", "Append", "AtLeast", "AtMost", "Capitalize", "Compact", "Currency", "Date", "Default", "DividedBy", "Downcase", "Escape",
  "First", "H", "Join", "Last", "Lstrip", "Map", "Minus", "Modulo", "NewlineToBr", "Plus", "Prepend", "Remove", "RemoveFirst",
  "Replace", "ReplaceFirst", "Round", "Rstrip", "Size", "Slice", "Sort", "Split", "Strip", "StripHtml", "StripNewlines", "Times",
  "Truncate", "TruncateWords", "Uniq", "Upcase", "UrlDecode", "UrlEncode",
];
const FILTER_SET = new Set(LIQUID_FILTERS);

class ExprParser {
  i = 0;
  constructor(
    readonly toks: ETok[],
    readonly offset: number,
  ) {}
  peek(): ETok | undefined {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === "op" && t.v === v;
  }
  isId(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === "id" && t.v === v;
  }
  expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`Expected '${v}'`);
    this.i++;
  }
  fail(m: string): never {
    const t = this.peek();
    throw new LiquidSyntaxError(`${m}${t ? `, found '${String(t.v)}'` : " at the end"}.`, this.offset);
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  expr(): Expr {
    const t = this.peek();
    if (!t) this.fail("Expected a value");
    if (t.t === "str") return this.i++, { k: "lit", v: t.v };
    if (t.t === "num") return this.i++, { k: "lit", v: t.v };
    if (t.t === "op" && t.v === "(") {
      this.i++;
      const from = this.expr();
      this.expectOp("..");
      const to = this.expr();
      this.expectOp(")");
      return { k: "range", from, to };
    }
    if (t.t === "id") {
      this.i++;
      switch (t.v) {
        case "true":
          return { k: "lit", v: true };
        case "false":
          return { k: "lit", v: false };
        case "nil":
        case "null":
          return { k: "lit", v: null };
        case "empty":
          return { k: "lit", v: EMPTY };
        case "blank":
          return { k: "lit", v: BLANK };
      }
      const parts: (string | Expr)[] = [];
      for (;;) {
        if (this.isOp(".")) {
          this.i++;
          const n = this.peek();
          if (!n || n.t !== "id") this.fail("Expected a name after '.'");
          parts.push(n.v);
          this.i++;
        } else if (this.isOp("[")) {
          this.i++;
          parts.push(this.expr());
          this.expectOp("]");
        } else break;
      }
      return { k: "path", root: t.v, parts };
    }
    if (t.t === "op" && t.v === "[") {
      this.i++;
      const key = this.expr();
      this.expectOp("]");
      if (key.k !== "lit" || typeof key.v !== "string") this.fail("Expected a quoted name");
      return { k: "path", root: key.v as string, parts: [] };
    }
    return this.fail("Expected a value");
  }
  filters(): Filter[] {
    const out: Filter[] = [];
    while (this.isOp("|")) {
      this.i++;
      const n = this.peek();
      if (!n || n.t !== "id") this.fail("Expected a filter name after '|'");
      this.i++;
      const name = n.v;
      if (!FILTER_SET.has(name)) {
        const pascal = name.replace(/(^|_)([a-z])/g, (_m, _u, ch: string) => ch.toUpperCase());
        const hint = FILTER_SET.has(pascal) ? ` APIM uses C# names: write '${pascal}'.` : name.toLowerCase() === "h" ? "" : "";
        throw new LiquidSyntaxError(`Unknown Liquid filter '${name}'.${hint}`, this.offset);
      }
      const args: Expr[] = [];
      if (this.isOp(":")) {
        this.i++;
        args.push(this.expr());
        while (this.isOp(",")) {
          this.i++;
          args.push(this.expr());
        }
      }
      out.push({ name, args });
    }
    return out;
  }
  output(): Output {
    const e = this.expr();
    const filters = this.filters();
    if (!this.done()) this.fail("Unexpected input");
    return { e, filters };
  }
  cond(): Cond {
    // Liquid evaluates and/or right to left without precedence: a or b and c == a or (b and c).
    const l = this.comparison();
    if (this.isId("and") || this.isId("or")) {
      const k = (this.peek() as ETok).v as "and" | "or";
      this.i++;
      return { k, l, r: this.cond() };
    }
    return l;
  }
  comparison(): Cond {
    const l = this.expr();
    const t = this.peek();
    if (t && ((t.t === "op" && ["==", "!=", "<>", "<", ">", "<=", ">="].includes(t.v)) || (t.t === "id" && t.v === "contains"))) {
      this.i++;
      return { k: "cmp", l, op: t.v === "<>" ? "!=" : t.v, r: this.expr() };
    }
    return { k: "expr", e: l };
  }
}

const EMPTY = Symbol("empty");
const BLANK = Symbol("blank");

/** Parses a template. Throws LiquidSyntaxError (with an offset into `src`) on errors. */
export function liquidParse(src: string): LiquidTemplate {
  const toks = tokenize(src);
  let pos = 0;
  const block = (ends: readonly string[]): { nodes: LNode[]; end: string; endTok: Tok | null } => {
    const nodes: LNode[] = [];
    while (pos < toks.length) {
      const tok = toks[pos++]!;
      if (tok.kind === "text") {
        nodes.push({ k: "text", s: tok.text });
        continue;
      }
      if (tok.kind === "out") {
        if (tok.text === "") {
          nodes.push({ k: "text", s: "" });
          continue;
        }
        nodes.push({ k: "out", o: new ExprParser(lexExpr(tok.text, tok.offset), tok.offset).output() });
        continue;
      }
      const m = /^(\w+)\s*([\s\S]*)$/.exec(tok.text);
      if (!m) throw new LiquidSyntaxError("Empty tag.", tok.offset);
      const [, name, rest] = m as unknown as [string, string, string];
      if (ends.includes(name)) return { nodes, end: name, endTok: tok };
      nodes.push(tag(name, rest, tok));
    }
    if (ends.length) throw new LiquidSyntaxError(`Missing '{% ${ends[ends.length - 1]} %}'.`, toks[pos - 1]?.offset ?? 0);
    return { nodes, end: "", endTok: null };
  };
  const parserFor = (s: string, tok: Tok) => new ExprParser(lexExpr(s, tok.offset), tok.offset);
  const tag = (name: string, rest: string, tok: Tok): LNode => {
    switch (name) {
      case "if":
      case "unless": {
        const branches: { cond: Cond | null; body: LNode[] }[] = [];
        let p = parserFor(rest, tok);
        let cond: Cond | null = p.cond();
        if (!p.done()) p.fail("Unexpected input in the condition");
        if (name === "unless") cond = { k: "not", c: cond };
        for (;;) {
          const b = block(name === "if" ? ["elsif", "else", "endif"] : ["elsif", "else", "endunless"]);
          branches.push({ cond, body: b.nodes });
          if (b.end === "elsif") {
            const rest2 = /^elsif\s*([\s\S]*)$/.exec(b.endTok!.text)![1]!;
            p = parserFor(rest2, b.endTok!);
            cond = p.cond();
            if (!p.done()) p.fail("Unexpected input in the condition");
            continue;
          }
          if (b.end === "else") {
            const e = block([name === "if" ? "endif" : "endunless"]);
            branches.push({ cond: null, body: e.nodes });
          }
          break;
        }
        return { k: "if", branches };
      }
      case "for": {
        const m = /^([A-Za-z_]\w*)\s+in\s+([\s\S]+)$/.exec(rest);
        if (!m) throw new LiquidSyntaxError("Expected '{% for item in collection %}'.", tok.offset);
        const p = parserFor(m[2]!, tok);
        const coll = p.expr();
        let limit: Expr | null = null;
        let offset: Expr | null = null;
        let reversed = false;
        while (!p.done()) {
          if (p.isId("reversed")) {
            p.i++;
            reversed = true;
          } else if (p.isId("limit") || p.isId("offset")) {
            const which = (p.peek() as ETok).v;
            p.i++;
            p.expectOp(":");
            if (which === "limit") limit = p.expr();
            else offset = p.expr();
          } else if (p.isOp(",")) p.i++;
          else p.fail("Unexpected input in 'for'");
        }
        const b = block(["else", "endfor"]);
        const otherwise = b.end === "else" ? block(["endfor"]).nodes : [];
        return { k: "for", name: m[1]!, coll, limit, offset, reversed, body: b.nodes, otherwise };
      }
      case "case": {
        const p = parserFor(rest, tok);
        const e = p.expr();
        if (!p.done()) p.fail("Unexpected input in 'case'");
        const whens: { values: Expr[]; body: LNode[] }[] = [];
        let otherwise: LNode[] = [];
        let b = block(["when", "else", "endcase"]); // text before the first when is ignored
        while (b.end === "when") {
          const wp = parserFor(/^when\s*([\s\S]*)$/.exec(b.endTok!.text)![1]!, b.endTok!);
          const values = [wp.expr()];
          while (wp.isOp(",") || wp.isId("or")) {
            wp.i++;
            values.push(wp.expr());
          }
          if (!wp.done()) wp.fail("Unexpected input in 'when'");
          b = block(["when", "else", "endcase"]);
          whens.push({ values, body: b.nodes });
        }
        if (b.end === "else") otherwise = block(["endcase"]).nodes;
        return { k: "case", e, whens, otherwise };
      }
      case "assign": {
        const m = /^([A-Za-z_][\w-]*)\s*=\s*([\s\S]+)$/.exec(rest);
        if (!m) throw new LiquidSyntaxError("Expected '{% assign name = value %}'.", tok.offset);
        return { k: "assign", name: m[1]!, o: parserFor(m[2]!, tok).output() };
      }
      case "capture": {
        const m = /^([A-Za-z_][\w-]*)$/.exec(rest.trim());
        if (!m) throw new LiquidSyntaxError("Expected '{% capture name %}'.", tok.offset);
        return { k: "capture", name: m[1]!, body: block(["endcapture"]).nodes };
      }
      case "comment":
        skipTo("endcomment", tok);
        return { k: "text", s: "" };
      case "break":
        return { k: "break" };
      case "continue":
        return { k: "continue" };
      default:
        throw new LiquidSyntaxError(`Unknown Liquid tag '${name}'.`, tok.offset);
    }
  };
  const skipTo = (end: string, from: Tok): void => {
    let depth = 0;
    while (pos < toks.length) {
      const t = toks[pos++]!;
      if (t.kind !== "tag") continue;
      const n = /^\w+/.exec(t.text)?.[0];
      if (n === "comment") depth++;
      else if (n === end) {
        if (depth === 0) return;
        depth--;
      }
    }
    throw new LiquidSyntaxError(`Missing '{% ${end} %}'.`, from.offset);
  };
  const { nodes } = block([]);
  return Object.freeze({ nodes: Object.freeze(nodes) });
}

// ---------------------------------------------------------------------------------------------
// Values

/** An object whose members are looked up by a function (headers, query, context parts). */
interface Lookup {
  $liquidGet(name: string): unknown;
}
function isLookup(v: unknown): v is Lookup {
  return v !== null && typeof v === "object" && typeof (v as Lookup).$liquidGet === "function";
}

function member(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined) return null;
  if (isLookup(obj)) return typeof key === "string" ? obj.$liquidGet(key) : null;
  if (Array.isArray(obj) || typeof obj === "string") {
    if (typeof key === "number") {
      const i = key < 0 ? obj.length + key : key;
      return Array.isArray(obj) ? (obj[i] ?? null) : null;
    }
    if (key === "size") return obj.length;
    if (key === "first") return Array.isArray(obj) ? (obj[0] ?? null) : null;
    if (key === "last") return Array.isArray(obj) ? (obj[obj.length - 1] ?? null) : null;
    return null;
  }
  if (typeof obj === "object") {
    if (typeof key !== "string" && typeof key !== "number") return null;
    const k = String(key);
    const o = obj as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(o, k)) return o[k] ?? null;
    // Member names match without regard to case ([infer]: DotLiquid's C# naming maps names; XML bodies are read as `body.envelope`).
    const lower = k.toLowerCase();
    for (const name of Object.keys(o)) if (name.toLowerCase() === lower) return o[name] ?? null;
    if (k === "size") return Object.keys(o).length;
    return null;
  }
  return null;
}

function truthy(v: unknown): boolean {
  return v !== null && v !== undefined && v !== false;
}

function isEmptyValue(v: unknown): boolean {
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  if (v !== null && typeof v === "object" && !isLookup(v)) return Object.keys(v).length === 0;
  return false;
}
function isBlank(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === "string") return v.trim() === "";
  return isEmptyValue(v);
}

export function liquidText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return v.map(liquidText).join("");
  if (v instanceof DateTime) return v.ToString();
  if (isLookup(v)) return "";
  if (typeof v === "object") {
    const ts = (v as { ToString?: () => string }).ToString;
    if (typeof ts === "function") return ts.call(v);
    return JSON.stringify(v);
  }
  return String(v);
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(n);
}

function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  if (typeof v === "boolean" || v === null || v === undefined) return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

class LiquidRenderError extends Error {}
class LoopControl {
  constructor(readonly kind: "break" | "continue") {}
}

const MAX_RANGE = 100_000;
const MAX_ITERATIONS = 1_000_000;

interface Scope {
  vars: Map<string, unknown>;
  root: Record<string, unknown>;
  iterations: number;
}

function evalExpr(e: Expr, s: Scope): unknown {
  switch (e.k) {
    case "lit":
      return e.v;
    case "range": {
      const from = Math.trunc(toNumber(evalExpr(e.from, s)));
      const to = Math.trunc(toNumber(evalExpr(e.to, s)));
      if (to - from > MAX_RANGE) throw new LiquidRenderError(`range (${from}..${to}) is too large`);
      const out: number[] = [];
      for (let i = from; i <= to; i++) out.push(i);
      return out;
    }
    case "path": {
      let v: unknown = s.vars.has(e.root) ? s.vars.get(e.root) : (s.root[e.root] ?? null);
      for (const p of e.parts) v = member(v, typeof p === "string" ? p : evalExpr(p, s));
      return v;
    }
  }
}

function compare(l: unknown, op: string, r: unknown): boolean {
  if (r === EMPTY || l === EMPTY) {
    const other = r === EMPTY ? l : r;
    const eq = isEmptyValue(other);
    return op === "==" ? eq : op === "!=" ? !eq : false;
  }
  if (r === BLANK || l === BLANK) {
    const other = r === BLANK ? l : r;
    const eq = isBlank(other);
    return op === "==" ? eq : op === "!=" ? !eq : false;
  }
  switch (op) {
    case "==":
      return equal(l, r);
    case "!=":
      return !equal(l, r);
    case "contains":
      if (typeof l === "string") return r !== null && r !== undefined && l.includes(liquidText(r));
      if (Array.isArray(l)) return l.some((x) => equal(x, r));
      return false;
    default: {
      if (l === null || r === null || l === undefined || r === undefined) return false;
      const bothStr = typeof l === "string" && typeof r === "string";
      const a = bothStr ? l : toNumber(l);
      const b = bothStr ? r : toNumber(r);
      if (op === "<") return a < b;
      if (op === ">") return a > b;
      if (op === "<=") return a <= b;
      return a >= b;
    }
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === "number" && typeof b === "string") return false;
  if (typeof a === "string" && typeof b === "number") return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  return a === b;
}

function evalCond(c: Cond, s: Scope): boolean {
  switch (c.k) {
    case "and":
      return evalCond(c.l, s) && evalCond(c.r, s);
    case "or":
      return evalCond(c.l, s) || evalCond(c.r, s);
    case "expr":
      return truthy(evalExpr(c.e, s));
    case "not":
      return !evalCond(c.c, s);
    case "cmp":
      return compare(evalExpr(c.l, s), c.op, evalExpr(c.r, s));
  }
}

function evalOutput(o: Output, s: Scope): unknown {
  let v = evalExpr(o.e, s);
  for (const f of o.filters) v = applyFilter(f.name, v, f.args.map((a) => evalExpr(a, s)));
  return v;
}

function renderNodes(nodes: readonly LNode[], s: Scope, out: string[]): void {
  for (const n of nodes) {
    switch (n.k) {
      case "text":
        out.push(n.s);
        break;
      case "out":
        try {
          out.push(liquidText(evalOutput(n.o, s)));
        } catch (e) {
          if (e instanceof LiquidRenderError) out.push(`Liquid error: ${e.message}`);
          else throw e;
        }
        break;
      case "if":
        for (const b of n.branches)
          if (b.cond === null || evalCond(b.cond, s)) {
            renderNodes(b.body, s, out);
            break;
          }
        break;
      case "case": {
        const v = evalExpr(n.e, s);
        let matched = false;
        for (const w of n.whens)
          if (w.values.some((x) => compare(v, "==", evalExpr(x, s)))) {
            matched = true;
            renderNodes(w.body, s, out);
          }
        if (!matched) renderNodes(n.otherwise, s, out);
        break;
      }
      case "assign":
        try {
          s.vars.set(n.name, evalOutput(n.o, s));
        } catch (e) {
          if (e instanceof LiquidRenderError) out.push(`Liquid error: ${e.message}`);
          else throw e;
        }
        break;
      case "capture": {
        const inner: string[] = [];
        renderNodes(n.body, s, inner);
        s.vars.set(n.name, inner.join(""));
        break;
      }
      case "break":
        throw new LoopControl("break");
      case "continue":
        throw new LoopControl("continue");
      case "for":
        renderFor(n, s, out);
        break;
    }
  }
}

function renderFor(n: Extract<LNode, { k: "for" }>, s: Scope, out: string[]): void {
  const c = evalExpr(n.coll, s);
  let items: unknown[] =
    Array.isArray(c) ? c : c !== null && typeof c === "object" && !isLookup(c) ? Object.entries(c as object).map(([k, v]) => [k, v]) : c === null || c === undefined || c === "" ? [] : [c];
  const offset = n.offset ? Math.max(0, Math.trunc(toNumber(evalExpr(n.offset, s)))) : 0;
  const limit = n.limit ? Math.max(0, Math.trunc(toNumber(evalExpr(n.limit, s)))) : Infinity;
  items = items.slice(offset, limit === Infinity ? undefined : offset + limit);
  if (n.reversed) items = items.slice().reverse();
  if (items.length === 0) return renderNodes(n.otherwise, s, out);
  const had = s.vars.has(n.name);
  const saved = s.vars.get(n.name);
  const savedLoop = s.vars.get("forloop");
  try {
    for (let i = 0; i < items.length; i++) {
      if (++s.iterations > MAX_ITERATIONS) throw new LiquidRenderError("too many loop iterations");
      s.vars.set(n.name, items[i]);
      s.vars.set("forloop", { index: i + 1, index0: i, rindex: items.length - i, rindex0: items.length - i - 1, first: i === 0, last: i === items.length - 1, length: items.length });
      try {
        renderNodes(n.body, s, out);
      } catch (e) {
        if (e instanceof LoopControl) {
          if (e.kind === "break") break;
          continue;
        }
        throw e;
      }
    }
  } finally {
    if (had) s.vars.set(n.name, saved);
    else s.vars.delete(n.name);
    if (savedLoop === undefined) s.vars.delete("forloop");
    else s.vars.set("forloop", savedLoop);
  }
}

// ---------------------------------------------------------------------------------------------
// Filters (DotLiquid StandardFilters semantics, C# names)

function str(v: unknown): string {
  return liquidText(v);
}
function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}
function arith(a: unknown, b: unknown, f: (x: number, y: number) => number, intOp?: (x: number, y: number) => number): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isInteger(x) && Number.isInteger(y) && intOp) return intOp(x, y);
  return f(x, y);
}
function bankersRound(x: number, digits: number): number {
  const m = 10 ** digits;
  const v = x * m;
  const r = Math.round(v);
  const diff = Math.abs(v % 1);
  const rounded = Math.abs(diff - 0.5) < 1e-9 ? (Math.floor(v) % 2 === 0 ? Math.floor(v) : Math.ceil(v)) : r;
  return rounded / m;
}
function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
function urlEncode(s: string): string {
  // WebUtility.UrlEncode: space as '+', unreserved kept, the rest as uppercase %XX of UTF-8.
  return encodeURIComponent(s).replace(/%20/g, "+").replace(/[!'()*]/g, (c) => (c === "!" || c === "(" || c === ")" || c === "*" ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
}
function toDate(v: unknown): DateTime | null {
  if (v instanceof DateTime) return v;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "now" || t === "today") {
      const d = DateTime.now(1);
      return t === "today" ? DateTime.create(d.Year, d.Month, d.Day, 0, 0, 0, 0, 1) : d;
    }
    return DateTime.TryParse(v, null) ?? null;
  }
  if (typeof v === "number") return DateTime.fromMs(v * 1000, 1);
  return null;
}

function applyFilter(name: string, input: unknown, args: unknown[]): unknown {
  const a0 = args[0];
  const a1 = args[1];
  switch (name) {
    case "Abs":
      return Math.abs(toNumber(input));
    case "Append":
      return str(input) + str(a0);
    case "Prepend":
      return str(a0) + str(input);
    case "AtLeast":
      return Math.max(toNumber(input), toNumber(a0));
    case "AtMost":
      return Math.min(toNumber(input), toNumber(a0));
    case "Capitalize": {
      const s = str(input);
      return s ? s[0]!.toUpperCase() + s.slice(1) : s;
    }
    case "Compact":
      return arr(input).filter((x) => x !== null && x !== undefined);
    case "Currency": {
      const n = toNumber(input);
      const t = Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${n < 0 ? "-" : ""}$${t}`;
    }
    case "Date": {
      const fmt = a0 === null || a0 === undefined ? "" : str(a0);
      if (fmt === "") return input;
      const d = toDate(input);
      if (!d) return input;
      return d.ToString(fmt);
    }
    case "Default":
      return isBlank(input) && input !== 0 ? a0 : input;
    case "DividedBy": {
      const y = toNumber(a0);
      if (y === 0) throw new LiquidRenderError("divided by 0");
      return arith(input, a0, (x, z) => x / z, (x, z) => Math.trunc(x / z));
    }
    case "Times":
      return arith(input, a0, (x, y) => x * y, (x, y) => x * y);
    case "Plus":
      return arith(input, a0, (x, y) => x + y, (x, y) => x + y);
    case "Minus":
      return arith(input, a0, (x, y) => x - y, (x, y) => x - y);
    case "Modulo": {
      if (toNumber(a0) === 0) throw new LiquidRenderError("divided by 0");
      return arith(input, a0, (x, y) => x % y, (x, y) => x % y);
    }
    case "Round":
      return bankersRound(toNumber(input), a0 === undefined ? 0 : Math.trunc(toNumber(a0)));
    case "Downcase":
      return str(input).toLowerCase();
    case "Upcase":
      return str(input).toUpperCase();
    case "Escape":
    case "H":
      return htmlEscape(str(input));
    case "First":
      return Array.isArray(input) ? (input[0] ?? null) : typeof input === "string" ? (input[0] ?? null) : null;
    case "Last":
      return Array.isArray(input) ? (input[input.length - 1] ?? null) : typeof input === "string" ? (input[input.length - 1] ?? null) : null;
    case "Join":
      return arr(input).map(str).join(a0 === undefined ? " " : str(a0));
    case "Lstrip":
      return str(input).replace(/^\s+/, "");
    case "Rstrip":
      return str(input).replace(/\s+$/, "");
    case "Strip":
      return str(input).trim();
    case "Map":
      return arr(input).map((x) => member(x, str(a0)));
    case "NewlineToBr":
      return str(input).replace(/\r?\n/g, "<br />\n");
    case "Remove":
      return str(input).split(str(a0)).join("");
    case "RemoveFirst": {
      const s = str(input);
      const f = str(a0);
      const i = f === "" ? -1 : s.indexOf(f);
      return i < 0 ? s : s.slice(0, i) + s.slice(i + f.length);
    }
    case "Replace": {
      const f = str(a0);
      return f === "" ? str(input) : str(input).split(f).join(str(a1));
    }
    case "ReplaceFirst": {
      const s = str(input);
      const f = str(a0);
      const i = f === "" ? -1 : s.indexOf(f);
      return i < 0 ? s : s.slice(0, i) + str(a1) + s.slice(i + f.length);
    }
    case "Size":
      return Array.isArray(input) || typeof input === "string" ? input.length : input !== null && typeof input === "object" ? Object.keys(input).length : 0;
    case "Slice": {
      const len = a1 === undefined ? 1 : Math.trunc(toNumber(a1));
      let start = Math.trunc(toNumber(a0));
      const v = Array.isArray(input) ? input : str(input);
      if (start < 0) start = Math.max(0, v.length + start);
      return v.slice(start, start + len);
    }
    case "Sort": {
      const items = arr(input).slice();
      const key = (x: unknown) => (a0 === undefined ? x : member(x, str(a0)));
      return items.sort((x, y) => {
        const a = key(x);
        const b = key(y);
        if (a === b) return 0;
        if (a === null || a === undefined) return 1;
        if (b === null || b === undefined) return -1;
        return typeof a === "number" && typeof b === "number" ? a - b : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
      });
    }
    case "Split": {
      const s = str(input);
      const sep = str(a0);
      return sep === "" ? [...s] : s.split(sep).filter((x, i, all) => x !== "" || i < all.length - 1 || all.length === 1);
    }
    case "StripHtml":
      return str(input).replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>/gi, "");
    case "StripNewlines":
      return str(input).replace(/\r?\n/g, "");
    case "Truncate": {
      const s = str(input);
      const len = a0 === undefined ? 50 : Math.trunc(toNumber(a0));
      const ell = a1 === undefined ? "..." : str(a1);
      if (s.length <= len) return s;
      return s.slice(0, Math.max(0, len - ell.length)) + ell;
    }
    case "TruncateWords": {
      const words = str(input).split(/\s+/).filter((w) => w !== "");
      const n = a0 === undefined ? 15 : Math.max(1, Math.trunc(toNumber(a0)));
      const ell = a1 === undefined ? "..." : str(a1);
      return words.length <= n ? str(input) : words.slice(0, n).join(" ") + ell;
    }
    case "Uniq": {
      const out: unknown[] = [];
      for (const x of arr(input)) if (!out.some((y) => equal(x, y))) out.push(x);
      return out;
    }
    case "UrlDecode":
      try {
        return decodeURIComponent(str(input).replace(/\+/g, " "));
      } catch {
        return str(input);
      }
    case "UrlEncode":
      return urlEncode(str(input));
    default:
      throw new LiquidRenderError(`unknown filter ${name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The data a template sees

function headersLookup(h: { GetValueOrDefault(name: string, def: string | null): string | null }): Lookup {
  return { $liquidGet: (n) => h.GetValueOrDefault(n, null) };
}

function urlObject(u: Context["Request"]["Url"]): Record<string, unknown> {
  const query: Record<string, string> = Object.create(null);
  for (const [k, vs] of u.Query.m) query[k] = vs.join(",");
  const text = u.href();
  return { Scheme: u.Scheme, Host: u.Host, Port: u.Port, Path: u.Path, Query: query, QueryString: u.QueryString, ToUri: text, ToString: text };
}

/** `context` in a template: what apim-semantics §4.10 lists, built on first use. */
function liquidContext(ctx: Context): Lookup {
  let request: Lookup | null = null;
  let response: Lookup | null = null;
  return {
    $liquidGet(name) {
      switch (name) {
        case "Request": {
          const rq = ctx.Request;
          return (request ??= {
            $liquidGet(n) {
              switch (n) {
                case "Url":
                  return urlObject(rq.Url);
                case "OriginalUrl":
                  return urlObject(rq.OriginalUrl);
                case "Method":
                  return rq.Method;
                case "OriginalMethod":
                  return rq.OriginalMethod;
                case "IpAddress":
                  return rq.IpAddress;
                case "MatchedParameters":
                  return Object.fromEntries(rq.MatchedParameters);
                case "HasBody":
                  return !!rq.Body && rq.Body.content().length > 0;
                case "ClientCertificates":
                  return [];
                case "Headers":
                  return headersLookup(rq.Headers);
                default:
                  return null;
              }
            },
          });
        }
        case "Response": {
          return (response ??= {
            $liquidGet(n) {
              const rs = ctx.Response;
              switch (n) {
                case "StatusCode":
                  return rs.StatusCode;
                case "StatusReason":
                  return rs.StatusReason;
                case "Method":
                  return ctx.Request.Method;
                case "Headers":
                  return headersLookup(rs.Headers);
                default:
                  return null;
              }
            },
          });
        }
        // [infer] Not in the documented list; exposed read-only as their text, as templates commonly need them.
        case "Variables":
          return { $liquidGet: (n: string) => (ctx.Variables.has(n) ? ctx.Variables.get(n) : null) };
        default:
          return null;
      }
    },
  };
}

/** `body`: the parsed JSON or XML body; null for other content types, no body, or a body that does not parse. */
function liquidBody(m: LiquidMessage | null): unknown {
  if (!m || !m.Body) return null;
  const ct = m.Headers.GetValueOrDefault("Content-Type", null);
  const bytes = m.Body.content();
  if (bytes.length === 0) return null;
  try {
    if (isJsonContentType(ct)) return jsonToPlain(parseJsonTree(bytes.toString("utf8")));
    if (isXmlContentType(ct)) {
      const doc = parseXmlDocument(bytes.toString("utf8"));
      const name = doc.root.name.includes(":") ? doc.root.name.slice(doc.root.name.indexOf(":") + 1) : doc.root.name;
      return { [name]: elementValue(doc.root, true, false) };
    }
  } catch {
    return null;
  }
  return null;
}

/** What `body` is read from: the message set-body writes (null inside return-response). */
export interface LiquidMessage {
  Body: MessageBody | null;
  Headers: { GetValueOrDefault(name: string, def: string | null): string | null };
}

/** Renders the template against the message; the result becomes its new body. */
export function liquidRender(ctx: Context, template: LiquidTemplate, message: LiquidMessage | null): MessageBody {
  const scope: Scope = { vars: new Map(), root: { body: liquidBody(message), context: liquidContext(ctx) }, iterations: 0 };
  const out: string[] = [];
  try {
    renderNodes(template.nodes, scope, out);
  } catch (e) {
    if (e instanceof LoopControl) {
      // break/continue outside a loop: ends the template, as DotLiquid does
    } else if (e instanceof LiquidRenderError) out.push(`Liquid error: ${e.message}`);
    else throw e;
  }
  return new MessageBody(out.join(""));
}

/** Renders against plain data (tests, tools). */
export function liquidRenderData(template: LiquidTemplate, data: Record<string, unknown>): string {
  const scope: Scope = { vars: new Map(), root: data, iterations: 0 };
  const out: string[] = [];
  renderNodes(template.nodes, scope, out);
  return out.join("");
}

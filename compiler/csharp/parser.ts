// Recursive-descent parser for the C# 7 expression and statement subset used in policy expressions.
// Syntax newer than C# 7 is recognised where cheap and reported as "too new" (APIMC3002).
import { Lexer, LexError, type Token } from "./lexer.js";
import type { Arg, Expr, Initializer, InterpPart, Stmt, TypeNode, CatchClause } from "./ast.js";

export class ParseError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    readonly tooNew = false,
  ) {
    super(message);
  }
}

const PREDEFINED = new Set([
  "bool",
  "byte",
  "char",
  "decimal",
  "double",
  "float",
  "int",
  "long",
  "object",
  "sbyte",
  "short",
  "string",
  "uint",
  "ulong",
  "ushort",
  "void",
]);

const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]);

/** Binary operator precedence (higher binds tighter). */
const BINARY: Record<string, number> = {
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "<": 8,
  ">": 8,
  "<=": 8,
  ">=": 8,
  is: 8,
  as: 8,
  "<<": 9,
  ">>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
};

export class Parser {
  private toks: Token[];
  private i = 0;

  constructor(
    readonly src: string,
    start = 0,
    end = src.length,
  ) {
    try {
      this.toks = new Lexer(src, start, end).tokenize();
    } catch (e) {
      if (e instanceof LexError) throw new ParseError(e.message, e.pos, e.tooNew);
      throw e;
    }
  }

  // ---- token helpers ---------------------------------------------------------------------------
  private get t(): Token {
    return this.toks[this.i]!;
  }
  private peek(o = 1): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  private is(text: string, tok: Token = this.t): boolean {
    return (tok.kind === "punct" || tok.kind === "keyword" || tok.kind === "ident") && tok.text === text;
  }
  private isP(text: string, tok: Token = this.t): boolean {
    return tok.kind === "punct" && tok.text === text;
  }
  private isK(text: string, tok: Token = this.t): boolean {
    return tok.kind === "keyword" && tok.text === text;
  }
  private eat(text: string): boolean {
    if ((this.t.kind === "punct" || this.t.kind === "keyword") && this.t.text === text) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(text: string): Token {
    const t = this.t;
    if ((t.kind === "punct" || t.kind === "keyword") && t.text === text) {
      this.i++;
      return t;
    }
    throw this.err(`'${text}' expected${t.kind === "eof" ? " at the end of the expression" : `, found '${this.src.slice(t.start, t.end)}'`}.`);
  }
  private err(msg: string, pos = this.t.start): ParseError {
    return new ParseError(msg, pos);
  }
  private tooNew(msg: string, pos = this.t.start): ParseError {
    return new ParseError(msg, pos, true);
  }
  private identName(): { name: string; pos: number } {
    const t = this.t;
    if (t.kind !== "ident") throw this.err(`Identifier expected${t.kind === "eof" ? "" : `, found '${this.src.slice(t.start, t.end)}'`}.`);
    this.i++;
    return { name: t.text, pos: t.start };
  }
  atEnd(): boolean {
    return this.t.kind === "eof";
  }
  expectEnd(): void {
    if (this.t.kind !== "eof") throw this.err(`Unexpected '${this.src.slice(this.t.start, this.t.end)}'.`);
  }
  /** The end index of the previous token. */
  private get prevEnd(): number {
    return this.toks[this.i - 1]?.end ?? this.t.start;
  }

  // ---- types -----------------------------------------------------------------------------------
  /** Parses a type, or returns null (restoring the position) when there is none here. */
  tryType(allowNullable = true): TypeNode | null {
    const save = this.i;
    try {
      return this.type(allowNullable);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.i = save;
      return null;
    }
  }

  type(allowNullable = true): TypeNode {
    const pos = this.t.start;
    let t: TypeNode;
    if (this.t.kind === "keyword" && PREDEFINED.has(this.t.text)) {
      t = { k: "tname", pos, parts: [{ name: this.t.text, args: [] }] };
      this.i++;
    } else if (this.t.kind === "ident") {
      const parts: { name: string; args: TypeNode[] }[] = [];
      for (;;) {
        const id = this.identName();
        let args: TypeNode[] = [];
        if (this.isP("<")) args = this.typeArgList(true)!;
        parts.push({ name: id.name, args });
        if (this.isP(".") && this.peek().kind === "ident") {
          this.i++;
          continue;
        }
        if (this.isP("::") && this.peek().kind === "ident") {
          this.i++;
          continue;
        }
        break;
      }
      t = { k: "tname", pos, parts };
    } else throw this.err("Type expected.");
    for (;;) {
      if (allowNullable && this.isP("?") && this.nullableFollows()) {
        this.i++;
        t = { k: "tnullable", pos, inner: t };
      } else if (allowNullable && this.isP("?[") && t.k !== "tnullable") {
        // `int?[]`: the lexer read `?[` (null-conditional index); split it into `?` and `[`
        const tok = this.t;
        this.toks[this.i] = { ...tok, text: "[", start: tok.start + 1 };
        t = { k: "tnullable", pos, inner: t };
      } else if (this.isP("[") && (this.isP("]", this.peek()) || this.isP(",", this.peek()))) {
        this.i++;
        if (this.isP(",")) throw this.err("Multi-dimensional arrays are not supported in policy expressions.");
        this.expect("]");
        t = { k: "tarray", pos, elem: t };
      } else break;
    }
    return t;
  }

  /** After `T?`: is the `?` a nullable marker (not a conditional operator)? */
  private nullableFollows(): boolean {
    const n = this.peek();
    if (n.kind === "punct") return [")", ",", ">", "]", "[", ";", "=", "{"].includes(n.text) || (n.text === "?" && false);
    if (n.kind === "ident") {
      const n2 = this.peek(2);
      return n2.kind === "punct" ? ["=", ";", ",", ")"].includes(n2.text) : n2.kind === "keyword" && n2.text === "in";
    }
    if (n.kind === "eof") return true;
    return false;
  }

  /** `<T, U>`; in speculative mode returns null when this is not a type argument list. */
  private typeArgList(strict: boolean): TypeNode[] | null {
    const save = this.i;
    this.expect("<");
    const args: TypeNode[] = [];
    for (;;) {
      const t = strict ? this.type() : this.tryType();
      if (!t) {
        this.i = save;
        return null;
      }
      args.push(t);
      if (this.eat(",")) continue;
      if (this.isP(">")) {
        this.i++;
        return args;
      }
      if (strict) throw this.err("'>' expected.");
      this.i = save;
      return null;
    }
  }

  /** Generic name disambiguation (C# spec 7.6.4.2): `<` is a type argument list only when followed by one of these tokens. */
  private tryGenericArgs(): TypeNode[] | null {
    const save = this.i;
    const args = this.typeArgList(false);
    if (!args) return null;
    const n = this.t;
    const ok =
      n.kind === "eof" ||
      (n.kind === "punct" && ["(", ")", "]", "}", ":", ";", ",", ".", "?", "==", "!=", "|", "^", "&&", "||", "&", "[", "?.", "??"].includes(n.text));
    if (!ok) {
      this.i = save;
      return null;
    }
    return args;
  }

  // ---- expressions -----------------------------------------------------------------------------
  expression(): Expr {
    // lambda?
    const lam = this.tryLambda();
    if (lam) return lam;
    const start = this.t.start;
    const left = this.conditional();
    if (this.t.kind === "punct" && ASSIGN_OPS.has(this.t.text)) {
      const op = this.t.text;
      const opPos = this.t.start;
      this.i++;
      const value = this.expression();
      return { k: "assign", pos: start, end: this.prevEnd, op, opPos, target: left, value };
    }
    if (this.isP("??=")) throw this.tooNew("The '??=' operator needs C# 8.");
    return left;
  }

  private tryLambda(): Expr | null {
    const start = this.t.start;
    if (this.is("async") && (this.peek().kind === "ident" || this.isP("(", this.peek())))
      throw this.err("async lambdas are not supported in policy expressions.");
    if (this.t.kind === "ident" && this.isP("=>", this.peek())) {
      const p = this.identName();
      this.i++;
      const body = this.lambdaBody();
      return { k: "lambda", pos: start, end: this.prevEnd, params: [{ name: p.name, pos: p.pos }], body };
    }
    if (!this.isP("(")) return null;
    // find the matching paren and check for =>
    let depth = 0;
    let j = this.i;
    for (; j < this.toks.length; j++) {
      const tk = this.toks[j]!;
      if (tk.kind === "eof") return null;
      if (tk.kind === "punct" && (tk.text === "(" || tk.text === "[" || tk.text === "{")) depth++;
      else if (tk.kind === "punct" && (tk.text === ")" || tk.text === "]" || tk.text === "}")) {
        depth--;
        if (depth === 0) break;
      }
    }
    const after = this.toks[j + 1];
    if (!after || !(after.kind === "punct" && after.text === "=>")) return null;
    this.i++;
    const params: { name: string; type?: TypeNode; pos: number }[] = [];
    if (!this.isP(")")) {
      for (;;) {
        if (this.isK("ref") || this.isK("out")) throw this.err("ref/out lambda parameters are not supported.");
        if (this.t.kind === "ident" && (this.isP(",", this.peek()) || this.isP(")", this.peek()))) {
          const p = this.identName();
          params.push({ name: p.name, pos: p.pos });
        } else {
          const type = this.type();
          const p = this.identName();
          params.push({ name: p.name, pos: p.pos, type });
        }
        if (this.eat(",")) continue;
        break;
      }
    }
    this.expect(")");
    this.expect("=>");
    const body = this.lambdaBody();
    return { k: "lambda", pos: start, end: this.prevEnd, params, body };
  }

  private lambdaBody(): Expr | Stmt {
    if (this.isP("{")) return this.block();
    return this.expression();
  }

  private conditional(): Expr {
    const start = this.t.start;
    const test = this.coalesce();
    if (this.isP("?")) {
      this.i++;
      const then = this.throwOrExpression();
      this.expect(":");
      const els = this.throwOrExpression();
      return { k: "cond", pos: start, end: this.prevEnd, test, then, else: els };
    }
    return test;
  }

  private throwOrExpression(): Expr {
    if (this.isK("throw")) {
      const pos = this.t.start;
      this.i++;
      const expr = this.conditional();
      return { k: "throwExpr", pos, end: this.prevEnd, expr };
    }
    return this.expression();
  }

  private coalesce(): Expr {
    const start = this.t.start;
    const left = this.binary(2);
    if (this.isP("??")) {
      const opPos = this.t.start;
      this.i++;
      const right = this.isK("throw") ? this.throwOrExpression() : this.coalesce();
      return { k: "binary", pos: start, end: this.prevEnd, op: "??", opPos, left, right };
    }
    return left;
  }

  private binOp(): string | null {
    const t = this.t;
    if (t.kind === "keyword" && (t.text === "is" || t.text === "as")) return t.text;
    if (t.kind !== "punct") return null;
    if (t.text === ">" && this.isP(">", this.peek()) && this.peek().start === t.end) {
      const n2 = this.peek(2);
      if (n2.kind === "punct" && n2.text === "=" && n2.start === this.peek().end) return null; // >>= handled in assignment
      return ">>";
    }
    if (t.text === "..") throw this.tooNew("Ranges ('..') need C# 8.");
    return t.text in BINARY ? t.text : null;
  }

  private binary(minPrec: number): Expr {
    const start = this.t.start;
    let left = this.unary();
    for (;;) {
      if (this.isK("switch")) throw this.tooNew("Switch expressions need C# 8.");
      const op = this.binOp();
      if (!op) break;
      const prec = BINARY[op]!;
      if (prec < minPrec) break;
      const opPos = this.t.start;
      this.i += op === ">>" ? 2 : 1;
      if (op === "is") {
        left = this.isTail(left, start);
        continue;
      }
      if (op === "as") {
        // `x as int?` (a nullable marker only when what follows cannot continue a conditional)
        const type = this.type(true);
        left = { k: "as", pos: start, end: this.prevEnd, expr: left, type };
        continue;
      }
      const right = this.binary(prec + 1);
      left = { k: "binary", pos: start, end: this.prevEnd, op, opPos, left, right };
    }
    return left;
  }

  private isTail(left: Expr, start: number): Expr {
    if (this.is("not") && this.t.kind === "ident") throw this.tooNew("'is not' patterns need C# 9.");
    if (this.isP("{")) throw this.tooNew("Property patterns need C# 8.");
    if (this.isK("var")) throw this.err("'var' patterns are not supported.");
    // constant patterns: null, literals
    if (this.isK("null") || this.isK("true") || this.isK("false") || this.t.kind === "string" || this.t.kind === "int" || this.t.kind === "real" || this.t.kind === "char" || this.isP("-")) {
      const constant = this.unary();
      if (this.is("or") || this.is("and")) throw this.tooNew("Pattern combinators need C# 9.");
      return { k: "is", pos: start, end: this.prevEnd, expr: left, type: null, constant };
    }
    const type = this.type(false);
    let designation: string | undefined;
    let desPos: number | undefined;
    if (this.t.kind === "ident" && !this.is("and") && !this.is("or")) {
      const id = this.identName();
      designation = id.name;
      desPos = id.pos;
    }
    if (this.is("or") || this.is("and")) throw this.tooNew("Pattern combinators need C# 9.");
    return { k: "is", pos: start, end: this.prevEnd, expr: left, type, designation, desPos };
  }

  private unary(): Expr {
    const t = this.t;
    const pos = t.start;
    if (t.kind === "punct" && ["+", "-", "!", "~", "++", "--"].includes(t.text)) {
      this.i++;
      // -2147483648 is an int and -9223372036854775808 a long (C# spec 6.4.5.3: a decimal literal
      // of 2^31 or 2^63 right after a unary minus), not the negation of a uint or ulong
      const n = this.t;
      if (t.text === "-" && n.kind === "int" && !/^0[xb]/i.test(n.text) && ((n.num === 2n ** 31n && !n.suffix) || (n.num === 2n ** 63n && (!n.suffix || n.suffix === "l")))) {
        this.i++;
        return { k: "lit", pos, end: n.end, type: n.num === 2n ** 31n ? "int" : "long", value: -(n.num as bigint) };
      }
      const operand = this.unary();
      return { k: "unary", pos, end: this.prevEnd, op: t.text, operand };
    }
    if (t.kind === "punct" && t.text === "^") throw this.tooNew("Index-from-end ('^') needs C# 8.");
    if (this.is("await")) throw this.err("'await' is not supported in policy expressions.");
    if (t.kind === "punct" && t.text === "(") {
      const cast = this.tryCast();
      if (cast) return cast;
    }
    if (t.kind === "punct" && (t.text === "&" || t.text === "*")) throw this.err("Pointers are not allowed in policy expressions.");
    return this.postfix(this.primary());
  }

  private tryCast(): Expr | null {
    const save = this.i;
    const pos = this.t.start;
    this.i++;
    const type = this.tryType();
    if (!type || !this.isP(")")) {
      this.i = save;
      return null;
    }
    this.i++;
    const n = this.t;
    const predefined = type.k !== "tname" || (type.parts.length === 1 && PREDEFINED.has(type.parts[0]!.name)) || type.k === "tname" && false;
    const isPredefName = type.k === "tname" && type.parts.length === 1 && PREDEFINED.has(type.parts[0]!.name);
    let isCast: boolean;
    if (isPredefName || type.k === "tarray" || type.k === "tnullable") {
      // (int)-x is a cast; (x)-y is a subtraction
      isCast = !(n.kind === "punct" && [")", ",", ";", "]", "}", ".", "?", "==", "!=", "=>", "??", "*", "/", "%", "<", ">", "<=", ">=", "&&", "||", "&", "|", "^"].includes(n.text)) && n.kind !== "eof";
      if (predefined && n.kind === "punct" && n.text === ".") isCast = false;
    } else {
      isCast =
        n.kind === "ident" ||
        n.kind === "int" ||
        n.kind === "real" ||
        n.kind === "string" ||
        n.kind === "char" ||
        n.kind === "interp" ||
        (n.kind === "keyword" && n.text !== "as" && n.text !== "is") ||
        (n.kind === "punct" && (n.text === "(" || n.text === "!" || n.text === "~"));
    }
    if (!isCast) {
      this.i = save;
      return null;
    }
    const expr = this.unary();
    return { k: "cast", pos, end: this.prevEnd, type, expr };
  }

  private args(close: string): Arg[] {
    const args: Arg[] = [];
    if (this.eat(close)) return args;
    for (;;) {
      const pos = this.t.start;
      let name: string | undefined;
      if (this.t.kind === "ident" && this.isP(":", this.peek())) {
        name = this.t.text;
        this.i += 2;
      }
      if (this.isK("out") || this.isK("ref")) {
        const kind = this.t.text as "out" | "ref";
        this.i++;
        // out var x / out T x / out x
        if (kind === "out") {
          const save = this.i;
          if (this.is("var") && this.peek().kind === "ident") {
            this.i++;
            const id = this.identName();
            args.push({ pos, kind, expr: { k: "name", pos: id.pos, end: this.prevEnd, name: id.name }, outDecl: { type: null, name: id.name, pos: id.pos }, name });
          } else {
            const type = this.tryType();
            if (type && this.t.kind === "ident" && (this.isP(",", this.peek()) || this.isP(close, this.peek()))) {
              const id = this.identName();
              args.push({ pos, kind, expr: { k: "name", pos: id.pos, end: this.prevEnd, name: id.name }, outDecl: { type, name: id.name, pos: id.pos }, name });
            } else {
              this.i = save;
              args.push({ pos, kind, expr: this.expression(), name });
            }
          }
        } else args.push({ pos, kind, expr: this.expression(), name });
      } else {
        args.push({ pos, kind: "val", expr: this.expression(), name });
      }
      if (this.eat(",")) continue;
      this.expect(close);
      return args;
    }
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.t;
      if (t.kind !== "punct") return e;
      if (t.text === ".") {
        this.i++;
        const id = this.identName();
        const typeArgs = this.isP("<") ? (this.tryGenericArgs() ?? undefined) : undefined;
        e = { k: "member", pos: e.pos, end: this.prevEnd, target: e, name: id.name, namePos: id.pos, typeArgs, cond: false };
      } else if (t.text === "?.") {
        this.i++;
        const id = this.identName();
        const typeArgs = this.isP("<") ? (this.tryGenericArgs() ?? undefined) : undefined;
        e = { k: "member", pos: e.pos, end: this.prevEnd, target: e, name: id.name, namePos: id.pos, typeArgs, cond: true };
      } else if (t.text === "?[") {
        this.i++;
        const args = this.args("]");
        e = { k: "index", pos: e.pos, end: this.prevEnd, target: e, args, cond: true };
      } else if (t.text === "?" && this.isP("[", this.peek()) && this.peek().start === t.end) {
        this.i += 2;
        const args = this.args("]");
        e = { k: "index", pos: e.pos, end: this.prevEnd, target: e, args, cond: true };
      } else if (t.text === "(") {
        this.i++;
        const args = this.args(")");
        e = { k: "call", pos: e.pos, end: this.prevEnd, target: e, args };
      } else if (t.text === "[") {
        this.i++;
        const args = this.args("]");
        e = { k: "index", pos: e.pos, end: this.prevEnd, target: e, args, cond: false };
      } else if (t.text === "++" || t.text === "--") {
        this.i++;
        e = { k: "postfix", pos: e.pos, end: this.prevEnd, op: t.text, operand: e };
      } else if (t.text === "!" && false) {
        return e;
      } else if (t.text === "->") {
        throw this.err("Pointers are not allowed in policy expressions.");
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.t;
    const pos = t.start;
    switch (t.kind) {
      case "int": {
        this.i++;
        return this.intLiteral(t);
      }
      case "real": {
        this.i++;
        const type = t.suffix === "f" ? "float" : t.suffix === "m" ? "decimal" : "double";
        return { k: "lit", pos, end: t.end, type, value: t.num as number, ...(type === "decimal" ? { text: t.text.slice(0, -1).replace(/_/g, "") } : {}) };
      }
      case "string":
        this.i++;
        return { k: "lit", pos, end: t.end, type: "string", value: t.text };
      case "char":
        this.i++;
        return { k: "lit", pos, end: t.end, type: "char", value: t.text.charCodeAt(0) };
      case "interp":
        this.i++;
        return this.interpolation(t);
      case "ident": {
        this.i++;
        if (t.text === "var" && false) break;
        const typeArgs = this.isP("<") ? (this.tryGenericArgs() ?? undefined) : undefined;
        if (t.text === "nameof" && this.isP("(")) {
          this.i++;
          const arg = this.expression();
          this.expect(")");
          const name = arg.k === "member" ? arg.name : arg.k === "name" ? arg.name : null;
          if (name === null) throw this.err("Invalid nameof argument.", arg.pos);
          return { k: "lit", pos, end: this.prevEnd, type: "string", value: name };
        }
        return { k: "name", pos, end: this.prevEnd, name: t.text, typeArgs };
      }
      case "keyword":
        return this.keywordPrimary(t);
      case "punct":
        if (t.text === "(") {
          this.i++;
          const inner = this.expression();
          if (this.isP(",")) throw this.err("Tuples are not supported in policy expressions.");
          this.expect(")");
          return { k: "paren", pos, end: this.prevEnd, expr: inner };
        }
        break;
      case "eof":
        throw this.err("Expression expected at the end of the input.");
    }
    throw this.err(`Expression expected, found '${this.src.slice(t.start, t.end)}'.`);
  }

  private intLiteral(t: Token): Expr {
    const v = t.num as bigint;
    const s = t.suffix ?? "";
    let type: "int" | "uint" | "long" | "ulong";
    if (s === "") type = v <= 0x7fffffffn ? "int" : v <= 0xffffffffn ? "uint" : v <= 0x7fffffffffffffffn ? "long" : "ulong";
    else if (s === "u") type = v <= 0xffffffffn ? "uint" : "ulong";
    else if (s === "l") type = v <= 0x7fffffffffffffffn ? "long" : "ulong";
    else type = "ulong";
    if (v > 0xffffffffffffffffn) throw this.err("Integral constant is too large.", t.start);
    return { k: "lit", pos: t.start, end: t.end, type, value: v };
  }

  private interpolation(t: Token): Expr {
    const parts: InterpPart[] = [];
    const holes = t.holes!;
    for (let j = 0; j < t.parts!.length; j++) {
      if (t.parts![j] !== "") parts.push(t.parts![j]!);
      const h = holes[j];
      if (!h) continue;
      const sub = new Parser(this.src, h.start, h.end);
      if (sub.atEnd()) throw this.err("Empty expression in interpolated string.", h.start);
      const expr = sub.expression();
      sub.expectEnd();
      let align: Expr | undefined;
      if (h.alignStart !== undefined) {
        const ap = new Parser(this.src, h.alignStart, h.alignEnd);
        align = ap.expression();
        ap.expectEnd();
      }
      parts.push({ expr, align, format: h.format, pos: h.start });
    }
    return { k: "interp", pos: t.start, end: t.end, parts };
  }

  private keywordPrimary(t: Token): Expr {
    const pos = t.start;
    switch (t.text) {
      case "true":
      case "false":
        this.i++;
        return { k: "lit", pos, end: t.end, type: "bool", value: t.text === "true" };
      case "null":
        this.i++;
        return { k: "lit", pos, end: t.end, type: "null", value: null };
      case "new":
        return this.newExpr();
      case "typeof": {
        this.i++;
        this.expect("(");
        const type = this.type();
        this.expect(")");
        return { k: "typeof", pos, end: this.prevEnd, type };
      }
      case "default": {
        this.i++;
        if (this.eat("(")) {
          const type = this.type();
          this.expect(")");
          return { k: "default", pos, end: this.prevEnd, type };
        }
        return { k: "default", pos, end: this.prevEnd, type: null };
      }
      case "checked":
      case "unchecked": {
        this.i++;
        if (!this.isP("(")) throw this.err("checked/unchecked blocks are not supported; use checked(expr).");
        this.i++;
        const expr = this.expression();
        this.expect(")");
        return { k: "checked", pos, end: this.prevEnd, checked: t.text === "checked", expr };
      }
      case "this":
      case "base":
        throw this.err(`'${t.text}' is not available in policy expressions.`);
      case "delegate":
        throw this.err("Anonymous methods ('delegate') are not supported; use a lambda.");
      case "stackalloc":
      case "sizeof":
        throw this.err(`'${t.text}' is not allowed in policy expressions.`);
      case "switch":
        throw this.err("'switch' is a statement, not an expression.");
      default:
        if (PREDEFINED.has(t.text)) {
          this.i++;
          return { k: "ptype", pos, end: t.end, name: t.text };
        }
    }
    throw this.err(`Expression expected, found '${t.text}'.`);
  }

  private newExpr(): Expr {
    const pos = this.t.start;
    this.expect("new");
    if (this.isP("(")) throw this.tooNew("Target-typed 'new()' needs C# 9.");
    if (this.isP("{")) {
      // anonymous type
      this.i++;
      const members: { name: string; value: Expr; pos: number }[] = [];
      while (!this.isP("}")) {
        const mpos = this.t.start;
        if (this.t.kind === "ident" && this.isP("=", this.peek())) {
          const id = this.identName();
          this.i++;
          members.push({ name: id.name, value: this.expression(), pos: mpos });
        } else {
          const value = this.expression();
          const name = value.k === "member" ? value.name : value.k === "name" ? value.name : null;
          if (!name) throw this.err("Invalid anonymous type member declarator.", mpos);
          members.push({ name, value, pos: mpos });
        }
        if (!this.eat(",")) break;
      }
      this.expect("}");
      return { k: "newAnon", pos, end: this.prevEnd, members };
    }
    if (this.isP("[")) {
      // implicitly typed array new[] { ... }
      this.i++;
      this.expect("]");
      const init = this.arrayInit();
      return { k: "newArray", pos, end: this.prevEnd, elem: null, sizes: [], init };
    }
    // element type without array rank
    let base = this.type(true);
    // new int?() and new int?(5): the '?' the type parser left to a conditional
    if (this.isP("?") && this.isP("(", this.peek())) {
      this.i++;
      base = { k: "tnullable", pos: base.pos, inner: base };
    }
    if (this.isP("[")) {
      this.i++;
      const sizes: Expr[] = [];
      if (!this.isP("]")) sizes.push(this.expression());
      if (this.isP(",")) throw this.err("Multi-dimensional arrays are not supported in policy expressions.");
      this.expect("]");
      let elem: TypeNode = base;
      while (this.isP("[")) {
        this.i++;
        this.expect("]");
        elem = { k: "tarray", pos: elem.pos, elem };
      }
      const init = this.isP("{") ? this.arrayInit() : undefined;
      if (sizes.length === 0 && !init) throw this.err("Array creation must have array size or array initializer.");
      return { k: "newArray", pos, end: this.prevEnd, elem, sizes, init };
    }
    if (base.k === "tarray") {
      const init = this.isP("{") ? this.arrayInit() : undefined;
      if (!init) throw this.err("Array creation must have array size or array initializer.");
      return { k: "newArray", pos, end: this.prevEnd, elem: base.elem, sizes: [], init };
    }
    let args: Arg[] | null = null;
    if (this.eat("(")) args = this.args(")");
    let init: Initializer | undefined;
    if (this.isP("{")) init = this.initializer();
    if (!args && !init) throw this.err("'(' or '{' expected.");
    return { k: "new", pos, end: this.prevEnd, type: base, args, init };
  }

  private arrayInit(): Expr[] {
    this.expect("{");
    const items: Expr[] = [];
    while (!this.isP("}")) {
      items.push(this.expression());
      if (!this.eat(",")) break;
    }
    this.expect("}");
    return items;
  }

  private initializer(): Initializer {
    this.expect("{");
    // object initializer if first item is `ident =` or `[...] =`
    const objectInit = (this.t.kind === "ident" && this.isP("=", this.peek())) || this.isP("[");
    if (objectInit) {
      const members: { pos: number; name?: string; index?: Arg[]; value: Expr | Initializer }[] = [];
      while (!this.isP("}")) {
        const pos = this.t.start;
        let name: string | undefined;
        let index: Arg[] | undefined;
        if (this.eat("[")) index = this.args("]");
        else name = this.identName().name;
        this.expect("=");
        const value = this.isP("{") ? this.initializer() : this.expression();
        members.push({ pos, name, index, value });
        if (!this.eat(",")) break;
      }
      this.expect("}");
      return { k: "object", members };
    }
    const items: Expr[][] = [];
    while (!this.isP("}")) {
      if (this.isP("{")) {
        this.i++;
        const group: Expr[] = [];
        while (!this.isP("}")) {
          group.push(this.expression());
          if (!this.eat(",")) break;
        }
        this.expect("}");
        items.push(group);
      } else items.push([this.expression()]);
      if (!this.eat(",")) break;
    }
    this.expect("}");
    return { k: "collection", items };
  }

  // ---- statements ------------------------------------------------------------------------------
  block(): Stmt & { k: "block" } {
    const pos = this.t.start;
    this.expect("{");
    const stmts: Stmt[] = [];
    while (!this.isP("}")) {
      if (this.t.kind === "eof") throw this.err("'}' expected.");
      stmts.push(this.statement());
    }
    this.expect("}");
    return { k: "block", pos, stmts };
  }

  /** Statements until the end of input (the body of `@{ ... }`). */
  statementsToEnd(): Stmt[] {
    const stmts: Stmt[] = [];
    while (!this.atEnd()) stmts.push(this.statement());
    return stmts;
  }

  statement(): Stmt {
    const t = this.t;
    const pos = t.start;
    if (t.kind === "punct") {
      if (t.text === "{") return this.block();
      if (t.text === ";") {
        this.i++;
        return { k: "empty", pos };
      }
    }
    if (t.kind === "keyword") {
      switch (t.text) {
        case "checked":
        case "unchecked":
          // `checked { ... }` statement: the block's arithmetic in that context (`checked(...)` stays an expression)
          if (this.isP("{", this.peek())) {
            this.i++;
            return { ...this.block(), pos, checked: t.text === "checked" };
          }
          break;
        case "if": {
          this.i++;
          this.expect("(");
          const test = this.expression();
          this.expect(")");
          const then = this.embedded();
          const els = this.eat("else") ? this.embedded() : null;
          return { k: "if", pos, test, then, else: els };
        }
        case "while": {
          this.i++;
          this.expect("(");
          const test = this.expression();
          this.expect(")");
          return { k: "while", pos, test, body: this.embedded() };
        }
        case "do": {
          this.i++;
          const body = this.embedded();
          this.expect("while");
          this.expect("(");
          const test = this.expression();
          this.expect(")");
          this.expect(";");
          return { k: "do", pos, test, body };
        }
        case "for": {
          this.i++;
          this.expect("(");
          let init: Stmt | null = null;
          if (!this.isP(";")) {
            const decl = this.tryLocalDecl(false);
            if (decl) init = decl;
            else {
              const exprs: Expr[] = [this.expression()];
              while (this.eat(",")) exprs.push(this.expression());
              init = exprs.length === 1 ? { k: "expr", pos, expr: exprs[0]! } : { k: "block", pos, stmts: exprs.map((e) => ({ k: "expr" as const, pos: e.pos, expr: e })) };
            }
          }
          this.expect(";");
          const test = this.isP(";") ? null : this.expression();
          this.expect(";");
          const update: Expr[] = [];
          if (!this.isP(")")) {
            update.push(this.expression());
            while (this.eat(",")) update.push(this.expression());
          }
          this.expect(")");
          return { k: "for", pos, init, test, update, body: this.embedded() };
        }
        case "foreach": {
          this.i++;
          this.expect("(");
          let type: TypeNode | null = null;
          if (this.is("var") && this.peek().kind === "ident") this.i++;
          else type = this.type();
          if (this.isP("(")) throw this.err("Deconstruction is not supported.");
          const id = this.identName();
          this.expect("in");
          const expr = this.expression();
          this.expect(")");
          return { k: "foreach", pos, type, name: id.name, namePos: id.pos, expr, body: this.embedded() };
        }
        case "switch":
          return this.switchStmt();
        case "try":
          return this.tryStmt();
        case "throw": {
          this.i++;
          const expr = this.isP(";") ? null : this.expression();
          this.expect(";");
          return { k: "throw", pos, expr };
        }
        case "return": {
          this.i++;
          const expr = this.isP(";") ? null : this.expression();
          this.expect(";");
          return { k: "return", pos, expr };
        }
        case "break":
          this.i++;
          this.expect(";");
          return { k: "break", pos };
        case "continue":
          this.i++;
          this.expect(";");
          return { k: "continue", pos };
        case "const": {
          this.i++;
          const d = this.tryLocalDecl(true);
          if (!d) throw this.err("Constant declaration expected.");
          this.expect(";");
          return { ...d, isConst: true } as Stmt;
        }
        case "using": {
          this.i++;
          if (!this.isP("(")) throw this.err("'using' declarations need C# 8; write using (...) { }.");
          this.i++;
          const decl = this.tryLocalDecl(false);
          const expr = decl ? null : this.expression();
          this.expect(")");
          const body = this.embedded();
          return { k: "using", pos, decl, expr, body };
        }
        case "goto":
        case "lock":
        case "unsafe":
        case "fixed":
        case "yield":
          throw this.err(`'${t.text}' statements are not supported in policy expressions.`);
      }
    }
    if (this.is("yield") && t.kind === "ident" && (this.isK("return", this.peek()) || this.isK("break", this.peek())))
      throw this.err("'yield' is not supported in policy expressions.");
    if (this.isK("void") && this.peek().kind === "ident" && this.isP("(", this.peek(2))) {
      this.i++;
      return this.localFunction(pos, null);
    }
    const save = this.i;
    if (this.t.kind === "ident" || (this.t.kind === "keyword" && PREDEFINED.has(this.t.text))) {
      const rt = this.tryType();
      if (rt && this.t.kind === "ident" && this.isP("(", this.peek())) return this.localFunction(pos, rt);
      this.i = save;
    }
    const decl = this.tryLocalDecl(false);
    if (decl) {
      this.expect(";");
      return decl;
    }
    // local function?
    const expr = this.expression();
    this.expect(";");
    return { k: "expr", pos, expr };
  }

  /** `T Name(T1 a, ...) { ... }` or `=> expr;` (C# 7 local function). */
  private localFunction(pos: number, ret: TypeNode | null): Stmt {
    const id = this.identName();
    if (this.isP("<")) throw this.err("Generic local functions are not supported in policy expressions.");
    this.expect("(");
    const params: { name: string; type: TypeNode; pos: number }[] = [];
    if (!this.isP(")")) {
      for (;;) {
        if (this.isK("ref") || this.isK("out") || this.isK("params") || this.isK("this")) throw this.err(`'${this.t.text}' parameters of local functions are not supported.`);
        const type = this.type();
        const p = this.identName();
        if (this.isP("=")) throw this.err("Optional parameters of local functions are not supported.");
        params.push({ name: p.name, pos: p.pos, type });
        if (this.eat(",")) continue;
        break;
      }
    }
    this.expect(")");
    let body: (Stmt & { k: "block" }) | Expr;
    if (this.eat("=>")) {
      body = this.expression();
      this.expect(";");
    } else body = this.block();
    return { k: "localFunc", pos, name: id.name, namePos: id.pos, ret, params, body };
  }

  private embedded(): Stmt {
    return this.statement();
  }

  private tryLocalDecl(isConst: boolean): (Stmt & { k: "local" }) | null {
    const save = this.i;
    const pos = this.t.start;
    let type: TypeNode | null;
    if (this.is("var") && this.t.kind === "ident" && this.peek().kind === "ident") {
      this.i++;
      type = null;
    } else {
      if (!(this.t.kind === "ident" || (this.t.kind === "keyword" && PREDEFINED.has(this.t.text)))) return null;
      type = this.tryType();
      if (!type || this.t.kind !== "ident") {
        this.i = save;
        return null;
      }
      const n = this.peek();
      if (!(n.kind === "punct" && ["=", ";", ","].includes(n.text))) {
        this.i = save;
        return null;
      }
    }
    const decls: { name: string; pos: number; init: Expr | null }[] = [];
    for (;;) {
      const id = this.identName();
      let init: Expr | null = null;
      if (this.eat("=")) {
        if (this.isP("{")) {
          const ipos = this.t.start;
          const items = this.arrayInit();
          init = { k: "newArray", pos: ipos, end: this.prevEnd, elem: null, sizes: [], init: items };
          (init as { fromDecl?: boolean }).fromDecl = true;
        } else init = this.expression();
      }
      decls.push({ name: id.name, pos: id.pos, init });
      if (!this.eat(",")) break;
    }
    return { k: "local", pos, type, decls, isConst };
  }

  private switchStmt(): Stmt {
    const pos = this.t.start;
    this.expect("switch");
    this.expect("(");
    const expr = this.expression();
    this.expect(")");
    this.expect("{");
    const sections: { pos: number; labels: (Expr | null)[]; body: Stmt[] }[] = [];
    while (!this.isP("}")) {
      const spos = this.t.start;
      const labels: (Expr | null)[] = [];
      while (this.isK("case") || this.isK("default")) {
        if (this.eat("default")) {
          this.expect(":");
          labels.push(null);
        } else {
          this.i++;
          const e = this.conditional();
          if (this.t.kind === "ident" || this.is("when")) throw this.err("Pattern-matching case labels are not supported yet.");
          this.expect(":");
          labels.push(e);
        }
      }
      if (labels.length === 0) throw this.err("'case' or 'default' expected.");
      const body: Stmt[] = [];
      while (!this.isK("case") && !this.isK("default") && !this.isP("}")) {
        if (this.t.kind === "eof") throw this.err("'}' expected.");
        body.push(this.statement());
      }
      sections.push({ pos: spos, labels, body });
    }
    this.expect("}");
    return { k: "switch", pos, expr, sections };
  }

  private tryStmt(): Stmt {
    const pos = this.t.start;
    this.expect("try");
    const body = this.block();
    const catches: CatchClause[] = [];
    while (this.isK("catch")) {
      const cpos = this.t.start;
      this.i++;
      let type: TypeNode | null = null;
      let name: string | null = null;
      if (this.eat("(")) {
        type = this.type();
        if (this.t.kind === "ident") name = this.identName().name;
        this.expect(")");
      }
      let filter: Expr | null = null;
      if (this.is("when")) {
        this.i++;
        this.expect("(");
        filter = this.expression();
        this.expect(")");
      }
      catches.push({ pos: cpos, type, name, filter, body: this.block() });
    }
    const fin = this.eat("finally") ? this.block() : null;
    if (!catches.length && !fin) throw this.err("'catch' or 'finally' expected.");
    return { k: "try", pos, body, catches, fin };
  }
}

/** Parses `@(expr)` or `@{ stmts }` source. */
export function parseExpressionSource(src: string): { kind: "expr"; expr: Expr } | { kind: "block"; stmts: Stmt[]; bodyStart: number } {
  if (src.startsWith("@(")) {
    if (!src.endsWith(")")) throw new ParseError("')' expected at the end of the expression.", src.length - 1);
    const p = new Parser(src, 2, src.length - 1);
    if (p.atEnd()) throw new ParseError("Empty expression.", 1);
    const expr = p.expression();
    p.expectEnd();
    return { kind: "expr", expr };
  }
  if (src.startsWith("@{")) {
    if (!src.endsWith("}")) throw new ParseError("'}' expected at the end of the block.", src.length - 1);
    const p = new Parser(src, 2, src.length - 1);
    return { kind: "block", stmts: p.statementsToEnd(), bodyStart: 2 };
  }
  throw new ParseError("A policy expression starts with '@(' or '@{'.", 0);
}

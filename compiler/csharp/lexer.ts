// C# 7 lexer for policy expressions. Works on a range of the expression source so that every token
// position is an index into `source` (the caller maps indices to document offsets).

export type TokenKind = "ident" | "keyword" | "int" | "real" | "string" | "char" | "interp" | "punct" | "eof";

export interface InterpHole {
  /** Range of the expression text inside the braces. */
  start: number;
  end: number;
  /** Range of the alignment expression after `,`, if any. */
  alignStart?: number;
  alignEnd?: number;
  /** Format text after `:`, if any. */
  format?: string;
}

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Identifier/keyword/punctuator text; decoded value for string and char literals. */
  text: string;
  /** int: bigint value; real: number value. */
  num?: bigint | number;
  /** Numeric suffix, lower-cased: "", "u", "l", "ul", "f", "d", "m". */
  suffix?: string;
  /** Interpolated strings: text parts and holes, alternating (parts.length === holes.length + 1). */
  parts?: string[];
  holes?: InterpHole[];
  verbatim?: boolean;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly pos: number,
    readonly tooNew = false,
  ) {
    super(message);
  }
}

export const KEYWORDS = new Set(
  (
    "abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event " +
    "explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null " +
    "object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string " +
    "struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while"
  ).split(" "),
);

const PUNCTS = [
  ">>=",
  "<<=",
  "??=",
  "...",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "?[",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "<<",
  "::",
  "->",
  "..",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ".",
  ",",
  ":",
  ";",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "!",
  "~",
  "=",
  "<",
  ">",
  "?",
];
// Note: ">>" is not a token; the parser joins two adjacent ">" so that `List<List<int>>` works.

function isIdStart(c: string): boolean {
  return /[A-Za-z_\u00C0-\uFFFF]/.test(c);
}
function isIdPart(c: string): boolean {
  return /[A-Za-z0-9_\u00C0-\uFFFF]/.test(c);
}

export class Lexer {
  pos: number;
  constructor(
    readonly src: string,
    start = 0,
    readonly end = src.length,
  ) {
    this.pos = start;
  }

  tokenize(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      out.push(t);
      if (t.kind === "eof") return out;
    }
  }

  private peekc(o = 0): string {
    const i = this.pos + o;
    return i < this.end ? this.src[i]! : "";
  }

  private skipTrivia(): void {
    for (;;) {
      const c = this.peekc();
      if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\f" || c === "\v" || c === "\u00a0" || c === "\ufeff") {
        this.pos++;
      } else if (c === "/" && this.peekc(1) === "/") {
        while (this.pos < this.end && this.peekc() !== "\n") this.pos++;
      } else if (c === "/" && this.peekc(1) === "*") {
        const s = this.pos;
        const close = this.src.indexOf("*/", this.pos + 2);
        if (close === -1 || close + 2 > this.end) throw new LexError("Unterminated comment.", s);
        this.pos = close + 2;
      } else if (c === "#") {
        throw new LexError("Preprocessor directives are not allowed in policy expressions.", this.pos);
      } else return;
    }
  }

  next(): Token {
    this.skipTrivia();
    const start = this.pos;
    if (start >= this.end) return { kind: "eof", start, end: start, text: "" };
    const c = this.peekc();
    // strings
    if (c === '"') return this.regularString(start);
    if (c === "@" && this.peekc(1) === '"') {
      this.pos++;
      return this.verbatimString(start);
    }
    if (c === "$" && this.peekc(1) === '"') {
      this.pos += 1;
      return this.interpolated(start, false);
    }
    if (c === "$" && this.peekc(1) === "@" && this.peekc(2) === '"') {
      this.pos += 2;
      return this.interpolated(start, true);
    }
    if (c === "@" && this.peekc(1) === "$" && this.peekc(2) === '"')
      throw new LexError("'@$\"' interpolated verbatim strings need C# 8; write '$@\"' instead.", start, true);
    if (c === "'") return this.charLiteral(start);
    if (c === "@" && isIdStart(this.peekc(1))) {
      this.pos++;
      const id = this.identText();
      return { kind: "ident", start, end: this.pos, text: id };
    }
    if (isIdStart(c)) {
      const id = this.identText();
      return { kind: KEYWORDS.has(id) ? "keyword" : "ident", start, end: this.pos, text: id };
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(this.peekc(1)))) return this.number(start);
    for (const p of PUNCTS) {
      if (this.src.startsWith(p, this.pos) && this.pos + p.length <= this.end) {
        this.pos += p.length;
        return { kind: "punct", start, end: this.pos, text: p };
      }
    }
    throw new LexError(`Unexpected character '${c}'.`, start);
  }

  private identText(): string {
    const s = this.pos;
    while (this.pos < this.end && isIdPart(this.peekc())) this.pos++;
    return this.src.slice(s, this.pos);
  }

  private number(start: number): Token {
    let digits = "";
    let isReal = false;
    const c0 = this.peekc();
    const c1 = this.peekc(1).toLowerCase();
    if (c0 === "0" && (c1 === "x" || c1 === "b")) {
      this.pos += 2;
      const re = c1 === "x" ? /[0-9A-Fa-f_]/ : /[01_]/;
      while (re.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
      const clean = digits.replace(/_/g, "");
      if (clean === "" || digits.startsWith("_") || digits.endsWith("_")) throw new LexError("Invalid numeric literal.", start);
      const num = BigInt((c1 === "x" ? "0x" : "0b") + clean);
      const suffix = this.intSuffix();
      return { kind: "int", start, end: this.pos, text: this.src.slice(start, this.pos), num, suffix };
    }
    while (/[0-9_]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
    if (this.peekc() === "." && /[0-9]/.test(this.peekc(1))) {
      isReal = true;
      digits += this.src[this.pos++];
      while (/[0-9_]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
    }
    if (this.peekc().toLowerCase() === "e" && (/[0-9]/.test(this.peekc(1)) || (/[+-]/.test(this.peekc(1)) && /[0-9]/.test(this.peekc(2))))) {
      isReal = true;
      digits += this.src[this.pos++];
      if (/[+-]/.test(this.peekc())) digits += this.src[this.pos++];
      while (/[0-9]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
    }
    if (/_$|^_|_\.|\._/.test(digits)) throw new LexError("Invalid numeric literal.", start);
    const clean = digits.replace(/_/g, "");
    const s = this.peekc().toLowerCase();
    if (s === "f" || s === "d" || s === "m") {
      this.pos++;
      return { kind: "real", start, end: this.pos, text: this.src.slice(start, this.pos), num: Number(clean), suffix: s };
    }
    if (isReal) return { kind: "real", start, end: this.pos, text: this.src.slice(start, this.pos), num: Number(clean), suffix: "d" };
    const suffix = this.intSuffix();
    return { kind: "int", start, end: this.pos, text: this.src.slice(start, this.pos), num: BigInt(clean), suffix };
  }

  private intSuffix(): string {
    const a = this.peekc().toLowerCase();
    const b = this.peekc(1).toLowerCase();
    if ((a === "u" && b === "l") || (a === "l" && b === "u")) {
      this.pos += 2;
      return "ul";
    }
    if (a === "u" || a === "l") {
      this.pos++;
      return a;
    }
    if (isIdPart(a) && a !== "") throw new LexError("Invalid numeric literal suffix.", this.pos);
    return "";
  }

  /** Reads one escape sequence after the backslash; returns the decoded text. */
  private escape(): string {
    const at = this.pos - 1;
    const c = this.peekc();
    this.pos++;
    switch (c) {
      case "'":
        return "'";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "0":
        return "\0";
      case "a":
        return "\x07";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "v":
        return "\v";
      case "u": {
        const h = this.src.slice(this.pos, this.pos + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(h) || this.pos + 4 > this.end) throw new LexError("Invalid \\u escape sequence.", at);
        this.pos += 4;
        return String.fromCharCode(parseInt(h, 16));
      }
      case "U": {
        const h = this.src.slice(this.pos, this.pos + 8);
        if (!/^[0-9A-Fa-f]{8}$/.test(h) || this.pos + 8 > this.end) throw new LexError("Invalid \\U escape sequence.", at);
        this.pos += 8;
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) throw new LexError("Invalid \\U escape sequence.", at);
        return String.fromCodePoint(cp);
      }
      case "x": {
        let h = "";
        while (h.length < 4 && /[0-9A-Fa-f]/.test(this.peekc()) && this.peekc() !== "") h += this.src[this.pos++];
        if (h === "") throw new LexError("Invalid \\x escape sequence.", at);
        return String.fromCharCode(parseInt(h, 16));
      }
      default:
        throw new LexError(`Unrecognized escape sequence '\\${c}'.`, at);
    }
  }

  private regularString(start: number): Token {
    this.pos++;
    let text = "";
    for (;;) {
      if (this.pos >= this.end) throw new LexError("Unterminated string literal.", start);
      const c = this.src[this.pos]!;
      if (c === "\n" || c === "\r") throw new LexError("Newline in string literal.", start);
      this.pos++;
      if (c === '"') break;
      if (c === "\\") text += this.escape();
      else text += c;
    }
    return { kind: "string", start, end: this.pos, text };
  }

  private verbatimString(start: number): Token {
    this.pos++; // the quote
    let text = "";
    for (;;) {
      if (this.pos >= this.end) throw new LexError("Unterminated verbatim string literal.", start);
      const c = this.src[this.pos++]!;
      if (c === '"') {
        if (this.peekc() === '"') {
          this.pos++;
          text += '"';
        } else break;
      } else text += c;
    }
    return { kind: "string", start, end: this.pos, text, verbatim: true };
  }

  private charLiteral(start: number): Token {
    this.pos++;
    let text: string;
    const c = this.peekc();
    if (c === "" || c === "'" || c === "\n") throw new LexError("Empty or invalid character literal.", start);
    this.pos++;
    if (c === "\\") text = this.escape();
    else text = c;
    if (this.peekc() !== "'" || text.length !== 1) throw new LexError("Too many characters in character literal.", start);
    this.pos++;
    return { kind: "char", start, end: this.pos, text };
  }

  private interpolated(start: number, verbatim: boolean): Token {
    this.pos++; // the quote
    const parts: string[] = [];
    const holes: InterpHole[] = [];
    let text = "";
    for (;;) {
      if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", start);
      const c = this.src[this.pos]!;
      if (c === '"') {
        if (verbatim && this.peekc(1) === '"') {
          this.pos += 2;
          text += '"';
          continue;
        }
        this.pos++;
        break;
      }
      if (!verbatim && (c === "\n" || c === "\r")) throw new LexError("Newline in interpolated string.", start);
      if (c === "{") {
        if (this.peekc(1) === "{") {
          this.pos += 2;
          text += "{";
          continue;
        }
        this.pos++;
        parts.push(text);
        text = "";
        holes.push(this.hole(start, verbatim));
        continue;
      }
      if (c === "}") {
        if (this.peekc(1) === "}") {
          this.pos += 2;
          text += "}";
          continue;
        }
        throw new LexError("A '}' character must be escaped (by doubling) in an interpolated string.", this.pos);
      }
      this.pos++;
      if (c === "\\" && !verbatim) text += this.escape();
      else text += c;
    }
    parts.push(text);
    return { kind: "interp", start, end: this.pos, text: "", parts, holes, verbatim };
  }

  /** Scans `expr[,align][:format]}` after `{`; pos ends after the closing brace. */
  private hole(strStart: number, verbatim: boolean): InterpHole {
    const start = this.pos;
    let depth = 0;
    let alignAt = -1;
    const h: InterpHole = { start, end: start };
    for (;;) {
      if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", strStart);
      const c = this.src[this.pos]!;
      if (c === '"' || c === "'" || (c === "@" && this.peekc(1) === '"') || (c === "$" && (this.peekc(1) === '"' || this.peekc(1) === "@"))) {
        // skip a nested literal with a sub-lexer
        this.next();
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth++;
      else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
      else if (depth === 0 && c === "}") {
        if (alignAt >= 0) h.alignEnd = this.pos;
        else h.end = this.pos;
        this.pos++;
        return h;
      } else if (depth === 0 && c === "," && alignAt < 0) {
        h.end = this.pos;
        alignAt = this.pos;
        h.alignStart = this.pos + 1;
      } else if (depth === 0 && c === ":" && !(this.peekc(1) === ":")) {
        if (alignAt >= 0) h.alignEnd = this.pos;
        else h.end = this.pos;
        this.pos++;
        let fmt = "";
        for (;;) {
          if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", strStart);
          const f = this.src[this.pos]!;
          if (f === "}") break;
          if (f === '"' && !verbatim) throw new LexError("Unterminated interpolated string.", strStart);
          if (f === "\\" && !verbatim) {
            this.pos++;
            fmt += this.escape();
            continue;
          }
          fmt += f;
          this.pos++;
        }
        this.pos++;
        h.format = fmt;
        return h;
      } else if (c === "\n" && !verbatim) throw new LexError("Newline in interpolated string.", strStart);
      this.pos++;
    }
  }
}

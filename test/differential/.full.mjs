var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// compiler/diagnostics.ts
function formatDiagnostic(d, source) {
  let out = `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`;
  if (source !== void 0) {
    const text = new LineMap(source).lineText(d.line);
    const gutter = String(d.line);
    const caretPad = text.slice(0, d.column - 1).replace(/[^\t]/g, " ");
    out += `

${gutter} | ${text}
${" ".repeat(gutter.length)} | ${caretPad}^
`;
  }
  return out;
}
function didYouMean(word, candidates) {
  let best = "";
  let bestScore = Infinity;
  const w = word.toLowerCase();
  for (const c2 of candidates) {
    const s2 = editDistance(w, c2.toLowerCase());
    if (s2 < bestScore) {
      bestScore = s2;
      best = c2;
    }
  }
  return best && bestScore <= Math.max(2, Math.floor(word.length / 3)) ? ` Did you mean '${best}'?` : "";
}
function editDistance(a, b2) {
  const prev = new Array(b2.length + 1);
  for (let j = 0; j <= b2.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b2.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b2[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b2.length];
}
var Codes, LineMap, DiagnosticBag, InternalCompilerError;
var init_diagnostics = __esm({
  "compiler/diagnostics.ts"() {
    Codes = {
      XmlMalformed: "APIMC1001",
      XmlUnterminatedExpression: "APIMC1002",
      XmlEmptyDocument: "APIMC1003",
      XmlSnippetRoot: "APIMC1004",
      XmlBadEntity: "APIMC1005",
      DocumentTooLarge: "APIMC1006",
      UnknownSection: "APIMC2001",
      UnknownPolicy: "APIMC2002",
      UnknownAttribute: "APIMC2003",
      MissingAttribute: "APIMC2004",
      MissingChild: "APIMC2005",
      PolicyNotAllowedInSection: "APIMC2006",
      ExpressionNotAllowed: "APIMC2007",
      InvalidLiteral: "APIMC2008",
      UnexpectedChild: "APIMC2009",
      UnexpectedText: "APIMC2010",
      DuplicateSection: "APIMC2011",
      ProtectedHeader: "APIMC2012",
      MixedExpression: "APIMC2013",
      NotSupportedOutsideAzure: "APIMC2014",
      NotImplemented: "APIMC2015",
      DuplicateChild: "APIMC2016",
      UnknownNamedValue: "APIMC2017",
      UnknownFragment: "APIMC2018",
      CSharpSyntax: "APIMC3001",
      CSharpTooNew: "APIMC3002",
      CSharpUnknownName: "APIMC3003",
      CSharpUnknownMember: "APIMC3004",
      CSharpForbiddenType: "APIMC3005",
      CSharpTypeMismatch: "APIMC3006",
      CSharpMissingReturn: "APIMC3007",
      CSharpBadArguments: "APIMC3008",
      CSharpNotSupported: "APIMC3009",
      CSharpInvalidCast: "APIMC3010",
      CSharpUnassigned: "APIMC3011",
      CSharpDuplicateName: "APIMC3012",
      Internal: "APIMC9001",
      VerifyFailed: "APIMC9002"
    };
    LineMap = class {
      constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++) {
          const c2 = text.charCodeAt(i);
          if (c2 === 10) this.starts.push(i + 1);
          else if (c2 === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
        }
      }
      starts = [0];
      position(offset) {
        const starts = this.starts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = lo + hi + 1 >> 1;
          if (starts[mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
        return { line: lo + 1, column: offset - starts[lo] + 1 };
      }
      lineText(line) {
        const start = this.starts[line - 1] ?? 0;
        const end = this.starts[line] ?? this.text.length;
        return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
      }
    };
    DiagnosticBag = class {
      constructor(file, lines) {
        this.file = file;
        this.lines = lines;
      }
      items = [];
      errorCount = 0;
      add(code, offset, message, severity = "error") {
        const { line, column } = this.lines.position(Math.max(0, Math.min(offset, this.lines.text.length)));
        const d = { code, severity, message, file: this.file, line, column, offset };
        this.items.push(d);
        if (severity === "error") this.errorCount++;
        return d;
      }
      error(code, offset, message) {
        return this.add(code, offset, message, "error");
      }
      warning(code, offset, message) {
        return this.add(code, offset, message, "warning");
      }
      get hasErrors() {
        return this.errorCount > 0;
      }
    };
    InternalCompilerError = class extends Error {
    };
  }
});

// compiler/codegen/code.ts
function js(strings, ...values) {
  const parts = [];
  for (let i = 0; i < strings.length; i++) {
    if (strings[i]) parts.push(strings[i]);
    if (i < values.length) parts.push(literal(values[i]));
  }
  return new Code(parts);
}
function literal(v) {
  if (v instanceof Code) return v;
  if (v === void 0) return new Code(["undefined"]);
  if (v === null) return new Code(["null"]);
  if (typeof v === "string") return new Code([jsonString(v)]);
  if (typeof v === "boolean") return new Code([v ? "true" : "false"]);
  if (typeof v === "bigint") return new Code([`${v}n`]);
  if (typeof v === "number") {
    if (Number.isNaN(v)) return new Code(["NaN"]);
    if (v === Infinity) return new Code(["Infinity"]);
    if (v === -Infinity) return new Code(["-Infinity"]);
    if (Object.is(v, -0)) return new Code(["-0"]);
    return new Code([v < 0 ? `(${String(v)})` : String(v)]);
  }
  if (Array.isArray(v)) return join(v.map((x) => literal(x)), ", ", "[", "]");
  throw new InternalCompilerError(`cannot embed a value of type ${typeof v} in generated code`);
}
function jsonString(s2) {
  return JSON.stringify(s2).replace(/[\u2028\u2029]/g, (c2) => c2 === "\u2028" ? "\\u2028" : "\\u2029");
}
function ident(name) {
  if (!IDENT.test(name) || RESERVED.has(name)) throw new InternalCompilerError(`invalid identifier '${name}'`);
  return new Code([name]);
}
function rt(name) {
  if (!IDENT.test(name)) throw new InternalCompilerError(`invalid runtime helper '${name}'`);
  return new Code([new RuntimeRef(name)]);
}
function join(items, sep = ", ", open = "", close = "") {
  const parts = [];
  if (open) parts.push(open);
  items.forEach((c2, i) => {
    if (i) parts.push(sep);
    parts.push(c2);
  });
  if (close) parts.push(close);
  return new Code(parts);
}
var RuntimeRef, SourceMark, Code, RenderSink, IDENT, RESERVED, EMPTY, NameAllocator;
var init_code = __esm({
  "compiler/codegen/code.ts"() {
    init_diagnostics();
    RuntimeRef = class {
      constructor(name) {
        this.name = name;
      }
    };
    SourceMark = class {
      constructor(offset) {
        this.offset = offset;
      }
    };
    Code = class _Code {
      /** Only `js`, `ident`, `rt`, `raw*` helpers in this file construct Code. */
      constructor(parts) {
        this.parts = parts;
      }
      /** Renders to text, collecting runtime helpers used and source marks with output positions. */
      render(sink) {
        for (const p3 of this.parts) {
          if (typeof p3 === "string") sink.write(p3);
          else if (p3 instanceof _Code) p3.render(sink);
          else if (p3 instanceof RuntimeRef) {
            sink.helpers.add(p3.name);
            sink.write(p3.name);
          } else sink.mark(p3.offset);
        }
      }
      toString() {
        const s2 = new RenderSink();
        this.render(s2);
        return s2.text;
      }
      get isEmpty() {
        return this.parts.every((p3) => typeof p3 === "string" ? p3.trim() === "" : p3 instanceof _Code ? p3.isEmpty : p3 instanceof SourceMark);
      }
    };
    RenderSink = class {
      text = "";
      line = 0;
      helpers = /* @__PURE__ */ new Set();
      marks = [];
      write(s2) {
        this.text += s2;
        for (let i = s2.indexOf("\n"); i !== -1; i = s2.indexOf("\n", i + 1)) this.line++;
      }
      mark(offset) {
        this.marks.push({ line: this.line, offset });
      }
    };
    IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
    RESERVED = new Set(
      "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity".split(
        " "
      )
    );
    EMPTY = new Code([]);
    NameAllocator = class {
      used = /* @__PURE__ */ new Set();
      constructor(reserved = []) {
        for (const r of reserved) this.used.add(r);
      }
      reserve(name) {
        this.used.add(name);
      }
      fresh(hint) {
        const base = hint.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=[0-9])/, "_") || "t";
        let name = base;
        for (let i = 1; this.used.has(name) || RESERVED.has(name); i++) name = `${base}${i}`;
        this.used.add(name);
        return ident(name);
      }
    };
  }
});

// compiler/csharp/lexer.ts
function isIdStart(c2) {
  return /[A-Za-z_\u00C0-\uFFFF]/.test(c2);
}
function isIdPart(c2) {
  return /[A-Za-z0-9_\u00C0-\uFFFF]/.test(c2);
}
var LexError, KEYWORDS, PUNCTS, Lexer;
var init_lexer = __esm({
  "compiler/csharp/lexer.ts"() {
    LexError = class extends Error {
      constructor(message, pos, tooNew = false) {
        super(message);
        this.pos = pos;
        this.tooNew = tooNew;
      }
    };
    KEYWORDS = new Set(
      "abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while".split(" ")
    );
    PUNCTS = [
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
      "?"
    ];
    Lexer = class {
      constructor(src, start = 0, end = src.length) {
        this.src = src;
        this.end = end;
        this.pos = start;
      }
      pos;
      tokenize() {
        const out = [];
        for (; ; ) {
          const t = this.next();
          out.push(t);
          if (t.kind === "eof") return out;
        }
      }
      peekc(o = 0) {
        const i = this.pos + o;
        return i < this.end ? this.src[i] : "";
      }
      skipTrivia() {
        for (; ; ) {
          const c2 = this.peekc();
          if (c2 === " " || c2 === "	" || c2 === "\r" || c2 === "\n" || c2 === "\f" || c2 === "\v" || c2 === "\xA0" || c2 === "\uFEFF") {
            this.pos++;
          } else if (c2 === "/" && this.peekc(1) === "/") {
            while (this.pos < this.end && this.peekc() !== "\n") this.pos++;
          } else if (c2 === "/" && this.peekc(1) === "*") {
            const s2 = this.pos;
            const close = this.src.indexOf("*/", this.pos + 2);
            if (close === -1 || close + 2 > this.end) throw new LexError("Unterminated comment.", s2);
            this.pos = close + 2;
          } else if (c2 === "#") {
            throw new LexError("Preprocessor directives are not allowed in policy expressions.", this.pos);
          } else return;
        }
      }
      next() {
        this.skipTrivia();
        const start = this.pos;
        if (start >= this.end) return { kind: "eof", start, end: start, text: "" };
        const c2 = this.peekc();
        if (c2 === '"') return this.regularString(start);
        if (c2 === "@" && this.peekc(1) === '"') {
          this.pos++;
          return this.verbatimString(start);
        }
        if (c2 === "$" && this.peekc(1) === '"') {
          this.pos += 1;
          return this.interpolated(start, false);
        }
        if (c2 === "$" && this.peekc(1) === "@" && this.peekc(2) === '"') {
          this.pos += 2;
          return this.interpolated(start, true);
        }
        if (c2 === "@" && this.peekc(1) === "$" && this.peekc(2) === '"')
          throw new LexError(`'@$"' interpolated verbatim strings need C# 8; write '$@"' instead.`, start, true);
        if (c2 === "'") return this.charLiteral(start);
        if (c2 === "@" && isIdStart(this.peekc(1))) {
          this.pos++;
          const id = this.identText();
          return { kind: "ident", start, end: this.pos, text: id };
        }
        if (isIdStart(c2)) {
          const id = this.identText();
          return { kind: KEYWORDS.has(id) ? "keyword" : "ident", start, end: this.pos, text: id };
        }
        if (/[0-9]/.test(c2) || c2 === "." && /[0-9]/.test(this.peekc(1))) return this.number(start);
        for (const p3 of PUNCTS) {
          if (this.src.startsWith(p3, this.pos) && this.pos + p3.length <= this.end) {
            this.pos += p3.length;
            return { kind: "punct", start, end: this.pos, text: p3 };
          }
        }
        throw new LexError(`Unexpected character '${c2}'.`, start);
      }
      identText() {
        const s2 = this.pos;
        while (this.pos < this.end && isIdPart(this.peekc())) this.pos++;
        return this.src.slice(s2, this.pos);
      }
      number(start) {
        let digits = "";
        let isReal = false;
        const c0 = this.peekc();
        const c1 = this.peekc(1).toLowerCase();
        if (c0 === "0" && (c1 === "x" || c1 === "b")) {
          this.pos += 2;
          const re = c1 === "x" ? /[0-9A-Fa-f_]/ : /[01_]/;
          while (re.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
          const clean2 = digits.replace(/_/g, "");
          if (clean2 === "" || digits.startsWith("_") || digits.endsWith("_")) throw new LexError("Invalid numeric literal.", start);
          const num = BigInt((c1 === "x" ? "0x" : "0b") + clean2);
          const suffix2 = this.intSuffix();
          return { kind: "int", start, end: this.pos, text: this.src.slice(start, this.pos), num, suffix: suffix2 };
        }
        while (/[0-9_]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
        if (this.peekc() === "." && /[0-9]/.test(this.peekc(1))) {
          isReal = true;
          digits += this.src[this.pos++];
          while (/[0-9_]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
        }
        if (this.peekc().toLowerCase() === "e" && (/[0-9]/.test(this.peekc(1)) || /[+-]/.test(this.peekc(1)) && /[0-9]/.test(this.peekc(2)))) {
          isReal = true;
          digits += this.src[this.pos++];
          if (/[+-]/.test(this.peekc())) digits += this.src[this.pos++];
          while (/[0-9]/.test(this.peekc()) && this.peekc() !== "") digits += this.src[this.pos++];
        }
        if (/_$|^_|_\.|\._/.test(digits)) throw new LexError("Invalid numeric literal.", start);
        const clean = digits.replace(/_/g, "");
        const s2 = this.peekc().toLowerCase();
        if (s2 === "f" || s2 === "d" || s2 === "m") {
          this.pos++;
          return { kind: "real", start, end: this.pos, text: this.src.slice(start, this.pos), num: Number(clean), suffix: s2 };
        }
        if (isReal) return { kind: "real", start, end: this.pos, text: this.src.slice(start, this.pos), num: Number(clean), suffix: "d" };
        const suffix = this.intSuffix();
        return { kind: "int", start, end: this.pos, text: this.src.slice(start, this.pos), num: BigInt(clean), suffix };
      }
      intSuffix() {
        const a = this.peekc().toLowerCase();
        const b2 = this.peekc(1).toLowerCase();
        if (a === "u" && b2 === "l" || a === "l" && b2 === "u") {
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
      escape() {
        const at = this.pos - 1;
        const c2 = this.peekc();
        this.pos++;
        switch (c2) {
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
            return "	";
          case "v":
            return "\v";
          case "u": {
            const h2 = this.src.slice(this.pos, this.pos + 4);
            if (!/^[0-9A-Fa-f]{4}$/.test(h2) || this.pos + 4 > this.end) throw new LexError("Invalid \\u escape sequence.", at);
            this.pos += 4;
            return String.fromCharCode(parseInt(h2, 16));
          }
          case "U": {
            const h2 = this.src.slice(this.pos, this.pos + 8);
            if (!/^[0-9A-Fa-f]{8}$/.test(h2) || this.pos + 8 > this.end) throw new LexError("Invalid \\U escape sequence.", at);
            this.pos += 8;
            const cp = parseInt(h2, 16);
            if (cp > 1114111) throw new LexError("Invalid \\U escape sequence.", at);
            return String.fromCodePoint(cp);
          }
          case "x": {
            let h2 = "";
            while (h2.length < 4 && /[0-9A-Fa-f]/.test(this.peekc()) && this.peekc() !== "") h2 += this.src[this.pos++];
            if (h2 === "") throw new LexError("Invalid \\x escape sequence.", at);
            return String.fromCharCode(parseInt(h2, 16));
          }
          default:
            throw new LexError(`Unrecognized escape sequence '\\${c2}'.`, at);
        }
      }
      regularString(start) {
        this.pos++;
        let text = "";
        for (; ; ) {
          if (this.pos >= this.end) throw new LexError("Unterminated string literal.", start);
          const c2 = this.src[this.pos];
          if (c2 === "\n" || c2 === "\r") throw new LexError("Newline in string literal.", start);
          this.pos++;
          if (c2 === '"') break;
          if (c2 === "\\") text += this.escape();
          else text += c2;
        }
        return { kind: "string", start, end: this.pos, text };
      }
      verbatimString(start) {
        this.pos++;
        let text = "";
        for (; ; ) {
          if (this.pos >= this.end) throw new LexError("Unterminated verbatim string literal.", start);
          const c2 = this.src[this.pos++];
          if (c2 === '"') {
            if (this.peekc() === '"') {
              this.pos++;
              text += '"';
            } else break;
          } else text += c2;
        }
        return { kind: "string", start, end: this.pos, text, verbatim: true };
      }
      charLiteral(start) {
        this.pos++;
        let text;
        const c2 = this.peekc();
        if (c2 === "" || c2 === "'" || c2 === "\n") throw new LexError("Empty or invalid character literal.", start);
        this.pos++;
        if (c2 === "\\") text = this.escape();
        else text = c2;
        if (this.peekc() !== "'" || text.length !== 1) throw new LexError("Too many characters in character literal.", start);
        this.pos++;
        return { kind: "char", start, end: this.pos, text };
      }
      interpolated(start, verbatim) {
        this.pos++;
        const parts = [];
        const holes = [];
        let text = "";
        for (; ; ) {
          if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", start);
          const c2 = this.src[this.pos];
          if (c2 === '"') {
            if (verbatim && this.peekc(1) === '"') {
              this.pos += 2;
              text += '"';
              continue;
            }
            this.pos++;
            break;
          }
          if (!verbatim && (c2 === "\n" || c2 === "\r")) throw new LexError("Newline in interpolated string.", start);
          if (c2 === "{") {
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
          if (c2 === "}") {
            if (this.peekc(1) === "}") {
              this.pos += 2;
              text += "}";
              continue;
            }
            throw new LexError("A '}' character must be escaped (by doubling) in an interpolated string.", this.pos);
          }
          this.pos++;
          if (c2 === "\\" && !verbatim) text += this.escape();
          else text += c2;
        }
        parts.push(text);
        return { kind: "interp", start, end: this.pos, text: "", parts, holes, verbatim };
      }
      /** Scans `expr[,align][:format]}` after `{`; pos ends after the closing brace. */
      hole(strStart, verbatim) {
        const start = this.pos;
        let depth = 0;
        let alignAt = -1;
        const h2 = { start, end: start };
        for (; ; ) {
          if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", strStart);
          const c2 = this.src[this.pos];
          if (c2 === '"' || c2 === "'" || c2 === "@" && this.peekc(1) === '"' || c2 === "$" && (this.peekc(1) === '"' || this.peekc(1) === "@")) {
            this.next();
            continue;
          }
          if (c2 === "(" || c2 === "[" || c2 === "{") depth++;
          else if ((c2 === ")" || c2 === "]" || c2 === "}") && depth > 0) depth--;
          else if (depth === 0 && c2 === "}") {
            if (alignAt >= 0) h2.alignEnd = this.pos;
            else h2.end = this.pos;
            this.pos++;
            return h2;
          } else if (depth === 0 && c2 === "," && alignAt < 0) {
            h2.end = this.pos;
            alignAt = this.pos;
            h2.alignStart = this.pos + 1;
          } else if (depth === 0 && c2 === ":" && !(this.peekc(1) === ":")) {
            if (alignAt >= 0) h2.alignEnd = this.pos;
            else h2.end = this.pos;
            this.pos++;
            let fmt = "";
            for (; ; ) {
              if (this.pos >= this.end) throw new LexError("Unterminated interpolated string.", strStart);
              const f = this.src[this.pos];
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
            h2.format = fmt;
            return h2;
          } else if (c2 === "\n" && !verbatim) throw new LexError("Newline in interpolated string.", strStart);
          this.pos++;
        }
      }
    };
  }
});

// compiler/csharp/parser.ts
function parseExpressionSource(src) {
  if (src.startsWith("@(")) {
    if (!src.endsWith(")")) throw new ParseError("')' expected at the end of the expression.", src.length - 1);
    const p3 = new Parser(src, 2, src.length - 1);
    if (p3.atEnd()) throw new ParseError("Empty expression.", 1);
    const expr = p3.expression();
    p3.expectEnd();
    return { kind: "expr", expr };
  }
  if (src.startsWith("@{")) {
    if (!src.endsWith("}")) throw new ParseError("'}' expected at the end of the block.", src.length - 1);
    const p3 = new Parser(src, 2, src.length - 1);
    return { kind: "block", stmts: p3.statementsToEnd(), bodyStart: 2 };
  }
  throw new ParseError("A policy expression starts with '@(' or '@{'.", 0);
}
var ParseError, PREDEFINED, ASSIGN_OPS, BINARY, Parser;
var init_parser = __esm({
  "compiler/csharp/parser.ts"() {
    init_lexer();
    ParseError = class extends Error {
      constructor(message, pos, tooNew = false) {
        super(message);
        this.pos = pos;
        this.tooNew = tooNew;
      }
    };
    PREDEFINED = /* @__PURE__ */ new Set([
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
      "void"
    ]);
    ASSIGN_OPS = /* @__PURE__ */ new Set(["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]);
    BINARY = {
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
      "%": 11
    };
    Parser = class _Parser {
      constructor(src, start = 0, end = src.length) {
        this.src = src;
        try {
          this.toks = new Lexer(src, start, end).tokenize();
        } catch (e) {
          if (e instanceof LexError) throw new ParseError(e.message, e.pos, e.tooNew);
          throw e;
        }
      }
      toks;
      i = 0;
      // ---- token helpers ---------------------------------------------------------------------------
      get t() {
        return this.toks[this.i];
      }
      peek(o = 1) {
        return this.toks[Math.min(this.i + o, this.toks.length - 1)];
      }
      is(text, tok = this.t) {
        return (tok.kind === "punct" || tok.kind === "keyword" || tok.kind === "ident") && tok.text === text;
      }
      isP(text, tok = this.t) {
        return tok.kind === "punct" && tok.text === text;
      }
      isK(text, tok = this.t) {
        return tok.kind === "keyword" && tok.text === text;
      }
      eat(text) {
        if ((this.t.kind === "punct" || this.t.kind === "keyword") && this.t.text === text) {
          this.i++;
          return true;
        }
        return false;
      }
      expect(text) {
        const t = this.t;
        if ((t.kind === "punct" || t.kind === "keyword") && t.text === text) {
          this.i++;
          return t;
        }
        throw this.err(`'${text}' expected${t.kind === "eof" ? " at the end of the expression" : `, found '${this.src.slice(t.start, t.end)}'`}.`);
      }
      err(msg, pos = this.t.start) {
        return new ParseError(msg, pos);
      }
      tooNew(msg, pos = this.t.start) {
        return new ParseError(msg, pos, true);
      }
      identName() {
        const t = this.t;
        if (t.kind !== "ident") throw this.err(`Identifier expected${t.kind === "eof" ? "" : `, found '${this.src.slice(t.start, t.end)}'`}.`);
        this.i++;
        return { name: t.text, pos: t.start };
      }
      atEnd() {
        return this.t.kind === "eof";
      }
      expectEnd() {
        if (this.t.kind !== "eof") throw this.err(`Unexpected '${this.src.slice(this.t.start, this.t.end)}'.`);
      }
      /** The end index of the previous token. */
      get prevEnd() {
        return this.toks[this.i - 1]?.end ?? this.t.start;
      }
      // ---- types -----------------------------------------------------------------------------------
      /** Parses a type, or returns null (restoring the position) when there is none here. */
      tryType(allowNullable = true) {
        const save = this.i;
        try {
          return this.type(allowNullable);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          this.i = save;
          return null;
        }
      }
      type(allowNullable = true) {
        const pos = this.t.start;
        let t;
        if (this.t.kind === "keyword" && PREDEFINED.has(this.t.text)) {
          t = { k: "tname", pos, parts: [{ name: this.t.text, args: [] }] };
          this.i++;
        } else if (this.t.kind === "ident") {
          const parts = [];
          for (; ; ) {
            const id = this.identName();
            let args = [];
            if (this.isP("<")) args = this.typeArgList(true);
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
        for (; ; ) {
          if (allowNullable && this.isP("?") && this.nullableFollows()) {
            this.i++;
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
      nullableFollows() {
        const n = this.peek();
        if (n.kind === "punct") return [")", ",", ">", "]", "[", ";", "=", "{"].includes(n.text) || n.text === "?" && false;
        if (n.kind === "ident") {
          const n2 = this.peek(2);
          return n2.kind === "punct" ? ["=", ";", ",", ")"].includes(n2.text) : n2.kind === "keyword" && n2.text === "in";
        }
        if (n.kind === "eof") return true;
        return false;
      }
      /** `<T, U>`; in speculative mode returns null when this is not a type argument list. */
      typeArgList(strict) {
        const save = this.i;
        this.expect("<");
        const args = [];
        for (; ; ) {
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
      tryGenericArgs() {
        const save = this.i;
        const args = this.typeArgList(false);
        if (!args) return null;
        const n = this.t;
        const ok = n.kind === "eof" || n.kind === "punct" && ["(", ")", "]", "}", ":", ";", ",", ".", "?", "==", "!=", "|", "^", "&&", "||", "&", "[", "?.", "??", ">"].includes(n.text);
        if (!ok) {
          this.i = save;
          return null;
        }
        return args;
      }
      // ---- expressions -----------------------------------------------------------------------------
      expression() {
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
      tryLambda() {
        const start = this.t.start;
        if (this.is("async") && (this.peek().kind === "ident" || this.isP("(", this.peek())))
          throw this.err("async lambdas are not supported in policy expressions.");
        if (this.t.kind === "ident" && this.isP("=>", this.peek())) {
          const p3 = this.identName();
          this.i++;
          const body2 = this.lambdaBody();
          return { k: "lambda", pos: start, end: this.prevEnd, params: [{ name: p3.name, pos: p3.pos }], body: body2 };
        }
        if (!this.isP("(")) return null;
        let depth = 0;
        let j = this.i;
        for (; j < this.toks.length; j++) {
          const tk = this.toks[j];
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
        const params = [];
        if (!this.isP(")")) {
          for (; ; ) {
            if (this.isK("ref") || this.isK("out")) throw this.err("ref/out lambda parameters are not supported.");
            if (this.t.kind === "ident" && (this.isP(",", this.peek()) || this.isP(")", this.peek()))) {
              const p3 = this.identName();
              params.push({ name: p3.name, pos: p3.pos });
            } else {
              const type2 = this.type();
              const p3 = this.identName();
              params.push({ name: p3.name, pos: p3.pos, type: type2 });
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
      lambdaBody() {
        if (this.isP("{")) return this.block();
        return this.expression();
      }
      conditional() {
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
      throwOrExpression() {
        if (this.isK("throw")) {
          const pos = this.t.start;
          this.i++;
          const expr = this.conditional();
          return { k: "throwExpr", pos, end: this.prevEnd, expr };
        }
        return this.expression();
      }
      coalesce() {
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
      binOp() {
        const t = this.t;
        if (t.kind === "keyword" && (t.text === "is" || t.text === "as")) return t.text;
        if (t.kind !== "punct") return null;
        if (t.text === ">" && this.isP(">", this.peek()) && this.peek().start === t.end) {
          const n2 = this.peek(2);
          if (n2.kind === "punct" && n2.text === "=" && n2.start === this.peek().end) return null;
          return ">>";
        }
        if (t.text === "..") throw this.tooNew("Ranges ('..') need C# 8.");
        return t.text in BINARY ? t.text : null;
      }
      binary(minPrec) {
        const start = this.t.start;
        let left = this.unary();
        for (; ; ) {
          const op = this.binOp();
          if (!op) break;
          const prec = BINARY[op];
          if (prec < minPrec) break;
          const opPos = this.t.start;
          this.i += op === ">>" ? 2 : 1;
          if (op === "is") {
            left = this.isTail(left, start);
            continue;
          }
          if (op === "as") {
            const type2 = this.type(false);
            left = { k: "as", pos: start, end: this.prevEnd, expr: left, type: type2 };
            continue;
          }
          const right = this.binary(prec + 1);
          left = { k: "binary", pos: start, end: this.prevEnd, op, opPos, left, right };
        }
        return left;
      }
      isTail(left, start) {
        if (this.is("not") && this.t.kind === "ident") throw this.tooNew("'is not' patterns need C# 9.");
        if (this.isP("{")) throw this.tooNew("Property patterns need C# 8.");
        if (this.isK("var")) throw this.err("'var' patterns are not supported.");
        if (this.isK("null") || this.isK("true") || this.isK("false") || this.t.kind === "string" || this.t.kind === "int" || this.t.kind === "real" || this.t.kind === "char" || this.isP("-")) {
          const constant = this.unary();
          if (this.is("or") || this.is("and")) throw this.tooNew("Pattern combinators need C# 9.");
          return { k: "is", pos: start, end: this.prevEnd, expr: left, type: null, constant };
        }
        const type2 = this.type(false);
        let designation;
        let desPos;
        if (this.t.kind === "ident" && !this.is("and") && !this.is("or")) {
          const id = this.identName();
          designation = id.name;
          desPos = id.pos;
        }
        if (this.is("or") || this.is("and")) throw this.tooNew("Pattern combinators need C# 9.");
        return { k: "is", pos: start, end: this.prevEnd, expr: left, type: type2, designation, desPos };
      }
      unary() {
        const t = this.t;
        const pos = t.start;
        if (t.kind === "punct" && ["+", "-", "!", "~", "++", "--"].includes(t.text)) {
          this.i++;
          const operand = this.unary();
          return { k: "unary", pos, end: this.prevEnd, op: t.text, operand };
        }
        if (t.kind === "punct" && t.text === "^") throw this.tooNew("Index-from-end ('^') needs C# 8.");
        if (this.is("await")) throw this.err("'await' is not supported in policy expressions.");
        if (t.kind === "punct" && t.text === "(") {
          const cast2 = this.tryCast();
          if (cast2) return cast2;
        }
        if (t.kind === "punct" && (t.text === "&" || t.text === "*")) throw this.err("Pointers are not allowed in policy expressions.");
        return this.postfix(this.primary());
      }
      tryCast() {
        const save = this.i;
        const pos = this.t.start;
        this.i++;
        const type2 = this.tryType();
        if (!type2 || !this.isP(")")) {
          this.i = save;
          return null;
        }
        this.i++;
        const n = this.t;
        const predefined = type2.k !== "tname" || type2.parts.length === 1 && PREDEFINED.has(type2.parts[0].name) || type2.k === "tname" && false;
        const isPredefName = type2.k === "tname" && type2.parts.length === 1 && PREDEFINED.has(type2.parts[0].name);
        let isCast;
        if (isPredefName || type2.k === "tarray" || type2.k === "tnullable") {
          isCast = !(n.kind === "punct" && [")", ",", ";", "]", "}", ".", "?", "==", "!=", "=>", "??", "*", "/", "%", "<", ">", "<=", ">=", "&&", "||", "&", "|", "^"].includes(n.text)) && n.kind !== "eof";
          if (predefined && n.kind === "punct" && n.text === ".") isCast = false;
        } else {
          isCast = n.kind === "ident" || n.kind === "int" || n.kind === "real" || n.kind === "string" || n.kind === "char" || n.kind === "interp" || n.kind === "keyword" && n.text !== "as" && n.text !== "is" || n.kind === "punct" && (n.text === "(" || n.text === "!" || n.text === "~");
        }
        if (!isCast) {
          this.i = save;
          return null;
        }
        const expr = this.unary();
        return { k: "cast", pos, end: this.prevEnd, type: type2, expr };
      }
      args(close) {
        const args = [];
        if (this.eat(close)) return args;
        for (; ; ) {
          const pos = this.t.start;
          let name;
          if (this.t.kind === "ident" && this.isP(":", this.peek())) {
            name = this.t.text;
            this.i += 2;
          }
          if (this.isK("out") || this.isK("ref")) {
            const kind = this.t.text;
            this.i++;
            if (kind === "out") {
              const save = this.i;
              if (this.is("var") && this.peek().kind === "ident") {
                this.i++;
                const id = this.identName();
                args.push({ pos, kind, expr: { k: "name", pos: id.pos, end: this.prevEnd, name: id.name }, outDecl: { type: null, name: id.name, pos: id.pos }, name });
              } else {
                const type2 = this.tryType();
                if (type2 && this.t.kind === "ident" && (this.isP(",", this.peek()) || this.isP(close, this.peek()))) {
                  const id = this.identName();
                  args.push({ pos, kind, expr: { k: "name", pos: id.pos, end: this.prevEnd, name: id.name }, outDecl: { type: type2, name: id.name, pos: id.pos }, name });
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
      postfix(e) {
        for (; ; ) {
          const t = this.t;
          if (t.kind !== "punct") return e;
          if (t.text === ".") {
            this.i++;
            const id = this.identName();
            const typeArgs = this.isP("<") ? this.tryGenericArgs() ?? void 0 : void 0;
            e = { k: "member", pos: e.pos, end: this.prevEnd, target: e, name: id.name, namePos: id.pos, typeArgs, cond: false };
          } else if (t.text === "?.") {
            this.i++;
            const id = this.identName();
            const typeArgs = this.isP("<") ? this.tryGenericArgs() ?? void 0 : void 0;
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
      primary() {
        const t = this.t;
        const pos = t.start;
        switch (t.kind) {
          case "int": {
            this.i++;
            return this.intLiteral(t);
          }
          case "real": {
            this.i++;
            const type2 = t.suffix === "f" ? "float" : t.suffix === "m" ? "decimal" : "double";
            return { k: "lit", pos, end: t.end, type: type2, value: t.num };
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
            const typeArgs = this.isP("<") ? this.tryGenericArgs() ?? void 0 : void 0;
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
      intLiteral(t) {
        const v = t.num;
        const s2 = t.suffix ?? "";
        let type2;
        if (s2 === "") type2 = v <= 0x7fffffffn ? "int" : v <= 0xffffffffn ? "uint" : v <= 0x7fffffffffffffffn ? "long" : "ulong";
        else if (s2 === "u") type2 = v <= 0xffffffffn ? "uint" : "ulong";
        else if (s2 === "l") type2 = v <= 0x7fffffffffffffffn ? "long" : "ulong";
        else type2 = "ulong";
        if (v > 0xffffffffffffffffn) throw this.err("Integral constant is too large.", t.start);
        return { k: "lit", pos: t.start, end: t.end, type: type2, value: v };
      }
      interpolation(t) {
        const parts = [];
        const holes = t.holes;
        for (let j = 0; j < t.parts.length; j++) {
          if (t.parts[j] !== "") parts.push(t.parts[j]);
          const h2 = holes[j];
          if (!h2) continue;
          const sub = new _Parser(this.src, h2.start, h2.end);
          if (sub.atEnd()) throw this.err("Empty expression in interpolated string.", h2.start);
          const expr = sub.expression();
          sub.expectEnd();
          let align2;
          if (h2.alignStart !== void 0) {
            const ap = new _Parser(this.src, h2.alignStart, h2.alignEnd);
            align2 = ap.expression();
            ap.expectEnd();
          }
          parts.push({ expr, align: align2, format: h2.format, pos: h2.start });
        }
        return { k: "interp", pos: t.start, end: t.end, parts };
      }
      keywordPrimary(t) {
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
            const type2 = this.type();
            this.expect(")");
            return { k: "typeof", pos, end: this.prevEnd, type: type2 };
          }
          case "default": {
            this.i++;
            if (this.eat("(")) {
              const type2 = this.type();
              this.expect(")");
              return { k: "default", pos, end: this.prevEnd, type: type2 };
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
      newExpr() {
        const pos = this.t.start;
        this.expect("new");
        if (this.isP("(")) throw this.tooNew("Target-typed 'new()' needs C# 9.");
        if (this.isP("{")) {
          this.i++;
          const members = [];
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
          this.i++;
          this.expect("]");
          const init2 = this.arrayInit();
          return { k: "newArray", pos, end: this.prevEnd, elem: null, sizes: [], init: init2 };
        }
        const base = this.type(true);
        if (this.isP("[")) {
          this.i++;
          const sizes = [];
          if (!this.isP("]")) sizes.push(this.expression());
          if (this.isP(",")) throw this.err("Multi-dimensional arrays are not supported in policy expressions.");
          this.expect("]");
          let elem = base;
          while (this.isP("[")) {
            this.i++;
            this.expect("]");
            elem = { k: "tarray", pos: elem.pos, elem };
          }
          const init2 = this.isP("{") ? this.arrayInit() : void 0;
          if (sizes.length === 0 && !init2) throw this.err("Array creation must have array size or array initializer.");
          return { k: "newArray", pos, end: this.prevEnd, elem, sizes, init: init2 };
        }
        if (base.k === "tarray") {
          const init2 = this.isP("{") ? this.arrayInit() : void 0;
          if (!init2) throw this.err("Array creation must have array size or array initializer.");
          return { k: "newArray", pos, end: this.prevEnd, elem: base.elem, sizes: [], init: init2 };
        }
        let args = null;
        if (this.eat("(")) args = this.args(")");
        let init;
        if (this.isP("{")) init = this.initializer();
        if (!args && !init) throw this.err("'(' or '{' expected.");
        return { k: "new", pos, end: this.prevEnd, type: base, args, init };
      }
      arrayInit() {
        this.expect("{");
        const items = [];
        while (!this.isP("}")) {
          items.push(this.expression());
          if (!this.eat(",")) break;
        }
        this.expect("}");
        return items;
      }
      initializer() {
        this.expect("{");
        const objectInit = this.t.kind === "ident" && this.isP("=", this.peek()) || this.isP("[");
        if (objectInit) {
          const members = [];
          while (!this.isP("}")) {
            const pos = this.t.start;
            let name;
            let index;
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
        const items = [];
        while (!this.isP("}")) {
          if (this.isP("{")) {
            this.i++;
            const group = [];
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
      block() {
        const pos = this.t.start;
        this.expect("{");
        const stmts = [];
        while (!this.isP("}")) {
          if (this.t.kind === "eof") throw this.err("'}' expected.");
          stmts.push(this.statement());
        }
        this.expect("}");
        return { k: "block", pos, stmts };
      }
      /** Statements until the end of input (the body of `@{ ... }`). */
      statementsToEnd() {
        const stmts = [];
        while (!this.atEnd()) stmts.push(this.statement());
        return stmts;
      }
      statement() {
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
              let init = null;
              if (!this.isP(";")) {
                const decl2 = this.tryLocalDecl(false);
                if (decl2) init = decl2;
                else {
                  const exprs = [this.expression()];
                  while (this.eat(",")) exprs.push(this.expression());
                  init = exprs.length === 1 ? { k: "expr", pos, expr: exprs[0] } : { k: "block", pos, stmts: exprs.map((e) => ({ k: "expr", pos: e.pos, expr: e })) };
                }
              }
              this.expect(";");
              const test = this.isP(";") ? null : this.expression();
              this.expect(";");
              const update = [];
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
              let type2 = null;
              if (this.is("var") && this.peek().kind === "ident") this.i++;
              else type2 = this.type();
              if (this.isP("(")) throw this.err("Deconstruction is not supported.");
              const id = this.identName();
              this.expect("in");
              const expr2 = this.expression();
              this.expect(")");
              return { k: "foreach", pos, type: type2, name: id.name, namePos: id.pos, expr: expr2, body: this.embedded() };
            }
            case "switch":
              return this.switchStmt();
            case "try":
              return this.tryStmt();
            case "throw": {
              this.i++;
              const expr2 = this.isP(";") ? null : this.expression();
              this.expect(";");
              return { k: "throw", pos, expr: expr2 };
            }
            case "return": {
              this.i++;
              const expr2 = this.isP(";") ? null : this.expression();
              this.expect(";");
              return { k: "return", pos, expr: expr2 };
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
              return { ...d, isConst: true };
            }
            case "using":
              throw this.err("'using' is not supported in policy expressions.");
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
        const decl = this.tryLocalDecl(false);
        if (decl) {
          this.expect(";");
          return decl;
        }
        const expr = this.expression();
        if (this.isP("{") && expr.k === "call") throw this.err("Local functions are not supported in policy expressions.");
        this.expect(";");
        return { k: "expr", pos, expr };
      }
      embedded() {
        return this.statement();
      }
      tryLocalDecl(isConst) {
        const save = this.i;
        const pos = this.t.start;
        let type2;
        if (this.is("var") && this.t.kind === "ident" && this.peek().kind === "ident") {
          this.i++;
          type2 = null;
        } else {
          if (!(this.t.kind === "ident" || this.t.kind === "keyword" && PREDEFINED.has(this.t.text))) return null;
          type2 = this.tryType();
          if (!type2 || this.t.kind !== "ident") {
            this.i = save;
            return null;
          }
          const n = this.peek();
          if (!(n.kind === "punct" && ["=", ";", ","].includes(n.text))) {
            if (n.kind === "punct" && n.text === "(") {
              this.i = save;
              throw this.err("Local functions are not supported in policy expressions.", pos);
            }
            this.i = save;
            return null;
          }
        }
        const decls = [];
        for (; ; ) {
          const id = this.identName();
          let init = null;
          if (this.eat("=")) {
            if (this.isP("{")) {
              const ipos = this.t.start;
              const items = this.arrayInit();
              init = { k: "newArray", pos: ipos, end: this.prevEnd, elem: null, sizes: [], init: items };
              init.fromDecl = true;
            } else init = this.expression();
          }
          decls.push({ name: id.name, pos: id.pos, init });
          if (!this.eat(",")) break;
        }
        return { k: "local", pos, type: type2, decls, isConst };
      }
      switchStmt() {
        const pos = this.t.start;
        this.expect("switch");
        this.expect("(");
        const expr = this.expression();
        this.expect(")");
        this.expect("{");
        const sections = [];
        while (!this.isP("}")) {
          const spos = this.t.start;
          const labels = [];
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
          const body = [];
          while (!this.isK("case") && !this.isK("default") && !this.isP("}")) {
            if (this.t.kind === "eof") throw this.err("'}' expected.");
            body.push(this.statement());
          }
          sections.push({ pos: spos, labels, body });
        }
        this.expect("}");
        return { k: "switch", pos, expr, sections };
      }
      tryStmt() {
        const pos = this.t.start;
        this.expect("try");
        const body = this.block();
        const catches = [];
        while (this.isK("catch")) {
          const cpos = this.t.start;
          this.i++;
          let type2 = null;
          let name = null;
          if (this.eat("(")) {
            type2 = this.type();
            if (this.t.kind === "ident") name = this.identName().name;
            this.expect(")");
          }
          let filter = null;
          if (this.is("when")) {
            this.i++;
            this.expect("(");
            filter = this.expression();
            this.expect(")");
          }
          catches.push({ pos: cpos, type: type2, name, filter, body: this.block() });
        }
        const fin = this.eat("finally") ? this.block() : null;
        if (!catches.length && !fin) throw this.err("'catch' or 'finally' expected.");
        return { k: "try", pos, body, catches, fin };
      }
    };
  }
});

// compiler/csharp/ast.ts
function typeNodeText(t) {
  switch (t.k) {
    case "tname":
      return t.parts.map((p3) => p3.args.length ? `${p3.name}<${p3.args.map(typeNodeText).join(", ")}>` : p3.name).join(".");
    case "tarray":
      return `${typeNodeText(t.elem)}[]`;
    case "tnullable":
      return `${typeNodeText(t.inner)}?`;
  }
}
var init_ast = __esm({
  "compiler/csharp/ast.ts"() {
  }
});

// compiler/csharp/types.ts
function registerType(def) {
  const list = byName.get(def.name) ?? [];
  list.push(def);
  byName.set(def.name, list);
  byFull.set(`${def.ns}.${def.name}`, def);
  if (def.extensions) extensionClasses.push(def);
  for (const ms of def.members.values()) for (const m2 of ms) m2.owner = def;
  if (def.extensions) for (const ms of def.extensions.values()) for (const m2 of ms) m2.owner = def;
  return def;
}
function lookupType(name, arity) {
  const list = byName.get(name);
  if (!list) return void 0;
  return list.find((d) => d.typeParams.length === arity) ?? void 0;
}
function lookupTypeAnyArity(name) {
  return byName.get(name) ?? [];
}
function lookupFull(full) {
  return byFull.get(full);
}
function allTypeNames() {
  return [...byName.keys()];
}
function namespaces() {
  const s2 = /* @__PURE__ */ new Set();
  for (const d of byFull.values()) {
    const parts = d.ns.split(".");
    for (let i = 1; i <= parts.length; i++) s2.add(parts.slice(0, i).join("."));
  }
  return s2;
}
function named(name, ...args) {
  const def = lookupType(name, args.length);
  if (!def) throw new InternalCompilerError(`surface type '${name}' is not registered`);
  return { k: "named", def, args };
}
function arrayOf(elem) {
  return { k: "array", elem };
}
function nullableOf(t) {
  if (isNullable(t)) return t;
  return named("Nullable", t);
}
function isNullable(t) {
  return t.k === "named" && t.def.name === "Nullable";
}
function underlyingNullable(t) {
  return isNullable(t) ? t.args[0] : t;
}
function isNamed(t, name) {
  return t.k === "named" && t.def.name === name;
}
function isValueType(t) {
  return t.k === "named" && t.def.valueType;
}
function isReferenceType(t) {
  return t.k === "array" || t.k === "named" && !t.def.valueType || t.k === "null";
}
function isNumeric(t) {
  return t.k === "named" && NUMERIC.includes(t.def.name) && t.def.ns === "System";
}
function isIntegral(t) {
  return t.k === "named" && INTEGRAL2.includes(t.def.name) && t.def.ns === "System";
}
function primName(t) {
  return t.k === "named" && t.def.ns === "System" && t.args.length === 0 ? t.def.name : null;
}
function sameType(a, b2) {
  if (a.k !== b2.k) return false;
  switch (a.k) {
    case "named": {
      const bb = b2;
      return a.def === bb.def && a.args.length === bb.args.length && a.args.every((x, i) => sameType(x, bb.args[i]));
    }
    case "array":
      return sameType(a.elem, b2.elem);
    case "tp":
      return a.name === b2.name;
    default:
      return true;
  }
}
function typeName(t) {
  switch (t.k) {
    case "named":
      if (t.def.name === "Nullable") return `${typeName(t.args[0])}?`;
      return t.args.length ? `${t.def.name}<${t.args.map(typeName).join(", ")}>` : t.def.name;
    case "array":
      return `${typeName(t.elem)}[]`;
    case "tp":
      return t.name;
    case "null":
      return "<null>";
    case "void":
      return "void";
    case "error":
      return "?";
    case "lambda":
      return "lambda expression";
  }
}
function substitute(t, map) {
  switch (t.k) {
    case "tp":
      return map.get(t.name) ?? t;
    case "named":
      return t.args.length ? { k: "named", def: t.def, args: t.args.map((a) => substitute(a, map)) } : t;
    case "array":
      return { k: "array", elem: substitute(t.elem, map) };
    default:
      return t;
  }
}
function hasTypeParams(t) {
  switch (t.k) {
    case "tp":
      return true;
    case "named":
      return t.args.some(hasTypeParams);
    case "array":
      return hasTypeParams(t.elem);
    default:
      return false;
  }
}
function parseSignature(m2, ownerTypeParams) {
  const tps = new Set(ownerTypeParams);
  const text = m2.sig;
  const mt = /^[^(]*?\b\w+\s*<([\w\s,]+)>\s*\(/.exec(text);
  const methodTps = [];
  if (mt && m2.kind === "method") {
    for (const s2 of mt[1].split(",")) {
      methodTps.push(s2.trim());
      tps.add(s2.trim());
    }
  }
  const p3 = new SigParser(text, tps);
  let ret = VOID;
  if (m2.kind !== "ctor") {
    ret = p3.type();
    if (m2.kind === "indexer") p3.expect("this");
    else p3.name();
    if (methodTps.length) {
      p3.expect("<");
      while (!p3.eat(">")) p3.i++;
    }
  }
  const params = [];
  const open = m2.kind === "indexer" ? "[" : "(";
  const close = m2.kind === "indexer" ? "]" : ")";
  if (m2.kind === "prop" || m2.kind === "field") return { ret, typeParams: [], params };
  p3.expect(open);
  if (!p3.eat(close)) {
    for (; ; ) {
      let mod = "";
      if (p3.t.text === "params" || p3.t.text === "out" || p3.t.text === "ref" || p3.t.text === "this") {
        mod = p3.t.text;
        p3.i++;
      }
      const type2 = p3.type();
      const name = p3.name();
      const param = { name, type: type2, mod };
      if (p3.eat("=")) {
        const t = p3.t;
        p3.i++;
        let v;
        if (t.kind === "string") v = t.text;
        else if (t.kind === "int") v = Number(t.num);
        else if (t.kind === "real") v = t.num;
        else if (t.text === "true" || t.text === "false") v = t.text === "true";
        else if (t.text === "-") {
          v = -Number(p3.t.num);
          p3.i++;
        } else v = null;
        param.def = literalCode(v);
      }
      params.push(param);
      if (p3.eat(",")) continue;
      p3.expect(close);
      break;
    }
  }
  return { ret, typeParams: methodTps, params };
}
function setLiteralCode(f) {
  literalCode = f;
}
function signatureOf(m2) {
  if (!m2.parsed) m2.parsed = parseSignature(m2, m2.owner?.typeParams ?? []);
  return m2.parsed;
}
function resolveBase(def) {
  if (def.parsedBase === void 0) {
    const tps = new Set(def.typeParams);
    def.parsedBase = def.base ? new SigParser(def.base, tps).type() : null;
    def.parsedInterfaces = def.interfaces.map((s2) => new SigParser(s2, tps).type());
  }
  return { base: def.parsedBase, interfaces: def.parsedInterfaces };
}
function supertypes(t) {
  if (t.k === "array") {
    const e = t.elem;
    return [named("Array"), named("IEnumerable", e), named("IList", e), named("ICollection", e), named("IReadOnlyList", e), named("IReadOnlyCollection", e)];
  }
  if (t.k !== "named") return [];
  const { base, interfaces } = resolveBase(t.def);
  const map = /* @__PURE__ */ new Map();
  t.def.typeParams.forEach((tp, i) => map.set(tp, t.args[i] ?? ERROR));
  const out = [];
  if (base) out.push(substitute(base, map));
  for (const i of interfaces) out.push(substitute(i, map));
  if (!base && t.def.name !== "object") out.push(named("object"));
  return out;
}
function findInstance(t, def) {
  const seen = [];
  const queue = [t];
  while (queue.length) {
    const x = queue.shift();
    if (x.k === "named" && x.def === def) return x;
    if (seen.some((s2) => sameType(s2, x))) continue;
    seen.push(x);
    queue.push(...supertypes(x));
  }
  return null;
}
function derivesFrom(t, target) {
  if (target.k === "named") {
    const inst = findInstance(t, target.def);
    if (!inst || inst.k !== "named") return false;
    if (sameType(inst, target)) return true;
    if (["IEnumerable", "IReadOnlyList", "IReadOnlyCollection", "IEnumerator"].includes(target.def.name))
      return inst.args.every((a, i) => {
        const b2 = target.args[i];
        return sameType(a, b2) || isReferenceType(a) && derivesFrom(a, b2);
      });
    return false;
  }
  if (target.k === "array" && t.k === "array") return sameType(t.elem, target.elem) || isReferenceType(t.elem) && derivesFrom(t.elem, target.elem);
  return false;
}
function elementType(t) {
  if (t.k === "array") return t.elem;
  if (t.k !== "named") return null;
  if (t.def.name === "string") return named("char");
  const e = lookupType("IEnumerable", 1);
  const inst = e ? findInstance(t, e) : null;
  return inst && inst.k === "named" ? inst.args[0] : null;
}
var byName, byFull, extensionClasses, PRIMITIVE_ALIASES, ERROR, VOID, NULL, NUMERIC, INTEGRAL2, SigParser, literalCode;
var init_types = __esm({
  "compiler/csharp/types.ts"() {
    init_lexer();
    init_diagnostics();
    byName = /* @__PURE__ */ new Map();
    byFull = /* @__PURE__ */ new Map();
    extensionClasses = [];
    PRIMITIVE_ALIASES = {
      String: "string",
      Int32: "int",
      Int64: "long",
      Int16: "short",
      Byte: "byte",
      SByte: "sbyte",
      UInt16: "ushort",
      UInt32: "uint",
      UInt64: "ulong",
      Double: "double",
      Single: "float",
      Decimal: "decimal",
      Boolean: "bool",
      Char: "char",
      Object: "object"
    };
    ERROR = { k: "error" };
    VOID = { k: "void" };
    NULL = { k: "null" };
    NUMERIC = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char", "float", "double", "decimal"];
    INTEGRAL2 = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char"];
    SigParser = class {
      constructor(text, typeParams) {
        this.text = text;
        this.typeParams = typeParams;
        this.toks = new Lexer(text).tokenize();
      }
      toks;
      i = 0;
      get t() {
        return this.toks[this.i];
      }
      eat(s2) {
        if (this.t.text === s2 && this.t.kind !== "string") {
          this.i++;
          return true;
        }
        return false;
      }
      expect(s2) {
        if (!this.eat(s2)) throw new InternalCompilerError(`bad surface signature '${this.text}': expected '${s2}' at token ${this.i}`);
      }
      name() {
        const t = this.t;
        if (t.kind !== "ident" && t.kind !== "keyword") throw new InternalCompilerError(`bad surface signature '${this.text}'`);
        this.i++;
        return t.text;
      }
      type() {
        let name = this.name();
        while (this.t.text === "." && this.toks[this.i + 1]?.kind === "ident") {
          this.i++;
          name = this.name();
        }
        const args = [];
        if (this.t.text === "<") {
          this.i++;
          for (; ; ) {
            args.push(this.type());
            if (this.eat(",")) continue;
            this.expect(">");
            break;
          }
        }
        let t;
        if (this.typeParams.has(name) && args.length === 0) t = { k: "tp", name };
        else if (name === "void") t = VOID;
        else {
          const def = lookupType(PRIMITIVE_ALIASES[name] ?? name, args.length);
          if (!def) throw new InternalCompilerError(`surface signature '${this.text}' uses unknown type '${name}'`);
          t = { k: "named", def, args };
        }
        for (; ; ) {
          if (this.t.text === "?" && this.t.kind === "punct") {
            this.i++;
            t = { k: "named", def: lookupType("Nullable", 1), args: [t] };
          } else if (this.t.text === "[" && this.toks[this.i + 1]?.text === "]") {
            this.i += 2;
            t = { k: "array", elem: t };
          } else break;
        }
        return t;
      }
    };
  }
});

// compiler/csharp/surface/dsl.ts
function memberName(sig) {
  const m2 = /(\w+)\s*(?:<[\w\s,]+>)?\s*(?:\(|$)/.exec(sig.trim());
  if (!m2) throw new Error(`bad member signature ${sig}`);
  return m2[1];
}
function type(ns, name, opts, members) {
  const def = {
    name,
    ns,
    typeParams: opts.typeParams ?? [],
    valueType: opts.valueType ?? false,
    isStatic: opts.isStatic,
    isInterface: opts.isInterface,
    base: opts.base,
    interfaces: opts.interfaces ?? [],
    members: /* @__PURE__ */ new Map(),
    test: opts.test
  };
  for (const m2 of members) {
    const isExt = m2.kind === "method" && m2.isStatic && /\(\s*this\s/.test(m2.sig);
    const table = isExt ? def.extensions ??= /* @__PURE__ */ new Map() : def.members;
    const key = m2.kind === "ctor" ? ".ctor" : m2.name;
    const list = table.get(key) ?? [];
    list.push(m2);
    table.set(key, list);
  }
  return registerType(def);
}
var P, SP, M, SM, I, C, K;
var init_dsl = __esm({
  "compiler/csharp/surface/dsl.ts"() {
    init_types();
    P = (sig, lower, set) => ({ kind: "prop", name: memberName(sig), isStatic: false, sig, lower, set });
    SP = (sig, lower) => ({ kind: "prop", name: memberName(sig), isStatic: true, sig, lower });
    M = (sig, lower) => ({ kind: "method", name: memberName(sig), isStatic: false, sig, lower });
    SM = (sig, lower) => ({ kind: "method", name: memberName(sig), isStatic: true, sig, lower });
    I = (sig, lower, set) => ({ kind: "indexer", name: "this[]", isStatic: false, sig, lower, set });
    C = (sig, lower) => ({ kind: "ctor", name: ".ctor", isStatic: false, sig, lower });
    K = (sig, value, lower) => ({
      kind: "field",
      name: memberName(sig),
      isStatic: true,
      sig,
      lower,
      constant: value
    });
  }
});

// compiler/csharp/lower.ts
function literalExpr(e) {
  switch (e.type) {
    case "null":
      return { type: NULL, code: js`null`, pos: e.pos, cv: { v: null }, pure: true };
    case "bool":
      return { type: named("bool"), code: literal(e.value), pos: e.pos, cv: { v: e.value }, pure: true };
    case "string":
      return { type: named("string"), code: literal(e.value), pos: e.pos, cv: { v: e.value }, pure: true };
    case "char":
      return { type: named("char"), code: literal(e.value), pos: e.pos, cv: { v: e.value }, pure: true };
    case "int":
    case "uint":
    case "long":
    case "ulong": {
      const n = Number(e.value);
      return { type: named(e.type), code: literal(n), pos: e.pos, cv: { v: n }, pure: true };
    }
    default:
      return { type: named(e.type), code: literal(e.value), pos: e.pos, cv: { v: e.value }, pure: true };
  }
}
function defaultValue(t) {
  if (isNullable(t)) return js`null`;
  const p3 = primName(t);
  if (p3 === "bool") return js`false`;
  if (p3 && (isNumeric(t) || t.k === "named" && t.def.valueType && !t.def.members.size)) return js`0`;
  if (t.k === "named" && t.def.valueType) {
    if (t.def.name === "DateTime") return js`${rt("DateTime")}.MinValue`;
    if (t.def.name === "TimeSpan") return js`${rt("TimeSpan")}.Zero`;
    if (t.def.name === "Guid") return js`"00000000-0000-0000-0000-000000000000"`;
    if (t.def.name === "KeyValuePair") return js`{ Key: null, Value: null }`;
    return js`0`;
  }
  return js`null`;
}
function defaultConst(t) {
  if (isNullable(t) || isReferenceType(t)) return { v: null };
  if (isNamed(t, "bool")) return { v: false };
  if (isNumeric(t)) return { v: 0 };
  return void 0;
}
function tempDecl(temps) {
  return temps.length ? js`let ${joinCodes(temps)}; ` : js``;
}
function isObject(t) {
  return isNamed(t, "object");
}
function isJToken(t) {
  return t.k === "named" && ["JToken", "JValue", "JContainer", "JObject", "JArray", "JProperty"].includes(t.def.name) && t.def.ns.startsWith("Newtonsoft");
}
function implicitCost(b2, e, to) {
  const from = e.type;
  if (to.k === "error" || from.k === "error") return 0;
  if (sameType(from, to)) return 0;
  if (from.k === "null") return isReferenceType(to) || isNullable(to) ? 1 : -1;
  if (from.k === "lambda") return -1;
  const fp = primName(from);
  const tp = primName(to);
  if (fp === "int" && e.cv !== void 0 && typeof e.cv.v === "number" && tp && INT_RANGE[tp] && tp !== "char") {
    const [lo, hi] = INT_RANGE[tp];
    if (e.cv.v >= lo && e.cv.v <= hi) return 1;
  }
  if (fp && tp && IMPLICIT_NUM[fp]?.includes(tp)) return 1 + IMPLICIT_NUM[fp].indexOf(tp) / 100;
  if (isNullable(to)) {
    const inner = underlyingNullable(to);
    if (isNullable(from)) return sameType(underlyingNullable(from), inner) ? 0 : implicitCost(b2, { ...e, type: underlyingNullable(from) }, inner) >= 0 ? 2 : -1;
    const c2 = implicitCost(b2, e, inner);
    return c2 >= 0 ? c2 + 1 : -1;
  }
  if (isObject(to)) return 3;
  if (derivesFrom(from, to)) return 2;
  if (isJToken(to) && (to.k === "named" && (to.def.name === "JToken" || to.def.name === "JValue"))) {
    const base = underlyingNullable(from);
    if (base.k === "named" && JTOKEN_FROM.includes(base.def.name)) return 4;
    if (isNamed(base, "byte") || base.k === "array" && isNamed(base.elem, "byte")) return 4;
  }
  if (isNamed(from, "DateTime") && isNamed(underlyingNullable(to), "DateTimeOffset")) return 4;
  if (to.k === "named" && to.def.valueType && to.def.members.size && !isNumeric(to) && fp === "int" && e.cv?.v === 0 && isEnum(to)) return 1;
  return -1;
}
function isEnum(t) {
  if (t.k !== "named" || !t.def.valueType || isNumeric(t) || t.def.ns === "System" && ["bool", "DateTime", "TimeSpan", "Guid", "Nullable"].includes(t.def.name)) return false;
  for (const ms of t.def.members.values()) for (const m2 of ms) if (m2.kind !== "field") return false;
  return t.def.members.size > 0;
}
function box(e) {
  if (isNamed(e.type, "char")) return js`String.fromCharCode(${e.code})`;
  if (isNullable(e.type) && isNamed(underlyingNullable(e.type), "char")) return js`${rt("boxChar")}(${e.code})`;
  return e.code;
}
function convertImplicit(b2, e, to) {
  const c2 = implicitCost(b2, e, to);
  if (c2 < 0) return null;
  const from = e.type;
  if (c2 === 0 || from.k === "null") return { ...e, type: to, local: void 0, assign: void 0 };
  let code = e.code;
  if (isObject(to) || to.k === "named" && to.def.isInterface && !isReferenceType(from)) code = box(e);
  else if (isNamed(from, "DateTime") && isNamed(underlyingNullable(to), "DateTimeOffset")) code = js`${rt("DateTimeOffset")}.fromDateTime(${e.code})`;
  else if (isJToken(to) && !isJToken(from) && !derivesFrom(from, to)) code = js`${rt("toJValue")}(${box(e)}, ${castKey(underlyingNullable(from))})`;
  const cv = e.cv && isNumeric(to) ? e.cv : e.cv && isObject(to) ? void 0 : e.cv;
  return { type: to, code, pos: e.pos, cv, pure: e.pure };
}
function explicitExists(b2, from, to) {
  if (isNumeric(underlyingNullable(from)) && isNumeric(underlyingNullable(to))) return true;
  if (isObject(from) || derivesFrom(to, from)) return true;
  if (isJToken(from) && (primName(underlyingNullable(to)) !== null || ["DateTime", "Guid", "TimeSpan", "Uri"].includes(underlyingNullable(to).def?.name ?? "") || to.k === "array" && isNamed(to.elem, "byte")))
    return true;
  if (isEnum(to) && isIntegral(from)) return true;
  if (isEnum(from) && isIntegral(to)) return true;
  if (to.k === "named" && to.def.isInterface && isReferenceType(from)) return true;
  if (from.k === "named" && from.def.isInterface && isReferenceType(to)) return true;
  return false;
}
function castKey(t) {
  return literal(typeName(t));
}
function numericExplicit(e, to) {
  const from = primName(e.type);
  const fromFloat = from === "double" || from === "float" || from === "decimal";
  if (fromFloat && INT_RANGE[to]) {
    if (from === "decimal") return js`${rt("decimalToInt")}(${e.code}, ${to})`;
    if (to === "long" || to === "ulong") return js`Math.trunc(${e.code})`;
    return WRAP[to](js`${rt("dblToInt")}(${e.code})`);
  }
  if (to === "float") return js`Math.fround(${e.code})`;
  if (INT_RANGE[to] && INT_RANGE[from]) {
    const [lo, hi] = INT_RANGE[to];
    const [flo, fhi] = INT_RANGE[from];
    if (flo >= lo && fhi <= hi) return e.code;
    if (to === "long" || to === "ulong") return e.code;
    return WRAP[to](e.code);
  }
  return e.code;
}
function cast(b2, e, to, pos, typePos) {
  const from = e.type;
  if (e.lambda) return b2.convert(e, to, pos);
  const imp = convertImplicit(b2, e, to);
  if (imp) return { ...imp, pos };
  const fu = underlyingNullable(from);
  const tu = underlyingNullable(to);
  if (isNumeric(fu) && isNumeric(tu)) {
    const fp = primName(fu);
    const tpn = primName(tu);
    if (e.cv !== void 0 && typeof e.cv.v === "number") {
      const v = foldNumericCast(e.cv.v, fp, tpn);
      if (v !== null) return { type: to, code: literal(v), pos, cv: { v } };
    }
    if (isNullable(from)) {
      const t = b2.temp();
      const inner = numericExplicit({ ...e, code: t, type: fu }, tpn);
      const code = js`((${t} = ${e.code}) == null ? ${isNullable(to) ? js`null` : js`${rt("nullableValue")}(null)`} : ${inner})`;
      return { type: to, code, pos };
    }
    return { type: to, code: numericExplicit({ ...e, type: fu }, tpn), pos };
  }
  if (isEnum(to) && isIntegral(fu) || isEnum(from) && isIntegral(tu)) return { type: to, code: e.code, pos, cv: e.cv };
  if (isJToken(from) && explicitExists(b2, from, to)) return { type: to, code: js`${rt("jconv")}(${e.code}, ${castKey(to)})`, pos };
  if (isObject(from) || derivesFrom(to, from) || from.k === "named" && from.def.isInterface || to.k === "named" && to.def.isInterface && isReferenceType(from)) {
    return { type: to, code: js`${rt("castTo")}(${e.code}, ${castKey(to)})`, pos };
  }
  b2.err(Codes.CSharpInvalidCast, typePos, `Cannot convert type '${typeName(from)}' to '${typeName(to)}'.`);
}
function foldNumericCast(v, from, to) {
  if (!INT_RANGE[to]) return to === "float" ? Math.fround(v) : v;
  let x = Math.trunc(v);
  if (!Number.isFinite(x)) return null;
  if (to === "long" || to === "ulong") return x;
  const [lo, hi] = INT_RANGE[to];
  if (x >= lo && x <= hi) return x;
  if (from === "double" || from === "float" || from === "decimal") return null;
  const span = hi - lo + 1;
  x = ((x - lo) % span + span) % span + lo;
  return x;
}
function typeTest(t, v) {
  if (t.k === "array") {
    if (isNamed(t.elem, "byte")) return js`(${v} instanceof Uint8Array)`;
    return js`Array.isArray(${v})`;
  }
  if (isNullable(t)) return typeTest(underlyingNullable(t), v);
  if (t.k === "named") {
    if (t.def.test) return t.def.test(v);
    return js`${rt("isOfType")}(${v}, ${castKey(t)})`;
  }
  return js`(${v} != null)`;
}
function isExpr(b2, e) {
  const x = b2.expr(e.expr);
  const bool = named("bool");
  if (e.constant) {
    const c2 = b2.expr(e.constant);
    if (c2.type.k === "null") return { type: bool, code: js`(${x.code} == null)`, pos: e.pos };
    const t2 = b2.temp();
    return { type: bool, code: js`((${t2} = ${x.code}) === ${box(c2)})`, pos: e.pos };
  }
  const to = b2.resolveType(e.type);
  if (isNullable(to) && e.designation) b2.err(Codes.CSharpTypeMismatch, e.pos, "It is not legal to use nullable type in a pattern; use the underlying type.");
  const t = b2.temp();
  const test = typeTest(to, t);
  if (!e.designation) {
    if (sameType(x.type, to) || isReferenceType(x.type) && derivesFrom(x.type, to)) return { type: bool, code: js`(${x.code} != null)`, pos: e.pos };
    return { type: bool, code: js`((${t} = ${x.code}) != null && ${test})`, pos: e.pos };
  }
  const local = b2.declareLocal(e.designation, to, e.desPos ?? e.pos);
  b2.frameTemps.push(local.code);
  return { type: bool, code: js`((${t} = ${x.code}) != null && ${test} && ((${local.code} = ${unboxFromObject(to, t)}), true))`, pos: e.pos };
}
function unboxFromObject(to, v) {
  if (isNamed(to, "char")) return js`${v}.charCodeAt(0)`;
  return v;
}
function asExpr(b2, x, to, pos) {
  if (isValueType(to) && !isNullable(to)) b2.err(Codes.CSharpTypeMismatch, pos, `The as operator must be used with a reference type or nullable type ('${typeName(to)}' is a non-nullable value type).`);
  const imp = convertImplicit(b2, x, to);
  if (imp) return { ...imp, pos };
  const t = b2.temp();
  return { type: to, code: js`((${t} = ${x.code}) != null && ${typeTest(to, t)} ? ${t} : null)`, pos };
}
function stringOf(b2, e) {
  const t = e.type;
  const p3 = primName(t);
  if (e.cv !== void 0) {
    const s2 = constToString(e.cv.v, t);
    if (s2 !== null) return literal(s2);
  }
  if (p3 === "string") return e.pure ? js`(${e.code} ?? "")` : js`(${e.code} ?? "")`;
  if (p3 === "char") return js`String.fromCharCode(${e.code})`;
  if (p3 === "int" || p3 === "short" || p3 === "byte" || p3 === "sbyte" || p3 === "ushort" || p3 === "uint") return js`${e.code}`;
  if (p3 === "bool") return js`(${e.code} ? "True" : "False")`;
  if (t.k === "null") return js`""`;
  if (p3 && isNumeric(t)) return js`${rt("numToString")}(${e.code}, ${p3})`;
  return js`${rt("toStr")}(${box(e)})`;
}
function constToString(v, t) {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  const p3 = primName(t);
  if (p3 === "char") return String.fromCharCode(v);
  if (p3 && INT_RANGE[p3] && Math.abs(v) < 2 ** 53) return String(v);
  return null;
}
function formatted(b2, e, format) {
  return js`${rt("fmtValue")}(${box(e)}, ${format})`;
}
function promote(a, b2) {
  const norm = (x2) => ["sbyte", "byte", "short", "ushort", "char"].includes(x2) ? "int" : x2;
  const x = norm(a);
  const y = norm(b2);
  if (x === "decimal" || y === "decimal") return x === "double" || x === "float" || y === "double" || y === "float" ? null : "decimal";
  if (x === "double" || y === "double") return "double";
  if (x === "float" || y === "float") return "float";
  if (x === "ulong" || y === "ulong") return x === "long" || y === "long" || x === "int" || y === "int" ? isU(x) && isU(y) ? "ulong" : null : "ulong";
  if (x === "long" || y === "long") return "long";
  if (x === "uint" || y === "uint") return x === "int" || y === "int" ? "long" : "uint";
  void NUM_ORDER;
  return "int";
}
function isU(x) {
  return x === "uint" || x === "ulong";
}
function opErr(b2, op, l, r, pos) {
  b2.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operands of type '${typeName(l)}' and '${typeName(r)}'.`);
}
function binary(b2, e) {
  const op = e.op;
  if (op === "??") return coalesce(b2, e);
  if (op === "&&" || op === "||") {
    const l2 = b2.convert(b2.expr(e.left), named("bool"), e.left.pos);
    const r2 = b2.convert(b2.expr(e.right), named("bool"), e.right.pos);
    const cv = l2.cv && r2.cv ? { v: op === "&&" ? Boolean(l2.cv.v) && Boolean(r2.cv.v) : Boolean(l2.cv.v) || Boolean(r2.cv.v) } : void 0;
    return { type: named("bool"), code: cv ? literal(cv.v) : js`(${l2.code} ${raw(op)} ${r2.code})`, pos: e.pos, cv };
  }
  const l = b2.expr(e.left);
  const r = b2.expr(e.right);
  return binaryValues(b2, op, l, r, e.opPos, e.pos);
}
function raw(op) {
  const ok = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "===", "!==", "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "==", "!="];
  if (!ok.includes(op)) throw new Error(`bad operator ${op}`);
  return OPS[op];
}
function opCode(o) {
  const strings = Object.assign([` ${o} `], { raw: [` ${o} `] });
  return js(strings);
}
function foldNum(op, a, c2, t) {
  switch (op) {
    case "+":
      return wrapConst(a + c2, t);
    case "-":
      return wrapConst(a - c2, t);
    case "*":
      return t === "int" ? Math.imul(a, c2) : wrapConst(a * c2, t);
    case "/":
      if (INT_RANGE[t]) return c2 === 0 ? null : wrapConst(Math.trunc(a / c2), t);
      return a / c2;
    case "%":
      if (INT_RANGE[t]) return c2 === 0 ? null : a % c2;
      return a % c2;
    case "<":
      return a < c2;
    case ">":
      return a > c2;
    case "<=":
      return a <= c2;
    case ">=":
      return a >= c2;
    case "==":
      return a === c2;
    case "!=":
      return a !== c2;
  }
  return null;
}
function wrapConst(v, t) {
  if (t === "int") return v | 0;
  if (t === "uint") return v >>> 0;
  if ((t === "long" || t === "ulong") && Math.abs(v) > 2 ** 53) return null;
  return v;
}
function binaryValues(b2, op, l, r, opPos, pos) {
  const lt = l.type;
  const rt0 = r.type;
  const bool = named("bool");
  const str = named("string");
  if (op === "+" && (isNamed(lt, "string") || isNamed(rt0, "string"))) {
    if (l.cv !== void 0 && r.cv !== void 0) {
      const a2 = constToString(l.cv.v, lt);
      const c3 = constToString(r.cv.v, rt0);
      if (a2 !== null && c3 !== null) return { type: str, code: literal(a2 + c3), pos, cv: { v: a2 + c3 } };
    }
    return { type: str, code: js`(${stringOf(b2, l)} + ${stringOf(b2, r)})`, pos };
  }
  if (op === "==" || op === "!=") return equality(b2, op, l, r, opPos, pos);
  const lu = underlyingNullable(lt);
  const ru = underlyingNullable(rt0);
  const lifted = isNullable(lt) || isNullable(rt0) || lt.k === "null" || rt0.k === "null";
  if ((op === "&" || op === "|" || op === "^") && isNamed(lu, "bool") && isNamed(ru, "bool")) {
    if (lifted) return { type: nullableOf(bool), code: js`${rt("liftBool")}(${op}, ${l.code}, ${r.code})`, pos };
    const code2 = op === "^" ? js`(${l.code} !== ${r.code})` : op === "&" ? js`(${l.code} ? ${r.code} : (${r.code}, false))` : js`(${l.code} ? (${r.code}, true) : ${r.code})`;
    return { type: bool, code: code2, pos };
  }
  const special = temporal(b2, op, l, r, pos);
  if (special) return special;
  if (isEnum(lu) && (sameType(lu, ru) || r.cv?.v === 0)) {
    if (["&", "|", "^"].includes(op)) return { type: lt, code: js`(${l.code} ${raw(op)} ${r.code})`, pos };
    if (["<", ">", "<=", ">="].includes(op)) return { type: bool, code: js`(${l.code} ${raw(op)} ${r.code})`, pos };
  }
  if (!isNumeric(lu) || !isNumeric(ru)) opErr(b2, op, lt, rt0, opPos);
  const shift = op === "<<" || op === ">>";
  const t = shift ? promote(primName(lu), "int") : promote(primName(lu), primName(ru));
  if (!t) opErr(b2, op, lt, rt0, opPos);
  const T = named(t);
  const isCmp = ["<", ">", "<=", ">="].includes(op);
  if (l.cv !== void 0 && r.cv !== void 0 && typeof l.cv.v === "number" && typeof r.cv.v === "number" && !shift) {
    const v = foldNum(op, l.cv.v, r.cv.v, t);
    if (v !== null) return { type: isCmp ? bool : T, code: literal(v), pos, cv: { v } };
    if ((op === "/" || op === "%") && INT_RANGE[t] && r.cv.v === 0) b2.err(Codes.CSharpTypeMismatch, opPos, "Division by constant zero.");
  }
  if (lifted) {
    const code2 = js`${rt("liftNum")}(${op}, ${t}, ${l.code}, ${r.code})`;
    return { type: isCmp ? bool : nullableOf(T), code: code2, pos };
  }
  const a = l.code;
  const c2 = r.code;
  if (isCmp) return { type: bool, code: js`(${a} ${raw(op)} ${c2})`, pos };
  let code;
  switch (op) {
    case "+":
    case "-":
      code = t === "int" ? js`((${a} ${raw(op)} ${c2}) | 0)` : t === "uint" ? js`((${a} ${raw(op)} ${c2}) >>> 0)` : t === "float" ? js`Math.fround(${a} ${raw(op)} ${c2})` : js`(${a} ${raw(op)} ${c2})`;
      break;
    case "*":
      code = t === "int" ? js`Math.imul(${a}, ${c2})` : t === "uint" ? js`(Math.imul(${a}, ${c2}) >>> 0)` : t === "float" ? js`Math.fround(${a} * ${c2})` : js`(${a} * ${c2})`;
      break;
    case "/":
      code = INT_RANGE[t] ? js`${rt("idiv")}(${a}, ${c2})` : t === "decimal" ? js`${rt("ddiv")}(${a}, ${c2})` : t === "float" ? js`Math.fround(${a} / ${c2})` : js`(${a} / ${c2})`;
      break;
    case "%":
      code = INT_RANGE[t] ? js`${rt("imod")}(${a}, ${c2})` : js`(${a} % ${c2})`;
      break;
    case "&":
    case "|":
    case "^":
      if (!INT_RANGE[t]) opErr(b2, op, lt, rt0, opPos);
      code = t === "uint" ? js`((${a} ${raw(op)} ${c2}) >>> 0)` : t === "long" || t === "ulong" ? js`${rt("lbit")}(${op}, ${a}, ${c2})` : js`(${a} ${raw(op)} ${c2})`;
      break;
    case "<<":
      code = t === "int" ? js`(${a} << ${c2})` : js`${rt("lshift")}(${a}, ${c2}, ${t})`;
      break;
    case ">>":
      code = t === "int" ? js`(${a} >> ${c2})` : t === "uint" ? js`(${a} >>> ${c2})` : js`${rt("rshift")}(${a}, ${c2}, ${t})`;
      break;
    default:
      opErr(b2, op, lt, rt0, opPos);
  }
  return { type: T, code, pos };
}
function temporal(b2, op, l, r, pos) {
  const ln = l.type.k === "named" ? l.type.def.name : "";
  const rn = r.type.k === "named" ? r.type.def.name : "";
  const T = (n) => named(n);
  if (!["DateTime", "TimeSpan", "DateTimeOffset"].includes(ln) || !["DateTime", "TimeSpan", "DateTimeOffset"].includes(rn)) return null;
  if (["<", ">", "<=", ">="].includes(op) && ln === rn) return { type: T("bool"), code: js`(${rt("cmp")}(${l.code}, ${r.code}) ${raw(op)} 0)`, pos };
  if (op === "-" && ln === rn && ln !== "TimeSpan") return { type: T("TimeSpan"), code: js`${l.code}.Subtract(${r.code})`, pos };
  if ((op === "+" || op === "-") && rn === "TimeSpan") return { type: l.type, code: op === "+" ? js`${l.code}.Add(${r.code})` : js`${l.code}.Subtract(${r.code})`, pos };
  return null;
}
function equality(b2, op, l, r, opPos, pos) {
  const bool = named("bool");
  const neg = op === "!=";
  const lt = l.type;
  const rt0 = r.type;
  if (l.cv !== void 0 && r.cv !== void 0 && (typeof l.cv.v !== "number" || typeof r.cv.v !== "number" || true)) {
    const eq2 = l.cv.v === r.cv.v;
    if (sameType(lt, rt0) || isNumeric(lt) && isNumeric(rt0) || lt.k === "null" || rt0.k === "null") return { type: bool, code: literal(neg ? !eq2 : eq2), pos, cv: { v: neg ? !eq2 : eq2 } };
  }
  if (lt.k === "null" || rt0.k === "null") {
    const other = lt.k === "null" ? r : l;
    if (isValueType(other.type) && !isNullable(other.type)) {
      return { type: bool, code: js`(${other.code}, ${neg})`, pos };
    }
    return { type: bool, code: neg ? js`(${other.code} != null)` : js`(${other.code} == null)`, pos };
  }
  const lu = underlyingNullable(lt);
  const ru = underlyingNullable(rt0);
  const nameOf = (t) => t.k === "named" ? t.def.name : "";
  if (["DateTime", "TimeSpan", "DateTimeOffset"].includes(nameOf(lu)) && sameType(lu, ru)) {
    const code = js`${rt("valueEquals")}(${l.code}, ${r.code})`;
    return { type: bool, code: neg ? js`!${code}` : code, pos };
  }
  const ok = isNumeric(lu) && isNumeric(ru) && promote(primName(lu), primName(ru)) !== null || sameType(lu, ru) || isReferenceType(lt) && isReferenceType(rt0) && (derivesFrom(lt, rt0) || derivesFrom(rt0, lt) || isObject(lt) || isObject(rt0)) || isEnum(lu) && r.cv?.v === 0 || isReferenceType(lt) && rt0.k === "named" && rt0.def.isInterface || isReferenceType(rt0) && lt.k === "named" && lt.def.isInterface;
  if (!ok) opErr(b2, op, lt, rt0, opPos);
  return { type: bool, code: js`(${l.code} ${raw(neg ? "!==" : "===")} ${r.code})`, pos };
}
function coalesce(b2, e) {
  const l = b2.expr(e.left);
  const rr = b2.raw(e.right);
  const r = b2.value(b2.close(rr), e.right.pos);
  if (isValueType(l.type) && !isNullable(l.type)) b2.err(Codes.CSharpTypeMismatch, e.opPos, `Operator '??' cannot be applied to operands of type '${typeName(l.type)}' and '${typeName(r.type)}'.`);
  if (l.type.k === "null") return r;
  const a0 = underlyingNullable(l.type);
  let type2;
  if (r.type.k === "null" || implicitCost(b2, r, isNullable(l.type) && isNullable(r.type) ? l.type : a0) >= 0) type2 = isNullable(r.type) ? l.type : a0;
  else if (implicitCost(b2, r, l.type) >= 0) type2 = l.type;
  else if (implicitCost(b2, { ...l, type: a0 }, r.type) >= 0) type2 = r.type;
  else b2.err(Codes.CSharpTypeMismatch, e.opPos, `Operator '??' cannot be applied to operands of type '${typeName(l.type)}' and '${typeName(r.type)}'.`);
  const rc = r.type.k === "null" ? r.code : b2.convert(r, type2, e.right.pos).code;
  const lc = isObject(type2) ? box({ ...l, type: a0 }) : l.code;
  return { type: type2, code: js`(${lc} ?? ${rc})`, pos: e.pos };
}
function unary(b2, op, operand, pos) {
  if (op === "++" || op === "--") return incDec(b2, op, operand, pos, false);
  const x = b2.expr(operand);
  const u = underlyingNullable(x.type);
  if (op === "!") {
    const v = b2.convert(x, isNullable(x.type) ? nullableOf(named("bool")) : named("bool"), operand.pos);
    if (v.cv !== void 0) return { type: named("bool"), code: literal(!v.cv.v), pos, cv: { v: !v.cv.v } };
    return { type: v.type, code: isNullable(v.type) ? js`${rt("liftNot")}(${v.code})` : js`!${v.code}`, pos };
  }
  if (!isNumeric(u)) b2.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operand of type '${typeName(x.type)}'.`);
  const p3 = promote(primName(u), "int");
  const t = op === "-" && p3 === "uint" ? "long" : p3;
  const T = named(t);
  if (x.cv !== void 0 && typeof x.cv.v === "number") {
    const v = op === "-" ? t === "int" ? -x.cv.v | 0 : -x.cv.v : op === "~" ? ~x.cv.v : x.cv.v;
    return { type: T, code: literal(v), pos, cv: { v } };
  }
  if (isNullable(x.type)) return { type: nullableOf(T), code: js`${rt("liftNum")}(${op === "~" ? "^" : "*"}, ${t}, ${x.code}, ${op === "~" ? -1 : op === "-" ? -1 : 1})`, pos };
  if (op === "+") return { type: T, code: x.code, pos };
  if (op === "~") {
    if (!INT_RANGE[t]) b2.err(Codes.CSharpTypeMismatch, pos, `Operator '~' cannot be applied to operand of type '${typeName(x.type)}'.`);
    return { type: T, code: t === "uint" ? js`(~${x.code} >>> 0)` : js`~${x.code}`, pos };
  }
  return { type: T, code: t === "int" ? js`(-${x.code} | 0)` : js`(-${x.code})`, pos };
}
function incDec(b2, op, operand, pos, postfix) {
  const target = b2.expr(operand);
  const t = target.type;
  const u = underlyingNullable(t);
  if (!isNumeric(u)) b2.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operand of type '${typeName(t)}'.`);
  const one = { type: named("int"), code: js`1`, pos, cv: { v: 1 } };
  const sum = (v) => {
    const r = binaryValues(b2, op === "++" ? "+" : "-", { type: t, code: v, pos }, one, pos, pos);
    return cast(b2, r, t, pos, pos).code;
  };
  if (target.local) {
    if (target.local.readonly) b2.err(Codes.CSharpTypeMismatch, pos, `Cannot assign to '${target.local.name}' because it is read-only.`);
    const v = target.local.code;
    if (!postfix) return { type: t, code: js`(${v} = ${sum(v)})`, pos };
    const tmp = b2.temp();
    return { type: t, code: js`(${tmp} = ${v}, ${v} = ${sum(tmp)}, ${tmp})`, pos };
  }
  if (target.assign) {
    const tmp = b2.temp();
    const res = b2.temp();
    const write = target.assign(js`(${res} = ${sum(tmp)})`, () => b2.temp());
    return { type: t, code: js`(${tmp} = ${target.code}, ${write}, ${postfix ? tmp : res})`, pos };
  }
  b2.err(Codes.CSharpTypeMismatch, pos, "The operand of an increment or decrement operator must be a variable, property or indexer.");
}
function assign(b2, e) {
  const target = b2.expr(e.target);
  if (e.op === "=") {
    const v = b2.convert(b2.expr(e.value), target.type, e.value.pos);
    if (target.local) {
      if (target.local.readonly) b2.err(Codes.CSharpTypeMismatch, e.target.pos, `Cannot assign to '${target.local.name}' because it is read-only.`);
      return { type: target.type, code: js`(${target.local.code} = ${v.code})`, pos: e.pos };
    }
    if (target.assign) return { type: target.type, code: target.assign(v.code, () => b2.temp()), pos: e.pos };
    b2.err(Codes.CSharpTypeMismatch, e.target.pos, "The left-hand side of an assignment must be a variable, property or indexer.");
  }
  const op = e.op.slice(0, -1);
  const rhs = b2.expr(e.value);
  if (target.local) {
    const r = binaryValues(b2, op, { ...target }, rhs, e.opPos, e.pos);
    const v = isNumeric(target.type) ? cast(b2, r, target.type, e.pos, e.pos) : b2.convert(r, target.type, e.pos);
    return { type: target.type, code: js`(${target.local.code} = ${v.code})`, pos: e.pos };
  }
  if (target.assign) {
    const tmp = b2.temp();
    const r = binaryValues(b2, op, { type: target.type, code: tmp, pos: e.pos }, rhs, e.opPos, e.pos);
    const v = isNumeric(target.type) ? cast(b2, r, target.type, e.pos, e.pos) : b2.convert(r, target.type, e.pos);
    return { type: target.type, code: js`(${tmp} = ${target.code}, ${target.assign(v.code, () => b2.temp())})`, pos: e.pos };
  }
  b2.err(Codes.CSharpTypeMismatch, e.target.pos, "The left-hand side of an assignment must be a variable, property or indexer.");
}
function conditional(b2, e) {
  const test = b2.convert(b2.expr(e.test), named("bool"), e.test.pos);
  const x = b2.expr(e.then);
  const y = b2.expr(e.else);
  let type2;
  if (sameType(x.type, y.type)) type2 = x.type;
  else if (x.type.k === "null" && (isReferenceType(y.type) || isNullable(y.type))) type2 = y.type;
  else if (y.type.k === "null" && (isReferenceType(x.type) || isNullable(x.type))) type2 = x.type;
  else if (x.code && implicitCost(b2, x, y.type) >= 0 && !(implicitCost(b2, y, x.type) >= 0 && implicitCost(b2, x, y.type) > implicitCost(b2, y, x.type))) type2 = y.type;
  else if (implicitCost(b2, y, x.type) >= 0) type2 = x.type;
  else if (y.type.k === "null" && isValueType(x.type)) b2.err(Codes.CSharpTypeMismatch, e.pos, `Type of conditional expression cannot be determined because there is no implicit conversion between '${typeName(x.type)}' and '<null>'.`);
  else b2.err(Codes.CSharpTypeMismatch, e.pos, `Type of conditional expression cannot be determined because there is no implicit conversion between '${typeName(x.type)}' and '${typeName(y.type)}'.`);
  const xc = x.type.k === "null" ? x.code : b2.convert(x, type2, e.then.pos).code;
  const yc = y.type.k === "null" ? y.code : b2.convert(y, type2, e.else.pos).code;
  if (test.cv !== void 0) return test.cv.v ? { ...x, type: type2, code: xc, pos: e.pos } : { ...y, type: type2, code: yc, pos: e.pos };
  return { type: type2, code: js`(${test.code} ? ${xc} : ${yc})`, pos: e.pos };
}
function commonType(b2, types, pos = 0) {
  const nonNull = types.filter((t) => t.k !== "null");
  if (!nonNull.length) return named("object");
  for (const cand of nonNull) if (types.every((t) => implicitCost(b2, { type: t, code: js``, pos }, cand) >= 0)) return cand;
  b2.err(Codes.CSharpTypeMismatch, pos, `No best type found among ${nonNull.map(typeName).join(", ")}.`);
}
function anonType(members) {
  const def = {
    name: `<anonymous {${members.map((m2) => m2.name).join(", ")}}>`,
    ns: "",
    typeParams: [],
    valueType: false,
    interfaces: [],
    members: /* @__PURE__ */ new Map()
  };
  for (const m2 of members) {
    const mem = P(`object ${m2.name}`, (r) => js`${r}[${literal(m2.name)}]`);
    mem.owner = def;
    mem.parsed = { ret: m2.type, typeParams: [], params: [] };
    def.members.set(m2.name, [mem]);
  }
  void registerType;
  return { k: "named", def, args: [] };
}
function initializer(b2, obj, init, pos) {
  const t = b2.temp();
  let code = js`(${t} = ${obj.code}`;
  if (init.k === "collection") {
    for (const item of init.items) code = js`${code}, ${b2.bindAdd(obj.type, t, item, item[0]?.pos ?? pos)}`;
  } else {
    for (const m2 of init.members) {
      if (m2.value && m2.value.k === "collection" || m2.value.k === "object") {
        b2.err(Codes.CSharpNotSupported, m2.pos, "Nested object/collection initializers are not supported yet.");
      }
      if (m2.index) code = js`${code}, ${b2.bindIndexSet(obj.type, t, m2.index, m2.value, m2.pos)}`;
      else code = js`${code}, ${b2.bindMemberSet(obj.type, t, m2.name, m2.value, m2.pos)}`;
    }
  }
  return { type: obj.type, code: js`${code}, ${t})`, pos };
}
function localDecl(b2, s2, inFor = false) {
  const declared = s2.type ? b2.resolveType(s2.type) : null;
  const parts = [];
  for (const d of s2.decls) {
    let type2 = declared;
    let init = null;
    if (d.init) {
      if (d.init.k === "newArray" && d.init.fromDecl) {
        if (!declared || declared.k !== "array") b2.err(Codes.CSharpTypeMismatch, d.init.pos, "Can only use array initializer expressions to assign to array types.");
        d.init = { ...d.init, elem: null };
        const items = d.init.init.map((x) => b2.convert(b2.expr(x), declared.elem, x.pos).code);
        init = { type: declared, code: isNamed(declared.elem, "byte") ? js`Uint8Array.of(${joinCodes(items)})` : js`[${joinCodes(items)}]`, pos: d.init.pos };
      } else {
        const raw2 = b2.raw(d.init);
        if (raw2.lambda && declared) init = b2.convert(raw2, declared, d.init.pos);
        else init = b2.value(b2.close(raw2), d.init.pos);
      }
      if (!type2) {
        if (init.type.k === "null") b2.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign <null> to an implicitly-typed variable.");
        if (init.type.k === "void") b2.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign void to an implicitly-typed variable.");
        if (init.lambda) b2.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign lambda expression to an implicitly-typed variable.");
        type2 = init.type;
      } else init = b2.convert(init, type2, d.init.pos);
    } else if (!type2) b2.err(Codes.CSharpSyntax, d.pos, "Implicitly-typed variables must be initialized.");
    if (s2.isConst && (!init || init.cv === void 0)) b2.err(Codes.CSharpTypeMismatch, d.pos, "The expression being assigned must be constant.");
    const local = b2.declareLocal(d.name, type2, d.pos);
    if (s2.isConst) {
      local.readonly = true;
      local.cv = init.cv;
    }
    parts.push(init ? js`${local.code} = ${init.code}` : local.code);
  }
  return inFor ? js`let ${joinCodes(parts)}` : js`let ${joinCodes(parts)}; `;
}
function foreachStmt(b2, s2) {
  const coll = b2.expr(s2.expr);
  const elem = elementType(coll.type);
  if (!elem) b2.err(Codes.CSharpTypeMismatch, s2.expr.pos, `foreach statement cannot operate on variables of type '${typeName(coll.type)}' because it has no public GetEnumerator method.`);
  b2.pushScope();
  const declared = s2.type ? b2.resolveType(s2.type) : elem;
  const local = b2.declareLocal(s2.name, declared, s2.namePos);
  local.readonly = true;
  const src = coll.type.k === "array" ? coll.code : js`${rt("seq")}(${coll.code})`;
  let head;
  if (sameType(declared, elem) || implicitCost(b2, { type: elem, code: js``, pos: 0 }, declared) === 0) head = js`for (const ${local.code} of ${src})`;
  else {
    const tmp = b2.temp();
    const conv = cast(b2, { type: elem, code: tmp, pos: s2.pos }, declared, s2.pos, s2.pos);
    head = js`for (${tmp} of ${src}) { const ${local.code} = ${conv.code}; } for (const ${local.code} of [])`;
    b2.enterLoop();
    const body0 = b2.embedded(s2.body);
    b2.leaveLoop();
    b2.popScope();
    return js`for (${tmp} of ${src}) { const ${local.code} = ${conv.code}; ${body0} } `;
  }
  b2.enterLoop();
  const body = b2.embedded(s2.body);
  b2.leaveLoop();
  b2.popScope();
  return js`${head} ${body} `;
}
function switchStmt(b2, s2) {
  const x = b2.expr(s2.expr);
  const gov = underlyingNullable(x.type);
  if (!(isNumeric(gov) || isNamed(gov, "string") || isNamed(gov, "bool") || isEnum(gov)))
    b2.err(Codes.CSharpNotSupported, s2.expr.pos, `switch on a value of type '${typeName(x.type)}' is not supported.`);
  b2.enterSwitch();
  let out = js``;
  for (const sec of s2.sections) {
    for (const label of sec.labels) {
      if (label === null) out = js`${out}default: `;
      else {
        const c2 = b2.convert(b2.expr(label), x.type, label.pos);
        if (c2.cv === void 0) b2.err(Codes.CSharpTypeMismatch, label.pos, "A constant value is expected.");
        out = js`${out}case ${literal(c2.cv.v)}: `;
      }
    }
    b2.pushScope();
    const body = b2.block(sec.body, false);
    b2.popScope();
    if (canComplete(sec.body)) b2.err(Codes.CSharpSyntax, sec.pos, "Control cannot fall through from one case label to another.");
    out = js`${out}{ ${body}} `;
  }
  b2.leaveSwitch();
  return js`switch (${x.code}) { ${out}} `;
}
function isExceptionType(t) {
  return t.k === "named" && (t.def.name === "Exception" || derivesFrom(t, named("Exception")));
}
function tryStmt(b2, s2) {
  const body = b2.block(s2.body.stmts);
  let out = js`try { ${body}}`;
  if (s2.catches.length) {
    const raw2 = b2.scope.names.fresh("e");
    const ex = b2.scope.names.fresh("ex");
    let chain = js``;
    let catchAll = false;
    for (const c2 of s2.catches) {
      const type2 = c2.type ? b2.resolveType(c2.type) : named("Exception");
      if (!isExceptionType(type2)) b2.err(Codes.CSharpTypeMismatch, c2.type.pos, "The type caught or thrown must be derived from System.Exception.");
      b2.pushScope();
      let bind = js``;
      if (c2.name) {
        const l = b2.declareLocal(c2.name, type2, c2.pos);
        bind = js`const ${l.code} = ${ex}; `;
      }
      const filter = c2.filter ? b2.convert(b2.expr(c2.filter), named("bool"), c2.filter.pos) : null;
      const cbody = b2.withCatchVar(raw2, () => b2.block(c2.body.stmts));
      b2.popScope();
      const full = exceptionFullName(type2);
      let test = full === "System.Exception" ? js`true` : js`${rt("isException")}(${ex}, ${full})`;
      if (filter) test = js`(${test} && ${filterWithVar(c2.name ? bind : null, filter.code)})`;
      if (full === "System.Exception" && !filter) catchAll = true;
      chain = js`${chain}${chain.isEmpty ? js`` : js` else `}if (${test}) { ${bind}${cbody}}`;
    }
    if (!catchAll) chain = js`${chain} else throw ${raw2};`;
    out = js`${out} catch (${raw2}) { const ${ex} = ${rt("toDotNetException")}(${raw2}); ${chain} }`;
  }
  if (s2.fin) out = js`${out} finally { ${b2.block(s2.fin.stmts)}}`;
  return js`${out} `;
}
function filterWithVar(bind, filter) {
  return bind ? js`(() => { ${bind}return ${filter}; })()` : filter;
}
function exceptionFullName(t) {
  if (t.k !== "named") return "System.Exception";
  return `${t.def.ns}.${t.def.name}`;
}
function canComplete(stmts) {
  for (const s2 of stmts) if (!stmtCanComplete(s2)) return false;
  return true;
}
function isTrue(e) {
  return e.k === "lit" && e.value === true;
}
function hasBreak(s2, depth = 0) {
  switch (s2.k) {
    case "break":
      return depth === 0;
    case "block":
      return s2.stmts.some((x) => hasBreak(x, depth));
    case "if":
      return hasBreak(s2.then, depth) || (s2.else ? hasBreak(s2.else, depth) : false);
    case "try":
      return hasBreak(s2.body, depth) || s2.catches.some((c2) => hasBreak(c2.body, depth)) || (s2.fin ? hasBreak(s2.fin, depth) : false);
    case "while":
    case "do":
    case "for":
    case "foreach":
    case "switch":
      return false;
    default:
      return false;
  }
}
function stmtCanComplete(s2) {
  switch (s2.k) {
    case "return":
    case "throw":
    case "break":
    case "continue":
      return false;
    case "block":
      return canComplete(s2.stmts);
    case "if":
      return !s2.else || stmtCanComplete(s2.then) || stmtCanComplete(s2.else);
    case "while":
      return !isTrue(s2.test) || hasBreak(s2.body);
    case "do":
      return stmtCanComplete(s2.body) ? !isTrue(s2.test) || hasBreak(s2.body) : hasBreak(s2.body);
    case "for":
      return s2.test !== null && !isTrue(s2.test) || hasBreak(s2.body);
    case "switch": {
      const hasDefault = s2.sections.some((x) => x.labels.includes(null));
      if (!hasDefault) return true;
      return s2.sections.some((x) => x.body.some((y) => hasBreak(y)));
    }
    case "try": {
      if (s2.fin && !canComplete(s2.fin.stmts)) return false;
      return canComplete(s2.body.stmts) || s2.catches.some((c2) => canComplete(c2.body.stmts));
    }
    default:
      return true;
  }
}
var INT_RANGE, IMPLICIT_NUM, JTOKEN_FROM, WRAP, NUM_ORDER, OPS;
var init_lower = __esm({
  "compiler/csharp/lower.ts"() {
    init_code();
    init_diagnostics();
    init_binder();
    init_types();
    init_dsl();
    INT_RANGE = {
      sbyte: [-128, 127],
      byte: [0, 255],
      short: [-32768, 32767],
      ushort: [0, 65535],
      int: [-2147483648, 2147483647],
      uint: [0, 4294967295],
      long: [-9223372036854776e3, 9223372036854776e3],
      ulong: [0, 18446744073709552e3],
      char: [0, 65535]
    };
    IMPLICIT_NUM = {
      sbyte: ["short", "int", "long", "float", "double", "decimal"],
      byte: ["short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
      short: ["int", "long", "float", "double", "decimal"],
      ushort: ["int", "uint", "long", "ulong", "float", "double", "decimal"],
      int: ["long", "float", "double", "decimal"],
      uint: ["long", "ulong", "float", "double", "decimal"],
      long: ["float", "double", "decimal"],
      ulong: ["float", "double", "decimal"],
      char: ["ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
      float: ["double"]
    };
    JTOKEN_FROM = ["bool", "char", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "string", "DateTime", "TimeSpan", "Guid", "Uri"];
    WRAP = {
      sbyte: (c2) => js`((${c2} << 24) >> 24)`,
      byte: (c2) => js`(${c2} & 255)`,
      short: (c2) => js`((${c2} << 16) >> 16)`,
      ushort: (c2) => js`(${c2} & 65535)`,
      char: (c2) => js`(${c2} & 65535)`,
      int: (c2) => js`(${c2} | 0)`,
      uint: (c2) => js`(${c2} >>> 0)`,
      long: (c2) => c2,
      ulong: (c2) => c2
    };
    NUM_ORDER = ["int", "uint", "long", "ulong", "float", "double", "decimal"];
    OPS = Object.fromEntries(
      ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "===", "!==", "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "==", "!="].map((o) => [o, opCode(o)])
    );
  }
});

// compiler/csharp/binder.ts
function joinCodes(codes) {
  let out = js``;
  codes.forEach((c2, i) => out = i ? js`${out}, ${c2}` : c2);
  return out;
}
var BindError, FORBIDDEN, Binder;
var init_binder = __esm({
  "compiler/csharp/binder.ts"() {
    init_code();
    init_diagnostics();
    init_ast();
    init_types();
    init_lower();
    BindError = class extends Error {
      constructor(code, pos, message) {
        super(message);
        this.code = code;
        this.pos = pos;
      }
    };
    FORBIDDEN = {
      File: "System.IO.File",
      Directory: "System.IO.Directory",
      FileInfo: "System.IO.FileInfo",
      Path: "System.IO.Path",
      Stream: "System.IO.Stream",
      FileStream: "System.IO.FileStream",
      StreamReader: "System.IO.StreamReader",
      Environment: "System.Environment",
      Process: "System.Diagnostics.Process",
      Thread: "System.Threading.Thread",
      Task: "System.Threading.Tasks.Task",
      HttpClient: "System.Net.Http.HttpClient",
      WebClient: "System.Net.WebClient",
      WebRequest: "System.Net.WebRequest",
      Assembly: "System.Reflection.Assembly",
      Activator: "System.Activator",
      AppDomain: "System.AppDomain",
      Console: "System.Console",
      GC: "System.GC",
      Marshal: "System.Runtime.InteropServices.Marshal",
      Socket: "System.Net.Sockets.Socket",
      Dns: "System.Net.Dns",
      Registry: "Microsoft.Win32.Registry",
      Type: "System.Type",
      Timer: "System.Threading.Timer",
      Monitor: "System.Threading.Monitor",
      Interlocked: "System.Threading.Interlocked"
    };
    Binder = class {
      constructor(src, scope) {
        this.src = src;
        this.scope = scope;
      }
      scopes = [/* @__PURE__ */ new Map()];
      frames = [{ temps: [] }];
      /** Inside a catch clause: the identifier holding the caught exception (for `throw;`). */
      catchVar = null;
      /** Return type of the innermost lambda/block being bound (null while inferring). */
      returnTypes = [];
      returnSeen = [];
      loopDepth = 0;
      switchDepth = 0;
      // ---- errors, temps, locals -----------------------------------------------------------------
      err(code, pos, msg) {
        throw new BindError(code, pos, msg);
      }
      temp() {
        const t = this.scope.names.fresh("t");
        this.frames[this.frames.length - 1].temps.push(t);
        return t;
      }
      pushFrame() {
        this.frames.push({ temps: [] });
      }
      popFrame() {
        return this.frames.pop().temps;
      }
      get frameTemps() {
        return this.frames[this.frames.length - 1].temps;
      }
      lookupLocal(name) {
        for (let i = this.scopes.length - 1; i >= 0; i--) {
          const l = this.scopes[i].get(name);
          if (l) return l;
        }
        return void 0;
      }
      declareLocal(name, type2, pos) {
        if (this.lookupLocal(name) || name === "context")
          this.err(Codes.CSharpDuplicateName, pos, `A local variable named '${name}' cannot be declared in this scope because it would give a different meaning to '${name}'.`);
        const l = { name, type: type2, code: this.scope.names.fresh(`v_${name}`) };
        this.scopes[this.scopes.length - 1].set(name, l);
        return l;
      }
      pushScope() {
        this.scopes.push(/* @__PURE__ */ new Map());
      }
      popScope() {
        this.scopes.pop();
      }
      // ---- types -------------------------------------------------------------------------------------
      resolveType(t) {
        switch (t.k) {
          case "tarray":
            return arrayOf(this.resolveType(t.elem));
          case "tnullable": {
            const inner = this.resolveType(t.inner);
            if (!isValueType(inner)) this.err(Codes.CSharpTooNew, t.pos, `Nullable reference types ('${typeName(inner)}?') need C# 8.`);
            return nullableOf(inner);
          }
          case "tname": {
            const parts = t.parts;
            const last = parts[parts.length - 1];
            const args = last.args.map((a) => this.resolveType(a));
            if (parts.length === 1 && last.name === "var") this.err(Codes.CSharpSyntax, t.pos, "'var' is not allowed here.");
            if (parts.length === 1 && last.name === "dynamic") this.err(Codes.CSharpForbiddenType, t.pos, "'dynamic' is not available in policy expressions.");
            const full = parts.map((p3) => p3.name).join(".");
            const simple = PRIMITIVE_ALIASES[last.name] && (parts.length === 1 || full === `System.${last.name}`) ? PRIMITIVE_ALIASES[last.name] : last.name;
            let def = lookupType(simple, args.length);
            if (parts.length > 1) {
              const byFull2 = lookupFull(full.replace(/\.(\w+)$/, (_m, n) => `.${PRIMITIVE_ALIASES[n] ?? n}`));
              const ns = parts.slice(0, -1).map((p3) => p3.name).join(".");
              if (byFull2 && byFull2.typeParams.length === args.length) def = byFull2;
              else if (def && def.ns !== ns && !def.ns.endsWith(ns)) def = void 0;
            }
            if (!def) {
              const forb = FORBIDDEN[last.name];
              if (forb || parts.length > 1 && this.isForbiddenNamespace(full))
                this.err(Codes.CSharpForbiddenType, t.pos, `'${forb && parts.length === 1 ? forb : full}' is not available in policy expressions.`);
              if (lookupTypeAnyArity(simple).length)
                this.err(Codes.CSharpTypeMismatch, t.pos, `Using the type '${last.name}' requires ${lookupTypeAnyArity(simple)[0].typeParams.length} type arguments.`);
              this.err(Codes.CSharpUnknownName, t.pos, `The type or namespace name '${typeNodeText(t)}' could not be found.${didYouMean(last.name, allTypeNames())}`);
            }
            return { k: "named", def, args };
          }
        }
      }
      isForbiddenNamespace(full) {
        return /^(System\.(IO|Reflection|Threading|Diagnostics|Net\.Http|Net\.Sockets|Runtime|Data|Web|Configuration)|Microsoft\.Win32)(\.|$)/.test(full);
      }
      // ---- expressions -----------------------------------------------------------------------------
      /** Binds a value expression (closing any open `?.` chain). */
      expr(e) {
        const b2 = this.raw(e);
        return this.value(this.close(b2), e.pos);
      }
      /** Ensures `b` is a value (not a type, namespace, method group or lambda). */
      value(b2, pos) {
        if (b2.typeRef) this.err(Codes.CSharpTypeMismatch, pos, `'${typeName(b2.typeRef)}' is a type, which is not valid in the given context.`);
        if (b2.ns !== void 0) this.err(Codes.CSharpTypeMismatch, pos, `'${b2.ns}' is a namespace, which is not valid in the given context.`);
        if (b2.lambda) this.err(Codes.CSharpTypeMismatch, pos, "A lambda expression needs a target type here.");
        return b2;
      }
      /** Closes open `?.` guards: `(t = recv) == null ? null : code`. */
      close(b2) {
        if (!b2.conds || b2.conds.length === 0) return b2;
        let code = b2.code;
        for (let i = b2.conds.length - 1; i >= 0; i--) {
          const c2 = b2.conds[i];
          code = js`((${c2.t} = ${c2.recv}) == null ? null : ${code})`;
        }
        let type2 = b2.type;
        if (isValueType(type2) && !isNullable(type2)) type2 = nullableOf(type2);
        return { type: type2, code, pos: b2.pos };
      }
      raw(e) {
        switch (e.k) {
          case "lit":
            return literalExpr(e);
          case "paren": {
            const inner = this.expr(e.expr);
            return { ...inner, code: js`(${inner.code})`, local: void 0, assign: void 0 };
          }
          case "interp":
            return this.interp(e.parts, e.pos);
          case "name":
            return this.name(e);
          case "ptype":
            return { type: ERROR, code: js``, pos: e.pos, typeRef: named(e.name) };
          case "member":
            return this.member(e);
          case "call":
            return this.call(e);
          case "index":
            return this.index(e);
          case "unary":
            return unary(this, e.op, e.operand, e.pos);
          case "postfix":
            return incDec(this, e.op, e.operand, e.pos, true);
          case "binary":
            return binary(this, e);
          case "cond":
            return conditional(this, e);
          case "assign":
            return assign(this, e);
          case "cast":
            return cast(this, this.expr(e.expr), this.resolveType(e.type), e.pos, e.type.pos);
          case "is":
            return isExpr(this, e);
          case "as":
            return asExpr(this, this.expr(e.expr), this.resolveType(e.type), e.pos);
          case "lambda":
            return { type: { k: "lambda" }, code: js``, pos: e.pos, lambda: e };
          case "new":
            return this.newObject(e);
          case "newArray":
            return this.newArray(e);
          case "newAnon": {
            const members = e.members.map((m2) => ({ name: m2.name, b: this.expr(m2.value) }));
            let code = js`{ `;
            members.forEach((m2, i) => code = js`${code}${i ? js`, ` : js``}${literal(m2.name)}: ${m2.b.code}`);
            return { type: anonType(members.map((m2) => ({ name: m2.name, type: m2.b.type }))), code: js`${code} }`, pos: e.pos };
          }
          case "typeof":
            this.err(Codes.CSharpNotSupported, e.pos, "'typeof' is not supported in policy expressions yet.");
          // eslint-disable-next-line no-fallthrough
          case "default": {
            if (!e.type) this.err(Codes.CSharpTooNew, e.pos, "The 'default' literal needs C# 7.1; write 'default(T)'.");
            const t = this.resolveType(e.type);
            return { type: t, code: defaultValue(t), pos: e.pos, cv: defaultConst(t) };
          }
          case "throwExpr": {
            const ex = this.expr(e.expr);
            return { type: NULL, code: js`${rt("throwValue")}(${ex.code})`, pos: e.pos };
          }
          case "checked": {
            const inner = this.expr(e.expr);
            return inner;
          }
        }
      }
      // ---- names and members -----------------------------------------------------------------------
      name(e) {
        const local = e.typeArgs ? void 0 : this.lookupLocal(e.name);
        if (local) return { type: local.type, code: local.code, pos: e.pos, local, cv: local.cv, pure: true };
        if (e.name === "context" && !e.typeArgs) return { type: named("IContext"), code: ident("ctx"), pos: e.pos, pure: true };
        const args = (e.typeArgs ?? []).map((t) => this.resolveType(t));
        const simple = PRIMITIVE_ALIASES[e.name] ?? e.name;
        const def = lookupType(simple, args.length);
        if (def) return { type: ERROR, code: js``, pos: e.pos, typeRef: { k: "named", def, args } };
        if (namespaces().has(e.name)) return { type: ERROR, code: js``, pos: e.pos, ns: e.name };
        if (FORBIDDEN[e.name]) this.err(Codes.CSharpForbiddenType, e.pos, `'${FORBIDDEN[e.name]}' is not available in policy expressions.`);
        if (e.name === "Microsoft" || e.name === "System") return { type: ERROR, code: js``, pos: e.pos, ns: e.name };
        const candidates = [...allTypeNames(), "context", ...this.scopes.flatMap((s2) => [...s2.keys()])];
        this.err(Codes.CSharpUnknownName, e.pos, `The name '${e.name}' does not exist in the current context.${didYouMean(e.name, candidates)}`);
      }
      /** Members named `name` visible on `t` (own type first, then supertypes), with the owning instance type. */
      findMembers(t, name, kinds) {
        const out = [];
        const seen = [];
        const queue = [t];
        let foundNonMethod = false;
        while (queue.length) {
          const x = queue.shift();
          if (seen.some((s2) => sameType(s2, x))) continue;
          seen.push(x);
          if (x.k === "named") {
            const ms = x.def.members.get(name);
            if (ms)
              for (const m2 of ms) {
                if (!kinds.includes(m2.kind)) continue;
                if (m2.kind !== "method" && (foundNonMethod || out.length)) continue;
                if (m2.kind !== "method") foundNonMethod = true;
                if (out.some((o) => o.m.sig === m2.sig)) continue;
                out.push({ m: m2, owner: x });
              }
          }
          queue.push(...supertypes(x));
        }
        return out;
      }
      memberNames(t) {
        const names = /* @__PURE__ */ new Set();
        const queue = [t];
        const seen = [];
        while (queue.length) {
          const x = queue.shift();
          if (seen.some((s2) => sameType(s2, x))) continue;
          seen.push(x);
          if (x.k === "named") for (const k of x.def.members.keys()) names.add(k);
          queue.push(...supertypes(x));
        }
        return [...names];
      }
      member(e) {
        const target = this.raw(e.target);
        if (target.ns !== void 0) {
          const full = `${target.ns}.${e.name}`;
          if (namespaces().has(full)) return { type: ERROR, code: js``, pos: e.pos, ns: full };
          const args = (e.typeArgs ?? []).map((t) => this.resolveType(t));
          const def = lookupFull(`${target.ns}.${PRIMITIVE_ALIASES[e.name] ?? e.name}`);
          const alt = def && def.typeParams.length === args.length ? def : lookupType(PRIMITIVE_ALIASES[e.name] ?? e.name, args.length);
          if (alt && (alt.ns === target.ns || alt === def)) return { type: ERROR, code: js``, pos: e.pos, typeRef: { k: "named", def: alt, args } };
          if (FORBIDDEN[e.name] || this.isForbiddenNamespace(full)) this.err(Codes.CSharpForbiddenType, e.pos, `'${full}' is not available in policy expressions.`);
          this.err(Codes.CSharpUnknownName, e.namePos, `The type or namespace name '${e.name}' does not exist in the namespace '${target.ns}'.`);
        }
        if (target.typeRef) return this.staticMember(target.typeRef, e.name, e.namePos, e.pos);
        let recv = this.value(target, e.target.pos);
        if (e.cond) recv = this.openCond(recv, e.pos);
        return this.instanceMember(recv, e.name, e.namePos, e.pos);
      }
      /** `a?.` : evaluates `a` into a temp and continues the chain on the temp. */
      openCond(recv, pos) {
        if (isValueType(recv.type) && !isNullable(recv.type))
          this.err(Codes.CSharpTypeMismatch, pos, `Operator '?' cannot be applied to operand of type '${typeName(recv.type)}'.`);
        const t = this.temp();
        const conds = [...recv.conds ?? [], { t, recv: recv.code }];
        const type2 = underlyingNullable(recv.type);
        return { type: type2, code: t, pos: recv.pos, conds, pure: true };
      }
      staticMember(t, name, namePos, pos) {
        const ms = this.findMembers(t, name, ["prop", "field"]);
        const m2 = ms.find((x) => x.m.isStatic);
        if (m2) return this.propAccess(null, m2.m, m2.owner, pos);
        if (this.findMembers(t, name, ["method"]).some((x) => x.m.isStatic)) this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context.`);
        if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `An object reference is required for the non-static member '${typeName(t)}.${name}'.`);
        this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
      }
      instanceMember(recv, name, namePos, pos) {
        const t = recv.type;
        if (t.k === "null") this.err(Codes.CSharpTypeMismatch, pos, `Cannot access member '${name}' of the null literal.`);
        const ms = this.findMembers(t, name, ["prop", "field"]);
        const m2 = ms.find((x) => !x.m.isStatic);
        if (m2) return { ...this.propAccess(recv, m2.m, m2.owner, pos), conds: recv.conds };
        if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `Member '${typeName(t)}.${name}' cannot be accessed with an instance reference; qualify it with a type name instead.`);
        if (this.findMembers(t, name, ["method"]).length || this.extensionCandidates(name).length)
          this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context (missing parentheses?).`);
        this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
      }
      ownerMap(owner) {
        const map = /* @__PURE__ */ new Map();
        if (owner.k === "named") owner.def.typeParams.forEach((tp, i) => map.set(tp, owner.args[i] ?? ERROR));
        return map;
      }
      info(recvType, retType, argTypes, typeArgs, written) {
        return { typeArgs, argTypes, recvType, retType, temp: () => this.temp(), written };
      }
      propAccess(recv, m2, owner, pos) {
        const sig = signatureOf(m2);
        const type2 = substitute(sig.ret, this.ownerMap(owner));
        const info = this.info(recv?.type ?? null, type2, [], [], 0);
        const rc = recv?.code ?? js``;
        const code = m2.lower(rc, [], info);
        const b2 = { type: type2, code, pos };
        if (m2.constant !== void 0) b2.cv = { v: m2.constant };
        if (m2.set && recv) {
          const setter = m2.set;
          b2.assign = (value, temp) => {
            if (recv.pure) return setter(rc, [], value, info);
            const t = temp();
            return js`(${t} = ${rc}, ${setter(t, [], value, info)})`;
          };
        }
        return b2;
      }
      index(e) {
        let recv = this.value(this.raw(e.target), e.target.pos);
        if (e.cond) recv = this.openCond(recv, e.pos);
        const t = recv.type;
        if (t.k === "array") {
          if (e.args.length !== 1) this.err(Codes.CSharpBadArguments, e.pos, "Wrong number of indices inside []; expected 1.");
          const idx = this.convert(this.expr(e.args[0].expr), named("int"), e.args[0].pos);
          const rc = recv.code;
          const b2 = { type: t.elem, code: js`${rt("arrItem")}(${rc}, ${idx.code})`, pos: e.pos, conds: recv.conds };
          b2.assign = (value, temp) => {
            if (recv.pure && idx.pure) return js`${rt("arrSet")}(${rc}, ${idx.code}, ${value})`;
            const ta = temp();
            const ti = temp();
            return js`(${ta} = ${rc}, ${ti} = ${idx.code}, ${rt("arrSet")}(${ta}, ${ti}, ${value}))`;
          };
          return b2;
        }
        const cands = this.findMembers(t, "this[]", ["indexer"]);
        if (!cands.length) this.err(Codes.CSharpUnknownMember, e.pos, `Cannot apply indexing with [] to an expression of type '${typeName(t)}'.`);
        const r = this.resolveInvocation(cands, recv, e.args, void 0, e.pos, "this[]", false);
        return { ...r, conds: recv.conds };
      }
      extensionCandidates(name) {
        const out = [];
        for (const d of extensionClasses) for (const m2 of d.extensions.get(name) ?? []) out.push({ m: m2, owner: { k: "named", def: d, args: [] } });
        return out;
      }
      call(e) {
        const target = e.target;
        if (target.k === "member") {
          const recvRaw = this.raw(target.target);
          const typeArgs = target.typeArgs?.map((t) => this.resolveType(t));
          if (recvRaw.ns !== void 0) {
            this.member(target);
          }
          if (recvRaw.typeRef) {
            const cands = this.findMembers(recvRaw.typeRef, target.name, ["method"]).filter((c2) => c2.m.isStatic);
            if (!cands.length) {
              if (this.findMembers(recvRaw.typeRef, target.name, ["method"]).length)
                this.err(Codes.CSharpTypeMismatch, target.namePos, `An object reference is required for the non-static method '${typeName(recvRaw.typeRef)}.${target.name}'.`);
              this.err(
                Codes.CSharpUnknownMember,
                target.namePos,
                `'${typeName(recvRaw.typeRef)}' does not contain a definition for '${target.name}'.${didYouMean(target.name, this.memberNames(recvRaw.typeRef))}`
              );
            }
            return this.resolveInvocation(cands, null, e.args, typeArgs, target.namePos, target.name, false);
          }
          let recv = this.value(recvRaw, target.target.pos);
          if (target.cond) recv = this.openCond(recv, target.pos);
          if (recv.type.k === "null") this.err(Codes.CSharpTypeMismatch, target.pos, `Cannot call '${target.name}' on the null literal.`);
          const inst = this.findMembers(recv.type, target.name, ["method"]).filter((c2) => !c2.m.isStatic);
          const ext = this.extensionCandidates(target.name);
          if (!inst.length && !ext.length) {
            const props = this.findMembers(recv.type, target.name, ["prop", "field"]);
            if (props.length) this.err(Codes.CSharpTypeMismatch, target.namePos, `Non-invocable member '${typeName(recv.type)}.${target.name}' cannot be used like a method.`);
            if (recv.type.k === "named" && recv.type.def.name === "IRequest" && target.name === "MatchedParameters")
              this.err(Codes.CSharpTypeMismatch, target.namePos, `'MatchedParameters' is a dictionary: index it with ["name"] or call GetValueOrDefault("name").`);
            this.err(
              Codes.CSharpUnknownMember,
              target.namePos,
              `'${typeName(recv.type)}' does not contain a definition for '${target.name}'.${didYouMean(target.name, this.memberNames(recv.type))}`
            );
          }
          let r = null;
          if (inst.length) {
            try {
              r = this.resolveInvocation(inst, recv, e.args, typeArgs, target.namePos, target.name, false);
            } catch (err) {
              if (!(err instanceof BindError) || !ext.length || err.code !== Codes.CSharpBadArguments) throw err;
            }
          }
          if (!r) r = this.resolveInvocation(ext, recv, e.args, typeArgs, target.namePos, target.name, true);
          return { ...r, conds: recv.conds };
        }
        if (target.k === "name") {
          const local = this.lookupLocal(target.name);
          if (local && local.type.k === "named" && local.type.def.name === "Func") {
            const args = e.args.map((a) => this.expr(a.expr));
            const fn = local.type;
            const n = fn.args.length - 1;
            if (args.length !== n) this.err(Codes.CSharpBadArguments, e.pos, `Delegate '${typeName(fn)}' does not take ${args.length} arguments.`);
            const codes = args.map((a, i) => this.convert(a, fn.args[i], e.args[i].pos).code);
            return { type: fn.args[n], code: js`${local.code}(${joinCodes(codes)})`, pos: e.pos };
          }
          if (local) this.err(Codes.CSharpTypeMismatch, target.pos, `'${target.name}' is a variable but is used like a method.`);
          this.err(Codes.CSharpUnknownName, target.pos, `The name '${target.name}' does not exist in the current context.`);
        }
        const callee = this.expr(target);
        this.err(Codes.CSharpTypeMismatch, e.pos, `An expression of type '${typeName(callee.type)}' cannot be invoked.`);
      }
      // ---- overload resolution -------------------------------------------------------------------------
      resolveInvocation(cands, recv, args, explicitTypeArgs, pos, name, ext) {
        const pre = args.map((a) => {
          if (a.kind === "out" && a.outDecl) {
            const t = a.outDecl.type ? this.resolveType(a.outDecl.type) : null;
            return { arg: a, outDecl: { type: t, name: a.outDecl.name, pos: a.outDecl.pos } };
          }
          if (a.kind !== "val") {
            if (a.expr.k === "name" && a.expr.name === "_") return { arg: a, discard: true };
            const b3 = this.expr(a.expr);
            if (!b3.local || b3.local.readonly) this.err(Codes.CSharpTypeMismatch, a.pos, `A ${a.kind} argument must be an assignable variable.`);
            return { arg: a, b: b3 };
          }
          const b2 = this.raw(a.expr);
          if (b2.lambda) return { arg: a, lambda: b2.lambda };
          return { arg: a, b: this.value(this.close(b2), a.expr.pos) };
        });
        const all = [];
        if (ext && recv) all.push({ arg: { pos: recv.pos, kind: "val", expr: { k: "lit", pos: recv.pos, end: recv.pos, type: "null", value: null } }, b: recv });
        all.push(...pre);
        let best = null;
        let ambiguous = false;
        for (const c2 of cands) {
          const ap = this.tryApply(c2.m, c2.owner, all, explicitTypeArgs, ext);
          if (!ap) continue;
          if (!best || ap.cost < best.cost) {
            best = ap;
            ambiguous = false;
          } else if (ap.cost === best.cost) ambiguous = true;
        }
        void ambiguous;
        if (!best) {
          const argDesc = pre.map((p3) => p3.lambda ? "lambda" : p3.outDecl ? `out ${p3.outDecl.type ? typeName(p3.outDecl.type) : "var"}` : p3.discard ? "out _" : typeName(p3.b.type)).join(", ");
          const what = name === "this[]" ? `indexer of '${recv ? typeName(recv.type) : "?"}'` : name === ".ctor" ? `constructor of '${typeName(cands[0].owner)}'` : `'${name}'`;
          const sigs = cands.map((c2) => c2.m.sig).slice(0, 4);
          this.err(Codes.CSharpBadArguments, pos, `No overload of ${what} takes arguments (${argDesc}). Candidates: ${sigs.join("; ")}.`);
        }
        return this.emitCall(best, recv, pos, ext, all);
      }
      tryApply(m2, owner, args, explicitTypeArgs, ext) {
        const sig = signatureOf(m2);
        if (ext && !(sig.params[0]?.mod === "this")) return null;
        const params = sig.params;
        const map = this.ownerMap(owner);
        if (explicitTypeArgs) {
          if (explicitTypeArgs.length !== sig.typeParams.length) return null;
          sig.typeParams.forEach((tp, i) => map.set(tp, explicitTypeArgs[i]));
        } else if (sig.typeParams.length === 0 && false) return null;
        const slots = params.map(() => null);
        let expanded = false;
        const last = params[params.length - 1];
        const hasParams = last?.mod === "params";
        let pi = 0;
        for (const a of args) {
          if (a.arg.name) {
            const idx = params.findIndex((p3) => p3.name === a.arg.name);
            if (idx < 0 || slots[idx]) return null;
            slots[idx] = a;
            continue;
          }
          if (pi < params.length - (hasParams ? 1 : 0)) slots[pi++] = a;
          else if (hasParams) {
            if (pi === params.length - 1 && !expanded && slots[pi] === null) {
              slots[pi] = [a];
              expanded = true;
            } else if (expanded) slots[params.length - 1].push(a);
            else return null;
          } else return null;
        }
        if (hasParams && slots[params.length - 1] === null) {
          slots[params.length - 1] = [];
          expanded = true;
        }
        const paramsSlot = hasParams ? slots[params.length - 1] : null;
        let normalForm = false;
        if (paramsSlot && paramsSlot.length === 1 && paramsSlot[0].b) {
          const at = substitute(last.type, map);
          if (!hasTypeParams(at) && this.implicitCost(paramsSlot[0].b, at) >= 0) normalForm = true;
        }
        for (let i = 0; i < params.length; i++) if (slots[i] === null && !params[i].def) return null;
        const mtps = sig.typeParams.filter((tp) => !map.has(tp));
        const inferred = /* @__PURE__ */ new Map();
        const unify = (p3, a) => this.unify(p3, a, mtps, inferred);
        const eachArg = (f) => {
          params.forEach((p3, i) => {
            const s2 = slots[i];
            if (s2 === null) return;
            if (Array.isArray(s2)) {
              if (normalForm) f(p3.type, s2[0], i);
              else for (const x of s2) f(p3.type.k === "array" ? p3.type.elem : p3.type, x, i);
            } else f(p3.type, s2, i);
          });
        };
        eachArg((p3, a) => {
          if (a.b) unify(substitute(p3, map), a.b.type);
          else if (a.outDecl?.type) unify(substitute(p3, map), a.outDecl.type);
        });
        const lambdaResults = /* @__PURE__ */ new Map();
        for (let round = 0; round < 3; round++) {
          eachArg((p3, a) => {
            if (!a.lambda || lambdaResults.has(a)) return;
            const pt = substitute(substitute(p3, map), inferred);
            if (pt.k !== "named" || pt.def.name !== "Func" && pt.def.name !== "Action") return;
            const isFunc = pt.def.name === "Func";
            const ins = isFunc ? pt.args.slice(0, -1) : pt.args;
            if (ins.some(hasTypeParams)) return;
            if (ins.length !== a.lambda.params.length) return;
            const lr = this.bindLambda(a.lambda, ins);
            if (!lr) return;
            lambdaResults.set(a, lr);
            if (isFunc) unify(pt.args[pt.args.length - 1], lr.ret);
          });
        }
        for (const tp of mtps) if (!inferred.has(tp)) return null;
        for (const [k, v] of inferred) map.set(k, v);
        let cost = expanded && !normalForm ? 1 : 0;
        let ok = true;
        const conv = [];
        eachArg((p0, a, i) => {
          if (!ok) return;
          const p3 = substitute(p0, map);
          const param = params[i];
          const argKind = a.arg.kind;
          const pmod = param.mod === "out" || param.mod === "ref" ? param.mod : "val";
          if (argKind !== pmod) {
            ok = false;
            return;
          }
          if (a.lambda) {
            const lr = lambdaResults.get(a);
            if (!lr || p3.k !== "named") {
              ok = false;
              return;
            }
            if (p3.def.name === "Func") {
              const rt0 = p3.args[p3.args.length - 1];
              const c3 = this.implicitCost({ type: lr.ret, code: js``, pos: 0, cv: lr.cv }, rt0);
              if (c3 < 0 && lr.ret.k !== "error") ok = false;
              else cost += c3;
            }
            return;
          }
          if (a.outDecl) {
            if (a.outDecl.type && !sameType(a.outDecl.type, p3)) ok = false;
            return;
          }
          if (a.discard) return;
          if (argKind !== "val") {
            if (!sameType(a.b.type, p3)) ok = false;
            return;
          }
          const c2 = this.implicitCost(a.b, p3);
          if (c2 < 0) ok = false;
          else {
            cost += c2;
            conv.push({ pre: a, to: p3 });
          }
        });
        if (!ok) return null;
        return { m: m2, owner, sig, map, slots, expanded: expanded && !normalForm, cost, lambdaResults, params };
      }
      unify(p3, a, tps, inferred) {
        if (p3.k === "tp") {
          if (!tps.includes(p3.name)) return;
          if (a.k === "null" || a.k === "error" || a.k === "lambda") return;
          if (!inferred.has(p3.name)) inferred.set(p3.name, a);
          return;
        }
        if (p3.k === "array") {
          if (a.k === "array") this.unify(p3.elem, a.elem, tps, inferred);
          else {
            const e = elementType(a);
            if (e) this.unify(p3.elem, e, tps, inferred);
          }
          return;
        }
        if (p3.k === "named" && p3.args.length) {
          if (a.k === "null" || a.k === "error") return;
          const inst = findInstance(a, p3.def);
          if (inst && inst.k === "named") p3.args.forEach((x, i) => this.unify(x, inst.args[i], tps, inferred));
        }
      }
      /** Binds a lambda with the given parameter types; returns null when its body does not bind. */
      bindLambda(e, ins) {
        e.params.forEach((p3, i) => {
          if (p3.type) {
            const t = this.resolveType(p3.type);
            if (!sameType(t, ins[i])) throw new BindError(Codes.CSharpBadArguments, p3.pos, `Lambda parameter '${p3.name}' has type '${typeName(t)}', expected '${typeName(ins[i])}'.`);
          }
        });
        const key = ins.map(typeName).join(",");
        const cache = e.$cache ??= /* @__PURE__ */ new Map();
        const hit = cache.get(key);
        if (hit instanceof BindError) return null;
        if (hit) return hit;
        const savedScopes = this.scopes;
        const savedLoop = this.loopDepth;
        const savedSwitch = this.switchDepth;
        this.scopes = [...this.scopes, /* @__PURE__ */ new Map()];
        this.loopDepth = 0;
        this.switchDepth = 0;
        this.pushFrame();
        let pushedReturn = false;
        try {
          const locals = e.params.map((p3, i) => this.declareLocal(p3.name, ins[i], p3.pos));
          const paramList = joinCodes(locals.map((l) => l.code));
          let res;
          if (e.body.k === "block") {
            this.returnTypes.push(null);
            this.returnSeen.push([]);
            pushedReturn = true;
            const body = this.block(e.body.stmts, false);
            const seen = this.returnSeen[this.returnSeen.length - 1];
            const ret = seen.length ? commonType(this, seen, e.pos) : VOID;
            res = { code: js`((${paramList}) => { ${tempDecl(this.frameTemps)}${body}})`, ret };
          } else {
            const b2 = this.expr(e.body);
            const temps = this.frameTemps;
            const code = temps.length ? js`((${paramList}) => { ${tempDecl(temps)}return ${b2.code}; })` : js`((${paramList}) => ${b2.code})`;
            res = { code, ret: b2.type, cv: b2.cv };
          }
          cache.set(key, res);
          return res;
        } catch (err) {
          if (err instanceof BindError) {
            cache.set(key, err);
            e.$lastError = err;
            return null;
          }
          throw err;
        } finally {
          if (pushedReturn) {
            this.returnTypes.pop();
            this.returnSeen.pop();
          }
          this.popFrame();
          this.scopes = savedScopes;
          this.loopDepth = savedLoop;
          this.switchDepth = savedSwitch;
        }
      }
      emitCall(ap, recv, pos, ext, args) {
        void args;
        const { m: m2, sig, map, slots, params } = ap;
        const codes = [];
        const argTypes = [];
        const convArg = (a, to) => {
          if (a.lambda) {
            const lr = ap.lambdaResults.get(a);
            return lr.code;
          }
          if (a.outDecl) {
            const l = this.declareLocal(a.outDecl.name, a.outDecl.type ?? to, a.outDecl.pos);
            this.frameTemps.push(l.code);
            return l.code;
          }
          if (a.discard) return this.temp();
          if (a.arg.kind !== "val") return a.b.local.code;
          return this.convert(a.b, to, a.arg.pos).code;
        };
        let written = 0;
        params.forEach((p3, i) => {
          const s2 = slots[i];
          const pt = substitute(p3.type, map);
          if (s2 === null) {
            codes.push(p3.def);
            argTypes.push(pt);
            return;
          }
          if (Array.isArray(s2)) {
            written += s2.length;
            if (ap.expanded) {
              const et = pt.k === "array" ? pt.elem : pt;
              const items = s2.map((x) => convArg(x, et));
              codes.push(isNamed(et, "byte") ? js`Uint8Array.of(${joinCodes(items)})` : js`[${joinCodes(items)}]`);
            } else codes.push(convArg(s2[0], pt));
            argTypes.push(pt);
            return;
          }
          written++;
          codes.push(convArg(s2, pt));
          argTypes.push(s2.b?.type ?? pt);
        });
        const ret = substitute(sig.ret, map);
        const typeArgs = sig.typeParams.map((tp) => map.get(tp) ?? ERROR);
        const recvCode = ext ? js`` : recv?.code ?? js``;
        const info = this.info(recv?.type ?? null, ret, argTypes, typeArgs, written);
        let code = m2.lower(recvCode, codes, info);
        if (m2.kind === "indexer" && m2.set && recv) {
          const setter = m2.set;
          const idx = codes;
          const b2 = { type: ret, code, pos };
          b2.assign = (value, temp) => {
            if (recv.pure) return setter(recvCode, idx, value, info);
            const t = temp();
            return js`(${t} = ${recvCode}, ${setter(t, idx, value, info)})`;
          };
          return b2;
        }
        if (m2.constant !== void 0) return { type: ret, code, pos, cv: { v: m2.constant } };
        if (ret.k === "void") code = js`${code}`;
        return { type: ret, code, pos };
      }
      // ---- conversions ---------------------------------------------------------------------------------
      /** Cost of the implicit conversion from `b` to `to` (0 identity), or -1 when there is none. */
      implicitCost(b2, to) {
        return implicitCost(this, b2, to);
      }
      /** Applies an implicit conversion or reports APIMC3006. */
      convert(b2, to, pos) {
        if (b2.lambda) {
          if (to.k === "named" && (to.def.name === "Func" || to.def.name === "Action")) {
            const ins = to.def.name === "Func" ? to.args.slice(0, -1) : to.args;
            const lr = this.bindLambda(b2.lambda, ins);
            if (!lr) throw b2.lambda.$lastError ?? new BindError(Codes.CSharpTypeMismatch, pos, "Cannot convert lambda expression.");
            return { type: to, code: lr.code, pos };
          }
          this.err(Codes.CSharpTypeMismatch, pos, `Cannot convert lambda expression to type '${typeName(to)}' because it is not a delegate type.`);
        }
        const r = convertImplicit(this, b2, to);
        if (r) return r;
        const explicit = explicitExists(this, b2.type, to);
        this.err(
          Codes.CSharpTypeMismatch,
          pos,
          `Cannot implicitly convert type '${typeName(b2.type)}' to '${typeName(to)}'.${explicit ? " An explicit conversion exists (are you missing a cast?)" : ""}`
        );
      }
      // ---- object creation -----------------------------------------------------------------------------
      newObject(e) {
        const t = this.resolveType(e.type);
        if (t.k !== "named") this.err(Codes.CSharpTypeMismatch, e.pos, "Cannot create an instance of this type.");
        const ctors = t.def.members.get(".ctor") ?? [];
        if (!ctors.length) this.err(Codes.CSharpNotSupported, e.type.pos, `Cannot create an instance of '${typeName(t)}' in policy expressions (no constructor available).`);
        const cands = ctors.map((m2) => ({ m: m2, owner: t }));
        let obj = this.resolveInvocation(cands, null, e.args ?? [], void 0, e.type.pos, ".ctor", false);
        obj = { type: t, code: obj.code, pos: e.pos };
        if (!e.init) return obj;
        return initializer(this, obj, e.init, e.pos);
      }
      /** Binds `recv.Add(args)` for collection initializers. */
      bindAdd(recvType, recvCode, args, pos) {
        const fake = { type: recvType, code: recvCode, pos, pure: true };
        const inst = this.findMembers(recvType, "Add", ["method"]).filter((c2) => !c2.m.isStatic);
        if (!inst.length) this.err(Codes.CSharpUnknownMember, pos, `'${typeName(recvType)}' does not contain a definition for 'Add' (needed by the collection initializer).`);
        const argList = args.map((a) => ({ pos: a.pos, kind: "val", expr: a }));
        return this.resolveInvocation(inst, fake, argList, void 0, pos, "Add", false).code;
      }
      /** Binds `recv[index] = value` for object initializers. */
      bindIndexSet(recvType, recvCode, index, value, pos) {
        const fake = { type: recvType, code: recvCode, pos, pure: true };
        const cands = this.findMembers(recvType, "this[]", ["indexer"]);
        if (!cands.length) this.err(Codes.CSharpUnknownMember, pos, `Cannot apply indexing with [] to an expression of type '${typeName(recvType)}'.`);
        const target = this.resolveInvocation(cands, fake, index, void 0, pos, "this[]", false);
        if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, "The indexer is read only.");
        const v = this.convert(this.expr(value), target.type, value.pos);
        return target.assign(v.code, () => this.temp());
      }
      bindMemberSet(recvType, recvCode, name, value, pos) {
        const fake = { type: recvType, code: recvCode, pos, pure: true };
        const target = this.instanceMember(fake, name, pos, pos);
        if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, `Property '${name}' cannot be assigned to; it is read only.`);
        const v = this.convert(this.expr(value), target.type, value.pos);
        return target.assign(v.code, () => this.temp());
      }
      newArray(e) {
        let elem;
        const items = e.init?.map((x) => this.expr(x));
        if (e.elem) elem = this.resolveType(e.elem);
        else {
          if (!items || !items.length) this.err(Codes.CSharpTypeMismatch, e.pos, "No best type found for implicitly-typed array.");
          elem = commonType(this, items.map((i) => i.type), e.pos);
        }
        const t = arrayOf(elem);
        if (e.sizes.length) {
          const size = this.convert(this.expr(e.sizes[0]), named("int"), e.sizes[0].pos);
          if (items) {
            if (size.cv === void 0 || size.cv.v !== items.length) this.err(Codes.CSharpTypeMismatch, e.pos, "An array initializer of the given length is expected.");
          } else return { type: t, code: js`${rt("newArray")}(${size.code}, ${defaultValue(elem)}, ${isNamed(elem, "byte")})`, pos: e.pos };
        }
        const codes = items.map((b2, i) => this.convert(b2, elem, e.init[i].pos).code);
        if (isNamed(elem, "byte")) return { type: t, code: js`Uint8Array.of(${joinCodes(codes)})`, pos: e.pos };
        return { type: t, code: js`[${joinCodes(codes)}]`, pos: e.pos };
      }
      // ---- interpolated strings ----------------------------------------------------------------------
      interp(parts, pos) {
        const pieces = [];
        let allConst = true;
        let constText = "";
        for (const p3 of parts) {
          if (typeof p3 === "string") {
            pieces.push(literal(p3));
            constText += p3;
            continue;
          }
          const b2 = this.expr(p3.expr);
          let align2;
          if (p3.align) {
            align2 = this.convert(this.expr(p3.align), named("int"), p3.align.pos);
            if (align2.cv === void 0) this.err(Codes.CSharpTypeMismatch, p3.align.pos, "The alignment of an interpolation must be a constant.");
          }
          if (b2.cv !== void 0 && !p3.format && !align2 && (typeof b2.cv.v === "string" || b2.cv.v === null)) {
            pieces.push(literal(b2.cv.v ?? ""));
            constText += b2.cv.v ?? "";
            continue;
          }
          allConst = false;
          let s2 = p3.format !== void 0 ? formatted(this, b2, p3.format) : stringOf(this, b2);
          if (align2) s2 = js`${rt("align")}(${s2}, ${align2.cv.v})`;
          pieces.push(s2);
        }
        if (allConst) return { type: named("string"), code: literal(constText), pos, cv: { v: constText } };
        if (pieces.length === 0) return { type: named("string"), code: js`""`, pos, cv: { v: "" } };
        let code = pieces[0];
        if (pieces.length === 1) code = js`("" + ${code})`;
        else for (let i = 1; i < pieces.length; i++) code = js`${code} + ${pieces[i]}`;
        return { type: named("string"), code: js`(${code})`, pos };
      }
      // ---- statements ----------------------------------------------------------------------------------
      /** Binds a list of statements in a new scope; returns the JS statements. */
      block(stmts, newScope = true) {
        if (newScope) this.pushScope();
        let out = js``;
        for (const s2 of stmts) out = js`${out}${this.stmt(s2)}`;
        if (newScope) this.popScope();
        return out;
      }
      setReturnType(t) {
        this.returnTypes.push(t);
        this.returnSeen.push([]);
      }
      stmt(s2) {
        switch (s2.k) {
          case "block":
            return js`{ ${this.block(s2.stmts)} } `;
          case "empty":
            return js``;
          case "expr": {
            const e = s2.expr;
            if (!["call", "assign", "postfix", "new"].includes(e.k) && !(e.k === "unary" && (e.op === "++" || e.op === "--")))
              this.err(Codes.CSharpSyntax, s2.pos, "Only assignment, call, increment, decrement, and new object expressions can be used as a statement.");
            const b2 = this.expr(e);
            return js`${b2.code}; `;
          }
          case "local":
            return localDecl(this, s2);
          case "if": {
            const test = this.convert(this.expr(s2.test), named("bool"), s2.test.pos);
            const then = this.embedded(s2.then);
            const els = s2.else ? js` else ${this.embedded(s2.else)}` : js``;
            return js`if (${test.code}) ${then}${els} `;
          }
          case "while": {
            const test = this.convert(this.expr(s2.test), named("bool"), s2.test.pos);
            this.loopDepth++;
            const body = this.embedded(s2.body);
            this.loopDepth--;
            return js`while (${test.code}) ${body} `;
          }
          case "do": {
            this.loopDepth++;
            const body = this.embedded(s2.body);
            this.loopDepth--;
            const test = this.convert(this.expr(s2.test), named("bool"), s2.test.pos);
            return js`do ${body} while (${test.code}); `;
          }
          case "for": {
            this.pushScope();
            const init = s2.init ? s2.init.k === "local" ? localDecl(this, s2.init, true) : js`${this.forInitExprs(s2.init)}` : js``;
            const test = s2.test ? this.convert(this.expr(s2.test), named("bool"), s2.test.pos).code : js``;
            const upd = joinCodes(s2.update.map((u) => this.expr(u).code));
            this.loopDepth++;
            const body = this.embedded(s2.body);
            this.loopDepth--;
            this.popScope();
            return js`for (${init}; ${test}; ${upd}) ${body} `;
          }
          case "foreach":
            return foreachStmt(this, s2);
          case "switch":
            return switchStmt(this, s2);
          case "try":
            return tryStmt(this, s2);
          case "throw": {
            if (!s2.expr) {
              if (!this.catchVar) this.err(Codes.CSharpSyntax, s2.pos, "A throw statement with no arguments is not allowed outside of a catch clause.");
              return js`throw ${this.catchVar}; `;
            }
            const ex = this.expr(s2.expr);
            if (!isExceptionType(ex.type) && ex.type.k !== "null")
              this.err(Codes.CSharpTypeMismatch, s2.expr.pos, `The type caught or thrown must be derived from System.Exception ('${typeName(ex.type)}').`);
            return js`throw ${rt("throwable")}(${ex.code}); `;
          }
          case "return": {
            const want = this.returnTypes[this.returnTypes.length - 1];
            if (!s2.expr) {
              if (want) this.err(Codes.CSharpMissingReturn, s2.pos, "An object of a type convertible to the expected type is required after 'return'.");
              return js`return; `;
            }
            const b2 = this.expr(s2.expr);
            this.returnSeen[this.returnSeen.length - 1]?.push(b2.type);
            if (want === void 0) this.err(Codes.CSharpSyntax, s2.pos, "'return' is not valid here.");
            const code = typeof want === "function" ? want(b2, s2.expr.pos).code : want ? this.convert(b2, want, s2.expr.pos).code : b2.code;
            return js`return ${code}; `;
          }
          case "break":
            if (this.loopDepth === 0 && this.switchDepth === 0) this.err(Codes.CSharpSyntax, s2.pos, "No enclosing loop out of which to break.");
            return js`break; `;
          case "continue":
            if (this.loopDepth === 0) this.err(Codes.CSharpSyntax, s2.pos, "No enclosing loop out of which to continue.");
            return js`continue; `;
        }
      }
      forInitExprs(s2) {
        if (s2.k === "expr") return this.expr(s2.expr).code;
        if (s2.k === "block") return joinCodes(s2.stmts.map((x) => this.forInitExprs(x)));
        return js``;
      }
      embedded(s2) {
        if (s2.k === "local") this.err(Codes.CSharpSyntax, s2.pos, "Embedded statement cannot be a declaration.");
        if (s2.k === "block") return js`{ ${this.block(s2.stmts)} }`;
        this.pushScope();
        const c2 = this.stmt(s2);
        this.popScope();
        return js`{ ${c2}}`;
      }
      withCatchVar(v, f) {
        const saved = this.catchVar;
        this.catchVar = v;
        try {
          return f();
        } finally {
          this.catchVar = saved;
        }
      }
      enterSwitch() {
        this.switchDepth++;
      }
      leaveSwitch() {
        this.switchDepth--;
      }
      enterLoop() {
        this.loopDepth++;
      }
      leaveLoop() {
        this.loopDepth--;
      }
      lookupLocalPublic(name) {
        return this.lookupLocal(name);
      }
      isValueTypeT(t) {
        return isValueType(t);
      }
      isRef(t) {
        return isReferenceType(t);
      }
      isNum(t) {
        return isNumeric(t);
      }
      prim(t) {
        return primName(t);
      }
      derives(a, b2) {
        return derivesFrom(a, b2);
      }
      get nullType() {
        return NULL;
      }
    };
  }
});

// compiler/csharp/surface/system.ts
function tryParse(call3, out, x, def) {
  const t = x.temp();
  return js`((${t} = ${call3}) !== undefined ? (${out} = ${t}, true) : (${out} = ${def}, false))`;
}
function setDefaultOfCode(f) {
  defaultOfCode = f;
}
var toStr, NUMS, defaultOfCode, math;
var init_system = __esm({
  "compiler/csharp/surface/system.ts"() {
    init_code();
    init_dsl();
    toStr = (r) => js`${rt("toStr")}(${r})`;
    type("System", "object", { test: () => js`true` }, [
      M("string ToString()", (r) => toStr(r)),
      M("bool Equals(object obj)", (r, a) => js`${rt("objEquals")}(${r}, ${a[0]})`),
      SM("bool Equals(object a, object b)", (_r, a) => js`${rt("objEquals")}(${a[0]}, ${a[1]})`),
      SM("bool ReferenceEquals(object a, object b)", (_r, a) => js`(${a[0]} === ${a[1]})`),
      M("int GetHashCode()", (r) => js`${rt("hashCode")}(${r})`)
    ]);
    type("System", "ValueType", {}, []);
    type("System", "bool", { valueType: true, test: (v) => js`(typeof ${v} === "boolean")` }, [
      M("string ToString()", (r) => js`(${r} ? "True" : "False")`),
      M("bool Equals(bool obj)", (r, a) => js`(${r} === ${a[0]})`),
      M("int CompareTo(bool value)", (r, a) => js`((${r} ? 1 : 0) - (${a[0]} ? 1 : 0))`),
      SM("bool Parse(string value)", (_r, a) => js`${rt("parseBool")}(${a[0]})`),
      SM("bool TryParse(string value, out bool result)", (_r, a, x) => tryParse(js`${rt("tryParseBool")}(${a[0]})`, a[1], x, js`false`)),
      K("string TrueString", "True", () => js`"True"`),
      K("string FalseString", "False", () => js`"False"`)
    ]);
    type("System", "char", { valueType: true, test: (v) => js`(typeof ${v} === "string" && ${v}.length === 1)` }, [
      M("string ToString()", (r) => js`String.fromCharCode(${r})`),
      M("bool Equals(char obj)", (r, a) => js`(${r} === ${a[0]})`),
      M("int CompareTo(char value)", (r, a) => js`(${r} - ${a[0]})`),
      SM("bool IsDigit(char c)", (_r, a) => js`${rt("charIs")}("digit", ${a[0]})`),
      SM("bool IsLetter(char c)", (_r, a) => js`${rt("charIs")}("letter", ${a[0]})`),
      SM("bool IsLetterOrDigit(char c)", (_r, a) => js`${rt("charIs")}("letterOrDigit", ${a[0]})`),
      SM("bool IsWhiteSpace(char c)", (_r, a) => js`${rt("charIs")}("space", ${a[0]})`),
      SM("bool IsUpper(char c)", (_r, a) => js`${rt("charIs")}("upper", ${a[0]})`),
      SM("bool IsLower(char c)", (_r, a) => js`${rt("charIs")}("lower", ${a[0]})`),
      SM("bool IsPunctuation(char c)", (_r, a) => js`${rt("charIs")}("punct", ${a[0]})`),
      SM("bool IsControl(char c)", (_r, a) => js`(${a[0]} < 32 || (${a[0]} >= 127 && ${a[0]} < 160))`),
      SM("char ToUpper(char c)", (_r, a) => js`String.fromCharCode(${a[0]}).toUpperCase().charCodeAt(0)`),
      SM("char ToLower(char c)", (_r, a) => js`String.fromCharCode(${a[0]}).toLowerCase().charCodeAt(0)`),
      SM("char ToUpperInvariant(char c)", (_r, a) => js`String.fromCharCode(${a[0]}).toUpperCase().charCodeAt(0)`),
      SM("char ToLowerInvariant(char c)", (_r, a) => js`String.fromCharCode(${a[0]}).toLowerCase().charCodeAt(0)`),
      SM("string ToString(char c)", (_r, a) => js`String.fromCharCode(${a[0]})`),
      SM("char Parse(string s)", (_r, a) => js`${rt("parseChar")}(${a[0]})`),
      SM("bool IsDigit(string s, int index)", (_r, a) => js`${rt("charIs")}("digit", ${rt("strCharAt")}(${a[0]}, ${a[1]}))`),
      SM("bool IsLetter(string s, int index)", (_r, a) => js`${rt("charIs")}("letter", ${rt("strCharAt")}(${a[0]}, ${a[1]}))`),
      K("char MaxValue", 65535, () => js`65535`),
      K("char MinValue", 0, () => js`0`)
    ]);
    NUMS = [
      { name: "sbyte", min: -128, max: 127, integral: true },
      { name: "byte", min: 0, max: 255, integral: true },
      { name: "short", min: -32768, max: 32767, integral: true },
      { name: "ushort", min: 0, max: 65535, integral: true },
      { name: "int", min: -2147483648, max: 2147483647, integral: true },
      { name: "uint", min: 0, max: 4294967295, integral: true },
      { name: "long", min: -9223372036854776e3, max: 9223372036854776e3, integral: true },
      { name: "ulong", min: 0, max: 18446744073709552e3, integral: true },
      { name: "float", min: -34028234663852886e22, max: 34028234663852886e22, integral: false },
      { name: "double", min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integral: false },
      { name: "decimal", min: -7922816251426434e13, max: 7922816251426434e13, integral: false }
    ];
    for (const n of NUMS) {
      const T = n.name;
      const members = [
        M(`string ToString()`, (r) => js`${rt("numToString")}(${r}, ${T})`),
        M(`string ToString(string format)`, (r, a) => js`${rt("numFormat")}(${r}, ${a[0]}, ${T})`),
        M(`string ToString(IFormatProvider provider)`, (r) => js`${rt("numToString")}(${r}, ${T})`),
        M(`string ToString(string format, IFormatProvider provider)`, (r, a) => js`${rt("numFormat")}(${r}, ${a[0]}, ${T})`),
        M(`bool Equals(${T} obj)`, (r, a) => js`(${r} === ${a[0]})`),
        M(`bool Equals(object obj)`, (r, a) => js`(${r} === ${a[0]})`),
        M(`int CompareTo(${T} value)`, (r, a) => js`${rt("compare")}(${r}, ${a[0]})`),
        M(`int GetHashCode()`, (r) => js`${rt("hashCode")}(${r})`),
        SM(`${T} Parse(string s)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T})`),
        SM(`${T} Parse(string s, IFormatProvider provider)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T})`),
        SM(`${T} Parse(string s, NumberStyles style)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T}, ${a[1]})`),
        SM(`${T} Parse(string s, NumberStyles style, IFormatProvider provider)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T}, ${a[1]})`),
        SM(`bool TryParse(string s, out ${T} result)`, (_r, a, x) => tryParse(js`${rt("tryParseNum")}(${a[0]}, ${T})`, a[1], x, js`0`)),
        SM(
          `bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ${T} result)`,
          (_r, a, x) => tryParse(js`${rt("tryParseNum")}(${a[0]}, ${T}, ${a[1]})`, a[3], x, js`0`)
        ),
        K(`${T} MaxValue`, n.max, () => js`${n.max}`),
        K(`${T} MinValue`, n.min, () => js`${n.min}`)
      ];
      if (T === "double" || T === "float") {
        members.push(
          SM(`bool IsNaN(${T} d)`, (_r, a) => js`Number.isNaN(${a[0]})`),
          SM(`bool IsInfinity(${T} d)`, (_r, a) => js`(${a[0]} === Infinity || ${a[0]} === -Infinity)`),
          SM(`bool IsPositiveInfinity(${T} d)`, (_r, a) => js`(${a[0]} === Infinity)`),
          SM(`bool IsNegativeInfinity(${T} d)`, (_r, a) => js`(${a[0]} === -Infinity)`),
          K(`${T} NaN`, NaN, () => js`NaN`),
          K(`${T} PositiveInfinity`, Infinity, () => js`Infinity`),
          K(`${T} NegativeInfinity`, -Infinity, () => js`(-Infinity)`),
          K(`${T} Epsilon`, T === "double" ? 5e-324 : 1401298464324817e-60, () => js`${T === "double" ? 5e-324 : 1401298464324817e-60}`)
        );
      }
      if (T === "decimal") {
        members.push(
          SM("decimal Round(decimal d)", (_r, a) => js`${rt("mathRound")}(${a[0]}, 0, 0)`),
          SM("decimal Round(decimal d, int decimals)", (_r, a) => js`${rt("mathRound")}(${a[0]}, ${a[1]}, 0)`),
          SM("decimal Floor(decimal d)", (_r, a) => js`Math.floor(${a[0]})`),
          SM("decimal Ceiling(decimal d)", (_r, a) => js`Math.ceil(${a[0]})`),
          SM("decimal Truncate(decimal d)", (_r, a) => js`Math.trunc(${a[0]})`),
          SM("decimal Add(decimal a, decimal b)", (_r, a) => js`(${a[0]} + ${a[1]})`),
          C("(int value)", (_r, a) => a[0]),
          C("(double value)", (_r, a) => a[0]),
          C("(long value)", (_r, a) => a[0]),
          K("decimal Zero", 0, () => js`0`),
          K("decimal One", 1, () => js`1`)
        );
      }
      const test = T === "double" || T === "float" || T === "decimal" ? (v) => js`(typeof ${v} === "number")` : (v) => js`(typeof ${v} === "number" && Number.isInteger(${v}))`;
      type("System", T, { valueType: true, test }, members);
    }
    type("System", "Nullable", { typeParams: ["T"], valueType: true }, [
      P("bool HasValue", (r) => js`(${r} != null)`),
      P("T Value", (r) => js`${rt("nullableValue")}(${r})`),
      M("T GetValueOrDefault()", (r, _a, x) => js`(${r} ?? ${defaultOfCode(x)})`),
      M("T GetValueOrDefault(T defaultValue)", (r, a) => js`(${r} ?? ${a[0]})`),
      M("string ToString()", (r) => js`${rt("toStr")}(${r})`)
    ]);
    defaultOfCode = () => js`null`;
    type("System", "IFormatProvider", { isInterface: true }, []);
    type("System.Globalization", "CultureInfo", { interfaces: ["IFormatProvider"] }, [
      SP("CultureInfo InvariantCulture", () => js`null`),
      SP("CultureInfo CurrentCulture", () => js`null`),
      SM("CultureInfo GetCultureInfo(string name)", () => js`null`)
    ]);
    type("System.Globalization", "NumberStyles", { valueType: true }, [
      K("NumberStyles None", 0, () => js`0`),
      K("NumberStyles Integer", 7, () => js`7`),
      K("NumberStyles HexNumber", 515, () => js`515`),
      K("NumberStyles AllowHexSpecifier", 512, () => js`512`),
      K("NumberStyles Number", 111, () => js`111`),
      K("NumberStyles Float", 167, () => js`167`),
      K("NumberStyles Any", 511, () => js`511`),
      K("NumberStyles AllowDecimalPoint", 32, () => js`32`),
      K("NumberStyles AllowThousands", 64, () => js`64`)
    ]);
    math = (name, sigs, f) => sigs.map((s2) => SM(s2.replace("$", name), (_r, a) => f(a)));
    type("System", "Math", { isStatic: true }, [
      ...math("Abs", ["int $(int value)", "long $(long value)", "double $(double value)", "decimal $(decimal value)", "float $(float value)"], (a) => js`Math.abs(${a[0]})`),
      ...math("Max", ["int $(int a, int b)", "long $(long a, long b)", "double $(double a, double b)", "decimal $(decimal a, decimal b)"], (a) => js`Math.max(${a[0]}, ${a[1]})`),
      ...math("Min", ["int $(int a, int b)", "long $(long a, long b)", "double $(double a, double b)", "decimal $(decimal a, decimal b)"], (a) => js`Math.min(${a[0]}, ${a[1]})`),
      ...math("Floor", ["double $(double d)", "decimal $(decimal d)"], (a) => js`Math.floor(${a[0]})`),
      ...math("Ceiling", ["double $(double a)", "decimal $(decimal d)"], (a) => js`Math.ceil(${a[0]})`),
      ...math("Truncate", ["double $(double d)", "decimal $(decimal d)"], (a) => js`Math.trunc(${a[0]})`),
      ...math("Round", ["double $(double a)", "decimal $(decimal d)"], (a) => js`${rt("mathRound")}(${a[0]}, 0, 0)`),
      ...math("Round", ["double $(double a, int digits)", "decimal $(decimal d, int decimals)"], (a) => js`${rt("mathRound")}(${a[0]}, ${a[1]}, 0)`),
      ...math("Round", ["double $(double a, MidpointRounding mode)", "decimal $(decimal d, MidpointRounding mode)"], (a) => js`${rt("mathRound")}(${a[0]}, 0, ${a[1]})`),
      ...math("Round", ["double $(double a, int digits, MidpointRounding mode)", "decimal $(decimal d, int decimals, MidpointRounding mode)"], (a) => js`${rt("mathRound")}(${a[0]}, ${a[1]}, ${a[2]})`),
      ...math("Pow", ["double $(double x, double y)"], (a) => js`Math.pow(${a[0]}, ${a[1]})`),
      ...math("Sqrt", ["double $(double d)"], (a) => js`Math.sqrt(${a[0]})`),
      ...math("Log", ["double $(double d)"], (a) => js`Math.log(${a[0]})`),
      ...math("Log10", ["double $(double d)"], (a) => js`Math.log10(${a[0]})`),
      ...math("Log", ["double $(double a, double newBase)"], (a) => js`(Math.log(${a[0]}) / Math.log(${a[1]}))`),
      ...math("Exp", ["double $(double d)"], (a) => js`Math.exp(${a[0]})`),
      ...math("Sign", ["int $(int value)", "int $(long value)", "int $(double value)", "int $(decimal value)"], (a) => js`${rt("mathSign")}(${a[0]})`),
      ...math("Sin", ["double $(double a)"], (a) => js`Math.sin(${a[0]})`),
      ...math("Cos", ["double $(double a)"], (a) => js`Math.cos(${a[0]})`),
      ...math("Tan", ["double $(double a)"], (a) => js`Math.tan(${a[0]})`),
      ...math("Atan", ["double $(double a)"], (a) => js`Math.atan(${a[0]})`),
      ...math("Atan2", ["double $(double y, double x)"], (a) => js`Math.atan2(${a[0]}, ${a[1]})`),
      K("double PI", Math.PI, () => js`Math.PI`),
      K("double E", Math.E, () => js`Math.E`)
    ]);
    type("System", "MidpointRounding", { valueType: true }, [
      K("MidpointRounding ToEven", 0, () => js`0`),
      K("MidpointRounding AwayFromZero", 1, () => js`1`)
    ]);
    type("System", "Random", {}, [
      C("()", () => js`${rt("newRandom")}()`),
      C("(int seed)", () => js`${rt("newRandom")}()`),
      M("int Next()", (r) => js`${r}.Next()`),
      M("int Next(int maxValue)", (r, a) => js`${r}.Next(0, ${a[0]})`),
      M("int Next(int minValue, int maxValue)", (r, a) => js`${r}.Next(${a[0]}, ${a[1]})`),
      M("double NextDouble()", (r) => js`${r}.NextDouble()`),
      M("void NextBytes(byte[] buffer)", (r, a) => js`${r}.NextBytes(${a[0]})`)
    ]);
    type("System", "Exception", { test: (v) => js`(${v} instanceof ${rt("DotNetException")})` }, [
      C("()", () => js`${rt("newException")}("System.Exception", "Exception of type 'System.Exception' was thrown.")`),
      C("(string message)", (_r, a) => js`${rt("newException")}("System.Exception", ${a[0]})`),
      C("(string message, Exception innerException)", (_r, a) => js`${rt("newException")}("System.Exception", ${a[0]}, ${a[1]})`),
      P("string Message", (r) => js`${r}.message`),
      P("Exception InnerException", (r) => js`(${r}.inner ?? null)`),
      P("string StackTrace", () => js`null`),
      P("string Source", () => js`null`),
      M("string ToString()", (r) => js`${r}.toString()`)
    ]);
    for (const [name, full] of [
      ["ArgumentException", "System.ArgumentException"],
      ["ArgumentNullException", "System.ArgumentNullException"],
      ["ArgumentOutOfRangeException", "System.ArgumentOutOfRangeException"],
      ["InvalidOperationException", "System.InvalidOperationException"],
      ["FormatException", "System.FormatException"],
      ["NullReferenceException", "System.NullReferenceException"],
      ["InvalidCastException", "System.InvalidCastException"],
      ["NotSupportedException", "System.NotSupportedException"],
      ["NotImplementedException", "System.NotImplementedException"],
      ["OverflowException", "System.OverflowException"],
      ["DivideByZeroException", "System.DivideByZeroException"],
      ["IndexOutOfRangeException", "System.IndexOutOfRangeException"],
      ["KeyNotFoundException", "System.Collections.Generic.KeyNotFoundException"],
      ["JsonReaderException", "Newtonsoft.Json.JsonReaderException"],
      ["JsonException", "Newtonsoft.Json.JsonException"]
    ]) {
      const ns = full.slice(0, full.lastIndexOf("."));
      type(ns, name, { base: "Exception", test: (v) => js`${rt("isException")}(${v}, ${full})` }, [
        C("()", () => js`${rt("newException")}(${full}, ${`Exception of type '${full}' was thrown.`})`),
        C("(string message)", (_r, a) => js`${rt("newException")}(${full}, ${a[0]})`),
        C("(string message, Exception innerException)", (_r, a) => js`${rt("newException")}(${full}, ${a[0]}, ${a[1]})`)
      ]);
    }
    type("System", "Type", {}, [P("string Name", (r) => js`${r}.Name`), P("string FullName", (r) => js`${r}.FullName`), M("string ToString()", (r) => js`${r}.FullName`)]);
  }
});

// compiler/csharp/surface/string.ts
function joinArgs(a) {
  let out = js``;
  a.forEach((c2, i) => out = i ? js`${out}, ${c2}` : c2);
  return out;
}
var h, s;
var init_string = __esm({
  "compiler/csharp/surface/string.ts"() {
    init_code();
    init_dsl();
    h = (name) => (r, a) => js`${rt(name)}(${r}${a.length ? js`, ` : js``}${joinArgs(a)})`;
    s = (name) => (_r, a) => js`${rt(name)}(${joinArgs(a)})`;
    type("System", "string", { interfaces: ["IEnumerable<char>", "IComparable"], test: (v) => js`(typeof ${v} === "string")` }, [
      P("int Length", (r) => js`${r}.length`),
      I("char this[int index]", h("strCharAt")),
      C("(char c, int count)", (_r, a) => js`String.fromCharCode(${a[0]}).repeat(${rt("nonNeg")}(${a[1]}, "count"))`),
      C("(char[] value)", (_r, a) => js`${rt("charsToString")}(${a[0]})`),
      C("(char[] value, int startIndex, int length)", (_r, a) => js`${rt("charsToString")}(${a[0]}.slice(${a[1]}, ${a[1]} + ${a[2]}))`),
      M("string[] Split(params char[] separator)", h("strSplit")),
      M("string[] Split(char[] separator, int count)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, 0, ${a[1]})`),
      M("string[] Split(char[] separator, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[1]})`),
      M("string[] Split(char[] separator, int count, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[2]}, ${a[1]})`),
      M("string[] Split(string[] separator, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[1]})`),
      M("string[] Split(string[] separator, int count, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[2]}, ${a[1]})`),
      M("string[] Split(char separator, StringSplitOptions options = 0)", (r, a) => js`${rt("strSplit")}(${r}, [${a[0]}], ${a[1]})`),
      M("string[] Split(string separator, StringSplitOptions options = 0)", (r, a) => js`${rt("strSplit")}(${r}, [${a[0]}], ${a[1]})`),
      M("string Substring(int startIndex)", h("strSubstring")),
      M("string Substring(int startIndex, int length)", h("strSubstring")),
      M("int IndexOf(char value)", (r, a) => js`${r}.indexOf(String.fromCharCode(${a[0]}))`),
      M("int IndexOf(char value, int startIndex)", (r, a) => js`${rt("strIndexOf")}(${r}, String.fromCharCode(${a[0]}), ${a[1]})`),
      M("int IndexOf(string value)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, 0, 0)`),
      M("int IndexOf(string value, int startIndex)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, ${a[1]}, 0)`),
      M("int IndexOf(string value, StringComparison comparisonType)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, 0, ${a[1]})`),
      M("int IndexOf(string value, int startIndex, StringComparison comparisonType)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
      M("int IndexOfAny(char[] anyOf)", h("strIndexOfAny")),
      M("int LastIndexOf(char value)", (r, a) => js`${r}.lastIndexOf(String.fromCharCode(${a[0]}))`),
      M("int LastIndexOf(string value)", (r, a) => js`${rt("strLastIndexOf")}(${r}, ${a[0]}, 0)`),
      M("int LastIndexOf(string value, StringComparison comparisonType)", (r, a) => js`${rt("strLastIndexOf")}(${r}, ${a[0]}, ${a[1]})`),
      M("bool Contains(string value)", (r, a) => js`${r}.includes(${rt("notNull")}(${a[0]}, "value"))`),
      M("bool Contains(char value)", (r, a) => js`${r}.includes(String.fromCharCode(${a[0]}))`),
      M("bool StartsWith(string value)", (r, a) => js`${rt("strStartsWith")}(${r}, ${a[0]}, 0)`),
      M("bool StartsWith(string value, StringComparison comparisonType)", (r, a) => js`${rt("strStartsWith")}(${r}, ${a[0]}, ${a[1]})`),
      M("bool StartsWith(char value)", (r, a) => js`${r}.startsWith(String.fromCharCode(${a[0]}))`),
      M("bool EndsWith(string value)", (r, a) => js`${rt("strEndsWith")}(${r}, ${a[0]}, 0)`),
      M("bool EndsWith(string value, StringComparison comparisonType)", (r, a) => js`${rt("strEndsWith")}(${r}, ${a[0]}, ${a[1]})`),
      M("bool EndsWith(char value)", (r, a) => js`${r}.endsWith(String.fromCharCode(${a[0]}))`),
      M("string ToUpper()", (r) => js`${r}.toUpperCase()`),
      M("string ToLower()", (r) => js`${r}.toLowerCase()`),
      M("string ToUpper(CultureInfo culture)", (r) => js`${r}.toUpperCase()`),
      M("string ToLower(CultureInfo culture)", (r) => js`${r}.toLowerCase()`),
      M("string ToUpperInvariant()", (r) => js`${r}.toUpperCase()`),
      M("string ToLowerInvariant()", (r) => js`${r}.toLowerCase()`),
      M("string Trim()", (r) => js`${rt("strTrim")}(${r}, null, 3)`),
      M("string Trim(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 3)`),
      M("string TrimStart(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 1)`),
      M("string TrimEnd(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 2)`),
      M("string Replace(string oldValue, string newValue)", h("strReplace")),
      M("string Replace(char oldChar, char newChar)", (r, a) => js`${r}.split(String.fromCharCode(${a[0]})).join(String.fromCharCode(${a[1]}))`),
      M("string PadLeft(int totalWidth)", (r, a) => js`${r}.padStart(${a[0]})`),
      M("string PadLeft(int totalWidth, char paddingChar)", (r, a) => js`${r}.padStart(${a[0]}, String.fromCharCode(${a[1]}))`),
      M("string PadRight(int totalWidth)", (r, a) => js`${r}.padEnd(${a[0]})`),
      M("string PadRight(int totalWidth, char paddingChar)", (r, a) => js`${r}.padEnd(${a[0]}, String.fromCharCode(${a[1]}))`),
      M("string Insert(int startIndex, string value)", h("strInsert")),
      M("string Remove(int startIndex)", h("strRemove")),
      M("string Remove(int startIndex, int count)", h("strRemove")),
      M("bool Equals(string value)", (r, a) => js`(${r} === ${a[0]})`),
      M("bool Equals(object obj)", (r, a) => js`(${r} === ${a[0]})`),
      M("bool Equals(string value, StringComparison comparisonType)", (r, a) => js`${rt("strEquals")}(${r}, ${a[0]}, ${a[1]})`),
      M("int CompareTo(string strB)", (r, a) => js`${rt("strCompare")}(${r}, ${a[0]}, 0)`),
      M("string ToString()", (r) => r),
      M("char[] ToCharArray()", (r) => js`${rt("toCharArray")}(${r})`),
      M("int GetHashCode()", (r) => js`${rt("hashCode")}(${r})`),
      M("string Normalize()", (r) => js`${r}.normalize()`),
      SP("string Empty", () => js`""`),
      SM("bool IsNullOrEmpty(string value)", (_r, a) => js`${rt("isNullOrEmpty")}(${a[0]})`),
      SM("bool IsNullOrWhiteSpace(string value)", (_r, a) => js`${rt("isNullOrWhiteSpace")}(${a[0]})`),
      SM("string Join(string separator, params string[] value)", s("strJoin")),
      SM("string Join(string separator, params object[] values)", s("strJoin")),
      SM("string Join(string separator, IEnumerable<string> values)", s("strJoin")),
      SM("string Join<T>(string separator, IEnumerable<T> values)", s("strJoin")),
      SM("string Join(char separator, params string[] value)", (_r, a) => js`${rt("strJoin")}(String.fromCharCode(${a[0]}), ${a[1]})`),
      SM("string Concat(params string[] values)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
      SM("string Concat(params object[] args)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
      SM("string Concat(IEnumerable<string> values)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
      SM("string Concat<T>(IEnumerable<T> values)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
      SM("string Format(string format, object arg0)", (_r, a) => js`${rt("strFormat")}(${a[0]}, [${a[1]}])`),
      SM("string Format(string format, object arg0, object arg1)", (_r, a) => js`${rt("strFormat")}(${a[0]}, [${a[1]}, ${a[2]}])`),
      SM("string Format(string format, object arg0, object arg1, object arg2)", (_r, a) => js`${rt("strFormat")}(${a[0]}, [${a[1]}, ${a[2]}, ${a[3]}])`),
      SM("string Format(string format, params object[] args)", s("strFormat")),
      SM("string Format(IFormatProvider provider, string format, params object[] args)", (_r, a) => js`${rt("strFormat")}(${a[1]}, ${a[2]})`),
      SM("bool Equals(string a, string b)", (_r, a) => js`(${a[0]} === ${a[1]})`),
      SM("bool Equals(string a, string b, StringComparison comparisonType)", s("strEquals")),
      SM("int Compare(string strA, string strB)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, 0)`),
      SM("int Compare(string strA, string strB, bool ignoreCase)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, ${a[2]} ? 1 : 0)`),
      SM("int Compare(string strA, string strB, StringComparison comparisonType)", s("strCompare")),
      SM("int CompareOrdinal(string strA, string strB)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, 4)`)
    ]);
    type("System", "IComparable", { isInterface: true }, [M("int CompareTo(object obj)", (r, a) => js`${rt("compare")}(${r}, ${a[0]})`)]);
    type("System", "StringComparison", { valueType: true }, [
      K("StringComparison CurrentCulture", 0, () => js`0`),
      K("StringComparison CurrentCultureIgnoreCase", 1, () => js`1`),
      K("StringComparison InvariantCulture", 2, () => js`2`),
      K("StringComparison InvariantCultureIgnoreCase", 3, () => js`3`),
      K("StringComparison Ordinal", 4, () => js`4`),
      K("StringComparison OrdinalIgnoreCase", 5, () => js`5`)
    ]);
    type("System", "StringSplitOptions", { valueType: true }, [
      K("StringSplitOptions None", 0, () => js`0`),
      K("StringSplitOptions RemoveEmptyEntries", 1, () => js`1`)
    ]);
    type("System", "StringComparer", {}, [
      SP("StringComparer Ordinal", () => js`4`),
      SP("StringComparer OrdinalIgnoreCase", () => js`5`),
      SP("StringComparer InvariantCulture", () => js`2`),
      SP("StringComparer InvariantCultureIgnoreCase", () => js`3`),
      SP("StringComparer CurrentCulture", () => js`0`),
      SP("StringComparer CurrentCultureIgnoreCase", () => js`1`),
      M("bool Equals(string x, string y)", (r, a) => js`${rt("strEquals")}(${a[0]}, ${a[1]}, ${r})`),
      M("int Compare(string x, string y)", (r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, ${r})`)
    ]);
    type("System.Text", "StringBuilder", {}, [
      C("()", () => js`new ${rt("StringBuilder")}()`),
      C("(string value)", (_r, a) => js`new ${rt("StringBuilder")}(${a[0]})`),
      C("(int capacity)", () => js`new ${rt("StringBuilder")}()`),
      M("StringBuilder Append(string value)", (r, a) => js`${r}.Append(${a[0]})`),
      M("StringBuilder Append(char value)", (r, a) => js`${r}.Append(String.fromCharCode(${a[0]}))`),
      M("StringBuilder Append(object value)", (r, a) => js`${r}.Append(${rt("toStr")}(${a[0]}))`),
      M("StringBuilder AppendLine()", (r) => js`${r}.Append("\r\n")`),
      M("StringBuilder AppendLine(string value)", (r, a) => js`${r}.AppendLine(${a[0]})`),
      M("StringBuilder AppendFormat(string format, params object[] args)", (r, a) => js`${r}.Append(${rt("strFormat")}(${a[0]}, ${a[1]}))`),
      M("StringBuilder Insert(int index, string value)", (r, a) => js`${r}.Insert(${a[0]}, ${a[1]})`),
      M("StringBuilder Replace(string oldValue, string newValue)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
      M("StringBuilder Remove(int startIndex, int length)", (r, a) => js`${r}.Remove(${a[0]}, ${a[1]})`),
      M("StringBuilder Clear()", (r) => js`${r}.Clear()`),
      P("int Length", (r) => js`${r}.Length`),
      M("string ToString()", (r) => js`${r}.ToString()`)
    ]);
  }
});

// compiler/csharp/surface/collections.ts
var call, dictMembers;
var init_collections = __esm({
  "compiler/csharp/surface/collections.ts"() {
    init_code();
    init_dsl();
    init_system();
    call = (name) => (r, a) => js`${rt(name)}(${r}${a.map((x) => js`, ${x}`).reduce((p3, c2) => js`${p3}${c2}`, js``)})`;
    type("System.Collections.Generic", "IEnumerable", { typeParams: ["T"], isInterface: true, test: (v) => js`${rt("isEnumerable")}(${v})` }, [
      M("IEnumerator<T> GetEnumerator()", (r) => js`${rt("seq")}(${r})[Symbol.iterator]()`)
    ]);
    type("System.Collections.Generic", "IEnumerator", { typeParams: ["T"], isInterface: true }, []);
    type("System.Collections.Generic", "IReadOnlyCollection", { typeParams: ["T"], isInterface: true, interfaces: ["IEnumerable<T>"] }, [
      P("int Count", call("count"))
    ]);
    type("System.Collections.Generic", "ICollection", { typeParams: ["T"], isInterface: true, interfaces: ["IEnumerable<T>"] }, [
      P("int Count", call("count")),
      M("bool Contains(T item)", call("collContains")),
      M("void Add(T item)", call("collAdd")),
      M("bool Remove(T item)", call("collRemove")),
      M("void Clear()", call("collClear"))
    ]);
    type("System.Collections.Generic", "IReadOnlyList", { typeParams: ["T"], isInterface: true, interfaces: ["IReadOnlyCollection<T>"] }, [
      I("T this[int index]", call("listItem"))
    ]);
    type("System.Collections.Generic", "IList", { typeParams: ["T"], isInterface: true, interfaces: ["ICollection<T>"] }, [
      I("T this[int index]", call("listItem"), (r, a, v) => js`${rt("listSet")}(${r}, ${a[0]}, ${v})`),
      M("int IndexOf(T item)", call("listIndexOf")),
      M("void Insert(int index, T item)", call("listInsert")),
      M("void RemoveAt(int index)", call("listRemoveAt"))
    ]);
    type("System", "Array", { interfaces: [] }, [
      P("int Length", (r) => js`${r}.length`),
      P("long LongLength", (r) => js`${r}.length`),
      SM("int IndexOf<T>(T[] array, T value)", (_r, a) => js`${rt("listIndexOf")}(${a[0]}, ${a[1]})`),
      SM("bool Exists<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("linqAny")}(${a[0]}, ${a[1]})`),
      SM("T Find<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("linqFirstOrDefault")}(${a[0]}, ${a[1]})`),
      SM("void Reverse<T>(T[] array)", (_r, a) => js`${a[0]}.reverse()`),
      SM("void Sort<T>(T[] array)", (_r, a) => js`${rt("arraySort")}(${a[0]})`),
      SM("T[] Empty<T>()", () => js`[]`),
      SM("void Copy(Array sourceArray, Array destinationArray, int length)", (_r, a) => js`${rt("arrayCopy")}(${a[0]}, 0, ${a[1]}, 0, ${a[2]})`),
      SM(
        "void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)",
        (_r, a) => js`${rt("arrayCopy")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`
      ),
      SM("int IndexOf(Array array, object value)", (_r, a) => js`${rt("listIndexOf")}(${a[0]}, ${a[1]})`)
    ]);
    type(
      "System.Collections.Generic",
      "List",
      { typeParams: ["T"], interfaces: ["IList<T>", "IReadOnlyList<T>"], test: (v) => js`Array.isArray(${v})` },
      [
        C("()", () => js`[]`),
        C("(int capacity)", () => js`[]`),
        C("(IEnumerable<T> collection)", (_r, a) => js`${rt("toList")}(${a[0]})`),
        P("int Count", (r) => js`${r}.length`),
        I("T this[int index]", call("listItem"), (r, a, v) => js`${rt("listSet")}(${r}, ${a[0]}, ${v})`),
        M("void Add(T item)", (r, a) => js`${r}.push(${a[0]})`),
        M("void AddRange(IEnumerable<T> collection)", (r, a) => js`${r}.push(...${rt("seq")}(${a[0]}))`),
        M("bool Contains(T item)", call("collContains")),
        M("int IndexOf(T item)", call("listIndexOf")),
        M("void Insert(int index, T item)", call("listInsert")),
        M("bool Remove(T item)", call("collRemove")),
        M("void RemoveAt(int index)", call("listRemoveAt")),
        M("int RemoveAll(Func<T, bool> match)", call("listRemoveAll")),
        M("void Clear()", (r) => js`(${r}.length = 0, undefined)`),
        M("T[] ToArray()", (r) => js`${r}.slice()`),
        M("void Sort()", (r) => js`${rt("arraySort")}(${r})`),
        M("void Reverse()", (r) => js`${r}.reverse()`),
        M("bool Exists(Func<T, bool> match)", (r, a) => js`${rt("linqAny")}(${r}, ${a[0]})`),
        M("T Find(Func<T, bool> match)", (r, a) => js`${rt("linqFirstOrDefault")}(${r}, ${a[0]})`),
        M("List<T> FindAll(Func<T, bool> match)", (r, a) => js`${r}.filter((x) => ${a[0]}(x))`),
        M("void ForEach(Action<T> action)", (r, a) => js`${r}.forEach((x) => ${a[0]}(x))`)
      ]
    );
    type("System.Collections.Generic", "HashSet", { typeParams: ["T"], interfaces: ["ICollection<T>", "IReadOnlyCollection<T>"], test: (v) => js`(${v} instanceof Set)` }, [
      C("()", () => js`new Set()`),
      C("(IEnumerable<T> collection)", (_r, a) => js`new Set(${rt("seq")}(${a[0]}))`),
      P("int Count", (r) => js`${r}.size`),
      M("bool Add(T item)", (r, a) => js`${rt("setAdd")}(${r}, ${a[0]})`),
      M("bool Contains(T item)", (r, a) => js`${r}.has(${a[0]})`),
      M("bool Remove(T item)", (r, a) => js`${r}.delete(${a[0]})`)
    ]);
    type("System.Collections.Generic", "KeyValuePair", { typeParams: ["TKey", "TValue"], valueType: true }, [
      C("(TKey key, TValue value)", (_r, a) => js`{ Key: ${a[0]}, Value: ${a[1]} }`),
      P("TKey Key", (r) => js`${r}.Key`),
      P("TValue Value", (r) => js`${r}.Value`)
    ]);
    dictMembers = (readOnly) => [
      P("int Count", call("count")),
      P("IEnumerable<TKey> Keys", call("dictKeys")),
      P("IEnumerable<TValue> Values", call("dictValues")),
      I("TValue this[TKey key]", call("dictItem"), readOnly ? void 0 : (r, a, v) => js`${rt("dictSet")}(${r}, ${a[0]}, ${v})`),
      M("bool ContainsKey(TKey key)", call("dictContainsKey")),
      M("bool TryGetValue(TKey key, out TValue value)", (r, a, x) => tryParse(js`${rt("dictTryGet")}(${r}, ${a[0]})`, a[1], x, js`null`)),
      M("TValue GetValueOrDefault(TKey key)", (r, a) => js`${rt("dictGetOrDefault")}(${r}, ${a[0]}, null)`),
      M("TValue GetValueOrDefault(TKey key, TValue defaultValue)", call("dictGetOrDefault"))
    ];
    type(
      "System.Collections.Generic",
      "IReadOnlyDictionary",
      { typeParams: ["TKey", "TValue"], isInterface: true, interfaces: ["IReadOnlyCollection<KeyValuePair<TKey, TValue>>"] },
      dictMembers(true)
    );
    type(
      "System.Collections.Generic",
      "IDictionary",
      { typeParams: ["TKey", "TValue"], isInterface: true, interfaces: ["ICollection<KeyValuePair<TKey, TValue>>"] },
      [...dictMembers(false), M("void Add(TKey key, TValue value)", call("dictAdd")), M("bool Remove(TKey key)", call("dictRemove"))]
    );
    type(
      "System.Collections.Generic",
      "Dictionary",
      {
        typeParams: ["TKey", "TValue"],
        interfaces: ["IDictionary<TKey, TValue>", "IReadOnlyDictionary<TKey, TValue>"],
        test: (v) => js`(${v} instanceof ${rt("Dictionary")})`
      },
      [
        C("()", () => js`new ${rt("Dictionary")}()`),
        C("(StringComparer comparer)", (_r, a) => js`new ${rt("Dictionary")}(${a[0]})`),
        C("(IDictionary<TKey, TValue> dictionary)", (_r, a) => js`${rt("Dictionary")}.from(${a[0]})`),
        ...dictMembers(false),
        M("void Add(TKey key, TValue value)", call("dictAdd")),
        M("bool Remove(TKey key)", call("dictRemove")),
        M("void Clear()", (r) => js`${r}.clear()`),
        M("bool ContainsValue(TValue value)", call("dictContainsValue"))
      ]
    );
    type("System", "Func", { typeParams: ["TResult"] }, []);
    type("System", "Func", { typeParams: ["T", "TResult"] }, []);
    type("System", "Func", { typeParams: ["T1", "T2", "TResult"] }, []);
    type("System", "Func", { typeParams: ["T1", "T2", "T3", "TResult"] }, []);
    type("System", "Action", { typeParams: ["T"] }, []);
    type("System", "Action", { typeParams: ["T1", "T2"] }, []);
    type("System", "Tuple", { typeParams: ["T1", "T2"] }, [P("T1 Item1", (r) => js`${r}[0]`), P("T2 Item2", (r) => js`${r}[1]`)]);
  }
});

// compiler/csharp/surface/linq.ts
function setTypeTest(f) {
  typeTest2 = f;
}
var L, S, grouping, typeTest2;
var init_linq = __esm({
  "compiler/csharp/surface/linq.ts"() {
    init_code();
    init_dsl();
    init_dsl();
    init_types();
    L = (name) => (_r, a) => js`${rt(name)}(${a.map((x, i) => i ? js`, ${x}` : x).reduce((p3, c2) => js`${p3}${c2}`, js``)})`;
    S = "this IEnumerable<TSource> source";
    type("System.Linq", "Enumerable", { isStatic: true }, [
      SM(`TSource First<TSource>(${S})`, L("linqFirst")),
      SM(`TSource First<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqFirst")),
      SM(`TSource FirstOrDefault<TSource>(${S})`, L("linqFirstOrDefault")),
      SM(`TSource FirstOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqFirstOrDefault")),
      SM(`TSource Last<TSource>(${S})`, L("linqLast")),
      SM(`TSource Last<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqLast")),
      SM(`TSource LastOrDefault<TSource>(${S})`, L("linqLastOrDefault")),
      SM(`TSource LastOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqLastOrDefault")),
      SM(`TSource Single<TSource>(${S})`, L("linqSingle")),
      SM(`TSource Single<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqSingle")),
      SM(`TSource SingleOrDefault<TSource>(${S})`, L("linqSingleOrDefault")),
      SM(`TSource SingleOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqSingleOrDefault")),
      SM(`TSource ElementAt<TSource>(${S}, int index)`, L("linqElementAt")),
      SM(`TSource ElementAtOrDefault<TSource>(${S}, int index)`, L("linqElementAtOrDefault")),
      SM(`bool Any<TSource>(${S})`, L("linqAny")),
      SM(`bool Any<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqAny")),
      SM(`bool All<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqAll")),
      SM(`int Count<TSource>(${S})`, L("linqCount")),
      SM(`int Count<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqCount")),
      SM(`long LongCount<TSource>(${S})`, L("linqCount")),
      SM(`bool Contains<TSource>(${S}, TSource value)`, L("linqContains")),
      SM(`IEnumerable<TSource> Where<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqWhere")),
      SM(`IEnumerable<TSource> Where<TSource>(${S}, Func<TSource, int, bool> predicate)`, L("linqWhere")),
      SM(`IEnumerable<TResult> Select<TSource, TResult>(${S}, Func<TSource, TResult> selector)`, L("linqSelect")),
      SM(`IEnumerable<TResult> Select<TSource, TResult>(${S}, Func<TSource, int, TResult> selector)`, L("linqSelect")),
      SM(`IEnumerable<TResult> SelectMany<TSource, TResult>(${S}, Func<TSource, IEnumerable<TResult>> selector)`, L("linqSelectMany")),
      SM(`IEnumerable<TSource> Distinct<TSource>(${S})`, L("linqDistinct")),
      SM(`IEnumerable<TSource> Skip<TSource>(${S}, int count)`, L("linqSkip")),
      SM(`IEnumerable<TSource> Take<TSource>(${S}, int count)`, L("linqTake")),
      SM(`IEnumerable<TSource> SkipWhile<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqSkipWhile")),
      SM(`IEnumerable<TSource> TakeWhile<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqTakeWhile")),
      SM(`IEnumerable<TSource> Reverse<TSource>(${S})`, L("linqReverse")),
      SM(`IEnumerable<TSource> Concat<TSource>(${S}, IEnumerable<TSource> second)`, L("linqConcat")),
      SM(`IEnumerable<TSource> Union<TSource>(${S}, IEnumerable<TSource> second)`, L("linqUnion")),
      SM(`IEnumerable<TSource> Intersect<TSource>(${S}, IEnumerable<TSource> second)`, L("linqIntersect")),
      SM(`IEnumerable<TSource> Except<TSource>(${S}, IEnumerable<TSource> second)`, L("linqExcept")),
      SM(`IEnumerable<TSource> DefaultIfEmpty<TSource>(${S})`, L("linqDefaultIfEmpty")),
      SM(`IEnumerable<TSource> OrderBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, false)`),
      SM(`IEnumerable<TSource> OrderByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, true)`),
      SM(`IEnumerable<TSource> ThenBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, false)`),
      SM(`IEnumerable<TSource> ThenByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, true)`),
      SM(`IEnumerable<TSource> OrderBy<TSource>(${S})`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, null, false)`),
      SM(`TSource[] ToArray<TSource>(${S})`, L("toList")),
      SM(`List<TSource> ToList<TSource>(${S})`, L("toList")),
      SM(`Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, L("linqToDictionary")),
      SM(`Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)`, L("linqToDictionary")),
      SM(`HashSet<TSource> ToHashSet<TSource>(${S})`, (_r, a) => js`new Set(${rt("seq")}(${a[0]}))`),
      SM(`IEnumerable<TSource> AsEnumerable<TSource>(${S})`, (_r, a) => a[0]),
      SM(`int Sum(this IEnumerable<int> source)`, L("linqSum")),
      SM(`long Sum(this IEnumerable<long> source)`, L("linqSum")),
      SM(`double Sum(this IEnumerable<double> source)`, L("linqSum")),
      SM(`decimal Sum(this IEnumerable<decimal> source)`, L("linqSum")),
      SM(`int Sum<TSource>(${S}, Func<TSource, int> selector)`, L("linqSum")),
      SM(`long Sum<TSource>(${S}, Func<TSource, long> selector)`, L("linqSum")),
      SM(`double Sum<TSource>(${S}, Func<TSource, double> selector)`, L("linqSum")),
      SM(`decimal Sum<TSource>(${S}, Func<TSource, decimal> selector)`, L("linqSum")),
      SM(`int Max(this IEnumerable<int> source)`, L("linqMax")),
      SM(`long Max(this IEnumerable<long> source)`, L("linqMax")),
      SM(`double Max(this IEnumerable<double> source)`, L("linqMax")),
      SM(`int Max<TSource>(${S}, Func<TSource, int> selector)`, L("linqMax")),
      SM(`double Max<TSource>(${S}, Func<TSource, double> selector)`, L("linqMax")),
      SM(`int Min(this IEnumerable<int> source)`, L("linqMin")),
      SM(`long Min(this IEnumerable<long> source)`, L("linqMin")),
      SM(`double Min(this IEnumerable<double> source)`, L("linqMin")),
      SM(`int Min<TSource>(${S}, Func<TSource, int> selector)`, L("linqMin")),
      SM(`double Min<TSource>(${S}, Func<TSource, double> selector)`, L("linqMin")),
      SM(`double Average(this IEnumerable<int> source)`, L("linqAverage")),
      SM(`double Average(this IEnumerable<double> source)`, L("linqAverage")),
      SM(`double Average<TSource>(${S}, Func<TSource, double> selector)`, L("linqAverage")),
      SM(`TSource Aggregate<TSource>(${S}, Func<TSource, TSource, TSource> func)`, L("linqAggregate")),
      SM(`TAccumulate Aggregate<TSource, TAccumulate>(${S}, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)`, (_r, a) => js`${rt("linqAggregateSeed")}(${a[0]}, ${a[1]}, ${a[2]})`),
      SM(`bool SequenceEqual<TSource>(${S}, IEnumerable<TSource> second)`, L("linqSequenceEqual")),
      SM(`IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, L("linqGroupBy")),
      SM(`IEnumerable<TResult> Cast<TResult>(this IEnumerable<object> source)`, (_r, a) => a[0]),
      SM(`IEnumerable<TResult> OfType<TResult>(this IEnumerable<object> source)`, (_r, a, x) => js`${rt("linqOfType")}(${a[0]}, ${x.typeArgs.length ? typeTest2(x.typeArgs[0]) : js`null`})`),
      SM(`IEnumerable<int> Range(int start, int count)`, L("linqRange")),
      SM(`IEnumerable<TResult> Repeat<TResult>(TResult element, int count)`, L("linqRepeat")),
      SM(`IEnumerable<TResult> Empty<TResult>()`, () => js`[]`)
    ]);
    type("System.Linq", "IGrouping", { typeParams: ["TKey", "TElement"], isInterface: true, interfaces: ["IEnumerable<TElement>"] }, []);
    grouping = lookupType("IGrouping", 2);
    grouping.members.set("Key", [Object.assign(P("TKey Key", (r) => js`${r}.Key`), { owner: grouping })]);
    typeTest2 = () => js`null`;
  }
});

// compiler/csharp/surface/context.ts
function setCastKey(f) {
  castKey2 = f;
}
function setBodyTarget(f) {
  bodyTarget = f;
}
var prop, castKey2, bodyTarget;
var init_context = __esm({
  "compiler/csharp/surface/context.ts"() {
    init_code();
    init_dsl();
    init_system();
    prop = (sig) => {
      const name = /(\w+)$/.exec(sig)[1];
      return P(sig, (r) => js`${r}.${ident(name)}`);
    };
    type("Microsoft.Azure.ApiManagement", "IContext", {}, [
      P("IRequest Request", (r) => js`${r}.Request`),
      P("IResponse Response", (r) => js`${r}.Response`),
      P("IReadOnlyVariables Variables", (r) => js`${r}.Variables`),
      P("IApi Api", (r) => js`${r}.Api`),
      P("IOperation Operation", (r) => js`${r}.Operation`),
      P("IProduct Product", (r) => js`${r}.Product`),
      P("ISubscription Subscription", (r) => js`${r}.Subscription`),
      P("IUser User", (r) => js`${r}.User`),
      P("IDeployment Deployment", (r) => js`${r}.Deployment`),
      P("ILastError LastError", (r) => js`${r}.LastError`),
      P("Guid RequestId", (r) => js`${r}.RequestId`),
      P("DateTime Timestamp", (r) => js`${rt("DateTime")}.fromMs(${r}.$timestampMs, 1)`),
      P("TimeSpan Elapsed", (r) => js`${rt("TimeSpan")}.fromMs(${r}.$elapsedMs)`),
      P("bool Tracing", (r) => js`${r}.Tracing`),
      M("void Trace(string message)", (r, a) => js`${r}.Trace(${a[0]})`)
    ]);
    type("Microsoft.Azure.ApiManagement", "IRequest", {}, [
      prop("string Method"),
      prop("IUrl Url"),
      prop("IUrl OriginalUrl"),
      P("IHeaders Headers", (r) => js`${r}.Headers`),
      P("IMessageBody Body", (r) => js`${r}.Body`),
      prop("string IpAddress"),
      P("IReadOnlyDictionary<string, string> MatchedParameters", (r) => js`${r}.MatchedParameters`),
      P("X509Certificate2 Certificate", (r) => js`${r}.Certificate`)
    ]);
    type("Microsoft.Azure.ApiManagement", "IResponse", { test: (v) => js`${rt("isResponse")}(${v})` }, [
      P("int StatusCode", (r) => js`${r}.StatusCode`),
      P("string StatusReason", (r) => js`${r}.StatusReason`),
      P("IHeaders Headers", (r) => js`${r}.Headers`),
      P("IMessageBody Body", (r) => js`${r}.Body`)
    ]);
    for (const name of ["IHeaders", "IQuery"]) {
      type("Microsoft.Azure.ApiManagement", name, { interfaces: ["IReadOnlyDictionary<string, string[]>"] }, [
        M("string GetValueOrDefault(string name)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, null)`),
        M("string GetValueOrDefault(string name, string defaultValue)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, ${a[1]})`),
        I("string[] this[string name]", (r, a) => js`${r}.Item(${a[0]})`),
        M("bool ContainsKey(string name)", (r, a) => js`${r}.ContainsKey(${a[0]})`),
        M("bool TryGetValue(string name, out string[] value)", (r, a, x) => tryParse(js`${r}.TryGetValue(${a[0]})`, a[1], x, js`null`)),
        P("int Count", (r) => js`${r}.Count`),
        P("IEnumerable<string> Keys", (r) => js`${r}.Keys`),
        P("IEnumerable<string[]> Values", (r) => js`${r}.Values`)
      ]);
    }
    type("Microsoft.Azure.ApiManagement", "IReadOnlyVariables", { interfaces: ["IReadOnlyDictionary<string, object>"] }, [
      I("object this[string name]", (r, a) => js`${r}.Item(${a[0]})`),
      M("bool ContainsKey(string name)", (r, a) => js`${r}.ContainsKey(${a[0]})`),
      M("bool TryGetValue(string name, out object value)", (r, a, x) => {
        const t = x.temp();
        return js`(${r}.has(${t} = ${a[0]}) ? (${a[1]} = ${r}.get(${t}), true) : (${a[1]} = null, false))`;
      }),
      M("T GetValueOrDefault<T>(string name)", (r, a, x) => js`${rt("castTo")}(${r}.GetValueOrDefault(${a[0]}, null), ${castKey2(x.typeArgs[0])}, true)`),
      M(
        "T GetValueOrDefault<T>(string name, T defaultValue)",
        (r, a, x) => js`${rt("castTo")}(${r}.GetValueOrDefault(${a[0]}, ${a[1]}), ${castKey2(x.typeArgs[0])}, true)`
      ),
      M("object GetValueOrDefault(string name)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, null)`),
      P("int Count", (r) => js`${r}.Count`),
      P("IEnumerable<string> Keys", (r) => js`${r}.Keys`)
    ]);
    castKey2 = () => js`"object"`;
    type("Microsoft.Azure.ApiManagement", "IUrl", {}, [
      prop("string Scheme"),
      prop("string Host"),
      prop("int Port"),
      prop("string Path"),
      P("IQuery Query", (r) => js`${r}.Query`),
      prop("string QueryString"),
      M("string ToString()", (r) => js`${r}.ToString()`),
      M("Uri ToUri()", (r) => js`${rt("Uri")}.parse(${r}.ToString())`)
    ]);
    type("Microsoft.Azure.ApiManagement", "IMessageBody", {}, [
      M("T As<T>(bool preserveContent = false)", (r, a, x) => js`${r}.As(${bodyTarget(x.typeArgs[0])}, ${a[0]})`),
      M("IDictionary<string, IList<string>> AsFormUrlEncodedContent(bool preserveContent = false)", (r, a) => js`${rt("formDict")}(${r}.AsFormUrlEncodedContent(${a[0]}))`)
    ]);
    bodyTarget = () => js`"string"`;
    type("Microsoft.Azure.ApiManagement", "IApi", {}, [
      prop("string Id"),
      prop("string Name"),
      prop("string Path"),
      P("IEnumerable<string> Protocols", (r) => js`${r}.Protocols`),
      prop("IUrl ServiceUrl"),
      prop("bool IsCurrentRevision"),
      prop("string Revision"),
      prop("string Version"),
      P("ISubscriptionKeyParameterNames SubscriptionKeyParameterNames", (r) => js`${r}.SubscriptionKeyParameterNames`)
    ]);
    type("Microsoft.Azure.ApiManagement", "ISubscriptionKeyParameterNames", {}, [prop("string Header"), prop("string Query")]);
    type("Microsoft.Azure.ApiManagement", "IOperation", {}, [prop("string Id"), prop("string Name"), prop("string Method"), prop("string UrlTemplate")]);
    type("Microsoft.Azure.ApiManagement", "IGroup", {}, [prop("string Id"), prop("string Name")]);
    type("Microsoft.Azure.ApiManagement", "IUserIdentity", {}, [prop("string Id"), prop("string Provider")]);
    type("Microsoft.Azure.ApiManagement", "IProduct", {}, [
      prop("string Id"),
      prop("string Name"),
      prop("bool ApprovalRequired"),
      P("IEnumerable<IGroup> Groups", (r) => js`${r}.Groups`),
      prop("string State"),
      prop("int? SubscriptionsLimit"),
      prop("bool SubscriptionRequired")
    ]);
    type("Microsoft.Azure.ApiManagement", "ISubscription", {}, [
      prop("string Id"),
      prop("string Name"),
      prop("string Key"),
      prop("string PrimaryKey"),
      prop("string SecondaryKey"),
      P("DateTime CreatedDate", (r) => js`${rt("DateTime")}.fromMs(${r}.CreatedDateMs, 1)`),
      P("DateTime? StartDate", (r) => js`${rt("DateTime")}.fromMsOrNull(${r}.StartDateMs, 1)`),
      P("DateTime? EndDate", (r) => js`${rt("DateTime")}.fromMsOrNull(${r}.EndDateMs, 1)`)
    ]);
    type("Microsoft.Azure.ApiManagement", "IUser", {}, [
      prop("string Id"),
      prop("string Email"),
      prop("string FirstName"),
      prop("string LastName"),
      prop("string Note"),
      P("IEnumerable<IGroup> Groups", (r) => js`${r}.Groups`),
      P("IEnumerable<IUserIdentity> Identities", (r) => js`${r}.Identities`),
      P("DateTime RegistrationDate", (r) => js`${rt("DateTime")}.fromMs(${r}.RegistrationDateMs, 1)`)
    ]);
    type("Microsoft.Azure.ApiManagement", "IDeployment", {}, [
      prop("string GatewayId"),
      prop("string Region"),
      prop("string ServiceId"),
      prop("string ServiceName"),
      P("IReadOnlyDictionary<string, X509Certificate2> Certificates", (r) => js`(${r}.Certificates ?? new Map())`)
    ]);
    type("Microsoft.Azure.ApiManagement", "ILastError", {}, [
      prop("string Source"),
      prop("string Reason"),
      prop("string Message"),
      prop("string Scope"),
      prop("string Section"),
      prop("string Path"),
      prop("string PolicyId")
    ]);
    type("System.Security.Cryptography.X509Certificates", "X509Certificate2", {}, [
      prop("string Issuer"),
      prop("string Subject"),
      prop("string Thumbprint"),
      prop("string SerialNumber"),
      P("DateTime NotBefore", (r) => js`${rt("DateTime")}.fromMs(${r}.NotBeforeMs, 1)`),
      P("DateTime NotAfter", (r) => js`${rt("DateTime")}.fromMs(${r}.NotAfterMs, 1)`),
      P("X500DistinguishedName SubjectName", (r) => js`${r}.SubjectName`),
      M("bool Verify()", (r) => js`${rt("certVerify")}(${r})`),
      M("bool VerifyNoRevocation()", (r) => js`${rt("certVerify")}(${r})`),
      M("byte[] GetCertHash()", (r) => js`${r}.GetCertHash()`),
      M("string GetCertHashString()", (r) => js`${r}.Thumbprint`)
    ]);
    type("System.Security.Cryptography.X509Certificates", "X500DistinguishedName", {}, [prop("string Name")]);
  }
});

// compiler/csharp/surface/newtonsoft.ts
function setJCastKey(f) {
  castKeyOf = f;
}
var jt, JTT, castKeyOf;
var init_newtonsoft = __esm({
  "compiler/csharp/surface/newtonsoft.ts"() {
    init_code();
    init_dsl();
    init_system();
    jt = (v) => js`${rt("toJToken")}(${v})`;
    type("Newtonsoft.Json.Linq", "JToken", { interfaces: ["IEnumerable<JToken>"], test: (v) => js`(${v} instanceof ${rt("JToken")})` }, [
      I("JToken this[object key]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
      M("T Value<T>(object key)", (r, a, x) => js`${rt("jconv")}(${r}.Item(${a[0]}), ${castKeyOf(x.typeArgs[0])})`),
      M("IEnumerable<T> Values<T>()", (r, _a, x) => js`${rt("jvalues")}(${r}, ${castKeyOf(x.typeArgs[0])})`),
      M("T ToObject<T>()", (r, _a, x) => js`${rt("jconv")}(${r}, ${castKeyOf(x.typeArgs[0])})`),
      M("string ToString()", (r) => js`${r}.ToString()`),
      M("string ToString(Formatting formatting)", (r, a) => js`${r}.ToString(${a[0]})`),
      P("JTokenType Type", (r) => js`${r}.Type`),
      P("JContainer Parent", (r) => js`${r}.Parent`),
      P("JToken Root", (r) => js`${r}.Root`),
      P("string Path", (r) => js`${r}.Path`),
      P("bool HasValues", (r) => js`${r}.HasValues`),
      P("JToken First", (r) => js`${r}.First`),
      P("JToken Last", (r) => js`${r}.Last`),
      P("JToken Next", (r) => js`${r}.Next`),
      P("JToken Previous", (r) => js`${r}.Previous`),
      M("IEnumerable<JToken> Children()", (r) => js`${r}.Children()`),
      M("JToken SelectToken(string path)", (r, a) => js`${r}.SelectToken(${a[0]}, false)`),
      M("JToken SelectToken(string path, bool errorWhenNoMatch)", (r, a) => js`${r}.SelectToken(${a[0]}, ${a[1]})`),
      M("IEnumerable<JToken> SelectTokens(string path)", (r, a) => js`${r}.SelectTokens(${a[0]})`),
      M("JToken DeepClone()", (r) => js`${r}.DeepClone()`),
      M("void Remove()", (r) => js`${r}.Remove()`),
      M("void Replace(JToken value)", (r, a) => js`${r}.Replace(${a[0]})`),
      M("void AddAfterSelf(object content)", (r, a) => js`${r}.AddAfterSelf(${jt(a[0])})`),
      M("void AddBeforeSelf(object content)", (r, a) => js`${r}.AddBeforeSelf(${jt(a[0])})`),
      SM("JToken Parse(string json)", (_r, a) => js`${rt("JToken")}.Parse(${a[0]})`),
      SM("JToken FromObject(object o)", (_r, a) => js`${rt("JToken")}.FromObject(${a[0]})`),
      SM("bool DeepEquals(JToken t1, JToken t2)", (_r, a) => js`${rt("JToken")}.DeepEquals(${a[0]}, ${a[1]})`)
    ]);
    type("Newtonsoft.Json.Linq", "JContainer", { base: "JToken" }, [
      P("int Count", (r) => js`${r}.Count`),
      M("void Add(object content)", (r, a) => js`${r}.Add(${jt(a[0])})`),
      M("void RemoveAll()", (r) => js`${r}.RemoveAll()`),
      M("IEnumerable<JToken> Descendants()", (r) => js`${r}.Descendants()`),
      M("void Merge(object content)", (r, a) => js`${r}.Merge(${jt(a[0])})`)
    ]);
    type(
      "Newtonsoft.Json.Linq",
      "JObject",
      { base: "JContainer", interfaces: ["IEnumerable<KeyValuePair<string, JToken>>"], test: (v) => js`(${v} instanceof ${rt("JObject")})` },
      [
        C("()", () => js`new ${rt("JObject")}()`),
        C("(params object[] content)", (_r, a) => js`${rt("JObject")}.of(${a[0]})`),
        C("(JObject other)", (_r, a) => js`${rt("JObject")}.of([${a[0]}])`),
        I("JToken this[string propertyName]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
        M("IEnumerable<JProperty> Properties()", (r) => js`${r}.Properties()`),
        M("JProperty Property(string name)", (r, a) => js`${r}.Property(${a[0]})`),
        M("JProperty Property(string name, StringComparison comparison)", (r, a) => js`${r}.Property(${a[0]}, ${a[1]})`),
        M("void Add(string propertyName, JToken value)", (r, a) => js`${r}.AddProperty(${a[0]}, ${a[1]})`),
        M("bool Remove(string propertyName)", (r, a) => js`${r}.RemoveProperty(${a[0]})`),
        M("bool ContainsKey(string propertyName)", (r, a) => js`${r}.ContainsKey(${a[0]})`),
        M("bool TryGetValue(string propertyName, out JToken value)", (r, a, x) => tryParse(js`${r}.TryGetValue(${a[0]})`, a[1], x, js`null`)),
        M("JToken GetValue(string propertyName)", (r, a) => js`${r}.Item(${a[0]})`),
        M("JToken GetValue(string propertyName, StringComparison comparison)", (r, a) => js`${r}.GetValue(${a[0]}, ${a[1]})`),
        SM("JObject Parse(string json)", (_r, a) => js`${rt("JObject")}.Parse(${a[0]})`),
        SM("JObject FromObject(object o)", (_r, a) => js`${rt("JObject")}.FromObject(${a[0]})`)
      ]
    );
    type("Newtonsoft.Json.Linq", "JArray", { base: "JContainer", interfaces: ["IList<JToken>"], test: (v) => js`(${v} instanceof ${rt("JArray")})` }, [
      C("()", () => js`new ${rt("JArray")}()`),
      C("(params object[] content)", (_r, a) => js`${rt("JArray")}.of(${a[0]})`),
      C("(object content)", (_r, a) => js`${rt("JArray")}.of([${a[0]}])`),
      I("JToken this[int index]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
      I("JToken this[object key]", (r, a) => js`${r}.Item(${a[0]})`, (r, a, v) => js`${r}.SetItem(${a[0]}, ${v})`),
      M("void Add(object content)", (r, a) => js`${r}.Add(${jt(a[0])})`),
      M("bool Remove(JToken item)", (r, a) => js`${r}.RemoveItem(${a[0]})`),
      M("void RemoveAt(int index)", (r, a) => js`${r}.RemoveAt(${a[0]})`),
      M("void Insert(int index, JToken item)", (r, a) => js`${r}.Insert(${a[0]}, ${a[1]})`),
      M("void Clear()", (r) => js`${r}.RemoveAll()`),
      M("bool Contains(JToken item)", (r, a) => js`${r}.Contains(${a[0]})`),
      M("int IndexOf(JToken item)", (r, a) => js`${r}.IndexOf(${a[0]})`),
      SM("JArray Parse(string json)", (_r, a) => js`${rt("JArray")}.Parse(${a[0]})`),
      SM("JArray FromObject(object o)", (_r, a) => js`${rt("JArray")}.FromObject(${a[0]})`)
    ]);
    type("Newtonsoft.Json.Linq", "JProperty", { base: "JContainer", test: (v) => js`(${v} instanceof ${rt("JProperty")})` }, [
      C("(string name, object content)", (_r, a) => js`new ${rt("JProperty")}(${a[0]}, ${jt(a[1])})`),
      C("(string name, params object[] content)", (_r, a) => js`${rt("JProperty")}.of(${a[0]}, ${a[1]})`),
      P("string Name", (r) => js`${r}.Name`),
      P("JToken Value", (r) => js`${r}.Value`, (r, _a, v) => js`${r}.SetValue(${v})`)
    ]);
    type("Newtonsoft.Json.Linq", "JValue", { base: "JToken", test: (v) => js`(${v} instanceof ${rt("JValue")})` }, [
      C("(object value)", (_r, a) => js`${rt("toJToken")}(${a[0]})`),
      C("(string value)", (_r, a) => js`${rt("JValue")}.str(${a[0]})`),
      P("object Value", (r) => js`${r}.Value`),
      SM("JValue CreateNull()", () => js`${rt("JValue")}.null()`),
      SM("JValue CreateString(string value)", (_r, a) => js`${rt("JValue")}.str(${a[0]})`)
    ]);
    type("Newtonsoft.Json.Linq", "JRaw", { base: "JValue" }, [C("(object rawJson)", (_r, a) => js`${rt("JValue")}.raw(${a[0]})`)]);
    JTT = ["None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"];
    type(
      "Newtonsoft.Json.Linq",
      "JTokenType",
      { valueType: true },
      JTT.map((n, i) => K(`JTokenType ${n}`, i, () => js`${i}`))
    );
    type("Newtonsoft.Json", "Formatting", { valueType: true }, [K("Formatting None", 0, () => js`0`), K("Formatting Indented", 1, () => js`1`)]);
    type("Newtonsoft.Json", "JsonConvert", { isStatic: true }, [
      SM("string SerializeObject(object value)", (_r, a) => js`${rt("jsonSerialize")}(${a[0]}, 0)`),
      SM("string SerializeObject(object value, Formatting formatting)", (_r, a) => js`${rt("jsonSerialize")}(${a[0]}, ${a[1]})`),
      SM("object DeserializeObject(string value)", (_r, a) => js`${rt("jsonDeserialize")}(${a[0]}, null)`),
      SM("T DeserializeObject<T>(string value)", (_r, a, x) => js`${rt("jsonDeserialize")}(${a[0]}, ${castKeyOf(x.typeArgs[0])})`),
      SP("string Null", () => js`"null"`),
      SP("string True", () => js`"true"`),
      SP("string False", () => js`"false"`),
      SM("string ToString(string value)", (_r, a) => js`${rt("jsonQuote")}(${a[0]})`)
    ]);
    type("Newtonsoft.Json.Linq", "Extensions", { isStatic: true }, [
      SM("T Value<T>(this IEnumerable<JToken> value)", (_r, a, x) => js`${rt("jconv")}(${a[0]}, ${castKeyOf(x.typeArgs[0])})`)
    ]);
    castKeyOf = () => js`"object"`;
  }
});

// compiler/csharp/surface/datetime.ts
var D, TS, DO, m, rtName, p, common;
var init_datetime = __esm({
  "compiler/csharp/surface/datetime.ts"() {
    init_code();
    init_dsl();
    init_system();
    init_code();
    D = () => rt("DateTime");
    TS = () => rt("TimeSpan");
    DO = () => rt("DateTimeOffset");
    m = (name) => (r, a) => js`${r}.${rtName(name)}(${a.map((x, i) => i ? js`, ${x}` : x).reduce((p3, c2) => js`${p3}${c2}`, js``)})`;
    rtName = (n) => ident(n);
    p = (name) => (r) => js`${r}.${rtName(name)}`;
    common = (T) => [
      P("int Year", p("Year")),
      P("int Month", p("Month")),
      P("int Day", p("Day")),
      P("int Hour", p("Hour")),
      P("int Minute", p("Minute")),
      P("int Second", p("Second")),
      P("int Millisecond", p("Millisecond")),
      P("int DayOfYear", p("DayOfYear")),
      P("DayOfWeek DayOfWeek", p("DayOfWeek")),
      P("long Ticks", p("Ticks")),
      P("TimeSpan TimeOfDay", p("TimeOfDay")),
      P(`${T} Date`, p("Date")),
      M(`${T} Add(TimeSpan value)`, m("Add")),
      M(`${T} AddDays(double value)`, m("AddDays")),
      M(`${T} AddHours(double value)`, m("AddHours")),
      M(`${T} AddMinutes(double value)`, m("AddMinutes")),
      M(`${T} AddSeconds(double value)`, m("AddSeconds")),
      M(`${T} AddMilliseconds(double value)`, m("AddMilliseconds")),
      M(`${T} AddTicks(long value)`, m("AddTicks")),
      M(`${T} AddMonths(int months)`, m("AddMonths")),
      M(`${T} AddYears(int value)`, m("AddYears")),
      M(`TimeSpan Subtract(${T} value)`, m("Subtract")),
      M(`${T} Subtract(TimeSpan value)`, m("Subtract")),
      M("string ToString()", (r) => js`${r}.ToString()`),
      M("string ToString(string format)", (r, a) => js`${r}.ToString(${a[0]})`),
      M("string ToString(string format, IFormatProvider provider)", (r, a) => js`${r}.ToString(${a[0]})`),
      M("string ToString(IFormatProvider provider)", (r) => js`${r}.ToString()`),
      M(`int CompareTo(${T} value)`, (r, a) => js`${rt("cmp")}(${r}, ${a[0]})`),
      M(`bool Equals(${T} value)`, (r, a) => js`${rt("valueEquals")}(${r}, ${a[0]})`),
      M(`string ToIsoString()`, (r) => js`${r}.ToString("o")`)
    ];
    type("System", "DateTime", { valueType: true, test: (v) => js`(${v} instanceof ${D()})` }, [
      ...common("DateTime"),
      C("(long ticks)", (_r, a) => js`${D()}.fromTicks(${a[0]}, 0)`),
      C("(long ticks, DateTimeKind kind)", (_r, a) => js`${D()}.fromTicks(${a[0]}, ${a[1]})`),
      C("(int year, int month, int day)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, 0, 0, 0, 0, 0)`),
      C("(int year, int month, int day, int hour, int minute, int second)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, 0, 0)`),
      C("(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, 0, ${a[6]})`),
      C("(int year, int month, int day, int hour, int minute, int second, int millisecond)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, ${a[6]}, 0)`),
      C("(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)", (_r, a) => js`${D()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]}, ${a[5]}, ${a[6]}, ${a[7]})`),
      P("DateTimeKind Kind", p("Kind")),
      M("DateTime ToUniversalTime()", m("ToUniversalTime")),
      M("DateTime ToLocalTime()", m("ToLocalTime")),
      M("string ToShortDateString()", (r) => js`${r}.ToString("d")`),
      M("string ToShortTimeString()", (r) => js`${r}.ToString("t")`),
      M("string ToLongDateString()", (r) => js`${r}.ToString("D")`),
      M("string ToLongTimeString()", (r) => js`${r}.ToString("T")`),
      M("long ToFileTimeUtc()", m("ToFileTimeUtc")),
      M("bool IsDaylightSavingTime()", () => js`false`),
      SP("DateTime Now", () => js`${D()}.now(2)`),
      SP("DateTime UtcNow", () => js`${D()}.now(1)`),
      SP("DateTime Today", () => js`${D()}.now(2).Date`),
      SP("DateTime MinValue", () => js`${D()}.MinValue`),
      SP("DateTime MaxValue", () => js`${D()}.MaxValue`),
      SP("DateTime UnixEpoch", () => js`${D()}.fromMs(0, 1)`),
      SM("DateTime Parse(string s)", (_r, a) => js`${D()}.Parse(${a[0]}, null)`),
      SM("DateTime Parse(string s, IFormatProvider provider)", (_r, a) => js`${D()}.Parse(${a[0]}, null)`),
      SM("DateTime Parse(string s, IFormatProvider provider, DateTimeStyles styles)", (_r, a) => js`${D()}.Parse(${a[0]}, ${a[2]})`),
      SM("DateTime ParseExact(string s, string format, IFormatProvider provider)", (_r, a) => js`${D()}.ParseExact(${a[0]}, ${a[1]}, null)`),
      SM("DateTime ParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style)", (_r, a) => js`${D()}.ParseExact(${a[0]}, ${a[1]}, ${a[3]})`),
      SM("bool TryParse(string s, out DateTime result)", (_r, a, x) => tryParse(js`${D()}.TryParse(${a[0]}, null)`, a[1], x, js`${D()}.MinValue`)),
      SM("bool TryParse(string s, IFormatProvider provider, DateTimeStyles styles, out DateTime result)", (_r, a, x) => tryParse(js`${D()}.TryParse(${a[0]}, ${a[2]})`, a[3], x, js`${D()}.MinValue`)),
      SM(
        "bool TryParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style, out DateTime result)",
        (_r, a, x) => tryParse(js`${D()}.TryParseExact(${a[0]}, ${a[1]}, ${a[3]})`, a[4], x, js`${D()}.MinValue`)
      ),
      SM("bool IsLeapYear(int year)", (_r, a) => js`${D()}.IsLeapYear(${a[0]})`),
      SM("int DaysInMonth(int year, int month)", (_r, a) => js`${D()}.DaysInMonth(${a[0]}, ${a[1]})`),
      SM("DateTime SpecifyKind(DateTime value, DateTimeKind kind)", (_r, a) => js`${a[0]}.withKind(${a[1]})`),
      SM("DateTime FromFileTimeUtc(long fileTime)", (_r, a) => js`${D()}.fromTicks(${a[0]} + 504911232000000000, 1)`)
    ]);
    type("System", "DateTimeOffset", { valueType: true, test: (v) => js`(${v} instanceof ${DO()})` }, [
      ...common("DateTimeOffset"),
      C("(DateTime dateTime)", (_r, a) => js`${DO()}.fromDateTime(${a[0]})`),
      P("DateTime UtcDateTime", p("UtcDateTime")),
      P("DateTime DateTime", p("DateTime")),
      P("DateTime LocalDateTime", p("UtcDateTime")),
      P("TimeSpan Offset", () => js`${TS()}.Zero`),
      M("long ToUnixTimeSeconds()", m("ToUnixTimeSeconds")),
      M("long ToUnixTimeMilliseconds()", m("ToUnixTimeMilliseconds")),
      M("DateTimeOffset ToUniversalTime()", (r) => r),
      SP("DateTimeOffset Now", () => js`${DO()}.now()`),
      SP("DateTimeOffset UtcNow", () => js`${DO()}.now()`),
      SP("DateTimeOffset MinValue", () => js`${DO()}.fromDateTime(${D()}.MinValue)`),
      SP("DateTimeOffset MaxValue", () => js`${DO()}.fromDateTime(${D()}.MaxValue)`),
      SM("DateTimeOffset FromUnixTimeSeconds(long seconds)", (_r, a) => js`${DO()}.FromUnixTimeMilliseconds(${a[0]} * 1000)`),
      SM("DateTimeOffset FromUnixTimeMilliseconds(long milliseconds)", (_r, a) => js`${DO()}.FromUnixTimeMilliseconds(${a[0]})`),
      SM("DateTimeOffset Parse(string input)", (_r, a) => js`${DO()}.fromDateTime(${D()}.Parse(${a[0]}, 1))`),
      SM("bool TryParse(string input, out DateTimeOffset result)", (_r, a, x) => tryParse(js`${DO()}.TryParse(${a[0]})`, a[1], x, js`${DO()}.fromDateTime(${D()}.MinValue)`))
    ]);
    type("System", "TimeSpan", { valueType: true, test: (v) => js`(${v} instanceof ${TS()})` }, [
      C("(long ticks)", (_r, a) => js`${TS()}.fromTicks(${a[0]})`),
      C("(int hours, int minutes, int seconds)", (_r, a) => js`${TS()}.create(0, ${a[0]}, ${a[1]}, ${a[2]}, 0)`),
      C("(int days, int hours, int minutes, int seconds)", (_r, a) => js`${TS()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, 0)`),
      C("(int days, int hours, int minutes, int seconds, int milliseconds)", (_r, a) => js`${TS()}.create(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
      P("int Days", p("Days")),
      P("int Hours", p("Hours")),
      P("int Minutes", p("Minutes")),
      P("int Seconds", p("Seconds")),
      P("int Milliseconds", p("Milliseconds")),
      P("long Ticks", p("Ticks")),
      P("double TotalDays", p("TotalDays")),
      P("double TotalHours", p("TotalHours")),
      P("double TotalMinutes", p("TotalMinutes")),
      P("double TotalSeconds", p("TotalSeconds")),
      P("double TotalMilliseconds", p("TotalMilliseconds")),
      M("TimeSpan Add(TimeSpan ts)", m("Add")),
      M("TimeSpan Subtract(TimeSpan ts)", m("Subtract")),
      M("TimeSpan Negate()", m("Negate")),
      M("TimeSpan Duration()", m("Duration")),
      M("string ToString()", (r) => js`${r}.ToString()`),
      M("string ToString(string format)", (r, a) => js`${r}.ToString(${a[0]})`),
      M("int CompareTo(TimeSpan value)", (r, a) => js`${rt("cmp")}(${r}, ${a[0]})`),
      M("bool Equals(TimeSpan obj)", (r, a) => js`${rt("valueEquals")}(${r}, ${a[0]})`),
      SM("TimeSpan FromDays(double value)", (_r, a) => js`${TS()}.fromMs(${a[0]} * 86400000)`),
      SM("TimeSpan FromHours(double value)", (_r, a) => js`${TS()}.fromMs(${a[0]} * 3600000)`),
      SM("TimeSpan FromMinutes(double value)", (_r, a) => js`${TS()}.fromMs(${a[0]} * 60000)`),
      SM("TimeSpan FromSeconds(double value)", (_r, a) => js`${TS()}.fromMs(${a[0]} * 1000)`),
      SM("TimeSpan FromMilliseconds(double value)", (_r, a) => js`${TS()}.fromMs(${a[0]})`),
      SM("TimeSpan FromTicks(long value)", (_r, a) => js`${TS()}.fromTicks(${a[0]})`),
      SM("TimeSpan Parse(string s)", (_r, a) => js`${TS()}.Parse(${a[0]})`),
      SM("bool TryParse(string s, out TimeSpan result)", (_r, a, x) => tryParse(js`${TS()}.TryParse(${a[0]})`, a[1], x, js`${TS()}.Zero`)),
      SP("TimeSpan Zero", () => js`${TS()}.Zero`),
      SP("TimeSpan MaxValue", () => js`${TS()}.MaxValue`),
      SP("TimeSpan MinValue", () => js`${TS()}.MinValue`)
    ]);
    type("System", "DateTimeKind", { valueType: true }, [
      K("DateTimeKind Unspecified", 0, () => js`0`),
      K("DateTimeKind Utc", 1, () => js`1`),
      K("DateTimeKind Local", 2, () => js`2`)
    ]);
    type("System.Globalization", "DateTimeStyles", { valueType: true }, [
      K("DateTimeStyles None", 0, () => js`0`),
      K("DateTimeStyles AdjustToUniversal", 16, () => js`16`),
      K("DateTimeStyles AssumeUniversal", 64, () => js`64`),
      K("DateTimeStyles AssumeLocal", 32, () => js`32`),
      K("DateTimeStyles RoundtripKind", 128, () => js`128`)
    ]);
    type(
      "System",
      "DayOfWeek",
      { valueType: true },
      ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d, i) => K(`DayOfWeek ${d}`, i, () => js`${i}`))
    );
  }
});

// compiler/csharp/surface/misc.ts
var call2, mcall;
var init_misc = __esm({
  "compiler/csharp/surface/misc.ts"() {
    init_code();
    init_dsl();
    init_system();
    call2 = (name) => (_r, a) => js`${rt(name)}(${a.map((x, i) => i ? js`, ${x}` : x).reduce((p3, c2) => js`${p3}${c2}`, js``)})`;
    mcall = (name) => (r, a) => js`${rt(name)}(${r}${a.map((x) => js`, ${x}`).reduce((p3, c2) => js`${p3}${c2}`, js``)})`;
    type("System", "Guid", { valueType: true, test: (v) => js`${rt("isGuid")}(${v})` }, [
      C("(string g)", (_r, a) => js`${rt("guidParse")}(${a[0]})`),
      C("(byte[] b)", (_r, a) => js`${rt("guidFromBytes")}(${a[0]})`),
      SM("Guid NewGuid()", () => js`${rt("newGuid")}()`),
      SM("Guid Parse(string input)", call2("guidParse")),
      SM("bool TryParse(string input, out Guid result)", (_r, a, x) => tryParse(js`${rt("guidTryParse")}(${a[0]})`, a[1], x, js`"00000000-0000-0000-0000-000000000000"`)),
      SP("Guid Empty", () => js`"00000000-0000-0000-0000-000000000000"`),
      M("string ToString()", (r) => r),
      M("string ToString(string format)", mcall("guidFormat")),
      M("byte[] ToByteArray()", mcall("guidToBytes")),
      M("bool Equals(Guid g)", (r, a) => js`(${r} === ${a[0]})`)
    ]);
    type("System", "Convert", { isStatic: true }, [
      SM("string ToBase64String(byte[] inArray)", call2("toBase64")),
      SM("byte[] FromBase64String(string s)", call2("fromBase64")),
      SM("string ToString(object value)", (_r, a) => js`${rt("toStrOrEmpty")}(${a[0]})`),
      SM("string ToString(int value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]})`),
      SM("string ToString(long value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]})`),
      SM("string ToString(byte value, int toBase)", (_r, a) => js`${rt("intToBase")}(${a[0]}, ${a[1]})`),
      SM("int ToInt32(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "int")`),
      SM("int ToInt32(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "int")`),
      SM("long ToInt64(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "long")`),
      SM("long ToInt64(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "long")`),
      SM("short ToInt16(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "short")`),
      SM("double ToDouble(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "double")`),
      SM("decimal ToDecimal(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "decimal")`),
      SM("bool ToBoolean(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "bool")`),
      SM("byte ToByte(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "byte")`),
      SM("byte ToByte(string value, int fromBase)", (_r, a) => js`${rt("parseBase")}(${a[0]}, ${a[1]}, "byte")`),
      SM("char ToChar(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "char")`),
      SM("DateTime ToDateTime(object value)", (_r, a) => js`${rt("convertTo")}(${a[0]}, "DateTime")`),
      SM("string ToHexString(byte[] inArray)", call2("toHex")),
      SM("byte[] FromHexString(string s)", call2("fromHex"))
    ]);
    type("System.Text", "Encoding", {}, [
      SP("Encoding UTF8", () => js`${rt("Encoding")}.UTF8`),
      SP("Encoding ASCII", () => js`${rt("Encoding")}.ASCII`),
      SP("Encoding Unicode", () => js`${rt("Encoding")}.Unicode`),
      SP("Encoding Default", () => js`${rt("Encoding")}.UTF8`),
      SP("Encoding UTF32", () => js`${rt("Encoding")}.UTF32`),
      SP("Encoding BigEndianUnicode", () => js`${rt("Encoding")}.BigEndianUnicode`),
      SP("Encoding Latin1", () => js`${rt("Encoding")}.Latin1`),
      SM("Encoding GetEncoding(string name)", (_r, a) => js`${rt("Encoding")}.GetEncoding(${a[0]})`),
      M("byte[] GetBytes(string s)", (r, a) => js`${r}.GetBytes(${a[0]})`),
      M("byte[] GetBytes(char[] chars)", (r, a) => js`${r}.GetBytes(${rt("charsToString")}(${a[0]}))`),
      M("string GetString(byte[] bytes)", (r, a) => js`${r}.GetString(${a[0]})`),
      M("string GetString(byte[] bytes, int index, int count)", (r, a) => js`${r}.GetString(${a[0]}.subarray(${a[1]}, ${a[1]} + ${a[2]}))`),
      M("int GetByteCount(string s)", (r, a) => js`${r}.GetBytes(${a[0]}).length`),
      P("string WebName", (r) => js`${r}.WebName`)
    ]);
    type("System", "Uri", { test: (v) => js`(${v} instanceof ${rt("Uri")})` }, [
      C("(string uriString)", (_r, a) => js`${rt("Uri")}.parse(${a[0]})`),
      C("(Uri baseUri, string relativeUri)", (_r, a) => js`${rt("Uri")}.resolve(${a[0]}, ${a[1]})`),
      SM("string EscapeDataString(string stringToEscape)", call2("escapeDataString")),
      SM("string UnescapeDataString(string stringToUnescape)", call2("unescapeDataString")),
      SM("string EscapeUriString(string stringToEscape)", (_r, a) => js`encodeURI(${a[0]})`),
      SM("bool IsWellFormedUriString(string uriString, UriKind uriKind)", call2("uriIsWellFormed")),
      SM("bool TryCreate(string uriString, UriKind uriKind, out Uri result)", (_r, a, x) => tryParse(js`${rt("Uri")}.tryParse(${a[0]}, ${a[1]})`, a[2], x, js`null`)),
      P("string Scheme", (r) => js`${r}.Scheme`),
      P("string Host", (r) => js`${r}.Host`),
      P("int Port", (r) => js`${r}.Port`),
      P("string AbsolutePath", (r) => js`${r}.AbsolutePath`),
      P("string AbsoluteUri", (r) => js`${r}.AbsoluteUri`),
      P("string PathAndQuery", (r) => js`${r}.PathAndQuery`),
      P("string Query", (r) => js`${r}.Query`),
      P("string Fragment", (r) => js`${r}.Fragment`),
      P("string Authority", (r) => js`${r}.Authority`),
      P("string[] Segments", (r) => js`${r}.Segments`),
      P("bool IsAbsoluteUri", () => js`true`),
      M("string ToString()", (r) => js`${r}.ToString()`),
      M("string GetLeftPart(UriPartial part)", (r, a) => js`${r}.GetLeftPart(${a[0]})`)
    ]);
    type("System", "UriKind", { valueType: true }, [K("UriKind RelativeOrAbsolute", 0, () => js`0`), K("UriKind Absolute", 1, () => js`1`), K("UriKind Relative", 2, () => js`2`)]);
    type("System", "UriPartial", { valueType: true }, [K("UriPartial Scheme", 0, () => js`0`), K("UriPartial Authority", 1, () => js`1`), K("UriPartial Path", 2, () => js`2`), K("UriPartial Query", 3, () => js`3`)]);
    type("System.Net", "WebUtility", { isStatic: true }, [
      SM("string UrlEncode(string value)", call2("urlEncode")),
      SM("string UrlDecode(string encodedValue)", call2("urlDecode")),
      SM("string HtmlEncode(string value)", call2("htmlEncode")),
      SM("string HtmlDecode(string value)", call2("htmlDecode"))
    ]);
    type("System.Web", "HttpUtility", { isStatic: true }, [
      SM("string UrlEncode(string value)", call2("urlEncodeLower")),
      SM("string UrlDecode(string value)", call2("urlDecode")),
      SM("string HtmlEncode(string value)", call2("htmlEncode"))
    ]);
    type("System.Text.RegularExpressions", "Regex", { test: (v) => js`(${v} instanceof ${rt("Regex")})` }, [
      C("(string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[0]}, 0)`),
      C("(string pattern, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[0]}, ${a[1]})`),
      SM("bool IsMatch(string input, string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).IsMatch(${a[0]})`),
      SM("bool IsMatch(string input, string pattern, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).IsMatch(${a[0]})`),
      SM("Match Match(string input, string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Match(${a[0]})`),
      SM("Match Match(string input, string pattern, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).Match(${a[0]})`),
      SM("MatchCollection Matches(string input, string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Matches(${a[0]})`),
      SM("MatchCollection Matches(string input, string pattern, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[2]}).Matches(${a[0]})`),
      SM("string Replace(string input, string pattern, string replacement)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Replace(${a[0]}, ${a[2]})`),
      SM("string Replace(string input, string pattern, string replacement, RegexOptions options)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, ${a[3]}).Replace(${a[0]}, ${a[2]})`),
      SM("string Replace(string input, string pattern, Func<Match, string> evaluator)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Replace(${a[0]}, ${a[2]})`),
      SM("string[] Split(string input, string pattern)", (_r, a) => js`${rt("Regex")}.get(${a[1]}, 0).Split(${a[0]})`),
      SM("string Escape(string str)", call2("regexEscape")),
      SM("string Unescape(string str)", call2("regexUnescape")),
      M("bool IsMatch(string input)", (r, a) => js`${r}.IsMatch(${a[0]})`),
      M("Match Match(string input)", (r, a) => js`${r}.Match(${a[0]})`),
      M("MatchCollection Matches(string input)", (r, a) => js`${r}.Matches(${a[0]})`),
      M("string Replace(string input, string replacement)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
      M("string Replace(string input, Func<Match, string> evaluator)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
      M("string[] Split(string input)", (r, a) => js`${r}.Split(${a[0]})`)
    ]);
    type("System.Text.RegularExpressions", "RegexOptions", { valueType: true }, [
      K("RegexOptions None", 0, () => js`0`),
      K("RegexOptions IgnoreCase", 1, () => js`1`),
      K("RegexOptions Multiline", 2, () => js`2`),
      K("RegexOptions ExplicitCapture", 4, () => js`4`),
      K("RegexOptions Compiled", 8, () => js`8`),
      K("RegexOptions Singleline", 16, () => js`16`),
      K("RegexOptions IgnorePatternWhitespace", 32, () => js`32`),
      K("RegexOptions RightToLeft", 64, () => js`64`),
      K("RegexOptions ECMAScript", 256, () => js`256`),
      K("RegexOptions CultureInvariant", 512, () => js`512`)
    ]);
    type("System.Text.RegularExpressions", "Capture", {}, [
      P("string Value", (r) => js`${r}.Value`),
      P("int Index", (r) => js`${r}.Index`),
      P("int Length", (r) => js`${r}.Length`),
      M("string ToString()", (r) => js`${r}.Value`)
    ]);
    type("System.Text.RegularExpressions", "Group", { base: "Capture" }, [P("bool Success", (r) => js`${r}.Success`), P("string Name", (r) => js`${r}.Name`)]);
    type("System.Text.RegularExpressions", "Match", { base: "Group" }, [
      P("GroupCollection Groups", (r) => js`${r}.Groups`),
      M("Match NextMatch()", (r) => js`${r}.NextMatch()`),
      M("string Result(string replacement)", (r, a) => js`${r}.Result(${a[0]})`),
      SP("Match Empty", () => js`${rt("Regex")}.EmptyMatch`)
    ]);
    type("System.Text.RegularExpressions", "GroupCollection", { interfaces: ["IEnumerable<Group>"] }, [
      I("Group this[string groupname]", (r, a) => js`${r}.Item(${a[0]})`),
      I("Group this[int groupnum]", (r, a) => js`${r}.Item(${a[0]})`),
      P("int Count", (r) => js`${r}.Count`)
    ]);
    type("System.Text.RegularExpressions", "MatchCollection", { interfaces: ["IEnumerable<Match>"] }, [
      I("Match this[int i]", (r, a) => js`${rt("listItem")}(${r}, ${a[0]})`),
      P("int Count", (r) => js`${r}.length`)
    ]);
    type("System", "BitConverter", { isStatic: true }, [
      SM("string ToString(byte[] value)", call2("bitConverterToString")),
      SM("byte[] GetBytes(int value)", (_r, a) => js`${rt("bitConverterGetBytes")}(${a[0]}, 4)`),
      SM("byte[] GetBytes(long value)", (_r, a) => js`${rt("bitConverterGetBytes")}(${a[0]}, 8)`),
      SM("int ToInt32(byte[] value, int startIndex)", call2("bitConverterToInt32")),
      K("bool IsLittleEndian", true, () => js`true`)
    ]);
    type("System.Security.Cryptography", "HashAlgorithm", {}, [
      M("byte[] ComputeHash(byte[] buffer)", (r, a) => js`${r}.ComputeHash(${a[0]})`),
      M("byte[] ComputeHash(byte[] buffer, int offset, int count)", (r, a) => js`${r}.ComputeHash(${a[0]}.subarray(${a[1]}, ${a[1]} + ${a[2]}))`),
      M("void Dispose()", () => js`undefined`),
      P("byte[] Hash", (r) => js`${r}.Hash`)
    ]);
    type("System.Security.Cryptography", "KeyedHashAlgorithm", { base: "HashAlgorithm" }, [P("byte[] Key", (r) => js`${r}.Key`, (r, _a, v) => js`(${r}.Key = ${v})`)]);
    type("System.Security.Cryptography", "HMAC", { base: "KeyedHashAlgorithm" }, []);
    for (const [name, alg] of [
      ["MD5", "md5"],
      ["SHA1", "sha1"],
      ["SHA256", "sha256"],
      ["SHA384", "sha384"],
      ["SHA512", "sha512"]
    ]) {
      type("System.Security.Cryptography", name, { base: "HashAlgorithm" }, [SM(`${name} Create()`, () => js`${rt("newHash")}(${alg}, null)`)]);
      if (name !== "MD5") type("System.Security.Cryptography", `${name}Managed`, { base: "HashAlgorithm" }, [C("()", () => js`${rt("newHash")}(${alg}, null)`)]);
      type("System.Security.Cryptography", `HMAC${name}`, { base: "HMAC" }, [
        C("()", () => js`${rt("newHash")}(${alg}, ${rt("randomBytes")}(64))`),
        C("(byte[] key)", (_r, a) => js`${rt("newHash")}(${alg}, ${a[0]})`)
      ]);
    }
    type("System.Security.Cryptography", "RNGCryptoServiceProvider", {}, [
      C("()", () => js`${rt("newRng")}()`),
      M("void GetBytes(byte[] data)", (r, a) => js`${r}.GetBytes(${a[0]})`)
    ]);
    type("System.Security.Cryptography", "RandomNumberGenerator", {}, [
      SM("RandomNumberGenerator Create()", () => js`${rt("newRng")}()`),
      M("void GetBytes(byte[] data)", (r, a) => js`${r}.GetBytes(${a[0]})`)
    ]);
    type("Microsoft.Azure.ApiManagement", "Jwt", {}, [
      P("string Algorithm", (r) => js`${r}.Algorithm`),
      P("IEnumerable<string> Audiences", (r) => js`${r}.Audiences`),
      P("JwtClaims Claims", (r) => js`${r}.Claims`),
      P("DateTime? ExpirationTime", (r) => js`${r}.ExpirationTime`),
      P("string Id", (r) => js`${r}.Id`),
      P("string Issuer", (r) => js`${r}.Issuer`),
      P("DateTime? IssuedAt", (r) => js`${r}.IssuedAt`),
      P("DateTime? NotBefore", (r) => js`${r}.NotBefore`),
      P("string Subject", (r) => js`${r}.Subject`),
      P("string Type", (r) => js`${r}.Type`)
    ]);
    type("Microsoft.Azure.ApiManagement", "JwtClaims", { interfaces: ["IReadOnlyDictionary<string, string[]>"] }, [
      M("string GetValueOrDefault(string name, string defaultValue = null)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, ${a[1]})`)
    ]);
    type("Microsoft.Azure.ApiManagement", "BasicAuthCredentials", {}, [
      P("string UserId", (r) => js`${r}.UserId`),
      P("string Password", (r) => js`${r}.Password`)
    ]);
    type("Microsoft.Azure.ApiManagement", "ApimExtensions", { isStatic: true }, [
      SM("Jwt AsJwt(this string value)", call2("asJwt")),
      SM("bool TryParseJwt(this string value, out Jwt result)", (_r, a, x) => tryParse(js`(${rt("asJwt")}(${a[0]}) ?? undefined)`, a[1], x, js`null`)),
      SM("BasicAuthCredentials AsBasic(this string value)", call2("asBasic")),
      SM("bool TryParseBasic(this string value, out BasicAuthCredentials result)", (_r, a, x) => tryParse(js`(${rt("asBasic")}(${a[0]}) ?? undefined)`, a[1], x, js`null`)),
      SM("byte[] Encrypt(this byte[] input, string alg, byte[] key, byte[] iv)", call2("symEncrypt")),
      SM("byte[] Decrypt(this byte[] input, string alg, byte[] key, byte[] iv)", call2("symDecrypt")),
      SM("string ToQueryString(this IDictionary<string, IList<string>> form)", call2("formToQueryString")),
      SM("string ToFormUrlEncodedContent(this IDictionary<string, IList<string>> form)", call2("formToContent"))
    ]);
    type("System", "Enum", {}, [
      M("string ToString()", (r) => js`${rt("toStr")}(${r})`),
      M("bool HasFlag(Enum flag)", (r, a) => js`((${r} & ${a[0]}) === ${a[0]})`)
    ]);
  }
});

// compiler/csharp/surface/index.ts
var init_surface = __esm({
  "compiler/csharp/surface/index.ts"() {
    init_system();
    init_string();
    init_collections();
    init_linq();
    init_context();
    init_newtonsoft();
    init_datetime();
    init_misc();
  }
});

// compiler/csharp/index.ts
var csharp_exports = {};
__export(csharp_exports, {
  compileExpression: () => compileExpression
});
function compileExpression(input) {
  const { source, diagnostics, scope } = input;
  const offsetOf = (i) => {
    const idx = Math.max(0, Math.min(i, source.length - 1));
    if (typeof input.offsets === "function") return input.offsets(idx);
    return input.offsets[idx] ?? input.offsets[input.offsets.length - 1] ?? 0;
  };
  let parsed;
  try {
    parsed = parseExpressionSource(source);
  } catch (e) {
    if (e instanceof ParseError) {
      diagnostics.error(e.tooNew ? Codes.CSharpTooNew : Codes.CSharpSyntax, offsetOf(e.pos), e.message);
      return null;
    }
    throw e;
  }
  const binder = new Binder(source, scope);
  try {
    if (parsed.kind === "expr") {
      const b2 = binder.expr(parsed.expr);
      const conv = finalConvert(binder, b2, input.expected, parsed.expr.pos);
      const temps2 = binder.frameTemps;
      if (conv.cv !== void 0 && temps2.length === 0) return { code: literal(conv.cv.v), type: typeName(conv.type), constant: { value: conv.cv.v } };
      if (temps2.length === 0) return { code: conv.code, type: typeName(conv.type) };
      const name2 = scope.names.fresh("expr");
      scope.hoist(js`function ${name2}(ctx) { ${tempDecl(temps2)}return ${conv.code}; }`);
      return { code: js`${name2}(ctx)`, type: typeName(conv.type) };
    }
    const want = blockReturnType(input.expected);
    binder.setReturnType((e, pos) => finalConvert(binder, e, input.expected, pos));
    const body = binder.block(parsed.stmts);
    if (canComplete(parsed.stmts)) {
      diagnostics.error(Codes.CSharpMissingReturn, offsetOf(source.length - 1), "Not all code paths return a value in the policy expression block.");
      return null;
    }
    const temps = binder.frameTemps;
    const name = scope.names.fresh("block");
    scope.hoist(js`function ${name}(ctx) { ${tempDecl(temps)}${body}}`);
    return { code: js`${name}(ctx)`, type: want ? typeName(want) : input.expected === "string" ? "string" : "object" };
  } catch (e) {
    if (e instanceof BindError) {
      diagnostics.error(e.code, offsetOf(e.pos), e.message);
      return null;
    }
    if (e instanceof InternalCompilerError) throw e;
    throw e;
  }
}
function blockReturnType(expected) {
  switch (expected) {
    case "bool":
      return named("bool");
    case "int":
      return named("int");
    default:
      return null;
  }
}
function finalConvert(b2, e, expected, pos) {
  const t = e.type;
  switch (expected) {
    case "bool":
    case "int":
      return b2.convert(e, named(expected), pos);
    case "string": {
      if (isNamed(t, "string") || t.k === "null") return e;
      if (t.k === "void") b2.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      if (e.cv !== void 0) {
        const s2 = stringOf(b2, e);
        if (e.cv.v !== null) {
          const conv = convertImplicit(b2, e, named("object"));
          void conv;
        }
        return { type: named("string"), code: s2, pos, cv: constString(e) };
      }
      if (isNullable(t) || !(isNumeric(t) || isNamed(t, "bool") || isNamed(t, "char"))) return { type: named("string"), code: js`${rt("toStrOrNull")}(${e.type.k === "named" && isNamed(underlyingNullable(t), "char") ? js`${rt("boxChar")}(${e.code})` : e.code})`, pos };
      return { type: named("string"), code: stringOf(b2, e), pos };
    }
    case "variable": {
      const u = underlyingNullable(t);
      const n = u.k === "named" ? primName(u) ?? u.def.name : u.k === "array" && (isNamed(u.elem, "byte") || isNamed(u.elem, "sbyte")) ? "bytes" : "";
      if (t.k === "null" || VARIABLE_TYPES.has(n) || n === "bytes") return e;
      b2.err(Codes.CSharpTypeMismatch, pos, `set-variable cannot store a value of type '${typeName(t)}'; allowed are bool, the numeric types, char, string, Guid, DateTime, TimeSpan, byte[] and their nullable forms.`);
    }
    // eslint-disable-next-line no-fallthrough
    case "body": {
      if (t.k === "void") b2.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      return e;
    }
    default:
      if (t.k === "void") b2.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      return e;
  }
}
function constString(e) {
  const v = e.cv.v;
  if (v === null) return { v: null };
  if (typeof v === "boolean") return { v: v ? "True" : "False" };
  if (typeof v === "number" && isNamed(e.type, "char")) return { v: String.fromCharCode(v) };
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 53 && primName(e.type) !== "double" && primName(e.type) !== "float") return { v: String(v) };
  return void 0;
}
var VARIABLE_TYPES;
var init_csharp = __esm({
  "compiler/csharp/index.ts"() {
    init_code();
    init_diagnostics();
    init_parser();
    init_binder();
    init_lower();
    init_types();
    init_surface();
    init_system();
    init_context();
    init_newtonsoft();
    init_linq();
    init_lower();
    init_code();
    setLiteralCode((v) => literal(v));
    setCastKey(castKey);
    setJCastKey(castKey);
    setBodyTarget((t) => literal(typeName(t)));
    setTypeTest((t) => js`((v) => ${typeTest(t, js`v`)})`);
    setDefaultOfCode((x) => defaultValue(x.retType));
    VARIABLE_TYPES = /* @__PURE__ */ new Set(["bool", "sbyte", "byte", "ushort", "uint", "ulong", "short", "int", "long", "decimal", "float", "double", "Guid", "string", "char", "DateTime", "TimeSpan"]);
  }
});

// runtime/errors.ts
function toDotNetException(e) {
  if (e instanceof DotNetException) return e;
  if (e instanceof TypeError && /null|undefined/.test(e.message)) return nullReference();
  if (e instanceof RangeError && /call stack/.test(e.message))
    return new DotNetException("System.InsufficientExecutionStackException", "Insufficient stack to continue executing the program safely.");
  const msg = e instanceof Error ? e.message : String(e);
  return new DotNetException("System.Exception", msg);
}
var DotNetException, nullReference, keyNotFound, invalidCast, formatError, argumentNull, argumentOutOfRange, argumentError, invalidOperation, overflow, divideByZero, indexOutOfRange, PolicyError;
var init_errors = __esm({
  "runtime/errors.ts"() {
    DotNetException = class extends Error {
      constructor(type2, message, inner) {
        super(message);
        this.type = type2;
        this.inner = inner;
      }
      get Message() {
        return this.message;
      }
      /** Short type name, e.g. "KeyNotFoundException". */
      get shortType() {
        return this.type.slice(this.type.lastIndexOf(".") + 1);
      }
      toString() {
        return `${this.type}: ${this.message}`;
      }
    };
    nullReference = () => new DotNetException("System.NullReferenceException", "Object reference not set to an instance of an object.");
    keyNotFound = (key) => new DotNetException("System.Collections.Generic.KeyNotFoundException", `The given key '${String(key)}' was not present in the dictionary.`);
    invalidCast = (from, to) => new DotNetException("System.InvalidCastException", `Unable to cast object of type '${from}' to type '${to}'.`);
    formatError = (message = "Input string was not in a correct format.") => new DotNetException("System.FormatException", message);
    argumentNull = (param) => new DotNetException("System.ArgumentNullException", `Value cannot be null.\r
Parameter name: ${param}`);
    argumentOutOfRange = (param, message = "Specified argument was out of the range of valid values.") => new DotNetException("System.ArgumentOutOfRangeException", `${message}\r
Parameter name: ${param}`);
    argumentError = (message) => new DotNetException("System.ArgumentException", message);
    invalidOperation = (message) => new DotNetException("System.InvalidOperationException", message);
    overflow = (message = "Arithmetic operation resulted in an overflow.") => new DotNetException("System.OverflowException", message);
    divideByZero = () => new DotNetException("System.DivideByZeroException", "Attempted to divide by zero.");
    indexOutOfRange = () => new DotNetException("System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
    PolicyError = class extends Error {
      constructor(reason, message, status = 500, source, cause) {
        super(message);
        this.reason = reason;
        this.status = status;
        this.source = source;
        this.cause = cause;
      }
    };
  }
});

// runtime/headers.ts
function joinValues(values) {
  return values.length === 1 ? values[0] : values.join(",");
}
function wireValue(lowerName, values) {
  if (values.length === 1) return values[0];
  return NO_COMMA_JOIN.has(lowerName) ? values.slice() : values.join(",");
}
function setHeader(h2, name, action, values) {
  if (typeof name !== "string" || name === "") throw new PolicyError("ExpressionValueEvaluationFailure", "Header name must be a non-empty string.");
  if (!isToken(name)) throw new PolicyError("ExpressionValueEvaluationFailure", `'${name}' is not a valid HTTP header name.`);
  const key = name.toLowerCase();
  const act = action === void 0 || action === null ? "override" : String(action);
  if (act !== "override" && act !== "skip" && act !== "append" && act !== "delete")
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${act}' is not a valid exists-action (override, skip, append, delete).`);
  if (PROTECTED_HEADERS.has(key) || key === "server" && h2.kind === "response" && act === "delete")
    throw new PolicyError("HeaderNotAllowed", `Header '${name}' cannot be changed by a policy.`);
  const vals = values.filter((v) => v !== null && v !== void 0).map(String);
  for (const v of vals) if (/[\r\n\0]/.test(v)) throw new PolicyError("ExpressionValueEvaluationFailure", `Value of header '${name}' contains a line break or NUL.`);
  switch (act) {
    case "override":
      h2.m.set(key, { name, values: vals });
      return;
    case "skip":
      if (!h2.m.has(key)) h2.m.set(key, { name, values: vals });
      return;
    case "append":
      h2.appendValues(name, vals);
      return;
    case "delete":
      h2.m.delete(key);
      return;
  }
}
function isToken(s2) {
  return TOKEN.test(s2);
}
var NO_COMMA_JOIN, PROTECTED_HEADERS, HOP_BY_HOP, HeaderMap, TOKEN;
var init_headers = __esm({
  "runtime/headers.ts"() {
    init_errors();
    NO_COMMA_JOIN = /* @__PURE__ */ new Set([
      "user-agent",
      "www-authenticate",
      "proxy-authenticate",
      "cookie",
      "set-cookie",
      "warning",
      "date",
      "expires",
      "if-modified-since",
      "if-unmodified-since",
      "last-modified",
      "retry-after"
    ]);
    PROTECTED_HEADERS = /* @__PURE__ */ new Set(["connection", "content-length", "keep-alive", "transfer-encoding"]);
    HOP_BY_HOP = /* @__PURE__ */ new Set([
      "connection",
      "keep-alive",
      "proxy-connection",
      "transfer-encoding",
      "te",
      "trailer",
      "upgrade",
      "http2-settings"
    ]);
    HeaderMap = class _HeaderMap {
      /** "request" or "response": decides which headers are protected (Server only on responses). */
      constructor(kind = "request") {
        this.kind = kind;
      }
      /** Keyed by lower-cased name. */
      m = /* @__PURE__ */ new Map();
      static from(init, kind = "request") {
        const h2 = new _HeaderMap(kind);
        if (init)
          for (const name of Object.keys(init)) {
            const v = init[name];
            if (v === void 0) continue;
            h2.appendValues(name, typeof v === "string" ? [v] : [...v]);
          }
        return h2;
      }
      // ---- .NET surface -------------------------------------------------------------------------
      /** All values comma-joined, or `def` when the header is absent. */
      GetValueOrDefault(name, def = null) {
        const e = this.m.get(name.toLowerCase());
        return e === void 0 ? def : joinValues(e.values);
      }
      /** Indexer: throws KeyNotFoundException when absent, as the .NET dictionary does. */
      Item(name) {
        const e = this.m.get(name.toLowerCase());
        if (e === void 0) throw keyNotFound(name);
        return e.values.slice();
      }
      ContainsKey(name) {
        return this.m.has(name.toLowerCase());
      }
      /** TryGetValue without the out parameter: the values, or undefined. */
      TryGetValue(name) {
        return this.m.get(name.toLowerCase())?.values.slice();
      }
      get Count() {
        return this.m.size;
      }
      get Keys() {
        return Array.from(this.m.values(), (e) => e.name);
      }
      get Values() {
        return Array.from(this.m.values(), (e) => e.values.slice());
      }
      *[Symbol.iterator]() {
        for (const e of this.m.values()) yield { Key: e.name, Value: e.values.slice() };
      }
      // ---- internal operations --------------------------------------------------------------------
      get(name) {
        return this.m.get(name.toLowerCase());
      }
      has(name) {
        return this.m.has(name.toLowerCase());
      }
      /** Replace all values. */
      setValues(name, values) {
        this.m.set(name.toLowerCase(), { name, values });
      }
      appendValues(name, values) {
        const key = name.toLowerCase();
        const e = this.m.get(key);
        this.m.set(key, e === void 0 ? { name, values } : { name: e.name, values: [...e.values, ...values] });
      }
      delete(name) {
        this.m.delete(name.toLowerCase());
      }
      clone() {
        const h2 = new _HeaderMap(this.kind);
        for (const [k, e] of this.m) h2.m.set(k, e);
        return h2;
      }
      /** Plain object for tests and traces: lower-case name → values. */
      toRecord() {
        const out = /* @__PURE__ */ Object.create(null);
        for (const [k, e] of this.m) out[k] = e.values.slice();
        return out;
      }
      /** Node `setHeader`-style pairs with APIM joining rules applied. */
      toWire(skip = HOP_BY_HOP) {
        const out = /* @__PURE__ */ Object.create(null);
        for (const [k, e] of this.m) {
          if (skip.has(k)) continue;
          out[e.name] = wireValue(k, e.values);
        }
        return out;
      }
    };
    TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  }
});

// runtime/context.ts
function decodeQuery(s2) {
  try {
    return decodeURIComponent(s2.replace(/\+/g, " "));
  } catch {
    return s2;
  }
}
function encodeQuery(s2) {
  return encodeURIComponent(s2).replace(/%20/g, "+");
}
function decodePath(p3) {
  try {
    return decodeURI(p3);
  } catch {
    return p3;
  }
}
function encodePath(p3) {
  return encodeURI(p3).replace(/%25([0-9A-Fa-f]{2})/g, "%$1");
}
function newEnvironment(init = {}) {
  return { backends: /* @__PURE__ */ new Map(), examples: /* @__PURE__ */ new Map(), stores: /* @__PURE__ */ new Map(), ...init };
}
var QueryMap, Url, RequestMessage, ResponseMessage, VariableMap, Context, EMPTY_ENVIRONMENT;
var init_context2 = __esm({
  "runtime/context.ts"() {
    init_headers();
    init_errors();
    QueryMap = class _QueryMap {
      m = /* @__PURE__ */ new Map();
      static parse(search) {
        const q = new _QueryMap();
        if (search.startsWith("?")) search = search.slice(1);
        if (search === "") return q;
        for (const part of search.split("&")) {
          if (part === "") continue;
          const eq2 = part.indexOf("=");
          const k = decodeQuery(eq2 === -1 ? part : part.slice(0, eq2));
          const v = eq2 === -1 ? "" : decodeQuery(part.slice(eq2 + 1));
          const list = q.m.get(k);
          if (list) list.push(v);
          else q.m.set(k, [v]);
        }
        return q;
      }
      GetValueOrDefault(name, def = null) {
        const v = this.m.get(name);
        return v === void 0 ? def : v.join(",");
      }
      Item(name) {
        const v = this.m.get(name);
        if (v === void 0) throw keyNotFound(name);
        return v.slice();
      }
      ContainsKey(name) {
        return this.m.has(name);
      }
      TryGetValue(name) {
        return this.m.get(name)?.slice();
      }
      get Count() {
        return this.m.size;
      }
      get Keys() {
        return [...this.m.keys()];
      }
      get Values() {
        return [...this.m.values()].map((v) => v.slice());
      }
      *[Symbol.iterator]() {
        for (const [k, v] of this.m) yield { Key: k, Value: v.slice() };
      }
      clone() {
        const q = new _QueryMap();
        for (const [k, v] of this.m) q.m.set(k, v.slice());
        return q;
      }
      /** `?a=1&b=2`, or "" when empty. */
      toSearch() {
        if (this.m.size === 0) return "";
        const parts = [];
        for (const [k, vs] of this.m) for (const v of vs) parts.push(`${encodeQuery(k)}=${encodeQuery(v)}`);
        return `?${parts.join("&")}`;
      }
    };
    Url = class _Url {
      constructor(Scheme, Host, Port, Path, Query) {
        this.Scheme = Scheme;
        this.Host = Host;
        this.Port = Port;
        this.Path = Path;
        this.Query = Query;
      }
      static parse(href) {
        const u = new URL(href);
        const scheme = u.protocol.replace(/:$/, "");
        const port = u.port ? Number(u.port) : scheme === "https" ? 443 : 80;
        return new _Url(scheme, u.hostname, port, decodePath(u.pathname), QueryMap.parse(u.search));
      }
      get QueryString() {
        return this.Query.toSearch();
      }
      ToString() {
        return this.href();
      }
      toString() {
        return this.href();
      }
      href() {
        const defaultPort = this.Scheme === "https" && this.Port === 443 || this.Scheme === "http" && this.Port === 80;
        const host = this.Host.includes(":") ? `[${this.Host}]` : this.Host;
        return `${this.Scheme}://${host}${defaultPort ? "" : `:${this.Port}`}${encodePath(this.Path)}${this.QueryString}`;
      }
      clone() {
        return new _Url(this.Scheme, this.Host, this.Port, this.Path, this.Query.clone());
      }
    };
    RequestMessage = class {
      constructor(Method, Url2, Headers, Body) {
        this.Method = Method;
        this.Url = Url2;
        this.Headers = Headers;
        this.Body = Body;
        this.OriginalUrl = Url2.clone();
        this.OriginalMethod = Method;
      }
      OriginalUrl;
      MatchedParameters = /* @__PURE__ */ new Map();
      IpAddress = "127.0.0.1";
      Certificate = null;
      /** The method the client sent; `Method` may be changed by set-method. */
      OriginalMethod;
    };
    ResponseMessage = class {
      constructor(StatusCode = 200, StatusReason = "OK", Headers = new HeaderMap("response"), Body = null) {
        this.StatusCode = StatusCode;
        this.StatusReason = StatusReason;
        this.Headers = Headers;
        this.Body = Body;
      }
    };
    VariableMap = class extends Map {
      ContainsKey(name) {
        return this.has(name);
      }
      Item(name) {
        if (!this.has(name)) throw keyNotFound(name);
        return this.get(name);
      }
      /** Raw lookup; the C# lowering adds the `<T>` conversion. */
      GetValueOrDefault(name, def = null) {
        return this.has(name) ? this.get(name) : def;
      }
      TryGetValue(name) {
        return this.get(name);
      }
      get Count() {
        return this.size;
      }
      get Keys() {
        return [...this.keys()];
      }
    };
    Context = class {
      constructor(Request, init = {}) {
        this.Request = Request;
        this.RequestId = init.requestId ?? globalThis.crypto.randomUUID();
        this.$timestampMs = init.timestampMs ?? Date.now();
        this.Api = {
          Id: "api",
          Name: "api",
          Path: "",
          Protocols: ["https"],
          ServiceUrl: null,
          IsCurrentRevision: true,
          Revision: "1",
          Version: null,
          SubscriptionKeyParameterNames: { Header: "Ocp-Apim-Subscription-Key", Query: "subscription-key" },
          ...init.api
        };
        this.Operation = { Id: "operation", Name: "operation", Method: Request.Method, UrlTemplate: "/*", ...init.operation };
        this.Deployment = { GatewayId: "self-hosted", Region: "local", ServiceId: "apimc", ServiceName: "apimc", ...init.deployment };
      }
      Response = new ResponseMessage();
      Variables = new VariableMap();
      Api;
      Operation;
      Product = null;
      Subscription = null;
      User = null;
      Deployment;
      LastError = null;
      Tracing = false;
      /** Guid, as its "D" string form. */
      RequestId;
      /** `context.Timestamp` as epoch milliseconds (UTC); the C# surface lowers it to a DateTime. */
      $timestampMs;
      /** Trace entries of this request (trace policy, context.Trace, one-way request outcomes). */
      $trace = [];
      /** Index into the module's policy table of the policy now running, for LastError. */
      $p = -1;
      /** Base URL of the backend (set-backend-service changes it). */
      $backendUrl = null;
      /** Bodies stream through (set by the gateway when the module reads no body). */
      $streamBodies = false;
      /** Pending one-way sends, so a host can drain them at shutdown. */
      $oneWay = [];
      /** The gateway's backends, examples and stores (an empty one for runPolicy without a gateway). */
      $env = EMPTY_ENVIRONMENT;
      /** `context.Trace(message)`. */
      Trace(message) {
        this.$trace.push({ source: "context.Trace", severity: "information", message: String(message), timeMs: Date.now() });
      }
      /** `context.Elapsed` in milliseconds; the C# surface lowers it to a TimeSpan. */
      get $elapsedMs() {
        return Date.now() - this.$timestampMs;
      }
    };
    EMPTY_ENVIRONMENT = newEnvironment();
  }
});

// runtime/dotnet/core.ts
function toStr2(v) {
  if (v === null || v === void 0) return "";
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "True" : "False";
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? String(v) : fmtDouble(v);
    case "bigint":
      return String(v);
    case "object": {
      const o = v;
      if (typeof o.ToString === "function") return o.ToString();
      if (v instanceof Uint8Array) return "System.Byte[]";
      if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? "System.String[]" : "System.Object[]";
      if (v instanceof DotNetException) return v.toString();
      if (v instanceof Map) return "System.Collections.Generic.Dictionary`2[System.String,System.Object]";
      if (v instanceof Set) return "System.Collections.Generic.HashSet`1[System.Object]";
      if ("Key" in v && "Value" in v) {
        const kv = v;
        return `[${toStr2(kv.Key)}, ${toStr2(kv.Value)}]`;
      }
      return String(v);
    }
    default:
      return String(v);
  }
}
function toStrOrNull(v) {
  return v === null || v === void 0 ? null : toStr2(v);
}
function toStrOrEmpty(v) {
  return toStr2(v);
}
function boxChar(c2) {
  return c2 === null || c2 === void 0 ? null : String.fromCharCode(c2);
}
function fmtDouble(x) {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mant, expS] = x.toExponential().split("e");
  const exp = Number(expS);
  if (exp >= 15 || exp < -5) {
    const e = Math.abs(exp);
    return `${mant}E${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  return x.toFixed(Math.max(0, digitsAfterPoint(mant, exp)));
}
function digitsAfterPoint(mant, exp) {
  const digits = mant.replace("-", "").replace(".", "").length;
  return digits - 1 - exp;
}
function fmtFloat(x) {
  if (!Number.isFinite(x) || x === 0) return fmtDouble(x);
  for (let p3 = 1; p3 <= 9; p3++) {
    const s2 = x.toPrecision(p3);
    if (Math.fround(Number(s2)) === Math.fround(x)) return fmtDouble(Number(s2));
  }
  return fmtDouble(x);
}
function numToString(x, type2) {
  if (type2 === "double") return fmtDouble(x);
  if (type2 === "float") return fmtFloat(x);
  if (type2 === "decimal") return fmtDecimal(x);
  if (Math.abs(x) >= 2 ** 53 && type2 === "long") return x > 0 ? x >= 9223372036854776e3 ? "9223372036854775807" : BigInt(x).toString() : x <= -9223372036854776e3 ? "-9223372036854775808" : BigInt(x).toString();
  if (Math.abs(x) >= 2 ** 53 && type2 === "ulong") return x >= 18446744073709552e3 ? "18446744073709551615" : BigInt(x).toString();
  return String(x);
}
function fmtDecimal(x) {
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return BigInt(x).toString();
  const s2 = String(x);
  if (!/e/i.test(s2)) return s2;
  return x.toFixed(20).replace(/\.?0+$/, "");
}
function numFormat(x, format, type2) {
  if (format === null || format === "") return numToString(x, type2);
  const m2 = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (!m2) return customFormat(x, format);
  const spec = m2[1];
  const prec = m2[2] === "" ? -1 : Number(m2[2]);
  const integral = !["double", "float", "decimal"].includes(type2);
  switch (spec) {
    case "D":
    case "d": {
      if (!integral) throw formatError("Format specifier was invalid.");
      const s2 = Math.abs(x).toString();
      return (x < 0 ? "-" : "") + s2.padStart(prec < 0 ? 0 : prec, "0");
    }
    case "X":
    case "x": {
      if (!integral) throw formatError("Format specifier was invalid.");
      let v = x;
      if (v < 0) v = type2 === "long" ? Number(BigInt.asUintN(64, BigInt(v))) : type2 === "short" ? v & 65535 : type2 === "sbyte" ? v & 255 : v >>> 0;
      let s2 = v.toString(16);
      if (spec === "X") s2 = s2.toUpperCase();
      return s2.padStart(prec < 0 ? 0 : prec, "0");
    }
    case "F":
    case "f":
      return fixedFmt(x, prec < 0 ? 2 : prec, false);
    case "N":
    case "n":
      return fixedFmt(x, prec < 0 ? 2 : prec, true);
    case "P":
    case "p":
      return `${fixedFmt(x * 100, prec < 0 ? 2 : prec, true)} %`;
    case "C":
    case "c": {
      const s2 = fixedFmt(Math.abs(x), prec < 0 ? 2 : prec, true);
      return x < 0 ? `(${INV.currency}${s2})` : `${INV.currency}${s2}`;
    }
    case "E":
    case "e": {
      const p3 = prec < 0 ? 6 : prec;
      const [mant, e] = roundHalfAway(x, p3, true).split("e");
      const n = Number(e);
      return `${mant}${spec}${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(3, "0")}`;
    }
    case "G":
    case "g": {
      if (prec <= 0) {
        const s2 = numToString(x, type2);
        return spec === "g" ? s2.replace("E", "e") : s2;
      }
      if (x === 0) return "0";
      const [mant, e] = x.toExponential(prec - 1).split("e");
      const n = Number(e);
      if (n >= prec || n < -5) {
        const mm = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
        return `${mm}${spec === "g" ? "e" : "E"}${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
      }
      const fixed = Number(`${mant}e${n}`).toFixed(Math.max(0, prec - 1 - n));
      return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
    }
    case "R":
    case "r":
      return numToString(x, type2);
    default:
      throw formatError("Format specifier was invalid.");
  }
}
function roundHalfAway(x, digits, exponential = false) {
  if (exponential) return x.toExponential(digits);
  if (Math.abs(x) >= 1e21) return x.toFixed(0);
  return x.toFixed(Math.min(100, digits));
}
function fixedFmt(x, digits, group) {
  let s2 = roundHalfAway(x, digits);
  if (/^-0(\.0*)?$/.test(s2)) s2 = s2.slice(1);
  if (!group) return s2;
  const neg = s2.startsWith("-");
  if (neg) s2 = s2.slice(1);
  const [ip, fp] = s2.split(".");
  const g = ip.replace(/\B(?=(\d{3})+(?!\d))/g, INV.group);
  return (neg ? "-" : "") + g + (fp !== void 0 ? `.${fp}` : "");
}
function customFormat(x, format) {
  const sections = splitSections(format);
  let fmt = sections[0];
  let v = x;
  if (sections.length > 1 && x < 0) {
    fmt = sections[1];
    v = -x;
  } else if (sections.length > 2 && x === 0) fmt = sections[2];
  let pct = 0;
  let body = "";
  const literals = [];
  for (let i2 = 0; i2 < fmt.length; i2++) {
    const c2 = fmt[i2];
    if (c2 === "'" || c2 === '"') {
      const end = fmt.indexOf(c2, i2 + 1);
      literals.push(fmt.slice(i2 + 1, end < 0 ? fmt.length : end));
      body += `\0${literals.length - 1}\0`;
      i2 = end < 0 ? fmt.length : end;
    } else if (c2 === "\\") {
      literals.push(fmt[i2 + 1] ?? "");
      body += `\0${literals.length - 1}\0`;
      i2++;
    } else {
      if (c2 === "%") pct++;
      body += c2;
    }
  }
  v *= 100 ** pct;
  const numMatch = /[0#][0#,]*(\.[0#]*)?|\.[0#]+/.exec(body);
  if (!numMatch) return body.replace(/\u0000(\d+)\u0000/g, (_m, i2) => literals[Number(i2)]);
  const pattern = numMatch[0];
  const [ipat, fpat = ""] = pattern.split(".");
  const grouping2 = ipat.includes(",");
  let scale = 0;
  let ip2 = ipat;
  while (ip2.endsWith(",")) {
    scale++;
    ip2 = ip2.slice(0, -1);
  }
  v /= 1e3 ** scale;
  const minInt = (ip2.replace(/,/g, "").match(/0/g) ?? []).length;
  const maxFrac = fpat.length;
  const minFrac = fpat.replace(/#+$/, "").length;
  let s2 = Math.abs(v).toFixed(maxFrac);
  let [i, f = ""] = s2.split(".");
  while (f.length > minFrac && f.endsWith("0")) f = f.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouping2) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  s2 = i + (f ? `.${f}` : "");
  const neg = v < 0 && Number(s2.replace(/,/g, "")) !== 0 && sections.length < 2;
  const out = body.slice(0, numMatch.index) + (neg ? "-" : "") + s2 + body.slice(numMatch.index + pattern.length);
  return out.replace(/\u0000(\d+)\u0000/g, (_m, n) => literals[Number(n)]);
}
function splitSections(f) {
  const out = [];
  let cur = "";
  let q = null;
  for (let i = 0; i < f.length; i++) {
    const c2 = f[i];
    if (q) {
      if (c2 === q) q = null;
      cur += c2;
    } else if (c2 === "'" || c2 === '"') {
      q = c2;
      cur += c2;
    } else if (c2 === "\\") {
      cur += c2 + (f[i + 1] ?? "");
      i++;
    } else if (c2 === ";") {
      out.push(cur);
      cur = "";
    } else cur += c2;
  }
  out.push(cur);
  return out;
}
function fmtValue(v, format) {
  if (v === null || v === void 0) return "";
  if (format === null || format === void 0 || format === "") return toStr2(v);
  if (typeof v === "number") return numFormat(v, format, Number.isInteger(v) ? "long" : "double");
  const o = v;
  if (typeof o === "object" && typeof o.ToString === "function" && o.ToString.length >= 0) return o.ToString(format);
  if (typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return guidFormatRaw(v, format);
  return toStr2(v);
}
function guidFormatRaw(g, f) {
  switch (f) {
    case "N":
    case "n":
      return g.replace(/-/g, "");
    case "B":
    case "b":
      return `{${g}}`;
    case "P":
    case "p":
      return `(${g})`;
    default:
      return g;
  }
}
function align(s2, n) {
  return n >= 0 ? s2.padStart(n) : s2.padEnd(-n);
}
function strFormat(format, args) {
  if (format === null) throw argumentNull("format");
  if (args === null) throw argumentNull("args");
  let out = "";
  let i = 0;
  const n = format.length;
  while (i < n) {
    const c2 = format[i];
    if (c2 === "{") {
      if (format[i + 1] === "{") {
        out += "{";
        i += 2;
        continue;
      }
      const close = format.indexOf("}", i);
      if (close < 0) throw formatError();
      const item = format.slice(i + 1, close);
      const m2 = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(item);
      if (!m2) throw formatError();
      const idx = Number(m2[1]);
      if (idx >= args.length) throw formatError("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
      let s2 = fmtValue(args[idx], m2[3] ?? null);
      if (m2[2] !== void 0) s2 = align(s2, Number(m2[2]));
      out += s2;
      i = close + 1;
      continue;
    }
    if (c2 === "}") {
      if (format[i + 1] === "}") {
        out += "}";
        i += 2;
        continue;
      }
      throw formatError();
    }
    out += c2;
    i++;
  }
  return out;
}
function idiv(a, b2) {
  if (b2 === 0) throw divideByZero();
  return Math.trunc(a / b2);
}
function imod(a, b2) {
  if (b2 === 0) throw divideByZero();
  return a % b2;
}
function ddiv(a, b2) {
  if (b2 === 0) throw divideByZero();
  return a / b2;
}
function dblToInt(x) {
  if (!Number.isFinite(x) || x >= 2147483648 || x < -2147483648) return -2147483648;
  return Math.trunc(x);
}
function decimalToInt(x, type2) {
  const t = Math.trunc(x);
  const r = INT_RANGES[type2];
  if (r && (t < r[0] || t > r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type2)}.`);
  return t;
}
function typeLabel(t) {
  return { sbyte: "a signed byte", byte: "an unsigned byte", short: "an Int16", ushort: "a UInt16", int: "an Int32", uint: "a UInt32", long: "an Int64", ulong: "a UInt64", char: "a character" }[t] ?? t;
}
function liftNum(op, type2, a, b2) {
  const cmp2 = op === "<" || op === ">" || op === "<=" || op === ">=";
  if (a === null || a === void 0 || b2 === null || b2 === void 0) return cmp2 ? false : null;
  switch (op) {
    case "<":
      return a < b2;
    case ">":
      return a > b2;
    case "<=":
      return a <= b2;
    case ">=":
      return a >= b2;
    case "+":
      return wrap(a + b2, type2);
    case "-":
      return wrap(a - b2, type2);
    case "*":
      return type2 === "int" ? Math.imul(a, b2) : wrap(a * b2, type2);
    case "/":
      return INT_RANGES[type2] ? wrap(idiv(a, b2), type2) : type2 === "decimal" ? ddiv(a, b2) : a / b2;
    case "%":
      return INT_RANGES[type2] ? imod(a, b2) : a % b2;
    case "&":
      return a & b2;
    case "|":
      return a | b2;
    case "^":
      return a ^ b2;
    case "<<":
      return a << b2;
    case ">>":
      return a >> b2;
  }
  throw invalidOperation(`operator ${op}`);
}
function wrap(v, type2) {
  if (type2 === "int") return v | 0;
  if (type2 === "uint") return v >>> 0;
  return v;
}
function liftBool(op, a, b2) {
  if (op === "&") {
    if (a === false || b2 === false) return false;
    return a === null || b2 === null ? null : true;
  }
  if (op === "|") {
    if (a === true || b2 === true) return true;
    return a === null || b2 === null ? null : false;
  }
  return a === null || b2 === null ? null : a !== b2;
}
function liftNot(a) {
  return a === null || a === void 0 ? null : !a;
}
function lbit(op, a, b2) {
  const x = BigInt.asIntN(64, BigInt(a));
  const y = BigInt.asIntN(64, BigInt(b2));
  const r = op === "&" ? x & y : op === "|" ? x | y : x ^ y;
  return Number(BigInt.asIntN(64, r));
}
function lshift(a, n, type2) {
  if (type2 === "uint") return a << (n & 31) >>> 0;
  return Number(BigInt.asIntN(64, BigInt(a) << BigInt(n & 63)));
}
function rshift(a, n, type2) {
  if (type2 === "ulong") return Number(BigInt.asUintN(64, BigInt(a)) >> BigInt(n & 63));
  return Number(BigInt.asIntN(64, BigInt(a)) >> BigInt(n & 63));
}
function nullableValue(v) {
  if (v === null || v === void 0) throw invalidOperation("Nullable object must have a value.");
  return v;
}
function runtimeTypeName(v) {
  if (v === null || v === void 0) return "null";
  switch (typeof v) {
    case "string":
      return "System.String";
    case "boolean":
      return "System.Boolean";
    case "number":
      return Number.isInteger(v) ? "System.Int32" : "System.Double";
    case "bigint":
      return "System.Int64";
  }
  if (v instanceof Uint8Array) return "System.Byte[]";
  if (Array.isArray(v)) return "System.Object[]";
  if (v.constructor?.name === "ResponseMessage") return "Microsoft.Azure.ApiManagement.Response";
  const n = v.$typeName;
  if (n) return n;
  return v.constructor?.name ?? "System.Object";
}
function isGuid(v) {
  return typeof v === "string" && GUID_RE.test(v);
}
function registerTypeCheck(name, f) {
  CLASS_CHECKS.set(name, f);
}
function isOfType(v, key) {
  if (v === null || v === void 0) return false;
  const k = key.endsWith("?") ? key.slice(0, -1) : key;
  const c2 = CHECKS[k] ?? CLASS_CHECKS.get(k);
  if (c2) return c2(v);
  if (k.endsWith("[]")) return Array.isArray(v) && v.every((x) => x === null || isOfType(x, k.slice(0, -2)));
  return true;
}
function castTo(v, key, _lenient = false) {
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  if (v === null || v === void 0) {
    if (!nullable && VALUE_TYPES.has(k)) throw nullReference();
    return null;
  }
  if (!isOfType(v, k)) throw invalidCast(runtimeTypeName(v), displayName(k));
  if (k === "char") return v.charCodeAt(0);
  return v;
}
function displayName(k) {
  const m2 = {
    string: "System.String",
    bool: "System.Boolean",
    int: "System.Int32",
    long: "System.Int64",
    double: "System.Double",
    float: "System.Single",
    decimal: "System.Decimal",
    char: "System.Char",
    byte: "System.Byte",
    short: "System.Int16",
    Guid: "System.Guid",
    DateTime: "System.DateTime",
    TimeSpan: "System.TimeSpan",
    IResponse: "Microsoft.Azure.ApiManagement.IResponse",
    JObject: "Newtonsoft.Json.Linq.JObject",
    JToken: "Newtonsoft.Json.Linq.JToken",
    JArray: "Newtonsoft.Json.Linq.JArray"
  };
  return m2[k] ?? k;
}
function objEquals(a, b2) {
  if (a === b2) return true;
  if (a === null || a === void 0 || b2 === null || b2 === void 0) return false;
  const e = a.Equals;
  if (typeof a === "object" && typeof e === "function") return e.call(a, b2);
  return false;
}
function valueEquals(a, b2) {
  if (a === b2) return true;
  if (a === null || a === void 0 || b2 === null || b2 === void 0) return false;
  return a.Equals(b2);
}
function cmp(a, b2) {
  if (a === b2) return 0;
  if (a === null || a === void 0) return -1;
  if (b2 === null || b2 === void 0) return 1;
  if (typeof a === "number" && typeof b2 === "number") return a < b2 ? -1 : a > b2 ? 1 : 0;
  if (typeof a === "string" && typeof b2 === "string") return a < b2 ? -1 : a > b2 ? 1 : 0;
  if (typeof a === "boolean" && typeof b2 === "boolean") return (a ? 1 : 0) - (b2 ? 1 : 0);
  const c2 = a.CompareTo;
  if (typeof c2 === "function") return c2.call(a, b2);
  throw argumentError("At least one object must implement IComparable.");
}
function hashCode(v) {
  const s2 = toStr2(v);
  let h2 = 0;
  for (let i = 0; i < s2.length; i++) h2 = Math.imul(h2, 31) + s2.charCodeAt(i) | 0;
  return h2;
}
function isException(e, full) {
  if (!(e instanceof DotNetException)) return false;
  if (full === "System.Exception") return true;
  for (let t = e.type; t; t = EXCEPTION_PARENTS[t]) if (t === full) return true;
  return false;
}
function newException(type2, message, inner) {
  return new DotNetException(type2, message ?? `Exception of type '${type2}' was thrown.`, inner ?? null);
}
function throwable(e) {
  return e === null || e === void 0 ? nullReference() : e;
}
function throwValue(e) {
  throw throwable(e);
}
function parseNum(s2, type2, style = -1) {
  const r = tryParseNum(s2, type2, style);
  if (r === void 0) {
    if (s2 === null) throw argumentNull("s");
    const t = s2.trim();
    const integral = type2 in INT_RANGES;
    if ((integral ? INT_RE : NUM_RE).test(t) || integral && (style & STYLE_HEX) !== 0 && /^[0-9a-fA-F]+$/.test(t))
      throw overflow(`Value was either too large or too small for ${typeLabel(type2)}.`);
    throw formatError();
  }
  return r;
}
function tryParseNum(s2, type2, style = -1) {
  if (s2 === null || s2 === void 0) return void 0;
  let t = s2.trim();
  const integral = type2 in INT_RANGES;
  let v;
  if (style !== -1 && (style & STYLE_HEX) !== 0) {
    if (!/^[0-9a-fA-F]+$/.test(t)) return void 0;
    v = parseInt(t, 16);
    const bits = type2 === "long" || type2 === "ulong" ? 64 : type2 === "short" || type2 === "ushort" ? 16 : type2 === "byte" || type2 === "sbyte" ? 8 : 32;
    if (v >= 2 ** bits) return void 0;
    if (!type2.startsWith("u") && type2 !== "byte" && v >= 2 ** (bits - 1)) v -= 2 ** bits;
    return v;
  }
  if ((style === -1 ? !integral : (style & STYLE_THOUSANDS) !== 0) && /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
  if (integral) {
    if (!INT_RE.test(t)) {
      if (style !== -1 && /^[+-]?\d+\.0*$/.test(t)) t = t.replace(/\.0*$/, "");
      else return void 0;
    }
    v = Number(t);
    const [lo, hi] = INT_RANGES[type2];
    if (v < lo || v > hi) return void 0;
    return v === 0 ? 0 : v;
  }
  if (/^[+-]?(Infinity|∞)$/.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (t === "NaN") return NaN;
  if (!NUM_RE.test(t)) return void 0;
  v = Number(t);
  if (type2 === "float") v = Math.fround(v);
  if (type2 === "decimal" && Math.abs(v) > 7922816251426434e13) return void 0;
  if (!Number.isFinite(v) && type2 !== "double" && type2 !== "float") return void 0;
  return v;
}
function parseBool(s2) {
  if (s2 === null) throw argumentNull("value");
  const r = tryParseBool(s2);
  if (r === void 0) throw formatError("String was not recognized as a valid Boolean.");
  return r;
}
function tryParseBool(s2) {
  if (s2 === null || s2 === void 0) return void 0;
  const t = s2.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : void 0;
}
function parseChar(s2) {
  if (s2 === null) throw argumentNull("s");
  if (s2.length !== 1) throw formatError("String must be exactly one character long.");
  return s2.charCodeAt(0);
}
function charIs(kind, c2) {
  const s2 = String.fromCharCode(c2);
  switch (kind) {
    case "digit":
      return /\p{Nd}/u.test(s2);
    case "letter":
      return /\p{L}/u.test(s2);
    case "letterOrDigit":
      return /[\p{L}\p{Nd}]/u.test(s2);
    case "space":
      return /[\s\u0085]/.test(s2);
    case "upper":
      return /\p{Lu}/u.test(s2);
    case "lower":
      return /\p{Ll}/u.test(s2);
    case "punct":
      return /\p{P}/u.test(s2);
  }
  return false;
}
function mathRound(x, digits, mode) {
  if (digits < 0 || digits > 15) throw argumentOutOfRange("digits", "Rounding digits must be between 0 and 15, inclusive.");
  if (!Number.isFinite(x)) return x;
  const p3 = 10 ** digits;
  const y = x * p3;
  if (Math.abs(y) >= 2 ** 52) return x;
  const f = Math.floor(y);
  const diff = y - f;
  let r;
  const eps = 1e-9 * Math.max(1, Math.abs(y));
  if (Math.abs(diff - 0.5) <= (digits > 0 ? eps : 0)) r = mode === 1 ? y >= 0 ? f + 1 : f : f % 2 === 0 ? f : f + 1;
  else r = Math.round(y);
  if (mode === 1 && Math.abs(diff - 0.5) <= (digits > 0 ? eps : 0) && y < 0) r = f;
  return digits === 0 ? r : r / p3;
}
function mathSign(x) {
  if (Number.isNaN(x)) throw new DotNetException("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.");
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}
function newRandom() {
  return new Random();
}
function registerDateParser(f) {
  dateParser = f;
}
function convertTo(v, type2) {
  if (v === null || v === void 0) {
    if (type2 === "DateTime") return null;
    return type2 === "bool" ? false : type2 === "char" ? 0 : 0;
  }
  if (type2 === "bool") {
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    if (typeof v === "string") return parseBool(v);
    throw invalidCast(runtimeTypeName(v), "System.Boolean");
  }
  if (type2 === "DateTime") {
    if (typeof v === "string" && dateParser) return dateParser(v);
    if (typeof v === "object") return v;
    throw invalidCast(runtimeTypeName(v), "System.DateTime");
  }
  if (type2 === "char") {
    if (typeof v === "string") return parseChar(v);
    if (typeof v === "number") return checkRange(v, "char");
    throw invalidCast(runtimeTypeName(v), "System.Char");
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNum(v, type2);
  if (typeof v === "number") {
    if (type2 in INT_RANGES) return checkRange(mathRound(v, 0, 0), type2);
    return type2 === "float" ? Math.fround(v) : v;
  }
  throw invalidCast(runtimeTypeName(v), displayName(type2));
}
function checkRange(v, type2) {
  const r = INT_RANGES[type2];
  if (v < r[0] || v > r[1]) throw overflow(`Value was either too large or too small for ${typeLabel(type2)}.`);
  return v;
}
function parseBase(s2, base, type2) {
  if (s2 === null) return 0;
  if (![2, 8, 10, 16].includes(base)) throw argumentError("Invalid Base.");
  let t = s2;
  if (base === 16 && /^0x/i.test(t)) t = t.slice(2);
  const re = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 10 ? /^-?\d+$/ : /^[0-9a-fA-F]+$/;
  if (!re.test(t)) throw formatError("Could not find any recognizable digits.");
  let v = parseInt(t, base);
  const bits = type2 === "long" ? 64 : type2 === "byte" ? 8 : type2 === "short" ? 16 : 32;
  if (base !== 10 && v >= 2 ** bits) throw overflow();
  if (base !== 10 && type2 !== "byte" && v >= 2 ** (bits - 1)) v -= 2 ** bits;
  return checkRange(v, type2);
}
function intToBase(v, base) {
  if (![2, 8, 10, 16].includes(base)) throw argumentError("Invalid Base.");
  if (base === 10) return String(v);
  if (v < 0) v = v >= -2147483648 ? v >>> 0 : Number(BigInt.asUintN(64, BigInt(v)));
  return v.toString(base);
}
function newArray(n, def, bytes) {
  if (n < 0) throw overflow();
  if (bytes) return new Uint8Array(n);
  return new Array(n).fill(def);
}
function arrItem(a, i) {
  if (a === null || a === void 0) throw nullReference();
  if (i < 0 || i >= a.length || !Number.isInteger(i)) throw indexOutOfRange();
  return a[i];
}
function arrSet(a, i, v) {
  if (a === null || a === void 0) throw nullReference();
  if (i < 0 || i >= a.length) throw indexOutOfRange();
  a[i] = v;
  return v;
}
function notNull(v, name) {
  if (v === null || v === void 0) throw argumentNull(name);
  return v;
}
function nonNeg(v, name) {
  if (v < 0) throw argumentOutOfRange(name, "Non-negative number required.");
  return v;
}
var INV, INT_RANGES, GUID_RE, isInt, CHECKS, CLASS_CHECKS, VALUE_TYPES, compare, EXCEPTION_PARENTS, NUM_RE, INT_RE, STYLE_HEX, STYLE_THOUSANDS, Random, dateParser;
var init_core = __esm({
  "runtime/dotnet/core.ts"() {
    init_errors();
    INV = { group: ",", decimal: ".", currency: "\xA4", negative: "-" };
    INT_RANGES = {
      sbyte: [-128, 127],
      byte: [0, 255],
      short: [-32768, 32767],
      ushort: [0, 65535],
      int: [-2147483648, 2147483647],
      uint: [0, 4294967295],
      long: [-9223372036854776e3, 9223372036854776e3],
      ulong: [0, 18446744073709552e3],
      char: [0, 65535]
    };
    GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    isInt = (lo, hi) => (v) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
    CHECKS = {
      object: () => true,
      string: (v) => typeof v === "string",
      bool: (v) => typeof v === "boolean",
      sbyte: isInt(-128, 127),
      byte: isInt(0, 255),
      short: isInt(-32768, 32767),
      ushort: isInt(0, 65535),
      int: isInt(-2147483648, 2147483647),
      uint: isInt(0, 4294967295),
      long: (v) => typeof v === "number" && Number.isInteger(v),
      ulong: (v) => typeof v === "number" && Number.isInteger(v) && v >= 0,
      double: (v) => typeof v === "number",
      float: (v) => typeof v === "number",
      decimal: (v) => typeof v === "number",
      char: (v) => typeof v === "string" && v.length === 1,
      Guid: isGuid,
      "byte[]": (v) => v instanceof Uint8Array
    };
    CLASS_CHECKS = /* @__PURE__ */ new Map();
    VALUE_TYPES = /* @__PURE__ */ new Set(["bool", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "double", "float", "decimal", "char", "Guid", "DateTime", "TimeSpan", "DateTimeOffset"]);
    compare = cmp;
    EXCEPTION_PARENTS = {
      "System.ArgumentNullException": "System.ArgumentException",
      "System.ArgumentOutOfRangeException": "System.ArgumentException",
      "System.ArgumentException": "System.SystemException",
      "System.FormatException": "System.SystemException",
      "System.InvalidOperationException": "System.SystemException",
      "System.NullReferenceException": "System.SystemException",
      "System.InvalidCastException": "System.SystemException",
      "System.NotSupportedException": "System.SystemException",
      "System.NotImplementedException": "System.SystemException",
      "System.OverflowException": "System.ArithmeticException",
      "System.DivideByZeroException": "System.ArithmeticException",
      "System.ArithmeticException": "System.SystemException",
      "System.IndexOutOfRangeException": "System.SystemException",
      "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
      "Newtonsoft.Json.JsonReaderException": "Newtonsoft.Json.JsonException",
      "Newtonsoft.Json.JsonException": "System.Exception",
      "System.SystemException": "System.Exception"
    };
    NUM_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
    INT_RE = /^\s*[+-]?\d+\s*$/;
    STYLE_HEX = 512;
    STYLE_THOUSANDS = 64;
    Random = class {
      $typeName = "System.Random";
      Next(min = 0, max = 2147483647) {
        if (min > max) throw argumentOutOfRange("minValue", "'minValue' cannot be greater than maxValue.");
        return min + Math.floor(Math.random() * (max - min));
      }
      NextDouble() {
        return Math.random();
      }
      NextBytes(b2) {
        globalThis.crypto.getRandomValues(b2);
      }
    };
    dateParser = null;
  }
});

// runtime/dotnet/newtonsoft.ts
function adopt(t, parent) {
  let x = t ?? JValue.null();
  if (x.Parent) x = x.DeepClone();
  x.Parent = parent;
  return x;
}
function toJToken(v, fromObject = false) {
  if (v instanceof JToken) return v;
  if (v === null || v === void 0) return JValue.null();
  switch (typeof v) {
    case "string":
      return new JValue(8 /* String */, v);
    case "boolean":
      return new JValue(9 /* Boolean */, v);
    case "number":
      return new JValue(Number.isInteger(v) ? 6 /* Integer */ : 7 /* Float */, v);
    case "bigint":
      return new JValue(6 /* Integer */, Number(v));
  }
  if (v instanceof Uint8Array) return new JValue(14 /* Bytes */, v);
  const tn = v.$typeName;
  if (tn === "System.DateTime" || tn === "System.DateTimeOffset") return new JValue(12 /* Date */, v);
  if (tn === "System.TimeSpan") return new JValue(17 /* TimeSpan */, v);
  if (tn === "System.Uri") return new JValue(16 /* Uri */, v);
  if (Array.isArray(v) || v instanceof Set) return JArray.of([...v].map((x) => toJToken(x, fromObject)));
  if (v instanceof Map) {
    const o2 = new JObject();
    for (const e of v instanceof Map && typeof v.Item === "function" ? v : [...v].map(([Key, Value]) => ({ Key, Value })))
      o2.AddProperty(String(e.Key), toJToken(e.Value, fromObject));
    return o2;
  }
  if (typeof v[Symbol.iterator] === "function") {
    const items = [...v];
    if (items.every((x) => x && typeof x === "object" && "Key" in x && "Value" in x)) {
      const o2 = new JObject();
      for (const e of items) o2.AddProperty(String(e.Key), toJToken(e.Value, fromObject));
      return o2;
    }
    return JArray.of(items.map((x) => toJToken(x, fromObject)));
  }
  if (typeof v.ToString === "function" && tn) return new JValue(8 /* String */, v.ToString());
  const o = new JObject();
  for (const [k, x] of Object.entries(v)) if (!k.startsWith("$")) o.AddProperty(k, toJToken(x, fromObject));
  return o;
}
function toJValue(v, type2) {
  if (v instanceof JToken) return v;
  const t = type2.endsWith("?") ? type2.slice(0, -1) : type2;
  if (v === null || v === void 0) return t === "string" ? new JValue(8 /* String */, null) : JValue.null();
  switch (t) {
    case "double":
    case "float":
    case "decimal":
      return new JValue(7 /* Float */, v);
    case "string":
      return new JValue(8 /* String */, v);
    case "char":
      return new JValue(8 /* String */, typeof v === "number" ? String.fromCharCode(v) : v);
    case "Guid":
      return new JValue(15 /* Guid */, v);
  }
  return toJToken(v);
}
function registerDateTimeOps(ops) {
  dateTimeOps = ops;
}
function jconv(token, key) {
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  if (["JToken", "JObject", "JArray", "JValue", "JProperty", "JContainer", "object"].includes(k)) {
    if (token === null || token === void 0) return null;
    if (k === "JObject" && !(token instanceof JObject)) throw invalidCast(token.$typeName, "Newtonsoft.Json.Linq.JObject");
    if (k === "JArray" && !(token instanceof JArray)) throw invalidCast(token.$typeName, "Newtonsoft.Json.Linq.JArray");
    if (k === "JValue" && !(token instanceof JValue)) throw invalidCast(token.$typeName, "Newtonsoft.Json.Linq.JValue");
    if (k === "object" && token instanceof JValue) return token.Value;
    return token;
  }
  if (Array.isArray(token)) {
    throw invalidCast("System.Collections.Generic.IEnumerable`1[Newtonsoft.Json.Linq.JToken]", "Newtonsoft.Json.Linq.JToken");
  }
  if (token === null || token === void 0) {
    if (k === "string" || nullable || k === "byte[]") return null;
    throw argumentNull("value");
  }
  const t = token;
  if (!(t instanceof JValue)) {
    if (k === "string" && false) return t.ToString();
    throw argumentError(`Can not convert ${TT_NAMES[t.Type]} to ${typeLabel2[k] ?? k}.`);
  }
  const v = t.Value;
  const type2 = t.Type;
  if (type2 === 10 /* Null */ || type2 === 11 /* Undefined */ || v === null) {
    if (k === "string" || nullable || k === "byte[]") return null;
    throw argumentError(`Can not convert Null to ${typeLabel2[k] ?? k}.`);
  }
  const bad = () => {
    throw argumentError(`Can not convert ${TT_NAMES[type2]} to ${typeLabel2[k] ?? k}.`);
  };
  switch (k) {
    case "string":
      if (type2 === 7 /* Float */) return fmtDouble(v);
      if (type2 === 9 /* Boolean */) return v ? "True" : "False";
      if (type2 === 14 /* Bytes */) return Buffer.from(v).toString("base64");
      if (type2 === 12 /* Date */ && dateTimeOps) return dateTimeOps.format(v);
      if (typeof v === "object" && v !== null && typeof v.ToString === "function") return v.ToString();
      return String(v);
    case "bool":
      if (type2 === 9 /* Boolean */) return v;
      if (type2 === 6 /* Integer */ || type2 === 7 /* Float */) return v !== 0;
      if (type2 === 8 /* String */) return parseBool(v);
      return bad();
    case "char":
      if (type2 === 8 /* String */) {
        if (v.length !== 1) throw formatError("String must be exactly one character long.");
        return v.charCodeAt(0);
      }
      if (type2 === 6 /* Integer */) return v;
      return bad();
    case "DateTime":
    case "DateTimeOffset":
      if (type2 === 12 /* Date */) return v;
      if (type2 === 8 /* String */ && dateTimeOps) return dateTimeOps.parse(v);
      return bad();
    case "Guid":
      if (type2 === 15 /* Guid */ || type2 === 8 /* String */) {
        const s2 = String(v);
        if (!/^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[})]?$/i.test(s2)) throw formatError("Unrecognized Guid format.");
        const h2 = s2.replace(/[{}()-]/g, "").toLowerCase();
        return `${h2.slice(0, 8)}-${h2.slice(8, 12)}-${h2.slice(12, 16)}-${h2.slice(16, 20)}-${h2.slice(20)}`;
      }
      return bad();
    case "byte[]":
      if (type2 === 14 /* Bytes */) return v;
      if (type2 === 8 /* String */) return new Uint8Array(Buffer.from(v, "base64"));
      return bad();
    case "TimeSpan":
      if (type2 === 17 /* TimeSpan */) return v;
      return bad();
  }
  if (NUMERIC_INT.has(k) || k === "double" || k === "float" || k === "decimal") {
    let n;
    if (type2 === 6 /* Integer */ || type2 === 7 /* Float */) n = v;
    else if (type2 === 8 /* String */) n = parseNum(v, NUMERIC_INT.has(k) ? k === "long" || k === "ulong" ? "long" : "int" : "double");
    else if (type2 === 9 /* Boolean */) n = v ? 1 : 0;
    else return bad();
    if (NUMERIC_INT.has(k) && !Number.isInteger(n)) {
      const f = Math.floor(n);
      const d = n - f;
      n = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }
    if (k === "float") return Math.fround(n);
    return n;
  }
  return v;
}
function jvalues(t, key) {
  const src = t instanceof JObject ? t.Properties().map((p3) => p3.Value) : t.Children();
  return src.map((c2) => jconv(c2, key));
}
function jsonQuote(s2) {
  if (s2 === null || s2 === void 0) return '""';
  let out = '"';
  for (let i = 0; i < s2.length; i++) {
    const c2 = s2.charCodeAt(i);
    const ch = s2[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c2 < 32 || c2 === 133 || c2 === 8232 || c2 === 8233) {
      switch (ch) {
        case "\n":
          out += "\\n";
          break;
        case "\r":
          out += "\\r";
          break;
        case "	":
          out += "\\t";
          break;
        case "\b":
          out += "\\b";
          break;
        case "\f":
          out += "\\f";
          break;
        default:
          out += `\\u${c2.toString(16).padStart(4, "0")}`;
      }
    } else out += ch;
  }
  return `${out}"`;
}
function writeValue(v) {
  const x = v.Value;
  switch (v.Type) {
    case 10 /* Null */:
    case 11 /* Undefined */:
      return "null";
    case 8 /* String */:
      return x === null ? "null" : jsonQuote(x);
    case 9 /* Boolean */:
      return x ? "true" : "false";
    case 6 /* Integer */:
      return Math.abs(x) >= 2 ** 53 ? BigInt(x).toString() : String(x);
    case 7 /* Float */: {
      const n = x;
      if (!Number.isFinite(n)) return jsonQuote(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
      const s2 = fmtDouble(n);
      return /[.eE]/.test(s2) ? s2 : `${s2}.0`;
    }
    case 13 /* Raw */:
      return x === null ? "null" : String(x);
    case 14 /* Bytes */:
      return jsonQuote(Buffer.from(x).toString("base64"));
    case 12 /* Date */:
      return jsonQuote(dateTimeOps ? dateTimeOps.iso(x) : String(x));
    default:
      return x === null ? "null" : jsonQuote(typeof x.ToString === "function" ? x.ToString() : String(x));
  }
}
function writeToken(t, indented, indent2) {
  const nl = indented ? NEWLINE : "";
  const inner = indented ? `${indent2}  ` : "";
  if (t instanceof JValue) return writeValue(t);
  if (t instanceof JProperty) return `${jsonQuote(t.Name)}:${indented ? " " : ""}${writeToken(t.Value, indented, indent2)}`;
  if (t instanceof JObject) {
    const ps = t.Properties();
    if (ps.length === 0) return "{}";
    return `{${nl}${ps.map((p3) => `${inner}${jsonQuote(p3.Name)}:${indented ? " " : ""}${writeToken(p3.Value, indented, inner)}`).join(`,${nl}`)}${nl}${indent2}}`;
  }
  if (t instanceof JArray) {
    if (t.items.length === 0) return "[]";
    return `[${nl}${t.items.map((c2) => `${inner}${writeToken(c2, indented, inner)}`).join(`,${nl}`)}${nl}${indent2}]`;
  }
  return "";
}
function jsonSerialize(v, formatting) {
  if (v === null || v === void 0) return "null";
  const t = v instanceof JToken ? v : toJToken(v, true);
  return writeToken(t, formatting === 1, "");
}
function jsonDeserialize(text, key) {
  if (text === null || text === void 0) throw argumentNull("value");
  if (text.trim() === "") return null;
  const t = parseJson(text);
  if (key === null || key === "object") return t instanceof JValue ? t.Value : t;
  if (key.startsWith("Dictionary<") || key.startsWith("IDictionary<")) {
    if (!(t instanceof JObject)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", "Cannot deserialize the current JSON into a dictionary.");
    const valueKey = /,\s*(.+)>$/.exec(key)?.[1] ?? "object";
    const m2 = /* @__PURE__ */ new Map();
    for (const p3 of t.Properties()) m2.set(p3.Name, jconv(p3.Value, valueKey));
    return m2;
  }
  if (key.endsWith("[]") || key.startsWith("List<")) {
    const ek = key.endsWith("[]") ? key.slice(0, -2) : key.slice(5, -1);
    if (!(t instanceof JArray)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", "Cannot deserialize the current JSON into an array.");
    return t.items.map((c2) => jconv(c2, ek));
  }
  return jconv(t, key);
}
function parseJson(text) {
  let i = 0;
  const n = text.length;
  const ws = () => {
    for (; ; ) {
      while (i < n && /[\s\ufeff]/.test(text[i])) i++;
      if (text.startsWith("//", i)) {
        while (i < n && text[i] !== "\n") i++;
      } else if (text.startsWith("/*", i)) {
        const e = text.indexOf("*/", i + 2);
        if (e < 0) throw readerError("Unexpected end while parsing comment.", i, text);
        i = e + 2;
      } else return;
    }
  };
  const str = (q) => {
    i++;
    let s2 = "";
    for (; ; ) {
      if (i >= n) throw readerError("Unterminated string. Expected delimiter: " + q + ".", i, text);
      const c2 = text[i++];
      if (c2 === q) return s2;
      if (c2 === "\\") {
        const e = text[i++];
        switch (e) {
          case "n":
            s2 += "\n";
            break;
          case "r":
            s2 += "\r";
            break;
          case "t":
            s2 += "	";
            break;
          case "b":
            s2 += "\b";
            break;
          case "f":
            s2 += "\f";
            break;
          case "u": {
            const h2 = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h2)) throw readerError("Invalid Unicode escape sequence.", i, text);
            s2 += String.fromCharCode(parseInt(h2, 16));
            i += 4;
            break;
          }
          case '"':
          case "'":
          case "\\":
          case "/":
            s2 += e;
            break;
          default:
            throw readerError(`Bad JSON escape sequence: \\${e}.`, i, text);
        }
      } else s2 += c2;
    }
  };
  const value = () => {
    ws();
    if (i >= n) throw readerError("Unexpected end of content while loading JObject.", i, text);
    const c2 = text[i];
    if (c2 === "{") {
      i++;
      const o = new JObject();
      ws();
      if (text[i] === "}") {
        i++;
        return o;
      }
      for (; ; ) {
        ws();
        let name;
        if (text[i] === '"' || text[i] === "'") name = str(text[i]);
        else {
          const m3 = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
          if (!m3) throw readerError(`Invalid property identifier character: ${text[i] ?? ""}.`, i, text);
          name = m3[0];
          i += name.length;
        }
        ws();
        if (text[i] !== ":") throw readerError(`Invalid character after parsing property name. Expected ':' but got: ${text[i] ?? ""}.`, i, text);
        i++;
        const v = value();
        o.SetItem(name, v);
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "}") {
            i++;
            return o;
          }
          continue;
        }
        if (text[i] === "}") {
          i++;
          return o;
        }
        throw readerError(`After parsing a value an unexpected character was encountered: ${text[i] ?? ""}.`, i, text);
      }
    }
    if (c2 === "[") {
      i++;
      const a = new JArray();
      ws();
      if (text[i] === "]") {
        i++;
        return a;
      }
      for (; ; ) {
        a.Add(value());
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") {
            i++;
            return a;
          }
          continue;
        }
        if (text[i] === "]") {
          i++;
          return a;
        }
        throw readerError(`After parsing a value an unexpected character was encountered: ${text[i] ?? ""}.`, i, text);
      }
    }
    if (c2 === '"' || c2 === "'") return new JValue(8 /* String */, str(c2));
    const m2 = /^(-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|true|false|null|undefined|NaN|-?Infinity)/.exec(text.slice(i, i + 400));
    if (!m2) throw readerError(`Unexpected character encountered while parsing value: ${c2}.`, i, text);
    i += m2[0].length;
    const tok = m2[0];
    if (tok === "true" || tok === "false") return new JValue(9 /* Boolean */, tok === "true");
    if (tok === "null") return JValue.null();
    if (tok === "undefined") return new JValue(11 /* Undefined */, null);
    if (tok === "NaN") return new JValue(7 /* Float */, NaN);
    if (tok.endsWith("Infinity")) return new JValue(7 /* Float */, tok.startsWith("-") ? -Infinity : Infinity);
    if (/[.eE]/.test(tok)) return new JValue(7 /* Float */, Number(tok));
    return new JValue(6 /* Integer */, Number(tok));
  };
  const root = value();
  ws();
  if (i < n) throw readerError("Additional text encountered after finished reading JSON content: " + text[i] + ".", i, text);
  return root;
}
function selectTokens(root, path, errorWhenNoMatch) {
  if (path === null || path === void 0) throw argumentNull("path");
  let cur = [root];
  let i = 0;
  const p3 = path.trim();
  if (p3.startsWith("$")) i = 1;
  const fail = (msg) => {
    throw new DotNetException("Newtonsoft.Json.JsonException", msg);
  };
  while (i < p3.length) {
    const c2 = p3[i];
    if (c2 === "." && p3[i + 1] === ".") {
      i += 2;
      const m3 = /^[^.[\]]+/.exec(p3.slice(i));
      if (!m3) fail(`Unexpected character while parsing path: ${p3[i] ?? ""}`);
      i += m3[0].length;
      const name2 = m3[0];
      const out2 = [];
      for (const t of cur) {
        const walk = (x) => {
          if (x instanceof JObject) {
            for (const pr of x.Properties()) {
              if (name2 === "*" || pr.Name === name2) out2.push(pr.Value);
              walk(pr.Value);
            }
          } else if (x instanceof JArray) for (const y of x.items) walk(y);
        };
        walk(t);
      }
      cur = out2;
      continue;
    }
    if (c2 === ".") {
      i++;
      continue;
    }
    if (c2 === "[") {
      const close = p3.indexOf("]", i);
      if (close < 0) fail("Path ended with open indexer.");
      const inner = p3.slice(i + 1, close).trim();
      i = close + 1;
      const out2 = [];
      if (inner === "*") {
        for (const t of cur) out2.push(...t instanceof JObject ? t.Properties().map((q) => q.Value) : t.Children());
      } else if (/^-?\d+$/.test(inner)) {
        const idx = Number(inner);
        for (const t of cur) {
          if (t instanceof JArray) {
            const x = t.items[idx < 0 ? t.items.length + idx : idx];
            if (x) out2.push(x);
            else if (errorWhenNoMatch) fail(`Index ${idx} outside the bounds of JArray.`);
          } else if (errorWhenNoMatch) fail(`Index ${idx} not valid on ${t.constructor.name}.`);
        }
      } else if (/^(['"]).*\1$/.test(inner)) {
        for (const name2 of inner.split(/\s*,\s*/).map((s2) => s2.slice(1, -1))) {
          for (const t of cur) {
            const x = t instanceof JObject ? t.Item(name2) : null;
            if (x) out2.push(x);
            else if (errorWhenNoMatch) fail(`Property '${name2}' does not exist on ${t.constructor.name}.`);
          }
        }
      } else fail(`Unexpected character while parsing path indexer: ${inner[0] ?? ""}`);
      cur = out2;
      continue;
    }
    const m2 = /^[^.[\]]+/.exec(p3.slice(i));
    const name = m2[0];
    i += name.length;
    const out = [];
    for (const t of cur) {
      if (name === "*") out.push(...t instanceof JObject ? t.Properties().map((q) => q.Value) : t.Children());
      else if (t instanceof JObject) {
        const x = t.Item(name);
        if (x) out.push(x);
        else if (errorWhenNoMatch) fail(`Property '${name}' does not exist on JObject.`);
      } else if (errorWhenNoMatch) fail(`Property '${name}' not valid on ${t.constructor.name}.`);
    }
    cur = out;
  }
  return cur;
}
var NEWLINE, TT_NAMES, readerError, JToken, JContainer, JObject, JArray, JProperty, JValue, NUMERIC_INT, typeLabel2, dateTimeOps;
var init_newtonsoft2 = __esm({
  "runtime/dotnet/newtonsoft.ts"() {
    init_errors();
    init_core();
    NEWLINE = "\r\n";
    TT_NAMES = ["None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float", "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"];
    readerError = (msg, pos, text) => {
      let line = 1;
      let col = 0;
      for (let i = 0; i < pos && i < text.length; i++) {
        if (text[i] === "\n") {
          line++;
          col = 0;
        } else col++;
      }
      return new DotNetException("Newtonsoft.Json.JsonReaderException", `${msg} Path '', line ${line}, position ${col}.`);
    };
    JToken = class {
      Parent = null;
      get $typeName() {
        return `Newtonsoft.Json.Linq.${this.constructor.name}`;
      }
      // ---- navigation ----
      Item(key) {
        throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
      }
      SetItem(_key, _value) {
        throw invalidOperation(`Cannot set child value on ${this.$typeName}.`);
      }
      get Root() {
        let t = this;
        while (t.Parent) t = t.Parent;
        return t;
      }
      get HasValues() {
        return false;
      }
      get First() {
        throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
      }
      get Last() {
        throw invalidOperation(`Cannot access child value on ${this.$typeName}.`);
      }
      get Next() {
        const p3 = this.Parent;
        if (!p3) return null;
        const c2 = p3.childList();
        return c2[c2.indexOf(this) + 1] ?? null;
      }
      get Previous() {
        const p3 = this.Parent;
        if (!p3) return null;
        const c2 = p3.childList();
        return c2[c2.indexOf(this) - 1] ?? null;
      }
      get Path() {
        const parts = [];
        let t = this;
        while (t.Parent) {
          const p3 = t.Parent;
          if (p3 instanceof JArray) parts.unshift(`[${p3.childList().indexOf(t)}]`);
          else if (t instanceof JProperty) parts.unshift(/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.Name) ? `.${t.Name}` : `['${t.Name}']`);
          t = p3;
        }
        return parts.join("").replace(/^\./, "");
      }
      Children() {
        return [];
      }
      [Symbol.iterator]() {
        return this.Children()[Symbol.iterator]();
      }
      Remove() {
        if (!this.Parent) throw invalidOperation("The parent is missing.");
        this.Parent.removeChild(this);
      }
      Replace(value) {
        if (!this.Parent) throw invalidOperation("The parent is missing.");
        this.Parent.replaceChild(this, toJToken(value));
      }
      AddAfterSelf(v) {
        if (!(this.Parent instanceof JArray)) throw invalidOperation("The parent is missing.");
        const a = this.Parent;
        a.Insert(a.childList().indexOf(this) + 1, v);
      }
      AddBeforeSelf(v) {
        if (!(this.Parent instanceof JArray)) throw invalidOperation("The parent is missing.");
        const a = this.Parent;
        a.Insert(a.childList().indexOf(this), v);
      }
      // ---- output ----
      ToString(formatting = 1) {
        return writeToken(this, formatting === 1, "");
      }
      toString() {
        return this.ToString();
      }
      Equals(o) {
        return this === o;
      }
      // ---- queries ----
      SelectToken(path, errorWhenNoMatch = false) {
        const r = selectTokens(this, path, errorWhenNoMatch);
        if (r.length > 1) throw new DotNetException("Newtonsoft.Json.JsonException", "Path returned multiple tokens.");
        return r[0] ?? null;
      }
      SelectTokens(path) {
        return selectTokens(this, path, false);
      }
      // ---- statics ----
      static Parse(text) {
        if (text === null || text === void 0) throw argumentNull("json");
        return parseJson(text);
      }
      static FromObject(o) {
        if (o === null || o === void 0) throw argumentNull("o");
        return toJToken(o, true);
      }
      static DeepEquals(a, b2) {
        if (a === b2) return true;
        if (!a || !b2) return false;
        return a.ToString(0) === b2.ToString(0);
      }
    };
    JContainer = class _JContainer extends JToken {
      Children() {
        return this.childList().slice();
      }
      get HasValues() {
        return this.childList().length > 0;
      }
      get First() {
        return this.childList()[0] ?? null;
      }
      get Last() {
        const c2 = this.childList();
        return c2[c2.length - 1] ?? null;
      }
      get Count() {
        return this.childList().length;
      }
      RemoveAll() {
        for (const c2 of this.childList().slice()) this.removeChild(c2);
      }
      Descendants() {
        const out = [];
        const walk = (t) => {
          for (const c2 of t.Children()) {
            out.push(c2);
            walk(c2);
          }
        };
        walk(this);
        return out;
      }
      Merge(content) {
        if (this instanceof JObject && content instanceof JObject) {
          for (const p3 of content.Properties()) {
            const existing = this.Item(p3.Name);
            if (existing instanceof _JContainer && p3.Value instanceof _JContainer && existing.Type === p3.Value.Type) existing.Merge(p3.Value);
            else if (!(p3.Value instanceof JValue && p3.Value.Type === 10 /* Null */) || !existing) this.SetItem(p3.Name, p3.Value.DeepClone());
          }
        } else if (this instanceof JArray && content instanceof JArray) {
          for (const c2 of content.childList()) this.Add(c2.DeepClone());
        }
      }
    };
    JObject = class _JObject extends JContainer {
      props = /* @__PURE__ */ new Map();
      get Type() {
        return 1 /* Object */;
      }
      childList() {
        return [...this.props.values()];
      }
      static of(content) {
        const o = new _JObject();
        for (const c2 of content) o.addContent(c2);
        return o;
      }
      addContent(c2) {
        if (c2 === null || c2 === void 0) return;
        if (c2 instanceof JProperty) this.Add(c2);
        else if (c2 instanceof _JObject) for (const p3 of c2.props.values()) this.Add(p3);
        else if (Array.isArray(c2)) for (const x of c2) this.addContent(x);
        else throw argumentError(`Can not add ${toJToken(c2).$typeName} to Newtonsoft.Json.Linq.JObject.`);
      }
      Add(v) {
        if (!(v instanceof JProperty)) throw argumentError(`Can not add ${v === null ? "Newtonsoft.Json.Linq.JValue" : v.$typeName} to Newtonsoft.Json.Linq.JObject.`);
        if (this.props.has(v.Name)) throw argumentError(`Can not add property ${v.Name} to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.`);
        const p3 = adopt(v, this);
        this.props.set(p3.Name, p3);
      }
      AddProperty(name, value) {
        this.Add(new JProperty(name, value));
      }
      Item(key) {
        if (typeof key !== "string") {
          if (key === null || key === void 0) throw argumentNull("propertyName");
          throw argumentError(`Accessed JObject values with invalid key value: ${typeof key === "number" ? key : JSON.stringify(key)}. Object property name expected.`);
        }
        return this.props.get(key)?.Value ?? null;
      }
      SetItem(key, value) {
        if (typeof key !== "string") throw argumentError("Set JObject values with invalid key value. Object property name expected.");
        const p3 = this.props.get(key);
        if (p3) p3.SetValue(value);
        else this.AddProperty(key, value);
        return value;
      }
      GetValue(key, cmp2 = 4) {
        if (cmp2 === 5 || cmp2 === 1 || cmp2 === 3) {
          const exact = this.props.get(key);
          if (exact) return exact.Value;
          for (const [k, p3] of this.props) if (k.toUpperCase() === key.toUpperCase()) return p3.Value;
          return null;
        }
        return this.Item(key);
      }
      Properties() {
        return [...this.props.values()];
      }
      Property(name, cmp2 = 4) {
        const p3 = this.props.get(name);
        if (p3 || !(cmp2 === 5 || cmp2 === 1 || cmp2 === 3)) return p3 ?? null;
        for (const [k, q] of this.props) if (k.toUpperCase() === name.toUpperCase()) return q;
        return null;
      }
      RemoveProperty(name) {
        const p3 = this.props.get(name);
        if (!p3) return false;
        p3.Parent = null;
        this.props.delete(name);
        return true;
      }
      ContainsKey(name) {
        return this.props.has(name);
      }
      TryGetValue(name) {
        return this.props.get(name)?.Value;
      }
      removeChild(t) {
        if (t instanceof JProperty) this.RemoveProperty(t.Name);
      }
      replaceChild(t, v) {
        if (!(t instanceof JProperty) || !(v instanceof JProperty)) throw argumentError("Can not add a non-property to a JObject.");
        const entries = [...this.props.entries()];
        this.props.clear();
        for (const [k, p3] of entries) {
          if (p3 === t) {
            const np = adopt(v, this);
            this.props.set(np.Name, np);
            t.Parent = null;
          } else this.props.set(k, p3);
        }
      }
      /** JObject enumerates KeyValuePair<string, JToken>. */
      [Symbol.iterator]() {
        return [...this.props.values()].map((p3) => ({ Key: p3.Name, Value: p3.Value }))[Symbol.iterator]();
      }
      DeepClone() {
        const o = new _JObject();
        for (const p3 of this.props.values()) o.Add(p3.DeepClone());
        return o;
      }
      static Parse(text) {
        const t = JToken.Parse(text);
        if (!(t instanceof _JObject)) throw readerError(`Error reading JObject from JsonReader. Current JsonReader item is not an object: ${TT_NAMES[t.Type === 2 /* Array */ ? 2 : t.Type]}.`, 0, "");
        return t;
      }
      static FromObject(o) {
        const t = JToken.FromObject(o);
        if (!(t instanceof _JObject)) throw argumentError(`Object serialized to ${TT_NAMES[t.Type]}. JObject instance expected.`);
        return t;
      }
    };
    JArray = class _JArray extends JContainer {
      items = [];
      get Type() {
        return 2 /* Array */;
      }
      childList() {
        return this.items;
      }
      static of(content) {
        const a = new _JArray();
        for (const c2 of content) a.addContent(c2);
        return a;
      }
      addContent(c2) {
        if (Array.isArray(c2)) for (const x of c2) this.Add(toJToken(x));
        else if (c2 instanceof _JArray) for (const x of c2.items) this.Add(x);
        else this.Add(toJToken(c2));
      }
      Add(v) {
        this.items.push(adopt(v, this));
      }
      Item(key) {
        if (typeof key !== "number") throw argumentError(`Accessed JArray values with invalid key value: ${JSON.stringify(key)}. Int32 array index expected.`);
        if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        return this.items[key];
      }
      SetItem(key, value) {
        if (typeof key !== "number") throw argumentError("Set JArray values with invalid key value. Int32 array index expected.");
        if (key < 0 || key >= this.items.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        this.items[key].Parent = null;
        this.items[key] = adopt(value, this);
        return value;
      }
      RemoveItem(t) {
        const i = this.items.indexOf(t);
        if (i < 0) return false;
        this.items.splice(i, 1);
        t.Parent = null;
        return true;
      }
      RemoveAt(i) {
        if (i < 0 || i >= this.items.length) throw argumentOutOfRange("index");
        this.items.splice(i, 1)[0].Parent = null;
      }
      Insert(i, v) {
        if (i < 0 || i > this.items.length) throw argumentOutOfRange("index");
        this.items.splice(i, 0, adopt(v, this));
      }
      Contains(t) {
        return this.items.includes(t);
      }
      IndexOf(t) {
        return this.items.indexOf(t);
      }
      removeChild(t) {
        this.RemoveItem(t);
      }
      replaceChild(t, v) {
        const i = this.items.indexOf(t);
        if (i >= 0) {
          t.Parent = null;
          this.items[i] = adopt(v, this);
        }
      }
      DeepClone() {
        const a = new _JArray();
        for (const c2 of this.items) a.Add(c2.DeepClone());
        return a;
      }
      static Parse(text) {
        const t = JToken.Parse(text);
        if (!(t instanceof _JArray)) throw readerError(`Error reading JArray from JsonReader. Current JsonReader item is not an array: ${TT_NAMES[t.Type]}.`, 0, "");
        return t;
      }
      static FromObject(o) {
        const t = JToken.FromObject(o);
        if (!(t instanceof _JArray)) throw argumentError(`Object serialized to ${TT_NAMES[t.Type]}. JArray instance expected.`);
        return t;
      }
    };
    JProperty = class _JProperty extends JContainer {
      constructor(Name, value) {
        super();
        this.Name = Name;
        if (Name === null || Name === void 0) throw argumentNull("name");
        this.value = adopt(value ?? JValue.null(), this);
      }
      value;
      static of(name, content) {
        if (content.length === 1) return new _JProperty(name, toJToken(content[0]));
        return new _JProperty(name, JArray.of(content));
      }
      get Type() {
        return 4 /* Property */;
      }
      get Value() {
        return this.value;
      }
      SetValue(v) {
        this.value.Parent = null;
        this.value = adopt(v ?? JValue.null(), this);
        return v;
      }
      childList() {
        return [this.value];
      }
      Add(v) {
        void v;
        throw invalidOperation("Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
      }
      removeChild() {
        throw invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
      }
      replaceChild(_t, v) {
        this.SetValue(v);
      }
      DeepClone() {
        return new _JProperty(this.Name, this.value.DeepClone());
      }
    };
    JValue = class _JValue extends JToken {
      constructor(type2, Value) {
        super();
        this.type = type2;
        this.Value = Value;
      }
      get Type() {
        return this.type;
      }
      static null() {
        return new _JValue(10 /* Null */, null);
      }
      static str(s2) {
        return new _JValue(s2 === null ? 10 /* Null */ : 8 /* String */, s2);
      }
      static raw(s2) {
        return new _JValue(13 /* Raw */, s2 === null || s2 === void 0 ? null : String(s2));
      }
      DeepClone() {
        return new _JValue(this.type, this.Value);
      }
      Equals(o) {
        return o instanceof _JValue && o.type === this.type && o.Value === this.Value;
      }
      /** JValue.ToString() is the value's own ToString, not JSON (a string token prints without quotes). */
      ToString(formatting) {
        if (formatting !== void 0) return writeToken(this, formatting === 1, "");
        return jconv(this, "string") ?? "";
      }
    };
    NUMERIC_INT = /* @__PURE__ */ new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong"]);
    typeLabel2 = {
      string: "String",
      bool: "Boolean",
      int: "Int32",
      long: "Int64",
      short: "Int16",
      byte: "Byte",
      sbyte: "SByte",
      uint: "UInt32",
      ulong: "UInt64",
      ushort: "UInt16",
      double: "Double",
      float: "Single",
      decimal: "Decimal",
      char: "Char",
      DateTime: "DateTime",
      Guid: "Guid",
      TimeSpan: "TimeSpan",
      "byte[]": "Byte[]"
    };
    dateTimeOps = null;
    registerTypeCheck("JToken", (v) => v instanceof JToken);
    registerTypeCheck("JObject", (v) => v instanceof JObject);
    registerTypeCheck("JArray", (v) => v instanceof JArray);
    registerTypeCheck("JValue", (v) => v instanceof JValue);
    registerTypeCheck("JProperty", (v) => v instanceof JProperty);
    registerTypeCheck("JContainer", (v) => v instanceof JContainer);
  }
});

// runtime/body-convert.ts
function parseBodyAs(bytes, target) {
  switch (target) {
    case "string":
      return utf8.decode(bytes);
    case "byte[]":
      return new Uint8Array(bytes);
    case "JObject":
      return JObject.Parse(utf8.decode(bytes));
    case "JToken":
      return JToken.Parse(utf8.decode(bytes));
    case "JArray":
      return JArray.Parse(utf8.decode(bytes));
    case "form":
      return parseForm(utf8.decode(bytes));
    default:
      throw new DotNetException("System.NotSupportedException", `Body.As<${target}>() is not supported yet by apimc.`);
  }
}
function parseForm(text) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of new URLSearchParams(text)) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}
var utf8;
var init_body_convert = __esm({
  "runtime/body-convert.ts"() {
    init_errors();
    init_newtonsoft2();
    utf8 = new TextDecoder("utf-8");
  }
});

// runtime/body.ts
var MessageBody, EMPTY2;
var init_body = __esm({
  "runtime/body.ts"() {
    init_errors();
    init_body_convert();
    MessageBody = class _MessageBody {
      bytes;
      consumed = false;
      /**
       * A body the gateway streams through without buffering: set when no policy of the module reads
       * bodies (the compiler says so in `meta.readsBody`). Such a body is never read by a policy.
       */
      source = null;
      constructor(content) {
        this.bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      }
      static stream(source) {
        const b2 = new _MessageBody(EMPTY2);
        b2.source = source;
        return b2;
      }
      get isStream() {
        return this.source !== null;
      }
      /** The streamed source, once; then the body is empty. */
      takeStream() {
        const s2 = this.source;
        this.source = null;
        return s2;
      }
      /**
       * `Body.As<T>(preserveContent)`; `target` is the C# type name (`string`, `byte[]`, `JObject`,
       * `JToken`, `JArray`, `XNode`, `XElement`, `XDocument`).
       */
      As(target, preserveContent = false) {
        const bytes = this.take(preserveContent);
        return parseBodyAs(bytes, target);
      }
      /** `Body.AsFormUrlEncodedContent(preserveContent)`. */
      AsFormUrlEncodedContent(preserveContent = false) {
        return parseBodyAs(this.take(preserveContent), "form");
      }
      take(preserve) {
        if (this.source) throw invalidOperation("This body is streamed through the gateway and cannot be read by a policy (apimc bug: the module should have asked for buffering).");
        if (this.consumed || this.bytes === null)
          throw invalidOperation("The message body has already been read. Use preserveContent: true to read it more than once.");
        const b2 = this.bytes;
        if (!preserve) {
          this.consumed = true;
          this.bytes = null;
        }
        return b2;
      }
      /** What is sent on: the bytes if still there; empty after a consuming read (APIM sends no body). */
      content() {
        if (this.source) throw invalidOperation("This body is streamed through the gateway and cannot be copied (apimc bug: the module should have asked for buffering).");
        return this.bytes ?? EMPTY2;
      }
      /** What to send on: the stream when streaming, else the bytes. */
      payload() {
        return this.takeStream() ?? this.content();
      }
      get isConsumed() {
        return this.consumed;
      }
    };
    EMPTY2 = Buffer.alloc(0);
  }
});

// runtime/policy-helpers.ts
function bodyOf(value) {
  if (value === null || value === void 0) return null;
  if (typeof value === "string") return new MessageBody(value);
  if (value instanceof Uint8Array) return new MessageBody(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  const toString = value.ToString;
  if (typeof toString === "function") return new MessageBody(toString.call(value));
  return new MessageBody(String(value));
}
function checkStatusCode(code) {
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599)
    throw new PolicyError("ExpressionValueEvaluationFailure", `Status code ${String(code)} is not an integer in 100-599.`);
  return code;
}
function secondsToMs(s2) {
  if (typeof s2 !== "number" || !Number.isFinite(s2) || s2 < 0) throw new PolicyError("ExpressionValueEvaluationFailure", `Timeout ${String(s2)} is not a non-negative number of seconds.`);
  return s2 * 1e3;
}
function toNull() {
  return null;
}
function newResponse() {
  return new ResponseMessage(200, "OK", new HeaderMap("response"), null);
}
function responseFromVariable(ctx, name) {
  const v = ctx.Variables.get(name);
  if (v === void 0 || v === null) return newResponse();
  if (!(v instanceof ResponseMessage)) throw new PolicyError("ExpressionValueEvaluationFailure", `Variable '${name}' does not hold a response.`);
  return new ResponseMessage(v.StatusCode, v.StatusReason, v.Headers.clone(), v.Body ? new MessageBody(v.Body.content()) : null);
}
function endWithResponse(ctx, res) {
  ctx.Response = res;
  ctx.Request.Body = null;
}
function unreachable() {
  throw new Error("unreachable");
}
var init_policy_helpers = __esm({
  "runtime/policy-helpers.ts"() {
    init_body();
    init_errors();
    init_context2();
    init_headers();
  }
});

// runtime/http.ts
import { Agent, ProxyAgent, request } from "undici";
import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { readFileSync } from "node:fs";
import { STATUS_CODES } from "node:http";
function configureCertificates(entries) {
  for (const e of entries) {
    let connect;
    let der;
    if (e.pfxFile) {
      const pfx = readFileSync(e.pfxFile);
      connect = { pfx, passphrase: e.passphrase };
      der = createSecureContext({ pfx, passphrase: e.passphrase }).context.getCertificate();
    } else if (e.certFile) {
      const cert = readFileSync(e.certFile);
      connect = { cert, key: readFileSync(e.keyFile ?? e.certFile), passphrase: e.passphrase };
      der = cert;
    } else throw new Error("a certificate entry needs certFile or pfxFile");
    const thumb = new X509Certificate(der).fingerprint.replace(/:/g, "").toUpperCase();
    certificates.set(`thumb:${thumb}`, connect);
    if (e.id) certificates.set(`id:${e.id}`, connect);
    certAgents.clear();
  }
}
function configureDispatcher(connect) {
  extraConnect = connect;
  extraAgent = new Agent({ keepAliveTimeout: 1e4, connections: 256, connect });
  certAgents.clear();
}
function dispatcherFor(opts) {
  if (opts?.proxy?.url) {
    const { url, username, password } = opts.proxy;
    const key = `${url}|${username ?? ""}|${password ?? ""}`;
    let p3 = proxyAgents.get(key);
    if (!p3) {
      p3 = new ProxyAgent({ uri: url, token: username ? `Basic ${Buffer.from(`${username}:${password ?? ""}`).toString("base64")}` : void 0, requestTls: extraConnect });
      proxyAgents.set(key, p3);
    }
    return p3;
  }
  const c2 = opts?.certificate;
  if (c2) {
    if (c2.body) return inlineCertificateAgent(c2.body, c2.password);
    const key = c2.thumbprint ? `thumb:${c2.thumbprint.replace(/[^0-9a-f]/gi, "").toUpperCase()}` : c2.certificateId ? `id:${c2.certificateId}` : null;
    let agent = key ? certAgents.get(key) : void 0;
    const connect = key ? certificates.get(key) : void 0;
    if (!agent && connect && key) {
      agent = new Agent({ keepAliveTimeout: 1e4, connect: { ...extraConnect, ...connect } });
      certAgents.set(key, agent);
    }
    if (!agent)
      throw new PolicyError("CertificateNotFound", `No client certificate with ${c2.thumbprint ? `thumbprint ${c2.thumbprint}` : `id '${c2.certificateId}'`} is configured.`, 500);
    return agent;
  }
  return extraAgent ?? sharedAgent;
}
function inlineCertificateAgent(body, password) {
  const key = `body:${createHash("sha256").update(body).update("\0").update(password ?? "").digest("hex")}`;
  let agent = certAgents.get(key);
  if (!agent) {
    agent = new Agent({ keepAliveTimeout: 1e4, connect: { ...extraConnect, pfx: Buffer.from(body, "base64"), passphrase: password ?? void 0 } });
    certAgents.set(key, agent);
  }
  return agent;
}
function newOutgoingRequest(ctx, mode, section) {
  const rq = new OutgoingRequest();
  if (mode === "copy") {
    const src = ctx.Request;
    rq.url = src.Url.href();
    rq.Method = src.Method;
    rq.Headers = src.Headers.clone();
    if (section !== "outbound" && src.Body) rq.Body = new MessageBody(src.Body.content());
  } else if (mode !== "new" && mode !== null && mode !== void 0)
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${String(mode)}' is not a valid send-request mode (new, copy).`);
  return rq;
}
async function sendRequest(rq, opts) {
  if (!rq.url) throw new PolicyError("ExpressionValueEvaluationFailure", "send-request has no URL.");
  let url;
  try {
    url = new URL(rq.url);
  } catch {
    throw new PolicyError("ExpressionValueEvaluationFailure", `'${rq.url}' is not a valid absolute URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new PolicyError("ExpressionValueEvaluationFailure", `'${rq.url}' is not an http(s) URL.`);
  return httpCall(url, rq.Method, rq.Headers, rq.Body?.content() ?? null, opts.timeoutMs, dispatcherFor(opts), false);
}
function sendOneWay(ctx, rq, opts) {
  const started = Date.now();
  const p3 = sendRequest(rq, opts).then(
    (res) => {
      ctx.$trace.push({ source: "send-one-way-request", severity: "information", message: `${rq.Method} ${rq.url} \u2192 ${res.StatusCode} in ${Date.now() - started} ms`, timeMs: Date.now() });
    },
    (e) => {
      ctx.$trace.push({ source: "send-one-way-request", severity: "error", message: `${rq.Method} ${rq.url} failed: ${e.message}`, timeMs: Date.now() });
    }
  );
  ctx.$oneWay.push(p3);
}
async function httpCall(url, method, headers, body, timeoutMs, dispatcher, followRedirects, source, streamResponse = false) {
  const ac = new AbortController();
  let timedOut = false;
  const timer = timeoutMs > 0 && Number.isFinite(timeoutMs) ? setTimeout(() => {
    timedOut = true;
    ac.abort();
  }, timeoutMs) : null;
  try {
    let target = url;
    let m2 = method;
    let b2 = body;
    for (let hops = 0; ; hops++) {
      const res = await request(target, {
        method: m2,
        headers: headers.toWire(),
        body: b2 === null ? void 0 : Buffer.isBuffer(b2) && b2.length === 0 && (m2 === "GET" || m2 === "HEAD") ? void 0 : b2,
        dispatcher,
        signal: ac.signal,
        headersTimeout: 0,
        bodyTimeout: 0
      });
      if (followRedirects && REDIRECTS.has(res.statusCode) && res.headers.location && hops < 10) {
        await res.body.dump();
        target = new URL(String(res.headers.location), target);
        if (res.statusCode === 303 || (res.statusCode === 301 || res.statusCode === 302) && m2 === "POST") {
          m2 = "GET";
          b2 = null;
        }
        continue;
      }
      const h2 = new HeaderMap("response");
      for (const [k, v] of Object.entries(res.headers)) if (v !== void 0) h2.appendValues(k, Array.isArray(v) ? v : [v]);
      if (streamResponse) {
        if (timer) clearTimeout(timer);
        return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h2, MessageBody.stream(res.body));
      }
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return new ResponseMessage(res.statusCode, reasonPhrase(res.statusCode), h2, new MessageBody(bytes));
    }
  } catch (e) {
    if (timedOut) throw new PolicyError("Timeout", `Request to ${url.origin}${url.pathname} did not complete within ${timeoutMs} ms.`, 504, source, e);
    if (e instanceof PolicyError) throw e;
    const code = e.code ?? e.name;
    throw new PolicyError("BackendConnectionFailure", `Could not reach ${url.origin}: ${e.message}${code ? ` (${code})` : ""}.`, 500, source, e);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
function reasonPhrase(status) {
  return STATUS_CODES[status] ?? "";
}
var OutgoingRequest, sharedAgent, certAgents, proxyAgents, certificates, extraAgent, extraConnect, REDIRECTS;
var init_http = __esm({
  "runtime/http.ts"() {
    init_headers();
    init_body();
    init_errors();
    init_context2();
    OutgoingRequest = class {
      url = null;
      Method = "GET";
      Headers = new HeaderMap("request");
      Body = null;
    };
    sharedAgent = new Agent({ keepAliveTimeout: 1e4, connections: 256, pipelining: 1 });
    certAgents = /* @__PURE__ */ new Map();
    proxyAgents = /* @__PURE__ */ new Map();
    certificates = /* @__PURE__ */ new Map();
    REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
  }
});

// runtime/pipeline.ts
function attachHost(ctx, host) {
  hosts.set(ctx, host);
}
async function forwardRequest(ctx, timeoutMs, followRedirects, failOnErrorStatusCode) {
  const host = hosts.get(ctx);
  if (!host) throw new PolicyError("BackendConnectionFailure", "No backend is configured for this request.", 500, "forward-request");
  ctx.Response = await host.forward(ctx, { timeoutMs, followRedirects, streamResponse: ctx.$streamBodies });
  if (failOnErrorStatusCode && ctx.Response.StatusCode >= 400)
    throw new PolicyError("BackendErrorStatusCode", `The backend answered ${ctx.Response.StatusCode} ${ctx.Response.StatusReason}.`, ctx.Response.StatusCode, "forward-request");
}
async function runSection(fn, ctx) {
  if (!fn) return false;
  let r = fn(ctx);
  if (r !== void 0 && typeof r.then === "function") r = await r;
  return r === END_PIPELINE;
}
async function runPipeline(mod, ctx) {
  let section = "inbound";
  try {
    ctx.$p = -1;
    if (await runSection(mod.inbound, ctx)) return;
    section = "backend";
    ctx.$p = -1;
    if (await runSection(mod.backend, ctx)) return;
    section = "outbound";
    ctx.$p = -1;
    await runSection(mod.outbound, ctx);
  } catch (e) {
    const status = e instanceof PolicyError ? e.status : 500;
    ctx.LastError = lastErrorOf(e, mod, ctx.$p, section);
    ctx.Response = new ResponseMessage(status, reasonPhrase(status), new HeaderMap("response"), null);
    if (!mod.onError) {
      defaultErrorResponse(ctx, status);
      return;
    }
    try {
      ctx.$p = -1;
      await runSection(mod.onError, ctx);
    } catch (e2) {
      const s2 = e2 instanceof PolicyError ? e2.status : 500;
      ctx.LastError = lastErrorOf(e2, mod, ctx.$p, "on-error");
      ctx.Response = new ResponseMessage(s2, reasonPhrase(s2), new HeaderMap("response"), null);
      defaultErrorResponse(ctx, s2);
    }
  }
}
function lastErrorOf(e, mod, p3, section) {
  const row = p3 >= 0 ? mod.meta.policies[p3] : void 0;
  const scope = row?.[4] ?? "operation";
  if (e instanceof PolicyError)
    return {
      Source: e.source ?? row?.[0] ?? section,
      Reason: e.reason,
      Message: e.message,
      Scope: scope,
      Section: row?.[3] ?? section,
      Path: row?.[1] ?? "",
      PolicyId: row?.[2] ?? ""
    };
  const ex = toDotNetException(e);
  return {
    Source: row?.[0] ?? section,
    Reason: "ExpressionValueEvaluationFailure",
    Message: `Expression evaluation failed. ${ex.message}`,
    Scope: scope,
    Section: row?.[3] ?? section,
    Path: row?.[1] ?? "",
    PolicyId: row?.[2] ?? ""
  };
}
function defaultErrorResponse(ctx, status) {
  const message = status >= 500 && status !== 504 ? "Internal server error" : ctx.LastError?.Message ?? reasonPhrase(status);
  const body = JSON.stringify({ statusCode: status, message, activityId: ctx.RequestId });
  ctx.Response.Headers.setValues("Content-Type", ["application/json; charset=utf-8"]);
  ctx.Response.Body = new MessageBody(body);
}
var END_PIPELINE, hosts;
var init_pipeline = __esm({
  "runtime/pipeline.ts"() {
    init_errors();
    init_context2();
    init_headers();
    init_body();
    init_http();
    END_PIPELINE = 1;
    hosts = /* @__PURE__ */ new WeakMap();
  }
});

// runtime/backend.ts
import { Agent as Agent2 } from "undici";
function httpBackend(baseUrl, apiPath = "") {
  return {
    async forward(ctx, opts) {
      const base = (ctx.$backendUrl ?? baseUrl).replace(/\/$/, "");
      let path = ctx.Request.Url.Path;
      if (apiPath && path.startsWith(apiPath)) path = path.slice(apiPath.length);
      const url = new URL(base + encodeURI(path) + ctx.Request.Url.QueryString);
      const headers = ctx.Request.Headers.clone();
      for (const h2 of HOP_BY_HOP) headers.delete(h2);
      headers.delete("host");
      const body = ctx.Request.Body ? ctx.Request.Body.payload() : null;
      return httpCall(url, ctx.Request.Method, headers, body, opts.timeoutMs, backendAgent, opts.followRedirects, "forward-request", opts.streamResponse);
    }
  };
}
var backendAgent;
var init_backend = __esm({
  "runtime/backend.ts"() {
    init_http();
    init_headers();
    backendAgent = new Agent2({ keepAliveTimeout: 1e4, connections: 512, pipelining: 1 });
  }
});

// runtime/dotnet/string.ts
function strCharAt(s2, i) {
  nn(s2);
  if (i < 0 || i >= s2.length) throw indexOutOfRange();
  return s2.charCodeAt(i);
}
function strSplit(s2, seps, options = 0, count2 = 2147483647) {
  nn(s2);
  if (count2 < 0) throw argumentOutOfRange("count", "Count cannot be less than zero.");
  const removeEmpty = (options & 1) !== 0;
  const strs = (seps ?? []).map((x) => typeof x === "number" ? String.fromCharCode(x) : x).filter((x) => x !== null && x !== "");
  const parts = [];
  if (count2 === 0) return [];
  let start = 0;
  let i = 0;
  const ws = strs.length === 0;
  while (i < s2.length) {
    let matchLen = 0;
    if (ws) {
      if (/\s/.test(s2[i])) matchLen = 1;
    } else {
      for (const sep of strs) if (s2.startsWith(sep, i)) {
        matchLen = sep.length;
        break;
      }
    }
    if (matchLen > 0) {
      const piece = s2.slice(start, i);
      if (!(removeEmpty && piece === "")) {
        if (parts.length === count2 - 1) break;
        parts.push(piece);
      }
      i += matchLen;
      start = i;
    } else i++;
  }
  const last = s2.slice(start);
  if (!(removeEmpty && last === "")) parts.push(last);
  else if (parts.length === 0 && !removeEmpty) parts.push("");
  return parts;
}
function strSubstring(s2, start, length) {
  nn(s2);
  if (start < 0 || start > s2.length) throw argumentOutOfRange("startIndex", "startIndex cannot be larger than length of string.");
  if (length === void 0) return s2.slice(start);
  if (length < 0 || start + length > s2.length) throw argumentOutOfRange("length", "Index and length must refer to a location within the string.");
  return s2.substr(start, length);
}
function strIndexOf(s2, v, start = 0, cmp2 = 0) {
  nn(s2);
  if (v === null) throw argumentNull("value");
  if (start < 0 || start > s2.length) throw argumentOutOfRange("startIndex", "Index was out of range.");
  return ignoreCase(cmp2) ? fold(s2).indexOf(fold(v), start) : s2.indexOf(v, start);
}
function strIndexOfAny(s2, chars) {
  nn(s2);
  for (let i = 0; i < s2.length; i++) if (chars.includes(s2.charCodeAt(i))) return i;
  return -1;
}
function strLastIndexOf(s2, v, cmp2 = 0) {
  nn(s2);
  if (v === null) throw argumentNull("value");
  return ignoreCase(cmp2) ? fold(s2).lastIndexOf(fold(v)) : s2.lastIndexOf(v);
}
function strStartsWith(s2, v, cmp2 = 0) {
  nn(s2);
  if (v === null) throw argumentNull("value");
  return ignoreCase(cmp2) ? fold(s2).startsWith(fold(v)) : s2.startsWith(v);
}
function strEndsWith(s2, v, cmp2 = 0) {
  nn(s2);
  if (v === null) throw argumentNull("value");
  return ignoreCase(cmp2) ? fold(s2).endsWith(fold(v)) : s2.endsWith(v);
}
function strTrim(s2, chars, which) {
  nn(s2);
  const set = chars && chars.length ? new Set(chars) : null;
  const isTrim = (c2) => set ? set.has(c2) : /[\s\u0085\u00a0\ufeff]/.test(String.fromCharCode(c2));
  let a = 0;
  let b2 = s2.length;
  if (which & 1) while (a < b2 && isTrim(s2.charCodeAt(a))) a++;
  if (which & 2) while (b2 > a && isTrim(s2.charCodeAt(b2 - 1))) b2--;
  return s2.slice(a, b2);
}
function strReplace(s2, oldValue, newValue) {
  nn(s2);
  if (oldValue === null) throw argumentNull("oldValue");
  if (oldValue === "") throw new class extends Error {
  }("String cannot be of zero length.");
  return s2.split(oldValue).join(newValue ?? "");
}
function strInsert(s2, i, v) {
  nn(s2);
  if (v === null) throw argumentNull("value");
  if (i < 0 || i > s2.length) throw argumentOutOfRange("startIndex", "Index was out of range.");
  return s2.slice(0, i) + v + s2.slice(i);
}
function strRemove(s2, i, count2) {
  nn(s2);
  if (i < 0 || i > s2.length) throw argumentOutOfRange("startIndex", "startIndex must be less than length of string.");
  if (count2 === void 0) return s2.slice(0, i);
  if (count2 < 0 || i + count2 > s2.length) throw argumentOutOfRange("count", "Index and count must refer to a location within the string.");
  return s2.slice(0, i) + s2.slice(i + count2);
}
function strEquals(a, b2, cmp2 = 4) {
  if (a === null || b2 === null || a === void 0 || b2 === void 0) return a === b2 || a == null && b2 == null;
  return ignoreCase(cmp2) ? fold(a) === fold(b2) : a === b2;
}
function strCompare(a, b2, cmp2 = 0) {
  if (a === b2) return 0;
  if (a === null || a === void 0) return -1;
  if (b2 === null || b2 === void 0) return 1;
  if (cmp2 === 4 || cmp2 === 5) {
    const x = cmp2 === 5 ? fold(a) : a;
    const y = cmp2 === 5 ? fold(b2) : b2;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const r = a.localeCompare(b2, "en", { sensitivity: ignoreCase(cmp2) ? "accent" : "variant" });
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}
function toCharArray(s2) {
  nn(s2);
  const out = new Array(s2.length);
  for (let i = 0; i < s2.length; i++) out[i] = s2.charCodeAt(i);
  return out;
}
function charsToString(chars) {
  if (!chars) return "";
  let s2 = "";
  for (const c2 of chars) s2 += String.fromCharCode(c2);
  return s2;
}
function isNullOrEmpty(s2) {
  return s2 === null || s2 === void 0 || s2 === "";
}
function isNullOrWhiteSpace(s2) {
  return s2 === null || s2 === void 0 || /^[\s\u0085\u00a0\ufeff]*$/.test(s2);
}
function strJoin(sep, values) {
  if (values === null || values === void 0) throw argumentNull("values");
  const parts = [];
  const src = typeof values === "string" ? Array.from(values) : values;
  for (const v of src) parts.push(toStr2(v));
  return parts.join(sep ?? "");
}
var nn, ignoreCase, fold, StringBuilder;
var init_string2 = __esm({
  "runtime/dotnet/string.ts"() {
    init_errors();
    init_core();
    nn = (s2) => {
      if (s2 === null || s2 === void 0) throw nullReference();
      return s2;
    };
    ignoreCase = (cmp2) => cmp2 === 1 || cmp2 === 3 || cmp2 === 5;
    fold = (s2) => s2.toUpperCase();
    StringBuilder = class {
      $typeName = "System.Text.StringBuilder";
      s;
      constructor(init = "") {
        this.s = init ?? "";
      }
      Append(v) {
        this.s += v ?? "";
        return this;
      }
      AppendLine(v) {
        this.s += `${v ?? ""}\r
`;
        return this;
      }
      Insert(i, v) {
        this.s = strInsert(this.s, i, v ?? "");
        return this;
      }
      Replace(a, b2) {
        this.s = strReplace(this.s, a, b2);
        return this;
      }
      Remove(i, n) {
        this.s = strRemove(this.s, i, n);
        return this;
      }
      Clear() {
        this.s = "";
        return this;
      }
      get Length() {
        return this.s.length;
      }
      ToString() {
        return this.s;
      }
    };
  }
});

// runtime/dotnet/linq.ts
function seq(src) {
  if (src === null || src === void 0) throw argumentNull("source");
  if (typeof src === "string") return Array.from({ length: src.length }, (_v, i) => src.charCodeAt(i));
  if (src instanceof Map && !(src instanceof Dictionary)) return Array.from(src, ([k, v]) => ({ Key: k, Value: v }));
  return src;
}
function isEnumerable(v) {
  return v !== null && v !== void 0 && typeof v[Symbol.iterator] === "function";
}
function linqFirst(src, pred) {
  for (const x of seq(src)) if (!pred || pred(x)) return x;
  throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
}
function linqFirstOrDefault(src, pred) {
  for (const x of seq(src)) if (!pred || pred(x)) return x;
  return null;
}
function linqLast(src, pred) {
  const a = arr(src);
  for (let i = a.length - 1; i >= 0; i--) if (!pred || pred(a[i])) return a[i];
  throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
}
function linqLastOrDefault(src, pred) {
  const a = arr(src);
  for (let i = a.length - 1; i >= 0; i--) if (!pred || pred(a[i])) return a[i];
  return null;
}
function linqSingle(src, pred) {
  const m2 = arr(src).filter((x) => !pred || pred(x));
  if (m2.length === 0) throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
  if (m2.length > 1) throw invalidOperation(pred ? "Sequence contains more than one matching element" : "Sequence contains more than one element");
  return m2[0];
}
function linqSingleOrDefault(src, pred) {
  const m2 = arr(src).filter((x) => !pred || pred(x));
  if (m2.length > 1) throw invalidOperation(pred ? "Sequence contains more than one matching element" : "Sequence contains more than one element");
  return m2[0] ?? null;
}
function linqElementAt(src, i) {
  const a = arr(src);
  if (i < 0 || i >= a.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
  return a[i];
}
function linqElementAtOrDefault(src, i) {
  const a = arr(src);
  return i >= 0 && i < a.length ? a[i] : null;
}
function linqAny(src, pred) {
  for (const x of seq(src)) if (!pred || pred(x)) return true;
  return false;
}
function linqAll(src, pred) {
  for (const x of seq(src)) if (!pred(x)) return false;
  return true;
}
function linqCount(src, pred) {
  if (!pred && Array.isArray(src)) return src.length;
  let n = 0;
  for (const x of seq(src)) if (!pred || pred(x)) n++;
  return n;
}
function linqContains(src, v) {
  for (const x of seq(src)) if (eq(x, v)) return true;
  return false;
}
function linqWhere(src, pred) {
  return arr(src).filter((x, i) => pred(x, i));
}
function linqSelect(src, f) {
  return arr(src).map((x, i) => f(x, i));
}
function linqSelectMany(src, f) {
  const out = [];
  for (const x of seq(src)) for (const y of seq(f(x))) out.push(y);
  return out;
}
function linqDistinct(src) {
  return [...new Set(seq(src))];
}
function linqSkip(src, n) {
  return arr(src).slice(Math.max(0, n));
}
function linqTake(src, n) {
  return arr(src).slice(0, Math.max(0, n));
}
function linqSkipWhile(src, p3) {
  const a = arr(src);
  let i = 0;
  while (i < a.length && p3(a[i])) i++;
  return a.slice(i);
}
function linqTakeWhile(src, p3) {
  const a = arr(src);
  let i = 0;
  while (i < a.length && p3(a[i])) i++;
  return a.slice(0, i);
}
function linqReverse(src) {
  return arr(src).slice().reverse();
}
function linqConcat(a, b2) {
  return [...seq(a), ...seq(b2)];
}
function linqUnion(a, b2) {
  return [.../* @__PURE__ */ new Set([...seq(a), ...seq(b2)])];
}
function linqIntersect(a, b2) {
  const s2 = new Set(seq(b2));
  return [...new Set(seq(a))].filter((x) => s2.has(x));
}
function linqExcept(a, b2) {
  const s2 = new Set(seq(b2));
  return [...new Set(seq(a))].filter((x) => !s2.has(x));
}
function linqDefaultIfEmpty(src) {
  const a = arr(src);
  return a.length ? a : [null];
}
function linqOrderBy(src, key, desc) {
  const a = arr(src).map((x, i) => ({ x, i, k: key ? key(x) : x }));
  a.sort((p3, q) => {
    const c2 = keyCmp(p3.k, q.k);
    return (desc ? -c2 : c2) || p3.i - q.i;
  });
  const out = a.map((e) => e.x);
  out.$keys = [{ key, desc }];
  return out;
}
function linqThenBy(src, key, desc) {
  const keys = [...src.$keys ?? [], { key, desc }];
  const a = src.map((x, i) => ({ x, i }));
  a.sort((p3, q) => {
    for (const k of keys) {
      const c2 = keyCmp(k.key ? k.key(p3.x) : p3.x, k.key ? k.key(q.x) : q.x);
      if (c2) return k.desc ? -c2 : c2;
    }
    return p3.i - q.i;
  });
  const out = a.map((e) => e.x);
  out.$keys = keys;
  return out;
}
function keyCmp(a, b2) {
  if (typeof a === "string" && typeof b2 === "string") {
    const r = a.localeCompare(b2, "en");
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  }
  return cmp(a, b2);
}
function toList(src) {
  if (src instanceof Uint8Array) return new Uint8Array(src);
  return Array.from(seq(src));
}
function linqToDictionary(src, key, val) {
  const d = new Dictionary();
  for (const x of seq(src)) d.Add(key(x), val ? val(x) : x);
  return d;
}
function linqSum(src, f) {
  let s2 = 0;
  for (const x of seq(src)) s2 += f ? f(x) : x;
  return s2;
}
function linqMax(src, f) {
  let m2 = null;
  for (const x of seq(src)) {
    const v = f ? f(x) : x;
    if (m2 === null || v > m2) m2 = v;
  }
  if (m2 === null) throw invalidOperation("Sequence contains no elements");
  return m2;
}
function linqMin(src, f) {
  let m2 = null;
  for (const x of seq(src)) {
    const v = f ? f(x) : x;
    if (m2 === null || v < m2) m2 = v;
  }
  if (m2 === null) throw invalidOperation("Sequence contains no elements");
  return m2;
}
function linqAverage(src, f) {
  let s2 = 0;
  let n = 0;
  for (const x of seq(src)) {
    s2 += f ? f(x) : x;
    n++;
  }
  if (n === 0) throw invalidOperation("Sequence contains no elements");
  return s2 / n;
}
function linqAggregate(src, f) {
  const a = arr(src);
  if (!a.length) throw invalidOperation("Sequence contains no elements");
  return a.reduce((p3, c2) => f(p3, c2));
}
function linqAggregateSeed(src, seed, f) {
  let acc = seed;
  for (const x of seq(src)) acc = f(acc, x);
  return acc;
}
function linqSequenceEqual(a, b2) {
  const x = arr(a);
  const y = arr(b2);
  return x.length === y.length && x.every((v, i) => eq(v, y[i]));
}
function linqGroupBy(src, key) {
  const m2 = /* @__PURE__ */ new Map();
  for (const x of seq(src)) {
    const k = key(x);
    const g = m2.get(k);
    if (g) g.push(x);
    else m2.set(k, [x]);
  }
  return [...m2].map(([k, v]) => Object.assign(v, { Key: k }));
}
function linqOfType(src, test) {
  return arr(src).filter((x) => x !== null && (!test || test(x)));
}
function linqRange(start, count2) {
  if (count2 < 0) throw argumentOutOfRange("count");
  return Array.from({ length: count2 }, (_v, i) => start + i);
}
function linqRepeat(v, count2) {
  if (count2 < 0) throw argumentOutOfRange("count");
  return new Array(count2).fill(v);
}
function count(c2) {
  if (c2 === null || c2 === void 0) throw argumentNull("source");
  if (Array.isArray(c2) || c2 instanceof Uint8Array) return c2.length;
  if (c2 instanceof Map || c2 instanceof Set) return c2.size;
  const n = c2.Count;
  if (typeof n === "number") return n;
  return linqCount(c2);
}
function collContains(c2, v) {
  if (c2 instanceof Set) return c2.has(v);
  return linqContains(c2, v);
}
function collAdd(c2, v) {
  if (Array.isArray(c2)) c2.push(v);
  else if (c2 instanceof Set) c2.add(v);
  else c2.Add(v);
}
function collRemove(c2, v) {
  if (c2 instanceof Set) return c2.delete(v);
  const a = c2;
  const i = a.findIndex((x) => eq(x, v));
  if (i < 0) return false;
  a.splice(i, 1);
  return true;
}
function collClear(c2) {
  if (Array.isArray(c2)) c2.length = 0;
  else c2.clear();
}
function listItem(a, i) {
  if (a === null || a === void 0) throw argumentNull("list");
  if (!Number.isInteger(i) || i < 0 || i >= a.length)
    throw Array.isArray(a) ? argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.") : indexOutOfRange();
  return a[i];
}
function listSet(a, i, v) {
  if (!Number.isInteger(i) || i < 0 || i >= a.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
  a[i] = v;
  return v;
}
function listIndexOf(a, v) {
  for (let i = 0; i < a.length; i++) if (eq(a[i], v)) return i;
  return -1;
}
function listInsert(a, i, v) {
  if (i < 0 || i > a.length) throw argumentOutOfRange("index");
  a.splice(i, 0, v);
}
function listRemoveAt(a, i) {
  if (i < 0 || i >= a.length) throw argumentOutOfRange("index");
  a.splice(i, 1);
}
function listRemoveAll(a, p3) {
  const before = a.length;
  const keep = a.filter((x) => !p3(x));
  a.length = 0;
  a.push(...keep);
  return before - a.length;
}
function arraySort(a) {
  a.sort((x, y) => keyCmp(x, y));
}
function arrayCopy(src, si, dst, di, n) {
  if (si + n > src.length || di + n > dst.length) throw argumentError("Source array was not long enough.");
  for (let i = 0; i < n; i++) dst[di + i] = src[si + i];
}
function setAdd(s2, v) {
  if (s2.has(v)) return false;
  s2.add(v);
  return true;
}
function dictItem(d, k) {
  if (d === null || d === void 0) throw argumentNull("dictionary");
  if (isDotNet(d)) return d.Item(k);
  const m2 = d;
  if (k === null || k === void 0) throw argumentNull("key");
  if (!m2.has(k)) throw keyNotFound(k);
  return m2.get(k);
}
function dictSet(d, k, v) {
  if (d instanceof Dictionary) return d.SetItem(k, v);
  d.set(k, v);
  return v;
}
function dictContainsKey(d, k) {
  if (isDotNet(d)) return d.ContainsKey(k);
  return d.has(k);
}
function dictTryGet(d, k) {
  if (isDotNet(d)) {
    const v = d.TryGetValue(k);
    return v;
  }
  const m2 = d;
  return m2.has(k) ? m2.get(k) : void 0;
}
function dictGetOrDefault(d, k, def) {
  if (d === null || d === void 0) throw argumentNull("dictionary");
  if (isDotNet(d)) {
    const v = d.TryGetValue(k);
    return v === void 0 ? def : v;
  }
  const m2 = d;
  return m2.has(k) ? m2.get(k) : def;
}
function dictKeys(d) {
  if (isDotNet(d) && d.Keys) return d.Keys;
  return [...d.keys()];
}
function dictValues(d) {
  if (isDotNet(d) && d.Values) return d.Values;
  return [...d.values()];
}
function dictAdd(d, k, v) {
  if (d instanceof Dictionary) return d.Add(k, v);
  const m2 = d;
  if (m2.has(k)) throw argumentError("An item with the same key has already been added.");
  m2.set(k, v);
}
function dictRemove(d, k) {
  if (d instanceof Dictionary) return d.Remove(k);
  return d.delete(k);
}
function dictContainsValue(d, v) {
  return dictValues(d).some((x) => eq(x, v));
}
function formDict(m2) {
  const d = new Dictionary();
  for (const [k, v] of m2) d.Add(k, v);
  return d;
}
var arr, eq, Dictionary, isDotNet;
var init_linq2 = __esm({
  "runtime/dotnet/linq.ts"() {
    init_errors();
    init_core();
    arr = (src) => Array.isArray(src) ? src : Array.from(seq(src));
    eq = (a, b2) => a === b2 || objEquals(a, b2);
    Dictionary = class _Dictionary extends Map {
      $typeName = "System.Collections.Generic.Dictionary";
      ci;
      constructor(comparer = null) {
        super();
        this.ci = comparer === 5 || comparer === 3 || comparer === 1;
      }
      static from(src) {
        const d = new _Dictionary();
        for (const kv of seq(src)) d.Add(kv.Key, kv.Value);
        return d;
      }
      k(key) {
        if (key === null || key === void 0) throw argumentNull("key");
        return this.ci && typeof key === "string" ? key.toUpperCase() : key;
      }
      Item(key) {
        const kk = this.k(key);
        if (!super.has(kk)) throw keyNotFound(key);
        return super.get(kk).v;
      }
      SetItem(key, v) {
        const kk = this.k(key);
        const e = super.get(kk);
        super.set(kk, { k: e ? e.k : key, v });
        return v;
      }
      Add(key, v) {
        const kk = this.k(key);
        if (super.has(kk)) throw argumentError("An item with the same key has already been added.");
        super.set(kk, { k: key, v });
      }
      Remove(key) {
        return super.delete(this.k(key));
      }
      ContainsKey(key) {
        return super.has(this.k(key));
      }
      TryGetValue(key) {
        const e = super.get(this.k(key));
        return e === void 0 ? void 0 : e.v;
      }
      GetValueOrDefault(key, def = null) {
        const e = super.get(this.k(key));
        return e === void 0 ? def : e.v;
      }
      get Count() {
        return this.size;
      }
      get Keys() {
        return Array.from(super.values(), (e) => e.k);
      }
      get Values() {
        return Array.from(super.values(), (e) => e.v);
      }
      ContainsValue(v) {
        return this.Values.some((x) => eq(x, v));
      }
      [Symbol.iterator]() {
        const it = Array.from(super.values(), (e) => ({ Key: e.k, Value: e.v }))[Symbol.iterator]();
        return it;
      }
    };
    isDotNet = (d) => typeof d.Item === "function";
  }
});

// runtime/dotnet/datetime.ts
function customTimeSpan(t, f) {
  const a = Math.abs(t.ticks);
  return f.replace(/\\(.)|'([^']*)'|d+|hh|h|mm|m|ss|s|f+|F+/g, (tok, esc, lit) => {
    if (esc !== void 0) return esc;
    if (lit !== void 0) return lit;
    switch (tok[0]) {
      case "d":
        return String(Math.trunc(a / 864e9)).padStart(tok.length, "0");
      case "h":
        return String(Math.trunc(a / 36e9) % 24).padStart(tok.length, "0");
      case "m":
        return String(Math.trunc(a / 6e8) % 60).padStart(tok.length, "0");
      case "s":
        return String(Math.trunc(a / 1e7) % 60).padStart(tok.length, "0");
      default:
        return String(Math.round(a % 1e7)).padStart(7, "0").slice(0, tok.length);
    }
  });
}
function roundMs(x) {
  return Math.round(x);
}
function formatDate(d, format, kText, zText) {
  const std = {
    d: "MM/dd/yyyy",
    D: "dddd, dd MMMM yyyy",
    f: "dddd, dd MMMM yyyy HH:mm",
    F: "dddd, dd MMMM yyyy HH:mm:ss",
    g: "MM/dd/yyyy HH:mm",
    G: "MM/dd/yyyy HH:mm:ss",
    m: "MMMM dd",
    M: "MMMM dd",
    o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    t: "HH:mm",
    T: "HH:mm:ss",
    u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    U: "dddd, dd MMMM yyyy HH:mm:ss",
    y: "yyyy MMMM",
    Y: "yyyy MMMM"
  };
  let f = format;
  if (f.length === 1) {
    const s2 = std[f];
    if (!s2) throw formatError("Input string was not in a correct format.");
    f = s2;
  } else if (f === "G zzz") f = "MM/dd/yyyy HH:mm:ss zzz";
  const ticksInSecond = Math.round((d.ms - Math.floor(d.ms / 1e3) * 1e3) * 1e4);
  return f.replace(/'([^']*)'|"([^"]*)"|\\(.)|%(.)|yyyyy|yyyy|yyy|yy|y|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}|tt|t|K|zzz|zz|z|gg|g/g, (tok, q1, q2, esc, pct) => {
    if (q1 !== void 0) return q1;
    if (q2 !== void 0) return q2;
    if (esc !== void 0) return esc;
    if (pct !== void 0) tok = pct;
    switch (tok) {
      case "yyyyy":
        return String(d.Year).padStart(5, "0");
      case "yyyy":
        return String(d.Year).padStart(4, "0");
      case "yyy":
        return String(d.Year).padStart(3, "0");
      case "yy":
        return p2(d.Year % 100);
      case "y":
        return String(d.Year % 100);
      case "MMMM":
        return MONTHS[d.Month - 1];
      case "MMM":
        return MONTHS[d.Month - 1].slice(0, 3);
      case "MM":
        return p2(d.Month);
      case "M":
        return String(d.Month);
      case "dddd":
        return DAYS[d.DayOfWeek];
      case "ddd":
        return DAYS[d.DayOfWeek].slice(0, 3);
      case "dd":
        return p2(d.Day);
      case "d":
        return String(d.Day);
      case "HH":
        return p2(d.Hour);
      case "H":
        return String(d.Hour);
      case "hh":
        return p2(d.Hour % 12 || 12);
      case "h":
        return String(d.Hour % 12 || 12);
      case "mm":
        return p2(d.Minute);
      case "m":
        return String(d.Minute);
      case "ss":
        return p2(d.Second);
      case "s":
        return String(d.Second);
      case "tt":
        return d.Hour < 12 ? "AM" : "PM";
      case "t":
        return d.Hour < 12 ? "A" : "P";
      case "K":
        return kText;
      case "zzz":
        return zText;
      case "zz":
        return zText.slice(0, 3);
      case "z":
        return "+0";
      case "gg":
      case "g":
        return "A.D.";
    }
    const digits = String(ticksInSecond).padStart(7, "0").slice(0, tok.length);
    if (tok[0] === "F") {
      const trimmed = digits.replace(/0+$/, "");
      return trimmed;
    }
    return digits;
  });
}
var EPOCH_TICKS, MIN_MS, MAX_MS, DAYS, MONTHS, p2, TimeSpan, DateTime, DateTimeOffset;
var init_datetime2 = __esm({
  "runtime/dotnet/datetime.ts"() {
    init_errors();
    init_core();
    init_newtonsoft2();
    EPOCH_TICKS = 621355968e9;
    MIN_MS = -621355968e5;
    MAX_MS = 2534023008e5;
    DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    p2 = (n) => String(n).padStart(2, "0");
    TimeSpan = class _TimeSpan {
      constructor(ticks) {
        this.ticks = ticks;
      }
      $typeName = "System.TimeSpan";
      static fromMs(ms) {
        return new _TimeSpan(Math.round(ms * 1e4));
      }
      static fromTicks(t) {
        return new _TimeSpan(t);
      }
      static create(d, h2, m2, s2, ms) {
        return _TimeSpan.fromMs((((d * 24 + h2) * 60 + m2) * 60 + s2) * 1e3 + ms);
      }
      static Zero = new _TimeSpan(0);
      static MaxValue = new _TimeSpan(9223372036854776e3);
      static MinValue = new _TimeSpan(-9223372036854776e3);
      get Ticks() {
        return this.ticks;
      }
      get TotalMilliseconds() {
        return this.ticks / 1e4;
      }
      get TotalSeconds() {
        return this.ticks / 1e7;
      }
      get TotalMinutes() {
        return this.ticks / 6e8;
      }
      get TotalHours() {
        return this.ticks / 36e9;
      }
      get TotalDays() {
        return this.ticks / 864e9;
      }
      get Days() {
        return Math.trunc(this.ticks / 864e9);
      }
      get Hours() {
        return Math.trunc(this.ticks / 36e9) % 24;
      }
      get Minutes() {
        return Math.trunc(this.ticks / 6e8) % 60;
      }
      get Seconds() {
        return Math.trunc(this.ticks / 1e7) % 60;
      }
      get Milliseconds() {
        return Math.trunc(this.ticks / 1e4) % 1e3;
      }
      Add(t) {
        return new _TimeSpan(this.ticks + t.ticks);
      }
      Subtract(t) {
        return new _TimeSpan(this.ticks - t.ticks);
      }
      Negate() {
        return new _TimeSpan(-this.ticks);
      }
      Duration() {
        return new _TimeSpan(Math.abs(this.ticks));
      }
      Equals(o) {
        return o instanceof _TimeSpan && o.ticks === this.ticks;
      }
      CompareTo(o) {
        return Math.sign(this.ticks - o.ticks);
      }
      /** "c" format: [-][d.]hh:mm:ss[.fffffff]. */
      ToString(format) {
        const t = Math.abs(this.ticks);
        const d = Math.trunc(t / 864e9);
        const h2 = Math.trunc(t / 36e9) % 24;
        const m2 = Math.trunc(t / 6e8) % 60;
        const s2 = Math.trunc(t / 1e7) % 60;
        const f = Math.round(t % 1e7);
        if (format && format !== "c" && format !== "t" && format !== "T" && format !== "g" && format !== "G") {
          return customTimeSpan(this, format);
        }
        let out = `${this.ticks < 0 ? "-" : ""}${d ? `${d}.` : ""}${p2(h2)}:${p2(m2)}:${p2(s2)}`;
        if (f) out += `.${String(f).padStart(7, "0")}`;
        return out;
      }
      static Parse(s2) {
        const r = _TimeSpan.TryParse(s2);
        if (!r) throw formatError("String was not recognized as a valid TimeSpan.");
        return r;
      }
      static TryParse(s2) {
        if (s2 === null) return void 0;
        const m2 = /^\s*(-)?(?:(\d+)[.:])?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?\s*$/.exec(s2);
        if (!m2) {
          const d = /^\s*(-)?(\d+)\s*$/.exec(s2);
          return d ? new _TimeSpan((d[1] ? -1 : 1) * Number(d[2]) * 864e9) : void 0;
        }
        const ticks = (((Number(m2[2] ?? 0) * 24 + Number(m2[3])) * 60 + Number(m2[4])) * 60 + Number(m2[5] ?? 0)) * 1e7 + Number((m2[6] ?? "").padEnd(7, "0") || 0);
        return new _TimeSpan(m2[1] ? -ticks : ticks);
      }
    };
    DateTime = class _DateTime {
      constructor(ms, kind = 0) {
        this.ms = ms;
        this.kind = kind;
        if (ms < MIN_MS || ms > MAX_MS + 1) throw argumentOutOfRange("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
      }
      $typeName = "System.DateTime";
      static fromMs(ms, kind) {
        return new _DateTime(ms, kind);
      }
      static fromMsOrNull(ms, kind) {
        return ms === null || ms === void 0 ? null : new _DateTime(ms, kind);
      }
      static fromTicks(ticks, kind) {
        return new _DateTime((ticks - EPOCH_TICKS) / 1e4, kind);
      }
      static now(kind) {
        return new _DateTime(Date.now(), kind);
      }
      static create(y, mo, d, h2, mi, s2, ms, kind) {
        if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > _DateTime.DaysInMonth(y, mo) || h2 < 0 || h2 > 23 || mi < 0 || mi > 59 || s2 < 0 || s2 > 59 || ms < 0 || ms > 999)
          throw argumentOutOfRange("year", "Year, Month, and Day parameters describe an un-representable DateTime.");
        const dt = /* @__PURE__ */ new Date(0);
        dt.setUTCFullYear(y, mo - 1, d);
        dt.setUTCHours(h2, mi, s2, ms);
        return new _DateTime(dt.getTime(), kind);
      }
      static MinValue = new _DateTime(MIN_MS, 0);
      static MaxValue = new _DateTime(MAX_MS, 0);
      static IsLeapYear(y) {
        return y % 4 === 0 && y % 100 !== 0 || y % 400 === 0;
      }
      static DaysInMonth(y, m2) {
        if (m2 < 1 || m2 > 12) throw argumentOutOfRange("month", "Month must be between one and twelve.");
        return [31, _DateTime.IsLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m2 - 1];
      }
      get d() {
        return new Date(Math.floor(this.ms));
      }
      get Year() {
        return this.d.getUTCFullYear();
      }
      get Month() {
        return this.d.getUTCMonth() + 1;
      }
      get Day() {
        return this.d.getUTCDate();
      }
      get Hour() {
        return this.d.getUTCHours();
      }
      get Minute() {
        return this.d.getUTCMinutes();
      }
      get Second() {
        return this.d.getUTCSeconds();
      }
      get Millisecond() {
        return this.d.getUTCMilliseconds();
      }
      get DayOfWeek() {
        return this.d.getUTCDay();
      }
      get DayOfYear() {
        const start = Date.UTC(this.Year, 0, 1);
        return Math.floor((Math.floor(this.ms) - start) / 864e5) + 1;
      }
      get Ticks() {
        return Math.round(this.ms * 1e4) + EPOCH_TICKS;
      }
      get Kind() {
        return this.kind;
      }
      get Date() {
        return new _DateTime(Math.floor(this.ms / 864e5) * 864e5, this.kind);
      }
      get TimeOfDay() {
        return TimeSpan.fromMs(this.ms - Math.floor(this.ms / 864e5) * 864e5);
      }
      withKind(k) {
        return new _DateTime(this.ms, k);
      }
      Add(t) {
        return new _DateTime(this.ms + t.ticks / 1e4, this.kind);
      }
      AddDays(v) {
        return new _DateTime(this.ms + roundMs(v * 864e5), this.kind);
      }
      AddHours(v) {
        return new _DateTime(this.ms + roundMs(v * 36e5), this.kind);
      }
      AddMinutes(v) {
        return new _DateTime(this.ms + roundMs(v * 6e4), this.kind);
      }
      AddSeconds(v) {
        return new _DateTime(this.ms + roundMs(v * 1e3), this.kind);
      }
      AddMilliseconds(v) {
        return new _DateTime(this.ms + roundMs(v), this.kind);
      }
      AddTicks(v) {
        return new _DateTime(this.ms + v / 1e4, this.kind);
      }
      AddMonths(n) {
        const y0 = this.Year;
        const m0 = this.Month - 1 + n;
        const y = y0 + Math.floor(m0 / 12);
        const m2 = (m0 % 12 + 12) % 12;
        const day = Math.min(this.Day, _DateTime.DaysInMonth(y, m2 + 1));
        const tod = this.ms - Math.floor(this.ms / 864e5) * 864e5;
        const dt = /* @__PURE__ */ new Date(0);
        dt.setUTCFullYear(y, m2, day);
        return new _DateTime(dt.getTime() + tod, this.kind);
      }
      AddYears(n) {
        return this.AddMonths(12 * n);
      }
      Subtract(x) {
        if (x instanceof TimeSpan) return new _DateTime(this.ms - x.ticks / 1e4, this.kind);
        return TimeSpan.fromMs(this.ms - x.ms);
      }
      ToUniversalTime() {
        return new _DateTime(this.ms, 1);
      }
      ToLocalTime() {
        return new _DateTime(this.ms, 2);
      }
      ToFileTimeUtc() {
        return this.Ticks - 504911232e9;
      }
      Equals(o) {
        return o instanceof _DateTime && o.ms === this.ms;
      }
      CompareTo(o) {
        return Math.sign(this.ms - o.ms);
      }
      ToString(format) {
        return formatDate(this, format || "G", this.kind === 1 ? "Z" : this.kind === 2 ? "+00:00" : "", "+00:00");
      }
      toString() {
        return this.ToString();
      }
      static Parse(s2, styles) {
        const r = _DateTime.TryParse(s2, styles);
        if (!r) throw formatError(`String '${s2}' was not recognized as a valid DateTime.`);
        return r;
      }
      /** ISO 8601, invariant "MM/dd/yyyy HH:mm:ss", RFC 1123 and a few common forms. */
      static TryParse(s2, styles) {
        if (s2 === null || s2 === void 0) return void 0;
        const t = s2.trim();
        let m2 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
        let dt;
        if (m2) {
          const frac = Number(`0.${m2[7] ?? "0"}`) * 1e3;
          const base = Date.UTC(Number(m2[1]), Number(m2[2]) - 1, Number(m2[3]), Number(m2[4] ?? 0), Number(m2[5] ?? 0), Number(m2[6] ?? 0));
          if (Number.isNaN(base)) return void 0;
          const tz = m2[8];
          if (!tz) dt = new _DateTime(base + frac, (styles ?? 0) & 64 ? 1 : 0);
          else {
            let off = 0;
            if (tz.toUpperCase() !== "Z") {
              const sign = tz[0] === "-" ? -1 : 1;
              const hh = Number(tz.slice(1, 3));
              const mm = Number(tz.slice(-2));
              off = sign * (hh * 60 + mm) * 6e4;
            }
            dt = new _DateTime(base + frac - off, tz.toUpperCase() === "Z" && (styles ?? 0) & 128 ? 1 : (styles ?? 0) & 16 ? 1 : 2);
          }
          return dt;
        }
        m2 = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(t);
        if (m2) {
          let h2 = Number(m2[4] ?? 0);
          if (m2[7]) h2 = h2 % 12 + (m2[7].toUpperCase() === "PM" ? 12 : 0);
          try {
            return _DateTime.create(Number(m2[3]), Number(m2[1]), Number(m2[2]), h2, Number(m2[5] ?? 0), Number(m2[6] ?? 0), 0, 0);
          } catch {
            return void 0;
          }
        }
        const ms = Date.parse(t);
        if (!Number.isNaN(ms) && /[A-Za-z]{3}/.test(t)) return new _DateTime(ms, /GMT|UTC|Z$/.test(t) ? 2 : 0);
        return void 0;
      }
      static ParseExact(s2, format, styles) {
        const r = _DateTime.TryParseExact(s2, format, styles);
        if (!r) throw formatError("String was not recognized as a valid DateTime.");
        return r;
      }
      static TryParseExact(s2, format, styles) {
        if (s2 === null) return void 0;
        const f = format === "o" || format === "O" ? "yyyy-MM-ddTHH:mm:ss.fffffffK" : format === "s" ? "yyyy-MM-ddTHH:mm:ss" : format === "u" ? "yyyy-MM-dd HH:mm:ssZ" : format;
        const groups = [];
        let re = "";
        f.replace(/yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|tt|K|'[^']*'|\\.|./g, (tok) => {
          if (/^(yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|f+|tt|K)$/.test(tok)) {
            groups.push(tok);
            re += tok === "K" ? "(Z|[+-]\\d{2}:\\d{2})?" : tok === "tt" ? "(AM|PM)" : tok.startsWith("f") ? `(\\d{${tok.length}})` : tok.length === 1 ? "(\\d{1,2})" : `(\\d{${tok.length}})`;
          } else re += (tok.startsWith("'") ? tok.slice(1, -1) : tok.startsWith("\\") ? tok.slice(1) : tok).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          return tok;
        });
        const m2 = new RegExp(`^${re}$`).exec(s2.trim());
        if (!m2) return void 0;
        const v = { y: 1, M: 1, d: 1, H: 0, m: 0, s: 0, f: 0 };
        let pm = null;
        let tz = null;
        groups.forEach((g, i) => {
          const x = m2[i + 1] ?? "";
          if (g === "tt") pm = x;
          else if (g === "K") tz = x || null;
          else if (g.startsWith("f")) v.f = Number(`0.${x}`) * 1e3;
          else if (g === "yy") v.y = 2e3 + Number(x);
          else v[g[0] === "h" ? "H" : g[0]] = Number(x);
        });
        if (pm) v.H = v.H % 12 + (pm === "PM" ? 12 : 0);
        try {
          const dt = _DateTime.create(v.y, v.M, v.d, v.H, v.m, v.s, 0, 0);
          const iso = tz ? _DateTime.TryParse(`${dt.ToString("yyyy-MM-ddTHH:mm:ss")}${tz}`, styles) : void 0;
          return iso ? new _DateTime(iso.ms + v.f, iso.kind) : new _DateTime(dt.ms + v.f, (styles ?? 0) & 64 ? 1 : 0);
        } catch {
          return void 0;
        }
      }
    };
    DateTimeOffset = class _DateTimeOffset {
      constructor(dt) {
        this.dt = dt;
      }
      $typeName = "System.DateTimeOffset";
      static fromDateTime(d) {
        return new _DateTimeOffset(new DateTime(d.ms, 1));
      }
      static now() {
        return new _DateTimeOffset(DateTime.now(1));
      }
      static FromUnixTimeMilliseconds(ms) {
        return new _DateTimeOffset(new DateTime(ms, 1));
      }
      static TryParse(s2) {
        const d = DateTime.TryParse(s2, 16);
        return d ? new _DateTimeOffset(new DateTime(d.ms, 1)) : void 0;
      }
      get UtcDateTime() {
        return new DateTime(this.dt.ms, 1);
      }
      get DateTime() {
        return new DateTime(this.dt.ms, 0);
      }
      ToUnixTimeSeconds() {
        return Math.floor(this.dt.ms / 1e3);
      }
      ToUnixTimeMilliseconds() {
        return Math.floor(this.dt.ms);
      }
      get Year() {
        return this.dt.Year;
      }
      get Month() {
        return this.dt.Month;
      }
      get Day() {
        return this.dt.Day;
      }
      get Hour() {
        return this.dt.Hour;
      }
      get Minute() {
        return this.dt.Minute;
      }
      get Second() {
        return this.dt.Second;
      }
      get Millisecond() {
        return this.dt.Millisecond;
      }
      get DayOfYear() {
        return this.dt.DayOfYear;
      }
      get DayOfWeek() {
        return this.dt.DayOfWeek;
      }
      get Ticks() {
        return this.dt.Ticks;
      }
      get TimeOfDay() {
        return this.dt.TimeOfDay;
      }
      get Date() {
        return this.dt.Date.withKind(0);
      }
      get ms() {
        return this.dt.ms;
      }
      w(d) {
        return new _DateTimeOffset(d);
      }
      Add(t) {
        return this.w(this.dt.Add(t));
      }
      AddDays(v) {
        return this.w(this.dt.AddDays(v));
      }
      AddHours(v) {
        return this.w(this.dt.AddHours(v));
      }
      AddMinutes(v) {
        return this.w(this.dt.AddMinutes(v));
      }
      AddSeconds(v) {
        return this.w(this.dt.AddSeconds(v));
      }
      AddMilliseconds(v) {
        return this.w(this.dt.AddMilliseconds(v));
      }
      AddTicks(v) {
        return this.w(this.dt.AddTicks(v));
      }
      AddMonths(v) {
        return this.w(this.dt.AddMonths(v));
      }
      AddYears(v) {
        return this.w(this.dt.AddYears(v));
      }
      Subtract(x) {
        if (x instanceof TimeSpan) return this.w(this.dt.Subtract(x));
        return TimeSpan.fromMs(this.dt.ms - x.dt.ms);
      }
      Equals(o) {
        return o instanceof _DateTimeOffset && o.dt.ms === this.dt.ms;
      }
      CompareTo(o) {
        return Math.sign(this.dt.ms - o.dt.ms);
      }
      ToString(format) {
        return formatDate(this.dt, format || "G zzz", "+00:00", "+00:00");
      }
    };
    registerTypeCheck("DateTime", (v) => v instanceof DateTime);
    registerTypeCheck("TimeSpan", (v) => v instanceof TimeSpan);
    registerTypeCheck("DateTimeOffset", (v) => v instanceof DateTimeOffset);
    registerDateTimeOps({
      parse: (s2) => DateTime.Parse(s2, null),
      format: (d) => d.ToString(),
      iso: (d) => {
        const x = d instanceof DateTimeOffset ? d.dt : d;
        const s2 = formatDate(x, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", x.kind === 1 ? "Z" : x.kind === 2 ? "+00:00" : "", "+00:00");
        return s2.replace(/\.(?=Z|\+|$)/, "");
      }
    });
    registerDateParser((s2) => DateTime.Parse(s2, null));
  }
});

// runtime/dotnet/misc.ts
import { createCipheriv, createDecipheriv, createHash as createHash2, createHmac, randomBytes as nodeRandomBytes, randomUUID } from "node:crypto";
function newGuid() {
  return randomUUID();
}
function guidTryParse(s2) {
  if (s2 === null || s2 === void 0) return void 0;
  const t = s2.trim();
  const m2 = /^[{(]?([0-9a-fA-F]{8})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{4})-?([0-9a-fA-F]{12})[})]?$/.exec(t);
  if (!m2) return void 0;
  const braces = t[0] === "{" ? "}" : t[0] === "(" ? ")" : "";
  if (braces && t[t.length - 1] !== braces) return void 0;
  const dashed = t.includes("-");
  if (!dashed && t.replace(/[{}()]/g, "").length !== 32) return void 0;
  return `${m2[1]}-${m2[2]}-${m2[3]}-${m2[4]}-${m2[5]}`.toLowerCase();
}
function guidParse(s2) {
  if (s2 === null) throw argumentNull("input");
  const g = guidTryParse(s2);
  if (g === void 0) throw formatError("Unrecognized Guid format.");
  return g;
}
function guidFormat(g, f) {
  switch (f ?? "D") {
    case "":
    case "D":
    case "d":
      return g;
    case "N":
    case "n":
      return g.replace(/-/g, "");
    case "B":
    case "b":
      return `{${g}}`;
    case "P":
    case "p":
      return `(${g})`;
    default:
      throw formatError('Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".');
  }
}
function guidToBytes(g) {
  const h2 = g.replace(/-/g, "");
  const b2 = Uint8Array.from(h2.match(/../g).map((x) => parseInt(x, 16)));
  const swap = (i, n) => b2.subarray(i, i + n).reverse();
  swap(0, 4);
  swap(4, 2);
  swap(6, 2);
  return b2;
}
function guidFromBytes(b2) {
  if (!b2 || b2.length !== 16) throw argumentError("Byte array for GUID must be exactly 16 bytes long.");
  const c2 = Uint8Array.from(b2);
  c2.subarray(0, 4).reverse();
  c2.subarray(4, 6).reverse();
  c2.subarray(6, 8).reverse();
  const h2 = Buffer.from(c2).toString("hex");
  return `${h2.slice(0, 8)}-${h2.slice(8, 12)}-${h2.slice(12, 16)}-${h2.slice(16, 20)}-${h2.slice(20)}`;
}
function toBase64(b2) {
  if (b2 === null || b2 === void 0) throw argumentNull("inArray");
  return Buffer.from(b2.buffer, b2.byteOffset, b2.byteLength).toString("base64");
}
function fromBase64(s2) {
  if (s2 === null || s2 === void 0) throw argumentNull("s");
  const t = s2.replace(/[\s]/g, "");
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t))
    throw formatError("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
  return new Uint8Array(Buffer.from(t, "base64"));
}
function toHex(b2) {
  return Buffer.from(b2).toString("hex").toUpperCase();
}
function fromHex(s2) {
  if (s2.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s2)) throw formatError("The input is not a valid hex string.");
  return new Uint8Array(Buffer.from(s2, "hex"));
}
function bitConverterToString(b2) {
  return Array.from(b2, (x) => x.toString(16).toUpperCase().padStart(2, "0")).join("-");
}
function bitConverterGetBytes(v, n) {
  const b2 = Buffer.alloc(n);
  if (n === 4) b2.writeInt32LE(v | 0);
  else b2.writeBigInt64LE(BigInt(Math.trunc(v)));
  return new Uint8Array(b2);
}
function bitConverterToInt32(b2, i) {
  if (i < 0 || i + 4 > b2.length) throw argumentOutOfRange("startIndex");
  return Buffer.from(b2).readInt32LE(i);
}
function uriIsWellFormed(s2, kind) {
  if (s2 === null) return false;
  if (kind === 2) return !/^[a-z][a-z0-9+.-]*:/i.test(s2) && !/[\s]/.test(s2);
  try {
    new URL(s2);
    return !/[\s]/.test(s2) && (kind !== 1 || /^[a-z][a-z0-9+.-]*:\/\//i.test(s2));
  } catch {
    return kind === 0 && !/[\s]/.test(s2);
  }
}
function escapeDataString(s2) {
  if (s2 === null) throw argumentNull("stringToEscape");
  return encodeURIComponent(s2).replace(/[!'()*]/g, (c2) => `%${c2.charCodeAt(0).toString(16).toUpperCase()}`);
}
function unescapeDataString(s2) {
  if (s2 === null) throw argumentNull("stringToUnescape");
  return s2.replace(/(%[0-9A-Fa-f]{2})+/g, (m2) => {
    try {
      return decodeURIComponent(m2);
    } catch {
      return m2;
    }
  });
}
function urlEncode(s2) {
  if (s2 === null) return null;
  return encodeURIComponent(s2).replace(/%20/g, "+").replace(/'/g, "%27").replace(/~/g, "%7E");
}
function urlEncodeLower(s2) {
  const e = urlEncode(s2);
  return e === null ? null : e.replace(/%[0-9A-F]{2}/g, (m2) => m2.toLowerCase());
}
function urlDecode(s2) {
  if (s2 === null) return null;
  return unescapeDataString(s2.replace(/\+/g, " "));
}
function htmlEncode(s2) {
  if (s2 === null) return null;
  return s2.replace(/[&<>"']/g, (c2) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c2]);
}
function htmlDecode(s2) {
  if (s2 === null) return null;
  return s2.replace(/&(amp|lt|gt|quot|#39|#(\d+)|#x([0-9a-f]+));/gi, (m2, n, d, h2) => {
    if (d) return String.fromCodePoint(Number(d));
    if (h2) return String.fromCodePoint(parseInt(h2, 16));
    return { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" }[n.toLowerCase()] ?? m2;
  });
}
function expandReplacement(repl, m2) {
  return repl.replace(/\$(\$|\d+|\{(\w+)\}|&)/g, (tok, x, name) => {
    if (x === "$") return "$";
    if (x === "&") return m2.Value;
    const g = name !== void 0 ? m2.Groups.Item(/^\d+$/.test(name) ? Number(name) : name) : m2.Groups.Item(Number(x));
    return g.Success ? g.Value : g === EMPTY_GROUP ? tok : "";
  });
}
function translatePattern(p3, opts) {
  let flags = "u";
  if (opts & 1) flags += "i";
  if (opts & 2) flags += "m";
  if (opts & 16) flags += "s";
  let src = p3;
  if (opts & 32) src = src.replace(/\\#/g, "\0").replace(/#.*$/gm, "").replace(/\s+/g, "").replace(/\u0000/g, "\\#");
  const lead = /^\(\?([imsx]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1]) if (f !== "x" && !flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  src = src.replace(/\(\?'(\w+)'/g, "(?<$1>").replace(/\(\?P<(\w+)>/g, "(?<$1>").replace(/\\A/g, "^").replace(/\\Z/g, "(?=\\n?$)").replace(/\\z/g, "$");
  try {
    new RegExp(src, flags);
  } catch {
    flags = flags.replace("u", "");
  }
  return { source: src, flags };
}
function regexEscape(s2) {
  return s2.replace(/[\\*+?|{[()^$.#\s]/g, (c2) => c2 === "	" ? "\\t" : c2 === "\n" ? "\\n" : c2 === "\r" ? "\\r" : c2 === " " ? "\\ " : `\\${c2}`);
}
function regexUnescape(s2) {
  return s2.replace(/\\(.)/g, "$1");
}
function newHash(alg, key) {
  return new HashAlg(alg, key);
}
function randomBytes(n) {
  return new Uint8Array(nodeRandomBytes(n));
}
function newRng() {
  return { GetBytes: (b2) => void globalThis.crypto.getRandomValues(b2) };
}
function b64urlDecode(s2) {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s2)) return null;
  return Buffer.from(s2.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}
function asJwt(s2) {
  if (s2 === null || s2 === void 0) return null;
  const parts = s2.trim().split(".");
  if (parts.length !== 3 && parts.length !== 5) return null;
  try {
    const h2 = b64urlDecode(parts[0]);
    const p3 = b64urlDecode(parts[1]);
    if (!h2 || !p3) return null;
    const header = JSON.parse(h2.toString("utf8"));
    const payload = JSON.parse(p3.toString("utf8"));
    if (!header || typeof header !== "object" || !payload || typeof payload !== "object") return null;
    return new Jwt(header, payload);
  } catch {
    return null;
  }
}
function asBasic(s2) {
  if (s2 === null || s2 === void 0) return null;
  const m2 = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(s2);
  if (!m2) return null;
  const text = Buffer.from(m2[1], "base64").toString("utf8");
  const i = text.indexOf(":");
  if (i < 0) return null;
  return { UserId: text.slice(0, i), Password: text.slice(i + 1) };
}
function symAlg(alg, key) {
  const base = SYM[alg.toLowerCase().replace(/[^a-z]/g, "")] ?? SYM[alg.toLowerCase()];
  if (!base) throw new DotNetException("System.Security.Cryptography.CryptographicException", `Algorithm '${alg}' is not supported.`);
  return base === "aes" ? `aes-${key.length * 8}-cbc` : `${base}-cbc`;
}
function symEncrypt(input, alg, key, iv) {
  if (!input) throw nullReference();
  const c2 = createCipheriv(symAlg(alg, key), key, iv);
  return new Uint8Array(Buffer.concat([c2.update(input), c2.final()]));
}
function symDecrypt(input, alg, key, iv) {
  if (!input) throw nullReference();
  const d = createDecipheriv(symAlg(alg, key), key, iv);
  try {
    return new Uint8Array(Buffer.concat([d.update(input), d.final()]));
  } catch {
    throw new DotNetException("System.Security.Cryptography.CryptographicException", "Padding is invalid and cannot be removed.");
  }
}
function formPairs(form) {
  const out = [];
  for (const e of form) for (const v of e.Value) out.push(`${encodeURIComponent(e.Key)}=${encodeURIComponent(v)}`);
  return out;
}
function formToQueryString(form) {
  const p3 = formPairs(form);
  return p3.length ? `?${p3.join("&")}` : "";
}
function formToContent(form) {
  return formPairs(form).join("&");
}
function certVerify(c2) {
  if (c2 === null || c2 === void 0) throw nullReference();
  return typeof c2.verify === "function" ? c2.verify() : false;
}
var Enc, utf8Dec, Encoding, Uri, Capture, Group, GroupCollection, EMPTY_GROUP, Match, regexCache, Regex, HashAlg, Jwt, ClaimMap, SYM;
var init_misc2 = __esm({
  "runtime/dotnet/misc.ts"() {
    init_errors();
    init_core();
    init_datetime2();
    Enc = class {
      constructor(WebName, enc, dec) {
        this.WebName = WebName;
        this.enc = enc;
        this.dec = dec;
      }
      $typeName = "System.Text.Encoding";
      GetBytes(s2) {
        if (s2 === null || s2 === void 0) throw argumentNull("s");
        return this.enc(s2);
      }
      GetString(b2) {
        if (b2 === null || b2 === void 0) throw argumentNull("bytes");
        return this.dec(b2);
      }
    };
    utf8Dec = new TextDecoder("utf-8");
    Encoding = {
      UTF8: new Enc("utf-8", (s2) => new TextEncoder().encode(s2), (b2) => utf8Dec.decode(b2)),
      ASCII: new Enc("us-ascii", (s2) => Uint8Array.from(s2, (c2) => c2.charCodeAt(0) < 128 ? c2.charCodeAt(0) : 63), (b2) => Array.from(b2, (x) => x < 128 ? String.fromCharCode(x) : "?").join("")),
      Unicode: new Enc("utf-16", (s2) => new Uint8Array(Buffer.from(s2, "utf16le")), (b2) => Buffer.from(b2).toString("utf16le")),
      BigEndianUnicode: new Enc("utf-16BE", (s2) => new Uint8Array(Buffer.from(s2, "utf16le").swap16()), (b2) => Buffer.from(b2).swap16().toString("utf16le")),
      UTF32: new Enc(
        "utf-32",
        (s2) => {
          const cps = Array.from(s2, (c2) => c2.codePointAt(0));
          const b2 = Buffer.alloc(cps.length * 4);
          cps.forEach((cp, i) => b2.writeUInt32LE(cp, i * 4));
          return new Uint8Array(b2);
        },
        (b2) => {
          let s2 = "";
          const buf = Buffer.from(b2);
          for (let i = 0; i + 3 < buf.length; i += 4) s2 += String.fromCodePoint(buf.readUInt32LE(i));
          return s2;
        }
      ),
      Latin1: new Enc("iso-8859-1", (s2) => Uint8Array.from(s2, (c2) => c2.charCodeAt(0) < 256 ? c2.charCodeAt(0) : 63), (b2) => Buffer.from(b2).toString("latin1")),
      GetEncoding(name) {
        const n = name.toLowerCase();
        if (n === "utf-8" || n === "utf8") return Encoding.UTF8;
        if (n === "us-ascii" || n === "ascii") return Encoding.ASCII;
        if (n === "utf-16" || n === "unicode") return Encoding.Unicode;
        if (n === "iso-8859-1" || n === "latin1") return Encoding.Latin1;
        throw argumentError(`'${name}' is not a supported encoding name.`);
      }
    };
    Uri = class _Uri {
      constructor(u) {
        this.u = u;
      }
      $typeName = "System.Uri";
      static parse(s2) {
        if (s2 === null) throw argumentNull("uriString");
        try {
          return new _Uri(new URL(s2));
        } catch {
          throw new DotNetException("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
        }
      }
      static resolve(base, rel) {
        if (base === null || base === void 0) throw argumentNull("baseUri");
        try {
          return new _Uri(new URL(rel ?? "", base.u));
        } catch {
          throw new DotNetException("System.UriFormatException", "Invalid URI: The format of the URI could not be determined.");
        }
      }
      static tryParse(s2, _kind) {
        try {
          return s2 === null ? void 0 : new _Uri(new URL(s2));
        } catch {
          return void 0;
        }
      }
      get Scheme() {
        return this.u.protocol.replace(/:$/, "");
      }
      get Host() {
        return this.u.hostname;
      }
      get Port() {
        return this.u.port ? Number(this.u.port) : this.Scheme === "https" ? 443 : this.Scheme === "http" ? 80 : -1;
      }
      get AbsolutePath() {
        return this.u.pathname;
      }
      get AbsoluteUri() {
        return this.u.href;
      }
      get PathAndQuery() {
        return this.u.pathname + this.u.search;
      }
      get Query() {
        return this.u.search;
      }
      get Fragment() {
        return this.u.hash;
      }
      get Authority() {
        return this.u.host;
      }
      get Segments() {
        const parts = this.u.pathname.split("/");
        return parts.slice(0, -1).map((p3) => `${p3}/`).concat(parts[parts.length - 1] ? [parts[parts.length - 1]] : []);
      }
      GetLeftPart(part) {
        if (part === 0) return `${this.u.protocol}//`;
        if (part === 1) return `${this.u.protocol}//${this.u.host}`;
        if (part === 2) return `${this.u.protocol}//${this.u.host}${this.u.pathname}`;
        return `${this.u.protocol}//${this.u.host}${this.u.pathname}${this.u.search}`;
      }
      ToString() {
        return decodeURI(this.u.href);
      }
    };
    Capture = class {
      constructor(Value, Index) {
        this.Value = Value;
        this.Index = Index;
      }
      get Length() {
        return this.Value.length;
      }
      ToString() {
        return this.Value;
      }
    };
    Group = class extends Capture {
      constructor(value, index, Success, Name) {
        super(value, index);
        this.Success = Success;
        this.Name = Name;
      }
    };
    GroupCollection = class {
      constructor(groups) {
        this.groups = groups;
      }
      Item(k) {
        if (typeof k === "number") return this.groups[k] ?? EMPTY_GROUP;
        return this.groups.find((g) => g.Name === k) ?? EMPTY_GROUP;
      }
      get Count() {
        return this.groups.length;
      }
      [Symbol.iterator]() {
        return this.groups[Symbol.iterator]();
      }
    };
    EMPTY_GROUP = new Group("", 0, false, "");
    Match = class extends Group {
      constructor(value, index, success, Groups, next) {
        super(value, index, success, "0");
        this.Groups = Groups;
        this.next = next;
      }
      NextMatch() {
        return this.next ? this.next() : Regex.EmptyMatch;
      }
      Result(repl) {
        return expandReplacement(repl, this);
      }
    };
    regexCache = /* @__PURE__ */ new Map();
    Regex = class _Regex {
      $typeName = "System.Text.RegularExpressions.Regex";
      re;
      names;
      static EmptyMatch = new Match("", 0, false, new GroupCollection([EMPTY_GROUP]), null);
      constructor(pattern, opts) {
        if (pattern === null || pattern === void 0) throw argumentNull("pattern");
        const t = translatePattern(pattern, opts);
        try {
          this.re = new RegExp(t.source, `${t.flags}g`);
        } catch (e) {
          throw argumentError(`Invalid pattern '${pattern}': ${e.message}`);
        }
        this.names = [];
        const nm = /\(\?<([A-Za-z_]\w*)>/g;
        for (let m2 = nm.exec(t.source); m2; m2 = nm.exec(t.source)) this.names.push(m2[1]);
      }
      static get(pattern, opts) {
        const key = `${opts}:${pattern}`;
        let r = regexCache.get(key);
        if (!r) {
          r = new _Regex(pattern, opts);
          if (regexCache.size > 500) regexCache.clear();
          regexCache.set(key, r);
        }
        return r;
      }
      exec(input, from) {
        if (input === null || input === void 0) throw argumentNull("input");
        const re = new RegExp(this.re.source, this.re.flags);
        re.lastIndex = from;
        const m2 = re.exec(input);
        if (!m2) return _Regex.EmptyMatch;
        const groups = [];
        const numbered = m2.length;
        for (let i = 0; i < numbered; i++) {
          const v = m2[i];
          groups.push(new Group(v ?? "", v === void 0 ? 0 : input.indexOf(v, m2.index), v !== void 0, String(i)));
        }
        for (const n of this.names) {
          const v = m2.groups?.[n];
          groups.push(new Group(v ?? "", 0, v !== void 0, n));
        }
        const next = m2[0].length === 0 ? m2.index + 1 : m2.index + m2[0].length;
        return new Match(m2[0], m2.index, true, new GroupCollection(groups), next <= input.length ? () => this.exec(input, next) : null);
      }
      IsMatch(input) {
        if (input === null || input === void 0) throw argumentNull("input");
        return new RegExp(this.re.source, this.re.flags.replace("g", "")).test(input);
      }
      Match(input) {
        return this.exec(input, 0);
      }
      Matches(input) {
        const out = [];
        for (let m2 = this.exec(input, 0); m2.Success; m2 = m2.NextMatch()) out.push(m2);
        return out;
      }
      Replace(input, repl) {
        if (input === null || input === void 0) throw argumentNull("input");
        let out = "";
        let last = 0;
        for (const m2 of this.Matches(input)) {
          out += input.slice(last, m2.Index) + (typeof repl === "function" ? repl(m2) ?? "" : expandReplacement(repl, m2));
          last = m2.Index + m2.Length;
        }
        return out + input.slice(last);
      }
      Split(input) {
        if (input === null || input === void 0) throw argumentNull("input");
        return input.split(new RegExp(this.re.source, this.re.flags.replace("g", "")));
      }
    };
    HashAlg = class {
      constructor(alg, Key) {
        this.alg = alg;
        this.Key = Key;
      }
      $typeName = "System.Security.Cryptography.HashAlgorithm";
      Hash = null;
      ComputeHash(b2) {
        if (b2 === null || b2 === void 0) throw argumentNull("buffer");
        const h2 = this.Key ? createHmac(this.alg, this.Key) : createHash2(this.alg);
        h2.update(b2);
        this.Hash = new Uint8Array(h2.digest());
        return this.Hash;
      }
    };
    Jwt = class {
      constructor(header, payload) {
        this.header = header;
        this.payload = payload;
      }
      $typeName = "Microsoft.Azure.ApiManagement.Jwt";
      str(k, o = this.payload) {
        const v = o[k];
        return v === void 0 || v === null ? null : typeof v === "string" ? v : JSON.stringify(v);
      }
      date(k) {
        const v = this.payload[k];
        return typeof v === "number" ? DateTime.fromMs(v * 1e3, 1) : null;
      }
      get Algorithm() {
        return this.str("alg", this.header);
      }
      get Type() {
        return this.str("typ", this.header);
      }
      get Id() {
        return this.str("jti");
      }
      get Issuer() {
        return this.str("iss");
      }
      get Subject() {
        return this.str("sub");
      }
      get Audiences() {
        const a = this.payload.aud;
        return a === void 0 || a === null ? [] : Array.isArray(a) ? a.map((x) => toStr2(x)) : [toStr2(a)];
      }
      get ExpirationTime() {
        return this.date("exp");
      }
      get IssuedAt() {
        return this.date("iat");
      }
      get NotBefore() {
        return this.date("nbf");
      }
      /** Claims: name → values (arrays as several values; objects as JSON text). */
      get Claims() {
        const m2 = new ClaimMap();
        for (const [k, v] of Object.entries(this.payload)) {
          const vals = Array.isArray(v) ? v : [v];
          m2.set(k, vals.map((x) => typeof x === "string" ? x : typeof x === "boolean" ? x ? "true" : "false" : JSON.stringify(x)));
        }
        return m2;
      }
    };
    ClaimMap = class extends Map {
      Item(k) {
        const v = this.get(k);
        if (v === void 0) throw new DotNetException("System.Collections.Generic.KeyNotFoundException", `The given key '${k}' was not present in the dictionary.`);
        return v;
      }
      ContainsKey(k) {
        return this.has(k);
      }
      TryGetValue(k) {
        return this.get(k);
      }
      GetValueOrDefault(k, def = null) {
        const v = this.get(k);
        return v === void 0 ? def : v.join(",");
      }
      get Count() {
        return this.size;
      }
      get Keys() {
        return [...this.keys()];
      }
      get Values() {
        return [...this.values()];
      }
    };
    SYM = { aes: "aes", rijndael: "aes", tripledes: "des-ede3", des: "des" };
    registerTypeCheck("Uri", (v) => v instanceof Uri);
    registerTypeCheck("Regex", (v) => v instanceof Regex);
    registerTypeCheck("Jwt", (v) => v instanceof Jwt);
  }
});

// runtime/dotnet/apim.ts
function isResponse(v) {
  return v instanceof ResponseMessage;
}
var init_apim = __esm({
  "runtime/dotnet/apim.ts"() {
    init_context2();
    init_core();
    registerTypeCheck("IResponse", isResponse);
  }
});

// runtime/dotnet/index.ts
var init_dotnet = __esm({
  "runtime/dotnet/index.ts"() {
    init_core();
    init_string2();
    init_linq2();
    init_newtonsoft2();
    init_datetime2();
    init_misc2();
    init_apim();
  }
});

// runtime/traffic/index.ts
var init_traffic = __esm({
  "runtime/traffic/index.ts"() {
  }
});

// runtime/state/index.ts
var init_state = __esm({
  "runtime/state/index.ts"() {
  }
});

// runtime/index.ts
var runtime_exports = {};
__export(runtime_exports, {
  ClaimMap: () => ClaimMap,
  Context: () => Context,
  DateTime: () => DateTime,
  DateTimeOffset: () => DateTimeOffset,
  Dictionary: () => Dictionary,
  DotNetException: () => DotNetException,
  END_PIPELINE: () => END_PIPELINE,
  Encoding: () => Encoding,
  Group: () => Group,
  HeaderMap: () => HeaderMap,
  JArray: () => JArray,
  JContainer: () => JContainer,
  JObject: () => JObject,
  JProperty: () => JProperty,
  JToken: () => JToken,
  JValue: () => JValue,
  Jwt: () => Jwt,
  Match: () => Match,
  MessageBody: () => MessageBody,
  NEWLINE: () => NEWLINE,
  NO_COMMA_JOIN: () => NO_COMMA_JOIN,
  OutgoingRequest: () => OutgoingRequest,
  PROTECTED_HEADERS: () => PROTECTED_HEADERS,
  PolicyError: () => PolicyError,
  QueryMap: () => QueryMap,
  Random: () => Random,
  Regex: () => Regex,
  RequestMessage: () => RequestMessage,
  ResponseMessage: () => ResponseMessage,
  StringBuilder: () => StringBuilder,
  TimeSpan: () => TimeSpan,
  Uri: () => Uri,
  Url: () => Url,
  VariableMap: () => VariableMap,
  align: () => align,
  arrItem: () => arrItem,
  arrSet: () => arrSet,
  arrayCopy: () => arrayCopy,
  arraySort: () => arraySort,
  asBasic: () => asBasic,
  asJwt: () => asJwt,
  attachHost: () => attachHost,
  bitConverterGetBytes: () => bitConverterGetBytes,
  bitConverterToInt32: () => bitConverterToInt32,
  bitConverterToString: () => bitConverterToString,
  bodyOf: () => bodyOf,
  boxChar: () => boxChar,
  castTo: () => castTo,
  certVerify: () => certVerify,
  charIs: () => charIs,
  charsToString: () => charsToString,
  checkStatusCode: () => checkStatusCode,
  cmp: () => cmp,
  collAdd: () => collAdd,
  collClear: () => collClear,
  collContains: () => collContains,
  collRemove: () => collRemove,
  compare: () => compare,
  configureCertificates: () => configureCertificates,
  configureDispatcher: () => configureDispatcher,
  convertTo: () => convertTo,
  count: () => count,
  dblToInt: () => dblToInt,
  ddiv: () => ddiv,
  decimalToInt: () => decimalToInt,
  dictAdd: () => dictAdd,
  dictContainsKey: () => dictContainsKey,
  dictContainsValue: () => dictContainsValue,
  dictGetOrDefault: () => dictGetOrDefault,
  dictItem: () => dictItem,
  dictKeys: () => dictKeys,
  dictRemove: () => dictRemove,
  dictSet: () => dictSet,
  dictTryGet: () => dictTryGet,
  dictValues: () => dictValues,
  endWithResponse: () => endWithResponse,
  escapeDataString: () => escapeDataString,
  fmtDouble: () => fmtDouble,
  fmtFloat: () => fmtFloat,
  fmtValue: () => fmtValue,
  formDict: () => formDict,
  formToContent: () => formToContent,
  formToQueryString: () => formToQueryString,
  formatDate: () => formatDate,
  forwardRequest: () => forwardRequest,
  fromBase64: () => fromBase64,
  fromHex: () => fromHex,
  guidFormat: () => guidFormat,
  guidFromBytes: () => guidFromBytes,
  guidParse: () => guidParse,
  guidToBytes: () => guidToBytes,
  guidTryParse: () => guidTryParse,
  hashCode: () => hashCode,
  htmlDecode: () => htmlDecode,
  htmlEncode: () => htmlEncode,
  httpBackend: () => httpBackend,
  idiv: () => idiv,
  imod: () => imod,
  intToBase: () => intToBase,
  isEnumerable: () => isEnumerable,
  isException: () => isException,
  isGuid: () => isGuid,
  isNullOrEmpty: () => isNullOrEmpty,
  isNullOrWhiteSpace: () => isNullOrWhiteSpace,
  isOfType: () => isOfType,
  isResponse: () => isResponse,
  jconv: () => jconv,
  joinValues: () => joinValues,
  jsonDeserialize: () => jsonDeserialize,
  jsonQuote: () => jsonQuote,
  jsonSerialize: () => jsonSerialize,
  jvalues: () => jvalues,
  lbit: () => lbit,
  liftBool: () => liftBool,
  liftNot: () => liftNot,
  liftNum: () => liftNum,
  linqAggregate: () => linqAggregate,
  linqAggregateSeed: () => linqAggregateSeed,
  linqAll: () => linqAll,
  linqAny: () => linqAny,
  linqAverage: () => linqAverage,
  linqConcat: () => linqConcat,
  linqContains: () => linqContains,
  linqCount: () => linqCount,
  linqDefaultIfEmpty: () => linqDefaultIfEmpty,
  linqDistinct: () => linqDistinct,
  linqElementAt: () => linqElementAt,
  linqElementAtOrDefault: () => linqElementAtOrDefault,
  linqExcept: () => linqExcept,
  linqFirst: () => linqFirst,
  linqFirstOrDefault: () => linqFirstOrDefault,
  linqGroupBy: () => linqGroupBy,
  linqIntersect: () => linqIntersect,
  linqLast: () => linqLast,
  linqLastOrDefault: () => linqLastOrDefault,
  linqMax: () => linqMax,
  linqMin: () => linqMin,
  linqOfType: () => linqOfType,
  linqOrderBy: () => linqOrderBy,
  linqRange: () => linqRange,
  linqRepeat: () => linqRepeat,
  linqReverse: () => linqReverse,
  linqSelect: () => linqSelect,
  linqSelectMany: () => linqSelectMany,
  linqSequenceEqual: () => linqSequenceEqual,
  linqSingle: () => linqSingle,
  linqSingleOrDefault: () => linqSingleOrDefault,
  linqSkip: () => linqSkip,
  linqSkipWhile: () => linqSkipWhile,
  linqSum: () => linqSum,
  linqTake: () => linqTake,
  linqTakeWhile: () => linqTakeWhile,
  linqThenBy: () => linqThenBy,
  linqToDictionary: () => linqToDictionary,
  linqUnion: () => linqUnion,
  linqWhere: () => linqWhere,
  listIndexOf: () => listIndexOf,
  listInsert: () => listInsert,
  listItem: () => listItem,
  listRemoveAll: () => listRemoveAll,
  listRemoveAt: () => listRemoveAt,
  listSet: () => listSet,
  lshift: () => lshift,
  mathRound: () => mathRound,
  mathSign: () => mathSign,
  newArray: () => newArray,
  newException: () => newException,
  newGuid: () => newGuid,
  newHash: () => newHash,
  newOutgoingRequest: () => newOutgoingRequest,
  newRandom: () => newRandom,
  newResponse: () => newResponse,
  newRng: () => newRng,
  nonNeg: () => nonNeg,
  notNull: () => notNull,
  nullableValue: () => nullableValue,
  numFormat: () => numFormat,
  numToString: () => numToString,
  objEquals: () => objEquals,
  parseBase: () => parseBase,
  parseBool: () => parseBool,
  parseChar: () => parseChar,
  parseJson: () => parseJson,
  parseNum: () => parseNum,
  randomBytes: () => randomBytes,
  reasonPhrase: () => reasonPhrase,
  regexEscape: () => regexEscape,
  regexUnescape: () => regexUnescape,
  registerDateParser: () => registerDateParser,
  registerDateTimeOps: () => registerDateTimeOps,
  registerTypeCheck: () => registerTypeCheck,
  responseFromVariable: () => responseFromVariable,
  rshift: () => rshift,
  runPipeline: () => runPipeline,
  runtimeTypeName: () => runtimeTypeName,
  secondsToMs: () => secondsToMs,
  sendOneWay: () => sendOneWay,
  sendRequest: () => sendRequest,
  seq: () => seq,
  setAdd: () => setAdd,
  setHeader: () => setHeader,
  strCharAt: () => strCharAt,
  strCompare: () => strCompare,
  strEndsWith: () => strEndsWith,
  strEquals: () => strEquals,
  strFormat: () => strFormat,
  strIndexOf: () => strIndexOf,
  strIndexOfAny: () => strIndexOfAny,
  strInsert: () => strInsert,
  strJoin: () => strJoin,
  strLastIndexOf: () => strLastIndexOf,
  strRemove: () => strRemove,
  strReplace: () => strReplace,
  strSplit: () => strSplit,
  strStartsWith: () => strStartsWith,
  strSubstring: () => strSubstring,
  strTrim: () => strTrim,
  symDecrypt: () => symDecrypt,
  symEncrypt: () => symEncrypt,
  throwValue: () => throwValue,
  throwable: () => throwable,
  toBase64: () => toBase64,
  toCharArray: () => toCharArray,
  toDotNetException: () => toDotNetException,
  toHex: () => toHex,
  toJToken: () => toJToken,
  toJValue: () => toJValue,
  toList: () => toList,
  toNull: () => toNull,
  toStr: () => toStr2,
  toStrOrEmpty: () => toStrOrEmpty,
  toStrOrNull: () => toStrOrNull,
  tryParseBool: () => tryParseBool,
  tryParseNum: () => tryParseNum,
  unescapeDataString: () => unescapeDataString,
  unreachable: () => unreachable,
  uriIsWellFormed: () => uriIsWellFormed,
  urlDecode: () => urlDecode,
  urlEncode: () => urlEncode,
  urlEncodeLower: () => urlEncodeLower,
  valueEquals: () => valueEquals
});
var init_runtime = __esm({
  "runtime/index.ts"() {
    init_context2();
    init_headers();
    init_body();
    init_errors();
    init_policy_helpers();
    init_http();
    init_pipeline();
    init_backend();
    init_dotnet();
    init_traffic();
    init_state();
  }
});

// test/differential/cases.ts
var c = (id, type2, expr, opts = {}) => ({ id, type: type2, expr, ...opts });
var b = (id, type2, body, opts = {}) => ({ id, type: type2, expr: body, block: true, ...opts });
var REQ = {
  method: "POST",
  url: "https://api.example.com/orders/42?q=shoes&page=2",
  headers: { "X-Id": "abc-123", Accept: "application/json", Authorization: "Basic dXNlcjpwYXNz" },
  variables: { user: "ann", count: "5" }
};
var CASES = [
  // ---- integer arithmetic ------------------------------------------------------------------
  c("int.div.pos", "int", "7 / 2"),
  c("int.div.neg", "int", "-7 / 2"),
  c("int.div.runtime", "int", `int.Parse("-7") / int.Parse("2")`),
  c("int.mod.negdivisor", "int", "7 % -3"),
  c("int.mod.negdividend", "int", "-7 % 3"),
  c("double.mod.neg", "double", "-7.5 % 2"),
  c("int.divmod.identity", "int", `int.Parse("-7") / 2 * 2 + int.Parse("-7") % 2`),
  c("int.overflow.unchecked", "int", "unchecked(int.MaxValue + 1)"),
  c("int.overflow.runtime", "int", `int.Parse("2147483647") + 1`),
  c("int.overflow.mul", "int", `int.Parse("65536") * 65536`),
  c("int.overflow.mul2", "int", `int.Parse("100000") * int.Parse("100000")`),
  c("int.overflow.checked", "int", `checked(int.Parse("2147483647") + 1)`),
  c("int.divzero", "int", `int.Parse("1") / int.Parse("0")`),
  c("int.modzero", "int", `int.Parse("1") % int.Parse("0")`),
  c("int.minvalue.div.minus1", "int", `int.Parse("-2147483648") / int.Parse("-1")`),
  c("int.shift.masked", "int", `1 << int.Parse("33")`),
  c("long.shift", "long", "1L << 33"),
  c("int.shift.right.neg", "int", "-8 >> 1"),
  c("int.bitops", "int", "(5 & 3) | (5 ^ 3) << 4 | ~5 & 0xF0"),
  c("int.long.promotion", "long", "(long)int.MaxValue * 2"),
  c("long.big", "long", "long.MaxValue"),
  c("long.parse.big", "long", `long.Parse("9007199254740993")`),
  c("long.to.int.trunc", "int", `(int)long.Parse("4294967297")`),
  c("uint.wrap", "uint", `unchecked((uint)int.Parse("-1"))`),
  c("byte.wrap", "byte", `(byte)int.Parse("300")`),
  c("short.wrap", "short", `(short)int.Parse("40000")`),
  b("byte.compound", "byte", "byte x = 250; x += 10; return x;"),
  b("int.increment.overflow", "int", "int i = int.MaxValue; i++; return i;"),
  b("int.compound.div", "int", "int x = 10; x /= 4; return x;"),
  c("math.abs.minvalue", "int", `Math.Abs(int.Parse("-2147483648"))`),
  // ---- floating point, casts, rounding -----------------------------------------------------
  c("double.div", "double", "5 / 2.0"),
  c("double.intdiv.then.double", "double", "5 / 2 * 2.0"),
  c("cast.double.pos", "int", "(int)3.9"),
  c("cast.double.neg", "int", "(int)-3.9"),
  c("cast.double.runtime", "int", `(int)double.Parse("-3.9")`),
  c("cast.double.long", "long", `(long)double.Parse("1e10")`),
  c("double.sum.r", "double", "0.1 + 0.2"),
  c("double.sum.eq", "bool", "0.1 + 0.2 == 0.3"),
  c("double.div.zero", "double", "1.0 / 0"),
  c("double.nan", "bool", "double.NaN == double.NaN"),
  c("double.third", "double", "1.0 / 3"),
  c("float.sum", "float", "0.1f + 0.2f"),
  c("float.to.double", "double", "(double)(float)0.1"),
  c("float.third", "float", "1f / 3"),
  c("math.round.half.const", "double", "Math.Round(2.5)", {
    // Mono's mcs folds Math.Round(2.5) at compile time to 3. .NET rounds half to even:
    // https://learn.microsoft.com/dotnet/api/system.math.round ("Math.Round(2.5) returns 2").
    expectDotNet: "2"
  }),
  c("math.round.half.runtime", "double", `Math.Round(double.Parse("2.5"))`),
  c("math.round.half.neg", "double", `Math.Round(double.Parse("-3.5"))`),
  c("math.round.away", "double", `Math.Round(double.Parse("2.5"), MidpointRounding.AwayFromZero)`),
  c("math.round.digits", "double", `Math.Round(double.Parse("1.005"), 2)`),
  c("math.round.digits2", "double", `Math.Round(double.Parse("2.675"), 2)`),
  c("math.floor.neg", "double", "Math.Floor(-2.5)"),
  c("math.ceiling", "double", "Math.Ceiling(2.1)"),
  c("math.truncate.neg", "double", "Math.Truncate(-2.7)"),
  c("math.abs.int", "int", "Math.Abs(-5)"),
  c("math.max.int", "int", "Math.Max(3, 7)"),
  c("math.min.double", "double", "Math.Min(1.5, -0.5)"),
  c("math.pow", "double", "Math.Pow(2, 10)"),
  c("math.sqrt", "double", "Math.Sqrt(2)"),
  c("math.sign", "int", "Math.Sign(-3.2)"),
  c("ternary.numeric.promotion", "double", 'int.Parse("1") > 0 ? 1 : 2.5'),
  c("ternary.char.int", "int", `int.Parse("1") > 5 ? 1 : 'a'`),
  // ---- number formatting -------------------------------------------------------------------
  c("double.tostring.sum", "string", "(0.1 + 0.2).ToString()", {
    note: "Mono and .NET Framework format double.ToString() with 15 significant digits; .NET Core 3.0+ prints the shortest round-trip string (0.30000000000000004)."
  }),
  c("double.tostring.r", "string", `(0.1 + 0.2).ToString("R")`),
  c("double.tostring.third", "string", "(1.0 / 3).ToString()"),
  c("double.tostring.1e20", "string", "1e20.ToString()"),
  c("double.tostring.1e15", "string", "1e15.ToString()"),
  c("double.tostring.small", "string", "0.00001.ToString()"),
  c("double.tostring.int", "string", "(2.0).ToString()"),
  c("double.tostring.f3", "string", `1.5.ToString("F3")`),
  c("double.tostring.n2", "string", `1234567.891.ToString("N2")`),
  c("double.tostring.p1", "string", `0.256.ToString("P1")`),
  c("double.tostring.custom", "string", `3.14159.ToString("0.00")`),
  c("double.tostring.custom.group", "string", `1234.5.ToString("#,##0.0")`),
  c("double.tostring.e2", "string", `12345.678.ToString("E2")`),
  c("double.tostring.f0.half", "string", `2.5.ToString("F0")`),
  c("int.tostring.d5", "string", `42.ToString("D5")`),
  c("int.tostring.hex", "string", `255.ToString("X")`),
  c("int.tostring.hex4", "string", `255.ToString("x4")`),
  c("int.tostring.neg.d3", "string", `(-7).ToString("D3")`),
  c("int.tostring.n0", "string", `1234567.ToString("N0")`),
  c("float.tostring", "string", "(0.1f + 0.2f).ToString()"),
  c("double.tostring.negzero", "string", "(-0.0).ToString()"),
  c("double.parse.thousands", "double", `double.Parse("1,5")`),
  c("double.parse.exp", "double", `double.Parse("1.5e2")`),
  c("double.tryparse.fail", "double", `double.TryParse("abc", out var d) ? d : -1`),
  c("int.parse.neg", "int", `int.Parse("-12")`),
  c("int.parse.spaces", "int", `int.Parse(" 12 ")`),
  c("int.parse.decimal", "int", `int.Parse("1.5")`),
  c("int.parse.overflow", "int", `int.Parse("99999999999")`),
  c("int.parse.empty", "int", `int.Parse("")`),
  c("int.parse.null", "int", `int.Parse((string)null)`),
  c("int.parse.plus", "int", `int.Parse("+5")`),
  c("int.tryparse.hex", "bool", `int.TryParse("0x10", out var n)`),
  // ---- decimal -----------------------------------------------------------------------------
  c("decimal.sum", "decimal", "0.1m + 0.2m"),
  c("decimal.scale", "decimal", "1.50m * 2"),
  c("decimal.div", "decimal", "10m / 3"),
  c("decimal.round", "decimal", "decimal.Round(2.345m, 2)"),
  c("decimal.tostring", "string", "1.10m.ToString()"),
  // ---- Convert -----------------------------------------------------------------------------
  c("convert.toint32.half.even", "int", "Convert.ToInt32(2.5)"),
  c("convert.toint32.half.odd", "int", "Convert.ToInt32(3.5)"),
  c("convert.toint32.string", "int", `Convert.ToInt32("42")`),
  c("convert.toint32.null", "int", "Convert.ToInt32((string)null)"),
  c("convert.toint32.base16", "int", `Convert.ToInt32("ff", 16)`),
  c("convert.tostring.base2", "string", "Convert.ToString(255, 2)"),
  c("convert.toboolean", "bool", `Convert.ToBoolean("TRUE")`),
  c("convert.toboolean.bad", "bool", `Convert.ToBoolean("yes")`),
  c("convert.tostring.double", "string", "Convert.ToString(12.5)"),
  c("convert.todouble", "double", `Convert.ToDouble("1e3")`),
  c("convert.base64", "string", `Convert.ToBase64String(Encoding.UTF8.GetBytes("h\xE9llo"))`),
  c("convert.frombase64", "string", `Encoding.UTF8.GetString(Convert.FromBase64String("aGk="))`),
  c("convert.frombase64.bad", "int", `Convert.FromBase64String("a").Length`),
  // ---- string concatenation and chars ------------------------------------------------------
  c("concat.num.first", "string", `1 + 2 + "x"`),
  c("concat.str.first", "string", `"x" + 1 + 2`),
  c("concat.null", "string", `"a" + null`),
  c("concat.nullstr", "string", `"a" + (string)null + "b"`),
  c("concat.nulls", "string", "(string)null + (string)null"),
  c("concat.bool", "string", `(1 == 1) + "x"`),
  c("concat.char", "string", `"x" + 'c'`),
  c("concat.double", "string", `"x" + 1.5`),
  c("concat.double.big", "string", `"x" + 1e21`),
  c("concat.double.whole", "string", `"x" + 100000000.0`),
  c("concat.float", "string", `"x" + 0.1f`),
  c("concat.decimal", "string", `"x" + 1.0m`),
  c("concat.object.null", "string", `"x" + (object)null`),
  c("concat.sum.in.interp", "string", `$"{0.1 + 0.2}"`),
  c("char.plus.int", "int", "'a' + 1"),
  c("char.plus.char", "int", "'a' + 'b'"),
  c("char.cast.back", "char", "(char)('a' + 1)"),
  c("char.cast.int", "char", "(char)65"),
  c("char.concat.empty", "string", `"" + 'a' + 'b'`),
  c("char.int.string", "string", `1 + 'a' + "x"`),
  c("char.compare", "bool", "'a' < 'b'"),
  c("char.isdigit", "bool", "char.IsDigit('5')"),
  c("char.toupper", "char", "char.ToUpper('a')"),
  c("char.tostring.concat", "string", "'a'.ToString() + 'b'"),
  c("char.sum.linq", "int", `"abc".Select(ch => (int)ch).Sum()`),
  // ---- strings ------------------------------------------------------------------------------
  c("str.substring", "string", `"abc".Substring(1, 1)`),
  c("str.substring.end", "string", `"abc".Substring(3)`),
  c("str.substring.out", "string", `"abc".Substring(4)`),
  c("str.substring.len.out", "string", `"abc".Substring(1, 5)`),
  c("str.indexof", "int", `"Hello".IndexOf("l")`),
  c("str.indexof.char.start", "int", `"Hello".IndexOf('l', 3)`),
  c("str.lastindexof", "int", `"Hello".LastIndexOf("l")`),
  c("str.indexof.empty", "int", `"Hello".IndexOf("")`),
  c("str.split.char", "string[]", `"a,b,,c".Split(',')`),
  c("str.split.remove.empty", "string[]", `"a,b,,c".Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)`),
  c("str.split.strings", "string[]", `"a, b ;c".Split(new[] { ", ", ";" }, StringSplitOptions.None)`),
  c("str.split.count", "string[]", `"a,b,c".Split(new[] { ',' }, 2)`),
  c("str.split.multi.char", "string[]", `"a b	c".Split(' ', '\\t')`),
  c("str.split.empty", "string[]", `"".Split(',')`),
  c("str.trim", "string", `"  x ".Trim()`),
  c("str.trim.chars", "string", `"xxhixx".Trim('x')`),
  c("str.trimstart", "string", `"00120".TrimStart('0')`),
  c("str.padleft", "string", `"abc".PadLeft(5, '*')`),
  c("str.padright", "string", `"abc".PadRight(5) + "|"`),
  c("str.replace", "string", `"Hello".Replace("l", "L")`),
  c("str.replace.char", "string", `"Hello".Replace('l', 'L')`),
  c("str.replace.null", "string", `"Hello".Replace("l", null)`),
  c("str.contains.empty", "bool", `"abc".Contains("")`),
  c("str.tolower", "string", `"ABC".ToLower()`),
  c("str.toupper.sharp.s", "string", `"stra\xDFe".ToUpper()`),
  c("str.toupperinvariant.sharp.s", "string", `"\xDF".ToUpperInvariant()`),
  c("str.join.ints", "string", `string.Join(",", new[] { 1, 2, 3 })`),
  c("str.join.nulls", "string", `string.Join("-", new List<string> { "a", null, "b" })`),
  c("str.concat.objects", "string", `string.Concat("a", null, 1)`),
  c("str.isnullorempty", "bool", "string.IsNullOrEmpty(null)"),
  c("str.isnullorwhitespace", "bool", `string.IsNullOrWhiteSpace(" \\t")`),
  c("str.equals.case", "bool", `"a" == "A"`),
  c("str.equals.ignorecase", "bool", `string.Equals("a", "A", StringComparison.OrdinalIgnoreCase)`),
  c("str.compare.culture", "int", `Math.Sign(string.Compare("a", "B"))`),
  c("str.compare.ordinal", "int", `Math.Sign(string.CompareOrdinal("a", "B"))`),
  c("str.compareto", "int", `"b".CompareTo("a")`),
  c("str.index.char", "char", `"abc"[1]`),
  c("str.index.out", "char", `"abc"[5]`),
  c("str.new.repeat", "string", "new string('x', 3)"),
  c("str.new.chars", "string", "new string(new[] { 'a', 'b' })"),
  c("str.reverse", "string", `new string("abc".Reverse().ToArray())`),
  c("str.insert", "string", `"hello".Insert(2, "XX")`),
  c("str.remove", "string", `"hello".Remove(1, 2)`),
  c("str.length.surrogate", "int", `"\u{1F600}".Length`),
  c("str.endswith.ignorecase", "bool", `"abc".EndsWith("C", StringComparison.OrdinalIgnoreCase)`),
  c("str.equals.null", "bool", `"x".Equals(null)`),
  c("str.tochararray", "char[]", `"ab".ToCharArray()`),
  // ---- String.Format and interpolation -------------------------------------------------------
  c("fmt.align.d3.f2", "string", `String.Format("{0,-5}|{1:D3}|{2:F2}", "ab", 7, 3.14159)`),
  c("fmt.align.right", "string", `string.Format("{0,5}|", 42)`),
  c("fmt.braces", "string", `string.Format("{{{0}}}", 1)`),
  c("fmt.hex", "string", `string.Format("{0:X2}{1:x2}", 255, 10)`),
  c("fmt.null.arg", "string", `string.Format("{0}|", (object)null)`),
  c("fmt.date", "string", `string.Format("{0:yyyy-MM-dd}", new DateTime(2021, 3, 4))`),
  c("fmt.missing.arg", "string", `string.Format("{1}", 1)`),
  c("fmt.n0", "string", `string.Format("{0:N0}", 1234567)`),
  c("fmt.custom.hash", "string", `string.Format("{0:0.##}", 1.5)`),
  c("fmt.currency", "string", `string.Format("{0:C}", 1.5)`),
  c("fmt.bool", "string", `string.Format("{0}", true)`),
  c("interp.basic", "string", `$"{1 + 1}-{"x"}"`),
  c("interp.format.align", "string", `$"{3.5:F1}|{42,4}|{(string)null}|"`),
  c("interp.braces", "string", `$"{{}}"`),
  c("interp.bool.char", "string", `$"{true}{'c'}"`),
  c("interp.date", "string", `$"{new DateTime(2020, 1, 2):MM/dd}"`),
  c("bool.tostring", "string", "true.ToString()"),
  // ---- null handling -------------------------------------------------------------------------
  c("null.coalesce", "string", `(string)null ?? "d"`),
  c("null.conditional.method", "string", "((string)null)?.ToUpper()"),
  c("null.conditional.length", "int?", "((string)null)?.Length"),
  c("null.conditional.coalesce", "int", "((string)null)?.Length ?? -1"),
  c("nullable.hasvalue", "bool", "((int?)null).HasValue"),
  c("nullable.coalesce", "int", "(int?)null ?? 5"),
  c("nullable.add.null", "int?", "(int?)3 + (int?)null"),
  c("nullable.getvalueordefault", "int", "((int?)null).GetValueOrDefault()"),
  c("nullable.value.null", "int", "((int?)null).Value"),
  c("nullable.compare", "bool", "(int?)null < 5"),
  c("nullable.eq.null", "bool", "(int?)null == null"),
  c("null.length", "int", "((string)null).Length"),
  c("null.eq", "bool", "(string)null == (string)null"),
  c("as.string", "string", `((object)"x" as string) ?? "y"`),
  c("as.string.fail", "string", `((object)5 as string) ?? "no"`),
  c("is.int", "bool", "(object)5 is int"),
  c("is.long.not.int", "bool", "(object)5L is int"),
  c("unbox.wrong.type", "int", "(int)(object)5L"),
  c("unbox.int.to.long", "long", "(long)(object)5"),
  c("unbox.int.to.double", "double", "(double)(object)5"),
  c("unbox.null", "int", "(int)(object)null"),
  c("cast.string.object.int", "string", "(string)(object)5"),
  c("ternary.null", "string", `int.Parse("1") > 0 ? "a" : null`),
  // ---- statements ------------------------------------------------------------------------------
  b("stmt.for", "int", "var s = 0; for (int i = 0; i < 5; i++) s += i; return s;"),
  b("stmt.foreach.string", "string", `string r = ""; foreach (var ch in "abc") r = ch + r; return r;`),
  b("stmt.while", "int", "int n = 0; while (n < 100) n = n * 2 + 1; return n;"),
  b("stmt.switch", "string", `var s = "b"; switch (s) { case "a": return "A"; case "b": return "B"; default: return "?"; }`),
  b("stmt.trycatch", "int", `try { return int.Parse("x"); } catch (FormatException) { return -1; }`),
  b("stmt.throw", "int", `throw new InvalidOperationException("boom");`),
  b("stmt.list.sort", "string", `var l = new List<int> { 3, 1, 2 }; l.Sort(); return string.Join(",", l);`),
  b("stmt.dict.overwrite", "int", `var d = new Dictionary<string, int>(); d["x"] = 1; d["x"] = 2; return d.Count;`),
  b("stmt.dict.add.dup", "int", `var d = new Dictionary<string, int>(); d.Add("x", 1); d.Add("x", 2); return d.Count;`),
  b("stmt.trygetvalue", "string", `var d = new Dictionary<string, string> { { "k", "v" } }; string v; return d.TryGetValue("k", out v) ? v : "none";`),
  b("stmt.list.mutate", "List<int>", "var l = new List<int> { 1, 2, 3 }; l.RemoveAt(0); l.Insert(0, 9); return l;"),
  b("stmt.sb.length", "string", `var sb = new StringBuilder(); sb.Append("ab"); sb.Length = 1; return sb.ToString();`),
  // ---- DateTime, DateTimeOffset, TimeSpan, Guid ------------------------------------------------
  c("dt.format.iso", "string", `new DateTime(2020, 1, 2).ToString("yyyy-MM-ddTHH:mm:ss")`),
  c("dt.addmonths.clamp", "string", `new DateTime(2020, 1, 31).AddMonths(1).ToString("yyyy-MM-dd")`),
  c("dt.tostring.default", "string", "new DateTime(2020, 1, 2, 3, 4, 5).ToString()"),
  c("dt.adddays.day", "int", "new DateTime(2020, 3, 1).AddDays(-1).Day"),
  c("dt.dayofweek.name", "string", "new DateTime(2021, 1, 1).DayOfWeek.ToString()"),
  c("dt.dayofweek.int", "int", "(int)new DateTime(2021, 1, 1).DayOfWeek"),
  c("dt.dayofyear", "int", "new DateTime(2020, 12, 31).DayOfYear"),
  c("dt.isleapyear", "bool", "DateTime.IsLeapYear(1900)"),
  c("dt.daysinmonth", "int", "DateTime.DaysInMonth(2024, 2)"),
  c("dt.subtract.hours", "double", "(new DateTime(2020, 1, 2) - new DateTime(2020, 1, 1)).TotalHours"),
  c("dt.ticks", "long", "new DateTime(2020, 1, 1).Ticks"),
  c("dt.parseexact", "int", `DateTime.ParseExact("02/01/2020", "dd/MM/yyyy", CultureInfo.InvariantCulture).Month`),
  c("dt.format.rfc1123ish", "string", `new DateTime(2020, 1, 2).ToString("ddd, dd MMM yyyy")`),
  c("dt.format.12h", "string", `new DateTime(2020, 1, 2, 13, 5, 0).ToString("h:mm tt")`),
  c("dt.format.r", "string", `new DateTime(2020, 1, 2).ToString("R")`),
  c("dt.format.o.utc", "string", `new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToString("o")`),
  c("dt.format.s", "string", `new DateTime(2020, 1, 2, 3, 4, 5).ToString("s")`),
  c("dt.addhours.fraction", "string", `new DateTime(2020, 1, 2).AddHours(25.5).ToString("yyyy-MM-dd HH:mm")`),
  c("dt.invalid", "int", "new DateTime(2020, 2, 30).Day"),
  c("dt.minvalue", "string", `DateTime.MinValue.ToString("yyyy")`),
  c("dt.compare", "bool", "new DateTime(2020, 1, 2) < new DateTime(2020, 1, 3)"),
  c("dt.date.eq", "bool", "new DateTime(2020, 1, 2).Date == new DateTime(2020, 1, 2, 5, 0, 0).Date"),
  c("dt.parse.iso", "string", `DateTime.Parse("2020-01-02T03:04:05").ToString("yyyy/MM/dd HH.mm.ss")`),
  c("dto.unixseconds", "long", "new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).ToUnixTimeSeconds()"),
  c("dto.fromunix", "string", `DateTimeOffset.FromUnixTimeSeconds(0).ToString("yyyy-MM-ddTHH:mm:sszzz")`),
  c("ts.tostring", "string", "TimeSpan.FromMinutes(90).ToString()"),
  c("ts.tostring.fraction", "string", "TimeSpan.FromSeconds(3661.5).ToString()"),
  c("ts.tostring.negative", "string", "TimeSpan.FromMilliseconds(-1500).ToString()"),
  c("ts.totalhours", "double", "TimeSpan.FromDays(1.5).TotalHours"),
  c("ts.ctor.totalseconds", "double", "new TimeSpan(1, 2, 3).TotalSeconds"),
  c("ts.parse.totalminutes", "double", `TimeSpan.Parse("1.02:03:04").TotalMinutes`),
  c("ts.add.minutes", "int", "(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1)).Minutes"),
  c("ts.days", "int", "TimeSpan.FromHours(25).Days"),
  c("ts.format.custom", "string", `TimeSpan.FromMinutes(90).ToString(@"hh\\:mm")`),
  c("guid.tostring", "string", `new Guid("6F9619FF-8B86-D011-B42D-00CF4FC964FF").ToString()`),
  c("guid.tostring.n", "string", `Guid.Parse("6F9619FF-8B86-D011-B42D-00CF4FC964FF").ToString("N")`),
  c("guid.empty", "string", "Guid.Empty.ToString()"),
  c("guid.tryparse.fail", "bool", `Guid.TryParse("nope", out var g)`),
  c("guid.tostring.b", "string", `new Guid("6f9619ff8b86d011b42d00cf4fc964ff").ToString("B").ToUpper()`),
  // ---- Regex ---------------------------------------------------------------------------------
  c("re.ismatch", "bool", String.raw`Regex.IsMatch("abc123", @"\d+")`),
  c("re.named.group", "string", String.raw`Regex.Match("max-age=300", @"max-age=(?<a>\d+)").Groups["a"].Value`),
  c("re.replace", "string", String.raw`Regex.Replace("a1b22c", @"\d+", "#")`),
  c("re.replace.groups", "string", String.raw`Regex.Replace("John Smith", @"(\w+) (\w+)", "$2, $1")`),
  c("re.replace.empty.matches", "string", `Regex.Replace("aaa", "a*", "x")`),
  c("re.split", "string[]", String.raw`Regex.Split("a1b2c", @"\d")`),
  c("re.split.empty", "string[]", `Regex.Split("abc", "")`),
  c("re.matches.count", "int", String.raw`Regex.Matches("a1b22c333", @"\d+").Count`),
  c("re.nomatch.success", "bool", `Regex.Match("abc", "x").Success`),
  c("re.nomatch.value", "string", `Regex.Match("abc", "x").Value`),
  c("re.ignorecase.index", "int", `Regex.Match("ABC", "b", RegexOptions.IgnoreCase).Index`),
  c("re.escape", "string", `Regex.Escape("a.b*c")`),
  c("re.instance.replace", "string", String.raw`new Regex(@"^\s+|\s+$").Replace("  hi  ", "")`),
  c("re.group.index", "string", String.raw`Regex.Match("2020-01-02", @"(\d+)-(\d+)").Groups[2].Value`),
  c("re.named.replacement", "string", `Regex.Replace("abc", "(?<x>b)", "[\${x}]")`),
  c("re.multiline", "bool", `Regex.IsMatch("A\\nB", "^B", RegexOptions.Multiline)`),
  c("re.dollar.escape", "string", `Regex.Replace("x", "x", "$$")`),
  c("re.unicode.word", "string", String.raw`Regex.Replace("héllo wörld", @"\w+", "X")`),
  c("re.unicode.digit", "bool", String.raw`Regex.IsMatch("٣", @"^\d$")`),
  c("re.missing.group", "string", String.raw`Regex.Match("abc", @"(?<x>b)").Groups["nope"].Value`),
  // ---- LINQ ----------------------------------------------------------------------------------
  c("linq.range.sum", "int", "Enumerable.Range(1, 5).Sum()"),
  c("linq.where.select", "List<int>", "Enumerable.Range(1, 10).Where(x => x % 2 == 0).Select(x => x * x).ToList()"),
  c("linq.orderby", "int[]", "new[] { 3, 1, 2 }.OrderBy(x => x).ToArray()"),
  c("linq.orderby.stable", "string[]", `new[] { "bb", "a", "cc", "d" }.OrderBy(s => s.Length).ToArray()`),
  c("linq.orderbydesc.stable", "string[]", `new[] { "bb", "a", "cc", "d" }.OrderByDescending(s => s.Length).ToArray()`),
  c("linq.orderby.culture", "string[]", `new[] { "b", "A", "a", "B" }.OrderBy(s => s).ToArray()`),
  c("linq.orderby.ordinal", "string[]", `new[] { "b", "A", "a", "B" }.OrderBy(s => s, StringComparer.Ordinal).ToArray()`),
  c("linq.thenby", "string[]", `new[] { "bb", "a", "ca", "b" }.OrderBy(s => s.Length).ThenByDescending(s => s).ToArray()`),
  c("linq.average", "double", "new[] { 1, 2, 4 }.Average()"),
  c("linq.average.empty", "double", "new int[0].Average()"),
  c("linq.sum.empty", "int", "new int[0].Sum()"),
  c("linq.max.empty", "int", "new int[0].Max()"),
  c("linq.firstordefault.int", "int", "new int[0].FirstOrDefault()"),
  c("linq.firstordefault.string", "string", "new string[0].FirstOrDefault()"),
  c("linq.first.none", "int", "new[] { 1, 2, 3 }.First(x => x > 5)"),
  c("linq.single.many", "int", "new[] { 1, 2 }.Single()"),
  c("linq.distinct.count", "int", "new[] { 1, 2, 2, 3 }.Distinct().Count()"),
  c("linq.aggregate", "int", "new[] { 1, 2, 3, 4 }.Aggregate((a, x) => a * x)"),
  c("linq.aggregate.seed", "string", `new[] { "a", "b" }.Aggregate("x", (acc, s) => acc + s)`),
  c("linq.repeat", "string", `string.Concat(Enumerable.Repeat("ab", 3))`),
  c("linq.skip.take", "int[]", "new[] { 1, 2, 3, 4 }.Skip(1).Take(2).ToArray()"),
  c("linq.select.index", "string[]", `new[] { "x", "yy" }.Select((s, i) => s + i).ToArray()`),
  c("linq.groupby", "string", `string.Join(";", new[] { "apple", "avocado", "banana" }.GroupBy(s => s[0]).Select(g => g.Key + ":" + g.Count()))`),
  c("linq.any.all", "bool", "new[] { 1, 2, 3 }.Any(x => x > 2) && !new[] { 1, 2, 3 }.All(x => x > 1)"),
  c("linq.contains", "bool", "new[] { 1, 2, 3 }.Contains(2)"),
  c("linq.reverse", "IEnumerable<int>", "new[] { 3, 1, 2 }.Reverse()"),
  c("linq.sequenceequal", "bool", "new[] { 1, 2 }.SequenceEqual(new List<int> { 1, 2 })"),
  c("linq.zip", "string[]", `new[] { 1, 2, 3 }.Zip(new[] { "a", "b" }, (n, s) => s + n).ToArray()`),
  c("linq.sum.double", "double", "new[] { 1, 2, 3 }.Select(x => x / 2.0).Sum()"),
  c("linq.select.chars", "IEnumerable<char>", "Enumerable.Range(0, 3).Select(i => (char)('a' + i))"),
  c("linq.selectmany", "string", `string.Join(",", new[] { "a b", "c" }.SelectMany(s => s.Split(' ')))`),
  c("linq.todictionary", "int", `new[] { "a", "bb" }.ToDictionary(s => s, s => s.Length)["bb"]`),
  c("linq.todictionary.dup", "int", `new[] { "a", "a" }.ToDictionary(s => s, s => s.Length).Count`),
  c("linq.concat.union", "int[]", "new[] { 1, 2 }.Concat(new[] { 2, 3 }).Union(new[] { 4, 1 }).ToArray()"),
  c("linq.intersect.except", "string", `string.Join(",", new[] { 1, 2, 3, 4 }.Intersect(new[] { 4, 2 })) + "|" + string.Join(",", new[] { 1, 2, 3 }.Except(new[] { 2 }))`),
  c("linq.last.elementat", "int", "new[] { 1, 2, 3 }.Last() * 10 + new[] { 1, 2, 3 }.ElementAt(1)"),
  c("linq.elementat.out", "int", "new[] { 1, 2, 3 }.ElementAt(5)"),
  c("linq.count.predicate", "int", `"banana".Count(ch => ch == 'a')`),
  c("linq.min.selector", "int", `new[] { "ccc", "a", "bb" }.Min(s => s.Length)`),
  c("linq.sum.doubles", "double", "new[] { 0.1, 0.2, 0.3 }.Sum()"),
  c("linq.max.string", "string", `new[] { "b", "a", "C" }.Max()`),
  // ---- collections ---------------------------------------------------------------------------
  c("list.count", "int", "new List<int> { 1, 2, 3 }.Count"),
  c("list.indexof.missing", "int", `new List<string> { "a" }.IndexOf("b")`),
  c("list.index.out", "int", "new List<int> { 1 }[1]"),
  c("list.remove.missing", "bool", "new List<int> { 1, 2, 3 }.Remove(5)"),
  c("dict.missing.key", "int", `new Dictionary<string, int> { { "a", 1 } }["b"]`),
  c("dict.containskey.case", "bool", `new Dictionary<string, int> { { "a", 1 } }.ContainsKey("A")`),
  c("dict.comparer.ignorecase", "bool", `new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { { "a", 1 } }.ContainsKey("A")`),
  c("dict.result", "Dictionary<string, int>", `new Dictionary<string, int> { { "b", 2 }, { "a", 1 } }`),
  c("dict.keys", "string", `string.Join(",", new Dictionary<string, int> { { "b", 2 }, { "a", 1 } }.Keys)`),
  c("hashset.count", "int", "new HashSet<int> { 1, 2, 2 }.Count"),
  c("queue.dequeue", "int", "new Queue<int>(new[] { 1, 2 }).Dequeue()"),
  c("stack.pop", "int", "new Stack<int>(new[] { 1, 2 }).Pop()"),
  c("array.default.int", "int[]", "new int[3]"),
  c("array.default.string", "string[]", "new string[2]"),
  c("array.index.out", "int", "new[] { 1, 2, 3 }[3]"),
  c("array.indexof", "int", `Array.IndexOf(new[] { "a", "b" }, "b")`),
  c("kvp.value", "int", `new KeyValuePair<string, int>("a", 1).Value`),
  c("tuple.item", "string", `Tuple.Create(1, "a").Item2`),
  c("tuple.tostring", "string", `Tuple.Create(1, "a").ToString()`),
  // ---- Newtonsoft.Json -----------------------------------------------------------------------
  c("json.jobject.tostring", "string", `new JObject(new JProperty("a", 1)).ToString()`, { windowsNewline: true }),
  c("json.jobject.tostring.none", "string", `new JObject(new JProperty("a", 1), new JProperty("b", "x")).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.parse.value.int", "int", `JObject.Parse("{\\"x\\": 5}")["x"].Value<int>()`),
  c("json.explicit.int", "int", `(int)JObject.Parse("{\\"x\\": 5}")["x"]`),
  c("json.explicit.string.from.int", "string", `(string)JObject.Parse("{\\"x\\": 5}")["x"]`),
  c("json.missing.string", "string", `(string)JObject.Parse("{}")["x"]`),
  c("json.missing.eqnull", "bool", `JObject.Parse("{}")["x"] == null`),
  c("json.selecttoken", "string", `JObject.Parse("{\\"a\\":{\\"b\\":[1,2,3]}}").SelectToken("a.b[1]").ToString()`),
  c("json.float.tostring", "string", `JObject.Parse("{\\"a\\":1.0}")["a"].ToString()`),
  c("json.float.none", "string", `JObject.Parse("{\\"a\\":1.50}").ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.jarray.count", "int", `JArray.Parse("[1,\\"2\\",null,true]").Count`),
  c("json.jarray.new", "string", `new JArray(1, "a", null).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.serialize.array", "string", "JsonConvert.SerializeObject(new[] { 1, 2 })"),
  c("json.serialize.string", "string", `JsonConvert.SerializeObject("a\\"b")`),
  c("json.serialize.dict", "string", `JsonConvert.SerializeObject(new Dictionary<string, object> { { "k", 1.5 }, { "n", null } })`),
  c("json.serialize.double.whole", "string", "JsonConvert.SerializeObject(1.0)"),
  c("json.serialize.double.sum", "string", "JsonConvert.SerializeObject(0.1 + 0.2)"),
  c("json.serialize.datetime", "string", "JsonConvert.SerializeObject(new DateTime(2020, 1, 2))"),
  c("json.serialize.nonascii", "string", `JsonConvert.SerializeObject("<\xE9>\\n")`),
  c("json.serialize.null", "string", "JsonConvert.SerializeObject((object)null)"),
  c("json.serialize.list", "string", `JsonConvert.SerializeObject(new List<string> { "x", null })`),
  c("json.deserialize.type", "string", `JsonConvert.DeserializeObject<JObject>("{\\"a\\":1}")["a"].Type.ToString()`),
  c("json.deserialize.dict", "int", `JsonConvert.DeserializeObject<Dictionary<string, int>>("{\\"a\\":1}")["a"]`),
  c("json.deserialize.list", "List<string>", `JsonConvert.DeserializeObject<List<string>>("[\\"x\\",\\"y\\"]")`),
  c("json.date.type", "string", `JObject.Parse("{\\"d\\":\\"2020-01-02T03:04:05Z\\"}")["d"].Type.ToString()`),
  c("json.date.string", "string", `(string)JObject.Parse("{\\"d\\":\\"2020-01-02T03:04:05Z\\"}")["d"]`),
  c("json.mutate", "string", `var o = new JObject(); o["a"] = 1; o["b"] = new JArray(1, 2); o.Remove("a"); return o.ToString(Newtonsoft.Json.Formatting.None);`, { block: true }),
  c("json.properties.names", "string[]", `JObject.Parse("{\\"b\\":1,\\"a\\":2}").Properties().Select(p => p.Name).ToArray()`),
  c("json.values.sum", "int", `JObject.Parse("{\\"a\\":[1,2,3]}")["a"].Values<int>().Sum()`),
  c("json.token.type.string", "string", `JToken.Parse("\\"s\\"").Type.ToString()`),
  c("json.parse.bad", "int", `JObject.Parse("{bad").Count`),
  c("json.parse.array.as.object", "int", `JObject.Parse("[1]").Count`),
  c("json.child.of.value", "string", `(string)JObject.Parse("{\\"a\\":1}")["a"]["b"]`),
  c("json.null.type", "string", `JObject.Parse("{\\"a\\":null}")["a"].Type.ToString()`),
  c("json.value.string.key", "string", `JObject.Parse("{\\"a\\":\\"x\\"}").Value<string>("a")`),
  c("json.fromobject.dict", "string", `JObject.FromObject(new Dictionary<string, int> { { "z", 1 } }).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.jvalue.string", "string", `new JValue("x").ToString()`),
  c("json.jvalue.bool", "string", "new JValue(true).ToString()"),
  c("json.value.int.as.string", "string", `JObject.Parse("{\\"a\\":1}")["a"].Value<string>()`),
  c("json.value.string.as.int", "int", `JObject.Parse("{\\"a\\":\\"5\\"}")["a"].Value<int>()`),
  c("json.value.double.as.int", "int", `JObject.Parse("{\\"a\\":1.5}")["a"].Value<int>()`),
  c("json.value.double.as.int.even", "int", `JObject.Parse("{\\"a\\":2.5}")["a"].Value<int>()`),
  c("json.result.jobject", "JObject", `JObject.Parse("{\\"a\\":[1,{\\"b\\":null}],\\"c\\":\\"d\\"}")`, { windowsNewline: true }),
  c("json.result.jarray", "JArray", "new JArray(1, 2.5, true)", { windowsNewline: true }),
  c("json.escape.none", "string", `JObject.Parse("{\\"s\\":\\"\\\\u00e9\\\\n\\"}").ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.bigint", "string", `JObject.Parse("{\\"big\\":12345678901234567890}")["big"].ToString()`),
  c("json.property.order", "string", `var o = JObject.Parse("{\\"a\\":1,\\"b\\":2}"); o["a"] = 3; o["c"] = 4; return o.ToString(Newtonsoft.Json.Formatting.None);`, { block: true }),
  c("json.deepequals", "bool", `JToken.DeepEquals(JObject.Parse("{\\"a\\":1,\\"b\\":2}"), JObject.Parse("{\\"b\\":2,\\"a\\":1}"))`),
  // ---- StringBuilder, encodings, hashing, URIs -------------------------------------------------
  c("sb.append.mixed", "string", `new StringBuilder().Append("a").Append(1).Append('c').Append(1.5).Append(true).ToString()`),
  c("sb.appendline", "string", `new StringBuilder("x").AppendLine("y").ToString()`, { windowsNewline: true }),
  c("sb.appendformat", "string", `new StringBuilder().AppendFormat("{0}-{1}", 1, "b").ToString()`),
  c("sb.insert.replace", "string", `new StringBuilder("hello").Insert(0, "X").Replace("l", "L").ToString()`),
  c("enc.utf8.length", "int", `Encoding.UTF8.GetBytes("\xE9").Length`),
  c("enc.bitconverter", "string", `BitConverter.ToString(Encoding.UTF8.GetBytes("hi"))`),
  c("enc.ascii.nonascii", "string", "Encoding.ASCII.GetString(new byte[] { 72, 200 })"),
  c("hash.sha256", "string", `Convert.ToBase64String(new SHA256Managed().ComputeHash(Encoding.UTF8.GetBytes("abc")))`),
  c("hash.md5.empty", "string", `BitConverter.ToString(MD5.Create().ComputeHash(Encoding.UTF8.GetBytes("")))`),
  c("hash.hmac", "string", `Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("key")).ComputeHash(Encoding.UTF8.GetBytes("msg")))`),
  c("uri.escapedatastring", "string", `Uri.EscapeDataString("a b&c/\xE9")`),
  c("uri.unescapedatastring", "string", `Uri.UnescapeDataString("a%20b%2Bc+d")`),
  c("webutility.urlencode", "string", `WebUtility.UrlEncode("a b&c")`),
  c("webutility.htmlencode", "string", `WebUtility.HtmlEncode("<a href='x'>&</a>")`),
  c("uri.parts", "string", `new Uri("https://ex.com:8443/a/b?c=1").Port + "|" + new Uri("https://ex.com:8443/a/b?c=1").AbsolutePath + "|" + new Uri("https://ex.com:8443/a/b?c=1").Query`),
  c("enum.tostring", "string", "DayOfWeek.Monday.ToString()"),
  c("enum.int", "int", "(int)DayOfWeek.Sunday"),
  // ---- more number parsing, conversion and formatting -------------------------------------------
  c("fmt.f2.binary.half", "string", `1.005.ToString("F2")`, { note: ".NET Framework rounds the 15-digit decimal form (1.00500000000000) half away from zero; JS toFixed rounds the exact binary value" }),
  c("fmt.f2.binary.half2", "string", `string.Format("{0:F2}", 2.675)`),
  c("fmt.custom.binary.half", "string", `string.Format("{0:00.0}", 5.55)`),
  c("fmt.percent.custom", "string", `string.Format("{0:0%}", 0.125)`),
  c("fmt.sci.custom", "string", `string.Format("{0:0.0e+0}", 1234)`),
  c("fmt.hash.zero", "string", `string.Format("{0:#.##}|", 0)`),
  c("fmt.sections", "string", `string.Format("{0:0;(0);zero}|{1:0;(0);zero}", -5, 0)`),
  c("fmt.hex.negative", "string", `string.Format("{0:x}", -1)`),
  c("fmt.g3", "string", `string.Format("{0:G3}", 1234.5678)`),
  c("fmt.f.default", "string", `string.Format("{0:F}|{1:N}|{2:P}", 1.0, 1234.5, 0.5)`),
  c("fmt.e.default", "string", `string.Format("{0:E}", 0.0)`),
  c("fmt.align.format", "string", `string.Format("{0,6:F1}|{1,-6}|{2,-3:X}|", 3.14159, "ab", 10)`),
  c("fmt.currency.round", "string", `string.Format("{0:C0}", 1234.5)`),
  c("fmt.array.arg", "string", `string.Format("{0}", new[] { 1 })`),
  c("fmt.list.arg", "string", `string.Format("{0}", new List<int>())`),
  c("fmt.float.arg", "string", `string.Format("{0}", 1.0f / 3)`),
  c("interp.array", "string", `$"{new[] { 1, 2 }}"`),
  c("concat.datetime", "string", `"x" + new DateTime(2020, 1, 2)`),
  c("concat.timespan", "string", `"x" + TimeSpan.FromMinutes(1)`),
  c("concat.enum", "string", `"x" + DayOfWeek.Monday`),
  c("concat.nullable.null", "string", `"x" + (int?)null`),
  c("concat.char.int", "string", `"x" + 'a' + 1`),
  c("concat.small.double", "string", `"x" + 1e-7`),
  c("concat.g15", "string", `"x" + 123456789.123456789`),
  c("concat.float.max", "string", `"x" + float.MaxValue`),
  c("concat.nan.inf", "string", `"x" + double.NaN + (1.0 / 0) + (-1.0 / 0)`),
  c("concat.long.min", "string", `"x" + long.MinValue`),
  c("concat.stringbuilder", "string", `new StringBuilder("a").ToString() + new StringBuilder("b")`),
  c("long.maxvalue.tostring", "string", "long.MaxValue.ToString()"),
  c("ulong.maxvalue.tostring", "string", "ulong.MaxValue.ToString()"),
  c("long.mul.big", "long", "(long)int.MaxValue * int.MaxValue"),
  c("int.plus.long", "long", "int.MaxValue + 1L"),
  c("uint.plus.int", "long", `uint.MaxValue + int.Parse("1")`),
  c("uint.minus.int", "long", `5u - int.Parse("6")`),
  c("byte.plus.byte", "int", "(byte)200 + (byte)100"),
  c("float.div", "float", "10 / 3.0f"),
  c("double.mod.zero", "double", "1.0 % 0"),
  c("double.max.overflow", "double", "double.MaxValue * 2"),
  c("float.cast.overflow", "float", "(float)1e40"),
  c("double.negzero.eq", "bool", "-0.0 == 0.0"),
  c("convert.toint32.nan", "int", "Convert.ToInt32(double.NaN)"),
  c("convert.toint32.neg.half", "int", "Convert.ToInt32(-2.5)"),
  c("convert.tobyte.overflow", "byte", "Convert.ToByte(256)"),
  c("convert.toint32.hex.twos", "int", `Convert.ToInt32("FFFFFFFF", 16)`),
  c("convert.tostring.hex.neg", "string", "Convert.ToString(-1, 16)"),
  c("convert.tostring.bin.neg.len", "int", "Convert.ToString(-1, 2).Length"),
  c("convert.tochar", "char", "Convert.ToChar(65)"),
  c("convert.toint32.char", "int", "Convert.ToInt32('A')"),
  c("convert.toboolean.int", "bool", "Convert.ToBoolean(0)"),
  c("convert.todouble.bool", "double", "Convert.ToDouble(true)"),
  c("convert.todouble.null", "double", "Convert.ToDouble((string)null)"),
  c("convert.tostring.bool", "string", "Convert.ToString(true)"),
  c("convert.tostring.objnull", "string", "Convert.ToString((object)null)"),
  c("convert.todecimal.scale", "string", `Convert.ToDecimal("1.50").ToString()`),
  c("convert.toint32.spaces", "int", `Convert.ToInt32(" 12 ")`),
  c("double.parse.hex", "double", `double.Parse("0x10")`),
  c("double.parse.infinity", "double", `double.Parse("Infinity")`),
  c("double.parse.dot", "double", `double.Parse("1.") + double.Parse(".5")`),
  c("double.parse.bad.exp", "double", `double.Parse("1e")`),
  c("double.parse.overflow", "double", `double.Parse("1e400")`),
  c("decimal.parse.exp", "decimal", `decimal.Parse("1e3")`),
  c("int.parse.exp", "int", `int.Parse("1e3")`),
  c("int.parse.leading.zeros", "int", `int.Parse("-00012")`),
  c("int.parse.arabic.digits", "int", `int.Parse("\u0663")`),
  c("int.parse.underscore", "int", `int.Parse("1_000")`),
  c("decimal.mul.eq", "bool", "0.1m * 3 == 0.3m"),
  c("decimal.from.double", "decimal", "(decimal)0.1"),
  c("default.values", "string", `default(int) + "|" + (default(string) ?? "null") + "|" + default(bool) + "|" + default(DateTime).Year`),
  // ---- more strings and chars ------------------------------------------------------------------
  c("str.tolower.final.sigma", "string", `"\u03A3\u0391\u03A3".ToLower()`),
  c("str.toupper.ligature", "string", `"\uFB01".ToUpper()`),
  c("str.equals.sharp.s.ignorecase", "bool", `"Stra\xDFe".Equals("STRASSE", StringComparison.OrdinalIgnoreCase)`),
  c("str.compare.case", "int", `Math.Sign(string.Compare("a", "A"))`),
  c("str.compare.null", "int", `Math.Sign(string.Compare(null, "a"))`),
  c("str.compareto.null", "int", `"x".CompareTo(null)`),
  c("str.contains.null", "bool", `"ab".Contains(null)`),
  c("str.replace.empty.old", "string", `"abc".Replace("", "x")`),
  c("str.replace.overlap", "string", `"aaa".Replace("aa", "b")`),
  c("str.indexof.start.out", "int", `"Hello".IndexOf('l', 10)`),
  c("str.indexof.ignorecase", "int", `"abc".IndexOf("B", StringComparison.OrdinalIgnoreCase)`),
  c("str.substring.neg", "string", `"abc".Substring(-1)`),
  c("str.padleft.neg", "string", `"a".PadLeft(-1)`),
  c("str.new.neg", "string", "new string('a', -1)"),
  c("str.split.whitespace", "string[]", `"a b\\t c\\nd".Split()`),
  c("str.split.parse.sum", "int", `"1,2,3".Split(',').Select(int.Parse).Sum()`),
  c("str.join.objects", "string", `string.Join(", ", new object[] { 1, null, "x", 2.5, true })`),
  c("str.join.empty", "string", `string.Join(",", new List<string>())`),
  c("str.orderby.numeric.strings", "string[]", `new[] { "10", "9", "1" }.OrderBy(s => s).ToArray()`),
  c("char.isletter.accent", "bool", `char.IsLetter('\xE9')`),
  c("char.iswhitespace.nbsp", "bool", `char.IsWhiteSpace('\\u00A0')`),
  c("char.isdigit.arabic", "bool", `char.IsDigit('\\u0663')`),
  c("char.ispunctuation.symbol", "string", `char.IsPunctuation('-') + "," + char.IsPunctuation('+') + "," + char.IsPunctuation('$')`),
  c("char.isupper.accent", "bool", `char.IsUpper('\xC9')`),
  b("char.increment", "char", "char ch = 'a'; ch++; return ch;"),
  b("string.plus.assign.null", "string", `string s = null; s += "a"; s += null; return s;`),
  // ---- statements, closures, patterns --------------------------------------------------------------
  b("closure.for.shared", "int", "var fs = new List<Func<int>>(); for (int i = 0; i < 3; i++) fs.Add(() => i); return fs.Select(f => f()).Sum();", {
    note: "a C# for-loop variable is one variable shared by all closures (9); JS `let` makes one per iteration (3)"
  }),
  b("closure.foreach.fresh", "int", "var fs = new List<Func<int>>(); foreach (var i in new[] { 0, 1, 2 }) fs.Add(() => i); return fs.Select(f => f()).Sum();"),
  b("stmt.postinc.mix", "int", "int x = 0; x = x++ + ++x; return x;"),
  b("stmt.shift.assign", "int", "int x = 5; x <<= 30; return x;"),
  b("stmt.long.inc", "long", "long l = int.MaxValue; l++; return l;"),
  b("stmt.uint.dec", "uint", "uint u = 0; u--; return u;"),
  b("stmt.array.inc", "int[]", "var a = new int[2]; a[0]++; a[1] += 5; return a;"),
  b("stmt.dict.inc", "int", `var d = new Dictionary<string, int>(); d["a"] = 0; d["a"]++; return d["a"];`),
  b("stmt.sb.loop", "string", "var sb = new StringBuilder(); for (var i = 0; i < 3; i++) sb.Append(i).Append(','); return sb.ToString().TrimEnd(',');"),
  b("stmt.is.pattern", "int", "object o = 5; if (o is int i) return i + 1; return 0;"),
  b("stmt.nameof", "string", "var abc = 1; return nameof(abc);"),
  b("stmt.do.while.break", "int", "int i = 0; do { i += 3; if (i > 10) break; } while (true); return i;"),
  b("stmt.continue", "int", "int s = 0; for (int i = 0; i < 10; i++) { if (i % 3 != 0) continue; s += i; } return s;"),
  b("stmt.nested.ternary", "string", `int n = 15; return n % 15 == 0 ? "FizzBuzz" : n % 3 == 0 ? "Fizz" : n % 5 == 0 ? "Buzz" : n.ToString();`),
  b("stmt.catch.when.type", "string", `try { var l = new List<int>(); return l[0].ToString(); } catch (ArgumentOutOfRangeException e) { return "range"; } catch (Exception) { return "other"; }`),
  b("stmt.finally", "string", `var s = "a"; try { s += "b"; } finally { s += "c"; } return s;`),
  c("nullable.bool.and", "string", `((bool?)null & false) + "|" + ((bool?)null | true) + "|" + (((bool?)null & true) == null)`),
  c("nullable.compare.gt", "bool", "(int?)5 > null"),
  c("nullable.mul.null", "int?", "(int?)null * 2"),
  c("nullable.bool.eq.false", "bool", "(bool?)null == false"),
  c("null.conditional.index", "int?", "((List<int>)null)?[0]"),
  c("null.conditional.array", "string", `new[] { "a" }?[0]`),
  c("cast.int.arith", "int", "(int)((0.1 + 0.7) * 10)"),
  // ---- more Regex ------------------------------------------------------------------------------
  c("re.inline.ignorecase", "string", `Regex.Match("aBc", "(?i)b").Value`),
  c("re.anchor.A", "bool", String.raw`Regex.Match("abc", @"\Ab").Success`),
  c("re.anchor.Z", "bool", String.raw`Regex.IsMatch("abc\n", @"c\Z")`),
  c("re.dollar.before.newline", "bool", `Regex.IsMatch("abc\\n", "c$")`),
  c("re.duplicate.names", "string", `Regex.Match("abc", "(?<n>a)(?<n>b)").Groups["n"].Value`),
  c("re.replace.whole.match", "string", `Regex.Replace("abc", "b", "$0$0") + Regex.Replace("abc", "b", "[$&]")`),
  c("re.split.captures", "string[]", `Regex.Split("a,b", "(,)")`),
  c("re.escape.space.hash", "string", `Regex.Escape("a b#")`),
  c("re.unescape", "string", String.raw`Regex.Unescape(@"a\.b\t")`),
  c("re.group.index.named", "int", String.raw`Regex.Match("2020-01-02", @"(?<y>\d{4})-(?<m>\d\d)").Groups["m"].Index`),
  c("re.replace.empty.pattern", "string", `Regex.Replace("abc", "", "-")`),
  c("re.invalid.pattern", "bool", `Regex.IsMatch("x", "[")`),
  c("re.matches.linq", "string", String.raw`string.Join("+", Regex.Matches("a1b22", @"\d+").Cast<Match>().Select(m => m.Value))`),
  c("re.instance.options", "bool", `new Regex("a", RegexOptions.IgnoreCase).IsMatch("A")`),
  c("re.word.boundary.unicode", "string", String.raw`Regex.Replace("é1 x", @"\b", "|")`),
  // ---- more JSON -------------------------------------------------------------------------------
  c("json.tostring.length.windows", "int", `JObject.Parse("{\\"a\\":1}").ToString().Length`, {
    // JToken.ToString() is indented with Environment.NewLine: "{\r\n  \"a\": 1\r\n}" (14) on Windows,
    // 12 with Mono's "\n" (https://learn.microsoft.com/dotnet/api/system.environment.newline).
    expectDotNet: "14"
  }),
  c("json.float.whole.none", "string", `JObject.Parse("{\\"n\\":1.0,\\"m\\":1e2,\\"k\\":-0.0}").ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.jtokentype.compare", "bool", `JObject.Parse("{\\"a\\":\\"x\\"}")["a"].Type == JTokenType.String`),
  c("json.explicit.bool", "bool", `(bool)JToken.Parse("true")`),
  c("json.explicit.double", "double", `(double)JToken.Parse("1")`),
  c("json.explicit.int.from.string", "int", `(int)JToken.Parse("\\"12\\"")`),
  c("json.explicit.nullable.missing", "int?", `(int?)JObject.Parse("{}")["x"]`),
  c("json.explicit.int.missing", "int", `(int)JObject.Parse("{}")["x"]`),
  c("json.hasvalues", "bool", `JObject.Parse("{\\"a\\":[]}")["a"].HasValues`),
  c("json.path", "string", `JObject.Parse("{\\"a\\":{\\"b\\":[1,2]}}").SelectToken("$.a.b[1]").Path`),
  c("json.datetime.property", "string", `new JObject(new JProperty("d", new DateTime(2020, 1, 2))).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.jvalue.double", "string", `new JValue(1.5).ToString() + "|" + new JValue(1.0).ToString()`),
  c("json.fromobject.double", "string", `JToken.FromObject(1.0).ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.serialize.html.chars", "string", `JsonConvert.SerializeObject(new JObject(new JProperty("a", "<>&'")))`),
  c("json.serialize.u2028", "string", `JsonConvert.SerializeObject("\\u2028\\u0001")`),
  c("json.serialize.nan", "string", "JsonConvert.SerializeObject(double.NaN)"),
  c("json.serialize.float", "string", "JsonConvert.SerializeObject(new[] { 1.5f, 0.1f })"),
  c("json.serialize.long", "string", "JsonConvert.SerializeObject(long.MaxValue)"),
  c("json.serialize.indented", "string", `JsonConvert.SerializeObject(new Dictionary<string, int> { { "a", 1 } }, Newtonsoft.Json.Formatting.Indented)`, { windowsNewline: true }),
  c("json.deserialize.int", "int", `JsonConvert.DeserializeObject<int>("5")`),
  c("json.deserialize.object", "object", `JsonConvert.DeserializeObject("{\\"a\\":1}")`, { windowsNewline: true }),
  c("json.tostring.float.type", "string", `JToken.Parse("1.0").Type.ToString()`),
  c("json.toobject.int", "int", `JObject.Parse("{\\"a\\":\\"1\\"}")["a"].ToObject<int>()`),
  c("json.toobject.list", "List<int>", `JArray.Parse("[1,2]").ToObject<List<int>>()`),
  c("json.collection.initializer", "string", `new JObject { { "a", 1 }, { "b", "x" } }.ToString(Newtonsoft.Json.Formatting.None)`),
  c("json.missing.conditional", "string", `JObject.Parse("{\\"a\\":1}")["b"]?.ToString() ?? "none"`),
  c("json.jarray.linq", "int", `JArray.Parse("[3,1,2]").Select(t => (int)t).OrderBy(x => x).First()`),
  c("json.concat.jarray", "string", `"x" + new JArray()`),
  c("json.merge", "string", `var a = JObject.Parse("{\\"x\\":1,\\"y\\":[1]}"); a.Merge(JObject.Parse("{\\"y\\":[2],\\"z\\":3}")); return a.ToString(Newtonsoft.Json.Formatting.None);`, { block: true }),
  // ---- more DateTime / TimeSpan / Guid ------------------------------------------------------------
  c("dt.parse.z.local", "string", `DateTime.Parse("2020-01-02T03:04:05Z").ToString("o")`, { note: "Parse converts a Z time to local time; the harness and APIM run with UTC as local time" }),
  c("dt.parse.z.kind", "string", `DateTime.Parse("2020-01-02T03:04:05Z").Kind.ToString()`),
  c("dt.parseexact.bad", "int", `DateTime.ParseExact("2020-13-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).Month`),
  c("dt.addticks", "long", "new DateTime(2020, 1, 1).AddTicks(1).Ticks % 10"),
  c("dt.format.K.utc", "string", `new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssK")`),
  c("dt.format.K.unspecified", "string", `new DateTime(2020, 1, 1).ToString("yyyy-MM-ddTHH:mm:ssK") + "|"`),
  c("dt.format.single.d", "string", `new DateTime(2020, 1, 1).ToString("%d")`),
  c("dt.format.standard", "string", `string.Join("|", new[] { "d", "D", "f", "g", "t", "M", "y" }.Select(f => new DateTime(2020, 1, 1, 13, 5, 0).ToString(f)))`),
  c("dt.format.fraction", "string", `new DateTime(2020, 1, 2, 3, 4, 5, 678).ToString("fff ffffff FF")`),
  c("dt.format.literal", "string", `new DateTime(2020, 1, 2).ToString("yyyy'-'MM 'at' HH\\\\h")`),
  c("dt.subtract.days", "int", "(new DateTime(2020, 3, 1) - new DateTime(2020, 2, 1)).Days"),
  c("dt.maxvalue.overflow", "int", "DateTime.MaxValue.AddDays(1).Day"),
  c("dt.eq.kind", "bool", "new DateTime(2020, 1, 1) == new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)"),
  c("dt.touniversal", "string", `new DateTime(2020, 1, 1).ToUniversalTime().ToString("o")`),
  c("dt.parse.us", "int", `DateTime.Parse("01/02/2020").Month`),
  c("dt.parse.words", "int", `DateTime.Parse("2 Jan 2020").Day`),
  c("dt.tryparse.fail", "bool", `DateTime.TryParse("nope", out var dt)`),
  c("ts.fromticks", "string", "TimeSpan.FromTicks(15).ToString()"),
  c("ts.fromdays.tostring", "string", "TimeSpan.FromDays(1).ToString()"),
  c("ts.fromseconds.precision", "double", "TimeSpan.FromSeconds(1.23456789).TotalMilliseconds", {
    // .NET Framework: "value will only be considered accurate to the nearest millisecond"
    // (https://learn.microsoft.com/dotnet/api/system.timespan.fromseconds, Remarks).
    note: "rounded to whole milliseconds on .NET Framework"
  }),
  c("ts.negative.diff", "string", "(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(150)).ToString()"),
  c("ts.negative.hours", "int", "TimeSpan.FromMinutes(-90).Hours"),
  c("ts.format.c.g", "string", `TimeSpan.FromHours(1).ToString("c") + "|" + TimeSpan.FromHours(1).ToString("g") + "|" + TimeSpan.FromHours(1).ToString("G")`),
  c("ts.parse.overflow", "double", `TimeSpan.Parse("25:00").TotalHours`),
  c("guid.bad", "string", `new Guid("not").ToString()`),
  c("guid.parse.braces", "string", `Guid.Parse("{6F9619FF-8B86-D011-B42D-00CF4FC964FF}").ToString()`),
  c("guid.eq.case", "bool", `new Guid("6F9619FF-8B86-D011-B42D-00CF4FC964FF") == Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff")`),
  c("guid.tobytearray", "string", `BitConverter.ToString(new Guid("6F9619FF-8B86-D011-B42D-00CF4FC964FF").ToByteArray())`),
  // ---- more encodings, URIs ---------------------------------------------------------------------------
  c("enc.utf8.invalid", "string", "Encoding.UTF8.GetString(new byte[] { 0xC3 })"),
  c("enc.unicode.length", "int", `Encoding.Unicode.GetBytes("a").Length`),
  c("enc.utf8.emoji", "int", `Encoding.UTF8.GetBytes("\u{1F600}").Length`),
  c("enc.base64.bytes", "string", "Convert.ToBase64String(new byte[] { 255, 254 })"),
  c("enc.base64.nopad", "int", `Convert.FromBase64String("YQ").Length`),
  c("enc.bitconverter.empty", "string", "BitConverter.ToString(new byte[0])"),
  c("enc.bitconverter.int", "string", "BitConverter.ToString(BitConverter.GetBytes(258))"),
  c("uri.escape.reserved", "string", `Uri.EscapeDataString("~!*'()")`),
  c("uri.escapeuristring", "string", `Uri.EscapeUriString("a b/c?d")`),
  c("webutility.urldecode", "string", `WebUtility.UrlDecode("a+b%20c")`),
  c("webutility.htmldecode", "string", `WebUtility.HtmlDecode("&lt;&#233;&eacute;")`),
  c("uri.absoluteuri.space", "string", `new Uri("http://ex.com/a b").AbsoluteUri`),
  c("uri.normalize", "string", `new Uri("HTTP://Ex.COM:80/").ToString()`),
  c("uri.fragment", "string", `new Uri("https://ex.com/a?b=1#c").Fragment`),
  c("uri.dotsegments", "string", `new Uri("https://ex.com/a/../b").AbsolutePath`),
  c("uri.relative", "string", `new Uri(new Uri("https://ex.com/a/b"), "c").ToString()`),
  c("uri.leftpart", "string", `new Uri("https://ex.com:8443/p?q").GetLeftPart(UriPartial.Authority)`),
  c("uri.userinfo", "string", `new Uri("https://user:pw@ex.com:8080/p?q").UserInfo`),
  // ---- context ---------------------------------------------------------------------------------
  c("ctx.method", "string", "context.Request.Method", { context: REQ }),
  c("ctx.path.query", "string", "context.Request.Url.Path + context.Request.Url.QueryString", { context: REQ }),
  c("ctx.header.default", "string", `context.Request.Headers.GetValueOrDefault("X-Missing", "none")`, { context: REQ }),
  c("ctx.header.caseinsensitive", "string", `context.Request.Headers.GetValueOrDefault("x-id", "none")`, { context: REQ }),
  c("ctx.header.index", "string", `context.Request.Headers["X-Id"][0].ToUpper()`, { context: REQ }),
  c("ctx.header.basic", "string", `Encoding.UTF8.GetString(Convert.FromBase64String(context.Request.Headers.GetValueOrDefault("Authorization", "").Split(' ')[1])).Split(':')[0]`, {
    context: REQ
  }),
  c("ctx.query", "string", `context.Request.Url.Query.GetValueOrDefault("q", "") + "/" + context.Request.Url.Query.GetValueOrDefault("page", "1")`, { context: REQ }),
  c("ctx.query.int", "int", `int.Parse(context.Request.Url.Query.GetValueOrDefault("page", "1")) * 10`, { context: REQ }),
  c("ctx.variables", "string", `context.Variables.GetValueOrDefault<string>("user", "nobody") + (string)context.Variables["count"]`, { context: REQ }),
  c("ctx.variables.missing", "string", `(string)context.Variables["nope"]`, { context: REQ }),
  c("ctx.host.port", "string", `context.Request.Url.Host + ":" + context.Request.Url.Port`, { context: REQ }),
  c("ctx.method.compare", "bool", `context.Request.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && context.Request.Method != "post"`, { context: REQ })
];
var KNOWN_GAPS = {};

// test/differential/apimc-eval.ts
init_code();

// compiler/codegen/module.ts
init_code();

// compiler/codegen/scope.ts
var CONTEXT_IDENT = "ctx";

// compiler/codegen/sourcemap.ts
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(n) {
  let v = n < 0 ? -n << 1 | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}
function lineSourceMap(marks, file, lines) {
  const byLine = /* @__PURE__ */ new Map();
  for (const m2 of marks) if (!byLine.has(m2.line)) byLine.set(m2.line, m2.offset);
  const maxLine = marks.reduce((a, m2) => Math.max(a, m2.line), -1);
  let prevSrcLine = 0;
  let prevSrcCol = 0;
  const out = [];
  for (let l = 0; l <= maxLine; l++) {
    const off = byLine.get(l);
    if (off === void 0) {
      out.push("");
      continue;
    }
    const { line, column } = lines.position(off);
    const sl = line - 1;
    const sc = column - 1;
    out.push(vlq(0) + vlq(0) + vlq(sl - prevSrcLine) + vlq(sc - prevSrcCol));
    prevSrcLine = sl;
    prevSrcCol = sc;
  }
  return { version: 3, sources: [file], sourcesContent: [lines.text], names: [], mappings: out.join(";") };
}

// compiler/codegen/module.ts
var SECTION_EXPORTS = { inbound: "inbound", backend: "backend", outbound: "outbound", "on-error": "onError" };
var ModuleBuilder = class {
  names = new NameAllocator([CONTEXT_IDENT, "rt", "meta", "inbound", "backend", "outbound", "onError"]);
  decls = [];
  constants = /* @__PURE__ */ new Map();
  /** Set when a policy or an expression of the module reads a message body (meta.readsBody). */
  readsBody = false;
  hoist(decl) {
    this.decls.push(decl);
  }
  constant(value, hint) {
    const key = value.toString();
    const existing = this.constants.get(key);
    if (existing) return existing;
    const id = this.names.fresh(hint.toUpperCase());
    this.constants.set(key, id);
    this.decls.push(js`const ${id} = ${value};`);
    return id;
  }
  /** Reserves runtime helper names so locals never shadow an import. */
  reserveHelpers(names) {
    for (const n of names) this.names.reserve(n);
  }
  render(opts) {
    const body = new RenderSink();
    for (const d of this.decls) {
      d.render(body);
      body.write("\n");
    }
    const exp = opts.format === "esm" ? js`export ` : js``;
    js`${exp}const meta = ${opts.meta};\n`.render(body);
    for (const s2 of opts.sections) {
      js`${exp}${s2.async ? js`async ` : js``}function ${ident(SECTION_EXPORTS[s2.name])}(ctx) {\n`.render(body);
      s2.body.render(body);
      body.write(body.text.endsWith("\n") ? "}\n" : "\n}\n");
    }
    const present = new Set(opts.sections.map((s2) => s2.name));
    const entries = Object.keys(SECTION_EXPORTS).map(
      (k) => present.has(k) ? SECTION_EXPORTS[k] : `${SECTION_EXPORTS[k]}: null`
    );
    body.write(`${opts.format === "esm" ? "export default" : "return"} { meta, ${entries.join(", ")} };
`);
    const helpers = [...body.helpers].sort();
    const header = `// Generated by apimc from ${JSON.stringify(opts.file).slice(1, -1).replace(/\*\//g, "*\\/")}. Do not edit.
` + (helpers.length === 0 ? "" : opts.format === "esm" ? `import { ${helpers.join(", ")} } from ${JSON.stringify(opts.runtimeSpecifier)};
` : `const { ${helpers.join(", ")} } = rt;
`);
    const headerLines = header.split("\n").length - 1;
    let code = header + indent(body.text);
    let map = null;
    if (opts.sourceMap) {
      map = lineSourceMap(
        body.marks.map((m2) => ({ line: m2.line + headerLines, offset: m2.offset })),
        opts.file,
        opts.lines
      );
    }
    return { code, map, helpers };
  }
};
function indent(text) {
  let depth = 0;
  return text.split("\n").map((line) => {
    const t = line.trim();
    let open = 0;
    let leadingClose = 0;
    let seenOther = false;
    for (let i = 0; i < t.length; i++) {
      const c2 = t[i];
      if (c2 === '"') {
        for (i++; i < t.length && t[i] !== '"'; i++) if (t[i] === "\\") i++;
        seenOther = true;
      } else if (c2 === "{" || c2 === "(" || c2 === "[") open++;
      else if (c2 === "}" || c2 === ")" || c2 === "]") {
        if (!seenOther && open === 0) leadingClose++;
        else open--;
      } else if (c2 !== " ") seenOther = true;
    }
    depth = Math.max(0, depth - leadingClose);
    const out = t === "" ? "" : "  ".repeat(depth) + t;
    depth = Math.max(0, depth + open);
    return out;
  }).join("\n");
}

// test/differential/apimc-eval.ts
init_diagnostics();

// compiler/verify.ts
import * as acorn from "acorn";
var SAFE_GLOBALS = /* @__PURE__ */ new Set([
  "Math",
  "String",
  "Number",
  "Boolean",
  "Array",
  "Object",
  "JSON",
  "Map",
  "Set",
  "Symbol",
  "BigInt",
  "Error",
  "TypeError",
  "RangeError",
  "Promise",
  "Date",
  "Uint8Array",
  "undefined",
  "NaN",
  "Infinity",
  "isNaN",
  "isFinite",
  "parseInt",
  "parseFloat"
]);
function verifyModule(code, sourceType = "module") {
  let ast;
  try {
    ast = acorn.parse(code, { ecmaVersion: 2022, sourceType });
  } catch (e) {
    return { ok: false, errors: [`does not parse: ${e.message}`] };
  }
  const declared = /* @__PURE__ */ new Set();
  const referenced = [];
  const errors = [];
  const declarePattern = (p3) => {
    if (!p3) return;
    switch (p3.type) {
      case "Identifier":
        declared.add(p3.name);
        break;
      case "ObjectPattern":
        for (const prop2 of p3.properties) declarePattern(prop2.type === "RestElement" ? prop2.argument : prop2.value);
        break;
      case "ArrayPattern":
        for (const el of p3.elements) declarePattern(el);
        break;
      case "RestElement":
        declarePattern(p3.argument);
        break;
      case "AssignmentPattern":
        declarePattern(p3.left);
        walk(p3.right);
        break;
    }
  };
  const walk = (node, parent) => {
    if (!node || typeof node.type !== "string") return;
    switch (node.type) {
      case "ImportDeclaration":
        for (const s2 of node.specifiers) declared.add(s2.local.name);
        return;
      case "Identifier":
        referenced.push({ name: node.name, pos: node.start });
        return;
      case "MemberExpression":
        walk(node.object, node);
        if (node.computed) walk(node.property, node);
        return;
      case "Property":
        if (node.computed) walk(node.key, node);
        walk(node.value, node);
        return;
      case "VariableDeclarator":
        declarePattern(node.id);
        walk(node.init, node);
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (node.id) declared.add(node.id.name);
        for (const p3 of node.params) declarePattern(p3);
        walk(node.body, node);
        return;
      case "CatchClause":
        declarePattern(node.param);
        walk(node.body, node);
        return;
      case "LabeledStatement":
        walk(node.body, node);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "ExportNamedDeclaration":
        walk(node.declaration, node);
        return;
      case "ExportDefaultDeclaration":
        walk(node.declaration, node);
        return;
      case "ClassDeclaration":
      case "ClassExpression":
      case "ImportExpression":
      case "MetaProperty":
      case "WithStatement":
      case "DebuggerStatement":
        errors.push(`${node.type} is never generated (at ${node.start})`);
        return;
    }
    void parent;
    for (const key of Object.keys(node)) {
      if (key === "type" || key === "start" || key === "end" || key === "loc" || key === "range") continue;
      const v = node[key];
      if (Array.isArray(v)) for (const c2 of v) walk(c2, node);
      else if (v && typeof v === "object" && typeof v.type === "string") walk(v, node);
    }
  };
  walk(ast);
  for (const r of referenced) {
    if (!declared.has(r.name) && !SAFE_GLOBALS.has(r.name)) errors.push(`free identifier '${r.name}' (at ${r.pos})`);
  }
  return { ok: errors.length === 0, errors };
}

// test/differential/canonical.ts
function render(o) {
  switch (o.kind) {
    case "value":
      return JSON.stringify(o.text);
    case "null":
      return "null";
    case "throw":
      return `!${o.type}`;
  }
}
function fromExpectation(e) {
  if (e === null) return { kind: "null" };
  if (e.startsWith("!")) return { kind: "throw", type: e.slice(1) };
  return { kind: "value", text: e };
}
function parseType(s2) {
  let i = 0;
  const src = s2.replace(/\s+/g, "");
  function one() {
    const m2 = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (!m2) throw new Error(`bad type '${s2}'`);
    i += m2[0].length;
    const args = [];
    if (src[i] === "<") {
      i++;
      for (; ; ) {
        args.push(one());
        if (src[i] === ",") i++;
        else if (src[i] === ">") {
          i++;
          break;
        } else throw new Error(`bad type '${s2}'`);
      }
    }
    let t2 = { name: m2[0], args, array: false, nullable: false };
    for (; ; ) {
      if (src[i] === "?") {
        i++;
        t2 = { ...t2, nullable: true };
      } else if (src.startsWith("[]", i)) {
        i += 2;
        t2 = { name: "[]", args: [t2], array: true, nullable: false };
      } else break;
    }
    return t2;
  }
  const t = one();
  if (i !== src.length) throw new Error(`bad type '${s2}'`);
  return t;
}
var INTEGRAL = /* @__PURE__ */ new Set(["int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort"]);
var JTOKENS = /* @__PURE__ */ new Set(["JToken", "JObject", "JArray", "JValue", "JProperty", "JContainer"]);
var SEQUENCES = /* @__PURE__ */ new Set(["List", "IEnumerable", "IList", "ICollection", "IReadOnlyList", "IReadOnlyCollection", "HashSet", "Queue", "Stack", "IOrderedEnumerable"]);
var DICTIONARIES = /* @__PURE__ */ new Set(["Dictionary", "IDictionary", "IReadOnlyDictionary"]);
function formatG(d, precision) {
  if (d === 0) return "0";
  const [mant, expStr] = d.toExponential(precision - 1).split("e");
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace(/^-/, "").replace(".", "").replace(/0+$/, "") || "0";
  let out;
  if (exp > -5 && exp < precision) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      out = frac ? `${intPart}.${frac}` : intPart;
    } else {
      out = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m2 = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m2}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return neg ? `-${out}` : out;
}
function doubleR(d) {
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  const g15 = formatG(d, 15);
  return Number(g15.replace("E", "e")) === d ? g15 : formatG(d, 17);
}
function floatR(f) {
  const d = Math.fround(f);
  if (Number.isNaN(d)) return "NaN";
  if (d === Infinity) return "Infinity";
  if (d === -Infinity) return "-Infinity";
  const g7 = formatG(d, 7);
  return Math.fround(Number(g7.replace("E", "e"))) === d ? g7 : formatG(d, 9);
}
function decimalText(v) {
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
    const s2 = String(v);
    if (!/e/i.test(s2)) return s2;
    return v.toFixed(28).replace(/0+$/, "").replace(/\.$/, "");
  }
  return String(v);
}
function expandFloatTokens(text) {
  return text.replace(/\u27E8([df]):([0-9A-F]+)\u27E9/g, (_m, k, hex) => {
    const view = new DataView(new ArrayBuffer(8));
    if (k === "d") {
      view.setBigUint64(0, BigInt(`0x${hex}`));
      return doubleR(view.getFloat64(0));
    }
    view.setUint32(0, Number.parseInt(hex, 16));
    return floatR(view.getFloat32(0));
  });
}
function canonJs(v, t) {
  if (v === null || v === void 0) return null;
  const name = t.name;
  if (t.array || SEQUENCES.has(name)) {
    const elem = t.args[0] ?? { name: "object", args: [], array: false, nullable: false };
    const items = toArray(v);
    return `[${items.map((x) => canonJs(x, elem) ?? "<null>").join(", ")}]`;
  }
  if (DICTIONARIES.has(name)) {
    const [kt, vt] = t.args;
    const entries = toEntries(v);
    return `{${entries.map(([k, x]) => `${canonJs(k, kt) ?? "<null>"}: ${canonJs(x, vt) ?? "<null>"}`).join(", ")}}`;
  }
  if (name === "KeyValuePair") {
    const kv = v;
    return `[${canonJs(kv.Key, t.args[0]) ?? "<null>"}, ${canonJs(kv.Value, t.args[1]) ?? "<null>"}]`;
  }
  switch (name) {
    case "string":
      return typeof v === "string" ? v : mismatch(v, name);
    case "bool":
      return typeof v === "boolean" ? String(v) : mismatch(v, name);
    case "char":
      if (typeof v === "number" && Number.isInteger(v)) return String.fromCharCode(v);
      if (typeof v === "string" && v.length === 1) return v;
      return mismatch(v, name);
    case "double":
      return typeof v === "number" ? doubleR(v) : mismatch(v, name);
    case "float":
      return typeof v === "number" ? floatR(v) : mismatch(v, name);
    case "decimal":
      return decimalText(v);
  }
  if (INTEGRAL.has(name)) {
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number" && Number.isInteger(v)) return BigInt(v).toString();
    return mismatch(v, name);
  }
  if (JTOKENS.has(name) || typeof v.ToString === "function") {
    return String(v.ToString());
  }
  return String(v);
}
function mismatch(v, expected) {
  let shown;
  try {
    shown = typeof v === "object" ? JSON.stringify(v) ?? String(v) : String(v);
  } catch {
    shown = String(v);
  }
  return `<apimc returned JS ${typeof v} ${shown} for a C# ${expected}>`;
}
function toArray(v) {
  if (Array.isArray(v)) return v;
  if (ArrayBuffer.isView(v)) return Array.from(v);
  if (v !== null && typeof v === "object" && Symbol.iterator in v) return Array.from(v);
  return [mismatch(v, "sequence")];
}
function toEntries(v) {
  if (v !== null && typeof v === "object" && Symbol.iterator in v) {
    return Array.from(v).map((e) => {
      if (Array.isArray(e)) return [e[0], e[1]];
      const kv = e;
      return [kv.Key, kv.Value];
    });
  }
  if (v !== null && typeof v === "object") return Object.entries(v);
  return [[mismatch(v, "dictionary"), null]];
}

// test/differential/apimc-eval.ts
var loaded = null;
function load() {
  loaded ??= (async () => {
    try {
      const csharp = await Promise.resolve().then(() => (init_csharp(), csharp_exports));
      if (typeof csharp.compileExpression !== "function") return { error: "compiler/csharp/index.ts does not export compileExpression yet" };
      const runtime = await Promise.resolve().then(() => (init_runtime(), runtime_exports));
      return { csharp, runtime };
    } catch (e) {
      return { error: `apimc failed to load: ${e?.message ?? String(e)}` };
    }
  })();
  return loaded;
}
function apimcSource(c2) {
  return c2.block ? `@{ ${c2.expr} }` : `@(${c2.expr})`;
}
function makeContext(runtime, spec) {
  const s2 = spec ?? { method: "GET", url: "https://localhost/" };
  const url = runtime.Url.parse(new URL(s2.url).href);
  const headers = runtime.HeaderMap.from(s2.headers, "request");
  const ctx = new runtime.Context(new runtime.RequestMessage(s2.method.toUpperCase(), url, headers, null));
  for (const [k, v] of Object.entries(s2.variables ?? {})) ctx.Variables.set(k, v);
  return ctx;
}
async function evaluateWithApimc(c2) {
  const mods = await load();
  if ("error" in mods) return { kind: "compile-error", message: mods.error, codes: [] };
  return evaluateWith(c2, mods.csharp, mods.runtime);
}
async function evaluateWith(c2, csharp, runtime) {
  const source = apimcSource(c2);
  const diags = new DiagnosticBag("expression.cs", new LineMap(source));
  const builder = new ModuleBuilder();
  let code;
  try {
    const r = csharp.compileExpression({ source, offsets: (i) => i, expected: "any", diagnostics: diags, scope: builder });
    if (!r || diags.hasErrors) return compileError(diags.items, source, r ? "" : "compileExpression returned null");
    code = builder.render({
      sections: [{ name: "inbound", body: js`return ${r.code};`, async: false }],
      meta: js`{}`,
      runtimeSpecifier: "apimc/runtime",
      format: "function",
      file: "expression.cs",
      lines: diags.lines,
      sourceMap: false
    }).code;
  } catch (e) {
    return { kind: "compile-error", message: `apimc crashed while compiling: ${e?.stack ?? String(e)}`, codes: ["crash"] };
  }
  const v = verifyModule(`(function (rt) {
${code}
});`, "script");
  if (!v.ok) return { kind: "compile-error", message: `generated module failed verification: ${v.errors.join("; ")}
${code}`, codes: ["verify"] };
  let value;
  try {
    const mod = new Function("rt", code)(runtime);
    value = await mod.inbound(makeContext(runtime, c2.context));
  } catch (e) {
    const ex = e;
    if (e instanceof runtime.DotNetException) return { kind: "throw", type: String(ex.shortType), message: ex.message };
    return { kind: "throw", type: `JS:${ex?.name ?? typeof e}`, message: ex?.message ?? String(e) };
  }
  try {
    const text = canonJs(value, parseType(c2.type));
    return text === null ? { kind: "null" } : { kind: "value", text };
  } catch (e) {
    const ex = e;
    if (e instanceof runtime.DotNetException) return { kind: "throw", type: String(ex.shortType), message: ex.message };
    return { kind: "throw", type: `JS:${ex?.name ?? typeof e}`, message: ex?.message ?? String(e) };
  }
}
function compileError(items, source, extra) {
  const errors = items.filter((d) => d.severity === "error");
  return {
    kind: "compile-error",
    message: [extra, ...errors.map((d) => formatDiagnostic(d, source))].filter(Boolean).join("\n"),
    codes: errors.map((d) => d.code)
  };
}

// test/differential/csharp-harness.ts
import { execFile } from "node:child_process";
import { createHash as createHash3 } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
var run = promisify(execFile);
var INSTALL_HINT = "The differential tests need the C# reference: install Mono's compiler and Newtonsoft.Json with `apt-get install -y mono-mcs libnewtonsoft-json-cil-dev` (CI's .ci/run installs them).";
var GAC = "/usr/lib/mono/gac/Newtonsoft.Json";
function findReference() {
  const onPath = (exe) => {
    for (const dir of (process.env.PATH ?? "").split(":")) {
      if (dir && existsSync(join2(dir, exe))) return join2(dir, exe);
    }
    return null;
  };
  const mcs = onPath("mcs");
  const mono = onPath("mono");
  let newtonsoft = null;
  if (existsSync(GAC)) {
    const versions = readdirSync(GAC).sort().reverse();
    for (const v of versions) {
      const p3 = join2(GAC, v, "Newtonsoft.Json.dll");
      if (existsSync(p3)) {
        newtonsoft = p3;
        break;
      }
    }
  }
  const missing = [!mcs && "mcs", !mono && "mono", !newtonsoft && `Newtonsoft.Json.dll (under ${GAC})`].filter(Boolean);
  if (missing.length) throw new Error(`Missing ${missing.join(", ")}. ${INSTALL_HINT}`);
  return { mcs, mono, newtonsoft };
}
var csString = (s2) => `"${s2.replace(/[\\"\u0000-\u001f\u007f-\uffff]/g, (ch) => ch === "\\" ? "\\\\" : ch === '"' ? '\\"' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
var PRELUDE = String.raw`// Generated by test/differential/csharp-harness.ts. Do not edit.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimcDifferential {

// Stand-ins for the parts of APIM's ` + "`context`" + String.raw` the cases read (spec/apim-semantics.md §3).
public class Url {
  public string Scheme; public string Host; public int Port; public string Path; public string QueryString;
  public IReadOnlyDictionary<string, string[]> Query;
}
public class Request {
  public string Method; public Url Url; public IReadOnlyDictionary<string, string[]> Headers;
}
public class Context {
  public Request Request; public IReadOnlyDictionary<string, object> Variables;
  public static Context Make(string method, string url, string[] headers, string[] variables) {
    var u = new Uri(url);
    var query = new Dictionary<string, string[]>();
    foreach (var part in u.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries)) {
      var kv = part.Split(new[] { '=' }, 2);
      var k = Uri.UnescapeDataString(kv[0]);
      var v = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
      string[] old;
      query[k] = query.TryGetValue(k, out old) ? old.Concat(new[] { v }).ToArray() : new[] { v };
    }
    var h = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
    for (int i = 0; i < headers.Length; i += 2) h[headers[i]] = new[] { headers[i + 1] };
    var vars = new Dictionary<string, object>();
    for (int i = 0; i < variables.Length; i += 2) vars[variables[i]] = variables[i + 1];
    return new Context {
      Request = new Request {
        Method = method,
        Url = new Url { Scheme = u.Scheme, Host = u.Host, Port = u.Port, Path = u.AbsolutePath, QueryString = u.Query, Query = query },
        Headers = h,
      },
      Variables = vars,
    };
  }
}
public static class ApimExtensions {
  public static string GetValueOrDefault(this IReadOnlyDictionary<string, string[]> d, string name, string defaultValue) {
    string[] v; return d.TryGetValue(name, out v) ? string.Join(",", v) : defaultValue;
  }
  public static T GetValueOrDefault<T>(this IReadOnlyDictionary<string, object> d, string name, T defaultValue) {
    object v; return d.TryGetValue(name, out v) ? (T)v : defaultValue;
  }
}

public static class Program {
  static void Emit(string id, string kind, string text) {
    Console.Out.Write(id + "\t" + kind + "\t" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\n");
  }
  static void Report<T>(string id, Type declared, T value) {
    if (typeof(T) != declared) { Emit(id, "t", typeof(T).ToString()); return; }
    if (value == null) Emit(id, "n", ""); else Emit(id, "v", Canon(value));
  }
  static void Fail(string id, Exception e) { Emit(id, "x", e.GetType().Name + "\n" + e.Message); }

  static string Canon(object v) {
    if (v == null) return "<null>";
    if (v is string) return (string)v;
    if (v is bool) return (bool)v ? "true" : "false";
    if (v is char) return v.ToString();
    // Doubles and floats as their exact bits; the TS side formats them (canonical.ts doubleR/floatR),
    // so the comparison is bit-exact and immune to Mono's digit generation beyond 15 digits.
    if (v is double) return "\u27E8d:" + BitConverter.DoubleToInt64Bits((double)v).ToString("X16") + "\u27E9";
    if (v is float) return "\u27E8f:" + BitConverter.ToInt32(BitConverter.GetBytes((float)v), 0).ToString("X8") + "\u27E9";
    if (v is JToken) return v.ToString();
    if (v is IFormattable) return ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture);
    var t = v.GetType();
    if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
      return "[" + Canon(t.GetProperty("Key").GetValue(v, null)) + ", " + Canon(t.GetProperty("Value").GetValue(v, null)) + "]";
    if (v is IDictionary) {
      var parts = new List<string>();
      foreach (DictionaryEntry e in (IDictionary)v) parts.Add(Canon(e.Key) + ": " + Canon(e.Value));
      return "{" + string.Join(", ", parts) + "}";
    }
    if (v is IEnumerable) {
      var parts = new List<string>();
      foreach (var e in (IEnumerable)v) parts.Add(Canon(e));
      return "[" + string.Join(", ", parts) + "]";
    }
    return v.ToString();
  }
`;
function contextArgs(c2) {
  const pairs = (r) => `new string[] { ${Object.entries(r ?? {}).flatMap(([k, v]) => [csString(k), csString(v)]).join(", ")} }`;
  return `${csString(c2.method)}, ${csString(c2.url)}, ${pairs(c2.headers)}, ${pairs(c2.variables)}`;
}
function generateProgram(cases) {
  const lines = [];
  const lineCase = [];
  const push = (text, id) => {
    for (const l of text.split("\n")) {
      lines.push(l);
      lineCase.push(id);
    }
  };
  push(PRELUDE, null);
  cases.forEach((c2, i) => {
    const id = csString(c2.id);
    push(`  // case ${c2.id}`, c2.id);
    push(`  static void Case${i}() {`, c2.id);
    push(`    try {`, c2.id);
    if (c2.context) push(`      var context = Context.Make(${contextArgs(c2.context)});`, c2.id);
    if (c2.block) {
      push(`      Func<${c2.type}> body = () => {`, c2.id);
      push(c2.expr, c2.id);
      push(`      };`, c2.id);
      push(`      Report(${id}, typeof(${c2.type}), body());`, c2.id);
    } else {
      push(`      Report(${id}, typeof(${c2.type}),`, c2.id);
      push(c2.expr, c2.id);
      push(`      );`, c2.id);
    }
    push(`    } catch (Exception e) { Fail(${id}, e); }`, c2.id);
    push(`  }`, c2.id);
  });
  push(`  public static void Main() {`, null);
  push(`    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;`, null);
  push(`    CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;`, null);
  push(`    Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;`, null);
  push(`    Thread.CurrentThread.CurrentUICulture = CultureInfo.InvariantCulture;`, null);
  cases.forEach((_c, i) => push(`    Case${i}();`, null));
  push(`  }`, null);
  push(`}`, null);
  push(`}`, null);
  return { source: lines.join("\n") + "\n", lineCase };
}
var CACHE_ROOT = fileURLToPath(new URL("../../node_modules/.cache/apimc-differential", import.meta.url));
async function compileProgram(ref2, source, lineCase) {
  const hash = createHash3("sha256").update(source).update(ref2.newtonsoft).digest("hex").slice(0, 24);
  const dir = join2(CACHE_ROOT, hash);
  const exe = join2(dir, "differential.exe");
  if (existsSync(exe)) return exe;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const cs = join2(tmp, "differential.cs");
  writeFileSync(cs, source);
  copyFileSync(ref2.newtonsoft, join2(tmp, "Newtonsoft.Json.dll"));
  try {
    await run(
      ref2.mcs,
      ["-nologo", "-nowarn:162,168,219,429,472,649,1718", "-target:exe", `-out:${join2(tmp, "differential.exe")}`, `-r:${ref2.newtonsoft}`, "-r:System.dll", "-r:System.Core.dll", "-r:System.Numerics.dll", cs],
      { maxBuffer: 64 * 1024 * 1024 }
    );
  } catch (e) {
    const out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    const broken = /* @__PURE__ */ new Set();
    for (const m2 of out.matchAll(/\((\d+),\d+\): error/g)) {
      const id = lineCase[Number(m2[1]) - 1];
      if (id) broken.add(id);
    }
    throw new Error(
      `mcs could not compile the differential program (a bug in test/differential/cases.ts or the harness)` + (broken.size ? `; cases: ${[...broken].join(", ")}` : "") + `
${out.split("\n").filter((l) => l.includes("error")).slice(0, 30).join("\n")}
(source kept at ${cs})`
    );
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return exe;
}
async function runProgram(ref2, exe) {
  const { stdout } = await run(ref2.mono, [exe], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", MONO_ENV_OPTIONS: "" },
    timeout: 6e4
  });
  const results = /* @__PURE__ */ new Map();
  for (const line of stdout.split("\n")) {
    if (!line) continue;
    const [id, kind, b64] = line.split("	");
    const text = Buffer.from(b64 ?? "", "base64").toString("utf8");
    switch (kind) {
      case "v":
        results.set(id, { kind: "value", text: expandFloatTokens(text) });
        break;
      case "n":
        results.set(id, { kind: "null" });
        break;
      case "x": {
        const nl = text.indexOf("\n");
        results.set(id, { kind: "throw", type: text.slice(0, nl), message: text.slice(nl + 1) });
        break;
      }
      case "t":
        results.set(id, { kind: "type-mismatch", actual: text });
        break;
      default:
        throw new Error(`unexpected line from the C# program: ${JSON.stringify(line)}`);
    }
  }
  return results;
}
async function evaluateWithCSharp(cases) {
  const ref2 = findReference();
  const { source, lineCase } = generateProgram(cases);
  const exe = await compileProgram(ref2, source, lineCase);
  return runProgram(ref2, exe);
}

// ../../tmp/dt/full.ts
var ref = await evaluateWithCSharp(CASES);
var pass = 0;
for (const c2 of CASES) {
  const a = await evaluateWithApimc(c2);
  let e = ref.get(c2.id);
  if (c2.expectDotNet !== void 0) e = fromExpectation(c2.expectDotNet);
  else if (c2.windowsNewline && e.kind === "value") e = { kind: "value", text: e.text.replace(/\n/g, "\r\n") };
  const at = a.kind === "compile-error" ? "COMPILE " + a.message.split("\n").filter(Boolean).slice(0, 2).join(" ").slice(0, 170) : render(a) + (a.kind === "throw" && a.type.startsWith("JS") ? " " + (a.message ?? "").slice(0, 100) : "");
  const ok = a.kind !== "compile-error" && render(a) === render(e);
  if (ok) pass++;
  if (ok === c2.id in KNOWN_GAPS) console.log((ok ? "FIXED " : "") + c2.id.padEnd(30), "| C#:", render(e).slice(0, 90), "| apimc:", at.slice(0, 200));
}
console.log("pass", pass, "/", CASES.length);

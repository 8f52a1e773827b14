// The C# lexer on its own: token kinds, every punctuator and keyword, numeric literals over every base,
// digit-separator placement and suffix spelling, string/char escapes, verbatim and interpolated
// strings (nested braces, alignment, format specifiers), and the positions tokens and errors carry.
import { describe, expect, it } from "vitest";
import { KEYWORDS, LexError, Lexer, type Token } from "../../compiler/csharp/lexer.js";
import { compile } from "../csharp/helpers.js";
import { rng } from "../helpers/rng.js";

const lex = (s: string): Token[] => new Lexer(s).tokenize();
const one = (s: string): Token => {
  const ts = lex(s);
  expect(ts.map((t) => t.kind)).toEqual([ts[0]!.kind, "eof"]);
  return ts[0]!;
};
function lexError(s: string): LexError {
  try {
    lex(s);
  } catch (e) {
    if (e instanceof LexError) return e;
    throw e;
  }
  throw new Error(`'${s}' lexed without error`);
}


// The C# 7 punctuator set the lexer recognises (">>" is deliberately two ">" tokens; see lexer.ts).
const PUNCTUATORS = ">>= <<= ??= ... => == != <= >= && || ?? ?. ?[ ++ -- += -= *= /= %= &= |= ^= << :: -> .. { } ( ) [ ] . , : ; + - * / % & | ^ ! ~ = < > ?".split(" ");

describe("C# lexer: tokens", () => {
  it("every punctuator is one token, with its exact range, between identifiers", () => {
    for (const p of PUNCTUATORS) {
      const src = `a ${p} b`;
      const ts = lex(src);
      expect(ts.map((t) => t.kind), p).toEqual(["ident", "punct", "ident", "eof"]);
      expect(ts[1]).toMatchObject({ text: p, start: 2, end: 2 + p.length });
    }
  });

  it("'>>' is two '>' tokens (so List<List<int>> closes), adjacent ranges", () => {
    const ts = lex("a>>b");
    expect(ts.slice(1, 3).map((t) => [t.text, t.start, t.end])).toEqual([
      [">", 1, 2],
      [">", 2, 3],
    ]);
  });

  it("every keyword is a keyword; '@' makes it an identifier; case matters", () => {
    for (const k of KEYWORDS) {
      expect(one(k)).toMatchObject({ kind: "keyword", text: k });
      expect(one(`@${k}`)).toMatchObject({ kind: "ident", text: k, start: 0, end: k.length + 1 });
      expect(one(k.toUpperCase()).kind).toBe("ident");
    }
    // Contextual keywords stay identifiers.
    for (const k of ["var", "dynamic", "nameof", "when", "value", "get", "set", "async", "await"]) expect(one(k).kind).toBe("ident");
  });

  it("whitespace and comments are skipped; positions are indices into the source", () => {
    const src = "a /* x\n y */ + // c\n\t b";
    const ts = lex(src);
    expect(ts.map((t) => [t.kind, t.text, src.slice(t.start, t.end)])).toEqual([
      ["ident", "a", "a"],
      ["punct", "+", "+"],
      ["ident", "b", "b"],
      ["eof", "", ""],
    ]);
    expect(ts[2]!.start).toBe(src.length - 1);
  });

  it("lexes a range of a larger source: positions stay indices into the whole source", () => {
    const src = "@(x + 1)";
    const ts = new Lexer(src, 2, src.length - 1).tokenize();
    expect(ts.map((t) => [t.text || t.kind, t.start])).toEqual([
      ["x", 2],
      ["+", 4],
      ["1", 6],
      ["eof", 7],
    ]);
  });
});

describe("C# lexer: numeric literals", () => {
  const INT_SUFFIXES: [string, string][] = [
    ["", ""],
    ["u", "u"],
    ["U", "u"],
    ["l", "l"],
    ["L", "l"],
    ["ul", "ul"],
    ["UL", "ul"],
    ["uL", "ul"],
    ["Ul", "ul"],
    ["lu", "ul"],
    ["LU", "ul"],
    ["Lu", "ul"],
    ["lU", "ul"],
  ];

  /** Inserts '_' between digits at random (never first/last), as C# 7 allows. */
  function separate(digits: string, r: () => number): string {
    let out = digits[0]!;
    for (let i = 1; i < digits.length; i++) out += (r() < 0.25 ? "_".repeat(1 + Math.floor(r() * 2)) : "") + digits[i];
    return out;
  }

  it("integers: generated values in decimal, hex and binary, with separators, times every suffix spelling", () => {
    const r = rng(12);
    for (let n = 0; n < 130; n++) {
      const bits = 1 + Math.floor(r() * 64);
      const value = BigInt(Math.floor(r() * 2 ** 31)) * BigInt(2 ** 21) + BigInt(Math.floor(r() * 2 ** 21)) & ((1n << BigInt(bits)) - 1n);
      const [sx, norm] = INT_SUFFIXES[n % INT_SUFFIXES.length]!;
      const forms = [separate(value.toString(10), r), (r() < 0.5 ? "0x" : "0X") + separate(value.toString(16), r), (r() < 0.5 ? "0b" : "0B") + separate(value.toString(2), r)];
      for (const f of forms) {
        const src = f + sx;
        expect(one(src), src).toMatchObject({ kind: "int", num: value, suffix: norm, text: src, start: 0, end: src.length });
      }
    }
  });

  it("reals: forms with '.', exponents and f/d/m suffixes give the number and the suffix ('d' when none)", () => {
    const r = rng(7);
    for (let n = 0; n < 60; n++) {
      const int = String(Math.floor(r() * 10000));
      const frac = String(Math.floor(r() * 1000));
      const exp = Math.floor(r() * 20) - 10;
      const shapes = [`${int}.${frac}`, `.${frac}`, `${int}e${exp}`, `${int}.${frac}E${exp >= 0 ? "+" : ""}${exp}`];
      for (const body of shapes) {
        for (const [sx, norm] of [["", "d"], ["f", "f"], ["F", "f"], ["d", "d"], ["D", "d"], ["m", "m"], ["M", "m"]] as const) {
          const src = body + sx;
          expect(one(src), src).toMatchObject({ kind: "real", num: Number(body), suffix: norm });
        }
      }
    }
    // An integer with a real suffix is a real.
    expect(one("3f")).toMatchObject({ kind: "real", num: 3, suffix: "f" });
    expect(one("3m")).toMatchObject({ kind: "real", num: 3, suffix: "m" });
  });

  it("'1.' is an int then '.', and '1..2' is a range: a '.' needs a digit after it to make a real", () => {
    expect(lex("1.ToString").map((t) => t.kind)).toEqual(["int", "punct", "ident", "eof"]);
    expect(lex("1..2").map((t) => t.text)).toEqual(["1", "..", "2", ""]);
  });

  it("malformed literals are refused at the literal's start", () => {
    for (const s of ["0x", "0b", "1_", "0x_1", "1_.5", "0b2"]) {
      const e = lexError(`  ${s}`);
      expect(e.message, s).toMatch(/Invalid numeric literal/);
      expect(e.pos, s).toBe(2);
    }
    for (const s of ["1x", "0x1g", "12z"]) expect(lexError(s).message, s).toMatch(/suffix/);
  });
});

describe("C# lexer: strings and chars", () => {
  const SIMPLE: [string, string][] = [
    ["'", "'"],
    ['"', '"'],
    ["\\", "\\"],
    ["0", "\0"],
    ["a", "\x07"],
    ["b", "\b"],
    ["f", "\f"],
    ["n", "\n"],
    ["r", "\r"],
    ["t", "\t"],
    ["v", "\v"],
  ];

  it("every simple escape, in a string and in a char", () => {
    for (const [e, v] of SIMPLE) {
      expect(one(`"x\\${e}y"`)).toMatchObject({ kind: "string", text: `x${v}y` });
      expect(one(`'\\${e}'`)).toMatchObject({ kind: "char", text: v });
    }
  });

  it("\\u (4 digits), \\U (8 digits, surrogate pairs) and \\x (1 to 4 digits, greedy) over generated code points", () => {
    const r = rng(3);
    for (let n = 0; n < 300; n++) {
      const cp = Math.floor(r() * 0xffff);
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const hex = cp.toString(16);
      expect(one(`"\\u${hex.padStart(4, "0")}"`).text).toBe(String.fromCharCode(cp));
      expect(one(`"\\x${hex}"`).text).toBe(String.fromCharCode(cp));
      // \x stops after 4 digits: the rest is text.
      expect(one(`"\\x${hex.padStart(4, "0")}A"`).text).toBe(String.fromCharCode(cp) + "A");
      const big = 0x10000 + Math.floor(r() * 0xfffff);
      expect(one(`"\\U${big.toString(16).padStart(8, "0")}"`).text).toBe(String.fromCodePoint(big));
    }
    expect(lexError(`"\\U00110000"`).message).toMatch(/\\U/);
    expect(lexError(`"\\u12"`).message).toMatch(/\\u/);
    expect(lexError(`"\\xg"`).message).toMatch(/\\x/);
  });

  it("an unknown escape is refused at the backslash", () => {
    for (const c of "cdeghijklmopqswyz8") {
      const e = lexError(`"ab\\${c}"`);
      expect(e.message, c).toContain(`'\\${c}'`);
      expect(e.pos, c).toBe(3);
    }
  });

  it("verbatim strings: doubled quotes, backslashes and newlines kept as written", () => {
    expect(one(`@"a""b"`)).toMatchObject({ kind: "string", text: 'a"b', verbatim: true });
    expect(one(`@"c:\\temp\\n"`).text).toBe("c:\\temp\\n");
    expect(one(`@"x\r\ny"`).text).toBe("x\r\ny");
  });

  it("errors: unterminated, newline in a regular string, empty or long chars", () => {
    expect(lexError(`x + "abc`)).toMatchObject({ pos: 4 });
    expect(lexError(`"a\nb"`).message).toMatch(/Newline/);
    expect(lexError(`@"abc`).message).toMatch(/Unterminated verbatim/);
    expect(lexError(`''`).message).toMatch(/character literal/);
    expect(lexError(`'ab'`).message).toMatch(/Too many characters/);
  });
});

describe("C# lexer: interpolated strings", () => {
  const holeText = (src: string, t: Token) => t.holes!.map((h) => src.slice(h.start, h.end));

  it("text parts and holes alternate; '{{' and '}}' are literal braces", () => {
    const src = `$"a{x}b{{c}}{y}"`;
    const t = one(src);
    expect(t.kind).toBe("interp");
    expect(t.parts).toEqual(["a", "b{c}", ""]);
    expect(holeText(src, t)).toEqual(["x", "y"]);
  });

  it("holes with nested braces, nested strings and parenthesised conditionals end at the right '}'", () => {
    const cases: [string, string][] = [
      [`$"{new { a = 1 }.a}"`, "new { a = 1 }.a"],
      [`$"{("}")}"`, `("}")`],
      [`$"{'}'}"`, `'}'`],
      [`$"{(a ? b : c)}"`, "(a ? b : c)"],
      [`$"{d["k"]}"`, `d["k"]`],
      [`$"{$"{x}"}"`, `$"{x}"`],
      [`$"{f(x => new[] { 1 })}"`, `f(x => new[] { 1 })`],
    ];
    for (const [src, hole] of cases) expect(holeText(src, one(src)), src).toEqual([hole]);
  });

  it("alignment and format specifiers (format may hold '-', ':' and spaces; empty is allowed)", () => {
    const cases: [string, string, string | undefined, string | undefined][] = [
      [`$"{x:N2}"`, "x", undefined, "N2"],
      [`$"{x,-5}"`, "x", "-5", undefined],
      [`$"{x,8:D3}"`, "x", "8", "D3"],
      [`$"{d:yyyy-MM-dd HH:mm:ss}"`, "d", undefined, "yyyy-MM-dd HH:mm:ss"],
      [`$"{x:}"`, "x", undefined, ""],
      [`$"{(a ? 1 : 2):0.00}"`, "(a ? 1 : 2)", undefined, "0.00"],
    ];
    for (const [src, expr, align, format] of cases) {
      const h = one(src).holes![0]!;
      expect(src.slice(h.start, h.end), src).toBe(expr);
      expect(h.alignStart === undefined ? undefined : src.slice(h.alignStart, h.alignEnd), src).toBe(align);
      expect(h.format, src).toBe(format);
    }
  });

  it("verbatim interpolated ($@) keeps newlines and doubled quotes; @$ is C# 8 (too new)", () => {
    const t = one(`$@"a""{x}\n"`);
    expect(t).toMatchObject({ kind: "interp", verbatim: true, parts: ['a"', "\n"] });
    const e = lexError(`@$"{x}"`);
    expect(e.tooNew).toBe(true);
  });

  it("errors: a lone '}', an unterminated string, a newline in a regular one", () => {
    expect(lexError(`$"a}b"`).message).toMatch(/'}' character must be escaped/);
    expect(lexError(`$"a{x"`).message).toMatch(/Unterminated/);
    expect(lexError(`$"a{x}`).message).toMatch(/Unterminated interpolated/);
    expect(lexError(`$"a\n{x}"`).message).toMatch(/Newline/);
  });
});

describe("C# lexer: errors reach diagnostics with code, line and column", () => {
  it("an error on a later line of an expression maps to that line and column", () => {
    // Document: a prefix line, then the expression whose third line has a bad escape.
    const prefix = "<policies>\n  <x a=\"";
    const src = `@{\n  var a = 1;\n    return "\\q";\n}`;
    const r = compile(src, "any", prefix);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.severity === "error")!;
    expect(d.code).toMatch(/^APIMC3\d{3}$/);
    expect(d).toMatchObject({ line: 4, column: 13 });
  });

  it("C# 8+ syntax the lexer recognises is APIMC3002 (too new), other lexical errors are not", () => {
    const tooNew = compile(`@(@$"{1}")`).diagnostics[0]!;
    const bad = compile(`@("\\q")`).diagnostics[0]!;
    expect(tooNew.code).toBe("APIMC3002");
    expect(bad.code).not.toBe("APIMC3002");
    expect(bad.code).toMatch(/^APIMC3\d{3}$/);
    expect(bad.column).toBe(4);
  });
});

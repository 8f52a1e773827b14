// The JSON reader and writer of runtime/dotnet/newtonsoft.ts against the per-character
// implementations they replaced (kept below as oracles): the same token trees (types Integer vs
// Float, values, names, parents), the same errors, and the same text.
import { describe, expect, it } from "vitest";
import { pick, rng } from "../helpers/rng.js";
import { JArray, JObject, JProperty, JToken, JValue, jsonQuote, jsonSerialize, parseJson, toJToken } from "../../runtime/dotnet/newtonsoft.js";
import { fmtRoundTrip } from "../../runtime/dotnet/number-format.js";

const TT = { Object: 1, Array: 2, Property: 4, Integer: 6, Float: 7, String: 8, Boolean: 9, Null: 10, Undefined: 11 };

// ---- oracle reader (the previous implementation, apart from its imports and arrays as Json.NET reads them) -
function readerError(msg: string, pos: number, text: string): Error {
  let line = 1;
  let col = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 0;
    } else col++;
  }
  // (session 25: past the first line Json.NET counts the position from the line feed, one more)
  return new Error(`${msg} Path '', line ${line}, position ${line > 1 ? col + 1 : col}.`);
}
function parseRef(text: string): JToken {
  let i = 0;
  const n = text.length;
  const ws = () => {
    for (;;) {
      while (i < n && /[\s\ufeff]/.test(text[i]!)) i++;
      if (text.startsWith("//", i)) {
        while (i < n && text[i] !== "\n") i++;
      } else if (text.startsWith("/*", i)) {
        const e = text.indexOf("*/", i + 2);
        if (e < 0) throw readerError("Unexpected end while parsing comment.", i, text);
        i = e + 2;
      } else return;
    }
  };
  const str = (q: string): string => {
    i++;
    let s = "";
    for (;;) {
      if (i >= n) throw readerError("Unterminated string. Expected delimiter: " + q + ".", i, text);
      const c = text[i++]!;
      if (c === q) return s;
      if (c === "\\") {
        const e = text[i++];
        switch (e) {
          case "n":
            s += "\n";
            break;
          case "r":
            s += "\r";
            break;
          case "t":
            s += "\t";
            break;
          case "b":
            s += "\b";
            break;
          case "f":
            s += "\f";
            break;
          case "u": {
            const h = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) throw readerError("Invalid Unicode escape sequence.", i, text);
            s += String.fromCharCode(parseInt(h, 16));
            i += 4;
            break;
          }
          case '"':
          case "'":
          case "\\":
          case "/":
            s += e;
            break;
          default:
            throw readerError(`Bad JSON escape sequence: \\${e}.`, i, text);
        }
      } else s += c;
    }
  };
  const value = (): JToken => {
    ws();
    if (i >= n) throw readerError("Unexpected end of content while loading JObject.", i, text);
    const c = text[i]!;
    if (c === "{") {
      i++;
      const o = new JObject();
      ws();
      if (text[i] === "}") {
        i++;
        return o;
      }
      for (;;) {
        ws();
        let name: string;
        if (text[i] === '"' || text[i] === "'") name = str(text[i]!);
        else {
          const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
          if (!m) throw readerError(`Invalid property identifier character: ${text[i] ?? ""}.`, i, text);
          name = m[0];
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
    if (c === "[") {
      i++;
      const a = new JArray();
      // (Json.NET's arrays: comments are Comment items, a comma where a value belongs an Undefined item)
      const wsItems = () => {
        for (;;) {
          while (i < n && /[\s\ufeff]/.test(text[i]!)) i++;
          if (text.startsWith("//", i)) {
            const s = i + 2;
            while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
            a.Add(JValue.comment(text.slice(s, i)));
          } else if (text.startsWith("/*", i)) {
            const e = text.indexOf("*/", i + 2);
            if (e < 0) throw readerError("Unexpected end while parsing comment.", i, text);
            a.Add(JValue.comment(text.slice(i + 2, e)));
            i = e + 2;
          } else return;
        }
      };
      wsItems();
      if (text[i] === "]") {
        i++;
        return a;
      }
      for (;;) {
        a.Add(text[i] === "," ? JValue.undefinedValue() : value());
        wsItems();
        if (text[i] === ",") {
          i++;
          wsItems();
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
    if (c === '"' || c === "'") return new JValue(TT.String, str(c));
    const m = /^(-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|true|false|null|undefined|NaN|-?Infinity)/.exec(text.slice(i, i + 400));
    if (!m) throw readerError(`Unexpected character encountered while parsing value: ${c}.`, i, text);
    i += m[0].length;
    const tok = m[0];
    if (tok === "true" || tok === "false") return new JValue(TT.Boolean, tok === "true");
    if (tok === "null") return JValue.null();
    if (tok === "undefined") return new JValue(TT.Undefined, null);
    if (tok === "NaN") return new JValue(TT.Float, NaN);
    if (tok.endsWith("Infinity")) return new JValue(TT.Float, tok.startsWith("-") ? -Infinity : Infinity);
    if (/[.eE]/.test(tok)) return new JValue(TT.Float, Number(tok));
    // integers are exact: a number while safe, a BigInt beyond (as runtime/dotnet/long.ts keeps longs)
    const b = tok.replace("-", "").length > 15 ? BigInt(tok) : null;
    return new JValue(TT.Integer, b === null || (b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER)) ? Number(tok) : b);
  };
  const root = value();
  // (session 25: Json.NET reads one token after the content, and a comment ends it)
  while (i < n && /[\s\ufeff]/.test(text[i]!)) i++;
  if (text.startsWith("//", i) || text.startsWith("/*", i)) {
    ws();
    return root;
  }
  if (i < n) throw readerError("Additional text encountered after finished reading JSON content: " + text[i] + ".", i, text);
  return root;
}

// ---- oracle writer --------------------------------------------------------------------------------
function quoteRef(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) {
      const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
      out += named[ch] ?? `\\u${c.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}
function doubleRef(n: number): string {
  if (!Number.isFinite(n)) return quoteRef(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  const s = fmtRoundTrip(n);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}
function writeRef(t: JToken, indented: boolean, indent: string): string {
  const nl = indented ? "\r\n" : "";
  const inner = indented ? `${indent}  ` : "";
  if (t instanceof JValue) {
    const x = t.Value;
    switch (t.Type) {
      case TT.Null:
        return "null";
      // Newtonsoft's JsonWriter.WriteUndefined (the oracle wrote null; recorded from Mono: jtoken.undefined.parse)
      case TT.Undefined:
        return "undefined";
      case TT.String:
        return x === null ? "null" : quoteRef(x as string);
      case TT.Boolean:
        return x ? "true" : "false";
      case TT.Integer:
        return typeof x === "bigint" ? x.toString() : Math.abs(x as number) >= 2 ** 53 ? BigInt(x as number).toString() : String(x);
      case TT.Float:
        return doubleRef(x as number);
    }
    throw new Error("unexpected token type in the oracle");
  }
  if (t instanceof JProperty) return `${quoteRef(t.Name)}:${indented ? " " : ""}${writeRef(t.Value, indented, indent)}`;
  if (t instanceof JObject) {
    const ps = t.Properties();
    if (ps.length === 0) return "{}";
    return `{${nl}${ps.map((p) => `${inner}${quoteRef(p.Name)}:${indented ? " " : ""}${writeRef(p.Value, indented, inner)}`).join(`,${nl}`)}${nl}${indent}}`;
  }
  if (t instanceof JArray) {
    if (t.items.length === 0) return "[]";
    return `[${nl}${t.items.map((c) => `${inner}${writeRef(c, indented, inner)}`).join(`,${nl}`)}${nl}${indent}]`;
  }
  return "";
}

// ---- comparison ------------------------------------------------------------------------------------
/** The tree as text, checking every parent link on the way. */
function dump(t: JToken, parent: JToken | null): string {
  if (t.Parent !== parent) throw new Error("wrong Parent link");
  if (t instanceof JObject) return `{${t.Properties().map((p) => `${JSON.stringify(p.Name)}:${dump(p, t)}`).join(",")}}`;
  if (t instanceof JProperty) return dump(t.Value, t);
  if (t instanceof JArray) return `[${t.items.map((c) => dump(c, t)).join(",")}]`;
  const v = (t as JValue).Value;
  const shown = typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : JSON.stringify(v);
  return `${t.Type}:${shown}`;
}
function outcome(f: () => JToken): string {
  try {
    return dump(f(), null);
  } catch (e) {
    // where it fails; the message itself (with the reader's Path, and the end-of-content wording
    // session 25 took from Json.NET) is the differential suite's to check against the reference
    const where = / line \d+, position \d+\.$/.exec((e as Error).message);
    return `throws at${where ? where[0] : ` ${(e as Error).message}`}`;
  }
}

const NUMBERS = ["0", "-0", "1", "-1", "007", "1.", "1.0", "1.50", ".5", "-.5", "1e5", "1E+5", "1e-5", "2.5e3", "1e", "1e+", "-", "-x", "123456789012345", "1234567890123456", "9007199254740993", "-9223372036854775808", "12345678901234567890123", "0.1", "3.14159265358979", "1.7976931348623157e308", "5e-324", "NaN", "Infinity", "-Infinity", "undefined", "true", "false", "null", "tru"];
const STRINGS = ['""', '"a"', "'single'", '"it\'s"', "'say \"hi\"'", '"esc \\n\\t\\"\\\\\\/"', '"\\u00e9\\u20AC"', '"\\u00g1"', '"\\x"', '"raw\ttab"', '"\u2028"', '"unterminated', '"end\\', "'\\''"];
const NAMES = ['"a"', '"b"', "'c'", "id", "$x", "_y1", '"a b"', '"0"', '"__proto__"', "1bad", '"\\"q"', '"a"'];
const WS = ["", "", " ", "\n", "\r\n  ", "\t", "\u00a0", "\ufeff", "/* c */", "// line\n", "/* open"];

function gen(r: () => number, depth: number): string {
  const w = () => pick(r, WS);
  const k = r();
  if (depth > 3 || k < 0.45) return k < 0.25 ? pick(r, NUMBERS) : pick(r, STRINGS);
  if (k < 0.75) {
    const parts: string[] = [];
    const m = Math.floor(r() * 4);
    for (let i = 0; i < m; i++) parts.push(`${w()}${pick(r, NAMES)}${w()}:${w()}${gen(r, depth + 1)}${w()}`);
    return `{${parts.join(",")}${r() < 0.1 ? "," : ""}${w()}}`;
  }
  const parts: string[] = [];
  const m = Math.floor(r() * 4);
  for (let i = 0; i < m; i++) parts.push(`${w()}${gen(r, depth + 1)}${w()}`);
  return `[${parts.join(",")}${r() < 0.1 ? "," : ""}${w()}]`;
}

const FIXED = [
  '{"id":42,"status":"shipped","lines":[{"sku":"a-1","qty":2},{"sku":"b-7","qty":1}],"note":"hello from the backend"}',
  '{"customer":{"id":"c-9","name":"Ann"},"items":[{"qty":2,"price":9.5},{"qty":1,"price":20.25},{"qty":3,"price":1.5}],"note":"rush"}',
  '{"a":1,"b":2.0,"a":3}',
  '{"a":"s","b":1.5,"a":2}',
  '{"2":1,"1":2,"x":3}',
  "{a:1,'b':2,}",
  "[1,2,]",
  "[1-2]",
  "[1,,2]",
  "{}",
  "[]",
  " \ufeff{ } ",
  "{} x",
  "",
  "   ",
  "{",
  "[",
  '{"a"}',
  '{"a":}',
  '{"a":1 "b":2}',
  "5",
  "-5.25e-3",
  '"just a string"',
  "// only a comment",
  "/* c */ [1] // trailing",
];

describe("JSON reader", () => {
  it.each(FIXED.map((t) => [JSON.stringify(t), t] as const))("%s parses as before", (_n, text) => {
    expect(outcome(() => parseJson(text))).toBe(outcome(() => parseRef(text)));
  });
  it("generated documents (valid and invalid, lenient forms) parse as before", () => {
    const r = rng(2024);
    for (let k = 0; k < 3000; k++) {
      const text = gen(r, 0);
      expect(outcome(() => parseJson(text)), text).toBe(outcome(() => parseRef(text)));
    }
  });
  it("keeps Integer and Float apart and reads long integers exactly", () => {
    const o = parseJson('{"i":1,"f":1.0,"e":1e2,"n":-0,"big":9007199254740993,"neg":-1234567890123456789}') as JObject;
    expect((o.Item("i") as JValue).Type).toBe(TT.Integer);
    expect((o.Item("f") as JValue).Type).toBe(TT.Float);
    expect((o.Item("e") as JValue).Type).toBe(TT.Float);
    expect(Object.is((o.Item("n") as JValue).Value, -0)).toBe(true);
    expect((o.Item("big") as JValue).Value).toBe(9007199254740993n);
    expect((o.Item("neg") as JValue).Value).toBe(-1234567890123456789n);
    expect(o.ToString(0)).toBe('{"i":1,"f":1.0,"e":100.0,"n":0,"big":9007199254740993,"neg":-1234567890123456789}');
  });
  it("integers of any length are exact (a number while safe, else a BigInt)", () => {
    const r = rng(77);
    for (let k = 0; k < 5000; k++) {
      let tok = String(1 + Math.floor(r() * 9));
      const len = 1 + Math.floor(r() * 24);
      for (let i = 1; i < len; i++) tok += String(Math.floor(r() * 10));
      if (r() < 0.3) tok = `-${tok}`;
      const v = parseJson(`[${tok}]`) as JArray;
      const b = BigInt(tok);
      expect((v.items[0] as JValue).Value, tok).toBe(b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(tok) : b);
      expect((v.items[0] as JValue).Type).toBe(TT.Integer);
    }
  });
  it("duplicate names keep the first position and the last value; integer-like names keep document order", () => {
    expect((parseJson('{"a":1,"b":2.5,"a":"x"}') as JObject).ToString(0)).toBe('{"a":"x","b":2.5}');
    expect((parseJson('{"2":1,"1":2}') as JObject).ToString(0)).toBe('{"2":1,"1":2}');
  });
});

describe("JSON writer", () => {
  it("writes every generated document as before, indented and not", () => {
    const r = rng(99);
    let written = 0;
    for (let k = 0; k < 3000; k++) {
      const text = gen(r, 0);
      let t: JToken;
      try {
        t = parseRef(text);
      } catch {
        continue;
      }
      // (comments in arrays, which Json.NET keeps, are written by rules of their own: the jconstructor differential cases)
      if (t instanceof JArray || t instanceof JObject ? t.Descendants().some((d) => d.Type === 5) : false) continue;
      written++;
      expect(t.ToString(0), text).toBe(writeRef(t, false, ""));
      expect(t.ToString(1), text).toBe(writeRef(t, true, ""));
    }
    expect(written).toBeGreaterThan(500);
  });
  it("writes doubles as the R format does (with .0 when integral)", () => {
    const r = rng(5);
    const xs: number[] = [0, -0, 1, -1, 0.1, 0.0001, 0.00009999, 0.00010001, 1e-5, 1e15, 1e16, 1e17 - 16, 1e17, 1.5e17, 123456789012345.6, 1234567890123456.7, 0.30000000000000004, 1 / 3, 2 / 3, 43.75, 9.5, 20.25, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 100, 1200, 0.5, 99999999999999.99];
    for (let k = 0; k < 20000; k++) {
      const kind = k % 4;
      if (kind === 0) {
        const b = new DataView(new ArrayBuffer(8));
        b.setUint32(0, Math.floor(r() * 2 ** 32));
        b.setUint32(4, Math.floor(r() * 2 ** 32));
        xs.push(b.getFloat64(0));
      } else if (kind === 1) xs.push(Math.round(r() * 10 ** Math.floor(r() * 8)) / 10 ** Math.floor(r() * 8));
      else if (kind === 2) xs.push((r() - 0.5) * 10 ** Math.floor(r() * 40 - 20));
      else xs.push(Number((r() * 1000).toPrecision(1 + Math.floor(r() * 17))));
    }
    for (const x of xs) expect(new JValue(TT.Float, x).ToString(0), String(x)).toBe(doubleRef(x));
    for (const x of [NaN, Infinity, -Infinity]) expect(new JValue(TT.Float, x).ToString(0)).toBe(doubleRef(x));
  });
  it("quotes strings as before", () => {
    const samples = ["", "plain", 'q"q', "b\\s", "\n\r\t\b\f", "\u0000\u0001\u001f", "\u0085\u2028\u2029", "é€😀", "mixed \"x\"\n\u0085 end"];
    for (const s of samples) expect(jsonQuote(s)).toBe(quoteRef(s));
    expect(jsonQuote(null)).toBe('""');
  });
  it("quotes generated strings as before, short and long, with every control char, quotes, U+0085/2028/2029 and surrogates (paired and lone)", () => {
    const r = rng(4711);
    const alphabet: string[] = ["a", "Z", "0", " ", "/", "'", '"', "\\", "\u007f", "\u00e9", "\u0085", "\u2028", "\u2029", "\u20ac", "\ud83d\ude00", "\ud83d", "\ude00"];
    for (let c = 0; c < 0x20; c++) alphabet.push(String.fromCharCode(c));
    for (let k = 0; k < 6000; k++) {
      const len = Math.floor(r() * (k % 2 === 0 ? 40 : 120));
      // mostly plain text with a few specials, as real values are
      let t = "";
      for (let i = 0; i < len; i++) t += r() < 0.8 ? pick(r, ["a", "b", " ", "x", "-"]) : pick(r, alphabet);
      expect(jsonQuote(t), JSON.stringify(t)).toBe(quoteRef(t));
    }
  });
  it("serializes values without tokens exactly as through toJToken", () => {
    const inner = parseJson('{"k":[1,2.5]}');
    const owned = new JObject();
    owned.SetItem("child", parseJson("[true]"));
    const values: unknown[] = [
      "s",
      "",
      'q"\n',
      true,
      false,
      0,
      -0,
      1,
      -17,
      1.5,
      0.1 + 0.2,
      1e21,
      2 ** 60,
      NaN,
      Infinity,
      -Infinity,
      {},
      { a: 1, b: "x", c: null, d: undefined, e: { f: [1, "two", { g: 3.25 }] } },
      { $hidden: 1, shown: 2 },
      { only$later: 1, $x: 2 },
      { "2": "int-like", a: 1 },
      { tok: inner, owned: owned.Item("child") },
      { bytes: new Uint8Array([1, 2, 3]) },
      { list: [1, 2], set: new Set(["a"]), map: new Map([["k", 1]]) },
      [1, { a: 2 }],
      new Uint8Array([255]),
    ];
    for (const v of values)
      for (const f of [0, 1]) {
        const via = toJToken(v, true).ToString(f);
        expect(jsonSerialize(v, f), `${String(v)} formatting ${f}`).toBe(via);
      }
    expect(jsonSerialize(null, 0)).toBe("null");
  });
  it("serializes anonymous objects as before", () => {
    expect(jsonSerialize({ typ: "JWT", alg: "HS256" }, 0)).toBe('{"typ":"JWT","alg":"HS256"}');
    expect(jsonSerialize({ exp: 1700000000, username: "john_doe", f: 1.5, n: null, b: true, a: [1, "x"] }, 0)).toBe('{"exp":1700000000,"username":"john_doe","f":1.5,"n":null,"b":true,"a":[1,"x"]}');
    expect(jsonSerialize({ o: { p: 1 } }, 1)).toBe('{\r\n  "o": {\r\n    "p": 1\r\n  }\r\n}');
  });
});

// The fast paths in runtime/dotnet/string.ts and encoding.ts against the straightforward
// implementations they replaced (kept here as oracles), on generated and edge-case inputs.
import { describe, expect, it } from "vitest";
import { rng } from "../helpers/rng.js";
import { strJoin, strReplace, strSplit, strTrim } from "../../runtime/dotnet/string.js";
import { Encoding } from "../../runtime/dotnet/encoding.js";
import { toStr } from "../../runtime/dotnet/text-format.js";

// ---- oracles (the previous implementations) -----------------------------------------------------
function splitRef(s: string, seps: readonly (number | string)[] | null, options = 0, count = 2147483647): string[] {
  const removeEmpty = (options & 1) !== 0;
  const strs = (seps ?? []).map((x) => (typeof x === "number" ? String.fromCharCode(x) : x)).filter((x) => x !== null && x !== "");
  const parts: string[] = [];
  if (count === 0) return [];
  let start = 0;
  let i = 0;
  // (whitespace only for a null or empty separator array: [""] does not split, as .NET's MakeSeparatorList)
  const ws = seps === null || seps.length === 0;
  while (i < s.length) {
    let matchLen = 0;
    if (ws) {
      if (/\s/.test(s[i]!)) matchLen = 1;
    } else {
      for (const sep of strs)
        if (s.startsWith(sep, i)) {
          matchLen = sep.length;
          break;
        }
    }
    if (matchLen > 0) {
      const piece = s.slice(start, i);
      if (!(removeEmpty && piece === "")) {
        if (parts.length === count - 1) break;
        parts.push(piece);
      }
      i += matchLen;
      start = i;
    } else i++;
  }
  const last = s.slice(start);
  if (!(removeEmpty && last === "")) parts.push(last);
  return parts;
}
function trimRef(s: string, chars: number[] | null, which: number): string {
  const set = chars && chars.length ? new Set(chars) : null;
  const isTrim = (c: number) => (set ? set.has(c) : /[\s\u0085\u00a0\ufeff]/.test(String.fromCharCode(c)));
  let a = 0;
  let b = s.length;
  if (which & 1) while (a < b && isTrim(s.charCodeAt(a))) a++;
  if (which & 2) while (b > a && isTrim(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

const ALPHABET = ["a", "b", ",", ",", "/", " ", "\t", "\u00a0", "\u0085", "\ufeff", "\u2028", "ab", "$", "é", "\ud83d\ude00", "\ud800"];
function strings(seed: number, n: number): string[] {
  const r = rng(seed);
  const out = ["", ",", ",,", "a", "a,", ",a", "a,,b", " a b ", "\u00a0x\u00a0"];
  for (let k = 0; k < n; k++) {
    let s = "";
    const len = Math.floor(r() * 12);
    for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}

describe("String.Split fast path", () => {
  const inputs = strings(7, 400);
  const sepSets: (number | string)[][] = [[44], [47], [","], [",,"], ["ab"], [32], ["\ud83d\ude00"]];
  it.each(sepSets.map((s) => [JSON.stringify(s), s] as const))("one separator %s agrees with the general loop", (_n, seps) => {
    for (const s of inputs)
      for (const options of [0, 1])
        for (const count of [2147483647, 1, 2, 3])
          expect(strSplit(s, seps, options, count), `${JSON.stringify(s)} opts ${options} count ${count}`).toEqual(splitRef(s, seps, options, count));
  });
  it("several separators and whitespace splitting are unchanged", () => {
    for (const s of inputs)
      for (const seps of [null, [], [44, 47], [",", "ab"], [""]])
        for (const options of [0, 1]) expect(strSplit(s, seps, options)).toEqual(splitRef(s, seps, options));
  });
  it("count 0 gives an empty array; a negative count throws", () => {
    expect(strSplit("a,b", [44], 0, 0)).toEqual([]);
    expect(() => strSplit("a,b", [44], 0, -1)).toThrow();
  });
  it("examples", () => {
    expect(strSplit("/v2/orders//42/", [47], 1)).toEqual(["v2", "orders", "42"]);
    expect(strSplit("/v2/orders//42/", [47], 0)).toEqual(["", "v2", "orders", "", "42", ""]);
    expect(strSplit("api.contoso.com", [46])).toEqual(["api", "contoso", "com"]);
    expect(strSplit("", [44])).toEqual([""]);
    expect(strSplit("", [44], 1)).toEqual([]);
    expect(strSplit("a,b,c", [44], 0, 2)).toEqual(["a", "b,c"]);
  });
});

describe("String.Trim fast path", () => {
  it("agrees with the general test on every char set and side", () => {
    for (const s of strings(11, 300).concat(["//a//", "/", "", "\u3000x\u3000", "\u200bx"]))
      for (const chars of [null, [], [47], [47, 32], [0xa0]])
        for (const which of [1, 2, 3]) expect(strTrim(s, chars, which), JSON.stringify([s, chars, which])).toBe(trimRef(s, chars, which));
  });
});

describe("String.Replace", () => {
  const cases: [string, string, string | null][] = [
    ["Hello", "l", "L"],
    ["Hello", "x", "L"],
    ["Hello", "l", null],
    ["a+b/c=", "+", "-"],
    ["a+b/c==", "=", ""],
    ["aaa", "aa", "b"],
    ["a.b", ".", "$&"],
    ["a.b", ".", "$1$$'"],
    ["x", "x", "$`"],
    ["\ud83d\ude00x", "\ud83d", "?"],
  ];
  it.each(cases)("%j.Replace(%j, %j) is split/join", (s, o, n) => {
    expect(strReplace(s, o, n)).toBe(s.split(o).join(n ?? ""));
  });
  it("agrees with split/join on generated strings", () => {
    for (const s of strings(3, 400))
      for (const o of [",", "a", "ab", ",,", "\ud83d", "$", " "])
        for (const n of ["", "-", "$&", "xyz", null]) expect(strReplace(s, o, n), JSON.stringify([s, o, n])).toBe(s.split(o).join(n ?? ""));
  });
  it("returns the same string when nothing matches, and rejects null/empty oldValue", () => {
    const s = "no match here";
    expect(strReplace(s, "zz", "y")).toBe(s);
    expect(() => strReplace(s, null, "y")).toThrow();
    expect(() => strReplace(s, "", "y")).toThrow();
  });
});

describe("String.Join over arrays", () => {
  it("formats items with toStr and uses the separator between them", () => {
    const items: unknown[] = ["a", null, 1, 1.5, true, "", undefined];
    expect(strJoin("-", items)).toBe(items.map(toStr).join("-"));
    expect(strJoin(null, ["a", "b"])).toBe("ab");
    expect(strJoin(",", [])).toBe("");
    expect(strJoin(",", new Set(["x", "y"]))).toBe("x,y");
    expect(strJoin(",", "abc")).toBe("a,b,c");
  });
});

describe("Encoding", () => {
  const te = new TextEncoder();
  const samples = ['{"typ":"JWT","alg":"HS256"}', "", "héllo", "\ud83d\ude00", "lone \ud800 high", "lone \udc00 low", "x".repeat(63) + "é", "y".repeat(65), "z".repeat(200) + "\u20ac", "\u0000\u007f\u0080"];
  it("UTF8.GetBytes is WHATWG UTF-8 (U+FFFD for lone surrogates) and a plain Uint8Array", () => {
    for (const s of samples) {
      const b = Encoding.UTF8.GetBytes(s);
      expect(Object.getPrototypeOf(b), JSON.stringify(s)).toBe(Uint8Array.prototype);
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.length);
      expect(Array.from(b)).toEqual(Array.from(te.encode(s)));
    }
  });
  it("UTF8.GetString keeps a byte order mark as U+FEFF", () => {
    expect(Encoding.UTF8.GetString(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("\ufeffA");
  });
  it("UTF8 round trip", () => {
    for (const s of samples) expect(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s))).toBe(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
  });
  it("ASCII and Latin1 replace each UTF-16 unit they cannot encode with '?' (a surrogate pair gives two)", () => {
    const ascii = (s: string) => Uint8Array.from(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)), (c) => (c < 128 ? c : 63));
    const latin1 = (s: string) => Uint8Array.from(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)), (c) => (c < 256 ? c : 63));
    expect(Array.from(Encoding.ASCII.GetBytes("a\ud83d\ude00b"))).toEqual([97, 63, 63, 98]);
    for (const s of samples.concat(["\ud83d\ud83d\ude00", "\ude00\ud83d"])) {
      expect(Array.from(Encoding.ASCII.GetBytes(s)), JSON.stringify(s)).toEqual(Array.from(ascii(s)));
      expect(Array.from(Encoding.Latin1.GetBytes(s)), JSON.stringify(s)).toEqual(Array.from(latin1(s)));
    }
    expect(Encoding.ASCII.GetString(new Uint8Array([72, 200, 105]))).toBe("H?i");
    const bytes = new Uint8Array([0, 65, 0xe9, 0xff, 0]).subarray(1, 4);
    expect(Encoding.Latin1.GetString(bytes)).toBe("A\u00e9\u00ff");
  });
  it("null arguments throw ArgumentNullException", () => {
    expect(() => Encoding.UTF8.GetBytes(null)).toThrow(/ArgumentNull|null/i);
    expect(() => Encoding.UTF8.GetString(null)).toThrow(/ArgumentNull|null/i);
  });
});

// The linear-time regex engine (issue 17) against V8's backtracking engine on the same translated
// patterns: a matrix of .NET patterns (anchors, classes, groups, named groups, options, quantifiers,
// Unicode) × generated inputs must give the same IsMatch/Match/Matches/Replace/Split answers; patterns
// with backreferences or lookaround must stay on V8.
import { describe, expect, it } from "vitest";
import { Regex } from "../../runtime/dotnet/regex.js";

const IGNORE_CASE = 1;
const MULTILINE = 2;
const SINGLELINE = 16;
const ECMASCRIPT = 256;

const LINEAR: [string, number][] = [
  ["^(a+)+$", 0],
  ["^(a|aa)+$", 0],
  [String.raw`\d+`, 0],
  [String.raw`(\w+)\s(\w+)`, 0],
  [String.raw`max-age=(?<a>\d+)`, 0],
  [String.raw`^Bearer\s+(?<token>\S+)$`, IGNORE_CASE],
  [String.raw`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}$`, 0],
  ["^a.c$", 0],
  ["^a.c$", SINGLELINE],
  ["^b$", MULTILINE],
  [String.raw`\Aab\z`, 0],
  [String.raw`ab\Z`, 0],
  ["(?<x>a)|(?<x>b)|(c)", 0],
  ["(?<2>a)(b)", 0],
  [String.raw`[^\s,]+`, 0],
  [String.raw`\p{Lu}\p{Ll}*`, 0],
  [String.raw`[\w-]+`, ECMASCRIPT],
  [String.raw`\u00e9+|\x41`, IGNORE_CASE],
  ["a*?b|a{2,3}", 0],
  ["(?:ab)*c?", 0],
  ["x*", 0],
  ["(?i)abc", 0],
  [String.raw`(?<year>\d{4})-(?<month>\d{2})`, 0],
  ["[😀a]b", 0],
];
const BACKTRACKING: [string, number][] = [
  [String.raw`(a)\1`, 0],
  [String.raw`(?<q>['"]).*?\k<q>`, 0],
  [String.raw`\bword\b`, 0],
  ["a(?=b)", 0],
  ["(?<!x)y", 0],
];

const ALPHABET = ["a", "b", "c", "A", "B", " ", "\n", "-", ",", "1", "2", "!", "é", "É", "😀", "x", "y", "@", ".", "\t", "\u00a0", "\u0085"];
function inputs(seed: number, count: number): string[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const out = ["", "a", "aaaa!", "ab\n", "b\nb\n", "abc", "Bearer abc.def", "max-age=300", "2024-05-06", "john.doe@example.com", "John Smith"];
  for (let k = 0; k < count; k++) {
    let t = "";
    const len = Math.floor(rnd() * 12);
    for (let j = 0; j < len; j++) t += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    out.push(t);
  }
  return out;
}

/** Everything observable about a regex on one input. */
function observe(r: Regex, input: string): unknown {
  const m = r.Match(input);
  return {
    isMatch: r.IsMatch(input),
    match: [m.Success, m.Index, m.Value, [...m.Groups].map((g) => [g.Name, g.Success, g.Index, g.Value])],
    matches: r.Matches(input).map((x) => [x.Index, x.Value]),
    replace: r.Replace(input, "<$0|$1>"),
    split: r.Split(input),
  };
}
function onV8(pattern: string, opts: number): Regex {
  const r = new Regex(pattern, opts);
  (r as unknown as { linear: unknown }).linear = null;
  return r;
}
const isLinear = (r: Regex) => (r as unknown as { linear: unknown }).linear !== null;

describe("the linear-time regex engine", () => {
  it.each(LINEAR)("%s (options %i) runs linear and answers as V8 does on generated inputs", (pattern, opts) => {
    const r = new Regex(pattern, opts);
    expect(isLinear(r)).toBe(true);
    const v8 = onV8(pattern, opts);
    for (const input of inputs(pattern.length * 31 + opts, 300)) {
      expect(observe(r, input), JSON.stringify({ pattern, input })).toEqual(observe(v8, input));
    }
  });

  it.each(BACKTRACKING)("%s (options %i) needs backtracking and stays on V8", (pattern, opts) => {
    expect(isLinear(new Regex(pattern, opts))).toBe(false);
  });

  it("a non-multiline $ before a final newline (an input V8 must answer) gives .NET's answer", () => {
    const r = new Regex("^(a+)+$", 0);
    expect(r.IsMatch("aaa\n")).toBe(true);
    expect(r.Match("aaa\n").Value).toBe("aaa");
  });

  it("^(a+)+$ stays fast on catastrophic inputs up to 100,000 characters", () => {
    const r = new Regex("^(a+)+$", 0);
    for (const n of [16, 26, 40, 1000, 100_000]) {
      const t = performance.now();
      expect(r.IsMatch("a".repeat(n) + "!")).toBe(false);
      expect(r.Match("a".repeat(n) + "!").Success).toBe(false);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });
});

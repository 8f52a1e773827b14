// Issue 17, the match budget: patterns that stay on V8's backtracking engine run on a helper thread
// for at most their match timeout, then throw .NET's RegexMatchTimeoutException; below the budget
// they answer exactly as V8 on the main thread does; patterns on the linear engine never use it.
import { afterAll, describe, expect, it } from "vitest";
import { Regex } from "../../runtime/dotnet/regex.js";
import { RegexMatchTimeoutException, configureRegexMatchTimeout, regexBudget, regexHelperStats, stopRegexHelper } from "../../runtime/dotnet/regex-budget.js";
import { TimeSpan } from "../../runtime/dotnet/datetime.js";
import { DotNetException } from "../../runtime/errors.js";

const ms = (n: number) => TimeSpan.fromMs(n);
const INFINITE = Regex.InfiniteMatchTimeout;

// One pattern for each reason a pattern stays on V8, each catastrophic on `hostile(n)`: V8 takes
// hours at n = 40 (2^n backtracking paths), so only the budget ends these matches.
const CATASTROPHIC: { why: string; pattern: string; hostile: (n: number) => string }[] = [
  { why: "backreference", pattern: String.raw`^(a+)+\1$`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "named backreference", pattern: String.raw`^(?<r>a+)+\k<r>$`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "lookahead", pattern: String.raw`^(?=(a+)+$)a`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "negative lookbehind", pattern: String.raw`^(a|aa)+(?<!b)$`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "\\b", pattern: String.raw`^\b(a+)+$`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "a repeat over 1000", pattern: String.raw`^(a+)+b{0,1001}$`, hostile: (n) => "a".repeat(n) + "!" },
  { why: "\\S in a class", pattern: String.raw`^(a+)+[\s\S]$`, hostile: (n) => "a".repeat(n) + "!!" },
  { why: "non-multiline $ before a final \\n", pattern: String.raw`^(a+)+$`, hostile: (n) => "a".repeat(n) + "!\n" },
];

// Generous for a loaded 2-core machine; the point is "bounded", against hours without the budget.
const SLACK_MS = 1500;

afterAll(async () => {
  configureRegexMatchTimeout(100);
  await stopRegexHelper();
});

describe("a match past its timeout throws RegexMatchTimeoutException", () => {
  for (const c of CATASTROPHIC)
    it(`${c.why}: ${c.pattern}`, () => {
      const input = c.hostile(40);
      const re = Regex.get(c.pattern, 0, ms(50));
      const started = performance.now();
      let err: unknown;
      try {
        re.IsMatch(input);
      } catch (e) {
        err = e;
      }
      const took = performance.now() - started;
      expect(err).toBeInstanceOf(RegexMatchTimeoutException);
      const ex = err as RegexMatchTimeoutException;
      expect(ex.type).toBe("System.Text.RegularExpressions.RegexMatchTimeoutException");
      expect(ex.Message).toBe(
        "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.",
      );
      expect([ex.Pattern, ex.Input, ex.MatchTimeout.ticks]).toEqual([c.pattern, input, 500_000]);
      expect(took).toBeGreaterThanOrEqual(45);
      expect(took).toBeLessThan(50 + SLACK_MS);
      // the next match (on a fresh helper) answers
      expect(re.IsMatch("aaa")).toBe(true);
      // the pattern is now suspect: the helper's own timeout stops it, the thread is not ended again
      const kills = regexHelperStats.kills;
      const t1 = performance.now();
      expect(() => re.IsMatch(c.hostile(41))).toThrow(RegexMatchTimeoutException);
      expect(performance.now() - t1).toBeLessThan(50 + SLACK_MS);
      expect(regexHelperStats.kills).toBe(kills);
      expect(re.IsMatch("aaa")).toBe(true);
    });

  it("every operation is bounded: Match, Matches, Replace (string and evaluator), Split", () => {
    const re = Regex.get(String.raw`^(a+)+\1$`, 0, ms(50));
    const input = "a".repeat(40) + "!";
    for (const op of [() => re.Match(input), () => re.Matches(input), () => re.Replace(input, "x"), () => re.Replace(input, () => "x"), () => re.Split(input)]) {
      const t0 = performance.now();
      expect(op).toThrow(RegexMatchTimeoutException);
      expect(performance.now() - t0).toBeLessThan(50 + SLACK_MS);
    }
  });

  it("the default budget applies to a Regex created without one, and 0 turns it off", () => {
    configureRegexMatchTimeout(30);
    try {
      const re = new Regex(String.raw`^(a+)+\1$`, 0);
      expect(re.MatchTimeout.ticks).toBe(300_000);
      const t0 = performance.now();
      expect(() => re.IsMatch("a".repeat(40) + "!")).toThrow(RegexMatchTimeoutException);
      expect(performance.now() - t0).toBeLessThan(30 + SLACK_MS);
      configureRegexMatchTimeout(0);
      expect(new Regex("a", 0).MatchTimeout.ticks).toBe(INFINITE.ticks);
      const jobs = regexHelperStats.jobs;
      expect(new Regex(String.raw`(a)\1`, 0).IsMatch("xaa")).toBe(true); // no budget: on this thread
      expect(regexHelperStats.jobs).toBe(jobs);
    } finally {
      configureRegexMatchTimeout(100);
    }
    expect(regexBudget.defaultMatchTimeoutMs).toBe(100);
  });

  it("the timeout is validated as .NET does: InfiniteMatchTimeout, or above zero up to Int32.MaxValue - 1 ms", () => {
    for (const bad of [TimeSpan.fromMs(0), new TimeSpan(-1), TimeSpan.fromMs(-2), TimeSpan.fromMs(2 ** 31 - 1), TimeSpan.fromMs(25 * 86_400_000)]) {
      let err: unknown;
      try {
        new Regex("a", 0, bad);
      } catch (e) {
        err = e;
      }
      expect((err as DotNetException).type).toBe("System.ArgumentOutOfRangeException");
      expect((err as DotNetException).message).toBe("Specified argument was out of the range of valid values.\r\nParameter name: matchTimeout");
    }
    // checked before the pattern is parsed (as .NET), after the null check
    expect(() => new Regex("(", 0, TimeSpan.fromMs(0))).toThrow(/matchTimeout/);
    expect(() => new Regex(null as unknown as string, 0, TimeSpan.fromMs(0))).toThrow(/pattern/);
    for (const good of [new TimeSpan(1), TimeSpan.fromMs(2 ** 31 - 2), INFINITE]) expect(new Regex("a", 0, good).MatchTimeout.ticks).toBe(good.ticks);
  });
});

// The helper runs its own copy of the matching loop: it must answer exactly as the main thread's V8
// path does (which the differential suite compares with .NET), for every operation.
// (patterns with a backreference or a lookbehind run on the .NET engine, regex-net.ts, with its own
// clock: test/unit/regex-net.test.ts; these are the ones that stay on V8)
const V8_PATTERNS: [string, number][] = [
  [String.raw`\b\w+\b`, 0],
  [String.raw`(?i)\bfoo\b`, 0],
  [String.raw`^(?!.*--)[a-z-]+$`, 0],
  [String.raw`x*(?=y)`, 0],
  [String.raw`(\w)(?=\d)`, 0],
  [String.raw`(?=(\w))\w{2}`, 0],
  [String.raw`\b(\p{L})`, 1],
  [String.raw`\B.`, 0],
  [String.raw`^.*$`, 0], // stays on V8 only for inputs ending in "\n"
  [String.raw`[\s\S]{2}(?<n>.)?`, 16],
];

function inputs(seed: number, count: number): string[] {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
  const alphabet = ["a", "b", "y", "x", "1", "2", "3", ",", "-", " ", "'", '"', "\n", "é", "Ω", "😀", "F", "O", "_", "\u0085"];
  const out = ["", "\n", "aa", "1234567", "foo FOO", "a,b,,c", "xxy"];
  while (out.length < count) {
    let t = "";
    for (let k = rnd(14); k > 0; k--) t += alphabet[rnd(alphabet.length)];
    out.push(t);
  }
  return out;
}

const view = (m: { Success: boolean; Value: string; Index: number; Groups: Iterable<{ Success: boolean; Value: string; Index: number; Name: string }> }) =>
  [m.Success, m.Value, m.Index, [...m.Groups].map((g) => [g.Name, g.Success, g.Value, g.Index])] as const;

describe("under the budget, the helper answers as V8 on this thread", () => {
  const list = inputs(22017, 120);
  for (const [pattern, opts] of V8_PATTERNS)
    it(`${pattern} (options ${opts})`, () => {
      const guarded = new Regex(pattern, opts, ms(5000));
      const direct = new Regex(pattern, opts, INFINITE);
      const jobs = regexHelperStats.jobs;
      for (const input of list) {
        expect(guarded.IsMatch(input), input).toBe(direct.IsMatch(input));
        const m = guarded.Match(input);
        expect(view(m), input).toEqual(view(direct.Match(input)));
        expect(view(m.NextMatch()), input).toEqual(view(direct.Match(input).NextMatch()));
        expect(guarded.Matches(input).map(view), input).toEqual(direct.Matches(input).map(view));
        expect(guarded.Replace(input, "<$0|$1>"), input).toBe(direct.Replace(input, "<$0|$1>"));
        expect(guarded.Replace(input, (x) => `[${x.Index}]`), input).toBe(direct.Replace(input, (x) => `[${x.Index}]`));
        expect(guarded.Split(input), input).toEqual(direct.Split(input));
      }
      expect(regexHelperStats.jobs).toBeGreaterThan(jobs); // it did run on the helper
    });

  it("patterns on the linear engine never use the helper, even with a tiny budget", () => {
    const jobs = regexHelperStats.jobs;
    const re = new Regex("^(a+)+$", 0, new TimeSpan(1));
    expect(re.IsMatch("a".repeat(5000) + "!")).toBe(false);
    expect(re.Matches("a".repeat(300)).length).toBe(1);
    expect(regexHelperStats.jobs).toBe(jobs);
  });
});

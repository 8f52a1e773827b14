// The .NET regex engine (runtime/dotnet/regex-net*.ts): which patterns take it, its semantics where a
// JS RegExp differs (each answer below is Mono's / .NET's, checked with mcs), Group.Captures, and its
// own match timeout. The differential matrices (test/differential/regex-engine-cases.ts) compare it
// with .NET over many inputs; these tests pin the mechanisms.
import { describe, expect, it } from "vitest";
import { Regex } from "../../runtime/dotnet/regex.js";
import { NetEngine } from "../../runtime/dotnet/regex-net.js";
import { parseNetRegex } from "../../runtime/dotnet/regex-net-parse.js";
import { RegexMatchTimeoutException, regexHelperStats } from "../../runtime/dotnet/regex-budget.js";
import { TimeSpan } from "../../runtime/dotnet/datetime.js";
import { DotNetException } from "../../runtime/errors.js";

const ECMA = 256;
const RTL = 64;
const groups = (m: { Groups: Iterable<{ Name: string; Success: boolean; Value: string }> }) => [...m.Groups].map((g) => `${g.Name}:${g.Success ? g.Value : "-"}`).join(" ");

describe("which patterns take the .NET engine", () => {
  const net = [
    // a backreference to a group that may not have captured before it (.NET fails, JS matches empty)
    String.raw`(a)?\1`,
    String.raw`(?:(a)|b)\1`,
    String.raw`\1(a)`,
    String.raw`(a\1)`,
    String.raw`(?<n>a)*\k<n>`,
    String.raw`(?=(a))\1`,
    String.raw`(?i)(a)\1`, // the engines fold case differently
    String.raw`(?<=a)b`, // lookbehind (right to left)
    String.raw`(?<!a)b`,
    String.raw`(a|)+`, // a loop whose body can match empty
    String.raw`(?:a?)*b`,
    String.raw`(?:(a)|b)+`, // a loop with a capture inside
    String.raw`(?<o>a)(?<-o>b)`, // balancing group
    String.raw`(?(1)a|b)(c)`, // conditional
    String.raw`(x)?\Gb`, // \G (no JS form)
    String.raw`(\B)?\w`, // an optional group that can match empty (JS refuses the empty iteration)
  ];
  const fast = [
    // backreferences to a group that has always captured before them: JS answers as .NET, V8 is faster
    String.raw`(a)\1`,
    String.raw`(?<n>a)\k<n>`,
    String.raw`^(a+)+\1$`,
    String.raw`(?:(a)b)+\1`,
    String.raw`(\w)(\w)\2\1`,
    String.raw`((a)b)c\2`,
    String.raw`^\d+$`, String.raw`(\w+)@(\w+)\.com`, String.raw`a*b+`, String.raw`(?=x)\w`, String.raw`(ab)?c`, String.raw`[a-z]{2,5}`, String.raw`\bcat\b`, "(?:ab)+"];
  for (const p of net) it(`.NET engine: ${p}`, () => expect(NetEngine.tryCompile(p, 0)).not.toBeNull());
  for (const p of fast) it(`JS fast path: ${p}`, () => expect(NetEngine.tryCompile(p, 0)).toBeNull());
  it("RightToLeft always, and a \\N that .NET reads as octal (ECMAScript forward reference)", () => {
    expect(NetEngine.tryCompile("abc", RTL)).not.toBeNull();
    expect(NetEngine.tryCompile(String.raw`\1(a)`, ECMA)).not.toBeNull();
  });
  it("group numbers: unnamed first, then named in order, explicit numbers kept", () => {
    const p = parseNetRegex(String.raw`(?<x>a)(b)(?<5>c)(?<y>d)(e)`, 0);
    expect(p.numbers).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.names).toEqual(["0", "1", "2", "x", "y", "5"]);
  });
});

describe(".NET semantics a JS RegExp does not have", () => {
  it("a backreference to a group that has not captured fails (ECMAScript: matches empty)", () => {
    expect(new Regex(String.raw`(a)|b\1`, 0).IsMatch("b")).toBe(false);
    expect(new Regex(String.raw`(a)?b\1`, 0).Match("ab").Value).toBe("");
    expect(new Regex(String.raw`(a)?b\1`, 0).IsMatch("b")).toBe(false);
    expect(new Regex(String.raw`(a)|b\1`, ECMA).IsMatch("b")).toBe(true);
    // ECMAScript reads \1 before group 1 as the octal escape \x01
    expect(new Regex(String.raw`\1(a)`, ECMA).Match("\u0001a").Value).toBe("\u0001a");
  });

  it("a lookbehind runs right to left: its greedy loop takes from the right", () => {
    expect(groups(new Regex(String.raw`(?<=(a+))b`, 0).Match("aaab"))).toBe("0:b 1:aaa");
    expect(groups(new Regex(String.raw`(?<=(a+?))b`, 0).Match("aaab"))).toBe("0:b 1:a");
    // the last capture of a loop in a lookbehind is the leftmost character
    expect(groups(new Regex(String.raw`(?<=(\w)+)-`, 0).Match("ab-"))).toBe("0:- 1:a");
  });

  it("a capture in a loop keeps its last iteration, and Group.Captures has every one", () => {
    const m = new Regex(String.raw`(?:(a)|b)+`, 0).Match("ab");
    expect(groups(m)).toBe("0:ab 1:a");
    const w = new Regex(String.raw`(\w)+`, 0).Match("xyz").Groups.Item(1).Captures;
    expect([...w].map((c) => `${c.Index}${c.Value}`)).toEqual(["0x", "1y", "2z"]);
    expect(w.Count).toBe(3);
    expect(w.Item(2).Value).toBe("z");
    expect(() => w.Item(3)).toThrow(/Parameter name: i/);
  });

  it("a loop stops at an empty iteration as .NET's does", () => {
    expect(groups(new Regex(String.raw`(a|)+`, 0).Match("aa"))).toBe("0:aa 1:");
    expect(new Regex(String.raw`(a|)+`, 0).Matches("aa").length).toBe(2);
    expect(new Regex(String.raw`(a?)*b`, 0).Replace("aab", "<$1>")).toBe("<>");
  });

  it("balancing groups and conditionals", () => {
    const bal = new Regex(String.raw`^(?:(?<o>\()|(?<-o>\)))*$(?(o)(?!))`, 0);
    expect([bal.IsMatch("(()())"), bal.IsMatch("(()"), bal.IsMatch(")(")]).toEqual([true, false, false]);
    expect(groups(new Regex(String.raw`(?<o>a)+(?<c-o>b)+`, 0).Match("aabb"))).toBe("0:aabb o:- c:ab");
    expect(new Regex(String.raw`(a)?(?(1)b|c)`, 0).Matches("abc").map((m) => m.Value)).toEqual(["ab", "c"]);
  });

  it("an optional group that can match empty takes the empty iteration", () => {
    expect(groups(new Regex(String.raw`(a|)?b`, 0).Match("b"))).toBe("0:b 1:");
    expect(new Regex(String.raw`(\B)?\w`, 0).Match("ab").NextMatch().Groups.Item(1).Success).toBe(true);
  });

  it("\\G anchors each scan where the previous match ended", () => {
    expect(new Regex(String.raw`\Ga`, 0).Matches("aab").length).toBe(2);
    expect(new Regex(String.raw`(x)?\Gb`, 0).IsMatch("ab")).toBe(false);
  });

  it("RegexOptions.RightToLeft: matches from the end, Replace and Split keep the text order", () => {
    const r = new Regex(String.raw`\d+`, RTL);
    expect(r.Matches("12ab345").map((m) => m.Value)).toEqual(["345", "12"]);
    expect(r.Replace("12ab345", "<$&>")).toBe("<12>ab<345>");
    expect(r.Split("12ab345")).toEqual(["", "ab", ""]);
  });

  it(".NET's interpreter bugs come out as they do there (a lazy loop's empty iteration leaves a mark)", () => {
    expect(new Regex(String.raw`(?<n>[a-c]|[a-c])(\.|(A.\w)??)+?\s{0,}`, 4).Replace("ba2\nc", "<$1|$&|${n}>")).toBe("b<b||b>a2\nc<c||c>");
    const m = new Regex(String.raw`(?<!(?!é\. {1,3}?)+?\z)*`, 2).Match("B");
    expect([m.Success, m.Index, m.Length]).toEqual([true, 0, 0]);
    let err: unknown;
    try {
      m.NextMatch();
    } catch (e) {
      err = e;
    }
    expect((err as DotNetException).type).toBe("System.IndexOutOfRangeException");
    // a stale code position on the backtracking stack: .NET's "Unimplemented state."
    const u = new Regex(String.raw`(?<n>[a-c]??|é{2}é+?\W)(?<!(?!-{1,2}Ab)+? )`, 4).Match(" .c 2ca");
    expect(() => u.NextMatch()).toThrow(/Unimplemented state/);
  });
});

describe("the match timeout", () => {
  it("a catastrophic backreference pattern stops at its timeout on this thread, no helper thread used", () => {
    const jobs = regexHelperStats.jobs;
    // (x)? has not captured, so \2 fails and .NET backtracks through every split of the a's
    const re = new Regex(String.raw`^(a+)+(x)?\2$`, 0, TimeSpan.fromMs(50));
    const t0 = performance.now();
    expect(() => re.IsMatch("a".repeat(40) + "!")).toThrow(RegexMatchTimeoutException);
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(45);
    expect(took).toBeLessThan(50 + 1500);
    expect(regexHelperStats.jobs).toBe(jobs);
    expect(re.IsMatch("aaaa")).toBe(false);
    expect(re.IsMatch("aaaaxx")).toBe(true);
  });

  it("Matches, Replace and Split share one deadline, so many quick scans cannot outlast it", () => {
    // each scan is short, but the whole walk over a long input is not
    const re = new Regex(String.raw`(?<=(a+))`, 0, TimeSpan.fromMs(30));
    const input = "a".repeat(20000);
    for (const op of [() => re.Matches(input), () => re.Replace(input, "x"), () => re.Split(input)]) {
      const t0 = performance.now();
      expect(op).toThrow(RegexMatchTimeoutException);
      expect(performance.now() - t0).toBeLessThan(30 + 1500);
    }
  });
});

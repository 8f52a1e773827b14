// Regex match timeouts (issue 17): the TimeSpan overloads answer as .NET on patterns that stay on the
// backtracking engine (backreferences, lookaround, \b), a catastrophic match times out with .NET's
// RegexMatchTimeoutException, and the timeout argument is validated as .NET does.
import type { DiffCase } from "./cases.js";

const c = (id: string, type: string, expr: string): DiffCase => ({ id, type, expr });
const b = (id: string, type: string, body: string): DiffCase => ({ id, type, expr: body, block: true });
const T = "TimeSpan.FromSeconds(5)";
const HOSTILE = `new string('a', 40) + "!"`;

export const REGEX_TIMEOUT_CASES: DiffCase[] = [
  c("re.timeout.ismatch.backreference", "bool", String.raw`Regex.IsMatch("abba", @"(\w)\1", RegexOptions.None, ${T})`),
  c("re.timeout.match.named.backreference", "string", String.raw`Regex.Match("say 'hi' now", @"(?<q>['""])(.*?)\k<q>", RegexOptions.None, ${T}).Groups[2].Value`),
  c("re.timeout.matches.lookaround", "int", String.raw`Regex.Matches("1234567", @"(?<=\d)(?=(\d{3})+(?!\d))", RegexOptions.None, ${T}).Count`),
  c("re.timeout.replace.lookaround", "string", String.raw`Regex.Replace("1234567", @"(?<=\d)(?=(\d{3})+(?!\d))", ",", RegexOptions.None, ${T})`),
  c("re.timeout.replace.evaluator", "string", String.raw`Regex.Replace("foo bar", @"\b(\w)", m => m.Value.ToUpper(), RegexOptions.None, ${T})`),
  c("re.options.replace.evaluator", "string", String.raw`Regex.Replace("x1y22", @"(?<=\D)\d+", m => "<" + m.Length + ">", RegexOptions.IgnoreCase)`),
  c("re.timeout.split.lookaround", "string[]", String.raw`Regex.Split("a1b22c", @"(?<=\d)(?=\D)", RegexOptions.None, ${T})`),
  c("re.options.split", "string[]", `Regex.Split("A-b-C", "B", RegexOptions.IgnoreCase)`),
  c("re.timeout.instance.multiline", "bool", String.raw`new Regex(@"^(\w+)\s\1$", RegexOptions.Multiline, TimeSpan.FromMilliseconds(500)).IsMatch("x\nhey hey")`),
  c("re.timeout.instance.wordboundary", "int", String.raw`new Regex(@"\bcat\b", RegexOptions.IgnoreCase, ${T}).Matches("Cat concat CAT cats").Count`),
  c("re.timeout.linear", "string", String.raw`Regex.Match("2020-01-02", @"(\d+)-(\d+)", RegexOptions.None, TimeSpan.FromMilliseconds(1)).Groups[2].Value`),
  c("re.timeout.infinite", "bool", String.raw`Regex.IsMatch("abab", @"^(ab)\1$", RegexOptions.None, TimeSpan.FromMilliseconds(-1))`),
  // catastrophic on a backtracking engine: .NET gives up at the timeout, and so does apimc
  c("re.timeout.catastrophic.backreference", "bool", String.raw`Regex.IsMatch(${HOSTILE}, @"^(a+)+\1$", RegexOptions.None, TimeSpan.FromMilliseconds(50))`),
  c("re.timeout.catastrophic.lookahead", "bool", String.raw`new Regex(@"^(?=(a+)+$)a", RegexOptions.None, TimeSpan.FromMilliseconds(50)).Match(${HOSTILE}).Success`),
  b("re.timeout.catastrophic.message", "string", String.raw`try { return Regex.Replace(${HOSTILE}, @"(a+)+\1!x", "", RegexOptions.None, TimeSpan.FromMilliseconds(50)); } catch (Exception e) { return e.Message; }`),
  // the timeout is checked before the pattern: InfiniteMatchTimeout, or > 0 and <= Int32.MaxValue - 1 ms
  c("re.timeout.zero", "bool", `Regex.IsMatch("a", "a", RegexOptions.None, TimeSpan.Zero)`),
  c("re.timeout.negative", "bool", `new Regex("a", RegexOptions.None, TimeSpan.FromMilliseconds(-2)).IsMatch("a")`),
  c("re.timeout.too.long", "bool", `Regex.IsMatch("a", "a", RegexOptions.None, TimeSpan.FromDays(25))`),
  c("re.timeout.before.pattern", "bool", `Regex.IsMatch("a", "(", RegexOptions.None, TimeSpan.Zero)`),
  c("re.timeout.max", "bool", `Regex.IsMatch("a", "a", RegexOptions.None, TimeSpan.FromMilliseconds(2147483646))`),
  c("re.timeout.one.tick", "bool", `Regex.IsMatch("ab", "(?=b)", RegexOptions.None, TimeSpan.FromTicks(1))`),
  // quantified zero-width assertions (found by the generator, regex-gen.ts): .NET repeats them, a JS
  // `u` RegExp refuses them; greedy optional ones run once (groups inside capture), lazy ones last
  ...[
    [String.raw`(?=(a))*`, "a"],
    [String.raw`(?=(a))?`, "a"],
    [String.raw`(?=(a)){0,2}`, "a"],
    [String.raw`(?=(a))*?`, "a"],
    [String.raw`(?=(a)){0}`, "a"],
    [String.raw`(?=(a))+`, "a"],
    [String.raw`(?<=(a)){2}b`, "ab"],
    [String.raw`x(?!(b))??.`, "xb"],
    [String.raw`+(\w)`, " a"],
    [String.raw`^*(\w)\B{1,3}`, "ab"],
    [String.raw`(\w)$?`, String.raw`a\n`],
    [String.raw`(?<!(c)){1,}b`, "ab"],
  ].map(([p, input], k) =>
    b(`re.quantified.zero.width.${k}`, "string", `var m = Regex.Match("${input}", @"${p}"); return m.Success + ":" + m.Index + ":" + m.Value + ":" + m.Groups[1].Success + ":" + m.Groups[1].Value + ":" + Regex.Replace("${input}", @"${p}", "<$1>") + ":" + Regex.Matches("${input}", @"${p}").Count;`),
  ),
];

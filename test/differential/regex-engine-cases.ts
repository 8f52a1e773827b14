// The .NET regex engine (runtime/dotnet/regex-net*.ts): one matrix a class of pattern where a JS
// RegExp answers differently from .NET, each run through Match (value, index, every group's
// Success/Index/Value and Captures), Matches, Replace and Split on several inputs. Classes found by
// the generator (regex-gen.ts, `npm run fuzz:csharp -- --only regex`).
import type { DiffCase } from "./cases.js";

const b = (id: string, type: string, body: string): DiffCase => ({ id, type, expr: body, block: true });
const lit = (s: string) => JSON.stringify(s);
const verbatim = (s: string) => `@"${s.replace(/"/g, '""')}"`;

/** Everything a match shows, in one line: each group's captures too. */
function probe(pattern: string, input: string, opts: string): string {
  const p = verbatim(pattern);
  const i = lit(input);
  return [
    `var r = new Regex(${p}, ${opts});`,
    `var sb = new System.Text.StringBuilder();`,
    `foreach (Match m in r.Matches(${i})) {`,
    `  sb.Append("[" + m.Index + "," + m.Length + "]");`,
    `  foreach (Group g in m.Groups) { sb.Append(g.Success ? "(" + g.Index + ":" + g.Value + ")" : "(-)"); foreach (Capture c in g.Captures) sb.Append(c.Index + "=" + c.Value + ";"); }`,
    `}`,
    `sb.Append(" | " + r.IsMatch(${i}) + " | " + r.Replace(${i}, "<$1|$&>") + " | " + string.Join("/", r.Split(${i})));`,
    `var n = r.Match(${i}); sb.Append(" | " + n.Success + n.Index + n.NextMatch().Index);`,
    `return sb.ToString();`,
  ].join(" ");
}

const CLASSES: { name: string; opts?: string; patterns: string[]; inputs: string[] }[] = [
  {
    // .NET: a backreference to a group that has not captured fails (JS: matches empty)
    name: "backreference.unset",
    patterns: [String.raw`(a)|b\1`, String.raw`(?:(a)|b)\1`, String.raw`(a)?b\1`, String.raw`(?<n>x)?y\k<n>`, String.raw`\1(a)`, String.raw`(a\1)`, String.raw`(?:(a)|b)+\1`],
    inputs: ["b", "ab", "aba", "yx", "aa", "bab", "xyx"],
  },
  {
    // ECMAScript: the unset backreference matches empty, and \N before group N is an octal escape
    name: "backreference.ecmascript",
    opts: "RegexOptions.ECMAScript",
    patterns: [String.raw`(a)|b\1`, String.raw`(a)?b\1`, String.raw`\1(a)`, String.raw`(a)\1`],
    inputs: ["b", "ab", "\u0001a", "aa"],
  },
  {
    // lookbehind runs right to left: greedy loops take from the right, captures are the last made
    name: "lookbehind.rtl",
    patterns: [String.raw`(?<=(a+))b`, String.raw`(?<=(a+?))b`, String.raw`(?<=(\w)+)-`, String.raw`(?<=(\w)(\w))x`, String.raw`(?<!(a))b`, String.raw`(?<=\b(\w+))\s`, String.raw`(?<=(a)|(b))c`],
    inputs: ["aaab", "ab-x", "abx", "cb", "hello world", "ac bc"],
  },
  {
    // loops whose body can match empty: .NET stops a loop at an empty iteration, its way
    name: "empty.loop",
    patterns: [String.raw`(a|)+`, String.raw`(a?)*b`, String.raw`(|a)*`, String.raw`(a|){2,3}`, String.raw`(a|)+?b`, String.raw`(\b)*\w`, String.raw`(?:a*)*`, String.raw`(a*?)+$`, String.raw`(?:(a)|())*x`],
    inputs: ["", "aa", "ab", "aab", "x", "bb"],
  },
  {
    // a capture inside a loop keeps its last iteration's value (JS clears it each iteration)
    name: "loop.capture",
    patterns: [String.raw`(?:(a)|b)+`, String.raw`(?:(\d)|x)+y`, String.raw`((a)|(b))+`, String.raw`(?:(?<n>\w)-)+`, String.raw`(\w)+`],
    inputs: ["ab", "1x2xy", "abab", "a-b-c", "xyz"],
  },
  {
    // balancing groups and conditionals
    name: "balancing",
    patterns: [String.raw`^(?:(?<o>\()|(?<-o>\)))*$(?(o)(?!))`, String.raw`(?<o>a)+(?<c-o>b)+`, String.raw`(?(1)x|y)(z)?`, String.raw`(a)?(?(1)b|c)`, String.raw`(?(?=a)ab|cd)`, String.raw`(?<n>x)?(?(n)y|z)`],
    inputs: ["(()())", "(()", "aabb", "aab", "ab", "c", "cd", "xy", "z"],
  },
  {
    name: "righttoleft",
    opts: "RegexOptions.RightToLeft",
    patterns: [String.raw`\d+`, String.raw`(a)(b)?`, String.raw`a|ab`, String.raw`(?<=a)b`, String.raw`\w(?=-)`, ""],
    inputs: ["12ab345", "aab", "ab-c-", ""],
  },
  {
    // (X)? where X can match empty: .NET takes the empty iteration, so the group captures "" (JS refuses it)
    name: "optional.empty",
    patterns: [String.raw`(\B)?\w`, String.raw`(a|)?b`, String.raw`\w{1,2}(\B|^(c)?[\d_])?`, String.raw`(a*)?x`, String.raw`(?:(\b)|y)?z`],
    inputs: ["ab", "b", "xz", "aaca", ""],
  },
  {
    // where a scan starts (RegexFCD: leading anchors, literal prefix, first characters), left to right and right to left
    name: "scan.start",
    patterns: [String.raw`\Aab(\1)?`, String.raw`(x)?\Gb`, String.raw`abc(?<=(c))`, String.raw`(?<=a)bc\Z`, String.raw`[a-c]\d(?<!(b))`, String.raw`(?i)AB(?<=(a))`],
    inputs: ["abab", "bb", "xabcab", "Abc", "b1c2\n"],
  },
  {
    name: "scan.start.rtl",
    opts: "RegexOptions.RightToLeft",
    patterns: [String.raw`ab\z`, String.raw`\Aab`, String.raw`(a)b`, String.raw`[ab]c(?=(\w))`],
    inputs: ["abab", "abcab", "bcx"],
  },
  {
    // the stepping of Matches / Replace / Split after empty matches on these patterns
    name: "empty.steps",
    patterns: [String.raw`(?<=a)`, String.raw`(a)?(?=b)`, String.raw`\b`, String.raw`(?<!\w)(\w?)`],
    inputs: ["abab", "a b", ""],
  },
];

export const REGEX_ENGINE_CASES: DiffCase[] = CLASSES.flatMap((k) =>
  k.patterns.flatMap((p, i) => k.inputs.map((input, j) => b(`re.engine.${k.name}.${i}.${j}`, "string", probe(p, input, k.opts ?? "RegexOptions.None")))),
);

// .NET's own interpreter bugs, which apimc reproduces (its interpreter is .NET's): a lazy loop whose
// body matched empty leaves a mark on the grouping stack (RegexInterpreter's Lazybranchmark), so
// later lookaround frames read the wrong entries. The same code is in .NET Framework's reference source.
REGEX_ENGINE_CASES.push(
  b("re.engine.lazy.empty.stack.value", "string", String.raw`return Regex.Replace("ba2\nc", @"(?<n>[a-c]|[a-c])(\.|(A.\w)??)+?\s{0,}", "<$1|$&|$" + "{n}>", RegexOptions.ExplicitCapture);`),
  b("re.engine.lazy.empty.stack.throws", "string", String.raw`var m = Regex.Match("B", @"(?<!(?!é\. {1,3}?)+?\z)*", RegexOptions.Multiline); return m.Success + ":" + m.Index;`),
  b("re.engine.lazy.empty.fcd.split", "string", String.raw`return string.Join("/", Regex.Split("\nBcaA\tbaB", @"(?=$\Z(?![a-c]+\s\d)+?)^[a-c]", RegexOptions.ExplicitCapture));`),
  b("re.engine.lazy.empty.fcd.replace", "string", String.raw`return Regex.Replace("Aa.- \tb\t", @"(?<!\A(?![a-c]{1,3}?b)+?)\Z\w", "<$1|$&>", RegexOptions.IgnoreCase | RegexOptions.Multiline);`),
  b("re.engine.lazy.empty.unimplemented.state", "string", String.raw`var m = Regex.Match(" .c 2ca", @"(?<n>[a-c]??|é{2}é+?\W)(?<!(?!-{1,2}Ab)+? )", RegexOptions.ExplicitCapture); return m.Success + ":" + m.Index + ":" + m.NextMatch().Index;`),
  b("re.engine.lazy.empty.replace.start", "string", String.raw`return Regex.Replace("", @"(?=(?:\d?|\W)+?)(?<=\z|a.+?)^", "<$&>", RegexOptions.None);`),
  b("re.engine.duplicate.name.nested", "string", String.raw`return Regex.Replace("\n-_\nb_a\né", @"(?<n>(?<n>\d[^b]+?|\D){2})\D{1,2}|(A??b\Z)?(AéA?|[^b](.){2} )", "<$1|$&|$" + "{n}>", RegexOptions.None);`),
  b("re.engine.negated.class.first.chars", "string", String.raw`try { return string.Join("/", Regex.Split("a", @"(?<!\d{1,3}?a*[\d_]*|(?<!b\Z\.){0,}(?<!\wc)+?(?<!$a?\s|\W))\W")); } catch (Exception e) { return e.Message; }`),
  // a reference to a group that does not exist (ExplicitCapture: unnamed groups do not count; JS counts named ones)
  b("re.engine.undefined.group.explicit", "string", String.raw`try { return string.Join("/", Regex.Split("\naBa-", @"([a-c]c)\z|(?:(\1+?)\2\1|\A)?(?<n>(?<n>b\A)+?(?<!^)(?:\w\w))(?=(?:a))", RegexOptions.ExplicitCapture)); } catch (Exception e) { return e.Message; }`),
  b("re.engine.undefined.group.number", "string", String.raw`try { return Regex.Match("aa", @"(?<x>a)\2").Value; } catch (Exception e) { return e.Message; }`),
  // C# evaluates Replace's replacement before its options and timeout
  b("re.engine.replace.argument.order.timeout", "string", String.raw`try { return Regex.Replace("a", "a", new List<string>()[1], RegexOptions.None, TimeSpan.Zero); } catch (Exception e) { return e.Message.Substring(0, 20); }`),
  b("re.engine.replace.argument.order.options", "string", String.raw`try { return Regex.Replace("a", "a", new List<string>()[1], (RegexOptions)int.Parse("x")); } catch (Exception e) { return e.Message.Substring(0, 20); }`),
  b("re.engine.lookbehind.lazy.capture", "string", String.raw`return Regex.Replace("-é.\n\t1é-B", @"-(?<=\d{1,3}?(c?|\W{0,}é?)+(b\W|a?){0,})|aaa+?", "<$1|$&|$" + "{n}>", RegexOptions.None);`),
);

// Which classes merge into a scan's first-character set (RegexFCD): \D is one negated category
// (NotDigitClass, as \P{Nd}) and merges with its neighbours in an alternation; \W and \S are negated
// classes and do not. It decides whether .NET tries a match at the end of the text, where a lazy
// loop around a lazy loop that matched empty never ends (RegexInterpreter's Lazybranchmark leaves a
// mark that Lazybranchcount then reads as its count): with a first-character set the scan stops at
// once, without one it runs to the match timeout (fuzz seed 31005). Each set, on an input of one
// character, with a 150 ms timeout so that both sides' endless scans end.
const FIRST_CHAR_SETS = [String.raw`\D`, String.raw`[\D]`, String.raw`\P{Nd}`, String.raw`\D\A`, String.raw`\d`, "[a-c]", String.raw`\w`, String.raw`\p{L}`, String.raw`\s`, String.raw`[\W]`, String.raw`[\S]`, String.raw`\W`, String.raw`\S`, String.raw`[^\d]`, String.raw`[^a\D]`, String.raw`[^\D]`, String.raw`[\D-[a]]`];
FIRST_CHAR_SETS.forEach((set, i) =>
  ["A", "1", " "].forEach((input, j) => {
    // the endless ones (no first-character set) once each: they cost their timeout
    if (j > 0 && /^\\[WS]$|^\[\^|^\[\\D-/.test(set)) return;
    const p = verbatim(String.raw`((a|\.??)*?|` + set + String.raw`){1,3}?\.{2}`);
    REGEX_ENGINE_CASES.push(
      b(`re.engine.first.chars.merge.${i}.${j}`, "string", `return string.Join("/", new Regex(${p}, RegexOptions.None, TimeSpan.FromMilliseconds(150)).Split(${lit(input)}));`),
    );
  }),
);
[String.raw`\D`, String.raw`[^\d]`, String.raw`\W`].forEach((set, i) =>
  REGEX_ENGINE_CASES.push(
    b(`re.engine.first.chars.merge.ecmascript.${i}`, "string", `return string.Join("/", new Regex(${verbatim(String.raw`((a|\.??)*?|` + set + String.raw`){1,3}?\.{2}`)}, RegexOptions.ECMAScript, TimeSpan.FromMilliseconds(150)).Split("A"));`),
  ),
);
REGEX_ENGINE_CASES.push(b("re.engine.first.chars.seed31005", "string", String.raw`return string.Join("/", Regex.Split("A", @"((a{1,2}[^b]|\.??)*?|\D\A){1,3}?\.{2}\z"));`));

// Generated regular-expression cases (issue 17): random .NET patterns from a small grammar (classes,
// groups, named groups, alternation, greedy and lazy quantifiers, anchors, \b, backreferences,
// lookaround), options and short inputs, through IsMatch, Match (value, index, groups), Matches,
// Replace and Split, sometimes with a match timeout. Patterns with backreferences or lookaround run
// on V8 under the budget (on the helper thread), the others on the linear engine: both are compared
// with .NET here. generateCases (generator.ts) appends them from their own random stream, so the
// other generated cases do not move.
import { pick, rng } from "../../helpers/rng.js";
import type { Node } from "./node.js";

const ATOMS = ["a", "b", "c", "a", "b", ".", String.raw`\d`, String.raw`\w`, String.raw`\s`, String.raw`\W`, String.raw`\D`, "[a-c]", "[^b]", String.raw`[\d_]`, String.raw`\.`, "-", " ", "é", "A"];
const QUANTIFIERS = ["*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "??", "{1,3}?"];
const ANCHORS = ["^", "$", String.raw`\b`, String.raw`\B`, String.raw`\A`, String.raw`\z`, String.raw`\Z`];
const INPUT_CHARS = ["a", "a", "b", "b", "c", " ", "1", "2", "_", ".", "-", "\n", "A", "B", "é", "\t"];
// RegexOptions: None, IgnoreCase, Multiline, Singleline, ExplicitCapture, IgnoreCase|Multiline, ECMAScript|IgnoreCase
const OPTIONS = ["RegexOptions.None", "RegexOptions.None", "RegexOptions.IgnoreCase", "RegexOptions.Multiline", "RegexOptions.Singleline", "RegexOptions.ExplicitCapture", "RegexOptions.IgnoreCase | RegexOptions.Multiline", "RegexOptions.ECMAScript | RegexOptions.IgnoreCase"];

/** A C# regular string literal. */
function csString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}
/** A C# verbatim string literal (patterns read as written). */
const verbatim = (s: string): string => `@"${s.replace(/"/g, '""')}"`;

class PatternGen {
  groups = 0;
  named = false;
  constructor(private readonly r: () => number) {}
  private chance(p: number): boolean {
    return this.r() < p;
  }
  pattern(depth: number): string {
    const alts = this.chance(0.2) ? 2 : 1;
    const out: string[] = [];
    for (let k = 0; k < alts; k++) out.push(this.sequence(depth));
    return out.join("|");
  }
  private sequence(depth: number): string {
    let s = "";
    const n = 1 + Math.floor(this.r() * 3);
    for (let k = 0; k < n; k++) s += this.piece(depth);
    return s;
  }
  private piece(depth: number): string {
    const x = this.r();
    let p: string;
    if (x < 0.12) return pick(this.r, ANCHORS);
    if (x < 0.2 && this.groups > 0) p = this.named && this.chance(0.4) ? String.raw`\k<n>` : `\\${1 + Math.floor(this.r() * this.groups)}`;
    else if (x < 0.3 && depth > 0) p = `${pick(this.r, ["(?=", "(?!", "(?<=", "(?<!"])}${this.pattern(depth - 1)})`;
    else if (x < 0.5 && depth > 0) {
      const kind = this.r();
      if (kind < 0.5) {
        p = `(${this.pattern(depth - 1)})`;
        this.groups++;
      } else if (kind < 0.7 && !this.named) {
        p = `(?<n>${this.pattern(depth - 1)})`;
        this.named = true;
      } else p = `(?:${this.pattern(depth - 1)})`;
    } else p = pick(this.r, ATOMS);
    return this.chance(0.35) ? p + pick(this.r, QUANTIFIERS) : p;
  }
}

function input(r: () => number): string {
  let s = "";
  for (let k = Math.floor(r() * 10); k > 0; k--) s += pick(r, INPUT_CHARS);
  return s;
}

const leaf = (t: string, s: string): Node => ({ t, area: "regex", kids: [], out: () => s, leaf: true });

/** One regular-expression case (area "regex"). */
export function regexNode(r: () => number): Node {
  const gen = new PatternGen(r);
  const pattern = gen.pattern(2);
  const opts = pick(r, OPTIONS);
  const timeout = r() < 0.3 ? ", TimeSpan.FromSeconds(5)" : "";
  const kids = [leaf("string", csString(input(r))), leaf("string", verbatim(pattern))];
  const call = (k: string[], op: string) => `Regex.${op}(${k[0]}, ${k[1]}, ${opts}${timeout})`;
  const ops: [string, (k: string[]) => string][] = [
    ["bool", (k) => call(k, "IsMatch")],
    ["int", (k) => `Regex.Matches(${k[0]}, ${k[1]}, ${opts}${timeout}).Count`],
    ["string", (k) => `Regex.Replace(${k[0]}, ${k[1]}, "<$1|$&|\${n}>", ${opts}${timeout})`],
    ["string", (k) => `string.Join("/", Regex.Split(${k[0]}, ${k[1]}, ${opts}${timeout}))`],
  ];
  if (r() < 0.3)
    // Match: value, index, group 1 and group n (Success and value), and the next match
    return {
      t: "string",
      area: "regex",
      kids,
      block: true,
      out: (k) => `var m = ${call(k, "Match")}; var m2 = m.NextMatch(); return m.Success + ":" + m.Index + ":" + m.Value + ":" + m.Groups[1].Success + m.Groups[1].Value + ":" + m.Groups["n"].Success + m.Groups["n"].Value + ":" + m2.Success + m2.Index + m2.Value;`,
    };
  const [t, out] = pick(r, ops);
  return { t, area: "regex", kids, out };
}

/** `count` regular-expression cases from their own stream (seeded from the generator's seed). */
export function regexNodes(seed: number, count: number): Node[] {
  const r = rng((seed * 2654435761) ^ 0x5e1ec7);
  return Array.from({ length: count }, () => regexNode(r));
}

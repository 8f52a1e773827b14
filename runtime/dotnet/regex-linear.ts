// Linear-time matching (issue 17): a .NET pattern without backreferences or lookaround runs on re2js
// (a pure-JS RE2 port: time linear in the input, no catastrophic backtracking), so one request's
// header cannot hold the event loop. Input is the translator's JS source (regex.ts); anything this
// file cannot map exactly (lookaround, backreferences, \b, \c, over-1000 repeats) stays on V8.
import { RE2JS } from "re2js";

/** One match as regex.ts reads it: group values (undefined = did not participate) and start indexes. */
export interface LinearExec {
  values: (string | undefined)[];
  starts: number[];
  index: number;
}

// .NET's \s (RE2's is ASCII only): [\f\n\r\t\v\x85\p{Z}].
const NET_SPACE = "\\f\\n\\r\\t\\v\\x{85}\\p{Z}";

// Anchors the translator writes as lookaround, and their RE2 forms. The `$` of a pattern without
// RegexOptions.Multiline ("end, or before a final \n") has none: it becomes \z, and an input that
// ends in "\n" goes to V8 (LinearRegex.handles).
const ANCHORS: [string, string][] = [
  ["(?=\\n?(?![\\s\\S]))", "\u0000D"],
  ["(?=\\n|(?![\\s\\S]))", "(?m:$)"],
  ["(?<![^\\n])", "(?m:^)"],
  ["(?<![\\s\\S])", "\\A"],
  ["(?![\\s\\S])", "\\z"],
  ["[\\s\\S]", "(?s:.)"],
];

/** The RE2 form of a translated JS source, or null when it has a construct RE2 lacks. */
export function toRe2(js: string): { source: string; finalNewline: boolean } | null {
  if (js.includes("\u0000")) return null; // the marker below
  let s = js;
  for (const [from, to] of ANCHORS) s = s.split(from).join(to);
  let out = "";
  let inClass = false;
  let finalNewline = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\u0000" && s[i + 1] === "D") {
      finalNewline = true;
      out += "\\z";
      i++;
      continue;
    }
    if (c === "\\") {
      const n = s[i + 1];
      if (n === undefined) return null;
      i++;
      if (/[1-9k]/.test(n) || n === "c" || n === "b" || n === "B") return null; // backreference, \cX, \b in a class
      if (n === "s") out += inClass ? NET_SPACE : `[${NET_SPACE}]`;
      else if (n === "S") {
        if (inClass) return null;
        out += `[^${NET_SPACE}]`;
      } else if (n === "u") {
        const m = /^u(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{4}))/.exec(s.slice(i));
        if (!m) return null;
        out += `\\x{${m[1] ?? m[2]}}`;
        i += m[0].length - 1;
      } else if (n === "p" || n === "P") {
        const m = /^[pP]\{(?:Script=)?(\w+)\}/.exec(s.slice(i));
        if (!m) return null;
        out += `\\${n}{${m[1]}}`;
        i += m[0].length - 1;
      } else out += `\\${n}`;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (s[i + 1] === "^") out += s[++i];
      continue;
    }
    if (c === "(" && s[i + 1] === "?") {
      const rest = s.slice(i, i + 4);
      if (rest.startsWith("(?=") || rest.startsWith("(?!") || rest.startsWith("(?<=") || rest.startsWith("(?<!")) return null;
      if (rest.startsWith("(?<")) {
        out += "(?P<";
        i += 2;
        continue;
      }
    }
    out += c;
  }
  return { source: out, finalNewline };
}

export class LinearRegex {
  private constructor(
    private readonly re: RE2JS,
    private readonly finalNewline: boolean,
  ) {}
  /** The linear matcher for a translated pattern, or null when the pattern needs V8 (backtracking). */
  static tryCompile(jsSource: string, jsFlags: string): LinearRegex | null {
    const r = toRe2(jsSource);
    if (!r) return null;
    let flags = 0;
    if (jsFlags.includes("i")) flags |= RE2JS.CASE_INSENSITIVE;
    try {
      return new LinearRegex(RE2JS.compile(r.source, flags), r.finalNewline);
    } catch {
      return null; // a repeat over 1000, a class RE2 does not know: V8 keeps it
    }
  }
  /** False when this input needs V8: a non-multiline `$` with an input ending in "\n". */
  handles(input: string): boolean {
    return !this.finalNewline || !input.endsWith("\n");
  }
  test(input: string): boolean {
    return this.re.matcher(input).find(0);
  }
  exec(input: string, from: number): LinearExec | null {
    const m = this.re.matcher(input);
    if (!m.find(from)) return null;
    const n = m.groupCount();
    const values: (string | undefined)[] = [];
    const starts: number[] = [];
    for (let g = 0; g <= n; g++) {
      const v = m.group(g);
      values.push(v === null ? undefined : v);
      starts.push(m.start(g));
    }
    return { values, starts, index: m.start(0) };
  }
}

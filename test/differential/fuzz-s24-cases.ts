// Mismatch classes the generator found in session 24 (seeds 34300-34399), each a small matrix over
// the class, ids fzc.s24.*.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `fzc.${id}`, type, expr: body, block: true, ...opts });

/** Each expression's answer (an exception as its type name), comma-separated. */
const each = (setup: string, exprs: string[]): string =>
  `var r = ""; ${setup} ${exprs.map((e) => `try { r += (${e}) + ","; } catch (ArgumentNullException) { r += "ArgumentNull,"; } catch (ArgumentException) { r += "Argument,"; }`).join(" ")} return r;`;

/** Separators of every Split overload whose null/empty entries are skipped (whitespace only for a null or empty array). */
const SPLIT_SEPARATORS = [`(string)null`, `""`, `","`, `new string[] { null }`, `new string[] { null, "" }`, `new string[] { "", "," }`, `new string[0]`, `(string[])null`, `new char[0]`, `(char[])null`];
const SPLIT_TEXTS = [`"a\\tb\\nc"`, `""`, `" a ,b "`, `"\\u2028,"`];

/** Enumerable.Contains on collections whose ICollection<T>.Contains is not a scan with EqualityComparer<T>.Default. */
const CONTAINS = [
  `d.Keys.Contains("a")`, `d.Keys.Contains("A")`, `d.Keys.Contains(null)`, `((IEnumerable<string>)d.Keys).Contains(null)`,
  `d.Values.Contains(null)`, `d.Values.Contains("1")`,
  `d.Contains(new KeyValuePair<string, string>("a", "1"))`, `d.Contains(new KeyValuePair<string, string>("A", "1"))`,
  `d.Contains(new KeyValuePair<string, string>("a", "2"))`, `d.Contains(new KeyValuePair<string, string>(null, "1"))`,
  `d.Keys.Select(k => k).Contains(null)`, `d.Keys.ToList().Contains(null)`, `((IDictionary<string, string>)d).Keys.Contains(null)`,
];

export const FUZZ_S24_CASES: DiffCase[] = [
  // String.Split: a separator array of only null/empty strings does not split; (string)null is such a
  // separator (seed 34300: apimc split on whitespace)
  ...SPLIT_TEXTS.map((t, i) =>
    b(`s24.split.null.separators.${i}`, "string", each(``, SPLIT_SEPARATORS.flatMap((s) => ["None", "RemoveEmptyEntries"].map((o) => `string.Join("|", ${t}.Split(${s}, StringSplitOptions.${o})).Replace("\\t", "<t>").Replace("\\n", "<n>")`)))),
  ),
  // Enumerable.Contains asks ICollection<T>.Contains first: a Dictionary's Keys are ContainsKey (a null
  // key throws, the comparer applies) and the Dictionary finds a pair by its key (seed 34300)
  ...["", "StringComparer.OrdinalIgnoreCase"].map((cmp, i) =>
    b(`s24.contains.dictionary.${i}`, "string", each(`var d = new Dictionary<string, string>(${cmp}) { ["a"] = "1", ["b"] = null };`, CONTAINS)),
  ),
];

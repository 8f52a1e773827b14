// System.String, StringComparison, StringSplitOptions, StringComparer, StringBuilder.
import { js, rt, shaped, type Code } from "../../codegen/code.js";
import { C, I, K, M, P, SM, SP, thenProvider, type } from "./dsl.js";
import { isNamed, underlyingNullable, type ConstArg, type LowerInfo, type Member } from "../types.js";

const h = (name: string) => (r: Code, a: Code[]) => js`${rt(name)}(${r}${a.length ? js`, ` : js``}${joinArgs(a)})`;
const s = (name: string) => (_r: Code, a: Code[]) => js`${rt(name)}(${joinArgs(a)})`;
function joinArgs(a: Code[]): Code {
  let out = js``;
  a.forEach((c, i) => (out = i ? js`${out}, ${c}` : c));
  return out;
}
export { joinArgs };
const fa = (m: Member): Member => ((m.formatArgs = true), m);
const recv = (r: Code): Code => (/^"/.test(String(r)) ? r : js`${rt("strRecv")}(${r})`);
/** `, "double"` when a generic Join/Concat's T is a number type toStr cannot print right by value. */
function elemFmt(x: LowerInfo): Code {
  // (a Nullable<char/double/float> element prints as its value does; null as "")
  const t = x.typeArgs[0] && underlyingNullable(x.typeArgs[0]);
  const n = t && t.k === "named" && t.def.ns === "System" && !t.args.length ? t.def.name : null;
  return n === "double" || n === "float" || n === "char" ? js`, ${n}` : js``;
}

/**
 * `s.Split(',')` with one constant separator and no options or count is JS's split on that
 * character (empty pieces kept, "" gives [""]), after the null check.
 */
function splitOnChar(r: Code, seps: ConstArg | undefined): Code | null {
  if (!Array.isArray(seps) || seps.length !== 1 || typeof seps[0] !== "number") return null;
  const sep = String.fromCharCode(seps[0]);
  return shaped(js`${rt("strSplitOn")}(${r}, ${sep})`, { kind: "splitOn", of: r, sep });
}

/**
 * `String.Format("{0}/{1}", a, b)` with a constant format whose items are plain `{0}`, `{1}`, ...
 * each used once and in order (so every argument is still evaluated once, left to right): a string
 * concatenation. A string argument is itself (null → ""), anything else formats as in strFormat.
 * Null for any other format (alignment, format strings, reordering, errors: strFormat decides).
 */
function formatConcat(a: Code[], x: LowerInfo): Code | null {
  const format = x.consts[0];
  if (typeof format !== "string") return null;
  const parts: (string | number)[] = [];
  let lit = "";
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if ((c === "{" || c === "}") && format[i + 1] === c) {
      lit += c;
      i++;
    } else if (c === "{") {
      const m = /^\{(\d+)\}/.exec(format.slice(i));
      if (!m || Number(m[1]) !== next) return null;
      if (lit) parts.push(lit);
      lit = "";
      parts.push(next++);
      i += m[0].length - 1;
    } else if (c === "}") return null;
    else lit += c;
  }
  if (next !== a.length - 1) return null;
  if (lit) parts.push(lit);
  // Every piece is a string, so `+` concatenates from the first one on.
  let out: Code | null = null;
  for (const p of parts) {
    const piece = typeof p === "string" ? js`${p}` : isNamed(x.argTypes[p + 1]!, "string") ? js`(${a[p + 1]} ?? "")` : js`${rt("fmtValue")}(${a[p + 1]}, null)`;
    out = out ? js`${out} + ${piece}` : piece;
  }
  return out ? js`(${out})` : js`""`;
}

/** The three replacements that turn base64 into unpadded base64url, in any order. */
const BASE64URL_STEPS: Record<string, string> = { "/": "_", "+": "-", "=": "" };
/**
 * `Convert.ToBase64String(b).Replace("/", "_").Replace("+", "-").Replace("=", "")` (any order): the
 * third step becomes one base64url encoding (the replaced characters occur nowhere else in base64).
 * Null when this Replace is not such a step.
 */
function base64UrlStep(r: Code, x: LowerInfo): Code | null {
  const shape = r.shape;
  const [from, to] = x.consts;
  if (shape?.kind !== "base64" || typeof from !== "string" || typeof to !== "string" || BASE64URL_STEPS[from] !== to || shape.replaced.includes(from)) return null;
  const replaced = [...shape.replaced, from];
  if (replaced.length < 3) return shaped(js`${rt("strReplace")}(${r}, ${from}, ${to})`, { ...shape, replaced });
  const bytes = shape.bytes;
  return bytes.shape?.kind === "utf8Bytes" ? js`${rt("utf8ToBase64Url")}(${bytes.shape.of})` : js`${rt("toBase64Url")}(${bytes})`;
}

type("System", "string", { interfaces: ["IEnumerable<char>", "IComparable"], test: (v) => js`(typeof ${v} === "string")` }, [
  P("int Length", (r) => js`${rt("strLen")}(${r})`),
  I("char this[int index]", h("strCharAt")),
  C("(char c, int count)", (_r, a) => js`String.fromCharCode(${a[0]}).repeat(${rt("nonNeg")}(${a[1]}, "count"))`),
  C("(char[] value)", (_r, a) => js`${rt("charsToString")}(${a[0]})`),
  C("(char[] value, int startIndex, int length)", (_r, a) => js`${rt("charsRangeToString")}(${a[0]}, ${a[1]}, ${a[2]})`),
  M("string[] Split(params char[] separator)", (r, a, x) => splitOnChar(r, x.consts[0]) ?? h("strSplit")(r, a)),
  M("string[] Split(char[] separator, int count)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, 0, ${a[1]})`),
  M("string[] Split(char[] separator, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[1]})`),
  M("string[] Split(char[] separator, int count, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[2]}, ${a[1]})`),
  M("string[] Split(string[] separator, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[1]})`),
  M("string[] Split(string[] separator, int count, StringSplitOptions options)", (r, a) => js`${rt("strSplit")}(${r}, ${a[0]}, ${a[2]}, ${a[1]})`),
  M("string[] Split(char separator, StringSplitOptions options = 0)", (r, a, x) =>
    (x.consts[1] === 0 && typeof x.consts[0] === "number" ? splitOnChar(r, [x.consts[0]]) : null) ?? js`${rt("strSplit")}(${r}, [${a[0]}], ${a[1]})`,
  ),
  M("string[] Split(string separator, StringSplitOptions options = 0)", (r, a) => js`${rt("strSplit")}(${r}, [${a[0]}], ${a[1]})`),
  M("string Substring(int startIndex)", h("strSubstring")),
  M("string Substring(int startIndex, int length)", h("strSubstring")),
  M("int IndexOf(char value)", (r, a) => js`${r}.indexOf(String.fromCharCode(${a[0]}))`),
  M("int IndexOf(char value, int startIndex)", (r, a) => js`${rt("strIndexOf")}(${r}, String.fromCharCode(${a[0]}), ${a[1]})`),
  M("int IndexOf(string value)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, 0, 0)`),
  M("int IndexOf(string value, int startIndex)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, ${a[1]}, 0)`),
  M("int IndexOf(string value, StringComparison comparisonType)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, 0, ${a[1]})`),
  M("int IndexOf(string value, int startIndex, StringComparison comparisonType)", (r, a) => js`${rt("strIndexOf")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
  M("int IndexOfAny(char[] anyOf)", h("strIndexOfAny")),
  M("int LastIndexOf(char value)", (r, a) => js`${r}.lastIndexOf(String.fromCharCode(${a[0]}))`),
  M("int LastIndexOf(string value)", (r, a) => js`${rt("strLastIndexOf")}(${r}, ${a[0]}, 0)`),
  M("int LastIndexOf(string value, StringComparison comparisonType)", (r, a) => js`${rt("strLastIndexOf")}(${r}, ${a[0]}, ${a[1]})`),
  M("int LastIndexOf(string value, int startIndex)", (r, a) => js`${rt("strLastIndexOfFrom")}(${r}, ${a[0]}, ${a[1]}, 0)`),
  M("int LastIndexOf(string value, int startIndex, StringComparison comparisonType)", (r, a) => js`${rt("strLastIndexOfFrom")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
  M("int LastIndexOf(char value, int startIndex)", (r, a) => js`${rt("strLastIndexOfCharFrom")}(${r}, ${a[0]}, ${a[1]})`),
  // A string literal argument needs no null check.
  M("bool Contains(string value)", (r, a) => (/^"/.test(String(a[0])) ? js`${r}.includes(${a[0]})` : js`${r}.includes(${rt("notNull")}(${a[0]}, "value"))`)),
  M("bool Contains(char value)", (r, a) => js`${r}.includes(String.fromCharCode(${a[0]}))`),
  M("bool StartsWith(string value)", (r, a) => js`${rt("strStartsWith")}(${r}, ${a[0]}, 0)`),
  M("bool StartsWith(string value, StringComparison comparisonType)", (r, a) => js`${rt("strStartsWith")}(${r}, ${a[0]}, ${a[1]})`),
  M("bool StartsWith(char value)", (r, a) => js`${r}.startsWith(String.fromCharCode(${a[0]}))`),
  M("bool EndsWith(string value)", (r, a) => js`${rt("strEndsWith")}(${r}, ${a[0]}, 0)`),
  M("bool EndsWith(string value, StringComparison comparisonType)", (r, a) => js`${rt("strEndsWith")}(${r}, ${a[0]}, ${a[1]})`),
  M("bool EndsWith(char value)", (r, a) => js`${r}.endsWith(String.fromCharCode(${a[0]}))`),
  M("string ToUpper()", (r) => js`${rt("upperInv")}(${r})`),
  M("string ToLower()", (r) => js`${rt("lowerInv")}(${r})`),
  M("string ToUpper(CultureInfo culture)", (r, a) => js`${rt("upperCulture")}(${r}, ${a[0]})`),
  M("string ToLower(CultureInfo culture)", (r, a) => js`${rt("lowerCulture")}(${r}, ${a[0]})`),
  M("string ToUpperInvariant()", (r) => js`${rt("upperInv")}(${r})`),
  M("string ToLowerInvariant()", (r) => js`${rt("lowerInv")}(${r})`),
  M("string Trim()", (r) => js`${rt("strTrim")}(${r}, null, 3)`),
  M("string Trim(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 3)`),
  M("string TrimStart(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 1)`),
  M("string TrimEnd(params char[] trimChars)", (r, a) => js`${rt("strTrim")}(${r}, ${a[0]}, 2)`),
  M("string Replace(string oldValue, string newValue)", (r, a, x) => base64UrlStep(r, x) ?? h("strReplace")(r, a)),
  M("string Replace(char oldChar, char newChar)", (r, a) => js`${r}.split(String.fromCharCode(${a[0]})).join(String.fromCharCode(${a[1]}))`),
  M("string PadLeft(int totalWidth)", (r, a) => js`${rt("strPad")}(${r}, ${a[0]}, 32, true)`),
  M("string PadLeft(int totalWidth, char paddingChar)", (r, a) => js`${rt("strPad")}(${r}, ${a[0]}, ${a[1]}, true)`),
  M("string PadRight(int totalWidth)", (r, a) => js`${rt("strPad")}(${r}, ${a[0]}, 32, false)`),
  M("string PadRight(int totalWidth, char paddingChar)", (r, a) => js`${rt("strPad")}(${r}, ${a[0]}, ${a[1]}, false)`),
  M("string Insert(int startIndex, string value)", h("strInsert")),
  M("string Remove(int startIndex)", h("strRemove")),
  M("string Remove(int startIndex, int count)", h("strRemove")),
  // s.Equals(x) on a null s throws (a literal receiver needs no check)
  M("bool Equals(string value)", (r, a) => js`(${recv(r)} === ${a[0]})`),
  M("bool Equals(object obj)", (r, a) => js`(${recv(r)} === ${a[0]})`),
  M("bool Equals(string value, StringComparison comparisonType)", (r, a) => js`${rt("strEquals")}(${r}, ${a[0]}, ${a[1]})`),
  M("int CompareTo(string strB)", (r, a) => js`${rt("strCompareTo")}(${r}, ${a[0]})`),
  M("string ToString()", (r) => recv(r)),
  // the provider is evaluated (after the receiver: binder-calls orders them), then ignored
  M("string ToString(IFormatProvider provider)", (r, a) => js`(${a[0]}, ${recv(r)})`),
  M("char[] ToCharArray()", (r) => js`${rt("toCharArray")}(${r})`),
  M("int GetHashCode()", (r) => js`${rt("hashCode")}(${r})`),
  M("string Normalize()", (r) => js`${r}.normalize()`),
  M("bool IsNormalized()", (r, _a, x) => {
    const t = x.temp();
    return js`((${t} = ${r}).normalize() === ${t})`;
  }),
  M("object Clone()", (r) => js`${r}.valueOf()`),
  SM("string Copy(string str)", (_r, a) => js`${rt("notNull")}(${a[0]}, "str")`),
  M("void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)", (r, a) => js`${rt("strCopyTo")}(${r}, ${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  SM("string Intern(string str)", (_r, a) => js`${rt("notNull")}(${a[0]}, "str")`),
  M("int LastIndexOfAny(char[] anyOf)", (r, a) => js`${rt("strLastIndexOfAny")}(${r}, ${a[0]})`),
  M("int LastIndexOfAny(char[] anyOf, int startIndex)", (r, a) => js`${rt("strLastIndexOfAny")}(${r}, ${a[0]}, ${a[1]})`),
  M("int LastIndexOfAny(char[] anyOf, int startIndex, int count)", (r, a) => js`${rt("strLastIndexOfAny")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
  SP("string Empty", () => js`""`),
  SM("bool IsNullOrEmpty(string value)", (_r, a) => js`${rt("isNullOrEmpty")}(${a[0]})`),
  SM("bool IsNullOrWhiteSpace(string value)", (_r, a) => js`${rt("isNullOrWhiteSpace")}(${a[0]})`),
  SM("string Join(string separator, params string[] value)", s("strJoin")),
  SM("string Join(string separator, params object[] values)", s("strJoin")),
  SM("string Join(string separator, IEnumerable<string> values)", s("strJoin")),
  SM("string Join<T>(string separator, IEnumerable<T> values)", (_r, a, x) => js`${rt("strJoin")}(${a[0]}, ${a[1]}${elemFmt(x)})`),
  SM("string Join(char separator, params string[] value)", (_r, a) => js`${rt("strJoin")}(String.fromCharCode(${a[0]}), ${a[1]})`),
  SM("string Concat(params string[] values)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
  SM("string Concat(params object[] args)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
  SM("string Concat(IEnumerable<string> values)", (_r, a) => js`${rt("strJoin")}("", ${a[0]})`),
  SM("string Concat<T>(IEnumerable<T> values)", (_r, a, x) => js`${rt("strJoin")}("", ${a[0]}${elemFmt(x)})`),
  fa(SM("string Format(string format, object arg0)", (_r, a, x) => formatConcat(a, x) ?? js`${rt("strFormat")}(${a[0]}, [${a[1]}])`)),
  fa(SM("string Format(string format, object arg0, object arg1)", (_r, a, x) => formatConcat(a, x) ?? js`${rt("strFormat")}(${a[0]}, [${a[1]}, ${a[2]}])`)),
  fa(SM("string Format(string format, object arg0, object arg1, object arg2)", (_r, a, x) => formatConcat(a, x) ?? js`${rt("strFormat")}(${a[0]}, [${a[1]}, ${a[2]}, ${a[3]}])`)),
  fa(SM("string Format(string format, params object[] args)", s("strFormat"))),
  fa(SM("string Format(IFormatProvider provider, string format, params object[] args)", (_r, a) => js`${rt("strFormat")}(${thenProvider(js`null`, a[0])} ?? ${a[1]}, ${a[2]})`)),
  SM("bool Equals(string a, string b)", (_r, a) => js`(${a[0]} === ${a[1]})`),
  SM("bool Equals(string a, string b, StringComparison comparisonType)", s("strEquals")),
  SM("int Compare(string strA, string strB)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, 0)`),
  SM("int Compare(string strA, string strB, bool ignoreCase)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, ${a[2]} ? 1 : 0)`),
  SM("int Compare(string strA, string strB, StringComparison comparisonType)", s("strCompare")),
  SM("int CompareOrdinal(string strA, string strB)", (_r, a) => js`${rt("strCompare")}(${a[0]}, ${a[1]}, 4)`),
]);

type("System", "IComparable", { isInterface: true }, [M("int CompareTo(object obj)", (r, a) => js`${rt("compare")}(${r}, ${a[0]})`)]);

// StringComparison values (System.StringComparison): CurrentCulture 0, CurrentCultureIgnoreCase 1,
// InvariantCulture 2, InvariantCultureIgnoreCase 3, Ordinal 4, OrdinalIgnoreCase 5.
type("System", "StringComparison", { valueType: true }, [
  K("StringComparison CurrentCulture", 0, () => js`0`),
  K("StringComparison CurrentCultureIgnoreCase", 1, () => js`1`),
  K("StringComparison InvariantCulture", 2, () => js`2`),
  K("StringComparison InvariantCultureIgnoreCase", 3, () => js`3`),
  K("StringComparison Ordinal", 4, () => js`4`),
  K("StringComparison OrdinalIgnoreCase", 5, () => js`5`),
]);
type("System", "StringSplitOptions", { valueType: true }, [
  K("StringSplitOptions None", 0, () => js`0`),
  K("StringSplitOptions RemoveEmptyEntries", 1, () => js`1`),
]);
type("System", "StringComparer", { interfaces: ["IComparer<string>", "IEqualityComparer<string>"] }, [
  SP("StringComparer Ordinal", () => js`4`),
  SP("StringComparer OrdinalIgnoreCase", () => js`5`),
  SP("StringComparer InvariantCulture", () => js`2`),
  SP("StringComparer InvariantCultureIgnoreCase", () => js`3`),
  SP("StringComparer CurrentCulture", () => js`0`),
  SP("StringComparer CurrentCultureIgnoreCase", () => js`1`),
  // the comparer (receiver) is evaluated before the arguments, as in C#
  M("bool Equals(string x, string y)", (r, a) => js`${rt("comparerEquals")}(${r}, ${a[0]}, ${a[1]})`),
  M("int Compare(string x, string y)", (r, a) => js`${rt("comparerCompare")}(${r}, ${a[0]}, ${a[1]})`),
  // every culture is the invariant one here: the comparer is InvariantCulture[IgnoreCase]
  SM("StringComparer Create(CultureInfo culture, bool ignoreCase)", (_r, a) => js`(void ${a[0]}, ${a[1]} ? 3 : 2)`),
]);

type("System.Text", "StringBuilder", {}, [
  C("()", () => js`new ${rt("StringBuilder")}()`),
  C("(string value)", (_r, a) => js`new ${rt("StringBuilder")}(${a[0]})`),
  C("(int capacity)", (_r, a) => js`new ${rt("StringBuilder")}("", ${rt("capacity")}(${a[0]}, "'capacity' must be greater than zero."))`),
  C("(string value, int capacity)", (_r, a) => js`new ${rt("StringBuilder")}(${a[0]}, ${rt("capacity")}(${a[1]}, "'capacity' must be greater than zero."))`),
  P("int Capacity", (r) => js`${r}.Capacity`, (r, _a, v) => js`${r}.setCapacity(${v})`),
  M("int EnsureCapacity(int capacity)", (r, a) => js`${r}.EnsureCapacity(${a[0]})`),
  M("StringBuilder Append(string value)", (r, a) => js`${r}.Append(${a[0]})`),
  M("StringBuilder Append(char value)", (r, a) => js`${r}.Append(String.fromCharCode(${a[0]}))`),
  M("StringBuilder Append(object value)", (r, a) => js`${r}.Append(${rt("toStr")}(${a[0]}))`),
  M("StringBuilder AppendLine()", (r) => js`${r}.AppendLine(null)`),
  I("char this[int index]", (r, a) => js`${r}.charAt(${a[0]})`, (r, a, v) => js`${r}.setCharAt(${a[0]}, ${v})`),
  P("int MaxCapacity", (r) => js`(${r}, 2147483647)`),
  M("void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)", (r, a) => js`${rt("sbCopyTo")}(${r}.ToString(), ${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  M("StringBuilder AppendLine(string value)", (r, a) => js`${r}.AppendLine(${a[0]})`),
  fa(M("StringBuilder AppendFormat(string format, params object[] args)", (r, a) => js`${r}.Append(${rt("strFormat")}(${a[0]}, ${a[1]}))`)),
  M("StringBuilder Insert(int index, string value)", (r, a) => js`${r}.Insert(${a[0]}, ${a[1]})`),
  M("StringBuilder Replace(string oldValue, string newValue)", (r, a) => js`${r}.Replace(${a[0]}, ${a[1]})`),
  M("StringBuilder Remove(int startIndex, int length)", (r, a) => js`${r}.Remove(${a[0]}, ${a[1]})`),
  M("StringBuilder Clear()", (r) => js`${r}.Clear()`),
  P("int Length", (r) => js`${r}.Length`, (r, _a, v) => js`${r}.setLength(${v})`),
  M("string ToString()", (r) => js`${r}.ToString()`),
]);

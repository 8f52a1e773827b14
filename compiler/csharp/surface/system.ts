// System primitives: object, bool, char, the numeric types, Nullable<T>, Math, Convert, enums of System.
import { js, rt, shaped, type Code } from "../../codegen/code.js";
import { C, K, M, P, SM, SP, thenProvider, type } from "./dsl.js";
import { isComparerType, type LowerInfo, type Type } from "../types.js";
import { referenceEquals } from "../reference-equality.js";

const toStr = (r: Code): Code => js`${rt("toStr")}(${r})`;

const CLR_NAMES: Record<string, string> = {
  object: "System.Object", string: "System.String", bool: "System.Boolean", char: "System.Char", sbyte: "System.SByte", byte: "System.Byte",
  short: "System.Int16", ushort: "System.UInt16", int: "System.Int32", uint: "System.UInt32", long: "System.Int64", ulong: "System.UInt64",
  float: "System.Single", double: "System.Double", decimal: "System.Decimal", DateTime: "System.DateTime", DateTimeOffset: "System.DateTimeOffset",
  TimeSpan: "System.TimeSpan", Guid: "System.Guid", Uri: "System.Uri",
};
const GENERIC_COLLECTIONS = new Set(["List", "HashSet", "Dictionary", "Queue", "Stack"]);
/** The CLR name of a type as Type.ToString() prints it (`System.Int32[]`, ``System.Collections.Generic.List`1[System.Int32]``); null if unknown. */
export function clrName(t: Type): string | null {
  if (t.k === "array") {
    const e = clrName(t.elem);
    return e && `${e}[]`;
  }
  if (t.k !== "named") return null;
  if (t.def.name === "Nullable") {
    const u = clrName(t.args[0]!);
    return u && `System.Nullable\`1[${u}]`;
  }
  if (!t.args.length) return CLR_NAMES[t.def.name] ?? null;
  if (t.def.ns === "System.Collections.Generic") {
    const args = t.args.map(clrName);
    return args.every((a) => a) ? `System.Collections.Generic.${t.def.name}\`${args.length}[${args.join(",")}]` : null;
  }
  return null;
}

type("System", "object", { test: () => js`true` }, [
  // A collection's ToString() is its runtime type's name, which its static type gives here.
  M("string ToString()", (r, _a, x) => {
    const t = x.recvType;
    const name = t && (t.k === "array" || (t.k === "named" && GENERIC_COLLECTIONS.has(t.def.name))) ? clrName(t) : null;
    if (name) return js`${rt("typeNameOf")}(${r}, ${name})`;
    // a StringComparer is its StringComparison code: its class name (runtime comparerToString)
    return t && isComparerType(t) ? js`${rt("comparerToString")}(${r})` : toStr(r);
  }),
  M("bool Equals(object obj)", (r, a) => js`${rt("objEquals")}(${r}, ${a[0]})`),
  SM("bool Equals(object a, object b)", (_r, a) => js`${rt("objEquals")}(${a[0]}, ${a[1]})`),
  SM("bool ReferenceEquals(object a, object b)", (_r, a, x) => referenceEquals(a[0]!, a[1]!, x.boxes, x.temp)),
  M("int GetHashCode()", (r) => js`${rt("hashCode")}(${r})`),
]);

type("System", "ValueType", {}, []);

type("System", "bool", { valueType: true, test: (v) => js`(typeof ${v} === "boolean")` }, [
  M("string ToString()", (r) => js`(${r} ? "True" : "False")`),
  M("bool Equals(bool obj)", (r, a) => js`(${r} === ${a[0]})`),
  M("int CompareTo(bool value)", (r, a) => js`((${r} ? 1 : 0) - (${a[0]} ? 1 : 0))`),
  SM("bool Parse(string value)", (_r, a) => js`${rt("parseBool")}(${a[0]})`),
  SM("bool TryParse(string value, out bool result)", (_r, a, x) => tryParse(js`${rt("tryParseBool")}(${a[0]})`, a[1]!, x, js`false`)),
  SP("string TrueString", () => js`"True"`),
  SP("string FalseString", () => js`"False"`),
]);

/** Lowers the Try pattern: `helper(...)` returns the value or undefined. */
const DEC_ZERO = () => js`${rt("Decimal")}.Zero`;
export function tryParse(call: Code, out: Code, x: LowerInfo, def: Code): Code {
  const t = x.temp();
  return js`((${t} = ${call}) !== undefined ? (${out} = ${t}, true) : (${out} = ${def}, false))`;
}

type("System", "char", { valueType: true, test: (v) => js`(${v} instanceof ${rt("CharBox")})` }, [
  M("string ToString()", (r) => js`String.fromCharCode(${r})`),
  M("bool Equals(char obj)", (r, a) => js`(${r} === ${a[0]})`),
  M("int CompareTo(char value)", (r, a) => js`(${r} - ${a[0]})`),
  SM("bool IsDigit(char c)", (_r, a) => js`${rt("charIs")}("digit", ${a[0]})`),
  SM("bool IsLetter(char c)", (_r, a) => js`${rt("charIs")}("letter", ${a[0]})`),
  SM("bool IsLetterOrDigit(char c)", (_r, a) => js`${rt("charIs")}("letterOrDigit", ${a[0]})`),
  SM("bool IsWhiteSpace(char c)", (_r, a) => js`${rt("charIs")}("space", ${a[0]})`),
  SM("bool IsUpper(char c)", (_r, a) => js`${rt("charIs")}("upper", ${a[0]})`),
  SM("bool IsLower(char c)", (_r, a) => js`${rt("charIs")}("lower", ${a[0]})`),
  SM("bool IsPunctuation(char c)", (_r, a) => js`${rt("charIs")}("punct", ${a[0]})`),
  SM("bool IsControl(char c)", (_r, a) => js`(${a[0]} < 32 || (${a[0]} >= 127 && ${a[0]} < 160))`),
  SM("char ToUpper(char c)", (_r, a) => js`${rt("charUpper")}(${a[0]})`),
  SM("char ToLower(char c)", (_r, a) => js`${rt("charLower")}(${a[0]})`),
  SM("char ToUpperInvariant(char c)", (_r, a) => js`${rt("charUpper")}(${a[0]})`),
  SM("char ToLowerInvariant(char c)", (_r, a) => js`${rt("charLower")}(${a[0]})`),
  SM("string ToString(char c)", (_r, a) => js`String.fromCharCode(${a[0]})`),
  SM("char Parse(string s)", (_r, a) => js`${rt("parseChar")}(${a[0]})`),
  SM("bool IsDigit(string s, int index)", (_r, a) => js`${rt("charIs")}("digit", ${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("bool IsLetter(string s, int index)", (_r, a) => js`${rt("charIs")}("letter", ${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("bool IsSurrogate(char c)", (_r, a) => js`(${a[0]} >= 0xd800 && ${a[0]} <= 0xdfff)`),
  SM("bool IsHighSurrogate(char c)", (_r, a) => js`(${a[0]} >= 0xd800 && ${a[0]} <= 0xdbff)`),
  SM("bool IsLowSurrogate(char c)", (_r, a) => js`(${a[0]} >= 0xdc00 && ${a[0]} <= 0xdfff)`),
  SM("bool IsSurrogatePair(char highSurrogate, char lowSurrogate)", (_r, a) => js`${rt("charIsSurrogatePair")}(${a[0]}, ${a[1]})`),
  SM("bool IsSurrogate(string s, int index)", (_r, a, x) => {
    const t = x.temp();
    return js`((${t} = ${rt("charAtArg")}(${a[0]}, ${a[1]})) >= 0xd800 && ${t} <= 0xdfff)`;
  }),
  SM("bool IsHighSurrogate(string s, int index)", (_r, a, x) => {
    const t = x.temp();
    return js`((${t} = ${rt("charAtArg")}(${a[0]}, ${a[1]})) >= 0xd800 && ${t} <= 0xdbff)`;
  }),
  SM("bool IsLowSurrogate(string s, int index)", (_r, a, x) => {
    const t = x.temp();
    return js`((${t} = ${rt("charAtArg")}(${a[0]}, ${a[1]})) >= 0xdc00 && ${t} <= 0xdfff)`;
  }),
  SM("bool IsSurrogatePair(string s, int index)", (_r, a) => js`${rt("charIsSurrogatePairAt")}(${a[0]}, ${a[1]})`),
  SM("bool IsNumber(char c)", (_r, a) => js`${rt("charCategory")}("number", ${a[0]})`),
  SM("bool IsNumber(string s, int index)", (_r, a) => js`${rt("charCategory")}("number", ${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("bool IsSeparator(char c)", (_r, a) => js`${rt("charCategory")}("separator", ${a[0]})`),
  SM("bool IsSeparator(string s, int index)", (_r, a) => js`${rt("charCategory")}("separator", ${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("bool IsSymbol(char c)", (_r, a) => js`${rt("charCategory")}("symbol", ${a[0]})`),
  SM("bool IsSymbol(string s, int index)", (_r, a) => js`${rt("charCategory")}("symbol", ${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("string ConvertFromUtf32(int utf32)", (_r, a) => js`${rt("charConvertFromUtf32")}(${a[0]})`),
  SM("int ConvertToUtf32(char highSurrogate, char lowSurrogate)", (_r, a) => js`${rt("charConvertToUtf32")}(${a[0]}, ${a[1]})`),
  SM("int ConvertToUtf32(string s, int index)", (_r, a) => js`${rt("charConvertToUtf32At")}(${a[0]}, ${a[1]})`),
  SM("bool TryParse(string s, out char result)", (_r, a, x) => tryParse(js`${rt("charTryParse")}(${a[0]})`, a[1]!, x, js`0`)),
  SM("UnicodeCategory GetUnicodeCategory(char c)", (_r, a) => js`${rt("charUnicodeCategory")}(${a[0]})`),
  SM("UnicodeCategory GetUnicodeCategory(string s, int index)", (_r, a) => js`${rt("charUnicodeCategory")}(${rt("charCodePointAtArg")}(${a[0]}, ${a[1]}))`),
  SM("double GetNumericValue(char c)", (_r, a) => js`${rt("charNumericValue")}(${a[0]})`),
  SM("double GetNumericValue(string s, int index)", (_r, a) => js`${rt("charNumericValueAt")}(${a[0]}, ${a[1]})`),
  K("char MaxValue", 0xffff, () => js`65535`),
  K("char MinValue", 0, () => js`0`),
]);

interface NumInfo {
  name: string;
  min: number | string;
  max: number | string;
  integral: boolean;
}
const NUMS: NumInfo[] = [
  { name: "sbyte", min: -128, max: 127, integral: true },
  { name: "byte", min: 0, max: 255, integral: true },
  { name: "short", min: -32768, max: 32767, integral: true },
  { name: "ushort", min: 0, max: 65535, integral: true },
  { name: "int", min: -2147483648, max: 2147483647, integral: true },
  { name: "uint", min: 0, max: 4294967295, integral: true },
  { name: "long", min: -9223372036854775808, max: 9223372036854775807, integral: true },
  { name: "ulong", min: 0, max: 18446744073709551615, integral: true },
  { name: "float", min: -3.4028234663852886e38, max: 3.4028234663852886e38, integral: false },
  { name: "double", min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integral: false },
  { name: "decimal", min: -79228162514264337593543950335, max: 79228162514264337593543950335, integral: false },
];

const FLOAT = new Set(["double", "float"]);
/** The 64-bit limits beyond 2^53, exact (their `constant` is the nearest double). */
const LIMITS_64: Record<string, bigint> = { "long.MaxValue": 2n ** 63n - 1n, "long.MinValue": -(2n ** 63n), "ulong.MaxValue": 2n ** 64n - 1n };
const SMALL_INTS = new Set(["sbyte", "byte", "short", "ushort"]);
const INT32ISH = new Set(["sbyte", "byte", "short", "ushort", "int", "uint"]);
const NUMBOXED = new Set(["long", "ulong", "uint", "short", "ushort", "byte", "sbyte", "float"]);
for (const n of NUMS) {
  const T = n.name;
  const dec = T === "decimal";
  const boxed = NUMBOXED.has(T);
  const members = [
    // A 32-bit integer's text is String(x); wider and floating types need .NET's formatting.
    M(`string ToString()`, (r) => shaped(INT32ISH.has(T) ? js`String(${r})` : js`${rt("numToString")}(${r}, ${T})`, { kind: "plainText" })),
    M(`string ToString(string format)`, (r, a) => js`${rt("numFormat")}(${r}, ${a[0]}, ${T})`),
    M(`string ToString(IFormatProvider provider)`, (r, a) => js`${rt("numToString")}(${thenProvider(r, a[0])}, ${T})`),
    M(`string ToString(string format, IFormatProvider provider)`, (r, a) => js`${rt("numFormat")}(${r}, ${thenProvider(a[0]!, a[1])}, ${T})`),
    // double.Equals: NaN equals NaN (unlike ==)
    M(`bool Equals(${T} obj)`, (r, a) => (dec ? js`${rt("decEq")}(${r}, ${a[0]})` : FLOAT.has(T) ? js`${rt("dblEquals")}(${r}, ${a[0]})` : js`(${r} === ${a[0]})`)),
    M(`bool Equals(object obj)`, (r, a) =>
      dec ? js`${rt("objEquals")}(${r}, ${a[0]})` : boxed ? js`${rt("objEquals")}(${rt("boxNum")}(${r}, ${T}), ${a[0]})` : T === "double" ? js`${rt("dblEqualsObj")}(${r}, ${a[0]})` : js`(${r} === ${a[0]})`,
    ),
    // byte, sbyte, short and ushort return the difference (m_value - value), the others -1/0/1
    M(`int CompareTo(${T} value)`, (r, a) => (SMALL_INTS.has(T) ? js`(${r} - ${a[0]})` : js`${rt("compare")}(${r}, ${a[0]})`)),
    // hashed as its box is (a boxed value's hash is its value's)
    M(`int GetHashCode()`, (r) => js`${rt("hashCode")}(${T === "double" ? js`${rt("boxDouble")}(${r})` : boxed ? js`${rt("boxNum")}(${r}, ${T})` : r})`),
    SM(`${T} Parse(string s)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T})`),
    SM(`${T} Parse(string s, IFormatProvider provider)`, (_r, a) => js`${rt("parseNum")}(${thenProvider(a[0]!, a[1])}, ${T})`),
    SM(`${T} Parse(string s, NumberStyles style)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T}, ${a[1]})`),
    SM(`${T} Parse(string s, NumberStyles style, IFormatProvider provider)`, (_r, a) => js`${rt("parseNum")}(${a[0]}, ${T}, ${thenProvider(a[1]!, a[2])})`),
    SM(`bool TryParse(string s, out ${T} result)`, (_r, a, x) => tryParse(js`${rt("tryParseNum")}(${a[0]}, ${T})`, a[1]!, x, dec ? DEC_ZERO() : js`0`)),
    SM(`bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ${T} result)`, (_r, a, x) =>
      tryParse(js`${rt("tryParseNum")}(${a[0]}, ${T}, ${thenProvider(a[1]!, a[2])})`, a[3]!, x, dec ? DEC_ZERO() : js`0`),
    ),
    { ...K(`${T} MaxValue`, n.max as number, () => (dec ? js`${rt("Decimal")}.MaxValue` : T === "long" ? js`${rt("LONG_MAX")}` : T === "ulong" ? js`${rt("ULONG_MAX")}` : js`${n.max as number}`)), ...(LIMITS_64[`${T}.MaxValue`] !== undefined ? { constantBig: LIMITS_64[`${T}.MaxValue`] } : {}) },
    { ...K(`${T} MinValue`, n.min as number, () => (dec ? js`${rt("Decimal")}.MinValue` : T === "long" ? js`${rt("LONG_MIN")}` : js`${n.min as number}`)), ...(LIMITS_64[`${T}.MinValue`] !== undefined ? { constantBig: LIMITS_64[`${T}.MinValue`] } : {}) },
  ];
  if (T === "double" || T === "float") {
    members.push(
      SM(`bool IsNaN(${T} d)`, (_r, a) => js`Number.isNaN(${a[0]})`),
      SM(`bool IsInfinity(${T} d)`, (_r, a) => js`(${a[0]} === Infinity || ${a[0]} === -Infinity)`),
      SM(`bool IsPositiveInfinity(${T} d)`, (_r, a) => js`(${a[0]} === Infinity)`),
      SM(`bool IsNegativeInfinity(${T} d)`, (_r, a) => js`(${a[0]} === -Infinity)`),
      K(`${T} NaN`, NaN, () => js`NaN`),
      K(`${T} PositiveInfinity`, Infinity, () => js`Infinity`),
      K(`${T} NegativeInfinity`, -Infinity, () => js`(-Infinity)`),
      K(`${T} Epsilon`, T === "double" ? 5e-324 : 1.401298464324817e-45, () => js`${T === "double" ? 5e-324 : 1.401298464324817e-45}`),
    );
  }
  if (T === "decimal") {
    members.push(
      SM("decimal Round(decimal d)", (_r, a) => js`${rt("decRound")}(${a[0]}, 0, 0)`),
      SM("decimal Round(decimal d, int decimals)", (_r, a) => js`${rt("decRound")}(${a[0]}, ${a[1]}, 0)`),
      SM("decimal Round(decimal d, MidpointRounding mode)", (_r, a) => js`${rt("decRound")}(${a[0]}, 0, ${a[1]})`),
      SM("decimal Round(decimal d, int decimals, MidpointRounding mode)", (_r, a) => js`${rt("decRound")}(${a[0]}, ${a[1]}, ${a[2]})`),
      SM("decimal Floor(decimal d)", (_r, a) => js`${rt("decFloor")}(${a[0]})`),
      SM("decimal Ceiling(decimal d)", (_r, a) => js`${rt("decCeiling")}(${a[0]})`),
      SM("decimal Truncate(decimal d)", (_r, a) => js`${rt("decTruncate")}(${a[0]})`),
      SM("decimal Negate(decimal d)", (_r, a) => js`${rt("decNeg")}(${a[0]})`),
      SM("decimal Add(decimal d1, decimal d2)", (_r, a) => js`${rt("decAdd")}(${a[0]}, ${a[1]})`),
      SM("decimal Subtract(decimal d1, decimal d2)", (_r, a) => js`${rt("decSub")}(${a[0]}, ${a[1]})`),
      SM("decimal Multiply(decimal d1, decimal d2)", (_r, a) => js`${rt("decMul")}(${a[0]}, ${a[1]})`),
      SM("decimal Divide(decimal d1, decimal d2)", (_r, a) => js`${rt("decDiv")}(${a[0]}, ${a[1]})`),
      SM("decimal Remainder(decimal d1, decimal d2)", (_r, a) => js`${rt("decMod")}(${a[0]}, ${a[1]})`),
      SM("int Compare(decimal d1, decimal d2)", (_r, a) => js`${rt("decCmp")}(${a[0]}, ${a[1]})`),
      SM("decimal Max(decimal d1, decimal d2)", (_r, a) => js`${rt("decMax")}(${a[0]}, ${a[1]})`),
      SM("decimal Min(decimal d1, decimal d2)", (_r, a) => js`${rt("decMin")}(${a[0]}, ${a[1]})`),
      SM("double ToDouble(decimal d)", (_r, a) => js`${rt("decToNum")}(${a[0]})`),
      SM("int ToInt32(decimal d)", (_r, a) => js`${rt("decimalToInt")}(${a[0]}, "int")`),
      SM("long ToInt64(decimal d)", (_r, a) => js`${rt("decimalToInt")}(${a[0]}, "long")`),
      ...(["byte", "sbyte", "short", "ushort", "uint", "ulong"] as const).map((t) =>
        SM(`${t} To${{ byte: "Byte", sbyte: "SByte", short: "Int16", ushort: "UInt16", uint: "UInt32", ulong: "UInt64" }[t]}(decimal value)`, (_r, a) => js`${rt("decimalToInt")}(${a[0]}, ${t})`),
      ),
      SM("float ToSingle(decimal d)", (_r, a) => js`Math.fround(${rt("decToNum")}(${a[0]}))`),
      C("(int value)", (_r, a) => js`${rt("decFromInt")}(${a[0]})`),
      C("(double value)", (_r, a) => js`${rt("decFromDouble")}(${a[0]})`),
      // (new decimal(float) keeps 7 significant digits, as the (decimal) cast of a float does: VarDecFromR4)
      C("(float value)", (_r, a) => js`${rt("decFromFloat")}(${a[0]})`),
      C("(long value)", (_r, a) => js`${rt("decFromInt")}(${a[0]})`),
      C("(int lo, int mid, int hi, bool isNegative, byte scale)", (_r, a) => js`${rt("decFromBits")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`),
      SM("int[] GetBits(decimal d)", (_r, a) => js`${rt("decGetBits")}(${a[0]})`),
      SM("long ToOACurrency(decimal value)", (_r, a) => js`${rt("decToOACurrency")}(${a[0]})`),
      SM("decimal FromOACurrency(long cy)", (_r, a) => js`${rt("decFromOACurrency")}(${a[0]})`),
      K("decimal Zero", 0, () => js`${rt("Decimal")}.Zero`),
      K("decimal One", 1, () => js`${rt("Decimal")}.One`),
      K("decimal MinusOne", -1, () => js`${rt("Decimal")}.MinusOne`),
    );
  }
  // boxes: int and double are plain numbers, decimal a Decimal, the others a NumBox with their type
  const test = dec
    ? (v: Code) => js`(${v} instanceof ${rt("Decimal")})`
    : boxed
      ? (v: Code) => js`(${v} instanceof ${rt("NumBox")} && ${v}.t === ${T})`
      : T === "double"
        ? // an integral double is boxed as NumBox(v, "double") (boxDouble): a plain integer is a boxed int
          (v: Code) => js`((typeof ${v} === "number" && !Number.isInteger(${v})) || (${v} instanceof ${rt("NumBox")} && ${v}.t === "double"))`
        : (v: Code) => js`(typeof ${v} === "number" && Number.isInteger(${v}) && (${v} | 0) === ${v})`;
  type("System", T, { valueType: true, test }, members);
}

type("System", "Nullable", { typeParams: ["T"], valueType: true }, [
  C("(T value)", (_r, a) => a[0]!),
  P("bool HasValue", (r) => js`(${r} != null)`),
  P("T Value", (r) => js`${rt("nullableValue")}(${r})`),
  M("T GetValueOrDefault()", (r, _a, x) => js`(${r} ?? ${defaultOfCode(x)})`),
  M("T GetValueOrDefault(T defaultValue)", (r, a) => js`${rt("nullableOr")}(${r}, ${a[0]})`),
  // a double?, float? or char? shows its value as the double, float or char does ("1E+15", not 1000000000000000)
  M("string ToString()", (r, _a, x) => {
    const t = x.recvType;
    const u = t && t.k === "named" && t.def.name === "Nullable" && t.args[0]?.k === "named" ? t.args[0].def.name : null;
    return u === "double" || u === "float" || u === "char" ? js`${rt("anonShow")}(${r}, ${u})` : js`${rt("toStr")}(${r})`;
  }),
]);

type("System", "Nullable", { isStatic: true }, [
  SM("int Compare<T>(T? n1, T? n2)", (_r, a) => js`${rt("cmp")}(${a[0]}, ${a[1]})`),
  SM("bool Equals<T>(T? n1, T? n2)", (_r, a) => js`${rt("objEquals")}(${a[0]}, ${a[1]})`),
]);

let defaultOfCode: (x: LowerInfo) => Code = () => js`null`;
export function setDefaultOfCode(f: (x: LowerInfo) => Code): void {
  defaultOfCode = f;
}
/** default(T) of the member's return type (set by compiler/csharp/index.ts, which owns defaultValue). */
export const defaultOfReturn = (x: LowerInfo): Code => defaultOfCode(x);

type("System", "IFormatProvider", { isInterface: true }, []);
type("System.Globalization", "CultureInfo", { interfaces: ["IFormatProvider"] }, [
  SP("CultureInfo InvariantCulture", () => js`null`),
  SP("CultureInfo CurrentCulture", () => js`null`),
  SM("CultureInfo GetCultureInfo(string name)", (_r, a) => js`${rt("cultureInfo")}(${a[0]})`),
]);
const UNICODE_CATEGORIES = ["UppercaseLetter", "LowercaseLetter", "TitlecaseLetter", "ModifierLetter", "OtherLetter", "NonSpacingMark", "SpacingCombiningMark", "EnclosingMark", "DecimalDigitNumber", "LetterNumber", "OtherNumber", "SpaceSeparator", "LineSeparator", "ParagraphSeparator", "Control", "Format", "Surrogate", "PrivateUse", "ConnectorPunctuation", "DashPunctuation", "OpenPunctuation", "ClosePunctuation", "InitialQuotePunctuation", "FinalQuotePunctuation", "OtherPunctuation", "MathSymbol", "CurrencySymbol", "ModifierSymbol", "OtherSymbol", "OtherNotAssigned"];
type("System.Globalization", "UnicodeCategory", { valueType: true }, UNICODE_CATEGORIES.map((n, i) => K(`UnicodeCategory ${n}`, i, () => js`${i}`)));
type("System.Globalization", "NumberStyles", { valueType: true }, [
  K("NumberStyles None", 0, () => js`0`),
  K("NumberStyles Integer", 7, () => js`7`),
  K("NumberStyles HexNumber", 515, () => js`515`),
  K("NumberStyles AllowHexSpecifier", 512, () => js`512`),
  K("NumberStyles Number", 111, () => js`111`),
  K("NumberStyles Float", 167, () => js`167`),
  K("NumberStyles Any", 511, () => js`511`),
  K("NumberStyles AllowDecimalPoint", 32, () => js`32`),
  K("NumberStyles AllowThousands", 64, () => js`64`),
  K("NumberStyles AllowLeadingWhite", 1, () => js`1`),
  K("NumberStyles AllowTrailingWhite", 2, () => js`2`),
  K("NumberStyles AllowLeadingSign", 4, () => js`4`),
  K("NumberStyles AllowTrailingSign", 8, () => js`8`),
  K("NumberStyles AllowParentheses", 16, () => js`16`),
  K("NumberStyles AllowExponent", 128, () => js`128`),
  K("NumberStyles AllowCurrencySymbol", 256, () => js`256`),
  K("NumberStyles Currency", 383, () => js`383`),
]);

const math = (name: string, sigs: string[], f: (a: Code[]) => Code) => sigs.map((s) => SM(s.replace("$", name), (_r, a) => f(a)));
type("System", "Math", { isStatic: true }, [
  ...(["int", "long", "short", "sbyte"] as const).flatMap((t) => math("Abs", [`${t} $(${t} value)`], (a) => js`${rt("iabs")}(${a[0]}, ${t})`)),
  ...math("Abs", ["double $(double value)", "float $(float value)"], (a) => js`Math.abs(${a[0]})`),
  ...math("Abs", ["decimal $(decimal value)"], (a) => js`${rt("decAbs")}(${a[0]})`),
  // the integral overloads of every width; double/float as the reference source (NaN, 0.0 vs -0.0: fmax)
  ...math("Max", ["int $(int val1, int val2)", "byte $(byte val1, byte val2)", "sbyte $(sbyte val1, sbyte val2)", "short $(short val1, short val2)", "ushort $(ushort val1, ushort val2)", "uint $(uint val1, uint val2)"], (a) => js`Math.max(${a[0]}, ${a[1]})`),
  ...math("Max", ["double $(double val1, double val2)", "float $(float val1, float val2)"], (a) => js`${rt("fmax")}(${a[0]}, ${a[1]})`),
  ...math("Max", ["long $(long val1, long val2)", "ulong $(ulong val1, ulong val2)"], (a) => js`${rt("lmax")}(${a[0]}, ${a[1]})`),
  ...math("Max", ["decimal $(decimal val1, decimal val2)"], (a) => js`${rt("decMax")}(${a[0]}, ${a[1]})`),
  ...math("Min", ["int $(int val1, int val2)", "byte $(byte val1, byte val2)", "sbyte $(sbyte val1, sbyte val2)", "short $(short val1, short val2)", "ushort $(ushort val1, ushort val2)", "uint $(uint val1, uint val2)"], (a) => js`Math.min(${a[0]}, ${a[1]})`),
  ...math("Min", ["double $(double val1, double val2)", "float $(float val1, float val2)"], (a) => js`${rt("fmin")}(${a[0]}, ${a[1]})`),
  ...math("Min", ["long $(long val1, long val2)", "ulong $(ulong val1, ulong val2)"], (a) => js`${rt("lmin")}(${a[0]}, ${a[1]})`),
  ...math("Min", ["decimal $(decimal val1, decimal val2)"], (a) => js`${rt("decMin")}(${a[0]}, ${a[1]})`),
  ...math("Floor", ["double $(double d)"], (a) => js`Math.floor(${a[0]})`),
  ...math("Floor", ["decimal $(decimal d)"], (a) => js`${rt("decFloor")}(${a[0]})`),
  ...math("Ceiling", ["double $(double a)"], (a) => js`Math.ceil(${a[0]})`),
  ...math("Ceiling", ["decimal $(decimal d)"], (a) => js`${rt("decCeiling")}(${a[0]})`),
  ...math("Truncate", ["double $(double d)"], (a) => js`Math.trunc(${a[0]})`),
  ...math("Truncate", ["decimal $(decimal d)"], (a) => js`${rt("decTruncate")}(${a[0]})`),
  ...math("Round", ["double $(double a)"], (a) => js`${rt("mathRound")}(${a[0]}, 0, 0)`),
  ...math("Round", ["double $(double a, int digits)"], (a) => js`${rt("mathRound")}(${a[0]}, ${a[1]}, 0)`),
  ...math("Round", ["double $(double a, MidpointRounding mode)"], (a) => js`${rt("mathRound")}(${a[0]}, 0, ${a[1]})`),
  ...math("Round", ["double $(double a, int digits, MidpointRounding mode)"], (a) => js`${rt("mathRound")}(${a[0]}, ${a[1]}, ${a[2]})`),
  ...math("Round", ["decimal $(decimal d)"], (a) => js`${rt("decRound")}(${a[0]}, 0, 0)`),
  ...math("Round", ["decimal $(decimal d, int decimals)"], (a) => js`${rt("decRound")}(${a[0]}, ${a[1]}, 0)`),
  ...math("Round", ["decimal $(decimal d, MidpointRounding mode)"], (a) => js`${rt("decRound")}(${a[0]}, 0, ${a[1]})`),
  ...math("Round", ["decimal $(decimal d, int decimals, MidpointRounding mode)"], (a) => js`${rt("decRound")}(${a[0]}, ${a[1]}, ${a[2]})`),
  ...math("Pow", ["double $(double x, double y)"], (a) => js`${rt("mathPow")}(${a[0]}, ${a[1]})`),
  ...math("Sqrt", ["double $(double d)"], (a) => js`Math.sqrt(${a[0]})`),
  ...math("Log", ["double $(double d)"], (a) => js`Math.log(${a[0]})`),
  ...math("Log10", ["double $(double d)"], (a) => js`Math.log10(${a[0]})`),
  ...math("Log", ["double $(double a, double newBase)"], (a) => js`${rt("mathLogBase")}(${a[0]}, ${a[1]})`),
  ...math("Exp", ["double $(double d)"], (a) => js`Math.exp(${a[0]})`),
  ...math("Sign", ["int $(int value)", "int $(long value)", "int $(double value)", "int $(short value)", "int $(sbyte value)", "int $(float value)"], (a) => js`${rt("mathSign")}(${a[0]})`),
  ...math("Sign", ["int $(decimal value)"], (a) => js`${rt("decSign")}(${a[0]})`),
  ...math("Sin", ["double $(double a)"], (a) => js`Math.sin(${a[0]})`),
  ...math("Cos", ["double $(double a)"], (a) => js`Math.cos(${a[0]})`),
  ...math("Tan", ["double $(double a)"], (a) => js`Math.tan(${a[0]})`),
  ...math("Atan", ["double $(double a)"], (a) => js`Math.atan(${a[0]})`),
  ...math("Atan2", ["double $(double y, double x)"], (a) => js`Math.atan2(${a[0]}, ${a[1]})`),
  ...math("Acos", ["double $(double d)"], (a) => js`Math.acos(${a[0]})`),
  ...math("Asin", ["double $(double d)"], (a) => js`Math.asin(${a[0]})`),
  ...math("Cosh", ["double $(double value)"], (a) => js`Math.cosh(${a[0]})`),
  ...math("Sinh", ["double $(double value)"], (a) => js`Math.sinh(${a[0]})`),
  ...math("Tanh", ["double $(double value)"], (a) => js`Math.tanh(${a[0]})`),
  ...math("IEEERemainder", ["double $(double x, double y)"], (a) => js`${rt("ieeeRemainder")}(${a[0]}, ${a[1]})`),
  // an int × int product always fits a long
  ...math("BigMul", ["long $(int a, int b)"], (a) => js`${rt("lmul")}(${a[0]}, ${a[1]})`),
  SM("int DivRem(int a, int b, out int result)", (_r, a, x) => {
    const [ta, tb] = [x.temp(), x.temp()];
    return js`(${ta} = ${a[0]}, ${tb} = ${a[1]}, ${a[2]} = ${rt("imod32")}(${ta}, ${tb}), ${rt("idiv32")}(${ta}, ${tb}))`;
  }),
  SM("long DivRem(long a, long b, out long result)", (_r, a, x) => {
    const [ta, tb] = [x.temp(), x.temp()];
    return js`(${ta} = ${a[0]}, ${tb} = ${a[1]}, ${a[2]} = ${rt("lmod")}(${ta}, ${tb}), ${rt("ldiv")}(${ta}, ${tb}))`;
  }),
  K("double PI", Math.PI, () => js`Math.PI`),
  K("double E", Math.E, () => js`Math.E`),
]);

type("System", "MidpointRounding", { valueType: true }, [
  K("MidpointRounding ToEven", 0, () => js`0`),
  K("MidpointRounding AwayFromZero", 1, () => js`1`),
]);

type("System", "Random", {}, [
  C("()", () => js`${rt("newRandom")}()`),
  C("(int seed)", () => js`${rt("newRandom")}()`),
  M("int Next()", (r) => js`${r}.Next()`),
  M("int Next(int maxValue)", (r, a) => js`${r}.Next(0, ${a[0]})`),
  M("int Next(int minValue, int maxValue)", (r, a) => js`${r}.Next(${a[0]}, ${a[1]})`),
  M("double NextDouble()", (r) => js`${r}.NextDouble()`),
  M("void NextBytes(byte[] buffer)", (r, a) => js`${r}.NextBytes(${a[0]})`),
]);

type("System", "Exception", { test: (v) => js`(${v} instanceof ${rt("DotNetException")})` }, [
  C("()", () => js`${rt("newException")}("System.Exception", "Exception of type 'System.Exception' was thrown.")`),
  C("(string message)", (_r, a) => js`${rt("newException")}("System.Exception", ${a[0]})`),
  C("(string message, Exception innerException)", (_r, a) => js`${rt("newException")}("System.Exception", ${a[0]}, ${a[1]})`),
  P("string Message", (r) => js`${r}.message`),
  P("Exception InnerException", (r) => js`(${r}.inner ?? null)`),
  P("string StackTrace", () => js`null`),
  P("string Source", () => js`null`),
  P("int HResult", (r) => js`${rt("exHResult")}(${r})`),
  P("string HelpLink", (r) => js`${rt("exHelpLink")}(${r})`, (r, _a, v) => js`${rt("exSetHelpLink")}(${r}, ${v})`),
  M("Exception GetBaseException()", (r) => js`${rt("exGetBaseException")}(${r})`),
  M("string ToString()", (r) => js`${r}.toString()`),
]);
for (const [name, full] of [
  ["ArgumentException", "System.ArgumentException"],
  ["ArgumentNullException", "System.ArgumentNullException"],
  ["ArgumentOutOfRangeException", "System.ArgumentOutOfRangeException"],
  ["InvalidOperationException", "System.InvalidOperationException"],
  ["FormatException", "System.FormatException"],
  ["NullReferenceException", "System.NullReferenceException"],
  ["InvalidCastException", "System.InvalidCastException"],
  ["NotSupportedException", "System.NotSupportedException"],
  ["NotImplementedException", "System.NotImplementedException"],
  ["OverflowException", "System.OverflowException"],
  ["DivideByZeroException", "System.DivideByZeroException"],
  ["IndexOutOfRangeException", "System.IndexOutOfRangeException"],
  ["KeyNotFoundException", "System.Collections.Generic.KeyNotFoundException"],
  ["JsonReaderException", "Newtonsoft.Json.JsonReaderException"],
  ["JsonException", "Newtonsoft.Json.JsonException"],
] as const) {
  const ns = full.slice(0, full.lastIndexOf("."));
  type(ns, name, { base: "Exception", test: (v) => js`${rt("isException")}(${v}, ${full})` }, [
    C("()", () => js`${rt("newException")}(${full}, ${`Exception of type '${full}' was thrown.`})`),
    C("(string message)", (_r, a) => js`${rt("newException")}(${full}, ${a[0]})`),
    C("(string message, Exception innerException)", (_r, a) => js`${rt("newException")}(${full}, ${a[0]}, ${a[1]})`),
  ]);
}

type("System", "Type", {}, [P("string Name", (r) => js`${r}.Name`), P("string FullName", (r) => js`${r}.FullName`), M("string ToString()", (r) => js`${r}.FullName`)]);

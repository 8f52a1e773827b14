// Lowering of C# operators, conversions and statements to JS (called by the binder, which knows the
// static types).
//
// Value representations (runtime):
// - string → JS string, or null. `undefined` never escapes: `?.` lowers to `(t = x) == null ? null : ...`.
// - bool → boolean.
// - char → number (UTF-16 code unit). Converted with String.fromCharCode where C# makes a string
//   (concatenation, interpolation, ToString) and when boxed to object (a boxed char is a 1-char string).
// - sbyte/byte/short/ushort/int/uint → number kept in range: `|0` on + - (Math.imul for *),
//   truncating `/` and `%` throw DivideByZeroException (runtime idiv/imod).
// - long/ulong → exact over 64 bits (runtime/dotnet/long.ts): a JS number while the value is a safe
//   integer (|v| < 2^53), a BigInt beyond — one canonical form, so `===`, `<` (mixed number/BigInt
//   compare correctly) and Map keys work unchanged. + - * / % & | ^ ~ unary - on long/ulong lower
//   to helpers (ladd, lsub, lmul, ldiv, lmod, lbit, lnot, lneg; lchk when checked) whose fast path
//   is one JS operation plus a range check on two numbers; beyond 2^53 they compute in BigInt and
//   wrap to 64 bits. Conversions: long → double/float is Number(x); long → int/short/... takes the
//   low bits (l2i); double → long is d2l; long ↔ ulong is lconv. Literals and long.MaxValue beyond
//   2^53 are hoisted BigInts; constants are folded only while safe. int/double code is unchanged
//   (an int operand of a long operator is simply passed as a number). Shims taking a long (AddTicks,
//   FromTicks, FromUnixTimeSeconds) convert it with Number() where a double is what they keep;
//   DateTime.Ticks / ToFileTimeUtc return exact BigInts; a DateTime keeps fractional milliseconds
//   in a double plus the ticks that double cannot hold (set by FromTicks/AddTicks; AddDays & co.
//   start again from the double, ±2 ticks on current dates).
// - float/double → number.
// - decimal → runtime Decimal (runtime/dotnet/decimal.ts): a 96-bit mantissa as a signed BigInt and a
//   scale 0–28, immutable. Exact as in .NET: 0.1m + 0.2m == 0.3m, 1.50m * 2 prints 3.00, 10m / 3 has
//   28 decimals (half-to-even), 1.10m.ToString() is "1.10". Literals are hoisted constants
//   (rt.decLit("1.10")); every decimal operator and conversion is a runtime call (decAdd, decCmp,
//   decEq, decFromInt, decFromDouble: 15 significant digits like .NET, decToNum, decimalToInt), never
//   folded at compile time (cv keeps the double value, for `const` and switch labels only). int/long
//   operands of a decimal operator are passed as numbers and promoted by the runtime. Newtonsoft sees
//   a decimal as its nearest double (unboxJson), as JSON numbers are doubles there.
// - byte[] → Uint8Array; other arrays and List<T> → JS arrays; Dictionary<K,V> → runtime Dictionary;
//   HashSet<T> → Set; KeyValuePair → { Key, Value }.
// - DateTime / TimeSpan → runtime classes; Guid → its "D" string; enums → numbers (ToString,
//   concatenation and interpolation print the member name from a hoisted name table).
// - Boxing to object (box()): the common boxes stay plain JS values — string, bool, int (a JS number
//   that is an integer in int range), double with a fraction (a JS number), decimal (its Decimal),
//   char (a CharBox: an object holding the character, so it is not a string). An integral double boxes as NumBox(v, "double") (rt.boxDouble), so a
//   plain integer is always a boxed int. long/ulong/uint/short/ushort/byte/sbyte/float box as a runtime NumBox { v, t } that keeps
//   the C# type, so `(object)5L is int` is false, `(int)(object)5L` and `(long)(object)5` throw
//   InvalidCastException and `(long)(object)5L` unboxes (castTo returns .v). set-variable stores
//   those types boxed too; GetValueOrDefault<T> stays lenient (a plain number converts to any numeric
//   T). JValue.Value of a JSON integer is a NumBox long (Newtonsoft boxes Int64), of a JSON float a
//   boxed double. So `(double)(object)5` and `(int)(object)5.0` throw, and `(object)5.0 is int` is
//   false, as in C#. Arrays and generic collections get a non-enumerable $typeName
//   (their CLR name, for ToString()); composite-formatting arguments of static type float/enum are
//   wrapped (FloatBox/EnumBox) so String.Format formats them as .NET does.
// - Checked context (`checked(...)`): integral + - * unary - and narrowing casts go through
//   rt.chk/chkConv (OverflowException); constant overflow is a compile-time error outside unchecked.
// - Nullable<T> → T or null. Unboxing casts (rt.castTo) check the box as above.
// - Newtonsoft tokens → runtime JToken classes.
import { INT_RANGES } from "../../runtime/dotnet/core.js";
import { MAX_FOLDED_STRING } from "../codegen/fold.js";
import { ident, js, literal, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { hasSecretMarker } from "../named-values.js";
import type { Expr, Initializer, Stmt } from "./ast.js";
// lower.ts sees the binder through LowerBinder (bound.ts), so binder.ts and lower.ts do not import each other.
import type { BExpr, LowerBinder as Binder } from "./bound.js";
import {
  ERROR,
  NULL,
  arrayOf,
  derivesFrom,
  elementType,
  isComparerType,
  isIntegral,
  isNamed,
  isNullable,
  isNumeric,
  isReferenceType,
  isValueType,
  named,
  nullableOf,
  primName,
  registerType,
  sameType,
  typeName,
  underlyingNullable,
  type Type,
  type TypeDef,
} from "./types.js";
import { P } from "./surface/dsl.js";
import { constOf64, exactInt, foldLong, foldNum, wrap64 } from "./constant-fold.js";
import { referenceEquals } from "./reference-equality.js";

type CV = { v: string | number | boolean | null };

// ---- literals ------------------------------------------------------------------------------------
export function literalExpr(e: Expr & { k: "lit" }, b: Binder): BExpr {
  switch (e.type) {
    case "decimal": {
      const code = b.scope.constant(js`${rt("decLit")}(${literal(e.text ?? String(e.value))})`, "dec");
      return { type: named("decimal"), code, pos: e.pos, cv: { v: e.value as number }, pure: true };
    }
    case "null":
      return { type: NULL, code: js`null`, pos: e.pos, cv: { v: null }, pure: true };
    case "bool":
      return { type: named("bool"), code: literal(e.value as boolean), pos: e.pos, cv: { v: e.value as boolean }, pure: true };
    case "string":
      // A secret named value in the string is known only when the module loads: not a constant to fold.
      if (hasSecretMarker(e.value as string)) return { type: named("string"), code: literal(e.value as string), pos: e.pos, pure: true };
      return { type: named("string"), code: literal(e.value as string), pos: e.pos, cv: { v: e.value as string }, pure: true };
    case "char":
      return { type: named("char"), code: literal(e.value as number), pos: e.pos, cv: { v: e.value as number }, pure: true };
    case "int":
    case "uint":
    case "long":
    case "ulong": {
      const n = Number(e.value as bigint);
      // beyond 2^53 a long is a BigInt (hoisted); cv keeps the nearest double, for folding checks only
      if (!Number.isSafeInteger(n)) return { ...longConstant(b, named(e.type), e.value as bigint, e.pos), pure: true };
      return { type: named(e.type), code: literal(n), pos: e.pos, cv: { v: n }, pure: true };
    }
    case "float": {
      // A float literal is the nearest float (123456789f is 123456792), not the nearest double.
      const v = Math.fround(e.value as number);
      return { type: named("float"), code: literal(v), pos: e.pos, cv: { v }, pure: true };
    }
    default:
      return { type: named(e.type), code: literal(e.value as number), pos: e.pos, cv: { v: e.value as number }, pure: true };
  }
}

const INT_RANGE = INT_RANGES;

// implicit numeric conversions (C# spec 6.1.2)
const IMPLICIT_NUM: Record<string, string[]> = {
  sbyte: ["short", "int", "long", "float", "double", "decimal"],
  byte: ["short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
  short: ["int", "long", "float", "double", "decimal"],
  ushort: ["int", "uint", "long", "ulong", "float", "double", "decimal"],
  int: ["long", "float", "double", "decimal"],
  uint: ["long", "ulong", "float", "double", "decimal"],
  long: ["float", "double", "decimal"],
  ulong: ["float", "double", "decimal"],
  char: ["ushort", "int", "uint", "long", "ulong", "float", "double", "decimal"],
  float: ["double"],
};

export function defaultValue(t: Type): Code {
  if (isNullable(t)) return js`null`;
  const p = primName(t);
  if (p === "bool") return js`false`;
  if (p === "decimal") return js`${rt("Decimal")}.Zero`;
  if (p && (isNumeric(t) || (t.k === "named" && t.def.valueType && !t.def.members.size))) return js`0`;
  if (t.k === "named" && t.def.valueType) {
    if (t.def.name === "DateTime") return js`${rt("DateTime")}.MinValue`;
    if (t.def.name === "TimeSpan") return js`${rt("TimeSpan")}.Zero`;
    if (t.def.name === "Guid") return js`"00000000-0000-0000-0000-000000000000"`;
    if (t.def.name === "KeyValuePair") return js`{ Key: null, Value: null }`;
    if (t.def.name === "HashAlgorithmName") return js`null`; // a struct whose value is its name
    return js`0`; // enums
  }
  return js`null`;
}
export function defaultConst(t: Type): CV | undefined {
  if (isNullable(t) || isReferenceType(t)) return { v: null };
  if (isNamed(t, "bool")) return { v: false };
  if (isNumeric(t)) return { v: 0 };
  return undefined;
}

export function tempDecl(temps: Code[]): Code {
  return temps.length ? js`let ${joinCodes(temps)}; ` : js``;
}

// ---- conversions ----------------------------------------------------------------------------------
function isObject(t: Type): boolean {
  return isNamed(t, "object");
}
function isJToken(t: Type): boolean {
  return t.k === "named" && ["JToken", "JValue", "JContainer", "JObject", "JArray", "JProperty", "JConstructor"].includes(t.def.name) && t.def.ns.startsWith("Newtonsoft");
}
const JTOKEN_FROM = ["bool", "char", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "string", "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "Uri"];

export function implicitCost(b: Binder, e: BExpr, to: Type): number {
  const from = e.type;
  if (to.k === "error" || from.k === "error") return 0;
  if (sameType(from, to)) return 0;
  if (from.k === "null") return isReferenceType(to) || isNullable(to) ? 1 : -1;
  if (from.k === "lambda") return -1;
  const fp = primName(from);
  const tp = primName(to);
  // constant int → smaller integral type when in range
  if (fp === "int" && e.cv !== undefined && typeof e.cv.v === "number" && tp && INT_RANGE[tp] && tp !== "char") {
    const [lo, hi] = INT_RANGE[tp]!;
    if (e.cv.v >= lo && e.cv.v <= hi) return 1;
  }
  if (fp && tp && IMPLICIT_NUM[fp]?.includes(tp)) return 1 + IMPLICIT_NUM[fp]!.indexOf(tp) / 100;
  if (isNullable(to)) {
    const inner = underlyingNullable(to);
    if (isNullable(from)) return sameType(underlyingNullable(from), inner) ? 0 : implicitCost(b, { ...e, type: underlyingNullable(from) }, inner) >= 0 ? 2 : -1;
    const c = implicitCost(b, e, inner);
    return c >= 0 ? c + 1 : -1;
  }
  if (isObject(to)) return 3;
  if (derivesFrom(from, to)) return 2;
  // user-defined: primitives → JToken
  if (isJToken(to) && (to.k === "named" && (to.def.name === "JToken" || to.def.name === "JValue"))) {
    const base = underlyingNullable(from);
    if (base.k === "named" && JTOKEN_FROM.includes(base.def.name)) return 4;
    if (isNamed(base, "byte") || (base.k === "array" && isNamed(base.elem, "byte"))) return 4;
  }
  // user-defined: DateTime → DateTimeOffset
  if (isNamed(from, "DateTime") && isNamed(underlyingNullable(to), "DateTimeOffset")) return 4;
  // user-defined: string → XName / XNamespace
  if (isNamed(from, "string") && (isXml(to, "XName") || isXml(to, "XNamespace"))) return 4;
  // enums ↔ 0 literal
  if (to.k === "named" && to.def.valueType && to.def.members.size && !isNumeric(to) && fp === "int" && e.cv?.v === 0 && isEnum(to)) return 1;
  return -1;
}

export function isXml(t: Type, name: string): boolean {
  return t.k === "named" && t.def.name === name && t.def.ns === "System.Xml.Linq";
}
const XML_VALUE_TARGETS = new Set(["string", "bool", "int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort", "double", "float", "decimal"]);

export function isEnum(t: Type): boolean {
  if (t.k !== "named" || !t.def.valueType || isNumeric(t) || t.def.ns === "System" && ["bool", "DateTime", "TimeSpan", "Guid", "Nullable"].includes(t.def.name)) return false;
  for (const ms of t.def.members.values()) for (const m of ms) if (m.kind !== "field") return false;
  return t.def.members.size > 0;
}

/** A hoisted table of an enum's member names by value (for ToString). */
/** The [Flags] enums of the surface (their ToString joins member names: "IgnoreCase, Multiline"). */
const FLAGS_ENUMS = new Set([
  "System.Globalization.NumberStyles", "System.StringSplitOptions", "System.Globalization.DateTimeStyles", "System.Globalization.TimeSpanStyles",
  "System.UriComponents", "System.Text.RegularExpressions.RegexOptions", "System.Xml.Linq.LoadOptions", "System.Xml.Linq.SaveOptions",
]);
/**
 * Members of surface enums that policies cannot name (their behaviour is not implemented: DateTime
 * parsing ignores the Allow*White styles) but whose names ToString prints, in .NET's declaration order.
 */
const NAME_ONLY_MEMBERS: Record<string, [string, number][]> = {
  "System.Globalization.DateTimeStyles": [["AllowLeadingWhite", 1], ["AllowTrailingWhite", 2], ["AllowInnerWhite", 4], ["AllowWhiteSpaces", 7]],
  "System.Net.Sockets.AddressFamily": [
    ["Unix", 1], ["ImpLink", 3], ["Pup", 4], ["Chaos", 5], ["NS", 6], ["Ipx", 6], ["Iso", 7], ["Osi", 7], ["Ecma", 8], ["DataKit", 9], ["Ccitt", 10],
    ["Sna", 11], ["DecNet", 12], ["DataLink", 13], ["Lat", 14], ["HyperChannel", 15], ["AppleTalk", 16], ["NetBios", 17], ["VoiceView", 18],
    ["FireFox", 19], ["Banyan", 21], ["Atm", 22], ["Cluster", 24], ["Ieee12844", 25], ["Irda", 26], ["NetworkDesigners", 28], ["Max", 29],
  ],
};
/**
 * The name Enum.ToString ("G") gives a value that several members share: .NET binary-searches the
 * values sorted stably by value (RuntimeType.GetEnumData's insertion sort), so which one it lands on
 * depends on the positions; the "F" format takes the last of them.
 */
const SHARED_VALUE_NAMES: Record<string, Record<number, string>> = {
  "System.Net.Sockets.AddressFamily": { 6: "Ipx", 7: "Osi" },
  "System.Security.Cryptography.X509Certificates.X509ContentType": { 3: "Pfx" },
};
/**
 * An enum type's member names by value (runtime enums.ts EnumNames): `$t` its CLR name, `$f` when
 * [Flags], `$l` the last name of a value several members share (the one flags formatting takes).
 */
export function enumNames(b: Binder | undefined, t: Type): Code {
  const def = (t as Type & { k: "named" }).def;
  const full = `${def.ns}.${def.name}`;
  const members: [string, number][] = [];
  for (const ms of def.members.values()) for (const m of ms) if (typeof m.constant === "number") members.push([m.name, m.constant]);
  members.push(...(NAME_ONLY_MEMBERS[full] ?? []));
  const first = new Map<number, string>();
  const last = new Map<number, string>();
  for (const [n, v] of members) {
    if (!first.has(v)) first.set(v, SHARED_VALUE_NAMES[full]?.[v] ?? n);
    last.set(v, n);
  }
  let body = js``;
  for (const [v, n] of first) body = js`${body}[${literal(v)}]: ${literal(n)}, `;
  let shared = js``;
  let anyShared = false;
  for (const [v, n] of last) if (first.get(v) !== n) (shared = js`${shared}[${literal(v)}]: ${literal(n)}, `), (anyShared = true);
  body = js`${body}$t: ${literal(full)}${FLAGS_ENUMS.has(full) ? js`, $f: 1` : js``}${anyShared ? js`, $l: { ${shared} }` : js``}`;
  return b ? b.scope.constant(js`{ ${body} }`, `enum_${def.name}`) : js`{ ${body} }`;
}
/** `e.ToString()` of an enum value: its member name (flags combined with ", "), else the number. */
export function enumToString(b: Binder, e: BExpr): Code {
  return js`${rt("enumStr")}(${e.code}, ${enumNames(b, e.type)})`;
}

const CLR_PRIM: Record<string, string> = {
  bool: "Boolean", byte: "Byte", sbyte: "SByte", short: "Int16", ushort: "UInt16", int: "Int32", uint: "UInt32", long: "Int64", ulong: "UInt64",
  float: "Single", double: "Double", decimal: "Decimal", char: "Char", string: "String", object: "Object",
};
/** The CLR full name of a type, as Type.ToString() prints it (System.Int32[], System.Collections.Generic.List`1[System.Int32]). */
export function clrName(t: Type): string {
  if (t.k === "array") return `${clrName(t.elem)}[]`;
  if (t.k !== "named") return "System.Object";
  const p = CLR_PRIM[t.def.name];
  if (p && t.def.ns === "System") return `System.${p}`;
  const base = `${t.def.ns ? `${t.def.ns}.` : ""}${t.def.name}`;
  return t.args.length ? `${base}\`${t.args.length}[${t.args.map(clrName).join(",")}]` : base;
}
const TAGGED_COLLECTIONS = new Set(["List", "Dictionary", "HashSet", "Queue", "Stack", "SortedDictionary", "SortedSet", "LinkedList"]);

/** Value types boxed as a NumBox (value + type); int boxes as a plain JS number, double too unless integral (boxDouble). */
const NUMBOXED = new Set(["long", "ulong", "uint", "short", "ushort", "byte", "sbyte", "float"]);
export function isDecimal(t: Type): boolean {
  return t.k === "named" && t.def.name === "decimal" && t.def.ns === "System";
}
export function isLong(t: Type): boolean {
  const p = primName(t);
  return p === "long" || p === "ulong";
}
function isFloating(t: Type): boolean {
  const p = primName(t);
  return p === "double" || p === "float";
}
/** long → double/float: a BigInt long becomes its nearest double (a safe constant needs nothing). */
function longToDouble(b: Binder, e: BExpr): Code {
  if (e.cv !== undefined && typeof e.cv.v === "number" && Number.isSafeInteger(e.cv.v)) return e.code;
  if (isNullable(e.type)) {
    const t = b.temp();
    return js`((${t} = ${e.code}) == null ? null : Number(${t}))`;
  }
  return js`Number(${e.code})`;
}
/** int/long/char/... → decimal (exact). */
function decimalFrom(b: Binder, e: BExpr): Code {
  if (e.cv !== undefined && typeof e.cv.v === "number" && Number.isSafeInteger(e.cv.v)) return b.scope.constant(js`${rt("decFromInt")}(${literal(e.cv.v)})`, "dec");
  if (isNullable(e.type)) {
    const t = b.temp();
    return js`((${t} = ${e.code}) == null ? null : ${rt("decFromInt")}(${t}))`;
  }
  return js`${rt("decFromInt")}(${e.code})`;
}
/**
 * Whether a value of static type `t` can hold a decimal or a boxed value inside it (an anonymous
 * object with a decimal member, a List<object>): Newtonsoft then gets it through unboxJsonDeep.
 */
export function mayHoldBoxes(t: Type, depth = 0): boolean {
  if (depth > 8) return false;
  if (t.k === "array") return mayHoldBoxes(t.elem, depth + 1);
  if (t.k !== "named") return false;
  const u = underlyingNullable(t);
  if (u.k !== "named") return false;
  if (isDecimal(u) || isObject(u)) return true;
  if (u.def.name.startsWith("<anonymous")) {
    for (const ms of u.def.members.values()) for (const m of ms) if (m.parsed && mayHoldBoxes(m.parsed.ret, depth + 1)) return true;
    return false;
  }
  if (isJToken(u) || u.def.ns === "System" && !u.args.length) return false;
  return u.args.some((a) => mayHoldBoxes(a, depth + 1));
}
/** A value passed to Newtonsoft as a plain JS value (decimal → its nearest double: JSON numbers are doubles there). */
function jsonValue(e: BExpr): Code {
  const u = underlyingNullable(e.type);
  if (isDecimal(u)) return e.code; // JValue keeps a Decimal exactly (newtonsoft.ts)
  const p = primName(u);
  if (p && NUMBOXED.has(p)) return e.code;
  return box(e);
}

/** Code that boxes a value of static type `from` into an object. */
/** Boxing a value `v` of static type `t` (Cast<object>() boxes each element so). */
export function boxCode(t: Type, v: Code): Code {
  return box({ type: t, code: v, pos: 0 });
}
function box(e: BExpr, b?: Binder): Code {
  const u = underlyingNullable(e.type);
  // a boxed enum prints its name and knows its type; a boxed Guid is not a string (runtime EnumBox, GuidBox)
  if (isEnum(u)) return js`${rt("boxEnum")}(${e.code}, ${enumNames(b, u)})`;
  if (isNamed(u, "Guid")) return js`${rt("boxGuid")}(${e.code})`;
  if (e.type.k === "array" || (e.type.k === "named" && TAGGED_COLLECTIONS.has(e.type.def.name) && e.type.def.ns === "System.Collections.Generic"))
    return js`${rt("tagType")}(${e.code}, ${clrName(e.type)})`;
  if (isNamed(underlyingNullable(e.type), "char")) return js`${rt("boxChar")}(${e.code})`;
  const p = primName(underlyingNullable(e.type));
  if (p && NUMBOXED.has(p)) return js`${rt("boxNum")}(${e.code}, ${p})`;
  if (p === "double" && e.cv === undefined) return js`${rt("boxDouble")}(${e.code})`;
  if (p === "double" && typeof e.cv?.v === "number" && Number.isInteger(e.cv.v)) return js`${rt("boxDouble")}(${e.code})`;
  return e.code;
}

export function convertImplicit(b: Binder, e: BExpr, to: Type): BExpr | null {
  const c = implicitCost(b, e, to);
  if (c < 0) return null;
  const from = e.type;
  if (c === 0 || from.k === "null") return { ...e, type: to, local: undefined, assign: undefined };
  let code = e.code;
  if (isObject(to) || (to.k === "named" && to.def.isInterface && !isReferenceType(from))) code = box(e, b);
  // an array seen as ICollection<T>/IList<T> carries its type name: IsReadOnly (true for T[]) reads it
  else if (from.k === "array" && to.k === "named" && to.def.isInterface && to.def.ns === "System.Collections.Generic" && (to.def.name === "ICollection" || to.def.name === "IList")) code = box(e);
  else if (isDecimal(underlyingNullable(to)) && !isDecimal(underlyingNullable(from)) && isNumeric(underlyingNullable(from))) code = decimalFrom(b, e);
  else if (isLong(underlyingNullable(from)) && isFloating(underlyingNullable(to))) code = longToDouble(b, e);
  else if (isNamed(from, "DateTime") && isNamed(underlyingNullable(to), "DateTimeOffset")) code = js`${rt("DateTimeOffset")}.fromDateTime(${e.code})`;
  else if (isNamed(from, "string") && (isXml(to, "XName") || isXml(to, "XNamespace"))) {
    const f = isXml(to, "XName") ? "xnameOrNull" : "xns";
    code = typeof e.cv?.v === "string" ? b.scope.constant(js`${rt(f)}(${literal(e.cv.v)})`, "xn") : js`${rt(f)}(${e.code})`;
  }
  else if (isJToken(to) && !isJToken(from) && !derivesFrom(from, to)) code = js`${rt("toJValue")}(${jsonValue(e)}, ${castKey(underlyingNullable(from))})`;
  let cv = e.cv && isNumeric(to) ? e.cv : e.cv && isObject(to) ? undefined : e.cv;
  // (a 64-bit constant converted to a floating type is its nearest value)
  if (cv?.big !== undefined && !isLong(underlyingNullable(to))) cv = { v: cv.v };
  const r: BExpr = { type: to, code, pos: e.pos, cv, pure: e.pure };
  if (isValueType(from) && isReferenceType(to)) r.freshBox = isNullable(from) ? "freshUnlessNull" : "fresh";
  return r;
}

export function explicitExists(b: Binder, from: Type, to: Type): boolean {
  if (isNumeric(underlyingNullable(from)) && isNumeric(underlyingNullable(to))) return true;
  if (isObject(from) || derivesFrom(to, from)) return true;
  if (isJToken(from) && (primName(underlyingNullable(to)) !== null || ["DateTime", "Guid", "TimeSpan", "Uri"].includes((underlyingNullable(to) as { def?: TypeDef }).def?.name ?? "") || (to.k === "array" && isNamed(to.elem, "byte"))))
    return true;
  if ((isXml(from, "XElement") || isXml(from, "XAttribute")) && XML_VALUE_TARGETS.has(primName(underlyingNullable(to)) ?? "")) return true;
  if (isEnum(to) && isIntegral(from)) return true;
  if (isEnum(from) && isIntegral(to)) return true;
  if (to.k === "named" && to.def.isInterface && isReferenceType(from)) return true;
  if (from.k === "named" && from.def.isInterface && isReferenceType(to)) return true;
  return false;
}

/** The runtime name of a cast target, understood by runtime `castTo`/`jconv`. */
export function castKey(t: Type): Code {
  return literal(typeName(t));
}

/** Runtime casts with a helper of their own (core.ts castString, ...): no key dispatch per call. */
const DIRECT_CASTS: Record<string, string> = {
  string: "castString",
  bool: "castBool",
  int: "castInt",
  long: "castLong",
  IResponse: "castResponse",
  JToken: "castJToken",
  JObject: "castJObject",
  JArray: "castJArray",
};
/** `(T)obj`: unboxing or a reference cast, checked at run time. */
export function castCode(code: Code, to: Type): Code {
  const tu = underlyingNullable(to);
  if (isEnum(tu)) return js`${rt("castEnum")}(${code}, ${literal(clrName(tu))}, ${literal(isNullable(to))})`;
  const f = DIRECT_CASTS[typeName(to)];
  return f ? js`${rt(f)}(${code})` : js`${rt("castTo")}(${code}, ${castKey(to)})`;
}

const WRAP: Record<string, (c: Code) => Code> = {
  sbyte: (c) => js`((${c} << 24) >> 24)`,
  byte: (c) => js`(${c} & 255)`,
  short: (c) => js`((${c} << 16) >> 16)`,
  ushort: (c) => js`(${c} & 65535)`,
  char: (c) => js`(${c} & 65535)`,
  int: (c) => js`(${c} | 0)`,
  uint: (c) => js`(${c} >>> 0)`,
  long: (c) => c,
  ulong: (c) => c,
};

function numericExplicit(e: BExpr, to: string): Code {
  const from = primName(e.type)!;
  if (from === "decimal" && to !== "decimal") {
    if (to === "double") return js`${rt("decToNum")}(${e.code})`;
    if (to === "float") return js`${rt("decToFloat")}(${e.code})`;
    return js`${rt("decimalToInt")}(${e.code}, ${to})`;
  }
  if (to === "decimal" && from !== "decimal") {
    if (from === "double") return js`${rt("decFromDouble")}(${e.code})`;
    if (from === "float") return js`${rt("decFromFloat")}(${e.code})`;
    return js`${rt("decFromInt")}(${e.code})`;
  }
  const fromFloat = from === "double" || from === "float" || from === "decimal";
  const fromLong = from === "long" || from === "ulong";
  if (fromFloat && INT_RANGE[to]) {
    if (from === "decimal") return js`${rt("decimalToInt")}(${e.code}, ${to})`;
    if (to === "long" || to === "ulong") return js`${rt("d2l")}(${e.code}, ${to === "ulong"})`;
    return WRAP[to]!(js`${rt("dblToInt")}(${e.code})`);
  }
  if (to === "float") return js`Math.fround(${fromLong ? js`Number(${e.code})` : e.code})`;
  if (to === "double") return fromLong ? js`Number(${e.code})` : e.code;
  if (INT_RANGE[to] && INT_RANGE[from]) {
    const [lo, hi] = INT_RANGE[to]!;
    const [flo, fhi] = INT_RANGE[from]!;
    if (flo >= lo && fhi <= hi) return e.code;
    // long ↔ ulong, negative → ulong: 64-bit reinterpretation
    if (to === "long" || to === "ulong") return js`${rt("lconv")}(${e.code}, ${to === "ulong"})`;
    return WRAP[to]!(fromLong ? js`${rt("l2i")}(${e.code})` : e.code);
  }
  return e.code;
}

export function cast(b: Binder, e: BExpr, to: Type, pos: number, typePos: number): BExpr {
  const from = e.type;
  if (e.lambda) return b.convert(e, to, pos);
  const imp = convertImplicit(b, e, to);
  if (imp) return { ...imp, pos };
  const fu = underlyingNullable(from);
  const tu = underlyingNullable(to);
  // numeric explicit
  if (isNumeric(fu) && isNumeric(tu)) {
    const fp = primName(fu)!;
    const tpn = primName(tu)!;
    // a constant beyond 2^53 (a long or ulong): its exact value converts
    if (e.cv?.big !== undefined && !isNullable(to) && tpn !== "decimal") {
      const big = e.cv.big;
      if (tpn === "long" || tpn === "ulong") return longConstant(b, to, wrap64(big, tpn), pos);
      if (INT_RANGE[tpn]) {
        const [lo, hi] = INT_RANGE[tpn]!;
        const bits = BigInt(Math.log2(hi - lo + 1));
        const v = Number(lo < 0 ? BigInt.asIntN(Number(bits), big) : BigInt.asUintN(Number(bits), big));
        return { type: to, code: literal(v), pos, cv: { v } };
      }
      const v = tpn === "float" ? Math.fround(Number(big)) : Number(big);
      return { type: to, code: literal(v), pos, cv: { v } };
    }
    if (e.cv !== undefined && typeof e.cv.v === "number" && fp !== "decimal" && tpn !== "decimal" && Math.abs(e.cv.v) <= Number.MAX_SAFE_INTEGER) {
      // a negative integer as ulong wraps past 2^63: a hoisted BigInt, as a big literal is
      if (tpn === "ulong" && e.cv.v < 0 && INT_RANGE[fp] && !isNullable(to)) return longConstant(b, to, BigInt.asUintN(64, BigInt(e.cv.v)), pos);
      const v = foldNumericCast(e.cv.v, fp, tpn);
      if (v !== null) return { type: to, code: literal(v), pos, cv: { v } };
    }
    if (isNullable(from)) {
      const t = b.temp();
      const inner = numericExplicit({ ...e, code: t, type: fu }, tpn);
      const code = js`((${t} = ${e.code}) == null ? ${isNullable(to) ? js`null` : js`${rt("nullableValue")}(null)`} : ${inner})`;
      return { type: to, code, pos };
    }
    if (b.checkedCtx && INT_RANGE[tpn] && fp !== "decimal") {
      const [lo, hi] = INT_RANGE[tpn]!;
      const [flo, fhi] = INT_RANGE[fp] ?? [-Infinity, Infinity];
      if (!(flo >= lo && fhi <= hi)) return { type: to, code: js`${rt("chkConv")}(${e.code}, ${tpn})`, pos };
    }
    return { type: to, code: numericExplicit({ ...e, type: fu }, tpn), pos };
  }
  // enums
  if ((isEnum(to) && isIntegral(fu)) || (isEnum(from) && isIntegral(tu))) return { type: to, code: e.code, pos, cv: e.cv };
  // (string)element, (int?)attribute, ...
  if ((isXml(from, "XElement") || isXml(from, "XAttribute")) && XML_VALUE_TARGETS.has(primName(tu) ?? ""))
    return { type: to, code: js`${rt("xconv")}(${e.code}, ${castKey(to)})`, pos };
  // JToken → value
  if (isJToken(from) && explicitExists(b, from, to)) {
    const code = js`${rt("jconv")}(${e.code}, ${castKey(to)})`;
    return { type: to, code: isDecimal(tu) ? js`${rt("decFromNum")}(${code})` : code, pos };
  }
  // unboxing / downcast
  if (isObject(from) || derivesFrom(to, from) || (from.k === "named" && from.def.isInterface) || (to.k === "named" && to.def.isInterface && isReferenceType(from))) {
    return { type: to, code: castCode(e.code, to), pos };
  }
  b.err(Codes.CSharpInvalidCast, typePos, `Cannot convert type '${typeName(from)}' to '${typeName(to)}'.`);
}

/** A long or ulong constant: a literal while safe, else a hoisted BigInt (as a big literal is), with its exact value. */
export function longConstant(b: Binder, type: Type, v: bigint, pos: number): BExpr {
  const cv = constOf64(v);
  const code = cv.big === undefined ? literal(cv.v) : b.scope.constant(js`${rt("lconst")}(${literal(String(v))})`, "long");
  return { type, code, pos, cv };
}
function foldNumericCast(v: number, from: string, to: string): number | null {
  if (!INT_RANGE[to]) return to === "float" ? Math.fround(v) : v;
  // (an integral zero has no sign: (int)(-0.0) is 0, not -0)
  let x = Math.trunc(v) + 0;
  if (!Number.isFinite(x)) return null;
  if (to === "long" || to === "ulong") return x;
  const [lo, hi] = INT_RANGE[to]!;
  if (x >= lo && x <= hi) return x;
  if (from === "double" || from === "float" || from === "decimal") return null;
  const span = hi - lo + 1;
  x = ((((x - lo) % span) + span) % span) + lo;
  return x;
}

/** JS boolean test that `v` (a JS value) is an instance of `t`. */
export function typeTest(t: Type, v: Code): Code {
  if (t.k === "array") {
    if (isNamed(t.elem, "byte")) return js`(${v} instanceof Uint8Array)`;
    return js`Array.isArray(${v})`;
  }
  if (isNullable(t)) return typeTest(underlyingNullable(t), v);
  if (isEnum(t)) return js`${rt("isEnumOf")}(${v}, ${literal(clrName(t))})`;
  if (t.k === "named") {
    if (t.def.test) return t.def.test(v);
    return js`${rt("isOfType")}(${v}, ${castKey(t)})`;
  }
  return js`(${v} != null)`;
}

export function isExpr(b: Binder, e: Expr & { k: "is" }): BExpr {
  const x = b.expr(e.expr);
  const bool = named("bool");
  if (e.constant) {
    const c = b.expr(e.constant);
    if (c.type.k === "null") return { type: bool, code: js`(${x.code} == null)`, pos: e.pos };
    // a char, a long, ... boxes into a new object each time: compared by value (object.Equals)
    const cp = primName(underlyingNullable(c.type));
    const cu = underlyingNullable(c.type);
    if ((cp && (cp === "char" || cp === "double" || NUMBOXED.has(cp))) || isEnum(cu) || isNamed(cu, "Guid")) return { type: bool, code: js`${rt("objEquals")}(${box(c, b)}, ${x.code})`, pos: e.pos };
    const t = b.temp();
    return { type: bool, code: js`((${t} = ${x.code}) === ${box(c, b)})`, pos: e.pos };
  }
  const to = b.resolveType(e.type!);
  if (isNullable(to) && e.designation) b.err(Codes.CSharpTypeMismatch, e.pos, "It is not legal to use nullable type in a pattern; use the underlying type.");
  const t = b.temp();
  const test = typeTest(to, t);
  if (!e.designation) {
    if (sameType(x.type, to) || (isReferenceType(x.type) && derivesFrom(x.type, to))) return { type: bool, code: js`(${x.code} != null)`, pos: e.pos };
    return { type: bool, code: js`((${t} = ${x.code}) != null && ${test})`, pos: e.pos };
  }
  const local = b.declareLocal(e.designation, to, e.desPos ?? e.pos);
  b.frameTemps.push(local.code);
  return { type: bool, code: js`((${t} = ${x.code}) != null && ${test} && ((${local.code} = ${unboxFromObject(to, t)}), true))`, pos: e.pos };
}

function unboxFromObject(to: Type, v: Code): Code {
  if (isNamed(to, "char")) return js`${v}.charCodeAt(0)`;
  const p = primName(to);
  if (p && NUMBOXED.has(p)) return js`${v}.v`;
  return v;
}

export function asExpr(b: Binder, x: BExpr, to: Type, pos: number): BExpr {
  if (isValueType(to) && !isNullable(to)) b.err(Codes.CSharpTypeMismatch, pos, `The as operator must be used with a reference type or nullable type ('${typeName(to)}' is a non-nullable value type).`);
  const imp = convertImplicit(b, x, to);
  if (imp) return { ...imp, pos };
  const t = b.temp();
  return { type: to, code: js`((${t} = ${x.code}) != null && ${typeTest(to, t)} ? ${unboxFromObject(underlyingNullable(to), t)} : null)`, pos };
}

// ---- strings ---------------------------------------------------------------------------------------
/** JS string for `x.ToString()`-like use in concatenation/interpolation (null → ""). */
/** Integer types whose JS number prints as .NET prints them: stringOf leaves them numbers, for `+` after a string. */
const PRINTS_AS_NUMBER = new Set(["int", "short", "byte", "sbyte", "ushort", "uint"]);
/** stringOf(e) is a JS number, not a string: it becomes text only when `+` meets a string first. */
export function stringOfIsNumber(e: BExpr): boolean {
  return PRINTS_AS_NUMBER.has(primName(e.type) ?? "") && (e.cv === undefined || constToString(e.cv.v, e.type) === null);
}
export function stringOf(b: Binder, e: BExpr): Code {
  const t = e.type;
  const p = primName(t);
  if (e.cv !== undefined) {
    const s = constToString(e.cv.v, t);
    if (s !== null) return literal(s);
  }
  if (p === "string") return e.nonNull ? e.code : js`(${e.code} ?? "")`;
  if (p === "char") return js`String.fromCharCode(${e.code})`;
  if (PRINTS_AS_NUMBER.has(p ?? "")) return js`${e.code}`;
  if (p === "bool") return js`(${e.code} ? "True" : "False")`;
  if (t.k === "null") return js`""`;
  if (p && isNumeric(t)) return js`${rt("numToString")}(${e.code}, ${p})`;
  if (isEnum(t)) return enumToString(b, e);
  if (isNullable(t) && isEnum(underlyingNullable(t))) return js`${rt("enumStr")}(${e.code}, ${enumNames(b, underlyingNullable(t))})`;
  if (isComparerType(t)) return js`${rt("comparerToString")}(${e.code})`;
  // a Guid is its "D" text (no box on the way)
  if (isNamed(t, "Guid")) return e.code;
  if (isNamed(underlyingNullable(t), "Guid")) return js`(${e.code} ?? "")`;
  return js`${rt("toStr")}(${box(e, b)})`;
}

function constToString(v: string | number | boolean | null, t: Type): string | null {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "True" : "False";
  const p = primName(t);
  if (p === "char") return String.fromCharCode(v);
  if (p && INT_RANGE[p] && Math.abs(v) < 2 ** 53) return String(v);
  return null;
}

export function formatted(b: Binder, e: BExpr, format: string): Code {
  return js`${rt("fmtValue")}(${formatArg(b, e)}, ${format})`;
}
/** A value passed to composite formatting: floats and enums keep their type (their formatting differs). */
export function formatArg(b: Binder, e: BExpr): Code {
  const u = underlyingNullable(e.type);
  if (isNamed(u, "float")) return js`${rt("boxFloat")}(${e.code})`;
  return box(e, b);
}

// ---- operators -------------------------------------------------------------------------------------
const NUM_ORDER = ["int", "uint", "long", "ulong", "float", "double", "decimal"];

/** Binary numeric promotion: the operation type for two numeric operands, or null. */
function promote(a: string, b: string): string | null {
  const norm = (x: string) => (["sbyte", "byte", "short", "ushort", "char"].includes(x) ? "int" : x);
  const x = norm(a);
  const y = norm(b);
  if (x === "decimal" || y === "decimal") return (x === "double" || x === "float" || y === "double" || y === "float") ? null : "decimal";
  if (x === "double" || y === "double") return "double";
  if (x === "float" || y === "float") return "float";
  // (byte, ushort and char convert to uint and ulong implicitly; sbyte, short, int and long do not)
  const signed = (t: string) => ["sbyte", "short", "int", "long"].includes(t);
  if (x === "ulong" || y === "ulong") return signed(a) || signed(b) ? null : "ulong";
  if (x === "long" || y === "long") return "long";
  if (x === "uint" || y === "uint") return signed(a) || signed(b) ? "long" : "uint";
  void NUM_ORDER;
  return "int";
}
function isU(x: string): boolean {
  return x === "uint" || x === "ulong";
}

function opErr(b: Binder, op: string, l: Type, r: Type, pos: number): never {
  b.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operands of type '${typeName(l)}' and '${typeName(r)}'.`);
}

export function binary(b: Binder, e: Expr & { k: "binary" }): BExpr {
  const op = e.op;
  if (op === "??") return coalesce(b, e);
  if (op === "&&" || op === "||") {
    const l = b.convert(b.expr(e.left), named("bool"), e.left.pos);
    const r = b.convert(b.expr(e.right), named("bool"), e.right.pos);
    const cv = l.cv && r.cv ? { v: op === "&&" ? Boolean(l.cv.v) && Boolean(r.cv.v) : Boolean(l.cv.v) || Boolean(r.cv.v) } : undefined;
    return { type: named("bool"), code: cv ? literal(cv.v) : js`(${l.code} ${raw(op)} ${r.code})`, pos: e.pos, cv };
  }
  const l = b.expr(e.left);
  const r = b.expr(e.right);
  return binaryValues(b, op, l, r, e.opPos, e.pos);
}

function raw(op: string): Code {
  // operators are fixed compiler text, never policy text
  const ok = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "===", "!==", "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "==", "!="];
  if (!ok.includes(op)) throw new Error(`bad operator ${op}`);
  return OPS[op]!;
}
const OPS: Record<string, Code> = Object.fromEntries(
  ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "===", "!==", "&&", "||", "&", "|", "^", "<<", ">>", ">>>", "==", "!="].map((o) => [o, opCode(o)]),
);
function opCode(o: string): Code {
  // build Code from a template with the operator as raw text
  // (no spaces of its own: every use writes `${a} ${raw(op)} ${c}`)
  const strings = Object.assign([o], { raw: [o] }) as unknown as TemplateStringsArray;
  return js(strings);
}

/** The predefined shift operator that applies (C# spec 12.11): null when the count is not an int, or the operand not integral. */
function shiftType(left: string, count: string): string | null {
  if (!INT_RANGE[left] || promote(count, "int") !== "int") return null;
  return left === "uint" || left === "long" || left === "ulong" ? left : "int";
}

export function binaryValues(b: Binder, op: string, l0: BExpr, r0: BExpr, opPos: number, pos: number): BExpr {
  let l = l0;
  let r = r0;
  const lt = l.type;
  const rt0 = r.type;
  const bool = named("bool");
  const str = named("string");
  // XNamespace + string → XName
  if (op === "+" && isXml(lt, "XNamespace") && isNamed(rt0, "string")) return { type: named("XName"), code: js`${rt("xnsName")}(${l.code}, ${r.code})`, pos };
  // string concatenation
  if (op === "+" && (isNamed(lt, "string") || isNamed(rt0, "string"))) {
    if (l.cv !== undefined && r.cv !== undefined) {
      const a = constToString(l.cv.v, lt);
      const c = constToString(r.cv.v, rt0);
      if (a !== null && c !== null) return { type: str, code: literal(a + c), pos, cv: { v: a + c } };
    }
    // two strings known at build time (codegen/fold.ts) are one literal; not a C# constant
    const ks = (x: BExpr) => (isNamed(x.type, "string") ? (x.cv ?? x.code.known)?.v : undefined);
    const [kl, kr] = [ks(l), ks(r)];
    if (b.scope.optimize !== false && typeof kl === "string" && typeof kr === "string" && kl.length + kr.length <= MAX_FOLDED_STRING) {
      const code = literal(kl + kr);
      code.known = { v: kl + kr };
      return { type: str, code, pos, nonNull: true };
    }
    return { type: str, code: js`(${stringOf(b, l)} + ${stringOf(b, r)})`, pos, nonNull: true };
  }
  // equality
  if (op === "==" || op === "!=") return equality(b, op, l, r, opPos, pos);
  const lu = underlyingNullable(lt);
  const ru = underlyingNullable(rt0);
  const lifted = isNullable(lt) || isNullable(rt0) || lt.k === "null" || rt0.k === "null";
  // bool logical
  if ((op === "&" || op === "|" || op === "^") && isNamed(lu, "bool") && isNamed(ru, "bool")) {
    if (lifted) return { type: nullableOf(bool), code: js`${rt("liftBool")}(${op}, ${l.code}, ${r.code})`, pos };
    const code = op === "^" ? js`(${l.code} !== ${r.code})` : op === "&" ? js`(${l.code} ? ${r.code} : (${r.code}, false))` : js`(${l.code} ? (${r.code}, true) : ${r.code})`;
    return { type: bool, code, pos };
  }
  // DateTime / TimeSpan arithmetic and comparisons
  const special = temporal(b, op, l, r, pos);
  if (special) return special;
  // enums: comparisons and flags
  if (isEnum(lu) && (sameType(lu, ru) || (r.cv?.v === 0))) {
    if (["&", "|", "^"].includes(op)) return { type: lt, code: js`(${l.code} ${raw(op)} ${r.code})`, pos };
    if (["<", ">", "<=", ">="].includes(op)) return { type: bool, code: js`(${l.code} ${raw(op)} ${r.code})`, pos };
  }
  // lifted operators with a null literal operand: comparisons are false, arithmetic is null
  if ((lt.k === "null" && isNumeric(ru)) || (rt0.k === "null" && isNumeric(lu))) {
    const other = lt.k === "null" ? r : l;
    const cmp = ["<", ">", "<=", ">="].includes(op);
    if (!cmp && !["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"].includes(op)) opErr(b, op, lt, rt0, opPos);
    const t0 = promote(primName(underlyingNullable(other.type))!, "int");
    return { type: cmp ? bool : nullableOf(named(t0 ?? "int")), code: js`(${other.code}, ${cmp ? js`false` : js`null`})`, pos };
  }
  if (!isNumeric(lu) || !isNumeric(ru)) opErr(b, op, lt, rt0, opPos);
  const shift = op === "<<" || op === ">>";
  // a shift's type is its left operand's (int, uint, long or ulong; narrower types are int), and the count an int
  let t = shift ? shiftType(primName(lu)!, primName(ru)!) : promote(primName(lu)!, primName(ru)!);
  // a non-negative constant int converts to ulong (ulong.MaxValue - 1)
  if (!t && ((primName(lu) === "ulong" && typeof r.cv?.v === "number" && r.cv.v >= 0) || (primName(ru) === "ulong" && typeof l.cv?.v === "number" && l.cv.v >= 0))) t = "ulong";
  // and a constant int in uint's range to uint (C# implicit constant conversion; overload resolution
  // then picks uint's operator over long's): 0 - u is uint, so checked(0 - 1u) overflows
  const intConstFits = (e: BExpr) => primName(underlyingNullable(e.type)) === "int" && typeof e.cv?.v === "number" && e.cv.v >= 0;
  if (t === "long" && !shift && ((primName(lu) === "uint" && intConstFits(r)) || (primName(ru) === "uint" && intConstFits(l)))) t = "uint";
  if (!t) opErr(b, op, lt, rt0, opPos);
  const T = named(t);
  const isCmp = ["<", ">", "<=", ">="].includes(op);
  if (t === "decimal") {
    // exact decimal arithmetic in the runtime (no folding: the scale matters)
    if (shift || op === "&" || op === "|" || op === "^") opErr(b, op, lt, rt0, opPos);
    if (lifted) return { type: isCmp ? bool : nullableOf(T), code: js`${rt("liftNum")}(${op}, ${t}, ${l.code}, ${r.code})`, pos };
    if (isCmp) return { type: bool, code: js`(${rt("decCmp")}(${l.code}, ${r.code}) ${raw(op)} 0)`, pos };
    const f = ({ "+": "decAdd", "-": "decSub", "*": "decMul", "/": "decDiv", "%": "decMod" } as Record<string, string>)[op];
    if (!f) opErr(b, op, lt, rt0, opPos);
    // a constant operation (0m * -1m) is the C# compiler's folded constant: a scale-0 zero has no sign
    if (l.cv !== undefined && r.cv !== undefined) return { type: T, code: js`${rt("decConst")}(${rt(f)}(${l.code}, ${r.code}))`, pos };
    return { type: T, code: js`${rt(f)}(${l.code}, ${r.code})`, pos };
  }
  // a long operand of a double/float operation: its nearest double
  if (t === "double" || t === "float") {
    if (isLong(lu)) l = { ...l, code: longToDouble(b, l) };
    if (isLong(ru)) r = { ...r, code: longToDouble(b, r) };
  }
  const isL = t === "long" || t === "ulong";
  // long and ulong constants fold exactly (BigInt) with 64-bit wrapping; a checked overflow is an error
  const [xl, xr] = [exactInt(l.cv), exactInt(r.cv)];
  if (isL && xl !== null && xr !== null) {
    if (b.checkedCtx !== false && (op === "+" || op === "-" || op === "*")) {
      const exact = op === "+" ? xl + xr : op === "-" ? xl - xr : xl * xr;
      if (wrap64(exact, t) !== exact) b.err(Codes.CSharpTypeMismatch, opPos, "The operation overflows at compile time in checked mode.");
    }
    const v = foldLong(op, xl, xr, t);
    if (typeof v === "boolean") return { type: bool, code: literal(v), pos, cv: { v } };
    if (v !== null) return longConstant(b, T, v, pos);
    if (op === "/" || op === "%") b.err(Codes.CSharpTypeMismatch, opPos, "Division by constant zero.");
  }
  // constant folding of the other types (long and ulong folded above)
  if (l.cv !== undefined && r.cv !== undefined && typeof l.cv.v === "number" && typeof r.cv.v === "number" && !isL) {
    if (b.checkedCtx !== false && INT_RANGE[t] && (op === "+" || op === "-" || op === "*" || op === "/")) {
      const exact = op === "+" ? l.cv.v + r.cv.v : op === "-" ? l.cv.v - r.cv.v : op === "*" ? l.cv.v * r.cv.v : r.cv.v === 0 ? 0 : Math.trunc(l.cv.v / r.cv.v);
      const [lo, hi] = INT_RANGE[t]!;
      if (exact < lo || exact > hi) b.err(Codes.CSharpTypeMismatch, opPos, "The operation overflows at compile time in checked mode.");
    }
    let v = foldNum(op, l.cv.v, r.cv.v, t);
    if (t === "float" && typeof v === "number") v = Math.fround(v);
    if (v !== null) return { type: isCmp ? bool : T, code: literal(v), pos, cv: { v } };
    if ((op === "/" || op === "%") && INT_RANGE[t] && r.cv.v === 0) b.err(Codes.CSharpTypeMismatch, opPos, "Division by constant zero.");
  }
  if (lifted) {
    const code = js`${rt("liftNum")}(${op}, ${t}, ${l.code}, ${r.code})`;
    return { type: isCmp ? bool : nullableOf(T), code, pos };
  }
  const a = l.code;
  const c = r.code;
  if (isCmp) return { type: bool, code: js`(${a} ${raw(op)} ${c})`, pos };
  if (isL && !isCmp) {
    // exact 64-bit arithmetic: numbers while safe, BigInt beyond (runtime/dotnet/long.ts)
    const u = t === "ulong";
    if (b.checkedCtx && (op === "+" || op === "-" || op === "*")) return { type: T, code: js`${rt("lchk")}(${op}, ${a}, ${c}, ${u})`, pos };
    const f = ({ "+": "ladd", "-": "lsub", "*": "lmul", "/": "ldiv", "%": "lmod" } as Record<string, string>)[op];
    if (f) return { type: T, code: u ? js`${rt(f)}(${a}, ${c}, true)` : js`${rt(f)}(${a}, ${c})`, pos };
    if (op === "&" || op === "|" || op === "^") return { type: T, code: js`${rt("lbit")}(${op}, ${a}, ${c}, ${u})`, pos };
  }
  if (b.checkedCtx && INT_RANGE[t] && (op === "+" || op === "-" || op === "*")) return { type: T, code: js`${rt("chk")}(${a} ${raw(op)} ${c}, ${t})`, pos };
  let code: Code;
  switch (op) {
    case "+":
    case "-":
      code = t === "int" ? js`((${a} ${raw(op)} ${c}) | 0)` : t === "uint" ? js`((${a} ${raw(op)} ${c}) >>> 0)` : t === "float" ? js`Math.fround(${a} ${raw(op)} ${c})` : js`(${a} ${raw(op)} ${c})`;
      break;
    case "*":
      code = t === "int" ? js`Math.imul(${a}, ${c})` : t === "uint" ? js`(Math.imul(${a}, ${c}) >>> 0)` : t === "float" ? js`Math.fround(${a} * ${c})` : js`(${a} * ${c})`;
      break;
    case "/":
      code = t === "int" ? js`${rt("idiv32")}(${a}, ${c})` : INT_RANGE[t] ? js`${rt("idiv")}(${a}, ${c})` : t === "decimal" ? js`${rt("ddiv")}(${a}, ${c})` : t === "float" ? js`Math.fround(${a} / ${c})` : js`(${a} / ${c})`;
      break;
    case "%":
      code = t === "int" ? js`${rt("imod32")}(${a}, ${c})` : INT_RANGE[t] ? js`${rt("imod")}(${a}, ${c})` : js`(${a} % ${c})`;
      break;
    case "&":
    case "|":
    case "^":
      if (!INT_RANGE[t]) opErr(b, op, lt, rt0, opPos);
      code = t === "uint" ? js`((${a} ${raw(op)} ${c}) >>> 0)` : t === "long" || t === "ulong" ? js`${rt("lbit")}(${op}, ${a}, ${c})` : js`(${a} ${raw(op)} ${c})`;
      break;
    case "<<":
      code = t === "int" ? js`(${a} << ${c})` : js`${rt("lshift")}(${a}, ${c}, ${t})`;
      break;
    case ">>":
      code = t === "int" ? js`(${a} >> ${c})` : t === "uint" ? js`(${a} >>> ${c})` : js`${rt("rshift")}(${a}, ${c}, ${t})`;
      break;
    default:
      opErr(b, op, lt, rt0, opPos);
  }
  return { type: T, code, pos };
}

function temporal(b: Binder, op: string, l: BExpr, r: BExpr, pos: number): BExpr | null {
  const ln = l.type.k === "named" ? l.type.def.name : "";
  const rn = r.type.k === "named" ? r.type.def.name : "";
  const T = (n: string) => named(n);
  if (!["DateTime", "TimeSpan", "DateTimeOffset"].includes(ln) || !["DateTime", "TimeSpan", "DateTimeOffset"].includes(rn)) return null;
  if (["<", ">", "<=", ">="].includes(op) && ln === rn) return { type: T("bool"), code: js`(${rt("cmp")}(${l.code}, ${r.code}) ${raw(op)} 0)`, pos };
  if (op === "-" && ln === rn && ln !== "TimeSpan") return { type: T("TimeSpan"), code: js`${l.code}.Subtract(${r.code})`, pos };
  if ((op === "+" || op === "-") && rn === "TimeSpan") return { type: l.type, code: op === "+" ? js`${l.code}.Add(${r.code})` : js`${l.code}.Subtract(${r.code})`, pos };
  return null;
}

function equality(b: Binder, op: string, l: BExpr, r: BExpr, opPos: number, pos: number): BExpr {
  const bool = named("bool");
  const neg = op === "!=";
  const lt = l.type;
  const rt0 = r.type;
  if (l.cv !== undefined && r.cv !== undefined && (typeof l.cv.v !== "number" || typeof r.cv.v !== "number" || true)) {
    const [bl, br] = l.cv.big !== undefined || r.cv.big !== undefined ? [exactInt(l.cv), exactInt(r.cv)] : [null, null];
    const eq = bl !== null && br !== null ? bl === br : l.cv.v === r.cv.v;
    if (sameType(lt, rt0) || (isNumeric(lt) && isNumeric(rt0)) || lt.k === "null" || rt0.k === "null") return { type: bool, code: literal(neg ? !eq : eq), pos, cv: { v: neg ? !eq : eq } };
  }
  if (lt.k === "null" || rt0.k === "null") {
    const other = lt.k === "null" ? r : l;
    if (isValueType(other.type) && !isNullable(other.type)) {
      // C# allows it and it is always false (with a warning)
      return { type: bool, code: js`(${other.code}, ${neg})`, pos };
    }
    return { type: bool, code: neg ? js`(${other.code} != null)` : js`(${other.code} == null)`, pos };
  }
  // XName/XNamespace == string: the string converts (names are atomized, so identity is equality)
  for (const xt of ["XName", "XNamespace"]) {
    if ((isXml(lt, xt) && isNamed(rt0, "string")) || (isNamed(lt, "string") && isXml(rt0, xt))) {
      const ll = isXml(lt, xt) ? l : convertImplicit(b, l, rt0)!;
      const rr = isXml(rt0, xt) ? r : convertImplicit(b, r, lt)!;
      return { type: bool, code: js`(${ll.code} ${raw(neg ? "!==" : "===")} ${rr.code})`, pos };
    }
  }
  const lu = underlyingNullable(lt);
  const ru = underlyingNullable(rt0);
  const nameOf = (t: Type) => (t.k === "named" ? t.def.name : "");
  // Uri's == is op_Equality: Equals, which ignores the fragment and compares canonical forms
  if ((["DateTime", "TimeSpan", "DateTimeOffset"].includes(nameOf(lu)) || (nameOf(lu) === "Uri" && lu.k === "named" && lu.def.ns === "System")) && sameType(lu, ru)) {
    const code = js`${rt("valueEquals")}(${l.code}, ${r.code})`;
    return { type: bool, code: neg ? js`!${code}` : code, pos };
  }
  const ok =
    (isNumeric(lu) && isNumeric(ru) && promote(primName(lu)!, primName(ru)!) !== null) ||
    sameType(lu, ru) ||
    (isReferenceType(lt) && isReferenceType(rt0) && (derivesFrom(lt, rt0) || derivesFrom(rt0, lt) || isObject(lt) || isObject(rt0))) ||
    (isEnum(lu) && r.cv?.v === 0) ||
    (isReferenceType(lt) && rt0.k === "named" && rt0.def.isInterface) ||
    (isReferenceType(rt0) && lt.k === "named" && lt.def.isInterface);
  if (!ok) opErr(b, op, lt, rt0, opPos);
  if (isNumeric(lu) && isNumeric(ru) && (isLong(lu) || isLong(ru)) && (isFloating(lu) || isFloating(ru))) {
    const ll = isLong(lu) ? longToDouble(b, l) : l.code;
    const rr = isLong(ru) ? longToDouble(b, r) : r.code;
    return { type: bool, code: js`(${ll} ${raw(neg ? "!==" : "===")} ${rr})`, pos };
  }
  if (isNumeric(lu) && isNumeric(ru) && (isDecimal(lu) || isDecimal(ru))) {
    const code = js`${rt("decEq")}(${l.code}, ${r.code})`;
    return { type: bool, code: neg ? js`!${code}` : code, pos };
  }
  const mayHoldBox = (t: Type) => isObject(t) || (t.k === "named" && t.def.isInterface);
  if (l.freshBox || r.freshBox || mayHoldBox(lt) || mayHoldBox(rt0)) {
    const code = referenceEquals(l.code, r.code, [l.freshBox, r.freshBox], () => b.temp());
    return { type: bool, code: neg ? js`!${code}` : code, pos };
  }
  return { type: bool, code: js`(${l.code} ${raw(neg ? "!==" : "===")} ${r.code})`, pos };
}

function coalesce(b: Binder, e: Expr & { k: "binary" }): BExpr {
  const l = b.expr(e.left);
  const rr = b.raw(e.right);
  const r = b.value(b.close(rr), e.right.pos);
  if (isValueType(l.type) && !isNullable(l.type)) b.err(Codes.CSharpTypeMismatch, e.opPos, `Operator '??' cannot be applied to operands of type '${typeName(l.type)}' and '${typeName(r.type)}'.`);
  // `null ?? b`: the null literal has no type, so the result is b's type if null converts to it (not a constant)
  if (l.type.k === "null") {
    if (isValueType(r.type) && !isNullable(r.type)) b.err(Codes.CSharpTypeMismatch, e.opPos, `Operator '??' cannot be applied to operands of type '<null>' and '${typeName(r.type)}'.`);
    return { ...r, cv: undefined, local: undefined };
  }
  // result type: A0 if B converts to the underlying type, else A, else B
  const a0 = underlyingNullable(l.type);
  let type: Type;
  if (r.type.k === "null" || implicitCost(b, r, isNullable(l.type) && isNullable(r.type) ? l.type : a0) >= 0) type = isNullable(r.type) ? l.type : a0;
  else if (implicitCost(b, r, l.type) >= 0) type = l.type;
  else if (implicitCost(b, { ...l, type: a0 }, r.type) >= 0) type = r.type;
  else b.err(Codes.CSharpTypeMismatch, e.opPos, `Operator '??' cannot be applied to operands of type '${typeName(l.type)}' and '${typeName(r.type)}'.`);
  const rc = r.type.k === "null" ? r.code : b.convert(r, type, e.right.pos).code;
  const lc = isObject(type) ? box({ ...l, type: a0 }, b) : l.code;
  return { type, code: js`(${lc} ?? ${rc})`, pos: e.pos };
}

export function unary(b: Binder, op: string, operand: Expr, pos: number): BExpr {
  if (op === "++" || op === "--") return incDec(b, op, operand, pos, false);
  const x = b.expr(operand);
  const u = underlyingNullable(x.type);
  if (op === "!") {
    const v = b.convert(x, isNullable(x.type) ? nullableOf(named("bool")) : named("bool"), operand.pos);
    if (v.cv !== undefined) return { type: named("bool"), code: literal(!v.cv.v), pos, cv: { v: !v.cv.v } };
    return { type: v.type, code: isNullable(v.type) ? js`${rt("liftNot")}(${v.code})` : js`!${v.code}`, pos };
  }
  if (!isNumeric(u)) b.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operand of type '${typeName(x.type)}'.`);
  // unary numeric promotion: the small types become int; uint, long, ulong stay (-uint is long)
  const p0 = primName(u)!;
  const p = ["sbyte", "byte", "short", "ushort", "char"].includes(p0) ? "int" : p0;
  if (op === "-" && p === "ulong") b.err(Codes.CSharpTypeMismatch, pos, `Operator '-' cannot be applied to operand of type 'ulong'.`);
  const t = op === "-" && p === "uint" ? "long" : p;
  const T = named(t);
  if (t === "decimal" && !isNullable(x.type)) {
    if (op === "+") return { type: T, code: x.code, pos, cv: x.cv };
    if (op !== "-") b.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operand of type '${typeName(x.type)}'.`);
    if (x.cv !== undefined && typeof x.cv.v === "number") return { type: T, code: b.scope.constant(js`${rt("decNeg")}(${x.code}, true)`, "dec"), pos, cv: { v: -x.cv.v } };
    return { type: T, code: js`${rt("decNeg")}(${x.code})`, pos };
  }
  // ~ and - of a long or ulong constant, exact
  const exact = (t === "long" || t === "ulong") && !isNullable(x.type) && op !== "+" ? exactInt(x.cv) : null;
  if (exact !== null && (op === "~" || (op === "-" && t === "long"))) {
    const v = wrap64(op === "~" ? ~exact : -exact, t);
    if (op === "-" && b.checkedCtx !== false && v !== -exact) b.err(Codes.CSharpTypeMismatch, pos, "The operation overflows at compile time in checked mode.");
    return longConstant(b, T, v, pos);
  }
  if ((t === "long" || t === "ulong") && !isNullable(x.type) && op !== "+" && !(x.cv !== undefined && Number.isSafeInteger(x.cv.v) && !(op === "~" && t === "ulong"))) {
    if (op === "~") return { type: T, code: js`${rt("lnot")}(${x.code}, ${t === "ulong"})`, pos };
    if (b.checkedCtx) return { type: T, code: js`${rt("lchk")}("-", 0, ${x.code}, false)`, pos };
    return { type: T, code: js`${rt("lneg")}(${x.code})`, pos };
  }
  if (x.cv !== undefined && typeof x.cv.v === "number") {
    // ~ of a long constant is -v - 1 (JS's ~ works on 32 bits); of a uint, its 32-bit complement
    const v = op === "-" ? (t === "int" ? -x.cv.v | 0 : INT_RANGE[t] && typeof x.cv.v === "number" ? -x.cv.v + 0 : -x.cv.v) : op === "~" ? (t === "long" ? -x.cv.v - 1 : t === "uint" ? ~x.cv.v >>> 0 : ~x.cv.v) : x.cv.v;
    return { type: T, code: literal(v), pos, cv: { v } };
  }
  if (isNullable(x.type)) return { type: nullableOf(T), code: js`${rt("liftNum")}(${op === "~" ? "^" : "*"}, ${t}, ${x.code}, ${op === "~" ? -1 : op === "-" ? -1 : 1})`, pos };
  if (op === "+") return { type: T, code: x.code, pos };
  if (op === "~") {
    if (!INT_RANGE[t]) b.err(Codes.CSharpTypeMismatch, pos, `Operator '~' cannot be applied to operand of type '${typeName(x.type)}'.`);
    return { type: T, code: t === "uint" ? js`(~${x.code} >>> 0)` : js`~${x.code}`, pos };
  }
  if (b.checkedCtx && INT_RANGE[t]) return { type: T, code: js`${rt("chk")}(-${x.code}, ${t})`, pos };
  return { type: T, code: t === "int" ? js`(-${x.code} | 0)` : js`(-${x.code})`, pos };
}

/** ++/-- on locals, properties and indexers. */
export function incDec(b: Binder, op: string, operand: Expr, pos: number, postfix: boolean): BExpr {
  const target = b.expr(operand);
  const t = target.type;
  const u = underlyingNullable(t);
  if (!isNumeric(u)) b.err(Codes.CSharpTypeMismatch, pos, `Operator '${op}' cannot be applied to operand of type '${typeName(t)}'.`);
  const one: BExpr = { type: named("int"), code: js`1`, pos, cv: { v: 1 } };
  const sum = (v: Code) => {
    const r = binaryValues(b, op === "++" ? "+" : "-", { type: t, code: v, pos }, one, pos, pos);
    return cast(b, r, t, pos, pos).code;
  };
  if (target.local) {
    if (target.local.readonly) b.err(Codes.CSharpTypeMismatch, pos, `Cannot assign to '${target.local.name}' because it is read-only.`);
    const v = target.local.code;
    if (!postfix) return { type: t, code: js`(${v} = ${sum(v)})`, pos };
    const tmp = b.temp();
    return { type: t, code: js`(${tmp} = ${v}, ${v} = ${sum(tmp)}, ${tmp})`, pos };
  }
  if (target.readModifyWrite) {
    const tmp = b.temp();
    const res = b.temp();
    const rmw = target.readModifyWrite(() => b.temp());
    const pre = rmw.pre ? js`${rmw.pre}, ` : js``;
    return { type: t, code: js`(${pre}${tmp} = ${rmw.get}, ${rmw.set(js`(${res} = ${sum(tmp)})`)}, ${postfix ? tmp : res})`, pos };
  }
  if (target.assign) {
    const tmp = b.temp();
    const res = b.temp();
    // evaluate once: read into tmp, write back
    const write = target.assign(js`(${res} = ${sum(tmp)})`, () => b.temp());
    return { type: t, code: js`(${tmp} = ${target.code}, ${write}, ${postfix ? tmp : res})`, pos };
  }
  b.err(Codes.CSharpTypeMismatch, pos, "The operand of an increment or decrement operator must be a variable, property or indexer.");
}

export function assign(b: Binder, e: Expr & { k: "assign" }): BExpr {
  const target = b.expr(e.target);
  if (e.op === "=") {
    const v = b.convert(b.expr(e.value), target.type, e.value.pos);
    if (target.local) {
      if (target.local.readonly) b.err(Codes.CSharpTypeMismatch, e.target.pos, `Cannot assign to '${target.local.name}' because it is read-only.`);
      return { type: target.type, code: js`(${target.local.code} = ${v.code})`, pos: e.pos };
    }
    if (target.assign) return { type: target.type, code: target.assign(v.code, () => b.temp()), pos: e.pos };
    b.err(Codes.CSharpTypeMismatch, e.target.pos, "The left-hand side of an assignment must be a variable, property or indexer.");
  }
  const op = e.op.slice(0, -1);
  const rhs = b.expr(e.value);
  if (target.local) {
    const r = binaryValues(b, op, { ...target }, rhs, e.opPos, e.pos);
    const v = isNumeric(target.type) ? cast(b, r, target.type, e.pos, e.pos) : b.convert(r, target.type, e.pos);
    return { type: target.type, code: js`(${target.local.code} = ${v.code})`, pos: e.pos };
  }
  if (target.assign) {
    const tmp = b.temp();
    const r = binaryValues(b, op, { type: target.type, code: tmp, pos: e.pos }, rhs, e.opPos, e.pos);
    const v = isNumeric(target.type) ? cast(b, r, target.type, e.pos, e.pos) : b.convert(r, target.type, e.pos);
    if (target.readModifyWrite) {
      // an indexer: receiver and index once, then read, the right-hand side, write
      const rmw = target.readModifyWrite(() => b.temp());
      const pre = rmw.pre ? js`${rmw.pre}, ` : js``;
      return { type: target.type, code: js`(${pre}${tmp} = ${rmw.get}, ${rmw.set(v.code)})`, pos: e.pos };
    }
    return { type: target.type, code: js`(${tmp} = ${target.code}, ${target.assign(v.code, () => b.temp())})`, pos: e.pos };
  }
  b.err(Codes.CSharpTypeMismatch, e.target.pos, "The left-hand side of an assignment must be a variable, property or indexer.");
}

export function conditional(b: Binder, e: Expr & { k: "cond" }): BExpr {
  const test = b.convert(b.expr(e.test), named("bool"), e.test.pos);
  const x = b.expr(e.then);
  const y = b.expr(e.else);
  let type: Type;
  if (sameType(x.type, y.type)) type = x.type;
  else if (x.type.k === "null" && (isReferenceType(y.type) || isNullable(y.type))) type = y.type;
  else if (y.type.k === "null" && (isReferenceType(x.type) || isNullable(x.type))) type = x.type;
  else if (x.code && implicitCost(b, x, y.type) >= 0 && !(implicitCost(b, y, x.type) >= 0 && implicitCost(b, x, y.type) > implicitCost(b, y, x.type))) type = y.type;
  else if (implicitCost(b, y, x.type) >= 0) type = x.type;
  else if (y.type.k === "null" && isValueType(x.type)) b.err(Codes.CSharpTypeMismatch, e.pos, `Type of conditional expression cannot be determined because there is no implicit conversion between '${typeName(x.type)}' and '<null>'.`);
  else b.err(Codes.CSharpTypeMismatch, e.pos, `Type of conditional expression cannot be determined because there is no implicit conversion between '${typeName(x.type)}' and '${typeName(y.type)}'.`);
  const xv = x.type.k === "null" ? x : b.convert(x, type, e.then.pos);
  const yv = y.type.k === "null" ? y : b.convert(y, type, e.else.pos);
  const xc = xv.code;
  const yc = yv.code;
  // A constant test picks its branch, but the result is a constant only when both branches are
  // (C# spec, constant expressions): `int.MaxValue * (false ? x : -17)` is not checked at compile time.
  if (test.cv !== undefined) {
    const pick = test.cv.v ? xv : yv;
    const cv = x.cv !== undefined && y.cv !== undefined ? pick.cv : undefined;
    return { type, code: pick.code, pos: e.pos, cv, pure: pick.pure, nonNull: pick.nonNull };
  }
  return { type, code: js`(${test.code} ? ${xc} : ${yc})`, pos: e.pos };
}

export function commonType(b: Binder, types: Type[], pos = 0): Type {
  const nonNull = types.filter((t) => t.k !== "null");
  if (!nonNull.length) return named("object");
  for (const cand of nonNull) if (types.every((t) => implicitCost(b, { type: t, code: js``, pos }, cand) >= 0)) return cand;
  b.err(Codes.CSharpTypeMismatch, pos, `No best type found among ${nonNull.map(typeName).join(", ")}.`);
}

/** Identity of a type for interning anonymous types (the def object itself, not its display name). */
const defIds = new WeakMap<TypeDef, number>();
function typeKey(t: Type): string {
  if (t.k === "array") return `[${typeKey(t.elem)}]`;
  if (t.k !== "named") return t.k === "tp" ? `'${t.name}` : t.k;
  let id = defIds.get(t.def);
  if (id === undefined) defIds.set(t.def, (id = nextDefId++));
  return `${id}<${t.args.map(typeKey).join(",")}>`;
}
let nextDefId = 0;
const anonTypes = new Map<string, Type>();

/**
 * The anonymous type of `new { a = .., b = .. }`: two creations with the same member names, types
 * and order are one type (C# spec §12.8.17.7), so arrays of them and conditionals have a best type.
 */
export function anonType(members: { name: string; type: Type }[]): Type {
  const key = members.map((m) => `${m.name}:${typeKey(m.type)}`).join(";");
  const known = anonTypes.get(key);
  if (known) return known;
  const t = makeAnonType(members);
  anonTypes.set(key, t);
  return t;
}


function makeAnonType(members: { name: string; type: Type }[]): Type {
  const def: TypeDef = {
    name: `<anonymous {${members.map((m) => m.name).join(", ")}}>`,
    ns: "",
    typeParams: [],
    valueType: false,
    interfaces: [],
    members: new Map(),
  };
  for (const m of members) {
    const mem = P(`object ${m.name}`, (r) => js`${r}[${literal(m.name)}]`);
    mem.owner = def;
    mem.parsed = { ret: m.type, typeParams: [], params: [] };
    def.members.set(m.name, [mem]);
  }
  void registerType;
  return { k: "named", def, args: [] };
}

// ---- initializers ----------------------------------------------------------------------------------
export function initializer(b: Binder, obj: BExpr, init: Initializer, pos: number): BExpr {
  const t = b.temp();
  let code = js`(${t} = ${obj.code}`;
  if (init.k === "collection") {
    for (const item of init.items) code = js`${code}, ${b.bindAdd(obj.type, t, item, item[0]?.pos ?? pos)}`;
  } else {
    for (const m of init.members) {
      if (m.value && (m.value as Initializer).k === "collection" || (m.value as Initializer).k === "object") {
        b.err(Codes.CSharpNotSupported, m.pos, "Nested object/collection initializers are not supported yet.");
      }
      if (m.index) code = js`${code}, ${b.bindIndexSet(obj.type, t, m.index, m.value as Expr, m.pos)}`;
      else code = js`${code}, ${b.bindMemberSet(obj.type, t, m.name!, m.value as Expr, m.pos)}`;
    }
  }
  return { type: obj.type, code: js`${code}, ${t})`, pos };
}


export { arrayOf, ERROR, nullableOf };

export function joinCodes(codes: Code[]): Code {
  let out = js``;
  codes.forEach((c, i) => (out = i ? js`${out}, ${c}` : c));
  return out;
}

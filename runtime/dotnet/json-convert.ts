// Conversions of tokens to .NET values: explicit casts, Value<T>(), Values<T>(), ToObject<T>() (jconv), and
// the compiler's static-type shapes for serializing doubles and floats (jShaped).
import { DotNetException, argumentError, argumentNull, formatError, invalidCast, nullReference, overflow } from "../errors.js";
import { INT_RANGES, isPlainObject } from "./core.js";
import { fmtDouble, fmtFloat } from "./number-format.js";
import { parseBool, parseNum } from "./number-parse.js";
import { CharBox, Decimal, NumBox, boxChar, decRound, decStr, decToIntegral, decToNum, jvalueObject, toDec } from "./decimal.js";
import { LONG_MAX, LONG_MIN, ULONG_MAX } from "./long.js";
import { TT, TT_NAMES, dateTimeOps, JToken, JContainer, JObject, JArray, JValue, JSingle, JEnum, toJValue } from "./json-tokens.js";
import { enumStr } from "./enums.js";
import { writeToken } from "./json-writer.js";
import { JConstructor, constructorAsValue, writtenByWriteToken } from "./json-constructor.js";
import { convertTo, fromBase64 } from "./convert.js";
import { Uri } from "./uri.js";

type JsonShape = string | ["seq", JsonShape] | ["map", JsonShape] | ["anon", Record<string, JsonShape>];
const JSON_SHAPES = new Map<string, JsonShape>();
/**
 * `JsonConvert.SerializeObject(x)`, `JToken.FromObject(x)`, `new JArray(x)`, ... where x's static
 * type has doubles or floats inside: their numbers become Float tokens, containers stay as they are
 * (so multi-content rules and writing go the usual way). `shape` is the compiler's JSON text.
 */
export function jShaped(v: unknown, shape: string): unknown {
  let s = JSON_SHAPES.get(shape);
  if (s === undefined) {
    s = JSON.parse(shape) as JsonShape;
    JSON_SHAPES.set(shape, s);
  }
  return applyJsonShape(v, s, 0);
}
function applyJsonShape(v: unknown, s: JsonShape, depth: number): unknown {
  if (v === null || v === undefined || v instanceof JToken || depth > 64) return v;
  // a char inside a sequence or object is a number: box it as C# does (content rejects it, FromObject writes a string)
  if (s === "char") return typeof v === "number" ? boxChar(v) : v;
  if (typeof s === "string") return typeof v === "number" || v instanceof Decimal || v instanceof NumBox ? toJValue(v, s) : v;
  switch (s[0]) {
    case "seq":
      return typeof v === "object" && typeof (v as Iterable<unknown>)[Symbol.iterator] === "function" ? [...(v as Iterable<unknown>)].map((x) => applyJsonShape(x, s[1], depth + 1)) : v;
    case "map": {
      if (!(v instanceof Map)) return v;
      // a Dictionary iterates as { Key, Value } pairs, a plain Map as [key, value]
      const out = new Map<unknown, unknown>();
      for (const e of v as Iterable<unknown>) {
        if (Array.isArray(e)) out.set(e[0], applyJsonShape(e[1], s[1], depth + 1));
        else out.set((e as { Key: unknown }).Key, applyJsonShape((e as { Value: unknown }).Value, s[1], depth + 1));
      }
      return out;
    }
    case "anon": {
      if (typeof v !== "object" || v === null || !isPlainObject(v)) return v;
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object)) {
        const x = (v as Record<string, unknown>)[k];
        const ks = s[1][k];
        o[k] = ks === undefined ? x : applyJsonShape(x, ks, depth + 1);
      }
      return o;
    }
  }
  return v;
}
/** Implicit conversion of a statically typed value to JToken (`obj["k"] = 1.5`). */

const NUMERIC_INT = new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong"]);
const typeLabel: Record<string, string> = {
  string: "String",
  bool: "Boolean",
  int: "Int32",
  long: "Int64",
  short: "Int16",
  byte: "Byte",
  sbyte: "SByte",
  uint: "UInt32",
  ulong: "UInt64",
  ushort: "UInt16",
  double: "Double",
  float: "Single",
  decimal: "Decimal",
  char: "Char",
  DateTime: "DateTime",
  Guid: "Guid",
  TimeSpan: "TimeSpan",
  "byte[]": "byte array",
};

/** Targets whose explicit operator is Convert.ToX(Value) (DateTimeOffset: new DateTimeOffset(Convert.ToDateTime(Value))). */
const CHAR_CONVERT = new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "bool", "char", "DateTime", "DateTimeOffset"]);
const COLL_KEY = /^(?:List|IList|IEnumerable|ICollection|IReadOnlyList)<(.+)>$|^(.+)\[\]$/;
const TOKEN_KEYS = new Set(["JToken", "JObject", "JArray", "JValue", "JProperty", "JContainer", "JConstructor", "object"]);
/** Explicit conversion `(T)token` / `token.Value<T>()` / `ToObject<T>()`. */
export function jconv(token: unknown, key: string, toObject = false): unknown {
  // ToObject<T>() of a token type (or object) deserializes what a JTokenReader reads: WriteToken's copy
  if (toObject && token instanceof JContainer && (TOKEN_KEYS.has(key) || key.startsWith("Dictionary<") || key.startsWith("IDictionary<"))) {
    if (token instanceof JConstructor && token.Name === null) throw nullReference();
    if (key !== "object" || !(token instanceof JConstructor)) token = writtenByWriteToken(token);
  }
  // ToObject<Dictionary<string, T>>(): the object's properties, each converted to T
  if (token instanceof JObject && (key.startsWith("Dictionary<") || key.startsWith("IDictionary<"))) {
    const valueKey = /,\s*(.+)>$/.exec(key)?.[1] ?? "object";
    const m = new Map<string, unknown>();
    for (const p of token.Properties()) {
      if (p.Value instanceof JConstructor) constructorAsValue(valueKey);
      m.set(p.Name, valueKey === "object" && p.Value instanceof JValue ? jvalueObject(p.Value) : jconv(p.Value, valueKey));
    }
    return m;
  }
  if (token instanceof JConstructor && (key.startsWith("Dictionary<") || key.startsWith("IDictionary<")))
    throw new DotNetException("Newtonsoft.Json.JsonSerializationException", `Error converting value "${token.Name}" to type '${key}'.`);
  // the common conversions of a value of the matching kind, as the general path below does them
  if (token instanceof JValue) {
    const v = token.Value;
    const type = token.Type;
    switch (key) {
      case "int":
        if ((type === TT.Integer || type === TT.Float) && typeof v === "number" && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
        break;
      case "long":
        if ((type === TT.Integer || type === TT.Float) && typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 9007199254740992) return v;
        break;
      case "double":
        if ((type === TT.Integer || type === TT.Float) && typeof v === "number") return v;
        break;
      case "string":
        if (type === TT.String && typeof v === "string") return v;
        break;
      case "bool":
        if (type === TT.Boolean && typeof v === "boolean") return v;
        break;
    }
  } else if (token instanceof JContainer) {
    if ((key === "JArray" && token instanceof JArray) || (key === "JObject" && token instanceof JObject) || key === "JToken") return token;
  }
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  // Only a key ending in '>' or ']' can name a collection.
  const last = k.charCodeAt(k.length - 1);
  const coll = (last === 62 || last === 93) && k !== "byte[]" ? COLL_KEY.exec(k) : null;
  if (coll && (token instanceof JArray || token instanceof JObject || token instanceof JValue || token instanceof JConstructor)) {
    if (token instanceof JValue && token.Type === TT.Null) return null;
    // (the serializer reads a constructor as its name: a string is no collection)
    if (token instanceof JConstructor) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", `Error converting value "${token.Name}" to type '${k}'.`);
    if (!(token instanceof JArray)) throw new DotNetException("Newtonsoft.Json.JsonSerializationException", `Cannot deserialize the current JSON object into type '${k}'.`);
    const ek = coll[1] ?? coll[2]!;
    // (the serializer passes over comments)
    return token.items.filter((c) => c.Type !== TT.Comment).map((c) => (c instanceof JConstructor ? constructorAsValue(ek) : jconv(c, ek)));
  }
  if (TOKEN_KEYS.has(k)) {
    if (token === null || token === undefined) return null;
    if (k === "JObject" && !(token instanceof JObject)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JObject");
    if (k === "JArray" && !(token instanceof JArray)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JArray");
    if (k === "JValue" && !(token instanceof JValue)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JValue");
    if (k === "JConstructor" && !(token instanceof JConstructor)) throw invalidCast((token as JToken).$typeName, "Newtonsoft.Json.Linq.JConstructor");
    // ToObject<object>() of a constructor: the serializer reads its StartConstructor as the name (EnsureType of a string)
    if (k === "object" && token instanceof JConstructor) return token.Name;
    if (k === "object" && token instanceof JValue) return token.Value;
    return token;
  }
  if (Array.isArray(token)) {
    // Value<T>() on IEnumerable<JToken>: the first... (Extensions.Value converts the sequence itself)
    throw invalidCast("System.Collections.Generic.IEnumerable`1[Newtonsoft.Json.Linq.JToken]", "Newtonsoft.Json.Linq.JToken");
  }
  if (token === null || token === undefined) {
    if (k === "string" || nullable || k === "byte[]") return null;
    throw argumentNull("value");
  }
  const t = token as JToken;
  if (!(t instanceof JValue)) {
    if (k === "string" && false) return t.ToString();
    throw argumentError(`Can not convert ${TT_NAMES[t.Type]} to ${typeLabel[k] ?? k}.`);
  }
  const v = t.Value;
  const type = t.Type;
  if (type === TT.Null || type === TT.Undefined || v === null) {
    // (the byte[] operator accepts no Null token: "Can not convert Null to byte array.")
    if (k === "byte[]") throw argumentError(`Can not convert ${TT_NAMES[type]} to byte array.`);
    if (k === "string" || nullable || k === "Uri") return null;
    throw argumentError(`Can not convert Null to ${typeLabel[k] ?? k}.`);
  }
  const bad = (): never => {
    throw argumentError(`Can not convert ${TT_NAMES[type]} to ${typeLabel[k] ?? k}.`);
  };
  // a boxed char (new JValue(char)): the explicit operators call Convert.ToX(Value), Char's IConvertible
  if (v instanceof CharBox && CHAR_CONVERT.has(k)) return convertTo(v, k === "DateTimeOffset" ? "DateTime" : k);
  // a Comment or Raw token's value is its text: the operators read it as they read a String's
  const isText = type === TT.String || type === TT.Comment || type === TT.Raw;
  switch (k) {
    case "string":
      if (t instanceof JEnum) return enumStr(v as number, t.names);
      if (v instanceof Decimal) return decStr(v);
      if (type === TT.Float) return t instanceof JSingle ? fmtFloat(v as number) : fmtDouble(v as number);
      if (type === TT.Boolean) return v ? "True" : "False";
      if (type === TT.Bytes) return Buffer.from(v as Uint8Array).toString("base64");
      if (type === TT.Date && dateTimeOps) return dateTimeOps.format(v);
      if (typeof v === "object" && v !== null && typeof (v as { ToString?: unknown }).ToString === "function") return (v as { ToString(): string }).ToString();
      return String(v);
    case "bool":
      if (type === TT.Boolean) return v;
      if (type === TT.Integer || type === TT.Float) return v instanceof Decimal ? v.m !== 0n : v !== 0 && v !== 0n;
      if (isText) return parseBool(v as string);
      return bad();
    case "char":
      if (isText) {
        if ((v as string).length !== 1) throw formatError("String must be exactly one character long.");
        return (v as string).charCodeAt(0);
      }
      if (type === TT.Integer) return v;
      // a Float token passes the operator's check; Convert.ToChar(double/decimal) does not convert
      if (type === TT.Float) throw new DotNetException("System.InvalidCastException", `Invalid cast from '${v instanceof Decimal ? "Decimal" : t instanceof JSingle ? "Single" : "Double"}' to 'Char'.`);
      return bad();
    case "DateTime":
    case "DateTimeOffset":
      if (type === TT.Date) return v;
      if (isText && dateTimeOps) return dateTimeOps.parse(v as string);
      return bad();
    case "Guid":
      if (type === TT.Guid || isText) {
        const s = String(v);
        if (!/^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[})]?$/i.test(s)) throw formatError("Unrecognized Guid format.");
        const h = s.replace(/[{}()-]/g, "").toLowerCase();
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      }
      return bad();
    case "byte[]":
      // (a boxed char is no string: "Can not convert String to byte array.")
      if (type === TT.Bytes) return v;
      if (isText && typeof v === "string") return fromBase64(v);
      throw argumentError(`Can not convert ${TT_NAMES[type]} to byte array.`);
    // TimeSpan and Uri: the value itself, or the text of a String, Comment or Raw token parsed
    case "TimeSpan":
      if (type === TT.TimeSpan) return v;
      if (isText && dateTimeOps) return dateTimeOps.parseTimeSpan(String(v));
      return bad();
    case "Uri":
      if (type === TT.Uri) return v;
      if (isText) return Uri.parse(String(v));
      return bad();
  }
  if (NUMERIC_INT.has(k) || k === "double" || k === "float" || k === "decimal") {
    if (typeof v === "bigint") return bigTo(v, k);
    if (v instanceof Decimal) return decTo(v, k);
    if (k === "decimal") {
      // Convert.ToDecimal: a string keeps its scale ("1.10"), a double its 15 significant digits
      if (isText) return parseNum(v as string, "decimal");
      if (type === TT.Integer || type === TT.Float) return toDec(v as number);
      if (type === TT.Boolean) return toDec(v ? 1 : 0);
      return bad();
    }
    let n: number;
    if (type === TT.Integer || type === TT.Float) n = v as number;
    else if (isText) n = parseNum(v as string, NUMERIC_INT.has(k) ? (k === "long" || k === "ulong" ? "long" : "int") : "double");
    else if (type === TT.Boolean) n = v ? 1 : 0;
    else return bad();
    if (NUMERIC_INT.has(k) && !Number.isInteger(n)) {
      // Convert.ToInt32(double): banker's rounding
      const f = Math.floor(n);
      const d = n - f;
      n = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
    }
    if (k === "float") return Math.fround(n);
    // Convert.ToInt32(long/double) & co.: OverflowException outside the target's range
    if (NUMERIC_INT.has(k)) {
      const [lo, hi] = INT_RANGE[k]!;
      if (!(n >= lo && n <= hi)) throw overflow(`Value was either too large or too small for ${INT_LABEL[k]}.`);
    }
    return n;
  }
  return v;
}
/**
 * Each integral target's range as a double can hold it: core's INT_RANGES, except that the doubles
 * of 2^63 and 2^64 are already out of long's and ulong's ranges (Convert.ToInt64 checks < 2^63).
 */
const INT_RANGE: Readonly<Record<string, readonly [number, number]>> = { ...INT_RANGES, long: [INT_RANGES.long![0], 9223372036854774784], ulong: [0, 18446744073709549568] };

const INT_LABEL: Record<string, string> = {
  sbyte: "a signed byte",
  byte: "an unsigned byte",
  short: "an Int16",
  ushort: "a UInt16",
  int: "an Int32",
  uint: "a UInt32",
  long: "an Int64",
  ulong: "a UInt64",
  char: "a character",
};
/** A JSON integer beyond 2^53 (a BigInt: Int64, UInt64 or BigInteger in Newtonsoft) → numeric type `k`. */
function bigTo(v: bigint, k: string): unknown {
  if (k === "double") return Number(v);
  if (k === "float") return Math.fround(Number(v));
  if (k === "decimal") return toDec(v as unknown as number);
  if ((k === "long" && v >= LONG_MIN && v <= LONG_MAX) || (k === "ulong" && v >= 0n && v <= ULONG_MAX)) return v;
  throw overflow(`Value was either too large or too small for ${INT_LABEL[k] ?? k}.`);
}

/** A decimal JSON value (Float) → numeric type `k` (Convert.ToInt32(decimal) & co. round half to even). */
function decTo(v: Decimal, k: string): unknown {
  if (k === "decimal") return v;
  if (k === "double") return decToNum(v);
  if (k === "float") return Math.fround(decToNum(v));
  return decToIntegral(decRound(v, 0, 0), k);
}


/** JValue.ToString() is the value's own ToString, not JSON (a string token prints without quotes). */
JValue.prototype.ToString = function (this: JValue, formatting?: number): string {
  if (formatting !== undefined) return writeToken(this, formatting === 1, "");
  // (the value's ToString: a byte[] is "System.Byte[]", where the string operator gives base64)
  if (this.Type === TT.Bytes && this.Value instanceof Uint8Array) return "System.Byte[]";
  return jconv(this, "string") as string ?? "";
};

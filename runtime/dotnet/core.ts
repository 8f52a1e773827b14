// Core .NET semantics for lowered policy expressions: integer arithmetic and lifted operators, casts,
// type tests and unboxing, equality and hashing, anonymous objects, exceptions, Math, arrays and argument
// checks. Formatting: number-format.ts, text-format.ts; parsing: number-parse.ts; Convert: convert.ts.
import { argumentError, argumentNull, argumentOutOfRange, divideByZero, DotNetException, indexOutOfRange, invalidCast, invalidOperation, nullReference, overflow, toDotNetException } from "../errors.js";
import { cultureCompare } from "./collation.js";
import { BIG_RANGES, CharBox, Decimal, decOp, decToIntegral, decToNum, NumBox, toDec } from "./decimal.js";
import { ladd, lbit, ldiv, lmod, lmul, lsub } from "./long.js";
import { numToString } from "./number-format.js";
import { toStr } from "./text-format.js";
import { EnumBox } from "./enums.js";
import { GuidBox } from "./guid.js";

export { toDotNetException, DotNetException };

// ---- integer arithmetic -------------------------------------------------------------------------
export function idiv(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  // + 0: an integral zero has no sign (Math.trunc(-1 / 2) is -0)
  return Math.trunc(a / b) + 0;
}
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono's x86-64
 * JIT lets the CPU's idiv trap on int.MinValue / -1 and % -1 when the divisor is computed
 * (`m % (m1 >> c)`, `m % -x`), and reports the trap as DivideByZeroException; .NET (and Mono for a
 * divisor that is a call's result) throws OverflowException (C# spec §12.10.3).
 */
export const monoIntMinDivide = { on: false };
const minByMinusOne = (): DotNetException => (monoIntMinDivide.on ? divideByZero() : overflow());
/** int division: int.MinValue / -1 overflows (always, as on .NET). */
export function idiv32(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  if (b === -1 && a === -2147483648) throw minByMinusOne();
  return (a / b) | 0;
}
export function imod32(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  if (b === -1) {
    if (a === -2147483648) throw minByMinusOne();
    return 0;
  }
  // | 0: an integral zero has no sign (JS gives -0 for -4 % 2)
  return (a % b) | 0;
}
/** Checked integral arithmetic result: OverflowException when out of the type's range. */
export function chk(v: number, type: string): number {
  const r = INT_RANGES[type]!;
  if (!(v >= r[0] && v <= r[1])) throw overflow();
  return v === 0 ? 0 : v;
}
/** Checked explicit numeric conversion to an integral type (truncates floating values). */
export function chkConv(v: number, type: string): number {
  if (typeof v === "bigint" || type === "long" || type === "ulong") {
    if (typeof v === "number" && !Number.isFinite(v)) throw overflow();
    const b = typeof v === "bigint" ? (v as bigint) : BigInt(Math.trunc(v));
    const r = BIG_RANGES[type]!;
    if (b < r[0] || b > r[1]) throw overflow();
    return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : (b as unknown as number);
  }
  const t = Math.trunc(v);
  const r = INT_RANGES[type]!;
  if (!(t >= r[0] && t <= r[1])) throw overflow();
  return t === 0 ? 0 : t;
}
/** Math.Abs of an int/long: the minimum value has no absolute value. */
export function iabs(v: number, type: string): number {
  if (typeof v === "bigint") {
    if (v === -9223372036854775808n) throw overflow("Negating the minimum value of a twos complement number is invalid.");
    return (v < 0n ? -v : v) as unknown as number;
  }
  if (v === INT_RANGES[type]![0]) throw overflow("Negating the minimum value of a twos complement number is invalid.");
  return Math.abs(v);
}
/** Nullable<T>.GetValueOrDefault(defaultValue): a call, so the argument is evaluated whether or not there is a value, as in C#. */
export function nullableOr<T>(value: T | null | undefined, defaultValue: T): T {
  return value ?? defaultValue;
}
export function imod(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return a % b + 0;
}
export function ddiv(a: number, b: number): number {
  if (b === 0) throw divideByZero();
  return a / b;
}
/** Unchecked double → int32 conversion (truncation; NaN/out of range give int.MinValue as on x86). */
export function dblToInt(x: number): number {
  if (!Number.isFinite(x) || x >= 2147483648 || x < -2147483648) return -2147483648;
  return Math.trunc(x);
}
/** Explicit decimal → integral conversion: truncates; out of range throws OverflowException. */
export function decimalToInt(x: number, type: string): number {
  if ((x as unknown) instanceof Decimal) return decToIntegral(x as unknown as Decimal, type);
  const t = Math.trunc(x);
  const r = INT_RANGES[type];
  if (r && (t < r[0] || t > r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
  return t;
}
/** The range of each integral C# type (shared with the compiler's constant checks). */
export const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  sbyte: [-128, 127],
  byte: [0, 255],
  short: [-32768, 32767],
  ushort: [0, 65535],
  int: [-2147483648, 2147483647],
  uint: [0, 4294967295],
  long: [-9223372036854775808, 9223372036854775807],
  ulong: [0, 18446744073709551615],
  char: [0, 65535],
};
export function typeLabel(t: string): string {
  return (
    { double: "a Double", float: "a Single", decimal: "a Decimal", sbyte: "a signed byte", byte: "an unsigned byte", short: "an Int16", ushort: "a UInt16", int: "an Int32", uint: "a UInt32", long: "an Int64", ulong: "a UInt64", char: "a character" } as Record<string, string>
  )[t] ?? t;
}

/** Lifted numeric operators on nullable operands: null if either is null (comparisons: false). */
export function liftNum(op: string, type: string, a: number | null | undefined, b: number | null | undefined): number | boolean | null {
  const cmp = op === "<" || op === ">" || op === "<=" || op === ">=";
  if (a === null || a === undefined || b === null || b === undefined) return cmp ? false : null;
  if (type === "decimal") return decOp(op, a, b) as unknown as number;
  if (type === "long" || type === "ulong") {
    const u = type === "ulong";
    switch (op) {
      case "+":
        return ladd(a, b, u) as number;
      case "-":
        return lsub(a, b, u) as number;
      case "*":
        return lmul(a, b, u) as number;
      case "/":
        return ldiv(a, b, u) as number;
      case "%":
        return lmod(a, b, u) as number;
      case "&":
      case "|":
      case "^":
        return lbit(op, a, b, u) as number;
    }
  }
  switch (op) {
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "+":
      return wrap(a + b, type);
    case "-":
      return wrap(a - b, type);
    case "*":
      return type === "int" ? Math.imul(a, b) : wrap(a * b, type);
    case "/":
      return INT_RANGES[type] ? wrap(idiv(a, b), type) : type === "decimal" ? ddiv(a, b) : a / b;
    case "%":
      return INT_RANGES[type] ? imod(a, b) : a % b;
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
  }
  throw invalidOperation(`operator ${op}`);
}
function wrap(v: number, type: string): number {
  if (type === "int") return v | 0;
  if (type === "uint") return v >>> 0;
  return v;
}
export function liftBool(op: string, a: boolean | null, b: boolean | null): boolean | null {
  if (op === "&") {
    if (a === false || b === false) return false;
    return a === null || b === null ? null : true;
  }
  if (op === "|") {
    if (a === true || b === true) return true;
    return a === null || b === null ? null : false;
  }
  return a === null || b === null ? null : a !== b;
}
export function liftNot(a: boolean | null): boolean | null {
  return a === null || a === undefined ? null : !a;
}
export function lshift(a: number, n: number, type: string): number {
  if (type === "uint") return (a << (n & 31)) >>> 0;
  const r = BigInt(a) << BigInt(n & 63);
  return lcanon(type === "ulong" ? BigInt.asUintN(64, r) : BigInt.asIntN(64, r));
}
export function rshift(a: number, n: number, type: string): number {
  if (type === "ulong") return lcanon(BigInt.asUintN(64, BigInt(a)) >> BigInt(n & 63));
  return lcanon(BigInt.asIntN(64, BigInt(a)) >> BigInt(n & 63));
}
/** A 64-bit result in the canonical long form (number when safe, else bigint); typed as number. */
function lcanon(x: bigint): number {
  return (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x) as unknown as number;
}

export function nullableValue<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw invalidOperation("Nullable object must have a value.");
  return v;
}

// ---- casts and type tests ---------------------------------------------------------------------------

/** The .NET type name of a boxed value, for InvalidCastException messages. */
export function runtimeTypeName(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return "System.String";
    case "boolean":
      return "System.Boolean";
    case "number":
      return Number.isInteger(v) ? "System.Int32" : "System.Double";
    case "bigint":
      return "System.Int64";
  }
  if (v instanceof Uint8Array) return "System.Byte[]";
  if (Array.isArray(v)) return "System.Object[]";
  if ((v as object).constructor?.name === "ResponseMessage") return "Microsoft.Azure.ApiManagement.Response";
  const n = (v as { $typeName?: string }).$typeName;
  if (n) return n;
  return (v as object).constructor?.name ?? "System.Object";
}

/** `o is Guid`: a boxed Guid is a GuidBox (a string of a Guid's text is a string). */
export function isGuid(v: unknown): boolean {
  return v instanceof GuidBox;
}

type Checker = (v: unknown) => boolean;
const isInt = (lo: number, hi: number): Checker => (v) => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;
/** A boxed long/short/float/... is a NumBox carrying its type (int, double: plain numbers). */
const isBox = (t: string): Checker => (v) => v instanceof NumBox && v.t === t;
const NUMERIC_KEYS = new Set(["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "double", "float", "decimal"]);
const CHECKS: Record<string, Checker> = {
  object: () => true,
  string: (v) => typeof v === "string",
  bool: (v) => typeof v === "boolean",
  sbyte: isBox("sbyte"),
  byte: isBox("byte"),
  short: isBox("short"),
  ushort: isBox("ushort"),
  int: isInt(-2147483648, 2147483647),
  uint: isBox("uint"),
  long: isBox("long"),
  ulong: isBox("ulong"),
  // An integral double is boxed as NumBox(v, "double") (boxDouble): a plain integer is a boxed int.
  double: (v) => (typeof v === "number" && !Number.isInteger(v)) || (v instanceof NumBox && v.t === "double"),
  float: isBox("float"),
  decimal: (v) => v instanceof Decimal,
  char: (v) => v instanceof CharBox,
  Guid: isGuid,
  "byte[]": (v) => v instanceof Uint8Array,
};
const CLASS_CHECKS = new Map<string, Checker>();
/** Registers a type test for castTo/isOfType (runtime classes register themselves). */
export function registerTypeCheck(name: string, f: Checker): void {
  CLASS_CHECKS.set(name, f);
}

export function isOfType(v: unknown, key: string): boolean {
  if (v === null || v === undefined) return false;
  const k = key.endsWith("?") ? key.slice(0, -1) : key;
  const c = CHECKS[k] ?? CLASS_CHECKS.get(k);
  if (c) return c(v);
  if (k.endsWith("[]")) return Array.isArray(v) && v.every((x) => x === null || isOfType(x, k.slice(0, -2)));
  return true;
}

const VALUE_TYPES = new Set(["bool", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "double", "float", "decimal", "char", "Guid", "DateTime", "TimeSpan", "DateTimeOffset"]);

/** `(T)obj`: reference casts and unboxing, with InvalidCastException / NullReferenceException. */
export function castTo(v: unknown, key: string, _lenient = false): unknown {
  // The casts policies write most: (string)context.Variables["x"], (bool)...
  if (key === "string" && (typeof v === "string" || v === null)) return v;
  if (key === "bool" && typeof v === "boolean") return v;
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  if (v === null || v === undefined) {
    if (!nullable && VALUE_TYPES.has(k)) throw nullReference();
    return null;
  }
  if (!isOfType(v, k)) {
    // context.Variables.GetValueOrDefault<T>: a plain number (a default, a runtime-set value) converts
    if (_lenient && NUMERIC_KEYS.has(k) && (typeof v === "number" || v instanceof NumBox || v instanceof Decimal)) {
      const n = v instanceof NumBox ? v.v : v;
      return k === "decimal" ? toDec(n as number) : n instanceof Decimal ? decToNum(n) : n;
    }
    // a boxed enum unboxes to its underlying type (int for every enum on the surface)
    if (v instanceof EnumBox && k === "int") return v.v;
    throw invalidCast(runtimeTypeName(v), displayName(k));
  }
  if (k === "char") return (v as CharBox).charCodeAt(0);
  if (k === "Guid" && v instanceof GuidBox) return v.g;
  if (v instanceof NumBox) return v.v;
  return v;
}
/**
 * `(T)obj` for the types policies cast to most, emitted instead of `castTo(v, "T")`: small enough
 * to inline, the common case without the key dispatch; anything else goes through castTo for its
 * exception.
 */
export function castString(v: unknown): string | null {
  return typeof v === "string" || v === null ? v : (castTo(v, "string") as string | null);
}
export function castBool(v: unknown): boolean {
  return typeof v === "boolean" ? v : (castTo(v, "bool") as boolean);
}
export function castInt(v: unknown): number {
  return typeof v === "number" && (v | 0) === v ? v : (castTo(v, "int") as number);
}
export function castLong(v: unknown): number {
  return v instanceof NumBox && v.t === "long" ? v.v : (castTo(v, "long") as number);
}
export function displayName(k: string): string {
  const m: Record<string, string> = {
    string: "System.String",
    bool: "System.Boolean",
    int: "System.Int32",
    long: "System.Int64",
    double: "System.Double",
    float: "System.Single",
    decimal: "System.Decimal",
    char: "System.Char",
    byte: "System.Byte",
    short: "System.Int16",
    Guid: "System.Guid",
    DateTime: "System.DateTime",
    TimeSpan: "System.TimeSpan",
    IResponse: "Microsoft.Azure.ApiManagement.IResponse",
    JObject: "Newtonsoft.Json.Linq.JObject",
    JToken: "Newtonsoft.Json.Linq.JToken",
    JArray: "Newtonsoft.Json.Linq.JArray",
  };
  return m[k] ?? k;
}

/** A KeyValuePair<K, V> as the runtime makes it: a plain { Key, Value } object (no class, no Equals of its own). */
export function isKvp(v: unknown): v is { Key: unknown; Value: unknown } {
  if (v === null || typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && "Key" in v && "Value" in v;
}
export function objEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && a !== a) return typeof b === "number" && b !== b; // boxed NaN equals NaN
  if (a === null || a === undefined || b === null || b === undefined) return false;
  // KeyValuePair is a struct without Equals: ValueType.Equals compares its fields with Equals
  if (isKvp(a)) return isKvp(b) && objEquals(a.Key, b.Key) && objEquals(a.Value, b.Value);
  const e = (a as { Equals?: (x: unknown) => boolean }).Equals;
  if (typeof a === "object" && typeof e === "function") return e.call(a, b);
  return false;
}
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return (a as { Equals(x: unknown): boolean }).Equals(b);
}
/** Ordering for IComparable values (numbers, strings ordinal, DateTime/TimeSpan via CompareTo). */
export function cmp(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    // double.CompareTo: NaN is less than every number and equal to itself
    if (a !== a) return b !== b ? 0 : -1;
    if (b !== b) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return (a ? 1 : 0) - (b ? 1 : 0);
  // a boxed double is a number, or a NumBox when integral (boxDouble): Comparer<object> meets both
  if ((typeof a === "number" && isFloatBox(b)) || (isFloatBox(a) && typeof b === "number")) return cmp(Number(a), Number(b));
  const c = (a as { CompareTo?: (x: unknown) => number }).CompareTo;
  if (typeof c === "function") return c.call(a, b);
  throw argumentError("At least one object must implement IComparable.");
}
const isFloatBox = (x: unknown): boolean => {
  const t = x !== null && typeof x === "object" ? (x as { $typeName?: unknown }).$typeName : undefined;
  return t === "System.Double" || t === "System.Single";
};
/** IComparable.CompareTo: as cmp, but strings compare culture-sensitively, as string.CompareTo(object) does. */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return Math.sign(cultureCompare(a, b, false));
  return cmp(a, b);
}
/**
 * An anonymous-type instance: the plain object of its members, with .NET's generated members as
 * non-enumerable properties (JSON and reflection-like code see only the members): ToString gives
 * `{ a = 1, b = x }`, Equals compares member by member, GetHashCode combines the members'.
 * `fmt` is, by member, how a number prints ("double", "float", "char" or null).
 */
export function anon<T extends object>(o: T, fmt: readonly (string | null)[]): T {
  // The methods live on a shared prototype: copying two or three fields onto a new object costs
  // tens of nanoseconds, defining three methods on each object a microsecond (policies such as JWT
  // builders make anonymous objects on every request).
  const r = Object.create(anonProto(fmt)) as Record<string, unknown>;
  for (const k of Object.keys(o)) r[k] = (o as Record<string, unknown>)[k];
  return r as T;
}
type AnonObject = Record<string, unknown> & { $fmt: readonly (string | null)[] };
/** A member of an anonymous object or a Tuple as its ToString shows it; `f` is the static type when it is double, float or char (lower.ts anonFormatKey). */
export function anonShow(v: unknown, f: string | null | undefined): string {
  return v === null || v === undefined ? "" : f === "char" && typeof v === "number" ? String.fromCharCode(v) : (f === "double" || f === "float") && typeof v === "number" ? numToString(v, f) : toStr(v);
}
function anonToString(this: AnonObject): string {
  const names = Object.keys(this);
  return names.length ? `{ ${names.map((n, i) => `${n} = ${anonShow(this[n], this.$fmt[i])}`).join(", ")} }` : "{ }";
}
function anonEquals(this: AnonObject, other: unknown): boolean {
  if (other === this) return true;
  if (other === null || typeof other !== "object" || typeof (other as { Equals?: unknown }).Equals !== "function") return false;
  const names = Object.keys(this);
  if (Object.keys(other).join(",") !== names.join(",")) return false;
  return names.every((n) => {
    const a = this[n];
    const b = (other as Record<string, unknown>)[n];
    return a === b || (a !== a && b !== b) || objEquals(a, b);
  });
}
function anonHashCode(this: AnonObject): number {
  return Object.keys(this).reduce((h, n) => (Math.imul(h, -1521134295) + hashCode(this[n])) | 0, 0);
}
/** The prototype of anonymous objects whose members need no special formatting (most of them). */
const ANON_PROTO: object = Object.create(Object.prototype, {
  ToString: { value: anonToString },
  Equals: { value: anonEquals },
  GetHashCode: { value: anonHashCode },
  $fmt: { value: [] },
});
/** One prototype per member-format list that has a format (double, float, char members). */
const anonProtos = new Map<string, object>();
function anonProto(fmt: readonly (string | null)[]): object {
  if (fmt.every((f) => f === null)) return ANON_PROTO;
  const key = fmt.join(",");
  let p = anonProtos.get(key);
  if (p === undefined) anonProtos.set(key, (p = Object.create(ANON_PROTO, { $fmt: { value: fmt.slice() } }) as object));
  return p;
}
/** An object literal's or an anonymous type's value: what JSON writes and reads as an object. */
export function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === ANON_PROTO || (p !== null && Object.getPrototypeOf(p) === ANON_PROTO);
}
/** `new List<T>(capacity)` and the other collections' capacity: negative is ArgumentOutOfRange. */
export function capacity(n: number, message = "Non-negative number required."): number {
  if (n < 0) throw argumentOutOfRange("capacity", message);
  return n;
}
/** A collection changed while a foreach walked it. */
export function collectionModified(): Error {
  return invalidOperation("Collection was modified; enumeration operation may not execute.");
}
/** `collection.ToString()`: the type's name, known statically (null: NullReferenceException). */
export function typeNameOf(v: unknown, name: string): string {
  if (v === null || v === undefined) throw nullReference();
  return name;
}
/** double.Equals(double): `==`, except that NaN equals NaN. */
export function dblEquals(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "number" && a !== a && typeof b === "number" && b !== b);
}

/**
 * double.Equals(object): only a boxed double can be equal. An integral double boxes as
 * NumBox(v, "double"); a plain integral number is a boxed int (not equal), a plain non-integral
 * one (or NaN, ±Infinity) a boxed double.
 */
export function dblEqualsObj(a: number, b: unknown): boolean {
  if (b instanceof NumBox) return b.t === "double" && dblEquals(a, b.v);
  if (typeof b !== "number" || Number.isInteger(b)) return false;
  return dblEquals(a, b);
}

export function hashCode(v: unknown): number {
  if (v instanceof Decimal || v instanceof EnumBox || v instanceof GuidBox) return v.GetHashCode();
  const s = toStr(v);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * unboxJson through anonymous objects, arrays, Sets and Maps: a copy with Decimal/NumBox values made
 * plain (the lowering calls it only when the static type can hold such values); the same object when
 * there is none.
 */
export function unboxJsonDeep(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== "object" || depth > 64) return v;
  if (v instanceof NumBox) return v.v;
  if (v instanceof CharBox) return v.valueOf();
  if (v instanceof Decimal) return decToNum(v);
  if (v instanceof EnumBox) return v.v;
  if (v instanceof GuidBox) return v.g;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x = unboxJsonDeep(v[i], depth + 1);
      if (x !== v[i]) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  }
  if (v instanceof Map) {
    let changed = false;
    const entries: [unknown, unknown][] = [];
    for (const [k, x] of v instanceof Map && typeof (v as { Item?: unknown }).Item === "function" ? [...(v as Iterable<{ Key: unknown; Value: unknown }>)].map((e) => [e.Key, e.Value] as [unknown, unknown]) : v) {
      const y = unboxJsonDeep(x, depth + 1);
      if (y !== x) changed = true;
      entries.push([k, y]);
    }
    return changed ? new Map(entries) : v;
  }
  if (v instanceof Set) {
    const xs = [...v];
    const ys = unboxJsonDeep(xs, depth + 1);
    return ys === xs ? v : new Set(ys as unknown[]);
  }
  if (!isPlainObject(v)) return v;
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    const y = unboxJsonDeep(x, depth + 1);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return out ?? v;
}

// ---- exceptions ---------------------------------------------------------------------------------------
const EXCEPTION_PARENTS: Record<string, string> = {
  "System.ArgumentNullException": "System.ArgumentException",
  "System.ArgumentOutOfRangeException": "System.ArgumentException",
  "System.Globalization.CultureNotFoundException": "System.ArgumentException",
  "System.ArgumentException": "System.SystemException",
  "System.FormatException": "System.SystemException",
  "System.UriFormatException": "System.FormatException",
  "System.ObjectDisposedException": "System.InvalidOperationException",
  "System.Security.Cryptography.CryptographicException": "System.SystemException",
  "System.Xml.XmlException": "System.SystemException",
  "System.InsufficientExecutionStackException": "System.SystemException",
  "System.TimeZoneNotFoundException": "System.Exception",
  "System.InvalidOperationException": "System.SystemException",
  "System.NullReferenceException": "System.SystemException",
  "System.InvalidCastException": "System.SystemException",
  "System.NotSupportedException": "System.SystemException",
  "System.NotImplementedException": "System.SystemException",
  "System.OverflowException": "System.ArithmeticException",
  "System.DivideByZeroException": "System.ArithmeticException",
  "System.ArithmeticException": "System.SystemException",
  "System.IndexOutOfRangeException": "System.SystemException",
  "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
  "Newtonsoft.Json.JsonReaderException": "Newtonsoft.Json.JsonException",
  "System.Text.RegularExpressions.RegexMatchTimeoutException": "System.TimeoutException",
  "System.TimeoutException": "System.SystemException",
  "Newtonsoft.Json.JsonException": "System.Exception",
  "System.SystemException": "System.Exception",
};
export function isException(e: unknown, full: string): boolean {
  if (!(e instanceof DotNetException)) return false;
  if (full === "System.Exception") return true;
  for (let t: string | undefined = e.type; t; t = EXCEPTION_PARENTS[t]) if (t === full) return true;
  return false;
}
export function newException(type: string, message: string | null, inner?: unknown): DotNetException {
  return new DotNetException(type, message ?? `Exception of type '${type}' was thrown.`, inner ?? null);
}
/** `throw x;` — null throws NullReferenceException, as in .NET. */
export function throwable(e: unknown): unknown {
  return e === null || e === undefined ? nullReference() : e;
}
/** `throw` expressions (`x ?? throw new ...`). */
export function throwValue(e: unknown): never {
  throw throwable(e);
}

// ---- Math ----------------------------------------------------------------------------------------------
/** Math.Round(x, digits, mode): mode 0 = ToEven (banker's, the .NET default), 1 = AwayFromZero. */
/**
 * Math.Round(double[, digits][, mode]) as the .NET Framework reference source computes it, on the
 * binary value: below 1e16 the value is scaled by 10^digits, rounded (half to even by the runtime's
 * Round, or half away from zero on the scaled value's exact fraction) and scaled back.
 */
export function mathRound(x: number, digits: number, mode: number): number {
  if (digits < 0 || digits > 15) throw argumentOutOfRange("digits", "Rounding digits must be between 0 and 15, inclusive.");
  if (mode !== 0 && mode !== 1) throw argumentError(`The value '${mode}' is not valid for this usage of the type MidpointRounding.\nParameter name: mode`);
  if (!(Math.abs(x) < 1e16)) return x;
  const p = 10 ** digits;
  let v = x * p;
  if (mode === 1) {
    const int = Math.trunc(v);
    const fraction = v - int;
    v = Math.abs(fraction) >= 0.5 ? int + Math.sign(fraction) : int;
  } else v = roundHalfEvenFCall(v);
  return v / p;
}
/** COMDouble::Round (Math.Round(double)): x + 0.5 floored, the odd one of a tie made even, x's sign kept. */
function roundHalfEvenFCall(x: number): number {
  if (Math.abs(x) < 9.2e18 && x === Math.trunc(x)) return x;
  const t = x + 0.5;
  let f = Math.floor(t);
  if (f === t && t % 2 !== 0) f -= 1;
  return Math.sign(x) < 0 || Object.is(x, -0) ? -Math.abs(f) : Math.abs(f);
}
export function mathSign(x: number): number {
  if (Number.isNaN(x)) throw new DotNetException("System.ArithmeticException", "Function does not accept floating point Not-a-Number values.");
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

export class Random {
  readonly $typeName = "System.Random";
  Next(min = 0, max = 2147483647): number {
    if (min > max) throw argumentOutOfRange("minValue", "'minValue' cannot be greater than maxValue.");
    return min + Math.floor(Math.random() * (max - min));
  }
  NextDouble(): number {
    return Math.random();
  }
  NextBytes(b: Uint8Array): void {
    globalThis.crypto.getRandomValues(b);
  }
}
export function newRandom(): Random {
  return new Random();
}

// ---- arrays and argument checks ----------------------------------------------------------------------
export function newArray(n: number, def: unknown, bytes: boolean): unknown[] | Uint8Array {
  if (n < 0) throw overflow();
  if (bytes) return new Uint8Array(n);
  return new Array(n).fill(def);
}
export function arrItem<T>(a: ArrayLike<T>, i: number): T {
  if (a === null || a === undefined) throw nullReference();
  if (i < 0 || i >= a.length || !Number.isInteger(i)) throw indexOutOfRange();
  return a[i]!;
}
export function arrSet<T>(a: T[] | Uint8Array, i: number, v: T): T {
  if (a === null || a === undefined) throw nullReference();
  if (i < 0 || i >= a.length) throw indexOutOfRange();
  (a as T[])[i] = v;
  return v;
}
/** A member call's receiver that the member's lowering would not dereference itself: null is a NullReferenceException. */
export function recvNotNull<T>(v: T | null | undefined): T {
  if (v === null || v === undefined) throw nullReference();
  return v;
}
export function notNull<T>(v: T | null | undefined, name: string): T {
  if (v === null || v === undefined) throw argumentNull(name);
  return v;
}
export function nonNeg(v: number, name: string): number {
  if (v < 0) throw argumentOutOfRange(name, "Non-negative number required.");
  return v;
}

/** The end of a `using` block: Dispose() when the value has one. */
export function dispose(v: unknown): void {
  const d = (v as { Dispose?: () => void } | null)?.Dispose;
  if (typeof d === "function") d.call(v);
}

// Convert's base64 and hex: ToBase64String (and the fused UTF-8/base64url forms), FromBase64String,
// the char-array variants, ToHexString/FromHexString; Convert.ToXxx(object) and the base conversions.
import { DotNetException, argumentError, argumentNull, argumentOutOfRange, formatError, invalidCast, overflow } from "../errors.js";
import { BIG_RANGES, CharBox, Decimal, decFromDouble, decFromFloat, decRound, decToIntegral, decToNum, NumBox, toDec } from "./decimal.js";
import { lnum } from "./long.js";
import { EnumBox } from "./enums.js";
import { displayName, INT_RANGES, mathRound, runtimeTypeName, typeLabel } from "./core.js";
import { parseBool, parseChar, parseNum } from "./number-parse.js";

export function toBase64(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64");
}
/**
 * A Buffer over a byte[]'s bytes, to encode them. Small arrays are copied (V8 keeps them on its
 * heap, and reading `.buffer` would move them off it: dearer than the copy); large ones are viewed.
 */
function bufferOf(b: Uint8Array): Buffer {
  // a byte[] built by LINQ (ToArray over bytes) is a plain array of numbers
  if (!(b instanceof Uint8Array)) return Buffer.from(b as ArrayLike<number>);
  return b.byteLength <= 64 ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
/** `Convert.ToBase64String(Encoding.UTF8.GetBytes(s))` in one step (Buffer's UTF-8 replaces lone surrogates with U+FFFD, as .NET does). */
export function utf8ToBase64(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64");
}
/** The same, then `.Replace("/", "_").Replace("+", "-").Replace("=", "")`: unpadded base64url. */
export function utf8ToBase64Url(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64url");
}
/** `Convert.ToBase64String(b)` with the three base64url replacements. */
export function toBase64Url(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64url");
}
export function fromBase64(s: string | null): Uint8Array {
  if (s === null || s === undefined) throw argumentNull("s");
  const t = s.replace(/[\s]/g, "");
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t))
    throw formatError("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
  return new Uint8Array(Buffer.from(t, "base64"));
}
export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex").toUpperCase();
}
export function fromHex(s: string): Uint8Array {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw formatError("The input is not a valid hex string.");
  return new Uint8Array(Buffer.from(s, "hex"));
}

/** Convert.FromBase64CharArray(chars, offset, length). */
export function fromBase64Chars(chars: number[] | null, offset: number, length: number): Uint8Array {
  if (chars === null || chars === undefined) throw argumentNull("inArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offset < 0) throw argumentOutOfRange("offset", "Value must be positive.");
  if (offset > chars.length - length) throw argumentOutOfRange("offset", "Offset and length must refer to a position in the string.");
  return fromBase64(String.fromCharCode(...chars.slice(offset, offset + length)));
}
/** Convert.ToBase64CharArray(bytes, offsetIn, length, chars, offsetOut): the number of chars written. */
export function toBase64Chars(b: Uint8Array | null, offsetIn: number, length: number, out: number[] | null, offsetOut: number): number {
  if (b === null || b === undefined) throw argumentNull("inArray");
  if (out === null || out === undefined) throw argumentNull("outArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offsetIn < 0) throw argumentOutOfRange("offsetIn", "Value must be positive.");
  if (offsetOut < 0) throw argumentOutOfRange("offsetOut", "Value must be positive.");
  if (offsetIn > b.length - length) throw argumentOutOfRange("offsetIn", "Offset and length must refer to a position in the string.");
  // an empty input array writes nothing, before the output range is checked (.NET Framework's Convert)
  if (b.length === 0) return 0;
  const s = toBase64(b.subarray(offsetIn, offsetIn + length));
  if (offsetOut > out.length - s.length) throw argumentOutOfRange("offsetOut", "Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
  for (let i = 0; i < s.length; i++) out[offsetOut + i] = s.charCodeAt(i);
  return s.length;
}

let dateParser: ((s: string) => unknown) | null = null;
/** DateTime.MinValue, what Convert.ToDateTime gives for null (datetime.ts registers both). */
let dateMin: unknown = null;
export function registerDateParser(f: (s: string) => unknown, min?: unknown): void {
  dateParser = f;
  dateMin = min ?? null;
}

// ---- Convert --------------------------------------------------------------------------------------------
/** IConvertible's short type names (InvalidCastException "Invalid cast from 'Char' to 'Double'."). */
const CONVERT_NAMES: Record<string, string> = {
  bool: "Boolean", char: "Char", sbyte: "SByte", byte: "Byte", short: "Int16", ushort: "UInt16", int: "Int32", uint: "UInt32",
  long: "Int64", ulong: "UInt64", float: "Single", double: "Double", decimal: "Decimal", DateTime: "DateTime",
};
const convertCast = (from: string, to: string): DotNetException =>
  new DotNetException("System.InvalidCastException", `Invalid cast from '${from}' to '${CONVERT_NAMES[to] ?? to}'.`);
/** The IConvertible type of a boxed number (an integral plain number is a boxed int, else a double). */
function boxedNumberType(v: unknown): string | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? "int" : "double";
  if (v instanceof NumBox) return v.t;
  if (typeof v === "bigint") return "long";
  if (v instanceof Decimal) return "decimal";
  return null;
}
/** Convert.ToXxx(object): IConvertible semantics (strings parsed, doubles rounded to even, bools 1/0). */
export function convertTo(v: unknown, type: string): unknown {
  // a boxed enum's IConvertible converts its underlying value (Convert.ToString prints its name)
  if (v instanceof EnumBox && type !== "string") v = v.v;
  if (v === null || v === undefined) {
    if (type === "DateTime") return dateMin;
    return type === "bool" ? false : type === "char" ? 0 : 0;
  }
  // Char converts to char and the integral types only; only the integral types convert to char
  if (v instanceof CharBox) {
    const code = v.charCodeAt(0);
    if (type === "char") return code;
    if (type in INT_RANGES) return checkRange(code, type);
    throw convertCast("Char", type);
  }
  if (type === "char" && typeof v !== "string") {
    const t = typeof v === "boolean" ? "bool" : boxedNumberType(v);
    if (t === null || t === "bool" || t === "double" || t === "float" || t === "decimal") throw t ? convertCast(CONVERT_NAMES[t]!, "char") : invalidCast(runtimeTypeName(v), "System.Char");
    return checkRange((v instanceof NumBox ? v.v : v) as number, "char");
  }
  if (type === "bool") {
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return v !== 0;
    if (v instanceof NumBox) return v.v !== 0;
    if (v instanceof Decimal) return v.m !== 0n;
    if (typeof v === "string") return parseBool(v);
    throw invalidCast(runtimeTypeName(v), "System.Boolean");
  }
  if (type === "DateTime") {
    if (typeof v === "string" && dateParser) return dateParser(v);
    // only a DateTime converts (a boxed long, a TimeSpan or a DateTimeOffset is InvalidCastException)
    if (typeof v === "object" && (v as { $typeName?: string }).$typeName === "System.DateTime") return v;
    const from = typeof v === "boolean" ? "bool" : boxedNumberType(v);
    throw from ? convertCast(CONVERT_NAMES[from]!, "DateTime") : invalidCast(runtimeTypeName(v), "System.DateTime");
  }
  if (type === "char") {
    if (typeof v === "string") return parseChar(v);
    if (typeof v === "number") return checkRange(v, "char");
    throw invalidCast(runtimeTypeName(v), "System.Char");
  }
  // a boxed double or float converts as the double does (Double.IConvertible.ToDecimal: 15 significant
  // digits, OverflowException beyond decimal's range), not as an integer of the same value
  const boxedFloat = v instanceof NumBox && (v.t === "double" || v.t === "float") ? v.t : null;
  if (v instanceof NumBox) v = v.v;
  if (boxedFloat && type === "decimal") return boxedFloat === "float" ? decFromFloat(v as number) : decFromDouble(v as number);
  if (typeof v === "bigint") {
    // a long beyond 2^53
    if (type === "decimal") return toDec(v as unknown as number);
    if (type === "double" || type === "float") return type === "float" ? Math.fround(Number(v)) : Number(v);
    const r = BIG_RANGES[type];
    if (r && (v < r[0] || v > r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
    return v;
  }
  if (type === "decimal") {
    if (typeof v === "boolean") return toDec(v ? 1 : 0);
    if (typeof v === "string") return parseNum(v, type);
    if (typeof v === "number") return toDec(v);
    if (v instanceof Decimal) return v;
  }
  if (v instanceof Decimal) {
    if (type in INT_RANGES) return decToIntegral(decRound(v, 0, 0), type);
    return type === "float" ? Math.fround(decToNum(v)) : decToNum(v);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return parseNum(v, type);
  if (typeof v === "number") {
    if (type === "long" || type === "ulong") {
      if (!Number.isFinite(v) || v >= 2 ** 64 || v < -(2 ** 63)) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
      return checkRange(lnum(Math.abs(v) >= 2 ** 52 ? v : mathRound(v, 0, 0)) as number, type);
    }
    if (type in INT_RANGES) return checkRange(mathRound(v, 0, 0), type);
    return type === "float" ? Math.fround(v) : v;
  }
  throw invalidCast(runtimeTypeName(v), displayName(type));
}
function checkRange(v: number, type: string): number {
  if (typeof v === "bigint") {
    const b = BIG_RANGES[type]!;
    if (v < b[0] || v > b[1]) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
    return v;
  }
  const r = INT_RANGES[type]!;
  if (!(v >= r[0] && v <= r[1])) throw overflow(`Value was either too large or too small for ${typeLabel(type)}.`);
  return v;
}
/**
 * Convert.ToXxx(string, fromBase): .NET's ParseNumbers.StringToInt/StringToLong with IsTight — no
 * white space or trailing text, "-" only in base 10 (ArgumentException otherwise), "0x" after the sign in
 * base 16, digits read as an unsigned 32/64-bit pattern outside base 10 (so "ffffffff" is -1 for int),
 * and an empty string is ArgumentOutOfRangeException (the index past the end).
 */
export function parseBase(s: string | null, base: number, type: string): number {
  if (base !== 2 && base !== 8 && base !== 10 && base !== 16) throw argumentError("Invalid Base.");
  if (s === null) return 0;
  const wide = type === "long" || type === "ulong";
  const unsigned = type === "byte" || type === "ushort" || type === "uint" || type === "ulong";
  if (s.length === 0) throw argumentOutOfRange("Index", "Index was out of range. Must be non-negative and less than the size of the collection.");
  let i = 0;
  let neg = false;
  if (s[0] === "-") {
    if (base !== 10) throw argumentError("String cannot contain a minus sign if the base is not 10.");
    if (unsigned) throw overflow("The string was being parsed as an unsigned number and could not have a negative sign.");
    neg = true;
    i++;
  } else if (s[0] === "+") i++;
  if (base === 16 && i + 1 < s.length && s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) i += 2;
  const start = i;
  const max = wide ? 0xffffffffffffffffn : 0xffffffffn;
  let r = 0n;
  for (; i < s.length; i++) {
    const d = Number.parseInt(s[i]!, 16);
    if (Number.isNaN(d) || d >= base) break;
    r = r * BigInt(base) + BigInt(d);
    // base 10 signed stops at the type's magnitude; other bases may use the sign bit
    if (base === 10 && !unsigned ? r > (wide ? 0x8000000000000000n : 0x80000000n) : r > max) throw overflow();
  }
  if (i === start) throw formatError("Could not find any recognizable digits.");
  if (i < s.length) throw formatError("Additional non-parsable characters are at the end of the string.");
  if (base === 10 && !unsigned && !neg && r === (wide ? 0x8000000000000000n : 0x80000000n)) throw overflow();
  // ToInt16/ToSByte parse with TreatAsI2/I1: more than 16/8 bits of digits overflow in any base
  if ((type === "short" && r > 0xffffn) || (type === "sbyte" && r > 0xffn)) throw overflow();
  // the 32/64-bit pattern as the signed value StringToInt/Long returns
  let v = base === 10 && neg ? -r : wide ? BigInt.asIntN(64, r) : BigInt.asIntN(32, r);
  // Convert.ToInt16/SByte accept a 16/8-bit pattern outside base 10 ((short)0xffff is -1)
  if (base !== 10 && (type === "short" || type === "sbyte")) {
    const bits = type === "short" ? 16 : 8;
    if (v >= 0n && v < 1n << BigInt(bits)) v = BigInt.asIntN(bits, v);
  }
  if (type === "ulong") v = BigInt.asUintN(64, v);
  if (type === "uint") v = BigInt.asUintN(32, v);
  const n = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : (v as unknown as number);
  return checkRange(n, type);
}
/** Convert.ToString(value, toBase): the two's-complement pattern of the value's own width (bits). */
export function intToBase(v: number, base: number, bits = 32): string {
  if (base !== 2 && base !== 8 && base !== 10 && base !== 16) throw argumentError("Invalid Base.");
  if (base === 10) return String(v);
  const b = typeof v === "bigint" ? (v as bigint) : BigInt(v);
  return BigInt.asUintN(bits, b).toString(base);
}

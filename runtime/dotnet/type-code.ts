// System.TypeCode (the result of GetTypeCode() and Convert.GetTypeCode), Convert.ChangeType over a
// TypeCode, and Convert.DBNull. A TypeCode is its enum value (a number), as every enum is.
import { argumentError, DotNetException, nullReference } from "../errors.js";
import { boxChar, boxDouble, boxNum, CharBox, Decimal, NumBox } from "./decimal.js";
import { convertTo } from "./convert.js";
import { EnumBox } from "./enums.js";
import { toStr } from "./text-format.js";

/** TypeCode's values by name (System.TypeCode; 17 is unused). */
export const TYPE_CODES: Readonly<Record<string, number>> = {
  Empty: 0, Object: 1, DBNull: 2, Boolean: 3, Char: 4, SByte: 5, Byte: 6, Int16: 7, UInt16: 8, Int32: 9, UInt32: 10,
  Int64: 11, UInt64: 12, Single: 13, Double: 14, Decimal: 15, DateTime: 16, String: 18,
};
const BY_BOX: Readonly<Record<string, number>> = { sbyte: 5, byte: 6, short: 7, ushort: 8, int: 9, uint: 10, long: 11, ulong: 12, float: 13, double: 14 };

/** System.DBNull.Value (Convert.DBNull): its text is empty, and it converts to nothing. */
export class DBNullValue {
  readonly $typeName = "System.DBNull";
  ToString(): string {
    return "";
  }
  toString(): string {
    return "";
  }
}
export const DBNULL = new DBNullValue();
export const isDBNull = (v: unknown): boolean => v === DBNULL;

/** `x.GetTypeCode()` of a value whose static type fixes the code: a null receiver (a string) is NullReferenceException. */
export function typeCodeOf(recv: unknown, code: number): number {
  if (recv === null || recv === undefined) throw nullReference();
  return code;
}

/** Convert.GetTypeCode(object): Empty for null, the IConvertible type's code, Object for anything else. */
export function convertTypeCode(v: unknown): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case "string":
      return 18;
    case "boolean":
      return 3;
    case "number":
      return Number.isInteger(v) && (v | 0) === v ? 9 : 14;
    case "bigint":
      return 11;
  }
  if (v instanceof NumBox) return BY_BOX[v.t] ?? 1;
  // a boxed enum's TypeCode is its underlying type's (Int32 for every surface enum)
  if (v instanceof EnumBox) return 9;
  if (v instanceof Decimal) return 15;
  if (v instanceof CharBox) return 4;
  if (v === DBNULL) return 2;
  if ((v as { $typeName?: string }).$typeName === "System.DateTime") return 16;
  return 1;
}

const castError = (message: string): DotNetException => new DotNetException("System.InvalidCastException", message);

const CONVERT_TO: Readonly<Record<number, string>> = { 3: "bool", 4: "char", 5: "sbyte", 6: "byte", 7: "short", 8: "ushort", 9: "int", 10: "uint", 11: "long", 12: "ulong", 13: "float", 14: "double", 15: "decimal", 16: "DateTime" };

/**
 * Convert.ChangeType(value, typeCode[, provider]) as the reference source's Convert.ChangeType: null
 * stays null for Empty, String and Object; a value that is not IConvertible is InvalidCastException;
 * the result is boxed as the code's type.
 */
export function changeType(v: unknown, code: number): unknown {
  if ((v === null || v === undefined) && (code === 0 || code === 18 || code === 1)) return null;
  if (convertTypeCode(v) === 1 || v === null || v === undefined) throw castError("Object must implement IConvertible.");
  if (code === 18) return toStr(v);
  if (code === 1) return v;
  if (code === 2) throw castError("Object cannot be cast to DBNull.");
  if (code === 0) throw castError("Object cannot be cast to Empty.");
  const to = CONVERT_TO[code];
  if (to === undefined) throw argumentError("Unknown TypeCode value.");
  if (v === DBNULL) throw castError("Object cannot be cast from DBNull to other types.");
  const r = convertTo(v, to);
  if (to === "char") return boxChar(r as number);
  if (to === "double") return boxDouble(r as number);
  if (to === "int" || to === "bool" || to === "decimal" || to === "DateTime") return r;
  return boxNum(r as number, to);
}

// System.TypeCode and what answers it: GetTypeCode() on the IConvertible primitives and string,
// Convert.GetTypeCode(object), Convert.ChangeType(object, TypeCode[, IFormatProvider]) and
// Convert.DBNull (runtime/dotnet/type-code.ts). TypeCode itself is not on APIM's allow-list: an
// expression uses the result as any enum value (ToString(), a cast to int, == with another
// GetTypeCode(), an argument of ChangeType), as it uses DateTime.DayOfWeek's DayOfWeek.
import { js, rt } from "../../codegen/code.js";
import { lookupType } from "../types.js";
import { extend, K, M, SM, SP, type } from "./dsl.js";

const CODES: [string, number][] = [
  ["Empty", 0], ["Object", 1], ["DBNull", 2], ["Boolean", 3], ["Char", 4], ["SByte", 5], ["Byte", 6], ["Int16", 7], ["UInt16", 8],
  ["Int32", 9], ["UInt32", 10], ["Int64", 11], ["UInt64", 12], ["Single", 13], ["Double", 14], ["Decimal", 15], ["DateTime", 16], ["String", 18],
];
type("System", "TypeCode", { valueType: true }, CODES.map(([n, v]) => K(`TypeCode ${n}`, v, () => js`${v}`)));

const PRIMITIVES: [string, string][] = [
  ["bool", "Boolean"], ["char", "Char"], ["sbyte", "SByte"], ["byte", "Byte"], ["short", "Int16"], ["ushort", "UInt16"], ["int", "Int32"],
  ["uint", "UInt32"], ["long", "Int64"], ["ulong", "UInt64"], ["float", "Single"], ["double", "Double"], ["decimal", "Decimal"],
];
const code = (clr: string): number => CODES.find(([n]) => n === clr)![1];
// a value type's code is its static type's; the receiver is still evaluated (its side effects)
for (const [t, clr] of PRIMITIVES) extend(lookupType(t, 0)!, [M("TypeCode GetTypeCode()", (r) => js`(void ${r}, ${code(clr)})`)]);
// a null string is NullReferenceException
extend(lookupType("string", 0)!, [M("TypeCode GetTypeCode()", (r) => js`${rt("typeCodeOf")}(${r}, 18)`)]);

extend(lookupType("Convert", 0)!, [
  SM("TypeCode GetTypeCode(object value)", (_r, a) => js`${rt("convertTypeCode")}(${a[0]})`),
  SM("object ChangeType(object value, TypeCode typeCode)", (_r, a) => js`${rt("changeType")}(${a[0]}, ${a[1]})`),
  SM("object ChangeType(object value, TypeCode typeCode, IFormatProvider provider)", (_r, a) => js`${rt("changeType")}(${a[0]}, ${a[1]}, ${a[2]})`),
  SP("object DBNull", () => js`${rt("DBNULL")}`),
]);

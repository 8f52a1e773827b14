// BitConverter's readers (little-endian, as on every platform APIM runs), with .NET's argument checks:
// null → ArgumentNullException "value", a start index outside the array → ArgumentOutOfRangeException,
// too few bytes after it → ArgumentException.
import { argumentError, argumentNull, argumentOutOfRange } from "../errors.js";
import type { Long } from "./long.js";

function view(b: Uint8Array | null, i: number, n: number): DataView {
  if (b === null || b === undefined) throw argumentNull("value");
  if (i < 0 || i >= b.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (i > b.length - n) throw argumentError("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
  return new DataView(b.buffer, b.byteOffset + i, n);
}
const canon = (x: bigint): Long => (x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x);

export const bitToInt16 = (b: Uint8Array | null, i: number): number => view(b, i, 2).getInt16(0, true);
export const bitToUInt16 = (b: Uint8Array | null, i: number): number => view(b, i, 2).getUint16(0, true);
export const bitToChar = (b: Uint8Array | null, i: number): number => view(b, i, 2).getUint16(0, true);
export const bitToUInt32 = (b: Uint8Array | null, i: number): number => view(b, i, 4).getUint32(0, true);
export const bitToInt64 = (b: Uint8Array | null, i: number): Long => canon(view(b, i, 8).getBigInt64(0, true));
export const bitToUInt64 = (b: Uint8Array | null, i: number): Long => canon(view(b, i, 8).getBigUint64(0, true));
export const bitToDouble = (b: Uint8Array | null, i: number): number => view(b, i, 8).getFloat64(0, true);
export const bitToSingle = (b: Uint8Array | null, i: number): number => view(b, i, 4).getFloat32(0, true);
export const bitToBoolean = (b: Uint8Array | null, i: number): boolean => view(b, i, 1).getUint8(0) !== 0;
/** JS has one NaN; .NET's double.NaN (0.0 / 0.0 on x86/x64) has the sign bit set: 0xFFF8000000000000. */
export function bitDoubleToInt64(d: number): Long {
  if (Number.isNaN(d)) return -2251799813685248;
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, d, true);
  return canon(v.getBigInt64(0, true));
}
export function bitInt64ToDouble(x: Long): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setBigInt64(0, BigInt.asIntN(64, typeof x === "bigint" ? x : BigInt(x)), true);
  return v.getFloat64(0, true);
}

export function bitConverterToString(b: Uint8Array): string {
  if (b === null || b === undefined) throw argumentNull("value");
  return Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, "0")).join("-");
}
export function bitConverterGetBytes(v: number, n: number): Uint8Array {
  const b = Buffer.alloc(n);
  if (n === 4) b.writeInt32LE(v | 0);
  else b.writeBigInt64LE(BigInt(Math.trunc(v)));
  return new Uint8Array(b);
}
export function bitConverterToInt32(b: Uint8Array, i: number): number {
  if (b === null || b === undefined) throw argumentNull("value");
  if (i < 0 || i >= b.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (i > b.length - 4) throw argumentError("Destination array is not long enough to copy all the items in the collection. Check array index and length.\r\nParameter name: value");
  return Buffer.from(b).readInt32LE(i);
}

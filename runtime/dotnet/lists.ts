// List<T> members beyond the basic ones (a List<T> is a JS array), with .NET's argument checks.
import { argumentError, argumentNull, argumentOutOfRange } from "../errors.js";
import { objEquals } from "./core.js";
import { bumpVersion, seq } from "./linq.js";
import { capOnAddRange, capPin, isCollection, withCapacity } from "./list-capacity.js";

const eq = (a: unknown, b: unknown) => a === b || objEquals(a, b);
function range(a: unknown[], index: number, count: number): void {
  if (index < 0) throw argumentOutOfRange("index", "Non-negative number required.");
  if (count < 0) throw argumentOutOfRange("count", "Non-negative number required.");
  if (a.length - index < count) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
}
const pred = <T>(match: ((x: T) => boolean) | null): ((x: T) => boolean) => {
  if (!match) throw argumentNull("match");
  return match;
};

export function listGetRange<T>(a: T[], index: number, count: number): T[] {
  range(a, index, count);
  return withCapacity(a.slice(index, index + count), count);
}
export function listRemoveRange<T>(a: T[], index: number, count: number): void {
  range(a, index, count);
  if (count === 0) return;
  capPin(a);
  a.splice(index, count);
  bumpVersion(a);
}
export function listInsertRange<T>(a: T[], index: number, collection: Iterable<T> | null): void {
  if (collection === null || collection === undefined) throw argumentNull("collection");
  if (index < 0 || index > a.length) throw argumentOutOfRange("index", "Index must be within the bounds of the List.");
  const items = Array.from(seq<T>(collection));
  capOnAddRange(a, items.length, isCollection(collection));
  a.splice(index, 0, ...items);
  bumpVersion(a);
}
/** FindIndex(match) / (startIndex, match) / (startIndex, count, match). */
export function listFindIndex<T>(a: T[], start: number, count: number | undefined, match: ((x: T) => boolean) | null): number {
  if (start < 0 || start > a.length) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  const n = count ?? a.length - start;
  if (n < 0 || start > a.length - n) throw argumentOutOfRange("count", "Count must be positive and count must refer to a location within the string/array/collection.");
  const f = pred(match);
  for (let i = start; i < start + n; i++) if (f(a[i]!)) return i;
  return -1;
}
/** FindLastIndex(match) / (startIndex, match) / (startIndex, count, match): searches backward from startIndex. */
export function listFindLastIndex<T>(a: T[], start: number | undefined, count: number | undefined, match: ((x: T) => boolean) | null): number {
  const f = pred(match);
  if (a.length === 0) {
    if (start !== undefined && start !== -1) throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  } else if (start !== undefined && (start < 0 || start >= a.length)) {
    throw argumentOutOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
  }
  const s = start ?? a.length - 1;
  const n = count ?? s + 1;
  if (n < 0 || s - n + 1 < 0) throw argumentOutOfRange("count", "Count must be positive and count must refer to a location within the string/array/collection.");
  for (let i = s; i > s - n; i--) if (f(a[i]!)) return i;
  return -1;
}
export function listFindLast<T>(a: T[], match: ((x: T) => boolean) | null, def: T): T {
  const f = pred(match);
  for (let i = a.length - 1; i >= 0; i--) if (f(a[i]!)) return a[i]!;
  return def;
}
export function listLastIndexOf<T>(a: T[], item: T): number {
  for (let i = a.length - 1; i >= 0; i--) if (eq(a[i], item)) return i;
  return -1;
}
export function listTrueForAll<T>(a: T[], match: ((x: T) => boolean) | null): boolean {
  const f = pred(match);
  for (const x of a) if (!f(x)) return false;
  return true;
}
export function listConvertAll<T, U>(a: T[], converter: ((x: T) => U) | null): U[] {
  if (!converter) throw argumentNull("converter");
  // Array.from: a byte[] (Uint8Array) would keep its element type under .map
  return withCapacity(Array.from(a, (x) => converter(x)), a.length);
}
/** CopyTo(array) / (array, arrayIndex). */
export function listCopyTo<T>(a: T[], array: T[] | null, arrayIndex: number): void {
  if (array === null || array === undefined) throw argumentNull("dest");
  if (arrayIndex < 0) throw argumentOutOfRange("dstIndex", "Number was less than the array's lower bound in the first dimension.");
  if (arrayIndex + a.length > array.length) throw argumentError("Destination array was not long enough. Check destIndex and length, and the array's lower bounds.");
  for (let i = 0; i < a.length; i++) array[arrayIndex + i] = a[i]!;
}

/** ICollection<T>.CopyTo / Queue / Stack / HashSet CopyTo(array[, index[, count]]): the items in enumeration order. */
export function collCopyTo<T>(c: Iterable<T>, array: T[] | null, index = 0, count?: number): void {
  if (array === null || array === undefined) throw argumentNull("array");
  const items = Array.from(c as Iterable<T>);
  const n = count ?? items.length;
  if (index < 0) throw argumentOutOfRange("arrayIndex", "Non-negative number required.");
  if (n < 0) throw argumentOutOfRange("count", "Non-negative number required.");
  if (index > array.length || array.length - index < Math.min(n, items.length)) throw argumentError("Destination array was not long enough. Check destIndex and length, and the array's lower bounds.");
  for (let i = 0; i < Math.min(n, items.length); i++) array[index + i] = items[i]!;
}
/** HashSet<T>.TryGetValue: the set's own element equal to the value. */
export function setTryGetValue<T>(s: Set<T>, v: T): T | undefined {
  return s.has(v) ? v : undefined;
}

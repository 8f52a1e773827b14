// System.Array members (T[] is a JS array, byte[] a Uint8Array), with .NET's argument checks.
import { argumentError, argumentNull, argumentOutOfRange, indexOutOfRange } from "../errors.js";
import { cmp } from "./core.js";
import { strCompare } from "./string.js";

type Arr<T> = T[] | Uint8Array;
export function arrNotNull<T>(a: Arr<T> | null, name = "array"): T[] {
  if (a === null || a === undefined) throw argumentNull(name);
  return a as T[];
}
/** GetLength / GetUpperBound / GetLowerBound take dimension 0 only (arrays here have rank 1). */
function dim(d: number): void {
  if (d !== 0) throw indexOutOfRange();
}
export function arrGetLength(a: Arr<unknown>, d: number): number {
  const n = a.length;
  dim(d);
  return n;
}
export function arrGetLowerBound(a: Arr<unknown>, d: number): number {
  void a.length;
  dim(d);
  return 0;
}
export function arrGetUpperBound(a: Arr<unknown>, d: number): number {
  const n = a.length;
  dim(d);
  return n - 1;
}
export function arrFindAll<T>(a: Arr<T> | null, match: ((x: T) => boolean) | null): T[] {
  const arr = arrNotNull(a);
  if (!match) throw argumentNull("match");
  return Array.from(arr).filter((x) => match(x));
}
export function arrForEach<T>(a: Arr<T> | null, action: ((x: T) => void) | null): void {
  const arr = arrNotNull(a);
  if (!action) throw argumentNull("action");
  for (let i = 0; i < arr.length; i++) action(arr[i]!);
}
/** Array.Resize(ref array, newSize): a copy of the new length, filled with default(T); null becomes a new array. */
export function arrResize<T>(a: Arr<T> | null, n: number, def: T): Arr<T> {
  if (n < 0) throw argumentOutOfRange("newSize", "Non-negative number required.");
  if (a instanceof Uint8Array) {
    const b = new Uint8Array(n);
    b.set(a.subarray(0, n));
    return b;
  }
  const out: T[] = new Array(n).fill(def);
  if (a) for (let i = 0; i < Math.min(n, a.length); i++) out[i] = a[i]!;
  return out;
}
/** Array.BinarySearch over a sorted range with the default comparer: the index, or the complement of the insertion point. */
export function arrBinarySearch<T>(a: Arr<T> | null, index: number, length: number | undefined, value: T): number {
  const arr = arrNotNull(a);
  const n = length ?? arr.length - index;
  if (index < 0) throw argumentOutOfRange("index", "Non-negative number required.");
  if (n < 0) throw argumentOutOfRange("length", "Non-negative number required.");
  if (arr.length - index < n) throw argumentError("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
  const compare = (x: unknown, y: unknown) => (typeof x === "string" && typeof y === "string" ? strCompare(x, y, 0) : cmp(x, y));
  let lo = index;
  let hi = index + n - 1;
  while (lo <= hi) {
    const mid = lo + ((hi - lo) >> 1);
    const c = compare(arr[mid], value);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return ~lo;
}

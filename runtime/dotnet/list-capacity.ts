// List<T>.Capacity as .NET Framework's List<T> grows it: 0, then 4, doubling (EnsureCapacity), exact
// for `new List<T>(n)`, for a copy of an ICollection<T> (new List<T>(array), ToList() of a List or a
// HashSet) and for AddRange/InsertRange of one (max(doubled, needed)); TrimExcess below 90%.
// A list whose history is single adds from empty needs no bookkeeping: its capacity follows from its
// count (`derived`). Helpers that do something else pin or set `$cap` (an own property, like `$v`).
import { argumentOutOfRange } from "../errors.js";

type Capped = { length: number; $cap?: number };

/** The capacity of a list grown by single adds from empty to `n` items. */
const derived = (n: number): number => (n === 0 ? 0 : n <= 4 ? 4 : 2 ** Math.ceil(Math.log2(n)));

export function capacityOf(a: unknown[]): number {
  const c = (a as Capped).$cap;
  return c === undefined ? derived(a.length) : c;
}
/** Before a single Add/Insert: grows a pinned capacity that is full (an unpinned one follows the count). */
export function capOnAdd(a: unknown[]): void {
  const c = (a as Capped).$cap;
  if (c !== undefined && a.length >= c) (a as Capped).$cap = c === 0 ? 4 : c * 2;
}
/** Before a removal: keeps the capacity the count gave it. */
export function capPin(a: unknown[]): void {
  if ((a as Capped).$cap === undefined) (a as Capped).$cap = derived(a.length);
}
/** Whether List<T>'s constructor and InsertRange see `c` as an ICollection<T> (they copy it in one step). */
export const isCollection = (c: unknown): boolean => Array.isArray(c) || c instanceof Set || c instanceof Map || c instanceof Uint8Array;
/** Before AddRange/InsertRange of `n` items: one EnsureCapacity for a collection, one per item otherwise. */
export function capOnAddRange(a: unknown[], n: number, collection: boolean): void {
  if (n === 0) return;
  let c = capacityOf(a);
  const min = a.length + n;
  if (collection) {
    if (min > c) c = Math.max(c === 0 ? 4 : c * 2, min);
  } else while (c < min) c = c === 0 ? 4 : c * 2;
  (a as Capped).$cap = c;
}
/** A new list of capacity `n` (new List<T>(n), GetRange, ConvertAll). */
export function withCapacity<T>(a: T[], n: number): T[] {
  if (n !== derived(a.length)) (a as Capped).$cap = n;
  return a;
}
/** List.Capacity = value. */
export function listSetCapacity(a: unknown[], value: number): void {
  void a.length;
  if (value < a.length) throw argumentOutOfRange("value", "capacity was less than the current size.");
  (a as Capped).$cap = value;
}
/** List.TrimExcess: to the count when under 90% full. */
export function listTrimExcess(a: unknown[]): void {
  const c = capacityOf(a);
  if (a.length < Math.trunc(c * 0.9)) (a as Capped).$cap = a.length;
  else (a as Capped).$cap = c;
}

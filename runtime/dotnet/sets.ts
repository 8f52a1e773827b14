// HashSet<T> set operations (a HashSet is a JS Set: SameValueZero equality, as its Add/Contains).
// Each checks `other` for null first (ArgumentNullException "other"), as .NET does.
import { argumentNull, argumentOutOfRange, nullReference } from "../errors.js";
import { collectionModified, isKvp, objEquals } from "./core.js";
import { boxedKey } from "./decimal.js";
import { seq } from "./linq.js";
import { ComparerTable, eqComparer } from "./equality.js";

/**
 * HashSet<T>: a JS Set (SameValueZero equality, as its Add/Contains) that enumerates as .NET
 * Framework's does: items live in slots, a removed item's slot goes on a free list and the next new
 * item takes the most recently freed one (the list resets when the set becomes empty), so Remove +
 * Add can reorder items. Every change bumps a version; an enumeration that sees it changed throws
 * InvalidOperationException, as HashSet<T>.Enumerator does.
 */
export class HashSet<T> extends Set<T> {
  readonly $typeName = "System.Collections.Generic.HashSet`1";
  private slots: { v: T; live: boolean }[] = [];
  private free: number[] = [];
  private where = new Map<T, number>();
  private ver = 0;
  /**
   * Value-type items that are JS objects (boxes, decimals, dates, ...) are equal by Equals, as .NET's
   * EqualityComparer<T>.Default: the stored item stands for all items equal to it. Boxes and decimals
   * are found by their boxedKey, other objects with an Equals by a walk over them.
   */
  private boxes: Map<string, T> | null = null;
  private valueObjs: T[] | null = null;
  /** The comparer the set was made with (HashSet.Comparer), null for the default. */
  readonly comparer: unknown;
  /** With a comparer: the stored item of each equality class (equality.ts). */
  private readonly byComparer: ComparerTable<T> | null;
  constructor(src?: Iterable<T> | null, comparer: unknown = null) {
    super();
    this.comparer = comparer ?? null;
    const c = eqComparer(comparer);
    this.byComparer = c ? new ComparerTable<T>(c) : null;
    if (src !== undefined && src !== null) for (const x of seq<T>(src)) this.add(x);
  }
  /** The stored item equal to v, or v. */
  private canon(v: T): T {
    if (this.byComparer) return (this.byComparer.entry(v)?.[1] as T | undefined) ?? v;
    if (v === null || typeof v !== "object") return v;
    const id = boxedKey(v as object);
    if (id !== null) return this.boxes?.get(id) ?? v;
    if ((typeof (v as { Equals?: unknown }).Equals !== "function" && !isKvp(v)) || !this.valueObjs) return v;
    for (const x of this.valueObjs) if (objEquals(v, x)) return x;
    return v;
  }
  override has(v: T): boolean {
    return super.has(this.canon(v));
  }
  override add(v0: T): this {
    const v = this.canon(v0);
    if (super.has(v)) return this;
    if (this.byComparer) this.byComparer.set(v, v);
    else if (v !== null && typeof v === "object") {
      const id = boxedKey(v as object);
      if (id !== null) (this.boxes ??= new Map()).set(id, v);
      else if (typeof (v as { Equals?: unknown }).Equals === "function" || isKvp(v)) (this.valueObjs ??= []).push(v);
    }
    super.add(v);
    const i = this.free.length ? this.free.pop()! : this.slots.length;
    this.slots[i] = { v, live: true };
    this.where.set(v, i);
    this.ver++;
    return this;
  }
  override delete(v0: T): boolean {
    const v = this.canon(v0);
    if (!super.delete(v)) return false;
    if (this.byComparer) this.byComparer.delete(v);
    else if (v !== null && typeof v === "object") {
      const id = boxedKey(v as object);
      if (id !== null) this.boxes!.delete(id);
      else if (this.valueObjs) this.valueObjs = this.valueObjs.filter((x) => x !== v);
    }
    const i = this.where.get(v)!;
    this.where.delete(v);
    this.slots[i]!.live = false;
    this.ver++;
    if (super.size === 0) {
      this.slots = [];
      this.free = [];
    } else this.free.push(i);
    return true;
  }
  override clear(): void {
    super.clear();
    this.byComparer?.clear();
    this.boxes = null;
    this.valueObjs = null;
    this.where.clear();
    this.slots = [];
    this.free = [];
    this.ver++;
  }
  override [Symbol.iterator](): SetIterator<T> {
    const ver = this.ver;
    let i = 0;
    const next = (): IteratorResult<T> => {
      if (this.ver !== ver) throw collectionModified();
      while (i < this.slots.length) {
        const e = this.slots[i++]!;
        if (e.live) return { value: e.v, done: false };
      }
      return { value: undefined, done: true };
    };
    return { next, [Symbol.iterator]() { return this; } } as unknown as SetIterator<T>;
  }
  override values(): SetIterator<T> {
    return this[Symbol.iterator]();
  }
  override keys(): SetIterator<T> {
    return this[Symbol.iterator]();
  }
  override forEach(f: (v: T, k: T, s: Set<T>) => void, self?: unknown): void {
    for (const x of this) f.call(self, x, x, this);
  }
}

/** HashSet(int capacity[, comparer]): a negative capacity is ArgumentOutOfRangeException; the set starts empty (undefined). */
export function capacityArg(capacity: number): undefined {
  if (capacity < 0) throw argumentOutOfRange("capacity");
  return undefined;
}

type Seq<T> = Iterable<T> | null;
/** The set a member is called on: a null set is a NullReferenceException before any argument check. */
const self = <T>(s: Set<T> | null): Set<T> => {
  if (s === null || s === undefined) throw nullReference();
  return s;
};
const comparerOf = (s: Set<unknown>): unknown => (s as { comparer?: unknown }).comparer ?? null;
/** HashSet.AreEqualityComparersEqual: `other` is a HashSet comparing as `s` does. */
const sameEC = (s: Set<unknown>, other: unknown): other is HashSet<unknown> => other instanceof HashSet && comparerOf(other) === comparerOf(s);
const items = <T>(other: Seq<T>, s: Set<T>): Set<T> => {
  if (other === null || other === undefined) throw argumentNull("other");
  // the set itself: a copy, so that changing the set does not disturb walking `other`
  return other === s ? new HashSet(other, comparerOf(s)) : sameEC(s, other) ? (other as Set<T>) : new HashSet(seq<T>(other), comparerOf(s));
};

export function setUnionWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other, s)) s.add(x);
}
export function setIntersectWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  const o = items(other, s);
  for (const x of [...s]) if (!o.has(x)) s.delete(x);
}
export function setExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other, s)) s.delete(x);
}
/**
 * .NET Framework's two ways: against another HashSet (same comparer) each item is removed or else
 * added in turn; against any other sequence the new items are added first and the common ones removed
 * after (SymmetricExceptWithEnumerable), so a freed slot is not reused by an item added in the same call.
 */
export function setSymmetricExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  if (other === s) {
    s.clear();
    return;
  }
  if (sameEC(s, other)) {
    for (const x of other as Set<T>) if (!s.delete(x)) s.add(x);
    return;
  }
  const added = new HashSet<T>(null, comparerOf(s));
  const common = new HashSet<T>(null, comparerOf(s));
  for (const x of seq<T>(other)) {
    if (added.has(x) || common.has(x)) continue;
    if (s.has(x)) common.add(x);
    else {
      s.add(x);
      added.add(x);
    }
  }
  for (const x of common) s.delete(x);
}
// The comparisons follow .NET Framework's HashSet<T> (reference source System.Core HashSet.cs): the
// count shortcuts for an ICollection<T> `other` (a list, an array or a HashSet) and, for any other
// sequence, CheckUniqueAndUnfoundElements, which reads only the first element when this set is empty
// and stops at the first element not in the set where an unfound element decides the answer. A
// deferred `other` (a LINQ query, Json.NET's Values<T>()) therefore runs only as far as .NET's does.
const collectionCount = (o: unknown): number | null => (Array.isArray(o) ? o.length : o instanceof Set ? o.size : null);
function checkUniqueAndUnfound<T>(s: Set<T>, other: Seq<T>, returnIfUnfound: boolean): { unique: number; unfound: number } {
  if (s.size === 0) {
    for (const _ of seq<T>(other)) return { unique: 0, unfound: 1 };
    return { unique: 0, unfound: 0 };
  }
  // (a HashSet: items equal by .NET's equality count once)
  const found = new HashSet<T>(null, comparerOf(s));
  let unfound = 0;
  for (const x of seq<T>(other)) {
    if (s.has(x)) found.add(x);
    else {
      unfound++;
      if (returnIfUnfound) break;
    }
  }
  return { unique: found.size, unfound };
}
const containsAll = <T>(s: Set<T>, other: Seq<T>): boolean => {
  for (const x of seq<T>(other)) if (!s.has(x)) return false;
  return true;
};
export function setIsSubsetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  if (s.size === 0) return true;
  if (sameEC(s, other)) {
    if (s.size > other.size) return false;
    for (const x of s) if (!other.has(x)) return false;
    return true;
  }
  const r = checkUniqueAndUnfound(s, other, false);
  return r.unique === s.size && r.unfound >= 0;
}
export function setIsSupersetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  const n = collectionCount(other);
  if (n === 0) return true;
  if (sameEC(s, other) && other.size > s.size) return false;
  return containsAll(s, other === s ? new HashSet(other) : other);
}
export function setIsProperSubsetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  const n = collectionCount(other);
  if (n !== null) {
    if (s.size === 0) return n > 0;
    if (sameEC(s, other)) {
      if (s.size >= other.size) return false;
      for (const x of s) if (!other.has(x)) return false;
      return true;
    }
  }
  const r = checkUniqueAndUnfound(s, other, false);
  return r.unique === s.size && r.unfound > 0;
}
export function setIsProperSupersetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  if (s.size === 0) return false;
  const n = collectionCount(other);
  if (n !== null) {
    if (n === 0) return true;
    if (sameEC(s, other)) {
      if (other.size >= s.size) return false;
      return containsAll(s, other);
    }
  }
  const r = checkUniqueAndUnfound(s, other, true);
  return r.unique < s.size && r.unfound === 0;
}
export function setOverlaps<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  if (s.size === 0) return false;
  for (const x of seq<T>(other)) if (s.has(x)) return true;
  return false;
}
export function setSetEquals<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  if (other === null || other === undefined) throw argumentNull("other");
  if (sameEC(s, other)) {
    if (s.size !== other.size) return false;
    return containsAll(s, other === s ? new HashSet(other) : other);
  }
  const n = collectionCount(other);
  if (n !== null && s.size === 0 && n > 0) return false;
  const r = checkUniqueAndUnfound(s, other, true);
  return r.unique === s.size && r.unfound === 0;
}
/** RemoveWhere(match): the number removed; ArgumentNullException "match" for a null predicate. */
export function setRemoveWhere<T>(s: Set<T> | null, match: ((x: T) => boolean) | null): number {
  s = self(s);
  if (!match) throw argumentNull("match");
  let n = 0;
  for (const x of [...s]) if (match(x) && s.delete(x)) n++;
  return n;
}

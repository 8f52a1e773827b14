// HashSet<T> set operations (a HashSet is a JS Set: SameValueZero equality, as its Add/Contains).
// Each checks `other` for null first (ArgumentNullException "other"), as .NET does.
import { argumentNull, nullReference } from "../errors.js";
import { collectionModified } from "./core.js";
import { seq } from "./linq.js";

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
  constructor(src?: Iterable<T> | null) {
    super();
    if (src !== undefined && src !== null) for (const x of seq<T>(src)) this.add(x);
  }
  override add(v: T): this {
    if (super.has(v)) return this;
    super.add(v);
    const i = this.free.length ? this.free.pop()! : this.slots.length;
    this.slots[i] = { v, live: true };
    this.where.set(v, i);
    this.ver++;
    return this;
  }
  override delete(v: T): boolean {
    if (!super.delete(v)) return false;
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

type Seq<T> = Iterable<T> | null;
/** The set a member is called on: a null set is a NullReferenceException before any argument check. */
const self = <T>(s: Set<T> | null): Set<T> => {
  if (s === null || s === undefined) throw nullReference();
  return s;
};
const items = <T>(other: Seq<T>, s?: Set<T>): Set<T> => {
  if (other === null || other === undefined) throw argumentNull("other");
  // the set itself: a copy, so that changing the set does not disturb walking `other`
  return other === s ? new Set(other) : other instanceof Set ? other : new Set(seq<T>(other));
};

export function setUnionWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other, s)) s.add(x);
}
export function setIntersectWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  const o = items(other);
  for (const x of [...s]) if (!o.has(x)) s.delete(x);
}
export function setExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other, s)) s.delete(x);
}
export function setSymmetricExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other, s)) if (!s.delete(x)) s.add(x);
}
export function setIsSubsetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  const o = items(other);
  for (const x of s) if (!o.has(x)) return false;
  return true;
}
export function setIsSupersetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  for (const x of items(other)) if (!s.has(x)) return false;
  return true;
}
export function setIsProperSubsetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  const o = items(other);
  return o.size > s.size && setIsSubsetOf(s, o);
}
export function setIsProperSupersetOf<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  const o = items(other);
  return s.size > o.size && setIsSupersetOf(s, o);
}
export function setOverlaps<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  for (const x of items(other)) if (s.has(x)) return true;
  return false;
}
export function setSetEquals<T>(s: Set<T> | null, other: Seq<T>): boolean {
  s = self(s);
  const o = items(other);
  return o.size === s.size && setIsSubsetOf(s, o);
}
/** RemoveWhere(match): the number removed; ArgumentNullException "match" for a null predicate. */
export function setRemoveWhere<T>(s: Set<T> | null, match: ((x: T) => boolean) | null): number {
  s = self(s);
  if (!match) throw argumentNull("match");
  let n = 0;
  for (const x of [...s]) if (match(x) && s.delete(x)) n++;
  return n;
}

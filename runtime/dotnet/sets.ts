// HashSet<T> set operations (a HashSet is a JS Set: SameValueZero equality, as its Add/Contains).
// Each checks `other` for null first (ArgumentNullException "other"), as .NET does.
import { argumentNull, nullReference } from "../errors.js";
import { seq } from "./linq.js";

type Seq<T> = Iterable<T> | null;
/** The set a member is called on: a null set is a NullReferenceException before any argument check. */
const self = <T>(s: Set<T> | null): Set<T> => {
  if (s === null || s === undefined) throw nullReference();
  return s;
};
const items = <T>(other: Seq<T>): Set<T> => {
  if (other === null || other === undefined) throw argumentNull("other");
  return other instanceof Set ? other : new Set(seq<T>(other));
};

export function setUnionWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other)) s.add(x);
}
export function setIntersectWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  const o = items(other);
  for (const x of [...s]) if (!o.has(x)) s.delete(x);
}
export function setExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other)) s.delete(x);
}
export function setSymmetricExceptWith<T>(s: Set<T> | null, other: Seq<T>): void {
  s = self(s);
  for (const x of items(other)) if (!s.delete(x)) s.add(x);
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

// LINQ (System.Linq.Enumerable) and collection helpers. Sequences are any JS iterable; strings
// enumerate as char codes, plain Maps as { Key, Value } pairs, null sources throw ArgumentNullException.
import { checkSequenceSize } from "../budget.js";
import { argumentNull, argumentOutOfRange, argumentError, indexOutOfRange, invalidOperation, keyNotFound, nullReference, overflow } from "../errors.js";
import { anonShow, cmp, collectionModified, isKvp, objEquals } from "./core.js";
import { toStr } from "./text-format.js";
import { cultureCompare } from "./collation.js";
import { strCompare, strEquals } from "./string.js";
import { boxedKey } from "./decimal.js";
import { ComparerTable, eqComparer } from "./equality.js";
import { capOnAdd, capOnAddRange, capPin, isCollection, withCapacity } from "./list-capacity.js";

type Seq<T> = Iterable<T>;

/** A deferred sequence (linq-deferred.ts): enumerating it runs `make` again (a fresh iterator each time). */
export class Deferred<T> implements Iterable<T> {
  constructor(private readonly make: () => Iterator<T>) {}
  [Symbol.iterator](): Iterator<T> {
    return this.make();
  }
}

/** Normalizes a .NET enumerable to a JS iterable. */
export function seq<T = unknown>(src: unknown): Iterable<T> {
  if (src === null || src === undefined) throw argumentNull("source");
  if (typeof src === "string") return Array.from({ length: src.length }, (_v, i) => src.charCodeAt(i)) as Iterable<T>;
  if (src instanceof Map && !(src instanceof Dictionary)) return Array.from(src as Map<unknown, unknown>, ([k, v]) => ({ Key: k, Value: v })) as Iterable<T>;
  return src as Iterable<T>;
}
/** The collection a foreach statement walks: C#'s GetEnumerator() call on null is a NullReferenceException. */
export function foreachSeq<T = unknown>(src: unknown): Iterable<T> {
  if (src === null || src === undefined) throw nullReference();
  return seq<T>(src);
}
const arr = <T>(src: unknown): T[] => (Array.isArray(src) ? (src as T[]) : Array.from(seq<T>(src)));
// EqualityComparer<double>.Default: NaN equals NaN (double.Equals), unlike `==`.
const eq = (a: unknown, b: unknown) => a === b || (a !== a && b !== b) || objEquals(a, b);

export function isEnumerable(v: unknown): boolean {
  return v !== null && v !== undefined && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
}

type Picks<T> = { $first?(p?: (x: T) => boolean): { found: boolean; value?: T }; $last?(p?: (x: T) => boolean): { found: boolean; value?: T } };
export function linqFirst<T>(src: Seq<T>, pred?: (x: T) => boolean): T {
  const s = seq<T>(src);
  // corefx: an ordered sequence's First computes keys only for the elements it compares (linq-corefx.ts)
  const r = corefxLinq.on ? (s as Picks<T>).$first?.(pred) : undefined;
  if (r?.found) return r.value!;
  if (!r) for (const x of s) if (!pred || pred(x)) return x;
  throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
}
export function linqFirstOrDefault<T>(src: Seq<T>, pred?: (x: T) => boolean): T | null {
  const s = seq<T>(src);
  const r = corefxLinq.on ? (s as Picks<T>).$first?.(pred) : undefined;
  if (r) return r.found ? r.value! : null;
  for (const x of s) if (!pred || pred(x)) return x;
  return null;
}
/** Last: an IList (array) is read from its end; with a predicate, or over other sequences, every element is visited in order (.NET Framework). */
export function linqLast<T>(src: Seq<T>, pred?: (x: T) => boolean): T {
  const r = lastOf(src, pred);
  if (r.found) return r.value!;
  throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
}
export function linqLastOrDefault<T>(src: Seq<T>, pred?: (x: T) => boolean): T | null {
  const r = lastOf(src, pred);
  return r.found ? r.value! : null;
}
function lastOf<T>(src: Seq<T>, pred?: (x: T) => boolean): { found: boolean; value?: T } {
  const s = seq<T>(src);
  if (!pred && Array.isArray(s)) return s.length ? { found: true, value: s[s.length - 1] } : { found: false };
  const r = corefxLinq.on ? (s as Picks<T>).$last?.(pred) : undefined;
  if (r) return r;
  let found = false;
  let value: T | undefined;
  for (const x of s)
    if (!pred || pred(x)) {
      found = true;
      value = x;
    }
  return { found, value };
}
/** Single(): stops at a second element; Single(predicate): tests every element, then counts the matches. */
export function linqSingle<T>(src: Seq<T>, pred?: (x: T) => boolean): T {
  const r = singleOf(src, pred);
  if (r.n === 0) throw invalidOperation(pred ? "Sequence contains no matching element" : "Sequence contains no elements");
  return r.value!;
}
export function linqSingleOrDefault<T>(src: Seq<T>, pred?: (x: T) => boolean): T | null {
  const r = singleOf(src, pred);
  return r.n === 0 ? null : r.value!;
}
function singleOf<T>(src: Seq<T>, pred?: (x: T) => boolean): { n: number; value?: T } {
  let n = 0;
  let value: T | undefined;
  for (const x of seq<T>(src)) {
    if (pred && !pred(x)) continue;
    value = x;
    n++;
    // (.NET Framework tests every element against the predicate; corefx stops at the second match)
    if ((!pred || corefxLinq.on) && n > 1) break;
  }
  if (n > 1) throw invalidOperation(pred ? "Sequence contains more than one matching element" : "Sequence contains more than one element");
  return { n, value };
}
/** ElementAt: an IList by index; another sequence is walked up to the index. */
export function linqElementAt<T>(src: Seq<T>, i: number): T {
  const r = elementAt(src, i);
  // a list's indexer says "Index was out of range"; Enumerable's own walk throws Error.ArgumentOutOfRange("index")
  if (!r.found) throw Array.isArray(src) ? argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.") : argumentOutOfRange("index");
  return r.value!;
}
export function linqElementAtOrDefault<T>(src: Seq<T>, i: number): T | null {
  const r = elementAt(src, i);
  return r.found ? r.value! : null;
}
function elementAt<T>(src: Seq<T>, i: number): { found: boolean; value?: T } {
  const s = seq<T>(src);
  if (Array.isArray(s)) return i >= 0 && i < s.length ? { found: true, value: s[i] } : { found: false };
  if (i < 0) return { found: false };
  // corefx: a Select over a list (and other partitions) reach the index without running the others' selectors
  const at = corefxLinq.on ? (s as { $at?: (i: number) => { found: boolean; value?: T } }).$at : undefined;
  if (at) return at(i);
  let k = 0;
  for (const x of s) if (k++ === i) return { found: true, value: x };
  return { found: false };
}
export function linqAny<T>(src: Seq<T>, pred?: (x: T) => boolean): boolean {
  for (const x of seq<T>(src)) if (!pred || pred(x)) return true;
  return false;
}
export function linqAll<T>(src: Seq<T>, pred: (x: T) => boolean): boolean {
  for (const x of seq<T>(src)) if (!pred(x)) return false;
  return true;
}
/**
 * Test-only switch: emulate the shortcuts of Mono's LINQ (corefx's System.Linq) where they skip work
 * .NET Framework's System.Core does (OrderBy(..).Count() without keys, Select(..).Skip(n) without the
 * skipped selectors, Join/GroupJoin without the inner keys for an empty outer sequence, Join without
 * the outer keys when the inner lookup is empty, ElementAt(i) of a Select over a list without the
 * other selectors, Single(predicate) stopping at the second match, Reverse().Count() without the
 * source's keys, GroupBy(.., resultSelector).Count() without the result selector). The fuzzer
 * (test/differential/generate/fuzz.ts) re-runs a case so when Mono answered and apimc threw, to tell
 * that known Mono-vs-.NET difference from a bug. Never set by the gateway.
 */
export const corefxLinq = { on: false };
export function linqCount<T>(src: Seq<T>, pred?: (x: T) => boolean): number {
  if (!pred && Array.isArray(src)) return src.length;
  if (!pred && corefxLinq.on && typeof (src as { $count?: unknown }).$count === "function") return (src as unknown as { $count(): number }).$count();
  let n = 0;
  for (const x of seq<T>(src)) if (!pred || pred(x)) n++;
  return n;
}
export function linqContains<T>(src: Seq<T>, v: T): boolean {
  // Enumerable.Contains asks ICollection<T>.Contains first: a Dictionary finds the pair by its key and a
  // Keys view is ContainsKey (both with the dictionary's comparer; a null key throws)
  if (src instanceof Dictionary) return src.ContainsPair(v as { Key: unknown; Value: unknown });
  const owner = (src as { [KEYS_OF]?: Dictionary<T, unknown> } | null)?.[KEYS_OF];
  if (owner) return owner.ContainsKey(v);
  for (const x of seq<T>(src)) if (eq(x, v)) return true;
  return false;
}
/** Contains(value, comparer): every element asked in turn (no ICollection<T> shortcut); a null comparer is the default. */
export function linqContainsBy<T>(src: Seq<T>, v: T, comparer: unknown): boolean {
  const c = eqComparer(comparer);
  for (const x of seq<T>(src)) if (c ? c.Equals(x, v) : eq(x, v)) return true;
  return false;
}
/** The Dictionary whose Keys an array is (Dictionary.KeyCollection's ICollection<TKey>.Contains). */
const KEYS_OF = Symbol("keysOf");
/**
 * Finds values the way EqualityComparer<T>.Default does: primitives by value (a Map: NaN finds NaN,
 * 0 finds -0), objects with an Equals (decimals, dates, anonymous types) by it.
 */
export class EqLookup<V> {
  private prim = new Map<unknown, V>();
  private objs: [unknown, V][] = [];
  /** With an IEqualityComparer (equality.ts), items are found by its hash and Equals instead. */
  private readonly table: ComparerTable<V> | null;
  constructor(comparer: unknown = null) {
    const c = eqComparer(comparer);
    this.table = c ? new ComparerTable<V>(c) : null;
  }
  private static byEquals(k: unknown): boolean {
    return k !== null && typeof k === "object" && (typeof (k as { Equals?: unknown }).Equals === "function" || isKvp(k));
  }
  get(k: unknown): V | undefined {
    if (this.table) return this.table.entry(k)?.[1];
    if (!EqLookup.byEquals(k)) return this.prim.get(k);
    for (const [kk, v] of this.objs) if (objEquals(k, kk)) return v;
    return undefined;
  }
  set(k: unknown, v: V): void {
    if (this.table) this.table.set(k, v);
    else if (EqLookup.byEquals(k)) this.objs.push([k, v]);
    else this.prim.set(k, v);
  }
  /** Set<T>.Add: false when an equal key is there already. */
  add(k: unknown): boolean {
    if (this.table) {
      if (this.table.entry(k)) return false;
      this.table.set(k, true as V);
      return true;
    }
    if (EqLookup.byEquals(k) ? this.objs.some(([kk]) => objEquals(k, kk)) : this.prim.has(k)) return false;
    this.set(k, true as V);
    return true;
  }
  /** Set<T>.Remove: whether an equal key was there. */
  remove(k: unknown): boolean {
    if (this.table) return this.table.delete(k);
    if (!EqLookup.byEquals(k)) return this.prim.delete(k);
    const i = this.objs.findIndex(([kk]) => objEquals(k, kk));
    if (i < 0) return false;
    this.objs.splice(i, 1);
    return true;
  }
}
/** The key comparer of OrderBy/ThenBy: Comparer<T>.Default (strings by culture) or a StringComparer code / IComparer. */
export type Comparer = number | { Compare(a: unknown, b: unknown): number } | null | undefined;
export function comparerFn(c: Comparer): (a: unknown, b: unknown) => number {
  if (c === null || c === undefined) return keyCmp;
  if (typeof c === "number") return (a, b) => strCompare(a as string, b as string, c);
  return (a, b) => c.Compare(a, b);
}
/**
 * Generic Max/Min (Comparer<T>.Default): nulls are skipped; an empty sequence gives null for
 * reference/nullable types, else throws. `floatMin`: a Min over float/double/float?/double?, which
 * .NET Framework reads to the end (see linqMin) and corefx leaves at a NaN after the first value.
 */
export function linqMaxBy<T, R>(src: Seq<T>, f: ((x: T) => R) | null, sign: number, nullOk: boolean, floatMin = false): R | null {
  let m: R | null = null;
  let seen = false;
  for (const x of seq<T>(src)) {
    const v = f ? f(x) : (x as unknown as R);
    if (v === null || v === undefined) continue;
    if (floatMin && seen && v !== v && corefxLinq.on) return v;
    if (!seen || keyCmp(v, m) * sign > 0) m = v;
    seen = true;
  }
  if (!seen && !nullOk) throw invalidOperation("Sequence contains no elements");
  return m;
}
export function keyCmp(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return Math.sign(cultureCompare(a, b, false));
  return cmp(a, b);
}
export function toList<T>(src: Seq<T>): T[] {
  if (src instanceof Uint8Array) return new Uint8Array(src) as unknown as T[];
  const a = Array.from(seq<T>(src));
  // a copy of an ICollection<T> is exactly its size; of anything else, grown by adds
  return isCollection(src) ? withCapacity(a, a.length) : a;
}
/** ToDictionary(keySelector[, elementSelector][, comparer]): a duplicate key (by the comparer) is ArgumentException. */
export function linqToDictionary<T, K, V>(src: Seq<T>, key: (x: T) => K, val?: (x: T) => V, comparer: unknown = null): Dictionary<K, unknown> {
  const d = new Dictionary<K, unknown>(comparer);
  for (const x of seq<T>(src)) d.Add(key(x), val ? val(x) : x);
  return d;
}
export function linqSum<T>(src: Seq<T>, f?: (x: T) => number): number {
  let s = 0;
  for (const x of seq<T>(src)) s += f ? f(x) : (x as unknown as number);
  return s;
}
/** Sum over int: Enumerable.Sum adds in a checked context (OverflowException past Int32). */
export function linqSumInt<T>(src: Seq<T>, f?: (x: T) => number): number {
  let s = 0;
  for (const x of seq<T>(src)) {
    s += f ? f(x) : ((x as unknown as number) ?? 0);
    if (s > 2147483647 || s < -2147483648) throw overflow();
  }
  return s;
}
export function linqMax<T>(src: Seq<T>, f?: (x: T) => number): number {
  let m: number | null = null;
  for (const x of seq<T>(src)) {
    const v = f ? f(x) : (x as unknown as number);
    // NaN sorts lowest (Comparer<double>): Max is NaN only when every value is
    if (m === null || v > m || (m !== m && v === v)) m = v;
  }
  if (m === null) throw invalidOperation("Sequence contains no elements");
  return m;
}
/**
 * Min over int/long/double: NaN is the minimum, but .NET Framework's Enumerable.Min reads the whole
 * sequence (`if (x < value || Double.IsNaN(x)) value = x`, no early return), so a later element's
 * exception still comes. corefx (Mono) returns at a NaN that is not the first element: corefxLinq only.
 */
export function linqMin<T>(src: Seq<T>, f?: (x: T) => number): number {
  let m: number | null = null;
  for (const x of seq<T>(src)) {
    const v = f ? f(x) : (x as unknown as number);
    if (v !== v && m !== null && corefxLinq.on) return v;
    if (m === null || v < m || v !== v) m = v;
  }
  if (m === null) throw invalidOperation("Sequence contains no elements");
  return m;
}
export function linqAverage<T>(src: Seq<T>, f?: (x: T) => number): number {
  let s = 0;
  let n = 0;
  for (const x of seq<T>(src)) {
    s += f ? f(x) : (x as unknown as number);
    n++;
  }
  if (n === 0) throw invalidOperation("Sequence contains no elements");
  return s / n;
}
export function linqAggregate<T>(src: Seq<T>, f: (a: T, b: T) => T): T {
  const a = arr<T>(src);
  if (!a.length) throw invalidOperation("Sequence contains no elements");
  return a.reduce((p, c) => f(p, c));
}
export function linqAggregateSeed<T, A>(src: Seq<T>, seed: A, f: (a: A, b: T) => A): A {
  let acc = seed;
  for (const x of seq<T>(src)) acc = f(acc, x);
  return acc;
}
/** SequenceEqual([comparer]): both sequences pulled in step, stopping at the first difference. */
export function linqSequenceEqual<T>(a: Seq<T>, b: Seq<T>, comparer: unknown = null): boolean {
  const c = eqComparer(comparer);
  if (a === null || a === undefined) throw argumentNull("first");
  if (b === null || b === undefined) throw argumentNull("second");
  const e1 = seq<T>(a)[Symbol.iterator]();
  const e2 = seq<T>(b)[Symbol.iterator]();
  try {
    for (let x = e1.next(); !x.done; x = e1.next()) {
      const y = e2.next();
      if (y.done || !(c ? c.Equals(x.value, y.value) : eq(x.value, y.value))) return false;
    }
    return !!e2.next().done;
  } finally {
    e1.return?.();
    e2.return?.();
  }
}
export function linqRange(start: number, count: number): number[] {
  // the last element must be an int: start + count - 1 <= int.MaxValue
  if (count < 0 || start + count - 1 > 2147483647) throw argumentOutOfRange("count");
  checkSequenceSize(count);
  return Array.from({ length: count }, (_v, i) => start + i);
}
export function linqRepeat<T>(v: T, count: number): T[] {
  if (count < 0) throw argumentOutOfRange("count");
  checkSequenceSize(count);
  return new Array<T>(count).fill(v);
}

// ---- collections ----------------------------------------------------------------------------------------
export function count(c: unknown): number {
  if (c === null || c === undefined) throw argumentNull("source");
  if (Array.isArray(c) || c instanceof Uint8Array) return c.length;
  if (c instanceof Map || c instanceof Set) return c.size;
  const n = (c as { Count?: number }).Count;
  if (typeof n === "number") return n;
  return linqCount(c as Iterable<unknown>);
}
export function collContains(c: unknown, v: unknown): boolean {
  if (c instanceof Set) return c.has(v);
  return linqContains(c as Iterable<unknown>, v);
}
/**
 * List<T>._version: a List is a JS array, its version an own `$v` property bumped by every change
 * List<T> counts as one (the indexer's set too). foreach over a List and List.ForEach compare it
 * with the version they started with (InvalidOperationException "Collection was modified").
 */
export function bumpVersion(a: unknown[]): void {
  (a as { $v?: number }).$v = ((a as { $v?: number }).$v! | 0) + 1;
}
export function listAdd<T>(a: T[], v: T): void {
  capOnAdd(a);
  a.push(v);
  bumpVersion(a);
}
export function listAddRange<T>(a: T[], c: Iterable<T>): void {
  void a.length; // a null list: NullReferenceException before the argument check
  if (c === null || c === undefined) throw argumentNull("collection");
  const items = Array.from(seq<T>(c));
  capOnAddRange(a, items.length, isCollection(c));
  a.push(...items);
  bumpVersion(a);
}
export function listClear(a: unknown[]): void {
  capPin(a);
  a.length = 0;
  bumpVersion(a);
}
export function listReverse(a: unknown[]): void {
  a.reverse();
  bumpVersion(a);
}
export function collAdd(c: unknown, v: unknown): void {
  if (Array.isArray(c)) listAdd(c, v);
  else if (c instanceof Set) c.add(v);
  else (c as { Add(v: unknown): void }).Add(v);
}
export function collRemove(c: unknown, v: unknown): boolean {
  if (c instanceof Set) return c.delete(v);
  const a = c as unknown[];
  const i = a.findIndex((x) => eq(x, v));
  if (i < 0) return false;
  capPin(a);
  a.splice(i, 1);
  bumpVersion(a);
  return true;
}
export function collClear(c: unknown): void {
  if (Array.isArray(c)) listClear(c);
  else (c as { clear(): void }).clear();
}
export function listItem<T>(a: ArrayLike<T> | null, i: number): T {
  if (a === null || a === undefined) throw argumentNull("list");
  if (!Number.isInteger(i) || i < 0 || i >= a.length)
    throw Array.isArray(a) ? argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.") : indexOutOfRange();
  return a[i]!;
}
export function listSet<T>(a: T[], i: number, v: T): T {
  if (!Number.isInteger(i) || i < 0 || i >= a.length) throw argumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
  a[i] = v;
  bumpVersion(a);
  return v;
}
export function listIndexOf<T>(a: ArrayLike<T>, v: T): number {
  for (let i = 0; i < a.length; i++) if (eq(a[i], v)) return i;
  return -1;
}
export function listInsert<T>(a: T[], i: number, v: T): void {
  if (i < 0 || i > a.length) throw argumentOutOfRange("index");
  capOnAdd(a);
  a.splice(i, 0, v);
  bumpVersion(a);
}
export function listRemoveAt<T>(a: T[], i: number): void {
  if (i < 0 || i >= a.length) throw argumentOutOfRange("index");
  capPin(a);
  a.splice(i, 1);
  bumpVersion(a);
}
export function listRemoveAll<T>(a: T[], p: (x: T) => boolean): number {
  const before = a.length;
  const keep = a.filter((x) => !p(x));
  if (keep.length === before) return 0;
  capPin(a);
  a.length = 0;
  a.push(...keep);
  bumpVersion(a);
  return before - a.length;
}
/** List.ForEach: stops and throws when the action changed the list (.NET Framework 4.5+). */
export function listForEach<T>(a: T[], action: ((x: T) => void) | null): void {
  void a.length;
  if (!action) throw argumentNull("action");
  const v = (a as { $v?: number }).$v;
  for (let i = 0; i < a.length; i++) {
    if ((a as { $v?: number }).$v !== v) break;
    action(a[i]!);
  }
  if ((a as { $v?: number }).$v !== v) throw collectionModified();
}
export function arrayCopy<T>(src: T[], si: number, dst: T[], di: number, n: number): void {
  if (si + n > src.length || di + n > dst.length) throw argumentError("Source array was not long enough.");
  for (let i = 0; i < n; i++) dst[di + i] = src[si + i]!;
}
export function setAdd<T>(s: Set<T>, v: T): boolean {
  if (s.has(v)) return false;
  s.add(v);
  return true;
}

/** Dictionary<TKey, TValue>: insertion-ordered Map with .NET members; iteration yields { Key, Value }. */
export class Dictionary<K, V> extends Map<K, V> {
  readonly $typeName = "System.Collections.Generic.Dictionary";
  /**
   * Enumeration order as .NET's: entries live in slots; a removed entry's slot goes on a free list
   * and the next new key takes the most recently freed slot (so Remove + Add can reorder keys).
   */
  private slots: ({ k: K; v: V; slot: number } | null)[] = [];
  private free: number[] = [];
  /** Dictionary._version (.NET Framework: a set of an existing key counts too). */
  private ver = 0;
  /** The length of .NET's entries array (0, then primes: 3, 7, 17, ...): TrimExcess compacts only below it. */
  private cap = 0;
  /**
   * TrimExcess([capacity]) as corefx's: when the prime for `capacity` (default Count) is below the
   * entries' length, the entries are compacted in enumeration order (freed slots are no longer reused).
   */
  TrimExcess(capacity: number = this.size): void {
    if (capacity < this.size) throw argumentOutOfRange("capacity");
    const newSize = hashPrime(capacity);
    if (newSize >= this.cap) return;
    this.ver++;
    const live = this.slots.filter((e) => e !== null);
    live.forEach((e, i) => (e.slot = i));
    this.slots = live;
    this.free = [];
    this.cap = newSize;
  }
  private place(e: { k: K; v: V; slot: number }): void {
    if (!this.free.length && this.slots.length >= this.cap) this.cap = hashPrime(this.cap === 0 ? 0 : 2 * this.slots.length);
    e.slot = this.free.length ? this.free.pop()! : this.slots.length;
    this.slots[e.slot] = e;
  }
  private live(): { k: K; v: V }[] {
    return this.slots.filter((e): e is { k: K; v: V; slot: number } => e !== null);
  }
  override clear(): void {
    if (this.size > 0) this.ver++;
    super.clear();
    this.slots = [];
    this.free = [];
  }
  /** The comparer the dictionary was made with (Dictionary.Comparer), null for the default. */
  readonly comparer: unknown;
  /** With a comparer: its first key of each equality class stands for the class in the Map. */
  private readonly byComparer: ComparerTable<K> | null;
  constructor(comparer: unknown = null) {
    super();
    this.comparer = comparer ?? null;
    const c = eqComparer(comparer);
    this.byComparer = c ? new ComparerTable<K>(c) : null;
  }
  /** new Dictionary(capacity[, comparer]): the entries array is the prime for capacity (TrimExcess reads it). */
  static sized<K, V>(capacity: number, comparer: unknown = null): Dictionary<K, V> {
    if (capacity < 0) throw argumentOutOfRange("capacity");
    const d = new Dictionary<K, V>(comparer);
    if (capacity > 0) d.cap = hashPrime(capacity);
    return d;
  }
  static from<K, V>(src: Iterable<{ Key: K; Value: V }>, comparer: unknown = null): Dictionary<K, V> {
    if (src === null || src === undefined) throw argumentNull("dictionary");
    const d = new Dictionary<K, V>(comparer);
    const items = [...seq<{ Key: K; Value: V }>(src)];
    if (items.length) d.cap = hashPrime(items.length);
    for (const kv of items) d.Add(kv.Key, kv.Value);
    return d;
  }
  /** The first box used for each boxed key's value (boxedKey): later equal boxes find its entry. */
  private boxes: Map<string, K> | null = null;
  private k(key: K): K {
    if (key === null || key === undefined) throw argumentNull("key");
    if (this.byComparer) {
      const e = this.byComparer.entry(key);
      if (e) return e[1];
      this.byComparer.set(key, key);
      return key;
    }
    if (typeof key === "object") {
      const id = boxedKey(key as object);
      if (id === null) return key;
      const first = (this.boxes ??= new Map()).get(id);
      if (first !== undefined) return first;
      this.boxes.set(id, key);
      return key;
    }
    return key;
  }
  Item(key: K): V {
    const kk = this.k(key);
    if (!super.has(kk)) throw keyNotFound(key);
    return (super.get(kk) as unknown as { v: V }).v;
  }
  SetItem(key: K, v: V): V {
    const kk = this.k(key);
    const e = super.get(kk) as unknown as { k: K; v: V; slot: number } | undefined;
    this.ver++;
    if (e) e.v = v;
    else {
      const n = { k: key, v, slot: 0 };
      this.place(n);
      super.set(kk, n as unknown as V);
    }
    return v;
  }
  Add(key: K, v: V): void {
    const kk = this.k(key);
    if (super.has(kk)) throw argumentError("An item with the same key has already been added.");
    this.ver++;
    const n = { k: key, v, slot: 0 };
    this.place(n);
    super.set(kk, n as unknown as V);
  }
  Remove(key: K): boolean {
    const kk = this.k(key);
    const e = super.get(kk) as unknown as { slot: number } | undefined;
    if (!e) return false;
    this.ver++;
    this.slots[e.slot] = null;
    this.free.push(e.slot);
    return super.delete(kk);
  }
  ContainsKey(key: K): boolean {
    return super.has(this.k(key));
  }
  TryGetValue(key: K): V | undefined {
    const e = super.get(this.k(key)) as unknown as { v: V } | undefined;
    return e === undefined ? undefined : e.v;
  }
  GetValueOrDefault(key: K, def: V | null = null): V | null {
    const e = super.get(this.k(key)) as unknown as { v: V } | undefined;
    return e === undefined ? def : e.v;
  }
  get Count(): number {
    return this.size;
  }
  get Keys(): K[] {
    const keys: K[] & { [KEYS_OF]?: Dictionary<K, V> } = this.live().map((e) => e.k);
    keys[KEYS_OF] = this;
    return keys;
  }
  /** ICollection<KeyValuePair>.Contains: the entry of the pair's key, with an equal value. */
  ContainsPair(p: { Key: K; Value: V }): boolean {
    const e = super.get(this.k(p.Key)) as unknown as { v: V } | undefined;
    return e !== undefined && eq(e.v, p.Value);
  }
  get Values(): V[] {
    return this.live().map((e) => e.v);
  }
  ContainsValue(v: V): boolean {
    return this.Values.some((x) => eq(x, v));
  }
  /** Enumerates { Key, Value } in slot order; a change meanwhile throws (Dictionary.Enumerator). */
  override [Symbol.iterator](): MapIterator<[K, V]> {
    const ver = this.ver;
    let i = 0;
    const next = (): IteratorResult<{ Key: K; Value: V }> => {
      if (this.ver !== ver) throw collectionModified();
      while (i < this.slots.length) {
        const e = this.slots[i++];
        if (e) return { value: { Key: e.k, Value: e.v }, done: false };
      }
      return { value: undefined, done: true };
    };
    return { next, [Symbol.iterator]() { return this; } } as unknown as MapIterator<[K, V]>;
  }
}

type AnyDict = { Item?(k: unknown): unknown; ContainsKey?(k: unknown): boolean; TryGetValue?(k: unknown): unknown; GetValueOrDefault?(k: unknown, d: unknown): unknown; Count?: number; Keys?: unknown[]; Values?: unknown[] };
const isDotNet = (d: unknown): d is AnyDict => typeof (d as AnyDict).Item === "function";

export function dictItem(d: unknown, k: unknown): unknown {
  if (d === null || d === undefined) throw argumentNull("dictionary");
  if (isDotNet(d)) return d.Item!(k);
  const m = d as Map<unknown, unknown>;
  if (k === null || k === undefined) throw argumentNull("key");
  if (!m.has(k)) throw keyNotFound(k);
  return m.get(k);
}
export function dictSet(d: unknown, k: unknown, v: unknown): unknown {
  if (d instanceof Dictionary) return d.SetItem(k, v);
  (d as Map<unknown, unknown>).set(k, v);
  return v;
}
export function dictContainsKey(d: unknown, k: unknown): boolean {
  if (isDotNet(d)) return d.ContainsKey!(k);
  return (d as Map<unknown, unknown>).has(k);
}
export function dictTryGet(d: unknown, k: unknown): unknown {
  if (isDotNet(d)) {
    const v = d.TryGetValue!(k);
    return v;
  }
  const m = d as Map<unknown, unknown>;
  return m.has(k) ? m.get(k) : undefined;
}
export function dictGetOrDefault(d: unknown, k: unknown, def: unknown): unknown {
  if (d === null || d === undefined) throw argumentNull("dictionary");
  if (isDotNet(d)) {
    const v = d.TryGetValue!(k);
    return v === undefined ? def : v;
  }
  const m = d as Map<unknown, unknown>;
  return m.has(k) ? m.get(k) : def;
}
export function dictKeys(d: unknown): unknown[] {
  if (isDotNet(d) && d.Keys) return d.Keys;
  return [...(d as Map<unknown, unknown>).keys()];
}
export function dictValues(d: unknown): unknown[] {
  if (isDotNet(d) && d.Values) return d.Values;
  return [...(d as Map<unknown, unknown>).values()];
}
export function dictAdd(d: unknown, k: unknown, v: unknown): void {
  if (d instanceof Dictionary) return d.Add(k, v);
  const m = d as Map<unknown, unknown>;
  if (m.has(k)) throw argumentError("An item with the same key has already been added.");
  m.set(k, v);
}
export function dictRemove(d: unknown, k: unknown): boolean {
  if (d instanceof Dictionary) return d.Remove(k);
  return (d as Map<unknown, unknown>).delete(k);
}
export function dictContainsValue(d: unknown, v: unknown): boolean {
  return dictValues(d).some((x) => eq(x, v));
}
/** AsFormUrlEncodedContent: name → values as a Dictionary<string, IList<string>>. */
export function formDict(m: Map<string, string[]>): Dictionary<string, string[]> {
  const d = new Dictionary<string, string[]>();
  for (const [k, v] of m) d.Add(k, v);
  return d;
}

/** An enumerator over item(0), item(1), ... that throws once the collection's version changed (also at the end). */
function versioned<T>(version: () => number, item: (i: number) => { v: T } | null): Iterator<T> {
  const start = version();
  let i = 0;
  return {
    next(): IteratorResult<T> {
      if (version() !== start) throw collectionModified();
      const x = item(i++);
      return x ? { value: x.v, done: false } : { value: undefined, done: true };
    },
    [Symbol.iterator]() {
      return this;
    },
  } as Iterator<T>;
}
/** Queue<T>: FIFO; enumerates oldest first. */
export class Queue<T> implements Iterable<T> {
  readonly $typeName = "System.Collections.Generic.Queue`1";
  private items: T[];
  private head = 0;
  private ver = 0;
  constructor(src?: Iterable<T> | number | null) {
    if (src === null) throw argumentNull("collection");
    this.items = src === undefined || typeof src === "number" ? [] : Array.from(seq<T>(src));
  }
  get Count(): number {
    return this.items.length - this.head;
  }
  Enqueue(x: T): void {
    this.ver++;
    this.items.push(x);
  }
  Dequeue(): T {
    if (this.Count === 0) throw invalidOperation("Queue empty.");
    this.ver++;
    const x = this.items[this.head++]!;
    if (this.head > 32 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  Peek(): T {
    if (this.Count === 0) throw invalidOperation("Queue empty.");
    return this.items[this.head]!;
  }
  Contains(x: T): boolean {
    for (let i = this.head; i < this.items.length; i++) if (eq(this.items[i], x)) return true;
    return false;
  }
  Clear(): void {
    this.ver++;
    this.items = [];
    this.head = 0;
  }
  ToArray(): T[] {
    return this.items.slice(this.head);
  }
  /** Oldest first; a change meanwhile throws (Queue<T>.Enumerator). */
  [Symbol.iterator](): Iterator<T> {
    return versioned(() => this.ver, (i) => (this.head + i < this.items.length ? { v: this.items[this.head + i]! } : null));
  }
}
/** Stack<T>: LIFO; enumerates top first. */
export class Stack<T> implements Iterable<T> {
  readonly $typeName = "System.Collections.Generic.Stack`1";
  private items: T[];
  private ver = 0;
  constructor(src?: Iterable<T> | number | null) {
    if (src === null) throw argumentNull("collection");
    this.items = src === undefined || typeof src === "number" ? [] : Array.from(seq<T>(src));
  }
  get Count(): number {
    return this.items.length;
  }
  Push(x: T): void {
    this.ver++;
    this.items.push(x);
  }
  Pop(): T {
    if (this.items.length === 0) throw invalidOperation("Stack empty.");
    this.ver++;
    return this.items.pop()!;
  }
  Peek(): T {
    if (this.items.length === 0) throw invalidOperation("Stack empty.");
    return this.items[this.items.length - 1]!;
  }
  Contains(x: T): boolean {
    return this.items.some((y) => eq(y, x));
  }
  Clear(): void {
    this.ver++;
    this.items = [];
  }
  ToArray(): T[] {
    return this.items.slice().reverse();
  }
  /** Top first; a change meanwhile throws (Stack<T>.Enumerator). */
  [Symbol.iterator](): Iterator<T> {
    return versioned(() => this.ver, (i) => (i < this.items.length ? { v: this.items[this.items.length - 1 - i]! } : null));
  }
}
/** System.Tuple<T1..T4>: Item1.., structural Equals, ToString "(a, b)". */
export class Tuple {
  readonly items: unknown[];
  constructor(...items: unknown[]) {
    this.items = items;
  }
  get $typeName(): string {
    return `System.Tuple\`${this.items.length}`;
  }
  get Item1(): unknown {
    return this.items[0];
  }
  get Item2(): unknown {
    return this.items[1];
  }
  get Item3(): unknown {
    return this.items[2];
  }
  get Item4(): unknown {
    return this.items[3];
  }
  Equals(o: unknown): boolean {
    return o instanceof Tuple && o.items.length === this.items.length && this.items.every((x, i) => eq(x, o.items[i]));
  }
  /** Per item: "double", "float", "char" or null (how ToString shows it), as for anonymous objects. */
  declare $fmt: readonly (string | null)[] | undefined;
  ToString(): string {
    return `(${this.inner()})`;
  }
  /** The items as ToString lists them; an eight-item tuple's Rest (a tuple) continues the list (ITupleInternal). */
  private inner(): string {
    const own = this.items.length === 8 && this.items[7] instanceof Tuple ? this.items.slice(0, 7) : this.items;
    const text = own.map((x, i) => anonShow(x, this.$fmt?.[i])).join(", ");
    return own.length < this.items.length ? `${text}, ${(this.items[7] as Tuple).inner()}` : text;
  }
}
/** new Tuple<T1..T7, TRest>(..., rest): the rest must be a tuple. */
export function newTuple8(items: unknown[], rest: unknown): Tuple {
  if (!(rest instanceof Tuple)) throw argumentError("The last element of an eight element tuple must be a Tuple.");
  return new Tuple(...items, rest);
}
export function newTuple(...items: unknown[]): Tuple {
  return new Tuple(...items);
}
/** A Tuple whose items include a double, float or char: `fmt` says which (ToString shows 1E+15, 'a'). */
export function newTupleF(fmt: readonly (string | null)[], ...items: unknown[]): Tuple {
  const t = new Tuple(...items);
  t.$fmt = fmt;
  return t;
}
/** IComparer<T>.Compare: StringComparer values are StringComparison codes. */
/** StringComparer.Equals: the comparer is a StringComparison code. */
export function comparerEquals(c: number, a: string | null, b: string | null): boolean {
  return strEquals(a, b, c);
}
export function comparerCompare(c: unknown, a: unknown, b: unknown): number {
  if (typeof c === "number") return strCompare(a as string, b as string, c);
  return (c as { Compare(a: unknown, b: unknown): number }).Compare(a, b);
}

/** HashHelpers.GetPrime: the smallest of .NET's table primes (or odd prime not 1 mod 101) at least `min`. */
const PRIMES = [3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353, 431, 521, 631, 761, 919, 1103, 1327, 1597, 1931, 2333, 2801, 3371, 4049, 4861, 5839, 7013, 8419, 10103, 12143, 14591, 17519, 21023, 25229, 30293, 36353, 43627, 52361, 62851, 75431, 90523, 108631, 130363, 156437, 187751, 225307, 270371, 324449, 389357, 467237, 560689, 672827, 807403, 968897, 1162687, 1395263, 1674319, 2009191, 2411033, 2893249, 3471899, 4166287, 4999559, 5999471, 7199369];
function hashPrime(min: number): number {
  for (const p of PRIMES) if (p >= min) return p;
  for (let i = min | 1; ; i += 2) {
    let prime = true;
    for (let d = 3; d * d <= i; d += 2) if (i % d === 0) { prime = false; break; }
    if (prime && (i - 1) % 101 !== 0) return i;
  }
}

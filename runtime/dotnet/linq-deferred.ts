// LINQ's deferred operators (Where, Select, Skip, OrderBy, GroupBy, ...) as .NET Framework runs them
// (System.Core Enumerable.cs): a call checks its arguments and returns a sequence that does nothing
// until enumerated; each enumeration runs the chain again, element by element, so a selector runs
// only for the elements a consumer pulls (First stops early, Take(0) pulls none) and side effects and
// exceptions come in .NET's order. Buffering operators (OrderBy, Reverse, GroupBy, Intersect's second
// sequence) read their source at the first MoveNext, as .NET's iterators do.
import { argumentNull } from "../errors.js";
import { Deferred, EqLookup, comparerFn, corefxLinq, linqCount, seq, type Comparer } from "./linq.js";
import { corefxSkip, corefxTake, isPartition, orderedOps, selectPartition, type OrderKey } from "./linq-corefx.js";

type Seq<T> = Iterable<T>;

export { Deferred } from "./linq.js";
const need = (v: unknown, name: string) => {
  if (v === null || v === undefined) throw argumentNull(name);
};
/** Union/Intersect/Except name their sequences first and second. */
const seqArg = <T>(v: Seq<T>, name: string): Iterable<T> => (need(v, name), seq<T>(v));

export function linqWhere<T>(src: Seq<T>, pred: (x: T, i: number) => boolean): Iterable<T> {
  const s = seq<T>(src);
  need(pred, "predicate");
  return new Deferred(function* () {
    let i = 0;
    for (const x of s) if (pred(x, i++)) yield x;
  });
}
export function linqSelect<T, R>(src: Seq<T>, f: (x: T, i: number) => R): Iterable<R> {
  const s = seq<T>(src);
  need(f, "selector");
  const d = new Deferred(function* () {
    let i = 0;
    for (const x of s) yield f(x, i++);
  });
  // corefx's SelectListIterator / SelectIPartitionIterator (one-argument selector): Skip, Take and ElementAt pass through
  if (corefxLinq.on && (Array.isArray(s) || isPartition(s)) && f.length < 2) return selectPartition(d, s, f);
  return d;
}
/** Cast<T>() as an element-by-element conversion (corefx's CastIterator: not a partition, unlike Select). */
export function linqCast<T, R>(src: Seq<T>, f: (x: T) => R): Iterable<R> {
  const s = seq<T>(src);
  return new Deferred(function* () {
    for (const x of s) yield f(x);
  });
}
export function linqSelectMany<T, R>(src: Seq<T>, f: (x: T) => Iterable<R>): Iterable<R> {
  const s = seq<T>(src);
  need(f, "selector");
  return new Deferred(function* () {
    for (const x of s) yield* seq<R>(f(x));
  });
}
/** Distinct([comparer]): first of each equality class, in order (a null comparer is the default). */
export function linqDistinct<T>(src: Seq<T>, comparer: unknown = null): Iterable<T> {
  const s = seq<T>(src);
  return new Deferred(function* () {
    const seen = new EqLookup<true>(comparer);
    for (const x of s) if (seen.add(x)) yield x;
  });
}
/** Skip: the skipped elements are still pulled from the source (their selectors run). */
export function linqSkip<T>(src: Seq<T>, n: number): Iterable<T> {
  const s = seq<T>(src);
  if (corefxLinq.on) return corefxSkip(s, n);
  return new Deferred(function* () {
    let left = n;
    const it = s[Symbol.iterator]();
    try {
      while (left > 0) {
        if (it.next().done) return;
        left--;
      }
      for (let r = it.next(); !r.done; r = it.next()) yield r.value;
    } finally {
      it.return?.();
    }
  });
}
/** Take: nothing is pulled for n <= 0, and nothing after the n-th element. */
export function linqTake<T>(src: Seq<T>, n: number): Iterable<T> {
  const s = seq<T>(src);
  if (corefxLinq.on) return corefxTake(s, n);
  return new Deferred(function* () {
    if (n <= 0) return;
    let left = n;
    for (const x of s) {
      yield x;
      if (--left === 0) break;
    }
  });
}
export function linqSkipWhile<T>(src: Seq<T>, p: (x: T) => boolean): Iterable<T> {
  const s = seq<T>(src);
  need(p, "predicate");
  return new Deferred(function* () {
    let yielding = false;
    for (const x of s) {
      if (!yielding && !p(x)) yielding = true;
      if (yielding) yield x;
    }
  });
}
export function linqTakeWhile<T>(src: Seq<T>, p: (x: T) => boolean): Iterable<T> {
  const s = seq<T>(src);
  need(p, "predicate");
  return new Deferred(function* () {
    for (const x of s) {
      if (!p(x)) break;
      yield x;
    }
  });
}
export function linqReverse<T>(src: Seq<T>): Iterable<T> {
  const s = seq<T>(src);
  const d = new Deferred(function* () {
    const a = Array.from(s);
    for (let i = a.length - 1; i >= 0; i--) yield a[i]!;
  });
  // corefx's ReverseIterator counts its source (an ordered one without keys)
  const count = corefxLinq.on ? (s as { $count?: () => number }).$count : undefined;
  if (count) (d as { $count?: unknown }).$count = () => count.call(s);
  return d;
}
/** Concat (and Append/Prepend, whose element is evaluated at the call). */
export function linqConcat<T>(a: Seq<T>, b: Seq<T>): Iterable<T> {
  const x = seq<T>(a);
  const y = seq<T>(b);
  const d = new Deferred(function* () {
    yield* x;
    yield* y;
  });
  // corefx's Concat2Iterator counts each part the cheap way: a list, a Select over a list (no
  // selectors) or an ordered sequence (no keys); others by Count()
  if (corefxLinq.on) (d as { $count?: unknown }).$count = () => cheapCount(x) + cheapCount(y);
  return d;
}
const cheapCount = (p: Iterable<unknown>): number => (p as { $cheapCount?: () => number }).$cheapCount?.() ?? linqCount(p);
/** Append/Prepend: the element is evaluated at the call; corefx's AppendPrependIterator counts the source with Count() + 1. */
export function linqAppend<T>(src: Seq<T>, v: T): Iterable<T> {
  const s = seq<T>(src);
  const d = new Deferred(function* () {
    yield* s;
    yield v;
  });
  if (corefxLinq.on) (d as { $count?: unknown }).$count = () => linqCount(s) + 1;
  return d;
}
export function linqPrepend<T>(src: Seq<T>, v: T): Iterable<T> {
  const s = seq<T>(src);
  const d = new Deferred(function* () {
    yield v;
    yield* s;
  });
  if (corefxLinq.on) (d as { $count?: unknown }).$count = () => linqCount(s) + 1;
  return d;
}
export function linqUnion<T>(a: Seq<T>, b: Seq<T>, comparer: unknown = null): Iterable<T> {
  const x = seqArg<T>(a, "first");
  const y = seqArg<T>(b, "second");
  return new Deferred(function* () {
    const set = new EqLookup<true>(comparer);
    for (const v of x) if (set.add(v)) yield v;
    for (const v of y) if (set.add(v)) yield v;
  });
}
/** Intersect: the second sequence is read whole first, then the first streams. */
export function linqIntersect<T>(a: Seq<T>, b: Seq<T>, comparer: unknown = null): Iterable<T> {
  const x = seqArg<T>(a, "first");
  const y = seqArg<T>(b, "second");
  return new Deferred(function* () {
    const set = new EqLookup<true>(comparer);
    for (const v of y) set.add(v);
    for (const v of x) if (set.remove(v)) yield v;
  });
}
export function linqExcept<T>(a: Seq<T>, b: Seq<T>, comparer: unknown = null): Iterable<T> {
  const x = seqArg<T>(a, "first");
  const y = seqArg<T>(b, "second");
  return new Deferred(function* () {
    const set = new EqLookup<true>(comparer);
    for (const v of y) set.add(v);
    for (const v of x) if (set.add(v)) yield v;
  });
}
export function linqDefaultIfEmpty<T>(src: Seq<T>, dflt: T | null = null): Iterable<T | null> {
  const s = seq<T>(src);
  return new Deferred(function* () {
    let any = false;
    for (const x of s) {
      any = true;
      yield x;
    }
    if (!any) yield dflt;
  });
}
export function linqZip<A, B, R>(first: Seq<A>, second: Seq<B>, f: (a: A, b: B) => R): Iterable<R> {
  const x = seq<A>(first);
  const y = seq<B>(second);
  need(f, "resultSelector");
  return new Deferred(function* () {
    const e1 = x[Symbol.iterator]();
    const e2 = y[Symbol.iterator]();
    try {
      for (;;) {
        const r1 = e1.next();
        if (r1.done) return;
        const r2 = e2.next();
        if (r2.done) return;
        yield f(r1.value, r2.value);
      }
    } finally {
      e1.return?.();
      e2.return?.();
    }
  });
}
export function linqOfType<T>(src: Seq<unknown>, test: ((v: unknown) => boolean) | null): Iterable<T> {
  const s = seq<unknown>(src);
  return new Deferred(function* () {
    for (const x of s) if (x !== null && x !== undefined && (!test || test(x))) yield x as T;
  });
}

/**
 * GroupBy(keySelector[, elementSelector][, resultSelector][, comparer]): the groups (arrays with a
 * Key), built whole at the first MoveNext, in first-seen order; the key of a group is its first
 * element's. With a resultSelector each group gives resultSelector(key, elements) (an array).
 */
export function linqGroupBy<T, K, E, R>(src: Seq<T>, key: (x: T) => K, elem?: ((x: T) => E) | null, result?: ((k: K, g: E[]) => R) | null, comparer: unknown = null): Iterable<(E[] & { Key: K }) | R> {
  const s = seq<T>(src);
  need(key, "keySelector");
  if (elem === null) throw argumentNull("elementSelector");
  if (result === null) throw argumentNull("resultSelector");
  const build = (): (E[] & { Key: K })[] => {
    const m = new EqLookup<E[] & { Key: K }>(comparer);
    const groups: (E[] & { Key: K })[] = [];
    for (const x of s) {
      const k = key(x);
      let g = m.get(k);
      if (!g) {
        g = Object.assign([] as E[], { Key: k });
        m.set(k, g);
        groups.push(g);
      }
      g.push(elem ? elem(x) : (x as unknown as E));
    }
    return groups;
  };
  // (GroupedEnumerable.GetEnumerator builds the lookup there, not at the first MoveNext: SequenceEqual and
  // Zip take both enumerators before reading either; the result selector runs lazily, ApplyResultSelector)
  const d = new Deferred<(E[] & { Key: K }) | R>(() => {
    const groups = build();
    return result ? (function* () { for (const g of groups) yield result(g.Key, g.slice()); })() : groups[Symbol.iterator]();
  });
  // corefx's GroupedResultEnumerable counts the lookup's groups without the result selector
  if (result && corefxLinq.on) (d as { $count?: unknown }).$count = () => build().length;
  return d;
}

// ---- OrderBy / ThenBy ----------------------------------------------------------------------------
type SortKey = OrderKey;
/**
 * OrderedEnumerable: at each enumeration the source is read whole, every key of the first level is
 * computed for every element, then every key of the next level (EnumerableSorter.ComputeKeys), and
 * the elements are sorted stably.
 */
export class Ordered<T> extends Deferred<T> {
  constructor(
    readonly source: Iterable<T>,
    readonly keys: SortKey[],
  ) {
    // an iterator method: GetEnumerator does nothing, the first MoveNext sorts (Zip's order)
    super(function* () {
      yield* sortNow(source, keys);
    });
    // corefx's OrderedEnumerable partition shortcuts (linq-corefx.ts), test-only
    if (corefxLinq.on) Object.assign(this, orderedOps(source, keys, (items) => sortNow(items, keys)));
  }
}
function sortNow<T>(source: Iterable<T>, keys: SortKey[]): T[] {
  const items = Array.from(source);
  const n = items.length;
  const cols = keys.map((k) => (k.key ? items.map((x) => k.key!(x)) : (items as unknown[])));
  const idx = Array.from({ length: n }, (_v, i) => i);
  idx.sort((p, q) => {
    for (let l = 0; l < keys.length; l++) {
      const k = keys[l]!;
      const c = k.f(cols[l]![p], cols[l]![q]);
      if (c) return k.desc ? -c : c;
    }
    return p - q;
  });
  return idx.map((i) => items[i]!);
}
export function linqOrderBy<T, K>(src: Seq<T>, key: ((x: T) => K) | null, desc: boolean, comparer?: Comparer): Iterable<T> {
  const s = seq<T>(src);
  if (key !== null) need(key, "keySelector");
  return new Ordered(s, [{ key: key as SortKey["key"], desc, f: comparerFn(comparer) }]);
}
export function linqThenBy<T, K>(src: Seq<T>, key: (x: T) => K, desc: boolean, comparer?: Comparer): Iterable<T> {
  need(src, "source");
  need(key, "keySelector");
  const k: SortKey = { key: key as SortKey["key"], desc, f: comparerFn(comparer) };
  if (src instanceof Ordered) return new Ordered(src.source, [...src.keys, k]);
  return new Ordered(seq<T>(src), [{ key: null, desc: false, f: () => 0 }, k]);
}

// ---- ToLookup (immediate, unlike GroupBy) ---------------------------------------------------------
/** Lookup<TKey, TElement>: groups in first-seen order; a missing key gives an empty sequence; null is a key. */
export class Lookup<K, T> implements Iterable<T[] & { Key: K }> {
  readonly $typeName = "System.Linq.Lookup`2";
  private readonly byKey: EqLookup<T[] & { Key: K }>;
  private readonly groups: (T[] & { Key: K })[] = [];
  constructor(comparer: unknown) {
    this.byKey = new EqLookup<T[] & { Key: K }>(comparer);
  }
  add(k: K, x: T): void {
    let g = this.byKey.get(k);
    if (!g) {
      g = Object.assign([] as T[], { Key: k });
      this.byKey.set(k, g);
      this.groups.push(g);
    }
    g.push(x);
  }
  get Count(): number {
    return this.groups.length;
  }
  Item(k: K): Iterable<T> {
    return this.byKey.get(k) ?? [];
  }
  Contains(k: K): boolean {
    return this.byKey.get(k) !== undefined;
  }
  [Symbol.iterator](): Iterator<T[] & { Key: K }> {
    return this.groups[Symbol.iterator]();
  }
}
/** ToLookup(keySelector[, elementSelector][, comparer]): reads the source at once; keys equal by the comparer (equality.ts). */
export function linqToLookup<T, K, E>(src: Seq<T>, key: (x: T) => K, elem?: ((x: T) => E) | null, comparer: unknown = null): Lookup<K, E | T> {
  const s = seq<T>(src);
  need(key, "keySelector");
  if (elem === null) throw argumentNull("elementSelector");
  const l = new Lookup<K, E | T>(comparer);
  for (const x of s) l.add(key(x), elem ? elem(x) : x);
  return l;
}

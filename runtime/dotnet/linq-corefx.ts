// Test-only emulation of corefx's System.Linq partitions (Mono's LINQ; linq.ts corefxLinq), used by the
// fuzzer to tell Mono-vs-.NET Framework differences from bugs. Never on in the gateway: .NET Framework's
// System.Core, which APIM runs, has none of these shortcuts.
//
// corefx (src/System.Linq/src/System/Linq/Partition.cs, Skip.cs, Take.cs, Select.cs, OrderedEnumerable.cs):
// Skip/Take over a list is a ListPartition (indexes, nothing pulled for the skipped), over another
// sequence an EnumerablePartition; Skip/Take of a partition narrows its index range without reading
// anything and is empty at once when the range is (Take(2).Skip(3)); a one-argument Select over a list or
// a partition passes Skip/Take/ElementAt through (no selector for the skipped); OrderBy(..).Skip/Take is
// an OrderedPartition that computes no keys when nothing is left; an ordered sequence counts its source
// without keys, ElementAt past the end computes no keys, and First/Last compute keys only for the elements
// they compare (CachingComparer: those that match the predicate, deeper levels only on a tie).
import { Deferred, linqCount } from "./linq.js";

export type Found<T> = { found: boolean; value?: T };
/** The corefx IPartition members a sequence answers (set only while corefxLinq is on). */
export interface Partition<T> {
  $skip(n: number): Iterable<T>;
  $take(n: number): Iterable<T>;
  $at?(i: number): Found<T>;
  $count?(): number;
}
const MAX = 2147483647;
const none = <T>(): Found<T> => ({ found: false });

export function isPartition<T>(s: unknown): s is Partition<T> & Iterable<T> {
  return s !== null && typeof s === "object" && typeof (s as { $skip?: unknown }).$skip === "function";
}
function withOps<T>(d: Deferred<T>, ops: Partition<T>): Deferred<T> & Partition<T> {
  return Object.assign(d, ops);
}

/** EmptyPartition: nothing, whatever is skipped or taken. */
export function emptyPartition<T>(): Deferred<T> & Partition<T> {
  const d: Deferred<T> & Partition<T> = withOps(new Deferred<T>(() => ([] as T[])[Symbol.iterator]()), { $skip: () => d, $take: () => d, $at: () => none<T>(), $count: () => 0 });
  return d;
}

/** ListPartition: list[min..max], read by index at enumeration. */
export function listPartition<T>(list: T[], min: number, max: number): Deferred<T> & Partition<T> {
  const d: Deferred<T> & Partition<T> = withOps(
    new Deferred<T>(function* () {
      for (let i = min; i <= max && i < list.length; i++) yield list[i]!;
    }),
    {
      $skip: (n) => (min + n > max ? emptyPartition<T>() : listPartition(list, min + n, max)),
      $take: (n) => (min + n - 1 >= max ? d : listPartition(list, min, min + n - 1)),
      $at: (i) => (i >= 0 && i <= max - min && min + i < list.length ? { found: true, value: list[min + i] } : none()),
      $count: () => Math.max(0, Math.min(list.length - 1, max) - min + 1),
    },
  );
  (d as { $list?: boolean }).$list = true;
  return d;
}

/** EnumerablePartition: the source's elements min..max (max -1: no limit), pulling the skipped ones. */
export function enumerablePartition<T>(source: Iterable<T>, min: number, max: number): Deferred<T> & Partition<T> {
  const limit = max === -1 ? Infinity : max - min + 1;
  const d: Deferred<T> & Partition<T> = withOps(
    new Deferred<T>(function* () {
      const it = source[Symbol.iterator]();
      try {
        for (let k = 0; k < min; k++) if (it.next().done) return;
        for (let k = 0; k < limit; k++) {
          const r = it.next();
          if (r.done) return;
          yield r.value;
        }
      } finally {
        it.return?.();
      }
    }),
    {
      $skip: (n) => {
        const m = min + n;
        if (max === -1) return enumerablePartition(source, m, -1);
        return m > max ? emptyPartition<T>() : enumerablePartition(source, m, max);
      },
      $take: (n) => {
        const m = min + n - 1;
        if (max === -1) return enumerablePartition(source, min, m);
        return m >= max ? d : enumerablePartition(source, min, m);
      },
      $at: (i) => {
        if (i < 0 || i >= limit) return none();
        const it = source[Symbol.iterator]();
        try {
          for (let k = 0; k < min + i; k++) if (it.next().done) return none();
          const r = it.next();
          return r.done ? none() : { found: true, value: r.value };
        } finally {
          it.return?.();
        }
      },
      $count: () => {
        if (max === -1) return Math.max(0, linqCount(source) - min);
        const it = source[Symbol.iterator]();
        let n = 0;
        try {
          while (n < max + 1 && !it.next().done) n++;
        } finally {
          it.return?.();
        }
        return Math.max(0, n - min);
      },
    },
  );
  return d;
}

/** corefx's Skip(source, n): a partition narrows, a list indexes, another sequence is an EnumerablePartition. */
export function corefxSkip<T>(s: Iterable<T>, n: number): Iterable<T> {
  if (n <= 0) {
    if (isPartition(s) || s instanceof Deferred) return s;
    n = 0;
  } else if (isPartition<T>(s)) return s.$skip(n);
  return Array.isArray(s) ? listPartition(s as T[], n, MAX) : enumerablePartition(s, n, -1);
}
/** corefx's Take(source, n). */
export function corefxTake<T>(s: Iterable<T>, n: number): Iterable<T> {
  if (n <= 0) return emptyPartition<T>();
  if (isPartition<T>(s)) return s.$take(n);
  return Array.isArray(s) ? listPartition(s as T[], 0, n - 1) : enumerablePartition(s, 0, n - 1);
}

/** SelectListIterator / SelectIPartitionIterator: Skip, Take and ElementAt pass through to the source. */
export function selectPartition<T, R>(d: Deferred<R>, s: Iterable<T>, f: (x: T, i: number) => R): Deferred<R> & Partition<R> {
  const src: Partition<T> = Array.isArray(s) ? listPartition(s as T[], 0, MAX) : (s as unknown as Partition<T>);
  const over = (p: Iterable<T>): Iterable<R> => {
    const e = new Deferred<R>(function* () {
      for (const x of p) yield f(x, 0);
    });
    return isPartition<T>(p) ? selectPartition(e, p, f) : e;
  };
  // Concat counts a Select over a list without its selectors (Concat2Iterator.GetCount, as Mono answers)
  if (Array.isArray(s) || (s as { $list?: boolean }).$list) (d as { $cheapCount?: () => number }).$cheapCount = () => src.$count!();
  return withOps(d, {
    $skip: (n) => over(src.$skip(n)),
    $take: (n) => over(src.$take(n)),
    $at: (i) => {
      if (!src.$at) {
        let k = 0;
        for (const x of s) if (k++ === i) return { found: true, value: f(x, 0) };
        return none();
      }
      const r = src.$at(i);
      return r.found ? { found: true, value: f(r.value as T, 0) } : none();
    },
  });
}

/** One level of an ordering: its key selector (null: the element), direction and comparison. */
export type OrderKey = { key: ((x: unknown) => unknown) | null; desc: boolean; f: (a: unknown, b: unknown) => number };

/**
 * OrderedEnumerable's partition members: `source` is what it sorts, `sort` sorts a buffer (every key
 * of every level, as EnumerableSorter.ComputeMap does).
 */
export function orderedOps<T>(source: Iterable<T>, keys: OrderKey[], sort: (items: T[]) => T[]): Partition<T> & { $first(p?: (x: T) => boolean): Found<T>; $last(p?: (x: T) => boolean): Found<T> } {
  const at = (i: number): Found<T> => {
    if (i === 0) return cachingPick(source, keys, undefined, true);
    if (i < 0) return none();
    const items = Array.from(source);
    return i < items.length ? { found: true, value: sort(items)[i] } : none();
  };
  return {
    $skip: (n) => orderedPartition(source, sort, at, n, MAX),
    $take: (n) => orderedPartition(source, sort, at, 0, n - 1),
    $at: at,
    $count: () => linqCount(source),
    $first: (p) => cachingPick(source, keys, p, true),
    $last: (p) => cachingPick(source, keys, p, false),
  };
}
function orderedPartition<T>(source: Iterable<T>, sort: (items: T[]) => T[], at: (i: number) => Found<T>, min: number, max: number): Deferred<T> & Partition<T> {
  const d: Deferred<T> & Partition<T> = withOps(
    new Deferred<T>(function* () {
      const items = Array.from(source);
      if (items.length > min) yield* sort(items).slice(min, Math.min(max, items.length - 1) + 1);
    }),
    {
      $skip: (n) => (min + n > max ? emptyPartition<T>() : orderedPartition(source, sort, at, min + n, max)),
      $take: (n) => (min + n - 1 >= max ? d : orderedPartition(source, sort, at, min, min + n - 1)),
      $at: (i) => (i >= 0 && i <= max - min ? at(i + min) : none()),
      $count: () => {
        const c = linqCount(source);
        return c <= min ? 0 : Math.min(c - 1, max) - min + 1;
      },
    },
  );
  return d;
}
/**
 * OrderedEnumerable.TryGetFirst/TryGetLast(predicate) with CachingComparer(WithChild): the first
 * matching element's keys (every level), then each later matching element's first-level key, deeper
 * keys only on a tie; a later element replaces the kept one when it sorts first (last: not after).
 */
function cachingPick<T>(source: Iterable<T>, keys: OrderKey[], pred: ((x: T) => boolean) | undefined, first: boolean): Found<T> {
  const keyOf = (l: number, x: T) => (keys[l]!.key ? keys[l]!.key!(x) : x);
  let value: T | undefined;
  let found = false;
  let last: unknown[] = [];
  const setElement = (x: T, from: number) => {
    for (let l = from; l < keys.length; l++) last[l] = keyOf(l, x);
  };
  for (const x of source) {
    if (pred && !pred(x)) continue;
    if (!found) {
      found = true;
      value = x;
      last = [];
      setElement(x, 0);
      continue;
    }
    for (let l = 0; l < keys.length; l++) {
      const k = keys[l]!;
      const nk = keyOf(l, x);
      const c = k.desc ? k.f(last[l], nk) : k.f(nk, last[l]);
      if (c === 0 && l < keys.length - 1) continue;
      if (first ? c < 0 : c >= 0) {
        value = x;
        last[l] = nk;
        setElement(x, l + 1);
      }
      break;
    }
  }
  return found ? { found, value } : none();
}

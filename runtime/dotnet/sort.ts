// Array.Sort / List<T>.Sort as .NET Framework's ArraySortHelper<T> does them: introsort (insertion
// sort up to 16 elements, median-of-three quicksort, heapsort past the depth limit), so the order of
// equal elements, the comparer's call sequence and what a throwing or inconsistent comparer does are
// .NET's. (Enumerable.OrderBy is a different, stable sort: linq.ts.)
import { DotNetException, argumentError, argumentNull, nullReference, toDotNetException } from "../errors.js";
import { cmp } from "./core.js";
import { strCompare } from "./string.js";
import { bumpVersion } from "./linq.js";

type Compare<T> = (x: T, y: T) => number;

/** An inconsistent comparer walked off the array (.NET: IndexOutOfRangeException, then this). */
class BadComparer extends Error {}
const BAD_COMPARER =
  "Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results.";

function floorLog2(n: number): number {
  let r = 0;
  while (n >= 1) {
    r++;
    n = Math.floor(n / 2);
  }
  return r;
}

/** Sorts a[lo .. lo+length) in place (ArraySortHelper<T>.IntrospectiveSort). */
export function introSort<T>(a: T[], lo: number, length: number, compare: Compare<T>): void {
  if (length < 2) return;
  const at = (i: number): T => {
    if (i < lo || i >= lo + length) throw new BadComparer();
    return a[i]!;
  };
  const swap = (i: number, j: number) => {
    if (i !== j) {
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  };
  const swapIfGreater = (i: number, j: number) => {
    if (i !== j && compare(a[i]!, a[j]!) > 0) {
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
  };
  const insertionSort = (l: number, h: number) => {
    for (let i = l; i < h; i++) {
      let j = i;
      const t = a[i + 1]!;
      while (j >= l && compare(t, a[j]!) < 0) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = t;
    }
  };
  const downHeap = (i: number, n: number, l: number) => {
    const d = a[l + i - 1]!;
    while (i <= n >> 1) {
      let child = 2 * i;
      if (child < n && compare(a[l + child - 1]!, a[l + child]!) < 0) child++;
      if (!(compare(d, a[l + child - 1]!) < 0)) break;
      a[l + i - 1] = a[l + child - 1]!;
      i = child;
    }
    a[l + i - 1] = d;
  };
  const heapSort = (l: number, h: number) => {
    const n = h - l + 1;
    for (let i = n >> 1; i >= 1; i--) downHeap(i, n, l);
    for (let i = n; i > 1; i--) {
      swap(l, l + i - 1);
      downHeap(1, i - 1, l);
    }
  };
  const partition = (l: number, h: number): number => {
    const middle = l + ((h - l) >> 1);
    swapIfGreater(l, middle);
    swapIfGreater(l, h);
    swapIfGreater(middle, h);
    const pivot = a[middle]!;
    swap(middle, h - 1);
    let left = l;
    let right = h - 1;
    while (left < right) {
      while (compare(at(++left), pivot) < 0);
      while (compare(pivot, at(--right)) < 0);
      if (left >= right) break;
      swap(left, right);
    }
    swap(left, h - 1);
    return left;
  };
  const sort = (l: number, h: number, depth: number): void => {
    while (h > l) {
      const size = h - l + 1;
      if (size <= 16) {
        if (size === 1) return;
        if (size === 2) return swapIfGreater(l, h);
        if (size === 3) {
          swapIfGreater(l, h - 1);
          swapIfGreater(l, h);
          swapIfGreater(h - 1, h);
          return;
        }
        return insertionSort(l, h);
      }
      if (depth === 0) return heapSort(l, h);
      depth--;
      const p = partition(l, h);
      sort(p + 1, h, depth);
      h = p - 1;
    }
  };
  sort(lo, lo + length - 1, 2 * floorLog2(a.length));
}

/**
 * Runs the sort the way ArraySortHelper<T>.Sort does: an exception from the comparer becomes
 * InvalidOperationException("Failed to compare two elements in the array."), an
 * IndexOutOfRangeException (or walking off the array) an ArgumentException about a bad comparer.
 */
function guarded<T>(a: T[], compare: Compare<T>): void {
  try {
    introSort(a, 0, a.length, compare);
  } catch (e) {
    if (e instanceof BadComparer || (e instanceof DotNetException && e.type === "System.IndexOutOfRangeException")) throw argumentError(BAD_COMPARER);
    if (e instanceof DotNetException || (e instanceof TypeError && /null|undefined/.test(e.message))) {
      const inner = toDotNetException(e);
      throw new DotNetException("System.InvalidOperationException", "Failed to compare two elements in the array.", inner);
    }
    throw e;
  }
}

/** Comparer<T>.Default: strings by the current culture, other values by their CompareTo. */
function defaultCompare(x: unknown, y: unknown): number {
  return typeof x === "string" && typeof y === "string" ? strCompare(x, y, 0) : cmp(x, y);
}

/** Array.Sort(T[]) and List<T>.Sort() (which also counts as a change of the list). */
export function arraySort<T>(a: T[] | null): void {
  if (a === null || a === undefined) throw argumentNull("array");
  guarded(a, defaultCompare);
  bumpVersion(a);
}
/** List<T>.Sort(Comparison<T>): .NET Framework's version does not change the list's version. */
export function listSortWith<T>(a: T[], f: Compare<T> | null): void {
  if (f === null || f === undefined) throw argumentNull("comparison");
  if (a.length > 0) guarded(a, f);
}
/** `s.CompareTo(strB)`: the culture comparison; a null `s` is a NullReferenceException (comparers often hit it). */
export function strCompareTo(s: string | null, strB: string | null): number {
  if (s === null || s === undefined) throw nullReference();
  return strCompare(s, strB, 0);
}

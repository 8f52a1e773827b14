// IEqualityComparer<T> at run time. A policy holds a comparer in its own form (a StringComparer is its
// StringComparison code 0-5, JToken.EqualityComparer an object with Equals and $key, a Dictionary's or
// HashSet's .Comparer EqualityComparer<T>.Default by name, HashSet<T>.CreateSetComparer() a named
// object, null the default); `eqComparer` turns each into one shape, Equals plus a hash key, that the
// LINQ operators, Lookup, Dictionary and HashSet use as .NET's Set<T>/Lookup/Dictionary use a
// comparer: two items are equal when their hash keys are the same JS value AND Equals says so.
// `null` stands for EqualityComparer<T>.Default (each caller keeps its own default path).
import { objEquals } from "./core.js";
import { boxedKey } from "./decimal.js";
import { strEquals, upperInv } from "./string.js";

export interface EqComparer {
  Equals(a: unknown, b: unknown): boolean;
  /** A JS Map key: equal items give the same key (unequal ones may too; Equals decides then). */
  GetHashCode(v: unknown): unknown;
}

/** The hash of null: .NET's Set<T>/Lookup give null hash 0 without asking the comparer. */
const NULL_HASH = Symbol("null");
const CULTURE_HASH = Symbol("culture");
function stringComparer(code: number): EqComparer {
  // Ordinal: the text; OrdinalIgnoreCase: the invariant upper case (one UTF-16 unit to one: "ß" stays,
  // so "ß" and "SS" differ); culture comparers: one bucket, equality by the collation walk (ß = ss,
  // é = e + U+0301, ignorable characters ignored), which has no cheaper key here
  const hash = code === 4 ? (s: string) => s : code === 5 ? (s: string) => upperInv(s) : () => CULTURE_HASH;
  return {
    Equals: (a, b) => strEquals(a as string | null, b as string | null, code),
    GetHashCode: (v) => (v === null || v === undefined ? NULL_HASH : hash(v as string)),
  };
}
const STRING_COMPARERS = [0, 1, 2, 3, 4, 5].map(stringComparer);

/** The comparer a policy value stands for; null for EqualityComparer<T>.Default (and for null). */
export function eqComparer(c: unknown): EqComparer | null {
  if (c === null || c === undefined) return null;
  if (typeof c === "number") return STRING_COMPARERS[c] ?? null;
  const o = c as { $eq?: EqComparer; $key?(v: unknown): unknown; Equals?(a: unknown, b: unknown): boolean };
  if (o.$eq) return o.$eq;
  // JToken.EqualityComparer (json-io.ts): DeepEquals, hashed by its deep key
  if (typeof o.$key === "function" && typeof o.Equals === "function") {
    const k = o.$key.bind(o);
    const e = o.Equals.bind(o);
    return { Equals: e, GetHashCode: (v) => (v === null || v === undefined ? NULL_HASH : k(v)) };
  }
  return null;
}

// ---- EqualityComparer<T>.Default as a key (for HashSet<T>.CreateSetComparer's hash) ---------------
const ids = new WeakMap<object, number>();
let nextId = 0;
/** A string equal for items EqualityComparer<T>.Default calls equal (0 and -0, NaN and NaN, equal boxes). */
export function defaultKey(v: unknown): string {
  if (v === null || v === undefined) return "n";
  if (typeof v === "number") return v === 0 ? "d0" : `d${v}`;
  if (typeof v !== "object") return `${(typeof v)[0]}${String(v)}`;
  const b = boxedKey(v);
  if (b !== null) return `b${b}`;
  const id = ids.get(v) ?? (ids.set(v, ++nextId), nextId);
  return `o${id}`;
}

type AnySet = Set<unknown> & { comparer?: unknown };
/**
 * HashSet<T>.CreateSetComparer(): HashSetEqualityComparer<T> (.NET Framework HashSet.cs HashSetEquals):
 * two sets with the same comparer are equal when they have the same count and one contains the other's
 * items; with different comparers, when every item of the second has a default-equal item in the first.
 * The hash is over the items' default hashes (XOR in .NET): here their sorted default keys.
 */
export const setEqComparer: EqComparer = {
  Equals(a, b) {
    const x = a as AnySet | null;
    const y = b as AnySet | null;
    if (x === null || x === undefined) return y === null || y === undefined;
    if (y === null || y === undefined) return false;
    if ((x.comparer ?? null) === (y.comparer ?? null)) {
      if (x.size !== y.size) return false;
      for (const v of y) if (!x.has(v)) return false;
      return true;
    }
    for (const v of y) {
      let found = false;
      for (const w of x) if (v === w || (v !== v && w !== w) || objEquals(v, w)) found = true;
      if (!found) return false;
    }
    return true;
  },
  GetHashCode(v) {
    if (v === null || v === undefined) return NULL_HASH;
    return [...new Set([...(v as AnySet)].map(defaultKey))].sort().join("\u0000");
  },
};

/**
 * Items found by a comparer: buckets by hash key, Equals within a bucket (.NET's Set<T>/Lookup).
 * `get` returns the stored entry for an item equal to k.
 */
export class ComparerTable<V> {
  private buckets = new Map<unknown, [unknown, V][]>();
  constructor(readonly cmp: EqComparer) {}
  entry(k: unknown): [unknown, V] | undefined {
    const b = this.buckets.get(this.cmp.GetHashCode(k));
    if (b) for (const e of b) if (this.cmp.Equals(e[0], k)) return e;
    return undefined;
  }
  set(k: unknown, v: V): void {
    const h = this.cmp.GetHashCode(k);
    const b = this.buckets.get(h);
    if (b) b.push([k, v]);
    else this.buckets.set(h, [[k, v]]);
  }
  delete(k: unknown): boolean {
    const h = this.cmp.GetHashCode(k);
    const b = this.buckets.get(h);
    if (!b) return false;
    const i = b.findIndex((e) => this.cmp.Equals(e[0], k));
    if (i < 0) return false;
    b.splice(i, 1);
    if (!b.length) this.buckets.delete(h);
    return true;
  }
  clear(): void {
    this.buckets.clear();
  }
}

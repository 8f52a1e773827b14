// Collection members of the allow-list beyond the basic ones: List<T>.AsReadOnly / Array.AsReadOnly
// (a live read-only view: a Proxy that forwards reads and refuses writes), ICollection<T>.IsReadOnly,
// Dictionary/HashSet Comparer (EqualityComparer<T>.Default by its .NET Framework class name, or the
// StringComparer given) and HashSet<T>.CreateSetComparer().
import { argumentNull, DotNetException, nullReference } from "../errors.js";
import { ClrObject } from "./clr-object.js";
import { listIndexOf } from "./linq.js";
import { setEqComparer, type EqComparer } from "./equality.js";

const notSupported = (message: string) => new DotNetException("System.NotSupportedException", message);
const READ_ONLY = new WeakSet<object>();
const readOnly = (): never => {
  throw notSupported("Collection is read-only.");
};

/** AsReadOnly(): a ReadOnlyCollection<T> over `list` (its changes show through; writes throw NotSupportedException). */
export function asReadOnly<T>(list: T[] | null, param: string | null, name: string): T[] {
  if (list === null || list === undefined) {
    if (param === null) throw nullReference();
    throw argumentNull(param);
  }
  const view = new Proxy(list, {
    get: (t, k) => (k === "$typeName" ? name : Reflect.get(t, k, t)),
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
  READ_ONLY.add(view);
  if (param === "array") OVER_ARRAY.add(view);
  return view;
}

/** Views Array.AsReadOnly made (over a T[], whose IList<T>.IndexOf Mono implements apart). */
const OVER_ARRAY = new WeakSet<object>();
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono's
 * IList<T>.IndexOf of an array (InternalArray__IndexOf) calls Equals on each element, so a null
 * element before the match throws NullReferenceException; .NET Framework's SZArrayHelper.IndexOf is
 * Array.IndexOf (EqualityComparer<T>.Default: -1 or the index).
 */
export const monoArrayIndexOf = { on: false };

/** ReadOnlyCollection<T>.IndexOf: the wrapped list's IndexOf. */
export function roIndexOf<T>(view: T[], v: T): number {
  const i = listIndexOf(view, v);
  if (monoArrayIndexOf.on && OVER_ARRAY.has(view) && v !== null && v !== undefined) {
    for (let j = 0; j < (i < 0 ? view.length : i); j++) if (view[j] === null || view[j] === undefined) throw nullReference();
  }
  return i;
}

/**
 * A StringComparer's ToString(), its class name: .NET Framework's are CultureAwareComparer (the
 * culture ones, Create) and OrdinalComparer (Ordinal and OrdinalIgnoreCase alike: reference source
 * StringComparer.cs `new OrdinalComparer(false)` / `(true)`). A comparer here is its StringComparison
 * code (0-5); another comparer object prints its own name.
 */
const STRING_COMPARER_NAMES = ["System.CultureAwareComparer", "System.CultureAwareComparer", "System.CultureAwareComparer", "System.CultureAwareComparer", "System.OrdinalComparer", "System.OrdinalComparer"];
/**
 * Test-only switch (the fuzzer's Mono emulation, test/differential/generate/fuzz.ts): Mono's
 * StringComparer is corefx's, whose ordinal comparers are OrdinalCaseSensitiveComparer and
 * OrdinalIgnoreCaseComparer.
 */
export const monoComparerNames = { on: false };
const MONO_ORDINAL_NAMES = ["System.OrdinalCaseSensitiveComparer", "System.OrdinalIgnoreCaseComparer"];
export function comparerToString(c: unknown): string {
  if (c === null || c === undefined) throw nullReference();
  if (typeof c === "number") return monoComparerNames.on && c >= 4 ? MONO_ORDINAL_NAMES[c - 4]! : STRING_COMPARER_NAMES[c] ?? String(c);
  return String((c as { ToString(): string }).ToString());
}

/** ICollection<T>.IsReadOnly: an array (T[]) and a read-only view are; List, HashSet, Dictionary are not. */
export function collIsReadOnly(c: unknown): boolean {
  if (c === null || c === undefined) throw nullReference();
  if (READ_ONLY.has(c as object) || c instanceof Uint8Array) return true;
  const n = (c as { $typeName?: unknown }).$typeName;
  return typeof n === "string" && n.endsWith("[]");
}

/** An EqualityComparer<T>.Default (or HashSetEqualityComparer) as a policy sees it: its class name. */
class NamedComparer extends ClrObject {
  constructor(
    readonly $typeName: string,
    /** How it compares (equality.ts); absent: EqualityComparer<T>.Default. */
    readonly $eq?: EqComparer,
  ) {
    super();
  }
  Equals(o: unknown): boolean {
    return o instanceof NamedComparer && o.$typeName === this.$typeName;
  }
}
const DEFAULTS = new Map<string, NamedComparer>();
/** EqualityComparer<T>.Default: one object per T, as .NET caches it. */
export function defaultComparer(name: string): NamedComparer {
  let c = DEFAULTS.get(name);
  if (!c) DEFAULTS.set(name, (c = new NamedComparer(name)));
  return c;
}
/** Dictionary.Comparer / HashSet.Comparer: the StringComparer the collection was made with, else the default. */
export function collComparer(c: unknown, defaultName: string): unknown {
  if (c === null || c === undefined) throw nullReference();
  const given = (c as { comparer?: unknown }).comparer;
  return given === null || given === undefined ? defaultComparer(defaultName) : given;
}
/** HashSet<T>.CreateSetComparer(): a new comparer each call, Equals to any other of the same T. */
export const newSetComparer = (name: string): NamedComparer => new NamedComparer(name, setEqComparer);

// Enumerable.Join / GroupJoin, deferred: at the first MoveNext the inner sequence is grouped by key
// (default equality; .NET Framework does this even when the outer sequence is empty), then each outer
// item in order with its matches in inner order. A null key matches nothing, as in .NET's Lookup.
import { argumentNull } from "../errors.js";
import { objEquals } from "./core.js";
import { corefxLinq, seq } from "./linq.js";
import { Deferred } from "./linq-deferred.js";
import { eqComparer } from "./equality.js";

type Seq<T> = Iterable<T> | null;
const eq = (a: unknown, b: unknown) => a === b || objEquals(a, b);
type Same = (a: unknown, b: unknown) => boolean;
/** Key equality: the comparer's (hash, then Equals: equality.ts) or the default. */
function sameBy(comparer: unknown): Same {
  const c = eqComparer(comparer);
  return c ? (a, b) => c.GetHashCode(a) === c.GetHashCode(b) && c.Equals(a, b) : eq;
}
function lookup<TI, K>(inner: Seq<TI>, innerKey: (x: TI) => K, same: Same): { key: K; items: TI[] }[] {
  const groups: { key: K; items: TI[] }[] = [];
  for (const x of seq<TI>(inner)) {
    const k = innerKey(x);
    if (k === null || k === undefined) continue;
    const g = groups.find((y) => same(y.key, k));
    if (g) g.items.push(x);
    else groups.push({ key: k, items: [x] });
  }
  return groups;
}
/** corefx (linq.ts corefxLinq) builds the inner lookup only after a first outer element. */
function emptyOuter(outer: Seq<unknown>): boolean {
  const it = seq<unknown>(outer)[Symbol.iterator]();
  const r = it.next();
  it.return?.();
  return !!r.done;
}
function check(...args: [unknown, string][]): void {
  for (const [v, name] of args) if (v === null || v === undefined) throw argumentNull(name);
}
export function linqJoin<TO, TI, K, R>(outer: Seq<TO>, inner: Seq<TI>, outerKey: (x: TO) => K, innerKey: (x: TI) => K, result: (o: TO, i: TI) => R, comparer: unknown = null): Iterable<R> {
  check([outer, "outer"], [inner, "inner"], [outerKey, "outerKeySelector"], [innerKey, "innerKeySelector"], [result, "resultSelector"]);
  const same = sameBy(comparer);
  return new Deferred(function* () {
    if (corefxLinq.on && emptyOuter(outer)) return;
    const groups = lookup(inner, innerKey, same);
    // corefx: no outer keys at all when the inner lookup is empty
    if (corefxLinq.on && groups.length === 0) return;
    for (const o of seq<TO>(outer)) {
      const k = outerKey(o);
      if (k === null || k === undefined) continue;
      for (const i of groups.find((g) => same(g.key, k))?.items ?? []) yield result(o, i);
    }
  });
}
export function linqGroupJoin<TO, TI, K, R>(outer: Seq<TO>, inner: Seq<TI>, outerKey: (x: TO) => K, innerKey: (x: TI) => K, result: (o: TO, i: TI[]) => R, comparer: unknown = null): Iterable<R> {
  check([outer, "outer"], [inner, "inner"], [outerKey, "outerKeySelector"], [innerKey, "innerKeySelector"], [result, "resultSelector"]);
  const same = sameBy(comparer);
  return new Deferred(function* () {
    if (corefxLinq.on && emptyOuter(outer)) return;
    const groups = lookup(inner, innerKey, same);
    for (const o of seq<TO>(outer)) {
      const k = outerKey(o);
      yield result(o, k === null || k === undefined ? [] : (groups.find((g) => same(g.key, k))?.items.slice() ?? []));
    }
  });
}

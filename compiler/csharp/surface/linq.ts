// System.Linq.Enumerable: extension methods over IEnumerable<T>, lowered to the `linq*` runtime
// helpers (which accept arrays, strings (as char codes), Maps (as KeyValuePairs) and any iterable).
import { js, literal, rt, type Code } from "../../codegen/code.js";
import { SM, type } from "./dsl.js";
import { isNullable, type LowerInfo } from "../types.js";

const L = (name: string) => (_r: Code, a: Code[]) => js`${rt(name)}(${a.map((x, i) => (i ? js`, ${x}` : x)).reduce((p, c) => js`${p}${c}`, js``)})`;
const S = "this IEnumerable<TSource> source";
/** default(T) for a non-nullable value type (the *OrDefault methods return it for an empty sequence). */
export function valueDefault(t: Type): Code | null {
  if (t.k !== "named" || !t.def.valueType || isNullable(t)) return null;
  const n = t.def.name;
  if (n === "bool") return js`false`;
  if (n === "DateTime") return js`${rt("DateTime")}.MinValue`;
  if (n === "TimeSpan") return js`${rt("TimeSpan")}.Zero`;
  if (n === "Guid") return js`"00000000-0000-0000-0000-000000000000"`;
  if (n === "KeyValuePair") return js`{ Key: ${valueDefault(t.args[0]!) ?? js`null`}, Value: ${valueDefault(t.args[1]!) ?? js`null`} }`;
  if (n === "DateTimeOffset") return null;
  if (n === "decimal") return js`${rt("Decimal")}.Zero`;
  return js`0`;
}
/** Min over float/double (or their nullables): the runtime's corefx emulation needs to know (linqMaxBy). */
function floatMin(t: Type): Code {
  const u = isNullable(t) && t.k === "named" ? t.args[0]! : t;
  return u.k === "named" && (u.def.name === "double" || u.def.name === "float") ? js`, true` : js``;
}
function isValueTypeOrNullable(t: Type): boolean {
  return t.k === "named" && t.def.valueType && !isNullable(t);
}
const OD = (name: string) => (r: Code, a: Code[], info: LowerInfo) => {
  const call = L(name)(r, a);
  const d = valueDefault(info.retType);
  return d ? js`(${call} ?? ${d})` : call;
};

type("System.Linq", "Enumerable", { isStatic: true }, [
  SM(`TSource First<TSource>(${S})`, L("linqFirst")),
  SM(`TSource First<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqFirst")),
  SM(`TSource FirstOrDefault<TSource>(${S})`, OD("linqFirstOrDefault")),
  SM(`TSource FirstOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, OD("linqFirstOrDefault")),
  // s.Split(c).Last(): the text after the last c, without the array.
  SM(`TSource Last<TSource>(${S})`, (r, a) => (a[0]!.shape?.kind === "splitOn" ? js`${rt("strSplitLast")}(${a[0]!.shape.of}, ${a[0]!.shape.sep})` : L("linqLast")(r, a))),
  SM(`TSource Last<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqLast")),
  SM(`TSource LastOrDefault<TSource>(${S})`, OD("linqLastOrDefault")),
  SM(`TSource LastOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, OD("linqLastOrDefault")),
  SM(`TSource Single<TSource>(${S})`, L("linqSingle")),
  SM(`TSource Single<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqSingle")),
  SM(`TSource SingleOrDefault<TSource>(${S})`, OD("linqSingleOrDefault")),
  SM(`TSource SingleOrDefault<TSource>(${S}, Func<TSource, bool> predicate)`, OD("linqSingleOrDefault")),
  SM(`TSource ElementAt<TSource>(${S}, int index)`, L("linqElementAt")),
  SM(`TSource ElementAtOrDefault<TSource>(${S}, int index)`, OD("linqElementAtOrDefault")),
  SM(`bool Any<TSource>(${S})`, L("linqAny")),
  SM(`bool Any<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqAny")),
  SM(`bool All<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqAll")),
  SM(`int Count<TSource>(${S})`, L("linqCount")),
  SM(`int Count<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqCount")),
  SM(`long LongCount<TSource>(${S})`, L("linqCount")),
  SM(`bool Contains<TSource>(${S}, TSource value)`, L("linqContains")),
  // (the comparer overloads: equality.ts; a null comparer is EqualityComparer<T>.Default)
  SM(`bool Contains<TSource>(${S}, TSource value, IEqualityComparer<TSource> comparer)`, L("linqContainsBy")),
  SM(`IEnumerable<TSource> Where<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqWhere")),
  SM(`IEnumerable<TSource> Where<TSource>(${S}, Func<TSource, int, bool> predicate)`, L("linqWhere")),
  SM(`IEnumerable<TResult> Select<TSource, TResult>(${S}, Func<TSource, TResult> selector)`, L("linqSelect")),
  SM(`IEnumerable<TResult> Select<TSource, TResult>(${S}, Func<TSource, int, TResult> selector)`, L("linqSelect")),
  SM(`IEnumerable<TResult> SelectMany<TSource, TResult>(${S}, Func<TSource, IEnumerable<TResult>> selector)`, L("linqSelectMany")),
  SM(`IEnumerable<TSource> Distinct<TSource>(${S})`, L("linqDistinct")),
  SM(`IEnumerable<TSource> Distinct<TSource>(${S}, IEqualityComparer<TSource> comparer)`, L("linqDistinct")),
  SM(`IEnumerable<TSource> Skip<TSource>(${S}, int count)`, L("linqSkip")),
  SM(`IEnumerable<TSource> Take<TSource>(${S}, int count)`, L("linqTake")),
  SM(`IEnumerable<TSource> SkipWhile<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqSkipWhile")),
  SM(`IEnumerable<TSource> TakeWhile<TSource>(${S}, Func<TSource, bool> predicate)`, L("linqTakeWhile")),
  SM(`IEnumerable<TSource> Reverse<TSource>(${S})`, L("linqReverse")),
  SM(`IEnumerable<TSource> Concat<TSource>(${S}, IEnumerable<TSource> second)`, L("linqConcat")),
  SM(
    "IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)",
    L("linqJoin"),
  ),
  SM(
    "IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector)",
    L("linqGroupJoin"),
  ),
  SM(
    "IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)",
    L("linqJoin"),
  ),
  SM(
    "IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)",
    L("linqGroupJoin"),
  ),
  SM(`IEnumerable<TSource> Append<TSource>(${S}, TSource element)`, L("linqAppend")),
  SM(`IEnumerable<TSource> Prepend<TSource>(${S}, TSource element)`, L("linqPrepend")),
  SM(`IEnumerable<TSource> Union<TSource>(${S}, IEnumerable<TSource> second)`, L("linqUnion")),
  SM(`IEnumerable<TSource> Intersect<TSource>(${S}, IEnumerable<TSource> second)`, L("linqIntersect")),
  SM(`IEnumerable<TSource> Except<TSource>(${S}, IEnumerable<TSource> second)`, L("linqExcept")),
  SM(`IEnumerable<TSource> Union<TSource>(${S}, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)`, L("linqUnion")),
  SM(`IEnumerable<TSource> Intersect<TSource>(${S}, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)`, L("linqIntersect")),
  SM(`IEnumerable<TSource> Except<TSource>(${S}, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)`, L("linqExcept")),
  SM(`IEnumerable<TSource> DefaultIfEmpty<TSource>(${S})`, (r, a, x) => {
    const d = valueDefault(x.typeArgs[0]!);
    return d ? js`${rt("linqDefaultIfEmpty")}(${a[0]}, ${d})` : L("linqDefaultIfEmpty")(r, a);
  }),
  SM(`IEnumerable<TSource> DefaultIfEmpty<TSource>(${S}, TSource defaultValue)`, L("linqDefaultIfEmpty")),
  SM(`IEnumerable<TSource> OrderBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, false)`),
  SM(`IEnumerable<TSource> OrderByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, true)`),
  SM(`IEnumerable<TSource> ThenBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, false)`),
  SM(`IEnumerable<TSource> ThenByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, true)`),
  SM(`IEnumerable<TSource> OrderBy<TSource>(${S})`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, null, false)`),
  SM(`IEnumerable<TSource> OrderBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, false, ${a[2]})`),
  SM(`IEnumerable<TSource> OrderByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)`, (_r, a) => js`${rt("linqOrderBy")}(${a[0]}, ${a[1]}, true, ${a[2]})`),
  SM(`IEnumerable<TSource> ThenBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, false, ${a[2]})`),
  SM(`IEnumerable<TSource> ThenByDescending<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)`, (_r, a) => js`${rt("linqThenBy")}(${a[0]}, ${a[1]}, true, ${a[2]})`),
  SM(`IEnumerable<TResult> Zip<TFirst, TSecond, TResult>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)`, L("linqZip")),
  SM(`TSource[] ToArray<TSource>(${S})`, L("toList")),
  SM(`List<TSource> ToList<TSource>(${S})`, L("toList")),
  SM(`Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, L("linqToDictionary")),
  SM(`Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)`, L("linqToDictionary")),
  SM(`HashSet<TSource> ToHashSet<TSource>(${S})`, (_r, a) => js`new ${rt("HashSet")}(${rt("seq")}(${a[0]}))`),
  SM(`HashSet<TSource> ToHashSet<TSource>(${S}, IEqualityComparer<TSource> comparer)`, (_r, a) => js`new ${rt("HashSet")}(${rt("seq")}(${a[0]}), ${a[1]})`),
  SM(`Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)`, (_r, a) => js`${rt("linqToDictionary")}(${a[0]}, ${a[1]}, undefined, ${a[2]})`),
  SM(`Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)`, L("linqToDictionary")),
  SM(`IEnumerable<TSource> AsEnumerable<TSource>(${S})`, (_r, a) => a[0]!),
  SM(`int Sum(this IEnumerable<int> source)`, L("linqSumInt")),
  SM(`long Sum(this IEnumerable<long> source)`, (_r, a) => js`${rt("lsum")}(${rt("seq")}(${a[0]}))`),
  SM(`double Sum(this IEnumerable<double> source)`, L("linqSum")),
  SM(`decimal Sum(this IEnumerable<decimal> source)`, (_r, a) => js`${rt("decSum")}(${rt("seq")}(${a[0]}))`),
  SM(`int Sum<TSource>(${S}, Func<TSource, int> selector)`, L("linqSumInt")),
  SM(`long Sum<TSource>(${S}, Func<TSource, long> selector)`, (_r, a) => js`${rt("lsum")}(${rt("seq")}(${a[0]}), ${a[1]})`),
  SM(`double Sum<TSource>(${S}, Func<TSource, double> selector)`, L("linqSum")),
  SM(`decimal Sum<TSource>(${S}, Func<TSource, decimal> selector)`, (_r, a) => js`${rt("decSum")}(${rt("linqSelect")}(${a[0]}, ${a[1]}))`),
  SM(`int Max(this IEnumerable<int> source)`, L("linqMax")),
  SM(`long Max(this IEnumerable<long> source)`, L("linqMax")),
  SM(`double Max(this IEnumerable<double> source)`, L("linqMax")),
  SM(`int Max<TSource>(${S}, Func<TSource, int> selector)`, L("linqMax")),
  SM(`double Max<TSource>(${S}, Func<TSource, double> selector)`, L("linqMax")),
  SM(`int Min(this IEnumerable<int> source)`, L("linqMin")),
  SM(`long Min(this IEnumerable<long> source)`, L("linqMin")),
  SM(`double Min(this IEnumerable<double> source)`, L("linqMin")),
  SM(`int Min<TSource>(${S}, Func<TSource, int> selector)`, L("linqMin")),
  SM(`double Min<TSource>(${S}, Func<TSource, double> selector)`, L("linqMin")),
  SM(`TSource Max<TSource>(${S})`, (_r, a, x) => js`${rt("linqMaxBy")}(${a[0]}, null, 1, ${!isValueTypeOrNullable(x.retType)})`),
  SM(`TResult Max<TSource, TResult>(${S}, Func<TSource, TResult> selector)`, (_r, a, x) => js`${rt("linqMaxBy")}(${a[0]}, ${a[1]}, 1, ${!isValueTypeOrNullable(x.retType)})`),
  SM(`TSource Min<TSource>(${S})`, (_r, a, x) => js`${rt("linqMaxBy")}(${a[0]}, null, -1, ${!isValueTypeOrNullable(x.retType)}${floatMin(x.retType)})`),
  SM(`TResult Min<TSource, TResult>(${S}, Func<TSource, TResult> selector)`, (_r, a, x) => js`${rt("linqMaxBy")}(${a[0]}, ${a[1]}, -1, ${!isValueTypeOrNullable(x.retType)}${floatMin(x.retType)})`),
  SM(`double Average(this IEnumerable<int> source)`, L("linqAverage")),
  SM(`double Average(this IEnumerable<double> source)`, L("linqAverage")),
  SM(`double Average(this IEnumerable<long> source)`, (_r, a) => js`${rt("lAverage")}(${rt("seq")}(${a[0]}))`),
  SM(`decimal Average(this IEnumerable<decimal> source)`, (_r, a) => js`${rt("decAverage")}(${rt("seq")}(${a[0]}))`),
  SM(`double Average<TSource>(${S}, Func<TSource, double> selector)`, L("linqAverage")),
  SM(`TSource Aggregate<TSource>(${S}, Func<TSource, TSource, TSource> func)`, L("linqAggregate")),
  SM(`TAccumulate Aggregate<TSource, TAccumulate>(${S}, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)`, (_r, a) => js`${rt("linqAggregateSeed")}(${a[0]}, ${a[1]}, ${a[2]})`),
  SM(`bool SequenceEqual<TSource>(${S}, IEnumerable<TSource> second)`, L("linqSequenceEqual")),
  SM(`bool SequenceEqual<TSource>(${S}, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)`, L("linqSequenceEqual")),
  // GroupBy's eight shapes: linqGroupBy(source, key, element?, result?, comparer?)
  SM(`IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, L("linqGroupBy")),
  SM(`IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)`, (_r, a) => js`${rt("linqGroupBy")}(${a[0]}, ${a[1]}, undefined, undefined, ${a[2]})`),
  SM(`IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)`, L("linqGroupBy")),
  SM(`IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)`, (_r, a) => js`${rt("linqGroupBy")}(${a[0]}, ${a[1]}, ${a[2]}, undefined, ${a[3]})`),
  SM(`IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(${S}, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector)`, (_r, a) => js`${rt("linqGroupBy")}(${a[0]}, ${a[1]}, undefined, ${a[2]})`),
  SM(`IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector)`, L("linqGroupBy")),
  SM(`IEnumerable<TResult> GroupBy<TSource, TKey, TResult>(${S}, Func<TSource, TKey> keySelector, Func<TKey, IEnumerable<TSource>, TResult> resultSelector, IEqualityComparer<TKey> comparer)`, (_r, a) => js`${rt("linqGroupBy")}(${a[0]}, ${a[1]}, undefined, ${a[2]}, ${a[3]})`),
  SM(`IEnumerable<TResult> GroupBy<TSource, TKey, TElement, TResult>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, Func<TKey, IEnumerable<TElement>, TResult> resultSelector, IEqualityComparer<TKey> comparer)`, L("linqGroupBy")),
  SM(`ILookup<TKey, TSource> ToLookup<TSource, TKey>(${S}, Func<TSource, TKey> keySelector)`, L("linqToLookup")),
  SM(`ILookup<TKey, TSource> ToLookup<TSource, TKey>(${S}, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)`, (_r, a) => js`${rt("linqToLookup")}(${a[0]}, ${a[1]}, undefined, ${a[2]})`),
  SM(`ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)`, L("linqToLookup")),
  SM(`ILookup<TKey, TElement> ToLookup<TSource, TKey, TElement>(${S}, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)`, L("linqToLookup")),
  // Cast<T>/OfType<T> over a sequence of a value type decide statically (the elements are plain JS
  // values, not boxes): to its own type, Nullable or a base (object, an interface) every element
  // (boxed: Cast<object>() of ints and of doubles must stay tellable apart), to any other type none
  // (OfType) or InvalidCastException at the first element (Cast). Over references: a run-time test.
  SM(`IEnumerable<TResult> Cast<TResult>(this IEnumerable source)`, (_r, a, x) => {
    const elem = elementType(x.argTypes[0]!);
    const t = x.typeArgs[0]!;
    if (elem && isValueTypeOrNullable(elem)) {
      if (sameType(elem, t) || (isNullable(t) && sameType(underlyingNullable(t), elem))) return a[0]!;
      if (isBase(elem, t)) return js`${rt("linqCast")}(${a[0]}, ${boxer(elem)})`;
      // a boxed char is a 1-char string, which string accepts: a stand-in only char would accept
      const boxed = isNamed(elem, "char") ? js`{ $typeName: "System.Char" }` : js`${boxer(elem)}(v)`;
      return js`${rt("linqCast")}(${a[0]}, (v) => ${rt("castTo")}(${boxed}, ${literal(typeName(t))}))`;
    }
    if (elem && (sameType(elem, t) || isBase(elem, t))) return a[0]!;
    return js`${rt("linqCast")}(${a[0]}, ${caster(t)})`;
  }),
  SM(`IEnumerable<TResult> OfType<TResult>(this IEnumerable source)`, (_r, a, x) => {
    const elem = elementType(x.argTypes[0]!);
    const t = x.typeArgs[0]!;
    if (elem && isValueType(elem)) {
      const nonNull = js`${rt("linqOfType")}(${a[0]}, null)`;
      if (sameType(underlyingNullable(elem), underlyingNullable(t))) return nonNull;
      if (isBase(underlyingNullable(elem), t)) return js`${rt("linqSelect")}(${nonNull}, ${boxer(underlyingNullable(elem))})`;
      return js`${rt("linqOfType")}(${a[0]}, () => false)`;
    }
    const found = js`${rt("linqOfType")}(${a[0]}, ${typeTest(t)})`;
    // OfType<long>() and the other boxed value types: the values come out of their boxes
    const n = t.k === "named" && t.def.ns === "System" && !t.args.length ? t.def.name : null;
    if (n === "char") return js`${rt("linqSelect")}(${found}, (v) => v.charCodeAt(0))`;
    return n && ["long", "ulong", "uint", "short", "ushort", "byte", "sbyte", "float", "double"].includes(n) ? js`${rt("linqSelect")}(${found}, (v) => ${rt("unboxJson")}(v))` : found;
  }),
  SM(`IEnumerable<int> Range(int start, int count)`, L("linqRange")),
  SM(`IEnumerable<TResult> Repeat<TResult>(TResult element, int count)`, L("linqRepeat")),
  SM(`IEnumerable<TResult> Empty<TResult>()`, () => js`[]`),
]);

type("System.Linq", "IGrouping", { typeParams: ["TKey", "TElement"], isInterface: true, interfaces: ["IEnumerable<TElement>"] }, []);
import { I, M, P } from "./dsl.js";
import { derivesFrom, elementType, isNamed, isValueType, lookupType, sameType, typeName, underlyingNullable, type Type } from "../types.js";
const grouping = lookupType("IGrouping", 2)!;
grouping.members.set("Key", [Object.assign(P("TKey Key", (r) => js`${r}.Key`), { owner: grouping })]);
type("System.Linq", "ILookup", { typeParams: ["TKey", "TElement"], isInterface: true, interfaces: ["IEnumerable<IGrouping<TKey, TElement>>"] }, [
  P("int Count", (r) => js`${r}.Count`),
  I("IEnumerable<TElement> this[TKey key]", (r, a) => js`${r}.Item(${a[0]})`),
  M("bool Contains(TKey key)", (r, a) => js`${r}.Contains(${a[0]})`),
]);

let typeTest: (t: Type) => Code = () => js`null`;
/** `(v) => v is T` (lower.ts typeTest), for members that filter by a type argument. */
export const typeTestOf = (t: Type): Code => typeTest(t);
export function setTypeTest(f: (t: Type) => Code): void {
  typeTest = f;
}
let boxer: (t: Type) => Code = () => js`null`;
let caster: (t: Type) => Code = () => js`null`;
/** `(v) => (object)v` for a value of type t, and `(v) => (T)v` from object (lower.ts boxCode/castCode). */
export function setCastHelpers(box: (t: Type) => Code, cast: (t: Type) => Code): void {
  boxer = box;
  caster = cast;
}
/** `to` is object or an interface `t` implements: a reference conversion (boxing for a value type). */
function isBase(t: Type, to: Type): boolean {
  if (to.k !== "named") return false;
  if (to.def.name === "object" && to.def.ns === "System") return true;
  // the System value types implement these (the surface tables do not list value types' interfaces)
  if (isValueType(t) && to.def.ns === "System" && ["IComparable", "IFormattable", "IConvertible", "IEquatable"].includes(to.def.name)) return true;
  return !!to.def.isInterface && derivesFrom(t, to);
}

// System.Collections.Generic and arrays. Runtime shapes: T[] and List<T> are JS arrays (byte[] is a
// Uint8Array); Dictionary<K,V> is the runtime `Dictionary` (a Map with .NET members); read-only
// dictionaries from the context (headers, query, variables, matched parameters) are reached through
// the `dict*` helpers, which accept both; KeyValuePair is `{ Key, Value }`.
import { js, literal, rt, type Code } from "../../codegen/code.js";
import { anonFormatKey, type LowerInfo } from "../types.js";
import { C, I, M, P, SM, type } from "./dsl.js";
import { defaultOfReturn, tryParse } from "./system.js";
import { valueDefault } from "./linq.js";

const call = (name: string) => (r: Code, a: Code[]) => js`${rt(name)}(${r}${a.map((x) => js`, ${x}`).reduce((p, c) => js`${p}${c}`, js``)})`;

// The non-generic IEnumerable: what Cast<T>() and OfType<T>() extend (any sequence, of value types too).
type("System.Collections", "IEnumerable", { isInterface: true, test: (v) => js`${rt("isEnumerable")}(${v})` }, []);
type("System.Collections.Generic", "IEnumerable", { typeParams: ["T"], isInterface: true, interfaces: ["IEnumerable"], test: (v) => js`${rt("isEnumerable")}(${v})` }, [
  M("IEnumerator<T> GetEnumerator()", (r) => js`${rt("seq")}(${r})[Symbol.iterator]()`),
]);
type("System.Collections.Generic", "IEnumerator", { typeParams: ["T"], isInterface: true }, []);
type("System.Collections.Generic", "IReadOnlyCollection", { typeParams: ["T"], isInterface: true, interfaces: ["IEnumerable<T>"] }, [
  P("int Count", call("count")),
]);
type("System.Collections.Generic", "ICollection", { typeParams: ["T"], isInterface: true, interfaces: ["IEnumerable<T>"] }, [
  P("int Count", call("count")),
  M("bool Contains(T item)", call("collContains")),
  M("void Add(T item)", call("collAdd")),
  M("bool Remove(T item)", call("collRemove")),
  M("void Clear()", call("collClear")),
  M("void CopyTo(T[] array, int arrayIndex)", call("collCopyTo")),
]);
type("System.Collections.Generic", "IReadOnlyList", { typeParams: ["T"], isInterface: true, interfaces: ["IReadOnlyCollection<T>"] }, [
  I("T this[int index]", call("listItem")),
]);
type("System.Collections.Generic", "IList", { typeParams: ["T"], isInterface: true, interfaces: ["ICollection<T>"] }, [
  I("T this[int index]", call("listItem"), (r, a, v) => js`${rt("listSet")}(${r}, ${a[0]}, ${v})`),
  M("int IndexOf(T item)", call("listIndexOf")),
  M("void Insert(int index, T item)", call("listInsert")),
  M("void RemoveAt(int index)", call("listRemoveAt")),
]);

type("System", "Array", { interfaces: [] }, [
  P("int Length", (r) => js`${r}.length`),
  P("long LongLength", (r) => js`${r}.length`),
  SM("int IndexOf<T>(T[] array, T value)", (_r, a) => js`${rt("listIndexOf")}(${a[0]}, ${a[1]})`),
  SM("bool Exists<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("linqAny")}(${a[0]}, ${a[1]})`),
  SM("T Find<T>(T[] array, Func<T, bool> match)", (_r, a, x) => {
    const d = valueDefault(x.retType);
    return d ? js`(${rt("linqFirstOrDefault")}(${a[0]}, ${a[1]}) ?? ${d})` : js`${rt("linqFirstOrDefault")}(${a[0]}, ${a[1]})`;
  }),
  SM("void Reverse<T>(T[] array)", (_r, a) => js`${a[0]}.reverse()`),
  SM("void Sort<T>(T[] array)", (_r, a) => js`${rt("arraySort")}(${a[0]})`),
  SM("T[] Empty<T>()", () => js`[]`),
  SM("void Copy(Array sourceArray, Array destinationArray, int length)", (_r, a) => js`${rt("arrayCopy")}(${a[0]}, 0, ${a[1]}, 0, ${a[2]})`),
  SM("void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)", (_r, a) =>
    js`${rt("arrayCopy")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`,
  ),
  SM("int IndexOf(Array array, object value)", (_r, a) => js`${rt("listIndexOf")}(${a[0]}, ${a[1]})`),
  SM("int FindIndex<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("listFindIndex")}(${rt("arrNotNull")}(${a[0]}), 0, undefined, ${a[1]})`),
  SM("int FindIndex<T>(T[] array, int startIndex, Func<T, bool> match)", (_r, a) => js`${rt("listFindIndex")}(${rt("arrNotNull")}(${a[0]}), ${a[1]}, undefined, ${a[2]})`),
  SM("int FindIndex<T>(T[] array, int startIndex, int count, Func<T, bool> match)", (_r, a) => js`${rt("listFindIndex")}(${rt("arrNotNull")}(${a[0]}), ${a[1]}, ${a[2]}, ${a[3]})`),
  SM("int FindLastIndex<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("listFindLastIndex")}(${rt("arrNotNull")}(${a[0]}), undefined, undefined, ${a[1]})`),
  SM("int FindLastIndex<T>(T[] array, int startIndex, Func<T, bool> match)", (_r, a) => js`${rt("listFindLastIndex")}(${rt("arrNotNull")}(${a[0]}), ${a[1]}, undefined, ${a[2]})`),
  SM("int FindLastIndex<T>(T[] array, int startIndex, int count, Func<T, bool> match)", (_r, a) => js`${rt("listFindLastIndex")}(${rt("arrNotNull")}(${a[0]}), ${a[1]}, ${a[2]}, ${a[3]})`),
  SM("T FindLast<T>(T[] array, Func<T, bool> match)", (_r, a, x) => js`${rt("listFindLast")}(${rt("arrNotNull")}(${a[0]}), ${a[1]}, ${defaultOfReturn(x)})`),
  SM("T[] FindAll<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("arrFindAll")}(${a[0]}, ${a[1]})`),
  SM("void ForEach<T>(T[] array, Action<T> action)", (_r, a) => js`${rt("arrForEach")}(${a[0]}, ${a[1]})`),
  SM("bool TrueForAll<T>(T[] array, Func<T, bool> match)", (_r, a) => js`${rt("listTrueForAll")}(${rt("arrNotNull")}(${a[0]}), ${a[1]})`),
  SM("TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Func<TInput, TOutput> converter)", (_r, a) => js`${rt("listConvertAll")}(${rt("arrNotNull")}(${a[0]}), ${a[1]})`),
  SM("int LastIndexOf<T>(T[] array, T value)", (_r, a) => js`${rt("listLastIndexOf")}(${rt("arrNotNull")}(${a[0]}), ${a[1]})`),
  SM("int BinarySearch<T>(T[] array, T value)", (_r, a) => js`${rt("arrBinarySearch")}(${a[0]}, 0, undefined, ${a[1]})`),
  SM("int BinarySearch<T>(T[] array, int index, int length, T value)", (_r, a) => js`${rt("arrBinarySearch")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  SM("void Resize<T>(ref T[] array, int newSize)", (_r, a, x) => js`(${a[0]} = ${rt("arrResize")}(${a[0]}, ${a[1]}, ${defaultOfReturn({ ...x, retType: x.typeArgs[0]! })}), undefined)`),
  SM("void ConstrainedCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)", (_r, a) =>
    js`${rt("arrayCopy")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]}, ${a[4]})`,
  ),
  P("int Rank", (r) => js`(void ${r}.length, 1)`),
  P("bool IsFixedSize", (r) => js`(void ${r}.length, true)`),
  P("bool IsReadOnly", (r) => js`(void ${r}.length, false)`),
  P("bool IsSynchronized", (r) => js`(void ${r}.length, false)`),
  // an array is its own synchronization root
  P("object SyncRoot", (r) => js`${rt("recvNotNull")}(${r})`),
  M("int GetLength(int dimension)", call("arrGetLength")),
  M("long GetLongLength(int dimension)", call("arrGetLength")),
  M("int GetLowerBound(int dimension)", call("arrGetLowerBound")),
  M("int GetUpperBound(int dimension)", call("arrGetUpperBound")),
  M("object Clone()", (r) => js`${r}.slice()`),
  M("void CopyTo(Array array, int index)", (r, a) => js`${rt("listCopyTo")}(${r}, ${a[0]}, ${a[1]})`),
  // arrays of reference and primitive types have nothing to initialize
  M("void Initialize()", (r) => js`void ${r}.length`),
]);

type(
  "System.Collections.Generic",
  "List",
  { typeParams: ["T"], interfaces: ["IList<T>", "IReadOnlyList<T>"], test: (v) => js`Array.isArray(${v})` },
  [
    C("()", () => js`[]`),
    C("(int capacity)", (_r, a) => js`${rt("withCapacity")}([], ${rt("capacity")}(${a[0]}))`),
    C("(IEnumerable<T> collection)", (_r, a) => js`${rt("toList")}(${a[0]})`),
    P("int Count", (r) => js`${r}.length`),
    I("T this[int index]", call("listItem"), (r, a, v) => js`${rt("listSet")}(${r}, ${a[0]}, ${v})`),
    M("void Add(T item)", call("listAdd")),
    M("void AddRange(IEnumerable<T> collection)", call("listAddRange")),
    M("bool Contains(T item)", call("collContains")),
    M("int IndexOf(T item)", call("listIndexOf")),
    M("void Insert(int index, T item)", call("listInsert")),
    M("bool Remove(T item)", call("collRemove")),
    M("void RemoveAt(int index)", call("listRemoveAt")),
    M("int RemoveAll(Func<T, bool> match)", call("listRemoveAll")),
    M("void Clear()", call("listClear")),
    M("T[] ToArray()", (r) => js`${r}.slice()`),
    M("void Sort()", (r) => js`${rt("arraySort")}(${r})`),
    M("void Reverse()", call("listReverse")),
    M("bool Exists(Func<T, bool> match)", (r, a) => js`${rt("linqAny")}(${r}, ${a[0]})`),
    // default(T) when nothing matches: 0, false, DateTime.MinValue... for value types
    M("T Find(Func<T, bool> match)", (r, a, x) => {
      const d = valueDefault(x.retType);
      return d ? js`(${rt("linqFirstOrDefault")}(${r}, ${a[0]}) ?? ${d})` : js`${rt("linqFirstOrDefault")}(${r}, ${a[0]})`;
    }),
    M("void Sort(Func<T, T, int> comparison)", (r, a) => js`${rt("listSortWith")}(${r}, ${a[0]})`),
    M("List<T> FindAll(Func<T, bool> match)", (r, a) => js`${r}.filter((x) => ${a[0]}(x))`),
    M("void ForEach(Action<T> action)", call("listForEach")),
    M("List<T> GetRange(int index, int count)", call("listGetRange")),
    M("void RemoveRange(int index, int count)", call("listRemoveRange")),
    M("void InsertRange(int index, IEnumerable<T> collection)", call("listInsertRange")),
    M("int FindIndex(Func<T, bool> match)", (r, a) => js`${rt("listFindIndex")}(${r}, 0, undefined, ${a[0]})`),
    M("int FindIndex(int startIndex, Func<T, bool> match)", (r, a) => js`${rt("listFindIndex")}(${r}, ${a[0]}, undefined, ${a[1]})`),
    M("int FindIndex(int startIndex, int count, Func<T, bool> match)", (r, a) => js`${rt("listFindIndex")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
    M("int FindLastIndex(Func<T, bool> match)", (r, a) => js`${rt("listFindLastIndex")}(${r}, undefined, undefined, ${a[0]})`),
    M("int FindLastIndex(int startIndex, Func<T, bool> match)", (r, a) => js`${rt("listFindLastIndex")}(${r}, ${a[0]}, undefined, ${a[1]})`),
    M("int FindLastIndex(int startIndex, int count, Func<T, bool> match)", (r, a) => js`${rt("listFindLastIndex")}(${r}, ${a[0]}, ${a[1]}, ${a[2]})`),
    M("T FindLast(Func<T, bool> match)", (r, a, x) => js`${rt("listFindLast")}(${r}, ${a[0]}, ${defaultOfReturn(x)})`),
    M("int LastIndexOf(T item)", call("listLastIndexOf")),
    M("bool TrueForAll(Func<T, bool> match)", call("listTrueForAll")),
    M("List<TOutput> ConvertAll<TOutput>(Func<T, TOutput> converter)", call("listConvertAll")),
    M("void CopyTo(T[] array)", (r, a) => js`${rt("listCopyTo")}(${r}, ${a[0]}, 0)`),
    M("void CopyTo(T[] array, int arrayIndex)", call("listCopyTo")),
    M("int BinarySearch(T item)", (r, a) => js`${rt("arrBinarySearch")}(${rt("recvNotNull")}(${r}), 0, undefined, ${a[0]})`),
    // capacity as .NET Framework's List grows it (list-capacity.ts)
    M("void TrimExcess()", (r) => js`${rt("listTrimExcess")}(${r})`),
  ],
);

// ISet<T>: HashSet<T> (a JS Set) is the only set there is.
const setOps = [
  M("void UnionWith(IEnumerable<T> other)", call("setUnionWith")),
  M("void IntersectWith(IEnumerable<T> other)", call("setIntersectWith")),
  M("void ExceptWith(IEnumerable<T> other)", call("setExceptWith")),
  M("void SymmetricExceptWith(IEnumerable<T> other)", call("setSymmetricExceptWith")),
  M("bool IsSubsetOf(IEnumerable<T> other)", call("setIsSubsetOf")),
  M("bool IsSupersetOf(IEnumerable<T> other)", call("setIsSupersetOf")),
  M("bool IsProperSubsetOf(IEnumerable<T> other)", call("setIsProperSubsetOf")),
  M("bool IsProperSupersetOf(IEnumerable<T> other)", call("setIsProperSupersetOf")),
  M("bool Overlaps(IEnumerable<T> other)", call("setOverlaps")),
  M("bool SetEquals(IEnumerable<T> other)", call("setSetEquals")),
];
type("System.Collections.Generic", "ISet", { typeParams: ["T"], isInterface: true, interfaces: ["ICollection<T>"] }, [
  M("bool Add(T item)", (r, a) => js`${rt("setAdd")}(${r}, ${a[0]})`),
  ...setOps.map((m) => ({ ...m })),
]);
type("System.Collections.Generic", "HashSet", { typeParams: ["T"], interfaces: ["ISet<T>", "ICollection<T>", "IReadOnlyCollection<T>"], test: (v) => js`(${v} instanceof Set)` }, [
  C("()", () => js`new ${rt("HashSet")}()`),
  C("(IEnumerable<T> collection)", (_r, a) => js`new ${rt("HashSet")}(${rt("notNull")}(${a[0]}, "collection"))`),
  C("(IEqualityComparer<T> comparer)", (_r, a) => js`new ${rt("HashSet")}(null, ${a[0]})`),
  // (a capacity changes no answer here: HashSet's slots are reused in the same order whatever its size)
  C("(int capacity)", (_r, a) => js`new ${rt("HashSet")}(${rt("capacityArg")}(${a[0]}))`),
  C("(int capacity, IEqualityComparer<T> comparer)", (_r, a) => js`new ${rt("HashSet")}(${rt("capacityArg")}(${a[0]}), ${a[1]})`),
  C("(IEnumerable<T> collection, IEqualityComparer<T> comparer)", (_r, a) => js`new ${rt("HashSet")}(${rt("notNull")}(${a[0]}, "collection"), ${a[1]})`),
  P("int Count", (r) => js`${r}.size`),
  M("bool Add(T item)", (r, a) => js`${rt("setAdd")}(${r}, ${a[0]})`),
  M("bool Contains(T item)", (r, a) => js`${r}.has(${a[0]})`),
  M("bool Remove(T item)", (r, a) => js`${r}.delete(${a[0]})`),
  M("void Clear()", (r) => js`${r}.clear()`),
  ...setOps,
  M("int RemoveWhere(Func<T, bool> match)", call("setRemoveWhere")),
  M("void CopyTo(T[] array)", call("collCopyTo")),
  M("void CopyTo(T[] array, int arrayIndex)", call("collCopyTo")),
  M("void CopyTo(T[] array, int arrayIndex, int count)", call("collCopyTo")),
  M("bool TryGetValue(T equalValue, out T actualValue)", (r, a, x) => tryParse(js`${rt("setTryGetValue")}(${r}, ${a[0]})`, a[1]!, x, defaultOfReturn({ ...x, retType: x.argTypes[0]! }))),
  M("void TrimExcess()", (r) => js`void ${r}.size`),
]);

type("System.Collections.Generic", "KeyValuePair", { typeParams: ["TKey", "TValue"], valueType: true }, [
  C("(TKey key, TValue value)", (_r, a) => js`{ Key: ${a[0]}, Value: ${a[1]} }`),
  P("TKey Key", (r) => js`${r}.Key`),
  P("TValue Value", (r) => js`${r}.Value`),
]);

const dictMembers = (readOnly: boolean) => [
  P("int Count", call("count")),
  P("IEnumerable<TKey> Keys", call("dictKeys")),
  P("IEnumerable<TValue> Values", call("dictValues")),
  I("TValue this[TKey key]", call("dictItem"), readOnly ? undefined : (r: Code, a: Code[], v: Code) => js`${rt("dictSet")}(${r}, ${a[0]}, ${v})`),
  M("bool ContainsKey(TKey key)", call("dictContainsKey")),
  M("bool TryGetValue(TKey key, out TValue value)", (r, a, x) => tryParse(js`${rt("dictTryGet")}(${r}, ${a[0]})`, a[1]!, x, js`null`)),
  // default(TValue) when the key is missing: 0, false... for value types
  M("TValue GetValueOrDefault(TKey key)", (r, a, x) => js`${rt("dictGetOrDefault")}(${r}, ${a[0]}, ${valueDefault(x.retType) ?? js`null`})`),
  M("TValue GetValueOrDefault(TKey key, TValue defaultValue)", call("dictGetOrDefault")),
];

type(
  "System.Collections.Generic",
  "IReadOnlyDictionary",
  { typeParams: ["TKey", "TValue"], isInterface: true, interfaces: ["IReadOnlyCollection<KeyValuePair<TKey, TValue>>"] },
  dictMembers(true),
);
type(
  "System.Collections.Generic",
  "IDictionary",
  { typeParams: ["TKey", "TValue"], isInterface: true, interfaces: ["ICollection<KeyValuePair<TKey, TValue>>"] },
  [...dictMembers(false), M("void Add(TKey key, TValue value)", call("dictAdd")), M("bool Remove(TKey key)", call("dictRemove"))],
);
type(
  "System.Collections.Generic",
  "Dictionary",
  {
    typeParams: ["TKey", "TValue"],
    interfaces: ["IDictionary<TKey, TValue>", "IReadOnlyDictionary<TKey, TValue>"],
    test: (v) => js`(${v} instanceof ${rt("Dictionary")})`,
  },
  [
    C("()", () => js`new ${rt("Dictionary")}()`),
    // (any IEqualityComparer<TKey>: a StringComparer, another collection's Comparer, ...: equality.ts)
    C("(IEqualityComparer<TKey> comparer)", (_r, a) => js`new ${rt("Dictionary")}(${a[0]})`),
    C("(int capacity)", (_r, a) => js`${rt("Dictionary")}.sized(${a[0]})`),
    C("(int capacity, IEqualityComparer<TKey> comparer)", (_r, a) => js`${rt("Dictionary")}.sized(${a[0]}, ${a[1]})`),
    C("(IDictionary<TKey, TValue> dictionary)", (_r, a) => js`${rt("Dictionary")}.from(${a[0]})`),
    C("(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)", (_r, a) => js`${rt("Dictionary")}.from(${a[0]}, ${a[1]})`),
    ...dictMembers(false),
    M("void Add(TKey key, TValue value)", call("dictAdd")),
    M("bool Remove(TKey key)", call("dictRemove")),
    M("void Clear()", (r) => js`${r}.clear()`),
    M("bool ContainsValue(TValue value)", call("dictContainsValue")),
    M("void TrimExcess()", (r) => js`${r}.TrimExcess()`),
    M("void TrimExcess(int capacity)", (r, a) => js`${r}.TrimExcess(${a[0]})`),
  ],
);

type("System", "Func", { typeParams: ["TResult"] }, []);
type("System", "Func", { typeParams: ["T", "TResult"] }, []);
type("System", "Func", { typeParams: ["T1", "T2", "TResult"] }, []);
type("System", "Func", { typeParams: ["T1", "T2", "T3", "TResult"] }, []);
type("System", "Action", { typeParams: ["T"] }, []);
type("System", "Action", { typeParams: ["T1", "T2"] }, []);

// ---- comparers, Queue, Stack, Tuple ----------------------------------------------------------------
type("System.Collections.Generic", "IComparer", { typeParams: ["T"], isInterface: true }, [M("int Compare(T x, T y)", (r, a) => js`${rt("comparerCompare")}(${r}, ${a[0]}, ${a[1]})`)]);
type("System.Collections.Generic", "IEqualityComparer", { typeParams: ["T"], isInterface: true }, []);

const qs = (name: string) =>
  type("System.Collections.Generic", name, { typeParams: ["T"], interfaces: ["IEnumerable<T>", "IReadOnlyCollection<T>"], test: (v) => js`(${v} instanceof ${rt(name)})` }, [
    C("()", () => js`new ${rt(name)}()`),
    C("(int capacity)", (_r, a) => js`new ${rt(name)}(${rt("capacity")}(${a[0]}))`),
    C("(IEnumerable<T> collection)", (_r, a) => js`new ${rt(name)}(${a[0]})`),
    P("int Count", (r) => js`${r}.Count`),
    M("T Peek()", (r) => js`${r}.Peek()`),
    M("bool Contains(T item)", (r, a) => js`${r}.Contains(${a[0]})`),
    M("void Clear()", (r) => js`${r}.Clear()`),
    M("T[] ToArray()", (r) => js`${r}.ToArray()`),
    M("void TrimExcess()", (r) => js`void ${r}.Count`),
    M("void CopyTo(T[] array, int arrayIndex)", call("collCopyTo")),
    ...(name === "Queue"
      ? [M("void Enqueue(T item)", (r, a) => js`${r}.Enqueue(${a[0]})`), M("T Dequeue()", (r) => js`${r}.Dequeue()`)]
      : [M("void Push(T item)", (r, a) => js`${r}.Push(${a[0]})`), M("T Pop()", (r) => js`${r}.Pop()`)]),
  ]);
qs("Queue");
qs("Stack");

const tupleParams = ["T1", "T2", "T3", "T4", "T5", "T6", "T7"];
/** `new Tuple<..>(..)` / `Tuple.Create(..)`: items of type double, float or char carry their type for ToString (1E+15, 'a'). */
const newTuple = (a: Code[], x: LowerInfo): Code => {
  const items = a.map((c, i) => (i ? js`, ${c}` : c)).reduce((p, c) => js`${p}${c}`, js``);
  const ret = x.retType;
  const keys = ret.k === "named" ? ret.args.map((t) => anonFormatKey(t)) : [];
  return keys.some((k) => k !== null) ? js`${rt("newTupleF")}([${keys.map((k, i) => js`${i ? js`, ` : js``}${literal(k)}`).reduce((p, c) => js`${p}${c}`, js``)}], ${items})` : js`${rt("newTuple")}(${items})`;
};
for (let n = 1; n <= 7; n++) {
  const tps = tupleParams.slice(0, n);
  type("System", "Tuple", { typeParams: tps, test: (v) => js`(${v} instanceof ${rt("Tuple")} && ${v}.items.length === ${n})` }, [
    C(`(${tps.map((t, i) => `${t} item${i + 1}`).join(", ")})`, (_r, a, x) => newTuple(a, x)),
    ...tps.map((t, i) => P(`${t} Item${i + 1}`, (r) => js`${r}.items[${i}]`)),
    M("string ToString()", (r) => js`${r}.ToString()`),
    M("bool Equals(object obj)", (r, a) => js`${r}.Equals(${a[0]})`),
  ]);
}
// Tuple`8: seven items and a Rest that is itself a tuple (Tuple.Create(8 items) nests the eighth)
type("System", "Tuple", { typeParams: [...tupleParams, "TRest"], test: (v) => js`(${v} instanceof ${rt("Tuple")} && ${v}.items.length === 8)` }, [
  C(`(${tupleParams.map((t, i) => `${t} item${i + 1}`).join(", ")}, TRest rest)`, (_r, a) => js`${rt("newTuple8")}([${a.slice(0, 7).map((c, i) => (i ? js`, ${c}` : c)).reduce((p, c) => js`${p}${c}`, js``)}], ${a[7]})`),
  ...tupleParams.map((t, i) => P(`${t} Item${i + 1}`, (r) => js`${r}.items[${i}]`)),
  P("TRest Rest", (r) => js`${r}.items[7]`),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("bool Equals(object obj)", (r, a) => js`${r}.Equals(${a[0]})`),
]);
type("System", "Tuple", { isStatic: true }, [
  SM(`Tuple<${tupleParams.join(", ")}, Tuple<T8>> Create<${tupleParams.join(", ")}, T8>(${tupleParams.map((t, i) => `${t} item${i + 1}`).join(", ")}, T8 item8)`, (_r, a, x) => {
    const ret = x.retType;
    const restType = ret.k === "named" ? ret.args[7] : undefined;
    const rest = restType ? newTuple([a[7]!], { ...x, retType: restType }) : js`${rt("newTuple")}(${a[7]})`;
    return newTuple([...a.slice(0, 7), rest], x);
  }),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => {
    const tps = tupleParams.slice(0, n);
    return SM(`Tuple<${tps.join(", ")}> Create<${tps.join(", ")}>(${tps.map((t, i) => `${t} item${i + 1}`).join(", ")})`, (_r, a, x) => newTuple(a, x));
  }),
]);

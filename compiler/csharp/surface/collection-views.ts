// Allow-list members of arrays and System.Collections.Generic beyond the basic ones: Array.GetValue /
// SetValue / AsReadOnly, List.AsReadOnly / Capacity, ICollection<T>.IsReadOnly, Dictionary and HashSet
// Comparer, HashSet.CreateSetComparer (runtime/dotnet/collection-views.ts, array-values.ts,
// list-capacity.ts). ReadOnlyCollection<T> (what AsReadOnly returns) and IEqualityComparer<T>'s
// values are not on the allow-list themselves: an expression reads them (Count, indexer, foreach,
// LINQ, ToString, ==), as .NET lets it.
import { js, literal, rt, type Code } from "../../codegen/code.js";
import { lookupType, type LowerInfo, type Type } from "../types.js";
import { extend, I, M, P, SM, type } from "./dsl.js";
import { clrName, defaultOfReturn } from "./system.js";

const NUMBOXED = new Set(["long", "ulong", "uint", "short", "ushort", "byte", "sbyte", "float"]);
const prim = (t: Type | undefined): string | null => (t && t.k === "named" && !t.args.length && t.def.ns === "System" ? t.def.name : null);
/** A type's CLR name for the runtime (type names, comparer names): System.Object when unknown. */
function nameOf(t: Type | undefined): string {
  if (!t) return "System.Object";
  const n = clrName(t);
  if (n) return n;
  return t.k === "named" && !t.args.length ? `${t.def.ns}.${t.def.name}` : "System.Object";
}
/** The element type of the receiver (T[] or List<T>). */
function elemOf(x: LowerInfo): Type | undefined {
  const t = x.recvType;
  if (!t) return undefined;
  if (t.k === "array") return t.elem;
  return t.k === "named" ? t.args[0] : undefined;
}
const isEnumDef = (t: Type): boolean => {
  if (t.k !== "named" || !t.def.valueType || t.args.length) return false;
  const ms = [...t.def.members.values()].flat();
  return ms.length > 0 && ms.every((m) => m.kind === "field") && !["bool", "char", "DateTime", "TimeSpan", "Guid"].includes(t.def.name);
};
const IEQUATABLE = new Set(["string", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "float", "double", "decimal", "char", "bool", "DateTime", "DateTimeOffset", "TimeSpan", "Guid"]);
/** EqualityComparer<T>.Default's class on .NET Framework (ComparerHelpers.CreateDefaultEqualityComparer). */
function defaultComparerName(t: Type | undefined): string {
  const G = "System.Collections.Generic.";
  if (!t) return `${G}ObjectEqualityComparer\`1[System.Object]`;
  if (prim(t) === "byte") return `${G}ByteEqualityComparer`;
  if (t.k === "named" && t.def.name === "Nullable") return `${G}NullableEqualityComparer\`1[${nameOf(t.args[0])}]`;
  if (isEnumDef(t)) return `${G}EnumEqualityComparer\`1[${nameOf(t)}]`;
  if (t.k === "named" && !t.args.length && IEQUATABLE.has(t.def.name) && t.def.ns === "System") return `${G}GenericEqualityComparer\`1[${nameOf(t)}]`;
  return `${G}ObjectEqualityComparer\`1[${nameOf(t)}]`;
}
const boxKind = (t: Type | undefined): string | null => {
  const p = prim(t);
  return p === "char" || p === "double" || (p !== null && NUMBOXED.has(p)) ? p : null;
};
/** SetValue's element kind: a primitive's name, string, object, decimal, or the CLR name of another type. */
const elemKind = (t: Type | undefined): string => {
  const p = prim(t);
  if (p && (IEQUATABLE.has(p) || p === "object" || p === "byte") && !["DateTime", "DateTimeOffset", "TimeSpan", "Guid"].includes(p)) return p;
  return nameOf(t);
};
const roName = (t: Type | undefined) => `System.Collections.ObjectModel.ReadOnlyCollection\`1[${nameOf(t)}]`;

// ---- Array.GetValue / SetValue / AsReadOnly --------------------------------------------------------
const getValue = (form: string, n: number | "params") => (r: Code, a: Code[], x: LowerInfo): Code => {
  const idx = n === "params" ? a[0]! : js`[${a.slice(0, n).map((c, i) => (i ? js`, ${c}` : c)).reduce((p, c) => js`${p}${c}`, js``)}]`;
  return js`${rt("arrGetValue")}(${r}, ${literal(boxKind(elemOf(x)))}, ${form}, ${idx})`;
};
const setValue = (form: string, n: number | "params") => (r: Code, a: Code[], x: LowerInfo): Code => {
  const rest = a.slice(1);
  const idx = n === "params" ? rest[0]! : js`[${rest.slice(0, n).map((c, i) => (i ? js`, ${c}` : c)).reduce((p, c) => js`${p}${c}`, js``)}]`;
  const elem = elemOf(x);
  return js`${rt("arrSetValue")}(${r}, ${a[0]}, ${elemKind(elem)}, ${elem ? defaultOfReturn({ ...x, retType: elem }) : js`null`}, ${form}, ${idx})`;
};
extend(lookupType("Array", 0)!, [
  M("object GetValue(int index)", getValue("int", 1)),
  M("object GetValue(long index)", getValue("long", 1)),
  M("object GetValue(int index1, int index2)", getValue("int", 2)),
  M("object GetValue(long index1, long index2)", getValue("long", 2)),
  M("object GetValue(int index1, int index2, int index3)", getValue("int", 3)),
  M("object GetValue(long index1, long index2, long index3)", getValue("long", 3)),
  M("object GetValue(params int[] indices)", getValue("params", "params")),
  M("object GetValue(params long[] indices)", getValue("params", "params")),
  M("void SetValue(object value, int index)", setValue("int", 1)),
  M("void SetValue(object value, long index)", setValue("long", 1)),
  M("void SetValue(object value, int index1, int index2)", setValue("int", 2)),
  M("void SetValue(object value, long index1, long index2)", setValue("long", 2)),
  M("void SetValue(object value, int index1, int index2, int index3)", setValue("int", 3)),
  M("void SetValue(object value, long index1, long index2, long index3)", setValue("long", 3)),
  M("void SetValue(object value, params int[] indices)", setValue("params", "params")),
  M("void SetValue(object value, params long[] indices)", setValue("params", "params")),
  SM("ReadOnlyCollection<T> AsReadOnly<T>(T[] array)", (_r, a, x) => js`${rt("asReadOnly")}(${a[0]}, "array", ${roName(x.typeArgs[0])})`),
]);

// ---- ReadOnlyCollection<T> ----------------------------------------------------------------------
type(
  "System.Collections.ObjectModel",
  "ReadOnlyCollection",
  { typeParams: ["T"], interfaces: ["IList<T>", "IReadOnlyList<T>"], test: (v) => js`${rt("collIsReadOnly")}(${v})` },
  [
    P("int Count", (r) => js`${r}.length`),
    I("T this[int index]", (r, a) => js`${rt("listItem")}(${r}, ${a[0]})`),
    M("bool Contains(T value)", (r, a) => js`${rt("collContains")}(${r}, ${a[0]})`),
    M("int IndexOf(T value)", (r, a) => js`${rt("roIndexOf")}(${r}, ${a[0]})`),
    M("void CopyTo(T[] array, int index)", (r, a) => js`${rt("listCopyTo")}(${r}, ${a[0]}, ${a[1]})`),
  ],
);

// ---- List<T>, ICollection<T>, Dictionary, HashSet --------------------------------------------------
extend(lookupType("List", 1)!, [
  M("ReadOnlyCollection<T> AsReadOnly()", (r, _a, x) => js`${rt("asReadOnly")}(${r}, null, ${roName(elemOf(x))})`),
  P("int Capacity", (r) => js`${rt("capacityOf")}(${r})`, (r, _a, v) => js`${rt("listSetCapacity")}(${r}, ${v})`),
]);
extend(lookupType("ICollection", 1)!, [P("bool IsReadOnly", (r, _a, x) => (x.recvType?.k === "array" ? js`(void ${r}.length, true)` : js`${rt("collIsReadOnly")}(${r})`))]);
extend(lookupType("Dictionary", 2)!, [
  P("IEqualityComparer<TKey> Comparer", (r, _a, x) => js`${rt("collComparer")}(${r}, ${defaultComparerName(x.recvType?.k === "named" ? x.recvType.args[0] : undefined)})`),
]);
extend(lookupType("HashSet", 1)!, [
  P("IEqualityComparer<T> Comparer", (r, _a, x) => js`${rt("collComparer")}(${r}, ${defaultComparerName(elemOf(x))})`),
  SM("IEqualityComparer<HashSet<T>> CreateSetComparer()", (_r, _a, x) => {
    const t = x.recvType ?? x.retType;
    const arg = t.k === "named" && t.def.name === "IEqualityComparer" && t.args[0]?.k === "named" ? t.args[0].args[0] : undefined;
    return js`${rt("newSetComparer")}(${`System.Collections.Generic.HashSetEqualityComparer\`1[${nameOf(arg)}]`})`;
  }),
]);

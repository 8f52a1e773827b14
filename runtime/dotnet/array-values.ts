// Array.GetValue / SetValue (int, long and multi-index overloads) on apimc's arrays, which are all
// one-dimensional: a two- or three-index call or an index list of another length is ArgumentException,
// a long index beyond int is ArgumentOutOfRangeException, as .NET Framework's Array checks them.
// SetValue stores a boxed value as Array.InternalSetValue does: the element type itself, a widening
// primitive conversion (char → int, int → long, float → double), null as default(T) for a value type;
// another primitive is ArgumentException, anything else InvalidCastException.
import { argumentError, argumentNull, argumentOutOfRange, DotNetException, indexOutOfRange, nullReference } from "../errors.js";
import { boxChar, boxDouble, boxNum, CharBox, Decimal, NumBox } from "./decimal.js";
import type { Long } from "./long.js";

const RANK = ["", "Array was not a one-dimensional array.", "Array was not a two-dimensional array.", "Array was not a three-dimensional array."];

function index(a: ArrayLike<unknown> | null, idx: readonly Long[], form: "int" | "long" | "params"): number {
  if (a === null || a === undefined) throw nullReference();
  if (form === "params" && (idx === null || idx === undefined)) throw argumentNull("indices");
  if (form === "long") for (const i of idx) if (i > 2147483647 || i < -2147483648) throw argumentOutOfRange(idx.length === 1 ? "index" : `index${idx.indexOf(i) + 1}`, "Arrays larger than 2GB are not supported.");
  if (idx.length !== 1) throw argumentError(form === "params" ? "Indices length does not match the array rank." : RANK[idx.length] ?? RANK[1]!);
  if (form === "params") for (const i of idx) if (i > 2147483647 || i < -2147483648) throw argumentOutOfRange("indices", "Arrays larger than 2GB are not supported.");
  const i = Number(idx[0]);
  if (i < 0 || i >= a.length) throw indexOutOfRange();
  return i;
}

/** The element boxed as its static type boxes (`box`: "char", "double" or a NumBox type; null: as it is). */
export function arrGetValue(a: ArrayLike<unknown> | null, box: string | null, form: "int" | "long" | "params", idx: readonly Long[]): unknown {
  const v = a![index(a, idx, form)];
  if (box === null) return v;
  if (box === "char") return boxChar(v as number);
  if (box === "double") return boxDouble(v as number);
  return boxNum(v as number, box);
}

// .NET's primitive widening (InvokeUtil's table): what each source primitive may be stored as
const WIDENS: Readonly<Record<string, readonly string[]>> = {
  byte: ["char", "ushort", "short", "uint", "int", "ulong", "long", "float", "double"],
  sbyte: ["short", "int", "long", "float", "double"],
  char: ["ushort", "uint", "int", "ulong", "long", "float", "double"],
  short: ["int", "long", "float", "double"],
  ushort: ["char", "uint", "int", "ulong", "long", "float", "double"],
  int: ["long", "float", "double"],
  uint: ["ulong", "long", "float", "double"],
  long: ["float", "double"],
  ulong: ["float", "double"],
  float: ["double"],
  double: [],
  bool: [],
};
const PRIMS = new Set(Object.keys(WIDENS));
/** The primitive a boxed value is, or null. */
function primOf(v: unknown): string | null {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) && (v | 0) === v ? "int" : "double";
  if (typeof v === "bigint") return "long";
  if (v instanceof NumBox) return v.t;
  if (v instanceof CharBox) return "char";
  return null;
}
const unboxed = (v: unknown): number | Long => (v instanceof NumBox ? v.v : v instanceof CharBox ? v.valueOf().charCodeAt(0) : (v as number));

/**
 * SetValue: `elem` is the element type ("int", "string", "object", "decimal", a CLR name for other
 * types), `def` its default value.
 */
export function arrSetValue(a: unknown[] | null, value: unknown, elem: string, def: unknown, form: "int" | "long" | "params", idx: readonly Long[]): void {
  const i = index(a, idx, form);
  a![i] = storable(value, elem, def);
}
function storable(v: unknown, elem: string, def: unknown): unknown {
  if (v === null || v === undefined) return def;
  if (elem === "object") return v;
  if (elem === "string") {
    if (typeof v === "string") return v;
    throw new DotNetException("System.InvalidCastException", "Object cannot be stored in an array of this type.");
  }
  if (PRIMS.has(elem)) {
    const p = primOf(v);
    if (p === elem) return typeof v === "boolean" ? v : unboxed(v);
    if (p !== null) {
      if (!WIDENS[p]!.includes(elem)) throw argumentError("Object type cannot be converted to target type.");
      const n = unboxed(v);
      return elem === "float" ? Math.fround(Number(n)) : elem === "double" ? Number(n) : n;
    }
    throw new DotNetException("System.InvalidCastException", "Object cannot be stored in an array of this type.");
  }
  if (elem === "decimal" ? v instanceof Decimal : (v as { $typeName?: string }).$typeName === elem) return v;
  throw new DotNetException("System.InvalidCastException", "Object cannot be stored in an array of this type.");
}

// JToken navigation beyond parent/child (siblings, ancestors) and Newtonsoft.Json.Linq.Extensions
// over token sequences, as Newtonsoft.Json defines them.
import { argumentNull, DotNetException, invalidOperation, nullReference } from "../errors.js";
import { Deferred } from "./linq-deferred.js";
import { JContainer, JObject, JSingle, JToken, JValue, TT, jconv } from "./newtonsoft.js";
import { CharBox, Decimal } from "./decimal.js";

const nn = <T>(t: T | null): T => {
  if (t === null || t === undefined) throw nullReference();
  return t;
};
export function jAfterSelf(t: JToken | null): JToken[] {
  const p = nn(t).Parent;
  if (!p) return [];
  const c = p.childList();
  return c.slice(c.indexOf(t!) + 1);
}
/**
 * BeforeSelf is an iterator that walks from Parent.First (Newtonsoft.Json has no parent check there):
 * no parent is a NullReferenceException when the sequence is enumerated, not when it is made
 * (`root.BeforeSelf().ElementAtOrDefault(-1)` enumerates nothing and is default).
 */
export function jBeforeSelf(t: JToken | null): Iterable<JToken> {
  const self = nn(t);
  return new Deferred(function* () {
    const p = self.Parent;
    if (!p) throw nullReference();
    const c = p.childList();
    yield* c.slice(0, c.indexOf(self));
  });
}
export function jAncestors(t: JToken | null, self: boolean): JToken[] {
  const out: JToken[] = self ? [nn(t)] : [];
  for (let p = nn(t).Parent; p; p = p.Parent) out.push(p);
  return out;
}
export function jDescendantsAndSelf(c: JContainer | null): JToken[] {
  return [nn(c), ...c!.Descendants()];
}
/** JContainer.ReplaceAll: the children go, then the content is added. */
export function jReplaceAll(c: JContainer | null, content: JToken | null): void {
  nn(c).RemoveAll();
  c!.Add(content);
}
export function jPropertyValues(o: JObject | null): JToken[] {
  return nn(o).Properties().map((p) => p.Value);
}

// ---- Extensions over sequences ---------------------------------------------------------------------
/**
 * Extensions.Ancestors/Descendants/Properties/Children over a sequence: the source is checked at the
 * call, the rest is `source.SelectMany(..)`, read only when enumerated (element by element).
 */
function each<T>(src: Iterable<T> | null, f: (x: T) => Iterable<JToken>): Iterable<JToken> {
  if (src === null || src === undefined) throw argumentNull("source");
  return new Deferred(function* () {
    for (const x of src) yield* f(x);
  });
}
export const jsAncestors = (src: Iterable<JToken> | null, self: boolean): Iterable<JToken> => each(src, (t) => jAncestors(t, self));
export const jsDescendants = (src: Iterable<JContainer> | null, self: boolean): Iterable<JToken> => each(src, (c) => (self ? jDescendantsAndSelf(c) : nn(c).Descendants()));
export const jsProperties = (src: Iterable<JObject> | null): Iterable<JToken> => each(src, (o) => nn(o).Properties());
export const jsChildren = (src: Iterable<JToken> | null): Iterable<JToken> => each(src, (t) => nn(t).Children());
/**
 * Extensions.Values(source[, key]): a JValue is itself, any other token gives its children; with a
 * key, each token's child by that key (absent ones skipped). `cast` converts each as Value<T> does.
 */
export function jsValues(src: Iterable<JToken> | null, key: unknown, cast: string | null): Iterable<unknown> {
  if (src === null || src === undefined) throw argumentNull("source");
  // deferred, as Newtonsoft's iterator: nothing is read (or thrown) until the sequence is enumerated
  return new Deferred(function* () {
    for (const t of src) {
      // a null key is no key (Extensions.Values<T, U>: `if (key == null)`)
      if (key === undefined || key === null) {
        if (t instanceof JValue) yield convertToken(t, cast, "Newtonsoft.Json.Linq.JValue");
        else for (const c of nn(t).Children()) yield convertToken(c, cast, "Newtonsoft.Json.Linq.JToken");
      } else {
        const v = nn(t).Item(key);
        if (v) yield convertToken(v, cast, "Newtonsoft.Json.Linq.JToken");
      }
    }
  });
}
/**
 * `token.Values<T>()`: a container's children (an object's are its properties), each through
 * Extensions.Convert (jtoken-axes.ts convertToken), lazily; a JValue has no child values.
 */
export function jvalues(t: JToken, key: string): Iterable<unknown> {
  if (t instanceof JValue) throw invalidOperation("Cannot access child value on Newtonsoft.Json.Linq.JValue.");
  return jsValues([t], undefined, key);
}
/**
 * `tokens.Value<T>()` (Extensions.Value<T, U>): the sequence must itself be a token (ArgumentException
 * otherwise: a List<JToken> is not), which converts through Extensions.Convert.
 */
export function jsValue(src: unknown, cast: string): unknown {
  // (Json.NET's Value<T, U>(this IEnumerable<T> value) checks it with ValidationUtils.ArgumentNotNull(value, "source"))
  if (src === null || src === undefined) throw argumentNull("source");
  if (!(src instanceof JToken)) throw new DotNetException("System.ArgumentException", "Source value must be a JToken.");
  return convertToken(src, cast, "Newtonsoft.Json.Linq.JToken");
}
/** `token.Value<T>(key)`: the item at key through Extensions.Convert (a missing item converts as null does). */
export function jValueAt(t: JToken | null, key: unknown, cast: string): unknown {
  const v = nn(t).Item(key);
  return v === null || v === undefined ? jconv(v, cast) : convertToken(v, cast, "Newtonsoft.Json.Linq.JToken");
}
/** Value-type conversion targets: a null JValue cannot become one (Convert.ChangeType). */
const VALUE_TARGETS = new Set(["int", "long", "short", "ushort", "uint", "ulong", "byte", "sbyte", "double", "float", "decimal", "bool", "char", "DateTime", "DateTimeOffset", "TimeSpan", "Guid"]);
/**
 * Newtonsoft's Extensions.Convert<T, U>: a token that is not a JValue (and not wanted as a token)
 * is InvalidCastException "Cannot cast <token type> to <T>."; a null value to a value type is
 * Convert.ChangeType's InvalidCastException; the rest converts as Value<U> does.
 */
function convertToken(t: JToken, cast: string | null, from: string): unknown {
  if (cast === null || t === null || t === undefined) return cast === null ? t : null;
  if (cast === "JToken" || cast === "object") return t;
  if (!(t instanceof JValue)) {
    if ((cast === "JObject" && t instanceof JObject) || (cast === "JContainer" && t instanceof JContainer)) return t;
    throw new DotNetException("System.InvalidCastException", `Cannot cast ${t.$typeName} to ${from}.`);
  }
  if (t.Value === null || t.Value === undefined) {
    // Convert.ChangeType(null, T): a value type cannot be null, a reference type (or Nullable<T>) is
    if (VALUE_TARGETS.has(cast)) throw new DotNetException("System.InvalidCastException", "Null object cannot be converted to a value type.");
    return null;
  }
  changeTypeCheck(t, cast.endsWith("?") ? cast.slice(0, -1) : cast);
  return jconv(t, cast);
}

/** .NET's short names of the IConvertible types (InvalidCast_FromTo) by conversion key. */
const CONVERTIBLE: Record<string, string> = {
  int: "Int32", long: "Int64", short: "Int16", byte: "Byte", sbyte: "SByte", uint: "UInt32", ulong: "UInt64", ushort: "UInt16",
  double: "Double", float: "Single", decimal: "Decimal", bool: "Boolean", char: "Char", string: "String", DateTime: "DateTime",
};
/** Keys of the value types a JValue holds that are not IConvertible, with the token type that holds them. */
const OPAQUE: Record<string, number> = { Guid: TT.Guid, TimeSpan: TT.TimeSpan, Uri: TT.Uri, "byte[]": TT.Bytes, DateTimeOffset: TT.Date };
/**
 * Convert.ChangeType(value, T) as Extensions.Convert calls it when the value is not a T already: a
 * value that is not IConvertible (Guid, TimeSpan, Uri, byte[], DateTimeOffset) cannot convert at
 * all, an IConvertible one not to a non-IConvertible target, and DateTime, Boolean, Double/Decimal
 * and Int64 refuse some targets (IConvertible's InvalidCastException). The rest converts as jconv does.
 */
function changeTypeCheck(t: JValue, k: string): void {
  const v = t.Value;
  if (v === null || v === undefined) return;
  const type = t.Type;
  const isDto = type === TT.Date && (v as { $typeName?: string }).$typeName === "System.DateTimeOffset";
  // the value is a T already
  if (OPAQUE[k] !== undefined && OPAQUE[k] === type && (k !== "DateTimeOffset" || isDto)) return;
  if (isDto || (type !== TT.Date && Object.values(OPAQUE).includes(type))) throw new DotNetException("System.InvalidCastException", "Object must implement IConvertible.");
  const from = v instanceof CharBox ? "Char" : type === TT.Integer ? "Int64" : type === TT.Float ? (v instanceof Decimal ? "Decimal" : t instanceof JSingle ? "Single" : "Double") : type === TT.String || type === TT.Comment || type === TT.Raw ? "String" : type === TT.Boolean ? "Boolean" : type === TT.Date ? "DateTime" : null;
  if (from === null) return;
  const to = CONVERTIBLE[k];
  if (to === undefined) {
    if (OPAQUE[k] !== undefined) throw new DotNetException("System.InvalidCastException", `Invalid cast from 'System.${from}' to 'System.${k === "byte[]" ? "Byte[]" : k}'.`);
    return;
  }
  const refused =
    (from === "DateTime" && to !== "String" && to !== "DateTime") ||
    ((from === "Boolean" || from === "Double" || from === "Single" || from === "Decimal") && (to === "Char" || to === "DateTime")) ||
    (from === "Int64" && to === "DateTime") ||
    (from === "Char" && (to === "Boolean" || to === "Double" || to === "Single" || to === "Decimal" || to === "DateTime"));
  if (refused) throw new DotNetException("System.InvalidCastException", `Invalid cast from '${from}' to '${to}'.`);
}
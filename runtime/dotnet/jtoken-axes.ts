// JToken navigation beyond parent/child (siblings, ancestors) and Newtonsoft.Json.Linq.Extensions
// over token sequences, as Newtonsoft.Json defines them.
import { argumentNull, DotNetException, nullReference } from "../errors.js";
import { Deferred } from "./linq-deferred.js";
import { JContainer, JObject, JToken, JValue, jconv } from "./newtonsoft.js";

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
/** BeforeSelf walks from Parent.First (Newtonsoft.Json has no parent check there): no parent is a NullReferenceException. */
export function jBeforeSelf(t: JToken | null): JToken[] {
  const p = nn(t).Parent;
  if (!p) throw nullReference();
  const c = p.childList();
  return c.slice(0, c.indexOf(t!));
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
function each<T>(src: Iterable<T> | null): T[] {
  if (src === null || src === undefined) throw argumentNull("source");
  return [...src];
}
export const jsAncestors = (src: Iterable<JToken> | null, self: boolean): JToken[] => each(src).flatMap((t) => jAncestors(t, self));
export const jsDescendants = (src: Iterable<JContainer> | null, self: boolean): JToken[] => each(src).flatMap((c) => (self ? jDescendantsAndSelf(c) : nn(c).Descendants()));
export const jsProperties = (src: Iterable<JObject> | null): JToken[] => each(src).flatMap((o) => nn(o).Properties());
export const jsChildren = (src: Iterable<JToken> | null): JToken[] => each(src).flatMap((t) => nn(t).Children());
/**
 * Extensions.Values(source[, key]): a JValue is itself, any other token gives its children; with a
 * key, each token's child by that key (absent ones skipped). `cast` converts each as Value<T> does.
 */
export function jsValues(src: Iterable<JToken> | null, key: unknown, cast: string | null): Iterable<unknown> {
  if (src === null || src === undefined) throw argumentNull("source");
  // deferred, as Newtonsoft's iterator: nothing is read (or thrown) until the sequence is enumerated
  return new Deferred(function* () {
    for (const t of src) {
      if (key === undefined) {
        if (t instanceof JValue) yield convertToken(t, cast, "Newtonsoft.Json.Linq.JValue");
        else for (const c of nn(t).Children()) yield convertToken(c, cast, "Newtonsoft.Json.Linq.JToken");
      } else {
        const v = nn(t).Item(key);
        if (v) yield convertToken(v, cast, "Newtonsoft.Json.Linq.JToken");
      }
    }
  });
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
  if ((t.Value === null || t.Value === undefined) && VALUE_TARGETS.has(cast)) throw new DotNetException("System.InvalidCastException", "Null object cannot be converted to a value type.");
  return jconv(t, cast);
}
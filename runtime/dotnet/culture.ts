// CultureInfo: a culture is its name (null for the invariant culture, which is also the current
// culture here). Only casing and comparers look at it; number and date formatting stay invariant.
import { DotNetException, argumentNull, nullReference } from "../errors.js";
import { lowerCase, upperCase, type Casing } from "./collation.js";
import { CULTURE_NAMES } from "./culture-names.js";

let known: Map<string, string> | null = null;

/** CultureInfo.GetCultureInfo(name): the culture's canonical name, null for "" (invariant). */
export function cultureInfo(name: string | null): string | null {
  if (name === null || name === undefined) throw argumentNull("name");
  if (name === "") return null;
  known ??= new Map(CULTURE_NAMES.split(" ").map((n) => [n.toLowerCase(), n]));
  const n = known.get(name.toLowerCase());
  if (n === undefined)
    throw new DotNetException("System.Globalization.CultureNotFoundException", `Culture is not supported.\r\nParameter name: name\r\n${name} is an invalid culture identifier.`);
  return n;
}

/** How a culture (a name from cultureInfo, or null) cases letters. */
function casingOf(culture: string | null): Casing {
  if (culture === null || culture === undefined) return "invariant";
  const lang = culture.split("-")[0]!.toLowerCase();
  return lang === "tr" || lang === "az" ? "turkic" : "specific";
}
/** string.ToUpper(CultureInfo) / ToLower(CultureInfo). */
export function upperCulture(s: string | null, culture: string | null): string {
  if (s === null || s === undefined) throw nullReference();
  return upperCase(s, casingOf(culture));
}
export function lowerCulture(s: string | null, culture: string | null): string {
  if (s === null || s === undefined) throw nullReference();
  return lowerCase(s, casingOf(culture));
}
/** Evaluates a culture/format-provider argument that the member itself ignores, for its exceptions, after `value`. */
export function withProvider<T>(value: T, _provider: unknown): T {
  return value;
}

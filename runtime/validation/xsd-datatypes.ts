// XML Schema 1.0 built-in datatypes and facets: each built-in's lexical space (after its
// whiteSpace normalization), the value checks of its derived ranges (int, unsignedByte, ...), and
// the facets a simple type adds (enumeration, pattern, length, ranges, digits, lists, unions).
// Values are compared in the value space: decimals exactly (as digit strings), floats as numbers,
// date/time values as instants (a value without a time zone is taken as UTC), durations as
// (months, seconds). Patterns are RE2 sources (linear time in the input: a body cannot make them
// backtrack) compiled once per module.
import { RE2JS } from "re2js";
import type { XsdFacets, XsdSimpleType, XsdTables } from "./xsd-tables.js";

export const XS = "http://www.w3.org/2001/XMLSchema";

type Kind = "string" | "boolean" | "decimal" | "float" | "double" | "duration" | "dateTime" | "time" | "date" | "gYearMonth" | "gYear" | "gMonthDay" | "gDay" | "gMonth" | "hexBinary" | "base64Binary" | "anyURI" | "QName";

interface Builtin {
  kind: Kind;
  ws: "preserve" | "replace" | "collapse";
  /** The lexical space (after whitespace normalization); absent: any string. */
  lex?: RegExp;
  /** Integer range (inclusive), for the integer types. */
  range?: [bigint | null, bigint | null];
  /** "list": a whitespace-separated list of the item built-in (NMTOKENS, IDREFS, ENTITIES). */
  listOf?: string;
  /** What .NET names the value type in its messages. */
  net: string;
}

const NAME_START = "A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NC_START = NAME_START.replace(":", "");
const NC_CHAR = NAME_CHAR.replace(":", "");
const NCNAME = `[${NC_START}][${NC_CHAR}]*`;
const TZ = "(?:Z|[+-]\\d\\d:\\d\\d)?";
const YEAR = "-?(?:[1-9]\\d{4,}|\\d{4})";
const INT = /^[+-]?\d+$/;
const ranged = (lo: string | null, hi: string | null): [bigint | null, bigint | null] => [lo === null ? null : BigInt(lo), hi === null ? null : BigInt(hi)];

const B = (kind: Kind, ws: Builtin["ws"], net: string, lex?: RegExp, extra: Partial<Builtin> = {}): Builtin => ({ kind, ws, net, lex, ...extra });
const FLOAT_LEX = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  anySimpleType: B("string", "preserve", "String"),
  string: B("string", "preserve", "String"),
  normalizedString: B("string", "replace", "String"),
  token: B("string", "collapse", "String"),
  language: B("string", "collapse", "String", /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/),
  NMTOKEN: B("string", "collapse", "String", new RegExp(`^[${NAME_CHAR}]+$`, "u")),
  NMTOKENS: B("string", "collapse", "String[]", undefined, { listOf: "NMTOKEN" }),
  Name: B("string", "collapse", "String", new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, "u")),
  NCName: B("string", "collapse", "String", new RegExp(`^${NCNAME}$`, "u")),
  ID: B("string", "collapse", "String", new RegExp(`^${NCNAME}$`, "u")),
  IDREF: B("string", "collapse", "String", new RegExp(`^${NCNAME}$`, "u")),
  IDREFS: B("string", "collapse", "String[]", undefined, { listOf: "IDREF" }),
  QName: B("QName", "collapse", "XmlQualifiedName", new RegExp(`^(?:${NCNAME}:)?${NCNAME}$`, "u")),
  anyURI: B("anyURI", "collapse", "Uri"),
  boolean: B("boolean", "collapse", "Boolean", /^(?:true|false|1|0)$/),
  decimal: B("decimal", "collapse", "Decimal", /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/),
  integer: B("decimal", "collapse", "Decimal", INT),
  nonPositiveInteger: B("decimal", "collapse", "Decimal", INT, { range: ranged(null, "0") }),
  negativeInteger: B("decimal", "collapse", "Decimal", INT, { range: ranged(null, "-1") }),
  nonNegativeInteger: B("decimal", "collapse", "Decimal", INT, { range: ranged("0", null) }),
  positiveInteger: B("decimal", "collapse", "Decimal", INT, { range: ranged("1", null) }),
  long: B("decimal", "collapse", "Int64", INT, { range: ranged("-9223372036854775808", "9223372036854775807") }),
  int: B("decimal", "collapse", "Int32", INT, { range: ranged("-2147483648", "2147483647") }),
  short: B("decimal", "collapse", "Int16", INT, { range: ranged("-32768", "32767") }),
  byte: B("decimal", "collapse", "SByte", INT, { range: ranged("-128", "127") }),
  unsignedLong: B("decimal", "collapse", "UInt64", INT, { range: ranged("0", "18446744073709551615") }),
  unsignedInt: B("decimal", "collapse", "UInt32", INT, { range: ranged("0", "4294967295") }),
  unsignedShort: B("decimal", "collapse", "UInt16", INT, { range: ranged("0", "65535") }),
  unsignedByte: B("decimal", "collapse", "Byte", INT, { range: ranged("0", "255") }),
  float: B("float", "collapse", "Single", FLOAT_LEX),
  double: B("double", "collapse", "Double", FLOAT_LEX),
  duration: B("duration", "collapse", "TimeSpan", /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/),
  dateTime: B("dateTime", "collapse", "DateTime", new RegExp(`^${YEAR}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?${TZ}$`)),
  time: B("time", "collapse", "DateTime", new RegExp(`^\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?${TZ}$`)),
  date: B("date", "collapse", "DateTime", new RegExp(`^${YEAR}-\\d\\d-\\d\\d${TZ}$`)),
  gYearMonth: B("gYearMonth", "collapse", "DateTime", new RegExp(`^${YEAR}-\\d\\d${TZ}$`)),
  gYear: B("gYear", "collapse", "DateTime", new RegExp(`^${YEAR}${TZ}$`)),
  gMonthDay: B("gMonthDay", "collapse", "DateTime", new RegExp(`^--\\d\\d-\\d\\d${TZ}$`)),
  gDay: B("gDay", "collapse", "DateTime", new RegExp(`^---\\d\\d${TZ}$`)),
  gMonth: B("gMonth", "collapse", "DateTime", new RegExp(`^--\\d\\d${TZ}$`)),
  hexBinary: B("hexBinary", "collapse", "Byte[]", /^(?:[0-9a-fA-F]{2})*$/),
  base64Binary: B("base64Binary", "collapse", "Byte[]", /^(?:(?:[A-Za-z0-9+/] ?){4})*(?:(?:[A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|(?:[A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?$/),
};

/** Built-ins apimc cannot check the way .NET does: refused when a schema uses them. */
export const UNSUPPORTED_BUILTINS: ReadonlySet<string> = new Set(["NOTATION", "ENTITY", "ENTITIES"]);

export function normalizeSpace(s: string, ws: XsdFacets["whiteSpace"]): string {
  if (ws === "preserve") return s;
  const r = s.replace(/[\t\n\r]/g, " ");
  return ws === "replace" ? r : r.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}

/** Resolves a QName value's prefix (null: not declared). */
export type PrefixResolver = (prefix: string) => string | null;

/** Why `value` (already normalized) is not in the built-in's lexical/value space; null when it is. */
export function checkBuiltin(name: string, value: string, resolve: PrefixResolver): string | null {
  const b = BUILTINS[name]!;
  if (b.listOf) {
    const items = value === "" ? [] : value.split(" ");
    if (items.length === 0) return "The list is empty.";
    for (const it of items) {
      const e = checkBuiltin(b.listOf, it, resolve);
      if (e) return e;
    }
    return null;
  }
  if (b.lex && !b.lex.test(value)) return `The string '${value}' is not a valid ${b.net} value.`;
  if (b.range) {
    const v = BigInt(value);
    if ((b.range[0] !== null && v < b.range[0]) || (b.range[1] !== null && v > b.range[1])) return `Value was either too large or too small for ${b.net === "Decimal" ? name : `an ${b.net}`}.`;
  }
  switch (b.kind) {
    case "dateTime":
    case "date":
    case "time":
    case "gYearMonth":
    case "gYear":
    case "gMonthDay":
    case "gDay":
    case "gMonth":
      return dateParts(b.kind, value) ? null : `The string '${value}' is not a valid ${b.kind} value.`;
    case "float":
      return Number.isFinite(Number(value)) && Math.abs(Number(value)) > 3.4028234663852886e38 ? `Value was either too large or too small for a Single.` : null;
    case "double":
      return value !== "INF" && value !== "-INF" && value !== "NaN" && !Number.isFinite(Number(value)) ? `Value was either too large or too small for a Double.` : null;
    case "QName": {
      const colon = value.indexOf(":");
      if (colon > 0 && resolve(value.slice(0, colon)) === null) return `'${value.slice(0, colon)}' is an undeclared prefix.`;
      return null;
    }
    default:
      return null;
  }
}

interface DateParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  tz: number | null;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The fields of a date/time value (null when a field is out of range). */
function dateParts(kind: Kind, v: string): DateParts | null {
  let tz: number | null = null;
  let body = v;
  const z = /(Z|[+-]\d\d:\d\d)$/.exec(v);
  if (z) {
    body = v.slice(0, v.length - z[1]!.length);
    if (z[1] === "Z") tz = 0;
    else {
      const th = Number(z[1]!.slice(1, 3));
      const tm = Number(z[1]!.slice(4, 6));
      if (tm > 59 || th > 14 || (th === 14 && tm > 0)) return null;
      tz = (z[1]![0] === "-" ? -1 : 1) * (th * 60 + tm);
    }
  }
  const p: DateParts = { y: 2000, mo: 1, d: 1, h: 0, mi: 0, s: 0, tz };
  const num = (s: string) => Number(s);
  const ymd = (s: string): boolean => {
    const m = /^(-?\d+)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return false;
    p.y = num(m[1]!);
    p.mo = num(m[2]!);
    p.d = num(m[3]!);
    return true;
  };
  switch (kind) {
    case "dateTime": {
      const t = body.indexOf("T");
      if (!ymd(body.slice(0, t)) || !hms(body.slice(t + 1), p)) return null;
      break;
    }
    case "date":
      if (!ymd(body)) return null;
      break;
    case "time":
      if (!hms(body, p)) return null;
      break;
    case "gYearMonth": {
      const m = /^(-?\d+)-(\d\d)$/.exec(body)!;
      p.y = num(m[1]!);
      p.mo = num(m[2]!);
      break;
    }
    case "gYear":
      p.y = num(body);
      break;
    case "gMonthDay":
      p.mo = num(body.slice(2, 4));
      p.d = num(body.slice(5, 7));
      break;
    case "gDay":
      p.d = num(body.slice(3, 5));
      break;
    case "gMonth":
      p.mo = num(body.slice(2, 4));
      break;
  }
  if (p.y === 0 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > DAYS[p.mo - 1]!) return null;
  if (p.mo === 2 && p.d === 29 && (kind === "date" || kind === "dateTime") && !leap(p.y)) return null;
  return p;
}

function hms(s: string, p: DateParts): boolean {
  const m = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)$/.exec(s);
  if (!m) return false;
  p.h = Number(m[1]);
  p.mi = Number(m[2]);
  p.s = Number(m[3]);
  // .NET (XmlConvert, System.Xml.Schema) refuses 24:00:00, which XSD 1.0 allows.
  return p.h < 24 && p.mi < 60 && p.s < 60;
}

/** A comparable number for a date/time value (milliseconds, the value's time zone applied; none: UTC). */
function instant(kind: Kind, v: string): number {
  const p = dateParts(kind, v)!;
  const t = Date.UTC(2000, p.mo - 1, p.d, p.h, p.mi, 0) + p.s * 1000 + (p.y - 2000) * 31556952000;
  return t - (p.tz ?? 0) * 60000;
}

/** Exact decimal comparison of two decimal lexical forms: -1, 0, 1. */
export function compareDecimal(a: string, b: string): number {
  const na = normDecimal(a);
  const nb = normDecimal(b);
  if (na.neg !== nb.neg) return na.neg ? -1 : 1;
  const sign = na.neg ? -1 : 1;
  if (na.int.length !== nb.int.length) return (na.int.length < nb.int.length ? -1 : 1) * sign;
  if (na.int !== nb.int) return (na.int < nb.int ? -1 : 1) * sign;
  const len = Math.max(na.frac.length, nb.frac.length);
  const fa = na.frac.padEnd(len, "0");
  const fb = nb.frac.padEnd(len, "0");
  return fa === fb ? 0 : (fa < fb ? -1 : 1) * sign;
}

/** A decimal as sign, integer digits (no leading zeros) and fraction digits (no trailing zeros). */
export function normDecimal(s: string): { neg: boolean; int: string; frac: string } {
  let t = s.trim();
  let neg = false;
  if (t[0] === "+" || t[0] === "-") {
    neg = t[0] === "-";
    t = t.slice(1);
  }
  const dot = t.indexOf(".");
  const int = (dot < 0 ? t : t.slice(0, dot)).replace(/^0+/, "");
  const frac = dot < 0 ? "" : t.slice(dot + 1).replace(/0+$/, "");
  if (int === "" && frac === "") neg = false;
  return { neg, int, frac };
}

function durationValue(v: string): [number, number] {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(v)!;
  const n = (i: number) => Number(m[i] ?? 0);
  const sign = m[1] ? -1 : 1;
  return [sign * (n(2) * 12 + n(3)), sign * (((n(4) * 24 + n(5)) * 60 + n(6)) * 60 + n(7))];
}

/** Compares two values of a built-in's value space: -1, 0, 1, or NaN when they are not ordered. */
export function compareValues(builtin: string, a: string, b: string): number {
  const kind = BUILTINS[builtin]!.kind;
  switch (kind) {
    case "decimal":
      return compareDecimal(a, b);
    case "float":
    case "double": {
      const x = a === "INF" ? Infinity : a === "-INF" ? -Infinity : Number(a);
      const y = b === "INF" ? Infinity : b === "-INF" ? -Infinity : Number(b);
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    case "duration": {
      const [am, as] = durationValue(a);
      const [bm, bs] = durationValue(b);
      const x = am * 2629746 + as;
      const y = bm * 2629746 + bs;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case "dateTime":
    case "date":
    case "time":
    case "gYearMonth":
    case "gYear":
    case "gMonthDay":
    case "gDay":
    case "gMonth": {
      const x = instant(kind, a);
      const y = instant(kind, b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    default:
      return a < b ? -1 : a > b ? 1 : 0;
  }
}

/** The key of a value in its value space: two lexical forms of one value have one key (enumeration). */
export function valueKey(builtin: string, v: string, resolve: PrefixResolver): string {
  const kind = BUILTINS[builtin]!.kind;
  switch (kind) {
    case "decimal": {
      const d = normDecimal(v);
      return `${d.neg ? "-" : ""}${d.int || "0"}.${d.frac}`;
    }
    case "float":
    case "double":
      return v === "INF" || v === "-INF" || v === "NaN" ? v : String(kind === "float" ? Math.fround(Number(v)) : Number(v));
    case "boolean":
      return v === "1" || v === "true" ? "true" : "false";
    case "hexBinary":
      return v.toUpperCase();
    case "base64Binary":
      return v.replace(/ /g, "");
    case "QName": {
      const colon = v.indexOf(":");
      return `{${resolve(colon > 0 ? v.slice(0, colon) : "") ?? ""}}${colon > 0 ? v.slice(colon + 1) : v}`;
    }
    case "duration":
      return durationValue(v).join(",");
    case "dateTime":
    case "date":
    case "time":
      return dateParts(kind, v)!.tz === null ? `L${v}` : String(instant(kind, v));
    default:
      return v;
  }
}

/** The length a length facet measures: characters, octets (binary), or items (a list). */
function lengthOf(builtin: string, v: string): number | null {
  const kind = BUILTINS[builtin]!.kind;
  if (kind === "hexBinary") return v.length / 2;
  if (kind === "base64Binary") {
    const s = v.replace(/ /g, "");
    return (s.length / 4) * 3 - (s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0);
  }
  if (kind === "QName") return null;
  return v.length;
}

const patternCache = new Map<string, RE2JS>();
function pattern(source: string): RE2JS {
  let p = patternCache.get(source);
  if (!p) patternCache.set(source, (p = RE2JS.compile(source)));
  return p;
}

/** Compiles an RE2 source (the compiler checks every pattern with this before emitting it). */
export function compilePattern(source: string): void {
  pattern(source);
}

/** Why the text is not a value of the simple type; null when it is. `out.value`: the normalized value. */
export function checkSimple(tables: XsdTables, index: number, text: string, resolve: PrefixResolver, out?: { value: string }): string | null {
  const t = tables.types[index] as XsdSimpleType;
  const f = t.facets;
  const v = normalizeSpace(text, f.whiteSpace);
  if (out) out.value = v;
  if (t.variety === "list") {
    const items = v === "" ? [] : v.split(" ");
    for (const it of items) {
      const e = checkSimple(tables, t.item!, it, resolve);
      if (e) return e;
    }
    const e = lengthFacets(f, items.length);
    if (e) return e;
    if (f.enumeration && !f.enumeration.keys.includes(items.map((i) => keyOf(tables, t.item!, i, resolve)).join(" "))) return enumMessage(f);
    return patternFacets(f, v);
  }
  if (t.variety === "union") {
    let first: string | null = null;
    let member = -1;
    for (const m of t.members!) {
      const e = checkSimple(tables, m, v, resolve);
      if (!e) {
        member = m;
        break;
      }
      first ??= e;
    }
    if (member < 0) return `The value is not valid for any member type of the union. ${first ?? ""}`.trim();
    if (f.enumeration && !f.enumeration.keys.includes(keyOf(tables, member, v, resolve))) return enumMessage(f);
    return patternFacets(f, v);
  }
  const e = checkBuiltin(t.builtin, v, resolve);
  if (e) return e;
  const pe = patternFacets(f, v);
  if (pe) return pe;
  if (f.enumeration && !f.enumeration.keys.includes(valueKey(t.builtin, v, resolve))) return enumMessage(f);
  const len = f.length !== undefined || f.minLength !== undefined || f.maxLength !== undefined ? lengthOf(t.builtin, v) : null;
  if (len !== null) {
    const le = lengthFacets(f, len);
    if (le) return le;
  }
  const cmp = (bound: string) => compareValues(t.builtin, v, bound);
  if (f.minInclusive !== undefined && !(cmp(f.minInclusive) >= 0)) return `The MinInclusive constraint failed.`;
  if (f.maxInclusive !== undefined && !(cmp(f.maxInclusive) <= 0)) return `The MaxInclusive constraint failed.`;
  if (f.minExclusive !== undefined && !(cmp(f.minExclusive) > 0)) return `The MinExclusive constraint failed.`;
  if (f.maxExclusive !== undefined && !(cmp(f.maxExclusive) < 0)) return `The MaxExclusive constraint failed.`;
  if (f.totalDigits !== undefined || f.fractionDigits !== undefined) {
    const d = normDecimal(v);
    if (f.totalDigits !== undefined && d.int.length + d.frac.length > f.totalDigits) return `The TotalDigits constraint failed.`;
    if (f.fractionDigits !== undefined && d.frac.length > f.fractionDigits) return `The FractionDigits constraint failed.`;
  }
  return null;
}

function keyOf(tables: XsdTables, index: number, v: string, resolve: PrefixResolver): string {
  const t = tables.types[index] as XsdSimpleType;
  const n = normalizeSpace(v, t.facets.whiteSpace);
  if (t.variety === "atomic") return valueKey(t.builtin, n, resolve);
  if (t.variety === "list") return (n === "" ? [] : n.split(" ")).map((i) => keyOf(tables, t.item!, i, resolve)).join(" ");
  for (const m of t.members!) if (!checkSimple(tables, m, n, resolve)) return keyOf(tables, m, n, resolve);
  return n;
}

function lengthFacets(f: XsdFacets, n: number): string | null {
  if (f.length !== undefined && n !== f.length) return `The actual length is not equal to the specified length.`;
  if (f.minLength !== undefined && n < f.minLength) return `The actual length is less than the MinLength value.`;
  if (f.maxLength !== undefined && n > f.maxLength) return `The actual length is greater than the MaxLength value.`;
  return null;
}

function patternFacets(f: XsdFacets, v: string): string | null {
  if (!f.patterns) return null;
  for (let i = 0; i < f.patterns.length; i++) {
    const step = f.patterns[i]!;
    if (!step.some((p) => pattern(p).matches(v))) return `The Pattern constraint failed.`;
  }
  return null;
}

function enumMessage(_f: XsdFacets): string {
  return "The Enumeration constraint failed.";
}

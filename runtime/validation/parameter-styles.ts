// A request parameter's text read as the value its schema describes, by the parameter's OpenAPI
// `style` and `explode` (the style table of OpenAPI 3): path parameters in `simple`, `label`
// (`.blue`) or `matrix` (`;color=blue`) style; query parameters in `form`, `spaceDelimited`,
// `pipeDelimited` or `deepObject` (`color[R]=100`) style, an exploded form object being its
// properties as query parameters of their own (`R=100&G=200`); headers in `simple` style. Arrays
// split by the style's delimiter (or repeat, exploded), objects are `key,value` pairs (or
// `key=value`, exploded). Items and properties become numbers or booleans when their schema says
// so; text that is not of the type stays a string, so the schema then reports the type.

import type { SchemaData } from "./schema.js";

export type ParameterIn = "path" | "query" | "header";

export interface ParameterRule {
  in: ParameterIn;
  name: string;
  /** The schema's type at the top and of its items (read at build time, $refs followed). */
  type: string | null;
  itemType: string | null;
  style: string;
  explode: boolean;
  /** An object's declared properties → their types; `additional`: other properties are allowed. */
  properties?: Readonly<Record<string, string | null>>;
  additional?: boolean;
  data: SchemaData;
}

/** Where the values are: the path's matched parameters, the query (name → values), the headers. */
export interface ParameterSource {
  path(name: string): string | undefined;
  query: ReadonlyMap<string, readonly string[]>;
  header(name: string): readonly string[] | undefined;
}

/**
 * The value, and the query parameters it was read from (an exploded object, a deepObject);
 * "multiple" when a parameter that takes one value has several; null when the request lacks it.
 */
export type ReadParameter = { value: unknown; names: readonly string[] } | "multiple" | null;

const DELIMITERS: Record<string, string> = { form: ",", simple: ",", spaceDelimited: " ", pipeDelimited: "|", tabDelimited: "\t" };

/** `declared`: the query names other parameters of the operation have (never an exploded object's properties). */
export function readParameter(rule: ParameterRule, source: ParameterSource, declared: ReadonlySet<string>): ReadParameter {
  if (rule.in === "path") {
    const raw = source.path(rule.name);
    return raw === undefined ? null : { value: typed(rule, fromPath(rule, raw)), names: [] };
  }
  if (rule.in === "header") {
    const values = source.header(rule.name);
    if (!values || values.length === 0) return null;
    return values.length > 1 ? "multiple" : { value: typed(rule, simple(rule, values[0]!)), names: [] };
  }
  if (rule.type === "object" && (rule.style === "deepObject" || rule.explode)) return explodedObject(rule, source.query, declared);
  const values = source.query.get(rule.name);
  if (values === undefined) return null;
  if (rule.type === "array" && rule.explode) return { value: typed(rule, values.slice()), names: [rule.name] };
  if (values.length > 1) return "multiple";
  const delimiter = DELIMITERS[rule.style] ?? ",";
  return { value: typed(rule, rule.type === "array" || rule.type === "object" ? split(values[0]!, delimiter) : values[0]!), names: [rule.name] };
}

/** `color[R]=100&color[G]=200` (deepObject), or `R=100&G=200` (an exploded form object). */
function explodedObject(rule: ParameterRule, query: ReadonlyMap<string, readonly string[]>, declared: ReadonlySet<string>): ReadParameter {
  const out: Record<string, string> = {};
  const names: string[] = [];
  const deep = rule.style === "deepObject";
  for (const [name, values] of query) {
    let key: string;
    if (deep) {
      if (!name.startsWith(`${rule.name}[`) || !name.endsWith("]")) continue;
      key = name.slice(rule.name.length + 1, -1);
    } else {
      const own = rule.properties && Object.prototype.hasOwnProperty.call(rule.properties, name);
      // Without declared properties, an object that allows others takes every query parameter no other parameter names.
      if (!own && !(rule.additional && !declared.has(name))) continue;
      key = name;
    }
    if (values.length > 1) return "multiple";
    out[key] = values[0]!;
    names.push(name);
  }
  return names.length ? { value: typed(rule, out), names } : null;
}

/** The path segment's text without the style's prefix, as a string, parts or pairs. */
function fromPath(rule: ParameterRule, raw: string): string | string[] | Record<string, string> {
  if (rule.style === "label") {
    if (!raw.startsWith(".")) return raw;
    const rest = raw.slice(1);
    if (rule.type !== "array" && rule.type !== "object") return rest;
    // OpenAPI 3.0.3 writes `.blue.black.brown` unexploded too; 3.0.4 and 3.1 write `.blue,black,brown`.
    const parts = split(rest, !rule.explode && rest.includes(",") ? "," : ".");
    return rule.type === "object" ? pairs(parts, rule.explode) : parts;
  }
  if (rule.style === "matrix") {
    if (!raw.startsWith(";")) return raw;
    const own = `;${rule.name}=`;
    if (rule.type === "object" && rule.explode) return pairs(split(raw.slice(1), ";"), true);
    if (rule.type === "array" && rule.explode) return split(raw.slice(1), ";").map((p) => (p.startsWith(`${rule.name}=`) ? p.slice(rule.name.length + 1) : p));
    if (raw === `;${rule.name}`) return rule.type === "array" || rule.type === "object" ? [] : "";
    if (!raw.startsWith(own)) return raw;
    const rest = raw.slice(own.length);
    if (rule.type !== "array" && rule.type !== "object") return rest;
    const parts = split(rest, ",");
    return rule.type === "object" ? pairs(parts, false) : parts;
  }
  return simple(rule, raw);
}

/** `simple`: `blue`, `blue,black`, `R,100,G,200` or (exploded) `R=100,G=200`. */
function simple(rule: ParameterRule, raw: string): string | string[] | Record<string, string> {
  if (rule.type === "array") return split(raw, ",");
  if (rule.type === "object") return pairs(split(raw, ","), rule.explode);
  return raw;
}

const split = (s: string, delimiter: string): string[] => (s === "" ? [] : s.split(delimiter));

/** `k=v` parts (exploded), or alternating keys and values. */
function pairs(parts: readonly string[], exploded: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (exploded)
    for (const part of parts) {
      const eq = part.indexOf("=");
      if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
      else if (part !== "") out[part] = "";
    }
  else for (let i = 0; i < parts.length; i += 2) out[parts[i]!] = parts[i + 1] ?? "";
  return out;
}

/** Parts as the schema's types: an object's alternating parts become pairs, items and properties scalars. */
function typed(rule: ParameterRule, v: string | string[] | Record<string, string>): unknown {
  if (rule.type === "object") {
    const obj = Array.isArray(v) ? pairs(v, false) : typeof v === "string" ? pairs(split(v, ","), false) : v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) out[k] = scalar(rule.properties?.[k] ?? null, x);
    return out;
  }
  if (rule.type === "array") return (Array.isArray(v) ? v : typeof v === "string" ? [v] : Object.values(v)).map((x) => scalar(rule.itemType, x));
  return scalar(rule.type, typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : "");
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
export function scalar(type: string | null, s: string): unknown {
  if ((type === "integer" || type === "number") && NUMBER.test(s.trim())) return Number(s.trim());
  if (type === "boolean") {
    const t = s.trim().toLowerCase();
    if (t === "true" || t === "false") return t === "true";
  }
  return s;
}

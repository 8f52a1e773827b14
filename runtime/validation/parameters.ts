// validate-parameters: the request's path, query and header parameters against the operation's
// parameters in the API specification. A value arrives as text; it is read as the schema's type
// says (numbers, booleans, arrays split by the parameter's style, objects), then validated with
// ajv. Parameters the specification does not list are "Unspecified" (query parameters and
// headers; path parameters are the URL template's). A required parameter that is absent is not
// reported: the reference lists no such error (operation matching is where APIM requires them).
import type { Context } from "../context.js";
import { HOP_BY_HOP } from "../headers.js";
import { errorMessage, errorValue, jsonPosition, LazySchema, type SchemaData } from "./schema.js";
import { reportValidation, toAction, type Action, type ValidationError } from "./report.js";

export type ParameterIn = "path" | "query" | "header";

export interface ParameterRule {
  in: ParameterIn;
  name: string;
  /** The schema's type at the top and of its items (read at build time, $refs followed). */
  type: string | null;
  itemType: string | null;
  style: string;
  explode: boolean;
  data: SchemaData;
}

export interface ParametersConfig {
  params: readonly ParameterRule[];
  errorsVariable: string | null;
  /** Per-parameter actions (<parameter> children), by location; header names lower case. */
  overrides: { path: ReadonlyMap<string, string>; query: ReadonlyMap<string, string>; header: ReadonlyMap<string, string> };
}

/** Location-level actions: null where the element or attribute is absent. */
export interface ParameterActions {
  specified: unknown;
  unspecified: unknown;
  headersSpecified: unknown;
  headersUnspecified: unknown;
  querySpecified: unknown;
  queryUnspecified: unknown;
  pathSpecified: unknown;
}

const KIND = { path: ["PathParameter", "path parameter"], query: ["QueryParameter", "query parameter"], header: ["RequestHeader", "header"] } as const;
/** Never reported as unspecified: transport headers and the body's framing (OpenAPI excludes Content-Type from parameters). */
const NOT_PARAMETERS: ReadonlySet<string> = new Set([...HOP_BY_HOP, "content-length", "content-type"]);

const validators = new WeakMap<SchemaData, LazySchema>();
function validatorOf(data: SchemaData): LazySchema {
  let v = validators.get(data);
  if (!v) validators.set(data, (v = new LazySchema(data)));
  return v;
}

export function validateParameters(ctx: Context, config: ParametersConfig, actions: ParameterActions): void {
  const p = "validate-parameters";
  const act = (v: unknown, attr: string): Action | null => (v === null || v === undefined ? null : toAction(v, p, attr));
  const specified = toAction(actions.specified, p, "specified-parameter-action");
  const unspecified = toAction(actions.unspecified, p, "unspecified-parameter-action");
  const spec = {
    path: act(actions.pathSpecified, "specified-parameter-action") ?? specified,
    query: act(actions.querySpecified, "specified-parameter-action") ?? specified,
    header: act(actions.headersSpecified, "specified-parameter-action") ?? specified,
  };
  const unspec = { query: act(actions.queryUnspecified, "unspecified-parameter-action") ?? unspecified, header: act(actions.headersUnspecified, "unspecified-parameter-action") ?? unspecified };
  const errors: ValidationError[] = [];
  const known = { query: new Set<string>(), header: new Set<string>() };
  for (const rule of config.params) {
    const key = rule.in === "header" ? rule.name.toLowerCase() : rule.name;
    if (rule.in !== "path") known[rule.in].add(key);
    const action = (config.overrides[rule.in].get(key) as Action | undefined) ?? spec[rule.in];
    if (action === "ignore") continue;
    const values = valuesOf(ctx, rule.in, rule.name);
    if (values === null) continue;
    const error = checkParameter(rule, values);
    if (error) errors.push({ Name: rule.name, Type: KIND[rule.in][0], ValidationRule: "IncorrectMessage", Details: error, Action: action });
  }
  for (const where of ["query", "header"] as const) {
    const names = where === "query" ? [...ctx.Request.Url.Query.m.keys()] : [...ctx.Request.Headers.m.values()].map((e) => e.name);
    for (const name of names) {
      const key = where === "header" ? name.toLowerCase() : name;
      if (known[where].has(key) || (where === "header" && NOT_PARAMETERS.has(key))) continue;
      const action = (config.overrides[where].get(key) as Action | undefined) ?? unspec[where];
      if (action === "ignore") continue;
      errors.push({ Name: name, Type: KIND[where][0], ValidationRule: "Unspecified", Details: `Unspecified ${KIND[where][1]} ${name} is not allowed.`, Action: action });
    }
  }
  reportValidation(ctx, p, errors, config.errorsVariable, true);
}

function valuesOf(ctx: Context, where: ParameterIn, name: string): readonly string[] | null {
  if (where === "path") {
    const v = ctx.Request.MatchedParameters.get(name);
    return v === undefined ? null : [v];
  }
  if (where === "query") return ctx.Request.Url.Query.m.get(name) ?? null;
  const e = ctx.Request.Headers.m.get(name.toLowerCase());
  return e && e.values.length ? e.values : null;
}

/** The error's Details, or null when the value conforms. */
export function checkParameter(rule: ParameterRule, values: readonly string[]): string | null {
  const kind = KIND[rule.in][1];
  const arrayExploded = rule.type === "array" && rule.explode && rule.in === "query";
  if (values.length > 1 && !arrayExploded) return `Request cannot contain multiple values for the ${kind} ${rule.name}.`;
  const value = readValue(rule, values);
  const validate = validatorOf(rule.data).validate;
  if (validate(value)) return null;
  const err = validate.errors![0]!;
  const text = JSON.stringify(value) ?? "";
  const { line, position } = jsonPosition(text, err.instancePath);
  return `Value of the ${kind} ${rule.name} does not conform to the definition. ${errorMessage(err, errorValue(value, err))} Line: ${line}, Position: ${position}`;
}

const DELIMITERS: Record<string, string> = { form: ",", simple: ",", spaceDelimited: " ", pipeDelimited: "|", tabDelimited: "\t" };

/** The text as the value the schema describes. Text that is not of the type stays a string (the schema then reports the type). */
export function readValue(rule: ParameterRule, values: readonly string[]): unknown {
  if (rule.type === "array") {
    const parts: readonly string[] = rule.explode && rule.in === "query" ? values : values[0]!.split(DELIMITERS[rule.style] ?? ",");
    return parts.map((x) => scalar(rule.itemType, x));
  }
  if (rule.type === "object") {
    const parts = values[0]!.split(",");
    const out: Record<string, unknown> = {};
    if (rule.explode) for (const part of parts) {
      const eq = part.indexOf("=");
      if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    else for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!] = parts[i + 1];
    return out;
  }
  return scalar(rule.type, values[0]!);
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
function scalar(type: string | null, s: string): unknown {
  if ((type === "integer" || type === "number") && NUMBER.test(s.trim())) return Number(s.trim());
  if (type === "boolean") {
    const t = s.trim().toLowerCase();
    if (t === "true" || t === "false") return t === "true";
  }
  return s;
}

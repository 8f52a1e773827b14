// validate-parameters: the request's path, query and header parameters against the operation's
// parameters in the API specification. A value arrives as text; it is read by the parameter's
// style and the schema's type (parameter-styles.ts), then validated with ajv. Parameters the specification does not list are "Unspecified" (query parameters and
// headers; path parameters are the URL template's). A required parameter that is absent is not
// reported: the reference lists no such error (operation matching is where APIM requires them).
import type { Context } from "../context.js";
import { HOP_BY_HOP } from "../headers.js";
import { errorMessage, errorValue, jsonPosition, LazySchema, type SchemaData } from "./schema.js";
import { reportValidation, toAction, type Action, type ValidationError } from "./report.js";
import { readParameter, scalar, type ParameterRule, type ParameterSource } from "./parameter-styles.js";

export type { ParameterIn, ParameterRule } from "./parameter-styles.js";

export interface ParametersConfig {
  params: readonly ParameterRule[];
  errorsVariable: string | null;
  /** The operation declares cookie parameters: the Cookie header is then specified (their values are not validated). */
  cookies?: boolean;
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
  const known = { query: new Set<string>(), header: new Set<string>(config.cookies ? ["cookie"] : []) };
  const declared = new Set<string>();
  for (const rule of config.params) if (rule.in === "query") declared.add(rule.name);
  const query = ctx.Request.Url.Query.m;
  const source: ParameterSource = {
    path: (name) => ctx.Request.MatchedParameters.get(name),
    query,
    header: (name) => ctx.Request.Headers.m.get(name.toLowerCase())?.values,
  };
  for (const rule of config.params) {
    const key = rule.in === "header" ? rule.name.toLowerCase() : rule.name;
    if (rule.in !== "path") known[rule.in].add(key);
    const action = (config.overrides[rule.in].get(key) as Action | undefined) ?? spec[rule.in];
    const read = action === "ignore" && rule.in !== "query" ? null : readParameter(rule, source, declared);
    // An exploded object's properties and a deepObject's keys are this parameter's, not unspecified ones.
    if (read !== null && read !== "multiple") for (const n of read.names) known.query.add(n);
    if (read === null || action === "ignore") continue;
    const error = read === "multiple" ? `Request cannot contain multiple values for the ${KIND[rule.in][1]} ${rule.name}.` : conformance(rule, read.value);
    if (error) errors.push({ Name: rule.name, Type: KIND[rule.in][0], ValidationRule: "IncorrectMessage", Details: error, Action: action });
  }
  for (const where of ["query", "header"] as const) {
    const names = where === "query" ? [...query.keys()] : [...ctx.Request.Headers.m.values()].map((e) => e.name);
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

/** The error's Details, or null when the value conforms. */
function conformance(rule: ParameterRule, value: unknown): string | null {
  const validate = validatorOf(rule.data).validate;
  if (validate(value)) return null;
  const err = validate.errors![0]!;
  const text = JSON.stringify(value) ?? "";
  const { line, position } = jsonPosition(text, err.instancePath);
  return `Value of the ${KIND[rule.in][1]} ${rule.name} does not conform to the definition. ${errorMessage(err, errorValue(value, err))} Line: ${line}, Position: ${position}`;
}

/** A header's text (validate-headers: a response header in `simple` style) as the value its schema describes. */
export function readValue(rule: ParameterRule, values: readonly string[]): unknown {
  const read = readParameter({ ...rule, in: "header" }, { path: () => undefined, query: new Map(), header: () => values }, new Set());
  return read && read !== "multiple" ? read.value : scalar(rule.type, values[0] ?? "");
}

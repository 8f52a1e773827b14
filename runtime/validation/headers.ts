// validate-headers: the response headers against the headers the operation's response (by status
// code: exact, class "2XX", "default") defines in the API specification.
// With a specification: a header the response defines is "specified" (specified-header-action):
// one value only ("Response cannot contain multiple values for the header"), and the value read
// as its schema's type must conform; every other header is "unspecified". Without one (a module
// compiled without a specification, which the compiler warns about) no header is specified by a
// schema: headers named by <header> children take their action and only the one-value rule.
// A <header> child's action overrides the specified or unspecified action for that header.
// Transport headers and Content-Type (which OpenAPI excludes from header definitions) are never reported.
import type { Context } from "../context.js";
import { HOP_BY_HOP } from "../headers.js";
import { reportValidation, toAction, type Action, type ValidationError } from "./report.js";
import { errorMessage, errorValue, jsonPosition, LazySchema, type SchemaData } from "./schema.js";
import { readValue, type ParameterRule } from "./parameters.js";

export type { ValidationError } from "./report.js";

const NEVER_REPORTED: ReadonlySet<string> = new Set([...HOP_BY_HOP, "content-length", "content-type"]);

/** Status key ("200", "2XX", "default") → lower-case header name → its rule. */
export type HeaderContract = Record<string, Record<string, ParameterRule>>;

const validators = new WeakMap<SchemaData, LazySchema>();
function validatorOf(data: SchemaData): LazySchema {
  let v = validators.get(data);
  if (!v) validators.set(data, (v = new LazySchema(data)));
  return v;
}

function definedHeaders(contract: HeaderContract, status: number): Record<string, ParameterRule> {
  const s = String(status);
  return contract[s] ?? contract[`${s[0]}XX`] ?? contract.default ?? {};
}

/** `overrides`: lower-case header name → action, from the <header> children. `contract`: null without a specification. */
export function validateHeaders(ctx: Context, specified: unknown, unspecified: unknown, overrides: ReadonlyMap<string, string>, errorsVariable: string | null, contract: HeaderContract | null = null): void {
  const specifiedAction = toAction(specified, "validate-headers", "specified-header-action");
  const fallback = toAction(unspecified, "validate-headers", "unspecified-header-action");
  const defined = contract ? definedHeaders(contract, ctx.Response.StatusCode) : null;
  const errors: ValidationError[] = [];
  for (const [key, entry] of ctx.Response.Headers.m) {
    if (NEVER_REPORTED.has(key)) continue;
    const own = overrides.get(key) as Action | undefined;
    const rule = defined?.[key];
    if (rule || (own !== undefined && !contract)) {
      const action = own ?? specifiedAction;
      if (action === "ignore") continue;
      const details = entry.values.length > 1 ? `Response cannot contain multiple values for the header ${entry.name}.` : rule ? checkHeaderValue(rule, entry.name, entry.values[0]!) : null;
      if (details) errors.push({ Name: entry.name, Type: "ResponseHeader", ValidationRule: "IncorrectMessage", Details: details, Action: action });
      continue;
    }
    const action = own ?? fallback;
    if (action !== "ignore") errors.push({ Name: entry.name, Type: "ResponseHeader", ValidationRule: "Unspecified", Details: `Unspecified header ${entry.name} is not allowed.`, Action: action });
  }
  reportValidation(ctx, "validate-headers", errors, errorsVariable, false);
}

function checkHeaderValue(rule: ParameterRule, name: string, text: string): string | null {
  const value = readValue(rule, [text]);
  const validate = validatorOf(rule.data).validate;
  if (validate(value)) return null;
  const err = validate.errors![0]!;
  const { line, position } = jsonPosition(JSON.stringify(value) ?? "", err.instancePath);
  return `Value of the header ${name} does not conform to the definition. ${errorMessage(err, errorValue(value, err))} Line: ${line}, Position: ${position}`;
}

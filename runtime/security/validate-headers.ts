// validate-headers without an API schema. APIM checks response headers against the operation's
// response definitions; apimc has none, so no header counts as specified by a schema: every
// response header is "unspecified" (unspecified-header-action), except headers named by a
// <header> child, which use that child's action, and the only rule checkable without a
// definition applies to them (one value only: "Response cannot contain multiple values for the
// header"). Transport headers and Content-Type (which OpenAPI excludes from header definitions)
// are never reported. Errors go to errors-variable-name as a JArray of {Name, Type,
// ValidationRule, Details, Action}; a "prevent" error ends processing with 502, Reason
// "Response not allowed" and the details as LastError.Message.
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { HOP_BY_HOP } from "../headers.js";
import { toJToken } from "../dotnet/newtonsoft.js";

type Action = "ignore" | "prevent" | "detect";
const ACTIONS: ReadonlySet<string> = new Set(["ignore", "prevent", "detect"]);
const NEVER_REPORTED: ReadonlySet<string> = new Set([...HOP_BY_HOP, "content-length", "content-type"]);

export interface ValidationError {
  Name: string;
  Type: string;
  ValidationRule: string;
  Details: string;
  Action: string;
}

function action(v: unknown, what: string): Action {
  if (typeof v === "string" && ACTIONS.has(v)) return v as Action;
  throw new PolicyError("ExpressionValueEvaluationFailure", `validate-headers: ${what} '${String(v)}' is not one of ignore, prevent, detect.`);
}

/** `overrides`: lower-case header name → action, from the <header> children. */
export function validateHeaders(ctx: Context, specified: unknown, unspecified: unknown, overrides: ReadonlyMap<string, string>, errorsVariable: string | null): void {
  action(specified, "specified-header-action");
  const fallback = action(unspecified, "unspecified-header-action");
  const errors: ValidationError[] = [];
  for (const [key, entry] of ctx.Response.Headers.m) {
    if (NEVER_REPORTED.has(key)) continue;
    const own = overrides.get(key) as Action | undefined;
    if (own !== undefined) {
      if (own !== "ignore" && entry.values.length > 1)
        errors.push({ Name: entry.name, Type: "ResponseHeader", ValidationRule: "IncorrectMessage", Details: `Response cannot contain multiple values for the header ${entry.name}.`, Action: own });
      continue;
    }
    if (fallback !== "ignore")
      errors.push({ Name: entry.name, Type: "ResponseHeader", ValidationRule: "Unspecified", Details: `Unspecified header ${entry.name} is not allowed.`, Action: fallback });
  }
  if (errors.length === 0) return;
  if (errorsVariable) ctx.Variables.set(errorsVariable, toJToken(errors));
  const stop = errors.find((e) => e.Action === "prevent");
  if (stop) throw new PolicyError("Response not allowed", stop.Details, 502, "validate-headers");
}

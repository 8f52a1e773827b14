// What every validation policy does with its errors (the reference pages' "Validation errors" and
// "Logs"): each error is {Name, Type, ValidationRule, Details, Action}; they go to the
// errors-variable-name variable as a JArray; the first with action "prevent" stops processing
// with 400 "Bad request" (inbound) or 502 "Response not allowed" (outbound, on-error), its
// Details as context.LastError.Message, and on-error runs.
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { toJToken } from "../dotnet/newtonsoft.js";

export type Action = "ignore" | "prevent" | "detect";
const ACTIONS: ReadonlySet<string> = new Set(["ignore", "prevent", "detect"]);

export interface ValidationError {
  Name: string;
  Type: string;
  ValidationRule: string;
  Details: string;
  Action: string;
}

/** An action attribute's value (a literal or an expression's result). */
export function toAction(v: unknown, policy: string, attribute: string): Action {
  if (typeof v === "string" && ACTIONS.has(v)) return v as Action;
  throw new PolicyError("ExpressionValueEvaluationFailure", `${policy}: ${attribute} '${String(v)}' is not one of ignore, prevent, detect.`);
}

/**
 * Logs the errors (when there are any) and raises the first prevent one. Errors with action
 * "ignore" are not kept. `request`: the policy checks the request (400) rather than the response (502).
 */
export function reportValidation(ctx: Context, policy: string, errors: ValidationError[], errorsVariable: string | null, request: boolean): void {
  const kept = errors.filter((e) => e.Action !== "ignore");
  if (kept.length === 0) return;
  if (errorsVariable) ctx.Variables.set(errorsVariable, toJToken(kept));
  const stop = kept.find((e) => e.Action === "prevent");
  if (stop) throw request ? new PolicyError("Bad request", stop.Details, 400, policy) : new PolicyError("Response not allowed", stop.Details, 502, policy);
}

// validate-status-code: the response's status code against the operation's responses in the API
// specification. A code is specified when the responses name it, name its class ("2XX") or have
// a "default" response. <status-code> overrides apply only to codes the specification does not
// specify (the reference page: "If the status code is specified in the API schema, this override
// doesn't take effect").
import type { Context } from "../context.js";
import { reportValidation, toAction } from "./report.js";

export interface StatusCodeContract {
  /** The response keys of the operation: "200", "2XX", "default". */
  codes: readonly string[];
}

export function isStatusSpecified(codes: readonly string[], status: number): boolean {
  const s = String(status);
  return codes.some((c) => c === s || c === "default" || (c.length === 3 && c.endsWith("XX") && c[0] === s[0]));
}

/** `overrides`: status code → action. */
export function validateStatusCode(ctx: Context, contract: StatusCodeContract, unspecified: unknown, overrides: ReadonlyMap<number, string>, errorsVariable: string | null): void {
  const fallback = toAction(unspecified, "validate-status-code", "unspecified-status-code-action");
  const status = ctx.Response.StatusCode;
  if (isStatusSpecified(contract.codes, status)) return;
  const action = (overrides.get(status) as ReturnType<typeof toAction> | undefined) ?? fallback;
  reportValidation(ctx, "validate-status-code", [{ Name: String(status), Type: "StatusCode", ValidationRule: "Unspecified", Details: `Response status code ${status} is not allowed.`, Action: action }], errorsVariable, false);
}

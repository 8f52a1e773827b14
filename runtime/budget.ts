// The expression budget of one request: loops in policy expressions may run `iterations`
// iterations in all, for at most `milliseconds` (from the first check). Past either, the expression
// fails with ExpressionBudgetExceeded and the request goes to on-error. A `while (true)` in a policy
// cannot stall the gateway. Change the figures before serving requests.
import { PolicyError } from "./errors.js";

export const expressionBudget = { iterations: 2 ** 24, milliseconds: 1000 };

/** Called by generated loops every 4,096 iterations (compiler/csharp/lower.ts loopBody). */
export function loopCheck(ctx: { $loops: number; $loopStart: number | undefined }): void {
  const now = performance.now();
  ctx.$loopStart ??= now;
  if (ctx.$loops <= 0 || now - ctx.$loopStart > expressionBudget.milliseconds)
    throw new PolicyError(
      "ExpressionBudgetExceeded",
      `A policy expression ran past the per-request budget (${expressionBudget.iterations} loop iterations or ${expressionBudget.milliseconds} ms).`,
      500,
    );
}

/** Sequences LINQ materializes (Range, Repeat) count against the same budget: no 2^31-element arrays. */
export function checkSequenceSize(count: number): void {
  if (count > expressionBudget.iterations)
    throw new PolicyError("ExpressionBudgetExceeded", `A policy expression asked for a sequence of ${count} elements, past the per-request budget of ${expressionBudget.iterations}.`, 500);
}

// llm-emit-token-metric and azure-openai-emit-token-metric: the tokens an answer used, as three
// custom metrics of the policy's namespace ("Total Tokens", "Prompt Tokens", "Completion Tokens",
// the names APIM sends to Application Insights) with the policy's dimensions, to the gateway's
// observer (its Prometheus metrics: apimc_custom_Total_Tokens, ...). A streamed answer's tokens are
// estimated when it carries no usage (reference pages), and emitted when it ends.
import type { Context } from "../context.js";
import { defaultDimension } from "../observe.js";
import { PolicyError } from "../errors.js";
import { llmRequestOf, onLlmUsage } from "./usage.js";

export const TOKEN_METRICS = ["Total Tokens", "Prompt Tokens", "Completion Tokens"] as const;

export async function llmEmitTokenMetric(ctx: Context, policy: string, namespace: string, dims: readonly (readonly [unknown, unknown])[]): Promise<void> {
  const o = ctx.$env.observer;
  if (!o) return;
  // Dimensions are read when the policy runs (inbound), as the request is then.
  const out: [string, string][] = [];
  for (const [n, v] of dims) {
    const name = n === null || n === undefined ? "" : String(n);
    if (name === "") throw new PolicyError("ExpressionValueEvaluationFailure", `${policy}: a dimension name is empty.`, 500, policy);
    out.push([name, v === null || v === undefined ? defaultDimension(ctx, name) : String(v)]);
  }
  const st = await llmRequestOf(ctx);
  onLlmUsage(st, (u) => {
    o.metric(TOKEN_METRICS[0], namespace, u.total, out);
    o.metric(TOKEN_METRICS[1], namespace, u.prompt, out);
    o.metric(TOKEN_METRICS[2], namespace, u.completion, out);
  });
}

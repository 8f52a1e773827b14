// llm-emit-token-metric and azure-openai-emit-token-metric: the answer's token counts as custom
// metrics ("Total Tokens", "Prompt Tokens", "Completion Tokens") with <dimension> children as
// emit-metric's (a default dimension may leave out its value). llm-emit-token-metric's page allows
// at most 5 dimensions, azure-openai-emit-token-metric's 10.
import { js, join, rt, type Code } from "../codegen/code.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { parseDimensions, type Dimension } from "./emit-metric.js";

export interface EmitTokenMetricNode extends PolicyNode {
  namespace: string;
  dimensions: Dimension[];
}

function emitTokenMetric(name: string, maxDimensions: number, extra: Record<string, { expr?: boolean }>): PolicyDef<EmitTokenMetricNode> {
  return {
    name,
    sections: ["inbound"],
    attributes: { namespace: { expr: false }, ...extra },
    parse(el, pc, base) {
      const a = pc.attrs(el, this.attributes);
      const { dimensions, ok } = parseDimensions(el, pc, name, maxDimensions);
      if (!ok) return null;
      const namespace = a.namespace?.kind === "literal" ? a.namespace.text.trim() || "API Management" : "API Management";
      return { ...base, namespace, dimensions };
    },
    emit(node, ec) {
      const str = (v: XValue): Code => (v.kind === "literal" ? js`${v.text}` : ec.value(v, "string"));
      const dims = join(node.dimensions.map((d) => js`[${str(d.name)}, ${d.value ? str(d.value) : js`null`}]`), ", ", "[", "]");
      return js`await ${rt("llmEmitTokenMetric")}(ctx, ${node.policy}, ${node.namespace}, ${dims});`;
    },
    isAsync: () => true,
  };
}

export const llmEmitTokenMetric = emitTokenMetric("llm-emit-token-metric", 5, {});
/** Its page lists a `value` attribute (a double, default 1) that the token metrics do not use: accepted and ignored. */
export const azureOpenAiEmitTokenMetric = emitTokenMetric("azure-openai-emit-token-metric", 10, { value: {} });

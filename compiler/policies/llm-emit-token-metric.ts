// llm-emit-token-metric and azure-openai-emit-token-metric: the answer's token counts as custom
// metrics ("Total Tokens", "Prompt Tokens", "Completion Tokens") with <dimension> children as
// emit-metric's (a default dimension may leave out its value). llm-emit-token-metric's page allows
// at most 5 dimensions, azure-openai-emit-token-metric's 10.
import { js, join, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { DEFAULT_DIMENSIONS } from "../../runtime/observer.js";

export interface EmitTokenMetricNode extends PolicyNode {
  namespace: string;
  dimensions: { name: XValue; value: XValue | null }[];
}

function emitTokenMetric(name: string, maxDimensions: number, extra: Record<string, { expr?: boolean }>): PolicyDef<EmitTokenMetricNode> {
  return {
    name,
    sections: ["inbound"],
    attributes: { namespace: { expr: false }, ...extra },
    parse(el, pc, base) {
      const a = pc.attrs(el, this.attributes);
      const dimensions: EmitTokenMetricNode["dimensions"] = [];
      let ok = true;
      for (const child of pc.elements(el)) {
        if (child.name !== "dimension") {
          pc.diags.error(Codes.UnexpectedChild, child.offset, `<${name}> takes <dimension> children, not <${child.name}>.`);
          ok = false;
          continue;
        }
        pc.elements(child).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<dimension> takes no child elements."));
        const d = pc.attrs(child, { name: { required: true }, value: {} });
        if (!d.name) {
          ok = false;
          continue;
        }
        if (d.name.kind === "literal" && d.name.text.trim() === "") {
          pc.diags.error(Codes.InvalidLiteral, d.name.offset, "A dimension name cannot be empty.");
          ok = false;
          continue;
        }
        if (!d.value && !(d.name.kind === "literal" && DEFAULT_DIMENSIONS.has(d.name.text.trim()))) {
          pc.diags.error(Codes.MissingAttribute, child.offset, `<dimension> needs a value unless its name is one of the default dimensions (${[...DEFAULT_DIMENSIONS].join(", ")}).`);
          ok = false;
          continue;
        }
        if (d.name.kind === "literal") d.name = { ...d.name, text: d.name.text.trim() };
        dimensions.push({ name: d.name, value: d.value ?? null });
      }
      if (dimensions.length === 0 && ok) {
        pc.diags.error(Codes.MissingChild, el.offset, `<${name}> needs at least one <dimension> (the reference page requires one).`);
        return null;
      }
      if (dimensions.length > maxDimensions) pc.diags.error(Codes.UnexpectedChild, el.offset, `<${name}> takes at most ${maxDimensions} dimensions (the reference page's limit), not ${dimensions.length}.`);
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

// llm-semantic-cache-lookup / -store and azure-openai-semantic-cache-lookup / -store (one attribute
// set on their pages): a cache of LLM answers by the meaning of the prompt (runtime/ai/semantic-cache.ts).
// The lookup needs an embeddings endpoint: embeddings-backend-id names a gateway.json backend whose
// URL is an OpenAI-compatible embeddings endpoint. A gateway build knows its backends: an id it does
// not have is APIMC2014 (in Azure it would be an Azure OpenAI deployment), saying what to configure.
// A standalone compile cannot know and leaves it to run time (a miss), as for set-backend-service.
import { js, rt } from "../codegen/code.js";
import { endPipeline } from "../codegen/names.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { specConstant } from "./state-common.js";

export interface SemanticLookupNode extends PolicyNode {
  spec: { threshold: number; backendId: string; ignoreSystemMessages: boolean; maxMessageCount: number | null };
  varyBy: XValue[];
}

export interface SemanticStoreNode extends PolicyNode {
  duration: XValue;
}

/** What to add to gateway.json for an embeddings backend id. */
export function embeddingsBackendHint(id: string): string {
  return `configure an OpenAI-compatible embeddings endpoint as that backend in gateway.json: "backends": { ${JSON.stringify(id)}: { "url": "https://host/v1/embeddings" } } (answering POST {"input": ...} with {"data": [{"embedding": [...]}]}; "semanticCache": { "embeddingsModel": "..." } adds a model name to the request)`;
}

function lookup(name: string): PolicyDef<SemanticLookupNode> {
  return {
    name,
    sections: ["inbound"],
    attributes: {
      "score-threshold": { required: true, expr: false },
      "embeddings-backend-id": { required: true, expr: false },
      "embeddings-backend-auth": { expr: false, type: { enum: ["system-assigned"] } },
      "ignore-system-messages": { expr: false, type: "bool" },
      "max-message-count": { expr: false, type: "int" },
    },
    oncePerDefinition: true,
    parse(el, pc, base) {
      const a = pc.attrs(el, this.attributes);
      const varyBy: XValue[] = [];
      for (const c of pc.elements(el)) {
        if (c.name !== "vary-by") {
          pc.diags.error(Codes.UnexpectedChild, c.offset, `<${name}> takes <vary-by> children, not <${c.name}>.`);
          continue;
        }
        pc.attrs(c, {});
        const v = pc.text(c);
        if (v) varyBy.push(v);
        else pc.diags.error(Codes.MissingChild, c.offset, "<vary-by> needs a value (an expression whose value partitions the cache).");
      }
      const t = a["score-threshold"];
      const threshold = t?.kind === "literal" ? Number(t.text.trim()) : NaN;
      if (t?.kind === "literal" && !(t.text.trim() !== "" && threshold >= 0 && threshold <= 1))
        pc.diags.error(Codes.InvalidLiteral, t.offset, `'score-threshold' of <${name}> must be a decimal from 0.0 to 1.0 (the largest distance between prompts that still answers from the cache), not '${t.text}'.`);
      const m = a["max-message-count"];
      const maxMessageCount = m?.kind === "literal" ? Number(m.text.trim()) : null;
      if (maxMessageCount !== null && Number.isInteger(maxMessageCount) && maxMessageCount < 1) pc.diags.error(Codes.InvalidLiteral, m!.offset, `'max-message-count' of <${name}> must be at least 1.`);
      const idV = a["embeddings-backend-id"];
      const backendId = idV?.kind === "literal" ? idV.text.trim() : "";
      const backends = pc.state.backends;
      if (idV && backends && !backends.has(backendId) && !backendId.includes("{{"))
        pc.diags.error(Codes.NotSupportedOutsideAzure, idV.offset, `<${name}> needs an embeddings service (in Azure, an Azure OpenAI embeddings deployment), and no backend '${backendId}' is configured: ${embeddingsBackendHint(backendId)}.`);
      if (!t || !idV || Number.isNaN(threshold)) return null;
      const ignore = a["ignore-system-messages"];
      return {
        ...base,
        spec: { threshold, backendId, ignoreSystemMessages: ignore?.kind === "literal" && ignore.text.trim().toLowerCase() === "true", maxMessageCount: maxMessageCount !== null && Number.isInteger(maxMessageCount) ? maxMessageCount : null },
        varyBy,
      };
    },
    emit(node, ec) {
      const spec = specConstant(ec, node.spec, "semanticCache");
      const varyBy = node.varyBy.map((v) => ec.value(v, "string"));
      return js`if (await ${rt("llmSemanticCacheLookup")}(ctx, ${spec}, [${varyBy.length ? varyBy.reduce((acc, c) => js`${acc}, ${c}`) : js``}])) return ${endPipeline()};`;
    },
    isAsync: () => true,
  };
}

function storePolicy(name: string): PolicyDef<SemanticStoreNode> {
  return {
    name,
    sections: ["outbound"],
    attributes: { duration: { required: true, type: "int" } },
    oncePerDefinition: true,
    parse(el, pc, base) {
      const a = pc.attrs(el, this.attributes);
      pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, `<${name}> takes no child elements.`));
      if (!a.duration) return null;
      return { ...base, duration: a.duration };
    },
    emit(node, ec) {
      return js`await ${rt("llmSemanticCacheStore")}(ctx, ${ec.value(node.duration, "int")});`;
    },
    isAsync: () => true,
    readsBody: () => true,
  };
}

export const llmSemanticCacheLookup = lookup("llm-semantic-cache-lookup");
export const azureOpenAiSemanticCacheLookup = lookup("azure-openai-semantic-cache-lookup");
export const llmSemanticCacheStore = storePolicy("llm-semantic-cache-store");
export const azureOpenAiSemanticCacheStore = storePolicy("azure-openai-semantic-cache-store");

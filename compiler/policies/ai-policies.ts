// The AI gateway policies (token limits and token metrics of LLM APIs): the list registry.ts includes.
import type { PolicyDef } from "./types.js";
import { azureOpenAiTokenLimit, llmTokenLimit } from "./llm-token-limit.js";
import { azureOpenAiEmitTokenMetric, llmEmitTokenMetric } from "./llm-emit-token-metric.js";
import { azureOpenAiSemanticCacheLookup, azureOpenAiSemanticCacheStore, llmSemanticCacheLookup, llmSemanticCacheStore } from "./semantic-cache.js";

export const AI_POLICIES: PolicyDef<any>[] = [
  llmTokenLimit,
  azureOpenAiTokenLimit,
  llmEmitTokenMetric,
  azureOpenAiEmitTokenMetric,
  llmSemanticCacheLookup,
  azureOpenAiSemanticCacheLookup,
  llmSemanticCacheStore,
  azureOpenAiSemanticCacheStore,
];

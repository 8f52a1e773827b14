// Runtime helpers of the AI gateway policies (re-exported by runtime/index.ts).
export { llmTokenLimit, calendarPeriod, type TokenLimitSpec, type TokenLimitNames, type QuotaPeriodName } from "./token-limit.js";
export { llmEmitTokenMetric, TOKEN_METRICS } from "./emit-token-metric.js";
export { llmSemanticCacheLookup, llmSemanticCacheStore, cosine, promptOf, type SemanticLookupSpec } from "./semantic-cache.js";
export { warmTokenizer, estimatePromptTokens, usageOf, IMAGE_TOKENS, type TokenUsage } from "./tokens.js";
export { SseCounter, type LlmUsage } from "./usage.js";

// Runtime helpers of the state policies (rate limits, quotas, caches) (re-exported by runtime/index.ts).
export { stateOnFinish, stateFinish, stateHasFinish } from "./hooks.js";
export { ManualClock, SYSTEM_CLOCK, setStateClock, stateClock, type StateClock } from "./clock.js";
export {
  rateLimitByKey, rateLimitSubscription, quotaSubscription, quotaByKey, concurrencyEnter, concurrencyLeave, timeSpanText,
  MemoryRateLimitStore, MemoryQuotaStore, MemoryConcurrencyStore, STATE_STORES,
  type RateLimitStore, type QuotaStore, type ConcurrencyStore, type RateLimitNames, type SubscriptionLimitSpec, type QuotaByKeySpec,
} from "./limits.js";
export { cacheDownstreamType, cacheGetValue, cacheSetValue, cacheRemoveValue, cacheLookupResponse, cacheStoreResponse, MemoryCacheStore, CACHE_STORE, type CacheStore } from "./cache.js";
export { EXTERNAL_CACHE_STORE, type CachingType } from "./cache.js";
export { STATE_UNAVAILABLE, type SharedState, type FailMode, type StateErrorEvent, type StateChangeEvent } from "./shared.js";
export { RedisStateStore, StateCallError, quotaStoreOf, type StateConnection, type RedisStoreOptions } from "./redis-store.js";

// Policies that keep state or transform bodies (limits, caches, conversions, Liquid): the list registry.ts includes.
import type { PolicyDef } from "./types.js";
import { rateLimit } from "./rate-limit.js";
import { rateLimitByKey } from "./rate-limit-by-key.js";
import { quota } from "./quota.js";
import { quotaByKey } from "./quota-by-key.js";
import { limitConcurrency } from "./limit-concurrency.js";
import { cacheLookupValue } from "./cache-lookup-value.js";
import { cacheStoreValue } from "./cache-store-value.js";
import { cacheRemoveValue } from "./cache-remove-value.js";
import { cacheLookup } from "./cache-lookup.js";
import { cacheStore } from "./cache-store.js";
import { jsonToXml } from "./json-to-xml.js";
import { xmlToJson } from "./xml-to-json.js";
import { findAndReplace } from "./find-and-replace.js";

export const STATE_POLICIES: PolicyDef<any>[] = [
  rateLimit,
  rateLimitByKey,
  quota,
  quotaByKey,
  limitConcurrency,
  cacheLookupValue,
  cacheStoreValue,
  cacheRemoveValue,
  cacheLookup,
  cacheStore,
  jsonToXml,
  xmlToJson,
  findAndReplace,
];

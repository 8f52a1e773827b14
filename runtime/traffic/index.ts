// Runtime helpers of the traffic policies (re-exported by runtime/index.ts).
export {
  parseUriTemplate,
  rewriteUri,
  rewriteUriDynamic,
  setQueryParameter,
  queryValues,
  backendServiceUrl,
  backendServiceById,
  httpMethodValue,
  basicAuthorization,
  type UriTemplate,
} from "./uri.js";
export { retryDelayMs, retrySettings, retryWait, waitAll, waitAny, waitFor, waitChildFailed, type RetrySettings } from "./retry.js";
export { checkHeader, mockResponse, traceWrite, corsHandle, corsNormalizeOrigin, type CorsConfig } from "./respond.js";
export { crossDomain, redirectContentUrls } from "./content-policies.js";
export { forwardProxy } from "./forward-proxy.js";

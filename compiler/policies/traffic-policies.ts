// Policies that shape and route traffic (forward, rewrite, retry, ...): the list registry.ts includes.
import type { PolicyDef } from "./types.js";
import { authenticationBasic } from "./authentication-basic.js";
import { checkHeader } from "./check-header.js";
import { cors } from "./cors.js";
import { crossDomain, redirectContentUrls } from "./content-policies.js";
import { xslTransform } from "./xsl-transform.js";
import { mockResponse } from "./mock-response.js";
import { proxy } from "./proxy.js";
import { retry } from "./retry.js";
import { rewriteUri } from "./rewrite-uri.js";
import { setBackendService } from "./set-backend-service.js";
import { setMethod } from "./set-method.js";
import { setQueryParameter } from "./set-query-parameter.js";
import { trace } from "./trace.js";
import { wait } from "./wait.js";

export const TRAFFIC_POLICIES: PolicyDef<any>[] = [
  authenticationBasic,
  checkHeader,
  cors,
  crossDomain,
  redirectContentUrls,
  xslTransform,
  mockResponse,
  proxy,
  retry,
  rewriteUri,
  setBackendService,
  setMethod,
  setQueryParameter,
  trace,
  wait,
];

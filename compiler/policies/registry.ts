// Every policy element apimc knows, by name.
import type { PolicyDef, PolicyNode } from "./types.js";
import { base } from "./base.js";
import { choose } from "./choose.js";
import { forwardRequest } from "./forward-request.js";
import { returnResponse } from "./return-response.js";
import { sendOneWayRequest } from "./send-one-way-request.js";
import { sendRequest } from "./send-request.js";
import { setBody } from "./set-body.js";
import { setHeader } from "./set-header.js";
import { setStatus } from "./set-status.js";
import { setVariable } from "./set-variable.js";
import { includeFragment } from "./include-fragment.js";
import { emitMetric } from "./emit-metric.js";
import { TRAFFIC_POLICIES } from "./traffic-policies.js";
import { STATE_POLICIES } from "./state-policies.js";
import { SECURITY_POLICIES } from "./security-policies.js";
import { VALIDATION_POLICIES } from "./validation-policies.js";
import { INTEGRATION_POLICIES } from "./integration-policies.js";
import { AI_POLICIES } from "./ai-policies.js";

const DEFS: PolicyDef<any>[] = [
  base,
  choose,
  forwardRequest,
  returnResponse,
  sendOneWayRequest,
  sendRequest,
  setBody,
  setHeader,
  setStatus,
  setVariable,
  includeFragment,
  emitMetric,
  ...TRAFFIC_POLICIES,
  ...STATE_POLICIES,
  ...SECURITY_POLICIES,
  ...VALIDATION_POLICIES,
  ...INTEGRATION_POLICIES,
  ...AI_POLICIES,
];

const BY_NAME = new Map<string, PolicyDef<PolicyNode>>(DEFS.map((d) => [d.name, d]));

export function lookupPolicy(name: string): PolicyDef<PolicyNode> | undefined {
  return BY_NAME.get(name);
}

/** Policies that need Azure services; a configuration hook may supply them later. */
export const AZURE_ONLY = new Map<string, string>([
  ["send-service-bus-message", "Azure Service Bus"],
  ["get-authorization-context", "the APIM credential manager"],
  ["llm-content-safety", "Azure AI Content Safety"],
  ["cosmosdb-data-source", "Azure Cosmos DB: the policy queries a Cosmos DB container through Cosmos DB's own API, which no other server provides"],
]);

/** Policies apimc does not compile for a reason the diagnostic gives, with what to do instead. */
export const NOT_IMPLEMENTED_WHY = new Map<string, string>([
  [
    "sql-data-source",
    "it needs a SQL Server (TDS protocol) client, which apimc does not include. The database need not be Azure SQL (any SQL Server speaks the same protocol), so this is not an Azure-only policy; meanwhile resolve the field through an HTTP API in front of the database with an <http-data-source> resolver",
  ],
]);

/** APIM policies apimc recognises but does not compile yet: a clear diagnostic, never a silent no-op. */
const RECOGNISED = [
  "authentication-basic", "cache-lookup", "cache-lookup-value", "cache-remove-value", "cache-store", "cache-store-value",
  "check-header", "cors", "cross-domain", "find-and-replace", "include-fragment", "ip-filter", "json-to-xml", "jsonp",
  "limit-concurrency", "mock-response", "quota", "quota-by-key", "rate-limit", "rate-limit-by-key", "redirect-content-urls",
  "retry", "rewrite-uri", "set-backend-service", "set-method", "set-query-parameter", "trace", "validate-jwt",
  "validate-azure-ad-token", "validate-client-certificate", "validate-content", "validate-headers", "validate-parameters",
  "validate-status-code", "validate-odata-request", "validate-graphql-request", "wait", "xml-to-json", "xsl-transform",
  "azure-openai-token-limit", "llm-token-limit", "set-graphql-resolver", "http-data-source", "sql-data-source",
  "graphql-resolver", "proxy", "authentication-certificate", "set-edit-policies",
];
export const NOT_IMPLEMENTED: ReadonlySet<string> = new Set(RECOGNISED.filter((n) => !BY_NAME.has(n)));

export const ALL_POLICY_NAMES: readonly string[] = [...new Set([...BY_NAME.keys(), ...AZURE_ONLY.keys(), ...RECOGNISED])];

export function isAsyncNode(node: PolicyNode): boolean {
  const def = BY_NAME.get(node.policy);
  return !!def?.isAsync?.(node, isAsyncNode);
}

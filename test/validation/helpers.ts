// Shared by the validation policy tests: the two specifications (the same API as OpenAPI 3 YAML
// and OpenAPI 2 JSON), policy documents, and diagnostics.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { compile } from "../../compiler/index.js";
import { specificationSource, type SpecificationInput } from "../../compiler/validation/openapi.js";

const read = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url), "utf8");

export interface SpecCase {
  name: string;
  document: unknown;
  /** The API's path prefix in this specification. */
  base: string;
}
export const SPECS: readonly SpecCase[] = [
  { name: "OpenAPI 3 (YAML)", document: parse(read("petstore-v3.yaml")), base: "/pets" },
  { name: "OpenAPI 2 (JSON)", document: JSON.parse(read("orders-v2.json")), base: "/orders" },
];

export const spec = (s: SpecCase, operationId: string): SpecificationInput => ({ document: s.document, file: s.name, operation: { operationId } });

export const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound><backend>${s.backend ?? "<forward-request />"}</backend><outbound>${s.outbound ?? ""}</outbound>${s.onError === undefined ? "" : `<on-error>${s.onError}</on-error>`}</policies>`;

export const ACTIONS = ["prevent", "detect", "ignore"] as const;
export type Action = (typeof ACTIONS)[number];

export interface ValidationErrorShape {
  Name: string;
  Type: string;
  ValidationRule: string;
  Details: string;
  Action: string;
}

/** The errors variable as the JSON the policy logged (a JArray), or undefined. */
export function loggedErrors(v: unknown): ValidationErrorShape[] | undefined {
  return v === undefined ? undefined : (JSON.parse(String(v)) as ValidationErrorShape[]);
}

export function diagnosticsOf(xml: string, specification?: SpecificationInput) {
  return compile(xml, { file: "p.xml", apiSpecification: specification && specificationSource(specification) }).diagnostics;
}

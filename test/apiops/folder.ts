// Writes APIOps extractor folders for tests: a model of a service (APIs with their specifications,
// products, subscriptions, named values, fragments, backends, version sets) in the layout the
// extractor writes today ("new") or in its older one ("old": products' APIs in one apis.json,
// references as full ARM ids, a 2.0 specification as JSON).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

export interface ModelOperation {
  operationId: string;
  method: string;
  path: string;
  requiredQuery?: string[];
  policy?: string;
}
export interface ModelApi {
  name: string;
  path: string;
  serviceUrl: string;
  openapi: "2.0" | "3.0.1";
  operations: ModelOperation[];
  policy?: string;
  subscriptionRequired?: boolean;
  keyNames?: { header?: string; query?: string };
  versionSet?: string;
  version?: string;
  /** Its revision (apiRevision, default "1"); a non-current one is written to `apis/<name>;rev=N/` as the extractor names it. */
  revision?: string;
  isCurrent?: boolean;
}
export interface ModelService {
  policy?: string;
  apis: ModelApi[];
  versionSets?: { name: string; scheme: "Segment" | "Header" | "Query"; header?: string; query?: string }[];
  products?: { name: string; displayName: string; apis: string[]; policy?: string; subscriptionRequired?: boolean }[];
  subscriptions?: { name: string; displayName: string; scope: string }[];
  namedValues?: { folder: string; displayName: string; value?: string; secret?: boolean; keyVault?: boolean }[];
  fragments?: { id: string; xml: string }[];
  backends?: { id: string; url: string }[];
}

const ARM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim";

export function write(file: string, text: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
const json = (file: string, v: unknown) => write(file, JSON.stringify(v, null, 2) + "\n");

export function specificationOf(api: ModelApi): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of api.operations) {
    const params = [
      ...[...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, ...(api.openapi === "2.0" ? { type: "string" } : { schema: { type: "string" } }) })),
      ...(op.requiredQuery ?? []).map((q) => ({ name: q, in: "query", required: true, ...(api.openapi === "2.0" ? { type: "string" } : { schema: { type: "string" } }) })),
    ];
    (paths[op.path] ??= {})[op.method.toLowerCase()] = { operationId: op.operationId, ...(params.length ? { parameters: params } : {}), responses: { "200": { description: "OK" } } };
  }
  return api.openapi === "2.0" ? { swagger: "2.0", info: { title: api.name, version: "1" }, paths } : { openapi: api.openapi, info: { title: api.name, version: "1" }, paths };
}

/** Writes `model` as the extractor does into `root`. */
export function writeFolder(root: string, model: ModelService, layout: "new" | "old" = "new"): void {
  const ref = (kind: string, name: string) => (layout === "old" ? `${ARM}/${kind}/${name}` : `/${kind}/${name}`);
  if (model.policy) write(join(root, "policy.xml"), model.policy);
  for (const api of model.apis) {
    const dir = join(root, "apis", api.isCurrent === false ? `${api.name};rev=${api.revision}` : api.name);
    json(join(dir, "apiInformation.json"), {
      properties: {
        displayName: api.name.toUpperCase(),
        path: api.path,
        serviceUrl: api.serviceUrl,
        isCurrent: api.isCurrent ?? true,
        apiRevision: api.revision ?? "1",
        subscriptionRequired: api.subscriptionRequired ?? true,
        ...(api.keyNames ? { subscriptionKeyParameterNames: api.keyNames } : {}),
        ...(api.versionSet ? { apiVersionSetId: ref("apiVersionSets", api.versionSet), apiVersion: api.version ?? "" } : {}),
        protocols: ["https"],
        type: "http",
      },
    });
    const spec = specificationOf(api);
    if (api.openapi === "2.0" && layout === "old") json(join(dir, "specification.json"), spec);
    else write(join(dir, "specification.yaml"), stringify(spec));
    if (api.policy) write(join(dir, "policy.xml"), api.policy);
    for (const op of api.operations) if (op.policy) write(join(dir, "operations", op.operationId, "policy.xml"), op.policy);
  }
  for (const v of model.versionSets ?? []) json(join(root, "version sets", v.name, "versionSetInformation.json"), { properties: { displayName: v.name, versioningScheme: v.scheme, ...(v.header ? { versionHeaderName: v.header } : {}), ...(v.query ? { versionQueryName: v.query } : {}) } });
  for (const p of model.products ?? []) {
    const dir = join(root, "products", p.name);
    json(join(dir, "productInformation.json"), { properties: { displayName: p.displayName, subscriptionRequired: p.subscriptionRequired ?? true, state: "published" } });
    if (p.policy) write(join(dir, "policy.xml"), p.policy);
    if (layout === "old") json(join(dir, "apis.json"), p.apis.map((name) => ({ name })));
    else for (const a of p.apis) json(join(dir, "apis", a, "productApiInformation.json"), { properties: { apiId: `/apis/${a}` } });
  }
  for (const s of model.subscriptions ?? []) {
    const [kind, name] = s.scope.split("/").filter(Boolean) as [string, string | undefined];
    json(join(root, "subscriptions", s.name, "subscriptionInformation.json"), { properties: { displayName: s.displayName, scope: name ? ref(kind, name) : layout === "old" ? `${ARM}/apis` : "/apis", state: "active" } });
  }
  for (const nv of model.namedValues ?? [])
    json(join(root, "named values", nv.folder, "namedValueInformation.json"), {
      properties: { displayName: nv.displayName, secret: nv.secret ?? false, ...(nv.value !== undefined ? { value: nv.value } : {}), ...(nv.keyVault ? { keyVault: { secretIdentifier: "https://vault.example/secrets/x" } } : {}) },
    });
  for (const f of model.fragments ?? []) {
    json(join(root, "policy fragments", f.id, "policyFragmentInformation.json"), { properties: { format: "rawxml" } });
    write(join(root, "policy fragments", f.id, "policy.xml"), f.xml);
  }
  for (const b of model.backends ?? []) json(join(root, "backends", b.id, "backendInformation.json"), { properties: { url: b.url, protocol: "http" } });
}

/** A policy document with `inbound` (after <base />). */
export const policy = (inbound: string) => `<policies>\n  <inbound>\n    <base />\n    ${inbound}\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n</policies>\n`;

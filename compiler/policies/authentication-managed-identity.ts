// authentication-managed-identity (inbound, and as a child of send-request / send-one-way-request):
// an access token for `resource` from the token source the gateway configuration names (an
// IMDS-compatible managed identity endpoint, or Microsoft Entra Workload ID with
// authentication-provider="WorkloadIdentity"), set as `Authorization: Bearer <token>` on the request
// or stored in output-token-variable-name. Which source and where it is are runtime configuration
// (gateway.json `managedIdentity`), like authentication-certificate's thumbprints: the policy
// compiles without it and fails at run time with ManagedIdentityNotConfigured. See
// runtime/security/managed-identity.ts.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { AttrSpec, EmitContext, ParseContext, PolicyDef, PolicyNode } from "./types.js";
import { literalBool } from "./values.js";

export interface ManagedIdentitySpec {
  resource: XValue;
  provider: "ManagedIdentity" | "WorkloadIdentity";
  clientId: string | null;
  output: string | null;
  ignoreError: boolean;
}

export interface AuthenticationManagedIdentityNode extends PolicyNode {
  spec: ManagedIdentitySpec;
}

/** The reference page: expressions only in `resource`. */
export const MANAGED_IDENTITY_ATTRIBUTES: Readonly<Record<string, AttrSpec>> = {
  resource: { required: true },
  "client-id": { expr: false },
  "output-token-variable-name": { expr: false },
  "ignore-error": { expr: false, type: "bool" },
  "authentication-provider": { expr: false },
};

const PROVIDERS = ["WorkloadIdentity"] as const;

/** Reads the element (the policy, or send-request's child); null after an error. */
export function parseManagedIdentity(el: XElement, pc: ParseContext): ManagedIdentitySpec | null {
  const errorsBefore = pc.diags.errorCount;
  const a = pc.attrs(el, MANAGED_IDENTITY_ATTRIBUTES);
  pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<authentication-managed-identity> takes no child elements."));
  const resource = a.resource;
  if (resource?.kind === "literal") {
    resource.text = resource.text.trim();
    if (resource.text === "") pc.diags.error(Codes.InvalidLiteral, resource.offset, "'resource' cannot be empty: it names the application ID or URI of the resource the token is for.");
  }
  let provider: ManagedIdentitySpec["provider"] = "ManagedIdentity";
  const p = a["authentication-provider"];
  if (p?.kind === "literal") {
    const t = p.text.trim();
    const known = PROVIDERS.find((x) => x.toLowerCase() === t.toLowerCase());
    if (known) provider = known;
    else
      pc.diags.error(
        Codes.InvalidLiteral,
        p.offset,
        `'authentication-provider' must be ${PROVIDERS.map((x) => `'${x}'`).join(" or ")} (Microsoft Entra Workload ID), not '${p.text}'; leave it out for the managed identity.`,
      );
  }
  const c = a["client-id"];
  let clientId: string | null = null;
  if (c?.kind === "literal") {
    clientId = c.text.trim();
    if (clientId === "") pc.diags.error(Codes.InvalidLiteral, c.offset, "'client-id' cannot be empty; leave it out for the system-assigned identity.");
    else if (provider === "WorkloadIdentity")
      pc.diags.error(
        Codes.InvalidLiteral,
        c.offset,
        "'client-id' cannot be given with authentication-provider=\"WorkloadIdentity\": the token is for the gateway workload's own identity (its client ID is gateway configuration).",
      );
  }
  const o = a["output-token-variable-name"];
  let output: string | null = null;
  if (o?.kind === "literal") {
    output = o.text.trim();
    if (output === "") pc.diags.error(Codes.InvalidLiteral, o.offset, "'output-token-variable-name' cannot be empty.");
  }
  if (!resource || pc.diags.errorCount > errorsBefore) return null;
  return { resource, provider, clientId, output, ignoreError: literalBool(a["ignore-error"], false) };
}

/** `await authenticationManagedIdentity(ctx, <headers>, <constant>, <resource>);` */
export function emitManagedIdentity(spec: ManagedIdentitySpec, headers: Code, ec: EmitContext): Code {
  return js`await ${rt("authenticationManagedIdentity")}(ctx, ${headers}, ${managedIdentityConfig(spec, ec)}, ${managedIdentityResource(spec, ec)});`;
}

/** The policy's fixed settings, a hoisted frozen constant. */
export function managedIdentityConfig(spec: ManagedIdentitySpec, ec: EmitContext): Code {
  return ec.scope.constant(
    js`Object.freeze({ provider: ${spec.provider}, clientId: ${spec.clientId}, output: ${spec.output}, ignoreError: ${spec.ignoreError} })`,
    "identity",
  );
}

export function managedIdentityResource(spec: ManagedIdentitySpec, ec: EmitContext): Code {
  return spec.resource.kind === "literal" ? js`${spec.resource.text}` : ec.value(spec.resource, "string");
}

export const authenticationManagedIdentity: PolicyDef<AuthenticationManagedIdentityNode> = {
  name: "authentication-managed-identity",
  sections: ["inbound"],
  attributes: MANAGED_IDENTITY_ATTRIBUTES,
  parse(el, pc, base) {
    const spec = parseManagedIdentity(el, pc);
    return spec ? { ...base, spec } : null;
  },
  emit(node, ec) {
    return emitManagedIdentity(node.spec, js`${ec.request.code}.Headers`, ec);
  },
  isAsync: () => true,
};

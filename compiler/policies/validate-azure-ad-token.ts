// validate-azure-ad-token: validate-jwt against a Microsoft Entra ID tenant's OpenID configuration,
// with the client application, backend application and audience lists of the reference page. The
// token source defaults to the Authorization header with the Bearer scheme. Runtime:
// runtime/security/entra.ts (the authority is configurable in gateway.json `entraId.authority`).
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import { entraAuthority, entraTenant } from "../../runtime/security/entra.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { KNOWN_LATER, childOrder } from "./values.js";
import { joinCode, list, readClaims, type ClaimNode } from "./validate-jwt.js";

export interface ValidateAzureAdTokenNode extends PolicyNode {
  tenant: XValue;
  header: XValue | undefined;
  query: XValue | undefined;
  token: XValue | undefined;
  endpoint: XValue | undefined;
  status: XValue | undefined;
  message: XValue | undefined;
  output: string | null;
  clients: XValue[];
  backendApps: XValue[];
  audiences: XValue[];
  claims: ClaimNode[];
}

const ORDER = ["client-application-ids", "backend-application-ids", "audiences", "required-claims", "decryption-keys"];

export const validateAzureAdToken: PolicyDef<ValidateAzureAdTokenNode> = {
  name: "validate-azure-ad-token",
  sections: ["inbound"],
  attributes: {
    "tenant-id": { required: true },
    "header-name": {},
    "query-parameter-name": {},
    "token-value": {},
    "authentication-endpoint": {},
    "failed-validation-httpcode": { type: "int" },
    "failed-validation-error-message": {},
    "output-token-variable-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const sources = (["header-name", "query-parameter-name", "token-value"] as const).filter((n) => a[n]);
    if (sources.length > 1)
      pc.diags.error(Codes.InvalidLiteral, a[sources[1]!]!.offset, `<validate-azure-ad-token> takes only one of 'header-name', 'query-parameter-name' and 'token-value' (found '${sources[0]}' and '${sources[1]}').`);
    const header = a["header-name"];
    if (header?.kind === "literal") {
      header.text = header.text.trim();
      if (!isToken(header.text) && !KNOWN_LATER.test(header.text)) pc.diags.error(Codes.InvalidLiteral, header.offset, `'${header.text}' is not a valid HTTP header name.`);
    }
    const query = a["query-parameter-name"];
    if (query?.kind === "literal" && query.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, query.offset, "'query-parameter-name' cannot be empty.");
    const tenant = a["tenant-id"];
    if (tenant?.kind === "literal" && !KNOWN_LATER.test(tenant.text) && entraTenant(tenant.text) === null)
      pc.diags.error(Codes.InvalidLiteral, tenant.offset, `'${tenant.text.trim()}' is not a tenant: write a tenant id (GUID), a domain name such as contoso.onmicrosoft.com, 'common', 'organizations', or a URL naming one.`);
    const endpoint = a["authentication-endpoint"];
    if (endpoint?.kind === "literal" && !KNOWN_LATER.test(endpoint.text) && (endpoint.text.trim() === "" || entraAuthority(endpoint.text) === null))
      pc.diags.error(Codes.InvalidLiteral, endpoint.offset, `'${endpoint.text.trim()}' is not a Microsoft Entra endpoint: write a host name such as login.microsoftonline.us (https:// is optional).`);
    const code = a["failed-validation-httpcode"];
    if (code?.kind === "literal") {
      const n = Number(code.text.trim());
      if (Number.isInteger(n) && (n < 100 || n > 599)) pc.diags.error(Codes.InvalidLiteral, code.offset, `Status code ${n} is outside 100-599.`);
    }
    const out = a["output-token-variable-name"];
    const output = out?.kind === "literal" ? out.text.trim() : null;
    if (out && output === "") pc.diags.error(Codes.InvalidLiteral, out.offset, "'output-token-variable-name' cannot be empty.");
    const node: ValidateAzureAdTokenNode = {
      ...base,
      tenant: tenant!,
      header,
      query,
      token: a["token-value"],
      endpoint,
      status: code,
      message: a["failed-validation-error-message"],
      output: output || null,
      clients: [],
      backendApps: [],
      audiences: [],
      claims: [],
    };
    let hasClients = false;
    const inOrder = childOrder("validate-azure-ad-token", ORDER, pc, {});
    for (const child of pc.elements(el)) {
      if (!inOrder(child)) continue;
      switch (child.name) {
        case "client-application-ids":
          pc.attrs(child, {});
          hasClients = true;
          node.clients = list(child, "application-id", pc);
          if (node.clients.length === 0) pc.diags.error(Codes.MissingChild, child.offset, "<client-application-ids> needs at least one <application-id>.");
          break;
        case "backend-application-ids":
          pc.attrs(child, {});
          node.backendApps = list(child, "application-id", pc);
          if (node.backendApps.length === 0) pc.diags.error(Codes.MissingChild, child.offset, "<backend-application-ids> needs at least one <application-id>.");
          break;
        case "audiences":
          pc.attrs(child, {});
          node.audiences = list(child, "audience", pc);
          if (node.audiences.length === 0) pc.diags.error(Codes.MissingChild, child.offset, "<audiences> needs at least one <audience>.");
          break;
        case "required-claims":
          pc.attrs(child, {});
          node.claims = readClaims(child, pc);
          break;
        case "decryption-keys":
          pc.attrs(child, {});
          pc.diags.error(Codes.NotImplemented, child.offset, "<decryption-keys> is not supported: apimc does not decrypt encrypted tokens (JWE). Remove it to validate signed tokens only.");
          break;
        default:
          pc.diags.error(Codes.UnexpectedChild, child.offset, `<validate-azure-ad-token> takes ${ORDER.map((o) => `<${o}>`).join(", ")}, not <${child.name}>.`);
      }
    }
    // The reference page: client-application-ids is required, with at least one application-id.
    if (!hasClients) pc.diags.error(Codes.MissingChild, el.offset, "<validate-azure-ad-token> needs <client-application-ids> with the client application ids (GUIDs) whose tokens it accepts.");
    if (!tenant) return null;
    return node;
  },
  emit(node, ec) {
    const opt = (v: XValue | undefined, t: "string" | "int"): Code => (v ? ec.value(v, t) : js`null`);
    const arr = (vs: readonly XValue[]): Code => joinCode(vs.map((v) => ec.value(v, "string")));
    const claims = joinCode(node.claims.map((c) => js`{ name: ${c.name}, match: ${c.match}, separator: ${c.separator}, values: [${arr(c.values)}] }`));
    // Without a token source: the Authorization header with the Bearer scheme (reference page).
    const none = !node.header && !node.query && !node.token;
    const header = none ? js`"Authorization"` : opt(node.header, "string");
    const scheme = none ? js`"Bearer"` : js`null`;
    const cfg = js`{ tenant: ${ec.value(node.tenant, "string")}, endpoint: ${opt(node.endpoint, "string")}, header: ${header}, query: ${opt(node.query, "string")}, hasToken: ${!!node.token}, token: ${opt(node.token, "string")}, status: ${opt(node.status, "int")}, message: ${opt(node.message, "string")}, requireExp: true, scheme: ${scheme}, requireSigned: true, skew: null, openid: [], keys: [], audiences: [${arr(node.audiences)}], issuers: [], claims: [${claims}], output: ${node.output}, clients: [${arr(node.clients)}], backendApps: [${arr(node.backendApps)}] }`;
    const vals: (XValue | undefined)[] = [node.tenant, node.header, node.query, node.token, node.endpoint, node.status, node.message, ...node.audiences, ...node.clients, ...node.backendApps, ...node.claims.flatMap((c) => c.values)];
    const value = vals.every((v) => !v || v.kind === "literal") ? ec.scope.constant(js`Object.freeze(${cfg})`, "entraConfig") : cfg;
    return js`await ${rt("validateAzureAdToken")}(ctx, ${value});`;
  },
  isAsync: () => true,
};

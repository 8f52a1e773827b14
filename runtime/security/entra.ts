// validate-azure-ad-token: validate-jwt against a Microsoft Entra ID tenant. The signing keys and the
// issuer come from the tenant's OpenID configuration (`<authority>/<tenant>/v2.0/.well-known/
// openid-configuration`, fetched and cached as validate-jwt's openid-config); the token's client
// application (`azp` of v2 tokens, `appid` of v1 tokens) must be one of client-application-ids,
// its audience one of audiences or backend-application-ids (when given). The authority is
// https://login.microsoftonline.com unless the policy's authentication-endpoint or the gateway's
// `entraId.authority` (gateway.json; tests point it at a local server) says otherwise.
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { JwtFailure, validateWithOpenId, type JwtConfig } from "./jwt.js";

export const DEFAULT_ENTRA_AUTHORITY = "https://login.microsoftonline.com";
const SOURCE = "validate-azure-ad-token";

let configuredAuthority: string | null = null;

/** gateway.json `entraId.authority`: the authority used when the policy has no authentication-endpoint (null: the default). */
export function configureEntraId(o: { authority?: string | null } | null): void {
  configuredAuthority = o?.authority ? o.authority.replace(/\/+$/, "") : null;
}

export interface EntraTokenConfig extends JwtConfig {
  tenant: unknown;
  /** authentication-endpoint ("login.microsoftonline.us", with or without https://), or null. */
  endpoint: unknown;
  clients: readonly unknown[];
  backendApps: readonly unknown[];
}

/**
 * The tenant part of the discovery URL: a tenant id, a domain name, `common` or `organizations`,
 * or a URL naming one (`https://contoso.onmicrosoft.com`, `https://login.microsoftonline.com/common`).
 */
export function entraTenant(raw: string): string | null {
  let t = raw.trim();
  if (/^https?:\/\//i.test(t)) {
    let u: URL;
    try {
      u = new URL(t);
    } catch {
      return null;
    }
    const segments = u.pathname.split("/").filter((x) => x !== "" && x.toLowerCase() !== "v2.0");
    t = segments.length > 0 ? segments[0]! : u.hostname;
  }
  return /^[A-Za-z0-9.-]+$/.test(t) ? t : null;
}

/** The authority of authentication-endpoint ("prefix https:// is optional"), without a trailing slash. */
export function entraAuthority(endpoint: string | null): string | null {
  if (endpoint === null || endpoint.trim() === "") return configuredAuthority ?? DEFAULT_ENTRA_AUTHORITY;
  const e = endpoint.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(e) ? e : `https://${e}`;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (vs: readonly unknown[]): string[] => vs.flatMap((v) => (v === null || v === undefined || String(v).trim() === "" ? [] : [String(v).trim()]));

export async function validateAzureAdToken(ctx: Context, cfg: EntraTokenConfig): Promise<void> {
  const tenantText = text(cfg.tenant);
  const tenant = tenantText === null ? null : entraTenant(tenantText);
  if (tenant === null) throw new PolicyError("ExpressionValueEvaluationFailure", `${SOURCE}: tenant-id '${tenantText ?? ""}' is not a tenant id, domain name or tenant URL.`, 500, SOURCE);
  const authority = entraAuthority(text(cfg.endpoint));
  if (authority === null) throw new PolicyError("ExpressionValueEvaluationFailure", `${SOURCE}: authentication-endpoint '${text(cfg.endpoint)}' is not a host name or https URL.`, 500, SOURCE);
  const clients = strings(cfg.clients).map((c) => c.toLowerCase());
  const backendApps = strings(cfg.backendApps);
  // backend-application-ids are audiences too: the app id itself or its `api://` identifier URI.
  const audiences = [...cfg.audiences, ...backendApps, ...backendApps.map((b) => (b.includes("://") ? b : `api://${b}`))];
  const url = `${authority}/${tenant}/v2.0/.well-known/openid-configuration`;
  await validateWithOpenId(ctx, { ...cfg, audiences, issuers: [] }, {
    urls: [url],
    source: SOURCE,
    issuers: (payload, discovered) => allowedIssuers(payload, discovered),
    extra: (payload) => checkClient(payload, clients),
  });
}

/**
 * The issuers a token may have: the discovery document's (its `{tenantid}` placeholder, in the
 * multi-tenant `common` and `organizations` documents, being the token's `tid`) and the v1 form of
 * the same tenant (`https://sts.windows.net/<tid>/`, what v1 access tokens carry).
 */
function allowedIssuers(payload: Readonly<Record<string, unknown>>, discovered: readonly string[]): string[] {
  const tid = typeof payload.tid === "string" ? payload.tid : null;
  const out: string[] = [];
  for (const d of discovered) {
    const multi = d.includes("{tenantid}");
    if (multi && tid === null) continue;
    const issuer = multi ? d.replace("{tenantid}", tid!) : d;
    out.push(issuer);
    const tenantOfIssuer = multi ? tid : /\/([0-9a-fA-F-]{36})\//.exec(issuer)?.[1] ?? null;
    if (tenantOfIssuer) out.push(`https://sts.windows.net/${tenantOfIssuer}/`);
  }
  return out;
}

/** [infer] The client application: `azp` (v2 tokens) or `appid` (v1), compared ignoring case (application ids are GUIDs). */
function checkClient(payload: Readonly<Record<string, unknown>>, clients: readonly string[]): JwtFailure | null {
  if (clients.length === 0) return null;
  const app = typeof payload.azp === "string" ? payload.azp : typeof payload.appid === "string" ? payload.appid : null;
  if (app === null) return new JwtFailure("TokenClaimNotFound", "JWT Validation Failed: Claim 'azp' (or 'appid') was not found in the token.");
  if (!clients.includes(app.toLowerCase())) return new JwtFailure("TokenClaimValueNotAllowed", `JWT Validation Failed: Client application '${app}' is not one of the allowed client applications.`);
  return null;
}

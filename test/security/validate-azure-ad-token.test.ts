// validate-azure-ad-token through the real gateway over HTTP: gateway.json points `entraId.authority`
// at a local server that answers like Microsoft Entra ID (per-tenant OpenID configuration with the
// v2 issuer, `common` with the {tenantid} placeholder, a JWKS); tokens are signed in the test with
// RSA keys. The matrix covers the token sources, the client application (azp of v2 tokens, appid of
// v1), v1 and v2 issuers, tenants, audiences and backend application ids, claims, and the failure
// status, message and LastError; then the compile diagnostics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { configureOpenIdCache, clearOpenIdCache } from "../../runtime/security/index.js";
import { entraTenant, entraAuthority } from "../../runtime/security/entra.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { diagnostics, doc, errorCodes, nowS, signJwt } from "./helpers.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER_TENANT = "99999999-8888-7777-6666-555555555555";
const CLIENT = "aaaaaaaa-0000-0000-0000-000000000001";
const BACKEND_APP = "bbbbbbbb-0000-0000-0000-000000000002";
const key = generateKeyPairSync("rsa", { modulusLength: 2048 });
const foreignKey = generateKeyPairSync("rsa", { modulusLength: 2048 });

let idp: TestServer;
let backend: TestServer;
let gateway: Gateway;
let base: string;
let authority: string;

const v2 = (extra: Record<string, unknown> = {}, tenant = TENANT) => ({ iss: `${authority}/${tenant}/v2.0`, tid: tenant, aud: BACKEND_APP, azp: CLIENT, sub: "alice", ctry: "US", exp: nowS() + 600, ...extra });
const v1 = (extra: Record<string, unknown> = {}) => ({ iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, aud: `api://${BACKEND_APP}`, appid: CLIENT, sub: "bob", exp: nowS() + 600, ...extra });
const sign = (payload: Record<string, unknown>, k = key.privateKey, kid = "k1") => signJwt(payload, "RS256", k, { kid });

/** One API per policy variant; the on-error section reports LastError in headers. */
const APIS: Record<string, string> = {
  minimal: `<validate-azure-ad-token tenant-id="${TENANT}"><client-application-ids><application-id>${CLIENT}</application-id></client-application-ids></validate-azure-ad-token>`,
  claims: `<validate-azure-ad-token tenant-id="${TENANT}" output-token-variable-name="jwt"><client-application-ids><application-id>${CLIENT.toUpperCase()}</application-id></client-application-ids><audiences><audience>@(context.Request.OriginalUrl.Host)</audience><audience>${BACKEND_APP}</audience></audiences><required-claims><claim name="ctry" match="any"><value>US</value><value>CA</value></claim></required-claims></validate-azure-ad-token><set-header name="X-Sub" exists-action="override"><value>@(((Jwt)context.Variables["jwt"]).Subject)</value></set-header>`,
  backendApps: `<validate-azure-ad-token tenant-id="https://login.microsoftonline.com/${TENANT}" failed-validation-httpcode="403" failed-validation-error-message="Go away"><client-application-ids><application-id>${CLIENT}</application-id></client-application-ids><backend-application-ids><application-id>${BACKEND_APP}</application-id></backend-application-ids></validate-azure-ad-token>`,
  query: `<validate-azure-ad-token tenant-id="contoso.onmicrosoft.com" query-parameter-name="access_token"><client-application-ids><application-id>${CLIENT}</application-id></client-application-ids></validate-azure-ad-token>`,
  common: `<validate-azure-ad-token tenant-id="common" header-name="X-Token"><client-application-ids><application-id>${CLIENT}</application-id></client-application-ids></validate-azure-ad-token>`,
  expression: `<validate-azure-ad-token tenant-id="@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;${TENANT}&quot;))" token-value="@(context.Request.Headers.GetValueOrDefault(&quot;X-Jwt&quot;, &quot;&quot;))"><client-application-ids><application-id>${CLIENT}</application-id></client-application-ids></validate-azure-ad-token>`,
};

beforeAll(async () => {
  configureOpenIdCache({ refreshMs: 0 });
  clearOpenIdCache();
  idp = await startServer((req, res) => {
    res.setHeader("content-type", "application/json");
    const m = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url ?? "");
    if (m) {
      const tenant = m[1]!;
      // Entra answers a domain name with the tenant's GUID issuer; common/organizations with the placeholder.
      const id = tenant === "common" || tenant === "organizations" ? "{tenantid}" : tenant === "contoso.onmicrosoft.com" ? TENANT : tenant;
      res.end(JSON.stringify({ issuer: `${authority}/${id}/v2.0`, jwks_uri: `${idp.url}/${tenant}/discovery/v2.0/keys` }));
    } else if (/\/discovery\/v2\.0\/keys$/.test(req.url ?? "")) res.end(JSON.stringify({ keys: [{ ...(key.publicKey.export({ format: "jwk" }) as object), kid: "k1", use: "sig" }] }));
    else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  authority = idp.url;
  backend = await startServer((req, res) => {
    res.setHeader("content-type", "text/plain");
    if (req.headers["x-sub"]) res.setHeader("x-sub", String(req.headers["x-sub"]));
    res.end(`backend saw ${req.url}`);
  });
  const dir = mkdtempSync(join(tmpdir(), "apimc-entra-"));
  const apis = Object.entries(APIS).map(([id, inbound]) => {
    writeFileSync(
      join(dir, `${id}.xml`),
      doc({
        inbound,
        backend: "<forward-request />",
        onError: `<set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header><set-header name="X-Source" exists-action="override"><value>@(context.LastError.Source)</value></set-header><set-header name="X-Message" exists-action="override"><value>@(context.LastError.Message)</value></set-header>`,
      }),
    );
    return { id, path: `/${id}`, serviceUrl: backend.url, policy: `${id}.xml` };
  });
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ entraId: { authority }, apis }, null, 2));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  await idp?.close();
});

const call = async (path: string, headers: Record<string, string> = {}) => {
  const r = await fetch(`${base}${path}`, { headers });
  return { status: r.status, body: await r.text(), message: r.headers.get("x-message"), reason: r.headers.get("x-reason"), source: r.headers.get("x-source"), sub: r.headers.get("x-sub") };
};
const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

interface Case {
  name: string;
  path: string;
  headers: () => Record<string, string>;
  status: number;
  reason?: string;
  message?: RegExp;
}

const CASES: Case[] = [
  { name: "a v2 token of the tenant from an allowed client", path: "/minimal/x", headers: () => bearer(sign(v2())), status: 200 },
  { name: "a v1 token (sts.windows.net issuer, appid)", path: "/minimal/x", headers: () => bearer(sign(v1())), status: 200 },
  { name: "no token", path: "/minimal/x", headers: () => ({}), status: 401, reason: "TokenNotPresent", message: /JWT not present\./ },
  { name: "the default header needs the Bearer scheme", path: "/minimal/x", headers: () => ({ Authorization: `Basic ${sign(v2())}` }), status: 401, reason: "TokenNotPresent" },
  { name: "a client application that is not listed", path: "/minimal/x", headers: () => bearer(sign(v2({ azp: "cccccccc-0000-0000-0000-000000000009" }))), status: 401, reason: "TokenClaimValueNotAllowed", message: /Client application 'cccccccc-0000-0000-0000-000000000009'/ },
  { name: "a token without azp or appid", path: "/minimal/x", headers: () => bearer(sign(v2({ azp: undefined }))), status: 401, reason: "TokenClaimNotFound" },
  { name: "another tenant's issuer", path: "/minimal/x", headers: () => bearer(sign(v2({}, OTHER_TENANT))), status: 401, reason: "TokenIssuerNotAllowed" },
  { name: "a v1 issuer of another tenant", path: "/minimal/x", headers: () => bearer(sign(v1({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }))), status: 401, reason: "TokenIssuerNotAllowed" },
  { name: "a key the tenant does not publish", path: "/minimal/x", headers: () => bearer(sign(v2(), foreignKey.privateKey)), status: 401, reason: "TokenSignatureInvalid" },
  { name: "an expired token", path: "/minimal/x", headers: () => bearer(sign(v2({ exp: nowS() - 60 }))), status: 401, reason: "TokenExpired" },
  { name: "a token without exp", path: "/minimal/x", headers: () => bearer(sign(v2({ exp: undefined }))), status: 401, reason: "JwtInvalid" },
  { name: "audiences: the gateway's host (an expression) and a literal", path: "/claims/x", headers: () => bearer(sign(v2({ aud: "127.0.0.1" }))), status: 200 },
  { name: "audiences: one not listed", path: "/claims/x", headers: () => bearer(sign(v2({ aud: "api://elsewhere" }))), status: 401, reason: "TokenAudienceNotAllowed" },
  { name: "required claim with match any: a value not listed", path: "/claims/x", headers: () => bearer(sign(v2({ ctry: "FR" }))), status: 401, reason: "TokenClaimValueNotAllowed" },
  { name: "required claim missing", path: "/claims/x", headers: () => bearer(sign(v2({ ctry: undefined }))), status: 401, reason: "TokenClaimNotFound" },
  { name: "backend application id as the audience", path: "/backendApps/x", headers: () => bearer(sign(v2())), status: 200 },
  { name: "backend application id URI as the audience", path: "/backendApps/x", headers: () => bearer(sign(v1())), status: 200 },
  { name: "another audience: failed-validation-httpcode and -error-message", path: "/backendApps/x", headers: () => bearer(sign(v2({ aud: "api://other" }))), status: 403, reason: "TokenAudienceNotAllowed", message: /Go away/ },
  { name: "query-parameter-name, tenant by domain name", path: `/query/x?access_token=TOKEN`, headers: () => ({}), status: 200 },
  { name: "common: any tenant's v2 token (its tid in the issuer)", path: "/common/x", headers: () => ({ "X-Token": sign(v2({}, OTHER_TENANT)) }), status: 200 },
  { name: "common: an issuer that does not match the token's tid", path: "/common/x", headers: () => ({ "X-Token": sign(v2({ tid: TENANT }, OTHER_TENANT)) }), status: 401, reason: "TokenIssuerNotAllowed" },
  { name: "tenant-id and token-value as expressions", path: "/expression/x", headers: () => ({ "X-Jwt": sign(v2()) }), status: 200 },
  { name: "tenant-id as an expression naming another tenant", path: "/expression/x", headers: () => ({ "X-Jwt": sign(v2()), "X-Tenant": OTHER_TENANT }), status: 401, reason: "TokenIssuerNotAllowed" },
  { name: "a tenant-id expression that is no tenant", path: "/expression/x", headers: () => ({ "X-Jwt": sign(v2()), "X-Tenant": "not a tenant!" }), status: 500, reason: "ExpressionValueEvaluationFailure" },
];

describe("validate-azure-ad-token through the gateway", () => {
  it.each(CASES)("$name", async (c) => {
    let headers = c.headers();
    let path = c.path;
    if (path.includes("TOKEN")) path = path.replace("TOKEN", sign(v2()));
    const r = await call(path, headers);
    expect(r.status, r.body).toBe(c.status);
    if (c.status === 200) expect(r.body).toBe(`backend saw ${path.replace(/^\/[^/]+/, "")}`);
    else {
      expect(r.reason).toBe(c.reason);
      expect(r.source).toBe("validate-azure-ad-token");
    }
    if (c.message) expect(r.message).toMatch(c.message);
    headers = {};
  });

  it("output-token-variable-name holds the validated Jwt", async () => {
    expect((await call("/claims/x", bearer(sign(v2({ aud: BACKEND_APP }))))).sub).toBe("alice");
  });
});

describe("validate-azure-ad-token: tenant and endpoint forms", () => {
  it("tenant ids, domain names, well-known tenants and URLs naming them", () => {
    expect(entraTenant(TENANT)).toBe(TENANT);
    expect(entraTenant(" contoso.onmicrosoft.com ")).toBe("contoso.onmicrosoft.com");
    expect(entraTenant("https://contoso.onmicrosoft.com")).toBe("contoso.onmicrosoft.com");
    expect(entraTenant("https://login.microsoftonline.com/organizations")).toBe("organizations");
    expect(entraTenant(`https://login.microsoftonline.com/${TENANT}/v2.0`)).toBe(TENANT);
    for (const bad of ["", "a b", "https://", "x/y", "ten@nt"]) expect(entraTenant(bad)).toBeNull();
  });
  it("authentication-endpoint: https:// is optional", () => {
    expect(entraAuthority("login.microsoftonline.us")).toBe("https://login.microsoftonline.us");
    expect(entraAuthority("https://login.partner.microsoftonline.cn/")).toBe("https://login.partner.microsoftonline.cn");
    expect(entraAuthority("ftp://x")).toBeNull();
  });
});

describe("validate-azure-ad-token: diagnostics", () => {
  const ids = `<client-application-ids><application-id>${CLIENT}</application-id></client-application-ids>`;
  const p = (attrs: string, children = ids) => doc({ inbound: `<validate-azure-ad-token ${attrs}>${children}</validate-azure-ad-token>` });
  it("compiles the reference page's examples", () => {
    expect(errorCodes(p(`tenant-id="contoso.onmicrosoft.com"`))).toEqual([]);
    expect(errorCodes(p(`tenant-id="${TENANT}" output-token-variable-name="jwt"`, `${ids}<audiences><audience>@(context.Request.OriginalUrl.Host)</audience></audiences><required-claims><claim name="ctry" match="any"><value>US</value></claim></required-claims>`))).toEqual([]);
    expect(errorCodes(p(`tenant-id="${TENANT}" authentication-endpoint="login.microsoftonline.us"`, `<backend-application-ids><application-id>${BACKEND_APP}</application-id></backend-application-ids>${ids}`))).toEqual([]);
  });
  it("attributes: tenant-id required and a tenant, one token source, status range, endpoint, literal-only output", () => {
    expect(errorCodes(p(``))).toEqual(["APIMC2004"]);
    expect(errorCodes(p(`tenant-id="not a tenant"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" header-name="A" query-parameter-name="b"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" header-name="bad name"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" failed-validation-httpcode="600"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" failed-validation-httpcode="x"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" authentication-endpoint="ftp://x"`))).toEqual(["APIMC2008"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" output-token-variable-name="@(&quot;x&quot;)"`))).toEqual(["APIMC2007"]);
    expect(errorCodes(p(`tenant-id="${TENANT}" clock-skew="5"`))).toEqual(["APIMC2003"]);
    expect(errorCodes(doc({ outbound: `<validate-azure-ad-token tenant-id="${TENANT}">${ids}</validate-azure-ad-token>` }))).toEqual(["APIMC2006"]);
  });
  it("children: client-application-ids required and not empty, lists not empty, unknown elements, no decryption", () => {
    expect(errorCodes(p(`tenant-id="${TENANT}"`, ""))).toEqual(["APIMC2005"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `<client-application-ids />`))).toEqual(["APIMC2005"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `${ids}<audiences />`))).toEqual(["APIMC2005"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `${ids}<backend-application-ids />`))).toEqual(["APIMC2005"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `${ids}<issuers><issuer>x</issuer></issuers>`))).toEqual(["APIMC2009"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `${ids}${ids}`))).toEqual(["APIMC2016"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `${ids}<decryption-keys />`))).toEqual(["APIMC2015"]);
    expect(errorCodes(p(`tenant-id="${TENANT}"`, `<client-application-ids><app>x</app></client-application-ids>`))).toContain("APIMC2009");
  });
  it("child order other than the page's is a warning", () => {
    expect(diagnostics(p(`tenant-id="${TENANT}"`, `<audiences><audience>a</audience></audiences>${ids}`), "warning").map((d) => d.code)).toContain("APIMC2009");
  });
});

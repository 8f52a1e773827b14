// validate-jwt: tokens signed in the test (HMAC secrets, RSA and EC key pairs), keys inline, by
// n/e, by certificate id and from an OpenID configuration served on 127.0.0.1; every failure is a
// policy error with APIM's reason and failed-validation-httpcode, through on-error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { runPolicy } from "../../gateway/testing.js";
import { configureJwtCertificates, configureOpenIdCache } from "../../runtime/security/index.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { diagnostics, doc, errorCodes, nowS, signJwt } from "./helpers.js";

const secret = randomBytes(32);
const secretB64 = secret.toString("base64");
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const rsaJwk = rsa.publicKey.export({ format: "jwk" }) as { n: string; e: string };
const otherRsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec256 = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const ec384 = generateKeyPairSync("ec", { namedCurve: "secp384r1" });

const claims = (extra: Record<string, unknown> = {}) => ({ iss: "http://contoso.com/", aud: "api://orders", sub: "alice", exp: nowS() + 600, ...extra });

const hsPolicy = (attrs = `header-name="Authorization" require-scheme="Bearer"`, children = "") =>
  `<validate-jwt ${attrs}><issuer-signing-keys><key>${secretB64}</key></issuer-signing-keys>${children}</validate-jwt>`;

const bearer = (t: string) => ({ request: { headers: { Authorization: `Bearer ${t}` } } });

describe("validate-jwt: HMAC keys, token sources, results", () => {
  it("accepts a valid HS256 bearer token and stores the Jwt for expressions", async () => {
    const xml = doc({
      inbound:
        hsPolicy(`header-name="Authorization" require-scheme="Bearer" output-token-variable-name="jwt"`) +
        `<set-variable name="sub" value="@(((Jwt)context.Variables["jwt"]).Subject)" />` +
        `<set-variable name="aud" value="@(string.Join(";", ((Jwt)context.Variables["jwt"]).Audiences))" />` +
        `<set-variable name="role" value="@(((Jwt)context.Variables["jwt"]).Claims.GetValueOrDefault("roles", "none"))" />`,
      backend: "<forward-request/>",
    });
    const r = await runPolicy(xml, { ...bearer(signJwt(claims({ roles: ["a", "b"] }), "HS256", secret)), backend: () => ({ body: "ok" }) });
    expect(r.status).toBe(200);
    expect(r.body).toBe("ok");
    expect(r.variables).toMatchObject({ sub: "alice", aud: "api://orders", role: "a,b" });
    expect(r.backendRequest?.headers.authorization?.[0]).toMatch(/^Bearer /);
  });

  it("verifies HS384 and HS512, and rejects a token signed with another secret", async () => {
    for (const alg of ["HS384", "HS512"]) expect((await runPolicy(doc({ inbound: hsPolicy() }), bearer(signJwt(claims(), alg, secret)))).status).toBe(200);
    const r = await runPolicy(doc({ inbound: hsPolicy() }), bearer(signJwt(claims(), "HS256", randomBytes(32))));
    expect(r.status).toBe(401);
    expect(r.lastError).toMatchObject({ Source: "validate-jwt", Reason: "TokenSignatureInvalid", Section: "inbound", Path: "validate-jwt[1]" });
    expect(r.lastError!.Message).toMatch(/^JWT Validation Failed: Signature validation failed/);
    expect(JSON.parse(r.body)).toMatchObject({ statusCode: 401 });
  });

  it("a missing header, a missing scheme, or an empty token: TokenNotPresent 'JWT not present.'", async () => {
    const xml = doc({ inbound: hsPolicy() + `<set-variable name="after" value="1" />` });
    const none = await runPolicy(xml);
    expect(none.status).toBe(401);
    expect(none.variables).not.toHaveProperty("after");
    expect(none.lastError).toMatchObject({ Reason: "TokenNotPresent", Message: "JWT not present." });
    expect(JSON.parse(none.body)).toMatchObject({ statusCode: 401, message: "JWT not present." });
    const token = signJwt(claims(), "HS256", secret);
    expect((await runPolicy(xml, { request: { headers: { Authorization: `Basic ${token}` } } })).lastError).toMatchObject({ Reason: "TokenNotPresent" });
    expect((await runPolicy(xml, { request: { headers: { Authorization: token } } })).lastError).toMatchObject({ Reason: "TokenNotPresent" });
    expect((await runPolicy(xml, { request: { headers: { Authorization: "Bearer " } } })).lastError).toMatchObject({ Reason: "TokenNotPresent" });
    // The scheme is case-insensitive; without require-scheme a "<scheme> <token>" value still yields the token.
    expect((await runPolicy(xml, { request: { headers: { Authorization: `bearer ${token}` } } })).status).toBe(200);
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization"`) }), bearer(token))).status).toBe(200);
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization"`) }), { request: { headers: { Authorization: token } } })).status).toBe(200);
  });

  it("reads the token from a query parameter or from token-value", async () => {
    const token = signJwt(claims(), "HS256", secret);
    const q = doc({ inbound: hsPolicy(`query-parameter-name="access_token"`) });
    expect((await runPolicy(q, { request: { url: `/x?access_token=${token}` } })).status).toBe(200);
    expect((await runPolicy(q, { request: { url: "/x" } })).lastError).toMatchObject({ Reason: "TokenNotPresent" });
    const v = doc({ inbound: hsPolicy(`token-value="@(context.Request.Headers.GetValueOrDefault(&quot;X-Token&quot;, &quot;&quot;))"`) });
    expect((await runPolicy(v, { request: { headers: { "X-Token": token } } })).status).toBe(200);
    expect((await runPolicy(v)).lastError).toMatchObject({ Reason: "TokenNotPresent" });
    const custom = doc({ inbound: hsPolicy(`header-name="X-Jwt" require-scheme="Bearer"`) });
    expect((await runPolicy(custom, { request: { headers: { "X-Jwt": token } } })).status).toBe(200); // require-scheme ignored for a custom header
  });

  it("malformed and encrypted tokens are JwtInvalid", async () => {
    const xml = doc({ inbound: hsPolicy() });
    for (const t of ["abc", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "a.b.c.d.e"]) {
      const r = await runPolicy(xml, bearer(t));
      expect(r.status).toBe(401);
      expect(r.lastError).toMatchObject({ Reason: "JwtInvalid" });
    }
  });

  it("unsigned tokens: rejected unless require-signed-tokens is false", async () => {
    const t = signJwt(claims(), "none", null);
    expect((await runPolicy(doc({ inbound: hsPolicy() }), bearer(t))).lastError).toMatchObject({ Reason: "TokenSignatureInvalid" });
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization" require-signed-tokens="false"`) }), bearer(t))).status).toBe(200);
    // A signed token is still verified when signatures are optional.
    const forged = signJwt(claims(), "HS256", randomBytes(32));
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization" require-signed-tokens="false"`) }), bearer(forged))).lastError).toMatchObject({ Reason: "TokenSignatureInvalid" });
  });

  it("the signing key may come from a named value", async () => {
    const xml = doc({ inbound: `<validate-jwt header-name="Authorization"><issuer-signing-keys><key>{{jwt-signing-key}}</key></issuer-signing-keys></validate-jwt>` });
    const r = await runPolicy(xml, { ...bearer(signJwt(claims(), "HS256", secret)), namedValues: { "jwt-signing-key": secretB64 } });
    expect(r.status).toBe(200);
  });
});

describe("validate-jwt: lifetime, audiences, issuers, claims", () => {
  it("expired tokens are TokenExpired; clock-skew extends the lifetime", async () => {
    const t = signJwt(claims({ exp: nowS() - 30 }), "HS256", secret);
    const r = await runPolicy(doc({ inbound: hsPolicy() }), bearer(t));
    expect(r.lastError).toMatchObject({ Reason: "TokenExpired" });
    expect(r.lastError!.Message).toMatch(/^JWT Validation Failed: Lifetime validation failed. The token is expired/);
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization" clock-skew="120"`) }), bearer(t))).status).toBe(200);
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization" clock-skew="@(60 * 2)"`) }), bearer(t))).status).toBe(200);
  });

  it("exp is required unless require-expiration-time is false; nbf in the future is rejected", async () => {
    const noExp = signJwt({ sub: "a" }, "HS256", secret);
    expect((await runPolicy(doc({ inbound: hsPolicy() }), bearer(noExp))).lastError).toMatchObject({ Reason: "JwtInvalid", Message: expect.stringMatching(/missing an Expiration Time/) });
    expect((await runPolicy(doc({ inbound: hsPolicy(`header-name="Authorization" require-expiration-time="false"`) }), bearer(noExp))).status).toBe(200);
    const early = signJwt(claims({ nbf: nowS() + 300 }), "HS256", secret);
    expect((await runPolicy(doc({ inbound: hsPolicy() }), bearer(early))).lastError).toMatchObject({ Reason: "JwtInvalid", Message: expect.stringMatching(/not yet valid/) });
  });

  it("audiences and issuers: any listed value passes; expressions allowed", async () => {
    const children = `<audiences><audience>api://other</audience><audience>@("api://" + "orders")</audience></audiences><issuers><issuer>http://contoso.com/</issuer></issuers>`;
    const xml = doc({ inbound: hsPolicy(undefined, children) });
    expect((await runPolicy(xml, bearer(signJwt(claims(), "HS256", secret)))).status).toBe(200);
    expect((await runPolicy(xml, bearer(signJwt(claims({ aud: ["x", "api://other"] }), "HS256", secret)))).status).toBe(200);
    expect((await runPolicy(xml, bearer(signJwt(claims({ aud: "api://nope" }), "HS256", secret)))).lastError).toMatchObject({ Reason: "TokenAudienceNotAllowed" });
    expect((await runPolicy(xml, bearer(signJwt(claims({ aud: undefined }), "HS256", secret)))).lastError).toMatchObject({ Reason: "TokenAudienceNotAllowed" });
    expect((await runPolicy(xml, bearer(signJwt(claims({ iss: "http://evil/" }), "HS256", secret)))).lastError).toMatchObject({ Reason: "TokenIssuerNotAllowed" });
    // The audience may be the gateway's host (the reference page's example).
    const host = doc({ inbound: hsPolicy(undefined, `<audiences><audience>@(context.Request.OriginalUrl.Host)</audience></audiences>`) });
    expect((await runPolicy(host, bearer(signJwt(claims({ aud: "localhost" }), "HS256", secret)))).status).toBe(200);
  });

  it("required claims: presence, match all / any, separator", async () => {
    const run = async (children: string, payload: Record<string, unknown>) =>
      (await runPolicy(doc({ inbound: hsPolicy(undefined, `<required-claims>${children}</required-claims>`) }), bearer(signJwt(claims(payload), "HS256", secret)))).lastError?.Reason ?? "ok";
    expect(await run(`<claim name="tid" />`, { tid: "t1" })).toBe("ok");
    expect(await run(`<claim name="tid" />`, {})).toBe("TokenClaimNotFound");
    const all = `<claim name="group" match="all"><value>finance</value><value>logistics</value></claim>`;
    expect(await run(all, { group: ["finance", "logistics", "x"] })).toBe("ok");
    expect(await run(all, { group: ["finance"] })).toBe("TokenClaimValueNotAllowed");
    const any = `<claim name="group" match="any"><value>finance</value><value>logistics</value></claim>`;
    expect(await run(any, { group: "logistics" })).toBe("ok");
    expect(await run(any, { group: "sales" })).toBe("TokenClaimValueNotAllowed");
    expect(await run(`<claim name="scp" match="all" separator=" "><value>read</value><value>write</value></claim>`, { scp: "read write admin" })).toBe("ok");
    expect(await run(`<claim name="scp" match="all" separator=" "><value>read</value><value>write</value></claim>`, { scp: "read" })).toBe("TokenClaimValueNotAllowed");
    expect(await run(`<claim name="n"><value>5</value></claim>`, { n: 5 })).toBe("ok");
    expect(await run(`<claim name="role"><value>@("ad" + "min")</value></claim>`, { role: "admin" })).toBe("ok");
  });

  it("custom status and message; on-error sees LastError and the status", async () => {
    const xml = doc({
      inbound: hsPolicy(`header-name="Authorization" failed-validation-httpcode="403" failed-validation-error-message="Unauthorized. Access token is missing or invalid."`),
      onError: `<set-variable name="src" value="@(context.LastError.Source)" /><set-variable name="reason" value="@(context.LastError.Reason)" /><set-variable name="status" value="@(context.Response.StatusCode)" />`,
    });
    const r = await runPolicy(xml);
    expect(r.status).toBe(403);
    expect(r.variables).toMatchObject({ src: "validate-jwt", reason: "TokenNotPresent", status: 403 });
    expect(r.lastError!.Message).toBe("Unauthorized. Access token is missing or invalid.");
    const dyn = doc({ inbound: hsPolicy(`header-name="Authorization" failed-validation-httpcode="@(400 + 2)" failed-validation-error-message="@("no " + "token")"`) });
    const d = await runPolicy(dyn);
    expect(d.status).toBe(402);
    expect(JSON.parse(d.body)).toMatchObject({ statusCode: 402, message: "no token" });
  });
});

describe("validate-jwt: asymmetric keys", () => {
  const rsaPolicy = (key = `<key n="${rsaJwk.n}" e="${rsaJwk.e}" />`) => doc({ inbound: `<validate-jwt header-name="Authorization"><issuer-signing-keys>${key}</issuer-signing-keys></validate-jwt>` });

  it("RS256/384/512 and PS256 with the modulus and exponent", async () => {
    for (const alg of ["RS256", "RS384", "RS512", "PS256", "PS384"]) {
      const r = await runPolicy(rsaPolicy(), bearer(signJwt(claims(), alg, rsa.privateKey)));
      expect([alg, r.status]).toEqual([alg, 200]);
    }
    expect((await runPolicy(rsaPolicy(), bearer(signJwt(claims(), "RS256", otherRsa.privateKey)))).lastError).toMatchObject({ Reason: "TokenSignatureInvalid" });
  });

  it("an HMAC token against RSA keys only (or the reverse) finds no key: TokenSignatureKeyNotFound", async () => {
    expect((await runPolicy(rsaPolicy(), bearer(signJwt(claims(), "HS256", secret)))).lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
    expect((await runPolicy(doc({ inbound: hsPolicy() }), bearer(signJwt(claims(), "RS256", rsa.privateKey)))).lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
  });

  it("key ids: a matching kid picks the key; an unknown kid with every key named is TokenSignatureKeyNotFound", async () => {
    const other = otherRsa.publicKey.export({ format: "jwk" }) as { n: string; e: string };
    const keys = `<key id="old" n="${other.n}" e="${other.e}" /><key id="new" n="${rsaJwk.n}" e="${rsaJwk.e}" />`;
    expect((await runPolicy(rsaPolicy(keys), bearer(signJwt(claims(), "RS256", rsa.privateKey, { kid: "new" })))).status).toBe(200);
    expect((await runPolicy(rsaPolicy(keys), bearer(signJwt(claims(), "RS256", rsa.privateKey)))).status).toBe(200); // no kid: every key is tried
    expect((await runPolicy(rsaPolicy(keys), bearer(signJwt(claims(), "RS256", rsa.privateKey, { kid: "gone" })))).status).toBe(200); // an unknown kid: every key is still tried
    const forged = await runPolicy(rsaPolicy(keys), bearer(signJwt(claims(), "RS256", generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey, { kid: "gone" })));
    expect(forged.lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
  });

  it("certificate-id keys: ES256, ES384 and RS256 public keys registered by id", async () => {
    configureJwtCertificates({
      "ec-256": ec256.publicKey.export({ format: "pem", type: "spki" }) as string,
      "ec-384": ec384.publicKey.export({ format: "pem", type: "spki" }) as string,
      "my-rsa-cert": rsa.publicKey.export({ format: "pem", type: "spki" }) as string,
    });
    const policy = (id: string) => doc({ inbound: `<validate-jwt header-name="Authorization"><issuer-signing-keys><key certificate-id="${id}" /></issuer-signing-keys></validate-jwt>` });
    expect((await runPolicy(policy("ec-256"), bearer(signJwt(claims(), "ES256", ec256.privateKey)))).status).toBe(200);
    expect((await runPolicy(policy("ec-384"), bearer(signJwt(claims(), "ES384", ec384.privateKey)))).status).toBe(200);
    expect((await runPolicy(policy("my-rsa-cert"), bearer(signJwt(claims(), "RS256", rsa.privateKey)))).status).toBe(200);
    expect((await runPolicy(policy("ec-256"), bearer(signJwt(claims(), "ES384", ec384.privateKey)))).lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
    expect((await runPolicy(policy("missing"), bearer(signJwt(claims(), "RS256", rsa.privateKey)))).lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
  });
});

describe("validate-jwt: openid-config", () => {
  let idp: TestServer;
  let current: { kid: string; key: KeyObject }[];
  beforeAll(async () => {
    configureOpenIdCache({ refreshMs: 0 });
    current = [{ kid: "k1", key: rsa.publicKey }];
    idp = await startServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/.well-known/openid-configuration") res.end(JSON.stringify({ issuer: "https://idp.test/", jwks_uri: `${idp.url}/keys` }));
      else if (req.url === "/keys")
        res.end(JSON.stringify({ keys: [...current.map((k) => ({ ...(k.key.export({ format: "jwk" }) as object), kid: k.kid, use: "sig" })), { kty: "oct", k: "c2VjcmV0" }] }));
      else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
  });
  afterAll(() => idp.close());

  const oidc = (children = "") =>
    doc({ inbound: `<validate-jwt header-name="Authorization" failed-validation-httpcode="401"><openid-config url="${idp.url}/.well-known/openid-configuration" />${children}</validate-jwt>` });
  const fetches = () => idp.requests.filter((r) => r.url === "/keys").length;

  it("fetches the discovery document and JWKS once, then serves from the cache", async () => {
    const before = fetches();
    const t = signJwt(claims({ iss: "https://idp.test/" }), "RS256", rsa.privateKey, { kid: "k1" });
    for (let i = 0; i < 3; i++) expect((await runPolicy(oidc(), bearer(t))).status).toBe(200);
    expect(fetches() - before).toBeLessThanOrEqual(1);
  });

  it("the discovery document's issuer is an allowed issuer", async () => {
    expect((await runPolicy(oidc(), bearer(signJwt(claims({ iss: "https://evil/" }), "RS256", rsa.privateKey, { kid: "k1" })))).lastError).toMatchObject({ Reason: "TokenIssuerNotAllowed" });
    expect((await runPolicy(oidc(`<issuers><issuer>https://evil/</issuer></issuers>`), bearer(signJwt(claims({ iss: "https://evil/" }), "RS256", rsa.privateKey, { kid: "k1" })))).status).toBe(200);
  });

  it("a kid missing from the cached keys fetches the JWKS again (key rollover)", async () => {
    current = [{ kid: "k1", key: rsa.publicKey }, { kid: "k2", key: ec256.publicKey }];
    const t = signJwt(claims({ iss: "https://idp.test/" }), "ES256", ec256.privateKey, { kid: "k2" });
    expect((await runPolicy(oidc(), bearer(t))).status).toBe(200);
  });

  it("an unreachable endpoint: TokenSignatureKeyNotFound with the reason", async () => {
    const dead = await startServer((_q, res) => res.end());
    const url = `${dead.url}/.well-known/openid-configuration`;
    await dead.close();
    const xml = doc({ inbound: `<validate-jwt header-name="Authorization"><openid-config url="${url}" /></validate-jwt>` });
    const r = await runPolicy(xml, bearer(signJwt(claims(), "RS256", rsa.privateKey)));
    expect(r.status).toBe(401);
    expect(r.lastError).toMatchObject({ Reason: "TokenSignatureKeyNotFound" });
    expect(r.lastError!.Message).toMatch(/could not be retrieved/);
  });
});

describe("validate-jwt: diagnostics", () => {
  const keys = `<issuer-signing-keys><key>${secretB64}</key></issuer-signing-keys>`;
  it("token source attributes: one is required, only one is allowed", () => {
    expect(errorCodes(doc({ inbound: `<validate-jwt>${keys}</validate-jwt>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A" query-parameter-name="b">${keys}</validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="bad name">${keys}</validate-jwt>` }))).toEqual(["APIMC2008"]);
  });
  it("literal types, expressions where the page forbids them, section", () => {
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A" require-expiration-time="maybe">${keys}</validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A" clock-skew="-1">${keys}</validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A" failed-validation-httpcode="99">${keys}</validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A" output-token-variable-name="@(&quot;x&quot;)">${keys}</validate-jwt>` }))).toEqual(["APIMC2007"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><openid-config url="@(&quot;https://x&quot;)" /></validate-jwt>` }))).toEqual(["APIMC2007"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><issuer-signing-keys><key n="@(&quot;x&quot;)" e="AQAB" /></issuer-signing-keys></validate-jwt>` }))).toContain("APIMC2007");
    expect(errorCodes(doc({ outbound: `<validate-jwt header-name="A">${keys}</validate-jwt>` }))).toEqual(["APIMC2006"]);
  });
  it("children: keys, decryption-keys, claims, unknown elements", () => {
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><issuer-signing-keys><key>not base64!</key></issuer-signing-keys></validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><issuer-signing-keys><key n="abc" /></issuer-signing-keys></validate-jwt>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><issuer-signing-keys><key n="!!" e="AQAB" /></issuer-signing-keys></validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><issuer-signing-keys><key /></issuer-signing-keys></validate-jwt>` }))).toContain("APIMC2005");
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A">${keys}<decryption-keys><key>${secretB64}</key></decryption-keys></validate-jwt>` }))).toEqual(["APIMC2015"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A">${keys}<required-claims><claim name="x" match="some" /></required-claims></validate-jwt>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A">${keys}<required-claims><claim /></required-claims></validate-jwt>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A">${keys}<audience>x</audience></validate-jwt>` }))).toEqual(["APIMC2009"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A">${keys}${keys}</validate-jwt>` }))).toEqual(["APIMC2016"]);
    expect(errorCodes(doc({ inbound: `<validate-jwt header-name="A"><openid-config url="not a url" /></validate-jwt>` }))).toEqual(["APIMC2008"]);
  });
  it("warnings: no keys at all, require-scheme on a custom header", () => {
    expect(diagnostics(doc({ inbound: `<validate-jwt header-name="A" />` }), "warning").map((d) => d.code)).toContain("APIMC2005");
    expect(diagnostics(doc({ inbound: `<validate-jwt header-name="X-Token" require-scheme="Bearer">${keys}</validate-jwt>` }), "warning").map((d) => d.code)).toContain("APIMC2008");
  });
  it("the reference page's examples compile", () => {
    const ex = [
      `<validate-jwt header-name="Authorization" require-scheme="Bearer"><issuer-signing-keys><key>{{jwt-signing-key}}</key></issuer-signing-keys><audiences><audience>@(context.Request.OriginalUrl.Host)</audience></audiences><issuers><issuer>http://contoso.com/</issuer></issuers></validate-jwt>`,
      `<validate-jwt header-name="Authorization" require-scheme="Bearer"><issuer-signing-keys><key certificate-id="my-rsa-cert" /></issuer-signing-keys></validate-jwt>`,
      `<validate-jwt header-name="Authorization" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized. Access token is missing or invalid."><openid-config url="https://login.microsoftonline.com/contoso.onmicrosoft.com/.well-known/openid-configuration" /><audiences><audience>00001111-aaaa-2222-bbbb-3333cccc4444</audience></audiences><required-claims><claim name="id" match="all"><value>insert claim here</value></claim></required-claims></validate-jwt>`,
    ];
    for (const x of ex) expect(errorCodes(doc({ inbound: x.replace("{{jwt-signing-key}}", secretB64) }))).toEqual([]);
  });
});

// authentication-managed-identity outside Azure: a fake IMDS endpoint and a fake Microsoft Entra
// token endpoint on 127.0.0.1, a real backend, and the token sources configured as gateway.json
// would (configureManagedIdentity). Caching, single flight, expiry, every failure mode with and
// without ignore-error, send-request children, and the compile-time checks.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPolicy } from "../../gateway/testing.js";
import { clearManagedIdentityCache, configureManagedIdentity } from "../../runtime/security/index.js";
import { compile } from "../../compiler/index.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { doc } from "./helpers.js";

type Answer = { status?: number; body?: string; delayMs?: number; hang?: boolean };

const dir = mkdtempSync(join(tmpdir(), "apimc-mi-"));
const tokenFile = join(dir, "federated-token");

let imds: TestServer;
let entra: TestServer;
let backend: TestServer;
let sink: TestServer;
/** What the next token requests get (default: a fresh token valid for an hour). */
let imdsAnswer: (n: number) => Answer;
let entraAnswer: (n: number) => Answer;

const nowS = () => Math.floor(Date.now() / 1000);
const okImds = (n: number, lifetimeS = 3600, asString = true): Answer => ({
  body: JSON.stringify({ access_token: `mi-token-${n}`, expires_on: asString ? String(nowS() + lifetimeS) : nowS() + lifetimeS, resource: "r", token_type: "Bearer" }),
});
const okEntra = (n: number): Answer => ({ body: JSON.stringify({ token_type: "Bearer", expires_in: 3599, access_token: `wi-token-${n}` }) });

async function answer(res: import("node:http").ServerResponse, a: Answer): Promise<void> {
  if (a.hang) return; // never answers
  if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
  res.writeHead(a.status ?? 200, { "content-type": "application/json" });
  res.end(a.body ?? "");
}

beforeAll(async () => {
  imds = await startServer((_req, res) => answer(res, imdsAnswer(imds.requests.length)));
  entra = await startServer((_req, res) => answer(res, entraAnswer(entra.requests.length)));
  backend = await startServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
  });
  sink = await startServer((_req, res) => res.end("ok"));
});
afterAll(async () => {
  configureManagedIdentity(null);
  await Promise.all([imds.close(), entra.close(), backend.close(), sink.close()]);
});

const imdsConfig = (extra: object = {}) => ({ imds: { endpoint: `${imds.url}/metadata/identity/oauth2/token` }, ...extra });
const wiConfig = (extra: object = {}) => ({ workloadIdentity: { tenantId: "tenant-1", clientId: "app-1", tokenFile, authorityHost: `${entra.url}/` }, ...extra });

beforeEach(() => {
  imds.requests.length = 0;
  entra.requests.length = 0;
  backend.requests.length = 0;
  imdsAnswer = (n) => okImds(n);
  entraAnswer = (n) => okEntra(n);
  writeFileSync(tokenFile, "federated-assertion-1\n");
  configureManagedIdentity({ ...imdsConfig(), ...wiConfig(), timeoutMs: 2000 });
  clearManagedIdentityCache();
});
afterEach(() => {
  vi.useRealTimers();
});

const onError = `<set-variable name="source" value="@(context.LastError.Source)" /><set-variable name="reason" value="@(context.LastError.Reason)" /><set-variable name="message" value="@(context.LastError.Message)" />`;
const forward = (inbound: string) => doc({ inbound, backend: "<forward-request />", onError });
const seenAuth = (r: { body: string }) => (JSON.parse(r.body) as { authorization: string | null }).authorization;

describe("authentication-managed-identity: managed identity (IMDS)", () => {
  it("sets Authorization: Bearer <token> on the request to the backend; the token request is the IMDS one", async () => {
    const r = await runPolicy(forward(`<authentication-managed-identity resource="https://storage.azure.com/" />`), {
      backend: backend.url,
      request: { headers: { Authorization: "Basic client-credentials" } },
    });
    expect(r.status).toBe(200);
    expect(seenAuth(r)).toBe("Bearer mi-token-1");
    expect(imds.requests).toHaveLength(1);
    const q = imds.requests[0]!;
    expect(q.method).toBe("GET");
    expect(q.headers.metadata).toBe("true");
    const u = new URL(q.url, imds.url);
    expect(u.pathname).toBe("/metadata/identity/oauth2/token");
    expect([...u.searchParams]).toEqual([
      ["api-version", "2018-02-01"],
      ["resource", "https://storage.azure.com/"],
    ]);
  });

  it("client-id asks for that user-assigned identity, cached apart from the system-assigned one", async () => {
    const a = await runPolicy(forward(`<authentication-managed-identity resource="api://x" client-id="11111111-2222-3333-4444-555555555555" />`), { backend: backend.url });
    const b = await runPolicy(forward(`<authentication-managed-identity resource="api://x" />`), { backend: backend.url });
    expect(seenAuth(a)).toBe("Bearer mi-token-1");
    expect(seenAuth(b)).toBe("Bearer mi-token-2");
    expect(new URL(imds.requests[0]!.url, imds.url).searchParams.get("client_id")).toBe("11111111-2222-3333-4444-555555555555");
    expect(new URL(imds.requests[1]!.url, imds.url).searchParams.has("client_id")).toBe(false);
  });

  it("output-token-variable-name stores the token and leaves the request's headers alone", async () => {
    const xml = forward(`<authentication-managed-identity resource="https://vault.azure.net" output-token-variable-name="msi-access-token" ignore-error="false" />`);
    const r = await runPolicy(xml, { backend: backend.url, request: { headers: { Authorization: "Basic abc" } } });
    expect(r.variables["msi-access-token"]).toBe("mi-token-1");
    expect(seenAuth(r)).toBe("Basic abc");
    // The reference page's pattern: the variable then feeds a set-header.
    const manual = forward(
      `<authentication-managed-identity resource="https://vault.azure.net" output-token-variable-name="t" /><set-header name="X-Token" exists-action="override"><value>@("Bearer " + (string)context.Variables["t"])</value></set-header>`,
    );
    const m = await runPolicy(manual, { backend: backend.url });
    expect(m.variables.t).toBe("mi-token-1"); // from the cache: same resource, same identity
    expect(imds.requests).toHaveLength(1);
  });

  it("resource from an expression", async () => {
    const r = await runPolicy(forward(`<authentication-managed-identity resource="@((string)context.Variables[&quot;aud&quot;])" />`), { backend: backend.url, variables: { aud: "api://computed" } });
    expect(seenAuth(r)).toBe("Bearer mi-token-1");
    expect(new URL(imds.requests[0]!.url, imds.url).searchParams.get("resource")).toBe("api://computed");
  });

  it("caches the token per resource until 5 minutes before it expires; expires_on as a number works too", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    imdsAnswer = (n) => okImds(n, 3600, n % 2 === 0);
    const xml = forward(`<authentication-managed-identity resource="api://cached" />`);
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-1");
    vi.setSystemTime(new Date("2030-01-01T00:50:00Z"));
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-1");
    expect(imds.requests).toHaveLength(1);
    vi.setSystemTime(new Date("2030-01-01T00:55:01Z")); // within 5 minutes of expiry
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-2");
    expect(imds.requests).toHaveLength(2);
    // Another resource is another token.
    expect(seenAuth(await runPolicy(forward(`<authentication-managed-identity resource="api://other" />`), { backend: backend.url }))).toBe("Bearer mi-token-3");
  });

  it("a short-lived token is refreshed after half its lifetime", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    imdsAnswer = (n) => okImds(n, 120);
    const xml = forward(`<authentication-managed-identity resource="api://short" />`);
    await runPolicy(xml, { backend: backend.url });
    vi.setSystemTime(new Date("2030-01-01T00:00:59Z"));
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-1");
    vi.setSystemTime(new Date("2030-01-01T00:01:01Z"));
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-2");
    expect(imds.requests).toHaveLength(2);
  });

  it("concurrent requests share one token request", async () => {
    imdsAnswer = (n) => ({ ...okImds(n), delayMs: 150 });
    const xml = forward(`<authentication-managed-identity resource="api://busy" />`);
    const rs = await Promise.all(Array.from({ length: 12 }, () => runPolicy(xml, { backend: backend.url })));
    expect(rs.map(seenAuth)).toEqual(Array(12).fill("Bearer mi-token-1"));
    expect(imds.requests).toHaveLength(1);
  });

  it("a failed token request is not cached: the next request asks again", async () => {
    imdsAnswer = (n) => (n === 1 ? { status: 500, body: JSON.stringify({ error: "unavailable", error_description: "try later" }) } : okImds(n));
    const xml = forward(`<authentication-managed-identity resource="api://flaky" />`);
    const first = await runPolicy(xml, { backend: backend.url });
    expect(first.status).toBe(500);
    expect(first.variables).toMatchObject({ reason: "ManagedIdentityTokenFailure" });
    expect(String(first.variables.message)).toContain("answered 500 (unavailable: try later)");
    const second = await runPolicy(xml, { backend: backend.url });
    expect(seenAuth(second)).toBe("Bearer mi-token-2");
    expect(imds.requests).toHaveLength(2);
  });

  it("while a refresh fails, a token that has not expired yet is still used", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    imdsAnswer = (n) => (n === 1 ? okImds(n) : { status: 503, body: "{}" });
    const xml = forward(`<authentication-managed-identity resource="api://refresh" />`);
    await runPolicy(xml, { backend: backend.url });
    vi.setSystemTime(new Date("2030-01-01T00:58:00Z"));
    expect(seenAuth(await runPolicy(xml, { backend: backend.url }))).toBe("Bearer mi-token-1");
    expect(imds.requests).toHaveLength(2);
    vi.setSystemTime(new Date("2030-01-01T01:00:01Z")); // expired: the failure shows
    expect((await runPolicy(xml, { backend: backend.url })).variables).toMatchObject({ reason: "ManagedIdentityTokenFailure" });
  });
});

describe("authentication-managed-identity: failures, with and without ignore-error", () => {
  const failures: [string, () => Promise<void> | void, RegExp][] = [
    ["the endpoint is unreachable", async () => configureManagedIdentity({ imds: { endpoint: `http://127.0.0.1:${await closedPort()}/token` }, timeoutMs: 2000 }), /could not be reached/],
    ["a non-2xx answer", () => void (imdsAnswer = () => ({ status: 400, body: JSON.stringify({ error: "invalid_request", error_description: "Identity not found" }) })), /answered 400 \(invalid_request: Identity not found\)/],
    ["an answer that is not JSON", () => void (imdsAnswer = () => ({ body: "<html>proxy login</html>" })), /did not answer a JSON object/],
    ["JSON without access_token", () => void (imdsAnswer = () => ({ body: JSON.stringify({ expires_on: String(nowS() + 3600) }) })), /without a usable 'access_token'/],
    ["an access_token that cannot be a header value", () => void (imdsAnswer = () => ({ body: JSON.stringify({ access_token: "a\r\nX-Evil: 1", expires_on: nowS() + 3600 }) })), /without a usable 'access_token'/],
    ["JSON without expires_on", () => void (imdsAnswer = () => ({ body: JSON.stringify({ access_token: "t" }) })), /without 'expires_on'/],
    ["a token that has already expired", () => void (imdsAnswer = () => ({ body: JSON.stringify({ access_token: "t", expires_on: nowS() - 10 }) })), /already expired/],
    ["no answer within the timeout", () => {
      configureManagedIdentity({ ...imdsConfig(), timeoutMs: 300 });
      imdsAnswer = () => ({ hang: true });
    }, /did not answer within 300 ms/],
  ];

  for (const [what, arrange, message] of failures) {
    it(`${what}: on-error with LastError from authentication-managed-identity; ignore-error continues without the header`, async () => {
      await arrange();
      const started = Date.now();
      const r = await runPolicy(forward(`<authentication-managed-identity resource="api://fail" />`), { backend: backend.url });
      expect(r.status).toBe(500);
      expect(backend.requests).toHaveLength(0);
      expect(r.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ManagedIdentityTokenFailure" });
      expect(String(r.variables.message)).toMatch(message);
      expect(r.lastError).toMatchObject({ Source: "authentication-managed-identity", Section: "inbound", Path: "authentication-managed-identity[1]" });
      expect(Date.now() - started).toBeLessThan(1900);

      const ignored = await runPolicy(forward(`<authentication-managed-identity resource="api://fail" ignore-error="true" output-token-variable-name="t" />`), {
        backend: backend.url,
        request: { headers: { Authorization: "Basic keep" } },
      });
      expect(ignored.status).toBe(200);
      expect(seenAuth(ignored)).toBe("Basic keep");
      expect("t" in ignored.variables).toBe(false);
      expect(ignored.trace).toContainEqual(expect.objectContaining({ source: "authentication-managed-identity", severity: "error" }));
      const noHeader = await runPolicy(forward(`<authentication-managed-identity resource="api://fail" ignore-error="true" />`), { backend: backend.url });
      expect(seenAuth(noHeader)).toBeNull();
    });
  }

  it("without a configured source: ManagedIdentityNotConfigured naming the gateway.json option", async () => {
    configureManagedIdentity(null);
    const r = await runPolicy(forward(`<authentication-managed-identity resource="api://x" />`), { backend: backend.url });
    expect(r.status).toBe(500);
    expect(r.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ManagedIdentityNotConfigured" });
    expect(String(r.variables.message)).toContain('"managedIdentity": { "imds"');
    // Without on-error: APIM's default error response.
    const plain = await runPolicy(doc({ inbound: `<authentication-managed-identity resource="api://x" />`, backend: "<forward-request />" }), { backend: backend.url });
    expect(plain.status).toBe(500);
    expect(JSON.parse(plain.body)).toMatchObject({ statusCode: 500, message: "Internal server error" });
    const wi = await runPolicy(forward(`<authentication-managed-identity resource="api://x" authentication-provider="WorkloadIdentity" />`), { backend: backend.url });
    expect(wi.variables).toMatchObject({ reason: "ManagedIdentityNotConfigured" });
    expect(String(wi.variables.message)).toContain('"workloadIdentity"');
    const ignored = await runPolicy(forward(`<authentication-managed-identity resource="api://x" ignore-error="true" />`), { backend: backend.url });
    expect(ignored.status).toBe(200);
    expect(seenAuth(ignored)).toBeNull();
    expect(imds.requests).toHaveLength(0);
  });

  it("a computed resource that is empty is an expression error", async () => {
    const r = await runPolicy(forward(`<authentication-managed-identity resource="@(&quot; &quot;)" />`), { backend: backend.url });
    expect(r.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ExpressionValueEvaluationFailure" });
    expect(imds.requests).toHaveLength(0);
  });
});

describe("authentication-managed-identity: Microsoft Entra Workload ID", () => {
  const wi = (extra = "") => forward(`<authentication-managed-identity resource="https://management.azure.com/" authentication-provider="WorkloadIdentity"${extra} />`);

  it("exchanges the federated token file at <authority><tenant>/oauth2/v2.0/token with exactly the client-assertion form", async () => {
    const r = await runPolicy(wi(), { backend: backend.url });
    expect(seenAuth(r)).toBe("Bearer wi-token-1");
    expect(imds.requests).toHaveLength(0);
    expect(entra.requests).toHaveLength(1);
    const q = entra.requests[0]!;
    expect(q.method).toBe("POST");
    expect(q.url).toBe("/tenant-1/oauth2/v2.0/token");
    expect(q.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(q.body)].sort()).toEqual(
      [
        ["client_id", "app-1"],
        ["client_assertion", "federated-assertion-1"],
        ["client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"],
        ["grant_type", "client_credentials"],
        ["scope", "https://management.azure.com//.default"],
      ].sort(),
    );
  });

  it("reads the token file again for every exchange (it is rotated); tokens are cached in between", async () => {
    await runPolicy(wi(), { backend: backend.url });
    writeFileSync(tokenFile, "federated-assertion-2");
    expect(seenAuth(await runPolicy(wi(), { backend: backend.url }))).toBe("Bearer wi-token-1");
    expect(entra.requests).toHaveLength(1);
    clearManagedIdentityCache();
    expect(seenAuth(await runPolicy(wi(), { backend: backend.url }))).toBe("Bearer wi-token-2");
    expect(new URLSearchParams(entra.requests[1]!.body).get("client_assertion")).toBe("federated-assertion-2");
  });

  it("expires_in sets the expiry: a short-lived token is fetched again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T00:00:00Z"));
    entraAnswer = (n) => ({ body: JSON.stringify({ access_token: `wi-token-${n}`, expires_in: "60" }) });
    await runPolicy(wi(), { backend: backend.url });
    vi.setSystemTime(new Date("2030-01-01T00:00:31Z"));
    expect(seenAuth(await runPolicy(wi(), { backend: backend.url }))).toBe("Bearer wi-token-2");
  });

  it("settings fall back to AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { AZURE_TENANT_ID: "env-tenant", AZURE_CLIENT_ID: "env-client", AZURE_FEDERATED_TOKEN_FILE: tokenFile, AZURE_AUTHORITY_HOST: entra.url });
      configureManagedIdentity({ workloadIdentity: {}, timeoutMs: 2000 });
      expect(seenAuth(await runPolicy(wi(), { backend: backend.url }))).toBe("Bearer wi-token-1");
      expect(entra.requests[0]!.url).toBe("/env-tenant/oauth2/v2.0/token");
      expect(new URLSearchParams(entra.requests[0]!.body).get("client_id")).toBe("env-client");
      delete process.env.AZURE_TENANT_ID;
      clearManagedIdentityCache();
      const r = await runPolicy(wi(), { backend: backend.url });
      expect(r.variables).toMatchObject({ reason: "ManagedIdentityNotConfigured" });
      expect(String(r.variables.message)).toContain("tenantId (or AZURE_TENANT_ID)");
    } finally {
      for (const k of ["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });

  it("Entra's refusal, a missing token file and an unreachable authority fail (or are ignored)", async () => {
    entraAnswer = () => ({ status: 400, body: JSON.stringify({ error: "invalid_client", error_description: "AADSTS700213: No matching federated identity record found" }) });
    const refused = await runPolicy(wi(), { backend: backend.url });
    expect(refused.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ManagedIdentityTokenFailure" });
    expect(String(refused.variables.message)).toContain("answered 400 (invalid_client: AADSTS700213");
    expect(String(refused.variables.message)).not.toContain("federated-assertion"); // the assertion is a credential
    expect((await runPolicy(wi(` ignore-error="true"`), { backend: backend.url })).status).toBe(200);

    configureManagedIdentity(wiConfig({ workloadIdentity: { tenantId: "t", clientId: "c", tokenFile: join(dir, "missing"), authorityHost: entra.url } }));
    const missing = await runPolicy(wi(), { backend: backend.url });
    expect(missing.variables).toMatchObject({ reason: "ManagedIdentityTokenFailure" });
    expect(String(missing.variables.message)).toContain("Cannot read the federated token file");

    configureManagedIdentity({ workloadIdentity: { tenantId: "t", clientId: "c", tokenFile, authorityHost: `http://127.0.0.1:${await closedPort()}/` } });
    const down = await runPolicy(wi(), { backend: backend.url });
    expect(String(down.variables.message)).toMatch(/Microsoft Entra token endpoint .* could not be reached/);
    const ignored = await runPolicy(wi(` ignore-error="true"`), { backend: backend.url });
    expect(ignored.status).toBe(200);
    expect(seenAuth(ignored)).toBeNull();
  });
});

describe("authentication-managed-identity inside send-request and send-one-way-request", () => {
  it("sets the header on send-request's request, not on the request to the backend", async () => {
    const xml = doc({
      inbound: `<send-request mode="new" response-variable-name="r" timeout="20" ignore-error="false"><set-url>${sink.url}/call</set-url><set-method>GET</set-method><authentication-managed-identity resource="ResourceID" /></send-request>`,
      backend: "<forward-request />",
      onError,
    });
    const before = sink.requests.length;
    const r = await runPolicy(xml, { backend: backend.url });
    expect(r.status).toBe(200);
    expect(sink.requests[before]!.headers.authorization).toBe("Bearer mi-token-1");
    expect(seenAuth(r)).toBeNull();
  });

  it("output-token-variable-name and client-id work there too; a failure goes to on-error from authentication-managed-identity", async () => {
    const xml = (attrs: string) =>
      doc({
        inbound: `<send-request response-variable-name="r"><set-url>${sink.url}/call</set-url><set-method>POST</set-method><set-header name="Authorization" exists-action="override"><value>Basic x</value></set-header><authentication-managed-identity resource="api://s" ${attrs} /></send-request>`,
        backend: "<forward-request />",
        onError,
      });
    const before = sink.requests.length;
    const r = await runPolicy(xml(`client-id="uai" output-token-variable-name="tok"`), { backend: backend.url });
    expect(r.variables.tok).toBe("mi-token-1");
    expect(sink.requests[before]!.headers.authorization).toBe("Basic x");
    expect(new URL(imds.requests[0]!.url, imds.url).searchParams.get("client_id")).toBe("uai");

    imdsAnswer = () => ({ status: 500, body: "" });
    clearManagedIdentityCache();
    const failed = await runPolicy(xml(""), { backend: backend.url });
    expect(failed.status).toBe(500);
    expect(failed.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ManagedIdentityTokenFailure" });
    expect(sink.requests.length).toBe(before + 1); // the send did not happen
    const ignored = await runPolicy(xml(`ignore-error="true"`), { backend: backend.url });
    expect(ignored.status).toBe(200);
    expect(sink.requests.at(-1)!.headers.authorization).toBe("Basic x");
  });

  it("send-one-way-request fetches the token off the pipeline and sends with it", async () => {
    imdsAnswer = (n) => ({ ...okImds(n), delayMs: 100 });
    const before = sink.requests.length;
    const r = await runPolicy(
      doc({ inbound: `<send-one-way-request mode="new"><set-url>${sink.url}/hook</set-url><set-method>POST</set-method><authentication-managed-identity resource="@(&quot;api://&quot; + &quot;hook&quot;)" /></send-one-way-request>`, backend: "<forward-request />" }),
      { backend: backend.url },
    );
    expect(r.status).toBe(200);
    await r.oneWay;
    expect(sink.requests[before]).toMatchObject({ url: "/hook" });
    expect(sink.requests[before]!.headers.authorization).toBe("Bearer mi-token-1");
    expect(new URL(imds.requests[0]!.url, imds.url).searchParams.get("resource")).toBe("api://hook");

    configureManagedIdentity(null);
    const failed = await runPolicy(doc({ inbound: `<send-one-way-request><set-url>${sink.url}/hook</set-url><authentication-managed-identity resource="x" /></send-one-way-request>` }), {});
    expect(failed.status).toBe(200); // fire and forget: the failure goes to the trace only
    await failed.oneWay;
    expect(failed.trace).toContainEqual(expect.objectContaining({ source: "send-one-way-request", severity: "error", message: expect.stringContaining("no managed identity endpoint is configured") }));
  });
});

describe("authentication-managed-identity: compile-time checks", () => {
  const errorsOf = (xml: string) => compile(xml, { file: "p.xml" }).diagnostics.filter((d) => d.severity === "error");
  /** Line and column of the first occurrence of `needle` in `xml` (1-based). */
  const at = (xml: string, needle: string) => {
    const i = xml.indexOf(needle);
    const before = xml.slice(0, i).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };

  it("compiles every form of the reference page, with no source configured at build time", () => {
    for (const p of [
      `<authentication-managed-identity resource="https://graph.microsoft.com"/>`,
      `<authentication-managed-identity resource="AD_application_id" output-token-variable-name="msi-access-token" ignore-error="false" />`,
      `<authentication-managed-identity resource="api://x" client-id="22222222-3333-4444-5555-666666666666" />`,
      `<authentication-managed-identity resource="@(context.Api.Name)" ignore-error="TRUE" />`,
      `<authentication-managed-identity resource="https://storage.azure.com/" authentication-provider="WorkloadIdentity" />`,
      `<authentication-managed-identity resource="x" authentication-provider="workloadidentity" output-token-variable-name="t" />`,
    ])
      expect(errorsOf(doc({ inbound: p })), p).toEqual([]);
    const code = compile(doc({ inbound: `<authentication-managed-identity resource="https://graph.microsoft.com"/>` }), { file: "p.xml" }).code!;
    expect(code).toMatch(/await authenticationManagedIdentity\(ctx, ctx\.Request\.Headers, /);
    expect(code).toContain(`provider: "ManagedIdentity", clientId: null, output: null, ignoreError: false`);
  });

  it("attribute text never becomes code", () => {
    const evil = `x");process.exit(1);("`;
    const r = compile(doc({ inbound: `<authentication-managed-identity resource="${evil.replace(/"/g, "&quot;")}" client-id="${evil.replace(/"/g, "&quot;")}" output-token-variable-name="${evil.replace(/"/g, "&quot;")}" />` }), { file: "p.xml" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.code).toContain(JSON.stringify(evil));
    expect(r.code!.split(JSON.stringify(evil)).join("")).not.toContain("process");
  });

  const cases: [string, string, string, string][] = [
    ["resource is required", `<authentication-managed-identity client-id="a" />`, "APIMC2004", "<authentication-managed-identity"],
    ["resource cannot be empty", `<authentication-managed-identity resource=" " />`, "APIMC2008", ` " />`],
    ["client-id with WorkloadIdentity", `<authentication-managed-identity resource="r" authentication-provider="WorkloadIdentity" client-id="abc" />`, "APIMC2008", `abc"`],
    ["an unknown authentication-provider", `<authentication-managed-identity resource="r" authentication-provider="ManagedIdentityV2" />`, "APIMC2008", `ManagedIdentityV2"`],
    ["client-id takes no expression", `<authentication-managed-identity resource="r" client-id="@(&quot;a&quot;)" />`, "APIMC2007", `@(&quot;a`],
    ["output-token-variable-name takes no expression", `<authentication-managed-identity resource="r" output-token-variable-name="@(&quot;a&quot;)" />`, "APIMC2007", `@(&quot;a`],
    ["ignore-error is a boolean", `<authentication-managed-identity resource="r" ignore-error="yes" />`, "APIMC2008", `yes"`],
    ["an unknown attribute", `<authentication-managed-identity resource="r" scope="x" />`, "APIMC2003", `scope=`],
    ["no child elements", `<authentication-managed-identity resource="r"><x/></authentication-managed-identity>`, "APIMC2009", `<x/>`],
    ["a C# error in resource", `<authentication-managed-identity resource="@(context.Nope)" />`, "APIMC3004", `Nope`],
  ];
  for (const [what, policy, code, needle] of cases) {
    it(`${what}: ${code} at its position`, () => {
      const xml = `<policies>\n  <inbound>\n    ${policy}\n  </inbound>\n</policies>`;
      const errs = errorsOf(xml);
      expect(errs.map((e) => e.code)).toEqual([code]);
      const want = at(xml, needle);
      expect(errs[0]!.line).toBe(want.line);
      expect(errs[0]!.column).toBe(want.column);
    });
  }

  it("is an inbound policy; other Azure-only policies still say they need Azure", () => {
    expect(errorsOf(doc({ outbound: `<authentication-managed-identity resource="r" />` })).map((e) => e.code)).toEqual(["APIMC2006"]);
    expect(errorsOf(doc({ inbound: `<send-service-bus-message queue-name="l"><payload>x</payload></send-service-bus-message>` })).map((e) => e.code)).toEqual(["APIMC2014"]);
  });

  it("as a child of send-request: the same checks, at most one", () => {
    const sr = (child: string) => doc({ inbound: `<send-request response-variable-name="r"><set-url>http://x/</set-url><set-method>GET</set-method>${child}</send-request>` });
    expect(errorsOf(sr(`<authentication-managed-identity resource="r" />`))).toEqual([]);
    expect(errorsOf(sr(`<authentication-managed-identity />`)).map((e) => e.code)).toEqual(["APIMC2004"]);
    expect(errorsOf(sr(`<authentication-managed-identity resource="r" authentication-provider="WorkloadIdentity" client-id="c" />`)).map((e) => e.code)).toEqual(["APIMC2008"]);
    expect(errorsOf(sr(`<authentication-managed-identity resource="a" /><authentication-managed-identity resource="b" />`)).map((e) => e.code)).toEqual(["APIMC2016"]);
    expect(compile(sr(`<authentication-managed-identity resource="r" /><proxy url="http://p:1" />`), { file: "p.xml" }).diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
  });
});

describe("authentication-managed-identity in the corpus", () => {
  it("every use compiles: no diagnostic on a line holding the policy", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const root = new URL("../corpus/data/", import.meta.url).pathname;
    const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : n.endsWith(".xml") ? [join(d, n)] : []));
    let uses = 0;
    for (const f of files(root)) {
      const src = readFileSync(f, "utf8");
      const lines = src.split(/\r?\n/).flatMap((l, i) => (l.includes("<authentication-managed-identity") ? [i + 1] : []));
      if (lines.length === 0) continue;
      uses += lines.length;
      const r = compile(src, { file: f, allowSnippets: true, checkOnly: true });
      const here = r.diagnostics.filter((d) => d.severity === "error" && (lines.includes(d.line) || /managed-identity/.test(d.message)));
      expect(here, f).toEqual([]);
    }
    expect(uses).toBeGreaterThanOrEqual(15);
  });
});

describe("authentication-managed-identity: Azure Arc-enabled servers' key file challenge", () => {
  // A fake Arc agent: a request without the key is answered 401 with a fresh key file named in
  // `WWW-Authenticate: Basic realm=<file>` (or whatever realm a test sets); with it, a token.
  const arcDir = mkdtempSync(join(tmpdir(), "apimc-arc-tokens-"));
  const outside = mkdtempSync(join(tmpdir(), "apimc-arc-outside-"));
  let arc: TestServer;
  let keys: string[];
  /** The realm of the next challenge (default: a new key file in arcDir). */
  let realm: (() => string) | null;
  let afterKey: ((n: number) => Answer) | null;
  beforeAll(async () => {
    arc = await startServer((req, res) => {
      const auth = req.headers.authorization;
      if (auth === undefined) {
        let r: string;
        if (realm) r = realm();
        else {
          const key = `arc-secret-${keys.length + 1}-${"k".repeat(32)}`;
          r = join(arcDir, `${keys.length + 1}.key`);
          writeFileSync(r, key);
          keys.push(key);
        }
        res.writeHead(401, { "www-authenticate": `Basic realm=${r}`, "content-type": "application/json" });
        return res.end(JSON.stringify({ error: "unauthorized" }));
      }
      if (afterKey) return answer(res, afterKey(arc.requests.length));
      if (auth !== `Basic ${keys.at(-1)}`) {
        res.writeHead(401, { "content-type": "application/json" });
        return res.end("{}");
      }
      return answer(res, { body: JSON.stringify({ access_token: `arc-token-${arc.requests.length}`, expires_on: String(nowS() + 3600), token_type: "Bearer" }) });
    });
  });
  afterAll(() => arc.close());
  beforeEach(() => {
    arc.requests.length = 0;
    keys = [];
    realm = null;
    afterKey = null;
    configureManagedIdentity({ imds: { endpoint: `${arc.url}/metadata/identity/oauth2/token`, arc: true, arcTokenDir: arcDir }, timeoutMs: 2000 });
  });

  const mi = (extra = "") => forward(`<authentication-managed-identity resource="https://vault.azure.net"${extra} />`);
  const refused = async (pattern: RegExp) => {
    const r = await runPolicy(mi(), { backend: backend.url });
    expect(r.status).toBe(500);
    expect(r.variables).toMatchObject({ source: "authentication-managed-identity", reason: "ManagedIdentityTokenFailure" });
    expect(String(r.variables.message)).toMatch(pattern);
    const ignored = await runPolicy(mi(` ignore-error="true"`), { backend: backend.url, request: { headers: { Authorization: "Basic client" } } });
    expect(ignored.status).toBe(200);
    expect(seenAuth(ignored)).toBe("Basic client");
    expect(ignored.trace).toContainEqual(expect.objectContaining({ source: "authentication-managed-identity", severity: "error", message: expect.stringMatching(pattern) }));
    // Only the challenged requests: the key was never sent, so never read.
    expect(arc.requests.map((q) => q.headers.authorization)).toEqual([undefined, undefined]);
    return r;
  };

  it("answers the 401 challenge with the key file's contents once, then uses the token; cached as usual", async () => {
    const r = await runPolicy(mi(), { backend: backend.url });
    expect(r.status).toBe(200);
    expect(seenAuth(r)).toBe("Bearer arc-token-2");
    expect(arc.requests).toHaveLength(2);
    const [first, second] = arc.requests;
    for (const q of [first!, second!]) {
      expect(q.headers.metadata).toBe("true");
      const u = new URL(q.url, arc.url);
      expect(u.pathname).toBe("/metadata/identity/oauth2/token");
      expect([...u.searchParams]).toEqual([
        ["api-version", "2019-11-01"],
        ["resource", "https://vault.azure.net"],
      ]);
    }
    expect(first!.headers.authorization).toBeUndefined();
    expect(second!.headers.authorization).toBe(`Basic ${keys[0]}`);
    // Cached: one token fetch (one challenge round) for many requests.
    expect(seenAuth(await runPolicy(mi(), { backend: backend.url }))).toBe("Bearer arc-token-2");
    expect(arc.requests).toHaveLength(2);
    // A quoted realm works as well.
    clearManagedIdentityCache();
    realm = () => {
      keys.push("quoted-realm-key");
      writeFileSync(join(arcDir, "q.key"), "quoted-realm-key\n");
      return `"${join(arcDir, "q.key")}"`;
    };
    expect(seenAuth(await runPolicy(mi(), { backend: backend.url }))).toBe("Bearer arc-token-4");
    expect(arc.requests[3]!.headers.authorization).toBe("Basic quoted-realm-key");
  });

  it("concurrent requests share one challenge round", async () => {
    const rs = await Promise.all(Array.from({ length: 8 }, () => runPolicy(mi(), { backend: backend.url })));
    expect(rs.map(seenAuth)).toEqual(Array(8).fill("Bearer arc-token-2"));
    expect(arc.requests).toHaveLength(2);
  });

  it("a realm outside the token directory is refused without reading it (also through ..)", async () => {
    writeFileSync(join(outside, "stolen.key"), "not-for-the-network");
    realm = () => join(outside, "stolen.key");
    const r = await refused(/outside the Azure Arc token directory .*it was not read/);
    expect(String(r.variables.message)).not.toContain("not-for-the-network");
    arc.requests.length = 0;
    realm = () => `${arcDir}/../${outside.split("/").at(-1)}/stolen.key`;
    await refused(/outside the Azure Arc token directory/);
    arc.requests.length = 0;
    writeFileSync(join(arcDir, "nested.key"), "x");
    realm = () => join(arcDir, "sub", "..", "..", "etc", "passwd.key");
    await refused(/outside the Azure Arc token directory/);
    arc.requests.length = 0;
    realm = () => "relative/dir/a.key";
    await refused(/not absolute/);
  });

  it("a realm that is not a .key file, a file over 4 KiB, a missing file or a link is refused", async () => {
    writeFileSync(join(arcDir, "secret.txt"), "abc");
    realm = () => join(arcDir, "secret.txt");
    await refused(/does not end in \.key.*it was not read/);
    arc.requests.length = 0;
    writeFileSync(join(arcDir, "big.key"), "k".repeat(4097));
    realm = () => join(arcDir, "big.key");
    await refused(/4097 bytes \(more than 4096\).*it was not read/);
    arc.requests.length = 0;
    realm = () => join(arcDir, "missing.key");
    await refused(/Cannot open the Azure Arc key file .*missing\.key.*ENOENT/);
    if (process.platform !== "win32") {
      const { symlinkSync } = await import("node:fs");
      writeFileSync(join(outside, "target"), "linked-secret");
      symlinkSync(join(outside, "target"), join(arcDir, "link.key"));
      arc.requests.length = 0;
      realm = () => join(arcDir, "link.key");
      await refused(/a symbolic link/);
      // A FIFO neither hangs the open nor is read.
      const { execFileSync } = await import("node:child_process");
      execFileSync("mkfifo", [join(arcDir, "fifo.key")]);
      arc.requests.length = 0;
      realm = () => join(arcDir, "fifo.key");
      await refused(/not a regular file.*it was not read/);
    }
  });

  it("a challenge without a usable realm fails", async () => {
    realm = () => "";
    await refused(/not absolute/);
  });

  it("without the arc switch the challenge is a failure and no file is read", async () => {
    configureManagedIdentity({ imds: { endpoint: `${arc.url}/metadata/identity/oauth2/token`, arcTokenDir: arcDir }, timeoutMs: 2000 });
    realm = () => {
      writeFileSync(join(arcDir, "off.key"), "switch-off-key");
      keys.push("switch-off-key");
      return join(arcDir, "off.key");
    };
    const r = await refused(/answered 401 with an Azure Arc key file challenge, which is followed only when gateway\.json sets .*"arc": true/);
    expect(new URL(arc.requests[0]!.url, arc.url).searchParams.get("api-version")).toBe("2018-02-01");
    expect(String(r.variables.message)).not.toContain("switch-off-key");
  });

  it("one challenge round only: a second 401 is a failure; the key never appears in a message or the trace", async () => {
    afterKey = () => ({ status: 401, body: JSON.stringify({ error: "unauthorized", error_description: `bad key ${keys.at(-1)}` }) });
    const r = await runPolicy(mi(), { backend: backend.url });
    expect(r.variables).toMatchObject({ reason: "ManagedIdentityTokenFailure" });
    expect(String(r.variables.message)).toContain("answered 401 (unauthorized: bad key ***)");
    expect(String(r.variables.message)).not.toContain(keys[0]);
    expect(arc.requests).toHaveLength(2);
    const ignored = await runPolicy(mi(` ignore-error="true"`), { backend: backend.url });
    expect(ignored.status).toBe(200);
    expect(JSON.stringify(ignored.trace)).not.toContain("arc-secret-");
    expect(arc.requests).toHaveLength(4);
  });

  it("Arc has no user-assigned identities: client-id fails before any request", async () => {
    const r = await runPolicy(forward(`<authentication-managed-identity resource="r" client-id="uai" />`), { backend: backend.url });
    expect(r.variables).toMatchObject({ reason: "ManagedIdentityTokenFailure" });
    expect(String(r.variables.message)).toContain("no user-assigned identities");
    expect(arc.requests).toHaveLength(0);
  });

  it("the default token directory is the agent's, per platform", async () => {
    const { defaultArcTokenDir, DEFAULT_ARC_ENDPOINT } = await import("../../runtime/security/managed-identity.js");
    expect(DEFAULT_ARC_ENDPOINT).toBe("http://localhost:40342/metadata/identity/oauth2/token");
    if (process.platform === "win32") expect(defaultArcTokenDir()).toMatch(/AzureConnectedMachineAgent\\Tokens$/);
    else expect(defaultArcTokenDir()).toBe("/var/opt/azcmagent/tokens");
    // Without arcTokenDir, a key file in a temporary directory is not accepted.
    configureManagedIdentity({ imds: { endpoint: `${arc.url}/metadata/identity/oauth2/token`, arc: true }, timeoutMs: 2000 });
    await refused(/outside the Azure Arc token directory/);
  });
});

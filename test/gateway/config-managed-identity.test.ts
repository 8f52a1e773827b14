// gateway.json `managedIdentity` reaches authentication-managed-identity: an IMDS endpoint and a
// workload identity token file (relative to the configuration) through a running gateway, and the
// validator's messages for bad settings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { configureManagedIdentity } from "../../runtime/security/index.js";
import { validateConfig, ConfigError } from "../../gateway/config.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-gwmi-"));

describe("gateway.json managedIdentity", () => {
  let imds: TestServer;
  let entra: TestServer;
  let backend: TestServer;
  let gw: Gateway;
  let base: string;
  beforeAll(async () => {
    imds = await startServer((_req, res) => res.end(JSON.stringify({ access_token: `imds-${imds.requests.length}`, expires_on: String(Math.floor(Date.now() / 1000) + 3600) })));
    entra = await startServer((_req, res) => res.end(JSON.stringify({ access_token: `entra-${entra.requests.length}`, expires_in: 3600 })));
    backend = await startServer((req, res) => res.end(String(req.headers.authorization ?? "none")));
    writeFileSync(join(dir, "token.jwt"), "assertion-from-file");
    writeFileSync(join(dir, "mi.xml"), `<policies><inbound><base/><authentication-managed-identity resource="api://backend" /></inbound></policies>`);
    writeFileSync(join(dir, "wi.xml"), `<policies><inbound><base/><authentication-managed-identity resource="api://backend" authentication-provider="WorkloadIdentity" /></inbound></policies>`);
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        managedIdentity: {
          imds: { endpoint: `${imds.url}/msi/token` },
          workloadIdentity: { tenantId: "contoso", clientId: "gw-app", tokenFile: "token.jwt", authorityHost: entra.url },
          timeoutSeconds: 5,
        },
        apis: [
          { id: "mi", path: "/mi", serviceUrl: backend.url, policy: "mi.xml" },
          { id: "wi", path: "/wi", serviceUrl: backend.url, policy: "wi.xml" },
        ],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    configureManagedIdentity(null);
    await Promise.all([imds.close(), entra.close(), backend.close()]);
  });

  const get = async (path: string) => {
    const r = await request(`${base}${path}`);
    return { status: r.statusCode, body: await r.body.text() };
  };

  it("the backend gets the managed identity's token, fetched once for many requests", async () => {
    expect(await get("/mi/a")).toEqual({ status: 200, body: "Bearer imds-1" });
    expect(await get("/mi/b")).toEqual({ status: 200, body: "Bearer imds-1" });
    expect(imds.requests).toHaveLength(1);
    expect(imds.requests[0]!.url).toBe("/msi/token?api-version=2018-02-01&resource=api%3A%2F%2Fbackend");
  });

  it("workload identity reads the token file named relative to gateway.json", async () => {
    expect(await get("/wi/a")).toEqual({ status: 200, body: "Bearer entra-1" });
    expect(entra.requests[0]!.url).toBe("/contoso/oauth2/v2.0/token");
    expect(new URLSearchParams(entra.requests[0]!.body).get("client_assertion")).toBe("assertion-from-file");
  });

  it("a reload with the same settings keeps the cached tokens", async () => {
    expect(gw.reload()).toBe(true);
    expect(await get("/mi/c")).toEqual({ status: 200, body: "Bearer imds-1" });
    expect(imds.requests).toHaveLength(1);
  });
});

describe("gateway.json managedIdentity.imds.arc", () => {
  // The switch reaches the runtime: an Arc challenge is followed (and, with a key file outside the
  // agent's token directory, refused saying so) instead of refused as an unexpected challenge.
  let arc: TestServer;
  let gw: Gateway;
  let base: string;
  const arcDir = join(dir, "arc");
  beforeAll(async () => {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(arcDir, { recursive: true });
    writeFileSync(join(arcDir, "challenge.key"), "arc-key-material");
    arc = await startServer((_req, res) => {
      res.writeHead(401, { "www-authenticate": `Basic realm=${join(arcDir, "challenge.key")}` });
      res.end();
    });
    writeFileSync(
      join(dir, "arc.xml"),
      `<policies><inbound><base/><authentication-managed-identity resource="api://backend" /></inbound><on-error><return-response><set-status code="500" reason="x" /><set-body>@(context.LastError.Message)</set-body></return-response></on-error></policies>`,
    );
    writeFileSync(
      join(dir, "arc-on.json"),
      JSON.stringify({
        managedIdentity: { imds: { endpoint: `${arc.url}/metadata/identity/oauth2/token`, arc: true } },
        apis: [{ id: "arc", path: "/arc", serviceUrl: "http://127.0.0.1:1", policy: "arc.xml" }],
      }),
    );
    gw = createGateway({ config: join(dir, "arc-on.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    configureManagedIdentity(null);
    await arc.close();
  });

  it("with arc: true the challenge is followed only into the agent's token directory", async () => {
    const r = await request(`${base}/arc/x`);
    const body = await r.body.text();
    expect(r.statusCode).toBe(500);
    expect(body).toMatch(/outside the Azure Arc token directory .*it was not read/);
    expect(body).not.toContain("arc-key-material");
    expect(new URL(arc.requests[0]!.url, arc.url).searchParams.get("api-version")).toBe("2019-11-01");
    expect(arc.requests).toHaveLength(1);
  });
});

describe("gateway.json managedIdentity validation", () => {
  const ok = { apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] };
  const err = (managedIdentity: unknown) => {
    try {
      validateConfig({ ...ok, managedIdentity }, "gateway.json");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error("expected a ConfigError");
  };

  it("accepts each source alone, with defaults", () => {
    for (const m of [{ imds: {} }, { workloadIdentity: {} }, { imds: { endpoint: "http://127.0.0.1:50342/oauth2/token" }, timeoutSeconds: 2.5 }, { imds: { arc: true } }, { imds: { endpoint: "http://localhost:40342/metadata/identity/oauth2/token", arc: false } }])
      expect(() => validateConfig({ ...ok, managedIdentity: m }, "g.json")).not.toThrow();
  });

  it("names the path of the problem", () => {
    expect(err({})).toBe("gateway.json: managedIdentity: needs 'imds' (a managed identity endpoint) or 'workloadIdentity', or both");
    expect(err({ imds: { endpoint: "169.254.169.254" } })).toContain("managedIdentity.imds.endpoint: '169.254.169.254' is not an absolute URL");
    expect(err({ imds: { url: "http://x" } })).toContain("managedIdentity.imds.url: unknown property");
    expect(err({ imds: { arc: "yes" } })).toContain("managedIdentity.imds.arc: must be true or false");
    expect(err({ imds: { arc: true, arcTokenDir: "/tmp" } })).toContain("managedIdentity.imds.arcTokenDir: unknown property");
    expect(err({ workloadIdentity: { tenantId: 7 } })).toContain("managedIdentity.workloadIdentity.tenantId: must be a string");
    expect(err({ workloadIdentity: { clientId: "" } })).toContain("managedIdentity.workloadIdentity.clientId: cannot be empty");
    expect(err({ workloadIdentity: { authorityHost: "ftp://login" } })).toContain("managedIdentity.workloadIdentity.authorityHost: must be an http(s) URL");
    expect(err({ imds: {}, timeoutSeconds: 0 })).toContain("managedIdentity.timeoutSeconds: must be a number of seconds above 0");
    expect(err({ imds: {}, client: "x" })).toContain("managedIdentity.client: unknown property");
  });
});

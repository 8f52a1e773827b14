// A backend entity's `proxy` ({ url, username, password }, APIM's backend proxy contract): forwards
// to that backend go through a real HTTP forward proxy written for tests (absolute-form requests
// for http://, a CONNECT tunnel for https://, Basic credentials as Proxy-Authorization, the password
// from a secret named value). By backend-id, by the API's service URL, as a pool member (only that
// member's requests use it), with the backend's TLS options inside the tunnel, a <proxy> policy in
// the request taking precedence, a proxy refusing the credentials going to on-error, send-request
// through the same proxy with its own <proxy> element, and an APIOps backendInformation.json.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway } from "../../gateway/host.js";
import { startKillable, type KillableBackend } from "./killable.js";
import { policy, serveConfig, type Served } from "./gateway-setup.js";
import { makePki, type Pki } from "./pki.js";
import { startProxy } from "../helpers/forward-proxy.js";
import { write, writeFolder } from "../apiops/folder.js";

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
const AUTH = basic("alice", "pr0xy-pass");

let pki: Pki;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let other: Awaited<ReturnType<typeof startProxy>>;
const backends: KillableBackend[] = [];
let served: Served | null = null;

beforeAll(async () => {
  pki = makePki([]);
  proxy = await startProxy(AUTH);
  other = await startProxy(null);
});
afterAll(async () => {
  await proxy?.close();
  await other?.close();
});
afterEach(async () => {
  await served?.close();
  served = null;
  for (const b of backends.splice(0)) await b.close();
  proxy.seen.length = 0;
  other.seen.length = 0;
});

const get = async (url: string) => {
  const r = await request(url);
  return { status: r.statusCode, body: await r.body.text(), headers: r.headers };
};
const backend = async (name: string, tls?: { cert: Buffer; key: Buffer }) => {
  const b = await startKillable(name, tls);
  backends.push(b);
  return b;
};
const NAMED = { namedValues: { "proxy-pass": { value: "pr0xy-pass", secret: true } } };
const viaProxy = { url: "", username: "alice", password: "{{proxy-pass}}" };

describe("a backend's proxy", () => {
  it("forwards by backend-id and by the API's service URL go through it (absolute form, credentials); other backends do not", async () => {
    const a = await backend("a");
    const direct = await backend("direct");
    viaProxy.url = proxy.url;
    served = await serveConfig(
      { ...NAMED, backends: { a: { url: `${a.url}/base`, proxy: viaProxy }, plain: { url: direct.url } } },
      { "/by-id": policy(`<set-backend-service backend-id="a" />`), "/by-url": [policy(""), `${a.url}/base`], "/plain": policy(`<set-backend-service backend-id="plain" />`) },
      a.url,
    );
    for (const path of ["/by-id", "/by-url"]) {
      const r = await get(`${served.base}${path}/items?q=1`);
      expect({ path, status: r.status, body: r.body, via: r.headers["x-via-test-proxy"] }).toEqual({ path, status: 200, body: "a", via: "1" });
    }
    expect(proxy.seen).toEqual([
      { method: "GET", url: `${a.url}/base/items?q=1`, auth: AUTH },
      { method: "GET", url: `${a.url}/base/items?q=1`, auth: AUTH },
    ]);
    expect(a.seen[0]!.headers["proxy-authorization"]).toBeUndefined();
    const plain = await get(`${served.base}/plain/x`);
    expect([plain.status, plain.body, plain.headers["x-via-test-proxy"]]).toEqual([200, "direct", undefined]);
    expect(proxy.seen).toHaveLength(2);
  });

  it("an https:// backend is reached through a CONNECT tunnel, with the backend's TLS options inside it", async () => {
    const self = await backend("self", { cert: pki.read("selfsigned.pem"), key: pki.read("selfsigned.key") });
    viaProxy.url = proxy.url;
    served = await serveConfig(
      { ...NAMED, backends: { lax: { url: self.url, proxy: viaProxy, tls: { validateCertificateChain: false } }, strict: { url: `${self.url}/strict`, proxy: viaProxy } } },
      { "/lax": policy(`<set-backend-service backend-id="lax" />`), "/strict": policy(`<set-backend-service backend-id="strict" />`, `<forward-request timeout="5" />`) },
      self.url,
    );
    const lax = await get(`${served.base}/lax/secure`);
    expect([lax.status, lax.body]).toEqual([200, "self"]);
    expect(proxy.seen[0]).toEqual({ method: "CONNECT", url: `127.0.0.1:${self.port}`, auth: AUTH });
    // The same proxy without the TLS switch: the self-signed certificate is refused inside the tunnel.
    expect((await get(`${served.base}/strict/secure`)).status).toBe(500);
    expect(self.seen.map((s) => s.url)).toEqual(["/secure"]);
  });

  it("in a pool, only the member with a proxy goes through it", async () => {
    const m1 = await backend("m1");
    const m2 = await backend("m2");
    viaProxy.url = proxy.url;
    served = await serveConfig(
      { ...NAMED, backends: { m1: { url: m1.url, proxy: viaProxy }, m2: { url: m2.url }, pool: { type: "Pool", pool: { services: [{ id: "m1" }, { id: "m2" }] } } } },
      { "/p": policy(`<set-backend-service backend-id="pool" />`) },
      m1.url,
    );
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await get(`${served.base}/p/${i}`);
      seen.push(`${r.body}:${r.headers["x-via-test-proxy"] ?? "direct"}`);
    }
    expect(seen.sort()).toEqual(["m1:1", "m1:1", "m1:1", "m2:direct", "m2:direct", "m2:direct"]);
    // The proxy carried exactly m1's requests.
    expect(proxy.seen.map((s) => s.url).sort()).toEqual(m1.seen.map((s) => `${m1.url}${s.url}`).sort());
    expect(proxy.seen).toHaveLength(3);
  });

  it("a <proxy> policy in the request wins over the backend's; a proxy refusing the credentials is BackendConnectionFailure in on-error", async () => {
    const a = await backend("a");
    served = await serveConfig(
      { namedValues: { "proxy-pass": "wrong" }, backends: { a: { url: a.url, proxy: { url: proxy.url, username: "alice", password: "{{proxy-pass}}" } } } },
      {
        "/policy": policy(`<set-backend-service backend-id="a" /><proxy url="${other.url}" />`),
        "/refused": `<policies><inbound><set-backend-service backend-id="a" /></inbound><backend><forward-request timeout="5" /></backend><outbound /><on-error><return-response><set-status code="502" /><set-body>@(context.LastError.Reason)</set-body></return-response></on-error></policies>`,
      },
      a.url,
    );
    const r = await get(`${served.base}/policy/x`);
    expect([r.status, r.headers["x-via-test-proxy"]]).toEqual([200, "1"]);
    expect(other.seen).toEqual([{ method: "GET", url: `${a.url}/x`, auth: undefined }]);
    expect(proxy.seen).toEqual([]);
    const refused = await get(`${served.base}/refused/x`);
    expect([refused.status, refused.body]).toEqual([502, "BackendConnectionFailure"]);
    expect(proxy.seen).toEqual([{ method: "GET", url: `${a.url}/x`, auth: basic("alice", "wrong") }]);
    expect(a.hits).toBe(1);
  });

  it("send-request goes through the same proxy with its own <proxy> element (a backend's proxy is for forwards)", async () => {
    const a = await backend("a");
    viaProxy.url = proxy.url;
    served = await serveConfig(
      { ...NAMED, backends: { a: { url: a.url, proxy: viaProxy } } },
      {
        "/send": policy(
          `<send-request mode="new" response-variable-name="r" timeout="5"><set-url>${a.url}/called</set-url><set-method>GET</set-method><proxy url="${proxy.url}" username="alice" password="{{proxy-pass}}" /></send-request><send-request mode="new" response-variable-name="d" timeout="5"><set-url>${a.url}/direct</set-url><set-method>GET</set-method></send-request><return-response><set-status code="200" /><set-body>@(((IResponse)context.Variables["r"]).Body.As&lt;string&gt;() + "," + ((IResponse)context.Variables["d"]).Body.As&lt;string&gt;())</set-body></return-response>`,
        ),
      },
      a.url,
    );
    const r = await get(`${served.base}/send`);
    expect([r.status, r.body]).toEqual([200, "a,a"]);
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.seen[0]!.auth).toBe(AUTH);
    expect(a.seen.map((s) => s.url).sort()).toEqual(["/called", "/direct"]);
  });
});

describe("APIOps backendInformation.json with a proxy", () => {
  it("is applied (the password from the values file), no longer listed as not used", async () => {
    const a = await backend("a");
    const root = mkdtempSync(join(tmpdir(), "apimc-apiops-proxy-"));
    writeFolder(root, {
      apis: [{ name: "orders", path: "orders", serviceUrl: `${a.url}/orders`, openapi: "3.0.1", operations: [{ operationId: "list", method: "GET", path: "/list" }], subscriptionRequired: false }],
      namedValues: [{ folder: "proxy-password", displayName: "proxy-password", secret: true }],
    });
    write(
      join(root, "backends", "orders-backend", "backendInformation.json"),
      JSON.stringify({ properties: { url: `${a.url}/orders`, protocol: "http", proxy: { url: proxy.url, username: "alice", password: "{{proxy-password}}" } } }, null, 2),
    );
    const values = join(mkdtempSync(join(tmpdir(), "apimc-apiops-proxy-values-")), "values.json");
    writeFileSync(values, JSON.stringify({ "proxy-password": { value: "pr0xy-pass", secret: true } }));
    const ignored: string[][] = [];
    const gw = createGateway({ apiops: { dir: root, values }, onIgnored: (l) => ignored.push(l) });
    try {
      const base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
      const r = await get(`${base}/orders/list`);
      expect([r.status, r.body, r.headers["x-via-test-proxy"]]).toEqual([200, "a", "1"]);
      expect(proxy.seen).toEqual([{ method: "GET", url: `${a.url}/orders/list`, auth: AUTH }]);
      expect(ignored.flat().filter((l) => l.includes("proxy"))).toEqual([]);
    } finally {
      await gw.close();
    }
  });
});

// <proxy>: forward-request through a real HTTP forward proxy (node:http in this file: absolute-form
// requests forwarded, CONNECT tunnelled with net.connect), recording what it saw. http:// and
// https:// backends, Basic credentials as Proxy-Authorization, literal and expression attributes,
// a proxy refusing the credentials (407) and an unreachable proxy going to on-error, and the
// compile diagnostics of the url attribute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { startProxy } from "../helpers/forward-proxy.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";
import { configureDispatcher } from "../../runtime/http.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { makePki } from "../backends/pki.js";


const BASIC = `Basic ${Buffer.from("proxyuser:s3cr:et", "utf8").toString("base64")}`;
const ON_ERROR = `<return-response><set-status code="502" reason="Proxy" /><set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header><set-header name="X-Source" exists-action="override"><value>@(context.LastError.Source)</value></set-header><set-body>@(context.LastError.Message)</set-body></return-response>`;
const policy = (proxyEl: string) => `<policies><inbound>${proxyEl}</inbound><backend><forward-request timeout="5" /></backend><outbound /><on-error>${ON_ERROR}</on-error></policies>`;

describe("proxy: forward-request through an HTTP forward proxy", () => {
  let backend: TestServer;
  let tlsBackend: Server;
  let tlsPort = 0;
  let open: Awaited<ReturnType<typeof startProxy>>;
  let guarded: Awaited<ReturnType<typeof startProxy>>;
  let gw: Gateway;
  let base = "";
  beforeAll(async () => {
    const pki = makePki([]);
    configureDispatcher({ ca: pki.read("ca.pem") });
    backend = await startServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ backend: "http", method: req.method, url: req.url, body: req.body, proxyAuth: req.headers["proxy-authorization"] ?? null }));
    });
    tlsBackend = createHttps({ key: pki.read("server-ip.key"), cert: pki.read("server-ip.pem") }, (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ backend: "https", url: req.url, proxyAuth: req.headers["proxy-authorization"] ?? null }));
    });
    await new Promise<void>((r) => tlsBackend.listen(0, "127.0.0.1", r));
    tlsPort = (tlsBackend.address() as AddressInfo).port;
    open = await startProxy(null);
    guarded = await startProxy(BASIC);
    const down = await closedPort();
    const dir = mkdtempSync(join(tmpdir(), "apimc-proxy-"));
    const apis: { id: string; path: string; serviceUrl: string; policy: string }[] = [];
    const add = (id: string, serviceUrl: string, proxyEl: string) => {
      writeFileSync(join(dir, `${id}.xml`), policy(proxyEl));
      apis.push({ id, path: `/${id}`, serviceUrl, policy: `${id}.xml` });
    };
    add("open", `${backend.url}/svc`, `<proxy url="${open.url}" />`);
    add("auth", `${backend.url}/svc`, `<proxy url="${guarded.url}" username="proxyuser" password="s3cr:et" />`);
    add("expr", `${backend.url}/svc`, `<proxy url='@(context.Request.Headers.GetValueOrDefault("x-proxy", ""))' username='@("proxy" + "user")' password="s3cr:et" />`);
    add("tls", `https://127.0.0.1:${tlsPort}/secure`, `<proxy url="${guarded.url}" username="proxyuser" password="s3cr:et" />`);
    add("wrong", `${backend.url}/svc`, `<proxy url="${guarded.url}" username="proxyuser" password="nope" />`);
    add("wrongtls", `https://127.0.0.1:${tlsPort}/secure`, `<proxy url="${guarded.url}" username="proxyuser" password="nope" />`);
    add("down", `${backend.url}/svc`, `<proxy url="http://127.0.0.1:${down}" />`);
    add("none", `${backend.url}/svc`, ``);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis }));
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
  }, 30_000);
  afterAll(async () => {
    await gw?.close();
    await backend?.close();
    await open?.close();
    await guarded?.close();
    await new Promise<void>((r) => (tlsBackend ? tlsBackend.close(() => r()) : r()));
  });

  const call = async (path: string, init: { method?: "GET" | "POST"; body?: string; headers?: Record<string, string> } = {}) => {
    const r = await request(`${base}${path}`, init);
    return { status: r.statusCode, headers: r.headers, text: await r.body.text() };
  };

  it("sends an http:// backend request to the proxy in absolute form, and the backend answers", async () => {
    const before = open.seen.length;
    const r = await call("/open/items?a=1", { method: "POST", body: "hello" });
    expect(r.status).toBe(200);
    expect(r.headers["x-via-test-proxy"]).toBe("1");
    expect(JSON.parse(r.text)).toMatchObject({ backend: "http", method: "POST", url: "/svc/items?a=1", body: "hello", proxyAuth: null });
    expect(open.seen.slice(before)).toEqual([{ method: "POST", url: `${backend.url}/svc/items?a=1`, auth: undefined }]);
  });

  it("sends username and password as Basic Proxy-Authorization (to the proxy only)", async () => {
    const before = guarded.seen.length;
    const r = await call("/auth/x");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ backend: "http", url: "/svc/x", proxyAuth: null });
    expect(guarded.seen.slice(before)).toEqual([{ method: "GET", url: `${backend.url}/svc/x`, auth: BASIC }]);
  });

  it("evaluates policy expressions in url and username per request", async () => {
    const before = guarded.seen.length;
    const r = await call("/expr/e", { headers: { "x-proxy": guarded.url } });
    expect(r.status).toBe(200);
    expect(guarded.seen.slice(before)).toEqual([{ method: "GET", url: `${backend.url}/svc/e`, auth: BASIC }]);
    const bad = await call("/expr/e", { headers: { "x-proxy": "https://127.0.0.1:1" } });
    expect(bad.status).toBe(502);
    expect(bad.headers["x-reason"]).toBe("ExpressionValueEvaluationFailure");
    expect(bad.headers["x-source"]).toBe("proxy");
    expect(bad.text).toContain("only HTTP is supported between the gateway and the proxy");
  });

  it("tunnels an https:// backend through CONNECT", async () => {
    const before = guarded.seen.length;
    const r = await call("/tls/s?q=2");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ backend: "https", url: "/secure/s?q=2", proxyAuth: null });
    expect(guarded.seen.slice(before)[0]).toEqual({ method: "CONNECT", url: `127.0.0.1:${tlsPort}`, auth: BASIC });
  });

  it.each(["wrong", "wrongtls"])("a proxy refusing the credentials (407, %s) is a BackendConnectionFailure of forward-request", async (id) => {
    const before = guarded.seen.length;
    const r = await call(`/${id}/x`);
    expect(r.status).toBe(502);
    expect(r.headers["x-reason"]).toBe("BackendConnectionFailure");
    expect(r.headers["x-source"]).toBe("forward-request");
    expect(r.text).toContain("407");
    expect(guarded.seen.length).toBeGreaterThan(before);
  });

  it("an unreachable proxy is a BackendConnectionFailure into on-error; the backend is not called directly", async () => {
    const before = backend.requests.length;
    const r = await call("/down/x");
    expect(r.status).toBe(502);
    expect(r.headers["x-reason"]).toBe("BackendConnectionFailure");
    expect(r.headers["x-source"]).toBe("forward-request");
    expect(backend.requests.length).toBe(before);
  });

  it("without <proxy> the request goes straight to the backend", async () => {
    const before = open.seen.length + guarded.seen.length;
    const r = await call("/none/direct");
    expect(r.status).toBe(200);
    expect(r.headers["x-via-test-proxy"]).toBeUndefined();
    expect(open.seen.length + guarded.seen.length).toBe(before);
  });
});

describe("proxy: compile diagnostics", () => {
  const errors = (inner: string, section = "inbound") =>
    compile(`<policies><${section}>${inner}</${section}></policies>`).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  it.each([
    ["literal http URL", `<proxy url="http://192.168.1.1:8080" />`, []],
    ["with credentials", `<proxy url="http://proxy.internal:3128" username="u" password="p" />`, []],
    ["an expression", `<proxy url='@("http://" + "p:1")' />`, []],
    // Named values with no value here: only their own diagnostic, the url check waits for the value.
    ["a named value left for later", `<proxy url="{{proxy-url}}" username="{{u}}" password="{{p}}" />`, ["APIMC2017", "APIMC2017", "APIMC2017"]],
    ["missing url", `<proxy username="u" password="p" />`, ["APIMC2004"]],
    ["https proxy URL", `<proxy url="https://proxy:443" />`, ["APIMC2008"]],
    ["not a URL", `<proxy url="proxy:8080x" />`, ["APIMC2008"]],
    ["ftp URL", `<proxy url="ftp://proxy:21" />`, ["APIMC2008"]],
    ["a child element", `<proxy url="http://p:1"><x /></proxy>`, ["APIMC2009"]],
    ["an unknown attribute", `<proxy url="http://p:1" domain="d" />`, ["APIMC2003"]],
  ])("%s", (_name, xml, codes) => {
    expect(errors(xml)).toEqual(codes);
  });
  it("is an inbound policy only", () => {
    expect(errors(`<proxy url="http://p:1" />`, "outbound").length).toBeGreaterThan(0);
    expect(errors(`<proxy url="http://p:1" />`, "backend").length).toBeGreaterThan(0);
  });
});

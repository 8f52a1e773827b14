// What a forward sends as TLS Server Name Indication, and which name the backend's certificate is
// checked against, pinned down against a real HTTPS backend that records the SNI of each
// connection: the backend URL's host name; the Host header when a policy sets one (it is then sent,
// and .NET's SocketsHttpHandler, which APIM runs on, takes its TargetHost from it too), so the
// certificate must then be for that name unless the backend's tls.validateCertificateName is off;
// none for an IP address (TLS forbids IP literals in SNI); and the same inside a backend proxy's
// CONNECT tunnel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { configureDispatcher } from "../../runtime/http.js";
import { policy, serveConfig, type Served } from "./gateway-setup.js";
import { makePki, type Pki } from "./pki.js";
import { startProxy } from "../helpers/forward-proxy.js";

let pki: Pki;
let server: Server;
let port: number;
const sni: (string | false | null)[] = [];
const hosts: string[] = [];
let served: Served | null = null;

beforeAll(async () => {
  pki = makePki([]);
  configureDispatcher({ ca: pki.read("ca.pem") });
  // One certificate, for the name "localhost" only.
  server = createServer({ cert: pki.read("server-name.pem"), key: pki.read("server-name.key") }, (req, res) => {
    sni.push((req.socket as import("node:tls").TLSSocket).servername);
    hosts.push(req.headers.host ?? "");
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  configureDispatcher({});
  await new Promise<void>((r) => server.close(() => r()));
});
afterEach(async () => {
  await served?.close();
  served = null;
  sni.length = 0;
  hosts.length = 0;
});

const get = async (url: string) => {
  const r = await request(url);
  return { status: r.statusCode, body: await r.body.text() };
};

describe("SNI of forwards", () => {
  it("is the backend URL's host name; a Host header set by a policy replaces it, and the certificate is checked against it", async () => {
    const url = `https://localhost:${port}`;
    served = await serveConfig(
      { backends: { lax: { url: `${url}/lax`, tls: { validateCertificateName: false } } } },
      {
        "/plain": [policy(""), url],
        "/host": [policy(`<set-header name="Host" exists-action="override"><value>api.example</value></set-header>`), url],
        "/host-lax": policy(`<set-backend-service backend-id="lax" /><set-header name="Host" exists-action="override"><value>api.example</value></set-header>`),
      },
      url,
    );
    expect(await get(`${served.base}/plain/x`)).toEqual({ status: 200, body: "ok" });
    expect(sni).toEqual(["localhost"]);
    // The certificate is for localhost, not api.example: refused (BackendConnectionFailure).
    expect((await get(`${served.base}/host/x`)).status).toBe(500);
    expect(await get(`${served.base}/host-lax/x`)).toEqual({ status: 200, body: "ok" });
    expect(sni).toEqual(["localhost", "api.example"]);
    expect(hosts).toEqual([`localhost:${port}`, "api.example"]);
  });

  it("a Host header a policy sets reaches the backend (the client's own never does), e.g. to keep the client's host", async () => {
    const { startServer } = await import("../helpers/servers.js");
    const seen: string[] = [];
    const plain = await startServer((req, res) => {
      seen.push(req.headers.host ?? "");
      res.end("ok");
    });
    try {
      served = await serveConfig(
        {},
        { "/own": [policy(""), plain.url], "/keep": [policy(`<set-header name="Host" exists-action="override"><value>@(context.Request.OriginalUrl.Host)</value></set-header>`), plain.url] },
        plain.url,
      );
      await get(`${served.base}/own/x`);
      await request(`${served.base}/keep/x`, { headers: { host: "shop.example" } }).then((r) => r.body.dump());
      expect(seen).toEqual([`127.0.0.1:${plain.port}`, "shop.example"]);
    } finally {
      await plain.close();
    }
  });

  it("is absent for an IP address (the name check then uses the IP: this certificate has none)", async () => {
    const url = `https://127.0.0.1:${port}`;
    served = await serveConfig({ backends: { lax: { url: `${url}/lax`, tls: { validateCertificateName: false } } } }, { "/ip": [policy(""), url], "/ip-lax": policy(`<set-backend-service backend-id="lax" />`) }, url);
    expect((await get(`${served.base}/ip/x`)).status).toBe(500);
    expect(await get(`${served.base}/ip-lax/x`)).toEqual({ status: 200, body: "ok" });
    expect(sni).toEqual([false]);
  });

  it("inside a backend proxy's CONNECT tunnel it is the backend's host name too", async () => {
    const proxy = await startProxy(null);
    try {
      const url = `https://localhost:${port}`;
      served = await serveConfig({ backends: { viaProxy: { url, proxy: { url: proxy.url } } } }, { "/p": [policy(""), url] }, url);
      expect(await get(`${served.base}/p/x`)).toEqual({ status: 200, body: "ok" });
      expect(proxy.seen.map((s) => [s.method, s.url])).toEqual([["CONNECT", `localhost:${port}`]]);
      expect(sni).toEqual(["localhost"]);
    } finally {
      await proxy.close();
    }
  });
});

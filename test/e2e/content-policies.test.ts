// cross-domain and redirect-content-urls through the real gateway over HTTP with a real backend:
// Flash's /crossdomain.xml and Silverlight's /clientaccesspolicy.xml answered from the policy (at
// the host's root and under an API's path; other methods and paths pass), and backend URLs in
// response bodies rewritten to the gateway's (gateway URLs in request bodies to the backend's),
// textual bodies only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const FLASH = `<cross-domain-policy>
  <allow-access-from domain="*.contoso.com" secure="false" />
  <allow-http-request-headers-from domain="*" headers="*" />
</cross-domain-policy>`;
const SILVERLIGHT = `<access-policy><cross-domain-access><policy><allow-from http-request-headers="*"><domain uri="*"/></allow-from><grant-to><resource path="/" include-subpaths="true"/></grant-to></policy></cross-domain-access></access-policy>`;

let backend: TestServer;
let gateway: Gateway;
let base: string;

beforeAll(async () => {
  backend = await startServer((req, res) => {
    const type = req.url!.includes("binary") ? "application/octet-stream" : req.url!.includes("html") ? "text/html; charset=utf-8" : "application/json";
    res.setHeader("content-type", type);
    res.setHeader("x-received", encodeURIComponent(req.body));
    res.end(JSON.stringify({ self: `${backend.url}/api${req.url!.replace(/^\/api/, "")}`, next: `${backend.url}/api/items?page=2`, other: `${backend.url}/elsewhere/x`, echo: req.body }));
  });
  const dir = mkdtempSync(join(tmpdir(), "apimc-content-"));
  writeFileSync(join(dir, "root.xml"), `<policies><inbound><cross-domain>${FLASH}</cross-domain><base /></inbound><backend><base /></backend><outbound><base /></outbound></policies>`);
  writeFileSync(join(dir, "silverlight.xml"), `<policies><inbound><cross-domain>${SILVERLIGHT}</cross-domain><base /></inbound><backend><base /></backend><outbound><base /></outbound></policies>`);
  writeFileSync(join(dir, "shop.xml"), `<policies><inbound><base /><redirect-content-urls /></inbound><backend><base /></backend><outbound><base /><redirect-content-urls /></outbound></policies>`);
  const apis = [
    { id: "root", path: "", serviceUrl: `${backend.url}/api`, policy: "root.xml" },
    { id: "sl", path: "/sl", serviceUrl: `${backend.url}/api`, policy: "silverlight.xml" },
    { id: "shop", path: "/shop", serviceUrl: `${backend.url}/api`, policy: "shop.xml" },
  ];
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis }, null, 2));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

describe("cross-domain", () => {
  it("GET /crossdomain.xml is answered with the policy's document; the backend is not called", async () => {
    const before = backend.requests.length;
    const r = await fetch(`${base}/crossdomain.xml`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/x-cross-domain-policy");
    expect(await r.text()).toBe(`<?xml version="1.0"?>\n${FLASH}`);
    expect(backend.requests.length).toBe(before);
  });
  it("HEAD is answered without a body; other methods and paths go to the backend", async () => {
    const h = await fetch(`${base}/crossdomain.xml`, { method: "HEAD" });
    expect(h.status).toBe(200);
    expect(await h.text()).toBe("");
    const before = backend.requests.length;
    expect((await fetch(`${base}/crossdomain.xml`, { method: "POST", body: "x" })).headers.get("content-type")).toBe("application/json");
    expect((await fetch(`${base}/other.xml`)).headers.get("content-type")).toBe("application/json");
    expect(backend.requests.length).toBe(before + 2);
  });
  it("Silverlight's clientaccesspolicy.xml, under the API's path; crossdomain.xml is not that policy's", async () => {
    const r = await fetch(`${base}/sl/clientaccesspolicy.xml`);
    expect(r.headers.get("content-type")).toBe("text/xml");
    expect(await r.text()).toBe(`<?xml version="1.0"?>\n${SILVERLIGHT}`);
    expect((await fetch(`${base}/sl/crossdomain.xml`)).headers.get("content-type")).toBe("application/json");
  });
  it("diagnostics: one document of a known kind, inbound only", () => {
    const codes = (inner: string, section = "inbound") => compile(`<policies><${section}>${inner}</${section}></policies>`, { file: "p.xml" }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(codes(`<cross-domain>${FLASH}</cross-domain>`)).toEqual([]);
    expect(codes(`<cross-domain />`)).toEqual(["APIMC2005"]);
    expect(codes(`<cross-domain><policy /></cross-domain>`)).toEqual(["APIMC2009"]);
    expect(codes(`<cross-domain>${FLASH}${FLASH}</cross-domain>`)).toEqual(["APIMC2009"]);
    expect(codes(`<cross-domain a="1">${FLASH}</cross-domain>`)).toEqual(["APIMC2003"]);
    expect(codes(`<cross-domain>${FLASH}</cross-domain>`, "outbound")).toEqual(["APIMC2006"]);
  });
});

describe("redirect-content-urls", () => {
  it("outbound: the backend's base URL in a JSON body becomes the gateway's (API path included); other URLs stay", async () => {
    const r = await fetch(`${base}/shop/items/1`);
    const j = (await r.json()) as Record<string, string>;
    expect(j.self).toBe(`${base}/shop/items/1`);
    expect(j.next).toBe(`${base}/shop/items?page=2`);
    expect(j.other).toBe(`${backend.url}/elsewhere/x`);
  });
  it("inbound: the gateway's URLs in the request body become the backend's", async () => {
    await fetch(`${base}/shop/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ link: `${base}/shop/items/7` }) });
    expect(JSON.parse(backend.requests.at(-1)!.body)).toEqual({ link: `${backend.url}/api/items/7` });
  });
  it("textual bodies only: HTML is rewritten, an octet stream is not", async () => {
    expect(((await (await fetch(`${base}/shop/html`)).json()) as Record<string, string>).self).toBe(`${base}/shop/html`);
    expect(((await (await fetch(`${base}/shop/binary`)).json()) as Record<string, string>).self).toBe(`${backend.url}/api/binary`);
  });
  it("diagnostics: no attributes or children; inbound and outbound only", () => {
    const codes = (inner: string, section = "outbound") => compile(`<policies><${section}>${inner}</${section}></policies>`, { file: "p.xml" }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    expect(codes(`<redirect-content-urls />`)).toEqual([]);
    expect(codes(`<redirect-content-urls />`, "inbound")).toEqual([]);
    expect(codes(`<redirect-content-urls x="1" />`)).toEqual(["APIMC2003"]);
    expect(codes(`<redirect-content-urls><a /></redirect-content-urls>`)).toEqual(["APIMC2009"]);
    expect(codes(`<redirect-content-urls />`, "backend")).toEqual(["APIMC2006"]);
  });
});

// set-header end to end: request headers forwarded to a real backend, response headers seen by a
// real client, with APIM's comma-joining and its exceptions on the wire.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

const POLICY = `<policies>
  <inbound>
    <base />
    <set-header name="X-Forwarded-Host" exists-action="override">
      <value>@(context.Request.Url.Host)</value>
    </set-header>
    <set-header name="X-Original-Method" exists-action="override">
      <value>@(context.Request.Method)</value>
    </set-header>
    <set-header name="X-Client" exists-action="skip"><value>apimc</value></set-header>
    <set-header name="X-Trace" exists-action="append"><value>gateway</value></set-header>
    <set-header name="X-Secret" exists-action="delete" />
    <set-header name="X-Multi" exists-action="override"><value>a</value><value>b</value></set-header>
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <set-header name="X-Powered-By" exists-action="delete" />
    <set-header name="X-Cache" exists-action="skip"><value>MISS</value></set-header>
    <set-header name="X-Status" exists-action="override"><value>@(context.Response.StatusCode.ToString())</value></set-header>
    <set-header name="X-Multi" exists-action="override"><value>1</value><value>2</value><value>3</value></set-header>
    <set-header name="Set-Cookie" exists-action="append"><value>b=2; Path=/</value></set-header>
    <set-header name="WWW-Authenticate" exists-action="override"><value>Basic realm="x", charset="UTF-8"</value><value>Bearer</value></set-header>
    <set-header name="Vary" exists-action="append"><value>Origin</value></set-header>
  </outbound>
</policies>`;

describe("set-header through the gateway", () => {
  let backend: TestServer;
  let gw: Gateway;
  let port: number;
  beforeAll(async () => {
    backend = await startServer((_req, res) => {
      res.setHeader("X-Powered-By", "Express");
      res.setHeader("X-Cache", "HIT");
      res.setHeader("Set-Cookie", ["a=1; Path=/"]);
      res.setHeader("Vary", "Accept");
      res.end("ok");
    });
    gw = createGateway({ apis: [{ path: "/", backend: backend.url, policy: POLICY }] });
    port = (await gw.listen()).port;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  it("forwards the request headers the policy sets, skips, appends and deletes", async () => {
    const r = await rawGet(`http://127.0.0.1:${port}/things`, { "X-Client": "curl", "X-Trace": "client", "X-Secret": "s3cret" });
    expect(r.status).toBe(200);
    const h = backend.requests.at(-1)!.headers;
    expect(h["x-forwarded-host"]).toBe("127.0.0.1");
    expect(h["x-original-method"]).toBe("GET");
    expect(h["x-client"]).toBe("curl");
    expect(h["x-trace"]).toBe("client,gateway");
    expect(h["x-secret"]).toBeUndefined();
    expect(h["x-multi"]).toBe("a,b");
  });

  it("sets response headers seen by the client: comma-joined, except the documented ones", async () => {
    const r = await rawGet(`http://127.0.0.1:${port}/things`);
    const all = (n: string) => r.rawHeaders.filter(([k]) => k === n).map(([, v]) => v);
    expect(all("x-powered-by")).toEqual([]);
    expect(all("x-cache")).toEqual(["HIT"]);
    expect(all("x-status")).toEqual(["200"]);
    expect(all("x-multi")).toEqual(["1,2,3"]);
    expect(all("vary")).toEqual(["Accept,Origin"]);
    // Set-Cookie and WWW-Authenticate values may hold commas: one line each.
    expect(all("set-cookie")).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(all("www-authenticate")).toEqual(['Basic realm="x", charset="UTF-8"', "Bearer"]);
  });
});

// Dapr through the gateway over HTTP, against a local server speaking the sidecar's HTTP API
// (/v1.0/invoke, /v1.0/publish, /v1.0/bindings), at gateway.json `dapr.url`: the reference pages'
// examples, errors to on-error (the sidecar's answer in the response variable), ignore-error, and
// the compile diagnostics of every attribute rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";

const POLICIES: Record<string, string> = {
  invoke: `<policies><inbound><base /><set-backend-service backend-id="dapr" dapr-app-id="echo" dapr-method="back" dapr-namespace="echo-app" /></inbound><backend><forward-request /></backend><outbound><base /></outbound></policies>`,
  invoke2: `<policies><inbound><set-backend-service backend-id="dapr" dapr-app-id='@(context.Request.Headers.GetValueOrDefault("x-app", "a"))' dapr-method="orders/list" /></inbound><backend><forward-request /></backend></policies>`,
  publish: `<policies>
     <inbound>
        <base />
        <publish-to-dapr pubsub-name="orders" topic='@(context.Request.Headers.GetValueOrDefault("x-topic", "new"))' response-variable-name="dapr-response">
            @(context.Request.Body.As<string>())
        </publish-to-dapr>
        <return-response><set-status code="200" reason="OK" /></return-response>
    </inbound>
    <backend></backend>
    <outbound><base /></outbound>
    <on-error>
        <base />
        <return-response response-variable-name="dapr-response" />
    </on-error>
</policies>`,
  liquid: `<policies><inbound><publish-to-dapr topic="orders/liquid" template="Liquid" content-type="application/json">{"id": "{{body.id}}", "path": "{{context.Request.Url.Path}}"}</publish-to-dapr><return-response><set-status code="202" reason="Accepted" /></return-response></inbound></policies>`,
  bind: `<policies>
     <inbound>
        <base />
        <invoke-dapr-binding name="external-system" operation="create" response-variable-name="bind-response" content-type="application/json" timeout="3">
            <metadata>
                <item key="source">api-management</item>
                <item key="client-ip">@(context.Request.IpAddress )</item>
            </metadata>
            <data>
                @(context.Request.Body.As<string>() )
            </data>
        </invoke-dapr-binding>
        <return-response response-variable-name="bind-response" />
    </inbound>
    <on-error><return-response response-variable-name="bind-response" /></on-error>
</policies>`,
};

describe("Dapr through the gateway", () => {
  let sidecar: TestServer;
  let gw: Gateway;
  let gwDown: Gateway;
  let base = "";
  let baseDown = "";
  beforeAll(async () => {
    sidecar = await startServer((req, res) => {
      if (req.url!.startsWith("/v1.0/publish/orders/missing")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ errorCode: "ERR_TOPIC_NOT_FOUND", message: "topic missing not found" }));
      } else if (req.url!.startsWith("/v1.0/publish/")) {
        res.writeHead(204);
        res.end();
      } else if (req.url!.startsWith("/v1.0/bindings/")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ created: true }));
      } else {
        res.writeHead(200, { "content-type": "application/json", "x-dapr": "yes" });
        res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body }));
      }
    });
    const dir = mkdtempSync(join(tmpdir(), "apimc-dapr-"));
    for (const [n, p] of Object.entries(POLICIES)) writeFileSync(join(dir, `${n}.xml`), p);
    const apis = Object.keys(POLICIES).map((n) => ({ id: n, path: `/${n}`, serviceUrl: "http://127.0.0.1:9/unused", policy: `${n}.xml` }));
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ dapr: { url: sidecar.url }, apis }));
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
    const down = mkdtempSync(join(tmpdir(), "apimc-dapr-down-"));
    writeFileSync(join(down, "p.xml"), `<policies><inbound><publish-to-dapr topic="orders/x" ignore-error="true" response-variable-name="r">m</publish-to-dapr><invoke-dapr-binding name="b" ignore-error="true"><data>d</data></invoke-dapr-binding><return-response><set-status code="200" reason="OK" /><set-body>@(context.Variables.ContainsKey("r") ? "answered" : "ignored")</set-body></return-response></inbound></policies>`);
    writeFileSync(join(down, "q.xml"), `<policies><inbound><publish-to-dapr topic="orders/x">m</publish-to-dapr></inbound><on-error><return-response><set-status code="599" reason="x" /><set-body>@(context.LastError.Reason + "|" + context.LastError.Source + "|" + context.LastError.Message)</set-body></return-response></on-error></policies>`);
    writeFileSync(join(down, "gateway.json"), JSON.stringify({ dapr: { url: `http://127.0.0.1:${await closedPort()}` }, apis: [{ id: "p", path: "/p", serviceUrl: "http://127.0.0.1:9", policy: "p.xml" }, { id: "q", path: "/q", serviceUrl: "http://127.0.0.1:9", policy: "q.xml" }] }));
    gwDown = createGateway({ config: join(down, "gateway.json") });
    baseDown = `http://127.0.0.1:${(await gwDown.listen(0, "127.0.0.1")).port}`;
  });
  afterAll(async () => {
    await gw?.close();
    await gwDown?.close();
    await sidecar?.close();
  });

  it("set-backend-service backend-id=dapr forwards to /v1.0/invoke/<app>.<namespace>/method/<method> with the query string", async () => {
    const r = await request(`${base}/invoke/anything/here?x=1`, { method: "POST", body: "payload" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["x-dapr"]).toBe("yes");
    expect(await r.body.json()).toEqual({ method: "POST", url: "/v1.0/invoke/echo.echo-app/method/back?x=1", body: "payload" });
    const r2 = await request(`${base}/invoke2/x`, { headers: { "x-app": "inventory" } });
    expect((await r2.body.json()) as object).toMatchObject({ url: "/v1.0/invoke/inventory/method/orders/list" });
  });

  it("publish-to-dapr (the page's example): the body to /v1.0/publish/<pubsub>/<topic>; the sidecar's error answer to on-error, verbatim", async () => {
    const r = await request(`${base}/publish`, { method: "POST", body: '{"order": 7}' });
    expect(r.statusCode).toBe(200);
    await r.body.text();
    const sent = sidecar.requests.find((q) => q.url === "/v1.0/publish/orders/new")!;
    expect(sent.method).toBe("POST");
    expect(sent.body).toBe('{"order": 7}');
    const bad = await request(`${base}/publish`, { method: "POST", headers: { "x-topic": "missing" }, body: "{}" });
    expect(bad.statusCode).toBe(404);
    expect(await bad.body.json()).toEqual({ errorCode: "ERR_TOPIC_NOT_FOUND", message: "topic missing not found" });
  });

  it("template=Liquid renders the message against the request; content-type is sent; pubsub from topic", async () => {
    const r = await request(`${base}/liquid/p?q=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"id": 42}' });
    expect(r.statusCode).toBe(202);
    await r.body.text();
    const sent = sidecar.requests.find((q) => q.url === "/v1.0/publish/orders/liquid")!;
    expect(JSON.parse(sent.body)).toEqual({ id: "42", path: "/liquid/p" });
    expect(sent.headers["content-type"]).toBe("application/json");
  });

  it("invoke-dapr-binding (the page's example): { data, metadata, operation } to /v1.0/bindings/<name>; the answer in the variable", async () => {
    const r = await request(`${base}/bind`, { method: "POST", body: '{"item": "x"}' });
    expect(r.statusCode).toBe(200);
    expect(await r.body.json()).toEqual({ created: true });
    const sent = sidecar.requests.find((q) => q.url === "/v1.0/bindings/external-system")!;
    expect(JSON.parse(sent.body)).toEqual({ data: { item: "x" }, metadata: { source: "api-management", "client-ip": "127.0.0.1" }, operation: "create" });
  });

  it("a sidecar that is not there: ignore-error goes on without a variable; otherwise on-error sees BackendConnectionFailure naming the sidecar", async () => {
    const r = await request(`${baseDown}/p`);
    expect(r.statusCode).toBe(200);
    expect(await r.body.text()).toBe("ignored");
    const q = await request(`${baseDown}/q`);
    expect(q.statusCode).toBe(599);
    const [reason, source, message] = (await q.body.text()).split("|");
    expect([reason, source]).toEqual(["BackendConnectionFailure", "publish-to-dapr"]);
    expect(message).toContain('gateway.json "dapr"');
  });
});

describe("Dapr compile diagnostics", () => {
  const codes = (inner: string, section = "inbound") => compile(`<policies><${section}>${inner}</${section}></policies>`).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  it.each([
    ["set-backend-service dapr", `<set-backend-service backend-id="dapr" dapr-app-id="a" dapr-method="m" />`, []],
    ["set-backend-service dapr without the method", `<set-backend-service backend-id="dapr" dapr-app-id="a" />`, ["APIMC2004"]],
    ["set-backend-service dapr without the app id", `<set-backend-service backend-id="dapr" dapr-method="m" />`, ["APIMC2004"]],
    ["dapr-app-id without backend-id=dapr", `<set-backend-service base-url="http://x" dapr-app-id="a" dapr-method="m" />`, ["APIMC2008"]],
    ["an empty dapr-method", `<set-backend-service backend-id="dapr" dapr-app-id="a" dapr-method=" " />`, ["APIMC2008"]],
    ["publish", `<publish-to-dapr pubsub-name="p" topic="t" timeout="240" ignore-error="true" template="Liquid" content-type="application/json">{{body}}</publish-to-dapr>`, []],
    ["publish without topic", `<publish-to-dapr pubsub-name="p">m</publish-to-dapr>`, ["APIMC2004"]],
    ["publish topic without a pubsub", `<publish-to-dapr topic="t">m</publish-to-dapr>`, ["APIMC2008"]],
    ["publish timeout 0", `<publish-to-dapr topic="p/t" timeout="0">m</publish-to-dapr>`, ["APIMC2008"]],
    ["publish timeout 241", `<publish-to-dapr topic="p/t" timeout="241">m</publish-to-dapr>`, ["APIMC2008"]],
    ["publish template other than Liquid", `<publish-to-dapr topic="p/t" template="handlebars">m</publish-to-dapr>`, ["APIMC2008"]],
    ["publish content-type other than JSON", `<publish-to-dapr topic="p/t" content-type="text/plain">m</publish-to-dapr>`, ["APIMC2008"]],
    ["publish a bad Liquid template", `<publish-to-dapr topic="p/t" template="Liquid">{% if %}</publish-to-dapr>`, ["APIMC2008"]],
    ["publish a Liquid expression", `<publish-to-dapr topic="p/t" template="Liquid">@("x")</publish-to-dapr>`, ["APIMC2013"]],
    ["publish an expression in ignore-error", `<publish-to-dapr topic="p/t" ignore-error="@(true)">m</publish-to-dapr>`, ["APIMC2007"]],
    ["publish children", `<publish-to-dapr topic="p/t"><data>m</data></publish-to-dapr>`, ["APIMC2009"]],
    ["binding", `<invoke-dapr-binding name="b" operation="create"><metadata><item key="k">v</item></metadata><data>d</data></invoke-dapr-binding>`, []],
    ["binding without name", `<invoke-dapr-binding><data>d</data></invoke-dapr-binding>`, ["APIMC2004"]],
    ["binding an expression in operation", `<invoke-dapr-binding name="b" operation="@(&quot;x&quot;)" />`, ["APIMC2007"]],
    ["binding an item without key", `<invoke-dapr-binding name="b"><metadata><item>v</item></metadata></invoke-dapr-binding>`, ["APIMC2004"]],
    ["binding a duplicate item", `<invoke-dapr-binding name="b"><metadata><item key="k">1</item><item key="k">2</item></metadata></invoke-dapr-binding>`, ["APIMC2016"]],
    ["binding another child", `<invoke-dapr-binding name="b"><payload>x</payload></invoke-dapr-binding>`, ["APIMC2009"]],
  ])("%s", (_n, xml, expected) => expect(codes(xml)).toEqual(expected));
  it("sections: publish-to-dapr inbound; invoke-dapr-binding inbound, outbound, on-error; set-backend-service dapr inbound, backend", () => {
    expect(codes(`<publish-to-dapr topic="p/t">m</publish-to-dapr>`, "outbound")).toEqual(["APIMC2006"]);
    for (const s of ["inbound", "outbound", "on-error"]) expect(codes(`<invoke-dapr-binding name="b" />`, s)).toEqual([]);
    expect(codes(`<invoke-dapr-binding name="b" />`, "backend")).toEqual(["APIMC2006"]);
  });
});

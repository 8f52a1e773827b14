// The validation policies end to end: gateway.json APIs with an OpenAPI 3 YAML and an OpenAPI 2
// JSON specification (the same API), an API policy with validate-parameters and validate-content
// (inbound) and validate-status-code, validate-headers and validate-content (outbound), a real
// backend on 127.0.0.1 and a real HTTP client (fetch). One API per specification prevents; a
// second one detects and reports the logged errors in a response header.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const policy = (action: string) => `<policies>
  <inbound>
    <base />
    <validate-parameters specified-parameter-action="${action}" unspecified-parameter-action="ignore" errors-variable-name="paramErrors">
      <query unspecified-parameter-action="${action}" />
    </validate-parameters>
    <validate-content unspecified-content-type-action="${action}" max-size="1024" size-exceeded-action="${action}" errors-variable-name="requestErrors">
      <content type="application/json" validate-as="json" action="${action}" />
    </validate-content>
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <validate-status-code unspecified-status-code-action="${action}" errors-variable-name="statusErrors" />
    <validate-headers specified-header-action="${action}" unspecified-header-action="ignore" errors-variable-name="headerErrors" />
    <validate-content unspecified-content-type-action="${action}" max-size="1024" size-exceeded-action="${action}" errors-variable-name="responseErrors">
      <content validate-as="json" action="${action}" />
    </validate-content>
    <set-header name="X-Validation" exists-action="override">
      <value>@{
        var names = new [] { "paramErrors", "requestErrors", "statusErrors", "headerErrors", "responseErrors" };
        var found = new System.Collections.Generic.List<string>();
        foreach (var n in names) {
          if (context.Variables.ContainsKey(n)) {
            foreach (var e in (Newtonsoft.Json.Linq.JArray)context.Variables[n]) { found.Add((string)e["Name"] + ":" + (string)e["ValidationRule"]); }
          }
        }
        return string.Join(";", found);
      }</value>
    </set-header>
  </outbound>
</policies>`;

let dir: string;
let backend: TestServer;
let gateway: Gateway;
let base: string;

/** The backend answers what the request's X-Answer header asks: status, a header, a body. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "apimc-validation-"));
  backend = await startServer((req, res) => {
    const want = JSON.parse(String(req.headers["x-answer"] ?? "{}")) as { status?: number; headers?: Record<string, string>; body?: unknown; type?: string };
    res.writeHead(want.status ?? 200, { "content-type": want.type ?? "application/json", ...(want.headers ?? {}) });
    res.end(want.body === undefined ? "[]" : typeof want.body === "string" ? want.body : JSON.stringify(want.body));
  });
  copyFileSync(new URL("../validation/fixtures/petstore-v3.yaml", import.meta.url), join(dir, "pets.yaml"));
  copyFileSync(new URL("../validation/fixtures/orders-v2.json", import.meta.url), join(dir, "orders.json"));
  writeFileSync(join(dir, "prevent.xml"), policy("prevent"));
  writeFileSync(join(dir, "detect.xml"), policy("detect"));
  const apis = [
    { id: "v3", path: "/v3", serviceUrl: backend.url, specification: "pets.yaml", policy: "prevent.xml" },
    { id: "v2", path: "/v2", serviceUrl: backend.url, specification: "orders.json", policy: "prevent.xml" },
    { id: "v3-detect", path: "/v3d", serviceUrl: backend.url, specification: "pets.yaml", policy: "detect.xml" },
    { id: "v2-detect", path: "/v2d", serviceUrl: backend.url, specification: "orders.json", policy: "detect.xml" },
  ];
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis }, null, 2) + "\n");
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const SPECS = [
  { name: "OpenAPI 3 YAML", prefix: "/v3", detect: "/v3d", path: "/pets" },
  { name: "OpenAPI 2 JSON", prefix: "/v2", detect: "/v2d", path: "/orders" },
];

interface Call {
  name: string;
  method?: string;
  url: string;
  body?: unknown;
  answer?: { status?: number; headers?: Record<string, string>; body?: unknown; type?: string };
  /** prevent: the status and message the client gets; detect: what X-Validation lists. */
  prevent: { status: number; message?: RegExp } | null;
  detected: string;
}

const CALLS: Call[] = [
  { name: "a valid list", url: "?limit=5&tags=cat,dog", answer: { headers: { "X-Total": "2" }, body: [{ id: 1, name: "Rex", kind: "dog" }] }, prevent: null, detected: "" },
  { name: "a valid create", method: "POST", url: "", body: { name: "Rex", kind: "cat" }, answer: { status: 201, body: { id: 9, name: "Rex", kind: "cat" } }, prevent: null, detected: "" },
  { name: "a query parameter over its maximum", url: "?limit=500", prevent: { status: 400, message: /^Value of the query parameter limit does not conform to the definition\. Integer 500 exceeds maximum value of 100\./ }, detected: "limit:IncorrectMessage" },
  { name: "an unspecified query parameter", url: "?debug=1", prevent: { status: 400, message: /^Unspecified query parameter debug is not allowed\.$/ }, detected: "debug:Unspecified" },
  { name: "a body missing a required property", method: "POST", url: "", body: { kind: "cat" }, answer: { status: 201, body: { id: 9, name: "Rex", kind: "cat" } }, prevent: { status: 400, message: /^Body of the request does not conform to the definition NewPet, which is associated with the content type application\/json\. Required properties are missing from object: name\. Line: 1, Position: 14$/ }, detected: "application/json:IncorrectMessage" },
  { name: "a body over max-size", method: "POST", url: "", body: { name: "Rex", kind: "cat", nickname: "x".repeat(1100) }, answer: { status: 201, body: { id: 9, name: "Rex", kind: "cat" } }, prevent: { status: 400, message: /^Request's body is 1\d{3} bytes long and it exceeds the configured limit of 1024 bytes\.$/ }, detected: ":SizeLimit" },
  { name: "a status the operation does not list", url: "", answer: { status: 302, body: {} }, prevent: { status: 502 }, detected: "302:Unspecified" },
  { name: "a response header against its schema", url: "", answer: { headers: { "X-Total": "-3" } }, prevent: { status: 502 }, detected: "X-Total:IncorrectMessage" },
  { name: "a response body against its schema", url: "", answer: { body: [{ id: "one", name: "Rex", kind: "dog" }] }, prevent: { status: 502 }, detected: "application/json:IncorrectMessage" },
  { name: "a response content type the status does not list", url: "", answer: { type: "text/html", body: "<p>oops</p>" }, prevent: { status: 502 }, detected: "text/html:Unspecified" },
];

describe.each(SPECS)("validation policies through the gateway, $name", (s) => {
  const send = (prefix: string, c: Call) =>
    fetch(`${base}${prefix}${s.path}${c.url}`, {
      method: c.method ?? "GET",
      headers: { "content-type": "application/json", "x-answer": JSON.stringify(c.answer ?? {}) },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });

  it.each(CALLS)("prevent: $name", async (c) => {
    const r = await send(s.prefix, c);
    const text = await r.text();
    if (!c.prevent) {
      expect(r.status).toBe(c.answer?.status ?? 200);
      expect(r.headers.get("x-validation")).toBe("");
      return;
    }
    expect(r.status).toBe(c.prevent.status);
    const body = JSON.parse(text) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(c.prevent.status);
    if (c.prevent.message) expect(body.message).toMatch(c.prevent.message);
    else expect(body.message).toBe("Internal server error");
  });

  it.each(CALLS)("detect: $name", async (c) => {
    const r = await send(s.detect, c);
    await r.text();
    expect(r.status).toBe(c.answer?.status ?? 200);
    // Header names as the gateway received them from the backend (lower case over HTTP/1.1 through undici).
    expect(r.headers.get("x-validation")?.toLowerCase()).toBe(c.detected.toLowerCase());
  });
});

// gateway.json: an API that names an OpenAPI `specification` instead of listing operations. Through a
// real gateway and a real backend on 127.0.0.1: requests route to the specification's operations
// (methods, path and required query template parameters), an operation listed by id gets its
// policy, and what does not fit (an id the specification lacks, a method beside a specification, a
// broken specification) fails the load with the file and line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { ConfigError, loadGatewayConfig } from "../../gateway/config.js";
import { SpecificationError } from "../../gateway/openapi.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const SPEC = `openapi: 3.0.1
info:
  title: Orders
  version: "1"
paths:
  /orders:
    get:
      operationId: listOrders
      responses: { "200": { description: ok } }
    post:
      operationId: createOrder
      responses: { "201": { description: created } }
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /find:
    get:
      operationId: find
      parameters:
        - { name: q, in: query, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
`;

let dir: string;
let backend: TestServer;
let gateway: Gateway;
let base: string;

const writeConfig = (apis: unknown[], name = "gateway.json") => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ apis }, null, 2));
  return file;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "apimc-gwspec-"));
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ method: req.method, url: req.url, op: req.headers["x-op"] ?? null }));
  });
  writeFileSync(join(dir, "orders.yaml"), SPEC);
  writeFileSync(join(dir, "get-order.xml"), `<policies><inbound><base /><set-header name="x-op" exists-action="override"><value>@(context.Operation.Id + " " + context.Request.MatchedParameters["id"])</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`);
  const file = writeConfig([{ id: "orders", path: "/shop", serviceUrl: backend.url, specification: "orders.yaml", operations: [{ id: "getOrder", policy: "get-order.xml" }] }]);
  gateway = createGateway({ config: file });
  const addr = await gateway.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

describe("an API with a specification in gateway.json", () => {
  it("routes each operation of the specification, and only those", async () => {
    const cases: [string, string, number, string | null][] = [
      ["GET", "/shop/orders", 200, null],
      ["POST", "/shop/orders", 200, null],
      ["GET", "/shop/orders/42", 200, "getOrder 42"],
      ["GET", "/shop/find?q=x", 200, null],
      // The required query parameter is part of the template: without it no operation matches.
      ["GET", "/shop/find", 404, null],
      ["DELETE", "/shop/orders/42", 404, null],
      ["GET", "/shop/nothing", 404, null],
    ];
    for (const [method, path, status, op] of cases) {
      const r = await fetch(base + path, { method });
      expect({ method, path, status: r.status }).toEqual({ method, path, status });
      const body = (await r.json()) as { op?: string | null; url?: string };
      if (status === 200) expect({ path, op: body.op, url: body.url }).toEqual({ path, op, url: path.replace("/shop", "") });
    }
  });

  it("the loaded configuration holds the specification's operations and the loaded specification", () => {
    const loaded = loadGatewayConfig(join(dir, "gateway.json"));
    expect(loaded.config.apis[0]!.operations!.map((o) => [o.id, o.method, o.urlTemplate, o.policy ?? null])).toEqual([
      ["listOrders", "GET", "/orders", null],
      ["createOrder", "POST", "/orders", null],
      ["getOrder", "GET", "/orders/{id}", "get-order.xml"],
      ["find", "GET", "/find?q={q}", null],
    ]);
    expect(loaded.specifications!.get("orders")!.version).toBe("3.0.1");
  });

  it("an operation id the specification does not have is a configuration error naming the ids it has", () => {
    const file = writeConfig([{ id: "o", path: "/o", serviceUrl: backend.url, specification: "orders.yaml", operations: [{ id: "getOrdr", policy: "get-order.xml" }] }], "bad-id.json");
    expect(() => loadGatewayConfig(file)).toThrow(ConfigError);
    expect(() => loadGatewayConfig(file)).toThrow("apis[0].operations[0].id: the specification orders.yaml has no operation with operationId 'getOrdr' (it has: listOrders, createOrder, getOrder, find)");
  });

  it("method or urlTemplate beside a specification is refused", () => {
    for (const k of ["method", "urlTemplate"]) {
      const file = writeConfig([{ id: "o", path: "/o", serviceUrl: backend.url, specification: "orders.yaml", operations: [{ id: "getOrder", [k]: k === "method" ? "GET" : "/x" }] }], `bad-${k}.json`);
      expect(() => loadGatewayConfig(file)).toThrow(`apis[0].operations[0].${k}: comes from the API's specification`);
    }
  });

  it("a broken or missing specification fails the load with its file, line and code", () => {
    writeFileSync(join(dir, "broken.yaml"), "openapi: 3.0.1\npaths:\n  /x:\n    get: [\n");
    const file = writeConfig([{ id: "o", path: "/o", serviceUrl: backend.url, specification: "broken.yaml" }], "broken.json");
    expect(() => loadGatewayConfig(file)).toThrow(SpecificationError);
    expect(() => createGateway({ config: file })).toThrow(/broken\.yaml:5:1 - error APIMC5002: Not valid YAML/);
    const missing = writeConfig([{ id: "o", path: "/o", serviceUrl: backend.url, specification: "gone.yaml" }], "missing.json");
    expect(() => loadGatewayConfig(missing)).toThrow(/gone\.yaml:1:1 - error APIMC5001/);
  });
});

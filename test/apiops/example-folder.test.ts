// examples/apiops served as `apimc serve --apiops` serves it, through a real client against a real
// backend on 127.0.0.1: the folder is copied and its backend URLs (127.0.0.1:8081, npm start's demo
// backend) pointed at this test's backend. Versions by path segment, operations from an OpenAPI 3
// YAML and a 2.0 JSON specification with their policies, the product and its subscription (key
// from the values file, the API's own key names), a fragment, named values by display name (one
// secret, from the values file), a backend by id, what is not used listed once, a non-current
// revision served at `;rev=3`, hot reload of an operation policy, and a prebuilt build of the folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { loadApiopsFolder } from "../../gateway/apiops.js";
import { buildGateway, writeBuild } from "../../gateway/build.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const EXAMPLE = new URL("../../examples/apiops", import.meta.url).pathname;
const VALUES = new URL("../../examples/apiops.values.json", import.meta.url).pathname;

let dir: string;
let values: string;
let backend: TestServer;
let gateway: Gateway;
let base: string;
const ignored: string[][] = [];
const builds: boolean[] = [];

function rewriteUrls(folder: string, to: string): void {
  for (const name of readdirSync(folder)) {
    const p = join(folder, name);
    if (statSync(p).isDirectory()) rewriteUrls(p, to);
    else if (/\.(json|ya?ml)$/.test(name)) writeFileSync(p, readFileSync(p, "utf8").split("http://127.0.0.1:8081").join(to));
  }
}

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const seen = Object.fromEntries(["x-api-version", "x-pet", "x-api-key", "x-product", "x-forwarded-host", "x-inventory-key"].map((h) => [h, req.headers[h] ?? null]));
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: seen }));
  });
  const root = mkdtempSync(join(tmpdir(), "apimc-apiops-example-"));
  dir = join(root, "apiops");
  cpSync(EXAMPLE, dir, { recursive: true });
  rewriteUrls(dir, backend.url);
  values = join(root, "values.json");
  cpSync(VALUES, values);
  gateway = createGateway({ apiops: { dir, values }, watch: true, onIgnored: (lines) => ignored.push(lines), onBuild: (ok) => builds.push(ok) });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const r = await request(base + path, { method: method as "GET", headers });
  const text = await r.body.text();
  let json: { url?: string; headers?: Record<string, string | null> } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // a policy's text answer
  }
  return { status: r.statusCode, headers: r.headers, text, json };
}

describe("examples/apiops through the gateway", () => {
  it("serves both versions of the path-segment version set with their specifications' operations", async () => {
    const v1 = await call("GET", "/petstore/v1/pets?limit=2");
    expect(v1).toMatchObject({ status: 200, json: { url: "/petstore/v1/pets?limit=2", headers: { "x-api-version": "v1" } } });
    const pet = await call("GET", "/petstore/v1/pets/7");
    expect(pet.json).toMatchObject({ url: "/petstore/v1/pets/7", headers: { "x-pet": "getPetById:7", "x-api-version": "v1" } });
    const v2 = await call("GET", "/petstore/v2/pets/7");
    expect(v2.json).toMatchObject({ url: "/petstore/v2/pets/7", headers: { "x-pet": null, "x-api-version": "v2" } });
  });

  it("serves the non-current revision at ;rev=3 (its own service URL and specification) and the current one at ;rev=2 too", async () => {
    const draft = await call("GET", "/petstore/v2;rev=3/pets?limit=1");
    expect(draft).toMatchObject({ status: 200, json: { url: "/petstore/v3-draft/pets?limit=1", headers: { "x-api-version": null } } });
    const current = await call("GET", "/petstore/v2;rev=2/pets/7");
    expect(current).toMatchObject({ status: 200, json: { url: "/petstore/v2/pets/7", headers: { "x-api-version": "v2" } } });
    expect((await call("GET", "/petstore/v2;rev=4/pets")).status).toBe(404);
  });

  it("validate-content checks a body against the specification's schema (createPet: a Pet)", async () => {
    const post = (body: string, type = "application/json") => request(`${base}/petstore/v1/pets`, { method: "POST", body, headers: { "content-type": type } });
    const good = await post(JSON.stringify({ id: 1, name: "Rex" }));
    expect(good.statusCode).toBe(200);
    expect(((await good.body.json()) as { url: string }).url).toBe("/petstore/v1/pets");
    const before = backend.requests.length;
    for (const body of [JSON.stringify({ id: 1 }), JSON.stringify({ id: "one", name: "Rex" }), "[1]"]) {
      const bad = await post(body);
      expect({ body, status: bad.statusCode }).toEqual({ body, status: 400 });
      await bad.body.dump();
    }
    const wrongType = await post("<pet/>", "application/xml");
    expect(wrongType.statusCode).toBe(400);
    await wrongType.body.dump();
    expect(backend.requests.length).toBe(before);
  });

  it("runs the operation policy matched by operationId, and only the specification's operations exist", async () => {
    const before = backend.requests.length;
    const del = await call("DELETE", "/petstore/v2/pets/7");
    expect(del).toMatchObject({ status: 403, text: "Pets are not deleted through the demo gateway." });
    expect(backend.requests.length).toBe(before);
    for (const [method, path] of [
      ["DELETE", "/petstore/v1/pets/7"],
      ["POST", "/petstore/v2/pets"],
      ["GET", "/petstore/pets"],
      ["GET", "/petstore/v3/pets"],
    ])
      expect({ method, path, status: (await call(method!, path!)).status }).toEqual({ method, path, status: 404 });
  });

  it("the global policy with its fragment and a named value by display name applies to every API", async () => {
    const r = await call("GET", "/petstore/v1/pets");
    expect(r.headers["x-gateway"]).toBe("apimc (demo)");
    expect(r.json.headers!["x-forwarded-host"]).toBe("127.0.0.1");
  });

  it("the product's API needs a subscription key under the API's own key names", async () => {
    expect((await call("GET", "/inventory/items")).status).toBe(401);
    expect((await call("GET", "/inventory/items", { "Ocp-Apim-Subscription-Key": "apiops-demo-key" })).status).toBe(401);
    expect((await call("GET", "/inventory/items", { "X-Inventory-Key": "wrong" })).status).toBe(401);
    const r = await call("GET", "/inventory/items", { "X-Inventory-Key": "apiops-demo-key" });
    expect(r).toMatchObject({ status: 200, json: { url: "/inventory/items", headers: { "x-product": "Starter / Starter demo", "x-api-key": "inventory-demo-secret", "x-inventory-key": null } } });
    const q = await call("GET", "/inventory/items/abc?inventory-key=apiops-demo-key");
    expect(q).toMatchObject({ status: 200, json: { headers: { "x-product": "Starter / Starter demo" } } });
  });

  it("a Swagger 2.0 operation with a required query parameter needs it, and gets its policy", async () => {
    const key = { "X-Inventory-Key": "apiops-demo-key" };
    const found = await call("GET", "/inventory/search?q=bolt", key);
    expect(found.status, found.text).toBe(200);
    expect(found.json.url).toBe("/inventory/search?q=bolt&source=apimc");
    expect((await call("GET", "/inventory/search", key)).status).toBe(404);
  });

  it("tells once what the folder holds that apimc does not use", () => {
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toEqual([
      "diagnostics/: diagnostic settings are not used by apimc (1 entry)",
      'loggers/: loggers (Azure targets; map one for log-to-eventhub under "$loggers" in the values file) are not used by apimc (1 entry)',
      "tags/: tags are not used by apimc (1 entry)",
      "products/starter/groups/: not used by apimc",
    ]);
  });

  it("reloads when an operation policy is saved, and when an operation folder is added", async () => {
    const file = join(dir, "apis/petstore-v1/operations/getPetById/policy.xml");
    writeFileSync(file, readFileSync(file, "utf8").replace('context.Operation.Id + ":"', 'context.Operation.Id + "="'));
    await until("the saved policy", async () => (await call("GET", "/petstore/v1/pets/8")).json.headers?.["x-pet"] === "getPetById=8");
    const added = join(dir, "apis/petstore-v1/operations/listPets");
    cpSync(join(dir, "apis/petstore-v1/operations/getPetById"), added, { recursive: true });
    writeFileSync(join(added, "policy.xml"), readFileSync(join(added, "policy.xml"), "utf8").replace('context.Request.MatchedParameters["petId"]', '"all"'));
    await until("the new operation folder", async () => (await call("GET", "/petstore/v1/pets")).json.headers?.["x-pet"] === "listPets=all");
    expect(builds.every((ok) => ok)).toBe(true);
    expect(ignored).toHaveLength(1);
  });

  it("builds the folder and starts from that build (refused once a specification changes)", async () => {
    const out = mkdtempSync(join(tmpdir(), "apimc-apiops-build-"));
    const loaded = loadApiopsFolder(dir, { values });
    const build = buildGateway(loaded, "function");
    expect(build.diagnostics).toEqual([]);
    writeBuild(loaded, build, out, "function");
    const prebuilt = createGateway({ apiops: { dir, values }, prebuilt: out });
    const port = (await prebuilt.listen(0, "127.0.0.1")).port;
    const r = await request(`http://127.0.0.1:${port}/petstore/v2/pets/1`);
    expect(JSON.parse(await r.body.text())).toMatchObject({ url: "/petstore/v2/pets/1", headers: { "x-api-version": "v2" } });
    await prebuilt.close();
    const spec = join(dir, "apis/petstore-v2/specification.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("A page of pets", "Pets, paged"));
    expect(() => createGateway({ apiops: { dir, values }, prebuilt: out })).toThrow(/APIMC4003.*specification\.yaml|specification\.yaml.*APIMC4003/s);
  });
});

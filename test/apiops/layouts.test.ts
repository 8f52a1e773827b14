// The extractor's layout today and its older one, written from one model: both must load to the same
// configuration (APIs, operations, policies, products and their APIs, subscriptions and their scopes,
// named values, version sets) and serve the same answers. Models are generated from seeds (APIs
// with 2.0 or 3.x specifications, Segment, Header and Query version sets, products, subscriptions of
// each scope, fragments, named values with display names other than their folders); one of them is
// served from both folders and asked the same requests through a real client and a real backend.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { loadApiopsFolder } from "../../gateway/apiops.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { pick, rng } from "../helpers/rng.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { policy, writeFolder, type ModelApi, type ModelService } from "./folder.js";

function model(seed: number, serviceUrl: string): ModelService {
  const r = rng(seed);
  const schemes = ["Segment", "Header", "Query"] as const;
  const versionSets = schemes.map((scheme, i) => ({ name: `vs${i}`, scheme, header: scheme === "Header" ? "Api-Version" : undefined, query: scheme === "Query" ? "api-version" : undefined }));
  const apis: ModelApi[] = [];
  const n = 2 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const ops = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => ({
      operationId: `op${i}_${j}`,
      method: pick(r, ["GET", "POST", "PUT", "DELETE"]),
      path: pick(r, [`/r${j}`, `/r${j}/{id}`, `/r${j}/{id}/sub/{sub}`]),
      requiredQuery: r() < 0.3 ? ["q"] : undefined,
      policy: r() < 0.5 ? policy(`<set-header name="x-op" exists-action="override"><value>{{nv-${i}}}</value></set-header>`) : undefined,
    }));
    apis.push({ name: `api${i}`, path: `p${i}`, serviceUrl: `${serviceUrl}/api${i}`, openapi: r() < 0.5 ? "2.0" : "3.0.1", operations: ops, subscriptionRequired: r() < 0.5, policy: r() < 0.5 ? policy('<include-fragment fragment-id="frag" />') : undefined });
  }
  // Each version set gets two versions of one API path (the set's original "" and v2).
  for (const vs of versionSets)
    for (const version of ["", "v2"])
      apis.push({
        name: `ver-${vs.name}-${version || "orig"}`,
        path: `versioned-${vs.scheme.toLowerCase()}`,
        serviceUrl: `${serviceUrl}/${vs.name}-${version || "orig"}`,
        openapi: "3.0.1",
        operations: [{ operationId: "get", method: "GET", path: "/thing" }],
        subscriptionRequired: false,
        versionSet: vs.name,
        version,
      });
  return {
    policy: policy('<set-header name="x-global" exists-action="override"><value>{{Global.Name}}</value></set-header>'),
    apis,
    versionSets,
    products: [
      { name: "gold", displayName: "Gold", apis: apis.slice(0, 2).map((a) => a.name), policy: policy('<set-header name="x-product" exists-action="override"><value>@(context.Product.Name)</value></set-header>') },
      { name: "free", displayName: "Free", apis: [apis[0]!.name], subscriptionRequired: false },
    ],
    subscriptions: [
      { name: "gold-sub", displayName: "Gold sub", scope: "/products/gold" },
      { name: "all-sub", displayName: "All APIs", scope: "/apis" },
      { name: "one-api", displayName: "One API", scope: `/apis/${apis[1]!.name}` },
    ],
    namedValues: [...apis.map((_, i) => ({ folder: `nv-folder-${i}`, displayName: `nv-${i}`, value: `value-${i}` })), { folder: "global-name", displayName: "Global.Name", value: "g" }],
    fragments: [{ id: "frag", xml: '<fragment><set-header name="x-frag" exists-action="override"><value>frag</value></set-header></fragment>' }],
  };
}

const KEYS = JSON.stringify({ $subscriptions: { "gold-sub": { primaryKey: "gold-key" }, "all-sub": { primaryKey: "all-key" }, "one-api": { primaryKey: "one-key", secondaryKey: "one-key-2" } } });

function load(m: ModelService, layout: "new" | "old") {
  const root = mkdtempSync(join(tmpdir(), `apimc-apiops-${layout}-`));
  writeFolder(root, m, layout);
  const values = join(mkdtempSync(join(tmpdir(), "apimc-apiops-values-")), "values.json");
  writeFileSync(values, KEYS);
  return { root, values, loaded: loadApiopsFolder(root, { values, env: {} }) };
}

describe("old and new extractor layouts load alike", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8])
    it(`model of seed ${seed}`, () => {
      const m = model(seed, "http://127.0.0.1:9");
      const a = load(m, "new").loaded;
      const b = load(m, "old").loaded;
      // The older layout wrote a 2.0 specification as JSON: the one difference.
      const sameSpec = (c: typeof a.config) => ({ ...c, apis: c.apis.map((x) => ({ ...x, specification: x.specification?.replace(/\.(json|yaml)$/, "") })) });
      expect(sameSpec(b.config)).toEqual(sameSpec(a.config));
      expect(b.namedValues).toEqual(a.namedValues);
      expect(b.ignored).toEqual(a.ignored);
      expect(b.diagnostics).toEqual([]);
      expect(a.diagnostics).toEqual([]);
      // What the model says, in the configuration.
      expect(a.config.apis.map((x) => x.id).sort()).toEqual(m.apis.map((x) => x.name).sort());
      for (const api of m.apis) {
        const got = a.config.apis.find((x) => x.id === api.name)!;
        expect(got.operations!.map((o) => [o.id, o.method, o.policy ?? null])).toEqual(api.operations.map((o) => [o.operationId, o.method, o.policy ? `apis/${api.name}/operations/${o.operationId}/policy.xml` : null]));
        expect(got.versioning?.versionSetId).toBe(api.versionSet);
      }
      expect(a.config.subscriptions!.map((s) => [s.id, s.product, s.api ?? null])).toEqual([
        ["all-sub", "*", null],
        ["gold-sub", "gold", null],
        ["one-api", "*", m.apis[1]!.name],
      ]);
      expect(a.config.products!.map((p) => [p.id, p.apis])).toEqual([
        ["free", [m.apis[0]!.name]],
        ["gold", m.apis.slice(0, 2).map((x) => x.name)],
      ]);
    });
});

describe("both layouts serve the same answers", () => {
  let backend: TestServer;
  const gateways: Gateway[] = [];
  const bases: string[] = [];
  let m: ModelService;
  beforeAll(async () => {
    backend = await startServer((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ url: req.url, op: req.headers["x-op"] ?? null, global: req.headers["x-global"] ?? null, product: req.headers["x-product"] ?? null, frag: req.headers["x-frag"] ?? null }));
    });
    m = model(3, backend.url);
    for (const layout of ["new", "old"] as const) {
      const { root, values } = load(m, layout);
      const g = createGateway({ apiops: { dir: root, values, env: {} } });
      gateways.push(g);
      bases.push(`http://127.0.0.1:${(await g.listen(0, "127.0.0.1")).port}`);
    }
  });
  afterAll(async () => {
    for (const g of gateways) await g.close();
    await backend?.close();
  });

  const ask = async (base: string, method: string, path: string, headers: Record<string, string> = {}) => {
    const r = await request(base + path, { method: method as "GET", headers });
    // The activity id of an error answer is the request's own.
    return { status: r.statusCode, body: (await r.body.text()).replace(/"activityId":"[0-9a-f-]+"/, '"activityId":"…"') };
  };

  it("every operation, with each kind of key, and the versions of each scheme", async () => {
    const cases: [string, string, Record<string, string>][] = [];
    for (const api of m.apis.filter((a) => !a.versionSet))
      for (const op of api.operations) {
        const path = `/${api.path}${op.path.replace(/\{[^}]+\}/g, "7")}${op.requiredQuery ? "?q=1" : ""}`;
        for (const key of [null, "gold-key", "all-key", "one-key-2", "wrong"]) cases.push([op.method, path, key ? { "Ocp-Apim-Subscription-Key": key } : {}]);
        if (op.requiredQuery) cases.push([op.method, path.replace(/\?q=1$/, ""), { "Ocp-Apim-Subscription-Key": "all-key" }]);
      }
    cases.push(["GET", "/versioned-segment/thing", {}], ["GET", "/versioned-segment/v2/thing", {}], ["GET", "/versioned-segment/v3/thing", {}]);
    cases.push(["GET", "/versioned-header/thing", {}], ["GET", "/versioned-header/thing", { "Api-Version": "v2" }], ["GET", "/versioned-header/thing", { "Api-Version": "V2" }], ["GET", "/versioned-header/thing", { "Api-Version": "v3" }]);
    cases.push(["GET", "/versioned-query/thing", {}], ["GET", "/versioned-query/thing?api-version=v2", {}], ["GET", "/versioned-query/thing?api-version=v9", {}]);
    const answers: unknown[][] = [[], []];
    for (const [method, path, headers] of cases) for (const i of [0, 1]) answers[i]!.push({ method, path, headers, ...(await ask(bases[i]!, method, path, headers)) });
    expect(answers[1]).toEqual(answers[0]);
    // The versions reach their own backends; an unknown version reaches none.
    const urlOf = (i: number) => (answers[0]![i] as { status: number; body: string }).status === 200 ? JSON.parse((answers[0]![i] as { body: string }).body).url : (answers[0]![i] as { status: number }).status;
    const tail = cases.length;
    expect([tail - 10, tail - 9, tail - 8, tail - 7, tail - 6, tail - 5, tail - 4, tail - 3, tail - 2, tail - 1].map(urlOf)).toEqual([
      "/vs0-orig/thing",
      "/vs0-v2/thing",
      404,
      "/vs1-orig/thing",
      "/vs1-v2/thing",
      "/vs1-v2/thing",
      404,
      "/vs2-orig/thing",
      "/vs2-v2/thing?api-version=v2",
      404,
    ]);
    // Subscriptions: the API-scoped key opens its API only; the product key adds the product policy.
    const a1 = m.apis[1]!;
    const p1 = `/${a1.path}${a1.operations[0]!.path.replace(/\{[^}]+\}/g, "7")}${a1.operations[0]!.requiredQuery ? "?q=1" : ""}`;
    const one = await ask(bases[0]!, a1.operations[0]!.method, p1, { "Ocp-Apim-Subscription-Key": "one-key" });
    expect(one.status).toBe(200);
    const a0 = m.apis[0]!;
    const p0 = `/${a0.path}${a0.operations[0]!.path.replace(/\{[^}]+\}/g, "7")}${a0.operations[0]!.requiredQuery ? "?q=1" : ""}`;
    expect((await ask(bases[0]!, a0.operations[0]!.method, p0, { "Ocp-Apim-Subscription-Key": "one-key" })).status).toBe(401);
    const gold = await ask(bases[0]!, a0.operations[0]!.method, p0, { "Ocp-Apim-Subscription-Key": "gold-key" });
    expect(JSON.parse(gold.body)).toMatchObject({ product: "Gold", global: "g" });
  });
});

// API revisions as APIM serves them: `<api URL>;rev=N/...` reaches revision N (its own service URL,
// specification and policies), the API's URL without `;rev=` reaches the current revision, which
// answers `;rev=<its number>` too, and an unknown revision is not found. The matrix is generated:
// every versioning scheme (none, Segment, Header, Query) × API paths of several shapes (root, one
// segment, two segments) × each revision (current, non-current, unknown), written as the extractor
// writes revisions (`apis/<api>;rev=N/apiInformation.json` with apiRevision and isCurrent), served
// through a real client against a real backend on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { ApiopsError, loadApiopsFolder } from "../../gateway/apiops.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { policy, write, writeFolder, type ModelApi, type ModelService } from "./folder.js";

const SCHEMES = ["none", "Segment", "Header", "Query"] as const;
const PATHS = ["", "shop", "a/b"] as const;
/** Each API: current revision 3, non-current revisions 1 and 2 (revision 2 has one more operation). */
const CURRENT = "3";
const OTHERS = ["1", "2"];

interface Case {
  name: string;
  path: string;
  scheme: (typeof SCHEMES)[number];
}
const cases: Case[] = SCHEMES.flatMap((scheme) => PATHS.map((p, i) => ({ name: `api-${scheme.toLowerCase()}-${i}`, path: scheme === "none" ? p : `${scheme.toLowerCase()}${p ? `/${p}` : ""}`, scheme })));

const seen = policy(
  `<set-header name="x-seen" exists-action="override"><value>@(context.Api.Id + "|" + context.Api.Revision + "|" + (context.Api.IsCurrentRevision ? "current" : "not-current") + "|" + context.Api.Path)</value></set-header>`,
);

function model(backend: string): ModelService {
  const apis: ModelApi[] = [];
  for (const c of cases)
    for (const revision of [CURRENT, ...OTHERS])
      apis.push({
        name: c.name,
        path: c.path,
        serviceUrl: `${backend}/${c.name}/rev${revision}`,
        openapi: revision === "1" ? "2.0" : "3.0.1",
        operations: [{ operationId: "getItem", method: "GET", path: "/items/{id}" }, ...(revision === "2" ? [{ operationId: "onlyInTwo", method: "POST", path: "/draft" }] : [])],
        policy: seen,
        subscriptionRequired: false,
        revision,
        isCurrent: revision === CURRENT,
        ...(c.scheme === "none" ? {} : { versionSet: `vs-${c.scheme}`, version: "v2" }),
      });
  apis.push({ name: "keyed", path: "keyed", serviceUrl: `${backend}/keyed/rev1`, openapi: "3.0.1", operations: [{ operationId: "get", method: "GET", path: "/x" }], revision: "1" });
  apis.push({ name: "keyed", path: "keyed", serviceUrl: `${backend}/keyed/rev2`, openapi: "3.0.1", operations: [{ operationId: "get", method: "GET", path: "/x" }], revision: "2", isCurrent: false });
  apis.push({ name: "other", path: "other", serviceUrl: `${backend}/other`, openapi: "3.0.1", operations: [{ operationId: "get", method: "GET", path: "/x" }] });
  return {
    apis,
    versionSets: [
      { name: "vs-Segment", scheme: "Segment" },
      { name: "vs-Header", scheme: "Header", header: "Api-Version" },
      { name: "vs-Query", scheme: "Query", query: "api-version" },
    ],
    products: [{ name: "gold", displayName: "Gold", apis: ["keyed"], policy: policy('<set-header name="x-product" exists-action="override"><value>@(context.Product.Name)</value></set-header>') }],
    subscriptions: [
      { name: "gold-sub", displayName: "Gold sub", scope: "/products/gold" },
      { name: "keyed-sub", displayName: "Keyed", scope: "/apis/keyed" },
      { name: "other-sub", displayName: "Other", scope: "/apis/other" },
    ],
  };
}

let backend: TestServer;
let gateway: Gateway;
let base: string;
let root: string;

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url, seen: req.headers["x-seen"] ?? null, product: req.headers["x-product"] ?? null }));
  });
  root = mkdtempSync(join(tmpdir(), "apimc-apiops-revisions-"));
  writeFolder(root, model(backend.url));
  const values = join(mkdtempSync(join(tmpdir(), "apimc-apiops-revisions-values-")), "values.json");
  writeFileSync(values, JSON.stringify({ $subscriptions: { "gold-sub": { primaryKey: "gold-key" }, "keyed-sub": { primaryKey: "keyed-key" }, "other-sub": { primaryKey: "other-key" } } }));
  gateway = createGateway({ apiops: { dir: root, values } });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const r = await request(base + path, { method: method as "GET", headers });
  const text = await r.body.text();
  let json: { url?: string; seen?: string | null; product?: string | null } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // the gateway's own error answer
  }
  return { status: r.statusCode, json };
}

/** The URL of an API case, `;rev=N` after it when given, with the version where the scheme puts it. */
function urlOf(c: Case, rev: string | null, rest: string): { path: string; headers: Record<string, string> } {
  const apiUrl = `/${c.path}${c.scheme === "Segment" ? "/v2" : ""}`.replace(/^\/\//, "/");
  const withRev = rev === null ? apiUrl : `${apiUrl === "/" ? "/" : apiUrl};rev=${rev}`;
  const sep = rest.includes("?") ? "&" : "?";
  const path = `${withRev === "/" ? "" : withRev}${rest}${c.scheme === "Query" ? `${sep}api-version=v2` : ""}`;
  return { path, headers: c.scheme === "Header" ? { "Api-Version": "v2" } : {} };
}

describe("revisions: every scheme × path shape × revision", () => {
  it("loads the revisions as APIs of their own, with the current one's path and version", () => {
    const loaded = loadApiopsFolder(root, { env: {} });
    const revs = loaded.config.apis.filter((a) => a.id.startsWith("api-segment-1")).map((a) => ({ id: a.id, path: a.path, revision: a.revision, version: a.versioning?.version }));
    expect(revs).toEqual([
      { id: "api-segment-1", path: "/segment/shop", revision: { number: "3", current: true }, version: "v2" },
      { id: "api-segment-1;rev=1", path: "/segment/shop", revision: { number: "1", current: false, of: "api-segment-1" }, version: "v2" },
      { id: "api-segment-1;rev=2", path: "/segment/shop", revision: { number: "2", current: false, of: "api-segment-1" }, version: "v2" },
    ]);
    expect(loaded.ignored.filter((l) => l.includes("revision"))).toEqual([]);
  });

  for (const c of cases)
    it(`${c.scheme} /${c.path}`, async () => {
      const apiPath = `/${c.path}`.replace(/\/$/, "");
      // The current revision: without ;rev= and with its own number.
      for (const rev of [null, CURRENT]) {
        const u = urlOf(c, rev, "/items/7?q=1");
        expect({ rev, ...(await call("GET", u.path, u.headers)) }).toEqual({
          rev,
          status: 200,
          json: { url: `/${c.name}/rev${CURRENT}/items/7?q=1${c.scheme === "Query" ? "&api-version=v2" : ""}`, seen: `${c.name}|${CURRENT}|current|${apiPath}`, product: null },
        });
      }
      // Each non-current revision: its own service URL and policy; ;rev= is not forwarded.
      for (const rev of OTHERS) {
        const u = urlOf(c, rev, "/items/7?q=1");
        expect({ rev, ...(await call("GET", u.path, u.headers)) }).toEqual({
          rev,
          status: 200,
          json: { url: `/${c.name}/rev${rev}/items/7?q=1${c.scheme === "Query" ? "&api-version=v2" : ""}`, seen: `${c.name}|${rev}|not-current|${apiPath}`, product: null },
        });
      }
      // Revision 2's own operation exists in revision 2 only.
      const draft = urlOf(c, "2", "/draft");
      expect((await call("POST", draft.path, draft.headers)).json.url).toBe(`/${c.name}/rev2/draft${c.scheme === "Query" ? "?api-version=v2" : ""}`);
      for (const rev of [null, CURRENT, "1"]) {
        const u = urlOf(c, rev, "/draft");
        expect({ rev, status: (await call("POST", u.path, u.headers)).status }).toEqual({ rev, status: 404 });
      }
      // A revision the API does not have, and revision 0, are not found.
      for (const rev of ["9", "0"]) {
        const u = urlOf(c, rev, "/items/7");
        expect({ rev, status: (await call("GET", u.path, u.headers)).status }).toEqual({ rev, status: 404 });
      }
    });
});

describe("revisions take the API's subscriptions and products", () => {
  it("a key scoped to the API or to its product opens every revision; another API's key does not", async () => {
    for (const path of ["/keyed/x", "/keyed;rev=1/x", "/keyed;rev=2/x"]) {
      const rev = path.includes(";rev=2") ? "2" : "1";
      expect({ path, ...(await call("GET", path, { "Ocp-Apim-Subscription-Key": "keyed-key" })) }).toEqual({ path, status: 200, json: { url: `/keyed/rev${rev}/x`, seen: null, product: null } });
      expect({ path, ...(await call("GET", path, { "Ocp-Apim-Subscription-Key": "gold-key" })) }).toEqual({ path, status: 200, json: { url: `/keyed/rev${rev}/x`, seen: null, product: "Gold" } });
      expect({ path, status: (await call("GET", path, { "Ocp-Apim-Subscription-Key": "other-key" })).status }).toEqual({ path, status: 401 });
      expect({ path, status: (await call("GET", path)).status }).toEqual({ path, status: 401 });
    }
  });
});

describe("revision diagnostics", () => {
  const folder = () => {
    const r = mkdtempSync(join(tmpdir(), "apimc-apiops-revdiag-"));
    writeFolder(r, { apis: [{ name: "orders", path: "orders", serviceUrl: "http://127.0.0.1:9/orders", openapi: "3.0.1", operations: [{ operationId: "get", method: "GET", path: "/x" }], revision: "2" }] });
    return r;
  };
  const problems = (r: string) => {
    try {
      loadApiopsFolder(r, { env: {} });
      return [];
    } catch (e) {
      if (!(e instanceof ApiopsError)) throw e;
      return e.diagnostics.map((d) => ({ code: d.code, file: d.file.slice(r.length + 1), line: d.line, message: d.message }));
    }
  };
  const info = (props: Record<string, unknown>) => JSON.stringify({ properties: { path: "orders", serviceUrl: "http://127.0.0.1:9/draft", isCurrent: false, ...props } }, null, 2);

  it("a folder whose ;rev= is not a positive integer", () => {
    const r = folder();
    write(join(r, "apis/orders;rev=x/apiInformation.json"), info({ apiRevision: "x" }));
    expect(problems(r)).toEqual([{ code: "APIMC5011", file: "apis/orders;rev=x/apiInformation.json", line: 1, message: "A revision number is a positive integer (APIM's ';rev=N'), not 'x' (folder apis/orders;rev=x)." }]);
  });

  it("two folders with one revision number", () => {
    const r = folder();
    write(join(r, "apis/orders;rev=2/apiInformation.json"), info({ apiRevision: "2" }));
    expect(problems(r)).toEqual([{ code: "APIMC5017", file: "apis/orders;rev=2/apiInformation.json", line: 1, message: "apis/orders;rev=2 is revision 2 of 'orders', as apis/orders is: each revision needs its own number." }]);
  });

  it("an apiRevision that is not a number, at its line", () => {
    const r = folder();
    write(join(r, "apis/orders/apiInformation.json"), JSON.stringify({ properties: { path: "orders", serviceUrl: "http://127.0.0.1:9/orders", isCurrent: true, apiRevision: "two" } }, null, 2));
    expect(problems(r)).toEqual([{ code: "APIMC5011", file: "apis/orders/apiInformation.json", line: 6, message: "A revision number is a positive integer (APIM's ';rev=N'), not 'two'." }]);
  });
});

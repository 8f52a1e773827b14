// rewrite-uri may use only the template parameters of the operation (reference page: "You cannot
// add extra template path parameters in the rewrite URL"). Generated: operation URL templates x
// parameter names x {path, query} placement. In a gateway build an undefined one is APIMC2020 at
// its file, line and column, and the defined ones reach a real backend filled in; runPolicy checks
// against its `urlTemplate` when given, and without one fails the request at run time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGateway } from "../../gateway/build.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { LineMap } from "../../compiler/diagnostics.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { runPolicy } from "../../gateway/testing.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";

/** Operation URL templates, the parameters each defines, and a request path that matches it with VALUES. */
const VALUES: Record<string, string> = { id: "7", part: "p2", path: "a/b", term: "hello", x: "1", y: "2" };
const OPERATIONS = [
  { template: "/items/{id}", params: ["id"], request: "/items/7" },
  { template: "/items/{id}/parts/{part}", params: ["id", "part"], request: "/items/7/parts/p2" },
  { template: "/files/{*path}", params: ["path"], request: "/files/a/b" },
  { template: "/search?q={term}", params: ["term"], request: "/search?q=hello" },
  { template: "/a/{x}?y={y}", params: ["x", "y"], request: "/a/1?y=2" },
  { template: "/static", params: [], request: "/static" },
];
const POOL = ["id", "part", "path", "term", "x", "y", "nope"];
const PLACEMENTS = {
  path: (p: string) => `/r/{${p}}`,
  query: (p: string) => `/r?v={${p}}`,
} as const;

interface Case {
  opId: string;
  op: (typeof OPERATIONS)[number];
  param: string;
  placement: keyof typeof PLACEMENTS;
  file: string;
  text: string;
  defined: boolean;
}
const cases: Case[] = [];
OPERATIONS.forEach((op, i) =>
  POOL.forEach((param) =>
    (Object.keys(PLACEMENTS) as (keyof typeof PLACEMENTS)[]).forEach((placement) => {
      const opId = `op${i}-${param}-${placement}`;
      const text = `<policies>\n  <inbound>\n    <base />\n    <rewrite-uri template="${PLACEMENTS[placement](param)}" />\n  </inbound>\n</policies>\n`;
      cases.push({ opId, op, param, placement, file: `policies/${opId}.xml`, text, defined: op.params.includes(param) });
    }),
  ),
);

const dir = mkdtempSync(join(tmpdir(), "apimc-rewrite-params-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const config = (list: Case[], serviceUrl: string) =>
  JSON.stringify({
    apis: [{ id: "api", path: "/api", serviceUrl, subscriptionRequired: false, operations: list.map((c) => ({ id: c.opId, method: "GET", urlTemplate: `/${c.opId}${c.op.template}`, policy: c.file })) }],
  });

describe("rewrite-uri template parameters must be the operation's", () => {
  let backend: TestServer;
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(req.url));
    for (const c of cases) write(c.file, c.text);
  });
  afterAll(() => backend.close());

  it("a gateway build reports each undefined parameter as APIMC2020 at the parameter, and nothing else", () => {
    expect(cases.filter((c) => !c.defined).length).toBeGreaterThan(0);
    write("all.json", config(cases, backend.url));
    const build = buildGateway(loadGatewayConfig(join(dir, "all.json")), "function");
    const got = build.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort();
    const want = cases
      .filter((c) => !c.defined)
      .map((c) => {
        const { line, column } = new LineMap(c.text).position(c.text.indexOf(`{${c.param}}`));
        return `${join(dir, c.file)}:${line}:${column} APIMC2020`;
      })
      .sort();
    expect(got).toEqual(want);
    expect(build.ok).toBe(false);
    const one = build.diagnostics.find((d) => d.file.endsWith("op0-nope-path.xml"))!;
    expect(one.message).toBe("rewrite-uri names the template parameter '{nope}', which the operation's URL template '/op0-nope-path/items/{id}' does not define (it defines {id}). rewrite-uri can use only the operation's template parameters.");
  });

  it("with only defined parameters the gateway runs, and the backend gets them filled in", async () => {
    const good = cases.filter((c) => c.defined);
    write("good.json", config(good, backend.url));
    const gw: Gateway = createGateway({ config: join(dir, "good.json") });
    try {
      const base = `http://127.0.0.1:${(await gw.listen()).port}/api`;
      for (const c of good) {
        const v = VALUES[c.param]!;
        const r = await rawGet(`${base}/${c.opId}${c.op.request}`);
        const want = c.placement === "path" ? `/r/${v}` : `/r?v=${encodeURIComponent(v)}`;
        expect({ case: c.opId, status: r.status, url: r.body }).toEqual({ case: c.opId, status: 200, url: want });
      }
    } finally {
      await gw.close();
    }
  });

  it("runPolicy with a urlTemplate checks at compile time, and fills what the request matched", async () => {
    for (const c of cases) {
      const run = () => runPolicy(c.text.replace("</inbound>", "</inbound><backend><forward-request /></backend>"), { backend: backend.url, request: { url: c.op.request }, urlTemplate: c.op.template });
      if (!c.defined) await expect(run(), c.opId).rejects.toThrow(/APIMC2020/);
      else {
        const r = await run();
        const v = VALUES[c.param]!;
        expect({ case: c.opId, body: r.body }).toEqual({ case: c.opId, body: c.placement === "path" ? `/r/${v}` : `/r?v=${encodeURIComponent(v)}` });
      }
    }
  });

  it("without a known operation (runPolicy without urlTemplate, or an expression template) a parameter not matched fails the request", async () => {
    const literal = await runPolicy(`<policies><inbound><rewrite-uri template="/r/{id}" /></inbound><backend><forward-request /></backend></policies>`, { backend: backend.url, request: { url: "/items/7" } });
    expect(literal).toMatchObject({ status: 500, lastError: { Reason: "TemplateParameterNotDefined", Source: "rewrite-uri" } });
    expect(literal.lastError?.Message).toContain("'{id}', which the operation's URL template '/*' does not define");
    const expression = await runPolicy(`<policies><inbound><rewrite-uri template="@("/r/{" + "nope}")" /></inbound><backend><forward-request /></backend></policies>`, {
      backend: backend.url,
      request: { url: "/items/7" },
      urlTemplate: "/items/{id}",
    });
    expect(expression).toMatchObject({ status: 500, lastError: { Reason: "TemplateParameterNotDefined" } });
    const fine = await runPolicy(`<policies><inbound><rewrite-uri template="@("/r/{" + "id}")" /></inbound><backend><forward-request /></backend></policies>`, {
      backend: backend.url,
      request: { url: "/items/7" },
      urlTemplate: "/items/{id}",
    });
    expect(fine.body).toBe("/r/7");
  });

  it("a standalone compile knows no operation and reports nothing", async () => {
    const { compile } = await import("../../compiler/index.js");
    expect(compile(`<policies><inbound><rewrite-uri template="/r/{nope}" /></inbound></policies>`).diagnostics).toEqual([]);
  });
});

// Where a request is routed, as tests see it and as the configuration fixes it:
// - runPolicy's backendRequest.url is the URL the request goes to, set-backend-service included,
//   with a mocked backend as with a real one (generated: every way to set the base x requests).
// - set-backend-service backend-id naming no configured backend is APIMC2021 at the attribute in a
//   gateway build (and in runPolicy given `backends`); a standalone compile cannot know.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGateway } from "../../gateway/build.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { compile } from "../../compiler/index.js";
import { LineMap } from "../../compiler/diagnostics.js";
import { newEnvironment } from "../../runtime/context.js";
import { runPolicy } from "../../gateway/testing.js";
import { createGateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const doc = (inbound: string) => `<policies><inbound>${inbound}</inbound><backend><forward-request /></backend></policies>`;

describe("runPolicy's backendRequest.url follows set-backend-service", () => {
  let real: TestServer;
  let alt: TestServer;
  beforeAll(async () => {
    real = await startServer((req, res) => res.end(`real ${req.url}`));
    alt = await startServer((req, res) => res.end(`alt ${req.url}`));
  });
  afterAll(async () => {
    await real.close();
    await alt.close();
  });

  const REQUESTS = ["/", "/a/b", "/orders/42?expand=lines&x=1", "/sp%20ace/%C3%A9?q=a%26b"];
  /** How the base is set, and the base (path without trailing slash) the request should go to; null: no set-backend-service. */
  const SETTERS = (altUrl: string) => [
    { how: "none", xml: "", base: null },
    { how: "base-url literal", xml: `<set-backend-service base-url="${altUrl}/v2/" />`, base: `${altUrl}/v2` },
    { how: "base-url expression", xml: `<set-backend-service base-url="@(&quot;${altUrl}&quot; + &quot;/v3&quot;)" />`, base: `${altUrl}/v3` },
    { how: "backend-id literal", xml: `<set-backend-service backend-id="alt" />`, base: `${altUrl}/legacy` },
    { how: "backend-id expression", xml: `<set-backend-service backend-id="@(&quot;al&quot; + &quot;t&quot;)" />`, base: `${altUrl}/legacy` },
  ];

  for (const backendKind of ["mocked", "real"] as const)
    it(`with a ${backendKind} backend`, async () => {
      for (const s of SETTERS(alt.url))
        for (const url of REQUESTS) {
          const seen: string[] = [];
          const r = await runPolicy(doc(s.xml), {
            request: { url },
            backends: { alt: `${alt.url}/legacy` },
            backend: backendKind === "real" ? real.url : (req) => (seen.push(req.url), { status: 200, body: "mocked" }),
          });
          const base = s.base ?? (backendKind === "real" ? real.url : "http://localhost");
          const want = base + url;
          expect({ how: s.how, url, got: r.backendRequest?.url }).toEqual({ how: s.how, url, got: want });
          if (backendKind === "mocked") expect(seen).toEqual([want]);
          // A real backend: the URL reported is the URL that was requested.
          else expect(r.body).toBe(`${s.base ? "alt" : "real"} ${new URL(want).pathname}${new URL(want).search}`);
        }
    });
});

describe("set-backend-service backend-id is checked where the backends are known", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-backend-id-"));
  const write = (rel: string, text: string) => {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const CONFIGURED = ["orders", "legacy-v1"];
  const IDS = [
    { id: "orders", known: true },
    { id: "legacy-v1", known: true },
    { id: "Orders", known: false },
    { id: "order", known: false },
    { id: "missing", known: false },
  ];
  const SECTIONS = ["inbound", "backend"] as const;

  it("a gateway build reports each unknown literal id as APIMC2021 at the attribute value; known and expression ids pass", () => {
    const ops: unknown[] = [];
    const files: { file: string; text: string; id: string; known: boolean }[] = [];
    IDS.forEach((x, i) =>
      SECTIONS.forEach((section) => {
        const text =
          section === "inbound"
            ? `<policies>\n  <inbound>\n    <base />\n    <set-backend-service backend-id="${x.id}" />\n  </inbound>\n</policies>\n`
            : `<policies>\n  <backend>\n    <set-backend-service backend-id="${x.id}" />\n    <forward-request />\n  </backend>\n</policies>\n`;
        const file = `p/${i}-${section}.xml`;
        write(file, text);
        files.push({ file, text, id: x.id, known: x.known });
        ops.push({ id: `${i}-${section}`, method: "GET", urlTemplate: `/${i}-${section}`, policy: file });
      }),
    );
    write("p/expr.xml", `<policies><inbound><base /><set-backend-service backend-id="@(&quot;nowhere&quot;)" /></inbound></policies>`);
    ops.push({ id: "expr", method: "GET", urlTemplate: "/expr", policy: "p/expr.xml" });
    write("gateway.json", JSON.stringify({ backends: Object.fromEntries(CONFIGURED.map((b) => [b, { url: `http://127.0.0.1:9/${b}` }])), apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", operations: ops }] }));
    const build = buildGateway(loadGatewayConfig(join(dir, "gateway.json")), "function");
    const got = build.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort();
    const want = files
      .filter((f) => !f.known)
      .map((f) => {
        const { line, column } = new LineMap(f.text).position(f.text.indexOf(`"${f.id}"`) + 1);
        return `${join(dir, f.file)}:${line}:${column} APIMC2021`;
      })
      .sort();
    expect(got).toEqual(want);
    const m = build.diagnostics.find((d) => d.file.endsWith("3-inbound.xml"))!.message;
    expect(m).toBe("No backend with id 'order' is configured (configured: orders, legacy-v1). Did you mean 'orders'?");
  });

  it("a gateway does not start on such a configuration, and says where", () => {
    write("bad/p.xml", `<policies>\n  <inbound>\n    <set-backend-service backend-id="ordres" />\n  </inbound>\n</policies>\n`);
    write("bad/gateway.json", JSON.stringify({ backends: { orders: { url: "http://127.0.0.1:9/o" } }, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", operations: [{ id: "o", method: "GET", urlTemplate: "/o", policy: "p.xml" }] }] }));
    expect(() => createGateway({ config: join(dir, "bad/gateway.json") })).toThrow(`${join(dir, "bad/p.xml")}:3:38 - error APIMC2021: No backend with id 'ordres' is configured (configured: orders). Did you mean 'orders'?`);
  });

  it("runPolicy with `backends` checks literal ids at compile time; an expression id still fails at run time", async () => {
    for (const x of IDS) {
      const run = () => runPolicy(doc(`<set-backend-service backend-id="${x.id}" />`), { backends: { orders: "http://127.0.0.1:9/o", "legacy-v1": "http://127.0.0.1:9/l" } });
      if (x.known) expect((await run()).backendRequest?.url).toMatch(/^http:\/\/127\.0\.0\.1:9\//);
      else await expect(run(), x.id).rejects.toThrow(/APIMC2021/);
    }
    const expr = await runPolicy(doc(`<set-backend-service backend-id="@(&quot;nowhere&quot;)" />`), { backends: { orders: "http://127.0.0.1:9/o" } });
    expect(expr).toMatchObject({ status: 500, lastError: { Reason: "BackendNotFound" } });
  });

  it("without a configuration (standalone compile, runPolicy without `backends`) an id is not checked at compile time", async () => {
    expect(compile(doc(`<set-backend-service backend-id="missing" />`)).diagnostics).toEqual([]);
    const environment = newEnvironment({ backends: new Map([["missing", { url: "http://127.0.0.1:9/m" }]]) });
    expect((await runPolicy(doc(`<set-backend-service backend-id="missing" />`), { environment })).backendRequest?.url).toBe("http://127.0.0.1:9/m/");
  });
});

// Which policies of a built configuration need shared state (the workers refusal): every limit
// policy, wherever it is (any scope, inside choose, in a fragment), and nothing else (caches are
// per process like APIM's internal cache); the refusal names them and says what to do.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGatewayConfig } from "../../gateway/config.js";
import { buildGateway } from "../../gateway/build.js";
import { sharedStateNeeds, sharedStateRefusal } from "../../gateway/shared-state.js";
import { SHARED_STATE_POLICIES } from "../../runtime/state/shared.js";

const LIMITS: Record<string, string> = {
  "rate-limit": `<rate-limit calls="5" renewal-period="10" />`,
  "rate-limit-by-key": `<rate-limit-by-key calls="5" renewal-period="10" counter-key="k" />`,
  quota: `<quota calls="5" renewal-period="10" />`,
  "quota-by-key": `<quota-by-key calls="5" renewal-period="300" counter-key="k" />`,
  "limit-concurrency": `<limit-concurrency key="k" max-count="2"><set-header name="X" exists-action="override"><value>1</value></set-header></limit-concurrency>`,
};
const OTHERS = [
  `<cache-lookup-value key="k" variable-name="v" />`,
  `<cache-store-value key="k" value="v" duration="5" />`,
  `<cache-remove-value key="k" />`,
  `<set-header name="X-A" exists-action="override"><value>a</value></set-header>`,
];

function project(files: Record<string, string>, config: object): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "apimc-needs-"));
  for (const [n, text] of Object.entries(files)) writeFileSync(join(dir, n), text);
  const file = join(dir, "gateway.json");
  writeFileSync(file, JSON.stringify(config));
  return { dir, file };
}

const doc = (inbound: string) => `<policies>\n<inbound>\n<base />\n${inbound}\n</inbound>\n<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;

function needs(files: Record<string, string>, config: object) {
  const { dir, file } = project(files, config);
  try {
    const loaded = loadGatewayConfig(file);
    const build = buildGateway(loaded, "function");
    expect(build.ok, build.diagnostics.map((d) => d.message).join("; ")).toBe(true);
    return sharedStateNeeds(loaded, build).map((u) => ({ ...u, file: u.file?.slice(dir.length + 1) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("sharedStateNeeds", () => {
  it("finds each limit policy at each scope (global, product, API, operation) and inside choose; no other policy", () => {
    expect([...SHARED_STATE_POLICIES].sort()).toEqual(Object.keys(LIMITS).sort());
    for (const [name, xml] of Object.entries(LIMITS))
      for (const scope of ["global", "product", "api", "operation"] as const) {
        const policy = scope === "operation" ? doc(`<choose><when condition="@(true)">${xml}</when></choose>`) : doc(xml);
        const api = { id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1", ...(scope === "api" ? { policy: "p.xml" } : {}), operations: [{ id: "o", method: "GET", urlTemplate: "/", ...(scope === "operation" ? { policy: "p.xml" } : {}) }] };
        const config = {
          ...(scope === "global" ? { policy: "p.xml" } : {}),
          apis: [api],
          products: [{ id: "p", apis: ["a"], ...(scope === "product" ? { policy: "p.xml" } : {}) }],
          subscriptions: [{ id: "s", primaryKey: "k1", product: "p" }],
        };
        const uses = needs({ "p.xml": policy }, config);
        expect(uses, `${name} at ${scope}`).toEqual([{ policy: name, file: "p.xml", line: expect.any(Number) }]);
      }
    const none = needs({ "p.xml": doc(OTHERS.join("\n")) }, { policy: "p.xml", apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] });
    expect(none).toEqual([]);
  });

  it("the refusal names the policies with file and line, and what to do; one process or none needed: no refusal", () => {
    const uses = needs({ "p.xml": doc(`${LIMITS["rate-limit-by-key"]}\n${LIMITS["quota-by-key"]}`) }, { policy: "p.xml", apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] });
    expect(uses).toEqual([
      { policy: "rate-limit-by-key", file: "p.xml", line: 4 },
      { policy: "quota-by-key", file: "p.xml", line: 5 },
    ]);
    const msg = sharedStateRefusal(uses.map((u) => ({ ...u, file: `/cfg/${u.file}` })), 4)!;
    expect(msg).toContain("4 worker processes would each count <rate-limit-by-key> at /cfg/p.xml:4, <quota-by-key> at /cfg/p.xml:5 on their own");
    expect(msg).toContain('"state": { "redis": "redis://host:port/0" } or --redis URL');
    expect(msg).toContain("--workers 1");
    expect(sharedStateRefusal(uses, 1)).toBeNull();
    expect(sharedStateRefusal([], 8)).toBeNull();
  });
});

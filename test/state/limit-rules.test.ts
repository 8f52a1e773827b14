// Compile-time rules of the limit policies, as their reference pages state them:
// - renewal-period: "Minimum period: 300 seconds" is on the quota-by-key page only; quota takes any
//   period (0: never renews), also in its <api>/<operation> children.
// - rate-limit and quota: "This policy can be used only once per policy definition": a second one
//   in the same document (siblings, choose branches, an included fragment) is APIMC2019 at the
//   second; the by-key policies have no such rule; other scopes' documents are other definitions.
// Every case is generated; the expectation is computed from the rule, not written per case.
import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/index.js";
import { LineMap, type Diagnostic } from "../../compiler/diagnostics.js";
import { buildGateway } from "../../gateway/build.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { newEnvironment } from "../../runtime/context.js";
import { ManualClock, setStateClock } from "../../runtime/state/index.js";
import { doc, run } from "./helpers.js";

const errorsOf = (ds: Diagnostic[]) => ds.filter((d) => d.severity === "error");

describe("renewal-period: the 300-second minimum is quota-by-key's alone", () => {
  const PERIODS = [0, 1, 2, 59, 60, 299, 300, 301, 3600, 31_536_000];
  const placements = {
    "quota": (p: number) => `<quota calls="5" renewal-period="${p}" />`,
    "quota > api": (p: number) => `<quota calls="5" renewal-period="3600"><api name="a" calls="1" renewal-period="${p}" /></quota>`,
    "quota > api > operation": (p: number) => `<quota calls="5" renewal-period="3600"><api name="a" calls="1" renewal-period="3600"><operation name="o" calls="1" renewal-period="${p}" /></api></quota>`,
    "quota-by-key": (p: number) => `<quota-by-key calls="5" renewal-period="${p}" counter-key="k" />`,
  } as const;
  for (const [where, make] of Object.entries(placements))
    it(`${where}: ${where === "quota-by-key" ? "0 or at least 300" : "any non-negative period"}`, () => {
      for (const p of PERIODS) {
        const errors = errorsOf(compile(doc({ inbound: make(p) })).diagnostics).map((d) => `${d.code} ${d.message}`);
        const rejected = where === "quota-by-key" && p > 0 && p < 300;
        expect({ p, errors }).toEqual({ p, errors: rejected ? [expect.stringMatching(/^APIMC2008 .*renewal-period.*0 \(never renews\) or at least 300 seconds, not \d+/)] : [] });
      }
    });

  it("a short quota period renews: calls=1 renewal-period=1 allows one call a second", async () => {
    const environment = newEnvironment();
    const clock = new ManualClock();
    setStateClock(environment, clock);
    const x = doc({ inbound: `<quota calls="1" renewal-period="1" />` });
    const caller = { subscription: { Id: "s" } };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await run(x, { environment, caller })).status, (await run(x, { environment, caller })).status);
      clock.advance(1000);
    }
    expect(statuses).toEqual([200, 403, 200, 403, 200, 403]);
  });
});

const LIMIT_POLICIES: Record<string, string> = {
  "rate-limit": `<rate-limit calls="5" renewal-period="60" />`,
  "quota": `<quota calls="5" renewal-period="3600" />`,
  "rate-limit-by-key": `<rate-limit-by-key calls="5" renewal-period="60" counter-key="k" />`,
  "quota-by-key": `<quota-by-key calls="5" renewal-period="3600" counter-key="k" />`,
};
const ONCE = new Set(["rate-limit", "quota"]);
const names = Object.keys(LIMIT_POLICIES);
const pairs = names.flatMap((a) => names.map((b) => [a, b] as const));

/** Ways to put two policies in one document; `second` is where the second one's text starts. */
const LAYOUTS: Record<string, (a: string, b: string) => { inbound: string; fragment?: string }> = {
  siblings: (a, b) => ({ inbound: `${a}\n${b}` }),
  "choose branches": (a, b) => ({ inbound: `<choose>\n<when condition="@(true)">${a}</when>\n<otherwise>${b}</otherwise>\n</choose>` }),
  "top level, then nested": (a, b) => ({ inbound: `${a}\n<choose><when condition="@(false)">\n${b}</when></choose>` }),
  "document, then fragment": (a, b) => ({ inbound: `${a}\n<include-fragment fragment-id="limits" />`, fragment: `<fragment>\n${b}\n</fragment>` }),
};

describe("rate-limit and quota: once per policy definition", () => {
  for (const [layout, make] of Object.entries(LAYOUTS))
    it(`${layout}: a second rate-limit or quota is APIMC2019 at the second; other pairs compile`, () => {
      for (const [a, b] of pairs) {
        const parts = make(LIMIT_POLICIES[a]!, LIMIT_POLICIES[b]!);
        const xml = doc({ inbound: parts.inbound });
        const fragmentSource = parts.fragment;
        const r = compile(xml, { file: "doc.xml", fragments: fragmentSource ? (id) => (id === "limits" ? { file: "limits.xml", source: fragmentSource } : null) : undefined });
        const got = errorsOf(r.diagnostics).filter((d) => d.code === "APIMC2019").map((d) => ({ file: d.file, line: d.line, column: d.column }));
        const expected: { file: string; line: number; column: number }[] = [];
        if (a === b && ONCE.has(a)) {
          const [file, text] = fragmentSource ? ["limits.xml", fragmentSource] : ["doc.xml", xml];
          const at = text.lastIndexOf(`<${b} `);
          expected.push({ file, ...new LineMap(text).position(at) });
        }
        expect({ pair: [a, b], got }).toEqual({ pair: [a, b], got: expected });
        if (expected.length === 0) expect({ pair: [a, b], errors: errorsOf(r.diagnostics) }).toEqual({ pair: [a, b], errors: [] });
      }
    });

  it("names the first one in the message", () => {
    const xml = doc({ inbound: `\n<rate-limit calls="1" renewal-period="1" />\n<rate-limit calls="2" renewal-period="2" />` });
    const d = errorsOf(compile(xml).diagnostics);
    expect(d.map((x) => `${x.code} ${x.line}:${x.column} ${x.message}`)).toEqual(["APIMC2019 3:1 <rate-limit> can be used only once per policy definition; the first is at line 2."]);
  });

  it("each scope's document is its own definition: one per scope at every scope compiles, for every pair", () => {
    const dir = mkdtempSync(join(tmpdir(), "apimc-once-"));
    const write = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, ".."), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    for (const [a, b] of pairs) {
      // rate-limit's scopes are product, API and operation; quota's is product: the pair is put at product and API, and at API and operation.
      write("global.xml", `<policies><inbound><base/></inbound></policies>`);
      write("product.xml", `<policies><inbound><base/>${LIMIT_POLICIES[a]}</inbound></policies>`);
      write("api.xml", `<policies><inbound><base/>${LIMIT_POLICIES[b]}</inbound></policies>`);
      write("op.xml", `<policies><inbound><base/>${LIMIT_POLICIES[a]}</inbound></policies>`);
      write(
        "gateway.json",
        JSON.stringify({
          policy: "global.xml",
          products: [{ id: "p", policy: "product.xml", apis: ["x"] }],
          apis: [{ id: "x", path: "/x", serviceUrl: "http://127.0.0.1:9", policy: "api.xml", operations: [{ id: "o", method: "GET", urlTemplate: "/o", policy: "op.xml" }] }],
        }),
      );
      const build = buildGateway(loadGatewayConfig(join(dir, "gateway.json")), "function");
      expect({ pair: [a, b], errors: errorsOf(build.diagnostics), ok: build.ok }).toEqual({ pair: [a, b], errors: [], ok: true });
    }
  });
});

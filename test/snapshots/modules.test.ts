// Emitted modules for a curated set of policies, reviewed like code: a change to the generator
// shows up here as a diff of the module text.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compile } from "../../compiler/index.js";

const corpus = (p: string) => readFileSync(new URL(`../corpus/data/${p}`, import.meta.url), "utf8");
const example = (p: string) => readFileSync(new URL(`../../examples/${p}`, import.meta.url), "utf8");

const CASES: Record<string, { source: string; namedValues?: Record<string, string>; allowSnippets?: boolean }> = {
  "literal-headers": {
    source: `<policies>
  <inbound>
    <set-header name="X-A" exists-action="override"><value>1</value><value>2</value></set-header>
    <set-header name="X-B" exists-action="skip"><value>b</value></set-header>
    <set-header name="X-C" exists-action="append"><value>c</value></set-header>
    <set-header name="X-D" exists-action="delete" />
  </inbound>
  <backend><base /></backend>
  <outbound><set-status code="202" reason="Accepted" /></outbound>
</policies>`,
  },
  "send-request-reference": { source: corpus("docs/send-request/01.xml"), allowSnippets: true },
  "send-one-way-request-reference": { source: corpus("docs/send-one-way-request/01.xml"), allowSnippets: true },
  "token-check-example": { source: example("token-check.xml"), namedValues: { "token-server": "http://127.0.0.1:9999" } },
  "alerts-example": { source: example("alerts.xml"), namedValues: { webhook: "http://127.0.0.1:9998" } },
};

describe("emitted modules", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const r = compile(c.source, { file: `${name}.xml`, namedValues: c.namedValues, allowSnippets: c.allowSnippets });
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      await expect(r.code!.replace(/hash: "[0-9a-f]+"/, 'hash: "…"')).toMatchFileSnapshot(`__snapshots__/${name}.mjs`);
    });
  }
});

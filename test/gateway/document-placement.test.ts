// Which document may be used where, as a gateway build sees it: every kind of policy document at
// every place gateway.json can name one (global, product, API, operation policy; a GraphQL field
// resolver; a fragment included from a policy). A document whose root does not belong where it is
// used is an error at its root (APIMC1004) saying where it belongs; a data source anywhere but a
// resolver's root or set-graphql-resolver is APIMC2006. None may compile silently into something else
// (a resolver document used to compile as an inbound snippet calling its data source on every request).
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGatewayConfig } from "../../gateway/config.js";
import { buildGateway } from "../../gateway/build.js";
import { compile } from "../../compiler/index.js";

const DATA_SOURCE = `<http-data-source>\n  <http-request>\n    <set-method>GET</set-method>\n    <set-url>http://127.0.0.1:1/users</set-url>\n  </http-request>\n</http-data-source>\n`;
const sections = (inner: Partial<Record<"inbound" | "backend" | "outbound" | "on-error", string>>) =>
  `<policies>\n${(["inbound", "backend", "outbound", "on-error"] as const).map((s) => `  <${s}>\n    <base />${inner[s] ? `\n    ${inner[s]}` : ""}\n  </${s}>`).join("\n")}\n</policies>\n`;

/** Each kind of document, and where its problem (if any) is reported: [line, column] of the root or the misplaced element. */
const DOCUMENTS = {
  policies: sections({ inbound: `<set-header name="X-A" exists-action="override"><value>1</value></set-header>` }),
  resolver: DATA_SOURCE,
  fragment: `<fragment>\n  <set-header name="X-A" exists-action="override"><value>1</value></set-header>\n</fragment>\n`,
  "sql resolver": `<sql-data-source>\n  <connection-info><connection-string>x</connection-string></connection-info>\n  <request><sql-statement>SELECT 1</sql-statement></request>\n</sql-data-source>\n`,
  "data source in inbound": sections({ inbound: DATA_SOURCE.replace(/\n/g, " ") }),
  "data source in backend": sections({ backend: DATA_SOURCE.replace(/\n/g, " ") }),
  "data source in outbound": sections({ outbound: DATA_SOURCE.replace(/\n/g, " ") }),
  "data source in on-error": sections({ "on-error": DATA_SOURCE.replace(/\n/g, " ") }),
  "include of a fragment holding a data source": sections({ inbound: `<include-fragment fragment-id="ds" />` }),
} as const;
type DocName = keyof typeof DOCUMENTS;
type Place = "global" | "product" | "api" | "operation" | "resolver";
const PLACES: Place[] = ["global", "product", "api", "operation", "resolver"];

/** What a build reports for a document at a place: "ok", or "CODE@file:line:column" of each error. */
function expected(doc: DocName, place: Place): string {
  const file = doc === "include of a fragment holding a data source" ? "fragments/ds.xml" : "doc.xml";
  const at = (code: string, line: number, column: number) => `${code}@${file}:${line}:${column}`;
  const policyPlace = place !== "resolver";
  switch (doc) {
    case "policies":
      return policyPlace ? "ok" : at("APIMC1004", 1, 1);
    case "resolver":
      return policyPlace ? at("APIMC1004", 1, 1) : "ok";
    case "fragment":
      return at("APIMC1004", 1, 1);
    case "sql resolver":
      return policyPlace ? at("APIMC1004", 1, 1) : at("APIMC2015", 1, 1);
    case "include of a fragment holding a data source":
      // The fragment's own error, and the include's pointing at it.
      return policyPlace ? `APIMC2018@doc.xml:4:36 ${at("APIMC2006", 2, 3)}` : `APIMC1004@doc.xml:1:1`;
    default: {
      if (!policyPlace) return at("APIMC1004", 1, 1);
      const section = doc.replace("data source in ", "");
      const line = ["inbound", "backend", "outbound", "on-error"].indexOf(section) * 3 + 4;
      return at("APIMC2006", line, 5);
    }
  }
}

function buildWith(doc: DocName, place: Place): string {
  const dir = mkdtempSync(join(tmpdir(), "apimc-placement-"));
  mkdirSync(join(dir, "fragments"));
  writeFileSync(join(dir, "fragments", "ds.xml"), `<fragment>\n  ${DATA_SOURCE.replace(/\n/g, " ")}\n</fragment>\n`);
  writeFileSync(join(dir, "doc.xml"), DOCUMENTS[doc]);
  writeFileSync(join(dir, "schema.graphql"), "type Query { users: [String] }\n");
  const api: Record<string, unknown> = { id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1", operations: [{ id: "op", method: "GET", urlTemplate: "/x", ...(place === "operation" ? { policy: "doc.xml" } : {}) }] };
  if (place === "api") api.policy = "doc.xml";
  if (place === "resolver") {
    delete api.operations;
    api.graphql = { schema: "schema.graphql", resolvers: [{ type: "Query", field: "users", policy: "doc.xml" }] };
  }
  const config = {
    fragments: "fragments",
    ...(place === "global" ? { policy: "doc.xml" } : {}),
    apis: [api],
    products: [{ id: "p", apis: ["a"], ...(place === "product" ? { policy: "doc.xml" } : {}) }],
  };
  writeFileSync(join(dir, "gateway.json"), JSON.stringify(config));
  const b = buildGateway(loadGatewayConfig(join(dir, "gateway.json")), "function", "apimc/runtime", true);
  const errors = b.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return b.ok ? "ok" : "not ok without an error";
  return errors.map((d) => `${d.code}@${d.file.slice(dir.length + 1).split("\\").join("/")}:${d.line}:${d.column}`).join(" ");
}

describe("every document kind at every place a gateway build uses one", () => {
  const cases = (Object.keys(DOCUMENTS) as DocName[]).flatMap((doc) => PLACES.map((place) => [doc, place] as const));
  it.each(cases)("%s as the %s policy", (doc, place) => {
    expect(buildWith(doc, place)).toBe(expected(doc, place));
  });

  it("says where a resolver document belongs, and where a policy document belongs", () => {
    const dir = mkdtempSync(join(tmpdir(), "apimc-placement-msg-"));
    writeFileSync(join(dir, "r.xml"), DATA_SOURCE);
    writeFileSync(join(dir, "p.xml"), DOCUMENTS.policies);
    writeFileSync(join(dir, "schema.graphql"), "type Query { users: [String] }\n");
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [
      { id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1", policy: "r.xml" },
      { id: "g", path: "/g", serviceUrl: "http://127.0.0.1:1", graphql: { schema: "schema.graphql", resolvers: [{ type: "Query", field: "users", policy: "p.xml" }] } },
    ] }));
    const b = buildGateway(loadGatewayConfig(join(dir, "gateway.json")), "function", "apimc/runtime", true);
    const byFile = Object.fromEntries(b.diagnostics.map((d) => [d.file.slice(dir.length + 1), d.message]));
    expect(byFile["r.xml"]).toMatch(/root element of a api policy must be <policies>, not <http-data-source>/);
    expect(byFile["r.xml"]).toMatch(/graphql\.resolvers/);
    expect(byFile["r.xml"]).toMatch(/set-graphql-resolver/);
    expect(byFile["p.xml"]).toMatch(/root must be <http-data-source>.*not <policies>/);
    expect(byFile["p.xml"]).toMatch(/API's policy/);
  });
});

describe("standalone compiles take either kind of document", () => {
  const codes = (xml: string) => compile(xml, { file: "doc.xml", checkOnly: true }).diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
  it("a resolver document and a policy document compile; a data source in a section does not", () => {
    expect(codes(DATA_SOURCE)).toEqual([]);
    expect(codes(DOCUMENTS.policies)).toEqual([]);
    for (const s of ["inbound", "backend", "outbound", "on-error"] as const) expect(codes(DOCUMENTS[`data source in ${s}`])).toEqual([`APIMC2006@${["inbound", "backend", "outbound", "on-error"].indexOf(s) * 3 + 4}:5`]);
  });
});

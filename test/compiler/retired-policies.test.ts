// Policies APIM has retired or that need an Azure service get a diagnostic that says so and what to
// do, never a silent no-op: every name in the registry's RETIRED and AZURE_ONLY tables, at its position.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { AZURE_ONLY, RETIRED } from "../../compiler/policies/registry.js";

const at = (name: string) => compile(`<policies>\n  <inbound>\n    <${name} />\n  </inbound>\n  <backend><forward-request /></backend>\n  <outbound />\n</policies>`, { file: "p.xml" }).diagnostics;

describe("retired and Azure-only policies", () => {
  it.each([...RETIRED.keys()])("<%s>: APIMC2015 naming what replaces it", (name) => {
    const d = at(name);
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["APIMC2015", 3, 5]]);
    expect(d[0]!.message).toContain(RETIRED.get(name)!);
  });
  it("set-graphql-resolver points at http-data-source resolvers", () => expect(at("set-graphql-resolver")[0]!.message).toMatch(/http-data-source.*graphql\.resolvers/));
  it.each([...AZURE_ONLY.keys()].filter((n) => n !== "set-backend-service-dapr"))("<%s>: APIMC2014 naming the Azure service", (name) => {
    const d = at(name).filter((x) => x.severity === "error");
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["APIMC2014", 3, 5]]);
    expect(d[0]!.message).toContain(AZURE_ONLY.get(name)!);
  });
});

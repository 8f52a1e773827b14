// Policies apimc does not compile, for a reason, or that need an Azure service get a diagnostic that
// says so and what to do, never a silent no-op: every name in the registry's NOT_IMPLEMENTED_WHY and
// AZURE_ONLY tables, at its position.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { AZURE_ONLY, NOT_IMPLEMENTED_WHY } from "../../compiler/policies/registry.js";

const at = (name: string) => compile(`<policies>\n  <inbound>\n    <${name} />\n  </inbound>\n  <backend><forward-request /></backend>\n  <outbound />\n</policies>`, { file: "p.xml" }).diagnostics;

describe("policies not compiled for a reason, and Azure-only policies", () => {
  it.each([...NOT_IMPLEMENTED_WHY.keys()])("<%s>: APIMC2015 saying why and what to do instead", (name) => {
    const d = at(name);
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["APIMC2015", 3, 5]]);
    expect(d[0]!.message).toContain(NOT_IMPLEMENTED_WHY.get(name)!);
  });
  it("sql-data-source says it is not Azure-only and what to use meanwhile", () => expect(at("sql-data-source")[0]!.message).toMatch(/SQL Server.*not an Azure-only policy.*http-data-source/));
  it.each([...AZURE_ONLY.keys()].filter((n) => n !== "set-backend-service-dapr"))("<%s>: APIMC2014 naming the Azure service", (name) => {
    const d = at(name).filter((x) => x.severity === "error");
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["APIMC2014", 3, 5]]);
    expect(d[0]!.message).toContain(AZURE_ONLY.get(name)!);
  });
});

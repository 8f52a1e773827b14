// A specification the validation policies cannot use is reported with the specification file's
// line and column (through gateway/openapi.ts, which knows positions): an unresolvable $ref deep
// in a named schema, a pattern that is not a regular expression, a $ref outside the document.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { parseSpecification } from "../../gateway/openapi.js";
import { doc } from "./helpers.js";

const SPEC = (schema: string) => `openapi: 3.0.1
info:
  title: t
  version: "1"
paths:
  /x:
    post:
      operationId: op
      requestBody:
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/A"
      responses:
        "200":
          description: ok
components:
  schemas:
    A:
      type: object
      properties:
        inner:
${schema}
`;

function diagnose(schema: string) {
  const loaded = parseSpecification(SPEC(schema), "apis/x/specification.yaml");
  const o = loaded.operations[0]!;
  const xml = doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="100" size-exceeded-action="prevent" />` });
  const r = compile(xml, {
    file: "apis/x/policy.xml",
    apiSpecification: { file: loaded.file, version: loaded.version, document: loaded.document, locate: loaded.locate, operation: { operationId: o.operationId, method: o.method, urlTemplate: o.urlTemplate, pointer: o.pointer } },
  });
  return r.diagnostics.filter((d) => d.severity === "error");
}

describe("specification problems point into the specification file", () => {
  it.each([
    ["a $ref to no schema", `          $ref: "#/components/schemas/Nope"`, /names no schema in the specification\. \(apis\/x\/specification\.yaml:23:\d+, \/components\/schemas\/A\/properties\/inner\)/],
    ["a pattern that is not a regular expression", `          type: string\n          pattern: "(["`, /The pattern '\(\[' is not a regular expression ajv can use: .*\(apis\/x\/specification\.yaml:24:\d+, \/components\/schemas\/A\/properties\/inner\/pattern\)/],
    ["a $ref outside the document", `          $ref: "common.yaml#/Thing"`, /not local to the document.*\(apis\/x\/specification\.yaml:23:\d+,/],
  ])("%s", (_name, schema, message) => {
    const d = diagnose(schema);
    expect(d.map((x) => x.code)).toEqual(["APIMC2031"]);
    expect(d[0]!.file).toBe("apis/x/policy.xml");
    expect(d[0]!.message).toMatch(message);
  });
});

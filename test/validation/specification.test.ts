// Reading the specification: OpenAPI 2/3 schema conversion (nullable, x-nullable, $ref forms,
// boolean exclusive bounds, readOnly/writeOnly by direction, discriminator, type file), operation
// lookup; diagnostics for a validation policy without a specification or with one it cannot use;
// and hostile text in a specification (property names, patterns, enums, names) staying data: the
// module verifies with acorn and runs without executing it.
import { describe, expect, it } from "vitest";
import * as acorn from "acorn";
import { compile } from "../../compiler/index.js";
import { operationContract, specificationSource } from "../../compiler/validation/openapi.js";
import { verifyModule } from "../../compiler/verify.js";
import { runPolicy } from "../../gateway/testing.js";
import { diagnosticsOf, doc, SPECS, spec } from "./helpers.js";

const v3 = (schemas: Record<string, unknown>, body: unknown, response?: unknown) => ({
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  paths: {
    "/x": {
      post: {
        operationId: "op",
        requestBody: { content: { "application/json": { schema: body } } },
        responses: { "200": { description: "ok", content: { "application/json": { schema: response ?? body } } } },
      },
    },
  },
  components: { schemas },
});

describe("OpenAPI to JSON Schema", () => {
  it("nullable, boolean exclusive bounds, discriminator and OpenAPI-only keywords", () => {
    const c = operationContract({
      document: v3({ A: { type: "object", discriminator: { propertyName: "k" }, example: { k: 1 }, "x-extra": 1, properties: { n: { type: "integer", nullable: true, minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }, e: { type: "string", enum: ["a"], nullable: true } } } }, { $ref: "#/components/schemas/A" }),
    });
    expect(c.requestContent["application/json"]).toMatchObject({ definition: "A", schema: { $ref: "#/definitions/A" } });
    expect(c.definitions.A).toEqual({ type: "object", properties: { n: { type: ["integer", "null"], exclusiveMinimum: 1, maximum: 9 }, e: { type: ["string", "null"], enum: ["a", null] } } });
  });

  it("readOnly properties are not required in requests, writeOnly ones not in responses (one definition per direction)", () => {
    const A = { type: "object", required: ["id", "password", "name"], properties: { id: { type: "integer", readOnly: true }, password: { type: "string", writeOnly: true }, name: { type: "string" } } };
    const c = operationContract({ document: v3({ A }, { $ref: "#/components/schemas/A" }) });
    expect((c.definitions.A as { required: string[] }).required).toEqual(["password", "name"]);
    expect((c.definitions["A~response"] as { required: string[] }).required).toEqual(["id", "name"]);
    expect(c.responses["200"]!.content["application/json"]!.schema).toEqual({ $ref: "#/definitions/A~0response" });
  });

  it("OpenAPI 2: body parameter for every consumes type, x-nullable, type file, inline parameter schemas", () => {
    const c = operationContract({
      document: {
        swagger: "2.0",
        info: { title: "t", version: "1" },
        consumes: ["application/json", "application/hal+json"],
        paths: { "/x": { post: { operationId: "op", parameters: [{ in: "body", name: "b", schema: { type: "object", properties: { f: { type: "file" }, s: { type: "string", "x-nullable": true } } } }, { in: "query", name: "q", type: "array", collectionFormat: "ssv", items: { type: "integer" } }], responses: { "200": { description: "ok" } } } } },
      },
    });
    expect(Object.keys(c.requestContent)).toEqual(["application/json", "application/hal+json"]);
    expect(c.requestContent["application/json"]!.schema).toEqual({ type: "object", properties: { f: {}, s: { type: ["string", "null"] } } });
    expect(c.parameters).toEqual([{ in: "query", name: "q", required: false, schema: { type: "array", items: { type: "integer" } }, style: "spaceDelimited", explode: false, definition: "opq" }]);
  });

  it("finds operations by operationId or method and path; says what is missing", () => {
    for (const s of SPECS) {
      expect(operationContract(spec(s, "getPet")).path).toBe(`${s.base}/{petId}`);
      expect(operationContract({ document: s.document, operation: { method: "post", path: s.base } }).operationId).toBe("createPet");
      expect(() => operationContract(spec(s, "nope"))).toThrow(/No operation has operationId 'nope'/);
      expect(() => operationContract({ document: s.document })).toThrow(/has 3 operations; name the one/);
    }
    expect(() => operationContract({ document: { openapi: "2.0" } })).toThrow(/neither OpenAPI 2\.0/);
  });
});

describe("diagnostics", () => {
  const policies = [
    ["inbound", `<validate-content unspecified-content-type-action="prevent" max-size="100" size-exceeded-action="prevent" />`],
    ["inbound", `<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" />`],
    ["outbound", `<validate-status-code unspecified-status-code-action="prevent" />`],
  ] as const;

  it.each(policies)("%s %s without a specification: APIMC2030 at the element", (section, p) => {
    const xml = doc({ [section]: `\n    ${p}` });
    const d = diagnosticsOf(xml).filter((x) => x.severity === "error");
    expect(d.map((x) => [x.code, x.line, x.column])).toEqual([["APIMC2030", 1 + 1, 5]]);
    expect(d[0]!.message).toMatch(/compiled without one: give the API a specification/);
  });

  it.each(policies)("%s %s with a specification it cannot use: APIMC2031 naming the file and why", (section, p) => {
    const d = diagnosticsOf(doc({ [section]: p }), { document: SPECS[0]!.document, file: "apis/pets/specification.yaml", operation: { operationId: "missing" } }).filter((x) => x.severity === "error");
    expect(d.map((x) => x.code)).toEqual(["APIMC2031"]);
    expect(d[0]!.message).toMatch(/apis\/pets\/specification\.yaml cannot be used: the module's operation is not one of the specification's operations/);
  });

  it("a schema ajv cannot compile, an unresolvable $ref, an external $ref: APIMC2031", () => {
    const xml = doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="100" size-exceeded-action="prevent" />` });
    const bad = [
      [v3({}, { type: "string", pattern: "([" }), /The pattern '\(\[' is not a regular expression ajv can use/],
      [v3({}, { type: "strnig" }), /the schema of the request body \(application\/json\) in s\.yaml cannot be compiled: schema is invalid/],
      [v3({}, { $ref: "#/components/schemas/Nope" }), /names no schema/],
      [v3({}, { $ref: "other.yaml#/Pet" }), /not local to the document/],
    ] as const;
    for (const [document, message] of bad) {
      const d = diagnosticsOf(xml, { document, file: "s.yaml" }).filter((x) => x.severity === "error");
      expect(d.map((x) => x.code)).toEqual(["APIMC2031"]);
      expect(d[0]!.message).toMatch(message);
    }
  });

  it("attribute errors: max-size over 100 KB, validate-as xml without XML schemas, an unknown schema-id, bad status code, unknown children", () => {
    const s = spec(SPECS[0]!, "createPet");
    const codes = (inner: string, section: "inbound" | "outbound" = "inbound") => diagnosticsOf(doc({ [section]: inner }), s).filter((x) => x.severity === "error").map((x) => x.code);
    expect(codes(`<validate-content unspecified-content-type-action="prevent" max-size="102401" size-exceeded-action="prevent" />`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-content unspecified-content-type-action="prevent" max-size="10" size-exceeded-action="prevent"><content validate-as="xml" action="prevent" /></validate-content>`)).toEqual(["APIMC2030"]);
    expect(codes(`<validate-content unspecified-content-type-action="prevent" max-size="10" size-exceeded-action="prevent"><content validate-as="json" schema-id="s" action="prevent" /></validate-content>`)).toEqual(["APIMC2032"]);
    expect(codes(`<validate-content unspecified-content-type-action="block" max-size="10" size-exceeded-action="prevent" />`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-status-code unspecified-status-code-action="prevent"><status-code code="99" action="ignore" /></validate-status-code>`, "outbound")).toEqual(["APIMC2008"]);
    expect(codes(`<validate-status-code unspecified-status-code-action="prevent"><code value="1" /></validate-status-code>`, "outbound")).toEqual(["APIMC2009"]);
    expect(codes(`<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent"><path unspecified-parameter-action="prevent" /></validate-parameters>`)).toEqual(["APIMC2003"]);
    expect(codes(`<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" />`, "outbound")).toEqual(["APIMC2006"]);
    expect(codes(`<validate-status-code unspecified-status-code-action="prevent" />`)).toEqual(["APIMC2006"]);
  });
});

describe("hostile text in a specification stays data", () => {
  const evil = '"); globalThis.__pwned = 1; ("';
  const hostile = v3(
    {
      [`X${evil}`]: { type: "object", required: [evil], properties: { [evil]: { type: "string", pattern: `^${evil.replace(/[()]/g, "\\$&")}$`, enum: [evil, "`${globalThis.__pwned=2}`"] }, "__proto__": { type: "string", description: "*/ globalThis.__pwned = 3; /*" } } },
    },
    { $ref: `#/components/schemas/${encodeURIComponent(`X${evil}`)}` },
  );

  it("the module verifies and validating runs no injected code", async () => {
    const xml = doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" errors-variable-name="errs"><content type="application/json" validate-as="json" action="detect" /></validate-content>` });
    const r = compile(xml, { apiSpecification: specificationSource({ document: hostile }) });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(verifyModule(r.code!).ok).toBe(true);
    // The hostile text is only ever inside string literals: no identifier of it in the program.
    const names: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== "object") return;
      const node = n as Record<string, unknown>;
      if (node.type === "Identifier") names.push(String(node.name));
      for (const [k, v] of Object.entries(node)) if (k !== "type") walk(v);
    };
    walk(acorn.parse(r.code!, { ecmaVersion: 2022, sourceType: "module" }));
    expect(names.filter((x) => x === "globalThis" || x === "__pwned")).toEqual([]);
    expect(r.code).toContain('definition: "X\\"); globalThis.__pwned = 1; (\\""');
    const run = await runPolicy(xml, { specification: { document: hostile }, request: { method: "POST", url: "/x", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ [evil]: "no" }) } });
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    expect(String(run.variables.errs)).toMatch(/Value \\"no\\" is not defined in enum/);
    const ok = await runPolicy(xml, { specification: { document: hostile }, request: { method: "POST", url: "/x", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ [evil]: evil }) } });
    expect(ok.variables).not.toHaveProperty("errs");
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });
});

describe("ajv's shared instance", () => {
  it("keeps no compiled schema after a validator is made (hot reloads leave nothing behind)", async () => {
    const { ajvInstance, compileSchema } = await import("../../runtime/validation/schema.js");
    const cache = () => (ajvInstance() as unknown as { _cache: Map<unknown, unknown> })._cache.size;
    compileSchema({ schema: { type: "string" }, definitions: {} });
    const before = cache();
    for (let i = 0; i < 50; i++) {
      const v = compileSchema({ schema: { $ref: "#/definitions/A" }, definitions: { A: { type: "object", required: [`p${i}`], properties: { next: { $ref: "#/definitions/A" } } } } });
      expect(v({ [`p${i}`]: 1 })).toBe(true);
      expect(v({})).toBe(false);
    }
    expect(cache()).toBe(before);
  });
});

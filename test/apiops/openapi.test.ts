// gateway/openapi.ts: operations from OpenAPI 2.0 and 3.x documents in YAML and JSON, and the file
// position of any JSON pointer. One model of an API is written in the four forms (2.0/3.x × JSON/YAML)
// and each must give the same operations; positions are checked against where the writer put each
// value; broken documents give their stable code at the line of the problem.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { defaultOperationName, loadSpecification, parseSpecification, resolvePointer, SpecificationError } from "../../gateway/openapi.js";

interface ModelOp {
  path: string;
  method: string;
  operationId?: string;
  query?: { name: string; required: boolean }[];
}
const MODEL: ModelOp[] = [
  { path: "/items", method: "get", operationId: "listItems", query: [{ name: "top", required: false }] },
  { path: "/items", method: "post", operationId: "createItem" },
  { path: "/items/{id}", method: "get", operationId: "getItem" },
  { path: "/items/{id}", method: "delete" },
  { path: "/search", method: "get", operationId: "search", query: [{ name: "q", required: true }, { name: "page", required: false }] },
  { path: "/a/{b}/c.{ext}", method: "patch", operationId: "odd" },
];

function document(version: "2.0" | "3.0.1" | "3.1.0"): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of MODEL) {
    const item = (paths[op.path] ??= {});
    const pathParams = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const schema = (t: string) => (version === "2.0" ? { type: t } : { schema: { type: t } });
    const parameters = [
      ...pathParams.map((name) => ({ name, in: "path", required: true, ...schema("string") })),
      ...(op.query ?? []).map((q) => ({ name: q.name, in: "query", required: q.required, ...schema("string") })),
    ];
    item[op.method] = { ...(op.operationId ? { operationId: op.operationId } : {}), ...(parameters.length ? { parameters } : {}), responses: { "200": { description: "OK" } } };
  }
  return version === "2.0" ? { swagger: "2.0", info: { title: "Items", version: "1" }, paths } : { openapi: version, info: { title: "Items", version: "1" }, paths };
}

const expected = MODEL.map((op) => {
  const required = (op.query ?? []).filter((q) => q.required);
  return {
    operationId: op.operationId ?? defaultOperationName(op.method, op.path),
    method: op.method.toUpperCase(),
    urlTemplate: op.path + (required.length ? `?${required.map((q) => `${q.name}={${q.name}}`).join("&")}` : ""),
  };
});

const dir = mkdtempSync(join(tmpdir(), "apimc-openapi-"));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe("operations from a specification", () => {
  for (const version of ["2.0", "3.0.1", "3.1.0"] as const)
    for (const form of ["json", "yaml", "json-tabs", "yaml-flow"] as const)
      it(`OpenAPI ${version} as ${form}`, () => {
        const doc = document(version);
        const text = form === "json" ? JSON.stringify(doc, null, 2) : form === "json-tabs" ? JSON.stringify(doc, null, "\t") : form === "yaml" ? stringify(doc) : stringify(doc, { collectionStyle: "flow" });
        const spec = loadSpecification(write(`spec-${version}-${form}.${form.startsWith("json") ? "json" : "yaml"}`, text));
        expect(spec.version).toBe(version);
        expect(spec.document).toEqual(doc);
        expect(spec.operations.map(({ operationId, method, urlTemplate }) => ({ operationId, method, urlTemplate }))).toEqual(expected);
        for (const op of spec.operations) {
          expect(resolvePointer(spec.document, op.pointer)).toBeTypeOf("object");
          // Each parameter's pointer names the parameter object itself.
          for (const p of op.parameters) expect(resolvePointer(spec.document, p.pointer)).toEqual(p.definition);
        }
      });

  it("the unnamed operation gets APIM's generated name", () => {
    expect(defaultOperationName("delete", "/items/{id}")).toBe("delete-items-id");
  });

  it("path-level parameters apply to every operation; an operation's own parameter of that name and place wins", () => {
    const spec = parseSpecification(
      stringify({
        openapi: "3.0.0",
        info: { title: "t", version: "1" },
        components: { parameters: { Tenant: { name: "tenant", in: "header", required: true, schema: { type: "string" } } } },
        paths: {
          "/t/{id}": {
            parameters: [{ name: "id", in: "path", schema: { type: "string" } }, { $ref: "#/components/parameters/Tenant" }],
            get: { operationId: "a", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }] },
            put: { operationId: "b" },
          },
        },
      }),
      "x.yaml",
    );
    const [a, b] = spec.operations;
    expect(a!.parameters.map((p) => [p.name, p.in, (p.definition.schema as { type: string }).type, p.pointer])).toEqual([
      ["tenant", "header", "string", "/components/parameters/Tenant"],
      ["id", "path", "integer", "/paths/~1t~1{id}/get/parameters/0"],
    ]);
    expect(b!.parameters.map((p) => [p.name, p.required])).toEqual([
      ["id", true],
      ["tenant", true],
    ]);
  });
});

describe("positions of JSON pointers", () => {
  // Every value of the document: its pointer must land on the line and column where the writer put it.
  const doc = document("3.0.1");
  const pointers: string[] = [];
  const walk = (v: unknown, p: string) => {
    pointers.push(p);
    if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  };
  walk(doc, "");
  for (const [form, text] of [
    ["json", JSON.stringify(doc, null, 2)],
    ["yaml", stringify(doc)],
  ] as const)
    it(`every pointer of a ${form} document is located at its value`, () => {
      const spec = parseSpecification(text, `pos.${form}`);
      const lines = text.split("\n");
      for (const p of pointers.slice(1)) {
        const { line, column, offset } = spec.locate(p);
        const at = lines[line - 1]!.slice(column - 1);
        const value = resolvePointer(doc, p);
        expect(lineOffset(lines, line) + column - 1, p).toBe(offset);
        if (typeof value === "string") expect(at.startsWith(form === "json" ? JSON.stringify(value) : value) || at.startsWith(`"${value}"`) || at.startsWith(`'${value}'`), `${p} at ${line}:${column}: ${at}`).toBe(true);
        else if (typeof value === "boolean" || typeof value === "number") expect(at.startsWith(String(value)), `${p}: ${at}`).toBe(true);
      }
    });

  it("a pointer to something missing lands on its nearest existing parent", () => {
    const text = "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /x:\n    get:\n      responses: {}\n";
    const spec = parseSpecification(text, "m.yaml");
    expect(spec.locate("/paths/~1x/get/requestBody/content")).toMatchObject({ line: 8, column: 7 });
    expect(spec.locate("/nothing")).toMatchObject({ line: 1, column: 1 });
  });
});

const lineOffset = (lines: string[], line: number) => lines.slice(0, line - 1).reduce((s, l) => s + l.length + 1, 0);

describe("specifications that cannot be used", () => {
  const problem = (name: string, text: string) => {
    try {
      loadSpecification(write(name, text));
    } catch (e) {
      expect(e).toBeInstanceOf(SpecificationError);
      const d = (e as SpecificationError).diagnostic;
      return { code: d.code, line: d.line, column: d.column, message: d.message };
    }
    throw new Error(`${name} loaded`);
  };

  it("a missing file", () => {
    expect(() => loadSpecification(join(dir, "nope.yaml"))).toThrow(/APIMC5001: Cannot read the API specification \(ENOENT\)/);
  });
  it("YAML that does not parse: the line of the mistake", () => {
    expect(problem("bad.yaml", "openapi: 3.0.0\ninfo:\n  title: [a, b\npaths: {}\n")).toMatchObject({ code: "APIMC5002", line: 4 });
    expect(problem("dup.yaml", "openapi: 3.0.0\npaths: {}\npaths: {}\n")).toMatchObject({ code: "APIMC5002", line: 3, column: 1 });
    expect(problem("tabs.yaml", "openapi: 3.0.0\npaths:\n\t/x: {}\n")).toMatchObject({ code: "APIMC5002", line: 3 });
  });
  it("JSON that does not parse: the line and column of the mistake", () => {
    expect(problem("bad.json", '{\n  "swagger": "2.0",\n  "paths": {,}\n}')).toMatchObject({ code: "APIMC5002", line: 3, column: 13 });
    expect(problem("trunc.json", '{\n  "swagger": "2.0"')).toMatchObject({ code: "APIMC5002", line: 2 });
  });
  it("not OpenAPI, or a version apimc does not read", () => {
    expect(problem("none.yaml", "info:\n  title: x\n")).toMatchObject({ code: "APIMC5003", line: 1 });
    expect(problem("list.json", "[1]")).toMatchObject({ code: "APIMC5003" });
    expect(problem("v1.json", '{"swagger": "1.2", "paths": {}}')).toMatchObject({ code: "APIMC5003", message: expect.stringContaining("Swagger 1.2") });
    expect(problem("v4.yaml", "openapi: 4.0.0\npaths: {}\n")).toMatchObject({ code: "APIMC5003", line: 1, column: 10 });
  });
  it("a broken operation or parameter: its line", () => {
    expect(problem("p.yaml", "openapi: 3.0.0\npaths:\n  items: {}\n")).toMatchObject({ code: "APIMC5003", line: 3, message: expect.stringContaining("'items' must start with '/'") });
    expect(problem("q.yaml", "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      parameters:\n        - in: query\n")).toMatchObject({ code: "APIMC5003", line: 6, message: "A parameter needs a `name`." });
    expect(problem("r.yaml", "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/Nope'\n")).toMatchObject({ code: "APIMC5003", line: 6, message: expect.stringContaining("'#/components/parameters/Nope'") });
  });
  it("two operations with one operationId: the second is reported, naming the first", () => {
    expect(problem("d.yaml", "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      operationId: same\n  /b:\n    get:\n      operationId: Same\n")).toMatchObject({
      code: "APIMC5004",
      line: 8,
      column: 20,
      message: expect.stringContaining("also the one of GET /a"),
    });
  });
});

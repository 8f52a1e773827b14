// Every diagnostic an APIOps folder can give (codes APIMC5001-5017), each from a valid folder with
// one thing broken the way it happens in a repository: its code, severity, file, line and column,
// and what the message tells to do. Also: a folder with problems reports all of them at once, and
// the rest of a folder with a warning is served.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ApiopsError, loadApiopsFolder, type ApiopsOptions } from "../../gateway/apiops.js";
import { buildGateway } from "../../gateway/build.js";
import type { Diagnostic } from "../../compiler/diagnostics.js";
import { policy, write, writeFolder, type ModelService } from "./folder.js";

const BASE = (): ModelService => ({
  apis: [
    {
      name: "orders",
      path: "orders",
      serviceUrl: "http://127.0.0.1:9/orders",
      openapi: "3.0.1",
      operations: [
        { operationId: "listOrders", method: "GET", path: "/orders" },
        { operationId: "getOrder", method: "GET", path: "/orders/{id}", policy: policy('<set-header name="x-greeting" exists-action="override"><value>{{greeting}}</value></set-header>') },
      ],
    },
    { name: "billing", path: "billing", serviceUrl: "http://127.0.0.1:9/billing", openapi: "2.0", operations: [{ operationId: "listInvoices", method: "GET", path: "/invoices" }] },
  ],
  products: [{ name: "starter", displayName: "Starter", apis: ["orders"] }],
  subscriptions: [{ name: "s1", displayName: "S1", scope: "/products/starter" }],
  namedValues: [{ folder: "greeting-folder", displayName: "greeting", value: "hi" }],
});

interface Found {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A fresh folder of BASE with `change` applied; every diagnostic of loading and building it. */
function problems(change: (root: string) => void, opts: ApiopsOptions & { check?: boolean } = {}): Found[] {
  const root = mkdtempSync(join(tmpdir(), "apimc-apiops-diag-"));
  writeFolder(root, BASE());
  change(root);
  let diags: Diagnostic[];
  try {
    diags = buildGateway(loadApiopsFolder(root, { env: {}, ...opts }), "function", undefined, opts.check ?? false).diagnostics;
  } catch (e) {
    if (!(e instanceof ApiopsError)) throw e;
    diags = e.diagnostics;
  }
  return diags.map((d) => ({ code: d.code, severity: d.severity, file: relative(root, d.file), line: d.line, column: d.column, message: d.message }));
}
const edit = (file: string, f: (text: string) => string) => writeFileSync(file, f(readFileSync(file, "utf8")));
const info = (root: string, api = "orders") => join(root, "apis", api, "apiInformation.json");
const setProps = (file: string, props: Record<string, unknown>) => edit(file, (t) => JSON.stringify({ properties: { ...JSON.parse(t).properties, ...props } }, null, 2));

describe("APIOps folder diagnostics", () => {
  it("a clean folder has none", () => {
    expect(problems(() => {})).toEqual([]);
  });

  it("APIMC5001: a specification that cannot be read", () => {
    expect(
      problems((r) => {
        rmSync(join(r, "apis/orders/specification.yaml"));
        mkdirSync(join(r, "apis/orders/specification.yaml"));
      }),
    ).toEqual([{ code: "APIMC5001", severity: "error", file: "apis/orders/specification.yaml", line: 1, column: 1, message: "Cannot read the API specification (EISDIR)." }]);
  });

  it("APIMC5002: YAML that does not parse, at its line", () => {
    const [d] = problems((r) => write(join(r, "apis/orders/specification.yaml"), "openapi: 3.0.1\ninfo:\n  title: [a, b\npaths: {}\n"));
    expect(d).toMatchObject({ code: "APIMC5002", file: "apis/orders/specification.yaml", line: 4, column: 1, message: expect.stringMatching(/^Not valid YAML: /) });
  });

  it("APIMC5003: a specification that is not OpenAPI 2.0 or 3.x", () => {
    const [d] = problems((r) => write(join(r, "apis/orders/specification.yaml"), "asyncapi: 2.6.0\nchannels: {}\n"));
    expect(d).toMatchObject({ code: "APIMC5003", file: "apis/orders/specification.yaml", line: 1, column: 1, message: expect.stringContaining("neither `swagger: \"2.0\"` nor `openapi: 3.x`") });
  });

  it("APIMC5004: two operations with one operationId, at the second", () => {
    const [d] = problems((r) => edit(join(r, "apis/orders/specification.yaml"), (t) => t.replace("operationId: getOrder", "operationId: listOrders")));
    expect(d).toMatchObject({ code: "APIMC5004", file: "apis/orders/specification.yaml", message: expect.stringContaining("'listOrders' is also the one of GET /orders") });
    expect(d!.line).toBeGreaterThan(1);
  });

  it("APIMC5005: a WADL API is left out with a warning; the rest is served", () => {
    const found = problems((r) => {
      setProps(info(r, "billing"), { type: "http" });
      write(join(r, "apis/billing/specification.wadl"), "<application/>");
    });
    expect(found).toEqual([
      { code: "APIMC5005", severity: "warning", file: "apis/billing/apiInformation.json", line: expect.any(Number), column: expect.any(Number), message: "The API 'billing' is an API described by specification.wadl; apimc serves HTTP APIs with an OpenAPI specification. It is left out." },
    ]);
  });

  it("APIMC5012 (warning): a SOAP API with its WSDL is served as one catch-all operation; its operation policies are not used", () => {
    const found = problems((r) => {
      setProps(info(r, "billing"), { type: "soap" });
      write(join(r, "apis/billing/specification.wsdl"), "<definitions/>");
      write(join(r, "apis/billing/operations/Pay/policy.xml"), "<policies><inbound><base /></inbound></policies>");
    });
    expect(found).toEqual([
      {
        code: "APIMC5012",
        severity: "warning",
        file: "apis/billing/specification.wsdl",
        line: 1,
        column: 1,
        message: `The API 'billing' is a SOAP API: apimc does not route its operations by SOAPAction, so every request under its path runs the API's policy (one catch-all operation); the operation policies (Pay) are not used. validate-content validate-as="soap" validates against the WSDL's schemas.`,
      },
    ]);
  });

  it("APIMC5010: an information file that is not JSON, at the mistake; a missing one", () => {
    const [bad] = problems((r) => write(info(r), '{\n  "properties": {\n    "path": "orders",\n  }\n}\n'));
    expect(bad).toMatchObject({ code: "APIMC5010", file: "apis/orders/apiInformation.json", line: 4, column: 3, message: expect.stringMatching(/^Not valid JSON/) });
    const [missing] = problems((r) => rmSync(info(r)));
    expect(missing).toMatchObject({ code: "APIMC5010", file: "apis/orders/apiInformation.json", line: 1, column: 1, message: "Cannot read the artifact (ENOENT)." });
  });

  it("APIMC5011: an information file without properties, or a property of the wrong type, at its line", () => {
    expect(problems((r) => write(info(r), '{\n  "path": "orders"\n}\n'))[0]).toMatchObject({ code: "APIMC5011", line: 1, column: 1, message: 'An information file is ARM JSON: { "properties": { ... } }.' });
    const [d] = problems((r) => write(info(r), '{\n  "properties": {\n    "displayName": "Orders",\n    "path": 42\n  }\n}\n'));
    expect(d).toMatchObject({ code: "APIMC5011", file: "apis/orders/apiInformation.json", line: 4, column: 13, message: "'properties.path' must be a string." });
    const [scheme] = problems((r) => write(join(r, "version sets/v/versionSetInformation.json"), '{ "properties": {\n  "versioningScheme": "Cookie" } }'));
    expect(scheme).toMatchObject({ code: "APIMC5011", file: "version sets/v/versionSetInformation.json", line: 2, column: 23, message: "'versioningScheme' is Segment, Header or Query, not 'Cookie'." });
  });

  it("APIMC5012: no specification: an error when operation policies cannot be placed, else a warning (catch-all)", () => {
    const [err] = problems((r) => rmSync(join(r, "apis/orders/specification.yaml")));
    expect(err).toMatchObject({ code: "APIMC5012", severity: "error", file: "apis/orders/operations/getOrder/policy.xml", line: 1, column: 1 });
    expect(err!.message).toContain("the operation policies (getOrder) cannot be placed");
    const [warn] = problems((r) => rmSync(join(r, "apis/billing/specification.yaml")));
    expect(warn).toMatchObject({ code: "APIMC5012", severity: "warning", file: "apis/billing/apiInformation.json", message: expect.stringContaining("one catch-all operation") });
  });

  it("APIMC5013: an operation folder that names no operationId, with the nearest", () => {
    const [d] = problems((r) => write(join(r, "apis/orders/operations/getOrdr/policy.xml"), policy("")));
    expect(d).toMatchObject({ code: "APIMC5013", file: "apis/orders/operations/getOrdr/policy.xml", line: 1, column: 1 });
    expect(d!.message).toBe("The folder 'operations/getOrdr' names no operation of the API's specification (apis/orders/specification.yaml): operation policies are matched by operationId (listOrders, getOrder). Did you mean 'getOrder'?");
  });

  it("APIMC5014: references to what the folder does not have", () => {
    expect(problems((r) => setProps(info(r), { apiVersionSetId: "/apiVersionSets/nope", apiVersion: "v1" }))[0]).toMatchObject({
      code: "APIMC5014",
      file: "apis/orders/apiInformation.json",
      message: "The version set 'nope' is not in the folder (no 'version sets/nope/versionSetInformation.json').",
    });
    expect(problems((r) => write(join(r, "products/starter/apis/ordrs/productApiInformation.json"), "{}"))[0]).toMatchObject({
      code: "APIMC5014",
      file: "products/starter/apis/ordrs/productApiInformation.json",
      message: "The product 'starter' lists the API 'ordrs', which is not in the folder (no apis/ordrs/apiInformation.json). Did you mean 'orders'?",
    });
    // The older layout: at the entry of apis.json.
    expect(problems((r) => write(join(r, "products/starter/apis.json"), '[\n  { "name": "orders" },\n  { "name": "ghost" }\n]\n'))[0]).toMatchObject({ code: "APIMC5014", file: "products/starter/apis.json", line: 3, column: 13 });
    expect(problems((r) => setProps(join(r, "subscriptions/s1/subscriptionInformation.json"), { scope: "/products/gold" }))[0]).toMatchObject({
      code: "APIMC5014",
      file: "subscriptions/s1/subscriptionInformation.json",
      message: expect.stringContaining("The subscription's product 'gold' is not in the folder"),
    });
  });

  it("APIMC5014 (warning): a value in the values file for a named value the folder does not have", () => {
    const root = mkdtempSync(join(tmpdir(), "apimc-apiops-values-"));
    const values = write(join(root, "values.json"), '{\n  "greeting": "hello",\n  "greting": "x"\n}\n');
    expect(problems(() => {}, { values }).map((d) => ({ ...d, file: d.file.replace(/^.*\//, "") }))).toEqual([
      { code: "APIMC5014", severity: "warning", file: "values.json", line: 3, column: 14, message: "The folder has no named value 'greting' (by display name or folder name); this value is not used. Did you mean 'greeting'?" },
    ]);
  });

  describe("APIMC5015: a secret or Key Vault named value a policy uses, without a value", () => {
    const secret = (r: string) => write(join(r, "named values/greeting-folder/namedValueInformation.json"), JSON.stringify({ properties: { displayName: "greeting", secret: true } }));
    const keyVault = (r: string) => write(join(r, "named values/greeting-folder/namedValueInformation.json"), JSON.stringify({ properties: { displayName: "greeting", keyVault: { secretIdentifier: "https://v.example/secrets/g" } } }));
    it("is an error at the policy's use of it, saying where to give the value", () => {
      for (const [make, why] of [
        [secret, "is secret (the extractor does not write secret values)"],
        [keyVault, "is a Key Vault reference"],
      ] as const) {
        const found = problems(make);
        expect(found).toEqual([
          {
            code: "APIMC5015",
            severity: "error",
            file: "apis/orders/operations/getOrder/policy.xml",
            line: 4,
            // The `{{` of `<value>{{greeting}}</value>`.
            column: 67,
            message: `The named value 'greeting' (named values/greeting-folder/namedValueInformation.json) ${why}: give its value in the --named-values file (key 'greeting') or in the environment variable APIMC_NAMED_VALUE_greeting.`,
          },
        ]);
      }
    });
    it("is a warning for check", () => {
      expect(problems(secret, { check: true })[0]).toMatchObject({ code: "APIMC5015", severity: "warning" });
    });
    it("is gone when the value is given: values file by display name or folder name, or environment", () => {
      const root = mkdtempSync(join(tmpdir(), "apimc-apiops-values-"));
      expect(problems(secret, { values: write(join(root, "a.json"), '{"greeting": {"value": "s3cret", "secret": true}}') })).toEqual([]);
      expect(problems(secret, { values: write(join(root, "b.json"), '{"greeting-folder": "s3cret"}') })).toEqual([]);
      expect(problems(keyVault, { env: { APIMC_NAMED_VALUE_greeting: "s3cret" } })).toEqual([]);
      expect(problems(keyVault, { env: { APIMC_NAMED_VALUE_GREETING: "s3cret" } })).toEqual([]);
    });
    it("a secret named value no policy uses may stay without a value", () => {
      expect(problems((r) => write(join(r, "named values/unused/namedValueInformation.json"), JSON.stringify({ properties: { displayName: "unused", secret: true } })))).toEqual([]);
    });
  });

  it("APIMC5016: two APIs on one path", () => {
    const [d] = problems((r) => setProps(info(r, "billing"), { path: "Orders/" }));
    expect(d).toMatchObject({ code: "APIMC5016", file: "apis/orders/apiInformation.json", line: 1, column: 1 });
    expect(d!.message).toBe("The API 'orders' answers the path '/orders' as the API 'billing' does; two APIs need different paths, or different versions of one version set.");
  });

  it("APIMC5017: two named values with one display name; two subscriptions with one key", () => {
    const [nv] = problems((r) => write(join(r, "named values/other/namedValueInformation.json"), '{\n  "properties": {\n    "displayName": "greeting",\n    "value": "x"\n  }\n}\n'));
    // Folders are read in name order: greeting-folder, then other.
    expect(nv).toMatchObject({ code: "APIMC5017", file: "named values/other/namedValueInformation.json", line: 3, column: 20, message: expect.stringContaining("also the one of named value 'greeting-folder'") });
    const root = mkdtempSync(join(tmpdir(), "apimc-apiops-values-"));
    const values = write(join(root, "v.json"), JSON.stringify({ $subscriptions: { s1: { primaryKey: "k" }, s2: { primaryKey: "k" } } }));
    const [key] = problems((r) => write(join(r, "subscriptions/s2/subscriptionInformation.json"), JSON.stringify({ properties: { displayName: "S2", scope: "/apis", state: "active" } })), { values });
    expect(key).toMatchObject({ code: "APIMC5017", file: "subscriptions/s2/subscriptionInformation.json", message: "The subscription 's2' was given a key the subscription 's1' has too; keys identify subscriptions." });
  });

  it("a folder with several problems reports every one of them", () => {
    const found = problems((r) => {
      write(join(r, "apis/orders/operations/nope/policy.xml"), policy(""));
      setProps(join(r, "subscriptions/s1/subscriptionInformation.json"), { scope: "/products/gold" });
      write(join(r, "backends/b/backendInformation.json"), '{ "properties": { "url": "not a url" } }');
    });
    expect(found.map((d) => d.code).sort()).toEqual(["APIMC5013", "APIMC5014", "APIMC5030"]);
  });
});

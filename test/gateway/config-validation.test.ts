// Configuration errors name the JSON path and what is wrong; named-value secrets are never printed.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { validateConfig, ConfigError } from "../../gateway/config.js";

const ok = { apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] };
const err = (c: unknown) => {
  try {
    validateConfig(c, "gateway.json");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("gateway configuration validation", () => {
  it("accepts a minimal configuration and the example one", () => {
    expect(validateConfig(ok, "g.json")).toBe(ok);
    expect(() => validateConfig(JSON.parse(readFileSync(new URL("../../examples/gateway.json", import.meta.url), "utf8")), "examples/gateway.json")).not.toThrow();
  });
  it("names the path of the problem", () => {
    expect(err({ apis: [] })).toBe("gateway.json: apis: must be a non-empty array of APIs");
    expect(err({ apis: [{ id: "a", path: "a", serviceUrl: "http://x" }] })).toContain("apis[0].path: must be empty or start with '/'");
    expect(err({ apis: [{ id: "a", path: "/a", serviceUrl: "ftp://x" }] })).toContain("apis[0].serviceUrl: must be an http(s) URL");
    expect(err({ ...ok, apiz: 1 })).toContain("apiz: unknown property");
    expect(err({ ...ok, subscriptions: [{ id: "s", primaryKey: "k", product: "nope" }] })).toContain("subscriptions[0].product: unknown product id 'nope'");
    expect(err({ apis: [{ ...ok.apis[0], operations: [{ id: "o", method: "get", urlTemplate: "/" }] }] })).toContain("apis[0].operations[0].method");
  });
  it("schemas map ids to files; an API's xmlSchemas is a file or a non-empty list of files", () => {
    expect(() => validateConfig({ ...ok, schemas: { a: "a.xsd", b: "b.json" }, apis: [{ ...ok.apis[0], xmlSchemas: ["x.xsd", "y.xsd"] }] }, "g.json")).not.toThrow();
    expect(err({ ...ok, schemas: { a: 1 } })).toContain("schemas.a: must be a schema file");
    expect(err({ ...ok, schemas: { a: " " } })).toContain("schemas.a: must be a schema file");
    expect(err({ ...ok, schemas: [] })).toContain("schemas");
    expect(err({ apis: [{ ...ok.apis[0], xmlSchemas: [] }] })).toContain("apis[0].xmlSchemas: must be a file (a WSDL or an XSD) or a non-empty array of XSD files");
    expect(err({ apis: [{ ...ok.apis[0], xmlSchemas: 5 }] })).toContain("apis[0].xmlSchemas");
  });
  it("certificates need exactly one of certFile and pfxFile", () => {
    expect(err({ ...ok, certificates: [{ id: "c" }] })).toContain("certificates[0]: needs exactly one of certFile and pfxFile");
    expect(err({ ...ok, certificates: [{ certFile: "a.pem", pfxFile: "a.pfx" }] })).toContain("needs exactly one");
  });
  it("never prints a named value", () => {
    const m = err({ ...ok, namedValues: { "bad name": "s3cret-value" } });
    expect(m).not.toContain("s3cret-value");
  });
  it("redact takes lists of query parameter and header names", () => {
    expect(() => validateConfig({ ...ok, redact: { queryParameters: ["sig", "code"], headers: ["X-Api-Secret"] } }, "g.json")).not.toThrow();
    expect(err({ ...ok, redact: { queryParameters: "sig" } })).toBe("gateway.json: redact.queryParameters: must be an array");
    expect(err({ ...ok, redact: { queryParameters: [""] } })).toBe("gateway.json: redact.queryParameters[0]: must be a query parameter name");
    expect(err({ ...ok, redact: { headers: ["bad header"] } })).toBe("gateway.json: redact.headers[0]: 'bad header' is not a valid header name");
    expect(err({ ...ok, redact: { cookies: [] } })).toContain("redact.cookies: unknown property");
  });
  it("state takes a redis:// URL (database number as the path), failMode open|closed, a timeout and a key prefix; a password is never printed", () => {
    expect(() => validateConfig({ ...ok, state: { redis: "redis://127.0.0.1:6379/2", failMode: "closed", timeoutMs: 100, keyPrefix: "x:" } }, "g.json")).not.toThrow();
    expect(() => validateConfig({ ...ok, state: { redis: "rediss://user:pw@cache.example.com:6380" } }, "g.json")).not.toThrow();
    expect(err({ ...ok, state: {} })).toContain("state.redis: is required");
    expect(err({ ...ok, state: { redis: "http://h:1" } })).toBe("gateway.json: state.redis: must be a redis:// or rediss:// URL, not http://");
    expect(err({ ...ok, state: { redis: "redis://h:1/db" } })).toContain("the path is the database number");
    expect(err({ ...ok, state: { redis: "redis://u:s3cret@h:1/x" } })).not.toContain("s3cret");
    expect(err({ ...ok, state: { redis: "redis://h:1", failMode: "retry" } })).toContain('state.failMode: must be "open"');
    expect(err({ ...ok, state: { redis: "redis://h:1", timeoutMs: 0 } })).toContain("state.timeoutMs");
    expect(err({ ...ok, state: { redis: "redis://h:1", url: "x" } })).toContain("state.url: unknown property");
  });
  it("workbench is a boolean", () => {
    expect(() => validateConfig({ ...ok, workbench: true }, "g.json")).not.toThrow();
    expect(err({ ...ok, workbench: "yes" })).toContain("workbench");
  });
  it("regex.matchTimeoutMs: a whole number of milliseconds from 0 to Int32.MaxValue - 1", () => {
    for (const bad of [-1, 1.5, "100", 2 ** 31 - 1, null]) expect(err({ ...ok, regex: { matchTimeoutMs: bad } })).toContain("regex.matchTimeoutMs: must be a whole number of milliseconds");
    expect(err({ ...ok, regex: { timeout: 5 } })).toContain("regex.timeout: unknown property");
    for (const good of [0, 1, 100, 2 ** 31 - 2]) expect(() => validateConfig({ ...ok, regex: { matchTimeoutMs: good } }, "g.json")).not.toThrow();
  });
  it("the JSON Schema lists the same top-level properties the validator accepts", () => {
    const schema = JSON.parse(readFileSync(new URL("../../gateway.schema.json", import.meta.url), "utf8"));
    expect(Object.keys(schema.properties).filter((k) => k !== "$schema").sort()).toEqual(
      ["admin", "apis", "backends", "certificates", "entraId", "fragments", "listen", "managedIdentity", "metrics", "maxBodyBytes", "namedValues", "policy", "products", "subscriptions", "trace", "redact", "state", "workbench", "loggers", "dapr", "regex", "schemas", "semanticCache"].sort(),
    );
  });
});

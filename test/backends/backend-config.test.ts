// Bad backends in gateway.json and in an APIOps folder: each mistake a user makes in a pool, a
// circuit breaker, credentials or TLS options gives its stable code, the file, the line and column
// of the value at fault, and a message that says what is expected. Good ones (APIM's documented
// examples, ARM's numbers-as-strings) load.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadGatewayConfig } from "../../gateway/config.js";
import { DiagnosticError } from "../../gateway/source-document.js";
import { ApiopsError, loadApiopsFolder } from "../../gateway/apiops.js";
import { isoDurationMs, retryAfterMs } from "../../runtime/backends/circuit-breaker.js";
import { policy, write, writeFolder } from "../apiops/folder.js";

const API = { id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9" };

/** Writes gateway.json with these backends (pretty-printed, as editors save it) and loads it. */
function load(backends: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "apimc-backend-config-"));
  const file = join(dir, "gateway.json");
  const text = JSON.stringify({ apis: [API], backends, ...extra }, null, 2);
  writeFileSync(file, text);
  return { file, text, run: () => loadGatewayConfig(file) };
}

/** The diagnostic loading gives; its line/column checked against where `needle` is in the file. */
function diagnosticOf(backends: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { run, text } = load(backends, extra);
  try {
    run();
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return { ...e.diagnostic, text };
  }
  throw new Error("loaded without a diagnostic");
}

/**
 * 1-based line and column of the first occurrence of `needle` (after `after`, if given); a needle
 * ending in `": ` or `[` (a key, an array) stands for the value that follows it.
 */
function position(text: string, needle: string, after = ""): { line: number; column: number } {
  let at = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (at < 0) throw new Error(`not in the file: ${needle}`);
  if (needle.endsWith('": ') || needle.endsWith("[")) for (at += needle.length; /\s/.test(text[at]!); ) at++;
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const rule = (fc: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ rules: [{ name: "r", failureCondition: { count: 3, interval: "PT1M", statusCodeRanges: [{ min: 500, max: 599 }], ...fc }, tripDuration: "PT1M", ...more }] });

describe("gateway.json backends: diagnostics", () => {
  // [case, backends, code, the text whose position the diagnostic points at, message fragment]
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    ["a pool member that is not a backend", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a" }, { id: "/backends/nope" }] } } }, "APIMC5031", '"/backends/nope"', "not a configured backend"],
    ["a pool in a pool", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a" }] } }, q: { type: "Pool", pool: { services: [{ id: "p" }] } } }, "APIMC5030", '"p"\n', "a pool itself"],
    ["a pool without services", { p: { type: "Pool" } }, "APIMC5030", '"p": ', 'needs "pool"'],
    ["a weight above 100", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a", weight: 101 }] } } }, "APIMC5030", "101", "'weight' is a whole number from 0 to 100"],
    ["a pool with a breaker", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a" }] }, circuitBreaker: rule({}) } }, "APIMC5030", '"circuitBreaker": ', "give it to its member backends"],
    ["a member twice", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a" }, { id: "a" }] } } }, "APIMC5030", '"a"\n          }\n        ]', "twice"],
    ["two breaker rules", { a: { url: "http://x", circuitBreaker: { rules: [rule({}).rules[0], rule({}).rules[0]] } } }, "APIMC5030", '"rules": ', "exactly one rule"],
    ["count and percentage", { a: { url: "http://x", circuitBreaker: rule({ percentage: 50 }) } }, "APIMC5030", '"failureCondition": ', "not both or neither"],
    ["an interval that is not ISO 8601", { a: { url: "http://x", circuitBreaker: rule({ interval: "1 minute" }) } }, "APIMC5030", '"1 minute"', "ISO 8601 duration"],
    ["a trip duration in years", { a: { url: "http://x", circuitBreaker: rule({}, { tripDuration: "P1Y" }) } }, "APIMC5030", '"P1Y"', "'tripDuration' is an ISO 8601 duration"],
    ["a status range upside down", { a: { url: "http://x", circuitBreaker: rule({ statusCodeRanges: [{ min: 599, max: 500 }] }) } }, "APIMC5030", '"statusCodeRanges": [', "200 <= min <= max <= 599"],
    ["acceptRetryAfter as a string", { a: { url: "http://x", circuitBreaker: rule({}, { acceptRetryAfter: "yes" }) } }, "APIMC5030", '"yes"', "true or false"],
    ["an unknown named value in a header credential", { a: { url: "http://x", credentials: { header: { "x-key": ["{{missing}}"] } } } }, "APIMC5031", '"{{missing}}"', "named value 'missing' is not configured"],
    ["a header credential that is a string, not an array", { a: { url: "http://x", credentials: { header: { "x-key": 5 } } } }, "APIMC5030", "5", "non-empty array of strings"],
    ["an authorization without a scheme", { a: { url: "http://x", credentials: { authorization: { parameter: "x" } } } }, "APIMC5030", '"authorization": ', "scheme"],
    ["two client certificates", { a: { url: "http://x", credentials: { certificate: ["AB", "CD"] } } }, "APIMC5030", '"credentials": ', "one client certificate"],
    ["tls with an unknown switch", { a: { url: "http://x", tls: { validateCertificate: false } } }, "APIMC5030", '"validateCertificate": ', "validateCertificateChain, validateCertificateName"],
    ["a backend without url", { a: { description: "x" } }, "APIMC5030", '"a": ', "needs 'url'"],
    ["a url that is not http(s)", { a: { url: "ftp://x" } }, "APIMC5030", '"ftp://x"', "absolute http(s) URL"],
    ["an unknown property", { a: { url: "http://x", proxies: {} } }, "APIMC5030", '"proxies": ', "Unknown backend property 'proxies'"],
    ["a proxy without url", { a: { url: "http://x", proxy: { username: "u" } } }, "APIMC5030", '"proxy": ', "'proxy' needs 'url'"],
    ["an https:// proxy", { a: { url: "http://x", proxy: { url: "https://proxy:8443" } } }, "APIMC5030", '"https://proxy:8443"', "must be an http:// URL"],
    ["a proxy that is not a URL", { a: { url: "http://x", proxy: { url: "proxy:3128" } } }, "APIMC5030", '"proxy:3128"', "must be an http:// URL"],
    ["an unknown proxy property", { a: { url: "http://x", proxy: { url: "http://p:3128", bypass: [] } } }, "APIMC5030", '"bypass": ', "Unknown proxy property 'bypass'"],
    ["a proxy password from an unknown named value", { a: { url: "http://x", proxy: { url: "http://p:3128", username: "u", password: "{{nope}}" } } }, "APIMC5031", '"{{nope}}"', "named value 'nope' is not configured"],
    ["a proxy on a pool", { a: { url: "http://x" }, p: { type: "Pool", pool: { services: [{ id: "a" }] }, proxy: { url: "http://p:3128" } } }, "APIMC5030", '"proxy": ', "give it to its member backends"],
  ];
  it.each(cases)("%s", (_, backends, code, needle, message) => {
    const d = diagnosticOf(backends, { namedValues: { known: "v" } });
    expect(d.code).toBe(code);
    expect(d.message).toContain(message);
    const want = position(d.text, needle, '"backends"');
    expect({ line: d.line, column: d.column }).toEqual(want);
  });

  it("APIM's documented examples load (ARM numbers as strings too), named values resolved", () => {
    const { run } = load(
      {
        "backend-1": { url: "https://one.example", protocol: "http", circuitBreaker: { rules: [{ failureCondition: { count: "3", errorReasons: ["Server errors"], interval: "PT1H", statusCodeRanges: [{ min: "500", max: "599" }] }, name: "myBreakerRule", tripDuration: "PT1H", acceptRetryAfter: true }] } },
        "backend-2": { url: "https://two.example", credentials: { header: { "x-functions-key": ["{{fn-key}}"] }, query: { code: ["{{fn-key}}"] }, authorization: { scheme: "Bearer", parameter: "{{token}}" } }, tls: { validateCertificateChain: true, validateCertificateName: false } },
        myBackendPool: { description: "Load balancer", type: "Pool", pool: { services: [{ id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.ApiManagement/service/m/backends/backend-1", priority: "1", weight: "3" }, { id: "/backends/backend-2", priority: 1, weight: 1 }] } },
      },
      { namedValues: { "fn-key": "k1", token: { value: "t0k", secret: true } } },
    );
    const loaded = run();
    const one = loaded.backends!.get("backend-1")!.entity;
    expect(one.breaker).toMatchObject({ count: 3, intervalMs: 3_600_000, tripMs: 3_600_000, acceptRetryAfter: true, statusRanges: [[500, 599]], errorReasons: null });
    const two = loaded.backends!.get("backend-2")!;
    expect(two.entity.credentials).toEqual({ headers: [["x-functions-key", ["k1"]]], query: [["code", ["k1"]]], authorization: "Bearer t0k" });
    expect(two.tlsValidation).toEqual({ chain: true, name: false });
    expect(loaded.backends!.get("myBackendPool")!.entity.pool).toEqual([
      { id: "backend-1", priority: 1, weight: 3 },
      { id: "backend-2", priority: 1, weight: 1 },
    ]);
  });
});

describe("APIOps backendInformation.json: diagnostics at the file's line and column", () => {
  it("a pool naming a missing backend, a breaker with a bad interval, and an unknown named value: all reported", () => {
    const root = mkdtempSync(join(tmpdir(), "apimc-apiops-backends-"));
    writeFolder(root, { apis: [{ name: "orders", path: "orders", serviceUrl: "http://127.0.0.1:9/orders", openapi: "3.0.1", operations: [{ operationId: "list", method: "GET", path: "/x", policy: policy("") }] }], namedValues: [{ folder: "k", displayName: "key", value: "v" }] });
    const pool = JSON.stringify({ properties: { type: "Pool", url: null, pool: { services: [{ id: "/backends/one", priority: 1 }, { id: "/backends/ghost" }] } } }, null, 2);
    const one = JSON.stringify({ properties: { url: "http://127.0.0.1:9", title: null, proxy: null, circuitBreaker: { rules: [{ name: "r", failureCondition: { count: 1, interval: "soon" }, tripDuration: "PT1M" }] }, credentials: { header: { "x-k": ["{{key}}", "{{nokey}}"] }, query: {}, certificate: [], certificateIds: [] }, tls: { validateCertificateChain: true, validateCertificateName: true } } }, null, 2);
    write(join(root, "backends/pool/backendInformation.json"), pool);
    write(join(root, "backends/one/backendInformation.json"), one);
    let diags: { code: string; file: string; line: number; column: number; message: string }[] = [];
    try {
      loadApiopsFolder(root, { env: {} });
    } catch (e) {
      if (!(e instanceof ApiopsError)) throw e;
      diags = e.diagnostics.map((d) => ({ code: d.code, file: relative(root, d.file), line: d.line, column: d.column, message: d.message }));
    }
    const at = (text: string, needle: string) => position(text, needle);
    expect(diags).toEqual(
      expect.arrayContaining([
        { code: "APIMC5031", file: "backends/pool/backendInformation.json", ...at(pool, '"/backends/ghost"'), message: expect.stringContaining("'/backends/ghost' is not a configured backend") },
        { code: "APIMC5030", file: "backends/one/backendInformation.json", ...at(one, '"soon"'), message: expect.stringContaining("'interval' is an ISO 8601 duration") },
        { code: "APIMC5031", file: "backends/one/backendInformation.json", ...at(one, '"{{nokey}}"'), message: expect.stringContaining("named value 'nokey'") },
      ]),
    );
    expect(diags).toHaveLength(3);
  });
});

describe("durations and Retry-After", () => {
  it.each([
    ["PT1H", 3_600_000],
    ["P1D", 86_400_000],
    ["PT0.5S", 500],
    ["P1DT2H30M", 95_400_000],
    ["P2W", 1_209_600_000],
    ["pt30s", 30_000],
  ])("%s is %i ms", (text, ms) => expect(isoDurationMs(text)).toBe(ms));
  it.each(["P", "PT", "1H", "P1Y", "P1M", "PT-1S", "", "00:01:00"])("%j is not a duration", (text) => expect(isoDurationMs(text)).toBeNull());
  it("Retry-After: delay-seconds and HTTP-date; anything else is ignored", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 00:00:30 GMT", now)).toBe(0);
    expect(retryAfterMs("-5", now)).toBeNull();
    expect(retryAfterMs("1.5", now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

// `apimc check|compile --format json|sarif` with the built CLI (dist/cli.js): one bad document per
// diagnostic code that can be triggered, all checked in one run. Each format must say exactly what the
// text format says (same diagnostics, same places), the SARIF log must have every field SARIF 2.1.0
// requires and point at the real file and column, and the exit code must not depend on the format.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Codes } from "../../compiler/diagnostics.js";

/** The compiler's and the gateway's TypeScript, to see which codes they emit. */
const compilerSources = ["compiler", "gateway"]
  .flatMap((dir) =>
    readdirSync(fileURLToPath(new URL(`../../${dir}/`, import.meta.url)), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith("diagnostics.ts"))
      .map((f) => readFileSync(fileURLToPath(new URL(`../../${dir}/${f}`, import.meta.url)), "utf8")),
  )
  .join("\n");
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version as string;

/** A policy with `inbound` in its inbound section (line 3, column 5). */
const P = (inbound: string) => `<policies>\n  <inbound>\n    ${inbound}\n  </inbound>\n  <backend><forward-request/></backend>\n  <outbound/>\n  <on-error/>\n</policies>\n`;
const v = (expr: string) => P(`<set-variable name="v" value="${expr}" />`);

/** One document per code; the code must be among its diagnostics. */
const BAD: Record<string, string> = {
  APIMC1001: `<policies>\n  <inbound>\n    <set-header name="a">\n  </inbound>\n</policies>\n`,
  APIMC1002: v("@(1 + "),
  APIMC1003: "",
  APIMC1004: `<set-header name="a"><value>1</value></set-header>`,
  APIMC1006: P(" ".repeat(300 * 1024)),
  APIMC2001: `<policies>\n  <inbund/>\n</policies>\n`,
  APIMC2002: P(`<set-heder name="X-A" />`),
  APIMC2003: P(`<set-header name="a" colour="red"><value>1</value></set-header>`),
  APIMC2004: P(`<set-variable value="1" />`),
  APIMC2005: P(`<choose></choose>`),
  APIMC2006: `<policies>\n  <inbound/>\n  <backend/>\n  <outbound>\n    <rewrite-uri template="/x" />\n  </outbound>\n</policies>\n`,
  APIMC2007: P(`<set-variable name="@(&quot;x&quot;)" value="1" />`),
  APIMC2008: P(`<set-status code="42" reason="x" />`),
  APIMC2009: P(`<set-header name="a"><value>1</value><bogus/></set-header>`),
  APIMC2010: P(`<choose>text<when condition="@(true)"/></choose>`),
  APIMC2011: `<policies>\n  <inbound/>\n  <inbound/>\n</policies>\n`,
  APIMC2012: P(`<set-header name="Content-Length" exists-action="override"><value>1</value></set-header>`),
  APIMC2013: v("@(1) b"),
  APIMC2014: P(`<send-service-bus-message queue-name="x"><payload>m</payload></send-service-bus-message>`),
  APIMC2015: P(`<sql-data-source/>`),
  APIMC2016: P(`<cors><allowed-origins><origin>*</origin></allowed-origins><allowed-origins><origin>*</origin></allowed-origins></cors>`),
  APIMC2017: P(`<set-header name="a"><value>{{nope}}</value></set-header>`), // a warning for check
  APIMC2018: P(`<include-fragment fragment-id="nope" />`),
  APIMC2019: P(`<rate-limit calls="1" renewal-period="60" />\n    <rate-limit calls="2" renewal-period="60" />`),
  APIMC2032: P(`<validate-content unspecified-content-type-action="prevent" max-size="100" size-exceeded-action="prevent"><content type="application/json" validate-as="json" schema-id="nope" action="prevent" /></validate-content>`),
  APIMC2030: P(`<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" />`),
  APIMC2022: `<policies>\n  <inbound/>\n  <backend>\n    <set-graphql-resolver parent-type="Query" field="users"><http-data-source><http-request><set-method>GET</set-method><set-url>http://x/</set-url></http-request></http-data-source></set-graphql-resolver>\n  </backend>\n</policies>\n`,
  // Without named values: the characters that mark secret named values (test/secrets covers the secret uses).
  APIMC2040: P(`<set-header name="X-A" exists-action="override"><value>a\uE0F0b</value></set-header>`),
  APIMC3001: v("@(1 +* 2)"),
  APIMC3002: v("@{ string? s = null; return s; }"),
  APIMC3003: v("@(nope)"),
  APIMC3004: v("@(context.Nope)"),
  APIMC3005: v("@(System.IO.File.ReadAllText(&quot;x&quot;))"),
  APIMC3006: v("@{ int x = &quot;a&quot;; return x; }"),
  APIMC3007: v("@{ var x = 1; }"),
  APIMC3008: v("@(&quot;a&quot;.Substring(1, 2, 3))"),
  APIMC3009: v("@(typeof(string))"),
  APIMC3010: v("@((int)&quot;a&quot;)"),
  APIMC3012: v("@{ var x = 1; var x = 2; return x; }"),
  APIMC3013: v("@(Math.Max((new sbyte[1])[0], (new ulong[1])[0]))"),
};
/** Codes no single document given to check/compile can produce, and why. */
const NOT_FROM_ONE_DOCUMENT: Record<string, string> = {
  APIMC1005: "reserved: not emitted",
  APIMC3011: "reserved: not emitted",
  APIMC2020: "needs an operation's URL template (gateway builds, runPolicy)",
  APIMC2021: "needs the backends of a gateway configuration",
  APIMC2031: "needs an API specification (gateway builds, runPolicy, the specification compile option)",
  APIMC4001: "serve --prebuilt",
  APIMC4002: "serve --prebuilt",
  APIMC4003: "serve --prebuilt",
  APIMC4004: "serve --prebuilt",
  APIMC4005: "serve --prebuilt",
  APIMC5001: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5002: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5003: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5004: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5005: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5010: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5011: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5012: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5013: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5014: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5015: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5016: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5017: "an OpenAPI specification or an APIOps folder (test/apiops/diagnostics.test.ts)",
  APIMC5030: "a backend in gateway.json or an APIOps folder (test/backends/backend-config.test.ts)",
  APIMC5031: "a backend in gateway.json or an APIOps folder (test/backends/backend-config.test.ts)",
  APIMC5032: "gateway.json listen.tls (test/backends/listen-tls.test.ts)",
  APIMC5040: "an XML schema (gateway.json schemas, an API's WSDL/XSD: test/validation/xsd-compile.test.ts)",
  APIMC5041: "an XML schema (gateway.json schemas, an API's WSDL/XSD: test/validation/xsd-compile.test.ts)",
  APIMC9001: "a compiler bug",
  APIMC9002: "a compiler bug",
};
const CLEAN = P(`<set-header name="X-A" exists-action="override"><value>1</value></set-header>`);

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

/** A project folder with the documents under policies/, run from the folder with relative paths (as CI does). */
function project() {
  const dir = mkdtempSync(join(tmpdir(), "apimc-formats-"));
  mkdirSync(join(dir, "policies"));
  mkdirSync(join(dir, "fragments"));
  const files = Object.entries(BAD).map(([code, text]) => {
    const rel = `policies/${code.toLowerCase()}.xml`;
    writeFileSync(join(dir, rel), text);
    return { code, rel };
  });
  writeFileSync(join(dir, "policies/clean.xml"), CLEAN);
  return { dir, files };
}
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });

/** `file:line:column - severity CODE: message` lines of the text format. */
function textDiagnostics(stderr: string): string[] {
  return stderr.split("\n").filter((l) => / - (error|warning) APIMC\d{4}: /.test(l));
}
const asText = (d: JsonDiagnostic) => `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`;

/** The fields SARIF 2.1.0 requires (and the ones code scanning reads), checked on the whole log. */
function assertSarifShape(log: any): void {
  expect(log.version).toBe("2.1.0");
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: "apimc", version: VERSION });
    expect(() => new URL(driver.informationUri)).not.toThrow();
    for (const rule of driver.rules) {
      expect(rule.id).toMatch(/^APIMC\d{4}$/);
      expect(typeof rule.shortDescription.text).toBe("string");
    }
    expect(run.columnKind).toBe("utf16CodeUnits");
    for (const inv of run.invocations) expect(typeof inv.executionSuccessful).toBe("boolean");
    for (const r of run.results) {
      expect(typeof r.message.text).toBe("string");
      expect(["error", "warning", "note", "none"]).toContain(r.level);
      expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations).toHaveLength(1);
      const loc = r.locations[0].physicalLocation;
      expect(typeof loc.artifactLocation.uri).toBe("string");
      expect(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1).toBe(true);
      expect(Number.isInteger(loc.region.startColumn) && loc.region.startColumn >= 1).toBe(true);
    }
  }
}

/** Resolves a SARIF artifact location to a file path (uriBaseId through originalUriBaseIds). */
function sarifPath(run: any, loc: { uri: string; uriBaseId?: string }): string {
  const base = loc.uriBaseId ? run.originalUriBaseIds[loc.uriBaseId].uri : undefined;
  return fileURLToPath(new URL(loc.uri, base));
}

describe("apimc check/compile --format json|sarif", () => {
  const { dir, files } = project();
  const args = ["check", ...files.map((f) => f.rel), "policies/clean.xml", "--fragments", "fragments"];
  const text = run(dir, ...args);
  const json = run(dir, ...args, "--format", "json");
  const sarif = run(dir, ...args, "--format", "sarif");

  it("has a document for every code of the table that one document can produce (a new code needs one here)", () => {
    for (const [name, code] of Object.entries(Codes)) {
      expect(code in BAD || code in NOT_FROM_ONE_DOCUMENT, `${name} (${code}): add a document that produces it to BAD`).toBe(true);
      // "Not emitted" must stay true: the compiler's sources never use it.
      if (NOT_FROM_ONE_DOCUMENT[code]?.startsWith("reserved")) expect(compilerSources, `${name} is emitted now: add a document to BAD`).not.toContain(`Codes.${name}`);
    }
  });

  it("finds every code of the table in its own document", () => {
    const report = JSON.parse(json.stdout);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const { code, rel } of files) expect(report.diagnostics.filter((d: JsonDiagnostic) => d.file === rel).map((d: JsonDiagnostic) => d.code), rel).toContain(code);
  });

  it("json says exactly what the text format says, per file, with counts and the same exit code", () => {
    expect(text.status).toBe(1);
    expect(json.status).toBe(1);
    expect(sarif.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.tool).toEqual({ name: "apimc", version: VERSION });
    expect(report.diagnostics.map(asText).sort()).toEqual(textDiagnostics(text.stderr).sort());
    // No text diagnostics mixed into stderr in the machine formats; the summary stays.
    expect(textDiagnostics(json.stderr)).toEqual([]);
    const okCount = report.files.filter((f: { ok: boolean }) => f.ok).length;
    expect(json.stderr).toContain(`${okCount} of ${files.length + 1} files compiled without errors`);
    for (const { code, rel } of files) {
      const hasError = report.diagnostics.some((d: JsonDiagnostic) => d.file === rel && d.severity === "error");
      expect(report.files.find((f: { file: string }) => f.file === rel), code).toEqual({ file: rel, ok: !hasError });
    }
    expect(report.files.find((f: { file: string }) => f.file === "policies/clean.xml")).toEqual({ file: "policies/clean.xml", ok: true });
    expect(report.errorCount).toBe(report.diagnostics.filter((d: JsonDiagnostic) => d.severity === "error").length);
    expect(report.warningCount).toBe(report.diagnostics.filter((d: JsonDiagnostic) => d.severity === "warning").length);
    expect(report.warningCount).toBeGreaterThan(0); // {{nope}} under check
  });

  it("sarif has the required structure, one rule per code of the table, and one result per diagnostic at the file's real line and column", () => {
    const log = JSON.parse(sarif.stdout);
    assertSarifShape(log);
    const [runLog] = log.runs;
    expect(runLog.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.values(Codes));
    const report = JSON.parse(json.stdout);
    expect(runLog.results).toHaveLength(report.diagnostics.length);
    expect(runLog.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    runLog.results.forEach((r: any, i: number) => {
      const d: JsonDiagnostic = report.diagnostics[i];
      expect(r).toMatchObject({ ruleId: d.code, level: d.severity, message: { text: d.message } });
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: d.file, uriBaseId: "SRCROOT" });
      const path = sarifPath(runLog, loc.artifactLocation);
      expect(path).toBe(join(dir, d.file));
      expect(loc.region).toEqual({ startLine: d.line, startColumn: d.column });
      // The region is inside the document (line and UTF-16 column exist).
      const lines = readFileSync(path, "utf8").split(/\r\n|\n|\r/);
      expect(lines.length).toBeGreaterThanOrEqual(d.line);
      expect(lines[d.line - 1]!.length + 1).toBeGreaterThanOrEqual(d.column);
    });
  });

  it("reports unreadable inputs and files outside the working directory in both formats", () => {
    const outside = mkdtempSync(join(tmpdir(), "apimc-formats-out-"));
    const abs = join(outside, "bad name.xml");
    writeFileSync(abs, BAD.APIMC2002!);
    const j = run(dir, "check", "missing.xml", abs, "--format", "json");
    expect(j.status).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report.files[0]).toMatchObject({ file: "missing.xml", ok: false, readError: expect.stringContaining("ENOENT") });
    expect(report.errorCount).toBe(2);
    const s = run(dir, "check", "missing.xml", abs, "--format", "sarif");
    expect(s.status).toBe(1);
    const log = JSON.parse(s.stdout);
    assertSarifShape(log);
    const [runLog] = log.runs;
    expect(runLog.invocations[0].executionSuccessful).toBe(false);
    expect(runLog.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: "error", message: { text: expect.stringContaining("missing.xml") } });
    const loc = runLog.results[0].locations[0].physicalLocation.artifactLocation;
    expect(loc.uri).toMatch(/^file:\/\//);
    expect(sarifPath(runLog, loc)).toBe(abs);
  });

  it("compile --format json writes the modules that compile and reports the same diagnostics; clean runs exit 0 with an empty list", () => {
    const out = join(dir, "out");
    const c = run(dir, "compile", "policies/clean.xml", "policies/apimc2002.xml", "--outdir", out, "--format", "json");
    expect(c.status).toBe(1);
    const report = JSON.parse(c.stdout);
    expect(report.files).toEqual([{ file: "policies/clean.xml", ok: true }, { file: "policies/apimc2002.xml", ok: false }]);
    expect(report.diagnostics.map((d: JsonDiagnostic) => d.code)).toEqual(["APIMC2002"]);
    expect(existsSync(join(out, "clean.mjs"))).toBe(true);
    expect(existsSync(join(out, "apimc2002.mjs"))).toBe(false);
    for (const format of ["json", "sarif"]) {
      const ok = run(dir, "check", "policies/clean.xml", "--format", format);
      expect(ok.status, format).toBe(0);
      const parsed = JSON.parse(ok.stdout);
      expect(format === "json" ? parsed.diagnostics : parsed.runs[0].results).toEqual([]);
    }
  });

  it("refuses an unknown format with a usage error (exit 2), and --version prints the package version", () => {
    const bad = run(dir, "check", "policies/clean.xml", "--format", "xml");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--format is text, json or sarif");
    expect(bad.stdout).toBe("");
    for (const flag of ["--version", "-v"]) {
      const r = run(dir, flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${VERSION}\n`);
    }
  });
});

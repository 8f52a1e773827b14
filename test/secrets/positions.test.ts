// Secret named values in every position a named value can take: the compiled module (both formats,
// with its source map) holds no form of the secret, and a request through a real backend behaves
// exactly as when the value is inlined (the plain named value): same backend requests, same response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, fragmentsFromDirectory } from "../../compiler/index.js";
import * as runtime from "../../runtime/index.js";
import { runPolicy, type RunPolicyResult } from "../../gateway/testing.js";
import { normalizeNamedValues, withNamedValues } from "../../runtime/named-values.js";
import type { PolicyModule } from "../../runtime/pipeline.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { FRAGMENTS, POSITIONS, findLeak, leakForms, makeSecrets, namedValues, requestOf, type Position } from "./positions.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const secrets = makeSecrets();
const SECRETS = [secrets.s, secrets.jwtkey];
let backend: TestServer;
let fragmentDir: string;

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.sendDate = false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body }));
  });
  fragmentDir = mkdtempSync(join(tmpdir(), "apimc-secret-frag-"));
  for (const [id, xml] of Object.entries(FRAGMENTS)) writeFileSync(join(fragmentDir, `${id}.xml`), xml);
});
afterAll(async () => {
  await backend.close();
  rmSync(fragmentDir, { recursive: true, force: true });
});

const xmlOf = (p: Position) => p.xml.replace(/BACKEND/g, backend.url);

/** One request through the position's policy; what the backend got and what the client got. */
async function run(p: Position, secret: boolean) {
  const xml = xmlOf(p);
  const nv = namedValues(secrets, secret);
  let policy: string | PolicyModule = xml;
  if (xml.includes("include-fragment")) {
    // runPolicy takes no fragments: compiled here, loaded the way the gateway loads modules.
    const r = compile(xml, { format: "function", namedValues: nv, fragments: fragmentsFromDirectory(fragmentDir) });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    policy = withNamedValues(normalizeNamedValues(nv), () => new Function("rt", r.code!)(runtime) as PolicyModule);
  }
  const before = backend.requests.length;
  const rq = requestOf(p, secrets);
  const r: RunPolicyResult = await runPolicy(policy, { namedValues: nv, backend: backend.url, request: { method: rq.method, url: rq.path, headers: rq.headers, body: rq.body } });
  const got = backend.requests.slice(before).map((q) => ({ method: q.method, url: q.url, headers: q.rawHeaders, body: q.body }));
  const plainVariables = Object.fromEntries(Object.entries(r.variables).filter(([, v]) => typeof v !== "object"));
  // Request ids differ between two runs.
  const body = r.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
  return { backend: got, status: r.status, reason: r.reason, headers: r.headers, body, variables: plainVariables, lastError: r.lastError };
}

describe("secret named values: every position, in process", () => {
  it.each(POSITIONS.map((p) => [p.id, p] as const))("%s: the module holds no form of the secret", (_, p) => {
    const fragments = fragmentsFromDirectory(fragmentDir);
    for (const format of ["esm", "function"] as const) {
      const r = compile(xmlOf(p), { format, sourceMap: true, namedValues: namedValues(secrets, true), fragments });
      expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
      expect(findLeak(r.code!, SECRETS)).toBeNull();
      expect(findLeak(JSON.stringify(r.map), SECRETS)).toBeNull();
      expect(findLeak(JSON.stringify(r.diagnostics), SECRETS)).toBeNull();
      // The value is read when the module loads, by name.
      expect(r.code).toMatch(/secretNamedValue\("(s|jwtkey|nested)"\)/);
      // The plain value is inlined (the old behaviour): the check above would have caught it. Build-time
      // folding may inline it computed ("{{s}}".ToUpper() becomes the upper-cased literal).
      const plain = compile(xmlOf(p), { format, namedValues: namedValues(secrets, false), fragments });
      const inlined = (code: string) => findLeak(code, SECRETS) ?? (code.includes(Buffer.from(`svc:${secrets.s}`).toString("base64")) || code.includes(secrets.s.toUpperCase()));
      if (p.id !== "not-nested") expect(inlined(plain.code!)).toBeTruthy();
    }
  });

  it.each(POSITIONS.map((p) => [p.id, p] as const))("%s: a request behaves as with the value inlined", async (_, p) => {
    const inlined = await run(p, false);
    const secret = await run(p, true);
    expect(secret).toEqual(inlined);
    // And the value did its job: the secret reached the backend or the client where the policy put it.
    const seen = JSON.stringify(secret);
    const expected: Record<string, (s: string) => boolean> = {
      "csharp-string": (s) => s.includes(secrets.s.toUpperCase()),
      "csharp-block": (s) => s.includes("sk|3"),
      "csharp-length-and-compare": (s) => s.includes(`${secrets.s.length}ne`),
      "authentication-basic-password": (s) => s.includes(Buffer.from(`svc:${secrets.s}`).toString("base64")),
      "authentication-basic-username": (s) => s.includes(Buffer.from(`${secrets.s}:pw`).toString("base64")),
      "check-header-fail": () => secret.status === 401,
      "choose-condition": (s) => s.includes('"X-Match","yes"') || /x-match","yes/i.test(s),
      "validate-jwt-key": () => secret.status === 200,
      "trace-message": (s) => s.includes("traced"),
      "not-nested": (s) => s.includes("{{plain}}"),
    };
    const check = expected[p.id] ?? ((s: string) => leakForms(secrets.s).some((f) => s.includes(f)));
    expect(check(seen)).toBe(true);
  });
});

describe("secret named values where they cannot stay text", () => {
  const nv = { s: { value: "S3cr3t-Value-9f8e7d", secret: true }, n: { value: "42", secret: true }, code: { value: "201", secret: true }, expr: { value: "@(1 + 1)", secret: true } };
  const cases: [string, string][] = [
    ["as C# code", `<set-variable name="v" value="@(1 + {{n}})" />`],
    ["as C# code in an interpolation hole", `<set-variable name="v" value="@($&quot;{ {{n}} }&quot;)" />`],
    ["as a header name", `<set-header name="X-{{s}}" exists-action="override"><value>v</value></set-header>`],
    ["as an integer attribute", `<return-response><set-status code="{{code}}" reason="x" /></return-response>`],
    ["as a value that becomes an expression", `<set-variable name="v" value="{{expr}}" />`],
    ["as a switch label (a constant)", `<set-variable name="v" value="@{ switch (context.Request.Method) { case &quot;{{s}}&quot;: return 1; default: return 2; } }" />`],
  ];
  it.each(cases)("%s: diagnostic APIMC2040 or a C# error that names the value, never its text", (_, inbound) => {
    const src = `<policies><inbound>${inbound}</inbound></policies>`;
    const r = compile(src, { namedValues: nv });
    expect(r.code).toBeNull();
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((d) => /marked secret|secret named value/.test(d.message))).toBe(true);
    for (const v of Object.values(nv)) if (v.value.length > 3) expect(JSON.stringify(r.diagnostics)).not.toContain(v.value);
    expect(JSON.stringify(r.diagnostics)).not.toMatch(/[\uE0F0\uE0F1]/);
    // The same document with the values not secret compiles (or fails for its own reasons, not APIMC2040).
    const plain = compile(src, { namedValues: Object.fromEntries(Object.entries(nv).map(([k, v]) => [k, v.value])) });
    expect(plain.diagnostics.map((d) => d.code)).not.toContain("APIMC2040");
  });

  it("a diagnostic elsewhere in a document that uses a secret shows the source as written, not the value", async () => {
    const { formatDiagnostic } = await import("../../compiler/index.js");
    const src = `<policies><inbound><set-header name="X-A" exists-action="override"><value>{{s}}</value></set-header><set-variable name="v" value="@(context.Nope + &quot;{{s}}&quot;)" /></inbound></policies>`;
    const r = compile(src, { namedValues: nv });
    expect(r.code).toBeNull();
    const text = r.diagnostics.map((d) => formatDiagnostic(d, src)).join("\n");
    expect(text).toContain("{{s}}");
    expect(text).not.toContain(nv.s.value);
  });

  it("the private-use characters that mark secrets are refused in a document", () => {
    const r = compile(`<policies><inbound><set-variable name="v" value="a\uE0F00\uE0F1" /></inbound></policies>`, { namedValues: nv });
    expect(r.diagnostics.map((d) => d.code)).toContain("APIMC2040");
  });
});

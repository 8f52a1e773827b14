// A failing request explains itself: for every policy that can fail, in every section it may be
// used in (inbound, backend, outbound), answered by on-error or by the default error response, the
// request log line (text and JSON) carries LastError's reason, section, path and the file:line
// of the policy that failed, and the trace has an entry per policy run (with file:line) and an
// error entry with every LastError field. Real gateway, real backend, node:http client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { ALL_POLICY_NAMES, lookupPolicy } from "../../compiler/policies/registry.js";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { startServer, type TestServer } from "../helpers/servers.js";
import { nodeRequest } from "../helpers/node-client.js";

type Section = "inbound" | "backend" | "outbound";

/** `@(...)` that throws NullReferenceException when evaluated. */
const NULL = "@(((string)null).Trim())";
/** Marks the line of the element that fails (each snippet puts it on its own line). */
const FAILS = "<!--fails-->";

interface FailCase {
  /** The snippet; the failing element follows FAILS on its own line. */
  xml: (port: number) => string;
  /** The policy whose row LastError names (default: the case's policy). */
  fails?: string;
  reason?: string;
  query?: string;
  body?: string;
  method?: string;
  /** Sections to try (default: every one of inbound/backend/outbound the policy allows). */
  sections?: Section[];
  /** The failing element is in this fragment (include-fragment). */
  fragment?: string;
  /** OpenAPI 3 operation fields the case's operation has in the API's specification (validation policies). */
  operation?: Record<string, unknown>;
}

const line = (s: string) => `\n${FAILS}${s}\n`;

/** A failing use of every policy that can fail. */
const CASES: Record<string, FailCase> = {
  choose: { xml: () => line(`<choose><when condition="@(((string)null).Length > 0)"><set-variable name="v" value="1" /></when></choose>`) },
  "forward-request": { xml: () => line(`<forward-request fail-on-error-status-code="true" />`), query: "status=503", reason: "BackendErrorStatusCode" },
  "return-response": { xml: () => line(`<return-response><set-header name="X-R" exists-action="override"><value>${NULL}</value></set-header></return-response>`) },
  "send-one-way-request": { xml: () => line(`<send-one-way-request mode="new"><set-url>${NULL}</set-url><set-method>GET</set-method></send-one-way-request>`) },
  "send-request": {
    xml: (port) => line(`<send-request mode="new" response-variable-name="r" timeout="2"><set-url>http://127.0.0.1:${port}/</set-url><set-method>GET</set-method></send-request>`),
    reason: "BackendConnectionFailure",
  },
  "set-body": { xml: () => line(`<set-body>${NULL}</set-body>`) },
  "set-header": { xml: () => line(`<set-header name="X-H" exists-action="override"><value>${NULL}</value></set-header>`) },
  "set-status": { xml: () => line(`<set-status code='@(int.Parse("x"))' reason="R" />`) },
  "set-variable": { xml: () => line(`<set-variable name="v" value="${NULL}" />`) },
  "include-fragment": { xml: () => `\n<include-fragment fragment-id="failing" />\n`, fails: "set-variable", fragment: "failing" },
  "authentication-basic": { xml: () => line(`<authentication-basic username="${NULL}" password="p" />`) },
  "check-header": { xml: () => line(`<check-header name="X-Must" failed-check-httpcode="401" failed-check-error-message="missing X-Must" ignore-case="true" />`), reason: "HeaderNotFound" },
  retry: { xml: () => line(`<retry condition="@(((string)null).Length > 0)" count="1" interval="0"><set-variable name="r" value="1" /></retry>`) },
  "rewrite-uri": { xml: () => line(`<rewrite-uri template="${NULL}" />`) },
  "set-backend-service": { xml: () => line(`<set-backend-service base-url="${NULL}" />`) },
  "set-method": { xml: () => line(`<set-method>${NULL}</set-method>`) },
  proxy: { xml: () => line(`<proxy url="${NULL}" />`) },
  "set-query-parameter": { xml: () => line(`<set-query-parameter name="q" exists-action="override"><value>${NULL}</value></set-query-parameter>`) },
  trace: { xml: () => line(`<trace source="t"><message>${NULL}</message></trace>`) },
  wait: { xml: () => `\n<wait for="all">\n${FAILS}<cache-lookup-value key="${NULL}" variable-name="w" />\n</wait>\n`, fails: "cache-lookup-value" },
  "rate-limit": { xml: () => line(`<rate-limit calls="1" renewal-period="60" />`), reason: "RateLimitExceeded" },
  "rate-limit-by-key": { xml: () => line(`<rate-limit-by-key calls="5" renewal-period="60" counter-key="${NULL}" />`) },
  quota: { xml: () => line(`<quota calls="1" renewal-period="3600" />`), reason: "QuotaExceeded" },
  "quota-by-key": { xml: () => line(`<quota-by-key calls="5" renewal-period="3600" counter-key="${NULL}" />`) },
  "limit-concurrency": { xml: () => line(`<limit-concurrency key="${NULL}" max-count="1"><set-variable name="l" value="1" /></limit-concurrency>`) },
  "cache-lookup-value": { xml: () => line(`<cache-lookup-value key="${NULL}" variable-name="v" />`) },
  "cache-store-value": { xml: () => line(`<cache-store-value key="${NULL}" value="v" duration="10" />`) },
  "cache-remove-value": { xml: () => line(`<cache-remove-value key="${NULL}" />`) },
  "cache-lookup": { xml: () => line(`<cache-lookup vary-by-developer='@(bool.Parse("x"))' vary-by-developer-groups="false" />`) },
  "cache-store": { xml: () => line(`<cache-store duration='@(int.Parse("x"))' />`) },
  "json-to-xml": { xml: () => line(`<json-to-xml apply="always" consider-accept-header="false" />`), method: "POST", body: "{not json", query: "body=bad" },
  "xml-to-json": { xml: () => line(`<xml-to-json kind="direct" apply="always" consider-accept-header="false" />`), method: "POST", body: "<not xml", query: "body=bad" },
  "find-and-replace": { xml: () => line(`<find-and-replace from="${NULL}" to="x" />`) },
  "validate-jwt": {
    xml: () => line(`<validate-jwt header-name="X-Token" failed-validation-httpcode="401" failed-validation-error-message="Unauthorized"><issuer-signing-keys><key>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</key></issuer-signing-keys></validate-jwt>`),
  },
  "validate-azure-ad-token": {
    xml: () => line(`<validate-azure-ad-token tenant-id="contoso.onmicrosoft.com" header-name="X-Token"><client-application-ids><application-id>00000000-0000-0000-0000-000000000001</application-id></client-application-ids></validate-azure-ad-token>`),
    reason: "TokenNotPresent",
  },
  "xsl-transform": {
    xml: () => line(`<xsl-transform><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><a /></xsl:template></xsl:stylesheet></xsl-transform>`),
    sections: ["outbound"],
    reason: "XslTransformFailed",
  },
  "ip-filter": { xml: () => line(`<ip-filter action="forbid"><address>127.0.0.1</address></ip-filter>`), reason: "CallerIpBlocked" },
  // Over plain HTTP there is no client certificate (test/backends/listen-tls.test.ts covers TLS).
  "validate-client-certificate": { xml: () => line(`<validate-client-certificate />`), reason: "ClientCertificateMissing" },
  "validate-headers": { xml: () => line(`<validate-headers specified-header-action="${NULL}" unspecified-header-action="ignore" />`) },
  jsonp: { xml: () => line(`<jsonp callback-parameter-name="cb" />`), query: "cb=1bad", reason: "CallbackParameterInvalid" },
  "authentication-certificate": { xml: () => line(`<authentication-certificate thumbprint="${NULL}" />`) },
  "authentication-managed-identity": { xml: () => line(`<authentication-managed-identity resource="https://backend.example" />`), reason: "ManagedIdentityNotConfigured" },
  "validate-content": {
    xml: () => line(`<validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" errors-variable-name="e"><content type="application/json" validate-as="json" action="prevent" /></validate-content>`),
    method: "POST",
    body: `{"n":"not a number"}`,
    operation: { requestBody: { content: { "application/json": { schema: { type: "object", properties: { n: { type: "integer" } } } } } } },
  },
  "validate-parameters": {
    xml: () => line(`<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="ignore" errors-variable-name="e" />`),
    query: "n=abc",
    operation: { parameters: [{ name: "n", in: "query", schema: { type: "integer" } }] },
  },
  "validate-status-code": { xml: () => line(`<validate-status-code unspecified-status-code-action="prevent" />`), query: "status=503" },
  "validate-odata-request": { xml: () => line(`<validate-odata-request />`), query: "$top=-1" },
  "emit-metric": { xml: () => line(`<emit-metric name="m" value='@("not a number")'><dimension name="API ID" /></emit-metric>`) },
  "llm-token-limit": { xml: () => line(`<llm-token-limit counter-key="${NULL}" tokens-per-minute="1000" estimate-prompt-tokens="false" />`) },
  "azure-openai-token-limit": { xml: () => line(`<azure-openai-token-limit counter-key="${NULL}" tokens-per-minute="1000" estimate-prompt-tokens="false" />`) },
  "llm-emit-token-metric": { xml: () => line(`<llm-emit-token-metric><dimension name="d" value="${NULL}" /></llm-emit-token-metric>`) },
  "azure-openai-emit-token-metric": { xml: () => line(`<azure-openai-emit-token-metric><dimension name="d" value="${NULL}" /></azure-openai-emit-token-metric>`) },
  // The embeddings backend "emb" is configured (below); the vary-by expression fails before it is called.
  "llm-semantic-cache-lookup": { xml: () => line(`<llm-semantic-cache-lookup score-threshold="0.05" embeddings-backend-id="emb"><vary-by>${NULL}</vary-by></llm-semantic-cache-lookup>`) },
  "azure-openai-semantic-cache-lookup": { xml: () => line(`<azure-openai-semantic-cache-lookup score-threshold="0.05" embeddings-backend-id="emb"><vary-by>${NULL}</vary-by></azure-openai-semantic-cache-lookup>`) },
  "llm-semantic-cache-store": { xml: () => line(`<llm-semantic-cache-store duration='@(int.Parse("x"))' />`) },
  "azure-openai-semantic-cache-store": { xml: () => line(`<azure-openai-semantic-cache-store duration='@(int.Parse("x"))' />`) },
  "publish-to-dapr": { xml: () => line(`<publish-to-dapr pubsub-name="p" topic="${NULL}">m</publish-to-dapr>`) },
  "invoke-dapr-binding": { xml: () => line(`<invoke-dapr-binding name="${NULL}"><data>d</data></invoke-dapr-binding>`) },
  "log-to-eventhub": { xml: () => line(`<log-to-eventhub logger-id="sink" partition-key="${NULL}">m</log-to-eventhub>`) },
};

/** Policies that cannot fail on their own, and why. */
const CANNOT_FAIL: Record<string, string> = {
  base: "stands for the parent scope's policies",
  cors: "every attribute is a literal; an unmatched origin is answered, not an error",
  "mock-response": "literal status code and content type; no expression to fail",
  "cross-domain": "a literal document; a request for another path goes on",
  "redirect-content-urls": "no attributes; a body it cannot rewrite is left as it is",
  "http-data-source": "the root of a GraphQL resolver document (gateway.json graphql.resolvers), not a policy of a section (APIMC2006 there: test/gateway/document-placement.test.ts); a failing resolver is an entry of the GraphQL answer's errors, not a failed request (test/e2e/graphql-resolvers.test.ts)",
  "set-graphql-resolver": "needs a GraphQL API (gateway.json graphql.schema), which this OpenAPI API is not; a failing resolver is an entry of the GraphQL answer's errors, not a failed request (test/e2e/set-graphql-resolver.test.ts)",
  "validate-graphql-request": "needs a GraphQL API (gateway.json graphql.schema), which this OpenAPI API is not; its failing action expression is tested in test/e2e/validate-graphql-request.test.ts",
};

const FRAGMENT = `<fragment>\n<set-variable name="before" value="1" />\n${FAILS}<set-variable name="f" value="${NULL}" />\n</fragment>\n`;

interface Op {
  id: string;
  policy: string;
  section: Section;
  onError: boolean;
  c: FailCase;
  file: string;
  line: number;
}

const dir = mkdtempSync(join(tmpdir(), "apimc-faillog-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const lineOf = (text: string) => text.slice(0, text.indexOf(FAILS)).split("\n").length;

/** key=value pairs of a text log line (values bare or JSON-quoted). */
function textFields(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of line.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) out[m[1]!] = m[2]!.startsWith('"') ? JSON.parse(m[2]!) : m[2]!;
  return out;
}

describe("a failing policy explains itself in the request log and the trace", () => {
  let backend: TestServer;
  let dropper: TcpServer;
  const gateways: Gateway[] = [];
  const textLog: string[] = [];
  const jsonLog: string[] = [];
  let textBase = "";
  let jsonBase = "";
  const ops: Op[] = [];

  beforeAll(async () => {
    backend = await startServer((req, res) => {
      const q = new URL(req.url!, "http://x").searchParams;
      res.statusCode = Number(q.get("status") ?? 200);
      res.setHeader("content-type", q.get("body") === "bad" ? "application/json" : "text/plain");
      res.end(q.get("body") === "bad" ? "{not json <not xml" : "ok");
    });
    // send-request's failure: a server that drops every connection (a closed port could be taken by another test meanwhile).
    dropper = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((r) => dropper.listen(0, "127.0.0.1", r));
    const port = (dropper.address() as { port: number }).port;
    write("fragments/failing.xml", FRAGMENT);
    for (const [policy, c] of Object.entries(CASES)) {
      const allowed = lookupPolicy(policy)!.sections;
      const sections = (c.sections ?? (["inbound", "backend", "outbound"] as Section[])).filter((s) => allowed.includes(s));
      for (const section of sections)
        for (const onError of [false, true]) {
          const id = `c${ops.length}`;
          const snippet = c.xml(port);
          const before = `<policies>\n<inbound>\n<base />`;
          const inbound = section === "inbound" ? snippet : "";
          const backendXml = section === "backend" ? (policy === "forward-request" ? snippet : `${snippet}<forward-request />`) : "<forward-request />";
          const outbound = section === "outbound" ? snippet : "";
          const text = `${before}${inbound}</inbound>\n<backend>${backendXml}</backend>\n<outbound>\n<base />${outbound}</outbound>\n${onError ? `<on-error>\n<set-status code="599" reason="Handled" />\n</on-error>\n` : ""}</policies>\n`;
          const file = `policies/${id}.xml`;
          write(file, text);
          ops.push({ id, policy, section, onError, c, file: c.fragment ? `fragments/${c.fragment}.xml` : file, line: c.fragment ? lineOf(FRAGMENT) : lineOf(text) });
        }
    }
    // The validation policies read the operation from the API's specification, so every operation is there.
    const paths = Object.fromEntries(
      ops.map((o) => [`/${o.id}`, { [(o.c.method ?? "GET").toLowerCase()]: { operationId: o.id, responses: { "200": { description: "OK" } }, ...o.c.operation } }]),
    );
    write("spec.json", JSON.stringify({ openapi: "3.0.3", info: { title: "fail", version: "1" }, paths }));
    write(
      "gateway.json",
      JSON.stringify({
        fragments: "fragments",
        trace: { key: "trace-key" },
        loggers: { sink: { type: "file", path: "logs/sink.jsonl" } },
        backends: { emb: { url: `${backend.url.replace(/\/$/, "")}/v1/embeddings` } },
        subscriptions: [{ id: "s1", primaryKey: "sub-key-0123456789", product: "*" }],
        apis: [{ id: "fail", path: "/fail", serviceUrl: backend.url, specification: "spec.json", operations: ops.map((o) => ({ id: o.id, policy: `policies/${o.id}.xml` })) }],
      }),
    );
    const text = createGateway({ config: join(dir, "gateway.json"), log: (l) => textLog.push(l) });
    const json = createGateway({ config: join(dir, "gateway.json"), log: (l) => jsonLog.push(l), logFormat: "json" });
    gateways.push(text, json);
    textBase = `http://127.0.0.1:${(await text.listen()).port}`;
    jsonBase = `http://127.0.0.1:${(await json.listen()).port}`;
  }, 120_000);

  afterAll(async () => {
    for (const g of gateways) await g.close();
    await backend.close();
    await new Promise((r) => dropper.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it("has a failing case for every policy that can fail", () => {
    const implemented = ALL_POLICY_NAMES.filter((n) => lookupPolicy(n));
    expect(implemented.filter((n) => !(n in CASES) && !(n in CANNOT_FAIL))).toEqual([]);
    expect(ops.length).toBeGreaterThan(80);
  });

  /** Sends until the case fails (rate-limit and quota fail on a later call). */
  const failing = async (base: string, o: Op, traced: boolean) => {
    const url = `${base}/fail/${o.id}${o.c.query ? `?${o.c.query}` : ""}`;
    const headers: Record<string, string> = { "Ocp-Apim-Subscription-Key": "sub-key-0123456789" };
    if (traced) headers["Apimc-Trace"] = "trace-key";
    for (let i = 0; ; i++) {
      const r = await nodeRequest(url, { method: o.c.method ?? "GET", headers, body: o.c.body });
      if (r.status >= 400 || i === 2) return r;
    }
  };

  /** What is wrong with the logged failure of `o` ("" when nothing). */
  const checkFailure = (o: Op, f: { reason?: string; section?: string; path?: string; file?: string; line?: number }): string => {
    const wrong: string[] = [];
    if (o.c.reason ? f.reason !== o.c.reason : !/^\w[\w ]*$/.test(f.reason ?? "")) wrong.push(`reason ${f.reason}`);
    if (f.section !== o.section) wrong.push(`section ${f.section}`);
    const last = (f.path ?? "").split("\\").pop()!;
    if (!last.startsWith(`${o.c.fails ?? o.policy}[`)) wrong.push(`path ${f.path}`);
    if (f.file !== o.file || f.line !== o.line) wrong.push(`at ${f.file}:${f.line}, expected ${o.file}:${o.line}`);
    return wrong.length ? `${o.policy} in ${o.section}${o.onError ? " with on-error" : ""}: ${wrong.join(", ")}` : "";
  };

  it("text log: reason, section, path and file:line of the failing policy, for on-error and the default error response; the trace has every policy run and the error", async () => {
    const problems: string[] = [];
    for (const o of ops) {
      const r = await failing(textBase, o, true);
      const where = `${o.policy} in ${o.section}${o.onError ? " with on-error" : ""}`;
      expect(r.status, where).toBe(o.onError ? 599 : r.status);
      expect(r.status, where).toBeGreaterThanOrEqual(400);
      const logged = textLog.filter((l) => l.includes(` /fail/${o.id}`)).pop();
      expect(logged, where).toBeDefined();
      const f = textFields(logged!);
      const at = f.at ?? ":";
      problems.push(checkFailure(o, { reason: f.reason, section: f.section, path: f.path, file: at.slice(0, at.lastIndexOf(":")), line: Number(at.slice(at.lastIndexOf(":") + 1)) }));
      expect(f.message, where).toBeTruthy();

      // The trace header: short, valid JSON, with the error; the whole trace by id.
      const summary = JSON.parse(String(r.headers["apimc-trace"]));
      expect(summary.error.Reason, where).toBe(f.reason);
      const full = await nodeRequest(`${textBase}${summary.href}`, { headers: { "Apimc-Trace": "trace-key" } });
      expect(full.status, where).toBe(200);
      const trace = JSON.parse(full.body);
      const err = trace.entries.find((e: { severity: string; error?: unknown }) => e.severity === "error" && e.error);
      expect(err, where).toBeDefined();
      for (const k of ["Source", "Reason", "Message", "Scope", "Section", "Path", "PolicyId"]) expect(err.error, where).toHaveProperty(k);
      expect(err.error.file, where).toBe(o.file);
      expect(err.error.line, where).toBe(o.line);
      // Every policy run has its file and line; the one that failed is marked.
      const runs = trace.entries.filter((e: { path?: string }) => e.path !== undefined);
      expect(runs.length, where).toBeGreaterThan(0);
      for (const e of runs) {
        expect(e.file, where).toMatch(/^(policies|fragments)\/c?\w+\.xml$/);
        expect(e.line, where).toBeGreaterThan(0);
      }
      const failed = runs.filter((e: { failed?: boolean }) => e.failed);
      expect(failed.length, where).toBe(1);
      expect(failed[0].file, where).toBe(o.file);
      expect(failed[0].line, where).toBe(o.line);
    }
    expect(problems.filter(Boolean)).toEqual([]);
  }, 120_000);

  it("JSON log: one object a request with the same failure fields (untraced requests)", async () => {
    const problems: string[] = [];
    for (const o of ops) {
      const r = await failing(jsonBase, o, false);
      expect(r.headers["apimc-trace"]).toBeUndefined();
      const logged = jsonLog
        .map((l) => JSON.parse(l))
        .filter((l) => l.url.startsWith(`/fail/${o.id}`))
        .pop();
      const where = `${o.policy} in ${o.section}${o.onError ? " with on-error" : ""}`;
      expect(logged, where).toBeDefined();
      expect(logged.status, where).toBe(r.status);
      expect(logged.error, where).toBeDefined();
      problems.push(checkFailure(o, logged.error));
      expect(typeof logged.error.message).toBe("string");
      expect(logged.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(problems.filter(Boolean)).toEqual([]);
    // Every line is one JSON object.
    for (const l of jsonLog) expect(() => JSON.parse(l)).not.toThrow();
  }, 120_000);

  it("a request that does not fail logs no failure fields", async () => {
    const ok = ops.find((o) => o.policy === "rate-limit")!;
    // A fresh gateway (no counters yet): the first call passes.
    const lines: string[] = [];
    const g = createGateway({ config: join(dir, "gateway.json"), log: (l) => lines.push(l) });
    const base = `http://127.0.0.1:${(await g.listen()).port}`;
    const r = await nodeRequest(`${base}/fail/${ok.id}`, { headers: { "Ocp-Apim-Subscription-Key": "sub-key-0123456789" } });
    await g.close();
    expect(r.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^GET /fail/${ok.id} 200 [\\d.]+ms [0-9a-f-]{36}$`));
  });

  it("the gateway's own failures (no operation, no subscription key) are logged with their reason", async () => {
    const r = await nodeRequest(`${textBase}/nowhere`);
    expect(r.status).toBe(404);
    const f = textFields(textLog.filter((l) => l.includes(" /nowhere ")).pop()!);
    expect(f.reason).toBe("OperationNotFound");
    expect(f.section).toBe("inbound");
    await nodeRequest(`${jsonBase}/nowhere`);
    const j = JSON.parse(jsonLog.filter((l) => l.includes('"/nowhere"')).pop()!);
    expect(j.error.reason).toBe("OperationNotFound");
  });
});

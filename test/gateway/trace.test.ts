// The request trace: per policy run its file and line, the values it set (variables, headers, URL,
// status; values from named values masked), the branch a choose took, cache hits and misses,
// outgoing requests with URL, status and time; a header that is short, valid JSON and accepted by
// node:http's client however many policies ran; the whole trace by id from the gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { nodeRequest } from "../helpers/node-client.js";
import { TRACE_HEADER_LIMIT } from "../../runtime/trace.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-trace-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const KEY = "trace-key-1";
const SECRET = "nv-secret-value-7f3a";

interface Entry {
  source: string;
  severity: string;
  policy?: string;
  path?: string;
  section?: string;
  file?: string;
  line?: number;
  branch?: string;
  cache?: string;
  set?: { kind: string; name?: string; value: string | null }[];
  requests?: { policy: string; method: string; url: string; status?: number; ms: number; error?: string }[];
  failed?: boolean;
  error?: Record<string, unknown>;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

const SCOPED = `<policies>
<inbound>
<base />
<set-variable name="plain" value="visible-value" />
<set-header name="X-From-Secret" exists-action="override"><value>Bearer {{api-secret}}</value></set-header>
<set-variable name="fromSecret" value="{{api-secret}}" />
<set-variable name="fromPlain" value="{{plain-nv}}" />
<set-header name="X-Copied" exists-action="override"><value>@((string)context.Variables["fromSecret"])</value></set-header>
<choose>
<when condition="@(context.Request.Url.Query.GetValueOrDefault(&quot;branch&quot;, &quot;&quot;) == &quot;a&quot;)"><set-header name="X-Branch" exists-action="override"><value>a</value></set-header></when>
<when condition="@(context.Request.Url.Query.GetValueOrDefault(&quot;branch&quot;, &quot;&quot;) == &quot;b&quot;)"><set-header name="X-Branch" exists-action="override"><value>b</value></set-header></when>
<otherwise><set-header name="X-Branch" exists-action="override"><value>other</value></set-header></otherwise>
</choose>
<cache-lookup-value key="k1" variable-name="cached" />
<choose><when condition="@(!context.Variables.ContainsKey(&quot;cached&quot;))"><cache-store-value key="k1" value="stored" duration="60" /></when></choose>
<send-request mode="new" response-variable-name="side" timeout="5"><set-url>@(context.Api.ServiceUrl.ToString() + "side?x=1")</set-url><set-method>GET</set-method></send-request>
</inbound>
<backend><forward-request timeout="5" /></backend>
<outbound><base /><set-header name="X-Out" exists-action="override"><value>@(context.Response.StatusCode.ToString())</value></set-header></outbound>
</policies>
`;
const GLOBAL = `<policies>\n<inbound>\n<set-header name="X-Global" exists-action="override"><value>g</value></set-header>\n</inbound>\n<backend><forward-request /></backend>\n<outbound />\n</policies>\n`;
const MANY = (n: number) => `<policies>\n<inbound>\n${Array.from({ length: n }, (_, i) => `<set-variable name="v${i}" value="value-${i}" />`).join("\n")}\n</inbound>\n<backend><forward-request /></backend>\n</policies>\n`;

describe("request trace", () => {
  let backend: TestServer;
  let gw: Gateway;
  let base = "";
  beforeAll(async () => {
    backend = await startServer((_req, res) => {
      res.setHeader("content-type", "text/plain");
      res.end("ok");
    });
    write("policies/global.xml", GLOBAL);
    write("policies/scoped.xml", SCOPED);
    write("policies/many.xml", MANY(200));
    write("policies/cached.xml", `<policies>\n<inbound>\n<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />\n</inbound>\n<backend><forward-request /></backend>\n<outbound>\n<cache-store duration="60" />\n</outbound>\n</policies>\n`);
    write("policies/fails.xml", `<policies>\n<inbound>\n<set-variable name="a" value="1" />\n<set-variable name="b" value="@(((string)null).Trim())" />\n</inbound>\n</policies>\n`);
    write("named-values.json", JSON.stringify({ "api-secret": { value: SECRET, secret: true }, "plain-nv": "plain-named-value" }));
    write(
      "gateway.json",
      JSON.stringify({
        policy: "policies/global.xml",
        namedValues: "named-values.json",
        trace: { key: KEY },
        apis: [
          { id: "scoped", path: "/scoped", serviceUrl: backend.url + "/", policy: "policies/scoped.xml" },
          { id: "many", path: "/many", serviceUrl: backend.url, policy: "policies/many.xml" },
          { id: "fails", path: "/fails", serviceUrl: backend.url, policy: "policies/fails.xml" },
          { id: "cached", path: "/cached", serviceUrl: backend.url, policy: "policies/cached.xml" },
        ],
      }),
    );
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const traced = async (path: string) => {
    const r = await nodeRequest(`${base}${path}`, { headers: { "Apimc-Trace": KEY } });
    const header = String(r.headers["apimc-trace"]);
    const summary = JSON.parse(header);
    const full = await nodeRequest(`${base}${summary.href}`, { headers: { "Apimc-Trace": KEY } });
    expect(full.status).toBe(200);
    return { r, header, summary, trace: JSON.parse(full.body) as { id: string; status: number; entries: Entry[]; error: Record<string, unknown> | null } };
  };

  it("names each policy run with its file and line, across scopes", async () => {
    const { trace } = await traced("/scoped/x?branch=a");
    const runs = trace.entries.filter((e) => e.path !== undefined);
    const global = runs.find((e) => e.file === "policies/global.xml" && e.policy === "set-header")!;
    expect(global.line).toBe(lineOf(GLOBAL, "X-Global"));
    expect(global.section).toBe("inbound");
    for (const [policy, needle] of [
      ["set-variable", `name="plain"`],
      ["send-request", "<send-request"],
      ["cache-lookup-value", "<cache-lookup-value"],
      ["forward-request", "<forward-request timeout"],
    ] as const) {
      const e = runs.find((x) => x.policy === policy && x.file === "policies/scoped.xml");
      expect(e, policy).toBeDefined();
      expect(e!.line, policy).toBe(lineOf(SCOPED, needle));
    }
  });

  it("records values set, masking secret named values (also where a policy copied one), showing plain ones", async () => {
    const { trace, header } = await traced("/scoped/x?branch=b");
    const sets = trace.entries.flatMap((e) => (e.set ?? []).map((s) => ({ ...s, policy: e.policy })));
    expect(sets).toContainEqual({ kind: "variable", name: "plain", value: "visible-value", policy: "set-variable" });
    expect(sets).toContainEqual({ kind: "request-header", name: "X-Global", value: "g", policy: "set-header" });
    expect(sets).toContainEqual({ kind: "request-header", name: "X-From-Secret", value: "***", policy: "set-header" });
    expect(sets).toContainEqual({ kind: "variable", name: "fromSecret", value: "***", policy: "set-variable" });
    expect(sets).toContainEqual({ kind: "variable", name: "fromPlain", value: "plain-named-value", policy: "set-variable" });
    expect(sets).toContainEqual({ kind: "request-header", name: "X-Copied", value: "***", policy: "set-header" });
    expect(sets).toContainEqual({ kind: "response-header", name: "X-Out", value: "200", policy: "set-header" });
    const all = JSON.stringify(trace) + header;
    expect(all).not.toContain(SECRET);
  });

  it("records the branch each choose took", async () => {
    for (const [q, branch] of [
      ["a", "when[1]"],
      ["b", "when[2]"],
      ["z", "otherwise[1]"],
    ]) {
      const { trace } = await traced(`/scoped/x?branch=${q}`);
      const choose = trace.entries.find((e) => e.policy === "choose" && e.line === lineOf(SCOPED, "<choose>\n<when"))!;
      expect(choose.branch).toBe(branch);
      const branchHeader = trace.entries.flatMap((e) => e.set ?? []).find((s) => s.name === "X-Branch");
      expect(branchHeader?.value).toBe(branch === "otherwise[1]" ? "other" : q);
    }
  });

  it("records cache misses and hits", async () => {
    const first = await traced("/scoped/x?branch=a&n=1");
    const second = await traced("/scoped/x?branch=a&n=2");
    const lookup = (t: typeof first) => t.trace.entries.find((e) => e.policy === "cache-lookup-value")!;
    // The store runs on the first request that misses; every later one hits.
    expect(["miss", "hit"]).toContain(lookup(first).cache);
    expect(lookup(second).cache).toBe("hit");
  });

  it("records whole-response cache misses and hits (cache-lookup), and that a hit does not forward", async () => {
    const first = await traced("/cached/r1");
    const second = await traced("/cached/r1");
    const lookup = (t: typeof first) => t.trace.entries.find((e) => e.policy === "cache-lookup")!;
    expect(lookup(first).cache).toBe("miss");
    expect(first.trace.entries.flatMap((e) => e.requests ?? []).map((o) => o.policy)).toContain("forward-request");
    expect(lookup(second).cache).toBe("hit");
    expect(second.trace.entries.flatMap((e) => e.requests ?? [])).toEqual([]);
  });

  it("records outgoing requests with URL, status and time", async () => {
    const { trace } = await traced("/scoped/items?branch=a");
    const out = trace.entries.flatMap((e) => e.requests ?? []);
    const side = out.find((o) => o.policy === "send-request")!;
    expect(side.url).toBe(`${backend.url}/side?x=1`);
    expect(side.status).toBe(200);
    expect(side.ms).toBeGreaterThanOrEqual(0);
    const fwd = out.find((o) => o.policy === "forward-request")!;
    expect(fwd.method).toBe("GET");
    expect(fwd.url).toBe(`${backend.url}/items?branch=a`);
    expect(fwd.status).toBe(200);
  });

  it("has an error entry with every LastError field, and the failed policy marked", async () => {
    const { r, trace, summary } = await traced("/fails");
    expect(r.status).toBe(500);
    const err = trace.entries.find((e) => e.severity === "error")!;
    expect(err.error).toMatchObject({ Source: "set-variable", Reason: "ExpressionValueEvaluationFailure", Section: "inbound", Path: "set-variable[2]", PolicyId: "", Scope: "api", file: "policies/fails.xml", line: 4 });
    expect(typeof err.error!.Message).toBe("string");
    expect(trace.entries.filter((e) => e.failed).map((e) => e.line)).toEqual([4]);
    expect(summary.error).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", file: "policies/fails.xml", line: 4 });
    expect(trace.error).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", file: "policies/fails.xml", line: 4 });
  });

  it("a 200-policy document: the header is valid JSON under the limit, marked truncated, and node:http accepts it; the whole trace by id has all 200", async () => {
    const { r, header, summary, trace } = await traced("/many");
    expect(r.status).toBe(200);
    expect(header.length).toBeLessThanOrEqual(TRACE_HEADER_LIMIT);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(summary.truncated).toBe(true);
    expect(summary.omitted).toBeGreaterThan(0);
    expect(summary.policies.length + summary.omitted).toBe(trace.entries.filter((e) => e.path !== undefined).length);
    const vars = trace.entries.filter((e) => e.policy === "set-variable" && e.file === "policies/many.xml");
    expect(vars).toHaveLength(200);
    expect(vars.map((e) => e.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 3));
    expect(vars[199]!.set).toEqual([{ kind: "variable", name: "v199", value: "value-199" }]);
  });

  it("a small trace is not marked truncated", async () => {
    const { summary } = await traced("/fails");
    expect(summary.truncated).toBe(false);
    expect(summary.omitted).toBeUndefined();
  });

  it("the trace by id needs the trace key; an unknown id is not found; untraced requests get no header", async () => {
    const { summary } = await traced("/fails");
    expect((await nodeRequest(`${base}${summary.href}`)).status).toBe(404);
    expect((await nodeRequest(`${base}${summary.href}`, { headers: { "Apimc-Trace": "wrong" } })).status).toBe(404);
    expect((await nodeRequest(`${base}/_apimc/traces/00000000-0000-0000-0000-000000000000`, { headers: { "Apimc-Trace": KEY } })).status).toBe(404);
    const plain = await nodeRequest(`${base}/fails`);
    expect(plain.headers["apimc-trace"]).toBeUndefined();
  });

  it("keeps a bounded number of traces: the oldest go first", async () => {
    const first = await traced("/fails");
    for (let i = 0; i < 200; i++) await nodeRequest(`${base}/fails`, { headers: { "Apimc-Trace": KEY } });
    expect((await nodeRequest(`${base}${first.summary.href}`, { headers: { "Apimc-Trace": KEY } })).status).toBe(404);
  });
});

// What the trace records for the workbench beyond the policy runs: each change with the value
// before it (masked values stay masked as "before" too), request and response bodies before and
// after set-body, the value of each choose condition evaluated, send-request's exchange (headers
// and bodies both ways), the backend exchange, and rate limit, quota and concurrency decisions.
// Through the gateway over real HTTP, read back from the workbench's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-trace-details-"));
const SECRET = "nv-secret-3e8f7a";
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

interface Change {
  kind: string;
  name?: string;
  value: string | null;
  before?: string | null;
}
interface Entry {
  policy?: string;
  branch?: string;
  failed?: boolean;
  conditions?: { branch: string; value: boolean; line?: number }[];
  set?: Change[];
  limits?: { policy: string; key?: string; allowed: boolean; limit?: number; remaining?: number; retryAfterMs?: number; exceeded?: string }[];
  requests?: { policy: string; method: string; url: string; status?: number; requestHeaders?: [string, string][]; requestBody?: string | null; responseHeaders?: [string, string][]; responseBody?: string | null }[];
}

const POLICY = `<policies>
<inbound>
<set-variable name="v" value="one" />
<set-variable name="v" value="two" />
<set-variable name="s" value="{{secret}}" />
<set-variable name="s" value="plain" />
<set-header name="X-Client" exists-action="override"><value>changed</value></set-header>
<set-header name="Authorization" exists-action="override"><value>Bearer replaced</value></set-header>
<set-body>@("inbound:" + context.Request.Body.As&lt;string&gt;(preserveContent: true))</set-body>
<choose>
<when condition="@(context.Request.Headers.GetValueOrDefault(&quot;X-Pick&quot;, &quot;&quot;) == &quot;a&quot;)"><set-variable name="picked" value="a" /></when>
<when condition="@(context.Request.Headers.GetValueOrDefault(&quot;X-Pick&quot;, &quot;&quot;) == &quot;b&quot;)"><set-variable name="picked" value="b" /></when>
<when condition="@(context.Request.Headers.GetValueOrDefault(&quot;X-Pick&quot;, &quot;&quot;) == &quot;c&quot;)"><set-variable name="picked" value="c" /></when>
<when condition="@(int.Parse(context.Request.Headers.GetValueOrDefault(&quot;X-Pick&quot;, &quot;0&quot;)) &gt; 100)"><set-variable name="picked" value="number" /></when>
<otherwise><set-variable name="picked" value="none" /></otherwise>
</choose>
<send-request mode="new" response-variable-name="side" timeout="5">
<set-url>@(context.Api.ServiceUrl.ToString() + "side")</set-url>
<set-method>POST</set-method>
<set-header name="X-Side" exists-action="override"><value>side-header</value></set-header>
<set-body>side-request-body</set-body>
</send-request>
<rate-limit-by-key calls="2" renewal-period="60" counter-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Bucket&quot;, &quot;&quot;))" />
<quota-by-key calls="100" renewal-period="3600" counter-key="quota-key" />
</inbound>
<backend><limit-concurrency key="conc" max-count="5"><forward-request timeout="5" /></limit-concurrency></backend>
<outbound>
<set-body>@("outbound:" + context.Response.Body.As&lt;string&gt;(preserveContent: true))</set-body>
</outbound>
</policies>
`;

let backend: TestServer;
let gw: Gateway;
let base = "";
beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.setHeader("x-backend", "yes");
    res.end(req.url!.endsWith("/side") ? `side-response:${req.headers["x-side"]}` : `backend-got:${req.body}`);
  });
  write("p.xml", POLICY);
  write("nv.json", JSON.stringify({ secret: { value: SECRET, secret: true } }));
  write("gateway.json", JSON.stringify({ namedValues: "nv.json", apis: [{ id: "t", path: "/t", serviceUrl: backend.url + "/", policy: "p.xml" }] }));
  gw = createGateway({ config: join(dir, "gateway.json"), workbench: { traceAll: true } });
  base = `http://127.0.0.1:${(await gw.listen()).port}`;
});
afterAll(async () => {
  await gw.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(headers: Record<string, string>, body = "client-body") {
  const r = await request(`${base}/t/x`, { method: "POST", headers: { "x-client": "original", authorization: "Bearer client-token-123", ...headers }, body });
  const text = await r.body.text();
  const list = (await (await request(`${base}/_apimc/api/requests`)).body.json()) as { requests: { id: string }[] };
  const entry = (await (await request(`${base}/_apimc/api/requests/${encodeURIComponent(list.requests[0]!.id)}`)).body.json()) as { trace: { entries: Entry[] } };
  return { status: r.statusCode, text, entries: entry.trace.entries, json: JSON.stringify(entry) };
}
const changes = (entries: Entry[]) => entries.flatMap((e) => (e.set ?? []).map((c) => ({ ...c, policy: e.policy })));

describe("trace details", () => {
  it("changes carry the value before; a masked value stays masked as before; client credentials too", async () => {
    const { entries, json } = await run({ "x-pick": "b", "x-bucket": "b1" });
    const all = changes(entries);
    expect(all).toContainEqual({ kind: "variable", name: "v", value: "one", policy: "set-variable" });
    expect(all).toContainEqual({ kind: "variable", name: "v", value: "two", before: "one", policy: "set-variable" });
    expect(all).toContainEqual({ kind: "variable", name: "s", value: "***", policy: "set-variable" });
    expect(all).toContainEqual({ kind: "variable", name: "s", value: "plain", before: "***", policy: "set-variable" });
    expect(all).toContainEqual({ kind: "request-header", name: "X-Client", value: "changed", before: "original", policy: "set-header" });
    expect(all).toContainEqual({ kind: "request-header", name: "Authorization", value: "***", before: "***", policy: "set-header" });
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain("client-token-123");
  });

  it("set-body: the request and response bodies before and after", async () => {
    const { entries, text } = await run({ "x-bucket": "b2" }, "hello");
    expect(text).toBe("outbound:backend-got:inbound:hello");
    const bodies = changes(entries).filter((c) => c.kind.endsWith("-body"));
    expect(bodies).toContainEqual({ kind: "request-body", value: "inbound:hello", before: "hello", policy: "set-body" });
    expect(bodies).toContainEqual({ kind: "response-body", value: "outbound:backend-got:inbound:hello", before: "backend-got:inbound:hello", policy: "set-body" });
  });

  it("choose: each condition evaluated with its value and line; the taken one is the last", async () => {
    const line = (n: number) => POLICY.split("\n").findIndex((l) => l.includes(n === 4 ? "int.Parse" : `== &quot;${"abc"[n - 1]}&quot;`)) + 1;
    const cases: [string | undefined, string, { branch: string; value: boolean; line?: number }[]][] = [
      ["a", "when[1]", [{ branch: "when[1]", value: true, line: line(1) }]],
      ["b", "when[2]", [{ branch: "when[1]", value: false, line: line(1) }, { branch: "when[2]", value: true, line: line(2) }]],
      ["c", "when[3]", [1, 2].map((n) => ({ branch: `when[${n}]`, value: false, line: line(n) })).concat([{ branch: "when[3]", value: true, line: line(3) }])],
      [undefined, "otherwise[1]", [1, 2, 3].map((n) => ({ branch: `when[${n}]`, value: false, line: line(n) })).concat([{ branch: "when[4]", value: false, line: line(4) }])],
    ];
    let bucket = 0;
    for (const [pick, branch, conditions] of cases) {
      const { entries } = await run({ ...(pick ? { "x-pick": pick } : {}), "x-bucket": `c${bucket++}` });
      const choose = entries.find((e) => e.policy === "choose")!;
      expect(choose.branch, String(pick)).toBe(branch);
      expect(choose.conditions, String(pick)).toEqual(conditions);
    }
    // The fourth condition throws (int.Parse of "x"): no branch, no condition claimed false, the error follows.
    const { entries } = await run({ "x-pick": "x", "x-bucket": `c${bucket++}` });
    const k = entries.findIndex((e) => e.policy === "choose");
    expect(entries[k]).toMatchObject({ branch: "failed", failed: true });
    expect(entries[k]!.conditions).toBeUndefined();
    expect(JSON.stringify(entries.slice(k + 1))).toContain("ExpressionValueEvaluationFailure");
  });

  it("send-request and the backend: URL, status, headers and bodies both ways", async () => {
    const { entries } = await run({ "x-bucket": "s1" }, "payload");
    const side = entries.find((e) => e.policy === "send-request")!.requests![0]!;
    expect(side).toMatchObject({ method: "POST", url: `${backend.url}/side`, status: 200, requestBody: "side-request-body", responseBody: "side-response:side-header" });
    expect(side.requestHeaders).toContainEqual(["X-Side", "side-header"]);
    expect(side.responseHeaders).toContainEqual(["x-backend", "yes"]);
    const fwd = entries.flatMap((e) => e.requests ?? []).find((o) => o.policy === "forward-request")!;
    expect(fwd).toMatchObject({ method: "POST", url: `${backend.url}/x`, status: 200, requestBody: "inbound:payload", responseBody: "backend-got:inbound:payload" });
    expect(fwd.requestHeaders).toContainEqual(["X-Client", "changed"]);
    expect(fwd.requestHeaders).toContainEqual(["Authorization", "***"]);
    expect(fwd.responseHeaders).toContainEqual(["x-backend", "yes"]);
  });

  it("rate limit, quota and concurrency decisions", async () => {
    const first = await run({ "x-bucket": "limit-1" });
    expect(first.entries.find((e) => e.policy === "rate-limit-by-key")!.limits).toEqual([{ policy: "rate-limit-by-key", key: "limit-1", allowed: true, limit: 2, remaining: 1 }]);
    expect(first.entries.find((e) => e.policy === "quota-by-key")!.limits).toEqual([{ policy: "quota-by-key", key: "quota-key", allowed: true }]);
    expect(first.entries.find((e) => e.policy === "limit-concurrency")!.limits).toEqual([{ policy: "limit-concurrency", key: "conc", allowed: true, limit: 5 }]);
    await run({ "x-bucket": "limit-1" });
    const refused = await run({ "x-bucket": "limit-1" });
    expect(refused.status).toBe(429);
    const d = refused.entries.find((e) => e.policy === "rate-limit-by-key")!.limits![0]!;
    expect(d).toMatchObject({ policy: "rate-limit-by-key", key: "limit-1", allowed: false, limit: 2, remaining: 0 });
    expect(d.retryAfterMs).toBeGreaterThan(0);
    expect(d.retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});

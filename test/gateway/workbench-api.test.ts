// The workbench's JSON API, over real HTTP on 127.0.0.1: the configuration, the effective policy of
// an operation (scopes composed, fragments inlined, every line's file and line, the module and a
// source map from it to the composed text), checking an edited file (diagnostics at the right line
// and column with the policy's reference page), saving (hot reload: the next request runs the new
// policy), the request history (masked), sending through the gateway, re-running, and events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";
import { decodeLineMap } from "./workbench-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-wb-api-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const KEY = "wb-trace-key-5c1e";
const SECRET = "nv-secret-value-9d2b";
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

const GLOBAL = `<policies>
  <inbound>
    <include-fragment fragment-id="stamp" />
  </inbound>
  <backend>
    <forward-request timeout="5" />
  </backend>
  <outbound>
    <set-header name="X-Global" exists-action="override"><value>g</value></set-header>
  </outbound>
</policies>
`;
const FRAGMENT = `<fragment>
  <set-header name="X-Stamp" exists-action="override">
    <value>stamped</value>
  </set-header>
</fragment>
`;
const API = `<policies>
  <inbound>
    <base />
    <set-variable name="who" value="@(context.Request.Headers.GetValueOrDefault(&quot;X-Who&quot;, &quot;nobody&quot;))" />
    <set-header name="X-Secret-Copy" exists-action="override"><value>{{api-secret}}</value></set-header>
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <set-header name="X-Version" exists-action="override"><value>one</value></set-header>
  </outbound>
</policies>
`;
const OPERATION = `<policies>
  <inbound>
    <base />
    <choose>
      <when condition="@(context.Variables.GetValueOrDefault&lt;string&gt;(&quot;who&quot;) == &quot;admin&quot;)">
        <set-header name="X-Branch" exists-action="override"><value>admin</value></set-header>
      </when>
      <otherwise>
        <set-header name="X-Branch" exists-action="override"><value>other</value></set-header>
      </otherwise>
    </choose>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
</policies>
`;

let backend: TestServer;
let gw: Gateway;
let base = "";
const api = (path: string) => `${base}/_apimc/api/${path}`;
const WB = { "x-apimc-workbench": "1", "content-type": "application/json" };
async function getJson(path: string) {
  const r = await request(api(path));
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(r.headers["cache-control"]).toBe("no-store");
  return { status: r.statusCode, body: (await r.body.json()) as any };
}
async function postJson(path: string, value: unknown, method: "POST" | "PUT" = "POST") {
  const r = await request(api(path), { method, headers: WB, body: JSON.stringify(value) });
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  return { status: r.statusCode, body: (await r.body.json()) as any };
}

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.setHeader("content-type", "application/json");
    // The backend repeats the header that holds a secret named value: the history must mask it there too.
    res.end(JSON.stringify({ echo: req.body, url: req.url, copied: req.headers["x-secret-copy"] ?? null }));
  });
  write("policies/global.xml", GLOBAL);
  write("fragments/stamp.xml", FRAGMENT);
  write("policies/api.xml", API);
  write("policies/op.xml", OPERATION);
  write("named-values.json", JSON.stringify({ "api-secret": { value: SECRET, secret: true } }));
  write(
    "gateway.json",
    JSON.stringify({
      policy: "policies/global.xml",
      fragments: "fragments",
      namedValues: "named-values.json",
      trace: { key: KEY },
      apis: [
        {
          id: "echo",
          name: "Echo",
          path: "/echo",
          serviceUrl: backend.url,
          policy: "policies/api.xml",
          operations: [
            { id: "post-it", method: "POST", urlTemplate: "/it", policy: "policies/op.xml" },
            { id: "get-any", method: "GET", urlTemplate: "/*" },
          ],
        },
      ],
    }),
  );
  gw = createGateway({ config: join(dir, "gateway.json"), watch: true, workbench: { traceAll: true } });
  base = `http://127.0.0.1:${(await gw.listen()).port}`;
});
afterAll(async () => {
  await gw.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("workbench API", () => {
  it("GET config: the APIs, operations and the policy files of the configuration", async () => {
    const { status, body } = await getJson("config");
    expect(status).toBe(200);
    expect(body.apis).toEqual([
      {
        id: "echo",
        name: "Echo",
        path: "/echo",
        products: [],
        operations: [
          { id: "post-it", method: "POST", urlTemplate: "/it" },
          { id: "get-any", method: "GET", urlTemplate: "/*" },
        ],
      },
    ]);
    expect(body.traceHeader).toBe("Apimc-Trace");
    expect(body.files).toEqual(["fragments/stamp.xml", "policies/api.xml", "policies/global.xml", "policies/op.xml"]);
    expect(typeof body.version).toBe("string");
  });

  it("GET policy: scopes composed, the fragment inlined, each line with the file and line it came from", async () => {
    const { status, body } = await getJson("policy?api=echo&operation=post-it");
    expect(status).toBe(200);
    const xml: string[] = body.xml.replace(/\n$/, "").split("\n");
    expect(body.lines).toHaveLength(xml.length);
    const origin = (needle: string) => body.lines[xml.findIndex((l) => l.includes(needle))];
    expect(origin(`name="X-Stamp"`)).toEqual({ file: "fragments/stamp.xml", line: lineOf(FRAGMENT, `name="X-Stamp"`) });
    expect(origin(`name="who"`)).toEqual({ file: "policies/api.xml", line: lineOf(API, `name="who"`) });
    expect(origin("<choose>")).toEqual({ file: "policies/op.xml", line: lineOf(OPERATION, "<choose>") });
    expect(origin(`name="X-Global"`)).toEqual({ file: "policies/global.xml", line: lineOf(GLOBAL, `name="X-Global"`) });
    expect(origin("<forward-request")).toEqual({ file: "policies/global.xml", line: lineOf(GLOBAL, "<forward-request") });
    // Order: global (the fragment) before the API's before the operation's, in inbound.
    const at = (needle: string) => xml.findIndex((l) => l.includes(needle));
    expect(at(`name="X-Stamp"`)).toBeLessThan(at(`name="who"`));
    expect(at(`name="who"`)).toBeLessThan(at("<choose>"));
    expect(body.files.map((f: { path: string; scope: string }) => [f.path, f.scope])).toEqual([
      ["policies/global.xml", "global"],
      ["policies/api.xml", "api"],
      ["policies/op.xml", "operation"],
      ["fragments/stamp.xml", "fragment"],
    ]);
    expect(body.files[1].text).toBe(readFileSync(join(dir, "policies/api.xml"), "utf8"));
    expect(body.diagnostics).toEqual([]);
    // The secret named value is not in the module (read when it loads) nor in the composed text.
    expect(body.js).toContain("export default");
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("GET policy: the source map takes each policy's generated code to its line in the composed text", async () => {
    const { body } = await getJson("policy?api=echo&operation=post-it");
    expect(body.sourceMap.version).toBe(3);
    expect(body.sourceMap.sources).toEqual(["effective.xml"]);
    const map = decodeLineMap(body.sourceMap.mappings);
    const js: string[] = body.js.split("\n");
    const xml: string[] = body.xml.split("\n");
    const checked: string[] = [];
    for (const [needle, jsNeedle] of [
      [`name="X-Stamp"`, `"x-stamp"`],
      [`name="who"`, `Variables.set("who"`],
      [`<choose>`, `=== "admin"`],
      [`name="X-Global"`, `"x-global"`],
      [`<forward-request`, "forward"],
    ]) {
      const jsLine = js.findIndex((l) => l.includes(jsNeedle!) && l.includes("ctx.$p"));
      expect(jsLine, jsNeedle).toBeGreaterThan(-1);
      const target = map.get(jsLine);
      expect(target, jsNeedle).toBeDefined();
      expect(xml[target!], needle).toContain(needle);
      checked.push(needle!);
    }
    expect(checked).toHaveLength(5);
  });

  it("GET policy: unknown API or operation is a JSON 404; a missing api= is a 400", async () => {
    expect((await getJson("policy?api=nope")).status).toBe(404);
    expect((await getJson("policy?api=echo&operation=nope")).body.error.code).toBe("WB_NO_POLICY");
    expect((await getJson("policy")).status).toBe(400);
  });

  it("POST check: a mistake comes back at its file, line and column with the code and the policy's reference page; fixed, nothing", async () => {
    const broken = API.replace(`<set-variable name="who"`, `<set-variable nam="who"`);
    const { status, body } = await postJson("check", { path: "policies/api.xml", text: broken });
    expect(status).toBe(200);
    expect(body.diagnostics.length).toBeGreaterThan(0);
    const d = body.diagnostics[0];
    expect(d.file).toBe("policies/api.xml");
    expect(d.line).toBe(lineOf(broken, "<set-variable"));
    expect(d.code).toMatch(/^APIMC\d{4}$/);
    expect(d.severity).toBe("error");
    expect(d.docUrl).toBe("https://learn.microsoft.com/azure/api-management/set-variable-policy");
    expect(typeof d.column).toBe("number");

    const csharp = OPERATION.replace(`== &quot;admin&quot;)`, `== &quot;admin&quot; +)`);
    const c = await postJson("check", { path: "policies/op.xml", text: csharp });
    expect(c.body.diagnostics[0].line).toBe(lineOf(csharp, "<when condition"));
    expect(c.body.diagnostics[0].docUrl).toBe("https://learn.microsoft.com/azure/api-management/choose-policy");

    expect((await postJson("check", { path: "policies/api.xml", text: API })).body.diagnostics).toEqual([]);
  });

  it("POST check: a fragment is checked where it is included", async () => {
    const broken = FRAGMENT.replace(`exists-action="override"`, `exists-action="bogus"`);
    const { body } = await postJson("check", { path: "fragments/stamp.xml", text: broken });
    expect(body.diagnostics.map((d: { file: string; line: number; docUrl?: string }) => [d.file, d.line, d.docUrl])).toContainEqual(["fragments/stamp.xml", lineOf(broken, "bogus"), "https://learn.microsoft.com/azure/api-management/set-header-policy"]);
    expect((await postJson("check", { path: "fragments/stamp.xml", text: FRAGMENT })).body.diagnostics).toEqual([]);
  });

  it("GET file: the text of a configuration file", async () => {
    const { status, body } = await getJson("file?path=policies/op.xml");
    expect(status).toBe(200);
    expect(body).toEqual({ path: "policies/op.xml", text: OPERATION });
  });

  it("send → history: the request, its response and its trace, credentials and secret named values masked", async () => {
    const sent = await postJson("send", { method: "POST", path: "/echo/it?subscription-key=qkey-1234", headers: [["X-Who", "admin"], ["Authorization", "Bearer tok-abcdef"], ["Content-Type", "text/plain"]], body: "hello body" });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe(200);
    expect(typeof sent.body.id).toBe("string");
    const list = await getJson("requests");
    expect(list.body.requests[0]).toMatchObject({ id: sent.body.id, method: "POST", status: 200, api: "echo", operation: "post-it" });
    expect(list.body.requests[0].url).toBe("/echo/it?subscription-key=***");
    const { status, body } = await getJson(`requests/${encodeURIComponent(sent.body.id)}`);
    expect(status).toBe(200);
    expect(body.request.method).toBe("POST");
    expect(body.request.body).toBe("hello body");
    expect(body.request.headers).toContainEqual(["authorization", "***"]);
    expect(JSON.stringify(body.request.headers)).not.toContain("x-apimc-workbench-send");
    expect(body.request.headers).toContainEqual(["x-who", "admin"]);
    expect(JSON.parse(body.response.body).echo).toBe("hello body");
    expect(backend.requests.at(-1)!.headers["x-branch"]).toBe("admin");
    expect(backend.requests.at(-1)!.headers["x-secret-copy"]).toBe(SECRET);
    expect(JSON.parse(body.response.body).copied).toBe("***");
    const entries = body.trace.entries as { policy?: string; branch?: string; file?: string; line?: number }[];
    expect(entries.find((e) => e.policy === "choose")).toMatchObject({ branch: "when[1]", file: "policies/op.xml", line: lineOf(OPERATION, "<choose>") });
    const text = JSON.stringify(body);
    for (const s of [SECRET, "tok-abcdef", "qkey-1234"]) expect(text).not.toContain(s);
    // The header the workbench marks its sends with never reaches the backend.
    expect(backend.requests.at(-1)!.rawHeaders.join("\n").toLowerCase()).not.toContain("x-apimc-workbench");
  });

  it("re-running from the history sends the original request again (with its credentials) as a new entry", async () => {
    const first = await postJson("send", { method: "POST", path: "/echo/it", headers: [["X-Who", "someone"], ["Authorization", "Bearer tok-rerun"]], body: "again" });
    const before = backend.requests.length;
    const again = await postJson("send", { replay: first.body.id });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.body.id);
    expect(backend.requests.length).toBe(before + 1);
    expect(backend.requests.at(-1)!.body).toBe("again");
    expect(backend.requests.at(-1)!.headers["x-who"]).toBe("someone");
    expect(backend.requests.at(-1)!.headers["x-branch"]).toBe("other");
    expect(backend.requests.at(-1)!.headers.authorization).toBe("Bearer tok-rerun");
    expect((await postJson("send", { replay: "no-such-id" })).status).toBe(404);
  });

  it("every request is kept with traceAll, not only the workbench's sends", async () => {
    const r = await request(`${base}/echo/anything`);
    await r.body.text();
    const list = await getJson("requests");
    expect(list.body.requests[0]).toMatchObject({ method: "GET", url: "/echo/anything", status: 200, operation: "get-any" });
  });

  it("send refuses what is not a request on this gateway's APIs", async () => {
    for (const bad of [
      { method: "GET", path: "http://example.com/" },
      { method: "GET", path: "//example.com/x" },
      { method: "GET", path: "/_apimc/api/config" },
      { method: "G ET", path: "/echo/x" },
      { method: "GET", path: "/echo/x", headers: [["X-A", "a\r\nInjected: 1"]] },
    ]) {
      const r = await postJson("send", bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe("WB_BAD_REQUEST");
    }
  });

  it("events: a request event with its summary; a reload event after a save", async () => {
    const r = await request(api("events"));
    expect(r.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    let text = "";
    r.body.setEncoding("utf8");
    r.body.on("data", (c: string) => (text += c));
    await until("the stream is open", () => text.includes("apimc workbench events"));
    const s = await postJson("send", { method: "GET", path: "/echo/evt" });
    await until("a request event", () => text.includes(`"id":${JSON.stringify(s.body.id)}`));
    expect(text).toMatch(/event: request\ndata: \{.*"url":"\/echo\/evt".*\}\n\n/);
    r.body.destroy();
  });

  it("PUT file: saves, the gateway reloads, and the next request runs the new policy", async () => {
    const events = await request(api("events"));
    let text = "";
    events.body.setEncoding("utf8");
    events.body.on("data", (c: string) => (text += c));
    const changed = API.replace("<value>one</value>", "<value>two</value>");
    const saved = await postJson("file", { path: "policies/api.xml", text: changed }, "PUT");
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ saved: true, diagnostics: [] });
    expect(readFileSync(join(dir, "policies/api.xml"), "utf8")).toBe(changed);
    await until("the new policy runs", async () => {
      const r = await request(`${base}/echo/x`);
      await r.body.dump();
      return r.headers["x-version"] === "two";
    });
    await until("a reload event", () => text.includes("event: reload"));
    expect(text).toContain(`"ok":true`);
    events.body.destroy();
  });

  it("PUT file: a save that does not compile is written, answered with its diagnostics, and the last good version keeps serving", async () => {
    const broken = API.replace("<set-variable", "<set-variabl");
    const saved = await postJson("file", { path: "policies/api.xml", text: broken }, "PUT");
    expect(saved.body.saved).toBe(true);
    expect(saved.body.diagnostics[0]).toMatchObject({ file: "policies/api.xml", line: lineOf(broken, "<set-variabl"), severity: "error" });
    const r = await request(`${base}/echo/x`);
    await r.body.dump();
    expect(r.statusCode).toBe(200);
    await postJson("file", { path: "policies/api.xml", text: API }, "PUT");
  });

  it("unknown API paths and wrong methods answer JSON errors", async () => {
    const r = await getJson("nothing-here");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("WB_NOT_FOUND");
    const m = await request(api("config"), { method: "DELETE", headers: WB });
    expect(m.statusCode).toBe(405);
    expect(((await m.body.json()) as any).error.code).toBe("WB_METHOD");
    const bad = await request(api("check"), { method: "POST", headers: WB, body: "{not json" });
    expect(bad.statusCode).toBe(400);
    expect(((await bad.body.json()) as any).error.code).toBe("WB_BAD_JSON");
  });

  it("GET /_apimc/: the page (or its placeholder) with a content security policy", async () => {
    const r = await request(`${base}/_apimc/`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(String(r.headers["content-security-policy"])).toContain("script-src 'self'");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(await r.body.text()).toContain("<html");
    const missing = await request(`${base}/_apimc/assets/..%2Fgateway.json`);
    expect(missing.statusCode).toBe(404);
    await missing.body.dump();
  });
});

describe("workbench off", () => {
  it("/_apimc/api/ is not the workbench's: the gateway routes it like any path", async () => {
    const g = createGateway({ config: join(dir, "gateway.json") });
    const port = (await g.listen()).port;
    try {
      const r = await request(`http://127.0.0.1:${port}/_apimc/api/config`);
      expect(r.statusCode).toBe(404);
      const body = (await r.body.json()) as { message: string };
      expect(body.message).toContain("Unable to match incoming request to an operation");
    } finally {
      await g.close();
    }
  });
});

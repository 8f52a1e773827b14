// log-to-eventhub outside Azure: gateway.json `loggers` maps a logger id to a JSON-lines file,
// stdout or an HTTP endpoint; through the real gateway over HTTP. Without a mapping a gateway build
// says APIMC2014 and how to map it; the policy's attribute rules are compile diagnostics.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, GatewayBuildError, type Gateway } from "../../gateway/host.js";
import { validateConfig } from "../../gateway/config.js";
import { loadApiopsFolder } from "../../gateway/apiops.js";
import { runPolicy } from "../../gateway/testing.js";
import { compile } from "../../compiler/index.js";
import { MAX_MESSAGE_BYTES } from "../../runtime/integration/log-to-eventhub.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";
import { writeFolder, write as writeFile } from "../apiops/folder.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-loggers-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : []);

describe("log-to-eventhub through the gateway", () => {
  let backend: TestServer;
  let collector: TestServer;
  let gw: Gateway;
  let base: string;
  const stdout: string[] = [];
  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("ok"));
    collector = await startServer((_req, res) => {
      res.statusCode = 202;
      res.end();
    });
    write(
      "policy.xml",
      `<policies>
  <inbound>
    <log-to-eventhub logger-id="audit" partition-key="@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;none&quot;))">@(string.Join(",", context.Request.Method, context.Request.Url.Path, context.Request.Headers.GetValueOrDefault("X-Msg", "")))</log-to-eventhub>
    <log-to-eventhub logger-id="remote" partition-id="3">literal message</log-to-eventhub>
    <log-to-eventhub logger-id="console">@(context.Request.Url.Path)</log-to-eventhub>
  </inbound>
  <backend><forward-request /></backend>
</policies>`,
    );
    write(
      "gateway.json",
      JSON.stringify({
        loggers: { audit: { type: "file", path: "logs/audit.jsonl" }, remote: { type: "http", url: `${collector.url}/ingest`, headers: { "x-api-key": "k1" } }, console: { type: "stdout" } },
        apis: [{ id: "a", path: "/a", serviceUrl: backend.url, policy: "policy.xml" }],
      }),
    );
    const real = process.stdout.write.bind(process.stdout);
    vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith('{"time"')) {
        stdout.push(text);
        return true;
      }
      return (real as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
    gw = createGateway({ config: join(dir, "gateway.json") });
    const addr = await gw.listen(0, "127.0.0.1");
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await gw?.close();
    await backend?.close();
    await collector?.close();
  });

  it("writes one JSON line a message to the file, with the partition key; the request goes on", async () => {
    for (const [tenant, msg] of [
      ["t1", "hello"],
      ["t2", 'a "quoted" \\ value'],
    ]) {
      const r = await request(`${base}/a/items?x=1`, { method: "POST", headers: { "x-tenant": tenant, "x-msg": msg }, body: "{}" });
      expect(r.statusCode).toBe(200);
      expect(await r.body.text()).toBe("ok");
    }
    const file = join(dir, "logs/audit.jsonl");
    await until("two lines in the file", () => lines(file).length === 2);
    const got = lines(file);
    expect(got.map((l) => [l.logger, l.message, l.partitionKey, "partitionId" in l])).toEqual([
      ["audit", "POST,/a/items,hello", "t1", false],
      ["audit", 'POST,/a/items,a "quoted" \\ value', "t2", false],
    ]);
    for (const l of got) {
      expect(new Date(l.time).toISOString()).toBe(l.time);
      expect(l.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(got[0].requestId).not.toBe(got[1].requestId);
  });

  it("POSTs each message as JSON to an http logger, with its headers and the partition id", async () => {
    const before = collector.requests.length;
    await (await request(`${base}/a/x`)).body.text();
    await until("the collector got a message", () => collector.requests.length > before);
    const r = collector.requests[collector.requests.length - 1]!;
    expect(r.method).toBe("POST");
    expect(r.url).toBe("/ingest");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["x-api-key"]).toBe("k1");
    expect(JSON.parse(r.body)).toMatchObject({ logger: "remote", message: "literal message", partitionId: 3 });
  });

  it("writes stdout loggers as JSON lines on standard output", async () => {
    await (await request(`${base}/a/from-stdout`)).body.text();
    await until("a stdout line", () => stdout.some((l) => l.includes("/a/from-stdout")));
    const line = stdout.find((l) => l.includes("/a/from-stdout"))!;
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ logger: "console", message: "/a/from-stdout" });
  });

  it("a sink that fails (endpoint gone) never fails the request", async () => {
    await collector.close();
    const r = await request(`${base}/a/still-works`);
    expect(r.statusCode).toBe(200);
    await r.body.text();
  });
});

describe("log-to-eventhub: messages over 200 KB are cut at 200 KB (a character boundary)", () => {
  it.each([
    ["ascii", "a"],
    ["two-byte", "é"],
    ["three-byte", "€"],
    ["four-byte", "😀"],
  ])("%s", async (_n, ch) => {
    const entries: { message: string }[] = [];
    const env = (await import("../../runtime/context.js")).newEnvironment({ loggers: new Map([["l", { write: (e) => void entries.push(e) }]]) });
    const long = ch.repeat(Math.ceil((MAX_MESSAGE_BYTES + 10) / Buffer.byteLength(ch)));
    const r = await runPolicy(`<policies><inbound><log-to-eventhub logger-id="l">@(context.Variables.GetValueOrDefault&lt;string&gt;("m"))</log-to-eventhub></inbound></policies>`, { variables: { m: long }, environment: env });
    expect(r.status).toBe(200);
    const bytes = Buffer.byteLength(entries[0]!.message);
    expect(bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(bytes).toBeGreaterThan(MAX_MESSAGE_BYTES - 4);
    expect(long.startsWith(entries[0]!.message)).toBe(true);
    // A message under the limit is whole.
    entries.length = 0;
    await runPolicy(`<policies><inbound><log-to-eventhub logger-id="l">@(context.Variables.GetValueOrDefault&lt;string&gt;("m"))</log-to-eventhub></inbound></policies>`, { variables: { m: ch.repeat(100) }, environment: env });
    expect(entries[0]!.message).toBe(ch.repeat(100));
  });
});

describe("log-to-eventhub without a mapping", () => {
  it("a gateway build is APIMC2014 at the logger-id, saying how to map it", () => {
    const d = mkdtempSync(join(tmpdir(), "apimc-loggers-unmapped-"));
    writeFileSync(join(d, "p.xml"), `<policies>\n  <inbound>\n    <log-to-eventhub logger-id="contoso-logger">x</log-to-eventhub>\n  </inbound>\n</policies>`);
    writeFileSync(join(d, "gateway.json"), JSON.stringify({ loggers: { other: { type: "stdout" } }, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", policy: "p.xml" }] }));
    let err: GatewayBuildError | null = null;
    try {
      createGateway({ config: join(d, "gateway.json") });
    } catch (e) {
      err = e as GatewayBuildError;
    }
    expect(err).toBeInstanceOf(GatewayBuildError);
    const [diag] = err!.diagnostics;
    expect(diag).toMatchObject({ code: "APIMC2014", line: 3, column: 33 });
    expect(diag!.message).toContain(`"loggers": { "contoso-logger": { "type": "file", "path": "logs/contoso-logger.jsonl" } }`);
    expect(diag!.message).toContain("(Mapped: other.)");
  });
  it("a standalone compile leaves it to run time, where a missing sink is a policy error on-error sees", async () => {
    expect(compile(`<policies><inbound><log-to-eventhub logger-id="x">m</log-to-eventhub></inbound></policies>`).code).not.toBeNull();
    const r = await runPolicy(`<policies><inbound><log-to-eventhub logger-id="x">m</log-to-eventhub></inbound><on-error><return-response><set-status code="599" reason="x"/><set-body>@(context.LastError.Reason)</set-body></return-response></on-error></policies>`);
    expect(r.status).toBe(599);
    expect(r.body).toBe("LoggerNotConfigured");
  });
});

describe("log-to-eventhub compile diagnostics", () => {
  const codes = (inner: string, section = "inbound") => compile(`<policies><${section}>${inner}</${section}></policies>`).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  it.each([
    ["no logger-id", `<log-to-eventhub>m</log-to-eventhub>`, ["APIMC2004"]],
    ["an expression in logger-id", `<log-to-eventhub logger-id="@(&quot;x&quot;)">m</log-to-eventhub>`, ["APIMC2007"]],
    ["an expression in partition-id", `<log-to-eventhub logger-id="x" partition-id="@(1)">m</log-to-eventhub>`, ["APIMC2007"]],
    ["an empty logger-id", `<log-to-eventhub logger-id=" ">m</log-to-eventhub>`, ["APIMC2008"]],
    ["partition-id not a number", `<log-to-eventhub logger-id="x" partition-id="one">m</log-to-eventhub>`, ["APIMC2008"]],
    ["a negative partition-id", `<log-to-eventhub logger-id="x" partition-id="-1">m</log-to-eventhub>`, ["APIMC2008"]],
    ["both partition-id and partition-key", `<log-to-eventhub logger-id="x" partition-id="1" partition-key="k">m</log-to-eventhub>`, ["APIMC2008"]],
    ["no message", `<log-to-eventhub logger-id="x" />`, ["APIMC2005"]],
    ["a blank message", `<log-to-eventhub logger-id="x">  </log-to-eventhub>`, ["APIMC2005"]],
    ["child elements", `<log-to-eventhub logger-id="x"><message>m</message></log-to-eventhub>`, ["APIMC2009"]],
    ["an unknown attribute", `<log-to-eventhub logger-id="x" format="json">m</log-to-eventhub>`, ["APIMC2003"]],
  ])("%s", (_name, xml, expected) => expect(codes(xml)).toEqual(expected));
  it("is allowed in every section", () => {
    for (const s of ["inbound", "backend", "outbound", "on-error"]) expect(codes(`<log-to-eventhub logger-id="x">m</log-to-eventhub>`, s)).toEqual([]);
  });
});

describe("gateway.json loggers validation", () => {
  const ok = { apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] };
  const err = (loggers: unknown) => {
    try {
      validateConfig({ ...ok, loggers }, "gateway.json");
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  it("accepts the three sink types", () => {
    expect(err({ a: { type: "file", path: "x.jsonl" }, b: { type: "stdout" }, c: { type: "http", url: "https://h.example/in", headers: { "x-k": "v" } } })).toBeNull();
  });
  it.each([
    [[], "loggers: must be an object"],
    [{ a: "file" }, "loggers.a: must be an object"],
    [{ a: { type: "eventhub" } }, 'loggers.a.type: must be "file"'],
    [{ a: { type: "file" } }, "loggers.a.path: is required"],
    [{ a: { type: "file", path: "x", url: "http://h" } }, "loggers.a.url: unknown property"],
    [{ a: { type: "http" } }, "loggers.a.url: is required"],
    [{ a: { type: "http", url: "ftp://h/x" } }, "loggers.a.url: must be an http(s) URL"],
    [{ a: { type: "http", url: "http://h", headers: { "bad header": "v" } } }, "'bad header' is not a valid header name"],
    [{ a: { type: "stdout", path: "x" } }, "loggers.a.path: unknown property"],
  ])("%j", (loggers, message) => expect(err(loggers)).toContain(message));
});

describe("log-to-eventhub in an APIOps folder: $loggers in the values file", () => {
  it("maps a logger of the folder to a sink (file paths relative to the values file); an unknown id is a warning", async () => {
    const backend = await startServer((_req, res) => res.end("ok"));
    const root = mkdtempSync(join(tmpdir(), "apimc-loggers-apiops-"));
    writeFolder(root, {
      apis: [{ name: "orders", path: "orders", serviceUrl: backend.url, openapi: "3.0.1", subscriptionRequired: false, operations: [{ operationId: "get", method: "GET", path: "/x", policy: `<policies><inbound><log-to-eventhub logger-id="audit">@(context.Operation.Id)</log-to-eventhub></inbound><backend><forward-request/></backend></policies>` }] }],
    });
    writeFile(join(root, "loggers/audit/loggerInformation.json"), JSON.stringify({ properties: { loggerType: "azureEventHub", description: "audit" } }));
    const valuesDir = mkdtempSync(join(tmpdir(), "apimc-loggers-values-"));
    const values = writeFile(join(valuesDir, "values.json"), JSON.stringify({ $loggers: { audit: { type: "file", path: "out/audit.jsonl" }, audti: { type: "stdout" } } }, null, 2));
    const loaded = loadApiopsFolder(root, { values });
    expect(loaded.diagnostics!.map((d) => [d.code, d.severity, d.message])).toEqual([["APIMC5014", "warning", "The folder has no logger 'audti' (no loggers/audti/); a policy may still name it. Did you mean 'audit'?"]]);
    const gw = createGateway({ apiops: { dir: root, values } });
    try {
      const addr = await gw.listen(0, "127.0.0.1");
      const r = await request(`http://127.0.0.1:${addr.port}/orders/x`);
      expect(r.statusCode).toBe(200);
      await r.body.text();
      const file = join(valuesDir, "out/audit.jsonl");
      await until("the APIOps logger wrote", () => lines(file).length === 1);
      expect(lines(file)[0]).toMatchObject({ logger: "audit", message: "get" });
    } finally {
      await gw.close();
      await backend.close();
    }
  });
  it("without $loggers, a policy naming a folder logger gets APIMC2014 pointing at $loggers; a bad $loggers is an error at its place", () => {
    const root = mkdtempSync(join(tmpdir(), "apimc-loggers-apiops-"));
    writeFolder(root, { apis: [{ name: "orders", path: "orders", serviceUrl: "http://127.0.0.1:9", openapi: "3.0.1", operations: [{ operationId: "get", method: "GET", path: "/x", policy: `<policies><inbound><log-to-eventhub logger-id="audit">m</log-to-eventhub></inbound></policies>` }] }] });
    let err: GatewayBuildError | null = null;
    try {
      createGateway({ apiops: root });
    } catch (e) {
      err = e as GatewayBuildError;
    }
    expect(err!.diagnostics.map((d) => d.code)).toEqual(["APIMC2014"]);
    expect(err!.diagnostics[0]!.message).toContain(`under "$loggers" in the --named-values file`);
    const values = writeFile(join(mkdtempSync(join(tmpdir(), "apimc-loggers-values-")), "v.json"), `{\n  "$loggers": {\n    "audit": { "type": "kafka" }\n  }\n}\n`);
    let bad: { diagnostics: { code: string; line: number; message: string }[] } | null = null;
    try {
      loadApiopsFolder(root, { values });
    } catch (e) {
      bad = e as typeof bad;
    }
    expect(bad!.diagnostics.map((d) => [d.code, d.line])).toEqual([["APIMC5011", 3]]);
    expect(bad!.diagnostics[0]!.message).toContain('$loggers.audit.type: must be "file"');
  });
});

// llm-semantic-cache-lookup / -store (and the azure-openai- names) through the real gateway over
// HTTP, against a local OpenAI-compatible embeddings server and a local chat-completions server.
// The embeddings server gives fixed vectors by prompt words, so the distances are known:
// "France" [1,0,0]; "French capital" [0.995,0.0998,0] (distance 0.005 to France); "Spain"
// [0.8,0.6,0] (distance 0.2); "weather" [0,0,1] (distance 1). score-threshold is a distance (the
// page: lower values require higher similarity). Cases: a miss stored then a near prompt hit, a
// prompt beyond the threshold missing, a larger threshold taking it, vary-by partitions, expiry,
// ignore-system-messages, max-message-count, an embeddings failure (a miss, the call still answered),
// two gateways sharing a real redis-server; diagnostics (APIMC2014 naming what to configure).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { buildGateway } from "../../gateway/build.js";
import { ConfigError, loadGatewayConfig, validateConfig } from "../../gateway/config.js";
import { compile } from "../../compiler/index.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { cosine, promptOf } from "../../runtime/ai/semantic-cache.js";

/** The first key the prompt contains gives its vector. */
const VECTORS: [string, number[]][] = [
  ["weather", [0, 0, 1]],
  ["French capital", [0.995, 0.0998, 0]],
  ["France", [1, 0, 0]],
  ["Spain", [0.8, 0.6, 0]],
];

let embeddings: TestServer;
let chat: TestServer;
let redis: RedisServer;
let chatCalls = 0;
const gateways: Gateway[] = [];
let base = "";
let dir = "";

const lookup = (name: string, threshold: string, extra = "", varyBy = `<vary-by>@(context.Request.Headers.GetValueOrDefault("X-Tenant", ""))</vary-by>`) =>
  `<${name}-semantic-cache-lookup score-threshold="${threshold}" embeddings-backend-id="embeddings" embeddings-backend-auth="system-assigned"${extra}>\n      ${varyBy}\n    </${name}-semantic-cache-lookup>`;
const policy = (lookupXml: string, duration = "60", name = "llm") =>
  `<policies>\n  <inbound>\n    <base />\n    ${lookupXml}\n  </inbound>\n  <backend><forward-request /></backend>\n  <outbound>\n    <${name}-semantic-cache-store duration="${duration}" />\n    <base />\n  </outbound>\n</policies>\n`;

/** API path → its policy. */
const APIS: Record<string, string> = {
  strict: policy(lookup("llm", "0.05")),
  loose: policy(lookup("llm", "0.25")),
  azure: policy(lookup("azure-openai", "0.05"), "60", "azure-openai"),
  short: policy(lookup("llm", "0.05"), "1"),
  nosystem: policy(lookup("llm", "0.05", ` ignore-system-messages="true"`)),
  withsystem: policy(lookup("llm", "0.05")),
  maxmsg: policy(lookup("llm", "0.05", ` max-message-count="2"`)),
  deadembeddings: policy(lookup("llm", "0.05").replace('embeddings-backend-id="embeddings"', 'embeddings-backend-id="dead"')),
};

function writeGateway(name: string, state?: object): string {
  const config = {
    backends: { embeddings: { url: `${embeddings.url.replace(/\/$/, "")}/v1/embeddings` }, dead: { url: deadUrl } },
    semanticCache: { embeddingsModel: "test-embedding" },
    ...(state ? { state } : {}),
    apis: Object.keys(APIS).map((id) => ({ id, path: `/${id}`, serviceUrl: chat.url, policy: `${id}.xml` })),
  };
  writeFileSync(join(dir, name), JSON.stringify(config, null, 2));
  return join(dir, name);
}
let deadUrl = "";

beforeAll(async () => {
  embeddings = await startServer((req, res) => {
    const body = JSON.parse(req.body) as { input: string; model?: string };
    res.setHeader("content-type", "application/json");
    const v = VECTORS.find(([k]) => body.input.includes(k))?.[1] ?? [0.3, 0.3, 0.3];
    res.end(JSON.stringify({ object: "list", data: [{ object: "embedding", index: 0, embedding: v }], model: body.model ?? null }));
  });
  chat = await startServer((req, res) => {
    chatCalls++;
    const body = JSON.parse(req.body) as { messages: { role: string; content: string }[] };
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ id: `c${chatCalls}`, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: `answer ${chatCalls} to ${body.messages.at(-1)!.content}` }, finish_reason: "stop" }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }));
  });
  redis = await startRedis();
  deadUrl = `http://127.0.0.1:${await closedPort()}/v1/embeddings`;
  dir = mkdtempSync(join(tmpdir(), "apimc-semcache-"));
  for (const [id, xml] of Object.entries(APIS)) writeFileSync(join(dir, `${id}.xml`), xml);
  const g = createGateway({ config: writeGateway("gateway.json") });
  gateways.push(g);
  base = `http://127.0.0.1:${(await g.listen(0, "127.0.0.1")).port}`;
}, 60_000);
afterAll(async () => {
  for (const g of gateways) await g.close();
  await embeddings?.close();
  await chat?.close();
  await redis?.stop();
});

async function ask(url: string, messages: { role: string; content: string }[], headers: Record<string, string> = {}, extra: object = {}): Promise<{ status: number; answer: string; calls: number }> {
  const before = chatCalls;
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ messages, ...extra }) });
  const json = (await r.json()) as { choices: { message: { content: string } }[] };
  return { status: r.status, answer: json.choices[0]!.message.content, calls: chatCalls - before };
}
const user = (content: string) => [{ role: "user", content }];

describe("semantic cache through the gateway", () => {
  it("stores a miss's answer and answers a near prompt from the cache; a far prompt misses", async () => {
    const first = await ask(`${base}/strict/chat`, user("What is the capital of France?"), { "X-Tenant": "a" });
    expect(first).toMatchObject({ status: 200, calls: 1 });
    const near = await ask(`${base}/strict/chat`, user("Name the French capital"), { "X-Tenant": "a" });
    expect(near).toEqual({ status: 200, answer: first.answer, calls: 0 });
    const far = await ask(`${base}/strict/chat`, user("What is the capital of Spain?"), { "X-Tenant": "a" });
    expect(far.calls).toBe(1);
    expect(far.answer).toMatch(/Spain/);
  });

  it("score-threshold is a distance: 0.25 takes a prompt 0.2 away that 0.05 does not", async () => {
    const first = await ask(`${base}/loose/chat`, user("capital of France"));
    expect(first.calls).toBe(1);
    expect(await ask(`${base}/loose/chat`, user("capital of Spain"))).toEqual({ status: 200, answer: first.answer, calls: 0 });
    expect((await ask(`${base}/loose/chat`, user("the weather"))).calls).toBe(1);
  });

  it("vary-by partitions the cache", async () => {
    const a = await ask(`${base}/azure/chat`, user("France"), { "X-Tenant": "t1" });
    expect(a.calls).toBe(1);
    expect((await ask(`${base}/azure/chat`, user("France"), { "X-Tenant": "t2" })).calls).toBe(1);
    expect(await ask(`${base}/azure/chat`, user("France"), { "X-Tenant": "t1" })).toEqual({ status: 200, answer: a.answer, calls: 0 });
  });

  it("entries expire after duration seconds", async () => {
    const a = await ask(`${base}/short/chat`, user("France"));
    expect(a.calls).toBe(1);
    expect((await ask(`${base}/short/chat`, user("France"))).calls).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await ask(`${base}/short/chat`, user("France"))).calls).toBe(1);
  });

  it("ignore-system-messages leaves system messages out of the compared prompt", async () => {
    const sys = (s: string) => [{ role: "system", content: s }, ...user("France")];
    expect((await ask(`${base}/nosystem/chat`, sys("Be brief about the weather"))).calls).toBe(1);
    expect((await ask(`${base}/nosystem/chat`, sys("Be verbose"))).calls).toBe(0);
    // Without it the system message is part of the prompt ("weather" moves the vector away).
    expect((await ask(`${base}/withsystem/chat`, sys("Be brief about the weather"))).calls).toBe(1);
    expect((await ask(`${base}/withsystem/chat`, sys("Be verbose"))).calls).toBe(1);
  });

  it("max-message-count: a longer dialog is neither looked up nor stored", async () => {
    const long = [...user("hello"), { role: "assistant", content: "hi" }, ...user("France")];
    expect((await ask(`${base}/maxmsg/chat`, long)).calls).toBe(1);
    expect((await ask(`${base}/maxmsg/chat`, long)).calls).toBe(1);
    expect((await ask(`${base}/maxmsg/chat`, user("France"))).calls).toBe(1);
    expect((await ask(`${base}/maxmsg/chat`, user("France"))).calls).toBe(0);
  });

  it("a streamed request is not cached", async () => {
    // The chat server answers JSON either way; the point is that nothing is stored or looked up.
    expect((await ask(`${base}/strict/chat`, user("France stream"), { "X-Tenant": "s" }, { stream: true })).calls).toBe(1);
    expect((await ask(`${base}/strict/chat`, user("France stream"), { "X-Tenant": "s" }, { stream: true })).calls).toBe(1);
  });

  it("an embeddings backend that cannot be reached is a miss: the call is still answered", async () => {
    expect(await ask(`${base}/deadembeddings/chat`, user("France"))).toMatchObject({ status: 200, calls: 1 });
    expect(await ask(`${base}/deadembeddings/chat`, user("France"))).toMatchObject({ status: 200, calls: 1 });
  });

  it("two gateways sharing a redis-server share the cache", async () => {
    const config = writeGateway("gateway-redis.json", { redis: redis.url, keyPrefix: "sc:", timeoutMs: 10_000 });
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const g = createGateway({ config });
      gateways.push(g);
      urls.push(`http://127.0.0.1:${(await g.listen(0, "127.0.0.1")).port}`);
    }
    const a = await ask(`${urls[0]}/strict/chat`, user("Redis France"), { "X-Tenant": "r" });
    expect(a.calls).toBe(1);
    expect(await ask(`${urls[1]}/strict/chat`, user("Redis French capital"), { "X-Tenant": "r" })).toEqual({ status: 200, answer: a.answer, calls: 0 });
    expect((await ask(`${urls[1]}/strict/chat`, user("Redis Spain"), { "X-Tenant": "r" })).calls).toBe(1);
  });
});

describe("semantic cache pieces", () => {
  it("cosine similarity", () => {
    expect(cosine([1, 0], [1, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
    expect(cosine([1, 0, 0], [0.8, 0.6, 0])).toBeCloseTo(0.8);
    expect(cosine([1, 0], [1, 0, 0])).toBe(0);
    expect(cosine([0, 0], [1, 0])).toBe(0);
  });
  it("the prompt of chat, completion and Responses API requests", () => {
    const o = { ignoreSystemMessages: false, maxMessageCount: null };
    expect(promptOf({ messages: [{ role: "system", content: "s" }, { role: "user", content: [{ type: "text", text: "hi" }] }] }, o)).toBe("system: s\nuser: hi");
    expect(promptOf({ messages: [{ role: "system", content: "s" }, { role: "user", content: "hi" }] }, { ...o, ignoreSystemMessages: true })).toBe("user: hi");
    expect(promptOf({ prompt: "complete this" }, o)).toBe("complete this");
    expect(promptOf({ input: "respond" }, o)).toBe("respond");
    expect(promptOf({ input: [{ role: "user", content: "x" }] }, o)).toBe("user: x");
    expect(promptOf({ messages: [{ role: "user", content: "a" }], stream: true }, o)).toBeNull();
    expect(promptOf({ messages: user("a").concat(user("b")) }, { ...o, maxMessageCount: 1 })).toBeNull();
    expect(promptOf("text", o)).toBeNull();
    expect(promptOf({}, o)).toBeNull();
  });
});

describe("semantic cache diagnostics", () => {
  const codes = (xml: string) => compile(xml, { file: "p.xml", checkOnly: true }).diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}:${d.column}`);
  const P = (inbound: string, outbound = "") => `<policies>\n  <inbound>\n    ${inbound}\n  </inbound>\n  <backend><forward-request /></backend>\n  <outbound>${outbound}</outbound>\n</policies>`;
  const L = (attrs: string, name = "llm") => `<${name}-semantic-cache-lookup ${attrs} />`;

  it.each(["llm", "azure-openai"])("%s: the page's example compiles standalone (backends unknown)", (name) => {
    expect(codes(P(L(`score-threshold="0.05" embeddings-backend-id="x" embeddings-backend-auth="system-assigned"`, name), `<${name}-semantic-cache-store duration="60" />`))).toEqual([]);
  });

  it.each([
    ["no score-threshold", P(L(`embeddings-backend-id="x"`)), "error:APIMC2004@3:5"],
    ["no embeddings-backend-id", P(L(`score-threshold="0.1"`)), "error:APIMC2004@3:5"],
    ["score-threshold above 1", P(L(`score-threshold="1.5" embeddings-backend-id="x"`)), "error:APIMC2008@3:49"],
    ["score-threshold not a number", P(L(`score-threshold="high" embeddings-backend-id="x"`)), "error:APIMC2008@3:49"],
    ["score-threshold as an expression", P(L(`score-threshold="@(0.1)" embeddings-backend-id="x"`)), "error:APIMC2007@3:49"],
    ["embeddings-backend-auth other than system-assigned", P(L(`score-threshold="0.1" embeddings-backend-id="x" embeddings-backend-auth="user"`)), "error:APIMC2008"],
    ["max-message-count 0", P(L(`score-threshold="0.1" embeddings-backend-id="x" max-message-count="0"`)), "error:APIMC2008"],
    ["an unknown child", P(`<llm-semantic-cache-lookup score-threshold="0.1" embeddings-backend-id="x"><vary-by-header>X</vary-by-header></llm-semantic-cache-lookup>`), "error:APIMC2009@3:80"],
    ["lookup in outbound", P("", L(`score-threshold="0.1" embeddings-backend-id="x"`)), "error:APIMC2006"],
    ["store in inbound", P(`<llm-semantic-cache-store duration="60" />`), "error:APIMC2006@3:5"],
    ["store without duration", P("", `<llm-semantic-cache-store />`), "error:APIMC2004"],
    ["two lookups", P(`${L(`score-threshold="0.1" embeddings-backend-id="x"`)}${L(`score-threshold="0.1" embeddings-backend-id="x"`)}`), "error:APIMC2019"],
  ])("%s", (_n, xml, expected) => {
    expect(codes(xml).some((c) => c.startsWith(expected))).toBe(true);
  });

  it("gateway.json semanticCache is checked", () => {
    const msg = (semanticCache: unknown) => {
      try {
        validateConfig({ semanticCache, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] }, "gateway.json");
        return "accepted";
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
    };
    expect(msg({ embeddingsModel: "m" })).toBe("accepted");
    expect(msg({ embeddingsModel: 5 })).toContain("semanticCache.embeddingsModel");
    expect(msg({ model: "m" })).toContain("model");
  });

  it("a gateway build without the embeddings backend is APIMC2014 saying what to configure", () => {
    const d = mkdtempSync(join(tmpdir(), "apimc-semcache-build-"));
    writeFileSync(join(d, "p.xml"), P(L(`score-threshold="0.05" embeddings-backend-id="emb"`), `<llm-semantic-cache-store duration="60" />`));
    const write = (backends: object) => writeFileSync(join(d, "gateway.json"), JSON.stringify({ backends, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1", policy: "p.xml" }] }));
    write({ other: { url: "http://127.0.0.1:1/" } });
    const b = buildGateway(loadGatewayConfig(join(d, "gateway.json")), "function", "apimc/runtime", true);
    const errors = b.diagnostics.filter((x) => x.severity === "error");
    expect(errors.map((x) => `${x.code}@${x.line}:${x.column}`)).toEqual(["APIMC2014@3:78"]);
    expect(errors[0]!.message).toMatch(/embeddings service.*"backends": \{ "emb": \{ "url": .*embeddings/);
    write({ emb: { url: "http://127.0.0.1:1/v1/embeddings" } });
    expect(buildGateway(loadGatewayConfig(join(d, "gateway.json")), "function", "apimc/runtime", true).diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });
});

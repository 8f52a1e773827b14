// llm-token-limit / azure-openai-token-limit and llm-emit-token-metric through the real gateway over
// HTTP, against a local OpenAI-compatible server: tokens per minute from the answers' usage, the
// prompt estimated before the call, quotas per calendar period (403), server-sent event streams
// passed on as they come and counted (usage chunk, or the tokenizer over the deltas), counters shared
// by two gateways through a real redis-server, and the token metrics at /_apimc/metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { runPolicy } from "../../gateway/testing.js";
import { newEnvironment } from "../../runtime/context.js";
import { calendarPeriod } from "../../runtime/ai/token-limit.js";
import { timeSpanText } from "../../runtime/state/limits.js";
import { startOpenAiMock, type OpenAiMock } from "./openai-mock.js";
import { startRedis, type RedisServer } from "../helpers/redis-server.js";
import { until } from "../helpers/until.js";

const KEY = `@(context.Request.Headers.GetValueOrDefault("x-key", "k"))`;
const POLICIES: Record<string, string> = {
  rate: `<llm-token-limit counter-key='${KEY}' tokens-per-minute="100" estimate-prompt-tokens="false" remaining-tokens-header-name="x-remaining" remaining-tokens-variable-name="rem" tokens-consumed-header-name="x-consumed" tokens-consumed-variable-name="used" retry-after-variable-name="ra" />`,
  estimate: `<azure-openai-token-limit counter-key='${KEY}' tokens-per-minute="50" estimate-prompt-tokens="true" retry-after-header-name="x-retry" tokens-consumed-variable-name="used" />`,
  quota: `<llm-token-limit counter-key='${KEY}' token-quota="100" token-quota-period="Daily" remaining-quota-tokens-header-name="x-quota-left" remaining-quota-tokens-variable-name="qleft" />`,
  metric: `<llm-emit-token-metric namespace="ai"><dimension name="API ID" /><dimension name="Client" value='@(context.Request.Headers.GetValueOrDefault("x-client", "none"))' /></llm-emit-token-metric>`,
};
const OUTBOUND = `<set-header name="x-used-var" exists-action="override"><value>@(context.Variables.ContainsKey("used") ? context.Variables["used"].ToString() : "-")</value></set-header><set-header name="x-rem-var" exists-action="override"><value>@(context.Variables.ContainsKey("rem") ? context.Variables["rem"].ToString() : "-")</value></set-header>`;
const ON_ERROR = `<set-header name="x-ra-var" exists-action="override"><value>@(context.Variables.ContainsKey("ra") ? context.Variables["ra"].ToString() : "-")</value></set-header><set-header name="x-reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header><set-header name="x-source" exists-action="override"><value>@(context.LastError.Source)</value></set-header>`;

function writeGateway(dir: string, backend: string, extra: object = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, p] of Object.entries(POLICIES))
    writeFileSync(join(dir, `${name}.xml`), `<policies><inbound>${p}</inbound><backend><forward-request /></backend><outbound>${OUTBOUND}</outbound><on-error>${ON_ERROR}</on-error></policies>`);
  const file = join(dir, "gateway.json");
  writeFileSync(file, JSON.stringify({ ...extra, apis: Object.keys(POLICIES).map((n) => ({ id: n, path: `/${n}`, serviceUrl: `${backend}/openai`, policy: `${n}.xml` })) }));
  return file;
}

const chat = (content = "hi", extra: object = {}) => JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content }], ...extra });

async function post(base: string, path: string, headers: Record<string, string>, body = chat()) {
  const r = await request(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: r.statusCode, headers: r.headers as Record<string, string>, body: await r.body.text() };
}

describe("AI gateway policies through the gateway", () => {
  let mock: OpenAiMock;
  let gw: Gateway;
  let base = "";
  beforeAll(async () => {
    mock = await startOpenAiMock();
    gw = createGateway({ config: writeGateway(mkdtempSync(join(tmpdir(), "apimc-ai-")), mock.url) });
    base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
  });
  afterAll(async () => {
    await gw?.close();
    await mock?.close();
  });

  it("tokens-per-minute from the answers' usage: refused with 429 once used up, per key, with the headers and variables", async () => {
    const seen: (string | number)[][] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(base, "/rate/chat/completions", { "x-key": "r1", "x-completion": "30" });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body).usage.total_tokens).toBe(40);
      seen.push([r.headers["x-consumed"]!, r.headers["x-used-var"]!, r.headers["x-remaining"]!, r.headers["x-rem-var"]!]);
    }
    // The variable holds what was left when the policy ran; the header, after the answer's tokens.
    expect(seen).toEqual([
      ["40", "40", "60", "100"],
      ["40", "40", "20", "60"],
      ["40", "40", "0", "20"],
    ]);
    const calls = mock.calls.length;
    const r = await post(base, "/rate/chat/completions", { "x-key": "r1", "x-completion": "30" });
    expect(r.status).toBe(429);
    expect(mock.calls.length).toBe(calls); // not sent to the backend
    const retry = Number(r.headers["retry-after"]);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(r.headers["x-ra-var"]).toBe(String(retry));
    expect(r.headers["x-reason"]).toBe("TokenLimitExceeded");
    expect(r.headers["x-source"]).toBe("llm-token-limit");
    // Another key has its own counter.
    expect((await post(base, "/rate/chat/completions", { "x-key": "r2", "x-completion": "30" })).status).toBe(200);
  });

  it("without on-error, a refusal is APIM's default error response: the status, JSON statusCode and message, Retry-After", async () => {
    const env = newEnvironment();
    const policy = (attrs: string) => `<policies><inbound><llm-token-limit counter-key="k" ${attrs} /></inbound><backend><forward-request /></backend></policies>`;
    const backend = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }) });
    const run = (attrs: string) => runPolicy(policy(attrs), { environment: env, request: { method: "POST", headers: { "content-type": "application/json" }, body: chat() }, backend });
    expect((await run(`tokens-per-minute="10"`)).status).toBe(200);
    const r = await run(`tokens-per-minute="10"`);
    expect(r.status).toBe(429);
    const body = JSON.parse(r.body);
    expect(body.statusCode).toBe(429);
    expect(body.message).toMatch(/^Token limit is exceeded\. Try again in \d+ seconds\.$/);
    expect(body.message).toContain(`in ${r.headers["retry-after"]} seconds`);
    const q = policy(`token-quota="10" token-quota-period="Monthly"`);
    expect((await runPolicy(q, { environment: env, request: { method: "POST", body: chat() }, backend })).status).toBe(200);
    const rq = await runPolicy(q, { environment: env, request: { method: "POST", body: chat() }, backend });
    expect(rq.status).toBe(403);
    expect(JSON.parse(rq.body).message).toMatch(/^Token quota is exceeded\. Quota will be replenished in (\d+\.)?\d\d:\d\d:\d\d\.$/);
  });

  it("estimate-prompt-tokens: a prompt over the limit is refused before the call (custom retry-after header); the estimate is counted", async () => {
    const calls = mock.calls.length;
    const long = "The quick brown fox jumps over the lazy dog. ".repeat(10); // ~100 tokens > 50
    const r = await post(base, "/estimate/chat/completions", { "x-key": "e1" }, chat(long));
    expect(r.status).toBe(429);
    expect(Number(r.headers["x-retry"])).toBeGreaterThan(0);
    expect(r.headers["retry-after"]).toBeUndefined();
    expect(mock.calls.length).toBe(calls);
    // A short prompt passes; the variable held the estimate before the answer and the usage after.
    const ok = await post(base, "/estimate/chat/completions", { "x-key": "e2", "x-completion": "1", "x-prompt-tokens": "9" }, chat("hi"));
    expect(ok.status).toBe(200);
    expect(ok.headers["x-used-var"]).toBe("10");
  });

  it("token-quota per Daily period: 403 once used up, Retry-After until the next UTC midnight", async () => {
    const lefts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await post(base, "/quota/chat/completions", { "x-key": "q1", "x-completion": "45" });
      expect(r.status).toBe(200);
      lefts.push(r.headers["x-quota-left"]!);
    }
    expect(lefts).toEqual(["45", "0"]);
    const r = await post(base, "/quota/chat/completions", { "x-key": "q1", "x-completion": "45" });
    const now = Date.now();
    expect(r.status).toBe(403);
    expect(r.headers["x-reason"]).toBe("TokenQuotaExceeded");
    const p = calendarPeriod("Daily", now);
    const expected = Math.ceil((p.firstStartMs + p.lengthMs - now) / 1000);
    expect(Math.abs(Number(r.headers["retry-after"]) - expected)).toBeLessThanOrEqual(2);
    expect(r.headers["x-quota-left"]).toBe("0");
  });

  it("a streamed answer passes to the client chunk by chunk, and its usage chunk is counted when it ends", async () => {
    mock.hold();
    const res = await request(`${base}/rate/chat/completions`, { method: "POST", headers: { "x-key": "s1", "x-completion": "6", "x-prompt-tokens": "10", "content-type": "application/json" }, body: chat("hi", { stream: true, stream_options: { include_usage: true } }) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream");
    // The tokens-consumed header of a stream: the prompt estimate (what is known when headers leave).
    const estimate = 3 + countTokens("hi") + 3;
    expect(res.headers["x-consumed"]).toBe(String(estimate));
    const it = res.body[Symbol.asyncIterator]();
    const first = (await it.next()).value.toString();
    expect(first).toContain('"role":"assistant"'); // arrived while the backend holds the rest
    mock.release();
    let text = first;
    for (;;) {
      const n = await it.next();
      if (n.done) break;
      text += n.value.toString();
    }
    expect(text).toContain('"usage":{"prompt_tokens":10,"completion_tokens":6,"total_tokens":16}');
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    // A probe that uses no tokens shows what is left: 100 - 16.
    await until("the stream was counted", async () => (await post(base, "/rate/x", { "x-key": "s1", "x-completion": "0", "x-prompt-tokens": "0" })).headers["x-remaining"] === "84");
  });

  it("a streamed answer without a usage chunk is counted by the tokenizer: prompt estimate + the deltas' tokens", async () => {
    const res = await post(base, "/rate/chat/completions", { "x-key": "s2", "x-completion": "7" }, chat("hello there", { stream: true }));
    expect(res.status).toBe(200);
    expect(res.body).not.toContain("usage");
    const expected = 3 + countTokens("hello there") + 3 + countTokens(Array(7).fill("tok").join(" "));
    await until("the stream was counted", async () => (await post(base, "/rate/x", { "x-key": "s2", "x-completion": "0", "x-prompt-tokens": "0" })).headers["x-remaining"] === String(100 - expected));
  });

  it("llm-emit-token-metric: Total, Prompt and Completion Tokens with the policy's dimensions at /_apimc/metrics", async () => {
    await post(base, "/metric/chat/completions", { "x-client": "c1", "x-completion": "5", "x-prompt-tokens": "10" });
    await post(base, "/metric/chat/completions", { "x-client": "c1", "x-completion": "2", "x-prompt-tokens": "3" });
    const text = await (await request(`${base}/_apimc/metrics`)).body.text();
    const value = (metric: string) => {
      const m = new RegExp(`^${metric}\\{([^}]*)\\} (\\S+)$`, "m").exec(text);
      return m ? { labels: m[1], value: Number(m[2]) } : null;
    };
    expect(value("apimc_custom_Total_Tokens_sum")).toEqual({ labels: 'namespace="ai",API_ID="metric",Client="c1"', value: 20 });
    expect(value("apimc_custom_Prompt_Tokens_sum")?.value).toBe(13);
    expect(value("apimc_custom_Completion_Tokens_sum")?.value).toBe(7);
    expect(value("apimc_custom_Total_Tokens_count")?.value).toBe(2);
  });
});

describe("token counters shared by two gateways through Redis", () => {
  let redis: RedisServer;
  let mock: OpenAiMock;
  const gws: Gateway[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    mock = await startOpenAiMock();
  });
  afterAll(async () => {
    for (const g of gws) await g.close();
    await mock?.close();
    await redis?.close();
  });
  it("the tokens one gateway counted refuse the call at the other (rate 429 and quota 403)", async () => {
    const file = writeGateway(mkdtempSync(join(tmpdir(), "apimc-ai-redis-")), mock.url, { state: { redis: redis.url, failMode: "closed" } });
    for (let i = 0; i < 2; i++) gws.push(createGateway({ config: file }));
    const bases = await Promise.all(gws.map(async (g) => `http://127.0.0.1:${(await g.listen(0, "127.0.0.1")).port}`));
    for (const g of gws) await g.state!.whenReady(5000);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(bases[i % 2]!, "/rate/x", { "x-key": "shared", "x-completion": "30" })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const q: number[] = [];
    for (let i = 0; i < 3; i++) q.push((await post(bases[i % 2]!, "/quota/x", { "x-key": "shared-q", "x-completion": "45" })).status);
    expect(q).toEqual([200, 200, 403]);
  });
});

describe("calendarPeriod: the UTC unit holding a time", () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ["Hourly", "2024-02-29T23:59:59.999Z", "2024-02-29T23:00:00.000Z", "2024-03-01T00:00:00.000Z"],
    ["Daily", "2024-02-29T12:00:00Z", "2024-02-29T00:00:00.000Z", "2024-03-01T00:00:00.000Z"],
    ["Daily", "2024-12-31T00:00:00Z", "2024-12-31T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
    ["Weekly", "2024-03-03T10:00:00Z", "2024-02-26T00:00:00.000Z", "2024-03-04T00:00:00.000Z"], // a Sunday: the week began Monday
    ["Weekly", "2024-03-04T00:00:00Z", "2024-03-04T00:00:00.000Z", "2024-03-11T00:00:00.000Z"], // a Monday
    ["Monthly", "2024-02-15T00:00:00Z", "2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z"],
    ["Monthly", "2024-12-31T23:00:00Z", "2024-12-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
    ["Yearly", "2024-07-01T00:00:00Z", "2024-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
  ] as const)("%s at %s", (name, now, start, end) => {
    const p = calendarPeriod(name, at(now));
    expect(new Date(p.firstStartMs).toISOString()).toBe(start);
    expect(new Date(p.firstStartMs + p.lengthMs).toISOString()).toBe(end);
  });
  it("the quota message names the time left as a TimeSpan", () => {
    expect(timeSpanText(3_600_000 + 61_000)).toBe("01:01:01");
  });
});

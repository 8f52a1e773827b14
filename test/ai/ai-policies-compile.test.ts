// The AI gateway policies' compile diagnostics (every attribute rule of their reference pages), and
// the pieces that count tokens: the SSE reader over any chunking, prompt estimates with images.
import { describe, expect, it, beforeAll } from "vitest";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { compile } from "../../compiler/index.js";
import { SseCounter } from "../../runtime/ai/usage.js";
import { estimatePromptTokens, IMAGE_TOKENS, usageOf, warmTokenizer } from "../../runtime/ai/tokens.js";

const codes = (inner: string, section = "inbound") =>
  compile(`<policies><${section}>${inner}</${section}></policies>`)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.code);

describe.each(["llm-token-limit", "azure-openai-token-limit"])("<%s> diagnostics", (name) => {
  const p = (attrs: string) => `<${name} counter-key="k" ${attrs} />`;
  it.each([
    ["rate only", `tokens-per-minute="100" estimate-prompt-tokens="true"`, []],
    ["quota only (estimate-prompt-tokens left out, as the page's example)", `token-quota="1000" token-quota-period="Monthly"`, []],
    ["both, with every name attribute", `tokens-per-minute="5" token-quota="9" token-quota-period="Hourly" estimate-prompt-tokens="false" retry-after-header-name="x-r" retry-after-variable-name="r" remaining-quota-tokens-header-name="x-q" remaining-quota-tokens-variable-name="q" remaining-tokens-header-name="x-t" remaining-tokens-variable-name="t" tokens-consumed-header-name="x-c" tokens-consumed-variable-name="c"`, []],
    ["an expression in tokens-per-minute", `tokens-per-minute="@(100)"`, []],
    ["neither limit", `estimate-prompt-tokens="true"`, ["APIMC2004"]],
    ["a quota without its period", `token-quota="10"`, ["APIMC2004"]],
    ["a period without a quota", `token-quota-period="Daily"`, ["APIMC2004"]],
    ["an unknown period", `token-quota="10" token-quota-period="Fortnightly"`, ["APIMC2008"]],
    ["tokens-per-minute 0", `tokens-per-minute="0"`, ["APIMC2008"]],
    ["tokens-per-minute not a number", `tokens-per-minute="many"`, ["APIMC2008"]],
    ["token-quota 0", `token-quota="0" token-quota-period="Daily"`, ["APIMC2008"]],
    ["an expression in token-quota", `token-quota="@(10)" token-quota-period="Daily"`, ["APIMC2007"]],
    ["an expression in estimate-prompt-tokens", `tokens-per-minute="5" estimate-prompt-tokens="@(true)"`, ["APIMC2007"]],
    ["estimate-prompt-tokens not a boolean", `tokens-per-minute="5" estimate-prompt-tokens="yes"`, ["APIMC2008"]],
    ["a bad header name", `tokens-per-minute="5" remaining-tokens-header-name="bad header"`, ["APIMC2008"]],
    ["an empty variable name", `tokens-per-minute="5" tokens-consumed-variable-name=""`, ["APIMC2008"]],
    ["an expression in a header name", `tokens-per-minute="5" retry-after-header-name="@(&quot;x&quot;)"`, ["APIMC2007"]],
    ["an unknown attribute", `tokens-per-minute="5" tokens-per-hour="9"`, ["APIMC2003"]],
  ])("%s", (_n, attrs, expected) => expect(codes(p(attrs))).toEqual(expected));
  it("needs counter-key, takes no children, and is an inbound policy", () => {
    expect(codes(`<${name} tokens-per-minute="5" />`)).toEqual(["APIMC2004"]);
    expect(codes(`<${name} counter-key="k" tokens-per-minute="5"><x/></${name}>`)).toEqual(["APIMC2009"]);
    for (const s of ["backend", "outbound", "on-error"]) expect(codes(p(`tokens-per-minute="5"`), s)).toEqual(["APIMC2006"]);
  });
});

describe.each([
  ["llm-emit-token-metric", 5],
  ["azure-openai-emit-token-metric", 10],
] as const)("<%s> diagnostics", (name, max) => {
  const dims = (n: number) => Array.from({ length: n }, (_, i) => `<dimension name="d${i}" value="v" />`).join("");
  it("dimensions: default ones without a value, others with one, at most the page's limit", () => {
    expect(codes(`<${name} namespace="n"><dimension name="API ID" /><dimension name="User ID" /><dimension name="c" value="@(context.Request.IpAddress)" /></${name}>`)).toEqual([]);
    expect(codes(`<${name}>${dims(max)}</${name}>`)).toEqual([]);
    expect(codes(`<${name}>${dims(max + 1)}</${name}>`)).toEqual(["APIMC2009"]);
    expect(codes(`<${name} />`)).toEqual(["APIMC2005"]);
    expect(codes(`<${name}><dimension name="custom" /></${name}>`)).toEqual(["APIMC2004"]);
    expect(codes(`<${name}><dimension name=" " value="v" /></${name}>`)).toEqual(["APIMC2008"]);
    expect(codes(`<${name}><metric name="x" /></${name}>`)).toEqual(["APIMC2009"]);
    expect(codes(`<${name} namespace="@(&quot;n&quot;)"><dimension name="API ID" /></${name}>`)).toEqual(["APIMC2007"]);
    expect(codes(`<${name}><dimension name="API ID" /></${name}>`, "outbound")).toEqual(["APIMC2006"]);
  });
});

describe("SseCounter: usage and deltas whatever the chunking", () => {
  beforeAll(async () => void (await warmTokenizer()));
  const req = { body: null, stream: true, prompt: () => 7 };
  const events = [
    `data: {"choices":[{"delta":{"role":"assistant","content":""}}]}`,
    `data: {"choices":[{"delta":{"content":"Grüße, "}}]}`,
    `data: {"choices":[{"delta":{"content":"wörld 😀"}}]}`,
    `data: {"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"{\\"a\\":1}"}}]}}]}`,
  ];
  const withUsage = [...events, `data: {"choices":[],"usage":{"prompt_tokens":11,"completion_tokens":4,"total_tokens":15}}`, "data: [DONE]"];
  const text = (ev: string[], nl: string) => Buffer.from(ev.map((e) => e + nl + nl).join(""));
  for (const nl of ["\n", "\r\n"]) {
    it(`every split point gives the same count (${JSON.stringify(nl)} line ends)`, () => {
      for (const [ev, expected] of [
        [withUsage, { prompt: 11, completion: 4, total: 15, estimated: false }],
        [[...events, "data: [DONE]"], { prompt: 7, completion: countTokens("Grüße, wörld 😀{\"a\":1}"), total: 7 + countTokens("Grüße, wörld 😀{\"a\":1}"), estimated: true }],
      ] as const) {
        const bytes = text(ev as string[], nl);
        for (let cut = 0; cut <= bytes.length; cut += 3) {
          const c = new SseCounter();
          c.feed(bytes.subarray(0, cut));
          c.feed(bytes.subarray(cut));
          c.end();
          expect(c.usage(req)).toMatchObject(expected);
        }
      }
    });
  }
  it("the Responses API's response.completed and Anthropic's message_start/message_delta", () => {
    const c = new SseCounter();
    c.feed(Buffer.from(`event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"hi"}\n\nevent: response.completed\ndata: {"type":"response.completed","response":{"usage":{"input_tokens":3,"output_tokens":2,"total_tokens":5}}}\n\n`));
    c.end();
    expect(c.usage(req)).toMatchObject({ prompt: 3, completion: 2, total: 5 });
    const a = new SseCounter();
    a.feed(Buffer.from(`event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":20,"output_tokens":1}}}\n\nevent: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":9}}\n\n`));
    a.end();
    expect(a.usage(req)).toMatchObject({ prompt: 20, completion: 9, total: 29 });
  });
});

describe("prompt estimates and usage shapes", () => {
  beforeAll(async () => void (await warmTokenizer()));
  it("chat messages with the chat format's framing; images count 1200 each; prompt/input strings and arrays", async () => {
    const hi = countTokens("hi");
    expect(estimatePromptTokens({ messages: [{ role: "user", content: "hi" }] })).toBe(3 + hi + 3);
    expect(estimatePromptTokens({ messages: [{ role: "user", content: [{ type: "text", text: "hi" }, { type: "image_url", image_url: { url: "data:," } }, { type: "image_url", image_url: { url: "data:," } }] }] })).toBe(3 + hi + 2 * IMAGE_TOKENS + 3);
    expect(estimatePromptTokens({ prompt: "hi" })).toBe(hi);
    expect(estimatePromptTokens({ input: ["hi", "hi"] })).toBe(2 * hi);
    expect(estimatePromptTokens({ messages: [{ role: "user", content: "<|endoftext|>" }] })).toBeGreaterThan(6); // special-token text is text
    expect(estimatePromptTokens("not an object")).toBe(0);
  });
  it("usage of chat completions, the Responses API and Anthropic", () => {
    expect(usageOf({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 })).toEqual({ prompt: 1, completion: 2, total: 3 });
    expect(usageOf({ input_tokens: 4, output_tokens: 5 })).toEqual({ prompt: 4, completion: 5, total: 9 });
    expect(usageOf({ prompt_tokens: 4, total_tokens: 4 })).toEqual({ prompt: 4, completion: 0, total: 4 }); // embeddings
    expect(usageOf(null)).toBeNull();
    expect(usageOf({ other: 1 })).toBeNull();
  });
});

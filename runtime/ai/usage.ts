// What the AI gateway policies (llm-token-limit, llm-emit-token-metric and their azure-openai-
// twins) learn of one request: its JSON body (read once, buffered if it was streaming through),
// whether it asks for a streamed answer, its estimated prompt tokens, and the tokens the answer used.
// The answer is watched by wrapping the request's backend host once: a buffered body is read for
// its `usage` before outbound runs; a streamed one (server-sent events) is counted as it passes to
// the client, from its usage chunk or, without one, by the tokenizer over the text deltas.
import { Transform, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { Context, ResponseMessage } from "../context.js";
import { MessageBody } from "../body.js";
import type { BackendHost } from "../pipeline.js";
import { countTokensNow, estimatePromptTokens, usageOf, warmTokenizer, type TokenUsage } from "./tokens.js";

/** The request as the AI policies see it. */
export interface LlmRequest {
  body: unknown;
  /** `"stream": true`: the answer comes as server-sent events. */
  stream: boolean;
  /** Estimated prompt tokens (computed on first ask). */
  prompt(): number;
}

/** What was used, once the answer is known (a streamed one: when it ends). */
export interface LlmUsage extends TokenUsage {
  /** False when the backend reported it (`usage`), true when the tokenizer estimated a part. */
  estimated: boolean;
  streamed: boolean;
}

type UsageListener = (u: LlmUsage, res: ResponseMessage | null) => unknown;

interface LlmState {
  request: LlmRequest;
  listeners: UsageListener[];
}

const STATES = new WeakMap<Context, LlmState>();

/** Largest request body read to estimate its prompt when it was streaming through (bigger: not estimated). */
const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

async function readAll(s: Readable): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of s) {
    size += (c as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks, size);
}

/** The request of `ctx` for the AI policies (its body buffered if it was streaming; the tokenizer loaded). */
export async function llmRequestOf(ctx: Context): Promise<LlmState> {
  let st = STATES.get(ctx);
  if (st) return st;
  let text = "";
  const b = ctx.Request.Body;
  if (b) {
    if (b.isStream) {
      const bytes = await readAll(b.takeStream()!);
      ctx.Request.receivedBody(new MessageBody(bytes ?? Buffer.alloc(0)));
      text = bytes ? bytes.toString("utf8") : "";
    } else text = b.content().toString("utf8");
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null; // not JSON: nothing to estimate
  }
  await warmTokenizer();
  let prompt: number | null = null;
  const request: LlmRequest = {
    body,
    stream: typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true,
    prompt: () => (prompt ??= estimatePromptTokens(body)),
  };
  st = { request, listeners: [] };
  STATES.set(ctx, st);
  watchResponse(ctx, st);
  return st;
}

/** Calls `listener` with the tokens the answer used (registered by each AI policy of the request). */
export function onLlmUsage(st: LlmState, listener: UsageListener): void {
  st.listeners.push(listener);
}

/** Wraps the request's backend host: each answer (retries included) is counted. */
function watchResponse(ctx: Context, st: LlmState): void {
  const inner = ctx.$host as BackendHost | null;
  if (!inner) return;
  const host: BackendHost = {
    async forward(c, opts) {
      const res = await inner.forward(c, opts);
      const body = res.Body;
      if (body?.isStream) {
        const counter = new SseCounter();
        const source = body.takeStream()!;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          void tell(st, counter.usage(st.request), null);
        };
        const pass = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            counter.feed(chunk);
            cb(null, chunk);
          },
          flush(cb) {
            counter.end();
            cb();
          },
        });
        pass.once("end", finish);
        pass.once("close", finish); // the client went away: what passed is what was used
        source.once("error", (e) => pass.destroy(e));
        source.pipe(pass);
        res.Body = MessageBody.stream(pass);
      } else {
        const text = body ? body.content().toString("utf8") : "";
        const counter = new SseCounter();
        let usage: LlmUsage;
        if (/^\s*(data|event|id|:)/.test(text) && !text.trimStart().startsWith("{")) {
          counter.feed(Buffer.from(text));
          counter.end();
          usage = counter.usage(st.request);
        } else usage = jsonUsage(text, st.request);
        await tell(st, usage, res);
      }
      return res;
    },
  };
  ctx.$host = host;
}

async function tell(st: LlmState, u: LlmUsage, res: ResponseMessage | null): Promise<void> {
  for (const l of st.listeners) {
    try {
      const r = l(u, res);
      if (r && typeof (r as Promise<unknown>).then === "function") await r;
    } catch {
      // counting never fails an answer that is already decided
    }
  }
}

/** A JSON answer's usage; without one, the prompt estimate (what is known to be consumed). */
function jsonUsage(text: string, req: LlmRequest): LlmUsage {
  let u: TokenUsage | null = null;
  try {
    const j = JSON.parse(text) as { usage?: unknown; response?: { usage?: unknown } };
    u = usageOf(j?.usage) ?? usageOf(j?.response?.usage);
  } catch {
    u = null;
  }
  if (u) return { ...u, estimated: false, streamed: false };
  const p = req.stream ? req.prompt() : 0;
  return { prompt: p, completion: 0, total: p, estimated: true, streamed: false };
}

/**
 * Reads server-sent events as they pass: the last `usage` an event carries (OpenAI's final chunk
 * with stream_options.include_usage, the Responses API's response.completed, Anthropic's
 * message_start/message_delta), and the generated text (delta content, tool-call arguments) for the
 * tokenizer when no usage comes.
 */
export class SseCounter {
  private readonly decoder = new StringDecoder("utf8");
  private line = "";
  private data = "";
  private text: string[] = [];
  private reported: TokenUsage | null = null;
  private anthropicIn = 0;

  feed(chunk: Buffer): void {
    const s = this.line + this.decoder.write(chunk);
    let start = 0;
    for (;;) {
      const nl = s.indexOf("\n", start);
      if (nl === -1) break;
      this.onLine(s.slice(start, nl).replace(/\r$/, ""));
      start = nl + 1;
    }
    this.line = s.slice(start);
  }

  end(): void {
    const rest = this.line + this.decoder.end();
    this.line = "";
    if (rest) this.onLine(rest);
    this.onLine("");
  }

  private onLine(l: string): void {
    if (l === "") {
      if (this.data) this.onEvent(this.data);
      this.data = "";
    } else if (l.startsWith("data:")) this.data += (this.data ? "\n" : "") + l.slice(l[5] === " " ? 6 : 5);
  }

  private onEvent(data: string): void {
    if (data === "[DONE]") return;
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof j !== "object" || j === null) return;
    const type = j.type;
    if (type === "message_start") {
      const u = usageOf((j.message as { usage?: unknown } | undefined)?.usage);
      if (u) this.anthropicIn = u.prompt;
    } else if (type === "message_delta") {
      const u = usageOf(j.usage);
      if (u) this.reported = { prompt: this.anthropicIn, completion: u.completion, total: this.anthropicIn + u.completion };
    } else if (type === "response.completed" || type === "response.done") {
      const u = usageOf((j.response as { usage?: unknown } | undefined)?.usage);
      if (u) this.reported = u;
    } else if (type === "response.output_text.delta" || type === "content_block_delta") {
      const d = j.delta;
      if (typeof d === "string") this.text.push(d);
      else if (d && typeof (d as { text?: unknown }).text === "string") this.text.push((d as { text: string }).text);
    }
    const u = usageOf(j.usage);
    if (u && type === undefined) this.reported = u;
    if (Array.isArray(j.choices))
      for (const c of j.choices as { delta?: { content?: unknown; tool_calls?: { function?: { arguments?: unknown } }[] }; text?: unknown }[]) {
        const d = c?.delta;
        if (typeof d?.content === "string") this.text.push(d.content);
        if (Array.isArray(d?.tool_calls)) for (const t of d.tool_calls) if (typeof t?.function?.arguments === "string") this.text.push(t.function.arguments);
        if (typeof c?.text === "string") this.text.push(c.text);
      }
  }

  /** The reported usage, else the prompt estimate and the generated text's tokens. */
  usage(req: LlmRequest): LlmUsage {
    if (this.reported) return { ...this.reported, estimated: false, streamed: true };
    const prompt = req.prompt();
    const completion = countTokensNow(this.text.join(""));
    return { prompt, completion, total: prompt + completion, estimated: true, streamed: true };
  }
}

// Token counts of LLM requests and responses: the prompt estimated with gpt-tokenizer (o200k_base,
// the GPT-4o family's encoding) before the call, and the response's own `usage` after it. The
// tokenizer's tables take a second or two to load, so they load once, on first use (or earlier,
// `warmTokenizer`, when the gateway sees a module that will need them).

type Counter = (text: string) => number;
let counter: Counter | null = null;
let loading: Promise<Counter> | null = null;

/** Starts loading the tokenizer; resolves with its counting function. */
export function warmTokenizer(): Promise<Counter> {
  if (counter) return Promise.resolve(counter);
  return (loading ??= import("gpt-tokenizer/encoding/o200k_base").then((m) => {
    const count = (m as { countTokens: (s: string, o?: { disallowedSpecial: Set<string> }) => number }).countTokens;
    // Special-token text in a prompt ("<|endoftext|>") is ordinary text, not an error.
    const plain = { disallowedSpecial: new Set<string>() };
    counter = (s) => (s === "" ? 0 : count(s, plain));
    return counter;
  }));
}

/** Tokens of a text (the tokenizer loaded; see warmTokenizer). */
export function countTokensNow(text: string): number {
  if (!counter) throw new Error("the tokenizer is not loaded (await warmTokenizer() first)");
  return counter(text);
}

/** "over-counts each image as a maximum count of 1200 tokens" (reference pages), as APIM does. */
export const IMAGE_TOKENS = 1200;
/** OpenAI's chat format: each message adds its role and framing, the reply is primed with 3. */
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Tokens of message content: a string, or parts (text counted, images IMAGE_TOKENS each). */
function contentTokens(c: Json): number {
  if (typeof c === "string") return countTokensNow(c);
  if (!Array.isArray(c)) return 0;
  let n = 0;
  for (const part of c) {
    if (typeof part === "string") n += countTokensNow(part);
    else if (isObj(part)) {
      const t = part.type;
      if (t === "image_url" || t === "input_image" || t === "image") n += IMAGE_TOKENS;
      else if (typeof part.text === "string") n += countTokensNow(part.text);
    }
  }
  return n;
}

/**
 * The estimated prompt tokens of an OpenAI-style request body: chat completions (`messages`, with
 * the chat format's framing), completions (`prompt`), embeddings and the Responses API (`input`),
 * plus `instructions`/`system` text and tool definitions as JSON text.
 */
export function estimatePromptTokens(body: Json): number {
  if (!isObj(body)) return 0;
  let n = 0;
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) {
      if (!isObj(m)) continue;
      n += PER_MESSAGE + contentTokens(m.content);
      if (typeof m.name === "string") n += countTokensNow(m.name) + 1;
      if (Array.isArray(m.tool_calls)) n += countTokensNow(JSON.stringify(m.tool_calls));
    }
    n += REPLY_PRIMING;
  }
  for (const k of ["prompt", "input"]) {
    const v = body[k];
    if (typeof v === "string") n += countTokensNow(v);
    else if (Array.isArray(v))
      for (const x of v) {
        if (typeof x === "string") n += countTokensNow(x);
        else if (isObj(x)) n += PER_MESSAGE + contentTokens(x.content ?? x.text);
      }
  }
  for (const k of ["instructions", "system"]) if (typeof body[k] === "string") n += countTokensNow(body[k] as string);
  if (Array.isArray(body.tools) && body.tools.length) n += countTokensNow(JSON.stringify(body.tools));
  if (Array.isArray(body.functions) && body.functions.length) n += countTokensNow(JSON.stringify(body.functions));
  return n;
}

/** Token usage as an LLM API reports it. */
export interface TokenUsage {
  prompt: number;
  completion: number;
  total: number;
}

const num = (v: Json): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null);

/**
 * A response's `usage`: OpenAI chat/completions (prompt_tokens, completion_tokens, total_tokens),
 * the Responses API and Anthropic (input_tokens, output_tokens). Null when it has none.
 */
export function usageOf(u: Json): TokenUsage | null {
  if (!isObj(u)) return null;
  const prompt = num(u.prompt_tokens) ?? num(u.input_tokens);
  const completion = num(u.completion_tokens) ?? num(u.output_tokens);
  const total = num(u.total_tokens);
  if (prompt === null && completion === null && total === null) return null;
  const p = prompt ?? 0;
  const c = completion ?? (total !== null ? Math.max(0, total - p) : 0);
  return { prompt: p, completion: c, total: total ?? p + c };
}

// llm-semantic-cache-lookup / -store (and the azure-openai- names): responses to LLM requests cached
// by the meaning of the prompt. The lookup embeds the prompt with the backend that
// embeddings-backend-id names (an OpenAI-compatible embeddings endpoint: POST {"input"} ->
// {"data": [{"embedding": [...]}]}) and answers from the cache when a stored prompt of the same
// partition (API, operation, vary-by values) is near enough: cosine distance (1 - cosine similarity)
// at most score-threshold (the page: "lower values require higher semantic similarity"). A miss
// leaves the vector for the store policy, which keeps the 200 answer for `duration` seconds.
// Entries live in the gateway's cache (memory, or the external Redis cache when configured), as
// one index a partition (vectors and expiries) plus one entry per response. A cache or
// embeddings failure is a miss, never an error (the store page: the API call does not fail).
import type { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { ResponseMessage, store, type Context } from "../context.js";
import { HeaderMap } from "../headers.js";
import { MessageBody } from "../body.js";
import { PolicyError } from "../errors.js";
import { newOutgoingRequest, sendRequest } from "../http.js";
import { stateClock } from "../state/clock.js";
import { CACHE_STORE, EXTERNAL_CACHE_STORE, MemoryCacheStore, type CacheStore } from "../state/cache.js";
import { traceCache } from "../trace.js";

export interface SemanticLookupSpec {
  /** Cosine distance at most this is a hit (0.0 - 1.0). */
  threshold: number;
  backendId: string;
  ignoreSystemMessages: boolean;
  /** More dialog messages than this: no caching. null: no limit. */
  maxMessageCount: number | null;
}

/** What a miss leaves for the store policy. */
interface Pending {
  partition: string;
  vector: number[];
  cache: CacheStore;
}
const PENDING = new WeakMap<Context, Pending>();

/** Entries kept per partition (the oldest go first): a linear scan stays cheap. */
const MAX_ENTRIES_PER_PARTITION = 500;
/** Prompts and answers above this are not cached. */
const MAX_BYTES = 2 * 1024 * 1024;
const EMBEDDINGS_TIMEOUT_MS = 20_000;

/** A partition's index: each entry's id, expiry (ms) and prompt vector. */
type Index = { id: string; exp: number; v: number[] }[];
/** A cached answer. */
type Entry = { status: number; reason: string; headers: [string, string[]][]; body: string };

/** The lookup. True on a hit: the cached answer is the response and the pipeline ends. */
export async function llmSemanticCacheLookup(ctx: Context, spec: SemanticLookupSpec, varyBy: readonly unknown[]): Promise<boolean> {
  const prompt = promptOf(await requestJson(ctx), spec);
  if (prompt === null) return false;
  const partition = partitionOf(ctx, varyBy);
  const vector = await embed(ctx, spec.backendId, prompt);
  if (!vector) return false;
  const cache = cacheOf(ctx);
  const now = stateClock(ctx).now();
  let hit: Entry | null = null;
  try {
    const index = await readIndex(cache, partition, now);
    let best: { id: string; d: number } | null = null;
    for (const e of index) {
      const d = 1 - cosine(vector, e.v);
      if (d <= spec.threshold && (!best || d < best.d)) best = { id: e.id, d };
    }
    if (best) {
      const raw = (await cache.get(entryKey(partition, best.id), now))?.value;
      if (typeof raw === "string") hit = JSON.parse(raw) as Entry;
    }
  } catch {
    hit = null; // the cache is unavailable: a miss
  }
  if (ctx.Tracing) traceCache(ctx, !!hit);
  if (!hit) {
    PENDING.set(ctx, { partition, vector, cache });
    return false;
  }
  const headers = new HeaderMap("response");
  for (const [n, vs] of hit.headers) headers.setValues(n, vs);
  ctx.Response = new ResponseMessage(hit.status, hit.reason, headers, new MessageBody(Buffer.from(hit.body, "base64")));
  return true;
}

/** The store: the answer to this request's lookup miss, for `duration` seconds (200 answers only). */
export async function llmSemanticCacheStore(ctx: Context, duration: unknown): Promise<void> {
  const pending = PENDING.get(ctx);
  if (!pending) return;
  PENDING.delete(ctx);
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0)
    throw new PolicyError("ExpressionValueEvaluationFailure", `The cache duration must be a non-negative number of seconds, not ${String(duration)}.`);
  const res = ctx.Response;
  if (res.StatusCode !== 200 || duration === 0 || !res.Body) return;
  const type = (res.Headers.GetValueOrDefault("Content-Type", "") ?? "").toLowerCase();
  if (type.startsWith("text/event-stream")) return; // a streamed answer is not kept [infer]
  const body = res.Body.content();
  if (body.length > MAX_BYTES) return;
  const headers: [string, string[]][] = [];
  for (const h of res.Headers) if (!NOT_REPLAYED.has(h.Key.toLowerCase())) headers.push([h.Key, h.Value.slice()]);
  const now = stateClock(ctx).now();
  const exp = now + duration * 1000;
  const id = createHash("sha256").update(`${now}:${Math.random()}`).digest("hex").slice(0, 16);
  try {
    const { cache, partition } = pending;
    const entry: Entry = { status: res.StatusCode, reason: res.StatusReason, headers, body: body.toString("base64") };
    await cache.set(entryKey(partition, id), JSON.stringify(entry), exp, now);
    const index = [...(await readIndex(cache, partition, now)), { id, exp, v: pending.vector }].slice(-MAX_ENTRIES_PER_PARTITION);
    await cache.set(indexKey(partition), JSON.stringify(index), Math.max(...index.map((e) => e.exp)), now);
  } catch {
    // The cache is unavailable: nothing is kept, the answer goes on.
  }
}

const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "set-cookie", "date", "age"]);

function cacheOf(ctx: Context): CacheStore {
  return (ctx.$env.stores.get(EXTERNAL_CACHE_STORE) as CacheStore | undefined) ?? store(ctx, CACHE_STORE, () => new MemoryCacheStore());
}

const indexKey = (partition: string) => `v:semantic-cache:${partition}`;
const entryKey = (partition: string, id: string) => `v:semantic-cache:${partition}:${id}`;

async function readIndex(cache: CacheStore, partition: string, now: number): Promise<Index> {
  const raw = (await cache.get(indexKey(partition), now))?.value;
  if (typeof raw !== "string") return [];
  return (JSON.parse(raw) as Index).filter((e) => e.exp > now);
}

/** The API, the operation and the vary-by values (concatenated, as the page says), hashed. */
function partitionOf(ctx: Context, varyBy: readonly unknown[]): string {
  const text = JSON.stringify([ctx.Api.Id, ctx.Operation.Id, varyBy.map((v) => (v === null || v === undefined ? "" : String(v))).join("")]);
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** The request body as JSON (a streamed body is buffered for the backend); null when it is not JSON. */
async function requestJson(ctx: Context): Promise<unknown> {
  const b = ctx.Request.Body;
  if (!b) return null;
  let bytes: Buffer;
  if (b.isStream) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of b.takeStream() as Readable) {
      size += (c as Buffer).length;
      chunks.push(c as Buffer);
    }
    bytes = Buffer.concat(chunks, size);
    ctx.Request.receivedBody(new MessageBody(bytes));
  } else bytes = b.content();
  if (bytes.length > MAX_BYTES) return null;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return null;
  }
}

type Message = { role?: unknown; content?: unknown };

/**
 * The text embedded for a request: a chat completion's messages (role and text; system and
 * developer messages dropped with ignore-system-messages), a completion's prompt, a Responses
 * API input. null: not cached (no prompt, a streamed request [infer], or more dialog messages
 * than max-message-count).
 */
export function promptOf(body: unknown, spec: Pick<SemanticLookupSpec, "ignoreSystemMessages" | "maxMessageCount">): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const b = body as { messages?: unknown; prompt?: unknown; input?: unknown; stream?: unknown };
  if (b.stream === true) return null;
  let messages: Message[] | null = null;
  if (Array.isArray(b.messages)) messages = b.messages as Message[];
  else if (Array.isArray(b.input)) messages = b.input as Message[];
  if (messages) {
    const kept = messages.filter((m) => !(spec.ignoreSystemMessages && (m?.role === "system" || m?.role === "developer")));
    if (spec.maxMessageCount !== null && kept.length > spec.maxMessageCount) return null;
    const text = kept.map((m) => `${typeof m?.role === "string" ? m.role : ""}: ${contentText(m?.content)}`).join("\n");
    return text.trim() === "" ? null : text;
  }
  const p = typeof b.prompt === "string" || Array.isArray(b.prompt) ? b.prompt : typeof b.input === "string" ? b.input : null;
  if (p === null) return null;
  const text = Array.isArray(p) ? p.map(String).join("\n") : p;
  return text.trim() === "" ? null : text;
}

function contentText(c: unknown): string {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : "")).join("");
  return "";
}

/** The prompt's vector from the embeddings backend; null when it cannot be had (a miss, said once on stderr). */
async function embed(ctx: Context, backendId: string, text: string): Promise<number[] | null> {
  const backend = ctx.$env.backends.get(backendId) as { url: string | null; credentials?: { headers: readonly (readonly [string, readonly string[]])[]; query: readonly (readonly [string, readonly string[]])[]; authorization: string | null } } | undefined;
  if (!backend?.url) {
    warnOnce(`embeddings-backend-id '${backendId}' names no backend with a URL in gateway.json 'backends': semantic cache lookups are misses.`);
    return null;
  }
  const rq = newOutgoingRequest(ctx, "new", "inbound");
  const url = new URL(backend.url);
  for (const [n, vs] of backend.credentials?.query ?? []) for (const v of vs) url.searchParams.append(n, v);
  rq.url = url.toString();
  rq.Method = "POST";
  for (const [n, vs] of backend.credentials?.headers ?? []) rq.Headers.setValues(n, [...vs]);
  if (backend.credentials?.authorization) rq.Headers.setValues("Authorization", [backend.credentials.authorization]);
  rq.Headers.setValues("Content-Type", ["application/json"]);
  const model = ctx.$env.semanticCache?.embeddingsModel;
  rq.Body = new MessageBody(JSON.stringify(model ? { input: text, model } : { input: text }));
  try {
    const res = await sendRequest(rq, { timeoutMs: EMBEDDINGS_TIMEOUT_MS, certificate: null, proxy: null });
    const json = JSON.parse(res.Body ? res.Body.content().toString("utf8") : "null") as { data?: { embedding?: unknown }[] } | null;
    const v = json?.data?.[0]?.embedding;
    if (res.StatusCode !== 200 || !Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
      warnOnce(`the embeddings backend '${backendId}' answered ${res.StatusCode} without {"data": [{"embedding": [numbers]}]}: semantic cache lookups are misses.`);
      return null;
    }
    return v as number[];
  } catch (e) {
    warnOnce(`the embeddings backend '${backendId}' could not be called (${(e as Error).message}): semantic cache lookups are misses.`);
    return null;
  }
}

/** Cosine similarity; 0 for vectors of different lengths or a zero vector. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`apimc: ${message}\n`);
}

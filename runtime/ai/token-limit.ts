// llm-token-limit and azure-openai-token-limit: tokens per minute (a sliding 60-second window) and
// a token quota per calendar period (Hourly ... Yearly, from the UTC hour, day, week, month or year
// start), one counter per counter-key value across all scopes, in the gateway's limit stores (memory,
// or Redis shared by every gateway). Before the call: with estimate-prompt-tokens (or a streamed
// request, always estimated), the prompt's tokens must fit and are counted at once; without, the
// call is refused only once the limit is used up. After the answer: its tokens (the backend's
// `usage`, or estimated for a stream without one) are counted, less what the estimate counted.
// Over the rate limit: 429; over the quota: 403; both with Retry-After.
import type { Context } from "../context.js";
import { store } from "../context.js";
import { PolicyError } from "../errors.js";
import { stateClock } from "../state/clock.js";
import { stateOnFinish } from "../state/hooks.js";
import { MemoryQuotaStore, MemoryRateLimitStore, STATE_STORES, timeSpanText, type QuotaPeriod, type QuotaStore, type RateLimitStore } from "../state/limits.js";
import { llmRequestOf, onLlmUsage } from "./usage.js";

export type QuotaPeriodName = "Hourly" | "Daily" | "Weekly" | "Monthly" | "Yearly";

export interface TokenLimitNames {
  retryAfterHeader: string | null;
  retryAfterVariable: string | null;
  remainingQuotaHeader: string | null;
  remainingQuotaVariable: string | null;
  remainingHeader: string | null;
  remainingVariable: string | null;
  consumedHeader: string | null;
  consumedVariable: string | null;
}

export interface TokenLimitSpec {
  /** The policy's name (LastError.Source). */
  policy: string;
  tokensPerMinute: number | null;
  quota: number | null;
  quotaPeriod: QuotaPeriodName | null;
  estimate: boolean;
  names: TokenLimitNames;
}

const WINDOW_MS = 60_000;

/**
 * The calendar period holding `now` (UTC): its start and length. Weeks start on Monday (ISO 8601)
 * [infer: the reference page says only "truncated to the unit"].
 */
export function calendarPeriod(name: QuotaPeriodName, now: number): QuotaPeriod {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  let start: number;
  let end: number;
  switch (name) {
    case "Hourly":
      start = Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
      end = start + 3_600_000;
      break;
    case "Daily":
      start = Date.UTC(y, m, d.getUTCDate());
      end = start + 86_400_000;
      break;
    case "Weekly": {
      const day = (d.getUTCDay() + 6) % 7; // Monday 0
      start = Date.UTC(y, m, d.getUTCDate() - day);
      end = start + 7 * 86_400_000;
      break;
    }
    case "Monthly":
      start = Date.UTC(y, m, 1);
      end = Date.UTC(y, m + 1, 1);
      break;
    default:
      start = Date.UTC(y, 0, 1);
      end = Date.UTC(y + 1, 0, 1);
  }
  return { lengthMs: end - start, firstStartMs: start };
}

const rateStore = (ctx: Context): RateLimitStore => store(ctx, STATE_STORES.rateLimit, () => new MemoryRateLimitStore());
const quotaStore = (ctx: Context): QuotaStore => store(ctx, STATE_STORES.quota, () => new MemoryQuotaStore());

function setHeader(ctx: Context, name: string | null, value: number): void {
  if (name) ctx.Response.Headers.setValues(name, [String(value)]);
}

function refuse(ctx: Context, spec: TokenLimitSpec, retryAfterS: number, quota: boolean, message: string): PolicyError {
  const n = spec.names;
  if (n.retryAfterVariable) ctx.Variables.set(n.retryAfterVariable, retryAfterS);
  if (quota && n.remainingQuotaVariable) ctx.Variables.set(n.remainingQuotaVariable, 0);
  if (!quota && n.remainingVariable) ctx.Variables.set(n.remainingVariable, 0);
  stateOnFinish(ctx, (c) => {
    c.Response.Headers.setValues(n.retryAfterHeader ?? "Retry-After", [String(retryAfterS)]);
    setHeader(c, quota ? n.remainingQuotaHeader : n.remainingHeader, 0);
  });
  // [infer] The pages give the statuses (429, 403); the reasons and messages are ours.
  return quota ? new PolicyError("TokenQuotaExceeded", message, 403, spec.policy) : new PolicyError("TokenLimitExceeded", message, 429, spec.policy);
}

function positive(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new PolicyError("ExpressionValueEvaluationFailure", `${what} must be a whole number of at least 1, not ${String(v)}.`);
  return v;
}

export async function llmTokenLimit(ctx: Context, spec: TokenLimitSpec, key: unknown, tokensPerMinute: unknown): Promise<void> {
  const k = key === null || key === undefined ? "" : String(key);
  const tpm = tokensPerMinute === null ? null : positive(tokensPerMinute, "tokens-per-minute");
  const st = await llmRequestOf(ctx);
  const prompt = spec.estimate || st.request.stream ? st.request.prompt() : 0;
  const clock = stateClock(ctx);
  const now = clock.now();
  const n = spec.names;

  // The quota first (a refusal there counts nothing), then the rate, which counts the prompt.
  let quotaLeft: number | null = null;
  let quotaCounter: { key: string; period: QuotaPeriod } | null = null;
  if (spec.quota !== null && spec.quotaPeriod !== null) {
    const period = calendarPeriod(spec.quotaPeriod, now);
    quotaCounter = { key: `ltq:${spec.quotaPeriod}:${period.firstStartMs}:${k}`, period };
    const qs = quotaStore(ctx);
    const t = await qs.take([{ key: quotaCounter.key, period, calls: spec.quota, bytes: null, add: 0 }], prompt, prompt === 0, now);
    if (!t.allowed) {
      const ms = period.firstStartMs + period.lengthMs - now;
      throw refuse(ctx, spec, Math.max(1, Math.ceil(ms / 1000)), true, `Token quota is exceeded. Quota will be replenished in ${timeSpanText(ms)}.`);
    }
    const used = (await qs.usage(quotaCounter.key, period, now)).calls;
    quotaLeft = Math.max(0, spec.quota - used - prompt);
  }
  let rateLeft: number | null = null;
  const rateKey = `ltr:${k}`;
  if (tpm !== null) {
    const r = await rateStore(ctx).take([{ key: rateKey, limit: tpm, windowMs: WINDOW_MS }], prompt, now);
    if (!r.allowed) {
      const s = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
      throw refuse(ctx, spec, s, false, `Token limit is exceeded. Try again in ${s} seconds.`);
    }
    rateLeft = Math.max(0, tpm - (r.used[0] ?? 0) - prompt);
  }
  if (quotaCounter && prompt > 0) await quotaStore(ctx).add(quotaCounter.key, quotaCounter.period, prompt, 0, now);

  if (n.remainingVariable && rateLeft !== null) ctx.Variables.set(n.remainingVariable, rateLeft);
  if (n.remainingQuotaVariable && quotaLeft !== null) ctx.Variables.set(n.remainingQuotaVariable, quotaLeft);
  if (n.consumedVariable) ctx.Variables.set(n.consumedVariable, spec.estimate ? prompt : 0);
  if ((n.remainingHeader && rateLeft !== null) || (n.remainingQuotaHeader && quotaLeft !== null))
    stateOnFinish(ctx, (c) => {
      if (rateLeft !== null) setHeader(c, n.remainingHeader, rateLeft);
      if (quotaLeft !== null) setHeader(c, n.remainingQuotaHeader, quotaLeft);
    });

  onLlmUsage(st, async (u, res) => {
    // The answer's tokens, less the prompt tokens counted already.
    const extra = u.total - prompt;
    const t = clock.now();
    if (extra > 0) {
      if (tpm !== null) await rateStore(ctx).record(rateKey, WINDOW_MS, extra, t);
      if (quotaCounter) await quotaStore(ctx).add(quotaCounter.key, quotaCounter.period, extra, 0, t);
      if (rateLeft !== null) rateLeft = Math.max(0, rateLeft - extra);
      if (quotaLeft !== null) quotaLeft = Math.max(0, quotaLeft - extra);
    }
    // A streamed answer's headers are gone by now; its total is known only at its end.
    if (res) {
      if (n.consumedVariable) ctx.Variables.set(n.consumedVariable, u.total);
      if (n.consumedHeader) res.Headers.setValues(n.consumedHeader, [String(u.total)]);
    }
  });
  // A streamed answer: the header carries what is known when the headers leave (the prompt estimate) [infer].
  if (st.request.stream && n.consumedHeader)
    stateOnFinish(ctx, (c) => {
      if (!c.Response.Headers.has(n.consumedHeader!)) setHeader(c, n.consumedHeader, prompt);
    });
}

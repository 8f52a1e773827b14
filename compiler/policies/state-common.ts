// Pieces the state and transform policies share: literal checks, header/variable name attributes,
// hoisted spec objects, and increment-condition / increment-count handling.
import { js, type Code, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import type { AttrSpec, EmitContext, ParseContext } from "./types.js";

/** A hoisted, frozen constant built from JSON data (specs of the limit and cache policies). */
export function specConstant(ec: EmitContext, data: unknown, hint: string): Code {
  return ec.scope.constant(js`Object.freeze(${dataLiteral(data)})`, hint);
}

/** A literal integer within [min, max], or a diagnostic; null for expressions or when missing. */
export function literalIntIn(pc: ParseContext, v: XValue | undefined, what: string, min: number, max: number, extra = ""): number | null {
  if (!v || v.kind !== "literal") return null;
  const n = Number(v.text.trim());
  if (!Number.isInteger(n)) return null; // the type check already reported it
  if (n < min || n > max) {
    pc.diags.error(Codes.InvalidLiteral, v.offset, `${what} must be between ${min} and ${max}${extra}, not ${n}.`);
    return null;
  }
  return n;
}

export const NAME_ATTRS = {
  "retry-after-header-name": { expr: false },
  "retry-after-variable-name": { expr: false },
  "remaining-calls-header-name": { expr: false },
  "remaining-calls-variable-name": { expr: false },
  "total-calls-header-name": { expr: false },
} as const satisfies Record<string, AttrSpec>;

export interface LimitNames {
  retryAfterHeader: string | null;
  retryAfterVariable: string | null;
  remainingHeader: string | null;
  remainingVariable: string | null;
  totalHeader: string | null;
}

/** Reads the header and variable name attributes of rate-limit / rate-limit-by-key, checking header names. */
export function readNames(pc: ParseContext, a: Record<string, XValue | undefined>, el: string): LimitNames {
  const text = (k: string, header: boolean): string | null => {
    const v = a[k];
    if (!v || v.kind !== "literal") return null;
    const t = v.text.trim();
    if (t === "") {
      pc.diags.error(Codes.InvalidLiteral, v.offset, `'${k}' of <${el}> must not be empty.`);
      return null;
    }
    if (header && !isToken(t)) pc.diags.error(Codes.InvalidLiteral, v.offset, `'${t}' is not a valid HTTP header name.`);
    return t;
  };
  return {
    retryAfterHeader: text("retry-after-header-name", true),
    retryAfterVariable: text("retry-after-variable-name", false),
    remainingHeader: text("remaining-calls-header-name", true),
    remainingVariable: text("remaining-calls-variable-name", false),
    totalHeader: text("total-calls-header-name", true),
  };
}

/**
 * increment-condition / increment-count. Literals (or none) count when the policy runs; if either
 * is an expression, the reference page defers counting to the end of the request, so both are
 * evaluated then (the condition usually reads context.Response.StatusCode).
 */
export function emitIncrement(cond: XValue | undefined, count: XValue | undefined, ec: EmitContext): { inc: Code; deferred: Code } {
  const condLiteral = !cond || cond.kind === "literal";
  const countLiteral = !count || count.kind === "literal";
  if (condLiteral && countLiteral) {
    const on = !cond || (cond.kind === "literal" && cond.text.trim().toLowerCase() === "true");
    const n = count && count.kind === "literal" ? Number(count.text.trim()) : 1;
    return { inc: js`${on ? n : 0}`, deferred: js`null` };
  }
  const c = cond ? ec.value(cond, "bool") : js`true`;
  const n = count ? ec.value(count, "int") : js`1`;
  return { inc: js`0`, deferred: js`() => ((${c}) ? ${n} : 0)` };
}

export function checkCount(pc: ParseContext, count: XValue | undefined, el: string): void {
  literalIntIn(pc, count, `'increment-count' of <${el}>`, 0, Number.MAX_SAFE_INTEGER);
}

/**
 * caching-type: `internal` is the gateway's memory cache; `external` and `prefer-external` (the
 * default) the gateway's shared state (Redis) when it has one, else its memory cache (README).
 */
export const CACHING_TYPE: AttrSpec = { expr: false, type: { enum: ["prefer-external", "external", "internal"] } };

export type CachingType = "prefer-external" | "external" | "internal";

export function cachingType(v: XValue | undefined): CachingType {
  const t = v && v.kind === "literal" ? v.text.trim() : "";
  return t === "external" || t === "internal" ? t : "prefer-external";
}

/** The extra argument of a cache helper: none for the default (prefer-external). */
export function cachingTypeArg(t: CachingType): Code {
  return t === "prefer-external" ? js`` : js`, ${t}`;
}

/** A per-subscription limit (rate-limit, quota) with its optional <api>/<operation> limits. */
export interface ScopedLimitSpec {
  calls: number | null;
  bandwidthKb?: number | null;
  periodS: number;
}
export interface ApiLimitSpec extends ScopedLimitSpec {
  name: string | null;
  id: string | null;
  operations: (ScopedLimitSpec & { name: string | null; id: string | null })[];
}

/**
 * Reads calls / bandwidth / renewal-period of an element (all literal: the reference pages allow
 * no expressions in rate-limit and quota). `quota` adds bandwidth and allows renewal-period 0
 * (never renews); rate-limit periods are 1-300 s. `quota-by-key` alone has a minimum period
 * ("Minimum period: 300 seconds" on its page; the quota page states none).
 */
export function readScopedLimit(
  pc: ParseContext,
  el: import("../xml/parse.js").XElement,
  kind: "rate-limit" | "quota" | "quota-by-key",
  extra: Record<string, AttrSpec>,
): (ScopedLimitSpec & { attrs: Record<string, XValue | undefined> }) | null {
  const spec: Record<string, AttrSpec> =
    kind === "rate-limit"
      ? { calls: { required: true, expr: false, type: "int" }, "renewal-period": { required: true, expr: false, type: "int" }, ...extra }
      : { calls: { expr: false, type: "int" }, bandwidth: { expr: false, type: "int" }, "renewal-period": { required: true, expr: false, type: "int" }, ...extra };
  const a = pc.attrs(el, spec);
  const calls = literalIntIn(pc, a.calls, `'calls' of <${el.name}>`, 0, Number.MAX_SAFE_INTEGER);
  const bandwidth = kind !== "rate-limit" ? literalIntIn(pc, a.bandwidth, `'bandwidth' of <${el.name}>`, 0, Number.MAX_SAFE_INTEGER) : null;
  const periodV = a["renewal-period"];
  let period: number | null;
  if (kind === "rate-limit") period = literalIntIn(pc, periodV, `'renewal-period' of <${el.name}>`, 1, 300, " seconds");
  else {
    period = literalIntIn(pc, periodV, `'renewal-period' of <${el.name}>`, 0, Number.MAX_SAFE_INTEGER);
    if (kind === "quota-by-key" && period !== null && period > 0 && period < 300) {
      pc.diags.error(Codes.InvalidLiteral, periodV!.offset, `'renewal-period' of <${el.name}> must be 0 (never renews) or at least 300 seconds, not ${period}.`);
      period = null;
    }
  }
  if (kind !== "rate-limit" && !a.calls && !a.bandwidth) pc.diags.error(Codes.MissingAttribute, el.offset, `<${el.name}> needs 'calls', 'bandwidth' or both.`);
  if (period === null || (kind === "rate-limit" && calls === null)) return null;
  return { calls, bandwidthKb: bandwidth, periodS: period, attrs: a };
}

/** The <api name|id ...><operation name|id .../></api> children of rate-limit and quota. */
export function readApiLimits(pc: ParseContext, el: import("../xml/parse.js").XElement, kind: "rate-limit" | "quota"): ApiLimitSpec[] {
  const ids = { name: { expr: false }, id: { expr: false } } as const;
  const nameOf = (a: Record<string, XValue | undefined>, e: import("../xml/parse.js").XElement): { name: string | null; id: string | null } | null => {
    const name = a.name?.kind === "literal" ? a.name.text.trim() : null;
    const id = a.id?.kind === "literal" ? a.id.text.trim() : null;
    if (!name && !id) {
      pc.diags.error(Codes.MissingAttribute, e.offset, `<${e.name}> in <${el.name}> needs a 'name' or an 'id'.`);
      return null;
    }
    return { name, id };
  };
  const apis: ApiLimitSpec[] = [];
  for (const child of pc.elements(el)) {
    if (child.name !== "api") {
      pc.diags.error(Codes.UnexpectedChild, child.offset, `<${el.name}> takes only <api> children, not <${child.name}>.`);
      continue;
    }
    const lim = readScopedLimit(pc, child, kind, ids);
    const who = lim && nameOf(lim.attrs, child);
    const operations: ApiLimitSpec["operations"] = [];
    for (const op of pc.elements(child)) {
      if (op.name !== "operation") {
        pc.diags.error(Codes.UnexpectedChild, op.offset, `<api> in <${el.name}> takes only <operation> children, not <${op.name}>.`);
        continue;
      }
      if (pc.elements(op).length) pc.diags.error(Codes.UnexpectedChild, op.offset, "<operation> takes no child elements.");
      const ol = readScopedLimit(pc, op, kind, ids);
      const owho = ol && nameOf(ol.attrs, op);
      if (ol && owho) operations.push({ calls: ol.calls, bandwidthKb: ol.bandwidthKb ?? null, periodS: ol.periodS, ...owho });
    }
    if (lim && who) apis.push({ calls: lim.calls, bandwidthKb: lim.bandwidthKb ?? null, periodS: lim.periodS, ...who, operations });
  }
  return apis;
}

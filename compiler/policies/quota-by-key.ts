// quota-by-key: a call-volume and/or bandwidth quota per key value (one counter per value across
// all scopes) over fixed periods counted from first-period-start (default 0001-01-01T00:00:00Z);
// renewal-period 0 never renews. calls, bandwidth, renewal-period and first-period-start are
// literals; counter-key, increment-condition and increment-count accept expressions (with an
// expression in either of the last two, counting happens at the end of the request). Several
// quota policies on the same key count a request once. Exceeding: 403 QuotaExceeded, Retry-After.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { checkCount, emitIncrement, readScopedLimit, specConstant } from "./state-common.js";

export interface QuotaByKeyNode extends PolicyNode {
  spec: { calls: number | null; bandwidthKb: number | null; periodS: number; firstStartMs: number };
  key: XValue;
  cond: XValue | undefined;
  count: XValue | undefined;
}

const DEFAULT_FIRST_START = Date.parse("0001-01-01T00:00:00Z");
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const EXTRA = {
  "counter-key": { required: true },
  "increment-condition": { type: "bool" },
  "increment-count": { type: "int" },
  "first-period-start": { expr: false },
} as const;

export const quotaByKey: PolicyDef<QuotaByKeyNode> = {
  name: "quota-by-key",
  sections: ["inbound"],
  attributes: { calls: { expr: false, type: "int" }, bandwidth: { expr: false, type: "int" }, "renewal-period": { required: true, expr: false, type: "int" }, ...EXTRA },
  parse(el, pc, base) {
    const lim = readScopedLimit(pc, el, "quota-by-key", EXTRA);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<quota-by-key> takes no child elements."));
    if (!lim) return null;
    const a = lim.attrs;
    checkCount(pc, a["increment-count"], "quota-by-key");
    let firstStartMs = DEFAULT_FIRST_START;
    const fps = a["first-period-start"];
    if (fps && fps.kind === "literal") {
      const t = fps.text.trim();
      const ms = ISO.test(t) ? Date.parse(t) : NaN;
      if (Number.isNaN(ms)) pc.diags.error(Codes.InvalidLiteral, fps.offset, `'first-period-start' of <quota-by-key> must be a UTC date-time like 2024-01-01T00:00:00Z, not '${fps.text}'.`);
      else firstStartMs = ms;
    }
    if (!a["counter-key"]) return null;
    return { ...base, spec: { calls: lim.calls, bandwidthKb: lim.bandwidthKb ?? null, periodS: lim.periodS, firstStartMs }, key: a["counter-key"], cond: a["increment-condition"], count: a["increment-count"] };
  },
  emit(node, ec) {
    const { inc, deferred } = emitIncrement(node.cond, node.count, ec);
    return js`await ${rt("quotaByKey")}(ctx, ${specConstant(ec, node.spec, "quotaByKey")}, ${ec.value(node.key, "string")}, ${inc}, ${deferred});`;
  },
  isAsync: () => true,
  /** Bandwidth quotas count body bytes. */
  readsBody: (node) => node.spec.bandwidthKb !== null,
};

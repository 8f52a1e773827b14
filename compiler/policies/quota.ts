// quota: a call-volume and/or bandwidth quota per subscription over fixed renewal periods (0: the
// quota never renews), with optional <api>/<operation> quotas. Literals only (reference page).
// Exceeding it: 403, LastError.Reason QuotaExceeded, "Out of call volume quota. Quota will be
// replenished in hh:mm:ss." (or "bandwidth"), and Retry-After. Bandwidth counts the request and
// response body bytes at the end of the request, in kilobytes of 1024 bytes. [infer] Periods are
// aligned to the Unix epoch (APIM does not document where a subscription's quota period starts).
import { js, rt } from "../codegen/code.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { readApiLimits, readScopedLimit, specConstant, type ApiLimitSpec, type ScopedLimitSpec } from "./state-common.js";

export interface QuotaNode extends PolicyNode {
  spec: ScopedLimitSpec & { scope: string; apis: ApiLimitSpec[] };
}

export const quota: PolicyDef<QuotaNode> = {
  name: "quota",
  sections: ["inbound"],
  attributes: { calls: { expr: false, type: "int" }, bandwidth: { expr: false, type: "int" }, "renewal-period": { required: true, expr: false, type: "int" } },
  parse(el, pc, base) {
    const lim = readScopedLimit(pc, el, "quota", {});
    const apis = readApiLimits(pc, el, "quota");
    if (!lim) return null;
    return { ...base, spec: { calls: lim.calls, bandwidthKb: lim.bandwidthKb ?? null, periodS: lim.periodS, scope: pc.state.scope, apis } };
  },
  emit(node, ec) {
    return js`await ${rt("quotaSubscription")}(ctx, ${specConstant(ec, node.spec, "quota")});`;
  },
  isAsync: () => true,
  oncePerDefinition: true,
  /** Bandwidth quotas count body bytes. */
  readsBody: (node) => node.spec.bandwidthKb !== null || node.spec.apis.some((a) => a.bandwidthKb !== null || a.operations.some((o) => o.bandwidthKb !== null)),
};

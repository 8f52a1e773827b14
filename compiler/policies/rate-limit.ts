// rate-limit: a sliding-window call limit per subscription (anonymous callers share one counter),
// with optional <api>/<operation> limits that apply, in addition, to calls of that API/operation.
// All attributes are literals (the reference page allows no expressions). A call must fit under
// every applicable limit; it then counts toward each. Exceeding one: 429, LastError.Reason
// RateLimitExceeded, Retry-After. One counter per scope entity (global, the product, the API or the
// operation the policy is written at) and subscription.
import { js, rt } from "../codegen/code.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { NAME_ATTRS, readApiLimits, readNames, readScopedLimit, specConstant, type ApiLimitSpec, type LimitNames, type ScopedLimitSpec } from "./state-common.js";

export interface RateLimitNode extends PolicyNode {
  spec: ScopedLimitSpec & { scope: string; apis: ApiLimitSpec[] };
  names: LimitNames;
}

export const rateLimit: PolicyDef<RateLimitNode> = {
  name: "rate-limit",
  sections: ["inbound"],
  attributes: { calls: { required: true, expr: false, type: "int" }, "renewal-period": { required: true, expr: false, type: "int" }, ...NAME_ATTRS },
  parse(el, pc, base) {
    const lim = readScopedLimit(pc, el, "rate-limit", NAME_ATTRS);
    const names = lim ? readNames(pc, lim.attrs, "rate-limit") : null;
    const apis = readApiLimits(pc, el, "rate-limit");
    if (!lim || !names) return null;
    return { ...base, spec: { calls: lim.calls, periodS: lim.periodS, scope: pc.state.scope, apis }, names };
  },
  emit(node, ec) {
    return js`await ${rt("rateLimitSubscription")}(ctx, ${specConstant(ec, node.spec, "rateLimit")}, ${specConstant(ec, node.names, "rateLimitNames")});`;
  },
  isAsync: () => true,
  oncePerDefinition: true,
};

// rate-limit-by-key: a sliding-window call limit per key value (one counter per value across all
// scopes). Exceeding it is a policy error (429, LastError.Reason RateLimitExceeded), with the
// retry interval in Retry-After (or retry-after-header-name) and retry-after-variable-name.
// Counting is immediate with literal increment-condition / increment-count, and deferred to the end
// of the request when either is an expression (so a 429 can come one call late, as documented).
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { checkCount, emitIncrement, literalIntIn, NAME_ATTRS, readNames, specConstant, type LimitNames } from "./state-common.js";

export interface RateLimitByKeyNode extends PolicyNode {
  calls: XValue;
  period: XValue;
  key: XValue;
  cond: XValue | undefined;
  count: XValue | undefined;
  names: LimitNames;
}

export const rateLimitByKey: PolicyDef<RateLimitByKeyNode> = {
  name: "rate-limit-by-key",
  sections: ["inbound"],
  attributes: {
    calls: { required: true, type: "int" },
    "renewal-period": { required: true, type: "int" },
    "counter-key": { required: true },
    "increment-condition": { type: "bool" },
    "increment-count": { type: "int" },
    ...NAME_ATTRS,
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<rate-limit-by-key> takes no child elements."));
    literalIntIn(pc, a.calls, "'calls' of <rate-limit-by-key>", 0, Number.MAX_SAFE_INTEGER);
    literalIntIn(pc, a["renewal-period"], "'renewal-period' of <rate-limit-by-key>", 1, 300, " seconds");
    checkCount(pc, a["increment-count"], "rate-limit-by-key");
    const names = readNames(pc, a, "rate-limit-by-key");
    if (!a.calls || !a["renewal-period"] || !a["counter-key"]) return null;
    return { ...base, calls: a.calls, period: a["renewal-period"], key: a["counter-key"], cond: a["increment-condition"], count: a["increment-count"], names };
  },
  emit(node, ec) {
    const names = specConstant(ec, node.names, "rateLimitNames");
    const { inc, deferred } = emitIncrement(node.cond, node.count, ec);
    return js`await ${rt("rateLimitByKey")}(ctx, ${names}, ${ec.value(node.key, "string")}, ${ec.value(node.calls, "int")}, ${ec.value(node.period, "int")}, ${inc}, ${deferred});`;
  },
  isAsync: () => true,
};

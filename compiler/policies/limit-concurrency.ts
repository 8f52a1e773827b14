// limit-concurrency: at most max-count requests at a time run the enclosed policies per key;
// a request over the limit fails at once with 429 (LastError.Reason ConcurrencyLimitExceeded
// [infer: the reference page names only the status]). The slot is released however the children
// end (normally, by return-response, or by an error).
import { js, rt } from "../codegen/code.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { literalIntIn } from "./state-common.js";

export interface LimitConcurrencyNode extends PolicyNode {
  key: XValue;
  max: number;
  children: PolicyNode[];
}

export const limitConcurrency: PolicyDef<LimitConcurrencyNode> = {
  name: "limit-concurrency",
  sections: ALL_SECTIONS,
  attributes: { key: { required: true }, "max-count": { required: true, expr: false, type: "int" } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const max = literalIntIn(pc, a["max-count"], "'max-count' of <limit-concurrency>", 1, 1_000_000);
    const children = pc.policies(el.children, pc.path);
    if (!a.key || max === null) return null;
    return { ...base, key: a.key, max, children };
  },
  emit(node, ec) {
    const slot = ec.scope.names.fresh("slot");
    return js`{\nconst ${slot} = await ${rt("concurrencyEnter")}(ctx, ${ec.value(node.key, "string")}, ${node.max});\ntry {\n${ec.policies(node.children)}} finally {\nawait ${rt("concurrencyLeave")}(ctx, ${slot});\n}\n}`;
  },
  isAsync: () => true,
};

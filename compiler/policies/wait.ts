// wait: its immediate children (send-request, cache-lookup-value, choose) run concurrently, each as
// an async arrow; for="all" completes when all have, for="any" when the first has (see the
// runtime's waitAll / waitAny). A child that ends the pipeline (return-response inside a choose)
// ends it once the wait completes.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { endPipeline } from "../codegen/names.js";

const CHILDREN = new Set(["send-request", "cache-lookup-value", "choose"]);

export interface WaitNode extends PolicyNode {
  mode: XValue | undefined;
  body: PolicyNode[];
}

export const wait: PolicyDef<WaitNode> = {
  name: "wait",
  sections: ["inbound", "backend", "outbound"],
  attributes: { for: { type: { enum: ["all", "any"] } } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const kept: XElement[] = [];
    for (const c of pc.elements(el)) {
      if (CHILDREN.has(c.name)) kept.push(c);
      else pc.diags.error(Codes.UnexpectedChild, c.offset, `<wait> takes only <send-request>, <cache-lookup-value> and <choose> as immediate children, not <${c.name}>.`);
    }
    const body = pc.policies(kept, pc.path);
    if (kept.length === 0) pc.diags.warning(Codes.MissingChild, el.offset, "<wait> has no children to wait for.");
    return { ...base, mode: a.for, body };
  },
  emit(node, ec) {
    if (node.body.length === 0) return js``;
    // Each child owns the policy-table indexes from its own to the next child's (pre-order).
    const tasks = node.body.map((child, i) => {
      const hi = i + 1 < node.body.length ? node.body[i + 1]!.index : Number.MAX_SAFE_INTEGER;
      return js`async () => {\ntry {\n${ec.policies([child])}} catch (e) {\nthrow ${rt("waitChildFailed")}(ctx, e, ${child.index}, ${hi});\n}\n}`;
    });
    const list = tasks.reduce<Code | null>((acc, t) => (acc ? js`${acc},\n${t}` : t), null)!;
    const mode = node.mode;
    const call =
      !mode || mode.kind === "literal"
        ? js`${rt((mode?.kind === "literal" ? mode.text.trim() : "all") === "any" ? "waitAny" : "waitAll")}(ctx, [\n${list}])`
        : js`${rt("waitFor")}(ctx, ${ec.value(mode, "string")}, [\n${list}])`;
    return js`if ((await ${call}) === ${endPipeline()}) return ${endPipeline()};`;
  },
  isAsync: () => true,
};

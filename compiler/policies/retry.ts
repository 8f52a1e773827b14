// retry: runs its children once, then again while `condition` is true and fewer than `count`
// retries have run, waiting between attempts (fixed, linear or exponential; see the runtime's
// retryDelayMs). The children are emitted once, inside a loop; a return-response/mock-response
// inside still ends the section. Errors raised by the children are not caught: they go to
// on-error at once ([OPEN] 9: the reference page's examples rely on ignore-error="true" to retry
// failed send-requests, which only makes sense if errors propagate).
import { js, rt, type Code, dataLiteral } from "../codegen/code.js";
import { policyIndex } from "../codegen/names.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";

export interface RetryNode extends PolicyNode {
  condition: XValue;
  count: XValue;
  interval: XValue;
  maxInterval: XValue | undefined;
  delta: XValue | undefined;
  firstFastRetry: XValue | undefined;
  body: PolicyNode[];
}

/** Elements whose children are policies of the same flow (where a nested wait would still be inside retry). */
const CONTAINERS = new Set(["choose", "when", "otherwise", "retry"]);

function findWait(el: XElement): XElement | null {
  for (const c of el.children) {
    if (c.kind !== "element") continue;
    if (c.name === "wait") return c;
    if (CONTAINERS.has(c.name)) {
      const w = findWait(c);
      if (w) return w;
    }
  }
  return null;
}

export const retry: PolicyDef<RetryNode> = {
  name: "retry",
  sections: ALL_SECTIONS,
  attributes: {
    condition: { required: true, type: "bool" },
    count: { required: true, type: "int" },
    interval: { required: true, type: "seconds" },
    "max-interval": { type: "seconds" },
    delta: { type: "seconds" },
    "first-fast-retry": { type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const w = findWait(el);
    if (w) pc.diags.error(Codes.UnexpectedChild, w.offset, "<wait> is not allowed inside <retry>.");
    const body = pc.policies(el.children, pc.path);
    if (!a.condition || !a.count || !a.interval) return null;
    if (a.count.kind === "literal") {
      const n = Number(a.count.text.trim());
      if (Number.isInteger(n) && (n < 1 || n > 50)) pc.diags.error(Codes.InvalidLiteral, a.count.offset, `'count' of <retry> must be from 1 to 50, not ${n}.`);
    }
    if (a["max-interval"] && !a.delta)
      pc.diags.warning(Codes.MissingAttribute, a["max-interval"].offset, "'max-interval' without 'delta' only caps the fixed 'interval' (the exponential strategy needs 'delta').");
    if (body.length === 0) pc.diags.warning(Codes.MissingChild, el.offset, "<retry> has no child policies to retry.");
    return { ...base, condition: a.condition, count: a.count, interval: a.interval, maxInterval: a["max-interval"], delta: a.delta, firstFastRetry: a["first-fast-retry"], body };
  },
  emit(node, ec) {
    const lit = (v: XValue | undefined): number | null => (v && v.kind === "literal" ? Number(v.text.trim()) : null);
    const allLiteral = [node.count, node.interval, node.maxInterval, node.delta, node.firstFastRetry].every((v) => !v || v.kind === "literal");
    const ffr = node.firstFastRetry;
    const n = ec.scope.names.fresh("attempt");
    let settings: Code;
    let count: Code;
    if (allLiteral) {
      const s = {
        interval: lit(node.interval)!,
        maxInterval: lit(node.maxInterval),
        delta: lit(node.delta),
        firstFastRetry: ffr?.kind === "literal" ? ffr.text.trim().toLowerCase() === "true" : false,
      };
      settings = ec.scope.constant(js`Object.freeze(${dataLiteral(s)})`, "retrySettings");
      count = js`${lit(node.count)!}`;
    } else {
      const opt = (v: XValue | undefined): Code => (!v ? js`null` : v.kind === "literal" ? js`${Number(v.text.trim())}` : ec.value(v, "int"));
      const boolOpt = !ffr ? js`false` : ffr.kind === "literal" ? js`${ffr.text.trim().toLowerCase() === "true"}` : ec.value(ffr, "bool");
      settings = ec.scope.names.fresh("retry");
      count = js`${settings}.count`;
      const init = js`const ${settings} = ${rt("retrySettings")}(${opt(node.count)}, ${opt(node.interval)}, ${opt(node.maxInterval)}, ${opt(node.delta)}, ${boolOpt});\n`;
      return js`{\n${init}${loop(ec.value(node.condition, "bool"), count, settings, n, ec.policies(node.body), zeroDelays(node), node.index)}}`;
    }
    const cond = node.condition.kind === "literal" ? js`${node.condition.text.trim().toLowerCase() === "true"}` : ec.value(node.condition, "bool");
    return loop(cond, count, settings, n, ec.policies(node.body), zeroDelays(node), node.condition.kind === "literal" ? -1 : node.index);
  },
  isAsync: (node, isAsyncNode) => !zeroDelays(node) || node.body.some(isAsyncNode),
};

function loop(cond: Code, count: Code, settings: Code, n: Code, body: Code, noWait: boolean, index: number): Code {
  const wait = noWait ? js`` : js`await ${rt("retryWait")}(${n} + 1, ${settings});\n`;
  // The condition runs after the children: the marker goes back to retry so an error in it is retry's.
  const check = index >= 0 ? js`(${policyIndex(index)}, !(${cond}))` : js`!(${cond})`;
  return js`for (let ${n} = 0; ; ${n}++) {\n${body}if (${n} >= ${count} || ${check}) break;\n${wait}}`;
}

/** Every delay is statically zero (interval 0 and no delta, or delta 0): no timer, no await needed. */
function zeroDelays(node: RetryNode): boolean {
  const zero = (v: XValue | undefined) => !v || (v.kind === "literal" && Number(v.text.trim()) === 0);
  return node.interval.kind === "literal" && Number(node.interval.text.trim()) === 0 && zero(node.delta);
}

// send-one-way-request: fire and forget. Started, never awaited; its outcome goes to the trace.
import { js, rt } from "../codegen/code.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { emitOutgoing, parseOutgoing, type OutgoingParts } from "./outgoing-request.js";

export interface SendOneWayNode extends PolicyNode {
  parts: OutgoingParts;
}

export const sendOneWayRequest: PolicyDef<SendOneWayNode> = {
  name: "send-one-way-request",
  sections: ALL_SECTIONS,
  attributes: { mode: { type: { enum: ["new", "copy"] } }, timeout: { type: "seconds" } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const parts = parseOutgoing(el, pc, base, a);
    return parts ? { ...base, parts } : null;
  },
  readsBody: (node) => !(node.parts.mode?.kind === "literal" && node.parts.mode.text.trim() === "new") && node.parts.mode !== undefined,
  emit(node, ec) {
    const rq = ec.scope.names.fresh("rq");
    const { build, options } = emitOutgoing(node.parts, rq, ec);
    return js`{\n${build}${rt("sendOneWay")}(ctx, ${rq}, ${options});\n}`;
  },
};

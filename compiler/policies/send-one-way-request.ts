// send-one-way-request: fire and forget. Started, never awaited; its outcome goes to the trace.
import { js, rt } from "../codegen/code.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { emitOutgoing, parseOutgoing, type OutgoingParts } from "./outgoing-request.js";
import { managedIdentityConfig, managedIdentityResource } from "./authentication-managed-identity.js";

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
    const { build, options } = emitOutgoing(node.parts, rq, ec, true);
    const id = node.parts.identity;
    // With a managed identity the token is fetched off the pipeline too, before the send.
    if (id) return js`{\n${build}${rt("sendOneWayWithIdentity")}(ctx, ${rq}, ${options}, ${managedIdentityConfig(id, ec)}, ${managedIdentityResource(id, ec)});\n}`;
    return js`{\n${build}${rt("sendOneWay")}(ctx, ${rq}, ${options});\n}`;
  },
};

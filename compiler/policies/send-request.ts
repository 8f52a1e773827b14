// send-request: an HTTP call whose IResponse lands in a variable; awaited in place.
import { js, rt } from "../codegen/code.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { emitOutgoing, parseOutgoing, type OutgoingParts } from "./outgoing-request.js";
import { literalBool } from "./values.js";
import type { XValue } from "../xml/parse.js";

export interface SendRequestNode extends PolicyNode {
  parts: OutgoingParts;
  variable: XValue;
  ignoreError: boolean;
}

export const sendRequest: PolicyDef<SendRequestNode> = {
  name: "send-request",
  sections: ALL_SECTIONS,
  attributes: {
    mode: { type: { enum: ["new", "copy"] } },
    "response-variable-name": { required: true },
    timeout: { type: "seconds" },
    "ignore-error": { expr: false, type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const parts = parseOutgoing(el, pc, base, a);
    if (!parts || !a["response-variable-name"]) return null;
    return { ...base, parts, variable: a["response-variable-name"], ignoreError: literalBool(a["ignore-error"], false) };
  },
  readsBody: (node) => !(node.parts.mode?.kind === "literal" && node.parts.mode.text.trim() === "new") && node.parts.mode !== undefined,
  emit(node, ec) {
    const rq = ec.scope.names.fresh("rq");
    const { build, options } = emitOutgoing(node.parts, rq, ec);
    const name = node.variable.kind === "literal" ? js`${node.variable.text.trim()}` : ec.value(node.variable, "string");
    const send = js`${rt("sendRequest")}(${rq}, ${options})`;
    // ignore-error: a failed call stores null instead of raising (the variable always exists).
    const call = node.ignoreError ? js`await ${send}.catch(${rt("toNull")})` : js`await ${send}`;
    return js`{\n${build}ctx.Variables.set(${name}, ${call});\n}`;
  },
  isAsync: () => true,
};

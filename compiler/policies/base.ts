// <base/>: where the parent scope's same section runs. Standalone documents have APIM's default
// global policy as parent: `<forward-request/>` in backend, nothing elsewhere.
import { js } from "../codegen/code.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { emitForward } from "./forward-request.js";

export const base: PolicyDef<PolicyNode> = {
  name: "base",
  sections: ALL_SECTIONS,
  attributes: {},
  parse(el, pc, node) {
    pc.attrs(el, {});
    pc.elements(el).forEach((c) => pc.diags.error("APIMC2009", c.offset, "<base/> takes no children."));
    return node;
  },
  emit(_node, ec) {
    return ec.section === "backend" ? emitForward(null, ec) : js``;
  },
  isAsync: (node) => node.section === "backend",
};

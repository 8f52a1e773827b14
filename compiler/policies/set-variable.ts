// set-variable: stores a value in context.Variables. A literal is stored as a string.
import { js } from "../codegen/code.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";

export interface SetVariableNode extends PolicyNode {
  name: string;
  value: XValue;
}

export const setVariable: PolicyDef<SetVariableNode> = {
  name: "set-variable",
  sections: ALL_SECTIONS,
  attributes: { name: { required: true, expr: false }, value: { required: true } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error("APIMC2009", c.offset, `<set-variable> takes no child elements.`));
    if (!a.name || a.name.kind !== "literal" || !a.value) return null;
    return { ...base, name: a.name.text, value: a.value };
  },
  emit(node, ec) {
    return js`ctx.Variables.set(${node.name}, ${ec.value(node.value, "variable")});`;
  },
};

// find-and-replace: replaces every occurrence of `from` with `to` in the body (the request in
// inbound and backend, the response in outbound and on-error). Ordinal and case-sensitive, as
// .NET's String.Replace; both attributes accept expressions. A missing or consumed body is left alone.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { defaultTarget } from "./set-header.js";

export interface FindAndReplaceNode extends PolicyNode {
  from: XValue;
  to: XValue;
  target: "request" | "response";
}

export const findAndReplace: PolicyDef<FindAndReplaceNode> = {
  name: "find-and-replace",
  sections: ALL_SECTIONS,
  attributes: { from: { required: true }, to: { required: true } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<find-and-replace> takes no child elements."));
    if (a.from?.kind === "literal" && a.from.text === "") pc.diags.error(Codes.InvalidLiteral, a.from.offset, "'from' of <find-and-replace> must not be empty.");
    if (!a.from || !a.to) return null;
    return { ...base, from: a.from, to: a.to, target: defaultTarget(pc.section) };
  },
  emit(node, ec) {
    return js`${rt("findAndReplaceBody")}(ctx, ${node.target}, ${ec.value(node.from, "string")}, ${ec.value(node.to, "string")});`;
  },
  readsBody: () => true,
};

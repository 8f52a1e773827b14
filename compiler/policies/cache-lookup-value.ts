// cache-lookup-value: reads a value stored by cache-store-value into a variable.
// [OPEN] 11, our choice (runtime cacheGetValue): on a miss, the variable gets `default-value` when
// that attribute is present, and is left unset otherwise, so the documented pattern
// `!context.Variables.ContainsKey("name")` detects the miss. A literal default-value is a string.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { CACHING_TYPE, cachingType, cachingTypeArg, type CachingType } from "./state-common.js";

export interface CacheLookupValueNode extends PolicyNode {
  key: XValue;
  variable: string;
  def: XValue | undefined;
  cachingType: CachingType;
}

export const cacheLookupValue: PolicyDef<CacheLookupValueNode> = {
  name: "cache-lookup-value",
  sections: ALL_SECTIONS,
  attributes: { key: { required: true }, "variable-name": { required: true, expr: false }, "default-value": {}, "caching-type": CACHING_TYPE },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<cache-lookup-value> takes no child elements."));
    const v = a["variable-name"];
    if (v?.kind === "literal" && v.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, v.offset, "'variable-name' of <cache-lookup-value> must not be empty.");
    if (!a.key || !v || v.kind !== "literal") return null;
    return { ...base, key: a.key, variable: v.text.trim(), def: a["default-value"], cachingType: cachingType(a["caching-type"]) };
  },
  emit(node, ec) {
    const def = node.def ? ec.value(node.def, "any") : js`null`;
    return js`await ${rt("cacheGetValue")}(ctx, ${ec.value(node.key, "string")}, ${node.variable}, ${!!node.def}, ${def}${cachingTypeArg(node.cachingType)});`;
  },
  isAsync: () => true,
};

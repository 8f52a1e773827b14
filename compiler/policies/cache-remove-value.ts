// cache-remove-value: removes a cached value by key (nothing happens when there is none).
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { CACHING_TYPE, cachingType, cachingTypeArg, type CachingType } from "./state-common.js";

export interface CacheRemoveValueNode extends PolicyNode {
  key: XValue;
  cachingType: CachingType;
}

export const cacheRemoveValue: PolicyDef<CacheRemoveValueNode> = {
  name: "cache-remove-value",
  sections: ALL_SECTIONS,
  attributes: { key: { required: true }, "caching-type": CACHING_TYPE },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<cache-remove-value> takes no child elements."));
    if (!a.key) return null;
    return { ...base, key: a.key, cachingType: cachingType(a["caching-type"]) };
  },
  emit(node, ec) {
    return js`await ${rt("cacheRemoveValue")}(ctx, ${ec.value(node.key, "string")}${cachingTypeArg(node.cachingType)});`;
  },
  isAsync: () => true,
};

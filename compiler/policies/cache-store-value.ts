// cache-store-value: stores a value under a key for `duration` seconds (JToken values are copied
// in and out, so later changes to the object do not reach the cache). A literal value is a string.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { CACHING_TYPE, cachingType, cachingTypeArg, type CachingType } from "./state-common.js";

export interface CacheStoreValueNode extends PolicyNode {
  key: XValue;
  value: XValue;
  duration: XValue;
  cachingType: CachingType;
}

export const cacheStoreValue: PolicyDef<CacheStoreValueNode> = {
  name: "cache-store-value",
  sections: ALL_SECTIONS,
  attributes: { key: { required: true }, value: { required: true }, duration: { required: true, type: "seconds" }, "caching-type": CACHING_TYPE },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<cache-store-value> takes no child elements."));
    if (!a.key || !a.value || !a.duration) return null;
    return { ...base, key: a.key, value: a.value, duration: a.duration, cachingType: cachingType(a["caching-type"]) };
  },
  emit(node, ec) {
    return js`await ${rt("cacheSetValue")}(ctx, ${ec.value(node.key, "string")}, ${ec.value(node.value, "any")}, ${ec.value(node.duration, "int")}${cachingTypeArg(node.cachingType)});`;
  },
  isAsync: () => true,
};

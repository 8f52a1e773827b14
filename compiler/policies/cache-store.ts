// cache-store: stores the response for the key of this request's cache-lookup miss, for
// `duration` seconds. Only 200 responses unless cache-response is true; never responses above
// 2 MiB or marked Cache-Control no-store/private. Without a cache-lookup miss it does nothing.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface CacheStoreNode extends PolicyNode {
  duration: XValue;
  cacheResponse: XValue | undefined;
}

export const cacheStore: PolicyDef<CacheStoreNode> = {
  name: "cache-store",
  sections: ["outbound"],
  attributes: { duration: { required: true, type: "seconds" }, "cache-response": { type: "bool" } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<cache-store> takes no child elements."));
    if (!a.duration) return null;
    return { ...base, duration: a.duration, cacheResponse: a["cache-response"] };
  },
  emit(node, ec) {
    const cr = node.cacheResponse ? ec.value(node.cacheResponse, "bool") : js`false`;
    return js`await ${rt("cacheStoreResponse")}(ctx, ${ec.value(node.duration, "int")}, ${cr});`;
  },
  isAsync: () => true,
  readsBody: () => true,
};

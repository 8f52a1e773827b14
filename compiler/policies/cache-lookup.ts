// cache-lookup: looks up a response cached by cache-store for this request (GET only; key: method,
// URL, the vary-by-query-parameter values, or the whole query when none is listed, the
// vary-by-header values, and the user / groups when vary-by-developer(-groups) is true). A hit
// makes the cached response the response and ends the pipeline; a miss lets cache-store in
// outbound store the response. Requests with an Authorization header are not cached unless
// allow-private-response-caching is true. downstream-caching-type private|public adds
// `Cache-Control: <type>, max-age=<seconds>[, must-revalidate]` to cached and stored responses.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { endPipeline } from "../codegen/names.js";
import { CACHING_TYPE, cachingType, cachingTypeArg, type CachingType } from "./state-common.js";
import { isToken } from "../../runtime/headers.js";

export interface CacheLookupNode extends PolicyNode {
  byDeveloper: XValue;
  byGroups: XValue;
  allowPrivate: XValue | undefined;
  downstream: XValue | undefined;
  mustRevalidate: XValue | undefined;
  headers: string[];
  query: string[];
  cachingType: CachingType;
}

const DOWNSTREAM = ["none", "private", "public"] as const;

export const cacheLookup: PolicyDef<CacheLookupNode> = {
  name: "cache-lookup",
  sections: ["inbound"],
  attributes: {
    "vary-by-developer": { required: true, type: "bool" },
    "vary-by-developer-groups": { required: true, type: "bool" },
    "allow-private-response-caching": { type: "bool" },
    "caching-type": CACHING_TYPE,
    "downstream-caching-type": { type: { enum: DOWNSTREAM } },
    "must-revalidate": { type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const headers: string[] = [];
    const query: string[] = [];
    for (const c of pc.elements(el)) {
      if (c.name !== "vary-by-header" && c.name !== "vary-by-query-parameter") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<cache-lookup> takes <vary-by-header> and <vary-by-query-parameter> children, not <${c.name}>.`);
        continue;
      }
      pc.attrs(c, {});
      const v = pc.text(c);
      if (!v || v.kind !== "literal") {
        pc.diags.error(v ? Codes.ExpressionNotAllowed : Codes.MissingChild, c.offset, `<${c.name}> needs a literal name.`);
        continue;
      }
      if (c.name === "vary-by-header") {
        const h = v.text.trim();
        if (!isToken(h)) pc.diags.error(Codes.InvalidLiteral, v.offset, `'${h}' is not a valid HTTP header name.`);
        else headers.push(h);
      } else
        for (const q of v.text.split(";").map((s) => s.trim()))
          if (q) query.push(q); // several names may be given separated by ';'
    }
    if (!a["vary-by-developer"] || !a["vary-by-developer-groups"]) return null;
    return {
      ...base,
      byDeveloper: a["vary-by-developer"],
      byGroups: a["vary-by-developer-groups"],
      allowPrivate: a["allow-private-response-caching"],
      downstream: a["downstream-caching-type"],
      mustRevalidate: a["must-revalidate"],
      headers,
      query,
      cachingType: cachingType(a["caching-type"]),
    };
  },
  emit(node, ec) {
    const bool = (v: XValue | undefined, def: boolean): Code => (!v ? js`${def}` : ec.value(v, "bool"));
    const lists = { varyByHeaders: node.headers, varyByQuery: node.query.sort() };
    const downstreamLiteral = !node.downstream || node.downstream.kind === "literal";
    const mustLiteral = !node.mustRevalidate || node.mustRevalidate.kind === "literal";
    let spec: Code;
    if (downstreamLiteral && mustLiteral) {
      const downstream = node.downstream?.kind === "literal" ? node.downstream.text.trim() : "none";
      const must = node.mustRevalidate?.kind === "literal" ? node.mustRevalidate.text.trim().toLowerCase() === "true" : true;
      spec = ec.scope.constant(js`Object.freeze({ varyByHeaders: ${lists.varyByHeaders}, varyByQuery: ${lists.varyByQuery}, downstream: ${downstream}, mustRevalidate: ${must} })`, "cacheLookup");
    } else {
      const downstream = node.downstream ? ec.value(node.downstream, "string") : js`"none"`;
      spec = js`{ varyByHeaders: ${lists.varyByHeaders}, varyByQuery: ${lists.varyByQuery}, downstream: ${rt("cacheDownstreamType")}(${downstream}), mustRevalidate: ${bool(node.mustRevalidate, true)} }`;
    }
    return js`if (await ${rt("cacheLookupResponse")}(ctx, ${spec}, ${bool(node.byDeveloper, false)}, ${bool(node.byGroups, false)}, ${bool(node.allowPrivate, false)}${cachingTypeArg(node.cachingType)})) return ${endPipeline()};`;
  },
  isAsync: () => true,
};

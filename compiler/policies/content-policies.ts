// cross-domain (answers /crossdomain.xml or /clientaccesspolicy.xml with the policy's document) and
// redirect-content-urls (backend URLs in bodies become the gateway's): runtime/traffic/content-policies.ts.
import { js, rt } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { endPipeline } from "../codegen/names.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface CrossDomainNode extends PolicyNode {
  file: string;
  contentType: string;
  document: string;
}

/** The document kinds: Adobe's cross-domain policy (Flash) and Silverlight's client access policy. */
const KINDS: Record<string, { file: string; contentType: string }> = {
  "cross-domain-policy": { file: "/crossdomain.xml", contentType: "text/x-cross-domain-policy" },
  "access-policy": { file: "/clientaccesspolicy.xml", contentType: "text/xml" },
};

export const crossDomain: PolicyDef<CrossDomainNode> = {
  name: "cross-domain",
  sections: ["inbound"],
  attributes: {},
  parse(el, pc, base) {
    pc.attrs(el, this.attributes);
    const children = pc.elements(el);
    if (children.length !== 1) {
      pc.diags.error(children.length === 0 ? Codes.MissingChild : Codes.UnexpectedChild, (children[1] ?? el).offset, "<cross-domain> takes one document: a <cross-domain-policy> (Flash's crossdomain.xml) or an <access-policy> (Silverlight's clientaccesspolicy.xml).");
      return null;
    }
    const doc = children[0]!;
    const kind = KINDS[doc.name];
    if (!kind) {
      pc.diags.error(Codes.UnexpectedChild, doc.offset, `<cross-domain> takes a <cross-domain-policy> or an <access-policy> document, not <${doc.name}>.`);
      return null;
    }
    const text = pc.diags.lines.text;
    const end = text.indexOf(">", doc.contentEnd);
    const source = text.slice(doc.offset, doc.contentStart === doc.contentEnd && text[doc.contentStart - 2] === "/" ? doc.contentStart : end + 1);
    if (source.includes("@(") || source.includes("@{")) pc.diags.warning(Codes.ExpressionNotAllowed, doc.offset, "<cross-domain>'s document is sent as written: policy expressions in it are not evaluated.");
    return { ...base, ...kind, document: `<?xml version="1.0"?>\n${source}` };
  },
  emit(node) {
    return js`if (${rt("crossDomain")}(ctx, ${node.file}, ${node.contentType}, ${node.document}) === ${endPipeline()}) return ${endPipeline()};`;
  },
};

export interface RedirectContentUrlsNode extends PolicyNode {
  target: "request" | "response";
}

export const redirectContentUrls: PolicyDef<RedirectContentUrlsNode> = {
  name: "redirect-content-urls",
  sections: ["inbound", "outbound"],
  attributes: {},
  parse(el, pc, base) {
    pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<redirect-content-urls> takes no child elements."));
    return { ...base, target: pc.section === "inbound" ? "request" : "response" };
  },
  emit(node) {
    return js`${rt("redirectContentUrls")}(ctx, ${node.target});`;
  },
  readsBody: () => true,
};

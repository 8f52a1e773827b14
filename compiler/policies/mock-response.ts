// mock-response: ends the pipeline with the operation's example for status-code / content-type
// (from the gateway configuration's examples), else an empty body. Expressions are not allowed.
import { js, rt } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes } from "../diagnostics.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface MockResponseNode extends PolicyNode {
  status: number;
  contentType: string | null;
}

export const mockResponse: PolicyDef<MockResponseNode> = {
  name: "mock-response",
  sections: ["inbound", "outbound", "on-error"],
  attributes: {
    "status-code": { expr: false, type: "int" },
    "content-type": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<mock-response> takes no child elements."));
    const sc = a["status-code"];
    let status = 200;
    if (sc?.kind === "literal") {
      status = Number(sc.text.trim());
      if (Number.isInteger(status) && (status < 100 || status > 599)) pc.diags.error(Codes.InvalidLiteral, sc.offset, `Status code ${status} is outside 100-599.`);
    }
    const ct = a["content-type"];
    let contentType: string | null = null;
    if (ct?.kind === "literal") {
      contentType = ct.text.trim();
      if (!KNOWN_LATER.test(contentType) && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\/[!#$%&'*+\-.^_`|~0-9A-Za-z]+(\s*;.*)?$/.test(contentType))
        pc.diags.error(Codes.InvalidLiteral, ct.offset, `'${contentType}' is not a media type (type/subtype).`);
    }
    return { ...base, status, contentType };
  },
  emit(node) {
    return js`return ${rt("mockResponse")}(ctx, ${node.status}, ${node.contentType});`;
  },
};

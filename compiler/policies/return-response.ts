// return-response: ends the pipeline with a response built here (or taken from a variable).
import { js, rt } from "../codegen/code.js";
import { simplify, stmtsOf, tree, type Stmt } from "../codegen/tree.js";
import { Codes } from "../diagnostics.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { parseHeaderLike, emitSetHeader, type SetHeaderNode } from "./set-header.js";
import { parseSetBody, emitSetBody, type SetBodyNode } from "./set-body.js";
import { emitSetStatus, setStatus, type SetStatusNode } from "./set-status.js";

export interface ReturnResponseNode extends PolicyNode {
  variable: string | null;
  status: SetStatusNode | null;
  headers: SetHeaderNode[];
  body: SetBodyNode | null;
}

export const returnResponse: PolicyDef<ReturnResponseNode> = {
  name: "return-response",
  sections: ALL_SECTIONS,
  attributes: { "response-variable-name": { expr: false } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const node: ReturnResponseNode = { ...base, variable: a["response-variable-name"]?.kind === "literal" ? a["response-variable-name"].text.trim() : null, status: null, headers: [], body: null };
    for (const child of pc.elements(el)) {
      const childBase = { ...base, policy: child.name, el: child, index: -1 };
      if (child.name === "set-status") {
        if (node.status) pc.diags.error(Codes.DuplicateChild, child.offset, "<return-response> takes at most one <set-status>.");
        node.status = setStatus.parse(child, pc, childBase);
      } else if (child.name === "set-header") {
        const h = parseHeaderLike(child, pc, childBase, "response");
        if (h) node.headers.push(h);
      } else if (child.name === "set-body") {
        if (node.body) pc.diags.error(Codes.DuplicateChild, child.offset, "<return-response> takes at most one <set-body>.");
        node.body = parseSetBody(child, pc, childBase, "response");
      } else pc.diags.error(Codes.UnexpectedChild, child.offset, `<return-response> takes <set-status>, <set-header> and <set-body>, not <${child.name}>.`);
    }
    return node;
  },
  emit(node, ec) {
    const r = ec.scope.names.fresh("res");
    const start = node.variable === null ? js`${rt("newResponse")}()` : js`${rt("responseFromVariable")}(ctx, ${node.variable})`;
    const body: Stmt[] = [{ k: "code", code: js`const ${r} = ${start};` }];
    ec.withTargets({ response: { kind: "response", code: r, local: true } }, (ec2) => {
      if (node.status) body.push(...stmtsOf(emitSetStatus(node.status, ec2)));
      for (const h of node.headers) body.push(...stmtsOf(emitSetHeader(h, ec2.response, ec2)));
      if (node.body) body.push(...stmtsOf(emitSetBody(node.body, ec2.response, ec2)));
      return js``;
    });
    body.push({ k: "code", code: js`${rt("endWithResponse")}(ctx, ${r});` }, { k: "return", value: null });
    return tree(simplify([{ k: "block", body }], ec.scope));
  },
};

// choose / when / otherwise: the first true condition runs its policies; otherwise runs when none is.
import { js } from "../codegen/code.js";
import { simplify, stmtsOf, tree, type Stmt } from "../codegen/tree.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";
import { addPolicyRow, ROW_BRANCH } from "./policy-table.js";

export interface ChooseNode extends PolicyNode {
  /** `marker`: the branch's row in the policy table; the branch sets ctx.$p to it so a trace tells which one ran. */
  whens: { condition: XValue; body: PolicyNode[]; marker: number }[];
  otherwise: PolicyNode[] | null;
  otherwiseMarker: number;
}

export const choose: PolicyDef<ChooseNode> = {
  name: "choose",
  sections: ALL_SECTIONS,
  attributes: {},
  parse(el, pc, base) {
    pc.attrs(el, this.attributes);
    const whens: ChooseNode["whens"] = [];
    let otherwise: PolicyNode[] | null = null;
    let otherwiseMarker = -1;
    let w = 0;
    for (const child of pc.elements(el)) {
      if (child.name === "when") {
        if (otherwise) pc.diags.error(Codes.UnexpectedChild, child.offset, "<when> must come before <otherwise>.");
        const a = pc.attrs(child, { condition: { required: true, type: "bool" } });
        w++;
        const marker = addPolicyRow(pc.state, pc.diags, child, "choose", `${pc.path}\\when[${w}]`, pc.section, ROW_BRANCH);
        const body = pc.policies(child.children, `${pc.path}\\when[${w}]`);
        if (a.condition) whens.push({ condition: a.condition, body, marker });
      } else if (child.name === "otherwise") {
        if (otherwise) pc.diags.error(Codes.DuplicateChild, child.offset, "<choose> takes at most one <otherwise>.");
        pc.attrs(child, {});
        otherwiseMarker = addPolicyRow(pc.state, pc.diags, child, "choose", `${pc.path}\\otherwise[1]`, pc.section, ROW_BRANCH);
        otherwise = pc.policies(child.children, `${pc.path}\\otherwise[1]`);
      } else pc.diags.error(Codes.UnexpectedChild, child.offset, `<choose> takes <when> and <otherwise> children, not <${child.name}>.`);
    }
    if (whens.length === 0 && !pc.diags.hasErrors) pc.diags.error(Codes.MissingChild, el.offset, "<choose> needs at least one <when condition=\"...\">.");
    return { ...base, whens, otherwise, otherwiseMarker };
  },
  emit(node, ec) {
    // An if/else chain; the tree pass (codegen/tree.ts) drops branches whose condition is constant.
    let chain: Stmt[] | null = node.otherwise ? [{ k: "index", index: node.otherwiseMarker }, ...stmtsOf(ec.policies(node.otherwise))] : null;
    for (let i = node.whens.length - 1; i >= 0; i--) {
      const w = node.whens[i]!;
      const cond = w.condition.kind === "literal" ? js`${w.condition.text.trim().toLowerCase() === "true"}` : ec.value(w.condition, "bool");
      chain = [{ k: "if", cond, then: [{ k: "index", index: w.marker }, ...stmtsOf(ec.policies(w.body))], else: chain }];
    }
    return tree(simplify(chain ?? [], ec.scope));
  },
  isAsync: (node, isAsyncNode) => [...node.whens.flatMap((w) => w.body), ...(node.otherwise ?? [])].some(isAsyncNode),
};


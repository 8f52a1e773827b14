// set-query-parameter: name, exists-action (override|skip|append|delete), <value>*, on the query
// of the request sent to the backend (context.Request.Url.Query; names are case-sensitive). A
// literal name, action and values compile to one map operation with a hoisted value list.
import { js, rt, type Code } from "../codegen/code.js";
import { queryOp } from "../codegen/names.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

const ACTIONS = ["override", "skip", "append", "delete"] as const;

export interface SetQueryParameterNode extends PolicyNode {
  name: XValue;
  action: XValue | undefined;
  values: XValue[];
}

export const setQueryParameter: PolicyDef<SetQueryParameterNode> = {
  name: "set-query-parameter",
  sections: ["inbound", "backend"],
  attributes: {
    name: { required: true },
    "exists-action": { type: { enum: ACTIONS } },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const values: XValue[] = [];
    for (const child of pc.elements(el)) {
      if (child.name !== "value") {
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<set-query-parameter> takes only <value> children, not <${child.name}>.`);
        continue;
      }
      pc.attrs(child, {});
      const v = pc.text(child) ?? { kind: "literal" as const, text: "", offset: child.offset };
      if (v.kind === "literal") v.text = v.text.trim();
      values.push(v);
    }
    if (!a.name) return null;
    if (a.name.kind === "literal") {
      a.name.text = a.name.text.trim();
      if (a.name.text === "") pc.diags.error(Codes.InvalidLiteral, a.name.offset, "The query parameter name cannot be empty.");
    }
    const action = a["exists-action"];
    const act = action?.kind === "literal" ? action.text.trim() : action ? null : "override";
    if (act !== null && act !== "delete" && values.length === 0)
      pc.diags.error(Codes.MissingChild, el.offset, `<set-query-parameter exists-action="${act}"> needs at least one <value>.`);
    return { ...base, name: a.name, action, values };
  },
  emit(node, ec) {
    const q = js`ctx.Request.Url.Query`;
    const { name, action, values } = node;
    if (name.kind === "literal" && (!action || action.kind === "literal") && values.every((v) => v.kind === "literal")) {
      const act = action?.kind === "literal" ? action.text.trim() : "override";
      const list = ec.scope.constant(js`Object.freeze(${values.map((v) => (v.kind === "literal" ? v.text : ""))})`, "queryValues");
      switch (act) {
        case "delete":
          return js`${queryOp(q, "delete", js`${name.text}`)};`;
        // The frozen list is shared: QueryMap never changes a value list in place (it copies on read).
        case "skip":
          return js`if (!${queryOp(q, "has", js`${name.text}`)}) ${queryOp(q, "set", js`${name.text}`, list)};`;
        case "append":
          return js`${rt("setQueryParameter")}(${q}, ${name.text}, "append", ${list});`;
        default:
          return js`${queryOp(q, "set", js`${name.text}`, list)};`;
      }
    }
    const literalAction = !action ? "override" : action.kind === "literal" ? action.text.trim() : null;
    if (name.kind === "literal" && (literalAction === "override" || literalAction === "skip")) {
      // A literal name and action with computed values: one map operation.
      const vals = js`${rt("queryValues")}([${joinCodes(values.map((v) => (v.kind === "literal" ? js`${v.text}` : ec.value(v, "string"))))}])`;
      const set = js`${queryOp(q, "set", js`${name.text}`, vals)};`;
      return literalAction === "skip" ? js`if (!${queryOp(q, "has", js`${name.text}`)}) ${set}` : set;
    }
    const nameCode = name.kind === "literal" ? js`${name.text}` : ec.value(name, "string");
    const actCode = !action ? js`"override"` : action.kind === "literal" ? js`${action.text.trim()}` : ec.value(action, "string");
    const valueCodes = values.map((v) => (v.kind === "literal" ? js`${v.text}` : ec.value(v, "string")));
    return js`${rt("setQueryParameter")}(${q}, ${nameCode}, ${actCode}, [${joinCodes(valueCodes)}]);`;
  },
};

function joinCodes(cs: Code[]): Code {
  return cs.reduce<Code | null>((acc, c) => (acc ? js`${acc}, ${c}` : c), null) ?? js``;
}

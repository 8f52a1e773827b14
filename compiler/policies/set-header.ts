// set-header: name, exists-action (override|skip|append|delete), <value>*. A literal name, action
// and values compile to one map operation on a hoisted constant entry; anything computed goes
// through the runtime's setHeader, which applies the same rules at run time.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { constantString, tree } from "../codegen/tree.js";
import { PROTECTED_HEADERS, isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type EmitContext, type MessageTarget, type ParseContext, type PolicyDef, type PolicyNode } from "./types.js";

const ACTIONS = ["override", "skip", "append", "delete"] as const;

export interface SetHeaderNode extends PolicyNode {
  name: XValue;
  action: XValue | undefined;
  values: XValue[];
  /** Set when inside return-response or in outbound/on-error: the response is the target. */
  target: "request" | "response";
}

export const setHeader: PolicyDef<SetHeaderNode> = {
  name: "set-header",
  sections: ALL_SECTIONS,
  attributes: {
    name: { required: true },
    "exists-action": { type: { enum: ACTIONS } },
  },
  parse(el, pc, base) {
    return parseHeaderLike(el, pc, base, defaultTarget(pc.section));
  },
  emit(node, ec) {
    return emitSetHeader(node, node.target === "request" ? ec.request : ec.response, ec);
  },
};

export function defaultTarget(section: string): "request" | "response" {
  return section === "inbound" || section === "backend" ? "request" : "response";
}

/** Shared by set-header everywhere it appears (also as a child of send-request / return-response). */
export function parseHeaderLike(el: Parameters<PolicyDef["parse"]>[0], pc: ParseContext, base: PolicyNode, target: "request" | "response"): SetHeaderNode | null {
  const a = pc.attrs(el, setHeader.attributes);
  const values: XValue[] = [];
  for (const child of pc.elements(el)) {
    if (child.name !== "value") {
      pc.diags.error(Codes.UnexpectedChild, child.offset, `<set-header> takes only <value> children, not <${child.name}>.`);
      continue;
    }
    pc.attrs(child, {});
    const v = pc.text(child) ?? { kind: "literal" as const, text: "", offset: child.offset };
    if (v.kind === "literal") {
      v.text = v.text.trim();
      if (/[\r\n\0]/.test(v.text)) pc.diags.error(Codes.InvalidLiteral, v.offset, "A header value cannot contain a line break or NUL.");
    }
    values.push(v);
  }
  if (!a.name) return null;
  const action = a["exists-action"];
  if (a.name.kind === "literal") {
    const name = a.name.text.trim();
    const lower = name.toLowerCase();
    const act = action?.kind === "literal" ? action.text.trim() : action ? null : "override";
    if (!isToken(name)) pc.diags.error(Codes.InvalidLiteral, a.name.offset, `'${name}' is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only).`);
    else if (PROTECTED_HEADERS.has(lower))
      pc.diags.error(Codes.ProtectedHeader, a.name.offset, `The '${name}' header cannot be appended, overridden or deleted by a policy; the gateway manages it.`);
    else if (lower === "server" && target === "response" && act === "delete")
      pc.diags.error(Codes.ProtectedHeader, a.name.offset, "The 'Server' response header cannot be removed.");
    else if (lower === "expect" && target === "request" && act !== "delete")
      pc.diags.warning(
        Codes.NotImplemented,
        a.name.offset,
        "apimc never sends an 'Expect' header to a backend or a send-request target (the gateway answers 100-continue itself, and its HTTP client cannot send it): this set-header has no effect on the request sent.",
      );
    a.name.text = name;
  }
  return { ...base, name: a.name, action, values, target };
}

export function emitSetHeader(node: SetHeaderNode, target: MessageTarget, ec: EmitContext): Code {
  const h = js`${target.code}.Headers`;
  const { name, action, values } = node;
  const allLiteral = name.kind === "literal" && (!action || action.kind === "literal") && values.every((v) => v.kind === "literal");
  if (allLiteral && name.kind === "literal") {
    const act = action?.kind === "literal" ? action.text.trim() : "override";
    const lower = name.text.toLowerCase();
    const texts = values.map((v) => (v.kind === "literal" ? v.text : ""));
    switch (act) {
      case "delete":
        return tree([{ k: "header", headers: h, op: "delete", args: [js`${lower}`] }]);
      case "append":
        return tree([{ k: "header", headers: h, op: "append", args: [js`${name.text}`, ec.scope.constant(js`Object.freeze(${texts})`, "values")] }]);
      default: {
        const entry = ec.scope.constant(js`Object.freeze({ name: ${name.text}, values: Object.freeze(${texts}) })`, "header");
        return tree([{ k: "header", headers: h, op: "set", args: [js`${lower}`, entry], skipIfPresent: act === "skip" ? js`${lower}` : undefined }]);
      }
    }
  }
  if (name.kind === "literal" && (!action || action.kind === "literal")) {
    // A literal name (checked at compile time) with computed values: a direct map operation on
    // values the runtime only converts and checks for line breaks.
    const act = action?.kind === "literal" ? action.text.trim() : "override";
    const lower = name.text.toLowerCase();
    if (act === "delete") return tree([{ k: "header", headers: h, op: "delete", args: [js`${lower}`] }]);
    const codes = values.map((v) => ec.value(v, "string"));
    const constants = codes.map(constantString);
    if (ec.scope.optimize !== false && constants.every((c): c is string => c !== null && !/[\r\n\0]/.test(c))) {
      // Constant expressions (`@("a" + "b")`): folded to the hoisted entry a literal value gets, as
      // headerValue would give at run time (a line break or NUL is left to the runtime's error).
      if (act === "append") return tree([{ k: "header", headers: h, op: "append", args: [js`${name.text}`, ec.scope.constant(js`Object.freeze(${constants})`, "values")] }]);
      const entry = ec.scope.constant(js`Object.freeze({ name: ${name.text}, values: Object.freeze(${constants}) })`, "header");
      return tree([{ k: "header", headers: h, op: "set", args: [js`${lower}`, entry], skipIfPresent: act === "skip" ? js`${lower}` : undefined }]);
    }
    let vals: Code;
    if (values.length === 1) {
      const v = codes[0]!;
      // A number's or a Guid's text needs neither the null nor the line-break check.
      vals = v.shape?.kind === "plainText" ? js`[${v}]` : js`${rt("headerValue")}(${name.text}, ${v})`;
    } else vals = js`${rt("headerValues")}(${name.text}, [${joinCodes(codes)}])`;
    if (act === "append") return tree([{ k: "header", headers: h, op: "append", args: [js`${name.text}`, vals] }]);
    return tree([{ k: "header", headers: h, op: "set", args: [js`${lower}`, js`{ name: ${name.text}, values: ${vals} }`], skipIfPresent: act === "skip" ? js`${lower}` : undefined }]);
  }
  const nameCode = ec.value(name, "string");
  const actCode = action ? ec.value(action, "string") : js`"override"`;
  const valueCodes = values.map((v) => ec.value(v, "string"));
  return js`${rt("setHeader")}(${h}, ${nameCode}, ${actCode}, [${joinCodes(valueCodes)}]);`;
}

function joinCodes(cs: Code[]): Code {
  return cs.reduce<Code | null>((acc, c) => (acc ? js`${acc}, ${c}` : c), null) ?? js``;
}

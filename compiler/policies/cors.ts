// cors: answers preflight requests and adds Access-Control-* headers to cross-origin responses.
// The origin/method/header lists are literal (prepared here into a hoisted constant); the
// attributes may be expressions. Behaviour and [OPEN] 12 (terminate-unmatched-request defaults
// to true): see the runtime's corsHandle.
import { js, rt, type Code, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { ParseContext, PolicyDef, PolicyNode } from "./types.js";
import { corsNormalizeOrigin, type CorsConfig } from "../../runtime/traffic/respond.js";
import { isToken } from "../../runtime/headers.js";
import { endPipeline } from "../codegen/names.js";
import { childOrder, KNOWN_LATER } from "./values.js";

export interface CorsNode extends PolicyNode {
  config: CorsConfig;
  allowCredentials: XValue | undefined;
  terminate: XValue | undefined;
  maxAge: XValue | undefined;
}

const ORDER = ["allowed-origins", "allowed-methods", "allowed-headers", "expose-headers"];

export const cors: PolicyDef<CorsNode> = {
  name: "cors",
  sections: ["inbound"],
  attributes: {
    "allow-credentials": { type: "bool" },
    "terminate-unmatched-request": { type: "bool" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    let origins: string[] | null | undefined;
    let methods: string[] | null = ["GET", "POST"];
    let headers: string[] | null = [];
    const expose: string[] = [];
    let maxAge: XValue | undefined;
    const inOrder = childOrder("cors", ORDER, pc, {});
    for (const child of pc.elements(el)) {
      if (!inOrder(child)) continue;
      switch (child.name) {
        case "allowed-origins": {
          pc.attrs(child, {});
          const list = items(child, "origin", pc);
          if (!child.children.some((c) => c.kind === "element")) pc.diags.error(Codes.MissingChild, child.offset, "<allowed-origins> needs at least one <origin>.");
          origins = [];
          for (const [text, offset] of list) {
            if (text === "*") origins = null;
            else if (origins !== null) {
              if (!/^https?:\/\/[^/?#\s]+\/?$/i.test(text) && !KNOWN_LATER.test(text))
                pc.diags.error(Codes.InvalidLiteral, offset, `'${text}' is not an origin: use '*' or scheme://host[:port] (no path).`);
              origins.push(corsNormalizeOrigin(text));
            }
          }
          break;
        }
        case "allowed-methods": {
          maxAge = pc.attrs(child, { "preflight-result-max-age": { type: "seconds" } })["preflight-result-max-age"];
          const list = items(child, "method", pc);
          methods = [];
          for (const [text, offset] of list) {
            if (text === "*") methods = null;
            else if (methods !== null) {
              if (!isToken(text)) pc.diags.error(Codes.InvalidLiteral, offset, `'${text}' is not an HTTP method.`);
              methods.push(text.toUpperCase());
            }
          }
          break;
        }
        case "allowed-headers": {
          pc.attrs(child, {});
          headers = [];
          for (const [text, offset] of items(child, "header", pc)) {
            if (text === "*") headers = null;
            else if (headers !== null) {
              if (!isToken(text)) pc.diags.error(Codes.InvalidLiteral, offset, `'${text}' is not a header name.`);
              headers.push(text.toLowerCase());
            }
          }
          break;
        }
        case "expose-headers":
          pc.attrs(child, {});
          for (const [text, offset] of items(child, "header", pc)) {
            if (!isToken(text)) pc.diags.error(Codes.InvalidLiteral, offset, `'${text}' is not a header name.`);
            expose.push(text);
          }
          break;
      }
    }
    if (origins === undefined) {
      pc.diags.error(Codes.MissingChild, el.offset, "<cors> needs <allowed-origins>.");
      return null;
    }
    // "May be used once per section" (reference page); across scopes generally only the first applies.
    if (pc.state.table.some((m, i) => i < base.index && m.name === "cors" && m.section === pc.section && m.scope === pc.state.scope))
      pc.diags.warning(Codes.DuplicateChild, el.offset, "<cors> may be used only once in a section; the first matching one answers.");
    const creds = a["allow-credentials"];
    if (origins === null && creds?.kind === "literal" && creds.text.trim().toLowerCase() === "true")
      pc.diags.error(Codes.InvalidLiteral, creds.offset, "allow-credentials=\"true\" cannot be combined with the '*' origin: list the allowed origins.");
    return { ...base, config: { origins, methods, headers, expose }, allowCredentials: creds, terminate: a["terminate-unmatched-request"], maxAge };
  },
  emit(node, ec) {
    const cfg = ec.scope.constant(js`Object.freeze(${dataLiteral(node.config)})`, "corsConfig");
    const bool = (v: XValue | undefined, def: boolean): Code => (!v ? js`${def}` : v.kind === "literal" ? js`${v.text.trim().toLowerCase() === "true"}` : ec.value(v, "bool"));
    const age = !node.maxAge ? js`0` : node.maxAge.kind === "literal" ? js`${Number(node.maxAge.text.trim())}` : ec.value(node.maxAge, "int");
    // With terminate-unmatched-request="false", an unmatched preflight is left to a later cors that
    // is a direct child of inbound; with none, it ends with an empty 200 all the same.
    const at = ec.section === "inbound" ? ec.sectionNodes.indexOf(node) : -1;
    const laterCors = at >= 0 && ec.sectionNodes.slice(at + 1).some((n) => n.policy === "cors");
    return js`if (${rt("corsHandle")}(ctx, ${cfg}, ${bool(node.allowCredentials, false)}, ${bool(node.terminate, true)}, ${age}, ${laterCors}) === ${endPipeline()}) return ${endPipeline()};`;
  },
};

/** The literal text of each `<name>` child (expressions are not allowed in these lists). */
function items(el: XElement, name: string, pc: ParseContext): [string, number][] {
  const out: [string, number][] = [];
  for (const c of pc.elements(el)) {
    if (c.name !== name) {
      pc.diags.error(Codes.UnexpectedChild, c.offset, `<${el.name}> takes <${name}> children, not <${c.name}>.`);
      continue;
    }
    pc.attrs(c, {});
    const v = pc.text(c);
    if (!v) {
      pc.diags.error(Codes.InvalidLiteral, c.offset, `<${name}> cannot be empty.`);
      continue;
    }
    if (v.kind === "expr") {
      pc.diags.error(Codes.ExpressionNotAllowed, v.offset, `<${name}> of <cors> does not accept policy expressions; write a literal value.`);
      continue;
    }
    const t = v.text.trim();
    if (t === "") pc.diags.error(Codes.InvalidLiteral, c.offset, `<${name}> cannot be empty.`);
    else out.push([t, v.offset]);
  }
  return out;
}

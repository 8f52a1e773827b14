// validate-headers: response headers against the response headers the API specification defines
// (runtime/validation/headers.ts). Without a specification the module still compiles, with
// warnings: every response header is unspecified except those named by <header> children.
import { js, rt, type Code, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { ACTION, checkSchema, parameterRule } from "../validation/specification.js";
import type { HeaderContract } from "../../runtime/validation/headers.js";

export interface ValidateHeadersNode extends PolicyNode {
  specified: XValue;
  unspecified: XValue;
  errorsVariable: string | null;
  overrides: [string, string][];
  /** The response headers the specification defines; null without a specification. */
  contract: HeaderContract | null;
}

export const validateHeaders: PolicyDef<ValidateHeadersNode> = {
  name: "validate-headers",
  sections: ["outbound", "on-error"],
  attributes: {
    "specified-header-action": { required: true, type: ACTION },
    "unspecified-header-action": { required: true, type: ACTION },
    "errors-variable-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const overrides = new Map<string, string>();
    for (const c of pc.elements(el)) {
      if (c.name !== "header") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-headers> takes <header> children, not <${c.name}>.`);
        continue;
      }
      const h = pc.attrs(c, { name: { required: true, expr: false }, action: { required: true, expr: false, type: ACTION } });
      pc.elements(c).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<header> takes no child elements."));
      if (h.name?.kind !== "literal" || h.action?.kind !== "literal") continue;
      const name = h.name.text.trim();
      if (!isToken(name)) {
        pc.diags.error(Codes.InvalidLiteral, h.name.offset, `'${name}' is not a valid HTTP header name.`);
        continue;
      }
      if (overrides.has(name.toLowerCase())) pc.diags.warning(Codes.DuplicateChild, c.offset, `Header '${name}' is listed twice; the last <header> wins.`);
      overrides.set(name.toLowerCase(), h.action.text.trim());
    }
    if (pc.state.table.some((m, i) => i < base.index && m.name === "validate-headers" && m.section === pc.section && m.scope === pc.state.scope))
      pc.diags.warning(Codes.DuplicateChild, el.offset, "<validate-headers> can only be used once in a policy section.");
    const spec = a["specified-header-action"];
    const unspec = a["unspecified-header-action"];
    const specification = pc.state.specification;
    let contract: HeaderContract | null = null;
    if (specification?.contract) {
      const c = specification.contract;
      contract = {};
      for (const [status, res] of Object.entries(c.responses)) {
        const headers: Record<string, ReturnType<typeof parameterRule>> = {};
        for (const [key, h] of Object.entries(res.headers)) {
          const rule = parameterRule({ in: "header", name: h.name, schema: h.schema, style: "simple", explode: false }, c.definitions);
          if (checkSchema(pc, el, rule.data, `the response header ${h.name} (${status})`)) headers[key] = rule;
        }
        contract[status] = headers;
      }
    } else if (specification) {
      pc.diags.error(Codes.SpecificationProblem, el.offset, `<validate-headers>: the API specification ${specification.file} cannot be used: ${specification.problem}`);
    } else {
      if (spec && !(spec.kind === "literal" && spec.text.trim() === "ignore"))
        pc.diags.warning(
          Codes.NotImplemented,
          spec.offset,
          "This policy is compiled without the API's specification, so no response header is specified by one: 'specified-header-action' has no effect (name headers in <header> children to give them an action).",
        );
      if (unspec && !(unspec.kind === "literal" && unspec.text.trim() === "ignore"))
        pc.diags.warning(
          Codes.NotImplemented,
          unspec.offset,
          "This policy is compiled without the API's specification (no API schema): every response header not named in a <header> child (apart from transport headers and Content-Type) counts as unspecified.",
        );
    }
    const ev = a["errors-variable-name"];
    const errorsVariable = ev?.kind === "literal" && ev.text.trim() !== "" ? ev.text.trim() : null;
    if (ev && !errorsVariable) pc.diags.error(Codes.InvalidLiteral, ev.offset, "'errors-variable-name' cannot be empty.");
    if (!spec || !unspec) return null;
    return { ...base, specified: spec, unspecified: unspec, errorsVariable, overrides: [...overrides], contract };
  },
  emit(node, ec) {
    const act = (v: XValue): Code => (v.kind === "literal" ? js`${v.text.trim()}` : ec.value(v, "string"));
    const overrides = ec.scope.constant(js`new Map(${dataLiteral(node.overrides)})`, "headerActions");
    const contract = node.contract ? ec.scope.constant(dataLiteral(node.contract), "responseHeaders") : js`null`;
    return js`${rt("validateHeaders")}(ctx, ${act(node.specified)}, ${act(node.unspecified)}, ${overrides}, ${node.errorsVariable}, ${contract});`;
  },
};

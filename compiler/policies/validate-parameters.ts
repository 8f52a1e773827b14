// validate-parameters: the request's path, query and header parameters against the operation's
// parameters in the API specification (runtime/validation/parameters.ts). The parameters, their
// styles and schemas are read at build time, checked by compiling them with ajv, and emitted as data.
import { js, rt, dataLiteral, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { isToken } from "../../runtime/headers.js";
import type { XValue } from "../xml/parse.js";
import type { AttrSpec, PolicyDef, PolicyNode } from "./types.js";
import { ACTION, actionCode, checkSchema, contractFor, errorsVariableOf, parameterRule } from "../validation/specification.js";
import type { ParameterRule } from "../../runtime/validation/parameters.js";

type Where = "headers" | "query" | "path";

export interface ValidateParametersNode extends PolicyNode {
  specified: XValue;
  unspecified: XValue;
  errorsVariable: string | null;
  /** Location-level actions (absent: inherit). */
  locations: Partial<Record<Where, { specified?: XValue; unspecified?: XValue }>>;
  overrides: Record<Where, [string, string][]>;
  params: ParameterRule[];
  cookies: boolean;
}

export const validateParameters: PolicyDef<ValidateParametersNode> = {
  name: "validate-parameters",
  sections: ["inbound"],
  attributes: {
    "specified-parameter-action": { required: true, type: ACTION },
    "unspecified-parameter-action": { required: true, type: ACTION },
    "errors-variable-name": { expr: false },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const locations: ValidateParametersNode["locations"] = {};
    const overrides: Record<Where, Map<string, string>> = { headers: new Map(), query: new Map(), path: new Map() };
    for (const c of pc.elements(el)) {
      if (c.name !== "headers" && c.name !== "query" && c.name !== "path") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-parameters> takes <headers>, <query> and <path> children, not <${c.name}>.`);
        continue;
      }
      const where = c.name;
      if (locations[where]) pc.diags.warning(Codes.DuplicateChild, c.offset, `<${where}> appears twice; the last one wins.`);
      const spec: Record<string, AttrSpec> = where === "path" ? { "specified-parameter-action": { type: ACTION } } : { "specified-parameter-action": { type: ACTION }, "unspecified-parameter-action": { type: ACTION } };
      const la = pc.attrs(c, spec);
      locations[where] = { specified: la["specified-parameter-action"], unspecified: la["unspecified-parameter-action"] };
      for (const p of pc.elements(c)) {
        if (p.name !== "parameter") {
          pc.diags.error(Codes.UnexpectedChild, p.offset, `<${where}> takes <parameter> children, not <${p.name}>.`);
          continue;
        }
        const pa = pc.attrs(p, { name: { required: true, expr: false }, action: { required: true, expr: false, type: ACTION } });
        pc.elements(p).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<parameter> takes no child elements."));
        if (pa.name?.kind !== "literal" || pa.action?.kind !== "literal") continue;
        const name = pa.name.text.trim();
        if (where === "headers" && !isToken(name)) {
          pc.diags.error(Codes.InvalidLiteral, pa.name.offset, `'${name}' is not a valid HTTP header name.`);
          continue;
        }
        const key = where === "headers" ? name.toLowerCase() : name;
        if (overrides[where].has(key)) pc.diags.warning(Codes.DuplicateChild, p.offset, `Parameter '${name}' is listed twice in <${where}>; the last one wins.`);
        overrides[where].set(key, pa.action.text.trim());
      }
    }
    const errorsVariable = errorsVariableOf(pc, a["errors-variable-name"]);
    const contract = contractFor(pc, el);
    const specified = a["specified-parameter-action"];
    const unspecified = a["unspecified-parameter-action"];
    if (!contract || !specified || !unspecified) return null;
    const params: ParameterRule[] = [];
    for (const p of contract.parameters) {
      const rule = parameterRule(p, contract.definitions);
      if (checkSchema(pc, el, rule.data, `the ${p.in} parameter ${p.name}`)) params.push(rule);
    }
    return {
      ...base,
      specified,
      unspecified,
      errorsVariable,
      locations,
      overrides: { headers: [...overrides.headers], query: [...overrides.query], path: [...overrides.path] },
      params,
      cookies: contract.cookies === true,
    };
  },
  emit(node, ec) {
    const config = ec.scope.constant(
      js`{ params: ${dataLiteral(node.params)}, errorsVariable: ${node.errorsVariable}, cookies: ${node.cookies}, overrides: { path: new Map(${dataLiteral(node.overrides.path)}), query: new Map(${dataLiteral(node.overrides.query)}), header: new Map(${dataLiteral(node.overrides.headers)}) } }`,
      "parameterRules",
    );
    const opt = (v: XValue | undefined): Code => (v ? actionCode(v, ec) : js`null`);
    const l = node.locations;
    const actions = js`{ specified: ${actionCode(node.specified, ec)}, unspecified: ${actionCode(node.unspecified, ec)}, headersSpecified: ${opt(l.headers?.specified)}, headersUnspecified: ${opt(l.headers?.unspecified)}, querySpecified: ${opt(l.query?.specified)}, queryUnspecified: ${opt(l.query?.unspecified)}, pathSpecified: ${opt(l.path?.specified)} }`;
    return js`${rt("validateParameters")}(ctx, ${config}, ${actions});`;
  },
};

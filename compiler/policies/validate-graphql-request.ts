// validate-graphql-request: the request's GraphQL query against the API's GraphQL schema (checked
// here: a schema that does not build is a build error), its size and depth, and the authorization
// rules (`<authorize><rule path action/>`); see runtime/graphql/request.ts. A request error ends
// the pipeline with a GraphQL errors block.
import { buildSchema, GraphQLError } from "graphql";
import { js, rt, dataLiteral, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { endPipeline } from "../codegen/names.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { errorsVariableOf } from "../validation/specification.js";

/** 100 KB: the reference page's maximum for max-size. */
export const MAX_GRAPHQL_SIZE = 102_400;
const ACTIONS = ["allow", "remove", "reject", "ignore"];

export interface ValidateGraphqlNode extends PolicyNode {
  schema: string;
  maxSize: number;
  maxDepth: number;
  errorVariable: string | null;
  rules: { path: string; action: XValue | null }[];
}

export const validateGraphqlRequest: PolicyDef<ValidateGraphqlNode> = {
  name: "validate-graphql-request",
  sections: ["inbound"],
  attributes: {
    "error-variable-name": { expr: false },
    "max-size": { required: true, expr: false, type: "int" },
    "max-depth": { expr: false, type: "int" },
  },
  readsBody: () => true,
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const rules: ValidateGraphqlNode["rules"] = [];
    let authorize = false;
    for (const c of pc.elements(el)) {
      if (c.name !== "authorize") {
        pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-graphql-request> takes an <authorize> element, not <${c.name}>.`);
        continue;
      }
      if (authorize) pc.diags.error(Codes.DuplicateChild, c.offset, "<validate-graphql-request> takes one <authorize>.");
      authorize = true;
      pc.attrs(c, {});
      for (const r of pc.elements(c)) {
        if (r.name !== "rule") {
          pc.diags.error(Codes.UnexpectedChild, r.offset, `<authorize> takes <rule> elements, not <${r.name}>.`);
          continue;
        }
        const ra = pc.attrs(r, { path: { required: true, expr: false }, action: {} });
        pc.elements(r).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<rule> takes no child elements."));
        const path = ra.path?.kind === "literal" ? ra.path.text.trim() : null;
        if (ra.path && path !== null && !/^\/[^\s/]+(\/[^\s/]+)?$/.test(path)) {
          pc.diags.error(Codes.InvalidLiteral, ra.path.offset, `'${path}' is not a rule path: write /Type/field (for example /Query/users, /Mutation/deleteUser) or /__* for the introspection system.`);
          continue;
        }
        const action = ra.action ?? null;
        if (action?.kind === "literal") {
          action.text = action.text.trim().toLowerCase();
          if (!ACTIONS.includes(action.text)) {
            pc.diags.error(Codes.InvalidLiteral, action.offset, `'${action.text}' is not a rule action: write allow, remove, reject or ignore.`);
            continue;
          }
        }
        if (path !== null) rules.push({ path, action });
      }
    }
    const max = a["max-size"];
    const maxSize = max?.kind === "literal" ? Number(max.text.trim()) : NaN;
    if (max && Number.isInteger(maxSize) && (maxSize < 0 || maxSize > MAX_GRAPHQL_SIZE))
      pc.diags.error(Codes.InvalidLiteral, max.offset, `'max-size' is ${maxSize}; the reference page allows 0 to ${MAX_GRAPHQL_SIZE} bytes (100 KB).`);
    const depthAttr = a["max-depth"];
    const maxDepth = depthAttr?.kind === "literal" ? Number(depthAttr.text.trim()) : 6;
    if (depthAttr && Number.isInteger(maxDepth) && maxDepth < 1) pc.diags.error(Codes.InvalidLiteral, depthAttr.offset, `'max-depth' must be at least 1, not ${maxDepth}.`);
    const errorVariable = errorsVariableOf(pc, a["error-variable-name"]);
    const schema = pc.state.graphqlSchema;
    if (!schema) {
      pc.diags.error(
        Codes.NoApiSpecification,
        el.offset,
        "<validate-graphql-request> validates against the API's GraphQL schema, and this policy is compiled without one: give the API a schema (gateway.json's \"graphql\": { \"schema\": \"file.graphql\" }, or an APIOps folder's specification.graphql).",
      );
      return null;
    }
    if (schema.unreadable !== undefined) {
      pc.diags.error(Codes.SpecificationProblem, el.offset, `<validate-graphql-request>: the GraphQL schema ${schema.file} cannot be read: ${schema.unreadable}`);
      return null;
    }
    try {
      buildSchema(schema.source);
    } catch (e) {
      const at = e instanceof GraphQLError && e.locations?.[0] ? `${schema.file}:${e.locations[0].line}:${e.locations[0].column}: ` : `${schema.file}: `;
      pc.diags.error(Codes.SpecificationProblem, el.offset, `<validate-graphql-request>: the GraphQL schema cannot be used: ${at}${(e as Error).message}`);
      return null;
    }
    if (!Number.isInteger(maxSize) || !Number.isInteger(maxDepth)) return null;
    return { ...base, schema: schema.source, maxSize, maxDepth, errorVariable, rules };
  },
  emit(node, ec) {
    const config = ec.scope.constant(js`Object.freeze(${dataLiteral({ schema: node.schema, maxSize: node.maxSize, maxDepth: node.maxDepth, errorVariable: node.errorVariable, paths: node.rules.map((r) => r.path) })})`, "graphqlRules");
    const actions = node.rules.reduce<Code | null>((acc, r) => {
      const f = r.action === null ? js`() => "allow"` : r.action.kind === "literal" ? js`() => ${r.action.text}` : js`() => ${ec.value(r.action, "string")}`;
      return acc ? js`${acc}, ${f}` : f;
    }, null);
    return js`if (${rt("validateGraphqlRequest")}(ctx, ${config}, [${actions ?? js``}])) return ${endPipeline()};`;
  },
};

// set-graphql-resolver: APIM's retired resolver policy (backend section, any scope). It declares the
// resolver of parent-type.field for the request; the API's GraphQL executor (the backend of an API
// with a GraphQL schema, gateway/graphql-resolvers.ts) runs its <http-data-source> when the query
// reaches that field, over a context of its own: the request body {"arguments": {...}},
// context.ParentResult the parent object. Declarations are hoisted to the start of the backend
// section (emit.ts) and the section ends by executing the query if no forward-request did.
import { buildSchema, isObjectType } from "graphql";
import { js, rt } from "../codegen/code.js";
import type { ModuleBuilder } from "../codegen/module.js";
import { Codes } from "../diagnostics.js";
import { emitHttpDataSource, parseHttpDataSource, type HttpDataSourceNode } from "./http-data-source.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface SetGraphqlResolverNode extends PolicyNode {
  parentType: string;
  field: string;
  source: HttpDataSourceNode;
}

const MIGRATE =
  "set-graphql-resolver is retired in APIM (managed resolvers replace it); apimc runs it as APIM did. To migrate, give the <http-data-source> as a resolver document in gateway.json's graphql.resolvers ({ \"type\", \"field\", \"policy\" }: README, \"GraphQL resolvers\"), reading context.GraphQL.Arguments and context.GraphQL.Parent instead of the request body's \"arguments\" and context.ParentResult";

export const setGraphqlResolver: PolicyDef<SetGraphqlResolverNode> = {
  name: "set-graphql-resolver",
  sections: ["backend"],
  attributes: { "parent-type": { required: true, expr: false }, field: { required: true, expr: false } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.diags.warning(Codes.RetiredPolicy, el.offset, `${MIGRATE}.`);
    let source: HttpDataSourceNode | null = null;
    let seen = false;
    for (const child of pc.elements(el)) {
      if (child.name !== "http-data-source") {
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<set-graphql-resolver> takes one <http-data-source>, not <${child.name}>.`);
        continue;
      }
      if (seen) {
        pc.diags.error(Codes.DuplicateChild, child.offset, "<set-graphql-resolver> takes one <http-data-source>.");
        continue;
      }
      seen = true;
      source = parseHttpDataSource(child, pc, { ...base, policy: child.name, el: child, index: -1 });
    }
    if (!seen) pc.diags.error(Codes.MissingChild, el.offset, "<set-graphql-resolver> needs an <http-data-source> (the resolver's HTTP request).");
    const parentType = a["parent-type"]?.kind === "literal" ? a["parent-type"].text.trim() : "";
    const field = a.field?.kind === "literal" ? a.field.text.trim() : "";
    if (!source || !parentType || !field) return null;
    checkAgainstSchema(el, pc, parentType, field);
    return { ...base, parentType, field, source };
  },
  emit(node, ec) {
    (ec.scope as ModuleBuilder).graphqlResolvers = true;
    const body = emitHttpDataSource(node.source, ec);
    // The closure's `ctx` is the resolver's own context (the executor makes it).
    return js`${rt("graphqlResolver")}(ctx, ${node.parentType}, ${node.field}, ${node.index}, async (ctx) => ${body});`;
  },
};

/**
 * The page: values that are not a type and field of the schema make the policy ignored. A gateway
 * build knows the schema (gateway.json apis[].graphql.schema): such a resolver is said (a warning);
 * an API without a schema cannot execute a GraphQL query at all (an error).
 */
function checkAgainstSchema(el: PolicyNode["el"], pc: Parameters<PolicyDef["parse"]>[1], parentType: string, field: string): void {
  const state = pc.state;
  if (state.documentKind !== "policy") return;
  if (!state.graphqlSchema) {
    pc.diags.error(Codes.NoApiSpecification, el.offset, "<set-graphql-resolver> resolves a field of the API's GraphQL schema, and this API has none: give it one in gateway.json (apis[].graphql.schema, an SDL file).");
    return;
  }
  if (state.graphqlManagedResolvers) {
    pc.diags.warning(Codes.RetiredPolicy, el.offset, "This API has managed resolvers (gateway.json graphql.resolvers): as in APIM, set-graphql-resolver is then skipped; move this resolver there too.");
    return;
  }
  const types = objectFields(state.graphqlSchema.source);
  if (!types) return; // validate-graphql-request and the build report a schema that does not build
  const fields = types.get(parentType);
  if (!fields) pc.diags.warning(Codes.SpecificationProblem, el.offset, `The GraphQL schema has no object type '${parentType}': this resolver never runs (APIM ignores it too).`);
  else if (!fields.has(field)) pc.diags.warning(Codes.SpecificationProblem, el.offset, `The GraphQL type '${parentType}' has no field '${field}': this resolver never runs (APIM ignores it too).`);
}

/** The schema's object types and their fields (one build a schema text); null when it does not build. */
const FIELDS = new Map<string, Map<string, Set<string>> | null>();
function objectFields(source: string): Map<string, Set<string>> | null {
  let r = FIELDS.get(source);
  if (r !== undefined) return r;
  try {
    const schema = buildSchema(source);
    r = new Map();
    for (const t of Object.values(schema.getTypeMap())) if (isObjectType(t)) r.set(t.name, new Set(Object.keys(t.getFields())));
  } catch {
    r = null;
  }
  if (FIELDS.size > 16) FIELDS.clear();
  FIELDS.set(source, r);
  return r;
}

// set-graphql-resolver (APIM's retired resolver policy, in a backend section): each one declares the
// resolver of a type's field for this request; the API's GraphQL executor (gateway/graphql-resolvers.ts,
// the backend of an API with a GraphQL schema) runs it when the query reaches that field.
import type { Context, PolicyResolver } from "../context.js";
import { forwardOnly } from "../pipeline.js";

/** set-graphql-resolver: declares the resolver of `type.field` for this request. */
export function graphqlResolver(ctx: Context, type: string, field: string, index: number, run: PolicyResolver["run"]): void {
  const state = (ctx.$graphql ??= { resolvers: new Map(), answered: false });
  state.resolvers.set(`${type}.${field}`, { run, index });
}

/**
 * The end of a backend section that declares resolvers: when no forward-request executed the query
 * (the section had none, or it came first), it is executed now, as the backend's answer.
 */
export async function graphqlAnswer(ctx: Context): Promise<void> {
  const state = ctx.$graphql;
  if (!state || state.answered || state.resolvers.size === 0) return;
  ctx.Response = await forwardOnly(ctx, 300_000, false);
}

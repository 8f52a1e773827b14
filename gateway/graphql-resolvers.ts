// A synthetic GraphQL API (gateway.json apis[].graphql.resolvers): the API's backend is the
// gateway itself. It executes the query against the schema with graphql-js; a field with a
// resolver runs that resolver's compiled policy (an <http-data-source>) with context.GraphQL set to
// the field's arguments and parent value, and takes the JSON of its answer as the field's value;
// other fields read the parent value (graphql-js's default resolver). Resolver failures become
// entries of the answer's "errors" (graphql-js turns the thrown error into one, with its path).
import type { Readable } from "node:stream";
import { buildSchema, defaultFieldResolver, graphql, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { Context, RequestMessage, ResponseMessage, type PolicyResolver } from "../runtime/context.js";
import { HeaderMap } from "../runtime/headers.js";
import { MessageBody } from "../runtime/body.js";
import { attachHost, lastErrorOf, runPipeline, type BackendHost, type PolicyModule } from "../runtime/pipeline.js";
import { parseJson } from "../runtime/dotnet/json-reader.js";

/**
 * The backend of an API with a GraphQL schema; `resolvers` (gateway.json graphql.resolvers) by
 * "Type.field". Without those, the request's set-graphql-resolver declarations (ctx.$graphql)
 * resolve fields; a request with neither goes to `passThrough` (the API's service URL) when given.
 */
export function graphqlBackend(schemaSource: string, resolvers: Map<string, PolicyModule>, passThrough?: BackendHost): BackendHost {
  let schema: GraphQLSchema | Error | null = null;
  const schemaOf = (): GraphQLSchema | Error => {
    try {
      return (schema ??= buildSchema(schemaSource));
    } catch (e) {
      return (schema = e as Error);
    }
  };
  return {
    async forward(ctx, opts) {
      // The page: with managed resolvers configured, the gateway skips set-graphql-resolver policies.
      const declared = resolvers.size === 0 ? ctx.$graphql : null;
      if (declared) declared.answered = true;
      if (passThrough && resolvers.size === 0 && !declared?.resolvers.size) return passThrough.forward(ctx, opts);
      const s = schemaOf();
      if (s instanceof Error) return answer(500, { errors: [{ message: `The API's GraphQL schema is not valid: ${s.message}` }] });
      const request = await readGraphqlRequest(ctx);
      if (typeof request === "string") return answer(400, { errors: [{ message: request }] });
      const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
        const key = `${info.parentType.name}.${info.fieldName}`;
        // Root fields have no parent (context.GraphQL.Parent is null).
        const parentValue = info.path.prev === undefined ? null : parent;
        const mod = resolvers.get(key);
        if (mod) return runResolver(mod, ctx, args, parentValue);
        const policy = declared?.resolvers.get(key);
        if (policy) return runPolicyResolver(policy, ctx, args, parentValue);
        return defaultFieldResolver(parent, args, context, info);
      };
      const result = await graphql({ schema: s, source: request.query, variableValues: request.variables, operationName: request.operationName, rootValue: {}, fieldResolver });
      return answer(200, result);
    },
  };
}

interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** POST application/json {query, variables, operationName}, or GET ?query=&variables=&operationName=. */
async function readGraphqlRequest(ctx: Context): Promise<GraphqlRequest | string> {
  if (ctx.Request.Method === "GET") {
    const q = new URL(ctx.Request.Url.toString()).searchParams;
    const query = q.get("query");
    if (!query) return "A GraphQL GET request needs a 'query' parameter.";
    try {
      return { query, variables: q.get("variables") ? JSON.parse(q.get("variables")!) : undefined, operationName: q.get("operationName") ?? undefined };
    } catch {
      return "The 'variables' parameter is not JSON.";
    }
  }
  const body = ctx.Request.Body;
  const text = body ? (await bytesOf(body)).toString("utf8") : "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "The request body is not JSON (a GraphQL request is {\"query\": ...}).";
  }
  const r = parsed as Partial<GraphqlRequest> | null;
  if (!r || typeof r !== "object" || typeof r.query !== "string") return "The request body has no 'query' string.";
  if (r.variables !== undefined && r.variables !== null && typeof r.variables !== "object") return "'variables' must be an object.";
  return { query: r.query, variables: r.variables ?? undefined, operationName: typeof r.operationName === "string" ? r.operationName : undefined };
}

async function bytesOf(body: MessageBody): Promise<Buffer> {
  const p = body.payload();
  if (Buffer.isBuffer(p)) return p;
  const chunks: Buffer[] = [];
  for await (const c of p as Readable) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Runs one field's resolver policy; its answer's JSON (or text) is the field's value. */
async function runResolver(mod: PolicyModule, outer: Context, args: Record<string, unknown>, parent: unknown): Promise<unknown> {
  const rctx = new Context(new RequestMessage("POST", outer.Request.Url, new HeaderMap("request"), null), { api: outer.Api, operation: outer.Operation, deployment: outer.Deployment });
  rctx.$env = outer.$env;
  rctx.GraphQL = { Arguments: parseJson(JSON.stringify(args ?? {})), Parent: parent === null || parent === undefined ? null : parseJson(JSON.stringify(parent)) };
  // The data source's answer is already context.Response: the backend section has nothing to forward to.
  attachHost(rctx, NO_FORWARD);
  await runPipeline(mod, rctx);
  if (rctx.LastError) throw new GraphQLError(`The resolver failed: ${rctx.LastError.Reason ?? ""}${rctx.LastError.Message ? `: ${rctx.LastError.Message}` : ""}`);
  return fieldValue(rctx.Response);
}

/** A data source's answer as the field's value: its body as JSON (text that is not JSON is a string; empty is null). */
async function fieldValue(res: ResponseMessage): Promise<unknown> {
  const text = res.Body ? (await bytesOf(res.Body)).toString("utf8") : "";
  if (res.StatusCode >= 400) throw new GraphQLError(`The resolver's data source answered ${res.StatusCode} ${res.StatusReason}.`);
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Runs a set-graphql-resolver declaration over a context of its own (the retired policy's page): the
 * request is a POST whose body is {"arguments": {...}} with the original request's headers;
 * context.ParentResult is the parent object (context.GraphQL too, as in a managed resolver); the
 * request's variables are seen as they were. The answer is taken as a managed resolver's is.
 */
async function runPolicyResolver(resolver: PolicyResolver, outer: Context, args: Record<string, unknown>, parent: unknown): Promise<unknown> {
  const headers = new HeaderMap("request");
  for (const { Key, Value } of outer.Request.Headers) if (!BODY_HEADERS.has(Key.toLowerCase())) headers.setValues(Key, Value);
  headers.setValues("Content-Type", ["application/json"]);
  const body = new MessageBody(JSON.stringify({ arguments: args ?? {} }));
  const rctx = new Context(new RequestMessage("POST", outer.Request.Url, headers, body), { api: outer.Api, operation: outer.Operation, deployment: outer.Deployment });
  rctx.$env = outer.$env;
  rctx.Product = outer.Product;
  rctx.Subscription = outer.Subscription;
  rctx.User = outer.User;
  for (const [k, v] of outer.Variables.entries()) rctx.Variables.set(k, v);
  const parentObject = parent === null || parent === undefined ? null : parseJson(JSON.stringify(parent));
  rctx.ParentResult = parentObject;
  rctx.GraphQL = { Arguments: parseJson(JSON.stringify(args ?? {})), Parent: parentObject };
  rctx.$p = resolver.index;
  try {
    await resolver.run(rctx);
  } catch (e) {
    const err = lastErrorOf(e, { meta: { policies: [] } } as unknown as PolicyModule, -1, "backend");
    throw new GraphQLError(`The resolver failed: ${err.Reason}${err.Message ? `: ${err.Message}` : ""}`);
  }
  return fieldValue(rctx.Response);
}

/** Headers that describe the original request's body, not the resolver's. */
const BODY_HEADERS = new Set(["content-length", "content-type", "transfer-encoding", "content-encoding"]);

const NO_FORWARD: BackendHost = { forward: (c) => Promise.resolve(c.Response) };

function answer(status: number, json: unknown): ResponseMessage {
  const headers = new HeaderMap("response");
  headers.setValues("Content-Type", ["application/json; charset=utf-8"]);
  return new ResponseMessage(status, status === 200 ? "OK" : status === 400 ? "Bad Request" : "Internal Server Error", headers, new MessageBody(JSON.stringify(json)));
}

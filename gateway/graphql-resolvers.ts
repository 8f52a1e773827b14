// A synthetic GraphQL API (gateway.json apis[].graphql.resolvers): the API's backend is the
// gateway itself. It executes the query against the schema with graphql-js; a field with a
// resolver runs that resolver's compiled policy (an <http-data-source>) with context.GraphQL set to
// the field's arguments and parent value, and takes the JSON of its answer as the field's value;
// other fields read the parent value (graphql-js's default resolver). Resolver failures become
// entries of the answer's "errors" (graphql-js turns the thrown error into one, with its path).
import type { Readable } from "node:stream";
import { buildSchema, defaultFieldResolver, graphql, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { Context, RequestMessage, ResponseMessage } from "../runtime/context.js";
import { HeaderMap } from "../runtime/headers.js";
import { MessageBody } from "../runtime/body.js";
import { attachHost, runPipeline, type BackendHost, type PolicyModule } from "../runtime/pipeline.js";
import { parseJson } from "../runtime/dotnet/json-reader.js";

/** The backend of a synthetic GraphQL API; `resolvers` by "Type.field". */
export function graphqlBackend(schemaSource: string, resolvers: Map<string, PolicyModule>): BackendHost {
  let schema: GraphQLSchema | Error | null = null;
  const schemaOf = (): GraphQLSchema | Error => {
    try {
      return (schema ??= buildSchema(schemaSource));
    } catch (e) {
      return (schema = e as Error);
    }
  };
  return {
    async forward(ctx) {
      const s = schemaOf();
      if (s instanceof Error) return answer(500, { errors: [{ message: `The API's GraphQL schema is not valid: ${s.message}` }] });
      const request = await readGraphqlRequest(ctx);
      if (typeof request === "string") return answer(400, { errors: [{ message: request }] });
      const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
        const mod = resolvers.get(`${info.parentType.name}.${info.fieldName}`);
        if (!mod) return defaultFieldResolver(parent, args, context, info);
        // Root fields have no parent (context.GraphQL.Parent is null).
        return runResolver(mod, ctx, args, info.path.prev === undefined ? null : parent);
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
  const res = rctx.Response;
  const text = res.Body ? (await bytesOf(res.Body)).toString("utf8") : "";
  if (rctx.LastError) throw new GraphQLError(`The resolver failed: ${rctx.LastError.Reason ?? ""}${rctx.LastError.Message ? `: ${rctx.LastError.Message}` : ""}`);
  if (res.StatusCode >= 400) throw new GraphQLError(`The resolver's data source answered ${res.StatusCode} ${res.StatusReason}.`);
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const NO_FORWARD: BackendHost = { forward: (c) => Promise.resolve(c.Response) };

function answer(status: number, json: unknown): ResponseMessage {
  const headers = new HeaderMap("response");
  headers.setValues("Content-Type", ["application/json; charset=utf-8"]);
  return new ResponseMessage(status, status === 200 ? "OK" : status === 400 ? "Bad Request" : "Internal Server Error", headers, new MessageBody(JSON.stringify(json)));
}

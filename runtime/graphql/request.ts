// validate-graphql-request: the GraphQL request (POST JSON `{query, variables, operationName}`, POST
// application/graphql, or GET ?query=) is parsed and validated against the API's schema with the
// `graphql` package; the body size, the query depth and the authorization rules are checked. A
// request error (too large, unparsable, invalid, too deep, a `reject` rule) answers a GraphQL
// errors block without data and ends the pipeline; `remove` rules take fields out of the query
// the backend gets. Every error is pushed onto the `GraphQLErrors` variable (and the policy's
// error-variable-name). Schemas are built once per schema text.
import {
  buildSchema,
  GraphQLError,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  TypeInfo,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type SelectionNode,
  type DefinitionNode,
  BREAK,
} from "graphql";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { MessageBody } from "../body.js";
import { ResponseMessage } from "../context.js";
import { HeaderMap } from "../headers.js";
import { JArray, JObject, toJToken } from "../dotnet/newtonsoft.js";

const SOURCE = "validate-graphql-request";
const schemas = new Map<string, GraphQLSchema>();

/** The schema of an SDL text, built once (the compiler has checked it builds). */
export function graphqlSchema(sdl: string): GraphQLSchema {
  let s = schemas.get(sdl);
  if (!s) {
    s = buildSchema(sdl);
    if (schemas.size > 64) schemas.clear();
    schemas.set(sdl, s);
  }
  return s;
}

export interface GraphqlRequestConfig {
  schema: string;
  maxSize: number;
  maxDepth: number;
  errorVariable: string | null;
  /** Rule paths in order (`/Type/field`, `*` matching any characters); actions are evaluated per request. */
  paths: readonly string[];
}

export type GraphqlAction = "allow" | "remove" | "reject" | "ignore";
const ACTIONS = new Set(["allow", "remove", "reject", "ignore"]);

/** The GraphQL request of an HTTP request: its query, variables and operation name, or why there is none. */
export interface GraphqlRequest {
  query: string;
  variables: unknown;
  operationName: string | null;
  /** How it came: re-encoding a rewritten query writes it back the same way. */
  form: "json" | "graphql" | "get";
  json?: Record<string, unknown>;
}

export function readGraphqlRequest(ctx: Context): GraphqlRequest | string {
  const rq = ctx.Request;
  if (rq.Method === "GET") {
    const q = rq.Url.Query.GetValueOrDefault("query", null);
    if (q === null) return "The GraphQL request has no query: GET requests carry it in the 'query' query parameter.";
    let variables: unknown = null;
    const v = rq.Url.Query.GetValueOrDefault("variables", null);
    if (v !== null && v !== "") {
      try {
        variables = JSON.parse(v);
      } catch {
        return "The 'variables' query parameter is not JSON.";
      }
    }
    return { query: q, variables, operationName: rq.Url.Query.GetValueOrDefault("operationName", null), form: "get" };
  }
  const text = rq.Body && !rq.Body.isStream ? rq.Body.content().toString("utf8") : "";
  const type = (rq.Headers.m.get("content-type")?.values[0] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/graphql") return { query: text, variables: null, operationName: null, form: "graphql" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "The request body is not a GraphQL request: JSON with a 'query' string was expected.";
  }
  if (json === null || typeof json !== "object" || Array.isArray(json) || typeof (json as Record<string, unknown>).query !== "string")
    return "The request body is not a GraphQL request: JSON with a 'query' string was expected.";
  const o = json as Record<string, unknown>;
  return { query: o.query as string, variables: o.variables ?? null, operationName: typeof o.operationName === "string" ? o.operationName : null, form: "json", json: o };
}

interface ErrorEntry {
  message: string;
  locations?: { line: number; column: number }[];
  path?: string[];
  extensions: { code: string };
}

const entry = (message: string, code: string, e?: GraphQLError, path?: string[]): ErrorEntry => ({
  message,
  ...(e?.locations?.length ? { locations: e.locations.map((l) => ({ line: l.line, column: l.column })) } : {}),
  ...(path ? { path } : {}),
  extensions: { code },
});

/** Pushes errors onto GraphQLErrors and the policy's variable (JArrays of error objects). */
function record(ctx: Context, cfg: GraphqlRequestConfig, errors: ErrorEntry[]): void {
  if (errors.length === 0) return;
  for (const name of ["GraphQLErrors", ...(cfg.errorVariable ? [cfg.errorVariable] : [])]) {
    const old = ctx.Variables.get(name);
    const arr = old instanceof JArray ? old : new JArray();
    for (const e of errors) arr.Add(toJToken(e) as JObject);
    ctx.Variables.set(name, arr);
  }
}

/** A request error: the errors block (no data), 400 [infer], and the pipeline ends. */
function requestError(ctx: Context, cfg: GraphqlRequestConfig, errors: ErrorEntry[]): true {
  record(ctx, cfg, errors);
  const res = new ResponseMessage(400, "Bad Request", new HeaderMap("response"), new MessageBody(JSON.stringify({ errors })));
  res.Headers.setValues("Content-Type", ["application/json; charset=utf-8"]);
  ctx.Response.Body?.discard();
  ctx.Response = res;
  ctx.Request.Body = null;
  return true;
}

/** True when the request was answered (a request error): the generated code ends the pipeline. */
export function validateGraphqlRequest(ctx: Context, cfg: GraphqlRequestConfig, actions: readonly (() => unknown)[]): boolean {
  const size = ctx.Request.Body && !ctx.Request.Body.isStream ? ctx.Request.Body.content().length : Number(ctx.Request.Headers.m.get("content-length")?.values[0] ?? 0);
  if (size > cfg.maxSize) return requestError(ctx, cfg, [entry(`The request body is ${size} bytes long and exceeds the maximum size of ${cfg.maxSize} bytes.`, "REQUEST_TOO_LARGE")]);
  const rq = readGraphqlRequest(ctx);
  if (typeof rq === "string") return requestError(ctx, cfg, [entry(rq, "BAD_REQUEST")]);
  let doc: DocumentNode;
  try {
    doc = parse(rq.query, { maxTokens: 50_000 });
  } catch (e) {
    const g = e as GraphQLError;
    return requestError(ctx, cfg, [entry(g.message, "GRAPHQL_PARSE_FAILED", g)]);
  }
  const schema = graphqlSchema(cfg.schema);
  const invalid = validate(schema, doc, specifiedRules, { maxErrors: 20 });
  if (invalid.length > 0) return requestError(ctx, cfg, invalid.map((e) => entry(e.message, "GRAPHQL_VALIDATION_FAILED", e)));
  const op = selectOperation(doc, rq.operationName);
  if (typeof op === "string") return requestError(ctx, cfg, [entry(op, "GRAPHQL_VALIDATION_FAILED")]);
  const depth = operationDepth(doc, op);
  if (depth > cfg.maxDepth) return requestError(ctx, cfg, [entry(`The query has depth ${depth}, which exceeds the maximum depth of ${cfg.maxDepth}.`, "QUERY_TOO_DEEP")]);
  if (cfg.paths.length === 0) return false;
  // Authorization: each field of the operation (fragments expanded) by its /Type/field path.
  const decided = new Map<number, GraphqlAction>();
  const actionOf = (i: number): GraphqlAction => {
    let a = decided.get(i);
    if (a === undefined) {
      const raw = actions[i]!();
      const t = raw === null || raw === undefined ? "allow" : String(raw).trim().toLowerCase();
      if (!ACTIONS.has(t)) throw new PolicyError("ExpressionValueEvaluationFailure", `${SOURCE}: rule action '${String(raw)}' is not one of allow, remove, reject, ignore.`, 500, SOURCE);
      a = t as GraphqlAction;
      decided.set(i, a);
    }
    return a;
  };
  const matchers = cfg.paths.map(pathMatcher);
  const decide = (path: string): GraphqlAction => {
    for (let i = 0; i < matchers.length; i++) {
      if (!matchers[i]!(path)) continue;
      const a = actionOf(i);
      if (a !== "ignore") return a;
    }
    return "allow";
  };
  const removed = new Set<FieldNode>();
  const fieldErrors: ErrorEntry[] = [];
  let rejected: ErrorEntry | null = null;
  const typeInfo = new TypeInfo(schema);
  const used = usedFragments(doc, op);
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (n) => (n === op ? undefined : false),
      FragmentDefinition: (n) => (used.has(n.name.value) ? undefined : false),
      Field(n) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const path = authorizationPath(parent.name, n.name.value);
        const a = decide(path);
        if (a === "reject") {
          rejected = entry(`The field ${path} is not allowed.`, "FIELD_REJECTED", undefined, [path]);
          return BREAK;
        }
        if (a === "remove") {
          removed.add(n);
          fieldErrors.push(entry(`The field ${path} was removed from the request.`, "FIELD_REMOVED", undefined, [path]));
          return false;
        }
        return undefined;
      },
    }),
  );
  if (rejected) return requestError(ctx, cfg, [rejected]);
  if (removed.size === 0) return false;
  record(ctx, cfg, fieldErrors);
  const rewritten = removeFields(doc, op, removed);
  if (rewritten === null) return requestError(ctx, cfg, [...fieldErrors, entry("No field of the query is left after the authorization rules removed fields.", "FIELD_REJECTED")]);
  writeBack(ctx, rq, print(rewritten));
  return false;
}

/** The operation to run: the named one, or the only one. */
function selectOperation(doc: DocumentNode, name: string | null): OperationDefinitionNode | string {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name !== null) return ops.find((o) => o.name?.value === name) ?? `Unknown operation named "${name}".`;
  if (ops.length === 1) return ops[0]!;
  return "Must provide operation name if query contains multiple operations.";
}

function usedFragments(doc: DocumentNode, op: OperationDefinitionNode): Set<string> {
  const frags = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const used = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        if (!used.has(s.name.value)) {
          used.add(s.name.value);
          walk(frags.get(s.name.value)?.selectionSet);
        }
      } else walk(s.selectionSet);
    }
  };
  walk(op.selectionSet);
  return used;
}

/** Field nesting of the operation, fragments expanded (root fields are depth 1; validation rules out fragment cycles). */
export function operationDepth(doc: DocumentNode, op: OperationDefinitionNode): number {
  const frags = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const depth = (set: SelectionSetNode | undefined, guard: number): number => {
    if (!set || guard > 200) return 0;
    let max = 0;
    for (const s of set.selections) {
      const d = s.kind === Kind.FIELD ? 1 + depth(s.selectionSet, guard + 1) : s.kind === Kind.INLINE_FRAGMENT ? depth(s.selectionSet, guard + 1) : depth(frags.get(s.name.value)?.selectionSet, guard + 1);
      if (d > max) max = d;
    }
    return max;
  };
  return depth(op.selectionSet, 0);
}

/**
 * The path a rule is matched against: `/Type/field`. Introspection fields (`__schema`, `__type`)
 * and the fields of the introspection types are under `/__`, so the page's `/__*` rule covers the
 * introspection system; `__typename` is an ordinary field of its type.
 */
export function authorizationPath(parentType: string, field: string): string {
  if (field === "__schema" || field === "__type") return `/${field}`;
  return `/${parentType}/${field}`;
}

/** A rule path as a test: literal except `*`, which matches any characters (so `/__*` is the introspection system). */
export function pathMatcher(pattern: string): (path: string) => boolean {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return (p) => re.test(p);
}

/**
 * The document without the removed fields: a selection set left empty takes its field (or inline
 * fragment, or fragment and the spreads of it) with it; null when the operation is left empty.
 */
function removeFields(doc: DocumentNode, op: OperationDefinitionNode, removed: ReadonlySet<FieldNode>): DocumentNode | null {
  const empty = new Set<string>();
  const prune = (set: SelectionSetNode): SelectionSetNode | null => {
    const selections: SelectionNode[] = [];
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (removed.has(s)) continue;
        if (!s.selectionSet) selections.push(s);
        else {
          const inner = prune(s.selectionSet);
          if (inner) selections.push({ ...s, selectionSet: inner });
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = prune(s.selectionSet);
        if (inner) selections.push({ ...s, selectionSet: inner });
      } else if (!empty.has(s.name.value)) selections.push(s);
    }
    return selections.length > 0 ? { ...set, selections } : null;
  };
  let defs: DocumentNode["definitions"] = doc.definitions;
  for (let round = 0; round < 100; round++) {
    const before = empty.size;
    const next: DefinitionNode[] = [];
    for (const d of doc.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) {
        const inner = prune(d.selectionSet);
        if (inner) next.push({ ...d, selectionSet: inner });
        else empty.add(d.name.value);
      } else if (d.kind === Kind.OPERATION_DEFINITION) {
        const inner = prune(d.selectionSet);
        if (!inner) {
          if (d === op) return null;
          continue;
        }
        next.push({ ...d, selectionSet: inner });
      } else next.push(d);
    }
    defs = next;
    if (empty.size === before) break;
  }
  return { ...doc, definitions: defs };
}

/** The rewritten query goes to the backend the way the request carried it. */
function writeBack(ctx: Context, rq: GraphqlRequest, query: string): void {
  if (rq.form === "get") {
    ctx.Request.Url.Query.setName("query", [query]);
    return;
  }
  const text = rq.form === "graphql" ? query : JSON.stringify({ ...rq.json, query });
  ctx.Request.Body = new MessageBody(text);
}

// rewrite-uri, set-query-parameter, set-backend-service, set-method and authentication-basic at
// run time. Literal templates are parsed by the compiler (parseUriTemplate is shared with it) and
// reach the module as a hoisted constant; only expression-valued templates are parsed per request.
import { PolicyError } from "../errors.js";
import type { Context, QueryMap } from "../context.js";

/**
 * A parsed rewrite-uri template. Parts alternate literal text and parameter names:
 * `"/v2/{a}/x{b}"` → `["/v2/", "a", "/x", "b", ""]` (even indexes literal, odd indexes names).
 * Query pairs are `[nameParts, valueParts | null]` (null: `?flag` without `=`).
 */
export interface UriTemplate {
  path: string[];
  query: [string[], string[] | null][];
}

const PARAM = /^\*?[A-Za-z_][A-Za-z0-9_.\-]*$/;

/** Parses a rewrite-uri template; `{ error }` describes the first problem. */
export function parseUriTemplate(text: string): { template: UriTemplate } | { error: string } {
  const t = text.trim();
  if (t === "") return { error: "The template is empty." };
  if (/^[A-Za-z][A-Za-z0-9+.\-]*:\/\//.test(t))
    return { error: `'${t}' is an absolute URL: rewrite-uri takes the path (and query) relative to the backend; use set-backend-service to change the backend.` };
  if (t.includes("#")) return { error: "The template cannot contain a fragment ('#')." };
  const q = t.indexOf("?");
  const pathText = q === -1 ? t : t.slice(0, q);
  const queryText = q === -1 ? "" : t.slice(q + 1);
  const path = splitParams(pathText, decodePathPart);
  if ("error" in path) return path;
  if (path.parts[0] !== undefined && !path.parts[0].startsWith("/")) path.parts[0] = `/${path.parts[0]}`;
  const query: UriTemplate["query"] = [];
  for (const pair of queryText.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = splitParams(eq === -1 ? pair : pair.slice(0, eq), decodeQueryPart);
    if ("error" in name) return name;
    if (eq === -1) {
      query.push([name.parts, null]);
      continue;
    }
    const value = splitParams(pair.slice(eq + 1), decodeQueryPart);
    if ("error" in value) return value;
    query.push([name.parts, value.parts]);
  }
  return { template: { path: path.parts, query } };
}

function splitParams(s: string, decode: (s: string) => string): { parts: string[] } | { error: string } {
  const parts: string[] = [];
  let lit = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "{") {
      const end = s.indexOf("}", i + 1);
      if (end === -1) return { error: `Unclosed '{' in the template at '${s.slice(i)}'.` };
      const name = s.slice(i + 1, end).trim();
      if (!PARAM.test(name)) return { error: `'{${name}}' is not a template parameter name.` };
      parts.push(decode(lit), name.replace(/^\*/, ""));
      lit = "";
      i = end;
    } else if (c === "}") return { error: "Unmatched '}' in the template." };
    else lit += c;
  }
  parts.push(decode(lit));
  return { parts };
}

function decodePathPart(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/**
 * The template parameters an operation's URL template defines: `{name}` and `{*name}` in the path,
 * `a={name}` in the query (`/items/{id}?view={v}` → id, v). These are the names
 * `context.Request.MatchedParameters` can hold, so the only ones rewrite-uri may name.
 */
export function operationTemplateParameters(urlTemplate: string): Set<string> {
  const q = urlTemplate.indexOf("?");
  const out = new Set<string>();
  for (const m of (q === -1 ? urlTemplate : urlTemplate.slice(0, q)).matchAll(/\{([^}]+)\}/g)) out.add(m[1]!.trim().replace(/^\*/, ""));
  if (q !== -1)
    for (const pair of urlTemplate.slice(q + 1).split("&")) {
      const m = /^[^=]*=\{([^}]+)\}$/.exec(pair);
      if (m) out.add(m[1]!.trim());
    }
  return out;
}

/** The parameter names a parsed rewrite-uri template uses (odd indexes of its parts). */
export function uriTemplateParameters(t: UriTemplate): string[] {
  const out: string[] = [];
  const take = (parts: readonly string[]) => {
    for (let i = 1; i < parts.length; i += 2) out.push(parts[i]!);
  };
  take(t.path);
  for (const [n, v] of t.query) {
    take(n);
    if (v) take(v);
  }
  return out;
}

function fill(ctx: Context, parts: readonly string[], params: ReadonlyMap<string, string>): string {
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params.get(parts[i]!);
    // The reference: "You cannot add extra template path parameters in the rewrite URL". A gateway
    // build rejects literal templates that do so (APIMC2020); this catches expression templates
    // and runs without a known operation.
    if (v === undefined)
      throw new PolicyError(
        "TemplateParameterNotDefined",
        `rewrite-uri: the template names '{${parts[i]}}', which the operation's URL template '${ctx.Operation.UrlTemplate}' does not define; rewrite-uri can only use the operation's template parameters.`,
        500,
      );
    out += v + parts[i + 1]!;
  }
  return out;
}

/** Names of the query parameters in an operation's URL template (`/get?a={b}` → a), memoised. */
const templateQueryNames = new Map<string, ReadonlySet<string>>();
function operationQueryNames(urlTemplate: string): ReadonlySet<string> {
  let s = templateQueryNames.get(urlTemplate);
  if (!s) {
    const q = urlTemplate.indexOf("?");
    s = new Set(
      q === -1
        ? []
        : urlTemplate
            .slice(q + 1)
            .split("&")
            .filter((p) => p !== "")
            .map((p) => decodeQueryPart(p.split("=")[0]!)),
    );
    if (templateQueryNames.size > 1000) templateQueryNames.clear();
    templateQueryNames.set(urlTemplate, s);
  }
  return s;
}

/** The API's path prefix when the current path is under it (the backend strips it again). */
function apiPrefix(ctx: Context): string {
  let p = ctx.Api.Path ?? "";
  if (p === "" || p === "/") return "";
  if (!p.startsWith("/")) p = `/${p}`;
  p = p.replace(/\/+$/, "");
  const cur = ctx.Request.Url.Path;
  return cur === p || cur.startsWith(`${p}/`) ? p : "";
}

/**
 * rewrite-uri: the request's path and query become the template's, with `{name}` filled from
 * `context.Request.MatchedParameters`. With copy-unmatched-params, query parameters of the request
 * that the operation's URL template does not name are appended (those the template sets are not
 * repeated). `OriginalUrl` is untouched.
 */
export function rewriteUri(ctx: Context, t: UriTemplate, copyUnmatched: boolean): void {
  const url = ctx.Request.Url;
  const params = ctx.Request.MatchedParameters;
  const query = new Map<string, string[]>();
  for (const [n, v] of t.query) {
    const name = fill(ctx, n, params);
    const value = v === null ? "" : fill(ctx, v, params);
    const list = query.get(name);
    if (list) list.push(value);
    else query.set(name, [value]);
  }
  if (copyUnmatched) {
    const matched = operationQueryNames(ctx.Operation.UrlTemplate ?? "");
    for (const [name, values] of url.Query.m) if (!matched.has(name) && !query.has(name)) query.set(name, values.slice());
  }
  url.Path = apiPrefix(ctx) + fill(ctx, t.path, params);
  const q: QueryMap = url.Query;
  q.m.clear();
  for (const [k, v] of query) q.m.set(k, v);
}

/** rewrite-uri with an expression template: parsed per request. */
export function rewriteUriDynamic(ctx: Context, template: unknown, copyUnmatched: unknown): void {
  if (typeof template !== "string") throw new PolicyError("ExpressionValueEvaluationFailure", "The rewrite-uri template must be a string.");
  const r = parseUriTemplate(template);
  if ("error" in r) throw new PolicyError("ExpressionValueEvaluationFailure", r.error);
  rewriteUri(ctx, r.template, copyUnmatched === true);
}

/** Computed query parameter values: nulls dropped, the rest as strings. */
export function queryValues(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v !== null && v !== undefined) out.push(typeof v === "string" ? v : String(v));
  return out;
}

/** set-query-parameter when its name, action or values are computed. */
export function setQueryParameter(q: QueryMap, name: unknown, action: unknown, values: readonly unknown[]): void {
  if (typeof name !== "string" || name === "") throw new PolicyError("ExpressionValueEvaluationFailure", "Query parameter name must be a non-empty string.");
  const act = action === undefined || action === null ? "override" : String(action);
  const vals = queryValues(values);
  switch (act) {
    case "override":
      q.m.set(name, vals);
      return;
    case "skip":
      if (!q.m.has(name)) q.m.set(name, vals);
      return;
    case "append": {
      const old = q.m.get(name);
      q.m.set(name, old ? [...old, ...vals] : vals);
      return;
    }
    case "delete":
      q.m.delete(name);
      return;
    default:
      throw new PolicyError("ExpressionValueEvaluationFailure", `'${act}' is not a valid exists-action (override, skip, append, delete).`);
  }
}

/** set-backend-service base-url computed by an expression: an absolute http(s) URL. */
export function backendServiceUrl(value: unknown): string {
  if (typeof value === "string") {
    try {
      const u = new URL(value);
      if (u.protocol === "http:" || u.protocol === "https:") return value;
    } catch {
      /* falls through */
    }
  }
  throw new PolicyError("ExpressionValueEvaluationFailure", `set-backend-service: '${String(value)}' is not an absolute http(s) URL.`);
}

/**
 * set-backend-service backend-id: the URL of a backend the gateway configuration names; for a
 * load-balanced pool null, with the pool noted on the context (the forwarding host picks a member).
 */
export function backendServiceById(ctx: Context, id: unknown): string | null {
  const name = typeof id === "string" ? id : String(id);
  const b = ctx.$env.backends.get(name);
  if (!b) {
    const known = [...ctx.$env.backends.keys()];
    throw new PolicyError(
      "BackendNotFound",
      `set-backend-service: no backend with id '${name}' is configured${known.length ? ` (configured: ${known.join(", ")})` : " (the gateway configuration names no backends)"}.`,
      500,
    );
  }
  ctx.$backendPool = b.url === null ? name : null;
  return b.url;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** set-method with an expression: a valid HTTP method token. */
export function httpMethodValue(value: unknown): string {
  if (typeof value !== "string" || !TOKEN.test(value)) throw new PolicyError("ExpressionValueEvaluationFailure", `'${String(value)}' is not an HTTP method.`);
  return value;
}

/** authentication-basic: the Authorization header value (UTF-8 user:password, base64). */
export function basicAuthorization(username: unknown, password: unknown): string {
  if (typeof username !== "string" || typeof password !== "string")
    throw new PolicyError("ExpressionValueEvaluationFailure", "authentication-basic: username and password must be strings.");
  return `Basic ${Buffer.from(`${username}:${password}`, "utf8").toString("base64")}`;
}

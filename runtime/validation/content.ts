// validate-content: the size and JSON content of the request body (inbound) or the response body
// (outbound, on-error) against the operation's schemas in the API specification.
// Order of checks, each giving at most one error: size (max-size, size-exceeded-action), then the
// content type (mapped by <content-type-map>; a type the specification does not list for this
// message is "Unspecified"), then the body against the schema of the <content> element that
// matches the type (JSON). An empty body is not checked beyond its size. The first prevent error
// stops processing (report.ts).
import type { Context } from "../context.js";
import type { HeaderMap } from "../headers.js";
import { errorMessage, errorValue, jsonPosition, LazySchema, type SchemaData } from "./schema.js";
import { reportValidation, toAction, type ValidationError } from "./report.js";
import { isStatusSpecified } from "./status-code.js";
import type { XsdTables } from "./xsd-tables.js";
import { validateXml } from "./xsd-validate.js";

export interface ContentRule {
  /** Lower-case content type; "" applies to every content type the specification lists. */
  type: string;
  action: string;
  /** "json", "xml" or "soap". */
  validateAs: string;
  /**
   * The rule's own schema (schema-id, or the API's XML schemas for xml/soap); absent: the
   * specification's JSON schema of the content type. A rule with its own schema specifies its type.
   */
  schema?: RuleSchema;
}

export type RuleSchema =
  | { kind: "json"; definition: string; data: SchemaData }
  | {
      kind: "xml";
      definition: string;
      tables: XsdTables;
      /** null: an XML document; else a SOAP envelope of this version ("any": 1.1 or 1.2) whose Body holds the payload. */
      soap: "1.1" | "1.2" | "any" | null;
      /** Global elements the payload's root may be ("{ns}local"); null: any global element. */
      roots: string[] | null;
    };

export interface ContentSchemas {
  /** Lower-case content type → the schema's definition name and data; null: specified without a schema. */
  [contentType: string]: { definition: string; data: SchemaData } | null;
}

export interface ContentConfig {
  request: boolean;
  maxSize: number;
  errorsVariable: string | null;
  anyContentType: string | null;
  missingContentType: string | null;
  /** <type from="x" to="y">: lower-case from → to. */
  typeMap: ReadonlyMap<string, string>;
  rules: readonly ContentRule[];
  /** Request: content type → schema. Response: status key ("200", "2XX", "default") → content type → schema. */
  schemas: ContentSchemas | Record<string, ContentSchemas>;
}

/** Compiled validators, one per schema object (kept for the module's life). */
const validators = new WeakMap<SchemaData, LazySchema>();
function validatorOf(data: SchemaData): LazySchema {
  let v = validators.get(data);
  if (!v) validators.set(data, (v = new LazySchema(data)));
  return v;
}

/** The media type without parameters, lower case ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(value: string | null): string {
  if (value === null) return "";
  const semi = value.indexOf(";");
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

function contentTypeOf(headers: HeaderMap): string | null {
  const e = headers.m.get("content-type");
  return e && e.values.length ? e.values.join(",") : null;
}

/** The response's schemas: the exact status, then its class ("2XX"), then "default". */
function responseSchemas(schemas: Record<string, ContentSchemas>, status: number): ContentSchemas | null {
  const s = String(status);
  return schemas[s] ?? schemas[`${s[0]}XX`] ?? schemas.default ?? null;
}

/** `unspecified`, `sizeExceeded`: the actions (literals or expression results). */
export function validateContent(ctx: Context, config: ContentConfig, unspecifiedAction: unknown, sizeExceededAction: unknown, whenMapper: (() => string | null) | null): void {
  const policy = "validate-content";
  const message = config.request ? ctx.Request : ctx.Response;
  const kind = config.request ? "RequestBody" : "ResponseBody";
  const noun = config.request ? "request" : "response";
  const unspecified = toAction(unspecifiedAction, policy, "unspecified-content-type-action");
  const sizeAction = toAction(sizeExceededAction, policy, "size-exceeded-action");
  const errors: ValidationError[] = [];
  const body = message.Body;
  const bytes = body && !body.isStream ? body.content() : null;
  // max-size: the body's length (decompressed: apimc holds the bytes it forwards), else Content-Length.
  const declared = Number(message.Headers.m.get("content-length")?.values[0] ?? NaN);
  const size = bytes ? bytes.length : Number.isFinite(declared) ? declared : 0;
  if (size > config.maxSize && sizeAction !== "ignore") {
    errors.push({
      Name: "",
      Type: kind,
      ValidationRule: "SizeLimit",
      Details: `${config.request ? "Request" : "Response"}'s body is ${size} bytes long and it exceeds the configured limit of ${config.maxSize} bytes.`,
      Action: sizeAction,
    });
    if (sizeAction === "prevent") return reportValidation(ctx, policy, errors, config.errorsVariable, config.request);
  }

  const raw = contentTypeOf(message.Headers);
  // <type> mappings win over any-content-type-value and missing-content-type-value (the reference page).
  const incoming = mediaType(raw);
  const mapped = config.typeMap.get(incoming) ?? (whenMapper ? whenMapper() : null);
  const type =
    mapped !== null && mapped !== undefined ? mediaType(mapped) : config.anyContentType !== null ? mediaType(config.anyContentType) : incoming === "" && config.missingContentType !== null ? mediaType(config.missingContentType) : incoming;

  const schemas = config.request ? (config.schemas as ContentSchemas) : responseSchemas(config.schemas as Record<string, ContentSchemas>, ctx.Response.StatusCode);
  // An empty body has nothing to validate, whatever its Content-Type says (a GET, a 204, a client
  // that always sends Content-Type).
  if (size === 0) return reportValidation(ctx, policy, errors, config.errorsVariable, config.request);
  // A <content> element with its own schema (schema-id, XML schemas) specifies its content type.
  const own = config.rules.find((r) => r.schema && r.type === type) ?? config.rules.find((r) => r.schema && r.type === "");
  const specified = own !== undefined || (schemas !== null && Object.prototype.hasOwnProperty.call(schemas, type));
  if (!specified) {
    // A response whose status the specification does not list at all is validate-status-code's business.
    if (!config.request && schemas === null && !isStatusSpecified(Object.keys(config.schemas), ctx.Response.StatusCode)) return reportValidation(ctx, policy, errors, config.errorsVariable, false);
    errors.push({ Name: type, Type: kind, ValidationRule: "Unspecified", Details: `Unspecified content type ${type} is not allowed.`, Action: unspecified });
    return reportValidation(ctx, policy, errors, config.errorsVariable, config.request);
  }
  const rule = own ?? config.rules.find((r) => r.type === type) ?? config.rules.find((r) => r.type === "");
  const entry = rule?.schema ?? schemas?.[type];
  if (rule && entry) {
    const action = toAction(rule.action, policy, "action");
    if (action !== "ignore") {
      const text = bytes ? bytes.toString("utf8") : "";
      const error = "kind" in entry && entry.kind === "xml" ? checkXml(text, entry, type, noun) : checkJson(text, entry as { definition: string; data: SchemaData }, type, noun);
      if (error) errors.push({ Name: type, Type: kind, ValidationRule: error.rule, Details: error.details, Action: action });
    }
  }
  reportValidation(ctx, policy, errors, config.errorsVariable, config.request);
}

/** The body against an XML schema (a document, or a SOAP envelope's payload): null when it conforms. */
export function checkXml(text: string, entry: Extract<RuleSchema, { kind: "xml" }>, type: string, noun: string): { rule: string; details: string } | null {
  const e = validateXml(entry.tables, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { soap: entry.soap ?? undefined, roots: entry.roots ?? undefined });
  if (!e) return null;
  return { rule: "IncorrectMessage", details: `Body of the ${noun} does not conform to the definition ${entry.definition}, which is associated with the content type ${type}. ${e.message} Line: ${e.line}, Position: ${e.position}` };
}

/** The body against a JSON schema: null when it conforms. */
export function checkJson(text: string, entry: { definition: string; data: SchemaData }, type: string, noun: string): { rule: string; details: string } | null {
  const head = `Body of the ${noun} does not conform to the definition ${entry.definition}, which is associated with the content type ${type}.`;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const { line, position } = parseErrorPosition(text, e as Error);
    return { rule: "IncorrectMessage", details: `${head} ${text.trim() === "" ? "The body is empty." : "The body is not valid JSON."} Line: ${line}, Position: ${position}` };
  }
  let validate;
  try {
    validate = validatorOf(entry.data).validate;
  } catch (e) {
    return { rule: "ValidationException", details: `Body of the ${noun} cannot be validated for the content type ${type}. ${(e as Error).message}` };
  }
  if (validate(value)) return null;
  const err = validate.errors![0]!;
  const at = err.keyword === "additionalProperties" ? `${err.instancePath}/${String((err.params as { additionalProperty: string }).additionalProperty).replace(/~/g, "~0").replace(/\//g, "~1")}` : err.instancePath;
  const { line, position } = jsonPosition(text, at);
  return { rule: "IncorrectMessage", details: `${head} ${errorMessage(err, errorValue(value, err))} Line: ${line}, Position: ${position}` };
}

function parseErrorPosition(text: string, e: Error): { line: number; position: number } {
  const m = /position (\d+)/.exec(e.message);
  const at = m ? Number(m[1]) : text.length;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, position: at - (before.lastIndexOf("\n") + 1) };
}

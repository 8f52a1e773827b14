// What the validation policies need from an API's OpenAPI specification (2.0 or 3.x), read once:
// the operation's request bodies, parameters and responses, with every schema converted to the
// JSON Schema ajv validates (draft-07). All OpenAPI-to-JSON-Schema differences are handled here:
// `nullable`/`x-nullable`, `discriminator`, `$ref` to #/definitions or #/components/schemas,
// boolean exclusiveMinimum/Maximum, `type: file`, and readOnly/writeOnly by direction.
// The result is plain data: the compiler emits it into the module as a data literal.

export type JsonSchema = Record<string, unknown> | boolean;

/** Which operation of a document: by operationId, by method and path key, or by its JSON pointer ("/paths/~1items/get"). */
export type OperationSelector = { operationId: string } | { method: string; path: string } | { pointer: string };

/** A document and (optionally) the operation to read: what tests and the harness give. */
export interface SpecificationInput {
  /** The parsed OpenAPI 2.0 or 3.x document. */
  document: unknown;
  /** Its file, for messages. */
  file?: string;
  /** The operation (optional when the document has one). */
  operation?: OperationSelector;
}

/**
 * The shape of the compiler's `apiSpecification` option (compiler/index.ts ApiSpecification,
 * repeated structurally so this file does not import the compiler's entry).
 */
export interface SpecificationSource {
  file: string;
  version: string;
  document: Readonly<Record<string, unknown>>;
  locate(pointer: string): { line: number; column: number; offset: number };
  operation: { operationId: string; method: string; urlTemplate: string; pointer: string } | null;
}

/**
 * A document given as data (runPolicy, tests) as the compiler's `apiSpecification`: the operation
 * found by its selector (null when there is none), positions unknown (line 1).
 */
export function specificationSource(input: SpecificationInput): SpecificationSource {
  const doc = (isObj(input.document) ? input.document : {}) as Readonly<Record<string, unknown>>;
  const ops = listOperations(doc);
  const want = input.operation;
  const found = !want ? (ops.length === 1 ? ops[0] : undefined) : "operationId" in want ? ops.find((o) => o.operationId === want.operationId) : "pointer" in want ? ops.find((o) => operationPointer(o) === want.pointer) : ops.find((o) => o.method === want.method.toUpperCase() && o.path === want.path);
  return {
    file: input.file ?? "specification",
    version: typeof doc.swagger === "string" ? doc.swagger : typeof doc.openapi === "string" ? doc.openapi : "",
    document: doc,
    locate: () => ({ line: 1, column: 1, offset: 0 }),
    operation: found ? { operationId: found.operationId, method: found.method, urlTemplate: found.path, pointer: operationPointer(found) } : null,
  };
}

export function operationPointer(o: { method: string; path: string }): string {
  return `/paths/${escapePointer(o.path)}/${o.method.toLowerCase()}`;
}

export type Direction = "request" | "response";

export interface BodySchema {
  /** The definition's name for messages ("Pet"), or a name made from the operation for an inline schema. */
  definition: string;
  schema: JsonSchema;
}

export interface ParameterSpec {
  in: "path" | "query" | "header";
  name: string;
  required: boolean;
  schema: JsonSchema;
  /** OpenAPI 3 style (OpenAPI 2 collectionFormat is mapped to one). */
  style: string;
  explode: boolean;
  definition: string;
}

export interface ResponseSpec {
  /** Lower-case header name → schema. */
  headers: Record<string, { name: string; schema: JsonSchema; definition: string }>;
  /** Lower-case content type → schema (null: the content type is specified without a schema). */
  content: Record<string, BodySchema | null>;
}

export interface OperationContract {
  operationId: string;
  method: string;
  path: string;
  /** Lower-case content type → request body schema (null: no schema). */
  requestContent: Record<string, BodySchema | null>;
  parameters: ParameterSpec[];
  /** It has `in: cookie` parameters (sent in the Cookie header; validate-parameters does not validate them). */
  cookies?: boolean;
  /** Status code ("200", "2XX", "default") → response. */
  responses: Record<string, ResponseSpec>;
  /** The specification's named schemas, converted; `$ref`s point at `#/definitions/<name>`. */
  definitions: Record<string, JsonSchema>;
}

/** A problem in the specification: what and where (a JSON pointer). */
export class SpecificationError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function openApiVersion(doc: unknown): 2 | 3 | null {
  if (!isObj(doc)) return null;
  if (typeof doc.swagger === "string" && doc.swagger.startsWith("2")) return 2;
  if (typeof doc.openapi === "string" && doc.openapi.startsWith("3")) return 3;
  return null;
}

/** Every operation of the document: method (upper case), path key, operationId (may be ""). */
export function listOperations(doc: unknown): { method: string; path: string; operationId: string }[] {
  const out: { method: string; path: string; operationId: string }[] = [];
  const paths = isObj(doc) && isObj(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (isObj(op)) out.push({ method: m.toUpperCase(), path, operationId: typeof op.operationId === "string" ? op.operationId : "" });
    }
  }
  return out;
}

/** Reads the contract of one operation; throws SpecificationError on what cannot be read. */
export function operationContract(spec: SpecificationInput): OperationContract {
  const doc = spec.document;
  const version = openApiVersion(doc);
  if (version === null || !isObj(doc)) throw new SpecificationError("The specification is neither OpenAPI 2.0 ('swagger: \"2.0\"') nor OpenAPI 3 ('openapi: 3.x').", "");
  const ops = listOperations(doc);
  const want = spec.operation;
  let found = ops.length === 1 && !want ? ops[0] : undefined;
  if (want && "operationId" in want) found = ops.find((o) => o.operationId === want.operationId);
  else if (want && "pointer" in want) found = ops.find((o) => operationPointer(o) === want.pointer);
  else if (want) found = ops.find((o) => o.method === want.method.toUpperCase() && o.path === want.path);
  if (!found) {
    const which = !want
      ? `The specification has ${ops.length} operations; name the one this policy is for`
      : "operationId" in want
        ? `No operation has operationId '${want.operationId}'`
        : "pointer" in want
          ? `No operation at ${want.pointer}`
          : `No operation ${want.method.toUpperCase()} ${want.path}`;
    throw new SpecificationError(`${which}.`, "/paths");
  }
  const item = (doc.paths as Obj)[found.path] as Obj;
  const op = item[found.method.toLowerCase()] as Obj;
  const pointer = `/paths/${escapePointer(found.path)}/${found.method.toLowerCase()}`;
  const r = new Reader(doc, version);
  const opName = found.operationId || `${found.method.toLowerCase()}${found.path.replace(/[^A-Za-z0-9]+/g, "-")}`;
  const contract: OperationContract = {
    operationId: found.operationId,
    method: found.method,
    path: found.path,
    requestContent: {},
    parameters: [],
    responses: {},
    definitions: {},
  };
  // Parameters: the path item's, overridden by the operation's (same name and location).
  const params = new Map<string, Obj>();
  for (const [list, at] of [[item.parameters, `/paths/${escapePointer(found.path)}/parameters`], [op.parameters, `${pointer}/parameters`]] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((p, i) => {
      const resolved = r.resolve(p, `${at}/${i}`);
      if (typeof resolved.in === "string" && typeof resolved.name === "string") params.set(`${resolved.in}\u0000${resolved.in === "header" ? resolved.name.toLowerCase() : resolved.name}`, resolved);
    });
  }
  const consumes = stringList(op.consumes ?? doc.consumes, ["application/json"]);
  const produces = stringList(op.produces ?? doc.produces, ["application/json"]);
  for (const p of params.values()) {
    const where = p.in as string;
    if (where === "body" && version === 2) {
      const body = { definition: definitionName(p.schema, `${opName}Request`), schema: r.schema(p.schema, "request", `${pointer}/parameters`) };
      for (const ct of consumes) contract.requestContent[ct.toLowerCase()] = body;
      continue;
    }
    if (where === "formData") {
      for (const ct of consumes) contract.requestContent[ct.toLowerCase()] ??= null;
      continue;
    }
    if (where === "cookie") contract.cookies = true;
    if (where !== "path" && where !== "query" && where !== "header") continue;
    const name = p.name as string;
    if (where === "header" && ["accept", "content-type", "authorization"].includes(name.toLowerCase())) continue; // OpenAPI: ignored
    const v2 = version === 2;
    const rawSchema = v2 ? v2ParameterSchema(p) : p.schema;
    const style = v2 ? v2Style(p, where) : typeof p.style === "string" ? p.style : where === "query" ? "form" : "simple";
    const explode = v2 ? p.collectionFormat === "multi" : typeof p.explode === "boolean" ? p.explode : style === "form";
    contract.parameters.push({ in: where, name, required: p.required === true || where === "path", schema: isObj(rawSchema) ? r.schema(rawSchema, "request", `${pointer}/parameters`) : {}, style, explode, definition: definitionName(rawSchema, `${opName}${name}`) });
  }
  if (version === 3 && op.requestBody !== undefined) {
    const body = r.resolve(op.requestBody, `${pointer}/requestBody`);
    for (const [ct, media] of Object.entries(isObj(body.content) ? body.content : {}))
      contract.requestContent[ct.toLowerCase()] = isObj(media) && media.schema !== undefined ? { definition: definitionName(media.schema, `${opName}Request`), schema: r.schema(media.schema, "request", `${pointer}/requestBody/content/${escapePointer(ct)}/schema`) } : null;
  }
  for (const [code, raw] of Object.entries(isObj(op.responses) ? op.responses : {})) {
    const res = r.resolve(raw, `${pointer}/responses/${escapePointer(code)}`);
    const spec: ResponseSpec = { headers: {}, content: {} };
    for (const [hn, hraw] of Object.entries(isObj(res.headers) ? res.headers : {})) {
      const h = r.resolve(hraw, `${pointer}/responses/${escapePointer(code)}/headers/${escapePointer(hn)}`);
      const hs = version === 2 ? v2ParameterSchema(h) : h.schema;
      spec.headers[hn.toLowerCase()] = { name: hn, schema: isObj(hs) ? r.schema(hs, "response", `${pointer}/responses/${escapePointer(code)}/headers/${escapePointer(hn)}`) : {}, definition: definitionName(hs, `${opName}${code}${hn}`) };
    }
    if (version === 2) {
      if (res.schema !== undefined) {
        const body = { definition: definitionName(res.schema, `${opName}${code}Response`), schema: r.schema(res.schema, "response", `${pointer}/responses/${escapePointer(code)}/schema`) };
        for (const ct of produces) spec.content[ct.toLowerCase()] = body;
      }
    } else {
      for (const [ct, media] of Object.entries(isObj(res.content) ? res.content : {}))
        spec.content[ct.toLowerCase()] = isObj(media) && media.schema !== undefined ? { definition: definitionName(media.schema, `${opName}${code}Response`), schema: r.schema(media.schema, "response", `${pointer}/responses/${escapePointer(code)}/content/${escapePointer(ct)}/schema`) } : null;
    }
    contract.responses[code.toUpperCase() === "DEFAULT" ? "default" : code.toUpperCase()] = spec;
  }
  contract.definitions = r.definitions();
  return contract;
}

function stringList(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string") && v.length > 0 ? (v as string[]) : fallback;
}

function decodeSegment(raw: string): string {
  let s = raw;
  try {
    s = decodeURIComponent(raw);
  } catch {
    // not percent-encoded
  }
  return s.replace(/~1/g, "/").replace(/~0/g, "~");
}

function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The name APIM shows for a schema: the definition a `$ref` names, else one made from the operation. */
function definitionName(schema: unknown, fallback: string): string {
  if (isObj(schema) && typeof schema.$ref === "string") return decodeSegment(schema.$ref.slice(schema.$ref.lastIndexOf("/") + 1));
  if (isObj(schema) && schema.type === "array" && isObj(schema.items) && typeof schema.items.$ref === "string") return `${definitionName(schema.items, fallback)}Array`;
  return fallback;
}

/** OpenAPI 2 non-body parameters and headers describe their value inline (type, format, items, ...). */
function v2ParameterSchema(p: Obj): Obj {
  const s: Obj = {};
  for (const k of ["type", "format", "items", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf"])
    if (p[k] !== undefined) s[k] = k === "items" && isObj(p.items) ? v2ParameterSchema(p.items) : p[k];
  return s;
}

function v2Style(p: Obj, where: string): string {
  switch (p.collectionFormat) {
    case "ssv":
      return "spaceDelimited";
    case "pipes":
      return "pipeDelimited";
    case "tsv":
      return "tabDelimited";
    case "multi":
      return "form";
    default:
      return where === "query" ? "form" : "simple";
  }
}

/** Resolves document-local references and converts schemas, collecting the named schemas used. */
class Reader {
  private readonly used = new Map<string, JsonSchema>();
  private readonly pending: string[] = [];
  private readonly named: Obj;
  constructor(
    private readonly doc: Obj,
    private readonly version: 2 | 3,
  ) {
    const comps = isObj(doc.components) ? doc.components : {};
    this.named = (version === 2 ? doc.definitions : comps.schemas) as Obj;
    if (!isObj(this.named)) this.named = {};
  }

  /** A `$ref` to a parameter, request body, response or header, followed (a few levels at most). */
  resolve(v: unknown, at: string): Obj {
    let cur = v;
    for (let i = 0; i < 10 && isObj(cur) && typeof cur.$ref === "string"; i++) cur = this.pointer(cur.$ref, at);
    if (!isObj(cur)) throw new SpecificationError(`Expected an object at ${at}.`, at);
    return cur;
  }

  private pointer(ref: string, at: string): unknown {
    if (!ref.startsWith("#/")) throw new SpecificationError(`The reference '${ref}' is not local to the document; apimc resolves '#/...' references only.`, at);
    let cur: unknown = this.doc;
    for (const raw of ref.slice(2).split("/")) {
      const key = decodeSegment(raw);
      if (!isObj(cur) || !(key in cur)) throw new SpecificationError(`The reference '${ref}' does not resolve.`, at);
      cur = cur[key];
    }
    return cur;
  }

  /**
   * The schema as JSON Schema for `direction`. Named schemas referenced are converted once each;
   * the direction matters only for readOnly/writeOnly, so a schema used both ways is converted per
   * direction under two names (`<name>` and `<name>~response`) when it has such properties.
   */
  schema(s: unknown, direction: Direction, at: string): JsonSchema {
    const out = this.convert(s, direction, at);
    while (this.pending.length) {
      const key = this.pending.pop()!;
      const [name, dir] = splitKey(key);
      this.used.set(key, this.convert(this.named[name], dir, `/${this.version === 2 ? "definitions" : "components/schemas"}/${escapePointer(name)}`));
    }
    return out;
  }

  definitions(): Record<string, JsonSchema> {
    return Object.fromEntries(this.used);
  }

  private refKey(name: string, direction: Direction): string {
    return direction === "request" ? name : `${name}~response`;
  }

  private convert(s: unknown, direction: Direction, at: string): JsonSchema {
    if (typeof s === "boolean") return s;
    if (!isObj(s)) return {};
    if (typeof s.$ref === "string") {
      const ref = s.$ref;
      const prefix = this.version === 2 ? "#/definitions/" : "#/components/schemas/";
      if (!ref.startsWith(prefix)) {
        // Another local pointer (into a path, a parameter): inline it.
        if (ref.startsWith("#/")) return this.convert(this.pointer(ref, at), direction, at);
        throw new SpecificationError(`The schema reference '${ref}' is not local to the document; apimc resolves '#/...' references only.`, at);
      }
      const name = decodeSegment(ref.slice(prefix.length));
      if (!(name in this.named)) throw new SpecificationError(`The schema reference '${ref}' names no schema in the specification.`, at);
      const key = this.refKey(name, direction);
      if (!this.used.has(key)) {
        this.used.set(key, {});
        this.pending.push(key);
      }
      return { $ref: `#/definitions/${escapePointer(key)}` };
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(s)) {
      if (k.startsWith("x-") || DROPPED.has(k)) continue;
      if (SUBSCHEMA.has(k)) out[k] = this.convert(v, direction, `${at}/${k}`);
      else if (SUBSCHEMA_LIST.has(k) && Array.isArray(v)) out[k] = v.map((x, i) => this.convert(x, direction, `${at}/${k}/${i}`));
      else if (SUBSCHEMA_MAP.has(k) && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, this.convert(x, direction, `${at}/${k}/${escapePointer(n)}`)]));
      else out[k] = v;
    }
    if (out.type === "file") delete out.type;
    // A pattern ajv would reject is reported where it is written (ajv's own error has no position).
    const patterns = [...(typeof out.pattern === "string" ? [[out.pattern, `${at}/pattern`]] : []), ...(isObj(out.patternProperties) ? Object.keys(out.patternProperties).map((k) => [k, `${at}/patternProperties/${escapePointer(k)}`]) : [])];
    for (const [p, where] of patterns) {
      try {
        new RegExp(p!, "u");
      } catch (e) {
        throw new SpecificationError(`The pattern '${p}' is not a regular expression ajv can use: ${(e as Error).message}.`, where!);
      }
    }
    // Draft-04 style boolean exclusive bounds (OpenAPI 2 and 3.0) to draft-07 numbers.
    for (const [ex, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
      if (typeof out[ex] !== "boolean") continue;
      if (out[ex] === true && typeof out[bound] === "number") {
        out[ex] = out[bound];
        delete out[bound];
      } else delete out[ex];
    }
    if (s.nullable === true || s["x-nullable"] === true) {
      if (typeof out.type === "string") out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    // readOnly properties are not sent in requests, writeOnly ones not in responses: not required there.
    if (Array.isArray(out.required) && isObj(s.properties)) {
      const props = s.properties;
      const skip = direction === "request" ? "readOnly" : "writeOnly";
      out.required = (out.required as unknown[]).filter((n) => !(typeof n === "string" && isObj(props[n]) && props[n][skip] === true));
      if ((out.required as unknown[]).length === 0) delete out.required;
    }
    return out;
  }
}

function splitKey(key: string): [string, Direction] {
  return key.endsWith("~response") ? [key.slice(0, -"~response".length), "response"] : [key, "request"];
}

/** OpenAPI keywords that are not JSON Schema validation keywords. */
const DROPPED = new Set(["nullable", "discriminator", "xml", "externalDocs", "example", "readOnly", "writeOnly", "deprecated", "collectionFormat", "$schema", "$id", "id"]);
const SUBSCHEMA = new Set(["items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else"]);
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf"]);
const SUBSCHEMA_MAP = new Set(["properties", "patternProperties", "definitions", "dependencies"]);

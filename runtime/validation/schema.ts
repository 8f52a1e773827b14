// JSON Schema validation for the validation policies: ajv, compiled when first used.
// The module holds each schema as data (the compiler emits it through a data literal, never as
// code); ajv turns it into a validator function the first time a request needs it, and that
// function is kept for the module's life. Per request the cost is the validator itself.
// Error messages follow Newtonsoft.Json.Schema's (what APIM reports as {valError.Message}), with
// the line and position of the value in the JSON text.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export type JsonSchema = Record<string, unknown> | boolean;

/** One schema with the named schemas it references (`#/definitions/<name>`). */
export interface SchemaData {
  schema: JsonSchema;
  definitions: Record<string, JsonSchema>;
}

let shared: Ajv | null = null;

/** The ajv instance: draft-07, OpenAPI's formats (int32, int64, float, double, byte, binary, password) known. */
export function ajvInstance(): Ajv {
  if (shared) return shared;
  const ajv = new Ajv({ strict: false, allErrors: false, inlineRefs: false, logger: false, validateFormats: true });
  addFormats(ajv);
  const int = (bits: number) => (n: number) => Number.isInteger(n) && n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1);
  ajv.addFormat("int32", { type: "number", validate: int(32) });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("float", { type: "number", validate: () => true });
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("byte", /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  ajv.addFormat("binary", () => true);
  ajv.addFormat("password", () => true);
  shared = ajv;
  return ajv;
}

/** A validator compiled on first use. */
export class LazySchema {
  private fn: ValidateFunction | null = null;
  constructor(private readonly data: SchemaData) {}
  get validate(): ValidateFunction {
    return (this.fn ??= compileSchema(this.data));
  }
}

/**
 * A validator for the schema. ajv's cache holds every schema object it compiled (strongly); the
 * validator does not need it, so it is dropped at once: modules replaced by a hot reload leave
 * nothing behind in the shared instance.
 */
export function compileSchema(data: SchemaData): ValidateFunction {
  const ajv = ajvInstance();
  const schema = bundle(data);
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
}

/** The schema with its definitions beside it, as one document ajv compiles. */
export function bundle(data: SchemaData): Record<string, unknown> {
  const root = typeof data.schema === "boolean" ? (data.schema ? {} : { not: {} }) : data.schema;
  return Object.keys(data.definitions).length ? { ...root, definitions: { ...data.definitions, ...((root.definitions as object) ?? {}) } } : root;
}

/** The first error, as Newtonsoft.Json.Schema words it. */
export function errorMessage(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `Required properties are missing from object: ${String(p.missingProperty)}.`;
    case "type":
      return `Invalid type. Expected ${typeNames(String(p.type))} but got ${jsonTypeName(value)}.`;
    case "additionalProperties":
      return `Property '${String(p.additionalProperty)}' has not been defined and the schema does not allow additional properties.`;
    case "pattern":
      return `String '${String(value)}' does not match regex pattern '${String(p.pattern)}'.`;
    case "maxLength":
      return `String '${String(value)}' exceeds maximum length of ${String(p.limit)}.`;
    case "minLength":
      return `String '${String(value)}' is less than minimum length of ${String(p.limit)}.`;
    case "maximum":
    case "exclusiveMaximum":
      return `${numberKind(value)} ${String(value)} ${e.keyword === "maximum" ? "exceeds" : "equals or exceeds"} maximum value of ${String(p.limit)}.`;
    case "minimum":
    case "exclusiveMinimum":
      return `${numberKind(value)} ${String(value)} is less than ${e.keyword === "minimum" ? "" : "or equal to "}minimum value of ${String(p.limit)}.`;
    case "multipleOf":
      return `${numberKind(value)} ${String(value)} is not a multiple of ${String(p.multipleOf)}.`;
    case "enum":
      return `Value ${typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value)} is not defined in enum.`;
    case "const":
      return `Value ${JSON.stringify(value)} does not match const.`;
    case "format":
      return `String '${String(value)}' does not validate against format '${String(p.format)}'.`;
    case "maxItems":
      return `Array item count ${Array.isArray(value) ? value.length : "?"} exceeds maximum count of ${String(p.limit)}.`;
    case "minItems":
      return `Array item count ${Array.isArray(value) ? value.length : "?"} is less than minimum count of ${String(p.limit)}.`;
    case "uniqueItems":
      return `Non-unique array item at index ${String(p.i)}.`;
    case "maxProperties":
      return `Object property count ${isObject(value) ? Object.keys(value).length : "?"} exceeds maximum count of ${String(p.limit)}.`;
    case "minProperties":
      return `Object property count ${isObject(value) ? Object.keys(value).length : "?"} is less than minimum count of ${String(p.limit)}.`;
    case "anyOf":
      return "JSON does not match any schemas from 'anyOf'.";
    case "oneOf":
      return p.passingSchemas ? "JSON is valid against more than one schema from 'oneOf'." : "JSON is valid against no schemas from 'oneOf'.";
    case "not":
      return "JSON is valid against schema from 'not'.";
    case "false schema":
      return "Schema always fails validation.";
    default:
      return e.message ? `${e.message[0]!.toUpperCase()}${e.message.slice(1)}.` : `The value does not satisfy '${e.keyword}'.`;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeNames(t: string): string {
  return t
    .split(",")
    .map((x) => x.trim())
    .map((x) => x.charAt(0).toUpperCase() + x.slice(1))
    .join(", ");
}

function jsonTypeName(v: unknown): string {
  if (v === null) return "Null";
  if (Array.isArray(v)) return "Array";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Float";
  if (typeof v === "string") return "String";
  if (typeof v === "boolean") return "Boolean";
  return "Object";
}

function numberKind(v: unknown): string {
  return typeof v === "number" && Number.isInteger(v) ? "Integer" : "Float";
}

/** The value an error is about (its instancePath, or the extra property for additionalProperties). */
export function errorValue(root: unknown, e: ErrorObject): unknown {
  let cur: unknown = root;
  for (const seg of pointerSegments(e.instancePath)) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}

export function pointerSegments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Line and position (1-based) where the value at `pointer` ends in the JSON `text`, as a JSON
 * reader reports them after reading that value. Falls back to the end of the text.
 */
export function jsonPosition(text: string, pointer: string): { line: number; position: number } {
  const want = pointerSegments(pointer);
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r" || text.charCodeAt(i) === 0xfeff)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return "";
    }
  };
  // Skips one value; when `depth` segments still match, descends into the wanted child instead.
  const value = (depth: number): number | null => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      i++;
      let index = 0;
      for (;;) {
        ws();
        if (text[i] === "}" || text[i] === "]" || i >= text.length) break;
        let key = String(index++);
        if (c === "{") {
          key = str();
          ws();
          i++; // ':'
        }
        if (depth < want.length && key === want[depth]) {
          const r = value(depth + 1);
          if (r !== null) return r;
        } else value(want.length + 1);
        ws();
        if (text[i] === ",") i++;
      }
      i++;
      return depth === want.length ? i : null;
    }
    if (c === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return depth === want.length ? i : null;
  };
  const end = value(0) ?? text.length;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < end && k < text.length; k++)
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  return { line, position: end - lineStart };
}

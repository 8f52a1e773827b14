// OpenAPI definitions (2.0 "swagger" and 3.x), in YAML or JSON: the API's operations (method, URL
// template, parameters) for routing, the parsed document for the validation policies, and where a
// JSON pointer is in the file (line, column) so a problem found in the document names its line.
// The `yaml` package parses both syntaxes with source ranges; a JSON file is parsed by JSON.parse
// (strict JSON, fast) and by `yaml` only when a position is asked for.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Codes, type Diagnostic } from "../compiler/diagnostics.js";
import { decodePointerSegment, DiagnosticError, diagnosticAt, escapePointer, parseSourceDocument, type SourcePosition } from "./source-document.js";

export { escapePointer, lineColumn, type SourcePosition } from "./source-document.js";

export interface SpecParameter {
  name: string;
  /** "path", "query", "header", "cookie" (3.x), "body" or "formData" (2.0). */
  in: string;
  required: boolean;
  /** The parameter object as written (a local `$ref` followed). */
  definition: Record<string, unknown>;
  /** JSON pointer of the parameter object in the document (the `$ref` target when it is one). */
  pointer: string;
}

export interface SpecOperation {
  /** The operation's `operationId`; when the document has none, APIM's name for it (`get-items-id`). */
  operationId: string;
  /** Whether `operationId` was written in the document. */
  named: boolean;
  /** Upper case. */
  method: string;
  /** The path key as written (`/items/{id}`), with `?q={q}` for required query parameters (as APIM imports them). */
  urlTemplate: string;
  /** Path-level and operation-level parameters (an operation's parameter overrides the path's of the same name and place). */
  parameters: SpecParameter[];
  /** JSON pointer of the operation object, e.g. `/paths/~1items~1{id}/get`. */
  pointer: string;
}

export interface LoadedSpecification {
  /** Absolute path. */
  file: string;
  /** "2.0", or the `openapi` field (e.g. "3.0.1", "3.1.0"). */
  version: string;
  /** The parsed document, plain JSON values. */
  document: Record<string, unknown>;
  operations: SpecOperation[];
  /** 1-based line and column (and 0-based offset) of the value a JSON pointer names; of its nearest existing parent when it is not there. */
  locate(pointer: string): SourcePosition;
}


/** A specification that cannot be used; `diagnostic` says where (file, line, column) and why. */
export class SpecificationError extends DiagnosticError {}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** Larger documents are refused (a YAML alias bomb is capped by `yaml` itself). */
export const MAX_SPECIFICATION_BYTES = 32 * 1024 * 1024;

/** Reads and checks an OpenAPI document; throws SpecificationError. */
export function loadSpecification(file: string): LoadedSpecification {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new SpecificationError(diag(Codes.SpecificationUnreadable, path, 1, 1, `Cannot read the API specification (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`));
  }
  return parseSpecification(text, path);
}

/** As `loadSpecification`, from text already read (`file` names it in diagnostics). */
export function parseSpecification(text: string, file: string): LoadedSpecification {
  if (text.length > MAX_SPECIFICATION_BYTES) throw new SpecificationError(diag(Codes.SpecificationSyntax, file, 1, 1, `The specification is larger than ${MAX_SPECIFICATION_BYTES} bytes.`));
  // A .json file is strict JSON; anything else is YAML (of which JSON is nearly a subset).
  let source;
  try {
    source = parseSourceDocument(text, file, /\.json$/i.test(file), Codes.SpecificationSyntax);
  } catch (e) {
    throw e instanceof DiagnosticError ? new SpecificationError(e.diagnostic) : e;
  }
  const raw = source.value;
  const at = source.locate;
  const invalid = (pointer: string, message: string): never => {
    const { line, column } = at(pointer);
    throw new SpecificationError(diag(Codes.SpecificationInvalid, file, line, column, message));
  };
  if (!isObject(raw)) return invalid("", "An API specification must be an OpenAPI 2.0 or 3.x document (an object with `swagger: \"2.0\"` or `openapi: 3.x`).");
  const version = typeof raw.swagger === "string" || typeof raw.swagger === "number" ? String(raw.swagger) : typeof raw.openapi === "string" ? raw.openapi : null;
  if (version === null) return invalid("", "Not an OpenAPI document: it has neither `swagger: \"2.0\"` nor `openapi: 3.x` at the top.");
  if (raw.swagger !== undefined && version !== "2.0") return invalid("/swagger", `Swagger ${version} is not supported; OpenAPI 2.0 (\`swagger: "2.0"\`) and 3.x are.`);
  if (raw.openapi !== undefined && !/^3\.\d+(\.\d+)?(-.+)?$/.test(version)) return invalid("/openapi", `OpenAPI ${version} is not supported; 2.0 and 3.x are.`);
  const paths = raw.paths ?? {};
  if (!isObject(paths)) return invalid("/paths", "`paths` must be an object of path → path item.");
  const operations: SpecOperation[] = [];
  const ids = new Map<string, string>();
  for (const [key, item] of Object.entries(paths)) {
    const itemPointer = `/paths/${escapePointer(key)}`;
    if (key.startsWith("x-")) continue;
    if (!key.startsWith("/")) invalid(itemPointer, `The path '${key}' must start with '/'.`);
    const pathItem = follow(raw, item);
    if (!isObject(pathItem)) return invalid(itemPointer, `The path item of '${key}' must be an object.`);
    const shared = parameterList(raw, pathItem.parameters, `${itemPointer}/parameters`, invalid);
    for (const m of METHODS) {
      const op = pathItem[m];
      if (op === undefined) continue;
      const pointer = `${itemPointer}/${m}`;
      if (!isObject(op)) return invalid(pointer, `The ${m.toUpperCase()} operation of '${key}' must be an object.`);
      const own = parameterList(raw, op.parameters, `${pointer}/parameters`, invalid);
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const named = typeof op.operationId === "string" && op.operationId.trim() !== "";
      if (op.operationId !== undefined && !named) invalid(`${pointer}/operationId`, "`operationId` must be a non-empty string.");
      const operationId = named ? (op.operationId as string) : defaultOperationName(m, key);
      const twin = ids.get(operationId.toLowerCase());
      if (twin !== undefined) {
        const { line, column } = at(`${pointer}${named ? "/operationId" : ""}`);
        throw new SpecificationError(diag(Codes.SpecificationDuplicateOperation, file, line, column, `The operationId '${operationId}' is also the one of ${twin}; each operation needs its own (operation policies are matched by it).`));
      }
      ids.set(operationId.toLowerCase(), `${m.toUpperCase()} ${key}`);
      operations.push({ operationId, named, method: m.toUpperCase(), urlTemplate: urlTemplateOf(key, parameters, raw), parameters, pointer });
    }
  }
  return { file, version, document: raw, operations, locate: at };
}

/**
 * APIM's URL template for an imported operation: the path, and each required query parameter as a
 * query template parameter (`/search?q={q}`), which a request must then carry to match. [infer]
 * APIM's import docs: "required query parameters are added as template parameters".
 */
function urlTemplateOf(path: string, parameters: SpecParameter[], root: Record<string, unknown>): string {
  if (path.includes("?")) return path;
  const query = parameters.filter((p) => p.in === "query" && p.required && !spreadOverNames(root, p.definition));
  return query.length ? `${path}?${query.map((p) => `${p.name}={${p.name}}`).join("&")}` : path;
}

/**
 * An object query parameter whose name never appears in the query: `style: deepObject`
 * (`color[R]=100`), or an exploded `form` object (`R=100&G=200`). It cannot be a template parameter.
 */
function spreadOverNames(root: Record<string, unknown>, def: Record<string, unknown>): boolean {
  if (def.style === "deepObject") return true;
  const schema = follow(root, def.schema);
  const form = def.style === undefined || def.style === "form";
  return form && def.explode !== false && isObject(schema) && (schema.type === "object" || (schema.type === undefined && isObject(schema.properties)));
}

/** `get` `/items/{id}` → `get-items-id`: a name for an operation without operationId. */
export function defaultOperationName(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  return [method.toLowerCase(), ...words].join("-");
}

function parameterList(root: Record<string, unknown>, list: unknown, pointer: string, invalid: (p: string, m: string) => never): SpecParameter[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return invalid(pointer, "`parameters` must be an array.");
  return list.map((p, i) => {
    const at = `${pointer}/${i}`;
    const ref = isObject(p) && typeof p.$ref === "string" ? p.$ref : null;
    const def = follow(root, p);
    const defAt = ref && ref.startsWith("#") ? ref.slice(1) : at;
    if (!isObject(def)) return invalid(ref ? `${at}/$ref` : at, ref ? `The parameter reference '${ref}' does not name a parameter in this document.` : "A parameter must be an object.");
    if (typeof def.name !== "string" || def.name === "") return invalid(defAt, "A parameter needs a `name`.");
    if (typeof def.in !== "string" || !["path", "query", "header", "cookie", "body", "formData"].includes(def.in)) return invalid(defAt, `The parameter '${def.name}' needs \`in\`: path, query, header or cookie (2.0: also body or formData).`);
    return { name: def.name, in: def.in, required: def.in === "path" || def.required === true, definition: def, pointer: defAt };
  });
}

/** A local `$ref` (`#/components/...`) followed (a chain of them too); anything else as it is. */
function follow(root: Record<string, unknown>, value: unknown): unknown {
  for (let hops = 0; isObject(value) && typeof value.$ref === "string" && hops < 32; hops++) {
    const ref = value.$ref;
    if (!ref.startsWith("#")) return value;
    const target = resolvePointer(root, ref.slice(1));
    if (target === undefined) return undefined;
    value = target;
  }
  return value;
}

/** The value a JSON pointer (RFC 6901, without `#`) names in `root`; undefined when there is none. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  if (!pointer.startsWith("/")) return undefined;
  let v: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = decodePointerSegment(raw);
    if (Array.isArray(v)) v = /^(0|[1-9]\d*)$/.test(key) ? v[Number(key)] : undefined;
    else if (isObject(v)) v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
    else return undefined;
    if (v === undefined) return undefined;
  }
  return v;
}



function diag(code: string, file: string, line: number, column: number, message: string): Diagnostic {
  return diagnosticAt(code, file, { line, column }, message);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

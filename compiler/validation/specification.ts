// The API's specification as the validation policies see it while compiling: the operation's
// contract read once a compile, and the diagnostics a policy gives when there is none.
import { Codes } from "../diagnostics.js";
import type { EmitContext, ParseContext, SpecificationState } from "../policies/types.js";
import type { XElement, XValue } from "../xml/parse.js";
import { js, type Code } from "../codegen/code.js";
import { operationContract, SpecificationError, type JsonSchema, type OperationContract, type SpecificationSource } from "./openapi.js";
import type { ParameterRule } from "../../runtime/validation/parameters.js";
import { compileSchema, type SchemaData } from "../../runtime/validation/schema.js";

/** The module's operation read from the compiler's `apiSpecification` option, once a compile. */
export function readSpecification(spec: SpecificationSource): SpecificationState {
  const file = spec.file;
  if (!spec.operation)
    return { file, contract: null, problem: "the module's operation is not one of the specification's operations (the configuration lists an operation the specification does not define)." };
  try {
    return { file, contract: operationContract({ document: spec.document, file, operation: { pointer: spec.operation.pointer } }), problem: null };
  } catch (e) {
    if (e instanceof SpecificationError) {
      let at = "";
      if (e.pointer) {
        try {
          const p = spec.locate(e.pointer);
          at = ` (${file}:${p.line}:${p.column}, ${e.pointer})`;
        } catch {
          at = ` (at ${e.pointer})`;
        }
      }
      return { file, contract: null, problem: `${e.message}${at}` };
    }
    return { file, contract: null, problem: `It could not be read: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** The operation's contract for a validation policy; null (with an error on the element) when there is none. */
export function contractFor(pc: ParseContext, el: XElement): OperationContract | null {
  const s = pc.state.specification;
  if (!s) {
    pc.diags.error(
      Codes.NoApiSpecification,
      el.offset,
      `<${el.name}> validates against the API's specification, and this policy is compiled without one: give the API a specification (an APIOps folder's specification file, gateway.json's "specification", or the 'specification' compile option).`,
    );
    return null;
  }
  if (!s.contract) {
    pc.diags.error(Codes.SpecificationProblem, el.offset, `<${el.name}>: the API specification ${s.file} cannot be used: ${s.problem}`);
    return null;
  }
  return s.contract;
}

/** Compiles a schema now, so a schema ajv rejects (a bad pattern, a bad $ref) is a build error, not a request error. */
export function checkSchema(pc: ParseContext, el: XElement, data: SchemaData, what: string): boolean {
  try {
    compileSchema(data);
    return true;
  } catch (e) {
    const file = pc.state.specification?.file ?? "the API specification";
    pc.diags.error(Codes.SpecificationProblem, el.offset, `<${el.name}>: the schema of ${what} in ${file} cannot be compiled: ${(e as Error).message}`);
    return false;
  }
}

/** Only the named schemas `schema` reaches (the module carries no more of the specification than it uses). */
export function reachable(schema: unknown, definitions: Readonly<Record<string, unknown>>): Record<string, never> {
  const out: Record<string, unknown> = {};
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v !== "object" || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string" && x.startsWith("#/definitions/")) {
        const name = x.slice("#/definitions/".length).replace(/~1/g, "/").replace(/~0/g, "~");
        if (!(name in out) && name in definitions) {
          out[name] = definitions[name];
          visit(definitions[name]);
        }
      } else visit(x);
    }
  };
  visit(schema);
  return out as Record<string, never>;
}

/** The actions of the validation policies' attributes. */
export const ACTION = { enum: ["ignore", "prevent", "detect"] } as const;

/** `errors-variable-name` (no expressions): the name, or null. */
export function errorsVariableOf(pc: ParseContext, v: XValue | undefined): string | null {
  const name = v?.kind === "literal" && v.text.trim() !== "" ? v.text.trim() : null;
  if (v && !name) pc.diags.error(Codes.InvalidLiteral, v.offset, "'errors-variable-name' cannot be empty.");
  return name;
}

/** An action attribute as code: the literal, or the expression's string. */
export function actionCode(v: XValue, ec: EmitContext): Code {
  return v.kind === "literal" ? js`${v.text.trim()}` : ec.value(v, "string");
}

/** A schema with only the named schemas it reaches: what a module carries for one check. */
export function schemaData(schema: JsonSchema, definitions: Readonly<Record<string, JsonSchema>>): SchemaData {
  return { schema, definitions: reachable(schema, definitions) };
}

/** The schema's type (following $refs; the first non-null of a list), for reading parameter text. */
export function schemaType(schema: unknown, definitions: Readonly<Record<string, JsonSchema>>, depth = 0): string | null {
  if (typeof schema !== "object" || schema === null || depth > 20) return null;
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string" && s.$ref.startsWith("#/definitions/")) return schemaType(definitions[s.$ref.slice(14).replace(/~1/g, "/").replace(/~0/g, "~")], definitions, depth + 1);
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type)) return (s.type.find((t) => t !== "null") as string | undefined) ?? null;
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[k])) for (const x of s[k] as unknown[]) {
    const t = schemaType(x, definitions, depth + 1);
    if (t) return t;
  }
  return null;
}

/** A parameter or header of the specification as the runtime's rule. */
export function parameterRule(p: { in: "path" | "query" | "header"; name: string; schema: JsonSchema; style: string; explode: boolean }, definitions: Readonly<Record<string, JsonSchema>>): ParameterRule {
  const type = schemaType(p.schema, definitions);
  const items = typeof p.schema === "object" ? (p.schema as Record<string, unknown>).items : undefined;
  const rule: ParameterRule = { in: p.in, name: p.name, type, itemType: type === "array" ? schemaType(items, definitions) : null, style: p.style, explode: p.explode, data: schemaData(p.schema, definitions) };
  if (type === "object") Object.assign(rule, objectShape(p.schema, definitions));
  return rule;
}

/** An object schema's declared properties with their types, and whether it allows others ($refs and allOf followed). */
export function objectShape(schema: unknown, definitions: Readonly<Record<string, JsonSchema>>): { properties: Record<string, string | null>; additional: boolean } {
  const properties: Record<string, string | null> = {};
  let additional = true;
  const visit = (x: unknown, depth: number) => {
    if (typeof x !== "object" || x === null || depth > 20) return;
    const s = x as Record<string, unknown>;
    if (typeof s.$ref === "string" && s.$ref.startsWith("#/definitions/")) return visit(definitions[s.$ref.slice(14).replace(/~1/g, "/").replace(/~0/g, "~")], depth + 1);
    if (typeof s.properties === "object" && s.properties !== null) for (const [k, v] of Object.entries(s.properties)) properties[k] ??= schemaType(v, definitions);
    if (s.additionalProperties === false) additional = false;
    if (Array.isArray(s.allOf)) for (const y of s.allOf) visit(y, depth + 1);
  };
  visit(schema, 0);
  return { properties, additional };
}

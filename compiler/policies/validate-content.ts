// validate-content: the body's size and JSON content against the operation's schemas in the API
// specification (runtime/validation/content.ts). The schemas the policy can reach are read at
// build time, checked by compiling them with ajv (a schema ajv rejects is a build error), and
// emitted as data; allow-additional-properties rewrites them here.
import { js, rt, dataLiteral, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { EmitContext, PolicyDef, PolicyNode } from "./types.js";
import { ACTION, actionCode, checkSchema, contractFor, errorsVariableOf, schemaData } from "../validation/specification.js";
import type { BodySchema, JsonSchema } from "../validation/openapi.js";
import type { ContentSchemas, RuleSchema } from "../../runtime/validation/content.js";
import { ruleSchema } from "../validation/content-schemas.js";

/** 100 KB: the reference page's maximum for max-size. */
export const MAX_CONTENT_SIZE = 102_400;

interface ContentNodeRule {
  type: string;
  action: string;
  validateAs: string;
  allowAdditional: boolean | null;
  /** The rule's own schema (schema-id, XML schemas); absent: the specification's JSON schema of its type. */
  schema?: RuleSchema;
}

export interface ValidateContentNode extends PolicyNode {
  unspecified: XValue;
  sizeExceeded: XValue;
  maxSize: number;
  errorsVariable: string | null;
  anyContentType: string | null;
  missingContentType: string | null;
  typeMap: [string, string][];
  when: { when: XValue; to: string }[];
  rules: ContentNodeRule[];
  schemas: ContentSchemas | Record<string, ContentSchemas>;
  request: boolean;
}

const literal = (v: XValue | undefined): string | null => (v?.kind === "literal" ? v.text.trim() : null);

export const validateContent: PolicyDef<ValidateContentNode> = {
  name: "validate-content",
  sections: ["inbound", "outbound", "on-error"],
  attributes: {
    "unspecified-content-type-action": { required: true, type: ACTION },
    "max-size": { required: true, expr: false, type: "int" },
    "size-exceeded-action": { required: true, type: ACTION },
    "errors-variable-name": { expr: false },
  },
  readsBody: () => true,
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    let anyContentType: string | null = null;
    let missingContentType: string | null = null;
    const typeMap = new Map<string, string>();
    const when: { when: XValue; to: string }[] = [];
    const rules: (ContentNodeRule | null)[] = [];
    for (const c of pc.elements(el)) {
      if (c.name === "content-type-map") {
        const m = pc.attrs(c, { "any-content-type-value": { expr: false }, "missing-content-type-value": { expr: false } });
        anyContentType = literal(m["any-content-type-value"]);
        missingContentType = literal(m["missing-content-type-value"]);
        for (const t of pc.elements(c)) {
          if (t.name !== "type") {
            pc.diags.error(Codes.UnexpectedChild, t.offset, `<content-type-map> takes <type> children, not <${t.name}>.`);
            continue;
          }
          const ta = pc.attrs(t, { from: { expr: false }, when: {}, to: { required: true, expr: false } });
          const to = literal(ta.to);
          if (!to) continue;
          if (ta.from && ta.when) pc.diags.error(Codes.InvalidLiteral, t.offset, "<type> takes 'from' or 'when', not both.");
          else if (ta.from) typeMap.set(literal(ta.from)!.toLowerCase().split(";")[0]!.trim(), to);
          else if (ta.when) when.push({ when: ta.when, to });
          else pc.diags.error(Codes.MissingAttribute, t.offset, "<type> needs 'from' (a content type) or 'when' (a policy expression).");
        }
      } else if (c.name === "content") {
        rules.push(parseContent(c, pc));
      } else pc.diags.error(Codes.UnexpectedChild, c.offset, `<validate-content> takes <content-type-map> and <content> children, not <${c.name}>.`);
    }
    const max = a["max-size"];
    const maxSize = max?.kind === "literal" ? Number(max.text.trim()) : NaN;
    if (max && Number.isInteger(maxSize) && (maxSize < 0 || maxSize > MAX_CONTENT_SIZE))
      pc.diags.error(Codes.InvalidLiteral, max.offset, `'max-size' is ${maxSize}; the reference page allows 0 to ${MAX_CONTENT_SIZE} bytes (100 KB).`);
    const errorsVariable = errorsVariableOf(pc, a["errors-variable-name"]);
    // Rules with their own schemas (schema-id, XML) do not need the specification; the others do.
    const own = rules.length > 0 && rules.every((r) => r === null || r.schema !== undefined);
    if (rules.includes(null)) return null;
    const contract = own ? (pc.state.specification?.contract ?? null) : contractFor(pc, el);
    const unspecified = a["unspecified-content-type-action"];
    const sizeExceeded = a["size-exceeded-action"];
    if ((!contract && !own) || rules.includes(null) || !unspecified || !sizeExceeded || !Number.isInteger(maxSize)) return null;
    const request = pc.section === "inbound";
    for (const r of rules as ContentNodeRule[]) if (r.schema?.kind === "json" && (r.allowAdditional === true || r.allowAdditional === false)) r.schema = { ...r.schema, data: { schema: withAdditional(r.schema.data.schema, r.allowAdditional), definitions: {} } };
    const convert = (m: Record<string, BodySchema | null>, where: string): ContentSchemas => {
      const out: ContentSchemas = {};
      for (const [ct, b] of Object.entries(m)) {
        if (!b) {
          out[ct] = null;
          continue;
        }
        // A <content> element decides allow-additional-properties for its type (or for all, when it has none).
        const rule = rules.find((r) => r?.type === ct) ?? rules.find((r) => r?.type === "");
        const schema = rule?.allowAdditional === true || rule?.allowAdditional === false ? withAdditional(b.schema, rule.allowAdditional) : b.schema;
        const defs = rule?.allowAdditional === true || rule?.allowAdditional === false ? mapValues(contract!.definitions, (d) => withAdditional(d, rule.allowAdditional!)) : contract!.definitions;
        const data = schemaData(schema, defs);
        out[ct] = checkSchema(pc, el, data, `${where} (${ct})`) ? { definition: b.definition, data } : null;
      }
      return out;
    };
    const schemas = !contract ? {} : request ? convert(contract.requestContent, "the request body") : Object.fromEntries(Object.entries(contract.responses).map(([code, r]) => [code, convert(r.content, `the ${code} response body`)]));
    return { ...base, unspecified, sizeExceeded, maxSize, errorsVariable, anyContentType, missingContentType, typeMap: [...typeMap], when, rules: rules as ContentNodeRule[], schemas, request };
  },
  emit(node, ec) {
    const config = ec.scope.constant(
      js`{ request: ${node.request}, maxSize: ${node.maxSize}, errorsVariable: ${node.errorsVariable}, anyContentType: ${node.anyContentType}, missingContentType: ${node.missingContentType}, typeMap: new Map(${dataLiteral(node.typeMap)}), rules: ${dataLiteral(node.rules.map((r) => ({ type: r.type, action: r.action, validateAs: r.validateAs, ...(r.schema ? { schema: r.schema } : {}) })))}, schemas: ${dataLiteral(node.schemas)} }`,
      "contentRules",
    );
    return js`${rt("validateContent")}(ctx, ${config}, ${actionCode(node.unspecified, ec)}, ${actionCode(node.sizeExceeded, ec)}, ${whenMapper(node, ec)});`;
  },
};

/** The <type when="@(...)" to="..."> mappings as one function, tried in order. */
function whenMapper(node: ValidateContentNode, ec: EmitContext): Code {
  if (node.when.length === 0) return js`null`;
  let chain: Code = js`null`;
  for (const w of [...node.when].reverse()) chain = js`(${ec.value(w.when, "bool")} ? ${w.to} : ${chain})`;
  return js`() => ${chain}`;
}

function parseContent(c: XElement, pc: Parameters<PolicyDef["parse"]>[1]): ContentNodeRule | null {
  const ca = pc.attrs(c, {
    type: { expr: false },
    "validate-as": { required: true, expr: false, type: { enum: ["json", "xml", "soap"] } },
    "schema-id": { expr: false },
    "schema-ref": { expr: false },
    action: { required: true, expr: false, type: ACTION },
    "allow-additional-properties": { expr: false, type: "bool" },
    "case-insensitive-property-names": { expr: false, type: "bool" },
  });
  pc.elements(c).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<content> takes no child elements."));
  const validateAs = literal(ca["validate-as"]);
  if (ca["case-insensitive-property-names"]) pc.diags.error(Codes.NotImplemented, ca["case-insensitive-property-names"].offset, "'case-insensitive-property-names' is not implemented in apimc: JSON property names are matched as the schema writes them.");
  const action = literal(ca.action);
  if (!validateAs || !action) return null;
  if (validateAs !== "json" && ca["allow-additional-properties"]) pc.diags.warning(Codes.InvalidLiteral, ca["allow-additional-properties"].offset, "'allow-additional-properties' applies to JSON schemas; an XML schema's content models decide what an element may contain.");
  const type = (literal(ca.type) ?? "").toLowerCase().split(";")[0]!.trim();
  const schema = ruleSchema(pc, { el: c, validateAs, type, schemaId: ca["schema-id"], schemaRef: ca["schema-ref"] });
  if (schema === undefined) return null;
  const allow = literal(ca["allow-additional-properties"]);
  return { type, action, validateAs, allowAdditional: allow === null ? null : allow.toLowerCase() === "true", ...(schema ? { schema } : {}) };
}

function mapValues<T, U>(o: Readonly<Record<string, T>>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** allow-additional-properties: every object schema allows (true) or forbids (false) properties it does not list. */
export function withAdditional(schema: JsonSchema, allow: boolean): JsonSchema {
  if (typeof schema !== "object" || schema === null) return schema;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === "enum" || k === "const" || k === "default" || k === "required" ? x : k === "properties" || k === "patternProperties" || k === "definitions" ? mapValues(x as Record<string, unknown>, walk) : walk(x);
    const isObjectSchema = out.type === "object" || (Array.isArray(out.type) && out.type.includes("object")) || out.properties !== undefined;
    if (isObjectSchema) out.additionalProperties = allow ? true : false;
    return out;
  };
  return walk(schema) as JsonSchema;
}

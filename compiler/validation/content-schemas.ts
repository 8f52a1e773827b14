// The schemas a validate-content <content> element names besides the API specification's JSON
// schemas: a schema registered in the configuration (`schema-id`: gateway.json `schemas`, an APIOps
// folder's schemas), with `schema-ref` selecting a definition (JSON: a JSON pointer) or a global
// element (XML); and for validate-as="xml"/"soap" without schema-id, the API's own XML schemas
// (its WSDL's <types>, or XSD files). XML schemas are compiled (xsd-compile.ts) once per schema
// object, and the tables go into the module as data.
import { Codes, DiagnosticBag, LineMap } from "../diagnostics.js";
import type { ParseContext } from "../policies/types.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { RuleSchema } from "../../runtime/validation/content.js";
import { compileXsd, type XsdCompileResult } from "./xsd-compile.js";
import type { ConfiguredSchema } from "./configured-schema.js";
import { checkSchema } from "./specification.js";
import type { JsonSchema } from "./openapi.js";

const compiled = new WeakMap<ConfiguredSchema, XsdCompileResult>();

/** The compiled tables of an XML schema (null with diagnostics in the module's output when it does not compile). */
function xsdOf(pc: ParseContext, schema: ConfiguredSchema): XsdCompileResult {
  let r = compiled.get(schema);
  if (!r) {
    r = schema.unreadable
      ? { tables: null, diagnostics: [{ code: Codes.XmlSchemaInvalid, severity: "error", message: `The schema cannot be read: ${schema.unreadable}`, file: schema.file, line: 1, column: 1, offset: 0 }] }
      : compileXsd(schema.sources ?? [], schema.resolve ?? (() => "no resolver is configured for includes and imports"));
    compiled.set(schema, r);
  }
  if (r.diagnostics.length) {
    // The schema's own file carries its diagnostics (file, line, column of the construct).
    const bag = new DiagnosticBag(schema.file, new LineMap(""));
    for (const d of r.diagnostics) {
      bag.items.push(d);
      if (d.severity === "error") bag.errorCount++;
    }
    pc.state.allDiagnostics?.push(bag);
  }
  return r;
}

export interface ContentSchemaRequest {
  el: XElement;
  validateAs: string;
  type: string;
  schemaId: XValue | undefined;
  schemaRef: XValue | undefined;
}

/**
 * The schema a <content> element validates against when it is not the specification's JSON
 * schema of its content type: null when it is (validate-as="json" without schema-id), undefined
 * (with an error) when it cannot be had.
 */
export function ruleSchema(pc: ParseContext, req: ContentSchemaRequest): RuleSchema | null | undefined {
  const id = req.schemaId?.kind === "literal" ? req.schemaId.text.trim() : null;
  const ref = req.schemaRef?.kind === "literal" ? req.schemaRef.text.trim() : null;
  const registered = pc.state.schemas ?? {};
  if (req.validateAs === "json") {
    if (id === null) {
      if (req.schemaRef) pc.diags.error(Codes.InvalidLiteral, req.schemaRef.offset, "'schema-ref' selects a definition in the schema named by 'schema-id'; give 'schema-id' too.");
      return null;
    }
    const s = registered[id];
    if (!s) return unknown(pc, req.schemaId!, id, registered);
    if (s.kind !== "json") {
      pc.diags.error(Codes.InvalidLiteral, req.schemaId!.offset, `The schema '${id}' (${s.file}) is an XML Schema; validate-as="json" needs a JSON schema (use validate-as="xml" or "soap").`);
      return undefined;
    }
    if (s.unreadable) {
      pc.diags.error(Codes.UnknownSchema, req.schemaId!.offset, `The schema '${id}' (${s.file}) cannot be read: ${s.unreadable}`);
      return undefined;
    }
    const doc = (typeof s.document === "object" && s.document !== null ? { ...(s.document as Record<string, unknown>) } : {}) as Record<string, unknown>;
    delete doc.$schema;
    delete doc.$id;
    if (ref !== null) {
      if (!ref.startsWith("#/") || resolvePointer(doc, ref.slice(1)) === undefined) {
        pc.diags.error(Codes.UnknownSchema, req.schemaRef!.offset, `'schema-ref' '${ref}' is not a local reference ('#/…') to a part of the schema '${id}' (${s.file}).`);
        return undefined;
      }
    }
    const schema: JsonSchema = ref !== null ? { ...doc, $ref: ref } : doc;
    const data = { schema, definitions: {} };
    if (!checkSchema(pc, req.el, data, `the schema '${id}'`)) return undefined;
    return { kind: "json", definition: ref !== null ? ref.slice(ref.lastIndexOf("/") + 1) : id, data };
  }
  // validate-as="xml" | "soap"
  let s: ConfiguredSchema | undefined;
  if (id !== null) {
    s = registered[id];
    if (!s) return unknown(pc, req.schemaId!, id, registered);
    if (s.kind !== "xsd") {
      pc.diags.error(Codes.InvalidLiteral, req.schemaId!.offset, `The schema '${id}' (${s.file}) is a JSON schema; validate-as="${req.validateAs}" needs an XML Schema.`);
      return undefined;
    }
  } else {
    s = pc.state.apiXmlSchemas;
    if (!s) {
      pc.diags.error(
        Codes.NoApiSpecification,
        req.el.offset,
        `<content validate-as="${req.validateAs}"> validates against the API's XML schemas, and this API has none: give the API a WSDL or XSD files (gateway.json "xmlSchemas", an APIOps specification.wsdl), or name a registered schema with 'schema-id'.`,
      );
      return undefined;
    }
  }
  const r = xsdOf(pc, s);
  if (!r.tables) {
    pc.diags.error(Codes.SpecificationProblem, req.el.offset, `<content validate-as="${req.validateAs}">: the XML schema ${id !== null ? `'${id}' ` : ""}(${s.file}) does not compile (see its diagnostics).`);
    return undefined;
  }
  let roots: string[] | null = null;
  if (ref !== null) {
    // An element of the schema: "name", "{namespace}name" or "namespace:name".
    const all = Object.keys(r.tables.roots);
    const m = /^\{([^}]*)\}(.+)$/.exec(ref);
    const hit = m ? all.filter((k) => k === ref) : all.filter((k) => k.endsWith(`}${ref}`) || `${k.slice(1, k.indexOf("}"))}:${k.slice(k.indexOf("}") + 1)}` === ref);
    if (hit.length !== 1) {
      pc.diags.error(Codes.UnknownSchema, req.schemaRef!.offset, `'schema-ref' '${ref}' ${hit.length ? "names more than one" : "names no"} global element of the XML schema (${s.file}); it has: ${all.map((k) => k.replace(/^\{\}/, "")).join(", ") || "none"}.`);
      return undefined;
    }
    roots = hit;
  }
  const soap = req.validateAs === "soap" ? (req.type === "text/xml" ? "1.1" : req.type === "application/soap+xml" ? "1.2" : (s.soapVersion ?? "any")) : null;
  return { kind: "xml", definition: id ?? (roots ? ref! : "the API's XML schema"), tables: r.tables, soap, roots };
}

function unknown(pc: ParseContext, v: XValue, id: string, registered: Readonly<Record<string, ConfiguredSchema>>): undefined {
  const names = Object.keys(registered);
  pc.diags.error(Codes.UnknownSchema, v.offset, `'schema-id' '${id}' names no schema of the configuration (${names.length ? `it has: ${names.join(", ")}` : 'gateway.json "schemas" and the APIOps folder\'s schemas/ define none'}).`);
  return undefined;
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const seg of pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

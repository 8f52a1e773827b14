// The schemas a configuration registers for validate-content (`schema-id`) and the API's own XML
// schemas (`validate-as="xml"`/`"soap"` without schema-id), read from files into what the compiler
// takes (compiler/validation/configured-schema.ts):
// - gateway.json `schemas`: id → file (`.json`: a JSON Schema; anything else: an XML Schema, or a
//   WSDL whose <types> hold schemas), and an API's `xmlSchemas`: a WSDL or XSD file, or several;
// - an APIOps folder: global schemas `schemas/<id>/schemaInformation.json` (APIM's schema resource:
//   `properties.schemaType` "xml"/"json", the schema in `properties.value` or `properties.document`),
//   an API's `apis/<api>/schemas/<id>/apiSchemaInformation.json` (the API schema resource the
//   extractor writes: `properties.contentType`, `properties.document.value` for XSD, or
//   `document.definitions`/`document.components` for JSON), and `specification.wsdl`.
// xs:include/xs:import schemaLocation is resolved relative to the including file, and
// `/schemas/<id>` (APIM's way of referring to a registered schema) to that schema.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ConfiguredSchema } from "../compiler/validation/configured-schema.js";
import type { XsdResolver, XsdSource } from "../compiler/validation/xsd-compile.js";

const SOAP11_BINDING = "http://schemas.xmlsoap.org/wsdl/soap/";
const SOAP12_BINDING = "http://schemas.xmlsoap.org/wsdl/soap12/";

/** Schema files read for one configuration load (listed as the modules' sources). */
export class SchemaFiles {
  readonly files = new Set<string>();
  /** Registered schemas by id (for `/schemas/<id>` locations). */
  registered: Record<string, ConfiguredSchema> = {};

  read(file: string): XsdSource | string {
    try {
      const text = readFileSync(file, "utf8");
      this.files.add(file);
      return { file, text };
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }

  /** Finds an included or imported schema: `/schemas/<id>`, or a file relative to the including one. */
  readonly resolve: XsdResolver = (location, from) => {
    const m = /^\/?schemas\/([^/?#]+)$/.exec(location);
    if (m) {
      const s = this.registered[decodeURIComponent(m[1]!)];
      if (s?.kind === "xsd" && s.sources?.length) return s.sources[0]!;
      if (s) return `the schema '${m[1]}' is not an XML Schema`;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !location.startsWith("file:")) return `'${location}' is a URL; apimc reads schemas from files only (save it beside the including schema)`;
    return this.read(resolve(dirname(from), location.replace(/^file:\/\//, "")));
  };

  /** A schema from a file: `.json` is a JSON Schema, anything else XML (XSD or WSDL). */
  fromFile(file: string): ConfiguredSchema {
    if (/\.json$/i.test(file)) {
      const r = this.read(file);
      if (typeof r === "string") return { kind: "json", file, unreadable: r };
      try {
        return { kind: "json", file, document: JSON.parse(r.text) };
      } catch (e) {
        return { kind: "json", file, unreadable: `not valid JSON: ${(e as Error).message}` };
      }
    }
    return this.fromXml([file]);
  }

  /** XML Schema files (XSDs or a WSDL) as one schema set. */
  fromXml(files: readonly string[]): ConfiguredSchema {
    const sources: XsdSource[] = [];
    for (const f of files) {
      const r = this.read(f);
      if (typeof r === "string") return { kind: "xsd", file: f, unreadable: r };
      sources.push(r);
    }
    const soapVersion = sources.map((s) => wsdlSoapVersion(s.text)).find((v) => v !== undefined);
    return { kind: "xsd", file: files[0] ?? "schema", sources, resolve: this.resolve, ...(soapVersion ? { soapVersion } : {}) };
  }

  /** A schema given as text (an APIOps information file's), named by the file it came from. */
  fromText(file: string, kind: "xsd" | "json", text: string | unknown): ConfiguredSchema {
    if (kind === "json") return { kind, file, document: text };
    return { kind, file, sources: [{ file, text: String(text) }], resolve: this.resolve };
  }
}

/** The SOAP version of a WSDL's bindings (1.1: wsdl/soap, 1.2: wsdl/soap12); undefined when it names neither. */
export function wsdlSoapVersion(text: string): "1.1" | "1.2" | undefined {
  if (!/<(?:[\w.-]+:)?definitions[\s>]/.test(text)) return undefined;
  const has12 = text.includes(SOAP12_BINDING);
  const has11 = text.includes(SOAP11_BINDING);
  return has11 && !has12 ? "1.1" : has12 && !has11 ? "1.2" : undefined;
}

/** An APIOps folder's global schemas (`schemas/<id>/schemaInformation.json`). */
export function readApiopsSchemas(root: string, files: SchemaFiles, problem: (file: string, message: string) => void): Record<string, ConfiguredSchema> {
  const out: Record<string, ConfiguredSchema> = {};
  const dir = join(root, "schemas");
  if (!isDir(dir)) return out;
  for (const id of readdirSync(dir).sort()) {
    const info = join(dir, id, "schemaInformation.json");
    if (!existsSync(info)) continue;
    const s = schemaFromInformation(info, files, problem, "global");
    if (s) out[id] = s;
  }
  return out;
}

/** An APIOps API's schemas (`apis/<api>/schemas/<id>/apiSchemaInformation.json`). */
export function readApiopsApiSchemas(apiDir: string, files: SchemaFiles, problem: (file: string, message: string) => void): ConfiguredSchema[] {
  const out: ConfiguredSchema[] = [];
  const dir = join(apiDir, "schemas");
  if (!isDir(dir)) return out;
  for (const id of readdirSync(dir).sort()) {
    const info = ["apiSchemaInformation.json", "schemaInformation.json"].map((f) => join(dir, id, f)).find((f) => existsSync(f));
    if (!info) continue;
    const s = schemaFromInformation(info, files, problem, "api");
    if (s) out.push(s);
  }
  return out;
}

function schemaFromInformation(info: string, files: SchemaFiles, problem: (file: string, message: string) => void, scope: "global" | "api"): ConfiguredSchema | null {
  const r = files.read(info);
  if (typeof r === "string") {
    problem(info, `cannot be read (${r})`);
    return null;
  }
  let props: Record<string, unknown>;
  try {
    const doc = JSON.parse(r.text) as { properties?: Record<string, unknown> };
    props = doc.properties ?? {};
  } catch (e) {
    problem(info, `is not valid JSON: ${(e as Error).message}`);
    return null;
  }
  const contentType = String(props.contentType ?? "").toLowerCase();
  const schemaType = String(props.schemaType ?? "").toLowerCase();
  const document = (typeof props.document === "object" && props.document !== null ? props.document : {}) as Record<string, unknown>;
  const value = typeof props.value === "string" ? props.value : typeof document.value === "string" ? document.value : null;
  // A schema file beside the information file (older extractors, hand-written folders).
  const beside = readdirSync(dirname(info)).find((f) => /^schema\.(xsd|xml|json)$/i.test(f));
  const xml = schemaType === "xml" || contentType.includes("xsd") || contentType.includes("xml");
  if (xml) {
    if (value !== null) return files.fromText(info, "xsd", value);
    if (beside) return files.fromXml([join(dirname(info), beside)]);
    problem(info, "is an XML schema without its text (properties.value or properties.document.value)");
    return null;
  }
  if (schemaType === "json" || contentType.includes("json")) {
    if (scope === "api" && (document.definitions || document.components)) return files.fromText(info, "json", document.components ? { components: document.components } : { definitions: document.definitions });
    if (typeof props.document === "object" && props.document !== null) return files.fromText(info, "json", props.document);
    if (value !== null) {
      try {
        return files.fromText(info, "json", JSON.parse(value));
      } catch (e) {
        problem(info, `properties.value is not valid JSON: ${(e as Error).message}`);
        return null;
      }
    }
    if (beside) return files.fromFile(join(dirname(info), beside));
  }
  problem(info, `has a schema of a kind apimc does not validate with (contentType '${contentType || schemaType || "none"}'); it is not registered`);
  return null;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}


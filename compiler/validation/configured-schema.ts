// A schema the configuration gives the compiler (gateway.json `schemas`, an APIOps folder's
// schemas, an API's WSDL or XSD files): what validate-content's schema-id and validate-as="xml"/"soap"
// validate against (content-schemas.ts).
import type { XsdResolver, XsdSource } from "./xsd-compile.js";

/** A schema given to the compiler: XML Schema documents or a JSON Schema document, from a file. */
export interface ConfiguredSchema {
  /** "xsd": XML Schema documents (XSD files, a WSDL's schemas); "json": one JSON Schema document. */
  kind: "xsd" | "json";
  /** The file (for diagnostics and messages). */
  file: string;
  /** xsd: the documents (their includes and imports are found with `resolve`). */
  sources?: XsdSource[];
  resolve?: XsdResolver;
  /** json: the parsed document. */
  document?: unknown;
  /** Why the file could not be read (the schema is then unusable). */
  unreadable?: string;
  /** SOAP version of the API's WSDL binding ("1.1", "1.2"), when the schema is an API's WSDL. */
  soapVersion?: "1.1" | "1.2";
}


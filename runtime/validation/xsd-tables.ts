// The compiled form of an XML Schema set (XSD 1.0), as the compiler emits it into a module: plain
// data (a data literal, never code), every component referenced by its index. The compiler
// (compiler/validation/xsd-compile.ts) resolves names, includes, imports and derivations; the
// runtime (xsd-validate.ts) walks a document against these tables. Names are "{namespace}local".

/** -1: maxOccurs="unbounded". */
export const UNBOUNDED = -1;

export interface XsdWildcard {
  /** "any": ##any; "not": any namespace but these (##other: the target namespace and no namespace); "in": only these ("" = no namespace). */
  mode: "any" | "not" | "in";
  namespaces: string[];
  process: "strict" | "lax" | "skip";
}

export type XsdParticle =
  | { t: "el"; el: number; min: number; max: number }
  | { t: "any"; w: XsdWildcard; min: number; max: number }
  | { t: "seq" | "choice" | "all"; items: XsdParticle[]; min: number; max: number };

export interface XsdElement {
  ns: string;
  name: string;
  /** Index into `types`. */
  type: number;
  nillable: boolean;
  abstract: boolean;
  fixed: string | null;
  default: string | null;
  /** Global elements that may stand in for this one (its substitution group, transitively, without itself). */
  substitutes: number[];
}

export interface XsdAttribute {
  ns: string;
  name: string;
  /** Index of a simple type. */
  type: number;
  required: boolean;
  fixed: string | null;
  default: string | null;
}

export interface XsdFacets {
  whiteSpace: "preserve" | "replace" | "collapse";
  /** Value keys (xsd-datatypes.ts valueKey) of the allowed values; the lexical forms for messages. */
  enumeration?: { keys: string[]; lexical: string[] };
  /** One list per derivation step: a value matches one pattern of every step. RE2 sources. */
  patterns?: string[][];
  /** XSD sources of the patterns, for messages (same shape). */
  patternText?: string[][];
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** Lexical values (compared in the value space). */
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface XsdSimpleType {
  k: "simple";
  /** "{ns}local", or a description of an anonymous type, for messages. */
  name: string;
  variety: "atomic" | "list" | "union";
  /** The built-in type it derives from (atomic), e.g. "int", "string", "dateTime". */
  builtin: string;
  /** list: the item type; union: the member types (indexes into `types`). */
  item?: number;
  members?: number[];
  facets: XsdFacets;
  /** The base type's index (-1: a built-in or anySimpleType). */
  base: number;
}

export interface XsdComplexType {
  k: "complex";
  name: string;
  mixed: boolean;
  /** "empty": no content; "elements": the particle; "simple": text of `simple`. */
  content: "empty" | "elements" | "simple";
  particle: XsdParticle | null;
  /** simpleContent: the simple type of the text. */
  simple: number;
  attributes: XsdAttribute[];
  anyAttribute: XsdWildcard | null;
  abstract: boolean;
  /** The base type (-1: anyType) and how this one derives from it (for xsi:type). */
  base: number;
  derivation: "extension" | "restriction";
}

export type XsdType = XsdSimpleType | XsdComplexType;

export interface XsdTables {
  /** Global element declarations by name. */
  roots: Record<string, number>;
  elements: XsdElement[];
  types: XsdType[];
  /** Named types by name (xsi:type). */
  typeNames: Record<string, number>;
  /** Global attribute declarations by name (anyAttribute processContents strict/lax). */
  attributes: Record<string, XsdAttribute>;
  /** Index of the type anyType (any content, any attributes, laxly). */
  anyType: number;
}

// The XML Schema compiler: a set of schema documents (XSD files, the schemas of a WSDL's <types>,
// with their xs:include and xs:import) becomes the tables of runtime/validation/xsd-tables.ts,
// plain data the module carries. Names are resolved here (target namespaces, elementFormDefault,
// attributeFormDefault, chameleon includes), complex types are flattened (extension appends the
// base's content and attributes, restriction replaces them), attribute groups and model groups are
// expanded, simple types collect their facets (patterns become RE2 sources), substitution groups
// are listed on their heads. What the compiler does not support is a diagnostic (APIMC5041) at the
// file and line of the construct, never a silent acceptance.
import { Codes, LineMap, type Diagnostic } from "../diagnostics.js";
import { XmlReadError } from "../../runtime/xml-reader.js";
import { BUILTINS, UNSUPPORTED_BUILTINS, checkSimple, compilePattern, valueKey } from "../../runtime/validation/xsd-datatypes.js";
import { UNBOUNDED, type XsdAttribute, type XsdComplexType, type XsdElement, type XsdFacets, type XsdParticle, type XsdSimpleType, type XsdTables, type XsdType, type XsdWildcard } from "../../runtime/validation/xsd-tables.js";
import { lookupPrefix, readSchemaDocument, schemaElements, XSD_NS, type SchemaNode } from "./xsd-read.js";
import { xsdRegexToRe2, XsdRegexError } from "./xsd-regex.js";

export interface XsdSource {
  file: string;
  text: string;
}

/** Finds a schema named by xs:include/xs:import schemaLocation, relative to the including file; a string: why it cannot. */
export type XsdResolver = (location: string, fromFile: string) => XsdSource | string;

export interface XsdCompileResult {
  tables: XsdTables | null;
  diagnostics: Diagnostic[];
}

interface Doc {
  file: string;
  lines: LineMap;
  tns: string;
  qualifiedElements: boolean;
  qualifiedAttributes: boolean;
}

interface Global {
  node: SchemaNode;
  doc: Doc;
}

const BUILTIN_PARENT: Record<string, string> = {
  normalizedString: "string", token: "normalizedString", language: "token", NMTOKEN: "token", Name: "token", NCName: "Name", ID: "NCName", IDREF: "NCName",
  integer: "decimal", nonPositiveInteger: "integer", negativeInteger: "nonPositiveInteger", long: "integer", int: "long", short: "int", byte: "short",
  nonNegativeInteger: "integer", unsignedLong: "nonNegativeInteger", unsignedInt: "unsignedLong", unsignedShort: "unsignedInt", unsignedByte: "unsignedShort", positiveInteger: "nonNegativeInteger",
};

const FACETS = new Set(["enumeration", "pattern", "whiteSpace", "length", "minLength", "maxLength", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "totalDigits", "fractionDigits"]);

/** Compiles a schema set; `tables` is null when there are errors. */
export function compileXsd(sources: readonly XsdSource[], resolve: XsdResolver): XsdCompileResult {
  const c = new XsdCompiler(resolve);
  for (const s of sources) c.load(s, null, null);
  return c.finish();
}

class XsdCompiler {
  readonly diags: Diagnostic[] = [];
  private readonly loaded = new Set<string>();
  private readonly elements = new Map<string, Global>();
  private readonly types = new Map<string, Global>();
  private readonly attributes = new Map<string, Global>();
  private readonly groups = new Map<string, Global>();
  private readonly attributeGroups = new Map<string, Global>();
  private readonly tables: XsdTables = { roots: {}, elements: [], types: [], typeNames: {}, attributes: {}, anyType: 0 };
  private readonly typeIndex = new Map<string, number>();
  private readonly filling = new Set<number>();
  private readonly elementIndex = new Map<string, number>();
  private readonly expanding = new Set<SchemaNode>();

  constructor(private readonly resolver: XsdResolver) {
    const anyType: XsdComplexType = { k: "complex", name: `${XSD_NS}:anyType`, mixed: true, content: "elements", particle: { t: "any", w: { mode: "any", namespaces: [], process: "lax" }, min: 0, max: UNBOUNDED }, simple: -1, attributes: [], anyAttribute: { mode: "any", namespaces: [], process: "lax" }, abstract: false, base: -1, derivation: "restriction" };
    this.tables.types.push(anyType);
    this.typeIndex.set(`{${XSD_NS}}anyType`, 0);
    this.tables.typeNames[`{${XSD_NS}}anyType`] = 0;
  }

  error(doc: Doc | null, node: SchemaNode | null, code: string, message: string, file?: string): void {
    const pos = doc && node ? doc.lines.position(node.at + 1) : { line: 1, column: 1 };
    this.diags.push({ code, severity: "error", message, file: doc?.file ?? file ?? "schema", line: pos.line, column: pos.column, offset: node?.at ?? 0 });
  }
  notSupported(doc: Doc, node: SchemaNode, what: string): void {
    this.error(doc, node, Codes.XmlSchemaNotSupported, `${what} is not supported by apimc's XML Schema compiler: documents could not be validated as .NET validates them. Remove it from the schema, or validate this content another way.`);
  }

  /** Reads one document and registers its schemas' global components. */
  load(src: XsdSource, chameleonTns: string | null, from: { doc: Doc; node: SchemaNode } | null): void {
    const key = `${src.file}\u0000${chameleonTns ?? ""}`;
    if (this.loaded.has(key)) return;
    this.loaded.add(key);
    let root: SchemaNode;
    const lines = new LineMap(src.text);
    try {
      root = readSchemaDocument(src.text);
    } catch (e) {
      if (e instanceof XmlReadError) {
        this.diags.push({ code: Codes.XmlSchemaInvalid, severity: "error", message: `The schema is not well-formed XML: ${e.reason}`, file: src.file, line: e.line, column: e.column, offset: e.offset });
        return;
      }
      throw e;
    }
    const schemas = schemaElements(root);
    if (!schemas) {
      if (from) this.error(from.doc, from.node, Codes.XmlSchemaInvalid, `${src.file} is not an XML Schema (xs:schema) or WSDL document.`);
      else this.diags.push({ code: Codes.XmlSchemaInvalid, severity: "error", message: `The document is not an XML Schema (an xs:schema root) or a WSDL with schemas in its <types>; its root is '${root.local}'.`, file: src.file, line: 1, column: 1, offset: 0 });
      return;
    }
    for (const s of schemas) this.addSchema(s, src.file, lines, chameleonTns);
  }

  private addSchema(node: SchemaNode, file: string, lines: LineMap, chameleonTns: string | null): void {
    const declared = node.attrs.get("targetNamespace");
    const doc: Doc = { file, lines, tns: declared ?? chameleonTns ?? "", qualifiedElements: node.attrs.get("elementFormDefault") === "qualified", qualifiedAttributes: node.attrs.get("attributeFormDefault") === "qualified" };
    if ((node.attrs.get("blockDefault") ?? "").trim() !== "") this.notSupported(doc, node, "blockDefault (blocking substitutions and xsi:type derivations)");
    for (const child of node.children) {
      if (child.ns !== XSD_NS) continue;
      const name = child.attrs.get("name");
      switch (child.local) {
        case "annotation":
          break;
        case "include":
        case "import": {
          const loc = child.attrs.get("schemaLocation");
          if (!loc) {
            if (child.local === "include") this.error(doc, child, Codes.XmlSchemaInvalid, "xs:include needs a schemaLocation.");
            break;
          }
          const found = this.resolver(loc, file);
          if (typeof found === "string") {
            this.error(doc, child, Codes.XmlSchemaInvalid, `The schema '${loc}' (${child.local}) cannot be read: ${found}`);
            break;
          }
          if (child.local === "include") this.load(found, doc.tns, { doc, node: child });
          else this.load(found, null, { doc, node: child });
          break;
        }
        case "redefine":
          this.notSupported(doc, child, "xs:redefine");
          break;
        case "notation":
          this.notSupported(doc, child, "xs:notation");
          break;
        case "element":
        case "complexType":
        case "simpleType":
        case "attribute":
        case "group":
        case "attributeGroup": {
          if (!name) {
            this.error(doc, child, Codes.XmlSchemaInvalid, `A global xs:${child.local} needs a name.`);
            break;
          }
          const map = child.local === "element" ? this.elements : child.local === "attribute" ? this.attributes : child.local === "group" ? this.groups : child.local === "attributeGroup" ? this.attributeGroups : this.types;
          const key = `{${doc.tns}}${name}`;
          if (map.has(key)) {
            const what = child.local === "complexType" || child.local === "simpleType" ? "type" : child.local;
            this.error(doc, child, Codes.XmlSchemaInvalid, `The global ${what} '${qn(doc.tns, name)}' has already been declared.`);
            break;
          }
          map.set(key, { node: child, doc });
          break;
        }
        default:
          this.notSupported(doc, child, `xs:${child.local} at the top of a schema`);
      }
    }
  }

  finish(): XsdCompileResult {
    for (const [key, g] of this.types) {
      const i = this.namedType(key, g);
      this.tables.typeNames[key] = i;
    }
    for (const [key, g] of this.attributes) {
      const a = this.attribute(g.node, g.doc, true);
      if (a) this.tables.attributes[key] = a;
    }
    for (const [key] of this.elements) this.tables.roots[key] = this.globalElement(key)!;
    // Substitution groups: each head lists every element that may stand for it (transitively).
    for (const [key, g] of this.elements) {
      const head = g.node.attrs.get("substitutionGroup");
      if (!head) continue;
      const hk = this.qname(head, g.node, g.doc);
      if (!hk) continue;
      const hi = this.elementIndex.get(hk);
      if (hi === undefined) {
        this.error(g.doc, g.node, Codes.XmlSchemaInvalid, `The substitutionGroup head '${head}' is not a declared global element.`);
        continue;
      }
      const me = this.elementIndex.get(key)!;
      const seen = new Set<number>();
      for (let h: number | undefined = hi; h !== undefined && !seen.has(h); ) {
        seen.add(h);
        const decl = this.tables.elements[h]!;
        if (!decl.substitutes.includes(me)) decl.substitutes.push(me);
        const hn = this.headOf(h);
        h = hn;
      }
    }
    // Members of members: a head accepts what its substitutes accept.
    for (const e of this.tables.elements) for (const s of [...e.substitutes]) for (const t of this.tables.elements[s]!.substitutes) if (!e.substitutes.includes(t)) e.substitutes.push(t);
    return { tables: this.diags.some((d) => d.severity === "error") ? null : this.tables, diagnostics: this.diags };
  }

  private headOf(index: number): number | undefined {
    for (const [key, g] of this.elements)
      if (this.elementIndex.get(key) === index) {
        const head = g.node.attrs.get("substitutionGroup");
        const hk = head ? this.qname(head, g.node, g.doc) : null;
        return hk ? this.elementIndex.get(hk) : undefined;
      }
    return undefined;
  }

  /** A QName attribute value as "{ns}local" (null, with an error, when its prefix is not declared). */
  private qname(value: string, node: SchemaNode, doc: Doc): string | null {
    const v = value.trim();
    const colon = v.indexOf(":");
    const ns = lookupPrefix(node, colon < 0 ? "" : v.slice(0, colon));
    if (ns === null) {
      this.error(doc, node, Codes.XmlSchemaInvalid, `The prefix '${v.slice(0, colon)}' of '${v}' is not declared.`);
      return null;
    }
    return `{${ns}}${colon < 0 ? v : v.slice(colon + 1)}`;
  }

  private globalElement(key: string): number | null {
    const known = this.elementIndex.get(key);
    if (known !== undefined) return known;
    const g = this.elements.get(key);
    if (!g) return null;
    const index = this.tables.elements.length;
    this.elementIndex.set(key, index);
    this.tables.elements.push({ ns: g.doc.tns, name: g.node.attrs.get("name")!, type: 0, nillable: false, abstract: false, fixed: null, default: null, substitutes: [] });
    this.fillElement(index, g.node, g.doc, true);
    return index;
  }

  private fillElement(index: number, node: SchemaNode, doc: Doc, global: boolean): void {
    const d = this.tables.elements[index]!;
    if ((node.attrs.get("block") ?? "").trim() !== "") this.notSupported(doc, node, "The 'block' attribute of xs:element");
    for (const c of node.children) if (c.ns === XSD_NS && (c.local === "key" || c.local === "keyref" || c.local === "unique")) this.notSupported(doc, c, `Identity constraints (xs:${c.local})`);
    d.nillable = bool(node.attrs.get("nillable"));
    d.abstract = bool(node.attrs.get("abstract"));
    d.fixed = node.attrs.get("fixed") ?? null;
    d.default = node.attrs.get("default") ?? null;
    if (d.fixed !== null && d.default !== null) this.error(doc, node, Codes.XmlSchemaInvalid, "An element cannot have both 'default' and 'fixed'.");
    const typeAttr = node.attrs.get("type");
    const inline = node.children.find((c) => c.ns === XSD_NS && (c.local === "complexType" || c.local === "simpleType"));
    if (typeAttr && inline) this.error(doc, node, Codes.XmlSchemaInvalid, "An element has both a 'type' attribute and an anonymous type.");
    if (typeAttr) d.type = this.typeRef(typeAttr, node, doc) ?? 0;
    else if (inline) d.type = inline.local === "complexType" ? this.complexType(inline, doc, `anonymous type of '${d.name}'`) : this.simpleType(inline, doc, `anonymous type of '${d.name}'`);
    else {
      const head = global ? node.attrs.get("substitutionGroup") : undefined;
      const hk = head ? this.qname(head, node, doc) : null;
      const hi = hk ? this.globalElement(hk) : null;
      d.type = hi !== null ? this.tables.elements[hi]!.type : 0;
    }
    const v = d.fixed ?? d.default;
    if (v !== null) {
      const t = this.tables.types[d.type]!;
      const simple = t.k === "simple" ? d.type : t.content === "simple" ? t.simple : -1;
      if (simple >= 0) {
        const e = checkSimple(this.tables, simple, v, (p) => lookupPrefix(node, p));
        if (e) this.error(doc, node, Codes.XmlSchemaInvalid, `The ${d.fixed !== null ? "fixed" : "default"} value '${v}' is not valid for the element's type: ${e}`);
      }
    }
  }

  /** A type named by a QName attribute; null (with an error) when it is not defined. */
  private typeRef(value: string, node: SchemaNode, doc: Doc): number | null {
    const key = this.qname(value, node, doc);
    if (!key) return null;
    if (key.startsWith(`{${XSD_NS}}`)) {
      const local = key.slice(XSD_NS.length + 2);
      if (local === "anyType") return 0;
      if (UNSUPPORTED_BUILTINS.has(local)) {
        this.notSupported(doc, node, `The built-in type xs:${local}`);
        return null;
      }
      if (!BUILTINS[local]) {
        this.error(doc, node, Codes.XmlSchemaInvalid, `Type '${XSD_NS}:${local}' is not declared.`);
        return null;
      }
      return this.builtin(local);
    }
    const g = this.types.get(key);
    if (!g) {
      this.error(doc, node, Codes.XmlSchemaInvalid, `Type '${keyText(key)}' is not declared.`);
      return null;
    }
    return this.namedType(key, g);
  }

  private builtin(local: string): number {
    const key = `{${XSD_NS}}${local}`;
    const known = this.typeIndex.get(key);
    if (known !== undefined) return known;
    const parent = BUILTIN_PARENT[local];
    const base = local === "anySimpleType" ? 0 : this.builtin(parent ?? "anySimpleType");
    const index = this.tables.types.length;
    this.tables.types.push({ k: "simple", name: `${XSD_NS}:${local}`, variety: "atomic", builtin: local, facets: { whiteSpace: BUILTINS[local]!.ws }, base });
    this.typeIndex.set(key, index);
    this.tables.typeNames[key] = index;
    return index;
  }

  private namedType(key: string, g: Global): number {
    const known = this.typeIndex.get(key);
    if (known !== undefined) return known;
    const name = keyText(key);
    return g.node.local === "complexType" ? this.complexType(g.node, g.doc, name, key) : this.simpleType(g.node, g.doc, name, key);
  }

  private reserve(placeholder: XsdType, key?: string): number {
    const index = this.tables.types.length;
    this.tables.types.push(placeholder);
    if (key) this.typeIndex.set(key, index);
    return index;
  }

  // ---------------------------------------------------------------------------------------------
  // Simple types

  private simpleType(node: SchemaNode, doc: Doc, name: string, key?: string): number {
    const index = this.reserve({ k: "simple", name, variety: "atomic", builtin: "string", facets: { whiteSpace: "preserve" }, base: -1 }, key);
    this.filling.add(index);
    const t = this.tables.types[index] as XsdSimpleType;
    const body = node.children.find((c) => c.ns === XSD_NS && c.local !== "annotation");
    if (!body) this.error(doc, node, Codes.XmlSchemaInvalid, "xs:simpleType needs a restriction, list or union.");
    else if (body.local === "restriction") {
      const baseAttr = body.attrs.get("base");
      const inline = body.children.find((c) => c.ns === XSD_NS && c.local === "simpleType");
      const base = baseAttr ? this.typeRef(baseAttr, body, doc) : inline ? this.simpleType(inline, doc, `anonymous base of ${name}`) : null;
      if (base !== null) this.restrictSimple(t, base, body, doc);
    } else if (body.local === "list") {
      const itemAttr = body.attrs.get("itemType");
      const inline = body.children.find((c) => c.ns === XSD_NS && c.local === "simpleType");
      const item = itemAttr ? this.typeRef(itemAttr, body, doc) : inline ? this.simpleType(inline, doc, `item type of ${name}`) : null;
      if (item !== null && this.tables.types[item]!.k !== "simple") this.error(doc, body, Codes.XmlSchemaInvalid, "A list's item type must be a simple type.");
      t.variety = "list";
      t.builtin = "";
      t.item = item ?? this.builtin("string");
      t.facets = { whiteSpace: "collapse" };
      t.base = this.builtin("anySimpleType");
    } else if (body.local === "union") {
      const members: number[] = [];
      for (const m of (body.attrs.get("memberTypes") ?? "").split(/\s+/).filter(Boolean)) {
        const i = this.typeRef(m, body, doc);
        if (i !== null) members.push(i);
      }
      for (const c of body.children) if (c.ns === XSD_NS && c.local === "simpleType") members.push(this.simpleType(c, doc, `member type of ${name}`));
      if (members.length === 0) this.error(doc, body, Codes.XmlSchemaInvalid, "A union needs member types.");
      if (members.some((m) => this.tables.types[m]!.k !== "simple")) this.error(doc, body, Codes.XmlSchemaInvalid, "A union's member types must be simple types.");
      t.variety = "union";
      t.builtin = "";
      t.members = members;
      t.facets = { whiteSpace: "collapse" };
      t.base = this.builtin("anySimpleType");
    } else this.error(doc, body, Codes.XmlSchemaInvalid, `xs:simpleType cannot contain xs:${body.local}.`);
    this.filling.delete(index);
    return index;
  }

  /** Makes `t` a restriction of simple type `base` with the facets under `body`. */
  private restrictSimple(t: XsdSimpleType, base: number, body: SchemaNode, doc: Doc): void {
    const b = this.tables.types[base]!;
    if (b.k !== "simple") {
      this.error(doc, body, Codes.XmlSchemaInvalid, `The base type of a simple type must be a simple type, not '${b.name}'.`);
      return;
    }
    if (this.filling.has(base)) {
      this.error(doc, body, Codes.XmlSchemaInvalid, `The simple type '${t.name}' derives from itself.`);
      return;
    }
    t.variety = b.variety;
    t.builtin = b.builtin;
    if (b.item !== undefined) t.item = b.item;
    if (b.members) t.members = b.members;
    t.base = base;
    const f: XsdFacets = { ...b.facets, ...(b.facets.patterns ? { patterns: [...b.facets.patterns], patternText: [...b.facets.patternText!] } : {}) };
    delete f.enumeration;
    const enums: string[] = [];
    const patterns: string[] = [];
    const patternText: string[] = [];
    const resolver = (p: string) => lookupPrefix(body, p);
    for (const c of body.children) {
      if (c.ns !== XSD_NS || c.local === "annotation" || c.local === "simpleType") continue;
      if (!FACETS.has(c.local)) {
        this.notSupported(doc, c, `The facet xs:${c.local}`);
        continue;
      }
      const value = c.attrs.get("value");
      if (value === undefined) {
        this.error(doc, c, Codes.XmlSchemaInvalid, `The facet xs:${c.local} needs a value.`);
        continue;
      }
      switch (c.local) {
        case "enumeration":
          enums.push(value);
          break;
        case "pattern":
          try {
            const re2 = xsdRegexToRe2(value);
            compilePattern(re2);
            patterns.push(re2);
            patternText.push(value);
          } catch (e) {
            if (e instanceof XsdRegexError) this.notSupported(doc, c, `The pattern '${value}': ${e.message};`);
            else this.error(doc, c, Codes.XmlSchemaInvalid, `The pattern '${value}' is not a valid regular expression: ${(e as Error).message}`);
          }
          break;
        case "whiteSpace":
          if (value !== "preserve" && value !== "replace" && value !== "collapse") this.error(doc, c, Codes.XmlSchemaInvalid, `whiteSpace is preserve, replace or collapse, not '${value}'.`);
          else f.whiteSpace = value;
          break;
        case "length":
        case "minLength":
        case "maxLength":
        case "totalDigits":
        case "fractionDigits": {
          if (!/^\+?\d+$/.test(value.trim())) {
            this.error(doc, c, Codes.XmlSchemaInvalid, `The ${c.local} facet's value must be a non-negative integer, not '${value}'.`);
            break;
          }
          f[c.local] = Number(value.trim());
          break;
        }
        default: {
          // Range facets: their value must be a value of the base type.
          if (t.variety !== "atomic" || ["string", "boolean", "hexBinary", "base64Binary", "anyURI", "QName"].includes(BUILTINS[t.builtin]!.kind)) {
            this.error(doc, c, Codes.XmlSchemaInvalid, `The facet xs:${c.local} does not apply to '${b.name}'.`);
            break;
          }
          const e = checkSimple(this.tables, base, value, resolver);
          if (e) this.error(doc, c, Codes.XmlSchemaInvalid, `The ${c.local} value '${value}' is not valid for the base type: ${e}`);
          else (f as unknown as Record<string, string>)[c.local] = value.trim();
        }
      }
    }
    if (patterns.length) {
      f.patterns = [...(f.patterns ?? []), patterns];
      f.patternText = [...(f.patternText ?? []), patternText];
    }
    if (enums.length) {
      const keys: string[] = [];
      for (const v of enums) {
        const out = { value: "" };
        const e = checkSimple(this.tables, base, v, resolver, out);
        if (e) this.error(doc, body, Codes.XmlSchemaInvalid, `The enumeration value '${v}' is not valid for the base type '${b.name}': ${e}`);
        keys.push(t.variety === "atomic" ? valueKey(t.builtin, out.value, resolver) : out.value);
      }
      f.enumeration = { keys, lexical: enums };
    }
    t.facets = f;
  }

  // ---------------------------------------------------------------------------------------------
  // Complex types

  private complexType(node: SchemaNode, doc: Doc, name: string, key?: string): number {
    const index = this.reserve({ k: "complex", name, mixed: false, content: "empty", particle: null, simple: -1, attributes: [], anyAttribute: null, abstract: false, base: 0, derivation: "restriction" }, key);
    this.filling.add(index);
    const t = this.tables.types[index] as XsdComplexType;
    if ((node.attrs.get("block") ?? "").trim() !== "") this.notSupported(doc, node, "The 'block' attribute of xs:complexType");
    t.abstract = bool(node.attrs.get("abstract"));
    t.mixed = bool(node.attrs.get("mixed"));
    const kids = node.children.filter((c) => c.ns === XSD_NS && c.local !== "annotation");
    const sc = kids.find((c) => c.local === "simpleContent");
    const cc = kids.find((c) => c.local === "complexContent");
    if (sc) this.simpleContent(t, sc, doc);
    else if (cc) this.complexContent(t, cc, doc);
    else {
      t.particle = this.particleOf(kids, doc);
      this.attributesOf(t, kids, doc);
    }
    this.settle(t);
    this.filling.delete(index);
    return index;
  }

  /** The content kind from the particle and mixed. */
  private settle(t: XsdComplexType): void {
    if (t.content === "simple") return;
    const emptyParticle = !t.particle || isEmptyParticle(t.particle);
    t.content = emptyParticle && !t.mixed ? "empty" : "elements";
    if (emptyParticle) t.particle = null;
  }

  private derivationOf(cnode: SchemaNode, doc: Doc): { d: SchemaNode; base: number | null } | null {
    const d = cnode.children.find((c) => c.ns === XSD_NS && (c.local === "extension" || c.local === "restriction"));
    if (!d) {
      this.error(doc, cnode, Codes.XmlSchemaInvalid, `xs:${cnode.local} needs an extension or a restriction.`);
      return null;
    }
    const baseAttr = d.attrs.get("base");
    if (!baseAttr) {
      this.error(doc, d, Codes.XmlSchemaInvalid, `xs:${d.local} needs a base.`);
      return { d, base: null };
    }
    const base = this.typeRef(baseAttr, d, doc);
    if (base !== null && this.filling.has(base)) {
      this.error(doc, d, Codes.XmlSchemaInvalid, `The type derives from itself (through '${baseAttr}').`);
      return { d, base: null };
    }
    return { d, base };
  }

  private simpleContent(t: XsdComplexType, sc: SchemaNode, doc: Doc): void {
    const r = this.derivationOf(sc, doc);
    t.content = "simple";
    t.simple = this.builtin("string");
    if (!r || r.base === null) return;
    const { d, base } = r;
    const b = this.tables.types[base]!;
    t.base = base;
    t.derivation = d.local as "extension" | "restriction";
    const kids = d.children.filter((c) => c.ns === XSD_NS && c.local !== "annotation");
    if (b.k === "simple") {
      if (d.local === "restriction") this.error(doc, d, Codes.XmlSchemaInvalid, "A simpleContent restriction's base must be a complex type with simple content.");
      t.simple = base;
    } else if (b.content !== "simple") {
      if (d.local === "restriction" && b.mixed && isEmptiable(b.particle)) {
        t.simple = this.builtin("string");
      } else {
        this.error(doc, d, Codes.XmlSchemaInvalid, `The base type '${b.name}' of simpleContent must be a simple type or a complex type with simple content.`);
        return;
      }
    } else {
      t.simple = b.simple;
      t.attributes = [...b.attributes];
      t.anyAttribute = b.anyAttribute;
    }
    if (d.local === "restriction" && kids.some((c) => FACETS.has(c.local) || c.local === "simpleType")) {
      const st: XsdSimpleType = { k: "simple", name: `${t.name} (content)`, variety: "atomic", builtin: "string", facets: { whiteSpace: "preserve" }, base: -1 };
      const inline = kids.find((c) => c.local === "simpleType");
      const restricted = inline ? this.simpleType(inline, doc, `${t.name} (content base)`) : t.simple;
      const si = this.reserve(st);
      this.restrictSimple(st, restricted, d, doc);
      t.simple = si;
    }
    this.attributesOf(t, kids, doc, d.local === "restriction");
  }

  private complexContent(t: XsdComplexType, cc: SchemaNode, doc: Doc): void {
    if (cc.attrs.has("mixed")) t.mixed = bool(cc.attrs.get("mixed"));
    const r = this.derivationOf(cc, doc);
    if (!r || r.base === null) return;
    const { d, base } = r;
    const b = this.tables.types[base]!;
    if (b.k !== "complex") {
      this.error(doc, d, Codes.XmlSchemaInvalid, `The base type of complexContent must be a complex type, not the simple type '${b.name}'.`);
      return;
    }
    t.base = base;
    t.derivation = d.local as "extension" | "restriction";
    const kids = d.children.filter((c) => c.ns === XSD_NS && c.local !== "annotation");
    const own = this.particleOf(kids, doc);
    if (d.local === "extension") {
      if (b.content === "simple") {
        this.error(doc, d, Codes.XmlSchemaInvalid, `A complexContent extension cannot extend '${b.name}', which has simple content.`);
        return;
      }
      const bp = b.particle;
      t.particle = !bp ? own : !own || isEmptyParticle(own) ? bp : { t: "seq", items: [bp, own], min: 1, max: 1 };
      if (bp && own && !isEmptyParticle(own) && (bp.t === "all" || own.t === "all")) this.notSupported(doc, d, "Extending a type whose content is xs:all (or with xs:all)");
      t.attributes = [...b.attributes];
      t.anyAttribute = b.anyAttribute;
      this.attributesOf(t, kids, doc, false, true);
    } else {
      t.particle = own;
      t.attributes = [...b.attributes];
      t.anyAttribute = null;
      this.attributesOf(t, kids, doc, true);
    }
  }

  /** The content particle among a type's (or a derivation's) children: sequence, choice, all or group. */
  private particleOf(kids: SchemaNode[], doc: Doc): XsdParticle | null {
    const p = kids.find((c) => c.local === "sequence" || c.local === "choice" || c.local === "all" || c.local === "group");
    return p ? this.particle(p, doc) : null;
  }

  private occurs(node: SchemaNode, doc: Doc): { min: number; max: number } {
    const minS = node.attrs.get("minOccurs")?.trim() ?? "1";
    const maxS = node.attrs.get("maxOccurs")?.trim() ?? "1";
    const min = /^\d+$/.test(minS) ? Number(minS) : NaN;
    const max = maxS === "unbounded" ? UNBOUNDED : /^\d+$/.test(maxS) ? Number(maxS) : NaN;
    if (Number.isNaN(min) || Number.isNaN(max)) {
      this.error(doc, node, Codes.XmlSchemaInvalid, `minOccurs/maxOccurs must be non-negative integers (maxOccurs may be 'unbounded'), not '${minS}'/'${maxS}'.`);
      return { min: 1, max: 1 };
    }
    if (max !== UNBOUNDED && max < min) this.error(doc, node, Codes.XmlSchemaInvalid, `maxOccurs (${max}) is less than minOccurs (${min}).`);
    return { min, max };
  }

  private particle(node: SchemaNode, doc: Doc): XsdParticle | null {
    const { min, max } = this.occurs(node, doc);
    switch (node.local) {
      case "element": {
        const ref = node.attrs.get("ref");
        if (ref) {
          const key = this.qname(ref, node, doc);
          const el = key ? this.globalElement(key) : null;
          if (key && el === null) this.error(doc, node, Codes.XmlSchemaInvalid, `The element '${keyText(key)}' is not declared.`);
          return el === null ? null : { t: "el", el, min, max };
        }
        const name = node.attrs.get("name");
        if (!name) {
          this.error(doc, node, Codes.XmlSchemaInvalid, "A local xs:element needs a name or a ref.");
          return null;
        }
        const form = node.attrs.get("form");
        const ns = (form ? form === "qualified" : doc.qualifiedElements) ? doc.tns : "";
        const index = this.tables.elements.length;
        const decl: XsdElement = { ns, name, type: 0, nillable: false, abstract: false, fixed: null, default: null, substitutes: [] };
        this.tables.elements.push(decl);
        this.fillElement(index, node, doc, false);
        return { t: "el", el: index, min, max };
      }
      case "any":
        return { t: "any", w: this.wildcard(node, doc), min, max };
      case "group": {
        const ref = node.attrs.get("ref");
        const key = ref ? this.qname(ref, node, doc) : null;
        const g = key ? this.groups.get(key) : undefined;
        if (!g) {
          this.error(doc, node, Codes.XmlSchemaInvalid, ref ? `The group '${ref}' is not declared.` : "A local xs:group needs a ref.");
          return null;
        }
        if (this.expanding.has(g.node)) {
          this.error(doc, node, Codes.XmlSchemaInvalid, `The group '${ref}' refers to itself.`);
          return null;
        }
        this.expanding.add(g.node);
        const inner = g.node.children.find((c) => c.ns === XSD_NS && (c.local === "sequence" || c.local === "choice" || c.local === "all"));
        const p = inner ? this.particle(inner, g.doc) : null;
        this.expanding.delete(g.node);
        return p ? { ...p, min: p.min * min, max: p.max === UNBOUNDED || max === UNBOUNDED ? (p.max === 0 || max === 0 ? 0 : UNBOUNDED) : p.max * max } : null;
      }
      case "sequence":
      case "choice":
      case "all": {
        const items: XsdParticle[] = [];
        for (const c of node.children) {
          if (c.ns !== XSD_NS || c.local === "annotation") continue;
          if (node.local === "all" && c.local !== "element") {
            this.error(doc, c, Codes.XmlSchemaInvalid, `xs:all contains only elements, not xs:${c.local}.`);
            continue;
          }
          if (!["element", "any", "group", "sequence", "choice"].includes(c.local)) {
            this.error(doc, c, Codes.XmlSchemaInvalid, `xs:${node.local} cannot contain xs:${c.local}.`);
            continue;
          }
          const p = this.particle(c, doc);
          if (p) items.push(p);
        }
        if (node.local === "all" && (max > 1 || items.some((i) => i.max > 1 || i.max === UNBOUNDED))) this.error(doc, node, Codes.XmlSchemaInvalid, "In xs:all, the group and its elements have maxOccurs 0 or 1.");
        return { t: node.local === "sequence" ? "seq" : (node.local as "choice" | "all"), items, min, max };
      }
      default:
        this.error(doc, node, Codes.XmlSchemaInvalid, `xs:${node.local} is not a particle.`);
        return null;
    }
  }

  private wildcard(node: SchemaNode, doc: Doc): XsdWildcard {
    const process = (node.attrs.get("processContents") ?? "strict").trim();
    if (process !== "strict" && process !== "lax" && process !== "skip") this.error(doc, node, Codes.XmlSchemaInvalid, `processContents is strict, lax or skip, not '${process}'.`);
    const ns = (node.attrs.get("namespace") ?? "##any").trim();
    const p = process as XsdWildcard["process"];
    if (ns === "##any") return { mode: "any", namespaces: [], process: p };
    if (ns === "##other") return { mode: "not", namespaces: [doc.tns], process: p };
    const list = ns.split(/\s+/).map((x) => (x === "##targetNamespace" ? doc.tns : x === "##local" ? "" : x));
    return { mode: "in", namespaces: list, process: p };
  }

  /** Attribute uses, attribute groups and anyAttribute among `kids`, added to (or, in a restriction, replacing) the type's. */
  private attributesOf(t: XsdComplexType, kids: SchemaNode[], doc: Doc, restriction = false, extension = false): void {
    const own: XsdAttribute[] = [];
    const prohibited = new Set<string>();
    let wildcard: XsdWildcard | null = null;
    const collect = (nodes: SchemaNode[], d: Doc) => {
      for (const c of nodes) {
        if (c.ns !== XSD_NS) continue;
        if (c.local === "attribute") {
          if ((c.attrs.get("use") ?? "").trim() === "prohibited") {
            const ref = c.attrs.get("ref");
            const k = ref ? this.qname(ref, c, d) : `{${(c.attrs.get("form") ? c.attrs.get("form") === "qualified" : d.qualifiedAttributes) ? d.tns : ""}}${c.attrs.get("name") ?? ""}`;
            if (k) prohibited.add(k);
            continue;
          }
          const a = this.attribute(c, d, false);
          if (a) own.push(a);
        } else if (c.local === "attributeGroup") {
          const ref = c.attrs.get("ref");
          const key = ref ? this.qname(ref, c, d) : null;
          const g = key ? this.attributeGroups.get(key) : undefined;
          if (!g) {
            this.error(d, c, Codes.XmlSchemaInvalid, `The attribute group '${ref ?? ""}' is not declared.`);
            continue;
          }
          if (this.expanding.has(g.node)) {
            this.error(d, c, Codes.XmlSchemaInvalid, `The attribute group '${ref}' refers to itself.`);
            continue;
          }
          this.expanding.add(g.node);
          collect(g.node.children, g.doc);
          this.expanding.delete(g.node);
        } else if (c.local === "anyAttribute") wildcard = this.wildcard(c, d);
      }
    };
    collect(kids, doc);
    const key = (a: XsdAttribute) => `{${a.ns}}${a.name}`;
    const seen = new Set<string>();
    for (const a of own) {
      if (seen.has(key(a))) this.error(doc, kids[0] ?? null, Codes.XmlSchemaInvalid, `The attribute '${qn(a.ns, a.name)}' is declared twice in one type.`);
      seen.add(key(a));
    }
    let attrs = t.attributes.filter((b) => !prohibited.has(key(b)));
    if (restriction) attrs = attrs.filter((b) => !own.some((a) => key(a) === key(b)));
    else if (extension && own.some((a) => attrs.some((b) => key(a) === key(b)))) this.error(doc, kids[0] ?? null, Codes.XmlSchemaInvalid, "An extension declares an attribute its base type already has.");
    t.attributes = [...attrs, ...own];
    if (restriction) t.anyAttribute = wildcard;
    else if (wildcard) t.anyAttribute = t.anyAttribute ? unionWildcard(t.anyAttribute, wildcard) : wildcard;
  }

  private attribute(node: SchemaNode, doc: Doc, global: boolean): XsdAttribute | null {
    const ref = node.attrs.get("ref");
    const use = (node.attrs.get("use") ?? "optional").trim();
    let a: XsdAttribute;
    if (ref) {
      const key = this.qname(ref, node, doc);
      const g = key ? this.attributes.get(key) : undefined;
      if (!g) {
        this.error(doc, node, Codes.XmlSchemaInvalid, `The attribute '${ref}' is not declared.`);
        return null;
      }
      const base = this.attribute(g.node, g.doc, true);
      if (!base) return null;
      a = { ...base, required: false };
    } else {
      const name = node.attrs.get("name");
      if (!name) {
        this.error(doc, node, Codes.XmlSchemaInvalid, "xs:attribute needs a name or a ref.");
        return null;
      }
      const form = node.attrs.get("form");
      const ns = global ? doc.tns : (form ? form === "qualified" : doc.qualifiedAttributes) ? doc.tns : "";
      const typeAttr = node.attrs.get("type");
      const inline = node.children.find((c) => c.ns === XSD_NS && c.local === "simpleType");
      const type = typeAttr ? (this.typeRef(typeAttr, node, doc) ?? this.builtin("anySimpleType")) : inline ? this.simpleType(inline, doc, `anonymous type of attribute '${name}'`) : this.builtin("anySimpleType");
      if (this.tables.types[type]!.k !== "simple") {
        this.error(doc, node, Codes.XmlSchemaInvalid, `The type of attribute '${name}' must be a simple type.`);
        return null;
      }
      a = { ns, name, type, required: false, fixed: null, default: null };
    }
    a.required = use === "required";
    if (use !== "optional" && use !== "required" && use !== "prohibited") this.error(doc, node, Codes.XmlSchemaInvalid, `'use' is optional, required or prohibited, not '${use}'.`);
    if (node.attrs.has("fixed")) a.fixed = node.attrs.get("fixed")!;
    if (node.attrs.has("default")) a.default = node.attrs.get("default")!;
    if (a.default !== null && a.required) this.error(doc, node, Codes.XmlSchemaInvalid, "An attribute with a default value must be optional.");
    const v = a.fixed ?? a.default;
    if (v !== null) {
      const e = checkSimple(this.tables, a.type, v, (p) => lookupPrefix(node, p));
      if (e) this.error(doc, node, Codes.XmlSchemaInvalid, `The ${a.fixed !== null ? "fixed" : "default"} value '${v}' of attribute '${a.name}' is not valid for its type: ${e}`);
    }
    return a;
  }
}

function unionWildcard(a: XsdWildcard, b: XsdWildcard): XsdWildcard {
  if (a.mode === "any" || b.mode === "any") return { mode: "any", namespaces: [], process: b.process };
  if (a.mode === "in" && b.mode === "in") return { mode: "in", namespaces: [...new Set([...a.namespaces, ...b.namespaces])], process: b.process };
  return { mode: "any", namespaces: [], process: b.process };
}

function isEmptyParticle(p: XsdParticle): boolean {
  if (p.max === 0) return true;
  if (p.t === "seq" || p.t === "choice" || p.t === "all") return p.items.every(isEmptyParticle);
  return false;
}

function isEmptiable(p: XsdParticle | null): boolean {
  if (!p || p.min === 0) return true;
  if (p.t === "seq" || p.t === "all") return p.items.every(isEmptiable);
  if (p.t === "choice") return p.items.some(isEmptiable);
  return false;
}

const bool = (v: string | undefined) => v?.trim() === "true" || v?.trim() === "1";
const qn = (ns: string, local: string) => (ns ? `${ns}:${local}` : local);
/** "{ns}local" as .NET writes a qualified name: "ns:local", or "local". */
const keyText = (key: string) => qn(key.slice(1, key.indexOf("}")), key.slice(key.indexOf("}") + 1));

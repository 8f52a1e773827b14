// Reads XML Schema documents (and the schemas inside a WSDL's <types>) into namespace-resolved
// element trees with source offsets, for the XSD compiler (xsd-compile.ts). The runtime's XML
// reader does the lexical work, so a schema is read by the same rules as a body.
import { readXml, XmlReadError } from "../../runtime/xml-reader.js";

export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export const WSDL11_NS = "http://schemas.xmlsoap.org/wsdl/";
export const WSDL20_NS = "http://www.w3.org/ns/wsdl";

export interface SchemaNode {
  ns: string;
  local: string;
  /** Unprefixed attributes by name; prefixed ones as "{ns}local". */
  attrs: Map<string, string>;
  children: SchemaNode[];
  parent: SchemaNode | null;
  /** Namespace declarations of this element. */
  scope: Map<string, string> | null;
  /** Offset of the start tag's '<'. */
  at: number;
  /** Text content (for <documentation> etc.; not used for components). */
  text: string;
}

/** A namespace prefix in scope at `node` (null when not declared). */
export function lookupPrefix(node: SchemaNode, prefix: string): string | null {
  if (prefix === "xml") return "http://www.w3.org/XML/1998/namespace";
  for (let n: SchemaNode | null = node; n; n = n.parent) {
    const u = n.scope?.get(prefix);
    if (u !== undefined) return u;
  }
  return prefix === "" ? "" : null;
}

/** Parses a document; throws XmlReadError when it is not well-formed or a prefix is undeclared. */
export function readSchemaDocument(text: string): SchemaNode {
  let root: SchemaNode | null = null;
  const stack: SchemaNode[] = [];
  readXml(
    text,
    {
      declaration() {},
      comment() {},
      processingInstruction() {},
      cdata(v) {
        const top = stack[stack.length - 1];
        if (top) top.text += v;
      },
      text(v) {
        const top = stack[stack.length - 1];
        if (top) top.text += v;
      },
      startElement(qname, raw, selfClosing, at) {
        const parent = stack[stack.length - 1] ?? null;
        let scope: Map<string, string> | null = null;
        for (const a of raw) {
          if (a.qname === "xmlns") (scope ??= new Map()).set("", a.value);
          else if (a.qname.startsWith("xmlns:")) (scope ??= new Map()).set(a.qname.slice(6), a.value);
        }
        const node: SchemaNode = { ns: "", local: qname, attrs: new Map(), children: [], parent, scope, at, text: "" };
        const colon = qname.indexOf(":");
        const uri = lookupPrefix(node, colon < 0 ? "" : qname.slice(0, colon));
        if (uri === null) throw undeclared(text, qname.slice(0, colon), at);
        node.ns = uri;
        node.local = colon < 0 ? qname : qname.slice(colon + 1);
        for (const a of raw) {
          if (a.qname === "xmlns" || a.qname.startsWith("xmlns:")) continue;
          const c = a.qname.indexOf(":");
          if (c < 0) node.attrs.set(a.qname, a.value);
          else {
            const u = lookupPrefix(node, a.qname.slice(0, c));
            if (u === null) throw undeclared(text, a.qname.slice(0, c), at);
            node.attrs.set(`{${u}}${a.qname.slice(c + 1)}`, a.value);
          }
        }
        if (parent) parent.children.push(node);
        else root = node;
        if (!selfClosing) stack.push(node);
      },
      endElement() {
        stack.pop();
      },
    },
    { doctype: "refuse", maxDepth: 200 },
  );
  return root!;
}

function undeclared(text: string, prefix: string, at: number): XmlReadError {
  let line = 1;
  let col = 1;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return new XmlReadError(`'${prefix}' is an undeclared prefix.`, at, line, col);
}

/** The <xs:schema> elements of a document: itself, or those in a WSDL 1.1/2.0 <types>. */
export function schemaElements(root: SchemaNode): SchemaNode[] | null {
  if (root.ns === XSD_NS && root.local === "schema") return [root];
  if ((root.ns === WSDL11_NS && root.local === "definitions") || (root.ns === WSDL20_NS && root.local === "description")) {
    const out: SchemaNode[] = [];
    for (const t of root.children) if (t.local === "types" && t.ns === root.ns) for (const s of t.children) if (s.ns === XSD_NS && s.local === "schema") out.push(s);
    return out;
  }
  return null;
}

// LINQ to XML's readers, writers, loads and saves as an expression reaches them, and XDocumentType.
// XNode.CreateReader() (an XNodeReader) feeds XElement.Load(XmlReader); XContainer.CreateWriter() (an
// XmlWellFormedWriter over an XNodeBuilder) receives XNode.WriteTo and XElement/XDocument.Save(XmlWriter);
// XElement.Load(TextReader) and Save(TextWriter) read a StringReader and write a StringWriter. APIM's
// allow-list has no member of XmlReader or XmlWriter, so an expression only passes them along. What it
// can observe follows .NET Framework: a writer's nodes reach the container only when the writer is
// disposed (`using`); an element's writer takes fragments, a document's writer one root and no text;
// a failed write leaves the writer in error state; Load reads one element and leaves the reader at its end.
import { DotNetException, argumentError, argumentNull, nullReference } from "../errors.js";
import { XCData, XComment, XContainer, XDocument, XElement, XNode, XProcessingInstruction, XText, XAttribute, XNamespace, xmlError, type XDeclaration } from "./xml.js";
import type { StringReader, StringWriter } from "./textio.js";
import { envNewline } from "./newline.js";
import { ClrObject } from "./clr-object.js";
const invalidOp = (m: string) => new DotNetException("System.InvalidOperationException", m);
const FRAGMENT_HINT = " Make sure that the ConformanceLevel setting is set to ConformanceLevel.Fragment or ConformanceLevel.Auto if you want to write an XML fragment.";

// ---- XDocumentType ---------------------------------------------------------------------------------

/** XmlConvert.VerifyName: an XML name (colons allowed); null is ArgumentNullException, empty too. */
function verifyName(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("name");
  if (s === "") throw new DotNetException("System.ArgumentNullException", "The empty string '' is not a valid name.\r\nParameter name: name");
  const hex = (c: string) => `0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
  if (!/^[\p{L}\p{Nl}_:]$/u.test(s[0]!)) throw xmlError(`Name cannot begin with the '${s[0]}' character, hexadecimal value ${hex(s[0]!)}.`);
  for (const c of s.slice(1)) if (!/^[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Lm}_:.\-\u00B7]$/u.test(c)) throw xmlError(`The '${c}' character, hexadecimal value ${hex(c)}, cannot be included in a name.`);
  return s;
}

/** <!DOCTYPE name PUBLIC "pub" "sys"[subset]>, as XmlWriter.WriteDocType writes it. */
export class XDocumentType extends XNode {
  readonly $typeName = "System.Xml.Linq.XDocumentType";
  private n: string;
  constructor(
    name: string | null,
    public PublicId: string | null,
    public SystemId: string | null,
    public InternalSubset: string | null,
  ) {
    super();
    this.n = verifyName(name);
  }
  static copy(other: XDocumentType | null): XDocumentType {
    if (other === null || other === undefined) throw argumentNull("other");
    return new XDocumentType(other.n, other.PublicId, other.SystemId, other.InternalSubset);
  }
  get Name(): string {
    return this.n;
  }
  set Name(v: string) {
    this.n = verifyName(v);
  }
  write(out: string[]): void {
    let s = `<!DOCTYPE ${this.n}`;
    if (this.PublicId !== null) s += ` PUBLIC "${this.PublicId}" "${this.SystemId ?? ""}"`;
    else if (this.SystemId !== null) s += ` SYSTEM "${this.SystemId}"`;
    else s += " ";
    if (this.InternalSubset !== null) s += `[${this.InternalSubset}]`;
    out.push(`${s}>`);
  }
  clone(): XNode {
    return XDocumentType.copy(this);
  }
}

// ---- loading and saving text -------------------------------------------------------------------------

/** XElement.Load(TextReader[, LoadOptions]): the reader's text to its end, as XElement.Parse reads it. */
export function xLoadText(r: StringReader | null, options = 0): XElement {
  if (r === null || r === undefined) throw argumentNull("input");
  return XElement.Parse(r.ReadToEnd(), options);
}

/** The XML declaration Save writes: version 1.0, the writer's encoding (a StringWriter's UTF-16), a document's standalone. */
function declaration(d: XDeclaration | null): string {
  const sa = d?.Standalone;
  return `<?xml version="1.0" encoding="utf-16"${sa === "yes" || sa === "no" ? ` standalone="${sa}"` : ""}?>`;
}

/** XElement.Save(TextWriter[, SaveOptions]) and XDocument.Save(...): the declaration, then the node as ToString writes it. */
export function xSaveText(x: XElement | XDocument | null, w: StringWriter | null, options = 0): void {
  if (x === null || x === undefined) throw nullReference();
  if (w === null || w === undefined) throw argumentNull("output");
  if (x instanceof XDocument && !x.Root) throw invalidOp("Token EndDocument in state Document would result in an invalid XML document.");
  const text = x.ToString(options);
  w.Write(declaration(x instanceof XDocument ? x.Declaration : null) + (options & 1 ? "" : envNewline.text) + text);
}

// ---- the node reader -------------------------------------------------------------------------------

/** XNode.CreateReader(): an XNodeReader over the node; Load reads from it once. */
export class XNodeReader extends ClrObject {
  atEnd = false;
  constructor(readonly node: XNode) {
    super();
  }
  get $typeName(): string {
    return "System.Xml.Linq.XNodeReader";
  }
  Close(): void {
    this.atEnd = true;
  }
  Dispose(): void {
    this.Close();
  }
}
export function xCreateReader(n: XNode | null): XNodeReader {
  if (n === null || n === undefined) throw nullReference();
  return new XNodeReader(n);
}

const NODE_TYPE_NAMES: [new (...a: never[]) => XNode, string][] = [
  [XCData, "CDATA"],
  [XText, "Text"],
];
/**
 * XElement.Load(XmlReader[, LoadOptions]): MoveToContent (comments, processing instructions, the
 * DOCTYPE and whitespace passed over) must stand on an element; the element is read (adjacent text
 * merged, whitespace text kept as the reader gives it) and the reader is then at its end.
 */
export function xLoadReader(r: XNodeReader | null, _options = 0): XElement {
  if (r === null || r === undefined) throw argumentNull("reader");
  const found = r.atEnd ? null : contentOf(r.node);
  r.atEnd = true;
  if (!(found instanceof XElement)) {
    const kind = found === null ? "None" : NODE_TYPE_NAMES.find(([c]) => found instanceof c)![1];
    throw invalidOp(`The XmlReader must be on a node of type Element instead of a node of type ${kind}.`);
  }
  return readCopy(found) as XElement;
}
/** The first content node MoveToContent stops at, or null at the end. */
function contentOf(n: XNode): XNode | null {
  if (n instanceof XElement) return n;
  if (n instanceof XDocument) {
    for (const c of n.nodes) if (c instanceof XElement || (c instanceof XText && (c instanceof XCData || !/^[ \t\r\n]*$/.test(c.Value)))) return c;
    return null;
  }
  if (n instanceof XText && (n instanceof XCData || !/^[ \t\r\n]*$/.test(n.Value))) return n;
  return null;
}
/** A copy as XElement(XmlReader) builds it: adjacent text nodes become one. */
function readCopy(n: XNode): XNode {
  const c = n.clone();
  if (c instanceof XContainer) mergeText(c);
  return c;
}
function mergeText(c: XContainer): void {
  const out: XNode[] = [];
  for (const n of c.nodes) {
    const last = out[out.length - 1];
    if (n.constructor === XText && last && last.constructor === XText) (last as XText).Value += (n as XText).Value;
    else out.push(n);
    if (n instanceof XContainer) mergeText(n);
  }
  c.nodes = out;
}

// ---- the node writer -------------------------------------------------------------------------------

/**
 * XContainer.CreateWriter(): the nodes written wait in the writer and go into the container when it
 * is disposed (XNodeBuilder.Close). An element's writer has ConformanceLevel.Fragment, a document's
 * ConformanceLevel.Document (one root element, no text at the top, the DOCTYPE before the root).
 */
export class XNodeWriter extends ClrObject {
  private readonly nodes: XNode[] = [];
  private state: "open" | "error" | "closed" = "open";
  private root = false;
  private started = false;
  private docType = false;
  /** WriteEndDocument was written (XDocument.WriteTo, Save(XmlWriter)): nothing may follow. */
  private ended = false;
  constructor(private readonly container: XContainer) {
    super();
  }
  get $typeName(): string {
    return "System.Xml.XmlWellFormedWriter";
  }
  private get document(): boolean {
    return this.container instanceof XDocument;
  }
  Close(): void {
    if (this.state === "closed") return;
    this.state = "closed";
    // (an empty text written makes an empty element <r></r>, as Add("") does)
    const nodes = this.nodes.splice(0).map((n) => (n.constructor === XText && (n as XText).Value === "" ? "" : n));
    if (nodes.length) this.container.Add(nodes);
  }
  Dispose(): void {
    this.Close();
  }
  private fail(e: DotNetException): never {
    this.state = "error";
    throw e;
  }
  private check(token: string): void {
    if (this.state !== "open") throw invalidOp("The Writer is closed or in error state.");
    if (!this.document) return;
    if (this.ended) this.fail(invalidOp(`Token ${token === "ProcessingInstruction" ? "PI" : token} in state End Document would result in an invalid XML document.`));
    const bad = (st: string) => this.fail(invalidOp(`Token ${token} in state ${st} would result in an invalid XML document.${FRAGMENT_HINT}`));
    if (token === "StartElement" && this.root) bad("EndRootElement");
    if ((token === "Text" || token === "CDATA") && !this.root) bad("Start");
    if ((token === "Text" || token === "CDATA") && this.root) bad("EndRootElement");
    if (token === "DTD" && (this.root || this.docType)) bad(this.root ? "EndRootElement" : "Prolog");
  }
  /** XNode.WriteTo(XmlWriter) of one node: the checks of its first token, then a copy of it. */
  write(n: XNode): void {
    if (n instanceof XDocument) return this.writeDocument(n);
    if (n instanceof XElement) {
      this.check("StartElement");
      this.root = true;
      this.started = true;
      // WriteStartElement refuses an element in the xmlns namespace (it would need the reserved prefix)
      // after passing it on: the tree written so far ends with that element, bare, and the writer goes
      // into its error state (Close still adds what was written; serializing it throws again)
      if (n.name.NamespaceName === XMLNS) {
        this.push(new XElement(n.name));
        this.fail(argumentError(RESERVED_XMLNS));
      }
      const copy = withNamespaceDeclarations(readCopy(n) as XElement, "");
      const cut = cutAtReserved(copy);
      this.push(copy);
      if (cut) this.fail(argumentError(RESERVED_XMLNS));
      return;
    }
    if (n instanceof XDocumentType) {
      if (!this.document) this.fail(invalidOp("DTD is not allowed in XML fragments."));
      this.check("DTD");
      this.docType = true;
    } else if (n instanceof XCData) this.check("CDATA");
    else if (n instanceof XText) this.check("Text");
    else this.check(n instanceof XComment ? "Comment" : "ProcessingInstruction");
    this.started = true;
    this.push(n.clone());
  }
  /** XDocument.WriteTo / Save(XmlWriter) and XElement.Save(XmlWriter): WriteStartDocument, the nodes, WriteEndDocument. */
  writeDocument(d: XDocument | XElement): void {
    if (this.state !== "open") throw invalidOp("The Writer is closed or in error state.");
    if (!this.document) this.fail(invalidOp("WriteStartDocument cannot be called on writers created with ConformanceLevel.Fragment."));
    if (this.started) this.fail(invalidOp("Token StartDocument in state Document would result in an invalid XML document."));
    this.started = true;
    for (const n of d instanceof XDocument ? d.nodes : [d]) this.write(n);
    if (!this.root) this.fail(invalidOp("Token EndDocument in state Document would result in an invalid XML document."));
    this.ended = true;
  }
  private push(n: XNode): void {
    const last = this.nodes[this.nodes.length - 1];
    if (n.constructor === XText && last && last.constructor === XText) (last as XText).Value += (n as XText).Value;
    else this.nodes.push(n);
  }
}
const XMLNS = "http://www.w3.org/2000/xmlns/";
const RESERVED_XMLNS = 'Prefix "xmlns" is reserved for use by XML.';
/** Ends the tree at its first descendant element in the xmlns namespace, left bare (no attributes or content); true if there was one. */
function cutAtReserved(e: XElement): boolean {
  for (let i = 0; i < e.nodes.length; i++) {
    const c = e.nodes[i];
    if (!(c instanceof XElement)) continue;
    if (c.name.NamespaceName === XMLNS) {
      const bare = new XElement(c.name);
      bare.parent = e;
      e.nodes.length = i;
      e.nodes.push(bare);
      return true;
    }
    if (cutAtReserved(c)) {
      e.nodes.length = i + 1;
      return true;
    }
  }
  return false;
}
/**
 * The namespace declarations XmlWellFormedWriter adds: an element whose namespace is not the default
 * one in scope (and not bound to a prefix in the written tree) gets an xmlns attribute.
 */
function withNamespaceDeclarations(e: XElement, inScope: string): XElement {
  const own = e.attrs.find((a) => a.name.NamespaceName === "" && a.name.LocalName === "xmlns");
  let def = own ? own.Value : inScope;
  const uri = e.name.NamespaceName;
  const prefixed = e.attrs.some((a) => a.name.NamespaceName === XMLNS && a.Value === uri) || e.prefixOf(uri) !== null;
  if (!own && uri !== def && !(prefixed && uri !== "") && uri !== "http://www.w3.org/XML/1998/namespace") {
    const a = new XAttribute(XNamespace.None.GetName("xmlns"), uri);
    a.parent = e;
    e.attrs.unshift(a);
    def = uri;
  }
  for (const c of e.nodes) if (c instanceof XElement) withNamespaceDeclarations(c, def);
  return e;
}

export function xCreateWriter(c: XContainer | null): XNodeWriter {
  if (c === null || c === undefined) throw nullReference();
  return new XNodeWriter(c);
}
/** XNode.WriteTo(XmlWriter). */
export function xWriteTo(n: XNode | null, w: XNodeWriter | null): void {
  if (n === null || n === undefined) throw nullReference();
  if (w === null || w === undefined) throw argumentNull("writer");
  w.write(n);
}
/** XElement.Save(XmlWriter), XDocument.Save(XmlWriter). */
export function xSaveWriter(x: XElement | XDocument | null, w: XNodeWriter | null): void {
  if (x === null || x === undefined) throw nullReference();
  if (w === null || w === undefined) throw argumentNull("writer");
  w.writeDocument(x);
}

void XProcessingInstruction;

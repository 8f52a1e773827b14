// System.Xml.Linq (LINQ to XML) for policy expressions: a small XML parser (namespaces, entities,
// CDATA, comments, processing instructions, DOCTYPE skipped) and XDocument / XElement / XAttribute /
// XName / XNamespace with .NET's behaviour: names compare by namespace and local name, Value is the
// concatenated descendant text, ToString() indents with two spaces and "\r\n" (Environment.NewLine
// on the Windows gateway), whitespace-only text is dropped on Parse (LoadOptions.None).
import { DotNetException, argumentError, argumentNull, nullReference } from "../errors.js";
import { registerTypeCheck } from "./core.js";
import { fmtRoundTrip } from "./number-format.js";
import { parseBool, parseNum } from "./number-parse.js";
import { NumBox } from "./decimal.js";
import { envNewline } from "./newline.js";
import { readXml, XmlReadError, xmlReadError, type XmlRawAttribute } from "../xml-reader.js";

const XMLNS = "http://www.w3.org/2000/xmlns/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export function xmlError(message: string): DotNetException {
  return new DotNetException("System.Xml.XmlException", message);
}

// ---- names ----------------------------------------------------------------------------------------
const namespaces = new Map<string, XNamespace>();
export class XNamespace {
  readonly $typeName = "System.Xml.Linq.XNamespace";
  private readonly names = new Map<string, XName>();
  private constructor(readonly NamespaceName: string) {}
  static Get(uri: string | null): XNamespace {
    if (uri === null || uri === undefined) throw argumentNull("namespaceName");
    let ns = namespaces.get(uri);
    if (!ns) {
      ns = new XNamespace(uri);
      namespaces.set(uri, ns);
    }
    return ns;
  }
  static get None(): XNamespace {
    return XNamespace.Get("");
  }
  static get Xmlns(): XNamespace {
    return XNamespace.Get(XMLNS);
  }
  static get Xml(): XNamespace {
    return XNamespace.Get(XML_NS);
  }
  GetName(local: string): XName {
    let n = this.names.get(local);
    if (!n) {
      verifyNCName(local);
      n = new XName(this, local);
      this.names.set(local, n);
    }
    return n;
  }
  ToString(): string {
    return this.NamespaceName;
  }
  toString(): string {
    return this.NamespaceName;
  }
  Equals(o: unknown): boolean {
    return o === this;
  }
}
/**
 * XmlConvert.VerifyNCName, as XName's local names are checked: empty is an ArgumentNullException, a
 * character that cannot start or be in an XML name an XmlException naming it.
 */
export function verifyNCName(s: string): void {
  if (!s) throw new DotNetException("System.ArgumentNullException", "The empty string '' is not a valid local name.\r\nParameter name: name");
  const hex = (c: string) => `0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
  const shown = (c: string) => (c === " " ? " " : c);
  if (!/^[\p{L}\p{Nl}_]$/u.test(s[0]!)) throw xmlError(`Name cannot begin with the '${shown(s[0]!)}' character, hexadecimal value ${hex(s[0]!)}.`);
  for (const c of s.slice(1)) {
    if (!/^[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Lm}_.\-\u00B7]$/u.test(c)) throw xmlError(`The '${c}' character, hexadecimal value ${hex(c)}, cannot be included in a name.`);
  }
}
/** XName: atomized (one instance per namespace + local name), so === is .NET's ==. */
export class XName {
  readonly $typeName = "System.Xml.Linq.XName";
  constructor(
    readonly Namespace: XNamespace,
    readonly LocalName: string,
  ) {}
  get NamespaceName(): string {
    return this.Namespace.NamespaceName;
  }
  ToString(): string {
    return this.Namespace.NamespaceName ? `{${this.Namespace.NamespaceName}}${this.LocalName}` : this.LocalName;
  }
  toString(): string {
    return this.ToString();
  }
  Equals(o: unknown): boolean {
    return o === this;
  }
  static Get(expanded: string): XName {
    return xname(expanded);
  }
}
/** The implicit string → XName conversion: "local" or "{namespace}local". */
export function xname(s: string | XName | null): XName {
  if (s instanceof XName) return s;
  if (s === null || s === undefined) throw argumentNull("expandedName");
  // XName.Get: "{namespace}local" up to the last '}', with a namespace and a local part
  if (s.length === 0) throw argumentError(`'' is an invalid expanded name.`);
  if (s.startsWith("{")) {
    const e = s.lastIndexOf("}");
    if (e <= 1 || e === s.length - 1) throw argumentError(`'${s}' is an invalid expanded name.`);
    return XNamespace.Get(s.slice(1, e)).GetName(s.slice(e + 1));
  }
  return XNamespace.None.GetName(s);
}
export function xnameOrNull(s: string | XName | null): XName | null {
  return s === null || s === undefined ? null : xname(s);
}
/** `ns + "local"`. */
export function xnsName(ns: XNamespace | null, local: string): XName {
  if (ns === null || ns === undefined) throw argumentNull("ns");
  return ns.GetName(local);
}
export function xns(s: string | null): XNamespace | null {
  return s === null || s === undefined ? null : XNamespace.Get(s);
}

// ---- nodes ----------------------------------------------------------------------------------------
export abstract class XObject {
  parent: XContainer | null = null;
  /** Annotations (objects a program attaches; copies of the node do not carry them). */
  declare private ann?: unknown[];
  AddAnnotation(a: unknown): void {
    if (a === null || a === undefined) throw argumentNull("annotation");
    (this.ann ??= []).push(a);
  }
  annotationsOf(test: (v: unknown) => boolean): unknown[] {
    return this.ann ? this.ann.filter(test) : [];
  }
  RemoveAnnotations(test: (v: unknown) => boolean): void {
    if (this.ann) this.ann = this.ann.filter((a) => !test(a));
  }
  get Parent(): XElement | null {
    return this.parent instanceof XElement ? this.parent : null;
  }
  get Document(): XDocument | null {
    let p: XObject | null = this;
    while (p && !(p instanceof XDocument)) p = p.parent;
    return p as XDocument | null;
  }
}
export abstract class XNode extends XObject {
  abstract write(out: string[], indent: string | null, level: number): void;
  abstract clone(): XNode;
  get NextNode(): XNode | null {
    const p = this.parent;
    if (!p) return null;
    return p.nodes[p.nodes.indexOf(this) + 1] ?? null;
  }
  get PreviousNode(): XNode | null {
    const p = this.parent;
    if (!p) return null;
    return p.nodes[p.nodes.indexOf(this) - 1] ?? null;
  }
  Remove(): void {
    const p = this.parent;
    if (!p) throw new DotNetException("System.InvalidOperationException", "The parent is missing.");
    p.nodes.splice(p.nodes.indexOf(this), 1);
    this.parent = null;
  }
  ToString(saveOptions = 0): string {
    const out: string[] = [];
    this.write(out, saveOptions & 1 ? null : "  ", 0);
    return out.join("");
  }
  override toString(): string {
    return this.ToString();
  }
  ElementsAfterSelf(name?: XName | string | null): XElement[] {
    const p = this.parent;
    if (!p) return [];
    const n = name === undefined ? undefined : xnameOrNull(name);
    return p.nodes.slice(p.nodes.indexOf(this) + 1).filter((x): x is XElement => x instanceof XElement && (n === undefined || x.name === n));
  }
  Ancestors(name?: XName | string | null): XElement[] {
    const n = name === undefined ? undefined : xnameOrNull(name);
    const out: XElement[] = [];
    for (let p = this.Parent; p; p = p.Parent) if (n === undefined || p.name === n) out.push(p);
    return out;
  }
}
export class XText extends XNode {
  readonly $typeName: string = "System.Xml.Linq.XText";
  private v: string;
  // (XText(string) and its Value setter throw ArgumentNullException "value", as XComment's)
  constructor(value: string) {
    super();
    if (value === null || value === undefined) throw argumentNull("value");
    this.v = value;
  }
  get Value(): string {
    return this.v;
  }
  set Value(value: string) {
    if (value === null || value === undefined) throw argumentNull("value");
    this.v = value;
  }
  write(out: string[]): void {
    out.push(escapeText(this.Value));
  }
  clone(): XNode {
    return new XText(this.Value);
  }
}
export class XCData extends XText {
  override readonly $typeName = "System.Xml.Linq.XCData";
  override write(out: string[]): void {
    out.push(`<![CDATA[${checkCharacters(this.Value)}]]>`);
  }
  override clone(): XNode {
    return new XCData(this.Value);
  }
}
export class XComment extends XNode {
  readonly $typeName = "System.Xml.Linq.XComment";
  private v: string;
  constructor(value: string) {
    super();
    if (value === null || value === undefined) throw argumentNull("value");
    this.v = value;
  }
  get Value(): string {
    return this.v;
  }
  set Value(value: string) {
    if (value === null || value === undefined) throw argumentNull("value");
    this.v = value;
  }
  write(out: string[]): void {
    out.push(`<!--${checkCharacters(this.Value)}-->`);
  }
  clone(): XNode {
    return new XComment(this.Value);
  }
}
export class XProcessingInstruction extends XNode {
  readonly $typeName = "System.Xml.Linq.XProcessingInstruction";
  constructor(
    public Target: string,
    public Data: string,
  ) {
    super();
  }
  write(out: string[]): void {
    out.push(`<?${this.Target}${this.Data ? ` ${this.Data}` : ""}?>`);
  }
  clone(): XNode {
    return new XProcessingInstruction(this.Target, this.Data);
  }
}

export class XAttribute extends XObject {
  readonly $typeName = "System.Xml.Linq.XAttribute";
  constructor(
    readonly name: XName,
    private value: string,
  ) {
    super();
  }
  static create(name: XName | string, value: unknown): XAttribute {
    if (value === null || value === undefined) throw argumentNull("value");
    return new XAttribute(xname(name), xmlValueString(value));
  }
  get Name(): XName {
    return this.name;
  }
  get Value(): string {
    return this.value;
  }
  set Value(v: string) {
    if (v === null || v === undefined) throw argumentNull("value");
    this.value = v;
  }
  get IsNamespaceDeclaration(): boolean {
    return this.name.NamespaceName === XMLNS || (this.name.NamespaceName === "" && this.name.LocalName === "xmlns");
  }
  Remove(): void {
    const p = this.parent;
    if (!(p instanceof XElement)) throw new DotNetException("System.InvalidOperationException", "The parent is missing.");
    p.attrs.splice(p.attrs.indexOf(this), 1);
    this.parent = null;
  }
  qualified(el: XElement | null): string {
    if (this.name.NamespaceName === XMLNS) return `xmlns:${this.name.LocalName}`;
    if (!this.name.NamespaceName) return this.name.LocalName;
    if (this.name.NamespaceName === XML_NS) return `xml:${this.name.LocalName}`;
    const p = el ? el.prefixOf(this.name.NamespaceName, true) : null;
    return p ? `${p}:${this.name.LocalName}` : this.name.LocalName;
  }
  ToString(): string {
    let q = this.qualified(this.parent instanceof XElement ? this.parent : null);
    // a namespace no element gives a prefix for: XmlWriter makes one up ("p0")
    if (this.name.NamespaceName && !q.includes(":")) q = `p0:${q}`;
    return `${q}="${escapeAttr(this.value)}"`;
  }
  override toString(): string {
    return this.ToString();
  }
}

export abstract class XContainer extends XNode {
  nodes: XNode[] = [];
  get FirstNode(): XNode | null {
    return this.nodes[0] ?? null;
  }
  get LastNode(): XNode | null {
    return this.nodes[this.nodes.length - 1] ?? null;
  }
  Nodes(): XNode[] {
    return this.nodes.slice();
  }
  Elements(name?: XName | string | null): XElement[] {
    if (name === undefined) return this.nodes.filter((n): n is XElement => n instanceof XElement);
    const n = xnameOrNull(name);
    return this.nodes.filter((x): x is XElement => x instanceof XElement && x.name === n);
  }
  Element(name: XName | string | null): XElement | null {
    const n = xnameOrNull(name);
    for (const x of this.nodes) if (x instanceof XElement && x.name === n) return x;
    return null;
  }
  Descendants(name?: XName | string | null): XElement[] {
    const n = name === undefined ? undefined : xnameOrNull(name);
    const out: XElement[] = [];
    const walk = (c: XContainer) => {
      for (const x of c.nodes)
        if (x instanceof XElement) {
          if (n === undefined || x.name === n) out.push(x);
          walk(x);
        }
    };
    walk(this);
    return out;
  }
  DescendantNodes(): XNode[] {
    const out: XNode[] = [];
    const walk = (c: XContainer) => {
      for (const x of c.nodes) {
        out.push(x);
        if (x instanceof XContainer) walk(x);
      }
    };
    walk(this);
    return out;
  }
  Add(content: unknown): void {
    for (const n of toNodes(content, this)) this.adopt(n);
  }
  AddFirst(content: unknown): void {
    const items = toNodes(content, this).filter((n): n is XNode => n instanceof XNode);
    for (const n of items.reverse()) {
      n.parent = this;
      this.nodes.unshift(n);
    }
  }
  RemoveNodes(): void {
    for (const n of this.nodes) n.parent = null;
    this.nodes = [];
  }
  ReplaceNodes(content: unknown): void {
    this.RemoveNodes();
    this.Add(content);
  }
  protected adopt(n: XNode | XAttribute): void {
    if (isDocType(n) && !(this instanceof XDocument)) throw new DotNetException("System.ArgumentException", "A node of type DocumentType cannot be added to content.");
    if (n instanceof XAttribute) {
      if (!(this instanceof XElement)) throw new DotNetException("System.ArgumentException", "An attribute cannot be added to content.");
      if (this.attrs.some((a) => a.name === n.name)) throw new DotNetException("System.InvalidOperationException", "Duplicate attribute.");
      n.parent = this;
      this.attrs.push(n);
      return;
    }
    // adjacent text merges, as in LINQ to XML
    const last = this.nodes[this.nodes.length - 1];
    if (n.constructor === XText && last && last.constructor === XText) {
      (last as XText).Value += (n as XText).Value;
      return;
    }
    n.parent = this;
    this.nodes.push(n);
  }
}

/** Content of `new XElement(name, content...)` / Add(...): nodes are copied when they already have a parent. */
export function toNodes(content: unknown, owner: XContainer): (XNode | XAttribute)[] {
  if (content === null || content === undefined) return [];
  if (content instanceof XDocument) return [content.Root ? content.Root.clone() : new XText("")].filter((x) => x instanceof XElement);
  if (content instanceof XNode) return [content.parent ? content.clone() : content];
  if (content instanceof XAttribute) return [content.parent ? new XAttribute(content.name, content.Value) : content];
  if (typeof content === "string") return content === "" && owner instanceof XElement ? [new XText("")] : [new XText(content)];
  if (Array.isArray(content) || (typeof content === "object" && Symbol.iterator in (content as object) && !(content instanceof Uint8Array))) {
    const out: (XNode | XAttribute)[] = [];
    for (const x of content as Iterable<unknown>) out.push(...toNodes(x, owner));
    return out;
  }
  return [new XText(xmlValueString(content))];
}

/** XmlConvert.ToString(double/float): "R", with INF/-INF; -0 keeps its sign. */
function xmlFloat(v: number, type: string): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "INF" : "-INF";
  if (Object.is(v, -0)) return "-0";
  return fmtRoundTrip(v, type);
}
/** XmlConvert.ToString(TimeSpan): an ISO 8601 duration (PT1H30M, P1DT2H, -PT0.5S, PT0S). */
function xmlDuration(ts: { parts(): { neg: boolean; d: number; h: number; m: number; s: number; f: number } }): string {
  const { neg, d: days, h, m, s, f: frac } = ts.parts();
  if (!days && !h && !m && !s && !frac) return "PT0S";
  let out = `${neg ? "-" : ""}P${days ? `${days}D` : ""}`;
  if (h || m || s || frac) {
    out += "T";
    if (h) out += `${h}H`;
    if (m) out += `${m}M`;
    if (s || frac) out += `${s}${frac ? `.${String(frac).padStart(7, "0").replace(/0+$/, "")}` : ""}S`;
  }
  return out;
}

/** XmlConvert-style text of a value added as content or attribute value. */
export function xmlValueString(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 1e15 ? String(v) : xmlFloat(v, "double");
  if (v instanceof NumBox && (v.t === "double" || v.t === "float")) return xmlFloat(v.v as number, v.t);
  const o = v as { ToString?: (f?: string) => string; $typeName?: string; ticks?: number };
  // DateTime: round-trip kind, fraction without trailing zeros; DateTimeOffset: "Z" for a zero offset (XsdDateTime)
  if (o.$typeName === "System.DateTime" && typeof o.ToString === "function") return o.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK");
  if (o.$typeName === "System.DateTimeOffset") return (v as { isoText(z: boolean): string }).isoText(true);
  if (o.$typeName === "System.TimeSpan") return xmlDuration(v as Parameters<typeof xmlDuration>[0]);
  if (typeof o.ToString === "function") return o.ToString();
  return String(v);
}

export class XElement extends XContainer {
  readonly $typeName = "System.Xml.Linq.XElement";
  attrs: XAttribute[] = [];
  /** Prefix seen when parsed (used when writing, if still declared in scope). */
  srcPrefix: string | null = null;
  constructor(
    public name: XName,
    empty = true,
  ) {
    super();
    this.isEmpty = empty;
  }
  private isEmpty: boolean;
  static create(name: XName | string, content: unknown[] = []): XElement {
    const e = new XElement(xname(name));
    for (const c of content) e.Add(c);
    return e;
  }
  static copy(other: XElement): XElement {
    if (other === null || other === undefined) throw argumentNull("other");
    return other.clone() as XElement;
  }
  static Parse(text: string | null, options = 0): XElement {
    if (text === null || text === undefined) throw argumentNull("text");
    const doc = parseXml(text, (options & 1) !== 0);
    const root = doc.Root!;
    root.parent = null;
    return root;
  }
  override Add(content: unknown): void {
    super.Add(content);
    if (this.nodes.length) this.isEmpty = false;
  }
  clone(): XNode {
    const e = new XElement(this.name, this.isEmpty);
    e.srcPrefix = this.srcPrefix;
    for (const a of this.attrs) {
      const c = new XAttribute(a.name, a.Value);
      c.parent = e;
      e.attrs.push(c);
    }
    for (const n of this.nodes) {
      const c = n.clone();
      c.parent = e;
      e.nodes.push(c);
    }
    return e;
  }
  get Name(): XName {
    return this.name;
  }
  set Name(n: XName) {
    this.name = n;
  }
  get Value(): string {
    let s = "";
    const walk = (c: XContainer) => {
      for (const x of c.nodes) {
        if (x instanceof XText) s += x.Value;
        else if (x instanceof XElement) walk(x);
      }
    };
    walk(this);
    return s;
  }
  set Value(v: string) {
    if (v === null || v === undefined) throw argumentNull("value");
    this.RemoveNodes();
    if (v !== "") this.adopt(new XText(v));
    this.isEmpty = false;
  }
  get HasElements(): boolean {
    return this.nodes.some((n) => n instanceof XElement);
  }
  get HasAttributes(): boolean {
    return this.attrs.length > 0;
  }
  get IsEmpty(): boolean {
    return this.isEmpty && this.nodes.length === 0;
  }
  get FirstAttribute(): XAttribute | null {
    return this.attrs[0] ?? null;
  }
  get LastAttribute(): XAttribute | null {
    return this.attrs[this.attrs.length - 1] ?? null;
  }
  Attributes(name?: XName | string | null): XAttribute[] {
    if (name === undefined) return this.attrs.slice();
    const n = xnameOrNull(name);
    return this.attrs.filter((a) => a.name === n);
  }
  Attribute(name: XName | string | null): XAttribute | null {
    const n = xnameOrNull(name);
    return this.attrs.find((a) => a.name === n) ?? null;
  }
  DescendantsAndSelf(name?: XName | string | null): XElement[] {
    const n = name === undefined ? undefined : xnameOrNull(name);
    return [...(n === undefined || this.name === n ? [this] : []), ...this.Descendants(name)];
  }
  AncestorsAndSelf(name?: XName | string | null): XElement[] {
    const n = name === undefined ? undefined : xnameOrNull(name);
    return [...(n === undefined || this.name === n ? [this] : []), ...this.Ancestors(name)];
  }
  SetAttributeValue(name: XName | string, value: unknown): void {
    const n = xname(name);
    const a = this.attrs.find((x) => x.name === n);
    if (value === null || value === undefined) {
      if (a) a.Remove();
    } else if (a) a.Value = xmlValueString(value);
    else this.adopt(new XAttribute(n, xmlValueString(value)));
  }
  SetElementValue(name: XName | string, value: unknown): void {
    const n = xname(name);
    const e = this.Element(n);
    if (value === null || value === undefined) {
      if (e) e.Remove();
    } else if (e) e.Value = xmlValueString(value);
    else {
      const c = new XElement(n);
      c.Value = xmlValueString(value);
      this.adopt(c);
    }
  }
  SetValue(value: unknown): void {
    if (value === null || value === undefined) throw argumentNull("value");
    this.Value = xmlValueString(value);
  }
  RemoveAttributes(): void {
    for (const a of this.attrs) a.parent = null;
    this.attrs = [];
  }
  RemoveAll(): void {
    this.RemoveAttributes();
    this.RemoveNodes();
  }
  GetDefaultNamespace(): XNamespace {
    return XNamespace.Get(this.lookup((a) => a.name.NamespaceName === "" && a.name.LocalName === "xmlns") ?? "");
  }
  GetNamespaceOfPrefix(prefix: string): XNamespace | null {
    if (prefix === null || prefix === undefined) throw argumentNull("prefix");
    if (prefix === "") throw argumentError("'' is an invalid prefix.");
    const uri = this.lookup((a) => a.name.NamespaceName === XMLNS && a.name.LocalName === prefix);
    return uri === null ? null : XNamespace.Get(uri);
  }
  /**
   * GetPrefixOfNamespace (System.Xml.Linq): the prefix a prefixed declaration in scope binds to `ns`,
   * nearest first, skipping one a nearer element redeclares; "xml"/"xmlns" for their namespaces.
   */
  GetPrefixOfNamespace(ns: XNamespace | null): string | null {
    if (ns === null || ns === undefined) throw argumentNull("ns");
    const uri = ns.NamespaceName;
    for (let e: XElement | null = this; e; e = e.Parent)
      for (const a of e.attrs) {
        if (a.name.NamespaceName !== XMLNS || a.Value !== uri) continue;
        let redeclared = false;
        for (let below: XElement | null = this; below && below !== e; below = below.Parent)
          if (below.attrs.some((b) => b.name.NamespaceName === XMLNS && b.name.LocalName === a.name.LocalName)) redeclared = true;
        if (!redeclared) return a.name.LocalName;
      }
    if (uri === XML_NS) return "xml";
    if (uri === XMLNS) return "xmlns";
    return null;
  }
  private lookup(test: (a: XAttribute) => boolean): string | null {
    for (let e: XElement | null = this; e; e = e.Parent) for (const a of e.attrs) if (test(a)) return a.Value;
    return null;
  }
  /** The prefix bound to `uri` in scope ("" = default namespace), or null when undeclared. */
  prefixOf(uri: string, forAttribute = false): string | null {
    for (let e: XElement | null = this; e; e = e.Parent)
      for (const a of e.attrs) {
        if (a.Value !== uri) continue;
        if (a.name.NamespaceName === XMLNS) return a.name.LocalName;
        if (!forAttribute && a.name.NamespaceName === "" && a.name.LocalName === "xmlns") return "";
      }
    return null;
  }
  write(out: string[], indent: string | null, level: number, extraNs: Map<string, string> = new Map()): void {
    const uri = this.name.NamespaceName;
    // XmlWriter's WriteStartElement: an element in the xmlns namespace would need the reserved prefix
    if (uri === XMLNS) throw argumentError('Prefix "xmlns" is reserved for use by XML.');
    let tag = this.name.LocalName;
    let declare = "";
    const scope = new Map(extraNs);
    if (uri === XML_NS) tag = `xml:${tag}`;
    else {
      const p = this.prefixOf(uri) ?? (scope.has(uri) ? scope.get(uri)! : null);
      if (p === null) {
        const inherited = scope.has("\0default") ? scope.get("\0default")! : this.inheritedDefault();
        if (uri !== "" || inherited !== "") {
          declare = ` xmlns="${escapeAttr(uri)}"`;
          scope.set(uri, "");
          scope.set("\0default", uri);
        }
      } else if (p) tag = `${p}:${tag}`;
    }
    out.push(`<${tag}${declare}`);
    for (const a of this.attrs) out.push(` ${a.qualified(this)}="${escapeAttr(a.Value)}"`);
    if (this.nodes.length === 0) {
      out.push(this.isEmpty ? " />" : `></${tag}>`);
      return;
    }
    out.push(">");
    // XmlWriter's indenting: children are indented until the first text at their level (mixed content), then written as they are
    let mixed = indent === null;
    for (const n of this.nodes) {
      if (n instanceof XText) mixed = true;
      if (!mixed) out.push(envNewline.text, indent!.repeat(level + 1));
      if (n instanceof XElement) n.write(out, mixed ? null : indent, level + 1, scope);
      else n.write(out, null, level + 1);
    }
    if (!mixed) out.push(envNewline.text, indent!.repeat(level));
    out.push(`</${tag}>`);
  }
  /** The default namespace declared (by an xmlns attribute) on an ancestor, "" when none. */
  private inheritedDefault(): string {
    for (let e = this.Parent; e; e = e.Parent) for (const a of e.attrs) if (a.name.NamespaceName === "" && a.name.LocalName === "xmlns") return a.Value;
    return "";
  }
}

export class XDeclaration {
  readonly $typeName = "System.Xml.Linq.XDeclaration";
  constructor(
    public Version: string | null,
    public Encoding: string | null,
    public Standalone: string | null,
  ) {}
  ToString(): string {
    let s = "<?xml";
    if (this.Version !== null) s += ` version="${this.Version}"`;
    if (this.Encoding !== null) s += ` encoding="${this.Encoding}"`;
    if (this.Standalone !== null) s += ` standalone="${this.Standalone}"`;
    return `${s}?>`;
  }
  toString(): string {
    return this.ToString();
  }
}

export class XDocument extends XContainer {
  readonly $typeName = "System.Xml.Linq.XDocument";
  Declaration: XDeclaration | null = null;
  static create(content: unknown[] = []): XDocument {
    const d = new XDocument();
    for (const c of content) d.Add(c);
    return d;
  }
  /** new XDocument(XDeclaration, params object[] content). */
  static declared(decl: XDeclaration | null, content: unknown[]): XDocument {
    const d = XDocument.create(content);
    d.Declaration = decl;
    return d;
  }
  static Parse(text: string | null, options = 0): XDocument {
    if (text === null || text === undefined) throw argumentNull("text");
    return parseXml(text, (options & 1) !== 0);
  }
  get Root(): XElement | null {
    for (const n of this.nodes) if (n instanceof XElement) return n;
    return null;
  }
  /** The XDocumentType node (xml-io.ts), or null: apimc's parser skips a DOCTYPE, so only a constructed document has one. */
  get DocumentType(): XNode | null {
    return this.nodes.find(isDocType) ?? null;
  }
  override Add(content: unknown): void {
    for (const n of toNodes(content, this)) {
      if (n instanceof XText && !/^\s*$/.test(n.Value)) throw new DotNetException("System.ArgumentException", "Non-whitespace characters cannot be added to content.");
      if (n instanceof XElement && this.Root) throw new DotNetException("System.InvalidOperationException", "This operation would create an incorrectly structured document.");
      // the DOCTYPE: one, before the root element
      if (isDocType(n) && (this.Root || this.DocumentType)) throw new DotNetException("System.InvalidOperationException", "This operation would create an incorrectly structured document.");
      this.adopt(n);
    }
  }
  clone(): XNode {
    const d = new XDocument();
    d.Declaration = this.Declaration;
    for (const n of this.nodes) {
      const c = n.clone();
      c.parent = d;
      d.nodes.push(c);
    }
    return d;
  }
  write(out: string[], indent: string | null): void {
    let first = true;
    for (const n of this.nodes) {
      if (!first && indent !== null) out.push(envNewline.text);
      first = false;
      n.write(out, indent, 0);
    }
  }
}

/** An XDocumentType (declared in xml-io.ts, which builds on this module). */
const isDocType = (n: unknown): n is XNode => (n as { $typeName?: string } | null)?.$typeName === "System.Xml.Linq.XDocumentType";

// ---- escaping --------------------------------------------------------------------------------------
/**
 * XmlWriter (CheckCharacters, as XNode.ToString and Save use it) refuses a character XML does not
 * allow (a C0 control but tab, LF and CR; U+FFFE, U+FFFF) and a lone surrogate in text, attribute
 * values, comments and CDATA, with XmlConvert's ArgumentException messages.
 */
function checkCharacters(s: string): string {
  if (!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  const hex = (c: number) => `0x${c.toString(16).toUpperCase()}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 13 : c >= 0xfffe) throw argumentError(`'${s[i]}', hexadecimal value ${hex(c).replace(/^0x(.)$/, "0x0$1")}, is an invalid character.`);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c >= 0xdc00) throw argumentError(`Invalid high surrogate character (${hex(c)}). A high surrogate character must have a value from range (0xD800 - 0xDBFF).`);
    if (i + 1 >= s.length) throw argumentError("The surrogate pair is invalid. Missing a low surrogate character.");
    const d = s.charCodeAt(i + 1);
    if (d < 0xdc00 || d > 0xdfff) throw argumentError(`The surrogate pair (${hex(c)}, ${hex(d)}) is invalid. A high surrogate character (0xD800 - 0xDBFF) must always be paired with a low surrogate character (0xDC00 - 0xDFFF).`);
    i++;
  }
  return s;
}
function escapeText(s: string): string {
  checkCharacters(s);
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}
function escapeAttr(s: string): string {
  checkCharacters(s);
  return s.replace(/[&<>"\t\n\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" })[c]!);
}

// ---- parser -----------------------------------------------------------------------------------------
/** Parses a document; `preserveWs` keeps whitespace-only text (LoadOptions.PreserveWhitespace). */
export function parseXml(text: string, preserveWs = false): XDocument {
  const doc = new XDocument();
  type Open = { el: XElement; prefix: string | null; attrs: XmlRawAttribute[] };
  const stack: Open[] = [];
  const current = (): XContainer => (stack.length ? stack[stack.length - 1]!.el : doc);
  // namespace resolution happens when the start tag is complete (its own declarations in scope)
  const lookup = (prefix: string): string | null => {
    if (prefix === "xml") return XML_NS;
    if (prefix === "xmlns") return XMLNS;
    for (let k = stack.length - 1; k >= 0; k--) {
      for (const a of stack[k]!.attrs) if (prefix === "" ? a.qname === "xmlns" : a.qname === `xmlns:${prefix}`) return a.value;
    }
    return prefix === "" ? "" : null;
  };
  let at = 0;
  const fail = (reason: string): never => {
    throw xmlReadError(text, reason, at);
  };
  try {
    readXml(
      text,
      {
        declaration(attrs) {
          const attr = (k: string) => attrs.find((a) => a.qname === k)?.value ?? null;
          doc.Declaration = new XDeclaration(attr("version"), attr("encoding"), attr("standalone"));
        },
        startElement(qname, attrs, selfClosing, start) {
          at = start;
          const colon = qname.indexOf(":");
          const el = new XElement(XNamespace.None.GetName(colon < 0 ? qname : qname.slice(colon + 1)));
          const open: Open = { el, prefix: colon < 0 ? null : qname.slice(0, colon), attrs };
          stack.push(open);
          for (const a of attrs) {
            let name: XName;
            if (a.qname === "xmlns") name = XNamespace.None.GetName("xmlns");
            else if (a.qname.startsWith("xmlns:")) name = XNamespace.Xmlns.GetName(a.qname.slice(6));
            else {
              const c = a.qname.indexOf(":");
              if (c < 0) name = XNamespace.None.GetName(a.qname);
              else {
                const uri = lookup(a.qname.slice(0, c));
                if (uri === null) fail(`'${a.qname.slice(0, c)}' is an undeclared prefix.`);
                name = XNamespace.Get(uri!).GetName(a.qname.slice(c + 1));
              }
            }
            if (el.attrs.some((x) => x.name === name)) fail(`'${a.qname}' is a duplicate attribute name.`);
            const attr = new XAttribute(name, a.value);
            attr.parent = el;
            el.attrs.push(attr);
          }
          const uri = lookup(open.prefix ?? "");
          if (uri === null) fail(`'${open.prefix}' is an undeclared prefix.`);
          el.name = XNamespace.Get(uri!).GetName(el.name.LocalName);
          el.srcPrefix = open.prefix;
          stack.pop();
          current().Add(el);
          if (!selfClosing) stack.push(open);
        },
        endElement() {
          const top = stack.pop()!;
          if (top.el.nodes.length === 0) (top.el as unknown as { isEmpty: boolean }).isEmpty = false;
        },
        text(value) {
          if (preserveWs || !/^[ \t\r\n]*$/.test(value)) current().Add(value);
        },
        cdata(value) {
          current().Add(new XCData(value));
        },
        comment(value) {
          current().Add(new XComment(value));
        },
        processingInstruction(target, data) {
          current().Add(new XProcessingInstruction(target, data));
        },
      },
      { doctype: "skip" },
    );
  } catch (e) {
    throw e instanceof XmlReadError ? xmlError(e.message) : e;
  }
  return doc;
}

// ---- conversions -------------------------------------------------------------------------------------
/** Explicit conversions `(string)element`, `(int)attribute`, ... (XmlConvert parsing). */
export function xconv(x: XElement | XAttribute | null, key: string): unknown {
  const nullable = key.endsWith("?");
  const k = nullable ? key.slice(0, -1) : key;
  if (x === null || x === undefined) {
    if (k === "string" || nullable) return null;
    throw argumentNull("element");
  }
  const v = x.Value;
  switch (k) {
    case "string":
      return v;
    case "bool": {
      const t = v.trim();
      if (t === "1") return true;
      if (t === "0") return false;
      return parseBool(t);
    }
    case "double":
    case "float":
    case "decimal": {
      const t = v.trim();
      if (t === "INF") return Infinity;
      if (t === "-INF") return -Infinity;
      if (t === "NaN") return NaN;
      return parseNum(t, k, k === "decimal" ? 111 : 167);
    }
    default:
      if (["int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort"].includes(k)) return parseNum(v.trim(), k, 7);
      return v;
  }
}
/** `(XElement)null` style member access guard: .NET throws NullReferenceException on a null receiver. */
export function xnn<T>(x: T | null): T {
  if (x === null || x === undefined) throw nullReference();
  return x;
}

registerTypeCheck("XElement", (v) => v instanceof XElement);
registerTypeCheck("XDocument", (v) => v instanceof XDocument);
registerTypeCheck("XNode", (v) => v instanceof XNode);
registerTypeCheck("XContainer", (v) => v instanceof XContainer);
registerTypeCheck("XAttribute", (v) => v instanceof XAttribute);
registerTypeCheck("XText", (v) => v instanceof XText);
registerTypeCheck("XComment", (v) => v instanceof XComment);
registerTypeCheck("XObject", (v) => v instanceof XObject);
/** Extensions.Elements/Descendants/Attributes/Nodes over a sequence of elements (document order). */
export function xmlFlat(src: Iterable<XElement | null> | null, method: "Elements" | "Descendants" | "Attributes" | "Nodes", name?: XName | null): unknown[] {
  if (src === null || src === undefined) throw argumentNull("source");
  const out: unknown[] = [];
  for (const e of src) {
    if (!e) continue;
    const r = method === "Nodes" ? e.Nodes() : name === undefined ? e[method]() : e[method](name);
    for (const x of r) out.push(x);
  }
  return out;
}
/** XObject.NodeType: the System.Xml.XmlNodeType value of each node class (CDATA before its base XText). */
export function xNodeType(o: XObject | null): number {
  if (o === null || o === undefined) throw nullReference();
  if (o instanceof XElement) return 1;
  if (o instanceof XAttribute) return 2;
  if (o instanceof XCData) return 4;
  if (o instanceof XText) return 3;
  if (o instanceof XProcessingInstruction) return 7;
  if (o instanceof XComment) return 8;
  if (o instanceof XDocument) return 9;
  if (isDocType(o)) return 10;
  return 0;
}

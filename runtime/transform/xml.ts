// The plain XML tree of the body conversions (json-to-xml, xml-to-json, Liquid's `body` over XML):
// built by the runtime's one reader (../xml-reader.ts), written back by writeElement. Elements,
// attributes, text, CDATA, comments, processing instructions and the XML declaration; DOCTYPE is
// refused (no entity expansion, no external resources).
import { isXmlNameChar, readXml, XmlReadError } from "../xml-reader.js";

export interface XmlElement {
  kind: "element";
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
  /** Written as `<x/>` (Newtonsoft maps it to null, `<x></x>` to ""). */
  selfClosing: boolean;
}
export type XmlNode = XmlElement | { kind: "text"; text: string } | { kind: "cdata"; text: string } | { kind: "comment"; text: string } | { kind: "pi"; target: string; data: string };

export interface XmlDocumentTree {
  declaration: [string, string][] | null;
  root: XmlElement;
}

/** Not well-formed XML (the shared reader's error: .NET's message, line and position). */
export { XmlReadError as XmlSyntaxError };

/** Elements nested deeper than this are refused: the conversions walk the tree recursively. */
const MAX_DEPTH = 512;

/**
 * Reads a document with the runtime's one XML reader (XmlDocument's rules) into the plain tree;
 * whitespace-only text is kept (the conversions decide what is significant). DOCTYPE is refused:
 * a body is not trusted with entity declarations.
 */
export function parseXmlDocument(text: string): XmlDocumentTree {
  let declaration: [string, string][] | null = null;
  let root: XmlElement | null = null;
  const open: XmlElement[] = [];
  const add = (node: XmlNode) => open[open.length - 1]?.children.push(node);
  readXml(
    text,
    {
      declaration(attrs) {
        declaration = attrs.map((a) => [a.qname, a.value]);
      },
      startElement(name, attrs, selfClosing) {
        const el: XmlElement = { kind: "element", name, attrs: attrs.map((a) => [a.qname, a.value]), children: [], selfClosing };
        if (open.length) add(el);
        else root = el;
        if (!selfClosing) open.push(el);
      },
      endElement() {
        open.pop();
      },
      text(value) {
        add({ kind: "text", text: value });
      },
      cdata(value) {
        add({ kind: "cdata", text: value });
      },
      comment(value) {
        add({ kind: "comment", text: value });
      },
      processingInstruction(target, data) {
        add({ kind: "pi", target, data });
      },
    },
    { doctype: "refuse", maxDepth: MAX_DEPTH },
  );
  return { declaration, root: root! };
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" })[c]!);
}

/** XmlConvert.EncodeName: characters not allowed in an XML name become `_xHHHH_`. */
export function encodeXmlName(name: string): string {
  if (name === "") return "_x0000_"; // [infer] Newtonsoft refuses empty names; we keep the data
  let out = "";
  let idx = 0;
  for (const ch of name) {
    const first = idx === 0;
    const ok = isXmlNameChar(ch, first) && ch !== ":";
    // A literal `_x0041_` in the name is escaped too, so decoding gives the name back.
    const escapeLike = ch === "_" && /^_x[0-9A-Fa-f]{4}_/.test(name.slice(idx));
    if (ok && !escapeLike) out += ch;
    else {
      const cp = ch.codePointAt(0)!;
      out += cp > 0xffff ? `_x${cp.toString(16).toUpperCase().padStart(8, "0")}_` : `_x${cp.toString(16).toUpperCase().padStart(4, "0")}_`;
    }
    idx += ch.length;
  }
  return out;
}

export function writeElement(el: XmlElement): string {
  let s = `<${el.name}`;
  for (const [k, v] of el.attrs) s += ` ${k}="${escapeAttr(v)}"`;
  if (el.children.length === 0) return el.selfClosing ? `${s} />` : `${s}></${el.name}>`;
  s += ">";
  for (const c of el.children) s += writeNode(c);
  return `${s}</${el.name}>`;
}

function writeNode(n: XmlNode): string {
  switch (n.kind) {
    case "element":
      return writeElement(n);
    case "text":
      return escapeText(n.text);
    case "cdata":
      return `<![CDATA[${n.text}]]>`;
    case "comment":
      return `<!--${n.text}-->`;
    case "pi":
      return `<?${n.target} ${n.data}?>`;
  }
}

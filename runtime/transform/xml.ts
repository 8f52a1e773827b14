// A small XML reader and writer for the body conversions (json-to-xml, xml-to-json, Liquid's
// `body` over XML). Not validating: elements, attributes, text, CDATA, comments, processing
// instructions and the XML declaration. DOCTYPE is refused (no entity expansion, no external
// resources).

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

export class XmlSyntaxError extends Error {}

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

export function parseXmlDocument(text: string): XmlDocumentTree {
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const fail = (msg: string): never => {
    throw new XmlSyntaxError(`${msg} at offset ${i}.`);
  };
  const ws = () => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  const name = (): string => {
    const s = i;
    if (i >= n || !NAME_START.test(text[i]!)) fail("Expected a name");
    while (i < n && NAME_CHAR.test(text[i]!)) i++;
    return text.slice(s, i);
  };
  const attrsUntil = (end: string): [string, string][] => {
    const out: [string, string][] = [];
    for (;;) {
      ws();
      if (text.startsWith(end, i) || text.startsWith("/>", i) || text[i] === ">") return out;
      const an = name();
      ws();
      if (text[i] !== "=") fail(`Expected '=' after attribute '${an}'`);
      i++;
      ws();
      const q = text[i];
      if (q !== '"' && q !== "'") fail("Expected a quoted attribute value");
      const e = text.indexOf(q!, i + 1);
      if (e < 0) fail("Unterminated attribute value");
      const raw = text.slice(i + 1, e);
      if (raw.includes("<")) fail("'<' in an attribute value");
      if (out.some((a) => a[0] === an)) fail(`Duplicate attribute '${an}'`);
      out.push([an, decodeEntities(raw).replace(/[\t\n\r]/g, " ")]);
      i = e + 1;
    }
  };
  let declaration: [string, string][] | null = null;
  const prolog: XmlNode[] = [];
  const misc = (into: XmlNode[] | null): boolean => {
    if (text.startsWith("<!--", i)) {
      const e = text.indexOf("-->", i + 4);
      if (e < 0) fail("Unterminated comment");
      into?.push({ kind: "comment", text: text.slice(i + 4, e) });
      i = e + 3;
      return true;
    }
    if (text.startsWith("<?", i)) {
      i += 2;
      const target = name();
      const e = text.indexOf("?>", i);
      if (e < 0) fail("Unterminated processing instruction");
      if (target.toLowerCase() === "xml") {
        if (declaration || into !== prolog || prolog.length) fail("Misplaced XML declaration");
        declaration = attrsUntil("?>");
        ws();
        if (!text.startsWith("?>", i)) fail("Bad XML declaration");
        i += 2;
        return true;
      }
      into?.push({ kind: "pi", target, data: text.slice(i, e).trim() });
      i = e + 2;
      return true;
    }
    if (text.startsWith("<!DOCTYPE", i) || text.startsWith("<!doctype", i)) fail("DOCTYPE is not allowed");
    return false;
  };
  const element = (depth: number): XmlElement => {
    if (depth > 512) fail("Elements nested too deeply");
    i++; // <
    const el: XmlElement = { kind: "element", name: name(), attrs: [], children: [], selfClosing: false };
    el.attrs = attrsUntil(">");
    if (text.startsWith("/>", i)) {
      i += 2;
      el.selfClosing = true;
      return el;
    }
    if (text[i] !== ">") fail("Expected '>'");
    i++;
    for (;;) {
      if (i >= n) fail(`Unclosed element <${el.name}>`);
      if (text.startsWith("</", i)) {
        i += 2;
        const close = name();
        if (close !== el.name) fail(`</${close}> does not close <${el.name}>`);
        ws();
        if (text[i] !== ">") fail("Expected '>'");
        i++;
        return el;
      }
      if (text.startsWith("<![CDATA[", i)) {
        const e = text.indexOf("]]>", i + 9);
        if (e < 0) fail("Unterminated CDATA section");
        el.children.push({ kind: "cdata", text: text.slice(i + 9, e) });
        i = e + 3;
        continue;
      }
      if (text[i] === "<") {
        if (misc(el.children)) continue;
        el.children.push(element(depth + 1));
        continue;
      }
      const e = text.indexOf("<", i);
      const raw = text.slice(i, e < 0 ? n : e);
      el.children.push({ kind: "text", text: decodeEntities(raw) });
      i = e < 0 ? n : e;
    }
  };
  for (;;) {
    ws();
    if (i >= n) fail("No root element");
    if (misc(prolog)) continue;
    if (text[i] !== "<") fail("Text outside the root element");
    break;
  }
  const root = element(0);
  for (;;) {
    ws();
    if (i >= n) break;
    if (!misc(null)) fail("Content after the root element");
  }
  return { declaration, root };
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlSyntaxError(`Bad character reference ${m}.`);
      return String.fromCodePoint(cp);
    }
    const v = NAMED[e];
    if (v === undefined) throw new XmlSyntaxError(`Unknown entity ${m}.`);
    return v;
  });
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
    const ok = first ? NAME_START.test(ch) && ch !== ":" : NAME_CHAR.test(ch) && ch !== ":";
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

// json-to-xml, xml-to-json and find-and-replace over a message body. Bodies are read through
// MessageBody.content(): a body already consumed by `As<T>()` without preserveContent is empty
// (the consumption rule), and an empty or missing body is left alone. The result is a new MessageBody.
import { MessageBody } from "../body.js";
import type { Context, RequestMessage, ResponseMessage } from "../context.js";
import { PolicyError } from "../errors.js";
import { encodeXmlName, escapeText, parseXmlDocument, XmlSyntaxError, type XmlElement, type XmlNode, writeElement, escapeAttr } from "./xml.js";

// ---------------------------------------------------------------------------------------------
// JSON with number lexemes kept (json-to-xml writes numbers as written; JSON.parse would turn 1.0 into 1)

export type JsonNode =
  | { t: "obj"; props: [string, JsonNode][] }
  | { t: "arr"; items: JsonNode[] }
  | { t: "str"; v: string }
  | { t: "num"; raw: string }
  | { t: "bool"; v: boolean }
  | { t: "null" };

export class JsonSyntaxError extends Error {}

export function parseJsonTree(text: string): JsonNode {
  let i = 0;
  const n = text.length;
  const fail = (m: string): never => {
    throw new JsonSyntaxError(`${m} at offset ${i}.`);
  };
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const str = (): string => {
    const s = i;
    i++;
    let simple = true;
    while (i < n && text[i] !== '"') {
      if (text[i] === "\\") {
        simple = false;
        i += 2;
      } else i++;
    }
    if (i >= n) fail("Unterminated string");
    i++;
    if (simple) return text.slice(s + 1, i - 1);
    try {
      return JSON.parse(text.slice(s, i)) as string;
    } catch {
      return fail("Bad string escape");
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > 512) fail("Nested too deeply");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const props: [string, JsonNode][] = [];
      ws();
      if (text[i] === "}") return i++, { t: "obj", props };
      for (;;) {
        ws();
        if (text[i] !== '"') fail("Expected a property name");
        const k = str();
        ws();
        if (text[i] !== ":") fail("Expected ':'");
        i++;
        const v = value(depth + 1);
        const dup = props.findIndex((p) => p[0] === k);
        if (dup >= 0) props[dup] = [k, v];
        else props.push([k, v]);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return i++, { t: "obj", props };
        else fail("Expected ',' or '}'");
      }
    }
    if (c === "[") {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === "]") return i++, { t: "arr", items };
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return i++, { t: "arr", items };
        else fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return { t: "str", v: str() };
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0]) return (i += m[0].length), { t: "num", raw: m[0] };
    for (const [w, node] of [["true", { t: "bool", v: true }], ["false", { t: "bool", v: false }], ["null", { t: "null" }]] as const)
      if (text.startsWith(w, i)) return (i += w.length), node as JsonNode;
    return fail("Unexpected character");
  };
  const v = value(0);
  ws();
  if (i < n) fail("Content after the JSON value");
  return v;
}

/** The JSON tree as plain JS values (Liquid's `body`). */
export function jsonToPlain(node: JsonNode): unknown {
  switch (node.t) {
    case "obj": {
      const o: Record<string, unknown> = Object.create(null);
      for (const [k, v] of node.props) o[k] = jsonToPlain(v);
      return o;
    }
    case "arr":
      return node.items.map(jsonToPlain);
    case "str":
      return node.v;
    case "num":
      return Number(node.raw);
    case "bool":
      return node.v;
    case "null":
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Message helpers

const JSON_TYPE = /^(application|text)\/json\b|\+json\b/i;
const XML_TYPE = /^(application|text)\/xml\b|\+xml\b/i;

export function isJsonContentType(ct: string | null): boolean {
  return !!ct && JSON_TYPE.test(ct.trim());
}
export function isXmlContentType(ct: string | null): boolean {
  return !!ct && XML_TYPE.test(ct.trim());
}

type Message = RequestMessage | ResponseMessage;

/** The message a body policy works on: the request in inbound/backend, the response otherwise. */
function messageOf(ctx: Context, target: "request" | "response"): Message {
  return target === "request" ? ctx.Request : ctx.Response;
}

function bodyText(m: Message): string | null {
  if (!m.Body) return null;
  const b = m.Body.content();
  return b.length === 0 ? null : b.toString("utf8");
}

/**
 * consider-accept-header [infer]: the conversion runs when the request's Accept header is absent,
 * accepts anything (`*\/*`), or names the target format; it is skipped when Accept names only other
 * media types (the client asked for what the body already is).
 */
function acceptAllows(ctx: Context, target: RegExp): boolean {
  const accept = ctx.Request.Headers.GetValueOrDefault("Accept", null);
  if (accept === null || accept.trim() === "") return true;
  return accept.split(",").some((part) => {
    const t = part.split(";")[0]!.trim();
    return t === "*/*" || target.test(t);
  });
}

function conversionError(what: string, e: unknown): PolicyError {
  return new PolicyError("BodyConversionFailed", `${what}: ${e instanceof Error ? e.message : String(e)}`, 500);
}

// ---------------------------------------------------------------------------------------------
// json-to-xml

export interface JsonToXmlOptions {
  /** "always" | "content-type-json" */
  apply: string;
  considerAccept: boolean;
  parseDate: boolean;
  /** Separator between a namespace prefix and a local name in property names (e.g. ":"); null: none. */
  namespaceSeparator: string | null;
  /** Property names starting with this prefix (and the separator) declare namespaces, e.g. "xmlns". */
  namespacePrefix: string | null;
  /** A property with this name holds the attributes of its parent element. */
  attributeBlockName: string | null;
}

/**
 * Newtonsoft's DeserializeXmlNode(json, "Document") as APIM uses it: the root element is
 * <Document>; each property becomes an element; an array repeats its property's element; null is an
 * empty element; "@name" properties and the attribute block become attributes; "#text" is text.
 * A top-level array gives <Document><Array>…</Array>…</Document> [infer]. No XML declaration is
 * written.
 */
export function jsonToXmlText(json: string, o: JsonToXmlOptions): string {
  const tree = parseJsonTree(json);
  const root: XmlElement = { kind: "element", name: "Document", attrs: [], children: [], selfClosing: false };
  if (tree.t === "obj") fillObject(root, tree, o);
  else if (tree.t === "arr") for (const item of tree.items) root.children.push(...elementsFor("Array", item, o));
  else {
    const t = scalarText(tree, o);
    if (t !== null) root.children.push({ kind: "text", text: t });
  }
  return writeElement(root);
}

function xmlName(name: string, o: JsonToXmlOptions): string {
  if (o.namespaceSeparator) {
    const at = name.indexOf(o.namespaceSeparator);
    if (at > 0) return `${encodeXmlName(name.slice(0, at))}:${encodeXmlName(name.slice(at + o.namespaceSeparator.length))}`;
  }
  return encodeXmlName(name);
}

function attrName(name: string, o: JsonToXmlOptions): string {
  if (o.namespacePrefix && o.namespaceSeparator && name.startsWith(o.namespacePrefix + o.namespaceSeparator))
    return `xmlns:${encodeXmlName(name.slice(o.namespacePrefix.length + o.namespaceSeparator.length))}`;
  if (o.namespacePrefix && name === o.namespacePrefix) return "xmlns";
  return xmlName(name, o);
}

function fillObject(el: XmlElement, obj: Extract<JsonNode, { t: "obj" }>, o: JsonToXmlOptions): void {
  for (const [k, v] of obj.props) {
    if (o.attributeBlockName !== null && k === o.attributeBlockName && v.t === "obj") {
      for (const [ak, av] of v.props) el.attrs.push([attrName(ak, o), scalarText(av, o) ?? ""]);
      continue;
    }
    if (k.startsWith("@") && k.length > 1 && v.t !== "obj" && v.t !== "arr") {
      el.attrs.push([attrName(k.slice(1), o), scalarText(v, o) ?? ""]);
      continue;
    }
    if (k === "#text" && v.t !== "obj" && v.t !== "arr") {
      const t = scalarText(v, o);
      if (t !== null) el.children.push({ kind: "text", text: t });
      continue;
    }
    el.children.push(...elementsFor(k, v, o));
  }
}

function elementsFor(name: string, v: JsonNode, o: JsonToXmlOptions): XmlElement[] {
  if (v.t === "arr") return v.items.flatMap((item) => elementsFor(name, item, o));
  const el: XmlElement = { kind: "element", name: xmlName(name, o), attrs: [], children: [], selfClosing: false };
  if (v.t === "obj") fillObject(el, v, o);
  else if (v.t === "null") el.selfClosing = true;
  else {
    const t = scalarText(v, o)!;
    if (t !== "") el.children.push({ kind: "text", text: t });
  }
  return [el];
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/;

function scalarText(v: JsonNode, o: JsonToXmlOptions): string | null {
  switch (v.t) {
    case "str":
      return o.parseDate ? normalizeDate(v.v) : v.v;
    case "num":
      return v.raw;
    case "bool":
      return v.v ? "true" : "false";
    case "null":
      return null;
    default:
      return JSON.stringify(v);
  }
}

/** parse-date: an ISO 8601 date-time is written as .NET writes a round-trip DateTime (seconds always, no trailing zero fraction). */
function normalizeDate(s: string): string {
  const m = ISO_DATE.exec(s);
  if (!m) return s;
  const frac = (m[4] ?? "").slice(0, 7).replace(/0+$/, "");
  return `${m[1]}T${m[2]}:${m[3] ?? "00"}${frac ? `.${frac}` : ""}${m[5] ?? ""}`;
}

export async function jsonToXmlBody(ctx: Context, target: "request" | "response", o: JsonToXmlOptions): Promise<void> {
  const m = messageOf(ctx, target);
  if (o.apply === "content-type-json" && !isJsonContentType(m.Headers.GetValueOrDefault("Content-Type", null))) return;
  if (o.considerAccept && !acceptAllows(ctx, /^(application|text)\/xml$|\+xml$/i)) return;
  const text = bodyText(m);
  if (text === null) return;
  let xml: string;
  try {
    xml = jsonToXmlText(text, o);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw conversionError("json-to-xml: the body is not valid JSON", e);
    throw e;
  }
  m.Body = new MessageBody(xml);
  m.Headers.setValues("Content-Type", ["application/xml"]);
}

// ---------------------------------------------------------------------------------------------
// xml-to-json

export interface XmlToJsonOptions {
  kind: "javascript-friendly" | "direct";
  /** "always" | "content-type-xml" */
  apply: string;
  considerAccept: boolean;
  alwaysArrayChildElements: boolean;
}

/**
 * `direct` is Newtonsoft's SerializeXmlNode: the root element is the only property; attributes are
 * "@name"; text beside attributes or elements is "#text" (CDATA "#cdata-section"); repeated child
 * elements become arrays; an empty `<x/>` is null and `<x></x>` is ""; the XML declaration is
 * "?xml"; prefixes and xmlns attributes are kept. Every value is a string.
 * `javascript-friendly` [infer: the reference page only says "friendly to JavaScript developers"]:
 * the same shape without the declaration, processing instructions, comments, namespace
 * declarations and prefixes, with attributes as plain properties (no "@").
 */
export function xmlToJsonText(xml: string, o: Pick<XmlToJsonOptions, "kind" | "alwaysArrayChildElements">): string {
  const doc = parseXmlDocument(xml);
  const out: Record<string, unknown> = {};
  const friendly = o.kind === "javascript-friendly";
  if (!friendly && doc.declaration) {
    const d: Record<string, string> = {};
    for (const [k, v] of doc.declaration) d[`@${k}`] = v;
    out["?xml"] = d;
  }
  out[elName(doc.root.name, friendly)] = elementValue(doc.root, friendly, o.alwaysArrayChildElements);
  return JSON.stringify(out);
}

function elName(name: string, friendly: boolean): string {
  if (!friendly) return name;
  const at = name.indexOf(":");
  return at >= 0 ? name.slice(at + 1) : name;
}

export function elementValue(el: XmlElement, friendly: boolean, alwaysArray: boolean): unknown {
  const attrs = el.attrs.filter(([k]) => !(friendly && (k === "xmlns" || k.startsWith("xmlns:"))));
  const elements = el.children.filter((c): c is XmlElement => c.kind === "element");
  const texts = el.children.filter((c) => c.kind === "text" || c.kind === "cdata") as { kind: "text" | "cdata"; text: string }[];
  const significant = texts.filter((t) => t.kind === "cdata" || t.text.trim() !== "" || elements.length === 0);
  if (attrs.length === 0 && elements.length === 0) {
    if (significant.length === 0) return el.selfClosing ? null : "";
    if (significant.length === 1 && significant[0]!.kind === "text") return significant[0]!.text;
  }
  const o: Record<string, unknown> = {};
  for (const [k, v] of attrs) o[friendly ? elName(k, true) : `@${k}`] = v;
  const textParts = significant.filter((t) => t.kind === "text").map((t) => t.text);
  const cdata = significant.filter((t) => t.kind === "cdata").map((t) => t.text);
  if (textParts.length) o["#text"] = textParts.length === 1 ? textParts[0] : textParts;
  if (cdata.length) o["#cdata-section"] = cdata.length === 1 ? cdata[0] : cdata;
  const groups = new Map<string, XmlElement[]>();
  for (const c of elements) {
    const k = elName(c.name, friendly);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  for (const [k, g] of groups) {
    const values = g.map((c) => elementValue(c, friendly, alwaysArray));
    o[k] = g.length > 1 || alwaysArray ? values : values[0];
  }
  if (!friendly) for (const c of el.children) if (c.kind === "pi") o[`?${c.target}`] = c.data;
  return o;
}

export async function xmlToJsonBody(ctx: Context, target: "request" | "response", o: XmlToJsonOptions): Promise<void> {
  const m = messageOf(ctx, target);
  if (o.apply === "content-type-xml" && !isXmlContentType(m.Headers.GetValueOrDefault("Content-Type", null))) return;
  if (o.considerAccept && !acceptAllows(ctx, /^(application|text)\/json$|\+json$/i)) return;
  const text = bodyText(m);
  if (text === null) return;
  let json: string;
  try {
    json = xmlToJsonText(text, o);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw conversionError("xml-to-json: the body is not well-formed XML", e);
    throw e;
  }
  m.Body = new MessageBody(json);
  m.Headers.setValues("Content-Type", ["application/json"]);
}

// ---------------------------------------------------------------------------------------------
// find-and-replace

/** Replaces every occurrence of `from` (ordinal, case-sensitive) in the body; an empty `from` changes nothing. */
export function findAndReplaceBody(ctx: Context, target: "request" | "response", from: unknown, to: unknown): void {
  const m = messageOf(ctx, target);
  const f = from === null || from === undefined ? "" : String(from);
  if (f === "") return;
  const text = bodyText(m);
  if (text === null || !text.includes(f)) return;
  m.Body = new MessageBody(text.split(f).join(to === null || to === undefined ? "" : String(to)));
}

export { escapeText as xmlEscapeText, escapeAttr as xmlEscapeAttr };
export type { XmlNode };

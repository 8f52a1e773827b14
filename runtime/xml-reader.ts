// The one XML reader of the runtime: a forward-only reader with .NET's XmlReader rules (as
// XDocument.Parse and XmlDocument, behind Newtonsoft's XmlNodeConverter, apply them) that reports
// what it reads to a handler. Two trees are built on it: LINQ to XML (dotnet/xml.ts, for policy
// expressions) and the plain tree of the body conversions and Liquid (transform/xml.ts).
// Lexical rules, once: names, entity and character references, "\r\n" → "\n", attribute-value
// whitespace, the XML declaration only at the start, one root, no text outside it, end tags that
// match, and .NET's messages. Not validating; no entity declarations (DOCTYPE is skipped or refused).

/** A well-formedness error: .NET's message and the offset it points at. */
export class XmlReadError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} Line ${line}, position ${column}.`);
  }
}

export interface XmlRawAttribute {
  /** The qualified name as written (`p:name`, `xmlns:p`). */
  qname: string;
  /** Decoded, newlines normalized and tab/newline as a space (attribute-value normalization). */
  value: string;
}

export interface XmlReadHandler {
  /** The XML declaration's pseudo-attributes, in order (only at the very start of the text). */
  declaration(attrs: XmlRawAttribute[]): void;
  /** A start tag; `at` is the offset of its '<'. A self-closing tag gets no endElement. */
  startElement(qname: string, attrs: XmlRawAttribute[], selfClosing: boolean, at: number): void;
  endElement(qname: string): void;
  /** Character data inside the root element, decoded (whitespace-only text too). */
  text(value: string): void;
  cdata(value: string): void;
  comment(value: string): void;
  processingInstruction(target: string, data: string): void;
}

export interface XmlReadOptions {
  /** "skip" as XDocument.Parse does without DTD processing; "refuse" where a DTD must not be trusted. */
  doctype: "skip" | "refuse";
  /** Elements nested deeper than this are an error (for consumers that walk the tree recursively). */
  maxDepth?: number;
}

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]/;

/** True when `ch` may start (`first`) or continue an XML name (the XML 1.0 fifth edition classes). */
export function isXmlNameChar(ch: string, first: boolean): boolean {
  return (first ? NAME_START : NAME_CHAR).test(ch);
}

/** The error for `reason` at offset `at` of `text` (for checks a tree builder makes, such as namespace prefixes). */
export function xmlReadError(text: string, reason: string, at: number): XmlReadError {
  const [line, column] = lineAndColumn(text, at);
  return new XmlReadError(reason, at, line, column);
}

function lineAndColumn(text: string, at: number): [number, number] {
  let line = 1;
  let col = 1;
  for (let k = 0; k < at && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return [line, col];
}

const isWs = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
const WS_ONLY = /^[ \t\r\n]*$/;

/** Reads `text` from start to end, reporting to `handler`; throws XmlReadError when it is not well-formed. */
export function readXml(text: string, handler: XmlReadHandler, options: XmlReadOptions): void {
  let i = 0;
  const n = text.length;
  const fail = (reason: string, at = i): never => {
    throw xmlReadError(text, reason, at);
  };
  const readName = (): string => {
    const start = i;
    if (i >= n || !NAME_START.test(text[i]!)) fail(i >= n ? "Unexpected end of file has occurred." : `Name cannot begin with the '${text[i]}' character, hexadecimal value 0x${text.charCodeAt(i).toString(16).toUpperCase()}.`);
    i++;
    while (i < n && NAME_CHAR.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  const skipWs = () => {
    while (i < n && isWs(text[i])) i++;
  };
  const decode = (s: string, at: number): string =>
    s.includes("&")
      ? s.replace(/&([^;&\s]*);?/g, (m, ent: string) => {
          if (!m.endsWith(";")) fail("An error occurred while parsing EntityName.", at);
          if (ent === "lt") return "<";
          if (ent === "gt") return ">";
          if (ent === "amp") return "&";
          if (ent === "quot") return '"';
          if (ent === "apos") return "'";
          const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ent);
          if (num) {
            const cp = num[1] ? parseInt(num[1], 16) : Number(num[2]);
            if (cp > 0x10ffff || cp === 0) fail(`Invalid character reference.`, at);
            return String.fromCodePoint(cp);
          }
          return fail(`Reference to undeclared entity '${ent}'.`, at);
        })
      : s;
  const normalizeNl = (s: string) => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);
  /** Attributes up to '>', '/>' (or '?>' for the declaration), whitespace before each one. */
  const readAttributes = (declaration: boolean): XmlRawAttribute[] => {
    const attrs: XmlRawAttribute[] = [];
    for (;;) {
      const hadWs = i < n && isWs(text[i]);
      skipWs();
      if (i >= n) fail("Unexpected end of file has occurred.");
      if (declaration ? text.startsWith("?>", i) : text[i] === ">" || text.startsWith("/>", i)) return attrs;
      if (!hadWs) fail(`'${text[i]}' is an unexpected token. The expected token is '${declaration ? "?>" : "'>' or '/>"}'.`);
      const qname = readName();
      skipWs();
      if (text[i] !== "=") fail(`'${text[i] ?? "EOF"}' is an unexpected token. The expected token is '='.`);
      i++;
      skipWs();
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`'${q ?? "EOF"}' is an unexpected token. The expected token is '"' or '''.`);
      const end = text.indexOf(q!, i + 1);
      if (end < 0) fail("Unexpected end of file has occurred.");
      const rawVal = text.slice(i + 1, end);
      if (rawVal.includes("<")) fail("'<', hexadecimal value 0x3C, is an invalid attribute character.", i + 1 + rawVal.indexOf("<"));
      if (attrs.some((a) => a.qname === qname)) fail(`'${qname}' is a duplicate attribute name.`);
      attrs.push({ qname, value: decode(normalizeNl(rawVal).replace(/[\t\n]/g, " "), i) });
      i = end + 1;
    }
  };

  const open: string[] = [];
  let sawRoot = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  if (text.startsWith("<?xml", i) && (isWs(text[i + 5]) || text[i + 5] === "?")) {
    i += 5;
    const attrs = readAttributes(true);
    i += 2;
    handler.declaration(attrs);
  }
  while (i < n) {
    if (text[i] !== "<") {
      const start = i;
      const next = text.indexOf("<", i);
      i = next < 0 ? n : next;
      const raw = text.slice(start, i);
      if (open.length === 0) {
        if (!WS_ONLY.test(raw)) fail("Data at the root level is invalid.", start + raw.search(/[^ \t\r\n]/));
        continue;
      }
      handler.text(decode(normalizeNl(raw), start));
      continue;
    }
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) fail("Unexpected end of file while parsing Comment has occurred.");
      handler.comment(text.slice(i + 4, end));
      i = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      if (open.length === 0) fail("Data at the root level is invalid.");
      const end = text.indexOf("]]>", i + 9);
      if (end < 0) fail("Unexpected end of file has occurred.");
      handler.cdata(normalizeNl(text.slice(i + 9, end)));
      i = end + 3;
      continue;
    }
    if (text.startsWith("<!DOCTYPE", i)) {
      if (options.doctype === "refuse") fail("For security reasons DTD is prohibited in this XML document.");
      if (open.length || sawRoot) fail("Unexpected DTD declaration.");
      // skipped, internal subset included (its declarations are not processed)
      let depth = 0;
      let k = i + 9;
      for (; k < n; k++) {
        if (text[k] === "[") depth++;
        else if (text[k] === "]") depth--;
        else if (text[k] === ">" && depth <= 0) break;
      }
      if (k >= n) fail("Unexpected end of file has occurred.");
      i = k + 1;
      continue;
    }
    if (text.startsWith("<?", i)) {
      i += 2;
      const target = readName();
      if (target.toLowerCase() === "xml") fail("Unexpected XML declaration. The XML declaration must be the first node in the document, and no whitespace characters are allowed to appear before it.", i - 3);
      const end = text.indexOf("?>", i);
      if (end < 0) fail("Unexpected end of file has occurred.");
      handler.processingInstruction(target, text.slice(i, end).replace(/^[ \t\r\n]+/, ""));
      i = end + 2;
      continue;
    }
    if (text.startsWith("</", i)) {
      const at = i;
      i += 2;
      const qname = readName();
      skipWs();
      if (text[i] !== ">") fail(`'${text[i] ?? "EOF"}' is an unexpected token. The expected token is '>'.`);
      i++;
      const expected = open.pop();
      if (expected === undefined) fail("Unexpected end tag.", at);
      if (qname !== expected) fail(`The '${expected}' start tag does not match the end tag of '${qname}'.`, at);
      handler.endElement(qname);
      continue;
    }
    const at = i;
    i++;
    const qname = readName();
    if (open.length === 0 && sawRoot) fail("There are multiple root elements.", at);
    if (options.maxDepth !== undefined && open.length >= options.maxDepth) fail(`Elements are nested deeper than ${options.maxDepth}.`, at);
    const attrs = readAttributes(false);
    const selfClosing = text.startsWith("/>", i);
    i += selfClosing ? 2 : 1;
    if (open.length === 0) sawRoot = true;
    handler.startElement(qname, attrs, selfClosing, at);
    if (!selfClosing) open.push(qname);
  }
  if (open.length) fail(`Unexpected end of file has occurred. The following elements are not closed: ${open.slice().reverse().join(", ")}.`);
  if (!sawRoot) fail("Root element is missing.");
}

// The XML front end. APIM documents are mostly "rawxml": expressions are not XML-escaped. A
// pre-pass finds each `@(...)`/`@{...}` that starts an attribute value or a text node with the
// C#-aware scanner, records it, and blanks it out with private-use characters of the same length
// (line breaks kept), so sax (strict) parses the rest with every offset unchanged. Bare `&` in
// literal text is kept the same way. The tree that comes out has each expression back in place.
import sax from "sax";
import { Codes, type DiagnosticBag } from "../diagnostics.js";
import { decodeEntityAt, isScanError, scanExpression } from "./expression-scanner.js";

export interface LiteralValue {
  kind: "literal";
  text: string;
  offset: number;
  /** The secret named values substituted into the text (their values stay out of traces). */
  secretNamedValues?: string[];
}
export interface ExpressionValue {
  kind: "expr";
  /** Decoded C# source starting with `@(` or `@{`. */
  source: string;
  /** Document offset of each character of `source`. */
  offsets: number[];
  offset: number;
  /** The secret named values substituted into the source (their values stay out of traces). */
  secretNamedValues?: string[];
}
export type XValue = LiteralValue | ExpressionValue;

export interface XAttr {
  name: string;
  value: XValue;
  /** Offset of the attribute name. */
  offset: number;
}
export interface XText {
  kind: "text";
  value: XValue;
  offset: number;
}
export interface XElement {
  kind: "element";
  name: string;
  attrs: XAttr[];
  children: XNode[];
  /** Offset of `<`. */
  offset: number;
  /** Offsets of the raw content between the start and end tags (equal for `<x/>`). */
  contentStart: number;
  contentEnd: number;
}
export type XNode = XElement | XText;

/** Deepest element nesting accepted (APIM documents no limit; real policies nest a few levels). */
export const MAX_ELEMENT_DEPTH = 128;

const EXPR_START = "\uE000";
const EXPR_FILL = "\uE001";
const BARE_AMP = "\uE002";

interface PendingAttr {
  valueOffset: number;
}

/** Parses a policy document. Returns null (with diagnostics) when it is not well-formed. */
export function parseXml(source: string, diags: DiagnosticBag): XElement | null {
  if (source.trim() === "") {
    diags.error(Codes.XmlEmptyDocument, 0, "The document is empty: expected a <policies> element.");
    return null;
  }
  const pre = prepass(source, diags);
  if (pre === null) return null;
  const { text, expressions, attrOffsets } = pre;
  let exprIndex = 0;

  const parser = sax.parser(true, { position: true, trim: false, normalize: false, xmlns: false });
  const stack: XElement[] = [];
  let root: XElement | null = null;
  let failed = false;
  let lastEnd = 0;

  const classify = (raw: string, offset: number): XValue => {
    if (raw.includes(EXPR_START)) {
      const e = expressions[exprIndex++]!;
      return { kind: "expr", source: e.source, offsets: e.offsets, offset: e.offsets[0]! };
    }
    return { kind: "literal", text: raw.includes(BARE_AMP) ? raw.replaceAll(BARE_AMP, "&") : raw, offset };
  };

  parser.onerror = (err: Error) => {
    if (!failed) {
      const msg = err.message.split("\n")[0]!;
      const at = Math.max(0, Math.min(parser.position - 1, source.length));
      diags.error(Codes.XmlMalformed, at, `Malformed XML: ${msg}.${hintFor(source, at)}`);
    }
    failed = true;
    // sax needs the error cleared to keep going; we stop at the first error instead.
    (parser as unknown as { error: Error | null }).error = null;
    parser.close = () => parser;
  };
  parser.onopentag = (tag: sax.Tag) => {
    if (failed) return;
    const offset = parser.startTagPosition - 1;
    if (stack.length >= MAX_ELEMENT_DEPTH) {
      // Every later stage walks the tree recursively; real policies nest a few levels.
      diags.error(Codes.DocumentTooLarge, offset, `Elements are nested more than ${MAX_ELEMENT_DEPTH} levels deep; apimc accepts up to ${MAX_ELEMENT_DEPTH}.`);
      failed = true;
      return;
    }
    const offsets = attrOffsets.get(offset);
    const attrs: XAttr[] = [];
    for (const name of Object.keys(tag.attributes)) {
      const raw = tag.attributes[name] as string;
      const info = offsets?.get(name);
      const valueOffset = info?.valueOffset ?? offset;
      attrs.push({ name, value: classify(raw, valueOffset), offset: valueOffset - name.length - 2 });
    }
    const el: XElement = { kind: "element", name: tag.name, attrs, children: [], offset, contentStart: parser.position, contentEnd: parser.position };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
    lastEnd = parser.position;
  };
  parser.onclosetag = () => {
    if (failed) return;
    const el = stack.pop();
    if (el && !(tagSelfClosing(text, parser.position))) el.contentEnd = parser.startTagPosition - 1;
    lastEnd = parser.position;
  };
  const onText = (t: string, offset: number) => {
    if (failed || stack.length === 0) return;
    const parent = stack[stack.length - 1]!;
    parent.children.push({ kind: "text", value: classify(t, offset), offset });
  };
  parser.ontext = (t: string) => {
    const start = lastEnd;
    lastEnd = parser.position - 1;
    onText(t, start);
  };
  parser.oncdata = (t: string) => {
    if (failed || stack.length === 0) return;
    const start = parser.position - t.length - 3;
    const trimmed = t.trimStart();
    const at = start + (t.length - trimmed.length);
    if (trimmed.startsWith("@(") || trimmed.startsWith("@{")) {
      const r = scanExpression(t, t.length - trimmed.length, false);
      if (isScanError(r)) diags.error(Codes.XmlUnterminatedExpression, start + r.offset, r.error);
      else {
        const offsets = r.offsets.map((o) => start + o);
        stack[stack.length - 1]!.children.push({ kind: "text", value: { kind: "expr", source: r.source, offsets, offset: offsets[0]! }, offset: at });
        lastEnd = parser.position;
        return;
      }
    }
    stack[stack.length - 1]!.children.push({ kind: "text", value: { kind: "literal", text: t, offset: start }, offset: start });
    lastEnd = parser.position;
  };
  parser.oncomment = () => {
    lastEnd = parser.position;
  };
  parser.onprocessinginstruction = () => {
    lastEnd = parser.position;
  };
  parser.ondoctype = () => {
    lastEnd = parser.position;
  };

  try {
    parser.write(text).close();
  } catch (e) {
    if (!failed) diags.error(Codes.XmlMalformed, Math.max(0, parser.position - 1), `Malformed XML: ${(e as Error).message.split("\n")[0]}.`);
    failed = true;
  }
  if (!failed && stack.length > 0) {
    diags.error(Codes.XmlMalformed, stack[stack.length - 1]!.offset, `Malformed XML: element <${stack[stack.length - 1]!.name}> is not closed.`);
    failed = true;
  }
  if (!failed && root === null) {
    // Only comments, processing instructions or whitespace: well-formed text, but no document.
    diags.error(Codes.XmlEmptyDocument, 0, "The document has no root element: expected a <policies> element.");
    failed = true;
  }
  return failed ? null : root;
}

/** Whether the tag that just ended at `end` was `<x/>`. */
function tagSelfClosing(text: string, end: number): boolean {
  return text[end - 2] === "/" && text[end - 1] === ">";
}

function hintFor(source: string, at: number): string {
  const line = source.slice(source.lastIndexOf("\n", at) + 1, source.indexOf("\n", at) === -1 ? undefined : source.indexOf("\n", at));
  if (/="[^"]*\S\s*@[({]/.test(line) || />[^<]*\S\s*@[({]/.test(line))
    return " An expression must be the whole value of an attribute or element; use string concatenation or $\"...\" inside one @(...).";
  if (/<[a-z-]+[^>]*\s[a-z-]+=[^"'\s>]/.test(line)) return " Attribute values must be quoted.";
  return "";
}

interface Prepass {
  text: string;
  expressions: { source: string; offsets: number[] }[];
  /** `<` offset → attribute name → where its value starts. */
  attrOffsets: Map<number, Map<string, PendingAttr>>;
}

/** Blanks out expressions and bare ampersands without moving any offset. */
function prepass(src: string, diags: DiagnosticBag): Prepass | null {
  const out: string[] = [];
  let copied = 0;
  const expressions: Prepass["expressions"] = [];
  const attrOffsets = new Map<number, Map<string, PendingAttr>>();
  const replace = (from: number, to: number, fill: (c: string, i: number) => string) => {
    out.push(src.slice(copied, from));
    let s = "";
    for (let i = from; i < to; i++) s += fill(src[i]!, i);
    out.push(s);
    copied = to;
  };
  const blankExpr = (from: number, to: number) =>
    replace(from, to, (c, i) => (c === "\n" || c === "\r" ? c : i === from ? EXPR_START : EXPR_FILL));
  const fixAmps = (from: number, to: number) => {
    for (let i = src.indexOf("&", from); i !== -1 && i < to; i = src.indexOf("&", i + 1)) {
      if (decodeEntityAt(src, i) === null) replace(i, i + 1, () => BARE_AMP);
    }
  };
  // Tries an expression at `at` (after whitespace); returns the offset after it or -1.
  const tryExpr = (at: number, stopChars: string): number => {
    let j = at;
    while (j < src.length && /\s/.test(src[j]!)) j++;
    if (src[j] !== "@" || (src[j + 1] !== "(" && src[j + 1] !== "{")) return -1;
    const r = scanExpression(src, j);
    if (isScanError(r)) {
      diags.error(Codes.XmlUnterminatedExpression, r.offset, `${capitalize(r.error)}.`);
      return -2;
    }
    let k = r.end;
    while (k < src.length && /\s/.test(src[k]!)) k++;
    if (k < src.length && !stopChars.includes(src[k]!)) {
      diags.error(
        Codes.MixedExpression,
        k,
        "Text after a policy expression: an expression must be the whole value. Move the text inside the expression (e.g. @(\"prefix\" + ...)).",
      );
      return -2;
    }
    expressions.push({ source: r.source, offsets: r.offsets });
    blankExpr(j, r.end);
    return r.end;
  };

  let i = 0;
  const n = src.length;
  while (i < n) {
    // A text region starts at i: an expression may open it, and then its end is found by the
    // scanner, not by the next '<'.
    let from = i;
    const after = tryExpr(i, "<");
    if (after === -2) return null;
    if (after >= 0) from = after;
    const lt = src.indexOf("<", from);
    fixAmps(from, lt === -1 ? n : lt);
    if (lt === -1) break;
    i = lt;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      i = end === -1 ? n : end + 3;
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i + 9);
      i = end === -1 ? n : end + 3;
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (src.startsWith("<!", i)) {
      const end = src.indexOf(">", i + 2);
      i = end === -1 ? n : end + 1;
    } else {
      const tagStart = i;
      i++;
      if (src[i] === "/") {
        const end = src.indexOf(">", i);
        i = end === -1 ? n : end + 1;
      } else {
        while (i < n && /[^\s/>]/.test(src[i]!)) i++;
        const attrs = new Map<string, PendingAttr>();
        attrOffsets.set(tagStart, attrs);
        // attributes
        for (;;) {
          while (i < n && /\s/.test(src[i]!)) i++;
          if (i >= n || src[i] === ">" || src[i] === "/") break;
          const nameStart = i;
          while (i < n && /[^\s=/>]/.test(src[i]!)) i++;
          const name = src.slice(nameStart, i);
          while (i < n && /\s/.test(src[i]!)) i++;
          if (src[i] !== "=") break; // sax reports it
          i++;
          while (i < n && /\s/.test(src[i]!)) i++;
          const q = src[i];
          if (q !== '"' && q !== "'") break; // unquoted: sax reports it
          const valueStart = i + 1;
          attrs.set(name, { valueOffset: valueStart });
          const after = tryExpr(valueStart, q);
          if (after === -2) return null;
          const close = src.indexOf(q, after >= 0 ? after : valueStart);
          if (close === -1) {
            i = n;
            break;
          }
          fixAmps(after >= 0 ? after : valueStart, close);
          i = close + 1;
        }
        if (src[i] === "/") i++;
        if (src[i] === ">") i++;
      }
    }
  }
  out.push(src.slice(copied));
  return { text: out.join(""), expressions, attrOffsets };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// xsl-transform: the request body (inbound) or the response body (outbound) through an XSLT 1.0
// stylesheet, with the policy's parameters as xsl:param values (strings), by xslt-processor (a
// JavaScript XSLT processor, LGPL-3.0; README, "xsl-transform", says where it differs from .NET's
// XslCompiledTransform). The stylesheet is parsed once per module; a body that is not XML, or a
// transformation that fails, fails the policy (on-error).
import { Xslt, XmlParser } from "xslt-processor";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { MessageBody } from "../body.js";
import { parseXmlDocument, type XmlElement, type XmlNode } from "./xml.js";

type ParsedDocument = ReturnType<XmlParser["xmlParse"]>;
const parsed = new Map<string, ParsedDocument>();
/** Stands for `&` in values while xslt-processor holds them (forXsltProcessor says why). */
const AMP = "\uE0F2";

/** The stylesheet's document, parsed once (the compiler has checked it parses), values mapped as forXsltProcessor does. */
export function xslStylesheet(source: string): ParsedDocument {
  let d = parsed.get(source);
  if (!d) {
    d = new XmlParser().xmlParse(source.includes(AMP) ? source : forXsltProcessor(parseXmlDocument(source).root));
    if (parsed.size > 256) parsed.clear();
    parsed.set(source, d);
  }
  return d;
}

/** Runs `stylesheet` over `xml` with string parameters; the output text as xslt-processor serializes it. */
/**
 * What the stylesheet's xsl:output asks for: the XML declaration .NET's XmlWriter writes (unless
 * omit-xml-declaration="yes", or the output is text or HTML), and whether it indents.
 */
export interface XslOutput {
  method: string | null;
  omitDeclaration: boolean;
  indent: boolean;
}

/** The XML declaration XslCompiledTransform writes before xml output (UTF-8, as the body is written). */
function withDeclaration(out: string, o: XslOutput): string {
  if (o.omitDeclaration || o.method === "text" || o.method === "html") return out;
  if (o.method === null && /^\s*<html[\s>]/i.test(out)) return out;
  return `<?xml version="1.0" encoding="utf-8"?>${o.indent ? "\n" : ""}${out}`;
}

/**
 * `&` in the documents' values while xslt-processor holds them. Its serializer turns `&amp;amp;`
 * into `&amp;` (so a value "&amp;" would come out as "&") and its parser decodes `&amp;#x41;` twice,
 * so an ampersand never reaches it: values carry this private-use character instead, and the output
 * gets `&amp;` (or `&` in text output) back. A document that holds the character itself takes the
 * plain path.
 */

/**
 * A document as xslt-processor reads it right: values with AMP for `&` and every other markup
 * character as a hexadecimal reference (its parser decodes those in its last pass, once). The
 * document was read by the runtime's XML reader first (XmlReader's rules), so what xslt-processor
 * sees is well-formed whatever it would have accepted.
 */
export function forXsltProcessor(el: XmlElement): string {
  const value = (s: string) => s.replace(/&/g, AMP).replace(/[<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
  const write = (n: XmlNode): string =>
    n.kind === "element"
      ? `<${n.name}${n.attrs.map(([k, v]) => ` ${k}="${value(v)}"`).join("")}${n.children.length ? `>${n.children.map(write).join("")}</${n.name}>` : "/>"}`
      : n.kind === "text" || n.kind === "cdata"
        ? value(n.text)
        : n.kind === "comment"
          ? `<!--${n.text}-->`
          : `<?${n.target}${n.data ? ` ${n.data}` : ""}?>`;
  return write(el);
}

/**
 * XmlWriter writes an empty element `<a />`, xslt-processor `<a/>`: a space goes before the `/>` of
 * each tag. Comments, CDATA sections and processing instructions are copied as they are; text and
 * attribute values are escaped, so `<` and `>` elsewhere are markup.
 */
export function spacedEmptyElements(xml: string): string {
  let out = "";
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const close = xml.startsWith("<!--", lt) ? ["-->", 3] : xml.startsWith("<![CDATA[", lt) ? ["]]>", 3] : xml.startsWith("<?", lt) ? ["?>", 2] : [">", 1];
    const end = xml.indexOf(close[0] as string, lt + 1);
    if (end < 0) break;
    const stop = end + (close[1] as number);
    out += xml.slice(i, lt);
    const tag = xml.slice(lt, stop);
    out += close[1] === 1 && tag.endsWith("/>") && tag.length > 3 && tag[tag.length - 3] !== " " ? `${tag.slice(0, -2)} />` : tag;
    i = stop;
  }
  return out + xml.slice(i);
}

export async function xslTransformText(xml: string, stylesheet: string, params: readonly (readonly [string, unknown])[], output?: XslOutput): Promise<string> {
  // Text written into XML or HTML is escaped (XmlWriter's rules); text output is written as it is.
  const x = new Xslt({ selfClosingTags: true, escape: output?.method !== "text", parameters: params.map(([name, value]) => ({ name, value: value === null || value === undefined ? "" : String(value) })) });
  // Ambiguous-template notices are not errors (XSLT 1.0 allows the recovery xslt-processor does).
  (x as unknown as { warningsCallback: (m: string) => void }).warningsCallback = () => {};
  // xslt-processor's parser accepts text that is not XML: the runtime's XML reader (XmlReader's rules) checks it first.
  const body = parseXmlDocument(xml).root;
  const mapped = !xml.includes(AMP) && !stylesheet.includes(AMP);
  const input = new XmlParser().xmlParse(mapped ? forXsltProcessor(body) : xml);
  const sheet = xslStylesheet(stylesheet);
  let out = await x.xsltProcess(input, sheet);
  if (mapped) out = out.replaceAll(AMP, output?.method === "text" ? "&" : "&amp;");
  if (output?.method !== "text" && output?.method !== "html") out = spacedEmptyElements(out);
  return output ? withDeclaration(out, output) : out;
}

export async function xslTransform(ctx: Context, target: "request" | "response", stylesheet: string, params: readonly (readonly [string, unknown])[], output: XslOutput): Promise<void> {
  const m = target === "request" ? ctx.Request : ctx.Response;
  if (!m.Body || m.Body.isStream) return;
  const text = m.Body.content().toString("utf8");
  if (text.trim() === "") return;
  let out: string;
  try {
    out = await xslTransformText(text, stylesheet, params, output);
  } catch (e) {
    throw new PolicyError("XslTransformFailed", `xsl-transform: ${(e as Error)?.message ?? String(e)}`, 500, "xsl-transform");
  }
  m.Body = new MessageBody(out);
}

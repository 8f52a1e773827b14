// xsl-transform: the request body (inbound) or the response body (outbound) through an XSLT 1.0
// stylesheet, with the policy's parameters as xsl:param values (strings), by xslt-processor (a
// JavaScript XSLT processor, LGPL-3.0; README, "xsl-transform", says where it differs from .NET's
// XslCompiledTransform). The stylesheet is parsed once per module; a body that is not XML, or a
// transformation that fails, fails the policy (on-error).
import { Xslt, XmlParser } from "xslt-processor";
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { MessageBody } from "../body.js";
import { parseXmlDocument } from "./xml.js";

type ParsedDocument = ReturnType<XmlParser["xmlParse"]>;
const parsed = new Map<string, ParsedDocument>();

/** The stylesheet's document, parsed once (the compiler has checked it parses). */
export function xslStylesheet(source: string): ParsedDocument {
  let d = parsed.get(source);
  if (!d) {
    d = new XmlParser().xmlParse(source);
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

export async function xslTransformText(xml: string, stylesheet: string, params: readonly (readonly [string, unknown])[], output?: XslOutput): Promise<string> {
  const x = new Xslt({ selfClosingTags: true, parameters: params.map(([name, value]) => ({ name, value: value === null || value === undefined ? "" : String(value) })) });
  // Ambiguous-template notices are not errors (XSLT 1.0 allows the recovery xslt-processor does).
  (x as unknown as { warningsCallback: (m: string) => void }).warningsCallback = () => {};
  // xslt-processor's parser accepts text that is not XML: the runtime's XML reader (XmlReader's rules) checks it first.
  parseXmlDocument(xml);
  const input = new XmlParser().xmlParse(xml);
  const out = await x.xsltProcess(input, xslStylesheet(stylesheet));
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

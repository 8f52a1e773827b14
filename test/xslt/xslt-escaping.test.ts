// xsl-transform writes text and attribute values escaped (XmlWriter's rules) whatever they hold, so
// its XML output always parses back to the values it copied: every hostile payload of the injection
// suite, through value-of into an element and into an attribute. Text output is written unescaped.
// And the `<a />` spacing pass leaves comments, CDATA and processing instructions as they are.
import { describe, expect, it } from "vitest";
import { PAYLOADS } from "../hostile/payloads.js";
import { spacedEmptyElements, xslTransformText } from "../../runtime/transform/xslt.js";
import { parseXmlDocument, escapeText, escapeAttr, type XmlElement } from "../../runtime/transform/xml.js";

const SHEET = (output: string, template: string) =>
  `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">${output}<xsl:template match="/">${template}</xsl:template></xsl:stylesheet>`;
const XML_OUT = { method: null, omitDeclaration: true, indent: false };
// XML 1.0 cannot carry most control characters; the payloads that hold them are not XML input.
const xmlSafe = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s) && !/[\ud800-\udfff]/.test(s);
const textOf = (e: XmlElement) => e.children.map((c) => (c.kind === "text" || c.kind === "cdata" ? c.text : "")).join("");

describe("xsl-transform escapes what it writes", () => {
  const cases = Object.entries(PAYLOADS).filter(([, p]) => xmlSafe(p));
  it("has payloads to test", () => expect(cases.length).toBeGreaterThan(10));
  it.each(cases)("%s: into an element and an attribute, the output parses back to the payload", async (_name, payload) => {
    const input = `<in v="${escapeAttr(payload)}">${escapeText(payload)}</in>`;
    const out = await xslTransformText(input, SHEET(`<xsl:output omit-xml-declaration="yes" />`, `<r a="{in/@v}"><xsl:value-of select="in" /></r>`), [], XML_OUT);
    const root = parseXmlDocument(out).root as XmlElement;
    // XML normalizes \r\n and attribute whitespace on reading: compare after the same normalization.
    expect(textOf(root)).toBe(payload.replace(/\r\n?/g, "\n"));
    expect(root.attrs).toEqual([["a", payload.replace(/\r\n?/g, "\n").replace(/[\t\n\r]/g, " ")]]);
  });
  it("text output is written as it is", async () => {
    const out = await xslTransformText(`<in>${escapeText("<b>&amp;</b> > x")}</in>`, SHEET(`<xsl:output method="text" />`, `<xsl:value-of select="in" />`), [], { method: "text", omitDeclaration: false, indent: false });
    expect(out).toBe("<b>&amp;</b> > x");
  });
});

describe("empty elements are written <a />", () => {
  it.each([
    ["<a/>", "<a />"],
    ['<a x="1"/>', '<a x="1" />'],
    ["<a />", "<a />"],
    ["<r><a/><b>t</b><c/></r>", "<r><a /><b>t</b><c /></r>"],
    ["<r><!-- <x/> --><![CDATA[<y/>]]><?pi <z/>?><e/></r>", "<r><!-- <x/> --><![CDATA[<y/>]]><?pi <z/>?><e /></r>"],
    ["text only", "text only"],
  ])("%s", (input, want) => expect(spacedEmptyElements(input)).toBe(want));
});

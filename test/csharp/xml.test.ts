// LINQ to XML (System.Xml.Linq). The cases (test/differential/xml-cases.ts) also run in the
// differential suite against Mono itself; here they are checked against the answers Mono gave when
// they were written, so a change shows up even where mcs is not installed.
import { describe, expect, it } from "vitest";
import { XML_CASES } from "../differential/xml-cases.js";
import { evaluateWithApimc } from "../differential/apimc-eval.js";
import type { DiffCase } from "../differential/cases.js";


describe("LINQ to XML (answers recorded from Mono)", () => {
  it.each(XML_CASES)("%s", async (id, type, expr, block, expected) => {
    const c: DiffCase = { id, type, expr, block };
    const a = await evaluateWithApimc(c);
    const got =
      a.kind === "compile-error" ? `<does not compile: ${a.message}>` : a.kind === "throw" ? `!${a.type}` : a.kind === "null" ? null : a.text;
    expect(got, `${block ? `@{ ${expr} }` : `@(${expr})`} : ${type}`).toBe(expected);
  });
});

describe("Body.As<XDocument | XElement | XNode>()", () => {
  it("parses the request body as XML", async () => {
    const { evaluate, makeContext } = await import("./helpers.js");
    const body = '\ufeff<?xml version="1.0"?><order xmlns="urn:o"><id>42</id><line sku="a"/><line sku="b"/></order>';
    const ctx = makeContext({ body, method: "POST" });
    expect(evaluate(`@{ XNamespace o = "urn:o"; var d = context.Request.Body.As<XDocument>(preserveContent: true); return (int)d.Root.Element(o + "id") * 10 + d.Descendants(o + "line").Count(); }`, ctx)).toBe(422);
    expect(evaluate(`@(context.Request.Body.As<XElement>(true).Elements().Last().Attribute("sku").Value)`, ctx)).toBe("b");
    expect(evaluate(`@(context.Request.Body.As<XNode>(true) is XDocument)`, ctx)).toBe(true);
    expect(() => evaluate(`@(context.Request.Body.As<XDocument>().Root.Name.LocalName)`, makeContext({ body: "{not xml", method: "POST" }))).toThrow(/Data at the root level is invalid/);
  });
});

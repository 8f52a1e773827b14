// LINQ to XML (System.Xml.Linq) against the C# reference. The differential harness does not reference
// System.Xml.Linq.dll yet (test/differential/csharp-harness.ts compiles with System, System.Core and
// System.Numerics only), so these cases carry the answers Mono 6.8 gave when compiled with
// `mcs -r:System.Xml.Linq.dll -r:System.Xml.dll` under the invariant culture; "\n" in ToString()
// output is Environment.NewLine, written as "\r\n" here (the Windows gateway). Expected: a string
// value, "!ExceptionType", or null. Once the harness references the assembly (and adds
// `using System.Xml.Linq;`), these rows move to cases.ts unchanged.
import { describe, expect, it } from "vitest";
import { evaluateWithApimc } from "../differential/apimc-eval.js";
import type { DiffCase } from "../differential/cases.js";

export const XML_CASES: [id: string, type: string, expr: string, block: boolean, expected: string | null][] = [
  ["xml.root.name", "string", "XDocument.Parse(\"<a><b>1</b></a>\").Root.Name.LocalName", false, "a"],
  ["xml.element.value", "string", "XDocument.Parse(\"<a><b>1</b><b>2</b></a>\").Root.Element(\"b\").Value", false, "1"],
  ["xml.elements.count", "int", "XDocument.Parse(\"<a><b>1</b><c/><b>2</b></a>\").Root.Elements(\"b\").Count()", false, "2"],
  ["xml.descendants.sum", "int", "XDocument.Parse(\"<a><b><n>1</n></b><n>2</n><c><d><n>3</n></d></c></a>\").Descendants(\"n\").Sum(e => (int)e)", false, "6"],
  ["xml.attribute.value", "string", "XElement.Parse(\"<a x='1' y=\\\"two\\\"/>\").Attribute(\"y\").Value", false, "two"],
  ["xml.attribute.missing", "string", "(string)XElement.Parse(\"<a x='1'/>\").Attribute(\"z\")", false, null],
  ["xml.element.missing.cast", "int?", "(int?)XElement.Parse(\"<a/>\").Element(\"b\")", false, null],
  ["xml.value.mixed", "string", "XElement.Parse(\"<a>x<b>y</b>z<!--c--><![CDATA[<w>]]></a>\").Value", false, "xyz<w>"],
  ["xml.tostring.indent", "string", "XDocument.Parse(\"<?xml version='1.0'?><a><b x='1'>t</b><c><d/></c></a>\").ToString()", false, "<a>\r\n  <b x=\"1\">t</b>\r\n  <c>\r\n    <d />\r\n  </c>\r\n</a>"],
  ["xml.tostring.mixed", "string", "XElement.Parse(\"<a><b>x<i>y</i></b><c></c></a>\").ToString()", false, "<a>\r\n  <b>x<i>y</i></b>\r\n  <c></c>\r\n</a>"],
  ["xml.tostring.noformat", "string", "XElement.Parse(\"<a>\\n  <b>1</b>\\n</a>\").ToString(SaveOptions.DisableFormatting)", false, "<a><b>1</b></a>"],
  ["xml.whitespace.dropped", "int", "XElement.Parse(\"<a>\\n  <b>1</b>\\n</a>\").Nodes().Count()", false, "1"],
  ["xml.whitespace.preserved", "int", "XElement.Parse(\"<a>\\n  <b>1</b>\\n</a>\", LoadOptions.PreserveWhitespace).Nodes().Count()", false, "3"],
  ["xml.entities", "string", "XElement.Parse(\"<a t='&lt;&amp;&quot;'>&lt;&#65;&#x42;&gt;</a>\").Value + XElement.Parse(\"<a t='&lt;&amp;&quot;'/>\").Attribute(\"t\").Value", false, "<AB><&\""],
  ["xml.escape.out", "string", "new XElement(\"a\", new XAttribute(\"q\", \"\\\"<&>\"), \"x<y&z>\").ToString()", false, "<a q=\"&quot;&lt;&amp;&gt;\">x&lt;y&amp;z&gt;</a>"],
  ["xml.ns.default", "string", "XDocument.Parse(\"<a xmlns='urn:x'><b>1</b></a>\").Root.Name.ToString()", false, "{urn:x}a"],
  ["xml.ns.element.lookup", "string", "(string)XDocument.Parse(\"<a xmlns='urn:x'><b>1</b></a>\").Root.Element(XNamespace.Get(\"urn:x\") + \"b\")", false, "1"],
  ["xml.ns.plain.lookup.fails", "bool", "XDocument.Parse(\"<a xmlns='urn:x'><b>1</b></a>\").Root.Element(\"b\") == null", false, "true"],
  ["xml.ns.prefix", "string", "XElement.Parse(\"<p:a xmlns:p='urn:p'><p:b p:k='v'/></p:a>\").Element(\"{urn:p}b\").Attribute(\"{urn:p}k\").Value", false, "v"],
  ["xml.ns.var", "string", "XNamespace ns = \"urn:s\"; var d = XDocument.Parse(\"<e:Env xmlns:e='urn:s'><e:Body><x>9</x></e:Body></e:Env>\"); return d.Root.Element(ns + \"Body\").Element(\"x\").Value;", true, "9"],
  ["xml.ns.tostring", "string", "XElement.Parse(\"<p:a xmlns:p='urn:p'><p:b/><c/></p:a>\").ToString()", false, "<p:a xmlns:p=\"urn:p\">\r\n  <p:b />\r\n  <c />\r\n</p:a>"],
  ["xml.localname.compare", "int", "XElement.Parse(\"<a><x:b xmlns:x='u'/><b/></a>\").Elements().Count(e => e.Name.LocalName == \"b\")", false, "2"],
  ["xml.name.eq.string", "bool", "XElement.Parse(\"<a/>\").Name == \"a\"", false, "true"],
  ["xml.build", "string", "new XElement(\"root\", new XElement(\"item\", new XAttribute(\"id\", 1), \"one\"), new XElement(\"item\", new XAttribute(\"id\", 2.5), true)).ToString()", false, "<root>\r\n  <item id=\"1\">one</item>\r\n  <item id=\"2.5\">true</item>\r\n</root>"],
  ["xml.build.empty", "string", "new XElement(\"e\", \"\").ToString() + \"|\" + new XElement(\"e\").ToString() + \"|\" + new XElement(\"e\", null).ToString()", false, "<e></e>|<e />|<e />"],
  ["xml.setvalue", "string", "var e = XElement.Parse(\"<a><b>1</b></a>\"); e.SetElementValue(\"b\", 2); e.SetElementValue(\"c\", \"x\"); e.SetAttributeValue(\"k\", 5); e.Element(\"b\").Value = \"3\"; return e.ToString(SaveOptions.DisableFormatting);", true, "<a k=\"5\"><b>3</b><c>x</c></a>"],
  ["xml.remove", "string", "var e = XElement.Parse(\"<a><b/><c/><b/></a>\"); e.Element(\"c\").Remove(); e.Elements(\"b\").First().Add(new XElement(\"z\")); return e.ToString(SaveOptions.DisableFormatting);", true, "<a><b><z /></b><b /></a>"],
  ["xml.cast.numbers", "string", "var e = XElement.Parse(\"<a i=' 42 ' d='1.5' b='true'><n>-7</n></a>\"); return (int)e.Attribute(\"i\") + \"|\" + (double)e.Attribute(\"d\") + \"|\" + (bool)e.Attribute(\"b\") + \"|\" + (long)e.Element(\"n\");", true, "42|1.5|True|-7"],
  ["xml.cast.bad", "int", "(int)XElement.Parse(\"<a>x</a>\")", false, "!FormatException"],
  ["xml.cast.null.int", "int", "(int)XElement.Parse(\"<a/>\").Element(\"b\")", false, "!ArgumentNullException"],
  ["xml.parse.error", "string", "XDocument.Parse(\"<a><b></a>\").ToString()", false, "!XmlException"],
  ["xml.parse.root.text", "string", "XDocument.Parse(\"hello\").ToString()", false, "!XmlException"],
  ["xml.parse.two.roots", "string", "XDocument.Parse(\"<a/><b/>\").ToString()", false, "!XmlException"],
  ["xml.parse.undeclared.prefix", "string", "XDocument.Parse(\"<p:a/>\").ToString()", false, "!XmlException"],
  ["xml.attributes.list", "string", "string.Join(\",\", XElement.Parse(\"<a x='1' y='2' xmlns:p='u'/>\").Attributes().Select(a => a.Name.LocalName + \"=\" + a.Value))", false, "x=1,y=2,p=u"],
  ["xml.attribute.tostring", "string", "XElement.Parse(\"<a x='1&amp;2'/>\").Attribute(\"x\").ToString()", false, "x=\"1&amp;2\""],
  ["xml.parent.ancestors", "string", "XDocument.Parse(\"<a><b><c/></b></a>\").Descendants(\"c\").Single().Ancestors().Select(x => x.Name.LocalName).Aggregate((p, q) => p + q) + XDocument.Parse(\"<a><b/></a>\").Root.Element(\"b\").Parent.Name", false, "baa"],
  ["xml.declaration", "string", "XDocument.Parse(\"<?xml version=\\\"1.0\\\" encoding=\\\"utf-8\\\"?><a/>\").Declaration.ToString() + \"|\" + XDocument.Parse(\"<?xml version=\\\"1.0\\\" encoding=\\\"utf-8\\\"?><a/>\").ToString()", false, "<?xml version=\"1.0\" encoding=\"utf-8\"?>|<a />"],
  ["xml.comment.pi.tostring", "string", "XDocument.Parse(\"<!--c--><?pi data?><a><!--d--><b/></a>\").ToString()", false, "<!--c-->\r\n<?pi data?>\r\n<a>\r\n  <!--d-->\r\n  <b />\r\n</a>"],
  ["xml.extensions", "int", "XDocument.Parse(\"<r><a><b/><b/></a><a><b/></a></r>\").Root.Elements(\"a\").Elements(\"b\").Count() + XDocument.Parse(\"<r><a x='1'/><a x='2'/></r>\").Root.Elements().Attributes(\"x\").Count() * 10", false, "23"],
  ["xml.hasvalues", "string", "XElement.Parse(\"<a k='1'><b/></a>\").HasElements + \"|\" + XElement.Parse(\"<a/>\").IsEmpty + \"|\" + XElement.Parse(\"<a></a>\").IsEmpty + \"|\" + XElement.Parse(\"<a k='1'/>\").HasAttributes", false, "True|True|False|True"],
  ["xml.linq.query", "string", "string.Join(\";\", XDocument.Parse(\"<o><i p='3'>x</i><i p='1'>y</i><i p='2'>z</i></o>\").Descendants(\"i\").OrderBy(i => (int)i.Attribute(\"p\")).Select(i => i.Value))", false, "y;z;x"],
  ["xml.element.null.member", "string", "XElement.Parse(\"<a/>\").Element(\"b\").Value", false, "!NullReferenceException"],
  ["xml.xname.tostring", "string", "XName.Get(\"{urn:a}b\").ToString() + \"|\" + XName.Get(\"{urn:a}b\").NamespaceName + \"|\" + (XNamespace.Get(\"urn:a\") + \"b\").LocalName", false, "{urn:a}b|urn:a|b"],
  ["xml.nested.default.ns.out", "string", "new XElement(XNamespace.Get(\"urn:n\") + \"a\", new XElement(XNamespace.Get(\"urn:n\") + \"b\"), new XElement(\"c\")).ToString(SaveOptions.DisableFormatting)", false, "<a xmlns=\"urn:n\"><b /><c xmlns=\"\" /></a>"],
  ["xml.is.element", "bool", "((XNode)XElement.Parse(\"<a/>\")) is XElement", false, "true"],
];

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

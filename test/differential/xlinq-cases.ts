// System.Xml.Linq members of APIM's allow-list (docs/surface-coverage.md): GetPrefixOfNamespace over
// nested, redeclared, default and reserved namespaces; XObject annotations on elements, attributes and
// other nodes; BaseUri of parsed and built XML.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const c = (id: string, type: string, expr: string, opts: Opts = {}): DiffCase => ({ id: `xlinq.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = {}): DiffCase => ({ id: `xlinq.${id}`, type, expr: body, block: true, ...opts });

const DOC = `<a xmlns:p="urn:1" xmlns:q="urn:2" xmlns="urn:d"><b xmlns:p="urn:3" xmlns:r="urn:2"><c/></b><d xmlns:s="urn:1"/></a>`;
const NAMESPACES = ["urn:1", "urn:2", "urn:3", "urn:d", "", "urn:none", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/"];

export const XLINQ_CASES: DiffCase[] = [
  b(
    "getprefixofnamespace.matrix",
    "string",
    `var x = XElement.Parse(${JSON.stringify(DOC)}); var r = ""; foreach (var e in x.DescendantsAndSelf()) { r += e.Name.LocalName + ":"; foreach (var n in new[] { ${NAMESPACES.map((n) => JSON.stringify(n)).join(", ")} }) r += (e.GetPrefixOfNamespace(XNamespace.Get(n)) ?? "null") + ","; r += " "; } return r;`,
  ),
  c("getprefixofnamespace.null", "string", `new XElement("a").GetPrefixOfNamespace(null)`),
  c("getprefixofnamespace.built", "string", `new XElement("a", new XAttribute(XNamespace.Xmlns + "z", "urn:z"), new XElement("b")).Element("b").GetPrefixOfNamespace("urn:z") + "|" + (new XElement("a").GetPrefixOfNamespace("urn:z") == null)`),
  b("annotations", "string", `var x = XElement.Parse("<a k=\\"v\\"><b/>t</a>"); x.AddAnnotation("s"); x.AddAnnotation(5); x.Attribute("k").AddAnnotation("on attr"); x.FirstNode.AddAnnotation(new XElement("z")); var r = x.Annotation<string>() + "|" + string.Join(",", x.Annotations<string>()) + "|" + x.Annotations<object>().Count() + "|" + x.Attribute("k").Annotation<string>() + "|" + x.FirstNode.Annotation<XElement>().Name + "|" + (x.Annotation<XElement>() == null); x.RemoveAnnotations<string>(); r += "|" + x.Annotations<object>().Count() + "|" + new XElement(x).Annotations<object>().Count(); return r;`),
  b("annotations.null", "int", `var x = new XElement("a"); x.AddAnnotation(null); return 1;`),
  c("baseuri", "string", `"[" + XElement.Parse("<a b=\\"c\\"/>").BaseUri + "|" + XDocument.Parse("<a/>").BaseUri + "|" + new XElement("a").BaseUri + "|" + XElement.Parse("<a b=\\"c\\"/>").Attribute("b").BaseUri + "]"`),
];

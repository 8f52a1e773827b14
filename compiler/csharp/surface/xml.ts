// System.Xml.Linq (XDocument, XElement, XAttribute, XName, XNamespace, ...), lowered to
// runtime/dotnet/xml.ts. string → XName / XNamespace implicit conversions, `ns + "local"`, XName ==
// string and the explicit (string)/(int)/... conversions of XElement/XAttribute are in lower.ts.
import { js, rt, type Code } from "../../codegen/code.js";
import { C, K, M, NS, P, SM, SP, type } from "./dsl.js";

const FILE_SAVE = "it writes a file on the gateway's disk, which a policy cannot reach (APIM's own gateway has none to write either); save to a StringWriter: var sw = new StringWriter(); x.Save(sw); sw.ToString()";
const URI_LOAD = "it reads a file or a URL from the gateway, which a policy cannot reach (use send-request for a URL); load from a string: XElement.Load(new StringReader(text)) or XElement.Parse(text)";
import { typeTestOf } from "./linq.js";

const X = (name: string) => rt(name);
const m0 = (name: string) => (r: Code) => js`${r}.${raw(name)}()`;
const m1 = (name: string) => (r: Code, a: Code[]) => js`${r}.${raw(name)}(${a[0]})`;
const m2 = (name: string) => (r: Code, a: Code[]) => js`${r}.${raw(name)}(${a[0]}, ${a[1]})`;
const p = (name: string) => (r: Code) => js`${r}.${raw(name)}`;
/** Members used on possibly-missing elements (`Element("x").Value`): a null receiver is a NullReferenceException. */
const pn = (name: string) => (r: Code) => js`${rt("xnn")}(${r}).${raw(name)}`;
const m1n = (name: string) => (r: Code, a: Code[]) => js`${rt("xnn")}(${r}).${raw(name)}(${a[0]})`;
const NAME = /^[A-Za-z]\w*$/;
function raw(name: string): Code {
  if (!NAME.test(name)) throw new Error(`bad member ${name}`);
  const strings = Object.assign([name], { raw: [name] }) as unknown as TemplateStringsArray;
  return js(strings);
}
const test = (cls: string) => (v: Code) => js`(${v} instanceof ${X(cls)})`;

// XmlReader and XmlWriter are not on APIM's allow-list, but XNode.CreateReader() and
// XContainer.CreateWriter() make them and XElement.Load, XNode.WriteTo and Save take them: a value
// passes from one allowed member to another (runtime/dotnet/xml-io.ts); naming the type or using a
// member of it is APIMC3005.
type("System.Xml", "XmlReader", { opaque: "a reader only passes from XNode.CreateReader() to XElement.Load" }, []);
type("System.Xml", "XmlWriter", { opaque: "a writer only passes from XContainer.CreateWriter() to XNode.WriteTo or Save; its nodes reach the container when it is disposed (using)" }, []);
/** XElement/XDocument.Save overloads: a StringWriter, or a writer from XContainer.CreateWriter(). */
const saves = [
  M("void Save(TextWriter textWriter)", (r, a) => js`${rt("xSaveText")}(${r}, ${a[0]})`),
  M("void Save(TextWriter textWriter, SaveOptions options)", (r, a) => js`${rt("xSaveText")}(${r}, ${a[0]}, ${a[1]})`),
  M("void Save(XmlWriter writer)", (r, a) => js`${rt("xSaveWriter")}(${r}, ${a[0]})`),
  NS(M("void Save(string fileName)", () => js`undefined`), FILE_SAVE),
  NS(M("void Save(string fileName, SaveOptions options)", () => js`undefined`), FILE_SAVE),
];

type("System.Xml.Linq", "XNamespace", { test: test("XNamespace") }, [
  P("string NamespaceName", p("NamespaceName")),
  SP("XNamespace None", () => js`${X("XNamespace")}.None`),
  SP("XNamespace Xml", () => js`${X("XNamespace")}.Xml`),
  SP("XNamespace Xmlns", () => js`${X("XNamespace")}.Xmlns`),
  SM("XNamespace Get(string namespaceName)", (_r, a) => js`${X("XNamespace")}.Get(${a[0]})`),
  M("XName GetName(string localName)", m1("GetName")),
  M("string ToString()", m0("ToString")),
]);
type("System.Xml.Linq", "XName", { test: test("XName") }, [
  P("string LocalName", p("LocalName")),
  P("string NamespaceName", p("NamespaceName")),
  P("XNamespace Namespace", p("Namespace")),
  SM("XName Get(string expandedName)", (_r, a) => js`${X("xname")}(${a[0]})`),
  M("string ToString()", m0("ToString")),
]);
type("System.Xml.Linq", "XObject", { test: test("XObject") }, [
  P("XElement Parent", p("Parent")),
  P("XDocument Document", p("Document")),
  P("XmlNodeType NodeType", (r) => js`${rt("xNodeType")}(${r})`),
  // apimc reads XML from strings only: no object has a base URI (LoadOptions.SetBaseUri needs a file or URL)
  P("string BaseUri", (r) => js`(void ${r}.parent, "")`),
  M("void AddAnnotation(object annotation)", (r, a) => js`${r}.AddAnnotation(${a[0]})`),
  M("T Annotation<T>()", (r, _a, x) => js`(${r}.annotationsOf(${typeTestOf(x.typeArgs[0]!)})[0] ?? null)`),
  M("IEnumerable<T> Annotations<T>()", (r, _a, x) => js`${r}.annotationsOf(${typeTestOf(x.typeArgs[0]!)})`),
  M("void RemoveAnnotations<T>()", (r, _a, x) => js`${r}.RemoveAnnotations(${typeTestOf(x.typeArgs[0]!)})`),
]);
const NODE_TYPES = ["None", "Element", "Attribute", "Text", "CDATA", "EntityReference", "Entity", "ProcessingInstruction", "Comment", "Document", "DocumentType", "DocumentFragment", "Notation", "Whitespace", "SignificantWhitespace", "EndElement", "EndEntity", "XmlDeclaration"];
type("System.Xml", "XmlNodeType", { valueType: true }, NODE_TYPES.map((n, i) => K(`XmlNodeType ${n}`, i, () => js`${i}`)));
type("System.Xml.Linq", "XNode", { base: "XObject", test: test("XNode") }, [
  M("void Remove()", m0("Remove")),
  M("string ToString()", m0("ToString")),
  M("string ToString(SaveOptions options)", m1("ToString")),
  P("XNode NextNode", p("NextNode")),
  P("XNode PreviousNode", p("PreviousNode")),
  M("IEnumerable<XElement> Ancestors()", m0("Ancestors")),
  M("IEnumerable<XElement> Ancestors(XName name)", m1("Ancestors")),
  M("IEnumerable<XElement> ElementsAfterSelf()", m0("ElementsAfterSelf")),
  M("IEnumerable<XElement> ElementsAfterSelf(XName name)", m1("ElementsAfterSelf")),
  M("IEnumerable<XElement> ElementsBeforeSelf()", (r) => js`${rt("xElementsBeforeSelf")}(${rt("xnn")}(${r}))`),
  M("IEnumerable<XElement> ElementsBeforeSelf(XName name)", (r, a) => js`${rt("xElementsBeforeSelf")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("IEnumerable<XNode> NodesAfterSelf()", (r) => js`${rt("xNodesAfterSelf")}(${rt("xnn")}(${r}))`),
  M("IEnumerable<XNode> NodesBeforeSelf()", (r) => js`${rt("xNodesBeforeSelf")}(${rt("xnn")}(${r}))`),
  M("void AddAfterSelf(object content)", (r, a) => js`${rt("xAddAfterSelf")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void AddAfterSelf(params object[] content)", (r, a) => js`${rt("xAddAfterSelf")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void AddBeforeSelf(object content)", (r, a) => js`${rt("xAddBeforeSelf")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void AddBeforeSelf(params object[] content)", (r, a) => js`${rt("xAddBeforeSelf")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void ReplaceWith(object content)", (r, a) => js`${rt("xReplaceWith")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void ReplaceWith(params object[] content)", (r, a) => js`${rt("xReplaceWith")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("bool IsAfter(XNode node)", (r, a) => js`${rt("xIsAfter")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("bool IsBefore(XNode node)", (r, a) => js`${rt("xIsBefore")}(${rt("xnn")}(${r}), ${a[0]})`),
  SM("int CompareDocumentOrder(XNode n1, XNode n2)", (_r, a) => js`${rt("xCompareDocumentOrder")}(${a[0]}, ${a[1]})`),
  SM("bool DeepEquals(XNode n1, XNode n2)", (_r, a) => js`${rt("xDeepEquals")}(${a[0]}, ${a[1]})`),
  SP("XNodeDocumentOrderComparer DocumentOrderComparer", () => js`({})`),
  SP("XNodeEqualityComparer EqualityComparer", () => js`${rt("xNodeEqualityComparer")}`),
  M("XmlReader CreateReader()", (r) => js`${rt("xCreateReader")}(${r})`),
  M("void WriteTo(XmlWriter writer)", (r, a) => js`${rt("xWriteTo")}(${r}, ${a[0]})`),
]);
// The comparers are stateless: an empty object stands for an instance (their methods take both nodes).
type("System.Xml.Linq", "XNodeDocumentOrderComparer", {}, [
  C("()", () => js`({})`),
  M("int Compare(XNode x, XNode y)", (_r, a) => js`${rt("xCompareDocumentOrder")}(${a[0]}, ${a[1]})`),
]);
// XNodeEqualityComparer is an IEqualityComparer<XNode> (LINQ's comparer overloads, HashSet<XNode>)
type("System.Xml.Linq", "XNodeEqualityComparer", { interfaces: ["IEqualityComparer<XNode>"] }, [
  C("()", () => js`new ${rt("XNodeEqualityComparer")}()`),
  M("bool Equals(XNode x, XNode y)", (_r, a) => js`${rt("xDeepEquals")}(${a[0]}, ${a[1]})`),
]);
// <!DOCTYPE ...>: constructed only (apimc's parser skips a DTD, so a parsed document has none)
type("System.Xml.Linq", "XDocumentType", { base: "XNode", test: test("XDocumentType") }, [
  C("(string name, string publicId, string systemId, string internalSubset)", (_r, a) => js`new ${X("XDocumentType")}(${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`),
  C("(XDocumentType other)", (_r, a) => js`${X("XDocumentType")}.copy(${a[0]})`),
  P("string Name", pn("Name"), (r, _a, v) => js`(${rt("xnn")}(${r}).Name = ${v})`),
  P("string PublicId", pn("PublicId"), (r, _a, v) => js`(${rt("xnn")}(${r}).PublicId = ${v})`),
  P("string SystemId", pn("SystemId"), (r, _a, v) => js`(${rt("xnn")}(${r}).SystemId = ${v})`),
  P("string InternalSubset", pn("InternalSubset"), (r, _a, v) => js`(${rt("xnn")}(${r}).InternalSubset = ${v})`),
]);
type("System.Xml.Linq", "XProcessingInstruction", { base: "XNode", test: test("XProcessingInstruction") }, [
  C("(string target, string data)", (_r, a) => js`${rt("xNewProcessingInstruction")}(${a[0]}, ${a[1]})`),
  C("(XProcessingInstruction other)", (_r, a) => js`${rt("xNewProcessingInstruction")}(${rt("xnn")}(${a[0]}).Target, ${a[0]}.Data)`),
  P("string Target", p("Target")),
  P("string Data", p("Data")),
]);
type("System.Xml.Linq", "XContainer", { base: "XNode", test: test("XContainer") }, [
  P("XNode FirstNode", p("FirstNode")),
  P("XNode LastNode", p("LastNode")),
  M("IEnumerable<XNode> Nodes()", m0("Nodes")),
  M("IEnumerable<XNode> DescendantNodes()", m0("DescendantNodes")),
  M("IEnumerable<XElement> Elements()", m0("Elements")),
  M("IEnumerable<XElement> Elements(XName name)", m1("Elements")),
  M("XElement Element(XName name)", m1n("Element")),
  M("IEnumerable<XElement> Descendants()", m0("Descendants")),
  M("IEnumerable<XElement> Descendants(XName name)", m1("Descendants")),
  M("void Add(object content)", m1("Add")),
  M("void Add(params object[] content)", m1("Add")),
  M("void AddFirst(object content)", m1("AddFirst")),
  M("void RemoveNodes()", m0("RemoveNodes")),
  M("void ReplaceNodes(object content)", m1("ReplaceNodes")),
  M("XmlWriter CreateWriter()", (r) => js`${rt("xCreateWriter")}(${r})`),
]);
type("System.Xml.Linq", "XElement", { base: "XContainer", test: test("XElement") }, [
  C("(XName name)", (_r, a) => js`${X("XElement")}.create(${a[0]})`),
  C("(XName name, object content)", (_r, a) => js`${X("XElement")}.create(${a[0]}, [${a[1]}])`),
  C("(XName name, params object[] content)", (_r, a) => js`${X("XElement")}.create(${a[0]}, ${a[1]})`),
  C("(XElement other)", (_r, a) => js`${X("XElement")}.copy(${a[0]})`),
  P("XName Name", pn("Name"), (r, _a, v) => js`(${r}.Name = ${v})`),
  P("string Value", pn("Value"), (r, _a, v) => js`(${rt("xnn")}(${r}).Value = ${v})`),
  P("bool HasElements", p("HasElements")),
  P("bool HasAttributes", p("HasAttributes")),
  P("bool IsEmpty", p("IsEmpty")),
  P("XAttribute FirstAttribute", p("FirstAttribute")),
  P("XAttribute LastAttribute", p("LastAttribute")),
  M("IEnumerable<XAttribute> Attributes()", m0("Attributes")),
  M("IEnumerable<XAttribute> Attributes(XName name)", m1("Attributes")),
  M("XAttribute Attribute(XName name)", m1n("Attribute")),
  M("IEnumerable<XElement> DescendantsAndSelf()", m0("DescendantsAndSelf")),
  M("IEnumerable<XElement> DescendantsAndSelf(XName name)", m1("DescendantsAndSelf")),
  M("IEnumerable<XElement> AncestorsAndSelf()", m0("AncestorsAndSelf")),
  M("IEnumerable<XElement> AncestorsAndSelf(XName name)", m1("AncestorsAndSelf")),
  M("void SetAttributeValue(XName name, object value)", m2("SetAttributeValue")),
  M("void SetElementValue(XName name, object value)", m2("SetElementValue")),
  M("void SetValue(object value)", m1("SetValue")),
  M("void RemoveAttributes()", m0("RemoveAttributes")),
  M("void RemoveAll()", m0("RemoveAll")),
  M("IEnumerable<XNode> DescendantNodesAndSelf()", (r) => js`${rt("xDescendantNodesAndSelf")}(${rt("xnn")}(${r}))`),
  M("void ReplaceAll(object content)", (r, a) => js`${rt("xReplaceAll")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void ReplaceAll(params object[] content)", (r, a) => js`${rt("xReplaceAll")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void ReplaceAttributes(object content)", (r, a) => js`${rt("xReplaceAttributes")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void ReplaceAttributes(params object[] content)", (r, a) => js`${rt("xReplaceAttributes")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("XNamespace GetDefaultNamespace()", m0("GetDefaultNamespace")),
  M("XNamespace GetNamespaceOfPrefix(string prefix)", m1("GetNamespaceOfPrefix")),
  M("string GetPrefixOfNamespace(XNamespace ns)", m1("GetPrefixOfNamespace")),
  SM("XElement Parse(string text)", (_r, a) => js`${X("XElement")}.Parse(${a[0]})`),
  SP("IEnumerable<XElement> EmptySequence", () => js`[]`),
  SM("XElement Parse(string text, LoadOptions options)", (_r, a) => js`${X("XElement")}.Parse(${a[0]}, ${a[1]})`),
  SM("XElement Load(TextReader textReader)", (_r, a) => js`${rt("xLoadText")}(${a[0]})`),
  SM("XElement Load(TextReader textReader, LoadOptions options)", (_r, a) => js`${rt("xLoadText")}(${a[0]}, ${a[1]})`),
  SM("XElement Load(XmlReader reader)", (_r, a) => js`${rt("xLoadReader")}(${a[0]})`),
  SM("XElement Load(XmlReader reader, LoadOptions options)", (_r, a) => js`${rt("xLoadReader")}(${a[0]}, ${a[1]})`),
  NS(SM("XElement Load(string uri)", () => js`undefined`), URI_LOAD),
  NS(SM("XElement Load(string uri, LoadOptions options)", () => js`undefined`), URI_LOAD),
  ...saves,
]);
type("System.Xml.Linq", "XDocument", { base: "XContainer", test: test("XDocument") }, [
  C("()", () => js`${X("XDocument")}.create()`),
  C("(params object[] content)", (_r, a) => js`${X("XDocument")}.create(${a[0]})`),
  C("(XDeclaration declaration, params object[] content)", (_r, a) => js`${X("XDocument")}.declared(${a[0]}, ${a[1]})`),
  P("XElement Root", pn("Root")),
  P("XDeclaration Declaration", p("Declaration")),
  // apimc's parser takes no DTD: a document never has a DocumentType
  P("XDocumentType DocumentType", pn("DocumentType")),
  SM("XDocument Parse(string text)", (_r, a) => js`${X("XDocument")}.Parse(${a[0]})`),
  SM("XDocument Parse(string text, LoadOptions options)", (_r, a) => js`${X("XDocument")}.Parse(${a[0]}, ${a[1]})`),
  ...saves,
]);
type("System.Xml.Linq", "XAttribute", { base: "XObject", test: test("XAttribute") }, [
  C("(XName name, object value)", (_r, a) => js`${X("XAttribute")}.create(${a[0]}, ${a[1]})`),
  P("XName Name", p("Name")),
  P("string Value", p("Value"), (r, _a, v) => js`(${r}.Value = ${v})`),
  P("bool IsNamespaceDeclaration", p("IsNamespaceDeclaration")),
  SP("IEnumerable<XAttribute> EmptySequence", () => js`[]`),
  P("XAttribute NextAttribute", (r) => js`${rt("xNextAttribute")}(${rt("xnn")}(${r}))`),
  P("XAttribute PreviousAttribute", (r) => js`${rt("xPreviousAttribute")}(${rt("xnn")}(${r}))`),
  M("void SetValue(object value)", (r, a) => js`${rt("xAttributeSetValue")}(${rt("xnn")}(${r}), ${a[0]})`),
  M("void Remove()", m0("Remove")),
  M("string ToString()", m0("ToString")),
]);
type("System.Xml.Linq", "XText", { base: "XNode", test: test("XText") }, [
  C("(string value)", (_r, a) => js`new ${X("XText")}(${a[0]})`),
  P("string Value", p("Value"), (r, _a, v) => js`(${r}.Value = ${v})`),
]);
type("System.Xml.Linq", "XCData", { base: "XText", test: test("XCData") }, [C("(string value)", (_r, a) => js`new ${X("XCData")}(${a[0]})`)]);
type("System.Xml.Linq", "XComment", { base: "XNode", test: test("XComment") }, [
  C("(string value)", (_r, a) => js`new ${X("XComment")}(${a[0]})`),
  P("string Value", p("Value"), (r, _a, v) => js`(${r}.Value = ${v})`),
]);
type("System.Xml.Linq", "XDeclaration", {}, [
  C("(string version, string encoding, string standalone)", (_r, a) => js`new ${X("XDeclaration")}(${a[0]}, ${a[1]}, ${a[2]})`),
  P("string Version", p("Version")),
  P("string Encoding", p("Encoding")),
  P("string Standalone", p("Standalone")),
  M("string ToString()", m0("ToString")),
]);
type("System.Xml.Linq", "LoadOptions", { valueType: true }, [
  K("LoadOptions None", 0, () => js`0`),
  K("LoadOptions PreserveWhitespace", 1, () => js`1`),
  K("LoadOptions SetBaseUri", 2, () => js`2`),
  K("LoadOptions SetLineInfo", 4, () => js`4`),
]);
type("System.Xml.Linq", "SaveOptions", { valueType: true }, [
  K("SaveOptions None", 0, () => js`0`),
  K("SaveOptions DisableFormatting", 1, () => js`1`),
  K("SaveOptions OmitDuplicateNamespaces", 2, () => js`2`),
]);
// System.Xml.Linq.Extensions over sequences of elements
const flat = (method: string) => (_r: Code, a: Code[]) => js`${rt("xmlFlat")}(${a[0]}, ${method}${a.length > 1 ? js`, ${a[1]}` : js``})`;
type("System.Xml.Linq", "Extensions", { isStatic: true }, [
  SM("IEnumerable<XElement> Elements(this IEnumerable<XElement> source)", flat("Elements")),
  SM("IEnumerable<XElement> Elements(this IEnumerable<XElement> source, XName name)", flat("Elements")),
  SM("IEnumerable<XElement> Descendants(this IEnumerable<XElement> source)", flat("Descendants")),
  SM("IEnumerable<XElement> Descendants(this IEnumerable<XElement> source, XName name)", flat("Descendants")),
  SM("IEnumerable<XAttribute> Attributes(this IEnumerable<XElement> source)", flat("Attributes")),
  SM("IEnumerable<XAttribute> Attributes(this IEnumerable<XElement> source, XName name)", flat("Attributes")),
  SM("IEnumerable<XNode> Nodes(this IEnumerable<XElement> source)", flat("Nodes")),
  SM("IEnumerable<XElement> Ancestors(this IEnumerable<XNode> source)", (_r, a) => js`${rt("xsAncestors")}(${a[0]}, false)`),
  SM("IEnumerable<XElement> Ancestors(this IEnumerable<XNode> source, XName name)", (_r, a) => js`${rt("xsAncestors")}(${a[0]}, false, ${a[1]})`),
  SM("IEnumerable<XElement> AncestorsAndSelf(this IEnumerable<XElement> source)", (_r, a) => js`${rt("xsAncestors")}(${a[0]}, true)`),
  SM("IEnumerable<XElement> AncestorsAndSelf(this IEnumerable<XElement> source, XName name)", (_r, a) => js`${rt("xsAncestors")}(${a[0]}, true, ${a[1]})`),
  SM("IEnumerable<XNode> DescendantNodes(this IEnumerable<XContainer> source)", (_r, a) => js`${rt("xsDescendantNodes")}(${a[0]}, false)`),
  SM("IEnumerable<XNode> DescendantNodesAndSelf(this IEnumerable<XElement> source)", (_r, a) => js`${rt("xsDescendantNodes")}(${a[0]}, true)`),
  SM("IEnumerable<XElement> DescendantsAndSelf(this IEnumerable<XElement> source)", (_r, a) => js`${rt("xsDescendantsAndSelf")}(${a[0]})`),
  SM("IEnumerable<XElement> DescendantsAndSelf(this IEnumerable<XElement> source, XName name)", (_r, a) => js`${rt("xsDescendantsAndSelf")}(${a[0]}, ${a[1]})`),
  SM("IEnumerable<T> InDocumentOrder<T>(this IEnumerable<T> source)", (_r, a) => js`${rt("xsInDocumentOrder")}(${a[0]})`),
  SM("void Remove(this IEnumerable<XNode> source)", (_r, a) => js`${rt("xsRemove")}(${a[0]})`),
  SM("void Remove(this IEnumerable<XAttribute> source)", (_r, a) => js`${rt("xsRemove")}(${a[0]})`),
]);

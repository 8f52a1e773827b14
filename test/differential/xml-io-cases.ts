// LINQ to XML's readers, writers, loads and saves (runtime/dotnet/xml-io.ts) and XDocumentType:
// XElement.Load over a StringReader and over XNode.CreateReader(), XElement/XDocument.Save into a
// StringWriter and into XContainer.CreateWriter(), XNode.WriteTo of every node kind into an element's
// and a document's writer, inside and outside `using`; matrices over documents, options and node kinds.
import type { DiffCase } from "./cases.js";

type Opts = Omit<DiffCase, "id" | "expr" | "type">;
const W = { windowsNewline: true };
const c = (id: string, type: string, expr: string, opts: Opts = W): DiffCase => ({ id: `xio.${id}`, type, expr, ...opts });
const b = (id: string, type: string, body: string, opts: Opts = W): DiffCase => ({ id: `xio.${id}`, type, expr: body, block: true, ...opts });
const q = (s: string) => JSON.stringify(s);

/** Documents: nesting, attributes, namespaces (default, prefixed, undeclared below), mixed content, CDATA, comments, PIs, whitespace. */
const DOCS = [
  `<a x="1"><b/>t<c>u</c></a>`,
  `<a>  <b/>  </a>`,
  `<r xmlns="urn:d"><s><t xmlns=""/></s></r>`,
  `<p:r xmlns:p="urn:p"><p:s p:k="v"/><n/></p:r>`,
  `<a><![CDATA[x<y]]>z<!--c--><?pi d?></a>`,
  `<?xml version="1.0" encoding="utf-8" standalone="yes"?><!--lead--><a/><?tail x?>`,
  `<a b="&lt;&amp;&quot;">&#x1F600; &amp; é</a>`,
  `<a></a>`,
];
/** Nodes made in code, each kind, for WriteTo. */
const NODES = [
  `new XElement("e", new XAttribute("k", "v"), "t")`,
  `XElement.Parse("<e xmlns='urn:x'><f/></e>")`,
  `new XElement(XName.Get("{urn:y}e"), new XElement(XName.Get("{urn:y}f")), new XElement("g"))`,
  `new XText("t")`,
  `new XText("  ")`,
  `new XText("")`,
  `new XCData("c<d")`,
  `new XComment("k")`,
  `new XProcessingInstruction("p", "d")`,
  `new XDocumentType("a", null, null, null)`,
  `XDocument.Parse("<?xml version='1.0'?><!--c--><a/>")`,
  `new XElement("a", "")`,
];

export const XML_IO_CASES: DiffCase[] = [
  // ---- Load(TextReader) and Save(TextWriter): every document, every option --------------------------
  ...DOCS.flatMap((d, i) => [
    c(`load.text.${i}`, "string", `XElement.Load(new StringReader(${q(d)})).ToString()`),
    c(`load.text.ws.${i}`, "string", `XElement.Load(new StringReader(${q(d)}), LoadOptions.PreserveWhitespace).ToString(SaveOptions.DisableFormatting)`),
    c(`load.text.same.${i}`, "bool", `XNode.DeepEquals(XElement.Load(new StringReader(${q(d)}), LoadOptions.PreserveWhitespace), XElement.Parse(${q(d)}, LoadOptions.PreserveWhitespace))`),
    b(`save.element.${i}`, "string", `var sw = new StringWriter(); XElement.Parse(${q(d)}).Save(sw); return sw.ToString();`),
    b(`save.element.flat.${i}`, "string", `var sw = new StringWriter(); XElement.Parse(${q(d)}).Save(sw, SaveOptions.DisableFormatting); return sw.ToString();`),
    b(`save.document.${i}`, "string", `var sw = new StringWriter(); XDocument.Parse(${q(d)}).Save(sw); return sw.ToString();`),
    b(`save.document.flat.${i}`, "string", `var sw = new StringWriter(); XDocument.Parse(${q(d)}).Save(sw, SaveOptions.DisableFormatting); return sw.ToString();`),
    // the reader: Load copies the element (adjacent text merged), then the reader is at its end
    c(`load.reader.${i}`, "string", `XElement.Load(XElement.Parse(${q(d)}).CreateReader()).ToString()`),
    c(`load.reader.doc.${i}`, "string", `XElement.Load(XDocument.Parse(${q(d)}).CreateReader(), LoadOptions.None).ToString(SaveOptions.DisableFormatting)`),
    b(`load.reader.twice.${i}`, "string", `var r = XDocument.Parse(${q(d)}).CreateReader(); var e = XElement.Load(r); return e.Name + "|" + XElement.Load(r).Name;`),
    c(`load.reader.inner.${i}`, "string", `XElement.Load(XElement.Parse(${q(d)}).DescendantNodesAndSelf().Last().CreateReader()).ToString()`),
    // the writer: nothing before Dispose, everything after
    b(`write.using.${i}`, "string", `var r = new XElement("r"); using (var w = r.CreateWriter()) { XElement.Parse(${q(d)}, LoadOptions.PreserveWhitespace).WriteTo(w); } return r.ToString();`),
    b(`write.nousing.${i}`, "string", `var r = new XElement("r"); var w = r.CreateWriter(); XElement.Parse(${q(d)}).WriteTo(w); return r.ToString() + "|" + r.Nodes().Count();`),
    b(`write.document.${i}`, "string", `var doc = new XDocument(); using (var w = doc.CreateWriter()) { XDocument.Parse(${q(d)}).WriteTo(w); } return (doc.Declaration == null) + "|" + doc.ToString();`),
    b(`write.save.${i}`, "string", `var doc = new XDocument(); using (var w = doc.CreateWriter()) { XElement.Parse(${q(d)}).Save(w); } return doc.ToString();`),
    b(`write.attrs.${i}`, "string", `var r = new XElement("r"); using (var w = r.CreateWriter()) { XElement.Parse(${q(d)}).WriteTo(w); } return string.Join(",", r.Descendants().Select(e => e.Name.LocalName + ":" + e.Attributes().Count()));`),
  ]),
  // ---- WriteTo of each node kind into an element's writer and a document's writer, one and two in a row ----
  ...NODES.flatMap((n, i) => [
    b(`node.element.${i}`, "string", `var r = new XElement("r"); using (var w = r.CreateWriter()) { (${n}).WriteTo(w); } return r.ToString() + "|" + r.Elements().Count();`),
    b(`node.document.${i}`, "string", `var d = new XDocument(); using (var w = d.CreateWriter()) { (${n}).WriteTo(w); } return d.ToString() + "|" + d.Nodes().Count();`),
    ...NODES.map((m, j) => b(`node.pair.${i}.${j}`, "string", `var d = new XDocument(); using (var w = d.CreateWriter()) { (${n}).WriteTo(w); (${m}).WriteTo(w); } return d.ToString() + "|" + d.Nodes().Count();`)),
    b(`node.element.pair.${i}`, "string", `var r = new XElement("r", "x"); using (var w = r.CreateWriter()) { (${n}).WriteTo(w); new XText("y").WriteTo(w); } return r.ToString() + "|" + r.Nodes().Count();`),
  ]),
  // ---- writer states: after an error, after Dispose, into a document that has a root ---------------------
  b("state.after.error", "string", `var d = new XDocument(); var w = d.CreateWriter(); try { new XText("t").WriteTo(w); } catch (InvalidOperationException) { } new XElement("a").WriteTo(w); return "x";`),
  b("state.after.dispose", "string", `var r = new XElement("r"); var w = r.CreateWriter(); using (w) { new XElement("a").WriteTo(w); } new XElement("b").WriteTo(w); return r.ToString();`),
  b("state.root.exists", "string", `var d = XDocument.Parse("<x/>"); using (var w = d.CreateWriter()) { new XElement("a").WriteTo(w); } return d.ToString();`),
  b("state.element.has.content", "string", `var r = new XElement("r", new XElement("x")); using (var w = r.CreateWriter()) { new XElement("a").WriteTo(w); } return r.ToString();`),
  b("state.empty.document", "string", `var d = new XDocument(); using (var w = d.CreateWriter()) { new XDocument().WriteTo(w); } return d.ToString();`),
  b("state.comment.then.save", "string", `var d = new XDocument(); using (var w = d.CreateWriter()) { new XComment("c").WriteTo(w); XDocument.Parse("<a/>").Save(w); } return d.ToString();`),
  b("state.save.fragment", "string", `var r = new XElement("r"); using (var w = r.CreateWriter()) { XElement.Parse("<a/>").Save(w); } return r.ToString();`),
  b("state.doctype.twice", "string", `var d = new XDocument(); using (var w = d.CreateWriter()) { new XDocumentType("a", null, null, null).WriteTo(w); new XDocumentType("b", null, null, null).WriteTo(w); } return d.ToString();`),
  b("writeto.null", "string", `XElement.Parse("<a/>").WriteTo(null); return "x";`),
  b("load.null.node", "string", `XNode n = null; return XElement.Load(n.CreateReader()).ToString();`),
  c("load.null.textreader", "string", `XElement.Load((StringReader)null).ToString()`),
  b("save.null.writer", "string", `XElement.Parse("<a/>").Save((StringWriter)null); return "x";`),
  // ---- Load(TextReader): what the reader has left, bad documents ----------------------------------------
  b("load.text.consumes", "string", `var sr = new StringReader("<a/>"); var e = XElement.Load(sr); return e + "|" + sr.ReadToEnd() + "|" + sr.Peek();`),
  b("load.text.partial", "string", `var sr = new StringReader("x<a><b/></a>"); sr.Read(); return XElement.Load(sr).ToString();`),
  ...["", "<a/><b/>", "text", "<a>", "<!--c-->"].map((t, i) => c(`load.text.bad.${i}`, "string", `XElement.Load(new StringReader(${q(t)})).ToString()`)),
  // ---- Load(XmlReader) over other node kinds ---------------------------------------------------------------
  ...[`new XText("t")`, `new XText(" ")`, `new XComment("t")`, `new XCData("t")`, `new XDocument()`, `new XProcessingInstruction("p", "d")`, `new XElement("a", new XText("x"), new XText("y"), new XCData("z"))`, `XElement.Parse("<a xmlns:p='urn:u'><p:b/></a>").Elements().First()`].map((n, i) =>
    c(`load.reader.kind.${i}`, "string", `XElement.Load((${n}).CreateReader()).ToString() + "|" + XElement.Load((${n}).CreateReader()).Nodes().Count()`),
  ),
  // ---- Save to a StringWriter: documents with and without declarations, several saves in a row ---------------
  ...[`new XDocument()`, `new XDocument(new XComment("c"))`, `new XDocument(new XDeclaration("1.1", "x", "yes"), new XElement("a"))`, `new XDocument(new XDeclaration("1.0", "utf-8", "no"), new XComment("c"), new XElement("a"))`, `new XDocument(new XDocumentType("a", "p", "s", "i"), new XElement("a"))`].map((d, i) =>
    b(`save.made.${i}`, "string", `var sw = new StringWriter(); (${d}).Save(sw); return sw.ToString();`),
  ),
  b("save.twice", "string", `var sw = new StringWriter(); sw.Write("x"); new XElement("a").Save(sw); new XElement("b", "t u").Save(sw, SaveOptions.DisableFormatting); return sw.ToString();`),
  // ---- XDocumentType ----------------------------------------------------------------------------------------
  ...[
    [`"html"`, "null", "null", "null"],
    [`"html"`, `"-//W3C//DTD XHTML 1.0//EN"`, `"http://x/y.dtd"`, `"<!ENTITY a 'b'>"`],
    [`"a"`, "null", `"s.dtd"`, "null"],
    [`"a"`, `"p"`, "null", `""`],
    [`"p:q"`, "null", "null", `"x"`],
    [`""`, "null", "null", "null"],
    ["null", "null", "null", "null"],
    [`"a b"`, "null", "null", "null"],
    [`"1a"`, "null", "null", "null"],
  ].map((args, i) =>
    c(`doctype.${i}`, "string", `new XDocumentType(${args.join(", ")}).ToString() + "|" + new XDocumentType(${args.join(", ")}).Name + "|" + (new XDocumentType(${args.join(", ")}).PublicId ?? "-") + "|" + (new XDocumentType(${args.join(", ")}).SystemId ?? "-") + "|" + (new XDocumentType(${args.join(", ")}).InternalSubset ?? "-") + "|" + new XDocumentType(${args.join(", ")}).NodeType`),
  ),
  b("doctype.set", "string", `var t = new XDocumentType("a", null, null, null); t.Name = "b"; t.PublicId = "p"; t.SystemId = "s"; t.InternalSubset = "i"; var u = new XDocumentType(t); return t + "|" + u + "|" + XNode.DeepEquals(t, u);`),
  b("doctype.set.bad", "string", `var t = new XDocumentType("a", null, null, null); t.Name = "b c"; return t.ToString();`),
  c("doctype.copy.null", "string", `new XDocumentType((XDocumentType)null).ToString()`),
  b("doctype.in.document", "string", `var d = new XDocument(new XDocumentType("a", null, null, null), new XElement("a")); return d + "|" + d.DocumentType.Name + "|" + d.Nodes().Count() + "|" + (d.FirstNode is XDocumentType);`),
  c("doctype.in.element", "string", `new XElement("r", new XDocumentType("a", null, null, null)).ToString()`),
  c("doctype.after.root", "string", `new XDocument(new XElement("a"), new XDocumentType("a", null, null, null)).ToString()`),
  c("doctype.twice", "string", `new XDocument(new XDocumentType("a", null, null, null), new XDocumentType("b", null, null, null)).ToString()`),
  c("doctype.parsed.none", "bool", `XDocument.Parse("<a/>").DocumentType == null`),
];

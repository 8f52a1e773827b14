// The runtime's one XML reader (runtime/xml-reader.ts) under its two trees: LINQ to XML
// (XDocument.Parse, whose answers are recorded from Mono in the differential cases) and the plain
// tree of the body conversions. Generated documents, well-formed and broken by the mutations that
// separated the two former readers (bare '&', attributes without whitespace between them, "\r\n",
// character reference 0, a declaration after whitespace, undeclared entities, ...), must be accepted
// or refused alike, with the same message, and give the same text and attributes.
import { describe, expect, it } from "vitest";
import { XDocument, XElement, type XNode, XText } from "../../runtime/dotnet/xml.js";
import { parseXmlDocument, type XmlElement } from "../../runtime/transform/xml.js";
import { xmlToJsonText } from "../../runtime/transform/convert.js";
import { XmlReadError } from "../../runtime/xml-reader.js";
import { pick, rng } from "../helpers/rng.js";

const NAMES = ["a", "b", "p:c", "x-y", "_z", "é", "n.1"];
const TEXTS = ["", "t", " ", "a&amp;b", "&lt;&gt;", "&#65;&#x42;", "l1\r\nl2", "x\ry", "&apos;&quot;", "\t"];
const BREAKS: [string, string][] = [
  ["&amp;", "&"],
  ["&#65;", "&#0;"],
  ["&lt;", "&bogus;"],
  ['" ', '"'],
  ["</", "<"],
  ["<a", "<1a"],
  ["?>", "?> "],
  ["<?xml", " <?xml"],
  ["<!--", "<!-"],
  ["&#x42;", "&#x110000;"],
];

function element(r: () => number, depth: number): string {
  const name = pick(r, NAMES);
  const ns = name.startsWith("p:") ? ' xmlns:p="urn:p"' : "";
  const attrs = r() < 0.5 ? ` k="${pick(r, TEXTS)}"` + (r() < 0.3 ? ` m='${pick(r, TEXTS)}'` : "") : "";
  if (r() < 0.2) return `<${name}${ns}${attrs}/>`;
  let body = "";
  const count = depth > 2 ? 0 : Math.floor(r() * 4);
  for (let k = 0; k < count; k++) {
    const roll = r();
    body += roll < 0.4 ? element(r, depth + 1) : roll < 0.7 ? pick(r, TEXTS) : roll < 0.8 ? `<![CDATA[${pick(r, ["", "<x>", "a\r\nb"])}]]>` : roll < 0.9 ? "<!-- c -->" : "<?pi data?>";
  }
  return `<${name}${ns}${attrs}>${body}</${name}>`;
}

function documents(seed: number, count: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let text = (r() < 0.4 ? '<?xml version="1.0" encoding="utf-8"?>' : "") + (r() < 0.2 ? "<!-- lead -->\n" : "") + element(r, 0) + (r() < 0.2 ? "\n<?tail ?>" : "");
    if (r() < 0.5) {
      const [from, to] = pick(r, BREAKS);
      text = text.replace(from, to);
    }
    out.push(text);
  }
  return out;
}

type Outcome = { ok: true; tree: unknown } | { ok: false; message: string };

/** The LINQ to XML tree as (name, attributes, text) triples: what both trees can say. */
function viaXDocument(text: string): Outcome {
  try {
    const d = XDocument.Parse(text, 1);
    const walk = (e: XElement): unknown => [
      e.srcPrefix ? `${e.srcPrefix}:${e.name.LocalName}` : e.name.LocalName,
      e.attrs.map((a) => a.Value),
      e.nodes.filter((n: XNode) => n instanceof XText).map((n) => (n as XText).Value).join(""),
      e.nodes.filter((n): n is XElement => n instanceof XElement).map(walk),
    ];
    return { ok: true, tree: walk(d.Root!) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function viaPlainTree(text: string): Outcome {
  try {
    const walk = (e: XmlElement): unknown => [
      e.name,
      e.attrs.map((a) => a[1]),
      e.children.map((c) => (c.kind === "text" || c.kind === "cdata" ? c.text : "")).join(""),
      e.children.filter((c): c is XmlElement => c.kind === "element").map(walk),
    ];
    return { ok: true, tree: walk(parseXmlDocument(text).root) };
  } catch (e) {
    if (!(e instanceof XmlReadError)) throw e;
    return { ok: false, message: e.message };
  }
}

describe("one XML reader under LINQ to XML and the body conversions", () => {
  it("generated documents are accepted or refused alike, with the same message and the same content", () => {
    const docs = documents(0x5eed12, 600);
    let refused = 0;
    for (const text of docs) {
      const linq = viaXDocument(text);
      expect(viaPlainTree(text), JSON.stringify(text)).toEqual(linq);
      if (!linq.ok) refused++;
    }
    // both outcomes are exercised
    expect(refused).toBeGreaterThan(50);
    expect(refused).toBeLessThan(docs.length - 50);
  });

  it("the rules that used to differ, one by one", () => {
    const refusedBoth = ["<a>&</a>", "<a>&#0;</a>", '<a b="1"c="2"/>', ' <?xml version="1.0"?><a/>', "<a>&nbsp;</a>", "<a/><b/>", "x<a/>"];
    for (const text of refusedBoth) {
      expect(viaXDocument(text).ok, text).toBe(false);
      expect(viaPlainTree(text), text).toEqual(viaXDocument(text));
    }
    // "\r\n" is "\n" in text and in attributes (before a literal newline becomes a space)
    expect(JSON.parse(xmlToJsonText('<a k="1\r\n2">x\r\ny</a>', { kind: "direct", alwaysArrayChildElements: false }))).toEqual({ a: { "@k": "1 2", "#text": "x\ny" } });
    // a character reference is not attribute-value whitespace: &#xA; stays a newline
    expect(JSON.parse(xmlToJsonText('<a k="1&#xA;2"/>', { kind: "direct", alwaysArrayChildElements: false }))).toEqual({ a: { "@k": "1\n2" } });
  });

  it("errors carry .NET's message with line and position", () => {
    expect(() => parseXmlDocument("<a>\n  <b></a>")).toThrow("The 'b' start tag does not match the end tag of 'a'. Line 2, position 6.");
    expect(() => XDocument.Parse("<a>\n  <b></a>")).toThrow("The 'b' start tag does not match the end tag of 'a'. Line 2, position 6.");
  });

  it("DOCTYPE: skipped by XDocument.Parse, refused by the body conversions", () => {
    const text = `<!DOCTYPE a [<!ENTITY x "y">]><a>z</a>`;
    expect(XDocument.Parse(text).Root!.Value).toBe("z");
    expect(() => parseXmlDocument(text)).toThrow(/DTD is prohibited/);
  });

  it("the body conversions refuse nesting deeper than 512 elements", () => {
    expect(parseXmlDocument("<a>".repeat(512) + "</a>".repeat(512)).root.name).toBe("a");
    expect(() => parseXmlDocument("<a>".repeat(513) + "</a>".repeat(513))).toThrow(/nested deeper than 512/);
  });
});

// The XSD compiler's diagnostics: every construct it does not support is refused at build time
// (APIMC5041) and every schema error is reported (APIMC5040), each at the file and line of the
// construct, never accepted silently. Also the schema set's assembly (WSDL types, includes,
// imports by location, a location that cannot be read) and the pattern translation's refusals.
import { describe, expect, it } from "vitest";
import { compileXsd, type XsdSource } from "../../compiler/validation/xsd-compile.js";
import { xsdRegexToRe2 } from "../../compiler/validation/xsd-regex.js";
import { validateXml } from "../../runtime/validation/xsd-validate.js";

const XS = `xmlns:xs="http://www.w3.org/2001/XMLSchema"`;
/** A schema whose second line is the construct under test. */
const at2 = (body: string, attrs = "") => `<xs:schema ${XS} ${attrs}>\n${body}\n</xs:schema>`;
const diagnose = (text: string, others: Record<string, string> = {}) =>
  compileXsd([{ file: "s.xsd", text }], (loc) => (others[loc] !== undefined ? { file: loc, text: others[loc]! } : `not found`)).diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`);

const NOT_SUPPORTED: [string, string, RegExp][] = [
  ["identity constraint", `<xs:element name="r"><xs:complexType/><xs:key name="k"><xs:selector xpath="."/><xs:field xpath="@a"/></xs:key></xs:element>`, /Identity constraints \(xs:key\) is not supported/],
  ["keyref", `<xs:element name="r"><xs:complexType/><xs:keyref name="k" refer="x"><xs:selector xpath="."/><xs:field xpath="@a"/></xs:keyref></xs:element>`, /xs:keyref/],
  ["unique", `<xs:element name="r"><xs:complexType/><xs:unique name="k"><xs:selector xpath="."/><xs:field xpath="@a"/></xs:unique></xs:element>`, /xs:unique/],
  ["redefine", `<xs:redefine schemaLocation="x.xsd"/>`, /xs:redefine is not supported/],
  ["notation", `<xs:notation name="n" public="p"/>`, /xs:notation is not supported/],
  ["element block", `<xs:element name="r" block="substitution" type="xs:string"/>`, /'block' attribute of xs:element/],
  ["complexType block", `<xs:complexType name="T" block="extension"/>`, /'block' attribute of xs:complexType/],
  ["NOTATION type", `<xs:element name="r" type="xs:NOTATION"/>`, /built-in type xs:NOTATION/],
  ["ENTITY type", `<xs:attribute name="a" type="xs:ENTITY"/>`, /built-in type xs:ENTITY/],
  ["unknown facet (XSD 1.1)", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:assertion test="true()"/></xs:restriction></xs:simpleType>`, /facet xs:assertion/],
  ["unknown regex block", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="\\p{IsKlingon}"/></xs:restriction></xs:simpleType>`, /Unicode block 'IsKlingon'/],
  ["subtraction of a class escape", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="[\\p{L}-[a]]"/></xs:restriction></xs:simpleType>`, /class subtraction with a class escape/],
  ["repetition over RE2's limit", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:pattern value="a{1001}"/></xs:restriction></xs:simpleType>`, /repetition count over 1000/],
  ["XSD 1.1 top-level element", `<xs:defaultOpenContent><xs:any/></xs:defaultOpenContent>`, /xs:defaultOpenContent at the top of a schema is not supported/],
];

const INVALID: [string, string, RegExp][] = [
  ["unknown type", `<xs:element name="r" type="Nope"/>`, /Type 'Nope' is not declared\./],
  ["unknown built-in", `<xs:element name="r" type="xs:integr"/>`, /Type 'http:\/\/www.w3.org\/2001\/XMLSchema:integr' is not declared\./],
  ["unknown element ref", `<xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="nope"/></xs:sequence></xs:complexType></xs:element>`, /The element 'nope' is not declared\./],
  ["unknown group", `<xs:complexType name="T"><xs:group ref="g"/></xs:complexType>`, /The group 'g' is not declared\./],
  ["unknown attribute group", `<xs:complexType name="T"><xs:attributeGroup ref="g"/></xs:complexType>`, /The attribute group 'g' is not declared\./],
  ["undeclared prefix", `<xs:element name="r" type="p:T"/>`, /The prefix 'p' of 'p:T' is not declared\./],
  ["duplicate global", `<xs:element name="r"/><xs:element name="r"/>`, /The global element 'r' has already been declared\./],
  ["max below min", `<xs:complexType name="T"><xs:sequence><xs:element name="a" minOccurs="3" maxOccurs="2"/></xs:sequence></xs:complexType>`, /maxOccurs \(2\) is less than minOccurs \(3\)\./],
  ["bad occurs", `<xs:complexType name="T"><xs:sequence><xs:element name="a" maxOccurs="many"/></xs:sequence></xs:complexType>`, /minOccurs\/maxOccurs must be non-negative integers/],
  ["enumeration outside the base", `<xs:simpleType name="S"><xs:restriction base="xs:int"><xs:enumeration value="x"/></xs:restriction></xs:simpleType>`, /The enumeration value 'x' is not valid for the base type/],
  ["range facet not for strings", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:minInclusive value="1"/></xs:restriction></xs:simpleType>`, /does not apply/],
  ["bad length", `<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:length value="-1"/></xs:restriction></xs:simpleType>`, /non-negative integer/],
  ["default not of the type", `<xs:element name="r" type="xs:int" default="x"/>`, /The default value 'x' is not valid/],
  ["fixed attribute not of the type", `<xs:attribute name="a" type="xs:boolean" fixed="maybe"/>`, /The fixed value 'maybe' of attribute 'a' is not valid/],
  ["circular simple type", `<xs:simpleType name="S"><xs:restriction base="S"/></xs:simpleType>`, /derives from itself/],
  ["circular group", `<xs:group name="g"><xs:sequence><xs:group ref="g"/></xs:sequence></xs:group><xs:complexType name="T"><xs:group ref="g"/></xs:complexType>`, /refers to itself/],
  ["xs:all with a repeated element", `<xs:complexType name="T"><xs:all><xs:element name="a" maxOccurs="2"/></xs:all></xs:complexType>`, /maxOccurs 0 or 1/],
  ["simple type with a complex base", `<xs:complexType name="C"/><xs:simpleType name="S"><xs:restriction base="C"/></xs:simpleType>`, /must be a simple type/],
  ["unreadable include", `<xs:include schemaLocation="missing.xsd"/>`, /The schema 'missing.xsd' \(include\) cannot be read: not found/],
];

describe("XSD compiler diagnostics", () => {
  for (const [name, body, message] of NOT_SUPPORTED)
    it(`not supported: ${name} (APIMC5041 at its line)`, () => {
      const d = diagnose(at2(body));
      expect(d.length, d.join("\n")).toBeGreaterThan(0);
      expect(d[0]).toMatch(/^APIMC5041 s\.xsd:2 /);
      expect(d[0]).toMatch(message);
      expect(d[0]).toMatch(/not supported by apimc's XML Schema compiler/);
    });
  for (const [name, body, message] of INVALID)
    it(`invalid: ${name} (APIMC5040 at its line)`, () => {
      const d = diagnose(at2(body));
      expect(d.length, d.join("\n")).toBeGreaterThan(0);
      expect(d[0]).toMatch(/^APIMC5040 s\.xsd:2 /);
      expect(d[0]).toMatch(message);
    });

  it("not well-formed, and not a schema", () => {
    expect(diagnose(`<xs:schema ${XS}>\n<xs:element name="r">\n</xs:schema>`)[0]).toMatch(/^APIMC5040 s\.xsd:3 The schema is not well-formed XML: The 'xs:element' start tag does not match/);
    expect(diagnose(`<root/>`)[0]).toMatch(/^APIMC5040 s\.xsd:1 The document is not an XML Schema/);
    expect(diagnose(`<xs:schema ${XS}>\n<xs:include schemaLocation="o.xml"/></xs:schema>`, { "o.xml": "<root/>" })[0]).toMatch(/^APIMC5040 s\.xsd:2 o\.xml is not an XML Schema/);
  });
  it("errors in an included schema point into that file", () => {
    const d = diagnose(at2(`<xs:include schemaLocation="part.xsd"/>`), { "part.xsd": `<xs:schema ${XS}>\n\n<xs:element name="p" type="Nope"/></xs:schema>` });
    expect(d).toEqual([expect.stringMatching(/^APIMC5040 part\.xsd:3 Type 'Nope' is not declared\./)]);
  });
});

describe("XSD schema sets", () => {
  const wsdl = (version: "1.1" | "2.0") =>
    version === "1.1"
      ? `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" ${XS} xmlns:a="urn:a"><types><xs:schema targetNamespace="urn:a"><xs:import namespace="urn:b"/><xs:element name="A"><xs:complexType><xs:sequence><xs:element ref="b:B" xmlns:b="urn:b"/></xs:sequence></xs:complexType></xs:element></xs:schema><xs:schema targetNamespace="urn:b"><xs:element name="B" type="xs:int"/></xs:schema></types></definitions>`
      : `<description xmlns="http://www.w3.org/ns/wsdl" ${XS}><types><xs:schema targetNamespace="urn:a"><xs:element name="A" type="xs:int"/></xs:schema></types></description>`;
  it("a WSDL 1.1's schemas import each other by namespace; a WSDL 2.0's types", () => {
    const r = compileXsd([{ file: "s.wsdl", text: wsdl("1.1") }], () => "none");
    expect(r.diagnostics).toEqual([]);
    expect(validateXml(r.tables!, `<a:A xmlns:a="urn:a"><b:B xmlns:b="urn:b">1</b:B></a:A>`)).toBeNull();
    expect(validateXml(r.tables!, `<a:A xmlns:a="urn:a"><b:B xmlns:b="urn:b">x</b:B></a:A>`)?.message).toMatch(/urn:b:B' element is invalid/);
    const r2 = compileXsd([{ file: "s.wsdl", text: wsdl("2.0") }], () => "none");
    expect(validateXml(r2.tables!, `<A xmlns="urn:a">1</A>`)).toBeNull();
  });
  it("a chameleon include takes the including schema's namespace", () => {
    const sources: XsdSource[] = [{ file: "m.xsd", text: `<xs:schema ${XS} targetNamespace="urn:m" elementFormDefault="qualified"><xs:include schemaLocation="c.xsd"/></xs:schema>` }];
    const r = compileXsd(sources, () => ({ file: "c.xsd", text: `<xs:schema ${XS}><xs:element name="c" type="xs:int"/></xs:schema>` }));
    expect(validateXml(r.tables!, `<c xmlns="urn:m">1</c>`)).toBeNull();
    expect(validateXml(r.tables!, `<c>1</c>`)?.message).toBe("The 'c' element is not declared.");
  });
});

describe("XSD patterns as RE2", () => {
  const cases: [string, string][] = [
    ["a.b", "a[^\\n\\r]b"],
    ["(ab)+", "(?:ab)+"],
    ["[^a-c]", "[^\\x{61}-\\x{63}]"],
    ["\\d{2,3}", "\\p{Nd}{2,3}"],
    ["[a-z-[aeiou]]", "[\\x{62}-\\x{64}\\x{66}-\\x{68}\\x{6A}-\\x{6E}\\x{70}-\\x{74}\\x{76}-\\x{7A}]"],
    ["\\p{IsBasicLatin}", "[\\x{0}-\\x{7F}]"],
    ["\\S", "[^\\x{20}\\x{9}\\x{A}\\x{D}]"],
  ];
  for (const [xsd, re2] of cases) it(`${xsd} → ${re2}`, () => expect(xsdRegexToRe2(xsd)).toBe(re2));
  it("refuses what is not XSD regex syntax", () => {
    for (const bad of ["a{2", "(a", "a)", "\\q", "[a", "a**"]) expect(() => xsdRegexToRe2(bad), bad).toThrow();
  });
});

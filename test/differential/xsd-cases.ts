// The XML Schema differential matrix: for each construct apimc's XSD compiler supports, a schema
// and documents that conform and that do not (each document says which it is meant to be). The
// answers of .NET's validator (System.Xml.Schema, through Mono: xsd/XsdReference.cs) are recorded
// in recorded/xsd.json by `npm run record:csharp`; xsd-differential.test.ts compares apimc's
// verdicts with them, and xsd-reference.live.test.ts re-checks the recording against Mono.
// Every document's root namespace has a schema in the set (for a namespace without one, .NET only
// warns; apimc reports the element as not declared).

export interface XsdCase {
  id: string;
  /** main.xsd first; the others are found by xs:include/xs:import schemaLocation (their file names). */
  schemas: Record<string, string>;
  /** Document id → [meant to be valid, text]. */
  docs: Record<string, [boolean, string]>;
  /** The schema set itself is meant to be refused (its documents are then not validated). */
  invalidSchema?: true;
}

const XS = `xmlns:xs="http://www.w3.org/2001/XMLSchema"`;
const schema = (body: string, attrs = "") => `<xs:schema ${XS}${attrs ? ` ${attrs}` : ""}>${body}</xs:schema>`;
const T = `targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified"`;
/** One root element `r` of the given simple type, and a document per value. */
const simple = (id: string, typeDecl: string, values: [boolean, string][]): XsdCase => ({
  id,
  schemas: { "main.xsd": schema(`<xs:element name="r">${typeDecl}</xs:element>`) },
  docs: Object.fromEntries(values.map(([ok, v], i) => [`v${String(i).padStart(2, "0")}`, [ok, `<r>${v}</r>`]])),
});
const builtin = (id: string, type: string, values: [boolean, string][]) => ({ ...simple(id, "", values), schemas: { "main.xsd": schema(`<xs:element name="r" type="xs:${type}"/>`) } });
const restriction = (base: string, facets: string) => `<xs:simpleType><xs:restriction base="xs:${base}">${facets}</xs:restriction></xs:simpleType>`;
const ok = (v: string): [boolean, string] => [true, v];
const bad = (v: string): [boolean, string] => [false, v];

export const XSD_CASES: XsdCase[] = [
  {
    id: "sequence",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/><xs:element name="c" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`) },
    docs: { ok1: [true, `<r><a/><b/><c/></r>`], ok2: [true, `<r><a>x</a><c/></r>`], order: [false, `<r><a/><c/><b/></r>`], missing: [false, `<r><a/><b/></r>`], extra: [false, `<r><a/><c/><d/></r>`], text: [false, `<r><a/>text<c/></r>`] },
  },
  {
    id: "choice",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:choice><xs:element name="a"/><xs:element name="b"/><xs:sequence><xs:element name="c"/><xs:element name="d"/></xs:sequence></xs:choice></xs:complexType></xs:element>`) },
    docs: { a: [true, `<r><a/></r>`], cd: [true, `<r><c/><d/></r>`], both: [false, `<r><a/><b/></r>`], none: [false, `<r/>`], half: [false, `<r><c/></r>`] },
  },
  {
    id: "all",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:all><xs:element name="a"/><xs:element name="b" minOccurs="0"/><xs:element name="c"/></xs:all></xs:complexType></xs:element>`) },
    docs: { abc: [true, `<r><a/><b/><c/></r>`], cba: [true, `<r><c/><b/><a/></r>`], ca: [true, `<r><c/><a/></r>`], twice: [false, `<r><a/><c/><a/></r>`], missing: [false, `<r><b/><a/></r>`] },
  },
  {
    id: "occurs",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" minOccurs="2" maxOccurs="4"/><xs:element name="b" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>`) },
    docs: { two: [true, `<r><a/><a/></r>`], fourMany: [true, `<r><a/><a/><a/><a/><b/><b/><b/></r>`], one: [false, `<r><a/><b/></r>`], five: [false, `<r><a/><a/><a/><a/><a/></r>`], after: [false, `<r><a/><a/><b/><a/></r>`] },
  },
  {
    id: "nested-groups",
    schemas: {
      "main.xsd": schema(
        `<xs:group name="g"><xs:sequence><xs:element name="x"/><xs:element name="y" minOccurs="0"/></xs:sequence></xs:group><xs:element name="r"><xs:complexType><xs:sequence maxOccurs="3"><xs:choice><xs:group ref="g"/><xs:element name="z"/></xs:choice></xs:sequence></xs:complexType></xs:element>`,
      ),
    },
    docs: { xyz: [true, `<r><x/><y/><z/><x/></r>`], zzz: [true, `<r><z/><z/><z/></r>`], four: [false, `<r><z/><z/><z/><z/></r>`], yFirst: [false, `<r><y/></r>`], yy: [false, `<r><x/><y/><y/></r>`] },
  },
  {
    id: "mixed-empty",
    schemas: { "main.xsd": schema(`<xs:element name="m"><xs:complexType mixed="true"><xs:sequence><xs:element name="b" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element><xs:element name="e"><xs:complexType><xs:attribute name="k"/></xs:complexType></xs:element>`) },
    docs: { mixed: [true, `<m>one <b/> two <b/> three</m>`], mixedBad: [false, `<m>one <c/></m>`], empty: [true, `<e k="1"/>`], emptyPair: [true, `<e></e>`], emptyText: [false, `<e>x</e>`], emptyChild: [false, `<e><b/></e>`], emptySpace: [false, `<e> </e>`] },
  },
  {
    id: "wildcards",
    schemas: {
      "main.xsd": schema(
        `<xs:import namespace="urn:o" schemaLocation="other.xsd"/><xs:element name="r"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="strict" minOccurs="0"/><xs:element name="lax"><xs:complexType><xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element><xs:element name="skip"><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>`,
        T,
      ),
      "other.xsd": schema(`<xs:element name="o" type="xs:int"/>`, `targetNamespace="urn:o"`),
    },
    docs: {
      strictOk: [true, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><o:o>1</o:o><t:lax/><t:skip/></t:r>`],
      strictBad: [false, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><o:o>x</o:o><t:lax/><t:skip/></t:r>`],
      otherUnknown: [false, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><o:zz/><t:lax/><t:skip/></t:r>`],
      laxKnownBad: [false, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><t:lax><o:o>y</o:o></t:lax><t:skip/></t:r>`],
      laxUnknown: [true, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><t:lax><o:zz><anything/></o:zz></t:lax><t:skip/></t:r>`],
      skipAnything: [true, `<t:r xmlns:t="urn:t" xmlns:o="urn:o"><t:lax/><t:skip o:a="1" b="2"><o:o>not-int</o:o></t:skip></t:r>`],
      laxAttr: [false, `<t:r xmlns:t="urn:t"><t:lax a="1"/><t:skip/></t:r>`],
    },
  },
  {
    id: "attributes",
    schemas: {
      "main.xsd": schema(
        `<xs:element name="r"><xs:complexType><xs:attribute name="req" type="xs:int" use="required"/><xs:attribute name="opt" type="xs:boolean"/><xs:attribute name="fix" type="xs:decimal" fixed="1.5"/><xs:attribute name="def" type="xs:string" default="d"/><xs:anyAttribute namespace="urn:x" processContents="lax"/></xs:complexType></xs:element>`,
      ),
    },
    docs: {
      ok: [true, `<r req="1" opt="true" fix="1.50" def="x"/>`],
      missing: [false, `<r opt="1"/>`],
      badType: [false, `<r req="one"/>`],
      fixedOther: [false, `<r req="1" fix="2"/>`],
      undeclared: [false, `<r req="1" other="x"/>`],
      wildcard: [true, `<r req="1" xmlns:x="urn:x" x:anything="x"/>`],
      wildcardOther: [false, `<r req="1" xmlns:y="urn:y" y:anything="x"/>`],
    },
  },
  builtin("integers", "int", [ok("2147483647"), ok("-2147483648"), ok(" +7 "), bad("2147483648"), bad("1.0"), bad("")]),
  builtin("unsigned-byte", "unsignedByte", [ok("0"), ok("255"), bad("256"), bad("-1")]),
  builtin("long", "long", [ok("-9223372036854775808"), bad("9223372036854775808")]),
  builtin("positive-integer", "positiveInteger", [ok("1"), ok("99999999999999999999999"), bad("0"), bad("-5")]),
  builtin("decimal", "decimal", [ok("1.50"), ok("-.5"), ok("+3."), bad("1e3"), bad("."), bad("1,5")]),
  builtin("double", "double", [ok("1e3"), ok("-INF"), ok("NaN"), ok(".5E-3"), bad("inf"), bad("1e"), bad("0x10")]),
  builtin("boolean", "boolean", [ok("true"), ok("0"), ok(" false "), bad("True"), bad("yes")]),
  builtin("date", "date", [ok("2024-02-29"), ok("2023-12-31Z"), ok("2023-01-01+05:30"), bad("2023-02-29"), bad("2023-13-01"), bad("2023-1-01"), bad("20230101")]),
  builtin("date-time", "dateTime", [ok("2024-01-01T12:30:00"), ok("2024-01-01T12:30:00.123Z"), bad("2024-01-01T24:00:00"), bad("2024-01-01 12:30:00"), bad("2024-01-01T25:00:00"), bad("2024-01-01T12:60:00")]),
  builtin("time", "time", [ok("23:59:59"), ok("00:00:00-08:00"), bad("24:00:01"), bad("1:00:00")]),
  builtin("g-types", "gYearMonth", [ok("2024-02"), ok("2024-12Z"), bad("2024-13"), bad("2024")]),
  builtin("duration", "duration", [ok("P1Y2M3DT4H5M6.7S"), ok("-PT5M"), ok("P0D"), bad("P"), bad("PT"), bad("P1H"), bad("1Y")]),
  builtin("hex-binary", "hexBinary", [ok("0fA9"), ok(""), bad("0fA"), bad("zz")]),
  builtin("base64-binary", "base64Binary", [ok("SGVsbG8="), ok("SGVs bG8="), bad("SGVsbG8"), bad("SGV=sbG8")]),
  builtin("names", "NCName", [ok("abc"), ok("_a-b.c"), bad("a:b"), bad("1abc")]),
  builtin("language", "language", [ok("en"), ok("en-US"), ok("english-language-x"), bad("englishlanguage"), bad("en_US")]),
  builtin("token-list", "NMTOKENS", [ok("a b  c"), bad(""), bad("a b,c!")]),
  simple("enumeration", restriction("string", `<xs:enumeration value="red"/><xs:enumeration value="green"/>`), [ok("red"), ok("green"), bad("Red"), bad("blue"), bad(" red")]),
  simple("enumeration-decimal", restriction("decimal", `<xs:enumeration value="1.0"/><xs:enumeration value="2"/>`), [ok("1"), ok("2.00"), bad("3")]),
  simple("pattern", restriction("string", `<xs:pattern value="[A-Z]{2}\\d{3}(-[a-z]+)?"/>`), [ok("AB123"), ok("XY999-abc"), bad("ab123"), bad("AB12"), bad("AB123-"), bad("xAB123")]),
  simple("pattern-name-classes", restriction("string", `<xs:pattern value="\\i\\c*"/>`), [ok("abc"), ok("_b.c-d"), bad("1bc"), bad("a b")]),
  simple("pattern-alternatives", restriction("string", `<xs:pattern value="\\d+"/><xs:pattern value="[a-z]+"/>`), [ok("123"), ok("abc"), bad("abc1")]),
  simple("pattern-subtraction", restriction("string", `<xs:pattern value="[a-z-[aeiou]]+"/>`), [ok("bcd"), bad("abc"), bad("aei")]),
  simple("pattern-escapes", restriction("string", `<xs:pattern value="\\s?\\w+\\.\\p{IsBasicLatin}[^\\d]"/>`), [ok("ab.cd"), ok(" x.!z"), bad("ab.c1"), bad("ab.éd")]),
  simple("pattern-anchors", restriction("string", `<xs:pattern value="^a+$|\\p{Lu}+"/>`), [ok("aaa"), ok("ÉA"), bad("^a"), bad("a$"), bad("ab")]),
  simple("pattern-steps", `<xs:simpleType><xs:restriction><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/></xs:restriction></xs:simpleType><xs:pattern value=".{3}"/></xs:restriction></xs:simpleType>`, [ok("abc"), bad("abcd"), bad("AB1")]),
  simple("lengths", restriction("string", `<xs:minLength value="2"/><xs:maxLength value="4"/>`), [ok("ab"), ok("abcd"), bad("a"), bad("abcde")]),
  simple("length-binary", restriction("hexBinary", `<xs:length value="2"/>`), [ok("00ff"), bad("00"), bad("00ff00")]),
  simple("ranges", restriction("int", `<xs:minInclusive value="-5"/><xs:maxExclusive value="10"/>`), [ok("-5"), ok("9"), bad("-6"), bad("10")]),
  simple("date-range", restriction("date", `<xs:minExclusive value="2020-01-01"/><xs:maxInclusive value="2020-12-31"/>`), [ok("2020-06-15"), ok("2020-12-31"), bad("2020-01-01"), bad("2021-01-01")]),
  simple("digits", restriction("decimal", `<xs:totalDigits value="5"/><xs:fractionDigits value="2"/>`), [ok("123.45"), ok("0001.10"), ok("-99999"), bad("1234.56"), bad("1.234")]),
  simple("whitespace", restriction("string", `<xs:whiteSpace value="collapse"/><xs:maxLength value="3"/>`), [ok("  a  b "), bad("ab cd")]),
  simple("list", `<xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType>`, [ok("1 2  3"), ok(""), bad("1 x 3")]),
  simple("list-length", `<xs:simpleType><xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType><xs:length value="2"/></xs:restriction></xs:simpleType>`, [ok("1 2"), bad("1"), bad("1 2 3")]),
  simple("union", `<xs:simpleType><xs:union memberTypes="xs:int xs:boolean"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="none"/></xs:restriction></xs:simpleType></xs:union></xs:simpleType>`, [ok("5"), ok("true"), ok("none"), bad("maybe"), bad("1.5")]),
  {
    id: "namespaces-forms",
    schemas: {
      "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="q" form="qualified"/><xs:element name="u"/></xs:sequence><xs:attribute name="a" form="qualified"/><xs:attribute name="b"/></xs:complexType></xs:element>`, `targetNamespace="urn:t" xmlns:t="urn:t"`),
    },
    docs: {
      ok: [true, `<t:r xmlns:t="urn:t" t:a="1" b="2"><t:q/><u/></t:r>`],
      qUnqualified: [false, `<t:r xmlns:t="urn:t"><q/><u/></t:r>`],
      uQualified: [false, `<r xmlns="urn:t"><q/><u/></r>`],
      attrQualifiedWrong: [false, `<t:r xmlns:t="urn:t" a="1"><t:q/><u/></t:r>`],
    },
  },
  {
    id: "import-include",
    schemas: {
      "main.xsd": schema(`<xs:include schemaLocation="part.xsd"/><xs:import namespace="urn:o" schemaLocation="other.xsd"/><xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="t:p"/><xs:element ref="o:o"/><xs:element name="c" type="t:Code"/></xs:sequence></xs:complexType></xs:element>`, `${T} xmlns:o="urn:o"`),
      "part.xsd": schema(`<xs:element name="p" type="xs:int"/><xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>`),
      "other.xsd": schema(`<xs:element name="o" type="xs:boolean"/>`, `targetNamespace="urn:o"`),
    },
    docs: {
      ok: [true, `<r xmlns="urn:t" xmlns:o="urn:o"><p>1</p><o:o>true</o:o><c>abc</c></r>`],
      partBad: [false, `<r xmlns="urn:t" xmlns:o="urn:o"><p>x</p><o:o>true</o:o><c>abc</c></r>`],
      otherBad: [false, `<r xmlns="urn:t" xmlns:o="urn:o"><p>1</p><o:o>2</o:o><c>abc</c></r>`],
      codeBad: [false, `<r xmlns="urn:t" xmlns:o="urn:o"><p>1</p><o:o>true</o:o><c>ab</c></r>`],
      wrongNs: [false, `<r xmlns="urn:t"><p>1</p><o>true</o><c>abc</c></r>`],
    },
  },
  {
    id: "complex-derivation",
    schemas: {
      "main.xsd": schema(
        `<xs:complexType name="Base"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence><xs:attribute name="id" type="xs:int"/></xs:complexType>` +
          `<xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence><xs:attribute name="extra" type="xs:boolean" use="required"/></xs:extension></xs:complexContent></xs:complexType>` +
          `<xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence><xs:attribute name="id" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>` +
          `<xs:complexType name="Priced"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>` +
          `<xs:complexType name="SmallPrice"><xs:simpleContent><xs:restriction base="t:Priced"><xs:maxInclusive value="10"/></xs:restriction></xs:simpleContent></xs:complexType>` +
          `<xs:element name="ext" type="t:Ext"/><xs:element name="res" type="t:Res"/><xs:element name="price" type="t:SmallPrice"/><xs:element name="base" type="t:Base"/>`,
        T,
      ),
    },
    docs: {
      extOk: [true, `<ext xmlns="urn:t" id="1" extra="true"><a>1</a><b>x</b></ext>`],
      extOrder: [false, `<ext xmlns="urn:t" extra="true"><b>x</b><a>1</a></ext>`],
      extNoAttr: [false, `<ext xmlns="urn:t"><a>1</a><b>x</b></ext>`],
      resOk: [true, `<res xmlns="urn:t"><a>1</a></res>`],
      resProhibited: [false, `<res xmlns="urn:t" id="1"><a>1</a></res>`],
      priceOk: [true, `<price xmlns="urn:t" cur="EUR">9.99</price>`],
      priceHigh: [false, `<price xmlns="urn:t" cur="EUR">10.5</price>`],
      priceNoCur: [false, `<price xmlns="urn:t">1</price>`],
      xsiType: [true, `<base xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Ext" extra="0"><a>1</a><b/></base>`],
      xsiTypeBad: [false, `<base xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Ext"><a>1</a><b/></base>`],
      xsiTypeNotDerived: [false, `<ext xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Base" extra="1"><a>1</a></ext>`],
    },
  },
  {
    id: "substitution-groups",
    schemas: {
      "main.xsd": schema(
        `<xs:element name="shape" abstract="true" type="xs:string"/><xs:element name="circle" substitutionGroup="t:shape"/><xs:element name="square" substitutionGroup="t:shape" type="xs:token"/><xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="t:shape" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>`,
        T,
      ),
    },
    docs: { ok: [true, `<r xmlns="urn:t"><circle>c</circle><square>s</square></r>`], abstract: [false, `<r xmlns="urn:t"><shape>x</shape></r>`], other: [false, `<r xmlns="urn:t"><triangle/></r>`] },
  },
  {
    id: "nillable-defaults",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="n" type="xs:int" nillable="true"/><xs:element name="f" type="xs:int" fixed="5" minOccurs="0"/><xs:element name="d" type="xs:int" default="3" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>`) },
    docs: {
      nil: [true, `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><n xsi:nil="true"/></r>`],
      nilContent: [false, `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><n xsi:nil="true">1</n></r>`],
      empty: [false, `<r><n/></r>`],
      fixedOk: [true, `<r><n>1</n><f>05</f><d/></r>`],
      fixedEmpty: [true, `<r><n>1</n><f/></r>`],
      fixedOther: [false, `<r><n>1</n><f>6</f></r>`],
      nilNotNillable: [false, `<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><n>1</n><f xsi:nil="true"/></r>`],
    },
  },
  {
    id: "id-idref",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="i" maxOccurs="unbounded"><xs:complexType><xs:attribute name="id" type="xs:ID"/><xs:attribute name="ref" type="xs:IDREF"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element>`) },
    docs: { ok: [true, `<r><i id="a"/><i ref="a"/></r>`], forward: [true, `<r><i ref="b"/><i id="b"/></r>`], dup: [false, `<r><i id="a"/><i id="a"/></r>`], dangling: [false, `<r><i ref="z"/></r>`] },
  },
  // Unique Particle Attribution: content models that need lookahead are refused by .NET and apimc.
  ...[
    `<xs:sequence><xs:element name="a" minOccurs="0"/><xs:element name="a"/></xs:sequence>`,
    `<xs:choice><xs:element name="a"/><xs:sequence><xs:element name="a"/><xs:element name="b"/></xs:sequence></xs:choice>`,
    `<xs:sequence><xs:element name="a" minOccurs="0" maxOccurs="2"/><xs:element name="a"/></xs:sequence>`,
    `<xs:choice><xs:element name="a"/><xs:any namespace="##any"/></xs:choice>`,
    `<xs:sequence><xs:any namespace="##any" minOccurs="0"/><xs:element name="b"/></xs:sequence>`,
  ].map(
    (model, i): XsdCase => ({ id: `ambiguous-${i}`, schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType>${model}</xs:complexType></xs:element>`) }, docs: {}, invalidSchema: true }),
  ),
  // Deterministic models that look close to the ambiguous ones.
  {
    id: "deterministic",
    schemas: { "main.xsd": schema(`<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a"/><xs:element name="a" minOccurs="0"/><xs:choice minOccurs="0"><xs:element name="b"/><xs:any namespace="##other" processContents="skip"/></xs:choice></xs:sequence></xs:complexType></xs:element>`, `targetNamespace="urn:t" xmlns:t="urn:t"`) },
    docs: { a: [true, `<t:r xmlns:t="urn:t"><a/></t:r>`], aab: [true, `<t:r xmlns:t="urn:t"><a/><a/><b/></t:r>`], aaa: [false, `<t:r xmlns:t="urn:t"><a/><a/><a/></t:r>`], other: [true, `<t:r xmlns:t="urn:t"><a/><x:y xmlns:x="urn:x"/></t:r>`] },
  },
  {
    id: "root-undeclared",
    schemas: { "main.xsd": schema(`<xs:element name="r" type="xs:string"/><xs:complexType name="Unused"><xs:sequence/></xs:complexType>`) },
    docs: { ok: [true, `<r>x</r>`], other: [false, `<s>x</s>`], child: [false, `<r><x/></r>`] },
  },
];

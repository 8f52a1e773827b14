// The xsl-transform matrix: common XSLT 1.0 constructs, each a small input and stylesheet. The
// answers of .NET's XslCompiledTransform are recorded in recorded.json (xslt-reference.ts; `npm run
// test:csharp` re-checks them live); xsl-transform.test.ts compares apimc with them.
export interface XsltCase {
  name: string;
  xml: string;
  /** The stylesheet's top-level content (templates, xsl:output, params); wrapped in xsl:stylesheet. */
  body: string;
  params?: Record<string, string>;
  /** Extra namespace declarations on the stylesheet element. */
  ns?: string;
}

export const sheet = (c: XsltCase): string => `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"${c.ns ? ` ${c.ns}` : ""}>${c.body}</xsl:stylesheet>`;

const ORDERS = `<orders><order id="3" total="12.5"><customer>Bob</customer><item sku="b">2</item></order><order id="1" total="7"><customer>Ada</customer><item sku="a">1</item><item sku="c">4</item></order><order id="2" total="30"><customer>Cy</customer></order></orders>`;
const NO_DECL = `<xsl:output method="xml" omit-xml-declaration="yes" />`;

export const XSLT_CASES: XsltCase[] = [
  { name: "value-of of a path", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><first><xsl:value-of select="orders/order[1]/customer" /></first></xsl:template>` },
  { name: "apply-templates with a template per element", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/orders"><list><xsl:apply-templates select="order" /></list></xsl:template><xsl:template match="order"><o n="{@id}" /></xsl:template>` },
  { name: "for-each", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><names><xsl:for-each select="orders/order"><n><xsl:value-of select="customer" /></n></xsl:for-each></names></xsl:template>` },
  { name: "sort numeric descending", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><ids><xsl:for-each select="orders/order"><xsl:sort select="@total" data-type="number" order="descending" /><i><xsl:value-of select="@id" /></i></xsl:for-each></ids></xsl:template>` },
  { name: "sort text ascending", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><c><xsl:for-each select="orders/order"><xsl:sort select="customer" /><xsl:value-of select="customer" /><xsl:text>;</xsl:text></xsl:for-each></c></xsl:template>` },
  { name: "if", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><big><xsl:for-each select="orders/order"><xsl:if test="@total &gt; 10"><xsl:value-of select="@id" /></xsl:if></xsl:for-each></big></xsl:template>` },
  { name: "choose/when/otherwise", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><s><xsl:for-each select="orders/order"><xsl:choose><xsl:when test="count(item) = 0">none</xsl:when><xsl:when test="count(item) = 1">one</xsl:when><xsl:otherwise>many</xsl:otherwise></xsl:choose><xsl:text> </xsl:text></xsl:for-each></s></xsl:template>` },
  { name: "variables and sum", xml: ORDERS, body: `${NO_DECL}<xsl:variable name="all" select="sum(/orders/order/@total)" /><xsl:template match="/"><t><xsl:variable name="n" select="count(orders/order)" /><xsl:value-of select="$all div $n" /></t></xsl:template>` },
  { name: "a parameter from the policy", xml: ORDERS, params: { who: "gateway" }, body: `${NO_DECL}<xsl:param name="who" select="'nobody'" /><xsl:template match="/"><by><xsl:value-of select="$who" /></by></xsl:template>` },
  { name: "a parameter's default", xml: ORDERS, body: `${NO_DECL}<xsl:param name="who" select="'nobody'" /><xsl:template match="/"><by><xsl:value-of select="$who" /></by></xsl:template>` },
  { name: "xsl:element and xsl:attribute", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><xsl:element name="summary"><xsl:attribute name="count"><xsl:value-of select="count(//order)" /></xsl:attribute></xsl:element></xsl:template>` },
  { name: "identity copy", xml: `<a x="1"><b>t</b><!--c--><?pi d?></a>`, body: `${NO_DECL}<xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()" /></xsl:copy></xsl:template>` },
  { name: "copy-of", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><last><xsl:copy-of select="orders/order[last()]" /></last></xsl:template>` },
  { name: "text output method", xml: ORDERS, body: `<xsl:output method="text" /><xsl:template match="/"><xsl:for-each select="orders/order"><xsl:value-of select="@id" />,<xsl:value-of select="customer" /><xsl:text>&#10;</xsl:text></xsl:for-each></xsl:template>` },
  { name: "xml declaration kept", xml: `<a>1</a>`, body: `<xsl:output method="xml" /><xsl:template match="/"><b><xsl:value-of select="a" /></b></xsl:template>` },
  { name: "indent", xml: ORDERS, body: `<xsl:output method="xml" indent="yes" omit-xml-declaration="yes" /><xsl:template match="/"><r><xsl:for-each select="orders/order"><o><c><xsl:value-of select="customer" /></c></o></xsl:for-each></r></xsl:template>` },
  { name: "namespaced input", xml: `<p:root xmlns:p="urn:p"><p:v>9</p:v></p:root>`, ns: `xmlns:p="urn:p"`, body: `${NO_DECL}<xsl:template match="/"><v><xsl:value-of select="p:root/p:v" /></v></xsl:template>` },
  { name: "namespaced output", xml: `<a>1</a>`, ns: `xmlns:q="urn:q" exclude-result-prefixes="q"`, body: `${NO_DECL}<xsl:template match="/"><q:out xmlns:q="urn:q"><xsl:value-of select="a" /></q:out></xsl:template>` },
  { name: "named template with with-param", xml: ORDERS, body: `${NO_DECL}<xsl:template name="wrap"><xsl:param name="v" /><w><xsl:value-of select="$v" /></w></xsl:template><xsl:template match="/"><xsl:call-template name="wrap"><xsl:with-param name="v" select="count(//item)" /></xsl:call-template></xsl:template>` },
  { name: "string functions", xml: `<a> Hello, World </a>`, body: `${NO_DECL}<xsl:template match="/"><r><xsl:value-of select="concat(translate(normalize-space(a), 'lo', 'LO'), '|', substring-before(a, ','), '|', string-length(a))" /></r></xsl:template>` },
  { name: "position and last", xml: ORDERS, body: `${NO_DECL}<xsl:template match="/"><r><xsl:for-each select="orders/order"><xsl:value-of select="position()" />/<xsl:value-of select="last()" /><xsl:if test="position() != last()">,</xsl:if></xsl:for-each></r></xsl:template>` },
  { name: "built-in templates copy text", xml: `<a><b>x</b><c>y</c></a>`, body: `${NO_DECL}` },
  { name: "escaping of text and attributes", xml: `<a q="&quot;&lt;">&lt;&amp;&gt;</a>`, body: `${NO_DECL}<xsl:template match="/"><r v="{a/@q}"><xsl:value-of select="a" /></r></xsl:template>` },
  { name: "format-number", xml: `<a>1234.5</a>`, body: `${NO_DECL}<xsl:template match="/"><r><xsl:value-of select="format-number(a, '#,##0.00')" /></r></xsl:template>` },
  { name: "key and generate-id free grouping (Muenchian)", xml: `<l><i g="a">1</i><i g="b">2</i><i g="a">3</i></l>`, body: `${NO_DECL}<xsl:key name="byG" match="i" use="@g" /><xsl:template match="/"><r><xsl:for-each select="l/i[count(. | key('byG', @g)[1]) = 1]"><g n="{@g}"><xsl:value-of select="sum(key('byG', @g))" /></g></xsl:for-each></r></xsl:template>` },
];

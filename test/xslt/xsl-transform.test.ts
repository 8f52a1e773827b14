// xsl-transform: the XSLT 1.0 matrix (cases.ts) through compiled policies, compared with the answers
// of .NET's XslCompiledTransform recorded in recorded.json (`npm run test:csharp` re-checks them
// against Mono live). Where xslt-processor answers otherwise, KNOWN_DIFFERENCES holds its exact
// answer (so a change shows) and the README lists it. Then the policy end to end through the gateway
// (request and response bodies, a parameter from an expression, a body that is not XML), and the
// compile diagnostics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPolicy } from "../../gateway/testing.js";
import { compile } from "../../compiler/index.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { XSLT_CASES, sheet } from "./cases.js";

const recorded = JSON.parse(readFileSync(new URL("./recorded.json", import.meta.url), "utf8")) as Record<string, { output?: string; error?: string }>;

/** xslt-processor's answers where they differ from .NET's (README, xsl-transform, lists each). */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "identity copy": `<a x="1"><b>t</b><!--c--></a>`,
  "namespaced input": `<v>9</v>`,
  "built-in templates copy text": ``,
  "format-number": `<r>NaN</r>`,
  "key and generate-id free grouping (Muenchian)": `<r><g n="a">0</g><g n="b">0</g><g n="a">0</g></r>`,
};

const policy = (c: (typeof XSLT_CASES)[number]) =>
  `<policies><inbound /><backend><forward-request /></backend><outbound><xsl-transform>${Object.keys(c.params ?? {})
    .map((k) => `<parameter parameter-name="${k}">${c.params![k]}</parameter>`)
    .join("")}${sheet(c)}</xsl-transform></outbound></policies>`;

describe("xsl-transform: XSLT 1.0 constructs against XslCompiledTransform's recorded answers", () => {
  it("every case is recorded", () => expect(Object.keys(recorded).sort()).toEqual(XSLT_CASES.map((c) => c.name).sort()));
  it.each(XSLT_CASES)("$name", async (c) => {
    const r = await runPolicy(policy(c), { backend: () => ({ body: c.xml, headers: { "content-type": "application/xml" } }) });
    expect(r.status).toBe(200);
    const net = recorded[c.name]!.output;
    if (c.name in KNOWN_DIFFERENCES) {
      expect(r.body).toBe(KNOWN_DIFFERENCES[c.name]);
      expect(r.body).not.toBe(net);
    } else expect(r.body).toBe(net);
  });
  it("most constructs agree", () => expect(XSLT_CASES.length - Object.keys(KNOWN_DIFFERENCES).length).toBeGreaterThanOrEqual(20));
});

describe("xsl-transform through the gateway", () => {
  let backend: TestServer;
  let gateway: Gateway;
  let base: string;
  beforeAll(async () => {
    backend = await startServer((req, res) => {
      res.setHeader("content-type", "application/xml");
      res.end(req.url === "/notxml" ? "{ not xml" : req.method === "POST" ? req.body : `<orders><order id="1"/><order id="2"/></orders>`);
    });
    const dir = mkdtempSync(join(tmpdir(), "apimc-xslt-"));
    // The reference page's two examples: the request gets a User-Agent attribute; the response is copied.
    writeFileSync(
      join(dir, "policy.xml"),
      `<policies>
  <inbound>
    <base />
    <xsl-transform>
        <parameter name="User-Agent">@(context.Request.Headers.GetValueOrDefault("User-Agent","non-specified"))</parameter>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:output method="xml" indent="yes" />
            <xsl:param name="User-Agent" />
            <xsl:template match="* | @* | node()">
                <xsl:copy>
                    <xsl:if test="self::* and not(parent::*)">
                        <xsl:attribute name="User-Agent">
                            <xsl:value-of select="$User-Agent" />
                        </xsl:attribute>
                    </xsl:if>
                    <xsl:apply-templates select="* | @* | node()" />
                </xsl:copy>
            </xsl:template>
        </xsl:stylesheet>
    </xsl-transform>
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <xsl-transform>
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
        <xsl:output omit-xml-declaration="yes" method="xml" />
        <xsl:template match="/"><ids><xsl:for-each select="//order"><xsl:value-of select="@id" /><xsl:text>;</xsl:text></xsl:for-each><xsl:value-of select="name(/*)" /></ids></xsl:template>
      </xsl:stylesheet>
    </xsl-transform>
  </outbound>
  <on-error><set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header></on-error>
</policies>`,
    );
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "x", path: "/x", serviceUrl: backend.url, policy: "policy.xml" }] }));
    gateway = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
  });
  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it("outbound: the response body is transformed", async () => {
    const r = await fetch(`${base}/x/orders`);
    expect(await r.text()).toBe("<ids>1;2;orders</ids>");
  });
  it("inbound: the request body is transformed with the parameter's expression value (the page's example)", async () => {
    await fetch(`${base}/x/echo`, { method: "POST", headers: { "content-type": "application/xml", "user-agent": "probe/1.0" }, body: `<order id="9"><line>a</line></order>` });
    const sent = backend.requests.at(-1)!.body;
    expect(sent).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<order User-Agent="probe\/1\.0" id="9">/);
    expect(sent).toContain("<line>a</line>");
  });
  it("a body that is not XML fails the policy (on-error)", async () => {
    const r = await fetch(`${base}/x/notxml`);
    expect(r.headers.get("x-reason")).toBe("XslTransformFailed");
  });
});

describe("xsl-transform: diagnostics", () => {
  const S = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><a /></xsl:template></xsl:stylesheet>`;
  const codes = (inner: string, section = "outbound") => compile(`<policies><${section}>${inner}</${section}></policies>`, { file: "p.xml" }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  it("valid forms: parameter-name or name, xsl:transform, another prefix", () => {
    expect(codes(`<xsl-transform><parameter parameter-name="p">v</parameter>${S}</xsl-transform>`)).toEqual([]);
    expect(codes(`<xsl-transform><parameter name="p">@(context.RequestId.ToString())</parameter>${S}</xsl-transform>`, "inbound")).toEqual([]);
    expect(codes(`<xsl-transform>${S.replace(/xsl:stylesheet/g, "xsl:transform")}</xsl-transform>`)).toEqual([]);
    expect(codes(`<xsl-transform>${S.replace(/xsl:/g, "x:").replace("xmlns:xsl", "xmlns:x")}</xsl-transform>`)).toEqual([]);
  });
  it("errors: no stylesheet, two, wrong namespace, bad parameters, section", () => {
    expect(codes(`<xsl-transform />`)).toEqual(["APIMC2005"]);
    expect(codes(`<xsl-transform>${S}${S}</xsl-transform>`)).toEqual(["APIMC2016"]);
    expect(codes(`<xsl-transform>${S.replace("http://www.w3.org/1999/XSL/Transform", "urn:other")}</xsl-transform>`)).toEqual(["APIMC2008"]);
    expect(codes(`<xsl-transform><parameter>v</parameter>${S}</xsl-transform>`)).toEqual(["APIMC2004"]);
    expect(codes(`<xsl-transform><parameter name="a" parameter-name="b">v</parameter>${S}</xsl-transform>`)).toEqual(["APIMC2008"]);
    expect(codes(`<xsl-transform><parameter name="@(&quot;a&quot;)">v</parameter>${S}</xsl-transform>`)).toContain("APIMC2007");
    expect(codes(`<xsl-transform><foo />${S}</xsl-transform>`)).toEqual(["APIMC2009"]);
    expect(codes(`<xsl-transform>${S}</xsl-transform>`, "backend")).toEqual(["APIMC2006"]);
  });
});

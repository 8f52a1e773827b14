// json-to-xml, xml-to-json and find-and-replace over request and response bodies.
import { describe, expect, it } from "vitest";
import { jsonToXmlText, xmlToJsonText } from "../../runtime/transform/convert.js";
import { compileErrors, doc, run } from "./helpers.js";

const J2X = { apply: "always", considerAccept: false, parseDate: true, namespaceSeparator: null, namespacePrefix: null, attributeBlockName: null };

describe("json-to-xml", () => {
  it("converts as Newtonsoft does under a <Document> root", () => {
    expect(jsonToXmlText(`{"name":"Ann","age":30,"ok":true,"none":null,"empty":"","tags":["a","b"],"addr":{"city":"Oslo"},"n":1.50}`, J2X)).toBe(
      "<Document><name>Ann</name><age>30</age><ok>true</ok><none /><empty></empty><tags>a</tags><tags>b</tags><addr><city>Oslo</city></addr><n>1.50</n></Document>",
    );
    expect(jsonToXmlText(`[1,{"a":2}]`, J2X)).toBe("<Document><Array>1</Array><Array><a>2</a></Array></Document>");
    expect(jsonToXmlText(`{"a b":1,"1x":2,"x<y":"<&>"}`, J2X)).toBe("<Document><a_x0020_b>1</a_x0020_b><_x0031_x>2</_x0031_x><x_x003C_y>&lt;&amp;&gt;</x_x003C_y></Document>");
  });

  it("parse-date, namespace-separator, namespace-prefix and attribute-block-name", () => {
    expect(jsonToXmlText(`{"d":"2024-01-02T03:04:05.500Z","e":"2024-01-02T03:04"}`, J2X)).toBe("<Document><d>2024-01-02T03:04:05.5Z</d><e>2024-01-02T03:04:00</e></Document>");
    expect(jsonToXmlText(`{"d":"2024-01-02T03:04:05.500Z"}`, { ...J2X, parseDate: false })).toBe("<Document><d>2024-01-02T03:04:05.500Z</d></Document>");
    const o = { ...J2X, namespaceSeparator: ":", namespacePrefix: "xmlns", attributeBlockName: "#attrs" };
    expect(jsonToXmlText(`{"p:item":{"#attrs":{"xmlns:p":"urn:p","id":"7"},"p:name":"x"}}`, o)).toBe('<Document><p:item xmlns:p="urn:p" id="7"><p:name>x</p:name></p:item></Document>');
  });

  it("converts the request in inbound and the response in outbound, setting Content-Type", async () => {
    const r = await run(doc({ inbound: `<json-to-xml apply="always" consider-accept-header="false" />`, backend: "<forward-request />" }), {
      request: { method: "POST", body: `{"a":1}`, headers: { "Content-Type": "application/json" } },
    });
    expect(r.backendRequest?.body).toBe("<Document><a>1</a></Document>");
    expect(r.backendRequest?.headers["content-type"]).toEqual(["application/xml"]);
    const out = await run(doc({ backend: "<forward-request />", outbound: `<json-to-xml apply="content-type-json" />` }), {
      backend: () => ({ status: 200, headers: { "Content-Type": "application/problem+json" }, body: `{"b":[true]}` }),
    });
    expect(out.body).toBe("<Document><b>true</b></Document>");
    expect(out.headers["content-type"]).toEqual(["application/xml"]);
  });

  it("apply=content-type-json and consider-accept-header leave other bodies alone", async () => {
    const x = doc({ backend: "<forward-request />", outbound: `<json-to-xml apply="content-type-json" consider-accept-header="true" />` });
    const text = await run(x, { backend: () => ({ headers: { "Content-Type": "text/plain" }, body: `{"a":1}` }) });
    expect(text.body).toBe(`{"a":1}`);
    const json = () => ({ headers: { "Content-Type": "application/json" }, body: `{"a":1}` });
    expect((await run(x, { backend: json, request: { headers: { Accept: "application/json" } } })).body).toBe(`{"a":1}`);
    expect((await run(x, { backend: json, request: { headers: { Accept: "text/xml, application/json;q=0.5" } } })).body).toBe("<Document><a>1</a></Document>");
    expect((await run(x, { backend: json })).body).toBe("<Document><a>1</a></Document>");
  });

  it("invalid JSON is an error; attributes are literals", async () => {
    const r = await run(doc({ inbound: `<json-to-xml apply="always" consider-accept-header="false" />` }), { request: { method: "POST", body: "{nope" } });
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "json-to-xml", Reason: "BodyConversionFailed" });
    expect(compileErrors(doc({ inbound: `<json-to-xml apply="sometimes" />` }))).toMatch(/APIMC2008/);
    expect(compileErrors(doc({ inbound: `<json-to-xml apply="@("always")" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<json-to-xml />` }))).toMatch(/APIMC2004.*apply/);
    expect(compileErrors(doc({ backend: `<json-to-xml apply="always" />` }))).toMatch(/APIMC2006/);
  });
});

describe("xml-to-json", () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?><s:order xmlns:s="urn:s" id="7"><s:item>a</s:item><s:item>b</s:item><note/><empty></empty><mixed at="1">text</mixed><![CDATA[]]></s:order>`;

  it("direct is Newtonsoft's SerializeXmlNode shape", () => {
    expect(JSON.parse(xmlToJsonText(xml, { kind: "direct", alwaysArrayChildElements: false }))).toEqual({
      "?xml": { "@version": "1.0", "@encoding": "utf-8" },
      "s:order": { "@xmlns:s": "urn:s", "@id": "7", "#cdata-section": "", "s:item": ["a", "b"], note: null, empty: "", mixed: { "@at": "1", "#text": "text" } },
    });
  });

  it("javascript-friendly drops the declaration, namespaces and attribute markers", () => {
    expect(JSON.parse(xmlToJsonText(xml, { kind: "javascript-friendly", alwaysArrayChildElements: false }))).toEqual({
      order: { id: "7", "#cdata-section": "", item: ["a", "b"], note: null, empty: "", mixed: { at: "1", "#text": "text" } },
    });
    expect(JSON.parse(xmlToJsonText("<a><b>1</b></a>", { kind: "javascript-friendly", alwaysArrayChildElements: true }))).toEqual({ a: { b: ["1"] } });
  });

  it("converts the response in outbound when the content type is XML", async () => {
    const x = doc({ backend: "<forward-request />", outbound: `<xml-to-json kind="direct" apply="content-type-xml" consider-accept-header="false" />` });
    const r = await run(x, { backend: () => ({ headers: { "Content-Type": "text/xml; charset=utf-8" }, body: "<a><b>1</b></a>" }) });
    expect(r.body).toBe(`{"a":{"b":"1"}}`);
    expect(r.headers["content-type"]).toEqual(["application/json"]);
    const plain = await run(x, { backend: () => ({ headers: { "Content-Type": "text/plain" }, body: "<a/>" }) });
    expect(plain.body).toBe("<a/>");
  });

  it("malformed XML and DOCTYPE are errors", async () => {
    const x = doc({ inbound: `<xml-to-json kind="direct" apply="always" consider-accept-header="false" />` });
    for (const body of ["<a><b></a>", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`]) {
      const r = await run(x, { request: { method: "POST", body } });
      expect(r.status).toBe(500);
      expect(r.lastError).toMatchObject({ Source: "xml-to-json", Reason: "BodyConversionFailed" });
    }
    expect(compileErrors(doc({ inbound: `<xml-to-json apply="always" />` }))).toMatch(/APIMC2004.*kind/);
    expect(compileErrors(doc({ inbound: `<xml-to-json kind="friendly" apply="always" />` }))).toMatch(/APIMC2008/);
  });
});

describe("find-and-replace", () => {
  it("replaces every occurrence in the request (inbound) and the response (outbound)", async () => {
    const r = await run(
      doc({ inbound: `<find-and-replace from="cat" to="dog" />`, backend: "<forward-request />", outbound: `<find-and-replace from="@("o" + "k")" to="@(context.Request.Method)" />` }),
      { request: { method: "POST", body: "cat, cat, Cat" }, backend: () => ({ body: "ok ok" }) },
    );
    expect(r.backendRequest?.body).toBe("dog, dog, Cat");
    expect(r.body).toBe("POST POST");
  });

  it("leaves a missing or consumed body alone", async () => {
    const r = await run(doc({ inbound: `<set-variable name="b" value="@(context.Request.Body.As<string>())" /><find-and-replace from="a" to="b" />`, backend: "<forward-request />" }), {
      request: { method: "POST", body: "aaa" },
    });
    expect(r.variables.b).toBe("aaa");
    expect(r.backendRequest?.body).toBe("");
    expect((await run(doc({ inbound: `<find-and-replace from="a" to="b" />` }))).status).toBe(200);
  });

  it("requires from and to", () => {
    expect(compileErrors(doc({ inbound: `<find-and-replace from="a" />` }))).toMatch(/APIMC2004.*'to'/);
    expect(compileErrors(doc({ inbound: `<find-and-replace from="" to="b" />` }))).toMatch(/must not be empty/);
  });
});

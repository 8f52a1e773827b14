// validate-content with XML Schemas: validate-as="xml" (a document) and "soap" (the payload in a
// SOAP 1.1 or 1.2 envelope's Body), against a schema registered by id (schema-id, schema-ref
// selecting the root element) or the API's own WSDL; every action, request (400) and response
// (502), the size limit, unspecified content types, and the errors variable's shape, as for JSON.
// Also schema-id with a JSON schema and schema-ref as a JSON pointer.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { compile } from "../../compiler/index.js";
import type { ConfiguredSchema } from "../../compiler/validation/configured-schema.js";
import { ACTIONS, doc, loggedErrors, type Action } from "./helpers.js";

const ORDER_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:shop" xmlns="urn:shop" elementFormDefault="qualified">
  <xs:element name="Order">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Id" type="xs:int"/>
        <xs:element name="Line" maxOccurs="unbounded">
          <xs:complexType><xs:attribute name="sku" type="xs:string" use="required"/><xs:attribute name="qty" type="xs:positiveInteger" use="required"/></xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:element name="Receipt" type="xs:string"/>
</xs:schema>`;

const WSDL = `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:s="urn:shop" targetNamespace="urn:shop">
  <wsdl:types>
    <xs:schema targetNamespace="urn:shop" elementFormDefault="qualified">
      <xs:element name="GetPrice"><xs:complexType><xs:sequence><xs:element name="Sku" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="GetPriceResponse"><xs:complexType><xs:sequence><xs:element name="Price" type="xs:decimal"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>
  </wsdl:types>
</wsdl:definitions>`;

const schemas: Record<string, ConfiguredSchema> = {
  order: { kind: "xsd", file: "order.xsd", sources: [{ file: "order.xsd", text: ORDER_XSD }] },
  pet: { kind: "json", file: "pet.json", document: { definitions: { Pet: { type: "object", required: ["name"], properties: { name: { type: "string" } } } }, type: "object" } },
};
const xmlSchemas: ConfiguredSchema = { kind: "xsd", file: "shop.wsdl", sources: [{ file: "shop.wsdl", text: WSDL }], soapVersion: "1.1" };

const VALID = `<Order xmlns="urn:shop"><Id>7</Id><Line sku="a" qty="1"/></Order>`;
const BODIES: { name: string; body: string; message: RegExp | null }[] = [
  { name: "valid", body: VALID, message: null },
  { name: "valid, declaration and two lines", body: `<?xml version="1.0" encoding="utf-8"?>\n<s:Order xmlns:s="urn:shop">\n  <s:Id>7</s:Id>\n  <s:Line sku="a" qty="1"/><s:Line sku="b" qty="2"/>\n</s:Order>`, message: null },
  { name: "wrong type", body: `<Order xmlns="urn:shop"><Id>x</Id><Line sku="a" qty="1"/></Order>`, message: /The 'urn:shop:Id' element is invalid - The value 'x' is invalid according to its datatype 'http:\/\/www.w3.org\/2001\/XMLSchema:int'.* Line: 1, Position: 26$/ },
  { name: "missing element", body: `<Order xmlns="urn:shop"><Id>7</Id></Order>`, message: /The element 'Order' in namespace 'urn:shop' has incomplete content\. List of possible elements expected: 'Line' in namespace 'urn:shop'\./ },
  { name: "unexpected element", body: `<Order xmlns="urn:shop"><Line sku="a" qty="1"/></Order>`, message: /has invalid child element 'Line' in namespace 'urn:shop'\. List of possible elements expected: 'Id' in namespace 'urn:shop'\./ },
  { name: "missing attribute", body: `<Order xmlns="urn:shop"><Id>7</Id><Line sku="a"/></Order>`, message: /The required attribute 'qty' is missing\./ },
  { name: "facet of a built-in", body: `<Order xmlns="urn:shop"><Id>7</Id><Line sku="a" qty="0"/></Order>`, message: /The 'qty' attribute is invalid/ },
  { name: "undeclared root", body: `<Other xmlns="urn:shop"/>`, message: /The 'urn:shop:Other' element is not declared\./ },
  { name: "no namespace", body: `<Order><Id>7</Id></Order>`, message: /The 'Order' element is not declared\./ },
  { name: "not well-formed", body: `<Order xmlns="urn:shop"><Id>7</Order>`, message: /The 'Id' start tag does not match the end tag of 'Order'\. Line: 1, Position: \d+$/ },
];

const policy = (action: Action, validateAs = "xml", type = "application/xml", extra = "") =>
  `<validate-content unspecified-content-type-action="${action}" max-size="102400" size-exceeded-action="${action}" errors-variable-name="errs"><content type="${type}" validate-as="${validateAs}" schema-id="order" action="${action}"${extra} /></validate-content><set-variable name="after" value="1" />`;

function expectOutcome(r: Awaited<ReturnType<typeof runPolicy>>, action: Action, failing: { rule: string; message: RegExp } | null, request: boolean) {
  const errs = loggedErrors(r.variables.errs);
  if (!failing || action === "ignore") {
    expect(r.status).toBe(200);
    expect(r.variables.after).toBe("1");
    expect(errs).toBeUndefined();
    return;
  }
  expect(errs).toHaveLength(1);
  expect(errs![0]).toMatchObject({ Type: request ? "RequestBody" : "ResponseBody", ValidationRule: failing.rule, Action: action });
  expect(errs![0]!.Details).toMatch(failing.message);
  if (action === "detect") {
    expect(r.status).toBe(200);
    expect(r.variables.after).toBe("1");
    return;
  }
  expect(r.status).toBe(request ? 400 : 502);
  expect(r.lastError).toMatchObject({ Source: "validate-content", Reason: request ? "Bad request" : "Response not allowed", Message: errs![0]!.Details });
}

const soap11 = (payload: string) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><x:Trace xmlns:x="urn:any">t</x:Trace></soap:Header><soap:Body>${payload}</soap:Body></soap:Envelope>`;
const soap12 = (payload: string) => `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>${payload}</env:Body></env:Envelope>`;

describe("validate-content, validate-as=xml with schema-id", () => {
  for (const action of ACTIONS)
    for (const b of BODIES)
      it(`request, ${action}: ${b.name}`, async () => {
        const r = await runPolicy(doc({ inbound: policy(action) }), { schemas, request: { method: "POST", headers: { "content-type": "application/xml; charset=utf-8" }, body: b.body } });
        expectOutcome(r, action, b.message && { rule: "IncorrectMessage", message: new RegExp(`^Body of the request does not conform to the definition order, which is associated with the content type application/xml\\. .*${b.message.source}`) }, true);
      });

  for (const action of ACTIONS)
    for (const b of [BODIES[0]!, BODIES[2]!, BODIES[3]!])
      it(`response, ${action}: ${b.name}`, async () => {
        const r = await runPolicy(doc({ outbound: policy(action) }), { schemas, backend: () => ({ status: 200, headers: { "content-type": "application/xml" }, body: b.body }) });
        expectOutcome(r, action, b.message && { rule: "IncorrectMessage", message: /^Body of the response does not conform to the definition order/ }, false);
      });

  it("size limit before content, and an unspecified content type", async () => {
    const big = await runPolicy(doc({ inbound: policy("prevent").replace('max-size="102400"', 'max-size="10"') }), { schemas, request: { method: "POST", headers: { "content-type": "application/xml" }, body: VALID } });
    expect(loggedErrors(big.variables.errs)![0]).toMatchObject({ ValidationRule: "SizeLimit", Details: `Request's body is ${VALID.length} bytes long and it exceeds the configured limit of 10 bytes.` });
    const other = await runPolicy(doc({ inbound: policy("detect") }), { schemas, request: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" } });
    expect(loggedErrors(other.variables.errs)).toEqual([{ Name: "application/json", Type: "RequestBody", ValidationRule: "Unspecified", Details: "Unspecified content type application/json is not allowed.", Action: "detect" }]);
  });

  it("schema-ref names the element the payload must be", async () => {
    const p = policy("detect", "xml", "application/xml", ` schema-ref="Receipt"`);
    const ok = await runPolicy(doc({ inbound: p }), { schemas, request: { method: "POST", headers: { "content-type": "application/xml" }, body: `<Receipt xmlns="urn:shop">r</Receipt>` } });
    expect(ok.variables.errs).toBeUndefined();
    const other = await runPolicy(doc({ inbound: p }), { schemas, request: { method: "POST", headers: { "content-type": "application/xml" }, body: VALID } });
    expect(loggedErrors(other.variables.errs)![0]!.Details).toMatch(/The 'urn:shop:Order' element is not declared\./);
  });
});

describe("validate-content, validate-as=soap", () => {
  const cases: { name: string; type: string; body: string; message: RegExp | null }[] = [
    { name: "SOAP 1.1", type: "text/xml", body: soap11(VALID), message: null },
    { name: "SOAP 1.2", type: "application/soap+xml", body: soap12(VALID), message: null },
    { name: "SOAP 1.1, invalid payload", type: "text/xml", body: soap11(`<Order xmlns="urn:shop"><Id>x</Id><Line sku="a" qty="1"/></Order>`), message: /The 'urn:shop:Id' element is invalid/ },
    { name: "SOAP 1.2, invalid payload", type: "application/soap+xml", body: soap12(`<Order xmlns="urn:shop"/>`), message: /has incomplete content/ },
    { name: "a 1.2 envelope for text/xml", type: "text/xml", body: soap12(VALID), message: /The root element is not a SOAP 1\.1 envelope/ },
    { name: "no envelope", type: "text/xml", body: VALID, message: /The root element is not a SOAP 1\.1 envelope/ },
    { name: "a fault", type: "text/xml", body: soap11(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring></soap:Fault>`), message: null },
    { name: "text in the body", type: "text/xml", body: soap11(`oops`), message: /The SOAP element 'Body' cannot contain text\./ },
  ];
  for (const action of ACTIONS)
    for (const c of cases)
      it(`${action}: ${c.name}`, async () => {
        const r = await runPolicy(doc({ inbound: policy(action, "soap", c.type) }), { schemas, request: { method: "POST", headers: { "content-type": c.type }, body: c.body } });
        expectOutcome(r, action, c.message && { rule: "IncorrectMessage", message: c.message }, true);
      });

  it("without schema-id: the API's WSDL, requests and responses", async () => {
    const p = `<validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="errs"><content type="text/xml" validate-as="soap" action="prevent" /></validate-content>`;
    const ok = await runPolicy(doc({ inbound: p, outbound: p }), {
      xmlSchemas,
      request: { method: "POST", headers: { "content-type": "text/xml" }, body: soap11(`<GetPrice xmlns="urn:shop"><Sku>a</Sku></GetPrice>`) },
      backend: () => ({ headers: { "content-type": "text/xml" }, body: soap11(`<GetPriceResponse xmlns="urn:shop"><Price>1.5</Price></GetPriceResponse>`) }),
    });
    expect(ok.status).toBe(200);
    const bad = await runPolicy(doc({ inbound: p, outbound: p }), {
      xmlSchemas,
      request: { method: "POST", headers: { "content-type": "text/xml" }, body: soap11(`<GetPrice xmlns="urn:shop"><Sku>a</Sku></GetPrice>`) },
      backend: () => ({ headers: { "content-type": "text/xml" }, body: soap11(`<GetPriceResponse xmlns="urn:shop"><Price>cheap</Price></GetPriceResponse>`) }),
    });
    expect(bad.status).toBe(502);
    expect(loggedErrors(bad.variables.errs)![0]!.Details).toMatch(/^Body of the response does not conform to the definition the API's XML schema, which is associated with the content type text\/xml\. The 'urn:shop:Price' element is invalid/);
  });
});

describe("validate-content, schema-id with a JSON schema", () => {
  const p = (ref: string) => `<validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="errs"><content type="application/json" validate-as="json" schema-id="pet"${ref} action="detect" /></validate-content>`;
  it("the whole document, or the definition schema-ref points at", async () => {
    const whole = await runPolicy(doc({ inbound: p("") }), { schemas, request: { method: "POST", headers: { "content-type": "application/json" }, body: "[]" } });
    expect(loggedErrors(whole.variables.errs)![0]!.Details).toMatch(/^Body of the request does not conform to the definition pet, which is associated with the content type application\/json\. Invalid type\. Expected Object but got Array\./);
    const ref = await runPolicy(doc({ inbound: p(` schema-ref="#/definitions/Pet"`) }), { schemas, request: { method: "POST", headers: { "content-type": "application/json" }, body: "{}" } });
    expect(loggedErrors(ref.variables.errs)![0]!.Details).toMatch(/definition Pet, .*Required properties are missing from object: name\./);
    const good = await runPolicy(doc({ inbound: p(` schema-ref="#/definitions/Pet"`) }), { schemas, request: { method: "POST", headers: { "content-type": "application/json" }, body: `{"name":"Rex"}` } });
    expect(good.variables.errs).toBeUndefined();
  });
});

describe("validate-content schema diagnostics", () => {
  const codes = (inner: string, opts: { schemas?: Record<string, ConfiguredSchema>; apiXmlSchemas?: ConfiguredSchema } = {}) =>
    compile(doc({ inbound: inner }), { file: "p.xml", ...opts }).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.file}:${d.line}`);
  const vc = (content: string) => `<validate-content unspecified-content-type-action="prevent" max-size="100" size-exceeded-action="prevent">${content}</validate-content>`;
  it("names what is missing or wrong: unknown ids, kinds that do not fit, a schema-ref the schema lacks, a schema that does not compile", () => {
    expect(codes(vc(`<content validate-as="xml" schema-id="nope" action="prevent" />`), { schemas })).toEqual(["APIMC2032 p.xml:1"]);
    expect(codes(vc(`<content validate-as="xml" schema-id="pet" action="prevent" />`), { schemas })).toEqual(["APIMC2008 p.xml:1"]);
    expect(codes(vc(`<content validate-as="json" schema-id="order" action="prevent" />`), { schemas })).toEqual(["APIMC2008 p.xml:1"]);
    expect(codes(vc(`<content validate-as="xml" schema-id="order" schema-ref="Nope" action="prevent" />`), { schemas })).toEqual(["APIMC2032 p.xml:1"]);
    expect(codes(vc(`<content validate-as="json" schema-id="pet" schema-ref="#/definitions/Nope" action="prevent" />`), { schemas })).toEqual(["APIMC2032 p.xml:1"]);
    expect(codes(vc(`<content validate-as="soap" action="prevent" />`))).toEqual(["APIMC2030 p.xml:1"]);
    const broken: ConfiguredSchema = { kind: "xsd", file: "broken.xsd", sources: [{ file: "broken.xsd", text: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="a" type="Missing"/>\n</xs:schema>` }] };
    expect(codes(vc(`<content validate-as="xml" schema-id="b" action="prevent" />`), { schemas: { b: broken } })).toEqual(["APIMC2031 p.xml:1", "APIMC5040 broken.xsd:2"]);
  });
});

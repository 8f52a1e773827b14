// XML validation end to end: a gateway.json with a SOAP API described by a WSDL whose types import
// an XSD file (`xmlSchemas`), a plain XML API validated against a schema registered by id
// (`schemas`, including another registered schema as /schemas/<id>), a real SOAP backend on
// 127.0.0.1 and a real HTTP client (fetch): valid and invalid requests and responses, with
// prevent (400 / 502) and detect (the errors variable reported in a response header).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const TYPES_XSD = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:stock" xmlns:t="urn:stock" elementFormDefault="qualified">
  <xs:simpleType name="Symbol"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{1,5}"/></xs:restriction></xs:simpleType>
  <xs:element name="GetQuote"><xs:complexType><xs:sequence><xs:element name="Symbol" type="t:Symbol"/><xs:element name="Currency" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
  <xs:element name="GetQuoteResponse"><xs:complexType><xs:sequence><xs:element name="Price" type="xs:decimal"/><xs:element name="At" type="xs:dateTime"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>
`;

const WSDL = `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:stock" targetNamespace="urn:stock">
  <wsdl:types>
    <xs:schema targetNamespace="urn:stock-wsdl">
      <xs:import namespace="urn:stock" schemaLocation="stock-types.xsd"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="GetQuoteIn"><wsdl:part name="body" element="t:GetQuote"/></wsdl:message>
  <wsdl:message name="GetQuoteOut"><wsdl:part name="body" element="t:GetQuoteResponse"/></wsdl:message>
  <wsdl:portType name="Stock"><wsdl:operation name="GetQuote"><wsdl:input message="t:GetQuoteIn"/><wsdl:output message="t:GetQuoteOut"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="StockSoap" type="t:Stock"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="GetQuote"><soap:operation soapAction="urn:stock/GetQuote"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>
`;

const ADDRESS_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:complexType name="Address"><xs:sequence><xs:element name="City" type="xs:string"/><xs:element name="Zip" type="xs:string"/></xs:sequence></xs:complexType></xs:schema>`;
const CUSTOMER_XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="/schemas/address"/><xs:element name="Customer"><xs:complexType><xs:sequence><xs:element name="Name" type="xs:string"/><xs:element name="Address" type="Address"/></xs:sequence><xs:attribute name="id" type="xs:int" use="required"/></xs:complexType></xs:element></xs:schema>`;

const REPORT = `<set-header name="X-Validation" exists-action="override"><value>@{
      var found = new System.Collections.Generic.List<string>();
      foreach (var n in new [] { "requestErrors", "responseErrors" }) {
        if (context.Variables.ContainsKey(n)) { foreach (var e in (Newtonsoft.Json.Linq.JArray)context.Variables[n]) { found.Add(n + ":" + (string)e["ValidationRule"] + ":" + (string)e["Action"]); } }
      }
      return string.Join(";", found);
    }</value></set-header>`;

const soapPolicy = (action: string) => `<policies>
  <inbound><base />
    <validate-content unspecified-content-type-action="${action}" max-size="102400" size-exceeded-action="${action}" errors-variable-name="requestErrors">
      <content type="text/xml" validate-as="soap" action="${action}" />
    </validate-content>
  </inbound>
  <backend><base /></backend>
  <outbound><base />
    <validate-content unspecified-content-type-action="${action}" max-size="102400" size-exceeded-action="${action}" errors-variable-name="responseErrors">
      <content type="text/xml" validate-as="soap" action="${action}" />
    </validate-content>
    ${REPORT}
  </outbound>
</policies>`;

const customerPolicy = `<policies>
  <inbound><base />
    <validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" errors-variable-name="requestErrors">
      <content-type-map missing-content-type-value="application/xml" />
      <content type="application/xml" validate-as="xml" schema-id="customer" action="prevent" />
    </validate-content>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
</policies>`;

const envelope = (payload: string) => `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n  <soap:Body>\n    ${payload}\n  </soap:Body>\n</soap:Envelope>\n`;
const quote = (symbol: string) => envelope(`<GetQuote xmlns="urn:stock"><Symbol>${symbol}</Symbol></GetQuote>`);
const answer = (price: string) => envelope(`<GetQuoteResponse xmlns="urn:stock"><Price>${price}</Price><At>2026-12-05T01:00:00Z</At></GetQuoteResponse>`);

let dir: string;
let backend: TestServer;
let gateway: Gateway;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "apimc-soap-"));
  // The SOAP backend answers the price the request's X-Price header asks for (as text).
  backend = await startServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += c;
    seen.push(body);
    res.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
    res.end(req.url?.startsWith("/customers") ? "" : answer(String(req.headers["x-price"] ?? "12.5")));
  });
  writeFileSync(join(dir, "stock.wsdl"), WSDL);
  writeFileSync(join(dir, "stock-types.xsd"), TYPES_XSD);
  writeFileSync(join(dir, "address.xsd"), ADDRESS_XSD);
  writeFileSync(join(dir, "customer.xsd"), CUSTOMER_XSD);
  writeFileSync(join(dir, "prevent.xml"), soapPolicy("prevent"));
  writeFileSync(join(dir, "detect.xml"), soapPolicy("detect"));
  writeFileSync(join(dir, "customer.xml"), customerPolicy);
  const config = {
    schemas: { address: "address.xsd", customer: "customer.xsd" },
    apis: [
      { id: "stock", path: "/stock", serviceUrl: backend.url, xmlSchemas: "stock.wsdl", policy: "prevent.xml", subscriptionRequired: false },
      { id: "stock-detect", path: "/stock-detect", serviceUrl: backend.url, xmlSchemas: "stock.wsdl", policy: "detect.xml", subscriptionRequired: false },
      { id: "customers", path: "/customers", serviceUrl: `${backend.url}/customers`, policy: "customer.xml", subscriptionRequired: false },
    ],
  };
  writeFileSync(join(dir, "gateway.json"), JSON.stringify(config, null, 2) + "\n");
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "text/xml; charset=utf-8", SOAPAction: "urn:stock/GetQuote", ...headers }, body });

describe("a SOAP API with a WSDL importing an XSD", () => {
  it("prevent: a valid request and response pass through", async () => {
    const r = await post("/stock", quote("MSFT"));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("<Price>12.5</Price>");
    expect(r.headers.get("x-validation")).toBe("");
  });
  it("prevent: an invalid request is 400 with .NET's message and the line in the envelope; the backend never sees it", async () => {
    const before = seen.length;
    const r = await post("/stock", quote("msft"));
    expect(r.status).toBe(400);
    const body = (await r.json()) as { message: string };
    expect(body.message).toBe(
      "Body of the request does not conform to the definition the API's XML schema, which is associated with the content type text/xml. The 'urn:stock:Symbol' element is invalid - The value 'msft' is invalid according to its datatype 'urn:stock:Symbol' - The Pattern constraint failed. Line: 4, Position: 34",
    );
    expect(seen.length).toBe(before);
  });
  it("prevent: a payload element the schema does not declare, and a SOAP 1.2 envelope on text/xml", async () => {
    const r1 = await post("/stock", envelope(`<GetPrice xmlns="urn:stock"/>`));
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as { message: string }).message).toMatch(/The 'urn:stock:GetPrice' element is not declared\./);
    const r2 = await post("/stock", `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><GetQuote xmlns="urn:stock"><Symbol>A</Symbol></GetQuote></e:Body></e:Envelope>`);
    expect(r2.status).toBe(400);
    expect(((await r2.json()) as { message: string }).message).toMatch(/The root element is not a SOAP 1\.1 envelope/);
  });
  it("prevent: an invalid response is 502", async () => {
    const r = await post("/stock", quote("MSFT"), { "x-price": "cheap" });
    expect(r.status).toBe(502);
    await r.text();
  });
  it("prevent: an unspecified content type is refused", async () => {
    const r = await post("/stock", `{"symbol":"MSFT"}`, { "content-type": "application/json" });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toBe("Unspecified content type application/json is not allowed.");
  });
  it("detect: invalid requests and responses pass and are logged", async () => {
    const r = await post("/stock-detect", quote("lower"), { "x-price": "cheap" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-validation")).toBe("requestErrors:IncorrectMessage:detect;responseErrors:IncorrectMessage:detect");
    await r.text();
  });
});

describe("schema-id from gateway.json schemas", () => {
  const customer = (id: string, zip = "<Zip>1000</Zip>") => `<Customer id="${id}"><Name>Ann</Name><Address><City>Oslo</City>${zip}</Address></Customer>`;
  it("validates against the registered schema (which includes another as /schemas/address)", async () => {
    const ok = await fetch(`${base}/customers`, { method: "POST", headers: { "content-type": "application/xml" }, body: customer("1") });
    expect(ok.status).toBe(200);
    await ok.text();
    const noZip = await fetch(`${base}/customers`, { method: "POST", headers: { "content-type": "application/xml" }, body: customer("1", "") });
    expect(noZip.status).toBe(400);
    expect(((await noZip.json()) as { message: string }).message).toMatch(/^Body of the request does not conform to the definition customer, which is associated with the content type application\/xml\. The element 'Address' has incomplete content\. List of possible elements expected: 'Zip'\./);
    // No Content-Type (a byte body): content-type-map missing-content-type-value makes it application/xml.
    const badId = await fetch(`${base}/customers`, { method: "POST", body: new TextEncoder().encode(customer("x")) });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { message: string }).message).toMatch(/The 'id' attribute is invalid/);
  });
});

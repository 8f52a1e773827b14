// Schemas in an APIOps folder, served end to end (createGateway({ apiops }), a real backend, fetch):
// global schemas (schemas/<id>/schemaInformation.json: an XML one and a JSON one) named by
// validate-content schema-id, a SOAP API (type soap, specification.wsdl) validated with
// validate-as="soap" against its WSDL's schemas, and an API whose XSDs are API schemas
// (apis/<api>/schemas/<id>/apiSchemaInformation.json, as the extractor writes them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { loadApiopsFolder } from "../../gateway/apiops.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { write } from "./folder.js";

const XS = `xmlns:xs="http://www.w3.org/2001/XMLSchema"`;
const json = (file: string, v: unknown) => write(file, JSON.stringify(v, null, 2) + "\n");
const validate = (content: string, action = "prevent") =>
  `<policies><inbound><base /><validate-content unspecified-content-type-action="${action}" max-size="10240" size-exceeded-action="${action}" errors-variable-name="errs">${content}</validate-content></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`;

let root: string;
let backend: TestServer;
let gateway: Gateway;
let base: string;

beforeAll(async () => {
  backend = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
  root = mkdtempSync(join(tmpdir(), "apimc-apiops-schemas-"));
  json(join(root, "schemas/customer/schemaInformation.json"), {
    properties: { schemaType: "xml", description: "A customer", value: `<xs:schema ${XS}><xs:element name="Customer"><xs:complexType><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence><xs:attribute name="id" type="xs:int" use="required"/></xs:complexType></xs:element></xs:schema>` },
  });
  json(join(root, "schemas/pet/schemaInformation.json"), { properties: { schemaType: "json", document: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } });
  // An HTTP API (OpenAPI) whose operation validates XML and JSON bodies against the global schemas.
  json(join(root, "apis/crm/apiInformation.json"), { properties: { displayName: "CRM", path: "crm", serviceUrl: backend.url, subscriptionRequired: false } });
  write(join(root, "apis/crm/specification.yaml"), `openapi: 3.0.1\ninfo: { title: CRM, version: "1" }\npaths:\n  /customers:\n    post:\n      operationId: addCustomer\n      responses: { "200": { description: OK } }\n`);
  write(join(root, "apis/crm/policy.xml"), validate(`<content type="application/xml" validate-as="xml" schema-id="customer" action="prevent" /><content type="application/json" validate-as="json" schema-id="pet" action="prevent" />`));
  // A SOAP pass-through API with its WSDL.
  json(join(root, "apis/stock/apiInformation.json"), { properties: { displayName: "Stock", path: "stock", serviceUrl: backend.url, subscriptionRequired: false, type: "soap", apiType: "soap" } });
  write(
    join(root, "apis/stock/specification.wsdl"),
    `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" ${XS} targetNamespace="urn:stock"><wsdl:types><xs:schema targetNamespace="urn:stock" elementFormDefault="qualified"><xs:element name="GetQuote"><xs:complexType><xs:sequence><xs:element name="Symbol" type="xs:token"/></xs:sequence></xs:complexType></xs:element></xs:schema></wsdl:types><wsdl:binding name="b" type="x"><soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/></wsdl:binding></wsdl:definitions>`,
  );
  write(join(root, "apis/stock/policy.xml"), validate(`<content validate-as="soap" action="prevent" />`).replace("<validate-content ", `<validate-content `).replace("<content ", `<content-type-map any-content-type-value="application/soap+xml" /><content type="application/soap+xml" `));
  // An API whose XSD is an API schema (what APIM stores for an imported WSDL or added schemas).
  json(join(root, "apis/legacy/apiInformation.json"), { properties: { displayName: "Legacy", path: "legacy", serviceUrl: backend.url, subscriptionRequired: false } });
  json(join(root, "apis/legacy/schemas/1a2b/apiSchemaInformation.json"), { properties: { contentType: "application/vnd.ms-azure-apim.xsd+xml", document: { value: `<xs:schema ${XS}><xs:element name="Ping" type="xs:boolean"/></xs:schema>` } } });
  write(join(root, "apis/legacy/policy.xml"), validate(`<content type="application/xml" validate-as="xml" action="prevent" />`));
  gateway = createGateway({ apiops: root });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

const post = async (path: string, type: string, body: string) => {
  const r = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": type }, body });
  const text = await r.text();
  return { status: r.status, message: r.status === 400 ? (JSON.parse(text) as { message: string }).message : text };
};

describe("APIOps schemas", () => {
  it("reads global schemas, API schemas and a SOAP API's WSDL", () => {
    const loaded = loadApiopsFolder(root, { env: {} });
    expect(Object.keys(loaded.schemas ?? {}).sort()).toEqual(["customer", "pet"]);
    expect(loaded.schemas!.customer!.kind).toBe("xsd");
    expect(loaded.schemas!.pet!.kind).toBe("json");
    expect([...(loaded.apiXmlSchemas?.keys() ?? [])].sort()).toEqual(["legacy", "stock"]);
    expect(loaded.apiXmlSchemas!.get("stock")!.soapVersion).toBe("1.2");
    expect(loaded.ignored.join("\n")).not.toMatch(/schemas/);
  });
  it("schema-id names global schemas, XML and JSON", async () => {
    expect(await post("/crm/customers", "application/xml", `<Customer id="1"><Name>Ann</Name></Customer>`)).toEqual({ status: 200, message: "ok" });
    const bad = await post("/crm/customers", "application/xml", `<Customer id="one"><Name>Ann</Name></Customer>`);
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/^Body of the request does not conform to the definition customer, which is associated with the content type application\/xml\. The 'id' attribute is invalid/);
    expect((await post("/crm/customers", "application/json", `{"name":"Rex"}`)).status).toBe(200);
    expect((await post("/crm/customers", "application/json", `{}`)).message).toMatch(/definition pet, .*Required properties are missing from object: name\./);
  });
  it("a SOAP API validates the envelope's payload against its WSDL (SOAP 1.2 from its binding)", async () => {
    const env = (payload: string) => `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${payload}</s:Body></s:Envelope>`;
    expect((await post("/stock", "application/soap+xml", env(`<GetQuote xmlns="urn:stock"><Symbol> MSFT </Symbol></GetQuote>`))).status).toBe(200);
    const bad = await post("/stock", "text/plain", env(`<GetQuote xmlns="urn:stock"/>`));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/The element 'GetQuote' in namespace 'urn:stock' has incomplete content/);
  });
  it("an API's XSD API schemas are its XML schemas", async () => {
    expect((await post("/legacy", "application/xml", `<Ping>true</Ping>`)).status).toBe(200);
    expect((await post("/legacy", "application/xml", `<Ping>yes</Ping>`)).message).toMatch(/The 'Ping' element is invalid/);
  });
});

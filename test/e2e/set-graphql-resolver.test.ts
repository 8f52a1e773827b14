// The retired set-graphql-resolver policy through the real gateway over HTTP: a GraphQL API
// (gateway.json apis[].graphql.schema, no managed resolvers) whose API policy declares resolvers in
// its backend section, a real REST backend on 127.0.0.1, fetch as the client. Cases from the
// reference page: a GET resolver (its example 1), arguments read from the resolver request's body
// {"arguments": ...} (page "Arguments"), the parent via context.ParentResult.AsJObject() (page
// "ParentResult"), a mutation POSTing a body built from the arguments (example 3), http-response
// set-body with Liquid (example 2, with a standard for loop) and xml-to-json/find-and-replace; where
// the declarations sit (before or after forward-request, without one, inside choose, in another scope),
// headers and variables the resolver sees, failures as `errors` entries, a GraphQL API without
// resolvers passing through, managed resolvers winning; diagnostics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { buildGateway } from "../../gateway/build.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { compile } from "../../compiler/index.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const SDL = `
type Query { users: [User] user(id: ID!): User names: [Name] xmlUser: XmlUser broken: User whoami: String gated: String }
type Mutation { makeUser(name: String!): User }
type User { id: String! name: String! posts: [Post] }
type Post { id: String! title: String! }
type Name { name: String! }
type XmlUser { user: User }
`;
const USERS = [{ id: "u1", name: "Ada" }, { id: "u2", name: "Lin" }];
const POSTS: Record<string, { id: string; title: string }[]> = { u1: [{ id: "p1", title: "Engines" }], u2: [{ id: "p2", title: "Bridges" }] };

const resolver = (type: string, field: string, dataSource: string) => `    <set-graphql-resolver parent-type="${type}" field="${field}">\n      <http-data-source>\n${dataSource}\n      </http-data-source>\n    </set-graphql-resolver>`;
const get = (url: string) => `        <http-request>\n          <set-method>GET</set-method>\n          <set-url>${url}</set-url>\n        </http-request>`;

/** The API policy: resolvers declared after forward-request (they are declarations: order does not matter). */
const apiPolicy = (rest: string) => `<policies>
  <inbound>
    <base />
    <set-variable name="tenant" value="@(context.Request.Headers.GetValueOrDefault(&quot;X-Tenant&quot;, &quot;none&quot;))" />
  </inbound>
  <backend>
    <forward-request />
${resolver("Query", "users", get(`${rest}/users`))}
${resolver("Query", "user", get(`@{
            var id = context.Request.Body.As&lt;JObject&gt;(true)["arguments"]["id"];
            return $"${rest}/users/{id}";
          }`))}
${resolver("User", "posts", get(`@{
            var userId = context.ParentResult.AsJObject()["id"].ToString();
            return $"${rest}/users/{userId}/posts";
          }`))}
${resolver(
  "Mutation",
  "makeUser",
  `        <http-request>
          <set-method>POST</set-method>
          <set-url> ${rest}/user/create </set-url>
          <set-header name="Content-Type" exists-action="override">
            <value>application/json</value>
          </set-header>
          <set-body>@{
            var args = context.Request.Body.As&lt;JObject&gt;(true)["arguments"];
            JObject jsonObject = new JObject();
            jsonObject.Add("name", args["name"]);
            return jsonObject.ToString();
          }</set-body>
        </http-request>`,
)}
${resolver(
  "Query",
  "names",
  `${get(`${rest}/users`)}
        <http-response>
          <set-body template="liquid">[{% for elem in body %}{% if forloop.first == false %},{% endif %}{"name": "{{elem.name}}"}{% endfor %}]</set-body>
        </http-response>`,
)}
${resolver(
  "Query",
  "xmlUser",
  `${get(`${rest}/xml/user`)}
        <http-response>
          <xml-to-json kind="direct" apply="always" consider-accept-header="false" />
          <find-and-replace from="Ada" to="Ada Lovelace" />
        </http-response>`,
)}
${resolver("Query", "broken", get(`${rest}/fail`))}
${resolver(
  "Query",
  "whoami",
  `        <http-request>
          <set-method>GET</set-method>
          <set-url>@("${rest}/echo?auth=" + context.Request.Headers.GetValueOrDefault("Authorization", "") + "&amp;tenant=" + (string)context.Variables["tenant"] + "&amp;method=" + context.Request.Method)</set-url>
        </http-request>`,
)}
    <choose>
      <when condition="@(context.Request.Headers.ContainsKey(&quot;X-Gate&quot;))">
${resolver("Query", "gated", get(`${rest}/gate`))}
      </when>
    </choose>
  </backend>
  <outbound>
    <base />
    <set-header name="X-Outbound" exists-action="override"><value>ran</value></set-header>
  </outbound>
</policies>
`;

/** A GraphQL API whose backend section is only declarations (no forward-request): the query is executed at its end. */
const declarationsOnly = (rest: string) => `<policies>\n  <inbound><base /></inbound>\n  <backend>\n${resolver("Query", "users", get(`${rest}/users`))}\n  </backend>\n  <outbound><base /></outbound>\n</policies>\n`;

let backend: TestServer;
let graphqlServer: TestServer;
let gateway: Gateway;
let base: string;
let dir: string;

beforeAll(async () => {
  backend = await startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    res.setHeader("content-type", "application/json");
    const m = /^\/users\/([^/]+)(\/posts)?$/.exec(path);
    if (path === "/users") res.end(JSON.stringify(USERS));
    else if (m && m[2]) res.end(JSON.stringify(POSTS[m[1]!] ?? []));
    else if (m) res.end(JSON.stringify(USERS.find((u) => u.id === m[1]) ?? null));
    else if (path === "/user/create" && req.method === "POST") res.end(JSON.stringify({ id: "u9", ...JSON.parse(req.body) }));
    else if (path === "/xml/user") {
      res.setHeader("content-type", "application/xml");
      res.end("<user><id>u1</id><name>Ada</name></user>");
    } else if (path === "/echo") res.end(JSON.stringify([url.searchParams.get("auth"), url.searchParams.get("tenant"), url.searchParams.get("method")].join("|")));
    else if (path === "/gate") res.end(JSON.stringify("open"));
    else {
      res.statusCode = 500;
      res.end("{}");
    }
  });
  // The service URL of a GraphQL API without resolvers: requests pass through to it.
  graphqlServer = await startServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ data: { passedThrough: JSON.parse(req.body).query } }));
  });
  dir = mkdtempSync(join(tmpdir(), "apimc-sgr-"));
  const rest = backend.url.replace(/\/$/, "");
  writeFileSync(join(dir, "schema.graphql"), SDL);
  writeFileSync(join(dir, "api.xml"), apiPolicy(rest));
  writeFileSync(join(dir, "only.xml"), declarationsOnly(rest));
  writeFileSync(join(dir, "global.xml"), `<policies>\n  <inbound />\n  <backend>\n${resolver("Query", "users", get(`${rest}/users`))}\n    <forward-request />\n  </backend>\n  <outbound />\n</policies>\n`);
  writeFileSync(join(dir, "managed.xml"), `<http-data-source>\n${get(`${rest}/users/u2`)}\n</http-data-source>\n`);
  const graphql = { schema: "schema.graphql" };
  const config = {
    apis: [
      { id: "gql", name: "Gql", path: "/gql", serviceUrl: "http://unused.invalid", policy: "api.xml", graphql },
      { id: "only", path: "/only", serviceUrl: "http://unused.invalid", policy: "only.xml", graphql },
      { id: "plain", path: "/plain", serviceUrl: graphqlServer.url, graphql },
      // Managed resolvers configured: set-graphql-resolver (here from the API policy) is skipped.
      { id: "managed", path: "/managed", serviceUrl: "http://unused.invalid", policy: "only.xml", graphql: { ...graphql, resolvers: [{ type: "Query", field: "user", policy: "managed.xml" }] } },
    ],
    products: [{ id: "scoped", apis: ["gql"], policy: "global.xml", subscriptionRequired: false }],
  };
  writeFileSync(join(dir, "gateway.json"), JSON.stringify(config, null, 2));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
}, 60_000);
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
  await graphqlServer?.close();
});

async function post(path: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const r = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: r.status, json: await r.json(), headers: r.headers };
}

describe("set-graphql-resolver in a GraphQL API's policy", () => {
  it("resolves a root list by GET (page example 1); outbound runs on the answer", async () => {
    const r = await post("/gql", "{ users { id name } }");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { users: USERS } });
    expect(r.headers.get("x-outbound")).toBe("ran");
  });

  it("gives the resolver its arguments as the request body {arguments} (literal and variable)", async () => {
    const before = backend.requests.length;
    expect((await post("/gql", '{ user(id: "u2") { name } }')).json).toEqual({ data: { user: { name: "Lin" } } });
    expect((await post("/gql", "query($id: ID!) { user(id: $id) { name } }", { id: "u1" })).json).toEqual({ data: { user: { name: "Ada" } } });
    expect(backend.requests.slice(before).map((q) => `${q.method} ${q.url}`)).toEqual(["GET /users/u2", "GET /users/u1"]);
  });

  it("gives each nested resolver its parent as context.ParentResult.AsJObject()", async () => {
    const r = await post("/gql", "{ users { id posts { title } } }");
    expect(r.json).toEqual({ data: { users: [{ id: "u1", posts: [{ title: "Engines" }] }, { id: "u2", posts: [{ title: "Bridges" }] }] } });
  });

  it("POSTs a body built from the arguments (page example 3)", async () => {
    const before = backend.requests.length;
    const r = await post("/gql", 'mutation { makeUser(name: "Zoe") { id name } }');
    expect(r.json).toEqual({ data: { makeUser: { id: "u9", name: "Zoe" } } });
    const [q] = backend.requests.slice(before);
    expect([q!.method, q!.url, q!.headers["content-type"]]).toEqual(["POST", "/user/create", "application/json"]);
    expect(JSON.parse(q!.body)).toEqual({ name: "Zoe" });
  });

  it("rewrites the answer with http-response: Liquid set-body (page example 2), xml-to-json then find-and-replace", async () => {
    expect((await post("/gql", "{ names { name } }")).json).toEqual({ data: { names: [{ name: "Ada" }, { name: "Lin" }] } });
    // xml-to-json keeps the root element: {"user": {...}}.
    expect((await post("/gql", "{ xmlUser { user { id name } } }")).json).toEqual({ data: { xmlUser: { user: { id: "u1", name: "Ada Lovelace" } } } });
  });

  it("the resolver's request carries the client's headers, the request's variables, and is a POST", async () => {
    const r = await post("/gql", "{ whoami }", undefined, { Authorization: "Bearer t0k", "X-Tenant": "acme" });
    expect(r.json).toEqual({ data: { whoami: "Bearer t0k|acme|POST" } });
  });

  it("a resolver declared inside choose exists only when its condition holds", async () => {
    expect((await post("/gql", "{ gated }", undefined, { "X-Gate": "1" })).json).toEqual({ data: { gated: "open" } });
    expect((await post("/gql", "{ gated }")).json).toEqual({ data: { gated: null } });
  });

  it("a data source's error status is an errors entry with its path; the other fields are kept", async () => {
    const r = await post("/gql", "{ broken { id } users { id } }");
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ broken: null, users: [{ id: "u1" }, { id: "u2" }] });
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0].path).toEqual(["broken"]);
    expect(r.json.errors[0].message).toMatch(/answered 500/);
  });

  it("executes the query at the end of a backend section without forward-request", async () => {
    expect((await post("/only", "{ users { name } }")).json).toEqual({ data: { users: [{ name: "Ada" }, { name: "Lin" }] } });
  });

  it("takes declarations from another scope (a product policy) too", async () => {
    // The product policy declares Query.users before its forward-request; the API's declarations are there as well.
    const r = await post("/gql", "{ users { id } user(id: \"u1\") { id } }");
    expect(r.json).toEqual({ data: { users: [{ id: "u1" }, { id: "u2" }], user: { id: "u1" } } });
  });

  it("a GraphQL API whose policy declares no resolver passes requests through to its service URL", async () => {
    const r = await post("/plain", "{ anything }");
    expect(r.json).toEqual({ data: { passedThrough: "{ anything }" } });
  });

  it("with managed resolvers configured, set-graphql-resolver is skipped (as APIM does)", async () => {
    const r = await post("/managed", "{ user(id: \"x\") { name } users { name } }");
    // Query.user by the managed resolver; Query.users (only in set-graphql-resolver) falls to the default resolver: null.
    expect(r.json).toEqual({ data: { user: { name: "Lin" }, users: null } });
  });
});

describe("set-graphql-resolver diagnostics", () => {
  const diags = (xml: string) => compile(xml, { file: "p.xml", checkOnly: true }).diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}:${d.column}`);
  const inBackend = (inner: string) => `<policies>\n  <inbound />\n  <backend>\n    ${inner}\n  </backend>\n  <outbound />\n</policies>`;
  const ds = `<http-data-source><http-request><set-method>GET</set-method><set-url>http://x/</set-url></http-request></http-data-source>`;

  it("compiles with a warning that it is retired and how to migrate", () => {
    const r = compile(inBackend(`<set-graphql-resolver parent-type="Query" field="users">${ds}</set-graphql-resolver>`), { file: "p.xml" });
    expect(r.code).not.toBeNull();
    expect(r.diagnostics.map((d) => `${d.severity}:${d.code}@${d.line}:${d.column}`)).toEqual(["warning:APIMC2022@4:5"]);
    expect(r.diagnostics[0]!.message).toMatch(/retired.*graphql\.resolvers.*context\.GraphQL\.Arguments/);
  });

  it("compiles the page's example as a snippet (root set-graphql-resolver goes to the backend section)", () => {
    const r = compile(`<set-graphql-resolver parent-type="Query" field="users">${ds}</set-graphql-resolver>`, { file: "p.xml", allowSnippets: true, checkOnly: true });
    expect(r.code).not.toBeNull();
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(["APIMC1004", "APIMC2022"]);
    expect(r.diagnostics.find((d) => d.code === "APIMC1004")!.message).toMatch(/backend section/);
  });

  it.each([
    ["parent-type missing", inBackend(`<set-graphql-resolver field="users">${ds}</set-graphql-resolver>`), "error:APIMC2004@4:5"],
    ["field missing", inBackend(`<set-graphql-resolver parent-type="Query">${ds}</set-graphql-resolver>`), "error:APIMC2004@4:5"],
    ["an expression as parent-type", inBackend(`<set-graphql-resolver parent-type="@(&quot;Query&quot;)" field="users">${ds}</set-graphql-resolver>`), "error:APIMC2007@4:40"],
    ["no http-data-source", inBackend(`<set-graphql-resolver parent-type="Query" field="users" />`), "error:APIMC2005@4:5"],
    ["two http-data-source", inBackend(`<set-graphql-resolver parent-type="Query" field="users">${ds}${ds}</set-graphql-resolver>`), "error:APIMC2016@4:183"],
    ["another child", inBackend(`<set-graphql-resolver parent-type="Query" field="users"><set-url>x</set-url></set-graphql-resolver>`), "error:APIMC2009@4:61"],
    ["in inbound", `<policies>\n  <inbound>\n    <set-graphql-resolver parent-type="Query" field="users">${ds}</set-graphql-resolver>\n  </inbound>\n</policies>`, "error:APIMC2006@3:5"],
    ["an http-response child apimc lacks", inBackend(`<set-graphql-resolver parent-type="Query" field="users"><http-data-source><http-request><set-method>GET</set-method><set-url>http://x/</set-url></http-request><http-response><set-status code="200" /></http-response></http-data-source></set-graphql-resolver>`), "error:APIMC2015@4:179"],
    ["context.ParentResult misused", inBackend(`<set-graphql-resolver parent-type="Query" field="users"><http-data-source><http-request><set-method>GET</set-method><set-url>@(context.ParentResult.Nope())</set-url></http-request></http-data-source></set-graphql-resolver>`), "error:APIMC3004"],
  ])("%s", (_n, xml, expected) => {
    const got = diags(xml).filter((d) => d.startsWith("error:"));
    expect(got.some((d) => d.startsWith(expected))).toBe(true);
  });

  it("a gateway build checks it against the API's schema: none is an error, an unknown type or field a warning", () => {
    const d = mkdtempSync(join(tmpdir(), "apimc-sgr-build-"));
    writeFileSync(join(d, "schema.graphql"), "type Query { users: [String] }\n");
    const doc = (type: string, field: string) => inBackend(`<set-graphql-resolver parent-type="${type}" field="${field}">${ds}</set-graphql-resolver>\n    <forward-request />`);
    writeFileSync(join(d, "ok.xml"), doc("Query", "users"));
    writeFileSync(join(d, "type.xml"), doc("Nope", "users"));
    writeFileSync(join(d, "field.xml"), doc("Query", "nope"));
    const api = (id: string, policy: string, graphql = true) => ({ id, path: `/${id}`, serviceUrl: "http://127.0.0.1:1", policy, ...(graphql ? { graphql: { schema: "schema.graphql" } } : {}) });
    writeFileSync(join(d, "gateway.json"), JSON.stringify({ apis: [api("ok", "ok.xml"), api("type", "type.xml"), api("field", "field.xml"), api("rest", "ok.xml", false)] }));
    const b = buildGateway(loadGatewayConfig(join(d, "gateway.json")), "function", "apimc/runtime", true);
    const got = b.diagnostics.filter((x) => x.code !== "APIMC2022").map((x) => `${x.severity}:${x.code}:${x.file.slice(d.length + 1)}:${x.line}:${x.column}`);
    expect(got.sort()).toEqual(["error:APIMC2030:ok.xml:4:5", "warning:APIMC2031:field.xml:4:5", "warning:APIMC2031:type.xml:4:5"]);
    expect(b.diagnostics.find((x) => x.code === "APIMC2030")!.message).toMatch(/apis\[\]\.graphql\.schema/);
  });
});

// Synthetic GraphQL APIs through the real gateway over HTTP: gateway.json apis[].graphql with a
// schema file and `resolvers` (http-data-source documents written as files), a real REST backend
// on 127.0.0.1, and fetch as the client. Cases: GET and POST resolvers, arguments in the URL and
// the body (context.GraphQL.Arguments), nested fields from the parent (context.GraphQL.Parent),
// http-response set-body, default resolvers on the parent value, variables (POST and GET), data
// source errors and connection failures as GraphQL `errors` entries, bad requests; diagnostics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";
import { ConfigError, validateConfig } from "../../gateway/config.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";

const SDL = `
type Query { users: [User!]! user(id: ID!): User order: Order broken: User unreachable: User }
type Mutation { createUser(name: String!): User }
type User { id: ID! name: String! posts: [Post!]! }
type Post { id: ID! title: String! }
type Order { customerId: Int! accountType: String! }
`;
const USERS = [{ id: "u1", name: "Ada" }, { id: "u2", name: "Lin" }];
const POSTS: Record<string, { id: string; title: string }[]> = { u1: [{ id: "p1", title: "Engines" }], u2: [{ id: "p2", title: "Bridges" }, { id: "p3", title: "Dams" }] };

let backend: TestServer;
let gateway: Gateway;
let base: string;

const resolverFiles = (rest: string, dead: string): Record<string, string> => ({
  "users.xml": `<http-data-source>\n  <http-request>\n    <set-method>GET</set-method>\n    <set-url>${rest}/users</set-url>\n  </http-request>\n</http-data-source>\n`,
  "user.xml": `<http-data-source>
  <http-request>
    <set-method>GET</set-method>
    <set-url>@("${rest}/users/" + context.GraphQL.Arguments["id"])</set-url>
    <set-header name="X-Api" exists-action="override"><value>@(context.Api.Name)</value></set-header>
  </http-request>
</http-data-source>
`,
  "posts.xml": `<http-data-source>
  <http-request>
    <set-method>GET</set-method>
    <set-url>@("${rest}/users/" + (string)context.GraphQL.Parent["id"] + "/posts")</set-url>
  </http-request>
</http-data-source>
`,
  "create-user.xml": `<http-data-source>
  <http-request>
    <set-method>POST</set-method>
    <set-url>${rest}/user/create </set-url>
    <set-header name="Content-Type" exists-action="override">
      <value>application/json</value>
    </set-header>
    <set-body>@{
      var args = context.GraphQL.Arguments;
      JObject jsonObject = new JObject();
      jsonObject.Add("name", args["name"]);
      return jsonObject.ToString();
    }</set-body>
  </http-request>
</http-data-source>
`,
  "order.xml": `<http-data-source>
  <http-request>
    <set-method>GET</set-method>
    <set-url>${rest}/orders/</set-url>
  </http-request>
  <http-response>
    <set-body>{"customerId": 12345, "accountType": "Registered", "__typename": "RegisteredCustomer" }
    </set-body>
  </http-response>
</http-data-source>
`,
  "broken.xml": `<http-data-source><http-request><set-method>GET</set-method><set-url>${rest}/fail</set-url></http-request></http-data-source>`,
  "unreachable.xml": `<http-data-source><http-request><set-method>GET</set-method><set-url>${dead}/users/u1</set-url></http-request></http-data-source>`,
});

beforeAll(async () => {
  backend = await startServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    res.setHeader("content-type", "application/json");
    const m = /^\/users\/([^/]+)(\/posts)?$/.exec(path);
    if (path === "/users") res.end(JSON.stringify(USERS));
    else if (m && m[2]) res.end(JSON.stringify(POSTS[m[1]!] ?? []));
    else if (m) res.end(JSON.stringify(USERS.find((u) => u.id === m[1]) ?? null));
    else if (path === "/user/create" && req.method === "POST") res.end(JSON.stringify({ id: "u9", ...JSON.parse(req.body) }));
    else if (path === "/orders/") res.end(JSON.stringify({ customerId: 1, accountType: "Guest" }));
    else {
      res.statusCode = 500;
      res.end("{}");
    }
  });
  const dir = mkdtempSync(join(tmpdir(), "apimc-resolvers-"));
  writeFileSync(join(dir, "schema.graphql"), SDL);
  for (const [name, text] of Object.entries(resolverFiles(backend.url.replace(/\/$/, ""), `http://127.0.0.1:${await closedPort()}`))) writeFileSync(join(dir, name), text);
  const resolvers = [
    { type: "Query", field: "users", policy: "users.xml" },
    { type: "Query", field: "user", policy: "user.xml" },
    { type: "User", field: "posts", policy: "posts.xml" },
    { type: "Mutation", field: "createUser", policy: "create-user.xml" },
    { type: "Query", field: "order", policy: "order.xml" },
    { type: "Query", field: "broken", policy: "broken.xml" },
    { type: "Query", field: "unreachable", policy: "unreachable.xml" },
  ];
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "people", name: "People", path: "/gql", serviceUrl: "http://unused.invalid", graphql: { schema: "schema.graphql", resolvers } }] }, null, 2));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

async function post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const r = await fetch(`${base}/gql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return { status: r.status, json: await r.json() };
}

describe("synthetic GraphQL API with http-data-source resolvers", () => {
  it("resolves a root list by GET; fields without resolvers read the parent value", async () => {
    const r = await post("{ users { id name } }");
    expect(r).toEqual({ status: 200, json: { data: { users: USERS } } });
  });

  it("puts arguments in the URL (context.GraphQL.Arguments) and sends set-header values", async () => {
    const before = backend.requests.length;
    const r = await post("query($id: ID!) { user(id: $id) { name } }", { id: "u2" });
    expect(r.json).toEqual({ data: { user: { name: "Lin" } } });
    const seen = backend.requests.slice(before);
    expect(seen.map((q) => `${q.method} ${q.url}`)).toEqual(["GET /users/u2"]);
    expect(seen[0]!.headers["x-api"]).toBe("People");
  });

  it("resolves nested fields per parent value (context.GraphQL.Parent)", async () => {
    const r = await post("{ users { id posts { title } } }");
    expect(r.json).toEqual({ data: { users: [{ id: "u1", posts: [{ title: "Engines" }] }, { id: "u2", posts: [{ title: "Bridges" }, { title: "Dams" }] }] } });
  });

  it("POSTs a body built from the arguments (mutation)", async () => {
    const before = backend.requests.length;
    const r = await post('mutation { createUser(name: "Zoe") { id name } }');
    expect(r.json).toEqual({ data: { createUser: { id: "u9", name: "Zoe" } } });
    const [q] = backend.requests.slice(before);
    expect(q!.method).toBe("POST");
    expect(q!.url).toBe("/user/create");
    expect(q!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(q!.body)).toEqual({ name: "Zoe" });
  });

  it("takes http-response set-body as the field's value", async () => {
    const r = await post("{ order { customerId accountType } }");
    expect(r.json).toEqual({ data: { order: { customerId: 12345, accountType: "Registered" } } });
  });

  it("accepts GET ?query=&variables=", async () => {
    const q = new URLSearchParams({ query: "query($id: ID!) { user(id: $id) { id } }", variables: JSON.stringify({ id: "u1" }) });
    const r = await fetch(`${base}/gql?${q}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ data: { user: { id: "u1" } } });
  });

  it("reports a data source's error status and a connection failure as errors entries, keeping the other fields", async () => {
    const r = await post("{ broken { id } unreachable { id } users { id } }");
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ broken: null, unreachable: null, users: [{ id: "u1" }, { id: "u2" }] });
    const byPath = Object.fromEntries(r.json.errors.map((e: any) => [e.path.join("."), e.message]));
    expect(byPath.broken).toMatch(/answered 500/);
    expect(byPath.unreachable).toMatch(/resolver failed/);
  });

  it("answers query errors and bad requests with errors", async () => {
    const bad = await post("{ nope }");
    expect(bad.status).toBe(200);
    expect(bad.json.errors[0].message).toMatch(/Cannot query field "nope"/);
    const notJson = await fetch(`${base}/gql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].message).toMatch(/not JSON/);
  });
});

describe("http-data-source diagnostics", () => {
  const codes = (xml: string) => compile(xml, { file: "r.xml", checkOnly: true }).diagnostics.map((d) => `${d.severity}:${d.code}`);
  it("compiles the reference page's documents (corpus) without diagnostics", () => {
    for (const n of ["01", "04"]) expect(codes(readFileSync(new URL(`../corpus/data/docs/http-data-source/${n}.xml`, import.meta.url), "utf8"))).toEqual([]);
  });
  it("type-checks context.GraphQL.Arguments and Parent as JObject", () => {
    expect(codes(`<http-data-source><http-request><set-method>GET</set-method><set-url>@("http://x/" + context.GraphQL.Arguments["id"] + context.GraphQL.Parent.Count)</set-url></http-request></http-data-source>`)).toEqual([]);
    expect(codes(`<http-data-source><http-request><set-method>GET</set-method><set-url>@(context.GraphQL.Nope)</set-url></http-request></http-data-source>`).some((c) => c.startsWith("error:"))).toBe(true);
  });
  it.each([
    ["no http-request", `<http-data-source />`, "error:APIMC2005"],
    ["unknown child", `<http-data-source><http-request><set-url>http://x/</set-url></http-request><cache /></http-data-source>`, "error:APIMC2009"],
    ["http-response child not implemented", `<http-data-source><http-request><set-url>http://x/</set-url><set-method>GET</set-method></http-request><http-response><set-status code="200" /></http-response></http-data-source>`, "error:APIMC2015"],
    ["relative URL", `<http-data-source><http-request><set-url>/x</set-url><set-method>GET</set-method></http-request></http-data-source>`, "error:APIMC2008"],
  ])("%s", (_n, xml, code) => {
    expect(codes(xml)).toContain(code);
  });
});

describe("graphql.resolvers configuration", () => {
  const api = (resolvers: unknown) => ({ apis: [{ id: "g", path: "/g", serviceUrl: "http://127.0.0.1:1", graphql: { schema: "s.graphql", resolvers } }] });
  const message = (c: unknown) => {
    try {
      validateConfig(c, "gateway.json");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    return "accepted";
  };
  it("names what is wrong, by JSON path", () => {
    expect(message(api([{ type: "Query", field: "a", policy: "a.xml" }]))).toBe("accepted");
    expect(message(api([{ type: "Query", field: "a" }]))).toContain("apis[0].graphql.resolvers[0].policy");
    expect(message(api([{ type: "Query", field: "a", policy: "a.xml", parent: "x" }]))).toContain("parent: unknown property");
    expect(message(api([{ type: "Query", field: "a", policy: "a.xml" }, { type: "Query", field: "a", policy: "b.xml" }]))).toContain("a second resolver for Query.a");
    expect(message(api({}))).toContain("apis[0].graphql.resolvers");
  });
  it("reports a resolver document's error with its file and line at start-up", () => {
    const dir = mkdtempSync(join(tmpdir(), "apimc-resolvers-bad-"));
    writeFileSync(join(dir, "s.graphql"), "type Query { a: String }");
    writeFileSync(join(dir, "a.xml"), "<http-data-source>\n  <http-request>\n    <set-method>GET</set-method>\n  </http-request>\n</http-data-source>\n");
    writeFileSync(join(dir, "gateway.json"), JSON.stringify(api([{ type: "Query", field: "a", policy: "a.xml" }])));
    let text = "";
    try {
      createGateway({ config: join(dir, "gateway.json") });
    } catch (e) {
      text = String((e as Error).message);
    }
    expect(text).toMatch(/a\.xml:2:\d+.*APIMC2005|APIMC2005[\s\S]*a\.xml/);
  });
  it("refuses a resolver for a field the schema does not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "apimc-resolvers-field-"));
    writeFileSync(join(dir, "s.graphql"), "type Query { a: String }");
    writeFileSync(join(dir, "a.xml"), "<http-data-source><http-request><set-method>GET</set-method><set-url>http://127.0.0.1:1/</set-url></http-request></http-data-source>");
    for (const [type, field] of [["Query", "b"], ["Nope", "a"]]) {
      writeFileSync(join(dir, "gateway.json"), JSON.stringify(api([{ type, field, policy: "a.xml" }])));
      expect(() => createGateway({ config: join(dir, "gateway.json") })).toThrow(new RegExp(`APIMC2031[\\s\\S]*${type}\\.${field}|${type}\\.${field}[\\s\\S]*APIMC2031`));
    }
  });
});

// validate-graphql-request through the real gateway over HTTP: a GraphQL API in gateway.json with
// `graphql.schema` (an SDL file), a real GraphQL backend on 127.0.0.1 (graphql-js executing the same
// schema, so what reaches it is checked by running it), and fetch as the client. Cases: valid
// queries by POST JSON, POST application/graphql and GET; parse and schema errors; max-size;
// max-depth (fragments and inline fragments expanded, default 6); rules allow/remove/reject/ignore,
// by expression, the introspection system `/__*`; the GraphQLErrors and error variables; diagnostics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql, buildSchema, parse } from "graphql";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { operationDepth, pathMatcher, authorizationPath } from "../../runtime/graphql/request.js";

const SDL = `
type Query { missions(limit: Int): [Mission!]! mission(id: ID!): Mission users: [User!]! }
type Mission { id: ID! name: String! crew: [User!]! site: Site }
type Site { name: String! region: Region }
type Region { name: String! planet: Planet }
type Planet { name: String! star: Star }
type Star { name: String! }
type User { id: ID! name: String! email: String }
type Mutation { deleteUser(id: ID!): Boolean! }
`;
const schema = buildSchema(SDL);
const star = { name: "Sun" };
const site = { name: "Canaveral", region: { name: "Florida", planet: { name: "Earth", star } } };
const users = [{ id: "u1", name: "Ada", email: "ada@example.com" }];
const root = {
  missions: () => [{ id: "m1", name: "Apollo", crew: users, site }],
  mission: ({ id }: { id: string }) => ({ id, name: "Apollo", crew: users, site }),
  users: () => users,
  deleteUser: () => true,
};

const POLICY = `<policies>
  <inbound>
    <base />
    <validate-graphql-request error-variable-name="gqlErrors" max-size="2048" max-depth="4">
      <authorize>
        <rule path="/__*" action="@(context.Request.Headers.GetValueOrDefault(&quot;X-Introspect&quot;, &quot;&quot;) == &quot;yes&quot; ? &quot;allow&quot; : &quot;reject&quot;)" />
        <rule path="/User/email" action="@(context.Request.Headers.ContainsKey(&quot;X-Admin&quot;) ? &quot;allow&quot; : &quot;remove&quot;)" />
        <rule path="/Mutation/deleteUser" action="reject" />
        <rule path="/Mission/*" action="ignore" />
        <rule path="/Mission/crew" action="@(context.Request.Headers.GetValueOrDefault(&quot;X-Crew&quot;, &quot;allow&quot;))" />
      </authorize>
    </validate-graphql-request>
  </inbound>
  <backend><base /></backend>
  <outbound>
    <base />
    <set-header name="X-Errors" exists-action="override"><value>@(context.Variables.ContainsKey("gqlErrors") ? ((Newtonsoft.Json.Linq.JArray)context.Variables["gqlErrors"]).Count.ToString() + ":" + ((Newtonsoft.Json.Linq.JArray)context.Variables["GraphQLErrors"]).Count.ToString() : "0")</value></set-header>
  </outbound>
</policies>`;

let backend: TestServer;
let gateway: Gateway;
let base: string;
let dir: string;

beforeAll(async () => {
  backend = await startServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const body = req.method === "GET" ? { query: url.searchParams.get("query"), variables: null } : req.headers["content-type"]?.startsWith("application/graphql") ? { query: req.body } : JSON.parse(req.body || "{}");
    const result = await graphql({ schema, source: body.query ?? "", rootValue: root, variableValues: body.variables ?? undefined, operationName: body.operationName });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(result));
  });
  dir = mkdtempSync(join(tmpdir(), "apimc-graphql-"));
  writeFileSync(join(dir, "schema.graphql"), SDL);
  writeFileSync(join(dir, "policy.xml"), POLICY);
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "space", path: "/space", serviceUrl: backend.url, policy: "policy.xml", graphql: { schema: "schema.graphql" } }] }, null, 2));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

interface Sent {
  status: number;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code: string }; path?: string[] }[] };
  errorsHeader: string | null;
  reached: number;
}
const post = async (query: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Promise<Sent> => {
  const before = backend.requests.length;
  const r = await fetch(`${base}/space/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, ...extra }) });
  return { status: r.status, json: (await r.json()) as Sent["json"], errorsHeader: r.headers.get("x-errors"), reached: backend.requests.length - before };
};

describe("validate-graphql-request: request errors answer an errors block and never reach the backend", () => {
  const CASES: { name: string; query: string; code: string; message: RegExp; extra?: Record<string, unknown>; headers?: Record<string, string> }[] = [
    { name: "a syntax error", query: "{ missions { id ", code: "GRAPHQL_PARSE_FAILED", message: /^Syntax Error/ },
    { name: "a field the schema does not have", query: "{ missions { id budget } }", code: "GRAPHQL_VALIDATION_FAILED", message: /Cannot query field "budget" on type "Mission"/ },
    { name: "a wrong argument type", query: "{ missions(limit: \"many\") { id } }", code: "GRAPHQL_VALIDATION_FAILED", message: /Int cannot represent non-integer value/ },
    { name: "a missing required argument", query: "{ mission { id } }", code: "GRAPHQL_VALIDATION_FAILED", message: /argument "id" of type "ID!" is required/ },
    { name: "a leaf without selection on an object", query: "{ missions }", code: "GRAPHQL_VALIDATION_FAILED", message: /must have a selection of subfields/ },
    { name: "an unknown operation name", query: "query A { users { id } }", extra: { operationName: "B" }, code: "GRAPHQL_VALIDATION_FAILED", message: /Unknown operation named "B"/ },
    { name: "several operations without a name", query: "query A { users { id } } query B { users { name } }", code: "GRAPHQL_VALIDATION_FAILED", message: /Must provide operation name/ },
    { name: "depth 5 over max-depth 4", query: "{ missions { site { region { planet { name } } } } }", code: "QUERY_TOO_DEEP", message: /depth 5, which exceeds the maximum depth of 4/ },
    { name: "depth through a fragment", query: "{ missions { ...M } } fragment M on Mission { site { region { planet { star { name } } } } }", code: "QUERY_TOO_DEEP", message: /depth 6/ },
    { name: "depth through an inline fragment", query: "{ missions { ... on Mission { site { region { planet { name } } } } } }", code: "QUERY_TOO_DEEP", message: /depth 5/ },
    { name: "a body over max-size", query: `{ users { id } } # ${"x".repeat(2100)}`, code: "REQUEST_TOO_LARGE", message: /exceeds the maximum size of 2048 bytes/ },
    { name: "a rejected mutation field", query: "mutation { deleteUser(id: \"u1\") }", code: "FIELD_REJECTED", message: /\/Mutation\/deleteUser is not allowed/ },
    { name: "introspection rejected by the /__* rule", query: "{ __schema { queryType { name } } }", code: "FIELD_REJECTED", message: /\/__schema is not allowed/ },
    { name: "__type rejected by the /__* rule", query: "{ __type(name: \"User\") { name } }", code: "FIELD_REJECTED", message: /\/__type is not allowed/ },
    { name: "crew rejected by an expression's action", query: "{ missions { crew { id } } }", headers: { "X-Crew": "reject" }, code: "FIELD_REJECTED", message: /\/Mission\/crew/ },
  ];
  it.each(CASES)("$name", async (c) => {
    const r = await post(c.query, c.headers, c.extra);
    expect(r.status).toBe(400);
    expect(r.reached).toBe(0);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors?.[0]?.extensions?.code).toBe(c.code);
    expect(r.json.errors?.[0]?.message).toMatch(c.message);
  });

  it("a body that is not a GraphQL request", async () => {
    const r = await fetch(`${base}/space/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"q":1}` });
    expect(r.status).toBe(400);
    expect(((await r.json()) as Sent["json"]).errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});

describe("validate-graphql-request: valid requests reach the backend", () => {
  it("POST JSON with variables and an operation name, depth 4 at the limit", async () => {
    const r = await post("query Q($n: Int) { missions(limit: $n) { site { region { name } } } } query Other { users { id } }", {}, { variables: { n: 1 }, operationName: "Q" });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { missions: [{ site: { region: { name: "Florida" } } }] } });
    expect(r.errorsHeader).toBe("0");
  });
  it("POST application/graphql and GET ?query=", async () => {
    const a = await fetch(`${base}/space/graphql`, { method: "POST", headers: { "content-type": "application/graphql" }, body: "{ users { id name } }" });
    expect(await a.json()).toEqual({ data: { users: [{ id: "u1", name: "Ada" }] } });
    const b = await fetch(`${base}/space/graphql?query=${encodeURIComponent("{ users { name } }")}`);
    expect(await b.json()).toEqual({ data: { users: [{ name: "Ada" }] } });
  });
  it("introspection allowed when the rule's expression says allow", async () => {
    const r = await post("{ __schema { queryType { name } } }", { "X-Introspect": "yes" });
    expect(r.json).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });
  it("__typename is an ordinary field, not the introspection system", async () => {
    expect((await post("{ users { __typename id } }")).json).toEqual({ data: { users: [{ __typename: "User", id: "u1" }] } });
  });
  it("remove: the field is taken out of the query the backend gets, and the errors are recorded", async () => {
    const r = await post("{ users { id email } missions { crew { name email } } }");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ data: { users: [{ id: "u1" }], missions: [{ crew: [{ name: "Ada" }] }] } });
    expect(JSON.parse(backend.requests.at(-1)!.body).query).not.toContain("email");
    expect(r.errorsHeader).toBe("2:2");
  });
  it("remove: a selection left empty takes its field; in a fragment too", async () => {
    const r = await post("{ users { email } missions { id } }");
    expect(r.json).toEqual({ data: { missions: [{ id: "m1" }] } });
    const f = await post("{ users { ...U } missions { id } } fragment U on User { email }");
    expect(f.json).toEqual({ data: { missions: [{ id: "m1" }] } });
  });
  it("remove: nothing left is a request error", async () => {
    const r = await post("{ users { email } }");
    expect(r.status).toBe(400);
    expect(r.reached).toBe(0);
  });
  it("allow by expression keeps the field; ignore passes to the next rule", async () => {
    expect((await post("{ users { email } }", { "X-Admin": "1" })).json).toEqual({ data: { users: [{ email: "ada@example.com" }] } });
    expect((await post("{ missions { crew { id } } }", { "X-Crew": "allow" })).json).toEqual({ data: { missions: [{ crew: [{ id: "u1" }] }] } });
  });
  it("an action expression that is no action fails the policy (on-error / 500)", async () => {
    const r = await fetch(`${base}/space/graphql`, { method: "POST", headers: { "content-type": "application/json", "X-Crew": "deny" }, body: JSON.stringify({ query: "{ missions { crew { id } } }" }) });
    expect(r.status).toBe(500);
  });
});

describe("validate-graphql-request: depth, paths", () => {
  it("depth counts fields, fragments expanded", () => {
    const d = (q: string) => {
      const doc = parse(q);
      return operationDepth(doc, doc.definitions.find((x) => x.kind === "OperationDefinition") as never);
    };
    expect(d("{ a }")).toBe(1);
    expect(d("{ a { b { c } } d }")).toBe(3);
    expect(d("{ ...F } fragment F on Q { a { b } }")).toBe(2);
    expect(d("{ a { ... on T { b { c { d } } } } }")).toBe(4);
  });
  it("rule paths: literal, * matches any characters, introspection under /__", () => {
    expect(pathMatcher("/Query/users")("/Query/users")).toBe(true);
    expect(pathMatcher("/Query/users")("/Query/usersX")).toBe(false);
    expect(pathMatcher("/Query/*")("/Query/anything")).toBe(true);
    expect(pathMatcher("/__*")(authorizationPath("Query", "__schema"))).toBe(true);
    expect(pathMatcher("/__*")(authorizationPath("__Schema", "types"))).toBe(true);
    expect(pathMatcher("/__*")(authorizationPath("User", "__typename"))).toBe(false);
    expect(pathMatcher("/a.b")("/aXb")).toBe(false);
  });
});

describe("validate-graphql-request: diagnostics", () => {
  const gql = { file: "schema.graphql", source: SDL };
  const codes = (inner: string, schemaOpt: { file: string; source: string } | null = gql) =>
    compile(`<policies><inbound>${inner}</inbound><outbound /></policies>`, { file: "p.xml", graphqlSchema: schemaOpt ?? undefined }).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
  it("the reference page's examples compile", () => {
    expect(codes(`<validate-graphql-request error-variable-name="name" max-size="102400" max-depth="4"><authorize><rule path="/__*" action="reject" /><rule path="/Missions/name" action="@(context.Request.Headers.Count > 2 ? &quot;remove&quot; : &quot;allow&quot;)" /></authorize></validate-graphql-request>`)).toEqual([]);
    expect(codes(`<validate-graphql-request error-variable-name="name" max-size="102400" max-depth="4"><authorize><rule path="/Mutation/deleteUser" action="@(context.Request.IpAddress != &quot;198.51.100.1&quot; ? &quot;deny&quot; : &quot;allow&quot;)" /></authorize></validate-graphql-request>`)).toEqual([]);
  });
  it("attributes, children and the schema", () => {
    expect(codes(`<validate-graphql-request />`)).toEqual(["APIMC2004"]);
    expect(codes(`<validate-graphql-request max-size="200000" />`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-graphql-request max-size="100" max-depth="0" />`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-graphql-request max-size="@(100)" />`)).toEqual(["APIMC2007"]);
    expect(codes(`<validate-graphql-request max-size="100"><authorize><rule path="users" /></authorize></validate-graphql-request>`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-graphql-request max-size="100"><authorize><rule path="/Query/users" action="deny" /></authorize></validate-graphql-request>`)).toEqual(["APIMC2008"]);
    expect(codes(`<validate-graphql-request max-size="100"><authorize><rule action="allow" /></authorize></validate-graphql-request>`)).toEqual(["APIMC2004"]);
    expect(codes(`<validate-graphql-request max-size="100"><rules /></validate-graphql-request>`)).toEqual(["APIMC2009"]);
    expect(codes(`<validate-graphql-request max-size="100" max-total-depth="3" />`)).toEqual(["APIMC2003"]);
    expect(codes(`<validate-graphql-request max-size="100" />`, null)).toEqual(["APIMC2030"]);
    expect(codes(`<validate-graphql-request max-size="100" />`, { file: "bad.graphql", source: "type Query { a: Nope }" })).toEqual(["APIMC2031"]);
    expect(compile(`<policies><outbound><validate-graphql-request max-size="100" /></outbound></policies>`, { file: "p.xml", graphqlSchema: gql }).diagnostics.map((d) => d.code)).toContain("APIMC2006");
  });
});

describe("validate-graphql-request: an APIOps folder's GraphQL API (specification.graphql)", () => {
  it("the schema is the API's specification.graphql; requests are validated against it", async () => {
    const root = mkdtempSync(join(tmpdir(), "apimc-graphql-apiops-"));
    mkdirSync(join(root, "apis", "space"), { recursive: true });
    writeFileSync(join(root, "apis", "space", "apiInformation.json"), JSON.stringify({ properties: { displayName: "Space", path: "space", serviceUrl: backend.url, subscriptionRequired: false, type: "graphql", protocols: ["https"] } }));
    writeFileSync(join(root, "apis", "space", "specification.graphql"), SDL);
    writeFileSync(join(root, "apis", "space", "policy.xml"), `<policies><inbound><base /><validate-graphql-request max-size="4096" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>`);
    const g = createGateway({ apiops: root });
    const url = `http://127.0.0.1:${(await g.listen(0, "127.0.0.1")).port}/space/graphql`;
    try {
      const ok = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ users { name } }" }) });
      expect(await ok.json()).toEqual({ data: { users: [{ name: "Ada" }] } });
      const bad = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ nope }" }) });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Sent["json"]).errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "Query"/);
    } finally {
      await g.close();
    }
  });
});

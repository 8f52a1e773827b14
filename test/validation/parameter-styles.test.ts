// validate-parameters over every row of OpenAPI 3's style table: path (simple, label, matrix),
// query (form, spaceDelimited, pipeDelimited, deepObject) and header (simple) parameters, with
// explode true and false, for a primitive, an array and an object value. The matrix is generated:
// one operation per (location, style, explode, type) in a specification served from gateway.json,
// and for each a conforming request (the backend is reached) and one whose value breaks its schema
// (400 naming the parameter), serialized here from the table independently of apimc's reader,
// through a real client and a real backend. Query parameters are prevented when unspecified, so an
// exploded object's properties and a deepObject's keys must be read as the parameter's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { stringify } from "yaml";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";

type Kind = "primitive" | "array" | "object";
type Where = "path" | "query" | "header";
type Value = number | string | (number | string)[] | Record<string, number | string>;

/** The style table: which styles each location has, with which explode values and types. */
const ROWS: { in: Where; style: string; explode: boolean; kinds: Kind[] }[] = [
  ...[false, true].flatMap((explode) => [
    { in: "path" as const, style: "simple", explode, kinds: ["primitive", "array", "object"] as Kind[] },
    { in: "path" as const, style: "label", explode, kinds: ["primitive", "array", "object"] as Kind[] },
    { in: "path" as const, style: "matrix", explode, kinds: ["primitive", "array", "object"] as Kind[] },
    { in: "query" as const, style: "form", explode, kinds: ["primitive", "array", "object"] as Kind[] },
    { in: "header" as const, style: "simple", explode, kinds: ["primitive", "array", "object"] as Kind[] },
  ]),
  { in: "query", style: "spaceDelimited", explode: false, kinds: ["array", "object"] },
  { in: "query", style: "spaceDelimited", explode: true, kinds: ["array"] },
  { in: "query", style: "pipeDelimited", explode: false, kinds: ["array", "object"] },
  { in: "query", style: "pipeDelimited", explode: true, kinds: ["array"] },
  { in: "query", style: "deepObject", explode: true, kinds: ["object"] },
];

const SCHEMAS: Record<Kind, unknown> = {
  primitive: { type: "integer", maximum: 500 },
  array: { type: "array", items: { type: "integer" }, maxItems: 3 },
  object: { type: "object", properties: { R: { type: "integer" }, G: { type: "integer" }, B: { type: "integer" } }, additionalProperties: false },
};
const GOOD: Record<Kind, Value> = { primitive: 100, array: [1, 2, 3], object: { R: 100, G: 200, B: 150 } };
const BAD: Record<Kind, Value> = { primitive: "blue", array: [1, "x", 3], object: { R: 100, G: "x", B: 150 } };

const NAME = "c";
const enc = encodeURIComponent;

/** A value written as the table writes it (the part after the path's template, the query, or the header). */
function serialize(row: (typeof ROWS)[number], kind: Kind, v: Value, variant = 0): string {
  const list = Array.isArray(v) ? v.map(String) : typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, String(x)]) : [String(v)];
  const kv = typeof v === "object" && !Array.isArray(v) ? Object.entries(v).map(([k, x]) => `${k}=${x}`) : [];
  const { style, explode } = row;
  if (style === "simple") return kind === "object" && explode ? kv.join(",") : list.join(",");
  if (style === "label") {
    if (kind === "primitive") return `.${list[0]}`;
    if (kind === "object" && explode) return `.${kv.join(".")}`;
    // OpenAPI 3.0.3 writes `.1.2.3` unexploded; 3.0.4 and 3.1 write `.1,2,3` (variant 1).
    return `.${list.join(!explode && variant === 1 ? "," : ".")}`;
  }
  if (style === "matrix") {
    if (kind === "object" && explode) return kv.map((p) => `;${p}`).join("");
    if (kind === "array" && explode) return list.map((x) => `;${NAME}=${x}`).join("");
    return `;${NAME}=${list.join(",")}`;
  }
  if (style === "deepObject") return Object.entries(v).map(([k, x]) => `${NAME}[${k}]=${enc(String(x))}`).join("&");
  // form, spaceDelimited, pipeDelimited
  if (explode && kind === "array") return list.map((x) => `${NAME}=${enc(x)}`).join("&");
  if (explode && kind === "object") return kv.map((p) => p.split("=").map(enc).join("=")).join("&");
  const delimiter = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
  return `${NAME}=${enc(list.join(delimiter))}`;
}

const opId = (row: (typeof ROWS)[number], kind: Kind) => `${row.in}-${row.style}-${row.explode}-${kind}`;

function specification(): string {
  const paths: Record<string, unknown> = {};
  for (const row of ROWS)
    for (const kind of row.kinds) {
      const id = opId(row, kind);
      const param = { name: row.in === "header" ? "X-C" : NAME, in: row.in, required: true, style: row.style, explode: row.explode, schema: SCHEMAS[kind] };
      paths[row.in === "path" ? `/${id}/{${NAME}}` : `/${id}`] = { get: { operationId: id, parameters: [param, { name: "cookieId", in: "cookie", schema: { type: "integer" } }], responses: { "200": { description: "ok" } } } };
    }
  return stringify({ openapi: "3.0.1", info: { title: "styles", version: "1" }, paths });
}

let backend: TestServer;
let gateway: Gateway;
let base: string;

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url }));
  });
  const dir = mkdtempSync(join(tmpdir(), "apimc-param-styles-"));
  writeFileSync(join(dir, "styles.yaml"), specification());
  writeFileSync(
    join(dir, "api.xml"),
    `<policies><inbound><base /><validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="errs"><headers unspecified-parameter-action="ignore" /></validate-parameters></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>`,
  );
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "styles", path: "/s", serviceUrl: backend.url, specification: "styles.yaml", policy: "api.xml" }] }));
  gateway = createGateway({ config: join(dir, "gateway.json") });
  base = `http://127.0.0.1:${(await gateway.listen(0, "127.0.0.1")).port}`;
});
afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

async function send(row: (typeof ROWS)[number], kind: Kind, v: Value, variant = 0, extra = "") {
  const id = opId(row, kind);
  const text = serialize(row, kind, v, variant);
  const url = row.in === "path" ? `/s/${id}/${text}` : row.in === "query" ? `/s/${id}?${text}${extra}` : `/s/${id}`;
  const r = await request(base + url, { headers: { ...(row.in === "header" ? { "X-C": text } : {}), cookie: "cookieId=abc" } });
  const body = await r.body.text();
  return { status: r.statusCode, message: r.statusCode === 200 ? null : (JSON.parse(body) as { message: string }).message, sent: text };
}

const label = (where: Where) => (where === "header" ? "header X-C" : `${where} parameter ${NAME}`);

describe("validate-parameters reads every style of the OpenAPI 3 table", () => {
  for (const row of ROWS)
    for (const kind of row.kinds)
      it(`${row.in} ${row.style} explode=${row.explode} ${kind}`, async () => {
        for (const variant of row.style === "label" && !row.explode && kind !== "primitive" ? [0, 1] : [0]) {
          const good = await send(row, kind, GOOD[kind], variant);
          expect(good, `conforming ${good.sent}`).toMatchObject({ status: 200, message: null });
        }
        const bad = await send(row, kind, BAD[kind]);
        expect(bad.status, `breaking ${bad.sent}`).toBe(400);
        expect(bad.message).toMatch(new RegExp(`^Value of the ${label(row.in)} does not conform to the definition\\. Invalid type\\. Expected Integer but got String\\.`));
        // Beyond the schema's limits: an integer over the maximum, a fourth item, an unknown property.
        const over: Value = kind === "primitive" ? 501 : kind === "array" ? [1, 2, 3, 4] : { R: 1, G: 2, B: 3, A: 4 };
        const limit = await send(row, kind, over);
        if (row.in === "query" && kind === "object" && row.explode && row.style !== "deepObject") {
          // An exploded form object's properties are those the schema declares: `A` is another, unspecified, query parameter.
          expect(limit).toMatchObject({ status: 400, message: "Unspecified query parameter A is not allowed." });
        } else {
          expect(limit.status, `over the limits ${limit.sent}`).toBe(400);
          expect(limit.message).toMatch(/does not conform to the definition\. (Integer 501 exceeds maximum value of 500|Array item count 4 exceeds maximum count of 3|Property 'A' has not been defined and the schema does not allow additional properties)\./);
        }
        if (row.in === "query") {
          const other = await send(row, kind, GOOD[kind], 0, "&other=1");
          expect(other).toMatchObject({ status: 400, message: "Unspecified query parameter other is not allowed." });
        }
      });
});

describe("cookie parameters", () => {
  const document = (withCookie: boolean) => ({
    openapi: "3.0.1",
    info: { title: "c", version: "1" },
    paths: { "/c": { get: { operationId: "get", parameters: withCookie ? [{ name: "session", in: "cookie", schema: { type: "integer" } }] : [], responses: { "200": { description: "ok" } } } } },
  });
  const xml = `<policies><inbound><validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="errs" /></inbound><backend><return-response><set-status code="200" /></return-response></backend><outbound /></policies>`;
  const run = (withCookie: boolean) => runPolicy(xml, { specification: { document: document(withCookie), file: "c.yaml", operation: { operationId: "get" } }, request: { url: "/c", headers: { Cookie: "session=abc" } } });

  it("make the Cookie header specified; their values are not validated (APIM validates headers, query and path)", async () => {
    expect((await run(true)).status).toBe(200);
    const without = await run(false);
    expect([without.status, without.lastError?.Message]).toEqual([400, "Unspecified header Cookie is not allowed."]);
  });
});

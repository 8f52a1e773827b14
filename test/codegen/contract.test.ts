// The module contract (runtime/contract.ts): the one table generated code and the runtime share.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as runtime from "../../runtime/index.js";
import { END_PIPELINE, HEADER_OPS, QUERY_OPS, RUNTIME_HELPERS } from "../../runtime/contract.js";
import { rt } from "../../compiler/codegen/code.js";
import { compile } from "../../compiler/index.js";
import { loadPolicy, runPolicy } from "../../gateway/testing.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });

describe("module contract", () => {
  it("lists only names the runtime exports, and the compiler refuses any other helper", () => {
    const exported = new Set(Object.keys(runtime));
    const missing = [...RUNTIME_HELPERS].filter((n) => !exported.has(n));
    expect(missing).toEqual([]);
    expect(() => rt("notARuntimeHelper")).toThrow(/module contract/);
    expect(() => rt("runPipeline")).toThrow(/module contract/);
    expect(rt("setHeader").toString()).toBe("setHeader");
  });

  // A helper the compiler names but the contract lacks fails only when an expression reaches it;
  // read every rt("…") in the compiler's sources so the omission fails here, for all of them at once.
  it("lists every helper the compiler's sources name with rt()", () => {
    const named = new Set(sources("compiler").flatMap((f) => [...readFileSync(join(ROOT, f), "utf8").matchAll(/\brt\("([A-Za-z_$][\w$]*)"\)/g)].map((m) => m[1])));
    named.delete("name"); // the doc comment's example
    expect([...named].filter((n) => !RUNTIME_HELPERS.has(n)).sort()).toEqual([]);
  });

  it("defines the pipeline's end sentinel once, in the contract", () => {
    const defs = [...sources("runtime"), ...sources("compiler")].filter((f) => /\b(END_PIPELINE|END)\s*=\s*\d/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(defs).toEqual(["runtime/contract.ts"]);
    expect(runtime.END_PIPELINE).toBe(END_PIPELINE);
  });

  it("header and query operations are public methods of HeaderMap and QueryMap", () => {
    for (const m of Object.values(HEADER_OPS)) expect(typeof (runtime.HeaderMap.prototype as unknown as Record<string, unknown>)[m]).toBe("function");
    for (const m of Object.values(QUERY_OPS)) expect(typeof (runtime.QueryMap.prototype as unknown as Record<string, unknown>)[m]).toBe("function");
  });

  // Every literal/computed form of the policies that write headers and query parameters, on the
  // request and the response: none reaches into the maps, and each does what the action says.
  const actions = ["override", "skip", "append", "delete"] as const;
  const valueForms = { literal: "v1", computed: '@("v" + "1")' };
  for (const action of actions)
    for (const [form, value] of Object.entries(valueForms))
      for (const where of ["inbound", "outbound"] as const)
        it(`set-header ${action} (${form} value) in ${where} uses only contract operations`, async () => {
          const policy = `<set-header name="X-Test" exists-action="${action}"><value>${value}</value></set-header>`;
          const doc = `<policies><inbound>${where === "inbound" ? policy : ""}</inbound><backend><forward-request /></backend><outbound>${where === "outbound" ? policy : ""}</outbound></policies>`;
          const code = compile(doc).code!;
          expect(code).not.toMatch(/\.m\.(get|set|has|delete)\(/);
          const initial = where === "inbound" ? { request: { headers: { "x-test": "old" } } } : { backend: () => ({ headers: { "x-test": "old" } }) };
          const r = await runPolicy(doc, initial);
          const seen = where === "inbound" ? r.backendRequest!.headers["x-test"] : r.headers["x-test"];
          const expected = { override: ["v1"], skip: ["old"], append: ["old", "v1"], delete: undefined }[action];
          expect(seen).toEqual(expected);
        });

  for (const action of actions)
    for (const [form, value] of Object.entries(valueForms))
      it(`set-query-parameter ${action} (${form} value) uses only contract operations`, async () => {
        const doc = `<policies><inbound><set-query-parameter name="q" exists-action="${action}"><value>${value}</value></set-query-parameter></inbound><backend><forward-request /></backend></policies>`;
        expect(compile(doc).code!).not.toMatch(/\.m\.(get|set|has|delete)\(/);
        const r = await runPolicy(doc, { request: { url: "/x?q=old" } });
        const q = new URL(r.backendRequest!.url).searchParams.getAll("q");
        expect(q).toEqual({ override: ["v1"], skip: ["old"], append: ["old", "v1"], delete: [] }[action]);
      });

  it("authentication-basic and ContainsKey with a literal name use only contract operations", async () => {
    const doc = `<policies><inbound><authentication-basic username="u" password="p" /><set-variable name="has" value="@(context.Request.Headers.ContainsKey(&quot;Authorization&quot;))" /></inbound><backend><forward-request /></backend></policies>`;
    expect(compile(doc).code!).not.toMatch(/\.m\.(get|set|has|delete)\(/);
    const r = await runPolicy(doc);
    expect(r.backendRequest!.headers.authorization).toEqual([`Basic ${Buffer.from("u:p").toString("base64")}`]);
    expect(r.variables.has).toBe(true);
  });

  it("policy rows are objects with named fields", () => {
    const mod = loadPolicy(`<policies><inbound><choose><when condition="@(true)"><set-header name="a" id="h1"><value>1</value></set-header></when></choose></inbound></policies>`, { file: "rows.xml" });
    expect(mod.meta.policies).toEqual([
      { name: "choose", path: "choose[1]", id: null, section: "inbound", scope: "operation", file: "rows.xml", line: 1, flags: 0 },
      { name: "choose", path: "choose[1]\\when[1]", id: null, section: "inbound", scope: "operation", file: "rows.xml", line: 1, flags: 2 },
      { name: "set-header", path: "choose[1]\\when[1]\\set-header[1]", id: "h1", section: "inbound", scope: "operation", file: "rows.xml", line: 1, flags: 0 },
    ]);
  });
});

// readsBody comes from the binder (a member of type IMessageBody), not from the expression's text.
describe("readsBody", () => {
  const cases: [string, boolean][] = [
    ["@(context.Request.Body.As<string>(preserveContent: true))", true],
    ["@(context.Response.Body == null ? \"n\" : \"b\")", true],
    ['@(((IResponse)context.Variables["r"]).Body.As<string>())', true],
    ['@{ var b = context.Request.Body; return b.As<string>(); }', true],
    ['@("Body")', false],
    ['@(context.Request.Headers.GetValueOrDefault("Body", ""))', false],
    ['@{ var Body = 1; return Body.ToString(); }', false],
    ['@(context.Request.Url.Path)', false],
  ];
  for (const [expr, reads] of cases)
    it(`${expr} → ${reads}`, () => {
      const doc = `<policies><inbound><set-header name="X"><value>${expr.replace(/"/g, "&quot;").replace(/</g, "&lt;")}</value></set-header></inbound></policies>`;
      const r = compile(doc);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.code).toContain(`readsBody: ${reads},`);
    });
});

// Compile-time limits: document and fragment size as APIM has them, and nesting limits that keep the
// compiler's recursive stages from overflowing the stack (an internal error) on hostile input.
import { describe, expect, it } from "vitest";
import { compile, MAX_DOCUMENT_SIZE } from "../../compiler/index.js";
import { js, type Code } from "../../compiler/codegen/code.js";
import { MAX_ELEMENT_DEPTH } from "../../compiler/xml/parse.js";
import { MAX_BRACKET_DEPTH } from "../../compiler/xml/expression-scanner.js";

const codes = (xml: string, opts = {}) => compile(xml, opts).diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
const doc = (inbound: string) => `<policies><inbound>${inbound}</inbound></policies>`;

describe("policy document size (APIM: 256 KiB)", () => {
  it("a document of exactly 256 KiB compiles; one character more is APIMC1006", () => {
    const base = doc(`<set-variable name="v" value="1"/><!---->`);
    const exact = base.replace("<!---->", `<!--${" ".repeat(MAX_DOCUMENT_SIZE - base.length)}-->`);
    expect(exact.length).toBe(MAX_DOCUMENT_SIZE);
    expect(codes(exact)).toEqual([]);
    expect(codes(exact + " ")).toEqual(["APIMC1006"]);
  });

  it("a fragment over 32 KB is APIMC1006 (in the fragment) and the include fails", () => {
    const big = `<fragment><set-variable name="v" value="1"/><!--${" ".repeat(33 * 1024)}--></fragment>`;
    const r = compile(doc(`<include-fragment fragment-id="f"/>`), { fragments: () => ({ file: "f.xml", source: big }) });
    expect(r.code).toBeNull();
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(["APIMC1006", "APIMC2018"]);
  });
});

describe("nesting limits (no stack overflow, no APIMC9001)", () => {
  it(`elements nested up to ${MAX_ELEMENT_DEPTH} deep compile; deeper is APIMC1006`, () => {
    const levels = Math.floor((MAX_ELEMENT_DEPTH - 3) / 2); // policies > inbound > (choose > when)* > set-variable
    const ok = doc(`${'<choose><when condition="@(true)">'.repeat(levels)}<set-variable name="v" value="1"/>${"</when></choose>".repeat(levels)}`);
    expect(codes(ok)).toEqual([]);
    for (const n of [levels + 1, 3000, 20000]) {
      const deep = doc(`${'<choose><when condition="@(true)">'.repeat(n)}<set-variable name="v" value="1"/>${"</when></choose>".repeat(n)}`);
      expect(codes(deep)).toEqual(["APIMC1006"]);
    }
    expect(codes(doc(`${"<a>".repeat(50000)}${"</a>".repeat(50000)}`))).toEqual(["APIMC1006"]);
  });

  it(`brackets nested up to ${MAX_BRACKET_DEPTH} deep compile; deeper is APIMC1002`, () => {
    const at = (n: number) => doc(`<set-variable name="v" value="@(${"(".repeat(n)}1${")".repeat(n)})"/>`);
    expect(codes(at(MAX_BRACKET_DEPTH - 1))).toEqual([]);
    for (const n of [MAX_BRACKET_DEPTH, 2000, 50000]) expect(codes(at(n))).toEqual(["APIMC1002"]);
    for (const src of [`@(${"new [] {".repeat(3000)}1${"}".repeat(3000)})`, `@{ ${"{".repeat(3000)} ${"}".repeat(3000)} return 1; }`, `@($"${"{$\"".repeat(500)}x${"\"}".repeat(500)}")`]) {
      expect(codes(doc(`<set-variable name="v" value="${src.replace(/"/g, "&quot;")}"/>`))).toEqual(["APIMC1002"]);
    }
  });

  it("a section of thousands of policies renders (code is built by appending, which nests)", () => {
    const one = `<set-variable name="v" value="@(1)"/>`;
    const n = Math.floor((MAX_DOCUMENT_SIZE - 60) / one.length);
    const r = compile(doc(one.repeat(n)));
    expect(r.diagnostics).toEqual([]);
    expect(r.code!.split("ctx.$p = ").length - 1).toBe(n);
  });

  it("Code renders a chain nested 200,000 deep", () => {
    let c: Code = js``;
    for (let i = 0; i < 200_000; i++) c = js`${c}x`;
    expect(c.toString().length).toBe(200_000);
    expect(c.isEmpty).toBe(false);
    let e: Code = js``;
    for (let i = 0; i < 200_000; i++) e = js`${e} `;
    expect(e.isEmpty).toBe(true);
  });
});

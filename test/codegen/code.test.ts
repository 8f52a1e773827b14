import { describe, expect, it } from "vitest";
import { ident, js, literal, NameAllocator, rt } from "../../compiler/codegen/code.js";
import { verifyModule } from "../../compiler/verify.js";
import { compile } from "../../compiler/index.js";

describe("safe code template", () => {
  it("embeds every non-Code value as a literal, never as code", () => {
    const evil = `"); process.exit(1); //\u2028\u2029\`\${x}</script>`;
    const code = js`const a = ${evil};`.toString();
    expect(code).not.toContain("\u2028");
    expect(code).not.toContain("\u2029");
    // Evaluating the literal gives back exactly the data.
    expect(new Function(`${code} return a;`)()).toBe(evil);
  });

  it("renders numbers, booleans, null and arrays as literals", () => {
    expect(js`${-1} ${0.5} ${true} ${null} ${["a", 1]}`.toString()).toBe(`(-1) 0.5 true null ["a", 1]`);
    expect(literal(-0).toString()).toBe("-0");
  });

  it("accepts only plain identifiers from the compiler", () => {
    expect(() => ident("a b")).toThrow();
    expect(() => ident("eval")).toThrow();
    expect(() => ident("x;y")).toThrow();
    const names = new NameAllocator(["ctx"]);
    expect(names.fresh("ctx").toString()).toBe("ctx1");
    expect(names.fresh("a-b").toString()).toBe("a_b");
  });

  it("records runtime helpers so the module imports only those used", () => {
    const r = compile(`<policies><inbound><set-header name="X" exists-action="@("override")"><value>1</value></set-header></inbound></policies>`);
    // An expression in exists-action goes through the runtime's setHeader...
    expect(r.code).toMatch(/import \{ [^}]*setHeader[^}]* \} from "apimc\/runtime";/);
    const lit = compile(`<policies><inbound><set-header name="X"><value>1</value></set-header></inbound><backend/></policies>`);
    // ...a literal one imports nothing at all.
    expect(lit.code).not.toContain("import");
    expect(rt("setHeader").toString()).toBe("setHeader");
  });
});

describe("module verification", () => {
  it("accepts imports, declared names and safe globals", () => {
    expect(verifyModule(`import { a } from "apimc/runtime"; const b = Math.max(1, 2); export function f(ctx) { return a(ctx, b, JSON.stringify({})); }`).ok).toBe(true);
  });
  it.each(["process.exit(1)", "require('fs')", "globalThis.x", "eval('1')", "Function('return this')()", "fetch('http://x')", "import('fs')"])(
    "rejects %s",
    (expr) => {
      const v = verifyModule(`export function f(ctx) { return ${expr}; }`);
      expect(v.ok).toBe(false);
    },
  );
  it("rejects code that does not parse", () => {
    expect(verifyModule(`export function f( {`).ok).toBe(false);
  });
});

describe("module shape", () => {
  it("emits sections without I/O as plain functions, and a forward-only backend returning the forward's promise", () => {
    const r = compile(`<policies><inbound><set-header name="X"><value>1</value></set-header></inbound><outbound><set-status code="201" reason="Created"/></outbound></policies>`);
    expect(r.code).toMatch(/^export function inbound\(ctx\)/m);
    expect(r.code).toMatch(/^export function backend\(ctx\) \{\n\s+return forwardOnly\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS\);\n\}/m);
    // fail-on-error-status-code needs the status check: the general forward.
    const failing = compile(`<policies><backend><forward-request fail-on-error-status-code="true"/></backend></policies>`);
    expect(failing.code).toMatch(/return forwardRequest\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS, FAIL_ON_ERROR_STATUS\);/);
    const withSend = compile(`<policies><backend><send-request response-variable-name="r"><set-url>http://x/</set-url><set-method>GET</set-method></send-request><forward-request/></backend></policies>`);
    expect(withSend.code).toMatch(/^export async function backend\(ctx\)/m);
    expect(r.code).toMatch(/^export function outbound\(ctx\)/m);
    expect(r.code).toContain("export default { meta, inbound, backend, outbound, onError: null };");
  });
  it("an explicitly empty backend section means no forwarding", () => {
    const r = compile(`<policies><inbound/><backend/><outbound/></policies>`);
    expect(r.code).not.toContain("forwardRequest");
    expect(r.code).toContain("backend: null");
  });
  it("source maps point generated lines back at the policy lines", () => {
    const r = compile(`<policies>\n<inbound>\n<set-header name="X"><value>1</value></set-header>\n</inbound>\n</policies>`, { sourceMap: true });
    const lines = r.code!.split("\n");
    const at = lines.findIndex((l) => l.includes(`.setLower("x"`));
    const seg = r.map!.mappings.split(";")[at]!;
    expect(seg).not.toBe("");
    expect(r.map!.sourcesContent[0]).toContain("<set-header");
  });
});

// The module builder's marker resolution on generated-code shapes: string literals (also escaped,
// and as object keys) and template parts become reads of the secret constant, with the line count
// kept; a marker in a regular expression, a comment or cut apart is reported, never left in.
import { describe, expect, it } from "vitest";
import { NameAllocator } from "../../compiler/codegen/code.js";
import { resolveSecretMarkers } from "../../compiler/codegen/secret-markers.js";
import { SecretRefs } from "../../compiler/named-values.js";

function setup(variant: 0 | 1 = 0) {
  const refs = new SecretRefs(variant);
  const m = refs.marker("key", "p.xml", 10);
  const m2 = refs.marker("other", "p.xml", 20);
  return { refs, m, m2 };
}
const evalWith = (code: string, decls: string, values: Record<string, string>) =>
  new Function("secretNamedValue", `${decls}\n${code}`)((n: string) => values[n]);

describe("resolveSecretMarkers", () => {
  const values = { key: "K-1\n`${x}`\\", other: "O" };
  const cases: [string, (m: string, m2: string) => string, unknown][] = [
    ["a string literal", (m) => `return "a${m}b";`, `aK-1\n\`\${x}\`\\b`],
    ["the whole literal", (m) => `return "${m}";`, values.key],
    ["two secrets and an escaped marker", (m, m2) => `return "${m}-${m2.replace("\uE0F0", "\\uE0F0")}";`, `${values.key}-O`],
    ["an object key", (m) => `return Object.keys({ "k${m}": 1 })[0];`, `k${values.key}`],
    ["a template literal with a line break", (m) => "return `x\n${1 + 1}" + m + "`;", `x\n2${values.key}`],
  ];
  it.each(cases)("%s becomes a read of the secret", (_, make, expected) => {
    const { refs, m, m2 } = setup();
    const body = make(m, m2);
    const r = resolveSecretMarkers(body, "function", refs, new NameAllocator());
    expect(r.unresolved).toEqual([]);
    expect(r.text).not.toMatch(/[\uE0F0\uE0F1]|\\uE0F0/i);
    expect(r.text.split("\n").length).toBe(body.split("\n").length);
    expect(evalWith(r.text, r.decls, values)).toBe(expected);
  });

  const bad: [string, (m: string) => string][] = [
    ["a regular expression", (m) => `return /a${m}/.test("x");`],
    ["a comment", (m) => `// ${m}\nreturn 1;`],
    ["a marker cut apart", (m) => `return "${m.slice(0, 2)}" + "${m.slice(2)}";`],
    ["the other variant's marker", (m) => `return "${m.replace("\uE0F1", "Q\uE0F1")}";`],
  ];
  it.each(bad)("in %s it is reported", (_, make) => {
    const { refs, m } = setup();
    const r = resolveSecretMarkers(make(m), "function", refs, new NameAllocator());
    expect(r.unresolved.length).toBeGreaterThan(0);
  });

  it("the second variant resolves its own markers to the same code as the first", () => {
    const a = setup(0);
    const b = setup(1);
    const ra = resolveSecretMarkers(`return "x${a.m}";`, "esm", a.refs, new NameAllocator());
    const rb = resolveSecretMarkers(`return "x${b.m}";`, "esm", b.refs, new NameAllocator());
    expect(rb.unresolved).toEqual([]);
    expect(rb.text).toBe(ra.text);
    expect(rb.decls).toBe(ra.decls);
  });
});

// The C# expression overlay's scanner (gateway/workbench/page/csharp-scan.ts): the extent of every
// `@(…)` and `@{…}` in policy XML, with brackets inside strings, chars, comments and `&quot;` strings.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { scanExpressions, type Span } from "../../gateway/workbench/page/csharp-scan.js";

const exprs = (text: string) => scanExpressions(text).filter((s) => s.kind === "expression").map((s) => text.slice(s.from, s.to));
const tokens = (text: string, kind: Span["kind"]) => scanExpressions(text).filter((s) => s.kind === kind).map((s) => text.slice(s.from, s.to));

describe("C# expression scan", () => {
  it("finds single expressions and blocks in attributes and text, balanced", () => {
    const x = `<set-variable name="a" value="@(Foo(1, (2)))" /><value>@{ var s = new { a = 1 }; return s.ToString(); }</value>`;
    expect(exprs(x)).toEqual([`@(Foo(1, (2)))`, `@{ var s = new { a = 1 }; return s.ToString(); }`]);
  });
  it("brackets inside strings, verbatim and interpolated strings, chars and comments do not count", () => {
    const cases: [string, string][] = [
      [`@("(" + ")")`, `@("(" + ")")`],
      [`@(@"a "" ) b")`, `@(@"a "" ) b")`],
      [`@($"{x} )")`, `@($"{x} )")`],
      [`@(')' == c)`, `@(')' == c)`],
      [`@{ /* } */ return 1; // }\n }`, `@{ /* } */ return 1; // }\n }`],
      [`@("a\\")b")`, `@("a\\")b")`],
      [`@(x == &quot;)&quot;)`, `@(x == &quot;)&quot;)`],
    ];
    for (const [text, want] of cases) expect(exprs(`<value>${text}</value>`), text).toEqual([want]);
  });
  it("tokens: keywords, strings, numbers, context; not member names", () => {
    const x = `@{ var n = 10; if (context.Request.Method == "GET") { return null; } return n.string; }`;
    expect(tokens(x, "keyword")).toEqual(["var", "if", "return", "null", "return"]);
    expect(tokens(x, "string")).toEqual([`"GET"`]);
    expect(tokens(x, "number")).toEqual(["10"]);
    expect(tokens(x, "context")).toEqual(["context"]);
    expect(tokens(x, "delimiter")).toEqual(["@{", "}"]);
  });
  it("an unclosed @( ends at its line; an unclosed @{ at the end; a lone @ is text", () => {
    expect(exprs(`<a v="@(1 + \nnext" />`)).toEqual([`@(1 + `]);
    expect(exprs(`@{ return 1;`)).toEqual([`@{ return 1;`]);
    expect(exprs(`user@example.com @ {{nv}} @`)).toEqual([]);
  });
  it("raw quotes inside an attribute's expression belong to the expression (as APIM and the compiler read them)", () => {
    expect(exprs(`<a v="@(f("x)") + "y")" w="@(1)" />`)).toEqual([`@(f("x)") + "y")`, `@(1)`]);
    expect(exprs(`<a v='@(c == ')')' />`)).toEqual([`@(c == ')')`]);
  });
  it("every expression of the examples and the corpus ends with its closing bracket, but for a malformed few (scan of real policies)", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".xml")) files.push(p);
      }
    };
    walk(join(root, "examples"));
    walk(join(root, "test/corpus/data"));
    let count = 0;
    let malformed = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const s of scanExpressions(text)) {
        if (s.kind !== "expression") continue;
        count++;
        const close = text[s.from + 1] === "(" ? ")" : "}";
        if (text[s.to - 1] !== close) malformed++;
      }
    }
    expect(count).toBeGreaterThan(100);
    // The corpus holds a documentation sample or two whose expression is not closed, no more.
    expect(malformed).toBeLessThan(5);
  });
});

// A loop in a policy expression cannot stall the gateway: each request has an expression budget.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";

const doc = (expr: string, onError = "") => `<policies><inbound><set-variable name="v" value="${expr}" /></inbound><backend/><on-error>${onError}</on-error></policies>`;

describe("expression budget", () => {
  it.each([
    ["while (true)", `@{ int i = 0; while (true) { i++; } return i; }`],
    ["for (;;)", `@{ int n = 0; for (;;) { n++; } return n; }`],
    ["do ... while (true)", `@{ int n = 0; do { n++; } while (true); return n; }`],
    ["foreach over a huge range", `@{ long s = 0; foreach (var x in Enumerable.Range(0, int.MaxValue)) { s += x; } return s; }`],
    ["foreach over a long list", `@{ var l = new List<int>(); for (int i = 0; i < 10; i++) l.Add(i); long s = 0; while (true) { foreach (var x in l) s += x; } return s; }`],
  ])("%s ends with ExpressionBudgetExceeded and on-error, within about a second", async (_, expr) => {
    const started = Date.now();
    const r = await runPolicy(doc(expr, `<set-status code="503" reason="Budget" />`));
    expect(r.status).toBe(503);
    expect(r.lastError).toMatchObject({ Reason: "ExpressionBudgetExceeded", Source: "set-variable" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("ordinary loops are unaffected", async () => {
    const r = await runPolicy(doc(`@{ int s = 0; for (int i = 0; i < 100000; i++) { if (i % 2 == 0) continue; s += 1; } return s; }`));
    expect(r.variables.v).toBe(50000);
  });
});

describe("absurdly deep expressions", () => {
  it.each([
    ["5,000 unary minuses", `@(${"-".repeat(5000)}1)`],
    ["20,000 additions", `@(1${"+1".repeat(20000)})`],
    ["3,000 nested conditionals", `@(${"true ? 1 : ".repeat(3000)}0)`],
  ])("%s: a C# diagnostic, not an internal error", async (_, expr) => {
    const { compile } = await import("../../compiler/index.js");
    const r = compile(`<policies><inbound><set-variable name="v" value="${expr}" /></inbound></policies>`);
    expect(r.code).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["APIMC3001"]);
  });
});

// docs/surface-coverage.md is generated from the allow-list data and the surface tables
// (`npm run coverage:surface`); regenerating it in memory must give the committed file, so the
// table cannot fall behind a surface change.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coverageMarkdown, namespaceTotals, typeCoverage } from "../../scripts/surface-coverage/coverage.js";
import { ALLOWED_TYPES } from "../../compiler/csharp/surface/allow-list.js";
import { ALLOW_LIST_ROWS } from "../../compiler/csharp/surface/apim-allow-list-docs.js";

describe("allow-list coverage table", () => {
  it("docs/surface-coverage.md is up to date (run `npm run coverage:surface`)", () => {
    const committed = readFileSync(new URL("../../docs/surface-coverage.md", import.meta.url), "utf8");
    expect(committed).toBe(coverageMarkdown());
  });

  it("the generated member data covers every row of the docs' table, with its listed members", () => {
    expect(ALLOWED_TYPES.map((t) => t.type)).toEqual(ALLOW_LIST_ROWS.map((r) => r.type));
    for (const row of ALLOW_LIST_ROWS) {
      const data = ALLOWED_TYPES.find((t) => t.type === row.type)!;
      if (row.members !== "All") expect(data.members.map((m) => m[0]).sort(), row.type).toEqual([...row.members].sort());
      else expect(data.members.length, `${row.type} has members`).toBeGreaterThan(0);
      for (const ex of row.except ?? []) expect(data.members.some((m) => m[0] === ex), `${row.type} excludes ${ex}`).toBe(false);
    }
  });

  it("every member is supported, not yet, or not supported by design, and the totals add up", () => {
    const cov = typeCoverage();
    for (const c of cov) expect([...c.supported, ...c.missing, ...c.unsupportable.map((u) => u.name)].sort()).toEqual(c.row.members.map((m) => m[0]).sort());
    const totals = namespaceTotals(cov);
    expect(totals.reduce((n, t) => n + t.members, 0)).toBe(ALLOWED_TYPES.reduce((n, t) => n + t.members.length, 0));
    expect(totals.reduce((n, t) => n + t.supported, 0)).toBe(cov.reduce((n, c) => n + c.supported.length, 0));
  });
});

// Issue 17, the match budget end to end: a backreference or lookaround pattern (which stays on V8's
// backtracking engine) on request data answers within its match timeout over real HTTP, through
// on-error with .NET's RegexMatchTimeoutException in LastError; gateway.json sets the default, the
// TimeSpan overloads set their own, and the gateway keeps serving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { regexBudget, stopRegexHelper } from "../../runtime/dotnet/regex-budget.js";
import { rawGet } from "../helpers/servers.js";

const IN = `context.Request.Headers.GetValueOrDefault("X-In","")`;
// path → the expression under test; each is catastrophic on n a's + "!" for a backtracking engine
const CASES: Record<string, { expr: string; budgetMs: number }> = {
  // no timeout in the code: gateway.json's regex.matchTimeoutMs (60)
  "/default/backreference": { expr: `Regex.IsMatch(${IN}, @"^(a+)+\\1$")`, budgetMs: 60 },
  "/default/lookahead": { expr: `Regex.Match(${IN}, @"^(?=(a+)+$)a").Success`, budgetMs: 60 },
  // the TimeSpan overloads: their own timeout
  "/static/lookbehind": { expr: `Regex.IsMatch(${IN}, @"^(a|aa)+(?<!b)$", RegexOptions.None, TimeSpan.FromMilliseconds(25))`, budgetMs: 25 },
  "/instance/word-boundary": { expr: `new Regex(@"^\\b(a+)+$", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200)).Matches(${IN}).Count > 0`, budgetMs: 200 },
  "/replace/backreference": { expr: `Regex.Replace(${IN}, @"(a+)+\\1!x", "", RegexOptions.None, TimeSpan.FromMilliseconds(40)) == ""`, budgetMs: 40 },
};

const POLICY = `<policies>
  <inbound>
    <choose>
${Object.entries(CASES)
  .map(([path, c]) => `      <when condition="@(context.Request.Url.Path == &quot;${path}&quot;)">
        <return-response>
          <set-status code="200" reason="OK" />
          <set-body>@(${c.expr.replace(/"/g, "&quot;").replace(/</g, "&lt;")} ? "match" : "no match")</set-body>
        </return-response>
      </when>`)
  .join("\n")}
    </choose>
    <return-response><set-status code="200" reason="OK" /><set-body>ordinary</set-body></return-response>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error>
    <return-response>
      <set-status code="503" reason="Regex" />
      <set-body>@(context.LastError.Source + "|" + context.LastError.Reason + "|" + context.LastError.Message)</set-body>
    </return-response>
  </on-error>
</policies>`;

const TIMEOUT_MESSAGE =
  "Expression evaluation failed. The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.";
// Generous for a loaded 2-core machine (load average ~20 while 8 helpers test): without the budget
// these requests take hours.
const SLACK_MS = 3000;

describe("a backtracking pattern on request data over HTTP", () => {
  let dir: string;
  let gw: Gateway;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "apimc-regex-budget-"));
    writeFileSync(join(dir, "api.xml"), POLICY);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ regex: { matchTimeoutMs: 60 }, apis: [{ id: "re", path: "", serviceUrl: "http://127.0.0.1:9", policy: "api.xml" }] }));
    gw = createGateway({ config: join(dir, "gateway.json"), watch: false });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
    await rawGet(`${base}/warm-up`);
    // boots the helper thread (80-700 ms, once; not part of any budget)
    await rawGet(`${base}/default/backreference`, { "X-In": "aa" });
  });
  afterAll(async () => {
    await gw.close();
    regexBudget.defaultMatchTimeoutMs = 100;
    await stopRegexHelper();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gateway.json regex.matchTimeoutMs is the default match timeout", () => {
    expect(regexBudget.defaultMatchTimeoutMs).toBe(60);
  });

  for (const [path, c] of Object.entries(CASES))
    it(`${path}: n = 40 goes to on-error with RegexMatchTimeoutException within ${c.budgetMs} ms + slack; short inputs answer`, async () => {
      const hostile = rawGet(`${base}${path}`, { "X-In": "a".repeat(40) + "!" });
      // sent while the hostile match runs: answered once the budget ends it
      const ordinary = rawGet(`${base}/ordinary`);
      const h = await hostile;
      expect(h.status).toBe(503);
      expect(h.body).toBe(`return-response|ExpressionValueEvaluationFailure|${TIMEOUT_MESSAGE}`);
      expect(h.elapsedMs).toBeGreaterThanOrEqual(c.budgetMs - 5);
      expect(h.elapsedMs).toBeLessThan(c.budgetMs + SLACK_MS);
      const o = await ordinary;
      expect([o.status, o.body]).toEqual([200, "ordinary"]);
      expect(o.elapsedMs).toBeLessThan(c.budgetMs + SLACK_MS);
      // .NET's answers on inputs it matches in time
      const benign = await rawGet(`${base}${path}`, { "X-In": "aaaa" });
      expect([benign.status, benign.body]).toEqual([200, path.startsWith("/replace") ? "no match" : "match"]);
      const miss = await rawGet(`${base}${path}`, { "X-In": "aab" });
      expect([miss.status, miss.body]).toEqual([200, "no match"]);
    });
});

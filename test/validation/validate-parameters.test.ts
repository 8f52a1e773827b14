// validate-parameters over both specifications: path, query and header parameters read with their
// styles (form/csv, pipeDelimited/pipes, simple) against their schemas (integer bounds, int32,
// enum items, maxItems, uuid format), multiple values, unspecified query parameters and headers,
// in each action, with location-level and per-parameter overrides.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { ACTIONS, doc, loggedErrors, SPECS, spec, type Action } from "./helpers.js";

const UUID = "7f1c0a52-3b8e-4d7a-9a61-5f0e2c9b8d14";

/** Requests to listPets / getPet, each breaking one rule (the expected error) or passing (null). */
const CASES: { name: string; op: string; path?: string; query?: string; headers?: Record<string, string | string[]>; error: null | { Name: string; Type: string; rule: string; details: RegExp } }[] = [
  { name: "no parameters", op: "listPets", error: null },
  { name: "integer in range", op: "listPets", query: "limit=10", error: null },
  { name: "integer over maximum", op: "listPets", query: "limit=101", error: { Name: "limit", Type: "QueryParameter", rule: "IncorrectMessage", details: /^Value of the query parameter limit does not conform to the definition\. Integer 101 exceeds maximum value of 100\. Line: 1, Position: 3$/ } },
  { name: "integer under minimum", op: "listPets", query: "limit=0", error: { Name: "limit", Type: "QueryParameter", rule: "IncorrectMessage", details: /Integer 0 is less than minimum value of 1\./ } },
  { name: "not a number", op: "listPets", query: "limit=ten", error: { Name: "limit", Type: "QueryParameter", rule: "IncorrectMessage", details: /Invalid type\. Expected Integer but got String\./ } },
  { name: "a float for an integer", op: "listPets", query: "limit=1.5", error: { Name: "limit", Type: "QueryParameter", rule: "IncorrectMessage", details: /Invalid type\. Expected Integer but got Float\./ } },
  { name: "multiple values of a scalar", op: "listPets", query: "limit=1&limit=2", error: { Name: "limit", Type: "QueryParameter", rule: "IncorrectMessage", details: /^Request cannot contain multiple values for the query parameter limit\.$/ } },
  { name: "comma-separated array, items in enum", op: "listPets", query: "tags=cat,dog", error: null },
  { name: "an item not in the enum", op: "listPets", query: "tags=cat,cow", error: { Name: "tags", Type: "QueryParameter", rule: "IncorrectMessage", details: /Value "cow" is not defined in enum\./ } },
  { name: "an enum value with a quote", op: "listPets", query: "tags=a'b", error: null },
  { name: "header uuid", op: "listPets", headers: { "X-Request-Id": UUID }, error: null },
  { name: "header not a uuid", op: "listPets", headers: { "X-Request-Id": "nope" }, error: { Name: "X-Request-Id", Type: "RequestHeader", rule: "IncorrectMessage", details: /^Value of the header X-Request-Id does not conform to the definition\. String 'nope' does not validate against format 'uuid'\./ } },
  { name: "header twice", op: "listPets", headers: { "X-Request-Id": [UUID, UUID] }, error: { Name: "X-Request-Id", Type: "RequestHeader", rule: "IncorrectMessage", details: /^Request cannot contain multiple values for the header X-Request-Id\.$/ } },
  { name: "unspecified query parameter", op: "listPets", query: "debug=1", error: { Name: "debug", Type: "QueryParameter", rule: "Unspecified", details: /^Unspecified query parameter debug is not allowed\.$/ } },
  { name: "unspecified header", op: "listPets", headers: { "X-Debug": "1" }, error: { Name: "X-Debug", Type: "RequestHeader", rule: "Unspecified", details: /^Unspecified header X-Debug is not allowed\.$/ } },
  { name: "query names are case-sensitive", op: "listPets", query: "Limit=5", error: { Name: "Limit", Type: "QueryParameter", rule: "Unspecified", details: /^Unspecified query parameter Limit is not allowed\.$/ } },
  { name: "header names are not", op: "listPets", headers: { "x-request-id": UUID }, error: null },
  { name: "path integer", op: "getPet", path: "/7", error: null },
  { name: "path under minimum", op: "getPet", path: "/0", error: { Name: "petId", Type: "PathParameter", rule: "IncorrectMessage", details: /^Value of the path parameter petId does not conform to the definition\. Integer 0 is less than minimum value of 1\./ } },
  { name: "path over int32", op: "getPet", path: "/4294967296", error: { Name: "petId", Type: "PathParameter", rule: "IncorrectMessage", details: /does not validate against format 'int32'/ } },
  { name: "path not a number", op: "getPet", path: "/abc", error: { Name: "petId", Type: "PathParameter", rule: "IncorrectMessage", details: /Invalid type\. Expected Integer but got String\./ } },
  { name: "pipe-delimited array within maxItems", op: "getPet", path: "/7", query: "fields=a|b", error: null },
  { name: "pipe-delimited array over maxItems", op: "getPet", path: "/7", query: "fields=a|b|c", error: { Name: "fields", Type: "QueryParameter", rule: "IncorrectMessage", details: /Array item count 3 exceeds maximum count of 2\./ } },
];

describe.each(SPECS)("validate-parameters, $name", (s) => {
  const run = (xml: string, c: (typeof CASES)[number]) =>
    runPolicy(xml, {
      specification: spec(s, c.op),
      urlTemplate: c.op === "getPet" ? `${s.base}/{petId}` : undefined,
      request: { url: `${s.base}${c.path ?? ""}${c.query ? `?${c.query}` : ""}`, headers: c.headers },
    });

  describe.each(ACTIONS)("actions %s", (action: Action) => {
    it.each(CASES)("$name", async (c) => {
      const xml = doc({ inbound: `<validate-parameters specified-parameter-action="${action}" unspecified-parameter-action="${action}" errors-variable-name="errs" /><set-variable name="after" value="1" />` });
      const r = await run(xml, c);
      const errs = loggedErrors(r.variables.errs);
      if (!c.error || action === "ignore") {
        expect([r.status, errs]).toEqual([200, undefined]);
        return;
      }
      expect(errs).toHaveLength(1);
      expect(errs![0]).toMatchObject({ Name: c.error.Name, Type: c.error.Type, ValidationRule: c.error.rule, Action: action });
      expect(errs![0]!.Details).toMatch(c.error.details);
      if (action === "detect") {
        expect([r.status, r.variables.after]).toEqual([200, "1"]);
        return;
      }
      expect(r.status).toBe(400);
      expect(r.variables).not.toHaveProperty("after");
      expect(r.lastError).toMatchObject({ Source: "validate-parameters", Reason: "Bad request", Message: errs![0]!.Details, Section: "inbound" });
      expect(JSON.parse(r.body).message).toBe(errs![0]!.Details);
    });
  });

  it("location elements override the top-level actions; <parameter> overrides both", async () => {
    const xml = doc({
      inbound: `<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent" errors-variable-name="errs">
        <headers specified-parameter-action="detect" unspecified-parameter-action="ignore"><parameter name="x-request-id" action="ignore" /><parameter name="X-Secret" action="prevent" /></headers>
        <query unspecified-parameter-action="detect"><parameter name="limit" action="detect" /></query>
      </validate-parameters>`,
    });
    const go = (query: string, headers: Record<string, string> = {}) => run(xml, { name: "", op: "listPets", query, headers, error: null });
    // Specified header, its own action ignore; any unspecified header ignored by <headers>.
    expect((await go("", { "X-Request-Id": "nope", "X-Other": "1" })).status).toBe(200);
    // An unspecified header named by <parameter> takes that action.
    expect((await go("", { "X-Secret": "1" })).lastError?.Message).toBe("Unspecified header X-Secret is not allowed.");
    // Query: limit's own detect; an unspecified one detect (from <query>); tags still prevent (top level).
    const r = await go("limit=1000&debug=1");
    expect(r.status).toBe(200);
    expect(loggedErrors(r.variables.errs)!.map((e) => [e.Name, e.ValidationRule, e.Action])).toEqual([
      ["limit", "IncorrectMessage", "detect"],
      ["debug", "Unspecified", "detect"],
    ]);
    expect((await go("tags=cow")).status).toBe(400);
  });

  it("with unspecified-parameter-action=prevent, ordinary headers are unspecified too (the reference example ignores Host, User-Agent)", async () => {
    const xml = doc({ inbound: `<validate-parameters specified-parameter-action="prevent" unspecified-parameter-action="prevent"><headers><parameter name="Host" action="ignore" /></headers></validate-parameters>` });
    const ua = await run(xml, { name: "", op: "listPets", headers: { Host: "example.com", "User-Agent": "test" }, error: null });
    expect(ua.lastError?.Message).toBe("Unspecified header User-Agent is not allowed.");
    // Transport headers and Content-Type are never parameters.
    const ok = await run(xml, { name: "", op: "listPets", headers: { Host: "example.com", Connection: "keep-alive", "Content-Type": "application/json" }, error: null });
    expect(ok.status).toBe(200);
  });

  it("actions may be expressions", async () => {
    const xml = doc({ inbound: `<validate-parameters specified-parameter-action="@(context.Request.Headers.GetValueOrDefault(&quot;X-Mode&quot;, &quot;ignore&quot;))" unspecified-parameter-action="ignore" />` });
    expect((await run(xml, { name: "", op: "listPets", query: "limit=0", error: null })).status).toBe(200);
    expect((await run(xml, { name: "", op: "listPets", query: "limit=0", headers: { "X-Mode": "prevent" }, error: null })).status).toBe(400);
    expect((await run(xml, { name: "", op: "listPets", query: "limit=0", headers: { "X-Mode": "block" }, error: null })).lastError?.Reason).toBe("ExpressionValueEvaluationFailure");
  });
});

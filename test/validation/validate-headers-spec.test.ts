// validate-headers with the API's specification, over both specifications: response headers the
// operation's response (for the status) defines are specified and validated against their schemas;
// others are unspecified; <header> overrides either; each action.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { ACTIONS, doc, loggedErrors, SPECS, spec } from "./helpers.js";

const CASES: { name: string; status: number; headers: Record<string, string | string[]>; error: null | { Name: string; rule: string; details: RegExp; unspecified: boolean } }[] = [
  { name: "defined header conforms", status: 200, headers: { "X-Total": "3" }, error: null },
  { name: "defined header below minimum", status: 200, headers: { "X-Total": "-1" }, error: { Name: "X-Total", rule: "IncorrectMessage", details: /^Value of the header X-Total does not conform to the definition\. Integer -1 is less than minimum value of 0\. Line: 1, Position: 2$/, unspecified: false } },
  { name: "defined header not a number", status: 200, headers: { "X-Total": "many" }, error: { Name: "X-Total", rule: "IncorrectMessage", details: /Invalid type\. Expected Integer but got String\./, unspecified: false } },
  { name: "defined header twice", status: 200, headers: { "X-Total": ["1", "2"] }, error: { Name: "X-Total", rule: "IncorrectMessage", details: /^Response cannot contain multiple values for the header X-Total\.$/, unspecified: false } },
  { name: "header names are case-insensitive", status: 200, headers: { "x-total": "3" }, error: null },
  { name: "an undefined header", status: 200, headers: { "X-Powered-By": "php" }, error: { Name: "X-Powered-By", rule: "Unspecified", details: /^Unspecified header X-Powered-By is not allowed\.$/, unspecified: true } },
  { name: "a header another status defines", status: 400, headers: { "X-Total": "3" }, error: { Name: "X-Total", rule: "Unspecified", details: /^Unspecified header X-Total is not allowed\.$/, unspecified: true } },
  { name: "transport headers and Content-Type", status: 200, headers: { "Content-Type": "application/json", Connection: "keep-alive" }, error: null },
];

describe.each(SPECS)("validate-headers with a specification, $name", (s) => {
  describe.each(ACTIONS)("action %s", (action) => {
    it.each(CASES)("$name", async (c) => {
      for (const [specified, unspecified] of [
        [action, "ignore"],
        ["ignore", action],
      ] as const) {
        const xml = doc({ outbound: `<validate-headers specified-header-action="${specified}" unspecified-header-action="${unspecified}" errors-variable-name="errs" /><set-variable name="after" value="1" />` });
        const r = await runPolicy(xml, { specification: spec(s, "listPets"), backend: () => ({ status: c.status, headers: c.headers, body: "" }) });
        const errs = loggedErrors(r.variables.errs);
        const applies = c.error && (c.error.unspecified ? unspecified : specified) === action && action !== "ignore";
        if (!applies) {
          expect([r.status, errs]).toEqual([c.status, undefined]);
          continue;
        }
        expect(errs).toHaveLength(1);
        expect(errs![0]).toMatchObject({ Name: c.error!.Name, Type: "ResponseHeader", ValidationRule: c.error!.rule, Action: action });
        expect(errs![0]!.Details).toMatch(c.error!.details);
        if (action === "detect") expect([r.status, r.variables.after]).toEqual([c.status, "1"]);
        else {
          expect(r.status).toBe(502);
          expect(r.lastError).toMatchObject({ Source: "validate-headers", Reason: "Response not allowed", Message: errs![0]!.Details });
        }
      }
    });
  });

  it("<header> overrides the specified and the unspecified action", async () => {
    const xml = doc({ outbound: `<validate-headers specified-header-action="prevent" unspecified-header-action="prevent" errors-variable-name="errs"><header name="x-total" action="detect" /><header name="X-Powered-By" action="ignore" /></validate-headers>` });
    const r = await runPolicy(xml, { specification: spec(s, "listPets"), backend: () => ({ status: 200, headers: { "X-Total": "-5", "X-Powered-By": "php" } }) });
    expect(r.status).toBe(200);
    expect(loggedErrors(r.variables.errs)!.map((e) => [e.Name, e.ValidationRule, e.Action])).toEqual([["X-Total", "IncorrectMessage", "detect"]]);
  });

  it("compiles without the no-specification warnings", async () => {
    const { compile } = await import("../../compiler/index.js");
    const { specificationSource } = await import("../../compiler/validation/openapi.js");
    const r = compile(doc({ outbound: `<validate-headers specified-header-action="prevent" unspecified-header-action="prevent" />` }), { apiSpecification: specificationSource(spec(s, "listPets")) });
    expect(r.diagnostics).toEqual([]);
  });
});

// validate-status-code over both specifications: every status class against listed codes, "4XX"
// ranges (OpenAPI 3) and "default" responses, in each action, with <status-code> overrides
// (which apply only to codes the specification does not specify).
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { ACTIONS, doc, loggedErrors, SPECS, spec } from "./helpers.js";

const STATUSES = [200, 201, 204, 301, 400, 404, 418, 500, 503];

/** listPets: OpenAPI 3 lists 200 and 4XX; OpenAPI 2 lists 200 and 400. createPet has a default response in both. */
const specifiedIn = (specName: string, op: string, status: number): boolean =>
  op === "createPet" || status === 200 || (specName.startsWith("OpenAPI 3") ? status >= 400 && status < 500 : status === 400);

describe.each(SPECS)("validate-status-code, $name", (s) => {
  describe.each(ACTIONS)("unspecified-status-code-action=%s", (action) => {
    it.each(["listPets", "createPet"])("%s: every status", async (op) => {
      const xml = doc({ outbound: `<validate-status-code unspecified-status-code-action="${action}" errors-variable-name="errs" /><set-variable name="after" value="1" />` });
      for (const status of STATUSES) {
        const r = await runPolicy(xml, { specification: spec(s, op), backend: () => ({ status }) });
        const errs = loggedErrors(r.variables.errs);
        if (specifiedIn(s.name, op, status) || action === "ignore") {
          expect([status, r.status, errs]).toEqual([status, status, undefined]);
          continue;
        }
        const error = { Name: String(status), Type: "StatusCode", ValidationRule: "Unspecified", Details: `Response status code ${status} is not allowed.`, Action: action };
        expect(errs).toEqual([error]);
        if (action === "detect") expect([r.status, r.variables.after]).toEqual([status, "1"]);
        else {
          expect(r.status).toBe(502);
          expect(r.variables).not.toHaveProperty("after");
          expect(r.lastError).toMatchObject({ Source: "validate-status-code", Reason: "Response not allowed", Message: error.Details, Section: "outbound" });
        }
      }
    });
  });

  it("<status-code> overrides the action of an unspecified code, not of a specified one", async () => {
    const xml = doc({
      outbound: `<validate-status-code unspecified-status-code-action="prevent" errors-variable-name="errs"><status-code code="503" action="detect" /><status-code code="500" action="ignore" /><status-code code="200" action="prevent" /></validate-status-code>`,
    });
    const run = (status: number) => runPolicy(xml, { specification: spec(s, "listPets"), backend: () => ({ status }) });
    expect((await run(503)).status).toBe(503);
    expect(loggedErrors((await run(503)).variables.errs)?.[0]?.Action).toBe("detect");
    expect((await run(500)).status).toBe(500);
    expect((await run(500)).variables).not.toHaveProperty("errs");
    expect((await run(200)).status).toBe(200);
    expect((await run(302)).status).toBe(502);
  });

  it("in on-error: checks the error response", async () => {
    const xml = doc({ inbound: `<set-variable name="x" value="@(1/int.Parse(&quot;0&quot;))" />`, onError: `<validate-status-code unspecified-status-code-action="detect" errors-variable-name="errs" />` });
    const r = await runPolicy(xml, { specification: spec(s, "listPets") });
    expect(r.status).toBe(500);
    expect(loggedErrors(r.variables.errs)).toEqual([{ Name: "500", Type: "StatusCode", ValidationRule: "Unspecified", Details: "Response status code 500 is not allowed.", Action: "detect" }]);
  });
});

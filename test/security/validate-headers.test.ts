// validate-headers without an API schema: headers named by <header> children take their action
// (multiple values are the one checkable rule); every other response header is unspecified.
// prevent → 502 "Response not allowed" through on-error; detect → only the errors variable.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { diagnostics, doc, errorCodes } from "./helpers.js";

const backend = (headers: Record<string, string | string[]>) => () => ({ status: 200, headers: { "Content-Type": "application/json", ...headers }, body: "{}" });
const policy = (attrs: string, children = "", onError?: string) =>
  doc({ backend: "<forward-request/>", outbound: `<validate-headers ${attrs}>${children}</validate-headers><set-variable name="after" value="1" />`, onError });

describe("validate-headers", () => {
  it("unspecified-header-action=prevent: an unlisted header ends with 502 'Response not allowed'", async () => {
    const r = await runPolicy(policy(`specified-header-action="ignore" unspecified-header-action="prevent" errors-variable-name="errs"`), { backend: backend({ "X-Internal": "1" }) });
    expect(r.status).toBe(502);
    expect(r.variables).not.toHaveProperty("after");
    expect(r.lastError).toMatchObject({ Source: "validate-headers", Reason: "Response not allowed", Message: "Unspecified header X-Internal is not allowed.", Section: "outbound" });
    expect(JSON.parse(String(r.variables.errs))).toEqual([{ Name: "X-Internal", Type: "ResponseHeader", ValidationRule: "Unspecified", Details: "Unspecified header X-Internal is not allowed.", Action: "prevent" }]);
  });

  it("listed headers take their own action; Content-Type and transport headers are never reported", async () => {
    const children = `<header name="X-Trace" action="ignore" /><header name="X-Request-Id" action="detect" />`;
    const r = await runPolicy(policy(`specified-header-action="ignore" unspecified-header-action="prevent"`, children), {
      backend: backend({ "X-Trace": ["a", "b"], "X-Request-Id": "r1", "Content-Length": "2", Connection: "keep-alive" }),
    });
    expect(r.status).toBe(200);
    expect(r.variables).toMatchObject({ after: "1" });
  });

  it("detect logs to the errors variable without interrupting; multiple values of a listed header are reported", async () => {
    const xml = policy(`specified-header-action="detect" unspecified-header-action="detect" errors-variable-name="errs"`, `<header name="X-One" action="detect" />`);
    const r = await runPolicy(xml, { backend: backend({ "X-One": ["1", "2"], "X-Other": "y" }) });
    expect(r.status).toBe(200);
    expect(r.variables.after).toBe("1");
    const errs = JSON.parse(String(r.variables.errs)) as { Name: string; ValidationRule: string; Action: string }[];
    expect(errs.map((e) => [e.Name, e.ValidationRule, e.Action])).toEqual([
      ["X-One", "IncorrectMessage", "detect"],
      ["X-Other", "Unspecified", "detect"],
    ]);
    const clean = await runPolicy(xml, { backend: backend({}) });
    expect(clean.variables).not.toHaveProperty("errs");
  });

  it("actions may be expressions; on-error sees the failure and may replace the response", async () => {
    const xml = policy(
      `specified-header-action="ignore" unspecified-header-action="@(&quot;prev&quot; + &quot;ent&quot;)"`,
      "",
      `<set-variable name="reason" value="@(context.LastError.Reason)" /><set-status code="500" reason="Nope" />`,
    );
    const r = await runPolicy(xml, { backend: backend({ "X-A": "1" }) });
    expect(r.status).toBe(500);
    expect(r.variables).toMatchObject({ reason: "Response not allowed" });
    const bad = await runPolicy(policy(`specified-header-action="ignore" unspecified-header-action="@(&quot;block&quot;)"`), { backend: backend({}) });
    expect(bad.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure" });
  });

  it("diagnostics and warnings", () => {
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" />` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="block" />` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore" errors-variable-name="@(&quot;x&quot;)" />` }))).toEqual(["APIMC2007"]);
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore"><header name="X" /></validate-headers>` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore"><header name="X" action="skip" /></validate-headers>` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore"><parameter name="X" action="ignore" /></validate-headers>` }))).toEqual(["APIMC2009"]);
    expect(errorCodes(doc({ inbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore" />` }))).toEqual(["APIMC2006"]);
    expect(errorCodes(doc({ onError: `<validate-headers specified-header-action="ignore" unspecified-header-action="ignore" />` }))).toEqual([]);
    const corpus = doc({ outbound: `<validate-headers specified-header-action="ignore" unspecified-header-action="prevent" errors-variable-name="responseHeadersValidation" />` });
    expect(errorCodes(corpus)).toEqual([]);
    expect(diagnostics(corpus, "warning").map((d) => d.message).join("\n")).toMatch(/no API schema/);
    expect(diagnostics(doc({ outbound: `<validate-headers specified-header-action="prevent" unspecified-header-action="ignore" />` }), "warning").map((d) => d.message).join("\n")).toMatch(/'specified-header-action' has no effect/);
  });
});

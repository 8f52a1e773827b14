// validate-content against the operation's schemas, over both specifications (OpenAPI 3 YAML and
// OpenAPI 2 JSON of the same API), every action, request (inbound: 400 "Bad request") and response
// (outbound: 502 "Response not allowed"): size limit, unspecified content types, and the schema
// rules (required, type, enum, pattern, lengths, bounds, exclusive bounds, formats, nullable,
// additionalProperties and its override, recursive $refs, allOf), each with a body that passes.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { ACTIONS, doc, loggedErrors, SPECS, spec, type Action } from "./helpers.js";

const valid = { name: "Rex", kind: "dog", age: 0, weight: 1.5, nickname: null, owner: { email: "a@example.com", friend: { email: "b@example.com" } } };

/** Request bodies for createPet's NewPet: each breaks one rule (the message names it) or passes (null). */
const BODIES: { name: string; body: unknown; message: RegExp | null }[] = [
  { name: "valid, every property", body: valid, message: null },
  { name: "valid, required only", body: { name: "Rex", kind: "cat" }, message: null },
  { name: "nullable property null", body: { name: "Rex", kind: "cat", nickname: null }, message: null },
  { name: "exclusiveMinimum false keeps minimum inclusive", body: { name: "Rex", kind: "cat", age: 0 }, message: null },
  { name: "required missing", body: { kind: "cat" }, message: /Required properties are missing from object: name\. Line: 1, Position: 14$/ },
  { name: "wrong type", body: { name: 5, kind: "cat" }, message: /Invalid type\. Expected String but got Integer\. Line: 1, Position: 9$/ },
  { name: "not in enum", body: { name: "Rex", kind: "cow" }, message: /Value "cow" is not defined in enum\./ },
  { name: "pattern", body: { name: "R3x", kind: "cat" }, message: /String 'R3x' does not match regex pattern '\^\[A-Za-z \]\+\$'\./ },
  { name: "maxLength", body: { name: "x".repeat(21), kind: "cat" }, message: /String 'x{21}' exceeds maximum length of 20\./ },
  { name: "minLength", body: { name: "", kind: "cat" }, message: /String '' is less than minimum length of 1\./ },
  { name: "minimum", body: { name: "Rex", kind: "cat", age: -1 }, message: /Integer -1 is less than minimum value of 0\./ },
  { name: "exclusiveMinimum true", body: { name: "Rex", kind: "cat", weight: 0 }, message: /Integer 0 is less than or equal to minimum value of 0\./ },
  { name: "integer gets a float", body: { name: "Rex", kind: "cat", age: 1.5 }, message: /Invalid type\. Expected Integer but got Float\./ },
  { name: "null where not nullable", body: { name: null, kind: "cat" }, message: /Invalid type\. Expected String but got Null\./ },
  { name: "format email", body: { name: "Rex", kind: "cat", owner: { email: "nope" } }, message: /String 'nope' does not validate against format 'email'\./ },
  { name: "additionalProperties false", body: { name: "Rex", kind: "cat", owner: { email: "a@example.com", extra: 1 } }, message: /Property 'extra' has not been defined and the schema does not allow additional properties\./ },
  { name: "recursive $ref", body: { name: "Rex", kind: "cat", owner: { email: "a@example.com", friend: { email: 7 } } }, message: /Invalid type\. Expected String but got Integer\./ },
  { name: "not JSON", body: "{not json", message: /The body is not valid JSON\./ },
];

const contentPolicy = (action: Action, extra = "") =>
  `<validate-content unspecified-content-type-action="${action}" max-size="102400" size-exceeded-action="${action}" errors-variable-name="errs"${extra}><content type="application/json" validate-as="json" action="${action}" /></validate-content><set-variable name="after" value="1" />`;

function expectOutcome(r: Awaited<ReturnType<typeof runPolicy>>, action: Action, failing: { rule: string; message: RegExp } | null, request: boolean, okStatus = 200) {
  const errs = loggedErrors(r.variables.errs);
  if (!failing || action === "ignore") {
    expect(r.status).toBe(okStatus);
    expect(r.variables.after).toBe("1");
    expect(errs).toBeUndefined();
    return;
  }
  expect(errs).toHaveLength(1);
  expect(errs![0]).toMatchObject({ Type: request ? "RequestBody" : "ResponseBody", ValidationRule: failing.rule, Action: action });
  expect(errs![0]!.Details).toMatch(failing.message);
  if (action === "detect") {
    expect(r.status).toBe(okStatus);
    expect(r.variables.after).toBe("1");
    return;
  }
  expect(r.status).toBe(request ? 400 : 502);
  expect(r.variables).not.toHaveProperty("after");
  expect(r.lastError).toMatchObject({ Source: "validate-content", Reason: request ? "Bad request" : "Response not allowed", Message: errs![0]!.Details, Section: request ? "inbound" : "outbound" });
  // The client sees the details for a request (400), not for a response (a 5xx hides them).
  expect(JSON.parse(r.body).message).toBe(request ? errs![0]!.Details : "Internal server error");
}

describe.each(SPECS)("validate-content, $name", (s) => {
  const op = spec(s, "createPet");
  const post = (body: string, contentType: string | null = "application/json", headers: Record<string, string> = {}) => ({
    method: "POST",
    url: s.base,
    headers: { ...(contentType === null ? {} : { "Content-Type": contentType }), ...headers },
    body,
  });

  describe.each(ACTIONS)("action %s", (action) => {
    it.each(BODIES)("request body: $name", async ({ body, message }) => {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      const r = await runPolicy(doc({ inbound: contentPolicy(action) }), { specification: op, request: post(text) });
      const definition = s.name.startsWith("OpenAPI 3") ? "NewPet" : "NewPet";
      expectOutcome(r, action, message && { rule: "IncorrectMessage", message: new RegExp(`^Body of the request does not conform to the definition ${definition}, which is associated with the content type application/json\\. .*${message.source}`) }, true);
    });

    it.each(BODIES.filter((b) => typeof b.body !== "string"))("response body (201 Pet = NewPet + id): $name", async ({ body, message }) => {
      const r = await runPolicy(doc({ outbound: contentPolicy(action) }), {
        specification: op,
        request: post("{}"),
        backend: () => ({ status: 201, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify({ id: 1, ...(body as object) }) }),
      });
      // Positions differ from the request's (the body starts with "id"): the message without them.
      const words = message?.source.replace(/ Line: .*\$$/, "");
      expectOutcome(r, action, message && { rule: "IncorrectMessage", message: new RegExp(`^Body of the response does not conform to the definition Pet, which is associated with the content type application/json\\. .*${words}`) }, false, 201);
    });

    it("size over max-size: SizeLimit, before the schema", async () => {
      const xml = doc({ inbound: contentPolicy(action).replace('max-size="102400"', 'max-size="10"') });
      const text = JSON.stringify({ name: "Rex", kind: "cat" });
      const r = await runPolicy(xml, { specification: op, request: post(text) });
      expectOutcome(r, action, { rule: "SizeLimit", message: new RegExp(`^Request's body is ${text.length} bytes long and it exceeds the configured limit of 10 bytes\\.$`) }, true);
      const at = await runPolicy(xml, { specification: op, request: post(text.slice(0, 10).padEnd(10)) });
      expect(loggedErrors(at.variables.errs)?.some((e) => e.ValidationRule === "SizeLimit") ?? false).toBe(false);
    });

    it("a content type the operation does not list: Unspecified", async () => {
      const r = await runPolicy(doc({ inbound: contentPolicy(action) }), { specification: op, request: post("<pet/>", "text/xml") });
      expectOutcome(r, action, { rule: "Unspecified", message: /^Unspecified content type text\/xml is not allowed\.$/ }, true);
      if (action !== "ignore") expect(loggedErrors(r.variables.errs)![0]!.Name).toBe("text/xml");
    });

    it("a response content type the status does not list: Unspecified", async () => {
      const r = await runPolicy(doc({ outbound: contentPolicy(action) }), {
        specification: op,
        request: post("{}"),
        backend: () => ({ status: 201, headers: { "Content-Type": "text/html" }, body: "<p>hi</p>" }),
      });
      expectOutcome(r, action, { rule: "Unspecified", message: /^Unspecified content type text\/html is not allowed\.$/ }, false, 201);
    });
  });

  it("the default response covers statuses the operation does not list (500 Problem)", async () => {
    const run = (body: unknown) =>
      runPolicy(doc({ outbound: contentPolicy("prevent") }), { specification: op, request: post("{}"), backend: () => ({ status: 500, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }) });
    expect((await run({ title: "boom" })).status).toBe(500);
    const bad = await run({ detail: "no title" });
    expect(bad.status).toBe(502);
    expect(bad.lastError?.Message).toMatch(/definition Problem.*Required properties are missing from object: title\./);
  });

  it("content-type-map: missing, from and when map to the validated type; any overrides the incoming one", async () => {
    const map = (m: string) => doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" errors-variable-name="errs">${m}<content type="application/json" validate-as="json" action="prevent" /></validate-content>` });
    const bad = JSON.stringify({ kind: "cat" });
    const missing = map(`<content-type-map missing-content-type-value="application/json" />`);
    expect((await runPolicy(missing, { specification: op, request: post(bad, null) })).lastError?.Message).toMatch(/Required properties are missing/);
    const from = map(`<content-type-map><type from="application/hal+json" to="application/json" /></content-type-map>`);
    expect((await runPolicy(from, { specification: op, request: post(bad, "application/hal+json") })).lastError?.Message).toMatch(/Required properties are missing/);
    const when = map(`<content-type-map><type when="@(context.Request.Headers.GetValueOrDefault(&quot;Content-Type&quot;, &quot;&quot;).Contains(&quot;+json&quot;))" to="application/json" /></content-type-map>`);
    expect((await runPolicy(when, { specification: op, request: post(bad, "application/vnd.pet+json") })).lastError?.Message).toMatch(/Required properties are missing/);
    expect((await runPolicy(when, { specification: op, request: post(bad, "application/x-other") })).lastError?.Message).toBe("Unspecified content type application/x-other is not allowed.");
    const any = map(`<content-type-map any-content-type-value="application/json"><type from="text/csv" to="text/plain" /></content-type-map>`);
    expect((await runPolicy(any, { specification: op, request: post(bad, "text/xml") })).lastError?.Message).toMatch(/Required properties are missing/);
    // <type> wins over any-content-type-value: text/plain is specified without a schema in the
    // OpenAPI 3 document (it passes); OpenAPI 2 does not list it for this operation (Unspecified).
    const csv = await runPolicy(any, { specification: op, request: post(bad, "text/csv") });
    if (s.name.startsWith("OpenAPI 3")) expect(csv.status).toBe(200);
    else expect(csv.lastError?.Message).toBe("Unspecified content type text/plain is not allowed.");
  });

  it("a content type specified without a schema passes any body; no <content> element checks only size and type", async () => {
    const plain = await runPolicy(doc({ inbound: contentPolicy("prevent") }), { specification: op, request: post("anything", "text/plain") });
    expect(plain.status).toBe(s.name.startsWith("OpenAPI 3") ? 200 : 400);
    const noContent = doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent" />` });
    expect((await runPolicy(noContent, { specification: op, request: post(JSON.stringify({ kind: 1 })) })).status).toBe(200);
    expect((await runPolicy(noContent, { specification: op, request: post("x", "text/xml") })).status).toBe(400);
  });

  it("allow-additional-properties overrides the schema's additionalProperties both ways", async () => {
    const xml = (allow: string) =>
      doc({ inbound: `<validate-content unspecified-content-type-action="prevent" max-size="1024" size-exceeded-action="prevent"><content type="application/json" validate-as="json" action="prevent" allow-additional-properties="${allow}" /></validate-content>` });
    const extraTop = JSON.stringify({ name: "Rex", kind: "cat", color: "red" });
    const extraOwner = JSON.stringify({ name: "Rex", kind: "cat", owner: { email: "a@example.com", extra: 1 } });
    expect((await runPolicy(xml("false"), { specification: op, request: post(extraTop) })).lastError?.Message).toMatch(/Property 'color' has not been defined/);
    expect((await runPolicy(xml("true"), { specification: op, request: post(extraOwner) })).status).toBe(200);
    expect((await runPolicy(xml("true"), { specification: op, request: post(extraTop) })).status).toBe(200);
  });

  it("actions may be expressions; on-error sees the failure", async () => {
    const xml = doc({
      inbound: `<validate-content unspecified-content-type-action="@(&quot;pre&quot; + &quot;vent&quot;)" max-size="1024" size-exceeded-action="ignore" />`,
      onError: `<set-variable name="reason" value="@(context.LastError.Reason)" /><set-status code="415" reason="Nope" />`,
    });
    const r = await runPolicy(xml, { specification: op, request: post("x", "text/xml") });
    expect(r.status).toBe(415);
    expect(r.variables.reason).toBe("Bad request");
  });
});

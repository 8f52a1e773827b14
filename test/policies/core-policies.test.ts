// set-variable, choose, return-response, set-status, set-body, on-error and LastError, and the
// parts of send-request / send-one-way-request that need no network (mode copy, bodies, trace).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { closedPort, startServer, type TestServer } from "../helpers/servers.js";

const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound>${s.backend === undefined ? "" : `<backend>${s.backend}</backend>`}<outbound>${s.outbound ?? ""}</outbound><on-error>${s.onError ?? ""}</on-error></policies>`;

describe("set-variable", () => {
  it("stores a literal as a string and an expression as its typed value", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="a" value="42" /><set-variable name="b" value="@(40 + 2)" /><set-variable name="c" value="@(true)" />` }));
    expect(r.variables).toMatchObject({ a: "42", b: 42, c: true });
  });
  it("keeps the C# type of a stored number: a double 5.0 unboxes as double, not as int", async () => {
    const ok = await runPolicy(doc({ inbound: `<set-variable name="d" value="@(10.0 / 2)" /><set-variable name="back" value="@((double)context.Variables["d"] + 0.5)" />` }));
    expect(ok.variables).toMatchObject({ d: 5, back: 5.5 });
    const bad = await runPolicy(doc({ inbound: `<set-variable name="d" value="@(10.0 / 2)" /><set-variable name="i" value="@((int)context.Variables["d"])" />` }));
    expect(bad.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Path: "set-variable[2]" });
    expect(bad.lastError!.Message).toContain("Unable to cast object of type 'System.Double' to type 'System.Int32'");
  });

  it("stores JObject values, as Microsoft's own fragment examples do", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="j" value="@(new JObject(new JProperty("a", 7)))" /><set-variable name="a" value="@((int)((JObject)context.Variables["j"])["a"])" />` }));
    expect(r.variables.a).toBe(7);
  });
  it("stores a parsed Jwt, as Microsoft's oauth-proxy sample does, and (Jwt) reads it back", async () => {
    const token = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ name: "Ann" })).toString("base64url")}.c2ln`;
    const r = await runPolicy(
      doc({ inbound: `<set-variable name="j" value="@(context.Request.Headers.GetValueOrDefault(&quot;X-T&quot;, &quot;&quot;).AsJwt())" /><set-variable name="n" value="@(((Jwt)context.Variables[&quot;j&quot;]).Claims[&quot;name&quot;][0])" />` }),
      { request: { headers: { "X-T": token } } },
    );
    expect(r.lastError).toBeUndefined();
    expect(r.variables.n).toBe("Ann");
  });
  it("rejects other non-scalar types at compile time", async () => {
    await expect(runPolicy(doc({ inbound: `<set-variable name="l" value="@(new List<int>())" />` }))).rejects.toThrow(/APIMC3006/);
  });
  it("overwrites, and later expressions see the value", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="a" value="1" /><set-variable name="a" value="@((string)context.Variables["a"] + "2")" />` }));
    expect(r.variables.a).toBe("12");
  });
});

describe("choose", () => {
  const xml = doc({
    inbound: `<choose>
      <when condition="@(context.Request.Method == "POST")"><set-variable name="branch" value="post" /></when>
      <when condition="@(context.Request.Headers.ContainsKey("X-A"))"><set-variable name="branch" value="header" /></when>
      <when condition="@(context.Request.Headers.ContainsKey("X-A"))"><set-variable name="branch" value="never: second true" /></when>
      <otherwise><set-variable name="branch" value="otherwise" /></otherwise>
    </choose>`,
  });
  it("runs the first true when only", async () => {
    expect((await runPolicy(xml, { request: { method: "POST", headers: { "X-A": "1" } } })).variables.branch).toBe("post");
    expect((await runPolicy(xml, { request: { headers: { "X-A": "1" } } })).variables.branch).toBe("header");
  });
  it("runs otherwise when nothing is true", async () => {
    expect((await runPolicy(xml)).variables.branch).toBe("otherwise");
  });
  it("nests", async () => {
    const r = await runPolicy(doc({ inbound: `<choose><when condition="true"><choose><when condition="@(1 > 2)"><set-variable name="x" value="a"/></when><otherwise><set-variable name="x" value="b"/></otherwise></choose></when></choose>` }));
    expect(r.variables.x).toBe("b");
  });
});

describe("return-response, set-status, set-body", () => {
  it("ends the pipeline: no backend call, no outbound", async () => {
    let called = false;
    const r = await runPolicy(
      doc({
        inbound: `<return-response><set-status code="418" reason="I'm a teapot" /><set-header name="X-A"><value>1</value></set-header><set-body>short and stout</set-body></return-response><set-variable name="after" value="1" />`,
        backend: "<base/>",
        outbound: `<set-header name="X-Outbound"><value>ran</value></set-header>`,
      }),
      { backend: () => ((called = true), { status: 200 }) },
    );
    expect(r).toMatchObject({ status: 418, reason: "I'm a teapot", body: "short and stout" });
    expect(r.headers["x-a"]).toEqual(["1"]);
    expect(r.headers["x-outbound"]).toBeUndefined();
    expect(r.variables).not.toHaveProperty("after");
    expect(called).toBe(false);
  });

  it("returns 200 OK with no body by default", async () => {
    const r = await runPolicy(doc({ inbound: "<return-response />" }));
    expect(r).toMatchObject({ status: 200, reason: "OK", body: "" });
  });

  it("returns a send-request response held in a variable, edited by its children", async () => {
    const server = await startServer((_req, res) => {
      res.setHeader("X-From", "server");
      res.statusCode = 202;
      res.end("stored");
    });
    try {
      const r = await runPolicy(
        doc({
          inbound: `<send-request mode="new" response-variable-name="resp"><set-url>${server.url}/</set-url><set-method>GET</set-method></send-request>
          <return-response response-variable-name="resp"><set-header name="X-Added"><value>yes</value></set-header></return-response>`,
        }),
      );
      expect(r.status).toBe(202);
      expect(r.body).toBe("stored");
      expect(r.headers["x-from"]).toEqual(["server"]);
      expect(r.headers["x-added"]).toEqual(["yes"]);
    } finally {
      await server.close();
    }
  });

  it("set-status and set-body in outbound change the backend's response", async () => {
    const r = await runPolicy(doc({ backend: "<base/>", outbound: `<set-status code="299" reason="Custom" /><set-body>@("was: " + context.Response.Body.As<string>())</set-body>` }), {
      backend: () => ({ status: 200, body: "original" }),
    });
    expect(r).toMatchObject({ status: 299, reason: "Custom", body: "was: original" });
  });

  it("set-body in inbound replaces the request body sent to the backend; a JObject is serialized", async () => {
    const r = await runPolicy(doc({ inbound: `<set-body>@(new JObject(new JProperty("a", 1)).ToString())</set-body>`, backend: "<base/>" }), {
      request: { method: "POST", body: "old" },
    });
    expect(JSON.parse(r.backendRequest!.body)).toEqual({ a: 1 });
  });
});

describe("IMessageBody consumption rule", () => {
  it("a second read without preserveContent fails; with preserveContent it works", async () => {
    const ok = await runPolicy(doc({ inbound: `<set-variable name="a" value="@(context.Request.Body.As<string>(preserveContent: true))" /><set-variable name="b" value="@(context.Request.Body.As<string>())" />` }), {
      request: { method: "POST", body: "x" },
    });
    expect(ok.variables).toMatchObject({ a: "x", b: "x" });
    const bad = await runPolicy(doc({ inbound: `<set-variable name="a" value="@(context.Request.Body.As<string>())" /><set-variable name="b" value="@(context.Request.Body.As<string>())" />` }), {
      request: { method: "POST", body: "x" },
    });
    expect(bad.status).toBe(500);
    expect(bad.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Path: "set-variable[2]" });
  });
});

describe("on-error and LastError", () => {
  it("an expression failure skips the rest and runs on-error with every LastError field", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<set-variable name="ok" value="1" /><choose><when condition="true"><set-variable id="boom" name="x" value="@((string)context.Variables["missing"])" /></when></choose><set-variable name="after" value="1" />`,
        onError: `<set-variable name="source" value="@(context.LastError.Source)" />
          <set-variable name="reason" value="@(context.LastError.Reason)" />
          <set-variable name="message" value="@(context.LastError.Message)" />
          <set-variable name="scope" value="@(context.LastError.Scope)" />
          <set-variable name="section" value="@(context.LastError.Section)" />
          <set-variable name="path" value="@(context.LastError.Path)" />
          <set-variable name="policyId" value="@(context.LastError.PolicyId)" />
          <set-status code="500" reason="Oops" />`,
      }),
    );
    expect(r.variables).toMatchObject({
      ok: "1",
      source: "set-variable",
      reason: "ExpressionValueEvaluationFailure",
      scope: "operation",
      section: "inbound",
      path: "choose[1]\\when[1]\\set-variable[1]",
      policyId: "boom",
    });
    expect(r.variables.message).toContain("missing");
    expect(r.variables).not.toHaveProperty("after");
    expect(r).toMatchObject({ status: 500, reason: "Oops" });
  });

  it("without on-error, the client gets APIM's default error body", async () => {
    const r = await runPolicy(`<policies><inbound><set-variable name="x" value="@((string)context.Variables["missing"])" /></inbound></policies>`);
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toMatchObject({ statusCode: 500, message: "Internal server error" });
  });

  it("an error inside on-error ends with the default error response", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="x" value="@((string)context.Variables["a"])" />`, onError: `<set-variable name="y" value="@((string)context.Variables["b"])" />` }));
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Section: "on-error", Reason: "ExpressionValueEvaluationFailure" });
    expect(JSON.parse(r.body).statusCode).toBe(500);
  });

  it("a computed protected header name raises HeaderNotAllowed at run time", async () => {
    const r = await runPolicy(doc({ inbound: `<set-header name="@("Content-" + "Length")"><value>1</value></set-header>` }));
    expect(r.lastError).toMatchObject({ Reason: "HeaderNotAllowed", Source: "set-header" });
  });

  it("forwarding failures: connection refused is BackendConnectionFailure with status 500", async () => {
    const port = await closedPort();
    const r = await runPolicy(doc({ backend: "<forward-request timeout=\"2\" />" }), { backend: `http://127.0.0.1:${port}` });
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "forward-request", Reason: "BackendConnectionFailure", Section: "backend" });
  });
});

describe("send-request without the network's help", () => {
  let echo: TestServer;
  beforeAll(async () => {
    echo = await startServer((req, res) => res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body, h: req.headers["x-copied"] ?? null })));
  });
  afterAll(() => echo.close());

  it("mode copy sends the current request's method, headers and body in inbound", async () => {
    const r = await runPolicy(doc({ inbound: `<send-request mode="copy" response-variable-name="r"><set-url>${echo.url}/copy</set-url></send-request><set-variable name="b" value="@(((IResponse)context.Variables["r"]).Body.As<string>())" />` }), {
      request: { method: "PUT", body: "payload", headers: { "X-Copied": "yes" } },
    });
    expect(JSON.parse(r.variables.b as string)).toEqual({ method: "PUT", url: "/copy", body: "payload", h: "yes" });
  });

  it("mode copy does not pass on the client's Expect: 100-continue (the gateway answered it; undici refuses it)", async () => {
    const r = await runPolicy(doc({ inbound: `<send-request mode="copy" response-variable-name="r"><set-url>${echo.url}/copy</set-url></send-request><set-variable name="b" value="@(((IResponse)context.Variables["r"]).Body.As<string>())" />` }), {
      request: { method: "POST", body: "payload", headers: { "X-Copied": "yes", Expect: "100-continue" } },
    });
    expect(r.lastError).toBeUndefined();
    expect(JSON.parse(r.variables.b as string)).toEqual({ method: "POST", url: "/copy", body: "payload", h: "yes" });
    expect(echo.requests.at(-1)?.headers.expect).toBeUndefined();
  });

  it("mode copy in outbound carries no body", async () => {
    const r = await runPolicy(doc({ backend: "<base/>", outbound: `<send-request mode="copy" response-variable-name="r"><set-url>${echo.url}/copy</set-url></send-request><set-variable name="b" value="@(((IResponse)context.Variables["r"]).Body.As<string>())" />` }), {
      request: { method: "PUT", body: "payload" },
    });
    expect(JSON.parse(r.variables.b as string)).toMatchObject({ method: "PUT", body: "" });
  });

  it("send-one-way-request writes its outcome to the trace", async () => {
    const r = await runPolicy(doc({ inbound: `<send-one-way-request><set-url>${echo.url}/w</set-url><set-method>POST</set-method><set-body>hi</set-body></send-one-way-request>` }));
    await r.oneWay;
    expect(r.trace).toContainEqual(expect.objectContaining({ source: "send-one-way-request", severity: "information" }));
    expect(echo.requests.at(-1)).toMatchObject({ method: "POST", url: "/w", body: "hi" });
  });

  it("send-one-way-request failure never reaches the pipeline", async () => {
    const port = await closedPort();
    const r = await runPolicy(doc({ inbound: `<send-one-way-request><set-url>http://127.0.0.1:${port}/</set-url><set-method>POST</set-method></send-one-way-request><set-variable name="after" value="1" />` }));
    await r.oneWay;
    expect(r.status).toBe(200);
    expect(r.variables.after).toBe("1");
    expect(r.trace).toContainEqual(expect.objectContaining({ source: "send-one-way-request", severity: "error" }));
  });
});

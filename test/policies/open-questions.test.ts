// The choices README.md records for the spec's open questions (§9), each asserted here.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { startServer } from "../helpers/servers.js";

const doc = (s: { inbound?: string; outbound?: string; onError?: string; backend?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound><backend>${s.backend ?? ""}</backend><outbound>${s.outbound ?? ""}</outbound><on-error>${s.onError ?? ""}</on-error></policies>`;

describe("open questions, as README.md answers them", () => {
  it("2: set-method inside send-request takes an expression", async () => {
    const server = await startServer((req, res) => res.end(req.method));
    try {
      const r = await runPolicy(doc({ inbound: `<send-request response-variable-name="r"><set-url>${server.url}/</set-url><set-method>@("PU" + "T")</set-method></send-request><set-variable name="m" value="@(((IResponse)context.Variables["r"]).Body.As<string>())" />` }));
      expect(r.variables.m).toBe("PUT");
    } finally {
      await server.close();
    }
  });

  it("3: set-body is allowed in on-error", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="x" value="@((string)context.Variables["nope"])" />`, onError: `<set-status code="500" reason="Oops" /><set-body>@("failed: " + context.LastError.Reason)</set-body>` }));
    expect(r.body).toBe("failed: ExpressionValueEvaluationFailure");
  });

  it("4: GetValueOrDefault<T> throws when the stored type differs", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="s" value="text" /><set-variable name="n" value="@(context.Variables.GetValueOrDefault<int>("s", 0))" />` }));
    expect(r.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Path: "set-variable[2]" });
    const ok = await runPolicy(doc({ inbound: `<set-variable name="n" value="@(context.Variables.GetValueOrDefault<int>("missing", 7))" />` }));
    expect(ok.variables.n).toBe(7);
  });

  it("5: BasicAuthCredentials has UserId and Password", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="u" value="@(context.Request.Headers.GetValueOrDefault("Authorization", "").AsBasic().UserId)" />` }), {
      request: { headers: { Authorization: `Basic ${Buffer.from("ann:pw").toString("base64")}` } },
    });
    expect(r.variables.u).toBe("ann");
  });

  it("7: header names are case-insensitive, variable names case-sensitive", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="Tier" value="gold" /><set-variable name="h" value="@(context.Request.Headers.GetValueOrDefault("x-TIER", "none"))" /><set-variable name="has" value="@(context.Variables.ContainsKey("tier"))" />` }), {
      request: { headers: { "X-Tier": "silver" } },
    });
    expect(r.variables).toMatchObject({ h: "silver", has: false });
  });

  it("10: return-response naming a missing variable starts from a new 200", async () => {
    const r = await runPolicy(doc({ inbound: `<return-response response-variable-name="existing response variable"><set-header name="X-A"><value>1</value></set-header></return-response>` }));
    expect(r).toMatchObject({ status: 200, reason: "OK" });
    expect(r.headers["x-a"]).toEqual(["1"]);
  });

  it("16: context.User is null for an anonymous call", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="u" value="@(context.User?.Email ?? "anonymous")" />` }));
    expect(r.variables.u).toBe("anonymous");
    const withUser = await runPolicy(doc({ inbound: `<set-variable name="u" value="@(context.User?.Email ?? "anonymous")" />` }), { caller: { user: { Email: "ann@example.com" } } });
    expect(withUser.variables.u).toBe("ann@example.com");
  });

  it("18: QueryString keeps the leading ?, empty without a query; Port is an int", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="q" value="@(context.Request.Url.QueryString)" /><set-variable name="p" value="@(context.Request.Url.Port + 1)" />` }), { request: { url: "http://localhost:8080/a?b=1" } });
    expect(r.variables).toMatchObject({ q: "?b=1", p: 8081 });
    const none = await runPolicy(doc({ inbound: `<set-variable name="q" value="@(context.Request.Url.QueryString)" />` }), { request: { url: "/a" } });
    expect(none.variables.q).toBe("");
  });
});

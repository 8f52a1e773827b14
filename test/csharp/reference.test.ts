// The product's reference examples (priority 1) evaluated against a runtime Context.
import { describe, expect, it } from "vitest";
import { compile, evaluate, makeContext, ResponseMessage, MessageBody, HeaderMap } from "./helpers.js";

describe("reference examples", () => {
  it("takes the last word of the Authorization header", () => {
    const ctx = makeContext({ headers: { Authorization: "Bearer abc.def" } });
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization","scheme param").Split(' ').Last())`, ctx)).toBe("abc.def");
    expect(evaluate(`@(context.Request.Headers.GetValueOrDefault("Authorization","scheme param").Split(' ').Last())`, makeContext())).toBe("param");
  });

  it("interpolates a variable cast to string", () => {
    const ctx = makeContext({ variables: { token: "s3cr3t" } });
    expect(evaluate(`@($"token={(string)context.Variables["token"]}")`, ctx, "string")).toBe("token=s3cr3t");
    // missing variable: KeyNotFoundException
    expect(() => evaluate(`@($"token={(string)context.Variables["token"]}")`, makeContext())).toThrow(/not present in the dictionary/);
    // wrong type: InvalidCastException
    expect(() => evaluate(`@((string)context.Variables["token"])`, makeContext({ variables: { token: true } }))).toThrow(/Unable to cast object of type 'System.Boolean' to type 'System.String'/);
  });

  it("reads an introspection response stored by send-request", () => {
    const src = `@((bool)((IResponse)context.Variables["tokenstate"]).Body.As<JObject>()["active"] == false)`;
    const c = compile(src, "bool");
    expect(c.ok).toBe(true);
    const resp = (active: boolean) => new ResponseMessage(200, "OK", new HeaderMap("response"), new MessageBody(JSON.stringify({ active, scope: "x" })));
    expect(c.run(makeContext({ variables: { tokenstate: resp(false) } }))).toBe(true);
    expect(c.run(makeContext({ variables: { tokenstate: resp(true) } }))).toBe(false);
    expect(() => c.run(makeContext({ variables: { tokenstate: "nope" } }))).toThrow(/Unable to cast object of type 'System.String'/);
  });

  it("compares the status code", () => {
    const ctx = makeContext();
    ctx.Response.StatusCode = 503;
    expect(evaluate(`@(context.Response.StatusCode >= 500)`, ctx, "bool")).toBe(true);
    ctx.Response.StatusCode = 404;
    expect(evaluate(`@(context.Response.StatusCode >= 500)`, ctx, "bool")).toBe(false);
  });

  it("builds the Slack alert JObject with indented Newtonsoft output (\\r\\n)", () => {
    const src = `@{ return new JObject(new JProperty("username","APIM Alert"), new JProperty("icon_emoji", ":ghost:"), new JProperty("text", String.Format("{0} {1}\\nHost: {2}\\n{3} {4}\\n User: {5}", context.Request.Method, context.Request.Url.Path + context.Request.Url.QueryString, context.Request.Url.Host, context.Response.StatusCode, context.Response.StatusReason, context.User.Email))).ToString(); }`;
    const c = compile(src, "body");
    expect(c.diagnostics).toEqual([]);
    const ctx = makeContext({ method: "POST", url: "https://api.contoso.com/orders?id=7" });
    ctx.Response.StatusCode = 500;
    ctx.Response.StatusReason = "Internal Server Error";
    ctx.User = { Id: "1", Email: "ann@contoso.com", FirstName: "Ann", LastName: "L", Note: "", Groups: [], Identities: [], RegistrationDateMs: 0 };
    expect(c.run(ctx)).toBe(
      '{\r\n  "username": "APIM Alert",\r\n  "icon_emoji": ":ghost:",\r\n  "text": "POST /orders?id=7\\nHost: api.contoso.com\\n500 Internal Server Error\\n User: ann@contoso.com"\r\n}',
    );
    // no user: NullReferenceException (a TypeError the pipeline maps)
    expect(() => c.run(makeContext())).toThrow(TypeError);
  });

  it("folds literals", () => {
    expect(compile(`@(true)`, "bool").constant).toEqual({ value: true });
    expect(compile(`@("x")`, "string").constant).toEqual({ value: "x" });
    expect(compile(`@(1+1)`, "int").constant).toEqual({ value: 2 });
    expect(compile(`@((1+1).ToString())`, "string").run()).toBe("2");
    expect(compile(`@("Hi There".Length)`, "int").run()).toBe(8);
  });
});

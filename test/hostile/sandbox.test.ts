// Sandbox: C# that reaches for anything outside the allowed .NET surface is refused at compile time
// (APIMC3xxx); request data (JSON keys, header, query and variable names) never reaches a prototype.
import { afterAll, describe, expect, it } from "vitest";
import { attempt, mustRun, policies } from "./harness.js";
import { prototypeSnapshot, xmlAttr, xmlText } from "./payloads.js";

const protoBefore = prototypeSnapshot();
afterAll(() => {
  expect(prototypeSnapshot()).toBe(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
});

const ESCAPES = [
  // JS globals, in every spelling C# allows for an identifier
  "process.exit(1)",
  "process",
  "@process.exit(1)",
  "pro\\u0063ess.exit(1)",
  'require("fs")',
  'require(\\u0022fs\\u0022)',
  "globalThis",
  "global",
  "this",
  "window",
  "module",
  "exports",
  "import",
  "arguments",
  'Function("return process")()',
  'new Function("return 1")',
  'eval("1")',
  '@eval("1")',
  'e\\u0076al("1")',
  '\\u0065\\u0076\\u0061\\u006c("1")',
  'Eval("1")',
  'EVAL("1")',
  'System.Eval("1")',
  // names the generated code and the runtime use
  "ctx",
  "ctx.$p",
  "rt",
  "meta",
  "inbound",
  "undefined",
  "Object",
  "Object.prototype",
  'JSON.parse("{}")',
  "Math.random()",
  "Reflect",
  "Proxy",
  "Symbol",
  "Buffer",
  "setTimeout",
  "queueMicrotask",
  // prototype-chain members of ordinary values
  '"".constructor',
  '"".constructor.constructor("return process")()',
  '"".__proto__',
  '"x".toString()',
  '"x".valueOf()',
  "context.constructor",
  "context.__proto__",
  "context.Variables.constructor",
  "context.Request.Headers.constructor",
  "new JObject().constructor",
  'new JObject()["a"].constructor',
  "context.hasOwnProperty",
  // members of runtime objects that are not on the .NET surface
  "context.$env",
  "context.$trace",
  "context.$p",
  "context.Request.Headers.m",
  'context.Request.Headers.setValues("x", null)',
  "context.Request.Body.take(true)",
  "context.Request.Body.bytes",
  'context.Variables.set("a", 1)',
  "context.Variables.clear()",
  // reflection and the platform
  "typeof(string).Assembly",
  "typeof(string)",
  '"".GetType()',
  '"".GetType().Assembly',
  "context.GetType()",
  "((object)context).GetType().GetMethods()",
  'Type.GetType("System.IO.File")',
  'System.Type.GetType("System.IO.File")',
  'System.IO.File.ReadAllText("/etc/passwd")',
  'File.ReadAllText("/etc/passwd")',
  'new System.IO.StreamReader("/etc/passwd")',
  'System.Environment.GetEnvironmentVariable("PATH")',
  "Environment.Exit(1)",
  "Environment.NewLine",
  'System.Diagnostics.Process.Start("sh")',
  'Activator.CreateInstance(typeof(string))',
  'System.Reflection.Assembly.Load("x")',
  "AppDomain.CurrentDomain",
  "System.Threading.Thread.Sleep(100000)",
  "new System.Net.WebClient()",
  "new System.Net.Http.HttpClient()",
  "GC.Collect()",
  "default(System.IO.File)",
  "__arglist()",
  "dynamic",
  "new dynamic()",
];

describe("expressions that reach outside the allowed surface are compile-time errors", () => {
  it.each(ESCAPES)("@(%s)", async (expr) => {
    for (const src of [`@(${expr})`, `@{ return ${expr}; }`, `@{ var x = ${expr}; return "ok"; }`]) {
      const o = await attempt(policies(`<set-variable name="v" value="${xmlAttr(src)}"/>`));
      expect(o.kind, src).toBe("diagnostic");
      if (o.kind === "diagnostic") expect(o.codes.filter((c) => !c.startsWith("APIMC3")), src).toEqual([]);
    }
  });

  it.each([
    "@{ dynamic d = context; return d.$env; }",
    "@{ object o = context; return ((dynamic)o).constructor; }",
    "@{ unsafe { return 1; } }",
    "@{ var a = stackalloc int[10]; return 1; }",
    '@{ return context.Variables.GetValueOrDefault<object>("x").GetType(); }',
    '@{ Func<string> f = () => "x"; return f.Method.Name; }',
    '@{ Func<string> f = () => "x"; return f.constructor; }',
    '@{ var l = new List<string>(); return l.constructor; }',
    "@{ return new JObject().Parent.constructor; }",
    '@{ System.Func<object> g = () => process; return g(); }',
    '@{ foreach (var m in typeof(string).GetMethods()) { } return 1; }',
    "@{ goto x; x: return 1; }",
    '@{ throw new Exception(process.ToString()); }',
  ])("%s", async (src) => {
    const o = await attempt(policies(`<set-variable name="v" value="${xmlAttr(src)}"/>`));
    expect(o.kind).toBe("diagnostic");
    if (o.kind === "diagnostic") expect(o.codes.filter((c) => !c.startsWith("APIMC3"))).toEqual([]);
  });
});

describe("C# locals and lambda parameters named like JS globals or generated names stay locals", () => {
  it.each(["ctx", "rt", "meta", "process", "require", "globalThis", "Object", "String", "Math", "JSON", "undefined", "NaN", "arguments", "eval", "await", "yield", "let", "inbound", "Array", "Number", "Promise", "Error", "constructor", "__proto__", "prototype", "toString"])(
    "%s",
    async (name) => {
      const src = `@{ var ${name} = "L"; var xs = new List<string> { "a", "b" }; var n = xs.Select(${name}2 => ${name}2 + ${name}).ToList(); return string.Join(",", n) + "|" + context.Variables.Count + "|" + 7.ToString() + "|" + Math.Max(1, 2) + "|" + "x".ToUpper() + "|" + ${name}.Length; }`;
      const o = await attempt(policies(`<set-variable name="pre" value="p"/><set-variable name="v" value="${xmlAttr(src)}"/>`));
      if (o.kind === "diagnostic") {
        // Refusing a name is acceptable (C# keywords, or names the compiler reserves), never an internal error.
        expect(o.codes.filter((c) => !c.startsWith("APIMC3"))).toEqual([]);
        return;
      }
      expect(o.result.variables.v).toBe("aL,bL|1|7|2|X|1");
    },
  );
});

const hostileJson = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"ts","valueOf":{"a":1},"hasOwnProperty":"h","a":{"__proto__":[1,2]}}';

describe("request data never pollutes prototypes and reads back exactly", () => {
  it("JSON keys through Body.As<JObject>()", async () => {
    const expr = `@{
      var b = context.Request.Body.As<JObject>(preserveContent: true);
      var parts = new List<string>();
      parts.Add(b["__proto__"]["polluted"].ToString());
      parts.Add(b["constructor"]["prototype"]["polluted"].ToString());
      parts.Add((string)b["toString"]);
      parts.Add((string)b["hasOwnProperty"]);
      parts.Add(b["valueOf"]["a"].ToString());
      parts.Add(b.Properties().Count().ToString());
      parts.Add((b["a"]["__proto__"].Type == JTokenType.Array).ToString());
      parts.Add(b["nope"] == null ? "null" : "not null");
      parts.Add((b["__proto__"].Type == JTokenType.Object).ToString());
      return string.Join("|", parts);
    }`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/>`), {}, { request: { method: "POST", body: hostileJson, headers: { "content-type": "application/json" } } });
    expect(r.status).toBe(200);
    expect(r.variables.v).toBe("yes|yes|ts|h|1|6|True|null|True");
  });

  it("JSON keys round-trip through JObject.Parse, ToString and writes", async () => {
    const expr = `@{
      var b = JObject.Parse(context.Request.Body.As<string>(preserveContent: true));
      b["__proto__"]["added"] = "x";
      b["constructor"] = "replaced";
      var o = new JObject();
      o["__proto__"] = new JObject(new JProperty("polluted", "yes"));
      o.Add("prototype", "p");
      return b.ToString(Newtonsoft.Json.Formatting.None) + "#" + o.ToString(Newtonsoft.Json.Formatting.None);
    }`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/>`), {}, { request: { method: "POST", body: hostileJson } });
    expect(r.lastError).toBeUndefined();
    const [b, o] = String(r.variables.v).split("#");
    const expected = JSON.parse(hostileJson);
    expected["__proto__"].added = "x";
    expected.constructor = "replaced";
    expect(JSON.parse(b!)).toEqual(expected);
    expect(Object.keys(JSON.parse(b!))).toEqual(Object.keys(JSON.parse(hostileJson)));
    expect(o).toBe('{"__proto__":{"polluted":"yes"},"prototype":"p"}');
  });

  it("a JSON body that is set and forwarded keeps __proto__ keys as data", async () => {
    const expr = `@{ var b = context.Request.Body.As<JObject>(); b["seen"] = true; return b.ToString(); }`;
    const r = await mustRun(`<policies><inbound><set-body>${xmlText(expr)}</set-body></inbound><backend><base/></backend></policies>`, {}, {
      request: { method: "POST", body: hostileJson },
      backend: (req) => ({ status: 200, body: req.body }),
    });
    expect(JSON.parse(r.body)).toEqual({ ...JSON.parse(hostileJson), seen: true });
    expect(Object.getPrototypeOf(JSON.parse(r.body))).toBe(Object.prototype);
  });

  it("header names", async () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];
    const expr = `@(string.Join("|", new [] { ${names.map((n) => `context.Request.Headers.GetValueOrDefault("${n}", "none")`).join(", ")}, context.Request.Headers.ContainsKey("isPrototypeOf").ToString(), context.Request.Headers.Count.ToString() }))`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/>`), {}, { request: { headers: { __proto__: "p", constructor: "c", ToString: "t" } as never } });
    // (an object literal's "__proto__:" sets the prototype, so build the header record from entries)
    void r;
    const headers = Object.fromEntries([["__proto__", "p"], ["constructor", "c"], ["ToString", "t"]]);
    const r2 = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/>`, `<set-header name="__proto__" exists-action="override"><value>out</value></set-header><set-header name="constructor" exists-action="append"><value>o2</value></set-header>`), {}, { request: { headers } });
    expect(r2.variables.v).toBe("p|c|t|none|none|none|False|3");
    expect(Object.getPrototypeOf(r2.headers)).toBeNull();
    expect(r2.headers.__proto__).toEqual(["out"]);
    expect(r2.headers.constructor).toEqual(["o2"]);
  });

  it("query parameter names", async () => {
    const expr = `@(context.Request.Url.Query.GetValueOrDefault("__proto__", "none") + "|" + context.Request.Url.Query.GetValueOrDefault("constructor", "none") + "|" + context.Request.Url.Query.GetValueOrDefault("valueOf", "none") + "|" + context.Request.Url.Query.ContainsKey("hasOwnProperty") + "|" + context.Request.Url.Query.Count)`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/><set-query-parameter name="__proto__" exists-action="append"><value>added</value></set-query-parameter>`), {}, {
      request: { url: "/x?__proto__=a&constructor=b&toString=c&__proto__[polluted]=d" },
      backend: (req) => ({ body: req.url }),
    });
    expect(r.variables.v).toBe("a|b|none|False|4");
    expect(new URL(r.body).searchParams.getAll("__proto__")).toEqual(["a", "added"]);
  });

  it("variable names", async () => {
    const expr = `@(context.Variables.ContainsKey("toString") + "|" + context.Variables.GetValueOrDefault<string>("constructor", "none") + "|" + context.Variables.GetValueOrDefault<string>("__proto__", "none") + "|" + context.Variables.Count)`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/><set-variable name="__proto__" value="p"/><set-variable name="w" value="@((string)context.Variables[&quot;__proto__&quot;])"/>`));
    expect(r.variables.v).toBe("False|none|none|0");
    expect(r.variables.w).toBe("p");
    expect(Object.prototype.hasOwnProperty.call(r.variables, "__proto__")).toBe(true);
  });

  it("form bodies and C# dictionaries", async () => {
    const expr = `@{
      var f = context.Request.Body.AsFormUrlEncodedContent(preserveContent: true);
      var d = new Dictionary<string, string>();
      d["__proto__"] = "x";
      d.Add("constructor", "y");
      return f["__proto__"].First() + "|" + f.ContainsKey("toString") + "|" + d.Count + "|" + d["__proto__"] + "|" + d.ContainsKey("valueOf") + "|" + string.Join(",", d.Keys);
    }`;
    const r = await mustRun(policies(`<set-variable name="v" value="${xmlAttr(expr)}"/>`), {}, { request: { method: "POST", body: "__proto__=f&constructor[prototype][polluted]=yes", headers: { "content-type": "application/x-www-form-urlencoded" } } });
    expect(r.lastError).toBeUndefined();
    expect(r.variables.v).toBe("f|False|2|x|False|__proto__,constructor");
  });
});

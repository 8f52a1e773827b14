// trace: entries with source, severity, message and metadata in the request's trace.
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../gateway/testing.js";
import { doc, errors } from "./helpers.js";

describe("trace", () => {
  it("adds an entry; severity defaults to verbose", async () => {
    const r = await runPolicy(doc({ inbound: `<trace source="my-api"><message>hello</message></trace>` }));
    expect(r.trace).toEqual([expect.objectContaining({ source: "my-api", severity: "verbose", message: "hello", timeMs: expect.any(Number) })]);
    expect(r.status).toBe(200);
  });

  it("takes an expression message and metadata, in every section, in order", async () => {
    const r = await runPolicy(
      doc({
        inbound: `<trace source="in" severity="information"><message>@("method " + context.Request.Method)</message><metadata name="tenant" value="contoso" /><metadata name="region" value="eu" /></trace>`,
        backend: `<trace source="be" severity="error"><message>b</message></trace>`,
        outbound: `<trace source="out"><message>o</message></trace>`,
      }),
      { request: { method: "DELETE" } },
    );
    expect(r.trace).toEqual([
      expect.objectContaining({ source: "in", severity: "information", message: "method DELETE", metadata: { tenant: "contoso", region: "eu" } }),
      expect.objectContaining({ source: "be", severity: "error", message: "b" }),
      expect.objectContaining({ source: "out", severity: "verbose", message: "o" }),
    ]);
  });

  it("accepts the older form with the message as the element's text", async () => {
    const r = await runPolicy(doc({ inbound: `<trace source="legacy">
      Some text
    </trace><trace source="legacy-expr">@("x" + 1)</trace>` }));
    expect(r.trace).toEqual([expect.objectContaining({ source: "legacy", message: "Some text" }), expect.objectContaining({ source: "legacy-expr", message: "x1" })]);
  });

  it("runs in on-error", async () => {
    const r = await runPolicy(doc({ inbound: `<set-variable name="x" value="@(int.Parse("x"))" />`, onError: `<trace source="err" severity="error"><message>@(context.LastError.Reason)</message></trace>` }));
    expect(r.trace).toEqual([expect.objectContaining({ source: "err", message: "ExpressionValueEvaluationFailure" })]);
  });

  it("diagnostics: source and severity are literals; message required", () => {
    expect(errors(doc({ inbound: `<trace source="@("x")"><message>m</message></trace>` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<trace source="s" severity="@("error")"><message>m</message></trace>` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<trace source="s" severity="debug"><message>m</message></trace>` })).map((d) => d.code)).toEqual(["APIMC2008"]);
    expect(errors(doc({ inbound: `<trace><message>m</message></trace>` })).map((d) => d.code)).toEqual(["APIMC2004"]);
    expect(errors(doc({ inbound: `<trace source="s" />` })).map((d) => d.code)).toEqual(["APIMC2005"]);
    expect(errors(doc({ inbound: `<trace source="s"><message>m</message><metadata name="a" value="@("v")" /></trace>` })).map((d) => d.code)).toEqual(["APIMC2007"]);
    expect(errors(doc({ inbound: `<trace source="s"><message>m</message><other/></trace>` })).map((d) => d.code)).toEqual(["APIMC2009"]);
  });
});

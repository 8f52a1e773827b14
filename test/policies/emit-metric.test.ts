// emit-metric (reference page): name and namespace literal, value a double (literal or expression,
// default 1), one to ten <dimension>s whose value may be left out only for the default dimension
// names, which then take the request's own (API ID, Operation ID, Product ID, User ID,
// Subscription ID, Location, Gateway ID, Backend ID). What the observer receives, for every
// default dimension and for values of each C# numeric type; and the diagnostics of every misuse.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { runPolicy } from "../../gateway/testing.js";
import { newEnvironment } from "../../runtime/context.js";
import { DEFAULT_DIMENSIONS, type Observer } from "../../runtime/observer.js";

type Emitted = { name: string; namespace: string; value: number; dimensions: [string, string][] };

function recorder(): { env: ReturnType<typeof newEnvironment>; got: Emitted[] } {
  const got: Emitted[] = [];
  const observer: Observer = {
    callout() {},
    metric(name, namespace, value, dimensions) {
      got.push({ name, namespace, value, dimensions: dimensions.map(([n, v]) => [n, v]) });
    },
  };
  return { env: newEnvironment({ observer, backends: new Map([["orders-backend", { url: "http://orders.internal" }]]) }), got };
}

const doc = (inbound: string) => `<policies><inbound>${inbound}</inbound><backend /><outbound /><on-error /></policies>`;
const diags = (inbound: string) => compile(doc(inbound), { file: "p.xml" }).diagnostics.map((d) => `${d.code} ${d.message}`);

describe("emit-metric at run time", () => {
  it("fills every default dimension from the request when its value is left out", async () => {
    const { env, got } = recorder();
    const dims = [...DEFAULT_DIMENSIONS].map((n) => `<dimension name="${n}" />`).join("");
    const r = await runPolicy(doc(`<set-backend-service backend-id="orders-backend" /><emit-metric name="Calls" namespace="shop">${dims}</emit-metric>`), {
      environment: env,
      backends: { "orders-backend": "http://orders.internal" },
      caller: { subscription: { Id: "sub-1", Name: "s" }, product: { Id: "gold", Name: "Gold" }, user: { Id: "u-7" } },
    });
    expect(r.lastError).toBeUndefined();
    expect(got).toHaveLength(1);
    const d = Object.fromEntries(got[0]!.dimensions);
    expect(got[0]).toMatchObject({ name: "Calls", namespace: "shop", value: 1 });
    expect(d).toMatchObject({ "Product ID": "gold", "User ID": "u-7", "Subscription ID": "sub-1", Location: "local", "Gateway ID": "self-hosted", "Backend ID": "orders-backend" });
    // runPolicy's API and operation (no gateway configuration).
    expect(typeof d["API ID"]).toBe("string");
    expect(typeof d["Operation ID"]).toBe("string");
    expect(got[0]!.dimensions.map(([n]) => n)).toEqual([...DEFAULT_DIMENSIONS]);
  });

  it("defaults to namespace 'API Management' and value 1; anonymous calls give empty ids", async () => {
    const { env, got } = recorder();
    await runPolicy(doc(`<emit-metric name="Hits"><dimension name="Subscription ID" /><dimension name="User ID" /><dimension name="Backend ID" /></emit-metric>`), { environment: env });
    expect(got).toEqual([{ name: "Hits", namespace: "API Management", value: 1, dimensions: [["Subscription ID", ""], ["User ID", ""], ["Backend ID", ""]] }]);
  });

  it("takes dimension names and values from expressions", async () => {
    const { env, got } = recorder();
    await runPolicy(doc(`<emit-metric name="M"><dimension name='@("Chan" + "nel")' value='@(context.Request.Headers.GetValueOrDefault("X-Channel", "web"))' /><dimension name="Fixed" value="yes" /></emit-metric>`), {
      environment: env,
      request: { headers: { "X-Channel": "app" } },
    });
    expect(got[0]!.dimensions).toEqual([["Channel", "app"], ["Fixed", "yes"]]);
  });

  // Every C# numeric type an expression can give converts to the double the page asks for.
  const values: [string, number][] = [
    ["2.5", 2.5],
    ["-3", -3],
    ["1e3", 1000],
    ["@(7)", 7],
    ["@(7L * 3)", 21],
    ["@(1.25m)", 1.25],
    ["@(0.5f)", 0.5],
    ["@(10.0 / 4)", 2.5],
    ["@((object)42)", 42],
    ['@(double.Parse("6.5"))', 6.5],
    ['@("8.25")', 8.25],
    ['@(context.Request.Headers.GetValueOrDefault("X-N", "4"))', 4],
  ];
  for (const [v, expected] of values)
    it(`value ${v} → ${expected}`, async () => {
      const { env, got } = recorder();
      const r = await runPolicy(doc(`<emit-metric name="V" value='${v}'><dimension name="API ID" /></emit-metric>`), { environment: env });
      expect(r.lastError).toBeUndefined();
      expect(got[0]!.value).toBe(expected);
    });

  for (const v of ['@("many")', "@((string)null)", "@(double.NaN)", "@(double.PositiveInfinity)", "@(true)"])
    it(`value ${v} is an expression failure (on-error), not a recorded metric`, async () => {
      const { env, got } = recorder();
      const r = await runPolicy(doc(`<emit-metric name="V" value='${v}'><dimension name="API ID" /></emit-metric>`), { environment: env });
      expect(r.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Source: "emit-metric" });
      expect(r.lastError!.Message).toContain("emit-metric");
      expect(got).toEqual([]);
    });

  it("an empty dimension name from an expression fails the policy", async () => {
    const { env } = recorder();
    const r = await runPolicy(doc(`<emit-metric name="V"><dimension name='@("")' value="x" /></emit-metric>`), { environment: env });
    expect(r.lastError).toMatchObject({ Reason: "ExpressionValueEvaluationFailure", Source: "emit-metric" });
  });

  it("without an observer (no gateway metrics) it records nothing and does not fail", async () => {
    const r = await runPolicy(doc(`<emit-metric name="V"><dimension name="API ID" /></emit-metric>`));
    expect(r.lastError).toBeUndefined();
    expect(r.status).toBe(200);
  });
});

describe("emit-metric diagnostics", () => {
  it("compiles the reference page's example", () => {
    expect(diags(`<emit-metric name="Request" value="1" namespace="my-metrics"><dimension name="User ID" /><dimension name="Client IP" value="@(context.Request.IpAddress)" /><dimension name="API ID" /></emit-metric>`)).toEqual([]);
  });
  const bad: [string, string, string][] = [
    ["no dimension", `<emit-metric name="M" />`, "APIMC2005"],
    ["no name", `<emit-metric><dimension name="API ID" /></emit-metric>`, "APIMC2004"],
    ["an expression name", `<emit-metric name="@(&quot;M&quot;)"><dimension name="API ID" /></emit-metric>`, "APIMC"],
    ["an empty name", `<emit-metric name=" "><dimension name="API ID" /></emit-metric>`, "APIMC2008"],
    ["a value that is not a number", `<emit-metric name="M" value="many"><dimension name="API ID" /></emit-metric>`, "APIMC2008"],
    ["a value left out for a name that is not a default dimension", `<emit-metric name="M"><dimension name="Client IP" /></emit-metric>`, "APIMC2004"],
    ["a value left out for an expression name", `<emit-metric name="M"><dimension name='@("API ID")' /></emit-metric>`, "APIMC2004"],
    ["a dimension without a name", `<emit-metric name="M"><dimension value="x" /></emit-metric>`, "APIMC2004"],
    ["an empty dimension name", `<emit-metric name="M"><dimension name="" value="x" /></emit-metric>`, "APIMC2008"],
    ["another child", `<emit-metric name="M"><dimension name="API ID" /><tag name="x" /></emit-metric>`, "APIMC2009"],
    ["a child inside a dimension", `<emit-metric name="M"><dimension name="API ID"><x /></dimension></emit-metric>`, "APIMC2009"],
    ["eleven dimensions", `<emit-metric name="M">${Array.from({ length: 11 }, (_, i) => `<dimension name="d${i}" value="v" />`).join("")}</emit-metric>`, "APIMC2009"],
    ["an unknown attribute", `<emit-metric name="M" unit="ms"><dimension name="API ID" /></emit-metric>`, "APIMC"],
  ];
  for (const [what, xml, code] of bad)
    it(`refuses ${what}`, () => {
      const d = diags(xml);
      expect(d.length, d.join("\n")).toBeGreaterThan(0);
      expect(d.some((x) => x.startsWith(code)), d.join("\n")).toBe(true);
    });
  it("ten dimensions are allowed", () => {
    expect(diags(`<emit-metric name="M">${Array.from({ length: 10 }, (_, i) => `<dimension name="d${i}" value="v" />`).join("")}</emit-metric>`)).toEqual([]);
  });
});

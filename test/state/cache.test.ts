// cache-lookup-value / cache-store-value / cache-remove-value and cache-lookup / cache-store.
import { describe, expect, it } from "vitest";
import { newEnvironment } from "../../runtime/context.js";
import { ManualClock, setStateClock } from "../../runtime/state/index.js";
import { compileErrors, doc, run } from "./helpers.js";

function env() {
  const e = newEnvironment();
  const clock = new ManualClock();
  setStateClock(e, clock);
  return { environment: e, clock };
}

describe("cache values", () => {
  const store = doc({ inbound: `<cache-store-value key="@("token-" + context.Request.Headers.GetValueOrDefault("K",""))" value="@(context.Request.Headers.GetValueOrDefault("V",""))" duration="60" />` });
  const lookup = doc({ inbound: `<cache-lookup-value key="@("token-" + context.Request.Headers.GetValueOrDefault("K",""))" variable-name="token" />` });
  const lookupDefault = doc({ inbound: `<cache-lookup-value key="missing" variable-name="token" default-value="none" />` });

  it("stores, looks up until the duration ends, and removes", async () => {
    const { environment, clock } = env();
    await run(store, { environment, request: { headers: { K: "a", V: "secret" } } });
    expect((await run(lookup, { environment, request: { headers: { K: "a" } } })).variables.token).toBe("secret");
    clock.advance(59_000);
    expect((await run(lookup, { environment, request: { headers: { K: "a" } } })).variables.token).toBe("secret");
    clock.advance(1_000);
    expect((await run(lookup, { environment, request: { headers: { K: "a" } } })).variables).not.toHaveProperty("token");
    await run(store, { environment, request: { headers: { K: "a", V: "again" } } });
    await run(doc({ inbound: `<cache-remove-value key="token-a" />` }), { environment });
    expect((await run(lookup, { environment, request: { headers: { K: "a" } } })).variables).not.toHaveProperty("token");
  });

  it("[OPEN] 11: a miss leaves the variable unset, or sets default-value when given", async () => {
    const { environment } = env();
    const r = await run(doc({ inbound: `<cache-lookup-value key="nope" variable-name="token" /><set-variable name="missed" value="@(!context.Variables.ContainsKey("token"))" />` }), { environment });
    expect(r.variables.missed).toBe(true);
    expect((await run(lookupDefault, { environment })).variables.token).toBe("none");
  });

  it("keeps typed values and copies JSON objects", async () => {
    const { environment } = env();
    const r = await run(
      doc({
        inbound: `<cache-store-value key="n" value="@(42)" duration="10" /><cache-lookup-value key="n" variable-name="n" />
          <cache-store-value key="j" value="@(JObject.Parse("{\\"a\\":1}"))" duration="10" />
          <cache-lookup-value key="j" variable-name="j1" />
          <set-variable name="changed" value="@{ var o = (JObject)context.Variables["j1"]; o["a"] = 2; return o["a"].ToString(); }" />
          <cache-lookup-value key="j" variable-name="j2" />
          <set-variable name="cached" value="@(((JObject)context.Variables["j2"])["a"].ToString())" />`,
      }),
      { environment },
    );
    expect(r.variables.n).toBe(42);
    expect(r.variables.changed).toBe("2");
    expect(r.variables.cached).toBe("1");
  });

  it("checks its attributes", () => {
    expect(compileErrors(doc({ inbound: `<cache-lookup-value key="k" variable-name="@("x")" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<cache-store-value key="k" value="v" duration="-1" />` }))).toMatch(/APIMC2008/);
    expect(compileErrors(doc({ inbound: `<cache-store-value key="k" value="v" />` }))).toMatch(/APIMC2004.*duration/);
    expect(compileErrors(doc({ inbound: `<cache-lookup-value key="k" variable-name="v" caching-type="redis" />` }))).toMatch(/APIMC2008.*caching-type/);
    expect(compileErrors(doc({ inbound: `<cache-remove-value />` }))).toMatch(/APIMC2004.*key/);
  });
});

describe("cache-lookup / cache-store", () => {
  const xml = doc({
    inbound: `<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" downstream-caching-type="public" must-revalidate="false"><vary-by-header>Accept</vary-by-header><vary-by-query-parameter>a;b</vary-by-query-parameter></cache-lookup><set-variable name="inbound-after-lookup" value="ran" />`,
    backend: "<forward-request />",
    outbound: `<cache-store duration="30" />`,
  });

  it("a hit returns the stored response without calling the backend; the key varies by URL, headers and the listed query parameters", async () => {
    const { environment, clock } = env();
    let calls = 0;
    const backend = () => ({ status: 200, headers: { "Content-Type": "text/plain", "X-Backend": "1" }, body: `response ${++calls}` });
    const first = await run(xml, { environment, backend, request: { url: "/items?a=1&c=x" } });
    expect(first).toMatchObject({ status: 200, body: "response 1" });
    expect(first.headers["cache-control"]).toEqual(["public, max-age=30"]);
    clock.advance(10_000);
    const hit = await run(xml, { environment, backend, request: { url: "/items?a=1&c=y" } }); // c is not a vary-by parameter
    expect(hit).toMatchObject({ status: 200, body: "response 1" });
    expect(hit.headers["x-backend"]).toEqual(["1"]);
    expect(hit.headers["cache-control"]).toEqual(["public, max-age=20"]);
    expect(hit.variables).not.toHaveProperty("inbound-after-lookup");
    expect(calls).toBe(1);
    expect((await run(xml, { environment, backend, request: { url: "/items?a=2" } })).body).toBe("response 2");
    expect((await run(xml, { environment, backend, request: { url: "/items?a=1", headers: { Accept: "text/xml" } } })).body).toBe("response 3");
    expect((await run(xml, { environment, backend, request: { url: "/other?a=1" } })).body).toBe("response 4");
    expect((await run(xml, { environment, backend, request: { url: "/items?a=1", method: "POST" } })).body).toBe("response 5");
    clock.advance(20_000); // the first entry expires
    expect((await run(xml, { environment, backend, request: { url: "/items?a=1" } })).body).toBe("response 6");
  });

  it("stores only 200 responses unless cache-response is true", async () => {
    const { environment } = env();
    let calls = 0;
    const backend = () => ({ status: 404, body: `missing ${++calls}` });
    await run(xml, { environment, backend });
    expect((await run(xml, { environment, backend })).body).toBe("missing 2");
    const always = xml.replace(`<cache-store duration="30" />`, `<cache-store duration="30" cache-response="true" />`);
    await run(always, { environment, backend, request: { url: "/x" } });
    expect((await run(always, { environment, backend, request: { url: "/x" } })).body).toBe("missing 3");
  });

  it("skips requests with Authorization unless allow-private-response-caching, and varies by developer", async () => {
    const { environment } = env();
    let calls = 0;
    const backend = () => ({ status: 200, body: `r${++calls}` });
    const auth = { headers: { Authorization: "Bearer x" } };
    await run(xml, { environment, backend, request: auth });
    expect((await run(xml, { environment, backend, request: auth })).body).toBe("r2");
    const priv = doc({
      inbound: `<cache-lookup vary-by-developer="true" vary-by-developer-groups="false" allow-private-response-caching="true"><vary-by-header>Authorization</vary-by-header></cache-lookup>`,
      backend: "<forward-request />",
      outbound: `<cache-store duration="30" />`,
    });
    const u1 = { user: { Id: "u1" } };
    await run(priv, { environment, backend, request: auth, caller: u1 });
    expect((await run(priv, { environment, backend, request: auth, caller: u1 })).body).toBe("r3");
    expect((await run(priv, { environment, backend, request: auth, caller: { user: { Id: "u2" } } })).body).toBe("r4");
  });

  it("checks its attributes and children", () => {
    expect(compileErrors(doc({ inbound: `<cache-lookup vary-by-developer="false" />` }))).toMatch(/APIMC2004.*vary-by-developer-groups/);
    expect(compileErrors(doc({ inbound: `<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" downstream-caching-type="shared" />` }))).toMatch(/APIMC2008/);
    expect(compileErrors(doc({ inbound: `<cache-lookup vary-by-developer="false" vary-by-developer-groups="false"><vary-by-cookie>x</vary-by-cookie></cache-lookup>` }))).toMatch(/APIMC2009/);
    expect(compileErrors(doc({ outbound: `<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />` }))).toMatch(/APIMC2006/);
    expect(compileErrors(doc({ inbound: `<cache-store duration="10" />` }))).toMatch(/APIMC2006/);
  });
});

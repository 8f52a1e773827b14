// quota and quota-by-key: fixed periods, call volume and bandwidth, 403 QuotaExceeded, Retry-After.
import { describe, expect, it } from "vitest";
import { newEnvironment } from "../../runtime/context.js";
import { ManualClock, setStateClock, timeSpanText } from "../../runtime/state/index.js";
import { compileErrors, doc, run } from "./helpers.js";

function env(start = Date.UTC(2024, 0, 1, 0, 0, 0)) {
  const e = newEnvironment();
  const clock = new ManualClock(start);
  setStateClock(e, clock);
  return { environment: e, clock };
}

describe("quota-by-key", () => {
  it("counts calls per key over fixed periods and answers 403 with the documented message", async () => {
    const { environment, clock } = env();
    const x = doc({ inbound: `<quota-by-key calls="2" renewal-period="3600" counter-key="@(context.Request.Headers.GetValueOrDefault("K",""))" />` });
    const k = { headers: { K: "a" } };
    expect((await run(x, { environment, request: k })).status).toBe(200);
    clock.advance(60_000);
    expect((await run(x, { environment, request: k })).status).toBe(200);
    clock.advance(60_000);
    const r = await run(x, { environment, request: k });
    expect(r.status).toBe(403);
    expect(r.lastError).toMatchObject({ Reason: "QuotaExceeded", Source: "quota-by-key", Message: "Out of call volume quota. Quota will be replenished in 00:58:00." });
    expect(r.headers["retry-after"]).toEqual(["3480"]);
    expect(JSON.parse(r.body).message).toBe("Out of call volume quota. Quota will be replenished in 00:58:00.");
    expect((await run(x, { environment, request: { headers: { K: "b" } } })).status).toBe(200);
    clock.advance(58 * 60_000); // the next period starts at 01:00:00
    expect((await run(x, { environment, request: k })).status).toBe(200);
  });

  it("first-period-start sets the period boundaries; renewal-period 0 never renews", async () => {
    const { environment, clock } = env(Date.UTC(2024, 0, 1, 0, 10, 0));
    const x = doc({ inbound: `<quota-by-key calls="1" renewal-period="3600" counter-key="k" first-period-start="2024-01-01T00:30:00Z" />` });
    expect((await run(x, { environment })).status).toBe(200);
    expect((await run(x, { environment })).lastError?.Message).toBe("Out of call volume quota. Quota will be replenished in 00:20:00.");
    clock.advance(20 * 60_000);
    expect((await run(x, { environment })).status).toBe(200);
    const life = doc({ inbound: `<quota-by-key calls="1" renewal-period="0" counter-key="life" />` });
    expect((await run(life, { environment })).status).toBe(200);
    clock.advance(365 * 86_400_000);
    const r = await run(life, { environment });
    expect(r.status).toBe(403);
    expect(r.lastError?.Message).toBe("Out of call volume quota.");
    expect(r.headers["retry-after"]).toBeUndefined();
  });

  it("bandwidth counts request and response bytes at the end of the request", async () => {
    const { environment } = env();
    const x = doc({ inbound: `<quota-by-key bandwidth="1" renewal-period="300" counter-key="bw" />`, backend: "<forward-request />" });
    const backend = () => ({ status: 200, body: "x".repeat(700) });
    expect((await run(x, { environment, backend, request: { method: "POST", body: "y".repeat(200) } })).status).toBe(200); // 900 bytes
    expect((await run(x, { environment, backend })).status).toBe(200); // 1600 bytes, over 1 KB now
    const r = await run(x, { environment, backend });
    expect(r.status).toBe(403);
    expect(r.lastError?.Message).toMatch(/^Out of bandwidth quota\. Quota will be replenished in 00:0\d:\d\d\.$/);
  });

  it("deferred increment-condition counts only matching responses; a key counts once per request", async () => {
    const { environment } = env();
    const x = doc({
      inbound: `<quota-by-key calls="2" renewal-period="300" counter-key="k" increment-condition="@(context.Response.StatusCode == 200)" /><quota-by-key calls="2" renewal-period="300" counter-key="k" increment-condition="@(context.Response.StatusCode == 200)" />`,
      backend: "<forward-request />",
    });
    let status = 404;
    const backend = () => ({ status });
    for (let i = 0; i < 4; i++) expect((await run(x, { environment, backend })).status).toBe(404);
    status = 200;
    expect((await run(x, { environment, backend })).status).toBe(200);
    expect((await run(x, { environment, backend })).status).toBe(200); // would be over if counted twice a request
    expect((await run(x, { environment, backend })).status).toBe(403);
  });

  it("reports bad literals at compile time", () => {
    expect(compileErrors(doc({ inbound: `<quota-by-key renewal-period="3600" counter-key="k" />` }))).toMatch(/needs 'calls', 'bandwidth' or both/);
    expect(compileErrors(doc({ inbound: `<quota-by-key calls="5" renewal-period="60" counter-key="k" />` }))).toMatch(/0 \(never renews\) or at least 300/);
    expect(compileErrors(doc({ inbound: `<quota-by-key calls="@(5)" renewal-period="300" counter-key="k" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<quota-by-key calls="5" renewal-period="300" counter-key="k" first-period-start="yesterday" />` }))).toMatch(/first-period-start/);
  });
});

describe("quota", () => {
  it("limits per subscription, with <api>/<operation> quotas", async () => {
    const { environment } = env();
    const x = doc({ inbound: `<quota calls="2" renewal-period="3600" />` });
    const a = { subscription: { Id: "a" } };
    expect((await run(x, { environment, caller: a })).status).toBe(200);
    expect((await run(x, { environment, caller: a })).status).toBe(200);
    const r = await run(x, { environment, caller: a });
    expect(r).toMatchObject({ status: 403, lastError: { Reason: "QuotaExceeded", Source: "quota" } });
    expect((await run(x, { environment, caller: { subscription: { Id: "b" } } })).status).toBe(200);
    const y = doc({ inbound: `<quota calls="100" renewal-period="3600"><api name="api" calls="10" renewal-period="3600"><operation id="operation" calls="1" renewal-period="3600" /></api></quota>` });
    expect((await run(y, { environment, caller: a })).status).toBe(200);
    expect((await run(y, { environment, caller: a })).status).toBe(403);
  });

  it("takes no expressions", () => {
    expect(compileErrors(doc({ inbound: `<quota calls="@(1)" renewal-period="3600" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<quota calls="1" />` }))).toMatch(/APIMC2004.*renewal-period/);
  });

  it("formats TimeSpans as .NET does", () => {
    expect(timeSpanText(59_000)).toBe("00:00:59");
    expect(timeSpanText(90_061_000)).toBe("1.01:01:01");
  });
});

// rate-limit and rate-limit-by-key: sliding windows, 429 with Retry-After, LastError, names, deferred counting.
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

describe("rate-limit-by-key", () => {
  const xml = doc({
    inbound: `<rate-limit-by-key calls="2" renewal-period="10" counter-key="@(context.Request.Headers.GetValueOrDefault("X-Key",""))"
      retry-after-header-name="X-Retry" retry-after-variable-name="retry" remaining-calls-header-name="X-Remaining"
      remaining-calls-variable-name="remaining" total-calls-header-name="X-Total" />`,
  });

  it("allows `calls` per window, then 429 with the retry interval, per key", async () => {
    const { environment, clock } = env();
    const a = { headers: { "X-Key": "a" } };
    const r1 = await run(xml, { environment, request: a });
    expect(r1.status).toBe(200);
    expect(r1.variables.remaining).toBe(1);
    expect(r1.headers["x-remaining"]).toEqual(["1"]);
    expect(r1.headers["x-total"]).toEqual(["2"]);
    clock.advance(3000);
    const r2 = await run(xml, { environment, request: a });
    expect(r2.status).toBe(200);
    expect(r2.headers["x-remaining"]).toEqual(["0"]);
    clock.advance(1000);
    const r3 = await run(xml, { environment, request: a });
    expect(r3.status).toBe(429);
    expect(r3.lastError).toMatchObject({ Reason: "RateLimitExceeded", Message: "Rate limit is exceeded", Source: "rate-limit-by-key", Section: "inbound" });
    expect(r3.variables.retry).toBe(6); // the first call leaves the window 10 s after it was made
    expect(r3.headers["x-retry"]).toEqual(["6"]);
    expect(r3.headers["retry-after"]).toBeUndefined();
    expect(JSON.parse(r3.body)).toMatchObject({ statusCode: 429, message: "Rate limit is exceeded" });
    // another key has its own counter
    expect((await run(xml, { environment, request: { headers: { "X-Key": "b" } } })).status).toBe(200);
    // sliding: after the first call leaves the window, one more fits
    clock.advance(6000);
    expect((await run(xml, { environment, request: a })).status).toBe(200);
    expect((await run(xml, { environment, request: a })).status).toBe(429);
  });

  it("a rejected call is not counted, and on-error sees the 429", async () => {
    const { environment, clock } = env();
    const x = doc({
      inbound: `<rate-limit-by-key calls="1" renewal-period="5" counter-key="k" />`,
      onError: `<set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason + "/" + context.Response.StatusCode)</value></set-header>`,
    });
    expect((await run(x, { environment })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      const r = await run(x, { environment });
      expect(r.status).toBe(429);
      expect(r.headers["x-reason"]).toEqual(["RateLimitExceeded/429"]);
      expect(r.headers["retry-after"]).toEqual([String(5 - (i + 1))]);
    }
    clock.advance(2000);
    expect((await run(x, { environment })).status).toBe(200);
  });

  it("literal increment-count counts that many; increment-condition false never counts", async () => {
    const { environment } = env();
    const x = doc({ inbound: `<rate-limit-by-key calls="5" renewal-period="60" counter-key="k" increment-count="2" remaining-calls-variable-name="left" />` });
    expect((await run(x, { environment })).variables.left).toBe(3);
    expect((await run(x, { environment })).variables.left).toBe(1);
    expect((await run(x, { environment })).status).toBe(429); // 4 + 2 > 5
    const never = doc({ inbound: `<rate-limit-by-key calls="1" renewal-period="60" counter-key="n" increment-condition="false" />` });
    for (let i = 0; i < 3; i++) expect((await run(never, { environment })).status).toBe(200);
  });

  it("an expression increment-condition is evaluated at the end of the request (after the backend)", async () => {
    const { environment } = env();
    const x = doc({
      inbound: `<rate-limit-by-key calls="2" renewal-period="60" counter-key="k" increment-condition="@(context.Response.StatusCode >= 200 &amp;&amp; context.Response.StatusCode &lt; 300)" remaining-calls-header-name="X-Left" />`,
      backend: "<forward-request />",
    });
    let status = 500;
    const backend = () => ({ status });
    for (let i = 0; i < 3; i++) expect((await run(x, { environment, backend })).status).toBe(500); // failures do not count
    status = 200;
    const ok1 = await run(x, { environment, backend });
    expect(ok1.headers["x-left"]).toEqual(["1"]);
    await run(x, { environment, backend });
    expect((await run(x, { environment, backend })).status).toBe(429);
  });

  it("calls and renewal-period may be expressions; bad values fail the request", async () => {
    const { environment } = env();
    const x = doc({ inbound: `<rate-limit-by-key calls="@(1)" renewal-period="@(int.Parse(context.Request.Headers.GetValueOrDefault("P","10")))" counter-key="k" />` });
    expect((await run(x, { environment })).status).toBe(200);
    expect((await run(x, { environment })).status).toBe(429);
    const bad = await run(x, { environment: env().environment, request: { headers: { P: "301" } } });
    expect(bad.status).toBe(500);
    expect(bad.lastError?.Reason).toBe("ExpressionValueEvaluationFailure");
  });

  it("reports bad literals at compile time", () => {
    expect(compileErrors(doc({ inbound: `<rate-limit-by-key calls="10" renewal-period="301" counter-key="k" />` }))).toMatch(/APIMC2008.*renewal-period.*between 1 and 300/);
    expect(compileErrors(doc({ inbound: `<rate-limit-by-key calls="ten" renewal-period="30" counter-key="k" />` }))).toMatch(/APIMC2008.*integer/);
    expect(compileErrors(doc({ inbound: `<rate-limit-by-key calls="1" renewal-period="30" />` }))).toMatch(/APIMC2004.*counter-key/);
    expect(compileErrors(doc({ inbound: `<rate-limit-by-key calls="1" renewal-period="30" counter-key="k" retry-after-header-name="@("x")" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<rate-limit-by-key calls="1" renewal-period="30" counter-key="k" total-calls-header-name="bad name" />` }))).toMatch(/not a valid HTTP header name/);
    expect(compileErrors(doc({ outbound: `<rate-limit-by-key calls="1" renewal-period="30" counter-key="k" />` }))).toMatch(/APIMC2006/);
  });
});

describe("rate-limit", () => {
  const sub = (id: string) => ({ subscription: { Id: id } });

  it("limits per subscription; anonymous callers are not limited", async () => {
    const { environment, clock } = env();
    const x = doc({ inbound: `<rate-limit calls="1" renewal-period="2" remaining-calls-header-name="X-Left" />` });
    const a1 = await run(x, { environment, caller: sub("a") });
    expect(a1.status).toBe(200);
    expect(a1.headers["x-left"]).toEqual(["0"]);
    const a2 = await run(x, { environment, caller: sub("a") });
    expect(a2.status).toBe(429);
    expect(a2.headers["retry-after"]).toEqual(["2"]);
    expect(a2.lastError).toMatchObject({ Reason: "RateLimitExceeded", Source: "rate-limit" });
    expect((await run(x, { environment, caller: sub("b") })).status).toBe(200);
    expect((await run(x, { environment })).status).toBe(200);
    expect((await run(x, { environment })).status).toBe(200);
    clock.advance(2000);
    expect((await run(x, { environment, caller: sub("a") })).status).toBe(200);
  });

  it("applies nested <api> and <operation> limits to matching calls", async () => {
    const { environment } = env();
    const x = doc({
      inbound: `<rate-limit calls="100" renewal-period="60"><api name="orders" calls="3" renewal-period="60"><operation name="create" calls="1" renewal-period="60" /></api></rate-limit>`,
    });
    // runPolicy's default API is "api" / operation "operation": the nested limits do not apply.
    for (let i = 0; i < 5; i++) expect((await run(x, { environment, caller: sub("a") })).status).toBe(200);
    const y = doc({ inbound: `<rate-limit calls="100" renewal-period="60"><api id="api" calls="2" renewal-period="60" /></rate-limit>` });
    expect((await run(y, { environment, caller: sub("a") })).status).toBe(200);
    expect((await run(y, { environment, caller: sub("a") })).status).toBe(200);
    expect((await run(y, { environment, caller: sub("a") })).status).toBe(429);
    const z = doc({ inbound: `<rate-limit calls="100" renewal-period="60"><api name="api" calls="50" renewal-period="60"><operation name="operation" calls="1" renewal-period="60" /></api></rate-limit>` });
    expect((await run(z, { environment, caller: sub("b") })).status).toBe(200);
    expect((await run(z, { environment, caller: sub("b") })).status).toBe(429);
  });

  it("takes no expressions and checks its children", () => {
    expect(compileErrors(doc({ inbound: `<rate-limit calls="@(5)" renewal-period="60" />` }))).toMatch(/APIMC2007/);
    expect(compileErrors(doc({ inbound: `<rate-limit calls="5" renewal-period="0" />` }))).toMatch(/between 1 and 300/);
    expect(compileErrors(doc({ inbound: `<rate-limit calls="5" renewal-period="60"><api calls="1" renewal-period="60" /></rate-limit>` }))).toMatch(/needs a 'name' or an 'id'/);
    expect(compileErrors(doc({ inbound: `<rate-limit calls="5" renewal-period="60"><operation name="x" calls="1" renewal-period="60" /></rate-limit>` }))).toMatch(/takes only <api> children/);
  });
});

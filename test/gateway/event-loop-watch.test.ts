// Issue 17, the event-loop watch: a request that holds the loop (a backtracking regex the author gave
// InfiniteMatchTimeout, so it runs unbounded on the request's thread) is named in one log line, and
// the delay shows in /_apimc/metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { parsePrometheus, sampleValue } from "../helpers/prometheus.js";

const policy = (expr: string) => `<policies>
  <inbound>
    <return-response><set-status code="200" reason="OK" /><set-body>@(${expr})</set-body></return-response>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
</policies>`;

describe("the event-loop watch", () => {
  let gw: Gateway;
  let base: string;
  const lines: string[] = [];
  beforeAll(async () => {
    gw = createGateway({
      apis: [
        { path: "/slow", backend: "http://127.0.0.1:9", policy: policy(String.raw`Regex.IsMatch(context.Request.Headers.GetValueOrDefault("X-In",""), @"^(a+)+\1$", RegexOptions.None, TimeSpan.FromMilliseconds(-1)).ToString()`) },
        { path: "/fast", backend: "http://127.0.0.1:9", policy: policy(`"ok"`) },
      ],
      onEventLoopStall: (line) => lines.push(line),
    });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
  });

  it("logs the request that held the loop once, not per request, and exports the delay", async () => {
    const fast = () => request(`${base}/fast/x`).then((r) => r.body.text());
    await Promise.all(Array.from({ length: 20 }, fast));
    // ~0.3-2 s of backtracking on V8 (a backreference keeps the pattern off the linear engine; its
    // group always captures before it, so the pattern is not one for apimc's .NET engine)
    const slow = await request(`${base}/slow/hostile?key=secret`, { headers: { "X-In": "a".repeat(23) + "!" } });
    expect(await slow.body.text()).toBe("False");
    await Promise.all(Array.from({ length: 20 }, fast));
    // the window ends, and the next one, which logs it (1-2 s; more on a loaded machine)
    for (let k = 0; k < 60 && !lines.some((l) => l.includes("/slow/")); k++) await new Promise((r) => setTimeout(r, 100));
    const named = lines.filter((l) => l.includes("GET /slow/hostile"));
    expect(named, lines.join("\n")).toHaveLength(1);
    expect(named[0]).toMatch(/^event loop delayed \d+ ms \(threshold 100 ms\); the longest request then: GET \/slow\/hostile\?key=\S+ \d+ ms of its own time, request \S+, api \S+, operation \S+$/);
    // far fewer lines than requests: at most one a window
    expect(lines.length).toBeLessThanOrEqual(6);
    const m = parsePrometheus(await (await request(`${base}/_apimc/metrics`)).body.text());
    expect(sampleValue(m, "apimc_event_loop_delay_max_seconds")).toBeGreaterThan(0.1);
    expect(sampleValue(m, "apimc_event_loop_stalls_total")).toBeGreaterThanOrEqual(1);
    expect(sampleValue(m, "apimc_event_loop_delay_seconds", { quantile: "p99" })).toBeGreaterThanOrEqual(0);
  });
});

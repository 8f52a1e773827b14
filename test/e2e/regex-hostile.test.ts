// Issue 17 end to end: a catastrophic-backtracking pattern on a request header answers in bounded time
// (linear-time engine), with .NET's results, while the gateway keeps serving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { rawGet } from "../helpers/servers.js";

const POLICY = `<policies>
  <inbound>
    <return-response>
      <set-status code="200" reason="OK" />
      <set-header name="X-Match" exists-action="override">
        <value>@(Regex.IsMatch(context.Request.Headers.GetValueOrDefault("X-In",""), "^(a+)+$") ? "match" : "no match")</value>
      </set-header>
      <set-body>@{
        var m = Regex.Match(context.Request.Headers.GetValueOrDefault("X-In",""), @"^(?<run>(a+)+)(?<tail>\\W*)$");
        return m.Success + "|" + m.Groups["run"].Length + "|" + m.Groups[1].Length + "|" + m.Groups["tail"].Value;
      }</set-body>
    </return-response>
  </inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
</policies>`;

// Generous for a loaded 2-core machine; V8's backtracking takes > 1 s at n = 26 and hours at n = 40.
const BOUND_MS = 1000;

describe("a catastrophic regex on request data through the gateway", () => {
  let gw: Gateway;
  let port: number;
  beforeAll(async () => {
    gw = createGateway({ apis: [{ path: "/", backend: "http://127.0.0.1:9", policy: POLICY }] });
    port = (await gw.listen()).port;
    await rawGet(`http://127.0.0.1:${port}/x`, { "X-In": "warm-up" }); // first request loads the compiled policy
  });
  afterAll(async () => {
    await gw.close();
  });

  for (const n of [16, 26, 40, 1000]) {
    it(`^(a+)+$ on ${n} a's + '!' answers "no match" within ${BOUND_MS} ms, and on ${n} a's "match"`, async () => {
      const hostile = await rawGet(`http://127.0.0.1:${port}/x`, { "X-In": "a".repeat(n) + "!" });
      expect(hostile.status).toBe(200);
      expect(hostile.rawHeaders.find(([k]) => k === "x-match")?.[1]).toBe("no match");
      // (?<run>(a+)+)(?<tail>\W*)$: .NET's answer: the whole run, group 1 (one greedy iteration: every a), the "!"
      expect(hostile.body).toBe(`True|${n}|${n}|!`);
      expect(hostile.elapsedMs).toBeLessThan(BOUND_MS);
      const benign = await rawGet(`http://127.0.0.1:${port}/x`, { "X-In": "a".repeat(n) });
      expect(benign.rawHeaders.find(([k]) => k === "x-match")?.[1]).toBe("match");
      expect(benign.body).toBe(`True|${n}|${n}|`);
    });
  }
});

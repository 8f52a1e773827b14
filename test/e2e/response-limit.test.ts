// Response bodies read into memory are capped (configureResponseLimit): past it, a 502 policy error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureResponseLimit } from "../../runtime/http.js";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";

describe("response body limit", () => {
  let big: TestServer;
  beforeAll(async () => {
    big = await startServer((req, res) => {
      if (req.url === "/chunked") {
        res.write("x".repeat(600));
        res.end("y".repeat(600));
      } else res.end("z".repeat(1200));
    });
    configureResponseLimit(1000);
  });
  afterAll(async () => {
    configureResponseLimit(64 * 1024 * 1024);
    await big.close();
  });

  it.each(["/length", "/chunked"])("send-request to a body over the limit (%s) fails with ResponseBodyTooLarge, 502", async (path) => {
    const r = await runPolicy(`<policies><inbound><send-request response-variable-name="r"><set-url>${big.url}${path}</set-url><set-method>GET</set-method></send-request></inbound><backend/></policies>`);
    expect(r.status).toBe(502);
    expect(r.lastError).toMatchObject({ Reason: "ResponseBodyTooLarge", Source: "send-request" });
  });

  it("forwarding when a policy reads the body: the same error", async () => {
    const r = await runPolicy(`<policies><outbound><set-body>@(context.Response.Body.As<string>())</set-body></outbound></policies>`, { backend: big.url });
    expect(r.status).toBe(502);
    expect(r.lastError).toMatchObject({ Reason: "ResponseBodyTooLarge" });
  });
});

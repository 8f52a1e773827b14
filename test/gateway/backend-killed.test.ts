// Killing a backend mid-request gives the client an APIM-style error response, not a hang or a reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";

describe("a backend that dies mid-request", () => {
  let backend: Server;
  let gw: Gateway;
  let base: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    backend = createServer((req, res) => {
      if (req.url === "/die-before-answer") {
        req.socket.destroy(); // the process "dies" with the request in flight
        return;
      }
      if (req.url === "/die-mid-body") {
        res.writeHead(200, { "content-type": "text/plain", "content-length": "100000" });
        res.write("partial");
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      res.end("ok");
    });
    backend.on("connection", (s) => sockets.add(s));
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    // The outbound reads the body, so the gateway buffers it and can still answer on a failure.
    const policy = `<policies><inbound/><backend><forward-request timeout="5"/></backend><outbound><set-header name="X-Len" exists-action="override"><value>@(context.Response.Body.As<string>(preserveContent: true).Length.ToString())</value></set-header></outbound></policies>`;
    gw = createGateway({ apis: [{ path: "/", backend: url, policy }] });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    for (const s of sockets) s.destroy();
    backend.close();
  });

  it("before answering: 500 with APIM's error body", async () => {
    const r = await request(`${base}/die-before-answer`);
    expect(r.statusCode).toBe(500);
    expect(((await r.body.json()) as { statusCode: number; message: string })).toMatchObject({ statusCode: 500, message: "Internal server error" });
  });

  it("in the middle of the body: 500 with APIM's error body", async () => {
    const r = await request(`${base}/die-mid-body`);
    expect(r.statusCode).toBe(500);
    expect(((await r.body.json()) as { statusCode: number })).toMatchObject({ statusCode: 500 });
  });

  it("the gateway goes on serving", async () => {
    const r = await request(`${base}/fine`);
    expect(r.statusCode).toBe(200);
    expect(await r.body.text()).toBe("ok");
  });
});

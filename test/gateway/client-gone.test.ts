// A client that goes away while the gateway streams a backend's response: the gateway stops
// reading the backend, so a long stream (server-sent events) does not run on with nobody to receive
// it and the backend's connection is released.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { createGateway, type Gateway } from "../../gateway/host.js";

describe("a client that goes away during a streamed response", () => {
  let backend: Server;
  let gw: Gateway;
  let port: number;
  const closed: number[] = [];
  beforeAll(async () => {
    backend = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const tick = setInterval(() => res.write("data: tick\n\n"), 20);
      res.on("close", () => {
        clearInterval(tick);
        closed.push(Date.now());
      });
    });
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    // No policy reads the body: the gateway streams it through.
    gw = createGateway({ apis: [{ path: "/", backend: url, policy: `<policies><inbound/><backend><forward-request timeout="5"/></backend><outbound/></policies>` }] });
    port = (await gw.listen()).port;
  });
  afterAll(async () => {
    backend.closeAllConnections();
    backend.close();
    await gw.close();
  });

  it("closes the backend's stream within moments of the client leaving", async () => {
    const socket = connect(port, "127.0.0.1");
    socket.write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
    // Wait for the stream to be flowing through the gateway.
    await new Promise<void>((resolve) => {
      let seen = "";
      socket.on("data", (d: Buffer) => {
        seen += d.toString();
        if (seen.includes("data: tick")) resolve();
      });
    });
    expect(closed).toHaveLength(0);
    const left = Date.now();
    socket.destroy();
    const deadline = Date.now() + 2000;
    while (closed.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(closed).toHaveLength(1);
    expect(closed[0]! - left).toBeLessThan(1000);
  });
});

describe("a backend that falls silent in the middle of a streamed response", () => {
  let backend: Server;
  let gw: Gateway;
  let port: number;
  beforeAll(async () => {
    backend = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: first\n\n"); // then nothing, connection kept open
    });
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    gw = createGateway({ apis: [{ path: "/", backend: url, policy: `<policies><inbound/><backend><forward-request timeout="1"/></backend><outbound/></policies>` }] });
    port = (await gw.listen()).port;
  });
  afterAll(async () => {
    backend.closeAllConnections();
    backend.close();
    await gw.close();
  });

  it("is cut off after the forward-request timeout without data: the client's connection closes", async () => {
    const socket = connect(port, "127.0.0.1");
    socket.write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
    let seen = "";
    socket.on("data", (d: Buffer) => (seen += d.toString()));
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const elapsed = Date.now() - started;
    expect(seen).toContain("data: first");
    // undici's idle timer has about a second's resolution: between the timeout and twice it.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3500);
  });
});

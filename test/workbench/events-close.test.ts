// The workbench's live-update streams and the gateway's close: once closed, a page that reconnects
// (EventSource does, by itself) gets a 503 that ends, not a stream that would hold server.close()
// up for ever (seen as a 60 s hang of "a gateway that restarts" under load).
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WorkbenchEvents } from "../../gateway/workbench/events.js";

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/events" }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("workbench events and close", () => {
  it("a stream opened after close is a 503 that ends, and the server closes at once", async () => {
    const events = new WorkbenchEvents();
    server = createServer((_req, res) => events.open(res));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    events.close();
    const r = await get(port);
    expect(r.status).toBe(503);
    expect(r.body).toContain("closing");
    expect(events.size).toBe(0);
    // (no stream holds it: the close completes)
    await new Promise<void>((res) => {
      server!.close(() => res());
      server!.closeIdleConnections();
    });
    server = null;
  });
});

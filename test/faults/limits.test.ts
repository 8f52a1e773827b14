// Run-time limits through the gateway with a real client: request body over maxBodyBytes → 413,
// request headers over Node's maxHeaderSize → 431, a backend's oversized response head → 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { faultServer } from "./fault-servers.js";

/** One raw HTTP/1.1 exchange; returns the status line's code and the body. */
function raw(port: number, head: string, body: Buffer | string = ""): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => {
      s.write(head);
      if (body.length) s.write(body, () => {});
    });
    let data = "";
    s.on("data", (c) => (data += c.toString("latin1")));
    s.on("error", (e) => (data ? resolve(parse(data)) : reject(e)));
    s.on("close", () => resolve(parse(data)));
  });
  function parse(d: string) {
    const m = /^HTTP\/1\.1 (\d{3})/.exec(d);
    const headEnd = d.indexOf("\r\n\r\n");
    let text = d.slice(headEnd + 4);
    if (/\r\ntransfer-encoding: chunked/i.test(d.slice(0, headEnd))) {
      let out = "";
      for (let i = 0; ; ) {
        const eol = text.indexOf("\r\n", i);
        const n = parseInt(text.slice(i, eol), 16);
        if (!(n > 0)) break;
        out += text.slice(eol + 2, eol + 2 + n);
        i = eol + 2 + n + 2;
      }
      text = out;
    }
    return { status: m ? Number(m[1]) : 0, text };
  }
}

describe("gateway limits", () => {
  let backend: TestServer;
  let gw: Gateway;
  let port: number;
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(`got ${req.body.length}`));
    gw = createGateway({
      maxBodyBytes: 1024,
      apis: [
        { path: "/reads", backend: backend.url, policy: `<policies><inbound><set-variable name="n" value="@(context.Request.Body.As&lt;string&gt;(preserveContent: true).Length)"/></inbound></policies>` },
        { path: "/streams", backend: backend.url, policy: `<policies><inbound/></policies>` },
      ],
    });
    port = (await gw.listen()).port;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  it("a request body over maxBodyBytes is 413 with the default error body, when a policy reads it", async () => {
    const ok = await raw(port, "POST /reads/x HTTP/1.1\r\nHost: a\r\nContent-Length: 1024\r\nConnection: close\r\n\r\n", "a".repeat(1024));
    expect(ok.status).toBe(200);
    expect(ok.text).toBe("got 1024");
    const big = Buffer.alloc(512 * 1024, 0x61);
    const r = await raw(port, `POST /reads/x HTTP/1.1\r\nHost: a\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`, big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toMatchObject({ statusCode: 413 });
    const chunked = await raw(port, "POST /reads/x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", `800\r\n${"b".repeat(0x800)}\r\n0\r\n\r\n`);
    expect(chunked.status).toBe(413);
  });

  it("a body no policy reads streams through whatever its size", async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const r = await raw(port, `POST /streams/x HTTP/1.1\r\nHost: a\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`, big);
    expect(r.status).toBe(200);
    expect(r.text).toBe(`got ${big.length}`);
  });

  it("request headers over Node's maxHeaderSize (16 KiB) are 431; many small headers too", async () => {
    const one = await raw(port, `GET /streams/x HTTP/1.1\r\nHost: a\r\nX-Big: ${"h".repeat(20 * 1024)}\r\nConnection: close\r\n\r\n`);
    expect(one.status).toBe(431);
    const many = await raw(port, `GET /streams/x HTTP/1.1\r\nHost: a\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: v\r\n`).join("")}Connection: close\r\n\r\n`);
    expect(many.status).toBe(431);
    const fine = await raw(port, `GET /streams/x HTTP/1.1\r\nHost: a\r\nX-Ok: ${"h".repeat(8 * 1024)}\r\nConnection: close\r\n\r\n`);
    expect(fine.status).toBe(200);
  });

  it("malformed request lines get 400 and the gateway keeps serving", async () => {
    expect((await raw(port, "GARBAGE\r\n\r\n")).status).toBe(400);
    expect((await raw(port, "GET /streams/x HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n")).status).toBe(400);
    expect((await raw(port, "GET /streams/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).status).toBe(200);
  });

  it("a backend response head over 16 KiB is BackendConnectionFailure (500)", async () => {
    const s = await faultServer({ kind: "ok", body: "x", contentType: `text/plain; x=${"y".repeat(20 * 1024)}` });
    const g = createGateway({ apis: [{ path: "/", backend: s.url, policy: `<policies><inbound/></policies>` }] });
    const p = (await g.listen()).port;
    try {
      const r = await raw(p, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
      expect(r.status).toBe(500);
      expect(JSON.parse(r.text)).toMatchObject({ statusCode: 500, message: "Internal server error" });
    } finally {
      await g.close();
      await s.close();
    }
  });
});

// The backend's response as the gateway reads it (runtime/backend-response.ts, straight from
// undici's dispatch callbacks): every response shape below, through a module that streams bodies
// and through one that buffers them (a policy reads the body), reaches a real client with the same
// status, headers (repeated ones kept, names lower-cased as undici gives them) and body bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";

interface Shape {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** Sent without Content-Length (chunked), in pieces. */
  chunked?: boolean;
  /** A 103 Early Hints before the final response. */
  early?: boolean;
}
const big = Buffer.alloc(200_000, 0x61); // past the 64 KiB read-whole size: streamed when streaming
const SHAPES: Record<string, Shape> = {
  small: { status: 200, headers: [["Content-Type", "application/json"]], body: Buffer.from('{"a":1}') },
  empty: { status: 204, headers: [], body: Buffer.alloc(0) },
  repeated: { status: 200, headers: [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], ["X-Multi", "1"], ["x-multi", "2"]], body: Buffer.from("r") },
  chunked: { status: 200, headers: [["Content-Type", "text/plain"]], body: Buffer.from("one two three"), chunked: true },
  bigLength: { status: 200, headers: [["Content-Type", "application/octet-stream"]], body: big },
  bigChunked: { status: 200, headers: [], body: big, chunked: true },
  error: { status: 503, headers: [["Retry-After", "5"]], body: Buffer.from("down") },
  earlyHints: { status: 200, headers: [["Content-Type", "text/plain"]], body: Buffer.from("after hints"), early: true },
  binary: { status: 200, headers: [["Content-Type", "application/octet-stream"]], body: Buffer.from([0, 255, 10, 13, 128, 1]) },
  latin1Header: { status: 200, headers: [["X-Name", "caf\u00e9"]], body: Buffer.from("x") },
};

const STREAMING = `<policies><inbound/><backend><forward-request timeout="5"/></backend><outbound/></policies>`;
// Reading the body makes the gateway buffer it.
const BUFFERING = `<policies><inbound/><backend><forward-request timeout="5"/></backend><outbound><set-variable name="n" value="@(context.Response.Body.As<byte[]>(preserveContent: true).Length)" /></outbound></policies>`;

describe("backend responses through the gateway, streamed and buffered", () => {
  let backend: Server;
  const gws: Record<string, { gw: Gateway; base: string }> = {};
  beforeAll(async () => {
    backend = createServer((req, res) => {
      const s = SHAPES[req.url!.slice(1)]!;
      if (s.early) res.writeEarlyHints({ link: "</style.css>; rel=preload" });
      const headers: string[] = s.headers.flat();
      if (!s.chunked && s.status !== 204) headers.push("Content-Length", String(s.body.length));
      res.writeHead(s.status, headers);
      if (s.chunked) {
        const half = s.body.length >> 1;
        res.write(s.body.subarray(0, half));
        setTimeout(() => res.end(s.body.subarray(half)), 5);
      } else res.end(s.status === 204 ? undefined : s.body);
    });
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    for (const [mode, policy] of Object.entries({ streaming: STREAMING, buffering: BUFFERING })) {
      const gw = createGateway({ apis: [{ path: "/", backend: url, policy }] });
      gws[mode] = { gw, base: `http://127.0.0.1:${(await gw.listen()).port}` };
    }
  });
  afterAll(async () => {
    for (const { gw } of Object.values(gws)) await gw.close();
    backend.close();
  });

  for (const mode of ["streaming", "buffering"])
    for (const [name, s] of Object.entries(SHAPES))
      it(`${mode}: ${name}`, async () => {
        const r = await request(`${gws[mode]!.base}/${name}`);
        const body = Buffer.from(await r.body.arrayBuffer());
        expect(r.statusCode).toBe(s.status);
        expect(body.equals(s.body)).toBe(true);
        // Every header the backend sent, its values in order (repeated names kept).
        const want = new Map<string, string[]>();
        for (const [k, v] of s.headers) want.set(k.toLowerCase(), [...(want.get(k.toLowerCase()) ?? []), v]);
        for (const [k, values] of want) {
          const got = r.headers[k];
          const list = Array.isArray(got) ? got : got === undefined ? [] : String(got).split(k === "set-cookie" ? /$^/ : /,\s*/);
          expect(list.map((x) => Buffer.from(x, "latin1").toString("latin1")), k).toEqual(values);
        }
        if (!s.chunked && s.status !== 204) expect(r.headers["content-length"]).toBe(String(s.body.length));
      });
});

// Who may use the workbench: this machine (loopback address and a loopback Host name), or anyone
// with the trace key; everyone else gets the 404 of a path that does not exist. A request that
// changes something needs `x-apimc-workbench: 1` (403 without). Tested with the decision function
// over a matrix of addresses, hosts, keys and methods, and with real HTTP from 127.0.0.1 and, when
// the machine has one, from a non-loopback address of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { decideAccess, isLoopback, isLoopbackHost } from "../../gateway/workbench/access.js";

const KEY = "access-key-77aa";

describe("access decision", () => {
  const LOOPBACK = ["127.0.0.1", "127.5.6.7", "::1", "::ffff:127.0.0.1"];
  const REMOTE = ["10.0.0.5", "192.168.1.20", "::ffff:10.1.2.3", "fe80::1", "2001:db8::1", "128.0.0.1", "", undefined];
  const LOCAL_HOSTS = ["127.0.0.1", "127.0.0.1:8080", "localhost", "localhost:1", "LOCALHOST:80", "[::1]", "[::1]:8080", "app.localhost:3000"];
  const OTHER_HOSTS = ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]:80", "", "127.0.0.1:80x", "[::1]x"];

  it("recognizes loopback addresses and Host names", () => {
    for (const a of LOOPBACK) expect(isLoopback(a), a).toBe(true);
    for (const a of REMOTE) expect(isLoopback(a), String(a)).toBe(false);
    for (const h of LOCAL_HOSTS) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of OTHER_HOSTS) expect(isLoopbackHost(h), h).toBe(false);
  });

  it("every combination of address, host, key and method", () => {
    for (const remoteAddress of [...LOOPBACK, ...REMOTE])
      for (const host of [...LOCAL_HOSTS, ...OTHER_HOSTS])
        for (const key of [undefined, KEY, "wrong", KEY + "x", ""])
          for (const traceKey of [KEY, null])
            for (const method of ["GET", "HEAD", "POST", "PUT"])
              for (const csrf of [undefined, "1", "0"]) {
                const d = decideAccess({ remoteAddress, host, key, method, csrf }, traceKey);
                const allowedClient = (traceKey !== null && key === traceKey) || (isLoopback(remoteAddress) && isLoopbackHost(host));
                const expected = !allowedClient ? "not-found" : method === "GET" || method === "HEAD" || csrf === "1" ? "allow" : "forbidden";
                expect(d, JSON.stringify({ remoteAddress, host, key, traceKey, method, csrf })).toBe(expected);
              }
  });
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function ownAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (i.family === "IPv4" && !i.internal) return i.address;
  return null;
}

describe("access over HTTP", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-wb-access-"));
  let gw: Gateway;
  let port = 0;
  beforeAll(async () => {
    mkdirSync(join(dir, "p"));
    writeFileSync(join(dir, "p/api.xml"), `<policies><inbound><base /></inbound><backend><return-response><set-status code="204" /></return-response></backend></policies>\n`);
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ trace: { key: KEY }, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9/", policy: "p/api.xml" }] }));
    gw = createGateway({ config: join(dir, "gateway.json"), workbench: true });
    // All addresses, so the machine's own non-loopback address reaches it too.
    port = (await gw.listen(0, "0.0.0.0")).port;
  });
  afterAll(async () => {
    await gw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("from 127.0.0.1: GET answers; PUT/POST need x-apimc-workbench: 1 (403 JSON without)", async () => {
    const g = await request(`http://127.0.0.1:${port}/_apimc/api/config`);
    expect(g.statusCode).toBe(200);
    await g.body.dump();
    for (const [method, path] of [
      ["POST", "check"],
      ["PUT", "file"],
      ["POST", "send"],
    ] as const) {
      const r = await request(`http://127.0.0.1:${port}/_apimc/api/${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify({ path: "p/api.xml", text: "x" }) });
      expect(r.statusCode, path).toBe(403);
      expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(((await r.body.json()) as { error: { code: string } }).error.code).toBe("WB_CSRF");
    }
    const ok = await request(`http://127.0.0.1:${port}/_apimc/api/check`, { method: "POST", headers: { "x-apimc-workbench": "1" }, body: JSON.stringify({ path: "p/api.xml", text: "<policies/>" }) });
    expect(ok.statusCode).toBe(200);
    await ok.body.dump();
  });

  it("from 127.0.0.1 with a Host that is not a loopback name (DNS rebinding): 404 unless the key is given", async () => {
    const r = await request(`http://127.0.0.1:${port}/_apimc/api/config`, { headers: { host: "rebound.example" } });
    expect(r.statusCode).toBe(404);
    expect(await r.body.text()).not.toContain("apis");
    const k = await request(`http://127.0.0.1:${port}/_apimc/api/config`, { headers: { host: "rebound.example", "Apimc-Trace": KEY } });
    expect(k.statusCode).toBe(200);
    await k.body.dump();
  });

  const own = ownAddress();
  it.runIf(own !== null)(`from a non-loopback address of this machine (${own}): 404 without the key, the page and API with it`, async () => {
    for (const path of ["/_apimc/", "/_apimc/api/config", "/_apimc/api/requests", "/_apimc/assets/workbench.js"]) {
      const r = await request(`http://${own}:${port}${path}`);
      expect(r.statusCode, path).toBe(404);
      const text = await r.body.text();
      expect(text, path).toBe(JSON.stringify({ statusCode: 404, message: "Resource not found" }));
    }
    const byHeader = await request(`http://${own}:${port}/_apimc/api/config`, { headers: { "Apimc-Trace": KEY } });
    expect(byHeader.statusCode).toBe(200);
    expect(((await byHeader.body.json()) as { apis: unknown[] }).apis).toHaveLength(1);
    const byQuery = await request(`http://${own}:${port}/_apimc/?key=${KEY}`);
    expect(byQuery.statusCode).toBe(200);
    // The page's scripts and styles load from this address too: their URLs carry the key.
    const assets = [...(await byQuery.body.text()).matchAll(/(?:src|href)="(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const a of assets) {
      expect(a).toContain(`?key=${encodeURIComponent(KEY)}`);
      const r = await request(`http://${own}:${port}/_apimc/${a}`);
      expect([a, r.statusCode]).toEqual([a, 200]);
      await r.body.dump();
    }
    const wrong = await request(`http://${own}:${port}/_apimc/api/config`, { headers: { "Apimc-Trace": "nope" } });
    expect(wrong.statusCode).toBe(404);
    await wrong.body.dump();
    const put = await request(`http://${own}:${port}/_apimc/api/file`, { method: "PUT", headers: { "Apimc-Trace": KEY }, body: "{}" });
    expect(put.statusCode).toBe(403);
    await put.body.dump();
  });
});

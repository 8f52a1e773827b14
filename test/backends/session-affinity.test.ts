// Session awareness of load-balanced pools (`pool.sessionAffinity.sessionId`: source Cookie and the
// cookie's name), end to end with real backends on 127.0.0.1 and clients that keep their cookies:
// a new session gets a Set-Cookie and then stays on its member while the pool round-robins the
// others; many sessions spread as the balancer spreads them; a member killed behind a breaker
// moves its sessions (with a new cookie) and they stay where they moved after it is revived; a
// member without a breaker keeps its sessions (they fail while it is dead, as APIM's pools do); a
// cookie naming no member, a member that left the pool, or another pool's member starts a new
// session; the cookie works across gateways (no shared state), and an APIOps pool has it too.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway } from "../../gateway/host.js";
import { startKillable, type KillableBackend } from "./killable.js";
import { policy, serveConfig, type Served } from "./gateway-setup.js";
import { write, writeFolder } from "../apiops/folder.js";

const backends: KillableBackend[] = [];
const servedList: Served[] = [];
afterEach(async () => {
  for (const s of servedList.splice(0)) await s.close();
  for (const b of backends.splice(0)) await b.close();
});

async function start(...names: string[]): Promise<KillableBackend[]> {
  const list = await Promise.all(names.map((n) => startKillable(n)));
  backends.push(...list);
  return list;
}
async function serve(config: Record<string, unknown>, first: KillableBackend): Promise<Served> {
  const s = await serveConfig(config, { "/p": policy(`<set-backend-service backend-id="pool" />`) }, first.url);
  servedList.push(s);
  return s;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COOKIE = "APIM-Session";
const affinity = { sessionId: { source: "Cookie", name: COOKIE } };
const breaker = (trip: string) => ({ rules: [{ name: "r", failureCondition: { count: 1, interval: "PT10S", statusCodeRanges: [{ min: 500, max: 599 }] }, tripDuration: trip }] });

/** A client that keeps the session cookie as a browser would: the last Set-Cookie of that name wins. */
class Client {
  cookie: string | null = null;
  setCookies = 0;
  constructor(private readonly base: string) {}
  async get(path = "/p/x"): Promise<{ status: number; backend: string | null }> {
    const r = await request(this.base + path, { headers: this.cookie ? { cookie: `other=1; ${this.cookie}` } : {} });
    await r.body.dump();
    const set = r.headers["set-cookie"];
    for (const line of (Array.isArray(set) ? set : set ? [set] : []).filter((l) => l.startsWith(`${COOKIE}=`))) {
      this.setCookies++;
      this.cookie = line.split(";")[0]!;
    }
    const who = r.headers["x-backend"];
    return { status: r.statusCode, backend: typeof who === "string" ? who : null };
  }
}

describe("pool session awareness", () => {
  it("a session stays on its member; new sessions spread as the balancer does; the cookie is set once", async () => {
    const [a, b, c] = await start("a", "b", "c");
    const s = await serve({ backends: { a: { url: a!.url }, b: { url: b!.url }, c: { url: c!.url }, pool: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }, { id: "c" }], sessionAffinity: affinity } } } }, a!);
    const clients = Array.from({ length: 9 }, () => new Client(s.base));
    const firsts: string[] = [];
    for (const cl of clients) firsts.push((await cl.get()).backend!);
    // Round-robin across new sessions: three each.
    expect(firsts.slice().sort()).toEqual(["a", "a", "a", "b", "b", "b", "c", "c", "c"]);
    for (let round = 0; round < 5; round++)
      for (const [i, cl] of clients.entries()) expect({ i, round, backend: (await cl.get()).backend }).toEqual({ i, round, backend: firsts[i] });
    expect(clients.map((cl) => cl.setCookies)).toEqual(Array(9).fill(1));
    expect(clients[0]!.cookie).toMatch(new RegExp(`^${COOKIE}=[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+$`));
    // Two sessions on one member have their own ids.
    const onA = clients.filter((_, i) => firsts[i] === "a").map((cl) => cl.cookie);
    expect(new Set(onA).size).toBe(3);
    // A client without cookies is balanced as before.
    const anon = new Client(s.base);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      anon.cookie = null;
      seen.add((await anon.get()).backend!);
    }
    expect([...seen].sort()).toEqual(["a", "b", "c"]);
  });

  it("a member killed behind a breaker moves its sessions, which stay on the new member after it is revived", async () => {
    const [a, b] = await start("a", "b");
    const s = await serve({ backends: { a: { url: a!.url, circuitBreaker: breaker("PT1S") }, b: { url: b!.url, circuitBreaker: breaker("PT1S") }, pool: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }], sessionAffinity: affinity } } } }, a!);
    const one = new Client(s.base);
    const two = new Client(s.base);
    expect((await one.get()).backend).toBe("a");
    expect((await two.get()).backend).toBe("b");
    const pinnedA = one.cookie;
    await a!.kill();
    // The first request after the kill fails (connection refused) and trips a's breaker.
    expect((await one.get()).status).toBe(500);
    const moved = await one.get();
    expect(moved).toEqual({ status: 200, backend: "b" });
    expect(one.cookie).not.toBe(pinnedA);
    expect(one.setCookies).toBe(2);
    await a!.revive();
    await sleep(1200); // a's breaker closes
    for (let i = 0; i < 4; i++) {
      expect((await one.get()).backend).toBe("b");
      expect((await two.get()).backend).toBe("b");
    }
    expect(one.setCookies).toBe(2);
    // The old cookie (a client that kept it) goes back to a, now available again.
    const old = new Client(s.base);
    old.cookie = pinnedA;
    expect((await old.get()).backend).toBe("a");
    expect(old.setCookies).toBe(0);
  });

  it("without a breaker a dead member keeps its sessions (they fail until it is revived); other sessions are untouched", async () => {
    const [a, b] = await start("a", "b");
    const s = await serve({ backends: { a: { url: a!.url }, b: { url: b!.url }, pool: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }], sessionAffinity: affinity } } } }, a!);
    const one = new Client(s.base);
    const two = new Client(s.base);
    expect((await one.get()).backend).toBe("a");
    expect((await two.get()).backend).toBe("b");
    await a!.kill();
    expect((await one.get()).status).toBe(500);
    expect((await two.get()).backend).toBe("b");
    await a!.revive();
    expect((await one.get()).backend).toBe("a");
    expect(one.setCookies).toBe(1);
  });

  it("a cookie naming no member, a member that left the pool, or garbage starts a new session", async () => {
    const [a, b, c] = await start("a", "b", "c");
    const config = (members: string[]) => ({ backends: { a: { url: a!.url }, b: { url: b!.url }, c: { url: c!.url }, pool: { type: "Pool", pool: { services: members.map((id) => ({ id })), sessionAffinity: affinity } } } });
    const s = await serve(config(["a", "b"]), a!);
    const forged = (member: string) => `${COOKIE}=xxxxxxxxxxxxxxxx.${Buffer.from(member).toString("base64url")}`;
    for (const value of [forged("c"), forged("nope"), `${COOKIE}=garbage`, `${COOKIE}=`, `${COOKIE}=.`]) {
      const cl = new Client(s.base);
      cl.cookie = value;
      const r = await cl.get();
      expect({ value, status: r.status, fresh: cl.setCookies }).toEqual({ value, status: 200, fresh: 1 });
      expect(["a", "b"]).toContain(r.backend);
    }
    // A forged cookie for a member of the pool is honoured (it only picks among the pool's own members).
    const chosen = new Client(s.base);
    chosen.cookie = forged("b");
    expect([(await chosen.get()).backend, chosen.setCookies]).toEqual(["b", 0]);
  });

  it("the cookie carries the session between gateways (another worker, a restart): no shared state", async () => {
    const [a, b, c] = await start("a", "b", "c");
    const config = { backends: { a: { url: a!.url }, b: { url: b!.url }, c: { url: c!.url }, pool: { type: "Pool", pool: { services: [{ id: "a" }, { id: "b" }, { id: "c" }], sessionAffinity: affinity } } } };
    const g1 = await serve(config, a!);
    const g2 = await serve(config, a!);
    const cl = new Client(g1.base);
    await cl.get();
    await cl.get();
    const where = (await cl.get()).backend;
    const other = new Client(g2.base);
    other.cookie = cl.cookie;
    for (let i = 0; i < 3; i++) expect((await other.get()).backend).toBe(where);
    expect(other.setCookies).toBe(0);
  });

  it("diagnostics at the line and column of gateway.json", async () => {
    const [a] = await start("a");
    for (const [bad, message] of [
      [{ sessionId: { source: "Header", name: "x" } }, `The session id's 'source' is "Cookie"`],
      [{ sessionId: { source: "Cookie" } }, "The session id needs 'name'"],
      [{ sessionId: { source: "Cookie", name: "a b" } }, "The session id needs 'name'"],
      [{ cookie: "x" }, "Unknown sessionAffinity property 'cookie'"],
    ] as const) {
      await expect(serve({ backends: { a: { url: a!.url }, pool: { type: "Pool", pool: { services: [{ id: "a" }], sessionAffinity: bad } } } }, a!)).rejects.toThrow(message);
    }
  });
});

describe("APIOps pool with session awareness", () => {
  it("backendInformation.json's pool.sessionAffinity is applied", async () => {
    const [a, b] = await start("a", "b");
    const root = mkdtempSync(join(tmpdir(), "apimc-apiops-affinity-"));
    writeFolder(root, { apis: [{ name: "chat", path: "chat", serviceUrl: `${a!.url}/unused`, openapi: "3.0.1", operations: [{ operationId: "talk", method: "GET", path: "/talk" }], subscriptionRequired: false, policy: policy(`<set-backend-service backend-id="chat-pool" />`) }] });
    for (const [id, url] of [["a", a!.url], ["b", b!.url]]) write(join(root, "backends", id!, "backendInformation.json"), JSON.stringify({ properties: { url, protocol: "http" } }));
    write(join(root, "backends", "chat-pool", "backendInformation.json"), JSON.stringify({ properties: { type: "Pool", pool: { services: [{ id: "/backends/a" }, { id: "/backends/b" }], sessionAffinity: { sessionId: { source: "Cookie", name: COOKIE } } } } }, null, 2));
    const gw = createGateway({ apiops: { dir: root } });
    try {
      const base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
      const one = new Client(base);
      const first = (await one.get("/chat/talk")).backend;
      for (let i = 0; i < 4; i++) expect((await one.get("/chat/talk")).backend).toBe(first);
      expect(one.setCookies).toBe(1);
      const two = new Client(base);
      expect((await two.get("/chat/talk")).backend).not.toBe(first);
    } finally {
      await gw.close();
    }
  });
});

// `npm start` as a newcomer runs it: the printed curl lines work against the served examples.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "undici";

const base = "http://127.0.0.1:8080";
let child: ChildProcess;
let output = "";

beforeAll(async () => {
  child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: new URL("../..", import.meta.url).pathname, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const until = Date.now() + 15_000;
  while (!output.includes("Try:")) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 20_000);
afterAll(() => {
  child?.kill("SIGTERM");
});

describe("npm start", () => {
  it("checks the token: active is forwarded with the gateway's headers, inactive gets 401", async () => {
    const good = await request(`${base}/api/orders`, { headers: { Authorization: "Bearer good" } });
    const body = (await good.body.json()) as { url: string; headers: Record<string, string | null> };
    expect(good.statusCode).toBe(200);
    expect(body.url).toBe("/api/orders");
    expect(body.headers["x-forwarded-host"]).toBe("127.0.0.1");
    expect(good.headers["x-gateway"]).toBe("apimc-demo");
    expect(good.headers["x-powered-by"]).toBeUndefined();
    const bad = await request(`${base}/api/orders`, { headers: { Authorization: "Bearer bad" } });
    await bad.body.dump();
    expect(bad.statusCode).toBe(401);
    expect(bad.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
  });

  it("requires the subscription key for the product's API and applies the product policy", async () => {
    const none = await request(`${base}/shop/items`);
    await none.body.dump();
    expect(none.statusCode).toBe(401);
    const r = await request(`${base}/shop/items/42`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
    const body = (await r.body.json()) as { headers: Record<string, string | null> };
    expect(body.headers["x-subscriber"]).toBe("Demo subscription <demo@example.com>");
    expect(r.headers["x-checked-by"]).toBe("apimc,alerts");
    expect(r.headers["set-cookie"]).toEqual(["session=abc; Path=/", "seen=1; Path=/"]);
  });

  it("answers the second call from the cache", async () => {
    const first = await request(`${base}/shop/items`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
    const firstBody = await first.body.text();
    const second = await request(`${base}/shop/items`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
    expect(first.headers["x-cache"]).toBe("MISS");
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(await second.body.text()).toBe(firstBody);
  });

  it("posts the alert to the webhook sink on a 5xx", async () => {
    const r = await request(`${base}/shop/fail`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
    await r.body.dump();
    expect(r.statusCode).toBe(500);
    const until = Date.now() + 5000;
    while (!output.includes("[webhook sink] POST /alerts") && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    expect(output).toContain('"username": "APIM Alert"');
    expect(output).toContain("User: demo@example.com");
  });

  it("prints the workbench URL; the workbench lists the examples and keeps every request with its trace", async () => {
    expect(output).toContain(`${base}/_apimc/`);
    const config = (await (await request(`${base}/_apimc/api/config`)).body.json()) as { apis: { id: string }[]; traceAll: boolean };
    expect(config.apis.map((a) => a.id)).toEqual(["orders", "shop"]);
    expect(config.traceAll).toBe(true);
    const r = await request(`${base}/shop/items/7`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
    await r.body.dump();
    const list = (await (await request(`${base}/_apimc/api/requests`)).body.json()) as { requests: { id: string; url: string }[] };
    const seen = list.requests.find((x) => x.url === "/shop/items/7");
    expect(seen).toBeDefined();
    const entry = (await (await request(`${base}/_apimc/api/requests/${encodeURIComponent(seen!.id)}`)).body.json()) as { trace: { entries: { policy?: string; file?: string }[] } };
    expect(entry.trace.entries.some((e) => e.policy === "rate-limit-by-key" && e.file === "starter.xml")).toBe(true);
    const page = await request(`${base}/_apimc/`);
    expect(page.statusCode).toBe(200);
    await page.body.dump();
  });

  it("serves the APIOps folder examples/apiops on :8090 with the values file", async () => {
    const pet = await request("http://127.0.0.1:8090/petstore/v1/pets/7");
    const petBody = (await pet.body.json()) as { url: string };
    expect(pet.statusCode).toBe(200);
    expect(petBody.url).toBe("/petstore/v1/pets/7");
    expect(pet.headers["x-gateway"]).toBe("apimc (demo)");
    const del = await request("http://127.0.0.1:8090/petstore/v2/pets/7", { method: "DELETE" });
    expect(del.statusCode).toBe(403);
    await del.body.dump();
    const none = await request("http://127.0.0.1:8090/inventory/search?q=bolt");
    await none.body.dump();
    expect(none.statusCode).toBe(401);
    const search = await request("http://127.0.0.1:8090/inventory/search?q=bolt", { headers: { "X-Inventory-Key": "apiops-demo-key" } });
    expect(search.statusCode).toBe(200);
    expect(((await search.body.json()) as { url: string }).url).toBe("/inventory/search?q=bolt&source=apimc");
    expect(output).toContain("[apimc] not used from examples/apiops:");
    // The secret named value reaches the backend, never the log.
    expect(output).not.toContain("inventory-demo-secret");
  });

  it("logs a line per request", () => {
    expect(output).toMatch(/GET \/shop\/fail 500 [\d.]+ms [0-9a-f-]{36}/);
  });

  it("rate-limits the Starter subscription: 5 calls per 10 seconds, then 429 with Retry-After", async () => {
    // Earlier tests used some of the 5 calls; keep calling until refused.
    let r;
    for (let i = 0; i < 7; i++) {
      r = await request(`${base}/shop/items/1`, { headers: { "Ocp-Apim-Subscription-Key": "demo-key" } });
      await r.body.dump();
      if (r.statusCode === 429) break;
    }
    expect(r!.statusCode).toBe(429);
    expect(Number(r!.headers["retry-after"])).toBeGreaterThan(0);
  });
});

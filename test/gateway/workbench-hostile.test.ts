// Hostile text through the workbench: the injection suite's payloads in request paths, header
// values, bodies and policy text come back from the API as JSON strings, exactly as sent (never as
// HTML, never changing the document around them): every answer is application/json with nosniff,
// parses, and holds the payload as a value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { PAYLOADS, utf8, xmlAttr } from "../hostile/payloads.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-wb-hostile-"));
let backend: TestServer;
let gw: Gateway;
let base = "";
const HEADERS = { "x-apimc-workbench": "1", "content-type": "application/json" };

beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(req.body);
  });
  mkdirSync(join(dir, "p"));
  writeFileSync(join(dir, "p/api.xml"), `<policies><inbound><base /></inbound><backend><forward-request /></backend><outbound><base /><set-header name="X-Echo" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("X-Hostile", ""))</value></set-header></outbound></policies>\n`);
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "h", path: "/h", serviceUrl: backend.url, policy: "p/api.xml" }] }));
  gw = createGateway({ config: join(dir, "gateway.json"), workbench: { traceAll: true } });
  base = `http://127.0.0.1:${(await gw.listen()).port}`;
});
afterAll(async () => {
  await gw.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string, init?: { method: string; body: string }) {
  const r = await request(`${base}/_apimc/api/${path}`, init ? { ...init, headers: HEADERS } : undefined);
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
  const text = await r.body.text();
  return { status: r.statusCode, text, body: JSON.parse(text) as any };
}

describe("hostile payloads through the workbench API", () => {
  for (const [name, payload] of Object.entries(PAYLOADS))
    it(`${name}: path, header and body come back as the same JSON strings`, async () => {
      // Lone surrogates cannot be percent-encoded: their UTF-8 reading (U+FFFD) goes in the URL.
      const inUrl = encodeURIComponent(utf8(payload));
      // What arrives is the URL as the client normalizes it (WHATWG: ' in the query is %27).
      const url = new URL(`/h/${inUrl}?q=${inUrl}`, base);
      const path = url.pathname + url.search;
      const headerOk = /^[\x20-\x7e]*$/.test(payload) && payload.trim() === payload;
      const headers: [string, string][] = headerOk ? [["X-Hostile", payload]] : [];
      const sent = await api("send", { method: "POST", body: JSON.stringify({ method: "POST", path, headers, body: payload }) });
      expect(sent.status).toBe(200);
      const entry = await api(`requests/${encodeURIComponent(sent.body.id)}`);
      expect(entry.status).toBe(200);
      expect(entry.body.summary.url).toBe(path);
      expect(entry.body.request.url).toBe(path);
      expect(entry.body.request.body).toBe(utf8(payload));
      expect(entry.body.response.body).toBe(utf8(payload));
      if (headerOk) {
        expect(entry.body.request.headers).toContainEqual(["x-hostile", payload]);
        expect(entry.body.response.headers).toContainEqual(["X-Echo", payload]);
      }
      const list = await api("requests");
      expect(list.body.requests.find((s: { id: string }) => s.id === sent.body.id).url).toBe(path);
    });

  for (const [name, payload] of Object.entries(PAYLOADS))
    it(`${name}: in policy text, checked and shown as JSON`, async () => {
      const text = `<policies><inbound><base /><set-variable name="v" value="${xmlAttr(payload)}" /><${"set-headr"} name="${xmlAttr(payload)}" /></inbound></policies>`;
      const r = await api("check", { method: "POST", body: JSON.stringify({ path: "p/api.xml", text }) });
      expect(r.status).toBe(200);
      expect(Array.isArray(r.body.diagnostics)).toBe(true);
      for (const d of r.body.diagnostics) {
        expect(typeof d.message).toBe("string");
        expect(d.file).toBe("p/api.xml");
      }
      // A file path made of the payload: refused, and the message is a JSON string.
      const refused = await api("check", { method: "POST", body: JSON.stringify({ path: payload, text }) });
      expect(refused.status).toBe(403);
      expect(typeof refused.body.error.message).toBe("string");
      // Unknown API names with the payload: a JSON 404.
      const nf = await api(`policy?api=${encodeURIComponent(utf8(payload))}`);
      expect(nf.status).toBe(404);
      const np = await api(encodeURIComponent(utf8(payload)));
      expect(np.status).toBe(404);
    });
});

// Secrets stay out of the request log and the trace: the subscription key (query and header),
// Authorization (Bearer and Basic), query parameters and headers named in gateway.json's
// `redact`, and secret named values, in both log formats, for answered and failed requests, also when a policy copies
// them into an error message or another header. The secret bytes never appear in what is logged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";
import { nodeRequest } from "../helpers/node-client.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-redact-"));
const KEY = "trace-key-2";
const secret = () => `s3cr3t-${randomBytes(9).toString("base64url")}`;

/** Where a secret travels: how to put it in the request. */
interface Carrier {
  name: string;
  query?: (v: string) => string;
  headers?: (v: string) => Record<string, string>;
}
const CARRIERS: Carrier[] = [
  { name: "subscription-key query parameter", query: (v) => `subscription-key=${v}` },
  { name: "subscription-key, percent-encoded name", query: (v) => `subscription%2Dkey=${encodeURIComponent(v)}` },
  { name: "subscription-key given twice", query: (v) => `subscription-key=${v}&a=1&subscription-key=${v}x` },
  { name: "Ocp-Apim-Subscription-Key header", headers: (v) => ({ "Ocp-Apim-Subscription-Key": v }) },
  { name: "Authorization Bearer", headers: (v) => ({ Authorization: `Bearer ${v}` }) },
  { name: "Authorization Basic", headers: (v) => ({ Authorization: `Basic ${v}` }) },
  { name: "configured query parameter", query: (v) => `x=1&sig=${v}` },
  { name: "configured query parameter, other case", query: (v) => `SIG=${v}` },
  { name: "configured header", headers: (v) => ({ "X-Api-Secret": v }) },
];

// Fails with a message that quotes every credential of the request; copies Authorization into another header.
const ECHO = `context.Request.Headers.GetValueOrDefault("Authorization", "") + "|" + context.Request.Headers.GetValueOrDefault("Ocp-Apim-Subscription-Key", "") + "|" + context.Request.Headers.GetValueOrDefault("X-Api-Secret", "") + "|" + context.Request.Url.Query.GetValueOrDefault("subscription-key", "") + "|" + context.Request.Url.Query.GetValueOrDefault("sig", "") + "|" + context.Request.Url.Query.GetValueOrDefault("SIG", "")`;
const NV_SECRET = `nv-${randomBytes(9).toString("base64url")}`;
const FAILING = `<policies><inbound><set-header name="X-Nv" exists-action="override"><value>{{nv-secret}}</value></set-header><set-header name="X-Copy" exists-action="override"><value>@(${ECHO})</value></set-header><check-header name="X-Must" failed-check-httpcode="401" failed-check-error-message='@("denied: " + context.Request.Headers.GetValueOrDefault("X-Nv", "") + "|" + ${ECHO})' ignore-case="true" /></inbound><backend><forward-request /></backend></policies>`;
const PASSING = `<policies><inbound><set-header name="X-Seen" exists-action="override"><value>yes</value></set-header></inbound><backend><forward-request /></backend></policies>`;

describe("redaction of credentials in the request log and the trace", () => {
  let backend: TestServer;
  const gateways: Gateway[] = [];
  const logs = { text: [] as string[], json: [] as string[] };
  const bases: Record<"text" | "json", string> = { text: "", json: "" };

  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("ok"));
    writeFileSync(join(dir, "failing.xml"), FAILING);
    writeFileSync(join(dir, "passing.xml"), PASSING);
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({
        trace: { key: KEY },
        namedValues: { "nv-secret": { value: NV_SECRET, secret: true } },
        redact: { queryParameters: ["sig"], headers: ["X-Api-Secret"] },
        apis: [
          { id: "failing", path: "/failing", serviceUrl: backend.url, policy: "failing.xml" },
          { id: "passing", path: "/passing", serviceUrl: backend.url, policy: "passing.xml" },
        ],
      }),
    );
    for (const format of ["text", "json"] as const) {
      const g = createGateway({ config: join(dir, "gateway.json"), log: (l) => logs[format].push(l), logFormat: format });
      gateways.push(g);
      bases[format] = `http://127.0.0.1:${(await g.listen()).port}`;
    }
  });
  afterAll(async () => {
    for (const g of gateways) await g.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ["text", "json"] as const)
    it(`${format} log and trace: no credential bytes, for every carrier, answered and failed, traced and not`, async () => {
      const leaks: string[] = [];
      for (const c of CARRIERS)
        for (const api of ["passing", "failing"])
          for (const traced of [false, true])
            for (const path of ["", "/deeper/path"]) {
              const v = secret();
              const before = logs[format].length;
              const headers = { ...(c.headers?.(v) ?? {}), ...(traced ? { "Apimc-Trace": KEY } : {}) };
              const r = await nodeRequest(`${bases[format]}/${api}${path}${c.query ? `?${c.query(v)}` : ""}`, { headers });
              expect(r.status, `${c.name} ${api}`).toBe(api === "passing" ? 200 : 401);
              const logged = logs[format].slice(before).join("\n");
              expect(logged.length, c.name).toBeGreaterThan(0);
              const where = `${c.name}, ${api}${traced ? ", traced" : ""}${path}`;
              if (logged.includes(v)) leaks.push(`log: ${where}: ${logged}`);
              if (logged.includes(NV_SECRET)) leaks.push(`log (secret named value): ${where}: ${logged}`);
              if (c.query) expect(logged, where).toContain("***");
              if (api === "failing") {
                // The failure is still explained, with the credential masked in its message.
                const message = format === "json" ? JSON.parse(logged).error.message : JSON.parse(logged.slice(logged.indexOf("message=") + 8));
                expect(message, where).toMatch(/^denied: /);
                expect(message, where).toContain("***");
              }
              if (traced) {
                const header = String(r.headers["apimc-trace"]);
                const full = await nodeRequest(`${bases[format]}${JSON.parse(header).href}`, { headers: { "Apimc-Trace": KEY } });
                expect(full.status).toBe(200);
                if (header.includes(v) || full.body.includes(v)) leaks.push(`trace: ${where}`);
                if (header.includes(NV_SECRET) || full.body.includes(NV_SECRET)) leaks.push(`trace (secret named value): ${where}`);
              }
            }
      expect(leaks).toEqual([]);
    });

  it("a log line without credentials is unchanged (other query parameters kept)", async () => {
    const before = logs.text.length;
    await nodeRequest(`${bases.text}/passing?a=1&b=two`);
    expect(logs.text[before]).toMatch(/^GET \/passing\?a=1&b=two 200 /);
  });
});

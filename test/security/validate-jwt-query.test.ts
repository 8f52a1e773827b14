// validate-jwt query-parameter-name: the parameter is found ignoring case (APIM matches query
// parameter names case-insensitively; see runtime/security/jwt.ts), an exact spelling winning over
// others. Generated: configured names x request spellings x {once, absent, twice}, through a real
// gateway and node:http clients; on-error reports LastError.Reason in a header.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";
import { nowS, signJwt } from "./helpers.js";

const secret = randomBytes(32);
const token = signJwt({ iss: "i", aud: "a", exp: nowS() + 600 }, "HS256", secret);
const other = signJwt({ iss: "i", aud: "a", exp: nowS() + 600 }, "HS256", randomBytes(32));

const NAMES = ["access_token", "Token", "JWT"];
const spellingsOf = (n: string) => [...new Set([n, n.toLowerCase(), n.toUpperCase(), n.replace(/^./, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))])];
const SHAPES = ["once", "absent", "twice"] as const;

describe("validate-jwt query-parameter-name matches the parameter name ignoring case", () => {
  let backend: TestServer;
  let gw: Gateway;
  let base: string;
  beforeAll(async () => {
    backend = await startServer((_req, res) => res.end("ok"));
    const dir = mkdtempSync(join(tmpdir(), "apimc-jwt-query-"));
    mkdirSync(join(dir, "p"));
    const operations = NAMES.map((name, i) => {
      writeFileSync(
        join(dir, "p", `${i}.xml`),
        `<policies><inbound><base/><validate-jwt query-parameter-name="${name}"><issuer-signing-keys><key>${secret.toString("base64")}</key></issuer-signing-keys></validate-jwt></inbound>` +
          `<on-error><set-header name="X-Reason" exists-action="override"><value>@(context.LastError.Reason)</value></set-header></on-error></policies>`,
      );
      return { id: `op${i}`, method: "GET", urlTemplate: `/op${i}`, policy: `p/${i}.xml` };
    });
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: backend.url, subscriptionRequired: false, operations }] }));
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}/a`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  it("finds the token under any spelling of the name; absent is TokenNotPresent; two values are no token", async () => {
    let n = 0;
    for (const [i, name] of NAMES.entries())
      for (const spelling of spellingsOf(name))
        for (const shape of SHAPES) {
          const query = shape === "once" ? `?other=1&${spelling}=${token}` : shape === "absent" ? `?other=1&${name}x=${token}` : `?${spelling}=${token}&${name}=${token}`;
          const r = await rawGet(`${base}/op${i}${query}`);
          const reason = r.rawHeaders.find(([k]) => k === "x-reason")?.[1] ?? null;
          const want = shape === "once" ? { status: 200, reason: null } : shape === "absent" ? { status: 401, reason: "TokenNotPresent" } : { status: 401, reason: "JwtInvalid" };
          // Two spellings of the name: the exact one alone is taken when it differs from the other.
          const exactAlone = shape === "twice" && spelling !== name;
          expect({ name, spelling, shape, status: r.status, reason }).toEqual({ name, spelling, shape, ...(exactAlone ? { status: 200, reason: null } : want) });
          n++;
        }
    expect(n).toBe(NAMES.reduce((s, x) => s + spellingsOf(x).length * SHAPES.length, 0));
  });

  it("the exact spelling wins over another spelling holding another token", async () => {
    const r = await rawGet(`${base}/op0?ACCESS_TOKEN=${other}&access_token=${token}`);
    expect(r.status).toBe(200);
    const wrong = await rawGet(`${base}/op0?ACCESS_TOKEN=${token}&access_token=${other}`);
    expect(wrong.status).toBe(401);
  });
});

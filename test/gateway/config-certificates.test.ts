// Certificates named in gateway.json reach the policies: validate-jwt's certificate-id keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { createSign } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-gwcert-"));
const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

describe("gateway.json certificates", () => {
  let backend: TestServer;
  let gw: Gateway;
  let base: string;
  let key: string;
  beforeAll(async () => {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "signer.key", "-out", "signer.pem", "-days", "2", "-subj", "/CN=signer"], { cwd: dir, stdio: "pipe" });
    key = readFileSync(join(dir, "signer.key"), "utf8");
    backend = await startServer((_req, res) => res.end("through"));
    writeFileSync(
      join(dir, "api.xml"),
      `<policies><inbound><validate-jwt header-name="Authorization" require-scheme="Bearer"><issuer-signing-keys><key certificate-id="jwt-signer" /></issuer-signing-keys></validate-jwt><base/></inbound></policies>`,
    );
    writeFileSync(
      join(dir, "gateway.json"),
      JSON.stringify({ certificates: [{ id: "jwt-signer", certFile: "signer.pem", keyFile: "signer.key" }], apis: [{ id: "a", path: "", serviceUrl: backend.url, policy: "api.xml" }] }),
    );
    gw = createGateway({ config: join(dir, "gateway.json") });
    base = `http://127.0.0.1:${(await gw.listen()).port}`;
  });
  afterAll(async () => {
    await gw.close();
    await backend.close();
  });

  const token = (exp: number) => {
    const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
    const body = b64url(JSON.stringify({ sub: "ann", exp }));
    const sig = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key);
    return `${head}.${body}.${b64url(sig)}`;
  };

  it("accepts a token signed by the configured certificate's key and refuses an expired one", async () => {
    const ok = await request(`${base}/x`, { headers: { Authorization: `Bearer ${token(Math.floor(Date.now() / 1000) + 600)}` } });
    expect(ok.statusCode).toBe(200);
    expect(await ok.body.text()).toBe("through");
    const old = await request(`${base}/x`, { headers: { Authorization: `Bearer ${token(1000)}` } });
    await old.body.dump();
    expect(old.statusCode).toBe(401);
  });
});

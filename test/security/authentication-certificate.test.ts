// authentication-certificate as an inbound policy: forward-request presents the chosen client
// certificate (by thumbprint, certificate-id, or inline PKCS#12 body) to an HTTPS backend on
// 127.0.0.1 that asks for one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttps, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { X509Certificate } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureCertificates, configureDispatcher } from "../../runtime/http.js";
import { runPolicy } from "../../gateway/testing.js";
import { compile } from "../../compiler/index.js";
import { diagnostics, doc, errorCodes } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-authcert-"));
const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

let server: HttpsServer;
let url: string;
let thumb1: string;
let pfx2: string;
const seen: { cn: string | null; method: string; path: string; body: string; host: string | undefined }[] = [];

beforeAll(async () => {
  writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=apimc test CA");
  ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  ssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
  for (const name of ["client1", "client2", "client3"]) {
    ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    ssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "2");
  }
  ssl("pkcs12", "-export", "-in", "client2.pem", "-inkey", "client2.key", "-out", "client2.pfx", "-passout", "pass:secret");
  ssl("pkcs12", "-export", "-in", "client3.pem", "-inkey", "client3.key", "-out", "client3.pfx", "-passout", "pass:inline");
  pfx2 = "client-two";
  thumb1 = new X509Certificate(readFileSync(join(dir, "client1.pem"))).fingerprint.replace(/:/g, "");
  configureDispatcher({ ca: readFileSync(join(dir, "ca.pem")), servername: "127.0.0.1" });
  configureCertificates([
    { certFile: join(dir, "client1.pem"), keyFile: join(dir, "client1.key") },
    { pfxFile: join(dir, "client2.pfx"), passphrase: "secret", id: pfx2 },
  ]);
  server = createHttps(
    { key: readFileSync(join(dir, "server.key")), cert: readFileSync(join(dir, "server.pem")), ca: readFileSync(join(dir, "ca.pem")), requestCert: true, rejectUnauthorized: false },
    async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const sock = req.socket as import("node:tls").TLSSocket;
      const cn = sock.authorized ? (sock.getPeerCertificate().subject.CN as string) : null;
      seen.push({ cn, method: req.method!, path: req.url!, body: Buffer.concat(chunks).toString("utf8"), host: req.headers.host });
      res.setHeader("content-type", "text/plain");
      res.end(cn ? `hello ${cn}` : "no client certificate");
    },
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

const forward = (inbound: string) => doc({ inbound, backend: "<forward-request />" });

describe("authentication-certificate (inbound)", () => {
  it("forward-request presents the certificate chosen by thumbprint, with the request's method, path, query and body", async () => {
    const r = await runPolicy(forward(`<authentication-certificate thumbprint="${thumb1.toLowerCase()}" />`), {
      backend: url,
      request: { method: "POST", url: "/orders/7?x=1", body: "payload", headers: { "X-A": "1" } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toBe("hello client1");
    expect(seen.at(-1)).toMatchObject({ cn: "client1", method: "POST", path: "/orders/7?x=1", body: "payload" });
    expect(seen.at(-1)!.host).toMatch(/^127\.0\.0\.1:/);
  });

  it("by certificate-id, and inline as a PKCS#12 body (byte[] from an expression) with its password", async () => {
    expect((await runPolicy(forward(`<authentication-certificate certificate-id="${pfx2}" />`), { backend: url })).body).toBe("hello client2");
    const b64 = readFileSync(join(dir, "client3.pfx")).toString("base64");
    const inline = forward(`<authentication-certificate body="@(Convert.FromBase64String((string)context.Variables[&quot;pfx&quot;]))" password="inline" />`);
    expect((await runPolicy(inline, { backend: url, variables: { pfx: b64 } })).body).toBe("hello client3");
    expect((await runPolicy(forward(`<authentication-certificate body="${b64}" password="inline" />`), { backend: url })).body).toBe("hello client3");
    expect((await runPolicy(forward(`<authentication-certificate certificate-id="@(&quot;client-&quot; + &quot;two&quot;)" />`), { backend: url })).body).toBe("hello client2");
  });

  it("an unknown certificate fails the forward with CertificateNotFound (500), through on-error", async () => {
    const r = await runPolicy(
      doc({ inbound: `<authentication-certificate thumbprint="0011223344556677889900112233445566778899" />`, backend: "<forward-request />", onError: `<set-variable name="reason" value="@(context.LastError.Reason)" />` }),
      { backend: url },
    );
    expect(r.status).toBe(500);
    expect(r.variables).toMatchObject({ reason: "CertificateNotFound" });
    expect(r.lastError).toMatchObject({ Source: "forward-request", Section: "backend" });
  });

  it("without the policy no certificate is presented", async () => {
    // (The plain forwarding pool does not trust the test CA, so the request may fail before the server sees it.)
    const before = seen.length;
    await runPolicy(forward(`<set-variable name="x" value="1" />`), { backend: url });
    expect(seen.slice(before).every((s) => s.cn === null)).toBe(true);
  });

  it("the module asks for buffered bodies", () => {
    expect(compile(forward(`<authentication-certificate certificate-id="a" />`), { file: "p.xml" }).code).toMatch(/readsBody: true/);
  });

  it("diagnostics", () => {
    expect(errorCodes(doc({ inbound: `<authentication-certificate />` }))).toEqual(["APIMC2004"]);
    expect(errorCodes(doc({ inbound: `<authentication-certificate thumbprint="abc" />` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<authentication-certificate thumbprint="${"A".repeat(40)}" certificate-id="x" />` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<authentication-certificate body="not base64!" />` }))).toEqual(["APIMC2008"]);
    expect(errorCodes(doc({ inbound: `<authentication-certificate certificate-id="x"><y/></authentication-certificate>` }))).toEqual(["APIMC2009"]);
    expect(errorCodes(doc({ outbound: `<authentication-certificate certificate-id="x" />` }))).toEqual(["APIMC2006"]);
    expect(diagnostics(doc({ inbound: `<authentication-certificate certificate-id="x" password="p" />` }), "warning").map((d) => d.code)).toEqual(["APIMC2008"]);
    for (const ex of [
      `<authentication-certificate certificate-id="544fe9ddf3b8f30fb490d90f" />`,
      `<authentication-certificate thumbprint="CA06F56B258B7A0D4F2B05470939478651151984" />`,
      `<authentication-certificate body="@(context.Variables.GetValueOrDefault<byte[]>(&quot;byteCertificate&quot;))" password="optional-certificate-password" />`,
    ])
      expect(errorCodes(doc({ inbound: ex }))).toEqual([]);
  });
});

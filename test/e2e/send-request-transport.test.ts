// send-request's transport options against real local servers: a client certificate required by
// an HTTPS server (PEM and PFX, chosen by thumbprint), and an HTTP proxy with Basic credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttps, type Server as HttpsServer } from "node:https";
import { createServer, type Server } from "node:http";
import { connect as netConnect, type AddressInfo } from "node:net";
import { X509Certificate } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureCertificates, configureDispatcher } from "../../runtime/http.js";
import { runPolicy } from "../../gateway/testing.js";
import { startServer, type TestServer } from "../helpers/servers.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-tls-"));
const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

function policy(url: string, child: string): string {
  return `<policies><inbound>
    <send-request mode="new" response-variable-name="r" timeout="5">
      <set-url>${url}</set-url>
      <set-method>GET</set-method>
      ${child}
    </send-request>
    <return-response>
      <set-status code="200" reason="OK"/>
      <set-body>@(((IResponse)context.Variables["r"]).Body.As<string>())</set-body>
    </return-response>
  </inbound></policies>`;
}

describe("send-request authentication-certificate", () => {
  let server: HttpsServer;
  let url: string;
  let pemThumb: string;
  let pfxThumb: string;
  beforeAll(async () => {
    writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
    ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=apimc test CA");
    ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
    ssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
    for (const name of ["client1", "client2"]) {
      ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
      ssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "2");
    }
    ssl("pkcs12", "-export", "-in", "client2.pem", "-inkey", "client2.key", "-out", "client2.pfx", "-passout", "pass:secret");
    pemThumb = new X509Certificate(readFileSync(join(dir, "client1.pem"))).fingerprint.replace(/:/g, "");
    pfxThumb = new X509Certificate(readFileSync(join(dir, "client2.pem"))).fingerprint.replace(/:/g, "");
    configureDispatcher({ ca: readFileSync(join(dir, "ca.pem")), servername: "127.0.0.1" });
    configureCertificates([
      { certFile: join(dir, "client1.pem"), keyFile: join(dir, "client1.key") },
      { pfxFile: join(dir, "client2.pfx"), passphrase: "secret", id: "client-two" },
    ]);
    server = createHttps(
      { key: readFileSync(join(dir, "server.key")), cert: readFileSync(join(dir, "server.pem")), ca: readFileSync(join(dir, "ca.pem")), requestCert: true, rejectUnauthorized: false },
      (req, res) => {
        const sock = req.socket as import("node:tls").TLSSocket;
        const peer = sock.getPeerCertificate();
        res.end(sock.authorized ? `hello ${peer.subject.CN}` : "no client certificate");
      },
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("presents the PEM certificate chosen by thumbprint", async () => {
    const r = await runPolicy(policy(url, `<authentication-certificate thumbprint="${pemThumb.toLowerCase()}" />`));
    expect(r.body).toBe("hello client1");
  });

  it("presents the PFX certificate chosen by thumbprint or by certificate-id", async () => {
    expect((await runPolicy(policy(url, `<authentication-certificate thumbprint="${pfxThumb}" />`))).body).toBe("hello client2");
    expect((await runPolicy(policy(url, `<authentication-certificate certificate-id="client-two" />`))).body).toBe("hello client2");
  });

  it("presents no certificate without the child, and fails clearly for an unknown thumbprint", async () => {
    expect((await runPolicy(policy(url, ""))).body).toBe("no client certificate");
    const r = await runPolicy(policy(url, `<authentication-certificate thumbprint="00112233" />`));
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "send-request", Reason: "CertificateNotFound" });
  });
});

describe("send-request proxy", () => {
  let target: TestServer;
  let proxy: Server;
  let proxyUrl: string;
  const seen: { target: string; auth: string | undefined }[] = [];
  beforeAll(async () => {
    target = await startServer((_req, res) => res.end("through the proxy"));
    proxy = createServer((_req, res) => {
      res.statusCode = 405;
      res.end();
    });
    // undici tunnels through the proxy with CONNECT.
    proxy.on("connect", (req, socket, head) => {
      seen.push({ target: req.url!, auth: req.headers["proxy-authorization"] });
      if (req.headers["proxy-authorization"] !== `Basic ${Buffer.from("alice:pw").toString("base64")}`) {
        socket.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
        return;
      }
      const [host, port] = req.url!.split(":");
      const upstream = netConnect(Number(port), host!, () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await target.close();
    proxy.closeAllConnections();
    await new Promise<void>((r) => proxy.close(() => r()));
  });

  it("sends through the HTTP proxy with Basic credentials", async () => {
    const r = await runPolicy(policy(`${target.url}/x`, `<proxy url="${proxyUrl}" username="alice" password="pw" />`));
    expect(r.body).toBe("through the proxy");
    expect(seen.at(-1)).toEqual({ target: `127.0.0.1:${target.port}`, auth: `Basic ${Buffer.from("alice:pw").toString("base64")}` });
    expect(target.requests.at(-1)!.url).toBe("/x");
  });

  it("a proxy refusing the credentials is a send-request failure that goes to on-error", async () => {
    const r = await runPolicy(policy(`${target.url}/x`, `<proxy url="${proxyUrl}" username="alice" password="wrong" />`));
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "send-request", Reason: "BackendConnectionFailure" });
  });
});

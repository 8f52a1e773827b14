// TLS at the gateway (gateway.json listen.tls), end to end with real TLS clients (undici with and
// without a client certificate): HTTPS on the gateway port, context.Request.Certificate's X509
// surface, validate-client-certificate's rules and every identity claim against certificates made
// at test time (trusted, from another CA, expired, not yet valid, none), ignore-error, the
// certificate swapped without a restart when its files are replaced, and bad files told at their
// place in gateway.json.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { connect as tlsConnect } from "node:tls";
import { X509Certificate } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { DiagnosticError } from "../../gateway/source-document.js";
import { makePki, type Pki } from "./pki.js";
import { until } from "../helpers/until.js";

let pki: Pki;
let dir: string;
let gw: Gateway;
let base: string;
const agents = new Map<string, Agent>();

const ret = (body: string) => `<policies><inbound>${body}</inbound><backend /><outbound /><on-error><return-response><set-status code="401" reason="Unauthorized" /><set-body>@(context.LastError.Reason + ": " + context.LastError.Message)</set-body></return-response></on-error></policies>`;
const ok = `<return-response><set-status code="200" reason="OK" /><set-body>ok</set-body></return-response>`;
const vcc = (attrs: string, identities = "") => ret(`<validate-client-certificate ${attrs}>${identities ? `<identities>${identities}</identities>` : ""}</validate-client-certificate>${ok}`);

const CASES: Record<string, string> = {
  describe: ret(`<return-response><set-status code="200" reason="OK" /><set-body>@{
    var c = context.Request.Certificate;
    if (c == null) { return "none|" + context.Request.Url.Scheme; }
    return string.Join("|", new string[] { c.Subject, c.Issuer, c.Thumbprint, c.SerialNumber, c.NotBefore.ToString("o"), c.NotAfter.ToString("o"), c.Verify().ToString(), context.Request.Url.Scheme });
  }</set-body></return-response>`),
  defaults: vcc(""),
  "no-trust": vcc(`validate-trust="false"`),
  "no-dates": vcc(`validate-trust="false" validate-not-before="false" validate-not-after="false"`),
  "ignore-error": vcc(`ignore-error="true"`),
  thumbprint: vcc(`validate-trust="false"`, `<identity thumbprint="THUMB1" />`),
  serial: vcc(`validate-trust="false"`, `<identity serial-number="SERIAL1" />`),
  cn: vcc(`validate-trust="false"`, `<identity common-name="client1" />`),
  subject: vcc(`validate-trust="false"`, `<identity subject="O=apimc tests, CN=client1" />`),
  dns: vcc(`validate-trust="false"`, `<identity dns-name="client1.example" />`),
  "issuer-subject": vcc(`validate-trust="false"`, `<identity issuer-subject="CN=apimc test ca" />`),
  "issuer-thumbprint": vcc("", `<identity issuer-thumbprint="CATHUMB" />`),
  "issuer-id": vcc(`validate-trust="false"`, `<identity issuer-certificate-id="test-ca" />`),
  // Two identities: either matches; one identity's claims must all match.
  either: vcc(`validate-trust="false"`, `<identity common-name="nobody" /><identity common-name="stranger" />`),
  all: vcc(`validate-trust="false"`, `<identity common-name="client1" dns-name="other.example" />`),
};

beforeAll(async () => {
  pki = makePki(["client1"]);
  dir = mkdtempSync(join(tmpdir(), "apimc-listen-tls-"));
  copyFileSync(pki.file("server-ip.pem"), join(dir, "gw.pem"));
  copyFileSync(pki.file("server-ip.key"), join(dir, "gw.key"));
  const serialOf = new X509Certificate(pki.read("client1.pem")).serialNumber;
  const apis = Object.entries(CASES).map(([name, xml]) => {
    writeFileSync(join(dir, `${name}.xml`), xml.replace("THUMB1", pki.thumbprint("client1")).replace("SERIAL1", serialOf).replace("CATHUMB", pki.thumbprint("ca")));
    return { id: name, path: `/${name}`, serviceUrl: "http://127.0.0.1:9", policy: `${name}.xml` };
  });
  writeFileSync(
    join(dir, "gateway.json"),
    JSON.stringify({ listen: { tls: { cert: "gw.pem", key: "gw.key", ca: pki.file("ca.pem"), requestClientCertificate: true } }, certificates: [{ id: "test-ca", certFile: pki.file("ca.pem") }], apis }, null, 2),
  );
  gw = createGateway({ config: join(dir, "gateway.json") });
  base = `https://127.0.0.1:${(await gw.listen()).port}`;
  for (const c of ["client1", "stranger", "expired", "future"]) agents.set(c, new Agent({ connect: { ca: pki.read("ca.pem"), cert: pki.read(`${c}.pem`), key: pki.read(`${c}.key`) } }));
  agents.set("none", new Agent({ connect: { ca: pki.read("ca.pem") } }));
});
afterAll(async () => {
  for (const a of agents.values()) await a.close();
  await gw?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(path: string, client: string): Promise<{ status: number; body: string }> {
  const r = await request(`${base}${path}`, { dispatcher: agents.get(client)! });
  return { status: r.statusCode, body: await r.body.text() };
}

describe("listen.tls: HTTPS and context.Request.Certificate", () => {
  it("exposes the client's certificate (Subject, Issuer, Thumbprint, SerialNumber, NotBefore, NotAfter, Verify) and https as the scheme", async () => {
    const node = new X509Certificate(pki.read("client1.pem"));
    const r = await call("/describe", "client1");
    expect(r.status).toBe(200);
    const [subject, issuer, thumb, serial, notBefore, notAfter, verified, scheme] = r.body.split("|");
    expect(subject).toBe("O=apimc tests, CN=client1");
    expect(issuer).toBe("CN=apimc test ca");
    expect(thumb).toBe(pki.thumbprint("client1"));
    expect(serial).toBe(node.serialNumber.toUpperCase());
    expect(Date.parse(notBefore!)).toBe(Date.parse(node.validFrom));
    expect(Date.parse(notAfter!)).toBe(Date.parse(node.validTo));
    expect([verified, scheme]).toEqual(["True", "https"]);
    // From another CA: presented, but its chain does not verify.
    expect((await call("/describe", "stranger")).body.split("|").slice(0, 1).concat((await call("/describe", "stranger")).body.split("|").slice(6))).toEqual(["CN=stranger", "False", "https"]);
    expect((await call("/describe", "none")).body).toBe("none|https");
  });
});

describe("validate-client-certificate", () => {
  // path → client → expected: 200, or the 401's reason
  const table: [string, Record<string, string | 200>][] = [
    ["/defaults", { client1: 200, stranger: "ClientCertificateInvalid", none: "ClientCertificateMissing", expired: "ClientCertificateInvalid", future: "ClientCertificateInvalid" }],
    ["/no-trust", { client1: 200, stranger: 200, expired: "ClientCertificateInvalid", future: "ClientCertificateInvalid", none: "ClientCertificateMissing" }],
    ["/no-dates", { expired: 200, future: 200, stranger: 200 }],
    ["/ignore-error", { client1: 200, stranger: 200, none: 200 }],
    ["/thumbprint", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/serial", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/cn", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/subject", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/dns", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/issuer-subject", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/issuer-thumbprint", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/issuer-id", { client1: 200, stranger: "ClientCertificateInvalid" }],
    ["/either", { stranger: 200, client1: "ClientCertificateInvalid" }],
    ["/all", { client1: "ClientCertificateInvalid" }],
  ];
  it.each(table)("%s", async (path, expected) => {
    for (const [client, want] of Object.entries(expected)) {
      const r = await call(path, client);
      if (want === 200) expect({ client, status: r.status, body: r.body }).toEqual({ client, status: 200, body: "ok" });
      else expect({ client, status: r.status, reason: r.body.split(":")[0] }).toEqual({ client, status: 401, reason: want });
    }
  });

  it("says why: the rule, or each identity's first claim that did not match", async () => {
    expect((await call("/defaults", "expired")).body).toMatch(/^ClientCertificateInvalid: The client certificate is not valid: its chain does not build up to a trusted CA \(CERT_HAS_EXPIRED\)/);
    expect((await call("/no-trust", "expired")).body).toContain("it expired 2020-02-01T00:00:00.000Z");
    expect((await call("/no-trust", "future")).body).toContain("it is not valid before 2099-01-01T00:00:00.000Z");
    expect((await call("/either", "client1")).body).toContain("matches none of the identities (identity 1: common-name; identity 2: common-name)");
    expect((await call("/all", "client1")).body).toContain("identity 1: dns-name");
  });
});

describe("listen.tls reload and configuration errors", () => {
  const peerSubject = (port: number) =>
    new Promise<string>((resolve, reject) => {
      const s = tlsConnect({ host: "127.0.0.1", port, ca: pki.read("ca.pem"), servername: "localhost", checkServerIdentity: () => undefined }, () => {
        const cn = s.getPeerCertificate().subject.CN;
        s.end();
        resolve(String(cn));
      });
      s.on("error", reject);
    });

  it("a certificate replaced the way renewers do (new files renamed over the old) is served to new connections", async () => {
    const port = Number(new URL(base).port);
    expect(await peerSubject(port)).toBe("127.0.0.1");
    writeFileSync(join(dir, "gw.key.new"), pki.read("server-name.key"));
    writeFileSync(join(dir, "gw.pem.new"), pki.read("server-name.pem"));
    renameSync(join(dir, "gw.key.new"), join(dir, "gw.key"));
    renameSync(join(dir, "gw.pem.new"), join(dir, "gw.pem"));
    await until("the new certificate served", async () => (await peerSubject(port)) === "localhost", 10_000);
    // A key that is not the certificate's: the served one stays.
    writeFileSync(join(dir, "gw.key"), pki.read("client1.key"));
    await new Promise((r) => setTimeout(r, 400));
    expect(await peerSubject(port)).toBe("localhost");
  });

  const bad = (tls: Record<string, unknown>) => {
    const d = mkdtempSync(join(tmpdir(), "apimc-listen-tls-bad-"));
    copyFileSync(pki.file("server-ip.pem"), join(d, "gw.pem"));
    copyFileSync(pki.file("server-ip.key"), join(d, "gw.key"));
    copyFileSync(pki.file("client1.key"), join(d, "other.key"));
    const text = JSON.stringify({ listen: { port: 8443, tls }, apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9" }] }, null, 2);
    writeFileSync(join(d, "gateway.json"), text);
    try {
      loadGatewayConfig(join(d, "gateway.json"));
    } catch (e) {
      if (e instanceof DiagnosticError) return { ...e.diagnostic, text };
      throw e;
    }
    throw new Error("no diagnostic");
  };
  const at = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle)).split("\n");
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  it.each([
    ["a certificate file that does not exist", { cert: "missing.pem", key: "gw.key" }, '"missing.pem"', "cannot read cert file 'missing.pem' (ENOENT)"],
    ["a key that is not the certificate's", { cert: "gw.pem", key: "other.key" }, '"other.key"', "the certificate and key do not make a TLS context"],
    ["a key file given as the certificate", { cert: "gw.key", key: "gw.key" }, '"gw.key"', "is not a PEM certificate"],
    ["a CA file that does not exist", { cert: "gw.pem", key: "gw.key", ca: "nope.pem" }, '"nope.pem"', "cannot read ca file"],
  ])("%s: APIMC5032 at the value", (_, tls, needle, message) => {
    const d = bad(tls);
    expect(d.code).toBe("APIMC5032");
    expect(d.message).toContain(message);
    expect({ line: d.line, column: d.column }).toEqual(at(d.text, needle));
  });
});

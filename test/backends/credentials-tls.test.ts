// A backend entity's credentials and TLS options, applied when forwarding (issue 13's backend
// leftovers): header, query and Authorization credentials with named values (secret ones too);
// certificate validation switched off per backend (chain, name) against real HTTPS backends with
// certificates made at test time; a client certificate by thumbprint or id, which the backend sees.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { configureDispatcher } from "../../runtime/http.js";
import { startKillable, type KillableBackend } from "./killable.js";
import { policy, serveConfig, type Served } from "./gateway-setup.js";
import { makePki, type Pki } from "./pki.js";

let pki: Pki;
const backends: KillableBackend[] = [];
let served: Served | null = null;
beforeAll(() => {
  pki = makePki(["client1"]);
  // The test CA is trusted for every outgoing call (as a private CA would be): chain checks pass, name checks remain.
  configureDispatcher({ ca: pki.read("ca.pem") });
});
afterEach(async () => {
  await served?.close();
  served = null;
  for (const b of backends.splice(0)) await b.close();
});
afterAll(() => configureDispatcher({}));

const get = async (url: string, headers: Record<string, string> = {}) => {
  const r = await request(url, { headers });
  const body = await r.body.text();
  return { status: r.statusCode, body, headers: r.headers };
};

describe("credentials", () => {
  it("header, query and authorization credentials (named values, a secret one) reach the backend, replacing the client's", async () => {
    const [a] = [await startKillable("a")];
    backends.push(a!);
    served = await serveConfig(
      {
        namedValues: { "fn-key": "key-1", token: { value: "s3cr3t-token", secret: true } },
        backends: { a: { url: `${a!.url}/base`, credentials: { header: { "x-functions-key": ["{{fn-key}}"], "x-multi": ["one", "two"] }, query: { code: ["{{fn-key}}"], flag: ["a", "b"] }, authorization: { scheme: "Bearer", parameter: "{{token}}" } } } },
      },
      { "/by-id": policy(`<set-backend-service backend-id="a" />`), "/by-url": [policy(""), `${a!.url}/base`], "/plain": [policy(""), `${a!.url}/other`] },
      a!.url,
    );
    for (const path of ["/by-id", "/by-url"]) {
      const r = await get(`${served.base}${path}/items?code=client&keep=1`, { "x-functions-key": "from-client", authorization: "Basic Y2xpZW50" });
      expect(r.status).toBe(200);
      const seen = a!.seen[0]!;
      expect(seen.url).toBe("/base/items?code=key-1&keep=1&flag=a&flag=b");
      expect(seen.headers["x-functions-key"]).toBe("key-1");
      expect(seen.headers["x-multi"]).toBe("one,two"); // one line, joined as the gateway joins a header's values
      expect(seen.headers.authorization).toBe("Bearer s3cr3t-token");
    }
    // Another URL of the same server is no backend entity: nothing added.
    await get(`${served.base}/plain/x`, { authorization: "Basic Y2xpZW50" });
    expect(a!.seen[0]!.url).toBe("/other/x");
    expect(a!.seen[0]!.headers.authorization).toBe("Basic Y2xpZW50");
    expect(a!.seen[0]!.headers["x-functions-key"]).toBeUndefined();
  });
});

describe("TLS options", () => {
  it("validateCertificateChain false accepts a self-signed certificate; by default it is refused (500 BackendConnectionFailure)", async () => {
    const b = await startKillable("self", { cert: pki.read("selfsigned.pem"), key: pki.read("selfsigned.key") });
    backends.push(b);
    served = await serveConfig(
      { backends: { lax: { url: b.url, tls: { validateCertificateChain: false } }, strict: { url: `${b.url}/strict` } } },
      { "/lax": policy(`<set-backend-service backend-id="lax" />`), "/strict": policy(`<set-backend-service backend-id="strict" />`) },
      b.url,
    );
    expect((await get(`${served.base}/lax`)).status).toBe(200);
    const strict = await get(`${served.base}/strict`);
    expect(strict.status).toBe(500);
    expect(b.hits).toBe(1);
  });

  it("validateCertificateName false accepts a trusted certificate for another name; the chain is still checked", async () => {
    const named = await startKillable("named", { cert: pki.read("server-name.pem"), key: pki.read("server-name.key") });
    const ip = await startKillable("ip", { cert: pki.read("server-ip.pem"), key: pki.read("server-ip.key") });
    const self = await startKillable("self", { cert: pki.read("selfsigned.pem"), key: pki.read("selfsigned.key") });
    backends.push(named, ip, self);
    served = await serveConfig(
      {
        backends: {
          nameOff: { url: named.url, tls: { validateCertificateName: false } },
          nameOn: { url: `${named.url}/on` },
          ip: { url: ip.url },
          selfNameOff: { url: self.url, tls: { validateCertificateName: false } },
        },
      },
      Object.fromEntries(["nameOff", "nameOn", "ip", "selfNameOff"].map((id) => [`/${id}`, policy(`<set-backend-service backend-id="${id}" />`)])),
      ip.url,
    );
    expect((await get(`${served.base}/nameOff`)).status).toBe(200); // cert for "localhost", reached as 127.0.0.1
    expect((await get(`${served.base}/nameOn`)).status).toBe(500);
    expect((await get(`${served.base}/ip`)).status).toBe(200);
    expect((await get(`${served.base}/selfNameOff`)).status).toBe(500); // the chain is not trusted
    expect([named.hits, ip.hits, self.hits]).toEqual([1, 1, 0]);
  });

  it("a client certificate by id or thumbprint is presented to a backend that asks for one", async () => {
    const b = await startKillable("mtls", { cert: pki.read("server-ip.pem"), key: pki.read("server-ip.key"), requestCert: true, ca: pki.read("ca.pem") });
    backends.push(b);
    served = await serveConfig(
      {
        certificates: [{ id: "client-one", certFile: pki.file("client1.pem"), keyFile: pki.file("client1.key") }],
        backends: {
          byId: { url: `${b.url}/id`, credentials: { certificateIds: ["/certificates/client-one"] } },
          byThumb: { url: `${b.url}/thumb`, credentials: { certificate: [pki.thumbprint("client1").toLowerCase()] } },
          none: { url: `${b.url}/none` },
        },
      },
      { "/id": policy(`<set-backend-service backend-id="byId" />`), "/thumb": policy(`<set-backend-service backend-id="byThumb" />`), "/none": policy(`<set-backend-service backend-id="none" />`) },
      b.url,
    );
    expect((await get(`${served.base}/id`)).headers["x-client-cn"]).toBe("client1");
    expect((await get(`${served.base}/thumb`)).headers["x-client-cn"]).toBe("client1");
    expect((await get(`${served.base}/none`)).headers["x-client-cn"]).toBeUndefined();
  });

  it("a certificate no `certificates` entry has: the gateway does not start, and says which", async () => {
    await expect(serveConfig({ backends: { a: { url: "https://127.0.0.1:9", credentials: { certificate: ["AB:CD"] } } } }, { "/a": policy("") }, "https://127.0.0.1:9")).rejects.toThrow(
      /backends\.a\.credentials: APIMC5031: no configured certificate has the thumbprint AB:CD/,
    );
  });
});

// forward-request http-version ("1", "2or1", "2") against real backends on 127.0.0.1: HTTP/2 over
// TLS (node:http2, with and without HTTP/1.1 fallback), HTTP/1.1-only over TLS, and cleartext
// HTTP/1.1 and h2c. The test CA is trusted through configureDispatcher, which forwarding now uses.
// Also continue-timeout, which apimc reports as having no effect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttps } from "node:https";
import { createServer as createHttp, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { createSecureServer, createServer as createH2c, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { configureCertificates, configureDispatcher } from "../../runtime/http.js";
import { runPolicy } from "../../gateway/testing.js";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { compile } from "../../compiler/index.js";

const dir = mkdtempSync(join(tmpdir(), "apimc-h2-"));
const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

interface Seen {
  version: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

/** What every backend does: records the request, then answers by path. */
function backendHandler(seen: Seen[], gates: Map<string, () => void>) {
  return async (req: Req, res: Res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers: Seen["headers"] = {};
    for (const [k, v] of Object.entries(req.headers)) if (!k.startsWith(":")) headers[k] = v;
    seen.push({ version: req.httpVersion, method: req.method!, path: req.url!, headers, body });
    const r = res as ServerResponse; // the compatibility API is the same for both
    if (req.url === "/silent") return; // never answers
    if (req.url === "/stream") {
      r.writeHead(200, { "content-type": "text/plain" });
      r.write("first;");
      await new Promise<void>((go) => gates.set("stream", go));
      r.end("second");
      return;
    }
    r.setHeader("content-type", "application/json");
    r.setHeader("x-protocol", req.httpVersion);
    r.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
    r.statusCode = req.method === "POST" ? 201 : 200;
    r.end(JSON.stringify({ version: req.httpVersion, method: req.method, path: req.url, body }));
  };
}

interface Backend {
  url: string;
  seen: Seen[];
  gates: Map<string, () => void>;
  close(): Promise<void>;
}

async function listen(server: import("node:net").Server, scheme: string, seen: Seen[], gates: Map<string, () => void>): Promise<Backend> {
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("secureConnection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    gates,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function start(kind: "h2+h1" | "h2" | "h1" | "h1-clear" | "h2c"): Promise<Backend> {
  const tls = { key: readFileSync(join(dir, "server.key")), cert: readFileSync(join(dir, "server.pem")) };
  const seen: Seen[] = [];
  const gates = new Map<string, () => void>();
  const h = backendHandler(seen, gates);
  switch (kind) {
    case "h2+h1":
      return listen(createSecureServer({ ...tls, allowHTTP1: true }, h), "https", seen, gates);
    case "h2":
      return listen(createSecureServer(tls, h), "https", seen, gates);
    case "h1":
      return listen(createHttps(tls, h), "https", seen, gates);
    case "h1-clear":
      return listen(createHttp(h), "http", seen, gates);
    case "h2c":
      return listen(createH2c(h), "http", seen, gates);
  }
}

const forward = (attrs: string) => `<policies><inbound/><backend><forward-request ${attrs}/></backend><outbound/></policies>`;

const backends: Record<string, Backend> = {};

beforeAll(async () => {
  writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
  ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=apimc h2 test CA");
  ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
  ssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
  ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=client");
  ssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.pem", "-days", "2");
  configureDispatcher({ ca: readFileSync(join(dir, "ca.pem")) });
  configureCertificates([{ certFile: join(dir, "client.pem"), keyFile: join(dir, "client.key"), id: "client" }]);
  for (const k of ["h2+h1", "h2", "h1", "h1-clear", "h2c"] as const) backends[k] = await start(k);
});
afterAll(async () => {
  for (const b of Object.values(backends)) await b.close();
});

/** The HTTP version the backend saw for one forwarded GET, or the failure. */
async function versionSeen(backend: string, httpVersion: string | null): Promise<string> {
  const b = backends[backend]!;
  const before = b.seen.length;
  const r = await runPolicy(forward(httpVersion === null ? `timeout="5"` : `http-version="${httpVersion}" timeout="5"`), { backend: b.url, request: { url: "/v" } });
  if (r.status !== 200) return `${r.status} ${r.lastError?.Reason}`;
  expect(b.seen.length).toBe(before + 1);
  expect(JSON.parse(r.body).version).toBe(b.seen.at(-1)!.version);
  return b.seen.at(-1)!.version;
}

describe("http-version over TLS", () => {
  it("HTTP/2 backend that also speaks HTTP/1.1: 1 → HTTP/1.1, 2or1 → HTTP/2, 2 → HTTP/2", async () => {
    expect(await versionSeen("h2+h1", null)).toBe("1.1");
    expect(await versionSeen("h2+h1", "1")).toBe("1.1");
    expect(await versionSeen("h2+h1", "2or1")).toBe("2.0");
    expect(await versionSeen("h2+h1", "2")).toBe("2.0");
  });

  it("HTTP/2-only backend: 2or1 and 2 → HTTP/2; 1 cannot reach it", async () => {
    expect(await versionSeen("h2", "2or1")).toBe("2.0");
    expect(await versionSeen("h2", "2")).toBe("2.0");
    expect(await versionSeen("h2", "1")).toBe("500 BackendConnectionFailure");
  });

  it("HTTP/1.1-only backend: 1 and 2or1 → HTTP/1.1; 2 fails with BackendConnectionFailure saying why", async () => {
    expect(await versionSeen("h1", "1")).toBe("1.1");
    expect(await versionSeen("h1", "2or1")).toBe("1.1");
    const before = backends.h1!.seen.length;
    const r = await runPolicy(forward(`http-version="2"`), { backend: backends.h1!.url });
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "forward-request", Reason: "BackendConnectionFailure" });
    expect(r.lastError!.Message).toContain('http-version="2" requires HTTP/2');
    expect(r.lastError!.Message).toContain("did not agree to it");
    expect(backends.h1!.seen.length).toBe(before); // nothing was sent over HTTP/1.1
    // Every later request fails the same way (no connection is left half-usable).
    expect(await versionSeen("h1", "2")).toBe("500 BackendConnectionFailure");
  });

  it("the choice is per policy: one backend, three versions, concurrently", async () => {
    const versions = ["1", "2", "2or1", "1", "2", "2or1", "1"];
    const rs = await Promise.all(versions.map((v) => runPolicy(forward(`http-version="${v}"`), { backend: backends["h2+h1"]!.url })));
    expect(rs.map((r) => (JSON.parse(r.body) as { version: string }).version)).toEqual(["1.1", "2.0", "2.0", "1.1", "2.0", "2.0", "1.1"]);
  });
});

describe("http-version over cleartext", () => {
  it("2or1 uses HTTP/1.1 (no ALPN to negotiate with); 2 uses h2c with prior knowledge", async () => {
    expect(await versionSeen("h1-clear", "2or1")).toBe("1.1");
    expect(await versionSeen("h2c", "2")).toBe("2.0");
  });

  it("2 against an HTTP/1.1-only cleartext backend is a BackendConnectionFailure that names http-version", async () => {
    const r = await runPolicy(forward(`http-version="2" timeout="5"`), { backend: backends["h1-clear"]!.url });
    expect(r.status).toBe(500);
    expect(r.lastError).toMatchObject({ Source: "forward-request", Reason: "BackendConnectionFailure" });
    expect(r.lastError!.Message).toContain('http-version="2" over http:// speaks HTTP/2 with prior knowledge (h2c)');
  });
});

describe("requests and responses over HTTP/2", () => {
  it("a POST's headers and body arrive intact; the response's status, headers and body come back", async () => {
    const b = backends.h2!;
    const body = JSON.stringify({ text: "héllo wörld ✓", n: [1, 2, 3], big: "x".repeat(100_000) });
    const r = await runPolicy(forward(`http-version="2"`), {
      backend: b.url,
      request: {
        method: "POST",
        url: "/orders/42?expand=lines&x=%20y",
        headers: { "Content-Type": "application/json; charset=utf-8", "X-Multi": ["one", "two"], "X-Custom": "v", Authorization: "Bearer t" },
        body,
      },
    });
    expect(r.status).toBe(201);
    const s = b.seen.at(-1)!;
    expect(s).toMatchObject({ version: "2.0", method: "POST", path: "/orders/42?expand=lines&x=%20y", body });
    expect(s.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(s.headers["x-multi"]).toBe("one,two");
    expect(s.headers["x-custom"]).toBe("v");
    expect(s.headers.authorization).toBe("Bearer t");
    expect(s.headers.host).toBeUndefined(); // :authority instead
    expect(JSON.parse(r.body)).toEqual({ version: "2.0", method: "POST", path: "/orders/42?expand=lines&x=%20y", body });
    expect(r.headers["x-protocol"]).toEqual(["2.0"]);
    expect(r.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(r.headers["content-type"]).toEqual(["application/json"]);
  });

  it("concurrent requests, POSTs among them, all complete over HTTP/2", async () => {
    const b = backends.h2!;
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        runPolicy(forward(`http-version="2"`), { backend: b.url, request: i % 3 ? { url: `/c${i}` } : { method: "POST", url: `/c${i}`, body: `body ${i}` } }),
      ),
    );
    rs.forEach((r, i) => {
      expect(r.status).toBe(i % 3 ? 200 : 201);
      expect(JSON.parse(r.body)).toMatchObject({ version: "2.0", path: `/c${i}`, body: i % 3 ? "" : `body ${i}` });
    });
  });

  it("the forward-request timeout applies over HTTP/2 (504 Timeout)", async () => {
    const started = Date.now();
    const r = await runPolicy(forward(`http-version="2" timeout-ms="300"`), { backend: backends.h2!.url, request: { url: "/silent" } });
    expect(r.status).toBe(504);
    expect(r.lastError).toMatchObject({ Source: "forward-request", Reason: "Timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("through the gateway over HTTP/2: streamed bodies", () => {
  let gw: Gateway;
  let base: string;
  beforeAll(async () => {
    gw = createGateway({ apis: [{ path: "/api", backend: backends.h2!.url, policy: forward(`http-version="2or1"`) }] });
    base = `http://127.0.0.1:${(await gw.listen(0, "127.0.0.1")).port}`;
  });
  afterAll(() => gw.close());

  it("a streamed response reaches the client chunk by chunk", async () => {
    const res = await request(`${base}/api/stream`);
    expect(res.statusCode).toBe(200);
    const it = res.body[Symbol.asyncIterator]();
    const first = await it.next();
    expect(Buffer.from(first.value as Buffer).toString()).toBe("first;"); // before the backend wrote the rest
    expect(backends.h2!.seen.at(-1)!.version).toBe("2.0");
    backends.h2!.gates.get("stream")!();
    let rest = "";
    for (let n = await it.next(); !n.done; n = await it.next()) rest += Buffer.from(n.value as Buffer).toString();
    expect(rest).toBe("second");
  });

  it("a streamed request body arrives whole", async () => {
    const payload = "chunk-".repeat(50_000);
    const res = await request(`${base}/api/upload`, { method: "POST", body: payload, headers: { "content-type": "text/plain" } });
    expect(res.statusCode).toBe(201);
    const j = (await res.body.json()) as { version: string; body: string };
    expect(j.version).toBe("2.0");
    expect(j.body.length).toBe(payload.length);
    expect(j.body === payload).toBe(true);
  });
});

describe("with authentication-certificate (the client certificate's connection is HTTP/1.1)", () => {
  const withCert = (v: string) =>
    `<policies><inbound><authentication-certificate certificate-id="client" /></inbound><backend><forward-request http-version="${v}"/></backend><outbound/></policies>`;
  it("2or1 falls back to HTTP/1.1; 2 is a BackendConnectionFailure that says so", async () => {
    const ok = await runPolicy(withCert("2or1"), { backend: backends["h2+h1"]!.url });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).version).toBe("1.1");
    const no = await runPolicy(withCert("2"), { backend: backends["h2+h1"]!.url });
    expect(no.status).toBe(500);
    expect(no.lastError).toMatchObject({ Source: "forward-request", Reason: "BackendConnectionFailure" });
    expect(no.lastError!.Message).toContain('http-version="2" cannot be combined with authentication-certificate');
  });
});

describe("TLS trust for forwarding comes from configureDispatcher", () => {
  afterAll(() => configureDispatcher({ ca: readFileSync(join(dir, "ca.pem")) }));
  it("a new configuration replaces the pools: without the test CA the backend's certificate is refused, with it accepted", async () => {
    configureDispatcher({});
    for (const v of ["1", "2or1", "2"]) {
      const r = await runPolicy(forward(`http-version="${v}"`), { backend: backends["h2+h1"]!.url });
      expect(r.status).toBe(500);
      expect(r.lastError!.Message).toMatch(/certificate/i);
    }
    configureDispatcher({ ca: readFileSync(join(dir, "ca.pem")) });
    for (const v of ["1", "2or1", "2"]) expect((await runPolicy(forward(`http-version="${v}"`), { backend: backends["h2+h1"]!.url })).status).toBe(200);
  });
});

describe("the emitted forward call", () => {
  const code = (attrs: string) => {
    const r = compile(forward(attrs), { format: "esm" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return r.code!.split("\n").find((l) => l.includes("forwardRequest(") || l.includes("forwardOnly("))!.trim();
  };
  it("http-version 1 is the default call; 2 and 2or1 name the version", () => {
    expect(code(`http-version="1"`)).toBe(code(``));
    expect(code(``)).toMatch(/forwardOnly\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS\)/);
    expect(code(`http-version="2"`)).toMatch(/forwardOnly\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS, "2"\)/);
    expect(code(`http-version="2or1"`)).toMatch(/forwardOnly\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS, "2or1"\)/);
    expect(code(`http-version="2" fail-on-error-status-code="true"`)).toMatch(/forwardRequest\(ctx, FORWARD_TIMEOUT_MS, NO_FOLLOW_REDIRECTS, FAIL_ON_ERROR_STATUS, "2"\)/);
  });
  it("an unknown http-version is a compile-time error", () => {
    const r = compile(forward(`http-version="3"`), { format: "esm" });
    expect(r.diagnostics.some((d) => d.severity === "error" && d.code === "APIMC2008")).toBe(true);
  });
});

describe("continue-timeout", () => {
  it("compiles with an APIMC2015 warning saying it has no effect, and forwarding is unchanged", async () => {
    const xml = forward(`continue-timeout="5" http-version="2or1"`);
    const r = compile(xml, { format: "esm" });
    const w = r.diagnostics.filter((d) => d.code === "APIMC2015");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: "warning", line: 1 });
    expect(w[0]!.message).toMatch(/'continue-timeout' has no effect in apimc/);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const run = await runPolicy(xml, { backend: backends["h2+h1"]!.url, request: { method: "POST", url: "/c", body: "payload" } });
    expect(run.status).toBe(201);
    expect(JSON.parse(run.body)).toMatchObject({ version: "2.0", body: "payload" });
  });
  it("a client's Expect: 100-continue is answered by the gateway and not forwarded (HTTP/1.1 and HTTP/2 backends)", async () => {
    const gw = createGateway({
      apis: [
        { path: "/one", backend: backends["h1-clear"]!.url, policy: forward(`continue-timeout="2"`) },
        { path: "/two", backend: backends.h2!.url, policy: forward(`http-version="2" continue-timeout="2"`) },
      ],
    });
    const port = (await gw.listen(0, "127.0.0.1")).port;
    try {
      for (const [path, b, version] of [["/one/e", backends["h1-clear"]!, "1.1"], ["/two/e", backends.h2!, "2.0"]] as const) {
        const out = await new Promise<{ status: number; body: string; continued: boolean }>((resolve, reject) => {
          let continued = false;
          const rq = httpRequest({ host: "127.0.0.1", port, path, method: "POST", agent: false, headers: { Expect: "100-continue", "Content-Length": "5" } }, (res) => {
            let body = "";
            res.on("data", (c) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode!, body, continued }));
          });
          rq.on("continue", () => {
            continued = true;
            rq.end("hello");
          });
          rq.on("error", reject);
        });
        expect(out.continued).toBe(true);
        expect(out.status).toBe(201);
        expect(JSON.parse(out.body)).toMatchObject({ version, body: "hello" });
        expect(b.seen.at(-1)!.headers.expect).toBeUndefined();
      }
    } finally {
      await gw.close();
    }
  });

  it("no warning without it", () => {
    expect(compile(forward(`http-version="2"`), { format: "esm" }).diagnostics).toEqual([]);
  });
});

describe("a body changed by a policy, over every forwarding transport", () => {
  // The client's Content-Length describes the old body: the transport must frame the new one.
  it.each([
    ["HTTP/2 over TLS", "h2", `http-version="2"`, ""],
    ["2or1 over TLS (HTTP/2)", "h2+h1", `http-version="2or1"`, ""],
    ["h2c", "h2c", `http-version="2"`, ""],
    ["HTTP/1.1 through a client certificate", "h1", "", `<authentication-certificate certificate-id="client" />`],
  ])("%s: the backend gets the new body with its own length", async (_name, backend, attrs, extra) => {
    const b = backends[backend]!;
    const before = b.seen.length;
    const original = "Grüße ✓ 😀";
    const policy = `<policies><inbound>${extra}<set-body>@("changed: " + context.Request.Body.As<string>() + " — ünï €")</set-body></inbound><backend><forward-request ${attrs} timeout="5"/></backend><outbound/></policies>`;
    const r = await runPolicy(policy, {
      backend: b.url,
      request: { method: "POST", url: "/changed", headers: { "content-type": "text/plain", "content-length": String(Buffer.byteLength(original)) }, body: original },
    });
    expect(r.lastError).toBeUndefined();
    expect(r.status).toBe(201);
    expect(b.seen.length).toBe(before + 1);
    const seen = b.seen.at(-1)!;
    const sent = `changed: ${original} — ünï €`;
    expect(seen.body).toBe(sent);
    expect(seen.headers["content-length"]).toBe(String(Buffer.byteLength(sent)));
    expect(seen.headers["transfer-encoding"]).toBeUndefined();
  });
});

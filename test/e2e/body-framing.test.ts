// Message framing when a policy changes a body: the Content-Length (or chunked encoding) of every
// outgoing message must describe the bytes actually sent, never the client's or backend's original
// length. One gateway and one backend for the whole file; real node:http clients, which send
// Content-Length (or chunked uploads), and a backend that records the exact bytes and framing it got.
//
// What each policy makes of a body comes from runPolicy with an in-process backend (no HTTP, so no
// framing): the gateway must deliver those same bytes, framed by their own byte length.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createGateway, type Gateway } from "../../gateway/host.js";
import { runPolicy } from "../../gateway/testing.js";

/** A policy that can change a body, written for the request (inbound) and for the response (outbound). */
interface BodyPolicy {
  name: string;
  /** The policy XML; `msg` is "Request" or "Response". */
  xml: (msg: "Request" | "Response") => string;
  /** Only meaningful in one direction (jsonp rewrites responses only). */
  directions: ("inbound" | "outbound")[];
  contentType: string;
  /** An ASCII sample and a multi-byte UTF-8 one. */
  ascii: string;
  utf8: string;
}

const TEXT = { contentType: "text/plain; charset=utf-8", ascii: "a plain body, with a few a's", utf8: "ünïcödé a € 😀 日本語 a" };
const JSON_BODY = { contentType: "application/json", ascii: `{"id":7,"name":"alpha","tags":["a","b"]}`, utf8: `{"name":"Zoë € 😀","city":"Malmö","tags":["日本","a"]}` };
const XML_BODY = { contentType: "application/xml", ascii: `<order id="7"><item>alpha</item><item>beta</item></order>`, utf8: `<order id="7"><item>Zoë € 😀</item><city>Malmö 日本</city></order>` };

const POLICIES: BodyPolicy[] = [
  {
    name: "set-body (expression)",
    xml: (m) => `<set-body>@{ var b = context.${m}.Body; return "[" + (b == null ? "" : b.As<string>()) + "] ✓ é"; }</set-body>`,
    directions: ["inbound", "outbound"],
    ...TEXT,
  },
  { name: "set-body (text)", xml: () => `<set-body>Replaced: ünï € 😀 (longer than some, shorter than others)</set-body>`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "set-body (shorter text)", xml: () => `<set-body>x</set-body>`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "set-body (liquid)", xml: () => `<set-body template="liquid">Liquid ✓ {{context.Request.Method}} ü € {{context.Request.Url.Path}}</set-body>`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "find-and-replace", xml: () => `<find-and-replace from="a" to="ä€😀" />`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "find-and-replace (shrinks)", xml: () => `<find-and-replace from="a" to="" />`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "json-to-xml", xml: () => `<json-to-xml apply="always" consider-accept-header="false" />`, directions: ["inbound", "outbound"], ...JSON_BODY },
  { name: "xml-to-json", xml: () => `<xml-to-json kind="direct" apply="always" consider-accept-header="false" />`, directions: ["inbound", "outbound"], ...XML_BODY },
  // Not a rewrite, but the body changes all the same: read without preserveContent, it is sent empty.
  { name: "body read away (As<string>() without preserveContent)", xml: (m) => `<set-variable name="read" value="@(context.${m}.Body.As<string>())" />`, directions: ["inbound", "outbound"], ...TEXT },
  { name: "jsonp", xml: () => `<jsonp callback-parameter-name="cb" />`, directions: ["outbound"], ...JSON_BODY },
];

/** How the body travels: framed by Content-Length or chunked, and which sample. */
interface BodyKind {
  name: string;
  framing: "length" | "chunked";
  sample: (p: BodyPolicy) => string;
}
const BODY_KINDS: BodyKind[] = [
  { name: "Content-Length", framing: "length", sample: (p) => p.ascii },
  { name: "chunked", framing: "chunked", sample: (p) => p.ascii },
  { name: "empty", framing: "length", sample: () => "" },
  { name: "multi-byte UTF-8, Content-Length", framing: "length", sample: (p) => p.utf8 },
  { name: "multi-byte UTF-8, chunked, split inside a character", framing: "chunked", sample: (p) => p.utf8 },
];

/** Two pieces, cut inside the first multi-byte character when there is one (else in the middle). */
function split(bytes: Buffer): [Buffer, Buffer] {
  const wide = bytes.findIndex((b) => b >= 0x80);
  const at = wide >= 0 ? wide + 1 : bytes.length >> 1;
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}
interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** A node:http request; the body framed by Content-Length or sent in two chunks. */
function send(url: string, method: string, headers: Record<string, string>, body: Buffer | null, framing: "length" | "chunked"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body === null) return void req.end();
    if (framing === "length") {
      req.setHeader("Content-Length", String(body.length));
      req.end(body);
    } else {
      req.setHeader("Transfer-Encoding", "chunked");
      const [a, b] = split(body);
      req.write(a);
      setImmediate(() => req.end(b));
    }
  });
}

/** Error responses carry a request id of their own: the rest must be the same. */
const withoutActivityId = (text: string) => text.replace(/"activityId":"[^"]*"/, `"activityId":""`);

/** The framing headers of a message must describe its bytes: Content-Length equal to the byte length, never chunked as well. */
function expectFramed(headers: IncomingHttpHeaders, bytes: Buffer, what: string): void {
  expect(headers["transfer-encoding"], `${what}: not chunked`).toBeUndefined();
  expect(headers["content-length"], `${what}: Content-Length`).toBe(String(bytes.length));
}

const dir = mkdtempSync(join(tmpdir(), "apimc-framing-"));
const write = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
let backend: Server;
let backendUrl: string;
let gw: Gateway;
let gwUrl: string;
/** What the backend got, by the x-test-id header the client sends (forwarded by the gateway). */
const received = new Map<string, Received>();
/** Called when the backend has a request's headers (before its body), by x-test-id. */
const headersSeen = new Map<string, () => void>();
let nextId = 0;

/**
 * The backend: records each request's bytes and headers; answers with the body the request asks for
 * (x-reply-b64, framed as x-reply-framing says, typed as x-reply-type), or "ok".
 */
async function startBackend(): Promise<void> {
  backend = createServer((req, res) => {
    headersSeen.get(String(req.headers["x-test-id"]))?.();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["x-test-id"] ?? "");
      received.set(id, { method: req.method!, url: req.url!, headers: req.headers, bytes: Buffer.concat(chunks) });
      const reply = req.headers["x-reply-b64"];
      if (typeof reply !== "string") {
        res.setHeader("Content-Type", "text/plain");
        res.setHeader("Content-Length", "2");
        return void res.end("ok");
      }
      const bytes = Buffer.from(reply, "base64");
      res.setHeader("Content-Type", String(req.headers["x-reply-type"]));
      if (req.headers["x-reply-framing"] === "chunked") {
        res.setHeader("Transfer-Encoding", "chunked");
        const [a, b] = split(bytes);
        res.write(a);
        setImmediate(() => res.end(b));
      } else {
        res.setHeader("Content-Length", String(bytes.length));
        res.end(bytes);
      }
    });
  });
  await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
}

const policyDoc = (inbound: string, outbound: string, backendSection = `<forward-request timeout="10" />`) =>
  `<policies><inbound>${inbound}</inbound><backend>${backendSection}</backend><outbound>${outbound}</outbound><on-error /></policies>`;

/** One API per policy and direction (/p3/in, /p3/out), plus the per-path cases below. */
const apis: { id: string; path: string; policy: string; operations?: unknown[] }[] = [];
POLICIES.forEach((p, i) => {
  if (p.directions.includes("inbound")) apis.push({ id: `p${i}-in`, path: `/p${i}/in`, policy: policyDoc(p.xml("Request"), "") });
  if (p.directions.includes("outbound")) apis.push({ id: `p${i}-out`, path: `/p${i}/out`, policy: policyDoc("", p.xml("Response")) });
});

beforeAll(async () => {
  await startBackend();
  const extra: typeof apis = [
    // What expressions see: Content-Length after set-body describes the new body.
    {
      id: "seen",
      path: "/seen",
      policy: policyDoc(
        `<set-variable name="before" value="@(context.Request.Headers.GetValueOrDefault(&quot;Content-Length&quot;, &quot;none&quot;))" /><set-body>@("new body ✓ " + context.Request.Body.As<string>(preserveContent: true))</set-body><set-header name="X-Seen-Length" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("Content-Length", "none"))</value></set-header><set-header name="X-Before-Length" exists-action="override"><value>@((string)context.Variables["before"])</value></set-header>`,
        `<set-header name="X-Response-Length-Before" exists-action="override"><value>@(context.Response.Headers.GetValueOrDefault("Content-Length", "none"))</value></set-header><set-body>@("out ✓ " + context.Response.Body.As<string>())</set-body><set-header name="X-Response-Length-After" exists-action="override"><value>@(context.Response.Headers.GetValueOrDefault("Content-Length", "none"))</value></set-header>`,
      ),
    },
    // send-request mode="copy" with a new body, to the backend; its answer is returned.
    {
      id: "copy",
      path: "/copy",
      policy: policyDoc(
        `<send-request mode="copy" response-variable-name="r" timeout="10"><set-url>${backendUrl}/side</set-url><set-body>@("copied ✓ " + context.Request.Body.As<string>(preserveContent: true) + " 😀")</set-body></send-request><return-response response-variable-name="r" />`,
        "",
      ),
    },
    // send-request mode="copy" keeping the body: it goes as it came.
    {
      id: "copy-same",
      path: "/copy-same",
      policy: policyDoc(`<send-request mode="copy" response-variable-name="r" timeout="10"><set-url>${backendUrl}/side</set-url></send-request><return-response response-variable-name="r" />`, ""),
    },
    // send-request mode="copy" in outbound: the request without its body (reference page), so no
    // Content-Length of the client's body may go with it.
    {
      id: "copy-out",
      path: "/copy-out",
      policy: policyDoc("", `<send-request mode="copy" response-variable-name="r" timeout="10"><set-url>${backendUrl}/side-out</set-url></send-request><return-response response-variable-name="r" />`),
    },
    // A framing header named at run time: refused (HeaderNotAllowed), in both directions.
    {
      id: "protected",
      path: "/protected",
      policy: `<policies><inbound><set-header name="@(context.Request.Url.Query.GetValueOrDefault(&quot;in&quot;, &quot;X-In&quot;))" exists-action="override"><value>3</value></set-header></inbound><backend><forward-request timeout="10" /></backend><outbound><set-header name="@(context.Request.Url.Query.GetValueOrDefault(&quot;out&quot;, &quot;X-Out&quot;))" exists-action="override"><value>3</value></set-header></outbound><on-error><set-body>@(context.LastError.Reason + " " + context.LastError.Section)</set-body></on-error></policies>`,
    },
    // return-response with a body of its own.
    { id: "return", path: "/return", policy: policyDoc(`<return-response><set-status code="201" reason="Created" /><set-body>returned ✓ ünï 😀</set-body></return-response>`, "") },
    // return-response of a response whose body was consumed, then replaced.
    { id: "return-empty", path: "/return-empty", policy: policyDoc(`<return-response><set-status code="200" reason="OK" /></return-response>`, "") },
    // retry: every attempt sends the new body, framed by its own length.
    {
      id: "retry",
      path: "/retry",
      policy: policyDoc(
        `<set-body>@("retried ✓ " + context.Request.Body.As<string>() + " €")</set-body>`,
        "",
        `<retry condition="@(context.Response.StatusCode == 503)" count="2" interval="0"><forward-request timeout="10" /></retry>`,
      ),
    },
    // A body no policy reads streams through with the client's framing.
    { id: "stream", path: "/stream", policy: policyDoc(`<set-header name="X-Streamed" exists-action="override"><value>yes</value></set-header>`, "") },
    // mock-response from the operation's example.
    {
      id: "mock",
      path: "/mock",
      policy: policyDoc(`<mock-response status-code="200" content-type="application/json" />`, ""),
      operations: [{ id: "mocked", method: "*", urlTemplate: "/{*rest}", examples: { "200": { "application/json": { name: "Zoë € 😀", n: 7 } } } }],
    },
    // An error response after set-body.
    { id: "error", path: "/error", policy: policyDoc(`<set-body>changed ✓</set-body><return-response><set-status code="@(int.Parse(&quot;x&quot;))" /></return-response>`, "") },
  ];
  apis.push(...extra);
  for (const a of apis) write(`policies/${a.id}.xml`, a.policy);
  write(
    "gateway.json",
    JSON.stringify({
      apis: apis.map((a) => ({ id: a.id, path: a.path, serviceUrl: `${backendUrl}/svc`, subscriptionRequired: false, policy: `policies/${a.id}.xml`, ...(a.operations ? { operations: a.operations } : {}) })),
    }),
  );
  gw = createGateway({ config: join(dir, "gateway.json") });
  gwUrl = `http://127.0.0.1:${(await gw.listen()).port}`;
});

afterAll(async () => {
  agent.destroy();
  await gw?.close();
  await new Promise<void>((r) => (backend ? backend.close(() => r()) : r()));
  backend?.closeAllConnections();
  rmSync(dir, { recursive: true, force: true });
});

describe("a policy that changes the request body: the backend gets the new bytes, framed by their length", () => {
  const cases = POLICIES.flatMap((p, i) => (p.directions.includes("inbound") ? BODY_KINDS.map((k) => ({ p, i, k })) : []));
  it.each(cases.map((c) => [`${c.p.name} × ${c.k.name}`, c] as const))("%s", async (_name, { p, i, k }) => {
    const input = k.sample(p);
    const oracle = await runPolicy(policyDoc(p.xml("Request"), ""), {
      request: { method: "POST", url: `/p${i}/in/x`, headers: { "content-type": p.contentType }, body: input === "" ? undefined : input },
      backend: () => ({ status: 200, headers: { "content-type": "text/plain" }, body: "ok" }),
    });
    const id = String(++nextId);
    const reply = await send(`${gwUrl}/p${i}/in/x`, "POST", { "content-type": p.contentType, "x-test-id": id }, Buffer.from(input, "utf8"), k.framing);
    expect(reply.status).toBe(oracle.status);
    expectFramed(reply.headers, reply.bytes, "client");
    expect(withoutActivityId(reply.bytes.toString("utf8"))).toBe(withoutActivityId(oracle.body));
    if (oracle.backendRequest === undefined) return expect(received.has(id)).toBe(false);
    const got = received.get(id)!;
    const expected = Buffer.from(oracle.backendRequest.body, "utf8");
    expect(got.bytes.equals(expected), `backend bytes: ${JSON.stringify(got.bytes.toString())} vs ${JSON.stringify(oracle.backendRequest.body)}`).toBe(true);
    expectFramed(got.headers, got.bytes, "backend");
  });
});

describe("a policy that changes the response body: the client gets the new bytes, framed by their length", () => {
  const cases = POLICIES.flatMap((p, i) => (p.directions.includes("outbound") ? BODY_KINDS.map((k) => ({ p, i, k })) : []));
  it.each(cases.map((c) => [`${c.p.name} × backend ${c.k.name}`, c] as const))("%s", async (_name, { p, i, k }) => {
    const input = k.sample(p);
    const oracle = await runPolicy(policyDoc("", p.xml("Response")), {
      request: { method: "GET", url: `/p${i}/out/x?cb=callback` },
      backend: () => ({ status: 200, headers: { "content-type": p.contentType }, body: input }),
    });
    const id = String(++nextId);
    const reply = await send(
      `${gwUrl}/p${i}/out/x?cb=callback`,
      "GET",
      { "x-test-id": id, "x-reply-b64": Buffer.from(input, "utf8").toString("base64"), "x-reply-framing": k.framing, "x-reply-type": p.contentType },
      null,
      k.framing,
    );
    expect(received.has(id)).toBe(true);
    expect(reply.status).toBe(oracle.status);
    expect(withoutActivityId(reply.bytes.toString("utf8"))).toBe(withoutActivityId(oracle.body));
    expectFramed(reply.headers, reply.bytes, "client");
  });
});

describe("every path a body leaves by", () => {
  const body = Buffer.from("Grüße, wörld € 😀", "utf8");

  it("expressions see the Content-Length of the new body after set-body, in both directions", async () => {
    const id = String(++nextId);
    const reply = await send(`${gwUrl}/seen/x`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, "length");
    const got = received.get(id)!;
    expect(got.bytes.toString("utf8")).toBe(`new body ✓ ${body.toString("utf8")}`);
    expectFramed(got.headers, got.bytes, "backend");
    // Before: the client's length; after: the new body's, which is what the backend got.
    expect(got.headers["x-before-length"]).toBe(String(body.length));
    expect(got.headers["x-seen-length"]).toBe(String(got.bytes.length));
    expect(reply.bytes.toString("utf8")).toBe("out ✓ ok");
    expectFramed(reply.headers, reply.bytes, "client");
    expect(reply.headers["x-response-length-before"]).toBe("2");
    expect(reply.headers["x-response-length-after"]).toBe(String(reply.bytes.length));
  });

  it.each([
    ["Content-Length", "length"],
    ["chunked", "chunked"],
  ] as const)("send-request mode=\"copy\" with set-body sends the new body framed by its length (client %s)", async (_n, framing) => {
    const id = String(++nextId);
    const reply = await send(`${gwUrl}/copy/x`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, framing);
    const got = received.get(id)!;
    expect(got.url).toBe("/side");
    expect(got.bytes.toString("utf8")).toBe(`copied ✓ ${body.toString("utf8")} 😀`);
    expectFramed(got.headers, got.bytes, "send-request");
    expect(reply.status).toBe(200);
    expect(reply.bytes.toString("utf8")).toBe("ok");
    expectFramed(reply.headers, reply.bytes, "client");
  });

  it.each([
    ["Content-Length", "length"],
    ["chunked", "chunked"],
  ] as const)("send-request mode=\"copy\" without set-body sends the body as it came (client %s)", async (_n, framing) => {
    const id = String(++nextId);
    await send(`${gwUrl}/copy-same/x`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, framing);
    const got = received.get(id)!;
    expect(got.bytes.equals(body)).toBe(true);
    expectFramed(got.headers, got.bytes, "send-request");
  });

  it.each([
    ["Content-Length", "length"],
    ["chunked", "chunked"],
  ] as const)("send-request mode=\"copy\" in outbound sends no body and says so (client %s)", async (_n, framing) => {
    const id = String(++nextId);
    const reply = await send(`${gwUrl}/copy-out/x`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, framing);
    const got = received.get(id)!;
    expect(got.url).toBe("/side-out");
    expect(got.method).toBe("POST");
    expect(got.bytes.length).toBe(0);
    expectFramed(got.headers, got.bytes, "send-request in outbound");
    expect(reply.status).toBe(200);
    expect(reply.bytes.toString("utf8")).toBe("ok");
  });

  it.each(["Content-Length", "content-length", "Transfer-Encoding"])("a policy cannot set %s: the computed name is refused in inbound and outbound", async (name) => {
    for (const section of ["inbound", "outbound"] as const) {
      const id = String(++nextId);
      const reply = await send(`${gwUrl}/protected/x?${section === "inbound" ? "in" : "out"}=${name}`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, "length");
      expect(reply.status).toBe(500);
      expect(reply.bytes.toString("utf8")).toBe(`HeaderNotAllowed ${section}`);
      expectFramed(reply.headers, reply.bytes, "error response");
      // Refused in inbound: nothing was sent; in outbound, the backend got the body as it came.
      if (section === "inbound") expect(received.has(id)).toBe(false);
      else expect(received.get(id)!.bytes.equals(body)).toBe(true);
    }
  });

  it.each(["GET", "DELETE", "OPTIONS"])("set-body on a %s request without a body sends the new body with its length", async (method) => {
    const setBody = POLICIES.findIndex((p) => p.name === "set-body (expression)");
    const oracle = await runPolicy(policyDoc(POLICIES[setBody]!.xml("Request"), ""), { request: { method, url: `/p${setBody}/in/x` }, backend: () => ({ body: "ok" }) });
    const id = String(++nextId);
    const reply = await send(`${gwUrl}/p${setBody}/in/x`, method, { "x-test-id": id }, null, "length");
    expect(reply.status).toBe(200);
    const got = received.get(id)!;
    expect(got.method).toBe(method);
    expect(got.bytes.toString("utf8")).toBe(oracle.backendRequest!.body);
    expect(got.bytes.length).toBeGreaterThan(0);
    expectFramed(got.headers, got.bytes, method);
  });

  it("return-response goes out with Content-Length, not chunked, whatever the request's body was", async () => {
    for (const framing of ["length", "chunked"] as const) {
      const reply = await send(`${gwUrl}/return/x`, "POST", { "content-type": "text/plain" }, body, framing);
      expect(reply.status).toBe(201);
      expect(reply.bytes.toString("utf8")).toBe("returned ✓ ünï 😀");
      expectFramed(reply.headers, reply.bytes, "return-response");
    }
    const empty = await send(`${gwUrl}/return-empty/x`, "POST", { "content-type": "text/plain" }, body, "length");
    expect(empty.status).toBe(200);
    expect(empty.bytes.length).toBe(0);
    expectFramed(empty.headers, empty.bytes, "empty return-response");
  });

  it("mock-response goes out with Content-Length, not chunked", async () => {
    for (const [method, b] of [["GET", null], ["POST", body]] as const) {
      const reply = await send(`${gwUrl}/mock/x`, method, {}, b, "length");
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.bytes.toString("utf8"))).toEqual({ name: "Zoë € 😀", n: 7 });
      expectFramed(reply.headers, reply.bytes, "mock-response");
    }
  });

  it("the error response after a changed body goes out with Content-Length", async () => {
    const reply = await send(`${gwUrl}/error/x`, "POST", { "content-type": "text/plain" }, body, "length");
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.bytes.toString("utf8"))).toMatchObject({ statusCode: 500 });
    expectFramed(reply.headers, reply.bytes, "error response");
  });

  it("retry resends the new body, framed by its length, on every attempt", async () => {
    let attempts = 0;
    const id = String(++nextId);
    // The backend answers 503 twice for this id, then "ok": three sends of the same body.
    const original = backend.listeners("request")[0] as (...a: unknown[]) => void;
    const bodies: Received[] = [];
    backend.removeAllListeners("request");
    backend.on("request", (req, res) => {
      if (req.headers["x-test-id"] !== id) return original(req, res);
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        bodies.push({ method: req.method!, url: req.url!, headers: req.headers, bytes: Buffer.concat(chunks) });
        res.statusCode = ++attempts < 3 ? 503 : 200;
        res.end("attempt");
      });
    });
    try {
      const reply = await send(`${gwUrl}/retry/x`, "POST", { "x-test-id": id, "content-type": "text/plain" }, body, "length");
      expect(reply.status).toBe(200);
      expect(bodies).toHaveLength(3);
      for (const b of bodies) {
        expect(b.bytes.toString("utf8")).toBe(`retried ✓ ${body.toString("utf8")} €`);
        expectFramed(b.headers, b.bytes, "retry attempt");
      }
    } finally {
      backend.removeAllListeners("request");
      backend.on("request", original);
    }
  });

  it("a body no policy reads streams through with the client's framing", async () => {
    const id = String(++nextId);
    const length = String(++nextId);
    await send(`${gwUrl}/stream/x`, "POST", { "x-test-id": length, "content-type": "text/plain" }, body, "length");
    expect(received.get(length)!.bytes.equals(body)).toBe(true);
    expect(received.get(length)!.headers["x-streamed"]).toBe("yes");
    expectFramed(received.get(length)!.headers, body, "streamed with Content-Length");
    // Chunked: the second chunk is sent only once the backend has the request's headers, so the
    // body cannot have been buffered; it reaches the backend chunked, as it came.
    const [a, b] = split(body);
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request(`${gwUrl}/stream/x`, { method: "POST", headers: { "x-test-id": id, "transfer-encoding": "chunked" }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      headersSeen.set(id, () => req.end(b));
      req.write(a);
    });
    expect(reply.status).toBe(200);
    const got = received.get(id)!;
    expect(got.bytes.equals(body)).toBe(true);
    expect(got.headers["transfer-encoding"]).toBe("chunked");
    expect(got.headers["content-length"]).toBeUndefined();
  });

  it("a streamed response keeps the backend's framing", async () => {
    for (const framing of ["length", "chunked"] as const) {
      const id = String(++nextId);
      const reply = await send(`${gwUrl}/stream/x`, "GET", { "x-test-id": id, "x-reply-b64": body.toString("base64"), "x-reply-framing": framing, "x-reply-type": "text/plain" }, null, "length");
      expect(reply.bytes.equals(body)).toBe(true);
      // Small bodies of known length are read whole; either way the length is the backend's.
      if (framing === "length") expectFramed(reply.headers, reply.bytes, "streamed response");
    }
  });

  it("GET and HEAD without a body send no body and no framing headers, buffered or streamed", async () => {
    const findReplace = POLICIES.findIndex((p) => p.name === "find-and-replace");
    for (const path of [`/p${findReplace}/in/x`, "/stream/x"])
      for (const method of ["GET", "HEAD"] as const) {
        const id = String(++nextId);
        const reply = await send(`${gwUrl}${path}`, method, { "x-test-id": id }, null, "length");
        expect(reply.status).toBe(200);
        const got = received.get(id)!;
        expect(got.method).toBe(method);
        expect(got.bytes.length).toBe(0);
        expect(got.headers["content-length"], `${method} ${path}`).toBeUndefined();
        expect(got.headers["transfer-encoding"], `${method} ${path}`).toBeUndefined();
      }
  });
});

describe("apimc serve (dist/cli.js, a real process)", () => {
  it("delivers changed bodies framed by their length, both ways, for every policy", async () => {
    const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
    const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", "--config", join(dir, "gateway.json"), "--port", "0", "--no-watch"], { stdio: ["ignore", "ignore", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = "";
        child.stderr.on("data", (d) => {
          err += d;
          const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once("exit", (code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
      });
      for (const [i, p] of POLICIES.entries()) {
        const input = Buffer.from(p.utf8, "utf8");
        if (p.directions.includes("inbound")) {
          const id = String(++nextId);
          const reply = await send(`${url}/p${i}/in/x`, "POST", { "content-type": p.contentType, "x-test-id": id }, input, "length");
          expect(reply.status, p.name).toBe(200);
          const got = received.get(id)!;
          expectFramed(got.headers, got.bytes, `${p.name}: backend`);
        }
        if (!p.directions.includes("outbound")) continue;
        const id = String(++nextId);
        const reply = await send(`${url}/p${i}/out/x?cb=callback`, "GET", { "x-test-id": id, "x-reply-b64": input.toString("base64"), "x-reply-framing": "length", "x-reply-type": p.contentType }, null, "length");
        expect(reply.status, p.name).toBe(200);
        expectFramed(reply.headers, reply.bytes, `${p.name}: client`);
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  });
});

describe("runPolicy with a real backend", () => {
  it.each(POLICIES.filter((p) => p.directions.includes("inbound")).flatMap((p) => [p.ascii, p.utf8].map((input) => [p.name, input, p] as const)))(
    "%s: %s reaches the backend framed by its length",
    async (_n, input, p) => {
      const id = String(++nextId);
      const r = await runPolicy(policyDoc(p.xml("Request"), ""), {
        request: { method: "POST", url: "/x", headers: { "content-type": p.contentType, "content-length": String(Buffer.byteLength(input)), "x-test-id": id }, body: input },
        backend: backendUrl,
      });
      expect(r.lastError).toBeUndefined();
      expect(r.status).toBe(200);
      const got = received.get(id)!;
      expect(got.bytes.toString("utf8")).toBe(r.backendRequest!.body);
      expectFramed(got.headers, got.bytes, "backend");
    },
  );
});

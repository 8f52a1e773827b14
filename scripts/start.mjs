// `npm start`: compiles examples/ and serves them through the gateway on 127.0.0.1:8080, with an
// embedded demo backend, a token introspection server and a webhook sink, all on loopback.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { compile, formatDiagnostic } from "../dist/index.js";
import { createGateway } from "../dist/gateway.js";

const PORT = Number(process.env.PORT ?? 8080);

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}
const readBody = async (req) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
};

// Demo backend: echoes what it received; /fail answers 500.
const backend = await listen(async (req, res) => {
  await readBody(req);
  const status = req.url.startsWith("/api/fail") || req.url.startsWith("/shop/fail") ? 500 : 200;
  res.writeHead(status, { "content-type": "application/json", "x-powered-by": "demo-backend", "set-cookie": "session=abc; Path=/" });
  res.end(JSON.stringify({ backend: "demo", method: req.method, url: req.url, forwardedHost: req.headers["x-forwarded-host"] ?? null }, null, 2) + "\n");
});
// Token introspection (RFC 7662): the token "good" is active, anything else is not.
const tokens = await listen(async (req, res) => {
  const token = new URLSearchParams(await readBody(req)).get("token");
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ active: token === "good" }));
});
// Webhook sink: prints what the alert policy posts.
const sink = await listen(async (req, res) => {
  const body = await readBody(req);
  console.log(`\n[webhook sink] ${req.method} ${req.url}\n${body}\n`);
  res.end("ok");
});

const namedValues = { "token-server": tokens.url, webhook: sink.url };
const apis = [
  { path: "/api", file: "examples/token-check.xml" },
  { path: "/shop", file: "examples/alerts.xml" },
];
let failed = false;
for (const a of apis) {
  const source = readFileSync(a.file, "utf8");
  const r = compile(source, { file: a.file, namedValues });
  for (const d of r.diagnostics) console.error(formatDiagnostic(d, source));
  if (!r.code) failed = true;
}
if (failed) {
  console.error("An example does not compile; fix it and run npm start again.");
  process.exit(1);
}
const gateway = createGateway({
  apis: apis.map((a) => ({ path: a.path, backend: backend.url, policy: readFileSync(a.file, "utf8"), name: a.file, caller: { user: { Email: "demo@example.com" } } })),
  namedValues,
  log: (line) => console.log(line),
});
await gateway.listen(PORT, "127.0.0.1");
const base = `http://127.0.0.1:${PORT}`;
console.log(`apimc gateway on ${base} (backend ${backend.url}, token server ${tokens.url}, webhook sink ${sink.url})

Try:
  curl -i ${base}/api/orders -H "Authorization: Bearer good"    # token active: forwarded, X-Gateway set, X-Powered-By removed
  curl -i ${base}/api/orders -H "Authorization: Bearer bad"     # token inactive: 401 with WWW-Authenticate
  curl -i ${base}/shop/items                                     # several values comma-joined; Set-Cookie on separate lines
  curl -i ${base}/shop/fail                                      # a 500: the alert is posted to the webhook sink (printed here)

Edit examples/*.xml and restart to see the effect. Ctrl-C stops.`);

const stop = async () => {
  await gateway.close();
  for (const s of [backend, tokens, sink]) s.server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

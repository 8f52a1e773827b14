// `npm start`: serves examples/gateway.json through the apimc gateway on 127.0.0.1:8080, with an
// embedded demo backend (:8081), a token introspection server (:8082) and a webhook sink (:8083),
// all on loopback, and the APIOps folder examples/apiops on 127.0.0.1:8090 (same demo backend).
// Edit any file under examples/ (or in the workbench page, printed below) and the gateway reloads it.
// As with `apimc dev`, the workbench is on and every request's trace is kept for it.
import { createServer } from "node:http";
import { createGateway } from "../dist/gateway.js";
import { formatDiagnostic } from "../dist/index.js";
import { readFileSync } from "node:fs";

const readBody = async (req) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
};
function listen(port, name, handler) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", (e) => reject(new Error(`cannot start the ${name} on 127.0.0.1:${port}: ${e.message}`)));
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const servers = [
  // Demo backend: echoes what it received; /shop/fail answers 500.
  await listen(8081, "demo backend", async (req, res) => {
    await readBody(req);
    const status = req.url.startsWith("/shop/fail") ? 500 : 200;
    res.writeHead(status, { "content-type": "application/json", "x-powered-by": "demo-backend", "set-cookie": "session=abc; Path=/" });
    const seen = Object.fromEntries(["x-forwarded-host", "x-request-id", "x-subscriber"].map((h) => [h, req.headers[h] ?? null]));
    res.end(JSON.stringify({ backend: "demo", method: req.method, url: req.url, headers: seen }, null, 2) + "\n");
  }),
  // Token introspection (RFC 7662): the token "good" is active, anything else is not.
  await listen(8082, "token server", async (req, res) => {
    const token = new URLSearchParams(await readBody(req)).get("token");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ active: token === "good" }));
  }),
  // Webhook sink: prints what the alert policy posts.
  await listen(8083, "webhook sink", async (req, res) => {
    console.log(`\n[webhook sink] ${req.method} ${req.url}\n${await readBody(req)}\n`);
    res.end("ok");
  }),
];

const config = "examples/gateway.json";
let gateway;
try {
  gateway = createGateway({
    config,
    watch: true,
    workbench: { traceAll: true },
    log: (line) => console.log(line),
    onBuild: (ok, diagnostics, error) => {
      for (const d of diagnostics) console.error(formatDiagnostic(d, safeRead(d.file)));
      if (error) console.error(error.message);
      if (!ok) console.error("[apimc] that change does not compile: still serving the last good version");
      else if (gateway) console.log("[apimc] reloaded");
    },
  });
} catch (e) {
  console.error(e.message);
  console.error("Fix the example and run npm start again.");
  process.exit(1);
}
await gateway.listen(8080, "127.0.0.1");
const base = "http://127.0.0.1:8080";

// The same demo backend behind an APIOps extractor folder, with the values it does not hold.
let apiops;
try {
  apiops = createGateway({
    apiops: { dir: "examples/apiops", values: "examples/apiops.values.json" },
    watch: true,
    workbench: { traceAll: true },
    log: (line) => console.log(`[apiops] ${line}`),
    onIgnored: (lines) => console.log(`[apimc] not used from examples/apiops:\n${lines.map((l) => `  ${l}`).join("\n")}`),
    onBuild: (ok, diagnostics, error) => {
      for (const d of diagnostics) console.error(formatDiagnostic(d, safeRead(d.file)));
      if (error) console.error(error.message);
      if (!ok) console.error("[apimc] that change to examples/apiops does not compile: still serving the last good version");
      else if (apiops) console.log("[apimc] examples/apiops reloaded");
    },
  });
} catch (e) {
  console.error(e.message);
  console.error("Fix examples/apiops and run npm start again.");
  process.exit(1);
}
await apiops.listen(8090, "127.0.0.1");
const apiopsBase = "http://127.0.0.1:8090";
console.log(`apimc gateway on ${base} serving ${config} (demo backend :8081, token server :8082, webhook sink :8083)

Workbench (edit the policies, send requests, walk through their traces): ${base}/_apimc/
  (and for examples/apiops: ${apiopsBase}/_apimc/)

Try:
  curl -i ${base}/api/orders -H "Authorization: Bearer good"      # token active: forwarded (see X-Forwarded-Host), X-Gateway added, X-Powered-By removed
  curl -i ${base}/api/orders -H "Authorization: Bearer bad"       # token inactive: 401 with WWW-Authenticate
  curl -i ${base}/shop/items                                       # 401: the Starter product needs a subscription key
  curl -i ${base}/shop/items/42 -H "Ocp-Apim-Subscription-Key: demo-key"   # product policy: X-Subscriber; comma-joined values, Set-Cookie lines
  curl -i ${base}/shop/items -H "Ocp-Apim-Subscription-Key: demo-key"      # run twice: X-Cache MISS, then HIT (answered from the gateway's cache)
  curl -i ${base}/shop/fail -H "Ocp-Apim-Subscription-Key: demo-key"       # a 500: the alert is posted to the webhook sink (printed here)
  for i in 1 2 3 4 5 6; do curl -s -o /dev/null -w "%{http_code} " ${base}/shop/items/1 -H "Ocp-Apim-Subscription-Key: demo-key"; done; echo   # 5 per 10 s, then 429
  curl -s -D - -o /dev/null ${base}/api/orders -H "Authorization: Bearer good" -H "Apimc-Trace: show-me"   # the trace of every policy run

APIOps folder examples/apiops on ${apiopsBase}:
  curl -i ${apiopsBase}/petstore/v1/pets/7                              # version v1 (path segment), operation policy of getPetById (X-Pet), fragment and named value in the global policy
  curl -i -X DELETE ${apiopsBase}/petstore/v2/pets/7                    # v2's deletePet operation policy answers 403
  curl -i "${apiopsBase}/inventory/search?q=bolt" -H "X-Inventory-Key: apiops-demo-key"   # Swagger 2.0 API in the Starter product: its own key header, secret named value to the backend

Edit examples/*.xml (or gateway.json, or anything under examples/apiops) and the gateway reloads; a change that does not compile keeps the last good version. Ctrl-C stops.`);

function safeRead(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
const stop = async () => {
  console.log("\nstopping: finishing requests in flight");
  await gateway.close();
  await apiops.close();
  for (const s of servers) s.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

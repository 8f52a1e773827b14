// The bare proxy: node:http in front, an undici Pool to the backend, the same header work as
// chain.xml written by hand. What a careful engineer would write without apimc.
//   node bare-proxy.mjs <backendUrl> [port]
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { Pool } from "undici";

const backend = process.argv[2];
const pool = new Pool(backend, { connections: 128, pipelining: 1, keepAliveTimeout: 10_000 });
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "http2-settings", "host"]);

const server = createServer(async (req, res) => {
  const headers = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    if (HOP.has(k) || k === "x-internal-secret") continue;
    headers[k] = headers[k] === undefined ? raw[i + 1] : `${headers[k]},${raw[i + 1]}`;
  }
  headers["x-forwarded-proto"] = "https";
  headers["x-request-id"] = randomUUID();
  headers["x-forwarded-host"] = (req.headers.host ?? "localhost").replace(/:\d+$/, "");
  const hasBody = req.headers["content-length"] !== undefined ? req.headers["content-length"] !== "0" : req.headers["transfer-encoding"] !== undefined;
  try {
    const r = await pool.request({ path: req.url, method: req.method, headers, body: hasBody ? req : undefined });
    const out = {};
    for (const [k, v] of Object.entries(r.headers)) {
      if (HOP.has(k) || k === "x-powered-by" || k === "x-aspnet-version") continue;
      out[k] = v;
    }
    out["x-gateway"] = "apimc";
    res.writeHead(r.statusCode, out);
    r.body.pipe(res);
  } catch (e) {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end(String(e?.message ?? e));
  }
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.argv[3] ?? 0), "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + "\n");
});
process.on("SIGTERM", () => process.exit(0));

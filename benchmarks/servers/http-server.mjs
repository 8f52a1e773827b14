// A small HTTP server on 127.0.0.1 used as the backend, the token-introspection server and the
// webhook sink of the benchmarks. Prints `{"port": n, "pid": n}` on stdout when listening.
//   node http-server.mjs backend|introspect|sink [port]
import { createServer } from "node:http";

const mode = process.argv[2] ?? "backend";
const port = Number(process.argv[3] ?? 0);

const BACKEND_BODY = Buffer.from(JSON.stringify({ id: 42, status: "shipped", lines: [{ sku: "a-1", qty: 2 }, { sku: "b-7", qty: 1 }], note: "hello from the backend" }));
const ACTIVE = Buffer.from(JSON.stringify({ active: true, scope: "read write", client_id: "bench", username: "jdoe", exp: 4102444800 }));

const server = createServer((req, res) => {
  // Read (and drop) the request body before answering, as a real backend would.
  req.on("data", () => {});
  req.on("end", () => {
    if (mode === "sink") {
      res.writeHead(204);
      res.end();
    } else if (mode === "introspect") {
      res.writeHead(200, { "content-type": "application/json", "content-length": ACTIVE.length });
      res.end(ACTIVE);
    } else {
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": BACKEND_BODY.length,
        "x-powered-by": "Express",
        "x-aspnet-version": "4.0",
        "cache-control": "private",
      });
      res.end(BACKEND_BODY);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 61_000;
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, pid: process.pid }) + "\n");
});
process.on("SIGTERM", () => process.exit(0));

// A real HTTP forward proxy for tests (node:http): absolute-form requests forwarded, CONNECT
// tunnelled with net.connect, each recorded; 407 when `expectAuth` is set and the request's
// Proxy-Authorization differs. Started on 127.0.0.1 port 0 by the test that uses it.
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect as netConnect, type AddressInfo, type Socket } from "node:net";

export interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
}

/** A forward proxy: answers 407 when `expectAuth` is set and the Proxy-Authorization differs. */
export async function startProxy(expectAuth: string | null): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const refused = (auth: string | undefined) => expectAuth !== null && auth !== expectAuth;
  const server: Server = createServer((req, res) => {
    const auth = req.headers["proxy-authorization"];
    seen.push({ method: req.method!, url: req.url!, auth });
    if (refused(auth)) {
      res.writeHead(407, { "proxy-authenticate": 'Basic realm="test"' });
      res.end();
      return;
    }
    const target = new URL(req.url!); // absolute form
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    const up = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode!, { ...r.headers, "x-via-test-proxy": "1" });
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  server.on("connect", (req, client: Socket, head: Buffer) => {
    const auth = req.headers["proxy-authorization"];
    seen.push({ method: "CONNECT", url: req.url!, auth });
    if (refused(auth)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = req.url!.split(":");
    const up = netConnect(Number(port), host!, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on("error", () => client.destroy());
    client.on("error", () => up.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// Requests with node:http's own client (Content-Length bodies, Node's default header size limit),
// as most Node users' HTTP clients are built on it.
import { request } from "node:http";

export interface NodeResponse {
  status: number;
  headers: import("node:http").IncomingHttpHeaders;
  body: string;
}

export function nodeRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<NodeResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers };
    if (opts.body !== undefined) headers["content-length"] = String(Buffer.byteLength(opts.body));
    const req = request(url, { method: opts.method ?? "GET", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

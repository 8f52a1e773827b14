// Live updates for the page (GET /_apimc/api/events, server-sent events): `request` with the summary
// of each request the history keeps, `reload` after every (re)load of the configuration. A comment
// line every 15 s keeps idle connections open through proxies; the gateway's close ends them all
// (an open event stream would otherwise hold the server's close forever).
import type { ServerResponse } from "node:http";

const HEARTBEAT_MS = 15_000;
/** More open streams than this: the oldest is ended (one page holds one). */
const MAX_STREAMS = 32;

export class WorkbenchEvents {
  readonly #streams = new Set<ServerResponse>();
  #heartbeat: NodeJS.Timeout | null = null;
  #closed = false;

  open(res: ServerResponse): void {
    // A page that reconnects while the gateway closes gets no stream (an open one would hold the close up)
    if (this.#closed) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
      res.end("The gateway is closing.\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", connection: "keep-alive" });
    res.write(": apimc workbench events\n\n");
    this.#streams.add(res);
    res.once("close", () => {
      this.#streams.delete(res);
      if (this.#streams.size === 0) this.stopHeartbeat();
    });
    if (this.#streams.size > MAX_STREAMS) {
      const oldest = this.#streams.values().next().value!;
      this.#streams.delete(oldest);
      oldest.end();
    }
    this.#heartbeat ??= setInterval(() => {
      for (const s of this.#streams) s.write(": keep-alive\n\n");
    }, HEARTBEAT_MS).unref();
  }

  /** One event to every open stream; the data is one line of JSON (no raw text reaches the stream). */
  send(event: "request" | "reload", data: unknown): void {
    if (this.#streams.size === 0) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")}\n\n`;
    for (const s of this.#streams) s.write(frame);
  }

  get size(): number {
    return this.#streams.size;
  }

  close(): void {
    this.#closed = true;
    this.stopHeartbeat();
    for (const s of this.#streams) s.end();
    this.#streams.clear();
  }

  private stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }
}

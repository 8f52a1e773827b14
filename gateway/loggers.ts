// The sinks log-to-eventhub writes to outside Azure (gateway.json `loggers`, or `$loggers` in an
// APIOps folder's values file): a logger id → a JSON-lines file, stdout, or an HTTP endpoint that
// receives each message as a JSON POST. Writing never waits on the request path: a file or stdout
// line is queued on a stream, an HTTP post is sent in the background. A sink that fails tells
// `onProblem` once per kind of failure and counts (`failures`), never failing a request.
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname, resolve } from "node:path";
import { request } from "undici";
import type { LogEntry, LogSink } from "../runtime/integration/sinks.js";

export type LoggerConfig = { type: "file"; path: string } | { type: "stdout" } | { type: "http"; url: string; headers?: Record<string, string> };

const TYPES = ["file", "stdout", "http"];

/** Validates gateway.json `loggers` (or `$loggers`); `fail(path, message)` throws. */
export function checkLoggers(v: unknown, at: string, fail: (path: string, msg: string) => never): asserts v is Record<string, LoggerConfig> {
  if (!v || typeof v !== "object" || Array.isArray(v)) fail(at, 'must be an object: logger id → { "type": "file", "path": ... } | { "type": "stdout" } | { "type": "http", "url": ... }');
  for (const [id, c] of Object.entries(v as Record<string, unknown>)) {
    const p = `${at}.${id}`;
    if (id.trim() === "") fail(at, "a logger id cannot be empty");
    if (!c || typeof c !== "object" || Array.isArray(c)) fail(p, 'must be an object with "type": "file", "stdout" or "http"');
    const o = c as Record<string, unknown>;
    if (typeof o.type !== "string" || !TYPES.includes(o.type)) fail(`${p}.type`, `must be "file" (JSON lines appended to "path"), "stdout" or "http" (a POST of each message to "url"), not ${JSON.stringify(o.type)}`);
    const allowed = o.type === "file" ? ["type", "path"] : o.type === "http" ? ["type", "url", "headers"] : ["type"];
    for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${p}.${k}`, `unknown property for a "${String(o.type)}" logger (expected: ${allowed.join(", ")})`);
    if (o.type === "file" && (typeof o.path !== "string" || o.path.trim() === "")) fail(`${p}.path`, "is required: the file the JSON lines are appended to (relative to the configuration's folder)");
    if (o.type === "http") {
      let u: URL | null = null;
      try {
        u = new URL(String(o.url));
      } catch {
        fail(`${p}.url`, `is required: an absolute http(s) URL each message is POSTed to, not ${JSON.stringify(o.url)}`);
      }
      if (u!.protocol !== "http:" && u!.protocol !== "https:") fail(`${p}.url`, "must be an http(s) URL");
      if (o.headers !== undefined) {
        if (!o.headers || typeof o.headers !== "object" || Array.isArray(o.headers)) fail(`${p}.headers`, "must be an object of header name → value");
        for (const [h, hv] of Object.entries(o.headers as object)) {
          if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h)) fail(`${p}.headers`, `'${h}' is not a valid header name`);
          if (typeof hv !== "string") fail(`${p}.headers.${h}`, "must be a string");
        }
      }
    }
  }
}

/** What the gateway keeps of its sinks across reloads (in its stores): one open sink per target. */
export interface LoggerSinks {
  /** The sinks for a configuration's loggers (reusing open ones). */
  forConfig(loggers: Readonly<Record<string, LoggerConfig>> | undefined, dir: string): Map<string, LogSink>;
  /** Messages a sink could not write, since start. */
  readonly failures: number;
  /** Flushes and closes the files. */
  close(): Promise<void>;
}

export const LOGGER_SINKS_STORE = "gateway:logger-sinks";

export function createLoggerSinks(onProblem?: (message: string) => void): LoggerSinks {
  const open = new Map<string, LogSink & { close?: () => Promise<void> }>();
  const told = new Set<string>();
  let failures = 0;
  const problem = (key: string, message: string) => {
    failures++;
    if (told.has(key)) return;
    told.add(key);
    onProblem?.(message);
  };
  const sinkFor = (id: string, c: LoggerConfig, dir: string): LogSink => {
    const key = c.type === "file" ? `file:${resolve(dir, c.path)}` : c.type === "http" ? `http:${c.url}:${JSON.stringify(c.headers ?? {})}` : "stdout";
    let s = open.get(key);
    if (s) return s;
    if (c.type === "file") {
      const file = resolve(dir, c.path);
      let stream: WriteStream | null = null;
      s = {
        write(e: LogEntry) {
          if (!stream) {
            try {
              mkdirSync(dirname(file), { recursive: true });
            } catch {
              // the stream's error says what is wrong
            }
            stream = createWriteStream(file, { flags: "a" });
            stream.on("error", (err) => problem(key, `logger '${id}': cannot write ${file}: ${err.message}`));
          }
          stream.write(`${JSON.stringify(e)}\n`);
        },
        close: () => new Promise<void>((done) => (stream ? stream.end(() => done()) : done())),
      };
    } else if (c.type === "stdout") s = { write: (e: LogEntry) => void process.stdout.write(`${JSON.stringify(e)}\n`) };
    else {
      const headers = { "content-type": "application/json", ...c.headers };
      const pending = new Set<Promise<unknown>>();
      s = {
        write(e: LogEntry) {
          const p = request(c.url, { method: "POST", headers, body: JSON.stringify(e), headersTimeout: 10_000, bodyTimeout: 10_000 })
            .then(async (r) => {
              await r.body.dump();
              if (r.statusCode >= 300) problem(`${key}:${r.statusCode}`, `logger '${id}': ${c.url} answered ${r.statusCode}`);
            })
            .catch((err: Error) => problem(key, `logger '${id}': cannot post to ${c.url}: ${err.message}`));
          pending.add(p);
          void p.finally(() => pending.delete(p));
        },
        close: async () => void (await Promise.allSettled([...pending])),
      };
    }
    open.set(key, s);
    return s;
  };
  return {
    forConfig(loggers, dir) {
      const out = new Map<string, LogSink>();
      for (const [id, c] of Object.entries(loggers ?? {})) out.set(id, sinkFor(id, c, dir));
      return out;
    },
    get failures() {
      return failures;
    },
    async close() {
      await Promise.allSettled([...open.values()].map((s) => s.close?.()));
      open.clear();
    },
  };
}

/** The gateway's sinks (kept in its stores, so a reload reuses open files), made on first use. */
export function loggerSinksOf(stores: Map<string, unknown>): LoggerSinks {
  let s = stores.get(LOGGER_SINKS_STORE) as LoggerSinks | undefined;
  if (!s) stores.set(LOGGER_SINKS_STORE, (s = createLoggerSinks((m) => void process.stderr.write(`apimc: ${m}\n`))));
  return s;
}

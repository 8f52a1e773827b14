// log-to-eventhub at run time: one JSON object a message, handed to the sink the gateway maps the
// logger id to (gateway/loggers.ts: a JSON-lines file, stdout, an HTTP endpoint). Sending never
// waits and never fails the request (APIM sends to Event Hubs in the background too); a sink that
// cannot write counts and reports it. An id with no sink (a module compiled without the
// configuration, run by another host) is a policy error that says how to map it.
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import type { LogEntry } from "./sinks.js";

export type { LogEntry, LogSink } from "./sinks.js";

/** "The maximum supported message size ... is 200 kilobytes (KB). A larger message will be automatically truncated" (reference page). */
export const MAX_MESSAGE_BYTES = 200 * 1024;

export function truncateMessage(message: string): string {
  if (message.length * 3 <= MAX_MESSAGE_BYTES) return message; // surely short enough: no byte count
  const bytes = Buffer.from(message, "utf8");
  if (bytes.length <= MAX_MESSAGE_BYTES) return message;
  // Cut at a character boundary: drop a partial UTF-8 sequence at the end.
  let end = MAX_MESSAGE_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

export function logToEventHub(ctx: Context, loggerId: string, message: unknown, partitionId: number | null, partitionKey: unknown): void {
  const sink = ctx.$env.loggers?.get(loggerId);
  if (!sink)
    throw new PolicyError(
      "LoggerNotConfigured",
      `log-to-eventhub: the logger '${loggerId}' has no sink here; map it in gateway.json "loggers" (a file, stdout or an HTTP endpoint).`,
      500,
    );
  const entry: LogEntry = { time: new Date().toISOString(), logger: loggerId, message: truncateMessage(message === null || message === undefined ? "" : String(message)), requestId: ctx.RequestId };
  if (partitionId !== null) entry.partitionId = partitionId;
  if (partitionKey !== null && partitionKey !== undefined) entry.partitionKey = String(partitionKey);
  sink.write(entry);
}

// The shapes the gateway's log sinks share with the runtime (log-to-eventhub). No imports:
// context.ts and the gateway use them.

/** One logged message, as a sink writes it (a JSON line). */
export interface LogEntry {
  /** ISO 8601 UTC time the policy ran. */
  time: string;
  logger: string;
  message: string;
  partitionId?: number;
  partitionKey?: string;
  requestId: string;
}

/** Where a logger's messages go. `write` must not throw and must not block. */
export interface LogSink {
  write(entry: LogEntry): void;
}

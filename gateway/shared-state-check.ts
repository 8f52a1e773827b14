// Which policies of a built configuration keep state that several gateway processes would have to
// share: counters (rate-limit*, quota*, limit-concurrency) and caches. Without a shared store
// (Redis), `apimc serve --workers N` (N > 1) refuses such a configuration instead of counting per
// process.
import { ROW_BRANCH } from "../runtime/contract.js";
import type { RouteTable } from "./routes.js";

export const SHARED_STATE_POLICIES: ReadonlySet<string> = new Set([
  "rate-limit",
  "rate-limit-by-key",
  "quota",
  "quota-by-key",
  "limit-concurrency",
  "cache-lookup",
  "cache-store",
  "cache-lookup-value",
  "cache-store-value",
  "cache-remove-value",
]);

export interface SharedStateUse {
  policy: string;
  /** The policy file (as the build names it) and line, when known. */
  file?: string;
  line?: number;
}

/** Every place (policy, file, line) of the route table's modules that keeps shared state; each once. */
export function sharedStatePolicies(table: RouteTable): SharedStateUse[] {
  const seen = new Map<string, SharedStateUse>();
  for (const api of table.apis)
    for (const op of api.operations)
      for (const mod of op.modules.values())
        for (const row of mod.meta.policies) {
          if (row.flags & ROW_BRANCH || !SHARED_STATE_POLICIES.has(row.name)) continue;
          const key = `${row.name}\0${row.file ?? ""}\0${row.line ?? ""}`;
          if (!seen.has(key)) seen.set(key, { policy: row.name, file: row.file, line: row.line });
        }
  return [...seen.values()];
}

/** The refusal: why several workers cannot run this configuration without Redis, and what to do. */
export function sharedStateRefusal(uses: readonly SharedStateUse[], workers: number): string {
  const where = uses.slice(0, 8).map((u) => `  ${u.policy}${u.file ? ` (${u.file}${u.line ? `:${u.line}` : ""})` : ""}`);
  if (uses.length > 8) where.push(`  and ${uses.length - 8} more`);
  return (
    `--workers ${workers}: these policies keep state in the gateway's memory, which ${workers} worker processes would each keep apart ` +
    `(limits would count per worker, caches would miss):\n${where.join("\n")}\n` +
    `Configure a shared store (gateway.json "state": { "redis": "redis://host:6379" } or --redis URL), or run one worker (--workers 1).`
  );
}

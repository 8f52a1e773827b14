// `apimc serve --workers N`: N worker processes (node:cluster) share the gateway port.
// - The primary compiles the configuration (once, at start and after each change), watches its
//   files (one set of watches, diagnostics printed once) and writes each good build into a private
//   build directory (primary-builds.ts); the workers load the modules from there, as
//   `serve --prebuilt` does, instead of compiling (which costs seconds of CPU a worker at start).
//   A failed compile sends nothing: every worker keeps the modules it has.
// - SIGTERM/SIGINT: every worker stops accepting, finishes its requests in flight, tells the primary
//   it is done and exits; then the primary exits. A worker that said it is done is ended by the
//   primary at once: Node's process.exit waits for V8's background jobs (a TurboFan compile started
//   by the last requests took 2-7 s of the exit at load 6, long enough at load 20 to reach the 30 s
//   kill), and such a worker has nothing left to do.
// - A worker that dies is replaced, after a delay that doubles while replacements die young.
// - /_apimc/metrics in a worker asks the primary, which gathers every worker's metrics
//   (prom-client's AggregatorRegistry) and sums them.
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";
import { breakerEvent, linkBreakers, type BreakerEvent } from "../runtime/backends/entities.js";

type ToWorker = { apimc: "reload"; build?: string } | { apimc: "shutdown" } | { apimc: "metrics"; id: number; text?: string; error?: string } | { apimc: "breaker"; event: BreakerEvent };
type ToPrimary = { apimc: "listening"; url: string } | { apimc: "closed" } | { apimc: "reloaded"; ok: boolean; message?: string } | { apimc: "metrics"; id: number } | { apimc: "breaker"; event: BreakerEvent };

const isMessage = (m: unknown): m is { apimc: string } => typeof m === "object" && m !== null && typeof (m as { apimc?: unknown }).apimc === "string";

/** A replacement that lived shorter than this counts as dying young (the delay doubles). */
const YOUNG_MS = 5_000;
const MAX_RESPAWN_DELAY_MS = 30_000;
/** How long shutdown waits for workers to finish their requests before killing them. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

export interface Primary {
  /** The primary's gateway rebuilt (ok): every worker reloads, from `build` (a build directory) when given. */
  reload(build?: string): void;
  /** Resolves with the exit code when every worker has exited (shutdown, or none could start). */
  done: Promise<number>;
}

/** Starts `workers` workers (this process is the primary) and looks after them. */
export function startPrimary(workers: number, shared: boolean, say: (line: string) => void, build: () => string | undefined = () => undefined): Primary {
  const aggregator = new AggregatorRegistry();
  const slots = new Map<Worker, { slot: number; started: number }>();
  const youngDeaths = new Map<number, number>();
  let listening = false;
  const serving = new Set<Worker>();
  /** Workers that finished their requests and said so: their end is not a death. */
  const closed = new Set<Worker>();
  let shuttingDown = false;
  let reloadRound: { waiting: Set<Worker>; failed: string[] } | null = null;
  let finish!: (code: number) => void;
  const done = new Promise<number>((r) => (finish = r));

  const fork = (slot: number) => {
    // A worker started later (a replacement) loads the build serving now.
    const w = cluster.fork({ APIMC_WORKERS: String(workers), APIMC_WORKER_SLOT: String(slot), APIMC_SHARED_STATE: shared ? "1" : "", APIMC_PRIMARY_BUILD: build() ?? "" });
    slots.set(w, { slot, started: Date.now() });
  };
  const send = (w: Worker, m: ToWorker) => {
    if (w.isConnected()) w.send(m);
  };
  const finishReload = () => {
    if (!reloadRound || reloadRound.waiting.size > 0) return;
    const { failed } = reloadRound;
    reloadRound = null;
    say(failed.length ? `apimc: ${failed.length} of ${workers} workers could not use the changed configuration:\n${failed.join("\n")}` : `apimc: all ${workers} workers serve the changed configuration`);
  };

  cluster.on("message", (w: Worker, m: unknown) => {
    if (!isMessage(m)) return;
    const msg = m as ToPrimary;
    if (msg.apimc === "listening") {
      // Said once every worker serves: the cluster hands connections only to workers that listen,
      // so "listening (N workers)" after the first one would be one worker doing all the work.
      serving.add(w);
      if (!listening && serving.size >= workers) {
        listening = true;
        say(`apimc gateway listening on ${msg.url} (${workers} workers)`);
      }
    } else if (msg.apimc === "closed") {
      closed.add(w);
      w.process.kill("SIGKILL");
    } else if (msg.apimc === "reloaded" && reloadRound?.waiting.delete(w)) {
      if (!msg.ok) reloadRound.failed.push(`  worker ${slots.get(w)?.slot} (pid ${w.process.pid}): ${msg.message ?? "the build failed"}`);
      finishReload();
    } else if (msg.apimc === "breaker") {
      // A backend circuit breaker's failure or trip in one worker: every other worker hears of it.
      for (const other of slots.keys()) if (other !== w) send(other, { apimc: "breaker", event: msg.event });
    } else if (msg.apimc === "metrics") {
      aggregator.clusterMetrics().then(
        (text) => send(w, { apimc: "metrics", id: msg.id, text }),
        (e: unknown) => send(w, { apimc: "metrics", id: msg.id, error: (e as Error).message }),
      );
    }
  });

  cluster.on("exit", (w: Worker, code: number | null, signal: string | null) => {
    const info = slots.get(w);
    slots.delete(w);
    serving.delete(w);
    const finished = closed.delete(w);
    if (reloadRound?.waiting.delete(w)) finishReload();
    if (shuttingDown) {
      if (slots.size === 0) finish(0);
      return;
    }
    if (!info) return;
    if (!listening && code !== 0 && !finished) {
      // No worker ever listened: the port or the configuration is the problem, not the worker.
      say(`apimc: worker ${info.slot} exited (code ${code ?? signal}) before the gateway could listen; stopping`);
      stopAll().then(() => finish(1));
      return;
    }
    const lived = Date.now() - info.started;
    const deaths = lived < YOUNG_MS ? (youngDeaths.get(info.slot) ?? 0) + 1 : 0;
    youngDeaths.set(info.slot, deaths);
    const delay = deaths === 0 ? 0 : Math.min(MAX_RESPAWN_DELAY_MS, 250 * 2 ** (deaths - 1));
    say(`apimc: worker ${info.slot} (pid ${w.process.pid}) ${finished ? "stopped (finished its requests)" : `exited (${signal ? `signal ${signal}` : `code ${code}`})`} after ${(lived / 1000).toFixed(1)} s; starting another in ${delay} ms`);
    setTimeout(() => {
      if (!shuttingDown) fork(info.slot);
    }, delay);
  });

  const stopAll = async () => {
    shuttingDown = true;
    for (const w of slots.keys()) send(w, { apimc: "shutdown" });
    if (slots.size === 0) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        for (const w of slots.keys()) {
          say(`apimc: worker ${slots.get(w)?.slot} (pid ${w.process.pid}) did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s; killing it`);
          w.process.kill("SIGKILL");
        }
      }, SHUTDOWN_TIMEOUT_MS);
      t.unref();
      const check = () => {
        if (slots.size === 0) {
          clearTimeout(t);
          resolve();
        } else setTimeout(check, 20);
      };
      check();
    });
  };

  const shutdown = () => {
    if (shuttingDown) return;
    say(`apimc: shutting down ${slots.size} workers (finishing requests in flight)`);
    stopAll().then(() => finish(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  for (let i = 1; i <= workers; i++) fork(i);
  return {
    reload(build?: string) {
      if (shuttingDown) return;
      reloadRound = { waiting: new Set([...slots.keys()].filter((w) => w.isConnected())), failed: [] };
      for (const w of reloadRound.waiting) send(w, { apimc: "reload", build });
      finishReload();
    },
    done,
  };
}

/** In a worker: /_apimc/metrics text from the primary (every worker's metrics, summed). */
export function clusterMetricsText(registry: Registry): () => Promise<string> {
  // Lets the primary's AggregatorRegistry read this worker's registry (prom-client's listener).
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const waiting = new Map<number, { resolve: (t: string) => void; reject: (e: Error) => void }>();
  process.on("message", (m: unknown) => {
    if (!isMessage(m) || m.apimc !== "metrics") return;
    const r = m as Extract<ToWorker, { apimc: "metrics" }>;
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (r.text !== undefined) w.resolve(r.text);
    else w.reject(new Error(r.error ?? "no answer from the primary process"));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      const t = setTimeout(() => {
        waiting.delete(id);
        reject(new Error("the primary process did not answer within 10 s"));
      }, 10_000);
      waiting.set(id, {
        resolve: (s) => (clearTimeout(t), resolve(s)),
        reject: (e) => (clearTimeout(t), reject(e)),
      });
      process.send!({ apimc: "metrics", id } satisfies ToPrimary);
    });
}

export interface WorkerHooks {
  /** Reloads (from the primary's build directory when given); returns whether the new version is live and, if not, why. */
  reload(build?: string): { ok: boolean; message?: string };
  /** Stops accepting, finishes requests in flight. */
  close(): Promise<void>;
}

/**
 * In a worker, first thing: follow the primary (reload, shutdown) and shut down on SIGTERM/SIGINT
 * or when the primary is gone. Until `serving` is called there is nothing to finish: a shutdown
 * then exits at once (the primary may stop while workers are still compiling).
 */
export function followPrimary(): { serving(hooks: WorkerHooks, url: string): void } {
  let hooks: WorkerHooks | null = null;
  let closing = false;
  // A reload told while this worker was still starting: applied (and answered) once it serves.
  let pendingReload: { build?: string } | null = null;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    if (!hooks) process.exit(0);
    hooks.close().then(
      () => {
        // The primary ends this process when it hears this (process.exit can take seconds, above).
        if (process.connected) process.send!({ apimc: "closed" } satisfies ToPrimary, () => process.exit(0));
        else process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on("message", (m: unknown) => {
    if (!isMessage(m)) return;
    if (m.apimc === "reload") {
      const build = (m as Extract<ToWorker, { apimc: "reload" }>).build;
      if (!hooks) pendingReload = { build };
      else reloaded(hooks.reload(build));
    } else if (m.apimc === "shutdown") shutdown();
    else if (m.apimc === "breaker") breakerEvent((m as Extract<ToWorker, { apimc: "breaker" }>).event);
  });
  // This worker's breaker failures and trips go to the others through the primary.
  linkBreakers((event) => {
    if (process.connected) process.send!({ apimc: "breaker", event } satisfies ToPrimary);
  });
  const reloaded = (r: { ok: boolean; message?: string }) => process.send!({ apimc: "reloaded", ok: r.ok, message: r.message } satisfies ToPrimary);
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  process.once("disconnect", shutdown);
  return {
    serving(h, url) {
      hooks = h;
      process.send!({ apimc: "listening", url } satisfies ToPrimary);
      if (pendingReload) reloaded(h.reload(pendingReload.build));
      pendingReload = null;
    },
  };
}

export const isWorker = (): boolean => cluster.isWorker;
/** In a worker: the number of workers the primary started (0 outside a cluster). */
export const clusterSize = (): number => Number(process.env.APIMC_WORKERS ?? 0);
/** In a worker: the primary's build directory when it started (empty: compile). */
export const primaryBuild = (): string | undefined => process.env.APIMC_PRIMARY_BUILD || undefined;
/** In a worker: whether the primary found a shared store (Redis) configured. */
export const clusterShared = (): boolean => process.env.APIMC_SHARED_STATE === "1";

// `apimc serve`: one process, or with --workers N a primary and N worker processes (cluster.ts).
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { formatDiagnostic } from "../compiler/index.js";
import { loadGatewayConfig, type LoadedConfig } from "./config.js";
import { clusterMetricsText, clusterShared, clusterSize, followPrimary, isWorker, primaryBuild, startPrimary, type Primary } from "./cluster.js";
import { PrimaryBuilds } from "./primary-builds.js";
import { PrebuiltError, type GatewayBuild } from "./build.js";
import { sharedStatePolicies, sharedStateRefusal } from "./shared-state-check.js";
import type { Gateway, GatewayOptions } from "./host.js";

export interface ServeArgs {
  /** gateway.json, or an APIOps extractor folder (and its values file). */
  config: string | { dir: string; values?: string };
  port?: number;
  host?: string;
  watch: boolean;
  prebuilt?: string;
  logFormat?: "text" | "json";
  /** Worker processes; undefined: one per core when the configuration allows it (see README). */
  workers?: number;
  /** --redis: shared state over gateway.json's `state`. */
  redis?: string;
  /** What an APIOps folder has that the gateway does not use. */
  onIgnored?: (lines: string[]) => void;
  /** `apimc dev`: one process, watching, the workbench on with every request traced. */
  dev?: boolean;
}

const say = (line: string) => process.stderr.write(line + "\n");

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function address(args: ServeArgs): { port: number; host: string } {
  const listen = typeof args.config === "string" ? loadGatewayConfig(args.config).config.listen : undefined;
  return { port: args.port ?? listen?.port ?? 8080, host: args.host ?? listen?.host ?? "127.0.0.1" };
}

/** The options every process (single, primary, worker) gives createGateway. */
function common(args: ServeArgs): GatewayOptions {
  return {
    ...(typeof args.config === "string" ? { config: args.config } : { apiops: args.config, onIgnored: args.onIgnored }),
    prebuilt: args.prebuilt,
    log: (line) => process.stdout.write(line + "\n"),
    logFormat: args.logFormat,
    state: args.redis ? { redis: args.redis } : undefined,
    onStateChange: (line) => say(line),
    onEventLoopStall: (line) => say(`apimc: ${line}`),
  };
}

/** Serving starts either way; until Redis answers, its failMode decides (and says so once). */
/** Listens where the arguments say; when it cannot, says why and closes the gateway (null). */
async function listenOrClose(gateway: Gateway, args: ServeArgs): Promise<AddressInfo | null> {
  const at = address(args);
  try {
    return await gateway.listen(at.port, at.host);
  } catch (e) {
    say(`apimc: cannot listen on ${at.host}:${at.port}: ${(e as Error).message}`);
    await gateway.close();
    return null;
  }
}

async function reportSharedState(gateway: Gateway): Promise<void> {
  const s = gateway.state;
  if (!s) return;
  await s.whenReady(2000).then(
    () => say(`apimc: shared state ${s.target} connected (failMode ${s.failMode})`),
    () => say(`apimc: shared state ${s.target} is not reachable yet; failMode ${s.failMode} applies until it is`),
  );
}

/** Where the workbench is: on this machine's loopback name (it answers other addresses only with the trace key). */
function workbenchLine(addr: AddressInfo, hasKey: boolean): string {
  const local = addr.address === "0.0.0.0" || addr.address === "::" || addr.address.startsWith("127.") || addr.address === "::1";
  const url = `${urlOf(local ? { address: addr.family === "IPv6" && addr.address === "::1" ? "::1" : "127.0.0.1", family: addr.family === "IPv6" && addr.address === "::1" ? "IPv6" : "IPv4", port: addr.port } : addr)}/_apimc/`;
  return local
    ? `apimc workbench: ${url}`
    : `apimc workbench: ${url} (from this address only with the trace key: ${hasKey ? "?key=<trace key>" : "gateway.json has no trace key, so only from this machine's loopback"})`;
}

const urlOf = (a: { address: string; family: string; port: number }, scheme = "http") => `${scheme}://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`;
/** https when gateway.json listen.tls made the gateway port an HTTPS server. */
const schemeOf = (g: Gateway) => ("setSecureContext" in g.server ? "https" : "http");

export async function serveCommand(args: ServeArgs): Promise<number> {
  const { createGateway } = await import("./host.js");
  if (isWorker()) return serveWorker(args, createGateway);
  let primary: Primary | null = null;
  let workers = 1;
  let shared = false;
  let gateway: Gateway;
  // The last build that went live in this process: with workers, written for them to load.
  let live: { loaded: LoadedConfig; build: GatewayBuild } | null = null;
  const builds = new PrimaryBuilds();
  try {
    gateway = createGateway({
      ...common(args),
      watch: args.watch,
      onLiveBuild: (loaded, build) => (live = { loaded, build }),
      workbench: args.dev ? { traceAll: true } : undefined,
      // A failed first build is thrown, not told here (printed once below, exit 1).
      onBuild: (ok, diags, error) => {
        for (const d of diags) say(formatDiagnostic(d, safeRead(d.file)));
        if (error) say(`apimc: ${error.message}`);
        if (ok && primary && !shared) {
          // The workers would refuse it too; say it once here, keep them on the last good version.
          const uses = sharedStatePolicies(gateway.routes());
          if (uses.length) {
            say(`apimc: the changed configuration cannot be used: ${sharedStateRefusal(uses, workers)}\napimc: still serving the last good version`);
            return;
          }
        }
        say(ok ? "apimc: configuration compiled" : "apimc: the changed configuration cannot be used (above); still serving the last good version");
        if (ok && primary) primary.reload(workerBuild(builds, live, say));
      },
      onWatchProblem: (message) => say(`apimc: ${message}`),
      onTlsReload: (_ok, message) => say(message),
    });
  } catch (e) {
    say(`apimc: ${(e as Error).message}`);
    return 1;
  }
  shared = gateway.state !== null;
  await reportSharedState(gateway);
  // The workbench's history and events are one process's: it serves alone unless told otherwise.
  workers = args.workers ?? (args.dev || gateway.workbench ? 1 : availableParallelism());
  const uses = workers > 1 && !shared ? sharedStatePolicies(gateway.routes()) : [];
  if (uses.length) {
    if (args.workers !== undefined) {
      say(`apimc: ${sharedStateRefusal(uses, workers)}`);
      await gateway.close();
      return 1;
    }
    say(`apimc: serving with one process, not one per core: ${uses.map((u) => u.policy).filter((p, i, a) => a.indexOf(p) === i).join(", ")} keep state in memory; configure Redis (gateway.json "state") to use every core`);
    workers = 1;
  }
  if (workers > 1) {
    // The primary's gateway compiles, checks and watches; it never listens. Its Redis connection
    // says when Redis goes away or comes back, once (the workers do not).
    workerBuild(builds, live, say);
    primary = startPrimary(workers, shared, say, () => builds.current());
    const code = await primary.done;
    await gateway.close();
    builds.dispose();
    process.exit(code);
  }

  const addr = await listenOrClose(gateway, args);
  if (!addr) return 1;
  say(`apimc gateway listening on ${urlOf(addr, schemeOf(gateway))}`);
  if (gateway.workbench) say(workbenchLine(addr, gateway.routes().trace !== null));
  const admin = gateway.adminAddress();
  if (admin) say(`apimc admin (health, ready, metrics) listening on ${urlOf(admin)}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  say("apimc: shutting down (finishing requests in flight)");
  await gateway.close();
  // Keep-alive pools would hold the event loop open; everything in flight is done.
  process.exit(0);
}

/**
 * Writes the build that just went live in the primary for the workers; undefined (the workers
 * compile themselves, as before) when it cannot be written, said once a failure.
 */
function workerBuild(builds: PrimaryBuilds, live: { loaded: LoadedConfig; build: GatewayBuild } | null, say: (line: string) => void): string | undefined {
  if (!live) return undefined;
  try {
    return builds.write(live.loaded, live.build);
  } catch (e) {
    say(`apimc: cannot write the compiled configuration for the workers (${(e as Error).message}); each worker compiles it`);
    return undefined;
  }
}

/** A cluster worker: the primary printed the diagnostics; this one serves, reloads when told, and reports. */
async function serveWorker(args: ServeArgs, createGateway: (o: GatewayOptions) => Gateway): Promise<number> {
  const control = followPrimary();
  const workers = clusterSize();
  let lastProblem: string | undefined;
  let lastError: Error | undefined;
  let metricsText: (() => Promise<string>) | undefined;
  let gateway: Gateway;
  const options = (prebuilt: string | undefined): GatewayOptions => ({
    ...common(args),
    prebuilt,
    // The primary said the connection state once; each worker would say it again.
    onStateChange: undefined,
    onIgnored: undefined,
    watch: false,
    refuseSharedState: workers > 1 && !clusterShared() ? workers : undefined,
    metricsText: () => metricsText!(),
    onBuild: (ok, diags, error) => {
      lastError = error;
      lastProblem = ok ? undefined : (error?.message ?? diags.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, safeRead(d.file))).join("\n"));
    },
  });
  try {
    // The primary's compiled modules; if the files changed since it compiled them (the primary
    // reloads everyone again shortly), this worker compiles them as they are now.
    const fromPrimary = primaryBuild();
    try {
      gateway = createGateway(options(fromPrimary ?? args.prebuilt));
    } catch (e) {
      if (!fromPrimary || !(e instanceof PrebuiltError)) throw e;
      gateway = createGateway(options(undefined));
    }
  } catch (e) {
    say(`apimc: worker ${process.pid}: ${(e as Error).message}`);
    return 1;
  }
  if (gateway.metrics) metricsText = clusterMetricsText(gateway.metrics.registry);
  const addr = await listenOrClose(gateway, args);
  if (!addr) return 1;
  const admin = gateway.adminAddress();
  control.serving(
    {
      reload: (build) => {
        let ok = gateway.reload(build);
        // The files changed again since the primary compiled them: compile them as they are now.
        if (!ok && build && lastError instanceof PrebuiltError) ok = gateway.reload();
        return { ok, message: ok ? undefined : lastProblem };
      },
      close: () => gateway.close(),
    },
    urlOf(addr, schemeOf(gateway)) + (admin ? `; admin (health, ready, metrics) on ${urlOf(admin)}` : ""),
  );
  // Served until the primary says stop (followPrimary exits the process).
  return new Promise<number>(() => {});
}

// The `apimc` command: its arguments, usage and version. Each command's code is imported when it
// runs (cli-commands.ts, serve.ts), so `apimc --version` and `--help` load neither the compiler nor
// the gateway.
import { COMPILER_VERSION } from "../compiler/version.js";
import { checkRedisUrl } from "./redis-url.js";
import type { CompileArgs } from "./cli-commands.js";

const USAGE = `usage:
  apimc build --config gateway.json --outdir build/ [--format function|esm]   # one module per operation (and product) + manifest.json
  apimc serve --config gateway.json [--prebuilt build/] [--port N] [--host ADDR] [--no-watch] [--log-format text|json] [--redis URL] [--workers N]
  apimc serve|build|check --apiops DIR [--named-values values.json] ...      # an APIOps extractor folder instead of gateway.json
  apimc dev [--config gateway.json | --apiops DIR] [--port N] [--host ADDR]   # serve with the workbench (/_apimc/), watch on, every request traced
  apimc compile <policy.xml>... [-o out.mjs | --outdir dir] [--sourcemap] [--named-values nv.json] [--fragments dir] [--snippets] [--format text|json|sarif]
  apimc check <policy.xml>... [--named-values nv.json] [--fragments dir] [--snippets] [--format text|json|sarif]
  apimc --version

  check     prints diagnostics; exit 0 when clean, 1 on errors
  compile   writes one ES module per policy (next to it, to -o, or into --outdir)
  build     --format function (default): modules serve --prebuilt loads; esm: ES modules importing apimc/runtime
  dev       the gateway for editing policies: one process, reloads on every save, keeps the trace of every
            request, and serves the workbench page at /_apimc/ (its URL is printed); --config defaults
            to ./gateway.json
  serve     --prebuilt: start from that build instead of compiling (refused if anything changed since it)
            --log-format json: one JSON object a request on stdout (default text: one line a request)
            --redis redis://host:port/db: limits and the external cache in that Redis, shared with every
            gateway using it (over gateway.json "state.redis"; README, "Running several gateways")
  --snippets  compile a root other than <policies> as the inbound section (documentation snippets)
  --format    for check and compile: text (default, on stderr), json or sarif (SARIF 2.1.0), one document on stdout
  --host      for serve: the address to listen on (default: listen.host of the configuration, else 127.0.0.1)
  --workers   for serve: worker processes sharing the port (default: one per core, or one when policies keep
              state in memory and no Redis is configured; more than one is then refused)
`;

/** compile/check's arguments (their type only: cli-commands.ts loads when such a command runs) and serve's. */
interface Args extends CompileArgs {
  config?: string;
  port?: number;
  host?: string;
  watch: boolean;
  prebuilt?: string;
  logFormat?: string;
  redis?: string;
  apiops?: string;
  workers?: number;
}

function parseArgs(argv: string[]): Args | string {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "-h" || cmd === "--help") return USAGE;
  if (cmd === "-v" || cmd === "--version") return `${COMPILER_VERSION}\n`;
  const a: Args = { cmd, files: [], sourcemap: false, snippets: false, watch: true };
  for (let i = 0; i < rest.length; i++) {
    const x = rest[i]!;
    const next = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      return v;
    };
    if (x === "-o" || x === "--out") a.out = next();
    else if (x === "--outdir") a.outdir = next();
    else if (x === "--sourcemap") a.sourcemap = true;
    else if (x === "--named-values") a.namedValues = next();
    else if (x === "--fragments") a.fragments = next();
    else if (x === "--snippets") a.snippets = true;
    else if (x === "--config") a.config = next();
    else if (x === "--port") a.port = portNumber(next());
    else if (x === "--host") a.host = next();
    else if (x === "--no-watch") a.watch = false;
    else if (x === "--format") a.format = next();
    else if (x === "--prebuilt") a.prebuilt = next();
    else if (x === "--log-format") a.logFormat = next();
    else if (x === "--redis") a.redis = next();
    else if (x === "--apiops") a.apiops = next();
    else if (x === "--workers") a.workers = workerCount(next());
    else if (x.startsWith("-")) throw new UsageError(`unknown option ${x}`);
    else a.files.push(x);
  }
  if (!["compile", "check", "build", "serve", "dev"].includes(a.cmd)) throw new UsageError(`unknown command '${a.cmd}'`);
  if (a.cmd === "dev") {
    if (a.files.length) throw new UsageError(`dev takes no policy files (${a.files[0]}); give --config gateway.json or --apiops DIR`);
    if (a.config && a.apiops !== undefined) throw new UsageError("give --config or --apiops, not both");
    if (a.workers !== undefined || a.prebuilt !== undefined || !a.watch) throw new UsageError("dev is one process that compiles and watches: --workers, --prebuilt and --no-watch are for serve");
    if (a.namedValues !== undefined && a.apiops === undefined) throw new UsageError("--named-values with dev is for --apiops (gateway.json names its own)");
    if (a.out || a.outdir || a.sourcemap || a.snippets || a.fragments || a.format !== undefined) throw new UsageError("dev takes --config or --apiops, --port, --host, --log-format and --redis");
    if (a.logFormat !== undefined && a.logFormat !== "text" && a.logFormat !== "json") throw new UsageError("--log-format is text or json");
    if (a.redis !== undefined)
      checkRedisUrl(a.redis, "--redis", (_p, msg) => {
        throw new UsageError(`--redis ${msg}`);
      });
    if (!a.config && a.apiops === undefined) a.config = "gateway.json";
    return a;
  }
  if (a.apiops !== undefined) {
    if (a.cmd === "compile") throw new UsageError("--apiops is for serve, build and check");
    if (a.config) throw new UsageError("give --config or --apiops, not both");
    if (a.files.length) throw new UsageError(`--apiops takes no policy files (${a.files[0]})`);
    if (a.fragments || a.snippets || a.out || a.sourcemap) throw new UsageError("--fragments, --snippets, -o and --sourcemap are not for --apiops (the folder has its fragments)");
    if (a.cmd === "check" && a.format !== undefined && !["text", "json", "sarif"].includes(a.format)) throw new UsageError("--format is text, json or sarif, for check");
  }
  if (a.cmd === "build" || a.cmd === "serve") {
    if (!a.config && a.apiops === undefined) throw new UsageError(`${a.cmd} needs --config gateway.json or --apiops DIR`);
    if (a.cmd === "build" && !a.outdir) throw new UsageError("build needs --outdir");
    if (a.format !== undefined && (a.cmd !== "build" || (a.format !== "function" && a.format !== "esm"))) throw new UsageError("--format is function or esm, for build");
    if (a.namedValues !== undefined && a.apiops === undefined) throw new UsageError("--named-values with serve and build is for --apiops (gateway.json names its own)");
    if (a.prebuilt !== undefined && a.cmd !== "serve") throw new UsageError("--prebuilt is for serve");
    if ((a.host !== undefined || a.port !== undefined) && a.cmd !== "serve") throw new UsageError("--host and --port are for serve");
    if (a.redis !== undefined) {
      if (a.cmd !== "serve") throw new UsageError("--redis is for serve");
      checkRedisUrl(a.redis, "--redis", (_p, msg) => {
        throw new UsageError(`--redis ${msg}`);
      });
    }
    if (a.workers !== undefined && a.cmd !== "serve") throw new UsageError("--workers is for serve");
    if (a.logFormat !== undefined && (a.cmd !== "serve" || (a.logFormat !== "text" && a.logFormat !== "json"))) throw new UsageError("--log-format is text or json, for serve");
    return a;
  }
  if (a.host !== undefined || a.port !== undefined) throw new UsageError("--host and --port are for serve");
  if (a.workers !== undefined) throw new UsageError("--workers is for serve");
  if (a.format !== undefined && !["text", "json", "sarif"].includes(a.format)) throw new UsageError(`--format is text, json or sarif, for ${a.cmd}`);
  if (a.apiops !== undefined) return a;
  if (a.files.length === 0) throw new UsageError("no policy files given");
  if (a.out && a.files.length > 1) throw new UsageError("-o takes one input file; use --outdir for several");
  return a;
}

class UsageError extends Error {}

function workerCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 1024) throw new UsageError(`--workers needs a number of processes (1-1024), not '${text}'`);
  return n;
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`--port needs a port number (0-65535), not '${text}'`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args | string;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`apimc: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (typeof args === "string") {
    process.stdout.write(args);
    return 0;
  }
  const apiops = args.apiops === undefined ? undefined : { dir: args.apiops, values: args.namedValues };
  if (args.cmd === "check" && apiops) {
    const { checkApiops } = await import("./cli-commands.js");
    return checkApiops(apiops, (args.format ?? "text") as "text" | "json" | "sarif");
  }
  if (args.cmd === "build") {
    const { buildCommand } = await import("./cli-commands.js");
    return buildCommand(apiops ?? args.config!, args.outdir!, (args.format ?? "function") as "function" | "esm");
  }
  if (args.cmd === "serve" || args.cmd === "dev") {
    const { serveCommand } = await import("./serve.js");
    return serveCommand({
      dev: args.cmd === "dev",
      config: apiops ?? args.config!,
      port: args.port,
      host: args.host,
      watch: args.watch,
      prebuilt: args.prebuilt,
      logFormat: args.logFormat as "text" | "json" | undefined,
      redis: args.redis,
      workers: args.workers,
      onIgnored: (lines) => printIgnored(lines),
    });
  }
  const { compileOrCheck } = await import("./cli-commands.js");
  return compileOrCheck(args);
}


function printIgnored(lines: string[]): void {
  if (lines.length) process.stderr.write(`apimc: not used from the APIOps folder:\n${lines.map((l) => `  ${l}\n`).join("")}`);
}

// Shared helpers for the benchmarks: statistics, machine facts, child processes, /proc CPU times.
import { fork, spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH_DIR);
/** The private build the benchmarks load (see lib/build.mjs). */
export const DIST = join(BENCH_DIR, ".dist");
export const CORPUS = join(ROOT, "test", "corpus", "data");
/** Quick mode (`npm run bench:quick` or BENCH_QUICK=1): fewer rounds and shorter runs. */
export const QUICK = process.env.BENCH_QUICK === "1";

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export function quantile(sortedXs, q) {
  if (sortedXs.length === 0) return NaN;
  const i = Math.min(sortedXs.length - 1, Math.max(0, Math.ceil(q * sortedXs.length) - 1));
  return sortedXs[i];
}
/** Median and spread (min..max) of a list of per-round figures. */
export function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, all: xs };
}
/** "123 (±4%)": the spread is the larger distance from the median to min or max, in percent. */
export function fmtSpread(s, digits = 0) {
  if (!s || !Number.isFinite(s.median)) return "n/a";
  const pct = s.median === 0 ? 0 : (Math.max(s.median - s.min, s.max - s.median) / s.median) * 100;
  return `${fmt(s.median, digits)} ±${pct.toFixed(0)}%`;
}
export function fmt(x, digits = 0) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "n/a";
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
export function ratio(a, b, digits = 2) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "n/a";
  return `${(a / b).toFixed(digits)}x`;
}

export function machine() {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) model = m[1].trim();
  } catch {}
  return {
    cores: cpus().length,
    model,
    memGB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    loadavg: loadavg().map((x) => x.toFixed(2)).join(" "),
    date: new Date().toISOString(),
  };
}

/**
 * Runs `script` in a fresh Node process with an IPC channel; resolves with the first message the
 * child sends ({ result } or { error }). Extra node flags in `execArgv`.
 */
export function runChild(script, args = [], { execArgv = [], timeoutMs = 300_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { execArgv: ["--expose-gc", ...execArgv], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, ...env } });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill("SIGKILL");
      reject(new Error(`${script} ${args.join(" ")} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("message", (m) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (m && m.error) reject(new Error(m.error));
      else resolve(m.result);
      child.disconnect?.();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (!done) {
        done = true;
        reject(new Error(`${script} ${args.join(" ")} exited with ${code} before reporting`));
      }
    });
  });
}

/** In a child: send the result (or the error) to the parent and exit. */
export async function reportFromChild(fn) {
  // Run by hand (no IPC channel, e.g. under --cpu-prof): print the result instead.
  const send = process.send ? (m, cb) => process.send(m, cb) : (m, cb) => (console.log(JSON.stringify(m, null, 1)), cb());
  try {
    const result = await fn();
    send({ result }, () => process.exit(0));
  } catch (e) {
    send({ error: e?.stack ?? String(e) }, () => process.exit(1));
  }
}

/**
 * Starts a long-lived helper process (a server) that prints one JSON line `{"port": n, ...}` on
 * stdout when ready. Returns { child, info, stop }.
 */
export function startServer(cmd, args, { env, readyTimeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
    let buf = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${cmd} ${args.join(" ")} did not become ready`));
    }, readyTimeoutMs);
    const onData = (d) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl === -1) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stdout.resume();
      let info;
      try {
        info = JSON.parse(buf.slice(0, nl));
      } catch (e) {
        reject(new Error(`${cmd}: bad ready line ${buf.slice(0, nl)}`));
        return;
      }
      resolve({ child, info, stop: () => stopChild(child) });
    };
    child.stdout.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`));
    });
  });
}

export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux
/** utime+stime in microseconds of a process (all its threads), from /proc/<pid>/stat. */
export function procCpuMicros(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    // fields after the command: state(0) ppid(1) ... utime is field 14 of stat → index 11 here
    return ((Number(f[11]) + Number(f[12])) * 1e6) / CLK_TCK;
  } catch {
    return 0;
  }
}
/** A process and all its descendants (nginx master + workers). */
export function processTree(pid) {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(s.slice(s.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {}
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}
export function treeCpuMicros(pid) {
  return processTree(pid).reduce((a, p) => a + procCpuMicros(p), 0);
}
export function rssKB(pid) {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

/** A markdown table from a header row and rows of strings. */
export function mdTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const w = header.map((_, i) => Math.max(3, ...all.map((r) => (r[i] ?? "").length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(" | ")} |`;
  return [line(all[0]), `| ${w.map((n) => "-".repeat(n)).join(" | ")} |`, ...all.slice(1).map(line)].join("\n");
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

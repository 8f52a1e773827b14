// The match budget (issue 17) for patterns that stay on V8's backtracking engine (backreferences,
// lookaround, \b, ...: what regex-linear.ts cannot take). An irregexp match cannot be interrupted
// from its own thread, so such matches run on one helper thread while the caller waits on an
// Atomics slot for at most the budget; past it the helper is terminated (that stops the
// backtracking), a fresh one is started, and the caller throws .NET's RegexMatchTimeoutException.
// Measured (2 cores, load 5): a round trip costs ~15-35 µs; a vm `timeout` (one watchdog thread a
// call) cost ~270 µs, so it is not the general answer. But a new helper takes 80-700 ms to boot, so
// a pattern that timed out once is "suspect": its later matches run inside the helper under a vm
// timeout, which stops them without ending the thread (a hostile client repeating one input costs
// no thread each time). The budget counts from the moment the helper starts the match: time spent
// waiting for the thread to be scheduled or booted is not the pattern's.
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { DotNetException } from "../errors.js";
import { TimeSpan } from "./datetime.js";

/** apimc's default match timeout (the role of .NET's REGEX_DEFAULT_MATCH_TIMEOUT): 0 = none. */
export const regexBudget = { defaultMatchTimeoutMs: 100 };

/** Counters since start: match operations run on the helper, timeouts, helpers ended by one, helpers started. */
export const regexHelperStats = { jobs: 0, timeouts: 0, kills: 0, helpers: 0 };

/** Sets the default match timeout of Regex objects created without one (gateway.json `regex`). */
export function configureRegexMatchTimeout(ms: number): void {
  regexBudget.defaultMatchTimeoutMs = ms > 0 ? ms : 0;
}

const TIMEOUT_MESSAGE =
  "The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.";

/** System.Text.RegularExpressions.RegexMatchTimeoutException (message and fields as .NET's). */
export class RegexMatchTimeoutException extends DotNetException {
  constructor(
    readonly Input: string,
    readonly Pattern: string,
    readonly MatchTimeout: TimeSpan,
  ) {
    super("System.Text.RegularExpressions.RegexMatchTimeoutException", TIMEOUT_MESSAGE);
  }
}

/** One match as regex.ts reads it (the V8 engine's view: JS group indexes). */
export interface V8Exec {
  values: (string | undefined)[];
  starts: number[];
  index: number;
}

// The helper thread: a loop that takes one job at a time. The pattern reaches it as data (the
// translated source handed to `new RegExp`), as on the main thread. `all` collects every match
// from 0 with regex.ts's stepping rule (an empty match inside a surrogate pair stays at `from`).
const HELPER = `
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const { ctl, started, port } = workerData;
const vm = require("node:vm");
const cache = new Map();
let input = "";
let work = null;
globalThis.__apimcRegexJob = () => work();
const guarded = new vm.Script("__apimcRegexJob()");
function exec(re, from) {
  re.lastIndex = from;
  const x = re.exec(input);
  if (!x) return null;
  const values = [];
  const starts = [];
  for (let j = 0; j < x.length; j++) { values.push(x[j]); starts.push(x.indices[j] ? x.indices[j][0] : 0); }
  return { values, starts, index: x.index };
}
for (;;) {
  while (Atomics.load(ctl, 0) !== 1) Atomics.wait(ctl, 0, 0);
  const job = receiveMessageOnPort(port).message;
  if (job.input !== undefined) input = job.input;
  const key = job.flags + "/" + job.source;
  let re = cache.get(key);
  if (!re) { if (cache.size > 500) cache.clear(); re = new RegExp(job.source, job.flags); cache.set(key, re); }
  started[0] = performance.timeOrigin + performance.now();
  Atomics.store(ctl, 0, 2);
  work = () => {
    if (job.op === "test") { re.lastIndex = 0; return re.test(input); }
    if (job.op === "exec") return exec(re, job.from);
    const out = [];
    for (let from = 0; from <= input.length; ) {
      const m = exec(re, from);
      if (!m) break;
      const len = m.values[0].length;
      if (len === 0 && m.index < from) m.index = from;
      out.push(m);
      from = len === 0 ? m.index + 1 : m.index + len;
    }
    return out;
  };
  try {
    port.postMessage({ ok: job.guardMs > 0 ? guarded.runInThisContext({ timeout: job.guardMs }) : work() });
  } catch (e) {
    if (e && e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") port.postMessage({ timeout: true });
    else port.postMessage({ error: String(e && e.message) });
  }
  Atomics.store(ctl, 0, 3);
  Atomics.notify(ctl, 0);
}
`;

const IDLE = 0;
const PENDING = 1;
const RUNNING = 2;
const DONE = 3;

class Helper {
  readonly ctl = new Int32Array(new SharedArrayBuffer(4));
  readonly started = new Float64Array(new SharedArrayBuffer(8));
  readonly port: MessagePort;
  readonly worker: Worker;
  /** The input the helper holds (Matches/Replace/NextMatch send it once). */
  input: string | undefined;
  constructor() {
    regexHelperStats.helpers++;
    const ch = new MessageChannel();
    this.port = ch.port1;
    this.worker = new Worker(HELPER, {
      eval: true,
      workerData: { ctl: this.ctl, started: this.started, port: ch.port2 },
      transferList: [ch.port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    this.port.unref();
    this.worker.on("error", () => {}); // a helper that dies is replaced on the next timeout check
  }
}

let helper: Helper | null = null;
/** Patterns (flags/source) that timed out: they run under the helper's own vm timeout from then on. */
const suspects = new Set<string>();
/** How long past the budget a suspect's own timeout may take to report before the thread is ended. */
const GUARD_GRACE_MS = 100;

/** Starts the helper thread ahead of the first match that needs it (it boots in ~50-300 ms). */
export function prepareRegexHelper(): void {
  helper ??= new Helper();
}

/** Stops the helper thread (tests; the thread is unref'd and never keeps a process alive). */
export async function stopRegexHelper(): Promise<void> {
  const h = helper;
  helper = null;
  if (h) await h.worker.terminate();
}

type Op = "test" | "exec" | "all";
type Answer<O extends Op> = O extends "test" ? boolean : O extends "exec" ? V8Exec | null : V8Exec[];

/**
 * The shortest budget: .NET looks at the clock only every 1,000 steps, so a short match never times
 * out there however small the timeout; a thread round trip needs some room to say the same.
 */
const MIN_BUDGET_MS = 10;

/** Waiting for a helper that never starts the job (dead thread): give up after this long. */
const START_WAIT_MS = 30_000;

/**
 * Runs one V8 match operation on the helper thread with a budget of `timeout` of matching time.
 * Throws RegexMatchTimeoutException past it (`pattern` is the .NET pattern, for the exception).
 */
export function runWithBudget<O extends Op>(op: O, source: string, flags: string, input: string, from: number, timeout: TimeSpan, pattern: string): Answer<O> {
  const timeoutMs = Math.max(timeout.ticks / 10000, MIN_BUDGET_MS);
  regexHelperStats.jobs++;
  const h = (helper ??= new Helper());
  const sendInput = h.input !== input;
  const key = `${flags}/${source}`;
  const guardMs = suspects.has(key) ? Math.max(1, Math.ceil(timeoutMs)) : 0;
  h.port.postMessage({ op, source, flags, from, input: sendInput ? input : undefined, guardMs });
  h.input = input;
  const ctl = h.ctl;
  Atomics.store(ctl, 0, PENDING);
  Atomics.notify(ctl, 0);
  const asked = performance.now();
  let state = PENDING;
  for (;;) {
    let wait: number;
    if (state === PENDING) {
      if (performance.now() - asked > START_WAIT_MS) break;
      wait = timeoutMs;
    } else {
      // RUNNING: the budget counts from the helper's start
      wait = h.started[0]! + timeoutMs + (guardMs ? GUARD_GRACE_MS : 0) - (performance.timeOrigin + performance.now());
      if (wait <= 0) break;
    }
    Atomics.wait(ctl, 0, state, wait);
    state = Atomics.load(ctl, 0);
    if (state === DONE) {
      Atomics.store(ctl, 0, IDLE);
      const reply = receiveMessageOnPort(h.port)?.message as { ok?: unknown; error?: string; timeout?: true } | undefined;
      if (reply?.timeout) {
        regexHelperStats.timeouts++;
        throw new RegexMatchTimeoutException(input, pattern, timeout);
      }
      if (!reply || reply.error !== undefined) throw new DotNetException("System.Exception", reply?.error ?? "The regular expression helper failed.");
      return reply.ok as Answer<O>;
    }
  }
  // Past the budget: stop the backtracking by ending the thread; the next match gets a new one
  // (started now, so it boots while this request goes to on-error).
  regexHelperStats.timeouts++;
  regexHelperStats.kills++;
  if (suspects.size > 1000) suspects.clear();
  suspects.add(key);
  void h.worker.terminate();
  helper = new Helper();
  throw new RegexMatchTimeoutException(input, pattern, timeout);
}

// One side of one policy case, in its own process:
//   node child.mjs <case> <side> <warmMs> <measureMs> [tokenUrl]
// side: "base"     a fresh Context and the mocked forward only (the fixed cost both sides pay),
//       "compiled" attachHost + runPipeline(module, ctx), as the gateway runs it,
//       "sections" the compiled sections called directly, no runPipeline (to see what the runner costs),
//       "hand"     the hand-written floor.
// Every iteration creates a fresh Context (part of every side). Reports ns per request.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, reportFromChild } from "../lib/util.mjs";
import { ALL_CASES } from "./cases.mjs";

const [caseName, side, warmMsArg, measureMsArg, tokenUrl] = process.argv.slice(2);
const warmMs = Number(warmMsArg ?? 400);
const measureMs = Number(measureMsArg ?? 800);

const runtime = await import(pathToFileURL(join(DIST, "runtime.js")).href);
const { compile, formatDiagnostic } = await import(pathToFileURL(join(DIST, "index.js")).href);
const undici = await import("undici");

const c = ALL_CASES.find((x) => x.name === caseName);
if (!c) throw new Error(`unknown case ${caseName}`);

/** Set while the correctness check runs: what each side sent and answered. */
let capture = null;
const wireOf = (h) => JSON.stringify(h.toWire());

// ---- mocks shared by both sides ---------------------------------------------------------------
const sendBody = c.sendResponse ? Buffer.from(c.sendResponse.body) : null;
const sendHeaders = c.sendResponse ? runtime.HeaderMap.from(c.sendResponse.headers, "response") : null;
const RESOLVED = Promise.resolve();
const mocks = {
  async sendRequest(rq, opts) {
    if (capture) capture.sends.push({ url: rq.url, method: rq.Method, headers: wireOf(rq.Headers), body: rq.Body ? rq.Body.content().toString("utf8") : null, timeoutMs: opts.timeoutMs });
    return new runtime.ResponseMessage(c.sendResponse.status, "OK", sendHeaders.clone(), new runtime.MessageBody(sendBody));
  },
  sendOneWay(ctx, rq, opts) {
    if (capture) capture.sends.push({ oneWay: true, url: rq.url, method: rq.Method, headers: wireOf(rq.Headers), body: rq.Body ? rq.Body.content().toString("utf8") : null, timeoutMs: opts.timeoutMs });
    ctx.$oneWay.push(RESOLVED);
  },
};
const rt = c.http ? runtime : { ...runtime, sendRequest: mocks.sendRequest, sendOneWay: mocks.sendOneWay };

// ---- the request and the backend --------------------------------------------------------------
const u = new URL(c.request.url);
const reqPath = decodeURI(u.pathname);
const reqSearch = u.search;
const reqHeaders = Object.entries(c.request.headers);
const reqBody = c.request.body !== undefined ? Buffer.from(c.request.body) : null;
const user = c.caller?.user ? Object.freeze({ Id: "user", Email: "", FirstName: "", LastName: "", Note: "", Groups: [], Identities: [], RegistrationDateMs: 0, ...c.caller.user }) : null;
function makeCtx(requestId) {
  const headers = new runtime.HeaderMap("request");
  for (let i = 0; i < reqHeaders.length; i++) headers.appendValues(reqHeaders[i][0], [reqHeaders[i][1]]);
  const url = new runtime.Url(u.protocol.slice(0, -1), u.hostname, 443, reqPath, runtime.QueryMap.parse(reqSearch));
  const rm = new runtime.RequestMessage(c.request.method, url, headers, reqBody ? new runtime.MessageBody(reqBody) : null);
  const ctx = requestId ? new runtime.Context(rm, { requestId }) : new runtime.Context(rm);
  if (user) ctx.User = user;
  return ctx;
}
const backendHeaders = runtime.HeaderMap.from(
  { "Content-Type": "application/json; charset=utf-8", "X-Powered-By": "Express", "X-AspNet-Version": "4.0", "Cache-Control": "private", Date: "Mon, 01 Jan 2024 00:00:00 GMT" },
  "response",
);
const backendBody = Buffer.from(c.backend.body);
const backendReason = runtime.reasonPhrase(c.backend.status);
const host = {
  async forward(ctx, opts) {
    if (capture)
      capture.backend = {
        method: ctx.Request.Method,
        url: ctx.Request.Url.href(),
        headers: wireOf(ctx.Request.Headers),
        body: ctx.Request.Body ? ctx.Request.Body.content().toString("utf8") : null,
        timeoutMs: opts.timeoutMs,
      };
    return new runtime.ResponseMessage(c.backend.status, backendReason, backendHeaders.clone(), new runtime.MessageBody(backendBody));
  },
};
const FWD = Object.freeze({ timeoutMs: 300000, followRedirects: false, streamResponse: false });

// ---- the sides --------------------------------------------------------------------------------
const nv = c.http ? { ...c.namedValues, "token-server": tokenUrl } : c.namedValues;
const r = compile(c.xml, { format: "function", namedValues: nv, file: c.file });
if (r.code === null) throw new Error(`${c.name} does not compile:\n${r.diagnostics.map((d) => formatDiagnostic(d, c.xml)).join("\n")}`);
const mod = new Function("rt", r.code)(rt);

const hand = c.hand(runtime, { FWD, mocks, undici, tokenUrl });
const sides = {
  base: async (ctx) => {
    ctx.Response = await host.forward(ctx, FWD);
  },
  compiled: (ctx) => {
    runtime.attachHost(ctx, host);
    return runtime.runPipeline(mod, ctx);
  },
  sections: async (ctx) => {
    runtime.attachHost(ctx, host);
    let x = mod.inbound?.(ctx);
    if (x && typeof x.then === "function") x = await x;
    if (x === 1) return;
    x = mod.backend?.(ctx);
    if (x && typeof x.then === "function") x = await x;
    if (x === 1) return;
    if (x instanceof runtime.ResponseMessage) ctx.Response = x; // a forward-only section (forwardOnly), as runPipeline does
    x = mod.outbound?.(ctx);
    if (x && typeof x.then === "function") await x;
  },
  hand: (ctx) => hand(ctx, host),
};
const run = side === "pair" ? null : sides[side];
if (side !== "pair" && !run) throw new Error(`unknown side ${side}`);

/** Runs one side once with capture on: what it sent and answered, volatile headers masked. */
async function observe(fn) {
  capture = { sends: [], backend: null };
  const ctx = makeCtx("0f8fad5b-d9cb-469f-a165-70867728950e"); // the same on both sides
  await fn(ctx);
  await Promise.all(ctx.$oneWay);
  const res = ctx.Response;
  const mask = (json) => {
    const o = JSON.parse(json);
    for (const k of Object.keys(o)) if ((c.volatile ?? []).includes(k.toLowerCase())) o[k] = "<volatile>";
    return o;
  };
  const out = {
    backend: capture.backend && { ...capture.backend, headers: mask(capture.backend.headers) },
    sends: capture.sends.map((s) => ({ ...s, headers: mask(s.headers) })),
    response: { status: res.StatusCode, reason: res.StatusReason, headers: mask(wireOf(res.Headers)), body: res.Body ? res.Body.content().toString("utf8") : null },
    lastError: ctx.LastError,
  };
  capture = null;
  return out;
}

/** The pair side: compiled against hand, as check() does for one side. */
async function observeBoth() {
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = await observe(sides.compiled);
    if (a.lastError) throw new Error(`${c.name}/compiled: the pipeline failed: ${JSON.stringify(a.lastError)}`);
    if (JSON.stringify(a) === JSON.stringify(await observe(sides.hand))) return;
  }
  throw new Error(`${c.name}: the compiled policy and the hand-written floor do not do the same work`);
}

async function check() {
  if (side === "base") return;
  let last;
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = await observe(sides[side]);
    const b = await observe(sides[side === "hand" ? "compiled" : "hand"]);
    if (a.lastError) throw new Error(`${c.name}/${side}: the pipeline failed: ${JSON.stringify(a.lastError)}`);
    const ja = JSON.stringify(a);
    const jb = JSON.stringify(b);
    if (ja === jb) return;
    last = `${side}:\n${JSON.stringify(a, null, 1)}\nother:\n${JSON.stringify(b, null, 1)}`;
  }
  throw new Error(`${c.name}: the compiled policy and the hand-written floor do not do the same work:\n${last}`);
}

/** One batch: wall ns and CPU ns (this process, user + system) per request. */
async function batch(n) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await run(makeCtx());
  const wall = Number(process.hrtime.bigint() - t0) / n;
  const c = process.cpuUsage(c0);
  return { wall, cpu: ((c.user + c.system) * 1000) / n };
}

/**
 * Side "pair": compiled and hand in this one process, batches alternating (compiled, hand,
 * compiled, ...; the same batch size), so whatever else the machine does at a given moment slows
 * both alike; the figure is the median of the per-pair ratios, with their quartiles.
 */
async function pair() {
  const sideA = sides.compiled;
  const sideB = sides.hand;
  const batchOf = async (fn, n) => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn(makeCtx());
    const wall = Number(process.hrtime.bigint() - t0) / n;
    const c = process.cpuUsage(c0);
    return { wall, cpu: ((c.user + c.system) * 1000) / n };
  };
  let n = 16;
  const warmEnd = performance.now() + warmMs;
  // Warm up, growing the batch to about 10 ms.
  for (let grown = false; performance.now() < warmEnd || !grown; ) {
    const a = await batchOf(sideA, n);
    await batchOf(sideB, n);
    grown = a.wall * n >= 10e6 || n >= 1 << 20;
    if (!grown) n *= 2;
  }
  const ratios = [];
  const cpuRatios = [];
  const a = [];
  const b = [];
  const end = performance.now() + measureMs * 2;
  for (let k = 0; performance.now() < end || ratios.length < 9; k++) {
    // Alternate which goes first, so neither always follows the other's garbage.
    const first = k % 2 === 0;
    const x = first ? await batchOf(sideA, n) : null;
    const y = await batchOf(sideB, n);
    const xx = x ?? (await batchOf(sideA, n));
    ratios.push(xx.wall / y.wall);
    cpuRatios.push(xx.cpu / y.cpu);
    a.push(xx.wall);
    b.push(y.wall);
  }
  const q = (xs, f) => [...xs].sort((p, r) => p - r)[Math.min(xs.length - 1, Math.floor(f * xs.length))];
  return { case: c.name, side: "pair", ratio: q(ratios, 0.5), ratioQ1: q(ratios, 0.25), ratioQ3: q(ratios, 0.75), cpuRatio: q(cpuRatios, 0.5), compiledNs: q(a, 0.5), handNs: q(b, 0.5), pairs: ratios.length, batchSize: n };
}

reportFromChild(async () => {
  if (side === "pair") {
    await observeBoth();
    return pair();
  }
  await check();
  // Warm up, finding a batch size of about 20 ms.
  let n = 16;
  const warmEnd = performance.now() + warmMs;
  while (performance.now() < warmEnd) {
    const { wall } = await batch(n);
    if (wall * n < 20e6) n = Math.min(n * 2, 1 << 20);
  }
  const walls = [];
  const cpus = [];
  const end = performance.now() + measureMs;
  while (performance.now() < end || walls.length < 5) {
    const b = await batch(n);
    walls.push(b.wall);
    cpus.push(b.cpu);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { case: c.name, side, nsPerRequest: walls[walls.length >> 1], cpuNsPerRequest: cpus[cpus.length >> 1], min: walls[0], batches: walls.length, batchSize: n };
});

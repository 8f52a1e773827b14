// One way of calling the same local server, sequentially, in its own process:
//   node child.mjs compiled|fetch|undici <url> <calls>
// compiled: a compiled send-request (the inbound section of send.xml) on a fresh Context;
// fetch: global fetch; undici: undici.request on a keep-alive Agent. Each call sends the same
// POST (two headers, a form body) and reads the whole response body.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Agent, request } from "undici";
import { DIST, median, quantile, reportFromChild } from "../lib/util.mjs";

const [mode, base, callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? 2000);
const url = `${base}/introspection`;
const HEADERS = { Authorization: "basic dXNlcm5hbWU6cGFzc3dvcmQ=", "Content-Type": "application/x-www-form-urlencoded" };
const BODY = "token=abc.def.ghi";

async function makeCall() {
  if (mode === "fetch")
    return async () => {
      const r = await fetch(url, { method: "POST", headers: HEADERS, body: BODY });
      const b = Buffer.from(await r.arrayBuffer());
      if (r.status !== 200 || b.length === 0) throw new Error("bad answer");
    };
  if (mode === "undici") {
    const agent = new Agent({ keepAliveTimeout: 10_000, connections: 256, pipelining: 1 });
    return async () => {
      const r = await request(url, { method: "POST", headers: HEADERS, body: BODY, dispatcher: agent });
      const b = Buffer.from(await r.body.arrayBuffer());
      if (r.statusCode !== 200 || b.length === 0) throw new Error("bad answer");
    };
  }
  if (mode === "compiled") {
    const rt = await import(pathToFileURL(join(DIST, "runtime.js")).href);
    const { compile } = await import(pathToFileURL(join(DIST, "index.js")).href);
    const xml = `<policies><inbound>
  <send-request mode="new" response-variable-name="r" timeout="5" ignore-error="false">
    <set-url>${url}</set-url>
    <set-method>POST</set-method>
    <set-header name="Authorization" exists-action="override"><value>basic dXNlcm5hbWU6cGFzc3dvcmQ=</value></set-header>
    <set-header name="Content-Type" exists-action="override"><value>application/x-www-form-urlencoded</value></set-header>
    <set-body>${BODY}</set-body>
  </send-request>
</inbound><backend /><outbound /></policies>`;
    const r = compile(xml, { format: "function", file: "send.xml" });
    if (!r.code) throw new Error(JSON.stringify(r.diagnostics));
    const mod = new Function("rt", r.code)(rt);
    return async () => {
      const ctx = new rt.Context(new rt.RequestMessage("GET", new rt.Url("https", "api.contoso.com", 443, "/x", new rt.QueryMap()), new rt.HeaderMap("request"), null));
      await mod.inbound(ctx);
      const res = ctx.Variables.get("r");
      if (res.StatusCode !== 200 || res.Body.content().length === 0) throw new Error("bad answer");
    };
  }
  throw new Error(`unknown mode ${mode}`);
}

reportFromChild(async () => {
  const call = await makeCall();
  for (let i = 0; i < Math.min(500, calls); i++) await call();
  const xs = new Array(calls);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    await call();
    xs[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  xs.sort((a, b) => a - b);
  return { mode, p50: median(xs), p99: quantile(xs, 0.99), mean: wall / calls, cpuPerCall: (cpu.user + cpu.system) / calls };
});

// Experiment: what the runner and forward cost for the headers case (upper bound of the proposed fix).
import * as rt from "../.dist/runtime.js";
import { compile } from "../.dist/index.js";
import { readFileSync } from "node:fs";
const mod = new Function("rt", compile(readFileSync(new URL("../policies/headers.xml", import.meta.url), "utf8"), { format: "function" }).code)(rt);
const H = rt.HeaderMap.from({ "Content-Type": "application/json", "X-Powered-By": "x" }, "response");
const BODY = Buffer.from("{}");
const host = { async forward() { return new rt.ResponseMessage(200, "OK", H.clone(), new rt.MessageBody(BODY)); } };
const FWD = { timeoutMs: 300000, followRedirects: false, streamResponse: false };
const make = () => { const h = new rt.HeaderMap("request"); h.appendValues("Host", ["a"]); h.appendValues("Accept", ["*/*"]); return new rt.Context(new rt.RequestMessage("GET", new rt.Url("https", "a", 443, "/x", new rt.QueryMap()), h, null)); };
const sides = {
  current: (ctx) => { rt.attachHost(ctx, host); return rt.runPipeline(mod, ctx); },
  // proposed: host on the context (no WeakMap), sections awaited only when they return a promise, forward inline
  lean: async (ctx) => { ctx.$host = host; try { let r = mod.inbound(ctx); if (r !== undefined && typeof r.then === "function") r = await r; if (r === 1) return; ctx.Response = await ctx.$host.forward(ctx, FWD); r = mod.outbound(ctx); if (r !== undefined && typeof r.then === "function") await r; } catch (e) { throw e; } },
  weakmapOnly: async (ctx) => { rt.attachHost(ctx, host); let r = mod.inbound(ctx); ctx.Response = await host.forward(ctx, FWD); mod.outbound(ctx); },
};
for (let round = 0; round < 3; round++) for (const [k, f] of Object.entries(sides)) {
  for (let i = 0; i < 200000; i++) await f(make());
  const n = 400000; const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await f(make());
  console.log(round, k, (Number(process.hrtime.bigint() - t0) / n).toFixed(0), "ns");
}

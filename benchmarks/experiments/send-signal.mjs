// Experiment: undici.request CPU per call with a string or Buffer body, with and without an AbortSignal and a timer.
import { Agent, request } from "undici";
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 256, pipelining: 1 });
// usage: node benchmarks/experiments/send-signal.mjs http://127.0.0.1:<port of servers/http-server.mjs introspect>
const url = `${process.argv[2]}/introspection`;
const H = { Authorization: "basic dXNlcm5hbWU6cGFzc3dvcmQ=", "Content-Type": "application/x-www-form-urlencoded" };
const variants = {
  string: () => ({ body: "token=abc.def.ghi" }),
  buffer: () => ({ body: Buffer.from("token=abc.def.ghi") }),
  bufferSignal: () => { const ac = new AbortController(); return { body: Buffer.from("token=abc.def.ghi"), signal: ac.signal }; },
  stringSignalTimer: () => { const ac = new AbortController(); const t = setTimeout(() => ac.abort(), 5000); return { body: "token=abc.def.ghi", signal: ac.signal, t }; },
};
for (let round = 0; round < 2; round++) for (const [k, mk] of Object.entries(variants)) {
  for (let i = 0; i < 300; i++) { const o = mk(); const r = await request(url, { method: "POST", headers: H, body: o.body, signal: o.signal, dispatcher: agent }); await r.body.arrayBuffer(); if (o.t) clearTimeout(o.t); }
  const c0 = process.cpuUsage(); const n = 3000; const t0 = performance.now();
  for (let i = 0; i < n; i++) { const o = mk(); const r = await request(url, { method: "POST", headers: H, body: o.body, signal: o.signal, dispatcher: agent }); await r.body.arrayBuffer(); if (o.t) clearTimeout(o.t); }
  const c = process.cpuUsage(c0); console.log(k, ((c.user + c.system) / n).toFixed(1), "µs cpu/call", ((performance.now() - t0) * 1000 / n).toFixed(1), "µs wall");
}

// Profiles a server process from a signal until it exits, so start-up and JIT warm-up are left out
// (node --cpu-prof records from the first line: module compilation alone was ~50 µs per request of
// a 6 s gateway run):
//   node benchmarks/lib/profile-from-signal.mjs <out.cpuprofile> <script> args...
// then load it (wrk), `kill -USR2 <pid>`, load it again, stop it (SIGTERM); summarise with
// `node benchmarks/lib/profile-top.mjs <out.cpuprofile>`.
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const out = process.argv[2];
const s = new Session(); s.connect();
s.post("Profiler.enable"); s.post("Profiler.setSamplingInterval", { interval: 100 });
let on = false;
process.on("SIGUSR2", () => { s.post("Profiler.start"); on = true; });
process.on("exit", () => { if (on) s.post("Profiler.stop", (err, { profile }) => writeFileSync(out, JSON.stringify(profile))); });
process.argv.splice(1, 2);
await import(pathToFileURL(process.argv[1]).href);

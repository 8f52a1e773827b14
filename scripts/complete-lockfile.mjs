// The npm registry this project installs from lacks most of rollup's platform packages (404), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as out of
// sync. This adds lock entries for the missing optional platform packages, with the os/cpu/libc
// their names state, so npm ci accepts the lock and skips them on this platform.
// Run after any `npm install` that changes the lock: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
const OS = { android: "android", darwin: "darwin", freebsd: "freebsd", linux: "linux", openbsd: "openbsd", openharmony: "openharmony", win32: "win32" };
const CPU = { arm: "arm", "arm-eabi": "arm", arm64: "arm64", x64: "x64", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x" };
let added = 0;
for (const entry of Object.values(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const path = `node_modules/${dep}`;
    if (pkgs[path]) continue;
    const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+(?:-eabi)?)(?:-(gnu|musl|gnueabihf|musleabihf|msvc))?$/.exec(dep);
    if (!m || !OS[m[1]] || !CPU[m[2]]) throw new Error(`cannot infer the platform of ${dep}; add its lock entry by hand`);
    const e = { version, cpu: [CPU[m[2]]], dev: true, license: "MIT", optional: true, os: [OS[m[1]]] };
    if (m[3]?.startsWith("musl")) e.libc = ["musl"];
    else if (m[3]?.startsWith("gnu")) e.libc = ["glibc"];
    pkgs[path] = e;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} lock entries`);

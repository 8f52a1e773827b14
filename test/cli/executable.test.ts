// dist/cli.js is what `bin` points at: it must run as a program by itself (`npx apimc` inside this
// repository runs it directly, not through node), so the build gives it its #! line and execute bits.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version as string;

describe("dist/cli.js as a program", () => {
  it("is executable by everyone and starts with #!/usr/bin/env node", () => {
    expect(statSync(CLI).mode & 0o777).toBe(0o755);
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("runs without node in front of it", () => {
    expect(execFileSync(CLI, ["--version"], { encoding: "utf8" })).toBe(`${VERSION}\n`);
  });

  it("`npx apimc --version` works inside the repository", () => {
    // --offline: npx finds this package's own bin and must not go to the registry for it.
    expect(execFileSync("npx", ["--offline", "apimc", "--version"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 })).toBe(`${VERSION}\n`);
  }, 60_000);
});

// The built CLI (dist/cli.js, what `bin` points at): exit codes and diagnostics, never a stack trace.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

describe("apimc CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "apimc-cli-"));
  const good = join(dir, "good.xml");
  const bad = join(dir, "bad.xml");
  writeFileSync(good, `<policies><inbound><set-header name="X-A"><value>1</value></set-header></inbound></policies>`);
  writeFileSync(bad, `<policies>\n  <inbound>\n    <set-heder name="X-A" />\n  </inbound>\n</policies>`);

  it("check exits 0 on a clean document", () => {
    const r = run("check", good);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("check exits 1 with file:line:column, code, did-you-mean and a code frame", () => {
    const r = run("check", bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:5 - error APIMC2002: Unknown policy <set-heder>. Did you mean 'set-header'?`);
    expect(r.stderr).toContain("3 |     <set-heder");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("compile writes a module and a source map", () => {
    const out = join(dir, "out", "good.mjs");
    const r = run("compile", good, "-o", out, "--sourcemap");
    expect(r.status).toBe(0);
    const code = readFileSync(out, "utf8");
    expect(code).toContain(`from "apimc/runtime"`);
    expect(code).toContain("//# sourceMappingURL=good.mjs.map");
    expect(JSON.parse(readFileSync(out + ".map", "utf8")).sources).toEqual([good]);
  });

  it("check runs over every corpus file without a crash and says how many are clean", () => {
    const root = new URL("../corpus/data/", import.meta.url).pathname;
    const files = (spawnSync("find", [root, "-name", "*.xml"], { encoding: "utf8" }).stdout.trim().split("\n")).sort();
    const r = run("check", "--snippets", ...files);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.stderr).not.toContain("APIMC900");
    const m = /(\d+) of (\d+) files compiled without errors/.exec(r.stderr);
    expect(Number(m![2])).toBe(files.length);
    console.log(`apimc check over the corpus: ${m![1]} of ${m![2]} files clean`);
  });

  it("does not write a module for a document with errors, and reports usage errors with exit 2", () => {
    const r = run("compile", bad, "--outdir", join(dir, "o2"));
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, "o2", "bad.mjs"))).toBe(false);
    expect(run("frobnicate", good).status).toBe(2);
    expect(run("check", join(dir, "missing.xml")).stderr).toContain("cannot read");
  });
});

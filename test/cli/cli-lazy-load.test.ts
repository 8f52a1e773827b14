// `apimc --version` and `--help` answer without loading the compiler or the gateway: dist/cli.js
// imports a command's code when that command runs. A module resolve hook (node:module register)
// records every module the process loads; --version, --help and a usage error must load none of the
// gateway's or compiler's packages and only the CLI's own small files, while `check` (the control,
// proving the hook sees them) loads the compiler.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "apimc-cli-lazy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The hooks run on their own thread; they append each resolved URL to the file named in `data`.
writeFileSync(
  join(dir, "hooks.mjs"),
  `import { appendFileSync } from "node:fs";\nlet log;\nexport function initialize(data) { log = data.log; }\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  appendFileSync(log, r.url + "\\n");\n  return r;\n}\n`,
);
writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)}, { data: { log: process.env.APIMC_TEST_MODULE_LOG } });\n`);
writeFileSync(join(dir, "ok.xml"), `<policies><inbound><set-header name="x" exists-action="override"><value>1</value></set-header></inbound><backend /><outbound /></policies>`);

/** The modules `apimc <args>` loaded (URLs), and what it printed. */
function loaded(args: string[], name: string): { modules: string[]; out: string } {
  const log = join(dir, `${name}.log`);
  writeFileSync(log, "");
  let out: string;
  try {
    out = execFileSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, CLI, ...args], { encoding: "utf8", env: { ...process.env, APIMC_TEST_MODULE_LOG: log }, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? "") + String((e as { stderr?: string }).stderr ?? "");
  }
  return { modules: [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))], out };
}

/** Packages only the compiler or the gateway use. */
const HEAVY = ["graphql", "undici", "acorn", "sax", "ajv", "yaml", "prom-client", "redis", "re2js", "xslt-processor", "gpt-tokenizer"];
const packagesOf = (modules: string[]) => [...new Set(modules.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []))];
const distFiles = (modules: string[]) => modules.filter((u) => u.startsWith("file:") && u.includes("/dist/"));

describe("apimc loads a command's code only when it runs", () => {
  it("check (the control): the hook sees the compiler's packages and chunks", () => {
    const { modules, out } = loaded(["check", join(dir, "ok.xml")], "check");
    expect(out).not.toMatch(/error/);
    expect(packagesOf(modules)).toEqual(expect.arrayContaining(["sax", "acorn"]));
    expect(distFiles(modules).reduce((n, u) => n + statSync(fileURLToPath(u)).size, 0)).toBeGreaterThan(500_000);
  }, 30_000);

  for (const [name, args, expected] of [
    ["--version", ["--version"], /^\d+\.\d+\.\d+\n$/],
    ["--help", ["--help"], /^usage:\n  apimc build/],
    ["no arguments", [], /^usage:/],
    ["a usage error", ["serve", "--workers", "zero", "--config", "x.json"], /--workers needs a number/],
    ["a bad --redis", ["serve", "--config", "x.json", "--redis", "http://x"], /--redis must be a redis:\/\/ or rediss:\/\/ URL/],
  ] as [string, string[], RegExp][]) {
    it(`${name}: no compiler or gateway package, only the CLI's own files`, () => {
      const { modules, out } = loaded(args, name.replace(/\W+/g, "-"));
      expect(out).toMatch(expected);
      expect(packagesOf(modules).filter((p) => HEAVY.includes(p))).toEqual([]);
      // dist/cli.js and the few small chunks it imports statically (version, Redis URL check,
      // esbuild's helpers): tens of kilobytes, where the compiler and gateway are megabytes.
      const bytes = distFiles(modules).reduce((n, u) => n + statSync(fileURLToPath(u)).size, 0);
      expect(bytes, distFiles(modules).join("\n")).toBeLessThan(50_000);
    }, 30_000);
  }
});

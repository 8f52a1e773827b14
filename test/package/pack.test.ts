// The package as its users get it: `npm pack` of a fresh clone (what git tracks, no dist/), installed
// into an empty project with `npm install <tarball>`, then used the way the README says: the `apimc`
// bin, every export from an ES module, the declarations under a strict `tsc`, and the README's esbuild
// example bundled and run. Offline: apimc's dependencies are installed from tarballs packed from this
// repository's node_modules, so no registry is needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { closedPort, rawGet, startServer, type TestServer } from "../helpers/servers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MODULES = realpathSync(join(ROOT, "node_modules"));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const TSC = join(MODULES, "typescript", "bin", "tsc");
/**
 * Where a package may be imported from in the shipped declarations: Node's modules, a package the
 * consumer gets with apimc (its `dependencies`), and esbuild, which the plugin's user brings.
 */
const DEPENDENCIES = new Set<string>([...Object.keys(PKG.dependencies ?? {}), "esbuild"]);
const declarationImportAllowed = (spec: string): boolean =>
  /^node:[a-z_/]+$/.test(spec) || DEPENDENCIES.has(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);

const tmp = mkdtempSync(join(tmpdir(), "apimc-pack-"));
const clone = join(tmp, "clone");
const consumer = join(tmp, "consumer");
/** Runs a process without blocking this worker (the test's backend answers from it meanwhile). */
function exec(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd ?? consumer, env: opts.env ?? process.env, encoding: "utf8", timeout: opts.timeoutMs ?? 120_000, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : null) : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}

/** npm, awaited: a synchronous npm pack (it builds) blocked the worker past vitest's RPC timeout. */
async function npm(cwd: string, ...args: string[]): Promise<string> {
  const r = await exec("npm", args, { cwd, timeoutMs: 230_000, env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
  if (r.status !== 0) throw new Error(`npm ${args.join(" ")} in ${cwd} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let tarball = "";
let tarFiles: string[] = [];

/** The packages apimc needs at run time, with theirs (from this repository's node_modules). */
function runtimeDependencies(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8"));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  for (const dep of Object.keys(PKG.dependencies ?? {})) visit(dep);
  return [...seen];
}

beforeAll(async () => {
  // A fresh clone: the files git knows (tracked, or new and not ignored), nothing built.
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter((f) => f && !f.startsWith("node_modules") && existsSync(join(ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    cpSync(join(ROOT, f), join(clone, f));
  }
  expect(existsSync(join(clone, "dist"))).toBe(false);
  symlinkSync(MODULES, join(clone, "node_modules"), "dir");
  await npm(clone, "pack", "--pack-destination", tmp); // prepack builds dist/
  tarball = join(tmp, readdirSync(tmp).find((f) => /^apimc-.*\.tgz$/.test(f))!);
  tarFiles = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").map((f) => f.replace(/^package\//, ""));

  // An empty project that installs the tarball (and apimc's dependencies, packed from node_modules).
  mkdirSync(consumer);
  await npm(consumer, "init", "-y");
  const deps: string[] = [];
  for (const d of runtimeDependencies()) {
    const out = (await npm(consumer, "pack", "--ignore-scripts", "--pack-destination", tmp, join(MODULES, d))).trim().split("\n").at(-1)!;
    deps.push(join(tmp, out));
  }
  await npm(consumer, "install", "--offline", "--ignore-scripts", tarball, ...deps);
  // What a TypeScript or esbuild user has installed beside it.
  for (const dev of ["esbuild", "@types/node"]) {
    mkdirSync(dirname(join(consumer, "node_modules", dev)), { recursive: true });
    symlinkSync(join(MODULES, dev), join(consumer, "node_modules", dev), "dir");
  }
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm pack of a fresh clone", () => {
  it("ships the built package and what users read, nothing else, and stays small", () => {
    for (const f of tarFiles) expect(f, f).toMatch(/^(dist\/.+\.(js|d\.ts)|dist\/package\.json|dist\/workbench\/(index\.html|workbench\.css)|package\.json|README\.md|LICENSE|gateway\.schema\.json)$/);
    expect(tarFiles).toContain("LICENSE");
    // The workbench page, served at /_apimc/ with every asset from the package (no CDN).
    for (const f of ["index.html", "workbench.js", "workbench.css"]) expect(tarFiles).toContain(`dist/workbench/${f}`);
    expect(readFileSync(join(consumer, "node_modules/apimc/LICENSE"), "utf8")).toMatch(/^MIT License/);
    // Everything package.json points at is in it.
    const targets = [PKG.bin.apimc, PKG.types, ...Object.values(PKG.exports as Record<string, Record<string, string>>).flatMap((e) => Object.values(e)), ...Object.values(PKG.typesVersions["*"] as Record<string, string[]>).flat()];
    for (const t of targets) expect(tarFiles, t).toContain(posix.normalize(t));
    const size = readFileSync(tarball).length;
    console.log(`apimc tarball: ${(size / 1024).toFixed(0)} KiB, ${tarFiles.length} files`);
    // 550 KiB at the APIOps/validation/shared-state/metrics landings (2 MB unpacked); the workbench
    // page (CodeMirror 6 with lang-xml and lint, minified: 472 KB, 155 KiB in the tarball) made it 693
    // KiB, so the limit went from 640 to 800 KiB; .NET's regex engine (parser, writer, interpreter)
    // and the XML Schema compiler and validator made it 877 KiB, so 960 KiB. The guard is for
    // accidents (a test fixture or source maps shipped: either would add hundreds of KiB), not for features.
    expect(size).toBeLessThan(960 * 1024);
  });

  it("the declarations import only each other, Node's types, apimc's dependencies and esbuild", () => {
    const decls = tarFiles.filter((f) => f.endsWith(".d.ts"));
    expect(decls.length).toBeGreaterThan(0);
    for (const f of decls) {
      const text = readFileSync(join(consumer, "node_modules/apimc", f), "utf8");
      for (const [, spec] of text.matchAll(/(?:from\s+|import\(|require\()\s*"([^"]+)"/g)) {
        if (spec!.startsWith(".")) {
          const target = posix.join(posix.dirname(f), spec!.replace(/\.js$/, ".d.ts"));
          expect(tarFiles, `${f} imports ${spec}`).toContain(target);
        } else expect(declarationImportAllowed(spec!), `${f} imports ${spec}, which a consumer does not get with apimc`).toBe(true);
      }
      expect(text, f).not.toMatch(/\/\/\/\s*<reference\s+path=/);
    }
  });
});

describe("the installed package", () => {
  let backend: TestServer;
  beforeAll(async () => {
    backend = await startServer((req, res) => res.end(JSON.stringify({ url: req.url, tag: req.headers["x-tag"] ?? null })));
  });
  afterAll(() => backend.close());

  it("npx apimc: --version, check with a diagnostic, --format sarif", { timeout: 120_000 }, async () => {
    expect(existsSync(join(consumer, "node_modules/.bin/apimc"))).toBe(true);
    const v = await exec("npx", ["--offline", "apimc", "--version"]);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toBe(`${PKG.version}\n`);
    writeFileSync(join(consumer, "bad.xml"), `<policies>\n  <inbound>\n    <set-heder name="X-A" />\n  </inbound>\n</policies>\n`);
    // The installed bin itself (what npx ran above), without npx's start-up each time.
    const bin = join(consumer, "node_modules/.bin/apimc");
    const c = await exec(bin, ["check", "bad.xml"]);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain("bad.xml:3:5 - error APIMC2002: Unknown policy <set-heder>.");
    const s = await exec(bin, ["check", "bad.xml", "--format", "sarif"]);
    expect(s.status).toBe(1);
    expect(JSON.parse(s.stdout).runs[0].results[0]).toMatchObject({ ruleId: "APIMC2002", locations: [{ physicalLocation: { artifactLocation: { uri: "bad.xml" }, region: { startLine: 3, startColumn: 5 } } }] });
  });

  it("every export works from an ES module: compile, the runtime a compiled module imports, runPolicy, createGateway, the esbuild plugin", { timeout: 120_000 }, async () => {
    writeFileSync(
      join(consumer, "use-exports.mjs"),
      `import { writeFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { compile, Codes, formatDiagnostic, COMPILER_VERSION } from "apimc";
import * as runtime from "apimc/runtime";
import { runPolicy } from "apimc/testing";
import { createGateway } from "apimc/gateway";
import { apimcPlugin } from "apimc/esbuild";
const policy = '<policies><inbound><set-header name="X-Tag" exists-action="override"><value>{{tag}}</value></set-header></inbound><backend><forward-request/></backend><outbound/><on-error/></policies>';
const out = {};
const compiled = compile(policy, { namedValues: { tag: "compiled" } });
out.version = COMPILER_VERSION;
out.bad = compile("<policies><inbound><nope/></inbound></policies>").diagnostics.map((d) => d.code === Codes.UnknownPolicy && formatDiagnostic(d));
writeFileSync("compiled.mjs", compiled.code);
const mod = (await import("./compiled.mjs")).default;
const ctx = new runtime.Context(new runtime.RequestMessage("GET", runtime.Url.parse("http://localhost/"), new runtime.HeaderMap(), null));
await runtime.runPipeline({ ...mod, backend: null }, ctx);
out.runtime = ctx.Request.Headers.GetValueOrDefault("X-Tag");
const r = await runPolicy(policy, { namedValues: { tag: "testing" }, backend: process.env.BACKEND });
out.testing = { status: r.status, body: JSON.parse(r.body) };
const gateway = createGateway({ apis: [{ path: "/orders", backend: process.env.BACKEND, policy }], namedValues: { tag: "gateway" } });
const addr = await gateway.listen(0);
const res = await fetch("http://127.0.0.1:" + addr.port + "/orders/7");
out.gateway = { status: res.status, body: await res.json() };
await gateway.close();
writeFileSync("orders.policy.xml", policy);
const b = await esbuild.build({ stdin: { contents: 'import p from "./orders.policy.xml"; export default p;', resolveDir: process.cwd() }, bundle: true, write: false, plugins: [apimcPlugin({ namedValues: { tag: "from-the-esbuild-plugin" } })] });
out.esbuild = b.outputFiles[0].text.includes('"from-the-esbuild-plugin"');
console.log(JSON.stringify(out));
`,
    );
    const r = await exec(process.execPath, ["use-exports.mjs"], { env: { ...process.env, BACKEND: backend.url } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: PKG.version,
      bad: [expect.stringContaining("error APIMC2002: Unknown policy <nope>")],
      runtime: "compiled",
      testing: { status: 200, body: { url: "/", tag: "testing" } },
      gateway: { status: 200, body: { url: "/7", tag: "gateway" } },
      esbuild: true,
    });
  });

  // A strict consumer under each module resolution TypeScript users have; a wrong argument must be a
  // type error (the types are not `any`). Once without skipLibCheck, so the declarations themselves are
  // checked (the other runs only differ in how they are found).
  const resolutions: [string, Record<string, string | boolean>, string][] = [
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext", skipLibCheck: false }, "consumer.mts"],
    ["bundler", { module: "esnext", moduleResolution: "bundler", skipLibCheck: true }, "consumer.ts"],
    ["node10 (typesVersions)", { module: "es2022", moduleResolution: "node10", skipLibCheck: true }, "consumer.ts"],
  ];
  it.each(resolutions)("tsc --strict with moduleResolution %s type-checks a consumer of every export", async (name, options, file) => {
    const dir = join(consumer, `ts-${name.split(" ")[0]}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, file),
      `import { compile, Codes, formatDiagnostic, type CompileResult, type Diagnostic } from "apimc";
import { Context, RequestMessage, Url, HeaderMap, runPipeline, type PolicyModule } from "apimc/runtime";
import { runPolicy, type RunPolicyResult } from "apimc/testing";
import { createGateway, type Gateway, type GatewayOptions } from "apimc/gateway";
import { apimcPlugin, type ApimcPluginOptions } from "apimc/esbuild";
import type { Plugin } from "esbuild";

const result: CompileResult = compile("<policies/>", { file: "p.xml", namedValues: { a: "b" } });
const first: Diagnostic | undefined = result.diagnostics[0];
const text: string = first ? formatDiagnostic(first) : Codes.UnknownPolicy;
// @ts-expect-error compile takes the XML text
compile(42);
export async function run(mod: PolicyModule): Promise<number> {
  const ctx = new Context(new RequestMessage("GET", Url.parse("http://localhost/"), new HeaderMap(), null));
  await runPipeline(mod, ctx);
  const r: RunPolicyResult = await runPolicy("<policies/>", { request: { method: "POST", body: "x" } });
  // @ts-expect-error status is a number
  const s: string = r.status;
  const options: GatewayOptions = { apis: [{ path: "/", backend: "http://127.0.0.1:1", policy: mod }] };
  const gateway: Gateway = createGateway(options);
  const addr = await gateway.listen(0, "127.0.0.1");
  await gateway.close();
  const pluginOptions: ApimcPluginOptions = { namedValues: "nv.json", fragments: "fragments/" };
  const plugin: Plugin = apimcPlugin(pluginOptions);
  return r.status + addr.port + plugin.name.length + text.length + s.length;
}
`,
    );
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...options, target: "es2022", strict: true, noEmit: true, types: ["node"], typeRoots: [join(consumer, "node_modules/@types")] }, files: [file] }));
    const r = await exec(process.execPath, [TSC, "-p", dir], { cwd: dir });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);

  it("the README's esbuild example, as written, bundles into a gateway that starts and serves through the policy", { timeout: 120_000 }, async () => {
    const readme = readFileSync(join(consumer, "node_modules/apimc/README.md"), "utf8");
    const block = (first: string) => {
      const m = new RegExp("```js\\n(" + first.replace(/[.*/]/g, "\\$&") + "\\n[\\s\\S]*?)```").exec(readme);
      expect(m, `README code block starting ${first}`).not.toBeNull();
      return m![1]!;
    };
    const port = await closedPort();
    const swap = (text: string, from: string, to: string) => {
      expect(text.split(from), `the example has ${from} once`).toHaveLength(2);
      return text.replace(from, to);
    };
    const dir = join(consumer, "readme-esbuild");
    mkdirSync(join(dir, "fragments"), { recursive: true });
    writeFileSync(join(dir, "build.mjs"), block("// build.mjs"));
    writeFileSync(join(dir, "gateway.mjs"), swap(swap(block("// gateway.mjs"), "http://127.0.0.1:3000", backend.url), "listen(8080)", `listen(${port})`));
    writeFileSync(join(dir, "nv.json"), JSON.stringify({ tag: "bundled" }));
    writeFileSync(join(dir, "fragments/tag.xml"), `<fragment><set-header name="X-Tag" exists-action="override"><value>{{tag}}</value></set-header></fragment>`);
    writeFileSync(join(dir, "orders.policy.xml"), `<policies><inbound><include-fragment fragment-id="tag"/></inbound><backend><forward-request/></backend><outbound/><on-error/></policies>`);
    const b = await exec(process.execPath, ["build.mjs"], { cwd: dir });
    expect(b.stderr).toBe("");
    expect(b.status).toBe(0);
    // Self-contained: the bundle runs from a folder without node_modules.
    const alone = join(tmp, "bundle-alone");
    mkdirSync(alone);
    cpSync(join(dir, "out/gateway.mjs"), join(alone, "gateway.mjs"));
    const child = spawn(process.execPath, ["gateway.mjs"], { cwd: alone, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    try {
      // It says nothing when it listens: ask until it answers (or exits).
      let r: Awaited<ReturnType<typeof rawGet>> | undefined;
      for (let i = 0; i < 300 && !r && child.exitCode === null; i++) {
        r = await rawGet(`http://127.0.0.1:${port}/orders/42`).catch(() => undefined);
        if (!r) await new Promise((ok) => setTimeout(ok, 100));
      }
      expect(child.exitCode, err).toBeNull();
      expect(r?.status).toBe(200);
      expect(JSON.parse(r!.body)).toEqual({ url: "/42", tag: "bundled" });
    } finally {
      child.kill();
    }
  });
});

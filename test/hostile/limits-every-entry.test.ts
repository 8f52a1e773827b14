// The compile-time limits hold on every way in: compile(), the test harness (runPolicy), the host's
// inline policies, the esbuild plugin, the gateway build (a document at each scope), the gateway
// started from a configuration, and the built CLI (`apimc check`, `apimc build`). Each limit is
// tried just inside (compiles) and one step over (refused with its code) on each entry point, so a
// path that skips a check, or checks more strictly, fails here. Before one compile entry, the gateway
// build accepted documents over 256 KiB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile, MAX_DOCUMENT_SIZE } from "../../compiler/index.js";
import { MAX_ELEMENT_DEPTH } from "../../compiler/xml/parse.js";
import { MAX_BRACKET_DEPTH } from "../../compiler/xml/expression-scanner.js";
import { MAX_FRAGMENT_SIZE } from "../../compiler/policies/include-fragment.js";
import { runPolicy } from "../../gateway/testing.js";
import { createGateway, GatewayBuildError } from "../../gateway/host.js";
import { apimcPlugin } from "../../gateway/esbuild-plugin.js";
import { buildGateway } from "../../gateway/build.js";
import { loadGatewayConfig } from "../../gateway/config.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

const doc = (inbound: string) => `<policies><inbound>${inbound}</inbound><backend><forward-request/></backend></policies>`;
/** `text` padded with a comment to exactly `size` characters (the comment goes before `</inbound>`). */
function padded(text: string, size: number, marker = "</inbound>"): string {
  const room = size - text.length - "<!---->".length;
  if (room < 0) throw new Error("the text is already larger than the size");
  return text.replace(marker, `<!--${" ".repeat(room)}-->${marker}`);
}
const FRAGMENT_ID = "f";

interface Case {
  /** The policy document. */
  policy: string;
  /** The fragment `f` (for the fragment limit). */
  fragment?: string;
}
interface Limit {
  name: string;
  inside: Case;
  over: Case;
  /** Error codes of the document over the limit (sorted). */
  codes: string[];
}

const nested = (levels: number) => doc(`${'<choose><when condition="@(true)">'.repeat(levels)}<set-variable name="v" value="1"/>${"</when></choose>".repeat(levels)}`);
const brackets = (n: number) => doc(`<set-variable name="v" value="@(${"(".repeat(n)}1${")".repeat(n)})"/>`);
const withFragment = (size: number): Case => ({
  policy: doc(`<include-fragment fragment-id="${FRAGMENT_ID}"/>`),
  fragment: padded(`<fragment><set-variable name="v" value="1"/></fragment>`, size, "</fragment>"),
});
// Elements: policies > inbound > (choose > when)* > set-variable; the deepest at MAX_ELEMENT_DEPTH or one pair over.
const levels = Math.floor((MAX_ELEMENT_DEPTH - 3) / 2);

const LIMITS: Limit[] = [
  {
    name: `document size (${MAX_DOCUMENT_SIZE} characters)`,
    inside: { policy: padded(doc(`<set-variable name="v" value="1"/>`), MAX_DOCUMENT_SIZE) },
    over: { policy: padded(doc(`<set-variable name="v" value="1"/>`), MAX_DOCUMENT_SIZE + 1) },
    codes: ["APIMC1006"],
  },
  { name: `fragment size (${MAX_FRAGMENT_SIZE} characters)`, inside: withFragment(MAX_FRAGMENT_SIZE), over: withFragment(MAX_FRAGMENT_SIZE + 1), codes: ["APIMC1006", "APIMC2018"] },
  { name: `element depth (${MAX_ELEMENT_DEPTH})`, inside: { policy: nested(levels) }, over: { policy: nested(levels + 1) }, codes: ["APIMC1006"] },
  { name: `expression bracket depth (${MAX_BRACKET_DEPTH})`, inside: { policy: brackets(MAX_BRACKET_DEPTH - 1) }, over: { policy: brackets(MAX_BRACKET_DEPTH) }, codes: ["APIMC1002"] },
];

/** What an entry point made of a case: the error codes (empty when it compiled). */
type Outcome = string[];
interface Entry {
  name: string;
  /** False where the entry point has no way to give fragments (the fragment limit cannot be reached through it). */
  fragments: boolean;
  run(c: Case, dir: string): Promise<Outcome>;
}

const codesIn = (text: string) => [...text.matchAll(/error (APIMC\d{4})/g)].map((m) => m[1]!).sort();
const errorCodes = (diags: readonly { code: string; severity: string }[]) => diags.filter((d) => d.severity === "error").map((d) => d.code).sort();
const errorOf = async (f: () => unknown): Promise<unknown> => {
  try {
    await f();
    return null;
  } catch (e) {
    return e;
  }
};

/** A gateway configuration in `dir` with the case's document at `scope` (the other scopes plain). */
function writeConfig(c: Case, dir: string, scope: "global" | "operation"): string {
  mkdirSync(join(dir, "fragments"), { recursive: true });
  if (c.fragment !== undefined) writeFileSync(join(dir, "fragments", `${FRAGMENT_ID}.xml`), c.fragment);
  writeFileSync(join(dir, "case.xml"), c.policy);
  writeFileSync(join(dir, "plain.xml"), doc(`<base/>`));
  const config = {
    policy: scope === "global" ? "case.xml" : undefined,
    fragments: "fragments",
    apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", subscriptionRequired: false, policy: "plain.xml", operations: [{ id: "op", method: "GET", urlTemplate: "/", policy: scope === "operation" ? "case.xml" : "plain.xml" }] }],
  };
  const file = join(dir, "gateway.json");
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const ENTRIES: Entry[] = [
  {
    name: "compile()",
    fragments: true,
    run: async (c) => errorCodes(compile(c.policy, { fragments: (id) => (id === FRAGMENT_ID && c.fragment !== undefined ? { file: "f.xml", source: c.fragment } : null) }).diagnostics),
  },
  {
    name: "runPolicy (apimc/testing)",
    fragments: false,
    run: async (c) => {
      const e = await errorOf(() => runPolicy(c.policy));
      return e ? codesIn((e as Error).message) : [];
    },
  },
  {
    name: "createGateway({ apis }) with policy XML",
    fragments: false,
    run: async (c) => {
      let gw: ReturnType<typeof createGateway> | undefined;
      const e = await errorOf(() => (gw = createGateway({ apis: [{ path: "/", backend: "http://127.0.0.1:9", policy: c.policy }] })));
      await gw?.close();
      return e ? codesIn((e as Error).message) : [];
    },
  },
  {
    name: "esbuild plugin (apimc/esbuild)",
    fragments: true,
    run: async (c, dir) => {
      mkdirSync(join(dir, "fragments"), { recursive: true });
      if (c.fragment !== undefined) writeFileSync(join(dir, "fragments", `${FRAGMENT_ID}.xml`), c.fragment);
      writeFileSync(join(dir, "case.policy.xml"), c.policy);
      writeFileSync(join(dir, "main.mjs"), `import policy from "./case.policy.xml"; export default policy;`);
      const e = await errorOf(() => build({ entryPoints: [join(dir, "main.mjs")], bundle: true, write: false, external: ["apimc/runtime"], plugins: [apimcPlugin({ fragments: join(dir, "fragments") })], logLevel: "silent" }));
      return e ? ((e as { errors: { text: string }[] }).errors.map((m) => /^(APIMC\d{4})/.exec(m.text)?.[1] ?? m.text).sort()) : [];
    },
  },
  ...(["operation", "global"] as const).map(
    (scope): Entry => ({
      name: `buildGateway (apimc build), the ${scope} policy`,
      fragments: true,
      run: async (c, dir) => errorCodes(buildGateway(loadGatewayConfig(writeConfig(c, dir, scope)), "function").diagnostics),
    }),
  ),
  {
    name: "createGateway({ config })",
    fragments: true,
    run: async (c, dir) => {
      let gw: ReturnType<typeof createGateway> | undefined;
      const e = await errorOf(() => (gw = createGateway({ config: writeConfig(c, dir, "operation"), watch: false })));
      await gw?.close();
      if (e && !(e instanceof GatewayBuildError)) throw e;
      return e instanceof GatewayBuildError ? errorCodes(e.diagnostics) : [];
    },
  },
];

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "apimc-limits-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => {
  const d = join(root, String(n++));
  mkdirSync(d, { recursive: true });
  return d;
};

describe.each(LIMITS)("$name", (limit) => {
  it.each(ENTRIES.filter((e) => e.fragments || limit.inside.fragment === undefined))("holds on $name: inside compiles, one over is refused", async (entry) => {
    expect(await entry.run(limit.inside, freshDir())).toEqual([]);
    expect(await entry.run(limit.over, freshDir())).toEqual(limit.codes);
  });
});

// Real processes on a shared machine: a few seconds each.
describe("the built CLI (dist/cli.js)", { timeout: 120_000 }, () => {
  it("apimc check: each limit, inside and over", () => {
    const dir = freshDir();
    mkdirSync(join(dir, "fragments"));
    const check = (files: string[]) => {
      const r = spawnSync(process.execPath, [CLI, "check", ...files, "--fragments", join(dir, "fragments"), "--format", "json"], { encoding: "utf8" });
      return JSON.parse(r.stdout) as { files: { file: string; ok: boolean }[]; diagnostics: { code: string; severity: string; file: string }[] };
    };
    // The documents without a fragment in one run, their errors by file.
    const plain = LIMITS.flatMap((l, i) =>
      l.inside.fragment !== undefined
        ? []
        : ([["inside", l.inside, []], ["over", l.over, l.codes]] as const).map(([side, c, codes]) => {
            const file = join(dir, `${i}-${side}.xml`);
            writeFileSync(file, c.policy);
            return { file, codes };
          }),
    );
    const report = check(plain.map((f) => f.file));
    expect(plain.map((f) => ({ file: f.file, codes: errorCodes(report.diagnostics.filter((d) => d.file === f.file)) }))).toEqual(plain.map((f) => ({ file: f.file, codes: [...f.codes] })));
    // The fragment's: one run each, as they share the fragment's file.
    for (const l of LIMITS.filter((x) => x.inside.fragment !== undefined)) {
      for (const [c, codes] of [[l.inside, []], [l.over, l.codes]] as const) {
        writeFileSync(join(dir, "fragments", `${FRAGMENT_ID}.xml`), c.fragment!);
        writeFileSync(join(dir, "fragment.xml"), c.policy);
        expect(errorCodes(check([join(dir, "fragment.xml")]).diagnostics)).toEqual(codes);
      }
    }
  });

  it("apimc build: each limit, inside and over", () => {
    const build = (dir: string) => spawnSync(process.execPath, [CLI, "build", "--config", join(dir, "gateway.json"), "--outdir", join(dir, "out")], { encoding: "utf8" });
    // The documents without a fragment in one configuration (an operation each), their errors by file.
    const dir = freshDir();
    const plain = LIMITS.flatMap((l, i) => (l.inside.fragment !== undefined ? [] : ([["inside", l.inside, []], ["over", l.over, l.codes]] as const).map(([side, c, codes]) => ({ file: `${i}-${side}.xml`, policy: c.policy, codes }))));
    for (const f of plain) writeFileSync(join(dir, f.file), f.policy);
    const operations = plain.map((f, i) => ({ id: `op${i}`, method: "GET", urlTemplate: `/${i}`, policy: f.file }));
    writeFileSync(join(dir, "gateway.json"), JSON.stringify({ apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", subscriptionRequired: false, operations }] }));
    const stderr = build(dir).stderr;
    const codesOf = (file: string) => codesIn(stderr.split("\n").filter((line) => line.startsWith(join(dir, file) + ":")).join("\n"));
    expect(plain.map((f) => ({ file: f.file, codes: codesOf(f.file) }))).toEqual(plain.map((f) => ({ file: f.file, codes: [...f.codes] })));
    // The fragment's: a build each.
    for (const l of LIMITS.filter((x) => x.inside.fragment !== undefined)) {
      for (const [c, codes] of [[l.inside, []], [l.over, l.codes]] as const) {
        const d = freshDir();
        writeConfig(c, d, "operation");
        const r = build(d);
        expect({ codes: codesIn(r.stderr), status: r.status }).toEqual({ codes, status: codes.length ? 1 : 0 });
      }
    }
  });
});

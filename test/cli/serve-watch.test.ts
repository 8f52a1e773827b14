// `apimc serve` (dist/cli.js, a real process) while the files it watches are edited the ways people
// and tools edit them: every watched kind of file (gateway.json, API policy, operation policy,
// fragment, named values) x every edit style (in-place write, temp file renamed over it as editors and
// `sed -i` do, delete then re-create, move away then back, its folder moved away then back, a bad save
// then a good one). A client calls the gateway all along: every request gets an answer, the last good
// version answers while a file is bad or missing, the fixed version after; the process never exits.
// And at the first start, a configuration error is printed once and the process exits 1.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Agent, get } from "node:http";
import { until } from "../helpers/until.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "apimc-serve-watch-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Kind = "config" | "api" | "operation" | "fragment" | "namedValues";
const KINDS: Kind[] = ["config", "api", "operation", "fragment", "namedValues"];
/** Each file's place (in its own folder, so every folder is watched) and the letter of its token in the response. */
const FILES: Record<Kind, { rel: string; letter: string }> = {
  config: { rel: "gateway.json", letter: "C" },
  api: { rel: "policies/api.xml", letter: "A" },
  operation: { rel: "policies/ops/op.xml", letter: "O" },
  fragment: { rel: "fragments/stamp.xml", letter: "F" },
  namedValues: { rel: "nv/values.json", letter: "N" },
};

/** The file of `kind` at version v: each puts its token (letter + v) into the response body. */
function content(kind: Kind, v: number): string {
  switch (kind) {
    case "config":
      return JSON.stringify({
        namedValues: "nv/values.json",
        fragments: "fragments",
        apis: [{ id: "a", name: `C${v}`, path: "/a", serviceUrl: "http://127.0.0.1:9", policy: "policies/api.xml", operations: [{ id: "x", method: "GET", urlTemplate: "/x", policy: "policies/ops/op.xml" }] }],
      });
    case "api":
      return `<policies><inbound><set-variable name="api" value="A${v}"/><base/></inbound></policies>`;
    case "operation":
      return `<policies><inbound><base/><include-fragment fragment-id="stamp"/><set-variable name="nv" value="{{ver}}"/><return-response><set-status code="200" reason="OK"/><set-body>@(context.Api.Name + "|" + (string)context.Variables["api"] + "|O${v}|" + (string)context.Variables["frag"] + "|" + (string)context.Variables["nv"])</set-body></return-response></inbound></policies>`;
    case "fragment":
      return `<fragment><set-variable name="frag" value="F${v}"/></fragment>`;
    case "namedValues":
      return JSON.stringify({ ver: `N${v}` });
  }
}

/** A save with a syntax error in it. */
const BROKEN: Record<Kind, string> = {
  config: `{ "apis": [`,
  api: `<policies><inbound><set-variable name="api"`,
  operation: `<policies><inbound><base/>`,
  fragment: `<fragment><set-variable name="frag" value="F`,
  namedValues: `{ "ver": `,
};

const expected = (kind: Kind, v: number) => ["C", "A", "O", "F", "N"].map((l) => (l === FILES[kind].letter ? `${l}${v}` : `${l}1`)).join("|");

function writeSite(root: string): void {
  for (const k of KINDS) {
    mkdirSync(dirname(join(root, FILES[k].rel)), { recursive: true });
    writeFileSync(join(root, FILES[k].rel), content(k, 1));
  }
}

/** Saves as editors and `sed -i` do: a new file in the same folder, renamed over the old one. */
function renameSave(file: string, text: string): void {
  const temp = join(dirname(file), `sed${Math.random().toString(36).slice(2, 8)}`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}


interface Served {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function serve(config: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", "--config", config, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d) => {
      err += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) resolve({ url: m[1]!, child, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`apimc serve exited with ${code}: ${err}`)));
  });
}

const agent = new Agent({ keepAlive: true });
function call(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    }).on("error", reject);
  });
}

/** What one edit style does to the file of `kind`, going from version v to v + 1. */
interface Ctx {
  kind: Kind;
  root: string;
  file: string;
  away: string;
  v: number;
  /** Where the gateway's report stands now. */
  mark: () => Mark;
  /** Resolves, with what was printed since `mark`, once the gateway has reported a failed reload. */
  failed: (since: Mark) => Promise<string>;
  served: (v: number) => Promise<void>;
  body: () => Promise<string>;
}
interface Mark {
  failures: number;
  at: number;
}
const STYLES: Record<string, (c: Ctx) => Promise<void>> = {
  "in-place write": async (c) => {
    writeFileSync(c.file, content(c.kind, c.v + 1));
    await c.served(c.v + 1);
  },
  "temp file renamed over it": async (c) => {
    renameSave(c.file, content(c.kind, c.v + 1));
    await c.served(c.v + 1);
  },
  "deleted, then re-created": async (c) => {
    const before = c.mark();
    unlinkSync(c.file);
    expect(await c.failed(before)).toContain(basename(c.file));
    expect(await c.body()).toBe(expected(c.kind, c.v));
    writeFileSync(c.file, content(c.kind, c.v + 1));
    await c.served(c.v + 1);
  },
  "moved away, edited there, moved back": async (c) => {
    const before = c.mark();
    const moved = join(c.away, basename(c.file));
    renameSync(c.file, moved);
    expect(await c.failed(before)).toContain(basename(c.file));
    expect(await c.body()).toBe(expected(c.kind, c.v));
    writeFileSync(moved, content(c.kind, c.v + 1));
    renameSync(moved, c.file);
    await c.served(c.v + 1);
  },
  "its folder moved away and back": async (c) => {
    const before = c.mark();
    const folder = dirname(c.file);
    const moved = join(c.away, "folder");
    renameSync(folder, moved);
    expect(await c.failed(before)).toContain(basename(c.file));
    expect(await c.body()).toBe(expected(c.kind, c.v));
    writeFileSync(join(moved, basename(c.file)), content(c.kind, c.v + 1));
    renameSync(moved, folder);
    await c.served(c.v + 1);
  },
  "a bad save (renamed over it), then a good one": async (c) => {
    const before = c.mark();
    renameSave(c.file, BROKEN[c.kind]);
    expect(await c.failed(before)).toContain(basename(c.file));
    expect(await c.body()).toBe(expected(c.kind, c.v));
    renameSave(c.file, content(c.kind, c.v + 1));
    await c.served(c.v + 1);
  },
};

const STILL_SERVING = "still serving the last good version";
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe.concurrent("apimc serve keeps serving while the files it watches are edited, deleted and moved", () => {
  for (const kind of KINDS) {
    it(`${FILES[kind].rel}: ${Object.keys(STYLES).join(" · ")}`, async () => {
      const base = mkdtempSync(join(scratch, `${kind}-`));
      const root = join(base, "site");
      writeSite(root);
      const gw = await serve(join(root, "gateway.json"));
      // A client calling all along: every request must get an answer from one good version.
      const answers: { status: number; body: string }[] = [];
      const failures: string[] = [];
      let stop = false;
      const client = (async () => {
        while (!stop) {
          await call(`${gw.url}/a/x`).then(
            (r) => answers.push(r),
            (e) => failures.push(String(e)),
          );
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      try {
        const body = async () => (await call(`${gw.url}/a/x`)).body;
        let v = 1;
        expect(await body()).toBe(expected(kind, v));
        for (const [name, style] of Object.entries(STYLES)) {
          const away = mkdtempSync(join(base, "away-"));
          const c: Ctx = {
            kind,
            root,
            file: join(root, FILES[kind].rel),
            away,
            v,
            mark: () => ({ failures: count(gw.stderr(), STILL_SERVING), at: gw.stderr().length }),
            failed: async (since) => {
              await until(`${name}: a failed reload of ${kind}`, () => count(gw.stderr(), STILL_SERVING) > since.failures);
              return gw.stderr().slice(since.at);
            },
            served: (w) => until(`${name}: version ${w} of ${kind} served`, async () => (await body()) === expected(kind, w)),
            body,
          };
          await style(c);
          v++;
        }
        expect(gw.child.exitCode).toBe(null);
      } finally {
        stop = true;
        await client;
        gw.child.kill("SIGTERM");
      }
      expect(await gw.exited).toBe(0);
      expect(failures).toEqual([]);
      expect(answers.length).toBeGreaterThan(20);
      const bad = answers.filter((a) => a.status !== 200 || !/^C\d\|A\d\|O\d\|F\d\|N\d$/.test(a.body));
      expect(bad).toEqual([]);
      // Problems are reported, never thrown: no stack trace.
      expect(gw.stderr()).not.toMatch(/\n\s+at /);
    }, 60_000); // ~4 s on an idle machine; generous for a loaded one
  }
});

/** At the first start there is no last good version: the error once, exit 1 (not a hang). */
describe.concurrent("apimc serve with a broken configuration at the first start", () => {
  const cases: [string, Kind, (file: string) => void][] = [];
  for (const kind of KINDS) {
    cases.push([`${FILES[kind].rel} with a syntax error`, kind, (f) => writeFileSync(f, BROKEN[kind])]);
    cases.push([`${FILES[kind].rel} missing`, kind, (f) => unlinkSync(f)]);
  }
  for (const [name, kind, breakIt] of cases) {
    it(name, async () => {
      const root = mkdtempSync(join(scratch, "first-"));
      writeSite(root);
      const file = join(root, FILES[kind].rel);
      breakIt(file);
      const child = spawn(process.execPath, [CLI, "serve", "--workers", "1", "--config", join(root, "gateway.json"), "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.stdout.resume();
      // The old gateway hung here (its file watches kept the process alive): a hang is a failure.
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      clearTimeout(timer);
      expect(code, err).toBe(1);
      expect(err).not.toContain(STILL_SERVING);
      expect(err).not.toContain("listening");
      const naming = err.split("\n").filter((l) => l.includes(basename(file)));
      expect(naming.length, err).toBeGreaterThan(0);
      expect(new Set(naming).size, `printed more than once:\n${err}`).toBe(naming.length);
      expect(err).not.toMatch(/\n\s+at /);
    }, 30_000);
  }
});

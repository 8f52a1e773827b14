// createGateway's contract for the files it is built from (the edit-style matrix through the real CLI
// is test/cli/serve-watch.test.ts): a failed first build throws once and leaves nothing watching; a
// reload never throws; the watched set follows the configuration (new folders, new fragments); a
// watched folder that goes away is reported and picked up again when it is back; close() stops watching.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createGateway, GatewayBuildError, type Gateway, type GatewayOptions } from "../../gateway/host.js";
import type { Diagnostic } from "../../compiler/diagnostics.js";
import { rawGet } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const scratch = mkdtempSync(join(tmpdir(), "apimc-reload-sources-"));
const open: Gateway[] = [];
afterAll(async () => {
  await Promise.all(open.map((g) => g.close()));
  rmSync(scratch, { recursive: true, force: true });
});

const answer = (v: string) => `<policies><inbound><include-fragment fragment-id="stamp"/><return-response><set-status code="200" reason="OK"/><set-body>@("${v}|" + (string)context.Variables["frag"] + "|{{ver}}")</set-body></return-response></inbound></policies>`;
const fragment = (v: string) => `<fragment><set-variable name="frag" value="${v}"/></fragment>`;
const gatewayJson = (policy: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ namedValues: "nv.json", fragments: "fragments", apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:9", operations: [{ id: "x", method: "GET", urlTemplate: "/x", policy }] }], ...extra });

/** A site: gateway.json, policies/op.xml, fragments/stamp.xml, nv.json. */
function site() {
  const root = mkdtempSync(join(scratch, "site-"));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write("policies/op.xml", answer("op1"));
  write("fragments/stamp.xml", fragment("frag1"));
  write("nv.json", JSON.stringify({ ver: "nv1" }));
  write("gateway.json", gatewayJson("policies/op.xml"));
  return { root, write, config: join(root, "gateway.json") };
}

interface Build {
  ok: boolean;
  text: string;
}
async function start(config: string, extra: Partial<GatewayOptions> = {}) {
  const builds: Build[] = [];
  const problems: string[] = [];
  const gw = createGateway({
    config,
    watch: true,
    onBuild: (ok, diags: Diagnostic[], error) => builds.push({ ok, text: [...diags.map((d) => `${d.file}: ${d.message}`), error?.message ?? ""].join("\n") }),
    onWatchProblem: (m) => problems.push(m),
    ...extra,
  });
  open.push(gw);
  const url = `http://127.0.0.1:${(await gw.listen()).port}/a/x`;
  const body = async () => (await rawGet(url)).body;
  return { gw, builds, problems, body };
}


describe("createGateway at the first build", () => {
  // Each broken file, broken each way: thrown, naming the file; onBuild not told (one report).
  const breaks: [string, string, (s: ReturnType<typeof site>) => void][] = [
    ["gateway.json", "not valid JSON", (s) => s.write("gateway.json", "{")],
    ["gateway.json", "cannot read", (s) => unlinkSync(s.config)],
    ["op.xml", "", (s) => s.write("policies/op.xml", "<policies><inbound>")],
    ["op.xml", "ENOENT", (s) => unlinkSync(join(s.root, "policies/op.xml"))],
    ["stamp.xml", "", (s) => s.write("fragments/stamp.xml", "<fragment><set-variable")],
    ["stamp.xml", "could not be found", (s) => unlinkSync(join(s.root, "fragments/stamp.xml"))],
    ["nv.json", "cannot read named values", (s) => s.write("nv.json", "{")],
    ["nv.json", "ENOENT", (s) => unlinkSync(join(s.root, "nv.json"))],
  ];
  it.each(breaks.map(([file, why, f], i) => [`${file} ${i % 2 ? "missing" : "broken"}`, file, why, f] as const))("%s: throws, naming the file; onBuild is not told", (_name, file, why, breakIt) => {
    const s = site();
    breakIt(s);
    const told: boolean[] = [];
    let thrown: unknown;
    try {
      open.push(createGateway({ config: s.config, watch: true, onBuild: (ok) => told.push(ok) }));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain(file);
    expect((thrown as Error).message).toContain(why);
    if (file.endsWith(".xml")) {
      expect(thrown).toBeInstanceOf(GatewayBuildError);
      expect((thrown as GatewayBuildError).diagnostics.some((d) => d.severity === "error" && d.file.endsWith(file === "stamp.xml" && why ? "op.xml" : file))).toBe(true);
    }
    expect(told).toEqual([]);
  });
});

describe("createGateway reloads from the files it watches", () => {
  it("a reload that names a policy in folders that do not exist yet fails, naming it, and loads it when they appear", async () => {
    const s = site();
    const g = await start(s.config);
    expect(await g.body()).toBe("op1|frag1|nv1");
    s.write("gateway.json", gatewayJson("later/deeper/op.xml"));
    await until("the failed reload", () => g.builds.some((b) => !b.ok));
    expect(g.builds.at(-1)!.text).toContain(join(s.root, "later/deeper/op.xml"));
    expect(await g.body()).toBe("op1|frag1|nv1");
    s.write("later/deeper/op.xml", answer("op2"));
    await until("the policy in the new folder served", async () => (await g.body()) === "op2|frag1|nv1");
  });

  it("a fragment that is not there yet: the reload fails naming its file, and the fragment is picked up when it is written", async () => {
    const s = site();
    const g = await start(s.config);
    s.write("policies/op.xml", answer("op2").replace('fragment-id="stamp"', 'fragment-id="late"'));
    await until("the failed reload", () => g.builds.some((b) => !b.ok));
    expect(g.builds.at(-1)!.text).toContain(join(s.root, "fragments", "late.xml"));
    expect(await g.body()).toBe("op1|frag1|nv1");
    s.write("fragments/late.xml", fragment("late1"));
    await until("the new fragment served", async () => (await g.body()) === "op2|late1|nv1");
  });

  it("a watched folder deleted is reported once and watched again when it is back; a folder put in place of a moved one too", async () => {
    const s = site();
    const g = await start(s.config);
    const folder = join(s.root, "policies");
    rmSync(folder, { recursive: true });
    await until("the failed reload", () => g.builds.some((b) => !b.ok));
    await until("the problem reported", () => g.problems.length > 0);
    expect(g.problems).toHaveLength(1);
    expect(g.problems[0]).toContain(folder);
    expect(await g.body()).toBe("op1|frag1|nv1");
    s.write("policies/op.xml", answer("op2"));
    await until("the re-created folder served", async () => (await g.body()) === "op2|frag1|nv1");
    // Moved away and another folder of the same name put in its place: the new one is watched.
    renameSync(folder, join(s.root, "old-policies"));
    s.write("policies/op.xml", answer("op3"));
    await until("the replacement folder served", async () => (await g.body()) === "op3|frag1|nv1");
    s.write("policies/op.xml", answer("op4"));
    await until("an edit in the replacement folder served", async () => (await g.body()) === "op4|frag1|nv1");
    // The folder moved away is not watched any more.
    const before = g.builds.length;
    writeFileSync(join(s.root, "old-policies", "op.xml"), answer("stale"));
    s.write("nv.json", JSON.stringify({ ver: "nv2" }));
    await until("the named values served", async () => (await g.body()) === "op4|frag1|nv2");
    expect(g.builds.length).toBe(before + 1);
  });

  it("a policy behind symbolic links swapped as a Kubernetes ConfigMap update does (..data renamed over) is reloaded", async () => {
    const s = site();
    const mount = join(s.root, "mount");
    const version = (n: number) => {
      mkdirSync(join(mount, `..v${n}`), { recursive: true });
      writeFileSync(join(mount, `..v${n}`, "op.xml"), answer(`op${n}`));
      symlinkSync(`..v${n}`, join(mount, "..data_tmp"));
      renameSync(join(mount, "..data_tmp"), join(mount, "..data"));
    };
    version(1);
    symlinkSync("..data/op.xml", join(mount, "op.xml"));
    s.write("gateway.json", gatewayJson("mount/op.xml"));
    const g = await start(s.config);
    expect(await g.body()).toBe("op1|frag1|nv1");
    version(2);
    rmSync(join(mount, "..v1"), { recursive: true });
    await until("the swapped version served", async () => (await g.body()) === "op2|frag1|nv1");
    version(3);
    await until("the next swap served", async () => (await g.body()) === "op3|frag1|nv1");
  });

  it("reload() never throws: a configuration that cannot be read, or that names a missing certificate, keeps the last good version", async () => {
    const s = site();
    const g = await start(s.config, { watch: false });
    unlinkSync(s.config);
    expect(g.gw.reload()).toBe(false);
    expect(g.builds.at(-1)).toMatchObject({ ok: false });
    expect(g.builds.at(-1)!.text).toContain("gateway.json");
    s.write("gateway.json", gatewayJson("policies/op.xml", { certificates: [{ id: "c", certFile: "certs/missing.pem" }] }));
    expect(g.gw.reload()).toBe(false);
    expect(g.builds.at(-1)!.text).toContain("missing.pem");
    expect(await g.body()).toBe("op1|frag1|nv1");
    s.write("gateway.json", gatewayJson("policies/op.xml"));
    s.write("policies/op.xml", answer("op2"));
    expect(g.gw.reload()).toBe(true);
    expect(await g.body()).toBe("op2|frag1|nv1");
  });

  it("close() stops watching: no rebuild after it", async () => {
    const s = site();
    const g = await start(s.config);
    s.write("policies/op.xml", answer("op2"));
    await until("the edit served", async () => (await g.body()) === "op2|frag1|nv1");
    await g.gw.close();
    const before = g.builds.length;
    s.write("policies/op.xml", answer("op3"));
    rmSync(join(s.root, "fragments"), { recursive: true });
    // Nothing can be waited for when nothing should happen: longer than the debounce and a poll.
    await new Promise((r) => setTimeout(r, 600));
    expect(g.builds.length).toBe(before);
    expect(g.problems).toEqual([]);
  });
});

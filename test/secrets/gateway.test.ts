// Secret named values in the gateway: read when modules load, so a changed secret is live after a
// reload (also when the named-values file is saved by rename) and a build is not stale because a
// secret changed; the build records only which names are secret. Log lines carry no secret, and
// the configuration's errors never print one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, PrebuiltError, type Gateway } from "../../gateway/host.js";
import { loadGatewayConfig, validateConfig } from "../../gateway/config.js";
import { buildGateway, writeBuild } from "../../gateway/build.js";
import { maskSecrets, normalizeNamedValues, secretValues } from "../../runtime/named-values.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";
import { findLeak, makeSecrets } from "./positions.js";

let backend: TestServer;
beforeAll(async () => {
  backend = await startServer((req, res) => res.end(JSON.stringify({ key: req.headers["x-key"] ?? null, url: req.url })));
});
afterAll(() => backend.close());

const open: Gateway[] = [];
afterAll(async () => {
  for (const g of open) await g.close();
});

/** A configuration whose policy puts secret `key` in a header and plain `tag` in the URL; named values saved by rename. */
function fixture(key: string) {
  const dir = mkdtempSync(join(tmpdir(), "apimc-secret-gw-"));
  const saveNamedValues = (nv: object) => {
    // As editors save: a temporary file renamed over the original.
    writeFileSync(join(dir, "nv.json.tmp"), JSON.stringify(nv));
    renameSync(join(dir, "nv.json.tmp"), join(dir, "nv.json"));
  };
  saveNamedValues({ key: { value: key, secret: true }, tag: "t1" });
  writeFileSync(join(dir, "op.xml"), `<policies><inbound><set-header name="X-Key" exists-action="override"><value>{{key}}</value></set-header><rewrite-uri template="/{{tag}}" /></inbound><backend><forward-request/></backend></policies>`);
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ namedValues: "nv.json", apis: [{ id: "a", path: "/a", serviceUrl: backend.url, operations: [{ id: "o", method: "GET", urlTemplate: "/x", policy: "op.xml" }] }] }));
  return { dir, config: join(dir, "gateway.json"), out: join(dir, "build"), saveNamedValues, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const get = async (g: Gateway) => {
  const addr = g.server.address();
  if (!addr || typeof addr === "string") throw new Error("not listening");
  return JSON.parse((await rawGet(`http://127.0.0.1:${addr.port}/a/x`)).body) as { key: string | null; url: string };
};

describe("secret named values in the gateway", () => {
  it("reload() and a rename-save of the named-values file pick up a new secret; log lines carry none", async () => {
    const [one, two, three] = [makeSecrets().s, makeSecrets().s, makeSecrets().s];
    const f = fixture(one);
    const lines: string[] = [];
    const g = createGateway({ config: f.config, watch: true, log: (l) => lines.push(l) });
    open.push(g);
    await g.listen(0);
    expect(await get(g)).toEqual({ key: one, url: "/t1" });
    f.saveNamedValues({ key: { value: two, secret: true }, tag: "t1" });
    expect(g.reload()).toBe(true);
    expect(await get(g)).toEqual({ key: two, url: "/t1" });
    // The watcher: the next request after the save sees the new value.
    f.saveNamedValues({ key: { value: three, secret: true }, tag: "t2" });
    const deadline = Date.now() + 5000;
    let seen = await get(g);
    while (seen.key !== three && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await get(g);
    }
    expect(seen).toEqual({ key: three, url: "/t2" });
    expect(lines.length).toBeGreaterThan(2);
    expect(findLeak(lines.join("\n"), [one, two, three])).toBeNull();
    f.cleanup();
  });

  it("a build stays valid when a secret changes (the new value is used); not when a name, a plain value or secrecy changes", async () => {
    const first = makeSecrets().s;
    const f = fixture(first);
    const loaded = loadGatewayConfig(f.config);
    const b = buildGateway(loaded, "function");
    expect(b.diagnostics).toEqual([]);
    writeBuild(loaded, b, f.out, "function");

    const second = makeSecrets().s;
    f.saveNamedValues({ key: { value: second, secret: true }, tag: "t1" });
    const g = createGateway({ config: f.config, prebuilt: f.out });
    open.push(g);
    await g.listen(0);
    expect(await get(g)).toEqual({ key: second, url: "/t1" });

    for (const nv of [
      { key: { value: second, secret: true }, tag: "t9" }, // a plain value
      { key: second, tag: "t1" }, // no longer secret: it would be inlined
      { other: { value: second, secret: true }, tag: "t1" }, // the secret the modules read is gone
    ]) {
      f.saveNamedValues(nv);
      let err: unknown;
      try {
        createGateway({ config: f.config, prebuilt: f.out });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PrebuiltError);
      expect((err as PrebuiltError).code).toBe("APIMC4003");
      expect(String((err as Error).message)).not.toContain(second);
    }
    f.cleanup();
  });

  it("named values files: the object form is validated and errors never print a value", () => {
    const ok = { apis: [{ id: "a", path: "/a", serviceUrl: "http://127.0.0.1:1" }] };
    const err = (nv: unknown) => {
      try {
        validateConfig({ ...ok, namedValues: nv }, "gateway.json");
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    };
    expect(err({ k: { value: "v1-sekrit", secret: true } })).toBe("");
    expect(err({ k: { value: "v1-sekrit" } })).toBe("");
    const cases: [unknown, string][] = [
      [{ k: { value: "v1-sekrit", secret: "yes" } }, "k.secret: must be true or false"],
      [{ k: { value: "v1-sekrit", secrets: true } }, "k.secrets: unknown property"],
      [{ k: { secret: true } }, "k: a named value must be a non-empty string"],
      [{ k: { value: "", secret: true } }, "k: a named value must be a non-empty string"],
      [{ k: ["v1-sekrit"] }, "k: a named value must be a non-empty string"],
    ];
    for (const [nv, msg] of cases) {
      const m = err(nv);
      expect(m).toContain(msg);
      expect(m).not.toContain("v1-sekrit");
    }
  });

  it("the runtime knows the secret values (for traces and logs) and masks them", () => {
    const nv = normalizeNamedValues({ a: { value: "short", secret: true }, b: { value: "a-longer-short-secret", secret: true }, c: "public" });
    expect(secretValues(nv)).toEqual(["a-longer-short-secret", "short"]);
    expect(maskSecrets("x=a-longer-short-secret; y=short; z=public", secretValues(nv))).toBe("x=***; y=***; z=public");
  });
});

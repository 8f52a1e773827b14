// Starting the gateway from `apimc build` output (createGateway({ prebuilt })): it answers exactly as
// when it compiles at start, loads the modules from the build directory, and refuses a build that
// may be stale (another compiler version, a changed configuration, named values, policy or
// fragment file, a module file that is missing or not the one written) with an APIMC4xxx code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "undici";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, PrebuiltError, type Gateway } from "../../gateway/host.js";
import { loadGatewayConfig } from "../../gateway/config.js";
import { buildGateway, writeBuild, type BuildManifest } from "../../gateway/build.js";
import { rawGet, startServer, type TestServer } from "../helpers/servers.js";
import { until } from "../helpers/until.js";

const header = (name: string, value: string) => `<set-header name="${name}" exists-action="append"><value>${value}</value></set-header>`;

let backend: TestServer;
beforeAll(async () => {
  backend = await startServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("x-powered-by", "backend");
    res.end(JSON.stringify({ method: req.method, url: req.url, order: req.headers["x-order"] ?? null, stamp: req.headers["x-stamp"] ?? null, id: req.headers["x-id"] ?? null }));
  });
});
afterAll(() => backend.close());

const open: Gateway[] = [];
afterAll(async () => {
  for (const g of open) await g.close();
});

/** A fresh configuration folder: global, product, API and operation policies, a fragment, named values. */
function fixture(): { dir: string; config: string; out: string; write: (rel: string, text: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), "apimc-prebuilt-"));
  const write = (rel: string, text: string) => {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  write("policies/global.xml", `<policies><inbound>${header("X-Order", "global")}</inbound><backend><forward-request timeout="5"/></backend><outbound/></policies>`);
  write("policies/gold.xml", `<policies><inbound><base/>${header("X-Order", "product-gold")}</inbound></policies>`);
  write("policies/orders.xml", `<policies><inbound><base/>${header("X-Order", "api")}<include-fragment fragment-id="stamp"/></inbound><outbound><base/><set-header name="X-Sub" exists-action="override"><value>@(context.Subscription?.Name ?? "anonymous")</value></set-header></outbound></policies>`);
  write(
    "policies/get-order.xml",
    `<policies><inbound><base/><set-header name="X-Id" exists-action="override"><value>@(context.Request.MatchedParameters["id"])</value></set-header></inbound><outbound><base/><set-header name="X-Op" exists-action="override"><value>@(context.Operation.Id)</value></set-header><set-header name="X-Powered-By" exists-action="delete"/></outbound></policies>`,
  );
  write("policies/mock.xml", `<policies><inbound><base/><return-response><set-status code="418" reason="Teapot"/><set-header name="X-Mock" exists-action="override"><value>{{stamp}}</value></set-header><set-body>@("mocked " + context.Request.Method)</set-body></return-response></inbound></policies>`);
  write("fragments/stamp.xml", `<fragment><set-header name="X-Stamp" exists-action="override"><value>{{stamp}}</value></set-header></fragment>`);
  write("named-values.json", JSON.stringify({ stamp: "from-named-value" }));
  write(
    "gateway.json",
    JSON.stringify({
      policy: "policies/global.xml",
      namedValues: "named-values.json",
      fragments: "fragments",
      products: [{ id: "gold", policy: "policies/gold.xml", apis: ["orders"] }],
      subscriptions: [{ id: "s1", name: "Alice's", primaryKey: "key-alice", product: "gold" }],
      apis: [
        {
          id: "orders",
          path: "/orders",
          serviceUrl: backend.url + "/svc",
          policy: "policies/orders.xml",
          subscriptionRequired: false,
          operations: [
            { id: "get-order", method: "GET", urlTemplate: "/{id}", policy: "policies/get-order.xml" },
            { id: "teapot", method: "POST", urlTemplate: "/tea", policy: "policies/mock.xml" },
          ],
        },
        { id: "open", path: "/open", serviceUrl: backend.url },
      ],
    }),
  );
  return { dir, config: join(dir, "gateway.json"), out: join(dir, "build"), write };
}

function build(config: string, out: string, format: "function" | "esm" = "function"): BuildManifest {
  const loaded = loadGatewayConfig(config);
  const b = buildGateway(loaded, format);
  expect(b.diagnostics).toEqual([]);
  return writeBuild(loaded, b, out, format);
}

async function start(opts: Parameters<typeof createGateway>[0]): Promise<string> {
  const gw = createGateway(opts);
  open.push(gw);
  return `http://127.0.0.1:${(await gw.listen()).port}`;
}

/** createGateway's refusal: the PrebuiltError it throws. */
function refusal(config: string, out: string): PrebuiltError {
  try {
    open.push(createGateway({ config, prebuilt: out }));
  } catch (e) {
    expect(e).toBeInstanceOf(PrebuiltError);
    return e as PrebuiltError;
  }
  throw new Error("the gateway started from a build it should have refused");
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const readManifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as BuildManifest;

describe("gateway from a build directory", () => {
  it("answers exactly as the gateway that compiles at start (status, header lines, body, what the backend got)", async () => {
    const f = fixture();
    const manifest = build(f.config, f.out);
    expect(manifest.modules.map((m) => m.key).sort()).toEqual(["open/*/-", "orders/get-order/-", "orders/get-order/gold", "orders/teapot/-", "orders/teapot/gold"]);
    const compiled = await start({ config: f.config });
    const prebuilt = await start({ config: f.config, prebuilt: f.out });
    const cases: [string, Record<string, string>][] = [
      ["/orders/42?x=1", {}],
      ["/orders/a%20b", { "Ocp-Apim-Subscription-Key": "key-alice" }],
      ["/orders/1/2", {}],
      ["/open/anything?q=1", {}],
      ["/nowhere", {}],
    ];
    for (const [path, headers] of cases) {
      const a = await rawGet(compiled + path, headers);
      const seenA = backend.requests.length ? JSON.stringify(backend.requests.at(-1)!.headers) : "";
      const b = await rawGet(prebuilt + path, headers);
      const seenB = backend.requests.length ? JSON.stringify(backend.requests.at(-1)!.headers) : "";
      // Only the date and the error responses' activity id (a fresh GUID each request) differ.
      const lines = (r: typeof a) => r.rawHeaders.filter(([k]) => k !== "date");
      const body = (r: typeof a) => r.body.replace(/"activityId":"[0-9a-f-]{36}"/, '"activityId":"<guid>"');
      expect({ path, status: b.status, headers: lines(b), body: body(b) }).toEqual({ path, status: a.status, headers: lines(a), body: body(a) });
      expect(seenB.replace(/127\.0\.0\.1:\d+/g, "")).toBe(seenA.replace(/127\.0\.0\.1:\d+/g, ""));
    }
    // And what they answer is the composed policy, not an empty module.
    const gold = await rawGet(prebuilt + "/orders/7", { "Ocp-Apim-Subscription-Key": "key-alice" });
    expect(JSON.parse(gold.body)).toMatchObject({ url: "/svc/7", order: "global,product-gold,api", stamp: "from-named-value", id: "7" });
    expect(gold.rawHeaders).toContainEqual(["x-sub", "Alice's"]);
    expect(gold.rawHeaders.map(([k]) => k)).not.toContain("x-powered-by");
  });

  it("runs the modules of the build directory: a module changed together with its manifest entry is what answers", async () => {
    const f = fixture();
    build(f.config, f.out);
    const m = readManifest(f.out);
    const entry = m.modules.find((x) => x.key === "orders/teapot/-")!;
    const file = join(f.out, entry.file);
    const code = readFileSync(file, "utf8").replaceAll('"from-named-value"', '"from-the-build-dir"');
    expect(code).toContain("from-the-build-dir");
    writeFileSync(file, code);
    entry.sha256 = sha(code);
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify(m));
    const base = await start({ config: f.config, prebuilt: f.out });
    const post = await request(base + "/orders/tea", { method: "POST" });
    expect(post.statusCode).toBe(418);
    expect(post.headers["x-mock"]).toBe("from-the-build-dir");
    expect(await post.body.text()).toBe("mocked POST");
  });

  it("refuses a build when a policy file changed after it (APIMC4003, the file, what to do), and starts again once it is as built", () => {
    const f = fixture();
    build(f.config, f.out);
    const original = readFileSync(join(f.dir, "policies/get-order.xml"), "utf8");
    f.write("policies/get-order.xml", original.replace("X-Op", "X-Operation"));
    const e = refusal(f.config, f.out);
    expect(e.code).toBe("APIMC4003");
    expect(e.file).toBe(join(f.dir, "policies/get-order.xml"));
    expect(e.message).toContain(`${join(f.dir, "policies/get-order.xml")} - error APIMC4003: The file changed since the build`);
    expect(e.message).toContain(`Run \`apimc build --config ${f.config} --outdir ${f.out}\` again`);
    f.write("policies/get-order.xml", original);
    expect(() => open.push(createGateway({ config: f.config, prebuilt: f.out }))).not.toThrow();
  });

  it("refuses a build when a fragment, the named values or a policy file it read changed or is gone", () => {
    const f = fixture();
    build(f.config, f.out);
    f.write("fragments/stamp.xml", `<fragment><set-header name="X-Stamp" exists-action="override"><value>other</value></set-header></fragment>`);
    expect(refusal(f.config, f.out)).toMatchObject({ code: "APIMC4003", file: join(f.dir, "fragments/stamp.xml") });

    const g = fixture();
    build(g.config, g.out);
    g.write("named-values.json", JSON.stringify({ stamp: "rotated" }));
    expect(refusal(g.config, g.out)).toMatchObject({ code: "APIMC4003", file: g.config, reason: expect.stringContaining("named values changed") });

    const h = fixture();
    build(h.config, h.out);
    rmSync(join(h.dir, "policies/gold.xml"));
    expect(refusal(h.config, h.out)).toMatchObject({ code: "APIMC4003", file: join(h.dir, "policies/gold.xml"), reason: expect.stringContaining("gone") });
  });

  it("refuses a build when the configuration changed after it, even where no module changes (a service URL)", () => {
    const f = fixture();
    build(f.config, f.out);
    const cfg = JSON.parse(readFileSync(f.config, "utf8"));
    cfg.apis[1].serviceUrl = "http://127.0.0.1:1";
    writeFileSync(f.config, JSON.stringify(cfg));
    const e = refusal(f.config, f.out);
    expect(e).toMatchObject({ code: "APIMC4003", file: f.config });
    expect(e.message).toContain("The configuration changed since the build");
    // The same configuration re-indented is the same configuration.
    cfg.apis[1].serviceUrl = backend.url;
    writeFileSync(f.config, JSON.stringify(cfg, null, 4));
    expect(() => open.push(createGateway({ config: f.config, prebuilt: f.out }))).not.toThrow();
  });

  it("refuses a manifest from another compiler version (APIMC4002) and an ES-module build (APIMC4005)", () => {
    const f = fixture();
    build(f.config, f.out);
    const m = readManifest(f.out);
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify({ ...m, compiler: "apimc 0.0.9" }));
    const e = refusal(f.config, f.out);
    expect(e).toMatchObject({ code: "APIMC4002", file: join(f.out, "manifest.json") });
    expect(e.message).toContain("The build was made by apimc 0.0.9; this is apimc ");
    // The same version built from other sources (another commit) is another compiler too.
    expect(m.compiler).toMatch(/^apimc \d+\.\d+\.\d+ \(build [^)]+\)$/);
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify({ ...m, compiler: m.compiler.replace(/\(build [^)]+\)/, "(build 0123456789ab)") }));
    expect(refusal(f.config, f.out)).toMatchObject({ code: "APIMC4002" });
    // A future manifest layout from another version says so too, not "unreadable".
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify({ manifestVersion: 2, compiler: "apimc 9.0.0" }));
    expect(refusal(f.config, f.out).code).toBe("APIMC4002");

    const g = fixture();
    build(g.config, g.out, "esm");
    expect(readFileSync(join(g.out, readManifest(g.out).modules[0]!.file), "utf8")).toContain(`from "apimc/runtime"`);
    expect(refusal(g.config, g.out)).toMatchObject({ code: "APIMC4005" });
  });

  it("refuses a tampered module (APIMC4004), a missing module or manifest (APIMC4001) and a manifest short of a module (APIMC4004)", () => {
    const f = fixture();
    const m = build(f.config, f.out);
    const file = join(f.out, m.modules[1]!.file);
    const code = readFileSync(file, "utf8");
    writeFileSync(file, code.replace("return", "return  "));
    expect(refusal(f.config, f.out)).toMatchObject({ code: "APIMC4004", file });
    rmSync(file);
    expect(refusal(f.config, f.out)).toMatchObject({ code: "APIMC4001", file });
    writeFileSync(file, code);
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify({ ...m, modules: m.modules.slice(1) }));
    expect(refusal(f.config, f.out)).toMatchObject({ code: "APIMC4004", reason: expect.stringContaining(`no module for ${m.modules[0]!.key}`) });
    writeFileSync(join(f.out, "manifest.json"), JSON.stringify({ ...m, modules: [...m.modules, { ...m.modules[0]!, file: "../gateway.json" }] }));
    expect(refusal(f.config, f.out).code).toBe("APIMC4004");
    rmSync(join(f.out, "manifest.json"));
    const e = refusal(f.config, f.out);
    expect(e).toMatchObject({ code: "APIMC4001", file: join(f.out, "manifest.json") });
    expect(e.message).toContain("not an `apimc build` output directory");
    expect(() => createGateway({ prebuilt: f.out })).toThrow(/needs `config`/);
  });

  it("keeps operations whose keys sanitize to one file name apart, and removes the previous build's module files", async () => {
    const f = fixture();
    const mock = (v: string) => `<policies><inbound><return-response><set-header name="X-Who" exists-action="override"><value>${v}</value></set-header></return-response></inbound></policies>`;
    f.write("a.xml", mock("a/b_c"));
    f.write("b.xml", mock("a_b/c"));
    f.write(
      "gateway.json",
      JSON.stringify({
        apis: [
          { id: "a", path: "/x", serviceUrl: backend.url, operations: [{ id: "b_c", method: "GET", urlTemplate: "/", policy: "a.xml" }] },
          { id: "a_b", path: "/y", serviceUrl: backend.url, operations: [{ id: "c", method: "GET", urlTemplate: "/", policy: "b.xml" }] },
        ],
      }),
    );
    const first = build(f.config, f.out);
    expect(new Set(first.modules.map((m) => m.file)).size).toBe(2);
    const base = await start({ config: f.config, prebuilt: f.out });
    expect((await rawGet(base + "/x/")).rawHeaders).toContainEqual(["x-who", "a/b_c"]);
    expect((await rawGet(base + "/y/")).rawHeaders).toContainEqual(["x-who", "a_b/c"]);
    // Rebuilt without the second API: its module file goes.
    const cfg = JSON.parse(readFileSync(f.config, "utf8"));
    cfg.apis.pop();
    writeFileSync(f.config, JSON.stringify(cfg));
    const second = build(f.config, f.out);
    const gone = first.modules.find((m) => !second.modules.some((s) => s.file === m.file))!;
    expect(() => readFileSync(join(f.out, gone.file))).toThrow(/ENOENT/);
  });

  it("hot reload from a build: a changed policy is compiled and swapped in; the build is then refused at the next start", async () => {
    const f = fixture();
    build(f.config, f.out);
    const builds: boolean[] = [];
    const base = await start({ config: f.config, prebuilt: f.out, watch: true, onBuild: (ok) => builds.push(ok) });
    expect(builds).toEqual([true]);
    const op = async () => (await rawGet(base + "/orders/1")).rawHeaders.find(([k]) => k === "x-op")?.[1];
    expect(await op()).toBe("get-order");
    f.write(
      "policies/get-order.xml",
      `<policies><inbound><base/></inbound><outbound><base/><set-header name="X-Op" exists-action="override"><value>reloaded</value></set-header></outbound></policies>`,
    );
    await until("the operation to answer from the reloaded policy", async () => (await op()) === "reloaded");
    expect(builds.at(-1)).toBe(true);
    expect(refusal(f.config, f.out).code).toBe("APIMC4003");
  });
});


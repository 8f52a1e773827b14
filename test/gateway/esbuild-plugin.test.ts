// The esbuild plugin: a policy imported by a bundled gateway compiles at bundle time.
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { apimcPlugin } from "../../gateway/esbuild-plugin.js";

// Inside the project, so "apimc/runtime" resolves to this package's dist/ (built before tests).
mkdirSync(new URL("../../node_modules/.cache/", import.meta.url), { recursive: true });
const dir = mkdtempSync(new URL("../../node_modules/.cache/apimc-esbuild-", import.meta.url).pathname);
const file = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
  return join(dir, rel);
};

describe("apimc/esbuild", () => {
  it("compiles an imported policy, inlines fragments and named values, and the bundle runs", async () => {
    file("fragments/tag.xml", `<fragment><set-header name="X-Tag" exists-action="override"><value>{{tag}}</value></set-header></fragment>`);
    file("orders.policy.xml", `<policies><inbound><include-fragment fragment-id="tag"/></inbound><backend/></policies>`);
    const entry = file("main.mjs", `import policy from "./orders.policy.xml"; export default policy;`);
    const r = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "node", external: ["apimc/runtime"], sourcemap: "inline", plugins: [apimcPlugin({ fragments: join(dir, "fragments"), namedValues: { tag: "v1" } })], metafile: true, logLevel: "silent" });
    const out = r.outputFiles[0]!.text;
    expect(out).toContain(`"x-tag"`);
    expect(out).toContain(`"v1"`);
    expect(out).toContain("orders.policy.xml"); // the chained source map names the XML
    const bundle = file("bundle.mjs", out);
    const mod = (await import(bundle)).default;
    const { Context, RequestMessage, Url, HeaderMap, runPipeline } = await import("apimc/runtime" as string);
    const ctx = new Context(new RequestMessage("GET", Url.parse("http://localhost/"), new HeaderMap(), null));
    await runPipeline(mod, ctx);
    expect(ctx.Request.Headers.GetValueOrDefault("X-Tag")).toBe("v1");
  });

  it("reports diagnostics as esbuild errors with the file, line and column", async () => {
    const bad = file("bad.policy.xml", `<policies>\n  <inbound>\n    <set-heder name="a"/>\n  </inbound>\n</policies>`);
    const entry = file("main2.mjs", `import policy from "./bad.policy.xml"; export default policy;`);
    const err = await build({ entryPoints: [entry], bundle: true, write: false, external: ["apimc/runtime"], plugins: [apimcPlugin()], logLevel: "silent" }).catch((e) => e);
    expect(err.errors[0].text).toContain("APIMC2002");
    expect(err.errors[0].location).toMatchObject({ line: 3, column: 4, lineText: "    <set-heder name=\"a\"/>" });
    // esbuild names the file relative to its working directory, by its real path (node_modules may be a symlink).
    expect(resolve(err.errors[0].location.file)).toBe(realpathSync(bad));
  });
});

// The effective policy over every module of the examples (gateway.json and the APIOps folder) and of
// a configuration with every corpus document as an operation policy (under a global policy with a
// fragment and an API policy, <base /> in each section): every composed line that came from a file is that file's
// line (same text, indentation aside), every policy line of the files is in the composed text of a
// module that uses them, and every line of the generated module that runs a policy maps (source map)
// to a composed line of that policy's file and line.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll } from "vitest";
import { fileURLToPath } from "node:url";
import { loadGatewayConfig, type LoadedConfig } from "../../gateway/config.js";
import { loadApiopsFolder } from "../../gateway/apiops.js";
import { CATCH_ALL } from "../../gateway/build.js";
import { effectivePolicy } from "../../gateway/workbench/effective.js";
import { decodeLineMap } from "./workbench-helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function modules(loaded: LoadedConfig) {
  const out: { api: LoadedConfig["config"]["apis"][number]; op: (typeof CATCH_ALL); productId: string | null }[] = [];
  for (const api of loaded.config.apis) {
    const products = [null, ...(loaded.config.products ?? []).filter((p) => p.apis.includes(api.id) && p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL]) for (const productId of products) out.push({ api, op, productId });
  }
  return out;
}

function checkConfig(name: string, loaded: LoadedConfig | (() => LoadedConfig)) {
  it(`${name}: composed lines are their files' lines, and the module maps to them`, () => {
    const cfg = typeof loaded === "function" ? loaded() : loaded;
    const ms = modules(cfg);
    expect(ms.length).toBeGreaterThan(0);
    let mappedLines = 0;
    for (const m of ms) {
      const e = effectivePolicy(cfg, m);
      const where = `${m.api.id}/${m.op.id}/${m.productId ?? "-"}`;
      if (!corpus) expect(e.diagnostics.filter((d) => d.severity === "error"), where).toEqual([]);
      const xml = e.xml.replace(/\n$/, "").split("\n");
      expect(e.lines.length, where).toBe(xml.length);
      const texts = new Map<string, string[]>();
      const fileLines = (rel: string) => {
        let t = texts.get(rel);
        if (!t) texts.set(rel, (t = readFileSync(resolve(cfg.dir, rel), "utf8").split(/\r\n|\n|\r/)));
        return t;
      };
      xml.forEach((text, i) => {
        const o = e.lines[i]!;
        if (o.file === "") return;
        const own = fileLines(o.file)[o.line - 1];
        expect(own, `${where} line ${i + 1} → ${o.file}:${o.line}`).toBeDefined();
        // A comment apimc wrote for <base /> or include-fragment stands on that element's line.
        if (text.trim().startsWith("<!-- <base />") || text.trim().startsWith("<!-- include-fragment")) expect(own!, where).toMatch(/<base|<include-fragment/);
        else if (text.trim() !== "") expect(own!.includes(text.trim()) || text.trim().includes(own!.trim()), `${where} line ${i + 1}: ${JSON.stringify(text)} vs ${o.file}:${o.line} ${JSON.stringify(own)}`).toBe(true);
      });
      // Every policy the module runs (ctx.$p) maps to a composed line with its file:line.
      if (e.js === null) continue; // a corpus document that does not compile here (named values, Azure-only policies)
      const rows = [...e.js!.matchAll(/^\s*\{ name: .*?, file: ("(?:[^"\\]|\\.)*"), line: (\d+), flags: \d+ \},?$/gm)].map((r) => ({ file: JSON.parse(r[1]!) as string, line: Number(r[2]) }));
      const map = decodeLineMap(e.sourceMap!.mappings);
      e.js!.split("\n").forEach((line, i) => {
        const p = /\bctx\.\$p = (\d+);/.exec(line);
        if (!p) return;
        const row = rows[Number(p[1])]!;
        const target = map.get(i);
        expect(target, `${where}: ${line.trim()}`).toBeDefined();
        expect(e.lines[target!], `${where}: ${line.trim()}`).toEqual({ file: row.file, line: row.line });
        mappedLines++;
      });
    }
    expect(mappedLines).toBeGreaterThan(0);
  });
}
let corpus = false;

/** Every corpus document as the operation policy of one API, under a global policy with a fragment and an API policy. */
function corpusConfig(): LoadedConfig {
  corpus = true;
  const data = join(ROOT, "test/corpus/data");
  const docs: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      // A resolver document (root <http-data-source>) is no operation policy: it goes in graphql.resolvers
      // and is never composed with other scopes (test/e2e/graphql-resolvers.test.ts runs those).
      else if (e.name.endsWith(".xml") && !/^\s*(<\?xml[^>]*>\s*)?<http-data-source[\s>]/.test(readFileSync(join(d, e.name), "utf8"))) docs.push(join(d, e.name));
    }
  };
  walk(data);
  mkdirSync(join(dir, "ops"), { recursive: true });
  mkdirSync(join(dir, "fragments"), { recursive: true });
  writeFileSync(join(dir, "global.xml"), `<policies>\n  <inbound>\n    <include-fragment fragment-id="f" />\n  </inbound>\n  <backend>\n    <forward-request />\n  </backend>\n  <outbound />\n  <on-error />\n</policies>\n`);
  writeFileSync(join(dir, "fragments/f.xml"), `<fragment>\n  <set-header name="X-F" exists-action="override"><value>f</value></set-header>\n</fragment>\n`);
  writeFileSync(join(dir, "api.xml"), `<policies><inbound><base /><set-variable name="api" value="1" /></inbound>\n<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>\n`);
  const operations = docs.map((f, i) => {
    const rel = `ops/${i}.xml`;
    writeFileSync(join(dir, rel), readFileSync(f));
    return { id: `op${i}`, name: relative(data, f), method: "GET", urlTemplate: `/op${i}`, policy: rel };
  });
  writeFileSync(join(dir, "gateway.json"), JSON.stringify({ policy: "global.xml", fragments: "fragments", apis: [{ id: "corpus", path: "/c", serviceUrl: "http://127.0.0.1:9/", policy: "api.xml", operations }] }));
  expect(docs.length).toBeGreaterThan(100);
  return loadGatewayConfig(join(dir, "gateway.json"));
}
const dir = mkdtempSync(join(tmpdir(), "apimc-wb-effective-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("effective policy", () => {
  checkConfig("examples/gateway.json", loadGatewayConfig(join(ROOT, "examples/gateway.json")));
  checkConfig("examples/apiops", loadApiopsFolder(join(ROOT, "examples/apiops"), { values: join(ROOT, "examples/apiops.values.json") }));
  checkConfig("the corpus, each document an operation policy", corpusConfig);
});

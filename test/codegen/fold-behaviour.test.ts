// The tree pass (codegen/tree.ts: dead branches, unreachable code, merged header operations) never
// changes behaviour: every corpus document that compiles runs through the harness built with and
// without the pass, on the same requests, and the results are the same.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { compile } from "../../compiler/index.js";
import { instantiateModule } from "../../gateway/load.js";
import { runPolicy, type RunPolicyOptions, type RunPolicyResult } from "../../gateway/testing.js";

const ROOT = new URL("../corpus/data/", import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith(".xml") ? [p] : [];
  });

// Policies that reach the network or wait on a clock: not run here (the pass treats them as opaque statements).
const OUTSIDE = /\bRandom\b|<(send-request|send-one-way-request|retry|wait|limit-concurrency|authentication-managed-identity|validate-jwt|validate-azure-ad-token|validate-client-certificate|cache-lookup|cache-store|azure-openai|llm-|publish-to-dapr|invoke-dapr-binding|log-to-eventhub|emit-metric)/;

const REQUESTS: RunPolicyOptions[] = [
  { request: { method: "GET", url: "/orders/42?expand=lines", headers: { accept: "application/json", "x-tenant": "contoso", authorization: "Bearer abc.def.ghi" } } },
  { request: { method: "POST", url: "/orders", headers: { "content-type": "application/json" }, body: '{"id":1,"name":"n"}' }, backend: () => ({ status: 500, headers: { "content-type": "application/json" }, body: '{"error":"boom"}' }) },
];

type Outcome = Omit<RunPolicyResult, "oneWay" | "trace"> | { threw: string };

async function outcome(code: string, opts: RunPolicyOptions): Promise<Outcome> {
  try {
    const r = await runPolicy(instantiateModule(code), { backend: () => ({ status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' }), ...opts });
    const { oneWay: _o, trace: _t, ...rest } = r;
    return JSON.parse(JSON.stringify(rest)) as Outcome;
  } catch (e) {
    return { threw: (e as Error).message };
  }
}

/** Fields two runs of the same module disagree on (request ids, clocks): left out of the comparison. */
function stableFields(a: unknown, b: unknown, c: unknown): unknown {
  if (JSON.stringify(a) === JSON.stringify(b)) return c;
  if (a && b && c && typeof a === "object" && typeof b === "object" && typeof c === "object" && !Array.isArray(a)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(c as object)) out[k] = stableFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], (c as Record<string, unknown>)[k]);
    return out;
  }
  return "(varies between runs)";
}

describe("the tree pass never changes behaviour (corpus, with and without it)", () => {
  const docs = files(ROOT)
    .sort()
    .filter((f) => !OUTSIDE.test(readFileSync(f, "utf8")));
  let ran = 0;
  for (const f of docs) {
    const name = relative(ROOT, f);
    it(name, async () => {
      const source = readFileSync(f, "utf8");
      const opts = { file: name, allowSnippets: true, checkOnly: true, format: "function" as const };
      const folded = compile(source, opts);
      const plain = compile(source, { ...opts, optimize: false });
      expect(folded.code === null).toBe(plain.code === null);
      if (folded.code === null || plain.code === null) return;
      ran++;
      for (const rq of REQUESTS) {
        const a = await outcome(folded.code, rq);
        const a2 = await outcome(folded.code, rq);
        const b = await outcome(plain.code, rq);
        expect(stableFields(a, a2, b)).toEqual(stableFields(a, a2, a));
      }
    });
  }
  it("ran a real share of the corpus", () => {
    expect(ran).toBeGreaterThan(40);
  });
});

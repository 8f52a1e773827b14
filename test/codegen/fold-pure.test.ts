// Build-time evaluation of pure runtime helpers (compiler/codegen/fold.ts) never changes behaviour:
// generated expressions that chain the pure members (string operations, Encoding, Convert,
// HMAC, JSON serialization, URL/HTML encoding) over literal arguments, some of them throwing, run
// with the fold on and off and give the same response; most of them are computed at build time.
// Expressions that read the request, the clock, a random source or a secret named value are never
// folded. The table of pure helpers is part of the module contract.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { instantiateModule } from "../../gateway/load.js";
import { runPolicy } from "../../gateway/testing.js";
import { PURE_HELPERS, RUNTIME_HELPERS } from "../../runtime/contract.js";
import * as runtime from "../../runtime/index.js";
import { pick, rng } from "../helpers/rng.js";

const STRINGS = [`"abc"`, `"A b C"`, `""`, `"héllo wörld"`, `"a/b+c="`, `"aGVsbG8="`, `"<&>"`, `" x y "`];
/** string → string steps: `$` is the operand. */
const STEPS = [
  "$.ToUpper()", "$.ToLower()", "$.Trim()", "$.Substring(1)", "$.Substring(5)", `$.Replace("b", "X")`, `$.Replace("", "x")`, "$.PadLeft(12, '*')",
  `$.IndexOf("b").ToString()`, "$.Length.ToString()", "$.Split(' ').Length.ToString()", `$.StartsWith("a").ToString()`, `string.Join("|", $.Split('b'))`,
  "Convert.ToBase64String(Encoding.UTF8.GetBytes($))", "Encoding.UTF8.GetString(Convert.FromBase64String($))",
  `Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes($)).ComputeHash(Encoding.UTF8.GetBytes("m")))`,
  "JsonConvert.SerializeObject(new { a = $, n = 1 })", "Uri.EscapeDataString($)", "Uri.UnescapeDataString($)", "$.Insert(1, \"-\")", "$.Remove(2)",
  `$.Replace("/", "_").Replace("+", "-").Replace("=", "")`,
];

function expressions(seed: number, count: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let e = pick(r, STRINGS);
    const depth = 1 + Math.floor(r() * 3);
    for (let d = 0; d < depth; d++) e = pick(r, STEPS).replace("$", `(${e})`);
    // some through a local, as blocks write them
    out.push(r() < 0.3 ? `@{ var v = ${e}; return v + "!"; }` : `@(${e})`);
  }
  return out;
}

const doc = (expr: string) => `<policies><inbound><return-response><set-status code="200" reason="OK" /><set-body>${expr.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</set-body></return-response></inbound><backend /><outbound /></policies>`;

async function outcome(code: string): Promise<unknown> {
  const r = await runPolicy(instantiateModule(code), { request: { method: "GET", url: "/x" } });
  // the error response carries a per-request activity id
  return { status: r.status, body: r.body.replace(/"activityId":"[^"]*"/, ""), error: r.lastError ? { source: r.lastError.Source, reason: r.lastError.Reason, message: r.lastError.Message } : null };
}

const helpersOf = (code: string) => new Set(/const \{ ([^}]*) \} = rt;/.exec(code)?.[1]?.split(", ") ?? []);

describe("build-time evaluation of pure helpers", () => {
  it("the fold on and off give the same responses over generated chains of pure members; most are folded", async () => {
    let folded = 0;
    const exprs = expressions(0xf01d, 160);
    for (const expr of exprs) {
      const opts = { file: "x.xml", format: "function" as const };
      const on = compile(doc(expr), opts);
      const off = compile(doc(expr), { ...opts, optimize: false });
      expect(on.diagnostics.filter((d) => d.severity === "error"), expr).toEqual([]);
      expect(await outcome(on.code!), expr).toEqual(await outcome(off.code!));
      if (helpersOf(on.code!).size < helpersOf(off.code!).size) folded++;
    }
    expect(folded).toBeGreaterThan(exprs.length / 2);
  });

  it("never folds what reads the request, the clock, a random source, a secret named value or a reassigned local", () => {
    const cases: [string, RegExp][] = [
      [`@(context.Request.Method.ToLower() + "x".ToUpper())`, /ctx\.Request\.Method/],
      [`@(Convert.ToBase64String(Encoding.UTF8.GetBytes(DateTime.UtcNow.ToString("yyyy"))))`, /DateTime\.now/],
      [`@(Guid.NewGuid().ToString().ToUpper())`, /newGuid\(\)/],
      [`@(new Random().Next().ToString().PadLeft(3))`, /newRandom\(\)/],
      [`@(Convert.ToBase64String(Encoding.UTF8.GetBytes("{{key}}")))`, /utf8ToBase64\(SECRET_key\)/],
      [`@{ var s = "a"; if (context.Request.Method == "GET") { s = "b"; } return s.ToUpper(); }`, /upperInv\(v_s\)/],
      [`@(Convert.FromBase64String("!!").Length.ToString())`, /fromBase64\("!!"\)/],
    ];
    for (const [expr, stays] of cases) {
      const r = compile(doc(expr), { file: "x.xml", format: "function", namedValues: { key: { value: "k", secret: true } } });
      expect(r.code, expr).toMatch(stays);
    }
  });

  it("a literal chain is computed at build time (no runtime helper left)", () => {
    const r = compile(doc(`@(Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes("k")).ComputeHash(Encoding.UTF8.GetBytes("m"))))`), { file: "x.xml", format: "function" });
    expect(r.code).toContain('"tgCQ4wUil661oICInOL8S8qVfnVvrrTffTGADKHncew="');
    expect(r.code).not.toMatch(/newHash|utf8Bytes|toBase64/);
  });

  it("PURE_HELPERS is a subset of the module contract, each exported by the runtime", () => {
    for (const h of PURE_HELPERS) {
      expect(RUNTIME_HELPERS.has(h), h).toBe(true);
      expect((runtime as Record<string, unknown>)[h], h).toBeDefined();
    }
  });
});

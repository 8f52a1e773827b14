// Declarations of locals that the generated code never names are dropped when their initializer has
// no effect and cannot throw (a literal, a local, a value folded at build time); an initializer that
// may throw or has an effect stays even when its local is unused. Every combination of initializer
// and use below is compiled with and without the optimizing passes and run through the harness:
// same outcome, and no `let v_x = ...` left that nothing reads.
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { instantiateModule } from "../../gateway/load.js";
import { runPolicy } from "../../gateway/testing.js";

/** Initializers without effects: dropped when unused. */
const PURE_INITS: Record<string, string> = {
  string: `"abc"`,
  int: `42`,
  bool: `true`,
  upper: `"abc".ToUpper()`,
  base64: `Convert.ToBase64String(Encoding.UTF8.GetBytes("hi"))`,
  json: `JsonConvert.SerializeObject(new { a = 1, b = "x" })`,
  anon: `new { a = 1, b = "x" }`,
  local: `seed`,
};
/** Initializers that may throw or read a changing value: kept even when unused. */
const KEPT_INITS: Record<string, string> = {
  parse: `int.Parse(context.Request.Headers.GetValueOrDefault("X-Num", "oops"))`,
  variable: `(string)context.Variables["missing"]`,
  clock: `DateTime.UtcNow.Ticks`,
  divide: `10 / int.Parse(context.Request.Headers.GetValueOrDefault("X-Zero", "0"))`,
};
/** How the local `x` is used afterwards. */
const USES: Record<string, (t: string) => string> = {
  unused: () => `return seed;`,
  returned: () => `return (x).ToString();`,
  // only by another local that is itself unused: both go
  chain: () => `var y = x; return seed;`,
  // by a local that is used
  chainUsed: () => `var y = x; return (y).ToString();`,
};

function policy(init: string, use: string): string {
  return `<policies><inbound><set-header name="X-Out" exists-action="override"><value>@{ var seed = context.Request.Method; var x = ${init}; ${use} }</value></set-header></inbound><backend><base /></backend><outbound /></policies>`;
}

async function outcome(code: string, headers: Record<string, string>) {
  const r = await runPolicy(instantiateModule(code), { request: { method: "GET", url: "/x", headers }, backend: () => ({ status: 200, body: "ok" }) });
  return { status: r.status, out: r.backendRequest?.headers["x-out"]?.[0] ?? null, error: r.lastError ? `${r.lastError.Reason}: ${r.lastError.Message}` : null };
}

/** `let v_x` / `let v_y` declarations whose name appears nowhere else in the module (`seed` reads the request: kept). */
function deadDecls(code: string): string[] {
  const names = [...code.matchAll(/let (v_[xy]) = /g)].map((m) => m[1]!);
  return names.filter((n) => code.split(new RegExp(`\\b${n}\\b`)).length - 1 === 1);
}

const REQUESTS = [{ "x-num": "7", "x-zero": "5" }, { "x-num": "seven", "x-zero": "0" }];

describe("dead locals: dropped when they cannot matter, kept when they can", () => {
  for (const [initName, init] of Object.entries({ ...PURE_INITS, ...KEPT_INITS }))
    for (const [useName, use] of Object.entries(USES)) {
      const pure = initName in PURE_INITS;
      it(`${initName} / ${useName}`, async () => {
        const xml = policy(init, use(init));
        const opt = compile(xml, { format: "function", file: "dead.xml" });
        const plain = compile(xml, { format: "function", file: "dead.xml", optimize: false });
        expect(opt.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const code = opt.code!;
        // No declaration left that nothing reads, unless its initializer may throw or changes.
        const dead = deadDecls(code);
        if (pure) expect(dead).toEqual([]);
        else if (useName === "unused") expect(code).toMatch(/let v_x = /);
        for (const h of REQUESTS) {
          const a = await outcome(code, h);
          const b = await outcome(plain.code!, h);
          if (initName === "clock") expect({ ...a, out: typeof a.out }).toEqual({ ...b, out: typeof b.out });
          else expect(a).toEqual(b);
        }
      });
    }

  it("an initializer that throws still throws when its local is unused (the policy fails into on-error)", async () => {
    const code = compile(policy(KEPT_INITS.parse!, USES.unused!("")), { format: "function", file: "dead.xml" }).code!;
    const r = await outcome(code, { "x-num": "seven" });
    expect(r.status).toBe(500);
    expect(r.error).toMatch(/^ExpressionValueEvaluationFailure: /);
  });
});

// Evaluates one C# expression with apimc: `compileExpression` (expected "any") into a module scope,
// rendered by the real ModuleBuilder in the "function" format, verified like compile() does, then
// loaded the way gateway/testing.ts `loadPolicy` does (`new Function("rt", code)(runtime)`) and run
// against a Context built like `runPolicy` builds it. The JS result is put in canonical form by the
// case's static C# type (canonical.ts).
//
// The compiler and runtime are imported lazily so that a module that does not load yet (work in
// progress) makes each case fail with the reason, instead of failing the whole file at import.
import { js } from "../../compiler/codegen/code.js";
import { ModuleBuilder } from "../../compiler/codegen/module.js";
import { DiagnosticBag, LineMap, formatDiagnostic, type Diagnostic } from "../../compiler/diagnostics.js";
import { verifyModule } from "../../compiler/verify.js";
import { toDotNetException } from "../../runtime/errors.js";
import type { ContextSpec, DiffCase } from "./cases.js";
import { canonJs, parseType, type Outcome } from "./canonical.js";

export type ApimcResult =
  | Outcome
  /** apimc rejected the expression (a diagnostic) or could not be loaded/run at all. */
  | { kind: "compile-error"; message: string; codes: string[] };

type CSharpModule = typeof import("../../compiler/csharp/index.js");
type RuntimeModule = typeof import("../../runtime/index.js");

let loaded: Promise<{ csharp: CSharpModule; runtime: RuntimeModule } | { error: string }> | null = null;

function load() {
  loaded ??= (async () => {
    try {
      const csharp = await import("../../compiler/csharp/index.js");
      if (typeof csharp.compileExpression !== "function") return { error: "compiler/csharp/index.ts does not export compileExpression yet" };
      const runtime = await import("../../runtime/index.js");
      return { csharp, runtime };
    } catch (e) {
      return { error: `apimc failed to load: ${(e as Error)?.message ?? String(e)}` };
    }
  })();
  return loaded;
}

/** The apimc source text of a case: `@(expr)` or `@{ body }`. */
export function apimcSource(c: DiffCase): string {
  return c.block ? `@{ ${c.expr} }` : `@(${c.expr})`;
}

function makeContext(runtime: RuntimeModule, spec: ContextSpec | undefined): unknown {
  const s = spec ?? { method: "GET", url: "https://localhost/" };
  const url = runtime.Url.parse(new URL(s.url).href);
  const headers = runtime.HeaderMap.from(s.headers, "request");
  const ctx = new runtime.Context(new runtime.RequestMessage(s.method.toUpperCase(), url, headers, null));
  for (const [k, v] of Object.entries(s.variables ?? {})) ctx.Variables.set(k, v);
  return ctx;
}

export async function evaluateWithApimc(c: DiffCase): Promise<ApimcResult> {
  const mods = await load();
  if ("error" in mods) return { kind: "compile-error", message: mods.error, codes: [] };
  return evaluateWith(c, mods.csharp, mods.runtime);
}

/** Same, with the compiler and runtime given (lets tools run against a partly built runtime). */
export async function evaluateWith(c: DiffCase, csharp: Pick<CSharpModule, "compileExpression">, runtime: RuntimeModule): Promise<ApimcResult> {
  const source = apimcSource(c);
  const diags = new DiagnosticBag("expression.cs", new LineMap(source));
  const builder = new ModuleBuilder();
  let code: string;
  try {
    const r = csharp.compileExpression({ source, offsets: (i: number) => i, expected: "any", diagnostics: diags, scope: builder });
    if (!r || diags.hasErrors) return compileError(diags.items, source, r ? "" : "compileExpression returned null");
    code = builder.render({
      sections: [{ name: "inbound", body: js`return ${r.code};`, async: false }],
      meta: js`{}`,
      runtimeSpecifier: "apimc/runtime",
      format: "function",
      file: "expression.cs",
      lines: diags.lines,
      sourceMap: false,
    }).code;
  } catch (e) {
    return { kind: "compile-error", message: `apimc crashed while compiling: ${(e as Error)?.stack ?? String(e)}`, codes: ["crash"] };
  }
  const v = verifyModule(`(function (rt) {\n${code}\n});`, "script");
  if (!v.ok) return { kind: "compile-error", message: `generated module failed verification: ${v.errors.join("; ")}\n${code}`, codes: ["verify"] };

  if (process.env.APIMC_SHOW_JS) console.log(code);
  let value: unknown;
  try {
    const mod = new Function("rt", code)(runtime) as { inbound(ctx: unknown): unknown };
    value = await mod.inbound(makeContext(runtime, c.context));
  } catch (e) {
    return thrown(e, runtime);
  }
  try {
    const text = canonJs(value, parseType(c.type));
    return text === null ? { kind: "null" } : { kind: "value", text };
  } catch (e) {
    // Formatting the value threw (e.g. a JToken's ToString): report it like the value's failure.
    return thrown(e, runtime);
  }
}

/**
 * What the policy sees of an error: a JS TypeError on a null receiver is the NullReferenceException
 * context.LastError reports (runtime/errors.ts toDotNetException, applied by the pipeline); any
 * other JS error stays visible as `JS:<name>` (a bug: apimc should have thrown the .NET exception).
 */
function thrown(e: unknown, runtime: RuntimeModule): ApimcResult {
  const ex = e as { shortType?: unknown; name?: string; message?: string };
  if (e instanceof runtime.DotNetException) return { kind: "throw", type: String(ex.shortType), message: ex.message };
  if (e instanceof TypeError && /null|undefined/.test(e.message)) {
    const n = toDotNetException(e);
    return { kind: "throw", type: n.shortType, message: n.message };
  }
  return { kind: "throw", type: `JS:${ex?.name ?? typeof e}`, message: ex?.message ?? String(e) };
}

function compileError(items: readonly Diagnostic[], source: string, extra: string): ApimcResult {
  const errors = items.filter((d) => d.severity === "error");
  return {
    kind: "compile-error",
    message: [extra, ...errors.map((d) => formatDiagnostic(d, source))].filter(Boolean).join("\n"),
    codes: errors.map((d) => d.code),
  };
}

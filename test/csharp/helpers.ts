// Test harness: compile a policy expression and evaluate it against a runtime Context.
import { Code, NameAllocator, RenderSink, js } from "../../compiler/codegen/code.js";
import type { ModuleScope } from "../../compiler/codegen/scope.js";
import { DiagnosticBag, LineMap, type Diagnostic } from "../../compiler/diagnostics.js";
import { compileExpression, type ExpectedType } from "../../compiler/csharp/index.js";
import * as helpers from "../../runtime/dotnet/index.js";
import { Context, RequestMessage, ResponseMessage, Url } from "../../runtime/context.js";
import { HeaderMap } from "../../runtime/headers.js";
import { MessageBody } from "../../runtime/body.js";

export class TestScope implements ModuleScope {
  readonly names = new NameAllocator(["ctx"]);
  readonly decls: Code[] = [];
  hoist(decl: Code): void {
    this.decls.push(decl);
  }
  constant(value: Code, hint: string): Code {
    const n = this.names.fresh(hint);
    this.decls.push(js`const ${n} = ${value};`);
    return n;
  }
}

export interface Compiled {
  ok: boolean;
  diagnostics: Diagnostic[];
  text: string;
  helpers: Set<string>;
  type?: string;
  constant?: { value: string | number | boolean | null };
  run(ctx?: Context): unknown;
}

const SAFE_GLOBALS = new Set(["Math", "String", "Number", "Array", "Object", "JSON", "Map", "Set", "Symbol", "BigInt", "Error", "TypeError", "RangeError", "Promise", "Date", "Uint8Array", "undefined", "NaN", "Infinity", "isNaN", "isFinite", "parseInt", "parseFloat"]);

/** Compiles `source` (with `@(`/`@{`); offsets are identity (document = the expression). */
export function compile(source: string, expected: ExpectedType = "any", docPrefix = ""): Compiled {
  const doc = docPrefix + source;
  const bag = new DiagnosticBag("test.xml", new LineMap(doc));
  const scope = new TestScope();
  const r = compileExpression({ source, offsets: (i) => docPrefix.length + i, expected, diagnostics: bag, scope });
  if (!r) return { ok: false, diagnostics: bag.items, text: "", helpers: new Set(), run: () => { throw new Error(`did not compile: ${bag.items.map((d) => d.message).join("; ")}`); } };
  const sink = new RenderSink();
  for (const d of scope.decls) {
    d.render(sink);
    sink.write("\n");
  }
  sink.write("return (");
  r.code.render(sink);
  sink.write(");");
  const text = sink.text;
  const used = [...sink.helpers];
  for (const h of used) if (!(h in helpers)) throw new Error(`lowering references unknown runtime helper '${h}'`);
  const fn = new Function(...used, "ctx", text) as (...a: unknown[]) => unknown;
  const vals = used.map((h) => (helpers as Record<string, unknown>)[h]);
  return {
    ok: true,
    diagnostics: bag.items,
    text,
    helpers: new Set(used),
    type: r.type,
    constant: r.constant,
    run: (ctx = makeContext()) => fn(...vals, ctx),
  };
}

/** Compiles and runs; throws with diagnostics when compilation fails. */
export function evaluate(source: string, ctx?: Context, expected: ExpectedType = "any"): unknown {
  return compile(source, expected).run(ctx);
}

export function makeContext(opts: { method?: string; url?: string; headers?: Record<string, string | string[]>; body?: string; variables?: Record<string, unknown> } = {}): Context {
  const req = new RequestMessage(
    opts.method ?? "GET",
    Url.parse(opts.url ?? "https://api.example.com/orders/42?x=1&y=2"),
    HeaderMap.from(opts.headers ?? {}),
    opts.body === undefined ? null : new MessageBody(opts.body),
  );
  const ctx = new Context(req, { requestId: "7f1c2b3a-0000-4000-8000-000000000001", timestampMs: Date.UTC(2024, 0, 15, 10, 30, 0) });
  for (const [k, v] of Object.entries(opts.variables ?? {})) ctx.Variables.set(k, v);
  return ctx;
}

export { Context, ResponseMessage, MessageBody, HeaderMap };

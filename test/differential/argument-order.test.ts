// Every call evaluates its receiver and all its arguments before the member runs (C# spec 12.6.2.2,
// run-time evaluation of argument lists), so a later argument's exception comes before the member's
// own checks of earlier ones (and a null receiver's NullReferenceException). Generated from the
// surface tables (generate/surface-index.ts): for each method, constructor and indexer, and each
// argument position k after the first operand (a static's first argument, an instance member's
// receiver), a call whose other arguments are what members reject (null, -1) and whose argument k
// throws FormatException must throw FormatException. The rule is C#'s own, so the expected answer
// needs no reference run. Seed 34402 found new HashSet<int>(-1, comparer) checking -1 first.
import { describe, expect, it } from "vitest";
import { evaluateWithApimc } from "./apimc-eval.js";
import { surfaceIndex, staticName, needsExplicitTypeArgs, type Callable } from "./generate/surface-index.js";

/** A value members reject: -1 for an integer (a count, an index), else null or the default. */
const rejected = (t: string) => (/^(?:int|long|short|sbyte)$/.test(t) ? `((${t})(-1))` : `default(${t})`);
/** An expression of type `t` that throws FormatException when evaluated. */
const boom = (t: string) => `((${t})(object)int.Parse("x"))`;

function callText(c: Callable, args: string[]): string | null {
  const m = c.m;
  const targs = c.typeArgs.length && !c.ext ? `<${c.typeArgs.join(", ")}>` : "";
  switch (m.kind) {
    case "ctor":
      return `new ${c.ret}(${args.join(", ")})`;
    case "indexer":
      return `default(${c.recv})[${args.join(", ")}]`;
    case "method": {
      if (c.ext) {
        const [first, ...rest] = args;
        return `${first}.${m.name}${c.typeArgs.length && needsExplicitTypeArgs(m) ? `<${c.typeArgs.join(", ")}>` : ""}(${rest.join(", ")})`;
      }
      return c.recv ? `default(${c.recv}).${m.name}${targs}(${args.join(", ")})` : `${staticName(c.owner.name)}.${m.name}${targs}(${args.join(", ")})`;
    }
    default:
      return null;
  }
}

/** One call per callable and throwing position, each distinct text once. */
function calls(): { id: string; text: string }[] {
  const seen = new Set<string>();
  const out: { id: string; text: string }[] = [];
  for (const list of surfaceIndex().values()) {
    for (const c of list) {
      const ps = c.params;
      if (ps.some((p) => p.mod === "params")) continue;
      // an instance member's receiver (default: null for a reference type) comes before its first argument
      const first = c.recv !== null && !c.ext ? 0 : 1;
      for (let k = first; k < ps.length; k++) {
        const args = ps.map((p, i) => (i === k ? boom(p.type) : rejected(p.type)));
        const text = callText(c, args);
        if (!text || seen.has(text)) continue;
        seen.add(text);
        out.push({ id: `${c.owner.name}.${c.m.name}/${k}`, text });
      }
    }
  }
  return out;
}

describe("arguments run before the member (generated from the surface tables)", () => {
  it("a later argument's FormatException comes before the member's checks of earlier arguments", async () => {
    const all = calls();
    const wrong: string[] = [];
    let compiled = 0;
    for (const c of all) {
      const r = await evaluateWithApimc({ id: c.id, type: "string", block: true, expr: `object r = ${c.text}; return "no exception";` });
      if (r.kind === "compile-error") continue;
      compiled++;
      if (!(r.kind === "throw" && r.type === "FormatException")) wrong.push(`${c.text}: ${JSON.stringify(r).slice(0, 200)}`);
    }
    console.log(`argument order: ${compiled} of ${all.length} generated calls compiled; ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  }, 300_000);
});

describe("a null receiver (generated from the surface tables)", () => {
  it("an instance member called on null throws NullReferenceException before its own checks of the arguments", async () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    let compiled = 0;
    for (const list of surfaceIndex().values()) {
      for (const c of list) {
        if (c.recv === null || c.ext || c.recv.startsWith("Nullable<") || c.params.some((p) => p.mod === "params") || (c.m.kind !== "method" && c.m.kind !== "indexer" && c.m.kind !== "prop")) continue;
        const text = c.m.kind === "prop" ? `default(${c.recv}).${c.m.name}` : callText(c, c.params.map((p) => rejected(p.type)));
        if (!text || seen.has(text)) continue;
        seen.add(text);
        const r = await evaluateWithApimc({ id: text, type: "string", block: true, expr: `var v = default(${c.recv}); if (!object.ReferenceEquals(v, null)) return "a value type"; object r = ${text}; return "no exception";` });
        if (r.kind === "compile-error" || (r.kind === "value" && r.text === "a value type")) continue;
        compiled++;
        if (!(r.kind === "throw" && r.type === "NullReferenceException")) wrong.push(`${text}: ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    console.log(`null receiver: ${compiled} of ${seen.size} generated calls compiled on a reference type; ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  }, 300_000);
});

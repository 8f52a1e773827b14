// The architecture as a test: three floors (README, "Layout") and rooms of a readable size.
// - runtime/ (what generated modules import, and the per-request engine) imports nothing from
//   compiler/ or gateway/; compiler/ imports nothing from gateway/; gateway/'s production code does
//   not import the test harness (gateway/testing.ts).
// - No import cycle among the source files; no source file over 1,200 lines.
// Imports are read with TypeScript's own parser: import and export-from declarations (type-only ones
// too: they tie the floors together as much), side-effect imports, import() calls and import("…")
// types. The cycle and length rules start from explicit lists of today's offenders that may only
// shrink: a listed file that is no longer an offender fails the test until it is taken off the list.
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FLOORS = ["compiler", "runtime", "gateway"] as const;
type Floor = (typeof FLOORS)[number];
const MAX_LINES = 1200;

/** Who may import whom: a floor imports itself and the floors listed. */
const MAY_IMPORT: Record<Floor, readonly Floor[]> = {
  runtime: [],
  compiler: ["runtime"],
  gateway: ["compiler", "runtime"],
};
/** The harness: gateway/ production code must not import it (tests and users do). */
const HARNESS = "gateway/testing.ts";

/**
 * Today's import cycles (all imports, type-only too), each a group of files that may still import
 * each other in a circle. To shrink: break a cycle, then remove its files here.
 */
const KNOWN_CYCLES: readonly (readonly string[])[] = [];

/** Today's source files over 1,200 lines. To shrink: split the file by topic, then remove it here. */
const KNOWN_LONG_FILES: readonly string[] = [];

/** The package's own specifiers, as the source files they name (a file may import the package by name). */
const PACKAGE_SPECIFIERS: Record<string, string> = {
  apimc: "compiler/public.ts",
  "apimc/runtime": "runtime/index.ts",
  "apimc/testing": "gateway/testing.ts",
  "apimc/gateway": "gateway/host.ts",
  "apimc/esbuild": "gateway/esbuild-plugin.ts",
};

/** The module specifiers a source text imports, in order (every form of import that TypeScript parses). */
function importSpecifiers(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) out.push(n.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) out.push(n.moduleReference.expression.text);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0]) {
      // A computed import() cannot be checked: it is refused outright.
      out.push(ts.isStringLiteralLike(n.arguments[0]) ? n.arguments[0].text : "<computed import()>");
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) out.push(n.argument.literal.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The repository file an import names (relative `.js` → `.ts`), the package's own specifiers too; null for other packages. */
function resolveImport(from: string, spec: string): string | null {
  if (spec in PACKAGE_SPECIFIERS) return PACKAGE_SPECIFIERS[spec]!;
  if (spec === "<computed import()>") return spec;
  if (!spec.startsWith(".")) return null;
  return posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, ".ts");
}

/** Import edges between repository files: file → the files it imports. */
type Graph = Map<string, string[]>;

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const f of FLOORS) walk(f);
  return out.sort();
}

function importGraph(files: readonly string[], read: (f: string) => string): Graph {
  return new Map(files.map((f) => [f, [...new Set(importSpecifiers(f, read(f)).map((s) => resolveImport(f, s)).filter((t): t is string => t !== null))]]));
}

/** Imports that break the floors: `from -> to (why)`. */
function floorViolations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    const floor = from.split("/")[0] as Floor;
    for (const to of tos) {
      if (to === "<computed import()>") {
        out.push(`${from} -> an import() of a computed specifier (cannot be checked)`);
        continue;
      }
      const target = to.split("/")[0] as Floor;
      if (FLOORS.includes(target) && target !== floor && !MAY_IMPORT[floor].includes(target)) out.push(`${from} -> ${to} (${floor}/ may not import ${target}/)`);
      if (to === HARNESS && from !== HARNESS) out.push(`${from} -> ${to} (production code may not import the test harness)`);
    }
  }
  return out;
}

/** The strongly connected components with a cycle (Tarjan), each sorted; iterative, for deep graphs. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const succ = (graph.get(top.v) ?? []).filter((w) => graph.has(w));
      if (top.i < succ.length) {
        const w = succ[top.i++]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1]!.v, Math.min(low.get(work[work.length - 1]!.v)!, low.get(top.v)!));
      if (low.get(top.v) === index.get(top.v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== top.v);
        if (scc.length > 1 || (graph.get(top.v) ?? []).includes(top.v)) out.push(scc.sort());
      }
    }
  }
  return out;
}

/** One cycle through `scc[0]` as a path (`a -> b -> a`), the shortest, for the message. */
function cyclePath(graph: Graph, scc: readonly string[]): string {
  const members = new Set(scc);
  const start = scc[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x !== undefined && x !== start; x = prev.get(x)) path.splice(1, 0, x);
        return [...path, start].join(" -> ");
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc.join(", ");
}

/** What the cycle rule says about `graph`: cycles not on the list, and listed files that are no longer in a cycle. */
function cycleProblems(graph: Graph, known: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const found = cycles(graph);
  for (const scc of found) {
    // A cycle is tolerated only inside one listed group (two listed groups joined are a new cycle).
    if (!known.some((group) => scc.every((f) => group.includes(f)))) problems.push(`import cycle: ${cyclePath(graph, scc)}${scc.length > 2 ? ` (${scc.length} files in this cycle: ${scc.join(", ")})` : ""}`);
  }
  const inCycle = new Set(found.flat());
  for (const f of known.flat()) if (!inCycle.has(f)) problems.push(`${f} is no longer in an import cycle: take it off KNOWN_CYCLES`);
  return problems;
}

const lineCount = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

/** What the length rule says: files over the limit not on the list, and listed files that are no longer over it. */
function lengthProblems(lengths: ReadonlyMap<string, number>, known: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [f, n] of lengths) if (n > MAX_LINES && !known.includes(f)) problems.push(`${f} has ${n} lines (at most ${MAX_LINES})`);
  for (const f of known) {
    const n = lengths.get(f);
    if (n === undefined || n <= MAX_LINES) problems.push(`${f} is no longer over ${MAX_LINES} lines (${n ?? "gone"}): take it off KNOWN_LONG_FILES`);
  }
  return problems;
}

describe("the architecture", () => {
  const files = sourceFiles();
  const texts = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), "utf8")]));
  const graph = importGraph(files, (f) => texts.get(f)!);

  it("reads every source file of the three floors", () => {
    for (const floor of FLOORS) expect(files.filter((f) => f.startsWith(`${floor}/`)).length, floor).toBeGreaterThan(5);
    expect(files).toContain(HARNESS);
    expect([...graph.values()].reduce((n, tos) => n + tos.length, 0)).toBeGreaterThan(files.length);
  });

  it("floors: runtime/ imports neither compiler/ nor gateway/, compiler/ not gateway/, and no production code the harness", () => {
    expect(floorViolations(graph)).toEqual([]);
  });

  it("no import cycle among source files (beyond the shrinking list of today's)", () => {
    expect(cycleProblems(graph, KNOWN_CYCLES)).toEqual([]);
  });

  it(`no source file over ${MAX_LINES} lines (beyond the shrinking list of today's)`, () => {
    expect(lengthProblems(new Map(files.map((f) => [f, lineCount(texts.get(f)!)])), KNOWN_LONG_FILES)).toEqual([]);
  });
});

describe("the checks can fail", () => {
  it("every form of import is read", () => {
    const text = [
      `import a from "./a.js";`,
      `import type { B } from "./b.js";`,
      `import { type C } from "./c.js";`,
      `import "./d.js";`,
      `export { e } from "./e.js";`,
      `export type { F } from "./f.js";`,
      `export * from "./g.js";`,
      `const h = await import("./h.js");`,
      `let i: import("./i.js").I;`,
      "const j = await import(`./j.js`);",
      `const k = await import(name);`,
      `import l = require("./l.js");`,
      // Not imports: text that looks like one.
      `const code = 'import { x } from "./not.js"';`,
      "// import { y } from './comment.js';",
    ].join("\n");
    expect(importSpecifiers("runtime/x.ts", text)).toEqual(["./a.js", "./b.js", "./c.js", "./d.js", "./e.js", "./f.js", "./g.js", "./h.js", "./i.js", "./j.js", "<computed import()>", "./l.js"]);
  });

  it("an import across the floors, of the harness, by the package's name or computed is reported", () => {
    const g = importGraph(["runtime/a.ts", "runtime/b.ts", "compiler/c.ts", "gateway/host.ts", "gateway/d.ts", "gateway/testing.ts"], (f) =>
      ({
        "runtime/a.ts": `import type { X } from "../compiler/x.js"; import { b } from "./b.js";`,
        "runtime/b.ts": `const m = await import("../gateway/y.js"); import "apimc/testing"; const n = await import(name);`,
        "compiler/c.ts": `export { z } from "../gateway/z.js"; import { r } from "../runtime/r.js";`,
        "gateway/host.ts": `import { runPolicy } from "./testing.js"; import { compile } from "../compiler/index.js";`,
        "gateway/d.ts": `import { compile } from "apimc"; import { rt } from "apimc/runtime";`,
        "gateway/testing.ts": `import { loadPolicy } from "./load.js";`,
      })[f]!,
    );
    expect(floorViolations(g)).toEqual([
      "runtime/a.ts -> compiler/x.ts (runtime/ may not import compiler/)",
      "runtime/b.ts -> gateway/y.ts (runtime/ may not import gateway/)",
      "runtime/b.ts -> gateway/testing.ts (runtime/ may not import gateway/)",
      "runtime/b.ts -> gateway/testing.ts (production code may not import the test harness)",
      "runtime/b.ts -> an import() of a computed specifier (cannot be checked)",
      "compiler/c.ts -> gateway/z.ts (compiler/ may not import gateway/)",
      "gateway/host.ts -> gateway/testing.ts (production code may not import the test harness)",
    ]);
  });

  it("a cycle is found and shown as a path; a listed group must still be a cycle; two listed groups joined are a new cycle", () => {
    const g: Graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
      ["f", ["g"]],
      ["g", ["f"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"], ["e"], ["f", "g"]]);
    expect(cyclePath(g, ["a", "b", "c"])).toBe("a -> b -> c -> a");
    expect(cycleProblems(g, [["a", "b", "c"], ["e"], ["f", "g"]])).toEqual([]);
    expect(cycleProblems(g, [["a", "b", "c"], ["e"], ["f", "g", "x"]])).toEqual(["x is no longer in an import cycle: take it off KNOWN_CYCLES"]);
    expect(cycleProblems(g, [["a", "b", "c"], ["e"]])).toEqual(["import cycle: f -> g -> f"]);
    g.set("d", ["e", "g"]);
    g.set("g", ["f", "a"]);
    g.set("e", ["d"]);
    // a, b, c, d, e, f, g now one cycle: not inside any one listed group.
    expect(cycleProblems(g, [["a", "b", "c"], ["d", "e"], ["f", "g"]])).toEqual([`import cycle: a -> b -> c -> a (7 files in this cycle: a, b, c, d, e, f, g)`]);
    // A deep chain (no recursion limit).
    const chain: Graph = new Map(Array.from({ length: 50_000 }, (_, i) => [`n${i}`, [`n${(i + 1) % 50_000}`]]));
    expect(cycles(chain)[0]).toHaveLength(50_000);
  });

  it("a long file is reported and a listed file that got short must leave the list", () => {
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\nb")).toBe(2);
    const lengths = new Map([
      ["x.ts", MAX_LINES + 1],
      ["y.ts", MAX_LINES],
      ["z.ts", 3000],
    ]);
    expect(lengthProblems(lengths, ["z.ts"])).toEqual([`x.ts has ${MAX_LINES + 1} lines (at most ${MAX_LINES})`]);
    expect(lengthProblems(lengths, ["x.ts", "y.ts", "z.ts"])).toEqual([`y.ts is no longer over ${MAX_LINES} lines (${MAX_LINES}): take it off KNOWN_LONG_FILES`]);
  });
});

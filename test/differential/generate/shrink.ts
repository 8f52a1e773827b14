// One-step simplifications of a generated expression tree, smallest first: a subtree replaced by a
// plain literal of its type, by one of its children of the same type, or a list losing an element.
// The fuzzer keeps a simplification when apimc and C# still differ the same way.
import { size, type Node } from "./node.js";
import { POOLS } from "./values.js";

const usesVar = (n: Node): boolean => (n.area === "var" ? true : n.kids.some(usesVar));

/** Simplest literals of a type (the first pool entries). */
function simple(t: string): string[] {
  const pool = POOLS[t];
  return pool ? pool.slice(0, 3).map((p) => p.text) : [];
}

/** Every tree that differs from `root` by one simplification, sorted by size. */
export function shrinkCandidates(root: Node): Node[] {
  const out: Node[] = [];
  // Rebuild along a path: replace the node at `path` with `repl`.
  const replaceAt = (n: Node, path: number[], repl: Node | null): Node => {
    if (!path.length) return repl!;
    const [i, ...rest] = path;
    const kids = n.kids.slice();
    if (rest.length === 0 && repl === null) kids.splice(i!, 1);
    else kids[i!] = replaceAt(kids[i!]!, rest, repl);
    return { ...n, kids };
  };
  const walk = (n: Node, path: number[]) => {
    if (path.length) {
      if (!n.leaf) for (const lit of simple(n.t)) out.push(replaceAt(root, path, { t: n.t, area: "literal", kids: [], out: () => lit, leaf: true }));
      // a descendant of the same type in its place
      const same: Node[] = [];
      const find = (k: Node) => {
        for (const c of k.kids) {
          if (c.t === n.t && !usesVar(c)) same.push(c);
          find(c);
        }
      };
      if (!usesVar(n)) find(n);
      for (const s of same) out.push(replaceAt(root, path, s));
    }
    // lists whose printer joins its children: drop one
    if (n.variadic) {
      n.kids.forEach((_k, i) => out.push(replaceAt(root, [...path, i], null)));
    }
    n.kids.forEach((k, i) => walk(k, [...path, i]));
  };
  walk(root, []);
  // the root itself: a same-typed descendant
  const rootSame: Node[] = [];
  const find = (k: Node) => {
    for (const c of k.kids) {
      if (c.t === root.t && !usesVar(c) && !root.block) rootSame.push({ ...c, block: c.block });
      find(c);
    }
  };
  find(root);
  out.push(...rootSame);
  const base = size(root);
  return out.filter((n) => size(n) < base || n.leaf).sort((a, b) => size(a) - size(b));
}

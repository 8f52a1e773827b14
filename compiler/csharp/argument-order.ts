// Whether a lowering evaluates a call's receiver and arguments as C# does: each once, left to right,
// and all of them before the member runs (binder-calls.ts puts them into temporaries when not), and
// whether it dereferences its receiver (a null one then fails as .NET's callvirt does).
import { Code, type Part, RuntimeRef } from "../codegen/code.js";
import { DEREFERENCE_FIRST } from "../../runtime/contract.js";

/**
 * Visits the parts of `code` in text order (iteratively: appended code nests deep), descending into
 * sub-code unless `visit` answers "skip"; "stop" ends the walk.
 */
function walk(code: Code, visit: (p: Part) => "skip" | "stop" | void): void {
  const stack: { parts: Code["parts"]; i: number }[] = [{ parts: code.parts, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.parts[top.i++]!;
    const r = visit(p);
    if (r === "stop") return;
    if (r !== "skip" && p instanceof Code) stack.push({ parts: p.parts, i: 0 });
  }
}

/**
 * Whether `code` reads the non-null `parts` in their order (first uses, in the generated text's
 * order, which is JS's evaluation order for the calls and sequences lowerings make), and no call
 * that takes one part as input completes before a later effectful part runs
 * (`listFindIndex(arrNotNull(a), b)` throws for a null `a` before `b` is evaluated; C# evaluates `b`
 * first). Only `effectful` parts (not constants or locals) must keep their order. Parts are not
 * descended into; a part the lowering does not use is not counted.
 */
export function inOrder(code: Code, parts: readonly (Code | null)[], effectful: readonly boolean[]): boolean {
  const index = new Map<Code, number>();
  parts.forEach((c, i) => {
    if (c) index.set(c, i);
  });
  let pending = parts.filter((c, i) => c && effectful[i]).length;
  if (pending === 0 || index.size < 2) return true;
  let ok = true;
  let last = -1;
  let done = 0;
  // the open parentheses: a call's (after a name, `)` or `]`) or a grouping, and how many parts had run when it opened
  const open: { call: boolean; doneAtOpen: number }[] = [];
  let prev = "";
  walk(code, (p) => {
    if (p instanceof Code) {
      const i = index.get(p);
      if (i === undefined) return;
      if (effectful[i]) {
        if (i < last) {
          ok = false;
          return "stop";
        }
        last = i;
        pending--;
      }
      index.delete(p);
      done++;
      prev = "v";
      return "skip";
    }
    if (p instanceof RuntimeRef) prev = "r";
    else if (typeof p === "string") {
      for (let k = 0; k < p.length; k++) {
        const ch = p[k]!;
        if (ch === '"' || ch === "'" || ch === "`") {
          // a string literal: its parentheses are text
          for (k++; k < p.length && p[k] !== ch; k++) if (p[k] === "\\") k++;
          prev = ch;
        } else if (ch === "(") open.push({ call: /[\w$)\]]/.test(prev), doneAtOpen: done });
        else if (ch === ")") {
          const o = open.pop();
          if (o?.call && o.doneAtOpen < done && pending > 0) {
            ok = false;
            return "stop";
          }
          prev = ch;
        } else if (!/\s/.test(ch)) prev = ch;
      }
    }
  });
  return ok;
}

/**
 * Whether the first use of `part` in `code` is a member access or an index on it (`r.x`, `r[i]`: a
 * TypeError, so NullReferenceException, for null), or the first argument of a helper that reads it
 * first (runtime/contract.ts DEREFERENCE_FIRST).
 */
export function dereferencesFirst(code: Code, part: Code): boolean {
  let answer = false;
  let found = false;
  // the helper just named, while only its "(" follows
  let helper: string | null = null;
  walk(code, (p) => {
    if (p === part) {
      if (found) return "stop";
      if (helper !== null && DEREFERENCE_FIRST.has(helper)) {
        answer = true;
        return "stop";
      }
      found = true;
      return "skip";
    }
    if (p instanceof Code) {
      if (found) return "stop";
      helper = null;
      return;
    }
    if (p instanceof RuntimeRef) {
      if (found) return "stop";
      helper = p.name;
    } else if (typeof p === "string") {
      if (found) {
        const next = p.trimStart();
        if (next) {
          answer = (next[0] === "." && next[1] !== ".") || next[0] === "[";
          return "stop";
        }
      } else if (helper !== null && p !== "(") helper = null;
    }
  });
  return answer;
}

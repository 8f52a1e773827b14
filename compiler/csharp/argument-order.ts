// Whether a lowering evaluates a call's receiver and arguments as C# does: each once, left to right,
// and all of them before the member runs (binder-calls.ts puts them into temporaries when not), and
// whether it dereferences its receiver (a null one then fails as .NET's callvirt does).
import { Code, RuntimeRef } from "../codegen/code.js";
import { DEREFERENCE_FIRST } from "../../runtime/contract.js";

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
  let last = -1;
  let done = 0;
  // the open parentheses: a call's (after a name, `)` or `]`) or a grouping, and how many parts had run when it opened
  const open: { call: boolean; doneAtOpen: number }[] = [];
  let prev = "";
  const stack: { parts: Code["parts"]; i: number }[] = [{ parts: code.parts, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.parts[top.i++]!;
    if (p instanceof Code) {
      const i = index.get(p);
      if (i === undefined) stack.push({ parts: p.parts, i: 0 });
      else {
        if (effectful[i]) {
          if (i < last) return false;
          last = i;
          pending--;
        }
        index.delete(p);
        done++;
        prev = "v";
      }
    } else if (p instanceof RuntimeRef) prev = "r";
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
          if (o?.call && o.doneAtOpen < done && pending > 0) return false;
          prev = ch;
        } else if (!/\s/.test(ch)) prev = ch;
      }
    }
  }
  return true;
}

/**
 * Whether the first use of `part` in `code` is a member access or an index on it (`r.x`, `r[i]`: a
 * TypeError, so NullReferenceException, for null), or the first argument of a helper that reads it
 * first (runtime/contract.ts DEREFERENCE_FIRST).
 */
export function dereferencesFirst(code: Code, part: Code): boolean {
  let found = false;
  // the helper just named, while only its "(" follows
  let helper: string | null = null;
  const stack: { parts: Code["parts"]; i: number }[] = [{ parts: code.parts, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.parts[top.i++]!;
    if (p === part) {
      if (found) return false;
      if (helper !== null && DEREFERENCE_FIRST.has(helper)) return true;
      found = true;
    } else if (p instanceof Code) {
      if (found) return false;
      helper = null;
      stack.push({ parts: p.parts, i: 0 });
    } else if (typeof p === "string" && found) {
      const next = p.trimStart();
      if (next) return (next[0] === "." && next[1] !== ".") || next[0] === "[";
    } else if (p instanceof RuntimeRef) {
      if (found) return false;
      helper = p.name;
      continue;
    } else if (typeof p === "string" && helper !== null && p !== "(") helper = null;
  }
  return false;
}

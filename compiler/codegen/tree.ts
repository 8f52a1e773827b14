// A small statement tree for section bodies (ajv's lib/compile/codegen in spirit): policies build
// nodes, a pass simplifies the tree, then the printer turns it into `Code`. Expressions stay `Code`
// (made by the safe `js` template), so text from a policy still never becomes code.
//
// The pass (`simplify`):
// - drops dead branches: an `if` whose condition is the literal `true`/`false` keeps only the branch that runs;
// - drops what follows a statement that always returns (return-response, an if whose branches all return);
// - merges adjacent header operations on the same message: one local for the HeaderMap, read once.
import { HEADER_OPS } from "../../runtime/contract.js";
import { Code, join, js, mark, prop, type NameAllocator } from "./code.js";
import { endPipeline, policyIndex } from "./names.js";
import type { ModuleScope } from "./scope.js";

export type Stmt =
  /** Opaque statement code (ends with `;` or `}`), made by a policy. */
  | { readonly k: "code"; readonly code: Code }
  /** A source-map mark: the next line comes from this offset of the policy document. */
  | { readonly k: "mark"; readonly offset: number }
  /** `ctx.$p = i;`: the running policy's row. */
  | { readonly k: "index"; readonly index: number }
  | { readonly k: "if"; readonly cond: Code; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] | null }
  /** A braced block (its own scope for `const`s). */
  | { readonly k: "block"; readonly body: readonly Stmt[] }
  /** `return <value>;` (`value` null: `return END_PIPELINE;`, which ends the pipeline). */
  | { readonly k: "return"; readonly value: Code | null }
  /** `<headers>.<op>(args)`: a HeaderMap operation of the module contract (`headers` is a side-effect-free path). */
  | { readonly k: "header"; readonly headers: Code; readonly op: keyof typeof HEADER_OPS; readonly args: readonly Code[]; readonly skipIfPresent?: Code; readonly merged?: true };

/** Statement code that carries its tree, so a parent (choose, a section) can splice and simplify it. */
export class TreeCode extends Code {
  constructor(
    readonly stmts: readonly Stmt[],
    lineEnd: boolean,
  ) {
    super(lineEnd ? printStmts(stmts).parts : trimCode(printStmts(stmts)).parts);
  }
}

/**
 * Tree nodes as Code: what `PolicyDef.emit` returns when it builds nodes. `lineEnd`: the text
 * ends with a line break (a statement list, as `ec.policies` gives); a single policy's does not.
 */
export function tree(stmts: readonly Stmt[], lineEnd = false): TreeCode {
  return new TreeCode(stmts, lineEnd);
}

/** The statements of a policy's code: its tree, or the code as one opaque statement. */
export function stmtsOf(code: Code): readonly Stmt[] {
  if (code instanceof TreeCode) return code.stmts;
  return code.isEmpty ? [] : [{ k: "code", code }];
}

const TRUE = "true";
const FALSE = "false";
/** The value of a condition the template made from a literal boolean, else null. */
function constantCondition(cond: Code): boolean | null {
  const text = soleText(cond);
  return text === TRUE ? true : text === FALSE ? false : null;
}

/** The text of code that is one literal (`js\`${x}\`` nests it), else null. */
export function soleText(code: Code): string | null {
  let c: Code = code;
  while (c.parts.length === 1 && c.parts[0] instanceof Code) c = c.parts[0];
  return c.parts.length === 1 && typeof c.parts[0] === "string" ? c.parts[0] : null;
}

/** The string a constant string expression's code is (`"…"`, as `literal` prints it), else null. */
export function constantString(code: Code): string | null {
  const text = soleText(code);
  if (text === null || !text.startsWith('"')) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}

/** True when control never leaves the statement normally (it returns). */
function alwaysReturns(s: Stmt): boolean {
  switch (s.k) {
    case "return":
      return true;
    case "block":
      return s.body.some(alwaysReturns);
    case "if":
      return s.else !== null && s.then.some(alwaysReturns) && s.else.some(alwaysReturns);
    default:
      return false;
  }
}

/** The simplifying pass over a module's statements (none when the module is built with `optimize: false`). */
export function simplify(stmts: readonly Stmt[], scope: ModuleScope): readonly Stmt[] {
  return scope.optimize === false ? stmts : simplifyList(stmts, scope.names);
}

/** Dead branches, unreachable statements, merged header operations. */
function simplifyList(stmts: readonly Stmt[], names: NameAllocator | null): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) {
    for (const t of simplifyOne(s, names)) {
      out.push(t);
      if (alwaysReturns(t)) return mergeHeaderRuns(out, names);
    }
  }
  return mergeHeaderRuns(out, names);
}

function simplifyOne(s: Stmt, names: NameAllocator | null): Stmt[] {
  switch (s.k) {
    case "if": {
      const c = constantCondition(s.cond);
      if (c === true) return unblock(simplifyList(s.then, names));
      if (c === false) return s.else ? unblock(simplifyList(s.else, names)) : [];
      return [{ k: "if", cond: s.cond, then: simplifyList(s.then, names), else: s.else ? simplifyList(s.else, names) : null }];
    }
    case "block": {
      const body = simplifyList(s.body, names);
      return body.length === 0 ? [] : [{ k: "block", body }];
    }
    default:
      return [s];
  }
}

/** A branch's statements in place of the branch: bare when none declares a name (opaque code may), else in a block. */
function unblock(body: Stmt[]): Stmt[] {
  if (body.length === 0) return [];
  return body.every((t) => t.k !== "code") ? body : [{ k: "block", body }];
}

/**
 * Two or more header operations on the same message with only markers between them: the HeaderMap
 * is read once into a local (`const h = ctx.Request.Headers;`), in a block of their own.
 */
function mergeHeaderRuns(stmts: Stmt[], names: NameAllocator | null): Stmt[] {
  if (!names) return stmts;
  const out: Stmt[] = [];
  let i = 0;
  while (i < stmts.length) {
    const s = stmts[i]!;
    if (s.k !== "header" || s.merged) {
      out.push(s);
      i++;
      continue;
    }
    const key = s.headers.toString();
    let j = i + 1;
    let end = i + 1;
    let count = 1;
    for (; j < stmts.length; j++) {
      const t = stmts[j]!;
      if (t.k === "mark" || t.k === "index") continue;
      if (t.k === "header" && !t.merged && t.headers.toString() === key) {
        count++;
        end = j + 1;
        continue;
      }
      break;
    }
    if (count < 2) {
      out.push(s);
      i++;
      continue;
    }
    const h = names.fresh("headers");
    const body: Stmt[] = [{ k: "code", code: js`const ${h} = ${s.headers};` }];
    // The first operation's mark and policy index go inside the block, with it.
    let lead = out.length;
    while (lead > 0 && (out[lead - 1]!.k === "mark" || out[lead - 1]!.k === "index")) lead--;
    body.push(...out.splice(lead));
    for (const t of stmts.slice(i, end)) body.push(t.k === "header" ? { ...t, headers: h, merged: true } : t);
    out.push({ k: "block", body });
    i = end;
  }
  return out;
}

// ---- printer ------------------------------------------------------------------------------------

/** Prints statements one a line; a policy's `ctx.$p = i;` shares the line of its first statement. */
export function printStmts(stmts: readonly Stmt[]): Code {
  const parts: Code[] = [];
  let pendingIndex: Code | null = null;
  const line = (c: Code) => {
    parts.push(pendingIndex ? js`${pendingIndex} ${c}\n` : js`${c}\n`);
    pendingIndex = null;
  };
  for (const s of stmts) {
    switch (s.k) {
      case "mark":
        if (pendingIndex) {
          parts.push(js`${pendingIndex}\n`);
          pendingIndex = null;
        }
        parts.push(mark(s.offset));
        break;
      case "index":
        if (pendingIndex) parts.push(js`${pendingIndex}\n`);
        pendingIndex = js`${policyIndex(s.index)};`;
        break;
      case "code":
        line(trimCode(s.code));
        break;
      case "return":
        line(js`return ${s.value ?? endPipeline()};`);
        break;
      case "header":
        line(printHeader(s));
        break;
      case "block":
        line(js`{\n${printStmts(s.body)}}`);
        break;
      case "if": {
        let c = js`if (${s.cond}) {\n${printStmts(s.then)}}`;
        if (s.else) c = s.else.length === 1 && s.else[0]!.k === "if" ? js`${c} else ${trimCode(printStmts(s.else))}` : js`${c} else {\n${printStmts(s.else)}}`;
        line(c);
        break;
      }
    }
  }
  if (pendingIndex) parts.push(js`${pendingIndex}\n`);
  return join(parts, "");
}

function printHeader(s: Extract<Stmt, { k: "header" }>): Code {
  const call = js`${s.headers}${prop(HEADER_OPS[s.op])}(${join([...s.args])});`;
  return s.skipIfPresent ? js`if (!${s.headers}${prop(HEADER_OPS.has)}(${s.skipIfPresent})) ${call}` : call;
}

/** Code without the trailing line break a policy may have added (the printer adds its own). */
function trimCode(c: Code): Code {
  const text = c.parts.length > 0 ? c.parts[c.parts.length - 1] : undefined;
  if (typeof text === "string" && text.endsWith("\n")) return new Code([...c.parts.slice(0, -1), text.replace(/\n+$/, "")]);
  if (text instanceof Code) {
    const inner = trimCode(text);
    if (inner !== text) return new Code([...c.parts.slice(0, -1), inner]);
  }
  return c;
}


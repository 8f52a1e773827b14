// Build-time evaluation of pure runtime helpers (issue 12, item 4): a lowered call whose inputs are
// all known (literals in its text, or sub-code whose value was folded before: `Code.known`) and
// whose text uses only the pure helpers of the module contract (runtime/contract.ts PURE_HELPERS)
// is run here, with the runtime's own functions, and its result replaces it when it is a string,
// number, boolean or null (emitted as a literal through the safe template). Objects (an Encoding, a
// hash algorithm, byte[]) stay code but keep their value for the calls around them.
//
// What is run is never text from a policy: it is the compiler's own lowered code, checked node by
// node (literals, known values, pure helpers, member access, calls, operators; no assignment, no
// function, no free identifier such as `ctx`), so nothing reading the request, the clock, a random
// source or state is folded, and no secret named value (its marker is resolved when the module loads). A call that throws is left for run time (it throws there, in order).
import * as acorn from "acorn";
import * as runtime from "../../runtime/index.js";
import { PURE_HELPERS } from "../../runtime/contract.js";
import { Code, literal, RuntimeRef, SourceMark } from "./code.js";
import { SECRET_CLOSE, SECRET_OPEN } from "../named-values.js";

/** Folded strings longer than this stay code: a literal must not make the module large. */
export const MAX_FOLDED_STRING = 4096;

/** Method names never run at build time even on known values (hash codes may be per process). */
const UNSAFE_METHODS = new Set(["GetHashCode", "constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__"]);

type AnyNode = acorn.Node & Record<string, any>;

const PLACEHOLDER = "$known";

/** The text of `code` with each known sub-code as a placeholder, the values, and the helpers it names. */
function renderForFold(code: Code): { text: string; values: unknown[]; helpers: Set<string> } | null {
  let text = "";
  const values: unknown[] = [];
  const helpers = new Set<string>();
  const stack: { parts: readonly (string | Code | RuntimeRef | SourceMark)[]; i: number }[] = [{ parts: code.parts, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.parts.length) {
      stack.pop();
      continue;
    }
    const p = top.parts[top.i++]!;
    if (typeof p === "string") text += p;
    else if (p instanceof Code) {
      if (p.known) {
        text += `${PLACEHOLDER}${values.length}`;
        values.push(p.known.v);
      } else stack.push({ parts: p.parts, i: 0 });
    } else if (p instanceof RuntimeRef) {
      if (!PURE_HELPERS.has(p.name)) return null;
      helpers.add(p.name);
      text += p.name;
    }
    if (text.length > 64 * 1024) return null;
  }
  return { text, values, helpers };
}

/** True when every node of the expression is one the fold may run. */
function foldable(node: AnyNode, names: ReadonlySet<string>): boolean {
  switch (node.type) {
    case "Literal":
      return node.regex === undefined;
    case "Identifier":
      return names.has(node.name as string);
    case "MemberExpression":
      if (node.computed) return foldable(node.object, names) && foldable(node.property, names);
      return !UNSAFE_METHODS.has(node.property.name as string) && foldable(node.object, names);
    case "ChainExpression":
      return foldable(node.expression, names);
    case "CallExpression":
    case "NewExpression":
      return foldable(node.callee, names) && (node.arguments as AnyNode[]).every((a) => a.type !== "SpreadElement" && foldable(a, names));
    case "ArrayExpression":
      return (node.elements as (AnyNode | null)[]).every((e) => e !== null && e.type !== "SpreadElement" && foldable(e, names));
    case "ObjectExpression":
      return (node.properties as AnyNode[]).every((p) => p.type === "Property" && p.kind === "init" && !p.computed && !p.method && p.key.type === "Literal" && p.key.value !== "__proto__" && foldable(p.value, names));
    case "UnaryExpression":
      return node.operator !== "delete" && foldable(node.argument, names);
    case "BinaryExpression":
    case "LogicalExpression":
      return node.operator !== "in" && node.operator !== "instanceof" && foldable(node.left, names) && foldable(node.right, names);
    case "ConditionalExpression":
      return foldable(node.test, names) && foldable(node.consequent, names) && foldable(node.alternate, names);
    case "ParenthesizedExpression":
      return foldable(node.expression, names);
    default:
      return false;
  }
}

/**
 * The value of `code` when it can be computed at build time, else null. Only code that depends on
 * nothing but literals, known sub-code and pure helpers is run.
 */
export function foldPure(code: Code): { v: unknown } | null {
  if (code.known) return code.known;
  const r = renderForFold(code);
  if (r === null || r.helpers.size === 0) return null;
  // A secret named value is known only when the module loads (codegen/secret-markers.ts).
  if (r.text.includes(SECRET_OPEN) || r.text.includes(SECRET_CLOSE)) return null;
  let ast: AnyNode;
  try {
    ast = acorn.parseExpressionAt(r.text, 0, { ecmaVersion: 2022 }) as AnyNode;
  } catch {
    return null;
  }
  if (ast.end !== r.text.trimEnd().length) return null;
  const params = r.values.map((_, i) => `${PLACEHOLDER}${i}`);
  if (!foldable(ast, new Set([...params, ...r.helpers]))) return null;
  const helpers = [...r.helpers];
  const impl = runtime as unknown as Record<string, unknown>;
  if (helpers.some((h) => impl[h] === undefined)) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the compiler's own checked code, see above
    const f = new Function(...params, ...helpers, `"use strict"; return (${r.text});`) as (...a: unknown[]) => unknown;
    return { v: f(...r.values, ...helpers.map((h) => impl[h])) };
  } catch {
    return null;
  }
}

/** Code for a folded value: a literal for strings (up to MAX_FOLDED_STRING), finite numbers, booleans, null; else null. */
export function foldedLiteral(v: unknown): Code | null {
  if (v === null || typeof v === "boolean") return literal(v);
  if (typeof v === "string") return v.length <= MAX_FOLDED_STRING ? literal(v) : null;
  if (typeof v === "number") return Number.isFinite(v) ? literal(v) : null;
  return null;
}

/**
 * `code` folded: a literal when its value is one, else the same code remembering its value (for
 * the calls around it), or `code` unchanged when it cannot be folded.
 */
export function foldCode(code: Code): Code {
  const f = foldPure(code);
  if (!f) return code;
  const lit = foldedLiteral(f.v);
  if (lit) {
    lit.known = f;
    return lit;
  }
  code.known = f;
  return code;
}

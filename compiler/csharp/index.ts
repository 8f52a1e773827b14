// Entry point of the C# policy-expression compiler: source text → typed AST → JS `Code`.
// lexer.ts → parser.ts (AST with offsets into the expression source) → binder.ts (names, types,
// overloads, conversions; calls lower.ts and the surface tables in surface/) → JS expression.
import { js, literal, type Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import { Codes, InternalCompilerError, type DiagnosticBag } from "../diagnostics.js";
import { parseExpressionSource, ParseError } from "./parser.js";
import { Binder, BindError, type BExpr } from "./binder.js";
// The binder's topics install their members on Binder.prototype (binder.ts cannot import them back).
import "./binder-members.js";
import "./binder-calls.js";
import "./binder-lambdas.js";
import "./binder-statements.js";
import { boxCode, castCode, castKey, convertImplicit, stringOf, tempDecl, typeTest } from "./lower.js";
import { canComplete, dropUnusedDecls } from "./lower-statements.js";
import { isNamed, isNullable, isNumeric, named, primName, setLiteralCode, typeName, underlyingNullable, type Type } from "./types.js";
import "./surface/index.js";
import { setDefaultOfCode } from "./surface/system.js";
import { setBodyTarget, setCastKey } from "./surface/context.js";
import { setJCastKey } from "./surface/newtonsoft.js";
import { setCastHelpers, setTypeTest } from "./surface/linq.js";
import { defaultValue } from "./lower.js";

setLiteralCode((v) => literal(v));
setCastKey(castKey);
setJCastKey(castKey);
setBodyTarget((t) => literal(typeName(t)));
setTypeTest((t) => js`((v) => ${typeTest(t, js`v`)})`);
setCastHelpers((t) => js`((v) => ${boxCode(t, js`v`)})`, (t) => js`((v) => ${castCode(js`v`, t)})`);
setDefaultOfCode((x) => defaultValue(x.retType));

/**
 * What the consuming policy attribute needs the value to be.
 * - `bool`: a condition; the expression must have static type bool.
 * - `int`: status codes, timeouts, counts; int (or a type implicitly convertible to int).
 * - `string`: header values, URLs, methods, reasons; any type, converted as APIM does
 *    (string stays as is, null stays null, other values via their .NET ToString()).
 * - `body`: set-body text; string, or JToken/JObject/JArray/byte[] (serialized as APIM does).
 * - `variable`: set-variable value; one of the types the set-variable reference page allows.
 * - `any`: no conversion.
 */
export type ExpectedType = "bool" | "int" | "string" | "body" | "variable" | "any";

export interface ExpressionInput {
  /** The whole expression as written, starting with `@(` or `@{`, XML entities already decoded. */
  source: string;
  /** Document offset of each character of `source` (entity decoding can shift them); same length as `source`. */
  offsets: readonly number[] | ((index: number) => number);
  expected: ExpectedType;
  diagnostics: DiagnosticBag;
  scope: ModuleScope;
}

export interface CompiledExpression {
  /** A JS expression; `ctx` (see CONTEXT_IDENT) is in scope where it is placed. */
  code: Code;
  /** The static C# type, for messages. */
  type: string;
  /** Set when the value is a compile-time constant (e.g. `@(true)`), so policies can fold it. */
  constant?: { value: string | number | boolean | null };
  /** The expression reads a message body (the binder saw a member of type IMessageBody). */
  readsBody: boolean;
}

/** Types set-variable accepts (apim-semantics §4.9), plus their nullable forms. */
const VARIABLE_TYPES = new Set(["bool", "sbyte", "byte", "ushort", "uint", "ulong", "short", "int", "long", "decimal", "float", "double", "Guid", "string", "char", "DateTime", "TimeSpan"]);

export function compileExpression(input: ExpressionInput): CompiledExpression | null {
  try {
    return compileExpressionUnguarded(input);
  } catch (e) {
    // The parser and binder recurse on nesting; an absurdly deep expression is an input error.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const at = typeof input.offsets === "function" ? input.offsets(0) : (input.offsets[0] ?? 0);
      input.diagnostics.error(Codes.CSharpSyntax, at, "This expression is nested too deeply to compile; split it into smaller parts (local variables in @{ ... }).");
      return null;
    }
    throw e;
  }
}

function compileExpressionUnguarded(input: ExpressionInput): CompiledExpression | null {
  const { source, diagnostics, scope } = input;
  const offsetOf = (i: number): number => {
    const idx = Math.max(0, Math.min(i, source.length - 1));
    if (typeof input.offsets === "function") return input.offsets(idx);
    return input.offsets[idx] ?? input.offsets[input.offsets.length - 1] ?? 0;
  };
  let parsed: ReturnType<typeof parseExpressionSource>;
  try {
    parsed = parseExpressionSource(source);
  } catch (e) {
    if (e instanceof ParseError) {
      diagnostics.error(e.tooNew ? Codes.CSharpTooNew : Codes.CSharpSyntax, offsetOf(e.pos), e.message);
      return null;
    }
    throw e;
  }
  const binder = new Binder(source, scope);
  binder.assignedNames = assignedNames(parsed);
  try {
    if (parsed.kind === "expr") {
      const b = binder.expr(parsed.expr);
      const conv = finalConvert(binder, b, input.expected, parsed.expr.pos);
      dropUnusedDecls(binder, conv.code);
      const temps = binder.frameTemps;
      // (a decimal constant's cv is its double value: its code, a hoisted Decimal, is the value)
      if (conv.cv !== undefined && temps.length === 0 && primName(underlyingNullable(conv.type)) !== "decimal" && !(typeof conv.cv.v === "number" && Number.isInteger(conv.cv.v) && !Number.isSafeInteger(conv.cv.v) && /long/.test(primName(underlyingNullable(conv.type)) ?? ""))) return { code: literal(conv.cv.v), type: typeName(conv.type), constant: { value: conv.cv.v }, readsBody: binder.readsBody };
      if (temps.length === 0) return { code: conv.code, type: typeName(conv.type), readsBody: binder.readsBody };
      const name = scope.names.fresh("expr");
      scope.hoist(js`function ${name}(ctx) { ${tempDecl(temps)}return ${conv.code}; }`);
      return { code: js`${name}(ctx)`, type: typeName(conv.type), readsBody: binder.readsBody };
    }
    // statement block: every path must return; the return type is decided by the expected type
    const want = blockReturnType(input.expected);
    binder.setReturnType((e, pos) => finalConvert(binder, e, input.expected, pos));
    const body = binder.block(parsed.stmts);
    if (canComplete(parsed.stmts)) {
      diagnostics.error(Codes.CSharpMissingReturn, offsetOf(source.length - 1), "Not all code paths return a value in the policy expression block.");
      return null;
    }
    dropUnusedDecls(binder, body);
    const temps = binder.frameTemps;
    const name = scope.names.fresh("block");
    scope.hoist(js`function ${name}(ctx) { ${tempDecl(temps)}${body}}`);
    return { code: js`${name}(ctx)`, type: want ? typeName(want) : input.expected === "string" ? "string" : "object", readsBody: binder.readsBody };
  } catch (e) {
    if (e instanceof BindError) {
      diagnostics.error(e.code, offsetOf(e.pos), e.message);
      return null;
    }
    if (e instanceof InternalCompilerError) throw e;
    throw e;
  }
}

/** Every name the expression assigns (=, op=, ++/--, out/ref arguments), anywhere in it, lambdas too. */
function assignedNames(root: unknown): Set<string> {
  const out = new Set<string>();
  const nameOf = (e: unknown) => {
    const x = e as { k?: string; name?: string; expr?: unknown } | null;
    if (x?.k === "name" && x.name) out.add(x.name);
    else if (x?.k === "paren") nameOf(x.expr);
  };
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== "object") continue;
    if (Array.isArray(n)) {
      stack.push(...n);
      continue;
    }
    const o = n as Record<string, unknown>;
    if (o.k === "assign") nameOf(o.target);
    if ((o.k === "postfix" || o.k === "unary") && (o.op === "++" || o.op === "--")) nameOf(o.operand);
    if ((o.kind === "out" || o.kind === "ref") && "expr" in o) nameOf(o.expr);
    for (const v of Object.values(o)) if (v && typeof v === "object") stack.push(v);
  }
  return out;
}

function blockReturnType(expected: ExpectedType): Type | null {
  switch (expected) {
    case "bool":
      return named("bool");
    case "int":
      return named("int");
    default:
      return null; // checked per return statement below through finalWrap
  }
}

import { rt } from "../codegen/code.js";

function finalConvert(b: Binder, e: BExpr, expected: ExpectedType, pos: number): BExpr {
  const t = e.type;
  switch (expected) {
    case "bool":
    case "int":
      return b.convert(e, named(expected), pos);
    case "string": {
      if (isNamed(t, "string") || t.k === "null") return e;
      if (t.k === "void") b.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      if (e.cv !== undefined) {
        const s = stringOf(b, e);
        if (e.cv.v !== null) {
          const conv = convertImplicit(b, e, named("object"));
          void conv;
        }
        return { type: named("string"), code: s, pos, cv: constString(e) };
      }
      if (isNullable(t) || !(isNumeric(t) || isNamed(t, "bool") || isNamed(t, "char"))) return { type: named("string"), code: js`${rt("toStrOrNull")}(${e.type.k === "named" && isNamed(underlyingNullable(t), "char") ? js`${rt("boxChar")}(${e.code})` : e.code})`, pos };
      return { type: named("string"), code: js`("" + ${stringOf(b, e)})`, pos };
    }
    case "variable": {
      const u = underlyingNullable(t);
      const n = u.k === "named" ? (primName(u) ?? u.def.name) : u.k === "array" && (isNamed(u.elem, "byte") || isNamed(u.elem, "sbyte")) ? "bytes" : "";
      // The reference page lists scalar types only, yet Microsoft's own fragment examples store
      // JObject/JToken values: those are accepted too.
      // long/short/float/double/..., char and Guid are stored boxed (NumBox for integral doubles, 1-char
      // string, GuidBox) so that unboxing casts and `is` see their C# type; int, decimal, bool and strings are
      // stored as they are.
      if (["long", "ulong", "uint", "short", "ushort", "byte", "sbyte", "float", "double", "char", "Guid"].includes(n) && t.k === "named") return convertImplicit(b, e, named("object")) ?? e;
      if (t.k === "null" || VARIABLE_TYPES.has(n) || n === "bytes" || JSON_VARIABLE_TYPES.has(n)) return e;
      b.err(Codes.CSharpTypeMismatch, pos, `set-variable cannot store a value of type '${typeName(t)}'; allowed are bool, the numeric types, char, string, Guid, DateTime, TimeSpan, byte[], their nullable forms, JToken/JObject/JArray/JValue and Jwt.`);
    }
    // eslint-disable-next-line no-fallthrough
    case "body": {
      if (t.k === "void") b.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      return e;
    }
    default:
      if (t.k === "void") b.err(Codes.CSharpTypeMismatch, pos, "The expression has no value (void).");
      return e;
  }
}

/**
 * Object types set-variable also accepts though the reference page lists scalars only: Microsoft's
 * own samples store JObject/JToken values and a parsed Jwt (oauth-proxy: `AsJwt()`, read back with
 * `(Jwt)context.Variables[...]`), as validate-jwt's output-token-variable-name does.
 */
const JSON_VARIABLE_TYPES: ReadonlySet<string> = new Set(["JToken", "JObject", "JArray", "JValue", "Jwt"]);

function constString(e: BExpr): { v: string | null } | undefined {
  const v = e.cv!.v;
  if (v === null) return { v: null };
  if (typeof v === "boolean") return { v: v ? "True" : "False" };
  if (typeof v === "number" && isNamed(e.type, "char")) return { v: String.fromCharCode(v) };
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 53 && primName(e.type) !== "double" && primName(e.type) !== "float" && primName(e.type) !== "decimal") return { v: String(v) };
  return undefined;
}

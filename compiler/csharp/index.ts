// Entry point of the C# policy-expression compiler: source text → typed AST → JS `Code`.
// (Placeholder signature; the lexer, parser, binder and lowering live beside this file.)
import type { Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import type { DiagnosticBag } from "../diagnostics.js";

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
}

export declare function compileExpression(input: ExpressionInput): CompiledExpression | null;

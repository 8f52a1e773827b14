// Where mcs (Mono's C# compiler, the fuzzer's reference) compiles a constant expression differently
// from Roslyn (the compiler APIM uses), the answer of the generated text is mcs's, not C#'s. The fuzzer
// (fuzz.ts mcsArtefacts) then runs a variant of the case with those constants made non-constant
// (`(decimal)(object)1.50m` is not a constant expression, so neither compiler folds or drops it) and
// accepts apimc's answer when it is the variant's. Known cases:
//
// - Array initializers: mcs leaves out elements whose constant value equals the element type's
//   default, comparing decimals by value, so `new decimal[] { 0.00m }[0]` (and
//   `new decimal[] { 1.50m % 1.50m }`) is 0, not 0.00. Roslyn skips only the zero of scale 0:
//   ConstantValue.Create(decimal) keeps "the significant bits ... even for Zero or One" (a 0.00m is
//   a ConstantValueDecimal, not the default constant), dotnet/roslyn
//   src/Compilers/Core/Portable/ConstantValue.cs.
// - `checked(0 - x)`: mcs emits a negation without the overflow check, so checked(0 - int.MinValue)
//   is int.MinValue; the C# spec (§12.10.5 subtraction: "In a checked context, if the difference is
//   outside the range of the result type, a System.OverflowException is thrown") and Roslyn (sub.ovf)
//   throw. Measured with mcs 6.8 for every constant-zero left operand: 0, 00, 0x0, (0), (long)0,
//   default(int), a const local, and the suffixed 0L/0l/0u/0U/0UL/0ul/0LU of long, uint and ulong
//   (checked(0u - 1u) is 4294967295, checked(0UL - 1UL) 18446744073709551615, checked(0L -
//   long.MinValue) long.MinValue); unary minus (checked(-int.MinValue)) and non-zero constants are
//   compiled with the check. The variant makes the literal forms non-constant, keeping their type.

// - `x && false`: mcs folds the whole expression to false and drops x, with its side effects and
//   exceptions ((default(ISet<int>).Overlaps(s) && false) gives no NullReferenceException); the C#
//   spec (§12.13.2: x && y evaluates x first) and Roslyn evaluate x. Measured with mcs 6.8: in a
//   branch condition (`(x && !true) ? a : b`, `if (x & false)`) also for `!true`, `(!true)` and the
//   non-short-circuit `&`, and for any constant false operand (`x && ("" == "abc")`, `x & (1 == 2)`).
//   The variant casts a constant right operand through object, which keeps its value and type.
// - `0 & x`, `x & 0`, `false & x`: mcs folds the result and drops x when x looks free of side effects
//   but can throw: a checked conversion or a division (checked(0 & (int)(long)o) is 0, 0 & (1 / z)
//   is 0; measured with mcs 6.8; calls and unboxing casts are kept). The variant makes the zero (of
//   its suffix's type) or the false non-constant.
// - A negative zero double or float literal in an array initializer is left out as the zero default
//   (compared by value), so new double[] { -0.0 }[0] is +0.0. The variant makes it non-constant.
// - A lambda inside `checked(...)` or a `checked { }` block: mcs compiles its body unchecked
//   (checked(new[] { 1 }.Select(x => x + int.MaxValue).First()) is int.MinValue under mcs 6.8, for
//   expression and block bodies, nested lambdas too); the C# spec (§12.8.20: the operators affect
//   "operations that are textually contained") and Roslyn, which binds a lambda body in its enclosing
//   checked context, throw. The variant wraps each such body in checked(...) (a block body in
//   `{ checked { } }`), which mcs honours.

import { enumTypes } from "./surface-index.js";

/** A negative zero double/float literal after `{`, `,`, `(`, `[` or `=`. */
const NEGATIVE_ZERO = /(?<=[{,([=]\s*)-0(?:\.0+)?(?:[eE][-+]?\d+)?([fFdD])?(?![\w.])/g;

/** Decimal literals and decimal's constant fields. */
const DECIMAL_CONSTANT = /(?<![\w.])(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?[mM](?!\w)|decimal\.(?:MaxValue|MinValue|Zero|One|MinusOne)\b)/g;
/** An integer literal zero (decimal or hex, any suffix) as the left operand of a subtraction. */
const ZERO = String.raw`(?<![\w.])(?:0[xX]0+|0+)([uU][lL]?|[lL][uU]?)?`;
const MINUS_NEXT = String.raw`(?=\s*-(?![-=]))`;
const ZERO_MINUS = new RegExp(ZERO + MINUS_NEXT, "g");
/** A zero literal or false as an operand of a single & (`0 & x`, `x & 0L`, `false & b`). */
const ZERO_AND = new RegExp(ZERO + String.raw`(?=\s*&(?![&=]))`, "g");
const AND_ZERO = new RegExp(String.raw`(?<=(?<![&])&\s*)` + ZERO + String.raw`(?![\w.])`, "g");
const FALSE_AND = /(?<![\w.])false(?=\s*&(?![&=]))/g;
/** The same in parentheses, "(0) - x" (not a call's or a tuple's last argument: "f(0) - x"). */
const PAREN_ZERO_MINUS = new RegExp(String.raw`(?<![\w)\]>])\((${ZERO})\)` + MINUS_NEXT, "g");
/** A literal's type from its suffix (C# §6.4.5.3: U uint, L long, UL/LU ulong; zero fits them all). */
const SUFFIX_TYPE = (suffix: string | undefined): string => {
  const s = (suffix ?? "").toLowerCase();
  return s === "" ? "int" : s === "u" ? "uint" : s === "l" ? "long" : "ulong";
};
const nonConstant = (lit: string, suffix: string | undefined) => `((${SUFFIX_TYPE(suffix)})(object)${lit})`;

function rewriteCode(code: string): string {
  return code
    .replace(DECIMAL_CONSTANT, (m) => `((decimal)(object)${m})`)
    .replace(PAREN_ZERO_MINUS, (_m, lit: string, suffix: string | undefined) => `(${nonConstant(lit, suffix)})`)
    .replace(ZERO_MINUS, (lit: string, suffix: string | undefined) => nonConstant(lit, suffix))
    .replace(ZERO_AND, (lit: string, suffix: string | undefined) => nonConstant(lit, suffix))
    .replace(AND_ZERO, (lit: string, suffix: string | undefined) => nonConstant(lit, suffix))
    .replace(FALSE_AND, "((bool)(object)false)")
    .replace(NEGATIVE_ZERO, (lit: string, suffix: string | undefined) => `((${suffix === "f" || suffix === "F" ? "float" : "double"})(object)${lit})`);
}

/**
 * The expression (or block) with decimal constants and `0 - ` made non-constant and lambda bodies in
 * checked regions made explicitly checked, leaving string and char literals alone (holes of
 * interpolated strings are code); null when nothing changes.
 */
export function mcsVariant(expr: string): string | null {
  const out = constantsVariant(constantRightOperands(checkedLambdas(expr)));
  return out === expr ? null : out;
}

/** What is left of a constant expression without its literals, casts and operators: nothing. */
const CONSTANT_PARTS = /#+|\b0[xX][0-9a-fA-F]+[uUlL]*\b|\b\d+(?:\.\d+)?(?:[eE][-+]?\d+)?[uUlLmMdDfF]*\b|\.\d+(?:[eE][-+]?\d+)?[mMdDfF]?\b|\b(?:true|false|null|bool|byte|sbyte|short|ushort|int|uint|long|ulong|char|float|double|decimal|string|object)\b|==|!=|<=|>=|<<|>>|&&|\|\||[-+*/%!~^&|<>()?:\s]/g;
/**
 * Named constants: an enum member of the surface (Formatting.Indented) and the numeric types' limits
 * (int.MaxValue), which mcs folds as it folds literals (seed 34403: `x && (Formatting.Indented !=
 * Formatting.Indented)`).
 */
let namedConstants: RegExp | null = null;
const NAMED_CONSTANTS = (): RegExp =>
  (namedConstants ??= new RegExp(`\\b(?:(?:${enumTypes().join("|")})\\.[A-Za-z_]\\w*|(?:byte|sbyte|short|ushort|int|uint|long|ulong|char|float|double|decimal)\\.(?:MaxValue|MinValue|Epsilon|NaN|PositiveInfinity|NegativeInfinity))\\b`, "g"));
const isConstant = (masked: string): boolean => masked.trim() !== "" && masked.replace(NAMED_CONSTANTS(), " ").replace(CONSTANT_PARTS, "") === "";
/** A constant that is a bool: it has a literal true/false or a comparison or negation at its top. */
const isBoolLike = (masked: string): boolean => /\b(?:true|false)\b|==|!=|<=|>=|[<>!]/.test(masked);

/** Where the right operand of the binary operator ending at `from` ends: at a lower-precedence operator or separator at its depth. */
function rightOperandEnd(masked: string, from: number, stops: RegExp): number {
  let depth = 0;
  for (let i = from; i < masked.length; i++) {
    const c = masked[i]!;
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if (/^(?:[=!<>]=|=>)/.test(masked.slice(i, i + 2))) i++; // (two-character operators are not stops)
    else if (depth === 0 && stops.test(masked.slice(i, i + 2))) return i;
  }
  return masked.length;
}
/** Ends of a right operand of && (|| ?? ?: , ; = and another &&) and of & (also ^ | and another &). */
const AFTER_AND_AND = /^(?:&&|\|\||\?|:|,|;|=(?!=))/;
const AFTER_AND = /^(?:&|\^|\||\?|:|,|;|=(?!=))/;

/**
 * A constant right operand of && or & made non-constant, `x && ((bool)(object)(1 > 2))`: mcs drops x
 * when the operand is a constant false (see above); the cast changes neither value nor type.
 */
function constantRightOperands(expr: string): string {
  const masked = maskLiterals(expr);
  const wraps: { from: number; to: number }[] = [];
  for (const m of masked.matchAll(/&&|&(?![&=])/g)) {
    const at = m.index!;
    if (m[0] === "&" && masked[at - 1] === "&") continue;
    let from = at + m[0].length;
    while (/\s/.test(masked[from] ?? "")) from++;
    let to = rightOperandEnd(masked, from, m[0] === "&&" ? AFTER_AND_AND : AFTER_AND);
    while (to > from && /\s/.test(masked[to - 1]!)) to--;
    const operand = masked.slice(from, to);
    if (isConstant(operand) && (m[0] === "&&" || isBoolLike(operand))) wraps.push({ from, to });
  }
  let out = expr;
  for (const { from, to } of wraps.sort((a, b) => b.from - a.from)) out = `${out.slice(0, from)}((bool)(object)(${out.slice(from, to)}))${out.slice(to)}`;
  return out;
}

/** The text with string and char literals (interpolated ones whole) replaced by `#`s, positions kept. */
function maskLiterals(expr: string): string {
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    const verbatim = ch === "@" && expr[i + 1] === '"';
    const interpolated = ch === "$" && (expr[i + 1] === '"' || (expr[i + 1] === "@" && expr[i + 2] === '"'));
    if (ch === "'" || ch === '"' || verbatim || interpolated) {
      const end = literalEnd(expr, i);
      out += "#".repeat(end - i);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The index after the string or char literal starting at i (holes of interpolated strings skipped whole). */
function literalEnd(expr: string, i: number): number {
  if (expr[i] === "'") {
    let j = i + 1;
    while (j < expr.length && expr[j] !== "'") j += expr[j] === "\\" ? 2 : 1;
    return j + 1;
  }
  const interpolated = expr[i] === "$";
  const open = expr.indexOf('"', i);
  const verbatim = expr[open - 1] === "@";
  let j = open + 1;
  while (j < expr.length) {
    const c = expr[j]!;
    if (!verbatim && c === "\\") j += 2;
    else if (c === '"' && verbatim && expr[j + 1] === '"') j += 2;
    else if (c === '"') return j + 1;
    else if (interpolated && c === "{" && expr[j + 1] !== "{") {
      let depth = 1;
      j++;
      while (j < expr.length && depth > 0) {
        const q = expr[j]!;
        if (q === '"' || q === "'" || (q === "@" && expr[j + 1] === '"') || (q === "$" && /^\$@?"/.test(expr.slice(j, j + 3)))) {
          j = literalEnd(expr, j);
          continue;
        }
        if (q === "{") depth++;
        else if (q === "}") depth--;
        j++;
      }
    } else j += interpolated && (c === "{" || c === "}") ? 2 : 1;
  }
  return j;
}

const CLOSE: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** The index of the bracket closing the one at `open` in masked text (or the end). */
function matching(masked: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i]!;
    if (c in CLOSE) stack.push(CLOSE[c]!);
    else if (c === ")" || c === "]" || c === "}") {
      stack.pop();
      if (!stack.length) return i;
    }
  }
  return masked.length;
}

/** Where an expression-bodied lambda's body starting at `from` ends: a `,` `;` or closing bracket at its depth. */
function expressionEnd(masked: string, from: number): number {
  let depth = 0;
  for (let i = from; i < masked.length; i++) {
    const c = masked[i]!;
    if (c === "<" && /\w/.test(masked[i - 1] ?? "")) {
      // a generic argument list (Dictionary<string, int>): its commas are not the body's end
      const m = /^<[\w\s,.?\[\]<>]*?>(?=\s*[({.)\],;]|$)/.exec(masked.slice(i));
      if (m && balancedAngles(m[0])) {
        i += m[0].length - 1;
        continue;
      }
    }
    if (c in CLOSE) depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return i;
      depth--;
    } else if ((c === "," || c === ";") && depth === 0) return i;
  }
  return masked.length;
}

const balancedAngles = (s: string) => [...s].filter((c) => c === "<").length === [...s].filter((c) => c === ">").length;

/** Each lambda body whose innermost enclosing checked/unchecked region is checked, made explicitly checked. */
function checkedLambdas(expr: string): string {
  const masked = maskLiterals(expr);
  const regions: { from: number; to: number; checked: boolean }[] = [];
  for (const m of masked.matchAll(/(?<![\w.])(un)?checked\s*([({])/g)) {
    const open = m.index! + m[0].length - 1;
    regions.push({ from: open, to: matching(masked, open), checked: !m[1] });
  }
  if (!regions.some((r) => r.checked)) return expr;
  const inserts: { at: number; text: string; lambda: number }[] = [];
  for (const m of masked.matchAll(/=>/g)) {
    const at = m.index!;
    const inner = regions.filter((r) => r.from < at && at < r.to).sort((a, b) => b.from - a.from)[0];
    if (!inner?.checked) continue;
    let start = at + 2;
    while (/\s/.test(masked[start] ?? "")) start++;
    if (/^(?:\w+|\([^()]*\))\s*=>/.test(masked.slice(start))) continue; // a curried lambda: its inner body is wrapped
    if (masked[start] === "{") {
      inserts.push({ at: start, text: "{ checked ", lambda: at }, { at: matching(masked, start) + 1, text: " }", lambda: at });
    } else {
      let end = expressionEnd(masked, start);
      while (end > start && /\s/.test(masked[end - 1]!)) end--;
      inserts.push({ at: start, text: "checked(", lambda: at }, { at: end, text: ")", lambda: at });
    }
  }
  // (inserted from the end, so earlier positions stay valid; where an inner and an outer body end at one
  // position, the outer's closing goes in first, to end up after the inner's)
  inserts.sort((a, b) => b.at - a.at || a.lambda - b.lambda);
  let out = expr;
  for (const { at, text } of inserts) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** Decimal constants, `0 - x`, `&& false` and `-0.0` in initializers made non-constant, outside literals. */
function constantsVariant(expr: string): string {
  let out = "";
  let code = "";
  let i = 0;
  const flush = () => {
    out += rewriteCode(code);
    code = "";
  };
  while (i < expr.length) {
    const ch = expr[i]!;
    if (ch === "'") {
      // a char literal: up to the closing quote (escapes are one backslash and one or more chars)
      let j = i + 1;
      while (j < expr.length && expr[j] !== "'") j += expr[j] === "\\" ? 2 : 1;
      flush();
      out += expr.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '"' || (ch === "@" && expr[i + 1] === '"') || (ch === "$" && (expr[i + 1] === '"' || (expr[i + 1] === "@" && expr[i + 2] === '"')))) {
      flush();
      const interpolated = ch === "$";
      const verbatim = ch === "@" || (interpolated && expr[i + 1] === "@");
      let j = expr.indexOf('"', i) + 1;
      out += expr.slice(i, j);
      let text = "";
      while (j < expr.length) {
        const c = expr[j]!;
        if (!verbatim && c === "\\") {
          text += expr.slice(j, j + 2);
          j += 2;
        } else if (c === '"' && verbatim && expr[j + 1] === '"') {
          text += '""';
          j += 2;
        } else if (c === '"') {
          break;
        } else if (interpolated && (c === "{" || c === "}") && expr[j + 1] === c) {
          text += c + c;
          j += 2;
        } else if (interpolated && c === "{") {
          // a hole: code up to the matching brace, skipping the string and char literals inside
          let depth = 1;
          let k = j + 1;
          while (k < expr.length && depth > 0) {
            const q = expr[k]!;
            if (q === '"' || q === "'") {
              k++;
              while (k < expr.length && expr[k] !== q) k += expr[k] === "\\" ? 2 : 1;
            } else if (q === "{") depth++;
            else if (q === "}") depth--;
            if (depth > 0) k++;
          }
          out += text + "{" + (mcsVariant(expr.slice(j + 1, k)) ?? expr.slice(j + 1, k)) + "}";
          text = "";
          j = k + 1;
        } else {
          text += c;
          j++;
        }
      }
      out += text + '"';
      i = j + 1;
      continue;
    }
    code += ch;
    i++;
  }
  flush();
  return out;
}

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
//   spec (§12.13.2: x && y evaluates x first) and Roslyn evaluate x. The variant makes the false
//   non-constant.
// - A negative zero double or float literal in an array initializer is left out as the zero default
//   (compared by value), so new double[] { -0.0 }[0] is +0.0. The variant makes it non-constant.

/** `&& false` (the right operand a constant false). */
const AND_FALSE = /&&(\s*)false(?![\w.])/g;
/** A negative zero double/float literal after `{`, `,`, `(`, `[` or `=`. */
const NEGATIVE_ZERO = /(?<=[{,([=]\s*)-0(?:\.0+)?(?:[eE][-+]?\d+)?([fFdD])?(?![\w.])/g;

/** Decimal literals and decimal's constant fields. */
const DECIMAL_CONSTANT = /(?<![\w.])(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?[mM](?!\w)|decimal\.(?:MaxValue|MinValue|Zero|One|MinusOne)\b)/g;
/** An integer literal zero (decimal or hex, any suffix) as the left operand of a subtraction. */
const ZERO = String.raw`(?<![\w.])(?:0[xX]0+|0+)([uU][lL]?|[lL][uU]?)?`;
const MINUS_NEXT = String.raw`(?=\s*-(?![-=]))`;
const ZERO_MINUS = new RegExp(ZERO + MINUS_NEXT, "g");
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
    .replace(AND_FALSE, "&&$1((bool)(object)false)")
    .replace(NEGATIVE_ZERO, (lit: string, suffix: string | undefined) => `((${suffix === "f" || suffix === "F" ? "float" : "double"})(object)${lit})`);
}

/**
 * The expression (or block) with decimal constants and `0 - ` made non-constant, leaving string and
 * char literals alone (holes of interpolated strings are code); null when nothing changes.
 */
export function mcsVariant(expr: string): string | null {
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
  return out === expr ? null : out;
}

// Reference equality (object.ReferenceEquals, `==` on references) of operands that may be values
// boxed by their conversion: apimc's boxes of numbers and bools are JS primitives, .NET's are objects.
import { js, type Code } from "../codegen/code.js";
import type { BoxKind } from "./types.js";

/**
 * Reference equality of two converted operands (object.ReferenceEquals, `==` on references): JS
 * identity, except that a value boxed by the conversion is a new .NET object, equal to nothing
 * (both operands still run, in order); a boxed Nullable without a value is null. Object.is, not
 * ===: one boxed NaN is itself.
 */
export function referenceEquals(a: Code, b: Code, boxes: readonly (BoxKind | undefined)[], temp: () => Code): Code {
  if (boxes.includes("fresh")) return js`(${a}, ${b}, false)`;
  if (!boxes.includes("freshUnlessNull")) return js`Object.is(${a}, ${b})`;
  const [ta, tb] = [temp(), temp()];
  return js`((${ta} = ${a}), (${tb} = ${b}), ${ta} == null && ${tb} == null)`;
}

// C# types as the generator writes them ("List<int>", "int?", "string[]"): the base and numeric
// type lists, splitting a type text, and converting between a text and the surface's Type.
import { lookupTypeAnyArity, typeName, type Type } from "../../../compiler/csharp/types.js";

/** The base types (an object's boxed value, a conversion's source). */
export const BASE = ["int", "long", "double", "decimal", "bool", "char", "string", "DateTime", "DateTimeOffset", "TimeSpan"];
/** The numeric types arithmetic produces. */
export const NUM = ["int", "long", "double", "decimal"];

/** Splits "List<int>" into ["List", ["int"]]; "int[]" into ["[]", ["int"]]; "int?" into ["?", ["int"]]. */
export function splitType(t: string): [string, string[]] {
  if (t.endsWith("[]")) return ["[]", [t.slice(0, -2)]];
  if (t.endsWith("?")) return ["?", [t.slice(0, -1)]];
  const lt = t.indexOf("<");
  if (lt < 0) return [t, []];
  const args: string[] = [];
  let depth = 0;
  let start = lt + 1;
  for (let i = lt + 1; i < t.length - 1; i++) {
    const c = t[i];
    if (c === "<") depth++;
    else if (c === ">") depth--;
    else if (c === "," && depth === 0) {
      args.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(t.slice(start, t.length - 1).trim());
  return [t.slice(0, lt), args];
}

/** A surface Type as C# text (aliases kept), e.g. "List<int>", "int?", "string[]". */
export function typeText(t: Type): string {
  if (t.k === "tp") return "?error";
  const s = typeName(t);
  return s;
}

/** A type text → a surface Type (only for instantiating type parameters). */
export function parseTypeText(s: string): Type {
  const [head, args] = splitType(s);
  if (head === "[]") return { k: "array", elem: parseTypeText(args[0]!) };
  const def = lookupTypeAnyArity(head === "?" ? "Nullable" : head).find((d) => d.typeParams.length === (head === "?" ? 1 : args.length));
  if (!def) throw new Error(`generator: unknown type ${s}`);
  return { k: "named", def, args: args.map(parseTypeText) };
}

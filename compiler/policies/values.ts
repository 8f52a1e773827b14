// Literal attribute values: type checks at compile time and their JS form.
import { Codes, type DiagnosticBag } from "../diagnostics.js";
import type { LiteralValue, XElement, XValue } from "../xml/parse.js";
import type { LiteralType, ParseContext } from "./types.js";

const INT = /^\s*[+-]?\d+\s*$/;

/** A `{{name}}` left in place because no named-values table was given (a warning already says so). */
export const UNRESOLVED_NAMED_VALUE = /\{\{[A-Za-z0-9._-]+\}\}/;

/**
 * A value whose text is known only later: a named value left as written, or a secret named value
 * (read when the module loads). Checks of a literal's form skip it; code must pass it on as text.
 */
export const KNOWN_LATER = /\{\{[A-Za-z0-9._-]+\}\}|\uE0F0\d+Q?\uE0F1/;

export function checkLiteral(v: LiteralValue, type: LiteralType, what: string, diags: DiagnosticBag): boolean {
  const t = v.text.trim();
  if (UNRESOLVED_NAMED_VALUE.test(t)) return true; // its value is known only at deployment
  if (type === "int" || type === "seconds") {
    if (!INT.test(t) || !Number.isSafeInteger(Number(t))) {
      diags.error(Codes.InvalidLiteral, v.offset, `${what} must be an integer, not '${v.text}'.`);
      return false;
    }
    if (type === "seconds" && Number(t) < 0) {
      diags.error(Codes.InvalidLiteral, v.offset, `${what} must not be negative.`);
      return false;
    }
    return true;
  }
  if (type === "bool") {
    if (!/^(true|false)$/i.test(t)) {
      diags.error(Codes.InvalidLiteral, v.offset, `${what} must be 'true' or 'false', not '${v.text}'.`);
      return false;
    }
    return true;
  }
  if (typeof type === "object") {
    if (!type.enum.includes(t)) {
      diags.error(Codes.InvalidLiteral, v.offset, `${what} must be one of ${type.enum.map((e) => `'${e}'`).join(", ")}, not '${v.text}'.`);
      return false;
    }
  }
  return true;
}

export function literalBool(v: XValue | undefined, def: boolean): boolean {
  return v && v.kind === "literal" ? v.text.trim().toLowerCase() === "true" : def;
}

export function literalInt(v: XValue | undefined, def: number): number {
  return v && v.kind === "literal" ? Number(v.text.trim()) : def;
}

export function literalText(v: XValue | undefined, def: string): string {
  return v && v.kind === "literal" ? v.text.trim() : def;
}

/**
 * Child elements in the order the reference page gives them: the returned check warns about a
 * child that comes before one it should follow. With `strict`, it also refuses (an error, and
 * false: skip the child) one not in `order` and a second one of a kind that is not `repeatable`.
 */
export function childOrder(parent: string, order: readonly string[], pc: ParseContext, strict?: { repeatable?: readonly string[] }): (child: XElement) => boolean {
  const seen = new Set<string>();
  let lastRank = -1;
  return (child) => {
    const rank = order.indexOf(child.name);
    if (strict) {
      if (rank === -1) {
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<${parent}> takes ${order.map((o) => `<${o}>`).join(", ")}, not <${child.name}>.`);
        return false;
      }
      if (!strict.repeatable?.includes(child.name)) {
        if (seen.has(child.name)) {
          pc.diags.error(Codes.DuplicateChild, child.offset, `<${parent}> takes at most one <${child.name}>.`);
          return false;
        }
        seen.add(child.name);
      }
    }
    if (rank !== -1 && rank < lastRank) pc.diags.warning(Codes.UnexpectedChild, child.offset, `<${child.name}> should come before <${order[lastRank]}> (the order of the reference page).`);
    lastRank = Math.max(lastRank, rank);
    return true;
  };
}

// Literal attribute values: type checks at compile time and their JS form.
import { Codes, type DiagnosticBag } from "../diagnostics.js";
import type { LiteralValue, XValue } from "../xml/parse.js";
import type { LiteralType } from "./types.js";

const INT = /^\s*[+-]?\d+\s*$/;

/** A `{{name}}` left in place because no named-values table was given (a warning already says so). */
export const UNRESOLVED_NAMED_VALUE = /\{\{[A-Za-z0-9._-]+\}\}/;

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

// Finds the C# policy expressions in policy XML (`@(…)` single expressions, `@{…}` statement blocks)
// and the tokens inside them, for highlighting. The XML grammar sees attribute values and text as
// opaque, so the editor paints these spans over it (see csharp-highlight.ts). Where an expression
// ends is the compiler's own answer (compiler/xml/expression-scanner.ts); the tokens inside come from
// a light scan (`&quot;` counts as a quote, as it is one once the XML is read).
import { isScanError, scanExpression } from "../../../compiler/xml/expression-scanner.js";

export type TokenKind = "expression" | "delimiter" | "keyword" | "string" | "number" | "comment" | "context";

export interface Span {
  from: number;
  to: number;
  kind: TokenKind;
}

const KEYWORDS = new Set(
  (
    "as base bool break byte case catch char checked const continue decimal default do double else enum false finally fixed float for " +
    "foreach if in int is long new null object out params ref return sbyte short sizeof static string switch this throw true try typeof " +
    "uint ulong unchecked ushort using var void while when"
  ).split(" "),
);

const QUOTE_ENTITY = "&quot;";

/** Every expression's extent and its tokens, in document order (an expression span comes before its tokens). */
export function scanExpressions(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (true) {
    const at = text.indexOf("@", i);
    if (at === -1 || at + 1 >= text.length) break;
    const open = text[at + 1];
    if (open !== "(" && open !== "{") {
      i = at + 1;
      continue;
    }
    // The compiler's own scanner decides where the expression ends (raw quotes, `<`, `&&` inside
    // included, as APIM reads them); an unterminated one runs to the end of its line.
    const r = scanExpression(text, at);
    const closed = !isScanError(r);
    const end = closed ? r.end : open === "(" ? lineEnd(text, at) : text.length;
    out.push({ from: at, to: end, kind: "expression" });
    out.push({ from: at, to: at + 2, kind: "delimiter" });
    tokenize(text, at + 2, closed ? end - 1 : end, out);
    if (closed) out.push({ from: end - 1, to: end, kind: "delimiter" });
    i = Math.max(end, at + 2);
  }
  return out;
}

/** The keyword, string, number, comment and `context` tokens between `from` and `to`. */
function tokenize(text: string, from: number, to: number, tokens: Span[]): void {
  let i = from;
  const n = to;
  const push = (a: number, b: number, kind: TokenKind) => tokens.push({ from: a, to: Math.min(b, n), kind });
  while (i < n) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      const end = Math.min(n, lineEnd(text, i));
      push(i, end, "comment");
      i = end;
    } else if (c === "/" && text[i + 1] === "*") {
      const e = text.indexOf("*/", i + 2);
      const end = e === -1 ? n : e + 2;
      push(i, end, "comment");
      i = end;
    } else if (c === '"' || text.startsWith(QUOTE_ENTITY, i) || ((c === "@" || c === "$") && isQuote(text, i + 1)) || (c === "$" && text[i + 1] === "@" && isQuote(text, i + 2))) {
      const end = stringEnd(text, i);
      push(i, end, "string");
      i = end;
    } else if (c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== "'" && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
      const end = Math.min(n, j + 1);
      push(i, end, "string");
      i = end;
    } else if (/[0-9]/.test(c) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? "")) {
      let j = i + 1;
      while (j < n && /[0-9A-Fa-fxX._mMdDfFlLuU]/.test(text[j]!)) j++;
      push(i, j, "number");
      i = j;
    } else if (/[A-Za-z_]/.test(c) && !/[A-Za-z0-9_.]/.test(text[i - 1] ?? "")) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if (KEYWORDS.has(word)) push(i, j, "keyword");
      else if (word === "context") push(i, j, "context");
      i = j;
    } else i++;
  }
}

function isQuote(text: string, i: number): boolean {
  return text[i] === '"' || text.startsWith(QUOTE_ENTITY, i);
}

function lineEnd(text: string, i: number): number {
  const e = text.indexOf("\n", i);
  return e === -1 ? text.length : e;
}

/** The offset after a C# string starting at `i`: "…" with escapes, @"…" verbatim ("" doubles), $"…" interpolated. */
function stringEnd(text: string, i: number): number {
  let j = i;
  let verbatim = false;
  while (text[j] === "@" || text[j] === "$") {
    if (text[j] === "@") verbatim = true;
    j++;
  }
  const quoteLen = text.startsWith(QUOTE_ENTITY, j) ? QUOTE_ENTITY.length : 1;
  j += quoteLen;
  const n = text.length;
  while (j < n) {
    if (text.startsWith(QUOTE_ENTITY, j) || text[j] === '"') {
      const len = text[j] === '"' ? 1 : QUOTE_ENTITY.length;
      if (verbatim && (text[j + len] === '"' || text.startsWith(QUOTE_ENTITY, j + len))) {
        j += len + (text[j + len] === '"' ? 1 : QUOTE_ENTITY.length);
        continue;
      }
      return j + len;
    }
    if (!verbatim && text[j] === "\\") {
      j += 2;
      continue;
    }
    if (!verbatim && text[j] === "\n") return j;
    j++;
  }
  return n;
}

// Finds the end of a raw `@(...)` / `@{...}` policy expression inside XML text, reading C# tokens
// (balanced brackets; string, verbatim, interpolated and char literals; comments) so quotes, `<`
// and `&&` inside the expression do not end the attribute or text. XML entities are decoded on
// the way (`&quot;` reads as `"`), so escaped and raw forms give the same C# source.

export interface ScannedExpression {
  /** Decoded C# source, starting with `@(` or `@{`. */
  source: string;
  /** Document offset of each character of `source`. */
  offsets: number[];
  /** Document offset just after the expression's closing bracket. */
  end: number;
}

export interface ScanError {
  error: string;
  offset: number;
}

/** Deepest bracket nesting accepted in one expression (interpolation holes count as a level). */
export const MAX_BRACKET_DEPTH = 128;

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };

/** Decodes the XML entity at `i` (which holds '&'); null if it is not a well-formed entity. */
export function decodeEntityAt(text: string, i: number): { ch: string; len: number } | null {
  const semi = text.indexOf(";", i + 1);
  if (semi === -1 || semi - i > 12) return null;
  const name = text.slice(i + 1, semi);
  const named = ENTITIES[name];
  if (named !== undefined) return { ch: named, len: semi - i + 1 };
  let code = NaN;
  if (/^#[0-9]+$/.test(name)) code = Number(name.slice(1));
  else if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
  if (!Number.isFinite(code) || code > 0x10ffff) return null;
  return { ch: String.fromCodePoint(code), len: semi - i + 1 };
}

/**
 * Scans the expression starting at `start` (`text[start] === '@'`, followed by `(` or `{`).
 * `quote` is the attribute's delimiter when scanning inside an attribute (used only to give a
 * better error when the expression is unterminated), or null in element text.
 */
export function scanExpression(text: string, start: number, decodeEntities = true): ScannedExpression | ScanError {
  let src = "";
  const offsets: number[] = [];
  let i = start;
  // Read one (possibly entity-encoded) character; returns its decoded form and raw length.
  const peek = (at: number): { ch: string; len: number } => {
    const c = text[at];
    if (c === undefined) return { ch: "", len: 0 };
    if (c === "&" && decodeEntities) {
      const e = decodeEntityAt(text, at);
      if (e) return e;
    }
    return { ch: c, len: 1 };
  };
  const take = (): string => {
    const { ch, len } = peek(i);
    if (len === 0) return "";
    for (let k = 0; k < ch.length; k++) {
      src += ch[k];
      offsets.push(i);
    }
    i += len;
    return ch;
  };

  take(); // '@'
  const open = take();
  const stack: string[] = [open === "(" ? ")" : "}"];

  const scanString = (verbatim: boolean, interpolated: boolean): ScanError | null => {
    const startAt = i;
    for (;;) {
      const { ch } = peek(i);
      if (ch === "") return { error: "unterminated string literal in expression", offset: startAt };
      if (!verbatim && (ch === "\n" || ch === "\r")) return { error: "newline in string literal in expression", offset: i };
      if (verbatim && ch === '"') {
        take();
        if (peek(i).ch === '"') {
          take();
          continue;
        }
        return null;
      }
      if (!verbatim && ch === "\\") {
        take();
        take();
        continue;
      }
      if (!verbatim && ch === '"') {
        take();
        return null;
      }
      if (interpolated && ch === "{") {
        take();
        if (peek(i).ch === "{") {
          take();
          continue;
        }
        if (stack.length >= MAX_BRACKET_DEPTH) return { error: `expression nests brackets more than ${MAX_BRACKET_DEPTH} levels deep`, offset: i };
        stack.push("}");
        const err = scanCode();
        if (err) return err;
        continue;
      }
      if (interpolated && ch === "}") {
        take();
        if (peek(i).ch === "}") take();
        continue;
      }
      take();
    }
  };

  // Scans code until the bracket stack drops below `untilDepth` (end of expression or hole).
  const scanCode = (): ScanError | null => {
    const depth = stack.length;
    for (;;) {
      const { ch } = peek(i);
      if (ch === "") return { error: `unterminated expression: '${stack[stack.length - 1]}' expected`, offset: start };
      if (ch === "/" && peek(i + 1).ch === "/") {
        while (peek(i).ch !== "" && peek(i).ch !== "\n") take();
        continue;
      }
      if (ch === "/" && peek(i + 1).ch === "*") {
        const at = i;
        take();
        take();
        while (!(peek(i).ch === "*" && peek(i + 1).ch === "/")) {
          if (peek(i).ch === "") return { error: "unterminated comment in expression", offset: at };
          take();
        }
        take();
        take();
        continue;
      }
      if (ch === '"') {
        take();
        const e = scanString(false, false);
        if (e) return e;
        continue;
      }
      if (ch === "'") {
        const at = i;
        take();
        while (peek(i).ch !== "'") {
          const c = peek(i).ch;
          if (c === "" || c === "\n") return { error: "unterminated character literal in expression", offset: at };
          if (c === "\\") take();
          take();
        }
        take();
        continue;
      }
      if (ch === "@" || ch === "$") {
        // @"..", $"..", $@"..", @$".."
        const a = peek(i);
        const b = peek(i + a.len);
        const c = peek(i + a.len + b.len);
        if (b.ch === '"') {
          take();
          take();
          const e = scanString(ch === "@", ch === "$");
          if (e) return e;
          continue;
        }
        if ((b.ch === "@" || b.ch === "$") && b.ch !== ch && c.ch === '"') {
          take();
          take();
          take();
          const e = scanString(true, true);
          if (e) return e;
          continue;
        }
        take();
        continue;
      }
      if (ch === "(" || ch === "[" || ch === "{") {
        // The C# parser and binder recurse once (or more) a bracket level.
        if (stack.length >= MAX_BRACKET_DEPTH) return { error: `expression nests brackets more than ${MAX_BRACKET_DEPTH} levels deep`, offset: i };
        take();
        stack.push(ch === "(" ? ")" : ch === "[" ? "]" : "}");
        continue;
      }
      if (ch === ")" || ch === "]" || ch === "}") {
        const expected = stack[stack.length - 1];
        if (ch !== expected) return { error: `unexpected '${ch}' in expression: '${expected}' expected`, offset: i };
        take();
        stack.pop();
        if (stack.length < depth) return null;
        continue;
      }
      take();
    }
  };

  const err = scanCode();
  if (err) return err;
  return { source: src, offsets, end: i };
}

export function isScanError(r: ScannedExpression | ScanError): r is ScanError {
  return (r as ScanError).error !== undefined;
}

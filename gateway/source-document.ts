// JSON and YAML documents read with their positions: a problem found at a JSON pointer of the
// parsed value is reported at the file's line and column. JSON is parsed by JSON.parse (strict and
// fast); the `yaml` package (which reads JSON too) gives the node ranges, for JSON only when a
// position is asked for. Syntax errors are thrown as a DiagnosticError at their line.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic } from "../compiler/diagnostics.js";

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export interface SourceDocument {
  file: string;
  value: unknown;
  /** Where a JSON pointer's value is; its nearest existing parent's place when it is not there. */
  locate(pointer: string): SourcePosition;
}

/** A problem with one file, as a diagnostic (file, line, column, stable code). */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column} - ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`);
  }
}

export function diagnosticAt(code: string, file: string, at: { line: number; column: number; offset?: number }, message: string, severity: Diagnostic["severity"] = "error"): Diagnostic {
  return { code, severity, message, file, line: at.line, column: at.column, offset: at.offset ?? 0 };
}

/** Parses `text` as JSON (`json`) or YAML; a syntax error is thrown with `syntaxCode` at its line. */
export function parseSourceDocument(text: string, file: string, json: boolean, syntaxCode: string): SourceDocument {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let positions: Positions | null = null;
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (e) {
      const at = lineColumn(text, jsonErrorOffset(e as Error, text));
      throw new DiagnosticError(diagnosticAt(syntaxCode, file, at, `Not valid JSON: ${(e as Error).message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "")}.`));
    }
  } else {
    positions = yamlPositions(text, file, syntaxCode);
    value = positions.doc.toJS({ maxAliasCount: 1000 });
  }
  return {
    file,
    value,
    locate(pointer) {
      positions ??= yamlPositions(text, file, syntaxCode);
      return positions.locate(pointer);
    },
  };
}

interface Positions {
  doc: Document.Parsed;
  locate(pointer: string): SourcePosition;
}

function yamlPositions(text: string, file: string, syntaxCode: string): Positions {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, strict: false });
  const err = doc.errors[0];
  if (err) {
    const { line, col } = lines.linePos(err.pos[0]);
    throw new DiagnosticError(diagnosticAt(syntaxCode, file, { line, column: col, offset: err.pos[0] }, `Not valid YAML: ${err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}.`));
  }
  const start = (n: unknown) => ((n as Node | null)?.range ? (n as Node).range![0] : null);
  const locate = (pointer: string): SourcePosition => {
    let node: unknown = doc.contents;
    let best = start(node) ?? 0;
    if (pointer.startsWith("/"))
      for (const raw of pointer.slice(1).split("/")) {
        const key = decodePointerSegment(raw);
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
          next = pair?.value ?? undefined;
          // An empty value (`key:`) has no node: point at the key.
          if (pair && next === null) next = pair.key;
        } else if (isSeq(node)) next = /^\d+$/.test(key) ? node.items[Number(key)] : undefined;
        const at = start(next);
        if (at === null) break;
        best = at;
        node = next;
      }
    const { line, col } = lines.linePos(best);
    return { line, column: col, offset: best };
  };
  return { doc, locate };
}

/** Where JSON.parse stopped: its message's "position N", or "line L column C", else the end. */
function jsonErrorOffset(e: Error, text: string): number {
  const pos = /position (\d+)/.exec(e.message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) {
    let offset = 0;
    for (let l = 1; l < Number(lc[1]); l++) offset = text.indexOf("\n", offset) + 1;
    return offset + Number(lc[2]) - 1;
  }
  return text.length;
}

export function lineColumn(text: string, offset: number): SourcePosition {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last, offset };
}

export function decodePointerSegment(s: string): string {
  let t = s;
  try {
    t = decodeURIComponent(s);
  } catch {
    // not percent-encoded
  }
  return t.replace(/~1/g, "/").replace(/~0/g, "~");
}

export const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

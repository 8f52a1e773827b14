// Line-level source maps (V3) from generated lines back to the policy XML.
import type { LineMap } from "../diagnostics.js";

export interface SourceMapV3 {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/** `marks`: generated line (0-based) → source offset; the first mark on a line wins. */
export function lineSourceMap(marks: { line: number; offset: number }[], file: string, lines: LineMap): SourceMapV3 {
  const byLine = new Map<number, number>();
  for (const m of marks) if (!byLine.has(m.line)) byLine.set(m.line, m.offset);
  const maxLine = marks.reduce((a, m) => Math.max(a, m.line), -1);
  let prevSrcLine = 0;
  let prevSrcCol = 0;
  const out: string[] = [];
  for (let l = 0; l <= maxLine; l++) {
    const off = byLine.get(l);
    if (off === undefined) {
      out.push("");
      continue;
    }
    const { line, column } = lines.position(off);
    const sl = line - 1;
    const sc = column - 1;
    out.push(vlq(0) + vlq(0) + vlq(sl - prevSrcLine) + vlq(sc - prevSrcCol));
    prevSrcLine = sl;
    prevSrcCol = sc;
  }
  return { version: 3, sources: [file], sourcesContent: [lines.text], names: [], mappings: out.join(";") };
}

// Reading the generated module's source map (V3, line-level as apimc writes it): which generated
// lines came from which lines of the composed policy. The trace view uses it to show the JavaScript
// of a policy beside the policy.

export interface SourceMapLike {
  mappings: string;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** The VLQ numbers of one segment ("AAgBC" → [0, 0, 16, 1]). */
export function decodeSegment(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`Not a base64 VLQ digit: ${c}`);
    value += (d & 31) * 2 ** shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return out;
}

/**
 * For every generated line (0-based index), the 0-based source line its first segment maps to, or -1
 * when the line has no mapping. Later segments of a line are read for the running offsets only.
 */
export function generatedToSource(map: SourceMapLike): number[] {
  const lines = map.mappings.split(";");
  const out: number[] = new Array(lines.length).fill(-1);
  let srcLine = 0;
  let srcCol = 0;
  let source = 0;
  for (let g = 0; g < lines.length; g++) {
    const segs = lines[g]!.split(",");
    let first = true;
    for (const seg of segs) {
      if (seg === "") continue;
      const v = decodeSegment(seg);
      if (v.length >= 4) {
        source += v[1]!;
        srcLine += v[2]!;
        srcCol += v[3]!;
        if (first) out[g] = srcLine;
        first = false;
      }
    }
  }
  void source;
  void srcCol;
  return out;
}

/**
 * The generated lines (1-based) that came from the given source lines (0-based), each generated
 * line that has no mapping of its own belonging to the mapped line above it (a statement's
 * continuation lines, a block's closing brace).
 */
export function generatedLinesFor(map: SourceMapLike, sourceLines: ReadonlySet<number>): number[] {
  const g2s = generatedToSource(map);
  const out: number[] = [];
  let owner = -1;
  for (let g = 0; g < g2s.length; g++) {
    if (g2s[g] !== -1) owner = g2s[g]!;
    else if (owner === -1) continue;
    if (sourceLines.has(g2s[g] !== -1 ? g2s[g]! : owner)) out.push(g + 1);
  }
  return out;
}

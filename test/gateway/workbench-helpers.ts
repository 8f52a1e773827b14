// Shared by the workbench tests: a source map's line mappings decoded (VLQ), independently of the code that writes them.
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function vlqs(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit === -1) throw new Error(`not base64 VLQ: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Generated line (0-based) → source line (0-based) of its first segment. */
export function decodeLineMap(mappings: string): Map<number, number> {
  const out = new Map<number, number>();
  let srcLine = 0;
  mappings.split(";").forEach((line, i) => {
    if (!line) return;
    let first = true;
    for (const seg of line.split(",")) {
      const v = vlqs(seg);
      if (v.length >= 4) {
        srcLine += v[2]!;
        if (first) out.set(i, srcLine);
        first = false;
      }
    }
  });
  return out;
}

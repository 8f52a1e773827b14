// UTF-7 (RFC 2152) as .NET's UTF7Encoding (Encoding.UTF7: optional direct characters not allowed)
// encodes and decodes it: every base64 run ends with '-', '+' alone is "+-", surrogates are encoded
// as they are (no fallback), and a byte the decoder cannot place becomes the char of that byte.

const DIRECT = new Uint8Array(128);
for (const c of "\t\n\r '(),-./0123456789:?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") DIRECT[c.charCodeAt(0)] = 1;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

export function utf7Bytes(s: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let bitCount = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 && DIRECT[c]) {
      if (bitCount >= 0) {
        if (bitCount > 0) out.push(B64.charCodeAt((bits << (6 - bitCount)) & 0x3f));
        out.push(0x2d);
        bitCount = -1;
      }
      out.push(c);
    } else if (bitCount < 0 && c === 0x2b) out.push(0x2b, 0x2d);
    else {
      if (bitCount < 0) {
        out.push(0x2b);
        bitCount = 0;
      }
      bits = ((bits << 16) | c) & 0xffffff;
      bitCount += 16;
      while (bitCount >= 6) {
        bitCount -= 6;
        out.push(B64.charCodeAt((bits >> bitCount) & 0x3f));
      }
    }
  }
  if (bitCount >= 0) {
    if (bitCount > 0) out.push(B64.charCodeAt((bits << (6 - bitCount)) & 0x3f));
    out.push(0x2d);
  }
  return Uint8Array.from(out);
}

export function utf7String(b: Uint8Array): string {
  let out = "";
  let bits = 0;
  let bitCount = -1;
  let firstByte = false;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    let c: number;
    if (bitCount >= 0) {
      const v = x < 0x80 ? B64_VALUE[x]! : -1;
      if (v >= 0) {
        firstByte = false;
        bits = ((bits << 6) | v) & 0xffffff;
        bitCount += 6;
        if (bitCount < 16) continue;
        c = (bits >> (bitCount - 16)) & 0xffff;
        bitCount -= 16;
      } else {
        bitCount = -1;
        if (x !== 0x2d) {
          // not base64: the run ends and the byte is the fallback's char
          out += String.fromCharCode(x);
          continue;
        }
        if (!firstByte) continue;
        c = 0x2b;
      }
    } else if (x === 0x2b) {
      bitCount = 0;
      firstByte = true;
      continue;
    } else c = x;
    out += String.fromCharCode(c);
  }
  return out;
}

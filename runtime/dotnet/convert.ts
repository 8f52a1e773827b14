// Convert's base64 and hex: ToBase64String (and the fused UTF-8/base64url forms), FromBase64String,
// the char-array variants, ToHexString/FromHexString.
import { argumentNull, argumentOutOfRange, formatError } from "../errors.js";

export function toBase64(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64");
}
/**
 * A Buffer over a byte[]'s bytes, to encode them. Small arrays are copied (V8 keeps them on its
 * heap, and reading `.buffer` would move them off it: dearer than the copy); large ones are viewed.
 */
function bufferOf(b: Uint8Array): Buffer {
  // a byte[] built by LINQ (ToArray over bytes) is a plain array of numbers
  if (!(b instanceof Uint8Array)) return Buffer.from(b as ArrayLike<number>);
  return b.byteLength <= 64 ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
/** `Convert.ToBase64String(Encoding.UTF8.GetBytes(s))` in one step (Buffer's UTF-8 replaces lone surrogates with U+FFFD, as .NET does). */
export function utf8ToBase64(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64");
}
/** The same, then `.Replace("/", "_").Replace("+", "-").Replace("=", "")`: unpadded base64url. */
export function utf8ToBase64Url(s: string | null): string {
  if (s === null || s === undefined) throw argumentNull("s");
  return Buffer.from(s, "utf8").toString("base64url");
}
/** `Convert.ToBase64String(b)` with the three base64url replacements. */
export function toBase64Url(b: Uint8Array | null): string {
  if (b === null || b === undefined) throw argumentNull("inArray");
  return bufferOf(b).toString("base64url");
}
export function fromBase64(s: string | null): Uint8Array {
  if (s === null || s === undefined) throw argumentNull("s");
  const t = s.replace(/[\s]/g, "");
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t))
    throw formatError("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
  return new Uint8Array(Buffer.from(t, "base64"));
}
export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex").toUpperCase();
}
export function fromHex(s: string): Uint8Array {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw formatError("The input is not a valid hex string.");
  return new Uint8Array(Buffer.from(s, "hex"));
}

/** Convert.FromBase64CharArray(chars, offset, length). */
export function fromBase64Chars(chars: number[] | null, offset: number, length: number): Uint8Array {
  if (chars === null || chars === undefined) throw argumentNull("inArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offset < 0) throw argumentOutOfRange("offset", "Value must be positive.");
  if (offset > chars.length - length) throw argumentOutOfRange("offset", "Offset and length must refer to a position in the string.");
  return fromBase64(String.fromCharCode(...chars.slice(offset, offset + length)));
}
/** Convert.ToBase64CharArray(bytes, offsetIn, length, chars, offsetOut): the number of chars written. */
export function toBase64Chars(b: Uint8Array | null, offsetIn: number, length: number, out: number[] | null, offsetOut: number): number {
  if (b === null || b === undefined) throw argumentNull("inArray");
  if (out === null || out === undefined) throw argumentNull("outArray");
  if (length < 0) throw argumentOutOfRange("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
  if (offsetIn < 0) throw argumentOutOfRange("offsetIn", "Value must be positive.");
  if (offsetOut < 0) throw argumentOutOfRange("offsetOut", "Value must be positive.");
  if (offsetIn > b.length - length) throw argumentOutOfRange("offsetIn", "Offset and length must refer to a position in the string.");
  const s = toBase64(b.subarray(offsetIn, offsetIn + length));
  if (offsetOut > out.length - s.length) throw argumentOutOfRange("offsetOut", "Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
  for (let i = 0; i < s.length; i++) out[offsetOut + i] = s.charCodeAt(i);
  return s.length;
}

// Hash algorithms and HMACs on node:crypto (ComputeHash, TransformBlock, HashAlgorithm.Create) and random bytes.
import { createHash, createHmac, randomBytes as nodeRandomBytes, type Hash, type Hmac } from "node:crypto";
import { argumentError, argumentNull, argumentOutOfRange } from "../errors.js";
import { utf8Bytes } from "./encoding.js";

class HashAlg {
  readonly $typeName = "System.Security.Cryptography.HashAlgorithm";
  Hash: Uint8Array | null = null;
  /** The HMAC key: bytes, or the text whose UTF-8 bytes it is (`new HMACSHA256(Encoding.UTF8.GetBytes(k))`, fused). */
  #key: Uint8Array | string | null;
  constructor(
    private readonly alg: string,
    key: Uint8Array | string | null,
  ) {
    this.#key = key;
  }
  get Key(): Uint8Array | null {
    const k = this.#key;
    return typeof k === "string" ? utf8Bytes(k) : k;
  }
  set Key(v: Uint8Array | null) {
    this.#key = v;
  }
  ComputeHash(b: Uint8Array | null): Uint8Array {
    if (b === null || b === undefined) throw argumentNull("buffer");
    if (this.#legacy) return (this.Hash = legacyHmac(this.alg, this.Key!, b));
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    h.update(b);
    return (this.Hash = digestBytes(h));
  }
  /** ComputeHash(buffer, offset, count): HashAlgorithm's checks (the same as TransformBlock's, named buffer/offset). */
  ComputeHashRange(b: Uint8Array | null, offset: number, count: number): Uint8Array {
    return this.ComputeHash(blockArgs(b, offset, count, "buffer", "offset"));
  }
  #legacy = false;
  /**
   * HMACSHA384/HMACSHA512.ProduceLegacyHmacValues: .NET 2.0's HMAC with a 64-byte block instead
   * of SHA-384/512's 128 bytes (kept in .NET Framework for compatibility; default false).
   */
  get ProduceLegacyHmacValues(): boolean {
    return this.#legacy;
  }
  set ProduceLegacyHmacValues(v: boolean) {
    this.#legacy = v;
  }
  /** Hash size in bits. */
  get HashSize(): number {
    return HASH_BITS[this.alg]!;
  }
  /** HMAC.HashName: "SHA256" for HMACSHA256. */
  get HashName(): string {
    return this.alg.toUpperCase();
  }
  #pending: Uint8Array[] = [];
  /**
   * TransformBlock: hashes input[offset, offset+count), then copies it to output when given (not onto
   * itself) with Buffer.BlockCopy's checks: the block is hashed before a bad outputOffset throws
   * (reference source HashAlgorithm.TransformBlock). Returns count.
   */
  TransformBlock(input: Uint8Array | null, offset: number, count: number, output: Uint8Array | null, outputOffset: number): number {
    const part = blockArgs(input, offset, count);
    this.#pending.push(part.slice());
    if (output !== null && output !== undefined && (output !== input || outputOffset !== offset)) {
      if (outputOffset < 0) throw argumentOutOfRange("dstOffset", "Non-negative number required.");
      if (output.length - outputOffset < count) throw argumentError(OFF_LEN);
      output.set(part, outputOffset);
    }
    return count;
  }
  /** TransformFinalBlock: the last bytes; Hash is then the digest of every block since the last reset. Returns a copy of them. */
  TransformFinalBlock(input: Uint8Array | null, offset: number, count: number): Uint8Array {
    const part = blockArgs(input, offset, count).slice();
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    for (const p of this.#pending) h.update(p);
    h.update(part);
    this.#pending = [];
    this.Hash = digestBytes(h);
    return part;
  }
  Initialize(): void {
    this.#pending = [];
  }
  /** `ComputeHash(Encoding.UTF8.GetBytes(s))` (the compiler fuses the two): the same bytes hashed. */
  ComputeHashUtf8(s: string | null): Uint8Array {
    if (s === null || s === undefined) throw argumentNull("s");
    if (this.#legacy) return this.ComputeHash(utf8Bytes(s));
    const h = this.#key !== null ? createHmac(this.alg, this.#key) : createHash(this.alg);
    h.update(s, "utf8");
    return (this.Hash = digestBytes(h));
  }
}
/**
 * The digest as a byte[] of its own. Read as a latin1 string (one char a byte) into a fresh array:
 * a digest is at most 64 bytes, and a Buffer result costs a new off-heap allocation that is
 * several times the price of this copy.
 */
function digestBytes(h: Hash | Hmac): Uint8Array {
  const s = h.digest("binary"); // latin1
  const a = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}
const HASH_BITS: Record<string, number> = { md5: 128, sha1: 160, sha256: 256, sha384: 384, sha512: 512 };
function blockArgs(input: Uint8Array | null, offset: number, count: number, inputName = "inputBuffer", offsetName = "inputOffset"): Uint8Array {
  if (input === null || input === undefined) throw argumentNull(inputName);
  if (offset < 0) throw argumentOutOfRange(offsetName, "Non-negative number required.");
  if (count < 0 || count > input.length) throw argumentError("Value was invalid.");
  if (input.length - count < offset) throw argumentError(OFF_LEN);
  return input.subarray(offset, offset + count);
}
const OFF_LEN = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";
/** HashAlgorithm.Create(name) / HMAC.Create(name): the algorithm by its .NET name, null when unknown. */
export function hashCreate(name: string | null, hmac: boolean): HashAlg | null {
  if (name === null || name === undefined) throw argumentNull("hashName");
  const n = name.toUpperCase().replace(/^SYSTEM\.SECURITY\.CRYPTOGRAPHY\./, "");
  const base = hmac ? (/^HMAC(MD5|SHA1|SHA256|SHA384|SHA512)$/.exec(n)?.[1] ?? null) : /^(MD5|SHA1|SHA256|SHA384|SHA512)$/.test(n) ? n : n === "SHA" ? "SHA1" : /^(SHA-?256|SHA256MANAGED)$/.test(n) ? "SHA256" : null;
  if (!base) return null;
  return new HashAlg(base.toLowerCase(), hmac ? randomBytes(64) : null);
}
export function newHash(alg: string, key: Uint8Array | null): HashAlg {
  return new HashAlg(alg, key);
}
/** `new HMACSHA256(Encoding.UTF8.GetBytes(key))` (fused by the compiler): the key kept as text, encoded by the HMAC. */
export function newHmacUtf8Key(alg: string, key: string | null): HashAlg {
  if (key === null || key === undefined) throw argumentNull("s");
  return new HashAlg(alg, key);
}
export function randomBytes(n: number): Uint8Array {
  return new Uint8Array(nodeRandomBytes(n));
}
/** HMAC over a 64-byte block (RFC 2104 with B = 64), for ProduceLegacyHmacValues. */
function legacyHmac(alg: string, key: Uint8Array, data: Uint8Array): Uint8Array {
  const k = key.length > 64 ? createHash(alg).update(key).digest() : Buffer.from(key);
  const ipad = Buffer.alloc(64, 0x36),
    opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < k.length; i++) (ipad[i] ^= k[i]!), (opad[i] ^= k[i]!);
  const inner = createHash(alg).update(ipad).update(data).digest();
  return new Uint8Array(createHash(alg).update(opad).update(inner).digest());
}
export function newRng(_ignored?: unknown): { $typeName: string; GetBytes(b: Uint8Array): void; GetNonZeroBytes(b: Uint8Array): void } {
  return { $typeName: "System.Security.Cryptography.RNGCryptoServiceProvider", GetBytes: rngGetBytes, GetNonZeroBytes: rngGetNonZeroBytes };
}
function rngGetBytes(b: Uint8Array | null): void {
  if (b === null || b === undefined) throw argumentNull("data");
  globalThis.crypto.getRandomValues(b);
}
/** Random bytes none of which is zero (each zero drawn again). */
function rngGetNonZeroBytes(b: Uint8Array | null): void {
  if (b === null || b === undefined) throw argumentNull("data");
  globalThis.crypto.getRandomValues(b);
  const one = new Uint8Array(1);
  for (let i = 0; i < b.length; i++)
    while (b[i] === 0) {
      globalThis.crypto.getRandomValues(one);
      b[i] = one[0]!;
    }
}

